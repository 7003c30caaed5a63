// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/inventory.hpp"

#include "core/ghostports/evidence_summary.hpp"

#include <cstring>

#include <epan/address_types.h>
#include <epan/dissectors/packet-tcp.h>
#include <epan/dissectors/packet-udp.h>
#include <epan/prefs.h>
#include <epan/stat_tap_ui.h>
#include <epan/tap.h>
#include <epan/to_str.h>

#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/exposures.hpp"
#include "wireshark/ghostports/port_preferences.hpp"

namespace ghostports {

struct InventoryRecord {
    bool tcp;
    bool from_client;
    const char *port;    // "TCP 283 (RESCAP)"
    const char *client;  // "10.0.0.1:41000"
    const char *server;
    const char *what;
    const ConversationIdentity *identity;  // may be null
    const char *const *findings;
};

namespace {

enum Column : guint {
    FirstFrame,
    Port,
    Client,
    Server,
    Service,
    Product,
    Version,
    Evidence,
    Findings,
    PacketsToServer,
    OctetsToServer,
    PacketsToClient,
    OctetsToClient,
    ColumnCount,
};

// One table, its columns in Column order.
stat_tap_table_item g_columns[] = {
    {TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "First frame", "%u"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Port", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Client", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Server", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Service", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Product", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Version", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Evidence", "%s"},
    {TABLE_ITEM_STRING, TAP_ALIGN_LEFT, "Findings", "%s"},
    {TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "Packets client to server", "%u"},
    {TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "Octets client to server", "%u"},
    {TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "Packets server to client", "%u"},
    {TABLE_ITEM_UINT, TAP_ALIGN_RIGHT, "Octets server to client", "%u"},
};
static_assert(G_N_ELEMENTS(g_columns) == ColumnCount);

constexpr const char *kTitle = "Ghost-port conversations";
constexpr gsize kMostFindingsText = 512;  // per row: a cap on what one conversation can make us keep

int g_tap = -1;
int g_transport_listener = 0;  // identifies the TCP/UDP tap listeners
stat_tap_table_ui g_ui;
// "TCP 10.0.0.1:41000 -> 10.0.0.2:283 (RESCAP)" -> row + 1, for the table being filled.
GHashTable *g_rows = nullptr;

const char *layer_of(guint32 server_port, bool tcp) {
    for (const char *layer : {"rescap", "decap"})
        if (in_port_preference(layer, tcp, server_port)) return layer[0] == 'r' ? "RESCAP" : "DECAP";
    return nullptr;
}

const char *endpoint(wmem_allocator_t *pool, const address *address, guint32 port) {
    char *text = address_to_str(pool, address);
    return address->type == AT_IPv6 ? wmem_strdup_printf(pool, "[%s]:%u", text, port)
                                    : wmem_strdup_printf(pool, "%s:%u", text, port);
}

stat_tap_table *the_table() {
    return g_ui.tables != nullptr ? stat_tap_find_table(&g_ui, kTitle) : nullptr;
}

// The conversation's row, made at first sight with its endpoints.
guint row_of(stat_tap_table *table, packet_info *pinfo, bool tcp, const char *port, const char *client,
             const char *server) {
    char *key = g_strdup_printf("%s %s -> %s", port, client, server);
    if (gpointer found = g_hash_table_lookup(g_rows, key)) {
        g_free(key);
        return GPOINTER_TO_UINT(found) - 1;
    }
    const guint row = table->num_elements;
    stat_tap_table_item_type items[ColumnCount]{};
    for (guint c = 0; c < ColumnCount; ++c) items[c].type = g_columns[c].type;
    items[FirstFrame].value.uint_value = pinfo->num;
    items[Port].value.string_value = g_strdup(port);
    items[Client].value.string_value = g_strdup(client);
    items[Server].value.string_value = g_strdup(server);
    for (Column c : {Service, Product, Version, Evidence, Findings}) items[c].value.string_value = g_strdup("");
    stat_tap_init_table_row(table, row, ColumnCount, items);
    g_hash_table_insert(g_rows, key, GUINT_TO_POINTER(row + 1));
    (void)tcp;
    return row;
}

void set_text(stat_tap_table *table, guint row, Column column, const char *text) {
    stat_tap_table_item_type *item = stat_tap_get_field_data(table, row, column);
    if (text == nullptr || std::strcmp(item->value.string_value, text) == 0) return;
    g_free(const_cast<char *>(item->value.string_value));
    item->value.string_value = g_strdup(text);
}

// Adds `line` to the row's findings once, within the cap.
void add_finding(stat_tap_table *table, guint row, const char *line) {
    stat_tap_table_item_type *item = stat_tap_get_field_data(table, row, Findings);
    const char *now = item->value.string_value;
    if (std::strstr(now, line) != nullptr) return;
    if (std::strlen(now) + std::strlen(line) + 2 > kMostFindingsText) {
        if (!g_str_has_suffix(now, "…")) {
            char *more = g_strconcat(now, "; …", nullptr);
            g_free(const_cast<char *>(now));
            item->value.string_value = more;
        }
        return;
    }
    char *joined = *now != '\0' ? g_strconcat(now, "; ", line, nullptr) : g_strdup(line);
    g_free(const_cast<char *>(now));
    item->value.string_value = joined;
}

// One transport payload on a ghost port: counted each way.
void count_payload(packet_info *pinfo, bool tcp, const address *src, guint32 src_port, const address *dst,
                   guint32 dst_port, guint32 octets) {
    stat_tap_table *table = the_table();
    if (table == nullptr || octets == 0) return;
    const char *server_layer = layer_of(dst_port, tcp);
    const bool to_server = server_layer != nullptr;
    const char *layer = to_server ? server_layer : layer_of(src_port, tcp);
    if (layer == nullptr) return;
    const char *port =
        wmem_strdup_printf(pinfo->pool, "%s %u (%s)", tcp ? "TCP" : "UDP", to_server ? dst_port : src_port, layer);
    const char *from = endpoint(pinfo->pool, src, src_port), *to = endpoint(pinfo->pool, dst, dst_port);
    const guint row = row_of(table, pinfo, tcp, port, to_server ? from : to, to_server ? to : from);
    stat_tap_get_field_data(table, row, to_server ? PacketsToServer : PacketsToClient)->value.uint_value += 1;
    stat_tap_get_field_data(table, row, to_server ? OctetsToServer : OctetsToClient)->value.uint_value += octets;
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

// TCP's and UDP's taps count the packets and octets each way, for an open
// inventory only: a run that never asks for it pays nothing for the
// plugin's taps. Registered once, from the table's initialisation (never
// while a tap list is walked).
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

void init_table(stat_tap_table_ui *ui) {
    if (stat_tap_find_table(ui, kTitle) == nullptr)
        stat_tap_add_table(ui, stat_tap_init_table(kTitle, ColumnCount, 0, nullptr));
    if (g_rows == nullptr) g_rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, nullptr);
    listen_to_transports();
}

void reset_table(stat_tap_table *) {
    if (g_rows != nullptr) g_hash_table_remove_all(g_rows);
}

void free_item(stat_tap_table *, guint, guint column, stat_tap_table_item_type *item) {
    if (g_columns[column].type == TABLE_ITEM_STRING) g_free(const_cast<char *>(item->value.string_value));
}

tap_packet_status on_record(void *, packet_info *pinfo, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *r = static_cast<const InventoryRecord *>(data);
    stat_tap_table *table = the_table();
    if (table == nullptr) return TAP_PACKET_DONT_REDRAW;
    const guint row = row_of(table, pinfo, r->tcp, r->port, r->client, r->server);
    if (r->what != nullptr && *r->what != '\0') set_text(table, row, Service, r->what);
    if (r->identity != nullptr) {
        if (*r->identity->product != '\0') set_text(table, row, Product, r->identity->product);
        if (*r->identity->version != '\0') set_text(table, row, Version, r->identity->version);
        if (*r->identity->evidence != '\0')
            set_text(table, row, Evidence, evidence_summary(r->identity->evidence).c_str());
    }
    for (const char *const *line = r->findings; *line != nullptr; ++line) add_finding(table, row, *line);
    return TAP_PACKET_REDRAW;
}

}  // namespace

void register_inventory() {
    if (g_tap >= 0) return;
    g_tap = register_tap("ghostports");
    // Member by member: the struct has grown between Wireshark versions.
    // The group Wireshark 4.0's Qt menus list table statistics of (Statistics menu).
    g_ui.group = REGISTER_PACKET_STAT_GROUP_UNSORTED;
    g_ui.title = "Ghost ports (283, 403) inventory";
    g_ui.tap_name = "ghostports";
    g_ui.cli_string = "ghostports,table";
    g_ui.stat_tap_init_cb = init_table;
    g_ui.packet_func = on_record;
    g_ui.stat_tap_reset_table_cb = reset_table;
    g_ui.stat_tap_free_table_item_cb = free_item;
    g_ui.nfields = G_N_ELEMENTS(g_columns);
    g_ui.fields = g_columns;
    register_stat_tap_table_ui(&g_ui);
}

InventoryRecord *begin_inventory(packet_info *pinfo, bool tcp, bool from_client, const char *layer) {
    // Built only for a listener (the inventory table, tshark -z ghostports,...).
    if (!have_tap_listener(g_tap)) return nullptr;
    if (frame_records::scratch(pinfo, frame_records::Scratch::Inventory) != nullptr) return nullptr;
    auto *r = wmem_new0(pinfo->pool, InventoryRecord);
    frame_records::set_scratch(pinfo, frame_records::Scratch::Inventory, r);
    r->tcp = tcp;
    r->from_client = from_client;
    const guint32 server_port = from_client ? pinfo->destport : pinfo->srcport;
    r->port = wmem_strdup_printf(pinfo->pool, "%s %u (%s)", tcp ? "TCP" : "UDP", server_port, layer);
    const char *source = endpoint(pinfo->pool, &pinfo->src, pinfo->srcport);
    const char *destination = endpoint(pinfo->pool, &pinfo->dst, pinfo->destport);
    r->client = from_client ? source : destination;
    r->server = from_client ? destination : source;
    return r;
}

void finish_inventory(packet_info *pinfo, InventoryRecord *record, const char *what,
                      const ConversationIdentity *identity) {
    if (record == nullptr) return;
    record->what = what;
    record->identity =
        identity != nullptr
            ? static_cast<const ConversationIdentity *>(wmem_memdup(pinfo->pool, identity, sizeof *identity))
            : nullptr;
    record->findings = frame_exposure_lines(pinfo);
    tap_queue_packet(g_tap, pinfo, record);
}

}  // namespace ghostports
