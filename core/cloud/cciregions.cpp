#include "core/cloud/cciregions.h"

#include "core/common/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace core::cloud {

namespace {

Error makeError(const char *code, const QString &message, const QString &hint = {})
{
    return Error{QString::fromLatin1(code), message, hint};
}

QUrl serviceUrl(const QString &service, const QString &regionId)
{
    return QUrl(QStringLiteral("https://%1.%2.myhuaweicloud.com").arg(service, regionId));
}

bool isEndpoint(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"https" || url.scheme() == u"http");
}

bool isRegionId(const QString &id)
{
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return shape.match(id).hasMatch();
}

Result<QUrl> endpointAt(const QJsonObject &object, const char *key, const QUrl &fallback, int index)
{
    const QJsonValue value = object.value(QLatin1StringView(key));
    if (value.isUndefined() || value.isNull())
        return fallback;
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!isEndpoint(url))
        return makeError(
            "cciRegions.endpoint",
            Tr::tr("Region %1: \"%2\" is not an http(s) URL.").arg(index + 1).arg(value.toString()),
            Tr::tr("Write the endpoint as https://host[:port]."));
    return url;
}

Result<CciRegion> regionAt(const QJsonValue &value, int index)
{
    const QJsonObject object = value.toObject();
    const QString id = object.value(u"id").toString();
    if (!value.isObject() || !isRegionId(id))
        return makeError("cciRegions.id", Tr::tr("Region %1 has no valid id.").arg(index + 1),
                         Tr::tr("Give each region an id such as \"cn-north-4\"."));
    CciRegion region = cciRegionFor(id, object.value(u"name").toString());
    const auto iam = endpointAt(object, "iam", region.iamEndpoint, index);
    if (!iam)
        return iam.error();
    const auto cci = endpointAt(object, "cci", region.cciEndpoint, index);
    if (!cci)
        return cci.error();
    region.iamEndpoint = *iam;
    region.cciEndpoint = *cci;
    return region;
}

} // namespace

QList<CciRegion> defaultCciRegions()
{
    return {
        cciRegionFor(QStringLiteral("cn-north-4"), QStringLiteral("CN North-Beijing4")),
        cciRegionFor(QStringLiteral("cn-north-1"), QStringLiteral("CN North-Beijing1")),
        cciRegionFor(QStringLiteral("cn-east-3"), QStringLiteral("CN East-Shanghai1")),
        cciRegionFor(QStringLiteral("cn-east-2"), QStringLiteral("CN East-Shanghai2")),
        cciRegionFor(QStringLiteral("cn-south-1"), QStringLiteral("CN South-Guangzhou")),
        cciRegionFor(QStringLiteral("cn-southwest-2"), QStringLiteral("CN Southwest-Guiyang1")),
        cciRegionFor(QStringLiteral("ap-southeast-1"), QStringLiteral("CN-Hong Kong")),
        cciRegionFor(QStringLiteral("ap-southeast-2"), QStringLiteral("AP-Bangkok")),
        cciRegionFor(QStringLiteral("ap-southeast-3"), QStringLiteral("AP-Singapore")),
    };
}

CciRegion cciRegionFor(const QString &id, const QString &displayName)
{
    return CciRegion{id, displayName.isEmpty() ? id : displayName,
                     serviceUrl(QStringLiteral("iam"), id), serviceUrl(QStringLiteral("cci"), id)};
}

std::optional<CciRegion> findCciRegion(const QList<CciRegion> &regions, const QString &id)
{
    for (const CciRegion &region : regions) {
        if (region.id == id)
            return region;
    }
    return std::nullopt;
}

Result<QList<CciRegion>> parseCciRegions(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray())
        return makeError("cciRegions.json",
                         Tr::tr("The region list is not a JSON array: %1")
                             .arg(parseError.error != QJsonParseError::NoError
                                      ? parseError.errorString()
                                      : Tr::tr("found a single value")),
                         Tr::tr("Reset the region list to the defaults."));
    QList<CciRegion> regions;
    QSet<QString> seen;
    const QJsonArray array = doc.array();
    for (int i = 0; i < array.size(); ++i) {
        const auto region = regionAt(array.at(i), i);
        if (!region)
            return region.error();
        if (seen.contains(region->id))
            return makeError("cciRegions.duplicate",
                             Tr::tr("Region \"%1\" is listed twice.").arg(region->id),
                             Tr::tr("Keep one entry per region id."));
        seen.insert(region->id);
        regions.append(*region);
    }
    return regions;
}

QByteArray serializeCciRegions(const QList<CciRegion> &regions)
{
    QJsonArray array;
    for (const CciRegion &region : regions)
        array.append(QJsonObject{{QStringLiteral("id"), region.id},
                                 {QStringLiteral("name"), region.displayName},
                                 {QStringLiteral("iam"), region.iamEndpoint.toString()},
                                 {QStringLiteral("cci"), region.cciEndpoint.toString()}});
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace core::cloud
