// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/text_signatures.hpp"

#include <array>
#include <optional>
#include <string_view>

#include "core/ghostports/signatures.hpp"
#include "core/ghostports/text_grammar.hpp"

namespace ghostports::text_rows {
namespace {

using namespace text;  // the grammar pieces shared with signatures.cpp

// --- NUL-separated strings (rsh, rlogin) -----------------------------------

// The payload as exactly `N` NUL-terminated strings, nothing after the last NUL.
template <std::size_t N>
std::optional<std::array<string_view, N>> nul_strings(Bytes p) {
    std::array<string_view, N> field{};
    string_view rest = as_text(p);
    for (auto &f : field) {
        const auto end = rest.find('\0');
        if (end == string_view::npos) return std::nullopt;
        f = rest.substr(0, end);
        rest.remove_prefix(end + 1);
    }
    if (!rest.empty()) return std::nullopt;
    return field;
}
// A login name as rcmd(3) sends it: 1-32 printable octets without space
// (POSIX user names; Linux allows 32).
bool login_name(string_view s) {
    return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}
// termios speeds an rlogin client sends (RFC 1282: "terminal-type/speed").
bool line_speed(string_view s) {
    static constexpr string_view kSpeeds[] = {"50",    "75",    "110",    "134",    "150",    "200",   "300",
                                              "600",   "1200",  "1800",   "2400",   "4800",   "9600",  "19200",
                                              "38400", "57600", "115200", "230400", "460800", "921600"};
    return std::find(std::begin(kSpeeds), std::end(kSpeeds), s) != std::end(kSpeeds);
}
// A terminal type (terminfo name): "xterm-256color", "vt100", "dumb".
bool terminal_type(string_view s) {
    return !s.empty() && s.size() <= 64 && is_alpha(s[0]) && std::all_of(s.begin(), s.end(), [](char c) {
        return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '+';
    });
}

// --- lines of words ----------------------------------------------------------

// A line's words split on single spaces, a "quoted string" (backslash
// escapes inside) one word; at most 8. `count` 0 when the line breaks the shape.
struct QuotedWords {
    std::array<string_view, 8> word{};
    std::array<bool, 8> quoted{};
    std::size_t count = 0;

