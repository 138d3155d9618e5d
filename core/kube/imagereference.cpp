#include "core/kube/imagereference.h"

#include "core/common/tr.h"

#include <algorithm>
#include <optional>

namespace core::kube {

namespace {

// Limits from github.com/distribution/reference (NameTotalLengthMax, the tag pattern) and
// github.com/opencontainers/go-digest (minimum encoded length of the digest pattern).
constexpr qsizetype kNameMaxLength = 255;
constexpr qsizetype kTagMaxLength = 128;
constexpr qsizetype kDigestMinHexLength = 32;

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAsciiAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHex(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isLowerHex(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f');
}

// [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
bool isPathComponent(QStringView s)
{
    qsizetype i = 0;
    for (;;) {
        const qsizetype runStart = i;
        while (i < s.size() && isLowerAlnum(s[i]))
            ++i;
        if (i == runStart)
            return false;
        if (i == s.size())
            return true;
        if (s[i] == u'.') {
            ++i;
        } else if (s[i] == u'_') {
            i += (i + 1 < s.size() && s[i + 1] == u'_') ? 2 : 1;
        } else if (s[i] == u'-') {
            while (i < s.size() && s[i] == u'-')
                ++i;
        } else {
            return false;
        }
    }
}

// [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
bool isDomainNameComponent(QStringView s)
{
    if (s.isEmpty() || !isAsciiAlnum(s.front()) || !isAsciiAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) { return isAsciiAlnum(c) || c == u'-'; });
}

bool isPort(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isDigit);
}

// host [":" port], host := domain-name | "[" ipv6 "]" (no zone identifiers)
bool isDomainAndPort(QStringView s)
{
    QStringView rest;
    if (s.startsWith(u'[')) {
        const qsizetype close = s.indexOf(u']');
        if (close < 2)
            return false;
        const QStringView address = s.sliced(1, close - 1);
        if (!std::all_of(address.begin(), address.end(),
                         [](QChar c) { return isHex(c) || c == u':'; })) {
            return false;
        }
        rest = s.sliced(close + 1);
    } else {
        const qsizetype colon = s.indexOf(u':');
        const QStringView host = colon < 0 ? s : s.first(colon);
        const auto labels = host.split(u'.');
        if (!std::all_of(labels.begin(), labels.end(), isDomainNameComponent))
            return false;
        rest = colon < 0 ? QStringView() : s.sliced(colon);
    }
    return rest.isEmpty() || (rest.front() == u':' && isPort(rest.sliced(1)));
}

// The docker CLI / containerd rule (splitDockerDomain): the first component names a registry when
// it has a "." or ":", is "localhost", or has upper case (repository paths never do).
bool looksLikeDomain(QStringView first)
{
    return first.contains(u'.') || first.contains(u':') || first == u"localhost" ||
           first.toString().toLower() != first;
}

bool isRegistryOnly(QStringView text)
{
    return !text.contains(u'/') && looksLikeDomain(text) && isDomainAndPort(text);
}

struct SplitName
{
    QString domain;
    QString path;
};

// A candidate that fails the host grammar stays a path component ("foo_bar.com/x"), as in the
// reference regexp.
SplitName splitName(const QString &name)
{
    const qsizetype slash = name.indexOf(u'/');
    if (slash > 0) {
        const QStringView first = QStringView(name).first(slash);
        if (looksLikeDomain(first) && isDomainAndPort(first))
            return {first.toString(), name.sliced(slash + 1)};
    }
    return {QString(), name};
}

QString checkPathComponent(const QString &component, bool first)
{
    if (isPathComponent(component))
        return {};
    if (isPathComponent(component.toLower()))
        return Tr::tr("the repository path component \"%1\" must be lower case").arg(component);
    if (first && looksLikeDomain(component)) {
        return Tr::tr("\"%1\" is neither a registry host (name, IPv4 or [IPv6] address with "
                      "optional :port) nor a repository path component")
            .arg(component);
    }
    return Tr::tr("the repository path component \"%1\" may only contain lower-case letters and "
                  "digits separated by '.', '_', '__' or '-'")
        .arg(component);
}

// Reason why `name` (domain + path, no tag or digest) is invalid, or "".
QString checkName(const QString &name)
{
    if (name.isEmpty())
        return Tr::tr("the name is empty");
    if (name.startsWith(u'/'))
        return Tr::tr("the name must not start with '/'");
    if (name.endsWith(u'/'))
        return Tr::tr("the name must not end with '/'");
    if (name.contains(QStringLiteral("//")))
        return Tr::tr("the name contains an empty path component ('//')");
    const SplitName split = splitName(name);
    const QStringList components = split.path.split(u'/');
    for (qsizetype i = 0; i < components.size(); ++i) {
        const QString reason =
            checkPathComponent(components.at(i), i == 0 && split.domain.isEmpty());
        if (!reason.isEmpty())
            return reason;
    }
    if (name.size() > kNameMaxLength) {
        return Tr::tr("the name is %1 characters long; at most %2 are allowed")
            .arg(name.size())
            .arg(kNameMaxLength);
    }
    return {};
}

// [\w][\w.-]{0,127}
QString checkTag(const QString &tag)
{
    const auto isWord = [](QChar c) { return isAsciiAlnum(c) || c == u'_'; };
    if (tag.isEmpty())
        return Tr::tr("the tag after ':' is empty");
    if (tag.size() > kTagMaxLength) {
        return Tr::tr("the tag is %1 characters long; at most %2 are allowed")
            .arg(tag.size())
            .arg(kTagMaxLength);
    }
    const bool ok = isWord(tag.front()) && std::all_of(tag.begin(), tag.end(), [&](QChar c) {
                        return isWord(c) || c == u'.' || c == u'-';
                    });
    if (!ok) {
        return Tr::tr("the tag \"%1\" may only contain letters, digits, '_', '.' and '-' and must "
                      "not start with '.' or '-'")
            .arg(tag);
    }
    return {};
}

// algorithm ":" hex, then go-digest's check of the algorithms it knows.
QString checkDigest(const QString &digest)
{
    const qsizetype colon = digest.indexOf(u':');
    const QString algorithm = digest.left(colon);
    const QString encoded = colon < 0 ? QString() : digest.sliced(colon + 1);
    const bool wellFormed = colon > 0 && encoded.size() >= kDigestMinHexLength &&
                            std::all_of(encoded.begin(), encoded.end(), isHex);
    if (!wellFormed) {
        return Tr::tr("the digest \"%1\" must look like sha256:<64 hexadecimal digits>")
            .arg(digest);
    }
    static const QList<std::pair<QString, qsizetype>> known = {{QStringLiteral("sha256"), 64},
                                                               {QStringLiteral("sha384"), 96},
                                                               {QStringLiteral("sha512"), 128}};
    const auto it = std::find_if(known.begin(), known.end(),
                                 [&](const auto &entry) { return entry.first == algorithm; });
    if (it == known.end())
        return Tr::tr("the digest algorithm \"%1\" is not supported").arg(algorithm);
    if (encoded.size() != it->second || !std::all_of(encoded.begin(), encoded.end(), isLowerHex)) {
        return Tr::tr("a %1 digest has exactly %2 lower-case hexadecimal digits")
            .arg(algorithm)
            .arg(it->second);
    }
    return {};
}

struct ReferenceParts
{
    QString nameAndTag;
    QString name;
    std::optional<QString> tag;
    std::optional<QString> digest;
};

// Neither names nor tags contain "@"; tags never contain "/", so a ":" after the last "/" is the
// tag separator and one before it belongs to a registry port.
ReferenceParts splitReference(const QString &text)
{
    ReferenceParts parts;
    const qsizetype at = text.indexOf(u'@');
    parts.nameAndTag = at < 0 ? text : text.first(at);
    if (at >= 0)
        parts.digest = text.sliced(at + 1);
    parts.name = parts.nameAndTag;
    const qsizetype colon = parts.name.lastIndexOf(u':');
    if (colon > parts.name.lastIndexOf(u'/')) {
        parts.tag = parts.name.sliced(colon + 1);
        parts.name.truncate(colon);
    }
    return parts;
}

QString checkParts(const ReferenceParts &parts)
{
    if (const QString reason = checkName(parts.name); !reason.isEmpty()) {
        // Only a bracketed IPv6 host cannot also read as "name:tag"; say what is missing.
        if (parts.nameAndTag.startsWith(u'[') && isRegistryOnly(parts.nameAndTag)) {
            return Tr::tr("\"%1\" is only a registry host; add the repository path after it "
                          "(e.g. \"%1/app\")")
                .arg(parts.nameAndTag);
        }
        return reason;
    }
    if (parts.tag) {
        if (const QString reason = checkTag(*parts.tag); !reason.isEmpty())
            return reason;
    }
    return parts.digest ? checkDigest(*parts.digest) : QString();
}

// Image IDs (64 hex digits) would be ambiguous with a repository of that name; docker and
// containerd refuse them (ParseNormalizedNamed).
bool isImageId(const QString &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), isLowerHex);
}

