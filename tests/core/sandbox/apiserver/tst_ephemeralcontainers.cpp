#include "core/sandbox/apiserver/ephemeralcontainers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// The /ephemeralcontainers subresource's update rules (kubectl debug POD --image=...).
class tst_EphemeralContainers : public QObject
{
    Q_OBJECT

private:
    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

    // A running pod with one container "app" and one ephemeral container "dbg0" (stored form).
    static QJsonObject stored()
    {
        return json(R"({"apiVersion":"v1","kind":"Pod",
            "metadata":{"name":"web","namespace":"default","uid":"u1","resourceVersion":"7"},
            "spec":{"containers":[{"name":"app","image":"nginx:1.25"}],
                    "initContainers":[{"name":"init","image":"busybox"}],
                    "ephemeralContainers":[{"name":"dbg0","image":"busybox:1.36",
                        "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log",
                        "terminationMessagePolicy":"File"}]},
            "status":{"phase":"Running"}})");
    }

    static QJsonObject withEphemeral(const QJsonArray &containers, bool keepExisting = true)
    {
        QJsonObject pod = stored();
        QJsonObject spec = pod.value(u"spec").toObject();
        QJsonArray list =
            keepExisting ? spec.value(u"ephemeralContainers").toArray() : QJsonArray();
        for (const QJsonValue &c : containers)
            list.append(c);
        spec.insert(u"ephemeralContainers"_s, list);
        pod.insert(u"spec"_s, spec);
        return pod;
    }

private slots:
    void refused_data()
    {
        QTest::addColumn<QJsonObject>("sent");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("an existing one removed")
            << withEphemeral({}, false) << u"spec.ephemeralContainers"_s
            << u"existing ephemeral containers \"dbg0\" may not be changed"_s;
        QJsonObject changed = stored();
        {
            QJsonObject spec = changed.value(u"spec").toObject();
            QJsonArray list = spec.value(u"ephemeralContainers").toArray();
            QJsonObject c = list.at(0).toObject();
            c.insert(u"image"_s, u"alpine"_s);
            list.replace(0, c);
            spec.insert(u"ephemeralContainers"_s, list);
            changed.insert(u"spec"_s, spec);
        }
        QTest::newRow("an existing one changed")
            << changed << u"spec.ephemeralContainers"_s << u"may not be changed"_s;
        QTest::newRow("no name") << withEphemeral({json(R"({"image":"busybox"})")})
                                 << u"spec.ephemeralContainers[1].name"_s << u"Required value"_s;
        QTest::newRow("a name that is no DNS label")
            << withEphemeral({json(R"({"name":"Debug_1","image":"busybox"})")})
            << u"spec.ephemeralContainers[1].name"_s << u"Invalid value: \"Debug_1\""_s;
        QTest::newRow("the name of a container")
            << withEphemeral({json(R"({"name":"app","image":"busybox"})")})
            << u"spec.ephemeralContainers[1].name"_s << u"Duplicate value: \"app\""_s;
        QTest::newRow("the name of an init container")
            << withEphemeral({json(R"({"name":"init","image":"busybox"})")})
            << u"spec.ephemeralContainers[1].name"_s << u"Duplicate value: \"init\""_s;
        QTest::newRow("twice in one request")
            << withEphemeral({json(R"({"name":"d","image":"busybox"})"),
                              json(R"({"name":"d","image":"busybox"})")})
            << u"spec.ephemeralContainers[2].name"_s << u"Duplicate value: \"d\""_s;
        QTest::newRow("no image") << withEphemeral({json(R"({"name":"d","image":" "})")})
                                  << u"spec.ephemeralContainers[1].image"_s << u"Required value"_s;
        QTest::newRow("ports")
            << withEphemeral(
                   {json(R"({"name":"d","image":"busybox","ports":[{"containerPort":80}]})")})
            << u"spec.ephemeralContainers[1].ports"_s
            << u"cannot be set for an Ephemeral Container"_s;
        QTest::newRow("a probe")
            << withEphemeral({json(
                   R"({"name":"d","image":"busybox","readinessProbe":{"exec":{"command":["true"]}}})")})
            << u"spec.ephemeralContainers[1].readinessProbe"_s << u"Forbidden"_s;
        QTest::newRow("resources")
            << withEphemeral(
                   {json(R"({"name":"d","image":"busybox","resources":{"limits":{"cpu":"1"}}})")})
            << u"spec.ephemeralContainers[1].resources"_s << u"Forbidden"_s;
    }

    void refused()
    {
        QFETCH(QJsonObject, sent);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto result = prepareEphemeralContainersUpdate(stored(), sent);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, 422);
        QVERIFY2(result.error().message.startsWith(u"Pod \"web\" is invalid: "),
                 qPrintable(result.error().message));
        const QJsonArray causes = result.error().details.value(u"causes").toArray();
        QVERIFY(!causes.isEmpty());
        QCOMPARE(causes.at(0).toObject().value(u"field").toString(), field);
        QVERIFY2(causes.at(0).toObject().value(u"message").toString().contains(message),
                 qPrintable(result.error().message));
    }

    void added_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("pullPolicy");
        QTest::newRow("no tag") << u"busybox"_s << u"Always"_s;
        QTest::newRow("latest") << u"registry:5000/tools/busybox:latest"_s << u"Always"_s;
        QTest::newRow("a tag") << u"registry:5000/busybox:1.36"_s << u"IfNotPresent"_s;
        QTest::newRow("a digest") << u"busybox@sha256:abc"_s << u"IfNotPresent"_s;
    }

    // A new one is added with the container defaults; nothing else the client sent is kept.
    void added()
    {
        QFETCH(QString, image);
        QFETCH(QString, pullPolicy);
        QJsonObject sent = withEphemeral(
            {QJsonObject{{u"name"_s, u"debugger-x"_s}, {u"image"_s, image}, {u"stdin"_s, true}}});
        QJsonObject spec = sent.value(u"spec").toObject();
        spec.insert(u"containers"_s, QJsonArray{json(R"({"name":"app","image":"evil"})")});
        sent.insert(u"spec"_s, spec);
        sent.insert(u"status"_s, json(R"({"phase":"Failed"})"));
        const auto result = prepareEphemeralContainersUpdate(stored(), sent);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        const QJsonObject next = *result;
        const QJsonArray ephemeral =
            next.value(u"spec").toObject().value(u"ephemeralContainers").toArray();
        QCOMPARE(ephemeral.size(), 2);
        const QJsonObject added = ephemeral.at(1).toObject();
        QCOMPARE(added.value(u"imagePullPolicy").toString(), pullPolicy);
        QCOMPARE(added.value(u"terminationMessagePath").toString(), u"/dev/termination-log"_s);
        QCOMPARE(added.value(u"stdin").toBool(), true);
        QCOMPARE(next.value(u"spec").toObject().value(u"containers"),
                 stored().value(u"spec").toObject().value(u"containers"));
        QCOMPARE(next.value(u"status"), stored().value(u"status"));
        QCOMPARE(next.value(u"metadata").toObject().value(u"resourceVersion").toString(), u"7"_s);
    }
};

QTEST_GUILESS_MAIN(tst_EphemeralContainers)
#include "tst_ephemeralcontainers.moc"
