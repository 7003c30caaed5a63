// SPDX-License-Identifier: GPL-2.0-or-later
// The rescap tap and its stats tree, modelled on DNS's: message counts,
// status classes and codes, what was asked and returned, referrals, draft
// generation, problems and service response time.
#include <algorithm>
#include <string>

#include <epan/stats_tree.h>
#include <epan/tap.h>

#include "core/rescap/registry.hpp"
#include "core/rescap/status.hpp"
#include "wireshark/rescap/tap.hpp"

namespace rescap {
namespace {

int g_tap = -1;

// Topic titles, capitalised as Wireshark's own trees; the stats tree
// identifies nodes by name.
constexpr const char *kMessages = "RESCAP Messages";
constexpr const char *kRequests = "Requests";
constexpr const char *kResponses = "Responses";
constexpr const char *kStatusClass = "Responses by Status Class";
constexpr const char *kStatusCode = "Responses by Status Code";
constexpr const char *kSchemes = "Requested URI Schemes";
constexpr const char *kAsked = "Tags Asked For (ItemsToReturn)";
constexpr const char *kReturned = "Items Returned";
constexpr const char *kReferrals = "Referrals";
constexpr const char *kForms = "Draft Generation";
constexpr const char *kProblems = "Malformed or Not RESCAP";
// Whole microseconds: the stats tree prints an integer node's minimum and
// maximum as integers and its average with two decimals, all in one unit.
constexpr const char *kResponseTime = "Response Time (microseconds)";

struct Nodes {
    int messages, requests, responses, status_class, status_code, schemes, asked, returned, referrals, forms, problems,
        response_time;
};
Nodes g_nodes;

void init_tree(stats_tree *st) {
    const auto node = [st](const char *name, int parent = 0) {
        return stats_tree_create_node(st, name, parent, STAT_DT_INT, TRUE);
    };
    g_nodes.messages = node(kMessages);
    g_nodes.requests = node(kRequests, g_nodes.messages);
    g_nodes.responses = node(kResponses, g_nodes.messages);
    g_nodes.status_class = node(kStatusClass);
    g_nodes.status_code = node(kStatusCode);
    g_nodes.schemes = node(kSchemes);
    g_nodes.asked = node(kAsked);
    g_nodes.returned = node(kReturned);
    g_nodes.referrals = node(kReferrals);
    g_nodes.forms = node(kForms);
    g_nodes.problems = node(kProblems);
    g_nodes.response_time = stats_tree_create_node(st, kResponseTime, 0, STAT_DT_INT, FALSE);
}

std::string status_name(std::uint16_t code) {
    const char *meaning = status_meaning(code);
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "0x%04x %s", code, meaning != nullptr ? meaning : "(unknown code)");
    return buffer;
}

std::string class_name(std::uint8_t main) {
    const char *meaning = status_class_meaning(main);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "0x%02x %s", main, meaning != nullptr ? meaning : "(unknown class)");
    return buffer;
}

void tick(stats_tree *st, const std::string &name, int parent) {
    tick_stat_node(st, name.c_str(), parent, FALSE);
}

