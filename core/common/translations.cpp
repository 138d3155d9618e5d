#include "core/common/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace core {

namespace {

// An installed copy (the Debian package puts the catalogues in
// /usr/share/burst-console/translations beside /usr/bin) wins over the one built into the
// executable, so a corrected catalogue can be dropped in; a build tree has none.
QStringList catalogueFolders()
{
    const QString installed =
        QDir::cleanPath(QCoreApplication::applicationDirPath() +
                        QStringLiteral("/../share/burst-console/translations"));
    return {installed, QStringLiteral(":/i18n")};
}

} // namespace

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
    for (const QString &folder : catalogueFolders()) {
        if (own->load(catalogue, QStringLiteral("burst-console"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(own);
            return true;
        }
    }
    return false;
}

} // namespace core
