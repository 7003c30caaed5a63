// SPDX-License-Identifier: GPL-2.0-or-later
// Which of nmap's match lines could match a subject at all, decided without
// running a regular expression: each pattern's literal prefix (after `^`)
// must begin the subject. A line is found by one lookup of the subject's
// four octets at the first offset of its prefix that few lines share ("Apac"
// in "HTTP/1.0 200 OK\r\nServer: Apac"); lines with a short or common prefix
// ("HTTP/1.": 2,000 of the 12,000) need the rarest four-octet run they
// require (outside groups, classes and optional parts), found in one pass
// over the subject's four-octet runs with a bit filter, done only when the
// subject could begin such a line. The
// cost per subject is bounded by its (capped) length, not by the number of
// lines; a line is analysed the first time a selection holds it.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/ghostports/nmap_leading_octets.hpp"
#include "core/ghostports/nmap_probes.hpp"

namespace ghostports {

// The literal runs a PCRE pattern requires, outside classes and optional
// parts, inside groups that must occur and have no alternative (escapes
// decoded, letters lower-cased); none when the pattern has a top-level
// alternative.
std::vector<std::string> required_literals(std::string_view pattern);

// Whether a pattern begins with a literal long and varied enough to say
// what an answer is whatever the question was: at least 8 octets of at
// least 5 different values (eight NULs begin many binary answers).
bool names_by_its_beginning(std::string_view pattern);

class NmapPrefilter {
public:
    explicit NmapPrefilter(const NmapDatabase &db);

    // A list of match lines indexed for candidates(): by the first
    // four-octet window of its prefix that few lines share, else by
    // the gram it keys on, else by the first octet of its prefix, else
    // always tried.
    // Built once per list (a probe's matches), so that a subject costs its
    // own length plus the lines it could match, not the list's length.
    class Selection {
        friend class NmapPrefilter;
        using Positions = std::vector<std::uint32_t>;
        std::vector<std::size_t> matches_;  // the list, in its order
        // [caseless] a prefix window (offset << 32 | four octets) -> positions
        std::array<std::unordered_map<std::uint64_t, Positions>, 2> by_window_;
        // [caseless] a head (offset 0) -> the deeper offsets keyed behind it
        std::array<std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>, 2> deeper_;
        std::unordered_map<std::uint32_t, Positions> by_gram_;        // gram index -> positions
        std::array<std::vector<std::uint32_t>, 256> by_first_octet_;  // no window, no gram: prefix's first octet
        std::vector<std::uint32_t> always_;                           // neither gram nor prefix
        // The subject is scanned for grams only when a gram-keyed line could
        // begin it: one without a 4-octet prefix, or one whose head it has.
        std::array<std::unordered_set<std::uint64_t>, 2> scan_heads_;
        bool scan_always_ = false;
    };
    // names_by_its_beginning() of the database's line m, from its prefix as analysed once.
    bool names_by_its_beginning(std::size_t m);

    // Not const: the lines it holds are analysed on first use.
    Selection select(std::span<const std::size_t> matches);

    // A subject as candidates() reads it: its keyed grams and its
    // four-octet runs found once, for every selection it is tried against.
    class Subject {
        friend class NmapPrefilter;

    public:
        explicit Subject(std::span<const std::uint8_t> octets) : octets_(octets) {}

    private:
        // Whether every gram may be a run of the subject (one bit per hash).
        bool may_hold(std::span<const std::uint32_t> grams);
        static std::size_t run_bit(std::uint32_t gram) { return (gram * 2654435761u) >> (32 - 14); }

        std::span<const std::uint8_t> octets_;
        std::optional<std::bitset<1u << 14>> run_bits_;  // 2 KiB: a 2,048-octet subject sets an eighth
        std::vector<std::uint32_t> keyed_grams_;         // indices of the keyed grams it holds
        std::size_t keyed_grams_for_ = SIZE_MAX;         // grams_.size() when they were found
    };

    // The indices of the selection (or of `matches`) that could match
    // `subject`, in the list's order: its prefix begins the subject, the
    // octets after it are of the line's leading sets, and every four-octet
    // run the line requires is in it (up to a hash collision). Not const: a
    // candidate's required grams and leading sets are found on first use.
    std::vector<std::size_t> candidates(const Selection &selection, Subject &subject);
    std::vector<std::size_t> candidates(const Selection &selection, std::span<const std::uint8_t> subject) {
        Subject prepared(subject);
        return candidates(selection, prepared);
    }
    std::vector<std::size_t> candidates(std::span<const std::size_t> matches, std::span<const std::uint8_t> subject) {
        return candidates(select(matches), subject);
    }

private:
    static constexpr std::size_t kFilterBits = 1u << 20;  // 128 KiB: ~1 % of random grams pass

    struct Row {
        bool analysed = false;
        bool caseless = false;
        bool grams_found = false;
        bool after_prefix_found = false;
        std::string prefix;
        // The octet sets of the positions after the prefix (leading_octet_sets), up to the last that rules out any.
        std::vector<OctetSet> after_prefix;
        std::vector<std::uint32_t> grams;  // distinct required four-octet runs (lower-cased)
    };
    const Row &row(std::size_t m);
    const std::vector<std::uint32_t> &grams_of(std::size_t m);
    std::span<const OctetSet> after_prefix(std::size_t m);
    std::uint32_t index_gram(std::uint32_t gram);
    const std::vector<std::uint32_t> &keyed_grams_in(Subject &subject) const;

    const NmapDatabase *db_;
    std::vector<Row> rows_;                                   // one per database match
    std::unordered_map<std::uint32_t, std::uint32_t> grams_;  // keyed gram -> index, for every selection
    std::vector<std::uint64_t> filter_;                       // kFilterBits bits: some keyed gram hashes here
};

}  // namespace ghostports
