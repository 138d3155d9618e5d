#include "core/kube/apiclient.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/resourcetype.h"
#include "core/sandbox/transport/httpserver.h"
#include "models/clustersession.h"
#include "models/logviewmodel.h"
#include "ui/mainwindow.h"
#include "ui/podactions.h"
#include "ui/podspane.h"
#include "ui/workloadspane.h"
#include "ui/logpane.h"
#include "ui/logsearchbar.h"
#include "ui/logview.h"
#include "tests/core/common/filesizelimit.h"

#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cerrno>
#include <cstring>

namespace {

constexpr int kRate = 200;       // lines a second
constexpr int kDoneSeconds = 5;  // the terminated container wrote 5 s of lines
const int kDoneLines = kDoneSeconds * kRate + 1; // both ends included

// An in-process sandbox API server with the node's endpoints (pods/log), holding pod "web-0":
// container "app" running for 20 s, "done" terminated after 5 s, init container "init-db".
struct LogSandbox
{
    LogSandbox()
    {
        core::sandbox::seedDefaultScenario(store, QStringLiteral("sandbox"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString started = now.addSecs(-20).toString(Qt::ISODate);
        const QString doneStart = now.addSecs(-60).toString(Qt::ISODate);
        const QString doneEnd = now.addSecs(-60 + kDoneSeconds).toString(Qt::ISODate);
        const auto container = [](const QString &name) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("image"), QStringLiteral("busybox:1.36")}};
        };
        const auto running = [&](const QString &name) {
            return QJsonObject{
                {QStringLiteral("name"), name},
                {QStringLiteral("restartCount"), 0},
                {QStringLiteral("state"),
                 QJsonObject{{QStringLiteral("running"),
                              QJsonObject{{QStringLiteral("startedAt"), started}}}}}};
        };
        const auto terminated = [&](const QString &name) {
            return QJsonObject{
                {QStringLiteral("name"), name},
                {QStringLiteral("restartCount"), 0},
                {QStringLiteral("state"),
                 QJsonObject{{QStringLiteral("terminated"),
                              QJsonObject{{QStringLiteral("startedAt"), doneStart},
                                          {QStringLiteral("finishedAt"), doneEnd},
                                          {QStringLiteral("exitCode"), 0}}}}}};
        };
        const QJsonObject pod{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web-0")},
                         {QStringLiteral("namespace"), QStringLiteral("default")},
                         {QStringLiteral("annotations"),
                          QJsonObject{{core::sandbox::PodLogs::rateAnnotation(),
                                       QString::number(kRate)}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("initContainers"), QJsonArray{container(u"init-db"_qs)}},
                         {QStringLiteral("containers"),
                          QJsonArray{container(u"app"_qs), container(u"done"_qs)}}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                         {QStringLiteral("initContainerStatuses"),
                          QJsonArray{terminated(u"init-db"_qs)}},
                         {QStringLiteral("containerStatuses"),
                          QJsonArray{running(u"app"_qs), terminated(u"done"_qs)}}}}};
        created = bool(store.create(core::sandbox::podsType(), QStringLiteral("default"), pod));
        started_ = bool(server.start());
        podTemplate = pod;
    }

    // Deployment "api" with ReplicaSet "api-7f9" and its running pods api-7f9-a and api-7f9-b.
    bool addWorkload()
    {
        const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("api")}};
        const QJsonObject podSpec{
            {QStringLiteral("containers"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                    {QStringLiteral("image"), QStringLiteral("busybox:1.36")}}}}};
        const QJsonObject spec{
            {QStringLiteral("replicas"), 2},
            {QStringLiteral("selector"), QJsonObject{{QStringLiteral("matchLabels"), labels}}},
            {QStringLiteral("template"),
             QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), labels}}},
                         {QStringLiteral("spec"), podSpec}}}};
        const auto owned = [](const QJsonObject &owner, const QString &kind) {
            return QJsonArray{QJsonObject{
                {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                {QStringLiteral("kind"), kind},
                {QStringLiteral("name"), owner.value(u"metadata").toObject().value(u"name")},
                {QStringLiteral("uid"), owner.value(u"metadata").toObject().value(u"uid")},
                {QStringLiteral("controller"), true}}};
        };
        const auto deployment = store.create(
            core::sandbox::deploymentsType(), QStringLiteral("default"),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                        {QStringLiteral("kind"), QStringLiteral("Deployment")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("api")},
                                     {QStringLiteral("namespace"), QStringLiteral("default")},
                                     {QStringLiteral("labels"), labels}}},
                        {QStringLiteral("spec"), spec}});
        if (!deployment)
            return false;
        const auto replicaSet = store.create(
            core::sandbox::replicaSetsType(), QStringLiteral("default"),
            QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("api-7f9")},
                                     {QStringLiteral("namespace"), QStringLiteral("default")},
                                     {QStringLiteral("labels"), labels},
                                     {QStringLiteral("ownerReferences"),
                                      owned(*deployment, QStringLiteral("Deployment"))}}},
                        {QStringLiteral("spec"), spec}});
        if (!replicaSet)
            return false;
        for (const QString &name : {QStringLiteral("api-7f9-a"), QStringLiteral("api-7f9-b")}) {
            QJsonObject pod = podTemplate;
            QJsonObject metadata = pod.value(u"metadata").toObject();
            metadata.insert(QStringLiteral("name"), name);
            metadata.insert(QStringLiteral("labels"), labels);
            metadata.insert(QStringLiteral("ownerReferences"),
                            owned(*replicaSet, QStringLiteral("ReplicaSet")));
            pod.insert(QStringLiteral("metadata"), metadata);
            if (!store.create(core::sandbox::podsType(), QStringLiteral("default"), pod))
                return false;
        }
        return true;
    }

    core::kube::Connection connection() const
    {
        core::kube::Connection c;
        c.server = QUrl(server.url());
        c.token = QStringLiteral("test-token");
        c.contextName = QStringLiteral("sandbox");
        return c;
    }

    core::sandbox::ObjectStore store;
    core::sandbox::ApiRouter router{store, QStringLiteral("127.0.0.1"),
                                    core::sandbox::withNodeEndpoints()};
    core::sandbox::HttpServer server{
        [this](const core::sandbox::HttpRequest &request) { return router.handle(request); }};
    bool created = false;
    bool started_ = false;
    QJsonObject podTemplate;
};

