#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/kube/apiclient.h"
#include "core/kube/objectmeta.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cli {

namespace {

const QByteArray tableAccept =
    QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io, application/json");

QString cellText(const QJsonValue &cell)
{
    if (cell.isString())
        return cell.toString();
    if (cell.isDouble()) {
        const double d = cell.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (cell.isBool())
        return cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (cell.isNull() || cell.isUndefined())
        return QStringLiteral("<none>");
    return QString::fromUtf8(QJsonDocument(cell.toObject()).toJson(QJsonDocument::Compact));
}

// kubectl's tabwriter: each column as wide as its widest cell plus 3 spaces (at least 6),
// the last column unpadded.
void printAligned(const QList<QStringList> &lines)
{
    QList<qsizetype> widths;
    for (const QStringList &line : lines)
        for (qsizetype i = 0; i < line.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], line.at(i).size());
        }
    for (const QStringList &line : lines) {
        QString text;
        for (qsizetype i = 0; i < line.size(); ++i)
            text += i + 1 == line.size()
                        ? line.at(i)
                        : line.at(i).leftJustified(std::max<qsizetype>(widths.at(i) + 3, 6));
        out() << text << '\n';
    }
}

void printTable(const QJsonObject &table, bool wide, bool withNamespace)
{
    QList<int> columns;
    QStringList header;
    if (withNamespace)
        header.append(QStringLiteral("NAMESPACE"));
    const QJsonArray definitions = table.value(u"columnDefinitions").toArray();
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const QJsonObject d = definitions.at(i).toObject();
        if (!wide && d.value(u"priority").toInt() != 0)
            continue;
        columns.append(int(i));
        header.append(d.value(u"name").toString().toUpper());
    }
    QList<QStringList> lines{header};
    for (const QJsonValue &r : table.value(u"rows").toArray()) {
        const QJsonObject row = r.toObject();
        const QJsonArray cells = row.value(u"cells").toArray();
        QStringList line;
        if (withNamespace)
            line.append(row.value(u"object")
                            .toObject()
                            .value(u"metadata")
                            .toObject()
                            .value(u"namespace")
                            .toString());
        for (const int c : columns)
            line.append(cellText(cells.at(c)));
        lines.append(line);
    }
    printAligned(lines);
}

QJsonObject withTypeMeta(QJsonObject object, const core::kube::ResourceMapping &resource)
{
    object.insert(QStringLiteral("apiVersion"), resource.groupVersion());
    object.insert(QStringLiteral("kind"), resource.kind);
    return object;
}

// JSON bytes straight to stdout: through QTextStream a 100k-pod list would be held once more as
// UTF-16.
void writeRaw(const QByteArray &bytes)
{
    out().flush();
    QFile file;
    if (file.open(stdout, QIODevice::WriteOnly))
        file.write(bytes);
}

struct GetRequest
{
    core::kube::ResourceMapping resource;
    QString name;
    QString nameSpace;
    QString output;
    core::kube::ListOptions options;
};

void printResult(const GetRequest &get, const QJsonObject &result)
{
    const bool single = !get.name.isEmpty();
    if (get.output.isEmpty() || get.output == u"wide") {
        if (result.value(u"rows").toArray().isEmpty()) {
            err() << (get.nameSpace.isEmpty()
                          ? Tr::tr("No resources found")
                          : Tr::tr("No resources found in %1 namespace.").arg(get.nameSpace))
                  << '\n';
            return;
        }
        printTable(result, get.output == u"wide",
                   get.resource.namespaced && get.nameSpace.isEmpty() && !single);
        return;
    }
    const QJsonArray items = single ? QJsonArray{result} : result.value(u"items").toArray();
    if (get.output == u"name") {
        for (const QJsonValue &item : items)
            out() << get.resource.qualifiedKind() << '/' << core::kube::nameOf(item.toObject())
                  << '\n';
        return;
    }
    // -o json of one object (lists go through printJsonList page by page).
    writeRaw(QJsonDocument(withTypeMeta(result, get.resource)).toJson(QJsonDocument::Indented));
}

// kubectl's -o json for a list: a v1 List of the items with their kind and apiVersion.
void printJsonList(const QJsonArray &typed)
{
    const QJsonObject list{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("List")},
        {QStringLiteral("items"), typed},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), QString()}}}};
    writeRaw(QJsonDocument(list).toJson(QJsonDocument::Indented));
}

