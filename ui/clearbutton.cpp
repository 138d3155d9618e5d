#include "ui/clearbutton.h"

#include "ui/tr.h"

#include <QAction>
#include <QLineEdit>

namespace ui {

void enableClearButton(QLineEdit *edit)
{
    edit->setClearButtonEnabled(true);
    // The button takes its text from this action (Qt's name for it, stable since Qt 5.2).
    if (auto *clear = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction")))
        clear->setText(Tr::tr("Clear"));
}

} // namespace ui
