#include "ui/helpdialogs.h"

#include "core/burst/preview.h"

#include <QApplication>
#include <QMessageBox>

namespace ui {

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
                       tr("<h3>Burst Console %1</h3><p>Edit and preview CCE-to-CCI burst "
                          "policies and see exactly what pod CCI runs.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace ui
