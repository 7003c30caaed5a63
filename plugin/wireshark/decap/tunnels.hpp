// SPDX-License-Identifier: GPL-2.0-or-later
// decap's inner-packet path: a payload that is a whole, strictly checked
// IPv4/IPv6 packet or Ethernet frame, or a tunnel header (VXLAN, VXLAN-GPE,
// GENEVE, GRE, MPLS, GTP-U, an unknown fixed-size header) in front of one, is
// shown as decap.inner / decap.tunnel and handed to Wireshark's own
// dissectors. Shared by decap (403) and rescap's non-rescap payloads (283).
#pragma once

#include <epan/packet.h>
#include <epan/prefs.h>

namespace ghostports {
struct InventoryRecord;
}

namespace decap {

// decap.inner, decap.tunnel*, their experts and the "decapsulate"
// preference (in decap's module: one switch for both ports).
void register_inner_fields(int proto, module_t *module);
void register_inner_handoff(int proto);

struct InnerRequest {
    const char *layer;                       // the port's Protocol label: "DECAP" / "RESCAP"
    const char *label;                       // what goes in front of Info ("decap client→server, 84 octets")
    ghostports::InventoryRecord *inventory;  // finished (with what the payload is) before the hand-off; may be null
};

// When the payload is a whole inner packet or a tunnel carrying one (and the
// preference is on): adds decap.inner / decap.tunnel under `fields_tree` and
// an expert on `root`, finishes the inventory record, labels the Protocol
// column ("DECAP", "DECAP/VXLAN"), then decodes the payload under `tree`. An
// exception in the inner dissectors is shown where it belongs (as
// packet-tcp.c does) or passed on (snapped: "Packet size limited during
// capture"); the columns end up "DECAP/VXLAN/DNS" and `label, VXLAN, inner
// Ethernet frame: <inner Info>` either way. Returns that description; else
// nullptr, having added nothing.
const char *try_inner(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_tree *fields_tree, proto_item *root,
                      const InnerRequest &request);

// decap.inner "none" (hidden, still filterable) for a payload try_inner did not decode.
void add_no_inner(proto_tree *fields_tree, tvbuff_t *tvb);

}  // namespace decap
