// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/nmap_prefilter.hpp"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <optional>
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

// Calls `each` with every four-octet run of `octets`, lower-cased as gram_at reads one.
template <typename Each>
void for_each_gram(std::span<const std::uint8_t> octets, Each each) {
    std::uint32_t gram = 0;
    for (std::size_t at = 0; at < octets.size(); ++at) {
        gram = gram << 8 | lower_octet(octets[at]);
        if (at >= 3) each(gram);
    }
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

}  // namespace

namespace {

// Groups deeper than this are skipped whole (a bound on the recursion, not
// on what nmap writes: its deepest group that matters is two levels down).
constexpr int kDeepestGroup = 4;

std::vector<std::string> required_literals_at(std::string_view pattern, int depth) {
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
        int octet = -1;  // the literal octet at i, if it is one
        std::size_t next = i + 1;
        std::string_view group;  // a group's content whose runs are required too
        if (c == '(' || c == '[') {
            next = skip_construct(pattern, i);
            if (c == '(' && depth < kDeepestGroup && next <= pattern.size() && next >= i + 2 &&
                pattern[next - 1] == ')') {
                group = pattern.substr(i + 1, next - i - 2);
                if (group.starts_with("?:"))
                    group.remove_prefix(2);
                else if (group.starts_with('?'))
                    group = {};  // an assertion, flags or a named group: not modelled
            }
        } else if (c == '\\') {
            const auto escaped = pcre_escaped_octet(pattern, i);
            next = i + (escaped ? escaped->second : 2);
            if (escaped) octet = static_cast<unsigned char>(escaped->first);
        } else if (c != '.' && c != '^' && c != '$') {
            octet = static_cast<unsigned char>(c);
        }
        bool optional = false;
        const std::size_t after = pcre_quantifier_end(pattern, next, optional);
        if (!group.empty() && !optional) {
            end_run();
            for (std::string &inner : required_literals_at(group, depth + 1)) runs.push_back(std::move(inner));
        } else if (octet < 0 || optional) {
            end_run();
        } else {
            run += static_cast<char>(lower_octet(static_cast<std::uint8_t>(octet)));
            if (after != next) end_run();  // repeated: what follows is not adjacent
        }
        i = after;
    }
    end_run();
    return runs;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view pattern) {
    return required_literals_at(pattern, 0);
}

NmapPrefilter::NmapPrefilter(const NmapDatabase &db) : db_(&db), rows_(db.matches.size()), filter_(kFilterBits / 64) {}

// A line's prefix, worked out the first time a selection holds it (most of
// the database's 12,000 lines are never selected); its grams only when it
// is keyed on one.
const NmapPrefilter::Row &NmapPrefilter::row(std::size_t m) {
    Row &row = rows_[m];
    if (row.analysed) return row;
    row.analysed = true;
    row.prefix = literal_prefix(db_->matches[m].pattern);
    row.caseless = db_->matches[m].caseless;
    return row;
}

// Found the first time the line is a candidate (most never are).
std::span<const OctetSet> NmapPrefilter::after_prefix(std::size_t m) {
    Row &row = rows_[m];
    if (row.after_prefix_found) return row.after_prefix;
    row.after_prefix_found = true;
    std::vector<OctetSet> sets = leading_octet_sets(db_->matches[m].pattern, row.caseless);
    while (sets.size() > row.prefix.size() && sets.back().all()) sets.pop_back();
    if (sets.size() > row.prefix.size())
        row.after_prefix.assign(sets.begin() + static_cast<std::ptrdiff_t>(row.prefix.size()), sets.end());
    return row.after_prefix;
}

const std::vector<std::uint32_t> &NmapPrefilter::grams_of(std::size_t m) {
    Row &row = rows_[m];
    if (row.grams_found) return row.grams;
    // At most kGramsPerPattern: enough to rule a line out by a run the
    // answer lacks (keying uses 32 of them, key_candidates).
    constexpr std::size_t kGramsPerPattern = 128;
    row.grams_found = true;
    for (const std::string &run : required_literals(db_->matches[m].pattern))
        for (std::size_t at = 0; at + 4 <= run.size() && row.grams.size() < kGramsPerPattern; ++at)
            row.grams.push_back(gram_at(run.data() + at));
    std::sort(row.grams.begin(), row.grams.end());
    row.grams.erase(std::unique(row.grams.begin(), row.grams.end()), row.grams.end());
    return row.grams;
}

