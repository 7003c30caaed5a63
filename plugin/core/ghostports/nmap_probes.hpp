// SPDX-License-Identifier: GPL-2.0-or-later
// nmap's service fingerprint database (nmap-service-probes, from Debian's
// nmap-common) read as data: probes with their payloads, and the match /
// softmatch lines that name a service, product and version from what a
// server answers. The regular expressions stay text here; the glue compiles
// them (GLib GRegex, PCRE). Used passively: only the NULL probe (the server
// speaks first) and probes whose request the client really sent.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ghostports/signatures.hpp"

namespace ghostports {

// The texts are views into their database's text store (the file has about
// 12,000 match lines: one store instead of five strings each), each one
// followed by a NUL, so data() is also a C string.
struct NmapMatch {
    std::string_view service;  // "ssh"
    std::string_view pattern;  // PCRE source between the delimiters
    std::string_view product;  // p/.../ template ("$1" = first group)
    std::string_view version;  // v/.../ template
    std::string_view info;     // i/.../ template
    std::size_t line = 0;      // 1-based line in the file
    bool caseless = false;     // flag i
    bool dotall = false;       // flag s
    bool soft = false;         // softmatch: names the service only
};

struct NmapProbe {
    Transport transport = Transport::Tcp;
    std::string name;     // "NULL", "GetRequest"
    std::string payload;  // the request octets (empty for NULL)
    // How a client's payload is compared with it (client_sent), worked out
    // once: a text request by its first word, a binary one octet for octet.
    bool text = false;
    std::size_t first_word_length = 0;
    std::size_t line = 0;
    std::vector<std::string> fallbacks;  // probes whose matches also apply
    std::vector<std::size_t> matches;    // indices into NmapDatabase::matches
};

struct NmapDatabase {
    std::vector<NmapProbe> probes;
    std::vector<NmapMatch> matches;
    std::unique_ptr<char[]> texts;  // what the matches' views point into
    // [TCP, UDP][first octet of the request]: the probes a client's payload could have sent.
    std::array<std::array<std::vector<std::uint16_t>, 256>, 2> probes_by_first_octet;
    std::size_t skipped_lines = 0;  // lines that did not parse (ignored)

    const NmapProbe *probe(std::string_view name, Transport transport) const;
};

NmapDatabase parse_nmap_service_probes(std::string_view text);

// The probes whose matches may judge a server's answer to a client that
// sent `client_payload` (empty: nothing yet): each probe of that transport
// whose request the client's payload begins like (a text probe: the same
// first word; a binary probe: the same octets), with their fallbacks, and,
// for the server's first payload (`banner`), the NULL probe last, as in nmap.
std::vector<const NmapProbe *> probes_for_exchange(const NmapDatabase &db, Transport transport,
                                                   std::span<const std::uint8_t> client_payload, bool banner);

// The same in two steps, so that a conversation keeps only which probes its
// client sent (indices into db.probes) instead of the client's payload.
std::vector<std::size_t> probes_sent(const NmapDatabase &db, Transport transport,
                                     std::span<const std::uint8_t> client_payload);
std::vector<const NmapProbe *> probes_to_judge(const NmapDatabase &db, Transport transport,
                                               std::span<const std::size_t> sent, bool banner);

// A version-info template with $1..$9 replaced by the groups (1-based:
// groups[0] is $1) and $P(n) by group n's printable characters; other
// helpers ($SUBST, $I) are replaced by their group unchanged. Whitespace
// trimmed.
std::string expand_template(std::string_view templ, std::span<const std::string> groups);

// True when the match's product or version template takes text out of the
// payload ($1..$9, $P(n), $SUBST, $I). A constant one ("p/SmartThings hub
// telnetd/" for m|^Password: $|) only asserts a product from a pattern that
// was written for the answer to a probe the client never sent.
bool reads_product_from_payload(const NmapMatch &match);

// The octets every subject a PCRE `pattern` matches must begin with: the
// literal run after a leading `^` (escapes \xHH, \0, \r, \n, \t and
// escaped punctuation decoded), without a last octet a quantifier makes
// optional. Empty when the pattern is not anchored, starts with a class,
// group or dot, or has a top-level alternative. Lets the matcher skip a
// regular expression with one comparison (nmap-service-probes: 95 % of the
// NULL probe's 4,000 patterns have one).
std::string literal_prefix(std::string_view pattern);

// The first four octets of literal_prefix (ASCII letters lower-cased), as
// a key that finds a line by the beginning of the answers it can match;
// nullopt when the run after `^` is shorter. It does not look for a
// top-level alternative (a scan of the whole pattern): a line that has one
// has no literal_prefix and must be filtered by it.
std::optional<std::uint32_t> literal_head(std::string_view pattern);
// The same key for an answer's first four octets.
std::optional<std::uint32_t> folded_head(std::span<const std::uint8_t> octets);

// Where a PCRE quantifier at pattern[i] ends (with its lazy or possessive
// mark), or i when there is none; `optional` says whether it allows zero.
// "{n}", "{n,}", "{n,m}" are quantifiers; "{,m}" and braces with blanks are
// in newer PCRE2 only, so they count as optional ones (what they would
// require is not relied on); any other "{" is a literal octet.
std::size_t pcre_quantifier_end(std::string_view pattern, std::size_t i, bool &optional);

// True when a PCRE pattern has a `|` outside every group and class.
bool pcre_has_top_level_alternative(std::string_view pattern);

// The octet a PCRE escape at pattern[i] (a backslash) stands for, and the
// escape's length; nullopt when it is not one literal octet (\d, \b, \1...).
std::optional<std::pair<char, std::size_t>> pcre_escaped_octet(std::string_view pattern, std::size_t i);

// True when `subject` begins with `prefix` (ASCII letters compared without
// case when `caseless`).
bool begins_with_prefix(std::span<const std::uint8_t> subject, std::string_view prefix, bool caseless);

}  // namespace ghostports
