#include "core/sandbox/transport/tlscontext.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QTest>

#include <algorithm>

// Expected values come from what Qt's TLS stack reports about the generated PEM (QSslCertificate,
// QSslKey); never from TlsContext's own code. TLS handshakes against the server are tested in
// tst_httpserver.cpp.

using namespace core::sandbox;

namespace {

QSsl::KeyAlgorithm algorithmOf(TlsOptions::KeyType type)
{
    return type == TlsOptions::KeyType::Rsa2048 ? QSsl::Rsa : QSsl::Ec;
}

} // namespace

class tst_tlscontext : public QObject
{
    Q_OBJECT

private slots:
    void tlsCertificates_data();
    void tlsCertificates();
    void tlsRefusesInjectedName();
};

void tst_tlscontext::tlsCertificates_data()
{
    QTest::addColumn<bool>("rsa");
    QTest::newRow("P-256") << false;
    QTest::newRow("RSA-2048") << true;
}

void tst_tlscontext::tlsCertificates()
{
    QFETCH(bool, rsa);
    TlsOptions options;
    options.keyType = rsa ? TlsOptions::KeyType::Rsa2048 : TlsOptions::KeyType::EcP256;
    options.extraNames = {QStringLiteral("sandbox.test"), QStringLiteral("10.1.2.3")};
    const auto tls = TlsContext::generate(options);
    QVERIFY2(tls.ok(), qPrintable(tls.ok() ? QString() : tls.error().message));
    const QSslCertificate ca(tls->caPem());
    const QSslCertificate server(tls->serverCertPem());
    const QSslCertificate client(tls->clientCertPem());
    QVERIFY(!ca.isNull() && !server.isNull() && !client.isNull());
    QVERIFY(!tls->isEmpty() && tls->serverContext());
    QVERIFY(TlsContext().isEmpty() && !TlsContext().serverContext());

    QVERIFY(ca.isSelfSigned());
    const auto extension = [](const QSslCertificate &certificate, const QString &name) {
        const auto all = certificate.extensions();
        const auto it =
            std::find_if(all.cbegin(), all.cend(), [&](const auto &e) { return e.name() == name; });
        return it == all.cend() ? QSslCertificateExtension() : *it;
    };
    const auto caConstraints = extension(ca, QStringLiteral("basicConstraints"));
    QVERIFY(caConstraints.isCritical());
    QCOMPARE(caConstraints.value().toMap().value(QStringLiteral("ca")).toBool(), true);
    QVERIFY(extension(ca, QStringLiteral("keyUsage"))
                .value()
                .toStringList()
                .contains(QStringLiteral("Certificate Sign")));
    QCOMPARE(extension(server, QStringLiteral("basicConstraints"))
                 .value()
                 .toMap()
                 .value(QStringLiteral("ca"))
                 .toBool(),
             false);

    QCOMPARE(server.issuerDisplayName(), ca.subjectDisplayName());
    const auto names = server.subjectAlternativeNames();
    QStringList addresses = names.values(QSsl::IpAddressEntry);
    QStringList hosts = names.values(QSsl::DnsEntry);
    addresses.sort();
    hosts.sort();
    QCOMPARE(addresses, QStringList({QStringLiteral("10.1.2.3"), QStringLiteral("127.0.0.1")}));
    QCOMPARE(hosts, QStringList({QStringLiteral("localhost"), QStringLiteral("sandbox.test")}));
    QVERIFY(extension(server, QStringLiteral("extendedKeyUsage"))
                .value()
                .toStringList()
                .contains(QStringLiteral("TLS Web Server Authentication")));

    QCOMPARE(client.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("sandbox-admin")});
    QCOMPARE(client.subjectInfo(QSslCertificate::Organization),
             QStringList{QStringLiteral("system:masters")});
    QVERIFY(extension(client, QStringLiteral("extendedKeyUsage"))
                .value()
                .toStringList()
                .contains(QStringLiteral("TLS Web Client Authentication")));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &certificate : {ca, server, client}) {
        QVERIFY(certificate.effectiveDate() <= now);
        QVERIFY(qAbs(now.daysTo(certificate.expiryDate()) - 365) <= 1);
    }
    const QSslKey serverKey(tls->serverKeyPem(), algorithmOf(options.keyType));
    const QSslKey clientKey(tls->clientKeyPem(), algorithmOf(options.keyType));
    QVERIFY(!serverKey.isNull() && !clientKey.isNull());
    QCOMPARE(serverKey.length(), rsa ? 2048 : 256);
    QCOMPARE(server.publicKey().algorithm(), algorithmOf(options.keyType));

    const auto again = TlsContext::generate(options);
    QVERIFY(again.ok());
    QVERIFY(QSslCertificate(again->caPem()).serialNumber() != ca.serialNumber());
}

void tst_tlscontext::tlsRefusesInjectedName()
{
    TlsOptions options;
    options.extraNames = {QStringLiteral("evil.test,IP:8.8.8.8")};
    const auto tls = TlsContext::generate(options);
    QVERIFY(!tls.ok());
    QCOMPARE(tls.error().code, QStringLiteral("tls.badName"));
}

QTEST_GUILESS_MAIN(tst_tlscontext)
#include "tst_tlscontext.moc"
