#include "core/kube/quantity.h"
