#pragma once

#include <QCoreApplication>

namespace ui {

// Translation context for the widgets layer.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(ui)
};

} // namespace ui
