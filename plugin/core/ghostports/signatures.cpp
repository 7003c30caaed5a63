// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/signatures.hpp"

#include "core/ghostports/aaa_realtime_signatures.hpp"
#include "core/ghostports/ber.hpp"
#include "core/ghostports/community_signatures.hpp"
#include "core/ghostports/control_channel_signatures.hpp"
#include "core/ghostports/framed_signatures.hpp"
#include "core/ghostports/game_signatures.hpp"
#include "core/ghostports/industrial_signatures.hpp"
#include "core/ghostports/middleware_signatures.hpp"
#include "core/ghostports/network_control_signatures.hpp"
#include "core/ghostports/platform_signatures.hpp"
#include "core/ghostports/quic_signatures.hpp"
#include "core/ghostports/routing_signatures.hpp"
#include "core/ghostports/service_binary_signatures.hpp"
#include "core/ghostports/service_text_signatures.hpp"
#include "core/ghostports/storage_signatures.hpp"
#include "core/ghostports/telemetry_signatures.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <vector>
#include <utility>

#include "core/ghostports/text_grammar.hpp"
#include "core/ghostports/text_signatures.hpp"
#include "core/ghostports/messaging_text_signatures.hpp"

namespace ghostports {
namespace {

using namespace text;  // the grammar pieces shared with text_signatures.cpp

unsigned be16(Bytes p, std::size_t at) {
    return static_cast<unsigned>(p[at] << 8 | p[at + 1]);
}
std::uint32_t be24(Bytes p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 16 | static_cast<std::uint32_t>(p[at + 1]) << 8 | p[at + 2];
}
std::uint32_t be32(Bytes p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 24 | be24(p, at + 1);
}

// --- HTTP-like messages (HTTP, RTSP, SIP) -----------------------------------

// The header lines after a start line: "Name: value" (or a folded
// continuation) up to the empty line. A head cut by the segment's end is
// accepted when what is present conforms, unless `whole` (a datagram).
bool header_block(Lines &lines, bool whole) {
    std::size_t count = 0;
    while (auto line = lines.line()) {
        if (line->empty()) return true;  // end of the head
        if (++count > 200) return false;
        if (line->front() == ' ' || line->front() == '\t') {
            if (count == 1) return false;
            continue;
        }
        const auto colon = line->find(':');
        if (colon == string_view::npos || !is_token(line->substr(0, colon))) return false;
    }
    if (lines.bad || whole) return false;
    // A cut header line: its name so far must be a token.
    const string_view rest = as_text(lines.p.subspan(lines.at));
    const auto colon = rest.find(':');
    const string_view name = rest.substr(0, colon);
    return name.empty() || is_token(name.back() == '\r' ? name.substr(0, name.size() - 1) : name);
}

using TargetCheck = bool (*)(string_view);
bool http_target(string_view t) {
    return t.starts_with('/') || t == "*" || t.starts_with("http://") || t.starts_with("https://") ||
           (t.find(':') != string_view::npos && t.find('/') == string_view::npos);  // CONNECT host:port
}
bool rtsp_target(string_view t) {
    return t == "*" || t.starts_with("rtsp://") || t.starts_with("rtsps://") || t.starts_with("rtspu://");
}
bool sip_target(string_view t) {
    return t.size() > 4 && (t.starts_with("sip:") || t.starts_with("sips:") || t.starts_with("tel:"));
}

// "METHOD SP target SP version" then headers.
// A payload that does not begin with one of `words` and a space cannot have
// it as its first line's first word: checked before any line is scanned
// (most payloads offered are not text at all).
bool begins_with_word(Bytes p, std::span<const string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [p](string_view w) { return p.size() > w.size() && starts_with(p, w) && p[w.size()] == ' '; });
}

bool request_message(Bytes p, std::span<const string_view> methods, TargetCheck target,
                     std::span<const string_view> versions, bool whole) {
    if (!begins_with_word(p, methods)) return false;
    Lines lines{p, Eol::Lf, true};
    const auto first = lines.line();
    if (!first || count_char(*first, ' ') != 2) return false;
    const string_view method = word_at(*first, 0), uri = word_at(*first, 1), version = word_at(*first, 2);
    if (std::find(methods.begin(), methods.end(), method) == methods.end()) return false;
    if (std::find(versions.begin(), versions.end(), version) == versions.end()) return false;
    if (uri.empty() || !printable(uri) || !target(uri)) return false;
    return header_block(lines, whole);
}
// "version SP ddd [SP reason]" then headers.
bool status_message(Bytes p, std::span<const string_view> versions, bool whole) {
    if (!begins_with_word(p, versions)) return false;
    Lines lines{p, Eol::Lf, true};
    const auto first = lines.line();
    if (!first) return false;
    const string_view version = word_at(*first, 0), code = word_at(*first, 1);
    if (std::find(versions.begin(), versions.end(), version) == versions.end()) return false;
    if (code.size() != 3 || !is_digits(code) || code[0] < '1' || code[0] > '6') return false;
    if (first->size() > version.size() + 4 && (*first)[version.size() + 4] != ' ') return false;
    return header_block(lines, whole);
}

// --- text protocols -------------------------------------------------------

// "SSH-protoversion-softwareversion [SP comments]" CR LF (RFC 4253 4.2), at
// most 255 octets; what follows in the same payload is the binary packet
// protocol: a KEXINIT whose length and padding agree (as far as present).
bool ssh_banner(Bytes p) {
    if (!starts_with(p, "SSH-2.0-") && !starts_with(p, "SSH-1.99-") && !starts_with(p, "SSH-1.5-")) return false;
    Lines lines{p.first(std::min<std::size_t>(p.size(), 256)), Eol::Lf};
    const auto banner = lines.line();
    if (!banner) return false;
    const string_view software = banner->substr(banner->find('-', 4) + 1);
    const string_view software_version = software.substr(0, software.find(' '));
    if (software_version.empty()) return false;
    const Bytes rest = p.subspan(lines.at);
    if (rest.empty()) return true;
    if (rest.size() < 6) return true;  // the packet's first octets: nothing to check yet
    const std::uint32_t length = be32(rest, 0);
    const unsigned padding = rest[4];
    return length >= 12 && length <= 35000 && (length + 4) % 8 == 0 && padding >= 4 && padding < length &&
           rest[5] == 20;  // SSH_MSG_KEXINIT
}

constexpr string_view kHttpMethods[] = {"GET",   "POST",  "HEAD",     "PUT",      "DELETE", "OPTIONS",
                                        "PATCH", "TRACE", "PROPFIND", "M-SEARCH", "NOTIFY", "CONNECT"};
constexpr string_view kHttpVersions[] = {"HTTP/1.0", "HTTP/1.1"};
bool http_request(Bytes p) {
    return request_message(p, kHttpMethods, http_target, kHttpVersions, false);
}
bool http_response(Bytes p) {
    return status_message(p, kHttpVersions, false);
}

constexpr string_view kRtspMethods[] = {"OPTIONS",  "DESCRIBE", "SETUP",  "PLAY",          "PAUSE",
                                        "TEARDOWN", "ANNOUNCE", "RECORD", "GET_PARAMETER", "SET_PARAMETER"};
constexpr string_view kRtspVersions[] = {"RTSP/1.0", "RTSP/2.0"};
bool rtsp_request(Bytes p) {
    return request_message(p, kRtspMethods, rtsp_target, kRtspVersions, false);
}
bool rtsp_response(Bytes p) {
    return status_message(p, kRtspVersions, false);
}

constexpr string_view kSipMethods[] = {"INVITE", "REGISTER", "OPTIONS", "ACK",   "BYE",    "CANCEL", "SUBSCRIBE",
                                       "NOTIFY", "MESSAGE",  "INFO",    "PRACK", "UPDATE", "REFER",  "PUBLISH"};
constexpr string_view kSipVersions[] = {"SIP/2.0"};
bool sip_request(Bytes p) {
    return request_message(p, kSipMethods, sip_target, kSipVersions, false);
}
bool sip_response(Bytes p) {
    return status_message(p, kSipVersions, false);
}

constexpr string_view kIcapMethods[] = {"REQMOD", "RESPMOD", "OPTIONS"};
constexpr string_view kIcapVersions[] = {"ICAP/1.0"};
bool icap_target(string_view t) {
    return t.size() > 7 && t.starts_with("icap://");
}
bool icap_request(Bytes p) {
    return request_message(p, kIcapMethods, icap_target, kIcapVersions, false);
}
bool icap_response(Bytes p) {
    return status_message(p, kIcapVersions, false);
}

// Gnutella 0.6's handshake (the Gnutella 0.6 RFC draft 2.2): "GNUTELLA
// CONNECT/0.6" and its headers; the answer "GNUTELLA/0.6 ddd text" and its.
constexpr string_view kGnutellaVersions[] = {"GNUTELLA/0.6"};
bool gnutella_connect(Bytes p) {
    if (!starts_with(p, "GNUTELLA CONNECT/0.6\r\n")) return false;
    Lines lines{p, Eol::Crlf};
    lines.line();
    return header_block(lines, false);
}
bool gnutella_answer(Bytes p) {
    return status_message(p, kGnutellaVersions, false);
}

// A whole reply with code `code` (RFC 959 4.2 / RFC 5321 4.2): "ddd-text"
// lines, then one "ddd text" line ending the payload.
bool reply_lines(Bytes p, string_view code, bool (*text_ok)(string_view first, string_view all)) {
    // The first line's "ddd" and its separator, before any line is scanned.
    if (p.size() < 4 || !starts_with(p, code) || (p[3] != ' ' && p[3] != '-')) return false;
    bool ended = false;
    string_view first_text;
    std::size_t text_start = 0, text_end = 0;
    const bool ok = whole_lines(
        p, Eol::Crlf, 64,
        [&](string_view line, std::size_t index) {
            if (ended || line.size() < 4 || line.substr(0, 3) != code || (line[3] != ' ' && line[3] != '-'))
                return false;
            if (index == 0) first_text = line.substr(4);
            ended = line[3] == ' ';
            text_end = static_cast<std::size_t>(line.data() + line.size() - reinterpret_cast<const char *>(p.data()));
            return true;
        },
        true);
    return ok && ended && text_ok(first_text, as_text(p.subspan(text_start, text_end)));
}
// A word naming FTP: "FTP", or a server's name built on it (vsFTPd,
// ProFTPD, Pure-FTPd's "FTPd"); "ESFTP" or "SFTPGo" do not count, nor a
// word glued to a non-ASCII octet ("\xb9FTP": the census made one of
// LMTP), and a greeting naming SMTP or LMTP is not FTP's.
bool names_ftp(string_view, string_view all) {
    static constexpr string_view kWords[] = {"FTP", "FTPd", "FTPD", "vsFTPd", "ProFTPD", "FTPS"};
    bool named = false;
    std::size_t i = 0;
    while (i < all.size()) {
        while (i < all.size() && !is_alnum(all[i])) ++i;
        const std::size_t start = i;
        while (i < all.size() && is_alnum(all[i])) ++i;
        const string_view word = all.substr(start, i - start);
        const bool ascii_before = start == 0 || static_cast<unsigned char>(all[start - 1]) < 0x80;
        if (ascii_before && std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords)) named = true;
        if (equal_nocase(word, "LMTP")) return false;
        if (equal_nocase(word, "SMTP") || equal_nocase(word, "ESMTP")) return false;
    }
    return named;
}
// A greeting's first word: the server's domain or address literal.
bool greeting_domain(string_view domain) {
    return !domain.empty() && std::all_of(domain.begin(), domain.end(), [](char c) {
        return is_alnum(c) || c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':';
    });
}
// RFC 5321: "220 <domain> ..." naming (E)SMTP.
bool names_smtp(string_view first, string_view) {
    const string_view domain = word_at(first, 0);
    return greeting_domain(domain) && contains_nocase(first.substr(domain.size()), "SMTP");
}
// RFC 2033: "220 <domain> ..." whose lines name LMTP.
bool names_lmtp(string_view first, string_view all) {
    return greeting_domain(word_at(first, 0)) && all.find("LMTP") != string_view::npos;
}
bool ftp_greeting(Bytes p) {
    return reply_lines(p, "220", names_ftp);
}
bool smtp_greeting(Bytes p) {
    return reply_lines(p, "220", names_smtp);
}
bool lmtp_greeting(Bytes p) {
    return reply_lines(p, "220", names_lmtp);
}

// "<verb> <domain>", the whole payload: EHLO / HELO (SMTP), LHLO (LMTP).
bool hello_line(Bytes p, std::initializer_list<string_view> verbs) {
    const auto line = only_line(p);
    return line && line->size() > 5 && (*line)[4] == ' ' &&
           std::find(verbs.begin(), verbs.end(), line->substr(0, 4)) != verbs.end() && domain_name(line->substr(5));
}
bool smtp_hello(Bytes p) {
    return hello_line(p, {"EHLO", "HELO"});
}
bool lmtp_hello(Bytes p) {
    return hello_line(p, {"LHLO"});
}
// FTP-only commands a client opens with (USER is shared with POP3), each
// the whole payload as a client sends it: upper case, CR LF.
bool ftp_command(Bytes p) {
    const auto line = only_line(p);
    return line && (*line == "FEAT" || *line == "AUTH TLS" || *line == "AUTH SSL" || *line == "SYST" ||
                    *line == "OPTS UTF8 ON" || *line == "OPTS UTF8 OFF");
}
// "+OK text" (RFC 1939 4: one line of at most 512 octets), the whole payload.
bool pop3_greeting(Bytes p) {
    const auto line = only_line(p);
    return line && line->starts_with("+OK ") && line->size() > 4 && printable(*line, true);
}
bool pop3_command(Bytes p) {
    const auto line = only_line(p);
    if (!line) return false;
    if (*line == "CAPA" || *line == "STLS") return true;
    // APOP name digest (32 hexadecimal digits, RFC 1939 7)
    const string_view digest = word_at(*line, 2);
    return line->starts_with("APOP ") && count_char(*line, ' ') == 2 && !word_at(*line, 1).empty() &&
           digest.size() == 32 &&
           std::all_of(digest.begin(), digest.end(), [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); });
}
// "* OK|PREAUTH|BYE [code] text" then untagged lines, the whole payload.
bool imap_greeting(Bytes p) {
    return whole_lines(
        p, Eol::Crlf, 16,
        [](string_view line, std::size_t index) {
            if (!line.starts_with("* ")) return false;
            const string_view status = word_at(line, 1);
            if (index == 0 && status != "OK" && status != "PREAUTH" && status != "BYE") return false;
            if (index > 0 && !is_token(status)) return false;
            const auto open = line.find('[');
            return open == string_view::npos || line.find(']', open) != string_view::npos;
        },
        true);
}
bool imap_tag(string_view tag) {
    return !tag.empty() && tag.size() <= 16 &&
           std::all_of(tag.begin(), tag.end(), [](char c) { return is_alnum(c) || c == '.' || c == '_'; });
}
// An IMAP astring: an atom, a "quoted string" or a {n} literal announcement.
std::size_t astring(string_view s) {
    if (s.empty()) return 0;
    if (s[0] == '"') {
        for (std::size_t i = 1; i < s.size(); ++i) {
            if (s[i] == '\\')
                ++i;
            else if (s[i] == '"')
                return i + 1;
        }
        return 0;
    }
    if (s[0] == '{') {
        const auto close = s.find('}');
        return close != string_view::npos && close == s.size() - 1 && is_digits(s.substr(1, close - 1)) ? s.size() : 0;
    }
    const auto end = s.find(' ');
    const string_view atom = s.substr(0, end);
    return atom.find_first_of("(){%*\"\\") == string_view::npos ? atom.size() : 0;
}
// "<tag> CAPABILITY|STARTTLS|NOOP|LOGOUT|LOGIN u p|AUTHENTICATE mech [ir]", the whole payload.
bool imap_command(Bytes p) {
    const auto line = only_line(p, 1024);
    if (!line) return false;
    const auto space = line->find(' ');
    if (space == string_view::npos || !imap_tag(line->substr(0, space))) return false;
    const string_view command = line->substr(space + 1);
    const string_view verb = command.substr(0, command.find(' '));
    if (equal_nocase(command, "CAPABILITY") || equal_nocase(command, "STARTTLS") || equal_nocase(command, "NOOP") ||
        equal_nocase(command, "LOGOUT"))
        return true;
    if (verb.size() == command.size()) return false;
    string_view args = command.substr(verb.size() + 1);
    if (equal_nocase(verb, "LOGIN")) {
        const std::size_t user = astring(args);
        if (user == 0 || user >= args.size() || args[user] != ' ') return false;
        args.remove_prefix(user + 1);
        return astring(args) == args.size();
    }
    if (equal_nocase(verb, "AUTHENTICATE")) {
        const string_view mechanism = args.substr(0, args.find(' '));
        return !mechanism.empty() && std::all_of(mechanism.begin(), mechanism.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_';
        });
    }
    return false;
}

// Telnet option negotiation (RFC 854/855): the payload opens with IAC
// commands WILL/WONT/DO/DONT <option> or SB <option> ... IAC SE, every
// option an assigned one (0-49 or 255 EXOPL, IANA telnet-options). Two such
// commands, or one that is the whole payload (a client's single answer).
bool telnet_option(std::uint8_t option) {
    return option <= 49 || option == 255;
}
bool telnet_negotiation(Bytes p) {
    std::size_t i = 0, commands = 0;
    while (i + 2 < p.size() && p[i] == 0xff) {
        const std::uint8_t command = p[i + 1];
        if (command >= 0xfb && command <= 0xfe) {
            if (!telnet_option(p[i + 2])) return false;
            i += 3;
        } else if (command == 0xfa) {  // SB <option> ... IAC SE; IAC inside is doubled
            if (!telnet_option(p[i + 2])) return false;
            std::size_t j = i + 3;
            while (j + 1 < p.size() && !(p[j] == 0xff && p[j + 1] == 0xf0)) {
                if (p[j] == 0xff && p[j + 1] != 0xff) return false;
                j += p[j] == 0xff ? 2 : 1;
            }
            if (j + 1 >= p.size()) return false;
            i = j + 2;
        } else {
            return false;
        }
        ++commands;
    }
    return commands >= 2 || (commands == 1 && i == p.size());
}

