#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTabWidget;
class QToolButton;

namespace core::kube {
class ApiClient;
}

namespace models {
class ClusterSession;
class TerminalSession;
} // namespace models

namespace ui {

class TerminalWidget;

// Shells into containers, one terminal per tab (TerminalWidget over a models::TerminalSession:
// bash, else sh). Above the tabs, the pod and a container picker (its containers and init
// containers, the default one chosen as kubectl does) with New tab (Ctrl+Shift+T) and Close tab
// (Ctrl+Shift+W); below, a status line. When a shell ends, the terminal shows
// "[process exited with code N]" and the tab its code.
class TerminalPane : public QWidget
{
    Q_OBJECT
public:
    explicit TerminalPane(core::kube::ApiClient *client, QWidget *parent = nullptr);

    // A new tab with a shell in NAMESPACE/POD: `container`, else the pod's default one.
    TerminalWidget *openShell(const QString &nameSpace, const QString &pod,
                              const QString &container = {});
    // Another shell into the pod shown, in the picker's container.
    TerminalWidget *newTab();
    void closeTab(int index);

    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *containerPicker() const { return m_containers; }
    QLabel *statusLine() const { return m_status; }
    QAction *newTabAction() const { return m_newTab; }
    QAction *closeTabAction() const { return m_closeTab; }
    TerminalWidget *terminal(int index) const;
    models::TerminalSession *session(int index) const;

private:
    void loadContainers(const QString &nameSpace, const QString &pod, const QString &wanted,
                        TerminalWidget *terminal);
    // Fills the container picker from the pod; with `start`, then starts its session on the
    // container wanted (else the default one).
    void fillContainers(const QString &nameSpace, const QString &pod, const QString &wanted,
                        TerminalWidget *start = nullptr);
    void startSession(TerminalWidget *terminal, const QString &container);
    void setTabState(TerminalWidget *terminal, const QString &suffix);
    void showStatus(int index);

    core::kube::ApiClient *m_client;
    QString m_nameSpace;
    QString m_pod;
    QLabel *m_podLabel;
    QComboBox *m_containers;
    QToolButton *m_newButton;
    QToolButton *m_closeButton;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QAction *m_newTab;
    QAction *m_closeTab;
};

// Opens a shell on a pod of `session` in the terminal pane of the window `anchor` is in: a dock
// "Terminal — CONTEXT" at the bottom of a QMainWindow (made on first use, raised), or a window
// of its own when there is no main window. Returns the pane.
TerminalPane *openTerminal(QWidget *anchor, models::ClusterSession *session,
                           const QString &nameSpace, const QString &pod,
                           const QString &container = {});

} // namespace ui
