#include "core/kube/quantity.h"

#include <QTest>

#include <cstdint>

// Expected values come from k8s.io/apimachinery pkg/api/resource/quantity_test.go
// (TestQuantityParse, TestQuantityString, TestQuantityParseEmit, TestMilliNewSet, TestNewSet,
// TestAdd, TestSub, TestMul, TestQuantityCmp, ...) or from the Kubernetes canonicalisation rules
// applied by hand.

using core::kube::Quantity;
using Format = Quantity::Format;

Q_DECLARE_METATYPE(Quantity)
Q_DECLARE_METATYPE(Quantity::Format)

namespace core::kube {

// Canonical text is lossless, so QCOMPARE failures show the exact values.
char *toString(const Quantity &quantity)
{
    return qstrdup(quantity.toString().toUtf8().constData());
}

char *toString(Quantity::Format format)
{
    switch (format) {
    case Quantity::Format::DecimalSI:
        return qstrdup("DecimalSI");
    case Quantity::Format::BinarySI:
        return qstrdup("BinarySI");
    case Quantity::Format::DecimalExponent:
        return qstrdup("DecimalExponent");
    }
    return qstrdup("?");
}

} // namespace core::kube

namespace {

constexpr Format DecSI = Format::DecimalSI;
constexpr Format BinSI = Format::BinarySI;
constexpr Format DecExp = Format::DecimalExponent;

// mantissa * 10^exponent in nanos, like apimachinery's decQuantity(i, exponent) helper.
Quantity::Nanos scaled(qint64 mantissa, int exponent)
{
    Quantity::Nanos nanos = mantissa;
    for (int i = 0; i < exponent + 9; ++i)
        nanos *= 10;
    return nanos;
}

Quantity q(const char *text)
{
    const auto parsed = Quantity::parse(QString::fromLatin1(text));
    if (!parsed.ok())
        qFatal("test operand %s does not parse", text);
    return *parsed;
}

Quantity units(qint64 value, Format format = DecSI)
{
    return Quantity::fromUnits(value, format);
}

void parseRow(const char *input, qint64 mantissa, int exponent, Format format,
              const char *canonical)
{
    QTest::newRow(input) << QString::fromLatin1(input) << mantissa << exponent << format
                         << QString::fromLatin1(canonical);
}

} // namespace

class tst_Quantity : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void errorMessage_data();
    void errorMessage();
    void constructed_data();
    void constructed();
    void binarySIBelow1024_data();
    void binarySIBelow1024();
    void rounding_data();
    void rounding();
    void compare_data();
    void compare();
    void arithmetic_data();
    void arithmetic();
};

