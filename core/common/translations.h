#pragma once

#include <QLocale>

class QCoreApplication;

namespace core {

// The UI language: BURST_LANG (e.g. "zh_CN", "en") if set, else the system locale.
QLocale preferredLocale();

// Installs the project's catalogue (":/i18n/burst-console_<lang>.qm", compiled into each
// executable) and Qt's own for `locale`; any English locale uses burst-console_en (plural forms).
// Returns false when the project catalogue for the locale is missing.
bool installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace core
