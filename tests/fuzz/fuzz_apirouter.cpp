#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/store/objectstore.h"
#include "tests/core/sandbox/apiserver/routertesthelpers.h"
#include "tests/fuzz/fuzzinput.h"

// The sandbox API server's request handling in process, as tst_apirouter drives it: a request
// with any method, target (path and query), headers and body, handled by the router over a
// store holding two namespaces, a Deployment and a Pod (fresh for every input). Every request gets an HTTP status in 100..599.
// Fields (cut at NUL): method (one byte picks a usual one, more bytes are the method itself),
// target, headers ("Name: value" lines), body.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), fuzz::application(), true);
    Q_UNUSED(once);
    static const QByteArray methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
                                         "OPTIONS"};
    const QList<QByteArray> field = fuzz::fields(data, size, 4);
    core::sandbox::HttpRequest request;
    request.method = field.at(0).size() == 1 ? methods[quint8(field.at(0).at(0)) % 7] : field.at(0);
    request.setTarget(field.at(1));
    for (const QByteArray &line : field.at(2).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.add(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    request.body = field.at(3);
    request.remoteAddress = QStringLiteral("127.0.0.1");

    core::sandbox::ObjectStore store;
    for (const QString &name : {QStringLiteral("default"), QStringLiteral("kube-system")}) {
        store.create(core::sandbox::namespacesType(), QString(),
                     QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                 {QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"), name}}}});
    }
    store.create(core::sandbox::deploymentsType(), QStringLiteral("default"),
                 routertest::deployment(QStringLiteral("web"), 2));
    store.create(core::sandbox::podsType(), QStringLiteral("default"),
                 routertest::pod(QStringLiteral("p")));
    core::sandbox::ApiRouter router(store, QStringLiteral("127.0.0.1"));
    const core::sandbox::HttpReply reply = router.handle(request);
    const int status = reply.response().status;
    FUZZ_CHECK(status >= 100 && status <= 599, request.target + " -> " + QByteArray::number(status));
    return 0;
}
