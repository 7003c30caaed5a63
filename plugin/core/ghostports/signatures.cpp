#include "core/ghostports/signatures.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace ghostports {
namespace {

using Bytes = std::span<const std::uint8_t>;

bool starts_with(Bytes p, std::string_view prefix) {
    return p.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), p.begin());
}

unsigned be16(Bytes p, std::size_t at) {
    return static_cast<unsigned>(p[at] << 8 | p[at + 1]);
}
std::uint32_t be32(Bytes p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 24 | static_cast<std::uint32_t>(p[at + 1]) << 16 |
           static_cast<std::uint32_t>(p[at + 2]) << 8 | p[at + 3];
}

// The first line of printable text within `limit` octets: its text
// (without CR LF or LF) and where the next line starts. `next` is 0 when
// there is no whole line.
struct Line {
    std::string_view text;
    std::size_t next = 0;
};
Line next_line(Bytes p, std::size_t limit = 1024) {
    const std::size_t end = std::min(p.size(), limit);
    for (std::size_t i = 0; i < end; ++i) {
        if (p[i] == '\n') {
            const std::size_t length = i > 0 && p[i - 1] == '\r' ? i - 1 : i;
            return {{reinterpret_cast<const char *>(p.data()), length}, i + 1};
        }
        if (p[i] != '\r' && p[i] != '\t' && (p[i] < 0x20 || p[i] > 0x7e)) return {};
    }
    return {};
}
std::string_view first_line(Bytes p, std::size_t limit = 1024) {
    return next_line(p, limit).text;
}

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<code>" followed by ' ' or '-' (a reply line of FTP, SMTP...)
bool reply_line(std::string_view line, std::string_view code) {
    return line.size() >= 4 && line.substr(0, 3) == code && (line[3] == ' ' || line[3] == '-');
}

bool contains_nocase(std::string_view text, std::string_view word) {
    return std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           }) != text.end();
}

// A request line "METHOD target VERSION" whose version starts with `version`.
bool request_line(std::string_view line, std::span<const std::string_view> methods, std::string_view version) {
    const auto first_space = line.find(' ');
    const auto last_space = line.rfind(' ');
    if (first_space == std::string_view::npos || last_space == first_space) return false;
    const auto method = line.substr(0, first_space);
    if (std::find(methods.begin(), methods.end(), method) == methods.end()) return false;
    return line.substr(last_space + 1).starts_with(version);
}

// A status line "VERSION ddd ..." whose version starts with `version`.
bool status_line(std::string_view line, std::string_view version) {
    const auto space = line.find(' ');
    if (space == std::string_view::npos || !line.substr(0, space).starts_with(version)) return false;
    const auto code = line.substr(space + 1, 3);
    return is_digits(code) && code.size() == 3 && (line.size() == space + 4 || line[space + 4] == ' ');
}

// --- text protocols -------------------------------------------------------

bool ssh_banner(Bytes p) {
    return starts_with(p, "SSH-2.0-") || starts_with(p, "SSH-1.99-") || starts_with(p, "SSH-1.5-");
}

constexpr std::string_view kHttpMethods[] = {"GET",     "POST",  "HEAD",    "PUT",   "DELETE",
                                             "OPTIONS", "PATCH", "CONNECT", "TRACE", "PROPFIND"};
bool http_request(Bytes p) {
    return request_line(first_line(p), kHttpMethods, "HTTP/1.");
}
bool http_response(Bytes p) {
    return status_line(first_line(p), "HTTP/1.") || status_line(first_line(p), "HTTP/2");
}

constexpr std::string_view kRtspMethods[] = {"OPTIONS",  "DESCRIBE", "SETUP",  "PLAY",          "PAUSE",
                                             "TEARDOWN", "ANNOUNCE", "RECORD", "GET_PARAMETER", "SET_PARAMETER"};
bool rtsp_request(Bytes p) {
    return request_line(first_line(p), kRtspMethods, "RTSP/1.");
}
bool rtsp_response(Bytes p) {
    return status_line(first_line(p), "RTSP/1.");
}

constexpr std::string_view kSipMethods[] = {"INVITE", "REGISTER", "OPTIONS", "ACK",   "BYE",    "CANCEL", "SUBSCRIBE",
                                            "NOTIFY", "MESSAGE",  "INFO",    "PRACK", "UPDATE", "REFER",  "PUBLISH"};
bool sip_request(Bytes p) {
    return request_line(first_line(p), kSipMethods, "SIP/2.0");
}
bool sip_response(Bytes p) {
    return status_line(first_line(p), "SIP/2.0");
}

