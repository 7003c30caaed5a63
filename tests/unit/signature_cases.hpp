// SPDX-License-Identifier: GPL-2.0-or-later
// Real first payloads of each protocol the signature table names: octets
// from the recorded captures in captures/ghost (named per case) or from the
// protocol's specification, shared by signatures_test.cpp and
// false_positive_test.cpp (which mutates them).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "builder.hpp"
#include "core/ghostports/signatures.hpp"

namespace rescap::test {

// "16 03 01" -> octets (spaces ignored).
inline Bytes hex(std::string_view digits) {
    Bytes out;
    int high = -1;
    for (char c : digits) {
        const int v = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (v < 0) continue;
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    return out;
}
inline Bytes raw(std::string_view s) {
    return Bytes(s.begin(), s.end());
}

struct SignatureCase {
    const char *what;
    Bytes payload;
    ghostports::Transport transport;
    ghostports::Sender sender;
    const char *protocol;
};

// https_nginx_403.pcap: curl's ClientHello (517 octets, one segment) and the
// first 200 octets of nginx's answer (ServerHello, ChangeCipherSpec, the
// start of the encrypted records).
inline const Bytes &tls_client_hello() {
    static const Bytes octets =
        hex("1603010200010001fc0303517f5508fca66b6a432e3ff8e04b3457532c687ec2dead83b9f58debcf5c3194203c5b75785dca"
            "7fac9038efe90794a96afcfd010cc9248452a04d958331a1c2cc003e130213031301c02cc030009fcca9cca8ccaac02bc02f"
            "009ec024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff01000175000b00040300"
            "0102000a00160014001d0017001e00190018010001010102010301040010000e000c02683208687474702f312e3100160000"
            "0017000000310000000d002a0028040305030603080708080809080a080b0804080508060401050106010303030103020402"
            "05020602002b0009080304030303020301002d00020101003300260024001d0020d967c8646a66d15fba7ff02274bfdc5e9d"
            "ec0e0635c785cb099bd079fed07b2d001500c600000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000");
    return octets;
}
inline const Bytes &tls_server_hello_cut() {
    static const Bytes octets =
        hex("160303007a0200007603032c97960a99bc9412fd9caf880743087fd9d5f58d5e3dc444c65a99135fbdbccd203c5b75785dca"
            "7fac9038efe90794a96afcfd010cc9248452a04d958331a1c2cc130200002e002b0002030400330024001d00205a7845bfb1"
            "6a2a8934bca4f95f1f21d23444453fb2edeb7ede0db18c5017a34b14030300010117030300261f1cdc83a78c13781f853931"
            "8a5c193af2eae20b7d64d5ef6d8a3e21ad5cde85aea1b27ef2ae17030301a17b3fb4c8a34a4f2c6ae4f773298eaf552b4f6d");
    return octets;
}

inline const std::vector<SignatureCase> &signature_cases() {
    using ghostports::Sender;
    using ghostports::Transport;
    static const std::vector<SignatureCase> all = {
        // ssh_password_403.pcap
        {"ssh", text("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"), Transport::Tcp, Sender::Server, "SSH"},
        {"tls client hello", tls_client_hello(), Transport::Tcp, Sender::Client, "TLS"},
        {"tls server hello", tls_server_hello_cut(), Transport::Tcp, Sender::Server, "TLS"},
        // http_283.pcap
        {"http request",
         text("GET / HTTP/1.1\r\nHost: 127.0.0.1:283\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"),
         Transport::Tcp, Sender::Client, "HTTP"},
        {"http response",
         text("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sun, 22 Nov 2026 14:32:08 GMT\r\n"
              "Content-Type: text/html\r\nContent-Length: 47\r\n\r\n<html>"),
         Transport::Tcp, Sender::Server, "HTTP"},
        // RFC 2326 10.1
        {"rtsp before http", text("OPTIONS rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"), Transport::Tcp, Sender::Client,
         "RTSP"},
        // sip_invite_403.pcap (head)
        {"sip",
         text(
             "INVITE sip:service@127.0.0.1:403 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:40400;branch=z9hG4bK-19161-1-0\r\n"
             "From: sipp <sip:sipp@127.0.0.1:40400>;tag=19161SIPpTag001\r\nCSeq: 1 INVITE\r\nContent-Length: "
             "0\r\n\r\n"),
         Transport::Udp, Sender::Client, "SIP"},
        // ftp_283.pcap, smtp_auth_403.pcap, pop3_auth_login_403.pcap, imap_login_283.pcap
        {"ftp", text("220 (vsFTPd 3.0.3)\r\n"), Transport::Tcp, Sender::Server, "FTP"},
        {"ftp multi-line",
         text("220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n"
              "220-You are user number 1 of 50 allowed.\r\n220 This is a private system.\r\n"),
         Transport::Tcp, Sender::Server, "FTP"},
        {"smtp", text("220 ghost.test ESMTP Exim 4.96 Sun, 22 Nov 2026 14:33:58 +0000\r\n"), Transport::Tcp,
         Sender::Server, "SMTP"},
        {"smtp client", text("EHLO client.ghost.test\r\n"), Transport::Tcp, Sender::Client, "SMTP"},
        {"pop3", text("+OK Dovecot ready.\r\n"), Transport::Tcp, Sender::Server, "POP3"},
        {"pop3 client", text("CAPA\r\n"), Transport::Tcp, Sender::Client, "POP3"},
        {"imap",
         text("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN] "
              "Dovecot ready.\r\n"),
         Transport::Tcp, Sender::Server, "IMAP"},
        {"imap client", text("A001 CAPABILITY\r\n"), Transport::Tcp, Sender::Client, "IMAP"},
        // telnet_403.pcap: inetutils telnetd, then the client's answer
        {"telnet", hex("fffb25fffb26fffd18fffd20fffd23fffd27fffd24"), Transport::Tcp, Sender::Server, "Telnet"},
        {"telnet client", hex("fffd25fffd26fffa2601fff0fffb18fffb20fffc23fffb27fffc24"), Transport::Tcp, Sender::Client,
         "Telnet"},
        // ldap_simple_bind_403.pcap
        {"ldap bind",
         hex("3030020101602b0201030419636e3d61646d696e2c64633d67686f73742c64633d74657374800b4c6434702d733363726574"),
         Transport::Tcp, Sender::Client, "LDAP"},
        // redis_auth_283.pcap
        {"redis", text("*2\r\n$4\r\nAUTH\r\n$12\r\nR3dis-s3cret\r\n"), Transport::Tcp, Sender::Client, "Redis"},
        {"redis reply", text("-NOAUTH Authentication required.\r\n"), Transport::Tcp, Sender::Server, "Redis"},
        // memcached_tcp_403.pcap, memcached_udp_283.pcap
        {"memcached tcp", text("set ghost.txt 0 0 22\r\nghost memcached value\n\r\n"), Transport::Tcp, Sender::Client,
         "memcached"},
        {"memcached udp", hex("00010000000100007365742067686f73742030203020350d0a68656c6c6f0d0a"), Transport::Udp,
         Sender::Client, "memcached"},
        {"memcached udp stored", hex("000100000001000053544f5245440d0a"), Transport::Udp, Sender::Server, "memcached"},
        {"memcached udp value", hex("000200000001000056414c55452067686f7374203020350d0a68656c6c6f0d0a454e440d0a"),
         Transport::Udp, Sender::Server, "memcached"},
        {"memcached version", text("VERSION 1.6.18\r\n"), Transport::Tcp, Sender::Server, "memcached"},
        // RFC 1350 / 2349 (tftp-hpa's client asks the same)
        {"tftp rrq", Bytes{0x00, 0x01} + raw("file.txt") + Bytes{0} + raw("octet") + Bytes{0}, Transport::Udp,
         Sender::Client, "TFTP"},
        {"tftp rrq options",
         Bytes{0x00, 0x01} + raw("f") + Bytes{0} + raw("netascii") + Bytes{0} + raw("tsize") + Bytes{0} + raw("0") +
             Bytes{0},
         Transport::Udp, Sender::Client, "TFTP"},
        // stun_binding_283.pcap
        {"stun", hex("000100002112a44224a529b9cb9c28246f364108"), Transport::Udp, Sender::Client, "STUN"},
        {"stun answer",
         hex("0101003c2112a44224a529b9cb9c28246f36410800200008000185655e12a443000100080001a4777f000001802b00080001011b"
             "7f00000180220014436f7475726e2d342e362e312027476f72737427"),
         Transport::Udp, Sender::Server, "STUN"},
        // WireGuard: type, reserved zeros, each message's fixed length (whitepaper 5.4)
        {"wireguard initiation", Bytes{1, 0, 0, 0} + Bytes(144, 0x5a), Transport::Udp, Sender::Client, "WireGuard"},
        {"wireguard response", Bytes{2, 0, 0, 0} + Bytes(88, 0x5a), Transport::Udp, Sender::Server, "WireGuard"},
        {"wireguard data", Bytes{4, 0, 0, 0} + Bytes(92, 0x5a), Transport::Udp, Sender::Client, "WireGuard"},
        // openvpn_udp_403.pcap
        {"openvpn", hex("383d2d045768d28ae60000000000"), Transport::Udp, Sender::Client, "OpenVPN"},
        {"openvpn server", hex("4091f05002638cb97401000000003d2d045768d28ae600000000"), Transport::Udp, Sender::Server,
         "OpenVPN"},
        // RFC 1928 / SOCKS4 protocol document; socks5_auth_403.pcap
        {"socks4", Bytes{0x04, 0x01, 0x00, 0x50, 10, 0, 0, 1} + raw("bob") + Bytes{0}, Transport::Tcp, Sender::Client,
         "SOCKS4"},
        {"socks5", hex("0503000102"), Transport::Tcp, Sender::Client, "SOCKS5"},
        // mariadb_403.pcap
        {"mysql",
         hex("640000000a352e352e352d31302e31312e31392d4d6172696144422d302b6465623132753100040000003267315b56213d5000"
             "fef7080200ff81150000000000001d0000005a557821362c793f6b7e5778006d7973716c5f6e61746976655f70617373776f7264"
             "00"),
         Transport::Tcp, Sender::Server, "MySQL"},
        // postgres_password_283.pcap; psql's SSLRequest
        {"pgsql startup",
         hex("0000003f000300007573657200706f73746772657300646174616261736500706f737467726573006170706c69636174696f"
             "6e5f6e616d65007073716c0000"),
         Transport::Tcp, Sender::Client, "PostgreSQL"},
        {"pgsql ssl", Bytes{0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f}, Transport::Tcp, Sender::Client, "PostgreSQL"},
        // mqtt_auth_283.pcap
        {"mqtt", hex("102d00044d51545404c2003c000c67686f73742d636c69656e7400086d7174747573657200094d712d733363726574"),
         Transport::Tcp, Sender::Client, "MQTT"},
        // snmp_get_403.pcap
        {"snmp",
         hex("3040020101040f536e336d702d63306d6d756e697479a02a02042944dba9020100020100301c300c06082b060102010101000500"
             "300c06082b060102010105000500"),
         Transport::Udp, Sender::Client, "SNMP"},
        // ntp_283.pcap: chrony's client request and the server's answer
        {"ntp client",
         hex("23000020000000000000000000000000000000000000000000000000000000000000000000000000808f418ab2dae369"),
         Transport::Udp, Sender::Client, "NTP"},
        {"ntp server",
         hex("240800e600000000000000007f7f0101eead7c2a53c16f90808f418ab2dae369eead7c2b8863155feead7c2b887fac20"),
         Transport::Udp, Sender::Server, "NTP"},
        // syslog_udp_403.pcap (logger --rfc3164 / --rfc5424)
        {"syslog", text("<13>Nov 22 14:35:31 vm ghosttest: ghost port syslog test"), Transport::Udp, Sender::Client,
         "Syslog"},
        {"syslog 5424",
         text("<13>1 2026-11-22T14:35:31.647802+00:00 vm ghosttest - - [timeQuality tzKnown=\"1\" isSynced=\"0\"] "
              "ghost port syslog 5424"),
         Transport::Udp, Sender::Client, "Syslog"},
        // dns_udp_283.pcap, dns_tcp_403.pcap
        {"dns udp",
         hex("882d01200001000000000001037777770567686f73740474657374000001000100002904d000000000000c000a0008a4f8e20116"
             "3bb39b"),
         Transport::Udp, Sender::Client, "DNS"},
        {"dns udp answer",
         hex("882d85800001000100000001037777770567686f737404746573740000010001c00c00010001000000000004c000020a000029"
             "04d0000000000000"),
         Transport::Udp, Sender::Server, "DNS"},
        {"dns tcp",
         hex("0038dcf50120000100000000000104696e666f0567686f73740474657374000010000100002904d000000000000c000a0008c6"
             "3ea6c69256775e"),
         Transport::Tcp, Sender::Client, "DNS"},
        // onc_rpc_udp_403.pcap, onc_rpc_tcp_403.pcap
        {"rpc udp", hex("6b07118b0000000000000002000186b8000000010000000000000000000000000000000000000000"),
         Transport::Udp, Sender::Client, "ONC-RPC"},
        {"rpc tcp", hex("8000002818f3cf380000000000000002000186b8000000010000000000000000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "ONC-RPC"},
        // rsync_daemon_283.pcap
        {"rsync", text("@RSYNCD: 32.0 sha512 sha256 sha1 md5 md4\n"), Transport::Tcp, Sender::Server, "rsync"},
        // git pack-protocol.txt's example; git_daemon_403.pcap (length sent apart)
        {"git", raw(std::string_view("0033git-upload-pack /project.git\0host=myserver.com\0", 51)), Transport::Tcp,
         Sender::Client, "Git"},
        {"git body", raw(std::string_view("git-upload-pack /ghost.git\0host=127.0.0.1:403\0\0version=2\0", 57)),
         Transport::Tcp, Sender::Client, "Git"},
        // irc_403.pcap
        {"irc with PASS", text("PASS Irc-s3cret\r\nNICK ghostnick\r\nUSER ghost 0 * :Ghost Test\r\n"), Transport::Tcp,
         Sender::Client, "IRC"},
        {"irc", text("NICK alice\r\nUSER alice 0 * :Alice\r\n"), Transport::Tcp, Sender::Client, "IRC"},
        {"irc server",
         text(":irc.ghost.test 001 ghostnick :Welcome to the Internet Relay Network ghostnick!~ghost@127.0.0.1\r\n"
              ":irc.ghost.test 002 ghostnick :Your host is irc.ghost.test, running version ngircd-26.1\r\n"),
         Transport::Tcp, Sender::Server, "IRC"},
        // bindshell_403.pcap: the server's answers to "id; uname -a"
        {"id output", text("uid=0(root) gid=0(root) groups=0(root)\n"), Transport::Tcp, Sender::Server,
         "Shell session (bind shell)"},
        {"uname output", text("Linux vm 6.18.44-fc-v769 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n"), Transport::Tcp,
         Sender::Server, "Shell session (bind shell)"},
        {"passwd output", text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"),
         Transport::Tcp, Sender::Server, "Shell session (bind shell)"},
        {"shell prompt", text("bash: no job control in this shell\nroot@ghost:~# "), Transport::Tcp, Sender::Server,
         "Shell session (bind shell)"},
        // xmpp_c2s_283.pcap
        {"xmpp",
         text("<?xml version='1.0'?><stream:stream to='ghost.test' xmlns='jabber:client' "
              "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"),
         Transport::Tcp, Sender::Client, "XMPP"},
        // --- text grammars (text_signatures.cpp) ---
        // captures/eval/rsh_403.pcap frame 4, rlogin_283.pcap frame 4 (tune)
        {"rsh", raw(std::string_view("1022\0root\0evaluser\0id; uname -a\0", 32)), Transport::Tcp, Sender::Client,
         "rsh"},
        {"rlogin", raw(std::string_view("\0root\0evaluser\0dumb/38400\0", 26)), Transport::Tcp, Sender::Client,
         "rlogin"},
        // captures/eval/gophernicus_403.pcap frame 8 (tune); its selector "/hello.txt" (frames 16+18, joined)
        {"gopher menu",
         text("iWelcome to the eval gopher hole\t\t\t0\r\n0hello\t/hello.txt\t127.0.0.1\t403\r\n"
              "i___________________________________________________________________\t\tnull.host\t1\r\n"
              "i                 Gophered by Gophernicus/3.1.1 on Debian/12 x86_64\t\tnull.host\t1\r\n.\r\n"),
         Transport::Tcp, Sender::Server, "Gopher"},
        {"gopher selector", text("/hello.txt\r\n"), Transport::Tcp, Sender::Client, "Gopher"},
        // RFC 6587 3.4.1 framing around RFC 5424 6.5 example 1; RFC 6587 3.4.2 around RFC 3164 5.4's example
        {"syslog tcp octet counting",
         text("107 <34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on "
              "/dev/pts/8"),
         Transport::Tcp, Sender::Client, "Syslog"},
        {"syslog tcp lines",
         text("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8\n"
              "<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!\n"),
         Transport::Tcp, Sender::Client, "Syslog"},
        // captures/eval/nut_upsd_403.pcap frames 8, 26 (client), 6, 9, 11 (server; tune)
        {"nut list", text("LIST VAR dummy\n"), Transport::Tcp, Sender::Client, "NUT"},
        {"nut set", text("SET VAR dummy ups.delay.shutdown \"30\"\n"), Transport::Tcp, Sender::Client, "NUT"},
        {"nut err", text("ERR FEATURE-NOT-CONFIGURED\n"), Transport::Tcp, Sender::Server, "NUT"},
        {"nut begin", text("BEGIN LIST VAR dummy\n"), Transport::Tcp, Sender::Server, "NUT"},
        {"nut vars",
         text("VAR dummy battery.charge \"100\"\nVAR dummy device.mfr \"Eval\"\nVAR dummy device.model \"GhostUPS "
              "1000\"\nVAR dummy ups.status \"OL\"\nEND LIST VAR dummy\n"),
         Transport::Tcp, Sender::Server, "NUT"},
        // RFC 1413 6's examples
        {"ident request", text("6191, 23\r\n"), Transport::Tcp, Sender::Client, "ident"},
        {"ident reply", text("6193, 23 : USERID : UNIX : stjohns\r\n"), Transport::Tcp, Sender::Server, "ident"},
        {"ident error", text("6195, 23 : ERROR : NO-USER\r\n"), Transport::Tcp, Sender::Server, "ident"},
        // captures/eval/fingerd_403.pcap frame 8 (tune)
        {"finger reply",
         text("Login: evaluser       \t\t\tName: rescap eval test account\r\nDirectory: /home/evaluser           "
              "\tShell: /bin/bash\r\nLast login Sun Dec  6 14:19 (UTC) on pts/1 from localhost\r\nNo mail.\r\nNo "
              "Plan.\r\n"),
         Transport::Tcp, Sender::Server, "Finger"},
        // RFC 1179 7.2 "Receive control file" with 7's file name (cfA + job number + host)
        {"lpd control file",
         raw("\x02"
             "284 cfA020client.example\n"),
         Transport::Tcp, Sender::Client, "LPD"},
        // RFC 3977 5.1.3's example greeting
        {"nntp", text("200 NNTP Service Ready, posting permitted\r\n"), Transport::Tcp, Sender::Server, "NNTP"},
        // captures/eval/tigervnc_283.pcap frames 4 (Xvnc) and 6 (vncsnapshot; tune)
        {"vnc server", text("RFB 003.008\n"), Transport::Tcp, Sender::Server, "VNC"},
        {"vnc client", text("RFB 003.003\n"), Transport::Tcp, Sender::Client, "VNC"},
        // RFC 864's example (its first three lines)
        {"chargen",
         text("!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefgh\r\n"
              "\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghi\r\n"
              "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghij\r\n"),
         Transport::Tcp, Sender::Server, "Chargen"},
        // RFC 2229 3.1's banner grammar as dictd writes it (dictd.c: "220 host text <capabilities> <msg-id>")
        {"dict",
         text("220 dict.example.org dictd 1.12.1/rf on Linux 6.1.0 <auth.mime> "
              "<4242.1234.1700000000@dict.example.org>\r\n"),
         Transport::Tcp, Sender::Server, "DICT"},
    };
    return all;
}

}  // namespace rescap::test
