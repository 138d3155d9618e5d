#pragma once

#include "core/sandbox/store/apistatus.h"

#include <QJsonObject>

namespace core::sandbox {

// PUT or PATCH .../pods/NAME/ephemeralcontainers (`kubectl debug POD --image=...`): the stored
// pod with the client's spec.ephemeralContainers and nothing else of it, checked as
// ValidatePodEphemeralContainersUpdate checks them:
// - ephemeral containers already in the pod may be neither removed nor changed;
// - each new one needs a name (a DNS label) unique among all the pod's containers and an image;
// - ports, probes, lifecycle and resources are forbidden on an ephemeral container.
// A refusal is the 422 `Pod "web" is invalid: spec.ephemeralContainers[1].name: ...`. New ones
// get the defaults the API server gives containers: imagePullPolicy (Always for :latest or no
// tag, else IfNotPresent), terminationMessagePath and terminationMessagePolicy.
ServerResult<QJsonObject> prepareEphemeralContainersUpdate(const QJsonObject &stored,
                                                           const QJsonObject &sent);

} // namespace core::sandbox
