#include "core/kube/jsonyaml.h"
