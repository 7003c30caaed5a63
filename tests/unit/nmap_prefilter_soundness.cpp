// SPDX-License-Identifier: GPL-2.0-or-later
// The prefilter may only skip a line its regular expression cannot match.
// This runs every line of nmap-service-probes, compiled as the plugin
// compiles it (GRegex, nmap_matcher.cpp), over every payload given on stdin
// (hex, one per line; tests/dissection/test_nmap_prefilter_soundness.py
// feeds it every payload of the project's captures) and reports a line the
// expression matched but the prefilter dropped. Prints
// "<payloads> payloads, <matches> matches, <missed> missed"; exit 1 if any.
#include <glib.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/ghostports/nmap_prefilter.hpp"

using namespace ghostports;

namespace {

struct RegexFree {
    void operator()(GRegex *regex) const { g_regex_unref(regex); }
};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Empty for a line that is not hex.
std::vector<std::uint8_t> from_hex(const std::string &hex) {
    std::vector<std::uint8_t> octets;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
        const int high = hex_digit(hex[i]), low = hex_digit(hex[i + 1]);
        if (high < 0 || low < 0) return {};
        octets.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return octets;
}

}  // namespace

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/usr/share/nmap/nmap-service-probes";
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string database_text = text.str();
    const NmapDatabase db = parse_nmap_service_probes(database_text);
    NmapPrefilter filter(db);
    std::vector<std::size_t> every(db.matches.size());
    for (std::size_t i = 0; i < every.size(); ++i) every[i] = i;
    const NmapPrefilter::Selection selection = filter.select(every);
    std::vector<std::unique_ptr<GRegex, RegexFree>> regexes;
    for (const NmapMatch &m : db.matches) {
        const std::string pattern(m.pattern);
        const auto flags = static_cast<GRegexCompileFlags>(
            G_REGEX_RAW | G_REGEX_OPTIMIZE | (m.caseless ? G_REGEX_CASELESS : 0) | (m.dotall ? G_REGEX_DOTALL : 0));
        regexes.emplace_back(g_regex_new(pattern.c_str(), flags, static_cast<GRegexMatchFlags>(0), nullptr));
    }
    std::size_t payloads = 0, matches = 0, missed = 0;
    for (std::string line; std::getline(std::cin, line); ++payloads) {
        std::vector<std::uint8_t> subject = from_hex(line);
        if (subject.size() > 2048) subject.resize(2048);  // the matcher's kSubjectLimit
        std::vector<bool> kept(db.matches.size());
        for (const std::size_t m : filter.candidates(selection, subject)) kept[m] = true;
        for (std::size_t m = 0; m < db.matches.size(); ++m) {
            if (!regexes[m] || !g_regex_match_full(regexes[m].get(), reinterpret_cast<const gchar *>(subject.data()),
                                                   static_cast<gssize>(subject.size()), 0,
                                                   static_cast<GRegexMatchFlags>(0), nullptr, nullptr))
                continue;
            ++matches;
            if (kept[m]) continue;
            ++missed;
            std::cout << "missed: line " << db.matches[m].line << " on payload " << payloads << "\n";
        }
    }
    std::cout << payloads << " payloads, " << matches << " matches, " << missed << " missed\n";
    return missed == 0 ? 0 : 1;
}
