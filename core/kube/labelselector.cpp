#include "core/kube/labelselector.h"