void tst_Quantity::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("canonical");

    // TestQuantityParse: zeros keep the format their suffix implies.
    parseRow("0", 0, 0, DecSI, "0");
    parseRow("0n", 0, 0, DecSI, "0");
    parseRow("0u", 0, 0, DecSI, "0");
    parseRow("0m", 0, 0, DecSI, "0");
    parseRow("0Ki", 0, 0, BinSI, "0");
    parseRow("0k", 0, 0, DecSI, "0");
    parseRow("0Mi", 0, 0, BinSI, "0");
    parseRow("0M", 0, 0, DecSI, "0");
    parseRow("0Gi", 0, 0, BinSI, "0");
    parseRow("0G", 0, 0, DecSI, "0");
    parseRow("0Ti", 0, 0, BinSI, "0");
    parseRow("0T", 0, 0, DecSI, "0");
    parseRow("1", 1, 0, DecSI, "1");
    // Binary suffixes.
    parseRow("1Ki", 1024, 0, BinSI, "1Ki");
    parseRow("8Ki", 8 * 1024, 0, BinSI, "8Ki");
    parseRow("7Mi", 7 * 1024 * 1024, 0, BinSI, "7Mi");
    parseRow("6Gi", 6LL << 30, 0, BinSI, "6Gi");
    parseRow("5Ti", 5LL << 40, 0, BinSI, "5Ti");
    parseRow("4Pi", 4LL << 50, 0, BinSI, "4Pi");
    parseRow("3Ei", 3LL << 60, 0, BinSI, "3Ei");
    parseRow("10Ti", 10LL << 40, 0, BinSI, "10Ti");
    parseRow("100Ti", 100LL << 40, 0, BinSI, "100Ti");
    // Decimal suffixes.
    parseRow("5n", 5, -9, DecSI, "5n");
    parseRow("4u", 4, -6, DecSI, "4u");
    parseRow("3m", 3, -3, DecSI, "3m");
    parseRow("9", 9, 0, DecSI, "9");
    parseRow("8k", 8, 3, DecSI, "8k");
    parseRow("50k", 5, 4, DecSI, "50k");
    parseRow("7M", 7, 6, DecSI, "7M");
    parseRow("6G", 6, 9, DecSI, "6G");
    parseRow("5T", 5, 12, DecSI, "5T");
    parseRow("40T", 4, 13, DecSI, "40T");
    parseRow("300T", 3, 14, DecSI, "300T");
    parseRow("2P", 2, 15, DecSI, "2P");
    parseRow("1E", 1, 18, DecSI, "1E");
    // Decimal exponents, including non-canonical ones.
    parseRow("1E-3", 1, -3, DecExp, "1e-3");
    parseRow("1e3", 1, 3, DecExp, "1e3");
    parseRow("1E6", 1, 6, DecExp, "1e6");
    parseRow("1e9", 1, 9, DecExp, "1e9");
    parseRow("1E12", 1, 12, DecExp, "1e12");
    parseRow("1e15", 1, 15, DecExp, "1e15");
    parseRow("1E18", 1, 18, DecExp, "1e18");
    parseRow("1e14", 1, 14, DecExp, "100e12");
    parseRow("1e13", 1, 13, DecExp, "10e12");
    parseRow("100.035k", 100035, 0, DecSI, "100035");
    // Things that look like floating point.
    parseRow("0.001", 1, -3, DecSI, "1m");
    parseRow("0.0005k", 5, -1, DecSI, "500m");
    parseRow("0.005", 5, -3, DecSI, "5m");
    parseRow("0.05", 5, -2, DecSI, "50m");
    parseRow("0.5", 5, -1, DecSI, "500m");
    parseRow("0.00050k", 5, -1, DecSI, "500m");
    parseRow("0.00500", 5, -3, DecSI, "5m");
    parseRow("0.05000", 5, -2, DecSI, "50m");
    parseRow("0.50000", 5, -1, DecSI, "500m");
    parseRow("0.5e0", 5, -1, DecExp, "500e-3");
    parseRow("0.5e-1", 5, -2, DecExp, "50e-3");
    parseRow("0.5e-2", 5, -3, DecExp, "5e-3");
    parseRow("10.035M", 10035, 3, DecSI, "10035k");
    parseRow("1.2e3", 12, 2, DecExp, "1200");
    parseRow("1.3E+6", 13, 5, DecExp, "1300e3");
    parseRow("1.40e9", 14, 8, DecExp, "1400e6");
    parseRow("1.53E12", 153, 10, DecExp, "1530e9");
    parseRow("1.6e15", 16, 14, DecExp, "1600e12");
    parseRow("1.7E18", 17, 17, DecExp, "1700e15");
    parseRow("9.01", 901, -2, DecSI, "9010m");
    parseRow("8.1k", 81, 2, DecSI, "8100");
    parseRow("7.123456M", 7123456, 0, DecSI, "7123456");
    parseRow("6.987654321G", 6987654321, 0, DecSI, "6987654321");
    parseRow("5.444T", 5444, 9, DecSI, "5444G");
    parseRow("40.1T", 401, 11, DecSI, "40100G");
    parseRow("300.2T", 3002, 11, DecSI, "300200G");
    parseRow("2.5P", 25, 14, DecSI, "2500T");
    parseRow("1.01E", 101, 16, DecSI, "1010P");
    // Values finer than a nano round up, away from zero.
    parseRow("3.001n", 4, -9, DecSI, "4n");
    parseRow("1.1E-9", 2, -9, DecExp, "2e-9");
    parseRow("0.0000000001", 1, -9, DecSI, "1n");
    parseRow("0.0000000005", 1, -9, DecSI, "1n");
    parseRow("0.00000000050", 1, -9, DecSI, "1n");
    parseRow("0.5e-9", 1, -9, DecExp, "1e-9");
    parseRow("0.9n", 1, -9, DecSI, "1n");
    parseRow("0.1n", 1, -9, DecSI, "1n");
    parseRow("0.00000012345", 124, -9, DecSI, "124n");
    parseRow("0.00000012354", 124, -9, DecSI, "124n");
    parseRow("1.0000000001", 1000000001, -9, DecSI, "1000000001n");
    // Fractional binary values; under one unit the format becomes DecimalSI.
    parseRow("100.035Ki", 10243584, -2, BinSI, "102435840m");
    parseRow("0.5Mi", 524288, 0, BinSI, "512Ki");
    parseRow("0.05Gi", 536870912, -1, BinSI, "53687091200m");
    parseRow("0.025Ti", 274877906944, -1, BinSI, "27487790694400m");
    parseRow("0.000000000001Ki", 2, -9, DecSI, "2n");
    parseRow("0.2Gi", 2147483648, -1, BinSI, "214748364800m");
    parseRow("0.5Gi", 512LL << 20, 0, BinSI, "512Mi");
    parseRow("1.5Ki", 1536, 0, BinSI, "1536");
    parseRow("1.5Gi", 1536LL << 20, 0, BinSI, "1536Mi");
    parseRow("1536Mi", 1536LL << 20, 0, BinSI, "1536Mi");
    parseRow("2048Ki", 2048LL << 10, 0, BinSI, "2Mi");
    // TestQuantityParseEmit.
    parseRow("1024Mi", 1LL << 30, 0, BinSI, "1Gi");
    parseRow("1000M", 1, 9, DecSI, "1G");
    parseRow(".001Ki", 1024, -3, BinSI, "1024m");
    parseRow(".000001Ki", 1024, -6, DecSI, "1024u");
    parseRow(".000000001Ki", 1024, -9, DecSI, "1024n");
    // Alternate spellings from TestQuantityString.
    parseRow("1.5", 15, -1, DecSI, "1500m");
    parseRow("0.1", 1, -1, DecSI, "100m");
    parseRow("1000", 1, 3, DecSI, "1k");
    parseRow("1000m", 1, 0, DecSI, "1");
    parseRow("100m", 1, -1, DecSI, "100m");
    parseRow("1200k", 12, 5, DecSI, "1200k");
    parseRow("1000u", 1, -3, DecSI, "1m");
    parseRow("1080000000n", 108, -2, DecSI, "1080m");
    parseRow(".001e12", 1, 9, DecExp, "1e9");
    parseRow("0.001e0", 1, -3, DecExp, "1e-3");
    parseRow("1000e-12", 1, -9, DecExp, "1e-9");
    parseRow("12e6", 12, 6, DecExp, "12e6");
    parseRow("1.5e-3", 15, -4, DecExp, "1500e-6");
    parseRow("00", 0, 0, DecSI, "0");
    parseRow("01", 1, 0, DecSI, "1");
    // Written by trolls, still valid.
    parseRow(".001", 1, -3, DecSI, "1m");
    parseRow(".0001k", 100, -3, DecSI, "100m");
    parseRow("1.", 1, 0, DecSI, "1");
    parseRow("1.G", 1, 9, DecSI, "1G");
    // Signs (rows starting with a sign get no extra signed variants below).
    parseRow("-1", -1, 0, DecSI, "-1");
    parseRow("+5", 5, 0, DecSI, "5");
    parseRow("-0", 0, 0, DecSI, "0");
    // Edges of the int64 range and big exponents that must not overflow the arithmetic.
    parseRow("9223372036854775807", INT64_MAX, 0, DecSI, "9223372036854775807");
    parseRow("9.223372036854775807E", INT64_MAX, 0, DecSI, "9223372036854775807");
    parseRow("7Ei", 7LL << 60, 0, BinSI, "7Ei");
    parseRow("8191Pi", 8191LL << 50, 0, BinSI, "8191Pi");
    parseRow("1e-400", 1, -9, DecExp, "1e-9");
    parseRow("0e400", 0, 0, DecExp, "0");
    parseRow("0.000000000000000000000000000001", 1, -9, DecSI, "1n");
}

