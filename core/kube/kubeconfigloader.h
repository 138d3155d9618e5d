#pragma once

#include "core/common/result.h"
#include "core/kube/kubeconfigtypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::kube {

// Where kubectl looks for kubeconfig files, as values so tests need not touch the environment.
struct KubeconfigSearch
{
    QString explicitPath;  // --kubeconfig
    QString kubeconfigEnv; // $KUBECONFIG
    QString homeDir;       // $HOME

    static KubeconfigSearch fromEnvironment(const QString &explicitPath);
};

// client-go's loading precedence: the explicit file alone, else $KUBECONFIG split on ':' with
// duplicates removed (empty entries stay and are skipped when loading), else ~/.kube/config.
QStringList kubeconfigPrecedence(const KubeconfigSearch &search);

// One file decoded; a missing file is an error with code "kubeconfig.missing".
Result<Kubeconfig> readKubeconfigFile(const QString &path);

// client-go's ClientConfigLoadingRules.Load merge, `configs` highest precedence first: for each
// map (clusters, users, contexts, extensions) the first file that names an entry wins it whole;
// current-context and each preference from the first file that sets them.
Kubeconfig mergeKubeconfigs(const QList<Kubeconfig> &configs);

// Reads and merges the files of kubeconfigPrecedence(): missing files are skipped except an
// explicit one; a file that does not parse fails the whole load, as it does for kubectl.
Result<Kubeconfig> loadKubeconfig(const KubeconfigSearch &search);

// Reads a file; on failure `error` says why in the words of Go's os package, as kubectl shows it
// ("open PATH: no such file or directory", "read PATH: is a directory").
std::optional<QByteArray> readFileLikeGo(const QString &path, QString *error);

// `path` as written in `sourceFile` made absolute (client-go's ResolvePaths: relative to the
// directory of the file, cleaned); empty stays empty.
QString resolveKubeconfigPath(const QString &path, const QString &sourceFile);

} // namespace core::kube
