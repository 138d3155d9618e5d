#pragma once

#include <QFont>
#include <QString>

class QApplication;

namespace ui {

// "system", "light" or "dark": the Fusion style with a matching palette (system keeps the
// platform's palette).
void applyTheme(QApplication &app, const QString &theme);
bool isDark(); // the current palette's window colour is dark

// A fixed-pitch font for code, YAML, logs and terminals on any machine: the platform's fixed font
// when it really is fixed-pitch (offscreen and minimal platforms may answer a proportional one),
// else the first installed monospace family (install-deps installs DejaVu Sans Mono), else a
// font asking fontconfig for the "monospace" alias.
QFont monospaceFont();

} // namespace ui
