#pragma once

#include "core/cloud/akssigner.h"
#include "core/sandbox/transport/httprequest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Requests as a Huawei SDK client puts them on the wire, for the sandbox IAM and CCI tests.
namespace iamtest {

inline const QByteArray kHost = "127.0.0.1:31443";

inline QByteArray passwordBody(const QString &user, const QString &password, const QString &domain,
                               const QString &project = QStringLiteral("cn-north-4"))
{
    QJsonObject userJson{{QStringLiteral("name"), user}, {QStringLiteral("password"), password}};
    if (!domain.isEmpty())
        userJson.insert(QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), domain}});
    const QJsonObject auth{
        {QStringLiteral("identity"),
         QJsonObject{
             {QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
             {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), userJson}}}}},
        {QStringLiteral("scope"),
         QJsonObject{{QStringLiteral("project"), QJsonObject{{QStringLiteral("name"), project}}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}})
        .toJson(QJsonDocument::Compact);
}

inline core::sandbox::HttpRequest plainRequest(const QByteArray &method, const QByteArray &target,
                                               const QByteArray &body = {})
{
    core::sandbox::HttpRequest request;
    request.method = method;
    request.setTarget(target);
    request.headers.add("Host", kHost);
    if (!body.isEmpty())
        request.headers.add("Content-Type", "application/json");
    request.body = body;
    return request;
}

struct SignOptions
{
    QString accessKey = QStringLiteral("AccessKey");
    QString secretKey = QStringLiteral("SecretKey");
    qint64 dateOffsetSecs = 0; // from `now`
    QStringList signedHeaders{QStringLiteral("host"), QStringLiteral("x-sdk-date"),
                              QStringLiteral("content-type")};
    QByteArray tamperedBody; // sent instead of the signed body when set
    bool dropContentType = false;
};

// Signs with the SDK-tested signer as a client would, then builds what the server receives.
inline core::sandbox::HttpRequest signedRequest(const QByteArray &method, const QByteArray &target,
                                                const QByteArray &body, const QDateTime &now,
                                                const SignOptions &options = {})
{
    core::sandbox::HttpRequest request = plainRequest(method, target, body);
    if (body.isEmpty())
        request.headers.add("Content-Type", "application/json");
    core::cloud::SignRequest toSign;
    toSign.method = QString::fromLatin1(method);
    toSign.url = QUrl(QStringLiteral("http://") + QString::fromLatin1(kHost + target));
    toSign.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
    toSign.body = body;
    toSign.signedHeaders = options.signedHeaders;
    toSign.sdkDate = core::cloud::formatSdkDate(now.addSecs(options.dateOffsetSecs));
    const auto signature =
        core::cloud::AkSkSigner(options.accessKey, options.secretKey).sign(toSign);
    if (!signature)
        qFatal("signing failed: %s", qPrintable(signature.error().message));
    request.headers.add("X-Sdk-Date", signature->sdkDate.toLatin1());
    request.headers.add("Authorization", signature->authorization.toLatin1());
    if (!options.tamperedBody.isEmpty())
        request.body = options.tamperedBody;
    if (options.dropContentType)
        request.headers.remove("Content-Type");
    return request;
}

} // namespace iamtest