void tst_Quantity::parse()
{
    QFETCH(QString, input);
    QFETCH(qint64, mantissa);
    QFETCH(int, exponent);
    QFETCH(Format, format);
    QFETCH(QString, canonical);

    const auto parsed = Quantity::parse(input);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(*parsed, Quantity::fromNanos(scaled(mantissa, exponent)));
    QCOMPARE(parsed->format(), format);
    QCOMPARE(parsed->toString(), canonical);

    if (input.startsWith(u'-') || input.startsWith(u'+'))
        return;
    // Like apimachinery's test: a leading '-' negates the value, '+' changes nothing.
    const auto negative = Quantity::parse(u'-' + input);
    QVERIFY(negative.ok());
    QCOMPARE(*negative, Quantity::fromNanos(-scaled(mantissa, exponent)));
    QCOMPARE(negative->format(), format);
    QCOMPARE(negative->toString(), mantissa == 0 ? canonical : QString(u'-' + canonical));
    const auto positive = Quantity::parse(u'+' + input);
    QVERIFY(positive.ok());
    QCOMPARE(*positive, *parsed);
    QCOMPARE(positive->format(), format);
}

void tst_Quantity::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");

    const QString syntax = QStringLiteral("quantity.syntax");
    const QString overflow = QStringLiteral("quantity.overflow");
    QTest::newRow("empty") << QString() << syntax;
    for (const char *input :
         {" 1",    "1 ",  "1 Gi", "1.5.5Gi", "1.5.5",   "1Kb",   "Gi",     "Ki",    "--1",
          "+-1",   "-",   "+",    ".",       "-.",      "1.1.M", "1+1.0M", "0.1mi", "0.1am",
          "aoeu",  ".5i", "1i",   "-3.01i",  "-3.01e-", "1e",    "1E+",    "1e+-3", "1Ee3",
          "1e3.5", "1KI", "1ki",  "1K",      "0x10",    "1_000", "1,5",    "1\t"}) {
        QTest::newRow(input) << QString::fromLatin1(input) << syntax;
    }
    // Kubernetes would cap binary values and keep big decimals; we refuse both.
    for (const char *input :
         {"1e400", "9223372036854775808", "-9223372036854775808", "8Ei", "9Ei", "-8Ei", "12E",
          "10E", "1e19", "9223372036854775807Ki", "8192Pi", "9223372036854775807.0000000001",
          "100000000000000000000000000000000000000000000"}) {
        QTest::newRow(input) << QString::fromLatin1(input) << overflow;
    }
}