Error syntaxError(const QString &text, const QString &reason)
{
    return Error{QStringLiteral("image.syntax"),
                 Tr::tr("Invalid image reference \"%1\": %2.").arg(text, reason),
                 Tr::tr("Image references look like \"nginx:1.25\", "
                        "\"registry.example.com:5000/team/app:v1\" or "
                        "\"app@sha256:<64 hexadecimal digits>\".")};
}

} // namespace

Result<ImageReference> ImageReference::parse(const QString &text)
{
    if (text.isEmpty()) {
        return Error{QStringLiteral("image.syntax"), Tr::tr("The image reference is empty."),
                     Tr::tr("Enter an image such as \"nginx:1.25\".")};
    }
    if (isImageId(text)) {
        return syntaxError(text, Tr::tr("64 hexadecimal digits are an image ID, not a "
                                        "repository name"));
    }
    const ReferenceParts parts = splitReference(text);
    if (const QString reason = checkParts(parts); !reason.isEmpty())
        return syntaxError(text, reason);
    const SplitName split = splitName(parts.name);
    ImageReference reference;
    reference.m_domain = split.domain;
    reference.m_path = split.path;
    reference.m_tag = parts.tag.value_or(QString());
    reference.m_digest = parts.digest.value_or(QString());
    return reference;
}

