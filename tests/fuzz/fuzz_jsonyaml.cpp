#include "core/kube/jsonyaml.h"
#include "core/kube/yamllimits.h"
#include "tests/fuzz/fuzzinput.h"

#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

// YAML -> JSON resolution (go-yaml v2's YAML 1.1 rules, as kubectl reads) of one document that
// passed the limit checks, and back: what jsonToYaml writes reads back as the same JSON (the
// workbench and burstctl write YAML that way). Also resolvePlainScalar on the text itself.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    const QByteArray text = fuzz::bytes(data, size);
    if (size <= 256)
        core::kube::resolvePlainScalar(QString::fromUtf8(text));
    if (core::kube::firstInvalidUtf8(text) >= 0)
        return 0;
    QJsonValue json;
    try {
        if (core::kube::checkYamlDocument(text))
            return 0;
        const YAML::Node node = YAML::Load(text.toStdString());
        if (core::kube::checkLoadedDocument(node, text))
            return 0;
        core::kube::PositionMap positions;
        json = core::kube::yamlToJson(node, 0, &positions);
    } catch (const YAML::Exception &) {
        return 0;
    }
    core::kube::jsonTypeName(json);
    const QByteArray written = core::kube::jsonToYaml(json);
    QJsonValue reread;
    try {
        reread = core::kube::yamlToJson(YAML::Load(written.toStdString()));
    } catch (const YAML::Exception &e) {
        fuzz::fail("jsonToYaml writes YAML that reads back", text + "\n---\n" + written);
    }
    FUZZ_CHECK(reread == json, text + "\n--- written as\n" + written);
    return 0;
}
