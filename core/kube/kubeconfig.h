#pragma once

#include "core/common/result.h"
#include "core/kube/connection.h"

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

} // namespace core::kube