// Redis RESP (RESP2/3): one value at `at`. Only a bulk string's data may be
// cut by the payload's end (`cut`); everything else must be whole.
bool resp_number_line(Bytes p, std::size_t &at, long long &value, char marker) {
    if (at >= p.size() || p[at] != static_cast<std::uint8_t>(marker)) return false;
    std::size_t i = at + 1;
    const bool negative = i < p.size() && p[i] == '-';
    if (negative) ++i;
    const std::size_t digits = i;
    value = 0;
    while (i < p.size() && is_digit(static_cast<char>(p[i])) && i - digits < 12) value = value * 10 + (p[i++] - '0');
    if (i == digits || i + 1 >= p.size() || p[i] != '\r' || p[i + 1] != '\n') return false;
    if (negative) value = -value;
    at = i + 2;
    return true;
}
bool resp_bulk(Bytes p, std::size_t &at, bool &cut, string_view *data = nullptr) {
    long long length = 0;
    if (!resp_number_line(p, at, length, '$') || length < -1 || length > 512LL * 1024 * 1024) return false;
    if (length == -1) return true;
    const auto n = static_cast<std::size_t>(length);
    if (at + n + 2 > p.size()) {
        cut = true;
        if (data) *data = as_text(p.subspan(at));
        at = p.size();
        return true;
    }
    if (p[at + n] != '\r' || p[at + n + 1] != '\n') return false;
    if (data) *data = as_text(p.subspan(at, n));
    at += n + 2;
    return true;
}
bool resp_simple_line(Bytes p, std::size_t &at) {
    for (std::size_t i = at + 1; i + 1 < p.size(); ++i) {
        if (p[i] == '\r' && p[i + 1] == '\n') {
            at = i + 2;
            return true;
        }
        if (!text_octet(p[i], true)) return false;
    }
    return false;
}
bool resp_value(Bytes p, std::size_t &at, bool &cut, int depth = 0) {
    if (at >= p.size() || depth > 4) return false;
    long long count = 0;
    switch (p[at]) {
        case '+':
        case '-': return resp_simple_line(p, at);
        case ':': return resp_number_line(p, at, count, ':');
        case '$': return resp_bulk(p, at, cut);
        case '*':
            if (!resp_number_line(p, at, count, '*') || count < -1 || count > 1024) return false;
            for (long long i = 0; i < count && !cut; ++i)
                if (!resp_value(p, at, cut, depth + 1)) return false;
            return true;
        default: return false;
    }
}
bool command_name(string_view s) {
    return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), is_alpha);
}
// Client: commands, each an array of bulk strings whose first names a
// command (letters), to the payload's end.
bool resp_command(Bytes p) {
    std::size_t at = 0, commands = 0;
    bool cut = false;
    while (at < p.size() && !cut) {
        long long count = 0;
        if (!resp_number_line(p, at, count, '*') || count < 1 || count > 1024 * 1024) return false;
        for (long long i = 0; i < count && !cut; ++i) {
            string_view data;
            if (!resp_bulk(p, at, cut, &data)) return false;
            if (i == 0 && (cut || !command_name(data))) return false;
        }
        ++commands;
    }
    return commands > 0;
}
// Server: replies to the end of the payload, the first one only a Redis server gives.
bool resp_reply(Bytes p) {
    const string_view text = as_text(p);
    const bool known = text.starts_with("+PONG\r\n") || text.starts_with("-NOAUTH ") ||
                       text.starts_with("-ERR unknown command ") || text.starts_with("-WRONGPASS ") ||
                       text.starts_with("-DENIED Redis is running in protected mode");
    if (!known) return false;
    std::size_t at = 0;
    bool cut = false;
    while (at < p.size() && !cut)
        if (!resp_value(p, at, cut)) return false;
    return true;
}

// memcached text protocol (protocol.txt): a key is 1-250 octets without
// space or control characters.
bool memcached_key(string_view key) {
    return !key.empty() && key.size() <= 250 && std::all_of(key.begin(), key.end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
    });
}
bool u32_text(string_view s) {
    const auto value = number(s, 10);
    return value && *value <= 0xffffffffULL;
}
bool int_text(string_view s) {
    return s.starts_with('-') ? is_digits(s.substr(1)) && s.size() <= 11 : u32_text(s);
}
// Words of a line split on single spaces, at most 8.
struct Words {
    std::array<string_view, 8> word{};
    std::size_t count = 0;
    explicit Words(string_view line) {
        while (count < word.size()) {
            const auto space = line.find(' ');
            word[count++] = line.substr(0, space);
            if (space == string_view::npos) return;
            line.remove_prefix(space + 1);
        }
        count = word.size() + 1;  // too many
    }
    bool all_keys(std::size_t from) const {
        if (from >= count || count > word.size()) return false;
        for (std::size_t i = from; i < count; ++i)
            if (!memcached_key(word[i])) return false;
        return true;
    }
};
// One command line; `data` is set to the length of the data block that follows.
// Keyed: a retrieval or storage command, evidence; Plain: allowed among
// them, no evidence alone ("delete <id>" is beanstalkd's too).
enum class McLine : std::uint8_t { Bad, Plain, Keyed };
McLine memcached_command_line(string_view line, std::optional<std::size_t> &data) {
    const Words w(line);
    if (w.count == 0 || w.count > w.word.size()) return McLine::Bad;
    const string_view verb = w.word[0];
    const bool noreply = w.word[w.count - 1] == "noreply";
    const std::size_t n = w.count - (noreply ? 1 : 0);
    if (verb == "get" || verb == "gets") return w.all_keys(1) ? McLine::Keyed : McLine::Bad;
    if (verb == "gat" || verb == "gats") return int_text(w.word[1]) && w.all_keys(2) ? McLine::Keyed : McLine::Bad;
    for (string_view storage : {"set", "add", "replace", "append", "prepend", "cas"}) {
        if (verb != storage) continue;
        const std::size_t want = verb == "cas" ? 6 : 5;
        if (n != want || !memcached_key(w.word[1]) || !u32_text(w.word[2]) || !int_text(w.word[3]) ||
            !u32_text(w.word[4]) || (verb == "cas" && !number(w.word[5])))
            return McLine::Bad;
        data = static_cast<std::size_t>(*number(w.word[4]));
        return McLine::Keyed;
    }
    if (verb == "delete")
        return (n == 2 || (n == 3 && w.word[2] == "0")) && memcached_key(w.word[1]) ? McLine::Plain : McLine::Bad;
    if (verb == "incr" || verb == "decr")
        return n == 3 && memcached_key(w.word[1]) && number(w.word[2]) ? McLine::Keyed : McLine::Bad;
    if (verb == "touch") return n == 3 && memcached_key(w.word[1]) && int_text(w.word[2]) ? McLine::Keyed : McLine::Bad;
    // Commands without a key: allowed among others, no evidence alone.
    if (verb == "version" || verb == "quit" || verb == "stats" || verb == "flush_all" || verb == "verbosity")
        return n <= 3 ? McLine::Plain : McLine::Bad;
    return McLine::Bad;
}
// Lines ended by CR LF; a storage command's data block of exactly its
// length (+ CR LF). The last data block may be cut by the segment's end.
bool memcached_text_command(Bytes p) {
    Lines lines{p, Eol::Crlf};
    bool keyed = false;
    while (!lines.at_end()) {
        const auto line = lines.line();
        if (!line) return false;
        std::optional<std::size_t> data;
        const McLine kind = memcached_command_line(*line, data);
        if (kind == McLine::Bad) return false;
        keyed = keyed || kind == McLine::Keyed;
        if (!data) continue;
        if (lines.at + *data + 2 > p.size()) return keyed;  // a data block that goes on in the next segment
        if (p[lines.at + *data] != '\r' || p[lines.at + *data + 1] != '\n') return false;
        lines.at += *data + 2;
    }
    return keyed;
}
// "VERSION 1.6.18" (digits and dots, then an optional suffix), the whole payload.
bool memcached_version_reply(Bytes p) {
    const auto line = only_line(p, 128);
    if (!line || !line->starts_with("VERSION ")) return false;
    const string_view version = line->substr(8);
    const auto end = version.find_first_not_of("0123456789.");
    const string_view numeric = version.substr(0, end);
    return numeric.size() >= 3 && is_digit(numeric.front()) && is_digit(numeric.back()) &&
           numeric.find("..") == string_view::npos && count_char(numeric, '.') >= 1 &&
           (end == string_view::npos || ((version[end] == '-' || version[end] == '+' || version[end] == '~') &&
                                         printable(version.substr(end)) && version.find(' ') == string_view::npos));
}
// "VALUE <key> <flags> <bytes> [<cas>]" CR LF <data> CR LF ... "END" CR LF,
// lengths agreeing; or "STAT <name> <value>" lines (first "STAT pid").
bool memcached_values_reply(Bytes p) {
    Lines lines{p, Eol::Crlf};
    std::size_t values = 0;
    while (!lines.at_end()) {
        const auto line = lines.line();
        if (!line) return false;
        if (*line == "END") return values > 0 && lines.at_end();
        const Words w(*line);
        if (w.count < 4 || w.count > 5 || w.word[0] != "VALUE" || !memcached_key(w.word[1]) || !u32_text(w.word[2]) ||
            !u32_text(w.word[3]) || (w.count == 5 && !number(w.word[4])))
            return false;
        const auto data = static_cast<std::size_t>(*number(w.word[3]));
        ++values;
        if (lines.at + data + 2 > p.size()) return true;  // cut: goes on in the next segment
        if (p[lines.at + data] != '\r' || p[lines.at + data + 1] != '\n') return false;
        lines.at += data + 2;
    }
    return false;
}
bool memcached_stats_reply(Bytes p) {
    if (!starts_with(p, "STAT pid ")) return false;
    Lines lines{p, Eol::Crlf};
    std::size_t stats = 0;
    while (auto line = lines.line()) {
        if (*line == "END") return stats >= 3 && lines.at_end();
        const Words w(*line);
        if (w.count != 3 || w.word[0] != "STAT" || w.word[1].empty() || w.word[2].empty() ||
            !std::all_of(w.word[1].begin(), w.word[1].end(),
                         [](char c) { return is_alnum(c) || c == '_' || c == ':'; }))
            return false;
        ++stats;
    }
    return !lines.bad && stats >= 3;  // a long listing cut by the segment's end
}
bool memcached_text_reply(Bytes p) {
    return memcached_version_reply(p) || memcached_values_reply(p) || memcached_stats_reply(p);
}
bool memcached_udp_frame(Bytes p, bool (*text)(Bytes)) {
    if (p.size() < 9) return false;
    const unsigned sequence = be16(p, 2), total = be16(p, 4), reserved = be16(p, 6);
    return total >= 1 && sequence < total && reserved == 0 && text(p.subspan(8));
}
bool memcached_udp_request(Bytes p) {
    return memcached_udp_frame(p, memcached_text_command);
}
// Over UDP the frame header is structure enough for a short reply line
// (STORED...) to name: a rescap-looking "00 01" datagram otherwise.
bool memcached_udp_text_reply(Bytes p) {
    static constexpr string_view kReplies[] = {"STORED",  "NOT_STORED", "EXISTS", "NOT_FOUND",
                                               "DELETED", "TOUCHED",    "END",    "OK"};
    const auto line = only_line(p, 1024);
    if (line && std::find(std::begin(kReplies), std::end(kReplies), *line) != std::end(kReplies)) return true;
    return memcached_text_reply(p);
}
bool memcached_udp_reply(Bytes p) {
    return memcached_udp_frame(p, memcached_udp_text_reply);
}

// "@RSYNCD: <major>.<minor>[ <digest names>]" LF, then LF-ended lines (a
// module name, the MOTD).
bool rsync_greeting(Bytes p) {
    return whole_lines(
        p, Eol::Lf, 64,
        [](string_view line, std::size_t index) {
            if (index > 0) return true;
            if (!line.starts_with("@RSYNCD: ")) return false;
            const string_view version = word_at(line.substr(9), 0);
            const auto dot = version.find('.');
            if (dot == string_view::npos || !is_number(version.substr(0, dot), 3) ||
                !is_digits(version.substr(dot + 1)))
                return false;
            const string_view digests = line.substr(9 + version.size());
            return std::all_of(digests.begin(), digests.end(), [](char c) { return is_alnum(c) || c == ' '; });
        },
        true);
}

// git daemon request (pack-protocol.txt): "git-upload-pack /path\0host=h\0"
// then optional "\0key=value\0" parameters, to the end.
bool git_request_text(Bytes p) {
    const string_view text = as_text(p);
    string_view rest;
    for (string_view command : {"git-upload-pack ", "git-receive-pack ", "git-upload-archive "})
        if (text.starts_with(command)) rest = text.substr(command.size());
    if (rest.empty() || (rest[0] != '/' && rest[0] != '~')) return false;
    const auto path_end = rest.find('\0');
    if (path_end == string_view::npos || !printable(rest.substr(0, path_end))) return false;
    rest.remove_prefix(path_end + 1);
    if (rest.empty()) return true;
    if (!rest.starts_with("host=")) return false;
    // host=...\0, then optionally \0 and NUL-terminated key=value parameters.
    std::size_t fields = 0;
    while (!rest.empty()) {
        const auto end = rest.find('\0');
        if (end == string_view::npos || !printable(rest.substr(0, end))) return false;
        if (end == 0 && fields != 1) return false;
        rest.remove_prefix(end + 1);
        ++fields;
    }
    return true;
}
bool git_request(Bytes p) {
    if (p.size() < 8) return false;
    unsigned length = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const int digit = std::isxdigit(p[i]) ? (std::isdigit(p[i]) ? p[i] - '0' : std::tolower(p[i]) - 'a' + 10) : -1;
        if (digit < 0) return false;
        length = length << 4 | static_cast<unsigned>(digit);
    }
    return length == p.size() && git_request_text(p.subspan(4));
}
// The same request whose four-digit length came in a segment of its own.
bool git_request_body(Bytes p) {
    return as_text(p).find(string_view("\0host=", 6)) != string_view::npos && git_request_text(p);
}

