#include "core/common/translations.h"
#include "ui/helpdialogs.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app)
};

// The shipped examples live in the executable's resources; the workbench edits files, so it opens
// a writable copy (made once, never overwritten: the operator's edits stay).
QStringList shippedExamples()
{
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/examples");
    QDir().mkpath(target);
    const QDir source(QStringLiteral(":/examples"));
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        const QString copy = target + u'/' + name;
        if (!QFileInfo::exists(copy) && QFile::copy(source.filePath(name), copy))
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                            QFile::ReadOther);
    }
    return {target};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("burst-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Burst Console"));
    QApplication::setOrganizationName(QStringLiteral("BurstConsole"));
    QApplication::setApplicationVersion(QStringLiteral(BURST_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/burst-console.svg")));
    const QString language = QSettings().value(QStringLiteral("ui/language")).toString();
    const bool forced = qEnvironmentVariableIsSet("BURST_LANG");
    core::installTranslations(app, forced || language.isEmpty() || language == u"system"
                                       ? core::preferredLocale()
                                       : QLocale(language));
    ui::applyTheme(
        app, QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(ui::HelpDialogs::summary());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 Tr::tr("Manifest files or folders to open (default: the "
                                        "shipped examples)."),
                                 Tr::tr("[PATH...]"));
    parser.process(app);
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths = shippedExamples();

    ui::MainWindow window;
    window.show();
    window.open(paths);
    return app.exec();
}
