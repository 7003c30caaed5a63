// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/messaging_text_signatures.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "core/ghostports/json_value.hpp"
#include "core/ghostports/text_grammar.hpp"

namespace ghostports::text_rows {
namespace {

using namespace text;  // the grammar pieces shared with the other text rows

// A payload holds at most this many frames or messages; more is not read.
constexpr std::size_t kMaxMessages = 64;
constexpr std::size_t kMaxHeaderLines = 64;

// --- STOMP ----------------------------------------------------------------------

// STOMP 1.2 "Client Frames" / "Server Frames" (1.0 and 1.1 alike): each
// command and the headers of which it needs one.
struct StompCommand {
    string_view name;
    std::array<string_view, 3> needs_one_of;
};
constexpr StompCommand kStompCommands[] = {
    {"CONNECT", {"accept-version", "login", "host"}},
    {"STOMP", {"accept-version", "host", {}}},
    {"CONNECTED", {"version", "session", "heart-beat"}},
    {"SEND", {"destination", {}, {}}},
    {"SUBSCRIBE", {"destination", {}, {}}},
    {"UNSUBSCRIBE", {"id", "destination", {}}},
    {"ACK", {"id", "message-id", {}}},
    {"NACK", {"id", "message-id", {}}},
    {"BEGIN", {"transaction", {}, {}}},
    {"COMMIT", {"transaction", {}, {}}},
    {"ABORT", {"transaction", {}, {}}},
    {"DISCONNECT", {"receipt", {}, {}}},
    {"MESSAGE", {"message-id", {}, {}}},
    {"RECEIPT", {"receipt-id", {}, {}}},
    {"ERROR", {"message", "content-type", "receipt-id"}},
};

const StompCommand *stomp_command(string_view line) {
    const auto *found = std::find_if(std::begin(kStompCommands), std::end(kStompCommands),
                                     [line](const StompCommand &c) { return c.name == line; });
    return found != std::end(kStompCommands) ? found : nullptr;
}

// One line ended by LF (an optional CR before it), from `at`; false at the
// end of the payload or at a control octet inside it.
bool eol_line(string_view s, std::size_t &at, string_view &line) {
    const auto lf = s.find('\n', at);
    if (lf == string_view::npos) return false;
    line = s.substr(at, lf - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = lf + 1;
    return printable(line, true);
}

// One frame from `at`: the command, its header lines to the empty line,
// the body and its NUL; `at` moves past the NUL.
bool stomp_frame(string_view s, std::size_t &at) {
    string_view line;
    if (!eol_line(s, at, line)) return false;
    const StompCommand *command = stomp_command(line);
    if (command == nullptr) return false;
    bool required = false;
    std::optional<std::uint64_t> content_length;
    std::size_t headers = 0;
    while (true) {
        if (!eol_line(s, at, line)) return false;
        if (line.empty()) break;
        const auto colon = line.find(':');
        if (colon == 0 || colon == string_view::npos || ++headers > kMaxHeaderLines) return false;
        const string_view name = line.substr(0, colon);
        if (std::find(command->needs_one_of.begin(), command->needs_one_of.end(), name) != command->needs_one_of.end())
            required = true;
        if (name == "content-length" && !content_length) {
            content_length = number(line.substr(colon + 1), 9);
            if (!content_length) return false;
        }
    }
    if (!required) return false;
    if (content_length) {
        if (*content_length >= s.size() - at || s[at + *content_length] != '\0') return false;
        at += *content_length + 1;
        return true;
    }
    const auto nul = s.find('\0', at);
    if (nul == string_view::npos) return false;
    at = nul + 1;
    return true;
}

// --- JSON-RPC -------------------------------------------------------------------

struct RpcMessage {
    bool request = false, version2 = false;
    string_view method;
};

// The members JSON-RPC defines ("jsonrpc" only in 2.0).
bool one_of_names(string_view name) {
    static constexpr string_view kNames[] = {"jsonrpc", "method", "params", "id", "result", "error"};
    return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool id_kind(json::Kind k) {
    return k == json::Kind::String || k == json::Kind::Number || k == json::Kind::Null;
}

// JSON-RPC 1.0 (2005 "specification") / 2.0 (2010): the members each
// version defines and no others; a request (method, params, id) or a
// response (result / error, id).
bool rpc_message(const json::Object &o, RpcMessage &out) {
    const json::Member *version = o.find("jsonrpc");
    out.version2 = version != nullptr;
    if (out.version2 && (version->kind != json::Kind::String || version->value != "2.0")) return false;
    for (std::size_t i = 0; i < o.count; ++i)
        if (!one_of_names(o.members[i].name)) return false;
    const json::Member *method = o.find("method"), *params = o.find("params"), *id = o.find("id");
    const json::Member *result = o.find("result"), *error = o.find("error");
    if (id != nullptr && !id_kind(id->kind)) return false;
    if (method != nullptr) {
        out.request = true;
        out.method = method->value;
        if (method->kind != json::Kind::String || method->value.empty() || result != nullptr || error != nullptr)
            return false;
        if (!out.version2) return params != nullptr && params->kind == json::Kind::Array && id != nullptr;
        return params == nullptr || params->kind == json::Kind::Array || params->kind == json::Kind::Object;
    }
    if (id == nullptr || params != nullptr) return false;
    const bool error_shape = error == nullptr || error->kind == json::Kind::Object || error->kind == json::Kind::Null;
    if (!error_shape) return false;
    if (out.version2) return (result != nullptr) != (error != nullptr && error->kind == json::Kind::Object);
    return result != nullptr && error != nullptr;
}

// The JSON objects of the payload (whitespace between, or each after an LSP-style "Content-Length:" head, the
// base protocol of LSP and of the Debug Adapter Protocol), each checked by `each`.
template <class Each>
bool json_objects(Payload p, Each each) {
    const string_view s = as_text(p);
    std::size_t at = json::skip_space(s, 0), count = 0;
    while (at < s.size()) {
        if (++count > kMaxMessages) return false;
        std::size_t end = s.size();
        if (s.substr(at, 15) == "Content-Length:") {
            const auto line_end = s.find("\r\n", at), head_end = s.find("\r\n\r\n", at);
            if (head_end == string_view::npos) return false;
            string_view value = s.substr(at + 15, line_end - at - 15);
            value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
            const auto length = number(value, 9);
            if (!length || *length > s.size() - head_end - 4) return false;
            at = head_end + 4;
            end = at + *length;
        }
        json::Object object;
        const string_view body = s.substr(0, end);
        if (!json::read_object(body, at, object) || !each(object)) return false;
        at = json::skip_space(s, at);
    }
    return count > 0;
}

// The JSON-RPC messages of the payload, each checked by `each`.
template <class Each>
bool rpc_messages(Payload p, Each each) {
    return json_objects(p, [&each](const json::Object &object) {
        RpcMessage message;
        return rpc_message(object, message) && each(message);
    });
}

// --- Graphite -------------------------------------------------------------------

bool metric_path(string_view s) {
    if (s.empty() || s.size() > 512 || s.front() == '.' || s.back() == '.' || s.find("..") != string_view::npos ||
        s.find('.') == string_view::npos)
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return is_alnum(c) || string_view("._-:;=~%+@#").find(c) != string_view::npos; });
}
// A decimal number as carbon accepts it: [-+]digits[.digits][e[-+]digits], or nan / inf.
bool metric_value(string_view s) {
    if (s == "nan" || s == "-nan" || s == "inf" || s == "-inf") return true;
    std::size_t at = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    const std::size_t digits = at;
    while (at < s.size() && is_digit(s[at])) ++at;
    if (at == digits) return false;
    if (at < s.size() && s[at] == '.') {
        const std::size_t fraction = ++at;
        while (at < s.size() && is_digit(s[at])) ++at;
        if (at == fraction) return false;
    }
    if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
        if (++at < s.size() && (s[at] == '-' || s[at] == '+')) ++at;
        const std::size_t exponent = at;
        while (at < s.size() && is_digit(s[at])) ++at;
        if (at == exponent) return false;
    }
    return at == s.size();
}
// Seconds since 1970 of this century's first decades: 9 or 10 digits.
bool unix_time(string_view s) {
    return is_number(s, 10) && s.size() >= 9;
}

// --- StatsD -------------------------------------------------------------------------

bool statsd_bucket(string_view s) {
    return s.size() >= 3 && s.size() <= 256 && std::all_of(s.begin(), s.end(), [](char c) {
               return is_alnum(c) || c == '.' || c == '_' || c == '-' || c == '/';
           });
}
// A sample rate in (0, 1]: "1", "0.1", ".5".
bool sample_rate(string_view s) {
    if (s == "1" || s == "1.0") return true;
    if (s.starts_with("0."))
        s.remove_prefix(2);
    else if (s.starts_with("."))
        s.remove_prefix(1);
    else
        return false;
    return is_digits(s) && s.find_first_not_of('0') != string_view::npos;
}
bool statsd_line(string_view line) {
    const auto colon = line.find(':');
    if (colon == string_view::npos || !statsd_bucket(line.substr(0, colon))) return false;
    string_view rest = line.substr(colon + 1);
    const auto bar = rest.find('|');
    if (bar == string_view::npos) return false;
    string_view value = rest.substr(0, bar);
    if (!value.empty() && (value[0] == '+' || value[0] == '-')) value.remove_prefix(1);  // gauge deltas
    if (!metric_value(value)) return false;
    rest.remove_prefix(bar + 1);
    const string_view type = rest.substr(0, rest.find('|'));
    static constexpr string_view kTypes[] = {"c", "ms", "g", "s", "h", "m", "d"};
    if (std::find(std::begin(kTypes), std::end(kTypes), type) == std::end(kTypes)) return false;
    rest.remove_prefix(type.size());
    while (!rest.empty()) {  // "|@rate", "|#tag:value,tag"
        rest.remove_prefix(1);
        const string_view field = rest.substr(0, rest.find('|'));
        const bool ok = field.starts_with('@') ? sample_rate(field.substr(1))
                                               : field.starts_with('#') && field.size() > 1 && printable(field);
        if (!ok) return false;
        rest.remove_prefix(field.size());
    }
    return true;
}

// --- ADC ----------------------------------------------------------------------------

bool base32_id(string_view s, std::size_t length) {
    return s.size() == length &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'); });
}
// A positional parameter: escaped text ("\s" for a space), no raw space or control.
bool adc_parameter(string_view s) {
    return !s.empty() && printable(s, true) && s.find(' ') == string_view::npos;
}
// ADC 1.0.3 4.3: the commands of the base protocol.
bool adc_command(string_view c) {
    static constexpr string_view kCommands[] = {"SUP", "STA", "INF", "MSG", "SCH", "RES", "CTM", "RCM",
                                                "GPA", "PAS", "QUI", "GET", "GFI", "SND", "SID"};
    return std::find(std::begin(kCommands), std::end(kCommands), c) != std::end(kCommands);
}
// One message: type, command, the type's header fields (3.4), parameters.
bool adc_line(string_view line, bool &core) {
    if (line.size() < 4 || string_view("BCDEFHIU").find(line[0]) == string_view::npos ||
        !adc_command(line.substr(1, 3)) || (line.size() > 4 && line[4] != ' '))
        return false;
    std::size_t sids = line[0] == 'B' || line[0] == 'F' ? 1 : line[0] == 'D' || line[0] == 'E' ? 2 : 0;
    const bool cid = line[0] == 'U';
    string_view rest = line.size() > 4 ? line.substr(5) : string_view{};
    for (std::size_t i = 0; !rest.empty(); ++i) {
        const string_view field = rest.substr(0, rest.find(' '));
        const bool ok = i < sids ? base32_id(field, 4) : (cid && i == 0) ? base32_id(field, 39) : adc_parameter(field);
        if (!ok) return false;
        rest.remove_prefix(std::min(field.size() + 1, rest.size()));
    }
    core = core || string_view("SUP SID INF STA").find(line.substr(1, 3)) != string_view::npos;
    return true;
}

// --- tinc ---------------------------------------------------------------------------

bool tinc_name(string_view s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '_'; });
}
bool hex_upper(string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || (c >= 'A' && c <= 'F'); });
}

}  // namespace

