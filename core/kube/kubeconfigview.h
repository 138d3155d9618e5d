#pragma once

#include "core/common/result.h"
#include "core/kube/kubeconfigtypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::kube {

// The JSON `kubectl config view --raw -o json` prints for `config` (clientcmd/v1.Config: lists
// sorted by name, client-go's omitempty rules, file paths as written).
QJsonObject kubeconfigToJson(const Kubeconfig &config);

// kubectl's MinifyConfig: only `context` (default: current-context) and its cluster and user.
Result<Kubeconfig> minifyKubeconfig(const Kubeconfig &config, const QString &context = {});

// kubectl's FlattenConfig: certificate-authority, client-certificate and client-key files read
// (relative to the file that named them) and inlined as the -data fields.
Result<Kubeconfig> flattenKubeconfig(const Kubeconfig &config);

struct KubeconfigViewOptions
{
    bool minify = false;
    QString context; // --context; with minify, the context to keep
};

// `kubectl config view --flatten [--minify] [--context X] -o json`.
Result<QJsonObject> flattenedConfig(const Kubeconfig &config,
                                    const KubeconfigViewOptions &options = {});

// One row of the GUI's context list.
struct KubeconfigContextInfo
{
    QString name;
    QString cluster;
    QString user;
    QString nameSpace;
    bool current = false;
    QString sourceFile; // the file that defined the context
};

QList<KubeconfigContextInfo> listContexts(const Kubeconfig &config);

enum class KubeconfigEntry { Cluster, User, Context };

// The file that defined an entry ("" when no file defines it), for "where is this defined" hints.
QString sourceFileOf(const Kubeconfig &config, KubeconfigEntry kind, const QString &name);

} // namespace core::kube
