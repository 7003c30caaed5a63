// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/ghostports/nmap_probes.hpp"

using namespace ghostports;

namespace {

std::string fixture() {
    std::ifstream in(std::string(RESCAP_TEST_FIXTURES) + "/nmap-service-probes");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()};
}

}  // namespace

TEST(NmapProbes, ParsesProbesMatchesAndFields) {
    const NmapDatabase db = parse_nmap_service_probes(fixture());
    ASSERT_EQ(db.probes.size(), 4u);
    EXPECT_EQ(db.skipped_lines, 1u);  // the unterminated match
    const NmapProbe *null = db.probe("NULL", Transport::Tcp);
    ASSERT_NE(null, nullptr);
    EXPECT_TRUE(null->payload.empty());
    ASSERT_EQ(null->matches.size(), 4u);
    const NmapMatch &ssh = db.matches[null->matches[0]];
    EXPECT_EQ(ssh.service, "ssh");
    EXPECT_EQ(ssh.pattern, R"(^SSH-([\d.]+)-OpenSSH_([\w._-]+) Debian-(\S*)\r?\n)");
    EXPECT_EQ(ssh.product, "OpenSSH");
    EXPECT_EQ(ssh.version, "$2 Debian $3");
    EXPECT_EQ(ssh.info, "protocol $1");
    EXPECT_EQ(ssh.line, 7u);
    EXPECT_FALSE(ssh.soft);
    // The texts outlive the parsed file (a temporary here) and are C strings.
    EXPECT_EQ(ssh.pattern.data()[ssh.pattern.size()], '\0');
    EXPECT_STREQ(ssh.service.data(), "ssh");
    const NmapMatch &ftp = db.matches[null->matches[1]];
    EXPECT_EQ(ftp.pattern, R"(^220 \(vsFTPd ([-.\w]+)\)\r\n)");  // '=' as delimiter
    EXPECT_TRUE(db.matches[null->matches[2]].dotall);
    const NmapMatch &soft = db.matches[null->matches[3]];
    EXPECT_TRUE(soft.soft);
    EXPECT_TRUE(soft.caseless);

    const NmapProbe *get = db.probe("GetRequest", Transport::Tcp);
    ASSERT_NE(get, nullptr);
    EXPECT_EQ(get->payload, "GET / HTTP/1.0\r\n\r\n");
    EXPECT_EQ(get->fallbacks, (std::vector<std::string>{"GetRequest", "HTTPOptions"}));
    const NmapProbe *dns = db.probe("DNSStatusRequest", Transport::Udp);
    ASSERT_NE(dns, nullptr);
    EXPECT_EQ(dns->payload, std::string("\0\0\x10\0\0\0\0\0\0\0\0\0", 12));
}

TEST(NmapProbes, ProbesForAnExchangeAreOnlyThoseTheClientSent) {
    const NmapDatabase db = parse_nmap_service_probes(fixture());
    auto names = [&db](Transport t, std::string_view client, bool banner = true) {
        std::vector<std::string> out;
        for (const NmapProbe *p : probes_for_exchange(db, t, bytes(client), banner)) out.push_back(p->name);
        return out;
    };
    EXPECT_EQ(names(Transport::Tcp, ""), (std::vector<std::string>{"NULL"}));
    EXPECT_EQ(names(Transport::Tcp, "GET /x HTTP/1.1\r\nHost: a\r\n\r\n"),
              (std::vector<std::string>{"GetRequest", "HTTPOptions", "NULL"}));
    EXPECT_EQ(names(Transport::Tcp, "GETTY\r\n"), (std::vector<std::string>{"NULL"}));
    EXPECT_EQ(names(Transport::Tcp, "GET / HTTP/1.1\r\n\r\n", false),
              (std::vector<std::string>{"GetRequest", "HTTPOptions"}));  // not the banner: no NULL
    EXPECT_EQ(names(Transport::Udp, std::string_view("\0\0\x10\0\0\0\0\0\0\0\0\0", 12)),
              (std::vector<std::string>{"DNSStatusRequest"}));
    EXPECT_TRUE(names(Transport::Udp, std::string_view("\0\0\x10\0", 4)).empty());
}

TEST(NmapProbes, TemplatesSubstituteGroups) {
    const std::vector<std::string> groups{"2.0", "9.2p1", "2+deb12u3"};
    EXPECT_EQ(expand_template("$2 Debian $3", groups), "9.2p1 Debian 2+deb12u3");
    EXPECT_EQ(expand_template("protocol $1", groups), "protocol 2.0");
    EXPECT_EQ(expand_template("$9", groups), "");
    const std::vector<std::string> binary{std::string("5.5\x01x", 5)};
    EXPECT_EQ(expand_template("$P(1)", binary), "5.5x");
    EXPECT_EQ(expand_template("v $SUBST(1,\"_\",\".\") end", groups), "v 2.0 end");
}

TEST(NmapProbes, TextsStayWithTheDatabaseWhenMoved) {
    NmapDatabase db = parse_nmap_service_probes(fixture());
    const std::string_view service = db.matches.at(0).service;
    const NmapDatabase moved = std::move(db);
    EXPECT_EQ(moved.matches.at(0).service.data(), service.data());
    EXPECT_EQ(moved.matches.at(0).service, "ssh");
}

TEST(NmapProbes, OnlyTemplatesWithGroupsReadTheProductFromThePayload) {
    NmapMatch constant;
    constant.product = "SmartThings hub telnetd";
    EXPECT_FALSE(reads_product_from_payload(constant));
    NmapMatch version;
    version.product = "Redis key-value store";
    version.version = "$1";
    EXPECT_TRUE(reads_product_from_payload(version));
    NmapMatch printable;
    printable.product = "$P(2)";
    EXPECT_TRUE(reads_product_from_payload(printable));
}

