#include "core/kube/yamlsource.h"

#include "core/common/tr.h"
#include "core/kube/manifestloader.h"

#include <QMap>

#include <optional>

namespace core::kube::yamlsource {

namespace {

struct Span
{
    qsizetype begin = -1;
    qsizetype end = -1;
};

struct FlowScan
{
    QList<Span> items;
    qsizetype end = 0; // past the closing bracket
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isSpace(char c)
{
    return isBlank(c) || c == '\n' || c == '\r';
}

bool isDash(const Doc &d, qsizetype i)
{
    return at(d, i) == '-' && isSpace(at(d, i + 1));
}

std::optional<Line> nextContentLine(const Doc &d, qsizetype pos)
{
    for (qsizetype p = lineAt(d, pos).next; p < d.end;) {
        const Line l = lineAt(d, p);
        if (!l.blank && !l.comment)
            return l;
        p = l.next;
    }
    return std::nullopt;
}

// End of the last line owned by a key or dash at column `owner`, from the line of `from` up to
// the next content line at column <= owner ("- " at the owner's column continues an indentless
// sequence). Trailing comments at column <= owner are left to what follows them.
qsizetype regionEnd(const Doc &d, qsizetype from, int owner, bool indentless)
{
    Line l = lineAt(d, from);
    qsizetype end = l.end;
    for (qsizetype p = l.next; p < d.end; p = l.next) {
        l = lineAt(d, p);
        if (l.blank)
            continue;
        const bool owned =
            l.indent > owner || (indentless && l.indent == owner && isDash(d, l.start + l.indent));
        if (owned)
            end = l.end;
        else if (!l.comment)
            break;
    }
    return end;
}

qsizetype quotedEnd(const Doc &d, qsizetype open)
{
    const char quote = at(d, open);
    for (qsizetype i = open + 1; i < d.end; ++i) {
        const char c = d.text.at(i);
        if (quote == '"' && c == '\\')
            ++i;
        else if (c == quote && quote == '\'' && at(d, i + 1) == '\'')
            ++i;
        else if (c == quote)
            return i + 1;
    }
    return d.end;
}

// End of the part of a plain scalar on the line of `p`: before " #", ": " or (in flow context)
// a flow indicator, without trailing blanks.
qsizetype plainLineEnd(const Doc &d, qsizetype p, bool flow)
{
    const qsizetype lineEnd = lineAt(d, p).end;
    qsizetype end = p;
    for (qsizetype i = p; i < lineEnd; ++i) {
        const char c = d.text.at(i);
        const char next = i + 1 < lineEnd ? d.text.at(i + 1) : ' ';
        if ((c == '#' && i > p && isBlank(d.text.at(i - 1))) || (flow && isFlowIndicator(c)) ||
            (c == ':' && (isSpace(next) || (flow && isFlowIndicator(next)))))
            break;
        if (!isBlank(c))
            end = i + 1;
    }
    return end;
}

// A block plain scalar continues on following lines indented deeper than its owner.
qsizetype plainEnd(const Doc &d, qsizetype p, int owner)
{
    qsizetype end = plainLineEnd(d, p, false);
    for (qsizetype q = lineAt(d, p).next; q < d.end;) {
        const Line l = lineAt(d, q);
        if (l.comment || (!l.blank && l.indent <= owner))
            break;
        if (!l.blank)
            end = plainLineEnd(d, l.start + l.indent, false);
        q = l.next;
    }
    return end;
}

qsizetype keyEnd(const Doc &d, qsizetype p, bool flow)
{
    return at(d, p) == '"' || at(d, p) == '\'' ? quotedEnd(d, p) : plainLineEnd(d, p, flow);
}

qsizetype skipSpaces(const Doc &d, qsizetype p, bool lineBreaks)
{
    while (p < d.end && (lineBreaks ? isSpace(at(d, p)) : isBlank(at(d, p))))
        ++p;
    return p;
}

// Past "&anchor" and "!tag"; the node itself may start on a later line.
qsizetype skipProperties(const Doc &d, qsizetype p)
{
    while (at(d, p) == '&' || at(d, p) == '!') {
        while (!isSpace(at(d, p)))
            ++p;
        p = skipSpaces(d, p, false);
        if (at(d, p) != '#' && !isSpace(at(d, p)))
            continue;
        const std::optional<Line> next = nextContentLine(d, p);
        if (!next)
            return p;
        p = next->start + next->indent;
    }
    return p;
}

// Splits the flow collection opening at `open` into its top-level items, skipping quotes,
// comments and nested collections.
FlowScan scanFlow(const Doc &d, qsizetype open)
{
    FlowScan scan{{}, d.end};
    Span item;
    int depth = 0;
    bool tokenStart = true;
    for (qsizetype i = open; i < d.end; ++i) {
        const char c = d.text.at(i);
        if (c == '#' && isSpace(at(d, i - 1))) {
            i = lineAt(d, i).end - 1;
            continue;
        }
        if (depth == 1 && (c == ',' || c == ']' || c == '}')) {
            if (item.begin >= 0)
                scan.items.append(item);
            item = Span();
            tokenStart = true;
            if (c != ',') {
                scan.end = i + 1;
                break;
            }
            continue;
        }
        if (isSpace(c)) {
            tokenStart = true;
            continue;
        }
        if (depth >= 1 && item.begin < 0)
            item.begin = i;
        if (tokenStart && (c == '"' || c == '\''))
            i = quotedEnd(d, i) - 1;
        else if (isFlowStart(c))
            ++depth;
        else if (c == ']' || c == '}')
            --depth;
        item.end = i + 1;
        tokenStart = isFlowStart(c) || c == ',' || c == ':' || c == '?';
    }
    return scan;
}

qsizetype valueEnd(const Doc &d, qsizetype p, int owner, const YAML::Node &node, bool indentless)
{
    const char c = at(d, p);
    if (isFlowStart(c))
        return scanFlow(d, p).end;
    if (c == '"' || c == '\'')
        return quotedEnd(d, p);
    if (c == '|' || c == '>' || node.IsMap() || node.IsSequence())
        return regionEnd(d, p, owner, indentless && node.IsSequence());
    return plainEnd(d, p, owner);
}

// The value after a block ':' or '-' at `indicatorEnd`; on the same line or on the next ones.
Slot blockSlot(const Doc &d, qsizetype indicatorEnd, int owner, const YAML::Node &node, bool item)
{
    Slot s{.indicatorEnd = indicatorEnd,
           .begin = indicatorEnd,
           .content = indicatorEnd,
           .end = indicatorEnd,
           .owner = owner,
           .item = item};
    qsizetype p = skipSpaces(d, indicatorEnd, false);
    if (at(d, p) == '#' || isSpace(at(d, p))) {
        const std::optional<Line> next = nextContentLine(d, p);
        const bool indentless = !item && node.IsSequence() && next && next->indent == owner &&
                                isDash(d, next->start + owner);
        if (!next || !(next->indent > owner || indentless)) {
            s.entryEnd = regionEnd(d, indicatorEnd, owner, false);
            return s;
        }
        p = next->start + next->indent;
    }
    s.begin = p;
    s.content = skipProperties(d, p);
    s.end = valueEnd(d, s.content, owner, node, !item);
    s.entryEnd = qMax(s.end, regionEnd(d, s.end, owner, !item && node.IsSequence()));
    return s;
}

Slot flowSlot(const Doc &d, qsizetype indicatorEnd, const Span &item)
{
    Slot s{.indicatorEnd = indicatorEnd,
           .begin = indicatorEnd,
           .content = indicatorEnd,
           .end = indicatorEnd,
           .entryEnd = item.end,
           .flow = true};
    const qsizetype p = skipSpaces(d, indicatorEnd, true);
    if (p < item.end) {
        s.begin = p;
        s.content = skipProperties(d, p);
        s.end = item.end;
    }
    return s;
}

int lineNumber(const Doc &d, qsizetype pos)
{
    return int(d.text.left(pos).count('\n')) + 1;
}

Result<QList<Child>> blockMapChildren(const Doc &d, const Cursor &map)
{
    QList<Child> out;
    for (auto it = map.node.begin(); it != map.node.end(); ++it) {
        const qsizetype start = d.begin + it->first.Mark().pos;
        const qsizetype colon = skipSpaces(d, keyEnd(d, start, false), false);
        if (!it->first.IsScalar() || at(d, colon) != ':')
            return unsupported(d, start);
        const Slot slot = blockSlot(d, colon + 1, columnOf(d, start), it->second, false);
        out.append(Child{QString::fromStdString(it->first.Scalar()), start, {it->second, slot}});
    }
    return out;
}

Result<QList<Child>> blockSeqChildren(const Doc &d, const Cursor &seq)
{
    const qsizetype first = seq.slot.content;
    const int column = columnOf(d, first);
    QList<qsizetype> dashes{first};
    for (qsizetype p = lineAt(d, first).next; p < seq.slot.end;) {
        const Line l = lineAt(d, p);
        if (!l.blank && !l.comment && l.indent == column && isDash(d, l.start + column))
            dashes.append(l.start + column);
        p = l.next;
    }
    if (!isDash(d, first) || dashes.size() != qsizetype(seq.node.size()))
        return unsupported(d, first);
    QList<Child> out;
    qsizetype i = 0;
    for (auto it = seq.node.begin(); it != seq.node.end(); ++it, ++i)
        out.append(
            Child{{}, dashes.at(i), {*it, blockSlot(d, dashes.at(i) + 1, column, *it, true)}});
    return out;
}

Result<QList<Child>> flowChildren(const Doc &d, const Cursor &flow)
{
    const QList<Span> items = scanFlow(d, flow.slot.content).items;
    if (items.size() != qsizetype(flow.node.size()))
        return unsupported(d, flow.slot.content);
    QList<Child> out;
    qsizetype i = 0;
    for (auto it = flow.node.begin(); it != flow.node.end(); ++it, ++i) {
        const Span item = items.at(i);
        if (flow.node.IsSequence()) {
            out.append(Child{{}, item.begin, {*it, flowSlot(d, item.begin, item)}});
            continue;
        }
        const qsizetype start = d.begin + it->first.Mark().pos;
        const qsizetype colon = skipSpaces(d, keyEnd(d, start, true), true);
        if (!it->first.IsScalar() || start != item.begin || at(d, colon) != ':')
            return unsupported(d, item.begin);
        out.append(Child{QString::fromStdString(it->first.Scalar()),
                         start,
                         {it->second, flowSlot(d, colon + 1, item)}});
    }
    return out;
}

// "key:" with nothing after it: the next deeper line shows the file's indentation step.
bool opensBlock(const Doc &d, const Line &l)
{
    const QByteArray text = d.text.mid(l.start, l.end - l.start);
    const qsizetype hash = text.indexOf(" #");
    return (hash < 0 ? text : text.left(hash)).trimmed().endsWith(':');
}

// Indentation of the line after each "key:" line: a map's step or a sequence's offset.
void countIndentSteps(const Doc &all, QMap<int, int> &units, QMap<int, int> &offsets)
{
    std::optional<Line> opener;
    for (qsizetype p = all.begin; p < all.end;) {
        const Line l = lineAt(all, p);
        p = l.next;
        if (l.blank || l.comment)
            continue;
        if (opener) {
            qsizetype key = opener->start + opener->indent;
            while (isDash(all, key)) // "- - key:" nests the key deeper than the line's indent
                key = skipSpaces(all, key + 1, false);
            const int delta = l.indent - int(key - opener->start);
            if (isDash(all, l.start + l.indent) && delta >= 0)
                ++offsets[delta];
            else if (delta > 0)
                ++units[delta];
        }
        opener = opensBlock(all, l) ? l : std::optional<Line>();
    }
}

int mostFrequent(const QMap<int, int> &counts, int fallback)
{
    int best = fallback;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it.value() > counts.value(best))
            best = it.key();
    }
    return best;
}

// New lines follow the file's style: line ending, indentation, JSON or YAML.
Layout detectLayout(const Doc &d)
{
    Layout layout{};
    const qsizetype nl = d.text.indexOf('\n');
    if (nl > 0 && d.text.at(nl - 1) == '\r')
        layout.eol = "\r\n";
    layout.json = isFlowStart(at(d, rootCursor(d).slot.content));
    QMap<int, int> units;
    QMap<int, int> offsets;
    countIndentSteps(Doc{.text = d.text, .end = d.text.size()}, units, offsets);
    layout.unit = mostFrequent(units, 2);
    layout.seqOffset = mostFrequent(offsets, layout.unit);
    return layout;
}

} // namespace

