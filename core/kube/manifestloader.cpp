#include "core/kube/manifestloader.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/kube/yamllimits.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace core::kube {

QString ParseError::toString() const
{
    QString text = message;
    if (!code.isEmpty())
        text += QStringLiteral(" [") + code + QLatin1Char(']');
    if (!hint.isEmpty())
        text += QLatin1Char(' ') + Tr::tr("Fix: %1").arg(hint);
    if (line <= 0)
        return file + QStringLiteral(": ") + text;
    return QStringLiteral("%1:%2:%3: %4").arg(file).arg(line).arg(qMax(column, 1)).arg(text);
}

QString ManifestObject::name() const
{
    const QJsonObject meta = object.value(u"metadata").toObject();
    const QString name = meta.value(u"name").toString();
    return name.isEmpty() ? meta.value(u"generateName").toString() : name;
}

QString ManifestObject::nameSpace() const
{
    return namespaceOf(object);
}

SourcePos ManifestObject::positionOf(const QString &path) const
{
    QString p = path;
    while (!p.isEmpty()) {
        const auto it = positions.constFind(p);
        if (it != positions.constEnd())
            return *it;
        const qsizetype cut =
            qMax(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            break;
        p.truncate(cut);
    }
    return pos;
}

namespace {

using Chunk = DocumentChunk;

bool isMarkerLine(const QByteArray &line, const char *marker)
{
    if (!line.startsWith(marker))
        return false;
    return line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t' || line.at(3) == '\r';
}

bool isCommentOnly(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#') && t != "---")
            return false;
    }
    return true;
}

void addObject(LoadResult &result, const QString &file, int document, const QString &itemPath,
               const QJsonObject &object, SourcePos pos, PositionMap positions)
{
    ManifestObject mo{file, document, itemPath, object, pos, std::move(positions)};
    if (object.value(u"kind").toString().isEmpty()) {
        result.errors.append(ParseError{file, pos.line, pos.column,
                                        Tr::tr("object has no \"kind\"; every Kubernetes object "
                                               "needs apiVersion and kind")});
        return;
    }
    result.objects.append(std::move(mo));
}

PositionMap rebase(const PositionMap &positions, const QString &prefix)
{
    PositionMap out;
    const QString dotted = prefix + QLatin1Char('.');
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        if (it.key().startsWith(dotted))
            out.insert(it.key().mid(dotted.size()), it.value());
    }
    return out;
}

void addDocument(LoadResult &result, const QString &file, int document, const QJsonValue &value,
                 const PositionMap &positions, SourcePos docPos)
{
    if (value.isNull())
        return;
    if (!value.isObject()) {
        result.errors.append(ParseError{file, docPos.line, docPos.column,
                                        Tr::tr("document is not a mapping; expected a Kubernetes "
                                               "object with apiVersion, kind and metadata")});
        return;
    }
    const QJsonObject object = value.toObject();
    const QString kind = object.value(u"kind").toString();
    if (kind == u"List" || (kind.endsWith(u"List") && object.value(u"items").isArray())) {
        const QJsonArray items = object.value(u"items").toArray();
        for (int i = 0; i < items.size(); ++i) {
            const QString itemPath = QStringLiteral("items[%1]").arg(i);
            const SourcePos itemPos = positions.value(itemPath, docPos);
            if (!items.at(i).isObject()) {
                result.errors.append(ParseError{file, itemPos.line, itemPos.column,
                                                Tr::tr("%1 is not an object").arg(itemPath)});
                continue;
            }
            addObject(result, file, document, itemPath, items.at(i).toObject(), itemPos,
                      rebase(positions, itemPath));
        }
        return;
    }
    addObject(result, file, document, QString(), object, docPos, positions);
}

