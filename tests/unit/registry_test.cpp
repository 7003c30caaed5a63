// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/rescap/diagnostics.hpp"
#include "core/rescap/registry.hpp"
#include "core/rescap/status.hpp"

using namespace rescap;

TEST(Registry, HoldsEveryTagOfTheSpec) {
    for (unsigned tag = 0x0001; tag <= 0x001C; ++tag) {
        const ItemSpec *spec = find_item(static_cast<std::uint16_t>(tag));
        ASSERT_NE(spec, nullptr) << "tag " << tag;
        EXPECT_EQ(spec->tag_first, tag);
    }
    EXPECT_EQ(find_item(0x0000), nullptr);
    EXPECT_EQ(find_item(0x001D), nullptr);
    EXPECT_EQ(find_item(0xFDFF), nullptr);
}

TEST(Registry, NamesAndTypesFollowTheSpec) {
    EXPECT_EQ(tag_name(0x0001), "FullRequest");
    EXPECT_EQ(tag_name(0x000C), "FullResponse");
    EXPECT_EQ(tag_name(0x001C), "DateOfChange");
    EXPECT_EQ(tag_name(0xFE00), "PrivUseRequest00");
    EXPECT_EQ(tag_name(0xFEFF), "PrivUseRequest255");
    EXPECT_EQ(tag_name(0xFF05), "PrivUseResponse05");
    EXPECT_EQ(tag_name(0x0040), "Unknown");
    EXPECT_EQ(find_item(0x0019)->type, ItemType::Data);
    EXPECT_EQ(find_item(0x0008)->type, ItemType::Request);
    EXPECT_EQ(find_item(0x0017)->layout, Layout::DualForm);
    EXPECT_EQ(find_item(0x0004)->draft, Draft::Only1999);
    EXPECT_EQ(find_item(0xFE10)->type, ItemType::Request);
    EXPECT_EQ(find_item(0xFF10)->type, ItemType::Response);
}

TEST(Registry, ValueFieldNamesAreUnique) {
    std::set<std::string> seen;
    for (const ItemSpec &spec : item_registry())
        if (spec.field != nullptr) {
            EXPECT_TRUE(seen.insert(spec.field).second) << spec.field;
        }
}

TEST(Status, MeaningsFromTheSpecTable) {
    EXPECT_STREQ(status_meaning(0x0000), "request fully processable");
    EXPECT_STREQ(status_meaning(0x0201), "request body shorter than its length said");
    EXPECT_STREQ(status_meaning(0x0302), "some requested items withheld for lack of authorization");
    EXPECT_EQ(status_meaning(0x0250), nullptr);
    EXPECT_EQ(status_meaning(0x0400), nullptr);
    EXPECT_STREQ(status_class_meaning(0x01), "transient negative");
    EXPECT_EQ(status_class_meaning(0x04), nullptr);
    EXPECT_EQ(status_registry().size(), 22u);
}

TEST(Diagnostics, NamesAreUniqueAndSeveritiesMatchTheirGroup) {
    std::set<std::string> seen;
    for (const DiagSpec &spec : diagnostic_registry()) {
        EXPECT_TRUE(seen.insert(spec.name).second) << spec.name;
        if (spec.group == Group::Malformed) {
            EXPECT_EQ(spec.severity, Severity::Error) << spec.name;
        }
    }
}
