// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/nmap_prefilter.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace ghostports {
namespace {

// ASCII lower case without the C library's locale lookup (a subject's
// every octet goes through it).
std::uint8_t lower_octet(std::uint8_t c) {
    return c >= 'A' && c <= 'Z' ? static_cast<std::uint8_t>(c + ('a' - 'A')) : c;
}

std::uint32_t gram_at(const char *at) {
    std::uint32_t gram = 0;
    for (int i = 0; i < 4; ++i) gram = gram << 8 | lower_octet(static_cast<std::uint8_t>(at[i]));
    return gram;
}

std::size_t filter_bit(std::uint32_t gram) {
    return (gram * 2654435761u) >> 12;  // Fibonacci hash to 20 bits
}

// Skips a group or class starting at pattern[i]; returns the index after it.
std::size_t skip_construct(std::string_view pattern, std::size_t i) {
    if (pattern[i] == '[') {
        ++i;
        if (i < pattern.size() && pattern[i] == '^') ++i;
        if (i < pattern.size() && pattern[i] == ']') ++i;
        for (; i < pattern.size() && pattern[i] != ']'; ++i)
            if (pattern[i] == '\\') ++i;
        return i + 1;
    }
    int depth = 0;
    for (; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            ++i;
        } else if (pattern[i] == '[') {
            i = skip_construct(pattern, i) - 1;
        } else if (pattern[i] == '(') {
            ++depth;
        } else if (pattern[i] == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return i;
}

// Skips a quantifier at pattern[i], if any; `optional` says whether it allows zero.
std::size_t skip_quantifier(std::string_view pattern, std::size_t i, bool &optional) {
    optional = false;
    if (i >= pattern.size()) return i;
    const char c = pattern[i];
    if (c == '?' || c == '*') {
        optional = true;
        ++i;
    } else if (c == '+') {
        ++i;
    } else if (c == '{') {
        const auto close = pattern.find('}', i);
        if (close == std::string_view::npos) return i;
        optional = pattern[i + 1] == '0' || pattern[i + 1] == ',';
        i = close + 1;
    } else {
        return i;
    }
    if (i < pattern.size() && (pattern[i] == '?' || pattern[i] == '+')) ++i;  // lazy / possessive
    return i;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view pattern) {
    std::vector<std::string> runs;
    if (pcre_has_top_level_alternative(pattern)) return runs;
    std::string run;
    auto end_run = [&runs, &run] {
        if (!run.empty()) runs.push_back(run);
        run.clear();
    };
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        std::string octet;
        std::size_t next = i + 1;
        if (c == '(' || c == '[') {
            next = skip_construct(pattern, i);
        } else if (c == '\\') {
            const auto escaped = pcre_escaped_octet(pattern, i);
            next = i + (escaped ? escaped->second : 2);
            if (escaped) octet.assign(1, escaped->first);
        } else if (std::string_view(".^$").find(c) == std::string_view::npos) {
            octet.assign(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
        bool optional = false;
        const std::size_t after = skip_quantifier(pattern, next, optional);
        if (octet.empty() || optional) {
            end_run();
        } else {
            run += static_cast<char>(std::tolower(static_cast<unsigned char>(octet[0])));
            if (after != next) end_run();  // repeated: what follows is not adjacent
        }
        i = after;
    }
    end_run();
    return runs;
}

NmapPrefilter::NmapPrefilter(const NmapDatabase &db) : rows_(db.matches.size()), filter_(kFilterBits / 64) {
    // Each pattern's distinct grams (at most kGramsPerPattern: a rare one is
    // found among the first few dozen), one flat list; how many patterns
    // require each gram: each keys on its rarest. Built once per database,
    // in a few tens of milliseconds.
    constexpr std::size_t kGramsPerPattern = 48;
    std::vector<std::uint32_t> grams;
    std::vector<std::size_t> first(db.matches.size() + 1, 0);
    for (std::size_t m = 0; m < db.matches.size(); ++m) {
        rows_[m].prefix = literal_prefix(db.matches[m].pattern);
        rows_[m].caseless = db.matches[m].caseless;
        first[m] = grams.size();
        for (const std::string &run : required_literals(db.matches[m].pattern))
            for (std::size_t at = 0; at + 4 <= run.size() && grams.size() - first[m] < kGramsPerPattern; ++at)
                grams.push_back(gram_at(run.data() + at));
        std::sort(grams.begin() + static_cast<std::ptrdiff_t>(first[m]), grams.end());
        grams.erase(std::unique(grams.begin() + static_cast<std::ptrdiff_t>(first[m]), grams.end()), grams.end());
    }
    first[db.matches.size()] = grams.size();
    std::unordered_map<std::uint32_t, std::uint32_t> frequency;
    frequency.reserve(grams.size());
    for (const std::uint32_t gram : grams) ++frequency[gram];
    grams_.reserve(db.matches.size());
    for (std::size_t m = 0; m < db.matches.size(); ++m) {
        if (first[m] == first[m + 1]) continue;
        std::uint32_t rarest = grams[first[m]];
        std::uint32_t fewest = frequency[rarest];
        for (std::size_t g = first[m] + 1; g < first[m + 1]; ++g)
            if (const std::uint32_t count = frequency[grams[g]]; count < fewest) {
                fewest = count;
                rarest = grams[g];
            }
        const auto [it, added] = grams_.emplace(rarest, static_cast<std::uint32_t>(grams_.size()));
        rows_[m].gram = it->second;
        const std::size_t bit = filter_bit(rarest);
        filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}

bool names_by_its_beginning(std::string_view pattern) {
    constexpr std::size_t kLength = 8, kDistinct = 5;
    const std::string prefix = literal_prefix(pattern);
    if (prefix.size() < kLength) return false;
    bool seen[256] = {};
    std::size_t distinct = 0;
    for (const char c : prefix)
        if (!std::exchange(seen[static_cast<unsigned char>(c)], true)) ++distinct;
    return distinct >= kDistinct;
}

NmapPrefilter::Selection NmapPrefilter::select(std::span<const std::size_t> matches) const {
    Selection selection;
    selection.matches_.assign(matches.begin(), matches.end());
    for (std::uint32_t position = 0; position < matches.size(); ++position) {
        const std::size_t m = matches[position];
        if (m >= rows_.size()) continue;
        const Row &row = rows_[m];
        if (row.gram != kNoGram) {
            selection.by_gram_[row.gram].push_back(position);
        } else if (!row.prefix.empty()) {
            const auto first = static_cast<unsigned char>(row.prefix[0]);
            selection.by_first_octet_[first].push_back(position);
            const auto other =
                static_cast<unsigned char>(std::toupper(first) != first ? std::toupper(first) : std::tolower(first));
            if (row.caseless && other != first) selection.by_first_octet_[other].push_back(position);
        } else {
            selection.always_.push_back(position);
        }
    }
    return selection;
}

std::vector<std::size_t> NmapPrefilter::candidates(const Selection &selection,
                                                   std::span<const std::uint8_t> subject) const {
    std::vector<std::uint32_t> positions = selection.always_;
    if (!subject.empty()) {
        const auto &first = selection.by_first_octet_[subject[0]];
        positions.insert(positions.end(), first.begin(), first.end());
    }
    if (!selection.by_gram_.empty()) {
        std::uint32_t gram = 0;
        for (std::size_t at = 0; at < subject.size(); ++at) {
            gram = gram << 8 | lower_octet(subject[at]);
            if (at < 3) continue;
            const std::size_t bit = filter_bit(gram);
            if ((filter_[bit / 64] >> (bit % 64) & 1) == 0) continue;
            const auto known = grams_.find(gram);
            if (known == grams_.end()) continue;
            const auto keyed = selection.by_gram_.find(known->second);
            if (keyed != selection.by_gram_.end())
                positions.insert(positions.end(), keyed->second.begin(), keyed->second.end());
        }
    }
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    std::vector<std::size_t> out;
    for (const std::uint32_t position : positions) {
        const std::size_t m = selection.matches_[position];
        if (begins_with_prefix(subject, rows_[m].prefix, rows_[m].caseless)) out.push_back(m);
    }
    return out;
}

}  // namespace ghostports
