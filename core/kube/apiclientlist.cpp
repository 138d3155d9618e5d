// ApiClient's multi-request operations: discovery and paged lists (split from apiclient.cpp to
// keep files small).
#include "core/kube/apiclient.h"

#include "core/kube/decoderthread.h"

#include <QHash>
#include <QJsonArray>
#include <QPointer>

namespace core::kube {

struct ApiClient::ListState
{
    ResourceMapping resource;
    ListOptions options;
    QPointer<QObject> context;
    ObjectCallback done;
    PageCallback page;
    QJsonObject first;
    QJsonArray items;
    int restarts = 0;
    int pageIndex = 0;
    // listItems(): the transform the decoder thread applies, and where the items go.
    ItemTransform transform;
    ItemEncoder encode;
    ItemsCallback itemsPage;
    quint64 run = 0;       // a restart bumps it: answers of the run before are dropped
    bool finished = false; // `done` was called
    // Pages decode on several lanes at once: what each brought waits here until every page
    // before it is delivered.
    QHash<int, std::function<void()>> ready;
    int delivered = 0;

    static std::shared_ptr<ListState> make(const ResourceMapping &resource,
                                           const ListOptions &options, QObject *context,
                                           ObjectCallback done)
    {
        auto state = std::make_shared<ListState>();
        state->resource = resource;
        state->options = options;
        state->context = context;
        state->done = std::move(done);
        return state;
    }

