// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/decap/dissector.hpp"

#include <epan/conversation.h>
#include <epan/expert.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <wsutil/str_util.h>

#include "wireshark/decap/tunnels.hpp"
#include "wireshark/entry_guard.hpp"
#include "wireshark/ghostports/exposures.hpp"
#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/ghostports/inventory.hpp"
#include "wireshark/ghostports/service_fields.hpp"
#include "wireshark/ghostports/withheld_frames.hpp"

namespace decap {
namespace {

constexpr const char *kDefaultPorts = "403";

// decap inside decap inside ... must stop well before Wireshark's own layer
// limit (gui.max_tree_depth), which ends in a dissector bug. Eight levels of
// tunnel are far beyond any real use: the eighth decap layer shows its
// payload as data.
constexpr guint kMaxNesting = 8;

enum class Direction : guint8 { ClientToServer = 0, ServerToClient = 1 };

const value_string kDirectionNames[] = {
    {static_cast<guint32>(Direction::ClientToServer), "client to server"},
    {static_cast<guint32>(Direction::ServerToClient), "server to client"},
    {0, nullptr},
};

// "Direction: client to server", as the value's words only.
void format_direction(gchar *label, guint32 value) {
    g_strlcpy(label, val_to_str_const(value, kDirectionNames, "?"), ITEM_LABEL_LENGTH);
}

struct Totals {
    guint32 packets = 0;
    guint64 octets = 0;
};

// Per conversation, in file scope; the client is the side that does not
// use a decap port, or else the sender of the first packet.
struct ConversationState {
    address client_address;
    guint32 client_port;
    guint32 first_frame;
    nstime_t first_seen;
    nstime_t last_seen;
    Totals each_way[2];
};

struct Globals {
    int proto = -1;
    int hf_length = -1, hf_direction = -1, hf_payload = -1, hf_identified = -1;
    int hf_c2s_packets = -1, hf_c2s_octets = -1, hf_s2c_packets = -1, hf_s2c_octets = -1;
    int hf_first_seen = -1, hf_last_seen = -1, hf_conversation = -1;
    int ett = -1, ett_conversation = -1;
    expert_field ei_unassigned = EI_INIT;
    expert_field ei_known_protocol = EI_INIT;
    expert_field ei_too_deep = EI_INIT;
    ghostports::ExposureFields *exposures = nullptr;
    dissector_handle_t udp_handle = nullptr, tcp_handle = nullptr;
    ghostports::ServiceFields service;
};

Globals g;

// Read at use: the port preferences may change while a file is open.
bool is_decap_port(guint32 port, bool tcp) {
    range_t *ports = prefs_get_range_value("decap", tcp ? "tcp.port" : "udp.port");
    return ports != nullptr && value_is_in_range(ports, port);
}

ConversationState &conversation_state(packet_info *pinfo, bool tcp) {
    // The stable conversation's: a sub-dissector's own conversations would hide another.
    void *&slot = ghostports::conversation_slot(pinfo, ghostports::ConversationSlot::DecapCounters);
    if (slot != nullptr) return *static_cast<ConversationState *>(slot);
    auto *state = wmem_new0(wmem_file_scope(), ConversationState);
    const bool destination_is_server = is_decap_port(pinfo->destport, tcp) || !is_decap_port(pinfo->srcport, tcp);
    copy_address_wmem(wmem_file_scope(), &state->client_address, destination_is_server ? &pinfo->src : &pinfo->dst);
    state->client_port = destination_is_server ? pinfo->srcport : pinfo->destport;
    state->first_frame = pinfo->num;
    state->first_seen = pinfo->abs_ts;
    slot = state;
    return *state;
}

Direction direction_of(const ConversationState &state, packet_info *pinfo) {
    const bool from_client = addresses_equal(&pinfo->src, &state.client_address) && pinfo->srcport == state.client_port;
    return from_client ? Direction::ClientToServer : Direction::ServerToClient;
}

void add_counters(proto_tree *tree, tvbuff_t *tvb, const ConversationState &state) {
    proto_item *node = proto_tree_add_item(tree, g.hf_conversation, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(node);
    proto_tree *counters = proto_item_add_subtree(node, g.ett_conversation);
    const Totals &c2s = state.each_way[0];
    const Totals &s2c = state.each_way[1];
    // TCP handshakes and bare ACKs are not counted: only packets with payload.
    proto_item_append_text(node, ": %u payload packet%s (%" PRIu64 " octets) to the server, %u (%" PRIu64 ") back",
                           c2s.packets, plurality(c2s.packets, "", "s"), c2s.octets, s2c.packets, s2c.octets);
    for (auto [hf, value] : {std::pair{g.hf_c2s_packets, guint64{c2s.packets}}, std::pair{g.hf_c2s_octets, c2s.octets},
                             std::pair{g.hf_s2c_packets, guint64{s2c.packets}}, std::pair{g.hf_s2c_octets, s2c.octets}})
        proto_item_set_generated(proto_tree_add_uint64(counters, hf, tvb, 0, 0, value));
    proto_item_set_generated(proto_tree_add_time(counters, g.hf_first_seen, tvb, 0, 0, &state.first_seen));
    proto_item_set_generated(proto_tree_add_time(counters, g.hf_last_seen, tvb, 0, 0, &state.last_seen));
}

// How many decap layers the packet has reached, this one included (Wireshark
// lists every protocol layer of the frame in pinfo->layers).
guint decap_nesting(packet_info *pinfo) {
    guint count = 0;
    for (wmem_list_frame_t *layer = wmem_list_head(pinfo->layers); layer != nullptr;
         layer = wmem_list_frame_next(layer))
        if (GPOINTER_TO_INT(wmem_list_frame_data(layer)) == g.proto) ++count;
    return count;
}

int dissect(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, bool tcp) {
    // Counted and shown as sent: a snap length may have cut what was captured.
    const guint length = tvb_reported_length(tvb);
    if (tvb_captured_length(tvb) == 0) return 0;
    ConversationState &state = conversation_state(pinfo, tcp);
    const Direction direction = direction_of(state, pinfo);
    if (!PINFO_FD_VISITED(pinfo)) {
        Totals &way = state.each_way[static_cast<int>(direction)];
        ++way.packets;
        way.octets += length;
        state.last_seen = pinfo->abs_ts;
    }
    const bool first = state.first_frame == pinfo->num;
    const bool from_client = direction == Direction::ClientToServer;
    auto *inventory = ghostports::begin_inventory(pinfo, tcp, from_client, "DECAP");

    const char *protocol_before = ghostports::prepare_columns(pinfo);
    const char *label =
        wmem_strdup_printf(pinfo->pool, "decap %s, %u octets",
                           direction == Direction::ClientToServer ? "client→server" : "server→client", length);

    proto_item *root = proto_tree_add_item(tree, g.proto, tvb, 0, -1, ENC_NA);
    proto_tree *decap_tree = proto_item_add_subtree(root, g.ett);
    proto_item_set_generated(proto_tree_add_uint(decap_tree, g.hf_length, tvb, 0, 0, length));
    proto_item_set_generated(
        proto_tree_add_uint(decap_tree, g.hf_direction, tvb, 0, 0, static_cast<guint32>(direction)));
    proto_tree_add_item(decap_tree, g.hf_payload, tvb, 0, -1, ENC_NA);
    add_counters(decap_tree, tvb, state);

    if (decap_nesting(pinfo) >= kMaxNesting) {
        if (first) expert_add_info(pinfo, root, &g.ei_unassigned);
        expert_add_info_format(pinfo, root, &g.ei_too_deep,
                               "decap nested %u levels deep: the limit; the payload is not decoded further",
                               kMaxNesting);
        call_data_dissector(tvb, pinfo, tree);
        ghostports::label_columns(pinfo, "DECAP", protocol_before,
                                  wmem_strdup_printf(pinfo->pool, "%s, nested too deep", label));
        return static_cast<int>(tvb_captured_length(tvb));
    }

    // A whole inner packet or a tunnel: decoded by Wireshark's own dissectors.
    if (try_inner(tvb, pinfo, tree, decap_tree, root, InnerRequest{"DECAP", label, inventory}) != nullptr)
        return static_cast<int>(tvb_captured_length(tvb));
    add_no_inner(decap_tree, tvb);  // "none" stays filterable (decap.inner == 0) but is not shown

    // Not a whole inner packet: name it from strong evidence, hand it on.
    const ghostports::HandOffRequest request{"decap", tcp, tcp ? g.tcp_handle : g.udp_handle};
    const ghostports::HandOffPlan plan = ghostports::plan_hand_off(tvb, pinfo, data, request);
    ghostports::report_exposures(tvb, pinfo, decap_tree, root, g.exposures, plan);
    const char *name = *plan.identity.protocol != '\0' ? plan.identity.protocol : nullptr;
    proto_tree *service_tree = ghostports::add_service_tree(decap_tree, tvb, g.service, plan);
    auto show_name = [&](const ghostports::HandOffPlan &named) {
        const char *protocol = named.identity.protocol;
        // The service line says it already: filterable (decap.identified), not shown.
        proto_item_set_hidden(proto_tree_add_string(decap_tree, g.hf_identified, tvb, 0, 0, protocol));
        proto_item_append_text(root, ", %s", protocol);
        if (!tcp || first || named.named_here)
            // One short sentence; the evidence has its own field (decap.service.evidence).
            expert_add_info_format(pinfo, root, &g.ei_known_protocol, "%s on port %u: a service on the wrong port",
                                   protocol, named.from_server ? pinfo->srcport : pinfo->destport);
    };
    if (name != nullptr) show_name(plan);
    // Queued before the hand-off: a sub-dissector's exception must not lose it.
    ghostports::finish_inventory(pinfo, inventory, name, &plan.identity);
    const ghostports::HandOffResult result = ghostports::run_hand_off(tvb, pinfo, tree, data, request, plan);
    const ghostports::HandOffPlan shown = ghostports::plan_after(plan, result);
    if (result.named_now != nullptr) {
        ghostports::name_service_tree(service_tree, tvb, g.service, shown.identity);
        show_name(shown);
    } else if (first && name == nullptr) {
        // Said only while nothing named the service (a named one has its own expert).
        expert_add_info(pinfo, root, &g.ei_unassigned);
    }
    ghostports::add_decoded_by(service_tree, tvb, g.service, result, shown.identity);
    ghostports::label_columns(pinfo, "DECAP", protocol_before, ghostports::frame_summary(pinfo, shown, label));
    return static_cast<int>(tvb_captured_length(tvb));
}

int dissect_udp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return dissect(tvb, pinfo, tree, data, false); });
}
int dissect_tcp(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    return entry_guard::guarded([&] { return dissect(tvb, pinfo, tree, data, true); });
}