std::uint32_t NmapPrefilter::index_gram(std::uint32_t gram) {
    const auto [it, added] = grams_.emplace(gram, static_cast<std::uint32_t>(grams_.size()));
    if (added) {
        const std::size_t bit = filter_bit(gram);
        filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return it->second;
}

namespace {

bool prefix_names_by_itself(std::string_view prefix) {
    constexpr std::size_t kLength = 8, kDistinct = 5;
    if (prefix.size() < kLength) return false;
    bool seen[256] = {};
    std::size_t distinct = 0;
    for (const char c : prefix)
        if (!std::exchange(seen[static_cast<unsigned char>(c)], true)) ++distinct;
    return distinct >= kDistinct;
}

}  // namespace

bool names_by_its_beginning(std::string_view pattern) {
    return prefix_names_by_itself(literal_prefix(pattern));
}

bool NmapPrefilter::names_by_its_beginning(std::size_t m) {
    return m < rows_.size() && prefix_names_by_itself(row(m).prefix);
}

namespace {

// A window of a line's prefix: four octets at an offset that is a multiple
// of four (lower-cased when the line is caseless). A line is found by one
// lookup of the first window of its prefix that few lines of the selection
// share: "Apac" in "HTTP/1.0 200 OK\r\nServer: Apac", behind the common "HTTP".
constexpr std::size_t kWindow = 4;
// More lines than this sharing each window of a line are keyed by their
// rarest gram instead: a window would make each a candidate.
constexpr std::size_t kMostPerWindow = 16;
// Windows are looked for in a prefix's first 64 octets (a few binary
// answers have hundreds): a line shared that far keys on a gram instead.
constexpr std::size_t kWindowReach = 64;

std::size_t window_reach(const std::string &prefix) {
    return std::min(prefix.size(), kWindowReach);
}

// The grams a line may be keyed on: any gram it requires would do; the
// rarest among 32 spread over them is rare enough, and counting all of
// every crowded line's (up to 128) made the selection dear to build.
std::vector<std::uint32_t> key_candidates(const std::vector<std::uint32_t> &grams) {
    constexpr std::size_t kMostKeys = 32;
    if (grams.size() <= kMostKeys) return grams;
    std::vector<std::uint32_t> spread;
    for (std::size_t i = 0; i < kMostKeys; ++i) spread.push_back(grams[i * grams.size() / kMostKeys]);
    return spread;
}

using WindowKey = std::uint64_t;  // offset << 32 | four octets

WindowKey window_at(const std::uint8_t *prefix_start, std::size_t offset, bool caseless) {
    std::uint32_t octets = 0;
    for (std::size_t i = 0; i < kWindow; ++i)
        octets = octets << 8 | (caseless ? lower_octet(prefix_start[offset + i]) : prefix_start[offset + i]);
    return WindowKey{offset} << 32 | octets;
}

WindowKey window_at(const std::string &prefix, std::size_t offset, bool caseless) {
    return window_at(reinterpret_cast<const std::uint8_t *>(prefix.data()), offset, caseless);
}

}  // namespace

NmapPrefilter::Selection NmapPrefilter::select(std::span<const std::size_t> matches) {
    Selection selection;
    selection.matches_.assign(matches.begin(), matches.end());
    std::array<std::unordered_map<WindowKey, std::size_t>, 2> sharing;  // [caseless] window -> lines
    sharing[0].reserve(matches.size() * 4);
    for (const std::size_t m : matches) {
        if (m >= rows_.size()) continue;
        const Row &r = row(m);
        for (std::size_t offset = 0; offset + kWindow <= window_reach(r.prefix); offset += kWindow)
            ++sharing[r.caseless][window_at(r.prefix, offset, r.caseless)];
    }
    // The line's first window that few enough lines share: the head (offset
    // 0) for most; deeper only behind a common head.
    auto best_window = [&sharing](const Row &r) -> std::optional<WindowKey> {
        for (std::size_t offset = 0; offset + kWindow <= window_reach(r.prefix); offset += kWindow)
            if (const WindowKey key = window_at(r.prefix, offset, r.caseless);
                sharing[r.caseless][key] <= kMostPerWindow)
                return key;
        return std::nullopt;
    };
    std::vector<std::optional<WindowKey>> windows(matches.size());
    for (std::size_t position = 0; position < matches.size(); ++position)
        if (matches[position] < rows_.size()) windows[position] = best_window(row(matches[position]));
    // The rest key on their rarest gram within the selection.
    std::unordered_map<std::uint32_t, std::uint32_t> frequency;
    for (std::size_t position = 0; position < matches.size(); ++position)
        if (matches[position] < rows_.size() && !windows[position])
            for (const std::uint32_t gram : key_candidates(grams_of(matches[position]))) ++frequency[gram];
    for (std::uint32_t position = 0; position < matches.size(); ++position) {
        const std::size_t m = matches[position];
        if (m >= rows_.size()) continue;
        const Row &r = row(m);
        if (const auto &window = windows[position]) {
            selection.by_window_[r.caseless][*window].push_back(position);
            if (const auto offset = static_cast<std::uint32_t>(*window >> 32); offset > 0) {
                auto &deeper = selection.deeper_[r.caseless][window_at(r.prefix, 0, r.caseless)];
                if (std::find(deeper.begin(), deeper.end(), offset) == deeper.end()) deeper.push_back(offset);
            }
            continue;
        }
        std::optional<std::uint32_t> rarest;
        for (const std::uint32_t gram : key_candidates(grams_of(m)))
            if (!rarest || frequency[gram] < frequency[*rarest]) rarest = gram;
        if (rarest) {
            selection.by_gram_[index_gram(*rarest)].push_back(position);
            if (r.prefix.size() >= kWindow)
                selection.scan_heads_[r.caseless].insert(window_at(r.prefix, 0, r.caseless));
            else
                selection.scan_always_ = true;
        } else if (!r.prefix.empty()) {
            const auto first = static_cast<unsigned char>(r.prefix[0]);
            selection.by_first_octet_[first].push_back(position);
            const auto other =
                static_cast<unsigned char>(std::toupper(first) != first ? std::toupper(first) : std::tolower(first));
            if (r.caseless && other != first) selection.by_first_octet_[other].push_back(position);
        } else {
            selection.always_.push_back(position);
        }
    }
    return selection;
}

bool NmapPrefilter::Subject::may_hold(std::span<const std::uint32_t> grams) {
    if (!run_bits_) {
        run_bits_.emplace();
        for_each_gram(octets_, [this](std::uint32_t gram) { run_bits_->set(run_bit(gram)); });
    }
    return std::all_of(grams.begin(), grams.end(),
                       [this](std::uint32_t gram) { return run_bits_->test(run_bit(gram)); });
}

const std::vector<std::uint32_t> &NmapPrefilter::keyed_grams_in(Subject &subject) const {
    // A selection built after the last scan may key on grams the scan did not look for.
    if (subject.keyed_grams_for_ == grams_.size()) return subject.keyed_grams_;
    subject.keyed_grams_for_ = grams_.size();
    subject.keyed_grams_.clear();
    for_each_gram(subject.octets_, [this, &subject](std::uint32_t gram) {
        const std::size_t bit = filter_bit(gram);
        if ((filter_[bit / 64] >> (bit % 64) & 1) == 0) return;
        if (const auto known = grams_.find(gram); known != grams_.end()) subject.keyed_grams_.push_back(known->second);
    });
    std::sort(subject.keyed_grams_.begin(), subject.keyed_grams_.end());
    subject.keyed_grams_.erase(std::unique(subject.keyed_grams_.begin(), subject.keyed_grams_.end()),
                               subject.keyed_grams_.end());
    return subject.keyed_grams_;
}

std::vector<std::size_t> NmapPrefilter::candidates(const Selection &selection, Subject &prepared) {
    const std::span<const std::uint8_t> subject = prepared.octets_;
    std::vector<std::uint32_t> positions = selection.always_;
    auto add = [&positions](const std::vector<std::uint32_t> &more) {
        positions.insert(positions.end(), more.begin(), more.end());
    };
    if (!subject.empty()) add(selection.by_first_octet_[subject[0]]);
    bool scan = selection.scan_always_;
    for (const bool caseless : {false, true}) {
        if (subject.size() < kWindow) break;
        const auto &windows = selection.by_window_[caseless];
        auto add_window = [&](std::size_t offset) {
            if (subject.size() < offset + kWindow) return;
            if (const auto keyed = windows.find(window_at(subject.data(), offset, caseless)); keyed != windows.end())
                add(keyed->second);
        };
        const WindowKey head = window_at(subject.data(), 0, caseless);
        add_window(0);
        if (const auto deeper = selection.deeper_[caseless].find(head); deeper != selection.deeper_[caseless].end())
            for (const std::uint32_t offset : deeper->second) add_window(offset);
        scan = scan || selection.scan_heads_[caseless].contains(head);
    }
    if (scan && !selection.by_gram_.empty())
        for (const std::uint32_t index : keyed_grams_in(prepared))
            if (const auto keyed = selection.by_gram_.find(index); keyed != selection.by_gram_.end())
                add(keyed->second);
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    std::vector<std::size_t> out;
    for (const std::uint32_t position : positions) {
        const std::size_t m = selection.matches_[position];
        const Row &r = rows_[m];
        if (!begins_with_prefix(subject, r.prefix, r.caseless) ||
            !leading_octets_allow(after_prefix(m), subject.subspan(r.prefix.size())))
            continue;
        if (const auto &grams = grams_of(m); !grams.empty() && !prepared.may_hold(grams)) continue;
        out.push_back(m);
    }
    return out;
}

}  // namespace ghostports
