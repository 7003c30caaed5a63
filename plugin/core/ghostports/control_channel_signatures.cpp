// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/control_channel_signatures.hpp"

#include <algorithm>
#include <string_view>

#include "core/ghostports/json_value.hpp"
#include "core/ghostports/platform_signatures.hpp"
#include "core/ghostports/text_grammar.hpp"

namespace ghostports::text_rows {
namespace {

using namespace ghostports::text;

// A payload holds at most this many lines or messages; more is not read.
constexpr std::size_t kMaxLines = 64;

// Hex digits; with `lower_only`, no capital (the GUIDs libdbus and sd-bus write, Dovecot's cookies).
bool hex_text(string_view s, bool lower_only = false) {
    return is_hex_digits(s) &&
           (!lower_only || std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'F'; }));
}

// --- D-Bus authentication -----------------------------------------------------------------

constexpr string_view kDbusMechanisms[] = {"EXTERNAL", "DBUS_COOKIE_SHA1", "ANONYMOUS"};

// "AUTH [mechanism [initial response in hex]]"; `strong` when it names a mechanism.
bool dbus_auth_line(string_view line, bool &strong) {
    const auto words = count_char(line, ' ');
    const string_view command = word_at(line, 0), mechanism = word_at(line, 1);
    if (command == "AUTH") {
        if (words == 0) return true;  // asks for the mechanisms
        strong = listed(kDbusMechanisms, mechanism);
        return strong && (words == 1 || (words == 2 && hex_text(word_at(line, 2))));
    }
    if (command == "DATA") return words <= 1 && (words == 0 || hex_text(word_at(line, 1)));
    if (command == "NEGOTIATE_UNIX_FD") return strong = words == 0;
    return (command == "BEGIN" || command == "CANCEL") ? words == 0 : command == "ERROR" && printable(line);
}

// --- QMP ------------------------------------------------------------------------------------

// The value of member `name` of the object read at `begin`: where its object starts, or npos.
// Only for a text already read as valid JSON: a quote inside a string is escaped there.
std::size_t member_object_at(string_view text, std::size_t begin, std::size_t end, string_view name) {
    for (auto at = text.find(name, begin + 1); at != string_view::npos && at + name.size() < end;
         at = text.find(name, at + 1)) {
        const std::size_t after = at + name.size();
        if (text[at - 1] != '"' || text[after] != '"' || (at >= 2 && text[at - 2] == '\\')) continue;
        const auto colon = json::skip_space(text, after + 1);
        if (colon >= end || text[colon] != ':') continue;
        const auto value = json::skip_space(text, colon + 1);
        if (value < end && text[value] == '{') return value;
    }
    return string_view::npos;
}

bool qmp_command_name(string_view name) {
    // QMP's own commands and the guest agent's (qemu-ga), by their families
    static constexpr string_view kNames[] = {"qmp_capabilities",
                                             "human-monitor-command",
                                             "cont",
                                             "stop",
                                             "quit",
                                             "screendump",
                                             "eject",
                                             "change",
                                             "balloon",
                                             "inject-nmi",
                                             "send-key",
                                             "transaction",
                                             "dump-guest-memory",
                                             "set_link",
                                             "getfd",
                                             "closefd"};
    static constexpr string_view kFamilies[] = {"query-",   "guest-",  "blockdev-", "block-",  "block_",
                                                "migrate",  "device_", "device-",   "object-", "netdev_",
                                                "chardev-", "system_", "x-",        "drive-",  "nbd-server-",
                                                "qom-",     "cpu-",    "memsave",   "pmemsave"};
    if (name.empty() || name.size() > 64 || !std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_';
        }))
        return false;
    return listed(kNames, name) || std::any_of(std::begin(kFamilies), std::end(kFamilies),
                                               [name](string_view f) { return name.starts_with(f); });
}

bool event_name(string_view name) {
    return !name.empty() && name.size() <= 64 && name.front() >= 'A' && name.front() <= 'Z' &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; });
}