    explicit QuotedWords(string_view line) {
        if (!parse(line)) count = 0;
    }
    bool plain(std::size_t i) const { return i < count && !quoted[i] && !word[i].empty(); }

private:
    bool parse(string_view line) {
        std::size_t i = 0;
        while (i < line.size()) {
            if (count == word.size()) return false;
            const std::size_t start = i;
            if (line[i] == '"') {
                for (++i; i < line.size() && line[i] != '"'; ++i)
                    if (line[i] == '\\') ++i;
                if (i >= line.size()) return false;
                quoted[count] = true;
                word[count++] = line.substr(start + 1, i - start - 1);
                ++i;
            } else {
                while (i < line.size() && line[i] != ' ' && line[i] != '"') ++i;
                if (i == start) return false;
                word[count++] = line.substr(start, i - start);
            }
            if (i == line.size()) return true;
            if (line[i] != ' ' || i + 1 == line.size()) return false;
            ++i;
        }
        return true;
    }
};

// --- syslog over TCP ---------------------------------------------------------

constexpr std::size_t kMaxSyslogFrame = 1 << 20;

// --- NUT ---------------------------------------------------------------------

// A UPS name ("dummy", "ups@host" is the client's notation, not the wire's),
// a variable or command name ("battery.charge", "load.off").
bool nut_name(string_view s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; });
}
bool dotted_name(string_view s) {
    return nut_name(s) && is_alpha(s[0]) && s.find('.') != string_view::npos && s.back() != '.';
}
bool nut_list_kind(string_view s) {
    return s == "UPS" || s == "VAR" || s == "RW" || s == "CMD" || s == "ENUM" || s == "RANGE" || s == "CLIENT";
}
// net-protocol.txt "Error responses".
bool nut_error(string_view s) {
    static constexpr string_view kErrors[] = {"ACCESS-DENIED",
                                              "UNKNOWN-UPS",
                                              "VAR-NOT-SUPPORTED",
                                              "CMD-NOT-SUPPORTED",
                                              "INVALID-ARGUMENT",
                                              "INSTCMD-FAILED",
                                              "SET-FAILED",
                                              "READONLY",
                                              "TOO-LONG",
                                              "FEATURE-NOT-SUPPORTED",
                                              "FEATURE-NOT-CONFIGURED",
                                              "ALREADY-SSL-MODE",
                                              "DRIVER-NOT-CONNECTED",
                                              "DATA-STALE",
                                              "ALREADY-LOGGED-IN",
                                              "INVALID-PASSWORD",
                                              "ALREADY-SET-PASSWORD",
                                              "INVALID-USERNAME",
                                              "ALREADY-SET-USERNAME",
                                              "USERNAME-REQUIRED",
                                              "PASSWORD-REQUIRED",
                                              "UNKNOWN-COMMAND",
                                              "INVALID-VALUE"};
    return std::find(std::begin(kErrors), std::end(kErrors), s) != std::end(kErrors);
}
enum class Evidence : std::uint8_t { Bad, Weak, Strong };
// A client command line (net-protocol.txt "Command reference"): the verb,
// its sub-command and exactly its arguments. LIST/GET/SET name the protocol;
// the others only go along.
Evidence nut_command_line(string_view line) {
    const QuotedWords w(line);
    if (w.count == 0 || !w.plain(0)) return Evidence::Bad;
    const string_view verb = w.word[0], sub = w.plain(1) ? w.word[1] : string_view{};
    const auto shape = [&w](std::size_t n) { return w.count == n; };
    if (verb == "LIST") {
        if (sub == "UPS") return shape(2) ? Evidence::Strong : Evidence::Bad;
        if (sub == "VAR" || sub == "RW" || sub == "CMD" || sub == "CLIENT")
            return shape(3) && w.plain(2) && nut_name(w.word[2]) ? Evidence::Strong : Evidence::Bad;
        if (sub == "ENUM" || sub == "RANGE")
            return shape(4) && nut_name(w.word[2]) && dotted_name(w.word[3]) ? Evidence::Strong : Evidence::Bad;
        return Evidence::Bad;
    }
    if (verb == "GET") {
        if (sub == "NUMLOGINS" || sub == "UPSDESC")
            return shape(3) && w.plain(2) && nut_name(w.word[2]) ? Evidence::Strong : Evidence::Bad;
        if (sub == "VAR" || sub == "TYPE" || sub == "DESC" || sub == "CMDDESC")
            return shape(4) && w.plain(2) && nut_name(w.word[2]) && w.plain(3) && dotted_name(w.word[3])
                       ? Evidence::Strong
                       : Evidence::Bad;
        return Evidence::Bad;
    }
    if (verb == "SET")
        return sub == "VAR" && shape(5) && nut_name(w.word[2]) && dotted_name(w.word[3]) && w.quoted[4]
                   ? Evidence::Strong
                   : Evidence::Bad;
    if (verb == "INSTCMD")
        return (shape(3) || shape(4)) && nut_name(w.word[1]) && dotted_name(w.word[2]) ? Evidence::Strong
                                                                                       : Evidence::Bad;
    if (verb == "USERNAME" || verb == "PASSWORD" || verb == "LOGIN" || verb == "PRIMARY" || verb == "MASTER" ||
        verb == "FSD")
        return shape(2) && !w.word[1].empty() && printable(w.word[1]) ? Evidence::Weak : Evidence::Bad;
    if (verb == "LOGOUT" || verb == "STARTTLS" || verb == "VER" || verb == "NETVER" || verb == "PROTVER" ||
        verb == "HELP")
        return shape(1) ? Evidence::Weak : Evidence::Bad;
    return Evidence::Bad;
}
// A server answer line (net-protocol.txt): the list frame, its items (the
// value quoted), OK, ERR <code>.
Evidence nut_reply_line(string_view line) {
    const QuotedWords w(line);
    if (w.count == 0 || !w.plain(0)) return Evidence::Bad;
    const string_view verb = w.word[0];
    if (verb == "OK") return w.count == 1 || (w.count == 2 && w.word[1] == "Goodbye") ? Evidence::Weak : Evidence::Bad;
    if (verb == "ERR") return w.count >= 2 && w.plain(1) && nut_error(w.word[1]) ? Evidence::Strong : Evidence::Bad;
    if (verb == "BEGIN" || verb == "END") {
        if (w.count < 3 || w.word[1] != "LIST" || !nut_list_kind(w.word[2])) return Evidence::Bad;
        for (std::size_t i = 3; i < w.count; ++i)
            if (!w.plain(i) || !nut_name(w.word[i])) return Evidence::Bad;
        return w.count <= 5 && (w.word[2] == "UPS") == (w.count == 3) ? Evidence::Strong : Evidence::Bad;
    }
    // "<KIND> <ups> <name> \"value\"" items; "UPS <ups> \"description\"".
    if (verb == "UPS" || verb == "UPSDESC")
        return w.count == 3 && nut_name(w.word[1]) && w.quoted[2] ? Evidence::Strong : Evidence::Bad;
    if (verb == "VAR" || verb == "RW" || verb == "ENUM" || verb == "DESC" || verb == "CMDDESC")
        return w.count == 4 && nut_name(w.word[1]) && dotted_name(w.word[2]) && w.quoted[3] ? Evidence::Strong
                                                                                            : Evidence::Bad;
    if (verb == "RANGE")
        return w.count == 5 && nut_name(w.word[1]) && dotted_name(w.word[2]) && w.quoted[3] && w.quoted[4]
                   ? Evidence::Strong
                   : Evidence::Bad;
    if (verb == "CMD")
        return w.count == 3 && nut_name(w.word[1]) && dotted_name(w.word[2]) ? Evidence::Strong : Evidence::Bad;
    return Evidence::Bad;
}
// Every LF-ended line (CR allowed) passes `check`, one of them Strong; a
// last line cut by the segment's end only after two whole lines.
bool nut_lines(Bytes p, Evidence (*check)(string_view)) {
    Lines lines{p, Eol::Lf};
    std::size_t count = 0;
    bool strong = false;
    while (auto line = lines.line()) {
        const Evidence e = check(*line);
        if (e == Evidence::Bad || ++count > 256) return false;
        strong = strong || e == Evidence::Strong;
    }
    return !lines.bad && strong && (lines.at_end() || count >= 2);
}

