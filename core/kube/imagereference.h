#pragma once

#include "core/common/result.h"

#include <QString>

namespace core::kube {

// A container image reference per the distribution/reference grammar:
//   reference := name [ ":" tag ] [ "@" digest ]
//   name      := [domain "/"] path-component ["/" path-component]*
//   domain    := host [":" port]   (the first component is a domain when it contains "." or ":"
//                                   or is "localhost", or has an upper-case letter)
//   path-component := [a-z0-9]+ ((separator) [a-z0-9]+)*, separator := "." | "_" | "__" | "-"+
//   tag       := [\w][\w.-]{0,127};  digest := algorithm ":" hex (>= 32 hex chars)
// The name (domain + path) is at most 255 characters.
class ImageReference
{
public:
    static Result<ImageReference> parse(const QString &text);

    QString domain() const { return m_domain; } // "" when absent (Docker Hub implied)
    QString path() const { return m_path; }     // e.g. "a/b/c/d/ubuntu"
    QString name() const;                       // domain + "/" + path, or path
    QString tag() const { return m_tag; }
    QString digest() const { return m_digest; }
    QString toString() const;

    // Everything before the last "/" of the reference as written ("" when it has no "/"): the
    // repository prefix that coordinator.cci.io/image-replacement matches on.
    QString repositoryPrefix() const;
    // The reference with its repository prefix replaced ("" prefix means: prepend `prefix/`).
    ImageReference withRepositoryPrefix(const QString &prefix) const;

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

// Validates a string that must follow the image-name grammar without tag or digest: a repository
// prefix such as "harbor.domain/a/b" or "swr.cn-north-4.myhuaweicloud.com:443/org". Empty string
// when valid, else a translated reason.
QString validateRepositoryName(const QString &text);

} // namespace core::kube
