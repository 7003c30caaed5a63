// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/attributes.hpp"

#include <algorithm>

#include "core/rescap/registry.hpp"
#include "core/rescap/text.hpp"

namespace rescap {

void AttributeTable::assign(std::vector<AttributeSpec> specs) {
    // The last row for a tag wins, as a user editing the table would expect.
    std::stable_sort(specs.begin(), specs.end(), [](const auto &a, const auto &b) { return a.tag < b.tag; });
    specs_.clear();
    for (auto &spec : specs) {
        if (!specs_.empty() && specs_.back().tag == spec.tag)
            specs_.back() = std::move(spec);
        else
            specs_.push_back(std::move(spec));
    }
}

const AttributeSpec *AttributeTable::find(std::uint16_t tag) const {
    const auto it = std::lower_bound(specs_.begin(), specs_.end(), tag,
                                     [](const AttributeSpec &spec, std::uint16_t t) { return spec.tag < t; });
    return it != specs_.end() && it->tag == tag ? &*it : nullptr;
}

const char *attr_type_name(AttrType type) {
    switch (type) {
        case AttrType::Boolean: return "Boolean";
        case AttrType::Integer: return "Integer";
        case AttrType::String: return "String";
        case AttrType::StringList: return "List of strings";
        case AttrType::Uri: return "URI";
        case AttrType::Octets: return "Octets";
    }
    return "?";
}

std::optional<std::span<const std::uint8_t>> next_list_string(std::span<const std::uint8_t> value, std::size_t &at) {
    if (at > value.size() || value.size() - at < 2) return std::nullopt;
    const std::size_t length = static_cast<std::size_t>(value[at] << 8 | value[at + 1]);
    if (value.size() - at - 2 < length) return std::nullopt;
    const auto entry = value.subspan(at + 2, length);
    at += 2 + length;
    return entry;
}

std::optional<std::uint16_t> parse_attribute_tag(std::string_view text, std::string &error) {
    std::string_view digits = text;
    if (digits.starts_with("0x") || digits.starts_with("0X")) digits.remove_prefix(2);
    std::uint32_t tag = 0;
    const bool hex = !digits.empty() && digits.size() <= 4 && std::all_of(digits.begin(), digits.end(), [&tag](char c) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        tag = tag << 4 | static_cast<std::uint32_t>(digit);
        return digit >= 0;
    });
    if (!hex) {
        error = "The tag must be a hexadecimal number such as 0xff02, not \"" + std::string(text) + "\"";
        return std::nullopt;
    }
    if (tag < kPrivateRequestFirst) {
        error = "Tag " + std::string(text) +
                " is in the item registry; only private-use tags (0xfe00-0xfeff requests, 0xff00-0xffff "
                "responses) can be mapped";
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(tag);
}

std::optional<AttrType> parse_attribute_type(std::string_view text, std::string &error) {
    for (const AttrType type : kAttrTypes)
        if (text == attr_type_name(type)) return type;
    error = "Unknown type \"" + std::string(text) + "\"; one of: ";
    for (const AttrType type : kAttrTypes)
        error += std::string(type == kAttrTypes[0] ? "" : ", ") + attr_type_name(type);
    return std::nullopt;
}

bool split_string_list(std::span<const std::uint8_t> value, std::vector<std::span<const std::uint8_t>> &strings) {
    strings.clear();
    for (std::size_t at = 0; at < value.size();) {
        const auto entry = next_list_string(value, at);
        if (!entry) return false;
        strings.push_back(*entry);
    }
    return true;
}

bool attribute_value_fits(AttrType type, std::span<const std::uint8_t> value) {
    switch (type) {
        case AttrType::Boolean: return value.size() == 1 && value[0] <= 1;
        case AttrType::Integer: return value.size() == 2;
        case AttrType::String:
        case AttrType::Uri: return is_valid_utf8(value);
        case AttrType::StringList: {
            std::vector<std::span<const std::uint8_t>> strings;
            if (!split_string_list(value, strings)) return false;
            return std::all_of(strings.begin(), strings.end(), [](auto s) { return is_valid_utf8(s); });
        }
        case AttrType::Octets: return true;
    }
    return false;
}

}  // namespace rescap
