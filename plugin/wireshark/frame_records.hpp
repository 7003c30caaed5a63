// SPDX-License-Identifier: GPL-2.0-or-later
// File-scope records per frame for rescap, decap and the ghost ports, in
// place of p_add_proto_data / p_get_proto_data (same meaning, 16 octets a
// record instead of about 40: core/shared/frame_index.hpp). A record added
// out of frame order (only a later pass deciding something for the first
// time could) goes to p_add_proto_data instead; lookups try both.
#pragma once

#include <epan/packet.h>

namespace frame_records {

enum class Kind : guint8 {
    TransactionLink = 1,  // rescap: key = message ordinal in the frame -> rescap::Transaction
    SegmentPlan,          // rescap: key = TCP layer number -> rescap::SegmentPlan
    FirstPayload,         // rescap: key = TCP layer number -> non-null when the stream's first payload
    HandOffChoice,        // ghost ports: key = hand-off call in the frame -> the recorded decoder
    Exposures,            // ghost ports: key 0 -> the frame's exposure findings
    Conversation,         // ghost ports: key = layer number -> the conversation_t the first pass used
};

// `key` below 2^24 (every caller's key is a small count or layer number).
void add(packet_info *pinfo, Kind kind, guint32 key, void *value);
void *find(packet_info *pinfo, Kind kind, guint32 key);

// Once, at registration: `proto` keys the out-of-order records and the
// packet scratch below.
void register_frame_records(int proto);

// Scratch that lives for one dissection of one packet (pinfo->pool): what
// several calls into the plugin for the same packet share.
enum class Scratch : guint8 {
    HandOffCalls = 1,  // guint32: hand-offs made so far in this packet (keys their frame records)
    Inventory,         // the packet's inventory record (one per packet: TCP may call twice)
    ExposuresShown,    // guint: the frame's findings already shown in this dissection
};
void *scratch(packet_info *pinfo, Scratch what);
void set_scratch(packet_info *pinfo, Scratch what, void *value);

}  // namespace frame_records