QStringList allTexts(const QAbstractItemModel *model)
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, 0).data().toString());
    return texts;
}

} // namespace

// The log pane against the sandbox's pods/log, as an operator meets it: the container picker
// (init containers too), a finished container's whole log, search with "N of M" and F3, the
// grep filter, Save, then a running container's stream followed at the bottom.
class TestLogPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QAccessible::setActive(true); }

    void endToEnd()
    {
        LogSandbox sandbox;
        QVERIFY(sandbox.created);
        QVERIFY(sandbox.started_);
        core::kube::ApiClient client(sandbox.connection());
        // The pod's containers are read from the server (as --logs does).
        ui::LogPane pane(&client, {ui::LogTarget{u"default"_qs, u"web-0"_qs, {}, {}}});
        pane.resize(1100, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_COMPARE(pane.containerBox()->count(), 3);
        QCOMPARE(pane.containerBox()->itemData(0).toString(), u"app"_qs);
        QCOMPARE(pane.containerBox()->itemText(2), u"init-db (init)"_qs);
        QCOMPARE(pane.accessibleName(), u"Logs of web-0"_qs);
        for (QWidget *widget : pane.findChildren<QWidget *>()) {
            if (widget->isVisibleTo(&pane) && widget->parentWidget() == &pane)
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }

        // The finished container: its whole log, then the stream ends.
        pane.containerBox()->setCurrentIndex(pane.containerBox()->findData(u"done"_qs));
        QCOMPARE(pane.options().container, u"done"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), kDoneLines, 10000);
        QTRY_VERIFY(pane.statusLine()->text().contains(u"ended"));
        const QStringList texts = allTexts(pane.model());
        QVERIFY(texts.first().contains(u"seq=0 "));
        QVERIFY(pane.view()->follow());
        QCOMPARE(pane.view()->lastVisibleRow(), kDoneLines - 1);

        // Search: Ctrl+F, a regex, the count, F3 and Shift+F3 with "N of M". Levels are a hash of
        // the pod uid (random): seq 100-199 hold an ERROR line but for odds of (5/6)^100.
        QTest::keyClick(&pane, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(pane.searchBar()->edit()->hasFocus());
        pane.searchBar()->regexButton()->setChecked(true);
        QTest::keyClicks(pane.searchBar()->edit(), u"ERROR.*seq=1\\d\\d\\b"_qs);
        pane.searchBar()->apply();
        const QRegularExpression expression(u"ERROR.*seq=1\\d\\d\\b"_qs);
        qint64 expected = 0;
        int firstRow = -1;
        for (int row = 0; row < texts.size(); ++row) {
            if (texts.at(row).contains(expression)) {
                ++expected;
                if (firstRow < 0)
                    firstRow = row;
            }
        }
        QVERIFY(expected > 0);
        // The model counts on its worker: the count arrives a moment later.
        QTRY_COMPARE(pane.model()->countState(), models::LogViewModel::CountState::Exact);
        QCOMPARE(pane.model()->matchCount(), expected);
        // The model finds on a worker and answers later.
        QTest::keyClick(pane.searchBar()->edit(), Qt::Key_Return);
        QTRY_COMPARE(pane.view()->currentMatchRow(), firstRow);
        QCOMPARE(pane.searchBar()->countLabel()->text(), u"1 of %1"_qs.arg(expected));
        QVERIFY(!pane.view()->follow()); // the match is far above the bottom
        if (expected > 1) {
            QTest::keyClick(&pane, Qt::Key_F3);
            QTRY_COMPARE(pane.searchBar()->countLabel()->text(), u"2 of %1"_qs.arg(expected));
            QTest::keyClick(&pane, Qt::Key_F3, Qt::ShiftModifier);
        }
        QTRY_COMPARE(pane.searchBar()->countLabel()->text(), u"1 of %1"_qs.arg(expected));
        // Backwards from the first wraps to the last.
        QTest::keyClick(pane.searchBar()->edit(), Qt::Key_Return, Qt::ShiftModifier);
        QTRY_COMPARE(pane.searchBar()->countLabel()->text(),
                 u"%1 of %1"_qs.arg(expected));
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        pane.view()->setCurrentMatchRow(firstRow);
        QTest::qWait(100);
        QVERIFY(pane.grab().save(shots + QStringLiteral("/log-pane.png")));

        // A filter rebuilt slowly (small slices with a pause): the previous rows stay, the status
        // line says "Filtering… N%", and Esc stops it.
        pane.model()->setScanSlice(1, 2000);
        QTest::keyClicks(pane.filterEdit(), u"seq="_qs);
        QTest::keyClick(pane.filterEdit(), Qt::Key_Return);
        QVERIFY(pane.model()->isFiltering());
        QCOMPARE(pane.model()->rowCount(), kDoneLines);
        QVERIFY2(pane.statusLine()->text().contains(u"Filtering…"_qs),
                 qPrintable(pane.statusLine()->text()));
        QVERIFY(pane.cancelAction()->isEnabled());
        QTest::keyClick(pane.filterEdit(), Qt::Key_Escape);
        QVERIFY(!pane.model()->isFiltering());
        QCOMPARE(pane.model()->rowCount(), kDoneLines);
        QVERIFY(!pane.statusLine()->text().contains(u"Filtering…"_qs));
        pane.model()->setScanSlice(4096);
        pane.filterEdit()->clear();

        // Filter: only the ERROR lines, the search counts over them.
        const QStringList errors = texts.filter(u"ERROR"_qs);
        QVERIFY(!errors.isEmpty());
        pane.searchBar()->regexButton()->setChecked(false);
        pane.searchBar()->edit()->setText(u"seq=1"_qs);
        pane.searchBar()->apply();
        QTest::keyClicks(pane.filterEdit(), u"ERROR"_qs);
        QTest::keyClick(pane.filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!pane.model()->isFiltering());
        QCOMPARE(pane.model()->rowCount(), errors.size());
        QCOMPARE(allTexts(pane.model()), errors);
        qint64 inErrors = 0;
        for (const QString &text : errors)
            inErrors += text.count(u"seq=1"_qs);
        QTRY_COMPARE(pane.model()->countState(), models::LogViewModel::CountState::Exact);
        QCOMPARE(pane.model()->matchCount(), inErrors);
        QTRY_VERIFY(pane.searchBar()->countLabel()->text().contains(QString::number(inErrors)));

        // Save: the lines shown, with their timestamps when they show.
        QTemporaryDir dir;
        pane.timestampsButton()->setChecked(true);
        QVERIFY(pane.save(dir.filePath(u"web-0.log"_qs)));
        QFile saved(dir.filePath(u"web-0.log"_qs));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray savedBytes = saved.readAll();
        saved.close();
        const QList<QByteArray> lines = savedBytes.split('\n');
        QCOMPARE(lines.size(), errors.size() + 1); // the last newline
        QVERIFY(lines.first().endsWith(errors.first().toUtf8()));
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT"_qs).match(
                    QString::fromUtf8(lines.first())).hasMatch());
        // Saving again on a disk that takes only half of it (the kernel's file size limit, EFBIG
        // as a full disk's ENOSPC): the saved file keeps its bytes, no temporary file is left,
        // and the status line (its accessible description too) names the file, why, and a hint.
        pane.filterEdit()->clear();
        QTest::keyClick(pane.filterEdit(), Qt::Key_Return);
        QCOMPARE(pane.model()->rowCount(), kDoneLines);
        {
            tests::FileSizeLimit limit(rlim_t(savedBytes.size() / 2));
            QVERIFY(limit.active());
            QVERIFY(!pane.save(dir.filePath(u"web-0.log"_qs)));
        }
        const QString status = pane.statusLine()->accessibleDescription();
        QVERIFY2(status.contains(QDir::toNativeSeparators(dir.filePath(u"web-0.log"_qs))) &&
                     status.contains(QString::fromLocal8Bit(std::strerror(EFBIG))) &&
                     status.contains(u"not changed"_qs),
                 qPrintable(status));
        QCOMPARE(pane.statusLine()->text(), status);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), savedBytes);
        saved.close();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"web-0.log"_qs});

        // The running container: streaming, followed at the bottom as lines come.
        pane.containerBox()->setCurrentIndex(pane.containerBox()->findData(u"app"_qs));
        QTRY_VERIFY(pane.statusLine()->text().contains(u"streaming"));
        QTRY_VERIFY(pane.model()->rowCount() > 20 * kRate);
        QVERIFY(pane.view()->follow());
        QCOMPARE(pane.followButton()->isChecked(), true);
        const int rows = pane.model()->rowCount();
        QTRY_VERIFY(pane.model()->rowCount() > rows);
        QTRY_COMPARE(pane.view()->lastVisibleRow(), pane.model()->rowCount() - 1);
        // Scrolling up pauses; the button and the status line say so; End resumes.
        QTest::keyClick(pane.view(), Qt::Key_PageUp);
        QVERIFY(!pane.view()->follow());
        QVERIFY(!pane.followButton()->isChecked());
        QVERIFY(pane.statusLine()->text().contains(u"Paused"));
        const int top = pane.view()->topRow();
        QTest::qWait(200);
        QCOMPARE(pane.view()->topRow(), top);
        QTest::keyClick(pane.view(), Qt::Key_End);
        QVERIFY(pane.followButton()->isChecked());
        QVERIFY(pane.grab().save(shots + QStringLiteral("/log-pane-follow.png")));

        // Since and Previous restart the stream with the new query; a container without a
        // previous instance fails, and the status line says why.
        pane.sinceBox()->setCurrentIndex(2);
        QCOMPARE(pane.options().sinceSeconds, std::optional<qint64>(300));
        QTRY_VERIFY(pane.statusLine()->text().contains(u"streaming"));
        pane.previousButton()->setChecked(true);
        QVERIFY(pane.options().previous);
        QVERIFY(!pane.options().follow);
        QTRY_VERIFY_WITH_TIMEOUT(pane.statusLine()->text().contains(u"failed"), 10000);
        QVERIFY2(pane.statusLine()->text().contains(u"previous terminated container"),
                 qPrintable(pane.statusLine()->text()));
    }

    // --logs NAMESPACE/POD[/CONTAINER]: malformed arguments say how to write it.
    void logsArgument_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::newRow("no namespace") << u"web-0"_qs;
        QTest::newRow("empty namespace") << u"/web-0"_qs;
        QTest::newRow("empty pod") << u"default/"_qs;
        QTest::newRow("empty container") << u"default/web-0/"_qs;
        QTest::newRow("too many parts") << u"default/web-0/app/x"_qs;
    }
    void logsArgument()
    {
        QFETCH(QString, argument);
        models::ClusterSession session(core::kube::Connection{});
        QString error;
        QVERIFY(!ui::openLogsArgument(nullptr, &session, argument, &error));
        QCOMPARE(error, u"--logs %1: write NAMESPACE/POD or NAMESPACE/POD/CONTAINER."_qs.arg(
                            argument));
    }

    // A well-formed --logs opens the container's log, the pod read from the server.
    void logsArgumentOpens()
    {
        LogSandbox sandbox;
        QVERIFY(sandbox.started_);
        models::ClusterSession session(sandbox.connection());
        QString error;
        std::unique_ptr<ui::LogPane> pane(
            ui::openLogsArgument(nullptr, &session, u"default/web-0/done"_qs, &error));
        QVERIFY(pane);
        QVERIFY(pane->isWindow());
        QCOMPARE(pane->windowTitle(), u"Logs: web-0 — sandbox"_qs);
        QTRY_COMPARE(pane->containerBox()->count(), 3);
        QCOMPARE(pane->containerBox()->currentData().toString(), u"done"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), kDoneLines, 10000);
        pane->setAttribute(Qt::WA_DeleteOnClose, false);
    }

    // --logs on a pod the cluster has not created yet: the pane says it waits, then streams once
    // the pod runs and fills its container picker from the pod.
    void logsArgumentWaitsForThePod()
    {
        LogSandbox sandbox;
        QVERIFY(sandbox.started_);
        models::ClusterSession session(sandbox.connection());
        QString error;
        std::unique_ptr<ui::LogPane> pane(
            ui::openLogsArgument(nullptr, &session, u"default/late"_qs, &error));
        QVERIFY(pane);
        pane->setAttribute(Qt::WA_DeleteOnClose, false);
        QTRY_VERIFY2_WITH_TIMEOUT(
            pane->statusLine()->text().contains(u"waiting for the pod to start"_qs),
            qPrintable(pane->statusLine()->text()), 10000);
        QCOMPARE(pane->containerBox()->count(), 0);
        // Said once, by the source's state, not again as the pane's own note.
        QCOMPARE(pane->statusLine()->text().count(u"not found"_qs), 1);
        QJsonObject pod = sandbox.podTemplate;
        QJsonObject metadata = pod.value(u"metadata"_qs).toObject();
        metadata.insert(u"name"_qs, u"late"_qs);
        pod.insert(u"metadata"_qs, metadata);
        QVERIFY(sandbox.store.create(core::sandbox::podsType(), u"default"_qs, pod));
        QTRY_VERIFY_WITH_TIMEOUT(pane->model()->rowCount() > 0, 15000);
        QTRY_COMPARE(pane->containerBox()->count(), 3);
        QTRY_VERIFY2(!pane->statusLine()->text().contains(u"waiting"_qs),
                     qPrintable(pane->statusLine()->text()));
    }

    // Logs (L) on a pod of the Pods pane and on a workload of the Workloads pane open log docks;
    // the workload's pods come merged, told apart by the source column.
    void logsActions()
    {
        LogSandbox sandbox;
        QVERIFY(sandbox.started_);
        QVERIFY(sandbox.addWorkload());
        models::ClusterSession session(sandbox.connection());
        ui::MainWindow window;
        ui::PodsPane *pods = window.addClusterSession(&session);
        auto *workloads = window.findChild<ui::WorkloadsPane *>();
        QVERIFY(pods && workloads);
        window.resize(1400, 900);
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);

        // A pod: its log in a dock, its containers from the session's cache.
        pods->allPods()->setChecked(true);
        QTRY_VERIFY(pods->selectObject({u"pods"_qs, u"default"_qs, u"web-0"_qs, {}}));
        auto *podLogs = pods->findChild<QAction *>(u"logsAction"_qs);
        QVERIFY(podLogs);
        QCOMPARE(podLogs->shortcut(), QKeySequence(Qt::Key_L));
        QVERIFY(pods->view()->actions().contains(podLogs)); // the context menu
        pods->view()->setFocus();
        QTest::keyClick(pods->view(), Qt::Key_L);
        ui::LogPane *pane = nullptr;
        QTRY_VERIFY((pane = window.findChild<ui::LogPane *>()));
        QCOMPARE(pane->title(), u"web-0"_qs);
        QCOMPARE(pane->containerBox()->count(), 3);
        QVERIFY(qobject_cast<QDockWidget *>(pane->parentWidget()));
        QVERIFY(!pane->view()->sourceShown());
        QTRY_VERIFY(pane->model()->rowCount() > 1000);

        // A workload: both pods merged.
        const QList<ui::LogTarget> targets = ui::logTargetsFor(
            &session, {u"deployments.apps"_qs, u"default"_qs, u"api"_qs, {}});
        QCOMPARE(targets.size(), 0); // the uid is what ties the ReplicaSet to its Deployment
        QTRY_VERIFY(workloads->selectObject({u"deployments.apps"_qs, u"default"_qs, u"api"_qs, {}}));
        QTRY_VERIFY(ui::logTargetsFor(&session, workloads->currentObject()).size() == 2);
        workloads->findChild<QAction *>(u"logsAction"_qs)->trigger();
        ui::LogPane *merged = nullptr;
        QTRY_VERIFY([&] {
            for (ui::LogPane *p : window.findChildren<ui::LogPane *>())
                if (p != pane)
                    merged = p;
            return merged != nullptr;
        }());
        QCOMPARE(merged->title(), u"api (2 pods)"_qs);
        QCOMPARE(merged->accessibleName(), u"Logs of api (2 pods)"_qs);
        QCOMPARE(merged->model()->sourceCount(), 2);
        QVERIFY(merged->view()->sourceShown());
        QTRY_VERIFY(merged->model()->rowCount() > 2000);
        // Both pods' lines interleave at the end once both histories are in (later under ASan).
        const auto lastSources = [merged] {
            QSet<int> sources;
            const int rows = merged->model()->rowCount();
            for (int row = std::max(0, rows - 400); row < rows; ++row)
                sources.insert(merged->model()
                                   ->index(row, 0)
                                   .data(models::LogViewModel::SourceIndexRole)
                                   .toInt());
            return sources;
        };
        QTRY_COMPARE_WITH_TIMEOUT(lastSources(), (QSet<int>{0, 1}), 20000);
        QTRY_VERIFY(merged->statusLine()->text().contains(u"streaming"));
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        QTest::qWait(200);
        QVERIFY(window.grab().save(shots + QStringLiteral("/log-workload.png")));
        session.stop();
    }
};

QTEST_MAIN(TestLogPane)
#include "tst_logpane.moc"
