// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>

#include "builder.hpp"
#include "signature_cases.hpp"
#include "core/ghostports/exposures.hpp"

using namespace ghostports;
using rescap::test::Bytes;
using rescap::test::text;
using rescap::test::operator+;

namespace {

// Feeds (client?, payload) in order; returns every finding.
std::vector<Exposure> run(std::initializer_list<std::pair<bool, Bytes>> payloads) {
    ExposureScanner scanner;
    std::vector<Exposure> all;
    for (const auto &[from_client, payload] : payloads) {
        auto found = scanner.scan(payload, from_client);
        all.insert(all.end(), found.begin(), found.end());
    }
    return all;
}

std::pair<bool, Bytes> client(std::string_view s) {
    return {true, text(s)};
}
std::pair<bool, Bytes> server(std::string_view s) {
    return {false, text(s)};
}

void expect_login(const std::vector<Exposure> &found, ExposureProtocol protocol, const std::string &user,
                  std::size_t secret) {
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, ExposureKind::CleartextLogin);
    EXPECT_STREQ(exposure_protocol_name(found[0].protocol), exposure_protocol_name(protocol));
    EXPECT_EQ(found[0].user, user);
    EXPECT_EQ(found[0].secret_length, secret);
}

Bytes ber(std::uint8_t tag, const Bytes &content) {
    return Bytes{tag, static_cast<std::uint8_t>(content.size())} + content;
}

}  // namespace

TEST(Exposures, TelnetLoginTypedKeyByKey) {
    const Bytes negotiation{0xFF, 0xFD, 0x18, 0xFF, 0xFB, 0x01};
    ExposureScanner scanner;
    EXPECT_TRUE(scanner.scan(negotiation + text("Debian GNU/Linux 12\r\nhost login: "), false).empty());
    for (char c : std::string("alice\r")) {
        EXPECT_TRUE(scanner.scan(Bytes{static_cast<std::uint8_t>(c)}, true).empty());
        if (c != '\r') {
            EXPECT_TRUE(scanner.scan(Bytes{static_cast<std::uint8_t>(c)}, false).empty());  // echo
        }
    }
    EXPECT_TRUE(scanner.scan(Bytes{0}, true).empty());
    EXPECT_TRUE(scanner.scan(text("\r\nPassword: "), false).empty());
    for (char c : std::string("s3cre")) EXPECT_TRUE(scanner.scan(Bytes{static_cast<std::uint8_t>(c)}, true).empty());
    const auto found = scanner.scan(text("t\r\n"), true);
    expect_login(found, ExposureProtocol::Telnet, "alice", 6);
}

TEST(Exposures, FtpAndPop3UserPass) {
    expect_login(run({server("220 (vsFTPd 3.0.3)\r\n"), client("USER bob\r\n"),
                      server("331 Please specify the password.\r\n"), client("PASS hunter2\r\n")}),
                 ExposureProtocol::Ftp, "bob", 7);
    expect_login(run({server("+OK POP3 ready\r\n"), client("USER carol\r\n"), client("PASS x\r\n")}),
                 ExposureProtocol::Pop3, "carol", 1);
}

TEST(Exposures, LdapSimpleBind) {
    const Bytes bind =
        ber(0x60, ber(0x02, {3}) + ber(0x04, text("cn=admin,dc=example,dc=org")) + ber(0x80, text("adminpw")));
    expect_login(run({{true, ber(0x30, ber(0x02, {1}) + bind)}}), ExposureProtocol::Ldap, "cn=admin,dc=example,dc=org",
                 7);
    // Anonymous bind (empty password) and SASL binds expose nothing.
    const Bytes anonymous = ber(0x60, ber(0x02, {3}) + ber(0x04, {}) + ber(0x80, {}));
    EXPECT_TRUE(run({{true, ber(0x30, ber(0x02, {1}) + anonymous)}}).empty());
    const Bytes sasl = ber(0x60, ber(0x02, {3}) + ber(0x04, {}) + ber(0xA3, ber(0x04, text("EXTERNAL"))));
    EXPECT_TRUE(run({{true, ber(0x30, ber(0x02, {1}) + sasl)}}).empty());
}

TEST(Exposures, HttpBasic) {
    // "dave:open sesame"
    expect_login(run({client("GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ZGF2ZTpvcGVuIHNlc2FtZQ==\r\n\r\n")}),
                 ExposureProtocol::Http, "dave", 11);
    EXPECT_TRUE(run({client("GET / HTTP/1.1\r\nAuthorization: Bearer abc.def\r\n\r\n")}).empty());
}

