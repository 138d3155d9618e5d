#include "core/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace core {

QLocale preferredLocale()
{
    const QByteArray forced = qgetenv("BURST_LANG");
    return forced.isEmpty() ? QLocale::system() : QLocale(QString::fromLatin1(forced));
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *qt = new QTranslator(&app);
    if (!english && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // English loads its catalogue too: it holds the plural forms of the %n messages.
    const QLocale catalogue = english ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
    auto *own = new QTranslator(&app);
    if (!own->load(catalogue, QStringLiteral("burst-console"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace core
