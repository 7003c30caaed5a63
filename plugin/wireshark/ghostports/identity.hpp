// SPDX-License-Identifier: GPL-2.0-or-later
// What a conversation on a ghost port (rescap 283, decap 403) is: written by
// the hand-off path (wireshark/ghostports/handoff.cpp) and shown from the
// frame's recorded plan. Strings are NUL-terminated, file scope, escaped
// where they come from the wire, never null ("" when unknown).
#pragma once

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

}  // namespace ghostports
