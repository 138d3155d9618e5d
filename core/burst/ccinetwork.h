#pragma once

#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace core::burst {

// A networking.cci.io/v1beta1 Network object (guide 2.4).
bool isCciNetworkObject(const QJsonObject &object);

// Id formats (see cciconventions.h for where they come from): a UUID, 8-4-4-4-12 hex digits (VPC,
// subnet, network, security group ids); 32 hex digits (IAM domain and project ids).
bool isUuid(const QString &text);
bool isHex32(const QString &text);

// An IPv4 CIDR "a.b.c.d/n".
struct Ipv4Cidr
{
    quint32 address = 0;
    int prefix = 0;
    bool operator==(const Ipv4Cidr &) const = default;
};
std::optional<Ipv4Cidr> parseIpv4Cidr(const QString &text);
// Whether the two ranges share an address (host bits ignored).
bool cidrsOverlap(const Ipv4Cidr &a, const Ipv4Cidr &b);

// guide 2.4's allowed subnets: inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 with a prefix
// from that block's own (8, 12, 16) up to /24, written as a network address (no host bits;
// decided). Empty when the CIDR is allowed, else the translated reason.
QString cidrProblem(const QString &text);

// The Network's lint, paths relative to the object. Codes (all errors):
//   network.securityGroup, network.domainId, network.projectId - the annotations (missing or not
//     in their format);
//   network.availableZone (missing), network.cidr, network.attachedVPC, network.networkID,
//   network.subnetID (missing or not a UUID), network.networkType (not underlay_neutron).
Diagnostics checkCciNetwork(const QJsonObject &network);

} // namespace core::burst
