// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/stream_framing.hpp"

#include <algorithm>
#include <cstring>
#include <new>

#include <epan/conversation.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/prefs-int.h>
#include <epan/prefs.h>

#include "core/rescap/heuristic.hpp"
#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/conversation.hpp"

namespace rescap {
namespace {

// Per TCP conversation: both directions' assembly state (first pass only).
struct StreamDirection {
    guint32 first_payload_frame;  // 0: none seen yet
    bool seq_known;
    guint32 next_seq;  // first octet not seen yet
    bool ack_known;
    guint32 acked;         // what the peer acknowledged of this direction last
    StreamMessage *open;   // the message being assembled
    bool resynchronising;  // after a cut-off message: looking for a plausible start
    bool after_snap;       // ... that the capture's snap length cut (no finding)
    // Octets that came ahead of a gap, one run from held_seq, waiting for it.
    guint8 *held;
    guint32 held_length;
    guint32 held_capacity;
    guint32 held_seq;
    Reordering *held_first;
    Reordering *held_last;
};

struct StreamConversation {
    StreamDirection direction[2];
};

// One plan per TCP segment of every rescap conversation, for the file's
// lifetime: out-of-order state stays out of it (Reordering).
static_assert(sizeof(SegmentPlan) <= 48, "SegmentPlan grew: keep rare state in Reordering");

wmem_map_t *g_conversations = nullptr;
StreamFraming g_framing;

// Sequence arithmetic modulo 2^32.
bool after(guint32 a, guint32 b) {
    return static_cast<gint32>(a - b) > 0;
}

StreamDirection &direction_of(packet_info *pinfo, StreamDirection **peer = nullptr) {
    // The frame's conversation as its first pass found it, once per frame
    // for framing, identification and exposures alike.
    conversation_t *conversation = ghostports::stable_conversation(pinfo);
    auto *state = static_cast<StreamConversation *>(wmem_map_lookup(g_conversations, conversation));
    if (state == nullptr) {
        state = wmem_new0(wmem_file_scope(), StreamConversation);
        wmem_map_insert(g_conversations, conversation, state);
    }
    const int order = cmp_address(&pinfo->src, &pinfo->dst);
    const bool forward = order < 0 || (order == 0 && pinfo->srcport <= pinfo->destport);
    if (peer != nullptr) *peer = &state->direction[forward ? 1 : 0];
    return state->direction[forward ? 0 : 1];
}

bool tcp_relative_sequence_numbers() {
    // Found once (a lookup by name per segment was 450 instructions); its value is read each time.
    static pref_t *pref = nullptr;
    if (pref == nullptr) {
        module_t *tcp = prefs_find_module("tcp");
        pref = tcp != nullptr ? prefs_find_preference(tcp, "relative_sequence_numbers") : nullptr;
    }
    return pref != nullptr && prefs_get_bool_value(pref, pref_current);
}

// Where the direction's first octet is, when the capture says so (the SYN
// TCP saw, or what the peer acknowledged): its first segment may come out
// of order. Within one maximum message size of `seq` only.
guint32 expected_start(const StreamDirection &direction, packet_info *pinfo, guint32 seq) {
    guint32 start = seq;
    const struct tcp_analysis *tcpd = get_tcp_conversation_data(ghostports::stable_conversation(pinfo), pinfo);
    // TCP_S_SAW_SYN / TCP_S_SAW_SYNACK (packet-tcp.c) beyond TCP_S_BASE_SEQ_SET.
    if (tcpd != nullptr && tcpd->fwd != nullptr && (tcpd->fwd->static_flags & 0x06) != 0)
        start = tcp_relative_sequence_numbers() ? 1 : tcpd->fwd->base_seq + 1;
    else if (direction.ack_known)
        start = direction.acked;
    return after(seq, start) && seq - start <= g_framing.max_message_size ? start : seq;
}

// TCP's analysis saw, without a hole, the octets from `next_seq` on (a
// segment with them came and TCP did not hand it on: 4.0 keeps segments it
// calls out of order or retransmitted from sub-dissectors), or the peer
// acknowledged them (pure ACKs never reach rescap): they will never come.
bool tcp_saw_gap(packet_info *pinfo, guint32 next_seq) {
    const struct tcp_analysis *tcpd = get_tcp_conversation_data(ghostports::stable_conversation(pinfo), pinfo);
    if (tcpd == nullptr || tcpd->fwd == nullptr || tcpd->rev == nullptr) return false;
    // The analysis works in absolute sequence numbers.
    const guint32 base = tcp_relative_sequence_numbers() ? tcpd->fwd->base_seq : 0;
    const auto beyond = [&](guint32 absolute) { return absolute != 0 && after(absolute - base, next_seq); };
    const tcp_analyze_seq_flow_info_t *own = tcpd->fwd->tcp_analyze_seq_info;
    const tcp_analyze_seq_flow_info_t *peer = tcpd->rev->tcp_analyze_seq_info;
    return (own != nullptr && beyond(own->maxseqtobeacked)) || (peer != nullptr && beyond(peer->lastack));
}

// Appends with amortised doubling, never past the maximum message size
// (plus one octet, to know that it was exceeded).
void append(StreamMessage &message, tvbuff_t *tvb, gint offset, gint length) {
    const guint32 limit = g_framing.max_message_size + 1;
    const guint32 room = limit > message.length ? limit - message.length : 0;
    const guint32 take = std::min(static_cast<guint32>(length), room);
    if (take == 0) return;
    if (message.length + take > message.capacity) {
        const guint32 capacity = std::min(limit, std::max(message.length + take, message.capacity * 2));
        message.bytes = static_cast<guint8 *>(wmem_realloc(wmem_file_scope(), message.bytes, capacity));
        message.capacity = capacity;
    }
    tvb_memcpy(tvb, message.bytes + message.length, offset, take);
    message.length += take;
}

void end_message(StreamDirection &direction, StreamMessage &message, packet_info *pinfo) {
    // Kept for the file's lifetime (later passes show it): no doubling slack.
    if (message.capacity > message.length && message.length > 0) {
        message.bytes = static_cast<guint8 *>(wmem_realloc(wmem_file_scope(), message.bytes, message.length));
        message.capacity = message.length;
    }
    message.last_frame = pinfo->num;
    direction.open = nullptr;
}

void cut_off(StreamDirection &direction, StreamMessage &message, packet_info *pinfo, DiagKind why) {
    message.ended_early = true;
    message.why = why;
    end_message(direction, message, pinfo);
    direction.resynchronising = true;
    direction.after_snap = false;
}

// The capture kept less of the segment than it had: the message ends where
// the capture did, and what follows of it is skipped without a finding.
void cut_by_snap(StreamDirection &direction, StreamMessage &message, packet_info *pinfo) {
    message.snapped = true;
    end_message(direction, message, pinfo);
    direction.resynchronising = true;
    direction.after_snap = true;
}

// The open message takes the segment's octets from `from`; returns how many
// of them belong to it.
guint32 continue_message(StreamDirection &direction, StreamMessage &message, tvbuff_t *tvb, packet_info *pinfo,
                         gint from) {
    const guint32 before = message.length;
    const guint32 max = g_framing.max_message_size;
    const gint available = tvb_captured_length_remaining(tvb, from);
    append(message, tvb, from, available);
    const std::span<const std::uint8_t> bytes(message.bytes, message.length);
    if (!message.proper_complete) {
        const StreamProbe probe = message.walker.advance(bytes);
        if (probe.state == StreamProbe::State::Undecided) {
            // Begun on one octet, too few to tell; with the next ones it
            // starts like no rescap message (gdb's lone "+" then "$..."):
            // it ends before this segment, whose octets are what they are.
            message.length = before;
            message.not_rescap = true;
            end_message(direction, message, pinfo);
            return 0;
        }
        if (probe.state == StreamProbe::State::Complete) {
            message.proper_complete = true;
            message.tail_end = static_cast<guint32>(probe.length);
        }
    }
    if (message.parts == nullptr) message.parts = wmem_array_new(wmem_file_scope(), sizeof(StreamPart));
    const StreamPart part{pinfo->num, before};
    if (before < message.length) wmem_array_append_one(message.parts, part);
    ++message.segments;
    message.last_part_frame = pinfo->num;
    if (message.proper_complete) {
        bool cut = false;
        message.tail_end = static_cast<guint32>(ignored_tail_end(bytes, message.tail_end, cut));
        if (!cut || message.tail_end > max) {
            // Ends in this segment: what follows it is the stream's next message.
            message.length = std::max(message.tail_end, before);
            const guint32 used = message.length - before;
            // One octet past the maximum is too long, even when the message ends there.
            if (message.length > max) {
                message.length = max;
                message.ended_early = true;
                message.why = DiagKind::MessageTooLong;
            }
            end_message(direction, message, pinfo);
            // Its end is known unless ignored items run on past the data.
            if (cut) direction.resynchronising = true;
            return used;
        }
    }
    if (message.length > max) {
        message.length = max;
        cut_off(direction, message, pinfo, DiagKind::MessageTooLong);
    }
    return static_cast<guint32>(available);
}

// Octets from `from` up to the next plausible message start (all of them when none).
guint32 resynchronise(StreamDirection &direction, tvbuff_t *tvb, gint from) {
    const gint length = tvb_captured_length_remaining(tvb, from);
    if (length <= 0) return 0;
    const std::span<const std::uint8_t> bytes(tvb_get_ptr(tvb, from, length), static_cast<std::size_t>(length));
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        if (plausible_message_start(bytes.subspan(at))) {
            direction.resynchronising = false;
            direction.after_snap = false;
            return static_cast<guint32>(at);
        }
    }
    return static_cast<guint32>(length);
}

// The held segments' octets were framed in this frame (0: never, the gap was given up).
void release_held(StreamDirection &direction, guint32 framed_in) {
    for (Reordering *held = direction.held_first; held != nullptr; held = held->next_held) held->framed_in = framed_in;
    if (direction.held != nullptr) wmem_free(wmem_file_scope(), direction.held);
    direction.held = nullptr;
    direction.held_length = 0;
    direction.held_capacity = 0;
    direction.held_first = direction.held_last = nullptr;
}

// A segment ahead of the next expected octet: hold its octets until the gap
// fills. Not when the capture cut it (the octets after the cut will never
// come), when the peer already acknowledged octets the capture does not have
// (they will never come either), when it leaves a second gap, or past the
// maximum message size.
bool hold(StreamDirection &direction, SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo, guint32 seq) {
    const guint32 captured = tvb_captured_length(tvb);
    if (captured == 0 || captured < tvb_reported_length(tvb)) return false;
    if (direction.ack_known && after(direction.acked, direction.next_seq)) return false;
    if (tcp_saw_gap(pinfo, direction.next_seq)) return false;
    const guint32 end = seq + captured;
    guint32 low = seq;
    guint32 high = end;
    if (direction.held_length > 0) {
        const guint32 held_end = direction.held_seq + direction.held_length;
        if (after(seq, held_end) || after(direction.held_seq, end)) return false;
        if (after(seq, direction.held_seq)) low = direction.held_seq;
        if (after(held_end, end)) high = held_end;
    }
    if (high - low > g_framing.max_message_size) return false;
    if (direction.held_length > 0 && low == direction.held_seq) {
        // The run grows at its end (the usual case): amortised doubling, and
        // only the octets past its end are copied (what was held stays).
        const guint32 held_end = direction.held_seq + direction.held_length;
        if (high - low > direction.held_capacity) {
            const guint32 capacity =
                std::min(std::max(high - low, direction.held_capacity * 2), g_framing.max_message_size);
            direction.held = static_cast<guint8 *>(wmem_realloc(wmem_file_scope(), direction.held, capacity));
            direction.held_capacity = capacity;
        }
        if (after(end, held_end))
            tvb_memcpy(tvb, direction.held + direction.held_length, static_cast<gint>(held_end - seq), end - held_end);
    } else {
        // The first segment held, or one before the run: a new run.
        auto *run = static_cast<guint8 *>(wmem_alloc(wmem_file_scope(), high - low));
        tvb_memcpy(tvb, run + (seq - low), 0, captured);
        if (direction.held_length > 0)
            std::memcpy(run + (direction.held_seq - low), direction.held, direction.held_length);
        if (direction.held != nullptr) wmem_free(wmem_file_scope(), direction.held);
        direction.held = run;
        direction.held_capacity = high - low;
    }
    direction.held_seq = low;
    direction.held_length = high - low;
    auto *held = wmem_new0(wmem_file_scope(), Reordering);
    held->held = true;
    plan.reordering = held;
    if (direction.held_last != nullptr)
        direction.held_last->next_held = held;
    else
        direction.held_first = held;
    direction.held_last = held;
    return true;
}

tvbuff_t *payload_tvb(const SegmentPlan &plan, tvbuff_t *tvb) {
    const Reordering &r = *plan.reordering;
    return tvb_new_child_real_data(tvb, r.payload, r.payload_length, static_cast<gint>(r.payload_reported));
}

// The payload framed in this frame: `head` then `tail` (captured octets),
// then `extra_reported` octets the capture did not keep.
tvbuff_t *join(SegmentPlan &plan, tvbuff_t *tvb, const guint8 *head, guint32 head_length, const guint8 *tail,
               guint32 tail_length, guint32 extra_reported) {
    auto *r = wmem_new0(wmem_file_scope(), Reordering);
    r->payload_length = head_length + tail_length;
    r->payload_reported = r->payload_length + extra_reported;
    r->payload = static_cast<guint8 *>(wmem_alloc(wmem_file_scope(), std::max<guint32>(r->payload_length, 1)));
    if (head_length > 0) std::memcpy(r->payload, head, head_length);
    if (tail_length > 0) std::memcpy(r->payload + head_length, tail, tail_length);
    plan.reordering = r;
    return payload_tvb(plan, tvb);
}

const guint8 *octets(tvbuff_t *tvb, guint32 from, guint32 length) {
    return length > 0 ? tvb_get_ptr(tvb, static_cast<gint>(from), static_cast<gint>(length)) : nullptr;
}

// Frames the payload that starts at sequence number `start`.
SegmentPlan *frame(StreamDirection &direction, SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo, guint32 start) {
    const guint32 length = tvb_captured_length(tvb);
    const bool snapped = length < tvb_reported_length(tvb);
    const auto behind = static_cast<gint32>(direction.next_seq - start);
    if (behind > 0) plan.skip = std::min(length, static_cast<guint32>(behind));
    const guint32 end_seq = start + tvb_reported_length(tvb);
    const bool new_octets = after(end_seq, direction.next_seq);
    if (new_octets) direction.next_seq = end_seq;
    if (plan.skip == length) {
        // Every octet kept was seen; those the capture did not keep are lost to the open message.
        if (new_octets && snapped && direction.open != nullptr) {
            plan.continued = direction.open;
            cut_by_snap(direction, *direction.open, pinfo);
        }
        return &plan;
    }
    if (direction.open != nullptr) {
        plan.continued = direction.open;
        plan.continued_until = continue_message(direction, *direction.open, tvb, pinfo, static_cast<gint>(plan.skip));
        if (snapped && direction.open != nullptr) cut_by_snap(direction, *direction.open, pinfo);
    }
    const guint32 from = plan.skip + plan.continued_until;
    plan.resync_until = from;
    if (direction.resynchronising && plan.continued_until < length - plan.skip) {
        plan.resync_quiet = direction.after_snap;
        plan.resync_until = from + resynchronise(direction, tvb, static_cast<gint>(from));
    }
    return &plan;
}

}  // namespace

