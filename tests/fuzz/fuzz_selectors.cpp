#include "core/kube/fieldselector.h"
#include "core/kube/labelselector.h"
#include "core/kube/selectorparser.h"
#include "tests/fuzz/fuzzinput.h"

// Label selectors (kubectl -l syntax) and field selectors on any text. A field selector that
// parses prints as one that parses back and prints the same (the client sends it printed; the
// printed form is canonical: requirements follow the sorted source terms, so "a==x,a= " and
// "a=x,a= " hold the same requirements in another order).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QMap<QString, QString> labels{{QStringLiteral("app"), QStringLiteral("web")},
                                        {QStringLiteral("tier"), QStringLiteral("1")}};

    const core::Result<core::kube::LabelSelector> label = core::kube::parseLabelSelector(text);
    if (label) {
        label->validate();
        label->matches(labels);
        core::Diagnostics diagnostics;
        core::kube::LabelSelector::fromJson(label->toJson(), &diagnostics).matches(labels);
    }

    const core::Result<core::kube::FieldSelector> field = core::kube::parseFieldSelector(text);
    if (field) {
        field->matches(labels);
        const QString printed = field->toString();
        const core::Result<core::kube::FieldSelector> again =
            core::kube::parseFieldSelector(printed);
        FUZZ_CHECK(again.ok(), (text + u" -> " + printed).toUtf8());
        FUZZ_CHECK(again->toString() == printed, (text + u" -> " + printed).toUtf8());
    }
    return 0;
}
