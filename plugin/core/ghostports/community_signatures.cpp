// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/community_signatures.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/ghostports/json_value.hpp"
#include "core/ghostports/text_grammar.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::text_rows {
namespace {

using namespace ghostports::text;

// A payload holds at most this many lines or messages; more is not read.
constexpr std::size_t kMaxLines = 64;

// --- LysKOM -----------------------------------------------------------------------------------

// A request "<ref> <call>[ <arguments>]": two numbers first.
bool lyskom_request(string_view line, std::size_t) {
    return is_number(word_at(line, 0), 9) && is_number(word_at(line, 1), 4);
}

// A reply "=<ref>...", an error "%<ref> ...", an asynchronous message ":<count> <number> ...".
bool lyskom_reply(string_view line, std::size_t) {
    if (line.size() < 2 || (line[0] != '=' && line[0] != '%' && line[0] != ':')) return false;
    return is_digits(word_at(line.substr(1), 0));
}

}  // namespace

bool lyskom_client(Payload p) {
    const string_view s = as_text(p);
    if (s.size() < 4 || s[0] != 'A') return false;
    const auto h = s.find('H');
    if (h == string_view::npos || h < 2 || h > 5) return false;
    const auto length = number(s.substr(1, h - 1), 4);
    if (!length || *length == 0 || h + 1 + *length >= s.size() || s[h + 1 + *length] != '\n') return false;
    const auto user = p.subspan(h + 1, *length);
    if (!std::all_of(user.begin(), user.end(), [](std::uint8_t c) { return text_octet(c, true); })) return false;
    const auto rest = p.subspan(h + 2 + *length);
    return rest.empty() || whole_lines(rest, Eol::Lf, kMaxLines, lyskom_request, true);
}

bool lyskom_server(Payload p) {
    if (!starts_with(p, "LysKOM\n")) return false;
    const auto rest = p.subspan(7);
    return rest.empty() || whole_lines(rest, Eol::Lf, kMaxLines, lyskom_reply, true);
}

bool poolcounter_commands(Payload p) {
    bool acquire = false;
    const bool lines = whole_lines(p, Eol::Lf, kMaxLines, [&acquire](string_view line, std::size_t) {
        const string_view verb = word_at(line, 0);
        const std::size_t words = count_char(line, ' ') + 1;
        if (verb == "RELEASE") return words <= 2;
        if (verb != "ACQ4ME" && verb != "ACQ4ANY") return false;
        acquire = true;
        return words == 5 && !word_at(line, 1).empty() && is_number(word_at(line, 2), 9) &&
               is_number(word_at(line, 3), 9) && is_number(word_at(line, 4), 9);
    });
    return lines && acquire;
}

bool sysrqd_prompt(Payload p) {
    return as_text(p) == "sysrqd password: ";
}

bool poppassd_greeting(Payload p) {
    Lines lines{p, p.size() >= 2 && p[p.size() - 2] == '\r' ? Eol::Crlf : Eol::Lf};
    const auto line = lines.line();
    if (!line || !lines.at_end() || line->size() > 200) return false;
    constexpr string_view kGreeting = "200 poppassd";
    return line->starts_with(kGreeting) && (line->size() == kGreeting.size() || (*line)[kGreeting.size()] == ' ');
}

namespace {

// A reading: kana (hiragana, katakana, the long vowel mark; in EUC-JP or UTF-8), then for a reading with
// okurigana one lower-case letter.
bool skk_reading(Payload reading) {
    if (reading.size() > 256) return false;
    std::size_t at = 0, kana = 0;
    while (at < reading.size()) {
        const std::uint8_t c = reading[at];
        const std::size_t left = reading.size() - at;
        if ((c == 0xa4 || c == 0xa5) && left >= 2 && reading[at + 1] >= 0xa1 && reading[at + 1] <= 0xf6) {
            at += 2;  // EUC-JP hiragana / katakana
        } else if (c == 0xa1 && left >= 2 && reading[at + 1] == 0xbc) {
            at += 2;  // EUC-JP long vowel mark
        } else if (c == 0xe3 && left >= 3 && reading[at + 1] >= 0x81 && reading[at + 1] <= 0x83 &&
                   reading[at + 2] >= 0x80 && reading[at + 2] <= 0xbf) {
            at += 3;  // UTF-8 U+3040-U+30FF
        } else {
            break;
        }
        ++kana;
    }
    if (kana == 0) return false;
    return at == reading.size() || (at + 1 == reading.size() && reading[at] >= 'a' && reading[at] <= 'z');
}

}  // namespace

bool skk_request(Payload p) {
    if (p.size() < 3 || p[0] != '1') return false;
    std::size_t end = p.size();
    if (p[end - 1] == '\n') --end;
    if (p[end - 1] != ' ') return false;
    return skk_reading(p.subspan(1, end - 2));
}

bool skk_answer(Payload p) {
    if (p.size() < 5 || !starts_with(p, "1/") || p[p.size() - 1] != '\n' || p[p.size() - 2] != '/') return false;
    std::size_t candidate = 2, count = 0;
    for (std::size_t i = 2; i + 1 < p.size(); ++i) {
        const std::uint8_t c = p[i];
        if (c == '/') {
            if (i == candidate) return false;  // an empty candidate
            candidate = i + 1;
            ++count;
        } else if (!text_octet(c, true) || c == '\t') {
            return false;
        }
    }
    return count > 0 && count <= 1024;
}

