// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/exposures.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/ghostports/control_channel_signatures.hpp"
#include "core/ghostports/json_value.hpp"
#include "core/ghostports/messaging_text_signatures.hpp"
#include "core/ghostports/service_text_signatures.hpp"
#include "core/ghostports/signatures.hpp"
#include "core/ghostports/storage_signatures.hpp"
#include "core/rescap/url.hpp"

namespace ghostports {
namespace {

using Bytes = std::span<const std::uint8_t>;

constexpr std::uint8_t kIac = 255, kSb = 250, kSe = 240, kWill = 251, kDont = 254;
constexpr std::size_t kMaxLine = 512;       // longer lines are not typed credentials or commands
constexpr std::size_t kMaxShellLines = 32;  // lines kept while a shell is not yet proven
constexpr std::size_t kMaxRcmd = 600;       // rsh/rlogin preamble: three short strings and a port

// A telnet-aware view of the payload: IAC commands dropped, IAC IAC kept as
// one 0xFF. `saw_iac` is set when any command was present.
std::string strip_telnet(Bytes payload, bool &saw_iac) {
    std::string text;
    text.reserve(payload.size());
    std::size_t i = 0;
    while (i < payload.size()) {
        // Octets up to the next IAC in one copy: most payloads have none.
        const auto *from = payload.data() + i;
        const auto *iac = static_cast<const std::uint8_t *>(std::memchr(from, kIac, payload.size() - i));
        const std::size_t run = iac != nullptr ? static_cast<std::size_t>(iac - from) : payload.size() - i;
        text.append(reinterpret_cast<const char *>(from), run);
        i += run;
        if (i + 1 >= payload.size()) break;  // no IAC left, or a lone IAC at the end
        const std::uint8_t command = payload[i + 1];
        if (command == kIac) {
            text.push_back(static_cast<char>(kIac));
            i += 2;
            continue;
        }
        saw_iac = true;
        if (command == kSb) {  // sub-negotiation up to IAC SE
            std::size_t end = i + 2;
            while (end + 1 < payload.size() && !(payload[end] == kIac && payload[end + 1] == kSe)) ++end;
            i = end + 2;
        } else {
            i += command >= kWill && command <= kDont ? 3 : 2;
        }
    }
    return text;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) { return lower(a) == lower(b); });
}

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && starts_with_nocase(text.substr(text.size() - suffix.size()), suffix);
}

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

bool printable(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 0x20 && u < 0x7F) || u == '\t' || u >= 0x80;
    });
}

std::optional<std::string> base64_text(std::string_view encoded) {
    auto decoded = rescap::decode_base64(trim(encoded));
    if (!decoded) return std::nullopt;
    return std::string(decoded->begin(), decoded->end());
}

// ---------------------------------------------------------------- binary
struct Credential {
    std::string user;
    std::size_t secret_length;
};

std::uint16_t read_be16(Bytes p, std::size_t at) {
    return static_cast<std::uint16_t>(p[at] << 8 | p[at + 1]);
}
std::uint32_t read_be32(Bytes p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 24 | static_cast<std::uint32_t>(p[at + 1]) << 16 |
           static_cast<std::uint32_t>(p[at + 2]) << 8 | p[at + 3];
}

// A BER tag + definite length at `at`; returns the content's [begin, end).
std::optional<std::pair<std::size_t, std::size_t>> ber(Bytes p, std::size_t at, std::uint8_t tag) {
    if (at + 2 > p.size() || p[at] != tag) return std::nullopt;
    std::size_t length = p[at + 1];
    std::size_t begin = at + 2;
    if (length & 0x80) {
        const std::size_t octets = length & 0x7F;
        if (octets == 0 || octets > 4 || begin + octets > p.size()) return std::nullopt;
        length = 0;
        for (std::size_t i = 0; i < octets; ++i) length = length << 8 | p[begin + i];
        begin += octets;
    }
    if (begin + length > p.size()) return std::nullopt;
    return std::pair{begin, begin + length};
}

// RFC 4511 BindRequest with simple authentication ([0] password).
std::optional<Credential> ldap_simple_bind(Bytes p) {
    const auto message = ber(p, 0, 0x30);
    if (!message) return std::nullopt;
    const Bytes body = p.first(message->second);
    const auto id = ber(body, message->first, 0x02);
    if (!id || id->second == id->first || id->second - id->first > 4) return std::nullopt;
    const auto bind = ber(body, id->second, 0x60);
    if (!bind) return std::nullopt;
    const Bytes request = body.first(bind->second);
    const auto version = ber(request, bind->first, 0x02);
    if (!version || version->second - version->first != 1 || request[version->first] < 1 || request[version->first] > 3)
        return std::nullopt;
    const auto name = ber(request, version->second, 0x04);
    if (!name) return std::nullopt;
    const auto password = ber(request, name->second, 0x80);
    if (!password || password->second != bind->second || password->second == password->first) return std::nullopt;
    std::string user(request.begin() + static_cast<std::ptrdiff_t>(name->first),
                     request.begin() + static_cast<std::ptrdiff_t>(name->second));
    if (!printable(user)) return std::nullopt;
    return Credential{std::move(user), password->second - password->first};
}

// A RESP array of bulk strings at the start of the payload (Redis).
std::optional<std::vector<std::string>> resp_array(Bytes p) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), p.size());
    const auto number = [&text](std::size_t &at, char marker) -> std::optional<std::size_t> {
        if (at >= text.size() || text[at] != marker) return std::nullopt;
        const std::size_t end = text.find("\r\n", at);
        if (end == std::string_view::npos || end == at + 1 || end - at > 8) return std::nullopt;
        std::size_t value = 0;
        for (std::size_t i = at + 1; i < end; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + static_cast<std::size_t>(text[i] - '0');
        }
        at = end + 2;
        return value;
    };
    std::size_t at = 0;
    const auto count = number(at, '*');
    if (!count || *count == 0 || *count > 8) return std::nullopt;
    std::vector<std::string> elements;
    for (std::size_t i = 0; i < *count; ++i) {
        const auto length = number(at, '$');
        if (!length || at + *length + 2 > text.size() || text.substr(at + *length, 2) != "\r\n") return std::nullopt;
        elements.emplace_back(text.substr(at, *length));
        at += *length + 2;
    }
    return elements;
}

std::optional<Credential> redis_auth(Bytes p) {
    const auto command = resp_array(p);
    if (!command || !starts_with_nocase((*command)[0], "auth") || (*command)[0].size() != 4) return std::nullopt;
    if (command->size() == 2) return Credential{"default", (*command)[1].size()};  // AUTH <password>: user "default"
    if (command->size() == 3) return Credential{(*command)[1], (*command)[2].size()};
    return std::nullopt;
}

