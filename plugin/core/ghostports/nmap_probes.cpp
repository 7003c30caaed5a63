// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/nmap_probes.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>
#include <utility>

#include "core/ghostports/text_grammar.hpp"

namespace ghostports {
namespace {

using text::hex_value;

// nmap's C-style escapes in a probe string.
std::string unescape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        switch (c) {
            case '0': out += '\0'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case 'x':
                if (i + 2 < text.size() + 0 && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
                    out += static_cast<char>(hex_value(text[i + 1]) << 4 | hex_value(text[i + 2]));
                    i += 2;
                } else {
                    out += 'x';
                }
                break;
            default: out += c; break;
        }
    }
    return out;
}

// Reads "<delim>content<delim>" at `at`; false when unterminated.
bool delimited(std::string_view line, std::size_t &at, std::string_view &content) {
    if (at >= line.size()) return false;
    const char delimiter = line[at];
    const auto end = line.find(delimiter, at + 1);
    if (end == std::string_view::npos) return false;
    content = line.substr(at + 1, end - at - 1);
    at = end + 1;
    return true;
}

std::string_view next_word(std::string_view line, std::size_t &at) {
    while (at < line.size() && line[at] == ' ') ++at;
    const auto start = at;
    while (at < line.size() && line[at] != ' ') ++at;
    return line.substr(start, at - start);
}

// "match <service> m|regex|flags p/product/ v/version/ i/info/ ..."
bool parse_match(std::string_view line, bool soft, std::size_t number, NmapMatch &match) {
    std::size_t at = soft ? 9 : 5;
    match.service = next_word(line, at);
    while (at < line.size() && line[at] == ' ') ++at;
    if (match.service.empty() || at >= line.size() || line[at] != 'm') return false;
    ++at;
    std::string_view pattern;
    if (!delimited(line, at, pattern)) return false;
    match.pattern = pattern;
    while (at < line.size() && line[at] != ' ') {
        match.caseless |= line[at] == 'i';
        match.dotall |= line[at] == 's';
        ++at;
    }
    match.soft = soft;
    match.line = number;
    while (at < line.size()) {
        while (at < line.size() && line[at] == ' ') ++at;
        if (at >= line.size()) break;
        std::string_view field;
        if (line.substr(at, 4) == "cpe:") {
            at += 4;
            if (!delimited(line, at, field)) return false;
        } else {
            const char letter = line[at++];
            if (!delimited(line, at, field)) return false;
            if (letter == 'p') match.product = field;
            if (letter == 'v') match.version = field;
            if (letter == 'i') match.info = field;
        }
        while (at < line.size() && line[at] != ' ') ++at;  // trailing flags ("a" after cpe)
    }
    return true;
}

// "Probe TCP GetRequest q|GET / HTTP/1.0\r\n\r\n|"
bool parse_probe(std::string_view line, std::size_t number, NmapProbe &probe) {
    std::size_t at = 6;
    const auto transport = next_word(line, at);
    probe.name = std::string(next_word(line, at));
    while (at < line.size() && line[at] == ' ') ++at;
    if ((transport != "TCP" && transport != "UDP") || probe.name.empty() || at >= line.size() || line[at] != 'q')
        return false;
    ++at;
    std::string_view payload;
    if (!delimited(line, at, payload)) return false;
    probe.transport = transport == "TCP" ? Transport::Tcp : Transport::Udp;
    probe.payload = unescape(payload);
    probe.line = number;
    return true;
}

bool is_text(std::string_view payload) {
    return !payload.empty() && std::all_of(payload.begin(), payload.end(),
                                           [](char c) { return c == '\r' || c == '\n' || (c >= 0x20 && c < 0x7f); });
}

std::string_view first_word(std::string_view text) {
    const auto end = text.find_first_of(" \r\n");
    return text.substr(0, end);
}

bool client_sent(const NmapProbe &probe, std::span<const std::uint8_t> client) {
    const std::string_view sent{reinterpret_cast<const char *>(client.data()), client.size()};
    // Either form needs the same first octet: most probes end here.
    if (probe.payload.empty() || sent.empty() || sent[0] != probe.payload[0]) return false;
    if (!probe.text) return sent == probe.payload;
    const std::string_view word = std::string_view(probe.payload).substr(0, probe.first_word_length);
    return word.size() >= 3 && sent.size() > word.size() && sent.starts_with(word) &&
           (sent[word.size()] == ' ' || sent[word.size()] == '\r' || sent[word.size()] == '\n');
}

// The matches' views point into the parsed text; copy what they see into
// one store of NUL-terminated texts the database owns.
void own_texts(NmapDatabase &db) {
    std::size_t size = 0;
    for (const NmapMatch &m : db.matches)
        for (const std::string_view *text : {&m.service, &m.pattern, &m.product, &m.version, &m.info})
            size += text->size() + 1;
    db.texts = std::make_unique<char[]>(size);
    char *at = db.texts.get();
    for (NmapMatch &m : db.matches)
        for (std::string_view *text : {&m.service, &m.pattern, &m.product, &m.version, &m.info}) {
            std::copy(text->begin(), text->end(), at);
            at[text->size()] = '\0';
            *text = std::string_view(at, text->size());
            at += text->size() + 1;
        }
}

}  // namespace

