// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/ghostports/nmap_prefilter.hpp"

using namespace ghostports;

namespace {

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

using Runs = std::vector<std::string>;

NmapDatabase database(std::string_view lines) {
    return parse_nmap_service_probes(std::string("Probe TCP NULL q||\n") + std::string(lines));
}

std::vector<std::size_t> all(const NmapDatabase &db) {
    std::vector<std::size_t> indices(db.matches.size());
    for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
    return indices;
}

}  // namespace

TEST(NmapPrefilter, RequiredLiteralsSkipOptionalParts) {
    EXPECT_EQ(required_literals("^HTTP/1\\.[01] \\d\\d\\d .*\\r\\nServer: Apache"),
              (Runs{"http/1.", " ", " ", "\r\nserver: apache"}));
    EXPECT_EQ(required_literals("^abc(?:def)?ghi"), (Runs{"abc", "ghi"}));
    EXPECT_EQ(required_literals("^ab?cd"), (Runs{"a", "cd"}));
    EXPECT_EQ(required_literals("^ab+cd"), (Runs{"ab", "cd"}));
    EXPECT_EQ(required_literals("^a[xyz]+bcd"), (Runs{"a", "bcd"}));
    EXPECT_EQ(required_literals("^\\x00\\x01xyz"), (Runs{std::string("\0\x01xyz", 5)}));
    EXPECT_EQ(required_literals("^abc|^def"), Runs{});  // either may match
    EXPECT_EQ(required_literals("x{2,}yz"), (Runs{"x", "yz"}));
    EXPECT_EQ(required_literals("x{0,3}yz"), (Runs{"yz"}));
}

// A candidate list keeps every line that matches, in the database's order,
// and drops the ones whose prefix is absent; a line whose beginning many
// lines share (HTTP's) also needs the rarest run it requires.
TEST(NmapPrefilter, RequiredLiteralsInsideGroupsThatMustOccur) {
    EXPECT_EQ(required_literals("^HTTP/1\\.1 \\d+ (?:[^\\r\\n]*\\r\\n)*?Server: (EWS-NIC\\w+)/"),
              (Runs{"http/1.1 ", " ", "server: ", "ews-nic", "/"}));
    EXPECT_EQ(required_literals("^a(?:bc)+d"), (Runs{"a", "bc", "d"}));
    EXPECT_EQ(required_literals("^a(?:bc)?d"), (Runs{"a", "d"}));                  // may be absent
    EXPECT_EQ(required_literals("^a(?:bc|de)f"), (Runs{"a", "f"}));                // either may occur
    EXPECT_EQ(required_literals("^a(?!bc)d"), (Runs{"a", "d"}));                   // an assertion
    EXPECT_EQ(required_literals("^a(?:(?:(?:(?:(?:xyz)))))b"), (Runs{"a", "b"}));  // deeper than modelled
    EXPECT_EQ(required_literals("^{\"class\":"), (Runs{"{\"class\":"}));           // "{" not a quantifier
    EXPECT_EQ(required_literals("^ab{2}c"), (Runs{"ab", "c"}));
    EXPECT_EQ(required_literals("^ab{0,2}c"), (Runs{"a", "c"}));
    EXPECT_EQ(required_literals("^ab{,2}c"), (Runs{"a", "c"}));  // a quantifier in newer PCRE2
}

TEST(NmapPrefilter, LeadingOctetSets) {
    auto sets = leading_octet_sets("^[A-Z][a-z]{2} \\d", false);
    ASSERT_EQ(sets.size(), 2u);  // stops after the repeated class
    EXPECT_TRUE(sets[0].test('M'));
    EXPECT_FALSE(sets[0].test('m'));
    EXPECT_EQ(sets[1].count(), 26u);
    sets = leading_octet_sets("^\\x00[^\\x00-\\x1f]\\d?x", false);
    ASSERT_EQ(sets.size(), 2u);  // "\\d?" may be absent
    EXPECT_EQ(sets[0].count(), 1u);
    EXPECT_EQ(sets[1].count(), 256u - 32u);
    sets = leading_octet_sets("^ab[c-e]", true);
    ASSERT_EQ(sets.size(), 3u);
    EXPECT_TRUE(sets[0].test('A') && sets[0].test('a'));
    EXPECT_TRUE(sets[2].test('D') && !sets[2].test('f'));
    EXPECT_EQ(leading_octet_sets("^\\s\\S\\w\\W\\D.", false).size(), 6u);
    EXPECT_TRUE(leading_octet_sets("^abc|^x", false).empty());         // either alternative
    EXPECT_TRUE(leading_octet_sets("abc", false).empty());             // not anchored
    EXPECT_EQ(leading_octet_sets("^a[[:alpha:]]", false).size(), 1u);  // POSIX names: not modelled
    EXPECT_EQ(leading_octet_sets("^a\\bc", false).size(), 1u);         // an assertion
    EXPECT_EQ(leading_octet_sets("^a{0}b", false).size(), 0u);
    EXPECT_EQ(leading_octet_sets("^[]a]b", false).size(), 2u);  // "]" first in a class is itself
    const std::vector<OctetSet> digit_then_colon = leading_octet_sets("^\\d:", false);
    EXPECT_TRUE(leading_octets_allow(digit_then_colon, bytes("7:")));
    EXPECT_FALSE(leading_octets_allow(digit_then_colon, bytes("x:")));
    EXPECT_FALSE(leading_octets_allow(digit_then_colon, bytes("7")));  // the position must exist
}

