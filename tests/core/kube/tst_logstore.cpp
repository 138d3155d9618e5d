#include "core/kube/logstore.h"
#include "core/kube/logstoremerge.h"

#include <QTest>

// Expected counts are worked out by hand from the lines in each row; whole word follows grep -w
// (the match is preceded and followed by a non-word character or the line's edge).

using core::kube::LogMatcher;
using core::kube::LogMergeIndex;
using core::kube::LogStore;
using namespace Qt::StringLiterals;

namespace {

std::string_view sv(const char *s)
{
    return std::string_view(s);
}

QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

const QByteArrayList kLines = {
    "2026-11-25T10:00:00.000000001Z GET /api/orders 200",
    "2026-11-25T10:00:01Z error: connection refused (error 111)",
    "2026-11-25T10:00:02.5Z ERROR disk full; errors=3",
    "no timestamp here: Error",
    "2026-11-25T10:00:03Z 用户 登录 失败 error",
    "2026-11-25T10:00:04+02:00 user_error and error_code, not whole",
};

} // namespace

class tst_logstore : public QObject
{
    Q_OBJECT

private slots:
    void timestamps_data();
    void timestamps();
    void storesLinesAcrossChunks();
    void capDropsOldest_data();
    void capDropsOldest();
    void search_data();
    void search();
    void highlightOffsetsInUtf16();
    void invalidRegex();
    void mergeIndexOrder();
};

void tst_logstore::timestamps_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("formatted");
    QTest::newRow("nano") << QByteArray("2026-11-25T10:00:00.123456789Z") << true
                          << QByteArray("2026-11-25T10:00:00.123456789Z");
    QTest::newRow("trimmed zeros")
        << QByteArray("2026-11-25T10:00:00.5Z") << true << QByteArray("2026-11-25T10:00:00.500000000Z");
    QTest::newRow("no fraction")
        << QByteArray("2026-11-25T10:00:00Z") << true << QByteArray("2026-11-25T10:00:00.000000000Z");
    QTest::newRow("offset to UTC")
        << QByteArray("2026-11-25T12:00:00+02:00") << true << QByteArray("2026-11-25T10:00:00.000000000Z");
    QTest::newRow("leap year")
        << QByteArray("2024-02-29T23:59:59.999999999Z") << true << QByteArray("2024-02-29T23:59:59.999999999Z");
    QTest::newRow("before 1970")
        << QByteArray("1969-12-31T23:59:59.5Z") << true << QByteArray("1969-12-31T23:59:59.500000000Z");
    QTest::newRow("no zone") << QByteArray("2026-11-25T10:00:00") << false << QByteArray();
    QTest::newRow("word") << QByteArray("hello") << false << QByteArray();
    QTest::newRow("bad month") << QByteArray("2026-13-25T10:00:00Z") << false << QByteArray();
}

void tst_logstore::timestamps()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, formatted);
    std::int64_t ns = 0;
    QCOMPARE(core::kube::parseLogTimestamp(std::string_view(text.constData(), size_t(text.size())), &ns),
             valid);
    if (valid)
        QCOMPARE(core::kube::formatLogTimestamp(ns), formatted);
}

void tst_logstore::storesLinesAcrossChunks()
{
    LogStore store;
    // 3 MiB of lines: several chunks, and one line longer than a chunk.
    const qint64 n = 30000;
    for (qint64 i = 0; i < n; ++i) {
        const QByteArray line = "2026-11-25T10:00:00." + QByteArray::number(i).rightJustified(9, '0') +
                                "Z line " + QByteArray::number(i) + ' ' + QByteArray(int(i % 150), 'x');
        QCOMPARE(store.append(std::string_view(line.constData(), size_t(line.size()))), i);
    }
    const QByteArray huge(int(LogStore::kChunkBytes) + 10, 'h');
    QCOMPARE(store.append(std::string_view(huge.constData(), size_t(huge.size()))), n);
    QCOMPARE(store.size(), n + 1);
    for (qint64 i : {qint64(0), qint64(1), qint64(7777), n - 1}) {
        QCOMPARE(bytes(store.text(i)), "line " + QByteArray::number(i) + ' ' + QByteArray(int(i % 150), 'x'));
        QCOMPARE(store.timestamp(i), qint64(1795600800) * 1000000000 + i);
    }
    QCOMPARE(bytes(store.text(n)), huge);
    QCOMPARE(store.timestamp(n), LogStore::kNoTimestamp);
    QCOMPARE(store.newestTimestamp(), qint64(1795600800) * 1000000000 + n - 1);
    store.setFlags(5, 3);
    QCOMPARE(int(store.flags(5)), 3);
    QCOMPARE(int(store.flags(6)), 0);
    // Raw bytes as kubectl --timestamps prints them are at least 31 + 1 + text + 1 per line; held
    // are text + 14 (newline, offset, time, flags) plus the chunks' free tail.
    QVERIFY(store.bytesHeld() < size_t(LogStore::kChunkBytes) * 6);
}

