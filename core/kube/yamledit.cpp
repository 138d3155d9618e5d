#include "core/kube/yamledit.h"

#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"
#include "core/kube/yamlsource.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace core::kube::yamledit {

namespace {

using namespace core::kube::yamlsource;

struct Edit
{
    qsizetype pos = 0;
    qsizetype length = 0;
    QByteArray text;
};

struct Style
{
    bool flow = false;
    bool json = false;
    char quote = 0; // quote of the value being replaced, kept when the new value is a string
};

Error pathError(const QStringList &path, qsizetype step, const QString &why)
{
    return Error{QStringLiteral("yamledit.path"),
                 Tr::tr("cannot reach %1: %2").arg(path.mid(0, step + 1).join(u'.'), why),
                 Tr::tr("Check the field path against the document.")};
}

// ---- the node tree along a path ----

int indexStep(const QString &step) // "[3]" -> 3, anything else -> -1
{
    if (!step.startsWith(u'[') || !step.endsWith(u']'))
        return -1;
    bool ok = false;
    const int index = step.mid(1, step.size() - 2).toInt(&ok);
    return ok && index >= 0 ? index : -1;
}

qsizetype findChild(const Cursor &c, const QList<Child> &kids, const QString &step)
{
    if (c.node.IsSequence()) {
        const int index = indexStep(step);
        return index < kids.size() ? index : -1;
    }
    for (qsizetype i = kids.size() - 1; i >= 0; --i) { // the last duplicate wins, as when loading
        if (kids.at(i).key == step)
            return i;
    }
    return -1;
}

struct Step
{
    Cursor cursor;
    QList<Child> kids; // listed for every node but the one the whole path reaches
};

// The nodes along `path` from the document down to the last one that exists.
Result<QList<Step>> walk(const Doc &d, const QStringList &path)
{
    QList<Step> steps{Step{rootCursor(d), {}}};
    for (const QString &step : path) {
        Step &last = steps.last();
        if (!last.cursor.node.IsMap() && !last.cursor.node.IsSequence())
            break;
        Result<QList<Child>> kids = children(d, last.cursor);
        if (!kids)
            return kids.error();
        last.kids = *kids;
        const qsizetype i = findChild(last.cursor, last.kids, step);
        if (i < 0)
            break;
        const Cursor next = last.kids.at(i).value;
        steps.append(Step{next, {}});
    }
    return steps;
}

// ---- writing YAML ----

bool printable(QChar c)
{
    return c.isPrint() || c.isSurrogate();
}

// Plain only when a YAML 1.1 reader (kubectl) reads the text back as this same string.
bool plainSafe(const QString &s, bool flow)
{
    if (s.isEmpty() || !resolvePlainScalar(s).isString() || s.front().isSpace() ||
        s.back().isSpace() || s == u"<<" || s.startsWith(u"---") || s.startsWith(u"..."))
        return false;
    const QChar first = s.front();
    if (QStringView(u"#,[]{}&*!|>'\"%@`").contains(first) ||
        (QStringView(u"-?:").contains(first) && (s.size() == 1 || s.at(1).isSpace())))
        return false;
    if (s.contains(u": ") || s.contains(u" #") || s.endsWith(u':'))
        return false;
    for (const QChar c : s) {
        if (!printable(c) || (flow && c.unicode() < 0x80 && isFlowIndicator(char(c.unicode()))))
            return false;
    }
    return true;
}

QByteArray doubleQuoted(const QString &s)
{
    QByteArray out = "\"";
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\')
            out += QByteArray("\\") + char(u);
        else if (u == u'\n' || u == u'\t' || u == u'\r')
            out += u == u'\n' ? "\\n" : u == u'\t' ? "\\t" : "\\r";
        else if (!printable(c))
            out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
        else
            out += QString(c).toUtf8();
    }
    return out + '"';
}

QByteArray stringText(const QString &s, const Style &style)
{
    if (style.json || style.quote == '"')
        return doubleQuoted(s);
    if (style.quote == 0 && plainSafe(s, style.flow))
        return s.toUtf8();
    if (std::all_of(s.begin(), s.end(), printable)) // JSON text in annotations reads best so
        return "'" + QString(s).replace(u'\'', QStringLiteral("''")).toUtf8() + "'";
    return doubleQuoted(s);
}

QByteArray numberText(const QJsonValue &v)
{
    const qint64 i = v.toInteger(std::numeric_limits<qint64>::min());
    if (i != std::numeric_limits<qint64>::min() || v.toDouble() == double(i))
        return QByteArray::number(i);
    return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest).toUtf8();
}

