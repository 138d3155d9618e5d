#include "core/kube/redact.h"

#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>

#include <array>

namespace core::kube {

Q_LOGGING_CATEGORY(lcHttp, "burst.kube.http", QtWarningMsg)

namespace redact {

namespace {

constexpr std::array kSensitiveHeaders{
    QByteArrayView("authorization"),   QByteArrayView("proxy-authorization"),
    QByteArrayView("x-auth-token"),    QByteArrayView("x-subject-token"),
    QByteArrayView("cookie"),          QByteArrayView("set-cookie"),
};

// Query parameters and JSON fields that hold credentials (OAuth, Kubernetes ExecCredential and
// kubeconfig, Huawei IAM bodies).
const QString kSecretNames = QStringLiteral(
    "access_token|refresh_token|id_token|token|password|passwd|secret|secret_key|client_secret|"
    "client-key-data|clientKeyData|sk|signature|x-auth-token");

bool isSecretName(const QString &name)
{
    static const QRegularExpression re(u"^(?:" + kSecretNames + u")$",
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

// Replaces every match of `re` by prefix captures kept and the rest redacted: capture 1 is kept,
// capture 2 is replaced by `replace(capture 2)`.
template<typename Replace>
QString replaceCaptured(const QString &text, const QRegularExpression &re, Replace replace)
{
    QString out;
    qsizetype at = 0;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(at, m.capturedStart(2) - at);
        out += replace(m.captured(1), m.captured(2));
        at = m.capturedEnd(2);
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace

bool isSensitiveHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().trimmed().toLower();
    for (QByteArrayView sensitive : kSensitiveHeaders)
        if (lower == sensitive)
            return true;
    return false;
}

QByteArray headerValue(QByteArrayView name, const QByteArray &value)
{
    if (!isSensitiveHeader(name))
        return value;
    const QByteArray trimmed = value.trimmed();
    const qsizetype space = trimmed.indexOf(' ');
    // "Bearer x", "Basic x", "SDK-HMAC-SHA256 Access=..., Signature=...": keep the scheme. A
    // cookie's "name=value" has no scheme to keep.
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*$"));
    if (space > 0 && scheme.match(QString::fromLatin1(trimmed.left(space))).hasMatch())
        return trimmed.left(space) + ' ' + kRedacted.latin1();
    return QByteArray(kRedacted.latin1());
}

QString headers(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QStringList lines;
    for (const auto &[name, value] : headers)
        lines.append(QString::fromLatin1(name) + u": " +
                     QString::fromLatin1(headerValue(name, value)));
    return lines.join(u'\n');
}

QString request(const QByteArray &verb, const QNetworkRequest &request)
{
    QList<QPair<QByteArray, QByteArray>> list;
    for (const QByteArray &name : request.rawHeaderList())
        list.append({name, request.rawHeader(name)});
    const QString lines = headers(list);
    return QString::fromLatin1(verb) + u' ' + url(request.url()) +
           (lines.isEmpty() ? QString() : u'\n' + lines);
}

QString url(const QUrl &url)
{
    // "<" and ">" would be percent-encoded inside a URL: a plain marker stands in until the end.
    const QString marker = QStringLiteral("REDACTEDSECRETMARKER");
    QUrl out = url;
    if (!out.password().isEmpty())
        out.setPassword(marker);
    if (out.hasQuery()) {
        QUrlQuery query(out);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &[name, value] : items)
            if (isSecretName(name))
                value = marker;
        query.setQueryItems(items);
        out.setQuery(query);
    }
    return out.toString(QUrl::PrettyDecoded).replace(marker, kRedacted);
}

QString text(const QString &text)
{
    // Header lines: "Authorization: Bearer x" (a curl -v or a plugin's debug output).
    static const QRegularExpression headerLine(
        QStringLiteral("(?im)^([ \\t<>*]*(?:authorization|proxy-authorization|x-auth-token|"
                       "x-subject-token|cookie|set-cookie)[ \\t]*:[ \\t]*)([^\\r\\n]*)"));
    QString out = replaceCaptured(text, headerLine, [](const QString &prefix, const QString &v) {
        const QString name = prefix.trimmed().remove(u':').remove(u'<').remove(u'>').remove(u'*');
        return QString::fromLatin1(headerValue(name.trimmed().toLatin1(), v.toLatin1()));
    });
    // "Bearer x" / "Basic x" anywhere else.
    static const QRegularExpression scheme(
        QStringLiteral("(?i)(\\b(?:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]+)"));
    out = replaceCaptured(out, scheme, [](const QString &, const QString &value) {
        return value == kRedacted ? value : QString(kRedacted);
    });
    // JSON fields: "token": "x" (an ExecCredential, an IAM body).
    static const QRegularExpression json(u"(?i)(\"(?:" + kSecretNames +
                                         u")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\")");
    out = replaceCaptured(out, json, [](const QString &, const QString &) {
        return QString(u'"' + kRedacted + u'"');
    });
    // Query parameters and "name=value" words: access_token=x.
    static const QRegularExpression pair(u"(?i)(\\b(?:" + kSecretNames +
                                         u")=)([^&\\s\"',;]+)");
    out = replaceCaptured(out, pair, [](const QString &, const QString &value) {
        return value == kRedacted ? value : QString(kRedacted);
    });
    return out;
}

} // namespace redact

} // namespace core::kube
