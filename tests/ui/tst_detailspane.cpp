#include "tests/core/kube/apiresultwait.h"
#include "tests/ui/burstsandbox.h"

#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/objectcontroller.h"
#include "models/podtablemodel.h"
#include "ui/clusterdock.h"
#include "ui/detailspane.h"
#include "ui/mainwindow.h"
#include "ui/objectyamlpage.h"
#include "ui/podspane.h"
#include "ui/workloadspane.h"
#include "ui/writeguard.h"
#include "ui/yamldiffview.h"
#include "ui/yamlhighlighter.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using Mode = ui::ObjectYamlPage::Mode;

namespace {

// "label=value" of every row of the summary.
QStringList summaryTexts(const ui::DetailsPane *details)
{
    QStringList out;
    const QTreeWidget *view = details->summaryView();
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        out.append(view->topLevelItem(i)->text(0) + u'=' + view->topLevelItem(i)->text(1));
    return out;
}

QJsonObject getObject(core::kube::ApiClient &client, const QString &resource, const QString &ns,
                      const QString &name)
{
    apitest::Slot<QJsonObject> got;
    client.get(apitest::mapping(client, resource), ns, name, &client, apitest::into(got));
    apitest::waitFor(got);
    return got && *got ? got->value() : QJsonObject();
}

// A change made behind the console's back: a merge patch without precondition.
bool patchObject(core::kube::ApiClient &client, const QString &resource, const QString &ns,
                 const QString &name, const QJsonObject &patch)
{
    apitest::Slot<QJsonObject> written;
    client.patch(apitest::mapping(client, resource), ns, name, core::kube::PatchType::Merge,
                 QJsonDocument(patch).toJson(QJsonDocument::Compact), &client,
                 apitest::into(written));
    apitest::waitFor(written);
    return written && *written;
}

QJsonObject labelPatch(const QString &key, const QString &value)
{
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"labels"_s, QJsonObject{{key, value}}}}}};
}

QString labelOf(const QJsonObject &object, const QString &key)
{
    return object.value(u"metadata"_s).toObject().value(u"labels"_s).toObject().value(key)
        .toString();
}

// The YAML with a label added under metadata.labels (the first "  labels:" is metadata's).
QString withLabel(QString yaml, const QString &key, const QString &value)
{
    const qsizetype at = yaml.indexOf(u"\n  labels:\n"_s);
    if (at < 0)
        return {};
    yaml.insert(at + 11, u"    "_s + key + u": "_s + value + u'\n');
    return yaml;
}

int patchRequests(SandboxFixture &sandbox)
{
    int count = 0;
    for (const core::sandbox::HttpRequest &request : sandbox.requests())
        count += request.method == "PATCH" ? 1 : 0;
    return count;
}

} // namespace

