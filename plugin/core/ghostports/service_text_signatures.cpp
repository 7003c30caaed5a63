// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/service_text_signatures.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "core/ghostports/json_value.hpp"
#include "core/ghostports/text_grammar.hpp"

namespace ghostports::text_rows {
namespace {

using namespace text;  // the grammar pieces shared with the other text rows

// A payload holds at most this many lines or messages; more is not read.
constexpr std::size_t kMaxLines = 64;
// A body announced on a line is at most this long (beanstalkd's largest
// job is 65,535 octets by default, NATS's payload 1 MB).
constexpr std::uint64_t kMaxBody = 1U << 24;

std::optional<std::uint64_t> u32(string_view s) {
    const auto value = number(s, 10);
    return value && *value <= 0xffffffffULL ? value : std::nullopt;
}

// Splits a line on single spaces into at most N words; nullopt if more.
template <std::size_t N>
std::optional<std::array<string_view, N>> split(string_view line, std::size_t &count) {
    std::array<string_view, N> words{};
    count = 0;
    while (true) {
        if (count == N) return std::nullopt;
        const auto space = line.find(' ');
        words[count++] = line.substr(0, space);
        if (space == string_view::npos) return words;
        line.remove_prefix(space + 1);
    }
}

// CR LF lines, each judged by `each(line, body)`; a line may announce a
// body of `body` octets and CR LF after it (the last one may be cut by the
// segment's end). True when every line passed and there was one.
template <class Each>
bool lines_with_bodies(Payload p, Each each) {
    Lines lines{p, Eol::Crlf};
    std::size_t count = 0;
    while (!lines.at_end()) {
        const auto line = lines.line();
        if (!line || ++count > kMaxLines) return false;
        std::optional<std::uint64_t> body;
        if (!each(*line, body)) return false;
        if (!body) continue;
        if (*body > kMaxBody) return false;
        const auto size = static_cast<std::size_t>(*body);
        if (lines.at + size + 2 > p.size()) return true;  // goes on in the next segment
        if (p[lines.at + size] != '\r' || p[lines.at + size + 1] != '\n') return false;
        lines.at += size + 2;
    }
    return count > 0;
}

// --- beanstalkd -------------------------------------------------------------------

// A verb and its arguments, one letter each: n a number, t a tube name, b a
// number that is also the length of the body after the line. `own`: only
// beanstalkd says it (DELETED, NOT_FOUND, delete, touch are memcached's too).
struct Verb {
    string_view name;
    string_view arguments;
    bool own;
};
constexpr Verb kBeanstalkdCommands[] = {
    {"put", "nnnb", true},
    {"use", "t", true},
    {"reserve", "", true},
    {"reserve-with-timeout", "n", true},
    {"reserve-job", "n", true},
    {"delete", "n", false},
    {"release", "nnn", true},
    {"bury", "nn", true},
    {"touch", "n", false},
    {"watch", "t", true},
    {"ignore", "t", true},
    {"peek", "n", true},
    {"peek-ready", "", true},
    {"peek-delayed", "", true},
    {"peek-buried", "", true},
    {"kick", "n", true},
    {"kick-job", "n", true},
    {"stats-job", "n", true},
    {"stats-tube", "t", true},
    {"stats", "", false},
    {"list-tubes", "", true},
    {"list-tube-used", "", true},
    {"list-tubes-watched", "", true},
    {"pause-tube", "tn", true},
    {"quit", "", false},
};
constexpr Verb kBeanstalkdReplies[] = {
    {"INSERTED", "n", true},        {"BURIED", "n", true},
    {"BURIED", "", true},           {"EXPECTED_CRLF", "", true},
    {"JOB_TOO_BIG", "", true},      {"DRAINING", "", true},
    {"USING", "t", true},           {"RESERVED", "nb", true},
    {"DEADLINE_SOON", "", true},    {"TIMED_OUT", "", true},
    {"DELETED", "", false},         {"NOT_FOUND", "", false},
    {"RELEASED", "", true},         {"TOUCHED", "", false},
    {"WATCHING", "n", true},        {"NOT_IGNORED", "", true},
    {"FOUND", "nb", true},          {"KICKED", "n", true},
    {"KICKED", "", true},           {"OK", "b", true},
    {"PAUSED", "", true},           {"OUT_OF_MEMORY", "", false},
    {"INTERNAL_ERROR", "", false},  {"BAD_FORMAT", "", false},
    {"UNKNOWN_COMMAND", "", false},
};

// protocol.txt "Name restrictions": letters, digits and -+/;.$_(), not
// beginning with a hyphen, at most 200 octets.
bool tube_name(string_view s) {
    return !s.empty() && s.size() <= 200 && s.front() != '-' && std::all_of(s.begin(), s.end(), [](char c) {
        return is_alnum(c) || string_view("-+/;.$_()").find(c) != string_view::npos;
    });
}

bool verb_fits(const Verb &verb, const std::array<string_view, 6> &words, std::size_t count,
               std::optional<std::uint64_t> &body) {
    if (count != verb.arguments.size() + 1) return false;
    for (std::size_t i = 0; i < verb.arguments.size(); ++i) {
        const char kind = verb.arguments[i];
        const string_view word = words[i + 1];
        if (kind == 't' ? !tube_name(word) : !u32(word)) return false;
        if (kind == 'b') body = u32(word);
    }
    return true;
}

template <std::size_t N>
// Every line one of the table's verbs; evidence is a verb of beanstalkd's
// own with a body of its length (put, RESERVED...), or one among two lines
// or more: "watch jobs" or "USING x" alone is one keyword.
bool verb_lines(Payload p, const Verb (&table)[N]) {
    bool own = false, own_with_body = false;
    std::size_t lines = 0;
    const bool all = lines_with_bodies(p, [&](string_view line, std::optional<std::uint64_t> &body) {
        std::size_t count = 0;
        const auto words = split<6>(line, count);
        if (!words) return false;
        ++lines;
        return std::any_of(std::begin(table), std::end(table), [&](const Verb &verb) {
            if (verb.name != (*words)[0] || !verb_fits(verb, *words, count, body)) return false;
            own = own || verb.own;
            own_with_body = own_with_body || (verb.own && body.has_value());
            return true;
        });
    });
    return all && (own_with_body || (own && lines >= 2));
}

// LF lines whose first word is a command of the table (its arguments free),
// one of them a command the protocol alone has.
template <std::size_t N>
bool command_lines(Payload p, const Verb (&table)[N]) {
    bool own = false;
    const bool all = whole_lines(p, Eol::Lf, kMaxLines, [&own, &table](string_view line, std::size_t) {
        const string_view command = line.substr(0, line.find(' '));
        const auto *known =
            std::find_if(std::begin(table), std::end(table), [command](const Verb &v) { return v.name == command; });
        if (known == std::end(table)) return false;
        own = own || known->own;
        return true;
    });
    return all && own;
}

// --- ManageSieve --------------------------------------------------------------------

// A quoted string (RFC 5804 4: "\" and the quote escaped) from `at`; `at` moves past it.
bool quoted(string_view s, std::size_t &at, string_view &content) {
    if (at >= s.size() || s[at] != '"') return false;
    const std::size_t begin = ++at;
    while (at < s.size() && s[at] != '"') {
        if (s[at] == '\\') ++at;
        ++at;
    }
    if (at >= s.size()) return false;
    content = s.substr(begin, at - begin);
    ++at;
    return true;
}

bool capability_name(string_view s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '-' || c == '_'; });
}