bool stomp_frames(Payload p) {
    const string_view s = as_text(p);
    std::size_t at = 0, frames = 0;
    while (at < s.size()) {
        if (s[at] == '\n' || (s[at] == '\r' && at + 1 < s.size() && s[at + 1] == '\n')) {  // heart-beats
            at += s[at] == '\r' ? 2 : 1;
            continue;
        }
        if (++frames > kMaxMessages || !stomp_frame(s, at)) return false;
    }
    return frames > 0;
}

bool jsonrpc_messages(Payload p) {
    return rpc_messages(p, [](const RpcMessage &) { return true; });
}

bool ovsdb_requests(Payload p) {
    // RFC 7047 4.1 and ovsdb-server(1)'s later methods; "echo" alone is any JSON-RPC peer's.
    static constexpr string_view kMethods[] = {"list_dbs",
                                               "get_schema",
                                               "transact",
                                               "cancel",
                                               "monitor",
                                               "monitor_cond",
                                               "monitor_cond_since",
                                               "update",
                                               "update2",
                                               "update3",
                                               "lock",
                                               "steal",
                                               "unlock",
                                               "locked",
                                               "stolen",
                                               "monitor_cancel",
                                               "set_db_change_aware",
                                               "echo"};
    bool specific = false;
    const bool all = rpc_messages(p, [&specific](const RpcMessage &m) {
        if (!m.request || m.version2 ||
            std::find(std::begin(kMethods), std::end(kMethods), m.method) == std::end(kMethods))
            return false;
        specific = specific || m.method != "echo";
        return true;
    });
    return all && specific;
}

