#include "models/livepolicy.h"

#include "core/burst/scheduleprofile.h"
#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace models {

namespace {

// "[3]" -> 3, anything else -> -1.
int listIndex(const QString &item)
{
    static const QRegularExpression index(QStringLiteral("^\\[(\\d+)\\]$"));
    const QRegularExpressionMatch m = index.match(item);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Sets or removes `path[at...]` inside `value`; returns the new value. Maps are created on the
// way of a set; a removal that empties a map removes the map too (as the workbench's YAML edit
// leaves no `labels: {}` behind).
QJsonValue edited(const QJsonValue &value, const QStringList &path, qsizetype at,
                  const std::optional<QJsonValue> &to)
{
    if (at == path.size())
        return to.value_or(QJsonValue(QJsonValue::Undefined));
    const QString &item = path.at(at);
    const int index = listIndex(item);
    if (index >= 0) {
        if (!value.isArray() || index >= value.toArray().size())
            return value;
        QJsonArray array = value.toArray();
        const QJsonValue inner = edited(array.at(index), path, at + 1, to);
        if (inner.isUndefined())
            array.removeAt(index);
        else
            array[index] = inner;
        return array;
    }
    if (!value.isObject() && !(value.isUndefined() || value.isNull()))
        return value;
    QJsonObject object = value.toObject();
    if (!to && !object.contains(item))
        return value;
    const QJsonValue inner = edited(object.value(item), path, at + 1, to);
    if (inner.isUndefined())
        object.remove(item);
    else
        object.insert(item, inner);
    if (object.isEmpty() && !to)
        return QJsonValue(QJsonValue::Undefined);
    return object;
}

QString pathOf(const QStringList &path)
{
    return path.join(u'\x1f');
}

QStringList causeFields(const QJsonObject &status)
{
    QStringList fields;
    for (const QJsonValue &cause :
         status.value(u"details").toObject().value(u"causes").toArray()) {
        const QString field = cause.toObject().value(u"field").toString();
        if (!field.isEmpty())
            fields.append(field);
    }
    return fields;
}

LiveWriteResult resultOf(const LiveWrite &write, const core::kube::ApiResult<QJsonObject> &r)
{
    LiveWriteResult result;
    result.write = write;
    result.ok = bool(r);
    if (r) {
        result.answer = r.value();
        result.httpStatus = 200;
    } else {
        result.error = r.error().message;
        result.fields = causeFields(r.error().status);
        result.httpStatus = r.error().httpStatus;
    }
    return result;
}

} // namespace

FieldEdit burstLabelEdit(const core::kube::Workload &workload, bool podTemplate,
                         const QString &value)
{
    const QString labels = podTemplate ? workload.podPath(QStringLiteral("metadata.labels"))
                                       : QStringLiteral("metadata.labels");
    QStringList path = labels.split(u'.');
    path.append(core::burst::kBurstLabel);
    return {path, value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value)};
}

FieldEdit podAnnotationEdit(const core::kube::Workload &workload, const QString &key,
                            const QString &value)
{
    QStringList path = workload.podPath(QStringLiteral("metadata.annotations")).split(u'.');
    path.append(key);
    return {path, value.isEmpty() ? std::nullopt : std::optional<QJsonValue>(value)};
}

QList<FieldEdit> stageEdits(QList<FieldEdit> staged, const QList<FieldEdit> &edits)
{
    for (const FieldEdit &edit : edits) {
        staged.removeIf([&](const FieldEdit &e) { return pathOf(e.path) == pathOf(edit.path); });
        staged.append(edit);
    }
    return staged;
}

QJsonObject applyFieldEdits(QJsonObject object, const QList<FieldEdit> &edits)
{
    for (const FieldEdit &edit : edits) {
        if (edit.path.isEmpty())
            continue;
        object = edited(object, edit.path, 0, edit.value).toObject();
    }
    return object;
}

PolicyPatch policyPatch(const QJsonObject &live, const QList<FieldEdit> &edits)
{
    PolicyPatch result;
    result.patched = applyFieldEdits(live, edits);
    result.patch = mergePatch(live, result.patched);
    if (result.patch.isEmpty())
        return result;
    QJsonObject meta = result.patch.value(u"metadata").toObject();
    meta.insert(QStringLiteral("resourceVersion"), core::kube::resourceVersionOf(live));
    result.patch.insert(QStringLiteral("metadata"), meta);
    return result;
}

std::optional<core::burst::PreviewResult> livePreview(const QJsonObject &object,
                                                      const QList<QJsonObject> &profiles,
                                                      const NamespaceFlavorMap &flavors)
{
    core::Diagnostics diagnostics;
    const auto workload = core::kube::workloadFromObject(object, &diagnostics);
    if (!workload)
        return std::nullopt;
    core::burst::PreviewScope scope;
    for (const QJsonObject &p : profiles)
        scope.profiles.append(core::burst::scheduleProfileFromJson(p));
    scope.namespaceFlavors = flavors;
    core::burst::PreviewResult result = core::burst::preview(*workload, scope);
    result.diagnostics = diagnostics + result.diagnostics;
    return result;
}

