// The ghost-port inventory: tap "ghostports", fed by rescap (non-rescap
// payloads on 283) and decap (403), one record per payload frame, and its
// stats tree ("tshark -z ghostports,tree", Statistics › Ghost ports
// inventory): per conversation the endpoints, transport, what it is,
// payload octets each way (from TCP's and UDP's taps, listened to only once
// an inventory is asked for) and the findings.
#pragma once

#include <epan/packet.h>

namespace ghostports {

struct InventoryRecord;

// Registers the tap and the stats tree; once, from a protocol's registration.
void register_inventory();

// Call before the payload is handed on (inner dissectors change pinfo's
// addresses): notes the endpoints. Returns nullptr when this frame already
// has a record (TCP may call twice).
InventoryRecord *begin_inventory(packet_info *pinfo, bool tcp, bool from_client, const char *layer);

// Call after: what the payload is ("" or nullptr: unknown), this frame's
// findings, then queues the record.
void finish_inventory(packet_info *pinfo, InventoryRecord *record, const char *what);

}  // namespace ghostports
