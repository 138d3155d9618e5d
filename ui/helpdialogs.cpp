#include "ui/helpdialogs.h"

#include <QApplication>
#include <QMessageBox>

namespace ui {

void HelpDialogs::decidedRules(QWidget *parent)
{
    QMessageBox::information(
        parent, tr("Decided rules"),
        tr("Where the CCI guide is silent, Burst Console decides:\n\n"
           "• Precedence: pod-template label > workload label > ScheduleProfile > none.\n"
           "• An invalid label value is an error and is ignored, never read as off.\n"
           "• A ScheduleProfile with an empty selector captures no pods.\n"
           "• hostPath rule \"*\" covers every hostPath volume no named rule covers.\n"
           "• When an init container dominates a resource, the first app container is "
           "raised just enough for the pod to reach the normalized value.\n"
           "• Pod cpu must be a multiple of 250m.\n"
           "• The auto strategy is simulated as an approximation of the real scheduler.\n"
           "• Scale-down: the location with the higher scaleDownPriority loses pods first; "
           "ties remove CCI pods first."));
}

void HelpDialogs::about(QWidget *parent)
{
    QMessageBox::about(parent, tr("About Burst Console"),
                       tr("<h3>Burst Console %1</h3><p>Edit and preview CCE-to-CCI burst "
                          "policies and see exactly what pod CCI runs.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace ui
