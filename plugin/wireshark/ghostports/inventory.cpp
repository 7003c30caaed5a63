#include "wireshark/ghostports/inventory.hpp"

#include <utility>

#include <epan/address_types.h>
#include <epan/to_str.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/dissectors/packet-udp.h>
#include <epan/prefs.h>
#include <epan/stats_tree.h>
#include <epan/tap.h>

#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/exposures.hpp"

namespace ghostports {

struct InventoryRecord {
    bool tcp;
    bool from_client;
    const char *endpoints;  // "TCP 127.0.0.1:40000 -> 127.0.0.1:403 (DECAP)", client first
    const char *what;
    const char *const *findings;
};

namespace {

int g_tap = -1;
int g_root = -1;

constexpr const char *kRoot = "Ghost-port conversations";
constexpr const char *kClientOctets = "Payload octets client to server";
constexpr const char *kServerOctets = "Payload octets server to client";
constexpr const char *kFindings = "Findings";

// The stats tree being filled (tshark -z, or the GUI's dialog), else null.
// Octets come from TCP's and UDP's own taps, which see every segment: TCP
// keeps segments of an unfinished reassembly from the port's dissector.
stats_tree *g_tree = nullptr;
int g_transport_listener = 0;  // identifies the TCP/UDP tap listeners

const char *layer_of(guint32 server_port, bool tcp) {
    for (const char *layer : {"rescap", "decap"}) {
        range_t *ports = prefs_get_range_value(layer, tcp ? "tcp.port" : "udp.port");
        if (ports != nullptr && value_is_in_range(ports, server_port)) return layer[0] == 'r' ? "RESCAP" : "DECAP";
    }
    return nullptr;
}

const char *endpoint(wmem_allocator_t *pool, const address *address, guint32 port) {
    char *text = address_to_str(pool, address);
    return address->type == AT_IPv6 ? wmem_strdup_printf(pool, "[%s]:%u", text, port)
                                    : wmem_strdup_printf(pool, "%s:%u", text, port);
}

const char *conversation_name(wmem_allocator_t *pool, bool tcp, const address *client, guint32 client_port,
                              const address *server, guint32 server_port, const char *layer) {
    return wmem_strdup_printf(pool, "%s %s -> %s (%s)", tcp ? "TCP" : "UDP", endpoint(pool, client, client_port),
                              endpoint(pool, server, server_port), layer);
}

// The conversation's node with its two octet counters (created at first sight).
int conversation_node(stats_tree *st, const char *name) {
    const int node = increase_stat_node(st, name, g_root, TRUE, 0);
    increase_stat_node(st, kClientOctets, node, FALSE, 0);
    increase_stat_node(st, kServerOctets, node, FALSE, 0);
    return node;
}

// One transport payload on a ghost port: count it each way.
void count_payload(packet_info *pinfo, bool tcp, const address *src, guint32 src_port, const address *dst,
                   guint32 dst_port, guint32 octets) {
    if (g_tree == nullptr || octets == 0) return;
    const char *server_layer = layer_of(dst_port, tcp);
    const bool to_server = server_layer != nullptr;
    const char *layer = to_server ? server_layer : layer_of(src_port, tcp);
    if (layer == nullptr) return;
    const char *name = to_server ? conversation_name(pinfo->pool, tcp, src, src_port, dst, dst_port, layer)
                                 : conversation_name(pinfo->pool, tcp, dst, dst_port, src, src_port, layer);
    const int node = conversation_node(g_tree, name);
    tick_stat_node(g_tree, name, g_root, TRUE);
    tick_stat_node(g_tree, kRoot, 0, TRUE);
    increase_stat_node(g_tree, to_server ? kClientOctets : kServerOctets, node, FALSE, static_cast<gint>(octets));
}

tap_packet_status on_tcp(void *, packet_info *pinfo, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *h = static_cast<const tcp_info_t *>(data);
    if (h->th_have_seglen) count_payload(pinfo, true, &h->ip_src, h->th_sport, &h->ip_dst, h->th_dport, h->th_seglen);
    return TAP_PACKET_DONT_REDRAW;
}

tap_packet_status on_udp(void *, packet_info *pinfo, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *h = static_cast<const e_udphdr *>(data);
    if (h->uh_ulen >= 8) count_payload(pinfo, false, &h->ip_src, h->uh_sport, &h->ip_dst, h->uh_dport, h->uh_ulen - 8);
    return TAP_PACKET_DONT_REDRAW;
}

// TCP's and UDP's taps count the octets each way, for an open inventory
// only: a run that never asks for it pays nothing for the plugin's taps.
// Registered once, on the first request; never while a tap list is walked
// (the stats tree's reset calls init_tree again: the flag skips it).
void listen_to_transports() {
    static bool listening = false;
    if (listening) return;
    listening = true;
    const struct {
        const char *tap;
        tap_packet_cb callback;
    } listeners[] = {{"tcp", on_tcp}, {"udp", on_udp}};
    for (const auto &[tap, callback] : listeners) {
        GString *error = register_tap_listener(tap, &g_transport_listener, nullptr, TL_REQUIRES_NOTHING, nullptr,
                                               callback, nullptr, nullptr);
        if (error != nullptr) g_string_free(error, TRUE);
    }
}

void init_tree(stats_tree *st) {
    g_tree = st;
    g_root = stats_tree_create_node(st, kRoot, 0, STAT_DT_INT, TRUE);
    listen_to_transports();
}

void cleanup_tree(stats_tree *st) {
    if (g_tree == st) g_tree = nullptr;
}

tap_packet_status on_packet(stats_tree *st, packet_info *, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *r = static_cast<const InventoryRecord *>(data);
    const int conversation = conversation_node(st, r->endpoints);
    char what[256];
    g_snprintf(what, sizeof what, "What: %s", r->what != nullptr && *r->what ? r->what : "unknown");
    tick_stat_node(st, what, conversation, FALSE);
    if (r->findings[0] != nullptr) {
        const int findings = tick_stat_node(st, kFindings, conversation, TRUE);
        for (const char *const *line = r->findings; *line != nullptr; ++line)
            tick_stat_node(st, *line, findings, FALSE);
    }
    return TAP_PACKET_REDRAW;
}

}  // namespace

void register_inventory() {
    if (g_tap >= 0) return;
    g_tap = register_tap("ghostports");
    stats_tree_register_plugin("ghostports", "ghostports", "Ghost ports (283, 403) inventory", 0, on_packet, init_tree,
                               cleanup_tree);
}

InventoryRecord *begin_inventory(packet_info *pinfo, bool tcp, bool from_client, const char *layer) {
    if (frame_records::scratch(pinfo, frame_records::Scratch::Inventory) != nullptr) return nullptr;
    auto *r = wmem_new0(pinfo->pool, InventoryRecord);
    frame_records::set_scratch(pinfo, frame_records::Scratch::Inventory, r);
    r->tcp = tcp;
    r->from_client = from_client;
    r->endpoints =
        from_client
            ? conversation_name(pinfo->pool, tcp, &pinfo->src, pinfo->srcport, &pinfo->dst, pinfo->destport, layer)
            : conversation_name(pinfo->pool, tcp, &pinfo->dst, pinfo->destport, &pinfo->src, pinfo->srcport, layer);
    return r;
}

void finish_inventory(packet_info *pinfo, InventoryRecord *record, const char *what) {
    if (record == nullptr) return;
    record->what = what;
    record->findings = frame_exposure_lines(pinfo);
    tap_queue_packet(g_tap, pinfo, record);
}

}  // namespace ghostports