// RFC 1929 username/password sub-negotiation: 01 ULEN UNAME PLEN PASSWD, exactly.
std::optional<Credential> socks5_auth(Bytes p) {
    if (p.size() < 5 || p[0] != 0x01 || p[1] == 0) return std::nullopt;
    const std::size_t user_length = p[1];
    if (2 + user_length >= p.size()) return std::nullopt;
    const std::size_t password_length = p[2 + user_length];
    if (3 + user_length + password_length != p.size() || password_length == 0) return std::nullopt;
    std::string user(p.begin() + 2, p.begin() + 2 + static_cast<std::ptrdiff_t>(user_length));
    if (!printable(user)) return std::nullopt;
    return Credential{std::move(user), password_length};
}

// MQTT CONNECT (3.1 "MQIsdp" / 3.1.1 and 5 "MQTT") with the user name and
// password flags; the packet must be whole and its lengths consistent.
std::optional<Credential> mqtt_connect(Bytes p) {
    if (p.size() < 14 || p[0] != 0x10) return std::nullopt;
    std::size_t remaining = 0, at = 1;
    for (int shift = 0; at < p.size() && at <= 4; shift += 7) {
        remaining |= static_cast<std::size_t>(p[at] & 0x7F) << shift;
        if ((p[at++] & 0x80) == 0) break;
    }
    if (at + remaining != p.size()) return std::nullopt;
    const auto string_at = [&p](std::size_t &i) -> std::optional<std::string> {
        if (i + 2 > p.size()) return std::nullopt;
        const std::size_t length = read_be16(p, i);
        if (i + 2 + length > p.size()) return std::nullopt;
        std::string value(p.begin() + static_cast<std::ptrdiff_t>(i + 2),
                          p.begin() + static_cast<std::ptrdiff_t>(i + 2 + length));
        i += 2 + length;
        return value;
    };
    const auto name = string_at(at);
    if (!name || (*name != "MQTT" && *name != "MQIsdp") || at + 4 > p.size()) return std::nullopt;
    const std::uint8_t level = p[at], flags = p[at + 1];
    at += 4;
    if ((flags & 0xC0) != 0xC0 || (flags & 0x01) != 0) return std::nullopt;  // user name and password present
    if (level == 5) {                                                        // MQTT 5: properties before the payload
        if (at >= p.size() || p[at] >= 0x80) return std::nullopt;
        at += 1 + p[at];
    }
    if (!string_at(at)) return std::nullopt;  // client identifier
    if (flags & 0x04) {                       // will: (properties,) topic and message
        if (level == 5) return std::nullopt;
        if (!string_at(at) || !string_at(at)) return std::nullopt;
    }
    auto user = string_at(at);
    const auto password = string_at(at);
    if (!user || !password || at != p.size() || password->empty() || !printable(*user)) return std::nullopt;
    return Credential{std::move(*user), password->size()};
}

// STOMP CONNECT / STOMP frame (STOMP 1.2 "CONNECT or STOMP Frame"): its
// login and passcode headers, in a payload of whole STOMP frames.
std::optional<Credential> stomp_connect(Bytes p) {
    if (!text_rows::stomp_frames(p)) return std::nullopt;
    std::string_view text(reinterpret_cast<const char *>(p.data()), p.size());
    std::string_view user, passcode;
    bool connect = false;
    for (bool first = true; !text.empty(); first = false) {
        const auto lf = text.find('\n');
        std::string_view line = text.substr(0, lf);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        text.remove_prefix(lf == std::string_view::npos ? text.size() : lf + 1);
        if (first)
            connect = line == "CONNECT" || line == "STOMP";
        else if (line.empty())
            break;
        else if (line.starts_with("login:") && user.empty())
            user = line.substr(6);
        else if (line.starts_with("passcode:") && passcode.empty())
            passcode = line.substr(9);
    }
    if (!connect || passcode.empty()) return std::nullopt;
    return Credential{std::string(user), passcode.size()};
}

// PostgreSQL StartupMessage (protocol 3.0): its "user" parameter.
std::optional<std::string> postgres_startup_user(Bytes p) {
    if (p.size() < 9 || read_be32(p, 0) != p.size() || read_be32(p, 4) != 0x00030000 || p.back() != 0)
        return std::nullopt;
    const std::string_view text(reinterpret_cast<const char *>(p.data()) + 8, p.size() - 9);
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t key_end = text.find('\0', at);
        if (key_end == std::string_view::npos) return std::nullopt;
        const std::size_t value_end = text.find('\0', key_end + 1);
        if (value_end == std::string_view::npos) return std::nullopt;
        if (text.substr(at, key_end - at) == "user")
            return std::string(text.substr(key_end + 1, value_end - key_end - 1));
        at = value_end + 1;
    }
    return std::nullopt;
}

// PostgreSQL PasswordMessage: 'p', length, a NUL-terminated password.
std::optional<std::size_t> postgres_password(Bytes p) {
    if (p.size() < 7 || p[0] != 'p' || read_be32(p, 1) != p.size() - 1 || p.back() != 0) return std::nullopt;
    const std::string_view password(reinterpret_cast<const char *>(p.data()) + 5, p.size() - 6);
    if (password.empty() || password.find('\0') != std::string_view::npos) return std::nullopt;
    return password.size();
}

// SNMPv1/v2c message: SEQUENCE { version 0|1, community, PDU [0..8] }.
std::optional<std::size_t> snmp_community(Bytes p) {
    const auto message = ber(p, 0, 0x30);
    if (!message || message->second != p.size()) return std::nullopt;
    const auto version = ber(p, message->first, 0x02);
    if (!version || version->second - version->first != 1 || p[version->first] > 1) return std::nullopt;
    const auto community = ber(p, version->second, 0x04);
    if (!community || community->second >= p.size() || p[community->second] < 0xA0 || p[community->second] > 0xA8)
        return std::nullopt;
    const auto pdu = ber(p, community->second, p[community->second]);
    if (!pdu || pdu->second != p.size() || community->second == community->first) return std::nullopt;
    return community->second - community->first;
}

// XMPP (RFC 6120) SASL PLAIN: <auth xmlns='…xmpp-sasl' mechanism='PLAIN'>base64</auth>.
std::optional<std::string> xmpp_plain(std::string_view text) {
    const std::size_t open = text.find("<auth ");
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t close = text.find('>', open);
    const std::size_t end = text.find("</auth>", open);
    if (close == std::string_view::npos || end == std::string_view::npos || end < close) return std::nullopt;
    const std::string_view tag = text.substr(open, close - open);
    if (tag.find("xmpp-sasl") == std::string_view::npos || (tag.find("mechanism='PLAIN'") == std::string_view::npos &&
                                                            tag.find("mechanism=\"PLAIN\"") == std::string_view::npos))
        return std::nullopt;
    return base64_text(text.substr(close + 1, end - close - 1));
}

