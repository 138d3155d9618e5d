#pragma once

#include "core/kube/jsonyaml.h"

#include <QByteArray>
#include <QString>

#include <yaml-cpp/exceptions.h>

#include <optional>

namespace YAML {
class Node;
}

namespace core::kube {

// What a hostile manifest meets. Each value, where it comes from and why is in docs/limits.md; the
// error that reports a limit names it and its value.
namespace limits {
// go-yaml (v2.2.8 and later, v3, and sigs.k8s.io/yaml's forks of both that kubectl uses),
// decode.go: alias_ratio_range_low / _high and the check in unmarshal(). Up to the low mark 99% of
// the decoded nodes may come from alias expansion, past the high mark 10%, linearly in between;
// the check starts once more than 100 alias-driven and 1000 nodes in all were decoded.
inline constexpr qint64 kAliasRatioRangeLow = 400000;
inline constexpr qint64 kAliasRatioRangeHigh = 4000000;
inline constexpr qint64 kAliasCheckMinAliasNodes = 100;
inline constexpr qint64 kAliasCheckMinNodes = 1000;
// yaml-cpp 0.7's parser (SingleDocParser, DepthGuard<500>) refuses deeper source nesting; the same
// bound holds after aliases are expanded. Stricter than encoding/json's maxNestingDepth and
// go-yaml v3's max_flow_level / max_indents (10000), far above what a real object needs.
inline constexpr int kMaxNestingDepth = 500;
// The API server refuses a request body over 3 MiB (k8s.io/apiserver, server.Config
// MaxRequestBodyBytes = 3 * 1024 * 1024): the most one object can be, in the file and expanded.
inline constexpr qint64 kMaxDocumentBytes = 3 * 1024 * 1024;
// etcd's default --max-request-bytes (1.5 MiB): no value longer than this can be stored.
inline constexpr qint64 kMaxStringBytes = 1536 * 1024;
// Our own: a backstop in yamlToJson for nodes decoded from one document (go-yaml's high mark).
inline constexpr qint64 kMaxDecodedNodes = kAliasRatioRangeHigh;
// Our own: field paths longer than this get no position of their own (positionOf() falls back to
// the nearest ancestor), so deep documents cost memory linear in their size.
inline constexpr qsizetype kMaxPositionPathChars = 1024;
} // namespace limits

// go-yaml's allowedAliasRatio(decodeCount).
double allowedAliasRatio(qint64 decodeCount);

// A document refused before or while it is converted: a limit above, an alias to its own anchor,
// a quoted scalar that is never closed. Line and column are 1-based within the text checked.
struct YamlProblem
{
    QString code; // stable, e.g. "manifest.limit.aliasExpansion"
    QString message;
    QString hint;
    SourcePos pos;
};

// A YAML::Exception, so callers that catch yaml-cpp's errors catch this one too.
class YamlProblemError : public YAML::Exception
{
public:
    explicit YamlProblemError(YamlProblem problem);
    const YamlProblem &problem() const { return m_problem; }

private:
    YamlProblem m_problem;
};

// Walks one YAML document's parse events without building it and refuses what would exhaust
// memory or time when it is converted: excessive aliasing (go-yaml's rule, with the sizes of
// anchored subtrees so nothing is expanded), aliases to an enclosing anchor, nesting past
// kMaxNestingDepth, strings past kMaxStringBytes, expanded text past kMaxDocumentBytes, and a
// quoted scalar still open at the end of the text (yaml-cpp takes the end as its end). Throws
// YAML::Exception for syntax errors; returns the first problem found.
std::optional<YamlProblem> checkYamlDocument(const QByteArray &text);

// Whether a document needs checkYamlDocument(): it may hold anchors (so aliases) or a string past
// kMaxStringBytes. Without either, nothing can expand, yaml-cpp's own guard bounds the depth, and
// checkLoadedDocument() after loading covers the rest at no extra parse.
bool needsFullYamlCheck(const QByteArray &text);
// For a document loaded without checkYamlDocument(): a quoted scalar still open at the end of the
// text (only the last scalar can be).
std::optional<YamlProblem> checkLoadedDocument(const YAML::Node &root, const QByteArray &text);

// The first byte that is not well-formed UTF-8 (overlong forms, surrogates and values past
// U+10FFFF included), or -1.
qsizetype firstInvalidUtf8(const QByteArray &text);

} // namespace core::kube
