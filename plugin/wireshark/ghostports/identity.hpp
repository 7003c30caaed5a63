// What a conversation on a ghost port (rescap 283, decap 403) is, and where
// the ghost ports keep their per-conversation data. The identity is written
// by the hand-off path (wireshark/ghostports/handoff.cpp) and shown from
// the frame's recorded plan. Strings are NUL-terminated, file scope, never
// null ("" when unknown).
#pragma once

#include <epan/conversation.h>
#include <epan/packet.h>

namespace ghostports {

struct ConversationIdentity {
    const char *protocol;   // display name, "SSH"; "" = not named
    const char *dissector;  // Wireshark filter name of the protocol that decodes it, "ssh"; "" = none
    const char *product;    // "OpenSSH"; "" = not announced
    const char *version;    // "9.2p1 Debian 2+deb12u3"; "" = not announced
    const char
        *evidence;     // where the name came from: "signature ssh-banner", "nmap-service-probes line 1234, probe NULL"
    guint32 named_in;  // frame whose payload gave the name (0 = not named)
    guint32 product_in;  // frame whose payload gave product/version (0 = none)

    // The same strings (by pointer: each is copied once into file scope) and frames.
    bool operator==(const ConversationIdentity &) const = default;
};

// The packet's conversation (Wireshark's: find_or_create_conversation), to
// be looked up before a sub-dissector changes pinfo's addresses; the
// hand-off keeps the one it started with.
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

}  // namespace ghostports

namespace ghostports {

// Registers the hidden "ghostid" protocol keying this data (and the nmap
// database preference); call once, from plugin registration.
void register_identity_protocol();

}  // namespace ghostports
