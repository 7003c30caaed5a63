// The per-conversation identity record of a conversation on a ghost port
// (rescap 283, decap 403), in wmem file scope. Written by the hand-off path
// (wireshark/ghostports/handoff.cpp); read by anything that reports per
// conversation (inventory, taps). Strings are NUL-terminated, file scope,
// never null ("" when unknown). Stable: other code reads these fields.
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
};

// The identity of `conversation` as judged so far (in one pass: up to the
// current frame; with -2 or in the GUI: the whole conversation), or nullptr
// when neither rescap nor decap has seen a payload of it.
const ConversationIdentity *conversation_identity(const conversation_t *conversation);

// The same for the conversation of the packet being dissected.
const ConversationIdentity *packet_identity(packet_info *pinfo);

// The packet's conversation as rescap/decap first found it (by endpoints,
// transport and ports). Sub-dissectors create conversations of their own
// (SNMP, TFTP, RPC...) that later lookups would return instead; this one
// stays the same for every frame and every pass. Key per-conversation data
// of the ghost ports on it.
conversation_t *stable_conversation(packet_info *pinfo);

}  // namespace ghostports

namespace ghostports {

// Registers the hidden "ghostid" protocol keying this data (and the nmap
// database preference); call once, from plugin registration.
void register_identity_protocol();

}  // namespace ghostports
