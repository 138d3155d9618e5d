#include "core/kube/execcredential.h"
#include "tests/fuzz/fuzzinput.h"

// An exec plugin's stdout (an ExecCredential), read for each apiVersion the kubeconfig can name.
// The first byte picks the apiVersion; the rest is the plugin's output.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    static const QString versions[] = {QStringLiteral("client.authentication.k8s.io/v1"),
                                       QStringLiteral("client.authentication.k8s.io/v1beta1"),
                                       QStringLiteral("client.authentication.k8s.io/v1alpha1"),
                                       QString()};
    if (size == 0)
        return 0;
    const QString &apiVersion = versions[data[0] % 4];
    core::kube::execcredential::parseOutput(fuzz::bytes(data + 1, size - 1), apiVersion);
    return 0;
}
