#include "core/sandbox/transport/httprequest.h"

namespace core::sandbox {

namespace {

QString decodeComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(component));
}

} // namespace

void HttpRequest::setTarget(const QByteArray &rawTarget)
{
    target = rawTarget;
    query.clear();
    const qsizetype mark = rawTarget.indexOf('?');
    path = QString::fromUtf8(
        QByteArray::fromPercentEncoding(mark < 0 ? rawTarget : rawTarget.left(mark)));
    if (mark < 0)
        return;
    for (const QByteArray &pair : rawTarget.mid(mark + 1).split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            query[decodeComponent(pair)].append(QString());
        else
            query[decodeComponent(pair.left(equals))].append(decodeComponent(pair.mid(equals + 1)));
    }
}

QString HttpRequest::queryValue(const QString &key, const QString &fallback) const
{
    const auto it = query.constFind(key);
    return it == query.cend() || it->isEmpty() ? fallback : it->first();
}

bool HttpRequest::queryFlag(const QString &key) const
{
    static const QStringList trueWords = {QStringLiteral("1"),    QStringLiteral("t"),
                                          QStringLiteral("T"),    QStringLiteral("TRUE"),
                                          QStringLiteral("true"), QStringLiteral("True")};
    return trueWords.contains(queryValue(key));
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return method == "GET" && headers.hasElement("Connection", "upgrade") &&
           headers.hasElement("Upgrade", "websocket");
}

QList<QByteArray> HttpRequest::webSocketProtocols() const
{
    return headers.elements("Sec-WebSocket-Protocol");
}

QByteArray HttpRequest::pickWebSocketProtocol(const QList<QByteArray> &supported) const
{
    const QList<QByteArray> offered = webSocketProtocols();
    for (const QByteArray &protocol : supported) {
        if (offered.contains(protocol))
            return protocol;
    }
    return {};
}

} // namespace core::sandbox