// Members of the nested object of `name` inside [begin, end), with the kinds `kinds` asks for.
bool nested_has(string_view text, std::size_t begin, std::size_t end, string_view name,
                std::initializer_list<std::pair<string_view, json::Kind>> kinds) {
    std::size_t at = member_object_at(text, begin, end, name);
    json::Object inner;
    inner.keep_first_only = true;
    if (at == string_view::npos || !json::read_object(text, at, inner)) return false;
    return std::all_of(kinds.begin(), kinds.end(), [&inner](const auto &k) {
        const json::Member *m = inner.find(k.first);
        return m != nullptr && m->kind == k.second;
    });
}

bool qmp_message(string_view text, std::size_t begin, std::size_t end, const json::Object &o) {
    if (const json::Member *qmp = o.find("QMP"))  // the greeting
        return o.count == 1 && qmp->kind == json::Kind::Object &&
               nested_has(text, begin, end, "QMP",
                          {{"version", json::Kind::Object}, {"capabilities", json::Kind::Array}});
    if (const json::Member *execute = o.find("execute")) {  // a command
        for (std::size_t i = 0; i < o.count; ++i)
            if (o.members[i].name != "execute" && o.members[i].name != "arguments" && o.members[i].name != "id")
                return false;
        const json::Member *arguments = o.find("arguments");
        return execute->kind == json::Kind::String && qmp_command_name(execute->value) &&
               (arguments == nullptr || arguments->kind == json::Kind::Object);
    }
    if (const json::Member *event = o.find("event")) {  // an asynchronous event
        for (std::size_t i = 0; i < o.count; ++i)
            if (o.members[i].name != "event" && o.members[i].name != "data" && o.members[i].name != "timestamp")
                return false;
        return event->kind == json::Kind::String && event_name(event->value) &&
               nested_has(text, begin, end, "timestamp",
                          {{"seconds", json::Kind::Number}, {"microseconds", json::Kind::Number}});
    }
    return false;
}

// --- Tor's control port -------------------------------------------------------------------------

constexpr string_view kTorCommands[] = {"SETCONF",
                                        "RESETCONF",
                                        "GETCONF",
                                        "SETEVENTS",
                                        "AUTHENTICATE",
                                        "SAVECONF",
                                        "SIGNAL",
                                        "MAPADDRESS",
                                        "GETINFO",
                                        "EXTENDCIRCUIT",
                                        "SETCIRCUITPURPOSE",
                                        "ATTACHSTREAM",
                                        "POSTDESCRIPTOR",
                                        "REDIRECTSTREAM",
                                        "CLOSESTREAM",
                                        "CLOSECIRCUIT",
                                        "QUIT",
                                        "USEFEATURE",
                                        "RESOLVE",
                                        "PROTOCOLINFO",
                                        "LOADCONF",
                                        "TAKEOWNERSHIP",
                                        "AUTHCHALLENGE",
                                        "DROPGUARDS",
                                        "HSFETCH",
                                        "ADD_ONION",
                                        "DEL_ONION",
                                        "HSPOST",
                                        "ONION_CLIENT_AUTH_ADD",
                                        "ONION_CLIENT_AUTH_REMOVE",
                                        "ONION_CLIENT_AUTH_VIEW",
                                        "DROPOWNERSHIP",
                                        "DROPTIMEOUTS"};
// The commands no other line protocol has (AUTHENTICATE is ManageSieve's too, GETINFO / SIGNAL / QUIT anyone's).
constexpr string_view kTorOwnCommands[] = {"PROTOCOLINFO", "AUTHCHALLENGE", "TAKEOWNERSHIP", "SETEVENTS",
                                           "ADD_ONION",    "DEL_ONION",     "DROPOWNERSHIP", "ONION_CLIENT_AUTH_ADD"};
