#include "wireshark/ghostports/handoff.hpp"

#include <cstring>

namespace ghostports {

const char *hand_off_payload(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, bool tcp,
                             KnownProtocol known) {
    dissector_handle_t handle =
        known != KnownProtocol::None ? find_dissector(protocol_signature(known).dissector) : nullptr;
    if (handle != nullptr) {
        // Let the named dissector reassemble across segments as if TCP had called it.
        if (tcp) pinfo->can_desegment = pinfo->saved_can_desegment;
        call_dissector_with_data(handle, tvb, pinfo, tree, data);
        return protocol_signature(known).display_name;
    }
    heur_dissector_list_t list = find_heur_dissector_list(tcp ? "tcp" : "udp");
    heur_dtbl_entry_t *entry = nullptr;
    if (list != nullptr && dissector_try_heuristic(list, tvb, pinfo, tree, &entry, data) && entry != nullptr)
        return proto_get_protocol_short_name(entry->protocol);
    call_data_dissector(tvb, pinfo, tree);
    return nullptr;
}

KnownProtocol identify_once(packet_info *pinfo, tvbuff_t *tvb, bool decide, KnownProtocol &remembered) {
    if (!decide) return remembered;
    const guint length = tvb_captured_length(tvb);
    const KnownProtocol known =
        length == 0 ? KnownProtocol::None : identify_payload({tvb_get_ptr(tvb, 0, static_cast<gint>(length)), length});
    if (!PINFO_FD_VISITED(pinfo)) remembered = known;
    return known;
}

const char *prepare_columns(packet_info *pinfo) {
    const char *before = wmem_strdup(pinfo->pool, col_get_text(pinfo->cinfo, COL_PROTOCOL));
    col_clear(pinfo->cinfo, COL_INFO);
    return before;
}

void label_columns(packet_info *pinfo, const char *outer, const char *protocol_before, const char *label) {
    // col_get_text points into the column's own buffer, which col_add_fstr
    // overwrites while formatting: format from a copy.
    const char *now = wmem_strdup(pinfo->pool, col_get_text(pinfo->cinfo, COL_PROTOCOL));
    if (now == nullptr || protocol_before == nullptr || std::strcmp(now, protocol_before) == 0)
        col_set_str(pinfo->cinfo, COL_PROTOCOL, outer);
    else
        col_add_fstr(pinfo->cinfo, COL_PROTOCOL, "%s/%s", outer, now);
    const char *info = col_get_text(pinfo->cinfo, COL_INFO);
    if (info == nullptr || *info == '\0')
        col_add_str(pinfo->cinfo, COL_INFO, label);
    else
        col_prepend_fstr(pinfo->cinfo, COL_INFO, "%s: ", label);
}

}  // namespace ghostports
