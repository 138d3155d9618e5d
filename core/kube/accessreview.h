#pragma once

#include "core/kube/apistatuserror.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

namespace core::kube {

class ApiClient;

// What a SelfSubjectAccessReview asks: may the caller do `verb` on `resource` (plural, in
// `group`) in `nameSpace` ("" = the cluster scope: a cluster-scoped resource, or every
// namespace)? kubectl auth can-i asks the same.
struct AccessQuestion
{
    QString verb;
    QString group;
    QString resource;
    QString nameSpace;
    QString subresource;
    QString name;

    bool operator==(const AccessQuestion &) const = default;
};

// The server's answer: allowed, or not (denied = an authorizer said no outright, rather than
// having no opinion), and the reason it gave, if any.
struct AccessAnswer
{
    bool allowed = false;
    bool denied = false;
    QString reason;
};

// The review object POSTed to /apis/authorization.k8s.io/v1/selfsubjectaccessreviews.
QJsonObject selfSubjectAccessReview(const AccessQuestion &question);
// The answer in a review's status.
AccessAnswer accessAnswerOf(const QJsonObject &review);

// Asks the server through `client` (one POST, retried only on 429 like every write); `done` runs
// on the client's thread while `context` lives. A server without the authorization API answers
// 404, an error.
void reviewAccess(ApiClient *client, const AccessQuestion &question, QObject *context,
                  std::function<void(const ApiResult<AccessAnswer> &answer)> done);

} // namespace core::kube
