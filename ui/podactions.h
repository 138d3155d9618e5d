#pragma once

#include "models/objectref.h"
#include "ui/logpane.h"

class QAction;
class QDockWidget;
class QMainWindow;

namespace models {
class ClusterSession;
}

namespace ui {

// The pod actions the live panes share (Logs; a Shell beside it lives elsewhere), kept apart
// from the panes so each pane adds one action and one connection.

// Logs (L): opens the log viewer of the selected pod, or of a workload's pods merged.
QAction *makeLogsAction(QWidget *parent);

// The pods whose logs `object` means: the pod itself, or a workload's pods (through its
// ReplicaSets or Jobs for a Deployment or CronJob), with their container names, from the
// session's caches. Empty when none is known.
QList<LogTarget> logTargetsFor(const models::ClusterSession *session,
                               const models::ObjectRef &object);

// A LogPane of `targets` in a dock of `window` (tabified with the other log docks; closing it
// stops the streams). Without a window (a pane outside one), the pane is a top-level window.
// The session must outlive the pane.
LogPane *openLogPane(QMainWindow *window, models::ClusterSession *session,
                     const QList<LogTarget> &targets, const QString &container = {},
                     const QString &title = {});
// The same for `object` of the pane `from` (a LiveTablePane in the main window); nullptr when
// it has no pods.
LogPane *openLogsOf(QWidget *from, models::ClusterSession *session,
                    const models::ObjectRef &object);

// --logs NAMESPACE/POD[/CONTAINER]: the log viewer of that pod on `session`. nullptr (and why in
// `error`) when the argument is malformed.
LogPane *openLogsArgument(QMainWindow *window, models::ClusterSession *session,
                          const QString &argument, QString *error);

} // namespace ui