// SASL PLAIN's message: authzid NUL authcid NUL password.
std::optional<Credential> sasl_plain(const std::string &decoded) {
    const std::size_t first = decoded.find('\0');
    const std::size_t second = first == std::string::npos ? first : decoded.find('\0', first + 1);
    if (second == std::string::npos) return std::nullopt;
    return Credential{decoded.substr(first + 1, second - first - 1), decoded.size() - second - 1};
}

// NATS (client protocol "CONNECT"): the JSON options' user and pass, or an auth_token.
std::optional<Credential> nats_connect(Bytes p) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), p.size());
    const std::size_t end = text.find("\r\n");
    if (!text.starts_with("CONNECT {") || end == std::string_view::npos) return std::nullopt;
    json::Object options;
    options.keep_first_only = true;
    std::size_t at = 8;
    if (!json::read_object(text.substr(0, end), at, options)) return std::nullopt;
    const json::Member *user = options.find("user"), *pass = options.find("pass"), *token = options.find("auth_token");
    const bool user_named = user != nullptr && user->kind == json::Kind::String;
    if (pass != nullptr && pass->kind == json::Kind::String)
        return Credential{user_named ? std::string(user->value) : std::string(), pass->value.size()};
    if (token != nullptr && token->kind == json::Kind::String) return Credential{"", token->value.size()};
    return std::nullopt;
}

// AMQP 0-9-1 Connection.Start-Ok (class 10, method 11) on channel 0:
// client properties, mechanism PLAIN, its SASL response.
std::optional<Credential> amqp_start_ok(Bytes p) {
    if (p.size() < 7 + 4 + 4 + 1 + 4 || p[0] != 1 || read_be16(p, 1) != 0) return std::nullopt;
    const std::uint32_t size = read_be32(p, 3);
    // class, method, a table's length, a mechanism's, a response's: 13 octets at least
    if (size < 13 || size > p.size() - 7 || read_be16(p, 7) != 10 || read_be16(p, 9) != 11) return std::nullopt;
    const std::size_t end = 7 + size;
    std::size_t at = 11;
    const std::uint32_t properties = read_be32(p, at);
    if (properties > end - at - 4) return std::nullopt;
    at += 4 + properties;
    if (at >= end || p[at] > end - at - 1) return std::nullopt;
    const std::string_view mechanism(reinterpret_cast<const char *>(p.data()) + at + 1, p[at]);
    at += 1 + p[at];
    if (mechanism != "PLAIN" || end - at < 4 || read_be32(p, at) > end - at - 4) return std::nullopt;
    return sasl_plain(std::string(reinterpret_cast<const char *>(p.data()) + at + 4, read_be32(p, at)));
}

// IPMI 1.5 over RMCP (IPMI v1.5 12-13): the session header's authentication
// type 4 ("straight password") carries the password in its 16-octet code.
bool rmcp_ipmi(Bytes p, std::uint8_t authentication) {
    return p.size() >= 14 && p[0] == 0x06 && p[1] == 0x00 && p[2] == 0xff && p[3] == 0x07 && p[4] == authentication;
}
std::optional<std::size_t> ipmi_password(Bytes p) {
    // RMCP (4), type, sequence (4), session id (4), code (16), message length, message
    if (!rmcp_ipmi(p, 4) || p.size() < 30 || (p[29] + 30U != p.size() && p[29] + 31U != p.size())) return std::nullopt;
    std::size_t length = 0;
    while (length < 16 && p[13 + length] != 0) ++length;
    return length > 0 ? std::optional(length) : std::nullopt;
}
// Get Session Challenge (netfn App, command 0x39): authentication type + a 16-octet user name.
std::optional<std::string> ipmi_challenge_user(Bytes p) {
    if (!rmcp_ipmi(p, 0) || p[13] + 14U != p.size() || p[13] != 24 || (p[15] >> 2) != 0x06 || p[19] != 0x39)
        return std::nullopt;
    std::string user;
    for (std::size_t i = 21; i < 37 && p[i] != 0; ++i) user.push_back(static_cast<char>(p[i]));
    return printable(user) ? std::optional(user) : std::nullopt;
}

// ZeroC Ice (the Ice manual, "Protocol Messages"): a request ("IceP", protocol
// 1.0, encoding 1.0, type 0) calling createSession / createAdminSession (the
// IceGrid registry's and Glacier2's login) with the user id and the password
// as its two string parameters.
std::optional<Credential> ice_create_session(Bytes p) {
    static constexpr std::uint8_t kHeader[] = {'I', 'c', 'e', 'P', 1, 0, 1, 0, 0};
    if (p.size() < 14 + 4 || !std::equal(std::begin(kHeader), std::end(kHeader), p.begin())) return std::nullopt;
    std::size_t at = 14 + 4;  // header (magic, versions, type, compression, size), request id
    // a string: a size (one octet, or 255 and four) then its octets; `at` moves past it
    const auto string = [&p, &at](std::string *out) {
        if (at >= p.size()) return false;
        std::size_t size = p[at++];
        if (size == 255) {
            if (p.size() - at < 4) return false;
            size = p[at] | p[at + 1] << 8 | p[at + 2] << 16 | static_cast<std::size_t>(p[at + 3]) << 24;
            at += 4;
        }
        if (size > p.size() - at) return false;
        if (out != nullptr) out->assign(reinterpret_cast<const char *>(p.data()) + at, size);
        at += size;
        return true;
    };
    std::string operation, user, password;
    // identity (name, category), facet (a sequence of at most one string), operation
    if (!string(nullptr) || !string(nullptr) || at >= p.size() || p[at] > 1) return std::nullopt;
    if (p[at++] == 1 && !string(nullptr)) return std::nullopt;
    if (!string(&operation) || (operation != "createSession" && operation != "createAdminSession")) return std::nullopt;
    // mode, a context (a dictionary: its size, here 0 or skipped), the parameters' encapsulation (size, encoding)
    if (p.size() - at < 2 || p[at + 1] != 0) return std::nullopt;
    at += 2 + 4 + 2;
    if (!string(&user) || !string(&password) || password.empty()) return std::nullopt;
    return Credential{user, password.size()};
}