// --- ident -------------------------------------------------------------------

string_view trim_spaces(string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
bool port_number(string_view s) {
    const auto value = number(s, 5);
    return is_number(s, 5) && value && *value >= 1 && *value <= 65535;
}
// "<port> , <port>" with optional spaces (RFC 1413 "<port-pair>"): at most two
// around each port, as clients write it ("6191, 23", "6191 , 23"); a port
// padded into a column is another protocol's number (Livestatus's fixed16).
bool port_pair(string_view s) {
    const auto comma = s.find(',');
    if (comma == string_view::npos) return false;
    const string_view first = s.substr(0, comma), second = s.substr(comma + 1);
    const auto padding = [](string_view side, string_view port) { return side.size() - port.size() <= 4; };
    const string_view first_port = trim_spaces(first), second_port = trim_spaces(second);
    return port_number(first_port) && port_number(second_port) && padding(first, first_port) &&
           padding(second, second_port);
}
// The one line of the payload, ended by LF (CR LF as the RFC's <EOL>, LF as servers accept).
std::optional<string_view> single_line(Bytes p, std::size_t max) {
    if (p.size() > max) return std::nullopt;
    Lines lines{p, Eol::Lf};
    const auto line = lines.line();
    if (!line || !lines.at_end()) return std::nullopt;
    return line;
}
// RFC 1413 "<token>": printable, no space, colon or comma.
bool ident_token(string_view s) {
    return !s.empty() && s.size() <= 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f && c != ':' && c != ','; });
}

// --- finger ------------------------------------------------------------------

// "<key>: <value>" at the start of `line`, then the second "<key2>: ..."
// after white space: BSD finger's long format pairs two fields per line.
bool field_pair(string_view line, string_view key, string_view second, bool (*value_ok)(string_view)) {
    if (!line.starts_with(key)) return false;
    const auto at = line.find(second);
    if (at == string_view::npos || at <= key.size() + 1) return false;
    const string_view value = trim_spaces(line.substr(key.size(), at - key.size()));
    return (line[at - 1] == ' ' || line[at - 1] == '\t') && value_ok(value) &&
           value_ok(trim_spaces(line.substr(at + second.size())));
}
bool any_value(string_view s) {
    return !s.empty();
}
bool absolute_path(string_view s) {
    return s.starts_with('/') && s.find_first_of(" \t") == string_view::npos;
}

