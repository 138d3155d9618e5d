#include "core/burst/ccinamespace.h"
#include "core/cloud/cciregions.h"
#include "core/common/translations.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/cciendpoint.h"
#include "core/sandbox/cci/iamservice.h"
#include "core/sandbox/cluster/ccivalidation.h"
#include "core/sandbox/cluster/clustersimulator.h"
#include "core/sandbox/cluster/podchurn.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/cluster/scheduler.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/tlscontext.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <csignal>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(burst_sandbox)
};

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// CCI + IAM: a second API server over its own store, reachable only with an IAM token or AK/SK.
void addCciOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("cci-port"),
                      Tr::tr("Port of the CCI endpoint with its IAM (0: any free port)."),
                      Tr::tr("PORT"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("iam-user"),
                      Tr::tr("An IAM user NAME[@DOMAIN]:PASSWORD (repeatable; domain \"sandbox\" "
                             "by default). Without one, user \"operator\" gets a random password."),
                      Tr::tr("USER")});
    parser.addOption({QStringLiteral("iam-aksk"),
                      Tr::tr("An access key AK:SK of the IAM user \"operator\" (repeatable)."),
                      Tr::tr("AK:SK")});
    parser.addOption({QStringLiteral("iam-token-ttl"), Tr::tr("Lifetime of IAM tokens in seconds."),
                      Tr::tr("SECONDS"), QStringLiteral("86400")});
}

