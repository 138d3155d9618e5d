#include "core/kube/logstore.h"

#include "core/kube/logregexliteral.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

namespace core::kube {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int *out)
{
    if (at + n > s.size())
        return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

// Howard Hinnant's days_from_civil.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = int(std::int64_t(yoe) + era * 400 + (*m <= 2));
}

bool isWordByte(unsigned char c)
{
    return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

unsigned char lowerAscii(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? c | 0x20 : c;
}

// How common a byte is in log text (higher = more common), to pick the byte memchr looks for.
int byteRank(unsigned char c)
{
    static const char kLetters[] = "etaoinsrhldcumfpgwybvkxjqz"; // English, most common first
    if (c == ' ')
        return 255;
    if (c >= 'a' && c <= 'z')
        return 250 - 2 * int(std::strchr(kLetters, c) - kLetters);
    if (c >= '0' && c <= '9')
        return 200;
    if (c == '=' || c == ':' || c == '/' || c == '.' || c == ',' || c == '-' || c == '_' ||
        c == '"')
        return 205; // as common in logs as the middle letters

    if (c >= 'A' && c <= 'Z')
        return 100;
    return 50;
}

// UTF-16 units in a UTF-8 prefix: every lead byte is one unit, a 4-byte sequence two.
int utf16Units(std::string_view s)
{
    int n = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80)
            n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

} // namespace

bool parseLogTimestamp(std::string_view s, std::int64_t *ns)
{
    int year, month, day, hour, minute, second;
    if (s.size() < 20 || !digits(s, 0, 4, &year) || s[4] != '-' || !digits(s, 5, 2, &month) ||
        s[7] != '-' || !digits(s, 8, 2, &day) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s, 11, 2, &hour) || s[13] != ':' || !digits(s, 14, 2, &minute) || s[16] != ':' ||
        !digits(s, 17, 2, &second))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return false;
    std::size_t at = 19;
    std::int64_t fraction = 0;
    if (at < s.size() && s[at] == '.') {
        ++at;
        int n = 0;
        while (at < s.size() && s[at] >= '0' && s[at] <= '9') {
            if (n < 9) {
                fraction = fraction * 10 + (s[at] - '0');
                ++n;
            }
            ++at;
        }
        if (n == 0)
            return false;
        for (; n < 9; ++n)
            fraction *= 10;
    }
    std::int64_t offsetSeconds = 0;
    if (at < s.size() && (s[at] == 'Z' || s[at] == 'z')) {
        ++at;
    } else if (at < s.size() && (s[at] == '+' || s[at] == '-')) {
        int oh, om;
        if (!digits(s, at + 1, 2, &oh) || at + 3 >= s.size() || s[at + 3] != ':' ||
            !digits(s, at + 4, 2, &om))
            return false;
        offsetSeconds = (oh * 3600 + om * 60) * (s[at] == '+' ? 1 : -1);
        at += 6;
    } else {
        return false;
    }
    if (at != s.size())
        return false;
    const std::int64_t days = daysFromCivil(year, unsigned(month), unsigned(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    *ns = seconds * 1000000000 + fraction;
    return true;
}

QByteArray formatLogTimestamp(std::int64_t ns)
{
    std::int64_t seconds = ns / 1000000000;
    std::int64_t fraction = ns % 1000000000;
    if (fraction < 0) {
        fraction += 1000000000;
        --seconds;
    }
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    int y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%09lldZ", y,
                                m, d, int(rest / 3600), int(rest / 60 % 60), int(rest % 60),
                                static_cast<long long>(fraction));
    return QByteArray(buffer, n);
}

// ---- LogMatcher ----------------------------------------------------------------------------