void tst_logstore::capDropsOldest_data()
{
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<qint64>("appended");
    QTest::addColumn<qint64>("expectedSize");
    QTest::addColumn<qint64>("expectedDropped");
    QTest::newRow("under the cap") << qint64(100) << qint64(60) << qint64(60) << qint64(0);
    QTest::newRow("at the cap") << qint64(100) << qint64(100) << qint64(100) << qint64(0);
    QTest::newRow("over by one") << qint64(100) << qint64(101) << qint64(100) << qint64(1);
    QTest::newRow("many chunks") << qint64(10000) << qint64(100000) << qint64(10000) << qint64(90000);
    QTest::newRow("unlimited") << qint64(0) << qint64(50000) << qint64(50000) << qint64(0);
}

void tst_logstore::capDropsOldest()
{
    QFETCH(qint64, cap);
    QFETCH(qint64, appended);
    QFETCH(qint64, expectedSize);
    QFETCH(qint64, expectedDropped);
    LogStore store;
    store.setMaxLines(cap);
    const QByteArray pad(100, '.');
    for (qint64 i = 0; i < appended; ++i) {
        const QByteArray line = "line " + QByteArray::number(i) + pad;
        store.append(std::string_view(line.constData(), size_t(line.size())));
    }
    QCOMPARE(store.size(), expectedSize);
    QCOMPARE(store.droppedLines(), expectedDropped);
    QCOMPARE(store.firstLine(), expectedDropped);
    QVERIFY(store.text(expectedDropped - 1).empty());
    QCOMPARE(bytes(store.text(expectedDropped)), "line " + QByteArray::number(expectedDropped) + pad);
    QCOMPARE(bytes(store.text(appended - 1)), "line " + QByteArray::number(appended - 1) + pad);
    // Chunks whose lines are all dropped are freed: about cap lines' worth stays.
    QVERIFY(store.bytesHeld() <= size_t(expectedSize) * 130 + 2 * (LogStore::kChunkBytes + 150000));
    // A search counts only what is held.
    QCOMPARE(store.countMatches(LogMatcher(QStringLiteral("line"), false, true, false)), expectedSize);
}

void tst_logstore::search_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QList<int>>("perLine");
    QTest::newRow("literal") << u"error"_s << false << true << false << qint64(6)
                             << QList<int>{0, 2, 1, 0, 1, 2};
    QTest::newRow("case-insensitive") << u"error"_s << false << false << false << qint64(8)
                                      << QList<int>{0, 2, 2, 1, 1, 2};
    QTest::newRow("whole word") << u"error"_s << false << true << true << qint64(3)
                                << QList<int>{0, 2, 0, 0, 1, 0};
    QTest::newRow("whole word, any case") << u"ERROR"_s << false << false << true << qint64(5)
                                          << QList<int>{0, 2, 1, 1, 1, 0};
    QTest::newRow("regex") << u"err(or)?s?="_s << true << true << false << qint64(1)
                           << QList<int>{0, 0, 1, 0, 0, 0};
    QTest::newRow("regex digits") << u"\\d{3}"_s << true << true << false << qint64(2)
                                  << QList<int>{1, 1, 0, 0, 0, 0};
    // \w* runs on over '_': "error_code" is one word, "user_error" is not at a word start.
    QTest::newRow("regex whole word") << u"err\\w*"_s << true << false << true << qint64(7)
                                      << QList<int>{0, 2, 2, 1, 1, 1};
    QTest::newRow("utf-8 literal") << u"登录"_s << false << true << false << qint64(1)
                                   << QList<int>{0, 0, 0, 0, 1, 0};
    QTest::newRow("utf-8 whole word") << u"登录"_s << false << true << true << qint64(1)
                                      << QList<int>{0, 0, 0, 0, 1, 0};
    QTest::newRow("no match") << u"timeout"_s << false << true << false << qint64(0)
                              << QList<int>{0, 0, 0, 0, 0, 0};
    QTest::newRow("dot is literal") << u"."_s << false << true << false << qint64(0)
                                    << QList<int>{0, 0, 0, 0, 0, 0};
}