StreamFraming &stream_framing() {
    return g_framing;
}

bool clamp_max_message_size(guint32 &was) {
    was = g_framing.max_message_size;
    g_framing.max_message_size = std::clamp(was, kMinMessageSize, kMaxMessageSize);
    return g_framing.max_message_size != was;
}

void register_stream_framing() {
    g_conversations = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_direct_hash, g_direct_equal);
}

SegmentPlan *plan_segment(tvbuff_t *tvb, packet_info *pinfo, void *data) {
    if (data == nullptr) return nullptr;
    // One plan per TCP layer of the frame (a tunnel can carry more than one segment).
    const guint32 layer = pinfo->curr_layer_num;
    if (PINFO_FD_VISITED(pinfo))
        return static_cast<SegmentPlan *>(frame_records::find(pinfo, frame_records::Kind::SegmentPlan, layer));
    const auto *tcp = static_cast<const struct tcpinfo *>(data);
    auto *plan = wmem_new0(wmem_file_scope(), SegmentPlan);
    frame_records::add(pinfo, frame_records::Kind::SegmentPlan, layer, plan);
    StreamDirection *peer = nullptr;
    StreamDirection &direction = direction_of(pinfo, &peer);
    if ((tcp->flags & TH_ACK) != 0) {
        peer->acked = tcp->lastackseq;
        peer->ack_known = true;
    }
    const guint32 seq = tcp->seq;
    if (!direction.seq_known) {
        direction.next_seq = expected_start(direction, pinfo, seq);
        direction.seq_known = true;
    }
    const guint32 captured = tvb_captured_length(tvb);
    const guint32 reported = tvb_reported_length(tvb);
    const guint32 held_end = direction.held_seq + direction.held_length;
    if (after(seq, direction.next_seq)) {
        if (hold(direction, *plan, tvb, pinfo, seq)) return plan;
        // The gap will not fill: the open message ends where it got to, and
        // what follows the gap may start inside a message.
        if (direction.open != nullptr) {
            plan->continued = direction.open;
            cut_off(direction, *direction.open, pinfo, DiagKind::StreamGap);
        }
        direction.resynchronising = true;
        direction.after_snap = false;
        if (direction.held_length > 0 && !after(direction.held_seq, seq) && !after(seq, held_end)) {
            // This segment goes on from the held run: the run, then the segment's octets beyond it.
            const guint32 overlap = std::min(held_end - seq, captured);
            const guint32 start = direction.held_seq;
            tvbuff_t *payload = join(*plan, tvb, direction.held, direction.held_length,
                                     octets(tvb, overlap, captured - overlap), captured - overlap, reported - captured);
            release_held(direction, pinfo->num);
            direction.next_seq = start;
            return frame(direction, *plan, payload, pinfo, start);
        }
        if (direction.held_length > 0) release_held(direction, 0);
        direction.next_seq = seq;
        return frame(direction, *plan, tvb, pinfo, seq);
    }
    if (direction.held_length > 0 && captured == reported && !after(direction.held_seq, seq + captured)) {
        // The segment fills the gap before the held run: its octets, then the held ones after them.
        const guint32 covered = std::min(seq + captured - direction.held_seq, direction.held_length);
        tvbuff_t *payload = join(*plan, tvb, octets(tvb, 0, captured), captured, direction.held + covered,
                                 direction.held_length - covered, 0);
        release_held(direction, pinfo->num);
        return frame(direction, *plan, payload, pinfo, seq);
    }
    if (direction.held_length > 0 && !after(direction.held_seq, seq + reported)) release_held(direction, 0);
    return frame(direction, *plan, tvb, pinfo, seq);
}

