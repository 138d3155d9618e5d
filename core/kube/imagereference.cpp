#include "core/kube/imagereference.h"