void tst_logstore::search()
{
    QFETCH(QString, pattern);
    QFETCH(bool, regex);
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWord);
    QFETCH(qint64, count);
    QFETCH(QList<int>, perLine);
    LogStore store;
    for (const QByteArray &line : kLines)
        store.append(std::string_view(line.constData(), size_t(line.size())));
    QCOMPARE(bytes(store.text(4)), QByteArray("用户 登录 失败 error"));
    QCOMPARE(bytes(store.text(3)), QByteArray("no timestamp here: Error"));
    const LogMatcher matcher(pattern, regex, caseSensitive, wholeWord);
    QVERIFY(matcher.isValid());
    QCOMPARE(qint64(store.countMatches(matcher)), count);
    for (int i = 0; i < perLine.size(); ++i) {
        QCOMPARE(int(matcher.count(store.text(i))), perLine.at(i));
        QCOMPARE(matcher.matches(store.text(i)), perLine.at(i) > 0);
        QCOMPARE(matcher.matchesInText(store.text(i)).size(), perLine.at(i));
    }
}

void tst_logstore::highlightOffsetsInUtf16()
{
    LogStore store;
    store.append(sv("2026-11-25T10:00:03Z 用户 登录 失败 error 😀 error"));
    const auto literal = LogMatcher(u"error"_s, false, true, false).matchesInText(store.text(0));
    // "用户 登录 失败 " is 9 UTF-16 units, the emoji two.
    const QList<QPair<int, int>> expected{{9, 5}, {18, 5}};
    QCOMPARE(literal, expected);
    const auto regex = LogMatcher(u"e\\w+r"_s, true, true, false).matchesInText(store.text(0));
    QCOMPARE(regex, expected);
    const QString text = QString::fromUtf8(bytes(store.text(0)));
    QCOMPARE(text.mid(18, 5), u"error"_s);
}

void tst_logstore::invalidRegex()
{
    const LogMatcher matcher(u"(unclosed"_s, true, true, false);
    QVERIFY(!matcher.isValid());
    QVERIFY(!matcher.errorString().isEmpty());
    QCOMPARE(int(matcher.count(sv("(unclosed"))), 0);
}

void tst_logstore::mergeIndexOrder()
{
    std::vector<std::unique_ptr<LogStore>> stores;
    stores.push_back(std::make_unique<LogStore>());
    stores.push_back(std::make_unique<LogStore>());
    LogMergeIndex index(&stores);
    // Source 0 at even seconds, source 1 at odd ones, appended source by source, then merged.
    for (int i = 0; i < 5; ++i)
        index.append(LogMergeIndex::ref(0, stores[0]->appendText(std::int64_t(2 * i) * 1000000000, sv("a"))));
    for (int i = 0; i < 5; ++i)
        index.append(LogMergeIndex::ref(1, stores[1]->appendText(std::int64_t(2 * i + 1) * 1000000000, sv("b"))));
    std::vector<qsizetype> moved;
    index.mergeTail(5, &moved);
    for (qsizetype row = 0; row < index.size(); ++row) {
        QCOMPARE(index.timestampAt(row), std::int64_t(row) * 1000000000);
        QCOMPARE(LogMergeIndex::sourceOf(index.at(row)), int(row % 2));
    }
    QCOMPARE(moved[0], qsizetype(0));
    QCOMPARE(moved[5], qsizetype(1));
    QCOMPARE(moved[9], qsizetype(9));
    // A tie goes after the rows with the same time.
    QCOMPARE(index.upperBound(std::int64_t(3) * 1000000000), qsizetype(4));
    QCOMPARE(index.upperBound(-1), qsizetype(0));
    QCOMPARE(index.upperBound(std::int64_t(100) * 1000000000), qsizetype(10));
    const auto r = LogMergeIndex::ref(200, (std::int64_t(1) << 40) + 7);
    QCOMPARE(LogMergeIndex::sourceOf(r), 200);
    QCOMPARE(LogMergeIndex::lineOf(r), (std::int64_t(1) << 40) + 7);
}

QTEST_GUILESS_MAIN(tst_logstore)
#include "tst_logstore.moc"