LiveProfileScope liveProfileScope(const QList<QJsonObject> &workloadObjects,
                                  const QList<QJsonObject> &profileObjects,
                                  const NamespaceFlavorMap &flavors)
{
    LiveProfileScope scope;
    for (const QJsonObject &object : profileObjects) {
        core::burst::ProfileEntry entry;
        entry.profile = core::burst::scheduleProfileFromJson(object);
        entry.diagnostics = core::burst::validateScheduleProfile(entry.profile);
        scope.profiles.append(entry);
    }
    for (const QJsonObject &object : workloadObjects) {
        // Pods a controller owns follow their owner's row: only top-level workloads.
        if (!core::kube::controllerRef(object).isEmpty())
            continue;
        if (auto preview = livePreview(object, profileObjects, flavors))
            scope.workloads.append({0, 0, *preview});
    }
    return scope;
}

bool isScalable(const ObjectRef &object)
{
    return object.resource == u"deployments.apps" || object.resource == u"statefulsets.apps" ||
           object.resource == u"replicasets.apps";
}

QJsonObject scalePatch(int replicas)
{
    return {{QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas}}}};
}

QString LiveWrite::describe() const
{
    const QString target = subresource.isEmpty() ? object.display()
                                                 : object.display() + u'/' + subresource;
    if (verb == Verb::Delete) {
        QJsonObject preconditions;
        if (!uid.isEmpty())
            preconditions.insert(QStringLiteral("uid"), uid);
        if (!resourceVersion.isEmpty())
            preconditions.insert(QStringLiteral("resourceVersion"), resourceVersion);
        const QJsonObject options{{QStringLiteral("propagationPolicy"), QStringLiteral("Background")},
                                  {QStringLiteral("preconditions"), preconditions}};
        return u"DELETE " + target + u'\n' +
               QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Indented));
    }
    return u"PATCH " + target + u" (application/merge-patch+json)\n" +
           QString::fromUtf8(QJsonDocument(patch).toJson(QJsonDocument::Indented));
}

LiveWrite patchWrite(const ObjectRef &object, const QJsonObject &patch, const QString &subresource)
{
    LiveWrite write;
    write.object = object;
    write.patch = patch;
    write.subresource = subresource;
    return write;
}

LiveWrite deleteWrite(const ObjectRef &object, const QJsonObject &live)
{
    LiveWrite write;
    write.verb = LiveWrite::Verb::Delete;
    write.object = object;
    write.uid = live.isEmpty() ? object.uid : core::kube::uidOf(live);
    return write;
}

QJsonObject cachedObject(const ClusterSession *session, const ObjectRef &object)
{
    const core::kube::Informer *informer = session ? session->informer(object.resource) : nullptr;
    if (!informer)
        return {};
    if (!object.uid.isEmpty() && informer->cache().contains(object.uid))
        return informer->cache().object(object.uid);
    for (const QJsonObject &candidate : cachedObjects(session, object.resource, object.nameSpace)) {
        if (core::kube::nameOf(candidate) == object.name)
            return candidate;
    }
    return {};
}

QList<QJsonObject> cachedObjects(const ClusterSession *session, const QString &resource,
                                 const QString &nameSpace)
{
    const core::kube::Informer *informer = session ? session->informer(resource) : nullptr;
    if (!informer)
        return {};
    return informer->cache().byIndex(core::kube::ObjectCache::Index::Namespace, nameSpace);
}

LiveWriter::LiveWriter(ClusterSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

bool LiveWriter::run(const QList<LiveWrite> &writes, bool dryRun)
{
    if (m_busy || writes.isEmpty())
        return false;
    m_busy = true;
    m_dryRun = dryRun;
    m_queue = writes;
    m_results.clear();
    next();
    return true;
}

void LiveWriter::fetch(const ObjectRef &object, std::function<void(const LiveWriteResult &)> done)
{
    core::kube::ApiClient *client = m_session->client();
    const LiveWrite write = patchWrite(object, {});
    client->resolve(
        object.resource, this,
        [this, client, object, write, done](
            const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!mapping) {
                done(resultOf(write, mapping.error()));
                return;
            }
            client->get(mapping.value(), object.nameSpace, object.name, this,
                        [write, done](const core::kube::ApiResult<QJsonObject> &r) {
                            done(resultOf(write, r));
                        });
        });
}

void LiveWriter::next()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        emit finished(m_dryRun, m_results);
        return;
    }
    const LiveWrite write = m_queue.takeFirst();
    core::kube::ApiClient *client = m_session->client();
    const auto answered = [this, write](const core::kube::ApiResult<QJsonObject> &r) {
        m_results.append(resultOf(write, r));
        next();
    };
    client->resolve(
        write.object.resource, this,
        [this, client, write,
         answered](const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!mapping) {
                answered(mapping.error());
                return;
            }
            core::kube::WriteOptions options;
            options.dryRun = m_dryRun;
            options.subresource = write.subresource;
            const ObjectRef &o = write.object;
            if (write.verb == LiveWrite::Verb::Delete) {
                options.uid = write.uid;
                options.resourceVersion = write.resourceVersion;
                client->remove(mapping.value(), o.nameSpace, o.name,
                               core::kube::PropagationPolicy::Background, options, this, answered);
            } else {
                client->patch(mapping.value(), o.nameSpace, o.name, core::kube::PatchType::Merge,
                              QJsonDocument(write.patch).toJson(QJsonDocument::Compact), options,
                              this, answered);
            }
        });
}

} // namespace models
