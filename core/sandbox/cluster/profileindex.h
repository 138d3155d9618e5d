#pragma once

#include "core/burst/placementsimulator.h"
#include "core/burst/scheduleprofile.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace core::sandbox {

class ObjectStore;

// The ScheduleProfiles of the CCE store, the pods each one holds per location, and their status
// (`status.phase`, `status.used.local/cci`, `status.restrict`), written back only when it changed.
class ProfileIndex
{
public:
    static QString key(const QString &nameSpace, const QString &name); // "ns/name"

    // A watched profile object. Returns true when what decides placement (labels, spec) changed,
    // false for a status-only change (such as our own status write).
    bool upsert(const QJsonObject &object);
    void remove(const QJsonObject &object);

    // The profile key a pod of `nameSpace` with `labels` belongs to (SPEC 2 association), or "".
    QString associate(const QString &nameSpace, const kube::Labels &labels) const;
    const burst::ScheduleProfile *profile(const QString &key) const;
    QList<burst::ScheduleProfile> profiles(const QString &nameSpace) const;

    void addUsed(const QString &key, burst::Location location, int delta);
    int used(const QString &key, burst::Location location) const;

    // Writes the status of every profile whose numbers changed since the last call.
    void writeStatus(ObjectStore &store);

    static QJsonObject statusFor(const burst::ScheduleProfile &profile, int local, int cci);

private:
    struct Entry
    {
        burst::ScheduleProfile profile;
        QJsonObject object;
    };
    struct Counts
    {
        int local = 0;
        int cci = 0;
    };

    QHash<QString, Entry> m_entries;
    QHash<QString, QList<burst::ScheduleProfile>> m_byNamespace;
    // Kept apart from the entries: pods may be counted before their profile's ADDED event.
    QHash<QString, Counts> m_counts;
    QSet<QString> m_dirty;

    void rebuildNamespace(const QString &nameSpace);
};

} // namespace core::sandbox
