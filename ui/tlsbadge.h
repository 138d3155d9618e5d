#pragma once

class QLabel;
class QWidget;

namespace models {
class ClusterSession;
}

namespace ui {

// The status bar's warning beside a connection's state when it gives up TLS (plain http, or
// insecure-skip-tls-verify): "TLS off" / "certificate not verified" on an amber badge, with a
// tooltip that says what it means. nullptr when the connection's TLS is on and verified.
QLabel *makeTlsBadge(const models::ClusterSession &session, QWidget *parent);

} // namespace ui
