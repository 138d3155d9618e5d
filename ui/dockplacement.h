#pragma once

class QDockWidget;
class QMainWindow;

namespace ui {

// Adds `dock` to the bottom area of `window`: tabbed with `sibling` when given (a dock of the
// same kind, e.g. another log viewer), else beside the bottom docks already there, unless the
// row would then be wider at its docks' minimum widths than the screen the window is on: then
// it is tabbed with the widest of them, so opening logs and a terminal beside a cluster never
// grows the window past the screen.
void addBottomDock(QMainWindow *window, QDockWidget *dock, QDockWidget *sibling = nullptr);

} // namespace ui
