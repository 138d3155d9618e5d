#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/ccivalidation.h"
#include "core/sandbox/store/objectstore.h"

#include "../apiserver/routertesthelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace routertest;

// The sandbox CCI's admission of guide 2.4's objects: a router with cciValidator() serves
// networking.cci.io/v1beta1 networks and Namespaces with flavours, and refuses invalid ones with
// kube-apiserver's 422 Invalid Status (reason Invalid, details.causes with the field of each core
// lint error); a router without it (the CCE endpoint) takes them as they are.
class tst_CciValidation : public QObject
{
    Q_OBJECT

private:
    static QJsonObject network(const QString &cidr, const QString &vpc)
    {
        return QJsonObject{
            {u"apiVersion"_s, u"networking.cci.io/v1beta1"_s},
            {u"kind"_s, u"Network"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, u"test-network"_s},
                         {u"annotations"_s,
                          QJsonObject{{u"network.alpha.kubernetes.io/default-security-group"_s,
                                       u"5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6d"_s},
                                      {u"network.alpha.kubernetes.io/domain-id"_s,
                                       u"0123456789abcdef0123456789abcdef"_s},
                                      {u"network.alpha.kubernetes.io/project-id"_s,
                                       u"fedcba9876543210fedcba9876543210"_s}}}}},
            {u"spec"_s,
             QJsonObject{{u"availableZone"_s, u"cn-north-4a"_s},
                         {u"cidr"_s, cidr},
                         {u"attachedVPC"_s, vpc},
                         {u"networkID"_s, u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s},
                         {u"subnetID"_s, u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeef"_s},
                         {u"networkType"_s, u"underlay_neutron"_s}}}};
    }

    static QJsonObject nameSpace(const QString &name, const QString &flavor)
    {
        QJsonObject meta{{u"name"_s, name}};
        if (!flavor.isEmpty())
            meta.insert(u"annotations"_s,
                        QJsonObject{{u"namespace.kubernetes.io/flavor"_s, flavor}});
        return QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Namespace"_s},
                           {u"metadata"_s, meta}};
    }

