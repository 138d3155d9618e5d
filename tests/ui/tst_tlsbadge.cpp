#include "models/clustersession.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;

// The status bar's TLS warning: a connection over plain http, or with insecure-skip-tls-verify,
// shows a badge (text, tooltip, accessible name) beside its state; a verified https one does not.
// The servers are not reachable: the badge follows the connection's settings, not its state.
class tst_TlsBadge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void badge_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("badge");
        QTest::addColumn<QString>("tooltip");
        QTest::newRow("plain http") << u"http://127.0.0.1:1"_s << false << u"TLS off"_s
                                    << u"plain HTTP"_s;
        QTest::newRow("http, insecure too") << u"http://127.0.0.1:1"_s << true << u"TLS off"_s
                                            << u"unencrypted"_s;
        QTest::newRow("https, not verified")
            << u"https://127.0.0.1:1"_s << true << u"certificate not verified"_s
            << u"insecure-skip-tls-verify"_s;
        QTest::newRow("https, verified") << u"https://127.0.0.1:1"_s << false << QString()
                                         << QString();
    }
    void badge()
    {
        QFETCH(QString, server);
        QFETCH(bool, insecure);
        QFETCH(QString, badge);
        QFETCH(QString, tooltip);

        ui::MainWindow window;
        window.show();
        core::kube::Connection connection;
        connection.contextName = u"ctx"_s;
        connection.server = QUrl(server);
        connection.insecureSkipTlsVerify = insecure;
        models::ClusterSession *session = window.connectTo(connection);
        auto *label = window.statusBar()->findChild<QLabel *>(u"tlsBadge"_s);
        if (badge.isEmpty()) {
            QVERIFY(!label);
            QVERIFY(!models::tlsWarning(connection));
        } else {
            QVERIFY(label);
            QVERIFY(label->isVisibleTo(&window));
            QVERIFY2(label->text().endsWith(badge), qPrintable(label->text()));
            QCOMPARE(label->accessibleName(), u"TLS warning for ctx"_s);
            QVERIFY2(label->toolTip().contains(tooltip), qPrintable(label->toolTip()));
            QVERIFY(label->toolTip().contains(u"127.0.0.1:1"));
            QCOMPARE(label->accessibleDescription(), label->toolTip());
        }
        window.disconnectSession(session);
        QVERIFY(!window.statusBar()->findChild<QLabel *>(u"tlsBadge"_s));
    }
};

QTEST_MAIN(tst_TlsBadge)
#include "tst_tlsbadge.moc"