bool graphite_lines(Payload p) {
    std::size_t count = 0;
    const bool all = whole_lines(p, Eol::Lf, 4096, [&count](string_view line, std::size_t) {
        ++count;
        return count_char(line, ' ') == 2 && metric_path(word_at(line, 0)) && metric_value(word_at(line, 1)) &&
               unix_time(word_at(line, 2));
    });
    return all && count >= 2;
}

bool statsd_lines(Payload p) {
    string_view s = as_text(p);
    if (!s.empty() && s.back() == '\n') s.remove_suffix(1);  // the last line's end is optional
    std::size_t lines = 0;
    while (!s.empty() || lines == 0) {
        const auto lf = s.find('\n');
        if (++lines > kMaxMessages || !statsd_line(s.substr(0, lf))) return false;
        s.remove_prefix(lf == string_view::npos ? s.size() : lf + 1);
    }
    return true;
}

bool adc_messages(Payload p) {
    const string_view s = as_text(p);
    if (s.empty() || s.back() != '\n') return false;
    bool core = false;
    std::size_t at = 0, lines = 0;
    while (at < s.size()) {
        const auto lf = s.find('\n', at);
        if (++lines > kMaxMessages || !adc_line(s.substr(at, lf - at), core)) return false;
        at = lf + 1;
    }
    return core;
}

