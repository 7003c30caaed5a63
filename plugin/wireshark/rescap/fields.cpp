// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/fields.hpp"

#include <algorithm>
#include <deque>
#include <string>

#include <epan/tfs.h>
#include <epan/unit_strings.h>

#include "wireshark/rescap/attribute_prefs.hpp"
#include "wireshark/rescap/content_kinds.hpp"
#include "core/rescap/parser.hpp"
#include "core/rescap/status.hpp"

namespace rescap {
namespace {

const true_false_string kMessageKind = {"Message is a response", "Message is a request"};

// Wireshark keeps pointers to names, abbreviations and value tables for
// the process lifetime; these hold the ones made at registration.
struct Storage {
    std::deque<std::string> strings;
    std::vector<value_string> status_names;
    std::vector<value_string> class_names;
    std::vector<hf_register_info> hf;
    std::vector<int *> ett;
    std::vector<ei_register_info> ei;

    const char *keep(std::string s) { return strings.emplace_back(std::move(s)).c_str(); }
};

Storage &storage() {
    static Storage s;
    return s;
}

// Names without the internal number ("count form (2000 drafts)", not "... (1)").
void format_form(gchar *label, guint32 form) {
    const char *name = form_name(static_cast<Form>(form));
    g_strlcpy(label, name != nullptr ? name : "none", ITEM_LABEL_LENGTH);
}

void format_attribute_type(gchar *label, guint32 type) {
    g_strlcpy(label, val_to_str_const(type, attribute_type_names(), "?"), ITEM_LABEL_LENGTH);
}

// rescap's parser reports overlaps and mismatched fragments itself
// (fragment_mismatch); show_fragment_tree() reads these fields only for
// fragments flagged so, which rescap's never are.
int g_never_shown = -1;

// The typed field each attribute value type decodes into.
struct AttrField {
    AttrType type;
    const char *name;
    const char *abbrev;
    ftenum kind;
    int display;
};
constexpr AttrField kAttrFields[] = {
    {AttrType::Boolean, "Boolean value", "rescap.attr.bool", FT_BOOLEAN, BASE_NONE},
    {AttrType::Integer, "Integer value", "rescap.attr.int", FT_UINT16, BASE_DEC},
    {AttrType::String, "String value", "rescap.attr.string", FT_STRING, BASE_NONE},
    {AttrType::StringList, "List entry", "rescap.attr.list_item", FT_STRING, BASE_NONE},
    {AttrType::Uri, "URI value", "rescap.attr.uri", FT_STRING, BASE_NONE},
    {AttrType::Octets, "Octets value", "rescap.attr.octets", FT_BYTES, BASE_NONE},
};

void build_value_tables(Storage &s) {
    for (const StatusSpec &spec : status_registry()) s.status_names.push_back(value_string{spec.code, spec.meaning});
    s.status_names.push_back(value_string{0, nullptr});
    for (const StatusClassSpec &spec : status_class_registry())
        s.class_names.push_back(value_string{spec.main, spec.meaning});
    s.class_names.push_back(value_string{0, nullptr});
}

hf_register_info field(int *id, const char *name, const char *abbrev, ftenum type, int display, const void *strings,
                       guint64 mask, const char *blurb) {
    return hf_register_info{id, {name, abbrev, type, display, strings, mask, blurb, HFILL}};
}

// The typed value field of a registry row, from its content kind's row.
hf_register_info value_field(Storage &s, int *id, const ItemSpec &spec) {
    const ContentKindRow &row = content_kind(spec.kind);
    return field(id, row.field_name != nullptr ? row.field_name : spec.name,
                 s.keep(std::string("rescap.") + spec.field), row.field_type, row.display, row.strings, 0, spec.blurb);
}

void describe_reassembly(Fields &f) {
    fragment_items &r = f.reassembly;
    r.ett_fragment = &f.ett_fragment;
    r.ett_fragments = &f.ett_fragments;
    r.hf_fragments = &f.fragments;
    r.hf_fragment = &f.fragment;
    r.hf_fragment_overlap = &g_never_shown;
    r.hf_fragment_overlap_conflict = &g_never_shown;
    r.hf_fragment_multiple_tails = &g_never_shown;
    r.hf_fragment_too_long_fragment = &g_never_shown;
    r.hf_fragment_error = &g_never_shown;
    r.hf_fragment_count = &f.fragment_count;
    r.hf_reassembled_in = nullptr;  // an item is reassembled in the frame its message is dissected in
    r.hf_reassembled_length = &f.reassembled_length;
    r.hf_reassembled_data = nullptr;
    r.tag = "rescap item fragments";
}

int group_of(Group group) {
    switch (group) {
        case Group::Malformed: return PI_MALFORMED;
        case Group::Security: return PI_SECURITY;
        case Group::Undecoded: return PI_UNDECODED;
        case Group::Sequence: return PI_SEQUENCE;
        case Group::Protocol: break;
    }
    return PI_PROTOCOL;
}

int severity_of(Severity severity) {
    switch (severity) {
        case Severity::Chat: return PI_CHAT;
        case Severity::Note: return PI_NOTE;
        case Severity::Warning: return PI_WARN;
        case Severity::Error: break;
    }
    return PI_ERROR;
}

}  // namespace

void format_tag(gchar *label, guint32 tag) {
    // "Name (0x000d)", written out by hand: every item has a Tag line and
    // printf was a fifth of a full (-V) dissection's added cost.
    static constexpr char kHex[] = "0123456789abcdef";
    const std::string_view name = tag_name(static_cast<std::uint16_t>(tag));
    constexpr std::size_t kSuffix = sizeof " (0x0000)";  // with its terminating NUL
    const std::size_t length = std::min<std::size_t>(name.size(), ITEM_LABEL_LENGTH - kSuffix);
    gchar *out = std::copy_n(name.data(), length, label);
    for (const char c : {' ', '(', '0', 'x'}) *out++ = c;
    for (int shift = 12; shift >= 0; shift -= 4) *out++ = kHex[(tag >> shift) & 0xF];
    *out++ = ')';
    *out = '\0';
}

Fields &fields() {
    static Fields f;
    return f;
}

int Fields::value_field(const ItemSpec &spec) const {
    if (&spec == &unknown_item()) return unknown_value;
    return value[static_cast<std::size_t>(&spec - item_registry().data())];
}

int Fields::item_subtree(const ItemSpec &spec) const {
    if (&spec == &unknown_item()) return ett_unknown;
    return ett_item[static_cast<std::size_t>(&spec - item_registry().data())];
}

void register_fields(int proto) {
    Fields &f = fields();
    Storage &s = storage();
    f.proto = proto;
    build_value_tables(s);
    const auto registry = item_registry();
    f.value.assign(registry.size(), -1);
    f.ett_item.assign(registry.size(), -1);

    s.hf = {
        // In words, as DNS says "Message is a response".
        field(&f.response, "Response", "rescap.response", FT_BOOLEAN, BASE_NONE, TFS(&kMessageKind), 0,
              "TRUE for a FullResponse, FALSE for a FullRequest"),
        field(&f.form, "Form", "rescap.form", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_form), 0,
              "Draft generation of a container: count form (2000) or nested form (1999)"),
        field(&f.response_in, "Response in", "rescap.response_in", FT_FRAMENUM, BASE_NONE,
              FRAMENUM_TYPE(FT_FRAMENUM_RESPONSE), 0, "The response to this request is in this frame"),
        field(&f.response_to, "Request in", "rescap.response_to", FT_FRAMENUM, BASE_NONE,
              FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0, "This is a response to the request in this frame"),
        field(&f.time, "Time", "rescap.time", FT_RELATIVE_TIME, BASE_NONE, nullptr, 0,
              "Time between the request and this response"),
        field(&f.retransmission, "Retransmission", "rescap.retransmission", FT_BOOLEAN, BASE_NONE, nullptr, 0,
              "A retransmitted request or a duplicated response (same octets, same conversation)"),
        field(&f.retransmit_request_in, "Retransmission of the request in", "rescap.retransmit_request_in", FT_FRAMENUM,
              BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_RETRANS_PREV), 0,
              "This request repeats the unanswered request in this frame"),
        field(&f.retransmit_response_in, "Duplicate of the response in", "rescap.retransmit_response_in", FT_FRAMENUM,
              BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_RETRANS_PREV), 0,
              "This response repeats the response in this frame"),
        field(&f.identified, "Identified as", "rescap.identified", FT_STRING, BASE_NONE, nullptr, 0,
              "Protocol recognised in a payload that is not rescap"),
        field(&f.stream_part, "Message part", "rescap.stream.part", FT_UINT32, BASE_DEC | BASE_UNIT_STRING,
              static_cast<const void *>(&units_octet_octets), 0,
              "Octets of this TCP segment that belong to a message shown in another frame"),
        field(&f.stream_reassembled_in, "Reassembled in", "rescap.stream.reassembled_in", FT_FRAMENUM, BASE_NONE,
              nullptr, 0, "The frame where the message this segment belongs to ends and is shown"),
        field(&f.stream_starts_in, "Starts in", "rescap.stream.starts_in", FT_FRAMENUM, BASE_NONE, nullptr, 0,
              "The frame where the message assembled from TCP segments starts"),
        field(&f.stream_length, "Reassembled length", "rescap.stream.length", FT_UINT32, BASE_DEC, nullptr, 0,
              "Octets of a message assembled from TCP segments"),
        field(&f.stream_segments, "Segment count", "rescap.stream.segments", FT_UINT32, BASE_DEC, nullptr, 0,
              "TCP segments a message was assembled from"),
        field(&f.stream_segment_list, "Reassembled TCP segments", "rescap.stream.segment_list", FT_NONE, BASE_NONE,
              nullptr, 0, "The TCP segments a message was assembled from, in order"),
        field(&f.stream_segment, "Segment", "rescap.stream.segment", FT_FRAMENUM, BASE_NONE, nullptr, 0,
              "A TCP segment that holds part of the message"),
        field(&f.ignored, "Items beyond the message", "rescap.ignored", FT_NONE, BASE_NONE, nullptr, 0,
              "Items after the message's count; the receiver ignores them"),
        field(&f.item, "Item", "rescap.item", FT_NONE, BASE_NONE, nullptr, 0, "One logical rescap item"),
        field(&f.item_tag, "Tag", "rescap.item.tag", FT_UINT16, BASE_CUSTOM, CF_FUNC(format_tag), 0, "Item tag"),
        field(&f.item_continuation, "Continuation", "rescap.item.continuation", FT_BOOLEAN, 16, nullptr,
              kContinuationBit, "More fragments of this item follow"),
        field(&f.item_length, "Length", "rescap.item.length", FT_UINT16, BASE_DEC, nullptr, 0x7FFF,
              "Content length of this item (or fragment) in octets"),
        field(&f.count, "Count", "rescap.count", FT_UINT16, BASE_DEC, nullptr, 0,
              "Number of items that follow and belong to this container (count form)"),
        field(&f.fragment_header, "Fragment header", "rescap.fragment_header", FT_NONE, BASE_NONE, nullptr, 0,
              "The header (continuation marker and length) of one wire fragment of an item"),
        field(&f.fragments, "Item fragments", "rescap.fragments", FT_NONE, BASE_NONE, nullptr, 0,
              "The wire fragments of a fragmented item"),
        field(&f.fragment, "Item fragment", "rescap.fragment", FT_FRAMENUM, BASE_NONE, nullptr, 0,
              "One wire fragment: its frame and its place in the reassembled content"),
        field(&f.fragment_count, "Item fragment count", "rescap.fragment.count", FT_UINT32, BASE_DEC, nullptr, 0,
              "Number of wire fragments"),
        field(&f.reassembled_length, "Reassembled item length", "rescap.reassembled_length", FT_UINT32, BASE_DEC,
              nullptr, 0, "Content length after joining the fragments"),
        field(&f.text, "Text", "rescap.text", FT_STRING, BASE_NONE, nullptr, 0,
              "Octets of an opaque item that read as UTF-8 text"),
        field(&f.status_code, "Status code", "rescap.status.code", FT_UINT16, BASE_HEX, s.status_names.data(), 0,
              "main << 8 | secondary"),
        field(&f.status_main, "Main code", "rescap.status.main", FT_UINT8, BASE_HEX, s.class_names.data(), 0,
              "Status class"),
        field(&f.status_secondary, "Secondary code", "rescap.status.secondary", FT_UINT8, BASE_HEX, nullptr, 0,
              nullptr),
        field(&f.status_text, "Text", "rescap.status.text", FT_STRING, BASE_NONE, nullptr, 0,
              "Optional UTF-8 status text"),
        field(&f.unknown_value, "Unknown item content", "rescap.unknown", FT_BYTES, BASE_NONE, nullptr, 0,
              unknown_item().blurb),
        field(&f.embedded, "Embedded request", "rescap.embedded", FT_NONE, BASE_NONE, nullptr, 0,
              "The request a rescap:// URL carries, decoded from base64"),
        field(&f.attr_name, "Attribute", "rescap.attr.name", FT_STRING, BASE_NONE, nullptr, 0,
              "Name the attribute table gives this tag"),
        field(&f.attr_type, "Attribute type", "rescap.attr.type", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_attribute_type),
              0, "Value type the attribute table gives this tag"),
    };
    for (const AttrField &a : kAttrFields)
        s.hf.push_back(field(&f.attr_value[static_cast<std::size_t>(a.type)], a.name, a.abbrev, a.kind, a.display,
                             nullptr, 0, "Value of a user-mapped attribute"));
    for (std::size_t row = 0; row < registry.size(); ++row)
        if (registry[row].field != nullptr) s.hf.push_back(value_field(s, &f.value[row], registry[row]));

    for (int *ett : {&f.ett_stream_segments, &f.ett_message, &f.ett_fragments, &f.ett_fragment, &f.ett_fragment_header,
                     &f.ett_ignored, &f.ett_unknown, &f.ett_embedded})
        s.ett.push_back(ett);
    for (int &ett : f.ett_item) s.ett.push_back(&ett);

    for (const DiagSpec &spec : diagnostic_registry())
        s.ei.push_back(ei_register_info{&f.expert[static_cast<std::size_t>(spec.kind)],
                                        {s.keep(std::string("rescap.expert.") + spec.name), group_of(spec.group),
                                         severity_of(spec.severity), spec.summary, EXPFILL}});

    describe_reassembly(f);
    proto_register_field_array(proto, s.hf.data(), static_cast<int>(s.hf.size()));
    proto_register_subtree_array(s.ett.data(), static_cast<int>(s.ett.size()));
    expert_module_t *module = expert_register_protocol(proto);
    expert_register_field_array(module, s.ei.data(), static_cast<int>(s.ei.size()));
}

}  // namespace rescap