private slots:
    void networks_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("vpc");
        QTest::addColumn<bool>("validated");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("fields");
        const QString vpc = u"11111111-2222-3333-4444-555555555555"_s;
        QTest::newRow("guide's network") << u"192.168.0.0/24"_s << vpc << true << 201
                                         << QStringList();
        QTest::newRow("public cidr") << u"8.8.8.0/24"_s << vpc << true << 422
                                     << QStringList{u"spec.cidr"_s};
        QTest::newRow("placeholder vpc, /25") << u"10.0.0.0/25"_s << u"{{vpc-id}}"_s << true << 422
                                              << QStringList{u"spec.attachedVPC"_s, u"spec.cidr"_s};
        QTest::newRow("no validator (CCE): stored") << u"8.8.8.0/24"_s << vpc << false << 201
                                                    << QStringList();
    }

    void networks()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, vpc);
        QFETCH(bool, validated);
        QFETCH(int, status);
        QFETCH(QStringList, fields);
        ObjectStore store;
        ApiRouterOptions options;
        if (validated)
            options.validator = cciValidator();
        ApiRouter router(store, u"127.0.0.1"_s, options);
        QCOMPARE(router.handle(request("POST", "/api/v1/namespaces", "application/json",
                                       json(nameSpace(u"cci-test"_s, u"gpu-accelerated"_s))))
                     .response()
                     .status,
                 201);
        const QByteArray collection = "/apis/networking.cci.io/v1beta1/namespaces/cci-test/networks";
        const HttpReply reply = router.handle(
            request("POST", collection, "application/json", json(network(cidr, vpc))));
        QCOMPARE(reply.response().status, status);
        const QJsonObject answer = body(reply);
        if (status == 201) {
            QCOMPARE(answer.value(u"kind").toString(), u"Network");
            QCOMPARE(router.handle(get(collection + "/test-network")).response().status, 200);
            return;
        }
        QCOMPARE(answer.value(u"kind").toString(), u"Status");
        QCOMPARE(answer.value(u"reason").toString(), u"Invalid");
        QVERIFY(answer.value(u"message").toString().startsWith(
            u"Network.networking.cci.io \"test-network\" is invalid: "));
        const QJsonArray causes = answer.value(u"details").toObject().value(u"causes").toArray();
        QStringList got;
        for (const QJsonValue &c : causes)
            got.append(c.toObject().value(u"field").toString());
        QCOMPARE(got, fields);
        QCOMPARE(router.handle(get(collection + "/test-network")).response().status, 404);
    }

    void namespaces_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<int>("status");
        QTest::newRow("gpu-accelerated") << u"gpu-accelerated"_s << 201;
        QTest::newRow("general-computing") << u"general-computing"_s << 201;
        QTest::newRow("no flavour: a warning, stored") << QString() << 201;
        QTest::newRow("unknown flavour") << u"gpu"_s << 422;
    }

    void namespaces()
    {
        QFETCH(QString, flavor);
        QFETCH(int, status);
        ObjectStore store;
        ApiRouterOptions options;
        options.validator = cciValidator();
        ApiRouter router(store, u"127.0.0.1"_s, options);
        const HttpReply reply = router.handle(request("POST", "/api/v1/namespaces",
                                                      "application/json",
                                                      json(nameSpace(u"ns"_s, flavor))));
        QCOMPARE(reply.response().status, status);
        if (status == 422) {
            const QJsonObject cause = body(reply)
                                          .value(u"details")
                                          .toObject()
                                          .value(u"causes")
                                          .toArray()
                                          .first()
                                          .toObject();
            QCOMPARE(cause.value(u"field").toString(),
                     u"metadata.annotations[namespace.kubernetes.io/flavor]");
            QCOMPARE(cause.value(u"reason").toString(), u"FieldValueInvalid");
            // An update to an unknown flavour is refused the same way.
        } else {
            QJsonObject next = nameSpace(u"ns"_s, u"gpu"_s);
            const HttpReply update = router.handle(
                request("PUT", "/api/v1/namespaces/ns", "application/json", json(next)));
            QCOMPARE(update.response().status, 422);
        }
    }

    // With the CCI store, a pod is checked against its namespace's flavour as stored: a GPU pod in
    // a general-computing namespace is 422 Invalid with the field of its GPU count.
    void gpuPods_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("gpus");
        QTest::addColumn<int>("status");
        QTest::newRow("GPU pod, general-computing") << u"general-computing"_s << u"1"_s << 422;
        QTest::newRow("GPU pod, gpu-accelerated") << u"gpu-accelerated"_s << u"1"_s << 201;
        QTest::newRow("GPU pod, no flavour: not judged") << QString() << u"1"_s << 201;
        QTest::newRow("plain pod, general-computing") << u"general-computing"_s << QString()
                                                      << 201;
    }

    void gpuPods()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, gpus);
        QFETCH(int, status);
        ObjectStore store;
        ApiRouterOptions options;
        options.validator = cciValidator(&store);
        ApiRouter router(store, u"127.0.0.1"_s, options);
        QCOMPARE(router.handle(request("POST", "/api/v1/namespaces", "application/json",
                                       json(nameSpace(u"cci-test"_s, flavor))))
                     .response()
                     .status,
                 201);
        QJsonObject limits{{u"cpu"_s, u"4"_s}, {u"memory"_s, u"32Gi"_s}};
        if (!gpus.isEmpty())
            limits.insert(u"nvidia.com/gpu"_s, gpus);
        const QJsonObject pod{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"trainer"_s}}},
            {u"spec"_s,
             QJsonObject{{u"containers"_s,
                          QJsonArray{QJsonObject{
                              {u"name"_s, u"c"_s},
                              {u"image"_s, u"tensorflow/tensorflow:1.15.0-gpu"_s},
                              {u"resources"_s, QJsonObject{{u"limits"_s, limits}}}}}}}}};
        const HttpReply reply = router.handle(request(
            "POST", "/api/v1/namespaces/cci-test/pods", "application/json", json(pod)));
        QCOMPARE(reply.response().status, status);
        if (status != 422)
            return;
        const QJsonObject answer = body(reply);
        QCOMPARE(answer.value(u"reason").toString(), u"Invalid");
        QVERIFY(answer.value(u"message").toString().startsWith(u"Pod \"trainer\" is invalid: "));
        const QJsonObject cause =
            answer.value(u"details").toObject().value(u"causes").toArray().first().toObject();
        QVERIFY2(cause.value(u"field").toString().startsWith(u"spec.containers[0]"),
                 qPrintable(cause.value(u"field").toString()));
        QVERIFY(cause.value(u"message").toString().contains(u"[gpu.namespaceFlavor]"));
        QCOMPARE(router.handle(get("/api/v1/namespaces/cci-test/pods/trainer")).response().status,
                 404);
    }
};

QTEST_GUILESS_MAIN(tst_CciValidation)
#include "tst_ccivalidation.moc"
