// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/dissector.hpp"

#include <limits>
#include <span>

#include <epan/exceptions.h>
#include <epan/expert.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/conversation.h>
#include <epan/proto_data.h>
#include <epan/dissectors/packet-tcp.h>
#include <wsutil/wslog.h>

#include "wireshark/compat.hpp"
#include "wireshark/decap/tunnels.hpp"
#include "wireshark/entry_guard.hpp"
#include "wireshark/ghostports/exposures.hpp"
#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/inventory.hpp"
#include "wireshark/ghostports/service_fields.hpp"
#include "wireshark/ghostports/withheld_frames.hpp"
#include "wireshark/rescap/attribute_prefs.hpp"
#include "wireshark/rescap/fields.hpp"
#include "core/rescap/heuristic.hpp"
#include "wireshark/rescap/pool_object.hpp"
#include "wireshark/rescap/render.hpp"
#include "core/rescap/stream_probe.hpp"
#include "wireshark/rescap/stream_framing.hpp"
#include "wireshark/rescap/tap.hpp"
#include "wireshark/rescap/transactions.hpp"

namespace rescap {
namespace {

constexpr const char *kDefaultPorts = "283";

enum class Transport { Udp, Tcp };

struct Globals {
    int proto = -1;
    dissector_handle_t udp_handle = nullptr;
    dissector_handle_t tcp_handle = nullptr;
    ws_compat::PrefBool desegment = TRUE;
    ghostports::ServiceFields service;
    ghostports::ExposureFields *exposures = nullptr;
};

Globals g;

std::span<const std::uint8_t> bytes_of(tvbuff_t *tvb, gint offset) {
    const gint length = tvb_captured_length_remaining(tvb, offset);
    if (length <= 0) return {};
    return {tvb_get_ptr(tvb, offset, length), static_cast<std::size_t>(length)};
}

// Request/response links and retransmissions (as packet-dns.c shows them);
// returns the response time for the tap, or null.
const nstime_t *add_transaction(proto_tree *tree, proto_item *root, tvbuff_t *tvb, packet_info *pinfo,
                                const MessageLink &link, Role role) {
    Fields &f = fields();
    const Transaction *transaction = link.transaction;
    if (transaction == nullptr) return nullptr;
    if (link.retransmission) {
        proto_item_set_generated(proto_tree_add_boolean(tree, f.retransmission, tvb, 0, 0, TRUE));
        const bool request = role == Role::Request;
        proto_item_set_generated(
            proto_tree_add_uint(tree, request ? f.retransmit_request_in : f.retransmit_response_in, tvb, 0, 0,
                                request ? transaction->request_frame : transaction->response_frame));
        expert_add_info(pinfo, root,
                        f.expert_for(request ? DiagKind::RetransmittedRequest : DiagKind::RetransmittedResponse));
    }
    if (role == Role::Request) {
        if (transaction->response_frame != 0 && !link.retransmission)
            proto_item_set_generated(proto_tree_add_uint(tree, f.response_in, tvb, 0, 0, transaction->response_frame));
        return nullptr;
    }
    proto_item_set_generated(proto_tree_add_uint(tree, f.response_to, tvb, 0, 0, transaction->request_frame));
    auto *delta = wmem_new(pinfo->pool, nstime_t);
    nstime_delta(delta, &pinfo->abs_ts, &transaction->request_time);
    proto_item_set_generated(proto_tree_add_time(tree, f.time, tvb, 0, 0, delta));
    // A duplicate is not a new measurement for the statistics.
    return link.retransmission ? nullptr : delta;
}

// One parsed message at `offset` of the payload; returns its tree item.
proto_item *show_message(tvbuff_t *payload, gint offset, packet_info *pinfo, proto_tree *tree,
                         const ParseResult &result, ConversationState &state, Transport transport) {
    Fields &f = fields();
    tvbuff_t *tvb = tvb_new_subset_length(payload, offset, static_cast<gint>(result.consumed));
    const auto input = bytes_of(tvb, 0);
    proto_item *root = proto_tree_add_item(tree, f.proto, tvb, 0, -1, ENC_NA);
    // Only the Info column and the top line show it: a pass with neither
    // (tshark -2's first) does not build it.
    if (pinfo->cinfo != nullptr || tree != nullptr) {
        const char *summary = message_summary(pinfo, result, input);
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", summary);
        proto_item_append_text(root, ", %s", summary);
    }
    proto_tree *message_tree = proto_item_add_subtree(root, f.ett_message);
    const MessageLink link = track_message(pinfo, g.proto, state, result.role, transport == Transport::Udp, input);
    if (link.retransmission) col_append_str(pinfo->cinfo, COL_INFO, " [retransmission]");
    const nstime_t *time = add_transaction(message_tree, root, tvb, pinfo, link, result.role);
    render_message(tvb, pinfo, message_tree, result, input);
    if (tap_has_listeners()) queue_tap(pinfo, make_tap_record(pinfo, result, input, transport == Transport::Tcp, time));
    return root;
}

// A payload on a rescap port that is not rescap: say so, name it when strong
// evidence does (signature, nmap fingerprint), and hand the bytes on.
int hand_off(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, Transport transport,
             bool first_of_conversation) {
    Fields &f = fields();
    const bool tcp = transport == Transport::Tcp;
    const ghostports::HandOffRequest request{"rescap", tcp, tcp ? g.tcp_handle : g.udp_handle};
    const ghostports::HandOffPlan plan = ghostports::plan_hand_off(tvb, pinfo, data, request);
    const char *name = *plan.identity.protocol != '\0' ? plan.identity.protocol : nullptr;

    // The layer and its finding first: they stay even if the sub-dissector throws.
    proto_item *root = proto_tree_add_item(tree, f.proto, tvb, 0, -1, ENC_NA);
    proto_item_append_text(root, " (not rescap)");
    proto_tree *subtree = proto_item_add_subtree(root, f.ett_message);
    const bool from_client = !plan.from_server;
    auto *inventory = ghostports::begin_inventory(pinfo, tcp, from_client, "RESCAP");
    ghostports::report_exposures(tvb, pinfo, subtree, root, g.exposures, plan);

    proto_tree *service_tree = ghostports::add_service_tree(subtree, tvb, g.service, plan);
    auto show_name = [&](const ghostports::HandOffPlan &named) {
        // The service line says it already: filterable (rescap.identified), not shown.
        proto_item_set_hidden(proto_tree_add_string(subtree, f.identified, tvb, 0, 0, named.identity.protocol));
        proto_item_append_text(root, ": %s", named.identity.protocol);  // the top line names what it is
        if (transport == Transport::Udp || first_of_conversation || named.named_here)
            // One short sentence; the evidence has its own field (rescap.service.evidence).
            expert_add_info_format(pinfo, root, f.expert_for(DiagKind::NotRescap),
                                   "Not rescap: %s on port %u (a service on the wrong port?)", named.identity.protocol,
                                   named.from_server ? pinfo->srcport : pinfo->destport);
    };
    if (name != nullptr) show_name(plan);
    if (tap_has_listeners()) queue_tap(pinfo, make_not_rescap_record(pinfo, tcp));
    // A tunnel or a bare packet: decoded as decap decodes it on 403 (issue 20).
    if (decap::try_inner(tvb, pinfo, tree, subtree, root, {"RESCAP", "Not rescap", inventory}) != nullptr)
        return static_cast<int>(tvb_captured_length(tvb));
    // Queued before the hand-off: a sub-dissector's exception must not lose it.
    ghostports::finish_inventory(pinfo, inventory, name, &plan.identity);

    const char *protocol_before = ghostports::prepare_columns(pinfo);
    const ghostports::HandOffResult result = ghostports::run_hand_off(tvb, pinfo, tree, data, request, plan);
    const ghostports::HandOffPlan shown = ghostports::plan_after(plan, result);
    if (result.named_now != nullptr) {
        ghostports::name_service_tree(service_tree, tvb, g.service, shown.identity);
        show_name(shown);
    } else if (name == nullptr && (transport == Transport::Udp || first_of_conversation)) {
        // After the hand-off: a heuristic strict enough to name may have named it.
        expert_add_info_format(pinfo, root, f.expert_for(DiagKind::NotRescap), "Not rescap, not recognised");
    }
    ghostports::add_decoded_by(service_tree, tvb, g.service, result, shown.identity);
    ghostports::label_columns(pinfo, "RESCAP", protocol_before,
                              ghostports::frame_summary(pinfo, shown, "Not rescap, unrecognised payload"));
    return static_cast<int>(tvb_captured_length(tvb));
}

// The parse result lives in pinfo->pool: dissecting it calls epan, which may
// throw (longjmp) past any C++ destructor on the stack.
ParseResult *parse_in_pool(packet_info *pinfo, std::span<const std::uint8_t> input, const ParseOptions &options) {
    static_assert(alignof(Item) <= 8 && alignof(Fragment) <= 8, "wmem_alloc aligns to 8 octets");
    ParseOptions in_pool = options;
    in_pool.memory = pool_resource(pinfo->pool);
    return pool_make<ParseResult>(pinfo->pool, parse_message(input, in_pool));
}

// Whether TLS carries this frame's rescap: the layers compared by protocol
// id (proto_is_frame_protocol compares every layer's name, on every message).
bool inside_tls(packet_info *pinfo) {
    static const int tls = proto_get_id_by_filter_name("tls");
    for (wmem_list_frame_t *layer = wmem_list_head(pinfo->layers); layer != nullptr;
         layer = wmem_list_frame_next(layer))
        if (GPOINTER_TO_INT(wmem_list_frame_data(layer)) == tls) return true;
    return false;
}

ParseOptions options_for(packet_info *pinfo, Transport transport) {
    ParseOptions options;
    options.stream = transport == Transport::Tcp;
    options.cleartext = !inside_tls(pinfo);
    options.attributes = &attribute_table();
    return options;
}

// The octets the message may have from `offset` when the capture kept fewer
// (snap length): the datagram's, or on TCP any number (the stream goes on).
ParseOptions snap_options(tvbuff_t *tvb, gint offset, ParseOptions options) {
    const gint reported = tvb_reported_length_remaining(tvb, offset);
    if (reported > tvb_captured_length_remaining(tvb, offset))
        options.reported_length =
            options.stream ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(reported);
    return options;
}

void show_rescap_columns(packet_info *pinfo, bool &shown) {
    if (shown) return;
    col_set_str(pinfo->cinfo, COL_PROTOCOL, "RESCAP");
    col_clear(pinfo->cinfo, COL_INFO);
    shown = true;
}

// "[3 Reassembled TCP Segments (2100 bytes): #6(700), #8(700), #10(700)]",
// a line per segment that links to it, the count and the length: what TCP
// shows for the PDUs tcp_dissect_pdus reassembles.
void add_segment_list(proto_tree *tree, tvbuff_t *whole, const StreamMessage &message) {
    Fields &f = fields();
    const guint parts = message.parts != nullptr ? wmem_array_get_count(message.parts) : 0;
    proto_item *list = proto_tree_add_item(tree, f.stream_segment_list, whole, 0, -1, ENC_NA);
    proto_item_set_generated(list);
    proto_item_set_text(list, "%u Reassembled TCP Segments (%u bytes): ", parts, message.length);
    proto_tree *segments = proto_item_add_subtree(list, f.ett_stream_segments);
    for (guint i = 0; i < parts; ++i) {
        const auto *part = static_cast<const StreamPart *>(wmem_array_index(message.parts, i));
        const guint32 end = i + 1 < parts
                                ? static_cast<const StreamPart *>(wmem_array_index(message.parts, i + 1))->offset
                                : message.length;
        const guint32 length = end > part->offset ? end - part->offset : 0;
        proto_item_append_text(list, "%s#%u(%u)", i == 0 ? "" : ", ", part->frame, length);
        proto_item_set_generated(proto_tree_add_uint_format(
            segments, f.stream_segment, whole, static_cast<gint>(part->offset), static_cast<gint>(length), part->frame,
            "Frame: %u, payload: %u-%u (%u bytes)", part->frame, part->offset, end - 1, length));
    }
    proto_item_set_generated(proto_tree_add_uint(segments, f.stream_segments, whole, 0, 0, message.segments));
    proto_item_set_generated(proto_tree_add_uint(segments, f.stream_length, whole, 0, 0, message.length));
}

// A message that spanned segments, shown in the segment where it ended.
void show_assembled(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const StreamMessage &message,
                    ConversationState &state, bool &shown) {
    tvbuff_t *whole = tvb_new_child_real_data(tvb, message.bytes, message.length, message.length);
    add_new_data_source(pinfo, whole, "Reassembled rescap message");
    ParseOptions options = options_for(pinfo, Transport::Tcp);
    // Cut off: what is missing is missing for good.
    options.stream = !message.ended_early;
    // Octets the capture did not keep, that never reached rescap (a gap), or
    // that the stream never sent are said once below, not as malformed items.
    const bool incomplete = ended_incomplete_here(message, pinfo);
    const bool gap = message.ended_early && message.why == DiagKind::StreamGap;
    if (message.snapped || incomplete || gap) {
        options.stream = false;
        options.reported_length = std::numeric_limits<std::size_t>::max();
    }
    ParseResult &result = *parse_in_pool(pinfo, bytes_of(whole, 0), options);
    if (result.consumed == 0 || result.consumed > message.length) result.consumed = message.length;
    show_rescap_columns(pinfo, shown);
    proto_item *root = show_message(whole, 0, pinfo, tree, result, state, Transport::Tcp);
    proto_tree *message_tree = proto_item_get_subtree(root);
    Fields &f = fields();
    proto_item_set_generated(proto_tree_add_uint(message_tree, f.stream_starts_in, whole, 0, 0, message.first_frame));
    add_segment_list(message_tree, whole, message);
    if (incomplete) expert_add_info(pinfo, root, f.expert_for(DiagKind::MessageIncomplete));
    // Nothing with a destructor is alive here or in the callers (Wireshark exceptions are longjmp).
    if (message.snapped) THROW(BoundsError);
    if (!message.ended_early) return;
    if (message.why == DiagKind::MessageTooLong)
        expert_add_info_format(pinfo, root, fields().expert_for(message.why),
                               "Message longer than %u octets (preference rescap.max_message_size): shown as far "
                               "as it went; the stream resumes at the next plausible message start",
                               stream_framing().max_message_size);
    else
        expert_add_info(pinfo, root, fields().expert_for(message.why));
}

// Octets of the payload that belong to a message shown in another frame.
void show_message_part(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, gint offset, gint length,
                       const StreamMessage &message, bool &shown) {
    Fields &f = fields();
    proto_item *root = proto_tree_add_item(tree, f.proto, tvb, offset, length, ENC_NA);
    proto_item_append_text(root, ", message part");
    proto_tree *part_tree = proto_item_add_subtree(root, f.ett_message);
    proto_tree_add_uint(part_tree, f.stream_part, tvb, offset, length, static_cast<guint32>(length));
    if (message.not_rescap) {
        // Known after the first pass: the octets that followed began no rescap message.
        proto_item_append_text(root, " (not rescap: the stream's next octets began no message)");
        show_rescap_columns(pinfo, shown);
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "Not rescap");
        return;
    }
    // The first segment needs no link to itself.
    if (message.first_frame != pinfo->num)
        proto_item_set_generated(proto_tree_add_uint(part_tree, f.stream_starts_in, tvb, 0, 0, message.first_frame));
    show_rescap_columns(pinfo, shown);
    if (message.last_frame != 0) {
        proto_item_set_generated(
            proto_tree_add_uint(part_tree, f.stream_reassembled_in, tvb, 0, 0, message.last_frame));
        // What TCP says of a segment whose PDU is shown in a later frame.
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "[TCP segment of a reassembled PDU]");
    } else if (PINFO_FD_VISITED(pinfo)) {
        // After the first pass: the stream (or the capture) ended inside the message.
        proto_item_set_generated(
            proto_tree_add_uint(part_tree, f.stream_reassembled_in, tvb, 0, 0, message.last_part_frame));
        col_append_sep_fstr(pinfo->cinfo, COL_INFO, " | ", "Message part (incomplete, shown in frame %u)",
                            message.last_part_frame);
    } else {
        // One pass: the message is still open; it will be shown where it ends.
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "[TCP segment of a reassembled PDU]");
    }
}

