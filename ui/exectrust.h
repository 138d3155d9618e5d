#pragma once

#include "core/kube/connection.h"

#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace ui {

// An exec credential plugin runs only once the operator has seen and trusted its exact command
// line, remembered in the trust file burstctl shares (core::kube::defaultExecTrustFile()).
// When `connection` has an exec user, asks (unless that command line is trusted already, or the
// user is defined in one of `trustedFiles`: kubeconfigs the caller wrote itself, as run.sh does
// with --trust-exec-in), records the trust and attaches the plugin's credential provider.
// Returns false when the operator declines: do not connect then.
bool approveExecPlugin(QWidget *parent, core::kube::Connection &connection,
                       const QStringList &trustedFiles = {});

// The question approveExecPlugin asks, with the exact command line.
QString execTrustQuestion(const core::kube::Connection &connection);

// Tests answer for the operator: the handler gets the question instead of a dialog. An empty
// handler restores the dialog.
using ExecTrustAnswer = std::function<bool(const QString &question)>;
void setExecTrustAnswer(ExecTrustAnswer answer);

} // namespace ui