tap_packet_status on_packet(stats_tree *st, packet_info *, epan_dissect_t *, const void *data, tap_flags_t) {
    const auto *record = static_cast<const TapRecord *>(data);
    if (!record->rescap) {
        tick_stat_node(st, kProblems, 0, TRUE);
        tick_stat_node(st, "Not rescap payloads", g_nodes.problems, FALSE);
        return TAP_PACKET_REDRAW;
    }
    const char *transport = record->tcp ? "TCP" : "UDP";
    tick_stat_node(st, kMessages, 0, TRUE);
    const int role = tick_stat_node(st, record->response ? kResponses : kRequests, g_nodes.messages, TRUE);
    tick_stat_node(st, transport, role, FALSE);
    tick_stat_node(st, kForms, 0, TRUE);
    const char *form = form_name(static_cast<Form>(record->form));
    tick_stat_node(st, form != nullptr ? form : "undecodable", g_nodes.forms, FALSE);
    if (record->malformed) {
        tick_stat_node(st, kProblems, 0, TRUE);
        tick_stat_node(st, "Malformed messages", g_nodes.problems, FALSE);
    }
    if (!record->response) {
        if (record->uri_scheme != nullptr) {
            tick_stat_node(st, kSchemes, 0, TRUE);
            tick_stat_node(st, record->uri_scheme, g_nodes.schemes, FALSE);
        }
        // The topic counts what its children count (tags, an empty list as
        // one), so that each child's percentage is a share of it.
        if (record->asked_present && record->asked_count == 0) {
            tick_stat_node(st, kAsked, 0, TRUE);
            tick_stat_node(st, "(empty list: everything)", g_nodes.asked, FALSE);
        }
        for (std::uint32_t i = 0; i < record->asked_count; ++i) {
            tick_stat_node(st, kAsked, 0, TRUE);
            tick(st, std::string(tag_name(record->asked[i])), g_nodes.asked);
        }
        return TAP_PACKET_REDRAW;
    }
    if (record->has_status) {
        tick_stat_node(st, kStatusClass, 0, TRUE);
        tick(st, class_name(static_cast<std::uint8_t>(record->status >> 8)), g_nodes.status_class);
        tick_stat_node(st, kStatusCode, 0, TRUE);
        tick(st, status_name(record->status), g_nodes.status_code);
    }
    for (std::uint32_t i = 0; i < record->returned_count; ++i) {
        tick_stat_node(st, kReturned, 0, TRUE);
        tick(st, std::string(tag_name(record->returned[i])), g_nodes.returned);
    }
    if (record->referral != nullptr) {
        tick_stat_node(st, kReferrals, 0, TRUE);
        tick_stat_node(st, record->referral, g_nodes.referrals, FALSE);
    }
    if (record->has_time) {
        const gint64 us = static_cast<gint64>(record->time.secs) * 1000000 + (record->time.nsecs + 500) / 1000;
        avg_stat_node_add_value_int(st, kResponseTime, 0, FALSE, static_cast<gint>(std::min<gint64>(us, G_MAXINT)));
    }
    return TAP_PACKET_REDRAW;
}

}  // namespace

const TapRecord *make_tap_record(packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input,
                                 bool tcp, const nstime_t *time) {
    auto *record = wmem_new0(pinfo->pool, TapRecord);
    record->rescap = true;
    record->tcp = tcp;
    record->response = result.role == Role::Response;
    record->form = static_cast<std::uint8_t>(result.form);
    record->malformed = result.has_errors();
    if (const Item *uri = result.find(kTagBaseUri)) {
        const auto value = result.value(*uri, input);
        const auto colon = std::find(value.begin(), value.end(), ':');
        if (colon != value.end() && colon != value.begin())
            record->uri_scheme = wmem_strndup(pinfo->pool, reinterpret_cast<const char *>(value.data()),
                                              static_cast<std::size_t>(colon - value.begin()));
    }
    if (const Item *status = result.find(kTagStatus); status != nullptr && status->status_valid) {
        record->has_status = true;
        record->status = status->status;
    }
    if (const Item *referral = result.find(kTagReferral)) {
        const auto value = result.value(*referral, input);
        record->referral = wmem_strndup(pinfo->pool, reinterpret_cast<const char *>(value.data()), value.size());
    }
    if (const Item *asked = result.find(kTagItemsToReturn)) {
        const auto value = result.value(*asked, input);
        record->asked_present = true;
        record->asked_count = static_cast<std::uint32_t>(value.size() / 2);
        auto *tags = wmem_alloc_array(pinfo->pool, std::uint16_t, record->asked_count + 1);
        for (std::uint32_t i = 0; i < record->asked_count; ++i)
            tags[i] = static_cast<std::uint16_t>(value[2 * i] << 8 | value[2 * i + 1]);
        record->asked = tags;
    }
    if (record->response) {
        auto *tags = wmem_alloc_array(pinfo->pool, std::uint16_t, result.items.size());
        for (std::size_t i = 1; i < result.items.size(); ++i)
            if (!result.items[i].ignored) tags[record->returned_count++] = result.items[i].tag;
        record->returned = tags;
    }
    if (time != nullptr) {
        record->has_time = true;
        record->time = *time;
    }
    return record;
}

const TapRecord *make_not_rescap_record(packet_info *pinfo, bool tcp) {
    auto *record = wmem_new0(pinfo->pool, TapRecord);
    record->tcp = tcp;
    return record;
}

void register_tap() {
    g_tap = ::register_tap("rescap");
}

void register_stats() {
    stats_tree_register_plugin("rescap", "rescap", "RESCAP", 0, on_packet, init_tree, nullptr);
}

void queue_tap(packet_info *pinfo, const TapRecord *record) {
    tap_queue_packet(g_tap, pinfo, record);
}

bool tap_has_listeners() {
    return have_tap_listener(g_tap);
}

}  // namespace rescap
