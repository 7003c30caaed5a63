// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the decap recognisers: the input is one payload
// (classify_payload, is_ipv4/ipv6_packet, is_ethernet_frame, find_tunnel).
// Checks: classify_payload agrees with the single-kind checks in its order;
// a tunnel is never a bare packet, its header lies inside the payload and
// leaves behind it an inner packet of the kind it names;
// VXLAN carries Ethernet; an unknown header is not longer than the search
// goes; names and dissectors exist where the header says they do.
#include <cstddef>
#include <cstdint>

#include "core/decap/inner_packet.hpp"
#include "core/decap/tunnels.hpp"
#include "harness.hpp"

namespace {

using decap::InnerKind;
using decap::TunnelKind;

void check_classification(fuzz::Bytes payload) {
    const bool ipv4 = decap::is_ipv4_packet(payload);
    const bool ipv6 = decap::is_ipv6_packet(payload);
    const bool ethernet = decap::is_ethernet_frame(payload);
    const InnerKind kind = decap::classify_payload(payload);
    const InnerKind expected = ipv4       ? InnerKind::Ipv4
                               : ipv6     ? InnerKind::Ipv6
                               : ethernet ? InnerKind::Ethernet
                                          : InnerKind::None;
    FUZZ_CHECK(kind == expected, static_cast<unsigned>(kind), static_cast<unsigned>(expected));
    FUZZ_CHECK(decap::inner_kind_name(kind) != nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const fuzz::Bytes payload(data, size);
    check_classification(payload);

    const decap::Tunnel tunnel = decap::find_tunnel(payload);
    FUZZ_CHECK(decap::tunnel_name(tunnel.kind) != nullptr);
    if (tunnel.kind == TunnelKind::None) {
        FUZZ_CHECK(tunnel.header_length == 0 && tunnel.inner == InnerKind::None, tunnel.header_length);
        return 0;
    }
    FUZZ_CHECK(decap::classify_payload(payload) == InnerKind::None);
    FUZZ_CHECK(tunnel.header_length >= 1 && tunnel.header_length < size, tunnel.header_length, size);
    FUZZ_CHECK(tunnel.inner != InnerKind::None);
    const auto inner = payload.subspan(tunnel.header_length);
    check_classification(inner);
    const bool inner_holds = tunnel.inner == InnerKind::Ipv4   ? decap::is_ipv4_packet(inner)
                             : tunnel.inner == InnerKind::Ipv6 ? decap::is_ipv6_packet(inner)
                                                               : decap::is_ethernet_frame(inner);
    FUZZ_CHECK(inner_holds, static_cast<unsigned>(tunnel.inner), tunnel.header_length);
    if (tunnel.kind == TunnelKind::Vxlan) FUZZ_CHECK(tunnel.inner == InnerKind::Ethernet);
    if (tunnel.kind == TunnelKind::UnknownHeader) {
        FUZZ_CHECK(tunnel.header_length <= decap::kMaxUnknownHeader, tunnel.header_length);
        FUZZ_CHECK(decap::tunnel_info(tunnel.kind).filter == nullptr);
    } else {
        FUZZ_CHECK(decap::tunnel_info(tunnel.kind).filter != nullptr, static_cast<unsigned>(tunnel.kind));
    }
    return 0;
}
