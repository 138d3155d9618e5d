#include "core/sandbox/store/compactjson.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QLocale>

#include <algorithm>
#include <cmath>

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

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    appendEscaped(out, text);
}

QByteArray compactJson(const QJsonObject &object)
{
    QByteArray out;
    out.reserve(4096);
    appendMap(out, QCborMap::fromJsonObject(object));
    return out;
}

} // namespace core::sandbox