LogMatcher::LogMatcher(const QString &pattern, bool regex, bool caseSensitive, bool wholeWord)
    : m_empty(pattern.isEmpty()), m_caseSensitive(caseSensitive), m_wholeWord(wholeWord)
{
    if (m_empty)
        return;
    bool asciiOnly = true;
    for (const QChar c : pattern)
        asciiOnly = asciiOnly && c.unicode() < 0x80;
    m_useRegex = regex || (!caseSensitive && !asciiOnly);
    if (!m_useRegex) {
        setLiteral(pattern.toStdString());
        return;
    }
    const QString user = regex ? pattern : QRegularExpression::escape(pattern);
    QString source = user;
    // grep -w: the match is preceded and followed by a non-word character or the line's edge.
    if (wholeWord)
        source = QStringLiteral("(?<!\\w)(?:%1)(?!\\w)").arg(source);
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (!caseSensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    m_regex = QRegularExpression(source, options);
    m_valid = m_regex.isValid();
    if (!m_valid)
        return;
    m_regex.optimize();
    // The user's pattern, before the whole-word wrap: what it requires, the wrap requires too.
    std::vector<std::string> literals = requiredRegexLiterals(user, caseSensitive);
    if (literals.empty())
        return;
    auto prefilter = std::make_shared<std::vector<LogMatcher>>(literals.size());
    for (std::size_t i = 0; i < literals.size(); ++i) {
        LogMatcher &m = (*prefilter)[i];
        m.m_empty = false;
        m.m_caseSensitive = caseSensitive;
        m.setLiteral(std::move(literals[i]));
    }
    m_prefilter = std::move(prefilter);
}

void LogMatcher::setLiteral(std::string literal)
{
    m_literal = std::move(literal);
    int best = 1000;
    for (std::size_t i = 0; i < m_literal.size(); ++i) {
        const int r = byteRank(static_cast<unsigned char>(m_literal[i]));
        if (r < best) {
            best = r;
            m_rarePos = i;
        }
    }
    if (m_caseSensitive)
        return;
    std::transform(m_literal.begin(), m_literal.end(), m_literal.begin(),
                   [](char c) { return char(lowerAscii(static_cast<unsigned char>(c))); });
    const std::size_t n = m_literal.size();
    m_skip.fill(std::uint32_t(n));
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const auto c = static_cast<unsigned char>(m_literal[i]);
        m_skip[c] = std::uint32_t(n - 1 - i);
        if (c >= 'a' && c <= 'z')
            m_skip[c - 32] = std::uint32_t(n - 1 - i);
    }
}

std::vector<std::string> LogMatcher::prefilterLiterals() const
{
    std::vector<std::string> out;
    if (m_prefilter) {
        for (const LogMatcher &m : *m_prefilter)
            out.push_back(m.m_literal);
    }
    return out;
}

void LogMatcher::disablePrefilter()
{
    m_prefilter.reset();
}

bool LogMatcher::wordBoundaryOk(std::string_view text, std::size_t at, std::size_t length) const
{
    if (!m_wholeWord)
        return true;
    if (at > 0 && isWordByte(static_cast<unsigned char>(text[at - 1])))
        return false;
    const std::size_t end = at + length;
    return end >= text.size() || !isWordByte(static_cast<unsigned char>(text[end]));
}

std::size_t LogMatcher::findLiteral(std::string_view text, std::size_t from) const
{
    const std::size_t n = m_literal.size();
    if (n == 0)
        return std::string_view::npos;
    if (m_caseSensitive) {
        // memchr for the pattern's rarest byte, then compare: no per-call setup, so lines full
        // of matches cost little more than lines with none.
        const char *base = text.data();
        const std::size_t rare = m_rarePos;
        const char rareByte = m_literal[rare];
        std::size_t at = from;
        while (at + n <= text.size()) {
            const void *hit = std::memchr(base + at + rare, rareByte, text.size() - at - n + 1);
            if (!hit)
                return std::string_view::npos;
            const std::size_t pos = std::size_t(static_cast<const char *>(hit) - base) - rare;
            if (std::memcmp(base + pos, m_literal.data(), n) == 0 && wordBoundaryOk(text, pos, n))
                return pos;
            at = pos + 1;
        }
        return std::string_view::npos;
    }
    // Boyer-Moore-Horspool with ASCII case folding.
    const auto *p = reinterpret_cast<const unsigned char *>(m_literal.data());
    const auto *t = reinterpret_cast<const unsigned char *>(text.data());
    std::size_t at = from;
    while (at + n <= text.size()) {
        const unsigned char last = t[at + n - 1];
        if (lowerAscii(last) == p[n - 1]) {
            std::size_t i = 0;
            while (i + 1 < n && lowerAscii(t[at + i]) == p[i])
                ++i;
            if (i + 1 >= n && wordBoundaryOk(text, at, n))
                return at;
        }
        at += m_skip[last];
    }
    return std::string_view::npos;
}

// Calls fn(offset) for each non-overlapping literal match in `text`.
template <typename Fn> void LogMatcher::forEachLiteral(std::string_view text, Fn &&fn) const
{
    std::size_t at = 0;
    while ((at = findLiteral(text, at)) != std::string_view::npos) {
        fn(at);
        at += m_literal.size();
    }
}

