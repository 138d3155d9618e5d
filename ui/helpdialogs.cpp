#include "ui/helpdialogs.h"

#include "core/burst/preview.h"

#include <QApplication>
#include <QMessageBox>

namespace ui {

QString HelpDialogs::summary()
{
    return tr("Edit and preview CCE-to-CCI burst policies in manifest files: the pod CCI runs, "
              "with diagnostics, and a What-if of where pods go as replicas change. Connected to "
              "a cluster (--context), it lists the pods that burst to CCI, live.");
}

QString HelpDialogs::decidedRulesText()
{
    QString text = tr("Where the CCI guide is silent, Burst Console decides:") + u'\n';
    for (const QString &rule : core::burst::decidedRules())
        text += u"\n• " + rule;
    return text;
}

void HelpDialogs::decidedRules(QWidget *parent)
{
    QMessageBox::information(parent, tr("Decided rules"), decidedRulesText());
}

void HelpDialogs::about(QWidget *parent)
{
    QMessageBox::about(parent, tr("About Burst Console"),
                       QStringLiteral("<h3>%1</h3><p>%2</p>")
                           .arg(tr("Burst Console %1").arg(QApplication::applicationVersion()),
                                summary().toHtmlEscaped()));
}

} // namespace ui