    void deliver(int index, std::function<void()> step)
    {
        ready.insert(index, std::move(step));
        const quint64 current = run;
        while (run == current && !finished && context && ready.contains(delivered))
            ready.take(delivered++)();
    }
};

namespace {

QString itemsKey(const QJsonObject &page)
{
    return page.value(u"kind").toString() == u"Table" ? QStringLiteral("rows")
                                                      : QStringLiteral("items");
}

} // namespace

void ApiClient::discover(QObject *context, Callback<RestMapper> done)
{
    QPointer<QObject> guard(context);
    m_discoveryWaiters.append([this, guard, done] {
        if (!guard)
            return;
        if (m_mapper)
            done(*m_mapper);
        else
            done(*m_discoveryError);
    });
    if (m_mapper) {
        finishDiscovery();
        return;
    }
    if (m_discovering)
        return;
    m_discovering = true;
    m_discovered.clear();
    ApiRequest core;
    core.path = QStringLiteral("/api");
    send(core, this, [this](const ApiResult<ApiResponse> &api) {
        if (!api) {
            m_discoveryError = api.error();
            finishDiscovery();
            return;
        }
        QList<QPair<QString, bool>> groupVersions;
        for (const QJsonValue &v : api.value().json().value(u"versions").toArray())
            groupVersions.append({v.toString(), groupVersions.isEmpty()});
        ApiRequest apis;
        apis.path = QStringLiteral("/apis");
        send(apis, this, [this, groupVersions](const ApiResult<ApiResponse> &groups) mutable {
            if (!groups) {
                m_discoveryError = groups.error();
                finishDiscovery();
                return;
            }
            for (const QJsonValue &g : groups.value().json().value(u"groups").toArray()) {
                const QJsonObject group = g.toObject();
                const QString preferred =
                    group.value(u"preferredVersion").toObject().value(u"groupVersion").toString();
                for (const QJsonValue &v : group.value(u"versions").toArray()) {
                    const QString gv = v.toObject().value(u"groupVersion").toString();
                    groupVersions.append({gv, gv == preferred});
                }
            }
            discoverGroupVersions(groupVersions);
        });
    });
}

void ApiClient::discoverGroupVersions(const QList<QPair<QString, bool>> &groupVersions)
{
    m_discovered.resize(groupVersions.size());
    m_discoveryPending = int(groupVersions.size());
    if (m_discoveryPending == 0) {
        m_mapper = RestMapper();
        finishDiscovery();
        return;
    }
    for (qsizetype i = 0; i < groupVersions.size(); ++i) {
        const QString &gv = groupVersions.at(i).first;
        const bool preferred = groupVersions.at(i).second; // clang 14 cannot capture a binding
        ApiRequest request;
        request.path = gv.contains(u'/') ? QString(u"/apis/" + gv) : QString(u"/api/" + gv);
        send(request, this, [this, i, preferred](const ApiResult<ApiResponse> &r) {
            // A group version that fails (an aggregated API down) is left out, as kubectl
            // warns and carries on with the rest.
            if (r)
                m_discovered[i] = {r.value().json(), preferred};
            if (--m_discoveryPending > 0)
                return;
            RestMapper mapper;
            for (const auto &[list, isPreferred] : std::as_const(m_discovered))
                mapper.addResourceList(list, isPreferred);
            m_mapper = mapper;
            finishDiscovery();
        });
    }
}

void ApiClient::finishDiscovery()
{
    m_discovering = false;
    const auto waiters = std::exchange(m_discoveryWaiters, {});
    for (const auto &waiter : waiters)
        waiter();
    // A failed discovery is tried again by the next caller.
    m_discoveryError.reset();
}

void ApiClient::resolve(const QString &name, QObject *context, Callback<ResourceMapping> done)
{
    discover(context, [name, done](const ApiResult<RestMapper> &mapper) {
        if (!mapper) {
            done(mapper.error());
            return;
        }
        const Result<ResourceMapping> mapping = mapper.value().resolve(name);
        if (mapping) {
            done(mapping.value());
            return;
        }
        ApiStatusError e;
        e.httpStatus = 404;
        e.reason = QStringLiteral("NotFound");
        e.message = mapping.error().message;
        done(e);
    });
}

void ApiClient::list(const ResourceMapping &resource, const ListOptions &options, QObject *context,
                     ObjectCallback done, PageCallback page)
{
    auto state = ListState::make(resource, options, context, std::move(done));
    state->page = std::move(page);
    listPage(state, {});
}

namespace {

ApiRequest pageRequest(const ResourceMapping &resource, const ListOptions &options,
                       const QString &continueToken)
{
    ApiRequest request;
    request.path = resource.path(options.nameSpace);
    request.accept = options.accept;
    if (options.limit > 0)
        request.query.append({QStringLiteral("limit"), QString::number(options.limit)});
    if (!continueToken.isEmpty())
        request.query.append({QStringLiteral("continue"), continueToken});
    else if (!options.resourceVersion.isEmpty())
        request.query.append({QStringLiteral("resourceVersion"), options.resourceVersion});
    if (!options.labelSelector.isEmpty())
        request.query.append({QStringLiteral("labelSelector"), options.labelSelector});
    if (!options.fieldSelector.isEmpty())
        request.query.append({QStringLiteral("fieldSelector"), options.fieldSelector});
    return request;
}

QList<QJsonObject> transformed(const QJsonArray &items, const ApiClient::ItemTransform &transform)
{
    QList<QJsonObject> objects;
    objects.reserve(items.size());
    for (const QJsonValue &item : items)
        objects.append(transform ? transform(item.toObject()) : item.toObject());
    return objects;
}

QList<QByteArray> encoded(const QList<QJsonObject> &items, const ApiClient::ItemEncoder &encode)
{
    QList<QByteArray> out;
    if (!encode)
        return out;
    out.reserve(items.size());
    for (const QJsonObject &item : items)
        out.append(encode(item));
    return out;
}

} // namespace

void ApiClient::listPage(const std::shared_ptr<ListState> &state, const QString &continueToken)
{
    const ApiRequest request = pageRequest(state->resource, state->options, continueToken);
    send(request, state->context, [this, state, continueToken](const ApiResult<ApiResponse> &r) {
        if (!r) {
            if (r.error().isGone() && !continueToken.isEmpty() && state->restarts < 3) {
                ++state->restarts;
                state->items = {};
                state->first = {};
                state->pageIndex = 0;
                listPage(state, {});
                return;
            }
            state->done(r.error());
            return;
        }
        QJsonObject page = r.value().json();
        const QString next = page.value(u"metadata").toObject().value(u"continue").toString();
        const QString key = itemsKey(page);
        bool more = !next.isEmpty();
        if (state->page) {
            more = state->page(page, state->pageIndex++) && more;
            if (!state->context)
                return;
        } else {
            const QJsonArray items = page.value(key).toArray();
            if (state->first.isEmpty())
                state->items = items;
            else
                for (const QJsonValue &item : items)
                    state->items.append(item);
        }
        if (state->first.isEmpty())
            state->first = page;
        if (more) {
            listPage(state, next);
            return;
        }
        QJsonObject result = state->page ? page : state->first;
        if (!state->page)
            result.insert(key, state->items);
        QJsonObject metadata = result.value(u"metadata").toObject();
        metadata.remove(u"continue");
        result.insert(QStringLiteral("metadata"), metadata);
        state->done(result);
    });
}

void ApiClient::listItems(const ResourceMapping &resource, const ListOptions &options,
                          QObject *context, ObjectCallback done, ItemTransform transform,
                          ItemsCallback page, ItemEncoder encode)
{
    if (!DecoderThread::available()) {
        list(resource, options, context, std::move(done),
             [transform, page](const QJsonObject &p, int index) {
                 return page(transformed(p.value(itemsKey(p)).toArray(), transform), {}, index);
             });
        return;
    }
    auto state = ListState::make(resource, options, context, std::move(done));
    state->transform = std::move(transform);
    state->encode = std::move(encode);
    state->itemsPage = std::move(page);
    listDecodedPage(state, {});
}

void ApiClient::listDecodedPage(const std::shared_ptr<ListState> &state,
                                const QString &continueToken)
{
    const ApiRequest request = pageRequest(state->resource, state->options, continueToken);
    const quint64 run = state->run;
    send(request, state->context, [this, state, continueToken, run](const ApiResult<ApiResponse> &r) {
        if (run != state->run || state->finished)
            return;
        const int index = state->pageIndex++;
        const int lane = index % DecoderThread::kLanes;
        // The decoder thread reads only what the job carries; `state` is touched in the answers,
        // back on this thread.
        const QPointer<const QObject> guard(this);
        DecoderThread::post(lane, [this, guard, state, continueToken, run, index, lane, r,
                                   transform = state->transform, encode = state->encode] {
            if (!r) {
                DecoderThread::answer(guard, [this, state, continueToken, run, index,
                                              error = r.error()] {
                    if (run == state->run && !state->finished && state->context)
                        state->deliver(index, [this, state, continueToken, error] {
                            decodedPageFailed(state, continueToken, error);
                        });
                });
                return;
            }
            QJsonObject page = r.value().json();
            QJsonObject metadata = page.value(u"metadata").toObject();
            const QString next = metadata.value(u"continue").toString();
            if (!next.isEmpty()) {
                DecoderThread::answer(guard, [this, state, run, next] {
                    if (run == state->run && !state->finished && state->context)
                        listDecodedPage(state, next);
                });
            }
            QList<QJsonObject> items = transformed(page.value(itemsKey(page)).toArray(), transform);
            QList<QByteArray> bytes = encoded(items, encode);
            metadata.remove(u"continue");
            page = {{QStringLiteral("kind"), page.value(u"kind")},
                    {QStringLiteral("apiVersion"), page.value(u"apiVersion")},
                    {QStringLiteral("metadata"), metadata}}; // the page's objects die here
            DecoderThread::answer(guard, [state, run, index, lane, items = std::move(items),
                                          bytes = std::move(bytes), head = std::move(page),
                                          last = next.isEmpty()]() mutable {
                if (run != state->run || state->finished || !state->context)
                    return;
                state->deliver(index, [state, index, lane, items = std::move(items),
                                       bytes = std::move(bytes), head = std::move(head),
                                       last]() mutable {
                    const bool more = state->itemsPage(items, bytes, index);
                    DecoderThread::dispose(std::exchange(items, {}), lane);
                    if (!state->context || (more && !last))
                        return;
                    state->finished = true;
                    state->done(head);
                });
            });
        });
    });
}

void ApiClient::decodedPageFailed(const std::shared_ptr<ListState> &state,
                                  const QString &continueToken, const ApiStatusError &error)
{
    if (error.isGone() && !continueToken.isEmpty() && state->restarts < 3) {
        ++state->restarts;
        ++state->run;
        state->pageIndex = 0;
        state->delivered = 0;
        state->ready.clear();
        listDecodedPage(state, {});
        return;
    }
    state->finished = true;
    state->done(error);
}

} // namespace core::kube
