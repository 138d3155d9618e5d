#include "ui/dockplacement.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>

#include <algorithm>

namespace ui {

void addBottomDock(QMainWindow *window, QDockWidget *dock, QDockWidget *sibling)
{
    // The bottom row as it stands: one entry per group of tabbed docks, with the widest minimum
    // of the group (only the front one shows, but any may come to the front).
    QList<QDockWidget *> counted;
    int rowWidth = 0;
    QDockWidget *widest = nullptr;
    for (QDockWidget *other : window->findChildren<QDockWidget *>()) {
        if (other == dock || other->isFloating() || !other->isVisibleTo(window) ||
            window->dockWidgetArea(other) != Qt::BottomDockWidgetArea || counted.contains(other))
            continue;
        int groupWidth = other->minimumSizeHint().width();
        counted.append(other);
        for (QDockWidget *tabbed : window->tabifiedDockWidgets(other)) {
            counted.append(tabbed);
            groupWidth = std::max(groupWidth, tabbed->minimumSizeHint().width());
        }
        rowWidth += groupWidth;
        if (!widest || other->width() > widest->width())
            widest = other;
    }
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (sibling && sibling != dock) {
        window->tabifyDockWidget(sibling, dock);
        return;
    }
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    const int available = screen ? screen->availableGeometry().width() : 1920;
    if (widest && rowWidth + dock->minimumSizeHint().width() > available)
        window->tabifyDockWidget(widest, dock);
}

} // namespace ui
