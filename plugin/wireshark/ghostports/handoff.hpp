// Hands a payload that is not the port's own protocol to the dissector that
// knows it: one named by a signature, else TCP's/UDP's heuristic
// dissectors, else data. Shared by rescap (non-rescap on 283) and decap.
#pragma once

#include <epan/packet.h>

#include "core/ghostports/signatures.hpp"

namespace ghostports {

// Returns the name of the protocol that took the payload (signature or
// heuristic), or nullptr when it went to data. `known` is the signature
// verdict (decided once per TCP connection by the caller).
const char *hand_off_payload(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, bool tcp,
                             KnownProtocol known);

// The known protocol in `tvb`: judged now when `decide` (a datagram, or a
// TCP connection's first payload, remembered in `remembered` on the first
// pass), else the connection's remembered verdict.
KnownProtocol identify_once(packet_info *pinfo, tvbuff_t *tvb, bool decide, KnownProtocol &remembered);

// Call before handing a payload on: clears Info for the inner dissector and
// returns what the Protocol column said before (to tell whether it changed).
const char *prepare_columns(packet_info *pinfo);

// Call after: "DECAP/DNS" in the Protocol column (so the port's label
// survives the inner dissector) and `label` in front of the inner Info.
void label_columns(packet_info *pinfo, const char *outer, const char *protocol_before, const char *label);

}  // namespace ghostports
