#include "core/kube/selectorparser.h"
