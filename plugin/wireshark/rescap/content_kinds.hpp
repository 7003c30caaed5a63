// SPDX-License-Identifier: GPL-2.0-or-later
// What each content kind of the item registry means on Wireshark's side:
// one row per kind with its value field's type, the detail in the item's
// line and the fields under it (as packet-diameter.c's AVP type table). The
// parser's side of a kind (its checks, its fixed values) is in core/rescap.
#pragma once

#include <span>

#include <epan/packet.h>

#include "core/rescap/parser.hpp"

namespace rescap {

struct Fields;

// What a row's functions see of one item.
struct ContentView {
    packet_info *pinfo;
    const Fields &f;
    const ParseResult &result;
    std::span<const std::uint8_t> input;  // the message's octets
    const Item &item;
    std::span<const std::uint8_t> value;  // the item's typed value
};

struct ContentKindRow {
    ContentKind kind;
    // The value field registered for each registry row of this kind.
    ftenum field_type;
    int display;
    const void *strings;
    const char *field_name;  // nullptr: the registry's item name
    // The item line's detail ("mailto:…", "0x0000 request fully
    // processable", "3600 s"); nullptr when the kind has none.
    const char *(*detail)(const ContentView &view);
    // The value's fields under the item, in `tvb` (the content's source).
    void (*render)(proto_tree *tree, tvbuff_t *tvb, const ContentView &view, int hf);
};

const ContentKindRow &content_kind(ContentKind kind);

// Text shown in a label: cut to a readable length, control characters escaped.
const char *label_text(packet_info *pinfo, std::span<const std::uint8_t> text);

// "0x0000 request fully processable" (+ the status text), from the parsed code.
const char *status_detail(packet_info *pinfo, const Item &status, std::span<const std::uint8_t> value);
void append_status_detail(wmem_strbuf_t *line, packet_info *pinfo, const Item &status,
                          std::span<const std::uint8_t> value);

}  // namespace rescap
