#include "core/kube/watchstream.h"

#include <QTest>

using core::kube::WatchEvent;
using core::kube::WatchStream;

// The watch body as kube-apiserver writes it (one JSON event per line, see
// k8s.io/apimachinery/pkg/watch/json), cut into chunks at arbitrary points.
class tst_WatchStream : public QObject
{
    Q_OBJECT

private:
    static QStringList list(std::initializer_list<const char *> items)
    {
        QStringList result;
        for (const char *item : items)
            result.append(QString::fromLatin1(item));
        return result;
    }

    static QByteArray eventLine(const char *type, const char *name, const char *rv)
    {
        return QByteArray("{\"type\":\"") + type +
               "\",\"object\":{\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name +
               "\",\"resourceVersion\":\"" + rv + "\"}}}\n";
    }

private slots:
    void splits_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("expected"); // "TYPE rv" per event, in order
        QTest::addColumn<int>("malformed");

        const QByteArray a = eventLine("ADDED", "a", "10");
        const QByteArray m = eventLine("MODIFIED", "a", "11");
        const QByteArray d = eventLine("DELETED", "a", "12");
        const QByteArray bookmark =
            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"metadata\":"
            "{\"resourceVersion\":\"20\"}}}\n";
        // The Status kube-apiserver sends when a watch's resourceVersion is compacted away.
        const QByteArray gone =
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version: 1 "
            "(5)\",\"reason\":\"Expired\",\"code\":410}}\n";

        QTest::newRow("one event, one chunk") << QList<QByteArray>{a} << list({"ADDED 10"}) << 0;
        QTest::newRow("split inside a key")
            << QList<QByteArray>{a.left(5), a.mid(5)} << list({"ADDED 10"}) << 0;
        QTest::newRow("split inside a string value")
            << QList<QByteArray>{a.left(60), a.mid(60)} << list({"ADDED 10"}) << 0;
        QTest::newRow("split before the newline")
            << QList<QByteArray>{a.chopped(1), QByteArray("\n")} << list({"ADDED 10"}) << 0;
        QTest::newRow("byte by byte") <<
            [&] {
                QList<QByteArray> bytes;
                const QByteArray both = a + m;
                for (const char c : both)
                    bytes.append(QByteArray(1, c));
                return bytes;
            }() << list({"ADDED 10", "MODIFIED 11"})
                                      << 0;
        QTest::newRow("three events in one chunk")
            << QList<QByteArray>{a + m + d} << list({"ADDED 10", "MODIFIED 11", "DELETED 12"}) << 0;
        QTest::newRow("event and a half, then the rest")
            << QList<QByteArray>{a + m.left(30), m.mid(30) + d}
            << list({"ADDED 10", "MODIFIED 11", "DELETED 12"}) << 0;
        QTest::newRow("bookmark") << QList<QByteArray>{a + bookmark}
                                  << list({"ADDED 10", "BOOKMARK 20"}) << 0;
        QTest::newRow("error 410") << QList<QByteArray>{gone} << list({"ERROR "}) << 0;
        QTest::newRow("CRLF and blank lines") << QList<QByteArray>{a.chopped(1) + "\r\n\n", m}
                                              << list({"ADDED 10", "MODIFIED 11"}) << 0;
        QTest::newRow("malformed line skipped")
            << QList<QByteArray>{QByteArray("{\"type\":\n"), a} << list({"ADDED 10"}) << 1;
        QTest::newRow("unknown type skipped")
            << QList<QByteArray>{QByteArray("{\"type\":\"SYNC\",\"object\":{}}\n"), d}
            << list({"DELETED 12"}) << 1;
        QTest::newRow("incomplete last line waits")
            << QList<QByteArray>{a, m.chopped(1)} << list({"ADDED 10"}) << 0;
    }

    void splits()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, expected);
        QFETCH(int, malformed);
        WatchStream stream;
        QStringList seen;
        for (const QByteArray &chunk : chunks)
            for (const WatchEvent &e : stream.feed(chunk))
                seen.append(e.typeName() + u' ' + e.resourceVersion());
        QCOMPARE(seen, expected);
        QCOMPARE(stream.malformedLines(), malformed);
    }

    void errorCarriesStatus()
    {
        WatchStream stream;
        const auto events = stream.feed(
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"status\":\"Failure\","
            "\"reason\":\"Expired\",\"code\":410}}\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().type, WatchEvent::Type::Error);
        QCOMPARE(events.first().object.value(u"code").toInt(), 410);
        QCOMPARE(stream.pendingBytes(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_WatchStream)
#include "tst_watchstream.moc"
