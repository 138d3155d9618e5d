#include "models/connectiontest.h"

#include "core/kube/apiclient.h"
#include "models/tr.h"

#include <QJsonDocument>

namespace models {

namespace {

using namespace std::chrono_literals;

const QString kAccessReviews =
    QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
const QString kSelfReviews = QStringLiteral("/apis/authentication.k8s.io/v1/selfsubjectreviews");

core::kube::ApiRequest request(const QByteArray &verb, const QString &path,
                               const QByteArray &body = {})
{
    core::kube::ApiRequest r;
    r.verb = verb;
    r.path = path;
    r.body = body;
    r.timeout = 10s;
    r.maxAttempts = 1;
    return r;
}

} // namespace

QList<PermissionCheck> livePanePermissions()
{
    return {{QStringLiteral("list"), QString(), QStringLiteral("pods")},
            {QStringLiteral("list"), QString(), QStringLiteral("nodes")},
            {QStringLiteral("list"), QString(), QStringLiteral("events")}};
}

QString describePermission(const PermissionCheck &check)
{
    const QString resource =
        check.group.isEmpty() ? check.resource : check.resource + u'.' + check.group;
    return Tr::tr("%1 %2 (all namespaces)").arg(check.verb, resource);
}

QByteArray accessReviewBody(const PermissionCheck &check)
{
    QJsonObject attributes{{QStringLiteral("verb"), check.verb},
                           {QStringLiteral("resource"), check.resource}};
    if (!check.group.isEmpty())
        attributes.insert(QStringLiteral("group"), check.group);
    const QJsonObject review{
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
    return QJsonDocument(review).toJson(QJsonDocument::Compact);
}

bool accessReviewAllowed(const QJsonObject &review, QString *reason)
{
    const QJsonObject status = review.value(u"status").toObject();
    if (status.value(u"allowed").toBool() && !status.value(u"denied").toBool())
        return true;
    if (reason) {
        *reason = status.value(u"reason").toString();
        if (reason->isEmpty())
            *reason = status.value(u"evaluationError").toString();
    }
    return false;
}

QString reviewedUser(const QJsonObject &review)
{
    return review.value(u"status")
        .toObject()
        .value(u"userInfo")
        .toObject()
        .value(u"username")
        .toString();
}

QString serverVersion(const QJsonObject &version)
{
    return version.value(u"gitVersion").toString();
}

QString describeTestResult(const ConnectionTestResult &r)
{
    using Outcome = ConnectionTestResult::Outcome;
    QStringList lines;
    if (r.outcome == Outcome::Unreachable) {
        lines << Tr::tr("Server: unreachable (%1)").arg(r.detail);
        return lines.join(u'\n');
    }
    lines << (r.version.isEmpty() ? Tr::tr("Server: answers (version not given)")
                                  : Tr::tr("Server: %1").arg(r.version));
    if (r.outcome == Outcome::Unauthorized) {
        lines << Tr::tr("Authentication: refused (401 Unauthorized): the credential is wrong "
                        "or expired");
        return lines.join(u'\n');
    }
    if (r.outcome == Outcome::Failed) {
        lines << Tr::tr("Failed: %1").arg(r.detail);
        return lines.join(u'\n');
    }
    lines << (r.user.isEmpty() ? Tr::tr("Authentication: OK")
                               : Tr::tr("Authentication: OK, as %1").arg(r.user));
    if (!r.permissionsChecked)
        lines << Tr::tr("Permissions: permission checks unavailable on this server");
    else if (r.outcome == Outcome::PermissionDenied)
        lines << (r.detail.isEmpty()
                      ? Tr::tr("Permissions: refused: %1").arg(r.deniedPermission)
                      : Tr::tr("Permissions: refused: %1 (%2)").arg(r.deniedPermission, r.detail));
    else
        lines << Tr::tr("Permissions: list pods, nodes and events allowed");
    return lines.join(u'\n');
}

ConnectionTest::ConnectionTest(core::kube::Connection connection, QObject *parent)
    : QObject(parent), m_client(new core::kube::ApiClient(std::move(connection), this))
{
}

ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::start()
{
    cancel();
    m_result = {};
    m_running = true;
    m_calls = new QObject(this);
    get(QStringLiteral("/version"), [this](const QJsonObject &version) {
        m_result.version = serverVersion(version);
        // /version may be open to anyone; discovery is not.
        get(QStringLiteral("/api"), [this](const QJsonObject &) { checkUser(); });
    });
}

void ConnectionTest::cancel()
{
    delete m_calls;
    m_running = false;
}

void ConnectionTest::get(const QString &path, std::function<void(const QJsonObject &)> next)
{
    m_client->send(request("GET", path), m_calls,
                   [this, next](const core::kube::ApiResult<core::kube::ApiResponse> &r) {
                       if (!r)
                           fail(r.error());
                       else
                           next(r->json());
                   });
}

void ConnectionTest::post(const QString &path, const QByteArray &body,
                          std::function<void(const std::optional<QJsonObject> &)> next)
{
    m_client->send(request("POST", path, body), m_calls,
                   [this, next](const core::kube::ApiResult<core::kube::ApiResponse> &r) {
                       if (r)
                           next(r->json());
                       else if (r.error().httpStatus == 404)
                           next(std::nullopt);
                       else
                           fail(r.error());
                   });
}

void ConnectionTest::checkUser()
{
    const QJsonObject review{
        {QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectReview")}};
    m_client->send(request("POST", kSelfReviews, QJsonDocument(review).toJson()), m_calls,
                   [this](const core::kube::ApiResult<core::kube::ApiResponse> &r) {
                       // Only a refused credential stops here; no such API (404) or a
                       // forbidden review leaves the user unknown.
                       if (!r && r.error().httpStatus == 401)
                           return fail(r.error());
                       if (r)
                           m_result.user = reviewedUser(r->json());
                       checkPermission(0);
                   });
}

void ConnectionTest::checkPermission(int index)
{
    const QList<PermissionCheck> checks = livePanePermissions();
    if (index >= checks.size())
        return finish(ConnectionTestResult::Outcome::Ok);
    const PermissionCheck check = checks.at(index);
    post(kAccessReviews, accessReviewBody(check),
         [this, index, check](const std::optional<QJsonObject> &review) {
             if (!review) {
                 m_result.permissionsChecked = false;
                 return finish(ConnectionTestResult::Outcome::Ok);
             }
             m_result.permissionsChecked = true;
             QString reason;
             if (!accessReviewAllowed(*review, &reason)) {
                 m_result.deniedPermission = describePermission(check);
                 m_result.detail = reason;
                 return finish(ConnectionTestResult::Outcome::PermissionDenied);
             }
             checkPermission(index + 1);
         });
}

void ConnectionTest::fail(const core::kube::ApiStatusError &error)
{
    m_result.detail = error.message.isEmpty() ? error.toError().message : error.message;
    if (error.httpStatus == 0)
        finish(ConnectionTestResult::Outcome::Unreachable);
    else if (error.httpStatus == 401)
        finish(ConnectionTestResult::Outcome::Unauthorized);
    else
        finish(ConnectionTestResult::Outcome::Failed);
}

void ConnectionTest::finish(ConnectionTestResult::Outcome outcome)
{
    m_result.outcome = outcome;
    m_running = false;
    // Answers still in flight are dropped with their context.
    m_calls->deleteLater();
    m_calls.clear();
    emit finished(m_result);
}

} // namespace models