// DRDA (DDM, Open Group C114): a SECCHK (code point 0x106E) in a request
// DSS chain carrying PASSWORD (0x11A0 USRID, 0x11A1 PASSWORD): security
// mechanism 3 or 4, the password in the clear (EBCDIC or UTF-8).
std::optional<Credential> drda_secchk(Bytes p) {
    for (std::size_t at = 0, count = 0; p.size() - at >= 10 && count < 16; ++count) {
        const std::size_t dss = read_be16(p, at);
        if (dss < 10 || dss > p.size() - at || p[at + 2] != 0xd0) return std::nullopt;
        const std::size_t ddm = read_be16(p, at + 6);
        if (read_be16(p, at + 8) == 0x106e && ddm >= 4 && ddm <= dss - 6) {
            std::string user;
            std::optional<std::size_t> password;
            for (std::size_t i = at + 10; i + 4 <= at + 6 + ddm;) {
                const std::size_t length = read_be16(p, i);
                if (length < 4 || i + length > at + 6 + ddm) return std::nullopt;
                const std::uint16_t point = read_be16(p, i + 2);
                const std::string_view value(reinterpret_cast<const char *>(p.data()) + i + 4, length - 4);
                if (point == 0x11a0 && printable(value)) user = std::string(value);
                if (point == 0x11a1) password = value.size();
                i += length;
            }
            if (password && *password > 0) return Credential{user, *password};
        }
        at += dss;
    }
    return std::nullopt;
}

// A password in an HTTP request's query string (GET /status?password=x):
// a parameter named password / passwd / pass / pwd, the user from user /
// username / login when there is one.
std::optional<Credential> url_password(std::string_view line) {
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos ||
        (!ends_with_nocase(line, " HTTP/1.1") && !ends_with_nocase(line, " HTTP/1.0")))
        return std::nullopt;
    const std::string_view target = line.substr(space + 1, line.size() - space - 10);
    const std::size_t query = target.find('?');
    if (query == std::string_view::npos || target.find(' ') != std::string_view::npos) return std::nullopt;
    std::string_view rest = target.substr(query + 1);
    std::string user;
    std::optional<std::size_t> secret;
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        const std::string_view name = pair.substr(0, equals), value = pair.substr(equals + 1);
        for (std::string_view key : {"password", "passwd", "pass", "pwd"})
            if (name.size() == key.size() && starts_with_nocase(name, key) && !value.empty()) secret = value.size();
        for (std::string_view key : {"user", "username", "login"})
            if (name.size() == key.size() && starts_with_nocase(name, key)) user = std::string(value);
    }
    return secret ? std::optional(Credential{user, *secret}) : std::nullopt;
}

// ---------------------------------------------------------------- shell
// The commands on a client's line: the first word of each piece between
// ; | & (a path's last component: /usr/bin/id is id).
bool runs(std::string_view line, std::string_view command) {
    while (!line.empty()) {
        const std::size_t end = line.find_first_of(";|&");
        std::string_view piece = trim(line.substr(0, end));
        if (piece.starts_with("sudo ")) piece = trim(piece.substr(5));
        std::string_view word = piece.substr(0, piece.find_first_of(" \t"));
        if (const std::size_t slash = word.rfind('/'); slash != std::string_view::npos) word.remove_prefix(slash + 1);
        if (word == command) return true;
        line = end == std::string_view::npos ? std::string_view{} : line.substr(end + 1);
    }
    return false;
}

// Could be typed into a shell: the first word a command's name or path in
// lower case ("ls", "./run", "/bin/sh"), so that protocol lines ("GET /",
// "EHLO x", "Host: y") are not kept while no shell is proven.
bool command_shaped(std::string_view line) {
    const std::string_view word = line.substr(0, line.find_first_of(" \t;|&"));
    return !word.empty() && word.size() <= 64 &&
           ((word[0] >= 'a' && word[0] <= 'z') || word[0] == '/' || word[0] == '.') &&
           std::all_of(word.begin(), word.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == '-';
           });
}

// Output of a known shape, and the command line that makes it.
struct ShellOutput {
    std::string evidence;
    std::string user;
};
std::optional<ShellOutput> output_of_command(std::string_view line, const std::vector<std::string> &commands) {
    const auto ran = [&commands](auto &&predicate) { return std::any_of(commands.begin(), commands.end(), predicate); };
    if (const std::string_view user = shell::id_output_user(line); !user.empty()) {
        if (ran([](const std::string &c) { return runs(c, "id"); }))
            return ShellOutput{"id output uid=…(" + std::string(user) + ")", std::string(user)};
    } else if (shell::uname_output(line)) {
        if (ran([](const std::string &c) { return runs(c, "uname"); })) return ShellOutput{"uname -a output", {}};
    } else if (shell::passwd_entry(line)) {
        if (ran([](const std::string &c) { return c.find("passwd") != std::string::npos; }))
            return ShellOutput{"/etc/passwd contents", {}};
    }
    return std::nullopt;
}

// rsh / rlogin (RFC 1282, rcmd(3)): "[stderr port]\0locuser\0remuser\0command or term/speed\0".
struct Rcmd {
    ExposureProtocol protocol;
    std::string user;
    std::string detail;
};
std::optional<Rcmd> rcmd_request(std::string_view text) {
    std::array<std::string_view, 4> field{};
    for (auto &f : field) {
        const std::size_t end = text.find('\0');
        if (end == std::string_view::npos) return std::nullopt;
        f = text.substr(0, end);
        text.remove_prefix(end + 1);
    }
    if (!text.empty() || field[0].size() > 5 ||
        (!field[0].empty() && field[0].find_first_not_of("0123456789") != std::string_view::npos))
        return std::nullopt;
    for (std::size_t i = 1; i < 4; ++i)
        if (field[i].empty() || !printable(field[i]) ||
            (i < 3 && (field[i].size() > 32 || field[i].find(' ') != std::string_view::npos)))
            return std::nullopt;
    // rlogin's last string is "terminal/speed" ("xterm/38400") and it asks for no stderr port.
    const std::size_t slash = field[3].find('/');
    const bool rlogin = field[0].empty() && slash != std::string_view::npos && slash > 0 &&
                        field[3].find_first_not_of("0123456789", slash + 1) == std::string_view::npos &&
                        slash + 1 < field[3].size();
    if (rlogin) return Rcmd{ExposureProtocol::Rlogin, std::string(field[2]), "no password: host trust (.rhosts)"};
    return Rcmd{ExposureProtocol::Rsh, std::string(field[2]),
                "no password: host trust (.rhosts), command " + std::string(field[3])};
}

}  // namespace

const char *exposure_kind_name(ExposureKind kind) {
    switch (kind) {
        case ExposureKind::CleartextLogin: return "cleartext_login";
        case ExposureKind::ShellSession: return "shell_session";
        case ExposureKind::ShellCommand: return "shell_command";
    }
    return "?";
}

