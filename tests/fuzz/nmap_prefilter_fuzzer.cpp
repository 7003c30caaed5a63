// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the nmap prefilter (core/ghostports/nmap_prefilter.*,
// literal_prefix and the PCRE escape reader in nmap_probes.*). The input is
// cut at NUL octets: the first part is a database text whose match lines the
// filter indexes, the second a subject. Checks:
// - literal_prefix and required_literals stay within their pattern (no run
//   longer than the pattern, none empty);
// - candidates() returns a subsequence of the indices it was given, in order;
// - soundness: a subject made of a pattern's prefix, an octet of each
//   leading set after it, then every literal run it requires is never
//   filtered out for that pattern (the filter may only skip what the
//   pattern itself rules out);
// - leading_octet_sets agrees with literal_prefix: each prefix octet is in
//   its position's set; literal_head is the folded first four octets of a
//   prefix that has them.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/ghostports/nmap_prefilter.hpp"
#include "harness.hpp"

namespace {

using ghostports::NmapDatabase;
using ghostports::NmapPrefilter;

void check_pattern(std::string_view pattern) {
    const std::string prefix = ghostports::literal_prefix(pattern);
    FUZZ_CHECK(prefix.size() <= pattern.size(), prefix.size(), pattern.size());
    // The head index (nmap_matcher.cpp) finds a line by its prefix's first four octets.
    if (prefix.size() >= 4)
        FUZZ_CHECK(ghostports::literal_head(pattern) == ghostports::folded_head(fuzz::as_bytes(prefix)), prefix.size());
    for (const std::string &run : ghostports::required_literals(pattern))
        FUZZ_CHECK(!run.empty() && run.size() <= pattern.size(), run.size(), pattern.size());
}

void check_candidates(NmapPrefilter &filter, std::span<const std::size_t> given, fuzz::Bytes subject) {
    const auto kept = filter.candidates(given, subject);
    std::size_t at = 0;
    for (const std::size_t index : kept) {
        while (at < given.size() && given[at] != index) ++at;
        FUZZ_CHECK(at < given.size(), index);
        ++at;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto parts = fuzz::split(fuzz::Bytes(data, size), std::string_view("\0", 1), 2);
    const NmapDatabase db = ghostports::parse_nmap_service_probes(fuzz::as_text(parts[0]));
    NmapPrefilter filter(db);  // not const: lines are analysed on first use
    std::vector<std::size_t> all(db.matches.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (parts.size() > 1) check_candidates(filter, all, parts[1]);
    for (std::size_t i = 0; i < db.matches.size(); ++i) {
        const std::string_view pattern = db.matches[i].pattern;
        check_pattern(pattern);
        std::string required = ghostports::literal_prefix(pattern);
        const auto sets = ghostports::leading_octet_sets(pattern, db.matches[i].caseless);
        for (std::size_t p = 0; p < std::min(sets.size(), required.size()); ++p)
            FUZZ_CHECK(sets[p].test(static_cast<unsigned char>(required[p])), i, p);
        bool possible = true;
        for (std::size_t p = required.size(); p < sets.size() && possible; ++p) {
            possible = sets[p].any();
            for (std::size_t octet = 0; octet < 256; ++octet)
                if (sets[p].test(octet)) {
                    required += static_cast<char>(octet);
                    break;
                }
        }
        if (!possible) continue;  // a position no octet can hold: the pattern never matches
        for (const std::string &run : ghostports::required_literals(pattern)) required += run;
        const std::vector<std::size_t> one{i};
        FUZZ_CHECK(filter.candidates(one, fuzz::as_bytes(required)) == one, i, required.size());
    }
    return 0;
}
