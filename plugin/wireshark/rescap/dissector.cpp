#include "wireshark/rescap/dissector.hpp"

#include <span>

#include <epan/expert.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/conversation.h>
#include <epan/proto_data.h>

#include "wireshark/ghostports/exposures.hpp"
#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/inventory.hpp"
#include "core/ghostports/signatures.hpp"
#include "wireshark/rescap/attribute_prefs.hpp"
#include "wireshark/rescap/fields.hpp"
#include "core/rescap/heuristic.hpp"
#include "wireshark/rescap/render.hpp"
#include "core/rescap/stream_probe.hpp"
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
    ghostports::ExposureFields *exposures = nullptr;
    gboolean desegment = TRUE;
};

Globals g;

// Set while a non-rescap payload is handed to TCP's/UDP's heuristics, which
// include rescap's own: those must not claim it back (endless recursion).
bool g_handing_off = false;

struct HandOffScope {
    HandOffScope() { g_handing_off = true; }
    ~HandOffScope() { g_handing_off = false; }
    HandOffScope(const HandOffScope &) = delete;
    HandOffScope &operator=(const HandOffScope &) = delete;
};

std::span<const std::uint8_t> bytes_of(tvbuff_t *tvb, gint offset) {
    const gint length = tvb_captured_length_remaining(tvb, offset);
    if (length <= 0) return {};
    return {tvb_get_ptr(tvb, offset, length), static_cast<std::size_t>(length)};
}

// Request/response links; returns the response time, or null.
const nstime_t *add_transaction(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo, const Transaction *transaction,
                                Role role) {
    Fields &f = fields();
    if (transaction == nullptr) return nullptr;
    if (role == Role::Request) {
        if (transaction->response_frame != 0)
            proto_item_set_generated(proto_tree_add_uint(tree, f.response_in, tvb, 0, 0, transaction->response_frame));
        return nullptr;
    }
    proto_item_set_generated(proto_tree_add_uint(tree, f.response_to, tvb, 0, 0, transaction->request_frame));
    auto *delta = wmem_new(pinfo->pool, nstime_t);
    nstime_delta(delta, &pinfo->abs_ts, &transaction->request_time);
    proto_item_set_generated(proto_tree_add_time(tree, f.time, tvb, 0, 0, delta));
    return delta;
}

// One parsed message at `offset` of the payload.
void show_message(tvbuff_t *payload, gint offset, packet_info *pinfo, proto_tree *tree, const ParseResult &result,
                  ConversationState &state, Transport transport) {
    Fields &f = fields();
    tvbuff_t *tvb = tvb_new_subset_length(payload, offset, static_cast<gint>(result.consumed));
    const auto input = bytes_of(tvb, 0);
    const char *summary = message_summary(pinfo, result, input);
    col_append_sep_str(pinfo->cinfo, COL_INFO, " | ", summary);
    proto_item *root = proto_tree_add_item(tree, f.proto, tvb, 0, -1, ENC_NA);
    proto_item_append_text(root, ", %s", summary);
    proto_tree *message_tree = proto_item_add_subtree(root, f.ett_message);
    const nstime_t *time = add_transaction(
        message_tree, tvb, pinfo, track_transaction(pinfo, g.proto, state, result.role, static_cast<guint32>(offset)),
        result.role);
    render_message(tvb, pinfo, message_tree, result, input);
    queue_tap(pinfo, make_tap_record(pinfo, result, input, transport == Transport::Tcp, time));
}

// A payload on a rescap port that is not rescap: say so, name it when a
// signature or a heuristic dissector knows it, and hand the bytes on.
int hand_off(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, Transport transport,
             ConversationState &state, bool first_of_conversation) {
    Fields &f = fields();
    proto_item *root = proto_tree_add_item(tree, f.proto, tvb, 0, -1, ENC_NA);
    proto_item_append_text(root, " (not rescap)");
    proto_tree *subtree = proto_item_add_subtree(root, f.ett_message);
    const bool from_client = pinfo->destport == pinfo->match_uint;  // the server is on the rescap port
    auto *inventory = ghostports::begin_inventory(pinfo, transport == Transport::Tcp, from_client, "RESCAP");
    ghostports::report_exposures(tvb, pinfo, subtree, root, g.exposures, from_client);

    // A TCP connection keeps the verdict of its first payload.
    const bool decide = transport == Transport::Udp || first_of_conversation;
    const auto known = ghostports::identify_once(pinfo, tvb, decide, state.identified);
    const char *protocol_before = ghostports::prepare_columns(pinfo);
    const char *name = nullptr;
    {
        const HandOffScope scope;
        name = ghostports::hand_off_payload(tvb, pinfo, tree, data, transport == Transport::Tcp, known);
    }
    ghostports::label_columns(pinfo, "RESCAP", protocol_before,
                              name != nullptr ? "Not rescap" : "Not rescap, unrecognised payload");
    if (name != nullptr) proto_item_set_generated(proto_tree_add_string(subtree, f.identified, tvb, 0, 0, name));
    if (transport == Transport::Udp || first_of_conversation) {
        if (name != nullptr)
            expert_add_info_format(pinfo, root, f.expert_for(DiagKind::NotRescap),
                                   "Payload on a rescap port is not rescap: it is %s (a service on the wrong port?)",
                                   name);
        else
            expert_add_info_format(pinfo, root, f.expert_for(DiagKind::NotRescap),
                                   "Payload on a rescap port is not rescap and not recognised");
    }
    queue_tap(pinfo, make_not_rescap_record(pinfo, transport == Transport::Tcp));
    ghostports::finish_inventory(pinfo, inventory, name);
    return static_cast<int>(tvb_captured_length(tvb));
}

