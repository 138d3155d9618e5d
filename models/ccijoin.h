#pragma once

#include "models/podtablemodel.h"

#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace models {

class EventTableModel;

// The CCI side of the burst pods: the pods of every connected CCI endpoint (each one's session
// PodTableModel is a source) joined with the CCE pods they were made for. A CCI pod names its
// CCE pod by uid (the back-reference annotation, core/burst/cciconventions.h); a pod without it
// in a burst namespace (cce-burst-*, bursting-*) joins the CCE pod of the same name, when
// exactly one such CCI pod has that name (assumed: the guide and the vendor docs do not say how
// the add-on joins them). The join follows the sources' row inserts, changes and removals.
class CciJoin : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        QString context;
        QPointer<const PodTableModel> pods;
        QPointer<const EventTableModel> events; // the endpoint's events, or nullptr
    };
    using Match = CciPodMatch;

    explicit CciJoin(QObject *parent = nullptr);

    // Joins the pods of a CCI endpoint (again, when already a source: its events are updated).
    void addSource(const QString &context, const PodTableModel *pods,
                   const EventTableModel *events = nullptr);
    void removeSource(const PodTableModel *pods);
    bool hasSource(const PodTableModel *pods) const { return m_sources.contains(pods); }
    QList<Source> sources() const;

    // The CCI pod made for `ccePod` (a row of a CCE cluster's PodTableModel), if a source has it.
    Match cciPodOf(const PodRow &ccePod) const;

signals:
    // CCI pods came, changed or went: the CCE pods they join, by uid (back-reference joins)
    // and by name (name joins).
    void changed(const QStringList &cceUids, const QStringList &names);
    void sourcesChanged();
    // A source's events model changed (rows came, changed or went).
    void sourceEventsChanged();

private:
    struct Entry
    {
        const PodTableModel *pods = nullptr;
        QString cciUid;
        bool operator==(const Entry &) const = default;
    };
    struct Followed
    {
        Source source;
        QHash<QString, QString> keyOf; // CCI pod uid -> its join key ("u:<uid>", "n:<name>")
        QList<QMetaObject::Connection> connections;
    };

    static QString joinKey(const PodRow &cciPod);
    // Re-reads the rows first..last of `pods` into the join (or drops them: `remove`).
    void reindex(const PodTableModel *pods, int first, int last, bool remove);
    void unindex(Followed &followed, const QString &cciUid, const QString &key);
    void forgetSource(const PodTableModel *pods);
    Match matchOf(const Entry &entry) const;

    QHash<const PodTableModel *, Followed> m_sources;
    QHash<QString, Entry> m_byCceUid;
    QMultiHash<QString, Entry> m_byName;
};

} // namespace models