TEST(Exposures, SmtpAuthPlainAndLogin) {
    // "\0erin\0pw1234" and "erin" / "pw1234"
    expect_login(run({client("EHLO x\r\n"), client("AUTH PLAIN AGVyaW4AcHcxMjM0\r\n")}), ExposureProtocol::Smtp, "erin",
                 6);
    expect_login(run({client("AUTH PLAIN\r\n"), server("334 \r\n"), client("AGVyaW4AcHcxMjM0\r\n")}),
                 ExposureProtocol::Smtp, "erin", 6);
    expect_login(run({client("AUTH LOGIN\r\n"), server("334 VXNlcm5hbWU6\r\n"), client("ZXJpbg==\r\n"),
                      server("334 UGFzc3dvcmQ6\r\n"), client("cHcxMjM0\r\n")}),
                 ExposureProtocol::Smtp, "erin", 6);
}

TEST(Exposures, RedisAuth) {
    expect_login(run({client("*2\r\n$4\r\nAUTH\r\n$6\r\nfoobar\r\n")}), ExposureProtocol::Redis, "default", 6);
    expect_login(run({client("*3\r\n$4\r\nauth\r\n$5\r\nfrank\r\n$3\r\nabc\r\n")}), ExposureProtocol::Redis, "frank",
                 3);
    EXPECT_TRUE(run({client("*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n")}).empty());
}

TEST(Exposures, Socks5UsernamePassword) {
    const Bytes auth = Bytes{0x01, 5} + text("grace") + Bytes{4} + text("pass");
    expect_login(run({{true, Bytes{0x05, 0x01, 0x02}}, {false, Bytes{0x05, 0x02}}, {true, auth}}),
                 ExposureProtocol::Socks5, "grace", 4);
    // Without the server choosing method 2 the same octets are not taken for credentials.
    EXPECT_TRUE(run({{true, auth}}).empty());
}

TEST(Exposures, BindShellSession) {
    const auto found = run({client("id\n"), server("uid=0(root) gid=0(root) groups=0(root)\n"), client("uname -a\n"),
                            server("Linux host 6.1.0 x86_64 GNU/Linux\n"), client("cat /etc/passwd\n")});
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_EQ(found[0].user, "root");
    EXPECT_EQ(found[1].kind, ExposureKind::ShellCommand);
    EXPECT_EQ(found[1].detail, "id");
    EXPECT_EQ(found[2].detail, "uname -a");
    EXPECT_EQ(found[3].detail, "cat /etc/passwd");
}

TEST(Exposures, ShellPromptThenCommands) {
    const auto found = run({server("sh-5.2$ "), client("whoami\n"), server("nobody\nsh-5.2$ "), client("ls /tmp\n")});
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_EQ(found[1].detail, "whoami");
    EXPECT_EQ(found[2].detail, "ls /tmp");
}

TEST(Exposures, ReportsEachFindingOnce) {
    EXPECT_EQ(run({client("USER bob\r\nPASS x\r\n"), client("USER bob\r\nPASS x\r\n")}).size(), 1u);
}

TEST(Exposures, NearMissesRaiseNothing) {
    EXPECT_TRUE(
        run({client("GET /id HTTP/1.1\r\nHost: example\r\n\r\n"), server("HTTP/1.1 200 OK\r\n\r\nuid")}).empty());
    EXPECT_TRUE(run({server("220 smtp ESMTP\r\n"), client("EHLO x\r\n"), client("MAIL FROM:<a@b>\r\n")}).empty());
    EXPECT_TRUE(run({client("PWD\r\n"), client("LIST\r\n")}).empty());  // FTP, not a shell
    EXPECT_TRUE(run({client("id\n")}).empty());                         // one word proves nothing
    EXPECT_TRUE(run({client("stats\r\n"), client("get key\r\n"), client("version\r\n")}).empty());  // memcached
    EXPECT_TRUE(run({client("SSH-2.0-OpenSSH_9.2\r\n"), server("SSH-2.0-OpenSSH_9.2\r\n")}).empty());
}

TEST(Exposures, RandomPayloadsRaiseNothing) {
    std::mt19937 random(5);
    std::uniform_int_distribution<int> octet(0, 255), size(1, 600);
    ExposureScanner scanner;
    for (int i = 0; i < 20000; ++i) {
        Bytes payload(static_cast<std::size_t>(size(random)));
        for (auto &b : payload) b = static_cast<std::uint8_t>(octet(random));
        ASSERT_TRUE(scanner.scan(payload, i % 2 == 0).empty()) << "iteration " << i;
    }
}

