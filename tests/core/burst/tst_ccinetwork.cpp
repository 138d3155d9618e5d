#include "core/burst/cciconventions.h"
#include "core/burst/ccinamespace.h"
#include "core/burst/ccinetwork.h"

#include "bursttesthelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected values from the guide's section 2.4 (the Namespace with its flavour annotation, the
// networking.cci.io/v1beta1 Network with three annotations and six spec fields, the allowed
// subnets 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 up to /24) and the id formats of
// cciconventions.h (UUIDs for VPC, subnet, network and security group; 32 hex for domain and
// project).
class tst_CciNetwork : public QObject
{
    Q_OBJECT

private:
    static QJsonObject validNetwork()
    {
        return QJsonDocument::fromJson(R"({
            "apiVersion": "networking.cci.io/v1beta1", "kind": "Network",
            "metadata": {"name": "test-network", "annotations": {
                "network.alpha.kubernetes.io/default-security-group": "5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6d",
                "network.alpha.kubernetes.io/domain-id": "0123456789abcdef0123456789abcdef",
                "network.alpha.kubernetes.io/project-id": "fedcba9876543210fedcba9876543210"}},
            "spec": {"availableZone": "cn-north-4a", "cidr": "192.168.0.0/24",
                "attachedVPC": "11111111-2222-3333-4444-555555555555",
                "networkID": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                "subnetID": "AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE",
                "networkType": "underlay_neutron"}})")
            .object();
    }


