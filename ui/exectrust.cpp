#include "ui/exectrust.h"

#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/loginshellpath.h"
#include "ui/tr.h"

#include <QFileInfo>
#include <QMessageBox>

#include <algorithm>

namespace ui {

namespace {

ExecTrustAnswer &answerHandler()
{
    static ExecTrustAnswer answer;
    return answer;
}

bool sameFile(const QString &a, const QString &b)
{
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath();
}

} // namespace

QString execTrustQuestion(const core::kube::Connection &c)
{
    return Tr::tr("To connect to \"%1\", the kubeconfig user \"%2\" (defined in %3) runs "
                           "this command:\n\n%4\n\nRun it only if you expect it. Trust and run "
                           "it?")
        .arg(c.contextName, c.userName, c.userSourceFile,
             core::kube::ExecTrustStore::commandLine(*c.exec));
}

bool approveExecPlugin(QWidget *parent, core::kube::Connection &connection,
                       const QStringList &trustedFiles)
{
    if (!connection.exec)
        return true;
    auto trust = std::make_shared<core::kube::ExecTrustStore>(core::kube::defaultExecTrustFile());
    const bool known =
        trust->isTrusted(connection.userSourceFile, connection.userName, *connection.exec) ||
        std::any_of(trustedFiles.cbegin(), trustedFiles.cend(), [&](const QString &file) {
            return sameFile(file, connection.userSourceFile);
        });
    if (!known) {
        const QString question = execTrustQuestion(connection);
        const bool yes = answerHandler()
                             ? answerHandler()(question)
                             : QMessageBox::question(parent,
                                                     Tr::tr("Run a credential plugin?"),
                                                     question) == QMessageBox::Yes;
        if (!yes)
            return false;
    }
    trust->trust(connection.userSourceFile, connection.userName, *connection.exec);
    core::kube::attachExecCredentialProvider(connection, trust,
                                             std::make_shared<core::kube::LoginShellPath>());
    return true;
}

void setExecTrustAnswer(ExecTrustAnswer answer)
{
    answerHandler() = std::move(answer);
}

} // namespace ui
