#include "core/kube/yamllimits.h"

#include "core/common/tr.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <vector>

namespace core::kube {

namespace {

YAML::Mark markOf(const SourcePos &pos)
{
    YAML::Mark mark;
    mark.line = pos.line - 1;
    mark.column = pos.column - 1;
    return mark;
}

} // namespace

YamlProblemError::YamlProblemError(YamlProblem problem)
    : YAML::Exception(markOf(problem.pos), problem.message.toStdString()),
      m_problem(std::move(problem))
{
}

double allowedAliasRatio(qint64 decodeCount)
{
    if (decodeCount <= limits::kAliasRatioRangeLow)
        return 0.99;
    if (decodeCount >= limits::kAliasRatioRangeHigh)
        return 0.10;
    const double range = double(limits::kAliasRatioRangeHigh - limits::kAliasRatioRangeLow);
    return 0.99 - 0.89 * (double(decodeCount - limits::kAliasRatioRangeLow) / range);
}

qsizetype firstInvalidUtf8(const QByteArray &text)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        uint cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i; // a continuation byte, an overlong lead (C0, C1) or F5..FF
        }
        if (i + len > n)
            return i;
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return -1;
}

namespace {

constexpr qint64 kSaturated = qint64(1) << 60;

qint64 satAdd(qint64 a, qint64 b)
{
    return (a >= kSaturated - b) ? kSaturated : a + b;
}

SourcePos posOf(const YAML::Mark &mark)
{
    return SourcePos{mark.line + 1, mark.column + 1};
}

// yaml-cpp ends a quoted scalar at the end of the text without complaint when a line break comes
// first; go-yaml (and so kubectl) refuses it. `mark` is where the scalar's node starts.
std::optional<YamlProblem> unclosedQuote(const QByteArray &text, const YAML::Mark &mark)
{
    const qsizetype n = text.size();
    qsizetype i = mark.pos;
    if (i < 0 || i >= n)
        return std::nullopt;
    // The mark is where the node's properties start (&anchor, !tag); skip them.
    for (;;) {
        while (i < n && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\n' ||
                         text.at(i) == '\r'))
            ++i;
        if (i < n && (text.at(i) == '&' || text.at(i) == '!')) {
            while (i < n && text.at(i) != ' ' && text.at(i) != '\t' && text.at(i) != '\n' &&
                   text.at(i) != '\r')
                ++i;
            continue;
        }
        break;
    }
    if (i >= n || (text.at(i) != '"' && text.at(i) != '\''))
        return std::nullopt;
    const char quote = text.at(i);
    for (qsizetype j = i + 1; j < n; ++j) {
        const char c = text.at(j);
        if (quote == '"' && c == '\\') {
            ++j;
        } else if (c == quote) {
            if (quote == '\'' && j + 1 < n && text.at(j + 1) == '\'')
                ++j;
            else
                return std::nullopt;
        }
    }
    return YamlProblem{QStringLiteral("manifest.yaml.unterminatedScalar"),
                       Tr::tr("found unexpected end of stream: the quoted string that starts here "
                              "is never closed"),
                       Tr::tr("add the closing %1").arg(QLatin1Char(quote)), posOf(mark)};
}

// Sizes as go-yaml's decoder would meet them: every node (keys, scalars, collections, aliases)
// is one decode; an alias decodes its anchor's whole expanded subtree again.
struct Extent
{
    qint64 nodes = 0;
    qint64 bytes = 0; // scalar text, expanded
    int height = 0;
};