// A scalar, or a collection in flow style.
QByteArray inlineText(const QJsonValue &v, const Style &style)
{
    const Style inner{true, style.json, 0};
    QList<QByteArray> items;
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return numberText(v);
    case QJsonValue::String:
        return stringText(v.toString(), style);
    case QJsonValue::Array:
        for (const QJsonValue &item : v.toArray())
            items.append(inlineText(item, inner));
        return '[' + items.join(", ") + ']';
    case QJsonValue::Object: {
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            items.append(stringText(it.key(), inner) + ": " + inlineText(it.value(), inner));
        return '{' + items.join(", ") + '}';
    }
    default:
        return "null";
    }
}

bool isNested(const QJsonValue &v)
{
    return (v.isObject() && !v.toObject().isEmpty()) || (v.isArray() && !v.toArray().isEmpty());
}

QList<QByteArray> blockLines(const QJsonValue &v, int indent, const Layout &layout);

QList<QByteArray> entryLines(const QString &key, const QJsonValue &v, int indent,
                             const Layout &layout)
{
    const QByteArray head = QByteArray(indent, ' ') + stringText(key, Style()) + ':';
    if (!isNested(v))
        return {QByteArray(head + ' ' + inlineText(v, Style()))};
    const int childIndent = indent + (v.isArray() ? layout.seqOffset : layout.unit);
    return QList<QByteArray>{head} + blockLines(v, childIndent, layout);
}

QList<QByteArray> itemLines(const QJsonValue &v, int indent, const Layout &layout)
{
    if (!isNested(v))
        return {QByteArray(QByteArray(indent, ' ') + "- " + inlineText(v, Style()))};
    QList<QByteArray> lines = blockLines(v, indent + 2, layout);
    lines[0] = QByteArray(indent, ' ') + "- " + lines.at(0).mid(indent + 2);
    return lines;
}

QList<QByteArray> blockLines(const QJsonValue &v, int indent, const Layout &layout)
{
    QList<QByteArray> lines;
    const QJsonObject object = v.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        lines += entryLines(it.key(), it.value(), indent, layout);
    for (const QJsonValue &item : v.toArray())
        lines += itemLines(item, indent, layout);
    return lines;
}

// ---- edits ----

QByteArray spaced(const QByteArray &comment)
{
    return comment.isEmpty() ? comment : QByteArray(' ' + comment);
}

int childIndent(const Doc &d, const Cursor &c, const QJsonValue &value)
{
    const bool sameKind =
        (value.isObject() && c.node.IsMap()) || (value.isArray() && c.node.IsSequence());
    if (sameKind && c.slot.begin != c.slot.end && !isFlowStart(at(d, c.slot.content)))
        return columnOf(d, c.slot.content);
    if (c.slot.item)
        return c.slot.owner + 2;
    return c.slot.owner + (value.isArray() ? d.layout.seqOffset : d.layout.unit);
}

Edit replaceValue(const Doc &d, const Cursor &c, const QJsonValue &value)
{
    const Slot &s = c.slot;
    const char old = at(d, s.content);
    const Style style{s.flow, d.layout.json,
                      c.node.IsScalar() && (old == '"' || old == '\'') ? old : '\0'};
    const bool sameLine =
        s.begin != s.end && lineAt(d, s.begin).start == lineAt(d, s.indicatorEnd).start;
    if (s.flow || !isNested(value)) {
        const QByteArray text = inlineText(value, style);
        if (s.begin != s.end && (s.flow || sameLine))
            return Edit{s.begin, s.end - s.begin, text};
        const QByteArray comment =
            s.begin != s.end ? commentAfter(d, s.indicatorEnd) : QByteArray();
        return Edit{s.indicatorEnd, s.end - s.indicatorEnd, ' ' + text + spaced(comment)};
    }
    const int indent = childIndent(d, c, value);
    QList<QByteArray> lines = blockLines(value, indent, d.layout);
    if (s.item) { // "- " and the first line of the value share a line
        lines[0] = QByteArray(indent - s.owner - 1, ' ') + lines.at(0).mid(indent);
        return Edit{s.indicatorEnd, s.end - s.indicatorEnd, lines.join(d.layout.eol)};
    }
    const qsizetype end = qMax(s.end, lineAt(d, s.indicatorEnd).end);
    const QByteArray comment = commentAfter(d, s.indicatorEnd);
    return Edit{s.indicatorEnd, end - s.indicatorEnd,
                spaced(comment) + d.layout.eol + lines.join(d.layout.eol)};
}

