#include "core/sandbox/cluster/fitdiagnosis.h"

#include <QStringList>

#include <algorithm>

namespace core::sandbox {

void FitDiagnosis::add(const NodeRejection &rejection)
{
    for (const QString &reason : rejection.reasons)
        ++m_reasons[reason];
    if (rejection.resourcesOnly)
        ++m_noVictims;
    else
        ++m_preemptionUseless;
}

QString FitDiagnosis::message(int totalNodes) const
{
    // sortReasonsHistogram sorts the "<count> <reason>" strings themselves.
    QStringList reasons;
    for (auto it = m_reasons.cbegin(); it != m_reasons.cend(); ++it)
        reasons.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    std::sort(reasons.begin(), reasons.end());
    QStringList preemption;
    if (m_preemptionUseless > 0)
        preemption.append(
            QStringLiteral("%1 Preemption is not helpful for scheduling").arg(m_preemptionUseless));
    if (m_noVictims > 0)
        preemption.append(
            QStringLiteral("%1 No preemption victims found for incoming pod").arg(m_noVictims));
    std::sort(preemption.begin(), preemption.end());
    const QString head = QStringLiteral("0/%1 nodes are available").arg(totalNodes);
    return QString(head + QStringLiteral(": ") + reasons.join(QStringLiteral(", ")) +
                   QStringLiteral(". preemption: ") + head + QStringLiteral(": ") +
                   preemption.join(QStringLiteral(", ")) + u'.');
}

} // namespace core::sandbox
