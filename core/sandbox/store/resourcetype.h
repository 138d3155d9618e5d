#pragma once

#include "core/kube/resourcetypes.h"

namespace core::sandbox {

// A group/version/resource the sandbox serves: the project's one description of a resource type
// (core/kube/resourcetypes.h). Identity, and so the store's keys and hashing, is
// group/version/resource; the kind labels objects, lists and bookmarks.
using kube::ResourceType;

// The built-in resources the sandbox's own code reads and writes, from the registry.
using kube::deploymentsType;
using kube::jobsType;
using kube::namespacesType;
using kube::networksType;
using kube::nodesType;
using kube::podsType;
using kube::replicaSetsType;
using kube::scheduleProfilesType;
using kube::servicesType;
using kube::statefulSetsType;

} // namespace core::sandbox