QString ImageReference::name() const
{
    return m_domain.isEmpty() ? m_path : m_domain + u'/' + m_path;
}

QString ImageReference::toString() const
{
    QString text = name();
    if (!m_tag.isEmpty())
        text += u':' + m_tag;
    if (!m_digest.isEmpty())
        text += u'@' + m_digest;
    return text;
}

QString ImageReference::repositoryPrefix() const
{
    const QString full = name();
    const qsizetype slash = full.lastIndexOf(u'/');
    return slash < 0 ? QString() : full.first(slash);
}

ImageReference ImageReference::withRepositoryPrefix(const QString &prefix) const
{
    const QString last = m_path.section(u'/', -1);
    const SplitName split = splitName(prefix.isEmpty() ? last : prefix + u'/' + last);
    ImageReference result = *this;
    result.m_domain = split.domain;
    result.m_path = split.path;
    return result;
}

QString validateRepositoryName(const QString &text)
{
    if (text.contains(u'@'))
        return Tr::tr("a repository name must not contain a digest ('@')");
    // A prefix may be a registry alone ("harbor.domain:443"): it is valid exactly when
    // "<text>/<image>" would be a valid name.
    if (isRegistryOnly(text))
        return {};
    const QString reason = checkName(text);
    const qsizetype colon = text.lastIndexOf(u':');
    if (!reason.isEmpty() && colon > text.lastIndexOf(u'/') &&
        checkName(text.first(colon)).isEmpty()) {
        return Tr::tr("a repository name must not contain a tag (\"%1\")").arg(text.sliced(colon));
    }
    return reason;
}

} // namespace core::kube
