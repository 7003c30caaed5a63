// SPDX-License-Identifier: GPL-2.0-or-later
// TCP framing of rescap: the project's own per-direction assembly.
//
// A count-form message's length is known only when its last counted item
// has arrived. Asking TCP for "one more segment" until then makes
// Wireshark's reassembly copy the growing message again for every segment
// (quadratic: 4 MB took 36 s), and a lower bound that ends inside a segment
// is not a length TCP can reassemble to. So rescap never asks TCP to
// reassemble: on the first pass every segment's new octets are appended once
// to the direction's open message (amortised doubling) and the resumable
// header walk (MessageWalker) goes on from where it stopped; the message is
// parsed once, in the segment where it ends. What each segment holds is kept
// as a SegmentPlan in the frame's proto data, so later passes (-2, the GUI)
// show the same without the assembly state.
//
// What tcp_dissect_pdus users get from TCP, done here (doc/decisions-framing.md):
// - a segment that arrives ahead of its predecessor is held (its octets
//   copied, at most max_message_size per direction) until the gap fills;
//   the segment that fills it frames both, in stream order, over one
//   "Reordered TCP payload" (each octet copied once more: still linear);
// - a segment whose octets were all seen is a retransmission; one that
//   overlaps what was seen frames only its new octets;
// - a segment the capture's snap length cut: the message it carries ends
//   where the capture did ("Packet size limited during capture"), and what
//   follows is skipped up to the next message start without a finding;
// - a message the stream never finished (RST, FIN, end of capture) is shown,
//   from the second pass on, in the frame with its last octets, with
//   rescap.expert.message_incomplete.
#pragma once

#include <epan/packet.h>

#include "core/rescap/diagnostics.hpp"
#include "core/rescap/stream_probe.hpp"

namespace rescap {

// A message that spans segments, its octets in file scope.
struct StreamMessage {
    guint8 *bytes;
    guint32 length;
    guint32 capacity;
    guint32 first_frame;
    guint32 segments;         // how many segments contributed octets
    guint32 last_frame;       // the segment where it ended; 0 while it is open (for good if the stream ended inside it)
    guint32 last_part_frame;  // the latest segment that contributed octets
    bool ended_early;         // cut off: `why` says how
    DiagKind why;             // MessageTooLong or StreamGap
    bool snapped;             // the capture's snap length cut it: no finding, "Packet size limited during capture"
    MessageWalker walker;     // how far its item headers were walked
    bool proper_complete;     // the message proper is whole; ignored items may follow
    guint32 tail_end;         // end of the ignored items walked so far
    wmem_array_t *parts;      // StreamPart per contributing segment (file scope), in stream order
    bool not_rescap;          // begun on too few octets to tell (one); the next said it is no rescap message
};

// Where one segment's octets start in the message it contributed to.
struct StreamPart {
    guint32 frame;
    guint32 offset;
};

// Out of order (rare, so apart from the plan every segment has): a segment
// held ahead of a gap, or one whose octets were framed with held ones.
struct Reordering {
    bool held;              // the segment came ahead of a gap and waits for it
    guint32 framed_in;      // held: the frame that framed its octets once the gap filled (0: never)
    Reordering *next_held;  // the other segments held with it
    guint8 *payload;        // not held: its octets, then the held ones after them
    guint32 payload_length;
    guint32 payload_reported;  // more than payload_length when the snap length cut the segment
};

// What one TCP segment's payload holds; the same on every pass. Offsets are
// in the planned payload (planned_payload()).
struct SegmentPlan {
    StreamMessage *continued;  // a message open when the segment began
    StreamMessage *started;    // a message that starts here and goes on past the segment
    Reordering *reordering;    // null unless the segment came out of order or filled a gap
    guint32 skip;              // octets at the start already seen (retransmitted)
    guint32 continued_until;   // octets of the segment that belong to it (from `skip`)
    guint32 resync_until;      // octets skipped looking for the next message start
    guint32 started_at;
    bool resync_quiet;  // the skipped octets belong to a message the capture cut: no finding
};

inline bool is_held(const SegmentPlan &plan) {
    return plan.reordering != nullptr && plan.reordering->held;
}

struct StreamFraming {
    guint32 max_message_size = 8u << 20;  // the preference (octets), within the limits below
};
StreamFraming &stream_framing();

// The preference's range: a message must be able to hold the smallest
// well-formed message (a FullResponse counting one Status: 4+2 + 4+2 octets);
// the maximum bounds one direction's memory.
inline constexpr guint32 kMinMessageSize = 12;
inline constexpr guint32 kMaxMessageSize = 256u << 20;
// Clamps the preference into the range; returns the value it had when it was outside.
bool clamp_max_message_size(guint32 &was);

void register_stream_framing();

// First pass: where the segment stands in its direction's stream (the open
// message takes its share of the segment; a resynchronisation skips what
// cannot start a message). Later passes: the plan made then. Null when the
// octets do not come from TCP (`data` is not a tcpinfo).
SegmentPlan *plan_segment(tvbuff_t *tvb, packet_info *pinfo, void *data);

// The octets the plan's offsets refer to: the segment's own, or a payload of
// reordered segments (a new data source).
tvbuff_t *planned_payload(const SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo);

// A stream heuristic judges only the first payload of each direction of a
// TCP conversation (remembered on the first pass, so one pass, two passes
// and the GUI agree): a mid-stream segment that happens to start like a
// message is never claimed.
bool is_first_payload(packet_info *pinfo);

// The message at `offset` runs past the segment: the first pass starts
// assembling it (octets offset..end are its first).
void start_message(SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo, gint offset);

// The message at `offset` of a segment the snap length cut runs past what
// the capture kept: the first pass skips the rest of it, without a finding.
void message_cut_by_capture(packet_info *pinfo);

// Later passes: the stream (or the capture) ended inside the message, and
// this frame brought its last octets.
bool ended_incomplete_here(const StreamMessage &message, packet_info *pinfo);

}  // namespace rescap