TEST(Exposures, ImapLoginAndAuthenticate) {
    expect_login(run({server("* OK IMAP4rev1 ready\r\n"), client("a1 LOGIN \"mailuser\" \"M4il-s3cret\"\r\n")}),
                 ExposureProtocol::Imap, "mailuser", 11);
    // "\0mailuser\0M4il-s3cret"
    expect_login(run({server("* OK ready\r\n"), client("a1 AUTHENTICATE PLAIN AG1haWx1c2VyAE00aWwtczNjcmV0\r\n")}),
                 ExposureProtocol::Imap, "mailuser", 11);
}

TEST(Exposures, Pop3AuthLoginAndIrcPass) {
    expect_login(run({server("+OK Dovecot ready.\r\n"), client("AUTH LOGIN\r\n"), client("bWFpbHVzZXI=\r\n"),
                      client("TTRpbC1zM2NyZXQ=\r\n")}),
                 ExposureProtocol::Pop3, "mailuser", 11);
    expect_login(run({client("PASS :Irc-s3cret\r\nNICK ghost\r\nUSER ghost 0 * :Ghost\r\n")}), ExposureProtocol::Irc,
                 "", 10);
}

TEST(Exposures, MqttConnectWithCredentials) {
    const Bytes body = Bytes{0, 4} + text("MQTT") + Bytes{4, 0xC2, 0, 60} + Bytes{0, 3} + text("cid") + Bytes{0, 8} +
                       text("mqttuser") + Bytes{0, 9} + text("Mq-s3cret");
    expect_login(run({{true, Bytes{0x10, static_cast<std::uint8_t>(body.size())} + body}}), ExposureProtocol::Mqtt,
                 "mqttuser", 9);
    Bytes no_password = Bytes{0, 4} + text("MQTT") + Bytes{4, 0x02, 0, 60} + Bytes{0, 3} + text("cid");
    EXPECT_TRUE(run({{true, Bytes{0x10, static_cast<std::uint8_t>(no_password.size())} + no_password}}).empty());
}

// STOMP 1.2 "CONNECT or STOMP Frame": login and passcode headers
TEST(Exposures, StompConnectWithCredentials) {
    const std::string_view connect(
        "CONNECT\naccept-version:1.2\nhost:broker\nlogin:stompuser\npasscode:St-s3cret\n\n\0", 76);
    expect_login(run({{true, text(connect)}}), ExposureProtocol::Stomp, "stompuser", 9);
    // no passcode, or not a whole frame (no NUL): nothing
    EXPECT_TRUE(run({{true, text(std::string_view("CONNECT\naccept-version:1.2\nlogin:u\n\n\0", 37))}}).empty());
    EXPECT_TRUE(run({{true, text("CONNECT\nlogin:u\npasscode:p\n\n")}}).empty());
}

TEST(Exposures, PostgresCleartextPassword) {
    const Bytes parameters = text("user") + Bytes{0} + text("postgres") + Bytes{0} + Bytes{0};
    const Bytes startup =
        rescap::test::u32(static_cast<unsigned>(8 + parameters.size())) + rescap::test::u32(0x00030000) + parameters;
    const Bytes password = Bytes{'p'} + rescap::test::u32(4 + 10) + text("Pg-s3cret") + Bytes{0};
    expect_login(run({{true, startup}, {false, Bytes{'R', 0, 0, 0, 8, 0, 0, 0, 3}}, {true, password}}),
                 ExposureProtocol::Postgres, "postgres", 9);
    EXPECT_TRUE(run({{true, password}}).empty());  // no startup message: not PostgreSQL
}

TEST(Exposures, SnmpCommunity) {
    const Bytes pdu = ber(0xA0, ber(0x02, {1}) + ber(0x02, {0}) + ber(0x02, {0}) + ber(0x30, {}));
    expect_login(run({{true, ber(0x30, ber(0x02, {1}) + ber(0x04, text("Sn3mp-c0mmunity")) + pdu)}}),
                 ExposureProtocol::Snmp, "", 15);
    EXPECT_TRUE(run({{true, ber(0x30, ber(0x02, {3}) + ber(0x04, text("x")) + pdu)}}).empty());  // SNMPv3
}

TEST(Exposures, SameCredentialByTwoMechanismsIsTwoFindings) {
    EXPECT_EQ(run({client("AUTH PLAIN AG1haWx1c2VyAE00aWwtczNjcmV0\r\n"), client("AUTH LOGIN bWFpbHVzZXI=\r\n"),
                   client("TTRpbC1zM2NyZXQ=\r\n")})
                  .size(),
              2u);
}

