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

// samba_smb1_283.pcap frame 6: Samba's SMB1 NEGOTIATE response in its NBSS message
inline const Bytes &smb1_negotiate_response() {
    static const Bytes octets =
        hex("0000009fff534d4272000000008843c80000000000000000000000000000feff000000001100000332000100044100000000"
            "0100662b0000fdf380807ac4c7948c85dd010000005a006576616c737276000000000000000000604806062b0601050502a0"
            "3e303ca00e300c060a2b06010401823702020aa32a3028a0261b246e6f745f646566696e65645f696e5f5246433431373840"
            "706c656173655f69676e6f7265");
    return octets;
}

// samba_smb2_403.pcap frame 4: smbclient's SMB2 NEGOTIATE request
inline const Bytes &smb2_negotiate_request() {
    static const Bytes octets =
        hex("000000e2fe534d42400000000000000000001f00000000000000000000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000000024000500010000007f0000009a09a008d6abb24fb5abde9382362fca70000000"
            "0400000002021002000302031103000001002600000000000100200001002fe57d602a6cbe73ed2ba1d22f5396503aa08b45"
            "5a0af6d375cc0791a53d4f17000002000a000000000004000200010004000300000000000000080008000000000003000200"
            "0100000005001200000000003100320037002e0030002e0030002e003100");
    return octets;
}

// samba_smb2_403.pcap frame 6: Samba's SMB2 NEGOTIATE response
inline const Bytes &smb2_negotiate_response() {
    static const Bytes octets =
        hex("0000011cfe534d42400000000000000000000100010000000000000000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000000041000100110303006576616c7372760000000000000000000f00000000008000"
            "0000800000008000ac2aec738c85dd01000000000000000080004a00d0000000604806062b0601050502a03e303ca00e300c"
            "060a2b06010401823702020aa32a3028a0261b246e6f745f646566696e65645f696e5f5246433431373840706c656173655f"
            "69676e6f7265000000000000010026000000000001002000010094353a9ea35d4791b5089d0b64a3219bac3cc47344b5ac3a"
            "17ff81628787bc0f000002000400000000000100020000000000080004000000000001000200");
    return octets;
}

// collectd_udp_283.pcap frame 2: one datagram of collectd's network plugin
inline const Bytes &collectd_datagram() {
    static const Bytes octets =
        hex("0000000d6576616c2d636c69000008000c1ac55c667d8c8cf10009000c00000000400000000002000e696e74657266616365"
            "00000300076c6f000004000e69665f6f637465747300000600180002020200000000000b8ae000000000000b8ae00008000c"
            "1ac55c667d8c94530004000e69665f6572726f7273000006001800020202000000000000000000000000000000000008000c"
            "1ac55c667d8c97ab0004000f69665f64726f7070656400000600180002020200000000000000000000000000000000000800"
            "0c1ac55c667d8ca5e70003000969666230000004000f69665f7061636b657473000006001800020202000000000000000000"
            "000000000000000008000c1ac55c667d8ca6cc0004000e69665f6f6374657473000006001800020202000000000000000000"
            "000000000000000008000c1ac55c667d8ca79a0004000e69665f6572726f7273000006001800020202000000000000000000"
            "000000000000000008000c1ac55c667d8ca8570004000f69665f64726f707065640000060018000202020000000000000000"
            "00000000000000000008000c1ac55c667d8caaa50003000969666231000004000f69665f7061636b65747300000600180002"
            "0202000000000000000000000000000000000008000c1ac55c667d8cb1520004000e69665f6f637465747300000600180002"
            "0202000000000000000000000000000000000008000c1ac55c667d8cb1f50004000e69665f6572726f727300000600180002"
            "0202000000000000000000000000000000000008000c1ac55c667d8cb29c0004000f69665f64726f70706564000006001800"
            "020202000000000000000000000000000000000008000c1ac55c667d8cb55b0003000965746830000004000f69665f706163"
            "6b657473000006001800020202000000000000496100000000000027990008000c1ac55c667d8cb6bd0004000e69665f6f63"
            "7465747300000600180002020200000000362a7e4700000000000e45830008000c1ac55c667d8cb75c0004000e69665f6572"
            "726f7273000006001800020202000000000000000000000000000000000008000c1ac55c667d8cbdad0004000f69665f6472"
            "6f70706564000006001800020202000000000000000000000000000000000008000c1ac55c667d9f05e30002000e70726f63"
            "65737365730000030005000004000d70735f7374617465000005000c72756e6e696e67000006000f00010100000000000028"
            "400008000c1ac55c667d9f39900005000d736c656570696e67000006000f00010100000000004059400008000c1ac55c667d"
            "9f86710005000c7a6f6d62696573000006000f000101000000000000f03f0008000c1ac55c667d9fba4f0005000c73746f70"
            "706564000006000f00010100000000000000000008000c1ac55c667d9fd2ae0005000b706167696e67000006000f00010100"
            "000000000000000008000c1ac55c667d9fed540005000c626c6f636b6564000006000f00010100000000000000000008000c"
            "1ac55c667da021a00004000e666f726b5f726174650000050005000006000f00010200000000000223580008000c1ac55c66"
            "bcc226a4000200086370750000030006300000040008637075000005000975736572000006000f000102000000000002e1d9"
            "0008000c1ac55c66bcc2a93b0003000631000006000f000102000000000002d83a0008000c1ac55c66bcc2d2590003000630"
            "000005000b73797374656d000006000f00010200000000000094a4");
    return octets;
}

