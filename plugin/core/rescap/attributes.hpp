// SPDX-License-Identifier: GPL-2.0-or-later
// Typed profile attributes: the MUA profile names attributes and value
// types but assigns no tags, so deployments map (private-use) tags to them.
// The user's table (a UAT in Wireshark) says which tag is which.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rescap {

enum class AttrType : std::uint8_t { Boolean, Integer, String, StringList, Uri, Octets };

struct AttributeSpec {
    std::uint16_t tag;
    std::string name;
    AttrType type;
};

class AttributeTable {
public:
    void assign(std::vector<AttributeSpec> specs);
    // nullptr when the tag is not mapped.
    const AttributeSpec *find(std::uint16_t tag) const;
    bool empty() const { return specs_.empty(); }

private:
    std::vector<AttributeSpec> specs_;  // ordered by tag, one per tag
};

const char *attr_type_name(AttrType type);

// Every value type, in the order the attribute table offers them.
inline constexpr AttrType kAttrTypes[] = {AttrType::Boolean,    AttrType::Integer, AttrType::String,
                                          AttrType::StringList, AttrType::Uri,     AttrType::Octets};

// A table row's fields as the user typed them. On failure `error` says why
// in a sentence for the table's dialog.
// The tag: hexadecimal ("0xff02" or "ff02"), a private-use tag 0xFE00-0xFFFF
// (registry tags have meanings of their own).
std::optional<std::uint16_t> parse_attribute_tag(std::string_view text, std::string &error);
// The type: one of attr_type_name()'s names.
std::optional<AttrType> parse_attribute_type(std::string_view text, std::string &error);

// The strings of a List of strings value (2-octet length + octets each);
// false when the lengths do not add up to the value.
bool split_string_list(std::span<const std::uint8_t> value, std::vector<std::span<const std::uint8_t>> &strings);

// The List of strings entry at `at`, advancing `at` past it; nullopt when
// its length runs past the value. Allocates nothing: the glue walks a list
// with it while calling Wireshark.
std::optional<std::span<const std::uint8_t>> next_list_string(std::span<const std::uint8_t> value, std::size_t &at);

// Whether the value has the shape its type demands.
bool attribute_value_fits(AttrType type, std::span<const std::uint8_t> value);

}  // namespace rescap