const NmapProbe *NmapDatabase::probe(std::string_view name, Transport transport) const {
    for (const NmapProbe &p : probes)
        if (p.name == name && p.transport == transport) return &p;
    return nullptr;
}

NmapDatabase parse_nmap_service_probes(std::string_view text) {
    NmapDatabase db;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.starts_with("Probe ")) {
            NmapProbe probe;
            if (parse_probe(line, number, probe))
                db.probes.push_back(std::move(probe));
            else
                ++db.skipped_lines;
        } else if (line.starts_with("match ") || line.starts_with("softmatch ")) {
            NmapMatch match;
            if (!db.probes.empty() && parse_match(line, line.starts_with("softmatch "), number, match)) {
                db.probes.back().matches.push_back(db.matches.size());
                db.matches.push_back(std::move(match));
            } else {
                ++db.skipped_lines;
            }
        } else if (line.starts_with("fallback ") && !db.probes.empty()) {
            std::string_view names = line.substr(9);
            while (!names.empty()) {
                const auto comma = names.find(',');
                const auto name = names.substr(0, comma);
                if (!name.empty()) db.probes.back().fallbacks.emplace_back(name);
                names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
            }
        }
    }
    own_texts(db);
    for (std::size_t i = 0; i < db.probes.size() && i <= UINT16_MAX; ++i) {
        NmapProbe &probe = db.probes[i];
        probe.text = is_text(probe.payload);
        probe.first_word_length = first_word(probe.payload).size();
        if (!probe.payload.empty())
            db.probes_by_first_octet[probe.transport == Transport::Udp][static_cast<unsigned char>(probe.payload[0])]
                .push_back(static_cast<std::uint16_t>(i));
    }
    return db;
}

std::vector<std::size_t> probes_sent(const NmapDatabase &db, Transport transport,
                                     std::span<const std::uint8_t> client_payload) {
    std::vector<std::size_t> sent;
    if (client_payload.empty()) return sent;
    for (const std::uint16_t i : db.probes_by_first_octet[transport == Transport::Udp][client_payload[0]])
        if (client_sent(db.probes[i], client_payload)) sent.push_back(i);
    return sent;
}

std::vector<const NmapProbe *> probes_to_judge(const NmapDatabase &db, Transport transport,
                                               std::span<const std::size_t> sent, bool banner) {
    std::vector<const NmapProbe *> chosen;
    auto add = [&chosen](const NmapProbe *probe) {
        if (probe != nullptr && std::find(chosen.begin(), chosen.end(), probe) == chosen.end()) chosen.push_back(probe);
    };
    for (std::size_t index : sent) {
        if (index >= db.probes.size()) continue;
        const NmapProbe &probe = db.probes[index];
        add(&probe);
        for (const std::string &fallback : probe.fallbacks) add(db.probe(fallback, transport));
    }
    if (banner && transport == Transport::Tcp) add(db.probe("NULL", Transport::Tcp));
    return chosen;
}

std::vector<const NmapProbe *> probes_for_exchange(const NmapDatabase &db, Transport transport,
                                                   std::span<const std::uint8_t> client_payload, bool banner) {
    return probes_to_judge(db, transport, probes_sent(db, transport, client_payload), banner);
}

bool reads_product_from_payload(const NmapMatch &match) {
    return match.product.find('$') != std::string::npos || match.version.find('$') != std::string::npos;
}

std::string expand_template(std::string_view templ, std::span<const std::string> groups) {
    auto group = [&groups](char digit) -> std::string {
        const std::size_t n = static_cast<std::size_t>(digit - '0');
        return n >= 1 && n <= groups.size() ? groups[n - 1] : std::string{};
    };
    std::string out;
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '$' && i + 1 < templ.size() && std::isdigit(static_cast<unsigned char>(templ[i + 1]))) {
            out += group(templ[++i]);
            continue;
        }
        // $P(n), $SUBST(n,"a","b"), $I(n,">"): the group, printable characters only.
        const auto open = templ.find('(', i);
        if (templ[i] == '$' && open != std::string_view::npos && open - i <= 6 && open + 1 < templ.size() &&
            std::isdigit(static_cast<unsigned char>(templ[open + 1]))) {
            const auto close = templ.find(')', open);
            if (close != std::string_view::npos) {
                for (char c : group(templ[open + 1]))
                    if (c >= 0x20 && c < 0x7f) out += c;
                i = close;
                continue;
            }
        }
        out += templ[i];
    }
    const auto first = out.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}

