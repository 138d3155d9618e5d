#include "core/cloud/credentialstore.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// Runs through with-keyring.sh: a private D-Bus session with gnome-keyring's Secret Service.
// Expected values come from the Secret Service itself, read back with libsecret's secret-tool
// where it matters that the secret really left the process.

using core::cloud::CredentialStore;

namespace {

constexpr int kWaitMs = 10000;
constexpr char kChildVariable[] = "BURST_CREDENTIALSTORE_FALLBACK_CHILD";
const QString kFallbackSecret = QStringLiteral("fallback-sk-7f3e1c9a-never-on-disk");

// Collects one callback's result so a test can wait for it.
template <class T> struct Outcome
{
    std::optional<core::Result<T>> result;
    auto callback()
    {
        return [this](const core::Result<T> &value) { result = value; };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, kWaitMs);
    }
};

core::Result<void> writeSecret(CredentialStore &store, const QString &reference,
                               const QString &secret, QObject *context)
{
    Outcome<void> outcome;
    store.write(reference, secret, context, outcome.callback());
    if (!outcome.wait())
        return core::Error{QStringLiteral("test.timeout"), QStringLiteral("write timed out"), {}};
    return *outcome.result;
}

core::Result<QString> readSecret(CredentialStore &store, const QString &reference, QObject *context)
{
    Outcome<QString> outcome;
    store.read(reference, context, outcome.callback());
    if (!outcome.wait())
        return core::Error{QStringLiteral("test.timeout"), QStringLiteral("read timed out"), {}};
    return *outcome.result;
}

core::Result<void> removeSecret(CredentialStore &store, const QString &reference, QObject *context)
{
    Outcome<void> outcome;
    store.remove(reference, context, outcome.callback());
    if (!outcome.wait())
        return core::Error{QStringLiteral("test.timeout"), QStringLiteral("remove timed out"), {}};
    return *outcome.result;
}

// What libsecret itself finds under the attributes QtKeychain writes (server = service,
// user = key); nullopt when secret-tool finds nothing.
std::optional<QString> secretToolLookup(const QString &service, const QString &reference)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                               service, QStringLiteral("user"), reference});
    if (!tool.waitForFinished(kWaitMs) || tool.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(tool.readAllStandardOutput());
}

// The fallback half runs in a child process whose session bus address is dead, so libsecret's
// cached connection of the parent cannot hide the failure.
int runFallbackChild()
{
    QObject context;
    CredentialStore store;
    QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
    const core::Result<void> written =
        writeSecret(store, QStringLiteral("cloud/child/secret-key"), kFallbackSecret, &context);
    const core::Result<QString> read =
        readSecret(store, QStringLiteral("cloud/child/secret-key"), &context);
    const core::Result<QString> missing =
        readSecret(store, QStringLiteral("cloud/child/none"), &context);
    QTextStream out(stdout);
    out << "written=" << (written.ok() ? "ok" : "error") << '\n'
        << "read=" << (read.ok() && read.value() == kFallbackSecret ? "same" : "different") << '\n'
        << "persistent=" << (store.isPersistent() ? "true" : "false") << '\n'
        << "unavailableSignals=" << unavailable.size() << '\n'
        << "unavailableCode="
        << (unavailable.isEmpty() ? QString()
                                  : unavailable.constFirst().constFirst().value<core::Error>().code)
        << '\n'
        << "missingCode=" << (missing.ok() ? QString() : missing.error().code) << '\n';
    return 0;
}

} // namespace

class tst_credentialstore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void overwrite();
    void remove();
    void missingKey();
    void secretNeverOutlivesItsContext();
    void storeGoneBeforeJobFinished();
    void fallbackKeepsSecretsInMemoryOnly();
};

void tst_credentialstore::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/core/cloud/with-keyring.sh");
    qRegisterMetaType<core::Error>();
}

void tst_credentialstore::roundTrip_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("secret");
    QTest::newRow("password") << QStringLiteral("cloud/prod/password")
                              << QStringLiteral("correct horse battery staple");
    QTest::newRow("secret key") << QStringLiteral("cloud/prod/secret-key")
                                << QStringLiteral("Dg3Y0sX9bKq1kMn4H7pQ2wVtZr8uLe5cAaFjNoPi");
    QTest::newRow("unicode") << QStringLiteral("cloud/测试/password")
                             << QStringLiteral("密码-пароль-🔑-ü\u00e9\u0301");
    QTest::newRow("bearer token") << QStringLiteral("kube/cce/token")
                                  << QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
    QTest::newRow("client key PEM")
        << QStringLiteral("kube/idc/client-key")
        << QStringLiteral("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBm9\n"
                          "-----END EC PRIVATE KEY-----\n");
}