// --- LPD ---------------------------------------------------------------------

// A queue (printer) name or a user: RFC 1179 leaves them to the host; lpd
// implementations take letters, digits and - _ . (LPRng: + @ too).
bool lpd_name(string_view s) {
    return !s.empty() && s.size() <= 64 && is_alnum(s[0]) && std::all_of(s.begin(), s.end(), [](char c) {
        return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '+' || c == '@';
    });
}
// RFC 1179 7: "cfA" / "dfA" + three-digit job number + host name.
bool lpd_file_name(string_view s) {
    return s.size() > 6 && (s.starts_with("cfA") || s.starts_with("dfA")) && is_digits(s.substr(3, 3)) &&
           lpd_name(s.substr(6));
}

// --- reply lines ---------------------------------------------------------------

// The one line of a CR LF payload (RFC 3977 / RFC 2229 lines end with CR LF).
std::optional<string_view> crlf_line(Bytes p, std::size_t max) {
    if (p.size() > max) return std::nullopt;
    Lines lines{p, Eol::Crlf, true};
    const auto line = lines.line();
    if (!line || !lines.at_end()) return std::nullopt;
    return line;
}
// RFC 2229 3.1: "<" capability *("." capability) ">" (atoms of lower-case
// letters, digits and -), maybe empty "<>".
bool dict_capabilities(string_view s) {
    if (s.size() < 2 || s.front() != '<' || s.back() != '>') return false;
    const string_view inner = s.substr(1, s.size() - 2);
    return inner.empty() || (inner.front() != '.' && inner.back() != '.' && inner.find("..") == string_view::npos &&
                             std::all_of(inner.begin(), inner.end(), [](char c) {
                                 return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '.';
                             }));
}
// RFC 2229 3.1 / RFC 822 msg-id: "<" local "@" domain ">".
bool dict_msg_id(string_view s) {
    if (s.size() < 5 || s.front() != '<' || s.back() != '>') return false;
    const string_view inner = s.substr(1, s.size() - 2);
    const auto at = inner.find('@');
    return at != string_view::npos && at > 0 && at + 1 < inner.size() && inner.find('@', at + 1) == string_view::npos &&
           inner.find_first_of("<> ") == string_view::npos && domain_name(inner.substr(at + 1)) &&
           printable(inner.substr(0, at));
}

}  // namespace

// glibc's rcmd(3) writes the leading NUL on its own and the three strings
// after it: a payload of the three strings alone is that request's rest.
bool rlogin_request(Bytes p) {
    const bool whole = !p.empty() && p[0] == 0;
    const auto f = nul_strings<3>(whole ? p.subspan(1) : p);
    if (!f || !login_name((*f)[0]) || !login_name((*f)[1])) return false;
    const string_view terminal = (*f)[2];
    const auto slash = terminal.find('/');
    return slash != string_view::npos && terminal_type(terminal.substr(0, slash)) &&
           line_speed(terminal.substr(slash + 1));
}

// The stderr port is where rshd connects back: a port rcmd(3) took with
// rresvport (512-1023) or an unprivileged one. rcmd(3) without a stderr
// channel sends it empty, but then the request has rlogin's shape, and
// rsh(1) always asks for the channel: only rlogin is named from "\0...".
bool rsh_request(Bytes p) {
    const auto f = nul_strings<4>(p);
    if (!f || !login_name((*f)[1]) || !login_name((*f)[2])) return false;
    const string_view port = (*f)[0], command = (*f)[3];
    if (!port_number(port) || *number(port) < 512) return false;
    return !command.empty() && command.size() <= 4096 && printable(command, true);
}

