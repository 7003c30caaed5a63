// SPDX-License-Identifier: GPL-2.0-or-later
// The typed attribute table and value shapes (doc/decoding.md "Typed profile
// attributes"; spec "Mail user agent profile").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "builder.hpp"
#include "core/rescap/attributes.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

std::vector<std::string> strings_of(const Bytes &value, bool *ok = nullptr) {
    std::vector<std::span<const std::uint8_t>> parts;
    const bool fits = split_string_list(value, parts);
    if (ok != nullptr) *ok = fits;
    std::vector<std::string> out;
    for (auto p : parts) out.emplace_back(p.begin(), p.end());
    return out;
}

Bytes entry(std::string_view s) {
    return u16(static_cast<unsigned>(s.size())) + text(s);
}

}  // namespace

TEST(AttributeTable, EmptyByDefault) {
    AttributeTable table;
    EXPECT_TRUE(table.empty());
    EXPECT_EQ(table.find(0xFF01), nullptr);
}

TEST(AttributeTable, Lookup) {
    AttributeTable table;
    table.assign({{0xFF04, "GeneralInfo", AttrType::String},
                  {0xFF01, "PlainTextOnly", AttrType::Boolean},
                  {0xFF03, "LineLength", AttrType::Integer},
                  {0xFF02, "DisplayableMedia", AttrType::StringList}});
    EXPECT_FALSE(table.empty());
    const AttributeSpec *a = table.find(0xFF02);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->tag, 0xFF02);
    EXPECT_EQ(a->name, "DisplayableMedia");
    EXPECT_EQ(a->type, AttrType::StringList);
    ASSERT_NE(table.find(0xFF01), nullptr);
    EXPECT_EQ(table.find(0xFF01)->name, "PlainTextOnly");
    ASSERT_NE(table.find(0xFF04), nullptr);
    EXPECT_EQ(table.find(0xFF04)->type, AttrType::String);
    EXPECT_EQ(table.find(0xFF05), nullptr);
    EXPECT_EQ(table.find(0xFE01), nullptr);
    EXPECT_EQ(table.find(0x0000), nullptr);
    EXPECT_EQ(table.find(0xFFFF), nullptr);
}

TEST(AttributeTable, LastRowWins) {
    AttributeTable table;
    table.assign({{0xFF03, "First", AttrType::Boolean},
                  {0xFF01, "Other", AttrType::Octets},
                  {0xFF03, "Second", AttrType::String},
                  {0xFF03, "LineLength", AttrType::Integer}});
    const AttributeSpec *a = table.find(0xFF03);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->name, "LineLength");
    EXPECT_EQ(a->type, AttrType::Integer);
    ASSERT_NE(table.find(0xFF01), nullptr);
    EXPECT_EQ(table.find(0xFF01)->name, "Other");
}

TEST(AttributeTable, AssignReplacesTheTable) {
    AttributeTable table;
    table.assign({{0xFF01, "PlainTextOnly", AttrType::Boolean}});
    table.assign({{0xFF02, "DisplayableMedia", AttrType::StringList}});
    EXPECT_EQ(table.find(0xFF01), nullptr);
    EXPECT_NE(table.find(0xFF02), nullptr);
    table.assign({});
    EXPECT_TRUE(table.empty());
    EXPECT_EQ(table.find(0xFF02), nullptr);
}

TEST(AttributeTypes, Names) {
    EXPECT_STREQ(attr_type_name(AttrType::Boolean), "Boolean");
    EXPECT_STREQ(attr_type_name(AttrType::Integer), "Integer");
    EXPECT_STREQ(attr_type_name(AttrType::String), "String");
    EXPECT_STREQ(attr_type_name(AttrType::StringList), "List of strings");
    EXPECT_STREQ(attr_type_name(AttrType::Uri), "URI");
    EXPECT_STREQ(attr_type_name(AttrType::Octets), "Octets");
}

TEST(StringList, Splits) {
    bool ok = false;
    const Bytes value = entry("application/pdf") + entry("text/html") + entry("image/png");
    EXPECT_EQ(strings_of(value, &ok), (std::vector<std::string>{"application/pdf", "text/html", "image/png"}));
    EXPECT_TRUE(ok);
    EXPECT_EQ(strings_of({}, &ok), std::vector<std::string>{});
    EXPECT_TRUE(ok);
    EXPECT_EQ(strings_of(entry(""), &ok), std::vector<std::string>{""});
    EXPECT_TRUE(ok);
}

TEST(StringList, LengthsMustAddUp) {
    bool ok = true;
    strings_of(entry("abc") + Bytes{0x00}, &ok);  // half a length
    EXPECT_FALSE(ok);
    strings_of(u16(4) + text("abc"), &ok);  // entry runs past the value
    EXPECT_FALSE(ok);
    strings_of(Bytes{0x00}, &ok);
    EXPECT_FALSE(ok);
}