// The prefilter must never skip a pattern that could match: every prefix it
// reports is one the pattern itself requires.
TEST(NmapProbes, LiteralPrefixOfAnchoredPatterns) {
    EXPECT_EQ(literal_prefix("^SSH-([\\d.]+)-OpenSSH"), "SSH-");
    EXPECT_EQ(literal_prefix("^220 ([-\\w_.]+) ESMTP"), "220 ");
    EXPECT_EQ(literal_prefix("^\\x16\\x03\\0\\0\\x02"), std::string("\x16\x03\0\0\x02", 5));
    EXPECT_EQ(literal_prefix("^\\0\\x01"), std::string("\0\x01", 2));
    EXPECT_EQ(literal_prefix("^HTTP/1\\.[01] \\d\\d\\d"), "HTTP/1.");
    EXPECT_EQ(literal_prefix("^ab?c"), "a");  // b may be absent
    EXPECT_EQ(literal_prefix("^ab*c"), "a");
    EXPECT_EQ(literal_prefix("^ab{0,2}c"), "a");
    EXPECT_EQ(literal_prefix("^ab+c"), "ab");  // b at least once, then maybe more
    EXPECT_EQ(literal_prefix("^\\*\\+OK"), "*+OK");
    EXPECT_EQ(literal_prefix("^\\d+"), "");
    EXPECT_EQ(literal_prefix("^(?:a|b)"), "");
    EXPECT_EQ(literal_prefix("^[ab]c"), "");
    EXPECT_EQ(literal_prefix("^.c"), "");
    EXPECT_EQ(literal_prefix("abc"), "");        // not anchored
    EXPECT_EQ(literal_prefix("^abc|^xyz"), "");  // a top-level alternative
    EXPECT_EQ(literal_prefix("^a(b|c)"), "a");   // an alternative inside a group
    EXPECT_EQ(literal_prefix("^a[|]b"), "a");    // a bar inside a class
    EXPECT_EQ(literal_prefix("^a\\|b"), "a|b");  // an escaped bar
}

// The head index of nmap_matcher.cpp: a line is found by the first four
// octets of its literal prefix, letters folded, and an answer by its own.
TEST(NmapProbes, LiteralHeadsFoldCaseAndNeedFourOctets) {
    EXPECT_EQ(literal_head("^SSH-([\\d.]+)-OpenSSH"), folded_head(bytes("ssh-")));
    EXPECT_EQ(literal_head("^HTTP/1\\.[01]"), folded_head(bytes("Http/1.1 200")));
    EXPECT_EQ(literal_head("^\\x16\\x03\\0\\0\\x02"), folded_head(bytes(std::string("\x16\x03\0\0", 4))));
    EXPECT_EQ(literal_head("^220 ("), folded_head(bytes("220 ")));
    EXPECT_EQ(literal_head("^22(0|1)"), std::nullopt);  // "22": shorter than a head
    EXPECT_EQ(literal_head("^ab?cd"), std::nullopt);
    EXPECT_EQ(literal_head("abcd"), std::nullopt);  // not anchored
    EXPECT_EQ(folded_head(bytes("abc")), std::nullopt);
    EXPECT_NE(folded_head(bytes("HTTP")), folded_head(bytes("HTTQ")));
}

// One reader of PCRE quantifiers for the prefix, the required runs and the
// leading classes: where it ends, and whether it allows zero.
TEST(NmapProbes, QuantifiersAndLiteralBraces) {
    auto read = [](std::string_view pattern) {
        bool optional = false;
        const std::size_t end = pcre_quantifier_end(pattern, 1, optional);
        return std::pair{end, optional};
    };
    EXPECT_EQ(read("a?b"), (std::pair<std::size_t, bool>{2, true}));
    EXPECT_EQ(read("a*?b"), (std::pair<std::size_t, bool>{3, true}));
    EXPECT_EQ(read("a++b"), (std::pair<std::size_t, bool>{3, false}));
    EXPECT_EQ(read("a{2}b"), (std::pair<std::size_t, bool>{4, false}));
    EXPECT_EQ(read("a{01,}b"), (std::pair<std::size_t, bool>{6, false}));
    EXPECT_EQ(read("a{0,3}b"), (std::pair<std::size_t, bool>{6, true}));
    EXPECT_EQ(read("a{,3}b"), (std::pair<std::size_t, bool>{5, true}));      // newer PCRE2's {0,3}
    EXPECT_EQ(read("a{ 2}b"), (std::pair<std::size_t, bool>{5, true}));      // blanks: newer PCRE2 only
    EXPECT_EQ(read("a{\"x\"}b"), (std::pair<std::size_t, bool>{1, false}));  // a literal brace
    EXPECT_EQ(read("a{}b"), (std::pair<std::size_t, bool>{1, false}));
    EXPECT_EQ(read("ab"), (std::pair<std::size_t, bool>{1, false}));
}

TEST(NmapProbes, PrefixComparisonHonoursCase) {
    EXPECT_TRUE(begins_with_prefix(bytes("SSH-2.0-x"), "SSH-", false));
    EXPECT_FALSE(begins_with_prefix(bytes("ssh-2.0-x"), "SSH-", false));
    EXPECT_TRUE(begins_with_prefix(bytes("ssh-2.0-x"), "SSH-", true));
    EXPECT_FALSE(begins_with_prefix(bytes("SS"), "SSH-", true));
    EXPECT_TRUE(begins_with_prefix(bytes(""), "", false));
}
