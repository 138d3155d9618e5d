#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace core::cloud {

// A region where CCI runs, with the endpoints a connection to it uses.
struct CciRegion
{
    QString id;          // "cn-north-4": also the IAM project name of the region
    QString displayName; // "CN North-Beijing4"
    QUrl iamEndpoint;    // https://iam.<id>.myhuaweicloud.com
    QUrl cciEndpoint;    // https://cci.<id>.myhuaweicloud.com

    bool operator==(const CciRegion &) const = default;
};

// The region list shipped as the default; users edit their own copy in the settings.
QList<CciRegion> defaultCciRegions();
// A region with the public endpoints derived from its id.
CciRegion cciRegionFor(const QString &id, const QString &displayName = {});
std::optional<CciRegion> findCciRegion(const QList<CciRegion> &regions, const QString &id);

// Settings form: a JSON array of {"id", "name", "iam", "cci"}; "iam" and "cci" may be left out
// for the public endpoints of the id. Ids must be unique, endpoints absolute http(s) URLs.
Result<QList<CciRegion>> parseCciRegions(const QByteArray &json);
QByteArray serializeCciRegions(const QList<CciRegion> &regions);

} // namespace core::cloud