constexpr string_view kTorEvents[] = {"CIRC",
                                      "STREAM",
                                      "ORCONN",
                                      "BW",
                                      "DEBUG",
                                      "INFO",
                                      "NOTICE",
                                      "WARN",
                                      "ERR",
                                      "NEWDESC",
                                      "ADDRMAP",
                                      "DESCCHANGED",
                                      "STATUS_GENERAL",
                                      "STATUS_CLIENT",
                                      "STATUS_SERVER",
                                      "GUARD",
                                      "NS",
                                      "STREAM_BW",
                                      "CLIENTS_SEEN",
                                      "NEWCONSENSUS",
                                      "BUILDTIMEOUT_SET",
                                      "SIGNAL",
                                      "CONF_CHANGED",
                                      "CIRC_MINOR",
                                      "TRANSPORT_LAUNCHED",
                                      "CONN_BW",
                                      "CIRC_BW",
                                      "CELL_STATS",
                                      "HS_DESC",
                                      "HS_DESC_CONTENT",
                                      "NETWORK_LIVENESS"};

// The first reply line that only Tor writes.
bool tor_own_reply(string_view line) {
    const string_view text = line.substr(4);
    if (line.starts_with("250-PROTOCOLINFO ") || line.starts_with("250 AUTHCHALLENGE SERVERHASH=")) return true;
    if (line == "514 Authentication required." || line.starts_with("515 Authentication failed")) return true;
    return line.starts_with("650 ") && listed(kTorEvents, word_at(text, 0));
}

// --- Dovecot's authentication protocol --------------------------------------------------------

// TAB-separated fields of one line (at most `N`); false when there are more.
template <std::size_t N>
bool tab_fields(string_view line, std::array<string_view, N> &fields, std::size_t &count) {
    count = 0;
    for (std::size_t begin = 0;;) {
        if (count == N) return false;
        const auto tab = line.find('\t', begin);
        fields[count++] = line.substr(begin, tab == string_view::npos ? string_view::npos : tab - begin);
        if (tab == string_view::npos) return true;
        begin = tab + 1;
    }
}

// "key=value" or a flag of lower-case letters / '-' / '_': the parameters of AUTH, OK, FAIL and MECH.
bool dovecot_parameter(string_view field) {
    const auto equals = field.find('=');
    const string_view key = field.substr(0, equals);
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '-' || c == '_' || is_digit(c);
    });
}

// The lines of one side: `line(fields, count)` says whether a line belongs; the first must be VERSION 1 <minor>
// (the handshake) or one `request` line (AUTH / OK / FAIL with a request id).
template <class LineCheck>
bool dovecot_lines(Payload p, LineCheck line_ok, bool &evidence) {
    return whole_lines(p, Eol::Lf, kMaxLines, [&](string_view line, std::size_t index) {
        std::array<string_view, 16> f{};
        std::size_t n = 0;
        if (!tab_fields(line, f, n) || !printable(line)) return false;
        if (f[0] == "VERSION") return index == 0 && n == 3 && f[1] == "1" && is_number(f[2], 3);
        if (index == 0 && f[0] != "AUTH" && f[0] != "OK" && f[0] != "FAIL") return false;
        return line_ok(f, n, evidence);
    });
}

template <std::size_t N>
bool request_id(const std::array<string_view, N> &f, std::size_t n) {
    return n >= 2 && is_number(f[1], 10);
}

// --- I2P SAM ----------------------------------------------------------------------------------------

struct SamPair {
    string_view command, subcommand;
};
constexpr SamPair kSamPairs[] = {
    {"HELLO", "VERSION"},  {"HELLO", "REPLY"},    {"SESSION", "CREATE"}, {"SESSION", "STATUS"},
    {"SESSION", "ADD"},    {"SESSION", "REMOVE"}, {"STREAM", "CONNECT"}, {"STREAM", "ACCEPT"},
    {"STREAM", "FORWARD"}, {"STREAM", "STATUS"},  {"NAMING", "LOOKUP"},  {"NAMING", "REPLY"},
    {"DEST", "GENERATE"},  {"DEST", "REPLY"},     {"DATAGRAM", "SEND"},  {"RAW", "SEND"}};

// "KEY=VALUE" with a key of capitals (or "Key" for some: SAM's are upper case), a value unquoted or "quoted".
bool sam_option(string_view word) {
    const auto equals = word.find('=');
    if (equals == 0 || equals == string_view::npos) return false;
    const string_view key = word.substr(0, equals);
    return std::all_of(
               key.begin(), key.end(),
               [](char c) { return (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || (c >= 'a' && c <= 'z'); }) &&
           key.front() >= 'A' && key.front() <= 'Z';
}

}  // namespace

