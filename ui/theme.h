#pragma once

#include <QString>

class QApplication;

namespace ui {

// "system", "light" or "dark": the Fusion style with a matching palette (system keeps the
// platform's palette).
void applyTheme(QApplication &app, const QString &theme);
bool isDark(); // the current palette's window colour is dark

} // namespace ui
