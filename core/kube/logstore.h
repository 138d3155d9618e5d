#pragma once

#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>

#include <array>
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

namespace core::kube {

// RFC 3339 ("2024-05-01T10:00:00.123456789Z", any fraction, Z or an offset) to nanoseconds since
// the epoch; false when `text` is no such time.
bool parseLogTimestamp(std::string_view text, std::int64_t *nanoseconds);
// Nanoseconds to RFC3339Nano with the fixed nine-digit fraction the kubelet writes, in UTC.
QByteArray formatLogTimestamp(std::int64_t nanoseconds);

// What to look for in log lines: a literal (optionally case-insensitive, ASCII folding; a
// pattern with non-ASCII letters goes through the regex engine with case folding) or a regex,
// optionally whole words only. Literal matching runs over raw UTF-8 (no QString per line).
class LogMatcher
{
public:
    LogMatcher() = default;
    LogMatcher(const QString &pattern, bool regex, bool caseSensitive, bool wholeWord);

    bool isEmpty() const { return m_empty; }
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_regex.errorString(); }
    bool usesRegex() const { return m_useRegex; }

    // Non-overlapping matches in one line (no newline in it).
    qsizetype count(std::string_view line) const;
    bool matches(std::string_view line) const;
    // (start, length) in UTF-16 units of QString::fromUtf8(line), for highlighting.
    QList<QPair<int, int>> matchesInText(std::string_view line) const;

    // Matches in a block of '\n'-terminated lines, scanning the block as a whole for literals;
    // a regex runs only on the lines holding its prefilter literal.
    qsizetype countInBlock(std::string_view block) const;

    // A regex's prefilter: literals one of which every match holds
    // (core/kube/logregexliteral.h), looked for in raw bytes before the regex runs. Empty when
    // there is none (or no regex).
    std::vector<std::string> prefilterLiterals() const;
    // Every line goes through the regex (to compare results and time in tests and benches).
    void disablePrefilter();

private:
    template <typename Fn> void forEachLiteral(std::string_view text, Fn &&fn) const;
    // The first literal match at or after `from` (whole word when asked), or npos.
    std::size_t findLiteral(std::string_view text, std::size_t from) const;
    bool wordBoundaryOk(std::string_view text, std::size_t at, std::size_t length) const;
    void setLiteral(std::string literal);
    // The start of the first prefilter literal at or after `from` in `text`, or npos; `next`
    // caches each literal's next hit across calls with a growing `from` (empty: computed).
    std::size_t findPrefilter(std::string_view text, std::size_t from,
                              std::vector<std::size_t> *next) const;
    bool prefilterRejects(std::string_view line) const;
    qsizetype regexCount(std::string_view line) const;

    bool m_empty = true;
    bool m_valid = true;
    bool m_useRegex = false;
    bool m_caseSensitive = true;
    bool m_wholeWord = false;
    std::string m_literal; // lowered when !m_caseSensitive
    std::size_t m_rarePos = 0; // the position of its rarest byte
    std::array<std::uint32_t, 256> m_skip{}; // Boyer-Moore-Horspool shifts when !m_caseSensitive
    QRegularExpression m_regex;
    // For a regex: literal matchers, one of which finds something in every line it matches.
    std::shared_ptr<const std::vector<LogMatcher>> m_prefilter;
};

// The lines of one log source, stored as UTF-8 in large chunks: per line the text and its '\n'
// in the chunk, its end offset (4 bytes), its timestamp as nanoseconds (8 bytes) and a flag
// byte. The timestamp text kubectl prints (~31 bytes) becomes 8, which pays for the offsets.
// Lines have stable absolute numbers: the first line ever appended is 0; dropping the oldest
// (the cap) raises firstLine().
class LogStore
{
public:
    static constexpr std::int64_t kNoTimestamp = std::numeric_limits<std::int64_t>::min();
    static constexpr std::size_t kChunkBytes = std::size_t(1) << 20;

    LogStore() = default;
    LogStore(const LogStore &) = delete;
    LogStore &operator=(const LogStore &) = delete;
    ~LogStore();

    // Appends one line as the log client delivers it: "TIMESTAMP text" when its first word is an
    // RFC 3339 time, else the whole line is text. Answers its absolute number.
    std::int64_t append(std::string_view line, std::uint8_t flags = 0);
    // Appends text with a given timestamp (kNoTimestamp for none).
    std::int64_t appendText(std::int64_t timestamp, std::string_view text, std::uint8_t flags = 0);

    std::int64_t firstLine() const { return m_dropped; } // == droppedLines()
    std::int64_t endLine() const { return m_end; }
    std::int64_t size() const { return m_end - m_dropped; }
    std::int64_t droppedLines() const { return m_dropped; }
    bool contains(std::int64_t line) const { return line >= m_dropped && line < m_end; }

    std::string_view text(std::int64_t line) const;
    std::int64_t timestamp(std::int64_t line) const;
    std::uint8_t flags(std::int64_t line) const;
    void setFlags(std::int64_t line, std::uint8_t flags);
    std::int64_t newestTimestamp() const { return m_newest; }

    // 0 = unlimited. When more lines are held, the oldest are dropped (a chunk is freed once all
    // its lines are dropped).
    void setMaxLines(std::int64_t maxLines);
    std::int64_t maxLines() const { return m_maxLines; }
    void dropOldest(std::int64_t count);
    void clear();

    // Full count of matches over every line held; literals scan the chunks' raw bytes.
    qsizetype countMatches(const LogMatcher &matcher) const;
    // Heap bytes held by the chunks and their arrays (capacity, not size).
    std::size_t bytesHeld() const;

private:
    struct Chunk
    {
        std::unique_ptr<char[]> bytes;
        std::uint32_t used = 0;
        std::uint32_t capacity = 0;
        std::int64_t first = 0; // absolute number of its first line
        std::vector<std::uint32_t> ends;
        std::vector<std::int64_t> times;
        std::vector<std::uint8_t> flags;
        std::int64_t count() const { return std::int64_t(ends.size()); }
        void seal();
    };
    const Chunk &chunkOf(std::int64_t line, std::size_t *index) const;
    void enforceCap();

    std::deque<Chunk> m_chunks;
    std::int64_t m_dropped = 0;
    std::int64_t m_end = 0;
    std::int64_t m_maxLines = 0;
    std::int64_t m_newest = kNoTimestamp;
};

} // namespace core::kube
