#pragma once

#include <QLocale>
#include <QString>

namespace sa {

// Installs the translators for `locale` on the application, replacing those of an earlier call: Qt's own (the words
// of its dialogs and buttons), from Qt's translations folder when it is installed (Debian: qt6-translations-l10n),
// and SA Admin's, built in as :/i18n. A language SA Admin has no translation for gets its English, which holds the
// English plural forms. Returns the file name of the translation of ours that was loaded (e.g. "sa-admin_de").
QString installTranslators(const QLocale &locale = QLocale());

} // namespace sa
