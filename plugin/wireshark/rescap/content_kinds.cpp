// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/content_kinds.hpp"

#include <array>
#include <charconv>
#include <string>

#include "wireshark/compat.hpp"
#include <epan/to_str.h>
#include <epan/unit_strings.h>
#include <wsutil/to_str.h>

#include "core/rescap/status.hpp"
#include "core/rescap/text.hpp"
#include "wireshark/rescap/fields.hpp"

namespace rescap {
namespace {

// Longest text shown in a label before it is cut; the field keeps it all.
constexpr std::size_t kLabelText = 80;
// Tags named in ItemsToReturn's line before "…".
constexpr std::size_t kLabelTags = 3;

gint at(std::size_t offset) {
    return static_cast<gint>(offset);
}

// "N octets", appended (no printf: most -V labels have one).
void append_octets(wmem_strbuf_t *line, std::size_t n) {
    char digits[24] = {};
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    wmem_strbuf_append_len(line, digits, static_cast<gsize>(end - digits));
    wmem_strbuf_append(line, n == 1 ? " octet" : " octets");
}

const char *octets(packet_info *pinfo, std::size_t n) {
    wmem_strbuf_t *line = wmem_strbuf_new(pinfo->pool, "");
    append_octets(line, n);
    return wmem_strbuf_finalize(line);
}

const char *hex(packet_info *pinfo, std::span<const std::uint8_t> value) {
    return bytes_to_str(pinfo->pool, value.data(), value.size());
}

// --- item line details -----------------------------------------------------

const char *detail_text(const ContentView &v) {
    return label_text(v.pinfo, v.value);
}

const char *detail_tags(const ContentView &v) {
    const std::size_t count = v.value.size() / 2;
    if (count == 0) return "empty list (return everything)";
    wmem_strbuf_t *names = wmem_strbuf_new(v.pinfo->pool, "");
    wmem_strbuf_append_printf(names, "%zu tag%s: ", count, count == 1 ? "" : "s");
    for (std::size_t i = 0; i < count && i < kLabelTags; ++i) {
        // Appended, not printed: a request's tag list is on every -V label.
        if (i > 0) wmem_strbuf_append(names, ", ");
        const std::string_view name = tag_name(static_cast<std::uint16_t>(v.value[2 * i] << 8 | v.value[2 * i + 1]));
        wmem_strbuf_append_len(names, name.data(), name.size());
    }
    if (count > kLabelTags) wmem_strbuf_append(names, ", …");
    return wmem_strbuf_get_str(names);
}

// Opaque octets: readable ones (a vCard, a media type) are previewed.
const char *detail_octets(const ContentView &v) {
    if (!is_printable_text(v.value)) return octets(v.pinfo, v.value.size());
    wmem_strbuf_t *line = wmem_strbuf_new(v.pinfo->pool, "");
    append_octets(line, v.value.size());
    wmem_strbuf_append(line, ": \"");
    wmem_strbuf_append(line, label_text(v.pinfo, v.value));
    wmem_strbuf_append_c(line, '"');
    return wmem_strbuf_finalize(line);
}

// Key IDs and nonces are short identifiers an analyst compares by eye.
const char *detail_identifier(const ContentView &v) {
    if (v.item.spec->kind == ContentKind::KeyId && v.value.size() == 8) return hex(v.pinfo, v.value);
    if (v.value.empty()) return octets(v.pinfo, 0);
    return wmem_strdup_printf(v.pinfo->pool, "%s: %s", octets(v.pinfo, v.value.size()), hex(v.pinfo, v.value));
}

const char *detail_status(const ContentView &v) {
    return status_detail(v.pinfo, v.item, v.value);
}

const char *detail_ttl(const ContentView &v) {
    if (!v.item.ttl_valid) return nullptr;
    return wmem_strdup_printf(v.pinfo->pool, "%u s", v.item.ttl);
}

const char *detail_timestamp(const ContentView &v) {
    if (!v.item.timestamp_valid) return "(invalid timestamp)";
    return abs_time_secs_to_str(v.pinfo->pool, static_cast<time_t>(v.item.timestamp), ABSOLUTE_TIME_UTC, TRUE);
}

// The whole content, as the Length field says: KeyID and signature.
const char *detail_signature_control(const ContentView &v) {
    const char *total = octets(v.pinfo, v.item.content_length);
    const char *signature = octets(v.pinfo, v.value.size());
    if (v.item.first_child == kNoItem)
        return wmem_strdup_printf(v.pinfo->pool, "%s: %s of signature", total, signature);
    const Item &key = v.result.items[v.item.first_child];
    return wmem_strdup_printf(v.pinfo->pool, "%s: KeyID %s, %s of signature", total,
                              hex(v.pinfo, v.result.value(key, v.input)), signature);
}

// --- fields under the item -------------------------------------------------

void render_nothing(proto_tree *, tvbuff_t *, const ContentView &, int) {}

void render_string(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int hf) {
    proto_tree_add_item(tree, hf, tvb, at(v.item.value_offset), at(v.item.value_length), ENC_UTF_8);
}

void render_tags(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int hf) {
    for (std::size_t offset = 0; offset + 2 <= v.value.size(); offset += 2)
        proto_tree_add_item(tree, hf, tvb, at(v.item.value_offset + offset), 2, ENC_BIG_ENDIAN);
}

void render_octets(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int hf) {
    if (v.value.empty()) return;
    proto_tree_add_item(tree, hf, tvb, at(v.item.value_offset), at(v.value.size()), ENC_NA);
    if (is_printable_text(v.value))
        proto_tree_add_item(tree, v.f.text, tvb, at(v.item.value_offset), at(v.value.size()), ENC_UTF_8);
}

void render_status(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int) {
    if (!v.item.status_valid) return;
    const gint offset = at(v.item.value_offset);
    proto_tree_add_uint(tree, v.f.status_code, tvb, offset, 2, v.item.status);
    proto_tree_add_uint(tree, v.f.status_main, tvb, offset, 1, v.item.status >> 8);
    proto_tree_add_uint(tree, v.f.status_secondary, tvb, offset + 1, 1, v.item.status & 0xFF);
    if (v.value.size() > 2)
        proto_tree_add_item(tree, v.f.status_text, tvb, offset + 2, at(v.value.size() - 2), ENC_UTF_8);
}

void render_ttl(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int hf) {
    if (v.item.ttl_valid) proto_tree_add_uint(tree, hf, tvb, at(v.item.value_offset), 4, v.item.ttl);
}

void render_timestamp(proto_tree *tree, tvbuff_t *tvb, const ContentView &v, int hf) {
    if (!v.item.timestamp_valid) return;
    const nstime_t when{static_cast<time_t>(v.item.timestamp), 0};
    proto_tree_add_time(tree, hf, tvb, at(v.item.value_offset), at(v.item.value_length), &when);
}

using enum ContentKind;

// Ordered like ContentKind; checked below.
const std::array kRows{
    ContentKindRow{None, FT_NONE, BASE_NONE, nullptr, nullptr, nullptr, render_nothing},
    ContentKindRow{Uri, FT_STRING, BASE_NONE, nullptr, nullptr, detail_text, render_string},
    ContentKindRow{TagList, FT_UINT16, BASE_CUSTOM, CF_FUNC(format_tag), nullptr, detail_tags, render_tags},
    ContentKindRow{Opaque, FT_BYTES, BASE_NONE, nullptr, nullptr, detail_octets, render_octets},
    ContentKindRow{KeyId, FT_BYTES, BASE_NONE, nullptr, nullptr, detail_identifier, render_octets},
    ContentKindRow{Nonce, FT_BYTES, BASE_NONE, nullptr, nullptr, detail_identifier, render_octets},
    ContentKindRow{Status, FT_NONE, BASE_NONE, nullptr, nullptr, detail_status, render_status},
    ContentKindRow{Ttl, FT_UINT32, BASE_DEC | BASE_UNIT_STRING, &units_second_seconds, "TTL", detail_ttl, render_ttl},
    ContentKindRow{Timestamp, FT_ABSOLUTE_TIME, ABSOLUTE_TIME_UTC, nullptr, nullptr, detail_timestamp,
                   render_timestamp},
    ContentKindRow{SignatureControl, FT_BYTES, BASE_NONE, nullptr, "Signature", detail_signature_control,
                   render_octets},
};

bool rows_follow_the_enum() {
    for (std::size_t i = 0; i < kRows.size(); ++i)
        if (static_cast<std::size_t>(kRows[i].kind) != i) return false;
    return true;
}

}  // namespace

const ContentKindRow &content_kind(ContentKind kind) {
    static const bool ordered = rows_follow_the_enum();
    g_assert(ordered);
    return kRows[static_cast<std::size_t>(kind)];
}

// Built by appending, not with printf: these are on every message's Info line.
const char *label_text(packet_info *pinfo, std::span<const std::uint8_t> text) {
    const bool cut = text.size() > kLabelText;
    const char *shown = ws_compat::format_text(pinfo->pool, text.data(), cut ? kLabelText : text.size());
    if (!cut) return shown;
    wmem_strbuf_t *label = wmem_strbuf_new(pinfo->pool, shown);
    wmem_strbuf_append(label, "…");
    return wmem_strbuf_finalize(label);
}

void append_status_detail(wmem_strbuf_t *line, packet_info *pinfo, const Item &status,
                          std::span<const std::uint8_t> value) {
    if (!status.status_valid) return wmem_strbuf_append(line, "(too short)");
    static constexpr char kHex[] = "0123456789abcdef";
    const char code[] = {'0',
                         'x',
                         kHex[status.status >> 12 & 0xF],
                         kHex[status.status >> 8 & 0xF],
                         kHex[status.status >> 4 & 0xF],
                         kHex[status.status & 0xF],
                         ' ',
                         '\0'};
    wmem_strbuf_append(line, code);
    const char *meaning = status_meaning(status.status);
    wmem_strbuf_append(line, meaning ? meaning : "(unknown code)");
    if (value.size() <= 2) return;
    wmem_strbuf_append(line, " \"");
    wmem_strbuf_append(line, label_text(pinfo, value.subspan(2)));
    wmem_strbuf_append_c(line, '"');
}

const char *status_detail(packet_info *pinfo, const Item &status, std::span<const std::uint8_t> value) {
    wmem_strbuf_t *line = wmem_strbuf_new(pinfo->pool, "");
    append_status_detail(line, pinfo, status, value);
    return wmem_strbuf_finalize(line);
}

}  // namespace rescap