void tst_Quantity::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);

    const auto parsed = Quantity::parse(input);
    QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? parsed->toString() : QString()));
    QCOMPARE(parsed.error().code, code);
    QVERIFY(parsed.error().message.contains(QString(u'"' + input + u'"')));
    QVERIFY(!parsed.error().hint.isEmpty());
}

void tst_Quantity::errorMessage_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("second point") << QStringLiteral("1.5.5Gi")
                                  << QStringLiteral("unexpected character '.' at position 4");
    QTest::newRow("leading space")
        << QStringLiteral(" 1") << QStringLiteral("unexpected character ' ' at position 1");
    QTest::newRow("space before suffix") << QStringLiteral("1 Gi") << QStringLiteral("position 2");
    QTest::newRow("unknown suffix")
        << QStringLiteral("1Kb") << QStringLiteral("unknown suffix \"Kb\" at position 2");
    QTest::newRow("suffix only") << QStringLiteral("Gi") << QStringLiteral("position 1");
    QTest::newRow("bad exponent") << QStringLiteral("1e3.5")
                                  << QStringLiteral("unexpected character '.' at position 4");
    QTest::newRow("empty exponent") << QStringLiteral("-3.01e-") << QStringLiteral("exponent");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
}

void tst_Quantity::errorMessage()
{
    QFETCH(QString, input);
    QFETCH(QString, fragment);

    const auto parsed = Quantity::parse(input);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
}