TEST(Exposures, XmppSaslPlain) {
    expect_login(run({client("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                             "AGdob3N0AFhtcHAtczNjcmV0</auth>")}),
                 ExposureProtocol::Xmpp, "ghost", 11);
    EXPECT_TRUE(run({client("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>"
                            "biwsbj1naG9zdA==</auth>")})
                    .empty());
}

// The glue keeps a conversation's scanner only while it is not idle; an idle
// scanner must be exactly as good as a new one.
TEST(Exposures, IdleOnlyWhileNothingIsPending) {
    ExposureScanner scanner;
    EXPECT_TRUE(scanner.idle());
    EXPECT_TRUE(scanner.scan(text("HTTP/1.1 404 Not Found\r\n\r\n"), false).empty());
    EXPECT_TRUE(scanner.idle()) << "a server answer with no prompt, shell or protocol greeting leaves nothing";
    EXPECT_TRUE(scanner.scan(text("GET / HTTP/1.1\r\n\r\n"), true).empty());
    EXPECT_TRUE(scanner.idle()) << "complete client lines that are not credentials leave nothing";

    EXPECT_TRUE(scanner.scan(text("USER al"), true).empty());
    EXPECT_FALSE(scanner.idle()) << "half a line waits for the rest";
    EXPECT_TRUE(scanner.scan(text("ice\r\n"), true).empty());
    EXPECT_FALSE(scanner.idle()) << "the USER name waits for PASS";
    expect_login(scanner.scan(text("PASS secret\r\n"), true), ExposureProtocol::Ftp, "alice", 6);
    EXPECT_FALSE(scanner.idle()) << "a reported finding is remembered, so it is reported once";

    ExposureScanner greeted;
    EXPECT_TRUE(greeted.scan(text("+OK POP3 ready\r\n"), false).empty());
    EXPECT_FALSE(greeted.idle()) << "the POP3 greeting decides how AUTH is named later";
    ExposureScanner prompted;
    EXPECT_TRUE(prompted.scan(text("login: "), false).empty());
    EXPECT_FALSE(prompted.idle());
}

// Issue 18, precision 2: SMTP DATA lines raised "shell_session" from a word
// list ("last", "cat", "id"...). A shell needs its own evidence: a prompt or
// a command's output of that command's shape, after the client's line.
TEST(Exposures, MailBodyAndChatAreNoShell) {
    EXPECT_TRUE(run({server("220 mail.example ESMTP Postfix\r\n"), client("EHLO x\r\n"), server("250 ok\r\n"),
                     client("MAIL FROM:<a@b>\r\n"), client("RCPT TO:<c@d>\r\n"), client("DATA\r\n"),
                     server("354 End data with <CR><LF>.<CR><LF>\r\n"),
                     client("Subject: numbers\r\n\r\nlast quarter attached, and the\r\ncat results below\r\n"
                            "id est the totals\r\nls and ps are fine\r\n.\r\n"),
                     server("250 2.0.0 Ok: queued\r\n")})
                    .empty());
    EXPECT_TRUE(run({client("echo hello\n"), server("hello\n"), client("uname -a\n"), server("what?\n")}).empty());
    // Output of the right shape, but not of a command the client sent.
    EXPECT_TRUE(run({client("ls\n"), server("uid=0(root) gid=0(root) groups=0(root)\n")}).empty());
    // A prompt-like end of a line of chat is no prompt.
    EXPECT_TRUE(run({server("costs 5 $ "), client("ok\n")}).empty());
}

// bindshell_403.pcap: socat EXEC:/bin/sh; the client sends both lines at once.
TEST(Exposures, RecordedBindShell) {
    const auto found = run({client("id; uname -a\nexit\n"), server("uid=0(root) gid=0(root) groups=0(root)\n"),
                            server("Linux vm 6.18.44-fc-v769 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n")});
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_EQ(found[0].user, "root");
    EXPECT_EQ(found[1].detail, "id; uname -a");
    EXPECT_EQ(found[2].detail, "exit");
    const auto uname_only = run({client("uname -a\n"), server("Linux vm 6.18.44-fc-v769 #1 SMP x86_64 GNU/Linux\n")});
    ASSERT_EQ(uname_only.size(), 2u);
    EXPECT_EQ(uname_only[0].detail, "uname -a output");
}

// Issue 18, precision 5: "PASS" + 5000 octets gave password_length 508 (the
// line buffer's size).
TEST(Exposures, LongPasswordIsCountedWhole) {
    const std::string password(5000, 'x');
    expect_login(run({client("USER bob\r\n"), client("PASS " + password + "\r\n")}), ExposureProtocol::Ftp, "bob",
                 5000);
    // Across segments too.
    expect_login(
        run({client("USER bob\r\nPASS " + password.substr(0, 1000)), client(password.substr(1000)), client("\r\n")}),
        ExposureProtocol::Ftp, "bob", 5000);
    ExposureScanner prompted;
    EXPECT_TRUE(prompted.scan(text("Password: "), false).empty());
    expect_login(prompted.scan(text(std::string(3000, 'p') + "\r\n"), true), ExposureProtocol::Login, "", 3000);
}

// Issue 18, precision 5: PASS before USER was reported as an IRC login.
TEST(Exposures, PassBeforeUserHasAnUnknownUser) {
    const auto ftp = run({server("220 (vsFTPd 3.0.3)\r\n"), client("PASS hunter2\r\n"),
                          server("503 Login with USER first.\r\n"), client("USER bob\r\n")});
    expect_login(ftp, ExposureProtocol::Ftp, "", 7);
    EXPECT_EQ(ftp[0].detail, "user unknown: PASS before USER");
    const auto pop3 = run({server("+OK Dovecot ready.\r\n"), client("PASS s3cret\r\n"), client("USER carol\r\n")});
    expect_login(pop3, ExposureProtocol::Pop3, "", 6);
    // No greeting: FTP or POP3, the user still unknown; the later USER does not complete it.
    const auto bare = run({client("PASS s3cret\r\nUSER carol\r\n")});
    expect_login(bare, ExposureProtocol::FtpOrPop3, "", 6);
    EXPECT_EQ(bare[0].detail, "user unknown: PASS before USER");
    // A USER after a completed login starts the next one.
    const auto two = run({client("USER a\r\nPASS 1\r\nUSER b\r\nPASS 22\r\n")});
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[1].user, "b");
    EXPECT_EQ(two[1].secret_length, 2u);
    // IRC: PASS first is the rule (irc_403.pcap).
    expect_login(run({client("PASS Irc-s3cret\r\nNICK ghostnick\r\nUSER ghost 0 * :Ghost Test\r\n")}),
                 ExposureProtocol::Irc, "", 10);
}

// Octets recorded from the real clients against a listener on 127.0.0.1:
// upscmd (NUT 2.8), mpc 0.34, cvs 1.12 login, rsh-redone rsh, rlogin.
TEST(Exposures, NutMpdCvsRshRloginLogins) {
    expect_login(run({client("USERNAME monuser\nPASSWORD Nut-s3cret\n"), client("INSTCMD ghost beeper.toggle\n")}),
                 ExposureProtocol::Nut, "monuser", 10);
    // NUT takes USERNAME and PASSWORD in either order; a PASSWORD with no USERNAME: user unknown.
    expect_login(run({client("PASSWORD Nut-s3cret\nUSERNAME monuser\n")}), ExposureProtocol::Nut, "monuser", 10);
    const auto nut_alone = run({client("PASSWORD Nut-s3cret\nLOGIN ghost\n")});
    expect_login(nut_alone, ExposureProtocol::Nut, "", 10);
    EXPECT_EQ(nut_alone[0].detail, "user unknown: PASSWORD without USERNAME");
    expect_login(run({server("OK MPD 0.23.5\n"), client("password \"Mpd-s3cret\"\n")}), ExposureProtocol::Mpd, "", 10);
    EXPECT_TRUE(run({client("password \"Mpd-s3cret\"\n")}).empty()) << "no MPD greeting: a word in a chat";
    expect_login(
        run({client("BEGIN VERIFICATION REQUEST\n/srv/cvsroot\ncvsuser\nA+<ZJZwh d,\nEND VERIFICATION REQUEST\n")}),
        ExposureProtocol::Cvs, "cvsuser", 10);
    expect_login(run({client("BEGIN AUTH REQUEST\n/srv/cvsroot\n"), client("cvsuser\nA+<ZJZwh d,\n"),
                      client("END AUTH REQUEST\n")}),
                 ExposureProtocol::Cvs, "cvsuser", 10);
    EXPECT_TRUE(run({client("BEGIN AUTH REQUEST\n/srv/cvsroot\ncvsuser\nA+<ZJZwh d,\nQUIT\n")}).empty());

    const Bytes rsh = text(std::string_view("1022\0root\0remoteuser\0uname -a\0", 30));
    const auto found = run({{true, rsh}});
    expect_login(found, ExposureProtocol::Rsh, "remoteuser", 0);
    EXPECT_EQ(found[0].detail, "no password: host trust (.rhosts), command uname -a");
    // rcmd(3) writes the port and each string apart.
    expect_login(run({{true, text(std::string_view("1022\0", 5))},
                      {true, text(std::string_view("root\0", 5))},
                      {true, text(std::string_view("remoteuser\0", 11))},
                      {true, text(std::string_view("uname -a\0", 9))}}),
                 ExposureProtocol::Rsh, "remoteuser", 0);
    expect_login(run({{true, text(std::string_view("\0root\0remoteuser\0xterm/38400\0", 29))}}),
                 ExposureProtocol::Rlogin, "remoteuser", 0);
    EXPECT_TRUE(run({{true, text(std::string_view("\0a b\0c\0d\0", 9))}}).empty()) << "a user name with a space";
}

// NATS client protocol: CONNECT's JSON options carry user / pass (nats-py, as recorded in fresh_nats_403).
TEST(Exposures, NatsConnectUserAndPass) {
    expect_login(
        run({server("INFO {\"server_id\":\"N1\",\"version\":\"2.9.10\"} \r\n"),
             client("CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"evaluser\",\"pass\":\"Nats-s3cret\","
                    "\"lang\":\"python\"}\r\n")}),
        ExposureProtocol::Nats, "evaluser", 11);
    expect_login(run({client("CONNECT {\"verbose\":false,\"auth_token\":\"t0ken\"}\r\n")}), ExposureProtocol::Nats, "",
                 5);
    EXPECT_TRUE(run({client("CONNECT {\"verbose\":false,\"pedantic\":false}\r\n")}).empty());
    EXPECT_TRUE(run({client("CONNECT {\"pass\":\"x\"\r\n")}).empty());  // not JSON
}

// ManageSieve (RFC 5804 2.1): the mechanism quoted, the response a literal on the next line or a quoted string.
TEST(Exposures, ManageSieveAuthenticatePlain) {
    // "\0evaluser\0Si3ve-s3cret", as Dovecot's sieve-connect session sent it (managesieve_403)
    expect_login(run({client("AUTHENTICATE \"PLAIN\" {32+}\r\n"), client("AGV2YWx1c2VyAFNpM3ZlLXMzY3JldA==\r\n")}),
                 ExposureProtocol::ManageSieve, "evaluser", 12);
    expect_login(run({client("AUTHENTICATE \"PLAIN\" \"AGV2YWx1c2VyAFNpM3ZlLXMzY3JldA==\"\r\n")}),
                 ExposureProtocol::ManageSieve, "evaluser", 12);
    EXPECT_TRUE(run({client("AUTHENTICATE \"GSSAPI\"\r\n"), client("\"YIIB\"\r\n")}).empty());
}

// AMQP 0-9-1 Connection.Start-Ok with mechanism PLAIN (rabbitmq-c's, rabbitmq_amqp_283).
TEST(Exposures, AmqpStartOkPlain) {
    const Bytes properties = Bytes{0, 0, 0, 0};
    const Bytes method = Bytes{0x00, 0x0a, 0x00, 0x0b} + properties + Bytes{5} + text("PLAIN") + Bytes{0, 0, 0, 12} +
                         Bytes{0} + text("guest") + Bytes{0} + text("guest") + Bytes{5} + text("en_US");
    const Bytes frame = Bytes{1, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(method.size())} + method + Bytes{0xce};
    expect_login(run({{true, frame}}), ExposureProtocol::Amqp, "guest", 5);
    Bytes amqplain = frame;
    amqplain[16] = 'X';  // mechanism XLAIN: not PLAIN's layout
    EXPECT_TRUE(run({{true, amqplain}}).empty());
    Bytes wrong_method = frame;
    wrong_method[10] = 0x0a;  // Connection.Start (the server's)
    EXPECT_TRUE(run({{true, wrong_method}}).empty());
}

// IPMI 1.5 (v1.5 6.12.4): Get Session Challenge names the user, then authentication type 4 carries the password.
TEST(Exposures, Ipmi15StraightPassword) {
    const Bytes rmcp = Bytes{0x06, 0x00, 0xff, 0x07};
    Bytes user(16, 0);
    std::copy_n("evaluser", 8, user.begin());
    const Bytes challenge = rmcp + Bytes{0x00, 0, 0, 0, 0, 0, 0, 0, 0, 24} + Bytes{0x20, 0x18, 0xc8, 0x81, 0x04, 0x39} +
                            Bytes{0x04} + user + Bytes{0x00};
    Bytes code(16, 0);
    std::copy_n("Ipmi-s3cret", 11, code.begin());
    const Bytes activate = rmcp + Bytes{0x04, 0, 0, 0, 0, 0x05, 0, 0, 0} + code + Bytes{8} +
                           Bytes{0x20, 0x18, 0xc8, 0x81, 0x08, 0x3a, 0x04, 0x00};
    expect_login(run({{true, challenge}, {true, activate}}), ExposureProtocol::Ipmi, "evaluser", 11);
    Bytes md5 = activate;
    md5[4] = 0x02;  // authentication type MD5: the code is a digest
    EXPECT_TRUE(run({{true, challenge}, {true, md5}}).empty());
    EXPECT_TRUE(run({{true, Bytes(activate.begin(), activate.end() - 1)}}).empty());  // message length disagrees
}

// Asterisk AMI: the Login action's Username and Secret (the block as the AMI documentation shows it).
TEST(Exposures, AsteriskAmiLogin) {
    expect_login(run({server("Asterisk Call Manager/5.0.2\r\n"),
                      client("Action: Login\r\nUsername: admin\r\nSecret: Ami-s3cret\r\n\r\n")}),
                 ExposureProtocol::Ami, "admin", 10);
    EXPECT_TRUE(run({client("Action: Ping\r\nSecret: not-a-login\r\n\r\n")}).empty());
    EXPECT_TRUE(run({client("Action: LoginX\r\nUsername: admin\r\nSecret: x\r\n\r\n")}).empty());
}

// DRDA's SECCHK with security mechanism 3 (user id and password), as Derby's ij sent it (fresh5_derby_403).
TEST(Exposures, DrdaSecchkPassword) {
    const Bytes secchk = rescap::test::hex("0042d041000100") + rescap::test::hex("3c106e000611a20003001621") +
                         text(
                             "\x10"
                             "evaldb;create=true") +
                         rescap::test::hex("000c11a0") + text("evaluser") + rescap::test::hex("001011a1") +
                         text("Derby-s3cret");
    expect_login(run({{true, secchk}}), ExposureProtocol::Drda, "evaluser", 12);
    Bytes no_password = secchk;
    no_password[53] = 0xa2;  // 0x11A2: a second SECMEC, not PASSWORD
    EXPECT_TRUE(run({{true, no_password}}).empty());
}

// A password in an HTTP request's query string (Kannel's admin interface, fresh5_kannel_bearerbox_403).
TEST(Exposures, PasswordInTheUrl) {
    expect_login(run({client("GET /status.txt?password=Kannel-s3cret HTTP/1.1\r\nHost: h\r\n\r\n")}),
                 ExposureProtocol::Http, "", 13);
    expect_login(run({client("GET /login?user=ann&pwd=s3 HTTP/1.0\r\n\r\n")}), ExposureProtocol::Http, "ann", 2);
    EXPECT_TRUE(run({client("GET /search?q=password HTTP/1.1\r\n\r\n")}).empty());
    EXPECT_TRUE(run({client("GET /x?password= HTTP/1.1\r\n\r\n")}).empty());
}

// Guile's REPL server: its banner is a shell behind the port (fresh5_guile_repl_283).
TEST(Exposures, GuileReplBannerIsAShell) {
    const auto found = run({server("GNU Guile 3.0.8\nCopyright (C) 1995-2021 Free Software Foundation, Inc.\n\n")});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_TRUE(run({server("GNU Guile 3.0.8 is a language\n")}).empty());
}

// QEMU's human monitor on a socket: whoever connects commands the virtual machine (and, through migrate
// "exec:...", the host): a shell behind the port.
TEST(Exposures, QemuMonitorBannerIsAShell) {
    const auto found = run({server("QEMU 7.2.19 monitor - type 'help' for more information\r\n(qemu) ")});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_EQ(found[0].detail, "QEMU monitor banner");
    EXPECT_TRUE(run({server("QEMU 7.2.19 emulator - see the manual\r\n")}).empty());
}

// Tor's control port (control-spec.txt 3.5): AUTHENTICATE "<password>" after PROTOCOLINFO sends the
// HashedControlPassword's password in the clear; a hex cookie or ManageSieve's AUTHENTICATE "PLAIN" is not one.
TEST(Exposures, TorControlPassword) {
    expect_login(run({client("PROTOCOLINFO 1\r\n"),
                      server("250-PROTOCOLINFO 1\r\n250-AUTH METHODS=HASHEDPASSWORD\r\n250 OK\r\n"),
                      client("AUTHENTICATE \"Tor-s3cret\"\r\n")}),
                 ExposureProtocol::TorControl, "", 10);
    EXPECT_TRUE(run({client("PROTOCOLINFO 1\r\n"), client("AUTHENTICATE 0123abcd\r\n")}).empty());
    EXPECT_TRUE(run({client("AUTHENTICATE \"PLAIN\"\r\n")}).empty());
}

// Dovecot's authentication protocol (Postfix's SASL over TCP): AUTH with a PLAIN initial response.
TEST(Exposures, DovecotAuthPlainResponse) {
    // "\0ann\0Dovecot-s3cret" in base64
    expect_login(
        run({client("VERSION\t1\t2\nCPID\t42\nAUTH\t1\tPLAIN\tservice=smtp\tresp=AGFubgBEb3ZlY290LXMzY3JldA==\n")}),
        ExposureProtocol::DovecotAuth, "ann", 14);
    EXPECT_TRUE(run({client("AUTH\t1\tPLAIN\tservice=smtp\n")}).empty());
}

// Consoles that run no code are named, not flagged as shells: OpenVPN's management interface, PowerMan.
TEST(Exposures, ConsolesWithoutCodeAreNotShells) {
    EXPECT_TRUE(run({server(">INFO:OpenVPN Management Interface Version 3 -- type 'help' for more info\r\n")}).empty());
    EXPECT_TRUE(run({server("001 2.3.27\r\npowerman> ")}).empty());
}

// IceGrid's registry: createAdminSession(user, password), the password in the clear (fresh6_icegridregistry_283).
TEST(Exposures, IceCreateAdminSessionPassword) {
    const Bytes request = text("IceP") + rescap::test::hex("01000100 00 00 54000000 03000000") +
                          text(
                              "\x08"
                              "Registry"
                              "\x08"
                              "EvalGrid") +
                          rescap::test::hex("00") +
                          text(
                              "\x12"
                              "createAdminSession") +
                          rescap::test::hex("00 00 1a000000 0101") +
                          text(
                              "\x08"
                              "evaluser"
                              "\x0a"
                              "Ice-s3cret");
    expect_login(run({{true, request}}), ExposureProtocol::Ice, "evaluser", 10);
    Bytes other = request;
    other[55] = 'X';  // "createAdminSessioX": another operation
    EXPECT_TRUE(run({{true, other}}).empty());
}

// poppassd (poppassd-ceti): USER, PASS (the old password), NEWPASS (the new one), after its greeting.
TEST(Exposures, PoppassdOldAndNewPasswords) {
    const auto found = run({server("200 poppassd v1.8.5 hello, who are you?\r\n"), client("USER ann\r\n"),
                            server("200 Your password please.\r\n"), client("PASS Old-s3cret\r\n"),
                            server("200 Your new password please.\r\n"), client("NEWPASS New-s3cret!\r\n")});
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].protocol, ExposureProtocol::Poppassd);
    EXPECT_EQ(found[0].user, "ann");
    EXPECT_EQ(found[0].secret_length, 10u);
    EXPECT_EQ(found[1].protocol, ExposureProtocol::Poppassd);
    EXPECT_EQ(found[1].secret_length, 11u);
    EXPECT_EQ(found[1].detail, "new password");
    EXPECT_TRUE(run({client("NEWPASS New-s3cret!\r\n")}).empty()) << "no poppassd greeting";
}