// Ends the event loop with exit status 1 after printing what went wrong.
void quit(const Invocation &in, const core::kube::ApiStatusError &error)
{
    QCoreApplication::exit(in.fail(error, 1));
}

void runGet(const Invocation &in, core::kube::ApiClient *client, GetRequest get)
{
    const bool table = get.output.isEmpty() || get.output == u"wide";
    if (!get.name.isEmpty()) {
        core::kube::ApiRequest request;
        request.path = get.resource.path(get.nameSpace, get.name);
        request.accept = table ? tableAccept : QByteArrayLiteral("application/json");
        client->send(request, client, [&in, get](const auto &r) {
            if (!r)
                return quit(in, r.error());
            printResult(get, r.value().json());
            QCoreApplication::exit(0);
        });
        return;
    }
    get.options.accept = table ? tableAccept : QByteArrayLiteral("application/json");
    get.options.nameSpace = get.nameSpace;
    if (get.output != u"json") {
        client->list(get.resource, get.options, client, [&in, get](const auto &r) {
            if (!r)
                return quit(in, r.error());
            printResult(get, r.value());
            QCoreApplication::exit(0);
        });
        return;
    }
    // Page by page, so a large list is held once (typed), not twice.
    auto typed = std::make_shared<QJsonArray>();
    client->list(
        get.resource, get.options, client,
        [&in, typed](const auto &r) {
            if (!r)
                return quit(in, r.error());
            printJsonList(*typed);
            QCoreApplication::exit(0);
        },
        [typed, resource = get.resource](const QJsonObject &page, int index) {
            if (index == 0)
                *typed = QJsonArray();
            for (const QJsonValue &item : page.value(u"items").toArray())
                typed->append(withTypeMeta(item.toObject(), resource));
            return true;
        });
}

int run(const Invocation &in)
{
    const QStringList positional = in.positional();
    GetRequest get;
    get.output = in.value(QStringLiteral("output"));
    if (positional.isEmpty() || positional.size() > 2 ||
        !(get.output.isEmpty() || get.output == u"wide" || get.output == u"json" ||
          get.output == u"name"))
        return in.usageError();
    if (positional.size() == 2 && in.isSet(QStringLiteral("all-namespaces")))
        return in.fail(Tr::tr("a resource cannot be retrieved by name across all namespaces. "
                              "Give its namespace with -n NAMESPACE."));
    const auto connection = in.connect();
    if (!connection)
        return in.fail(connection.error(), 1);
    get.name = positional.value(1);
    get.options.labelSelector = in.value(QStringLiteral("selector"));
    get.options.fieldSelector = in.value(QStringLiteral("field-selector"));
    get.options.limit = in.value(QStringLiteral("chunk-size")).toInt();
    core::kube::ApiClient client(connection.value());
    const QString nameSpace = in.nameSpace(connection.value());
    client.resolve(positional.first(), &client,
                   [&in, &client, get, nameSpace](const auto &mapping) mutable {
                       if (!mapping)
                           return quit(in, mapping.error());
                       get.resource = mapping.value();
                       get.nameSpace = get.resource.namespaced ? nameSpace : QString();
                       runGet(in, &client, get);
                   });
    return QCoreApplication::exec();
}

} // namespace

Command getCommand()
{
    return Command{
        .name = QStringLiteral("get"),
        .summary = Tr::tr("List objects of a resource type from a cluster, as kubectl get"),
        .help = Tr::tr("Lists objects of one resource type, or shows one object, as kubectl get "
                       "does."),
        .options = {{{QStringLiteral("l"), QStringLiteral("selector")},
                     Tr::tr("Label selector (e.g. app=web,tier!=db)."),
                     Tr::tr("SELECTOR")},
                    {QStringLiteral("field-selector"),
                     Tr::tr("Field selector (e.g. spec.nodeName=node-1)."), Tr::tr("SELECTOR")},
                    {{QStringLiteral("o"), QStringLiteral("output")},
                     Tr::tr("Output format: name, json or wide."),
                     Tr::tr("FORMAT")},
                    {QStringLiteral("chunk-size"),
                     Tr::tr("Fetch large lists in pages of this size (0: one request)."),
                     Tr::tr("N"), QStringLiteral("500")}},
        .positionals = {{QStringLiteral("RESOURCE"), Tr::tr("pods, nodes, deploy, ...")},
                        {QStringLiteral("NAME"), Tr::tr("One object's name."),
                         QStringLiteral("[NAME]")}},
        .connects = true,
        .allNamespaces = true,
        .run = run,
    };
}

} // namespace cli
