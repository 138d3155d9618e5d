#include "core/kube/manifestloader.h"
