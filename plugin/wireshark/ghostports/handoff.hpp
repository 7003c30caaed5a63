// SPDX-License-Identifier: GPL-2.0-or-later
// Hands a payload on a ghost port that is not the port's own protocol to the
// dissector that knows it, and keeps the port's layer on every frame:
//  - the conversation is identified from strong evidence only (the signature
//    table, nmap's fingerprints); a weak heuristic may decode, never name;
//  - the bytes go to the dissector a sub-dissector registered for the
//    conversation, else to the one the name points to, else to TCP's/UDP's
//    heuristic dissectors, else to data;
//  - ownership: when a sub-dissector registers itself for the conversation
//    (conversation_set_dissector: RPC, STUN, SOCKS...), the port's own handle
//    is put back and the sub-dissector is called by us for later frames, so
//    rescap/decap stay on every frame in one pass, two passes and the GUI.
// Shared by rescap (non-rescap on 283) and decap (403).
#pragma once

#include <epan/conversation.h>
#include <epan/packet.h>

#include "core/ghostports/signatures.hpp"
#include "wireshark/ghostports/identity.hpp"

namespace ghostports {

struct HandOffRequest {
    const char *port_module;  // preferences module holding the port ranges: "rescap" / "decap"
    bool tcp;
    dissector_handle_t own_handle;  // the port protocol's handle for this transport
};

// What is known before the bytes are handed on (decided on the first pass,
// replayed on later ones): add the layer, fields and findings from it first,
// so that they stay even when the sub-dissector throws.
struct HandOffPlan {
    ConversationIdentity identity;  // as known at this frame (same in every pass)
    bool named_here;                // this frame's payload gave the name
    bool first_payload;             // the conversation's first payload on this port
    bool from_server;               // sent by the side on the ghost port
    guint32 fresh_from;             // first octet this direction had not seen before (TCP hands a
                                    // growing reassembly over again); only the first pass reads it
    void *choice;                   // the frame's recorded decoder (opaque)
    conversation_t *conversation;   // the packet's conversation, found before any sub-dissector ran
};

struct HandOffResult {
    const char *decoded_by;                 // protocol that decoded the bytes (may be a weak heuristic); nullptr: data
    bool weak;                              // decoded_by is a heuristic dissector: it decoded but does not name
    bool taken_over;                        // decoded by the dissector a sub-dissector registered for the conversation
    const ConversationIdentity *named_now;  // the identity when this call named the conversation, else nullptr
};

// `data` is what TCP/UDP passed to the port dissector (TCP's struct tcpinfo).
HandOffPlan plan_hand_off(tvbuff_t *tvb, packet_info *pinfo, void *data, const HandOffRequest &request);

// The plan the first pass recorded for the frame's first hand-off, and the
// layer that made it (withheld_frames.hpp); false when there is none.
bool recorded_plan(packet_info *pinfo, HandOffPlan &plan, guint8 &layer);

HandOffResult run_hand_off(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data,
                           const HandOffRequest &request, const HandOffPlan &plan);

// The plan as the frame stands after the hand-off: named by it when
// result.named_now says so (later passes find that in the plan itself).
HandOffPlan plan_after(const HandOffPlan &plan, const HandOffResult &result);

// True while a payload is being handed to TCP's/UDP's heuristic dissectors
// (rescap's own heuristics must then decline: endless recursion).
bool handing_off();

// The strong-evidence verdict for one payload, without handing it off (the
// rescap dissector asks it before calling a payload broken rescap).
const Signature *strong_signature(tvbuff_t *tvb, packet_info *pinfo, const char *port_module, bool tcp);

// Call before handing a payload on: clears Info for the inner dissector and
// returns what the Protocol column said before (to tell whether it changed).
const char *prepare_columns(packet_info *pinfo);

// Call after: "DECAP/DNS" in the Protocol column (so the port's label
// survives the inner dissector) and `label` in front of the inner Info.
void label_columns(packet_info *pinfo, const char *outer, const char *protocol_before, const char *label);

}  // namespace ghostports
