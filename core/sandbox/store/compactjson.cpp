#include "core/sandbox/store/compactjson.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QLocale>

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace core::sandbox {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

// Writes through a raw pointer into room for the worst case (6 bytes per UTF-16 unit), then
// trims: appending byte by byte to a QByteArray was most of the cost.
void appendEscaped(QByteArray &out, const QString &text)
{
    const qsizetype start = out.size();
    const qsizetype needed = start + text.size() * 6 + 2;
    if (out.capacity() < needed) // QByteArray::resize() alone reallocated every time
        out.reserve(std::max(needed, 2 * out.capacity()));
    out.resize(needed);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    const char16_t *src = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *const end = src + text.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u >= 0x20 && u < 0x80 && u != u'"' && u != u'\\') {
            *cursor++ = char(u);
            continue;
        }
        if (u < 0x80) {
            *cursor++ = '\\';
            switch (u) {
            case u'"': *cursor++ = '"'; break;
            case u'\\': *cursor++ = '\\'; break;
            case 0x8: *cursor++ = 'b'; break;
            case 0xc: *cursor++ = 'f'; break;
            case 0xa: *cursor++ = 'n'; break;
            case 0xd: *cursor++ = 'r'; break;
            case 0x9: *cursor++ = 't'; break;
            default:
                *cursor++ = 'u';
                *cursor++ = '0';
                *cursor++ = '0';
                *cursor++ = hexDigit(u >> 4);
                *cursor++ = hexDigit(u & 0xf);
            }
        } else if (u < 0x800) {
            *cursor++ = char(0xc0 | (u >> 6));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *cursor++ = char(0xe0 | (u >> 12));
            *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
            *cursor++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t ucs4 = QChar::surrogateToUcs4(u, *src++);
            *cursor++ = char(0xf0 | (ucs4 >> 18));
            *cursor++ = char(0x80 | ((ucs4 >> 12) & 0x3f));
            *cursor++ = char(0x80 | ((ucs4 >> 6) & 0x3f));
            *cursor++ = char(0x80 | (ucs4 & 0x3f));
        } else {
            *cursor++ = '\\';
            *cursor++ = 'u';
            *cursor++ = hexDigit((u >> 12) & 0xf);
            *cursor++ = hexDigit((u >> 8) & 0xf);
            *cursor++ = hexDigit((u >> 4) & 0xf);
            *cursor++ = hexDigit(u & 0xf);
        }
    }
    *cursor++ = '"';
    out.truncate(cursor - out.constData());
}

void appendValue(QByteArray &out, const QCborValue &value);

void appendMap(QByteArray &out, const QCborMap &map)
{
    out += '{';
    bool first = true;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendEscaped(out, it.key().toString());
        out += ':';
        appendValue(out, it.value());
    }
    out += '}';
}

void appendValue(QByteArray &out, const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::True:
        out += "true";
        break;
    case QCborValue::False:
        out += "false";
        break;
    case QCborValue::Integer:
        out += QByteArray::number(value.toInteger());
        break;
    case QCborValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d))
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else
            out += "null";
        break;
    }
    case QCborValue::String:
        appendEscaped(out, value.toString());
        break;
    case QCborValue::Array: {
        out += '[';
        const QCborArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += ',';
            appendValue(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QCborValue::Map:
        appendMap(out, value.toMap());
        break;
    default:
        out += "null";
    }
}

