#include "models/objectcontroller.h"

#include "core/burst/cciconventions.h"
#include "core/kube/apiclient.h"
#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/objectdetails.h"
#include "models/tr.h"

#include <utility>

namespace models {

namespace {

// The server's own words when it sent any, else the client's mapping of the failure.
QString messageOf(const core::kube::ApiStatusError &error)
{
    return error.message.isEmpty() ? error.toError().message : error.message;
}

bool sameObject(const ObjectRef &a, const ObjectRef &b)
{
    return a.resource == b.resource && a.nameSpace == b.nameSpace && a.name == b.name &&
           (a.uid.isEmpty() || b.uid.isEmpty() || a.uid == b.uid);
}

} // namespace

ObjectController::ObjectController(ClusterSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    // Informers exist from discovery on (and again after a restart of the session).
    connect(session, &ClusterSession::discovered, this, [this] {
        follow();
        updateEvents();
    });
}

void ObjectController::setObject(const ObjectRef &object)
{
    if (m_editing || m_applying) {
        m_pending = object; // the edit keeps its object; the selection shows afterwards
        return;
    }
    m_pending = {};
    if (sameObject(object, m_ref) && object.isValid() && m_state != State::Failed)
        return;
    m_ref = object;
    m_server = {};
    m_events.clear();
    m_accepted = m_issued; // answers for the previous object are dropped
    follow();
    emit eventsChanged();
    if (!object.isValid()) {
        setState(State::None);
        return;
    }
    setState(State::Loading);
    fetch();
}

QStringList ObjectController::virtualNodes() const
{
    const core::kube::Informer *nodes = m_session->informer(QStringLiteral("nodes"));
    return nodes ? core::burst::virtualNodeNames(nodes->cache().objects()) : QStringList();
}

void ObjectController::refresh()
{
    if (m_ref.isValid())
        fetch();
}

void ObjectController::fetch(std::function<void(bool ok)> then)
{
    core::kube::ApiClient *client = m_session->client();
    const quint64 request = ++m_issued;
    const ObjectRef ref = m_ref;
    // An answer counts when it is newer than every answer taken so far (GETs may overtake each
    // other), and was asked for the object still shown.
    const auto current = [this, request] { return request > m_accepted; };
    client->resolve(
        ref.resource, this,
        [this, client, ref, current, request,
         then](const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!current())
                return;
            if (!mapping) {
                fail(messageOf(mapping.error()));
                if (then)
                    then(false);
                return;
            }
            client->get(mapping.value(), ref.nameSpace, ref.name, this,
                        [this, current, request,
                         then](const core::kube::ApiResult<QJsonObject> &got) {
                            if (!current())
                                return;
                            m_accepted = request;
                            if (!got && got.error().isNotFound()) {
                                setState(State::Gone);
                            } else if (!got) {
                                fail(messageOf(got.error()));
                            } else {
                                m_server = got.value();
                                setState(State::Loaded);
                                updateEvents();
                            }
                            if (then)
                                then(bool(got));
                        });
        });
}

void ObjectController::follow()
{
    disconnect(m_objectFeed);
    disconnect(m_eventFeed);
    if (!m_ref.isValid())
        return;
    if (core::kube::Informer *objects = m_session->informer(m_ref.resource))
        m_objectFeed = connect(objects, &core::kube::Informer::changes, this,
                               &ObjectController::onChanges);
    if (core::kube::Informer *events = m_session->informer(QStringLiteral("events")))
        m_eventFeed = connect(events, &core::kube::Informer::changes, this,
                              &ObjectController::onEvents);
}

void ObjectController::onChanges(const core::kube::ChangeSet &changes)
{
    const QString uid = m_server.isEmpty() ? m_ref.uid : core::kube::uidOf(m_server);
    const auto isOurs = [this, &uid](const QJsonObject &o) {
        return uid.isEmpty() ? core::kube::nameOf(o) == m_ref.name &&
                                   core::kube::namespaceOf(o) == m_ref.nameSpace
                             : core::kube::uidOf(o) == uid;
    };
    const auto any = [&isOurs](const QList<QJsonObject> &objects) {
        return std::any_of(objects.cbegin(), objects.cend(), isOurs);
    };
    if (any(changes.added) || any(changes.modified)) {
        fetch();
    } else if (any(changes.deleted)) {
        m_accepted = m_issued; // a GET in flight may still find it: the deletion is newer
        setState(State::Gone);
    }
}

