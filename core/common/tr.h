#pragma once

#include <QCoreApplication>

namespace core {

// Translation context for every user-visible string of the core layer (lupdate reads "core").
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(core)
};

} // namespace core