// Same type and value, as compactJson() tells values apart: unlike QCborValue::operator== and
// QJsonValue::operator==, 1 and 1.0, or 0.0 and -0.0, differ. Allocates nothing.
bool sameValue(const QCborValue &a, const QCborValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QCborValue::Integer:
        return a.toInteger() == b.toInteger();
    case QCborValue::Double: {
        const double x = a.toDouble(), y = b.toDouble();
        return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case QCborValue::String:
        return a == b;
    case QCborValue::Array: {
        const QCborArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QCborValue::Map: {
        const QCborMap x = a.toMap(), y = b.toMap();
        if (x.size() != y.size())
            return false;
        for (auto i = x.cbegin(), j = y.cbegin(); i != x.cend(); ++i, ++j) {
            if (!sameValue(i.key(), j.key()) || !sameValue(i.value(), j.value()))
                return false;
        }
        return true;
    }
    default: // true, false, null, and what compactJson() writes as null
        return true;
    }
}

// The end of the JSON value that starts at `p` (compact JSON: no whitespace), or nullptr.
const char *skipValue(const char *p, const char *end)
{
    int depth = 0;
    bool inString = false;
    for (; p != end; ++p) {
        const char c = *p;
        if (inString) {
            if (c == '\\')
                ++p;
            else if (c == '"')
                inString = false;
            if (!inString && depth == 0)
                return p + 1;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            if (depth == 0)
                return p; // the end of a scalar member of the enclosing object
            if (--depth == 0)
                return p + 1;
            break;
        case ',':
            if (depth == 0)
                return p;
            break;
        default:
            break;
        }
    }
    return depth == 0 && !inString ? p : nullptr;
}

using Ranges = QVarLengthArray<std::pair<const char *, const char *>, 32>;

// The value text of each member of the compact JSON object [begin, end), in order; false when
// the text is not an object as compactJson() writes them.
bool memberValues(const char *begin, const char *end, Ranges &values)
{
    if (end - begin < 2 || *begin != '{' || end[-1] != '}')
        return false;
    const char *p = begin + 1;
    if (*p == '}')
        return p + 1 == end;
    for (;;) {
        if (*p != '"')
            return false;
        const char *keyEnd = skipValue(p, end);
        if (!keyEnd || keyEnd == end || *keyEnd != ':')
            return false;
        const char *valueEnd = skipValue(keyEnd + 1, end);
        if (!valueEnd || valueEnd == keyEnd + 1 || valueEnd == end)
            return false;
        values.append({keyEnd + 1, valueEnd});
        if (*valueEnd == '}')
            return valueEnd + 1 == end;
        if (*valueEnd != ',')
            return false;
        p = valueEnd + 1;
    }
}

// appendMap(out, map), copying the text of the members that are the same in `previous` from
// `previousJson` (its compact JSON, [begin, end)) instead of writing them again.
void appendMapReusing(QByteArray &out, const QCborMap &map, const QCborMap &previous,
                      const char *begin, const char *end)
{
    Ranges values;
    if (!memberValues(begin, end, values) || values.size() != previous.size()) {
        appendMap(out, map);
        return;
    }
    out += '{';
    bool first = true;
    auto old = previous.cbegin();
    qsizetype index = 0;
    int misses = 0; // keys not in `previous`: past a few, stop looking (each costs a scan)
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        const QCborValue key = it.key();
        appendEscaped(out, key.toString());
        out += ':';
        // Both maps keep QJsonObject's key order: look for the key from the last one found on.
        auto found = old;
        qsizetype at = index;
        while (misses < 16 && found != previous.cend() && !sameValue(found.key(), key)) {
            ++found;
            ++at;
        }
        if (misses >= 16 || found == previous.cend()) {
            ++misses;
            appendValue(out, it.value());
            continue;
        }
        old = found;
        index = at;
        const QCborValue value = it.value();
        const QCborValue was = old.value();
        const auto &[from, to] = values.at(index);
        if (sameValue(value, was))
            out.append(from, to - from);
        else if (value.isMap() && was.isMap())
            appendMapReusing(out, value.toMap(), was.toMap(), from, to);
        else
            appendValue(out, value);
    }
    out += '}';
}

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    appendEscaped(out, text);
}

QByteArray compactJson(const QJsonObject &object, qsizetype sizeHint)
{
    QByteArray out;
    out.reserve(sizeHint > 0 ? sizeHint : 4096);
    appendMap(out, QCborMap::fromJsonObject(object));
    return out;
}

QByteArray compactJson(const QJsonObject &object, const QJsonObject &previous,
                       const QByteArray &previousJson)
{
    QByteArray out;
    out.reserve(previousJson.size() + previousJson.size() / 4 + 256);
    appendMapReusing(out, QCborMap::fromJsonObject(object), QCborMap::fromJsonObject(previous),
                     previousJson.constBegin(), previousJson.constEnd());
    // Stored for long: give back the slack (shrinking in place, no copy).
    if (out.capacity() - out.size() > 256)
        out.squeeze();
    return out;
}

} // namespace core::sandbox