class LimitScanner : public YAML::EventHandler
{
public:
    explicit LimitScanner(const QByteArray &text) : m_text(text) {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        leaf(mark, anchor, 0);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        if (qint64(value.size()) > limits::kMaxStringBytes)
            fail(QStringLiteral("manifest.limit.stringLength"), mark,
                 Tr::tr("a string of %1 bytes is longer than the limit of %2 bytes "
                        "(kMaxStringBytes, etcd's largest request)")
                     .arg(value.size())
                     .arg(limits::kMaxStringBytes),
                 Tr::tr("keep large data out of the manifest, in a volume or an image"));
        checkClosed(mark);
        leaf(mark, anchor, qint64(value.size()));
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (anchor >= m_anchors.size())
            return; // yaml-cpp refuses unknown anchors itself
        const Anchor &a = m_anchors[anchor];
        if (a.open)
            fail(QStringLiteral("manifest.yaml.aliasCycle"), mark,
                 Tr::tr("anchor '%1' value contains itself").arg(QString::fromStdString(a.name)),
                 Tr::tr("an alias (or a merge key <<) cannot refer to the mapping or list it is "
                        "in; copy the fields instead"));
        if (int(m_stack.size()) + a.extent.height > limits::kMaxNestingDepth)
            failDepth(mark);
        decode(1 + a.extent.nodes, a.extent.nodes, mark);
        m_bytes = satAdd(m_bytes, a.extent.bytes);
        checkBytes(mark);
        add(Extent{satAdd(a.extent.nodes, 1), a.extent.bytes, a.extent.height});
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }
    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_anchorName = name; }

    YAML::Mark deepest() const { return m_deepest; }

private:
    struct Anchor
    {
        std::string name;
        Extent extent;
        bool open = false;
    };
    struct Frame
    {
        YAML::anchor_t anchor = 0;
        Extent extent;
    };

    [[noreturn]] void fail(const QString &code, const YAML::Mark &mark, const QString &message,
                           const QString &hint)
    {
        throw YamlProblemError(YamlProblem{code, message, hint, posOf(mark)});
    }
    [[noreturn]] void failDepth(const YAML::Mark &mark)
    {
        fail(QStringLiteral("manifest.limit.nestingDepth"), mark,
             Tr::tr("the document nests more than %1 levels deep once its aliases are expanded "
                    "(limit kMaxNestingDepth = %1)")
                 .arg(limits::kMaxNestingDepth),
             Tr::tr("flatten the structure or write out fewer nested aliases"));
    }

    Anchor &anchorSlot(YAML::anchor_t anchor)
    {
        if (anchor >= m_anchors.size())
            m_anchors.resize(anchor + 1);
        Anchor &a = m_anchors[anchor];
        a.name = m_anchorName;
        return a;
    }

    void decode(qint64 nodes, qint64 aliasNodes, const YAML::Mark &mark)
    {
        m_decoded = satAdd(m_decoded, nodes);
        m_aliasDecoded = satAdd(m_aliasDecoded, aliasNodes);
        if (m_aliasDecoded > limits::kAliasCheckMinAliasNodes &&
            m_decoded > limits::kAliasCheckMinNodes &&
            double(m_aliasDecoded) / double(m_decoded) > allowedAliasRatio(m_decoded))
            fail(QStringLiteral("manifest.limit.aliasExpansion"), mark,
                 Tr::tr("document contains excessive aliasing: expanding this alias makes %1 of "
                        "%2 decoded nodes come from aliases, more than the %3% go-yaml allows "
                        "(kAliasRatioRangeLow = %4, kAliasRatioRangeHigh = %5)")
                     .arg(m_aliasDecoded >= kSaturated ? QStringLiteral("2^60")
                                                       : QString::number(m_aliasDecoded))
                     .arg(m_decoded >= kSaturated ? QStringLiteral("2^60")
                                                  : QString::number(m_decoded))
                     .arg(allowedAliasRatio(m_decoded) * 100, 0, 'f', 0)
                     .arg(limits::kAliasRatioRangeLow)
                     .arg(limits::kAliasRatioRangeHigh),
                 Tr::tr("write the repeated parts out instead of nesting aliases of aliases"));
    }

    void checkBytes(const YAML::Mark &mark)
    {
        if (m_bytes > limits::kMaxDocumentBytes)
            fail(QStringLiteral("manifest.limit.documentSize"), mark,
                 Tr::tr("the document's text grows past %1 bytes once its aliases are expanded "
                        "(limit kMaxDocumentBytes, the API server's largest request)")
                     .arg(limits::kMaxDocumentBytes),
                 Tr::tr("split the object or alias less text"));
    }

    void add(const Extent &child)
    {
        if (m_stack.empty())
            return;
        Extent &e = m_stack.back().extent;
        e.nodes = satAdd(e.nodes, child.nodes);
        e.bytes = satAdd(e.bytes, child.bytes);
        e.height = qMax(e.height, child.height + 1);
    }

    void leaf(const YAML::Mark &mark, YAML::anchor_t anchor, qint64 bytes)
    {
        decode(1, 0, mark);
        m_bytes = satAdd(m_bytes, bytes);
        checkBytes(mark);
        const Extent e{1, bytes, 1};
        if (anchor != 0)
            anchorSlot(anchor).extent = e;
        add(e);
    }

    void open(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        decode(1, 0, mark);
        if (m_stack.size() >= m_deepestDepth) {
            m_deepestDepth = m_stack.size();
            m_deepest = mark;
        }
        if (int(m_stack.size()) + 1 > limits::kMaxNestingDepth)
            failDepth(mark);
        if (anchor != 0)
            anchorSlot(anchor).open = true;
        m_stack.push_back(Frame{anchor, Extent{1, 0, 1}});
    }

    void close()
    {
        const Frame f = m_stack.back();
        m_stack.pop_back();
        if (f.anchor != 0 && f.anchor < m_anchors.size()) {
            m_anchors[f.anchor].open = false;
            m_anchors[f.anchor].extent = f.extent;
        }
        add(f.extent);
    }

    void checkClosed(const YAML::Mark &mark)
    {
        if (std::optional<YamlProblem> problem = unclosedQuote(m_text, mark))
            throw YamlProblemError(std::move(*problem));
    }

    const QByteArray &m_text;
    std::vector<Frame> m_stack;
    std::vector<Anchor> m_anchors;
    std::string m_anchorName;
    qint64 m_decoded = 0;
    qint64 m_aliasDecoded = 0;
    qint64 m_bytes = 0;
    YAML::Mark m_deepest;
    std::size_t m_deepestDepth = 0;
};

} // namespace

