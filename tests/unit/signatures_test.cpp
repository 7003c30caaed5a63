#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>

#include "builder.hpp"
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

struct Case {
    const char *what;
    Bytes payload;
    Transport transport;
    Sender sender;
    const char *protocol;
};

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

Bytes mysql_greeting() {
    Bytes body = Bytes{0x0a} + bytes("10.11.6-MariaDB-0+deb12u1") + Bytes{0x00} + Bytes(40, 0x41);
    return Bytes{static_cast<std::uint8_t>(body.size()), 0x00, 0x00, 0x00} + body;
}

const std::vector<Case> &cases() {
    static const std::vector<Case> all = {
        {"ssh", text("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"), Transport::Tcp, Sender::Server, "SSH"},
        {"tls", Bytes{0x16, 0x03, 0x01, 0x00, 0x40, 0x01, 0x00, 0x00, 0x3c}, Transport::Tcp, Sender::Client, "TLS"},
        {"http request", text("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"), Transport::Tcp, Sender::Client, "HTTP"},
        {"http response", text("HTTP/1.1 200 OK\r\n"), Transport::Tcp, Sender::Server, "HTTP"},
        {"rtsp before http", text("OPTIONS rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"), Transport::Tcp, Sender::Client,
         "RTSP"},
        {"sip", text("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\n\r\n"), Transport::Udp, Sender::Client, "SIP"},
        {"ftp", text("220 (vsFTPd 3.0.3)\r\n"), Transport::Tcp, Sender::Server, "FTP"},
        {"smtp", text("220 mail.example ESMTP Postfix (Debian/GNU)\r\n"), Transport::Tcp, Sender::Server, "SMTP"},
        {"smtp client", text("EHLO client.example\r\n"), Transport::Tcp, Sender::Client, "SMTP"},
        {"pop3", text("+OK Dovecot (Debian) ready.\r\n"), Transport::Tcp, Sender::Server, "POP3"},
        {"imap", text("* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n"), Transport::Tcp, Sender::Server, "IMAP"},
        {"imap client", text("a001 CAPABILITY\r\n"), Transport::Tcp, Sender::Client, "IMAP"},
        {"telnet", Bytes{0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20, 0xff, 0xfd, 0x23}, Transport::Tcp, Sender::Server,
         "Telnet"},
        {"ldap bind", Bytes{0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00},
         Transport::Tcp, Sender::Client, "LDAP"},
        {"redis", text("*1\r\n$4\r\nPING\r\n"), Transport::Tcp, Sender::Client, "Redis"},
        {"memcached tcp", text("set k 0 0 1\r\nx\r\n"), Transport::Tcp, Sender::Client, "memcached"},
        {"memcached udp", Bytes{0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00} + text("get k\r\n"), Transport::Udp,
         Sender::Client, "memcached"},
        {"tftp rrq", Bytes{0x00, 0x01} + bytes("file.txt") + Bytes{0} + bytes("octet") + Bytes{0}, Transport::Udp,
         Sender::Client, "TFTP"},
        {"tftp rrq options",
         Bytes{0x00, 0x01} + bytes("f") + Bytes{0} + bytes("netascii") + Bytes{0} + bytes("tsize") + Bytes{0} +
             bytes("0") + Bytes{0},
         Transport::Udp, Sender::Client, "TFTP"},
        {"stun", stun_binding_request(), Transport::Udp, Sender::Client, "STUN"},
        {"wireguard initiation", wireguard(1, 148), Transport::Udp, Sender::Client, "WireGuard"},
        {"wireguard response", wireguard(2, 92), Transport::Udp, Sender::Server, "WireGuard"},
        {"wireguard data", wireguard(4, 32 + 64), Transport::Udp, Sender::Client, "WireGuard"},
        {"openvpn", Bytes{0x38, 1, 2, 3, 4, 5, 6, 7, 8, 0x00, 0, 0, 0, 0}, Transport::Udp, Sender::Client, "OpenVPN"},
        {"socks4", Bytes{0x04, 0x01, 0x00, 0x50, 10, 0, 0, 1} + bytes("bob") + Bytes{0}, Transport::Tcp, Sender::Client,
         "SOCKS4"},
        {"socks5", Bytes{0x05, 0x02, 0x00, 0x02}, Transport::Tcp, Sender::Client, "SOCKS5"},
        {"mysql", mysql_greeting(), Transport::Tcp, Sender::Server, "MySQL"},
        {"pgsql ssl", Bytes{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}, Transport::Tcp, Sender::Client, "PostgreSQL"},
        {"mqtt",
         Bytes{0x10, 0x10, 0x00, 0x04} + bytes("MQTT") + Bytes{0x04, 0x02, 0x00, 0x3c, 0x00, 0x04} + bytes("abcd"),
         Transport::Tcp, Sender::Client, "MQTT"},
        {"snmp",
         Bytes{0x30, 0x18, 0x02, 0x01, 0x01, 0x04, 0x06} + bytes("public") +
             Bytes{0xa0, 0x0b, 0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x00},
         Transport::Udp, Sender::Client, "SNMP"},
        {"ntp", Bytes{0x23} + Bytes(47, 0), Transport::Udp, Sender::Client, "NTP"},
        {"syslog", text("<34>Oct 11 22:14:15 host su: 'su root' failed"), Transport::Udp, Sender::Client, "Syslog"},
        {"dns udp", dns_query(), Transport::Udp, Sender::Client, "DNS"},
        {"rsync", text("@RSYNCD: 31.0\n"), Transport::Tcp, Sender::Server, "rsync"},
        {"git", bytes(std::string_view("0032git-upload-pack /project.git\0host=myserver.com\0", 50)), Transport::Tcp,
         Sender::Client, "Git"},
        {"irc", text("NICK alice\r\nUSER alice 0 * :Alice\r\n"), Transport::Tcp, Sender::Client, "IRC"},
        {"irc with PASS", text("PASS s3cret\r\nNICK alice\r\nUSER alice 0 * :Alice\r\n"), Transport::Tcp,
         Sender::Client, "IRC"},
        {"git body", bytes(std::string_view("git-upload-pack /g.git\0host=h:403\0\0version=2\0", 46)), Transport::Tcp,
         Sender::Client, "Git"},
        {"shell", text("id; uname -a\nexit\n"), Transport::Tcp, Sender::Client, "Shell session (bind shell)"},
        {"id output", text("uid=0(root) gid=0(root) groups=0(root)\n"), Transport::Tcp, Sender::Server,
         "Shell session (bind shell)"},
        {"xmpp",
         text("<?xml version='1.0'?><stream:stream to='x' xmlns='jabber:client' "
              "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"),
         Transport::Tcp, Sender::Client, "XMPP"},
    };
    return all;
}

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
    EXPECT_EQ(name_of(text("*1\n$4\nPING\n"), Transport::Tcp, Sender::Client), "Redis");
}
