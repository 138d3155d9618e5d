#include "core/kube/workload.h"
