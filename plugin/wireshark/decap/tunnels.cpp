#include "wireshark/decap/tunnels.hpp"

#include <epan/expert.h>

#include "core/decap/tunnels.hpp"
#include "wireshark/ghostports/handoff.hpp"

namespace decap {
namespace {

const value_string kTunnelNames[] = {
    {static_cast<guint32>(TunnelKind::None), "none"},
    {static_cast<guint32>(TunnelKind::Vxlan), "VXLAN"},
    {static_cast<guint32>(TunnelKind::Geneve), "GENEVE"},
    {static_cast<guint32>(TunnelKind::Gre), "GRE"},
    {static_cast<guint32>(TunnelKind::Mpls), "MPLS"},
    {static_cast<guint32>(TunnelKind::GtpU), "GTP-U"},
    {static_cast<guint32>(TunnelKind::UnknownHeader), "unknown header"},
    {0, nullptr},
};

struct TunnelGlobals {
    int hf_tunnel = -1, hf_header_length = -1, hf_inner = -1;
    expert_field ei_tunnel = EI_INIT;
    // Indexed by TunnelKind: the tunnel's dissector (found at first use); by InnerKind: the inner packet's.
    dissector_handle_t tunnel_handles[7] = {};
    dissector_handle_t inner_handles[4] = {};
};

TunnelGlobals t;

// The tunnel's dissector: by its registered name where Wireshark names it,
// else (VXLAN, GENEVE, GRE register no name in 4.0) the UDP port table's
// handle of the protocol with that filter name. Looked up at first use: the
// other dissectors' hand-offs may run after decap's.
dissector_handle_t tunnel_handle(TunnelKind kind) {
    dissector_handle_t &handle = t.tunnel_handles[static_cast<int>(kind)];
    if (handle != nullptr) return handle;
    const char *name = tunnel_dissector(kind);
    handle = find_dissector(name);
    for (GSList *h = dissector_table_get_dissector_handles(find_dissector_table("udp.port"));
         handle == nullptr && h != nullptr; h = h->next) {
        auto candidate = static_cast<dissector_handle_t>(h->data);
        const int protocol = dissector_handle_get_protocol_index(candidate);
        if (protocol >= 0 && g_strcmp0(proto_get_protocol_filter_name(protocol), name) == 0) handle = candidate;
    }
    return handle;
}

}  // namespace

void register_tunnel_fields(int proto) {
    static hf_register_info hf[] = {
        {&t.hf_tunnel,
         {"Tunnel", "decap.tunnel", FT_UINT8, BASE_DEC, VALS(kTunnelNames), 0,
          "Tunnel header in front of the inner packet, validated with it", HFILL}},
        {&t.hf_header_length,
         {"Tunnel header length", "decap.tunnel.header_length", FT_UINT32, BASE_DEC, nullptr, 0,
          "Octets in front of the inner packet", HFILL}},
        {&t.hf_inner,
         {"Tunnelled packet", "decap.tunnel.inner", FT_STRING, BASE_NONE, nullptr, 0,
          "What the tunnel carries: IPv4 packet, IPv6 packet or Ethernet frame", HFILL}},
    };
    static ei_register_info ei[] = {
        {&t.ei_tunnel, {"decap.expert.tunnel", PI_SEQUENCE, PI_NOTE, "Payload is a tunnelled packet", EXPFILL}},
    };
    proto_register_field_array(proto, hf, G_N_ELEMENTS(hf));
    expert_register_field_array(expert_register_protocol(proto), ei, G_N_ELEMENTS(ei));
}

void register_tunnel_handoff(int proto) {
    t.inner_handles[static_cast<int>(InnerKind::Ipv4)] = find_dissector_add_dependency("ip", proto);
    t.inner_handles[static_cast<int>(InnerKind::Ipv6)] = find_dissector_add_dependency("ipv6", proto);
    t.inner_handles[static_cast<int>(InnerKind::Ethernet)] = find_dissector_add_dependency("eth_withoutfcs", proto);
}

const char *dissect_tunnel(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_tree *decap_tree,
                           proto_item *root, std::span<const std::uint8_t> payload, const char *label,
                           const char *protocol_before) {
    const Tunnel tunnel = find_tunnel(payload);
    if (tunnel.kind == TunnelKind::None) return nullptr;
    const char *description =
        wmem_strdup_printf(pinfo->pool, "%s, inner %s", tunnel_name(tunnel.kind), inner_kind_name(tunnel.inner));
    proto_item_set_generated(proto_tree_add_uint(
        decap_tree, t.hf_tunnel, tvb, 0, static_cast<gint>(tunnel.header_length), static_cast<guint32>(tunnel.kind)));
    proto_item_set_generated(proto_tree_add_uint(decap_tree, t.hf_header_length, tvb, 0,
                                                 static_cast<gint>(tunnel.header_length),
                                                 static_cast<guint32>(tunnel.header_length)));
    proto_item_set_generated(proto_tree_add_string(decap_tree, t.hf_inner, tvb, static_cast<gint>(tunnel.header_length),
                                                   -1, inner_kind_name(tunnel.inner)));
    proto_item_append_text(root, ", %s tunnel carrying an %s", tunnel_name(tunnel.kind), inner_kind_name(tunnel.inner));
    expert_add_info_format(pinfo, root, &t.ei_tunnel, "Payload is a %s tunnel carrying an %s; decoded below",
                           tunnel_name(tunnel.kind), inner_kind_name(tunnel.inner));
    dissector_handle_t handle = tunnel.kind == TunnelKind::UnknownHeader ? nullptr : tunnel_handle(tunnel.kind);
    if (handle != nullptr) {
        call_dissector(handle, tvb, pinfo, tree);
    } else {
        // Unknown header: the header stays decap's payload, the packet behind it is decoded.
        tvbuff_t *inner = tvb_new_subset_remaining(tvb, static_cast<gint>(tunnel.header_length));
        call_dissector(t.inner_handles[static_cast<int>(tunnel.inner)], inner, pinfo, tree);
    }
    // GTP fences the Protocol column and leaves its text in the column's own
    // buffer; the tunnel's label goes in front all the same, from a copy.
    col_clear_fence(pinfo->cinfo, COL_PROTOCOL);
    if (const char *inner_protocol = col_get_text(pinfo->cinfo, COL_PROTOCOL))
        col_set_str(pinfo->cinfo, COL_PROTOCOL, wmem_strdup(pinfo->pool, inner_protocol));
    ghostports::label_columns(pinfo, wmem_strdup_printf(pinfo->pool, "DECAP/%s", tunnel_name(tunnel.kind)),
                              protocol_before, wmem_strdup_printf(pinfo->pool, "%s, %s", label, description));
    return description;
}

}  // namespace decap
