#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the libFuzzer harnesses (docs/fuzzing.md): how an input is cut into fields and how a
// broken property is reported (an abort, which libFuzzer records as a crash with the input).
namespace fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input cut at its first `count - 1` NUL bytes into `count` fields (missing ones empty): the
// seed corpora (tests/fuzz/make-seeds.py) write multi-field inputs that way.
inline QList<QByteArray> fields(const uint8_t *data, size_t size, int count)
{
    const QByteArray all = bytes(data, size);
    QList<QByteArray> out;
    qsizetype from = 0;
    for (int i = 0; i < count - 1; ++i) {
        const qsizetype nul = all.indexOf('\0', from);
        if (nul < 0)
            break;
        out.append(all.mid(from, nul - from));
        from = nul + 1;
    }
    out.append(all.mid(from));
    while (out.size() < count)
        out.append(QByteArray());
    return out;
}

[[noreturn]] inline void fail(const char *property, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz: property broken: %s\n%s\n", property, detail.constData());
    std::abort();
}

// Parsers warn through qWarning on hostile input; millions of lines would drown libFuzzer's own.
inline void quiet()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
            std::abort();
        }
    });
}

// For harnesses whose code under test wants an application object (timers, translators).
inline void application()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

} // namespace fuzz

#define FUZZ_CHECK(condition, detail)                                                             \
    do {                                                                                           \
        if (!(condition))                                                                          \
            fuzz::fail(#condition, detail);                                                        \
    } while (false)