// Asks TCP for the rest of the message at `offset`. A lower bound could end
// a reassembly inside a segment that the message continues past, so only an
// exact total (`whole` octets, 0 = unknown) is asked for; otherwise one more
// segment at a time.
int ask_for_more(packet_info *pinfo, gint offset, std::size_t have, std::size_t whole) {
    pinfo->desegment_offset = offset;
    pinfo->desegment_len =
        whole > have ? static_cast<guint32>(whole - have) : static_cast<guint32>(DESEGMENT_ONE_MORE_SEGMENT);
    return offset + static_cast<gint>(have);
}

ParseOptions options_for(packet_info *pinfo, Transport transport) {
    ParseOptions options;
    options.stream = transport == Transport::Tcp;
    options.cleartext = !proto_is_frame_protocol(pinfo->layers, "tls");
    options.attributes = &attribute_table();
    return options;
}

// `first` is the message at offset 0 when a heuristic already parsed it.
int dissect(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, Transport transport,
            ParseResult *first = nullptr) {
    ConversationState &state = conversation_state(pinfo, g.proto);
    const bool stream = transport == Transport::Tcp;
    const bool first_of_conversation =
        !stream || state.verdict == Verdict::Unknown || state.first_payload_frame == pinfo->num;
    if (stream && state.verdict == Verdict::NotRescap)
        return hand_off(tvb, pinfo, tree, data, transport, state, first_of_conversation);

    const ParseOptions options = options_for(pinfo, transport);
    const gint length = static_cast<gint>(tvb_captured_length(tvb));
    gint offset = 0;
    bool shown = false;
    while (offset < length) {
        const auto input = bytes_of(tvb, offset);
        const bool can_wait = stream && g.desegment && pinfo->can_desegment;
        if (can_wait && first == nullptr) {
            // Cheap header walk first: the full parse runs once the message is whole.
            const StreamProbe probe = probe_stream(input);
            if (probe.state == StreamProbe::State::Incomplete)
                return ask_for_more(pinfo, offset, input.size(), probe.exact ? probe.length : 0);
        }
        ParseResult result = offset == 0 && first != nullptr ? std::move(*first) : parse_message(input, options);
        if (result.incomplete && can_wait)
            return ask_for_more(pinfo, offset, input.size(), result.needed_exact ? result.needed : 0);
        if (stream && state.verdict == Verdict::Unknown && !PINFO_FD_VISITED(pinfo)) {
            state.verdict = result.is_rescap ? Verdict::Rescap : Verdict::NotRescap;
            state.first_payload_frame = pinfo->num;
        }
        if (!result.is_rescap) {
            tvbuff_t *rest = tvb_new_subset_remaining(tvb, offset);
            return offset + hand_off(rest, pinfo, tree, data, transport, state, first_of_conversation && !shown);
        }
        if (!shown) {
            col_set_str(pinfo->cinfo, COL_PROTOCOL, "RESCAP");
            col_clear(pinfo->cinfo, COL_INFO);
            shown = true;
        }
        // An incomplete message that cannot wait for more is shown as far as it goes.
        if (result.consumed == 0) result.consumed = input.size();
        show_message(tvb, offset, pinfo, tree, result, state, transport);
        offset += static_cast<gint>(result.consumed);
    }
    return length;
}

int dissect_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return dissect(tvb, pinfo, tree, data, Transport::Udp);
}

int dissect_tcp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return dissect(tvb, pinfo, tree, data, Transport::Tcp);
}

// rescap on any port (servers are found through DNS SRV records): claim
// only what parses as a whole, plausible message.
gboolean heuristic(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, Transport transport) {
    const auto input = bytes_of(tvb, 0);
    if (g_handing_off || !starts_like_rescap(input)) return FALSE;
    ParseResult result = parse_message(input, options_for(pinfo, transport));
    if (!looks_like_rescap(result, input.size())) return FALSE;
    if (transport == Transport::Tcp) conversation_set_dissector(find_or_create_conversation(pinfo), g.tcp_handle);
    dissect(tvb, pinfo, tree, data, transport, &result);
    return TRUE;
}

gboolean heuristic_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return heuristic(tvb, pinfo, tree, data, Transport::Udp);
}

gboolean heuristic_tcp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return heuristic(tvb, pinfo, tree, data, Transport::Tcp);
}

}  // namespace

void register_protocol() {
    g.proto = proto_register_protocol("Resource Capabilities Discovery", "RESCAP", "rescap");
    register_fields(g.proto);
    module_t *module = prefs_register_protocol(g.proto, nullptr);
    prefs_register_bool_preference(module, "desegment", "Reassemble rescap messages spanning multiple TCP segments",
                                   "Whether the rescap dissector should reassemble messages spanning multiple TCP "
                                   "segments. To use this option, you must also enable \"Allow subdissectors to "
                                   "reassemble TCP streams\" in the TCP protocol settings.",
                                   &g.desegment);
    register_attribute_table(module);
    g.udp_handle = register_dissector("rescap.udp", dissect_udp, g.proto);
    g.tcp_handle = register_dissector("rescap.tcp", dissect_tcp, g.proto);
    register_tap();
    g.exposures = ghostports::register_exposure_fields(g.proto, "rescap");
}

void register_handoff() {
    dissector_add_uint_range_with_preference("udp.port", kDefaultPorts, g.udp_handle);
    dissector_add_uint_range_with_preference("tcp.port", kDefaultPorts, g.tcp_handle);
    heur_dissector_add("udp", heuristic_udp, "rescap over UDP on any port", "rescap_udp", g.proto, HEURISTIC_ENABLE);
    heur_dissector_add("tcp", heuristic_tcp, "rescap over TCP on any port", "rescap_tcp", g.proto, HEURISTIC_ENABLE);
    register_stats();
}

}  // namespace rescap
