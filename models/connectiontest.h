#pragma once

#include "core/kube/apistatuserror.h"
#include "core/kube/connection.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace core::kube {
class ApiClient;
}

namespace models {

// One permission "Test connection" checks: a verb on a resource at cluster scope.
struct PermissionCheck
{
    QString verb;
    QString group; // "" = core
    QString resource;
};

// list pods, list nodes, list events (cluster-wide): what the live panes need.
QList<PermissionCheck> livePanePermissions();
// "list pods (all namespaces)" / "list nodes".
QString describePermission(const PermissionCheck &check);

// The bodies and answers of the checks, pure so tests feed them data.
QByteArray accessReviewBody(const PermissionCheck &check);
// status.allowed of a SelfSubjectAccessReview; `reason` gets status.reason (or
// evaluationError) when not allowed.
bool accessReviewAllowed(const QJsonObject &review, QString *reason);
// status.userInfo.username of a SelfSubjectReview ("" when absent).
QString reviewedUser(const QJsonObject &review);
// gitVersion of GET /version ("" when absent).
QString serverVersion(const QJsonObject &version);

// What "Test connection" found.
struct ConnectionTestResult
{
    enum class Outcome {
        Ok,               // reachable, authenticated, every checked permission allowed
        Unreachable,      // no answer (refused, DNS, TLS, timeout)
        Unauthorized,     // 401
        PermissionDenied, // authenticated, but a permission the panes need is refused
        Failed,           // another error
    };
    Outcome outcome = Outcome::Failed;
    QString version;          // the server's gitVersion, "" when it did not say
    QString user;             // who the server says we are, "" when it cannot tell
    bool permissionsChecked = false; // false: the server has no SelfSubjectAccessReview
    QString deniedPermission; // the first failing one, described
    QString detail;           // the error or the refusal's reason
};

// Several lines for the dialog: server version, authentication, permissions. Translated.
QString describeTestResult(const ConnectionTestResult &result);

// "Test connection" for one connection, asynchronous: GET /version, then GET /api (a 401 there
// means the credential is refused), then a SelfSubjectReview for the user name (skipped when the
// server has none), then a SelfSubjectAccessReview per livePanePermissions() until the first
// refused one (a 404 means the server cannot answer such reviews: reported, not a failure).
// finished() is emitted once, unless cancel() came first.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionTest(core::kube::Connection connection, QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const ConnectionTestResult &result() const { return m_result; }

signals:
    void finished(const models::ConnectionTestResult &result);

private:
    void get(const QString &path, std::function<void(const QJsonObject &)> next);
    void post(const QString &path, const QByteArray &body,
              std::function<void(const std::optional<QJsonObject> &)> next);
    void checkUser();
    void checkPermission(int index);
    void fail(const core::kube::ApiStatusError &error);
    void finish(ConnectionTestResult::Outcome outcome);

    core::kube::ApiClient *m_client;
    QPointer<QObject> m_calls; // the context of the calls in flight; gone after cancel()
    ConnectionTestResult m_result;
    bool m_running = false;
};

} // namespace models

Q_DECLARE_METATYPE(models::ConnectionTestResult)
