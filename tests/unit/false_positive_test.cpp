// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 18, precision 3: random payloads and mutated real ones must never
// be named by a row of another protocol (the false_positive_census
// executable runs the same census with 10^6 payloads per transport).
#include <gtest/gtest.h>

#include "false_positive_census.hpp"

namespace {

std::string report(const rescap::test::Census &census) {
    std::string out;
    for (const auto &line : census.examples) out += "  " + line + "\n";
    return out;
}

}  // namespace

TEST(FalsePositives, RandomPayloadsAreNamedByNoRow) {
    rescap::test::Census census;
    rescap::test::random_census(census, 100000, 18);
    EXPECT_EQ(census.total(), 0u) << report(census);
}

TEST(FalsePositives, MutatedRealPayloadsAreNotNamedAnotherProtocol) {
    rescap::test::Census census;
    rescap::test::mutated_census(census, 20000, 403);
    EXPECT_EQ(census.total(), 0u) << report(census);
}