bool tinc_meta(Payload p) {
    const string_view s = as_text(p);
    if (!s.starts_with("0 ")) return false;  // ID's request number, before the search for its end
    const auto lf = s.find('\n');
    if (lf == string_view::npos) return false;
    const string_view id = s.substr(0, lf);
    if (count_char(id, ' ') != 2 || word_at(id, 0) != "0" || !tinc_name(word_at(id, 1))) return false;
    const string_view version = word_at(id, 2);  // protocol major 17, and the 1.1 minor
    const string_view minor = version.size() > 3 ? version.substr(3) : string_view{};
    if (!version.starts_with("17") || (version.size() > 2 && (version[2] != '.' || !is_number(minor, 2)))) return false;
    string_view rest = s.substr(lf + 1);
    if (rest.empty() || (!minor.empty() && minor != "0" && minor != "1")) return true;  // SPTPS records follow
    // tinc 1.0: METAKEY "1 <cipher> <digest> <maclength> <compression> <key>", the key maybe cut by the segment end
    const string_view metakey = rest.substr(0, rest.find('\n'));
    if (count_char(metakey, ' ') != 5 || word_at(metakey, 0) != "1") return false;
    for (std::size_t i = 1; i <= 4; ++i)
        if (!is_number(word_at(metakey, i), 5)) return false;
    return hex_upper(word_at(metakey, 5));
}

bool gelf_messages(Payload p) {
    static constexpr string_view kMembers[] = {"version", "host",     "short_message", "full_message", "timestamp",
                                               "level",   "facility", "line",          "file"};
    const string_view s = as_text(p);
    std::size_t at = 0;
    for (std::size_t count = 0; at < s.size(); ++count) {
        json::Object o;
        o.keep_first_only = true;
        if (count == kMaxMessages || s[at] != '{' || !json::read_object(s, at, o)) return false;
        const json::Member *version = o.find("version"), *host = o.find("host"), *message = o.find("short_message");
        if (version == nullptr || version->kind != json::Kind::String ||
            (version->value != "1.1" && version->value != "1.0") || host == nullptr ||
            host->kind != json::Kind::String || message == nullptr || message->kind != json::Kind::String)
            return false;
        for (std::size_t i = 0; i < o.count; ++i)
            if (!o.members[i].name.starts_with('_') &&
                std::find(std::begin(kMembers), std::end(kMembers), o.members[i].name) == std::end(kMembers))
                return false;
        if (at < s.size() && s[at] == '\0') ++at;  // TCP: each message NUL-ended
    }
    return true;
}

bool dap_messages(Payload p) {
    // DAP's ProtocolMessage: seq, type request / response / event, and that type's command or event
    if (!starts_with(p, "Content-Length:")) return false;  // DAP always frames its messages
    return json_objects(p, [](const json::Object &o) {
        const json::Member *seq = o.find("seq"), *type = o.find("type");
        if (seq == nullptr || seq->kind != json::Kind::Number || type == nullptr || type->kind != json::Kind::String)
            return false;
        const json::Member *command = o.find("command"), *event = o.find("event");
        if (type->value == "request" || type->value == "response")
            return command != nullptr && command->kind == json::Kind::String && !command->value.empty() &&
                   (type->value == "request" || o.find("success") != nullptr);
        return type->value == "event" && event != nullptr && event->kind == json::Kind::String && !event->value.empty();
    });
}

}  // namespace ghostports::text_rows
