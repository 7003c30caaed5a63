// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <string>

#include "core/ghostports/announcements.hpp"
#include "signature_cases.hpp"

using namespace ghostports;
using rescap::test::Bytes;
using rescap::test::hex;
using rescap::test::raw;

namespace {

// A DNS response (RFC 1035 4.1) to "version.bind" TXT CH whose one answer
// (a pointer to the question's name) carries `text` as its TXT string.
Bytes version_bind_answer(const std::string &text) {
    Bytes out = hex("1234 8400 0001 0001 0000 0000  0776657273696f6e0462696e6400 0010 0003  c00c 0010 0003 00000000");
    out.push_back(0);
    out.push_back(static_cast<std::uint8_t>(text.size() + 1));
    out.push_back(static_cast<std::uint8_t>(text.size()));
    out.insert(out.end(), text.begin(), text.end());
    return out;
}

}  // namespace

TEST(Announcements, BareVersionBindIsBind) {
    // BIND answers its own version when its "version" option is left alone.
    const Announcement found = find_announcement("DNS", version_bind_answer("9.18.49-1~deb12u3-Debian"), false);
    EXPECT_STREQ(found.id, "dns-version-bind");
    EXPECT_EQ(found.product, "BIND");
    EXPECT_EQ(found.version, "9.18.49-1~deb12u3-Debian");
}

TEST(Announcements, NamedVersionBindKeepsItsProduct) {
    for (const auto &[text, product, version] :
         {std::tuple{"Knot DNS 3.2.6", "Knot DNS", "3.2.6"}, std::tuple{"unbound 1.17.1", "unbound", "1.17.1"},
          std::tuple{"dnsmasq-2.89", "dnsmasq", "2.89"}}) {
        const Announcement found = find_announcement("DNS", version_bind_answer(text), false);
        EXPECT_EQ(found.product, product) << text;
        EXPECT_EQ(found.version, version) << text;
    }
}

TEST(Announcements, HttpServerHeader) {
    const Announcement found = find_header_announcement(
        "HTTP", raw("HTTP/1.1 200 OK\r\nDate: x\r\nserver:  Apache/2.4.71 (Debian)\r\nContent-Length: 0\r\n\r\n"));
    EXPECT_STREQ(found.id, "http-server-header");
    EXPECT_EQ(found.product, "Apache");
    EXPECT_EQ(found.version, "2.4.71");
    EXPECT_EQ(find_header_announcement("HTTP", raw("HTTP/1.0 200 OK\r\nServer: nginx\r\n\r\n")).product, "nginx");
    // the version alone in parentheses (kore, fresh6_kore_403); a comment without a digit stays a comment
    const Announcement kore = find_header_announcement("HTTP", raw("HTTP/1.1 200 OK\r\nserver: kore (4.1.0)\r\n\r\n"));
    EXPECT_EQ(kore.product, "kore");
    EXPECT_EQ(kore.version, "4.1.0");
    EXPECT_EQ(find_header_announcement("HTTP", raw("HTTP/1.1 200 OK\r\nServer: Apache (Debian)\r\n\r\n")).version, "");
}

TEST(Announcements, HttpViaCommentNamesTheProxy) {
    const Announcement found =
        find_header_announcement("HTTP", raw("HTTP/1.1 502 Bad Gateway\r\nVia: 1.1 eval (squid/5.7)\r\n\r\n"));
    EXPECT_STREQ(found.id, "http-via-header");
    EXPECT_EQ(found.product, "squid");
    EXPECT_EQ(found.version, "5.7");
}

TEST(Announcements, HeadersOfRequestsBodiesAndOtherProtocolsAnnounceNothing) {
    EXPECT_EQ(find_header_announcement("HTTP", raw("GET / HTTP/1.1\r\nServer: nginx/1\r\n\r\n")).id, nullptr);
    EXPECT_EQ(find_header_announcement("HTTP", raw("HTTP/1.1 200 OK\r\n\r\nServer: nginx/1\r\n")).id, nullptr);
    EXPECT_EQ(find_header_announcement("HTTP", raw("HTTP/1.1 200 OK\r\nServer: \x1b[2J\r\n\r\n")).id, nullptr);
    EXPECT_EQ(find_header_announcement("RTSP", raw("HTTP/1.1 200 OK\r\nServer: nginx/1\r\n\r\n")).id, nullptr);
}

TEST(Announcements, ThroughAProxyTheViaCommentWinsOverTheOriginsServerHeader) {
    const Announcement found = find_header_announcement(
        "HTTP", raw("HTTP/1.1 200 OK\r\nServer: origin/1.0\r\nVia: 1.1 varnish (Varnish/7.1)\r\n\r\n"));
    EXPECT_STREQ(found.id, "http-via-header");
    EXPECT_EQ(found.product, "Varnish");
    EXPECT_EQ(found.version, "7.1");
    // A Via without a product comment: the Server header is the origin's, so nothing.
    EXPECT_EQ(
        find_header_announcement("HTTP", raw("HTTP/1.1 200 OK\r\nServer: origin/1.0\r\nVia: 1.1 proxy\r\n\r\n")).id,
        nullptr);
}

// Rows by design before fresh7: poppassd's greeting, Syncplay's Hello, BOINC's exchange_versions reply.
TEST(Announcements, PoppassdSyncplayAndBoincVersions) {
    Announcement found = find_announcement("poppassd", raw("200 poppassd v1.8.5 hello, who are you?\r\n"), true);
    EXPECT_EQ(found.product, "poppassd");
    EXPECT_EQ(found.version, "1.8.5");
    EXPECT_EQ(find_announcement("poppassd", raw("200 poppassd hello\r\n"), true).id, nullptr);
    found = find_announcement("Syncplay",
                              raw("{\"Hello\": {\"username\": \"ghost\", \"version\": \"1.2.255\", \"realversion\": "
                                  "\"1.6.9\", \"motd\": \"\"}}\r\n"),
                              true);
    EXPECT_EQ(found.product, "Syncplay");
    EXPECT_EQ(found.version, "1.6.9");
    found = find_announcement("BOINC GUI RPC",
                              raw("<boinc_gui_rpc_reply>\n<server_version>\n<major>7</major>\n<minor>20</minor>\n"
                                  "<release>5</release>\n</server_version>\n</boinc_gui_rpc_reply>\n\x03"),
                              true);
    EXPECT_EQ(found.product, "BOINC client");
    EXPECT_EQ(found.version, "7.20.5");
    EXPECT_EQ(
        find_announcement("BOINC GUI RPC", raw("<boinc_gui_rpc_reply>\n<success/>\n</boinc_gui_rpc_reply>\n\x03"), true)
            .id,
        nullptr);
}

// Z39.50's InitializeResponse names its implementation (fresh7_yaz_ztest_283, after its one measurement).
TEST(Announcements, Z3950Implementation) {
    const auto &cases = rescap::test::signature_cases();
    for (const auto &c : cases) {
        if (std::string_view(c.what) != "z3950 init response") continue;
        const Announcement found = find_announcement("Z39.50", c.payload, true);
        EXPECT_EQ(found.product, "GFS/YAZ");
        EXPECT_EQ(found.version, "5.34.0");
        return;
    }
    FAIL() << "no z3950 init response case";
}