char at(const Doc &d, qsizetype i)
{
    return i >= d.begin && i < d.end ? d.text.at(i) : '\n';
}

Line lineAt(const Doc &d, qsizetype pos)
{
    Line l;
    l.start = pos > d.begin ? qMax(d.text.lastIndexOf('\n', pos - 1) + 1, d.begin) : d.begin;
    qsizetype nl = d.text.indexOf('\n', l.start);
    if (nl < 0 || nl >= d.end)
        nl = d.end;
    l.next = qMin(nl + 1, d.end);
    l.end = nl > l.start && d.text.at(nl - 1) == '\r' ? nl - 1 : nl;
    while (l.start + l.indent < l.end && d.text.at(l.start + l.indent) == ' ')
        ++l.indent;
    qsizetype p = l.start + l.indent;
    while (p < l.end && isBlank(d.text.at(p)))
        ++p;
    l.blank = p >= l.end;
    l.comment = !l.blank && d.text.at(p) == '#';
    return l;
}

int columnOf(const Doc &d, qsizetype pos)
{
    return int(pos - lineAt(d, pos).start);
}

QByteArray commentAfter(const Doc &d, qsizetype from) // "# ..." later on the line of `from`
{
    const Line l = lineAt(d, from);
    for (qsizetype i = from; i < l.end; ++i) {
        if (d.text.at(i) == '#' && isBlank(at(d, i - 1)))
            return d.text.mid(i, l.end - i);
    }
    return {};
}