// A segment that came ahead of a gap in the stream: its octets are framed
// with the segment that fills the gap.
void show_held(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const SegmentPlan &plan, bool &shown) {
    proto_item *item = proto_tree_add_item(tree, fields().proto, tvb, 0, -1, ENC_NA);
    show_rescap_columns(pinfo, shown);
    const guint32 framed_in = plan.reordering->framed_in;
    if (framed_in != 0) {
        proto_item_append_text(item, ", segment ahead of a gap in the stream (framed in frame %u)", framed_in);
        col_append_sep_fstr(pinfo->cinfo, COL_INFO, " | ", "Segment out of order (framed in frame %u)", framed_in);
    } else if (PINFO_FD_VISITED(pinfo)) {
        // The gap's octets never reached rescap (not captured, or kept back by TCP: doc/decisions-framing.md).
        proto_item_append_text(item, ", segment after a gap whose octets never reached rescap (not framed)");
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "Segment after a gap (not framed)");
    } else {
        proto_item_append_text(item, ", segment ahead of a gap in the stream (held until the gap fills)");
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "Segment out of order (held)");
    }
}

// The framing of one TCP segment that the plan accounts for before the
// loop: retransmitted octets, the end of (or a part of) a message that
// began earlier, octets skipped to resynchronise. Returns where the loop starts.
gint show_planned(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const SegmentPlan &plan,
                  ConversationState &state, bool &shown) {
    gint offset = static_cast<gint>(plan.skip);
    if (plan.skip > 0) {
        proto_item *item = proto_tree_add_item(tree, fields().proto, tvb, 0, offset, ENC_NA);
        proto_item_append_text(item, ", %d octets seen before (retransmitted)", offset);
    }
    if (plan.continued != nullptr && !plan.continued->not_rescap) {
        const StreamMessage &message = *plan.continued;
        if (message.last_frame == pinfo->num || ended_incomplete_here(message, pinfo))
            show_assembled(tvb, pinfo, tree, message, state, shown);
        else
            show_message_part(tvb, pinfo, tree, offset, static_cast<gint>(plan.continued_until), message, shown);
        offset += static_cast<gint>(plan.continued_until);
    }
    if (static_cast<gint>(plan.resync_until) > offset) {
        const gint skipped = static_cast<gint>(plan.resync_until) - offset;
        proto_item *item = proto_tree_add_item(tree, fields().proto, tvb, offset, skipped, ENC_NA);
        show_rescap_columns(pinfo, shown);
        if (plan.resync_quiet) {
            // The rest of a message the capture's snap length cut: nothing wrong with the stream.
            proto_item_append_text(item, ", %d octets of a message the capture cut (snap length)", skipped);
            col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "Message part (cut by the capture)");
            return static_cast<gint>(plan.resync_until);
        }
        proto_item_append_text(item, ", %d octets skipped", skipped);
        expert_add_info_format(pinfo, item, fields().expert_for(DiagKind::Resynchronised),
                               "%d octets skipped up to the next plausible message start", skipped);
        col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", "Resynchronising");
        offset = static_cast<gint>(plan.resync_until);
    }
    return offset;
}