// check_nrpe -2 (4.1), recorded on loopback: a v2 query for check_users,
// the buffer's rest filled with random octets as check_nrpe does
inline const Bytes &nrpe_v2_query() {
    static const Bytes octets =
        hex("00020001d5b6ad937345636865636b5f75736572730000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "000000000000000000000000000000000000000000000000000000000000000000003d4d");
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
        // wireguard_udp_403.pcap (wireguard-go): the handshake initiation and response (mac2 zero), a
        // keepalive (transport data, counter 0, an empty encrypted payload)
        {"wireguard initiation",
         hex("01000000b540fa81432955ce470f0f95db0f4e948306b6bd3843be9c10c8ba0fa05a2c91fe56841c3153104acdedcd1dc46e"
             "705a265ac0d26453ff78f0842f96dec524c6f3aa31ddfc0550e417a49178aee3a146bf36e0005acae620f61bb768f182c1ed"
             "45234af887569d20154c1d63bb955ebe33628f1b70533ae2e9f84eb6049db98000000000000000000000000000000000"),
         Transport::Udp, Sender::Client, "WireGuard"},
        {"wireguard response",
         hex("020000006fef086bb540fa81d0ef5ebfc47f84f514d75b8625bda7286dfff14d16fe81bea94d0c097f70ef54d02449300faa"
             "d49ecf68c20d86fd625222b071ccabb4df4c6b64e68d77af1ae100000000000000000000000000000000"),
         Transport::Udp, Sender::Server, "WireGuard"},
        {"wireguard data", hex("040000006fef086b000000000000000060b4e5ec82ace0a875c985ff1c59158c"), Transport::Udp,
         Sender::Client, "WireGuard"},
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
        {"snmp over tcp (RFC 3430)",
         hex("3040020101040f536e336d702d63306d6d756e697479a02a02042944dba9020100020100301c300c06082b060102010101000500"
             "300c06082b060102010105000500"),
         Transport::Tcp, Sender::Client, "SNMP"},
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
        // captures/eval/fresh4_cfingerd_403.pcap frame 8 (fresh4, after its one measurement): LF lines
        {"finger reply (cfingerd)",
         text("Username: evaluser                  In real life: rescap eval test account\nHome directory: "
              "/home/evaluser      Shell: /bin/bash                    \nRoom:                               Work "
              "phone:                         \nHome phone:                         Other:                       "
              "       \n"),
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
        // --- binary, length-framed protocols (framed_signatures.cpp) ---
        // samba_smb1_283.pcap frames 4 and 6
        {"smb1 negotiate",
         hex("0000003eff534d4272000000001843c80000000000000000000000000000feff00000000001b00024e54204c414e4d414e20"
             "312e3000024e54204c4d20302e313200"),
         Transport::Tcp, Sender::Client, "SMB"},
        {"smb1 negotiate response", smb1_negotiate_response(), Transport::Tcp, Sender::Server, "SMB"},
        // samba_smb2_403.pcap frames 4 and 6
        {"smb2 negotiate", smb2_negotiate_request(), Transport::Tcp, Sender::Client, "SMB2"},
        {"smb2 negotiate response", smb2_negotiate_response(), Transport::Tcp, Sender::Server, "SMB2"},
        // RFC 1002 4.3.2 (names SERVER<20>, CLIENT<00> encoded per RFC 1001 14.1)
        {"nbss session request",
         hex("8100004420464445464643464745464643434143414341434143414341434143414341434100204544454d454a4546454f46"
             "45434143414341434143414341434143414341414100"),
         Transport::Tcp, Sender::Client, "SMB"},
        // RFC 4120 5.4.1 / 5.9.1 ASN.1, DER-encoded (tshark: AS-REQ, KRB Error PREAUTH_REQUIRED); 7.2.2 framing
        {"kerberos as-req udp",
         hex("6a8184308181a103020105a20302010aa4753073a00703050050000010a1123010a003020101a10930071b05616c696365a2"
             "0d1b0b4558414d504c452e434f4da320301ea003020102a11730151b066b72627467741b0b4558414d504c452e434f4da511"
             "180f32303337303931333032343830355aa706020401234567a8083006020112020111"),
         Transport::Udp, Sender::Client, "Kerberos"},
        {"kerberos as-req tcp",
         hex("000000876a8184308181a103020105a20302010aa4753073a00703050050000010a1123010a003020101a10930071b05616c"
             "696365a20d1b0b4558414d504c452e434f4da320301ea003020102a11730151b066b72627467741b0b4558414d504c452e43"
             "4f4da511180f32303337303931333032343830355aa706020401234567a8083006020112020111"),
         Transport::Tcp, Sender::Client, "Kerberos"},
        {"kerberos error",
         hex("7e5b3059a003020105a10302011ea411180f32303236313230363137313530305aa50402023039a603020119a90d1b0b4558"
             "414d504c452e434f4daa20301ea003020102a11730151b066b72627467741b0b4558414d504c452e434f4d"),
         Transport::Udp, Sender::Server, "Kerberos"},
        // RFC 2865 7.1: the example Access-Request and Access-Accept
        {"radius access-request",
         hex("010000380f403f9473978057bd83d5cb98f4227a01066e656d6f02120dbe708d93d413ce3196e43f782a0aee0406c0a80110"
             "050600000003"),
         Transport::Udp, Sender::Client, "RADIUS"},
        {"radius access-accept", hex("0200002686fe220e7624ba2a1005f6bf9b55e0b20606000000010f06000000000e06c0a80103"),
         Transport::Udp, Sender::Server, "RADIUS"},
        // RFC 9113 3.4: preface + SETTINGS + WINDOW_UPDATE; the server's SETTINGS + SETTINGS ACK
        {"http2 preface",
         hex("505249202a20485454502f322e300d0a0d0a534d0d0a0d0a00001204000000000000030000006400040000ffff0002000000"
             "000000040800000000003fffffff"),
         Transport::Tcp, Sender::Client, "HTTP/2"},
        {"http2 server settings", hex("000006040000000000000300000064000000040100000000"), Transport::Tcp,
         Sender::Server, "HTTP/2"},
        // pymodbus_403.pcap frames 4 and 6: read holding registers 0-7 and the answer
        {"modbus read", hex("000100000006010300000008"), Transport::Tcp, Sender::Client, "Modbus/TCP"},
        {"modbus read response", hex("00010000001301031000650066006700680069006a006b006c"), Transport::Tcp,
         Sender::Server, "Modbus/TCP"},
        // RFC 4271 4.2 / 4.4: OPEN (AS 23456, hold 180, capabilities MP IPv4 unicast and 4-octet AS 65001) + KEEPALIVE
        {"bgp open",
         hex("ffffffffffffffffffffffffffffffff002b01045ba000b40a0000010e020c01040001000141040000fde9ffffffffffffff"
             "ffffffffffffffffff001304"),
         Transport::Tcp, Sender::Either, "BGP"},
        // xrdp_283.pcap frames 4 and 6: X.224 CR with cookie and RDP_NEG_REQ (TLS), CC with RDP_NEG_RSP
        {"rdp connection request",
         hex("0300002e29e00000000000436f6f6b69653a206d737473686173683d6576616c757365720d0a0100080001000000"),
         Transport::Tcp, Sender::Client, "RDP"},
        {"rdp connection confirm", hex("030000130ed000001234000201080001000000"), Transport::Tcp, Sender::Server,
         "RDP"},
        // S7comm (layout of Wireshark's packet-s7comm.c; tshark decodes each): setup communication job and its
        // ack-data (PDU size 480), a read var job (one S7ANY item, DB 1 byte 0)
        {"s7comm setup", hex("0300001902f08032010000000000080000f0000001000101e0"), Transport::Tcp, Sender::Client,
         "S7comm"},
        {"s7comm setup ack", hex("0300001b02f080320300000000000800000000f0000001000100f0"), Transport::Tcp,
         Sender::Server, "S7comm"},
        {"s7comm read", hex("0300001f02f080320100000001000e00000401120a10020001000084000000"), Transport::Tcp,
         Sender::Client, "S7comm"},
        // AMQP 0-9-1 4.2.2 protocol header; 1.4.2.1 connection.start (RabbitMQ-like properties)
        {"amqp header", raw(std::string_view("AMQP\x00\x00\x09\x01", 8)), Transport::Tcp, Sender::Client, "AMQP"},
        {"amqp connection.start",
         hex("01000000000074000a000a00090000004f0770726f6475637453000000085261626269744d510776657273696f6e53000000"
             "06332e31302e380c6361706162696c69746965734600000015127075626c69736865725f636f6e6669726d7374010000000e"
             "414d51504c41494e20504c41494e00000005656e5f5553ce"),
         Transport::Tcp, Sender::Server, "AMQP"},
        // collectd_udp_283.pcap frame 2
        {"collectd", collectd_datagram(), Transport::Udp, Sender::Client, "collectd"},
        // saned_403.pcap frame 4: SANE_NET_INIT, version 1.1.3, no user name
        {"sane init", hex("000000000101000300000000"), Transport::Tcp, Sender::Client, "SANE"},
        // gearmand_403.pcap frames 4 and 8: CAN_DO "reverse", NO_JOB
        {"gearman can_do", hex("00524551000000010000000772657665727365"), Transport::Tcp, Sender::Client, "Gearman"},
        {"gearman no_job", hex("005245530000000a00000000"), Transport::Tcp, Sender::Server, "Gearman"},
        // NBD proto.md: newstyle greeting with FIXED_NEWSTYLE and NO_ZEROES
        {"nbd greeting", raw("NBDMAGICIHAVEOPT") + Bytes{0x00, 0x03}, Transport::Tcp, Sender::Server, "NBD"},
        // NBD proto.md: client flags (FIXED_NEWSTYLE, NO_ZEROES), then NBD_OPT_GO for export "disk" (no info requests)
        {"nbd opt_go",
         hex("00000003"
             "49484156454f5054"
             "00000007"
             "0000000a"
             "00000004"
             "6469736b"
             "0000"),
         Transport::Tcp, Sender::Client, "NBD"},
        // RFC 6347 4.2.2: DTLS 1.2 ClientHello in a DTLS 1.0 record (as OpenSSL sends it)
        {"dtls client hello",
         hex("16feff00000000000000000042010000360000000000000036fefd000102030405060708090a0b0c0d0e0f10111213141516"
             "1718191a1b1c1d1e1f00000004c02bc02f01000008000a000400020017"),
         Transport::Udp, Sender::Client, "DTLS"},
        // RFC 2131 4.4.1: DHCPDISCOVER (client id, parameter list, host name; tshark: DHCP Discover)
        {"dhcp discover",
         hex("0101060039030f3b00008000000000000000000000000000000000000242ac11000200000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000638253633501013d07010242ac11"
             "000237040103060f0c0567686f7374ff0000000000000000"),
         Transport::Udp, Sender::Client, "DHCP"},
        // RFC 7296 1.2: IKE_SA_INIT request (SA, KE group 19, Ni)
        {"ike sa_init",
         hex("11223344556677880000000000000000212022080000000000000098220000300000002c010100040300000c0100000c800e"
             "00800300000802000005030000080300000c00000008040000132800002800130000000102030405060708090a0b0c0d0e0f"
             "101112131415161718191a1b1c1d1e1f000000246465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f8081"
             "8283"),
         Transport::Udp, Sender::Client, "IKE"},
        // RFC 2637 2.1: Start-Control-Connection-Request
        {"pptp sccrq",
         hex("009c00011a2b3c4d00010000010000000000000100000001ffff00016c6f63616c0000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000006c696e7578000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000"),
         Transport::Tcp, Sender::Client, "PPTP"},
        // [MS-TDS] 4.1: the example PRELOGIN request
        {"tds prelogin",
         hex("1201002f0000010000001a00060100200001020021000103002200040400260001ff0900000000000100b80d000001"),
         Transport::Tcp, Sender::Client, "TDS (MS SQL)"},
        // MongoDB OP_MSG docs: {hello: 1, $db: "admin"}
        {"mongodb hello",
         hex("340000000100000000000000dd07000000000000001f0000001068656c6c6f000100000002246462000600000061646d696e"
             "0000"),
         Transport::Tcp, Sender::Client, "MongoDB"},
        // IEEE 1815 9.2: Request Link Status 1024 -> 1, and a READ class 0 (CRCs checked by tshark's DNP3)
        {"dnp3 link status", hex("056405c901000004a657"), Transport::Tcp, Sender::Client, "DNP3"},
        {"dnp3 read", hex("05640bc401000004f45cc0c1013c0106f973"), Transport::Udp, Sender::Client, "DNP3"},
        // --- services of nmap's most frequent ports (doc/coverage.md) ---
        // rpcclient's epmapper bind, recorded on loopback; a bind_ack and a connectionless ept_lookup laid out
        // per C706 12.6.4.4 / 12.5.3.1 (tshark: Bind_ack Acceptance, EPM Lookup request)
        {"dce bind",
         hex("05000b03100000004800000001000000b810b8100000000001000000000001000883afe11f5dc91191a408002b14a0fa0300"
             "0000045d888aeb1cc9119fe808002b10486002000000"),
         Transport::Tcp, Sender::Client, "DCE/RPC"},
        {"dce bind_ack",
         hex("05000c03100000003c00000001000000b810b810f053000004003133350000000100000000000000045d888aeb1cc9119fe8"
             "08002b10486002000000"),
         Transport::Tcp, Sender::Server, "DCE/RPC"},
        {"dce cl request",
         hex("0400200010000000000000000000000000000000000000000883afe11f5dc91191a408002b14a0fa78563412bc9aef4d8123"
             "456789abcdef0000000003000000000000000200ffffffff2800000000000000000000000000000000000100000000000000"
             "0000000000000000000000000000000001000000"),
         Transport::Udp, Sender::Client, "DCE/RPC"},
        // Q.931 Release Complete with H.225.0's User-user element (PER ReleaseComplete-UUIE, protocol 0.0.8.2250.0.4;
        // tshark: H.225.0 CS releaseComplete)
        {"h225 release complete", hex("03000016080280015a7e000a050500060008914a0004"), Transport::Tcp, Sender::Client,
         "H.323 (H.225.0)"},
        // DSI (AFP over TCP): OpenSession with the attention quantum, its reply, GetStatus with FPGetSrvrInfo
        {"dsi open session", hex("00040001000000000000000600000000010400000400"), Transport::Tcp, Sender::Client,
         "AFP (DSI)"},
        {"dsi open session reply", hex("01040001000000000000000600000000000400100000"), Transport::Tcp, Sender::Server,
         "AFP (DSI)"},
        {"dsi get status", hex("000300020000000000000002000000000f00"), Transport::Tcp, Sender::Client, "AFP (DSI)"},
        // xdpyinfo's setup requests, recorded on loopback (no authorization; MIT-MAGIC-COOKIE-1)
        {"x11 setup", hex("6c000b000000000000000000"), Transport::Tcp, Sender::Client, "X11"},
        {"x11 setup cookie",
         hex("6c000b0000001200100000004d49542d4d414749432d434f4f4b49452d310000000102030405060708090a0b0c0d0e0f"),
         Transport::Tcp, Sender::Client, "X11"},
        // RFC 1227 3.1-3.2: OpenPDU (identity 1.3.6.1.4.1.4.1.3) and RReqPDU (1.3.6.1.2.1.4, priority -1, readWrite)
        {"smux open",
         hex("601f02010006082b06010401040103040e67686f7374207375626167656e740400620f06072b0601020104010201ff020102"),
         Transport::Tcp, Sender::Client, "SMUX"},
        // Tomcat's AJPv13 reference: Forward Request GET / (Host, User-Agent, req_attribute), CPing; Send Headers
        // 200 + End Response
        {"ajp13 forward request",
         hex("1234006a02020008485454502f312e310000012f0000093132372e302e302e3100ffff00096c6f63616c686f737400005000"
             "0002a00b00096c6f63616c686f737400a00e000b6375726c2f372e38382e31000a000f414a505f52454d4f54455f504f5254"
             "000005343030303000ff"),
         Transport::Tcp, Sender::Client, "AJP13"},
        {"ajp13 cping", hex("123400010a"), Transport::Tcp, Sender::Client, "AJP13"},
        {"ajp13 headers", hex("414200180400c800024f4b000001a0010009746578742f68746d6c00414200020501"), Transport::Tcp,
         Sender::Server, "AJP13"},
        // nmblookup's name and status queries, recorded on loopback; RFC 1002 4.2.13 positive answer
        {"nbns query",
         hex("53df010000010000000000002045484549455046444645464446434647434143414341434143414341434141410000200001"),
         Transport::Udp, Sender::Client, "NetBIOS-NS"},
        {"nbns status query",
         hex("44500000000100000000000020434b4141414141414141414141414141414141414141414141414141414141410000210001"),
         Transport::Udp, Sender::Client, "NetBIOS-NS"},
        {"nbns answer",
         hex("53df850000000001000000002045484549455046444645464446434647434143414341434143414341434141410000200001"
             "000493e0000600007f000001"),
         Transport::Udp, Sender::Server, "NetBIOS-NS"},
        // RFC 1002 4.4.1 DIRECT_GROUP datagram carrying an SMB Transaction (tshark: SMB Trans Request)
        {"nbdgm direct group",
         hex("110200017f000001008a00670000204548454945504644464546444643464743414341434143414341434143414141002045"
             "444644454e4546454e4546454f454d4542414141414141414141414141424200ff534d422500000000000000000000000000"
             "0000000000000000000000000000000000"),
         Transport::Udp, Sender::Client, "NetBIOS-DGM"},
        // RFC 7296 1.2 IKE_AUTH (Encrypted payload last) behind RFC 3948's non-ESP marker
        {"ike nat-t auth",
         hex("00000000112233445566778899aabbccddeeff002e202308000000010000004023000024000102030405060708090a0b0c0d"
             "0e0f101112131415161718191a1b1c1d1e1f"),
         Transport::Udp, Sender::Client, "IKE"},
        // RFC 2661 6.1 SCCRQ with the AVPs xl2tpd sends: Message Type, Protocol Version, Framing and Bearer
        // Capabilities, Firmware Revision, Host Name, Vendor Name, Assigned Tunnel ID, Receive Window Size
        {"l2tp sccrq",
         hex("c802005f000000000000000080080000000000018008000000020100800a0000000300000003800a00000004000000030008"
             "000000060690800b0000000767686f7374000c00000008786c32747064800800000009000180080000000a0004"),
         Transport::Udp, Sender::Client, "L2TP"},
        // RFC 2608 8.1-8.2: SrvRqst for service:directory-agent, a SrvRply with one URL entry
        {"slp srvrqst",
         hex("0201000038200000000012340002656e00000017736572766963653a6469726563746f72792d6167656e7400074445464155"
             "4c5400000000"),
         Transport::Udp, Sender::Client, "SLP"},
        {"slp srvrply",
         hex("020200003f000000000012340002656e00000001000e100025736572766963653a7072696e7465723a6c70723a2f2f313237"
             "2e302e302e312f717565756500"),
         Transport::Udp, Sender::Server, "SLP"},
        // RFC 5036 3.5.2-3.5.4: Hello (Common Hello Parameters, IPv4 transport address); Initialization + KeepAlive
        {"ldp hello", hex("0001001e0a0000010000010000140000000104000004000f0000040100040a000001"), Transport::Udp,
         Sender::Either, "LDP"},
        {"ldp initialization",
         hex("000100280a000001000002000016000000020500000e000100b4000010000a00000200000201000400000003"),
         Transport::Tcp, Sender::Either, "LDP"},
        // check_nrpe 4.1 (-n) against nrpe 4.1, recorded on loopback: a v4 query and its answer; a v2 query (-2)
        {"nrpe v4 query", hex("00040001f508b53400000000000003fc636865636b5f757365727300") + Bytes(1036 - 28, 0),
         Transport::Tcp, Sender::Client, "NRPE"},
        {"nrpe v4 answer",
         hex("00040002f1122a5200000000000000275553455253204f4b202d20312075736572732063757272656e746c79206c6f6767"
             "656420696e00"),
         Transport::Tcp, Sender::Server, "NRPE"},
        {"nrpe v2 query", nrpe_v2_query(), Transport::Tcp, Sender::Client, "NRPE"},
        // A Query naming MIT-MAGIC-COOKIE-1 and a Willing, laid out per XDMCP 1.1 (Xvfb -query's own
        // Query, recorded on loopback, names no authentication: 7 octets, not named alone)
        {"xdmcp query", hex("000100020015010012") + raw("MIT-MAGIC-COOKIE-1"), Transport::Udp, Sender::Client, "XDMCP"},
        {"xdmcp willing", hex("00010005001c0000000567686f7374001157696c6c696e6720746f206d616e616765"), Transport::Udp,
         Sender::Server, "XDMCP"},
        // ipmitool's ASF presence ping (-I lan) and Get Channel Authentication Capabilities (-I lanplus),
        // recorded on loopback; the answer (IPMI 2.0 22.13) and an RMCP+ Open Session Request (13.17)
        {"asf ping", hex("0600ff06000011be80000000"), Transport::Udp, Sender::Client, "RMCP/IPMI"},
        {"ipmi channel auth", hex("0600ff07000000000000000000092018c88100388e04b5"), Transport::Udp, Sender::Client,
         "RMCP/IPMI"},
        {"ipmi channel auth answer", hex("0600ff0700000000000000000010811c632000380001970402000000000a"),
         Transport::Udp, Sender::Server, "RMCP/IPMI"},
        {"rmcp+ open session",
         hex("0600ff0706100000000000000000200000040000a1a2a3a4000000080100000001000008010000000200000801000000"),
         Transport::Udp, Sender::Client, "RMCP/IPMI"},
        // RFC 7143 11.12-11.13: a discovery session's first Login Request (security stage -> operational, the
        // keys open-iscsi sends) and its Login Response (tshark: iSCSI Login Command / Login Response (Success))
        {"iscsi login",
         hex("438100000000006900023d00000100000000000000000000000000010000000000000000000000000000000000000000496e"
             "69746961746f724e616d653d69716e2e323030342d31302e636f6d2e7562756e74753a30313a67686f737400496e69746961"
             "746f72416c6961733d67686f73740053657373696f6e547970653d446973636f7665727900417574684d6574686f643d4e6f"
             "6e6500000000"),
         Transport::Tcp, Sender::Client, "iSCSI"},
        {"iscsi login response",
         hex("238100000000002700023d000001000100000000000000000000000000000001000000010000000000000000000000005461"
             "72676574506f7274616c47726f75705461673d3100417574684d6574686f643d4e6f6e650000"),
         Transport::Tcp, Sender::Server, "iSCSI"},
        // Oracle TNS (the layout of Wireshark's packet-tns.c; tshark: Request, Connect): sqlplus-like Connect, version
        // 313, and the listener's Refuse with ORA-12514
        {"tns connect",
         hex("00cf0000010000000139012c0c4120007fff7f08000001000095003a00007fff414100000000000000000000000000000000"
             "0000000000000000284445534352495054494f4e3d28434f4e4e4543545f444154413d28534552564943455f4e414d453d4f"
             "52434c29284349443d2850524f4752414d3d73716c706c75732928484f53543d67686f73742928555345523d6576616c7573"
             "657229292928414444524553533d2850524f544f434f4c3d5443502928484f53543d3132372e302e302e312928504f52543d"
             "31353231292929"),
         Transport::Tcp, Sender::Client, "Oracle TNS"},
        {"tns refuse",
         hex("00670000040000002200005b284445534352495054494f4e3d28544d503d292856534e4e554d3d3331383736373130342928"
             "4552523d313235313429284552524f525f535441434b3d284552524f523d28434f44453d31323531342928454d46493d3429"
             "292929"),
         Transport::Tcp, Sender::Server, "Oracle TNS"},
        // RFC 3244 2 with RFC 4120 5.5.1 / 5.7.1 DER (tshark: KPASSWD, ap-req with ticket and authenticator, KRB-PRIV):
        // a change-password request over UDP, and its reply over TCP (RFC 4120 7.2.2 framing)
        {"kpasswd request",
         hex("0118000100ce6e81cb3081c8a003020105a10302010ea20703050000000000a37961773075a003020105a10d1b0b4558414d"
             "504c452e434f4da21d301ba003020102a11430121b066b61646d696e1b086368616e67657077a340303ea003020112a10302"
             "0102a2320430000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b"
             "2c2d2e2fa4383036a003020112a103020102a22a0428000102030405060708090a0b0c0d0e0f101112131415161718191a1b"
             "1c1d1e1f202122232425262775423040a003020105a103020115a3343032a003020112a103020102a2260424000102030405"
             "060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223"),
         Transport::Udp, Sender::Client, "Kerberos kpasswd"},
        {"kpasswd reply tcp",
         hex("00000086"
             "00860001003c6f3a3038a003020105a10302010fa22c302aa003020112a103020102a21e041c000102030405060708090a0b"
             "0c0d0e0f101112131415161718191a1b75423040a003020105a103020115a3343032a003020112a103020102a22604240001"
             "02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20212223"),
         Transport::Tcp, Sender::Server, "Kerberos kpasswd"},
        // DRDA Vol. 3 (tshark: DRDA EXCSAT | ACCSEC, EXCSATRD): a JDBC client's EXCSAT chained with ACCSEC (EBCDIC
        // names, manager levels), and the server's EXCSATRD
        {"drda excsat",
         hex("0060d0410001005a1041001d115e8482f29183836d81979793898381a38996954040878896a2a30018140414030007240700"
             "0714400007240f00071c0804b8000c1147d8c4c2f261d1e5d40009116d878896a2a3000c115ad1c3c3f0f4f2f5f00026d001"
             "00020020106d000611a2000300162110e2c1d4d7d3c5404040404040404040404040"),
         Transport::Tcp, Sender::Client, "DRDA (DB2)"},
        {"drda excsatrd",
         hex("0062d0020001005c14430018115e8482f2a2a8a28340f0f0f1f3c5f0f0f0f0f0f0f000181404140300072407000714400007"
             "240f00071c0804b800131147d8c4c2f261d3c9d5e4e7e7f8f6f6f40009116d878896a2a3000c115ae2d8d3f1f1f0f5f0"),
         Transport::Tcp, Sender::Server, "DRDA (DB2)"},
        // ZooKeeper's ConnectRequest (new session, 30 s, readOnly false) and ConnectResponse, as ClientCnxn and
        // ZooKeeperServer serialise them
        {"zookeeper connect",
         hex("0000002d000000000000000000000000000075300000000000000000000000100000000000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "ZooKeeper"},
        {"zookeeper connected",
         hex("0000002500000000000075300100003f1a2b000000000010000102030405060708090a0b0c0d0e0f00"), Transport::Tcp,
         Sender::Server, "ZooKeeper"},
        // Zabbix protocol: an active agent's "active checks" request and the server's answer
        {"zabbix active checks",
         hex("5a425844012a000000000000007b2272657175657374223a2261637469766520636865636b73222c22686f7374223a226768"
             "6f7374227d"),
         Transport::Tcp, Sender::Client, "Zabbix"},
        {"zabbix answer",
         hex("5a4258440120000000000000007b22726573706f6e7365223a2273756363657373222c2264617461223a5b5d7d"),
         Transport::Tcp, Sender::Server, "Zabbix"},
        // Recorded for these rows on loopback (high ports): libcoap3-bin coap-client-notls against
        // coap-server-notls (GET /.well-known/core, GET /time, PUT /example_data); libmemcached-tools
        // memcping / memcstat against memcached 1.6.18 (binary protocol); softflowd 1.1 exporting a
        // captures/ghost pcap as NetFlow v5, v9 and IPFIX (-v 5 / 9 / 10).
        {"coap get well-known core", hex("4101aaac01723d434b2e77656c6c2d6b6e6f776e04636f7265"), Transport::Udp,
         Sender::Client, "CoAP"},
        {"coap link-format answer",
         hex("6145aaac01c128ff3c2f3e3b7469746c653d2247656e6572616c20496e666f223b63743d302c3c2f74696d653e3b69663d22"
             "636c6f636b223b72743d227469636b73223b7469746c653d22496e7465726e616c20436c6f636b223b63743d303b6f62732c"
             "3c2f6173796e633e3b63743d302c3c2f6578616d706c655f646174613e3b7469746c653d224578616d706c65204461746122"
             "3b63743d303b6f6273"),
         Transport::Udp, Sender::Server, "CoAP"},
        {"coap time answer", hex("614501fd01d10101ff4465632030372030303a32313a3234"), Transport::Udp, Sender::Server,
         "CoAP"},
        {"coap put", hex("4103341401723d434c6578616d706c655f64617461ff68656c6c6f"), Transport::Udp, Sender::Client,
         "CoAP"},
        {"memcached binary getk", hex("800c000100000000000000010001000000000000000000006b"), Transport::Tcp,
         Sender::Client, "memcached"},
        {"memcached binary getk miss", hex("810c000100000001000000010001000000000000000000006b"), Transport::Tcp,
         Sender::Server, "memcached"},
        {"memcached binary version", hex("810b00000000000000000006000100000000000000000000312e362e3138"),
         Transport::Tcp, Sender::Server, "memcached"},
        {"netflow v5",
         hex("00050002000000006b15fc051627c4a800000000000000007f0000017f00000100000000000000000000000700000186b5d1"
             "be04b5d1be7b97920193001b060000000000000000007f0000017f000001000000000000000000000006000001abb5d1be04"
             "b5d1be7b01939792001b06000000000000000000"),
         Transport::Udp, Sender::Client, "NetFlow"},
        {"netflow v9",
         hex("00090002000000006b15fc050000000100000000000000480400001000080004000c00040016000400150004000100040002"
             "0004000a0004000e0004003d00010088000100070002000b00020004000100060001003c000100050001000000400401000e"
             "00080004000c000400160004001500040001000400020004000a0004000e0004003d0001008800010020000200040001003c"
             "0001000500010000004808000010001b0010001c001000160004001500040001000400020004000a0004000e0004003d0001"
             "0088000100070002000b00020004000100060001003c000100050001000000400801000e001b0010001c0010001600040015"
             "00040001000400020004000a0004000e0004003d000100880001008b000200040001003c0001000500010001001a01000004"
             "000c000200040022000400230001005200100100001d0000000000000001012f776f726b2f6d61696e2f6361707475040000"
             "597f0000017f000001b5d1bdf9b5d1be6f00000186000000070000000000000000000197920193061b04007f0000017f0000"
             "01b5d1bdf9b5d1be6f000001ab000000060000000000000000000101939792061b040000"),
         Transport::Udp, Sender::Client, "NetFlow"},
        {"ipfix",
         hex("000a01c46b15fc050000000200000000000200480400001000080004000c000400160004001500040001000400020004000a"
             "0004000e0004003d00010088000100070002000b00020004000100060001003c000100050001000200400401000e00080004"
             "000c000400160004001500040001000400020004000a0004000e0004003d0001008800010020000200040001003c00010005"
             "00010002004808000010001b0010001c001000160004001500040001000400020004000a0004000e0004003d000100880001"
             "00070002000b00020004000100060001003c000100050001000200400801000e001b0010001c001000160004001500040001"
             "000400020004000a0004000e0004003d000100880001008b000200040001003c00010005000100030022010000060001008f"
             "000400a00008013100040132000401300002005200100100002a00004ce4000001a24de07517000000010000000000012f77"
             "6f726b2f6d61696e2f6361707475040000587f0000017f000001b5d1bde9b5d1be5f00000186000000070000000000000000"
             "000197920193061b04007f0000017f000001b5d1bde9b5d1be5f000001ab000000060000000000000000000101939792061b"
             "0400"),
         Transport::Udp, Sender::Client, "IPFIX"},
        // STOMP 1.2 specification's examples ("Connecting", "SEND"), and a CONNECTED as the spec lays it out
        {"stomp connect", raw(std::string_view("CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n\0", 51)),
         Transport::Tcp, Sender::Client, "STOMP"},
        {"stomp connected", raw(std::string_view("CONNECTED\nversion:1.2\n\n\0", 24)), Transport::Tcp, Sender::Server,
         "STOMP"},
        {"stomp send",
         raw(std::string_view("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\n\0", 66)),
         Transport::Tcp, Sender::Client, "STOMP"},
        // ovsdb-client list-dbs / list-tables against ovsdb-server (Open vSwitch 3.1), recorded on loopback
        {"ovsdb list_dbs", hex("7b226964223a302c226d6574686f64223a226c6973745f646273222c22706172616d73223a5b5d7d"),
         Transport::Tcp, Sender::Client, "OVSDB"},
        {"ovsdb get_schema",
         hex("7b226964223a312c226d6574686f64223a226765745f736368656d61222c22706172616d73223a5b224f70656e5f7653776974636"
             "8225d7d"),
         Transport::Tcp, Sender::Client, "OVSDB"},
        {"ovsdb list_dbs answer",
         hex("7b226964223a302c22726573756c74223a5b224f70656e5f76537769746368222c225f536572766572225d2c226572726f72223a6"
             "e756c6c7d"),
         Transport::Tcp, Sender::Server, "JSON-RPC"},
        // JSON-RPC 2.0 specification's first example, bare and with an LSP-style Content-Length header
        {"jsonrpc 2.0 call", raw(R"({"jsonrpc": "2.0", "method": "subtract", "params": [42, 23], "id": 1})"),
         Transport::Tcp, Sender::Client, "JSON-RPC"},
        {"jsonrpc 2.0 result",
         raw("Content-Length: 41\r\n\r\n"
             R"({"jsonrpc": "2.0", "result": 19, "id": 1})"),
         Transport::Tcp, Sender::Server, "JSON-RPC"},
        // gdb 13's qSupported and gdbserver 13's stop reply (run-length encoded registers), recorded on loopback
        {"gdb qsupported",
         hex("2471537570706f727465643a6d756c746970726f636573732b3b7377627265616b2b3b6877627265616b2b3b7152656c6f63"
             "496e736e2b3b666f726b2d6576656e74732b3b76666f726b2d6576656e74732b3b657865632d6576656e74732b3b76436f6e"
             "74537570706f727465642b3b515468726561644576656e74732b3b6e6f2d726573756d65642b3b6d656d6f72792d74616767"
             "696e672b3b786d6c5265676973746572733d69333836233737"),
         Transport::Tcp, Sender::Client, "GDB remote"},
        {"gdb stop reply",
         hex("2454303530363a302a2c3b30373a62306537662a223766302a203b31303a373034626665663766663766302a203b74687265"
             "61643a70313334322e313334323b636f72653a313b233739"),
         Transport::Tcp, Sender::Server, "GDB remote"},
        // RIP: a v2 whole-table request (RFC 2453 3.9.1), a v2 response of two routes, a v1 response
        {"rip v2 request", hex("01020000 0000 0000 00000000 00000000 00000000 00000010"), Transport::Udp,
         Sender::Client, "RIP"},
        {"rip v2 response",
         hex("02020000 0002 0000 0a000000 ffffff00 00000000 00000001 0002 0000 c0a80100 ffffff00 00000000 00000002"),
         Transport::Udp, Sender::Server, "RIP"},
        {"rip v1 response", hex("02010000 0002 0000 0a000000 00000000 00000000 00000001"), Transport::Udp,
         Sender::Server, "RIP"},
        // Babel (RFC 8966 4.6): a Hello and an IHU for a link-local neighbour; a Router-Id and an IPv4 Update
        {"babel hello ihu", hex("2a020018 0406 0000 a1b2 0190 050e 03 00 0060 0190 02163efffe123456"), Transport::Udp,
         Sender::Client, "Babel"},
        {"babel update", hex("2a02001b 060a 0000 02163efffe123456 080d 01 00 18 00 0190 0001 0060 c0a801"),
         Transport::Udp, Sender::Server, "Babel"},
        // DHCPv6 (RFC 8415): a SOLICIT as ISC dhclient lays it out (DUID-LLT, ORO, elapsed time, IA_NA) and an
        // ADVERTISE with a server DUID, an address in the IA_NA and a DNS server
        {"dhcpv6 solicit",
         hex("015a1b2c 0001000e 0001 0001 2c5e1a9b 0242ac110002 00060004 0017 0018 00080002 0000 "
             "0003000c 1a2b3c4d 00000000 00000000"),
         Transport::Udp, Sender::Client, "DHCPv6"},
        {"dhcpv6 advertise",
         hex("025a1b2c 0001000e 0001 0001 2c5e1a9b 0242ac110002 0002000e 0001 0001 2c5e2000 0242ac110003 "
             "00030028 1a2b3c4d 00000e10 00001518 00050018 20010db8000000000000000000000100 00001c20 00001d4c "
             "00170010 20010db8000000000000000000000001"),
         Transport::Udp, Sender::Server, "DHCPv6"},
        // ffmpeg 5.1's MPEG-TS (mpeg2video, mp2) to udp://127.0.0.1 and tcp://127.0.0.1, recorded on loopback:
        // the first two packets of its first datagram (SDT, PAT), and the first 470 octets of a TCP segment
        {"mpeg-ts udp",
         hex("474011100042f0250001c10000ff01ff0001fc80144812010646466d70656709536572766963653031777c43caffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff474000100000b00d0001c100"
             "000001f0002ab104b2ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffff"),
         Transport::Udp, Sender::Client, "MPEG-TS"},
        {"mpeg-ts tcp cut",
         hex("474000120000b00d0001c100000001f0002ab104b2ffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff475000120002b0120001c100"
             "00e100f00002e100f0009e8b23d1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
             "ffffffffffffffffffffffffffffffffffffffffffffffffffff4741003b071000009e347e00000001e0000080c00a310009"
             "ab511100096501000001000097fffb80000001b5811ff3418000000101127a3e60350008980d40dffff51401681a80071098"
             "91d0a89c6401bd491188b1129c00000102127ab0"),
         Transport::Tcp, Sender::Client, "MPEG-TS"},
        // pmacct 1.7.7's sfprobe exporting a captures/ghost pcap as sFlow v5 (4 samples), recorded on loopback
        {"sflow v5",
         hex("00000005000000017f0000010000000000000002000000000000000400000001000000c80000000a00000001000000010000"
             "000a000000003fffffff3fffffff00000002000003e900000010000000000000000000000000000000000000000100000088"
             "0000000b0000007c000000040000007845000078fdee400040063e8f7f0000017f00000101939792205bf74bf295a6fc8018"
             "0040fe6c00000101080a5a0a70f70cb948a74c696e757820766d20362e31382e34342d66632d7637363920233120534d5020"
             "505245454d50545f44594e414d4943204030207838365f363420474e552f4c696e75780a00000001000000840000000b0000"
             "0001000000010000000b000000003fffffff3fffffff00000002000003e90000001000000000000000000000000000000000"
             "00000001000000440000000b00000038000000040000003445000034a8cb4000400693f67f0000017f00000197920193f295"
             "a6fc205bf78f80100040fe2800000101080a0cb948bd5a0a70f700000001000000840000000c00000001000000010000000c"
             "000000003fffffff3fffffff00000002000003e9000000100000000000000000000000000000000000000001000000440000"
             "000b00000038000000040000003445000034fdef400040063ed27f0000017f00000101939792205bf78ff295a6fc80110040"
             "fe2800000101080a5a0a70fd0cb948bd00000001000000840000000d00000001000000010000000d000000003fffffff3fff"
             "ffff00000002000003e9000000100000000000000000000000000000000000000001000000440000000b0000003800000004"
             "0000003445000034a8cc4000400693f57f0000017f00000197920193f295a6fc205bf79080100040fe2800000101080a0cb9"
             "48c35a0a70fd"),
         Transport::Udp, Sender::Client, "sFlow"},
        // StatsD: etsy/statsd's metric types example, and a DogStatsD line with a sample rate and tags
        {"statsd lines", raw("gorets:1|c\nglork:320|ms\ngaugor:333|g\nuniques:765|s"), Transport::Udp, Sender::Client,
         "StatsD"},
        {"dogstatsd line", raw("page.views:1|c|@0.5|#env:prod,host:ghost\n"), Transport::Udp, Sender::Client, "StatsD"},
        // ADC 1.0.3's handshake (the client's HSUP, the hub's ISUP / ISID / IINF / ISTA) and tinc 1.0's ID
        // request and METAKEY, as uhub 0.4.1 / ncdc and tincd 1.0.36 send them (the fresh3 recordings, after
        // their one measurement)
        {"adc hsup", raw("HSUP ADBASE ADTIGR\n"), Transport::Tcp, Sender::Client, "ADC (Direct Connect)"},
        {"adc hub greeting",
         raw("ISUP ADBASE ADTIGR ADPING ADUCMD\nISID AAAB\nIINF CT32 VEuhub/0.4.1-release NIevalhub DEeval\\shub\n"
             "ISTA 000 Powered\\sby\\suhub/0.4.1-release\\son\\sLinux/AMD64\n"),
         Transport::Tcp, Sender::Server, "ADC (Direct Connect)"},
        {"tinc id", raw("0 evalnode 17\n"), Transport::Tcp, Sender::Client, "tinc"},
        {"tinc id metakey",
         raw("0 evalhub 17\n1 429 672 0 0 3CD8EB1E9984AA2F1B994F67B22FEB9DF5552A94033A18791CBE87BD0D28550A275B\n"),
         Transport::Tcp, Sender::Server, "tinc"},
        // Graphite plaintext lines as collectd's write_graphite plugin writes them
        {"graphite lines",
         raw("ghost.load.load.shortterm 0.080000 1733500000\nghost.load.load.midterm 0.030000 1733500000\n"
             "ghost.memory.memory-used 123456789.000000 1733500000\n"),
         Transport::Tcp, Sender::Client, "Graphite"},
        // --- AAA, real-time and messaging rows (aaa_realtime_signatures.cpp) ---
        // TACACS+ (RFC 8907 4.1, 5.1-5.2, 6.1; built from the specification, tshark: TACACS+ Request): a clear PAP
        // authentication START and the server's PASS reply, and an authorization REQUEST obfuscated with the key
        // "testing123" (4.5's MD5 pad; tshark with tacplus.key decrypts it) and the same request in the clear
        {"tacacs pap start",
         hex("c10101015ee1b0a70000002401010201080409076576616c75736572747479313132372e302e302e3173336372657421"),
         Transport::Tcp, Sender::Client, "TACACS+"},
        {"tacacs pass reply", hex("c10102015ee1b0a700000006010000000000"), Transport::Tcp, Sender::Server, "TACACS+"},
        {"tacacs authorization obfuscated",
         hex("c00201005ee1b0a700000030479ef6cbcc441f3e6bc2a3082811bf199855a33f0feace2c4aa70da36ddb7a92d501f4da8afc"
             "cfcbae6536675fb3f717"),
         Transport::Tcp, Sender::Client, "TACACS+"},
        {"tacacs authorization clear",
         hex("c00201015ee1b0a70000003006010101080409020d046576616c75736572747479313132372e302e302e3173657276696365"
             "3d7368656c6c636d643d"),
         Transport::Tcp, Sender::Client, "TACACS+"},
        // ... and, built the same way, an accounting START REQUEST with three arguments and its SUCCESS reply
        // (tshark: TACACS+ Accounting)
        {"tacacs accounting start",
         hex("c00301015ee1b0a70000004d0206010101080409030a150d6576616c75736572747479313132372e302e302e317461736b5f"
             "69643d313773746172745f74696d653d31373635303635363030736572766963653d7368656c6c"),
         Transport::Tcp, Sender::Client, "TACACS+"},
        {"tacacs accounting success", hex("c00302015ee1b0a7000000050000000001"), Transport::Tcp, Sender::Server,
         "TACACS+"},
        // Diameter (RFC 6733 3, 4, 5.3.1-5.3.2, 5.5.1; built from the specification, tshark: Capabilities-Exchange /
        // Device-Watchdog): a peer's CER, the answer CEA (Result-Code 2001), a DWR
        {"diameter cer",
         hex("0100009080000101000000001a2b00015c000001000001084000001c636c69656e742e67686f73742e6578616d706c650000"
             "01284000001567686f73742e6578616d706c65000000000001014000000e00017f00000100000000010a4000000c00000000"
             "0000010d000000137265736361702d7465737400000001024000000c00000004000001094000000c000028af"),
         Transport::Tcp, Sender::Client, "Diameter"},
        {"diameter cea",
         hex("0100009000000101000000001a2b00015c0000010000010c4000000c000007d100000108400000196161612e67686f73742e"
             "6578616d706c65000000000001284000001567686f73742e6578616d706c65000000000001014000000e00017f0000010000"
             "0000010a4000000c000000000000010d00000014667265654469616d65746572000001024000000c00000004"),
         Transport::Tcp, Sender::Server, "Diameter"},
        {"diameter dwr",
         hex("0100005480000118000000001a2b00025c000002000001084000001c636c69656e742e67686f73742e6578616d706c650000"
             "01284000001567686f73742e6578616d706c65000000000001164000000c00000001"),
         Transport::Tcp, Sender::Client, "Diameter"},
        // RTCP (RFC 3550 6.4-6.6; built from the specification, tshark: Sender Report + Source description, RTCP frame
        // length check OK): a sender's SR + SDES CNAME, a receiver's RR (one report block) + SDES CNAME/TOOL + BYE
        {"rtcp sr sdes",
         hex("80c800063c8d1f42e91a3b728f5c28000004a1c00000007800004b0081ca00063c8d1f42010e6576616c757365724067686f"
             "737400000000"),
         Transport::Udp, Sender::Client, "RTCP"},
        {"rtcp rr sdes bye",
         hex("81c900077a11c0de3c8d1f420000000000010078000000123b728f5c00003e8081ca00097a11c0de010e7265636569766572"
             "4067686f7374060b7265736361702d7465737400000081cb00047a11c0de0874656172646f776e000000"),
         Transport::Udp, Sender::Server, "RTCP"},
        // Recorded: GStreamer 1.22 rtpbin on 127.0.0.1 (high ports), an L16 audio sender's first SR + SDES (CNAME,
        // TOOL) and the receiver's first RR + SDES
        {"rtcp sr sdes gstreamer",
         hex("80c800066c2e016ceec07ec613e7e1fc366288af000000fd0003f56c81ca000c6c2e016c011c757365723134373633313435"
             "383340686f73742d323931366332626306094753747265616d6572000000"),
         Transport::Udp, Sender::Client, "RTCP"},
        {"rtcp rr sdes gstreamer",
         hex("81c900078ef5f1ca6c2e016c00ffffff00003a0100000028000000000000000081ca000c8ef5f1ca011b7573657235323139"
             "333537383440686f73742d313530326161353106094753747265616d657200000000"),
         Transport::Udp, Sender::Server, "RTCP"},
        // ZMTP 3.0/3.1 (rfc.zeromq.org 23/ZMTP 3.2, 37/ZMTP; built from the specification, the signature padding as
        // libzmq sends it; Wireshark 4.0 has no ZMTP dissector): a NULL greeting + the READY command (Socket-Type
        // REQ), and a CURVE server's greeting alone
        {"zmtp greeting ready",
         hex("ff00000000000000017f03004e554c4c00000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000004260552454144590b536f636b65742d5479706500000003524551084964656e74697479"
             "00000000"),
         Transport::Tcp, Sender::Client, "ZMTP (ZeroMQ)"},
        {"zmtp greeting curve server",
         hex("ff00000000000000017f03014355525645000000000000000000000000000000010000000000000000000000000000000000"
             "0000000000000000000000000000"),
         Transport::Tcp, Sender::Server, "ZMTP (ZeroMQ)"},
        // Recorded: pyzmq 24 / libzmq 4.3.4 REQ -> REP on 127.0.0.1 (a high port): libzmq sends its greeting in
        // three segments, the signature (10 octets), the major version (1), then this rest (53): minor 1, NULL,
        // as-server 0, the filler
        {"zmtp greeting rest libzmq",
         hex("014e554c4c000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000"),
         Transport::Tcp, Sender::Client, "ZMTP (ZeroMQ)"},
        // PTPv2 (IEEE 1588-2008 13.3-13.8; built from the specification, tshark: PTPv2 Sync / Follow_Up / Delay_Resp /
        // Announce, no expert info): a two-step master's Sync and Follow_Up, a Delay_Resp and an Announce
        {"ptp sync", hex("0002002c000002000000000000000000000000000242acfffe11000200011f3a000000000000000000000000"),
         Transport::Udp, Sender::Server, "PTP"},
        {"ptp follow up",
         hex("0802002c000000000000000000000000000000000242acfffe11000200011f3a020000006934c3801e89b098"),
         Transport::Udp, Sender::Server, "PTP"},
        {"ptp delay resp",
         hex("09020036000000000000000000000000000000000242acfffe11000200010c21030000006934c3810136734e0242acfffe11"
             "00030001"),
         Transport::Udp, Sender::Server, "PTP"},
        {"ptp announce",
         hex("0b020040000000000000000000000000000000000242acfffe1100020001001105010000000000000000000000250080f8fe"
             "ffff800242acfffe1100020000a0"),
         Transport::Udp, Sender::Server, "PTP"},
        // a management GET of DEFAULT_DATA_SET to all ports (15.4-15.5, built the same way; tshark: Management
        // Message, action GET)
        {"ptp management get",
         hex("0d020036000000000000000000000000000000000242acfffe11000200010002047fffffffffffffffffffff010100000001"
             "00022000"),
         Transport::Udp, Sender::Client, "PTP"},
        // The daemons beside the main services (service_text_signatures.cpp, service_binary_signatures.cpp):
        // octets from the evaluation recordings in captures/eval (named per case; those sets were measured
        // before these rows were written)
        {"beanstalkd put",  // beanstalkd_283 frame 4
         raw("put 0 0 60 15\r\nhello beanstalk\r\n"), Transport::Tcp, Sender::Client, "beanstalkd"},
        {"beanstalkd reserved",  // beanstalkd_283 frame 9
         raw("RESERVED 1 15\r\nhello beanstalk\r\n"), Transport::Tcp, Sender::Server, "beanstalkd"},
        {"managesieve capabilities",  // managesieve_403 frame 4
         raw("\"IMPLEMENTATION\" \"Dovecot (Debian) Pigeonhole\"\r\n\"SIEVE\" \"fileinto reject envelop"
             "e encoded-character vacation subaddress comparator-i;ascii-numeric relational re"
             "gex imap4flags copy include variables body enotify environment mailbox date inde"
             "x ihave duplicate mime foreverypart extracttext\"\r\n\"NOTIFY\" \"mailto\"\r\n\"SASL\" \"PLA"
             "IN LOGIN\"\r\n\"VERSION\" \"1.0\"\r\nOK \"Dovecot (Debian) ready.\"\r\n"),
         Transport::Tcp, Sender::Server, "ManageSieve"},
        {"managesieve listscripts",  // managesieve_403 frame 11
         raw("LISTSCRIPTS\r\n"), Transport::Tcp, Sender::Client, "ManageSieve"},
        {"spamc check",  // spamd_283 frame 15
         raw("CHECK SPAMC/1.5\r\nUser: root\r\nContent-length: 161\r\n\r\n"), Transport::Tcp, Sender::Client,
         "SPAMC/SPAMD"},
        {"spamd ex ok",  // spamd_283 frame 21
         raw("SPAMD/1.1 0 EX_OK\r\n"), Transport::Tcp, Sender::Server, "SPAMC/SPAMD"},
        {"clamd zversion",  // fresh_clamd_403 frame 12
         hex("7a56455253494f4e00"), Transport::Tcp, Sender::Client, "clamd"},
        {"clamd version",  // fresh_clamd_403 frame 14
         hex("436c616d415620312e342e3600"), Transport::Tcp, Sender::Server, "clamd"},
        {"nats info",  // fresh_nats_403 frame 4
         raw("INFO {\"server_id\":\"NCRYMRFE35BQXU3U7A334EKEETFQD76S3MMWFB6XSTBYXHCQY6FA2KWD\",\"se"
             "rver_name\":\"NCRYMRFE35BQXU3U7A334EKEETFQD76S3MMWFB6XSTBYXHCQY6FA2KWD\",\"version\":"
             "\"2.9.10\",\"proto\":1,\"go\":\"go1.19.8\",\"host\":\"127.0.0.1\",\"port\":403,\"headers\":true,"
             "\"auth_required\":true,\"max_payload\":1048576,\"client_id\":4,\"client_ip\":\"127.0.0.1\""
             "} \r\n"),
         Transport::Tcp, Sender::Server, "NATS"},
        {"nats pub",  // fresh_nats_403 frame 10
         raw("PUB eval.subject 11\r\nhello nats!\r\n"), Transport::Tcp, Sender::Client, "NATS"},
        {"nats msg",  // fresh_nats_403 frame 14
         raw("MSG eval.subject 1 11\r\nhello nats!\r\nPONG\r\n"), Transport::Tcp, Sender::Server, "NATS"},
        {"cvs auth request",  // cvs_pserver_283 frame 14
         raw("BEGIN AUTH REQUEST\n/tmp/ghost-cvs_pserver_283.ian0dv2x/cvsroot\nevaluser\nA+<ZJZwh"
             " d,\nEND AUTH REQUEST\n"),
         Transport::Tcp, Sender::Client, "CVS pserver"},
        {"cvs answer",  // cvs_pserver_283 frame 16
         raw("I LOVE YOU\n"), Transport::Tcp, Sender::Server, "CVS pserver"},
        {"gpsd watch",  // fresh_gpsd_283 frame 4
         raw("?WATCH={\"enable\":true,\"json\":true};\n"), Transport::Tcp, Sender::Client, "gpsd"},
        {"gpsd version",  // fresh_gpsd_283 frame 6
         raw("{\"class\":\"VERSION\",\"release\":\"3.22\",\"rev\":\"3.22\",\"proto_major\":3,\"proto_minor\":1"
             "4}\r\n"),
         Transport::Tcp, Sender::Server, "gpsd"},
        {"lcdproc greeting",  // fresh_lcdd_283 frame 6
         raw("connect LCDproc 0.5.9 protocol 0.3 lcd wid 20 hgt 4 cellwid 5 cellhgt 8\n"), Transport::Tcp,
         Sender::Server, "LCDproc"},
        {"lcdproc client set",  // fresh_lcdd_283 frame 8
         raw("client_set -name {LCDproc vm}\n"), Transport::Tcp, Sender::Client, "LCDproc"},
        {"uucp shere",  // fresh4_uucico_403 frame 15
         hex("1053686572653d6576616c73727600"), Transport::Tcp, Sender::Server, "UUCP"},
        {"uucp caller",  // fresh4_uucico_403 frame 16
         hex("10536576616c636c69202d52202d4e30343700"), Transport::Tcp, Sender::Client, "UUCP"},
        {"unison greeting",  // fresh_unison_283 frame 4
         hex("556e69736f6e20322e35312077697468204f43616d6c203e3d20342e30312e320a010000006f18000000e97273708495a6be"
             "0000000100000000000000000000000041"),
         Transport::Tcp, Sender::Server, "Unison"},
        {"iperf3 cookie",  // fresh_iperf3_283 frame 4
         hex("353733636766776c6d6e323567777171363475696b336a746a623770637236363765716900"), Transport::Tcp,
         Sender::Client, "iperf3"},
        {"fastcgi begin request",  // fresh_phpfpm_fcgi_283 frame 4
         hex("01010001000800000001000000000000"), Transport::Tcp, Sender::Client, "FastCGI"},
        {"fastcgi stdout end",  // fresh_phpfpm_fcgi_283 frame 10
         hex("0106000100560200582d506f77657265642d42793a205048502f382e322e33360d0a436f6e74656e742d747970653a207465"
             "78742f706c61696e3b636861727365743d5554462d380d0a0d0a68656c6c6f2066617374636769206f6e650a000001030001"
             "000800000000000000000000"),
         Transport::Tcp, Sender::Server, "FastCGI"},
        {"distcc dist",  // distccd_403 frame 4
         raw("DIST00000001"), Transport::Tcp, Sender::Client, "distcc"},
        {"epmd names request",  // epmd_283 frame 4
         hex("00016e"), Transport::Tcp, Sender::Client, "EPMD"},
        {"epmd alive2",  // epmd_283 frame 14
         hex("001578b17d4d000006000500086576616c6e6f64650000"), Transport::Tcp, Sender::Client, "EPMD"},
        {"epmd names lines",  // epmd_283 frame 25
         raw("name evalnode at port 45437\n"), Transport::Tcp, Sender::Server, "EPMD"},
        {"ntalk lookup",  // fresh4_talkd_403 frame 1
         hex("0101000000000000000200007f0000010000000000000000000285977f000001000000000000000000002e17726f6f740000"
             "0000000000006576616c757365720000000000000000000000000000000000000000"),
         Transport::Udp, Sender::Client, "ntalk"},
        {"bacula hello",  // fresh4_bacula_dir_403 frame 4
         hex("0000001e48656c6c6f202a557365724167656e742a2063616c6c696e67203130300a"), Transport::Tcp, Sender::Client,
         "Bacula"},
        {"bacula auth",  // fresh4_bacula_dir_403 frame 6
         hex("0000003461757468206372616d2d6d6435203c313034373932333737342e31373936363137323636406576616c6469723e20"
             "73736c3d300a"),
         Transport::Tcp, Sender::Server, "Bacula"},
        {"chrony reply",  // fresh_chronyd_cmd_udp_283 frame 4
         hex("06020000000e000200000000000000009c064e7f000000000000000000000000"), Transport::Udp, Sender::Server,
         "chrony"},
        {"bzr request",  // fresh_brz_serve_403 frame 4
         hex("627a72206d65737361676520332028627a7220312e36290a0000001c6431363a536f6674776172652076657273696f6e353a"
             "332e332e3265730000001c6c31353a427a724469722e6f70656e5f322e31363a7472756e6b2f6565"),
         Transport::Tcp, Sender::Client, "Bazaar"},
        {"bzr response",  // fresh_brz_serve_403 frame 6
         hex("627a72206d65737361676520332028627a7220312e36290a0000001c6431363a536f6674776172652076657273696f6e353a"
             "332e332e32656f53730000000c6c333a796573333a7965736565"),
         Transport::Tcp, Sender::Server, "Bazaar"},

        // More daemons beside the main services, from their specifications (no recording of them here): Asterisk's
        // AMI, Munin's node, Postfix's policy delegation, SCGI (scgi.txt's own example), LMTP (RFC 2033), milter's
        // SMFIC_OPTNEG (mfdef.h, version 6), Neo4j's Bolt handshake, Java RMI's transport header and ProtocolAck,
        // Tarantool's greeting, apcupsd's NIS
        {"ami banner", raw("Asterisk Call Manager/5.0.2\r\n"), Transport::Tcp, Sender::Server, "Asterisk AMI"},
        {"ami response", raw("Response: Success\r\nMessage: Authentication accepted\r\n\r\n"), Transport::Tcp,
         Sender::Server, "Asterisk AMI"},
        {"ami login", raw("Action: Login\r\nUsername: admin\r\nSecret: Ami-s3cret\r\n\r\n"), Transport::Tcp,
         Sender::Client, "Asterisk AMI"},
        {"munin banner", raw("# munin node at ghost.example\n"), Transport::Tcp, Sender::Server, "Munin"},
        {"munin commands", raw("cap multigraph\nlist\n"), Transport::Tcp, Sender::Client, "Munin"},
        {"munin fetch values", raw("load.value 0.05\n.\n"), Transport::Tcp, Sender::Server, "Munin"},
        {"postfix policy request",
         raw("request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=SMTP\nclient_address=192.0.2.1\n"
             "sender=a@example.org\nrecipient=b@example.net\n\n"),
         Transport::Tcp, Sender::Client, "Postfix policy"},
        {"postfix policy action", raw("action=DUNNO\n\n"), Transport::Tcp, Sender::Server, "Postfix policy"},
        {"scgi request",
         raw(std::string_view("70:CONTENT_LENGTH\0"
                              "27\0SCGI\0"
                              "1\0REQUEST_METHOD\0POST\0REQUEST_URI\0/deepthought\0,"
                              "What is the answer to life?",
                              101)),
         Transport::Tcp, Sender::Client, "SCGI"},
        {"lmtp hello", raw("LHLO mail.example.org\r\n"), Transport::Tcp, Sender::Client, "LMTP"},
        {"lmtp greeting", raw("220 mail.example.org LMTP Cyrus v3.6.1 ready\r\n"), Transport::Tcp, Sender::Server,
         "LMTP"},
        {"milter optneg", hex("0000000d4f00000006000001ff001fffff"), Transport::Tcp, Sender::Client, "Milter"},
        {"bolt handshake", hex("6060b01700020404000000040000000300000000"), Transport::Tcp, Sender::Client,
         "Bolt (Neo4j)"},
        {"java rmi header", hex("4a524d4900024b"), Transport::Tcp, Sender::Client, "Java RMI"},
        {"java rmi ack", hex("4e0009") + raw("127.0.0.1") + hex("0000d431"), Transport::Tcp, Sender::Server,
         "Java RMI"},
        {"tarantool greeting",
         raw("Tarantool 2.10.4 (Binary) 9a6e6a6e-1234-4bcd-8e0f-0123456789ab \na"
             "GVsbG8gd29ybGQgdGhpcyBpcyBhIHNhbHQ=                           \n"),
         Transport::Tcp, Sender::Server, "Tarantool"},
        {"apcupsd request", hex("0006") + raw("status"), Transport::Tcp, Sender::Client, "apcupsd NIS"},
        {"apcupsd records",
         hex("0018") + raw("APC      : 001,036,0879\n") + hex("0013") + raw("STATUS   : ONLINE \n") + hex("0000"),
         Transport::Tcp, Sender::Server, "apcupsd NIS"},
        // PulseAudio's native protocol, aMule's EC and gmond's XDR from the fresh2 / fresh3 recordings (spent)
        {"pulseaudio descriptor",  // fresh2_pulseaudio_403 frame 4
         hex("00000114ffffffff000000000000000000000000"), Transport::Tcp, Sender::Client, "PulseAudio"},
        {"pulseaudio reply",  // fresh2_pulseaudio_403 frame 8
         hex("0000000fffffffff0000000000000000000000004c000000024c000000004c00000023"), Transport::Tcp, Sender::Server,
         "PulseAudio"},
        {"amule ec auth request",  // fresh3_amuled_403 frame 4
         hex("00000022000000240205c8800609614d756c65636d6400c8820606322e332e330004030202041801001a0100"),
         Transport::Tcp, Sender::Client, "aMule EC"},
        {"amule ec salt",  // fresh3_amuled_403 frame 6
         hex("000000220000000d4f0116050861f16f2aa09266ae"), Transport::Tcp, Sender::Server, "aMule EC"},
        {"gmond metadata",  // fresh2_gmond_udp_403 frame 1
         hex("0000008000000002766d000000000009686561727462656174000000000000000000000675696e7433320000000000096865"
             "617274626561740000000000000000000004000000140000000000000003000000055449544c450000000000000968656172"
             "746265617400000000000004444553430000000e4c6173742068656172746265617400000000000547524f55500000000000"
             "0004636f7265"),
         Transport::Udp, Sender::Client, "Ganglia"},
        {"gmond value",  // fresh2_gmond_udp_403 frame 2
         hex("0000008400000002766d0000000000096865617274626561740000000000000000000002257500006b15cc30"),
         Transport::Udp, Sender::Client, "Ganglia"},

        // From their specifications: Guacamole (the protocol reference's handshake), RELP (librelp's open),
        // InfluxDB's line protocol (its reference), lircd's socket (lircd(8)), BitTorrent's UDP tracker (BEP 15)
        // and DHT (BEP 5's ping), OSC 1.0, KNXnet/IP's search request
        {"guacamole select", raw("6.select,3.vnc;"), Transport::Tcp, Sender::Client, "Guacamole"},
        {"guacamole args", raw("4.args,13.VERSION_1_5_0,8.hostname,4.port,8.password;"), Transport::Tcp, Sender::Server,
         "Guacamole"},
        {"relp open",
         raw("1 open 86 relp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog\n"),
         Transport::Tcp, Sender::Client, "RELP"},
        {"influx lines",
         raw("cpu,host=ghost,region=eu usage_idle=98.5,usage_user=1.2 1733500000000000000\n"
             "mem,host=ghost used=4096i,ok=true,note=\"fine\" 1733500000000000000\n"),
         Transport::Udp, Sender::Client, "InfluxDB line protocol"},
        {"lirc version reply", raw("BEGIN\nVERSION\nSUCCESS\nDATA\n1\n0.10.1\nEND\n"), Transport::Tcp, Sender::Server,
         "LIRC"},
        {"lirc send once", raw("SEND_ONCE tv power\n"), Transport::Tcp, Sender::Client, "LIRC"},
        {"bittorrent udp connect", hex("0000041727101980000000001234abcd"), Transport::Udp, Sender::Client,
         "BitTorrent tracker (UDP)"},
        {"bittorrent dht ping", raw("d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe"), Transport::Udp,
         Sender::Client, "BitTorrent DHT"},
        {"bittorrent dht pong", raw("d1:rd2:id20:mnopqrstuvwxyz123456e1:t2:aa1:y1:re"), Transport::Udp, Sender::Server,
         "BitTorrent DHT"},
        {"osc message", raw("/filter") + hex("00") + raw(",if") + hex("00") + hex("000003e8") + hex("3f800000"),
         Transport::Udp, Sender::Client, "OSC"},
        {"knxnet search request", hex("06100201000e0801c0a8000a0e57"), Transport::Udp, Sender::Client, "KNXnet/IP"},
        // Pyro, libvirt's RPC, binkp, ConMan, Dask, Nebula and Guile's REPL from the fresh5 recordings, written
        // after its one measurement (the set is spent)
        {"pyro connect",  // fresh5_pyro4_ns_283 frame 4
         hex("5059524f00300001001000000000004a0001000000003575232073657270656e74207574662d3820707974686f6e332e320a"
             "7b2768616e647368616b65273a2768656c6c6f272c276f626a656374273a275079726f2e4e616d65536572766572277d"),
         Transport::Tcp, Sender::Client, "Pyro"},
        {"pyro result",  // fresh5_pyro4_ns_283 frame 9
         hex("5059524f00300005000000010000001e0001001600003554434f5252001039d21c89975a4be1949d8874d41cb40823207365"
             "7270656e74207574662d3820707974686f6e332e320a4e6f6e65"),
         Transport::Tcp, Sender::Server, "Pyro"},
        {"libvirt call",  // fresh5_libvirtd_283 frame 4
         hex("0000001c200080860000000100000042000000000000000000000000"), Transport::Tcp, Sender::Client,
         "libvirt RPC"},
        {"libvirt reply",  // fresh5_libvirtd_283 frame 6
         hex("000000242000808600000001000000420000000100000000000000000000000100000000"), Transport::Tcp,
         Sender::Server, "libvirt RPC"},
        {"binkp m_nul",  // fresh5_binkd_403 frame 4
         hex("800d00535953206576616c20636c69800f005a595a204576616c205379736f70800d004c4f43206c6f6f706261636b801500"
             "4e444c203131353230302c5443502c42494e4b5080250054494d45204d6f6e2c2020372044656320323032362031313a3239"
             "3a3132202b303030308023005645522062696e6b642f312e31612d3131352f4c696e75782062696e6b702f312e3180140120"
             "323a353032302f393938406669646f6e65748018004f5054204e444120455854434d4420435259505420475a"),
         Transport::Tcp, Sender::Client, "binkp"},
        {"conman hello",  // fresh5_conmand_283 frame 4
         raw("HELLO USER='root'\n"), Transport::Tcp, Sender::Client, "ConMan"},
        {"conman console",  // fresh5_conmand_283 frame 9
         raw("OK CONSOLE='evalcon'\n"), Transport::Tcp, Sender::Server, "ConMan"},
        {"dask handshake",  // fresh5_dask_scheduler_403 frame 4
         hex("3a0000000000000001000000000000002a0000000000000083ab636f6d7072657373696f6ec0a6707974686f6e93030b02af"
             "7069636b6c652d70726f746f636f6c05"),
         Transport::Tcp, Sender::Server, "Dask"},
        {"nebula handshake",  // fresh5_nebula_udp_283 frame 1
         hex("10000000000000000000000000000001e3d864b8f14f63adf849a4011c125146bdbb17b7037fdb35e30f536ebaa68e6eea19"
             "3b50beef0cc2e3cccb79e9c6f6cd5c3527a8ccb74cf8a8b7fd9e54966f390a9b010a88010a440a086576616c6e6f6465120a"
             "82c6a1850c80feffff0f28e2aadad80630e1f0e4d8064a20e00b218d908c774de7e6f2b77ef9d3e1ac5bdc70f79bff219309"
             "8c5dcf16b60a12404ca990e2f1edbe2159c53805b18ecacb7d0241b3dd3e8e5862e662517095fd21d12f4f9ee58ba3cc93d0"
             "3b2ef46a5cb7f6bb468e4fb3c2424b11fdb2cc3f770c1086db85970d28f9d9fff1b990bdf718"),
         Transport::Udp, Sender::Client, "Nebula"},
        {"guile banner",  // fresh5_guile_repl_283 frame 4
         raw("GNU Guile 3.0.8\nCopyright (C) 1995-2021 Free Software Foundation, Inc.\n\nGuile co"
             "mes with ABSOLUTELY NO WARRANTY; for details type `,show w'.\nThis program is fre"
             "e software, and you are welcome to redistribute it\nunder certain conditions; typ"
             "e `,show c' "),
         Transport::Tcp, Sender::Server, "Guile REPL"},
        // The platform's plumbing, control channels, plants and network control planes (issue 20's coverage by
        // design, written from the specifications before fresh6 was seen): octets as each specification lays
        // out its first messages
        {"dbus auth client", hex("00415554482045585445524e414c2033313330333033300d0a"),
         Transport::Tcp, Sender::Client, "D-Bus"},
        {"dbus auth server", raw("OK 8a3c5e2b9f1d4e6a7b8c9d0e1f2a3b4c\r\n"),
         Transport::Tcp, Sender::Server, "D-Bus"},
        {"dbus hello", hex("6c01000100000000010000006e00000001016f00150000002f6f72672f667265656465736b746f702f444275730000000601"
             "7300140000006f72672e667265656465736b746f702e444275730000000002017300140000006f72672e667265656465736b"
             "746f702e4442757300000000030173000500000048656c6c6f000000"),
         Transport::Tcp, Sender::Client, "D-Bus"},
        {"dbus hello reply", hex("6c0200010c000000010000003d000000050175000100000006017300040000003a312e300000000008016700017300000701"
             "7300140000006f72672e667265656465736b746f702e4442757300000000040000003a312e3000000000"),
         Transport::Tcp, Sender::Server, "D-Bus"},
        {"erlang send_name", hex("00126e0005003ffffd61406c6f63616c686f7374"),
         Transport::Tcp, Sender::Client, "Erlang distribution"},
        {"erlang status challenge", hex("0003736f6b00166e0005003ffffd1234567862406c6f63616c686f7374"),
         Transport::Tcp, Sender::Server, "Erlang distribution"},
        {"9p tversion", hex("1500000064ffff0000010008003950323030302e4c"),
         Transport::Tcp, Sender::Client, "9P"},
        {"9p rversion", hex("1500000065ffff0000010008003950323030302e4c"),
         Transport::Tcp, Sender::Server, "9P"},
        {"usbip devlist request", hex("0111800500000000"),
         Transport::Tcp, Sender::Client, "USB/IP"},
        {"usbip devlist reply", hex("0111000500000000000000012f7379732f646576696365732f706369303030303a30302f303030303a30303a31642e302f75"
             "7362322f322d3100000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000322d310000000000000000000000000000000000000000000000000000000000"
             "0000000200000002000000031d6b0104010000000001010103010100"),
         Transport::Tcp, Sender::Server, "USB/IP"},
        {"thrift call", hex("00000011800100010000000470696e670000000100"),
         Transport::Tcp, Sender::Client, "Thrift"},
        {"thrift reply", hex("00000011800100020000000470696e670000000100"),
         Transport::Tcp, Sender::Server, "Thrift"},
        {"msgpack-rpc request", hex("940001b16e76696d5f6765745f6170695f696e666f90"),
         Transport::Tcp, Sender::Client, "MessagePack-RPC"},
        {"msgpack-rpc response", hex("940101c0920181a776657273696f6e83a56d616a6f7200a56d696e6f7207a5706174636802"),
         Transport::Tcp, Sender::Server, "MessagePack-RPC"},
        {"qmp greeting", raw("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 19, \"minor\": 2, \"major\": 7}, \"package\": \"D"
             "ebian 1:7.2+dfsg-7+deb12u7\"}, \"capabilities\": [\"oob\"]}}\r\n"),
         Transport::Tcp, Sender::Server, "QEMU QMP"},
        {"qmp command", raw("{ \"execute\": \"qmp_capabilities\" }\r\n"),
         Transport::Tcp, Sender::Client, "QEMU QMP"},
        {"qemu monitor banner", raw("QEMU 7.2.19 monitor - type 'help' for more information\r\n(qemu) "),
         Transport::Tcp, Sender::Server, "QEMU monitor"},
        {"tor protocolinfo", raw("PROTOCOLINFO 1\r\n"),
         Transport::Tcp, Sender::Client, "Tor control"},
        {"tor protocolinfo reply", raw("250-PROTOCOLINFO 1\r\n250-AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE=\"/run/tor/control.authcooki"
             "e\"\r\n250-VERSION Tor=\"0.4.7.16\"\r\n250 OK\r\n"),
         Transport::Tcp, Sender::Server, "Tor control"},
        {"dovecot client handshake", raw("VERSION\t1\t2\nCPID\t4242\n"),
         Transport::Tcp, Sender::Client, "Dovecot auth"},
        {"dovecot server handshake", raw("VERSION\t1\t2\nMECH\tPLAIN\tplaintext\nMECH\tLOGIN\tplaintext\nSPID\t1234\nCUID\t1\nCOOKIE\t0123"
             "456789abcdef0123456789abcdef\nDONE\n"),
         Transport::Tcp, Sender::Server, "Dovecot auth"},
        {"sam hello", raw("HELLO VERSION MIN=3.0 MAX=3.3\n"),
         Transport::Tcp, Sender::Client, "I2P SAM"},
        {"sam hello reply", raw("HELLO REPLY RESULT=OK VERSION=3.3\n"),
         Transport::Tcp, Sender::Server, "I2P SAM"},
        {"amanda request", raw("Amanda 3.5 REQ HANDLE 000-00000000 SEQ 1607000000\nSECURITY USER amanda\nSERVICE noop\nOPTIONS f"
             "eatures=ffff;\n\n"),
         Transport::Udp, Sender::Client, "Amanda"},
        {"amanda ack", raw("Amanda 3.5 ACK HANDLE 000-00000000 SEQ 1607000000\n"),
         Transport::Udp, Sender::Server, "Amanda"},
        {"icap options", raw("OPTIONS icap://127.0.0.1:1344/echo ICAP/1.0\r\nHost: 127.0.0.1\r\nEncapsulated: null-body=0\r\n\r"
             "\n"),
         Transport::Tcp, Sender::Client, "ICAP"},
        {"icap options reply", raw("ICAP/1.0 200 OK\r\nMethods: RESPMOD, REQMOD\r\nService: C-ICAP/0.5.10 server - Echo demo service"
             "\r\nISTag: \"CI0001-XXXXXXXXX\"\r\nEncapsulated: null-body=0\r\n\r\n"),
         Transport::Tcp, Sender::Server, "ICAP"},
        {"gnutella connect", raw("GNUTELLA CONNECT/0.6\r\nUser-Agent: gtk-gnutella/1.2.2\r\nX-Ultrapeer: False\r\n\r\n"),
         Transport::Tcp, Sender::Client, "Gnutella"},
        {"gnutella ok", raw("GNUTELLA/0.6 200 OK\r\nUser-Agent: gtk-gnutella/1.2.2\r\n\r\n"),
         Transport::Tcp, Sender::Server, "Gnutella"},
        {"opcua hello", hex("48454c46380000000000000000000100000001000000000000000000180000006f70632e7463703a2f2f3132372e302e302e"
             "313a34383430"),
         Transport::Tcp, Sender::Client, "OPC UA"},
        {"opcua acknowledge", hex("41434b461c0000000000000000000100000001000000000000000000"),
         Transport::Tcp, Sender::Server, "OPC UA"},
        {"enip register session", hex("65000400000000000000000000000000000000000000000001000000"),
         Transport::Tcp, Sender::Client, "EtherNet/IP"},
        {"enip list identity", hex("630000000000000000000000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "EtherNet/IP"},
        {"bacnet who-is", hex("810b000c0120ffff00ff1008"),
         Transport::Udp, Sender::Client, "BACnet/IP"},
        {"bacnet i-am", hex("810b00180120ffff00ff1000c4020000012205c49100210f"),
         Transport::Udp, Sender::Server, "BACnet/IP"},
        {"iec104 startdt act", hex("680407000000"),
         Transport::Tcp, Sender::Client, "IEC 60870-5-104"},
        {"iec104 interrogation", hex("680e0200020064010600010000000014"),
         Transport::Tcp, Sender::Client, "IEC 60870-5-104"},
        {"openflow hello", hex("0400001000000001000100080000001e"),
         Transport::Tcp, Sender::Client, "OpenFlow"},
        {"bfd down", hex("204003180000000100000000000f4240000f424000000000"),
         Transport::Udp, Sender::Client, "BFD"},
        {"gtpv1 echo request", hex("320100040000000000010000"),
         Transport::Udp, Sender::Client, "GTP"},
        {"gtpv1 echo response", hex("3202000600000000000100000e00"),
         Transport::Udp, Sender::Server, "GTP"},
        {"gtpv2 echo request", hex("40010009000001000300010005"),
         Transport::Udp, Sender::Client, "GTPv2"},
        {"icp query", hex("0102002b0000000100000000000000000000000000000000687474703a2f2f3132372e302e302e312f7800"),
         Transport::Udp, Sender::Client, "ICP"},
        {"nrepl clone", raw("d2:id1:12:op5:clonee"),
         Transport::Tcp, Sender::Client, "nREPL"},
        {"nrepl new session", raw("d2:id1:111:new-session36:8c1d0a0e-8a7f-4cf0-9d4f-3c8b3d2a9f1e7:session36:0d7c6a4b-2a1e-4f8c-9b6d"
             "-1e3f5a7c9b2d6:statusl4:doneee"),
         Transport::Tcp, Sender::Server, "nREPL"},
        {"sp req header", hex("0053500000300000000000000000000568656c6c6f"),
         Transport::Tcp, Sender::Client, "nanomsg SP"},
        {"dbgp init", hex("333036003c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d2269736f2d383835392d31223f3e0a3c69"
             "6e697420786d6c6e733d2275726e3a64656275676765725f70726f746f636f6c5f76312220786d6c6e733a7864656275673d"
             "2268747470733a2f2f7864656275672e6f72672f646267702f786465627567222066696c657572693d2266696c653a2f2f2f"
             "7661722f7777772f696e6465782e70687022206c616e67756167653d2250485022207864656275673a6c616e67756167655f"
             "76657273696f6e3d22382e322e37222070726f746f636f6c5f76657273696f6e3d22312e30222061707069643d2234323432"
             "223e3c656e67696e652076657273696f6e3d22332e322e30223e3c215b43444154415b5864656275675d5d3e3c2f656e6769"
             "6e653e3c2f696e69743e00"),
         Transport::Tcp, Sender::Client, "DBGp"},
        {"dbgp feature_set", hex("666561747572655f736574202d692031202d6e206d61785f6465707468202d76203100666561747572655f676574202d6920"
             "32202d6e20737570706f7274735f6173796e6300"),
         Transport::Tcp, Sender::Server, "DBGp"},
        {"spice link", hex("5245445102000000020000001a0000000000000001000100000001000000120000000b00000009000000"),
         Transport::Tcp, Sender::Client, "SPICE"},
        {"spice link reply", hex("524544510200000002000000ba0000000000000030819f000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "00000000000000000000000000000000000000000000000000000000000000000100000001000000b20000000b0000000900"
             "0000"),
         Transport::Tcp, Sender::Server, "SPICE"},
        {"xrootd handshake", hex("00000000000000000000000000000004000007dc00000bbe0000052002030000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "XRootD"},
        {"xrootd answer", hex("0000000000000008000005200000000100000000000000080000052000000001"),
         Transport::Tcp, Sender::Server, "XRootD"},
        {"quake getstatus", hex("ffffffff6765747374617475730a"),
         Transport::Udp, Sender::Client, "Quake III"},
        {"quake statusresponse", hex("ffffffff737461747573526573706f6e73650a5c73765f686f73746e616d655c67686f73745c6d61706e616d655c7133646d"
             "31375c73765f6d6178636c69656e74735c380a302031322022706c61796572220a"),
         Transport::Udp, Sender::Server, "Quake III"},
        {"source a2s_info", hex("ffffffff54536f7572636520456e67696e6520517565727900"),
         Transport::Udp, Sender::Client, "Source engine query"},
        {"minetest hello", hex("4f45740300000003ffdc0100021c0000000000"),
         Transport::Udp, Sender::Client, "Minetest"},
        {"rtpengine ping", raw("5323_1 d7:command4:pinge"),
         Transport::Udp, Sender::Client, "rtpengine NG"},
        {"rtpengine pong", raw("5323_1 d6:result4:ponge"),
         Transport::Udp, Sender::Server, "rtpengine NG"},
        {"mgcp auep", raw("AUEP 1201 aaln/1@gw.example.net MGCP 1.0\r\nF: A\r\n"),
         Transport::Udp, Sender::Client, "MGCP"},
        {"gelf message", raw("{\"version\":\"1.1\",\"host\":\"ghost\",\"short_message\":\"disk almost full\",\"level\":4,\"_fa"
             "cility\":\"kern\"}"),
         Transport::Udp, Sender::Client, "GELF"},
        {"quic initial", hex("c3000000010852f22665a60c12d20000449e09166f6b113d178d6c0fd3901ff239a1a095f20f9395650cf9380b8edb224a6b"
             "248a1e924e8fd0ae2e1a9492a3305f188cb610900f9e347fae886dc6507795ec745c4c3fcb2eb2c73e14934c867ee057ba72"
             "499bfa121e836b2ac15726ee7d6b0af6ab13c38e92cae0d15057b159987f94cc7411d717f14579b2aa100fbbb34fa593feae"
             "d27248b762e3ab5805f0765a2b9c1d7e0f37c44921bd3f6564eadf7f142a72668c47e223d16edd8c47b46afc5baee261f53b"
             "26152d263ba83b037cd4962e434801256b885e9c9051f320b0db83f39ea7adbd0d74e6dec7f3dfaecc8f646566641a7ba266"
             "0f3011fc3570291c57990d1a0091268919f25d9d0612df359d6026a240f4589a5d791f1dd97cfefa777a7b4f15241abf57bd"
             "437ad4b129840534f3f3875c25b08bea06c2874cfaa4dd17b2d842845de82a5bc539888ac78054a2399ccfc9fcc2da31ce3d"
             "d166bdcd3a33847e5bbb07fd07ca47784231b19af45872ceefb9fc59f4f95d14381a3a783256347b9ffce69cd7007ae8a758"
             "cca415d5a91ee863c8b6c0337ae32d6fcaa25516cdf2f8b8657666bef215b9282bfe20072697e777cea7259cd398fa79a8ef"
             "59278c8c210503ccf8b9a61a86bfef236ffcdf31d3df360740364a803dc39653428b6bd5210fe8bd5ae575a995d0e7846bd3"
             "eae080218826868204df70c62e9b01c6cc262c24799eb91e8e0f53ae84878e7bc8c61be28f0e3f30460ac51981738f07c2e4"
             "e91071539cf9819b8333b146738288ce7a81f13fb285e0e0f1ed42ec8fe4f133d772236a1f64715012ab3d6d1236ab4dc81f"
             "e5c627f0b7a4a95d2440e223f77738bff31865e27c29fdaad53929b46efe8367566b325b5117b85d04568d7570b404625484"
             "9f4b83f5101cfcebc93af8e01a1543450ae7c72e45c121d16cd9e9add1f242672689eb83927eb35316470eccb02e6ce51244"
             "f004a216cd42159bdb381143dc1f740256fe8d6aedea449f210b86b53df01cf829430c2e33ee4fa04e87c2344a7280ac2d45"
             "58cd04fe40090304bb818dfa3083793eef721ba8d1a66ea87e8bd5e364f8814eb037fb3a5732d5e1b4baa22367fd58fb0dd6"
             "210312a0bde1416e290e15aad761de81abf848993eb14b0b752f28447200435df654f8fc8c523e08f7e14f375b2e00556115"
             "794780a7333f81c6011743d1162466960a64054c4da13b1595f587dac027a8e4b7c8e19863c353b8fc7e2648b99ea4250bd3"
             "d5b7e483a06dbbb3cf8123e886c08191d5d0cd04d3af95cce4b6aef4b1a43a15070a22a35cf51a60d5738e0ca004a088ae3e"
             "7d430074cc11bfee80e58917a88610bebc7940cf13d8433cbac1343bbda6f9757ed861137ae9af49c40b9da1a43213992554"
             "41a6beb14d9f9122037b0f7c44f8ac19b137ac7d4ab58449767777c41efee48c334ffa15ef79044a7513d181f7fe73fe4463"
             "35eaf2ee3513941724bf8643f35c219ad1a18247e31cb45d3b7fe5e07c64062800f37dae73674dba246a5860501ed7540053"
             "c056d6651ef0ed32b603e6bd4a405f106463ffde96135cec6dc146da0c471a0dd5a949a2ef263ff8446f825030c55fc8f46d"
             "e207cfc2a166e9e0f08d8c34b8140ceebb69739dc023a4de497c0ce9ed8c202b786a57484c41bdbdf9a74267a73d4d7b8eab"),
         Transport::Udp, Sender::Client, "QUIC"},
        {"quic server initial handshake", hex("c100000001000889185d950ee88136004075641e2aa429133580e7cf7f8c3873e855ffc2736d238c313e172c578e17513d5e"
             "42cf9133e305bfde696269be8635604556c00f7f4793f75c20af8087a1cadcd9371745e53f6266a5726ef44fd9d0dff70520"
             "086cb5c3e5cd79f7967d001264eeededd387da77f8723fc81b39272685f8ae1bf1d3b8e100000001000889185d950ee88136"
             "412cb3a5d8c3e575158dc60a00c8203b91eb09a5b74df620a04087a26fb2c31c19124c86f19531634239ca990002894dff75"
             "47f550a5d6e23e79863c8c3f07f569b4a64e0e05317fe2aca56b14413aaa6cec5e3a7e08b256b76b5cae653201cc4abdd881"
             "11347ef8334fc4d1313b773843c2e34b1bf39f7e9c2fe5397c6ae9aa0ef29825ec640d3606f998246a0db50f2f6473e5b6e2"
             "50bb1cff14ee2a54302fa7ef86bf77084faab960d65ffc54712b1b00144714596bf4e21f8ff6c235615bc4d24fd2cd6e160c"
             "b479325f8aeb7231525dbce57907a1693fcfa0c4670a60087610cdeb0f4131bf10e69b565c4555f5f49d0b43bfb7b051ec46"
             "4c00b8c198eacea2f2f11006d33b1b79b7f477f4c662ca40e96ed07e21ed7f2e02cdeebd4dd2b1c5269b3c53dc51755cc8c8"
             "9814"),
         Transport::Udp, Sender::Server, "QUIC"},
        {"openwire wireformatinfo", hex("0000001a014163746976654d510000000c01000000080000000100000000"),
         Transport::Tcp, Sender::Client, "OpenWire (ActiveMQ)"},
        {"cql startup", hex("0400000001000000160001000b43514c5f56455253494f4e0005332e302e30"),
         Transport::Tcp, Sender::Client, "CQL (Cassandra)"},
        {"cql supported", hex("8400000006000000340002000b434f4d5052455353494f4e00020006736e6170707900036c7a34000b43514c5f5645525349"
             "4f4e00010005332e342e35"),
         Transport::Tcp, Sender::Server, "CQL (Cassandra)"},
        {"firebird connect", hex("00000001000000130000000300000001000000272f7661722f6c69622f66697265626972642f332e302f646174612f656d70"
             "6c6f7965652e6664620000000002000000110106737973646261040567686f737406000000000000800d0000000100000000"
             "00000005000000020000800e00000001000000000000000500000004"),
         Transport::Tcp, Sender::Client, "Firebird"},
        {"firebird accept", hex("000000030000800e0000000100000005"),
         Transport::Tcp, Sender::Server, "Firebird"},
        {"uwsgi request", hex("006800000e00524551554553545f4d4554484f4403004745540b00524551554553545f55524901002f0900504154485f494e"
             "464f01002f0f005345525645525f50524f544f434f4c0800485454502f312e310900485454505f484f53540d003132372e30"
             "2e302e313a323833"),
         Transport::Tcp, Sender::Client, "uWSGI"},
        {"livestatus query", raw("GET hosts\nColumns: name state\nOutputFormat: json\nResponseHeader: fixed16\n\n"),
         Transport::Tcp, Sender::Client, "Livestatus"},
        {"livestatus answer", raw("200          14\n[[\"ghost\",0]]\n"),
         Transport::Tcp, Sender::Server, "Livestatus"},
        {"bob greeting", raw("BOB 00.00.10\nOK\n"),
         Transport::Tcp, Sender::Server, "I2P BOB"},
        {"openvpn management banner", raw(">INFO:OpenVPN Management Interface Version 3 -- type 'help' for more info\r\n"),
         Transport::Tcp, Sender::Server, "OpenVPN management"},
        {"ws-discovery probe", raw("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/"
             "soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsd=\"http:"
             "//schemas.xmlsoap.org/ws/2005/04/discovery\"><soap:Header><wsa:To>urn:schemas-xmlsoap-org:ws:200"
             "5:04:discovery</wsa:To><wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</wsa:Ac"
             "tion><wsa:MessageID>urn:uuid:0a6dc791-2be6-4991-9af1-454778a1917a</wsa:MessageID></soap:Header><"
             "soap:Body><wsd:Probe><wsd:Types>wsdp:Device</wsd:Types></wsd:Probe></soap:Body></soap:Envelope>"),
         Transport::Udp, Sender::Client, "WS-Discovery"},
        {"zephyr notice", hex("5a455048302e3200307830303030303031310030783030303030303032003078374630303030303120307835463545313030"
             "302030783030303145323430003078303030304142434400"),
         Transport::Udp, Sender::Client, "Zephyr"},
        {"carbon pickle", hex("0000002b80025d710028550b666f6f2e6261722e62617a71014a801fd75f474045000000000000867102867103612e"),
         Transport::Tcp, Sender::Client, "Graphite"},
        {"snapcast hello", hex("050000000000e049356940e201000000000000000000ce000000ca0000007b2241726368223a227838365f3634222c22436c"
             "69656e744e616d65223a22536e6170636c69656e74222c22486f73744e616d65223a2267686f7374222c224944223a223030"
             "3a31313a32323a33333a34343a3535222c22496e7374616e6365223a312c224d4143223a2230303a31313a32323a33333a34"
             "343a3535222c224f53223a2244656269616e20474e552f4c696e7578203132222c22536e617053747265616d50726f746f63"
             "6f6c56657273696f6e223a322c2256657273696f6e223a22302e32362e30227d"),
         Transport::Tcp, Sender::Client, "Snapcast"},
        {"dap initialize", raw("Content-Length: 126\r\n\r\n{\"seq\":1,\"type\":\"request\",\"command\":\"initialize\",\"argument"
             "s\":{\"clientID\":\"vscode\",\"adapterID\":\"debugpy\",\"linesStartAt1\":true}}"),
         Transport::Tcp, Sender::Client, "Debug Adapter Protocol"},
        {"dap initialize response", raw("Content-Length: 130\r\n\r\n{\"seq\":1,\"type\":\"response\",\"request_seq\":1,\"success\":true,\""
             "command\":\"initialize\",\"body\":{\"supportsConfigurationDoneRequest\":true}}"),
         Transport::Tcp, Sender::Server, "Debug Adapter Protocol"},
        {"gqtp status", hex("c70000000002000000000006000000000000000000000000737461747573"),
         Transport::Tcp, Sender::Client, "GQTP (Groonga)"},
        {"gqtp status reply", hex("c700000000020000000000490000000000000000000000007b22616c6c6f635f636f756e74223a3135302c22737461727474"
             "696d65223a313736353130303030302c22757074696d65223a31322c2276657273696f6e223a2231322e312e30227d"),
         Transport::Tcp, Sender::Server, "GQTP (Groonga)"},
        {"rtl_tcp greeting", hex("52544c30000000050000001d7f807e81827d7f80"),
         Transport::Tcp, Sender::Server, "rtl_tcp"},
        {"sbs feed", raw("MSG,3,1,1,4CA2D6,1,2026/12/07,15:01:02.123,2026/12/07,15:01:02.140,,36000,,,53.24583,-6.19528,,,"
             "0,0,0,0\r\nMSG,4,1,1,4CA2D6,1,2026/12/07,15:01:02.201,2026/12/07,15:01:02.210,,,420,227,,,64,,,,"
             ",0\r\n"),
         Transport::Tcp, Sender::Server, "ADS-B feed (dump1090)"},
        {"avr feed", raw("*8D4CA2D6589BB2C35A7BD1E93C42;\n*5D4CA2D6A7A3C1;\n"),
         Transport::Tcp, Sender::Server, "ADS-B feed (dump1090)"},
        // H2, PowerMan, sccache and Virtuoso from the fresh6 recordings, written after its one measurement (the set is spent)
        {"h2 client hello",  // fresh6_h2_server_403 frame 4
         hex("000000110000001400000006006500760061006c0064006200000022006a006400620063003a00680032003a007400630070"
             "003a002f002f003100320037002e0030002e0030002e0031003a003400300033002f006500760061006c0064006200000008"
             "004500560041004c0055005300450052000000201e1cf44bb4de1e901fc794f03ee6002f738e419829ba71ef5be767f41917"
             "0d06ffffffff00000000"),
         Transport::Tcp, Sender::Client, "H2 database"},
        {"powerman greeting",  // fresh6_powermand_403 frame 4
         raw("001 2.3.27\r\npowerman> "),
         Transport::Tcp, Sender::Server, "PowerMan"},
        {"powerman status",  // fresh6_powermand_403 frame 8
         raw("302 on:      \r\n302 off:     evalnode[0-15]\r\n302 unknown: \r\n103 Query complete\r\npowerman>"
             " "),
         Transport::Tcp, Sender::Server, "PowerMan"},
        {"virtuoso caller identification",  // fresh6_virtuoso_403 frame 13
         hex("c1bc05bc01bc00bc00b51563616c6c65725f6964656e74696669636174696f6ec1bc01bc00"),
         Transport::Tcp, Sender::Client, "Virtuoso"},
        {"sccache compile",  // fresh6_sccache_283 frame 4
         hex("00000a5504000000000000000c000000000000002f7573722f62696e2f6763630000000026000000000000002f746d702f67"
             "686f73742d6672657368365f736363616368655f3238332e6f30335f74357a32040000000000000000000000020000000000"
             "00002d6300000000070000000000000067686f73742e630000000002000000000000002d6f00000000070000000000000067"
             "686f73742e6f2900000000000000000000000a0000000000000049535f53414e44424f580000000003000000000000007965"
             "730000000005000000000000005348454c4c0000000009000000000000002f62696e2f626173680000000010000000000000"
             "00505954484f4e554e42554646455245440000000001000000000000003100000000120000000000000054465f434c495f43"
             "4f4e4649475f46494c450000000012000000000000002f726f6f742f2e7465727261666f726d726300000000130000000000"
             "00004e4f44455f45585452415f43415f43455254530000000022000000000000002f6574632f73736c2f63657274732f6361"
             "2d6365727469666963617465732e637274000000000e00000000000000434f4e5441494e45525f4e414d4500000000180000"
             "00000000007569642d687672787a782d636a686b62762d66726b787166000000000300000000000000505744000000000c00"
             "0000000000002f776f726b2f667265736836000000000400000000000000484f4d450000000026000000000000002f746d70"
             "2f67686f73742d6672657368365f736363616368655f3238332e6f30335f74357a32000000000e000000000000004749545f"
             "53534c5f4341494e464f0000000022000000000000002f6574632f73736c2f63657274732f63612d63657274696669636174"
             "65732e6372740000000004000000000000004c414e47000000000700000000000000432e5554462d38000000002200000000"
             "000000434c4f554453444b5f434f52455f435553544f4d5f43415f43455254535f46494c450000000022000000000000002f"
             "6574632f73736c2f63657274732f63612d6365727469666963617465732e637274000000000c0000000000000053534c5f43"
             "4552545f444952000000000e000000000000002f6574632f73736c2f63657274730000000011000000000000004e49585f53"
             "534c5f434552545f46494c450000000022000000000000002f6574632f73736c2f63657274732f63612d6365727469666963"
             "617465732e6372740000000013000000000000005049505f44454641554c545f54494d454f55540000000003000000000000"
             "003138300000000004000000000000005445524d000000000500000000000000787465726d00000000130000000000000052"
             "55535455505f4155544f5f494e5354414c4c00000000010000000000000030000000000e000000000000004355524c5f4341"
             "5f42554e444c450000000022000000000000002f6574632f73736c2f63657274732f63612d6365727469666963617465732e"
             "637274000000001d000000000000005049505f44495341424c455f5049505f56455253494f4e5f434845434b000000000100"
             "00000000000031000000000c000000000000004c4942524152595f50415448000000001b000000000000002f7573722f6c6f"
             "63616c2f637564612f6c696236342f737475627300000000050000000000000053484c564c00000000010000000000000032"
             "000000001700000000000000505954484f4e444f4e54575249544542595445434f4445000000000100000000000000310000"
             "00001100000000000000434c4f55445f53444b5f56455253494f4e0000000007000000000000003532382e302e3000000000"
             "0d0000000000000053534c5f434552545f46494c450000000022000000000000002f6574632f73736c2f63657274732f6361"
             "2d6365727469666963617465732e637274000000000a000000000000005059454e565f524f4f54000000000c000000000000"
             "002f726f6f742f2e7079656e760000000018000000000000004e56504c5f424c41535f44454255475f4350555f5459504500"
             "0000000100000000000000310000000008000000000000005049505f434552540000000022000000000000002f6574632f73"
             "736c2f63657274732f63612d6365727469666963617465732e63727400000000120000000000000052455155455354535f43"
             "415f42554e444c450000000022000000000000002f6574632f73736c2f63657274732f63612d636572746966696361746573"
             "2e637274000000000900000000000000435544415f484f4d45000000000f000000000000002f7573722f6c6f63616c2f6375"
             "6461000000000d000000000000004157535f43415f42554e444c450000000022000000000000002f6574632f73736c2f6365"
             "7274732f63612d6365727469666963617465732e637274000000000e000000000000005049505f46494e445f4c494e4b5300"
             "0000000b000000000000002f6f70742f776865656c730000000004000000000000005041544800000000c200000000000000"
             "2f726f6f742f2e636172676f2f62696e3a2f726f6f742f2e636172676f2f62696e3a2f726f6f742f2e7079656e762f706c75"
             "67696e732f7079656e762d7669727475616c656e762f7368696d733a2f726f6f742f2e7079656e762f7368696d733a2f726f"
             "6f742f2e7079656e762f62696e3a2f7573722f6c6f63616c2f637564612f62696e3a2f7573722f6c6f63616c2f7362696e3a"
             "2f7573722f6c6f63616c2f62696e3a2f7573722f7362696e3a2f7573722f62696e3a2f7362696e3a2f62696e000000001100"
             "000000000000485454504c4942325f43415f43455254530000000022000000000000002f6574632f73736c2f63657274732f"
             "63612d6365727469666963617465732e637274000000000e00000000000000525553545f4241434b54524143450000000001"
             "0000000000000031000000002000000000000000475250435f44454641554c545f53534c5f524f4f54535f46494c455f5041"
             "54480000000022000000000000002f6574632f73736c2f63657274732f63612d6365727469666963617465732e6372740000"
             "00000f0000000000000044454249414e5f46524f4e54454e44000000000e000000000000006e6f6e696e7465726163746976"
             "650000000006000000000000004f4c44505744000000000a000000000000002f776f726b2f6d61696e000000000100000000"
             "0000005f0000000010000000000000002f7573722f62696e2f74696d656f7574000000000b00000000000000534343414348"
             "455f444952000000002c000000000000002f746d702f67686f73742d6672657368365f736363616368655f3238332e6f3033"
             "5f74357a322f6361636865000000001300000000000000534343414348455f5345525645525f504f52540000000003000000"
             "00000000323833000000001400000000000000534343414348455f49444c455f54494d454f55540000000001000000000000"
             "0030000000001100000000000000534343414348455f4552524f525f4c4f470000000038000000000000002f746d702f6768"
             "6f73742d6672657368365f736363616368655f3238332e6f30335f74357a322f736363616368652d6572726f722e6c6f67"),
         Transport::Tcp, Sender::Client, "sccache"},
        // rows by design before fresh7 was seen: octets laid out as each specification lays its messages out
        {"dicom associate rq",  // PS3.8 9.3.2: echoscu's A-ASSOCIATE-RQ for Verification
         hex("0100000000cd00010000414e592d5343502020202020202020204543484f5343552020202020202020200000000000000000"
             "00000000000000000000000000000000000000000000000010000015312e322e3834302e31303030382e332e312e312e3120"
             "00002e0100000030000011312e322e3834302e31303030382e312e3140000011312e322e3834302e31303030382e312e3250"
             "00003a51000004000040005200001b312e322e3237362e302e373233303031302e332e302e332e362e375500000f4f464649"
             "535f44434d544b5f333637"),
         Transport::Tcp, Sender::Client, "DICOM"},
        {"dicom associate ac",  // PS3.8 9.3.3: the A-ASSOCIATE-AC accepting it
         hex("0200000000b800010000414e592d5343502020202020202020204543484f5343552020202020202020200000000000000000"
             "00000000000000000000000000000000000000000000000010000015312e322e3834302e31303030382e332e312e312e3121"
             "0000190100000040000011312e322e3834302e31303030382e312e325000003a51000004000040005200001b312e322e3237"
             "362e302e373233303031302e332e302e332e362e375500000f4f464649535f44434d544b5f333637"),
         Transport::Tcp, Sender::Server, "DICOM"},
        {"dicom p-data",  // PS3.8 9.3.5: a P-DATA-TF with one command PDV (C-ECHO-RQ)
         hex("0400000000430000003f01030000000004000000380000000000020012000000313238343031303030383131000000000100"
             "0200300000000001100200010000000800000201000000"),
         Transport::Tcp, Sender::Client, "DICOM"},
        {"giop request",  // CORBA 3.0 15.4.2: a GIOP 1.2 Request (_is_a on the NameService key), little-endian
         hex("47494f50010201005b0000000200000003000000000000000b0000004e616d655365727669636500060000005f69735f6100"
             "000000000000000000002700000049444c3a6f6d672e6f72672f436f734e616d696e672f4e616d696e67436f6e746578743a"
             "312e30"),
         Transport::Tcp, Sender::Client, "GIOP"},
        {"giop reply",  // CORBA 3.0 15.4.3: its Reply, NO_EXCEPTION, a boolean true
         hex("47494f50010201011000000002000000000000000000000001000000"),
         Transport::Tcp, Sender::Server, "GIOP"},
        {"giop close",  // CORBA 3.0 15.4.6: a GIOP 1.0 CloseConnection
         hex("47494f500100000500000000"),
         Transport::Tcp, Sender::Server, "GIOP"},
        {"ceph msgr1 server",  // msgr v1: the banner, the monitor's address and the peer's as seen
         hex("636570682076303237000000000000000000021a857f00000100000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000002c8227f000001000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "00000000000000000000000000000000000000000000000000000000000000"),
         Transport::Tcp, Sender::Server, "Ceph"},
        {"ceph msgr1 client",  // msgr v1: the client's banner and its address
         hex("63657068207630323700000000d2040000000200007f00000100000000000000000000000000000000000000000000000000"
             "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
             "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "Ceph"},
        {"ceph msgr2 banner",  // doc/dev/msgr2.rst: banner, length 16, supported (revision 1) and required features
         hex("636570682076320a100001000000000000000000000000000000"),
         Transport::Tcp, Sender::Client, "Ceph"},
        {"isns devattrreg",  // RFC 4171 5.6.5.1: DevAttrReg, source, delimiter, entity and iSCSI node attributes
         hex("0001000100888c0000010000000000200000002069716e2e323032362d31322e6f72672e67686f73743a7461726765740000"
             "00000000000000000000000000010000001067686f73742d656e746974790000000000000002000000040000000200000020"
             "0000002069716e2e323032362d31322e6f72672e67686f73743a74617267657400000000000000210000000400000001"),
         Transport::Tcp, Sender::Client, "iSNS"},
        {"isns devattrregrsp",  // RFC 4171 5.7.5.1: its response, status 0 (successful)
         hex("0001800100444c000001000000000000000000200000002069716e2e323032362d31322e6f72672e67686f73743a74617267"
             "657400000000000000010000001067686f73742d656e7469747900000000"),
         Transport::Tcp, Sender::Server, "iSNS"},
        {"rpki-rtr reset query",  // RFC 8210 5.4: Reset Query, version 1
         hex("0102000000000008"),
         Transport::Tcp, Sender::Client, "RPKI-RTR"},
        {"rpki-rtr cache answer",  // RFC 8210 5.5-5.8: Cache Response, an IPv4 and an IPv6 prefix, End of Data
         hex("0103123400000008010400000000001401181800c00002000000fbf401060000000000200120300020010db8000000000000"
             "0000000000000000fbf501071234000000180000000100000e100000025800001c20"),
         Transport::Tcp, Sender::Server, "RPKI-RTR"},
        {"ipa ccm id get",  // libosmo-abis: the BSC's CCM ID_GET (unit id, MAC address)
         hex("0005fe0401080107"),
         Transport::Tcp, Sender::Server, "IPA (Osmocom)"},
        {"ipa ccm id resp",  // its ID_RESP (unit id 1801/0/0), then a PING
         hex("000dfe05000a08313830312f302f30000001fe00"),
         Transport::Tcp, Sender::Client, "IPA (Osmocom)"},
        {"ipa osmo ctrl",  // Osmocom CTRL over IPA (extension 0): GET 1 bsc.number-of-bts
         hex("0018ee004745542031206273632e6e756d6265722d6f662d627473"),
         Transport::Tcp, Sender::Client, "IPA (Osmocom)"},
        {"mactelnet begin auth",  // mactelnet: DATA with the control packets BEGINAUTH and ENCRYPTIONKEY (empty)
         hex("010102000000000102000000000200152a2a00000000563412ff0000000000563412ff0100000000"),
         Transport::Udp, Sender::Client, "MAC-Telnet"},
        {"sap announcement",  // RFC 2974 6: an announcement of an SDP session, IPv4 source, no authentication
         hex("20004a2b7f0000016170706c69636174696f6e2f73647000763d300d0a6f3d2d203339313338363234303020333931333836"
             "3234303020494e20495034203132372e302e302e310d0a733d67686f73742073747265616d0d0a633d494e20495034203233"
             "392e3235352e31322e34322f3235350d0a743d3020300d0a6d3d617564696f2035303034205254502f41565020300d0a"),
         Transport::Udp, Sender::Client, "SAP"},
        {"dlt messages",  // PRS DLT: a verbose info log message (string hello) and a control response, ECU1, DA1 / DC1
         hex("35000022454355310001e2404101444131004443310000020000060068656c6c6f003501003a454355310001e24126014441"
             "31004443310013000000001b000000444c54205061636b6167652056657273696f6e3a20322e31382e38"),
         Transport::Tcp, Sender::Server, "DLT (AUTOSAR)"},
        {"enet connect",  // enet protocol.h: CONNECT from peer 0FFF with the sent time, MTU 1400, window 32768, 3 channels
         hex("8fff123482ff00010000ffff00000578000080000000000300000000000000000000138800000002000000025eed12340000"
             "0000"),
         Transport::Udp, Sender::Client, "ENet"},
        {"enet verify connect",  // its answer: ACKNOWLEDGE of the CONNECT, VERIFY_CONNECT
         hex("8000124001ff00010001123483ff000100000000000005780000800000000003000000000000000000001388000000020000"
             "00025eed1234"),
         Transport::Udp, Sender::Server, "ENet"},
        // From fresh7's recordings, after its one measurement
        {"z3950 init request",  // fresh7_yaz_ztest_283 frame 4: yaz-client's InitializeRequest with an idPass
         hex("b46d830200e0840300e9a2850404000000860404000000a719301781077a726561646572820c5a333935302d733363726574"
             "9f6e0238319f6f0359415a9f702f352e33342e30206465633063386130623736323133323436386363383236346331623232"
             "3065616531633637626437"),
         Transport::Tcp, Sender::Client, "Z39.50"},
        {"z3950 init response",  // fresh7_yaz_ztest_283 frame 6: ztest's InitializeResponse (GFS/YAZ 5.34.0)
         hex("b559830200e0840300e9a28504040000008604040000008c01019f6e0238319f6f074746532f59415a9f702f352e33342e30"
             "2064656330633861306237363231333234363863633832363463316232323065616531633637626437"),
         Transport::Tcp, Sender::Server, "Z39.50"},
        {"lbcd reply",  // fresh7_lbcd_udp_403 frame 2: lbcd's load report (no service asked: one weight pair)
         hex("00030000000100016b1688746b170b9500000000000a00360070000000000000484800000000001e000000c8"),
         Transport::Udp, Sender::Server, "lbcd"},
        {"raknet unconnected ping",  // RakNet: ID_UNCONNECTED_PING, time, the offline magic, the client's guid
         hex("01000000000001e24000ffff00fefefefefdfdfdfd123456781122334455667788"),
         Transport::Udp, Sender::Client, "RakNet"},
        {"raknet unconnected pong",  // its pong with a Bedrock server's MOTD string
         hex("1c000000000001e24099aabbccddeeff0000ffff00fefefefefdfdfdfd1234567800614d4350453b446564696361746564205365"
             "727665723b3539343b312e32302e34303b303b31303b31333235333836303839323332383933303836353b426564726f636b20"
             "6c6576656c3b537572766976616c3b313b31393133323b31393133333b"),
         Transport::Udp, Sender::Server, "RakNet"},
        {"tetrinet login",  // TetriNET 1.13: the login tetrisstart ghost 1.13 encoded for 127.0.0.1 (key 6875)
         hex("38303241423731434242323438463235384331424231314134464432373244343743443638454536383545323839ff"),
         Transport::Tcp, Sender::Client, "TetriNET"},
        {"tetrinet server",  // tetrinetx: playernum, winlist
         hex("706c617965726e756d2031ff77696e6c697374207467686f73743b30ff"),
         Transport::Tcp, Sender::Server, "TetriNET"},
        {"lyskom client",  // Protocol A: the connection's A + Hollerith user
         hex("41354867686f73740a"),
         Transport::Tcp, Sender::Client, "LysKOM"},
        {"lyskom server",  // Protocol A: the server's answer
         hex("4c79734b4f4d0a"),
         Transport::Tcp, Sender::Server, "LysKOM"},
        {"poolcounter acquire",  // poolcounter README: ACQ4ME key workers maxqueue timeout
         hex("414351344d452067686f73743a72656e646572203220313020350a"),
         Transport::Tcp, Sender::Client, "poolcounter"},
        {"sysrqd prompt",  // sysrqd.c: the password prompt
         hex("7379737271642070617373776f72643a20"),
         Transport::Tcp, Sender::Server, "sysrqd"},
        {"poppassd greeting",  // poppassd-ceti: the greeting
         hex("32303020706f7070617373642076312e382e352068656c6c6f2c2077686f2061726520796f753f0d0a"),
         Transport::Tcp, Sender::Server, "poppassd"},
        {"skk request",  // skkserv protocol: request 1 + the reading kanji (EUC-JP) + space
         hex("31a4aba4f3a4b820"),
         Transport::Tcp, Sender::Client, "SKK"},
        {"skk request utf8",  // a reading with okurigana in UTF-8
         hex("31e3818ae3818f72200a"),
         Transport::Tcp, Sender::Client, "SKK"},
        {"skk answer",  // its candidates (EUC-JP)
         hex("312fb4c1bbfa2fb4b6a4b82fb4b4bbf62f0a"),
         Transport::Tcp, Sender::Server, "SKK"},
        {"syncplay hello",  // Syncplay protocol: the client's Hello
         hex("7b2248656c6c6f223a207b22757365726e616d65223a202267686f7374222c2022726f6f6d223a207b226e616d65223a2022"
             "6c6f626279227d2c202276657273696f6e223a2022312e322e323535222c20227265616c76657273696f6e223a2022312e36"
             "2e39222c20226665617475726573223a207b22736861726564506c61796c69737473223a20747275652c202263686174223a"
             "20747275657d7d7d0d0a"),
         Transport::Tcp, Sender::Client, "Syncplay"},
        {"syncplay tls",  // the server's answer to the TLS offer
         hex("7b22544c53223a207b227374617274544c53223a202266616c7365227d7d0d0a"),
         Transport::Tcp, Sender::Server, "Syncplay"},
        {"indi get properties",  // INDI: the client's getProperties
         hex("3c67657450726f706572746965732076657273696f6e3d27312e37272f3e0a"),
         Transport::Tcp, Sender::Client, "INDI"},
        {"indi def switch",  // INDI: a driver's defSwitchVector
         hex("3c646566537769746368566563746f72206465766963653d2254656c6573636f70652053696d756c61746f7222206e616d65"
             "3d22434f4e4e454354494f4e22206c6162656c3d22436f6e6e656374696f6e222067726f75703d224d61696e20436f6e7472"
             "6f6c222073746174653d2249646c6522207065726d3d227277222072756c653d224f6e654f664d616e79222074696d656f75"
             "743d223630222074696d657374616d703d22323032362d31322d30375431393a30303a3030223e0a202020203c6465665377"
             "69746368206e616d653d22434f4e4e45435422206c6162656c3d22436f6e6e656374223e0a4f66660a202020203c2f646566"
             "5377697463683e0a3c2f646566537769746368566563746f723e0a"),
         Transport::Tcp, Sender::Server, "INDI"},
        {"boinc request",  // gui_rpc_client: exchange_versions
         hex("3c626f696e635f6775695f7270635f726571756573743e0a3c65786368616e67655f76657273696f6e733e0a3c6d616a6f72"
             "3e373c2f6d616a6f723e0a3c6d696e6f723e32303c2f6d696e6f723e0a3c72656c656173653e353c2f72656c656173653e0a"
             "3c2f65786368616e67655f76657273696f6e733e0a3c2f626f696e635f6775695f7270635f726571756573743e0a03"),
         Transport::Tcp, Sender::Client, "BOINC GUI RPC"},
        {"boinc reply",  // its reply
         hex("3c626f696e635f6775695f7270635f7265706c793e0a3c7365727665725f76657273696f6e3e0a3c6d616a6f723e373c2f6d"
             "616a6f723e0a3c6d696e6f723e32303c2f6d696e6f723e0a3c72656c656173653e353c2f72656c656173653e0a3c2f736572"
             "7665725f76657273696f6e3e0a3c2f626f696e635f6775695f7270635f7265706c793e0a03"),
         Transport::Tcp, Sender::Server, "BOINC GUI RPC"},
        {"pioneers meta greeting",  // meta-server: the greeting
         hex("77656c636f6d6520746f207468652070696f6e656572732d6d6574612d7365727665722076657273696f6e20312e330a"),
         Transport::Tcp, Sender::Server, "Pioneers meta-server"},
        {"swank client",  // swank-rpc: a frame of :emacs-rex connection-info
         hex("303030303362283a656d6163732d72657820287377616e6b3a636f6e6e656374696f6e2d696e666f292022434f4d4d4f4e2d"
             "4c4953502d55534552222074203129"),
         Transport::Tcp, Sender::Client, "Swank (SLIME)"},
        {"swank server",  // its :return with the connection info
         hex("303030313032283a72657475726e20283a6f6b20283a7069642034323432203a7374796c65203a737061776e203a656e636f"
             "64696e6720283a636f64696e672d73797374656d732028227574662d382d756e6978222929203a6c6973702d696d706c656d"
             "656e746174696f6e20283a7479706520225342434c22203a6e616d6520227362636c22203a76657273696f6e2022322e322e"
             "392e64656269616e2229203a6d616368696e6520283a696e7374616e6365202267686f73742229203a7061636b6167652028"
             "3a6e616d652022434f4d4d4f4e2d4c4953502d5553455222203a70726f6d70742022434c2d555345522229203a7665727369"
             "6f6e2022322e3237222929203129"),
         Transport::Tcp, Sender::Server, "Swank (SLIME)"},

    };
    return all;
}

}  // namespace rescap::test