void tst_Quantity::constructed_data()
{
    QTest::addColumn<Quantity>("quantity");
    QTest::addColumn<QString>("expected");

    struct Row
    {
        qint64 value;
        int scale; // -9 nanos, -3 milli, 0 units
        Format format;
        const char *expected;
    };
    // TestQuantityString, TestMilliNewSet, TestNewSet and TestNewScaledSet.
    const Row rows[] = {
        {1LL << 30, 0, BinSI, "1Gi"},
        {300LL << 20, 0, BinSI, "300Mi"},
        {6 * 1024, 0, BinSI, "6Ki"},
        {1001LL << 30, 0, BinSI, "1001Gi"},
        {1LL << 40, 0, BinSI, "1Ti"},
        {5, 0, BinSI, "5"},
        {500, -3, BinSI, "500m"},
        {1000000000, 0, DecSI, "1G"},
        {1, -3, DecSI, "1m"},
        {80, -3, DecSI, "80m"},
        {1080, -3, DecSI, "1080m"},
        {300000000, 0, DecSI, "300M"},
        {1000000000000, 0, DecSI, "1T"},
        {1000000000000000000, 0, DecSI, "1E"},
        {1234567000000, 0, DecSI, "1234567M"},
        {1234567, -3, BinSI, "1234567m"},
        {3000, 0, DecSI, "3k"},
        {1025, 0, BinSI, "1025"},
        {0, 0, DecSI, "0"},
        {0, 0, BinSI, "0"},
        {0, 0, DecExp, "0"},
        {1000000000, 0, DecExp, "1e9"},
        {1, -3, DecExp, "1e-3"},
        {1, -9, DecExp, "1e-9"},
        {80, -3, DecExp, "80e-3"},
        {300000000, 0, DecExp, "300e6"},
        {1000000000000, 0, DecExp, "1e12"},
        {1000, 0, DecExp, "1e3"},
        {3000, 0, DecExp, "3e3"},
        {1, -9, DecSI, "1n"},
        {80, -9, DecSI, "80n"},
        {1080, -9, DecSI, "1080n"},
        {1000, -9, DecSI, "1u"},
        {80000, -9, DecSI, "80u"},
        {1080000, -9, DecSI, "1080u"},
        {1000, -3, DecSI, "1"},
        {1234000, -3, DecSI, "1234"},
        {1024, -3, BinSI, "1024m"},
        {1000000, -3, DecExp, "1e3"},
        {1024 * 1024, -3, BinSI, "1048576m"},
        {1, 0, DecSI, "1"},
        {1000, 0, DecSI, "1k"},
        {1234000, 0, DecSI, "1234k"},
        {1024, 0, BinSI, "1Ki"},
        {1000000, 0, DecExp, "1e6"},
        {1024 * 1024, 0, BinSI, "1Mi"},
    };
    for (const Row &row : rows) {
        const Quantity quantity = row.scale == 0    ? Quantity::fromUnits(row.value, row.format)
                                  : row.scale == -3 ? Quantity::fromMilli(row.value, row.format)
                                                    : Quantity::fromNanos(row.value, row.format);
        QTest::addRow("%lld@%d %s", row.value, row.scale, row.expected)
            << quantity << QString::fromLatin1(row.expected);
    }
}

void tst_Quantity::constructed()
{
    QFETCH(Quantity, quantity);
    QFETCH(QString, expected);

    QCOMPARE(quantity.toString(), expected);
    // TestQuantityString also checks every non-zero value negated.
    if (!quantity.isZero())
        QCOMPARE((-quantity).toString(), QString(u'-' + expected));
}

void tst_Quantity::binarySIBelow1024_data()
{
    QTest::addColumn<qint64>("milli");
    QTest::addColumn<QString>("expected");

    // |value| under 1024 or not a whole number of units: printed as DecimalSI.
    QTest::newRow("1023") << 1023000LL << QStringLiteral("1023");
    QTest::newRow("1024") << 1024000LL << QStringLiteral("1Ki");
    QTest::newRow("-1023") << -1023000LL << QStringLiteral("-1023");
    QTest::newRow("-1024") << -1024000LL << QStringLiteral("-1Ki");
    QTest::newRow("1025") << 1025000LL << QStringLiteral("1025");
    QTest::newRow("1536") << 1536000LL << QStringLiteral("1536");
    QTest::newRow("2048") << 2048000LL << QStringLiteral("2Ki");
    QTest::newRow("1") << 1000LL << QStringLiteral("1");
    QTest::newRow("0.5") << 500LL << QStringLiteral("500m");
    QTest::newRow("1024.5") << 1024500LL << QStringLiteral("1024500m");
    QTest::newRow("1048.576") << 1048576LL << QStringLiteral("1048576m");
    QTest::newRow("1048577") << 1048577000LL << QStringLiteral("1048577");
    QTest::newRow("1Mi") << 1048576000LL << QStringLiteral("1Mi");
}