const char *exposure_protocol_name(ExposureProtocol protocol) {
    switch (protocol) {
        case ExposureProtocol::Telnet: return "Telnet";
        case ExposureProtocol::Login: return "login prompt";
        case ExposureProtocol::Ftp: return "FTP";
        case ExposureProtocol::Pop3: return "POP3";
        case ExposureProtocol::Imap: return "IMAP";
        case ExposureProtocol::Irc: return "IRC";
        case ExposureProtocol::Mqtt: return "MQTT";
        case ExposureProtocol::Stomp: return "STOMP";
        case ExposureProtocol::Postgres: return "PostgreSQL";
        case ExposureProtocol::Snmp: return "SNMP";
        case ExposureProtocol::Xmpp: return "XMPP";
        case ExposureProtocol::Ldap: return "LDAP";
        case ExposureProtocol::Http: return "HTTP";
        case ExposureProtocol::Smtp: return "SMTP";
        case ExposureProtocol::Redis: return "Redis";
        case ExposureProtocol::Socks5: return "SOCKS5";
        case ExposureProtocol::Shell: return "shell";
        case ExposureProtocol::FtpOrPop3: return "FTP/POP3";
        case ExposureProtocol::Nut: return "NUT";
        case ExposureProtocol::Mpd: return "MPD";
        case ExposureProtocol::Cvs: return "CVS pserver";
        case ExposureProtocol::Rsh: return "rsh";
        case ExposureProtocol::Rlogin: return "rlogin";
        case ExposureProtocol::Nats: return "NATS";
        case ExposureProtocol::ManageSieve: return "ManageSieve";
        case ExposureProtocol::Amqp: return "AMQP";
        case ExposureProtocol::Ipmi: return "IPMI";
        case ExposureProtocol::Ami: return "Asterisk AMI";
        case ExposureProtocol::Drda: return "DRDA";
        case ExposureProtocol::TorControl: return "Tor control";
        case ExposureProtocol::DovecotAuth: return "Dovecot auth";
        case ExposureProtocol::Ice: return "Ice";
        case ExposureProtocol::Poppassd: return "poppassd";
        case ExposureProtocol::Z3950: return "Z39.50";
    }
    return "?";
}

ExposureScanner::Memory &ExposureScanner::memory() {
    if (!memory_) memory_ = std::make_unique<Memory>();
    return *memory_;
}

const ExposureScanner::Memory &ExposureScanner::recall() const {
    static const Memory kEmpty;
    return memory_ ? *memory_ : kEmpty;
}

bool ExposureScanner::idle() const {
    return client_line_buffer_.empty() && client_line_overflow_ == 0 && pending_pass_ == 0 && prompt_ == Prompt::None &&
           sasl_ == SaslStep::None && !telnet_ && !pop3_ && !imap_ && !ftp_ && !irc_ && !mpd_ && !poppassd_ &&
           !sieve_ && !ami_login_ && !pass_pending_ && cvs_step_ == 0 && !postgres_startup_ &&
           !socks_password_method_ && !shell_prompt_ && !shell_proven_ && !shell_session_ && recall() == Memory{};
}

std::vector<Exposure> ExposureScanner::scan(std::span<const std::uint8_t> payload, bool from_client) {
    std::vector<Exposure> out;
    if (payload.empty()) return out;
    if (from_client) {
        scan_client(payload, out);
    } else {
        scan_server(payload);
        if (pass_pending_) resolve_pending_pass({}, out);
    }
    if (shell_proven_ && !shell_session_) {
        shell_session_ = true;
        emit({ExposureKind::ShellSession, ExposureProtocol::Shell, memory().shell_user, 0, memory().shell_evidence},
             out);
        for (const std::string &line : memory().shell_lines)
            emit({ExposureKind::ShellCommand, ExposureProtocol::Shell, memory().shell_user, 0, line}, out);
        memory().shell_lines.clear();
    }
    return out;
}

void ExposureScanner::emit(Exposure exposure, std::vector<Exposure> &out) {
    auto key = std::tuple{static_cast<int>(exposure.kind), static_cast<int>(exposure.protocol), exposure.user,
                          exposure.secret_length, exposure.detail};
    if (memory().reported.insert(std::move(key)).second) out.push_back(std::move(exposure));
}

namespace {
// The octets a client's line editing acts on: line ends, typed backspaces, NUL.
constexpr std::array<bool, 256> kLineEditing = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {'\r', '\n', '\x7f', '\b', '\0'}) table[c] = true;
    return table;
}();
}  // namespace

void ExposureScanner::scan_client(std::span<const std::uint8_t> payload, std::vector<Exposure> &out) {
    rcmd_preamble(payload, out);
    if (binary_credential(payload, out)) return;
    const std::string text = strip_telnet(payload, telnet_);
    if (const auto decoded = xmpp_plain(text)) {
        if (auto credential = sasl_plain(*decoded))
            emit({ExposureKind::CleartextLogin, ExposureProtocol::Xmpp, credential->user, credential->secret_length,
                  "SASL PLAIN"},
                 out);
        return;
    }
    // A line longer than the buffer is counted to its end (a password's
    // length is reported whole), not kept.
    for (std::size_t i = 0; i < text.size(); ++i) {
        // Ordinary octets up to the next special one in one copy (a table
        // lookup per octet: find_first_of compared each with all five).
        std::size_t special = i;
        while (special < text.size() && !kLineEditing[static_cast<unsigned char>(text[special])]) ++special;
        const std::size_t run = special - i;
        const std::size_t room = client_line_buffer_.size() <= kMaxLine ? kMaxLine + 1 - client_line_buffer_.size() : 0;
        client_line_buffer_.append(text, i, std::min(run, room));
        client_line_overflow_ += run - std::min(run, room);
        i += run;
        if (i >= text.size()) break;
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (!client_line_buffer_.empty()) client_line(client_line_buffer_, client_line_overflow_, out);
            client_line_buffer_.clear();
            client_line_overflow_ = 0;
        } else if (c == '\x7f' || c == '\b') {  // typed backspace
            if (client_line_overflow_ > 0)
                --client_line_overflow_;
            else if (!client_line_buffer_.empty())
                client_line_buffer_.pop_back();
        }  // NUL: dropped
    }
}

// rsh/rlogin: the client's first octets, possibly over several segments
// (rcmd(3) writes the port and each string apart).
void ExposureScanner::rcmd_preamble(std::span<const std::uint8_t> payload, std::vector<Exposure> &out) {
    const bool going_on = !recall().rcmd.empty();
    if (!going_on && !(payload[0] == 0 || (payload[0] >= '0' && payload[0] <= '9'))) return;
    const bool shape =
        std::all_of(payload.begin(), payload.end(), [](std::uint8_t c) { return c == 0 || (c >= 0x20 && c < 0x7f); });
    if (!shape || recall().rcmd.size() + payload.size() > kMaxRcmd) {
        if (going_on) memory().rcmd.clear();
        return;
    }
    std::string &text = memory().rcmd;
    text.append(payload.begin(), payload.end());
    const auto nuls = std::count(text.begin(), text.end(), '\0');
    if (nuls < 4) {
        // Only a port and strings so far: "digits\0" first.
        const std::size_t first = text.find('\0');
        if (first == std::string::npos ? text.size() > 5 : first > 5) text.clear();
        return;
    }
    if (auto request = rcmd_request(text))
        emit({ExposureKind::CleartextLogin, request->protocol, request->user, 0, request->detail}, out);
    text.clear();
}

