// SPDX-License-Identifier: GPL-2.0-or-later
// The port's layer on every payload frame, in every pass. When a protocol
// handed on from a ghost port reassembles over TCP, a later pass (tshark -2,
// the GUI after loading) does not call the port's dissector for the
// segments inside a reassembly: TCP shows them as segments of a reassembled
// PDU, or not at all when the reassembly never ended. A postdissector adds
// the RESCAP/DECAP layer there from what the first pass recorded for the
// frame: the service as then known and the findings, so that one pass, two
// passes and the GUI say the same and a finding is never lost. Segments TCP
// keeps from the port's dissector already on the first pass (a body whose
// length the sub-dissector announced) get the layer with the service as
// known then, and their octets are scanned for findings in stream order
// (when a tree is built: tshark -V, -T fields, -Y, the GUI).
#pragma once

#include <epan/packet.h>

#include "wireshark/ghostports/exposures.hpp"
#include "wireshark/ghostports/service_fields.hpp"

namespace ghostports {

// What the postdissector needs of a port protocol; each registers once.
struct GhostLayer {
    const char *module;  // "rescap" / "decap": preferences module and filter name
    const char *label;   // "RESCAP" / "DECAP"
    int proto;
    const ServiceFields *service;
    ExposureFields *exposures;
};

void register_ghost_layer(const GhostLayer &layer);

// The registered layer whose module is `module`, as a small index (for the
// frame's record), and back.
guint8 ghost_layer_index(const char *module);
const GhostLayer *ghost_layer(guint8 index);

// Registers the postdissector; once, from the hand-off registration.
void register_withheld_frames();

// From the first hand-off that leaves TCP reassembling for a sub-dissector:
// asks Wireshark to keep TCP's segment data in the tree for the
// postdissector (a run that never meets such a conversation pays nothing).
void want_withheld_segments();

}  // namespace ghostports