TEST(NmapPrefilter, KeepsPossibleMatchesInOrder) {
    std::string text =
        "match ssh m|^SSH-([\\d.]+)-OpenSSH_(\\S+)| p/OpenSSH/ v/$2/\n"
        "match http m|^HTTP/1\\.[01] \\d\\d\\d .*\\r\\nServer: Apache/([\\d.]+)|s p/Apache httpd/ v/$1/\n"
        "match http m|^HTTP/1\\.[01] \\d\\d\\d .*\\r\\nServer: nginx/([\\d.]+)|s p/nginx/ v/$1/\n"
        "match ftp m|^220 .*FTP|i p/generic/\n"
        "match any m|(?:a|b)c|\n";
    // Enough HTTP lines that their common head "HTTP" no longer selects them.
    for (int i = 0; i < 20; ++i)
        text += "match http m|^HTTP/1\\.1 200 .*\\r\\nServer: Product" + std::to_string(i) + "|s\n";
    const NmapDatabase db = database(text);
    ASSERT_EQ(db.matches.size(), 25u);
    NmapPrefilter filter(db);
    const auto indices = all(db);
    EXPECT_EQ(filter.candidates(indices, bytes("SSH-2.0-OpenSSH_9.2p1\r\n")), (std::vector<std::size_t>{0, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n\r\n")),
              (std::vector<std::size_t>{2, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("HTTP/1.1 200 OK\r\nSERVER: APACHE/2.4\r\n\r\n")),
              (std::vector<std::size_t>{1, 4}));  // case is left to the regular expression
    EXPECT_EQ(filter.candidates(indices, bytes("HTTP/1.1 200 OK\r\nServer: Product7\r\n")),
              (std::vector<std::size_t>{4, 12}));
    EXPECT_EQ(filter.candidates(indices, bytes("220 host ftp ready\r\n")), (std::vector<std::size_t>{3, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("xyz")), (std::vector<std::size_t>{4}));
    // Few lines begin "SSH-": found by the head; the run the line requires
    // after its group ("-OpenSSH_") must be there too.
    EXPECT_EQ(filter.candidates(std::vector<std::size_t>{0, 1}, bytes("SSH-2.0-OpenSSH_9")),
              (std::vector<std::size_t>{0}));
    EXPECT_EQ(filter.candidates(std::vector<std::size_t>{0, 1}, bytes("SSH-2.0-dropbear")),
              (std::vector<std::size_t>{}));
}

TEST(NmapPrefilter, OnlyLongVariedBeginningsNameByThemselves) {
    EXPECT_TRUE(names_by_its_beginning("^SSH-2\\.0-OpenSSH_([\\w.]+)"));
    EXPECT_TRUE(names_by_its_beginning("^HTTP/1\\.1 200 OK\\r\\nServer: foo"));
    EXPECT_FALSE(names_by_its_beginning("^220 ([\\w.]+) FTP"));                // 4 octets
    EXPECT_FALSE(names_by_its_beginning("^\\0\\0\\0\\0\\0\\0\\0\\0\\x01.*"));  // long, 2 values
    EXPECT_FALSE(names_by_its_beginning("^\\x01\\x02\\x01\\x02\\x01\\x02\\x01\\x02"));
    EXPECT_FALSE(names_by_its_beginning("SSH-2\\.0-OpenSSH"));  // not anchored: no prefix
}

// The lines that may name a server's answer without a probe the client
// sent (nmap_matcher.cpp): random answers reach none of them even before a
// regular expression runs. Over the real database (Debian's nmap-common, a
// test dependency of scripts/lib/deps.sh).
TEST(NmapPrefilter, RandomAnswersReachNoLongBeginning) {
    std::ifstream in("/usr/share/nmap/nmap-service-probes");
    ASSERT_TRUE(in.good()) << "install nmap-common";
    std::stringstream text;
    text << in.rdbuf();
    const NmapDatabase db = parse_nmap_service_probes(text.str());
    std::vector<std::size_t> anchored;
    for (std::size_t i = 0; i < db.matches.size(); ++i)
        if (!db.matches[i].soft && names_by_its_beginning(db.matches[i].pattern)) anchored.push_back(i);
    ASSERT_GT(anchored.size(), 10u);
    NmapPrefilter filter(db);
    const NmapPrefilter::Selection selection = filter.select(anchored);
    std::uint64_t state = 20261206;
    std::vector<std::uint8_t> payload;
    std::size_t reached = 0;
    for (int i = 0; i < 20000; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        payload.resize(1 + (state >> 33) % 1500);
        for (auto &octet : payload) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            octet = static_cast<std::uint8_t>(state >> 56);
        }
        reached += filter.candidates(selection, payload).size();
    }
    EXPECT_EQ(reached, 0u);
}

TEST(NmapPrefilter, AnIndexedSelectionKeepsTheListOrder) {
    const NmapDatabase db = database(
        "match b m|^\\x00\\x01ab|\n"
        "match a m|^HELLO world|\n"
        "match c m|^[a-z]+ \\d|\n"
        "match d m|^hello world!|i\n");
    const std::vector<std::size_t> reversed{3, 2, 1, 0};
    NmapPrefilter filter(db);
    EXPECT_EQ(filter.candidates(filter.select(reversed), bytes("hello world!")), (std::vector<std::size_t>{3, 2}));
    // "^[a-z]+" (case-sensitive) cannot begin with "H".
    EXPECT_EQ(filter.candidates(filter.select(reversed), bytes("HELLO world!")), (std::vector<std::size_t>{3, 1}));
}
