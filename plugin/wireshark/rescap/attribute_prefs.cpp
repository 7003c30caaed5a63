// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/attribute_prefs.hpp"

#include <cstring>

#include <array>
#include <string>
#include <string_view>

#include <epan/uat.h>
#include <wsutil/strtoi.h>

#include "core/rescap/registry.hpp"
#include "wireshark/compat.hpp"

namespace rescap {
namespace {

// One UAT row, in the C layout the UAT machinery copies and frees.
struct AttributeRecord {
    guint tag;
    char *name;
    guint type;
};

AttributeRecord *g_records = nullptr;
guint g_record_count = 0;
AttributeTable g_table;

void *copy_record(void *dest, const void *source, size_t) {
    auto *to = static_cast<AttributeRecord *>(dest);
    const auto *from = static_cast<const AttributeRecord *>(source);
    to->tag = from->tag;
    to->name = g_strdup(from->name);
    to->type = from->type;
    return dest;
}

// Field checks: the dialog shows the message and keeps the row from being
// saved; a table file or -o uat:... row that fails is reported and skipped.
ws_compat::UatFieldCheckResult check_tag(void *, const char *text, unsigned length, const void *, const void *,
                                         char **error) {
    std::string why;
    if (parse_attribute_tag(std::string_view(text, length), why)) return TRUE;
    *error = g_strdup(why.c_str());
    return FALSE;
}

ws_compat::UatFieldCheckResult check_type(void *, const char *text, unsigned length, const void *, const void *,
                                          char **error) {
    std::string why;
    if (parse_attribute_type(std::string_view(text, length), why)) return TRUE;
    *error = g_strdup(why.c_str());
    return FALSE;
}

ws_compat::UatFieldCheckResult check_name(void *, const char *text, unsigned length, const void *, const void *,
                                          char **error) {
    if (length > 0 && std::string_view(text, length).find_first_not_of(" \t") != std::string_view::npos) return TRUE;
    *error = g_strdup("The attribute needs a name, e.g. DisplayableMedia");
    return FALSE;
}

// The whole row, also as the dialog edits it field by field.
ws_compat::UatCheckResult check_record(void *record, char **error) {
    const auto *r = static_cast<const AttributeRecord *>(record);
    if (r->tag < kPrivateRequestFirst || r->tag > 0xFFFF) {
        *error = g_strdup_printf("Tag 0x%04x is not a private-use tag (0xfe00-0xffff)", r->tag);
        return FALSE;
    }
    if (r->name == nullptr || *r->name == '\0') {
        *error = g_strdup("The attribute needs a name");
        return FALSE;
    }
    return TRUE;
}

void free_record(void *record) {
    g_free(static_cast<AttributeRecord *>(record)->name);
}

void rebuild_table() {
    std::vector<AttributeSpec> specs;
    for (guint i = 0; i < g_record_count; ++i)
        specs.push_back(AttributeSpec{static_cast<std::uint16_t>(g_records[i].tag), g_records[i].name,
                                      static_cast<AttrType>(g_records[i].type)});
    g_table.assign(std::move(specs));
}

void set_tag(void *record, const char *text, guint length, const void *, const void *) {
    std::string ignored;
    // An invalid tag was refused by check_tag(); 0 then fails check_record().
    static_cast<AttributeRecord *>(record)->tag =
        parse_attribute_tag(std::string_view(text, length), ignored).value_or(0);
}
void tag_to_text(void *record, char **out, unsigned *length, const void *, const void *) {
    *out = g_strdup_printf("0x%04x", static_cast<AttributeRecord *>(record)->tag);
    *length = static_cast<unsigned>(std::strlen(*out));
}
void set_name(void *record, const char *text, guint length, const void *, const void *) {
    auto *r = static_cast<AttributeRecord *>(record);
    g_free(r->name);
    r->name = g_strndup(text, length);
}
void name_to_text(void *record, char **out, unsigned *length, const void *, const void *) {
    const char *name = static_cast<AttributeRecord *>(record)->name;
    *out = g_strdup(name != nullptr ? name : "");
    *length = static_cast<unsigned>(std::strlen(*out));
}
void set_type(void *record, const char *text, guint length, const void *, const void *) {
    std::string ignored;
    static_cast<AttributeRecord *>(record)->type =
        static_cast<guint>(parse_attribute_type(std::string_view(text, length), ignored).value_or(AttrType::Octets));
}
void type_to_text(void *record, char **out, unsigned *length, const void *, const void *) {
    *out = g_strdup(val_to_str_const(static_cast<AttributeRecord *>(record)->type, attribute_type_names(), "Octets"));
    *length = static_cast<unsigned>(std::strlen(*out));
}

}  // namespace

const AttributeTable &attribute_table() {
    return g_table;
}

const value_string *attribute_type_names() {
    static const auto names = [] {
        std::array<value_string, std::size(kAttrTypes) + 1> table{};
        for (std::size_t i = 0; i < std::size(kAttrTypes); ++i)
            table[i] = value_string{static_cast<guint32>(kAttrTypes[i]), attr_type_name(kAttrTypes[i])};
        table.back() = value_string{0, nullptr};
        return table;
    }();
    return names.data();
}

void register_attribute_table(module_t *module) {
    static uat_field_t fields[] = {
        {"tag",
         "Tag",
         PT_TXTMOD_STRING,
         {check_tag, set_tag, tag_to_text},
         {nullptr, nullptr, nullptr},
         nullptr,
         "Private-use item tag, hexadecimal: 0xfe00-0xfeff (PrivUseRequest00-255) or 0xff00-0xffff "
         "(PrivUseResponse00-255). Registry tags keep their own meaning and cannot be mapped.",
         FLDFILL},
        {"name",
         "Name",
         PT_TXTMOD_STRING,
         {check_name, set_name, name_to_text},
         {nullptr, nullptr, nullptr},
         nullptr,
         "Attribute name from the mail user agent profile (draft-hoffman-rescap-mua-03), e.g. DisplayableMedia; "
         "shown in the item's line and as rescap.attr.name",
         FLDFILL},
        {"type",
         "Type",
         PT_TXTMOD_ENUM,
         {check_type, set_type, type_to_text},
         {attribute_type_names(), attribute_type_names(), attribute_type_names()},
         attribute_type_names(),
         "Value type: Boolean (1 octet), Integer (2 octets), String, List of strings (2-octet length + octets "
         "each), URI, Octets",
         FLDFILL},
        UAT_END_FIELDS,
    };
    // The Help button opens this page of the User's Guide (how UAT tables
    // work); each column's tooltip says what rescap expects in it.
    uat_t *uat = uat_new("rescap typed attributes", sizeof(AttributeRecord), "rescap_attributes", TRUE, &g_records,
                         &g_record_count, UAT_AFFECTS_DISSECTION, "ChUserTable", copy_record, check_record, free_record,
                         rebuild_table, nullptr, fields);
    prefs_register_uat_preference(module, "attributes", "Typed attributes",
                                  "Map (private-use) item tags to named attributes with a value type, as the mail "
                                  "user agent profile describes them",
                                  uat);
}

}  // namespace rescap
