#include "core/sandbox/apiserver/apirouter.h"

#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apidefaults.h"
#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/apiserver/ephemeralcontainers.h"
#include "core/sandbox/apiserver/k8sprotobuf.h"
#include "core/sandbox/apiserver/reststrategy.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/apiserver/scalesubresource.h"
#include "core/sandbox/apiserver/tableconverter.h"
#include "core/sandbox/apiserver/watchstreamer.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/managedfields.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/objectwriter.h"
#include "core/sandbox/transport/timerloop.h"

#include <QJsonDocument>

namespace core::sandbox {

using namespace Qt::StringLiterals;

namespace {

HttpResponse notFound()
{
    ApiError e;
    e.code = 404;
    e.reason = QStringLiteral("NotFound");
    e.message = QStringLiteral("the server could not find the requested resource");
    // kube-apiserver's is NewNotFound(GroupResource{}, ""): its details are present and empty,
    // and kubectl reads them (`kubectl debug` tells a missing subresource by Details.Name == "",
    // and dereferences Details to do so).
    QJsonObject status = e.toStatus();
    status.insert(QStringLiteral("details"), QJsonObject{});
    return jsonResponse(404, status);
}

HttpResponse badRequest(const QString &message)
{
    return statusResponse(ApiError::badRequest(message));
}

HttpResponse methodNotAllowed(const QString &verb)
{
    return statusResponse(ApiError::methodNotAllowed(
        QStringLiteral("the server does not allow this method on the requested resource (%1)")
            .arg(verb)));
}

HttpResponse objectResponse(const HttpRequest &request, const ApiResource &resource,
                            const ServerResult<QJsonObject> &object, int status = 200)
{
    if (!object)
        return statusResponse(object.error());
    if (wantsTable(request.headers.value("Accept"))) {
        const auto rowObjects = tableObjects(request.queryValue(QStringLiteral("includeObject")));
        if (!rowObjects)
            return statusResponse(rowObjects.error());
        return jsonResponse(status,
                            toTable(resource.type, {*object}, kube::resourceVersionOf(*object),
                                    QString(), QDateTime::currentDateTimeUtc(), *rowObjects));
    }
    return jsonResponse(status, *object);
}

// Who the managedFields of a write name and which fields it may own.
FieldManagerRequest fieldManagerRequest(const ApiResource &resource, const ApiRequestInfo &info,
                                        const QString &manager)
{
    FieldManagerRequest request;
    request.manager = manager;
    request.apiVersion = resource.type.apiVersion();
    request.kind = resource.type.kind;
    request.subresource = info.subresource == u"status" ? info.subresource : QString();
    request.now = QDateTime::currentDateTimeUtc();
    request.hasStatus = resource.subresources.contains(u"status");
    return request;
}

ApiRouterOptions withFaults(FaultOptions faults)
{
    ApiRouterOptions options;
    options.faults = faults;
    return options;
}

} // namespace

ApiRouter::ApiRouter(ObjectStore &store, QString serverAddress, FaultOptions faults)
    : ApiRouter(store, std::move(serverAddress), withFaults(faults))
{
}

ApiRouter::ApiRouter(ObjectStore &store, QString serverAddress, ApiRouterOptions options)
    : m_store(store), m_serverAddress(std::move(serverAddress)), m_options(std::move(options)),
      m_faults(m_options.faults), m_timers(std::make_shared<TimerLoop>())
{
    if (!m_options.clock)
        m_options.clock = std::make_shared<SandboxClock>();
    if (m_options.bookmarkInterval.count() <= 0)
        m_options.bookmarkInterval = std::chrono::seconds(60);
}

ApiRouter::~ApiRouter() = default;

HttpReply ApiRouter::handle(const HttpRequest &request)
{
    const QString &path = request.path;
    if (path == u"/version" || path == u"/version/")
        return jsonResponse(200, versionInfo());
    if (path == u"/healthz" || path == u"/readyz" || path == u"/livez")
        return HttpResponse::text(200, "ok");
    // A restricted user's token first (on plain HTTP too, where no credential at all is the
    // admin); anything else is the admin's credential or refused.
    const SandboxUser *user = m_options.authorizer.userFor(request);
    if (!user && !m_options.authenticator.authenticate(request))
        return statusResponse(Authenticator::unauthorized());
    // kubectl 1.33+ writes built-in types as protobuf; the rest of the router reads JSON. A body
    // that does not convert goes on as it is: a path the sandbox does not serve is still a 404,
    // and jsonBody() answers the conversion's error where a handler reads the body.
    if (isKubernetesProtobuf(request.headers.value("Content-Type"))) {
        if (const auto object = kubernetesProtobufToJson(request.body)) {
            HttpRequest converted = request;
            converted.body = QJsonDocument(*object).toJson(QJsonDocument::Compact);
            converted.headers.set("Content-Type", "application/json");
            return handle(converted);
        }
    }
    if (path.startsWith(u"/apis/" + authorizationGroupVersion() + u'/') ||
        (path.startsWith(u"/apis/" + authenticationGroup() + u'/') && path.count(u'/') > 3))
        return review(request, user);
    if (path == u"/api" || path == u"/api/")
        return jsonResponse(200, apiVersions(m_serverAddress));
    if (path == u"/apis" || path == u"/apis/")
        return jsonResponse(200, apiGroupList());
    if (path == u"/openapi/v2") {
        HttpResponse response;
        // kube-openapi answers with the subtype spelled without "@", which mime.ParseMediaType
        // (kubectl reads the Content-Type) accepts; the one with "@" is only asked for.
        response.headers.set("Content-Type",
                             "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
        response.body = openApiV2Protobuf();
        return response;
    }
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
    // Authorized before the resource is looked up, as kube-apiserver's filter chain does.
    const AccessAttributes attributes{info.verb,        info.group,     info.resource,
                                      info.subresource, info.nameSpace, info.name};
    if (!Authorizer::decide(user, attributes).allowed)
        return statusResponse(Authorizer::forbidden(user->name, attributes));
    const ApiResource *resource = findResource(info.group, info.version, info.resource);
    if (!resource)
        return notFound();
    // dryRun=All (kubectl diff, kubectl apply/patch/delete --dry-run=server) runs the write's
    // checks and defaults in the store's WriteMode::DryRun and answers what would be stored; the
    // cluster's controllers and scheduler act on store changes only, so nothing follows from it.
    WriteMode mode = WriteMode::Store;
    DeleteRequest deletion;
    if (info.verb == u"create" || info.verb == u"update" || info.verb == u"patch") {
        const auto asked = writeModeOf(request, info.verb);
        if (!asked)
            return statusResponse(asked.error());
        mode = *asked;
    } else if (info.verb == u"delete" || info.verb == u"deletecollection") {
        // Decoded and validated before the object is looked up, as the delete handler does.
        const auto asked = deleteRequestOf(request);
        if (!asked)
            return statusResponse(asked.error());
        deletion = *asked;
        mode = deletion.mode;
    }
    const Call call{request, info, *resource, mode, deletion};
    const std::optional<HttpResponse> fault = m_faults.intercept(request, info);
    HttpReply reply = fault ? HttpReply(*fault)
                      : resource->type.group == metricsGroup()
                          ? delegate(m_options.delegates.metrics, call)
                          : handleResource(call);
    reply.withDelay(m_faults.latency());
    return reply;
}

HttpReply ApiRouter::review(const HttpRequest &request, const SandboxUser *user)
{
    // /apis/<group>/<version>/<resource>; kubectl auth whoami falls back from v1 to v1beta1 and
    // v1alpha1 on a 404, so authentication.k8s.io answers at all three.
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 4)
        return notFound();
    const QString &resource = parts.at(3);
    const bool authentication = parts.at(1) == authenticationGroup();
    const bool access = !authentication && resource == u"selfsubjectaccessreviews";
    const bool rules = !authentication && resource == u"selfsubjectrulesreviews";
    const bool whoami = authentication && resource == u"selfsubjectreviews" &&
                        QStringList{u"v1"_s, u"v1beta1"_s, u"v1alpha1"_s}.contains(parts.at(2));
    if (!access && !rules && !whoami)
        return notFound();
    if (request.method != "POST")
        return methodNotAllowed(request.method == "GET" ? QStringLiteral("get")
                                                        : QString::fromLatin1(request.method));
    if (whoami)
        return jsonResponse(
            201, Authorizer::selfSubjectReview(user, request, parts.at(1) + u'/' + parts.at(2)));
    const auto answer = access ? Authorizer::selfSubjectAccessReview(user, request.body)
                               : Authorizer::selfSubjectRulesReview(user, request.body);
    return answer ? jsonResponse(201, *answer) : statusResponse(answer.error());
}

HttpReply ApiRouter::handleResource(const Call &call)
{
    const ApiRequestInfo &info = call.info;
    const ApiResource &resource = call.resource;
    if (resource.type.resource == u"pods" && info.subresource == u"log")
        return delegate(m_options.delegates.podLog, call);
    if (resource.type.resource == u"pods" &&
        (info.subresource == u"exec" || info.subresource == u"attach"))
        return delegate(m_options.delegates.podExec, call);
    const bool status = info.subresource == u"status";
    // kubectl debug POD --image=...: a PATCH of the pod's ephemeral containers.
    const bool ephemeral =
        resource.type.resource == u"pods" && info.subresource == u"ephemeralcontainers";
    if (info.subresource == u"scale" && ScaleSubresource::serves(resource))
        return scale(call);
    if ((!info.subresource.isEmpty() && !status && !ephemeral) ||
        (status && !resource.subresources.contains(u"status")))
        return notFound();
    const QString ns = resource.type.namespaced ? info.nameSpace : QString();
    if ((status || ephemeral) && info.verb != u"get" && info.verb != u"update" &&
        info.verb != u"patch")
        return methodNotAllowed(info.verb);
    if (info.verb == u"list")
        return list(call);
    if (info.verb == u"watch")
        return watch(call);
    if (info.verb == u"create")
        return create(call);
    if (resource.type.namespaced && ns.isEmpty())
        return notFound();
    if (info.verb == u"get")
        return objectResponse(call.request, resource, m_store.get(resource.type, ns, info.name));
    if (info.verb == u"update" || info.verb == u"patch")
        return write(call);
    if (info.verb == u"delete")
        return remove(call);
    return methodNotAllowed(info.verb);
}

HttpReply ApiRouter::remove(const Call &call)
{
    const ApiResource &resource = call.resource;
    const QString ns = resource.type.namespaced ? call.info.nameSpace : QString();
    const RestStrategy strategy(resource);
    DeleteOptions options = call.deletion.options;
    options.defaultPolicy = strategy.defaultGarbageCollectionPolicy();
    const auto answer = m_store.deleteObject(resource.type, ns, call.info.name, options, call.mode);
    // 202 Accepted only when the deprecated orphanDependents=false asked for a cascade and the
    // object waits for it (the delete handler's backwards-compatible rule), else 200.
    int status = 200;
    if (answer && call.deletion.orphanDependents == false) {
        bool kept = isBeingDeleted(*answer) && !finalizersOf(*answer).isEmpty();
        if (call.mode == WriteMode::Store) {
            const auto now = m_store.get(resource.type, ns, call.info.name);
            kept = now && kube::uidOf(*now) == kube::uidOf(*answer);
        }
        status = kept ? 202 : 200;
    }
    HttpResponse response = objectResponse(call.request, resource, answer, status);
    const QString warning = strategy.defaultPropagationWarning();
    if (!call.deletion.propagationSent && !warning.isEmpty())
        response.headers.set("Warning", "299 - \"" + warning.toUtf8() + '"');
    return response;
}

HttpReply ApiRouter::delegate(const ApiDelegate &to, const Call &call)
{
    if (!to)
        return notFound();
    return to(m_store, call.request, call.info, m_options.clock, m_timers);
}

HttpReply ApiRouter::list(const Call &call)
{
    const auto selectors = readSelectors(call.request);
    if (!selectors)
        return statusResponse(selectors.error());
    const HttpRequest &request = call.request;
    const ApiResource &resource = call.resource;
    ListOptions options;
    options.namespaceName = resource.type.namespaced ? call.info.nameSpace : QString();
    options.labelSelector = selectors->labels;
    options.fieldSelector = selectors->fields;
    options.limit = request.queryValue(QStringLiteral("limit")).toLongLong();
    options.continueToken = request.queryValue(QStringLiteral("continue"));
    // A Table needs the objects; plain JSON is written from the stored bytes as they are.
    const bool table = wantsTable(request.headers.value("Accept"));
    const auto rowObjects = tableObjects(request.queryValue(QStringLiteral("includeObject")));
    if (table && !rowObjects)
        return statusResponse(rowObjects.error());
    options.items = table ? ListItems::Objects : ListItems::Json;
    const auto listed = m_store.list(resource.type, options);
    if (!listed)
        return statusResponse(listed.error());
    if (table)
        return jsonResponse(200, toTable(resource.type, listed->items, listed->resourceVersion,
                                         listed->continueToken, QDateTime::currentDateTimeUtc(),
                                         *rowObjects));
    return HttpResponse::json(200, listed->toCompactJson(resource.type));
}

HttpReply ApiRouter::watch(const Call &call)
{
    WatchStreamOptions options;
    options.dropEvery = m_faults.dropWatchEvery();
    options.stall = m_faults.nextWatchStall();
    options.faultCounts = m_faults.counts();
    options.bookmarkInterval = m_options.bookmarkInterval;
    return WatchStreamer::reply(m_store, call.request, call.info, call.resource, options, m_timers);
}

HttpReply ApiRouter::write(const Call &call)
{
    const ApiRequestInfo &info = call.info;
    const ApiResource &resource = call.resource;
    const RestStrategy strategy(resource);
    const bool status = info.subresource == u"status" && strategy.hasStatus();
    const bool ephemeral = info.subresource == u"ephemeralcontainers";
    const ObjectWriter::Merge prepare = [&](const QJsonObject &stored, const QJsonObject &sent) {
        if (status)
            return strategy.prepareForStatusUpdate(stored, sent);
        if (ephemeral)
            return prepareEphemeralContainersUpdate(stored, sent);
        ServerResult<QJsonObject> next = strategy.prepareForUpdate(stored, sent);
        if (next && m_options.validator) {
            if (auto refused = m_options.validator(resource.type, *next))
                return ServerResult<QJsonObject>(*refused);
        }
        return next;
    };
    const FieldManagerRequest fields =
        fieldManagerRequest(resource, info, fieldManagerOf(call.request));
    const ObjectWriter::Merge merge = [&](const QJsonObject &stored, const QJsonObject &sent) {
        ServerResult<QJsonObject> next = prepare(stored, sent);
        if (next)
            next = recordUpdate(stored, *next, fields);
        return next;
    };
    const QString ns = resource.type.namespaced ? info.nameSpace : QString();
    ObjectWriter writer(m_store, resource.type, ns, info.name, call.mode);
    if (info.verb == u"update") {
        const auto body = jsonBody(call.request);
        if (!body)
            return statusResponse(body.error());
        return objectResponse(call.request, resource, writer.update(*body, merge));
    }
    const auto patchType = patchTypeOf(call.request);
    if (!patchType)
        return statusResponse(patchType.error());
    if (*patchType == PatchType::ApplyPatch)
        return apply(call, prepare);
    return objectResponse(call.request, resource,
                          writer.patch(
                              *patchType, call.request.body, resource.type.kind,
                              [](const QJsonObject &stored) { return stored; }, merge));
}

HttpReply ApiRouter::apply(const Call &call, const ObjectWriter::Merge &prepare)
{
    const auto asked = applyRequestOf(call.request);
    if (!asked)
        return statusResponse(asked.error());
    const ApiRequestInfo &info = call.info;
    const ApiResource &resource = call.resource;
    QJsonObject config = asked->config;
    const QString kind = config.value(u"kind").toString();
    if (!kind.isEmpty() && kind != resource.type.kind)
        return badRequest(QStringLiteral("the kind of the applied configuration (%1) does not "
                                         "match the kind of the resource (%2)")
                              .arg(kind, resource.type.kind));
    QJsonObject meta = config.value(u"metadata").toObject();
    const QString name = meta.value(u"name").toString();
    if (!name.isEmpty() && name != info.name)
        return badRequest(QStringLiteral("the name of the object (%1) does not match the name on "
                                         "the URL (%2)")
                              .arg(name, info.name));
    meta.insert(QStringLiteral("name"), info.name);
    config.insert(QStringLiteral("metadata"), meta);
    const FieldManagerRequest fields = fieldManagerRequest(resource, info, asked->manager);
    const QString ns = resource.type.namespaced ? info.nameSpace : QString();
    const auto stored = m_store.get(resource.type, ns, info.name);
    if (!stored && stored.error().code == 404 && info.subresource.isEmpty()) {
        // Applying an object that does not exist creates it (201), owned by the applier.
        const auto created = applyConfiguration(QJsonObject(), config, fields, asked->force);
        if (!created)
            return statusResponse(created.error());
        return createObject(call, *created, true);
    }
    ObjectWriter writer(m_store, resource.type, ns, info.name, call.mode);
    const auto merge = [&](const QJsonObject &live, const QJsonObject &sent) {
        ServerResult<QJsonObject> applied = applyConfiguration(live, sent, fields, asked->force);
        if (applied)
            applied = prepare(live, *applied);
        return applied;
    };
    return objectResponse(call.request, resource, writer.update(config, merge));
}

HttpReply ApiRouter::scale(const Call &call)
{
    const ApiRequestInfo &info = call.info;
    if (info.nameSpace.isEmpty() || info.name.isEmpty())
        return notFound();
    ScaleSubresource scale(m_store, call.resource, info.nameSpace, info.name, call.mode);
    ServerResult<QJsonObject> answer = ApiError::internalError(QString());
    if (info.verb == u"get") {
        answer = scale.get();
    } else if (info.verb == u"update") {
        const auto body = jsonBody(call.request);
        if (!body)
            return statusResponse(body.error());
        answer = scale.update(*body);
    } else if (info.verb == u"patch") {
        const auto patchType = patchTypeOf(call.request);
        if (!patchType)
            return statusResponse(patchType.error());
        answer = scale.patch(*patchType, call.request.body);
    } else {
        return methodNotAllowed(info.verb);
    }
    return answer ? jsonResponse(200, *answer) : statusResponse(answer.error());
}

HttpReply ApiRouter::create(const Call &call)
{
    const auto parsed = jsonBody(call.request);
    if (!parsed)
        return statusResponse(parsed.error());
    return createObject(call, *parsed, false);
}

HttpReply ApiRouter::createObject(const Call &call, QJsonObject body, bool applied)
{
    const ApiResource &resource = call.resource;
    QJsonObject meta = body.value(u"metadata").toObject();
    QString ns;
    if (resource.type.namespaced) {
        ns = call.info.nameSpace.isEmpty() ? meta.value(u"namespace").toString()
                                           : call.info.nameSpace;
        if (ns.isEmpty())
            return notFound();
        if (!meta.value(u"namespace").toString().isEmpty() &&
            meta.value(u"namespace").toString() != ns)
            return badRequest(QStringLiteral("the namespace of the provided object does not match "
                                             "the namespace sent on the request"));
        const auto exists = m_store.get(namespacesType(), QString(), ns);
        if (!exists)
            return statusResponse(exists.error());
        meta.insert(QStringLiteral("namespace"), ns);
        body.insert(QStringLiteral("metadata"), meta);
    }
    if (!body.contains(u"apiVersion"))
        body.insert(QStringLiteral("apiVersion"), resource.type.apiVersion());
    if (!body.contains(u"kind"))
        body.insert(QStringLiteral("kind"), resource.type.kind);
    const auto prepared = RestStrategy(resource).prepareForCreate(body);
    if (!prepared)
        return statusResponse(prepared.error());
    body = *prepared;
    if (m_options.validator) {
        if (const auto refused = m_options.validator(resource.type, body))
            return statusResponse(*refused);
    }
    if (!applied)
        body = recordUpdate(QJsonObject(), body,
                            fieldManagerRequest(resource, call.info, fieldManagerOf(call.request)));
    if (resource.type == servicesType())
        body = withClusterIp(body, nextClusterIp(allocatedClusterIps(resource)));
    auto created = m_store.create(resource.type, ns, body, call.mode);
    if (created && resource.type == jobsType())
        created = withGeneratedSelector(resource, *created, call.mode);
    return objectResponse(call.request, resource, created, 201);
}

QSet<QString> ApiRouter::allocatedClusterIps(const ApiResource &services) const
{
    QSet<QString> used;
    const auto listed = m_store.list(services.type, {});
    for (const QJsonObject &service : listed ? listed->items : QList<QJsonObject>{})
        used.insert(service.value(u"spec").toObject().value(u"clusterIP").toString());
    return used;
}

// The uid the selector names exists only once the store created the Job, so the selector is a
// second write; the Job controller matches pods by owner, not by this selector.
ServerResult<QJsonObject> ApiRouter::withGeneratedSelector(const ApiResource &jobs,
                                                           const QJsonObject &created,
                                                           WriteMode mode)
{
    if (mode == WriteMode::DryRun) // nothing stored: the selector goes on the answer
        return withJobSelector(created);
    const QJsonObject meta = created.value(u"metadata").toObject();
    ObjectWriter writer(m_store, jobs.type, meta.value(u"namespace").toString(),
                        meta.value(u"name").toString());
    return writer.update(created, [](const QJsonObject &stored, const QJsonObject &) {
        return ServerResult<QJsonObject>(withJobSelector(stored));
    });
}

} // namespace core::sandbox
