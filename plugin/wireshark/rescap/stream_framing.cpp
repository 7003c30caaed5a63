#include "wireshark/rescap/stream_framing.hpp"

#include <algorithm>
#include <new>

#include <epan/conversation.h>
#include <epan/dissectors/packet-tcp.h>

#include "core/rescap/heuristic.hpp"
#include "wireshark/frame_records.hpp"

namespace rescap {
namespace {

// Per TCP conversation: both directions' assembly state (first pass only).
struct StreamDirection {
    guint32 first_payload_frame;  // 0: none seen yet
    bool seq_known;
    guint32 next_seq;      // first octet not seen yet
    StreamMessage *open;   // the message being assembled
    bool resynchronising;  // after a cut-off message: looking for a plausible start
};

struct StreamConversation {
    StreamDirection direction[2];
};

wmem_map_t *g_conversations = nullptr;
StreamFraming g_framing;

StreamDirection &direction_of(packet_info *pinfo) {
    conversation_t *conversation = find_or_create_conversation(pinfo);
    auto *state = static_cast<StreamConversation *>(wmem_map_lookup(g_conversations, conversation));
    if (state == nullptr) {
        state = wmem_new0(wmem_file_scope(), StreamConversation);
        wmem_map_insert(g_conversations, conversation, state);
    }
    const int order = cmp_address(&pinfo->src, &pinfo->dst);
    const bool forward = order < 0 || (order == 0 && pinfo->srcport <= pinfo->destport);
    return state->direction[forward ? 0 : 1];
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
}

// The open message takes the segment's octets from `from`; returns how many
// of them belong to it.
guint32 continue_message(StreamDirection &direction, StreamMessage &message, tvbuff_t *tvb, packet_info *pinfo,
                         gint from) {
    const guint32 before = message.length;
    const gint available = tvb_captured_length_remaining(tvb, from);
    append(message, tvb, from, available);
    ++message.segments;
    const std::span<const std::uint8_t> bytes(message.bytes, message.length);
    if (!message.proper_complete) {
        const StreamProbe probe = message.walker.advance(bytes);
        if (probe.state == StreamProbe::State::Complete) {
            message.proper_complete = true;
            message.tail_end = static_cast<guint32>(probe.length);
        }
    }
    if (message.proper_complete) {
        bool cut = false;
        message.tail_end = static_cast<guint32>(ignored_tail_end(bytes, message.tail_end, cut));
        if (!cut || message.tail_end > g_framing.max_message_size) {
            // Ends in this segment: what follows it is the stream's next message.
            message.length = std::max(message.tail_end, before);
            end_message(direction, message, pinfo);
            if (cut) cut_off(direction, message, pinfo, DiagKind::MessageTooLong);
            return message.length - before;
        }
    }
    if (message.length > g_framing.max_message_size) {
        message.length = g_framing.max_message_size;
        cut_off(direction, message, pinfo, DiagKind::MessageTooLong);
        return static_cast<guint32>(available);
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
            return static_cast<guint32>(at);
        }
    }
    return static_cast<guint32>(length);
}

}  // namespace

StreamFraming &stream_framing() {
    return g_framing;
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
    StreamDirection &direction = direction_of(pinfo);
    const guint32 length = tvb_captured_length(tvb);
    if (direction.seq_known) {
        // Sequence arithmetic modulo 2^32: how far this segment starts before the next new octet.
        const auto behind = static_cast<gint32>(direction.next_seq - tcp->seq);
        if (behind > 0) plan->skip = std::min(length, static_cast<guint32>(behind));
        if (behind < 0 && direction.open != nullptr) {
            // Octets lost in a gap: the open message ends where it got to.
            plan->continued = direction.open;
            cut_off(direction, *direction.open, pinfo, DiagKind::StreamGap);
        }
    }
    const guint32 end_seq = tcp->seq + length;
    if (!direction.seq_known || static_cast<gint32>(end_seq - direction.next_seq) > 0) direction.next_seq = end_seq;
    direction.seq_known = true;
    if (plan->skip == length) return plan;

    if (direction.open != nullptr) {
        plan->continued = direction.open;
        plan->continued_until = continue_message(direction, *direction.open, tvb, pinfo, static_cast<gint>(plan->skip));
    }
    const guint32 from = plan->skip + plan->continued_until;
    plan->resync_until = from;
    if (direction.resynchronising && plan->continued_until < length - plan->skip)
        plan->resync_until = from + resynchronise(direction, tvb, static_cast<gint>(from));
    return plan;
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

}  // namespace rescap