std::optional<YamlProblem> checkYamlDocument(const QByteArray &text)
{
    std::istringstream in(text.toStdString());
    YAML::Parser parser(in);
    LimitScanner scanner(text);
    try {
        parser.HandleNextDocument(scanner);
    } catch (const YamlProblemError &e) {
        return e.problem();
    } catch (const YAML::DeepRecursion &) {
        return YamlProblem{QStringLiteral("manifest.limit.nestingDepth"),
                           Tr::tr("the document nests more than %1 levels deep (limit "
                                  "kMaxNestingDepth = %1, yaml-cpp's parser)")
                               .arg(limits::kMaxNestingDepth),
                           Tr::tr("flatten the structure"), posOf(scanner.deepest())};
    }
    return std::nullopt;
}

bool needsFullYamlCheck(const QByteArray &text)
{
    return text.contains('&') || text.size() > limits::kMaxStringBytes;
}

std::optional<YamlProblem> checkLoadedDocument(const YAML::Node &root, const QByteArray &text)
{
    // Only the last scalar in the text can run to its end: walk the last entry at each level.
    YAML::Node node;
    node.reset(root); // Node's operator= would write into the document
    std::optional<YamlProblem> problem;
    for (int depth = 0; depth <= limits::kMaxNestingDepth && node.IsDefined(); ++depth) {
        if (node.IsScalar())
            return unclosedQuote(text, node.Mark());
        if (node.IsMap() && node.size() > 0) {
            YAML::const_iterator last;
            for (auto it = node.begin(); it != node.end(); ++it)
                last = it;
            if (last->second.IsNull() || !last->second.IsDefined())
                return unclosedQuote(text, last->first.Mark()); // a key with no value
            node.reset(last->second);
        } else if (node.IsSequence() && node.size() > 0) {
            const YAML::Node item = node[node.size() - 1];
            node.reset(item);
        } else {
            break;
        }
    }
    return problem;
}

} // namespace core::kube
