#include "core/sandbox/apirouter.h"

#include "core/kube/fieldselector.h"
#include "core/kube/selectorparser.h"
#include "core/sandbox/apirequestinfo.h"
#include "core/sandbox/apiresources.h"
#include "core/sandbox/apistatus.h"
#include "core/sandbox/httpstream.h"
#include "core/sandbox/objectstore.h"
#include "core/sandbox/tableconverter.h"

#include <QJsonDocument>

namespace core::sandbox {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

HttpResponse jsonResponse(int status, const QJsonObject &o)
{
    return HttpResponse::json(status, compact(o));
}

HttpResponse errorResponse(const ApiError &e)
{
    return jsonResponse(e.code, e.toStatus());
}

HttpResponse notFound()
{
    ApiError e;
    e.code = 404;
    e.reason = QStringLiteral("NotFound");
    e.message = QStringLiteral("the server could not find the requested resource");
    return errorResponse(e);
}

HttpResponse badRequest(const QString &message)
{
    ApiError e;
    e.code = 400;
    e.reason = QStringLiteral("BadRequest");
    e.message = message;
    return errorResponse(e);
}

HttpResponse methodNotAllowed(const QString &verb)
{
    ApiError e;
    e.code = 405;
    e.reason = QStringLiteral("MethodNotAllowed");
    e.message =
        QStringLiteral("the server does not allow this method on the requested resource (%1)")
            .arg(verb);
    return errorResponse(e);
}

// One watch event line; kubectl get -w asks for Table rows, so each event then carries a one-row
// Table.
QJsonObject eventJson(const WatchEvent &e, bool table, const ResourceType &type)
{
    QJsonObject event = e.toJson();
    if (table && e.type != WatchEvent::Type::Bookmark && e.type != WatchEvent::Type::Error)
        event.insert(
            QStringLiteral("object"),
            toTable(type, {e.object},
                    e.object.value(u"metadata").toObject().value(u"resourceVersion").toString(),
                    QString(), QDateTime::currentDateTimeUtc()));
    return event;
}

struct Selectors
{
    kube::LabelSelector labels;
    kube::FieldSelector fields{{}};
};

std::optional<HttpResponse> readSelectors(const HttpRequest &request, Selectors *out)
{
    const QString label = request.queryValue(QStringLiteral("labelSelector"));
    if (!label.isEmpty()) {
        const auto parsed = kube::parseLabelSelector(label);
        if (!parsed)
            return badRequest(parsed.error().message);
        out->labels = *parsed;
    }
    const QString field = request.queryValue(QStringLiteral("fieldSelector"));
    if (!field.isEmpty()) {
        const auto parsed = kube::parseFieldSelector(field);
        if (!parsed)
            return badRequest(parsed.error().message);
        out->fields = *parsed;
    }
    return std::nullopt;
}

HttpResponse objectResponse(const HttpRequest &request, const ApiResource &resource,
                            const QJsonObject &object, int status = 200)
{
    if (wantsTable(request.headers.value("Accept")))
        return jsonResponse(
            status,
            toTable(resource.type, {object},
                    object.value(u"metadata").toObject().value(u"resourceVersion").toString(),
                    QString(), QDateTime::currentDateTimeUtc()));
    return jsonResponse(status, object);
}

std::optional<QJsonObject> parseBody(const HttpRequest &request, HttpResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = badRequest(QStringLiteral("the request body is not a JSON object: %1")
                                .arg(parseError.errorString()));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

ApiRouter::ApiRouter(ObjectStore &store, QString serverAddress, FaultOptions faults)
    : m_store(store), m_serverAddress(std::move(serverAddress)), m_faults(faults)
{
}

HttpReply ApiRouter::handle(const HttpRequest &request)
{
    const QString &path = request.path;
    if (path == u"/version" || path == u"/version/")
        return jsonResponse(200, versionInfo());
    if (path == u"/healthz" || path == u"/readyz" || path == u"/livez")
        return HttpResponse::text(200, "ok");
    if (path == u"/api" || path == u"/api/")
        return jsonResponse(200, apiVersions(m_serverAddress));
    if (path == u"/apis" || path == u"/apis/")
        return jsonResponse(200, apiGroupList());
    if (path == u"/openapi/v3")
        return jsonResponse(200, openApiV3Root());
    if (path.startsWith(u"/openapi/v3/")) {
        const QStringList parts = path.mid(12).split(u'/', Qt::SkipEmptyParts);
        QJsonObject doc;
        if (parts.size() == 2 && parts.at(0) == u"api")
            doc = openApiV3GroupVersion(QString(), parts.at(1));
        else if (parts.size() == 3 && parts.at(0) == u"apis")
            doc = openApiV3GroupVersion(parts.at(1), parts.at(2));
        return doc.isEmpty() ? notFound() : jsonResponse(200, doc);
    }
    const ApiRequestInfo info =
        parseApiRequest(path, request.method, request.queryFlag(QStringLiteral("watch")));
    if (!info.isResourceRequest) {
        const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        QJsonObject list;
        if (parts.size() == 2 && parts.at(0) == u"api")
            list = apiResourceList(QString(), parts.at(1));
        else if (parts.size() == 3 && parts.at(0) == u"apis")
            list = apiResourceList(parts.at(1), parts.at(2));
        return list.isEmpty() ? notFound() : jsonResponse(200, list);
    }
    const ApiResource *resource = findResource(info.group, info.version, info.resource);
    if (!resource)
        return notFound();
    const std::optional<HttpResponse> fault = m_faults.intercept(request, info);
    HttpReply reply = fault ? HttpReply(*fault) : handleResource(request, info, *resource);
    reply.withDelay(m_faults.latency());
    return reply;
}

HttpReply ApiRouter::handleResource(const HttpRequest &request, const ApiRequestInfo &info,
                                    const ApiResource &resource)
{
    if (!info.subresource.isEmpty() && info.subresource != u"status")
        return notFound();
    const QString ns = resource.namespaced ? info.nameSpace : QString();
    if (info.verb == u"list")
        return list(request, info, resource);
    if (info.verb == u"watch")
        return watch(request, info, resource);
    if (info.verb == u"create")
        return create(request, info, resource);
    if (resource.namespaced && ns.isEmpty())
        return notFound();
    if (info.verb == u"get") {
        const auto got = m_store.get(resource.type, ns, info.name);
        return got ? objectResponse(request, resource, *got) : errorResponse(got.error());
    }
    if (info.verb == u"update") {
        HttpResponse error;
        const auto body = parseBody(request, &error);
        if (!body)
            return error;
        const auto updated = m_store.update(resource.type, ns, info.name, *body);
        return updated ? objectResponse(request, resource, *updated)
                       : errorResponse(updated.error());
    }
    if (info.verb == u"patch") {
        const auto patched =
            m_store.patch(resource.type, ns, info.name,
                          QString::fromLatin1(request.headers.value("Content-Type")), request.body);
        return patched ? objectResponse(request, resource, *patched)
                       : errorResponse(patched.error());
    }
    if (info.verb == u"delete") {
        const auto removed = m_store.remove(resource.type, ns, info.name);
        return removed ? objectResponse(request, resource, *removed)
                       : errorResponse(removed.error());
    }
    return methodNotAllowed(info.verb);
}

HttpReply ApiRouter::list(const HttpRequest &request, const ApiRequestInfo &info,
                          const ApiResource &resource)
{
    Selectors selectors;
    if (auto error = readSelectors(request, &selectors))
        return *error;
    ListOptions options;
    options.namespaceName = resource.namespaced ? info.nameSpace : QString();
    options.labelSelector = selectors.labels;
    options.fieldSelector = selectors.fields;
    options.limit = request.queryValue(QStringLiteral("limit")).toLongLong();
    options.continueToken = request.queryValue(QStringLiteral("continue"));
    const auto listed = m_store.list(resource.type, options);
    if (!listed)
        return errorResponse(listed.error());
    if (wantsTable(request.headers.value("Accept")))
        return jsonResponse(200, toTable(resource.type, listed->items, listed->resourceVersion,
                                         listed->continueToken, QDateTime::currentDateTimeUtc()));
    return jsonResponse(200, listed->toJson(resource.type));
}

HttpReply ApiRouter::watch(const HttpRequest &request, const ApiRequestInfo &info,
                           const ApiResource &resource)
{
    Selectors selectors;
    if (auto error = readSelectors(request, &selectors))
        return *error;
    WatchOptions options;
    options.namespaceName = resource.namespaced ? info.nameSpace : QString();
    options.labelSelector = selectors.labels;
    options.fieldSelector = selectors.fields;
    options.resourceVersion = request.queryValue(QStringLiteral("resourceVersion"));
    options.allowBookmarks = request.queryFlag(QStringLiteral("allowWatchBookmarks"));
    const auto started = m_store.watch(resource.type, options);
    if (!started)
        return errorResponse(started.error());
    const std::shared_ptr<Watch> w = *started;
    HttpHeaders headers{{"Content-Type", "application/json"}};
    const bool table = wantsTable(request.headers.value("Accept"));
    const ResourceType type = resource.type;
    const int dropEvery = m_faults.dropWatchEvery();
    return HttpReply::stream(
        200, headers, [w, table, type, dropEvery](std::shared_ptr<HttpStream> stream) {
            // The stream's close callback owns the watch; the notifier holds weak references only,
            // so neither outlives the connection.
            const std::weak_ptr<HttpStream> weakStream = stream;
            const std::weak_ptr<Watch> weakWatch = w;
            auto sent = std::make_shared<int>(0);
            auto pump = [weakWatch, weakStream, table, type, dropEvery, sent] {
                const std::shared_ptr<HttpStream> s = weakStream.lock();
                const std::shared_ptr<Watch> watch = weakWatch.lock();
                if (!s || !watch || !s->isOpen())
                    return;
                for (const WatchEvent &e : watch->takeEvents()) {
                    s->write(compact(eventJson(e, table, type)) + '\n');
                    if (dropEvery > 0 && ++*sent >= dropEvery) {
                        s->abort(); // fault: the stream drops mid-watch, as a flaky network does
                        return;
                    }
                }
                if (watch->isStopped())
                    s->end();
            };
            stream->setOnClosed([w] {
                w->setNotifier({});
                w->stop();
            });
            w->setNotifier(pump);
            pump();
        });
}

HttpReply ApiRouter::create(const HttpRequest &request, const ApiRequestInfo &info,
                            const ApiResource &resource)
{
    HttpResponse error;
    auto body = parseBody(request, &error);
    if (!body)
        return error;
    QJsonObject meta = body->value(u"metadata").toObject();
    QString ns;
    if (resource.namespaced) {
        ns = info.nameSpace.isEmpty() ? meta.value(u"namespace").toString() : info.nameSpace;
        if (ns.isEmpty())
            return notFound();
        if (!meta.value(u"namespace").toString().isEmpty() &&
            meta.value(u"namespace").toString() != ns)
            return badRequest(QStringLiteral("the namespace of the provided object does not match "
                                             "the namespace sent on the request"));
        const ResourceType namespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces"),
                                      QStringLiteral("Namespace")};
        const auto exists = m_store.get(namespaces, QString(), ns);
        if (!exists)
            return errorResponse(exists.error());
        meta.insert(QStringLiteral("namespace"), ns);
        body->insert(QStringLiteral("metadata"), meta);
    }
    if (!body->contains(u"apiVersion"))
        body->insert(QStringLiteral("apiVersion"), resource.type.apiVersion());
    if (!body->contains(u"kind"))
        body->insert(QStringLiteral("kind"), resource.type.kind);
    const auto created = m_store.create(resource.type, ns, *body);
    return created ? objectResponse(request, resource, *created, 201)
                   : errorResponse(created.error());
}

} // namespace core::sandbox
