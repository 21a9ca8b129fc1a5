#include "Translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QPointer<QTranslator> g_qt;
QPointer<QTranslator> g_ours;

void replace(QPointer<QTranslator> &slot, QTranslator *translator)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot.data();
    }
    slot = translator;
    if (translator)
        QCoreApplication::installTranslator(translator);
}

} // namespace

QString installTranslators(const QLocale &locale)
{
    auto qt = std::make_unique<QTranslator>(QCoreApplication::instance());
    const bool qtLoaded = qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    replace(g_qt, qtLoaded ? qt.release() : nullptr);

    auto ours = std::make_unique<QTranslator>(QCoreApplication::instance());
    if (!ours->load(locale, u"sa-admin"_s, u"_"_s, u":/i18n"_s) && !ours->load(u"sa-admin_en"_s, u":/i18n"_s)) {
        replace(g_ours, nullptr);
        return {};
    }
    const QString loaded = QFileInfo(ours->filePath()).completeBaseName();
    replace(g_ours, ours.release());
    return loaded;
}

} // namespace sa
