#pragma once

#include "core/common/result.h"
#include "core/kube/connection.h"
#include "core/kube/kubeconfig.h"

#include <QCommandLineParser>
#include <QStringList>

// kubectl's connection flags for the burstctl commands that talk to a cluster.
namespace cli {

class ConnectionFlags
{
public:
    // --kubeconfig, --context, -n/--namespace, -A/--all-namespaces, --server, --token,
    // --insecure-skip-tls-verify; -A is left out of the help unless `allNamespaces`.
    void addTo(QCommandLineParser &parser, bool allNamespaces);
    // The same flags as a list (the completion script lists them).
    static QList<QCommandLineOption> options(bool allNamespaces);

    core::kube::KubeconfigOverrides overrides(const QCommandLineParser &parser) const;
    core::Result<core::kube::Connection> load(const QCommandLineParser &parser) const;

    // The namespace to use for a namespaced resource: "" with -A, else a non-empty -n, else
    // the context's namespace, else "default".
    static QString effectiveNamespace(const QCommandLineParser &parser,
                                      const core::kube::Connection &connection);

    // Moves the command word to the front: kubectl allows `--kubeconfig F get pods`, and main
    // dispatches on the first argument.
    static QStringList commandFirst(const QStringList &arguments);
};

} // namespace cli