// OK / NO / BYE [SP "(" code ")"] [SP quoted] (RFC 5804 4).
bool sieve_status(string_view line, string_view word) {
    if (line == word) return true;
    if (!line.starts_with(word) || line.size() <= word.size() || line[word.size()] != ' ') return false;
    std::size_t at = word.size() + 1;
    if (line[at] == '(') {
        const auto close = line.find(')', at);
        if (close == string_view::npos || !printable(line.substr(at, close - at))) return false;
        at = close + 1;
        if (at == line.size()) return true;
        if (line[at++] != ' ') return false;
    }
    string_view text;
    return quoted(line, at, text) && at == line.size();
}

constexpr string_view kSieveCommands[] = {"AUTHENTICATE",   "STARTTLS",     "LOGOUT",       "CAPABILITY",  "NOOP",
                                          "UNAUTHENTICATE", "HAVESPACE",    "PUTSCRIPT",    "LISTSCRIPTS", "SETACTIVE",
                                          "GETSCRIPT",      "DELETESCRIPT", "RENAMESCRIPT", "CHECKSCRIPT"};
constexpr std::size_t kFirstScriptCommand = 6;  // HAVESPACE and after: only ManageSieve has them

// --- gpsd -------------------------------------------------------------------------

constexpr string_view kGpsdClasses[] = {"VERSION", "DEVICES", "DEVICE", "WATCH",    "TPV", "SKY",  "GST",
                                        "ATT",     "IMU",     "TOFF",   "PPS",      "OSC", "POLL", "ERROR",
                                        "AIS",     "RTCM2",   "RTCM3",  "SUBFRAME", "RAW"};
constexpr string_view kGpsdCommands[] = {"VERSION", "DEVICES", "DEVICE", "WATCH", "POLL"};

template <std::size_t N>
bool one_of_words(string_view word, const string_view (&words)[N]) {
    return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// --- LCDproc ------------------------------------------------------------------------

constexpr Verb kLcdprocCommands[] = {
    {"hello", "", false},        {"client_set", "", true}, {"client_add_key", "", true}, {"client_del_key", "", true},
    {"screen_add", "", true},    {"screen_del", "", true}, {"screen_set", "", true},     {"widget_add", "", true},
    {"widget_del", "", true},    {"widget_set", "", true}, {"menu_add_item", "", true},  {"menu_del_item", "", true},
    {"menu_set_item", "", true}, {"menu_goto", "", true},  {"menu_set_main", "", true},  {"backlight", "", false},
    {"output", "", false},       {"info", "", false},      {"noop", "", false},          {"sleep", "", false},
    {"bye", "", false},
};

bool version_number(string_view s) {
    return !s.empty() && s.size() <= 24 && is_digit(s.front()) && is_digit(s.back()) &&
           s.find("..") == string_view::npos &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.'; });
}

// --- NATS -----------------------------------------------------------------------------

// A subject: dot-separated tokens of printable octets without spaces
// (wildcards * and > allowed), at most 256 octets.
bool nats_subject(string_view s) {
    return !s.empty() && s.size() <= 256 && s.front() != '.' && s.back() != '.' && s.find("..") == string_view::npos &&
           printable(s) && s.find(' ') == string_view::npos;
}

// "INFO {...}" / "CONNECT {...}": the whole rest of the line one JSON object.
bool json_line(string_view line, string_view op, json::Object &object) {
    if (!line.starts_with(op) || line.size() <= op.size() + 1 || line[op.size()] != ' ') return false;
    string_view text = line.substr(op.size() + 1);
    while (text.ends_with(' ')) text.remove_suffix(1);  // gnatsd ends INFO with "} "
    std::size_t at = 0;
    object.keep_first_only = true;
    return json::read_object(text, at, object) && at == text.size();
}

bool string_member(const json::Object &o, string_view name) {
    const json::Member *m = o.find(name);
    return m != nullptr && m->kind == json::Kind::String;
}

// MSG / PUB: subject [reply-to] <bytes>; HPUB / HMSG: ... <header bytes> <total bytes>.
bool nats_message_line(const std::array<string_view, 6> &w, std::size_t count, std::size_t fixed,
                       std::optional<std::uint64_t> &body) {
    if (count < fixed + 1 || count > fixed + 2 || !nats_subject(w[1])) return false;
    if (fixed == 2 && (w[2].empty() || !std::all_of(w[2].begin(), w[2].end(), is_alnum))) return false;
    if (count == fixed + 2 && !nats_subject(w[fixed])) return false;
    body = u32(w[count - 1]);
    return body.has_value();
}

// "Name: value" header lines to the empty line (a message may follow it);
// a response may also end with its status line or a header line.
bool spamc_headers(Lines &lines, bool may_end_without_empty_line) {
    for (std::size_t count = 0; count < kMaxLines; ++count) {
        if (may_end_without_empty_line && lines.at_end()) return true;
        const auto line = lines.line();
        if (!line) return false;
        if (line->empty()) return true;
        const auto colon = line->find(": ");
        if (colon == string_view::npos || !is_token(line->substr(0, colon))) return false;
    }
    return false;
}

}  // namespace