// sysrqd's prompt asks for its password; the line that answers it is that password.
TEST(Exposures, SysrqdPassword) {
    expect_login(run({server("sysrqd password: "), client("Sysrq-s3cret\n")}), ExposureProtocol::Login, "", 12);
}

// A Swank server (SLIME) evaluates whatever Lisp it is sent: its answer is a shell behind the port.
TEST(Exposures, SwankAnswerIsAShell) {
    const std::string form = "(:return (:ok (:pid 4242 :style :spawn)) 1)";
    char length[24];  // room for any size_t, as GCC 14 checks
    std::snprintf(length, sizeof length, "%06zx", form.size());
    const auto found = run({server(std::string(length) + form)});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].kind, ExposureKind::ShellSession);
    EXPECT_EQ(found[0].detail, "Swank (SLIME) answer");
    EXPECT_TRUE(run({server("00002b(:return (:ok (:pid 4242 :style :spawn) 1)")}).empty()) << "unbalanced";
}

// Z39.50's InitializeRequest carries idAuthentication in the clear: an idPass (fresh7_yaz_ztest_283) or "open".
TEST(Exposures, Z3950IdPassAndOpen) {
    const auto &cases = rescap::test::signature_cases();
    const auto request = std::find_if(cases.begin(), cases.end(),
                                      [](const auto &c) { return std::string_view(c.what) == "z3950 init request"; });
    ASSERT_NE(request, cases.end());
    expect_login(run({{true, request->payload}}), ExposureProtocol::Z3950, "zreader", 12);
    // idAuthentication "open": "user/password" as one VisibleString
    const Bytes open = rescap::test::hex("b4 30 8302 00e0 8403 00e9a2 8504 04000000 8604 04000000 a70b 1a09") +
                       text("ann/s3cr3") + rescap::test::hex("9f6e 0138 9f6f 0359415a 9f70 0135");
    expect_login(run({{true, open}}), ExposureProtocol::Z3950, "ann", 5);
}
