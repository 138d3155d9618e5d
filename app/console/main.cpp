#include "core/common/translations.h"
#include "ui/placeholderwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app)
};

QStringList shippedExamples()
{
    QStringList files;
    const QDir dir(QStringLiteral(":/examples"));
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    return files;
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
    core::installTranslations(app, core::preferredLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Edit and preview CCE-to-CCI burst policies and monitor burst pods."));
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

    ui::PlaceholderWindow window;
    window.show();
    window.load(paths);
    return app.exec();
}
