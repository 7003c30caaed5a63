// SPDX-License-Identifier: GPL-2.0-or-later
// Which of nmap's match lines could match a subject at all, decided without
// running a regular expression: each pattern's literal prefix (after `^`)
// and the rarest four-octet run it requires elsewhere (outside groups,
// classes and optional parts) must both be in the subject. One pass over
// the subject's four-octet runs, a bit filter, then one lookup per hit: the
// cost per subject is bounded by its (capped) length, not by the number of
// lines in the database (about 12,000; 2,000 of them HTTP lines that share
// the prefix "HTTP/1.").
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ghostports/nmap_probes.hpp"

namespace ghostports {

// The literal runs a PCRE pattern requires, outside groups, classes and
// quantified parts (escapes decoded, letters lower-cased); none when the
// pattern has a top-level alternative.
std::vector<std::string> required_literals(std::string_view pattern);

// Whether a pattern begins with a literal long and varied enough to say
// what an answer is whatever the question was: at least 8 octets of at
// least 5 different values (eight NULs begin many binary answers).
bool names_by_its_beginning(std::string_view pattern);

class NmapPrefilter {
public:
    explicit NmapPrefilter(const NmapDatabase &db);

    // A list of match lines indexed for candidates(): by the gram each one
    // keys on, else by the first octet of its prefix, else always tried.
    // Built once per list (a probe's matches), so that a subject costs its
    // own length plus the lines it could match, not the list's length.
    class Selection {
        friend class NmapPrefilter;
        std::vector<std::size_t> matches_;                                       // the list, in its order
        std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_gram_;  // gram index -> positions
        std::array<std::vector<std::uint32_t>, 256> by_first_octet_;             // no gram: prefix's first octet
        std::vector<std::uint32_t> always_;                                      // neither gram nor prefix
    };
    Selection select(std::span<const std::size_t> matches) const;

    // The indices of the selection (or of `matches`) whose prefix and
    // required run occur in `subject`, in the list's order.
    std::vector<std::size_t> candidates(const Selection &selection, std::span<const std::uint8_t> subject) const;
    std::vector<std::size_t> candidates(std::span<const std::size_t> matches,
                                        std::span<const std::uint8_t> subject) const {
        return candidates(select(matches), subject);
    }

private:
    static constexpr std::uint32_t kNoGram = UINT32_MAX;
    static constexpr std::size_t kFilterBits = 1u << 20;  // 128 KiB: ~1 % of random grams pass

    struct Row {
        std::string prefix;
        std::uint32_t gram = kNoGram;  // index into the present-gram marks
        bool caseless = false;
    };
    std::vector<Row> rows_;                                   // one per database match
    std::unordered_map<std::uint32_t, std::uint32_t> grams_;  // four lower-cased octets -> index
    std::vector<std::uint64_t> filter_;                       // kFilterBits bits: some gram hashes here
};

}  // namespace ghostports
