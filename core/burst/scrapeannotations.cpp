#include "core/burst/scrapeannotations.h"

#include "core/common/tr.h"
#include "core/kube/yamledit.h"

#include <QJsonArray>
#include <QJsonObject>

namespace core::burst {

namespace {

QString annotationPath(const QString &prefix, const char *key)
{
    return joinPath(prefix, QStringLiteral("metadata.annotations[\"%1\"]").arg(QLatin1String(key)));
}

Diagnostics checkPort(const QString &text, const QString &path)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (ok && port >= 1 && port <= 65535 && !text.startsWith(u'+') && !text.startsWith(u'0'))
        return {};
    return {makeError(QStringLiteral("prometheus.port"), path,
                      Tr::tr("prometheus.io/port \"%1\" is not a port number (1-65535)").arg(text),
                      Tr::tr("Give the container port that serves the metrics, as a decimal "
                             "number."))};
}

Diagnostics checkPath(const QString &text, const QString &path)
{
    const bool bad = !text.startsWith(u'/') || text.contains(u'?') || text.contains(u'#') ||
                     std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
    if (!bad)
        return {};
    return {makeError(QStringLiteral("prometheus.path"), path,
                      Tr::tr("prometheus.io/path \"%1\" is not a URL path").arg(text),
                      Tr::tr("Give a path that starts with '/' and has no query, fragment or "
                             "spaces, such as /metrics."))};
}

bool declaresPort(const QJsonObject &podSpec, int port)
{
    for (const char *list : {"containers", "initContainers"}) {
        for (const QJsonValue &c : podSpec.value(QLatin1String(list)).toArray()) {
            for (const QJsonValue &p : c.toObject().value(u"ports").toArray()) {
                if (p.toObject().value(u"containerPort").toInt() == port)
                    return true;
            }
        }
    }
    return false;
}

} // namespace

Diagnostics validateScrapeSettings(const ScrapeSettings &settings, const QString &pathPrefix)
{
    Diagnostics found;
    if (settings.port != 0)
        found << checkPort(QString::number(settings.port),
                           annotationPath(pathPrefix, kPortAnnotation));
    if (!settings.path.isEmpty())
        found << checkPath(settings.path, annotationPath(pathPrefix, kPathAnnotation));
    return found;
}

Diagnostics checkScrapeAnnotations(const kube::Workload &workload)
{
    const QString prefix = workload.isPod() ? QString() : workload.templatePath;
    const QJsonObject annotations = workload.podMetadata().value(u"annotations").toObject();
    const QJsonValue scrape = annotations.value(QLatin1String(kScrapeAnnotation));
    const QJsonValue port = annotations.value(QLatin1String(kPortAnnotation));
    const QJsonValue path = annotations.value(QLatin1String(kPathAnnotation));
    Diagnostics found;
    if (!scrape.isUndefined() && scrape.toString() != u"true" && scrape.toString() != u"false")
        found << makeWarning(QStringLiteral("prometheus.scrape"),
                             annotationPath(prefix, kScrapeAnnotation),
                             Tr::tr("prometheus.io/scrape is \"%1\": only the exact string "
                                    "\"true\" makes Prometheus scrape the pod")
                                 .arg(scrape.toVariant().toString()),
                             Tr::tr("Write \"true\" or \"false\", quoted."));
    if (!port.isUndefined()) {
        const Diagnostics portFindings =
            checkPort(port.toVariant().toString(), annotationPath(prefix, kPortAnnotation));
        found << portFindings;
        if (portFindings.isEmpty() &&
            !declaresPort(workload.podSpec(), port.toVariant().toString().toInt()))
            found << makeWarning(
                QStringLiteral("prometheus.portUndeclared"),
                annotationPath(prefix, kPortAnnotation),
                Tr::tr("no container declares port %1").arg(port.toVariant().toString()),
                Tr::tr("Check the port: Prometheus scrapes it whether or not a "
                       "container listens there."));
    }
    if (!path.isUndefined())
        found << checkPath(path.toVariant().toString(), annotationPath(prefix, kPathAnnotation));
    const bool scraped = scrape.toString() == u"true";
    if (scraped && port.isUndefined())
        found << makeInfo(QStringLiteral("prometheus.noPort"),
                          annotationPath(prefix, kScrapeAnnotation),
                          Tr::tr("no prometheus.io/port: Prometheus scrapes every port the "
                                 "containers declare, or port 80 when they declare none"),
                          Tr::tr("Set prometheus.io/port to the metrics port."));
    if (!scraped && (!port.isUndefined() || !path.isUndefined()))
        found << makeInfo(
            QStringLiteral("prometheus.ignored"),
            annotationPath(prefix, scrape.isUndefined() ? kPortAnnotation : kScrapeAnnotation),
            Tr::tr("prometheus.io/port and /path have no effect unless "
                   "prometheus.io/scrape is \"true\""));
    return found;
}

Result<QString> setScrapeAnnotations(const QString &source, int document,
                                     const QStringList &objectPath, const kube::Workload &workload,
                                     const ScrapeSettings &settings)
{
    if (const Diagnostics bad = validateScrapeSettings(settings); !bad.isEmpty())
        return Error{bad.first().code, bad.first().message, bad.first().hint};
    QStringList base = objectPath;
    if (!workload.isPod())
        base << workload.templatePath.split(u'.');
    base << QStringLiteral("metadata") << QStringLiteral("annotations");
    Result<QString> text = kube::yamledit::setValue(
        source, document, base + QStringList{QLatin1String(kScrapeAnnotation)},
        settings.scrape ? QStringLiteral("true") : QStringLiteral("false"));
    if (!text)
        return text;
    const auto apply = [&](const char *key, bool set, const QString &value) {
        const QStringList path = base + QStringList{QLatin1String(key)};
        text = set ? kube::yamledit::setValue(text.value(), document, path, value)
                   : kube::yamledit::removeValue(text.value(), document, path);
    };
    apply(kPortAnnotation, settings.port != 0, QString::number(settings.port));
    if (!text)
        return text;
    apply(kPathAnnotation, !settings.path.isEmpty(), settings.path);
    return text;
}

} // namespace core::burst
