#pragma once

#include "core/common/result.h"
#include "core/kube/connection.h"
#include "core/kube/kubeconfigtypes.h"

#include <QString>

namespace core::kube {

// kubectl's connection flags; empty = not given.
struct KubeconfigOverrides
{
    QString kubeconfigPath; // --kubeconfig: this file only, no KUBECONFIG merge
    QString context;
    QString cluster;
    QString user;
    QString nameSpace;
    QString server;
    QString token;
    bool insecureSkipTlsVerify = false;
};

// Loads the kubeconfig as kubectl does (--kubeconfig, else KUBECONFIG merged by kubectl's rules,
// else ~/.kube/config), applies the overrides and resolves the chosen context into a Connection
// (files read, relative paths resolved against the file that named them).
Result<Connection> loadConnection(const KubeconfigOverrides &overrides);

// The kubeconfig loadConnection reads: overrides.kubeconfigPath, $KUBECONFIG and $HOME.
Result<Kubeconfig> loadKubeconfig(const KubeconfigOverrides &overrides);

// Resolves the context chosen by `overrides` (else current-context) of an already loaded
// kubeconfig, as kubectl's DirectClientConfig does with its flags: relative paths resolved
// against the file that named them, CA/client certificate/key/tokenFile read, exec validated.
// --token replaces the user's tokenFile and exec plugin; --insecure-skip-tls-verify drops the CA;
// --server drops tls-server-name. Errors use kubectl's wording where kubectl has one.
Result<Connection> resolveConnection(const Kubeconfig &config,
                                     const KubeconfigOverrides &overrides);

} // namespace core::kube
