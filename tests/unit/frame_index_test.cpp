// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <vector>

#include "core/shared/frame_index.hpp"

using shared::FrameIndex;

namespace {
int a, b, c;
}

TEST(FrameIndex, FindsWhatEachFrameStoredByTag) {
    FrameIndex index;
    EXPECT_TRUE(index.add(1, 7, &a));
    EXPECT_TRUE(index.add(1, 8, &b));
    EXPECT_TRUE(index.add(5, 7, &c));
    EXPECT_EQ(index.find(1, 7), &a);
    EXPECT_EQ(index.find(1, 8), &b);
    EXPECT_EQ(index.find(5, 7), &c);
    EXPECT_EQ(index.find(5, 8), nullptr);
    EXPECT_EQ(index.find(3, 7), nullptr) << "a frame with no record";
    EXPECT_EQ(index.find(9, 7), nullptr) << "past the last frame";
    EXPECT_EQ(index.size(), 3u);
}

TEST(FrameIndex, SameTagInTheSameFrameReplaces) {
    FrameIndex index;
    EXPECT_TRUE(index.add(2, 1, &a));
    EXPECT_TRUE(index.add(2, 1, &b));
    EXPECT_EQ(index.find(2, 1), &b);
    EXPECT_EQ(index.size(), 1u);
}

TEST(FrameIndex, RefusesAnEarlierFrame) {
    FrameIndex index;
    EXPECT_TRUE(index.add(10, 1, &a));
    EXPECT_FALSE(index.add(9, 1, &b)) << "the caller keeps it elsewhere";
    EXPECT_EQ(index.find(9, 1), nullptr);
    EXPECT_TRUE(index.add(10, 2, &c)) << "the last frame itself may still get records";
    EXPECT_EQ(index.find(10, 2), &c);
}

TEST(FrameIndex, ManyFramesStayFindable) {
    FrameIndex index;
    std::vector<int> values(100000);
    for (std::uint32_t frame = 1; frame <= values.size(); ++frame)
        if (frame % 3 != 0) {
            ASSERT_TRUE(index.add(frame, frame % 5, &values[frame - 1]));
        }
    for (std::uint32_t frame = 1; frame <= values.size(); ++frame) {
        if (frame % 3 != 0) {
            ASSERT_EQ(index.find(frame, frame % 5), &values[frame - 1]);
        } else {
            ASSERT_EQ(index.find(frame, frame % 5), nullptr);
        }
    }
    index.clear();
    EXPECT_EQ(index.size(), 0u);
    EXPECT_EQ(index.find(1, 1), nullptr);
}

// The search starts where the last one ended (later passes read in frame
// order); reads in any order, with gaps and several records per frame, find
// exactly what a map would.
TEST(FrameIndex, ReadsInAnyOrderAgreeWithAMap) {
    FrameIndex index;
    std::vector<int> values(3000);
    std::vector<std::vector<std::pair<std::uint32_t, int *>>> stored(values.size() + 2);
    std::uint64_t state = 20261206;
    auto next = [&state] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
    for (std::uint32_t frame = 1; frame <= values.size(); ++frame)
        for (std::uint64_t n = next() % 4; n > 0; --n) {  // 0-3 records, some tags repeated
            const auto tag = static_cast<std::uint32_t>(next() % 3);
            ASSERT_TRUE(index.add(frame, tag, &values[frame - 1]));
            stored[frame].emplace_back(tag, &values[frame - 1]);
        }
    auto expected = [&stored](std::uint32_t frame, std::uint32_t tag) -> void * {
        for (const auto &[t, v] : stored[frame])
            if (t == tag) return v;
        return nullptr;
    };
    for (int round = 0; round < 3; ++round)
        for (std::uint32_t frame = 0; frame <= values.size() + 1; ++frame)
            for (std::uint32_t tag = 0; tag < 3; ++tag) ASSERT_EQ(index.find(frame, tag), expected(frame, tag));
    for (int i = 0; i < 20000; ++i) {
        const auto frame = static_cast<std::uint32_t>(next() % (values.size() + 2));
        const auto tag = static_cast<std::uint32_t>(next() % 3);
        ASSERT_EQ(index.find(frame, tag), expected(frame, tag)) << frame << "/" << tag;
    }
    for (std::uint32_t frame = static_cast<std::uint32_t>(values.size()) + 1; frame-- > 0;)
        ASSERT_EQ(index.find(frame, 1), expected(frame, 1));
}