// 220 greetings name their protocol (vsFTPd, ProFTPD, "ESMTP Postfix").
bool ftp_greeting(Bytes p) {
    const auto line = first_line(p);
    return reply_line(line, "220") && contains_nocase(line, "FTP") && !contains_nocase(line, "SMTP");
}
bool smtp_greeting(Bytes p) {
    const auto line = first_line(p);
    return reply_line(line, "220") && contains_nocase(line, "SMTP");
}
bool smtp_hello(Bytes p) {
    const auto line = first_line(p);
    return (line.starts_with("EHLO ") || line.starts_with("HELO ")) && line.size() > 5;
}
// FTP-only commands a client opens with (USER is shared with POP3).
bool ftp_command(Bytes p) {
    const auto line = first_line(p);
    return line == "FEAT" || line == "AUTH TLS" || line == "AUTH SSL" || line == "SYST" ||
           line.starts_with("OPTS UTF8");
}
bool pop3_greeting(Bytes p) {
    return first_line(p).starts_with("+OK") && !starts_with(p, "+OK\r\n");
}
bool pop3_command(Bytes p) {
    const auto line = first_line(p);
    return line == "CAPA" || line == "STLS" || line.starts_with("APOP ");
}
bool imap_greeting(Bytes p) {
    const auto line = first_line(p);
    return line.starts_with("* OK") || line.starts_with("* PREAUTH") || line.starts_with("* BYE");
}
// "<tag> CAPABILITY" / "<tag> LOGIN ..." / "<tag> STARTTLS" / "<tag> AUTHENTICATE ..."
bool imap_command(Bytes p) {
    const auto line = first_line(p);
    const auto space = line.find(' ');
    if (space == 0 || space == std::string_view::npos || space > 16) return false;
    const auto command = line.substr(space + 1);
    return command == "CAPABILITY" || command == "STARTTLS" || command.starts_with("LOGIN ") ||
           command.starts_with("AUTHENTICATE ") || command == "NOOP" || command == "LOGOUT";
}

// Telnet option negotiation: the payload opens with IAC WILL/WONT/DO/DONT
// <option> or IAC SB, and every IAC command in the first octets is one.
bool telnet_negotiation(Bytes p) {
    if (p.size() < 3 || p[0] != 0xff) return false;
    std::size_t i = 0, commands = 0;
    while (i + 2 < p.size() && p[i] == 0xff) {
        const std::uint8_t command = p[i + 1];
        if (command >= 0xfb && command <= 0xfe) {
            if (p[i + 2] > 50 && p[i + 2] != 0xff) return false;
            i += 3;
        } else if (command == 0xfa) {  // subnegotiation up to IAC SE
            std::size_t j = i + 2;
            while (j + 1 < p.size() && !(p[j] == 0xff && p[j + 1] == 0xf0)) ++j;
            if (j + 1 >= p.size()) return false;
            i = j + 2;
        } else {
            return false;
        }
        ++commands;
    }
    return commands >= 1;
}

// Redis RESP: a command is an array of bulk strings "*N\r\n$M\r\n...".
bool resp_command(Bytes p) {
    const Line array = next_line(p, 16);
    if (array.text.size() < 2 || array.text[0] != '*' || !is_digits(array.text.substr(1))) return false;
    const auto bulk = first_line(p.subspan(array.next), 16);
    return bulk.size() >= 2 && bulk[0] == '$' && is_digits(bulk.substr(1));
}
bool resp_reply(Bytes p) {
    return starts_with(p, "+PONG\r\n") || starts_with(p, "-NOAUTH ") || starts_with(p, "-ERR unknown command") ||
           starts_with(p, "-WRONGPASS ");
}

// memcached text protocol, and its UDP frame header (request id, sequence,
// datagram count, reserved zero) in front of it.
bool memcached_text_command(Bytes p) {
    const auto line = first_line(p);
    if (line == "version" || line == "stats" || line.starts_with("stats ")) return true;
    for (std::string_view verb : {"get ", "gets ", "delete ", "incr ", "decr ", "touch "})
        if (line.starts_with(verb) && line.size() > verb.size()) return true;
    // set/add/replace/append/prepend <key> <flags> <exptime> <bytes>
    for (std::string_view verb : {"set ", "add ", "replace ", "append ", "prepend ", "cas "}) {
        if (!line.starts_with(verb)) continue;
        std::size_t fields = 0;
        for (std::size_t i = verb.size(); i < line.size(); ++i) fields += line[i] == ' ';
        return fields >= 3;
    }
    return false;
}
bool memcached_text_reply(Bytes p) {
    const auto line = first_line(p);
    return line.starts_with("VERSION ") || line.starts_with("STAT pid ") || line == "STORED" ||
           line.starts_with("VALUE ");
}
bool memcached_udp_frame(Bytes p, bool (*text)(Bytes)) {
    if (p.size() < 9) return false;
    const unsigned sequence = be16(p, 2), total = be16(p, 4), reserved = be16(p, 6);
    return total >= 1 && sequence < total && reserved == 0 && text(p.subspan(8));
}
bool memcached_udp_request(Bytes p) {
    return memcached_udp_frame(p, memcached_text_command);
}
bool memcached_udp_reply(Bytes p) {
    return memcached_udp_frame(p, memcached_text_reply);
}

