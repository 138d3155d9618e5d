#include "models/contextsafety.h"
#include "ui/writeguard.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// The one gate every write of the console passes: a context's safety (normal, production,
// read-only) kept in the settings, the read-only refusal before anything is asked or sent, the
// confirmation naming context and namespaces, and the production context's typed name.
class tst_WriteGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void safetyNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("safety");
        QTest::newRow("normal") << u"normal"_s << true << int(models::ContextSafety::Normal);
        QTest::newRow("production")
            << u"Production"_s << true << int(models::ContextSafety::Production);
        QTest::newRow("read-only") << u"read-only"_s << true << int(models::ContextSafety::ReadOnly);
        QTest::newRow("unknown") << u"readonly"_s << false << int(models::ContextSafety::Normal);
        QTest::newRow("empty") << QString() << false << int(models::ContextSafety::Normal);
    }
    void safetyNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QFETCH(int, safety);
        models::ContextSafety parsed = models::ContextSafety::Normal;
        QCOMPARE(models::parseSafety(name, &parsed), known);
        QCOMPARE(int(parsed), safety);
        if (known)
            QCOMPARE(models::safetyName(parsed), name.toLower());
    }

    void safetyIsKeptPerContext()
    {
        // A context name with "/" (EKS ARNs) must not nest in the settings.
        const QString arn = u"arn:aws:eks:eu-west-1:1:cluster/prod"_s;
        QSignalSpy changed(models::ContextSafetyNotifier::instance(),
                           &models::ContextSafetyNotifier::changed);
        models::setContextSafety(arn, models::ContextSafety::Production);
        models::setContextSafety(u"dev"_s, models::ContextSafety::ReadOnly);
        QCOMPARE(models::contextSafety(arn), models::ContextSafety::Production);
        QCOMPARE(models::contextSafety(u"dev"_s), models::ContextSafety::ReadOnly);
        QCOMPARE(models::contextSafety(u"arn:aws:eks:eu-west-1:1:cluster"_s),
                 models::ContextSafety::Normal);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.at(0).at(0).toString(), arn);
        models::setContextSafety(arn, models::ContextSafety::Normal);
        models::setContextSafety(u"dev"_s, models::ContextSafety::Normal);
        QCOMPARE(models::contextSafety(u"dev"_s), models::ContextSafety::Normal);
    }

    void readOnlyRefusesBeforeAsking()
    {
        models::setContextSafety(u"ro"_s, models::ContextSafety::ReadOnly);
        int asked = 0;
        ui::setWriteAnswer([&asked](const ui::WriteRequest &) {
            ++asked;
            return true;
        });
        const ui::WriteRequest request{u"ro"_s, u"Delete"_s,
                                       {{u"pods"_s, u"team-a"_s, u"web-1"_s, {}}}, {}, true};
        QVERIFY(!ui::confirmWrite(nullptr, request));
        QCOMPARE(asked, 0);
        QVERIFY(ui::readOnlyRefusal(u"ro"_s).contains(u"ro"_s));
        models::setContextSafety(u"ro"_s, models::ContextSafety::Normal);
        QVERIFY(ui::confirmWrite(nullptr, request));
        QCOMPARE(asked, 1);
        ui::setWriteAnswer({});
    }

    // The real dialog: it names the context and the namespaces, and a production context's OK
    // stays disabled until its name is typed.
    void dialogNamesContextAndNamespaces()
    {
        models::setContextSafety(u"prod"_s, models::ContextSafety::Production);
        const ui::WriteRequest request{u"prod"_s,
                                       u"Scale to 3"_s,
                                       {{u"deployments.apps"_s, u"shop"_s, u"web"_s, {}},
                                        {u"deployments.apps"_s, u"pay"_s, u"api"_s, {}}},
                                       u"{\"spec\":{\"replicas\":3}}"_s,
                                       false};
        bool checked = false;
        QTimer::singleShot(0, this, [&checked] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QString text;
            for (QLabel *label : dialog->findChildren<QLabel *>())
                text += label->text() + u'\n';
            QVERIFY2(text.contains(u"prod"_s), qPrintable(text));
            QVERIFY2(text.contains(u"shop, pay"_s), qPrintable(text));
            QVERIFY2(text.contains(u"deployments.apps shop/web"_s), qPrintable(text));
            QPushButton *ok =
                dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            auto *typed = dialog->findChild<QLineEdit *>();
            QVERIFY(typed);
            QCOMPARE(typed->accessibleName(), u"Context name to confirm"_s);
            typed->setText(u"pro"_s);
            QVERIFY(!ok->isEnabled());
            typed->setText(u"prod"_s);
            QVERIFY(ok->isEnabled());
            checked = true;
            ok->click();
        });
        QVERIFY(ui::confirmWrite(nullptr, request));
        QVERIFY(checked);
        models::setContextSafety(u"prod"_s, models::ContextSafety::Normal);
    }
};

QTEST_MAIN(tst_WriteGuard)
#include "tst_writeguard.moc"