tvbuff_t *planned_payload(const SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo) {
    if (plan.reordering == nullptr || plan.reordering->payload == nullptr) return tvb;
    tvbuff_t *payload = payload_tvb(plan, tvb);
    add_new_data_source(pinfo, payload, "Reordered TCP payload");
    return payload;
}

bool is_first_payload(packet_info *pinfo) {
    // Later passes: the first pass's answer, kept with the frame.
    const guint32 layer = pinfo->curr_layer_num;
    if (PINFO_FD_VISITED(pinfo)) return frame_records::find(pinfo, frame_records::Kind::FirstPayload, layer) != nullptr;
    StreamDirection &direction = direction_of(pinfo);
    if (direction.first_payload_frame != 0 && direction.first_payload_frame != pinfo->num) return false;
    direction.first_payload_frame = pinfo->num;
    frame_records::add(pinfo, frame_records::Kind::FirstPayload, layer, GUINT_TO_POINTER(1));
    return true;
}

void start_message(SegmentPlan &plan, tvbuff_t *tvb, packet_info *pinfo, gint offset) {
    plan.started_at = static_cast<guint32>(offset);
    if (PINFO_FD_VISITED(pinfo)) return;
    StreamDirection &direction = direction_of(pinfo);
    auto *message = new (wmem_alloc(wmem_file_scope(), sizeof(StreamMessage))) StreamMessage{};
    message->first_frame = pinfo->num;
    direction.open = message;
    plan.started = message;
    continue_message(direction, *message, tvb, pinfo, offset);
}

void message_cut_by_capture(packet_info *pinfo) {
    if (PINFO_FD_VISITED(pinfo)) return;
    StreamDirection &direction = direction_of(pinfo);
    direction.resynchronising = true;
    direction.after_snap = true;
}

bool ended_incomplete_here(const StreamMessage &message, packet_info *pinfo) {
    return PINFO_FD_VISITED(pinfo) && message.last_frame == 0 && message.last_part_frame == pinfo->num;
}

}  // namespace rescap
