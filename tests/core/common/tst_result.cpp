#include "core/common/result.h"

#include <QTest>

using core::Error;
using core::Result;

namespace {

Error failure()
{
    return Error{QStringLiteral("test.failed"), QStringLiteral("it failed"),
                 QStringLiteral("hint")};
}

Result<void> succeedOrFail(bool succeed)
{
    if (!succeed)
        return failure();
    return Result<void>::success();
}

// A richer error type, as the sandbox's ApiError.
struct CodedError
{
    int code = 0;
};

} // namespace

class tst_result : public QObject
{
    Q_OBJECT

private slots:
    void valueOrError()
    {
        const Result<int> value = 42;
        QVERIFY(value.ok());
        QVERIFY(bool(value));
        QCOMPARE(*value, 42);
        const Result<int> error = failure();
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, QStringLiteral("test.failed"));
    }

    void voidSuccess()
    {
        const Result<void> byDefault;
        QVERIFY(byDefault.ok());
        QVERIFY(bool(byDefault));
        QVERIFY(Result<void>::success().ok());
        QVERIFY(succeedOrFail(true).ok());
    }

    void voidError()
    {
        const Result<void> r = succeedOrFail(false);
        QVERIFY(!r.ok());
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("test.failed"));
        QCOMPARE(r.error().message, QStringLiteral("it failed"));
        QCOMPARE(r.error().hint, QStringLiteral("hint"));
    }

    void voidWithOwnErrorType()
    {
        const Result<void, CodedError> ok;
        QVERIFY(ok.ok());
        const Result<void, CodedError> gone = CodedError{410};
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, 410);
    }

    void voidCopiesKeepTheError()
    {
        Result<void> r = succeedOrFail(false);
        const Result<void> copy = r;
        r = Result<void>::success();
        QVERIFY(r.ok());
        QVERIFY(!copy.ok());
        QCOMPARE(copy.error().code, QStringLiteral("test.failed"));
    }
};

QTEST_APPLESS_MAIN(tst_result)
#include "tst_result.moc"