bool dbus_auth_client(Payload p) {
    const bool credentials = !p.empty() && p[0] == 0;  // the one NUL octet a client sends first
    Payload rest = credentials ? p.subspan(1) : p;
    if (rest.empty() || !is_alpha(static_cast<char>(rest[0]))) return false;
    Lines lines{rest, Eol::Crlf};
    bool strong = false, cookie_or_fd = false;
    std::size_t count = 0;
    while (auto line = lines.line()) {
        bool line_strong = false;
        if (++count > kMaxLines || !dbus_auth_line(*line, line_strong)) return false;
        strong = strong || line_strong;
        cookie_or_fd = cookie_or_fd || word_at(*line, 1) == "DBUS_COOKIE_SHA1" || *line == "NEGOTIATE_UNIX_FD";
        if (*line == "BEGIN") {  // the binary messages follow in the same segment
            const Payload messages = rest.subspan(lines.at);
            return (credentials || cookie_or_fd || !messages.empty()) &&
                   (messages.empty() || framed::dbus_messages(messages)) && (strong || !messages.empty());
        }
    }
    // AUTH EXTERNAL is SASL's too (SMTP): the NUL, the D-Bus-only mechanism or NEGOTIATE_UNIX_FD says D-Bus
    return !lines.bad && lines.at_end() && count > 0 && strong && (credentials || cookie_or_fd);
}

bool dbus_auth_server(Payload p) {
    // its first word, before any line is walked (most payloads offered are not text)
    if (!starts_with(p, "OK ") && !starts_with(p, "REJECTED") && !starts_with(p, "AGREE_UNIX_FD") &&
        !starts_with(p, "DATA") && !starts_with(p, "ERROR"))
        return false;
    bool strong = false;
    const bool all = whole_lines(p, Eol::Crlf, kMaxLines, [&strong](string_view line, std::size_t) {
        const string_view command = word_at(line, 0);
        const auto words = count_char(line, ' ');
        if (command == "OK") {  // the server's GUID: 32 hex digits (libdbus and sd-bus write lower case)
            const bool guid = words == 1 && word_at(line, 1).size() == 32 && hex_text(word_at(line, 1), true);
            strong = strong || guid;
            return guid;
        }
        if (command == "REJECTED") {
            for (std::size_t i = 1; i <= words; ++i)
                if (!listed(kDbusMechanisms, word_at(line, i))) return false;
            strong = strong || words > 0;
            return true;
        }
        if (command == "DATA") return words <= 1 && (words == 0 || hex_text(word_at(line, 1)));
        return line == "AGREE_UNIX_FD" || (command == "ERROR" && printable(line));
    });
    return all && strong;
}

bool qmp_messages(Payload p) {
    const string_view s = as_text(p);
    if (s.empty() || s[0] != '{') return false;
    std::size_t at = 0;
    for (std::size_t count = 0; at < s.size(); ++count) {
        json::Object object;
        object.keep_first_only = true;
        const std::size_t begin = at;
        if (count == kMaxLines || !json::read_object(s, at, object) || !qmp_message(s, begin, at, object)) return false;
        at = json::skip_space(s, at);
    }
    return true;
}

bool qemu_monitor_banner(Payload p) {
    static constexpr string_view kTail = " monitor - type 'help' for more information\r\n";
    const string_view s = as_text(p);
    if (!s.starts_with("QEMU ") || s.size() > 200) return false;
    const auto tail = s.find(kTail);
    if (tail == string_view::npos) return false;
    const string_view version = s.substr(5, tail - 5), after = s.substr(tail + kTail.size());
    // "7.2.19" or "7.2.19 (Debian 1:7.2+dfsg-7+deb12u7)"
    const string_view number = version.substr(0, version.find(' '));
    return number.size() >= 3 && is_digit(number.front()) &&
           std::all_of(number.begin(), number.end(), [](char c) { return is_digit(c) || c == '.'; }) &&
           printable(version) && (after.empty() || after == "(qemu) ");
}

