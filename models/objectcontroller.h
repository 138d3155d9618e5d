#pragma once

#include "models/eventtablemodel.h"
#include "models/objectref.h"

#include <QJsonObject>
#include <QMetaObject>
#include <QObject>
#include <QStringList>

#include <functional>

namespace models {

class ClusterSession;

// The server copy of one object for the details pane, kept current, and the one way an edit of it
// is written. setObject() GETs the object (resources such as "deployments.apps" resolve through
// the client's RestMapper); whenever the session's informer of that resource reports a change
// of its uid it GETs it again (informers may hold trimmed objects), and a deletion marks it gone.
// The events about it come from the session's "events" informer cache.
//
// An edit starts from the server copy of that moment (its base). apply() sends a JSON merge
// patch from the base to the edited object carrying the base's metadata.resourceVersion as a
// precondition, so a change on the server since then makes the server answer 409: nothing is
// overwritten, conflicted() hands over the server's current copy, and the operator either
// reloads or re-bases the edit (rebased()) and reviews it again.
class ObjectController : public QObject
{
    Q_OBJECT
public:
    enum class State {
        None,    // no object selected
        Loading, // the first GET for this object is under way
        Loaded,  // serverCopy() is the object as the server last sent it
        Gone,    // the server says it does not exist (any more)
        Failed,  // the GET failed: error()
    };

    explicit ObjectController(ClusterSession *session, QObject *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    // Shows `object` (an invalid ref clears). While an edit is open the edited object stays.
    void setObject(const ObjectRef &object);
    const ObjectRef &object() const { return m_ref; }
    State state() const { return m_state; }
    QString error() const { return m_error; }
    // The object as the server last sent it ({} until loaded).
    const QJsonObject &serverCopy() const { return m_server; }
    // The events about the object, newest first.
    const QList<EventRow> &events() const { return m_events; }
    // The cluster's virtual nodes (from the nodes informer), to tell burst pods.
    QStringList virtualNodes() const;
    // GETs the object again.
    void refresh();

    // --- Editing ------------------------------------------------------------------------
    // Starts an edit from the current server copy (false when nothing is loaded).
    bool beginEdit();
    // Drops the edit (the pane shows the server copy again).
    void cancelEdit();
    bool isEditing() const { return m_editing; }
    bool isApplying() const { return m_applying; }
    // The server copy the edit started from, as shown (shownObject()).
    const QJsonObject &editBase() const { return m_base; }
    // The server's resourceVersion differs from the base's: applying will meet a conflict.
    bool serverChangedSinceEdit() const;
    // The patch apply() would send for `edited` (editPatch()); empty when it changes nothing.
    QByteArray patchFor(const QJsonObject &edited) const;
    // Sends patchFor(edited). Ends in exactly one of applied(), conflicted(), applyFailed().
    void apply(const QJsonObject &edited);
    // After a conflict: the change from the base to `edited` applied on top of the server's
    // current copy, which becomes the base. Review the result and apply() it again.
    QJsonObject rebased(const QJsonObject &edited);
    // After a conflict: drops the edit and shows the server's current copy.
    void reload();

signals:
    // The object, its state or its server copy changed.
    void changed();
    void eventsChanged();
    // The patch was written; serverCopy() is what the server answered, the edit is over.
    void applied();
    // 409: the object changed on the server since the edit began; `current` is its copy now
    // (also serverCopy()). Nothing was written; the edit stays open.
    void conflicted(const QJsonObject &current);
    // Any other failure, with the API's message. The edit stays open.
    void applyFailed(const QString &message);

private:
    void fetch(std::function<void(bool ok)> then = {});
    void follow();
    void onChanges(const core::kube::ChangeSet &changes);
    void onEvents(const core::kube::ChangeSet &changes);
    void updateEvents();
    void setState(State state, const QString &error = {});
    void fail(const QString &message);

    ClusterSession *m_session;
    ObjectRef m_ref;
    ObjectRef m_pending; // selected while an edit was open: shown when the edit ends
    State m_state = State::None;
    QString m_error;
    QJsonObject m_server;
    QList<EventRow> m_events;
    quint64 m_issued = 0;   // the last GET sent
    quint64 m_accepted = 0; // the last GET answer taken; older answers are dropped
    bool m_editing = false;
    bool m_applying = false;
    QJsonObject m_base;
    QMetaObject::Connection m_objectFeed;
    QMetaObject::Connection m_eventFeed;
};

} // namespace models
