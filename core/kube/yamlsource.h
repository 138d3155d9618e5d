#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <yaml-cpp/yaml.h>

// Where the nodes of one YAML document are in its text: the reading half of yamledit.
// yaml-cpp parses and tells what the nodes are, but it gives start marks only (and none that can
// be trusted for empty values or aliases), so the extent of every node is found in the text.
namespace core::kube::yamlsource {

// How the file writes its YAML; new text follows it.
struct Layout
{
    QByteArray eol = "\n";
    int unit = 2;      // indentation of a nested map
    int seqOffset = 2; // indentation of a sequence below its key (0: "indentless")
    bool json = false; // the document is JSON: flow text is written as JSON
};

// One document of a file (without BOM): its bytes are text[begin, end).
struct Doc
{
    QByteArray text;
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype documents = 0;
    YAML::Node root{};
    Layout layout{};
};

// One line of a document, without its line break.
struct Line
{
    qsizetype start = 0;
    qsizetype end = 0;  // before "\r\n" or "\n"
    qsizetype next = 0; // start of the following line
    int indent = 0;
    bool blank = false;
    bool comment = false;
};

// Where a value sits in the text.
struct Slot
{
    qsizetype indicatorEnd = -1; // just past the ':' or '-' introducing it; -1 for the document
    qsizetype begin = 0;         // [begin, end) is the value with its properties (&anchor !tag)
    qsizetype content = 0;       // past the properties: first key, '-', bracket or scalar
    qsizetype end = 0;           // begin == end: the value is empty (null)
    qsizetype entryEnd = 0;      // end of the last line its entry owns (flow: end)
    int owner = -1;              // column of the key or dash; -1 for the document
    bool flow = false;           // the value is inside a flow collection
    bool item = false;           // the value is a block sequence item ("- value")
};

// A node of the document and where its value is.
struct Cursor
{
    YAML::Node node;
    Slot slot;
};

// An entry of a map or an item of a sequence.
struct Child
{
    QString key;         // empty for sequence items
    qsizetype start = 0; // the key, the dash, or a flow item
    Cursor value;
};

// Document `document` of `text` (a file without its BOM), numbered as the loader numbers them;
// "yamledit.path" when there is no such document, "yamledit.parse" when it does not parse.
Result<Doc> openDocument(const QByteArray &text, int document);
Cursor rootCursor(const Doc &d);
// The entries of a map or the items of a sequence, in document order; "yamledit.unsupported"
// when the text does not match what yaml-cpp parsed (explicit keys, templates, ...).
Result<QList<Child>> children(const Doc &d, const Cursor &c);

inline bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}
inline bool isFlowStart(char c)
{
    return c == '[' || c == '{';
}
char at(const Doc &d, qsizetype i); // '\n' outside the document
Line lineAt(const Doc &d, qsizetype pos);
int columnOf(const Doc &d, qsizetype pos);
QByteArray commentAfter(const Doc &d, qsizetype from);
qsizetype ownCommentsStart(const Doc &d, const Line &key);
Error unsupported(const Doc &d, qsizetype pos);

} // namespace core::kube::yamlsource