bool beanstalkd_commands(Payload p) {
    if (p.empty() || p[0] < 'a' || p[0] > 'z') return false;  // commands are lower case
    return verb_lines(p, kBeanstalkdCommands);
}

bool beanstalkd_replies(Payload p) {
    if (p.empty() || p[0] < 'A' || p[0] > 'Z') return false;  // replies are upper case
    return verb_lines(p, kBeanstalkdReplies);
}

bool managesieve_capabilities(Payload p) {
    if (p.empty() || p[0] != '"') return false;
    Lines lines{p, Eol::Crlf};
    bool implementation = false, sieve = false;
    for (std::size_t count = 0; count < kMaxLines; ++count) {
        const auto line = lines.line();
        if (!line) return false;
        if (sieve_status(*line, "OK")) return implementation && sieve && lines.at_end();
        std::size_t at = 0;
        string_view name, value;
        if (!quoted(*line, at, name) || !capability_name(name)) return false;
        if (at < line->size() && ((*line)[at++] != ' ' || !quoted(*line, at, value))) return false;
        if (at != line->size()) return false;
        implementation = implementation || equal_nocase(name, "IMPLEMENTATION");
        sieve = sieve || equal_nocase(name, "SIEVE");
    }
    return false;
}

bool managesieve_commands(Payload p) {
    if (p.empty() || !is_alpha(static_cast<char>(p[0]))) return false;
    const string_view s = as_text(p);
    std::size_t at = 0, count = 0;
    bool script_command = false;
    while (at < s.size()) {
        if (++count > kMaxLines) return false;
        // the command word first (the longest is 14 octets), so other text costs no search for its line end
        const string_view command = s.substr(at, s.substr(at, 16).find_first_of(" \r"));
        const auto *known = std::find_if(std::begin(kSieveCommands), std::end(kSieveCommands),
                                         [command](string_view c) { return equal_nocase(c, command); });
        if (known == std::end(kSieveCommands)) return false;
        const auto end = s.find("\r\n", at);
        if (end == string_view::npos) return false;
        const string_view line = s.substr(at, end - at);
        const auto space = line.find(' ');
        script_command =
            script_command || static_cast<std::size_t>(known - std::begin(kSieveCommands)) >= kFirstScriptCommand;
        // arguments: quoted strings, numbers, and a literal {n} / {n+} that ends the line
        std::size_t i = space == string_view::npos ? line.size() : space + 1;
        std::optional<std::uint64_t> literal;
        while (i < line.size()) {
            string_view text;
            if (line[i] == '"') {
                if (!quoted(line, i, text)) return false;
            } else if (line[i] == '{') {
                const auto close = line.find('}', i);
                if (close + 1 != line.size()) return false;
                string_view size = line.substr(i + 1, close - i - 1);
                if (size.ends_with('+')) size.remove_suffix(1);
                literal = u32(size);
                if (!literal || *literal > kMaxBody) return false;
                i = close + 1;
            } else {
                const std::size_t begin = i;
                while (i < line.size() && is_digit(line[i])) ++i;
                if (i == begin) return false;
            }
            if (i < line.size() && line[i++] != ' ') return false;
        }
        at = end + 2;
        if (literal) {
            if (at + *literal > s.size()) return script_command;  // the literal goes on in the next segment
            at += static_cast<std::size_t>(*literal);
            if (s.substr(at, 2) != "\r\n") return false;
            at += 2;
        }
    }
    return script_command;
}

bool spamc_request(Payload p) {
    if (p.empty() || p[0] < 'A' || p[0] > 'Z') return false;
    static constexpr string_view kVerbs[] = {"CHECK", "SYMBOLS", "REPORT", "REPORT_IFSPAM", "SKIP",
                                             "PING",  "PROCESS", "TELL",   "HEADERS"};
    Lines lines{p, Eol::Crlf};
    const auto first = lines.line();
    if (!first) return false;
    const auto space = first->find(' ');
    if (space == string_view::npos || !one_of_words(first->substr(0, space), kVerbs)) return false;
    const string_view version = first->substr(space + 1);
    if (!version.starts_with("SPAMC/") || !version_number(version.substr(6))) return false;
    return spamc_headers(lines, false);
}

bool spamd_response(Payload p) {
    if (!starts_with(p, "SPAMD/")) return false;
    Lines lines{p, Eol::Crlf};
    const auto first = lines.line();
    if (!first) return false;
    std::size_t count = 0;
    const auto words = split<6>(*first, count);
    if (!words || count != 3 || !(*words)[0].starts_with("SPAMD/") || !version_number((*words)[0].substr(6)) ||
        !number((*words)[1], 3))
        return false;
    const string_view message = (*words)[2];
    if (message != "PONG" &&
        !(message.starts_with("EX_") && message.size() > 3 &&
          std::all_of(message.begin() + 3, message.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })))
        return false;
    return spamc_headers(lines, true);
}

bool clamd_commands(Payload p) {
    static constexpr string_view kPlain[] = {"PING",      "VERSION", "RELOAD", "SHUTDOWN",       "STATS",
                                             "IDSESSION", "END",     "FILDES", "VERSIONCOMMANDS"};
    static constexpr string_view kWithPath[] = {"SCAN", "CONTSCAN", "MULTISCAN", "ALLMATCHSCAN"};
    const string_view s = as_text(p);
    std::size_t at = 0, count = 0;
    bool not_only_end = false;  // "nEND" LF alone is five octets of little evidence
    while (at < s.size()) {
        if (++count > kMaxLines || (s[at] != 'z' && s[at] != 'n')) return false;
        const auto end = s.find(s[at] == 'z' ? '\0' : '\n', at);
        if (end == string_view::npos) return false;
        const string_view command = s.substr(at + 1, end - at - 1);
        at = end + 1;
        if (command == "INSTREAM") return true;  // its chunks follow
        not_only_end = not_only_end || command != "END";
        const auto space = command.find(' ');
        if (space == string_view::npos) {
            if (!one_of_words(command, kPlain)) return false;
            continue;
        }
        const string_view path = command.substr(space + 1);
        if (!one_of_words(command.substr(0, space), kWithPath) || !path.starts_with('/') || !printable(path, true))
            return false;
    }
    return not_only_end;
}

