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
// and drops the ones whose prefix or required run is absent.
TEST(NmapPrefilter, KeepsPossibleMatchesInOrder) {
    const NmapDatabase db = database(
        "match ssh m|^SSH-([\\d.]+)-OpenSSH_(\\S+)| p/OpenSSH/ v/$2/\n"
        "match http m|^HTTP/1\\.[01] \\d\\d\\d .*\\r\\nServer: Apache/([\\d.]+)|s p/Apache httpd/ v/$1/\n"
        "match http m|^HTTP/1\\.[01] \\d\\d\\d .*\\r\\nServer: nginx/([\\d.]+)|s p/nginx/ v/$1/\n"
        "match ftp m|^220 .*FTP|i p/generic/\n"
        "match any m|(?:a|b)c|\n");
    ASSERT_EQ(db.matches.size(), 5u);
    const NmapPrefilter filter(db);
    const auto indices = all(db);
    EXPECT_EQ(filter.candidates(indices, bytes("SSH-2.0-OpenSSH_9.2p1\r\n")), (std::vector<std::size_t>{0, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n\r\n")),
              (std::vector<std::size_t>{2, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("HTTP/1.1 200 OK\r\nSERVER: APACHE/2.4\r\n\r\n")),
              (std::vector<std::size_t>{1, 4}));  // case is left to the regular expression
    EXPECT_EQ(filter.candidates(indices, bytes("220 host ftp ready\r\n")), (std::vector<std::size_t>{3, 4}));
    EXPECT_EQ(filter.candidates(indices, bytes("xyz")), (std::vector<std::size_t>{4}));
    EXPECT_EQ(filter.candidates(std::vector<std::size_t>{0, 1}, bytes("SSH-2.0-OpenSSH_9")),
              (std::vector<std::size_t>{0}));
}
