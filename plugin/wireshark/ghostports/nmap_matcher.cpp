// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/nmap_matcher.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <wsutil/report_message.h>

#include "core/ghostports/nmap_prefilter.hpp"
#include "wireshark/compat.hpp"

namespace ghostports {
namespace {

constexpr const char *kDefaultPath = "/usr/share/nmap/nmap-service-probes";

struct RegexFree {
    void operator()(GRegex *regex) const { g_regex_unref(regex); }
};
using Regex = std::unique_ptr<GRegex, RegexFree>;

// Loaded once per path; regexes compiled on first use (about 12,000 lines,
// most never needed).
struct Database {
    std::string path;
    bool loaded = false;
    NmapDatabase db;
    std::vector<Regex> compiled;
    std::vector<bool> tried;  // compile attempted (a failed one stays null)
    // Hard matches by the signature protocol their service maps to, per transport.
    std::map<std::pair<std::string, Transport>, std::vector<std::size_t>> by_protocol;
    bool indexed = false;
    std::optional<NmapPrefilter> prefilter;  // built with the database
    // Each probe's matches indexed for the prefilter, on first use.
    std::vector<std::unique_ptr<NmapPrefilter::Selection>> probe_selections;
    std::map<std::pair<std::string, Transport>, NmapPrefilter::Selection> protocol_selections;
    // The hard matches of each transport's probes by their literal head
    // (literal_head), and, built the first time an answer begins so, the
    // selection of those whose beginning names by itself.
    struct Anchored {
        bool indexed = false;
        std::unordered_map<std::uint32_t, std::vector<std::size_t>> lines_by_head;
        std::unordered_map<std::uint32_t, NmapPrefilter::Selection> selections;
    };
    std::map<Transport, Anchored> anchored;
};

Database &database() {
    static Database instance;
    return instance;
}

const char *g_path = kDefaultPath;
ws_compat::PrefBool g_enabled = TRUE;

const NmapDatabase *load() {
    Database &d = database();
    const char *wanted = g_path != nullptr ? g_path : "";  // asked per payload: no copy
    if (d.loaded && d.path == wanted) return &d.db;
    d = Database{};
    d.path = wanted;
    d.loaded = true;
    gchar *text = nullptr;
    gsize length = 0;
    if (*wanted != '\0' && g_file_get_contents(wanted, &text, &length, nullptr)) {
        d.db = parse_nmap_service_probes(std::string_view(text, length));
        g_free(text);
    }
    d.compiled.resize(d.db.matches.size());
    d.tried.resize(d.db.matches.size());
    d.prefilter.emplace(d.db);
    d.probe_selections.resize(d.db.probes.size());
    return &d.db;
}

const NmapPrefilter::Selection &selection_of(const NmapProbe *probe) {
    Database &d = database();
    auto &slot = d.probe_selections[static_cast<std::size_t>(probe - d.db.probes.data())];
    if (!slot) slot = std::make_unique<NmapPrefilter::Selection>(d.prefilter->select(probe->matches));
    return *slot;
}

GRegex *regex_for(std::size_t index) {
    Database &d = database();
    if (!d.tried[index]) {
        d.tried[index] = true;
        const NmapMatch &m = d.db.matches[index];
        // OPTIMIZE: PCRE2's JIT; a line that is tried is usually tried again
        // (HTTP's, on every response), and the compile cost is paid once.
        auto flags = static_cast<GRegexCompileFlags>(
            G_REGEX_RAW | G_REGEX_OPTIMIZE | (m.caseless ? G_REGEX_CASELESS : 0) | (m.dotall ? G_REGEX_DOTALL : 0));
        d.compiled[index].reset(g_regex_new(m.pattern.data(), flags, static_cast<GRegexMatchFlags>(0), nullptr));
    }
    return d.compiled[index].get();
}

// Groups $1..$9 of a successful match.
std::vector<std::string> groups_of(GMatchInfo *info) {
    std::vector<std::string> groups;
    const gint count = g_match_info_get_match_count(info);
    for (gint n = 1; n < count && n <= 9; ++n) {
        gchar *text = g_match_info_fetch(info, n);
        groups.emplace_back(text != nullptr ? text : "");
        g_free(text);
    }
    return groups;
}

bool matches(std::size_t index, std::span<const std::uint8_t> payload, std::vector<std::string> &groups) {
    GRegex *regex = regex_for(index);
    if (regex == nullptr) return false;
    GMatchInfo *info = nullptr;
    const bool found =
        g_regex_match_full(regex, reinterpret_cast<const gchar *>(payload.data()), static_cast<gssize>(payload.size()),
                           0, static_cast<GRegexMatchFlags>(0), &info, nullptr);
    if (found) groups = groups_of(info);
    g_match_info_free(info);
    return found;
}

}  // namespace

static const std::vector<std::size_t> &matches_of_protocol(const char *protocol, Transport transport) {
    Database &d = database();
    if (!d.indexed) {
        d.indexed = true;
        for (const NmapProbe &probe : d.db.probes)
            for (std::size_t index : probe.matches) {
                const NmapMatch &m = d.db.matches[index];
                const Signature *row = m.soft ? nullptr : signature_for_nmap_service(m.service, probe.transport);
                if (row != nullptr) d.by_protocol[{row->protocol, probe.transport}].push_back(index);
            }
    }
    static const std::vector<std::size_t> none;
    const auto found = d.by_protocol.find({protocol, transport});
    return found != d.by_protocol.end() ? found->second : none;
}

static const NmapPrefilter::Selection &protocol_selection(const char *protocol, Transport transport) {
    Database &d = database();
    const std::pair<std::string, Transport> key{protocol, transport};
    auto found = d.protocol_selections.find(key);
    if (found == d.protocol_selections.end())
        found = d.protocol_selections.emplace(key, d.prefilter->select(matches_of_protocol(protocol, transport))).first;
    return found->second;
}

// The hard matches of every probe of `transport` whose pattern begins with
// a long, varied literal (names_by_its_beginning) that `answer` could
// begin with: such a line says what a server's answer is, whatever the
// question was, without a probe the client sent (e.g. a greeting the server
// sent after the client spoke). Indexed by their first four octets, and
// analysed for the prefilter only when an answer begins like them: most
// answers (random ones) begin like none, and the start-up cost no longer
// includes analysing 11,000 lines.
static const NmapPrefilter::Selection *anchored_selection(Transport transport, std::span<const std::uint8_t> answer) {
    Database &d = database();
    Database::Anchored &anchored = d.anchored[transport];
    if (!anchored.indexed) {
        anchored.indexed = true;
        for (const NmapProbe &probe : d.db.probes)
            if (probe.transport == transport)
                for (std::size_t index : probe.matches)
                    if (const auto head = literal_head(d.db.matches[index].pattern); head && !d.db.matches[index].soft)
                        anchored.lines_by_head[*head].push_back(index);
        for (auto &[head, lines] : anchored.lines_by_head) {
            std::sort(lines.begin(), lines.end());
            lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
        }
    }
    const auto head = folded_head(answer);
    if (!head) return nullptr;
    if (const auto built = anchored.selections.find(*head); built != anchored.selections.end()) return &built->second;
    const auto lines = anchored.lines_by_head.find(*head);
    if (lines == anchored.lines_by_head.end()) return nullptr;
    std::vector<std::size_t> naming;
    for (const std::size_t index : lines->second)
        if (d.prefilter->names_by_its_beginning(index)) naming.push_back(index);
    return &anchored.selections.emplace(*head, d.prefilter->select(naming)).first->second;
}

static const NmapProbe *probe_of(std::size_t match_index) {
    for (const NmapProbe &probe : database().db.probes)
        for (std::size_t index : probe.matches)
            if (index == match_index) return &probe;
    return nullptr;
}

NmapSent nmap_probes_sent(Transport transport, std::span<const std::uint8_t> client_payload) {
    NmapSent sent{};
    if (!g_enabled || client_payload.empty()) return sent;
    for (std::size_t index : probes_sent(*load(), transport, client_payload)) {
        if (sent.count == NmapSent::kMost) break;
        sent.probes[sent.count++] = static_cast<std::uint16_t>(index);
    }
    return sent;
}

NmapVerdict nmap_identify(Transport transport, const NmapSent &sent, std::span<const std::uint8_t> server_payload,
                          bool banner, const char *known_protocol) {
    NmapVerdict verdict;
    if (!g_enabled || server_payload.empty()) return verdict;
    const NmapDatabase *db = load();
    NmapPrefilter &prefilter = *database().prefilter;
    // nmap reads a bounded answer too; past this, a pattern's cost would grow with the payload.
    server_payload = server_payload.first(std::min(server_payload.size(), kSubjectLimit));
    NmapPrefilter::Subject subject(server_payload);  // scanned once for every probe's lines
    NmapVerdict soft;
    const std::vector<std::size_t> asked(sent.probes, sent.probes + sent.count);
    for (const NmapProbe *probe : probes_to_judge(*db, transport, asked, banner)) {
        for (std::size_t index : prefilter.candidates(selection_of(probe), subject)) {
            const NmapMatch &match = db->matches[index];
            if (match.soft && soft.match != nullptr) continue;
            std::vector<std::string> groups;
            if (!matches(index, server_payload, groups)) continue;
            NmapVerdict &into = match.soft ? soft : verdict;
            into.match = &match;
            into.probe = probe;
            into.product = expand_template(match.product, groups);
            into.version = expand_template(match.version, groups);
            if (!match.soft) return verdict;
        }
    }
    // Unnamed: every probe's lines with a long literal beginning; named: the
    // named protocol's lines of every probe, for a product read out of these
    // octets (another probe's constant product would not be evidence).
    const bool unnamed = known_protocol == nullptr;
    const NmapPrefilter::Selection *lines = nullptr;
    if (soft.match == nullptr)
        lines =
            unnamed ? anchored_selection(transport, server_payload) : &protocol_selection(known_protocol, transport);
    if (lines == nullptr) return soft;
    for (std::size_t index : prefilter.candidates(*lines, subject)) {
        const NmapMatch &match = db->matches[index];
        if (!unnamed && !reads_product_from_payload(match)) continue;
        std::vector<std::string> groups;
        if (!matches(index, server_payload, groups)) continue;
        verdict.match = &match;
        verdict.probe = probe_of(index);
        verdict.product = expand_template(match.product, groups);
        verdict.version = expand_template(match.version, groups);
        verdict.anchored = unnamed;
        verdict.by_known_protocol = !unnamed;
        return verdict;
    }
    return soft;
}

void check_nmap_preferences() {
    // The default file is optional (Debian's nmap-common); a file the user
    // named must exist, or products would silently disappear.
    static std::string reported;
    const std::string path = g_path != nullptr ? g_path : "";
    if (!g_enabled || path.empty() || path == kDefaultPath || path == reported) return;
    if (g_file_test(path.c_str(), G_FILE_TEST_IS_REGULAR) && g_access(path.c_str(), R_OK) == 0) return;
    reported = path;
    report_warning(
        "ghostid.nmap_service_probes: cannot read \"%s\"; products and versions from nmap's "
        "fingerprints are off until it names a readable nmap-service-probes file",
        path.c_str());
}

void register_nmap_preferences(module_t *module) {
    prefs_register_bool_preference(module, "nmap", "Name products with nmap's service fingerprints",
                                   "Match servers' banners and answers on the ghost ports against nmap-service-probes "
                                   "(passively: only the NULL probe and probes the client really sent)",
                                   &g_enabled);
    prefs_register_filename_preference(module, "nmap_service_probes", "nmap-service-probes file",
                                       "nmap's service fingerprint database (Debian package nmap-common); without "
                                       "it, only the plugin's own signatures name services",
                                       &g_path, FALSE);
}

}  // namespace ghostports
