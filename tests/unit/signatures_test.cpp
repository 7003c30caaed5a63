// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "builder.hpp"
#include "signature_cases.hpp"
#include "core/ghostports/signatures.hpp"

using ghostports::match_signature;
using ghostports::Sender;
using ghostports::Transport;
using rescap::test::Bytes;
using rescap::test::text;
using rescap::test::operator+;

namespace {

std::string name_of(const Bytes &payload, Transport transport, Sender sender) {
    const auto *row = match_signature(payload, transport, sender);
    return row != nullptr ? row->protocol : "";
}

Bytes bytes(std::string_view s) {
    return Bytes(s.begin(), s.end());
}

Bytes wireguard(std::uint8_t type, std::size_t length) {
    Bytes p(length, 0x5a);
    p[0] = type;
    p[1] = p[2] = p[3] = 0;
    return p;
}

Bytes stun_binding_request() {
    return Bytes{0x00, 0x01, 0x00, 0x08, 0x21, 0x12, 0xa4, 0x42} + Bytes(12, 0x33) +
           Bytes{0x80, 0x28, 0x00, 0x04, 0x11, 0x22, 0x33, 0x44};
}

Bytes dns_query() {
    return Bytes{0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00} +
           bytes(
               "\x07"
               "example\x03"
               "com") +
           Bytes{0x00, 0x00, 0x01, 0x00, 0x01};
}

Bytes random_octets(std::mt19937 &random, std::size_t size) {
    std::uniform_int_distribution<int> octet(0, 255);
    Bytes out(size);
    for (auto &b : out) b = static_cast<std::uint8_t>(octet(random));
    return out;
}

const std::vector<rescap::test::SignatureCase> &cases() {
    return rescap::test::signature_cases();
}
using Case = rescap::test::SignatureCase;

}  // namespace

TEST(Signatures, NameEachServiceFromItsOwnPayload) {
    for (const Case &c : cases()) EXPECT_EQ(name_of(c.payload, c.transport, c.sender), c.protocol) << c.what;
}

TEST(Signatures, DnsOverTcpNeedsItsLengthPrefix) {
    const Bytes query = dns_query();
    const Bytes framed = Bytes{0x00, static_cast<std::uint8_t>(query.size())} + query;
    EXPECT_EQ(name_of(framed, Transport::Tcp, Sender::Client), "DNS");
    EXPECT_EQ(name_of(Bytes{0x00, 0x40} + query, Transport::Tcp, Sender::Client), "");
}

// RFC 6762 16 / IANA RR types: a question's labels are UTF-8 text and its
// type an assigned one; an mDNS instance name in UTF-8 stays DNS.
TEST(Signatures, DnsQuestionNeedsTextLabelsAndAnAssignedType) {
    Bytes query = dns_query();
    EXPECT_EQ(name_of(query, Transport::Udp, Sender::Client), "DNS");
    query[14] = 0x96;  // a lone UTF-8 continuation octet in "example"
    EXPECT_EQ(name_of(query, Transport::Udp, Sender::Client), "");
    query[14] = 0x01;  // a control character
    EXPECT_EQ(name_of(query, Transport::Udp, Sender::Client), "");
    query = dns_query();
    query[query.size() - 4] = 0x29;  // QTYPE 0x2901: unassigned
    EXPECT_EQ(name_of(query, Transport::Udp, Sender::Client), "");
    const Bytes mdns = Bytes{0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0} +
                       bytes(
                           "\x09"
                           "Caf\xc3\xa9 Imp\x04"
                           "_ipp\x04"
                           "_tcp\x05"
                           "local") +
                       Bytes{0x00, 0x00, 0x10, 0x00, 0x01};
    EXPECT_EQ(name_of(mdns, Transport::Udp, Sender::Client), "DNS");
}