// doc/decisions.md decision 1: a payload that starts like rescap (0x0001 / 0x000C)
// is rescap, even malformed, unless its rescap structure fails (an
// error-level finding) and a strong signature of another protocol explains
// it (TFTP RRQ, STUN, memcached's UDP frame header all start 00 01).
// The parse comes first (most payloads that start like rescap are rescap,
// and the signature table is the dearer check); it is left in `parsed`
// (pinfo->pool) for the caller to show.
bool explained_otherwise(tvbuff_t *tvb, packet_info *pinfo, Transport transport, ParseOptions options,
                         ParseResult *&parsed) {
    const auto input = bytes_of(tvb, 0);
    if (!starts_like_rescap(input)) return false;
    options.stream = false;
    parsed = parse_in_pool(pinfo, input, options);
    return parsed->has_errors() &&
           ghostports::strong_signature(tvb, pinfo, "rescap", transport == Transport::Tcp) != nullptr;
}

// `first` is the message at offset 0 when a heuristic already parsed it (in
// pinfo->pool). Nothing here holds a C++ object with a destructor while
// calling epan: parse results live in pinfo->pool (pool_object.hpp).
int dissect(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, Transport transport,
            ParseResult *first = nullptr) {
    ConversationState &state = conversation_state(pinfo);
    const bool stream = transport == Transport::Tcp;
    const bool first_of_conversation =
        !stream || state.verdict == Verdict::Unknown || state.first_payload_frame == pinfo->num;
    // rescap never asks TCP to reassemble: a reassembled payload is what a
    // sub-dissector after a rescap message asked for (desegment_offset below).
    const bool reassembled = stream && data != nullptr && static_cast<const struct tcpinfo *>(data)->is_reassembled;
    if ((stream && state.verdict == Verdict::NotRescap) || reassembled)
        return hand_off(tvb, pinfo, tree, data, transport, first_of_conversation);
    const ParseOptions options = options_for(pinfo, transport);
    if (first == nullptr && (!stream || state.verdict == Verdict::Unknown)) {
        ParseResult *parsed = nullptr;
        if (explained_otherwise(tvb, pinfo, transport, options, parsed)) {
            if (stream && !PINFO_FD_VISITED(pinfo)) {
                state.verdict = Verdict::NotRescap;
                state.first_payload_frame = pinfo->num;
            }
            return hand_off(tvb, pinfo, tree, data, transport, true);
        }
        // A datagram is one message, parsed with the same options: shown from this parse.
        if (!stream) first = parsed;
    }

    const gint own_length = static_cast<gint>(tvb_captured_length(tvb));
    // TCP does not let a segment the snap length cut be reassembled; rescap's framing still follows it.
    const bool own_snapped = tvb_captured_length(tvb) < tvb_reported_length(tvb);
    SegmentPlan *plan = stream && g.desegment && (pinfo->can_desegment || (own_snapped && !pinfo->flags.in_error_pkt))
                            ? plan_segment(tvb, pinfo, data)
                            : nullptr;
    bool shown = false;
    if (plan != nullptr && is_held(*plan)) {
        show_held(tvb, pinfo, tree, *plan, shown);
        return own_length;
    }
    // Offsets below are in the planned payload: the segment's own octets, or reordered ones.
    tvbuff_t *const segment = tvb;
    if (plan != nullptr) tvb = planned_payload(*plan, tvb, pinfo);
    const gint length = static_cast<gint>(tvb_captured_length(tvb));
    const bool snapped = tvb_captured_length(tvb) < tvb_reported_length(tvb);
    gint offset = plan != nullptr ? show_planned(tvb, pinfo, tree, *plan, state, shown) : 0;
    while (offset < length) {
        auto input = bytes_of(tvb, offset);
        bool parsed_first = offset == 0 && first != nullptr;
        if (plan != nullptr) {
            // Only a message that ends in this segment is parsed here (ignored items after it included).
            const std::size_t framed = framed_length(input);
            const bool goes_on = framed == 0 && probe_stream(input).state != StreamProbe::State::Undecided;
            if (goes_on && snapped) {
                // It goes on past what the capture kept: shown below as far as it goes; the rest is skipped.
                message_cut_by_capture(pinfo);
            } else if (goes_on) {
                // It goes on past the segment: assembled and parsed where it ends.
                start_message(*plan, tvb, pinfo, offset);
                // One octet cannot say rescap yet: the verdict waits for the next.
                if (state.verdict == Verdict::Unknown && !PINFO_FD_VISITED(pinfo) && input.size() >= 2) {
                    state.verdict = Verdict::Rescap;
                    state.first_payload_frame = pinfo->num;
                }
                // The first pass made the plan with the message it started.
                const StreamMessage *message = plan->started;
                if (message != nullptr && (message->last_frame == pinfo->num || ended_incomplete_here(*message, pinfo)))
                    show_assembled(tvb, pinfo, tree, *message, state, shown);
                else if (message != nullptr)
                    show_message_part(tvb, pinfo, tree, offset, length - offset, *message, shown);
                return own_length;
            }
            if (framed != 0 && framed < input.size()) {
                input = input.first(framed);
                parsed_first = false;
            }
        }
        // The capture's snap length kept too little to tell what this is.
        if (snapped && input.size() < 2) THROW(BoundsError);
        if (snapped) parsed_first = false;  // parsed again, knowing about the cut
        ParseResult &result = *(parsed_first ? first : parse_in_pool(pinfo, input, snap_options(tvb, offset, options)));
        if (stream && state.verdict == Verdict::Unknown && !PINFO_FD_VISITED(pinfo)) {
            state.verdict = result.is_rescap ? Verdict::Rescap : Verdict::NotRescap;
            state.first_payload_frame = pinfo->num;
        }
        if (!result.is_rescap) {
            tvbuff_t *rest = tvb_new_subset_remaining(tvb, offset);
            hand_off(rest, pinfo, tree, data, transport, first_of_conversation && !shown);
            // The sub-dissector asked TCP for more from an offset in `rest`; TCP counts from the segment's start.
            if (pinfo->desegment_len != 0) {
                if (tvb == segment)
                    pinfo->desegment_offset += offset;
                else
                    pinfo->desegment_len = 0;  // reordered octets: TCP cannot reassemble from them
            }
            return own_length;
        }
        show_rescap_columns(pinfo, shown);
        // An incomplete message that cannot wait for more is shown as far as it goes.
        if (result.consumed == 0) result.consumed = input.size();
        show_message(tvb, offset, pinfo, tree, result, state, transport);
        // Cut by the snap length: Wireshark's "Packet size limited during
        // capture" (BoundsError), not malformed. Nothing with a destructor is
        // alive in this frame or its callers here (Wireshark exceptions are longjmp).
        if (result.snapped) THROW(BoundsError);
        offset += static_cast<gint>(result.consumed);
    }
    // The segment goes on past what the capture kept.
    if (snapped) THROW(BoundsError);
    return own_length;
}

