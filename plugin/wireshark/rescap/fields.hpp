// SPDX-License-Identifier: GPL-2.0-or-later
// rescap's header fields, subtrees and expert infos, registered once from
// the item registry, the status table and the diagnostic table.
#pragma once

#include <array>
#include <vector>

#include <epan/expert.h>
#include <epan/proto.h>

#include "wireshark/compat.hpp"

#include "core/rescap/attributes.hpp"
#include "core/rescap/diagnostics.hpp"
#include "core/rescap/registry.hpp"

namespace rescap {

struct Fields {
    int proto = -1;
    // message
    int response = -1, form = -1, response_in = -1, response_to = -1, time = -1;
    int retransmission = -1, retransmit_request_in = -1, retransmit_response_in = -1;
    int identified = -1, ignored = -1;
    // TCP framing: a message assembled from segments (stream_framing.hpp)
    int stream_part = -1, stream_reassembled_in = -1, stream_starts_in = -1, stream_length = -1, stream_segments = -1;
    int stream_segment_list = -1, stream_segment = -1;  // the segments it was assembled from, as TCP lists them
    // item header
    int item = -1, item_tag = -1, item_length = -1, item_continuation = -1, count = -1;
    int fragment_header = -1;  // one wire header of a fragmented item
    // Wireshark's standard reassembly items (fragment_items below)
    int fragments = -1, fragment = -1, fragment_count = -1, reassembled_length = -1;
    // printable octets of an opaque item, as text
    int text = -1;
    // Status content
    int status_code = -1, status_main = -1, status_secondary = -1, status_text = -1;
    // per registry row (same index as item_registry()); -1 = no value field
    std::vector<int> value;
    int unknown_value = -1;
    // a rescap URL's embedded request
    int embedded = -1;
    // user-mapped typed attributes: name, type, and one value field per AttrType
    int attr_name = -1, attr_type = -1;
    std::array<int, 6> attr_value{-1, -1, -1, -1, -1, -1};

    int ett_stream_segments = -1;
    int ett_message = -1, ett_fragments = -1, ett_fragment = -1, ett_fragment_header = -1, ett_ignored = -1,
        ett_unknown = -1, ett_embedded = -1;
    std::vector<int> ett_item;  // per registry row

    std::array<expert_field, static_cast<std::size_t>(DiagKind::Count_)> expert{};

    int value_field(const ItemSpec &spec) const;
    int attribute_field(AttrType type) const { return attr_value[static_cast<std::size_t>(type)]; }
    int item_subtree(const ItemSpec &spec) const;
    expert_field *expert_for(DiagKind kind) { return &expert[static_cast<std::size_t>(kind)]; }

    // For show_fragment_tree(): the reassembly fields above.
    fragment_items reassembly{};
};

// "PrivUseResponse04 (0xff04)": a tag with its name and number (BASE_CUSTOM).
void format_tag(gchar *label, guint32 tag);

Fields &fields();

void register_fields(int proto);

}  // namespace rescap