// Binary credentials travel whole in one payload.
bool ExposureScanner::binary_credential(std::span<const std::uint8_t> payload, std::vector<Exposure> &out) {
    const auto login = [this, &out](ExposureProtocol protocol, std::string user, std::size_t secret) {
        emit({ExposureKind::CleartextLogin, protocol, std::move(user), secret, {}}, out);
        return true;
    };
    if (socks_password_method_) {
        socks_password_method_ = false;
        if (auto credential = socks5_auth(payload))
            return login(ExposureProtocol::Socks5, credential->user, credential->secret_length);
    }
    if (auto credential = ldap_simple_bind(payload))
        return login(ExposureProtocol::Ldap, credential->user, credential->secret_length);
    if (auto credential = redis_auth(payload))
        return login(ExposureProtocol::Redis, credential->user, credential->secret_length);
    if (auto credential = mqtt_connect(payload))
        return login(ExposureProtocol::Mqtt, credential->user, credential->secret_length);
    if (auto credential = stomp_connect(payload))
        return login(ExposureProtocol::Stomp, credential->user, credential->secret_length);
    if (auto community = snmp_community(payload)) return login(ExposureProtocol::Snmp, "", *community);
    if (auto credential = nats_connect(payload))
        return login(ExposureProtocol::Nats, credential->user, credential->secret_length);
    if (auto credential = amqp_start_ok(payload))
        return login(ExposureProtocol::Amqp, credential->user, credential->secret_length);
    if (auto user = ipmi_challenge_user(payload)) {
        memory().ipmi_user = *user;
        return true;
    }
    if (auto length = ipmi_password(payload)) return login(ExposureProtocol::Ipmi, recall().ipmi_user, *length);
    if (auto credential = drda_secchk(payload))
        return login(ExposureProtocol::Drda, credential->user, credential->secret_length);
    // Z39.50's InitializeRequest: idAuthentication as idPass (userId, password) or "open" ("user/password").
    if (const auto init = framed::z3950_init_fields(payload)) {
        if (!init->password.empty())
            return login(ExposureProtocol::Z3950, std::string(init->user), init->password.size());
        if (const auto slash = init->open.find('/'); slash != std::string_view::npos && slash + 1 < init->open.size())
            return login(ExposureProtocol::Z3950, std::string(init->open.substr(0, slash)),
                         init->open.size() - slash - 1);
    }
    if (auto credential = ice_create_session(payload))
        return login(ExposureProtocol::Ice, credential->user, credential->secret_length);
    if (auto user = postgres_startup_user(payload)) {
        postgres_startup_ = true;
        memory().postgres_user = *user;
        return true;
    }
    if (postgres_startup_) {
        if (auto length = postgres_password(payload))
            return login(ExposureProtocol::Postgres, recall().postgres_user, *length);
    }
    return false;
}

ExposureProtocol ExposureScanner::sasl_protocol() const {
    if (sieve_) return ExposureProtocol::ManageSieve;
    return pop3_ ? ExposureProtocol::Pop3 : imap_ ? ExposureProtocol::Imap : ExposureProtocol::Smtp;
}

void ExposureScanner::scan_server(std::span<const std::uint8_t> payload) {
    if (payload.size() == 2 && payload[0] == 0x05 && payload[1] == 0x02) {  // SOCKS5: username/password chosen
        socks_password_method_ = true;
        return;
    }
    const std::string text = strip_telnet(payload, telnet_);
    if (starts_with_nocase(text, "+OK ")) pop3_ = !imap_;
    if (starts_with_nocase(text, "* OK")) imap_ = !pop3_;
    if ((text.starts_with("220") && starts_with_nocase(text, "220") && text.find("FTP") != std::string::npos &&
         text.find("SMTP") == std::string::npos) ||
        text.starts_with("331 "))
        ftp_ = true;
    if (text.starts_with(':') || text.starts_with("NOTICE ")) irc_ = true;
    if (text.starts_with("OK MPD ")) mpd_ = true;
    if (text.starts_with("200 poppassd")) poppassd_ = true;
    if (text.starts_with("250-PROTOCOLINFO ")) tor_ = true;
    // A console server's banner is a shell behind the port: whoever connects runs code (Guile's REPL, a Lisp
    // through Swank) or commands a virtual machine and, through migrate "exec:...", its host's shell (QEMU's
    // human monitor).
    // Consoles that run no code (OpenVPN's management interface, PowerMan) are named, not flagged as shells.
    struct ConsoleBanner {
        bool (*shown)(std::span<const std::uint8_t>);
        const char *evidence;
    };
    static constexpr ConsoleBanner kConsoleBanners[] = {{text_rows::guile_repl_banner, "GNU Guile REPL banner"},
                                                        {text_rows::qemu_monitor_banner, "QEMU monitor banner"},
                                                        {text_rows::swank_server, "Swank (SLIME) answer"}};
    for (const ConsoleBanner &banner : kConsoleBanners) {
        if (shell_proven_ || shell_session_ || !banner.shown(payload)) continue;
        shell_proven_ = true;
        memory().shell_evidence = banner.evidence;
    }
    const std::string_view end = trim(text);
    if (ends_with_nocase(end, "login:") || ends_with_nocase(end, "username:"))
        prompt_ = Prompt::Login;
    else if (ends_with_nocase(end, "password:"))
        prompt_ = Prompt::Password;
    shell_server(text);
}