core::sandbox::IamOptions cciIamOptions(const QCommandLineParser &parser, QTextStream &err)
{
    core::sandbox::IamOptions options;
    for (const QString &user : parser.values(QStringLiteral("iam-user"))) {
        const qsizetype colon = user.indexOf(u':');
        const QString login = user.left(colon);
        const qsizetype at = login.indexOf(u'@');
        core::sandbox::IamUser entry{login.left(at), user.mid(colon + 1)};
        if (at >= 0)
            entry.domain = login.mid(at + 1);
        if (colon > 0)
            options.users.append(entry);
    }
    if (options.users.isEmpty()) {
        const QString password = QString::number(QRandomGenerator::system()->generate64(), 36);
        options.users.append({QStringLiteral("operator"), password});
        err << Tr::tr("burst-sandbox: IAM user operator (domain sandbox), password %1")
                   .arg(password)
            << '\n';
    }
    for (const QString &pair : parser.values(QStringLiteral("iam-aksk"))) {
        const qsizetype colon = pair.indexOf(u':');
        if (colon > 0)
            options.accessKeys.append({pair.left(colon), pair.mid(colon + 1)});
    }
    const qint64 ttl = parser.value(QStringLiteral("iam-token-ttl")).toLongLong();
    if (ttl > 0)
        options.tokenTtl = std::chrono::seconds(ttl);
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef __GLIBC__
    // Every store write allocates and frees a few 4-8 KB buffers (a pod's JSON, parsed and
    // written again); with glibc's defaults the heap top grew and was trimmed back over and over
    // (page faults, brk) and the mmap threshold moved. A fixed 1 MB mmap threshold and a 1 GB
    // trim threshold keep the freed memory for the next write: as GLIBC_TUNABLES, 575 -> 443 us
    // of sandbox CPU per churn event (30,000 pods, --churn 3000, one watcher). One arena: the
    // churn thread allocates the parsed pod of each event and the simulator's thread frees it,
    // and with an arena per thread every such free locked the writer's arena; 4 runs against 7
    // (on a busy 2-core machine, +-15% run to run) averaged about 360 against 400 us per event.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 1);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("burst-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BURST_VERSION));
    core::installTranslations(app, core::preferredLocale());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("A local stand-in for a CCE cluster that bursts to CCI: a Kubernetes API server on "
               "127.0.0.1 that kubectl can drive."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("port"), Tr::tr("Port to listen on (0: any free port)."),
                      Tr::tr("PORT"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("tls"), Tr::tr("Serve HTTPS with a CA generated at start.")});
    parser.addOption({QStringLiteral("cluster-id"),
                      Tr::tr("Cluster id (CCI namespace cce-burst-ID)."), Tr::tr("ID"),
                      QStringLiteral("sandbox")});
    parser.addOption(
        {QStringLiteral("print-kubeconfig"),
         Tr::tr("Print a kubeconfig for this sandbox on standard output once it listens.")});
    parser.addOption({QStringLiteral("kubeconfig-out"),
                      Tr::tr("Write the kubeconfig to FILE once the sandbox listens."),
                      Tr::tr("FILE")});
    parser.addOption({QStringLiteral("pods"),
                      Tr::tr("Preload N running pods across namespaces (load tests)."), Tr::tr("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("pod-size"),
                      Tr::tr("Size in bytes of each preloaded pod's JSON (at least about 3000)."),
                      Tr::tr("BYTES"), QStringLiteral("4000")});
    parser.addOption({QStringLiteral("churn"),
                      Tr::tr("Keep the preloaded pods changing at R watch events per second "
                             "(restarts, some pods replaced; needs --pods)."),
                      Tr::tr("R"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("churn-events"),
                      Tr::tr("Stop the churn once it wrote N events, and say so (soak tests)."),
                      Tr::tr("N"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("fault-429-rate"),
         Tr::tr("Answer this share (0-1) of resource requests with 429 and Retry-After."),
         Tr::tr("R"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("fault-500-rate"),
                      Tr::tr("Answer this share (0-1) of resource requests with 500."), Tr::tr("R"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("fault-latency-ms"),
                      Tr::tr("Delay every resource request by M milliseconds."), Tr::tr("M"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("fault-drop-watch-every"),
                      Tr::tr("Cut every watch stream after N events."), Tr::tr("N"),
                      QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("fault-gone-every"),
         Tr::tr("Answer every Nth watch that resumes from a resourceVersion with 410 Gone."),
         Tr::tr("N"), QStringLiteral("0")});
    addCciOptions(parser);
    parser.addOption({QStringLiteral("scenario"),
                      Tr::tr("Create the objects of this multi-document YAML file at start "
                             "(repeatable)."),
                      Tr::tr("FILE")});
    parser.addOption({QStringLiteral("cci-zones"),
                      Tr::tr("Also start CCI 2.0's virtual nodes: the global bursting-node and "
                             "one AZ-level node bursting-node-ZONE per zone, labelled with it "
                             "(comma-separated)."),
                      Tr::tr("ZONES")});
    parser.addOption({QStringLiteral("cci-region"),
                      Tr::tr("The region CCI runs the burst pods in (their "
                             "topology.kubernetes.io/region annotation; the default zone is the "
                             "region followed by \"a\")."),
                      Tr::tr("REGION"), QStringLiteral("cn-north-4")});
    parser.addOption({QStringLiteral("cci-namespace-flavor"),
                      Tr::tr("The type of the CCI namespace burst pods land in: general-computing "
                             "(GPU pods are refused) or gpu-accelerated."),
                      Tr::tr("FLAVOR"), QStringLiteral("general-computing")});
    parser.addOption({QStringLiteral("cci-faulty-zone"),
                      Tr::tr("Mark this zone's AZ-level node as CCI marks a faulty AZ: "
                             "unschedulable, with a condition saying why (repeatable; needs "
                             "--cci-zones)."),
                      Tr::tr("ZONE")});
    parser.addOption({QStringLiteral("no-interconnect"),
                      Tr::tr("Run without CCI network interconnection (no sidecar in CCI pods).")});
    parser.addOption({QStringLiteral("no-examples"),
                      Tr::tr("Do not deploy the guide's example workloads at start.")});
    parser.addOption({QStringLiteral("clock-speed"),
                      Tr::tr("Run sandbox time X times faster than real time (pods start, Jobs "
                             "finish and locks expire sooner)."),
                      Tr::tr("X"), QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("token"),
         Tr::tr("With --tls, also accept bearer token T (repeatable); the kubeconfig's "
                "token and client certificate are always accepted."),
         Tr::tr("T")});
    parser.addOption(
        {QStringLiteral("restricted-namespaces"),
         Tr::tr("Namespaces (comma-separated) where the restricted user \"sandbox-restricted\" "
                "may read pods, events, workloads and schedule profiles and change deployments; "
                "it may do nothing else (no nodes, no namespaces)."),
         Tr::tr("NS,..."), core::sandbox::defaultRestrictedNamespaces().join(u',')});
    parser.addOption({QStringLiteral("fault-stall-every"),
                      Tr::tr("Every Nth watch stream stops sending for M milliseconds, then "
                             "resumes."),
                      Tr::tr("N:M")});
    parser.addOption({QStringLiteral("fault-seed"),
                      Tr::tr("Seed the faults' random choices, so a test meets the same ones."),
                      Tr::tr("N")});
    parser.addOption({QStringLiteral("bookmark-interval-ms"),
                      Tr::tr("Send watch BOOKMARK events every M milliseconds (allowWatchBookmarks=true)."),
                      Tr::tr("M"), QStringLiteral("60000")});
    parser.process(app);
    core::sandbox::FaultOptions faults;
    faults.rate429 = parser.value(QStringLiteral("fault-429-rate")).toDouble();
    faults.rate500 = parser.value(QStringLiteral("fault-500-rate")).toDouble();
    faults.latencyMs = parser.value(QStringLiteral("fault-latency-ms")).toInt();
    faults.dropWatchEvery = parser.value(QStringLiteral("fault-drop-watch-every")).toInt();
    faults.goneEvery = parser.value(QStringLiteral("fault-gone-every")).toInt();
    const QStringList stall = parser.value(QStringLiteral("fault-stall-every")).split(u':');
    faults.stallEvery = stall.value(0).toInt();
    faults.stallMs = stall.value(1).toInt();
    if (parser.isSet(QStringLiteral("fault-seed")))
        faults.seed = parser.value(QStringLiteral("fault-seed")).toUInt();

    QTextStream err(stderr);
    // Watch history beyond the preload, so clients listing 100k pods can still watch from it.
    // Under churn, 30 s of changes: a list of 100k pods page by page outlasts a fixed 20,000
    // changes at thousands per second, and its continue token would expire before the last page
    // (kube-apiserver keeps minutes, until etcd's compaction).
    const double churnRate = parser.value(QStringLiteral("churn")).toDouble();
    const qsizetype history = std::max<qsizetype>(20000, qsizetype(churnRate * 30));
    core::sandbox::ObjectStore store(core::sandbox::StoreOptions{history, 0});
    const QString clusterId = parser.value(QStringLiteral("cluster-id"));
    core::sandbox::seedDefaultScenario(store, clusterId);
    if (parser.isSet(QStringLiteral("cci-zones")))
        core::sandbox::seedZoneVirtualNodes(
            store, clusterId,
            parser.value(QStringLiteral("cci-zones")).split(u',', Qt::SkipEmptyParts),
            parser.values(QStringLiteral("cci-faulty-zone")));
    // CCI's side: where burst pods run and the type of their namespace.
    core::sandbox::SchedulerOptions schedulerOptions;
    schedulerOptions.cci.networkInterconnect = !parser.isSet(QStringLiteral("no-interconnect"));
    schedulerOptions.cci.region = parser.value(QStringLiteral("cci-region"));
    if (!core::cloud::findCciRegion(core::cloud::defaultCciRegions(),
                                    schedulerOptions.cci.region)) {
        QStringList known;
        for (const core::cloud::CciRegion &region : core::cloud::defaultCciRegions())
            known.append(region.id);
        err << Tr::tr("burst-sandbox: unknown CCI region \"%1\" (known: %2)")
                   .arg(schedulerOptions.cci.region, known.join(QStringLiteral(", ")))
            << '\n';
        return 2;
    }
    schedulerOptions.cci.namespaceFlavor = parser.value(QStringLiteral("cci-namespace-flavor"));
    if (core::burst::parseNamespaceFlavor(schedulerOptions.cci.namespaceFlavor) ==
        core::burst::NamespaceFlavor::Unknown) {
        err << Tr::tr("burst-sandbox: --cci-namespace-flavor must be general-computing or "
                      "gpu-accelerated")
            << '\n';
        return 2;
    }
    // CCI's own store, before the servers: the CCE endpoint's exec reads burst pods' CCI pods.
    core::sandbox::ObjectStore cciStore;
    bool speedOk = false;
    const double speed = parser.value(QStringLiteral("clock-speed")).toDouble(&speedOk);
    if (!speedOk || speed <= 0) {
        err << Tr::tr("burst-sandbox: --clock-speed must be a number above 0") << '\n';
        return 2;
    }
    // One clock for the whole sandbox: controllers, kubelets, logs, IAM token expiry, the VK lock.
    const auto sharedClock = std::make_shared<core::sandbox::SandboxClock>(speed);
    core::sandbox::SandboxClock &clock = *sharedClock;
    if (!parser.isSet(QStringLiteral("no-examples")))
        core::sandbox::seedExampleWorkloads(store);
    for (const QString &file : parser.values(QStringLiteral("scenario"))) {
        const auto applied = core::sandbox::applyManifestFile(store, file);
        if (!applied) {
            err << applied.error().message << '\n';
            return 2;
        }
    }
    const core::sandbox::PreloadOptions preload{parser.value(QStringLiteral("pods")).toInt(),
                                                parser.value(QStringLiteral("pod-size")).toInt()};
    if (churnRate > 0 && preload.count <= 0) {
        err << Tr::tr("burst-sandbox: --churn needs preloaded pods (--pods N)") << '\n';
        return 2;
    }
    if (preload.count > 0) {
        QElapsedTimer timer;
        timer.start();
        core::sandbox::preloadPods(store, preload);
        err << Tr::tr("burst-sandbox: preloaded %1 pods in %2 ms")
                   .arg(preload.count)
                   .arg(timer.elapsed())
            << '\n';
    }

    core::sandbox::HttpServerOptions options;
    options.port = quint16(parser.value(QStringLiteral("port")).toUInt());
    std::optional<core::sandbox::TlsContext> tls;
    if (parser.isSet(QStringLiteral("tls"))) {
        auto generated = core::sandbox::TlsContext::generate();
        if (!generated) {
            err << generated.error().message << '\n';
            return 1;
        }
        tls = *generated;
        options.tls = *tls;
    }
    // The router learns the address after binding; discovery only reports it.
    auto router = std::make_shared<std::unique_ptr<core::sandbox::ApiRouter>>();
    core::sandbox::HttpServer server(
        [router](const core::sandbox::HttpRequest &request) { return (*router)->handle(request); },
        options);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Logs, exec and metrics are served by the sandbox's stand-ins for kubelet and metrics-server.
    // A burst pod's containers run in its CCI pod: their Downward API sees CCI's region and zone.
    const QString cciNamespace = core::sandbox::cciNamespace(clusterId);
    core::sandbox::ApiRouterOptions routerOptions = core::sandbox::withNodeEndpoints(
        {}, [&cciStore, cciNamespace](const QJsonObject &pod) {
            return core::sandbox::CciAdmission::podAsSeenInside(cciStore, cciNamespace, pod);
        });
    routerOptions.faults = faults;
    routerOptions.clock = sharedClock;
    // kubectl sends credentials over TLS only (kubernetes/kubectl#744), so plain HTTP stays open
    // like kube-apiserver's old insecure port; with --tls every API request must authenticate.
    if (tls)
        routerOptions.authenticator = core::sandbox::Authenticator(
            QStringList{token} + parser.values(QStringLiteral("token")), true);
    // The restricted user, by its own token (context "sandbox-restricted"; kubectl sends it over
    // TLS only, our own client over plain HTTP too).
    const QString restrictedToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QStringList restrictedNamespaces =
        parser.value(QStringLiteral("restricted-namespaces")).split(u',', Qt::SkipEmptyParts);
    if (!restrictedNamespaces.isEmpty())
        routerOptions.authorizer.addUser(
            core::sandbox::restrictedUser(restrictedToken, restrictedNamespaces));
    routerOptions.bookmarkInterval = std::chrono::milliseconds(
        parser.value(QStringLiteral("bookmark-interval-ms")).toLongLong());
    *router = std::make_unique<core::sandbox::ApiRouter>(store, QStringLiteral("127.0.0.1"),
                                                         routerOptions);
    const auto port = server.start();
    if (!port) {
        err << port.error().message << '\n' << port.error().hint << '\n';
        return 1;
    }
    // CCI: its own store and server; the IAM clock is the sandbox's notion of now.
    core::sandbox::seedCciScenario(cciStore, clusterId, schedulerOptions.cci.namespaceFlavor);
    core::sandbox::IamService iam(clock, cciIamOptions(parser, err));
    core::sandbox::ApiRouterOptions cciRouterOptions = core::sandbox::withNodeEndpoints();
    // guide 2.4's objects, and GPU pods against their namespace's flavour
    cciRouterOptions.validator = core::sandbox::cciValidator(&cciStore);
    core::sandbox::CciEndpoint cci(iam, cciStore, QStringLiteral("127.0.0.1"), cciRouterOptions);
    core::sandbox::HttpServerOptions cciOptions = options;
    cciOptions.port = quint16(parser.value(QStringLiteral("cci-port")).toUInt());
    core::sandbox::HttpServer cciServer(
        [&cci](const core::sandbox::HttpRequest &request) { return cci.handle(request); },
        cciOptions);
    if (const auto cciPort = cciServer.start(); !cciPort) {
        err << cciPort.error().message << '\n' << cciPort.error().hint << '\n';
        return 1;
    }
    err << Tr::tr("burst-sandbox: serving CCI and IAM at %1").arg(cciServer.url()) << '\n';

    QByteArray kubeconfig = core::sandbox::withCciContext(
        core::sandbox::sandboxKubeconfig(server.url(), token, tls ? &*tls : nullptr),
        cciServer.url(), clusterId, tls ? &*tls : nullptr);
    if (!restrictedNamespaces.isEmpty())
        kubeconfig = core::sandbox::withRestrictedContext(kubeconfig, restrictedToken,
                                                          restrictedNamespaces.first());
    if (parser.isSet(QStringLiteral("print-kubeconfig"))) {
        QTextStream(stdout) << QString::fromUtf8(kubeconfig);
        fflush(stdout);
    }
    if (parser.isSet(QStringLiteral("kubeconfig-out"))) {
        QFile out(parser.value(QStringLiteral("kubeconfig-out")));
        if (!out.open(QIODevice::WriteOnly) || out.write(kubeconfig) < 0) {
            err << Tr::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()) << '\n';
            return 1;
        }
    }
    err << Tr::tr("burst-sandbox: serving the Kubernetes API at %1 (cluster id %2)")
               .arg(server.url(), clusterId)
        << '\n';
    err.flush();

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    }
    // The burst scheduler places pods by SPEC section 2 and admits CCI pods into the CCI store;
    // it runs on the simulator's thread only. Declared after both stores, so destroyed first.
    core::sandbox::Scheduler scheduler(store, cciStore, clock, clusterId, schedulerOptions);
    core::sandbox::ClusterSimulator simulator(store, clock);
    simulator.setScheduleStep([&scheduler] { scheduler.reconcile(); });
    core::sandbox::PodChurnOptions churnOptions;
    churnOptions.eventsPerSecond = churnRate;
    churnOptions.maxEvents = parser.value(QStringLiteral("churn-events")).toLongLong();
    core::sandbox::PodChurn churn(store, clock, preload, churnOptions);
    QElapsedTimer churnClock;
    if (churnRate > 0) {
        // The first tick lists every pod in pages; churn started before it could outrun the
        // list's history (a continue token expires, the list starts over, again and again).
        simulator.step();
        churn.start();
        churnClock.start();
    }
    if (churnRate > 0 && churnOptions.maxEvents > 0) {
        // A soak waits for this line, then checks its client against a quiet cluster.
        auto *finished = new QTimer(&app);
        QObject::connect(finished, &QTimer::timeout, &app, [&, finished] {
            if (!churn.isFinished())
                return;
            finished->stop();
            churn.stop();
            err << Tr::tr("burst-sandbox: the churn wrote %1 pod events in %2 ms and stopped")
                       .arg(churn.events())
                       .arg(churnClock.elapsed())
                << '\n';
            err.flush();
        });
        finished->start(50);
    }
    simulator.start();
    const int rc = app.exec();
    churn.stop();
    if (churnRate > 0)
        err << Tr::tr("burst-sandbox: the churn wrote %1 pod events").arg(churn.events()) << '\n';
    if (faults.any()) {
        const core::sandbox::FaultCounts &hit = (*router)->faultCounts();
        err << Tr::tr("burst-sandbox: faults injected: %1 answered 429, %2 answered 500, %3 "
                      "watches answered 410, %4 requests delayed, %5 watch streams cut, %6 "
                      "stalled")
                   .arg(hit.tooManyRequests.load())
                   .arg(hit.internalErrors.load())
                   .arg(hit.gone.load())
                   .arg(hit.delayed.load())
                   .arg(hit.droppedStreams.load())
                   .arg(hit.stalledStreams.load())
            << '\n';
    }
    cciServer.stop();
    simulator.stop();
    server.stop();
    return rc;
}
