#pragma once

#include "core/burst/preview.h"
#include "core/common/diagnostic.h"
#include "core/kube/manifestloader.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

// What the burst engine's tests share: previewing a YAML text as `burstctl preview` does, and a
// diagnostic list as comparable "code@path" strings.
namespace bursttest {

inline QList<core::burst::PreviewResult> previewText(const QByteArray &yaml)
{
    const core::kube::LoadResult loaded = core::kube::loadManifests(yaml, QStringLiteral("t.yaml"));
    if (!loaded.errors.isEmpty())
        qWarning("%s", qPrintable(loaded.errors.first().toString()));
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    return core::burst::previewObjects(objects, {});
}

inline QStringList codesAt(const core::Diagnostics &diagnostics)
{
    QStringList out;
    for (const core::Diagnostic &d : diagnostics)
        out.append(d.code + u'@' + d.path);
    return out;
}

} // namespace bursttest