// Adds `entry` (flow text) after the last item: on its own line when the items are listed so.
Edit appendFlow(const Doc &d, const Cursor &c, const QList<Child> &kids, const QByteArray &entry)
{
    if (kids.isEmpty())
        return Edit{c.slot.content + 1, c.slot.end - c.slot.content - 2, entry};
    const Child &last = kids.last();
    const Line line = lineAt(d, last.start);
    const bool ownLines = line.start + line.indent == last.start;
    const QByteArray sep =
        ownLines ? QByteArray(',' + d.layout.eol + QByteArray(line.indent, ' ')) : QByteArray(", ");
    return Edit{last.value.slot.entryEnd, 0, sep + entry};
}

Edit insertEntry(const Doc &d, const Cursor &map, const QList<Child> &kids, const QString &key,
                 const QJsonValue &value)
{
    const bool flow = isFlowStart(at(d, map.slot.content));
    if (kids.isEmpty() && !map.slot.flow && map.slot.indicatorEnd >= 0) // `{}` below a block key
        return replaceValue(d, map, QJsonObject{{key, value}});
    if (flow) {
        const Style style{true, d.layout.json, 0};
        return appendFlow(d, map, kids, stringText(key, style) + ": " + inlineText(value, style));
    }
    const QList<QByteArray> lines =
        entryLines(key, value, columnOf(d, kids.first().start), d.layout);
    return Edit{kids.last().value.slot.entryEnd, 0, d.layout.eol + lines.join(d.layout.eol)};
}

Edit appendItem(const Doc &d, const Cursor &seq, const QList<Child> &kids, const QJsonValue &value)
{
    if (kids.isEmpty() && !seq.slot.flow && seq.slot.indicatorEnd >= 0) // `[]` below a block key
        return replaceValue(d, seq, QJsonArray{value});
    if (isFlowStart(at(d, seq.slot.content)))
        return appendFlow(d, seq, kids, inlineText(value, Style{true, d.layout.json, 0}));
    const QList<QByteArray> lines = itemLines(value, columnOf(d, kids.first().start), d.layout);
    return Edit{kids.last().value.slot.entryEnd, 0, d.layout.eol + lines.join(d.layout.eol)};
}

Result<Edit> removeChild(const Doc &d, const Cursor &parent, const QList<Child> &kids, qsizetype i)
{
    const bool flow = isFlowStart(at(d, parent.slot.content));
    if (kids.size() == 1 && flow)
        return Edit{parent.slot.content + 1, parent.slot.end - parent.slot.content - 2, {}};
    if (kids.size() == 1 && parent.slot.indicatorEnd < 0)
        return unsupported(d, kids.first().start); // the document itself would be left empty
    if (kids.size() == 1)
        return replaceValue(
            d, parent, parent.node.IsMap() ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray()));
    const Child &c = kids.at(i);
    const Line line = lineAt(d, c.start);
    const bool ownsLine = line.start + line.indent == c.start;
    if (i + 1 < kids.size() && (flow || !ownsLine)) // the next entry moves up into its place
        return Edit{c.start, kids.at(i + 1).start - c.start, {}};
    if (flow) {
        const qsizetype from = kids.at(i - 1).value.slot.entryEnd;
        return Edit{from, c.value.slot.entryEnd - from, {}};
    }
    if (!ownsLine)
        return unsupported(d, c.start);
    const qsizetype first = ownCommentsStart(d, line);
    const qsizetype end = c.value.slot.entryEnd;
    if (first > d.begin) { // with the line break before it, so a trailing one stays
        const qsizetype from = lineAt(d, first - 1).end;
        return Edit{from, end - from, {}};
    }
    return Edit{first, lineAt(d, end).next - first, {}};
}

// ---- the whole operation ----

Result<QJsonValue> nestedValue(const QStringList &path, qsizetype from, const QJsonValue &value)
{
    QJsonValue v = value;
    for (qsizetype i = path.size() - 1; i >= from; --i) {
        const int index = indexStep(path.at(i));
        if (index > 0)
            return pathError(path, i,
                             Tr::tr("the list does not exist, so only [0] can be created"));
        v = index == 0 ? QJsonValue(QJsonArray{v}) : QJsonValue(QJsonObject{{path.at(i), v}});
    }
    return v;
}

// The JSON the edited document must read as: the edit is checked, never trusted.
QJsonValue withValue(const QJsonValue &at, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString step = path.takeFirst();
    const int index = indexStep(step);
    if (index >= 0) {
        QJsonArray array = at.toArray();
        if (index < array.size())
            array[index] = withValue(array.at(index), path, value);
        else
            array.append(withValue(QJsonValue(), path, value));
        return array;
    }
    QJsonObject object = at.toObject();
    object[step] = withValue(object.value(step), path, value);
    return object;
}

