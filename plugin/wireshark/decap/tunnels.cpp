// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/decap/tunnels.hpp"

#include <epan/exceptions.h>
#include <epan/expert.h>
// Wireshark 4.0's show_exception.h has no extern "C" of its own.
extern "C" {
#include <epan/show_exception.h>
}
#include <wsutil/str_util.h>

#include "core/decap/tunnels.hpp"
#include "wireshark/compat.hpp"
#include "wireshark/ghostports/handoff.hpp"
#include "wireshark/ghostports/inventory.hpp"

namespace decap {
namespace {

struct InnerGlobals {
    int hf_inner = -1, hf_tunnel = -1, hf_header_length = -1, hf_tunnel_inner = -1;
    int hf_inner_name = -1, hf_tunnel_name = -1;  // the same as words, hidden: for -T fields/json and filters
    expert_field ei_encapsulated = EI_INIT;
    expert_field ei_tunnel = EI_INIT;
    ws_compat::PrefBool decapsulate = TRUE;
    // Found at first use, one per row of the core tables.
    dissector_handle_t tunnel_handles[std::size(kTunnelKinds)] = {};
    dissector_handle_t inner_handles[std::size(kInnerKinds)] = {};
};

InnerGlobals t;

// Labels in words ("Tunnel: VXLAN"); the field's value stays the number the
// README documents and filters use.
void format_tunnel(gchar *label, guint32 value) {
    g_strlcpy(label, tunnel_name(static_cast<TunnelKind>(value)), ITEM_LABEL_LENGTH);
}
void format_inner(gchar *label, guint32 value) {
    g_strlcpy(label, inner_kind_name(static_cast<InnerKind>(value)), ITEM_LABEL_LENGTH);
}

// The core tables list the kinds in enum order (static_assert there).
template <typename Kind>
std::size_t row_of(Kind kind) {
    return static_cast<std::size_t>(kind);
}

// The tunnel's dissector: by its registered name where Wireshark names it,
// else the UDP port table's handle of the protocol with that filter name
// (VXLAN, GENEVE, GRE register no name in 4.0). Looked up at first use: the
// other dissectors' hand-offs may run after decap's.
dissector_handle_t tunnel_handle(TunnelKind kind) {
    dissector_handle_t &handle = t.tunnel_handles[row_of(kind)];
    if (handle != nullptr) return handle;
    const TunnelInfo &info = tunnel_info(kind);
    if (info.dissector != nullptr) handle = find_dissector(info.dissector);
    for (GSList *h = dissector_table_get_dissector_handles(find_dissector_table("udp.port"));
         handle == nullptr && info.filter != nullptr && h != nullptr; h = h->next) {
        auto candidate = static_cast<dissector_handle_t>(h->data);
        const int protocol = dissector_handle_get_protocol_index(candidate);
        if (protocol >= 0 && g_strcmp0(proto_get_protocol_filter_name(protocol), info.filter) == 0) handle = candidate;
    }
    return handle;
}

dissector_handle_t inner_handle(InnerKind kind) {
    return t.inner_handles[row_of(kind)];
}

void add_tunnel_fields(tvbuff_t *tvb, proto_tree *tree, const Tunnel &tunnel) {
    const auto header = static_cast<gint>(tunnel.header_length);
    proto_item_set_generated(proto_tree_add_uint(tree, t.hf_tunnel, tvb, 0, header, static_cast<guint32>(tunnel.kind)));
    proto_item_set_hidden(proto_tree_add_string(tree, t.hf_tunnel_name, tvb, 0, header, tunnel_name(tunnel.kind)));
    proto_item_set_generated(proto_tree_add_uint(tree, t.hf_header_length, tvb, 0, header, header));
    proto_item_set_generated(
        proto_tree_add_string(tree, t.hf_tunnel_inner, tvb, header, -1, inner_kind_name(tunnel.inner)));
}

// The Protocol column after the inner dissectors, thrown or not: the port's
// label in front of theirs. GTP fences the column and leaves its text in the
// column's own buffer; the label goes in front all the same, from a copy.
void label_after(packet_info *pinfo, const char *outer, const char *label) {
    col_clear_fence(pinfo->cinfo, COL_PROTOCOL);
    if (const char *inner_protocol = col_get_text(pinfo->cinfo, COL_PROTOCOL))
        col_set_str(pinfo->cinfo, COL_PROTOCOL, wmem_strdup(pinfo->pool, inner_protocol));
    ghostports::label_columns(pinfo, outer, outer, label);
}

// Hands `payload` to `handle` as packet-tcp.c hands on a PDU: a malformed
// inner packet is shown as the inner dissector's exception and dissection
// goes on; any other exception (a snapped capture's BoundsError) is passed on.
// The columns are labelled in every case. No C++ object with a destructor
// may live here: exceptions are longjmp.
void call_inner(dissector_handle_t handle, tvbuff_t *payload, packet_info *pinfo, proto_tree *tree, const char *outer,
                const char *label) {
    col_set_str(pinfo->cinfo, COL_PROTOCOL, outer);
    col_clear(pinfo->cinfo, COL_INFO);  // the inner Info follows the label
    TRY {
        call_dissector(handle, payload, pinfo, tree);
    }
    CATCH_NONFATAL_ERRORS {
        show_exception(payload, pinfo, tree, EXCEPT_CODE, GET_MESSAGE);
    }
    FINALLY {
        label_after(pinfo, outer, label);
    }
    ENDTRY;
}

}  // namespace

void register_inner_fields(int proto, module_t *module) {
    static hf_register_info hf[] = {
        {&t.hf_inner,
         {"Inner packet", "decap.inner", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_inner), 0,
          "What the payload carries, validated strictly", HFILL}},
        {&t.hf_tunnel,
         {"Tunnel", "decap.tunnel", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_tunnel), 0,
          "Tunnel header in front of the inner packet, validated with it", HFILL}},
        {&t.hf_inner_name,
         {"Inner packet name", "decap.inner.name", FT_STRING, BASE_NONE, nullptr, 0,
          "decap.inner in words (hidden: for tshark's field output and filters)", HFILL}},
        {&t.hf_tunnel_name,
         {"Tunnel name", "decap.tunnel.name", FT_STRING, BASE_NONE, nullptr, 0,
          "decap.tunnel in words (hidden: for tshark's field output and filters)", HFILL}},
        {&t.hf_header_length,
         {"Tunnel header length", "decap.tunnel.header_length", FT_UINT32, BASE_DEC, nullptr, 0,
          "Octets in front of the inner packet", HFILL}},
        {&t.hf_tunnel_inner,
         {"Tunnelled packet", "decap.tunnel.inner", FT_STRING, BASE_NONE, nullptr, 0,
          "What the tunnel carries: IPv4 packet, IPv6 packet or Ethernet frame", HFILL}},
    };
    static ei_register_info ei[] = {
        {&t.ei_encapsulated,
         // A tunnel carries traffic past port-based inspection.
         {"decap.expert.encapsulated", PI_SECURITY, PI_NOTE, "Payload is an encapsulated packet", EXPFILL}},
        {&t.ei_tunnel, {"decap.expert.tunnel", PI_SEQUENCE, PI_NOTE, "Payload is a tunnelled packet", EXPFILL}},
    };
    proto_register_field_array(proto, hf, G_N_ELEMENTS(hf));
    expert_register_field_array(expert_register_protocol(proto), ei, G_N_ELEMENTS(ei));
    prefs_register_bool_preference(module, "decapsulate", "Decode inner IP packets",
                                   "Hand a payload that is a whole, valid IPv4/IPv6 packet or Ethernet frame (bare "
                                   "or behind a tunnel header) to Wireshark's own dissector, on decap's and rescap's "
                                   "ports",
                                   &t.decapsulate);
}

