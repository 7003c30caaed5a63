// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/withheld_frames.hpp"

#include <cstring>

#include <epan/conversation.h>

#include "wireshark/entry_guard.hpp"
#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/inventory.hpp"

namespace ghostports {
namespace {

constexpr guint8 kMostLayers = 2;  // rescap (283), decap (403)
GhostLayer g_layers[kMostLayers];
guint8 g_layer_count = 0;
int g_proto = -1;
dissector_handle_t g_handle = nullptr;
// TCP's "TCP segment data" (a segment it keeps for a reassembly; 4.0) and
// "TCP payload" (what later versions show there instead).
int g_hf_segment_data = -1;
int g_hf_payload = -1;
bool g_wanting = false;

proto_tree *add_layer(tvbuff_t *tvb, proto_tree *tree, const GhostLayer &layer, const HandOffPlan &plan,
                      proto_item **root) {
    *root = proto_tree_add_item(tree, layer.proto, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(*root);
    proto_item_append_text(*root, " (segment of a payload TCP reassembles)");
    proto_tree *subtree = proto_item_add_subtree(*root, layer.service->ett);
    add_service_tree(subtree, tvb, *layer.service, plan);
    return subtree;
}

void queue_inventory(packet_info *pinfo, const GhostLayer &layer, const HandOffPlan &plan) {
    InventoryRecord *record = begin_inventory(pinfo, pinfo->ptype == PT_TCP, !plan.from_server, layer.label);
    finish_inventory(pinfo, record, *plan.identity.protocol != '\0' ? plan.identity.protocol : nullptr, &plan.identity);
}

// A finding leads the Info column of the frame that shows it.
void lead_info(packet_info *pinfo, const HandOffPlan &plan) {
    col_prepend_fstr(pinfo->cinfo, COL_INFO, "%s: ", frame_summary(pinfo, plan, ""));
}

// A segment TCP kept from every pass of the port's dissector: the
// conversation's service as known now, and the findings in its octets.
void show_kept_segment(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree) {
    if (tree == nullptr || pinfo->ptype != PT_TCP || g_hf_segment_data < 0) return;
    conversation_t *conversation = find_conversation_pinfo(pinfo, 0);
    GhostConversation *gc = conversation != nullptr ? find_ghost_conversation(conversation) : nullptr;
    if (gc == nullptr) return;
    const GhostLayer *layer = ghost_layer(gc->layer);
    if (layer == nullptr || proto_is_frame_protocol(pinfo->layers, layer->module)) return;
    GPtrArray *found = proto_find_first_finfo(tree, g_hf_segment_data);
    if ((found == nullptr || found->len == 0) && g_hf_payload >= 0) found = proto_find_first_finfo(tree, g_hf_payload);
    if (found == nullptr || found->len == 0) return;
    const auto *segment = static_cast<const field_info *>(g_ptr_array_index(found, 0));
    if (segment->ds_tvb == nullptr || segment->length <= 0) return;
    const bool from_client = addresses_equal(&pinfo->src, &gc->client_address) && pinfo->srcport == gc->client_port;
    const guint length = static_cast<guint>(segment->length);
    scan_withheld_segment(pinfo, {tvb_get_ptr(segment->ds_tvb, segment->start, segment->length), length}, from_client);
    const HandOffPlan plan{gc->identity, false, false, !from_client, 0, nullptr, conversation};
    proto_item *root = nullptr;
    proto_tree *subtree = add_layer(tvb, tree, *layer, plan, &root);
    if (show_recorded_exposures(tvb, pinfo, subtree, root, layer->exposures) > 0) lead_info(pinfo, plan);
    queue_inventory(pinfo, *layer, plan);
}

// A frame the port's dissector was given on the first pass but not in this
// one (TCP hands a finished reassembly over in its last segment only).
bool show_recorded_frame(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree) {
    HandOffPlan plan{};
    guint8 index = 0;
    if (!PINFO_FD_VISITED(pinfo) || !recorded_plan(pinfo, plan, index)) return false;
    const GhostLayer *layer = ghost_layer(index);
    if (layer == nullptr || proto_is_frame_protocol(pinfo->layers, layer->module)) return true;
    proto_item *root = nullptr;
    proto_tree *subtree = add_layer(tvb, tree, *layer, plan, &root);
    if (show_recorded_exposures(tvb, pinfo, subtree, root, layer->exposures) > 0) lead_info(pinfo, plan);
    queue_inventory(pinfo, *layer, plan);
    return true;
}

int show_withheld(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *) {
    return entry_guard::guarded([&] {
        if (!show_recorded_frame(tvb, pinfo, tree) && g_wanting) show_kept_segment(tvb, pinfo, tree);
        return 0;
    });
}

}  // namespace

void register_ghost_layer(const GhostLayer &layer) {
    if (g_layer_count < kMostLayers) g_layers[g_layer_count++] = layer;
}

guint8 ghost_layer_index(const char *module) {
    for (guint8 i = 0; i < g_layer_count; ++i)
        if (std::strcmp(g_layers[i].module, module) == 0) return i;
    return 0;
}

const GhostLayer *ghost_layer(guint8 index) {
    return index < g_layer_count ? &g_layers[index] : nullptr;
}

void register_withheld_frames() {
    if (g_proto >= 0) return;
    g_proto = proto_get_id_by_filter_name("ghostid");
    g_handle = create_dissector_handle(show_withheld, g_proto);
    register_postdissector(g_handle);
    g_hf_segment_data = proto_registrar_get_id_byname("tcp.segment_data");
    g_hf_payload = proto_registrar_get_id_byname("tcp.payload");
}

void want_withheld_segments() {
    if (g_wanting || g_hf_segment_data < 0) return;
    g_wanting = true;
    GArray *wanted = g_array_new(FALSE, FALSE, static_cast<guint>(sizeof(int)));
    g_array_append_val(wanted, g_hf_segment_data);
    if (g_hf_payload >= 0) g_array_append_val(wanted, g_hf_payload);
    set_postdissector_wanted_hfids(g_handle, wanted);
}

}  // namespace ghostports
