#pragma once

#include "core/common/result.h"

#include <QString>

#include <compare>
#include <cstdint>

namespace core::kube {

// A Kubernetes resource.Quantity held exactly as a count of nano-units (10^-9) in 128 bits.
// Parsing follows apimachinery's ParseQuantity: the grammar
//   <quantity> ::= <signedNumber><suffix>, suffix: binarySI (Ki..Ei) | decimalSI (n u m "" k M G T
//   P E)
//                 | decimalExponent (e<signedNumber> / E<signedNumber>)
// values finer than 1n are rounded up (away from zero) to 1n, as the API server does.
// Magnitudes above 2^63-1 units are refused with "quantity.overflow" (the API server would
// silently cap them, which hides a typo such as 1e400).
class Quantity
{
public:
    enum class Format { DecimalSI, BinarySI, DecimalExponent };
    using Nanos = __int128;

    Quantity() = default;

    static Result<Quantity> parse(const QString &text);
    static Quantity fromNanos(Nanos nanos, Format format = Format::DecimalSI);
    static Quantity fromMilli(std::int64_t milli, Format format = Format::DecimalSI);
    static Quantity fromUnits(std::int64_t units, Format format = Format::DecimalSI);

    Nanos nanos() const { return m_nanos; }
    Format format() const { return m_format; }
    bool isZero() const { return m_nanos == 0; }
    int sign() const { return m_nanos < 0 ? -1 : (m_nanos > 0 ? 1 : 0); }

    // Like apimachinery's MilliValue()/Value(): rounded up, away from zero.
    std::int64_t milliValue() const;
    std::int64_t value() const;

    // Canonical text exactly as the API server prints it (Quantity.String()).
    QString toString() const;

    Quantity operator+(const Quantity &other) const; // keeps this format (other's if this is zero)
    Quantity operator-(const Quantity &other) const;
    Quantity operator*(std::int64_t factor) const;
    Quantity operator-() const;
    bool operator==(const Quantity &other) const { return m_nanos == other.m_nanos; }
    std::strong_ordering operator<=>(const Quantity &other) const
    {
        return m_nanos <=> other.m_nanos;
    }

private:
    Quantity(Nanos nanos, Format format) : m_nanos(nanos), m_format(format) {}

    Nanos m_nanos = 0;
    Format m_format = Format::DecimalSI;
};

// Canonical text of a cpu amount in millicores ("250m", "1") and of a memory amount in bytes
// ("512Mi", "1Gi"), as the preview, the tables and burstctl print them.
QString formatCpuMilli(std::int64_t milli);
QString formatMemoryBytes(std::int64_t bytes);

} // namespace core::kube
