#include "wireshark/ghostports/inventory.hpp"

#include <map>
#include <utility>

#include <epan/address_types.h>
#include <epan/to_str.h>
#include <epan/conversation.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/proto_data.h>
#include <epan/stats_tree.h>
#include <epan/tap.h>

#include "wireshark/ghostports/exposures.hpp"

namespace ghostports {

struct InventoryRecord {
    bool tcp;
    bool from_client;
    guint32 conversation;
    const char *endpoints;  // "TCP 127.0.0.1:40000 -> 127.0.0.1:403 (DECAP)", client first
    guint32 octets;         // UDP: this datagram's payload
    guint32 seq, next_seq;  // TCP: this segment's sequence range
    bool has_seq;
    const char *what;
    const char *const *findings;
};

namespace {

int g_tap = -1;
int g_proto_key = -1;  // a protocol id to hang the per-frame marker on
int g_root = -1;

constexpr const char *kRoot = "Ghost-port conversations";
constexpr const char *kClientOctets = "Payload octets client to server";
constexpr const char *kServerOctets = "Payload octets server to client";
constexpr const char *kFindings = "Findings";

// TCP octets each way = highest next sequence number seen minus the first
// payload's sequence number: segments TCP keeps for a reassembly never
// reach the ghost-port dissector, yet their octets count.
struct Span {
    guint32 first = 0, end = 0, counted = 0;
};
std::map<std::pair<guint32, bool>, Span> g_tcp_spans;

const char *endpoint(packet_info *pinfo, const address *address, guint32 port) {
    char *text = address_to_str(pinfo->pool, address);
    return address->type == AT_IPv6 ? wmem_strdup_printf(pinfo->pool, "[%s]:%u", text, port)
                                    : wmem_strdup_printf(pinfo->pool, "%s:%u", text, port);
}

void init_tree(stats_tree *st) {
    g_tcp_spans.clear();
    g_root = stats_tree_create_node(st, kRoot, 0, STAT_DT_INT, TRUE);
}

guint32 tcp_delta(const InventoryRecord &r) {
    auto [it, fresh] = g_tcp_spans.try_emplace({r.conversation, r.from_client});
    Span &span = it->second;
    if (fresh) span.first = span.end = r.seq;
    if (static_cast<gint32>(r.next_seq - span.end) > 0) span.end = r.next_seq;
    const guint32 total = span.end - span.first;
    const guint32 delta = total - span.counted;
    span.counted = total;
    return delta;
}

tap_packet_status on_packet(stats_tree *st, packet_info *, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *r = static_cast<const InventoryRecord *>(data);
    const int conversation = tick_stat_node(st, r->endpoints, g_root, TRUE);
    tick_stat_node(st, kRoot, 0, TRUE);
    increase_stat_node(st, kClientOctets, conversation, FALSE, 0);
    increase_stat_node(st, kServerOctets, conversation, FALSE, 0);
    const guint32 octets = r->has_seq ? tcp_delta(*r) : r->octets;
    increase_stat_node(st, r->from_client ? kClientOctets : kServerOctets, conversation, FALSE,
                       static_cast<gint>(octets));
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
    g_proto_key = proto_get_id_by_filter_name("decap");
    stats_tree_register_plugin("ghostports", "ghostports", "Ghost ports (283, 403) inventory", 0, on_packet, init_tree,
                               nullptr);
}

InventoryRecord *begin_inventory(packet_info *pinfo, void *data, bool tcp, bool from_client, guint32 length,
                                 const char *layer) {
    if (p_get_proto_data(pinfo->pool, pinfo, g_proto_key, 0x67) != nullptr) return nullptr;
    auto *r = wmem_new0(pinfo->pool, InventoryRecord);
    p_add_proto_data(pinfo->pool, pinfo, g_proto_key, 0x67, r);
    r->tcp = tcp;
    r->from_client = from_client;
    r->octets = length;
    r->conversation = find_or_create_conversation(pinfo)->conv_index;
    const char *source = endpoint(pinfo, &pinfo->src, pinfo->srcport);
    const char *destination = endpoint(pinfo, &pinfo->dst, pinfo->destport);
    r->endpoints = wmem_strdup_printf(pinfo->pool, "%s %s -> %s (%s)", tcp ? "TCP" : "UDP",
                                      from_client ? source : destination, from_client ? destination : source, layer);
    const auto *segment = static_cast<const tcpinfo *>(data);
    if (tcp && segment != nullptr) {
        r->has_seq = true;
        r->seq = segment->seq;
        r->next_seq = segment->nxtseq;
    }
    return r;
}

void finish_inventory(packet_info *pinfo, InventoryRecord *record, const char *what) {
    if (record == nullptr) return;
    record->what = what;
    record->findings = frame_exposure_lines(pinfo);
    tap_queue_packet(g_tap, pinfo, record);
}

}  // namespace ghostports