bool tor_control_commands(Payload p) {
    if (p.empty() || p[0] < 'A' || p[0] > 'Z') return false;  // commands are capitals
    bool own = false;
    const bool all = whole_lines(p, Eol::Crlf, kMaxLines, [&own](string_view line, std::size_t) {
        const string_view command = word_at(line, 0);
        own = own || listed(kTorOwnCommands, command);
        return listed(kTorCommands, command) && printable(line);
    });
    return all && own;
}

bool tor_control_replies(Payload p) {
    if (!starts_with(p, "250") && !starts_with(p, "514 ") && !starts_with(p, "515 ") && !starts_with(p, "650 "))
        return false;
    bool data = false;  // inside a "250+" data block, ended by a line "."
    return whole_lines(p, Eol::Crlf, kMaxLines, [&data](string_view line, std::size_t index) {
        if (data) {
            data = line != ".";
            return true;
        }
        if (line.size() < 4 || !is_digits(line.substr(0, 3)) || string_view("-+ ").find(line[3]) == string_view::npos ||
            (line[0] != '2' && line[0] != '4' && line[0] != '5' && line[0] != '6'))
            return false;
        data = line[3] == '+';
        return index > 0 || tor_own_reply(line);
    });
}

bool dovecot_auth_client(Payload p) {
    if (!starts_with(p, "VERSION\t") && !starts_with(p, "AUTH\t")) return false;
    bool evidence = false;
    const bool all = dovecot_lines(
        p,
        [](const auto &f, std::size_t n, bool &ev) {
            if (f[0] == "CPID") return ev = n == 2 && is_number(f[1], 10);
            if (f[0] == "AUTH") {  // AUTH <id> <mechanism> [parameters]: service= is required
                if (!request_id(f, n) || n < 4 || !is_token(f[2])) return false;
                bool service = false;
                for (std::size_t i = 3; i < n; ++i) {
                    if (!dovecot_parameter(f[i])) return false;
                    service = service || f[i].starts_with("service=");
                }
                return ev = service;
            }
            return f[0] == "CONT" && request_id(f, n) && n <= 3;
        },
        evidence);
    return all && evidence;
}

bool dovecot_auth_server(Payload p) {
    if (!starts_with(p, "VERSION\t") && !starts_with(p, "OK\t") && !starts_with(p, "FAIL\t")) return false;
    bool evidence = false;
    const bool all = dovecot_lines(
        p,
        [](const auto &f, std::size_t n, bool &ev) {
            if (f[0] == "MECH") {  // MECH <name> [flags: plaintext, anonymous, dictionary, active, forward-secrecy,
                                   // mutual-auth]
                if (n < 2 || !is_token(f[1])) return false;
                for (std::size_t i = 2; i < n; ++i)
                    if (!dovecot_parameter(f[i])) return false;
                return ev = true;
            }
            if (f[0] == "SPID" || f[0] == "CUID") return n == 2 && is_number(f[1], 10);
            if (f[0] == "COOKIE") return n == 2 && f[1].size() == 32 && hex_text(f[1], true);
            if (f[0] == "DONE") return n == 1;
            if (f[0] == "OK" || f[0] == "FAIL" || f[0] == "CONT") {
                if (!request_id(f, n)) return false;
                for (std::size_t i = 2; i < n; ++i)
                    if (f[0] != "CONT" && !dovecot_parameter(f[i])) return false;
                return true;
            }
            return false;
        },
        evidence);
    return all && evidence;
}

bool i2p_sam_lines(Payload p) {
    if (!starts_with(p, "HELLO ") && !starts_with(p, "SESSION ")) return false;
    return whole_lines(p, Eol::Lf, kMaxLines, [](string_view line, std::size_t index) {
        const string_view command = word_at(line, 0), subcommand = word_at(line, 1);
        if (!printable(line) || (index == 0 && command != "HELLO" && command != "SESSION")) return false;
        if (std::none_of(std::begin(kSamPairs), std::end(kSamPairs),
                         [&](const SamPair &pair) { return pair.command == command && pair.subcommand == subcommand; }))
            return false;
        const auto words = count_char(line, ' ');
        for (std::size_t i = 2; i <= words; ++i)
            if (!sam_option(word_at(line, i))) return false;
        return words >= 2 || (command == "DEST" && subcommand == "GENERATE");
    });
}