// One scan of `text` per literal (memchr or Horspool each, as for a literal search) rather than a
// multi-pattern automaton: the set is small (kMaxRegexLiterals) and each scan runs at memchr speed.
std::size_t LogMatcher::findPrefilter(std::string_view text, std::size_t from,
                                      std::vector<std::size_t> *next) const
{
    const bool fresh = next->empty();
    if (fresh)
        next->resize(m_prefilter->size());
    std::size_t first = std::string_view::npos;
    for (std::size_t i = 0; i < next->size(); ++i) {
        std::size_t &hit = (*next)[i];
        if (fresh || hit < from) // npos stays: the literal is not in the rest of `text`
            hit = (*m_prefilter)[i].findLiteral(text, from);
        first = std::min(first, hit);
    }
    return first;
}

bool LogMatcher::prefilterRejects(std::string_view line) const
{
    if (!m_prefilter)
        return false;
    return std::none_of(m_prefilter->begin(), m_prefilter->end(), [line](const LogMatcher &m) {
        return m.findLiteral(line, 0) != std::string_view::npos;
    });
}

qsizetype LogMatcher::regexCount(std::string_view line) const
{
    const QString text = QString::fromUtf8(line.data(), qsizetype(line.size()));
    qsizetype n = 0;
    auto it = m_regex.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

qsizetype LogMatcher::count(std::string_view line) const
{
    if (!m_useRegex)
        return countInBlock(line); // the same scan over one line
    if (m_empty || !m_valid)
        return 0;
    return prefilterRejects(line) ? 0 : regexCount(line);
}

bool LogMatcher::matches(std::string_view line) const
{
    if (m_empty)
        return true;
    if (!m_valid)
        return false;
    if (!m_useRegex)
        return findLiteral(line, 0) != std::string_view::npos;
    return !prefilterRejects(line) &&
           m_regex.match(QString::fromUtf8(line.data(), qsizetype(line.size()))).hasMatch();
}

QList<QPair<int, int>> LogMatcher::matchesInText(std::string_view line) const
{
    QList<QPair<int, int>> out;
    if (m_empty || !m_valid)
        return out;
    if (!m_useRegex) {
        const int length = utf16Units(m_literal);
        forEachLiteral(line, [&](std::size_t at) {
            out.append({utf16Units(line.substr(0, at)), length});
        });
        return out;
    }
    if (prefilterRejects(line))
        return out;
    const QString text = QString::fromUtf8(line.data(), qsizetype(line.size()));
    auto it = m_regex.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out.append({int(m.capturedStart()), int(m.capturedLength())});
    }
    return out;
}

qsizetype LogMatcher::countInBlock(std::string_view block) const
{
    if (m_empty || !m_valid)
        return 0;
    if (!m_useRegex) {
        qsizetype n = 0;
        forEachLiteral(block, [&n](std::size_t) { ++n; });
        return n;
    }
    qsizetype n = 0;
    std::size_t begin = 0;
    std::vector<std::size_t> next;
    // Once the prefilter has let most of the bytes through, scanning for its literals costs more
    // than the lines it saves the regex: the rest of the block goes straight to the regex.
    constexpr std::size_t kProbeBytes = 64 * 1024;
    bool prefilter = m_prefilter != nullptr;
    std::size_t passed = 0; // bytes of the lines the prefilter let through
    while (begin < block.size()) {
        if (prefilter && begin >= kProbeBytes && passed * 2 > begin)
            prefilter = false;
        if (prefilter) {
            // Straight to the next line holding a literal: the lines before it cannot match.
            const std::size_t hit = findPrefilter(block, begin, &next);
            if (hit == std::string_view::npos)
                break;
            const std::size_t newline = block.rfind('\n', hit);
            if (newline != std::string_view::npos && newline >= begin)
                begin = newline + 1;
        }
        std::size_t end = block.find('\n', begin);
        if (end == std::string_view::npos)
            end = block.size();
        n += regexCount(block.substr(begin, end - begin));
        passed += end + 1 - begin;
        begin = end + 1;
    }
    return n;
}

// ---- LogStore ------------------------------------------------------------------------------

LogStore::~LogStore() = default;

void LogStore::Chunk::seal()
{
    ends.shrink_to_fit();
    times.shrink_to_fit();
    flags.shrink_to_fit();
}

std::int64_t LogStore::append(std::string_view line, std::uint8_t flags)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const std::size_t space = line.find(' ');
    std::int64_t ns;
    if (space != std::string_view::npos && parseLogTimestamp(line.substr(0, space), &ns))
        return appendText(ns, line.substr(space + 1), flags);
    if (space == std::string_view::npos && parseLogTimestamp(line, &ns))
        return appendText(ns, {}, flags);
    return appendText(kNoTimestamp, line, flags);
}