QJsonValue withoutValue(const QJsonValue &at, QStringList path)
{
    const QString step = path.takeFirst();
    if (at.isArray()) {
        QJsonArray array = at.toArray();
        const int index = indexStep(step);
        if (path.isEmpty())
            array.removeAt(index);
        else
            array[index] = withoutValue(array.at(index), path);
        return array;
    }
    QJsonObject object = at.toObject();
    if (path.isEmpty())
        object.remove(step);
    else
        object[step] = withoutValue(object.value(step), path);
    return object;
}

Result<Edit> createValue(const Doc &d, const Step &at, const QStringList &path, qsizetype found,
                         const QJsonValue &value)
{
    const YAML::Node &node = at.cursor.node;
    if (node.IsNull()) {
        const Result<QJsonValue> whole = nestedValue(path, found, value);
        return whole ? Result<Edit>(replaceValue(d, at.cursor, *whole)) : whole.error();
    }
    if (!node.IsMap() && !node.IsSequence())
        return pathError(path, found, Tr::tr("it is below a scalar value"));
    const Result<QJsonValue> inner = nestedValue(path, found + 1, value);
    if (!inner)
        return inner.error();
    const int index = indexStep(path.at(found));
    if (node.IsMap() && index >= 0)
        return pathError(path, found, Tr::tr("a map has no list items"));
    if (node.IsMap())
        return insertEntry(d, at.cursor, at.kids, path.at(found), *inner);
    if (index != at.kids.size())
        return pathError(path, found, Tr::tr("the list has %1 items").arg(at.kids.size()));
    return appendItem(d, at.cursor, at.kids, *inner);
}

// The loader's offsets count from after a byte order mark; the mark stays in the output.
struct Source
{
    bool bom = false;
    QByteArray text;
};

Source splitBom(const QString &source)
{
    const bool bom = source.startsWith(QChar(0xFEFF));
    return Source{bom, (bom ? source.mid(1) : source).toUtf8()};
}

Result<QString> finish(const Source &source, const Doc &d, int document, const Edit &edit,
                       const QJsonValue &expected)
{
    QByteArray text = d.text;
    text.replace(edit.pos, edit.length, edit.text);
    const QList<DocumentChunk> chunks = splitYamlDocuments(text);
    bool same = false;
    try {
        same = chunks.size() == d.documents &&
               yamlToJson(YAML::Load(chunks.at(document).text.toStdString())) == expected;
    } catch (const std::exception &) {
        same = false;
    }
    if (!same)
        return unsupported(d, edit.pos);
    return source.bom ? QChar(0xFEFF) + QString::fromUtf8(text) : QString::fromUtf8(text);
}

Result<Doc> prepare(const Source &source, int document, const QStringList &path)
{
    if (path.isEmpty())
        return Error{QStringLiteral("yamledit.path"), Tr::tr("the field path is empty"),
                     Tr::tr("Name the field to edit.")};
    return openDocument(source.text, document);
}

} // namespace

Result<QString> setValue(const QString &source, int document, const QStringList &path,
                         const QJsonValue &value)
{
    const Source src = splitBom(source);
    const Result<Doc> d = prepare(src, document, path);
    if (!d)
        return d.error();
    const Result<QList<Step>> steps = walk(*d, path);
    if (!steps)
        return steps.error();
    const qsizetype found = steps->size() - 1;
    const Result<Edit> edit = found == path.size()
                                  ? Result<Edit>(replaceValue(*d, steps->last().cursor, value))
                                  : createValue(*d, steps->last(), path, found, value);
    if (!edit)
        return edit.error();
    return finish(src, *d, document, *edit, withValue(yamlToJson(d->root), path, value));
}

Result<QString> removeValue(const QString &source, int document, const QStringList &path)
{
    const Source src = splitBom(source);
    const Result<Doc> d = prepare(src, document, path);
    if (!d)
        return d.error();
    const Result<QList<Step>> steps = walk(*d, path);
    if (!steps)
        return steps.error();
    if (steps->size() - 1 < path.size())
        return source;
    const Step &parent = steps->at(steps->size() - 2);
    const qsizetype i = findChild(parent.cursor, parent.kids, path.last());
    const Result<Edit> edit = removeChild(*d, parent.cursor, parent.kids, i);
    if (!edit)
        return edit.error();
    return finish(src, *d, document, *edit, withoutValue(yamlToJson(d->root), path));
}

} // namespace core::kube::yamledit