private slots:
    void flavor_data()
    {
        QTest::addColumn<QJsonValue>("annotation"); // undefined: no annotation
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("flavor");
        const QString path = u"metadata.annotations[\"namespace.kubernetes.io/flavor\"]"_s;
        QTest::newRow("guide: gpu-accelerated")
            << QJsonValue(u"gpu-accelerated"_s) << QStringList()
            << int(NamespaceFlavor::GpuAccelerated);
        QTest::newRow("general-computing") << QJsonValue(u"general-computing"_s) << QStringList()
                                           << int(NamespaceFlavor::GeneralComputing);
        QTest::newRow("missing: warning") << QJsonValue(QJsonValue::Undefined)
                                          << QStringList{u"namespace.flavor.missing@"_s + path}
                                          << int(NamespaceFlavor::Unknown);
        QTest::newRow("unknown flavour") << QJsonValue(u"gpu"_s)
                                         << QStringList{u"namespace.flavor@"_s + path}
                                         << int(NamespaceFlavor::Unknown);
        QTest::newRow("case matters") << QJsonValue(u"GPU-Accelerated"_s)
                                      << QStringList{u"namespace.flavor@"_s + path}
                                      << int(NamespaceFlavor::Unknown);
        QTest::newRow("not a string") << QJsonValue(true)
                                      << QStringList{u"namespace.flavor@"_s + path}
                                      << int(NamespaceFlavor::Unknown);
    }

    void flavor()
    {
        QFETCH(QJsonValue, annotation);
        QFETCH(QStringList, expected);
        QFETCH(int, flavor);
        QJsonObject meta{{u"name"_s, u"namespace-test"_s}};
        if (!annotation.isUndefined())
            meta.insert(u"annotations"_s, QJsonObject{{kNamespaceFlavorAnnotation, annotation}});
        const QJsonObject ns{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s},
                             {u"metadata"_s, meta}};
        QVERIFY(isNamespaceObject(ns));
        const Diagnostics diagnostics = checkCciNamespace(ns);
        QCOMPARE(bursttest::codesAt(diagnostics), expected);
        for (const Diagnostic &d : diagnostics)
            QVERIFY(!d.hint.isEmpty());
        if (!expected.isEmpty())
            QCOMPARE(diagnostics.first().severity,
                     expected.first().startsWith(u"namespace.flavor.missing") ? Severity::Warning
                                                                              : Severity::Error);
        QCOMPARE(int(namespaceFlavorOf(ns)), flavor);
        const auto flavors = namespaceFlavors({ns});
        QCOMPARE(flavors.contains(u"namespace-test"_s), flavor != int(NamespaceFlavor::Unknown));
    }

    void cidr_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("guide: 192.168.0.0/24") << u"192.168.0.0/24"_s << true;
        QTest::newRow("192.168.0.0/16 (block's own)") << u"192.168.0.0/16"_s << true;
        QTest::newRow("192.168.0.0/15 wider than block") << u"192.168.0.0/15"_s << false;
        QTest::newRow("192.168.1.0/25 narrower than /24") << u"192.168.1.0/25"_s << false;
        QTest::newRow("10.0.0.0/8") << u"10.0.0.0/8"_s << true;
        QTest::newRow("10.12.0.0/16") << u"10.12.0.0/16"_s << true;
        QTest::newRow("10.1.2.0/24") << u"10.1.2.0/24"_s << true;
        QTest::newRow("10.0.0.0/7 wider") << u"10.0.0.0/7"_s << false;
        QTest::newRow("172.16.0.0/12") << u"172.16.0.0/12"_s << true;
        QTest::newRow("172.31.255.0/24 last of block") << u"172.31.255.0/24"_s << true;
        QTest::newRow("172.16.0.0/11 wider") << u"172.16.0.0/11"_s << false;
        QTest::newRow("172.32.0.0/16 outside") << u"172.32.0.0/16"_s << false;
        QTest::newRow("11.0.0.0/8 public") << u"11.0.0.0/8"_s << false;
        QTest::newRow("192.169.0.0/16 outside") << u"192.169.0.0/16"_s << false;
        QTest::newRow("host bits set") << u"192.168.0.1/24"_s << false;
        QTest::newRow("no prefix") << u"192.168.0.0"_s << false;
        QTest::newRow("octet 256") << u"192.168.256.0/24"_s << false;
        QTest::newRow("prefix 33") << u"10.0.0.0/33"_s << false;
        QTest::newRow("leading zero octet") << u"10.01.0.0/16"_s << false;
        QTest::newRow("placeholder") << u"{{cidr}}"_s << false;
    }

    void cidr()
    {
        QFETCH(QString, cidr);
        QFETCH(bool, allowed);
        QCOMPARE(cidrProblem(cidr).isEmpty(), allowed);
    }

    void ids_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("uuid");
        QTest::addColumn<bool>("hex32");
        QTest::newRow("uuid lower") << u"5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6d"_s << true << false;
        QTest::newRow("uuid upper") << u"5A0C1E2B-8F3D-4C6A-9E7B-1D2F3A4B5C6D"_s << true << false;
        QTest::newRow("uuid without dashes is hex32")
            << u"5a0c1e2b8f3d4c6a9e7b1d2f3a4b5c6d"_s << false << true;
        QTest::newRow("uuid short group") << u"5a0c1e2-8f3d-4c6a-9e7b-1d2f3a4b5c6d"_s << false
                                          << false;
        QTest::newRow("non-hex") << u"5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6g"_s << false << false;
        QTest::newRow("31 hex") << u"0123456789abcdef0123456789abcde"_s << false << false;
        QTest::newRow("33 hex") << u"0123456789abcdef0123456789abcdef0"_s << false << false;
        QTest::newRow("placeholder") << u"{{vpc-id}}"_s << false << false;
        QTest::newRow("empty") << QString() << false << false;
    }

    void ids()
    {
        QFETCH(QString, text);
        QFETCH(bool, uuid);
        QFETCH(bool, hex32);
        QCOMPARE(isUuid(text), uuid);
        QCOMPARE(isHex32(text), hex32);
    }

    void network_data()
    {
        QTest::addColumn<QString>("pointer"); // "annotation:KEY" or "spec:FIELD"
        QTest::addColumn<QJsonValue>("value"); // undefined removes it
        QTest::addColumn<QStringList>("expected");
        const auto ann = [](const QString &key) -> QString {
            return u"metadata.annotations[\""_s + key + u"\"]"_s;
        };
        QTest::newRow("valid") << QString() << QJsonValue() << QStringList();
        QTest::newRow("security group not a uuid")
            << u"annotation:"_s + kSecurityGroupAnnotation << QJsonValue(u"{{security-group-id}}"_s)
            << QStringList{u"network.securityGroup@"_s + ann(kSecurityGroupAnnotation)};
        QTest::newRow("security group missing")
            << u"annotation:"_s + kSecurityGroupAnnotation << QJsonValue(QJsonValue::Undefined)
            << QStringList{u"network.securityGroup@"_s + ann(kSecurityGroupAnnotation)};
        QTest::newRow("domain id is a uuid, not 32 hex")
            << u"annotation:"_s + kDomainIdAnnotation
            << QJsonValue(u"5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6d"_s)
            << QStringList{u"network.domainId@"_s + ann(kDomainIdAnnotation)};
        QTest::newRow("project id missing")
            << u"annotation:"_s + kProjectIdAnnotation << QJsonValue(QJsonValue::Undefined)
            << QStringList{u"network.projectId@"_s + ann(kProjectIdAnnotation)};
        QTest::newRow("vpc placeholder") << u"spec:attachedVPC"_s << QJsonValue(u"{{vpc-id}}"_s)
                                         << QStringList{u"network.attachedVPC@spec.attachedVPC"_s};
        QTest::newRow("network id missing") << u"spec:networkID"_s
                                            << QJsonValue(QJsonValue::Undefined)
                                            << QStringList{u"network.networkID@spec.networkID"_s};
        QTest::newRow("subnet id 32 hex") << u"spec:subnetID"_s
                                          << QJsonValue(u"0123456789abcdef0123456789abcdef"_s)
                                          << QStringList{u"network.subnetID@spec.subnetID"_s};
        QTest::newRow("zone missing") << u"spec:availableZone"_s
                                      << QJsonValue(QJsonValue::Undefined)
                                      << QStringList{u"network.availableZone@spec.availableZone"_s};
        QTest::newRow("cidr public") << u"spec:cidr"_s << QJsonValue(u"8.8.8.0/24"_s)
                                     << QStringList{u"network.cidr@spec.cidr"_s};
        QTest::newRow("cidr missing") << u"spec:cidr"_s << QJsonValue(QJsonValue::Undefined)
                                      << QStringList{u"network.cidr@spec.cidr"_s};
        QTest::newRow("networkType overlay") << u"spec:networkType"_s
                                             << QJsonValue(u"overlay_l2"_s)
                                             << QStringList{u"network.networkType@spec.networkType"_s};
        QTest::newRow("networkType missing") << u"spec:networkType"_s
                                             << QJsonValue(QJsonValue::Undefined)
                                             << QStringList{u"network.networkType@spec.networkType"_s};
    }

    void network()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QStringList, expected);
        QJsonObject net = validNetwork();
        if (!pointer.isEmpty()) {
            const QString where = pointer.section(u':', 0, 0);
            const QString key = pointer.section(u':', 1);
            QJsonObject meta = net.value(u"metadata").toObject();
            QJsonObject annotations = meta.value(u"annotations").toObject();
            QJsonObject spec = net.value(u"spec").toObject();
            QJsonObject &target = where == u"annotation" ? annotations : spec;
            if (value.isUndefined())
                target.remove(key);
            else
                target.insert(key, value);
            meta.insert(u"annotations"_s, annotations);
            net.insert(u"metadata"_s, meta);
            net.insert(u"spec"_s, spec);
        }
        QVERIFY(isCciNetworkObject(net));
        const Diagnostics diagnostics = checkCciNetwork(net);
        QCOMPARE(bursttest::codesAt(diagnostics), expected);
        for (const Diagnostic &d : diagnostics) {
            QCOMPARE(d.severity, Severity::Error);
            QVERIFY(!d.hint.isEmpty());
            QVERIFY(!d.message.isEmpty());
        }
    }

    void otherNetworkKindsAreNotLinted()
    {
        QJsonObject net = validNetwork();
        net.insert(u"apiVersion"_s, u"networking.k8s.io/v1"_s);
        QVERIFY(!isCciNetworkObject(net));
    }
};

QTEST_GUILESS_MAIN(tst_CciNetwork)
#include "tst_ccinetwork.moc"
