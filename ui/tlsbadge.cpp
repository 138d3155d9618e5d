#include "ui/tlsbadge.h"

#include "core/kube/apiclient.h"
#include "models/clustersession.h"
#include "ui/tr.h"

#include <QLabel>

namespace ui {

QLabel *makeTlsBadge(const models::ClusterSession &session, QWidget *parent)
{
    const auto warning = models::tlsWarning(session.client()->connection());
    if (!warning)
        return nullptr;
    auto *badge = new QLabel(QStringLiteral("⚠ ") + warning->badge, parent);
    badge->setObjectName(QStringLiteral("tlsBadge"));
    badge->setAccessibleName(Tr::tr("TLS warning for %1").arg(session.contextName()));
    badge->setAccessibleDescription(warning->tooltip);
    badge->setToolTip(warning->tooltip);
    // Amber with dark text reads in light and dark themes alike, as the production mark does.
    badge->setStyleSheet(QStringLiteral(
        "background: #f9a825; color: black; font-weight: bold; padding: 0 6px; "
        "border-radius: 3px;"));
    return badge;
}

} // namespace ui
