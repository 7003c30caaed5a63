// decap's tunnels: a payload that is a tunnel header (VXLAN, GENEVE, GRE,
// MPLS, GTP-U, or an unknown fixed-size header) in front of a strictly
// checked inner packet is shown as decap.tunnel and handed to Wireshark's
// own dissector for that tunnel.
#pragma once

#include <cstdint>
#include <span>

#include <epan/packet.h>

namespace decap {

void register_tunnel_fields(int proto);
void register_tunnel_handoff(int proto);

// When the payload is a tunnel: adds the tunnel fields under `decap_tree`,
// decodes the tunnel and its inner packet under `tree`, labels the columns
// ("DECAP/VXLAN/DNS", `label` + the tunnel in front of Info) and returns a
// short description ("VXLAN, inner Ethernet frame"); else nullptr and adds nothing.
const char *dissect_tunnel(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_tree *decap_tree,
                           proto_item *root, std::span<const std::uint8_t> payload, const char *label,
                           const char *protocol_before);

}  // namespace decap