bool clamd_reply(Payload p) {
    string_view s = as_text(p);
    if (s.size() < 8 || s.size() > 256 || (s.back() != '\0' && s.back() != '\n') ||
        !(s.starts_with("ClamAV ") || s.starts_with("stream: ")))
        return false;
    s.remove_suffix(1);
    if (!printable(s)) return false;
    if (s.starts_with("ClamAV ")) {
        const string_view rest = s.substr(7);
        const auto slash = rest.find('/');
        if (!version_number(rest.substr(0, slash))) return false;
        if (slash == string_view::npos) return true;
        const auto second = rest.find('/', slash + 1);
        return second != string_view::npos && is_number(rest.substr(slash + 1, second - slash - 1), 9);
    }
    // "stream: OK", "stream: <signature> FOUND" (INSTREAM's answer)
    return s == "stream: OK" || (s.starts_with("stream: ") && s.ends_with(" FOUND") && s.size() > 14 &&
                                 s.substr(8, s.size() - 14).find(' ') == string_view::npos);
}

bool nats_server(Payload p) {
    if (p.empty() || !(p[0] == 'I' || p[0] == 'M' || p[0] == 'P' || p[0] == '+' || p[0] == '-')) return false;
    bool own = false;
    const bool all = lines_with_bodies(p, [&](string_view line, std::optional<std::uint64_t> &body) {
        if (line == "PING" || line == "PONG" || line == "+OK") return true;
        if (line.starts_with("-ERR ")) return line.size() > 7 && line[5] == '\'' && line.back() == '\'';
        json::Object info;
        if (json_line(line, "INFO", info)) {
            own = own || (string_member(info, "server_id") && string_member(info, "version"));
            return true;
        }
        std::size_t count = 0;
        const auto words = split<6>(line, count);
        if (!words || (*words)[0] != "MSG" || !nats_message_line(*words, count, 2, body)) return false;
        own = true;
        return true;
    });
    return all && own;
}

bool nats_client(Payload p) {
    if (p.empty() || !(p[0] == 'C' || p[0] == 'P' || p[0] == 'S' || p[0] == 'U')) return false;
    bool own = false;
    const bool all = lines_with_bodies(p, [&](string_view line, std::optional<std::uint64_t> &body) {
        if (line == "PING" || line == "PONG") return true;
        json::Object connect;
        if (json_line(line, "CONNECT", connect)) {
            own = own || (connect.find("verbose") != nullptr && connect.find("pedantic") != nullptr);
            return true;
        }
        std::size_t count = 0;
        const auto words = split<6>(line, count);
        if (!words) return false;
        const string_view op = (*words)[0];
        if (op == "PUB") {
            own = own || nats_message_line(*words, count, 1, body);
            return body.has_value();
        }
        if (op == "SUB") {  // SUB <subject> [queue group] <sid>
            const string_view sid = (*words)[count - 1];
            return count >= 3 && count <= 4 && nats_subject((*words)[1]) && !sid.empty() &&
                   std::all_of(sid.begin(), sid.end(), is_alnum);
        }
        if (op == "UNSUB") return (count == 2 || (count == 3 && u32((*words)[2]))) && !(*words)[1].empty();
        return false;
    });
    return all && own;
}

bool cvs_pserver_auth(Payload p) {
    if (!starts_with(p, "BEGIN ")) return false;
    Lines lines{p, Eol::Lf};
    const auto first = lines.line();
    if (!first) return false;
    if (*first == "BEGIN GSSAPI REQUEST") return true;  // GSSAPI tokens follow
    string_view kind;
    if (*first == "BEGIN AUTH REQUEST")
        kind = "END AUTH REQUEST";
    else if (*first == "BEGIN VERIFICATION REQUEST")
        kind = "END VERIFICATION REQUEST";
    else
        return false;
    const auto root = lines.line(), user = lines.line(), password = lines.line(), last = lines.line();
    return root && user && password && last && root->starts_with('/') && !user->empty() &&
           user->find(' ') == string_view::npos && password->starts_with('A') && *last == kind;
}

bool cvs_pserver_answer(Payload p) {
    const string_view s = as_text(p);
    return s == "I LOVE YOU\n" || s == "I HATE YOU\n";
}

bool gpsd_commands(Payload p) {
    const string_view s = as_text(p);
    std::size_t at = 0, count = 0;
    while (at < s.size()) {
        if (++count > kMaxLines || s[at] != '?') return false;
        std::size_t end = at + 1;
        while (end < s.size() && s[end] >= 'A' && s[end] <= 'Z') ++end;
        if (!one_of_words(s.substr(at + 1, end - at - 1), kGpsdCommands)) return false;
        if (end < s.size() && s[end] == '=') {
            json::Object object;
            object.keep_first_only = true;
            ++end;
            if (!json::read_object(s, end, object)) return false;
        }
        if (end >= s.size() || s[end] != ';') return false;
        at = end + 1;
        if (s.substr(at, 2) == "\r\n")
            at += 2;
        else if (at < s.size() && s[at] == '\n')
            ++at;
    }
    return count > 0;
}

bool gpsd_reports(Payload p) {
    if (!starts_with(p, "{\"class\":")) return false;  // gpsd writes class first, without spaces
    Lines lines{p, Eol::Crlf, true};
    std::size_t count = 0;
    while (!lines.at_end()) {
        const auto line = lines.line();
        if (!line || ++count > kMaxLines) return false;
        json::Object report;
        report.keep_first_only = true;
        std::size_t at = 0;
        if (!json::read_object(*line, at, report) || at != line->size() || report.count == 0) return false;
        const json::Member &first = report.members[0];
        if (first.name != "class" || first.kind != json::Kind::String || !one_of_words(first.value, kGpsdClasses))
            return false;
    }
    return count > 0;
}