// Item types: RFC 1436 3.8 (0-9 + T g I) and the ones servers use beyond it
// (i info, h HTML, s sound, d document, p PNG, ; video, c calendar, M MIME, P PDF, : image).
bool gopher_menu(Bytes p) {
    static constexpr string_view kTypes = "0123456789+TgIihsdp;cMP:";
    Lines lines{p, Eol::Crlf, true};
    std::size_t items = 0, links = 0;
    while (auto line = lines.line()) {
        if (*line == ".") return lines.at_end() && items >= 2 && links >= 1;
        if (line->empty() || kTypes.find(line->front()) == string_view::npos || ++items > 4096) return false;
        // display \t selector \t host \t port [\t gopher+ "+" / "?" / "$"]
        string_view rest = line->substr(1);
        std::array<string_view, 5> field{};
        std::size_t n = 0;
        for (; n < field.size() && !rest.empty(); ++n) {
            const auto tab = rest.find('\t');
            field[n] = rest.substr(0, tab);
            rest = tab == string_view::npos ? string_view{} : rest.substr(tab + 1);
            if (tab == string_view::npos) break;
        }
        const bool gopher_plus = n == 4 && (field[4] == "+" || field[4] == "?" || field[4] == "$");
        if ((n != 3 && !gopher_plus) || !rest.empty()) return false;
        const string_view host = field[2], port = field[3];
        const bool info = line->front() == 'i' || line->front() == '3';
        if (!(port == "0" || port_number(port)) || host.find(' ') != string_view::npos) return false;
        if (!info) {
            if (!domain_name(host) || !port_number(port)) return false;
            ++links;
        }
    }
    // A menu cut by the segment's end: two whole items, the rest of text.
    return !lines.bad && items >= 2 && links >= 1;
}

// A selector is opaque to the client (RFC 1436 2), but what servers hand
// out is a path: "/" alone, or path characters with a lower-case letter or
// a dot, not opening with a capital (a file or directory name; "/ATR" is
// an upper-case command one octet away from POP3's CAPA). No TAB (type 7 searches, Gopher+ forms),
// no space (RFC 1288's "/W user" finger switch).
bool gopher_selector(Bytes p) {
    const auto line = crlf_line(p, 512);
    if (!line || !line->starts_with('/')) return false;
    if (*line == "/") return true;
    const bool path = std::all_of(line->begin(), line->end(), [](char c) {
        return is_alnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~' || c == '%' || c == '+';
    });
    const bool named =
        std::any_of(line->begin(), line->end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '.'; });
    // An upper-case first name is a command word behind one flipped octet
    // ("/ERSION 1.6.18" of memcached's VERSION, "/HLO" of EHLO).
    const char first = (*line)[1];
    return path && named && !(first >= 'A' && first <= 'Z');
}

bool syslog_octet_counted(Bytes p) {
    std::size_t at = 0, frames = 0;
    while (at < p.size()) {
        std::size_t digits = at;
        while (digits < p.size() && digits - at < 8 && is_digit(static_cast<char>(p[digits]))) ++digits;
        if (digits == at || digits >= p.size() || p[digits] != ' ') return false;
        const string_view count = as_text(p.subspan(at, digits - at));
        const auto length = number(count, 7);
        if (!is_number(count, 7) || !length || *length < 8 || *length > kMaxSyslogFrame) return false;
        const std::size_t start = digits + 1;
        const std::size_t end = start + static_cast<std::size_t>(*length);
        // The last frame may go on in the next segment: after a whole frame
        // its head need only be text opening with "<"; alone, a syslog message's head.
        const Bytes message = p.subspan(start, std::min(end, p.size()) - start);
        const bool cut = end > p.size();
        const bool cut_ok =
            cut && frames > 0 && !message.empty() && message[0] == '<' && printable(as_text(message), true);
        if (!cut_ok && !syslog_format::message(message)) return false;
        ++frames;
        at = end;
    }
    return frames > 0;
}

bool syslog_lines(Bytes p) {
    Lines lines{p, Eol::Lf, true};
    std::size_t count = 0;
    while (auto line = lines.line()) {
        const auto *begin = reinterpret_cast<const std::uint8_t *>(line->data());
        if (++count > 1024 || !syslog_format::message(Bytes(begin, line->size()))) return false;
    }
    if (lines.bad || count == 0) return false;
    // A line cut by the segment's end starts as one too.
    return lines.at_end() || p[lines.at] == '<';
}

bool nut_command(Bytes p) {
    return nut_lines(p, nut_command_line);
}
bool nut_reply(Bytes p) {
    return nut_lines(p, nut_reply_line);
}

bool ident_request(Bytes p) {
    const auto line = single_line(p, 64);
    return line && port_pair(*line);
}

