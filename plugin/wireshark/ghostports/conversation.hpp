// SPDX-License-Identifier: GPL-2.0-or-later
// The ghost ports' per-conversation data, kept as Wireshark's conversation
// proto data (one record per conversation, a slot per user), and the
// hand-off state of one conversation (file scope): its identity, the
// dissector its name points to, the dissector a sub-dissector registered
// for it (taken back, then called by us), and what nmap needs.
#pragma once

#include <epan/conversation.h>
#include <epan/packet.h>

#include "core/ghostports/signatures.hpp"
#include "wireshark/ghostports/identity.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"

namespace ghostports {

// The packet's conversation (Wireshark's: find_or_create_conversation, so
// port reuse and UDP timeouts start new ones), to be looked up before a
// sub-dissector changes pinfo's addresses; the hand-off keeps the one it
// started with, and every pass finds the one the first pass used for the
// frame (a sub-dissector may add one with the same endpoints).
conversation_t *stable_conversation(packet_info *pinfo);

// Per-conversation data of the ghost ports: one record per Wireshark
// conversation (its proto data), with a slot for each user.
enum class ConversationSlot : guint8 {
    RescapMatching,  // rescap::ConversationState
    DecapCounters,   // decap's ConversationState
    Identity,        // ghostports::GhostConversation
    Count,
};

// The slot of the packet's stable conversation (nullptr until its owner
// stores its file-scope state there).
void *&conversation_slot(packet_info *pinfo, ConversationSlot slot);
void *&conversation_slot(conversation_t *conversation, ConversationSlot slot);

// Registers the hidden "ghostid" protocol keying this data (and the nmap
// database preference); call once, from plugin registration.
void register_ghostid_protocol();

// Where one direction of a conversation stands, for the first pass: TCP
// hands a sub-dissector that asks for more data the same reassembly again,
// grown by a segment each time; only its new octets are news.
struct DirectionCursor {
    guint32 start_seq;  // TCP sequence number of the payload last seen
    guint32 seen;       // its octets seen so far
    guint8 attempts;    // payloads identification looked at (capped)
    guint8 offered;     // payloads offered to Wireshark's heuristic dissectors (capped)
    gboolean started;
};

struct GhostConversation {
    ConversationIdentity identity;          // as known now (first pass)
    const ConversationIdentity *published;  // its latest snapshot, shared by the frames' plans
    dissector_handle_t named_handle;        // decodes the named protocol
    dissector_handle_t taken_over;          // what a sub-dissector registered for the conversation
    address client_address;
    guint32 client_port;
    NmapSent asked;  // the nmap probes the client's latest payload began like
    DirectionCursor client, server;
    gboolean server_spoke;     // the server's first payload was seen (nmap's NULL probe tried on it)
    gboolean named_by_server;  // the name rests on the server's own payload
    const char *refuted;       // a name retracted because its dissector would not decode the payload (or nullptr)
    guint8 layer;              // ghost_layer_index() of the port protocol (withheld_frames.hpp)
};

// The hidden protocol that keys the per-conversation and per-frame data.
int identity_protocol();

// The state of `conversation` (the packet's), created on its first payload;
// `client_is_source` says who the client is for a new conversation.
GhostConversation &ghost_conversation(conversation_t *conversation, packet_info *pinfo, bool client_is_source);

// The state of `conversation` if a ghost port ever handed one of its payloads on, else nullptr.
GhostConversation *find_ghost_conversation(conversation_t *conversation);

}  // namespace ghostports