bool lcdproc_greeting(Payload p) {
    const string_view s = as_text(p);
    if (s.size() > 200 || !s.ends_with('\n')) return false;
    std::size_t count = 0;
    const auto w = split<16>(s.substr(0, s.size() - 1), count);
    static constexpr string_view kKeys[] = {"connect", "LCDproc", "", "protocol", "", "lcd",     "wid",
                                            "",        "hgt",     "", "cellwid",  "", "cellhgt", ""};
    if (!w || count != std::size(kKeys)) return false;
    for (std::size_t i = 0; i < count; ++i) {
        const string_view word = (*w)[i];
        const bool fits = !kKeys[i].empty() ? word == kKeys[i]
                          : i < 5           ? is_token(word) && is_digit(word.front())  // versions: 0.5.9, 0.5dev
                                            : number(word, 3).has_value();
        if (!fits) return false;
    }
    return true;
}

bool lcdproc_commands(Payload p) {
    if (p.empty() || p[0] < 'a' || p[0] > 'z') return false;
    return command_lines(p, kLcdprocCommands);
}

bool uucp_handshake(Payload p) {
    std::size_t at = 0, count = 0;
    while (at < p.size()) {
        if (++count > kMaxLines || p[at] != 0x10 || at + 2 >= p.size()) return false;
        const std::size_t begin = at + 1;
        std::size_t end = begin;
        while (end < p.size() && p[end] != 0) ++end;
        if (end == p.size()) return false;
        const string_view body(reinterpret_cast<const char *>(p.data()) + begin, end - begin);
        if (body.empty() || !printable(body)) return false;
        const string_view rest = body.substr(1);
        switch (body.front()) {
            case 'S':  // Shere=<name> from the called side, S<name> -<options> from the caller (a name alone is
                       // a DLE, a letter, a word and a NUL: too little)
                if (rest.empty() || rest.front() == ' ' ||
                    !(rest.starts_with("here=") || rest.find(" -") != string_view::npos))
                    return false;
                break;
            case 'R':  // ROK[N<options>], RLCK, RCB, RBADSEQ, RLOGIN, "RYou are unknown to me"
                if (!rest.starts_with("OK") && rest != "LCK" && rest != "CB" && rest != "BADSEQ" && rest != "LOGIN" &&
                    rest != "You are unknown to me")
                    return false;
                break;
            case 'P':  // the protocols the called side offers: letters
            case 'U':  // the one the caller chose, or N
                if (rest.empty() || !std::all_of(rest.begin(), rest.end(), is_alpha)) return false;
                break;
            case 'O':  // the hang-up: OOOOOO
                if (rest != "OOOOO") return false;
                break;
            default: return false;
        }
        at = end + 1;
    }
    return count > 0;
}

bool unison_greeting(Payload p) {
    const string_view s = as_text(p);
    if (s.starts_with("Unison RPC\nVERSIONS ")) {
        const auto end = s.find('\n', 20);
        return end != string_view::npos && is_number(s.substr(20, end - 20), 3);
    }
    if (!s.starts_with("Unison ")) return false;
    const auto end = s.find('\n');
    if (end == string_view::npos || end > 80) return false;
    std::size_t count = 0;
    const auto w = split<6>(s.substr(0, end), count);
    return w && count == 6 && version_number((*w)[1]) && (*w)[2] == "with" && (*w)[3] == "OCaml" && (*w)[4] == ">=" &&
           version_number((*w)[5]);
}

bool iperf3_cookie(Payload p) {
    static constexpr string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    return p.size() == 37 && p[36] == 0 && std::all_of(p.begin(), p.end() - 1, [](std::uint8_t c) {
               return kAlphabet.find(static_cast<char>(c)) != string_view::npos;
           });
}

namespace {

// "Key: value" CR LF blocks, each ended by an empty line; `first(key, value)`
// judges each block's first line.
template <class First>
bool key_value_blocks(Lines &lines, First first) {
    bool block_start = true;
    std::size_t blocks = 0;
    for (std::size_t count = 0; count < kMaxLines && !lines.at_end(); ++count) {
        const auto line = lines.line();
        if (!line) return false;
        if (line->empty()) {
            if (block_start) return false;
            block_start = true;
            continue;
        }
        const auto colon = line->find(": ");
        if (colon == string_view::npos || colon == 0 ||
            !std::all_of(line->begin(), line->begin() + static_cast<std::ptrdiff_t>(colon),
                         [](char c) { return is_alnum(c) || c == '-' || c == '_'; }))
            return false;
        if (block_start && !first(line->substr(0, colon), line->substr(colon + 2))) return false;
        blocks += block_start ? 1 : 0;
        block_start = false;
    }
    return blocks > 0 && lines.at_end() && block_start;  // each block ended by its empty line
}

constexpr string_view kMuninCommands[] = {"list", "nodes", "config", "fetch", "cap", "version", "quit", "spoolfetch"};
constexpr string_view kMuninCapabilities[] = {"multigraph", "dirtyconfig", "spool"};

// A host name as a banner gives it: letters, digits, '.', '-', '_'.
bool host_name(string_view s) {
    return !s.empty() && s.size() <= 255 &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '.' || c == '-' || c == '_'; });
}

}  // namespace

bool ami_banner_or_response(Payload p) {
    if (!starts_with(p, "Asterisk Call Manager/") && !starts_with(p, "Response: ") && !starts_with(p, "Event: "))
        return false;
    Lines lines{p, Eol::Crlf};
    if (starts_with(p, "Asterisk Call Manager/")) {
        const auto banner = lines.line();
        if (!banner || !version_number(banner->substr(22))) return false;
        return lines.at_end() ||
               key_value_blocks(lines, [](string_view key, string_view) { return key == "Response"; });
    }
    return key_value_blocks(lines, [](string_view key, string_view value) {
        if (key == "Event") return is_token(value);
        return key == "Response" &&
               (value == "Success" || value == "Error" || value == "Follows" || value == "Goodbye");
    });
}