bool ident_reply(Bytes p) {
    const auto line = single_line(p, 1100);
    if (!line) return false;
    // <port-pair> : <resp-type> : <add-info>
    const auto first = line->find(':');
    if (first == string_view::npos || !port_pair(line->substr(0, first))) return false;
    const string_view after = line->substr(first + 1);
    const auto second = after.find(':');
    if (second == string_view::npos) return false;
    const string_view type = trim_spaces(after.substr(0, second)), info = after.substr(second + 1);
    if (type == "ERROR") {
        const string_view error = trim_spaces(info);
        return error == "INVALID-PORT" || error == "NO-USER" || error == "HIDDEN-USER" || error == "UNKNOWN-ERROR" ||
               (error.starts_with("X") && ident_token(error));
    }
    if (type != "USERID") return false;
    // <opsys-field> [, <charset>] : <user-id> (the user id may hold colons and spaces)
    const auto third = info.find(':');
    if (third == string_view::npos) return false;
    const string_view opsys = trim_spaces(info.substr(0, third));
    const string_view system = trim_spaces(opsys.substr(0, opsys.find(',')));
    const string_view user = trim_spaces(info.substr(third + 1));
    return ident_token(system) && !user.empty() && printable(user, true);
}

// BSD finger's short listing (a query for no user): its header's words,
// "Login Name Tty Idle Login Time" then "Office [Office Phone]" or "Where".
bool finger_short_header(string_view line) {
    static constexpr string_view kWords[] = {"Login", "Name", "Tty", "Idle", "Login", "Time"};
    std::size_t n = 0;
    while (!line.empty()) {
        line = trim_spaces(line);
        const string_view word = line.substr(0, line.find_first_of(" \t"));
        if (word.empty()) break;
        if (n < std::size(kWords) ? word != kWords[n] : !(word == "Office" || word == "Phone" || word == "Where"))
            return false;
        ++n;
        line.remove_prefix(word.size());
    }
    return n >= std::size(kWords);
}

// The long format (finger -l, or a query for a user): the first line
// "Login: <user>  Name: <gecos>", the second "Directory: <home>  Shell:
// <shell>", then lines of text (login times, mail, plan). Or the short
// listing: its header, then a line per session.
// RFC 1288 leaves the reply free-form (CRLF lines); servers each have their
// layout: BSD/netkit's long entry ("Login: x  Name: y" then "Directory: /p
// Shell: /p"), its short table header, and cfingerd's entry ("Username: x
// In real life: y" then "Home directory: /p  Shell: /p", LF lines).
bool finger_entry(string_view first, string_view second, string_view user_key, string_view name_key,
                  string_view home_key) {
    return field_pair(first, user_key, name_key, any_value) &&
           login_name(trim_spaces(first.substr(user_key.size(), first.find(name_key) - user_key.size()))) &&
           field_pair(second, home_key, "Shell:", absolute_path);
}

bool finger_reply(Bytes p) {
    Lines lines{p, Eol::Lf, true};
    const auto first = lines.line();
    const auto second = first ? lines.line() : std::nullopt;
    if (!first || !second) return false;
    const bool long_format = finger_entry(*first, *second, "Login:", "Name:", "Directory:") ||
                             finger_entry(*first, *second, "Username:", "In real life:", "Home directory:");
    if (!long_format && !(finger_short_header(*first) && login_name(word_at(*second, 0)))) return false;
    for (std::size_t count = 2; lines.line(); ++count)
        if (count > 4096) return false;
    return !lines.bad;
}

// The daemon commands alone ("\x02lp\n") are a control octet, a name and
// LF: a two-octet flip of a short line of another protocol makes one. The
// receive-job subcommands carry the job's file name ("cfA" + three digits +
// host, RFC 1179 7.2/7.3): lpr's second payload, after the queue's ack.
bool lpd_command(Bytes p) {
    if (p.size() < 10 || p.size() > 1024 || p.back() != '\n' || (p[0] != 2 && p[0] != 3)) return false;
    const string_view line = as_text(p.subspan(1, p.size() - 2));
    const auto space = line.find(' ');
    return space != string_view::npos && is_number(line.substr(0, space), 10) && lpd_file_name(line.substr(space + 1));
}

