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