bool ami_actions(Payload p) {
    if (p.size() < 8 || !equal_nocase(as_text(p).substr(0, 8), "Action: ")) return false;
    Lines lines{p, Eol::Crlf};
    return key_value_blocks(
        lines, [](string_view key, string_view value) { return equal_nocase(key, "Action") && is_token(value); });
}

bool munin_node(Payload p) {
    if (p.empty() || !(is_alnum(static_cast<char>(p[0])) || p[0] == '#' || p[0] == '_')) return false;
    const string_view s = as_text(p);
    if (s.starts_with("# munin node at ")) {
        const auto end = s.find('\n');
        return end == s.size() - 1 && host_name(s.substr(16, end - 16));
    }
    // a fetch's answer: "<field>.value <number|U>" lines, then "."
    std::size_t values = 0;
    const bool all = whole_lines(p, Eol::Lf, kMaxLines, [&values](string_view line, std::size_t) {
        if (line == ".") return true;
        const auto dot = line.find(".value ");
        if (dot == string_view::npos || dot == 0) return false;
        const string_view field = line.substr(0, dot), value = line.substr(dot + 7);
        ++values;
        return std::all_of(field.begin(), field.end(), [](char c) { return is_alnum(c) || c == '_'; }) &&
               (value == "U" || (!value.empty() && value.find_first_not_of("0123456789.-e+") == string_view::npos &&
                                 value.find_first_of("0123456789") != string_view::npos));
    });
    return all && values > 0 && s.ends_with(".\n");
}

bool munin_commands(Payload p) {
    if (p.empty() || p[0] < 'a' || p[0] > 'z') return false;
    // LF only (munin-node's protocol); "fetch <word>" alone is any protocol's, so one line must be
    // the master's "cap" with capabilities munin knows
    bool capabilities = false;
    const bool all = whole_lines(p, Eol::Lf, kMaxLines, [&capabilities](string_view line, std::size_t) {
        const auto space = line.find(' ');
        const string_view command = line.substr(0, space);
        if (!one_of_words(command, kMuninCommands)) return false;
        const string_view argument = space == string_view::npos ? string_view{} : line.substr(space + 1);
        if (command == "cap") {
            std::size_t count = 0;
            const auto words = split<4>(argument, count);
            if (!words) return false;
            for (std::size_t i = 0; i < count; ++i)
                if (!one_of_words((*words)[i], kMuninCapabilities)) return false;
            capabilities = true;
        } else if (command == "config" || command == "fetch") {
            if (argument.empty() || argument.find(' ') != string_view::npos || !printable(argument)) return false;
        } else if (command == "list") {  // list [node]
            if (!argument.empty() && !host_name(argument)) return false;
        } else if (command != "spoolfetch" && !argument.empty()) {
            return false;
        }
        return true;
    });
    return all && capabilities && std::find(p.begin(), p.end(), '\r') == p.end();
}

namespace {

// A client may send several requests (or a server several answers) in one segment: attribute blocks each
// ended by an empty line, at most this many read.
constexpr std::size_t kMaxPolicyBlocks = 16;

// Walks the payload's blocks ("...\n\n" each, to the payload's end), `check` each without its empty line.
template <class Check>
bool policy_blocks(Payload p, Check check) {
    const string_view s = as_text(p);
    std::size_t at = 0, count = 0;
    while (at < s.size()) {
        const auto end = s.find("\n\n", at);
        if (end == string_view::npos || ++count > kMaxPolicyBlocks || end == at) return false;
        if (!check(p.subspan(at, end + 1 - at))) return false;
        at = end + 2;
    }
    return count > 0;
}

}  // namespace

bool postfix_policy_request(Payload p) {
    if (p.empty() || p[0] < 'a' || p[0] > 'z') return false;
    return policy_blocks(p, [](Payload block) {
        bool request = false;
        const bool all = whole_lines(block, Eol::Lf, kMaxLines, [&request](string_view line, std::size_t) {
            const auto equals = line.find('=');
            if (equals == string_view::npos || equals == 0) return false;
            const string_view name = line.substr(0, equals);
            request = request || line == "request=smtpd_access_policy";
            return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
        });
        return all && request;
    });
}

bool postfix_policy_action(Payload p) {
    if (p.size() > 16 * 512) return false;
    return policy_blocks(p, [](Payload block) {
        const string_view s = as_text(block);
        if (s.size() > 512 || s.size() <= 8 || !s.starts_with("action=")) return false;
        const string_view action = s.substr(7, s.size() - 8);
        return printable(action, true) && is_token(word_at(action, 0));
    });
}

bool scgi_request(Payload p) {
    if (p.empty() || !is_digit(static_cast<char>(p[0]))) return false;
    const string_view s = as_text(p);
    const auto colon = s.substr(0, 8).find(':');
    if (colon == string_view::npos || colon == 0) return false;
    const auto length = number(s.substr(0, colon), 7);
    // the headers and their ',' within the payload (a body may follow)
    if (!length || *length + colon + 2 > s.size() || s[colon + 1 + *length] != ',') return false;
    const string_view headers = s.substr(colon + 1, static_cast<std::size_t>(*length));
    if (!headers.starts_with(string_view("CONTENT_LENGTH\0", 15)) || !headers.ends_with('\0')) return false;
    bool scgi = false;
    std::size_t at = 0;
    for (std::size_t count = 0; at < headers.size(); ++count) {
        const auto name_end = headers.find('\0', at);
        const auto value_end = name_end == string_view::npos ? name_end : headers.find('\0', name_end + 1);
        if (count == 2 * kMaxLines || value_end == string_view::npos || name_end == at) return false;
        const string_view name = headers.substr(at, name_end - at),
                          value = headers.substr(name_end + 1, value_end - name_end - 1);
        if (!printable(name) || !printable(value, true) || (count == 0 && !is_number(value, 12))) return false;
        scgi = scgi || (name == "SCGI" && value == "1");
        at = value_end + 1;
    }
    return scgi;
}