TEST(AttributeFits, Boolean) {
    EXPECT_TRUE(attribute_value_fits(AttrType::Boolean, Bytes{0}));
    EXPECT_TRUE(attribute_value_fits(AttrType::Boolean, Bytes{1}));
    EXPECT_FALSE(attribute_value_fits(AttrType::Boolean, Bytes{2}));  // spec: 1 octet 0/1
    EXPECT_FALSE(attribute_value_fits(AttrType::Boolean, Bytes{0xFF}));
    EXPECT_FALSE(attribute_value_fits(AttrType::Boolean, Bytes{}));
    EXPECT_FALSE(attribute_value_fits(AttrType::Boolean, Bytes{0, 1}));
}

TEST(AttributeFits, Integer) {
    EXPECT_TRUE(attribute_value_fits(AttrType::Integer, u16(78)));
    EXPECT_TRUE(attribute_value_fits(AttrType::Integer, u16(0xFFFF)));
    EXPECT_FALSE(attribute_value_fits(AttrType::Integer, Bytes{78}));
    EXPECT_FALSE(attribute_value_fits(AttrType::Integer, Bytes{}));
    EXPECT_FALSE(attribute_value_fits(AttrType::Integer, u32(78)));
}

TEST(AttributeFits, StringAndUri) {
    for (AttrType t : {AttrType::String, AttrType::Uri}) {
        EXPECT_TRUE(attribute_value_fits(t, text("BEGIN:VCARD\r\nEND:VCARD\r\n")));
        EXPECT_TRUE(attribute_value_fits(t, text("caf\xc3\xa9")));
        EXPECT_TRUE(attribute_value_fits(t, {}));
        EXPECT_FALSE(attribute_value_fits(t, text("caf\xe9")));    // Latin-1, not UTF-8
        EXPECT_FALSE(attribute_value_fits(t, text("\xc3\x28")));   // bad continuation
        EXPECT_FALSE(attribute_value_fits(t, Bytes{0xC0, 0xAF}));  // overlong
    }
}

TEST(AttributeFits, StringList) {
    EXPECT_TRUE(attribute_value_fits(AttrType::StringList, entry("application/pdf") + entry("text/html")));
    EXPECT_TRUE(attribute_value_fits(AttrType::StringList, {}));
    EXPECT_FALSE(attribute_value_fits(AttrType::StringList, entry("abc") + Bytes{0x00}));
    EXPECT_FALSE(attribute_value_fits(AttrType::StringList, u16(9) + text("abc")));
    EXPECT_FALSE(attribute_value_fits(AttrType::StringList, entry("ok") + entry("caf\xe9")));  // entry not UTF-8
    // a Boolean's octet is not a list
    EXPECT_FALSE(attribute_value_fits(AttrType::StringList, Bytes{1}));
}

TEST(AttributeFits, OctetsTakesAnything) {
    EXPECT_TRUE(attribute_value_fits(AttrType::Octets, {}));
    EXPECT_TRUE(attribute_value_fits(AttrType::Octets, Bytes{0xFF, 0x00, 0xC3}));
    EXPECT_TRUE(attribute_value_fits(AttrType::Octets, octets(40000)));
}

TEST(AttributeTableInput, TagsMustBePrivateUseHexNumbers) {
    std::string error;
    EXPECT_EQ(parse_attribute_tag("0xff02", error), 0xFF02);
    EXPECT_EQ(parse_attribute_tag("FE00", error), 0xFE00);
    EXPECT_EQ(parse_attribute_tag("0xFFFF", error), 0xFFFF);
    EXPECT_FALSE(parse_attribute_tag("hello", error));
    EXPECT_NE(error.find("hexadecimal"), std::string::npos);
    EXPECT_FALSE(parse_attribute_tag("", error));
    EXPECT_FALSE(parse_attribute_tag("0x", error));
    EXPECT_FALSE(parse_attribute_tag("0x1ff02", error));  // more than 16 bits
    error.clear();
    EXPECT_FALSE(parse_attribute_tag("0x0002", error));  // BaseURI: a registry tag
    EXPECT_NE(error.find("private-use"), std::string::npos);
    EXPECT_FALSE(parse_attribute_tag("0xfdff", error));
}

TEST(AttributeTableInput, TypesMustBeOneOfTheList) {
    std::string error;
    EXPECT_EQ(parse_attribute_type("List of strings", error), AttrType::StringList);
    EXPECT_EQ(parse_attribute_type("Boolean", error), AttrType::Boolean);
    EXPECT_FALSE(parse_attribute_type("Float", error));
    EXPECT_NE(error.find("one of: Boolean, Integer"), std::string::npos);
}
