#include "ui/terminalpane.h"

#include "models/clustersession.h"
#include "models/terminalsession.h"
#include "ui/dockplacement.h"
#include "ui/terminalwidget.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

const char kSessionProperty[] = "terminalSession";

// The container picker's item data: the container name.
QString pickerText(const QString &name, bool init)
{
    return init ? TerminalPane::tr("%1 (init container)").arg(name) : name;
}

} // namespace

TerminalPane::TerminalPane(core::kube::ApiClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_podLabel(new QLabel(this)),
      m_containers(new QComboBox(this)), m_newButton(new QToolButton(this)),
      m_closeButton(new QToolButton(this)), m_tabs(new QTabWidget(this)),
      m_status(new QLabel(this)), m_newTab(new QAction(tr("New tab"), this)),
      m_closeTab(new QAction(tr("Close tab"), this))
{
    setAccessibleName(tr("Terminals"));
    m_podLabel->setAccessibleName(tr("Pod"));
    m_containers->setAccessibleName(tr("Container"));
    m_containers->setToolTip(tr("The container a new tab opens a shell in"));
    m_containers->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tabs->setAccessibleName(tr("Terminal tabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_status->setAccessibleName(tr("Terminal status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_newTab->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_newTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newTab->setToolTip(tr("A new shell in the chosen container (Ctrl+Shift+T)"));
    m_closeTab->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_closeTab->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_closeTab->setToolTip(tr("Close this terminal (Ctrl+Shift+W)"));
    addAction(m_newTab);
    addAction(m_closeTab);
    m_newButton->setDefaultAction(m_newTab);
    m_newButton->setAccessibleName(tr("New tab"));
    m_closeButton->setDefaultAction(m_closeTab);
    m_closeButton->setAccessibleName(tr("Close tab"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 2);
    auto *containerLabel = new QLabel(tr("Container:"), this);
    containerLabel->setBuddy(m_containers);
    containerLabel->setAccessibleName(tr("Container label"));
    top->addWidget(m_podLabel);
    top->addSpacing(12);
    top->addWidget(containerLabel);
    top->addWidget(m_containers);
    top->addStretch(1);
    top->addWidget(m_newButton);
    top->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);

    connect(m_newTab, &QAction::triggered, this, [this] { newTab(); });
    connect(m_closeTab, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &TerminalPane::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        showStatus(index);
        if (QWidget *w = m_tabs->widget(index))
            w->setFocus();
    });
    m_closeTab->setEnabled(false);
    m_newTab->setEnabled(false);
}

TerminalWidget *TerminalPane::terminal(int index) const
{
    return qobject_cast<TerminalWidget *>(m_tabs->widget(index));
}

models::TerminalSession *TerminalPane::session(int index) const
{
    const TerminalWidget *t = terminal(index);
    return t ? t->property(kSessionProperty).value<models::TerminalSession *>() : nullptr;
}

TerminalWidget *TerminalPane::openShell(const QString &nameSpace, const QString &pod,
                                        const QString &container)
{
    const bool samePod = nameSpace == m_nameSpace && pod == m_pod && m_containers->count() > 0;
    m_nameSpace = nameSpace;
    m_pod = pod;
    m_podLabel->setText(tr("Pod: %1/%2").arg(nameSpace, pod));
    auto *terminal = new TerminalWidget(m_tabs);
    terminal->setObjectName(QStringLiteral("terminal"));
    const int index = m_tabs->addTab(terminal, pod);
    m_tabs->setTabToolTip(index, tr("%1/%2").arg(nameSpace, pod));
    m_tabs->setCurrentIndex(index);
    for (const auto side : {QTabBar::LeftSide, QTabBar::RightSide}) {
        if (QWidget *button = m_tabs->tabBar()->tabButton(index, side))
            button->setAccessibleName(tr("Close tab"));
    }
    m_closeTab->setEnabled(true);
    terminal->setFocus();
    if (samePod && (container.isEmpty() || m_containers->findData(container) >= 0)) {
        if (!container.isEmpty())
            m_containers->setCurrentIndex(m_containers->findData(container));
        startSession(terminal, m_containers->currentData().toString());
    } else {
        loadContainers(nameSpace, pod, container, terminal);
    }
    return terminal;
}

TerminalWidget *TerminalPane::newTab()
{
    if (m_pod.isEmpty())
        return nullptr;
    return openShell(m_nameSpace, m_pod, m_containers->currentData().toString());
}

void TerminalPane::closeTab(int index)
{
    QWidget *w = m_tabs->widget(index);
    if (!w)
        return;
    m_tabs->removeTab(index);
    w->deleteLater(); // its session (a child) ends the exec
    m_closeTab->setEnabled(m_tabs->count() > 0);
    if (m_tabs->count() == 0)
        m_status->setText(tr("No terminal open"));
}

void TerminalPane::loadContainers(const QString &nameSpace, const QString &pod,
                                  const QString &wanted, TerminalWidget *terminal)
{
    m_status->setText(tr("Reading pod %1/%2…").arg(nameSpace, pod));
    fillContainers(nameSpace, pod, wanted, terminal);
}

void TerminalPane::fillContainers(const QString &nameSpace, const QString &pod,
                                  const QString &wanted, TerminalWidget *start)
{
    m_containers->clear();
    const QPointer<TerminalWidget> guard(start);
    models::TerminalSession::listContainers(
        m_client, nameSpace, pod, this,
        [this, guard, wanted, starts = start != nullptr](
            const models::TerminalSession::Containers &found) {
            m_containers->clear();
            for (const QString &name : found.containers)
                m_containers->addItem(pickerText(name, false), name);
            for (const QString &name : found.initContainers)
                m_containers->addItem(pickerText(name, true), name);
            const QString chosen = wanted.isEmpty() ? found.defaultContainer : wanted;
            if (m_containers->findData(chosen) >= 0)
                m_containers->setCurrentIndex(m_containers->findData(chosen));
            m_newTab->setEnabled(true);
            if (!starts)
                return;
            if (!found.error.isEmpty())
                m_status->setText(tr("Cannot read the pod's containers: %1").arg(found.error));
            if (guard)
                startSession(guard, chosen);
        });
}

void TerminalPane::startSession(TerminalWidget *terminal, const QString &container)
{
    auto *session =
        new models::TerminalSession(m_client, m_nameSpace, m_pod, container, terminal);
    terminal->setProperty(kSessionProperty, QVariant::fromValue(session));
    const int index = m_tabs->indexOf(terminal);
    m_tabs->setTabText(index, container.isEmpty() ? m_pod : tr("%1 › %2").arg(m_pod, container));
    m_tabs->setTabToolTip(index, session->title());
    connect(terminal, &TerminalWidget::input, session, &models::TerminalSession::write);
    connect(terminal, &TerminalWidget::sizeChanged, session, &models::TerminalSession::resize);
    connect(session, &models::TerminalSession::output, terminal, &TerminalWidget::feed);
    connect(session, &models::TerminalSession::started, this, [this] {
        showStatus(m_tabs->currentIndex());
        // Opened before the pod existed: its containers are known now.
        if (m_containers->count() == 0)
            fillContainers(m_nameSpace, m_pod, {});
    });
    connect(session, &models::TerminalSession::stateChanged, this,
            [this] { showStatus(m_tabs->currentIndex()); });
    connect(session, &models::TerminalSession::finished, this,
            [this, terminal](int exitCode, const QString &message) {
                Q_UNUSED(message);
                terminal->feed(QStringLiteral("\r\n%1\r\n")
                                   .arg(tr("[process exited with code %1]").arg(exitCode))
                                   .toUtf8());
                setTabState(terminal, tr("exited %1").arg(exitCode));
                showStatus(m_tabs->currentIndex());
            });
    connect(session, &models::TerminalSession::failed, this,
            [this, terminal](const QString &error) {
                terminal->feed(
                    QStringLiteral("\r\n%1\r\n").arg(tr("[cannot start a shell: %1]").arg(error))
                        .replace(u'\n', QStringLiteral("\r\n"))
                        .replace(QStringLiteral("\r\r\n"), QStringLiteral("\r\n"))
                        .toUtf8());
                setTabState(terminal, tr("failed"));
                showStatus(m_tabs->currentIndex());
            });
    session->resize(terminal->columns(), terminal->rows());
    session->start();
    showStatus(m_tabs->currentIndex());
}

void TerminalPane::setTabState(TerminalWidget *terminal, const QString &suffix)
{
    const int index = m_tabs->indexOf(terminal);
    if (index < 0)
        return;
    m_tabs->setTabText(index, tr("%1 [%2]").arg(m_tabs->tabText(index), suffix));
}

void TerminalPane::showStatus(int index)
{
    const models::TerminalSession *s = session(index);
    if (!s) {
        if (m_tabs->count() == 0)
            m_status->setText(tr("No terminal open"));
        return;
    }
    using State = models::TerminalSession::State;
    switch (s->state()) {
    case State::Idle:
    case State::Starting:
        m_status->setText(tr("Connecting to %1…").arg(s->title()));
        break;
    case State::Running:
        m_status->setText(tr("%1 in %2 — %3×%4")
                              .arg(s->shell(), s->title())
                              .arg(terminal(index)->columns())
                              .arg(terminal(index)->rows()));
        break;
    case State::Finished:
        m_status->setText(tr("%1 in %2 exited with code %3")
                              .arg(s->shell(), s->title())
                              .arg(s->exitCode()));
        break;
    case State::Failed:
        m_status->setText(tr("Could not start a shell in %1").arg(s->title()));
        break;
    case State::Waiting:
        m_status->setText(tr("Waiting for %1 to start (%2)").arg(s->title(), s->waitReason()));
        break;
    }
}

TerminalPane *openTerminal(QWidget *anchor, models::ClusterSession *session,
                           const QString &nameSpace, const QString &pod, const QString &container)
{
    const QString name = QStringLiteral("terminalDock:") + session->contextName();
    auto *window = anchor ? qobject_cast<QMainWindow *>(anchor->window()) : nullptr;
    TerminalPane *pane = nullptr;
    if (window) {
        auto *dock = window->findChild<QDockWidget *>(name);
        if (!dock) {
            dock = new QDockWidget(TerminalPane::tr("Terminal — %1").arg(session->contextName()),
                                   window);
            dock->setObjectName(name);
            dock->setAccessibleName(TerminalPane::tr("Terminal dock"));
            dock->setAttribute(Qt::WA_DeleteOnClose, false);
            dock->setWidget(new TerminalPane(session->client(), dock));
            addBottomDock(window, dock);
        }
        dock->show();
        dock->raise();
        pane = static_cast<TerminalPane *>(dock->widget());
    } else {
        // One window per session, gone with it.
        static QHash<models::ClusterSession *, QPointer<TerminalPane>> windows;
        pane = windows.value(session);
        if (!pane) {
            pane = new TerminalPane(session->client());
            pane->setObjectName(name);
            pane->setAttribute(Qt::WA_DeleteOnClose);
            pane->setWindowTitle(TerminalPane::tr("Terminal — %1").arg(session->contextName()));
            QObject::connect(session, &QObject::destroyed, pane, &QObject::deleteLater);
            windows.insert(session, pane);
        }
        pane->show();
        pane->raise();
    }
    pane->openShell(nameSpace, pod, container);
    return pane;
}

} // namespace ui