bool rsync_greeting(Bytes p) {
    return starts_with(p, "@RSYNCD: ");
}

// git daemon: pkt-line "<4 hex length>git-upload-pack /path\0host=...\0".
bool git_request(Bytes p) {
    if (p.size() < 8) return false;
    unsigned length = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const int digit = std::isxdigit(p[i]) ? (std::isdigit(p[i]) ? p[i] - '0' : std::tolower(p[i]) - 'a' + 10) : -1;
        if (digit < 0) return false;
        length = length << 4 | static_cast<unsigned>(digit);
    }
    const Bytes rest = p.subspan(4);
    return length == p.size() && (starts_with(rest, "git-upload-pack ") || starts_with(rest, "git-receive-pack ") ||
                                  starts_with(rest, "git-upload-archive "));
}

// IRC: registration from the client (PASS, NICK, USER, CAP in the first
// lines), numerics/notices from the server.
bool irc_registration_line(std::string_view line) {
    if (line.starts_with("CAP LS")) return true;
    if (line.starts_with("NICK ")) return line.size() > 5 && line.find(' ', 5) == std::string_view::npos;
    // USER <user> <mode> <unused> :<realname>
    if (!line.starts_with("USER ")) return false;
    const auto colon = line.find(" :");
    return colon != std::string_view::npos && std::count(line.begin(), line.begin() + colon, ' ') == 3;
}
bool irc_client(Bytes p) {
    for (int lines = 0; lines < 4 && !p.empty(); ++lines) {
        const Line line = next_line(p);
        if (line.text.empty()) return false;
        if (irc_registration_line(line.text)) return true;
        if (!line.text.starts_with("PASS ")) return false;
        p = p.subspan(line.next);
    }
    return false;
}
// The same request whose four-digit length came in a segment of its own.
bool git_request_body(Bytes p) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), std::min<std::size_t>(p.size(), 512));
    return (text.starts_with("git-upload-pack /") || text.starts_with("git-receive-pack /") ||
            text.starts_with("git-upload-archive /")) &&
           text.find(std::string_view("\0host=", 6)) != std::string_view::npos;
}

