#pragma once

#include "models/eventtablemodel.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What the details pane shows of one object, read from its JSON by pure functions (no widgets,
// no cluster): a kind-aware summary, its conditions, its containers, the events about it, and
// the YAML it is shown and edited as, with the JSON merge patch an edit sends.
namespace models {

// One line of the summary: a translated label and the value as shown.
struct DetailField
{
    QString label;
    QString value;
    bool operator==(const DetailField &) const = default;
};

// The summary: the metadata every object has (kind, name, namespace, created, labels, owner),
// then by kind: a Pod's phase (kubectl's STATUS), node and where it runs (local or CCI, by
// `virtualNodes`), IPs, QoS class, restarts, burst label and CCI annotations; a workload's
// replicas, update strategy, selector and burst label (its own or its pod template's); a Node's
// kind (virtual or local), readiness, capacity and allocatable, addresses, taints and lock.
// Other kinds show the metadata only. Fields without a value are left out.
QList<DetailField> summaryOf(const QJsonObject &object, const QStringList &virtualNodes = {});

// status.conditions, in the object's order.
struct ConditionRow
{
    QString type;
    QString status; // True, False, Unknown
    QString reason;
    QString message;
    QDateTime lastTransition; // invalid when not given
    bool operator==(const ConditionRow &) const = default;
};
QList<ConditionRow> conditionsOf(const QJsonObject &object);

// A container of a pod (spec and status joined by name) or of a workload's pod template (no
// status then). Init containers come first, then the containers, then containers that only
// the status lists (what the runtime added).
struct ContainerRow
{
    enum class Kind { Init, App, Ephemeral };
    Kind kind = Kind::App;
    QString name;
    QString image;
    QString requests; // "cpu 100m, memory 128Mi", "" when none
    QString limits;
    bool hasStatus = false;
    QString state; // "Running", "Waiting: CrashLoopBackOff", "Terminated: Completed (exit 0)"
    bool ready = false;
    int restarts = 0;
    bool cciSidecar = false; // the container CCI injects (core::burst::isCciSidecar)
    bool operator==(const ContainerRow &) const = default;
};
QList<ContainerRow> containersOf(const QJsonObject &object);

// Whether `event` is about `object`: by involvedObject.uid when both have a uid, else by kind,
// namespace and name.
bool eventIsAbout(const QJsonObject &event, const QJsonObject &object);
// The events of `events` about `object`, newest first.
QList<EventRow> eventsAbout(const QList<QJsonObject> &events, const QJsonObject &object);

// The object as the YAML tab shows it: block YAML of its JSON without metadata.managedFields.
QString objectYaml(const QJsonObject &object);
// The object shown and edited: without metadata.managedFields (noise nobody edits).
QJsonObject shownObject(const QJsonObject &object);

// The edited YAML read back: one mapping, or a message with the line and column ("Line 4,
// column 3: ...") of what is wrong. An edit may not change apiVersion, kind, name or namespace:
// those say which object is patched.
struct ParsedEdit
{
    QJsonObject object;
    QString error; // translated; empty when the text is a valid edit
    int line = 0;  // 1-based, 0 when the error concerns no line
    int column = 0;
    bool ok() const { return error.isEmpty(); }
};
ParsedEdit parseEdit(const QString &yaml, const QJsonObject &base);

// RFC 7386 JSON merge patch that turns `from` into `to`: changed values, removed keys as null,
// lists replaced whole. Empty when they are equal.
QJsonObject mergePatch(const QJsonObject &from, const QJsonObject &to);
// `patch` applied to `target` as RFC 7386 says.
QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch);
// The patch an edit sends: mergePatch(base, edited) with metadata.resourceVersion set to the
// base's, so the server refuses it (409 Conflict) when the object changed since the edit began.
// Empty when the edit changes nothing.
QByteArray editPatch(const QJsonObject &base, const QJsonObject &edited);

} // namespace models