// Near misses: what merely starts like a protocol stays unnamed.
TEST(Signatures, NearMissesStayUnnamed) {
    EXPECT_EQ(name_of(text("220 welcome\r\n"), Transport::Tcp, Sender::Server), "");  // FTP or SMTP?
    EXPECT_EQ(name_of(text("USER alice\r\n"), Transport::Tcp, Sender::Client), "");   // FTP or POP3
    EXPECT_EQ(name_of(text("PASS alice\r\nQUIT\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(text("idle; rm -rf\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(Bytes{0x00, 0x01, 0x00, 0x02, 0x00, 0x01}, Transport::Udp, Sender::Client), "");  // rescap-like
    EXPECT_EQ(name_of(Bytes{0x16, 0x03, 0x09, 0x00, 0x10, 0x01}, Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(wireguard(1, 147), Transport::Udp, Sender::Client), "");
    EXPECT_EQ(name_of(Bytes{0x05, 0x02, 0x00}, Transport::Tcp, Sender::Client), "");  // 2 methods announced, 1 sent
    EXPECT_EQ(name_of(Bytes{0x00, 0x01} + bytes("file") + Bytes{0} + bytes("binary") + Bytes{0}, Transport::Udp,
                      Sender::Client),
              "");  // no such TFTP mode
    Bytes bad_cookie = stun_binding_request();
    bad_cookie[7] ^= 1;
    EXPECT_EQ(name_of(bad_cookie, Transport::Udp, Sender::Client), "");
    // A row applies only to its transport and sender.
    EXPECT_EQ(name_of(wireguard(1, 148), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(text("HTTP/1.1 200 OK\r\n"), Transport::Tcp, Sender::Client), "");
}

TEST(Signatures, RandomPayloadsAreNeverNamed) {
    std::mt19937 random(283403);
    std::uniform_int_distribution<int> octet(0, 255), size(1, 1500);
    for (int i = 0; i < 20000; ++i) {
        Bytes payload(static_cast<std::size_t>(size(random)));
        for (auto &b : payload) b = static_cast<std::uint8_t>(octet(random));
        for (auto transport : {Transport::Tcp, Transport::Udp})
            for (auto sender : {Sender::Client, Sender::Server})
                ASSERT_EQ(name_of(payload, transport, sender), "") << "iteration " << i;
    }
}

TEST(Signatures, TableIsConsistent) {
    std::set<std::string> ids;
    for (const auto &row : ghostports::signature_table()) {
        EXPECT_TRUE(ids.insert(row.id).second) << "duplicate id " << row.id;
        EXPECT_NE(row.protocol, nullptr);
        EXPECT_NE(row.pattern, nullptr);
    }
    EXPECT_STREQ(ghostports::signature_for_nmap_service("ssh", Transport::Tcp)->protocol, "SSH");
    EXPECT_STREQ(ghostports::signature_for_nmap_service("stun", Transport::Tcp)->dissector, "stun-tcp");
    EXPECT_EQ(ghostports::signature_for_nmap_service("no-such-service", Transport::Tcp), nullptr);
}

// Issue 18: a RESP array line ended by LF alone ("*2\n") made resp_command
// skip two octets past it and read beyond the payload. Every prefix of
// every case, and lines ended by LF alone, in buffers of exactly their
// size (ASan in scripts/sanitize.sh sees any read past them).
TEST(Signatures, EveryPrefixStaysInBounds) {
    std::vector<Bytes> payloads = {text("*2\n"), text("*2\n$3\n"), text("*2\r"), text("PASS x\nNICK a\n"),
                                   text("PASS x\n")};
    for (const Case &c : cases()) payloads.push_back(c.payload);
    for (const Bytes &payload : payloads)
        for (std::size_t size = 1; size <= payload.size(); ++size) {
            const auto exact = std::make_unique<std::uint8_t[]>(size);
            std::copy_n(payload.begin(), size, exact.get());
            for (auto transport : {Transport::Tcp, Transport::Udp})
                for (auto sender : {Sender::Client, Sender::Server})
                    match_signature({exact.get(), size}, transport, sender);
        }
    EXPECT_EQ(name_of(text("*2\n"), Transport::Tcp, Sender::Client), "");
    // RESP lines end with CR LF (Redis's multibulk parser looks for "\r\n"):
    // "*1\n$4\nPING\n" was named Redis before issue 18 and is not RESP.
    EXPECT_EQ(name_of(text("*1\n$4\nPING\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(text("*1\r\n$4\r\nPING\r\n"), Transport::Tcp, Sender::Client), "Redis");
}

// Issue 18, precision 1: "16 03 01 00 05 01" + 300 random octets was named
// TLS. The record must hold a hello whose fields fit.
TEST(Signatures, TlsNeedsAHelloThatFitsItsRecord) {
    std::mt19937 random(18);
    for (int i = 0; i < 100; ++i)
        EXPECT_EQ(name_of(Bytes{0x16, 0x03, 0x01, 0x00, 0x05, 0x01} + random_octets(random, 300), Transport::Tcp,
                          Sender::Client),
                  "");
    const Bytes hello = rescap::test::tls_client_hello();
    // The first segment of a hello that spans segments: the part present is consistent.
    for (std::size_t cut : {44u, 60u, 100u, 200u, 400u})
        EXPECT_EQ(name_of(Bytes(hello.begin(), hello.begin() + static_cast<std::ptrdiff_t>(cut)), Transport::Tcp,
                          Sender::Client),
                  "TLS")
            << cut;
    // ... and not when a field of it is out of range.
    const auto broken = [&hello](std::size_t at, std::uint8_t value) {
        Bytes b = hello;
        b[at] = value;
        return name_of(b, Transport::Tcp, Sender::Client);
    };
    EXPECT_EQ(broken(1, 0x02), "");                                // record version 2.1
    EXPECT_EQ(broken(6, 0x01), "");                                // handshake length past the record
    EXPECT_EQ(broken(9, 0x02), "");                                // client version 0x0203
    EXPECT_EQ(broken(43, 33), "");                                 // session id of 33 octets
    EXPECT_EQ(broken(77, 0x3d), "");                               // odd cipher-suite length (0x003e in the capture)
    EXPECT_EQ(broken(5, 0x04), "");                                // NewSessionTicket, not a hello
    Bytes trailing = hello + Bytes{0x99, 0x03, 0x03, 0x00, 0x10};  // a record of no content type
    EXPECT_EQ(name_of(trailing, Transport::Tcp, Sender::Client), "");
}

// Issue 18, precision 2: a chat client's first line "echo hello" was named a shell.
TEST(Signatures, ShellNeedsAShellsOwnOutput) {
    for (const char *line : {"echo hello\n", "id; uname -a\nexit\n", "ls\n", "cat notes.txt\n"})
        EXPECT_EQ(name_of(text(line), Transport::Tcp, Sender::Client), "") << line;
    for (const char *line : {"uid=0 gid=0\n", "hello uid=0(root) gid=0(root)\n", "Linux is great #1 x86_64\n",
                             "root:x:0:0:\n", "$ ", "# ", "last quarter attached, and the\n", "50% done # "})
        EXPECT_EQ(name_of(text(line), Transport::Tcp, Sender::Server), "") << line;
}

// Issue 18, precision 3: 21 of 1000 random 48-octet datagrams were named NTP.
TEST(Signatures, RandomNtpSizedDatagramsAreNotNtp) {
    std::mt19937 random(403);
    for (std::size_t size : {48u, 68u, 72u})
        for (int i = 0; i < 20000; ++i)
            for (auto sender : {Sender::Client, Sender::Server})
                ASSERT_EQ(name_of(random_octets(random, size), Transport::Udp, sender), "") << size << " #" << i;
    // A client without a transmit timestamp, a server with a positive precision: not NTP either.
    Bytes client = rescap::test::hex(
        "23000020000000000000000000000000000000000000000000000000000000000000000000000000808f418ab2dae369");
    client[40] = client[41] = client[42] = client[43] = client[44] = client[45] = client[46] = client[47] = 0;
    EXPECT_EQ(name_of(client, Transport::Udp, Sender::Client), "") << "no transmit timestamp";
    // A PTP Announce extended to 68 octets (the census) was a client with a MAC: a
    // precision of +8 (a clock read in 256 s) and a transmit time of 0 s and a fraction.
    Bytes coarse = rescap::test::hex(
        "23000020000000000000000000000000000000000000000000000000000000000000000000000000808f418ab2dae369");
    coarse[3] = 0x08;
    EXPECT_EQ(name_of(coarse, Transport::Udp, Sender::Client), "") << "client precision +8";
    coarse[3] = 0x20;
    coarse[40] = coarse[41] = coarse[42] = coarse[43] = 0;
    EXPECT_EQ(name_of(coarse, Transport::Udp, Sender::Client), "") << "transmit 0 s and a fraction";
    Bytes server = rescap::test::hex(
        "240800e600000000000000007f7f0101eead7c2a53c16f90808f418ab2dae369eead7c2b8863155feead7c2b887fac20");
    server[3] = 0x20;
    EXPECT_EQ(name_of(server, Transport::Udp, Sender::Server), "") << "server precision +32";
}

// Issue 18, precision 3: "FF FB-FE <option>" and a few more octets was named Telnet.
TEST(Signatures, TelnetNeedsMoreThanOneIacCommand) {
    std::mt19937 random(23);
    for (std::uint8_t command : {0xfb, 0xfc, 0xfd, 0xfe})
        for (int i = 0; i < 200; ++i) {
            Bytes p = Bytes{0xff, command, static_cast<std::uint8_t>(i % 50)} + random_octets(random, 1 + i % 50);
            if (p[3] == 0xff) p[3] = 0;
            EXPECT_EQ(name_of(p, Transport::Tcp, Sender::Server), "");
        }
    EXPECT_EQ(name_of(Bytes{0xff, 0xfd, 0x18, 0xff, 0xfd, 0xc8}, Transport::Tcp, Sender::Server), "")
        << "option 200 is not assigned";
    EXPECT_EQ(name_of(Bytes{0xff, 0xfc, 0x01}, Transport::Tcp, Sender::Client), "Telnet") << "one answer, alone";
}

// Issue 18, precision 4: one keyword is not evidence.
TEST(Signatures, OneKeywordIsNotEvidence) {
    const auto client = [](std::string_view s) { return name_of(text(s), Transport::Tcp, Sender::Client); };
    const auto server = [](std::string_view s) { return name_of(text(s), Transport::Tcp, Sender::Server); };
    EXPECT_EQ(client("version\r\n"), "") << "Gearman's admin protocol says it too";
    EXPECT_EQ(client("stats\r\n"), "");
    EXPECT_EQ(server("VALUE color 42\r\n"), "");
    EXPECT_EQ(server("VALUE color 0 5\r\nhello\r\nEND\r\n"), "memcached");
    EXPECT_EQ(server("VALUE color 0 6\r\nhello\r\nEND\r\n"), "") << "lengths disagree";
    EXPECT_EQ(server("VERSION 1.6.18\r\n"), "memcached");
    EXPECT_EQ(server("VERSION hello\r\n"), "");
    EXPECT_EQ(server("STORED\r\n"), "");
    EXPECT_EQ(client("set k 0 0 5\r\nhello\r\n"), "memcached");
    EXPECT_EQ(client("set k 0 0 9\r\nhello\r\nget k\r\n"), "") << "the data block is not 9 octets";
    EXPECT_EQ(server("+OK\r\n"), "");
    EXPECT_EQ(server("+OK ready\r\nsomething else\r\n"), "");
    EXPECT_EQ(server("* OK\r\n\x01\x02garbage"), "");
    EXPECT_EQ(server("220 FTP\r\n\x80\x81\x82\x83"), "");
    EXPECT_EQ(server("220 hello FTP friends\r\n221 bye\r\n"), "");
    EXPECT_EQ(name_of(text("<13>abcdefghijklmnopqrstuvwxyz"), Transport::Udp, Sender::Client), "");
    EXPECT_EQ(client("NICK alice\r\n"), "");
    EXPECT_EQ(client("NICK alice\r\nUSER alice 0 * :Alice\r\nhello there\r\n"), "");
    EXPECT_EQ(server(":x 001 y :Welcome\r\n\x01\x02\x03\r\n"), "");
    // IRC's server side needs a three-digit numeric reply, not a NOTICE alone
    // (fresh2's made-up protocol greeted with one; RFC 2812 2.4: 3 digits).
    EXPECT_EQ(server(":hub.example NOTICE * :*** hello\r\n"), "");
    EXPECT_EQ(server(":hub.example 0001 nick :Welcome aboard\r\n"), "");
    EXPECT_EQ(server(":hub.example NOTICE * :*** Looking up your hostname\r\n:hub.example 001 nick :Welcome\r\n"),
              "IRC");
    EXPECT_EQ(client("EHLO client.example\r\nMAIL FROM:<a@b>\r\n"), "") << "no pipelining before the reply";
    EXPECT_EQ(client("FEAT\n"), "") << "FTP commands end with CR LF";
    EXPECT_EQ(client("GET / HTTP/1.1\r\nHost x\r\n\r\n"), "") << "a header line without a colon";
    EXPECT_EQ(client("GET / HTTP/1.7\r\n\r\n"), "");
    EXPECT_EQ(client("GET /\x01 HTTP/1.1\r\n\r\n"), "");
}