void ObjectController::onEvents(const core::kube::ChangeSet &changes)
{
    if (m_server.isEmpty())
        return;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified, &changes.deleted}) {
        for (const QJsonObject &event : *list) {
            if (eventIsAbout(event, m_server)) {
                updateEvents();
                return;
            }
        }
    }
}

void ObjectController::updateEvents()
{
    const core::kube::Informer *events = m_session->informer(QStringLiteral("events"));
    m_events = events && !m_server.isEmpty() ? eventsAbout(events->cache().objects(), m_server)
                                             : QList<EventRow>();
    emit eventsChanged();
}

void ObjectController::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    emit changed();
}

void ObjectController::fail(const QString &message)
{
    setState(State::Failed, message);
}

bool ObjectController::beginEdit()
{
    if (m_state != State::Loaded || m_server.isEmpty())
        return false;
    m_editing = true;
    m_base = shownObject(m_server);
    emit changed();
    return true;
}

void ObjectController::cancelEdit()
{
    if (!m_editing)
        return;
    m_editing = false;
    m_base = {};
    emit changed();
    const ObjectRef pending = std::exchange(m_pending, {}); // setObject() clears m_pending
    if (pending.isValid() && !sameObject(pending, m_ref))
        setObject(pending);
}

bool ObjectController::serverChangedSinceEdit() const
{
    return m_editing && !m_server.isEmpty() &&
           core::kube::resourceVersionOf(m_server) != core::kube::resourceVersionOf(m_base);
}

QByteArray ObjectController::patchFor(const QJsonObject &edited) const
{
    return editPatch(m_base, edited);
}

void ObjectController::apply(const QJsonObject &edited)
{
    const QByteArray patch = patchFor(edited);
    if (!m_editing || patch.isEmpty() || m_applying) {
        emit applyFailed(m_editing ? Tr::tr("The edit changes nothing: there is nothing to apply.")
                                   : Tr::tr("No edit is open."));
        return;
    }
    m_applying = true;
    emit changed();
    core::kube::ApiClient *client = m_session->client();
    const ObjectRef ref = m_ref;
    const auto failed = [this](const QString &message) {
        m_applying = false;
        emit changed();
        emit applyFailed(message);
    };
    client->resolve(
        ref.resource, this,
        [this, client, ref, patch,
         failed](const core::kube::ApiResult<core::kube::ResourceMapping> &mapping) {
            if (!mapping) {
                failed(messageOf(mapping.error()));
                return;
            }
            client->patch(
                mapping.value(), ref.nameSpace, ref.name, core::kube::PatchType::Merge, patch,
                this, [this, failed](const core::kube::ApiResult<QJsonObject> &written) {
                    if (written) {
                        m_applying = false;
                        m_editing = false;
                        m_base = {};
                        m_accepted = m_issued; // GETs sent before the write are older
                        m_server = written.value();
                        setState(State::Loaded);
                        emit applied();
                        const ObjectRef pending = std::exchange(m_pending, {});
                        if (pending.isValid() && !sameObject(pending, m_ref))
                            setObject(pending);
                        return;
                    }
                    if (written.error().httpStatus != 409) {
                        failed(messageOf(written.error()));
                        return;
                    }
                    const QString conflict = messageOf(written.error());
                    fetch([this, failed, conflict](bool ok) {
                        if (!ok) {
                            failed(Tr::tr("%1 (and the server's current copy could not be read: "
                                          "%2)")
                                       .arg(conflict, m_state == State::Gone
                                                           ? Tr::tr("it no longer exists")
                                                           : m_error));
                            return;
                        }
                        m_applying = false;
                        emit changed();
                        emit conflicted(m_server);
                    });
                });
        });
}

QJsonObject ObjectController::rebased(const QJsonObject &edited)
{
    QJsonObject mine = mergePatch(m_base, edited);
    QJsonObject metadata = mine.value(u"metadata").toObject();
    metadata.remove(QStringLiteral("resourceVersion"));
    if (metadata.isEmpty())
        mine.remove(QStringLiteral("metadata"));
    else
        mine.insert(QStringLiteral("metadata"), metadata);
    m_base = shownObject(m_server);
    emit changed();
    return applyMergePatch(m_base, mine);
}

void ObjectController::reload()
{
    cancelEdit();
    refresh();
}

} // namespace models