// Comment lines right above a key, at its column, go with it; not the document's header.
qsizetype ownCommentsStart(const Doc &d, const Line &key)
{
    qsizetype start = key.start;
    while (start > d.begin) {
        const Line above = lineAt(d, start - 1);
        if (!above.comment || above.indent != key.indent)
            break;
        start = above.start;
    }
    const bool header = start == d.begin || d.text.mid(lineAt(d, start - 1).start, 3) == "---";
    return header ? key.start : start;
}

Error unsupported(const Doc &d, qsizetype pos)
{
    return Error{QStringLiteral("yamledit.unsupported"),
                 Tr::tr("line %1: this YAML cannot be edited in place").arg(lineNumber(d, pos)),
                 Tr::tr("Make this change in the text editor.")};
}

Cursor rootCursor(const Doc &d)
{
    Slot s;
    s.begin = d.begin + d.root.Mark().pos;
    s.content = skipProperties(d, s.begin);
    s.end = s.entryEnd = valueEnd(d, s.content, -1, d.root, false);
    return Cursor{d.root, s};
}

Result<QList<Child>> children(const Doc &d, const Cursor &c)
{
    if (isFlowStart(at(d, c.slot.content)))
        return flowChildren(d, c);
    return c.node.IsMap() ? blockMapChildren(d, c) : blockSeqChildren(d, c);
}

Result<Doc> openDocument(const QByteArray &text, int document)
{
    const QList<DocumentChunk> chunks = splitYamlDocuments(text);
    if (document < 0 || document >= chunks.size())
        return Error{QStringLiteral("yamledit.path"),
                     Tr::tr("the file has no document %1").arg(document + 1),
                     Tr::tr("Reload the file; it may have changed.")};
    const DocumentChunk &chunk = chunks.at(document);
    Doc d{.text = text,
          .begin = chunk.offset,
          .end = qMin(chunk.offset + chunk.text.size(), text.size()),
          .documents = chunks.size()};
    try {
        d.root = YAML::Load(chunk.text.toStdString());
    } catch (const YAML::Exception &e) {
        return Error{QStringLiteral("yamledit.parse"),
                     Tr::tr("line %1: %2")
                         .arg(chunk.firstLine + qMax(e.mark.line, 0) + 1)
                         .arg(QString::fromStdString(e.msg)),
                     Tr::tr("Fix the YAML syntax before editing with the form.")};
    }
    d.layout = detectLayout(d);
    return d;
}

} // namespace core::kube::yamlsource
