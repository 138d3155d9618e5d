#include "core/burst/ccinetwork.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"

#include <QRegularExpression>

#include <algorithm>

namespace core::burst {

namespace {

struct Block
{
    quint32 address;
    int prefix;
    const char *text;
};

// guide 2.4: the private ranges a CCI network's subnet may use.
constexpr Block kBlocks[] = {{0x0A000000u, 8, "10.0.0.0/8"},
                             {0xAC100000u, 12, "172.16.0.0/12"},
                             {0xC0A80000u, 16, "192.168.0.0/16"}};
constexpr int kMaxPrefix = 24;

quint32 maskOf(int prefix)
{
    return prefix == 0 ? 0u : ~quint32(0) << (32 - prefix);
}

QString annotationPath(const QString &key)
{
    return QStringLiteral("metadata.annotations[\"") + key + QStringLiteral("\"]");
}

struct IdField
{
    QString code;
    QString path;
    QJsonValue value;
    bool uuid; // else 32 hex digits
    QString what;
};

void checkId(const IdField &f, Diagnostics &out)
{
    const QString format = f.uuid ? Tr::tr("a UUID (8-4-4-4-12 hexadecimal digits)")
                                  : Tr::tr("32 hexadecimal digits");
    if (f.value.isUndefined() || f.value.isNull() || f.value.toString().isEmpty()) {
        out.append(makeError(f.code, f.path, Tr::tr("the Network has no %1").arg(f.what),
                             Tr::tr("Set it to the %1, %2.").arg(f.what, format)));
        return;
    }
    const QString text = f.value.toString();
    if (f.uuid ? isUuid(text) : isHex32(text))
        return;
    out.append(makeError(f.code, f.path,
                         Tr::tr("%1 \"%2\" is not %3").arg(f.what, text, format),
                         Tr::tr("Copy the %1 from the Huawei Cloud console or API (replace any "
                                "{{placeholder}}).")
                             .arg(f.what)));
}

} // namespace

bool isCciNetworkObject(const QJsonObject &object)
{
    return object.value(u"kind").toString() == kNetworkKind &&
           object.value(u"apiVersion").toString() == kNetworkApiVersion;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(text).hasMatch();
}

bool isHex32(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return re.match(text).hasMatch();
}

std::optional<Ipv4Cidr> parseIpv4Cidr(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    Ipv4Cidr cidr;
    for (int i = 1; i <= 4; ++i) {
        const int octet = m.captured(i).toInt();
        if (octet > 255 || (m.captured(i).size() > 1 && m.captured(i).startsWith(u'0')))
            return std::nullopt;
        cidr.address = (cidr.address << 8) | quint32(octet);
    }
    cidr.prefix = m.captured(5).toInt();
    if (cidr.prefix > 32)
        return std::nullopt;
    return cidr;
}

bool cidrsOverlap(const Ipv4Cidr &a, const Ipv4Cidr &b)
{
    const quint32 mask = maskOf(std::min(a.prefix, b.prefix));
    return (a.address & mask) == (b.address & mask);
}

QString cidrProblem(const QString &text)
{
    const auto cidr = parseIpv4Cidr(text);
    if (!cidr)
        return Tr::tr("\"%1\" is not an IPv4 CIDR such as 192.168.0.0/24").arg(text);
    for (const Block &b : kBlocks) {
        if ((cidr->address & maskOf(b.prefix)) != b.address)
            continue;
        if (cidr->prefix < b.prefix || cidr->prefix > kMaxPrefix)
            return Tr::tr("%1 is inside %2, so its prefix length must be /%3 to /%4")
                .arg(text, QLatin1String(b.text))
                .arg(b.prefix)
                .arg(kMaxPrefix);
        if ((cidr->address & ~maskOf(cidr->prefix)) != 0)
            return Tr::tr("%1 has host bits set; write the network address").arg(text);
        return {};
    }
    return Tr::tr("%1 is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16").arg(text);
}

Diagnostics checkCciNetwork(const QJsonObject &network)
{
    Diagnostics out;
    const QJsonObject annotations = kube::annotationsOf(network);
    const QJsonObject spec = network.value(u"spec").toObject();
    const auto specPath = [](const char *field) -> QString {
        return QStringLiteral("spec.") + QLatin1String(field);
    };
    const QList<IdField> ids = {
        {QStringLiteral("network.securityGroup"), annotationPath(kSecurityGroupAnnotation),
         annotations.value(kSecurityGroupAnnotation), true, Tr::tr("security group id")},
        {QStringLiteral("network.domainId"), annotationPath(kDomainIdAnnotation),
         annotations.value(kDomainIdAnnotation), false, Tr::tr("domain (account) id")},
        {QStringLiteral("network.projectId"), annotationPath(kProjectIdAnnotation),
         annotations.value(kProjectIdAnnotation), false, Tr::tr("project id")},
        {QStringLiteral("network.attachedVPC"), specPath("attachedVPC"),
         spec.value(u"attachedVPC"), true, Tr::tr("VPC id")},
        {QStringLiteral("network.networkID"), specPath("networkID"), spec.value(u"networkID"),
         true, Tr::tr("network id")},
        {QStringLiteral("network.subnetID"), specPath("subnetID"), spec.value(u"subnetID"), true,
         Tr::tr("subnet id")},
    };
    for (const IdField &f : ids)
        checkId(f, out);
    if (spec.value(u"availableZone").toString().isEmpty())
        out.append(makeError(QStringLiteral("network.availableZone"), specPath("availableZone"),
                             Tr::tr("the Network has no availableZone"),
                             Tr::tr("Set spec.availableZone to the zone of the subnet, for "
                                    "example cn-north-4a.")));
    const QString cidr = spec.value(u"cidr").toString();
    const QString problem = cidr.isEmpty() ? Tr::tr("the Network has no cidr") : cidrProblem(cidr);
    if (!problem.isEmpty())
        out.append(makeError(QStringLiteral("network.cidr"), specPath("cidr"), problem,
                             Tr::tr("Use the subnet's CIDR: inside 10.0.0.0/8 (/8-/24), "
                                    "172.16.0.0/12 (/12-/24) or 192.168.0.0/16 (/16-/24).")));
    const QString type = spec.value(u"networkType").toString();
    if (type != kUnderlayNeutron)
        out.append(makeError(QStringLiteral("network.networkType"), specPath("networkType"),
                             Tr::tr("networkType is \"%1\"; CCI networks are %2")
                                 .arg(type, kUnderlayNeutron),
                             Tr::tr("Set spec.networkType to %1.").arg(kUnderlayNeutron)));
    return out;
}

} // namespace core::burst