// yaml-cpp reports errors found at the end of input one line past the text; an editor wants
// the last line that has content.
ParseError errorAt(const Chunk &chunk, const YAML::Mark &mark, const QString &fileName,
                   const QString &message)
{
    const QList<QByteArray> lines = chunk.text.split('\n');
    int last = int(lines.size()) - 1;
    while (last > 0 && lines.at(last).trimmed().isEmpty())
        --last;
    int line = mark.line >= 0 ? mark.line : 0;
    int column = mark.column >= 0 ? mark.column + 1 : 1;
    if (line > last) {
        line = last;
        column = int(lines.at(last).size()) + 1;
    }
    return ParseError{fileName, line + 1 + chunk.firstLine, column, message};
}

ParseError problemAt(const QString &fileName, const YamlProblem &p, int lineOffset)
{
    return ParseError{fileName, p.pos.line + lineOffset, p.pos.column, p.message, p.code, p.hint};
}

// A document refused before it is parsed into nodes: too large, not UTF-8, or one of the limits
// checkYamlDocument() enforces. Positions are the file's.
std::optional<ParseError> refuseChunk(const Chunk &chunk, const QString &fileName)
{
    if (chunk.text.size() > limits::kMaxDocumentBytes) {
        return ParseError{fileName,
                          chunk.firstLine + 1,
                          1,
                          Tr::tr("the document is %1 bytes, more than the limit of %2 bytes "
                                 "(kMaxDocumentBytes, the API server's largest request)")
                              .arg(chunk.text.size())
                              .arg(limits::kMaxDocumentBytes),
                          QStringLiteral("manifest.limit.documentSize"),
                          Tr::tr("split the object; the cluster would refuse it as well")};
    }
    const qsizetype bad = firstInvalidUtf8(chunk.text);
    if (bad >= 0) {
        const QByteArray before = chunk.text.left(bad);
        const int line = int(before.count('\n'));
        const int column = int(bad - (before.lastIndexOf('\n') + 1)) + 1;
        return ParseError{fileName,
                          chunk.firstLine + line + 1,
                          column,
                          Tr::tr("invalid UTF-8: byte 0x%1 does not belong here")
                              .arg(uint(uchar(chunk.text.at(bad))), 2, 16, QLatin1Char('0')),
                          QStringLiteral("manifest.yaml.invalidUtf8"),
                          Tr::tr("save the file as UTF-8")};
    }
    if (needsFullYamlCheck(chunk.text)) {
        if (const std::optional<YamlProblem> p = checkYamlDocument(chunk.text))
            return problemAt(fileName, *p, chunk.firstLine);
    }
    return std::nullopt;
}

ParseError tooLarge(const QString &fileName, qint64 size)
{
    return ParseError{fileName, 0, 0,
                      Tr::tr("the file is %1 bytes, more than the limit of %2 bytes "
                             "(kMaxManifestFileBytes)")
                          .arg(size)
                          .arg(limits::kMaxManifestFileBytes),
                      QStringLiteral("manifest.limit.fileSize"),
                      Tr::tr("split the file into several")};
}

} // namespace

// YAML forbids "---" and "..." at column 0 inside any scalar, so these lines always separate
// documents; splitting lets one broken document be reported while the others still load.
QList<DocumentChunk> splitYamlDocuments(const QByteArray &text)
{
    QList<Chunk> chunks;
    Chunk current;
    int lineNo = 0;
    qsizetype start = 0;
    auto flush = [&chunks](const Chunk &c) {
        if (!c.text.trimmed().isEmpty() && !isCommentOnly(c.text))
            chunks.append(c);
    };
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArray line = text.mid(start, end - start);
        if (isMarkerLine(line, "---")) {
            flush(current);
            current = Chunk{line + '\n', lineNo, start};
        } else if (isMarkerLine(line, "...")) {
            flush(current);
            current = Chunk{QByteArray(), lineNo + 1, end + 1};
        } else {
            current.text += line;
            current.text += '\n';
        }
        ++lineNo;
        start = end + 1;
    }
    flush(current);
    return chunks;
}

