// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "core/rescap/text.hpp"
#include "core/rescap/timestamp.hpp"

using namespace rescap;

namespace {
std::optional<std::int64_t> parse(std::string_view s) {
    std::vector<std::uint8_t> bytes(s.begin(), s.end());
    return parse_timestamp(bytes);
}
bool utf8(std::vector<std::uint8_t> bytes) {
    return is_valid_utf8(bytes);
}
}  // namespace

TEST(Timestamp, ConvertsToUnixSecondsInUtc) {
    EXPECT_EQ(parse("19700101000000"), 0);
    EXPECT_EQ(parse("20000815120000"), 966340800);
    EXPECT_EQ(parse("19990630235959"), 930787199);
    EXPECT_EQ(parse("20000229000000"), 951782400);  // 2000 is a leap year
}

TEST(Timestamp, RejectsWhatIsNotACalendarDate) {
    EXPECT_FALSE(parse("20001345250000"));  // month 13
    EXPECT_FALSE(parse("19000229000000"));  // 1900 is not a leap year
    EXPECT_FALSE(parse("20000431000000"));  // April has 30 days
    EXPECT_FALSE(parse("20000101240000"));
    EXPECT_FALSE(parse("20000101006000"));
    EXPECT_FALSE(parse("2000010100000"));  // 13 digits
    EXPECT_FALSE(parse("2000010100000A"));
    EXPECT_FALSE(parse("20000100000000"));  // day 0
}

TEST(Timestamp, AcceptsALeapSecond) {
    EXPECT_EQ(parse("19981231235960"), 915148800);
}

TEST(Utf8, AcceptsValidAndRejectsBrokenSequences) {
    EXPECT_TRUE(utf8({}));
    EXPECT_TRUE(utf8({'c', 'a', 'f', 0xC3, 0xA9}));
    EXPECT_TRUE(utf8({0xF0, 0x9F, 0x98, 0x80}));
    EXPECT_FALSE(utf8({0xC3}));                    // cut short
    EXPECT_FALSE(utf8({0xC0, 0xAF}));              // overlong
    EXPECT_FALSE(utf8({0xED, 0xA0, 0x80}));        // surrogate
    EXPECT_FALSE(utf8({0xF4, 0x90, 0x80, 0x80}));  // above U+10FFFF
    EXPECT_FALSE(utf8({0xFF}));
}

TEST(PrintableText, TextYesControlsAndBinaryNo) {
    const auto printable = [](std::vector<std::uint8_t> bytes) { return is_printable_text(bytes); };
    EXPECT_TRUE(printable({'B', 'E', 'G', 'I', 'N', ':', 'V', 'C', 'A', 'R', 'D', '\r', '\n'}));
    EXPECT_TRUE(printable({'c', 'a', 'f', 0xC3, 0xA9, '\t'}));
    EXPECT_FALSE(printable({}));
    EXPECT_FALSE(printable({'a', 0x00, 'b'}));
    EXPECT_FALSE(printable({'a', 0x1B}));
    EXPECT_FALSE(printable({0x7F}));
    EXPECT_FALSE(printable({0xC3}));
}
