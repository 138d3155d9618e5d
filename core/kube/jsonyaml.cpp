#include "core/kube/jsonyaml.h"

#include "core/common/tr.h"
#include "core/kube/yamllimits.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>

namespace core::kube {

namespace {

const QString kStrTag = QStringLiteral("tag:yaml.org,2002:str");

bool isNullWord(const QString &s)
{
    return s.isEmpty() || s == u"~" || s == u"null" || s == u"Null" || s == u"NULL";
}

int boolWord(const QString &s) // 1 true, 0 false, -1 neither (YAML 1.1 as go-yaml v2)
{
    static const QStringList trueWords = {
        QStringLiteral("y"),    QStringLiteral("Y"),   QStringLiteral("yes"),
        QStringLiteral("Yes"),  QStringLiteral("YES"), QStringLiteral("on"),
        QStringLiteral("On"),   QStringLiteral("ON"),  QStringLiteral("true"),
        QStringLiteral("True"), QStringLiteral("TRUE")};
    static const QStringList falseWords = {
        QStringLiteral("n"),     QStringLiteral("N"),    QStringLiteral("no"),
        QStringLiteral("No"),    QStringLiteral("NO"),   QStringLiteral("off"),
        QStringLiteral("Off"),   QStringLiteral("OFF"),  QStringLiteral("false"),
        QStringLiteral("False"), QStringLiteral("FALSE")};
    if (trueWords.contains(s))
        return 1;
    if (falseWords.contains(s))
        return 0;
    return -1;
}

std::optional<qint64> parseYamlInt(QString s)
{
    s.remove(QLatin1Char('_'));
    if (s.isEmpty())
        return std::nullopt;
    bool negative = false;
    QString digits = s;
    if (digits.startsWith(QLatin1Char('+')) || digits.startsWith(QLatin1Char('-'))) {
        negative = digits.startsWith(QLatin1Char('-'));
        digits = digits.mid(1);
    }
    if (digits.isEmpty())
        return std::nullopt;
    int base = 10;
    if (digits.startsWith(u"0x") || digits.startsWith(u"0X")) {
        base = 16;
        digits = digits.mid(2);
    } else if (digits.startsWith(u"0b")) {
        base = 2;
        digits = digits.mid(2);
    } else if (digits.startsWith(u"0o")) {
        base = 8;
        digits = digits.mid(2);
    } else if (digits.size() > 1 && digits.startsWith(QLatin1Char('0'))) {
        base = 8; // YAML 1.1 octal, as strconv.ParseInt(s, 0, 64) reads it
        digits = digits.mid(1);
    }
    if (digits.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qulonglong magnitude = digits.toULongLong(&ok, base);
    if (!ok)
        return std::nullopt;
    const qulonglong limit = negative ? qulonglong(std::numeric_limits<qint64>::max()) + 1
                                      : qulonglong(std::numeric_limits<qint64>::max());
    if (magnitude > limit)
        return std::nullopt;
    return negative ? qint64(0 - magnitude) : qint64(magnitude);
}

std::optional<double> parseYamlFloat(const QString &text)
{
    static const QRegularExpression floatRe(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    QString s = text;
    s.remove(QLatin1Char('_'));
    if (s == u".inf" || s == u".Inf" || s == u".INF" || s == u"+.inf" || s == u"+.Inf" ||
        s == u"+.INF")
        return std::numeric_limits<double>::infinity();
    if (s == u"-.inf" || s == u"-.Inf" || s == u"-.INF")
        return -std::numeric_limits<double>::infinity();
    if (s == u".nan" || s == u".NaN" || s == u".NAN")
        return std::numeric_limits<double>::quiet_NaN();
    if (!floatRe.match(s).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = s.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

} // namespace

QJsonValue resolvePlainScalar(const QString &text)
{
    if (isNullWord(text))
        return QJsonValue(QJsonValue::Null);
    const int b = boolWord(text);
    if (b >= 0)
        return QJsonValue(b == 1);
    const QChar first = text.front();
    if (first.isDigit() || first == u'-' || first == u'+' || first == u'.') {
        if (auto i = parseYamlInt(text))
            return QJsonValue(*i);
        if (auto f = parseYamlFloat(text))
            return QJsonValue(*f);
    }
    return QJsonValue(text);
}

namespace {

struct ConvertContext
{
    int lineOffset = 0;
    PositionMap *positions = nullptr;
    qint64 nodes = 0;
};

[[noreturn]] void throwDepth(const YAML::Node &node, int lineOffset)
{
    const YAML::Mark mark = node.Mark();
    throw YamlProblemError(YamlProblem{
        QStringLiteral("manifest.limit.nestingDepth"),
        Tr::tr("the document nests more than %1 levels deep once its aliases are expanded "
               "(limit kMaxNestingDepth = %1); an alias inside its own anchor never ends")
            .arg(limits::kMaxNestingDepth),
        Tr::tr("flatten the structure or remove the alias that refers to an enclosing anchor"),
        SourcePos{mark.line + 1 + lineOffset, mark.column + 1}});
}

QJsonValue convert(const YAML::Node &node, ConvertContext &cx, const QString &path, bool record,
                   int depth)
{
    if (depth > limits::kMaxNestingDepth + 1) // a scalar sits below the deepest collection
        throwDepth(node, cx.lineOffset);
    if (++cx.nodes > limits::kMaxDecodedNodes) {
        const YAML::Mark mark = node.Mark();
        throw YamlProblemError(YamlProblem{
            QStringLiteral("manifest.limit.decodedNodes"),
            Tr::tr("the document decodes to more than %1 nodes (limit kMaxDecodedNodes = %1)")
                .arg(limits::kMaxDecodedNodes),
            Tr::tr("split the document or write out fewer aliases"),
            SourcePos{mark.line + 1 + cx.lineOffset, mark.column + 1}});
    }
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return QJsonValue(QJsonValue::Null);
    case YAML::NodeType::Scalar: {
        const std::string &tag = node.Tag();
        const QString text = scalarText(node);
        if (tag == "?")
            return resolvePlainScalar(text);
        if (tag == "!" || QString::fromStdString(tag) == kStrTag)
            return QJsonValue(text);
        return resolvePlainScalar(text); // explicit !!int / !!bool / !!float tags
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        int index = 0;
        for (const YAML::Node &item : node) {
            QString itemPath;
            bool recordItem = false;
            if (record) {
                itemPath = path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
                recordItem = itemPath.size() <= limits::kMaxPositionPathChars;
            }
            if (recordItem) {
                const YAML::Mark mark = item.Mark();
                cx.positions->insert(itemPath,
                                     SourcePos{mark.line + 1 + cx.lineOffset, mark.column + 1});
            }
            array.append(convert(item, cx, itemPath, recordItem, depth + 1));
            ++index;
        }
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (auto it = node.begin(); it != node.end(); ++it) {
            ++cx.nodes; // the key, as go-yaml counts it
            const QString key = it->first.IsScalar() ? scalarText(it->first)
                                                     : QString::fromUtf8(YAML::Dump(it->first));
            QString childPath;
            bool recordChild = false;
            if (record) {
                childPath = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                recordChild = childPath.size() <= limits::kMaxPositionPathChars;
            }
            if (recordChild) {
                const YAML::Mark mark = it->first.Mark();
                cx.positions->insert(childPath,
                                     SourcePos{mark.line + 1 + cx.lineOffset, mark.column + 1});
            }
            object.insert(key, convert(it->second, cx, childPath, recordChild, depth + 1));
        }
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonValue yamlToJson(const YAML::Node &node, int lineOffset, PositionMap *positions,
                      const QString &path)
{
    ConvertContext cx{lineOffset, positions, 0};
    return convert(node, cx, path, positions != nullptr, 1);
}

namespace {

// yaml-cpp's emitter writes every noncharacter (U+FDD0..U+FDEF and the last two code points of
// each plane, U+FFFE, U+FFFF, U+1FFFE, ...) as U+FFFD (emitterutils.cpp,
// GetNextCodePointAndAdvance), so a string holding one changed when it was written out
// (fuzz_jsonyaml). YAML takes any of them escaped in a double-quoted scalar ("\uFFFE"; U+FFFE
// and U+FFFF are not printable, so only so). A string holding one is therefore emitted
// double-quoted with each noncharacter replaced by a stand-in, a private use character that no
// string of the value holds, which yaml-cpp writes as it is; the stand-ins' bytes in the output
// are then replaced by the escapes. Nothing else in the output can hold a stand-in.
bool isNoncharacter(char32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool isPrivateUse(char32_t c)
{
    return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
           (c >= 0x100000 && c <= 0x10FFFD);
}

template <typename F> void forEachCodePoint(const QString &s, F &&f)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            ++i;
        }
        f(c);
    }
}

template <typename F> void forEachString(const QJsonValue &value, F &&f)
{
    if (value.isString()) {
        f(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            forEachString(item, f);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            f(it.key());
            forEachString(it.value(), f);
        }
    }
}

class Noncharacters
{
public:
    explicit Noncharacters(const QJsonValue &value)
    {
        QSet<char32_t> used; // private use characters the value holds
        forEachString(value, [&](const QString &s) {
            forEachCodePoint(s, [&](char32_t c) {
                if (isNoncharacter(c))
                    m_standIn.insert(c, 0);
                else if (isPrivateUse(c))
                    used.insert(c);
            });
        });
        char32_t candidate = 0xE000;
        for (auto it = m_standIn.begin(); it != m_standIn.end(); ++it) {
            while (candidate <= 0x10FFFD && (!isPrivateUse(candidate) || used.contains(candidate)))
                ++candidate;
            if (candidate > 0x10FFFD) // every private use character taken: yaml-cpp's U+FFFD
                break;
            it.value() = candidate++;
        }
    }

    bool any() const { return !m_standIn.isEmpty(); }

    // `s` with stand-ins for its noncharacters; false when it holds none.
    bool substitute(QString *s) const
    {
        if (!any())
            return false;
        QString out;
        bool changed = false;
        forEachCodePoint(*s, [&](char32_t c) {
            const char32_t standIn = isNoncharacter(c) ? m_standIn.value(c) : 0;
            changed |= standIn != 0;
            out.append(QStringView(QChar::fromUcs4(standIn != 0 ? standIn : c)));
        });
        if (changed)
            *s = out;
        return changed;
    }

    void restore(QByteArray *yaml) const
    {
        for (auto it = m_standIn.cbegin(); it != m_standIn.cend(); ++it) {
            if (it.value() == 0)
                continue;
            const QByteArray hex = QByteArray::number(uint(it.key()), 16).toUpper();
            const QByteArray escape =
                it.key() <= 0xFFFF ? "\\u" + hex : "\\U" + hex.rightJustified(8, '0');
            yaml->replace(QStringView(QChar::fromUcs4(it.value())).toUtf8(), escape);
        }
    }

private:
    QHash<char32_t, char32_t> m_standIn; // noncharacter -> stand-in (0: none free)
};

bool needsQuotes(const QString &s)
{
    if (s.isEmpty())
        return true;
    const QJsonValue resolved = resolvePlainScalar(s);
    if (!resolved.isString())
        return true;
    // Leading/trailing blanks and YAML indicators are handled by yaml-cpp's own checks; these
    // are the ones it would write plain although a YAML 1.1 reader would retype them. A document
    // marker ("--- l", "...") is one too: written plain as the whole document, it reads back as
    // a new document (fuzz_jsonyaml).
    return s.front().isSpace() || s.back().isSpace() || s.startsWith(u"---") ||
           s.startsWith(u"...");
}

void emitValue(YAML::Emitter &out, const QJsonValue &value, const Noncharacters &nc)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << YAML::TrueFalseBool << value.toBool();
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const qint64 i = value.toInteger(std::numeric_limits<qint64>::min());
        if (i != std::numeric_limits<qint64>::min() || d == double(i))
            out << i;
        else
            out << QString::number(d, 'g', 17).toStdString();
        break;
    }
    case QJsonValue::String: {
        QString s = value.toString();
        if (nc.substitute(&s) || needsQuotes(s))
            out << YAML::DoubleQuoted;
        out << s.toStdString();
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &item : array)
            emitValue(out, item, nc);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key;
            QString key = it.key();
            if (nc.substitute(&key) || needsQuotes(key))
                out << YAML::DoubleQuoted;
            out << key.toStdString() << YAML::Value;
            emitValue(out, it.value(), nc);
        }
        out << YAML::EndMap;
        break;
    }
    }
}

} // namespace

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return Tr::tr("a boolean");
    case QJsonValue::Double:
        return Tr::tr("a number");
    case QJsonValue::String:
        return Tr::tr("a string");
    case QJsonValue::Array:
        return Tr::tr("a list");
    case QJsonValue::Object:
        return Tr::tr("a mapping");
    default:
        return Tr::tr("null");
    }
}

QJsonValue withValueAt(const QJsonValue &root, const QStringList &path,
                       const std::optional<QJsonValue> &value)
{
    if (path.isEmpty())
        return value.value_or(QJsonValue(QJsonValue::Null));
    const QString &head = path.first();
    const QStringList rest = path.mid(1);
    if (head.startsWith(u'[') && head.endsWith(u']')) {
        QJsonArray array = root.toArray();
        const int index = head.mid(1, head.size() - 2).toInt();
        if (index < 0 || index > array.size())
            return root;
        if (rest.isEmpty() && !value) {
            if (index < array.size())
                array.removeAt(index);
            return array;
        }
        const QJsonValue child = withValueAt(array.at(index), rest, value);
        if (index == array.size())
            array.append(child);
        else
            array.replace(index, child);
        return array;
    }
    QJsonObject object = root.toObject();
    if (rest.isEmpty() && !value)
        object.remove(head);
    else
        object.insert(head, withValueAt(object.value(head), rest, value));
    return object;
}

QByteArray jsonToYaml(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    const Noncharacters noncharacters(value);
    emitValue(out, value, noncharacters);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    noncharacters.restore(&text);
    if (!text.endsWith('\n'))
        text.append('\n');
    return text;
}

} // namespace core::kube
