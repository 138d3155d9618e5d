#include "core/kube/quantity.h"

#include "core/common/tr.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace core::kube {

namespace {

using Nanos = Quantity::Nanos;
using UNanos = unsigned __int128;

constexpr std::int64_t kNanosPerUnit = 1'000'000'000;
constexpr std::int64_t kInt64Max = INT64_MAX;
constexpr std::int64_t kInt64Min = INT64_MIN;
// 2^63-1 whole units: the most an int64 reader of the value (kubelet, scheduler) can hold.
constexpr UNanos kMaxParsedNanos = UNanos(kInt64Max) * kNanosPerUnit;
// kMaxParsedNanos has 28 digits, so a longer integer part is over it without being computed.
constexpr std::int64_t kMaxParsedDigits = 28;
// Exponents are clamped while read: past this every non-zero value overflows or rounds to 1n,
// and the clamp keeps digit-position arithmetic far from int64 limits.
constexpr std::int64_t kExponentClamp = 1'000'000;
constexpr Nanos kNanosMax = Nanos(~UNanos(0) >> 1);
constexpr Nanos kNanosMin = -kNanosMax - 1;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

UNanos magnitude(Nanos n)
{
    // Negating in unsigned arithmetic keeps the most negative value well defined.
    return n < 0 ? UNanos(0) - UNanos(n) : UNanos(n);
}

QString latin1(const std::string &text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

std::string toDecimal(UNanos value)
{
    std::string out;
    do {
        out.insert(out.begin(), char('0' + int(value % 10)));
        value /= 10;
    } while (value != 0);
    return out;
}

// Multiplies a decimal digit string in place, so fractional binary values ("0.1Ki") stay exact.
void multiplyDigits(std::string &digits, unsigned factor)
{
    unsigned carry = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const unsigned product = unsigned(*it - '0') * factor + carry;
        *it = char('0' + product % 10);
        carry = product / 10;
    }
    while (carry != 0) {
        digits.insert(digits.begin(), char('0' + carry % 10));
        carry /= 10;
    }
}

// Integer division rounded away from zero, then clamped, as MilliValue()/Value() round up.
std::int64_t scaledValue(Nanos nanos, std::int64_t divisor)
{
    const UNanos mag = magnitude(nanos);
    UNanos scaled = mag / UNanos(divisor);
    if (mag % UNanos(divisor) != 0)
        ++scaled;
    if (nanos >= 0)
        return scaled > UNanos(kInt64Max) ? kInt64Max : std::int64_t(scaled);
    return scaled > UNanos(kInt64Max) ? kInt64Min : -std::int64_t(scaled);
}

Nanos saturate(bool overflowed, Nanos value, bool positive)
{
    if (!overflowed)
        return value;
    return positive ? kNanosMax : kNanosMin;
}

QString syntaxHint()
{
    return Tr::tr("Write a number with an optional suffix such as 250m, 1.5, 512Mi, 2Gi or 1e3.");
}

Error syntaxError(const QString &text, const QString &detail)
{
    return Error{QStringLiteral("quantity.syntax"),
                 Tr::tr("\"%1\" is not a quantity: %2").arg(text, detail), syntaxHint()};
}

Error unexpectedCharacter(const QString &text, qsizetype index)
{
    return syntaxError(
        text,
        Tr::tr("unexpected character '%1' at position %2").arg(text.at(index)).arg(index + 1));
}

struct Suffix
{
    Quantity::Format format = Quantity::Format::DecimalSI;
    std::int64_t exponent10 = 0;
    int binaryFactors = 0; // how many times to multiply by 1024
};

// Reads the suffix starting at `start`; on failure fills `error` with where it went wrong.
bool parseSuffix(const QString &text, qsizetype start, Suffix &suffix, Error &error)
{
    const QStringView rest = QStringView(text).mid(start);
    if (rest.isEmpty())
        return true;

    static constexpr char16_t kDecimal[] = u"numkMGTPE";
    static constexpr int kDecimalExponents[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
    static constexpr char16_t kBinary[] = u"KMGTPE";
    if (rest.size() == 1) {
        for (int i = 0; kDecimal[i] != 0; ++i) {
            if (rest.at(0) == QChar(kDecimal[i])) {
                suffix.exponent10 = kDecimalExponents[i];
                return true;
            }
        }
    }
    if (rest.size() == 2 && rest.at(1) == u'i') {
        for (int i = 0; kBinary[i] != 0; ++i) {
            if (rest.at(0) == QChar(kBinary[i])) {
                suffix.format = Quantity::Format::BinarySI;
                suffix.binaryFactors = i + 1;
                return true;
            }
        }
    }

    const QChar first = rest.at(0);
    const bool exponentForm =
        (first == u'e' || first == u'E') && rest.size() > 1 &&
        (isAsciiDigit(rest.at(1)) || rest.at(1) == u'+' || rest.at(1) == u'-');
    if (!exponentForm) {
        if (!first.isLetter()) {
            error = unexpectedCharacter(text, start);
        } else {
            error = syntaxError(
                text,
                Tr::tr("unknown suffix \"%1\" at position %2").arg(rest.toString()).arg(start + 1));
        }
        return false;
    }

    qsizetype pos = start + 1;
    const bool negative = text.at(pos) == u'-';
    if (!isAsciiDigit(text.at(pos)))
        ++pos;
    if (pos == text.size()) {
        error =
            syntaxError(text, Tr::tr("the exponent at position %1 has no digits").arg(start + 1));
        return false;
    }
    std::int64_t exponent = 0;
    for (; pos < text.size(); ++pos) {
        if (!isAsciiDigit(text.at(pos))) {
            error = unexpectedCharacter(text, pos);
            return false;
        }
        exponent = std::min(exponent * 10 + (text.at(pos).unicode() - u'0'), kExponentClamp);
    }
    suffix.format = Quantity::Format::DecimalExponent;
    suffix.exponent10 = negative ? -exponent : exponent;
    return true;
}

} // namespace

Result<Quantity> Quantity::parse(const QString &text)
{
    if (text.isEmpty())
        return syntaxError(text, Tr::tr("the text is empty"));

    qsizetype pos = 0;
    const qsizetype end = text.size();
    bool negative = false;
    if (text.at(0) == u'+' || text.at(0) == u'-') {
        negative = text.at(0) == u'-';
        ++pos;
    }

    // Significant digits of integer and fraction together; leading zeros carry no value.
    std::string digits;
    std::int64_t fractionDigits = 0;
    bool sawDigit = false;
    bool sawPoint = false;
    for (; pos < end; ++pos) {
        const QChar c = text.at(pos);
        if (isAsciiDigit(c)) {
            sawDigit = true;
            if (sawPoint)
                ++fractionDigits;
            if (!digits.empty() || c != u'0')
                digits.push_back(char(c.unicode()));
        } else if (c == u'.' && !sawPoint) {
            sawPoint = true;
        } else {
            break;
        }
    }
    // Kubernetes reads "", ".", "-" or a bare "Gi" as zero; such text is almost always a mistake.
    if (!sawDigit) {
        if (pos < end && !text.at(pos).isLetter())
            return unexpectedCharacter(text, pos);
        return syntaxError(text, pos < end
                                     ? Tr::tr("expected a digit at position %1 but found '%2'")
                                           .arg(pos + 1)
                                           .arg(text.at(pos))
                                     : Tr::tr("expected a digit at position %1").arg(pos + 1));
    }

    Suffix suffix;
    Error error;
    if (!parseSuffix(text, pos, suffix, error))
        return error;

    if (digits.empty())
        return Quantity(0, suffix.format);

    for (int i = 0; i < suffix.binaryFactors; ++i)
        multiplyDigits(digits, 1024);

    // The value in nanos is digits * 10^nanoExponent; integerDigits of them lie before the point.
    const std::int64_t nanoExponent = suffix.exponent10 - fractionDigits + 9;
    const std::int64_t integerDigits = std::int64_t(digits.size()) + nanoExponent;
    const auto overflow = [&text] {
        return Error{QStringLiteral("quantity.overflow"),
                     Tr::tr("\"%1\" is out of range for a quantity").arg(text),
                     Tr::tr("Check the number and its suffix for a typo; a quantity can be at "
                            "most 9223372036854775807 (just under 8Ei) either way.")};
    };
    if (integerDigits > kMaxParsedDigits)
        return overflow();

    UNanos value = 0;
    for (std::int64_t i = 0; i < integerDigits; ++i)
        value = value * 10 + (i < std::int64_t(digits.size()) ? digits[size_t(i)] - '0' : 0);
    // Anything finer than a nano rounds away from zero, as ParseQuantity does.
    for (std::int64_t i = std::max<std::int64_t>(integerDigits, 0); i < std::int64_t(digits.size());
         ++i) {
        if (digits[size_t(i)] != '0') {
            ++value;
            break;
        }
    }
    if (value > kMaxParsedNanos)
        return overflow();

    Format format = suffix.format;
    // ParseQuantity switches a binary value under one unit to DecimalSI (".000001Ki" -> 1024u).
    if (format == Format::BinarySI && value < UNanos(kNanosPerUnit))
        format = Format::DecimalSI;
    return Quantity(negative ? -Nanos(value) : Nanos(value), format);
}

Quantity Quantity::fromNanos(Nanos nanos, Format format)
{
    return Quantity(nanos, format);
}

Quantity Quantity::fromMilli(std::int64_t milli, Format format)
{
    return Quantity(Nanos(milli) * 1'000'000, format);
}

Quantity Quantity::fromUnits(std::int64_t units, Format format)
{
    return Quantity(Nanos(units) * kNanosPerUnit, format);
}

std::int64_t Quantity::milliValue() const
{
    return scaledValue(m_nanos, 1'000'000);
}

std::int64_t Quantity::value() const
{
    return scaledValue(m_nanos, kNanosPerUnit);
}

QString Quantity::toString() const
{
    if (m_nanos == 0)
        return QStringLiteral("0");

    const std::string sign = m_nanos < 0 ? "-" : "";
    const UNanos mag = magnitude(m_nanos);
    Format format = m_format;
    if (format == Format::BinarySI) {
        // Like CanonicalizeBytes: small or fractional binary values would need rounding, so
        // they are printed in decimal instead.
        if (mag < UNanos(1024) * kNanosPerUnit || mag % kNanosPerUnit != 0) {
            format = Format::DecimalSI;
        } else {
            static const char *const kBinarySuffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
            UNanos units = mag / kNanosPerUnit;
            int factors = 0;
            while (factors < 6 && units % 1024 == 0) {
                units /= 1024;
                ++factors;
            }
            return latin1(sign + toDecimal(units) + kBinarySuffixes[factors]);
        }
    }

    // Strip factors of ten into the exponent, then lower it to a multiple of three.
    UNanos mantissa = mag;
    int exponent = -9;
    while (mantissa % 10 == 0) {
        mantissa /= 10;
        ++exponent;
    }
    for (int lower = ((exponent % 3) + 3) % 3; lower > 0; --lower) {
        mantissa *= 10;
        --exponent;
    }

    std::string suffix;
    if (format == Format::DecimalSI && exponent <= 18) {
        static const char *const kDecimalSuffixes[] = {"n", "u", "m", "",  "k",
                                                       "M", "G", "T", "P", "E"};
        suffix = kDecimalSuffixes[(exponent + 9) / 3];
    } else if (exponent != 0) {
        // DecimalSI has no suffix past E, so like apimachinery fall back to exponent notation.
        suffix = "e" + std::to_string(exponent);
    }
    return latin1(sign + toDecimal(mantissa) + suffix);
}

Quantity Quantity::operator+(const Quantity &other) const
{
    Nanos sum = 0;
    const bool overflowed = __builtin_add_overflow(m_nanos, other.m_nanos, &sum);
    return Quantity(saturate(overflowed, sum, other.m_nanos > 0),
                    m_nanos == 0 ? other.m_format : m_format);
}

Quantity Quantity::operator-(const Quantity &other) const
{
    Nanos difference = 0;
    const bool overflowed = __builtin_sub_overflow(m_nanos, other.m_nanos, &difference);
    return Quantity(saturate(overflowed, difference, other.m_nanos < 0),
                    m_nanos == 0 ? other.m_format : m_format);
}

Quantity Quantity::operator*(std::int64_t factor) const
{
    Nanos product = 0;
    const bool overflowed = __builtin_mul_overflow(m_nanos, Nanos(factor), &product);
    return Quantity(saturate(overflowed, product, (m_nanos < 0) == (factor < 0)), m_format);
}

Quantity Quantity::operator-() const
{
    return Quantity(m_nanos == kNanosMin ? kNanosMax : -m_nanos, m_format);
}

QString formatCpuMilli(std::int64_t milli)
{
    return Quantity::fromMilli(milli).toString();
}

QString formatMemoryBytes(std::int64_t bytes)
{
    return Quantity::fromUnits(bytes, Quantity::Format::BinarySI).toString();
}

} // namespace core::kube