hf_register_info field(int *id, const char *name, const char *abbrev, ftenum type, int display, const void *strings,
                       const char *blurb) {
    return hf_register_info{id, {name, abbrev, type, display, strings, 0, blurb, HFILL}};
}

}  // namespace

void register_protocol() {
    g.proto = proto_register_protocol("decap (IANA port 403, no published protocol)", "DECAP", "decap");
    static hf_register_info hf[] = {
        field(&g.hf_length, "Payload length", "decap.length", FT_UINT32, BASE_DEC, nullptr, "Octets of payload"),
        field(&g.hf_direction, "Direction", "decap.direction", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_direction),
              "Client to server or back; the server is the side on the decap port"),
        field(&g.hf_payload, "Payload", "decap.payload", FT_BYTES, BASE_NONE, nullptr, nullptr),
        field(&g.hf_identified, "Identified as", "decap.identified", FT_STRING, BASE_NONE, nullptr,
              "Known protocol found in the payload"),
        field(&g.hf_conversation, "Conversation", "decap.conversation", FT_NONE, BASE_NONE, nullptr,
              "Counters of this decap conversation"),
        field(&g.hf_c2s_packets, "Payload packets client to server", "decap.conversation.c2s_packets", FT_UINT64,
              BASE_DEC, nullptr, nullptr),
        field(&g.hf_c2s_octets, "Payload octets client to server", "decap.conversation.c2s_octets", FT_UINT64, BASE_DEC,
              nullptr, nullptr),
        field(&g.hf_s2c_packets, "Payload packets server to client", "decap.conversation.s2c_packets", FT_UINT64,
              BASE_DEC, nullptr, nullptr),
        field(&g.hf_s2c_octets, "Payload octets server to client", "decap.conversation.s2c_octets", FT_UINT64, BASE_DEC,
              nullptr, nullptr),
        field(&g.hf_first_seen, "First payload", "decap.conversation.first_seen", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC,
              nullptr, nullptr),
        field(&g.hf_last_seen, "Last payload", "decap.conversation.last_seen", FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC,
              nullptr, nullptr),
    };
    static int *ett[] = {&g.ett, &g.ett_conversation};
    static ei_register_info ei[] = {
        {&g.ei_unassigned,
         // Which service is this? A protocol question, not a sequence one.
         {"decap.expert.unassigned", PI_PROTOCOL, PI_NOTE,
          "No published protocol uses port 403 (decap); identify the listening service", EXPFILL}},
        {&g.ei_known_protocol,
         {"decap.expert.known_protocol", PI_PROTOCOL, PI_WARN,
          "Known protocol on port 403: a service on the wrong port", EXPFILL}},
        {&g.ei_too_deep,
         {"decap.expert.too_deep", PI_MALFORMED, PI_ERROR, "decap nested too deep; payload not decoded further",
          EXPFILL}},
    };
    proto_register_field_array(g.proto, hf, G_N_ELEMENTS(hf));
    proto_register_subtree_array(ett, G_N_ELEMENTS(ett));
    expert_register_field_array(expert_register_protocol(g.proto), ei, G_N_ELEMENTS(ei));
    ghostports::register_service_fields(g.proto, "decap", g.service);
    register_inner_fields(g.proto, prefs_register_protocol(g.proto, nullptr));
    g.exposures = ghostports::register_exposure_fields(g.proto, "decap");
    ghostports::register_inventory();
    g.udp_handle = register_dissector("decap.udp", dissect_udp, g.proto);
    g.tcp_handle = register_dissector("decap.tcp", dissect_tcp, g.proto);
}

void register_handoff() {
    dissector_add_uint_range_with_preference("udp.port", kDefaultPorts, g.udp_handle);
    dissector_add_uint_range_with_preference("tcp.port", kDefaultPorts, g.tcp_handle);
    register_inner_handoff(g.proto);
    ghostports::register_ghost_layer({"decap", "DECAP", g.proto, &g.service, g.exposures});
    ghostports::register_withheld_frames();
}

}  // namespace decap
