#include "core/kube/execstatus.h"
#include "core/sandbox/node/execshell.h"
#include "tests/fuzz/fuzzinput.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

// The exec protocol's channel frames (v4/v5.channel.k8s.io: one byte of channel, then the
// payload) as both ends read them: the client's status channel (3, a metav1.Status with the exit
// code), and the sandbox's stdin (0: a command line for its shell), resize (4: {"Width","Height"})
// and close (255) channels. Several frames per input, cut at NUL bytes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    core::sandbox::ExecContext context;
    context.podName = QStringLiteral("web-0");
    context.nameSpace = QStringLiteral("default");
    context.podIp = QStringLiteral("10.0.0.7");
    context.image = QStringLiteral("busybox");
    context.env = {{QStringLiteral("HOME"), QStringLiteral("/root")}};
    context.now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    core::sandbox::ExecShell shell(context);
    for (const QByteArray &frame : fuzz::fields(data, size, 8)) {
        if (frame.isEmpty())
            continue;
        const QByteArray payload = frame.mid(1);
        switch (quint8(frame.at(0)) % 5) {
        case 0: {
            const core::sandbox::ExecResult result = shell.runLine(QString::fromUtf8(payload));
            if (result.exited)
                return 0;
            break;
        }
        case 3:
            core::kube::decodeExecStatus(payload);
            break;
        case 4: {
            const QJsonObject resize = QJsonDocument::fromJson(payload).object();
            shell.setTerminalSize(resize.value(u"Width").toInt(), resize.value(u"Height").toInt());
            break;
        }
        default:
            shell.runArgv(QString::fromUtf8(payload).split(u' '));
            break;
        }
    }
    return 0;
}
