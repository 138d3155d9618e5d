#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/jsonpatch.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace core::sandbox {

// Update and patch of one stored object with a step between what the client sent and what is
// stored, as the API server's REST strategies have it (status kept or taken alone, the scale
// folded into its parent, defaults). The write is conditional on the resourceVersion it read, so a
// controller's concurrent write is never lost: when the client named no resourceVersion the
// write is retried on a fresh read, as the API server's GuaranteedUpdate does; a stale one the
// client sent is 409 Conflict.
class ObjectWriter
{
public:
    // The object the client sees and sends (the stored object itself, or e.g. its Scale).
    using View = std::function<QJsonObject(const QJsonObject &stored)>;
    // The object to store from the stored one and the client's view; the result's
    // metadata.resourceVersion is the precondition (empty = the one read).
    using Merge = std::function<ServerResult<QJsonObject>(const QJsonObject &stored,
                                                          const QJsonObject &sent)>;

    ObjectWriter(ObjectStore &store, ResourceType type, QString namespaceName, QString name,
                 WriteMode mode = WriteMode::Store);

    ServerResult<QJsonObject> update(const QJsonObject &sent, const Merge &merge);
    // `kind` picks the strategic merge patch schema, as in applyPatch().
    ServerResult<QJsonObject> patch(PatchType patchType, const QByteArray &body,
                                    const QString &kind, const View &view, const Merge &merge);

private:
    ServerResult<QJsonObject>
    write(const std::function<ServerResult<QJsonObject>(const QJsonObject &)> &next);

    ObjectStore &m_store;
    ResourceType m_type;
    QString m_namespace;
    QString m_name;
    WriteMode m_mode;
};

} // namespace core::sandbox