void register_inner_handoff(int proto) {
    for (const InnerInfo &info : kInnerKinds)
        if (info.dissector != nullptr)
            t.inner_handles[row_of(info.kind)] = find_dissector_add_dependency(info.dissector, proto);
}

const char *try_inner(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_tree *fields_tree, proto_item *root,
                      const InnerRequest &request) {
    if (!t.decapsulate) return nullptr;
    const auto captured = static_cast<std::size_t>(tvb_captured_length(tvb));
    if (captured == 0) return nullptr;
    const Octets payload{{tvb_get_ptr(tvb, 0, static_cast<gint>(captured)), captured},
                         static_cast<std::size_t>(tvb_reported_length(tvb))};
    const Tunnel found = find_inner(payload);
    if (found.inner == InnerKind::None) return nullptr;
    const char *inner_name = inner_kind_name(found.inner);
    const bool tunnelled = found.kind != TunnelKind::None;

    // What decap knows goes in first: it stays whatever the inner dissectors do.
    proto_item *inner_item = proto_tree_add_uint(fields_tree, t.hf_inner, tvb, 0, 0,
                                                 static_cast<guint32>(tunnelled ? InnerKind::None : found.inner));
    proto_item_set_generated(inner_item);
    if (!tunnelled)
        proto_item_set_hidden(proto_tree_add_string(fields_tree, t.hf_inner_name, tvb, 0, 0, inner_name));
    const char *description;
    const char *outer;
    const char *label;
    if (tunnelled) {
        proto_item_set_hidden(inner_item);  // the payload itself is not a packet
        add_tunnel_fields(tvb, fields_tree, found);
        const char *name = tunnel_name(found.kind);
        description = wmem_strdup_printf(pinfo->pool, "%s, inner %s", name, inner_name);
        outer = wmem_strdup_printf(pinfo->pool, "%s/%s", request.layer, name);
        label = wmem_strdup_printf(pinfo->pool, "%s, %s", request.label, description);
        proto_item_append_text(root, ", %s tunnel carrying an %s", name, inner_name);
        expert_add_info_format(pinfo, root, &t.ei_tunnel, "Payload is a %s tunnel carrying an %s; decoded below", name,
                               inner_name);
    } else {
        description = inner_name;
        outer = request.layer;
        label = wmem_strdup_printf(pinfo->pool, "%s, inner %s", request.label, inner_name);
        proto_item_append_text(root, ", carries an %s", inner_name);
        expert_add_info_format(pinfo, root, &t.ei_encapsulated, "Payload is a whole %s; decoded below", inner_name);
    }
    ghostports::finish_inventory(pinfo, request.inventory, description);

    // A known tunnel goes whole to its dissector; behind an unknown header
    // (or a tunnel Wireshark lacks) the header stays ours and the packet is decoded.
    dissector_handle_t handle =
        tunnelled && found.kind != TunnelKind::UnknownHeader ? tunnel_handle(found.kind) : nullptr;
    tvbuff_t *payload_tvb = tvb;
    if (handle == nullptr) {
        handle = inner_handle(found.inner);
        if (tunnelled) payload_tvb = tvb_new_subset_remaining(tvb, static_cast<gint>(found.header_length));
    }
    call_inner(handle, payload_tvb, pinfo, tree, outer, label);
    return description;
}

void add_no_inner(proto_tree *fields_tree, tvbuff_t *tvb) {
    proto_item *item = proto_tree_add_uint(fields_tree, t.hf_inner, tvb, 0, 0, static_cast<guint32>(InnerKind::None));
    proto_item_set_generated(item);
    proto_item_set_hidden(item);
}

}  // namespace decap