LoadResult loadManifests(const QByteArray &rawText, const QString &fileName)
{
    LoadResult result;
    QByteArray text = rawText;
    if (text.size() > limits::kMaxManifestFileBytes) {
        result.errors.append(tooLarge(fileName, text.size()));
        return result;
    }
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    int document = 0;
    for (const Chunk &chunk : splitYamlDocuments(text)) {
        if (document >= limits::kMaxDocuments) {
            result.errors.append(ParseError{
                fileName, chunk.firstLine + 1, 1,
                Tr::tr("the file has more than %1 documents (limit kMaxDocuments); this one and "
                       "those after it are not loaded")
                    .arg(limits::kMaxDocuments),
                QStringLiteral("manifest.limit.documents"), Tr::tr("split the file into several")});
            break;
        }
        try {
            if (const std::optional<ParseError> refused = refuseChunk(chunk, fileName)) {
                result.errors.append(*refused);
                ++document;
                continue;
            }
            YAML::Node node;
            try {
                node = YAML::Load(chunk.text.toStdString());
            } catch (const YAML::DeepRecursion &) { // only when the full check did not run
                if (const std::optional<YamlProblem> p = checkYamlDocument(chunk.text))
                    throw YamlProblemError(YamlProblem{p->code, p->message, p->hint,
                                                       SourcePos{p->pos.line + chunk.firstLine,
                                                                 p->pos.column}});
                throw;
            }
            if (!needsFullYamlCheck(chunk.text)) {
                if (const std::optional<YamlProblem> p = checkLoadedDocument(node, chunk.text)) {
                    result.errors.append(problemAt(fileName, *p, chunk.firstLine));
                    ++document;
                    continue;
                }
            }
            PositionMap positions;
            const QJsonValue value = yamlToJson(node, chunk.firstLine, &positions);
            const YAML::Mark mark = node.Mark();
            const SourcePos docPos{mark.line >= 0 ? mark.line + 1 + chunk.firstLine
                                                  : chunk.firstLine + 1,
                                   mark.column >= 0 ? mark.column + 1 : 1};
            addDocument(result, fileName, document, value, positions, docPos);
        } catch (const YamlProblemError &e) {
            result.errors.append(problemAt(fileName, e.problem(), 0));
        } catch (const YAML::Exception &e) {
            result.errors.append(errorAt(chunk, e.mark, fileName, QString::fromStdString(e.msg)));
        } catch (const std::exception &e) {
            result.errors.append(
                ParseError{fileName, chunk.firstLine + 1, 1, QString::fromLocal8Bit(e.what())});
        }
        ++document;
    }
    return result;
}

LoadResult loadManifestFile(const QString &path)
{
    QFile file;
    bool opened = false;
    if (path == u"-")
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        LoadResult result;
        result.errors.append(
            ParseError{path, 0, 0, Tr::tr("cannot read file: %1").arg(file.errorString())});
        return result;
    }
    const QString name = path == u"-" ? QStringLiteral("<stdin>") : path;
    if (!file.isSequential() && file.size() > limits::kMaxManifestFileBytes) {
        LoadResult result;
        result.errors.append(tooLarge(name, file.size()));
        return result;
    }
    // A pipe says nothing of its size: read one byte past the limit to know it is too large.
    const QByteArray text = file.read(limits::kMaxManifestFileBytes + 1);
    return loadManifests(text, name);
}

QStringList expandManifestPaths(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (path == u"-" || !QFileInfo(path).isDir()) {
            files.append(path);
            continue;
        }
        QDirIterator it(
            path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
            QDir::Files, QDirIterator::Subdirectories);
        QStringList found;
        while (it.hasNext())
            found.append(it.next());
        found.sort();
        files += found;
    }
    return files;
}

LoadResult loadManifestPaths(const QStringList &paths)
{
    LoadResult all;
    for (const QString &file : expandManifestPaths(paths)) {
        const LoadResult r = loadManifestFile(file);
        all.objects += r.objects;
        all.errors += r.errors;
    }
    return all;
}

} // namespace core::kube
