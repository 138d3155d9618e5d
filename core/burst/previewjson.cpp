#include "core/burst/previewjson.h"

#include "core/kube/quantity.h"

#include <QJsonArray>

namespace core::burst {

namespace {

// An absent value is null everywhere in the output, never "".
QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

} // namespace

QJsonObject diagnosticToJson(const Diagnostic &d)
{
    QJsonObject o{{QStringLiteral("severity"), severityName(d.severity)},
                  {QStringLiteral("code"), d.code},
                  {QStringLiteral("path"), d.path},
                  {QStringLiteral("message"), d.message}};
    if (!d.hint.isEmpty())
        o.insert(QStringLiteral("hint"), d.hint);
    return o;
}

QJsonObject previewToJson(const PreviewResult &r)
{
    QJsonArray containers;
    for (const ContainerPreview &c : r.containers) {
        QJsonObject o{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("cpu"), orNull(c.cpu)},
            {QStringLiteral("memory"), orNull(c.memory)},
            {QStringLiteral("changed"), c.changed},
            {QStringLiteral("image"), orNull(c.image)}};
        if (c.init)
            o.insert(QStringLiteral("init"), true);
        if (c.changed) {
            o.insert(QStringLiteral("before"),
                     QJsonObject{{QStringLiteral("cpu"), orNull(c.cpuBefore)},
                                 {QStringLiteral("memory"), orNull(c.memoryBefore)},
                                 {QStringLiteral("image"), orNull(c.imageBefore)}});
            if (!c.reasons.isEmpty())
                o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(c.reasons));
        }
        containers.append(o);
    }
    QJsonArray diagnostics;
    for (const Diagnostic &d : r.diagnostics)
        diagnostics.append(diagnosticToJson(d));
    if (r.lintOnly) // a Namespace or Network: no pod to show
        return QJsonObject{{QStringLiteral("kind"), r.kind},
                           {QStringLiteral("apiVersion"), r.apiVersion},
                           {QStringLiteral("namespace"), orNull(r.nameSpace)},
                           {QStringLiteral("name"), r.name},
                           {QStringLiteral("admissible"), r.admissible},
                           {QStringLiteral("diagnostics"), diagnostics}};
    QJsonObject out{
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("namespace"), r.nameSpace},
        {QStringLiteral("name"), r.name},
        {QStringLiteral("strategy"),
         QJsonObject{{QStringLiteral("value"), strategyName(r.strategy.value)},
                     {QStringLiteral("source"), sourceName(r.strategy.source)},
                     {QStringLiteral("profile"), orNull(r.strategy.profile)}}},
        {QStringLiteral("admissible"), r.admissible},
        {QStringLiteral("normalized"), r.normalized},
        {QStringLiteral("podResources"),
         QJsonObject{{QStringLiteral("cpu"), kube::formatCpuMilli(r.podAfter.cpuMilli)},
                     {QStringLiteral("memory"), kube::formatMemoryBytes(r.podAfter.memoryBytes)}}},
        {QStringLiteral("containers"), containers},
        {QStringLiteral("cciPod"), r.cciPod},
        {QStringLiteral("diagnostics"), diagnostics}};
    if (!r.downwardEnv.isEmpty()) {
        QJsonArray env;
        for (const DownwardEnv &e : r.downwardEnv)
            env.append(QJsonObject{{QStringLiteral("container"), e.container},
                                   {QStringLiteral("name"), e.name},
                                   {QStringLiteral("fieldPath"), e.fieldPath},
                                   {QStringLiteral("value"),
                                    e.known ? QJsonValue(e.value) : QJsonValue()}});
        out.insert(QStringLiteral("downwardEnv"), env);
    }
    if (r.gpus > 0)
        out.insert(QStringLiteral("gpus"), r.gpus);
    return out;
}

} // namespace core::burst