// IRC (RFC 2812): registration from the client, every line a registration
// command (PASS, NICK, USER, CAP), with NICK and USER (or CAP LS and one of them).
bool irc_nick(string_view nick) {
    return !nick.empty() && nick.size() <= 32 && !is_digit(nick[0]) && nick[0] != '-' &&
           std::all_of(nick.begin(), nick.end(),
                       [](char c) { return is_alnum(c) || string_view("[]\\`_^{|}-").find(c) != string_view::npos; });
}
bool irc_client(Bytes p) {
    bool nick = false, user = false, cap = false;
    const bool ok = whole_lines(
        p, Eol::Crlf, 8,
        [&](string_view line, std::size_t) {
            if (line.starts_with("PASS ")) return line.size() > 5 && line.find(' ', 5) == string_view::npos;
            if (line.starts_with("NICK ")) return nick = irc_nick(line.substr(5));
            if (line.starts_with("CAP ")) {
                const string_view sub = word_at(line, 1);
                cap = cap || sub == "LS";
                return sub == "LS" || sub == "REQ" || sub == "END";
            }
            // USER <user> <mode> <unused> :<realname>
            const auto colon = line.find(" :");
            if (!line.starts_with("USER ") || colon == string_view::npos || count_char(line.substr(0, colon), ' ') != 3)
                return false;
            return user = irc_nick(word_at(line, 1)) || memcached_key(word_at(line, 1));
        },
        true);
    return ok && ((nick && user) || (cap && (nick || user)));
}
// Server: lines ":prefix COMMAND params" (NOTICE or a numeric first);
// the last line may be cut by the segment's end.
// A prefix: a server name or nick!user@host (no '/', no space).
bool irc_prefix(string_view prefix) {
    return !prefix.empty() && std::all_of(prefix.begin(), prefix.end(), [](char c) {
        return is_alnum(c) || string_view(".-_:!@~[]\\`^{}|").find(c) != string_view::npos;
    });
}
// A numeric reply's command: three digits (RFC 2812 2.4).
bool irc_numeric(string_view command) {
    return command.size() == 3 && is_digits(command);
}
bool irc_message_line(string_view line, bool first) {
    string_view rest = line;
    if (rest.starts_with(':')) {
        const auto space = rest.find(' ');
        if (space == string_view::npos || !irc_prefix(rest.substr(1, space - 1))) return false;
        rest.remove_prefix(space + 1);
    } else if (first && !rest.starts_with("NOTICE ")) {
        return false;
    }
    const string_view command = rest.substr(0, rest.find(' '));
    const bool numeric = irc_numeric(command);
    // The first: NOTICE or a numeric, a target, then a trailing ":text".
    if (first)
        return (numeric || command == "NOTICE") && rest.find(" :") != string_view::npos && !word_at(rest, 1).empty();
    return numeric || (!command.empty() &&
                       std::all_of(command.begin(), command.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
}
bool irc_server(Bytes p) {
    Lines lines{p, Eol::Crlf, true};
    std::size_t count = 0;
    bool numeric = false;
    // A NOTICE alone is one word of evidence (any chat-like protocol has
    // one): the payload needs a numeric reply too.
    while (auto line = lines.line()) {
        if (!irc_message_line(*line, count == 0)) return false;
        numeric = numeric || irc_numeric(word_at(*line, line->starts_with(':') ? 1 : 0));
        ++count;
    }
    // A line cut by the segment's end starts like a message too.
    const string_view cut = as_text(p.subspan(lines.at));
    return !lines.bad && numeric && (cut.empty() || cut[0] == ':' || (cut[0] >= 'A' && cut[0] <= 'Z'));
}

// XMPP (RFC 6120 4.2): an optional XML declaration, then the
// <stream:stream> tag, whole, with the streams namespace and jabber:client/server.
bool xmpp_stream(Bytes p) {
    string_view text = as_text(p.first(std::min<std::size_t>(p.size(), 1024)));
    if (text.starts_with("<?xml")) {
        const auto end = text.find("?>");
        if (end == string_view::npos) return false;
        text.remove_prefix(end + 2);
        while (!text.empty() && (text[0] == '\n' || text[0] == '\r' || text[0] == ' ')) text.remove_prefix(1);
    }
    if (!text.starts_with("<stream:stream ")) return false;
    const auto close = text.find('>');
    if (close == string_view::npos || !printable(text.substr(0, close), true)) return false;
    const string_view tag = text.substr(0, close);
    const bool streams = tag.find("xmlns:stream='http://etherx.jabber.org/streams'") != string_view::npos ||
                         tag.find("xmlns:stream=\"http://etherx.jabber.org/streams\"") != string_view::npos;
    const bool jabber =
        tag.find("'jabber:client'") != string_view::npos || tag.find("\"jabber:client\"") != string_view::npos ||
        tag.find("'jabber:server'") != string_view::npos || tag.find("\"jabber:server\"") != string_view::npos;
    return streams && jabber;
}

// syslog: "<PRI>" (0-191, no leading zero) then an RFC 5424 header
// ("1 " timestamp host app procid msgid) or an RFC 3164 timestamp
// ("Mmm dd hh:mm:ss "), then text to the end (a trailing LF or NUL allowed).
bool bsd_timestamp(string_view s) {
    static constexpr string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() < 16 || std::find(std::begin(kMonths), std::end(kMonths), s.substr(0, 3)) == std::end(kMonths))
        return false;
    const bool day = s[3] == ' ' && (s[4] == ' ' || (s[4] >= '1' && s[4] <= '3')) && is_digit(s[5]) && s[6] == ' ';
    const bool time = is_digit(s[7]) && is_digit(s[8]) && s[9] == ':' && is_digit(s[10]) && is_digit(s[11]) &&
                      s[12] == ':' && is_digit(s[13]) && is_digit(s[14]) && s[15] == ' ';
    return day && time;
}
bool rfc5424_header(string_view s) {
    if (!s.starts_with("1 ")) return false;
    const string_view timestamp = word_at(s, 1);
    const bool time_ok = timestamp == "-" ||
                         (timestamp.size() >= 20 && is_digits(timestamp.substr(0, 4)) && timestamp[4] == '-' &&
                          timestamp[7] == '-' && timestamp[10] == 'T' && timestamp[13] == ':' && timestamp[16] == ':');
    if (!time_ok) return false;
    for (std::size_t field = 2; field <= 5; ++field) {  // HOSTNAME APP-NAME PROCID MSGID
        const string_view value = word_at(s, field);
        if (value.empty() || value.size() > 255 || !printable(value)) return false;
    }
    return count_char(s.substr(0, std::min<std::size_t>(s.size(), 600)), ' ') >= 6 || s.back() != ' ';
}
bool syslog_message(Bytes p) {
    if (p.size() < 8 || p[0] != '<') return false;
    std::size_t i = 1;
    while (i < p.size() && i <= 3 && is_digit(static_cast<char>(p[i]))) ++i;
    const string_view pri = as_text(p.subspan(1, i - 1));
    if (i >= p.size() || p[i] != '>' || !is_number(pri, 3) || *number(pri) > 191) return false;
    string_view rest = as_text(p.subspan(i + 1));
    while (!rest.empty() && (rest.back() == '\n' || rest.back() == '\0')) rest.remove_suffix(1);
    if (!printable(rest, true)) return false;
    return bsd_timestamp(rest) || rfc5424_header(rest);
}

// --- a shell behind the port (server side) ----------------------------------
// Output shapes of commands a shell runs, line by line, and the prompts it
// shows: a chat line or a mail body is none of these.

// id: "uid=N(name) gid=N(name)[ groups=N(name)[,N(name)...]][ context=...]"
bool id_pair(string_view &s, string_view key) {
    if (!s.starts_with(key)) return false;
    s.remove_prefix(key.size());
    const auto open = s.find('(');
    const auto close = s.find(')');
    if (open == string_view::npos || close == string_view::npos || close < open + 2 || close - open > 33 ||
        !is_digits(s.substr(0, open)) || open > 10)
        return false;
    const string_view name = s.substr(open + 1, close - open - 1);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.' || c == '$'; }))
        return false;
    s.remove_prefix(close + 1);
    return true;
}
bool id_output_line(string_view line) {
    if (!id_pair(line, "uid=") || !id_pair(line, " gid=")) return false;
    if (line.starts_with(" groups=")) {
        string_view groups = line.substr(1);
        if (!id_pair(groups, "groups=")) return false;
        while (groups.starts_with(',')) {
            groups.remove_prefix(1);
            if (!id_pair(groups, "")) return false;
        }
        line = groups;
    }
    return line.empty() || (line.starts_with(" context=") && printable(line));
}
// uname -a: "Linux <host> <release> #<build...> <machine> [<processor> <platform>] GNU/Linux"
bool uname_output_line(string_view line) {
    static constexpr string_view kSystems[] = {"Linux ", "FreeBSD ", "OpenBSD ", "NetBSD ", "Darwin "};
    if (std::none_of(std::begin(kSystems), std::end(kSystems), [line](string_view s) { return line.starts_with(s); }) ||
        !printable(line) || line.size() > 400)
        return false;
    const string_view release = word_at(line, 2);
    if (release.empty() || !is_digit(release[0]) || release.find('.') == string_view::npos) return false;
    if (line.find(" #") == string_view::npos) return false;
    static constexpr string_view kMachines[] = {" x86_64", " aarch64", " i686",    " i386",  " armv7l", " riscv64",
                                                " amd64",  " arm64",   " ppc64le", " s390x", " mips"};
    return std::any_of(std::begin(kMachines), std::end(kMachines),
                       [line](string_view m) { return line.find(m) != string_view::npos; }) &&
           (line.ends_with(" GNU/Linux") || !line.starts_with("Linux "));
}
// /etc/passwd: "name:x:uid:gid:gecos:home:shell"
bool passwd_line(string_view line) {
    if (count_char(line, ':') != 6 || !printable(line)) return false;
    const auto field = [line](std::size_t n) {
        string_view s = line;
        for (std::size_t i = 0; i < n; ++i) s.remove_prefix(s.find(':') + 1);
        return s.substr(0, s.find(':'));
    };
    const string_view name = field(0), home = field(5), shell = field(6);
    return !name.empty() && is_number(field(2), 10) && is_number(field(3), 10) && home.starts_with('/') &&
           shell.starts_with('/') && memcached_key(name);
}
// A prompt, the last line without its end: "user@host:path$ ", "sh-5.2$ ",
// "bash-5.1# ", or "$ " / "# " alone.
bool prompt_line(string_view last) {
    if (last.size() < 2 || last.size() > 64 || !printable(last)) return false;
    if (!last.ends_with("$ ") && !last.ends_with("# ")) return false;
    const string_view head = last.substr(0, last.size() - 2);
    if (head.empty()) return true;
    const auto dash = head.rfind("sh-");
    if (dash != string_view::npos && is_digits(head.substr(dash + 3, 1)) &&
        head.find_first_not_of("0123456789.", dash + 3) == string_view::npos &&
        std::all_of(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(dash),
                    [](char c) { return c >= 'a' && c <= 'z'; }))
        return true;
    // user@host:path with the path "~" or absolute
    const auto at = head.find('@');
    const auto colon = head.find(':');
    if (at == string_view::npos || at == 0 || colon == string_view::npos || colon < at + 2) return false;
    const string_view user = head.substr(0, at), host = head.substr(at + 1, colon - at - 1),
                      path = head.substr(colon + 1);
    return memcached_key(user) && domain_name(host) && (path.starts_with('~') || path.starts_with('/')) &&
           path.find(' ') == string_view::npos;
}
bool shell_output_line(string_view line) {
    return id_output_line(line) || uname_output_line(line) || passwd_line(line);
}
// Every line is a command's output of a known shape (id, uname -a,
// /etc/passwd), LF-ended, optionally followed by a prompt.
bool shell_output(Bytes p) {
    Lines lines{p, Eol::Lf};
    std::size_t count = 0;
    while (auto line = lines.line()) {
        if (!shell_output_line(*line)) return false;
        ++count;
    }
    if (lines.bad || count == 0) return false;
    return lines.at_end() || prompt_line(as_text(p.subspan(lines.at)));
}
// A prompt of a user or a shell ending the payload, after lines of text
// (a banner, "no job control").
bool shell_prompt(Bytes p) {
    if (p.size() > 1024) return false;
    Lines lines{p, Eol::Lf, true};
    std::size_t count = 0;
    while (lines.line()) ++count;
    if (lines.bad || count > 8) return false;
    // "$ " or "# " alone is too short to name a conversation (the exposure
    // scanner still takes it, answered by a command line).
    const string_view last = as_text(p.subspan(lines.at));
    return prompt_line(last) && last.size() > 2;
}

// --- binary protocols -----------------------------------------------------

// TLS (RFC 5246/8446): a handshake record (version 3.0-3.4, length at most
// 2^14 + 2048) whose first message is a ClientHello or ServerHello that
// fits in it: legacy version 3.0-3.4, 32 random octets, a session id of at
// most 32, (ClientHello) an even non-empty cipher-suite list and 1+
// compression methods, extensions whose length agrees. Messages and
// records that follow in the payload must have sane headers. A hello cut
// by the segment's end is accepted when the part present holds at least the
// session id length and is consistent; a lone alert record also names.
bool tls_record_header(Bytes p, std::size_t at) {
    return p[at] >= 20 && p[at] <= 23 && p[at + 1] == 3 && p[at + 2] <= 4 && be16(p, at + 3) != 0 &&
           be16(p, at + 3) <= 0x4000 + 2048;
}
// `hello`: the part present of a hello body whose declared length is `length`.
bool tls_hello(Bytes hello, std::size_t length, unsigned type) {
    if (hello.size() < 35) return false;
    const unsigned version = be16(hello, 0);
    if (version < 0x0300 || version > 0x0304) return false;
    const std::size_t session = hello[34];
    if (session > 32) return false;
    std::size_t at = 35 + session;
    if (type == 1) {
        if (at + 2 > hello.size()) return at + 2 <= length;
        const unsigned suites = be16(hello, at);
        if (suites == 0 || suites % 2 != 0) return false;
        at += 2 + suites;
        if (at + 1 > hello.size()) return at + 1 <= length;
        const unsigned methods = hello[at];
        if (methods == 0) return false;
        at += 1 + methods;
    } else {
        at += 3;  // cipher suite, compression method (null or DEFLATE)
        if (at > hello.size()) return at <= length;
        if (hello[at - 1] > 1) return false;
    }
    if (at == length) return true;  // no extensions
    if (at + 2 > length) return false;
    if (at + 2 > hello.size()) return true;
    return at + 2 + be16(hello, at) == length;
}
bool tls_handshake_type(std::uint8_t type) {
    static constexpr std::uint8_t kTypes[] = {0, 1, 2, 4, 5, 8, 11, 12, 13, 14, 15, 16, 20, 21, 22, 24};
    return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}
bool tls_record(Bytes p) {
    if (p.size() == 7 && p[0] == 21 && p[1] == 3 && p[2] <= 4 && be16(p, 3) == 2)  // a lone alert
        return p[5] == 1 || p[5] == 2;
    if (p.size() < 5 + 4 + 35 || p[0] != 22 || !tls_record_header(p, 0)) return false;
    const std::size_t record_end = 5 + be16(p, 3);
    const unsigned type = p[5];
    const std::size_t length = be24(p, 6);
    if ((type != 1 && type != 2) || length < 38 || 9 + length > record_end) return false;
    if (!tls_hello(p.subspan(9, std::min(p.size(), 9 + length) - 9), length, type)) return false;
    // More handshake messages in the record (the last may go on in the next record).
    std::size_t at = 9 + length;
    while (at + 4 <= std::min(p.size(), record_end)) {
        if (!tls_handshake_type(p[at])) return false;
        at += 4 + be24(p, at + 1);
    }
    if (at < record_end && record_end <= p.size() && at + 4 > record_end) return false;  // a cut header
    // Later records in the same payload (ChangeCipherSpec, encrypted data).
    for (at = record_end; at + 5 <= p.size(); at += 5 + be16(p, at + 3))
        if (!tls_record_header(p, at)) return false;
    return true;
}

// DNS (RFC 1035): header, then every record of every section parses (names
// with compression pointers to earlier octets), to the end of the message.
// `base` skips TCP's two-octet length, and `end` is where the message ends
// by that length: a TCP message cut by the segment's end needs its question
// whole and every record present to parse.
bool dns_name(Bytes p, std::size_t base, std::size_t &i) {
    for (unsigned labels = 0; labels < 128; ++labels) {
        if (i >= p.size()) return false;
        const std::uint8_t length = p[i];
        if (length == 0) {
            ++i;
            return true;
        }
        if ((length & 0xc0) == 0xc0) {
            if (i + 2 > p.size() || base + ((length & 0x3f) << 8 | p[i + 1]) >= i) return false;
            i += 2;
            return true;
        }
        if (length > 63) return false;
        i += 1 + length;
    }
    return false;
}
// A question's label as resolvers and mDNS responders write it: UTF-8 text
// (RFC 6762 16, RFC 6763 4.1.1) without control characters. (A mutated
// NetBIOS name is not a DNS name.)
bool dns_label_text(Bytes label) {
    for (std::size_t i = 0; i < label.size();) {
        const std::uint8_t c = label[i];
        if (c < 0x20 || c == 0x7f) return false;
        const std::size_t more = c < 0x80                ? 0
                                 : c >= 0xc2 && c < 0xe0 ? 1
                                 : c >= 0xe0 && c < 0xf0 ? 2
                                 : c >= 0xf0 && c < 0xf5 ? 3
                                                         : 4;
        if (more > 3 || i + 1 + more > label.size()) return false;
        for (std::size_t k = 1; k <= more; ++k)
            if ((label[i + k] & 0xc0) != 0x80) return false;
        i += 1 + more;
    }
    return true;
}
// An assigned QTYPE (IANA "Resource Record (RR) TYPEs"): data and meta
// types up to 511, TA and DLV, private use.
bool dns_qtype_assigned(unsigned qtype) {
    return (qtype >= 1 && qtype <= 511) || qtype == 32768 || qtype == 32769 || qtype >= 65280;
}
bool dns_message_at(Bytes p, std::size_t base, std::size_t end) {
    const bool may_be_cut = end > p.size();
    if (p.size() < base + 12 + 5) return false;
    const unsigned flags = be16(p, base + 2);
    const unsigned opcode = flags >> 11 & 0xf;
    const unsigned questions = be16(p, base + 4), answers = be16(p, base + 6), authority = be16(p, base + 8),
                   additional = be16(p, base + 10);
    const bool response = flags & 0x8000;
    if (opcode > 5 || opcode == 3 || questions != 1 || (flags & 0x0040) != 0) return false;
    if (!response && (answers != 0 || authority != 0 || additional > 1 || (flags & 0x000f) != 0)) return false;
    std::size_t i = base + 12;
    unsigned labels = 0;
    for (; i < p.size() && p[i] != 0; ++labels) {
        if (p[i] > 63 || labels > 127 || i + 1 + p[i] > p.size() || !dns_label_text(p.subspan(i + 1, p[i])))
            return false;  // no compression in the first question
        i += 1 + p[i];
    }
    // RFC 1002 4.1: a name of one 32-octet label is a NetBIOS encoded name
    // (the NetBIOS name service row's to name), not a DNS host name.
    if (labels == 1 && p[base + 12] == 32) return false;
    if (i + 5 > p.size()) return false;
    const unsigned qtype = be16(p, i + 1), qclass = be16(p, i + 3) & 0x7fff;
    if (!dns_qtype_assigned(qtype) || (qclass != 1 && qclass != 3 && qclass != 4 && qclass != 255)) return false;
    i += 5;
    for (unsigned record = 0; record < answers + authority + additional; ++record) {
        if (!dns_name(p, base, i) || i + 10 > p.size()) return may_be_cut;
        const std::size_t rdlength = be16(p, i + 8);
        i += 10 + rdlength;
        if (i > p.size()) return may_be_cut;
    }
    return i == end;
}
bool dns_udp(Bytes p) {
    return dns_message_at(p, 0, p.size());
}
bool dns_tcp(Bytes p) {
    if (p.size() < 2 || be16(p, 0) < p.size() - 2) return false;
    return dns_message_at(p, 2, 2 + be16(p, 0));
}

// BER (X.690): ber.hpp's readers under this file's names.
bool ber_tlv(Bytes p, std::size_t &i, std::uint8_t tag, std::size_t limit, std::size_t &begin, std::size_t &end) {
    return ber::tlv(p, i, tag, limit, begin, end);
}
bool ber_integer(Bytes p, std::size_t &i, std::size_t limit, std::size_t max_octets = 4) {
    std::size_t begin = 0, end = 0;
    return ber_tlv(p, i, 0x02, limit, begin, end) && end > begin && end - begin <= max_octets;
}

// LDAP (RFC 4511): LDAPMessage ::= SEQUENCE { messageID INTEGER,
// protocolOp [APPLICATION n], controls [0] OPTIONAL } with every length
// agreeing with the payload; a bindRequest has version 1-3 and a name.
// The first fields of each protocolOp (RFC 4511 4.2-4.14).
bool ldap_op_fields(Bytes p, std::uint8_t op, std::size_t i, std::size_t end) {
    std::size_t b = 0, e = 0;
    const auto octets = [&](std::uint8_t tag) { return ber_tlv(p, i, tag, end, b, e); };
    const auto enumerated = [&](unsigned max) {
        return i + 3 <= end && p[i] == 0x0a && p[i + 1] == 1 && p[i + 2] <= max && (i += 3, true);
    };
    switch (op) {
        case 0x60:  // bindRequest: version 1-3, name, simple [0] / SASL [3]
            if (i + 3 > end || p[i] != 0x02 || p[i + 1] != 0x01 || p[i + 2] < 1 || p[i + 2] > 3) return false;
            i += 3;
            return octets(0x04) && i < end && (p[i] == 0x80 || p[i] == 0xa3);
        case 0x61:
        case 0x65:
        case 0x67:
        case 0x69:
        case 0x6b:
        case 0x6d:
        case 0x6f:
        case 0x78:  // LDAPResult: resultCode, matchedDN, diagnosticMessage
            return i + 3 <= end && p[i] == 0x0a && p[i + 1] == 1 && (i += 3, true) && octets(0x04) && octets(0x04);
        case 0x63:  // searchRequest: base, scope 0-2, derefAliases 0-3, sizeLimit, timeLimit, typesOnly
            return octets(0x04) && enumerated(2) && enumerated(3) && ber_integer(p, i, end) && ber_integer(p, i, end) &&
                   i + 3 <= end && p[i] == 0x01 && p[i + 1] == 0x01;
        case 0x64:  // searchResEntry: objectName, attributes
        case 0x66:  // modifyRequest: object, changes
        case 0x68:  // addRequest: entry, attributes
        case 0x6e:  // compareRequest: entry, ava
            return octets(0x04) && i < end && p[i] == 0x30;
        case 0x6c:  // modDNRequest: entry, newrdn, deleteoldrdn
            return octets(0x04) && octets(0x04) && i + 3 <= end && p[i] == 0x01 && p[i + 1] == 0x01;
        case 0x73: return octets(0x04);  // searchResRef: URIs
        case 0x77:
            return i < end && p[i] == 0x80 && ber_tlv(p, i, 0x80, end, b, e) && printable(as_text(p.subspan(b, e - b)));
        default: return false;
    }
}
// LDAP (RFC 4511): LDAPMessage ::= SEQUENCE { messageID INTEGER,
// protocolOp [APPLICATION n], controls [0] OPTIONAL } with every length
// agreeing with the payload, and the op's own first fields in order.
bool ldap_message(Bytes p) {
    std::size_t i = 0, begin = 0, end = 0;
    if (p.size() < 7 || !ber_tlv(p, i, 0x30, p.size(), begin, end) || end != p.size()) return false;
    i = begin;
    if (!ber_integer(p, i, end) || i >= end) return false;
    const std::uint8_t op = p[i];
    if (op == 0x42) return i + 2 == end && p[i + 1] == 0;  // unbindRequest
    std::size_t op_begin = 0, op_end = 0;
    if (!ber_tlv(p, i, op, end, op_begin, op_end)) return false;
    if (i != end) {  // controls [0]
        std::size_t c_begin = 0, c_end = 0;
        if (!ber_tlv(p, i, 0xa0, end, c_begin, c_end) || i != end || c_begin == c_end || p[c_begin] != 0x30)
            return false;
    }
    return ldap_op_fields(p, op, op_begin, op_end);
}

// SNMP (RFC 3416/3412): v1/v2c SEQUENCE { version 0/1, community (printable),
// PDU [0..8] { request-id, error-status, error-index, varbinds SEQUENCE } },
// v3 SEQUENCE { version 3, msgGlobalData { msgID, msgMaxSize, msgFlags (1
// octet), msgSecurityModel } ... }; lengths agree with the payload.
bool snmp_message(Bytes p) {
    std::size_t i = 0, begin = 0, end = 0;
    if (p.size() < 10 || !ber_tlv(p, i, 0x30, p.size(), begin, end) || end != p.size()) return false;
    i = begin;
    if (i + 3 > end || p[i] != 0x02 || p[i + 1] != 0x01 || p[i + 2] > 3 || p[i + 2] == 2) return false;
    const std::uint8_t version = p[i + 2];
    i += 3;
    if (version == 3) {
        std::size_t g_begin = 0, g_end = 0, f_begin = 0, f_end = 0;
        if (!ber_tlv(p, i, 0x30, end, g_begin, g_end)) return false;
        std::size_t j = g_begin;
        return ber_integer(p, j, g_end) && ber_integer(p, j, g_end) && ber_tlv(p, j, 0x04, g_end, f_begin, f_end) &&
               f_end - f_begin == 1 && ber_integer(p, j, g_end) && j == g_end;
    }
    std::size_t c_begin = 0, c_end = 0;
    if (!ber_tlv(p, i, 0x04, end, c_begin, c_end) || !printable(as_text(p.subspan(c_begin, c_end - c_begin))))
        return false;
    if (i >= end || p[i] < 0xa0 || p[i] > 0xa8) return false;
    const std::uint8_t pdu = p[i];
    std::size_t pdu_begin = 0, pdu_end = 0;
    if (!ber_tlv(p, i, pdu, end, pdu_begin, pdu_end) || i != end) return false;
    if (pdu == 0xa4) return true;  // SNMPv1 Trap-PDU: another layout
    std::size_t j = pdu_begin, v_begin = 0, v_end = 0;
    return ber_integer(p, j, pdu_end) && ber_integer(p, j, pdu_end) && ber_integer(p, j, pdu_end) &&
           ber_tlv(p, j, 0x30, pdu_end, v_begin, v_end) && j == pdu_end;
}

// STUN (RFC 5389): message type with the top two bits clear, length a
// multiple of 4 equal to what follows the 20-octet header, magic cookie,
// attributes (TLV padded to 4) that end exactly at the end.
bool stun_message(Bytes p) {
    if (p.size() < 20 || (p[0] & 0xc0) != 0 || be16(p, 2) != p.size() - 20 || be16(p, 2) % 4 != 0 ||
        be32(p, 4) != 0x2112a442)
        return false;
    std::size_t i = 20;
    while (i + 4 <= p.size()) i += 4 + (be16(p, i + 2) + 3) / 4 * 4;
    return i == p.size();
}

// WireGuard: type 1..4, three reserved zero octets, each type's exact length.
// The whitepaper's 5.4: handshake messages end with mac2, all zero unless
// the responder is under load and sent a cookie (then that conversation is
// named by its other messages); a transport message's counter (little-
// endian, offset 8) stays below 2^32 in practice: keys change every two
// minutes, long before.
bool wireguard_message(Bytes p) {
    if (p.size() < 32 || p[1] != 0 || p[2] != 0 || p[3] != 0) return false;
    const auto zero = [&p](std::size_t at, std::size_t n) {
        return std::all_of(p.begin() + static_cast<std::ptrdiff_t>(at), p.begin() + static_cast<std::ptrdiff_t>(at + n),
                           [](std::uint8_t c) { return c == 0; });
    };
    switch (p[0]) {
        case 1: return p.size() == 148 && zero(132, 16);
        case 2: return p.size() == 92 && zero(76, 16);
        case 3: return p.size() == 64;
        case 4: return (p.size() - 32) % 16 == 0 && zero(12, 4);
        default: return false;
    }
}

// OpenVPN hard reset (client v2/v3, server v2) with key id 0: opcode,
// session id, then either no tls-auth (acks, packet id 0, to the end) or an
// HMAC (SHA1/SHA256) followed by replay packet id 1. Session ids are random
// (fewer than 3 zero octets of 8).
// A session id is 8 random octets: not mostly zeros.
bool random_id(Bytes p, std::size_t at) {
    return std::count(p.begin() + static_cast<std::ptrdiff_t>(at), p.begin() + static_cast<std::ptrdiff_t>(at + 8),
                      std::uint8_t{0}) < 3;
}
bool openvpn_reset(Bytes p) {
    if (p.size() < 14 || (p[0] & 7) != 0 || !random_id(p, 1)) return false;
    const unsigned opcode = p[0] >> 3;
    if (opcode != 7 && opcode != 8 && opcode != 10) return false;
    // No tls-auth: ack count n (the server acks the client's reset), n packet
    // ids, the peer's session id when n > 0, packet id 0, then nothing (or
    // OpenVPN 2.6's early-negotiation TLV, type 0x000F).
    const std::size_t acks = p[9];
    if (acks <= 4) {
        const std::size_t packet_id = 10 + 4 * acks + (acks > 0 ? 8 : 0);
        if (packet_id + 4 <= p.size() && be32(p, packet_id) == 0 && (acks == 0 || random_id(p, packet_id - 8))) {
            const std::size_t end = packet_id + 4;
            if (end == p.size()) return true;
            if (end + 4 <= p.size() && be16(p, end) == 0x000f && end + 4 + be16(p, end + 2) == p.size()) return true;
        }
    }
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

// SOCKS4(a) CONNECT/BIND: a port, an address outside 0.0.0.0/8 (SOCKS4a's
// 0.0.0.x aside), a printable user id ending with NUL (and SOCKS4a's host
// name's), to the end.
bool socks4_request(Bytes p) {
    if (p.size() < 9 || p[0] != 4 || (p[1] != 1 && p[1] != 2) || p.back() != 0 || be16(p, 2) == 0) return false;
    const bool socks4a = p[4] == 0 && p[5] == 0 && p[6] == 0 && p[7] != 0;
    if (p[4] == 0 && !socks4a) return false;
    const auto nuls = std::count(p.begin() + 8, p.end(), std::uint8_t{0});
    if (nuls != (socks4a ? 2 : 1)) return false;
    // A plain SOCKS4 request without a user id is 9 octets of which 4 are
    // fixed: too little (a TACACS+ header flipped and cut is one).
    if (!socks4a && p.size() == 9) return false;
    return std::all_of(p.begin() + 8, p.end(), [](std::uint8_t c) { return c == 0 || text_octet(c); }) &&
           (!socks4a || p[p.size() - 2] != 0);
}
// SOCKS5 greeting: version 5, N methods, exactly N distinct method octets,
// each IANA-assigned (0x00-0x09; clients offer no private method alone).
bool socks5_greeting(Bytes p) {
    if (p.size() < 3 || p[0] != 5 || p[1] == 0 || p.size() != 2u + p[1]) return false;
    for (std::size_t i = 2; i < p.size(); ++i) {
        if (p[i] > 0x09) return false;
        if (std::find(p.begin() + 2, p.begin() + static_cast<std::ptrdiff_t>(i), p[i]) !=
            p.begin() + static_cast<std::ptrdiff_t>(i))
            return false;
    }
    return true;
}

// MySQL/MariaDB server greeting (HandshakeV10): 3-octet length of the
// rest, sequence 0, protocol 10, a printable NUL-terminated version,
// thread id, 8 octets of salt, a zero filler, capabilities, charset,
// status, 10 reserved zeros, the rest of the salt, the plugin name.
bool mysql_greeting(Bytes p) {
    if (p.size() < 40 || p[4] != 10 || p[3] != 0) return false;
    const std::size_t length = p[0] | p[1] << 8 | p[2] << 16;
    if (length != p.size() - 4) return false;
    std::size_t i = 5;
    while (i < p.size() && p[i] != 0) {
        if (!text_octet(p[i])) return false;
        ++i;
    }
    if (i == 5 || i - 5 > 64) return false;
    i += 1 + 4 + 8;  // NUL, thread id, salt part 1
    if (i + 1 + 2 + 1 + 2 + 2 + 1 + 10 > p.size() || p[i] != 0) return false;
    const unsigned capabilities = p[i + 1] | p[i + 2] << 8 | (p[i + 6] | p[i + 7] << 8) << 16;
    const std::size_t salt = p[i + 8];
    i += 9;
    for (std::size_t k = 0; k < 6; ++k)  // reserved (MariaDB uses the last 4 for extended capabilities)
        if (p[i + k] != 0) return false;
    i += 10;
    if (capabilities & 0x8000) {  // CLIENT_SECURE_CONNECTION: the rest of the salt, NUL-terminated
        const std::size_t part2 = std::max<std::size_t>(13, salt > 8 ? salt - 8 : 0);
        if (i + part2 > p.size()) return false;
        i += part2;
    }
    if (capabilities & 0x80000) {  // CLIENT_PLUGIN_AUTH: the plugin name
        const std::size_t start = i;
        while (i < p.size() && p[i] != 0 && text_octet(p[i])) ++i;
        return i > start && (i == p.size() || (p[i] == 0 && i + 1 == p.size()));
    }
    return i == p.size();
}

// PostgreSQL startup message (protocol 3.0: name/value pairs of printable
// strings, "user" among them, a final NUL) or SSL/GSS encryption request.
bool pgsql_startup(Bytes p) {
    if (p.size() < 8 || be32(p, 0) != p.size()) return false;
    const std::uint32_t code = be32(p, 4);
    if (code == 80877103 || code == 80877104) return p.size() == 8;
    if (code != 0x00030000 || p.back() != 0 || p.size() < 8 + 5 + 2) return false;
    string_view rest = as_text(p.subspan(8, p.size() - 9));
    bool user = false;
    for (std::size_t strings = 0; !rest.empty(); ++strings) {
        const auto end = rest.find('\0');
        if (end == string_view::npos || !printable(rest.substr(0, end), true)) return false;
        if (strings % 2 == 0) {
            if (end == 0) return false;
            user = user || rest.substr(0, end) == "user";
        }
        rest.remove_prefix(end + 1);
        if (rest.empty() && strings % 2 == 0) return false;
    }
    return user;
}

// MQTT CONNECT (3.1 "MQIsdp", 3.1.1 and 5 "MQTT"): remaining length
// covering the rest, protocol name and level, flags with the reserved bit
// clear, then (5: properties) client id, will, user name and password as the
// flags say, ending exactly at the end.
bool mqtt_string(Bytes p, std::size_t &i) {
    if (i + 2 > p.size()) return false;
    i += 2 + be16(p, i);
    return i <= p.size();
}
bool mqtt_varint(Bytes p, std::size_t &i, std::size_t &value) {
    value = 0;
    for (unsigned shift = 0; i < p.size() && shift <= 21; shift += 7) {
        value |= static_cast<std::size_t>(p[i] & 0x7f) << shift;
        if ((p[i++] & 0x80) == 0) return true;
    }
    return false;
}
bool mqtt_connect(Bytes p) {
    if (p.size() < 12 || p[0] != 0x10) return false;
    std::size_t i = 1, remaining = 0;
    if (!mqtt_varint(p, i, remaining) || i + remaining != p.size()) return false;
    const Bytes rest = p.subspan(i);
    std::size_t at = 0;
    unsigned level = 0;
    if (starts_with(rest, string_view("\0\4MQTT", 6)) && rest.size() > 6 && rest[6] >= 4 && rest[6] <= 5)
        at = 6;
    else if (starts_with(rest, string_view("\0\6MQIsdp", 8)) && rest.size() > 8 && rest[8] == 3)
        at = 8;
    else
        return false;
    level = rest[at];
    if (at + 4 > rest.size()) return false;
    const std::uint8_t flags = rest[at + 1];
    if ((flags & 1) != 0 || ((flags & 0x04) == 0 && (flags & 0x38) != 0) || (flags & 0x18) == 0x18) return false;
    at += 4;  // level, flags, keep alive
    std::size_t properties = 0;
    if (level == 5) {
        if (!mqtt_varint(rest, at, properties) || at + properties > rest.size()) return false;
        at += properties;
    }
    if (!mqtt_string(rest, at)) return false;  // client id
    if (flags & 0x04) {                        // will: (5: properties) topic, payload
        if (level == 5 && (!mqtt_varint(rest, at, properties) || (at += properties) > rest.size())) return false;
        if (!mqtt_string(rest, at) || !mqtt_string(rest, at)) return false;
    }
    if ((flags & 0x80) && !mqtt_string(rest, at)) return false;
    if ((flags & 0x40) && !mqtt_string(rest, at)) return false;
    return at == rest.size();
}

// NTP (RFC 5905), 48 octets (+ a key id and an MD5/SHA-1 digest): version
// 1-4, fields a real client or server sends. Client (mode 3): a transmit
// timestamp, stratum 0-16, poll 0 or 3-17, precision -32..0 or 32 (chrony
// sends 32; a clock read in 2 s or worse is no clock), root delay and
// dispersion under 16 s, origin/receive timestamps of the client's own
// clock or zero. Server and peers (modes 1, 2, 4, 5):
// stratum 1-16 (0: a kiss code in ASCII), precision -32..0, root delay and
// dispersion under 16 s, a stratum-1 reference id in ASCII, receive and
// transmit timestamps set, transmit not before receive and within 16 s.
// Every timestamp zero or with its seconds.
bool ntp_packet(Bytes p) {
    if (p.size() != 48 && p.size() != 68 && p.size() != 72) return false;
    const unsigned version = p[0] >> 3 & 7, mode = p[0] & 7, stratum = p[1], poll = p[2];
    const auto precision = static_cast<std::int8_t>(p[3]);
    if (version < 1 || version > 4 || mode < 1 || mode > 5 || stratum > 16) return false;
    if (poll != 0 && (poll < 3 || poll > 17)) return false;
    if (be32(p, 4) >= 0x00100000 || be32(p, 8) >= 0x00100000) return false;  // root delay, dispersion < 16 s
    const auto timestamp = [&p](std::size_t at) {
        return static_cast<std::uint64_t>(be32(p, at)) << 32 | be32(p, at + 4);
    };
    const std::uint64_t reference = timestamp(16), receive = timestamp(32), transmit = timestamp(40);
    // A clock reading (or chrony's random client transmit timestamp) has
    // its seconds: 0 s and a fraction is no time any host sends.
    for (const std::size_t at : {16u, 24u, 32u, 40u})
        if (be32(p, at) == 0 && be32(p, at + 4) != 0) return false;
    const auto ascii_id = [&p] {
        for (std::size_t i = 12; i < 16; ++i)
            if (!(p[i] == 0 || (p[i] >= 'A' && p[i] <= 'Z') || is_digit(static_cast<char>(p[i])))) return false;
        return p[12] != 0;
    };
    // A synchronised clock says when it was last set: within 30 days before it sends.
    const bool set_recently = reference != 0 && reference <= transmit && (transmit - reference) >> 32 < 86400 * 30;
    if (mode == 3) {
        if (transmit == 0 || precision < -32 || (precision > 0 && precision != 32)) return false;
        if (stratum == 0) return be32(p, 12) == 0 && reference == 0;  // SNTP / chrony: nothing of its own clock
        return stratum == 16 || set_recently;                         // ntpd as a client: its own clock's state
    }
    if (precision < -32 || precision > 0) return false;
    if (stratum == 0) return ascii_id();  // kiss-o'-death
    if (stratum == 1 && !ascii_id()) return false;
    if (receive == 0 || transmit < receive || (transmit - receive) >> 32 >= 16) return false;
    return stratum == 16 || set_recently;
}

// TFTP read/write request: opcode 1/2, file name, a transfer mode, then
// option/value pairs, each NUL-terminated, to the payload's end. Error:
// opcode 5, code 0-8, one printable NUL-terminated message of 4+ octets.
bool tftp_request(Bytes p) {
    if (p.size() < 4 || p[0] != 0 || (p[1] != 1 && p[1] != 2) || p.back() != 0) return false;
    std::size_t i = 2, strings = 0;
    string_view mode;
    while (i < p.size()) {
        const std::size_t start = i;
        while (i < p.size() && p[i] != 0) {
            if (!text_octet(p[i])) return false;
            ++i;
        }
        if (i == start && strings < 2) return false;
        if (strings == 1) mode = as_text(p.subspan(start, i - start));
        ++strings;
        ++i;
    }
    const bool known_mode = equal_nocase(mode, "octet") || equal_nocase(mode, "netascii") || equal_nocase(mode, "mail");
    return known_mode && strings % 2 == 0;
}
bool tftp_error(Bytes p) {
    return p.size() >= 6 && p[0] == 0 && p[1] == 5 && p[2] == 0 && p[3] <= 8 && p.back() == 0 &&
           std::count(p.begin() + 4, p.end(), std::uint8_t{0}) == 1 && p.size() >= 4 + 4 + 1 &&
           std::all_of(p.begin() + 4, p.end() - 1, [](std::uint8_t c) { return text_octet(c); });
}

// ONC RPC call (RFC 5531): xid, CALL (0), RPC version 2, program (>= 100000),
// version 1-1000, procedure <= 1000, credentials and verifier of flavor 0-6
// with lengths (multiples of 4, at most 400, 0 for AUTH_NONE) that fit. TCP adds a record mark
// (last fragment) whose length is the rest of the payload.
bool rpc_call_at(Bytes p, std::size_t base) {
    if (p.size() < base + 40) return false;
    if (be32(p, base + 4) != 0 || be32(p, base + 8) != 2 || be32(p, base + 12) < 100000 || be32(p, base + 16) == 0 ||
        be32(p, base + 16) > 1000 || be32(p, base + 20) > 1000)
        return false;
    std::size_t at = base + 24;
    for (int auth = 0; auth < 2; ++auth) {  // credentials, verifier
        if (at + 8 > p.size()) return false;
        const std::uint32_t flavor = be32(p, at), length = be32(p, at + 4);
        if (flavor > 6 || length > 400 || length % 4 != 0 || (flavor == 0 && length != 0)) return false;
        at += 8 + length;
    }
    return at <= p.size();
}
bool rpc_udp(Bytes p) {
    return rpc_call_at(p, 0);
}
bool rpc_tcp(Bytes p) {
    return p.size() > 4 && be32(p, 0) == (0x80000000u | static_cast<std::uint32_t>(p.size() - 4)) && rpc_call_at(p, 4);
}

using T = Transport;
using S = Sender;

// Order: specific before general (RTSP/SIP before HTTP; the memcached UDP
// frame header before anything else starting 00 01).
// A C array: the class template argument deduction of std::array folds over every element, and clang caps
// folds at 256.
constexpr Signature kSignatures[] = {
    Signature{"ssh-banner", "SSH", "ssh", 22, T::Tcp, S::Either, "ssh",
              "\"SSH-2.0-\" banner line (CR LF, <= 255), then a KEXINIT that fits", ssh_banner},
    Signature{"tls-hello", "TLS", "tls", 443, T::Tcp, S::Either, "ssl",
              "handshake record whose ClientHello/ServerHello fields fit", tls_record},
    Signature{"rtsp-request", "RTSP", "rtsp", 554, T::Both, S::Client, "rtsp",
              "request line METHOD rtsp://... RTSP/1.0, header lines", rtsp_request},
    Signature{"rtsp-response", "RTSP", "rtsp", 554, T::Both, S::Server, "rtsp",
              "status line RTSP/1.0 ddd, header lines", rtsp_response},
    Signature{"sip-request", "SIP", "sip", 5060, T::Both, S::Client, "sip",
              "request line METHOD sip:... SIP/2.0, header lines", sip_request},
    Signature{"sip-response", "SIP", "sip", 5060, T::Both, S::Server, "sip", "status line SIP/2.0 ddd, header lines",
              sip_response},
    Signature{"icap-request", "ICAP", "icap", 1344, T::Tcp, S::Client, "icap",
              "request line REQMOD / RESPMOD / OPTIONS icap://... ICAP/1.0, header lines", icap_request},
    Signature{"icap-response", "ICAP", "icap", 1344, T::Tcp, S::Server, "icap",
              "status line ICAP/1.0 ddd, header lines", icap_response},
    Signature{"gnutella-connect", "Gnutella", "gnutella", 6346, T::Tcp, S::Client, "gnutella",
              "GNUTELLA CONNECT/0.6 CR LF, header lines", gnutella_connect},
    Signature{"gnutella-answer", "Gnutella", "gnutella", 6346, T::Tcp, S::Server, "gnutella",
              "status line GNUTELLA/0.6 ddd, header lines", gnutella_answer},
    // Both: HTTP over UDP exists (HTTPU, SSDP).
    Signature{"http-request", "HTTP", "http", 80, T::Both, S::Client, "http",
              "request line METHOD target HTTP/1.x, header lines", http_request},
    Signature{"http-response", "HTTP", "http", 80, T::Both, S::Server, "http", "status line HTTP/1.x ddd, header lines",
              http_response},
    Signature{"ftp-greeting", "FTP", "ftp", 21, T::Tcp, S::Server, "ftp",
              "whole 220 reply (220- lines, 220 line) naming FTP", ftp_greeting},
    Signature{"ftp-command", "FTP", "ftp", 21, T::Tcp, S::Client, "ftp",
              "the whole payload one FTP-only command (FEAT, AUTH TLS, SYST, OPTS UTF8 ON)", ftp_command},
    Signature{"smtp-greeting", "SMTP", "smtp", 25, T::Tcp, S::Server, "smtp", "whole 220 reply: domain, then (E)SMTP",
              smtp_greeting},
    Signature{"smtp-hello", "SMTP", "smtp", 25, T::Tcp, S::Client, "smtp",
              "the whole payload EHLO / HELO <domain> CR LF", smtp_hello},
    Signature{"pop3-greeting", "POP3", "pop", 110, T::Tcp, S::Server, "pop3", "the whole payload one +OK <text> line",
              pop3_greeting},
    Signature{"pop3-command", "POP3", "pop", 110, T::Tcp, S::Client, "pop3",
              "the whole payload CAPA / STLS / APOP <name> <md5 hex>", pop3_command},
    Signature{"imap-greeting", "IMAP", "imap", 143, T::Tcp, S::Server, "imap",
              "untagged lines, the first * OK / PREAUTH / BYE", imap_greeting},
    Signature{"imap-command", "IMAP", "imap", 143, T::Tcp, S::Client, "imap",
              "the whole payload <tag> CAPABILITY / LOGIN u p / AUTHENTICATE m", imap_command},
    Signature{"telnet-iac", "Telnet", "telnet", 23, T::Tcp, S::Either, "telnet",
              "2+ IAC WILL/WONT/DO/DONT/SB of assigned options (or one, the whole payload)", telnet_negotiation},
    Signature{"redis-resp", "Redis", nullptr, 6379, T::Tcp, S::Client, "redis",
              "RESP arrays of bulk strings to the end, a command name first", resp_command},
    Signature{"redis-reply", "Redis", nullptr, 6379, T::Tcp, S::Server, "redis",
              "RESP replies to the end, the first +PONG / -NOAUTH / -ERR unknown command", resp_reply},
    // beanstalkd before memcached: "delete 1" / "DELETED" are both's words, beanstalkd's own
    // verbs (put, reserve, INSERTED...) say which.
    Signature{"beanstalkd-command", "beanstalkd", nullptr, 11300, T::Tcp, S::Client, nullptr,
              "CR LF commands with their arity (put's job body of its length), one only beanstalkd has",
              text_rows::beanstalkd_commands},
    Signature{"beanstalkd-reply", "beanstalkd", nullptr, 11300, T::Tcp, S::Server, nullptr,
              "CR LF replies with their arity (RESERVED / FOUND bodies of their length), one only beanstalkd sends",
              text_rows::beanstalkd_replies},
    Signature{"memcached-udp", "memcached", "memcache.udp", 11211, T::Udp, S::Client, "memcached",
              "UDP frame header + keyed text commands", memcached_udp_request},
    Signature{"memcached-udp-reply", "memcached", "memcache.udp", 11211, T::Udp, S::Server, "memcached",
              "UDP frame header + STORED/END.. line / VALUE...END / VERSION n.n / STAT lines", memcached_udp_reply},
    Signature{"memcached-text", "memcached", "memcache.tcp", 11211, T::Tcp, S::Client, "memcached",
              "keyed commands (get k / set k f e n + n octets), lengths agreeing", memcached_text_command},
    Signature{"memcached-reply", "memcached", "memcache.tcp", 11211, T::Tcp, S::Server, "memcached",
              "VALUE k f n + n octets ... END / VERSION n.n / STAT lines", memcached_text_reply},
    Signature{"rsync-greeting", "rsync", nullptr, 873, T::Tcp, S::Either, "rsync",
              "@RSYNCD: <major>.<minor> [digests] LF, then LF lines", rsync_greeting},
    Signature{"git-request", "Git", "git", 9418, T::Tcp, S::Client, "git",
              "pkt-line length = payload, git-upload-pack /path NUL host= NUL", git_request},
    Signature{"git-request-body", "Git", "git", 9418, T::Tcp, S::Client, "git",
              "git-upload-pack /path\\0host=... (length sent apart)", git_request_body},
    Signature{"irc-client", "IRC", nullptr, 6667, T::Tcp, S::Client, "irc",
              "only registration lines; NICK and USER u m * :name (or CAP LS)", irc_client},
    Signature{"irc-server", "IRC", nullptr, 6667, T::Tcp, S::Server, "irc",
              "IRC message lines, the first :server NOTICE / numeric, a three-digit numeric among them", irc_server},
    Signature{"xmpp-stream", "XMPP", "xmpp", 5222, T::Tcp, S::Either, "xmpp",
              "<stream:stream> tag with the streams namespace and jabber:client/server", xmpp_stream},
    // Before DNS: a NetBIOS name service message is also a DNS message.
    Signature{"nbns", "NetBIOS-NS", nullptr, 137, T::Udp, S::Either, "netbios-ns",
              "RFC 1002 header (opcode 0/5-8, counts 0-1), encoded names, NB/NBSTAT records, to the end",
              framed::nbns_message},
    Signature{"dns-udp", "DNS", "dns", 53, T::Udp, S::Either, "domain",
              "header, one question, every record parses to the end", dns_udp},
    Signature{"dns-tcp", "DNS", "dns", 53, T::Tcp, S::Either, "domain", "length prefix + a DNS message that parses",
              dns_tcp},
    Signature{"ldap-ber", "LDAP", "ldap", 389, T::Both, S::Either, "ldap",
              "BER LDAPMessage, lengths agree to the end (bindRequest version 1-3)", ldap_message},
    // Both: RFC 3430 carries the same BER messages over TCP, unframed.
    Signature{"snmp-ber", "SNMP", "snmp", 161, T::Both, S::Either, "snmp",
              "BER message: version, printable community, PDU fields to the end", snmp_message},
    Signature{"stun-cookie", "STUN", "stun-udp", 3478, T::Udp, S::Either, "stun",
              "STUN header, length, cookie 0x2112A442, attributes to the end", stun_message},
    Signature{"stun-cookie-tcp", "STUN", "stun-tcp", 3478, T::Tcp, S::Either, "stun",
              "STUN header, length, cookie 0x2112A442, attributes to the end", stun_message},
    Signature{"wireguard", "WireGuard", "wg", 51820, T::Udp, S::Either, "wireguard",
              "message type 1-4 with its exact length", wireguard_message},
    Signature{"openvpn-udp", "OpenVPN", "openvpn.udp", 1194, T::Udp, S::Either, "openvpn",
              "hard-reset opcode, key id 0, session id, packet id", openvpn_udp},
    Signature{"openvpn-tcp", "OpenVPN", "openvpn.tcp", 1194, T::Tcp, S::Either, "openvpn",
              "length prefix + hard-reset opcode", openvpn_tcp},
    Signature{"socks4", "SOCKS4", nullptr, 1080, T::Tcp, S::Client, "socks4",
              "version 4 CONNECT/BIND, printable user id ending with NUL", socks4_request},
    Signature{"socks5", "SOCKS5", nullptr, 1080, T::Tcp, S::Client, "socks5",
              "version 5 greeting with exactly N distinct assigned methods (0-9)", socks5_greeting},
    Signature{"mysql-greeting", "MySQL", "mysql", 3306, T::Tcp, S::Server, "mysql",
              "handshake v10: length, version, filler, reserved zeros, salt, plugin", mysql_greeting},
    Signature{"pgsql-startup", "PostgreSQL", "pgsql", 5432, T::Tcp, S::Client, "postgresql",
              "startup (3.0) name/value pairs with user / SSLRequest, exact length", pgsql_startup},
    Signature{"mqtt-connect", "MQTT", "mqtt", 1883, T::Tcp, S::Client, "mqtt",
              "CONNECT: remaining length, MQTT/MQIsdp, flags, fields to the end", mqtt_connect},
    Signature{"tftp-request", "TFTP", "tftp", 69, T::Udp, S::Client, "tftp",
              "RRQ/WRQ: file name, mode octet/netascii/mail, options", tftp_request},
    Signature{"tftp-error", "TFTP", "tftp", 69, T::Udp, S::Server, "tftp",
              "ERROR: code 0-8, one NUL-terminated message", tftp_error},
    Signature{"rpc-call-udp", "ONC-RPC", "rpc", 111, T::Udp, S::Client, "rpcbind",
              "CALL, RPC version 2, program, credentials and verifier that fit", rpc_udp},
    Signature{"rpc-call-tcp", "ONC-RPC", "rpc-tcp", 111, T::Tcp, S::Client, "rpcbind",
              "last-fragment record mark = rest + CALL, RPC version 2", rpc_tcp},
    Signature{"syslog", "Syslog", "syslog", 514, T::Udp, S::Client, "syslog",
              "<PRI> then an RFC 3164 or RFC 5424 header, printable to the end", syslog_message},
    Signature{"shell-output", "Shell session (bind shell)", nullptr, 0, T::Tcp, S::Server, nullptr,
              "every line the output of id / uname -a / /etc/passwd, then maybe a prompt", shell_output},
    Signature{"shell-prompt", "Shell session (bind shell)", nullptr, 0, T::Tcp, S::Server, nullptr,
              "a prompt ending the payload: user@host:~$ / sh-5.2$ / # after lines of text", shell_prompt},
    Signature{"ntp", "NTP", nullptr, 123, T::Udp, S::Either, "ntp",
              "48 octets (+MAC), version 1-4, mode 1-5, fields a real client/server sends", ntp_packet},
    // --- binary, length-framed protocols (framed_signatures.cpp): after
    // every row above, which keeps the payloads it names (TLS, DNS...). The
    // NBSS session response (82 00 00 00) has no row: four octets are no evidence.
    Signature{"nbss-smb", "SMB", "nbss", 139, T::Tcp, S::Either, "netbios-ssn",
              "NBSS messages (17-bit length = rest) carrying SMB1: header, words, bytes fill each", framed::nbss_smb1},
    Signature{"nbss-smb2", "SMB2", "nbss", 445, T::Tcp, S::Either, nullptr,
              "NBSS messages carrying SMB2 (64-octet header, the command's body size) / SMB3 transform",
              framed::nbss_smb2},
    Signature{"nbss-session-request", "SMB", "nbss", 139, T::Tcp, S::Client, "netbios-ssn",
              "NBSS session request: two first-level encoded names filling its length", framed::nbss_session_request},
    Signature{"kerberos-udp", "Kerberos", "kerberos.udp", 88, T::Udp, S::Either, "kerberos-sec",
              "DER [APPLICATION n] KRB message to the end: pvno 5, msg-type n, fields in order", framed::kerberos_udp},
    Signature{"kerberos-tcp", "Kerberos", "kerberos.tcp", 88, T::Tcp, S::Either, "kerberos-sec",
              "4-octet length = rest + a DER KRB message: pvno 5, msg-type n, fields in order", framed::kerberos_tcp},
    Signature{"radius", "RADIUS", "radius", 1812, T::Udp, S::Either, "radius",
              "assigned code, length = datagram (20-4096), attributes tiling the rest", framed::radius_packet},
    Signature{"http2-preface", "HTTP/2", "http2", 0, T::Tcp, S::Client, nullptr,
              "PRI * HTTP/2.0 preface, then frames tiling the payload, a SETTINGS first", framed::http2_preface},
    Signature{"http2-settings", "HTTP/2", "http2", 0, T::Tcp, S::Server, nullptr,
              "a SETTINGS frame (stream 0, n x 6 octets, assigned ids) first, frames tiling the payload",
              framed::http2_server_settings},
    Signature{"modbus-request", "Modbus/TCP", "mbtcp", 502, T::Tcp, S::Client, "modbus",
              "MBAP (protocol 0, length = rest), a request laid out as its function code says", framed::modbus_request},
    Signature{"modbus-response", "Modbus/TCP", "mbtcp", 502, T::Tcp, S::Server, "modbus",
              "MBAP (protocol 0, length = rest), a response / exception of its function code", framed::modbus_response},
    Signature{"bgp", "BGP", "bgp", 179, T::Tcp, S::Either, "bgp",
              "messages: all-ones marker, length 19-4096, type 1-5, OPEN version 4 + parameters tiling",
              framed::bgp_messages},
    Signature{"rdp-x224-request", "RDP", "tpkt", 3389, T::Tcp, S::Client, "ms-wbt-server",
              "TPKT + X.224 connection request with mstshash cookie / RDP_NEG_REQ, lengths agreeing",
              framed::rdp_connection_request},
    Signature{"rdp-x224-confirm", "RDP", "tpkt", 3389, T::Tcp, S::Server, "ms-wbt-server",
              "TPKT + X.224 connection confirm with RDP_NEG_RSP / RDP_NEG_FAILURE", framed::rdp_connection_confirm},
    Signature{"s7comm", "S7comm", "tpkt", 102, T::Tcp, S::Either, nullptr,
              "TPKT + X.224 DT + S7comm 0x32, ROSCTR 1/3/7, parameter and data lengths filling it, known function",
              framed::s7comm_pdu},
    Signature{"amqp-header", "AMQP", "amqp", 5672, T::Tcp, S::Either, "amqp",
              "protocol header AMQP 0-9-1 / 0-9 / 1.0, the whole payload", framed::amqp_protocol_header},
    Signature{"amqp-connection-start", "AMQP", "amqp", 5672, T::Tcp, S::Server, "amqp",
              "method frame (size, 0xCE end) with connection.start 0-9, its table and strings filling it",
              framed::amqp_connection_start},
    Signature{"collectd", "collectd", "collectd", 25826, T::Udp, S::Client, nullptr,
              "parts (type, length >= 4) tiling the datagram, host and time parts", framed::collectd_packet},
    Signature{"sane-init", "SANE", "sane", 6566, T::Tcp, S::Client, "sane-port",
              "SANE_NET_INIT: opcode 0, version 1.x build 3, user name string of its length", framed::sane_net_init},
    Signature{"gearman", "Gearman", "gearman", 4730, T::Tcp, S::Either, "gearman",
              "\\0REQ / \\0RES packets, type 1-42, size = what follows, tiling the payload", framed::gearman_packets},
    Signature{"nbd-greeting", "NBD", "nbd", 10809, T::Tcp, S::Server, "nbd",
              "NBDMAGIC + IHAVEOPT (+ handshake flags) / old-style magic, size, 124 zeros",
              framed::nbd_server_greeting},
    Signature{"nbd-option", "NBD", "nbd", 10809, T::Tcp, S::Client, "nbd",
              "[client flags] + IHAVEOPT options (1-10) whose lengths tile the payload", framed::nbd_client_options},
    Signature{"dtls-hello", "DTLS", "dtls", 0, T::Udp, S::Either, nullptr,
              "handshake record (DTLS 1.0/1.2, epoch 0) with a whole Client/ServerHello / HelloVerifyRequest",
              framed::dtls_hello},
    Signature{"dhcp", "DHCP", "dhcp", 67, T::Udp, S::Either, "dhcps",
              "BOOTP op 1/2, magic cookie at 236, options to END with a message type", framed::dhcp_message},
    Signature{"ike-nat-t", "IKE", nullptr, 4500, T::Udp, S::Either, "nat-t-ike",
              "non-ESP marker (4 zero octets) + an IKE message the ike row accepts", framed::ike_nat_t},
    Signature{"ike", "IKE", "isakmp", 500, T::Udp, S::Either, "isakmp",
              "IKEv2/IKEv1 header, length = datagram, payload chain tiling it", framed::ike_message},
    Signature{"pptp", "PPTP", "pptp", 1723, T::Tcp, S::Either, "pptp",
              "control message: magic cookie 0x1A2B3C4D, type 1-15 with its exact length", framed::pptp_control},
    Signature{"tds-prelogin", "TDS (MS SQL)", "tds", 1433, T::Tcp, S::Either, "ms-sql-s",
              "PRELOGIN packet, length = payload, option tokens (VERSION first) pointing inside", framed::tds_prelogin},
    Signature{"mongodb", "MongoDB", "mongo", 27017, T::Tcp, S::Either, "mongodb",
              "messageLength = payload, OP_MSG / OP_QUERY / OP_REPLY with BSON documents to the end",
              framed::mongodb_message},
    Signature{"dnp3", "DNP3", nullptr, 20000, T::Both, S::Either, nullptr,
              "05 64 frames: length, link function, header and block CRCs, tiling the payload", framed::dnp3_frames},
    Signature{"dcerpc-co", "DCE/RPC", nullptr, 135, T::Tcp, S::Either, "msrpc",
              "PDUs v5.0/5.1, type, drep, frag_length tiling, bind contexts / bind_ack results / auth trailer fitting",
              framed::dcerpc_co},
    Signature{"dcerpc-cl", "DCE/RPC", nullptr, 135, T::Udp, S::Either, "msrpc",
              "80-octet header v4, type 0-10, flags, drep, DCE activity UUID, fragment length = the body",
              framed::dcerpc_cl},
    Signature{"h225-q931", "H.323 (H.225.0)", "q931.tpkt", 1720, T::Tcp, S::Either, "h323q931",
              "TPKT packets tiling, each Q.931 (2-octet call reference, H.225.0 message) with a User-user element",
              framed::h225_q931},
    Signature{"dsi", "AFP (DSI)", nullptr, 548, T::Tcp, S::Either, "afp",
              "DSI headers (flags 0/1, command, reserved 0, length = data) tiling, each command's data",
              framed::dsi_messages},
    Signature{"x11-setup", "X11", nullptr, 6000, T::Tcp, S::Client, "X11",
              "setup request: 'B'/'l', protocol 11.0, name and data lengths padded = the payload",
              framed::x11_setup_request},
    Signature{"smux-open", "SMUX", nullptr, 199, T::Tcp, S::Client, "smux",
              "BER OpenPDU (version 0, identity OID, description, password) filling it, then RReq / Close PDUs",
              framed::smux_open_pdus},
    Signature{"ajp13-request", "AJP13", nullptr, 8009, T::Tcp, S::Client, "ajp13",
              "0x1234 + length, a Forward Request whose strings, headers and attributes fill it / CPing",
              framed::ajp13_request},
    Signature{"ajp13-reply", "AJP13", nullptr, 8009, T::Tcp, S::Server, "ajp13",
              "\"AB\" + length packets tiling: Send Headers / Body Chunk / End Response / Get Body / CPong laid out",
              framed::ajp13_reply},
    Signature{"nbdgm", "NetBIOS-DGM", nullptr, 138, T::Udp, S::Either, "netbios-dgm",
              "RFC 1002 datagram header, length = the rest, two encoded names, then SMB / error / query",
              framed::nbdgm_message},
    Signature{"l2tp", "L2TP", nullptr, 1701, T::Udp, S::Either, "L2TP",
              "control message (v2/v3), length = datagram, Message Type AVP first, AVPs tiling it",
              framed::l2tp_control},
    Signature{"slp", "SLP", nullptr, 427, T::Both, S::Either, "svrloc",
              "SLPv2 header: function 1-11, length = message, language tag, the function's fields filling it",
              framed::slp_message},
    Signature{"ldp", "LDP", nullptr, 646, T::Both, S::Either, "ldp",
              "PDUs version 1, length <= 4096 tiling, messages (assigned types) and their TLVs tiling each",
              framed::ldp_pdus},
    Signature{"nrpe", "NRPE", nullptr, 5666, T::Tcp, S::Either, "nrpe",
              "packet v2 (1036 octets) / v3-v4 (buffer length), type 1/2, its CRC-32 agreeing", framed::nrpe_packet},
    Signature{
        "xdmcp", "XDMCP", nullptr, 177, T::Udp, S::Either, "xdmcp",
        "version 1, opcode 2-14 (no BroadcastQuery), length = the rest, the opcode's ARRAY8 / CARD fields filling it",
        framed::xdmcp_message},
    Signature{"rmcp", "RMCP/IPMI", nullptr, 623, T::Udp, S::Either, "asf-rmcp",
              "RMCP v6: ASF ping/pong (IANA 4542) / IPMI 1.5 or RMCP+ session with checksummed message / open session",
              framed::rmcp_message},
    Signature{"iscsi-login", "iSCSI", "iscsi", 3260, T::Tcp, S::Either, "iscsi",
              "48-octet Login Request / Response (stages, versions, reserved zero), key=value text padded to 4",
              framed::iscsi_login},
    Signature{"tns-connect", "Oracle TNS", nullptr, 1521, T::Tcp, S::Either, "oracle",
              "length = payload, checksums 0, Connect (version 300-399, connect data (...) at its offset) / Refuse",
              framed::tns_packet},
    Signature{"kpasswd-udp", "Kerberos kpasswd", nullptr, 464, T::Udp, S::Either, "kpasswd5",
              "length = message, version 1/0xFF80, AP-REQ/AP-REP of its length, then KRB-PRIV (KRB-ERROR) to the end",
              framed::kpasswd_udp},
    Signature{"kpasswd-tcp", "Kerberos kpasswd", nullptr, 464, T::Tcp, S::Either, "kpasswd5",
              "4-octet length = rest + the kpasswd message: AP-REQ/AP-REP, then KRB-PRIV (KRB-ERROR)",
              framed::kpasswd_tcp},
    Signature{"drda", "DRDA (DB2)", nullptr, 446, T::Tcp, S::Either, "ibm-db2",
              "DSS chain: length, 0xD0, request/reply/object type, DDM length = DSS - 6, parameters tiling",
              framed::drda_dss},
    Signature{"zookeeper-connect", "ZooKeeper", nullptr, 2181, T::Tcp, S::Either, "zookeeper",
              "length = rest, ConnectRequest / ConnectResponse: protocol 0, timeout, a 16-octet password [readOnly]",
              framed::zookeeper_connect},
    Signature{"zabbix", "Zabbix", nullptr, 10051, T::Tcp, S::Either, "zabbix-trapper",
              "\"ZBXD\", flags 1/3/5/7, little-endian data length = the rest, reserved length, text / zlib data",
              framed::zabbix_packet},
    Signature{"memcached-binary", "memcached", "memcache.tcp", 11211, T::Tcp, S::Either, "memcached",
              "24-octet headers (0x80 / 0x81, data type 0, a known opcode or status), extras and key as the opcode "
              "says, bodies tiling the payload",
              framed::memcached_binary},
    // --- services beside the main ones (service_binary_signatures.cpp) ----------
    Signature{"fastcgi-request", "FastCGI", "fcgi", 0, T::Tcp, S::Client, "fastcgi",
              "version-1 records tiling the payload, the first BEGIN_REQUEST (role 1-3) or GET_VALUES, each type's "
              "request id and length",
              framed::fastcgi_client},
    Signature{"fastcgi-response", "FastCGI", "fcgi", 0, T::Tcp, S::Server, "fastcgi",
              "version-1 records tiling the payload, the first STDOUT / STDERR / END_REQUEST or a management answer",
              framed::fastcgi_server},
    // Not handed to Wireshark 4.0's distcc dissector: it calls every token of a
    // real distcc 3.4 conversation malformed (it expects a token and its data
    // in one segment), so it would withdraw every true name.
    Signature{"distcc", "distcc", nullptr, 0, T::Tcp, S::Either, "distccd",
              "12-octet tokens DIST / ARGC / ARGV / DONE / STAT / SOUT... + 8 hex digits, string tokens' data after",
              framed::distcc_tokens},
    Signature{"epmd-request", "EPMD", "epmd", 4369, T::Tcp, S::Client, "epmd",
              "2-octet length = the rest, NAMES / DUMP / KILL, or ALIVE2 (node type, protocol 0, versions 5-6, name "
              "and extra of their lengths)",
              framed::epmd_request},
    Signature{"epmd-names", "EPMD", "epmd", 4369, T::Tcp, S::Server, "epmd",
              "NAMES answer: EPMD's port, then LF lines name <node> at port <n>", framed::epmd_names},
    Signature{"ntalk", "ntalk", nullptr, 518, T::Udp, S::Either, "ntalk",
              "talk version 1: 84-octet CTL_MSG (type 0-3, two AF_INET osockaddrs, NUL-padded names) or a 24-octet "
              "SUCCESS CTL_RESPONSE with its address",
              framed::ntalk_message},
    Signature{"bacula", "Bacula", nullptr, 9101, T::Tcp, S::Either, "bacula-dir",
              "4-octet length + handshake line: Hello <name> calling [n] / auth cram-md5 <id> ssl=n / 1000 OK auth",
              framed::bacula_handshake},
    Signature{"chrony-reply", "chrony", nullptr, 323, T::Udp, S::Server, nullptr,
              "version 5/6 reply: reserved and pads zero, command <= 80, reply code, status, 4n octets >= 28",
              framed::chrony_reply},
    Signature{"bzr", "Bazaar", "bzr", 4155, T::Tcp, S::Either, "bzr",
              "\"bzr message 3 (bzr 1.6)\" LF + 4-octet length + bencoded dictionary, or \"bzr request 2\" LF",
              framed::bzr_message},
    Signature{"milter", "Milter", nullptr, 0, T::Tcp, S::Either, nullptr,
              "SMFIC_OPTNEG first: length 13, 'O', version 2-6, action and protocol flags in range; packets of "
              "milter commands tiling the rest",
              framed::milter_packets},
    Signature{"bolt-handshake", "Bolt (Neo4j)", nullptr, 7687, T::Tcp, S::Client, nullptr,
              "exactly 20 octets: 60 60 B0 17 and four version proposals 00 <range> <minor> <major>, unused ones zero",
              framed::bolt_handshake},
    Signature{"java-rmi-header", "Java RMI", "rmi", 1099, T::Tcp, S::Client, "java-rmi",
              "\"JRMI\", version 2, Stream / SingleOp (+ Call, Ping, DgcAck) / Multiplex protocol",
              framed::java_rmi_header},
    Signature{"java-rmi-ack", "Java RMI", "rmi", 1099, T::Tcp, S::Server, "java-rmi",
              "the whole payload ProtocolAck 0x4E, the client's host (2-octet length + text), its port",
              framed::java_rmi_ack},
    Signature{"tarantool-greeting", "Tarantool", nullptr, 3301, T::Tcp, S::Server, "tarantool",
              "exactly 128 octets: \"Tarantool \" line padded to 63 + LF, base64 salt padded to 63 + LF",
              framed::tarantool_greeting},
    Signature{"apcupsd-request", "apcupsd NIS", nullptr, 3551, T::Tcp, S::Client, "apcupsd",
              "the whole payload a 2-octet length + status / events", framed::apcupsd_request},
    Signature{"apcupsd-records", "apcupsd NIS", nullptr, 3551, T::Tcp, S::Server, "apcupsd",
              "2-octet length + KEY : value LF records tiling the payload, a zero length at the end",
              framed::apcupsd_records},
    Signature{"pulseaudio-native", "PulseAudio", nullptr, 4713, T::Tcp, S::Either, nullptr,
              "20-octet descriptor: length, channel 0xFFFFFFFF, offset and flags zero; then nothing or a tagstruct "
              "'L' command 'L' tag",
              framed::pulseaudio_native},
    Signature{"gmond-xdr", "Ganglia", nullptr, 8649, T::Udp, S::Either, "ganglia",
              "XDR: message id 128-136, host, metric, spoof 0/1, then metadata (type, name, units, slope 0-4, tmax, "
              "dmax, extra pairs) or a value of its type after its format, to the end",
              framed::gmond_xdr},
    Signature{"amule-ec", "aMule EC", nullptr, 4712, T::Tcp, S::Either, nullptr,
              "flags 0x20 (+ UTF-8 numbers), 4-octet length = the rest, opcode, a tag count and a first tag of a "
              "known type and its size",
              framed::amule_ec},
    Signature{"bittorrent-udp-tracker", "BitTorrent tracker (UDP)", nullptr, 0, T::Udp, S::Client, nullptr,
              "exactly 16 octets: protocol id 0x41727101980, action 0 (connect), a transaction id",
              framed::bittorrent_udp_tracker},
    Signature{"bittorrent-dht", "BitTorrent DHT", "bt-dht", 0, T::Udp, S::Either, nullptr,
              "one bencoded dictionary: y q / r / e, t, a query's q and a with a 20-octet id, a response's r with one",
              framed::bittorrent_dht},
    Signature{"osc", "OSC", nullptr, 0, T::Udp, S::Either, nullptr,
              "an address /..., a type tag string ,..., arguments of those types padded to 4, tiling the datagram; "
              "or a #bundle of such",
              framed::osc_packet},
    Signature{"knxnet-ip", "KNXnet/IP", nullptr, 3671, T::Udp, S::Either, nullptr,
              "header 06 10, a known service type, total length = the datagram; requests' HPAI 08 01/02",
              framed::knxnet_ip},
    Signature{"pyro", "Pyro", nullptr, 9090, T::Tcp, S::Either, "pyro",
              "24-octet header PYRO, version, type 1-6, flags, sequence, data size, serializer, annotations, "
              "reserved zero, checksum (fields + 0x34E9), then its data",
              framed::pyro_message},
    Signature{"libvirt-rpc", "libvirt RPC", nullptr, 16509, T::Tcp, S::Either, nullptr,
              "4-octet length = the packet, program 0x20008086-88 or keep-alive, version 1, type 0-5, status 0-2",
              framed::libvirt_rpc},
    Signature{"binkp", "binkp", nullptr, 24554, T::Tcp, S::Either, "binkp",
              "frames of a 2-octet header (command bit + length) tiling the payload, the first M_NUL with SYS / ZYZ "
              "/ LOC / VER / OPT ... or M_ADR",
              framed::binkp_frames},
    Signature{"dask-frames", "Dask", nullptr, 8786, T::Tcp, S::Either, nullptr,
              "little-endian total = the rest, frame count, frame lengths summing to the rest, a msgpack map first",
              framed::dask_frames},
    Signature{"nebula", "Nebula", nullptr, 4242, T::Udp, S::Either, nullptr,
              "handshake: 16-octet header version 1, type 0, subtype 0, reserved zero, index 0 + counter 1 or an "
              "index + counter 2; a Noise IX message of 80+ octets",
              framed::nebula_packet},
    // --- the host's platform (platform_signatures.cpp) -----------------------------
    // D-Bus: Wireshark 4.0's handle named "dbus" reads capture files' messages; its stream dissector is Decode As
    // only, under the same protocol: named only.
    Signature{"dbus-message", "D-Bus", nullptr, 0, T::Tcp, S::Either, nullptr,
              "messages l / B, type 1-4, flags, version 1, a serial, header fields of known codes with their "
              "signatures and the ones the type requires, the body length; tiling the payload",
              framed::dbus_messages},
    Signature{"erlang-dist", "Erlang distribution", "erldp", 0, T::Tcp, S::Either, nullptr,
              "2-octet-length handshake messages: send_name n / N with flags and a name@host, recv_status s ok / "
              "nok / alive..., a challenge with its name; reply r and ack a only beside one",
              framed::erlang_dist_handshake},
    Signature{"9p-version", "9P", "9p", 564, T::Tcp, S::Either, "9pfs",
              "the whole Tversion / Rversion: size = the message, tag NOTAG, msize >= 256, 9P2000[.L/.u] or unknown",
              framed::ninep_version},
    Signature{"usbip", "USB/IP", "usbip", 3240, T::Tcp, S::Either, nullptr,
              "version 0x0111, OP_REQ_DEVLIST (8 octets) / OP_REQ_IMPORT (bus id) / OP_REP_DEVLIST (devices and "
              "interfaces to the end) / OP_REP_IMPORT, status as the code allows",
              framed::usbip_operation},
    Signature{"thrift-binary", "Thrift", "thrift", 0, T::Tcp, S::Either, nullptr,
              "[frame length =] 0x8001, message type 1-4, a method name, a sequence id, a struct of typed fields "
              "read to its stop field and the payload's end",
              framed::thrift_message},
    Signature{"msgpack-rpc", "MessagePack-RPC", nullptr, 0, T::Tcp, S::Either, nullptr,
              "msgpack arrays [0, id, method, [params]] / [1, id, error, result] (one nil) / [2, method, [params]] "
              "tiling the payload",
              framed::msgpack_rpc},
    Signature{"nrepl", "nREPL", nullptr, 0, T::Tcp, S::Either, nullptr,
              "bencoded dictionaries tiling the payload: a request whose op is nREPL's (clone, describe, eval, "
              "load-file...), a response with its id / session and a status list, value, out or new-session",
              framed::nrepl_messages},
    Signature{"sp-header", "nanomsg SP", nullptr, 0, T::Tcp, S::Either, nullptr,
              "the 8-octet header 00 S P 00 + an SP protocol id (pair, pub / sub, req / rep, push / pull, surveyor / "
              "respondent, bus) + 00 00, then messages of an 8-octet length",
              framed::sp_header},
    Signature{"dbgp-engine", "DBGp", nullptr, 9003, T::Tcp, S::Either, nullptr,
              "<length> NUL <?xml ...> of that length NUL: init / response / stream / notify of "
              "urn:debugger_protocol_v1",
              framed::dbgp_engine},
    Signature{"dbgp-command", "DBGp", nullptr, 9003, T::Tcp, S::Either, nullptr,
              "NUL-ended commands of DBGp's (feature_set, run, breakpoint_set, eval...) with -i <transaction id>",
              framed::dbgp_commands},
    Signature{"spice-link", "SPICE", "spice", 0, T::Tcp, S::Either, nullptr,
              "REDQ, version 2.1 / 2.2, size = the rest; a link message (channel type 1-11, caps at 18) or a link "
              "reply (error, 162-octet public key, caps at 178)",
              framed::spice_link},
    Signature{"sccache-compile", "sccache", nullptr, 4226, T::Tcp, S::Client, nullptr,
              "4-octet length = the rest, the Compile variant 4, the compiler's and working directory's absolute paths "
              "(OsString variant 0, u64 length)",
              framed::sccache_compile},
    Signature{"xrootd-handshake", "XRootD", nullptr, 1094, T::Tcp, S::Client, nullptr,
              "the 20-octet handshake 0, 0, 0, 4, 2012, then 24-octet request headers (request id 3000-3031, data "
              "length) tiling the rest",
              framed::xrootd_handshake},
    Signature{"xrootd-answer", "XRootD", nullptr, 1094, T::Tcp, S::Server, nullptr,
              "stream id 0, status 0, length 8, protocol version, server type 0 / 1; responses of a known status "
              "tiling the rest",
              framed::xrootd_handshake_answer},
    Signature{
        "snapcast", "Snapcast", nullptr, 1704, T::Tcp, S::Either, nullptr,
        "26-octet little-endian headers (type 0-8, timestamps, size = the message) tiling the payload; the "
        "first a Hello / ClientInfo / ServerSettings with Snapcast's JSON or a CodecHeader (flac, ogg, opus, pcm)",
        framed::snapcast_messages},
    // --- middleware (middleware_signatures.cpp) ---------------------------------------
    Signature{"openwire", "OpenWire (ActiveMQ)", "openwire", 61616, T::Tcp, S::Either, nullptr,
              "4-octet size, data type 1 (WireFormatInfo), magic ActiveMQ, version 1-12", framed::openwire_wireformat},
    Signature{"cql", "CQL (Cassandra)", "cql", 9042, T::Tcp, S::Either, nullptr,
              "9-octet frame headers (version 3-5 request / response, flags, opcode of that side, length = the body) "
              "tiling the payload; the first STARTUP / SUPPORTED naming CQL_VERSION, OPTIONS / READY, QUERY or ERROR",
              framed::cql_frames},
    Signature{"firebird-connect", "Firebird", nullptr, 3050, T::Tcp, S::Client, nullptr,
              "op_connect, op_attach / op_create / op_service_attach, connect version 2-3, the path and user id "
              "as XDR strings, 1-10 protocol entries to the end",
              framed::firebird_connect},
    Signature{"firebird-accept", "Firebird", nullptr, 3050, T::Tcp, S::Server, nullptr,
              "exactly 16 octets: op_accept, a protocol version, an architecture, a type 1-5", framed::firebird_accept},
    Signature{"h2-client", "H2 database", nullptr, 9092, T::Tcp, S::Client, nullptr,
              "protocol versions 6-20 (min <= max), the database name and a jdbc:h2: URL as UTF-16 strings",
              framed::h2_client_hello},
    Signature{"virtuoso-request", "Virtuoso", nullptr, 1111, T::Tcp, S::Client, nullptr,
              "a Dkbox future request: C1 BC 05, BC 01, request number, ancestry, the service's short string, its "
              "arguments' array",
              framed::virtuoso_request},
    Signature{"uwsgi", "uWSGI", "uwsgi", 3031, T::Tcp, S::Client, nullptr,
              "modifier1 <= 32, little-endian data size, modifier2 0, CGI variables (key size, key, value size, "
              "value) tiling that size, REQUEST_METHOD among them",
              framed::uwsgi_request},
    Signature{"gqtp", "GQTP (Groonga)", nullptr, 10043, T::Tcp, S::Either, nullptr,
              "24-octet headers: protocol C7, no key, level 0, known flags, size = the body, CAS zero; text bodies "
              "tiling the payload",
              framed::gqtp_messages},
    Signature{"giop", "GIOP", "giop", 0, T::Tcp, S::Either, "giop",
              "GIOP 1.0-1.3, flags and a message type of the version, the size in its byte order (CloseConnection "
              "/ MessageError empty, CancelRequest 4), messages tiling the payload",
              framed::giop_messages},
    // --- storage (storage_signatures.cpp) ------------------------------------------------
    Signature{"dicom", "DICOM", "dicom", 104, T::Tcp, S::Either, "dicom",
              "upper-layer PDUs tiling the payload: A-ASSOCIATE-RQ / -AC (version 1, AE titles, reserved zero, the "
              "application context 1.2.840.10008.3.1.1.1 first, items tiling), P-DATA-TF's "
              "PDVs",
              framed::dicom_pdus},
    Signature{"ceph-msgr1", "Ceph", "ceph", 6789, T::Tcp, S::Either, "ceph",
              "ceph v027, alone or + one or two legacy entity addresses (136 octets, family none / IPv4 / IPv6)",
              framed::ceph_msgr1_banner},
    Signature{"ceph-msgr2", "Ceph", nullptr, 3300, T::Tcp, S::Either, "ceph",
              "ceph v2 LF, the little-endian length 16, two feature words", framed::ceph_msgr2_banner},
    Signature{"z3950-init", "Z39.50", "z3950", 210, T::Tcp, S::Either, "z39.50",
              "one BER InitializeRequest [20] / InitializeResponse [21], the whole payload, context-tagged fields "
              "tiling it with protocolVersion, options, preferredMessageSize and exceptionalRecordSize (a "
              "response's result)",
              framed::z3950_init},
    Signature{"isns", "iSNS", "isns", 3205, T::Both, S::Either, nullptr,
              "version 1, a defined function (response: | 0x8000, a status), length = the rest (x4), flags with "
              "one of client / server, attributes (tag, length x4) tiling it",
              framed::isns_pdu},
    // --- games (game_signatures.cpp) ---------------------------------------------------
    // Wireshark 4.0's quake3 dissector marks ioquake3's own packets malformed (fresh4_openarena_283): named only.
    Signature{"quake-oob", "Quake III", nullptr, 0, T::Udp, S::Either, "quake3",
              "FF FF FF FF + getstatus / getinfo / getchallenge / print ... or statusResponse / infoResponse LF "
              "\\key\\value",
              framed::quake_out_of_band},
    Signature{"source-query", "Source engine query", nullptr, 27015, T::Udp, S::Client, nullptr,
              "exactly FF FF FF FF TSource Engine Query NUL [+ a 4-octet challenge]", framed::source_info_query},
    Signature{"minetest", "Minetest", nullptr, 30000, T::Udp, S::Either, nullptr,
              "protocol id 4F 45 74 03, peer id, channel 0-2, type 0-3 with its fields (control type, split chunk < "
              "count, reliable's inner type)",
              framed::minetest_packet},
    Signature{"enet", "ENet", nullptr, 0, T::Udp, S::Either, nullptr,
              "peer id (+ sent time), commands of the twelve at their sizes tiling the datagram, a CONNECT / "
              "VERIFY_CONNECT on channel FF with MTU 576-4096, window 4096-65536 (2^n), 1-255 channels",
              framed::enet_packet},
    Signature{"raknet-offline", "RakNet", "raknet", 19132, T::Udp, S::Either, nullptr,
              "unconnected ping / pong or open connection request / reply 1-2, the 16-octet offline magic where "
              "each puts it, of its size (a request 1 zero-padded to its MTU)",
              framed::raknet_offline},
    Signature{"tetrinet-login", "TetriNET", nullptr, 31457, T::Tcp, S::Client, nullptr,
              "hex digits + FF: tetrisstart / tetrifaster encoded with a key of decimal digits repeating every 1-5",
              framed::tetrinet_login},
    Signature{"tetrinet-server", "TetriNET", nullptr, 31457, T::Tcp, S::Server, nullptr,
              "FF-ended messages, each a word of TetriNET's (playernum, winlist, playerjoin, pline, team...) and "
              "printable arguments",
              framed::tetrinet_server_messages},
    // --- QUIC (quic_signatures.cpp) ----------------------------------------------------
    Signature{"quic-client", "QUIC", "quic", 443, T::Udp, S::Client, nullptr,
              "long-header packets of version 1 / 2 / drafts 29-34, connection ids <= 20, token and length varints "
              "inside the datagram, coalesced; an Initial datagram >= 1200 octets; or a version negotiation",
              framed::quic_client},
    Signature{"quic-server", "QUIC", "quic", 443, T::Udp, S::Server, nullptr,
              "long-header packets of version 1 / 2 / drafts 29-34, connection ids <= 20, token and length varints "
              "inside the datagram, coalesced; a Retry; or a version negotiation",
              framed::quic_server},
    // --- industrial (industrial_signatures.cpp) ----------------------------------------
    Signature{
        "opcua", "OPC UA", "opcua", 4840, T::Tcp, S::Either, nullptr,
        "messages HEL / ACK / ERR / OPN / MSG / CLO + chunk type + size tiling the payload, the first a "
        "Hello (version 0, buffers >= 8192, opc.tcp:// URL), Acknowledge, Error (Bad code) or an OpenSecureChannel",
        framed::opcua_messages},
    Signature{"enip", "EtherNet/IP", "enip", 44818, T::Both, S::Either, nullptr,
              "24-octet headers of a known command, the data length after it, options zero; RegisterSession v1, "
              "common packet format items tiling the data",
              framed::enip_encapsulation},
    Signature{"bacnet-ip", "BACnet/IP", "bvlc", 47808, T::Udp, S::Either, nullptr,
              "BVLC 0x81, function 0-12, length = the datagram; an NPDU of version 1 (reserved bits zero) and a "
              "network message or an APDU of a known type and service",
              framed::bacnet_ip},
    Signature{"iec104", "IEC 60870-5-104", "iec60870_104", 2404, T::Tcp, S::Either, nullptr,
              "APDUs 0x68 + length tiling the payload: U frames STARTDT / STOPDT / TESTFR, S frames, I frames "
              "with a known ASDU type and cause 1-47",
              framed::iec104_apdus},
    // --- network control planes (network_control_signatures.cpp) -----------------------
    Signature{"openflow", "OpenFlow", "openflow", 6653, T::Tcp, S::Either, nullptr,
              "messages of version 1-6, a type of that version, length >= 8 tiling the payload; the first a HELLO "
              "of 1.3+ with its version bitmap or a FEATURES_REPLY of its size",
              framed::openflow_messages},
    Signature{"bfd-control", "BFD", "bfd", 3784, T::Udp, S::Either, nullptr,
              "version 1, diagnostic 0-8, multipoint clear, a detect multiplier, length = the datagram (24 or with "
              "its authentication), a discriminator, intervals <= 1 minute",
              framed::bfd_control},
    Signature{"gtpv1-c", "GTP", "gtp", 2123, T::Udp, S::Either, nullptr,
              "version 1, PT 1, S set, a control message type, length = the rest, TEID 0 on echo, IEs tiling it "
              "(TV of their sizes, TLV)",
              framed::gtpv1_control},
    Signature{"gtpv2-c", "GTPv2", "gtpv2", 2123, T::Udp, S::Either, nullptr,
              "version 2, spare bits zero, a known message type, length = the rest, TEID as the type needs, IEs "
              "(type, length, spare + instance) tiling it",
              framed::gtpv2_control},
    Signature{"icp", "ICP", "icp", 3130, T::Udp, S::Either, nullptr,
              "a known opcode, version 2 / 3, length = the datagram, options HIT_OBJ / SRC_RTT only, the URL NUL-ended "
              "(after the requester's address in a query)",
              framed::icp_message},
    Signature{"rtpengine-ng", "rtpengine NG", nullptr, 22222, T::Both, S::Either, nullptr,
              "<cookie> SP a bencoded dictionary whose command is rtpengine's (ping, offer, answer, delete...) or "
              "whose result is pong / ok / error",
              framed::rtpengine_ng},
    Signature{"rpki-rtr", "RPKI-RTR", "rpkirtr", 323, T::Tcp, S::Either, nullptr,
              "PDUs of one version 0-2, each type's length (prefixes: flags 0-1, lengths in order within the "
              "family), tiling the payload",
              framed::rpki_rtr_pdus},
    Signature{"ipa", "IPA (Osmocom)", "gsm_ipa", 3002, T::Tcp, S::Either, nullptr,
              "length + stream id messages tiling the payload, a CCM PING / PONG / ID_GET / ID_RESP / ID_ACK or "
              "an Osmocom CTRL command / GSUP among them",
              framed::ipa_messages},
    Signature{"mactelnet", "MAC-Telnet", "mactelnet", 20561, T::Udp, S::Either, nullptr,
              "version 1, a data packet, two distinct non-zero MACs, client type 0015, counter, control packets "
              "56 34 12 FF tiling the rest",
              framed::mactelnet_packet},
    Signature{"sap", "SAP", "sap", 9875, T::Udp, S::Either, nullptr,
              "version 1, not encrypted or compressed, the source and authentication data, [a MIME type NUL], an "
              "SDP description v=0 / o=",
              framed::sap_announcement},
    Signature{"lbcd-reply", "lbcd", nullptr, 4330, T::Udp, S::Server, nullptr,
              "version 2-3, op 1, status ok, boot <= now (after 2000), users and /tmp fullness in range, pad 0, <= 5 "
              "services and their weights, exactly",
              framed::lbcd_reply},
    Signature{"dlt", "DLT (AUTOSAR)", "dlt", 3490, T::Both, S::Either, nullptr,
              "[DLS 01] standard headers of version 1, each length holding its optional ids and extended header "
              "(type and subtype defined, printable ids), tiling the payload",
              framed::dlt_messages},
    // --- telemetry (telemetry_signatures.cpp) ------------------------------------
    Signature{"rtl-tcp", "rtl_tcp", nullptr, 1234, T::Tcp, S::Server, nullptr,
              "RTL0, a tuner type 1-6, a gain count <= 64, then I/Q samples", framed::rtl_tcp_greeting},
    Signature{"adsb-feed", "ADS-B feed (dump1090)", nullptr, 30003, T::Tcp, S::Either, nullptr,
              "LF lines: SBS-1 MSG,<1-8>, 22 fields (hex ident, dates, times) or AVR *<14 / 28 hex digits>;",
              framed::adsb_feed},
    Signature{"carbon-pickle", "Graphite", nullptr, 2004, T::Tcp, S::Client, nullptr,
              "4-octet length = the rest, a pickle of protocol 2-5 (its FRAME), a list first, STOP last",
              framed::carbon_pickle},
    Signature{"coap", "CoAP", "coap", 5683, T::Udp, S::Either, "coap",
              "version 1, a request with a Uri option / a response with a fitting payload, registered options "
              "ascending, of their lengths",
              framed::coap_message},
    Signature{"netflow-v5", "NetFlow", "cflow", 2055, T::Udp, S::Client, nullptr,
              "version 5, count 1-30 records of 48 octets = the datagram, pads zero, masks <= 32", framed::netflow_v5},
    Signature{"netflow-v9", "NetFlow", "cflow", 2055, T::Udp, S::Client, nullptr,
              "version 9 header, FlowSets (templates >= 256, data >= 256) whose lengths tile the datagram",
              framed::netflow_v9},
    Signature{"ipfix", "IPFIX", "cflow", 4739, T::Both, S::Client, "ipfix",
              "version 10, message length = what follows, sets (templates 2/3, data >= 256) tiling each message",
              framed::ipfix_messages},
    Signature{"sflow", "sFlow", nullptr, 6343, T::Udp, S::Client, "sflow",
              "version 5, agent address type 1/2, exactly its number of samples (formats 1-4) whose records tile "
              "each sample and the datagram",
              framed::sflow_datagram},
    Signature{"mpeg-ts", "MPEG-TS", "mp2t", 0, T::Both, S::Either, nullptr,
              "2+ packets of 188 octets, each sync 0x47, no transport error, adaptation field control not 00 and "
              "its field fitting",
              framed::mpeg_ts_packets},
    // --- routing and addressing (routing_signatures.cpp) -----------------------------
    Signature{"rip", "RIP", nullptr, 520, T::Udp, S::Either, "route",
              "command 1/2, version 1/2, zero, 1-25 entries of 20 octets: AFI 2, metric 1-16, v1 zeros, "
              "v2 contiguous masks, authentication first",
              framed::rip_message},
    Signature{"babel", "Babel", nullptr, 6696, T::Udp, S::Either, "babel",
              "magic 42, version 2, body length, TLVs of known types and lengths tiling it, a Hello/IHU/Update/Request",
              framed::babel_packet},
    Signature{"dhcpv6", "DHCPv6", "dhcpv6", 547, T::Udp, S::Either, "dhcpv6-server",
              "message type 1-11, transaction id, options tiling it (DUIDs of their type's length), the "
              "identifiers and elapsed time the type requires",
              framed::dhcpv6_message},
    // --- AAA, real-time and messaging (aaa_realtime_signatures.cpp) ------------
    // TACACS+ on port 49 has no handle by name in Wireshark 4.0 (tcp.port 49:
    // tacplus); ZMTP has no dissector at all, and no port of its own.
    Signature{"tacacs-plus", "TACACS+", nullptr, 49, T::Tcp, S::Either, "tacacs",
              "headers (version 0xC.0/1, type 1-3, seq >= 1, flags 01/04), lengths tiling; clear bodies laid out",
              framed::tacacs_plus_packets},
    Signature{"diameter", "Diameter", "diameter.tcp", 3868, T::Tcp, S::Either, "diameter",
              "version 1, length = message (>= 20, 4n), flags R/P/E/T, AVPs tiling it, Origin-Host and Origin-Realm",
              framed::diameter_messages},
    Signature{"rtcp", "RTCP", "rtcp", 5005, T::Udp, S::Either, "avt-profile-2",
              "compound: version 2, SR/RR first, lengths tiling, report counts fitting, SDES items with a CNAME",
              framed::rtcp_compound},
    Signature{"zmtp-greeting", "ZMTP (ZeroMQ)", nullptr, 0, T::Tcp, S::Either, nullptr,
              "greeting FF, 8 octets, 7F (or from its version on), 3.0/3.1, NULL/PLAIN/CURVE, 31 zeros, frames tiling",
              framed::zmtp_greeting},
    Signature{"ptp", "PTP", "ptp", 319, T::Udp, S::Either, "ptp-event",
              "PTPv2 header: type with its length = datagram, its control field, reserved zero, ns < 10^9, TLVs tiling",
              framed::ptp_message},
    // --- text grammars (text_signatures.cpp) --------------------------------
    // After every row above, so those keep what they name today; each row
    // checks its grammar over the whole payload. The Gopher selector, the
    // weakest, comes last of all.
    Signature{"rlogin-request", "rlogin", nullptr, 513, T::Tcp, S::Client, "login",
              "[\\0] local user \\0 remote user \\0 terminal/speed \\0 (RFC 1282), names <= 32, a termios speed",
              text_rows::rlogin_request},
    Signature{"rsh-request", "rsh", nullptr, 514, T::Tcp, S::Client, "shell",
              "stderr port 512-65535 \\0 local user \\0 remote user \\0 command \\0, to the end",
              text_rows::rsh_request},
    Signature{"gopher-menu", "Gopher", nullptr, 70, T::Tcp, S::Server, "gopher",
              "menu lines <type><display> TAB selector TAB host TAB port CR LF (2+, a link), then \".\"",
              text_rows::gopher_menu},
    Signature{"syslog-tcp-octets", "Syslog", "syslog", 514, T::Tcp, S::Client, "syslog",
              "RFC 6587 octet counting: MSG-LEN SP + a syslog message of that length, frames to the end",
              text_rows::syslog_octet_counted},
    Signature{"syslog-tcp-lines", "Syslog", "syslog", 514, T::Tcp, S::Client, "syslog",
              "RFC 6587 non-transparent framing: every LF-ended line <PRI> + an RFC 3164/5424 header",
              text_rows::syslog_lines},
    Signature{"nut-command", "NUT", nullptr, 3493, T::Tcp, S::Client, "upsd",
              "every line a NUT command with its arguments, one LIST/GET/SET/INSTCMD", text_rows::nut_command},
    Signature{"nut-reply", "NUT", nullptr, 3493, T::Tcp, S::Server, "nut",
              "every line a NUT answer, one BEGIN/END LIST, a quoted list item or ERR <known code>",
              text_rows::nut_reply},
    Signature{"ident-request", "ident", nullptr, 113, T::Tcp, S::Client, "ident",
              "the whole payload <port> , <port> EOL (RFC 1413), ports 1-65535", text_rows::ident_request},
    Signature{"ident-reply", "ident", nullptr, 113, T::Tcp, S::Server, "ident",
              "the whole payload <port> , <port> : USERID : <opsys> : <user> / : ERROR : <error> EOL",
              text_rows::ident_reply},
    Signature{"finger-reply", "Finger", nullptr, 79, T::Tcp, S::Server, "finger",
              "long format Login: <user> Name: ... / Directory: /... Shell: /..., or the short listing's header, CR LF",
              text_rows::finger_reply},
    Signature{"lpd-command", "LPD", nullptr, 515, T::Tcp, S::Client, "printer",
              "receive-job subcommand 02/03 <count> SP cfA/dfA<nnn><host> LF (RFC 1179 7), the whole payload",
              text_rows::lpd_command},
    Signature{"nntp-greeting", "NNTP", nullptr, 119, T::Tcp, S::Server, "nntp",
              "the whole payload 200/201 <text naming news or NNTP> CR LF", text_rows::nntp_greeting},
    Signature{"dict-banner", "DICT", nullptr, 2628, T::Tcp, S::Server, "dict",
              "the whole payload 220 <text> <capabilities> <msg-id@host> CR LF (RFC 2229)", text_rows::dict_banner},
    Signature{"stomp", "STOMP", nullptr, 61613, T::Tcp, S::Either, "stomp",
              "frames COMMAND EOL, header lines (one the command needs), EOL, body (content-length), NUL, to the end",
              text_rows::stomp_frames},
    Signature{"ovsdb", "OVSDB", "json", 6640, T::Tcp, S::Either, "ovsdb",
              "JSON-RPC 1.0 requests (method, params array, id) of OVSDB's methods (RFC 7047 4.1), to the end",
              text_rows::ovsdb_requests},
    Signature{"dap", "Debug Adapter Protocol", "json", 0, T::Tcp, S::Either, nullptr,
              "Content-Length-framed JSON objects: seq, type request / response (command, success) / event",
              text_rows::dap_messages},
    Signature{"jsonrpc", "JSON-RPC", "json", 0, T::Tcp, S::Either, "jsonrpc",
              "JSON objects with only JSON-RPC 1.0 / 2.0 members: requests (method, params, id) or responses",
              text_rows::jsonrpc_messages},
    Signature{"graphite-lines", "Graphite", nullptr, 2003, T::Tcp, S::Client, nullptr,
              "2+ LF-ended lines <dotted.metric.path> <number> <unix time> (carbon's plaintext protocol)",
              text_rows::graphite_lines},
    Signature{"gdb-remote", "GDB remote", nullptr, 2159, T::Tcp, S::Either, "gdbremote",
              "+ / - acknowledgements and $data#cs packets whose checksum (sum mod 256, two hex digits) agrees, "
              "to the end",
              text_rows::gdb_remote_packets},
    Signature{"statsd", "StatsD", nullptr, 8125, T::Both, S::Client, nullptr,
              "LF-separated lines <bucket>:<number>|c/ms/g/s/h/m/d[|@rate][|#tags], the last line end optional",
              text_rows::statsd_lines},
    Signature{"adc", "ADC (Direct Connect)", nullptr, 0, T::Tcp, S::Either, nullptr,
              "LF-ended lines <type BCDEFHIU><SUP/SID/INF/STA/MSG...> with the type's base32 session ids and "
              "escaped parameters",
              text_rows::adc_messages},
    Signature{"tinc-id", "tinc", nullptr, 655, T::Tcp, S::Either, "tinc",
              "ID line 0 <name> 17[.minor] LF, then nothing, a METAKEY line of numbers and hex, or SPTPS records",
              text_rows::tinc_meta},
    // --- services beside the main ones (service_text_signatures.cpp) ------------
    Signature{"managesieve-capabilities", "ManageSieve", nullptr, 4190, T::Tcp, S::Server, "sieve",
              "quoted capability lines with IMPLEMENTATION and SIEVE, then OK [\"text\"] (RFC 5804 1.7)",
              text_rows::managesieve_capabilities},
    Signature{"managesieve-command", "ManageSieve", nullptr, 4190, T::Tcp, S::Client, "sieve",
              "CR LF commands of RFC 5804 with quoted strings / {n+} literals, one a script command",
              text_rows::managesieve_commands},
    Signature{"spamc-request", "SPAMC/SPAMD", nullptr, 783, T::Tcp, S::Client, "spamassassin",
              "<CHECK|PROCESS|PING...> SPAMC/n.n, header lines, empty line", text_rows::spamc_request},
    Signature{"spamd-response", "SPAMC/SPAMD", nullptr, 783, T::Tcp, S::Server, "spamassassin",
              "SPAMD/n.n <code> EX_<NAME> / PONG, header lines", text_rows::spamd_response},
    Signature{"clamd-command", "clamd", nullptr, 3310, T::Tcp, S::Client, "clam",
              "zCOMMAND NUL / nCOMMAND LF of clamd's vocabulary (SCAN-type with a path), INSTREAM's chunks after",
              text_rows::clamd_commands},
    Signature{"clamd-reply", "clamd", nullptr, 3310, T::Tcp, S::Server, "clam",
              "the whole payload ClamAV <version>[/<db>/<date>] or stream: OK / <signature> FOUND, NUL or LF",
              text_rows::clamd_reply},
    // NATS has no Wireshark dissector; its port 4222 is gsm_ipa's in tcp.port, so no port either.
    Signature{"nats-server", "NATS", nullptr, 0, T::Tcp, S::Server, "nats",
              "CR LF ops: INFO {JSON with server_id, version}, MSG with a payload of its length, PING / PONG / +OK",
              text_rows::nats_server},
    Signature{"nats-client", "NATS", nullptr, 0, T::Tcp, S::Client, "nats",
              "CR LF ops: CONNECT {JSON with verbose, pedantic}, PUB with a payload of its length, SUB / UNSUB / PING",
              text_rows::nats_client},
    Signature{"cvs-pserver-auth", "CVS pserver", "cvspserver", 2401, T::Tcp, S::Client, "cvspserver",
              "BEGIN AUTH|VERIFICATION REQUEST, /repository, user, A<scrambled>, END ... REQUEST (LF lines)",
              text_rows::cvs_pserver_auth},
    Signature{"cvs-pserver-answer", "CVS pserver", "cvspserver", 2401, T::Tcp, S::Server, "cvspserver",
              "the whole payload I LOVE YOU / I HATE YOU LF", text_rows::cvs_pserver_answer},
    Signature{"gpsd-command", "gpsd", nullptr, 2947, T::Tcp, S::Client, "gpsd-ng",
              "?WATCH / ?VERSION / ?DEVICES / ?DEVICE / ?POLL [=JSON object] ; requests", text_rows::gpsd_commands},
    Signature{"gpsd-report", "gpsd", nullptr, 2947, T::Tcp, S::Server, "gpsd-ng",
              "CR LF lines, each a JSON object whose first member is class of a gpsd report", text_rows::gpsd_reports},
    Signature{"lcdproc-greeting", "LCDproc", nullptr, 13666, T::Tcp, S::Server, "lcdproc",
              "the whole payload connect LCDproc <v> protocol <v> lcd wid n hgt n cellwid n cellhgt n LF",
              text_rows::lcdproc_greeting},
    Signature{"lcdproc-command", "LCDproc", nullptr, 13666, T::Tcp, S::Client, "lcdproc",
              "LF lines of LCDproc commands, one that sets up the client, a screen, widget or menu",
              text_rows::lcdproc_commands},
    Signature{"uucp-handshake", "UUCP", nullptr, 540, T::Tcp, S::Either, "uucp",
              "DLE-framed NUL-ended handshake messages Shere= / S<name> / R<answer> / P<protocols> / U<protocol>",
              text_rows::uucp_handshake},
    Signature{"unison-greeting", "Unison", nullptr, 0, T::Tcp, S::Server, nullptr,
              "Unison <version> with OCaml >= <version> LF, or Unison RPC LF VERSIONS <n> LF",
              text_rows::unison_greeting},
    Signature{"iperf3-cookie", "iperf3", nullptr, 5201, T::Tcp, S::Client, "iperf3",
              "the whole payload 36 characters of iperf3's base32 alphabet and a NUL", text_rows::iperf3_cookie},
    Signature{"ami-banner-response", "Asterisk AMI", nullptr, 5038, T::Tcp, S::Server, "asterisk",
              "Asterisk Call Manager/<version> CR LF, or Key: value blocks led by Response: Success/Error/Follows/"
              "Goodbye or Event:, each ended by an empty line",
              text_rows::ami_banner_or_response},
    Signature{"ami-action", "Asterisk AMI", nullptr, 5038, T::Tcp, S::Client, "asterisk",
              "Key: value CR LF blocks led by Action: <name>, each ended by an empty line", text_rows::ami_actions},
    Signature{"munin-node", "Munin", nullptr, 4949, T::Tcp, S::Server, "munin",
              "the whole payload # munin node at <host> LF, or <field>.value <number> lines then .",
              text_rows::munin_node},
    Signature{"munin-command", "Munin", nullptr, 4949, T::Tcp, S::Client, "munin",
              "LF lines of cap / list / nodes / config / fetch / version / quit with their arguments, one cap "
              "multigraph / dirtyconfig / spool",
              text_rows::munin_commands},
    Signature{"postfix-policy-request", "Postfix policy", nullptr, 0, T::Tcp, S::Client, nullptr,
              "LF lines name=value with request=smtpd_access_policy, then an empty line",
              text_rows::postfix_policy_request},
    Signature{"postfix-policy-action", "Postfix policy", nullptr, 0, T::Tcp, S::Server, nullptr,
              "the whole payload action=<text> LF LF", text_rows::postfix_policy_action},
    Signature{"scgi-request", "SCGI", nullptr, 0, T::Tcp, S::Client, nullptr,
              "netstring <n>:CONTENT_LENGTH NUL <digits> NUL ... SCGI NUL 1 NUL ..., (header pairs NUL-separated)",
              text_rows::scgi_request},
    Signature{"lmtp-hello", "LMTP", "smtp", 0, T::Tcp, S::Client, "lmtp",
              "the whole payload LHLO <domain> CR LF (RFC 2033)", lmtp_hello},
    Signature{"lmtp-greeting", "LMTP", "smtp", 0, T::Tcp, S::Server, "lmtp",
              "the whole 220 reply: domain, then text naming LMTP", lmtp_greeting},
    Signature{"guacamole", "Guacamole", nullptr, 4822, T::Tcp, S::Either, nullptr,
              "instructions of LENGTH.VALUE elements (lengths in characters), comma-separated, ended by ;, the first "
              "opcode one of the protocol's",
              text_rows::guacamole_instructions},
    Signature{"relp", "RELP", nullptr, 2514, T::Tcp, S::Either, nullptr,
              "frames <txnr> <open|syslog|rsp|close|serverclose> <datalen>[ <data>] LF tiling, open's data "
              "relp_version=",
              text_rows::relp_frames},
    Signature{"influx-lines", "InfluxDB line protocol", nullptr, 8089, T::Both, S::Client, nullptr,
              "LF lines measurement[,tag=v] field=typed value[,...] <9-19 digit timestamp>", text_rows::influx_lines},
    Signature{"lirc-reply", "LIRC", nullptr, 8765, T::Tcp, S::Server, nullptr,
              "blocks BEGIN / <command> / SUCCESS|ERROR / [DATA / n / n lines] / END, LF lines",
              text_rows::lirc_replies},
    Signature{"lirc-command", "LIRC", nullptr, 8765, T::Tcp, S::Client, nullptr,
              "LF lines of lircd commands, one SEND_ONCE / SEND_START / SEND_STOP / SIMULATE / SET_...",
              text_rows::lirc_commands},
    // ConMan has no Wireshark dissector; its port 7890 is CMPP's in tcp.port, so no port either.
    Signature{"conman-hello", "ConMan", nullptr, 0, T::Tcp, S::Client, nullptr,
              "the whole payload HELLO USER='<name>'[ KEY='value'...] LF", text_rows::conman_hello},
    Signature{"conman-answer", "ConMan", nullptr, 0, T::Tcp, S::Server, nullptr,
              "LF lines OK / ERROR with KEY='value' pairs, one CONSOLE or CODE", text_rows::conman_answer},
    Signature{"guile-repl", "Guile REPL", nullptr, 37146, T::Tcp, S::Server, nullptr,
              "banner GNU Guile <version> LF, Copyright (C) ... Free Software Foundation",
              text_rows::guile_repl_banner},
    // --- control channels (control_channel_signatures.cpp) ------------------------------
    Signature{"dbus-auth-client", "D-Bus", nullptr, 0, T::Tcp, S::Client, nullptr,
              "NUL, then CR LF AUTH <EXTERNAL / DBUS_COOKIE_SHA1 / ANONYMOUS> [hex] / DATA / NEGOTIATE_UNIX_FD / "
              "BEGIN lines, D-Bus messages after BEGIN",
              text_rows::dbus_auth_client},
    Signature{"dbus-auth-server", "D-Bus", nullptr, 0, T::Tcp, S::Server, nullptr,
              "CR LF lines OK <32 hex GUID> / REJECTED <known mechanisms> / AGREE_UNIX_FD / DATA / ERROR",
              text_rows::dbus_auth_server},
    Signature{"qmp", "QEMU QMP", "json", 0, T::Tcp, S::Either, nullptr,
              "JSON objects: the greeting {QMP: {version, capabilities}}, {execute: <QMP / guest agent command>}, "
              "{event: NAME, timestamp: {seconds, microseconds}}",
              text_rows::qmp_messages},
    Signature{"qemu-monitor", "QEMU monitor", nullptr, 0, T::Tcp, S::Server, nullptr,
              "QEMU <version> monitor - type 'help' for more information CR LF, then (qemu) or nothing",
              text_rows::qemu_monitor_banner},
    Signature{"tor-control-command", "Tor control", nullptr, 9051, T::Tcp, S::Client, nullptr,
              "CR LF lines of Tor's control commands, one PROTOCOLINFO / AUTHCHALLENGE / TAKEOWNERSHIP / SETEVENTS / "
              "ADD_ONION ...",
              text_rows::tor_control_commands},
    Signature{"tor-control-reply", "Tor control", nullptr, 9051, T::Tcp, S::Server, nullptr,
              "CR LF reply lines ddd[ -+]; the first 250-PROTOCOLINFO, 250 AUTHCHALLENGE, 514 / 515 Authentication "
              "..., or 650 <Tor event>",
              text_rows::tor_control_replies},
    Signature{"dovecot-auth-client", "Dovecot auth", nullptr, 0, T::Tcp, S::Client, nullptr,
              "LF lines of TAB fields: VERSION 1 n, CPID, AUTH <id> <mechanism> service=..., CONT",
              text_rows::dovecot_auth_client},
    Signature{"dovecot-auth-server", "Dovecot auth", nullptr, 0, T::Tcp, S::Server, nullptr,
              "LF lines of TAB fields: VERSION 1 n, MECH <name> [flags], SPID, CUID, COOKIE <32 hex>, DONE, OK / "
              "FAIL <id>",
              text_rows::dovecot_auth_server},
    Signature{"i2p-sam", "I2P SAM", nullptr, 7656, T::Tcp, S::Either, nullptr,
              "LF lines <COMMAND> <SUBCOMMAND> KEY=VALUE... of SAM's pairs (HELLO VERSION / REPLY, SESSION CREATE / "
              "STATUS, STREAM, NAMING, DEST), the first HELLO or SESSION",
              text_rows::i2p_sam_lines},
    // Wireshark 4.0 offers its amanda dissector for no UDP port (no Decode As): named only.
    Signature{"amanda", "Amanda", nullptr, 0, T::Udp, S::Either, "amanda",
              "first line Amanda <n.n[.n]> REQ / REP / ACK / NAK / PREP HANDLE <handle> SEQ <number> LF, then text "
              "lines",
              text_rows::amanda_packet},
    Signature{"mgcp-command", "MGCP", "mgcp", 2427, T::Udp, S::Either, "mgcp",
              "<verb> <transaction id> <local@domain> MGCP 1.0 [NCS / TGCP 1.0], then <code>: <value> lines to an "
              "empty line",
              text_rows::mgcp_command},
    Signature{"gelf", "GELF", "json", 12201, T::Both, S::Client, nullptr,
              "JSON objects (NUL-ended over TCP) with version 1.0 / 1.1, host, short_message, the other members "
              "GELF's or _-prefixed",
              text_rows::gelf_messages},
    Signature{
        "livestatus-query", "Livestatus", nullptr, 6557, T::Tcp, S::Client, nullptr,
        "GET <Livestatus table> LF, header lines Columns: / Filter: / Stats: / OutputFormat: ... to an empty line",
        text_rows::livestatus_query},
    Signature{"livestatus-answer", "Livestatus", nullptr, 6557, T::Tcp, S::Server, nullptr,
              "the fixed16 header: status 200 / 4xx, the body's length in 11, LF, then a body of that length",
              text_rows::livestatus_answer},
    Signature{"i2p-bob", "I2P BOB", nullptr, 2827, T::Tcp, S::Server, nullptr, "exactly BOB <nn.nn.nn> LF OK LF",
              text_rows::bob_greeting},
    Signature{"openvpn-management", "OpenVPN management", nullptr, 7505, T::Tcp, S::Server, nullptr,
              ">INFO:OpenVPN Management Interface Version <n> -- type 'help' for more info CR LF, then >... lines",
              text_rows::openvpn_management_banner},
    Signature{"ws-discovery", "WS-Discovery", "xml", 3702, T::Udp, S::Either, nullptr,
              "a SOAP envelope naming the WS-Discovery namespace (2005/04 or 2009/01) and one of its actions",
              text_rows::ws_discovery},
    Signature{"zephyr", "Zephyr", nullptr, 2104, T::Udp, S::Either, nullptr,
              "ZEPH0.2 NUL, then the field count and kind as 0x%08X NUL fields", text_rows::zephyr_packet},
    Signature{"powerman", "PowerMan", nullptr, 10101, T::Tcp, S::Server, nullptr,
              "CR LF lines ddd <text>, then the prompt powerman> ", text_rows::powerman_replies},
    Signature{"rfb-version", "VNC", nullptr, 5900, T::Tcp, S::Either, "vnc",
              "the whole payload RFB 003-005.nnn LF, exactly 12 octets (RFC 6143 7.1.1)", text_rows::rfb_version},
    Signature{"chargen", "Chargen", nullptr, 19, T::Both, S::Server, "chargen",
              "2+ lines of the printing characters in a circle, each shifted by one, same width (RFC 864)",
              text_rows::chargen_lines},
    Signature{"gopher-selector", "Gopher", nullptr, 70, T::Tcp, S::Client, "gopher",
              "the whole payload one selector CR LF: / or a path with a name (no TAB, no space)",
              text_rows::gopher_selector},
    Signature{"lyskom-client", "LysKOM", nullptr, 4894, T::Tcp, S::Client, nullptr,
              "A<n>H<n octets> LF, then requests <ref> <call> ... LF", text_rows::lyskom_client},
    Signature{"lyskom-server", "LysKOM", nullptr, 4894, T::Tcp, S::Server, nullptr,
              "LysKOM LF, then replies =<ref> / %<ref> / :<n> LF", text_rows::lyskom_server},
    Signature{"poolcounter", "poolcounter", nullptr, 7531, T::Tcp, S::Client, nullptr,
              "LF lines ACQ4ME / ACQ4ANY <key> <workers> <maxqueue> <timeout>, RELEASE",
              text_rows::poolcounter_commands},
    Signature{"sysrqd", "sysrqd", nullptr, 4094, T::Tcp, S::Server, nullptr,
              "exactly sysrqd password: ", text_rows::sysrqd_prompt},
    Signature{"poppassd", "poppassd", nullptr, 106, T::Tcp, S::Server, nullptr,
              "one line 200 poppassd [text], CR LF or LF", text_rows::poppassd_greeting},
    Signature{"skk-request", "SKK", nullptr, 1178, T::Tcp, S::Client, nullptr,
              "1 + a reading (kana + okurigana, or lower-case letters) + space [LF]", text_rows::skk_request},
    Signature{"skk-answer", "SKK", nullptr, 1178, T::Tcp, S::Server, nullptr,
              "1/ + non-empty candidates each ended by / + LF", text_rows::skk_answer},
    Signature{"syncplay", "Syncplay", "json", 8999, T::Tcp, S::Either, "syncplay-json",
              "CR LF JSON objects of Syncplay's commands (Hello, Set, State, List, Chat, Error, TLS), the first "
              "TLS or a Hello with username and version",
              text_rows::syncplay_messages},
    Signature{"indi", "INDI", "xml", 7624, T::Tcp, S::Either, nullptr,
              "<getProperties version=\"1.x\"> or a property vector / message element with device (and name) "
              "attributes",
              text_rows::indi_elements},
    Signature{"boinc-gui-rpc", "BOINC GUI RPC", "xml", 31416, T::Tcp, S::Either, "boinc",
              "<boinc_gui_rpc_request> / <boinc_gui_rpc_reply> XML, its closing tag, [LF], 03",
              text_rows::boinc_gui_rpc},
    Signature{"pioneers-meta", "Pioneers meta-server", nullptr, 5557, T::Tcp, S::Server, nullptr,
              "exactly welcome to the pioneers-meta-server version <n.n> LF", text_rows::pioneers_meta_greeting},
    Signature{"swank-client", "Swank (SLIME)", nullptr, 4005, T::Tcp, S::Client, nullptr,
              "frames of 6 hex digits + a balanced (:emacs-rex ... / :emacs-return ...) of that length",
              text_rows::swank_client},
    Signature{"swank-server", "Swank (SLIME)", nullptr, 4005, T::Tcp, S::Server, nullptr,
              "frames of 6 hex digits + a balanced (:return ... / :write-string / :new-features ...) of that length",
              text_rows::swank_server},
    // --- end of text grammars ---------------------------------------------------
};

bool applies(const Signature &row, Transport transport, Sender sender) {
    return (static_cast<unsigned>(row.transport) & static_cast<unsigned>(transport)) != 0 &&
           (static_cast<unsigned>(row.sender) & static_cast<unsigned>(sender)) != 0;
}

// The rows that apply to each single (transport, sender), in table order:
// a payload is offered only to those (half the table, as a rule).
using RowList = std::vector<const Signature *>;
std::size_t list_of(Transport transport, Sender sender) {
    return (transport == Transport::Udp ? 2 : 0) + (sender == Sender::Server ? 1 : 0);
}
const RowList &rows_for(Transport transport, Sender sender) {
    static const std::array<RowList, 4> lists = [] {
        std::array<RowList, 4> by;
        for (const Transport t : {Transport::Tcp, Transport::Udp})
            for (const Sender from : {Sender::Client, Sender::Server})
                for (const Signature &row : kSignatures)
                    if (applies(row, t, from)) by[list_of(t, from)].push_back(&row);
        return by;
    }();
    return lists[list_of(transport, sender)];
}

}  // namespace

const Signature *match_signature(std::span<const std::uint8_t> payload, Transport transport, Sender sender) {
    if (payload.empty()) return nullptr;
    if ((transport == Transport::Tcp || transport == Transport::Udp) &&
        (sender == Sender::Client || sender == Sender::Server)) {
        for (const Signature *row : rows_for(transport, sender))
            if (row->matches(payload)) return row;
        return nullptr;
    }
    for (const Signature &row : kSignatures)  // Both / Either: every row that applies to either
        if (applies(row, transport, sender) && row.matches(payload)) return &row;
    return nullptr;
}

bool carried_in(std::string_view inner, std::string_view outer) {
    // LMTP (RFC 2033) is SMTP but for LHLO, decoded by Wireshark's SMTP dissector: either name agrees with the other.
    static constexpr std::pair<std::string_view, std::string_view> kCarriedIn[] = {
        {"OVSDB", "JSON-RPC"}, {"LMTP", "SMTP"}, {"SMTP", "LMTP"}};
    return std::find(std::begin(kCarriedIn), std::end(kCarriedIn), std::pair{inner, outer}) != std::end(kCarriedIn);
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

namespace shell {
std::string_view id_output_user(std::string_view line) {
    if (!id_output_line(line)) return {};
    const auto open = line.find('(');
    return line.substr(open + 1, line.find(')') - open - 1);
}
bool uname_output(std::string_view line) {
    return uname_output_line(line);
}
bool passwd_entry(std::string_view line) {
    return passwd_line(line);
}
bool prompt(std::string_view last_line) {
    return prompt_line(last_line);
}
}  // namespace shell

namespace syslog_format {
bool message(std::span<const std::uint8_t> payload) {
    return syslog_message(payload);
}
}  // namespace syslog_format

}  // namespace ghostports
