// SPDX-License-Identifier: GPL-2.0-or-later
// The ghost-port inventory: "what is on these ports?" as one table row per
// conversation (Statistics › Ghost ports inventory, `tshark -z
// ghostports,table`): first frame, port and layer, client, server, service,
// product, version, evidence, findings in words, packets and octets each
// way. Fed by tap "ghostports" (rescap for non-rescap payloads on 283,
// decap for 403, the postdissector for segments TCP keeps from them) and,
// for the packets and octets, by TCP's and UDP's taps, listened to only
// once an inventory is asked for. Rows are found by a hash of the
// conversation: linear in conversations.
#pragma once

#include <epan/packet.h>

#include "wireshark/ghostports/identity.hpp"

namespace ghostports {

struct InventoryRecord;

// Registers the tap and the table; once, from a protocol's registration.
void register_inventory();

// Call before the payload is handed on (inner dissectors change pinfo's
// addresses): notes the endpoints. Returns nullptr when this frame already
// has a record (TCP may call twice).
InventoryRecord *begin_inventory(packet_info *pinfo, bool tcp, bool from_client, const char *layer);

// Call after: what the payload is ("" or nullptr: unknown), the
// conversation's identity when one was planned (product, version,
// evidence), this frame's findings; then queues the record.
void finish_inventory(packet_info *pinfo, InventoryRecord *record, const char *what,
                      const ConversationIdentity *identity = nullptr);

}  // namespace ghostports
