// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the nmap-service-probes reader. The input is cut at
// NUL octets: the first part is the database text (the real file has none),
// the second a client payload, the rest capture groups. Checks:
// - parse_nmap_service_probes: every match belongs to exactly one probe, its
//   texts are NUL-terminated views into the database's own store whose
//   contents occur in the input, line numbers exist; probe lookup by name
//   finds a probe of that name and transport;
// - probes_for_exchange (both transports, with and without a banner): only
//   the database's probes, of the asked transport, each once, NULL last
//   when a banner was asked for on TCP and the database has one;
// - expand_template over every match's templates and over the payload used
//   as a template: no leading or trailing blanks, no more text than the
//   template and the groups hold; a template without '$' comes back trimmed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/ghostports/nmap_probes.hpp"
#include "harness.hpp"

namespace {

using ghostports::NmapDatabase;
using ghostports::Transport;

void check_database(const NmapDatabase &db, std::string_view text) {
    const std::size_t lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    std::vector<unsigned> owners(db.matches.size(), 0);
    for (std::size_t p = 0; p < db.probes.size(); ++p) {
        const auto &probe = db.probes[p];
        FUZZ_CHECK(!probe.name.empty() && probe.line >= 1 && probe.line <= lines, p, probe.line, lines);
        FUZZ_CHECK(probe.transport == Transport::Tcp || probe.transport == Transport::Udp, p);
        FUZZ_CHECK(probe.payload.size() <= text.size(), p);
        for (const std::size_t m : probe.matches) {
            FUZZ_CHECK(m < db.matches.size(), m, db.matches.size());
            ++owners[m];
        }
        const auto *found = db.probe(probe.name, probe.transport);
        FUZZ_CHECK(found != nullptr && found->name == probe.name && found->transport == probe.transport, p);
    }
    // One store: its size is the texts plus one NUL each.
    std::size_t store = 0;
    for (const auto &m : db.matches)
        for (const std::string_view t : {m.service, m.pattern, m.product, m.version, m.info}) store += t.size() + 1;
    const std::string_view texts(db.texts.get(), store);
    for (std::size_t i = 0; i < db.matches.size(); ++i) {
        const auto &m = db.matches[i];
        FUZZ_CHECK(owners[i] == 1, i, owners[i]);
        FUZZ_CHECK(m.line >= 1 && m.line <= lines, i, m.line, lines);
        FUZZ_CHECK(!m.service.empty(), i);
        for (const std::string_view t : {m.service, m.pattern, m.product, m.version, m.info}) {
            FUZZ_CHECK(t.data() != nullptr && fuzz::inside(std::string_view(t.data(), t.size() + 1), texts), i);
            FUZZ_CHECK(t.data()[t.size()] == '\0', i);
            FUZZ_CHECK(text.find(t) != std::string_view::npos, i, t.size());
        }
        (void)ghostports::reads_product_from_payload(m);
    }
}

void check_exchange(const NmapDatabase &db, fuzz::Bytes client) {
    for (const Transport transport : {Transport::Tcp, Transport::Udp}) {
        for (const bool banner : {false, true}) {
            const auto chosen = ghostports::probes_for_exchange(db, transport, client, banner);
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                const auto *probe = chosen[i];
                FUZZ_CHECK(probe >= db.probes.data() && probe < db.probes.data() + db.probes.size(), i);
                FUZZ_CHECK(probe->transport == transport, i);
                for (std::size_t j = 0; j < i; ++j) FUZZ_CHECK(chosen[j] != probe, j, i);
            }
            if (client.empty() && !banner) FUZZ_CHECK(chosen.empty(), chosen.size());
            const auto *null_probe = db.probe("NULL", Transport::Tcp);
            if (banner && transport == Transport::Tcp && null_probe != nullptr) {
                FUZZ_CHECK(std::find(chosen.begin(), chosen.end(), null_probe) != chosen.end(), chosen.size());
            }
        }
    }
}

void check_template(std::string_view templ, std::span<const std::string> groups) {
    const std::string out = ghostports::expand_template(templ, groups);
    std::size_t budget = templ.size();
    for (const auto &g : groups) budget += g.size();
    FUZZ_CHECK(out.size() <= templ.size() * (budget + 1), out.size(), templ.size());
    if (!out.empty()) {
        FUZZ_CHECK(out.front() != ' ' && out.front() != '\t' && out.back() != ' ' && out.back() != '\t', out.size());
    }
    if (templ.find('$') == std::string_view::npos) {
        const auto first = templ.find_first_not_of(" \t");
        const auto trimmed = first == std::string_view::npos
                                 ? std::string_view{}
                                 : templ.substr(first, templ.find_last_not_of(" \t") - first + 1);
        FUZZ_CHECK(out == trimmed, out.size(), trimmed.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto parts = fuzz::split(fuzz::Bytes(data, size), std::string_view("\0", 1), 12);
    const std::string_view text = fuzz::as_text(parts[0]);
    const fuzz::Bytes client = parts.size() > 1 ? parts[1] : fuzz::Bytes{};
    std::vector<std::string> groups;
    for (std::size_t i = 2; i < parts.size(); ++i) groups.emplace_back(fuzz::as_text(parts[i]));

    const NmapDatabase db = ghostports::parse_nmap_service_probes(text);
    check_database(db, text);
    check_exchange(db, client);
    for (const auto &m : db.matches)
        for (const std::string_view t : {m.product, m.version, m.info}) check_template(t, groups);
    check_template(fuzz::as_text(client), groups);
    return 0;
}