namespace {

constexpr string_view kGuacamoleOpcodes[] = {
    "select", "args",  "connect", "size",       "audio", "video",     "image",    "timezone", "name", "ready", "sync",
    "nop",    "mouse", "key",     "disconnect", "error", "clipboard", "required", "argv",     "log",  "blob",  "end"};

// An InfluxDB name or tag key / value: no unescaped space, comma or '='.
bool influx_name(string_view s) {
    if (s.empty()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == ' ' || s[i] == ',' || s[i] == '=' || s[i] == '"')
            return false;
    }
    return printable(s, true);
}
bool influx_value(string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return true;
    if (v == "t" || v == "T" || v == "true" || v == "True" || v == "TRUE" || v == "f" || v == "F" || v == "false" ||
        v == "False" || v == "FALSE")
        return true;
    if (!v.empty() && (v.back() == 'i' || v.back() == 'u')) v.remove_suffix(1);
    if (!v.empty() && v.front() == '-') v.remove_prefix(1);
    return !v.empty() && is_digit(v.front()) && v.find_first_not_of("0123456789.eE+-") == string_view::npos;
}
// Splits on a separator that is not escaped and not inside a quoted string.
template <class Each>
bool influx_split(string_view s, char separator, Each each) {
    bool quoted = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i < s.size() && s[i] == '\\') {
            ++i;
            continue;
        }
        if (i < s.size() && s[i] == '"') quoted = !quoted;
        if (i == s.size() || (!quoted && s[i] == separator)) {
            if (!each(s.substr(start, i - start))) return false;
            start = i + 1;
        }
    }
    return !quoted;
}

constexpr Verb kLircCommands[] = {
    {"SEND_ONCE", "", true},        {"SEND_START", "", true},   {"SEND_STOP", "", true},  {"SIMULATE", "", true},
    {"SET_TRANSMITTERS", "", true}, {"SET_INPUTLOG", "", true}, {"DRV_OPTION", "", true}, {"LIST", "", false},
    {"VERSION", "", false},
};

}  // namespace

bool guacamole_instructions(Payload p) {
    if (p.empty() || !is_digit(static_cast<char>(p[0]))) return false;
    const string_view s = as_text(p);
    std::size_t at = 0, instructions = 0;
    while (at < s.size()) {
        if (++instructions > kMaxLines) return false;
        for (std::size_t element = 0;; ++element) {
            const auto dot = s.substr(at, 8).find('.');
            if (dot == string_view::npos || dot == 0) return false;
            const auto length = number(s.substr(at, dot), 7);
            if (!length) return false;
            // the value: `length` characters (UTF-8 code points, not octets)
            std::size_t end = at + dot + 1, points = 0;
            while (end < s.size() && points < *length) {
                ++end;
                while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xc0) == 0x80) ++end;
                ++points;
            }
            if (points != *length || end >= s.size()) return false;
            const string_view value = s.substr(at + dot + 1, end - at - dot - 1);
            if (!printable(value, true)) return false;
            if (instructions == 1 && element == 0 && !one_of_words(value, kGuacamoleOpcodes)) return false;
            at = end + 1;
            if (s[end] == ';') break;
            if (s[end] != ',' || element > 256) return false;
        }
    }
    return instructions > 0;
}

bool relp_frames(Payload p) {
    static constexpr string_view kCommands[] = {"open", "syslog", "rsp", "close", "serverclose"};
    const string_view s = as_text(p);
    std::size_t at = 0, frames = 0;
    while (at < s.size()) {
        if (++frames > kMaxLines || !is_digit(s[at])) return false;
        // the header: TXNR SP COMMAND SP DATALEN, within its first 40 octets
        const string_view head_text = s.substr(at, 40);
        const auto first = head_text.find(' ');
        const auto second = first == string_view::npos ? first : head_text.find(' ', first + 1);
        if (second == string_view::npos) return false;
        const string_view txnr = head_text.substr(0, first), command = head_text.substr(first + 1, second - first - 1);
        if (!is_number(txnr, 9) || !one_of_words(command, kCommands)) return false;
        const std::size_t head = second + 1;
        const string_view rest = s.substr(at + head, 10);
        const string_view digits = rest.substr(0, rest.find_first_not_of("0123456789"));
        const auto length = number(digits, 9);
        if (!length) return false;
        const std::size_t after = at + head + digits.size();
        if (*length == 0) {
            if (s.substr(after, 1) != "\n") return false;
            at = after + 1;
            continue;
        }
        if (s.substr(after, 1) != " ") return false;
        const std::size_t data = after + 1;
        if (*length > s.size() - data) return frames > 1 || command == "open";  // cut: goes on
        const string_view body = s.substr(data, static_cast<std::size_t>(*length));
        if (command == "open" && !body.starts_with("relp_version=")) return false;
        if (s.substr(data + body.size(), 1) != "\n") return false;
        at = data + body.size() + 1;
    }
    return frames > 0;
}

bool influx_lines(Payload p) {
    if (p.empty() || !is_alpha(static_cast<char>(p[0]))) return false;  // a measurement's name, as clients write it
    return whole_lines(
        p, Eol::Lf, kMaxLines,
        [](string_view line, std::size_t) {
            // measurement[,tags] fields timestamp: three parts on unescaped, unquoted spaces
            std::array<string_view, 3> parts{};
            std::size_t count = 0;
            if (!influx_split(line, ' ',
                              [&](string_view part) {
                                  if (count == parts.size()) return false;
                                  parts[count++] = part;
                                  return true;
                              }) ||
                count != 3)
                return false;
            const string_view stamp = parts[2];
            if (stamp.size() < 9 || !is_number(stamp, 19)) return false;
            std::size_t key = 0;
            const bool head = influx_split(parts[0], ',', [&key](string_view item) {
                if (key++ == 0) return influx_name(item) && item.front() != '#';
                const auto equals = item.find('=');
                return equals != string_view::npos && influx_name(item.substr(0, equals)) &&
                       influx_name(item.substr(equals + 1));
            });
            return head && influx_split(parts[1], ',', [](string_view field) {
                       const auto equals = field.find('=');
                       return equals != string_view::npos && influx_name(field.substr(0, equals)) &&
                              influx_value(field.substr(equals + 1));
                   });
        },
        true);
}

