#include "core/kube/accessreview.h"

#include "core/kube/apiclient.h"

#include <QJsonDocument>

namespace core::kube {

QJsonObject selfSubjectAccessReview(const AccessQuestion &q)
{
    QJsonObject attributes{{QStringLiteral("verb"), q.verb},
                           {QStringLiteral("group"), q.group},
                           {QStringLiteral("resource"), q.resource}};
    if (!q.nameSpace.isEmpty())
        attributes.insert(QStringLiteral("namespace"), q.nameSpace);
    if (!q.subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), q.subresource);
    if (!q.name.isEmpty())
        attributes.insert(QStringLiteral("name"), q.name);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
}

AccessAnswer accessAnswerOf(const QJsonObject &review)
{
    const QJsonObject status = review.value(u"status").toObject();
    return AccessAnswer{status.value(u"allowed").toBool(), status.value(u"denied").toBool(),
                        status.value(u"reason").toString()};
}

void reviewAccess(ApiClient *client, const AccessQuestion &question, QObject *context,
                  std::function<void(const ApiResult<AccessAnswer> &answer)> done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.path = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
    request.body = QJsonDocument(selfSubjectAccessReview(question)).toJson(QJsonDocument::Compact);
    client->send(request, context, [done](const ApiResult<ApiResponse> &response) {
        if (!response)
            done(response.error());
        else
            done(accessAnswerOf(response.value().json()));
    });
}

} // namespace core::kube
