#include "core/kube/watchstream.h"
#include "tests/fuzz/fuzzinput.h"

// The watch response body parser. Property: any chunking of the same bytes gives the same events,
// the same count of malformed lines and the same bytes left pending (a network read may end
// anywhere). The first byte is the number of cuts (up to 15), the next ones the chunk lengths;
// the rest is the body.
namespace {

struct Parsed
{
    QList<core::kube::WatchEvent> events;
    int malformed = 0;
    qsizetype pending = 0;
};

Parsed parse(const QByteArray &body, const QList<qsizetype> &cuts)
{
    core::kube::WatchStream stream;
    Parsed parsed;
    qsizetype from = 0;
    for (const qsizetype cut : cuts) {
        const qsizetype length = qMin(cut, body.size() - from);
        parsed.events += stream.feed(body.mid(from, length));
        from += length;
    }
    parsed.events += stream.feed(body.mid(from));
    parsed.malformed = stream.malformedLines();
    parsed.pending = stream.pendingBytes();
    return parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool once = (fuzz::quiet(), true);
    Q_UNUSED(once);
    if (size == 0)
        return 0;
    const size_t cutCount = qMin<size_t>(data[0] % 16, size - 1);
    QList<qsizetype> cuts;
    for (size_t i = 0; i < cutCount; ++i)
        cuts.append(data[1 + i]);
    const QByteArray body = fuzz::bytes(data + 1 + cutCount, size - 1 - cutCount);

    const Parsed whole = parse(body, {});
    const Parsed chunked = parse(body, cuts);
    FUZZ_CHECK(whole.events.size() == chunked.events.size(), body);
    for (qsizetype i = 0; i < whole.events.size(); ++i) {
        FUZZ_CHECK(whole.events.at(i).type == chunked.events.at(i).type, body);
        FUZZ_CHECK(whole.events.at(i).object == chunked.events.at(i).object, body);
    }
    FUZZ_CHECK(whole.malformed == chunked.malformed, body);
    FUZZ_CHECK(whole.pending == chunked.pending, body);
    // Byte by byte, the worst chunking there is (short bodies only: it is quadratic).
    if (body.size() <= 512) {
        core::kube::WatchStream stream;
        qsizetype events = 0;
        for (const char byte : body)
            events += stream.feed(QByteArray(1, byte)).size();
        FUZZ_CHECK(events == whole.events.size(), body);
        FUZZ_CHECK(stream.malformedLines() == whole.malformed, body);
    }
    return 0;
}
