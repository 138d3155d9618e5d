#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace YAML {
class Node;
}

namespace core::kube {

// 1-based line and column in a source file; 0 means unknown.
struct SourcePos
{
    int line = 0;
    int column = 0;
    bool isValid() const { return line > 0; }
    bool operator==(const SourcePos &) const = default;
};

// Field path ("spec.template.spec.containers[0].image") -> where its key (or sequence item) is.
using PositionMap = QHash<QString, SourcePos>;

// Converts a parsed YAML node to JSON the way kubectl does (sigs.k8s.io/yaml on go-yaml v2, i.e.
// YAML 1.1 plain-scalar resolution): plain `off`, `no`, `on`, `yes`, `y`, `n`, `true`, `false`
// become booleans, `~`/`null`/empty become null, integers (decimal, 0x, 0o/leading-0 octal, 0b,
// underscores) and floats become numbers; quoted and block scalars stay strings. Records the
// position of every field when `positions` is given. `lineOffset` is added to yaml-cpp's lines.
// Throws YamlProblemError (core/kube/yamllimits.h) past kMaxNestingDepth or kMaxDecodedNodes, so
// an alias cycle ends there.
QJsonValue yamlToJson(const YAML::Node &node, int lineOffset = 0, PositionMap *positions = nullptr,
                      const QString &path = {});

// Resolves one plain (unquoted) scalar as go-yaml v2 does.
QJsonValue resolvePlainScalar(const QString &text);

// `root` with the value at `path` (map keys, "[i]" for array items) set, or removed when `value`
// is nullopt; missing maps are created. Used where a text edit is impossible and the object is
// written out whole instead.
QJsonValue withValueAt(const QJsonValue &root, const QStringList &path,
                       const std::optional<QJsonValue> &value);

// "a boolean", "a number", "a string", "a list", "a mapping" or "null", translated: for messages
// that say which JSON type was found.
QString jsonTypeName(const QJsonValue &value);

// Block-style YAML for display and `-o yaml`; strings that a YAML 1.1 reader would take for a
// bool, number or null are quoted so the text reads back as the same JSON.
QByteArray jsonToYaml(const QJsonValue &value);

} // namespace core::kube
