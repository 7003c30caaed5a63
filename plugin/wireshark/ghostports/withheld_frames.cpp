#include "wireshark/ghostports/withheld_frames.hpp"

#include <cstring>

#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/inventory.hpp"

namespace ghostports {
namespace {

constexpr guint8 kMostLayers = 2;  // rescap (283), decap (403)
GhostLayer g_layers[kMostLayers];
guint8 g_layer_count = 0;
int g_proto = -1;

// Later passes only: on the first pass the port's dissector is given every
// segment it records something for, so there is nothing to add.
int show_withheld(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *) {
    if (!PINFO_FD_VISITED(pinfo)) return 0;
    HandOffPlan plan{};
    guint8 index = 0;
    if (!recorded_plan(pinfo, plan, index)) return 0;
    const GhostLayer *layer = ghost_layer(index);
    if (layer == nullptr || proto_is_frame_protocol(pinfo->layers, layer->module)) return 0;
    proto_item *root = proto_tree_add_item(tree, layer->proto, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(root);
    proto_item_append_text(root, " (segment of a payload TCP reassembles)");
    proto_tree *subtree = proto_item_add_subtree(root, layer->service->ett);
    add_service_tree(subtree, tvb, *layer->service, plan);
    show_recorded_exposures(tvb, pinfo, subtree, root, layer->exposures);
    const bool tcp = pinfo->ptype == PT_TCP;
    InventoryRecord *record = begin_inventory(pinfo, tcp, !plan.from_server, layer->label);
    finish_inventory(pinfo, record, *plan.identity.protocol != '\0' ? plan.identity.protocol : nullptr);
    return 0;
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
    register_postdissector(create_dissector_handle(show_withheld, g_proto));
}

}  // namespace ghostports