// The details pane of a cluster's dock against an in-process sandbox with the guide's examples
// and the burst scheduler: a burst pod's summary and containers, a Deployment's YAML, an edit
// reviewed and applied through the write confirmation, a concurrent change answered with a 409
// that shows both versions (Reload / Re-apply on top, never an overwrite), invalid YAML never
// sent, and a read-only context refusing.
class tst_DetailsPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useCleanTestSettings(); }
    void cleanup() { resetWriteGate(); }

    // Keys, strings, numbers and comments are marked; a "#" inside quotes is no comment.
    void highlighter()
    {
        QTextDocument document;
        document.setPlainText(u"metadata:\n  name: \"web # 1\"\n  replicas: 3 # three\n"
                              u"  - 'a': true\n"_s);
        ui::YamlHighlighter highlighter(&document);
        highlighter.rehighlight();
        using T = ui::YamlHighlighter::Token;
        const auto at = [&document](int line, int column) {
            for (const QTextLayout::FormatRange &range :
                 document.findBlockByNumber(line).layout()->formats()) {
                if (column >= range.start && column < range.start + range.length)
                    return range.format.foreground().color();
            }
            return QColor();
        };
        const auto colour = [&highlighter](T token) {
            return highlighter.format(token).foreground().color();
        };
        QCOMPARE(at(0, 0), colour(T::Key));
        QCOMPARE(at(1, 2), colour(T::Key));
        QCOMPARE(at(1, 9), colour(T::String));
        QCOMPARE(at(1, 12), colour(T::String)); // the "#" inside the quotes
        QCOMPARE(at(2, 12), colour(T::Number));
        QCOMPARE(at(2, 16), colour(T::Comment));
        QCOMPARE(at(3, 4), colour(T::Key));
        QCOMPARE(at(3, 9), colour(T::Number)); // booleans as numbers: a plain typed scalar
        QVERIFY(!at(2, 11).isValid());         // the space before the value
    }

    void detailsFollowSelectionAndEdit()
    {
        BurstSandbox cluster;
        SandboxFixture &sandbox = cluster.sandbox;
        QVERIFY(sandbox.started());
        QVERIFY(cluster.examples > 0);
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        ui::PodsPane *pods = window.addClusterSession(&session);
        auto *dock = window.findChild<ui::ClusterDock *>();
        QVERIFY(dock);
        ui::DetailsPane *details = dock->detailsPane();
        QVERIFY(details);
        QCOMPARE(dock->tabs()->count(), 8); // seven live panes and the Timeline
        QCOMPARE(dock->splitter()->widget(1), details);
        QCOMPARE(details->accessibleName(), u"Details"_s);
        QStringList tabNames;
        for (int i = 0; i < details->tabs()->count(); ++i)
            tabNames.append(details->tabs()->tabText(i));
        QCOMPARE(tabNames, (QStringList{u"Summary"_s, u"Conditions"_s, u"Containers"_s,
                                        u"Events"_s, u"YAML"_s, u"Metrics"_s}));
        ui::ObjectYamlPage *yaml = details->yamlPage();
        QCOMPARE(details->summaryView()->accessibleName(), u"Summary"_s);
        QCOMPARE(details->conditionsView()->accessibleName(), u"Conditions"_s);
        QCOMPARE(details->containersView()->accessibleName(), u"Containers"_s);
        QCOMPARE(details->eventsView()->accessibleName(), u"Events"_s);
        QCOMPARE(yaml->editor()->accessibleName(), u"YAML"_s);
        QCOMPARE(yaml->editButton()->accessibleName(), u"Edit"_s);
        QVERIFY(yaml->editor()->isReadOnly());
        QCOMPARE(details->stateLine()->text(),
                 u"Select an object in a table to see its details."_s);
        window.show();
        window.resize(1500, 1000);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);

        // A burst pod: the summary says where it runs, the containers show.
        const auto burstPod = [&session]() -> std::optional<models::PodRow> {
            for (const models::PodRow &row : session.pods()->rows()) {
                if (session.pods()->onVirtualNode(row) && row.nameSpace == u"default")
                    return row;
            }
            return std::nullopt;
        };
        QTRY_VERIFY_WITH_TIMEOUT(burstPod().has_value(), 20000);
        const models::PodRow pod = *burstPod();
        QTRY_VERIFY(pods->selectObject({u"pods"_s, pod.nameSpace, pod.name, {}}));
        QTRY_COMPARE(details->controller()->state(), models::ObjectController::State::Loaded);
        QCOMPARE(details->titleLine()->text(), u"pods "_s + pod.nameSpace + u'/' + pod.name);
        QTRY_VERIFY(summaryTexts(details).contains(u"Runs on=CCI (burst pod)"_s));
        QVERIFY2(summaryTexts(details).contains(u"Kind=Pod (v1)"_s),
                 qPrintable(summaryTexts(details).join(u'\n')));
        QVERIFY(summaryTexts(details).contains(u"Name="_s + pod.name));
        QVERIFY(details->containersView()->topLevelItemCount() >= 1);
        QCOMPARE(details->containersView()->topLevelItem(0)->text(1), u"Container"_s);
        QVERIFY(!details->containersView()->topLevelItem(0)->text(2).isEmpty()); // image
        QVERIFY(details->conditionsView()->topLevelItemCount() >= 1);
        QTRY_VERIFY(details->eventsView()->topLevelItemCount() >= 1); // Scheduled at least
        details->tabs()->setCurrentIndex(0);
        QTest::qWait(100);
        window.resizeDocks({dock}, {620}, Qt::Vertical);
        QVERIFY(saveShot(window, u"details.png"_s));

        // The controllers stop, so the Deployment changes only when the test changes it.
        cluster.simulator.stop();

        // A Deployment from the Workloads tab: its YAML shows.
        auto *workloads = window.findChild<ui::WorkloadsPane *>();
        dock->tabs()->setCurrentWidget(workloads);
        QTRY_VERIFY(workloads->selectObject({u"deployments.apps"_s, u"default"_s, u"test"_s, {}}));
        QTRY_COMPARE(details->titleLine()->text(), u"deployments.apps default/test"_s);
        QTRY_COMPARE(details->controller()->state(), models::ObjectController::State::Loaded);
        details->tabs()->setCurrentWidget(yaml);
        QTRY_VERIFY(yaml->editor()->toPlainText().contains(u"kind: Deployment\n"_s));
        QVERIFY(!yaml->editor()->toPlainText().contains(u"managedFields"_s));
        QVERIFY(summaryTexts(details).contains(u"Kind=Deployment (apps/v1)"_s));

        // Edit (Ctrl+E), change a label, Review & Apply: the diff, then the confirmation
        // with the patch and its precondition, then the server has it.
        core::kube::ApiClient client(sandbox.connection());
        const QString baseVersion = core::kube::resourceVersionOf(details->controller()->serverCopy());
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        details->tabs()->setFocus();
        QTest::keyClick(details->tabs(), Qt::Key_E, Qt::ControlModifier);
        QTRY_COMPARE(yaml->mode(), Mode::Editing);
        QVERIFY(!yaml->editor()->isReadOnly());
        QVERIFY(yaml->editStateLine()->text().contains(u"from resourceVersion "_s + baseVersion));
        yaml->editor()->setPlainText(
            withLabel(yaml->editor()->toPlainText(), u"details-test"_s, u"edited"_s));
        QTest::keyClick(yaml->editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(yaml->mode(), Mode::Reviewing);
        QVERIFY(!yaml->reviewView()->changedRightLines().isEmpty());
        QVERIFY(yaml->reviewView()->rightEditor()->toPlainText().contains(u"details-test: edited"));
        QVERIFY(!yaml->reviewView()->leftEditor()->toPlainText().contains(u"details-test"));
        QList<ui::WriteRequest> asked;
        ui::setWriteAnswer([&asked](const ui::WriteRequest &request) {
            asked.append(request);
            return true;
        });
        yaml->applyButton()->click();
        QTRY_COMPARE(yaml->mode(), Mode::Viewing);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().context, u"sandbox"_s);
        QCOMPARE(asked.first().objects.first().name, u"test"_s);
        QVERIFY2(asked.first().details.contains(u"\"resourceVersion\": \""_s + baseVersion),
                 qPrintable(asked.first().details));
        QVERIFY(asked.first().details.contains(u"\"details-test\": \"edited\""_s));
        QVERIFY2(yaml->messageLine()->text().startsWith(u"Applied"_s),
                 qPrintable(yaml->messageLine()->text()));
        QCOMPARE(labelOf(getObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s),
                         u"details-test"_s),
                 u"edited"_s);
        QTRY_VERIFY(yaml->editor()->toPlainText().contains(u"details-test: edited"_s));

        // Invalid YAML says where and sends nothing.
        const int patchesBefore = patchRequests(sandbox);
        yaml->editButton()->click();
        QCOMPARE(yaml->mode(), Mode::Editing);
        yaml->editor()->setPlainText(yaml->editor()->toPlainText() + u"spec: [unclosed\n"_s);
        yaml->reviewButton()->click();
        QCOMPARE(yaml->mode(), Mode::Editing);
        QVERIFY2(yaml->messageLine()->text().startsWith(u"Not valid: Line "_s),
                 qPrintable(yaml->messageLine()->text()));
        QVERIFY(yaml->messageLine()->text().contains(u", column "_s));
        QTest::keyClick(yaml->editor(), Qt::Key_Escape);
        QCOMPARE(yaml->mode(), Mode::Viewing);
        QCOMPARE(patchRequests(sandbox), patchesBefore);

        // The conflict: an edit begins, the object changes on the server behind it, and the
        // apply meets a 409 that shows both versions. Reload takes the server's.
        yaml->editButton()->click();
        yaml->editor()->setPlainText(
            withLabel(yaml->editor()->toPlainText(), u"mine"_s, u"first"_s));
        QVERIFY(patchObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s,
                            labelPatch(u"behind"_s, u"one"_s)));
        QTRY_VERIFY(yaml->editStateLine()->text().contains(
            u"Changed on the server since you started editing"_s));
        QCOMPARE(yaml->mode(), Mode::Editing); // the text is still yours
        QVERIFY(yaml->editor()->toPlainText().contains(u"mine: first"_s));
        yaml->reviewButton()->click();
        yaml->applyButton()->click();
        QTRY_COMPARE(yaml->mode(), Mode::Conflict);
        QVERIFY(yaml->conflictView()->isVisible());
        QVERIFY(yaml->conflictView()->leftEditor()->toPlainText().contains(u"behind: one"_s));
        QVERIFY(!yaml->conflictView()->leftEditor()->toPlainText().contains(u"mine: first"_s));
        QVERIFY(yaml->conflictView()->rightEditor()->toPlainText().contains(u"mine: first"_s));
        QVERIFY(!yaml->conflictView()->rightEditor()->toPlainText().contains(u"behind: one"_s));
        QVERIFY(yaml->reloadButton()->isVisible() && yaml->reapplyButton()->isVisible());
        QVERIFY(yaml->messageLine()->text().contains(u"409"_s));
        QVERIFY(saveShot(window, u"details-conflict.png"_s));
        QJsonObject server = getObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s);
        QCOMPARE(labelOf(server, u"mine"_s), QString()); // nothing overwritten
        QCOMPARE(labelOf(server, u"behind"_s), u"one"_s);
        yaml->reloadButton()->click();
        QCOMPARE(yaml->mode(), Mode::Viewing);
        QTRY_VERIFY(yaml->editor()->toPlainText().contains(u"behind: one"_s));
        QVERIFY(!yaml->editor()->toPlainText().contains(u"mine: first"_s));

        // Re-apply on top: the same kind of conflict, and your change lands on the new copy
        // after a second review.
        asked.clear();
        yaml->editButton()->click();
        yaml->editor()->setPlainText(
            withLabel(yaml->editor()->toPlainText(), u"mine"_s, u"second"_s));
        QVERIFY(patchObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s,
                            labelPatch(u"behind"_s, u"two"_s)));
        yaml->reviewButton()->click();
        yaml->applyButton()->click();
        QTRY_COMPARE(yaml->mode(), Mode::Conflict);
        yaml->reapplyButton()->click();
        QCOMPARE(yaml->mode(), Mode::Reviewing);
        QVERIFY(yaml->reviewView()->leftEditor()->toPlainText().contains(u"behind: two"_s));
        QVERIFY(yaml->reviewView()->rightEditor()->toPlainText().contains(u"behind: two"_s));
        QVERIFY(yaml->reviewView()->rightEditor()->toPlainText().contains(u"mine: second"_s));
        yaml->applyButton()->click();
        QTRY_COMPARE(yaml->mode(), Mode::Viewing);
        QCOMPARE(asked.size(), 2); // each apply was confirmed
        server = getObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s);
        QCOMPARE(labelOf(server, u"mine"_s), u"second"_s);
        QCOMPARE(labelOf(server, u"behind"_s), u"two"_s);
        QCOMPARE(labelOf(server, u"details-test"_s), u"edited"_s);

        // A read-only context refuses before anything is sent.
        models::setContextSafety(u"sandbox"_s, models::ContextSafety::ReadOnly);
        asked.clear();
        const int patchesReadOnly = patchRequests(sandbox);
        yaml->editButton()->click();
        yaml->editor()->setPlainText(
            withLabel(yaml->editor()->toPlainText(), u"refused"_s, u"yes"_s));
        yaml->reviewButton()->click();
        yaml->applyButton()->click();
        QCOMPARE(yaml->mode(), Mode::Reviewing);
        QCOMPARE(yaml->messageLine()->text(), ui::readOnlyRefusal(u"sandbox"_s));
        QVERIFY(asked.isEmpty());
        QTest::qWait(200);
        QCOMPARE(patchRequests(sandbox), patchesReadOnly);
        yaml->cancelButton()->click();
        QCOMPARE(yaml->mode(), Mode::Viewing);
        QCOMPARE(labelOf(getObject(client, u"deployments.apps"_s, u"default"_s, u"test"_s),
                         u"refused"_s),
                 QString());

        // While an edit is open the pane keeps its object; the selection shows afterwards.
        models::setContextSafety(u"sandbox"_s, models::ContextSafety::Normal);
        yaml->editButton()->click();
        dock->tabs()->setCurrentWidget(pods);
        pods->view()->clearSelection();
        QVERIFY(pods->selectObject({u"pods"_s, pod.nameSpace, pod.name, {}}));
        QCOMPARE(details->titleLine()->text(), u"deployments.apps default/test"_s);
        QCOMPARE(yaml->mode(), Mode::Editing);
        yaml->cancelButton()->click();
        QTRY_COMPARE(details->controller()->object().resource, u"pods"_s);
        session.stop();
    }
};

QTEST_MAIN(tst_DetailsPane)
#include "tst_detailspane.moc"
