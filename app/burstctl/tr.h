#pragma once

#include <QCoreApplication>

namespace cli {

// Translation context for every user-visible string of burstctl (lupdate reads "burstctl").
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(burstctl)
};

} // namespace cli
