#include "apiresultwait.h"
#include "sandboxfixture.h"

#include "core/kube/apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace core::kube;
using apitest::into;
using apitest::mapping;
using apitest::message;
using apitest::waitFor;

// ApiClient's WriteOptions against an in-process sandbox API server: ?dryRun=All on a patch and a
// delete (the server answers what it would store and stores nothing), a subresource (/scale) and
// a delete's preconditions in its DeleteOptions body.
class tst_ApiClientWrite : public QObject
{
    Q_OBJECT

private:
    static QJsonObject deployment(const QString &name)
    {
        return QJsonDocument::fromJson(QStringLiteral(R"({"apiVersion":"apps/v1",
            "kind":"Deployment","metadata":{"name":"%1"},"spec":{"replicas":1,
            "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":
            {"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}})")
                                           .arg(name)
                                           .toUtf8())
            .object();
    }

    static int replicasOf(const QJsonObject &object)
    {
        return object.value(u"spec").toObject().value(u"replicas").toInt();
    }

    // Creates Deployment default/`name`; the object as created, {} when that failed.
    static QJsonObject create(ApiClient &client, const ResourceMapping &deploys,
                              const QString &name)
    {
        std::optional<ApiResult<QJsonObject>> created;
        client.create(deploys, QStringLiteral("default"), deployment(name), &client,
                      into(created));
        return waitFor(created) && *created ? created->value() : QJsonObject();
    }

    static QJsonObject stored(ApiClient &client, const ResourceMapping &resource,
                              const QString &name)
    {
        std::optional<ApiResult<QJsonObject>> got;
        client.get(resource, QStringLiteral("default"), name, &client, into(got));
        return waitFor(got) && *got ? got->value() : QJsonObject();
    }

private slots:
    void dryRunPatch_data()
    {
        QTest::addColumn<bool>("dryRun");
        QTest::addColumn<int>("storedReplicas");
        QTest::newRow("dry run: answered, not stored") << true << 1;
        QTest::newRow("real: stored") << false << 3;
    }

    void dryRunPatch()
    {
        QFETCH(bool, dryRun);
        QFETCH(int, storedReplicas);
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping deploys = mapping(client, QStringLiteral("deploy"));
        const QJsonObject created = create(client, deploys, QStringLiteral("web"));
        QVERIFY(!created.isEmpty());
        sandbox.clearRequests();
        WriteOptions options;
        options.dryRun = dryRun;
        std::optional<ApiResult<QJsonObject>> patched;
        client.patch(deploys, QStringLiteral("default"), QStringLiteral("web"), PatchType::Merge,
                     "{\"spec\":{\"replicas\":3}}", options, &client, into(patched));
        QVERIFY(waitFor(patched));
        QVERIFY2(*patched, qPrintable(message(*patched)));
        QCOMPARE(replicasOf(patched->value()), 3); // what the server would store, or stored
        const auto request = sandbox.requests().first();
        QCOMPARE(request.query.value(QStringLiteral("dryRun")),
                 dryRun ? QStringList{QStringLiteral("All")} : QStringList());
        QCOMPARE(replicasOf(stored(client, deploys, QStringLiteral("web"))), storedReplicas);
    }

    void scaleSubresource()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping deploys = mapping(client, QStringLiteral("deploy"));
        const QJsonObject created = create(client, deploys, QStringLiteral("web"));
        QVERIFY(!created.isEmpty());
        sandbox.clearRequests();
        WriteOptions options;
        options.subresource = QStringLiteral("scale");
        std::optional<ApiResult<QJsonObject>> scaled;
        client.patch(deploys, QStringLiteral("default"), QStringLiteral("web"), PatchType::Merge,
                     "{\"spec\":{\"replicas\":4}}", options, &client, into(scaled));
        QVERIFY(waitFor(scaled) && *scaled);
        QCOMPARE(scaled->value().value(u"kind").toString(), QStringLiteral("Scale"));
        QCOMPARE(sandbox.requests().first().path,
                 QStringLiteral("/apis/apps/v1/namespaces/default/deployments/web/scale"));
        QCOMPARE(replicasOf(stored(client, deploys, QStringLiteral("web"))), 4);

        // A value the server refuses: the error names the field.
        options.dryRun = true;
        std::optional<ApiResult<QJsonObject>> refused;
        client.patch(deploys, QStringLiteral("default"), QStringLiteral("web"), PatchType::Merge,
                     "{\"spec\":{\"replicas\":-1}}", options, &client, into(refused));
        QVERIFY(waitFor(refused) && !*refused);
        QCOMPARE(refused->error().httpStatus, 422);
        QVERIFY2(refused->error().message.contains(u"spec.replicas"),
                 qPrintable(refused->error().message));
    }

    void deleteDryRunAndPreconditions()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping deploys = mapping(client, QStringLiteral("deploy"));
        const QJsonObject created = create(client, deploys, QStringLiteral("gone"));
        QVERIFY(!created.isEmpty());
        const QJsonObject meta = created.value(u"metadata").toObject();
        WriteOptions options;
        options.dryRun = true;
        options.uid = meta.value(u"uid").toString();
        options.resourceVersion = meta.value(u"resourceVersion").toString();
        sandbox.clearRequests();
        std::optional<ApiResult<QJsonObject>> dry;
        client.remove(deploys, QStringLiteral("default"), QStringLiteral("gone"),
                      PropagationPolicy::Background, options, &client, into(dry));
        QVERIFY(waitFor(dry));
        QVERIFY2(*dry, qPrintable(message(*dry)));
        QVERIFY(!stored(client, deploys, QStringLiteral("gone")).isEmpty());
        const auto request = sandbox.requests().first();
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(u"dryRun").toArray(), QJsonArray{QStringLiteral("All")});
        QCOMPARE(body.value(u"propagationPolicy").toString(), QStringLiteral("Background"));
        QCOMPARE(body.value(u"preconditions").toObject(),
                 (QJsonObject{{QStringLiteral("uid"), options.uid},
                              {QStringLiteral("resourceVersion"), options.resourceVersion}}));

        options.dryRun = false;
        std::optional<ApiResult<QJsonObject>> removed;
        client.remove(deploys, QStringLiteral("default"), QStringLiteral("gone"),
                      PropagationPolicy::Background, options, &client, into(removed));
        QVERIFY(waitFor(removed) && *removed);
        QVERIFY(stored(client, deploys, QStringLiteral("gone")).isEmpty());
    }
};

QTEST_MAIN(tst_ApiClientWrite)
#include "tst_apiclientwrite.moc"
