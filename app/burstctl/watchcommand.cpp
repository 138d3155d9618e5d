#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/connectionflags.h"

#include "core/kube/apiclient.h"
#include "core/kube/informer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

QString eventLine(const QString &type, const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    const QString ns = metadata.value(u"namespace").toString();
    const QString name = metadata.value(u"name").toString();
    return type + u' ' + (ns.isEmpty() ? name : QString(ns + u'/' + name)) + u' ' +
           metadata.value(u"resourceVersion").toString();
}

} // namespace

int runWatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Prints one line per change of a resource type (TYPE namespace/name "
               "resourceVersion): the current objects as ADDED, then every change, across "
               "dropped connections and relists."));
    parser.addHelpOption();
    ConnectionFlags flags;
    flags.addTo(parser);
    parser.addOption({{QStringLiteral("l"), QStringLiteral("selector")},
                      Tr::tr("Label selector."),
                      Tr::tr("SELECTOR")});
    parser.addOption({QStringLiteral("count"), Tr::tr("Exit after N events (0: never)."),
                      Tr::tr("N"), QStringLiteral("0")});
    parser.addPositionalArgument(QStringLiteral("RESOURCE"), Tr::tr("pods, nodes, deploy, ..."));
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << parser.helpText();
        return 2;
    }
    const auto connection = flags.load(parser);
    if (!connection) {
        err() << connection.error().message << '\n';
        if (!connection.error().hint.isEmpty())
            err() << connection.error().hint << '\n';
        return 1;
    }
    const int count = parser.value(QStringLiteral("count")).toInt();
    const QString nameSpace = ConnectionFlags::effectiveNamespace(parser, connection.value());
    const QString selector = parser.value(QStringLiteral("selector"));
    core::kube::ApiClient client(connection.value());
    std::unique_ptr<core::kube::Informer> informer;
    int printed = 0;
    client.resolve(parser.positionalArguments().first(), &client, [&](const auto &mapping) {
        if (!mapping) {
            err() << mapping.error().toError().message << '\n';
            QCoreApplication::exit(1);
            return;
        }
        core::kube::InformerOptions options;
        options.reflector.resource = mapping.value();
        options.reflector.nameSpace = mapping.value().namespaced ? nameSpace : QString();
        options.reflector.labelSelector = selector;
        options.batchInterval = std::chrono::milliseconds(0);
        informer = std::make_unique<core::kube::Informer>(&client, options);
        QObject::connect(informer.get(), &core::kube::Informer::changes, informer.get(),
                         [&](const core::kube::ChangeSet &changes) {
                             const auto print = [&](const QString &type,
                                                    const QList<QJsonObject> &objects) {
                                 for (const QJsonObject &o : objects) {
                                     if (count > 0 && printed >= count)
                                         return;
                                     out() << eventLine(type, o) << '\n';
                                     ++printed;
                                 }
                             };
                             print(QStringLiteral("ADDED"), changes.added);
                             print(QStringLiteral("MODIFIED"), changes.modified);
                             print(QStringLiteral("DELETED"), changes.deleted);
                             out().flush();
                             if (count > 0 && printed >= count) {
                                 informer->stop();
                                 QCoreApplication::exit(0);
                             }
                         });
        informer->start();
    });
    return QCoreApplication::exec();
}

} // namespace cli
