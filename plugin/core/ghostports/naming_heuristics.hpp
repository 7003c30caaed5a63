// SPDX-License-Identifier: GPL-2.0-or-later
// Wireshark's heuristic dissectors whose acceptance is strong enough to
// name a conversation: each checks a long magic or a whole structure
// (lengths that agree, versions from a closed list) before it claims a
// payload. The others (DNS, TLS, HTTP, JSON, RTP...) take near-misses and
// random octets too: they decode, never name. One row per heuristic, by
// its protocol's filter name.
#pragma once

#include <string_view>

namespace ghostports {

struct NamingHeuristic {
    const char *filter_name;  // Wireshark protocol filter name: "dtls"
    const char *protocol;     // display name: "DTLS"
    const char *checks;       // what its heuristic checks, for the evidence
};

// The row for a heuristic protocol's filter name, or nullptr (decodes, does not name).
const NamingHeuristic *naming_heuristic(std::string_view filter_name);

}  // namespace ghostports