int dissect_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return dissect(tvb, pinfo, tree, data, Transport::Udp); });
}

int dissect_tcp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return dissect(tvb, pinfo, tree, data, Transport::Tcp); });
}

// rescap on any port (servers are found through DNS SRV records): claim
// only what parses as a whole, plausible message.
ws_compat::HeuristicResult heuristic(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data,
                                     Transport transport) {
    const auto input = bytes_of(tvb, 0);
    if (ghostports::handing_off()) return FALSE;
    const bool stream = transport == Transport::Tcp;
    if (stream && !is_first_payload(pinfo)) return FALSE;
    if (!starts_like_rescap(input)) return FALSE;
    ParseResult *result = parse_in_pool(pinfo, input, options_for(pinfo, transport));
    // A first payload that ends inside its first child is judged by the headers it has.
    const bool plausible =
        looks_like_rescap(*result, input.size()) || (stream && result->incomplete && plausible_message_start(input));
    if (!plausible) return FALSE;
    if (transport == Transport::Tcp) conversation_set_dissector(find_or_create_conversation(pinfo), g.tcp_handle);
    dissect(tvb, pinfo, tree, data, transport, result);
    return TRUE;
}

ws_compat::HeuristicResult heuristic_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return heuristic(tvb, pinfo, tree, data, Transport::Udp); });
}