// A shell's evidence from the server: output of the shape of a command the
// client sent (id, uname -a, cat /etc/passwd), or a prompt, which the
// client's next line then answers (shell_line).
void ExposureScanner::shell_server(std::string_view text) {
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t newline = rest.find('\n');
        if (newline == std::string_view::npos) break;
        std::string_view line = rest.substr(0, newline);
        if (line.ends_with('\r')) line.remove_suffix(1);
        rest.remove_prefix(newline + 1);
        if (shell_session_) {
            if (const std::string_view user = shell::id_output_user(line); !user.empty())
                memory().shell_user = std::string(user);
            continue;
        }
        if (shell_proven_ || recall().shell_lines.empty()) continue;
        if (auto output = output_of_command(line, recall().shell_lines)) {
            shell_proven_ = true;
            memory().shell_evidence = output->evidence;
            if (!output->user.empty()) memory().shell_user = output->user;
        }
    }
    if (shell_session_ || shell_proven_) return;
    if (shell::prompt(rest)) {
        shell_prompt_ = true;
        memory().shell_lines.clear();  // typed before the prompt: not commands to it
    } else if (text.find('\n') != std::string_view::npos) {
        shell_prompt_ = false;  // the server said something else since (a typed key's echo says no line)
    }
}
void ExposureScanner::client_line(const std::string &raw, std::size_t overflow, std::vector<Exposure> &out) {
    const std::string line(trim(raw));
    if (line.empty() || !printable(line)) return;
    if (pass_pending_) resolve_pending_pass(line, out);
    if (cvs_line(line, out)) return;
    if (credential_line(line, overflow, out)) return;
    if (prompt_ == Prompt::Login) {
        memory().prompted_user = line;
        prompt_ = Prompt::None;
        return;
    }
    if (prompt_ == Prompt::Password) {
        emit({ExposureKind::CleartextLogin,
              telnet_ ? ExposureProtocol::Telnet : ExposureProtocol::Login,
              recall().prompted_user,
              line.size() + overflow,
              {}},
             out);
        prompt_ = Prompt::None;
        return;
    }
    if (overflow == 0) shell_line(line, out);
}

// CVS pserver (cvsclient "Connection and Authentication"): BEGIN AUTH
// REQUEST (or VERIFICATION), the repository, the user, the scrambled
// password ("A" + one octet per character), END AUTH REQUEST.
bool ExposureScanner::cvs_line(std::string_view line, std::vector<Exposure> &out) {
    const std::uint8_t step = cvs_step_;
    cvs_step_ = 0;
    if (line == "BEGIN AUTH REQUEST" || line == "BEGIN VERIFICATION REQUEST") {
        cvs_step_ = 1;
        return true;
    }
    switch (step) {
        case 1:
            if (!line.starts_with('/')) return false;
            cvs_step_ = 2;
            return true;
        case 2:
            memory().cvs_user = std::string(line);
            cvs_step_ = 3;
            return true;
        case 3:
            if (!line.starts_with('A')) return false;
            memory().cvs_secret = line.size() - 1;
            cvs_step_ = 4;
            return true;
        case 4:
            if (line != "END AUTH REQUEST" && line != "END VERIFICATION REQUEST") return false;
            emit({ExposureKind::CleartextLogin, ExposureProtocol::Cvs, recall().cvs_user, recall().cvs_secret, {}},
                 out);
            return true;
        default: return false;
    }
}

// A PASS before any USER: IRC's connection password when registration
// (NICK/USER u m * :r/CAP) follows; otherwise FTP or POP3 out of order, whose
// later USER does not complete it: reported with the user unknown.
void ExposureScanner::resolve_pending_pass(std::string_view next_line, std::vector<Exposure> &out) {
    pass_pending_ = false;
    const std::size_t length = pending_pass_;
    pending_pass_ = 0;
    const bool irc_user = next_line.starts_with("USER ") && next_line.find(" :") != std::string_view::npos;
    if (irc_ || next_line.starts_with("NICK ") || next_line.starts_with("CAP ") || irc_user) {
        emit({ExposureKind::CleartextLogin, ExposureProtocol::Irc, "", length, {}}, out);
        return;
    }
    const ExposureProtocol protocol = pop3_  ? ExposureProtocol::Pop3
                                      : ftp_ ? ExposureProtocol::Ftp
                                             : ExposureProtocol::FtpOrPop3;
    emit({ExposureKind::CleartextLogin, protocol, "", length, "user unknown: PASS before USER"}, out);
}
bool ExposureScanner::credential_line(const std::string &line, std::size_t overflow, std::vector<Exposure> &out) {
    const auto login = [this, &out](ExposureProtocol protocol, std::string user, std::size_t secret,
                                    std::string mechanism = {}) {
        emit({ExposureKind::CleartextLogin, protocol, std::move(user), secret, std::move(mechanism)}, out);
    };
    if (sasl_ != SaslStep::None) {
        const SaslStep step = sasl_;
        sasl_ = SaslStep::None;
        if (line == "*") return true;  // the client cancelled
        std::string_view response = line;
        if (sieve_ && response.size() >= 2 && response.front() == '"' && response.back() == '"')
            response = response.substr(1, response.size() - 2);  // ManageSieve quotes its responses
        const auto decoded = base64_text(response);
        if (!decoded) return false;
        if (step == SaslStep::LoginUser) {
            memory().sasl_user = *decoded;
            sasl_ = SaslStep::LoginPassword;
        } else if (step == SaslStep::LoginPassword) {
            login(sasl_protocol(), recall().sasl_user, decoded->size(), "AUTH LOGIN");
        } else {
            if (auto credential = sasl_plain(*decoded))
                login(sasl_protocol(), credential->user, credential->secret_length, "AUTH PLAIN");
        }
        return true;
    }
    if (user_pass_line(line, overflow, out)) return true;
    // Tor's control port: AUTHENTICATE "<password>" (a HashedControlPassword's password, in the clear).
    if (line.starts_with("PROTOCOLINFO")) tor_ = true;
    if (tor_ && line.starts_with("AUTHENTICATE \"") && line.size() > 15 && line.back() == '"') {
        login(ExposureProtocol::TorControl, {}, line.size() - 15 + overflow, "control password");
        return true;
    }
    // Dovecot's authentication protocol: AUTH <id> PLAIN ... resp=<base64 initial response>, TAB-separated.
    if (line.starts_with("AUTH\t") && line.find("\tPLAIN\t") != std::string::npos) {
        if (const std::size_t resp = line.find("\tresp="); resp != std::string::npos) {
            const std::string_view value =
                std::string_view(line).substr(resp + 6, line.find('\t', resp + 6) - resp - 6);
            if (const auto decoded = base64_text(value))
                if (auto credential = sasl_plain(*decoded))
                    login(ExposureProtocol::DovecotAuth, credential->user, credential->secret_length, "AUTH PLAIN");
        }
        return true;
    }
    // Asterisk AMI: "Action: Login", then "Username: <user>" and "Secret: <password>" lines of the block.
    if (starts_with_nocase(line, "Action:")) {
        const std::string_view action = trim(std::string_view(line).substr(7));
        ami_login_ = action.size() == 5 && starts_with_nocase(action, "Login");
        if (ami_login_) memory().ami_user.clear();
        return true;
    }
    if (ami_login_ && starts_with_nocase(line, "Username:")) {
        memory().ami_user = std::string(trim(std::string_view(line).substr(9)));
        return true;
    }
    if (ami_login_ && starts_with_nocase(line, "Secret:")) {
        const std::size_t secret = trim(std::string_view(line).substr(7)).size() + overflow;
        if (secret > 0) login(ExposureProtocol::Ami, recall().ami_user, secret);
        return true;
    }
    // SASL: SMTP/POP3 "AUTH <mechanism>", IMAP "<tag> AUTHENTICATE <mechanism>".
    std::string_view command = line;
    if (imap_) {
        const std::size_t space = command.find(' ');
        command = space == std::string_view::npos ? std::string_view{} : command.substr(space + 1);
        if (starts_with_nocase(command, "LOGIN ")) {
            // <tag> LOGIN user password (atoms or quoted strings)
            const auto word = [](std::string_view &rest) {
                rest = trim(rest);
                std::size_t end = rest.front() == '"' ? rest.find('"', 1) : rest.find(' ');
                std::string_view value =
                    rest.substr(0, end == std::string_view::npos ? rest.size() : end + (rest.front() == '"'));
                rest.remove_prefix(value.size());
                if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
                return value;
            };
            std::string_view rest = command.substr(6);
            if (trim(rest).empty()) return true;
            const std::string user(word(rest));
            if (trim(rest).empty()) return true;
            login(ExposureProtocol::Imap, user, word(rest).size());
            return true;
        }
    }
    std::string_view sasl;
    std::string unquoted;
    if (imap_ && starts_with_nocase(command, "AUTHENTICATE ")) {
        sasl = command.substr(13);
    } else if (starts_with_nocase(command, "AUTH ")) {
        sasl = command.substr(5);
    } else if (starts_with_nocase(line, "AUTHENTICATE \"")) {
        // ManageSieve (RFC 5804 2.1), untagged: AUTHENTICATE "PLAIN" ["<initial>" | {n+}, the response on the next
        // line]
        sieve_ = true;
        const std::string_view rest = std::string_view(line).substr(13);
        for (const char c : rest)
            if (c != '"') unquoted.push_back(c);
        if (const std::size_t literal = unquoted.find('{'); literal != std::string::npos) unquoted.resize(literal);
        sasl = unquoted;
    }
    for (auto [mechanism, step] : {std::pair{std::string_view("PLAIN"), SaslStep::PlainResponse},
                                   std::pair{std::string_view("LOGIN"), SaslStep::LoginUser}}) {
        if (!starts_with_nocase(sasl, mechanism)) continue;
        const std::string_view initial = trim(sasl.substr(mechanism.size()));
        sasl_ = step;
        if (!initial.empty()) return credential_line(std::string(initial), 0, out);
        return true;
    }
    if (auto credential = url_password(line)) {
        emit({ExposureKind::CleartextLogin, ExposureProtocol::Http, credential->user, credential->secret_length,
              "password in the URL's query string"},
             out);
        return true;
    }
    for (std::string_view header : {"authorization:", "proxy-authorization:"}) {
        if (!starts_with_nocase(line, header)) continue;
        const std::string_view value = trim(std::string_view(line).substr(header.size()));
        if (!starts_with_nocase(value, "basic ")) return true;
        const auto decoded = base64_text(value.substr(6));
        const std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
        if (colon != std::string::npos)
            login(ExposureProtocol::Http, decoded->substr(0, colon), decoded->size() - colon - 1);
        return true;
    }
    return false;
}

