#pragma once

#include "core/sandbox/store/apistatus.h"

#include <QByteArray>
#include <QJsonObject>

namespace core::sandbox {

// Request bodies in Kubernetes' protobuf encoding (Content-Type:
// application/vnd.kubernetes.protobuf), which kubectl 1.33 and later sends for built-in types
// (`kubectl create deployment`, `auth can-i`, the deletes of `drain`). The sandbox keeps and
// answers JSON, so a body is turned into the JSON object the same client would have sent:
//
// - the envelope is the 4 bytes "k8s\0" and a runtime.Unknown naming apiVersion and kind;
// - the message is read with the schema in k8s-protobuf.schema, written from k8s.io/api and
//   k8s.io/apimachinery by scripts/k8s-protobuf-schema.py (field numbers and types from their
//   generated.proto, JSON names, pointers and omitempty from their Go types);
// - a zero of a non-pointer omitempty field is left out, as encoding/json leaves it out; Time,
//   MicroTime, Duration, Quantity, IntOrString, RawExtension, FieldsV1 and the one-list
//   wrappers (Verbs, ExtraValue) get their JSON forms.
//
// Hostile input is refused with a 400 naming the field: truncated varints and lengths, wrong
// wire types, groups, nesting over 100 levels. A kind the schema does not hold is a 415.
bool isKubernetesProtobuf(const QByteArray &contentType);
ServerResult<QJsonObject> kubernetesProtobufToJson(const QByteArray &body);

} // namespace core::sandbox
