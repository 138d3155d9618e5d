#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <chrono>

namespace core::sandbox {

// How virtual-kubelet retries a pod CCI refused, per pod: the first refusal waits 10 s, each
// later one twice the previous wait, up to 5 minutes (10, 20, 40, 80, 160, 300, 300 ... s of
// sandbox time). While a pod waits it is not offered to CCI at all; when the wait ends the
// scheduler tries it again. Only a pod's first refusal locks the virtual-kubelet node
// (VkNodeLock): CCI gives the same pod the same answer, so its later refusals say nothing new
// and must not keep the node locked for the pods CCI would take. The numbers are a sandbox
// choice in the style of kubelet's image and crash-loop back-off; the guide gives none.
class CciBackoff
{
public:
    static constexpr std::chrono::seconds initialDelay() { return std::chrono::seconds(10); }
    static constexpr std::chrono::seconds maxDelay() { return std::chrono::minutes(5); }

    struct Refusal
    {
        std::chrono::seconds delay{0};
        QDateTime nextRetry;
        bool first = false; // the pod's first refusal (it takes the node lock)
    };

    // Records a refusal of the pod `key` ("ns/name") with `uid` at `now`. A pod recreated under
    // the same name (another uid) starts over.
    Refusal refuse(const QString &key, const QString &uid, const QDateTime &now);
    // True while the pod waits for its next retry.
    bool backingOff(const QString &key, const QDateTime &now) const;
    QDateTime nextRetry(const QString &key) const;
    // The pods whose wait ended by `now`, each reported once per refusal.
    QStringList due(const QDateTime &now);
    // The pod was bound or deleted.
    void forget(const QString &key) { m_pods.remove(key); }
    void clear() { m_pods.clear(); }

private:
    struct State
    {
        QString uid;
        std::chrono::seconds delay{0};
        QDateTime nextRetry;
        bool reported = false; // due() returned it since the last refusal
    };
    QHash<QString, State> m_pods;
};

} // namespace core::sandbox