std::int64_t LogStore::appendText(std::int64_t timestamp, std::string_view text,
                                  std::uint8_t flags)
{
    const std::size_t need = text.size() + 1;
    if (m_chunks.empty() || m_chunks.back().capacity - m_chunks.back().used < need) {
        if (!m_chunks.empty())
            m_chunks.back().seal();
        Chunk chunk;
        chunk.capacity = std::uint32_t(std::max(kChunkBytes, need));
        chunk.bytes.reset(new char[chunk.capacity]);
        chunk.first = m_end;
        // A full chunk of 60-200 byte lines holds about this many; fewer reallocations.
        const std::size_t guess = chunk.capacity / 128;
        chunk.ends.reserve(guess);
        chunk.times.reserve(guess);
        chunk.flags.reserve(guess);
        m_chunks.push_back(std::move(chunk));
    }
    Chunk &c = m_chunks.back();
    if (!text.empty())
        std::memcpy(c.bytes.get() + c.used, text.data(), text.size());
    c.bytes[c.used + text.size()] = '\n';
    c.used += std::uint32_t(need);
    c.ends.push_back(c.used - 1);
    c.times.push_back(timestamp);
    c.flags.push_back(flags);
    if (timestamp != kNoTimestamp && timestamp > m_newest)
        m_newest = timestamp;
    const std::int64_t number = m_end++;
    enforceCap();
    return number;
}

const LogStore::Chunk &LogStore::chunkOf(std::int64_t line, std::size_t *index) const
{
    // Chunks are ordered by their first line; the last one whose first <= line.
    auto it = std::upper_bound(m_chunks.begin(), m_chunks.end(), line,
                               [](std::int64_t l, const Chunk &c) { return l < c.first; });
    --it;
    *index = std::size_t(line - it->first);
    return *it;
}

std::string_view LogStore::text(std::int64_t line) const
{
    if (!contains(line))
        return {};
    std::size_t i;
    const Chunk &c = chunkOf(line, &i);
    const std::uint32_t begin = i == 0 ? 0 : c.ends[i - 1] + 1;
    return {c.bytes.get() + begin, std::size_t(c.ends[i] - begin)};
}

std::int64_t LogStore::timestamp(std::int64_t line) const
{
    if (!contains(line))
        return kNoTimestamp;
    std::size_t i;
    return chunkOf(line, &i).times[i];
}

std::uint8_t LogStore::flags(std::int64_t line) const
{
    if (!contains(line))
        return 0;
    std::size_t i;
    return chunkOf(line, &i).flags[i];
}

void LogStore::setFlags(std::int64_t line, std::uint8_t flags)
{
    if (!contains(line))
        return;
    std::size_t i;
    const_cast<Chunk &>(chunkOf(line, &i)).flags[i] = flags;
}

void LogStore::setMaxLines(std::int64_t maxLines)
{
    m_maxLines = std::max<std::int64_t>(0, maxLines);
    enforceCap();
}

void LogStore::enforceCap()
{
    if (m_maxLines > 0 && size() > m_maxLines)
        dropOldest(size() - m_maxLines);
}

void LogStore::dropOldest(std::int64_t count)
{
    m_dropped = std::min(m_end, m_dropped + std::max<std::int64_t>(0, count));
    while (!m_chunks.empty() && m_chunks.front().first + m_chunks.front().count() <= m_dropped)
        m_chunks.pop_front();
}

void LogStore::clear()
{
    m_chunks.clear();
    m_dropped = m_end; // numbers stay unique across a clear
    m_newest = kNoTimestamp;
}

qsizetype LogStore::countMatches(const LogMatcher &matcher) const
{
    qsizetype n = 0;
    for (const Chunk &c : m_chunks) {
        std::uint32_t begin = 0;
        if (c.first < m_dropped) {
            const std::size_t skipped = std::size_t(m_dropped - c.first);
            begin = c.ends[skipped - 1] + 1;
        }
        n += matcher.countInBlock(std::string_view(c.bytes.get() + begin, c.used - begin));
    }
    return n;
}

std::size_t LogStore::bytesHeld() const
{
    std::size_t n = 0;
    for (const Chunk &c : m_chunks)
        n += c.capacity + c.ends.capacity() * sizeof(std::uint32_t) +
             c.times.capacity() * sizeof(std::int64_t) + c.flags.capacity();
    return n;
}

} // namespace core::kube
