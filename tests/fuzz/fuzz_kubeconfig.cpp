#include "core/kube/kubeconfigloader.h"
#include "tests/fuzz/fuzzinput.h"

#include <QFile>
#include <QTemporaryDir>

// A kubeconfig file read and decoded the way client-go's clientcmd does (readKubeconfigFile: the
// YAML, its conversion to JSON and decodeKubeconfig), from any bytes written to a file.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    static QTemporaryDir dir;
    static const QString path = dir.filePath(QStringLiteral("config"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fuzz::fail("the kubeconfig file can be written", path.toUtf8());
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    const core::Result<core::kube::Kubeconfig> config = core::kube::readKubeconfigFile(path);
    if (!config)
        FUZZ_CHECK(!config.error().message.isEmpty(), fuzz::bytes(data, size));
    return 0;
}