// USER/PASS (FTP, POP3; IRC's PASS), USERNAME/PASSWORD (NUT), password (MPD).
bool ExposureScanner::user_pass_line(std::string_view line, std::size_t overflow, std::vector<Exposure> &out) {
    const auto argument = [line](std::size_t verb) { return trim(line.substr(verb)); };
    const auto login = [this, &out](ExposureProtocol protocol, std::string user, std::size_t secret,
                                    std::string detail = {}) {
        emit({ExposureKind::CleartextLogin, protocol, std::move(user), secret, std::move(detail)}, out);
        return true;
    };
    // NUT (docs/net-protocol.txt): USERNAME and PASSWORD, in either order, before LOGIN.
    // A PASSWORD before USERNAME waits for the next line: USERNAME completes it.
    const bool nut_pending = recall().nut_pending != 0;
    const std::size_t nut_secret = recall().nut_pending - 1;
    if (nut_pending) memory().nut_pending = 0;
    if (line.starts_with("USERNAME ")) {
        memory().nut_user = std::string(argument(9));
        if (nut_pending) login(ExposureProtocol::Nut, recall().nut_user, nut_secret);
        return true;
    }
    if (nut_pending) login(ExposureProtocol::Nut, "", nut_secret, "user unknown: PASSWORD without USERNAME");
    if (line.starts_with("PASSWORD ")) {
        const std::size_t secret = argument(9).size() + overflow;
        if (recall().nut_user.empty()) {
            memory().nut_pending = secret + 1;
            return true;
        }
        return login(ExposureProtocol::Nut, recall().nut_user, secret);
    }
    // MPD: 'password "secret"' after the "OK MPD x.y.z" greeting; MPD has no user names.
    if (mpd_ && line.starts_with("password ")) {
        std::string_view secret = argument(9);
        if (secret.size() >= 2 && secret.front() == '"' && secret.back() == '"')
            secret = secret.substr(1, secret.size() - 2);
        return login(ExposureProtocol::Mpd, "", secret.size() + overflow);
    }
    if (starts_with_nocase(line, "USER ")) {
        memory().user_command_user = std::string(argument(5));
        return true;
    }
    // poppassd: the old password (PASS), then the new one (NEWPASS), both in the clear.
    if (poppassd_ && starts_with_nocase(line, "NEWPASS "))
        return login(ExposureProtocol::Poppassd, recall().user_command_user, argument(8).size() + overflow,
                     "new password");
    if (!starts_with_nocase(line, "PASS ")) return false;
    std::string_view password = argument(5);
    const std::string &user = recall().user_command_user;
    if (!user.empty())
        return login(poppassd_ ? ExposureProtocol::Poppassd
                     : pop3_   ? ExposureProtocol::Pop3
                               : ExposureProtocol::Ftp,
                     user, password.size() + overflow);
    // No USER yet: IRC sends PASS first; FTP and POP3 do not allow it.
    if (password.starts_with(':')) password.remove_prefix(1);
    pending_pass_ = password.size() + overflow;
    pass_pending_ = true;
    if (irc_ || pop3_ || ftp_) resolve_pending_pass({}, out);
    return true;
}

void ExposureScanner::shell_line(const std::string &line, std::vector<Exposure> &out) {
    if (shell_session_) {
        emit({ExposureKind::ShellCommand, ExposureProtocol::Shell, memory().shell_user, 0, line}, out);
        return;
    }
    // A line typed at a shell's prompt proves the shell (server prompt,
    // client command); other lines wait for output of their shape.
    if (!command_shaped(line)) return;
    if (recall().shell_lines.size() < kMaxShellLines) memory().shell_lines.push_back(line);
    if (shell_prompt_) {
        shell_proven_ = true;
        memory().shell_evidence = "shell prompt, then a command line";
    }
}

}  // namespace ghostports