ws_compat::HeuristicResult heuristic_tcp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return heuristic(tvb, pinfo, tree, data, Transport::Tcp); });
}

// Wireshark 4.0 checks no range for a uint preference: clamp it here.
void apply_preferences() {
    guint32 was = 0;
    if (clamp_max_message_size(was))
        ws_log("rescap", LOG_LEVEL_WARNING, "rescap.max_message_size %u is outside %u..%u octets: %u is used", was,
               kMinMessageSize, kMaxMessageSize, stream_framing().max_message_size);
}

}  // namespace

void register_protocol() {
    g.proto = proto_register_protocol("Resource Capabilities Discovery", "RESCAP", "rescap");
    register_fields(g.proto);
    module_t *module = prefs_register_protocol(g.proto, apply_preferences);
    prefs_register_bool_preference(module, "desegment", "Reassemble rescap messages spanning multiple TCP segments",
                                   "Whether the rescap dissector should reassemble messages spanning multiple TCP "
                                   "segments. To use this option, you must also enable \"Allow subdissectors to "
                                   "reassemble TCP streams\" in the TCP protocol settings.",
                                   &g.desegment);
    prefs_register_uint_preference(
        module, "max_message_size", "Maximum message size (octets)",
        "A rescap message on TCP that grows past this many octets is shown as far as it went, with the expert "
        "info rescap.expert.message_too_long, and the stream resumes at the next plausible message start. Bounds "
        "the memory and time one endless message can cost (default 8 MiB), and the octets held for segments that "
        "arrive out of order. From 12 (the smallest well-formed message) to 268435456 (256 MiB): a value outside "
        "is replaced by the nearest limit, with a warning in the log.",
        10, &stream_framing().max_message_size);
    register_attribute_table(module);
    ghostports::register_service_fields(g.proto, "rescap", g.service);
    g.udp_handle = register_dissector("rescap.udp", dissect_udp, g.proto);
    g.tcp_handle = register_dissector("rescap.tcp", dissect_tcp, g.proto);
    register_tap();
    register_stream_framing();
    g.exposures = ghostports::register_exposure_fields(g.proto, "rescap");
}

void register_handoff() {
    dissector_add_uint_range_with_preference("udp.port", kDefaultPorts, g.udp_handle);
    dissector_add_uint_range_with_preference("tcp.port", kDefaultPorts, g.tcp_handle);
    heur_dissector_add("udp", heuristic_udp, "rescap over UDP on any port", "rescap_udp", g.proto, HEURISTIC_DISABLE);
    heur_dissector_add("tcp", heuristic_tcp, "rescap over TCP on any port", "rescap_tcp", g.proto, HEURISTIC_DISABLE);
    register_stats();
    ghostports::register_ghost_layer({"rescap", "RESCAP", g.proto, &g.service, g.exposures});
    ghostports::register_withheld_frames();
}

}  // namespace rescap
