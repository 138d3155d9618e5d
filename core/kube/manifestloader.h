#pragma once

#include "core/kube/jsonyaml.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::kube {

// A file that could not be read, or a document in it that is not a Kubernetes object.
struct ParseError
{
    ParseError() = default;
    ParseError(QString file, int line, int column, QString message, QString code = {},
               QString hint = {})
        : file(std::move(file)), line(line), column(column), message(std::move(message)),
          code(std::move(code)), hint(std::move(hint))
    {
    }

    QString file;
    int line = 0; // 1-based; 0 when the whole file is concerned
    int column = 0;
    QString message;
    QString code; // stable, for limits and refused input ("manifest.limit.aliasExpansion"); may be empty
    QString hint; // how to fix it; may be empty

    QString toString() const; // "FILE:LINE:COL: message [code] Fix: hint"
};

// One Kubernetes object from a manifest, with where it came from.
struct ManifestObject
{
    QString file;
    int document = 0; // 0-based index of the YAML document in the file
    QString itemPath; // "items[3]" when it came from a `kind: List`, else empty
    QJsonObject object;
    SourcePos pos;         // where the object starts
    PositionMap positions; // field paths relative to `object`

    QString kind() const { return object.value(u"kind").toString(); }
    QString apiVersion() const { return object.value(u"apiVersion").toString(); }
    QString name() const;
    QString nameSpace() const;                       // metadata.namespace, "" when unset
    SourcePos positionOf(const QString &path) const; // nearest known ancestor's position
};

struct LoadResult
{
    QList<ManifestObject> objects;
    QList<ParseError> errors;
};

// One YAML document of a stream, as ManifestObject::document counts them: empty and comment-only
// documents are skipped. `offset` counts bytes from the start of the text after a UTF-8 BOM.
struct DocumentChunk
{
    QByteArray text;
    int firstLine = 0; // 0-based line of the chunk's first line (a "---" marker line if any)
    qsizetype offset = 0;
};

QList<DocumentChunk> splitYamlDocuments(const QByteArray &textWithoutBom);

// Reads multi-document YAML or JSON; expands `kind: List`. A document that fails to parse is
// reported with its position and the other documents still load. Never throws. A hostile text
// meets the limits of core/kube/yamllimits.h and these (docs/limits.md): a document that breaks
// one is refused with a ParseError naming the limit; nothing is expanded to find out.
namespace limits {
// Our own: the most text read from one manifest file (twenty API-server-sized objects and more).
inline constexpr qint64 kMaxManifestFileBytes = 64 * 1024 * 1024;
// Our own: documents loaded from one file; the rest are refused with one error.
inline constexpr int kMaxDocuments = 10000;
} // namespace limits

LoadResult loadManifests(const QByteArray &text, const QString &fileName);
// "-" reads standard input.
LoadResult loadManifestFile(const QString &path);
// Files as given, folders expanded recursively to their *.yaml, *.yml, *.json in sorted order.
QStringList expandManifestPaths(const QStringList &paths);
// Loads every file of expandManifestPaths(paths), results concatenated.
LoadResult loadManifestPaths(const QStringList &paths);

} // namespace core::kube
