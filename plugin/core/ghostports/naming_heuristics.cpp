// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/naming_heuristics.hpp"

#include <array>

namespace ghostports {
namespace {

// What each heuristic checks is from its source in Wireshark 4.0
// (epan/dissectors/packet-<name>.c, the heur_dissector registered on tcp/udp).
constexpr std::array kRows{
    NamingHeuristic{"dtls", "DTLS", "records of a known type and DTLS version whose lengths tile the datagram exactly"},
    NamingHeuristic{"quic", "QUIC", "long header carrying a QUIC version Wireshark knows"},
    NamingHeuristic{"rtps", "RTPS", "\"RTPS\" magic and protocol version"},
    NamingHeuristic{"bittorrent", "BitTorrent", "handshake \"\\x13BitTorrent protocol\""},
    NamingHeuristic{"giop", "GIOP", "\"GIOP\" magic and version"},
    NamingHeuristic{"spice", "Spice", "\"REDQ\" magic and protocol version"},
    NamingHeuristic{"vnc", "VNC", "exactly the 12-octet \"RFB xxx.yyy\\n\" version message"},
    NamingHeuristic{"bitcoin", "Bitcoin", "a known network magic"},
    NamingHeuristic{"ceph", "Ceph", "\"ceph v\" banner"},
    NamingHeuristic{"proxy", "PROXY protocol", "\"PROXY \" v1 line or the 12-octet v2 signature"},
    NamingHeuristic{"artnet", "Art-Net", "\"Art-Net\\0\" magic"},
    NamingHeuristic{"dcerpc", "DCE/RPC", "a version 5 header whose packet type and fragment length fit"},
    NamingHeuristic{"nbd", "NBD", "\"NBDMAGIC\" / transmission magic"},
};

}  // namespace

const NamingHeuristic *naming_heuristic(std::string_view filter_name) {
    for (const NamingHeuristic &row : kRows)
        if (filter_name == row.filter_name) return &row;
    return nullptr;
}

}  // namespace ghostports
