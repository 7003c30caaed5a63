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
    guint32 segments;      // how many segments contributed octets
    guint32 last_frame;    // the segment where it ended; 0 while it is open
    bool ended_early;      // cut off: `why` says how
    DiagKind why;          // MessageTooLong or StreamGap
    MessageWalker walker;  // how far its item headers were walked
    bool proper_complete;  // the message proper is whole; ignored items may follow
    guint32 tail_end;      // end of the ignored items walked so far
};

// What one TCP segment's payload holds; the same on every pass.
struct SegmentPlan {
    guint32 skip;              // octets at the start already seen (retransmitted)
    StreamMessage *continued;  // a message open when the segment began
    guint32 continued_until;   // octets of the segment that belong to it (from `skip`)
    guint32 resync_until;      // octets skipped looking for the next message start
    StreamMessage *started;    // a message that starts here and goes on past the segment
    guint32 started_at;
};

struct StreamFraming {
    guint32 max_message_size = 8u << 20;  // the preference (octets)
};
StreamFraming &stream_framing();

void register_stream_framing();

// First pass: where the segment stands in its direction's stream (the open
// message takes its share of the segment; a resynchronisation skips what
// cannot start a message). Later passes: the plan made then. Null when the
// octets do not come from TCP (`data` is not a tcpinfo).
SegmentPlan *plan_segment(tvbuff_t *tvb, packet_info *pinfo, void *data);

// The message at `offset` runs past the segment: the first pass starts
// assembling it (octets offset..end are its first).
// A stream heuristic judges only the first payload of each direction of a
// TCP conversation (remembered on the first pass, so one pass, two passes
// and the GUI agree): a mid-stream segment that happens to start like a
// message is never claimed.
bool is_first_payload(packet_info *pinfo);

void start_message(SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo, gint offset);

}  // namespace rescap