void tst_Quantity::binarySIBelow1024()
{
    QFETCH(qint64, milli);
    QFETCH(QString, expected);

    const Quantity quantity = Quantity::fromMilli(milli, BinSI);
    QCOMPARE(quantity.toString(), expected);
    QCOMPARE(quantity.format(), BinSI);
}

void tst_Quantity::rounding_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("milli");
    QTest::addColumn<qint64>("value");

    const auto row = [](const char *input, qint64 milli, qint64 value) {
        QTest::newRow(input) << QString::fromLatin1(input) << milli << value;
    };
    // TestScaledValue / TestQuantityRoundUp: rounded up, away from zero.
    row("0", 0, 0);
    row("1n", 1, 1);
    row("1u", 1, 1);
    row("100u", 1, 1);
    row("1m", 1, 1);
    row("1", 1000, 1);
    row("1.5", 1500, 2);
    row("-1.5", -1500, -2);
    row("-1n", -1, -1);
    row("1.0001", 1001, 2);
    row("9.01", 9010, 10);
    row("-9.01", -9010, -10);
    row("1Ki", 1024000, 1024);
    row("1Mi", 1048576000, 1048576);
    row("2Gi", 2147483648000, 2147483648);
    row("9223372036854775.807", INT64_MAX, 9223372036854776);
    // apimachinery leaves overflow undefined; we saturate.
    row("9223372036854775807", INT64_MAX, INT64_MAX);
    row("-9223372036854775807", INT64_MIN, -INT64_MAX);
}

void tst_Quantity::rounding()
{
    QFETCH(QString, input);
    QFETCH(qint64, milli);
    QFETCH(qint64, value);

    const auto parsed = Quantity::parse(input);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->milliValue(), milli);
    QCOMPARE(parsed->value(), value);
}

void tst_Quantity::compare_data()
{
    QTest::addColumn<Quantity>("a");
    QTest::addColumn<Quantity>("b");
    QTest::addColumn<int>("expected");

    QTest::newRow("0 0") << q("0") << q("0") << 0;
    QTest::newRow("100m 50m") << q("100m") << q("50m") << 1;
    QTest::newRow("50m 100m") << q("50m") << q("100m") << -1;
    QTest::newRow("10000T 100Gi") << q("10000T") << q("100Gi") << 1;
    QTest::newRow("1Gi 1024Mi") << q("1Gi") << q("1024Mi") << 0;
    QTest::newRow("1k 1000") << q("1k") << q("1000") << 0;
    QTest::newRow("1e3 1k") << q("1e3") << q("1k") << 0;
    QTest::newRow("1 1000m") << q("1") << q("1000m") << 0;
    QTest::newRow("1Ki 1k") << q("1Ki") << q("1k") << 1;
    QTest::newRow("800m 1") << q("800m") << q("1") << -1;
    QTest::newRow("800m 79e-2") << q("800m") << q("79e-2") << 1;
    QTest::newRow("9.01 90e-1") << q("9.01") << q("90e-1") << 1;
    QTest::newRow("-1 0") << q("-1") << q("0") << -1;
    QTest::newRow("-1Gi -1G") << q("-1Gi") << q("-1G") << -1;
    QTest::newRow("0Ki 0") << q("0Ki") << q("0") << 0;
}

void tst_Quantity::compare()
{
    QFETCH(Quantity, a);
    QFETCH(Quantity, b);
    QFETCH(int, expected);

    const auto order = a <=> b;
    QCOMPARE(order < 0 ? -1 : (order > 0 ? 1 : 0), expected);
    QCOMPARE(a == b, expected == 0);
    QCOMPARE(a < b, expected < 0);
    QCOMPARE(b<a, expected> 0);
}

