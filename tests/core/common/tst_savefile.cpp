// core::saveFile against real write failures (issue #12): a file size limit makes the kernel
// refuse writes past it (EFBIG, as a full disk refuses them with ENOSPC). The file on disk keeps
// its bytes, no temporary file is left, and the error names the file, the reason and a hint.
#include "core/common/savefile.h"
#include "tests/core/common/filesizelimit.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

class tst_SaveFile : public QObject
{
    Q_OBJECT

private slots:
    void failedWriteKeepsTheFile_data();
    void failedWriteKeepsTheFile();
    void missingFolder();
};

void tst_SaveFile::failedWriteKeepsTheFile_data()
{
    QTest::addColumn<QByteArray>("original"); // null: no file before
    QTest::addColumn<int>("newBytes");
    QTest::addColumn<int>("pieceBytes"); // 0: one QByteArray
    QTest::addColumn<int>("limitBytes"); // 0: no limit
    QTest::addColumn<bool>("saved");

    const QByteArray original = "kind: Pod\nmetadata:\n  name: old\n";
    QTest::newRow("fits") << original << 64 * 1024 << 0 << 1024 * 1024 << true;
    QTest::newRow("streamed, fits") << original << 1024 * 1024 << 4096 << 0 << true;
    QTest::newRow("one write past the limit") << original << 64 * 1024 << 0 << 16 * 1024 << false;
    QTest::newRow("streamed past the limit") << original << 1024 * 1024 << 4096 << 64 * 1024
                                             << false;
    // Small writes stay in QFileDevice's buffer: the failure shows at commit()'s flush only.
    QTest::newRow("buffered, fails at commit") << original << 4096 << 100 << 1024 << false;
    QTest::newRow("new file past the limit") << QByteArray() << 64 * 1024 << 0 << 1024 << false;
}

void tst_SaveFile::failedWriteKeepsTheFile()
{
    QFETCH(QByteArray, original);
    QFETCH(int, newBytes);
    QFETCH(int, pieceBytes);
    QFETCH(int, limitBytes);
    QFETCH(bool, saved);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("manifest.yaml"));
    if (!original.isNull()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(original), original.size());
    }
    QByteArray contents(newBytes, 'y');
    for (int i = 80; i < newBytes; i += 81)
        contents[i] = '\n';

    std::optional<tests::FileSizeLimit> limit;
    if (limitBytes > 0) {
        limit.emplace(rlim_t(limitBytes));
        QVERIFY(limit->active());
    }
    const core::Result<void> result =
        pieceBytes == 0 ? core::saveFile(path, contents)
                        : core::saveFile(path, [&](QIODevice &device) {
                              for (qsizetype at = 0; at < contents.size(); at += pieceBytes) {
                                  const QByteArray piece = contents.mid(at, pieceBytes);
                                  if (device.write(piece) != piece.size())
                                      return false;
                              }
                              return true;
                          });
    limit.reset();

    QCOMPARE(result.ok(), saved);
    QFile after(path);
    if (saved) {
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), contents);
    } else {
        const core::Error &error = result.error();
        QCOMPARE(error.code, QStringLiteral("file.saveFailed"));
        QVERIFY2(error.message.contains(QDir::toNativeSeparators(path)), qPrintable(error.message));
        // The system's words for EFBIG.
        QVERIFY2(error.message.contains(QString::fromLocal8Bit(std::strerror(EFBIG))),
                 qPrintable(error.message));
        QVERIFY2(error.hint.contains(u"not changed"), qPrintable(error.hint));
        if (original.isNull()) {
            QVERIFY(!after.exists());
        } else {
            QVERIFY(after.open(QIODevice::ReadOnly));
            QCOMPARE(after.readAll(), original);
        }
    }
    // No temporary file beside it.
    const QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, (saved || !original.isNull()) ? QStringList{QStringLiteral("manifest.yaml")}
                                                  : QStringList{});
}

void tst_SaveFile::missingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone/manifest.yaml"));
    const core::Result<void> result = core::saveFile(path, QByteArray("x"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(QDir::toNativeSeparators(path)),
             qPrintable(result.error().message));
    QVERIFY(!result.error().hint.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SaveFile)
#include "tst_savefile.moc"
