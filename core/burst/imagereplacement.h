#pragma once

#include "core/burst/cciconventions.h" // kImageAnnotation
#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::burst {

struct ImageRule
{
    QString repositoryPrefix; // "" matches images without "/"
    QString replaceWith;
    bool operator==(const ImageRule &) const = default;
};

struct ImageRules
{
    QList<ImageRule> rules;
    Diagnostics diagnostics; // paths "[1].replaceWith", relative to the annotation value
};

// Parses and validates the annotation value (SPEC 6). Invalid rules are dropped.
ImageRules parseImageRules(const QString &annotationValue);
QString imageRulesToAnnotation(const QList<ImageRule> &rules); // compact JSON text

// Everything before the last "/" of an image string, "" when it has none.
QString imageRepositoryPrefix(const QString &image);
// The rule index that applies to `image`, or -1. Order of rules does not matter: prefixes are
// unique and a prefix matches only exactly.
int matchImageRule(const QList<ImageRule> &rules, const QString &image);
QString replaceImage(const ImageRule &rule, const QString &image);

struct ImageChange
{
    QString path; // "containers[0].image", relative to the pod spec
    QString container;
    QString before;
    QString after; // equals `before` when no rule matched
    int rule = -1;
};

struct ImageApplication
{
    QJsonObject podSpec;
    QList<ImageChange> images; // init containers, then app containers, in spec order
};

ImageApplication applyImageRules(const QJsonObject &podSpec, const QList<ImageRule> &rules);

} // namespace core::burst