bool mgcp_command(Payload p) {
    static constexpr string_view kVerbs[] = {"EPCF", "CRCX", "MDCX", "DLCX", "RQNT",
                                             "NTFY", "AUEP", "AUCX", "RSIP", "MESG"};
    if (p.size() < 20 || !listed(kVerbs, as_text(p.first(4)))) return false;
    Lines lines{p, Eol::Lf};
    const auto first = lines.line();
    if (!first) return false;
    const string_view line = *first, endpoint = word_at(line, 2),
                      version = line.substr(std::min(line.size(), line.find(" MGCP ")));
    const auto at = endpoint.find('@');
    if (!is_number(word_at(line, 1), 9) || at == string_view::npos || at == 0 || at + 1 == endpoint.size() ||
        !printable(endpoint) ||
        (version != " MGCP 1.0" && version != " MGCP 1.0 NCS 1.0" && version != " MGCP 1.0 TGCP 1.0"))
        return false;
    if (count_char(line, ' ') != 2 + count_char(version, ' ')) return false;
    // parameter lines "<code>: <value>" (codes of capitals, or X+ / X- extensions), to an empty line or the end
    while (auto param = lines.line()) {
        if (param->empty()) return true;  // the SDP follows
        const auto colon = param->find(':');
        const string_view code = param->substr(0, colon);
        if (colon == string_view::npos || code.empty() || code.size() > 8 ||
            !std::all_of(code.begin(), code.end(),
                         [](char c) { return (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || is_digit(c); }))
            return false;
    }
    return !lines.bad && lines.at_end();
}

bool livestatus_query(Payload p) {
    static constexpr string_view kTables[] = {"hosts",
                                              "services",
                                              "hostgroups",
                                              "servicegroups",
                                              "contacts",
                                              "contactgroups",
                                              "servicesbygroup",
                                              "servicesbyhostgroup",
                                              "hostsbygroup",
                                              "commands",
                                              "timeperiods",
                                              "downtimes",
                                              "comments",
                                              "log",
                                              "status",
                                              "columns",
                                              "statehist",
                                              "eventconsoleevents",
                                              "eventconsolehistory"};
    static constexpr string_view kHeaders[] = {
        "Columns",          "Filter",          "Stats",       "And",         "Or",
        "Negate",           "StatsAnd",        "StatsOr",     "StatsNegate", "OutputFormat",
        "ResponseHeader",   "KeepAlive",       "Limit",       "AuthUser",    "Separators",
        "ColumnHeaders",    "Localtime",       "Timelimit",   "WaitObject",  "WaitCondition",
        "WaitConditionAnd", "WaitConditionOr", "WaitTrigger", "WaitTimeout"};
    if (!starts_with(p, "GET ")) return false;
    Lines lines{p, Eol::Lf};
    const auto first = lines.line();
    if (!first || count_char(*first, ' ') != 1 || !listed(kTables, first->substr(4))) return false;
    std::size_t count = 0;
    while (auto line = lines.line()) {
        if (line->empty()) return lines.at_end();  // the query's end
        const auto colon = line->find(':');
        if (++count > kMaxLines || colon == string_view::npos || !listed(kHeaders, line->substr(0, colon)))
            return false;
    }
    return !lines.bad && lines.at_end();
}

bool livestatus_answer(Payload p) {
    // "%03d %11d" LF: the status (200, 400, 403, 404, 413, 451, 452), the body's length right-aligned in 11
    if (p.size() < 16 || p[3] != ' ' || p[15] != '\n') return false;
    const string_view s = as_text(p), status = s.substr(0, 3);
    if (status != "200" && status != "400" && status != "403" && status != "404" && status != "413" &&
        status != "451" && status != "452")
        return false;
    string_view length = s.substr(4, 11);
    length.remove_prefix(std::min(length.find_first_not_of(' '), length.size()));
    const auto body = number(length, 9);
    const string_view start = s.substr(16, std::min<std::size_t>(256, s.size() - 16));
    return body && *body == p.size() - 16 && std::all_of(start.begin(), start.end(), [](char c) {
               return text_octet(static_cast<std::uint8_t>(c), true) || c == '\n';
           });
}

bool bob_greeting(Payload p) {
    const string_view s = as_text(p);  // "BOB 00.00.10" LF "OK" LF
    return s.size() == 16 && s.starts_with("BOB ") && is_digits(s.substr(4, 2)) && s[6] == '.' &&
           is_digits(s.substr(7, 2)) && s[9] == '.' && is_digits(s.substr(10, 2)) && s.substr(12) == "\nOK\n";
}

bool openvpn_management_banner(Payload p) {
    static constexpr string_view kBanner = ">INFO:OpenVPN Management Interface Version ";
    static constexpr string_view kTail = " -- type 'help' for more info";
    if (!starts_with(p, kBanner)) return false;
    Lines lines{p, Eol::Crlf};
    const auto first = lines.line();
    if (!first || !first->ends_with(kTail)) return false;
    if (!is_number(first->substr(kBanner.size(), first->size() - kBanner.size() - kTail.size()), 3)) return false;
    std::size_t count = 0;
    while (auto line = lines.line())  // real-time notifications: ">STATE:...", ">LOG:...", ">HOLD:..."
        if (++count > kMaxLines || !line->starts_with('>')) return false;
    return !lines.bad;
}

namespace {

// --- Swank ------------------------------------------------------------------------------------

constexpr string_view kSwankClientWords[] = {"emacs-rex",           "emacs-return", "emacs-return-string",
                                             "emacs-interrupt",     "emacs-pong",   "emacs-channel-send",
                                             "emacs-skipped-packet"};
constexpr string_view kSwankServerWords[] = {"return",
                                             "write-string",
                                             "new-features",
                                             "indentation-update",
                                             "debug",
                                             "debug-activate",
                                             "debug-return",
                                             "ping",
                                             "presentation-start",
                                             "presentation-end",
                                             "new-package",
                                             "read-string",
                                             "read-aborted",
                                             "y-or-n-p",
                                             "read-from-minibuffer",
                                             "background-message",
                                             "channel-send",
                                             "eval",
                                             "eval-no-wait",
                                             "ed",
                                             "inspect",
                                             "invalid-rpc",
                                             "reader-error",
                                             "write-image",
                                             "ed-rpc",
                                             "ed-rpc-no-wait",
                                             "test-delay"};

// One s-expression filling `form`: parentheses balanced (strings and escapes skipped), closed at its end.
bool balanced_form(string_view form) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < form.size(); ++i) {
        const char c = form[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '(')
            ++depth;
        else if (c == ')') {
            if (depth == 0) return false;
            if (--depth == 0) return i + 1 == form.size();
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            return false;
        }
    }
    return false;
}

template <std::size_t N>
bool swank_frames(Payload p, const string_view (&words)[N]) {
    const string_view s = as_text(p);
    std::size_t at = 0;
    for (std::size_t count = 0; at < s.size(); ++count) {
        if (count == kMaxLines || s.size() - at < 8) return false;
        const string_view digits = s.substr(at, 6);
        if (!hex_text(digits, true)) return false;
        std::size_t length = 0;
        for (char c : digits) length = length * 16 + static_cast<std::size_t>(hex_value(c));
        if (length < 4 || length > s.size() - at - 6) return false;
        const string_view form = s.substr(at + 6, length);
        if (!form.starts_with("(:")) return false;
        const string_view keyword = form.substr(2, form.find_first_of(" )") - 2);
        if (!listed(words, keyword) || !balanced_form(form)) return false;
        at += 6 + length;
    }
    return at > 0;
}

}  // namespace

bool swank_client(Payload p) {
    return swank_frames(p, kSwankClientWords);
}
bool swank_server(Payload p) {
    return swank_frames(p, kSwankServerWords);
}

}  // namespace ghostports::text_rows