bool syncplay_messages(Payload p) {
    static constexpr string_view kCommands[] = {"Hello", "Set", "State", "List", "Chat", "Error", "TLS"};
    return whole_lines(
        p, Eol::Crlf, kMaxLines,
        [](string_view line, std::size_t index) {
            json::Object object;
            std::size_t at = 0;
            if (!json::read_object(line, at, object) || at != line.size() || object.count == 0) return false;
            for (std::size_t i = 0; i < object.count; ++i)
                if (!listed(kCommands, object.members[i].name)) return false;
            if (index > 0) return true;
            const json::Member *hello = object.find("Hello"), *tls = object.find("TLS");
            if (tls) return tls->kind == json::Kind::Object;
            if (!hello || hello->kind != json::Kind::Object || !line.starts_with("{\"Hello\"")) return false;
            std::size_t inner = json::skip_space(line, 8);
            if (inner >= line.size() || line[inner] != ':') return false;
            inner = json::skip_space(line, inner + 1);
            json::Object fields;
            fields.keep_first_only = true;
            if (!json::read_object(line, inner, fields)) return false;
            const json::Member *user = fields.find("username"), *version = fields.find("version");
            return user && user->kind == json::Kind::String && version && version->kind == json::Kind::String;
        },
        true);
}

namespace {

// --- INDI -------------------------------------------------------------------------------------

// The attributes of an element's start tag from `at` (after its name) to its end ('>' or "/>"), each
// name="value" or name='value'; `find` gets each. Returns where the tag ends, or npos.
template <class Found>
std::size_t xml_attributes(string_view s, std::size_t at, Found found) {
    for (std::size_t count = 0; count < 32; ++count) {
        const std::size_t begin = at;
        while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\t' || s[at] == '\r')) ++at;
        if (at < s.size() && s[at] == '>') return at + 1;
        if (s.substr(at, 2) == "/>") return at + 2;
        if (at == begin) return string_view::npos;  // attributes are separated by white space
        const std::size_t name = at;
        while (at < s.size() && (is_alnum(s[at]) || s[at] == '_' || s[at] == '-' || s[at] == ':')) ++at;
        if (at == name || at + 2 > s.size() || s[at] != '=' || (s[at + 1] != '"' && s[at + 1] != '\'')) break;
        const char quote = s[at + 1];
        const std::size_t value = at + 2, close = s.find(quote, value);
        if (close == string_view::npos || s.substr(value, close - value).find_first_of("<\n") != string_view::npos)
            break;
        found(s.substr(name, at - name), s.substr(value, close - value));
        at = close + 1;
    }
    return string_view::npos;
}

}  // namespace

bool indi_elements(Payload p) {
    static constexpr string_view kVectors[] = {
        "defTextVector", "defNumberVector", "defSwitchVector", "defLightVector", "defBLOBVector",
        "setTextVector", "setNumberVector", "setSwitchVector", "setLightVector", "setBLOBVector",
        "newTextVector", "newNumberVector", "newSwitchVector", "newBLOBVector"};
    static constexpr string_view kDeviceElements[] = {"message", "delProperty", "enableBLOB"};
    const string_view s = as_text(p);
    if (s.size() < 16 || s[0] != '<' || !framed::no_controls(p, true)) return false;
    std::size_t name_end = 1;
    while (name_end < s.size() && is_alpha(s[name_end])) ++name_end;
    const string_view element = s.substr(1, name_end - 1);
    bool device = false, name = false, version = false;
    const std::size_t end = xml_attributes(s, name_end, [&](string_view attribute, string_view value) {
        if (attribute == "device") device = !value.empty();
        if (attribute == "name") name = !value.empty();
        if (attribute == "version")
            version = value.size() >= 3 && value.starts_with("1.") && is_digits(value.substr(2));
    });
    if (end == string_view::npos) return false;
    if (element == "getProperties") return version;
    if (listed(kVectors, element)) return device && name;
    return listed(kDeviceElements, element) && device;
}

bool boinc_gui_rpc(Payload p) {
    const string_view s = as_text(p);
    for (const string_view root : {string_view("boinc_gui_rpc_request"), string_view("boinc_gui_rpc_reply")}) {
        if (s.size() < 2 * root.size() + 6 || s[0] != '<' || s.substr(1, root.size()) != root ||
            s[root.size() + 1] != '>')
            continue;
        string_view body = s.substr(0, s.size() - 1);
        if (s.back() != '\x03') return false;
        if (body.ends_with('\n')) body.remove_suffix(1);
        const string_view close = body.substr(body.size() - root.size() - 3);
        return close.starts_with("</") && close.substr(2, root.size()) == root && close.ends_with('>') &&
               framed::no_controls(p.first(p.size() - 1), true);
    }
    return false;
}

bool pioneers_meta_greeting(Payload p) {
    constexpr string_view kGreeting = "welcome to the pioneers-meta-server version ";
    const string_view s = as_text(p);
    if (!s.starts_with(kGreeting) || !s.ends_with('\n')) return false;
    const string_view version = s.substr(kGreeting.size(), s.size() - kGreeting.size() - 1);
    const auto dot = version.find('.');
    return dot != string_view::npos && is_number(version.substr(0, dot), 3) && is_digits(version.substr(dot + 1)) &&
           version.size() <= 8;
}

}  // namespace ghostports::text_rows
