// SPDX-License-Identifier: GPL-2.0-or-later
// The grammar pieces the text rows of the signature table share
// (signatures.cpp, text_signatures.cpp): character classes, numbers,
// words, and the walk over a payload's lines. Header-only: each is a few
// lines that the matchers inline.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string_view>

namespace ghostports::text {

using Bytes = std::span<const std::uint8_t>;
using std::string_view;

inline bool starts_with(Bytes p, string_view prefix) {
    return p.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), p.begin());
}
inline string_view as_text(Bytes p) {
    return {reinterpret_cast<const char *>(p.data()), p.size()};
}

inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_alnum(char c) {
    return is_alpha(c) || is_digit(c);
}
inline bool is_hex_digit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// A hex digit's value (either case), or -1.
inline int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
inline bool is_hex_digits(string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_hex_digit);
}
inline bool is_digits(string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}
// A decimal number without leading zeros (or "0") of at most `max_digits`.
inline bool is_number(string_view s, std::size_t max_digits = 10) {
    return is_digits(s) && s.size() <= max_digits && (s.size() == 1 || s[0] != '0');
}
inline std::optional<std::uint64_t> number(string_view s, std::size_t max_digits = 19) {
    if (!is_digits(s) || s.size() > max_digits) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : s) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
}
inline char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline bool equal_nocase(string_view a, string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}
inline bool contains_nocase(string_view text, string_view word) {
    return std::search(text.begin(), text.end(), word.begin(), word.end(),
                       [](char a, char b) { return lower(a) == lower(b); }) != text.end();
}
// Printable ASCII (and tab); with `utf8`, octets >= 0x80 too (free text).
inline bool text_octet(std::uint8_t c, bool utf8 = false) {
    return (c >= 0x20 && c < 0x7f) || c == '\t' || (utf8 && c >= 0x80);
}
inline bool printable(string_view s, bool utf8 = false) {
    return std::all_of(s.begin(), s.end(), [utf8](char c) { return text_octet(static_cast<std::uint8_t>(c), utf8); });
}
// What the words of a line are split on.
inline std::size_t count_char(string_view s, char c) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), c));
}
inline string_view word_at(string_view s, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        const auto space = s.find(' ');
        if (space == string_view::npos) return {};
        s.remove_prefix(space + 1);
    }
    return s.substr(0, s.find(' '));
}

// --- lines ------------------------------------------------------------------

// How lines end: CR LF only, or LF with an optional CR.
enum class Eol : std::uint8_t { Crlf, Lf };

// Walks the lines of a text payload. `line()` returns each whole line
// (without its end); at the end, `rest` holds what follows the last whole
// line (a line cut by the segment's end). A control octet inside a line, or
// a bare CR/LF where CR LF is required, stops the walk with `bad` set.
struct Lines {
    Bytes p;
    Eol eol;
    bool utf8 = false;
    std::size_t at = 0;
    bool bad = false;

    std::optional<string_view> line() {
        for (std::size_t i = at; i < p.size(); ++i) {
            const std::uint8_t c = p[i];
            if (c == '\n') {
                const bool cr = i > at && p[i - 1] == '\r';
                if (eol == Eol::Crlf && !cr) break;
                const string_view text(reinterpret_cast<const char *>(p.data()) + at, i - at - (cr ? 1 : 0));
                at = i + 1;
                return text;
            }
            if (c == '\r' && (i + 1 >= p.size() || p[i + 1] == '\n')) continue;
            if (!text_octet(c, utf8)) break;
        }
        if (!rest_is_text()) bad = true;
        return std::nullopt;
    }
    // What remains after the last whole line: a cut line of text (maybe empty).
    bool rest_is_text() const {
        for (std::size_t i = at; i < p.size(); ++i)
            if (!text_octet(p[i], utf8) && !(p[i] == '\r' && i + 1 == p.size())) return false;
        return true;
    }
    bool at_end() const { return at == p.size(); }
};

// Every line of the payload satisfies `check(line, index)`, the payload
// ends with a line end, and there are between 1 and `max_lines` lines.
template <class Check>
inline bool whole_lines(Bytes p, Eol eol, std::size_t max_lines, Check check, bool utf8 = false) {
    Lines lines{p, eol, utf8};
    std::size_t count = 0;
    while (auto line = lines.line()) {
        if (count >= max_lines || !check(*line, count)) return false;
        ++count;
    }
    return !lines.bad && lines.at_end() && count > 0;
}

// Whether `word` is one of a closed vocabulary.
template <std::size_t N>
inline bool listed(const string_view (&list)[N], string_view word) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

inline bool token_char(char c) {
    return is_alnum(c) || string_view("!#$%&'*+-.^_`|~").find(c) != string_view::npos;
}
inline bool is_token(string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), token_char);
}

// One line, the whole payload, ended by CR LF.
inline std::optional<string_view> only_line(Bytes p, std::size_t max = 512) {
    if (p.size() > max) return std::nullopt;
    Lines lines{p, Eol::Crlf};
    const auto line = lines.line();
    if (!line || !lines.at_end()) return std::nullopt;
    return line;
}

inline bool domain_name(string_view s) {
    if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return printable(s) && s.find(' ') == string_view::npos;
    if (s.empty() || s.size() > 255 || s.front() == '.' || s.front() == '-') return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '.' || c == '-' || c == '_'; });
}

}  // namespace ghostports::text
