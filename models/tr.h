#pragma once

#include <QCoreApplication>

namespace models {

// Translation context for the models layer.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(models)
};

} // namespace models
