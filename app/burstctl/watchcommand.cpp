#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/kube/apiclient.h"
#include "core/kube/informer.h"

#include <QCoreApplication>

#include <memory>

namespace cli {

namespace {

QString eventLine(const QString &type, const QJsonObject &object)
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    const QString ns = metadata.value(u"namespace").toString();
    const QString name = metadata.value(u"name").toString();
    return type + u' ' + (ns.isEmpty() ? name : QString(ns + u'/' + name)) + u' ' +
           metadata.value(u"resourceVersion").toString();
}

int run(const Invocation &in)
{
    if (in.positional().size() != 1)
        return in.usageError();
    const auto connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 1);
    const int count = in.value(QStringLiteral("count")).toInt();
    const QString nameSpace = in.nameSpace(connection.value());
    const QString selector = in.value(QStringLiteral("selector"));
    core::kube::ApiClient client(connection.value());
    std::unique_ptr<core::kube::Informer> informer;
    int printed = 0;
    client.resolve(in.positional().first(), &client, [&](const auto &mapping) {
        if (!mapping) {
            QCoreApplication::exit(in.fail(mapping.error(), 1));
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

} // namespace

Command watchCommand()
{
    return Command{
        .name = QStringLiteral("watch"),
        .summary = Tr::tr("Print every change of a resource type, one line per event"),
        .help = Tr::tr("Prints one line per change of a resource type (TYPE namespace/name "
                       "resourceVersion): the current objects as ADDED, then every change, across "
                       "dropped connections and relists."),
        .options = {{{QStringLiteral("l"), QStringLiteral("selector")},
                     Tr::tr("Label selector."),
                     Tr::tr("SELECTOR")},
                    {QStringLiteral("count"), Tr::tr("Exit after N events (0: never)."),
                     Tr::tr("N"), QStringLiteral("0")}},
        .positionals = {{QStringLiteral("RESOURCE"), Tr::tr("pods, nodes, deploy, ...")}},
        .connects = true,
        .allNamespaces = true,
        .run = run,
    };
}

} // namespace cli