bool lirc_replies(Payload p) {
    if (!starts_with(p, "BEGIN\n")) return false;
    Lines lines{p, Eol::Lf};
    std::size_t blocks = 0;
    while (!lines.at_end() && blocks < kMaxLines) {
        const auto begin = lines.line(), command = lines.line(), status = lines.line();
        if (!begin || *begin != "BEGIN" || !command || command->empty() || !status ||
            (*status != "SUCCESS" && *status != "ERROR"))
            return false;
        auto next = lines.line();
        if (next && *next == "DATA") {
            const auto count = lines.line();
            const auto n = count ? number(*count, 4) : std::nullopt;
            if (!n || *n > kMaxLines) return false;
            for (std::uint64_t i = 0; i < *n; ++i)
                if (!lines.line()) return false;
            next = lines.line();
        }
        if (!next || *next != "END") return false;
        ++blocks;
    }
    return blocks > 0 && lines.at_end();
}

bool lirc_commands(Payload p) {
    if (p.empty() || p[0] < 'A' || p[0] > 'Z') return false;
    return command_lines(p, kLircCommands);
}

namespace {

// KEY='value' pairs separated by single spaces (a quote inside a value is doubled or escaped).
bool conman_pairs(string_view s, bool &console) {
    while (!s.empty()) {
        const auto equals = s.find("='");
        if (equals == string_view::npos || equals == 0 ||
            !std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(equals),
                         [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; }))
            return false;
        console = console || s.substr(0, equals) == "CONSOLE" || s.substr(0, equals) == "CODE";
        const auto close = s.find('\'', equals + 2);
        if (close == string_view::npos) return false;
        s.remove_prefix(close + 1);
        if (!s.empty() && s.front() != ' ') return false;
        if (!s.empty()) s.remove_prefix(1);
    }
    return true;
}

}  // namespace

bool conman_hello(Payload p) {
    if (!starts_with(p, "HELLO USER='")) return false;
    bool unused = false;
    return whole_lines(p, Eol::Lf, 4, [&unused](string_view line, std::size_t) {
        return line.starts_with("HELLO ") && conman_pairs(line.substr(6), unused);
    });
}

bool conman_answer(Payload p) {
    if (!starts_with(p, "OK ") && !starts_with(p, "ERROR ")) return false;
    bool console = false;
    const bool all = whole_lines(p, Eol::Lf, kMaxLines, [&console](string_view line, std::size_t) {
        const auto space = line.find(' ');
        const string_view word = line.substr(0, space);
        return (word == "OK" || word == "ERROR") && space != string_view::npos &&
               conman_pairs(line.substr(space + 1), console);
    });
    return all && console;
}

bool guile_repl_banner(Payload p) {
    const string_view s = as_text(p);
    if (!s.starts_with("GNU Guile ")) return false;
    const auto end = s.find('\n');
    return end != string_view::npos && end < 40 && version_number(s.substr(10, end - 10)) &&
           s.substr(end + 1).starts_with("Copyright (C) ") && s.find("Free Software Foundation") != string_view::npos;
}

bool amanda_packet(Payload p) {
    if (!starts_with(p, "Amanda ")) return false;
    return whole_lines(p, Eol::Lf, kMaxLines, [](string_view line, std::size_t index) {
        if (index > 0) return printable(line);
        std::size_t count = 0;
        const auto words = split<7>(line, count);
        static constexpr string_view kTypes[] = {"REQ", "REP", "PREP", "ACK", "NAK"};
        if (!words || count != 7) return false;
        const auto &w = *words;
        const string_view version = w[1];
        return std::find(std::begin(kTypes), std::end(kTypes), w[2]) != std::end(kTypes) && w[3] == "HANDLE" &&
               w[4].size() >= 3 && w[4].size() <= 64 && printable(w[4]) && w[5] == "SEQ" && is_number(w[6], 10) &&
               version.find('.') != string_view::npos && is_number(version.substr(0, version.find('.')), 2) &&
               std::all_of(version.begin(), version.end(), [](char c) { return is_digit(c) || c == '.'; });
    });
}

bool ws_discovery(Payload p) {
    static constexpr string_view kNamespaces[] = {"http://schemas.xmlsoap.org/ws/2005/04/discovery",
                                                  "http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01"};
    static constexpr string_view kActions[] = {"/Hello<",        "/Bye<",     "/Probe<",
                                               "/ProbeMatches<", "/Resolve<", "/ResolveMatches<"};
    const string_view s = as_text(p);
    if (s.size() > 65535 ||
        !(s.starts_with("<?xml ") || s.starts_with("<soap:Envelope") || s.starts_with("<s:Envelope") ||
          s.starts_with("<env:Envelope") || s.starts_with("<soap12:Envelope")))
        return false;
    const auto envelope = s.find("Envelope");
    const auto in = [s](string_view what) { return s.find(what) != string_view::npos; };
    return envelope != string_view::npos && s.ends_with(">") && printable(s, true) &&
           std::any_of(std::begin(kNamespaces), std::end(kNamespaces), in) &&
           std::any_of(std::begin(kActions), std::end(kActions), in);
}

bool zephyr_packet(Payload p) {
    // "ZEPH0.2" NUL, then the number of fields and the kind, each "0x" + 8 hex digits + NUL
    static constexpr string_view kVersion("ZEPH0.2\0", 8);
    const string_view s = as_text(p);
    if (s.size() < 8 + 2 * 11 || !s.starts_with(kVersion)) return false;
    for (std::size_t at : {std::size_t{8}, std::size_t{19}}) {
        const string_view field = s.substr(at, 11);
        if (!field.starts_with("0x") || field[10] != '\0' || !is_hex_digits(field.substr(2, 8))) return false;
    }
    return true;
}

bool powerman_replies(Payload p) {
    static constexpr string_view kPrompt = "powerman> ";
    const string_view s = as_text(p);
    if (s.size() < 4 + kPrompt.size() || !is_digits(s.substr(0, 3)) || !s.ends_with(kPrompt)) return false;
    // the lines before the prompt, each "ddd text"
    return whole_lines(p.first(p.size() - kPrompt.size()), Eol::Crlf, kMaxLines, [](string_view line, std::size_t) {
        return line.size() > 4 && is_digits(line.substr(0, 3)) && line[3] == ' ' && printable(line);
    });
}

}  // namespace ghostports::text_rows