void tst_Quantity::arithmetic_data()
{
    QTest::addColumn<Quantity>("a");
    QTest::addColumn<QString>("op");
    QTest::addColumn<Quantity>("b");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<Format>("format");

    const Quantity zero;
    const auto row = [](const char *tag, const Quantity &a, const char *op, const Quantity &b,
                        qint64 factor, const char *expected, Format format) {
        QTest::newRow(tag) << a << QString::fromLatin1(op) << b << factor
                           << QString::fromLatin1(expected) << format;
    };
    // TestAdd and TestQuantityAddZeroPreservesSuffix.
    row("10+1e1", units(10), "+", units(10, DecExp), 0, "20", DecSI);
    row("10+1 binary", units(10), "+", units(1, BinSI), 0, "11", DecSI);
    row("10 binary+1", units(10, BinSI), "+", units(1), 0, "11", BinSI);
    row("0+50", zero, "+", units(50), 0, "50", DecSI);
    row("50+0", units(50), "+", zero, 0, "50", DecSI);
    row("0+0", zero, "+", zero, 0, "0", DecSI);
    row("100m+0", q("100m"), "+", q("0"), 0, "100m", DecSI);
    row("0+1Gi", q("0"), "+", q("1Gi"), 0, "1Gi", BinSI);
    row("1Gi+0", q("1Gi"), "+", q("0"), 0, "1Gi", BinSI);
    row("1Gi+512Mi", q("1Gi"), "+", q("512Mi"), 0, "1536Mi", BinSI);
    // TestSub, TestQuantitySubZeroPreservesSuffix and the most-negative tests.
    row("10-1e1", units(10), "-", units(10), 0, "0", DecSI);
    row("10-1 binary", units(10), "-", units(1, BinSI), 0, "9", DecSI);
    row("10 binary-1", units(10, BinSI), "-", units(1), 0, "9", BinSI);
    row("0-50", zero, "-", units(50), 0, "-50", DecSI);
    row("50-0", units(50), "-", zero, 0, "50", DecSI);
    row("100m-0", q("100m"), "-", q("0"), 0, "100m", DecSI);
    row("0-1Gi", q("0"), "-", q("1Gi"), 0, "-1Gi", BinSI);
    row("0-min binary", zero, "-", units(INT64_MIN, BinSI), 0, "8Ei", BinSI);
    row("1-min", units(1), "-", units(INT64_MIN), 0, "9223372036854775809", DecSI);
    row("10-min", units(10), "-", units(INT64_MIN), 0, "9223372036854775818", DecSI);
    row("1m-min m", Quantity::fromMilli(1), "-", Quantity::fromMilli(INT64_MIN), 0,
        "9223372036854775809m", DecSI);
    // TestMul.
    row("10*10", units(10), "*", zero, 10, "100", DecSI);
    row("10*1", units(10), "*", zero, 1, "10", DecSI);
    row("10 binary*1", units(10, BinSI), "*", zero, 1, "10", BinSI);
    row("0*50", zero, "*", zero, 50, "0", DecSI);
    row("50*0", units(50), "*", zero, 0, "0", DecSI);
    row("10*-10", units(10), "*", zero, -10, "-100", DecSI);
    row("-50*-50", units(-50), "*", zero, -50, "2500", DecSI);
    row("max*-1", units(INT64_MAX), "*", zero, -1, "-9223372036854775807", DecSI);
    row("max*2", units(INT64_MAX), "*", zero, 2, "18446744073709551614", DecSI);
    row("max*10", units(INT64_MAX), "*", zero, 10, "92233720368547758070", DecSI);
    row("min*-1", units(INT64_MIN), "*", zero, -1, "9223372036854775808", DecSI);
    row("min*-10", units(INT64_MIN), "*", zero, -10, "92233720368547758080", DecSI);
    // TestQuantityNeg and TestNeg.
    row("-9.01", q("9.01"), "neg", zero, 0, "-9010m", DecSI);
    row("-10 binary", units(10, BinSI), "neg", zero, 0, "-10", BinSI);
    row("-(-10 binary)", units(-10, BinSI), "neg", zero, 0, "10", BinSI);
    row("-0", zero, "neg", zero, 0, "0", DecSI);
}

void tst_Quantity::arithmetic()
{
    QFETCH(Quantity, a);
    QFETCH(QString, op);
    QFETCH(Quantity, b);
    QFETCH(qint64, factor);
    QFETCH(QString, expected);
    QFETCH(Format, format);

    Quantity result;
    if (op == u"+")
        result = a + b;
    else if (op == u"-")
        result = a - b;
    else if (op == u"*")
        result = a * factor;
    else
        result = -a;
    QCOMPARE(result.toString(), expected);
    QCOMPARE(result.format(), format);
}

QTEST_GUILESS_MAIN(tst_Quantity)
#include "tst_quantity.moc"
