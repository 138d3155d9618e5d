#include "core/kube/execstatus.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace core::kube {

namespace {

std::optional<int> exitCodeCause(const QJsonObject &status)
{
    const QJsonArray causes = status.value(QStringLiteral("details"))
                                  .toObject()
                                  .value(QStringLiteral("causes"))
                                  .toArray();
    for (const QJsonValue &cause : causes) {
        const QJsonObject object = cause.toObject();
        if (object.value(QStringLiteral("reason")).toString() != u"ExitCode")
            continue;
        bool ok = false;
        const int code = object.value(QStringLiteral("message")).toString().toInt(&ok);
        if (ok)
            return code;
    }
    return std::nullopt;
}

} // namespace

Result<ExecExit> decodeExecStatus(const QByteArray &payload)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{QStringLiteral("exec.badStatus"),
                     Tr::tr("The API server sent an unreadable exec status: %1")
                         .arg(QString::fromUtf8(payload.left(200))),
                     {}};
    const QJsonObject status = document.object();
    const QString outcome = status.value(QStringLiteral("status")).toString();
    const QString message = status.value(QStringLiteral("message")).toString();
    if (outcome == u"Success")
        return ExecExit{0, message};
    const QString reason = status.value(QStringLiteral("reason")).toString();
    if (reason == u"NonZeroExitCode") {
        if (const std::optional<int> code = exitCodeCause(status))
            return ExecExit{*code, message};
    }
    return Error{reason.isEmpty() ? QStringLiteral("exec.failed") : QString(u"kube." + reason),
                 message.isEmpty() ? Tr::tr("The remote command failed.") : message,
                 {}};
}

} // namespace core::kube
