#include "app/burstctl/cliutil.h"
#include "app/burstctl/commands.h"
#include "app/burstctl/tr.h"

#include "core/cloud/akssigner.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

namespace cli {

namespace {

QString signDescription()
{
    return Tr::tr(
        "Signs an HTTP request with a Huawei Cloud access key / secret key (SDK-HMAC-SHA256, as "
        "the huaweicloud-sdk-*-v3 signers) and prints the X-Sdk-Date and Authorization headers "
        "to send with it.\n\n"
        "The keys are read only from the environment variables named by --ak-env and --sk-env; "
        "they never appear on the command line or in the output. Without --signed-headers every "
        "header given is signed, plus host and x-sdk-date. --date makes the output "
        "reproducible.\n\n"
        "Exit status: 0 signed, 2 bad input (message on stderr).");
}

// The value of the environment variable named by option `name`, or an empty string.
QString keyFromEnvironment(const Invocation &in, const QString &name, QString *problem)
{
    const QString variable = in.value(name);
    if (variable.isEmpty()) {
        *problem = Tr::tr("give --%1 VAR").arg(name);
        return {};
    }
    const QString key = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (key.isEmpty())
        *problem = Tr::tr("environment variable %1 (--%2) is not set or empty").arg(variable, name);
    return key;
}

bool parseHeaders(const QStringList &given, core::cloud::SignRequest *request, QString *problem)
{
    for (const QString &header : given) {
        const qsizetype colon = header.indexOf(u':');
        if (colon <= 0) {
            *problem = Tr::tr("header \"%1\" is not \"Name: value\"").arg(header);
            return false;
        }
        request->headers.append({header.left(colon).trimmed(), header.mid(colon + 1).trimmed()});
    }
    return true;
}

bool hasHeader(const core::cloud::SignRequest &request, const QString &name)
{
    return std::any_of(request.headers.cbegin(), request.headers.cend(), [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

bool readBody(const QString &path, core::cloud::SignRequest *request, QString *problem)
{
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = Tr::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    request->body = file.readAll();
    return true;
}

int run(const Invocation &in)
{
    if (in.positional().size() != 1)
        return in.fail(Tr::tr("give exactly one URL"));

    QString problem;
    const QString accessKey = keyFromEnvironment(in, QStringLiteral("ak-env"), &problem);
    const QString secretKey = keyFromEnvironment(in, QStringLiteral("sk-env"), &problem);
    if (!problem.isEmpty())
        return in.fail(problem);

    core::cloud::SignRequest request;
    request.method = in.value(QStringLiteral("X"));
    request.url = QUrl(in.positional().constFirst());
    if (!request.url.isValid() || request.url.host().isEmpty() ||
        (request.url.scheme() != u"https" && request.url.scheme() != u"http"))
        return in.fail(
            Tr::tr("\"%1\" is not an absolute http(s) URL").arg(in.positional().constFirst()));
    request.signedHeaders =
        in.value(QStringLiteral("signed-headers")).split(u';', Qt::SkipEmptyParts);
    if (!parseHeaders(in.values(QStringLiteral("H")), &request, &problem) ||
        !readBody(in.value(QStringLiteral("data-file")), &request, &problem))
        return in.fail(problem);
    if (in.isSet(QStringLiteral("date")))
        request.sdkDate = in.value(QStringLiteral("date"));
    else if (!hasHeader(request, QStringLiteral("x-sdk-date")))
        request.sdkDate = core::cloud::formatSdkDate(QDateTime::currentDateTimeUtc());

    const auto signedRequest = core::cloud::AkSkSigner(accessKey, secretKey).sign(request);
    if (!signedRequest)
        return in.fail(signedRequest.error(), 2);
    out() << QStringLiteral("X-Sdk-Date: %1\n").arg(signedRequest->sdkDate);
    out() << QStringLiteral("Authorization: %1\n").arg(signedRequest->authorization);
    out().flush();
    return 0;
}

} // namespace

Command signCommand()
{
    return Command{
        .name = QStringLiteral("sign"),
        .summary = Tr::tr("Sign an HTTP request with a Huawei Cloud AK/SK (SDK-HMAC-SHA256)"),
        .help = signDescription(),
        .options = {{QStringLiteral("ak-env"),
                     Tr::tr("Environment variable holding the access key."), Tr::tr("VAR")},
                    {QStringLiteral("sk-env"),
                     Tr::tr("Environment variable holding the secret key."), Tr::tr("VAR")},
                    {QStringLiteral("X"), Tr::tr("HTTP method (default GET)."), Tr::tr("METHOD"),
                     QStringLiteral("GET")},
                    {QStringLiteral("H"), Tr::tr("Request header \"Name: value\". Repeatable."),
                     Tr::tr("HEADER")},
                    {QStringLiteral("data-file"), Tr::tr("File holding the request body."),
                     Tr::tr("FILE")},
                    {QStringLiteral("signed-headers"),
                     Tr::tr("Headers to sign, separated by \";\" (e.g. host;x-sdk-date)."),
                     Tr::tr("LIST")},
                    {QStringLiteral("date"),
                     Tr::tr("X-Sdk-Date to sign with (default now), e.g. "
                            "20060102T150405Z."),
                     Tr::tr("DATE")}},
        .positionals = {{QStringLiteral("url"), Tr::tr("Request URL, with its query.")}},
        .run = run,
    };
}

} // namespace cli