// A shell behind the port: the output of `id`, or a line of shell commands.
bool id_output(Bytes p) {
    const auto line = first_line(p);
    if (!line.starts_with("uid=")) return false;
    const auto open = line.find('(');
    return open > 4 && is_digits(line.substr(4, open - 4)) && line.find(") gid=") != std::string_view::npos;
}
bool shell_commands(Bytes p) {
    static constexpr std::string_view kCommands[] = {"id",  "uname", "whoami",   "hostname", "pwd",  "ls",
                                                     "cat", "ps",    "ifconfig", "ip",       "exit", "echo"};
    const auto line = first_line(p);
    if (line.empty() || line.size() + 1 > p.size() || p.size() > 256) return false;
    std::string_view rest = line;
    while (!rest.empty()) {
        const auto end = rest.find(';');
        std::string_view command = rest.substr(0, end);
        while (command.starts_with(' ')) command.remove_prefix(1);
        const auto word = command.substr(0, command.find(' '));
        if (std::find(std::begin(kCommands), std::end(kCommands), word) == std::end(kCommands)) return false;
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    return true;
}

bool irc_server(Bytes p) {
    const auto line = first_line(p);
    if (line.size() < 4 || line[0] != ':') return false;
    const auto space = line.find(' ');
    if (space == std::string_view::npos) return false;
    const auto command = line.substr(space + 1);
    return command.starts_with("NOTICE ") ||
           (command.size() > 4 && is_digits(command.substr(0, 3)) && command[3] == ' ');
}

bool xmpp_stream(Bytes p) {
    const std::string_view text{reinterpret_cast<const char *>(p.data()), std::min<std::size_t>(p.size(), 512)};
    return (text.starts_with("<?xml") || text.starts_with("<stream:stream")) &&
           text.find("<stream:stream") != std::string_view::npos &&
           (text.find("jabber:client") != std::string_view::npos ||
            text.find("jabber:server") != std::string_view::npos);
}

// syslog: "<PRI>" with PRI 0..191, then text.
bool syslog_message(Bytes p) {
    if (p.size() < 5 || p[0] != '<') return false;
    std::size_t i = 1;
    unsigned pri = 0;
    while (i < p.size() && i <= 3 && std::isdigit(p[i])) pri = pri * 10 + (p[i++] - '0');
    if (i == 1 || i >= p.size() || p[i] != '>' || pri > 191) return false;
    const auto rest = p.subspan(i + 1);
    return !rest.empty() && std::all_of(rest.begin(), rest.begin() + std::min<std::size_t>(rest.size(), 16),
                                        [](std::uint8_t c) { return c >= 0x20 && c < 0x7f; });
}

// --- binary protocols -----------------------------------------------------

// TLS record: handshake record carrying a ClientHello/ServerHello, or an
// SSL 3.0 - TLS 1.3 record of another content type with a sane length.
bool tls_record(Bytes p) {
    if (p.size() < 6) return false;
    const bool version = p[1] == 0x03 && p[2] <= 0x04;
    const unsigned length = be16(p, 3);
    if (!version || length == 0 || length > 0x4800) return false;
    if (p[0] == 0x16) return p[5] == 0x01 || p[5] == 0x02;
    return p[0] == 0x15 && length == 2;  // a lone alert
}

// DNS: a header and a question section that parses to its end, class
// IN/CH/HS/ANY; `base` skips TCP's two-octet length.
bool dns_message_at(Bytes p, std::size_t base) {
    if (p.size() < base + 12 + 5) return false;
    const unsigned flags = be16(p, base + 2);
    const unsigned opcode = flags >> 11 & 0xf;
    const unsigned questions = be16(p, base + 4);
    if (opcode > 5 || opcode == 3 || questions != 1 || (flags & 0x0040) != 0) return false;
    std::size_t i = base + 12;
    for (unsigned labels = 0; i < p.size() && p[i] != 0; ++labels) {
        if (p[i] > 63 || labels > 127) return false;  // no compression in the first question
        i += 1 + p[i];
    }
    if (i + 5 > p.size()) return false;
    const unsigned qtype = be16(p, i + 1), qclass = be16(p, i + 3) & 0x7fff;
    const bool is_response = flags & 0x8000;
    // A query ends after its question (EDNS adds one additional record).
    if (!is_response && be16(p, base + 6) != 0) return false;
    return qtype != 0 && (qclass == 1 || qclass == 3 || qclass == 4 || qclass == 255);
}
bool dns_udp(Bytes p) {
    return dns_message_at(p, 0);
}
bool dns_tcp(Bytes p) {
    return p.size() >= 2 && be16(p, 0) == p.size() - 2 && dns_message_at(p, 2);
}

// LDAP: LDAPMessage ::= SEQUENCE { messageID INTEGER, protocolOp [APPLICATION n] }
// with definite lengths that agree with the payload.
bool ber_length(Bytes p, std::size_t &i, std::size_t &length) {
    if (i >= p.size()) return false;
    const std::uint8_t first = p[i++];
    if (first < 0x80) {
        length = first;
        return true;
    }
    const std::size_t octets = first & 0x7f;
    if (octets == 0 || octets > 4 || i + octets > p.size()) return false;
    length = 0;
    for (std::size_t k = 0; k < octets; ++k) length = length << 8 | p[i++];
    return true;
}
bool ldap_message(Bytes p) {
    std::size_t i = 1, length = 0;
    if (p.size() < 7 || p[0] != 0x30 || !ber_length(p, i, length) || i + length != p.size()) return false;
    if (p[i] != 0x02 || p[i + 1] < 1 || p[i + 1] > 4) return false;
    i += 2 + p[i + 1];
    if (i >= p.size()) return false;
    const std::uint8_t op = p[i];
    const bool constructed_op = op >= 0x60 && op <= 0x79 && op != 0x62;  // bind..extendedResp, not unbind
    const bool unbind = op == 0x42 && i + 2 == p.size() && p[i + 1] == 0;
    if (!constructed_op && !unbind) return false;
    if (unbind) return true;
    std::size_t op_length = 0;
    ++i;
    if (!ber_length(p, i, op_length) || i + op_length > p.size()) return false;
    // bindRequest: version INTEGER 2 or 3
    if (op == 0x60) return op_length >= 5 && p[i] == 0x02 && p[i + 1] == 0x01 && (p[i + 2] == 2 || p[i + 2] == 3);
    return true;
}

// SNMP v1/v2c: SEQUENCE { version 0/1, community OCTET STRING, PDU [0..8] };
// v3: SEQUENCE { version 3, SEQUENCE msgGlobalData ... }.
bool snmp_message(Bytes p) {
    std::size_t i = 1, length = 0;
    if (p.size() < 10 || p[0] != 0x30 || !ber_length(p, i, length) || i + length != p.size()) return false;
    if (i + 3 > p.size() || p[i] != 0x02 || p[i + 1] != 0x01 || p[i + 2] > 3 || p[i + 2] == 2) return false;
    const std::uint8_t version = p[i + 2];
    i += 3;
    if (version == 3) return p[i] == 0x30;
    std::size_t community = 0;
    if (p[i++] != 0x04 || !ber_length(p, i, community) || i + community >= p.size()) return false;
    i += community;
    return p[i] >= 0xa0 && p[i] <= 0xa8;
}

// STUN (RFC 5389): message type with the top two bits clear, length a
// multiple of 4 equal to what follows the 20-octet header, magic cookie.
bool stun_message(Bytes p) {
    return p.size() >= 20 && (p[0] & 0xc0) == 0 && be16(p, 2) == p.size() - 20 && be16(p, 2) % 4 == 0 &&
           be32(p, 4) == 0x2112a442;
}

// WireGuard: type 1..4, three reserved zero octets, each type's exact length.
bool wireguard_message(Bytes p) {
    if (p.size() < 32 || p[1] != 0 || p[2] != 0 || p[3] != 0) return false;
    switch (p[0]) {
        case 1: return p.size() == 148;
        case 2: return p.size() == 92;
        case 3: return p.size() == 64;
        case 4: return (p.size() - 32) % 16 == 0;
        default: return false;
    }
}

// OpenVPN hard reset (client v2/v3, server v2): opcode, session id, then
// either no tls-auth (ack count 0, packet id 0) or an HMAC (SHA1/SHA256)
// followed by replay packet id 1.
bool openvpn_reset(Bytes p) {
    if (p.size() < 14) return false;
    const unsigned opcode = p[0] >> 3;
    if (opcode != 7 && opcode != 8 && opcode != 10) return false;
    if (p[9] == 0 && be32(p, 10) == 0 && p.size() <= 200) return true;
    for (std::size_t hmac : {20u, 32u})
        if (p.size() >= 9 + hmac + 8 + 5 && be32(p, 9 + hmac) == 1) return true;
    return false;
}
bool openvpn_udp(Bytes p) {
    return openvpn_reset(p);
}
bool openvpn_tcp(Bytes p) {
    return p.size() > 2 && be16(p, 0) == p.size() - 2 && openvpn_reset(p.subspan(2));
}

// SOCKS4(a) CONNECT/BIND: ends with the user id's NUL (and SOCKS4a's host name's).
bool socks4_request(Bytes p) {
    if (p.size() < 9 || p[0] != 4 || (p[1] != 1 && p[1] != 2) || p.back() != 0) return false;
    const bool socks4a = p[4] == 0 && p[5] == 0 && p[6] == 0 && p[7] != 0;
    const auto nuls = std::count(p.begin() + 8, p.end(), std::uint8_t{0});
    return nuls == (socks4a ? 2 : 1);
}
// SOCKS5 greeting: version 5, N methods, exactly N method octets.
bool socks5_greeting(Bytes p) {
    if (p.size() < 3 || p[0] != 5 || p[1] == 0 || p.size() != 2u + p[1]) return false;
    return std::all_of(p.begin() + 2, p.end(), [](std::uint8_t m) { return m <= 0x09 || (m >= 0x80 && m != 0xff); });
}

// MySQL/MariaDB server greeting: 3-octet length of the rest, sequence 0,
// protocol 10, a NUL-terminated printable version string.
bool mysql_greeting(Bytes p) {
    if (p.size() < 40 || p[4] != 10 || p[3] != 0) return false;
    const std::size_t length = p[0] | p[1] << 8 | p[2] << 16;
    if (length != p.size() - 4) return false;
    std::size_t i = 5;
    while (i < p.size() && p[i] != 0) {
        if (p[i] < 0x20 || p[i] > 0x7e) return false;
        ++i;
    }
    return i > 5 && i < p.size();
}

// PostgreSQL startup message (protocol 3.0) or SSL/GSS encryption request.
bool pgsql_startup(Bytes p) {
    if (p.size() < 8 || be32(p, 0) != p.size()) return false;
    const std::uint32_t code = be32(p, 4);
    if (code == 80877103 || code == 80877104) return p.size() == 8;
    return code == 0x00030000 && p.back() == 0;
}

// MQTT CONNECT: fixed header 0x10, remaining length covering the rest, then
// the protocol name "MQTT" (3.1.1, 5) or "MQIsdp" (3.1).
bool mqtt_connect(Bytes p) {
    if (p.size() < 12 || p[0] != 0x10) return false;
    std::size_t i = 1, remaining = 0;
    for (unsigned shift = 0; i < p.size() && i <= 4; shift += 7) {
        remaining |= static_cast<std::size_t>(p[i] & 0x7f) << shift;
        if ((p[i++] & 0x80) == 0) break;
    }
    if (i + remaining != p.size()) return false;
    const Bytes rest = p.subspan(i);
    return (starts_with(rest, std::string_view("\0\4MQTT", 6)) && rest.size() > 6 && rest[6] >= 3 && rest[6] <= 5) ||
           (starts_with(rest, std::string_view("\0\6MQIsdp", 8)) && rest.size() > 8 && rest[8] == 3);
}

// NTP: LI/VN/mode with version 1-4 and mode 1-5, stratum at most 16,
// 48 octets (+ a 20- or 24-octet MAC).
bool ntp_packet(Bytes p) {
    if (p.size() != 48 && p.size() != 68 && p.size() != 72) return false;
    const unsigned version = p[0] >> 3 & 7, mode = p[0] & 7;
    return version >= 1 && version <= 4 && mode >= 1 && mode <= 5 && p[1] <= 16;
}

// TFTP read/write request: opcode 1/2, file name, a transfer mode, then
// option/value pairs, each NUL-terminated, to the payload's end. Error: 5.
bool tftp_request(Bytes p) {
    if (p.size() < 4 || p[0] != 0 || (p[1] != 1 && p[1] != 2) || p.back() != 0) return false;
    std::size_t i = 2, strings = 0;
    std::string_view mode;
    while (i < p.size()) {
        const std::size_t start = i;
        while (i < p.size() && p[i] != 0) {
            if (p[i] < 0x20 || p[i] > 0x7e) return false;
            ++i;
        }
        if (i == start && strings < 2) return false;
        if (strings == 1) mode = {reinterpret_cast<const char *>(p.data() + start), i - start};
        ++strings;
        ++i;
    }
    const bool known_mode =
        contains_nocase(mode, "octet") || contains_nocase(mode, "netascii") || contains_nocase(mode, "mail");
    return known_mode && mode.size() <= 8 && strings % 2 == 0;
}
bool tftp_error(Bytes p) {
    return p.size() >= 5 && p[0] == 0 && p[1] == 5 && p[2] == 0 && p[3] <= 8 && p.back() == 0 &&
           std::count(p.begin() + 4, p.end(), std::uint8_t{0}) == 1;
}

// ONC RPC call: xid, CALL (0), RPC version 2, program, version, procedure,
// credentials flavor 0-6 with a length that fits. TCP adds a record mark.
bool rpc_call_at(Bytes p, std::size_t base) {
    if (p.size() < base + 40) return false;
    const std::uint32_t flavor = be32(p, base + 24), length = be32(p, base + 28);
    return be32(p, base + 4) == 0 && be32(p, base + 8) == 2 && be32(p, base + 12) >= 100000 && flavor <= 6 &&
           length <= 400 && base + 32 + length + 8 <= p.size();
}
bool rpc_udp(Bytes p) {
    return rpc_call_at(p, 0);
}
bool rpc_tcp(Bytes p) {
    return p.size() > 4 && (be32(p, 0) & 0x7fffffff) == p.size() - 4 && rpc_call_at(p, 4);
}

using T = Transport;
using S = Sender;

// Order: specific before general (RTSP/SIP before HTTP; the memcached UDP
// frame header before anything else starting 00 01).
constexpr std::array kSignatures{
    Signature{"ssh-banner", "SSH", "ssh", 22, T::Tcp, S::Either, "ssh", "\"SSH-2.0-\" / \"SSH-1.99-\" banner",
              ssh_banner},
    Signature{"tls-hello", "TLS", "tls", 443, T::Tcp, S::Either, "ssl", "TLS record carrying a ClientHello/ServerHello",
              tls_record},
    Signature{"rtsp-request", "RTSP", "rtsp", 554, T::Both, S::Client, "rtsp", "request line ending RTSP/1.x",
              rtsp_request},
    Signature{"rtsp-response", "RTSP", "rtsp", 554, T::Both, S::Server, "rtsp", "status line RTSP/1.x ddd",
              rtsp_response},
    Signature{"sip-request", "SIP", "sip", 5060, T::Both, S::Client, "sip", "request line ending SIP/2.0", sip_request},
    Signature{"sip-response", "SIP", "sip", 5060, T::Both, S::Server, "sip", "status line SIP/2.0 ddd", sip_response},
    // Both: HTTP over UDP exists (HTTPU, SSDP).
    Signature{"http-request", "HTTP", "http", 80, T::Both, S::Client, "http", "request line METHOD target HTTP/1.x",
              http_request},
    Signature{"http-response", "HTTP", "http", 80, T::Both, S::Server, "http", "status line HTTP/1.x ddd",
              http_response},
    Signature{"ftp-greeting", "FTP", "ftp", 21, T::Tcp, S::Server, "ftp", "220 greeting naming FTP", ftp_greeting},
    Signature{"ftp-command", "FTP", "ftp", 21, T::Tcp, S::Client, "ftp",
              "FTP-only command (FEAT, AUTH TLS, SYST, OPTS UTF8)", ftp_command},
    Signature{"smtp-greeting", "SMTP", "smtp", 25, T::Tcp, S::Server, "smtp", "220 greeting naming (E)SMTP",
              smtp_greeting},
    Signature{"smtp-hello", "SMTP", "smtp", 25, T::Tcp, S::Client, "smtp", "EHLO / HELO <domain>", smtp_hello},
    Signature{"pop3-greeting", "POP3", "pop", 110, T::Tcp, S::Server, "pop3", "+OK greeting", pop3_greeting},
    Signature{"pop3-command", "POP3", "pop", 110, T::Tcp, S::Client, "pop3", "CAPA / STLS / APOP", pop3_command},
    Signature{"imap-greeting", "IMAP", "imap", 143, T::Tcp, S::Server, "imap", "* OK / * PREAUTH greeting",
              imap_greeting},
    Signature{"imap-command", "IMAP", "imap", 143, T::Tcp, S::Client, "imap", "<tag> CAPABILITY / LOGIN / STARTTLS",
              imap_command},
    Signature{"telnet-iac", "Telnet", "telnet", 23, T::Tcp, S::Either, "telnet",
              "IAC WILL/WONT/DO/DONT/SB option negotiation", telnet_negotiation},
    Signature{"redis-resp", "Redis", nullptr, 6379, T::Tcp, S::Client, "redis", "RESP command *N\\r\\n$M\\r\\n",
              resp_command},
    Signature{"redis-reply", "Redis", nullptr, 6379, T::Tcp, S::Server, "redis",
              "RESP reply +PONG / -NOAUTH / -ERR unknown command", resp_reply},
    Signature{"memcached-udp", "memcached", "memcache.udp", 11211, T::Udp, S::Client, "memcached",
              "UDP frame header + text command", memcached_udp_request},
    Signature{"memcached-udp-reply", "memcached", "memcache.udp", 11211, T::Udp, S::Server, "memcached",
              "UDP frame header + text reply", memcached_udp_reply},
    Signature{"memcached-text", "memcached", "memcache.tcp", 11211, T::Tcp, S::Client, "memcached",
              "text command (get/set <key> <flags> <exptime> <bytes>/version/stats)", memcached_text_command},
    Signature{"memcached-reply", "memcached", "memcache.tcp", 11211, T::Tcp, S::Server, "memcached",
              "text reply VERSION / STAT pid / VALUE", memcached_text_reply},
    Signature{"rsync-greeting", "rsync", nullptr, 873, T::Tcp, S::Either, "rsync", "@RSYNCD: greeting", rsync_greeting},
    Signature{"git-request", "Git", "git", 9418, T::Tcp, S::Client, "git",
              "pkt-line git-upload-pack / git-receive-pack", git_request},
    Signature{"git-request-body", "Git", "git", 9418, T::Tcp, S::Client, "git",
              "git-upload-pack /path\\0host=... (length sent apart)", git_request_body},
    Signature{"irc-client", "IRC", nullptr, 6667, T::Tcp, S::Client, "irc", "NICK / USER u m * :name / CAP LS",
              irc_client},
    Signature{"irc-server", "IRC", nullptr, 6667, T::Tcp, S::Server, "irc", ":server NOTICE / numeric reply",
              irc_server},
    Signature{"xmpp-stream", "XMPP", "xmpp", 5222, T::Tcp, S::Either, "xmpp",
              "<stream:stream> with jabber:client/server", xmpp_stream},
    Signature{"dns-udp", "DNS", "dns", 53, T::Udp, S::Either, "domain",
              "header + one question that parses to its end, class IN/CH/HS/ANY", dns_udp},
    Signature{"dns-tcp", "DNS", "dns", 53, T::Tcp, S::Either, "domain", "length prefix + DNS header + question",
              dns_tcp},
    Signature{"ldap-ber", "LDAP", "ldap", 389, T::Both, S::Either, "ldap",
              "BER LDAPMessage with consistent lengths (bindRequest version 2/3)", ldap_message},
    Signature{"snmp-ber", "SNMP", "snmp", 161, T::Udp, S::Either, "snmp", "BER message: version, community, PDU tag",
              snmp_message},
    Signature{"stun-cookie", "STUN", "stun-udp", 3478, T::Udp, S::Either, "stun",
              "STUN header, length, magic cookie 0x2112A442", stun_message},
    Signature{"stun-cookie-tcp", "STUN", "stun-tcp", 3478, T::Tcp, S::Either, "stun",
              "STUN header, length, magic cookie 0x2112A442", stun_message},
    Signature{"wireguard", "WireGuard", "wg", 51820, T::Udp, S::Either, "wireguard",
              "message type 1-4 with its exact length", wireguard_message},
    Signature{"openvpn-udp", "OpenVPN", "openvpn.udp", 1194, T::Udp, S::Either, "openvpn",
              "hard-reset opcode, session id, packet id", openvpn_udp},
    Signature{"openvpn-tcp", "OpenVPN", "openvpn.tcp", 1194, T::Tcp, S::Either, "openvpn",
              "length prefix + hard-reset opcode", openvpn_tcp},
    Signature{"socks4", "SOCKS4", nullptr, 1080, T::Tcp, S::Client, "socks4",
              "version 4 CONNECT/BIND ending with the user id's NUL", socks4_request},
    Signature{"socks5", "SOCKS5", nullptr, 1080, T::Tcp, S::Client, "socks5",
              "version 5 greeting with exactly N methods", socks5_greeting},
    Signature{"mysql-greeting", "MySQL", "mysql", 3306, T::Tcp, S::Server, "mysql",
              "handshake v10 with length and version string", mysql_greeting},
    Signature{"pgsql-startup", "PostgreSQL", "pgsql", 5432, T::Tcp, S::Client, "postgresql",
              "startup (3.0) / SSLRequest with its exact length", pgsql_startup},
    Signature{"mqtt-connect", "MQTT", "mqtt", 1883, T::Tcp, S::Client, "mqtt",
              "CONNECT with remaining length and \"MQTT\"/\"MQIsdp\"", mqtt_connect},
    Signature{"tftp-request", "TFTP", "tftp", 69, T::Udp, S::Client, "tftp",
              "RRQ/WRQ: file name, mode octet/netascii/mail, options", tftp_request},
    Signature{"tftp-error", "TFTP", "tftp", 69, T::Udp, S::Server, "tftp",
              "ERROR: code 0-8, one NUL-terminated message", tftp_error},
    Signature{"rpc-call-udp", "ONC-RPC", "rpc", 111, T::Udp, S::Client, "rpcbind",
              "CALL, RPC version 2, program, credentials that fit", rpc_udp},
    Signature{"rpc-call-tcp", "ONC-RPC", "rpc-tcp", 111, T::Tcp, S::Client, "rpcbind",
              "record mark + CALL, RPC version 2", rpc_tcp},
    Signature{"syslog", "Syslog", "syslog", 514, T::Udp, S::Client, "syslog", "<PRI> 0-191 then text", syslog_message},
    Signature{"shell-id-output", "Shell session (bind shell)", nullptr, 0, T::Tcp, S::Server, nullptr,
              "output of id: uid=N(user) gid=N(group)", id_output},
    Signature{"shell-commands", "Shell session (bind shell)", nullptr, 0, T::Tcp, S::Client, nullptr,
              "a line of shell commands (id; uname -a; whoami ...)", shell_commands},
    Signature{"ntp", "NTP", nullptr, 123, T::Udp, S::Either, "ntp",
              "48 octets (+MAC), version 1-4, mode 1-5, stratum <= 16", ntp_packet},
};

bool applies(const Signature &row, Transport transport, Sender sender) {
    return (static_cast<unsigned>(row.transport) & static_cast<unsigned>(transport)) != 0 &&
           (static_cast<unsigned>(row.sender) & static_cast<unsigned>(sender)) != 0;
}

}  // namespace

const Signature *match_signature(std::span<const std::uint8_t> payload, Transport transport, Sender sender) {
    if (payload.empty()) return nullptr;
    for (const Signature &row : kSignatures)
        if (applies(row, transport, sender) && row.matches(payload)) return &row;
    return nullptr;
}

std::span<const Signature> signature_table() {
    return kSignatures;
}

const Signature *signature_for_nmap_service(std::string_view service, Transport transport) {
    for (const Signature &row : kSignatures)
        if (row.nmap_service != nullptr && service == row.nmap_service &&
            (static_cast<unsigned>(row.transport) & static_cast<unsigned>(transport)) != 0)
            return &row;
    return nullptr;
}

}  // namespace ghostports