bool nntp_greeting(Bytes p) {
    const auto line = crlf_line(p, 512);
    if (!line || line->size() < 5 || !(line->starts_with("200 ") || line->starts_with("201 "))) return false;
    const string_view text = line->substr(4);
    return contains_nocase(text, "NNTP") || contains_nocase(text, "news");
}

bool dict_banner(Bytes p) {
    const auto line = crlf_line(p, 1024);
    if (!line || !line->starts_with("220 ") || !printable(*line)) return false;
    const auto last_space = line->rfind(' ');
    if (last_space <= 4 || !dict_msg_id(line->substr(last_space + 1))) return false;
    const string_view head = line->substr(0, last_space);
    const auto capabilities = head.rfind(' ');
    return capabilities > 4 && dict_capabilities(head.substr(capabilities + 1));
}

// Versions in use: 3.3, 3.7, 3.8 (RFC 6143), 3.889 (Apple), 4.x/5.x
// (RealVNC); the major is 003-005, both numbers three digits.
bool rfb_version(Bytes p) {
    if (p.size() != 12 || !starts_with(p, "RFB ") || p[7] != '.' || p[11] != '\n') return false;
    const string_view major = as_text(p.subspan(4, 3)), minor = as_text(p.subspan(8, 3));
    return (major == "003" || major == "004" || major == "005") && is_digits(minor);
}

// RFC 864's "popular pattern": each line a run of the printing characters
// 0x20-0x7e taken in a circle, the next line starting one further; every
// line as long as the first (72 in the RFC), CR LF. A line cut by the
// segment's end continues the run. Two whole lines at least.
bool chargen_lines(Bytes p) {
    constexpr unsigned kFirst = 0x20, kCycle = 95;
    const auto next = [](std::uint8_t c) { return static_cast<std::uint8_t>(c == 0x7e ? kFirst : c + 1); };
    // A first line is at least 16 octets of the cycle: its first two say so
    // before the payload is searched for a line end.
    if (p.size() < 2 || p[0] < kFirst || p[0] > 0x7e || p[1] != next(p[0])) return false;
    std::size_t at = 0, width = 0, lines = 0;
    std::uint8_t start = 0;
    while (at < p.size()) {
        const auto end = std::find(p.begin() + static_cast<std::ptrdiff_t>(at), p.end(), std::uint8_t{'\r'});
        const std::size_t length = static_cast<std::size_t>(end - p.begin()) - at;
        const bool whole = end != p.end();
        if (length == 0 || length >= kCycle || (lines > 0 && length > width) || (whole && lines > 0 && length != width))
            return false;
        if (p[at] < kFirst || p[at] > 0x7e || (lines > 0 && p[at] != next(start))) return false;
        for (std::size_t i = at + 1; i < at + length; ++i)
            if (p[i] != next(p[i - 1])) return false;
        if (!whole) return lines >= 2;
        if (at + length + 1 >= p.size() || p[at + length + 1] != '\n') return at + length + 1 == p.size() && lines >= 2;
        if (lines == 0) width = length;
        if (width < 16) return false;
        start = p[at];
        ++lines;
        at += length + 2;
    }
    return lines >= 2;
}

bool gdb_remote_packets(Bytes p) {
    std::size_t at = 0;
    bool data = false;
    while (at < p.size()) {
        const std::uint8_t c = p[at];
        if (c == '+' || c == '-' || c == 0x03) {  // acknowledgements; an interrupt (Ctrl-C)
            ++at;
            continue;
        }
        if (c != '$' && c != '%') return false;
        unsigned sum = 0;
        std::size_t i = at + 1;
        for (; i < p.size() && p[i] != '#'; ++i) {
            if (p[i] == '$') return false;  // '$' and '#' travel escaped ('}' then XOR 0x20)
            sum += p[i];
        }
        if (i + 3 > p.size()) return false;
        const string_view digits = as_text(p.subspan(i + 1, 2));
        const auto hex_value = [](char h) { return is_digit(h) ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1; };
        const int high = hex_value(digits[0]), low = hex_value(digits[1]);
        if (high < 0 || low < 0 || static_cast<unsigned>(high * 16 + low) != (sum & 0xff)) return false;
        data = data || i - at - 1 >= 2;
        at = i + 3;
    }
    return data;
}

}  // namespace ghostports::text_rows
