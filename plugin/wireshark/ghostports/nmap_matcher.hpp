// SPDX-License-Identifier: GPL-2.0-or-later
// nmap's service fingerprints applied passively: the database is read and
// parsed on first need (the file from Debian's nmap-common, or the path in
// the preference), each regular expression compiled with GLib's GRegex on
// first use. Without the file, nothing is matched (signatures still name).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <epan/prefs.h>

#include "core/ghostports/nmap_probes.hpp"

namespace ghostports {

// The probes a client sent, as indices into the database's probes: all a
// conversation keeps of its client's payloads for nmap (8 octets).
struct NmapSent {
    static constexpr std::size_t kMost = 3;
    std::uint16_t probes[kMost];
    std::uint16_t count;
};

struct NmapVerdict {
    const NmapMatch *match = nullptr;  // nullptr: no match
    const NmapProbe *probe = nullptr;
    std::string product;
    std::string version;
    bool by_known_protocol = false;  // found among the known protocol's matches (names nothing)
    bool anchored = false;           // found among every probe's lines with a long literal prefix
};

// Octets of a server's answer that nmap's patterns are matched against.
constexpr std::size_t kSubjectLimit = 2048;

// The first hard match (else the first softmatch) for the server's answer
// `server_payload` to the client's last payload (`sent`: the probes it
// began like; none when the server spoke first), from the probes the client sent (and NULL for the
// server's first payload, `banner`). When `known_protocol` is set (a
// signature named the conversation), the hard matches of that protocol's
// nmap service from every probe may also give the product and version;
// when it is not, the hard matches of every probe that begin with a long
// literal may name it.
NmapVerdict nmap_identify(Transport transport, const NmapSent &sent, std::span<const std::uint8_t> server_payload,
                          bool banner, const char *known_protocol);

// Which probes (at most NmapSent::kMost) the client's payload begins like.
NmapSent nmap_probes_sent(Transport transport, std::span<const std::uint8_t> client_payload);

void register_nmap_preferences(module_t *module);

// Preferences applied: says (once per path, in the GUI's dialog or on
// tshark's stderr) when the nmap-service-probes file the user named cannot
// be read.
void check_nmap_preferences();

}  // namespace ghostports
