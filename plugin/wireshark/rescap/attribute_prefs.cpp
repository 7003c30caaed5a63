#include "wireshark/rescap/attribute_prefs.hpp"

#include <cstring>

#include <array>

#include <epan/uat.h>
#include <wsutil/strtoi.h>

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

ws_compat::UatCheckResult check_record(void *record, char **error) {
    const auto *r = static_cast<const AttributeRecord *>(record);
    if (r->tag > 0xFFFF) {
        *error = g_strdup_printf("Tag 0x%x does not fit in 16 bits", r->tag);
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
    char *copy = g_strndup(text, length);
    ws_hexstrtou32(copy, nullptr, &static_cast<AttributeRecord *>(record)->tag);
    g_free(copy);
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
    auto *r = static_cast<AttributeRecord *>(record);
    r->type = static_cast<guint>(AttrType::Octets);
    for (const value_string *choice = attribute_type_names(); choice->strptr != nullptr; ++choice)
        if (std::strlen(choice->strptr) == length && std::strncmp(choice->strptr, text, length) == 0)
            r->type = choice->value;
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
        constexpr AttrType kTypes[] = {AttrType::Boolean,    AttrType::Integer, AttrType::String,
                                       AttrType::StringList, AttrType::Uri,     AttrType::Octets};
        std::array<value_string, std::size(kTypes) + 1> table{};
        for (std::size_t i = 0; i < std::size(kTypes); ++i)
            table[i] = value_string{static_cast<guint32>(kTypes[i]), attr_type_name(kTypes[i])};
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
         {uat_fld_chk_num_hex, set_tag, tag_to_text},
         {nullptr, nullptr, nullptr},
         nullptr,
         "Item tag, hexadecimal (private use: 0xfe00-0xffff)",
         FLDFILL},
        {"name",
         "Name",
         PT_TXTMOD_STRING,
         {uat_fld_chk_str, set_name, name_to_text},
         {nullptr, nullptr, nullptr},
         nullptr,
         "Attribute name, e.g. DisplayableMedia",
         FLDFILL},
        {"type",
         "Type",
         PT_TXTMOD_ENUM,
         {uat_fld_chk_enum, set_type, type_to_text},
         {attribute_type_names(), attribute_type_names(), attribute_type_names()},
         attribute_type_names(),
         "Value type: Boolean (1 octet), Integer (2 octets), String, List of strings (2-octet length + octets "
         "each), URI, Octets",
         FLDFILL},
        UAT_END_FIELDS,
    };
    uat_t *uat = uat_new("rescap typed attributes", sizeof(AttributeRecord), "rescap_attributes", TRUE, &g_records,
                         &g_record_count, UAT_AFFECTS_DISSECTION, nullptr, copy_record, check_record, free_record,
                         rebuild_table, nullptr, fields);
    prefs_register_uat_preference(module, "attributes", "Typed attributes",
                                  "Map (private-use) item tags to named attributes with a value type, as the mail "
                                  "user agent profile describes them",
                                  uat);
}

}  // namespace rescap