void tst_credentialstore::roundTrip()
{
    QFETCH(QString, reference);
    QFETCH(QString, secret);
    QObject context;
    CredentialStore store;
    QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
    const core::Result<void> written = writeSecret(store, reference, secret, &context);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    QVERIFY(store.isPersistent());
    QCOMPARE(unavailable.size(), 0);

    // A second store (a later session) reads what the first one wrote.
    CredentialStore later;
    const core::Result<QString> read = readSecret(later, reference, &context);
    QVERIFY(read.ok());
    QCOMPARE(read.value(), secret);
    QCOMPARE(secretToolLookup(CredentialStore::defaultService(), reference), secret);
}

void tst_credentialstore::overwrite()
{
    QObject context;
    CredentialStore store;
    const QString reference = QStringLiteral("cloud/overwrite/secret-key");
    QVERIFY(writeSecret(store, reference, QStringLiteral("first"), &context).ok());
    QVERIFY(writeSecret(store, reference, QStringLiteral("second"), &context).ok());
    const core::Result<QString> read = readSecret(store, reference, &context);
    QVERIFY(read.ok());
    QCOMPARE(read.value(), QStringLiteral("second"));
    QCOMPARE(secretToolLookup(CredentialStore::defaultService(), reference),
             QStringLiteral("second"));
}

void tst_credentialstore::remove()
{
    QObject context;
    CredentialStore store;
    const QString reference = QStringLiteral("cloud/remove/password");
    QVERIFY(writeSecret(store, reference, QStringLiteral("to be removed"), &context).ok());
    QVERIFY(removeSecret(store, reference, &context).ok());
    const core::Result<QString> read = readSecret(store, reference, &context);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("credential.notFound"));
    QCOMPARE(secretToolLookup(CredentialStore::defaultService(), reference), std::nullopt);
    // Removing what is not there is no error: the caller wanted it gone.
    QVERIFY(removeSecret(store, reference, &context).ok());
}

void tst_credentialstore::missingKey()
{
    QObject context;
    CredentialStore store;
    const core::Result<QString> read =
        readSecret(store, QStringLiteral("cloud/never-written/password"), &context);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, QStringLiteral("credential.notFound"));
    QVERIFY(read.error().message.contains(QStringLiteral("cloud/never-written/password")));
    QVERIFY(store.isPersistent());
}

void tst_credentialstore::secretNeverOutlivesItsContext()
{
    CredentialStore store;
    QObject keeper;
    QVERIFY(
        writeSecret(store, QStringLiteral("cloud/context/password"), QStringLiteral("x"), &keeper)
            .ok());
    bool called = false;
    auto *gone = new QObject;
    store.read(QStringLiteral("cloud/context/password"), gone,
               [&called](const core::Result<QString> &) { called = true; });
    delete gone;
    // A later read on a live context finishing proves the first job ran to its end.
    QVERIFY(readSecret(store, QStringLiteral("cloud/context/password"), &keeper).ok());
    QVERIFY(!called);
}

void tst_credentialstore::storeGoneBeforeJobFinished()
{
    QObject context;
    bool called = false;
    {
        CredentialStore store;
        store.write(QStringLiteral("cloud/abandoned/password"), QStringLiteral("x"), &context,
                    [&called](const core::Result<void> &) { called = true; });
    }
    // The next store works on while the abandoned job ends, and that job reports to nobody.
    CredentialStore next;
    QVERIFY(writeSecret(next, QStringLiteral("cloud/after/password"), QStringLiteral("y"), &context)
                .ok());
    QCOMPARE(readSecret(next, QStringLiteral("cloud/after/password"), &context).value(),
             QStringLiteral("y"));
    QVERIFY(!called);
}

void tst_credentialstore::fallbackKeepsSecretsInMemoryOnly()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildVariable), QStringLiteral("1"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=%1/no-bus").arg(home.path()));
    for (const char *variable : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                 "XDG_RUNTIME_DIR", "TMPDIR"})
        environment.insert(QString::fromLatin1(variable), home.path());
    environment.remove(QStringLiteral("DISPLAY"));
    QProcess child;
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitCode(), 0);
    const QString report = QString::fromUtf8(child.readAllStandardOutput());
    for (const QString &expected :
         {QStringLiteral("written=ok"), QStringLiteral("read=same"),
          QStringLiteral("persistent=false"), QStringLiteral("unavailableSignals=1"),
          QStringLiteral("unavailableCode=credential.keychainUnavailable"),
          QStringLiteral("missingCode=credential.notFound")})
        QVERIFY2(report.contains(expected), qPrintable(report));

    // A file the scan must find proves the scan reads what the child could have written.
    QFile canary(home.filePath(QStringLiteral(".cache-canary")));
    QVERIFY(canary.open(QIODevice::WriteOnly));
    canary.write("canary");
    canary.close();
    const QByteArray secret = kFallbackSecret.toUtf8();
    int scanned = 0;
    int canaries = 0;
    QDirIterator files(home.path(), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(secret), qPrintable(file.fileName()));
        canaries += content.contains("canary") ? 1 : 0;
        ++scanned;
    }
    QCOMPARE(canaries, 1);
    QVERIFY(!report.contains(kFallbackSecret));
    qInfo("scanned %d files under the child's HOME", scanned);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildVariable))
        return runFallbackChild();
    tst_credentialstore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
