// Hand-off state of one conversation on a ghost port (file scope): its
// identity, the dissector its name points to, the dissector a sub-dissector
// registered for it (taken back, then called by us), and what nmap needs.
#pragma once

#include <epan/packet.h>

#include "core/ghostports/signatures.hpp"
#include "wireshark/ghostports/identity.hpp"

namespace ghostports {

struct GhostConversation {
    ConversationIdentity identity;          // as known now (first pass)
    const ConversationIdentity *published;  // its latest snapshot, shared by the frames' plans
    dissector_handle_t named_handle;        // decodes the named protocol
    dissector_handle_t taken_over;          // what a sub-dissector registered for the conversation
    address client_address;
    guint32 client_port;
    const guint8 *client_last;  // the client's latest payload (for nmap's probes), file scope
    guint client_last_length;
    gboolean client_spoke;
    gboolean server_spoke;  // the server's first payload was seen (nmap's NULL probe tried on it)
    guint answers_tried;    // server payloads searched for a product so far
};

// The hidden protocol that keys the per-conversation and per-frame data.
int identity_protocol();

// The state of the packet's conversation, created on its first payload;
// `client_is_source` says who the client is for a new conversation.
GhostConversation &ghost_conversation(packet_info *pinfo, bool client_is_source);

}  // namespace ghostports
