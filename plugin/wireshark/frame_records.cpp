// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/frame_records.hpp"

#include <epan/proto_data.h>

#include "core/shared/frame_index.hpp"

namespace frame_records {
namespace {

int g_proto = -1;

// Cleared when a file closes (its values lived in that file's scope).
shared::FrameIndex &index() {
    static shared::FrameIndex records;
    return records;
}

void clear_index() {
    index().clear();
}

guint32 tag_of(Kind kind, guint32 key) {
    DISSECTOR_ASSERT(key < (1u << 24));
    return static_cast<guint32>(kind) << 24 | key;
}

}  // namespace

void add(packet_info *pinfo, Kind kind, guint32 key, void *value) {
    const guint32 tag = tag_of(kind, key);
    if (!index().add(pinfo->num, tag, value)) p_add_proto_data(wmem_file_scope(), pinfo, g_proto, tag, value);
}

void *find(packet_info *pinfo, Kind kind, guint32 key) {
    const guint32 tag = tag_of(kind, key);
    if (void *value = index().find(pinfo->num, tag)) return value;
    return p_get_proto_data(wmem_file_scope(), pinfo, g_proto, tag);
}

void *scratch(packet_info *pinfo, Scratch what) {
    return p_get_proto_data(pinfo->pool, pinfo, g_proto, static_cast<guint32>(what));
}

void set_scratch(packet_info *pinfo, Scratch what, void *value) {
    p_add_proto_data(pinfo->pool, pinfo, g_proto, static_cast<guint32>(what), value);
}

void register_frame_records(int proto) {
    g_proto = proto;
    register_cleanup_routine(clear_index);
}

}  // namespace frame_records
