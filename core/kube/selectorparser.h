#pragma once

#include "core/common/result.h"
#include "core/kube/fieldselector.h"
#include "core/kube/labelselector.h"

#include <QString>

namespace core::kube {

// Parses a label selector string as `kubectl -l` and the API's `labelSelector=` parameter accept
// it (k8s.io/apimachinery/pkg/labels Parse):
//   x=a  x==a  x!=a  x in (a,b)  x notin (a)  x  !x   joined by ',' (AND)
// `=`/`==` become In with one value and `!=` becomes NotIn with one value, so `x!=a` also matches
// objects without the label. Requirements come out sorted by key, values sorted and unique, as
// Kubernetes produces them. `>` and `<` (Gt/Lt) are valid Kubernetes syntax that LabelSelector
// cannot express; they are rejected with the code "selector.unsupportedOperator".
// Error codes: "selector.syntax", "selector.key", "selector.value", "selector.unsupportedOperator".
Result<LabelSelector> parseLabelSelector(const QString &text);

} // namespace core::kube
