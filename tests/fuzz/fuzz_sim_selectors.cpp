// kube-sim's labelSelector and fieldSelector parsers, and matching with what parses. The first byte picks which.
#include "FuzzSupport.h"

#include "Selectors.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString text = QString::fromUtf8(fuzz::bytes(data + 1, size - 1));
    QString error;
    if (data[0] % 2 == 0) {
        const auto selector = kubesim::LabelSelector::parse(text, &error);
        if (selector.has_value() == !error.isEmpty())
            fuzz::fail("a label selector xor an error", error.toUtf8());
        if (selector) {
            static const QJsonObject labels {
                {u"app"_s, u"web"_s}, {u"tier"_s, u"3"_s}, {u"env"_s, u"prod"_s}, {u"example.com/team"_s, u""_s}};
            (void)selector->matches(labels);
            (void)selector->matches({});
        }
    } else {
        const auto selector = kubesim::FieldSelector::parse(text, &error);
        if (selector.has_value() == !error.isEmpty())
            fuzz::fail("a field selector xor an error", error.toUtf8());
        if (selector) {
            (void)selector->fields();
            (void)selector->matches([](const QString &field) {
                return field == "metadata.name"_L1 ? u"default"_s : field == "type"_L1 ? u"Opaque"_s : QString();
            });
        }
    }
    return 0;
}
