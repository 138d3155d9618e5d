#pragma once

#include <QString>

#include <string>
#include <vector>

namespace core::kube {

// More literals than this in one set: no prefilter (scanning for each would cost more than it
// saves).
inline constexpr int kMaxRegexLiterals = 16;

// Literals, as UTF-8 bytes, one of which every match of the regex `pattern` must contain (PCRE2
// syntax, as QRegularExpression reads it, with UseUnicodePropertiesOption). LogMatcher looks for
// them in a line's raw bytes and runs the regex only on lines that hold one. Empty: none known.
//
// One literal is the longest run of literal characters in a sequence. An alternation (at the top
// level, or a group that must match: capturing, (?:...), (?>...), named, not made optional by ?,
// * or {0,...}) gives the set of its branches' literals when every branch has one, at most
// kMaxRegexLiterals (a literal holding another of the set is dropped). A sequence keeps its most
// selective piece: the one whose shortest literal is longest, then the one with fewer literals.
//
// None where it could be wrong, rather than guessed: an empty branch, inline options ("(?i)"),
// verbs ("(*UTF)"), comments, \Q...\E, escapes with arguments (\x, \c, \p, \g, \k, \N, back
// references), surrogates and U+FFFD. Lookarounds, conditionals and branch resets give nothing.
// Case-insensitive (ASCII folding is then used to look for the literals): only ASCII characters
// count, and not k or s, which Unicode case folding also matches by KELVIN SIGN and LONG S. A
// character made optional by ?, * or {0,...} is not required; one followed by + or {n,...} ends
// the run after it; one followed by a '{' that PCRE2 10.42 reads literally ("{,3}") is not
// counted, as newer PCRE2 reads that as a quantifier.
std::vector<std::string> requiredRegexLiterals(const QString &pattern, bool caseSensitive);

} // namespace core::kube
