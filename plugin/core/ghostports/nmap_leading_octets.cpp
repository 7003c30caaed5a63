// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/nmap_leading_octets.hpp"

#include <optional>

#include "core/ghostports/nmap_probes.hpp"

namespace ghostports {
namespace {

OctetSet range(int first, int last) {
    OctetSet set;
    for (int c = first; c <= last; ++c) set.set(static_cast<std::size_t>(c));
    return set;
}

// PCRE's \d \w \s (GRegex compiles nmap's lines without UTF or UCP: ASCII
// classes) and their complements; nullopt for any other letter escape.
std::optional<OctetSet> escaped_class(char letter) {
    OctetSet set;
    switch (letter) {
        case 'd':
        case 'D': set = range('0', '9'); break;
        case 'w':
        case 'W':
            set = range('0', '9') | range('A', 'Z') | range('a', 'z');
            set.set('_');
            break;
        case 's':
        case 'S':
            set = range('\t', '\r');
            set.set(' ');
            break;
        default: return std::nullopt;
    }
    return letter >= 'a' ? set : ~set;
}

void add_other_case(OctetSet &set) {
    for (int c = 'a'; c <= 'z'; ++c) {
        const auto lower = static_cast<std::size_t>(c), upper = static_cast<std::size_t>(c - 'a' + 'A');
        if (set.test(lower) || set.test(upper)) set.set(lower).set(upper);
    }
}

// One octet written in a class or outside one: a plain character or an
// escape pcre_escaped_octet reads. Sets `length`.
std::optional<unsigned char> single_octet(std::string_view pattern, std::size_t i, std::size_t &length) {
    if (pattern[i] != '\\') {
        length = 1;
        return static_cast<unsigned char>(pattern[i]);
    }
    const auto escaped = pcre_escaped_octet(pattern, i);
    if (!escaped) return std::nullopt;
    length = escaped->second;
    return static_cast<unsigned char>(escaped->first);
}

// A bracket class starting at pattern[i] == '['; sets `next` past its ']'.
// nullopt for what it does not model (POSIX names, unknown escapes).
std::optional<OctetSet> bracket_class(std::string_view pattern, std::size_t i, std::size_t &next) {
    ++i;
    const bool negated = i < pattern.size() && pattern[i] == '^';
    if (negated) ++i;
    OctetSet set;
    bool first = true;
    while (i < pattern.size() && (pattern[i] != ']' || first)) {
        first = false;
        if (pattern[i] == '[' && i + 1 < pattern.size() &&
            (pattern[i + 1] == ':' || pattern[i + 1] == '.' || pattern[i + 1] == '='))
            return std::nullopt;
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            if (const auto letter_class = escaped_class(pattern[i + 1])) {
                set |= *letter_class;
                i += 2;
                continue;
            }
        }
        std::size_t length = 0;
        const auto low = single_octet(pattern, i, length);
        if (!low) return std::nullopt;
        i += length;
        // "a-z"; a '-' before ']' is itself.
        if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
            const auto high = single_octet(pattern, i + 1, length);
            if (!high || *high < *low) return std::nullopt;
            set |= range(*low, *high);
            i += 1 + length;
        } else {
            set.set(*low);
        }
    }
    if (i >= pattern.size()) return std::nullopt;  // unterminated
    next = i + 1;
    return negated ? ~set : set;  // caseless: the caller adds the other case, a superset
}

// The atom at pattern[i] as a set of octets; sets `next` past it. nullopt
// where the model stops: groups, assertions, anchors, back-references.
std::optional<OctetSet> atom_at(std::string_view pattern, std::size_t i, std::size_t &next) {
    const char c = pattern[i];
    if (c == '[') return bracket_class(pattern, i, next);
    if (c == '.') {
        next = i + 1;
        return OctetSet{}.set();  // newline conventions aside, any octet may do
    }
    if (std::string_view("()|*+?{}^$]").find(c) != std::string_view::npos) return std::nullopt;
    if (c == '\\' && i + 1 < pattern.size()) {
        if (const auto letter_class = escaped_class(pattern[i + 1])) {
            next = i + 2;
            return letter_class;
        }
    }
    std::size_t length = 0;
    const auto octet = single_octet(pattern, i, length);
    if (!octet) return std::nullopt;
    next = i + length;
    return OctetSet{}.set(*octet);
}

}  // namespace

std::vector<OctetSet> leading_octet_sets(std::string_view pattern, bool caseless) {
    std::vector<OctetSet> sets;
    if (!pattern.starts_with('^') || pcre_has_top_level_alternative(pattern)) return sets;
    std::size_t i = 1;
    while (i < pattern.size() && sets.size() < kMostLeadingOctets) {
        std::size_t next = i;
        auto set = atom_at(pattern, i, next);
        if (!set) break;
        bool optional = false;
        const std::size_t after = pcre_quantifier_end(pattern, next, optional);
        if (optional) break;  // the atom may be absent
        if (caseless) add_other_case(*set);
        sets.push_back(*set);
        if (after != next) break;  // repeated: what follows is at an unknown position
        i = next;
    }
    return sets;
}

bool leading_octets_allow(std::span<const OctetSet> sets, std::span<const std::uint8_t> subject) {
    if (subject.size() < sets.size()) return false;
    for (std::size_t p = 0; p < sets.size(); ++p)
        if (!sets[p].test(subject[p])) return false;
    return true;
}

}  // namespace ghostports
