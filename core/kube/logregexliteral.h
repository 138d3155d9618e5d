#pragma once

#include <QString>

#include <optional>
#include <string>

namespace core::kube {

// A literal every match of the regex `pattern` (PCRE2 syntax, as QRegularExpression reads it,
// with UseUnicodePropertiesOption) must contain, as UTF-8 bytes: the longest run of literal
// characters at the pattern's top level. LogMatcher looks for it in a line's raw bytes and runs
// the regex only on lines that hold it.
//
// None where it could be wrong, rather than guessed: alternation at the top level, inline
// options ("(?i)"), verbs ("(*UTF)"), \Q...\E, escapes with arguments (\x, \c, \p, \g, \k, \N,
// back references), surrogates and U+FFFD. Case-insensitive (ASCII folding is then used to look
// for the literal): only ASCII characters count, and not k or s, which Unicode case folding
// also matches by KELVIN SIGN and LONG S. A character made optional by ?, * or {0,...} is not
// required; one followed by + or {n,...} ends the run after it.
std::optional<std::string> requiredRegexLiteral(const QString &pattern, bool caseSensitive);

} // namespace core::kube