std::size_t pcre_quantifier_end(std::string_view pattern, std::size_t i, bool &optional) {
    optional = false;
    if (i >= pattern.size()) return i;
    const char c = pattern[i];
    if (c == '?' || c == '*') {
        optional = true;
        ++i;
    } else if (c == '+') {
        ++i;
    } else if (c == '{') {
        const auto close = pattern.find('}', i);
        if (close == std::string_view::npos) return i;
        const std::string_view inside = pattern.substr(i + 1, close - i - 1);
        if (inside.empty() || inside.find_first_not_of("0123456789, ") != std::string_view::npos ||
            inside.find_first_of("0123456789") == std::string_view::npos)
            return i;  // a literal "{"
        const bool plain = std::isdigit(static_cast<unsigned char>(inside[0])) &&
                           inside.find(' ') == std::string_view::npos && inside.find(',') == inside.rfind(',');
        // The least count is zero when every digit before the comma is.
        const std::string_view least = inside.substr(0, inside.find(','));
        optional = !plain || least.find_first_not_of('0') == std::string_view::npos;
        i = close + 1;
    } else {
        return i;
    }
    if (i < pattern.size() && (pattern[i] == '?' || pattern[i] == '+')) ++i;  // lazy / possessive
    return i;
}

bool pcre_has_top_level_alternative(std::string_view pattern) {
    // Most patterns have no '|' at all: found without the walk below.
    if (pattern.find('|') == std::string_view::npos) return false;
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]": the ] is literal
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            return true;
        }
    }
    return false;
}

std::optional<std::pair<char, std::size_t>> pcre_escaped_octet(std::string_view pattern, std::size_t i) {
    if (i + 1 >= pattern.size()) return std::nullopt;
    const char c = pattern[i + 1];
    switch (c) {
        case 'r': return std::pair{'\r', 2};
        case 'n': return std::pair{'\n', 2};
        case 't': return std::pair{'\t', 2};
        case 'f': return std::pair{'\f', 2};
        case 'e': return std::pair{'\x1b', 2};
        case 'a': return std::pair{'\a', 2};
        case '0': {
            // \0 and up to two more octal digits.
            std::size_t length = 2;
            int value = 0;
            while (length < 4 && i + length < pattern.size() && pattern[i + length] >= '0' &&
                   pattern[i + length] <= '7')
                value = value * 8 + (pattern[i + length++] - '0');
            return std::pair{static_cast<char>(value), length};
        }
        case 'x':
            if (i + 3 < pattern.size() && hex_value(pattern[i + 2]) >= 0 && hex_value(pattern[i + 3]) >= 0)
                return std::pair{static_cast<char>(hex_value(pattern[i + 2]) << 4 | hex_value(pattern[i + 3])), 4};
            return std::nullopt;
        default:
            if (std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
            return std::pair{c, 2};  // escaped punctuation stands for itself
    }
}

namespace {

// literal_prefix's run, at most `most` octets, without the check for a
// top-level alternative.
std::string literal_run(std::string_view pattern, std::size_t most) {
    if (!pattern.starts_with('^')) return {};
    std::string prefix;
    std::size_t i = 1;
    while (i < pattern.size() && prefix.size() < most) {
        char octet = pattern[i];
        std::size_t length = 1;
        if (octet == '\\') {
            const auto escaped = pcre_escaped_octet(pattern, i);
            if (!escaped) break;
            std::tie(octet, length) = *escaped;
        } else if (std::string_view(".[]()|*+?{}^$").find(octet) != std::string_view::npos) {
            break;
        }
        const char next = i + length < pattern.size() ? pattern[i + length] : '\0';
        if (next == '?' || next == '*' || next == '{') break;  // this octet may be absent
        prefix += octet;
        i += length;
        if (next == '+') break;  // present, but what follows may repeat it
    }
    return prefix;
}

}  // namespace

std::string literal_prefix(std::string_view pattern) {
    if (pcre_has_top_level_alternative(pattern)) return {};
    return literal_run(pattern, std::string::npos);
}

std::optional<std::uint32_t> literal_head(std::string_view pattern) {
    const std::string head = literal_run(pattern, 4);
    if (head.size() < 4) return std::nullopt;
    return folded_head(std::span(reinterpret_cast<const std::uint8_t *>(head.data()), head.size()));
}

std::optional<std::uint32_t> folded_head(std::span<const std::uint8_t> octets) {
    if (octets.size() < 4) return std::nullopt;
    std::uint32_t head = 0;
    for (std::size_t i = 0; i < 4; ++i) head = head << 8 | static_cast<std::uint8_t>(std::tolower(octets[i]));
    return head;
}

bool begins_with_prefix(std::span<const std::uint8_t> subject, std::string_view prefix, bool caseless) {
    if (subject.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const auto a = static_cast<unsigned char>(prefix[i]);
        const unsigned char b = subject[i];
        if (a != b && (!caseless || std::tolower(a) != std::tolower(b))) return false;
    }
    return true;
}

}  // namespace ghostports
