// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <random>

#include "builder.hpp"
#include "core/rescap/parser.hpp"
#include "core/rescap/stream_probe.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

// Messages of every shape the walk handles: count trees, nested roots,
// fragmented items, a count-form TTLOfInfo inside a count form.
std::vector<Bytes> messages() {
    const Bytes uri = item(0x0002, text("mailto:alice@example.com"));
    const Bytes ok = item(0x000D, u16(0));
    const Bytes big = octets(40000);
    return {
        counted(0x0001, 1) + uri,
        counted(0x000C, 3) + ok + counted(0x0017, 2, u32(60)) + item(0xFF01, {1}) + item(0xFF02, {2}) +
            item(0xFF03, {3}),
        counted(0x000C, 2) + ok + item(0xFF05, Bytes(big.begin(), big.begin() + 0x7FFF), true) +
            item(0xFF05, Bytes(big.begin() + 0x7FFF, big.end())),
        item(0x0001, uri + item(0x0009, item(0x0019, octets(16)))),
        item(0x000C, Bytes{0, 0x0D, 0}, true) + item(0x000C, Bytes{2, 0, 0}),
    };
}

}  // namespace

TEST(StreamProbe, AgreesWithTheFullParseOnEveryPrefix) {
    ParseOptions stream;
    stream.stream = true;
    for (const Bytes &whole : messages()) {
        for (std::size_t n = 0; n <= whole.size(); n += (whole.size() > 2000 ? 997 : 1)) {
            const std::span<const std::uint8_t> prefix(whole.data(), n);
            const StreamProbe probe = probe_stream(prefix);
            const ParseResult parsed = parse_message(prefix, stream);
            if (n < whole.size()) {
                EXPECT_EQ(probe.state, StreamProbe::State::Incomplete) << "prefix " << n;
                EXPECT_GT(probe.length, n);
                EXPECT_LE(probe.length, whole.size());
                if (probe.exact) {
                    EXPECT_EQ(probe.length, whole.size());
                }
            } else {
                EXPECT_EQ(probe.state, StreamProbe::State::Complete);
                EXPECT_EQ(probe.length, parsed.message_length);
                EXPECT_FALSE(parsed.incomplete);
            }
        }
    }
}

TEST(StreamProbe, NestedRootLengthIsExact) {
    const Bytes whole = item(0x0001, item(0x0002, text("mailto:bob@example.com")));
    const StreamProbe probe = probe_stream(std::span<const std::uint8_t>(whole.data(), 6));
    EXPECT_EQ(probe.state, StreamProbe::State::Incomplete);
    EXPECT_TRUE(probe.exact);
    EXPECT_EQ(probe.length, whole.size());
}

TEST(StreamProbe, LeavesWhatIsNotRescapToTheParser) {
    EXPECT_EQ(probe_stream(text("GET / HTTP/1.1\r\n")).state, StreamProbe::State::Undecided);
    EXPECT_EQ(probe_stream(Bytes{0x00}).state, StreamProbe::State::Incomplete);
}

TEST(StreamProbe, NeverClaimsCompleteWhatTheParserFindsIncomplete) {
    std::mt19937 random(283);
    std::uniform_int_distribution<int> octet(0, 255), size(4, 200);
    ParseOptions stream;
    stream.stream = true;
    for (int i = 0; i < 20000; ++i) {
        Bytes input(static_cast<std::size_t>(size(random)));
        for (auto &b : input) b = static_cast<std::uint8_t>(octet(random) & (i % 3 ? 0x0F : 0xFF));
        input[0] = 0;
        input[1] = i % 2 ? 0x01 : 0x0C;
        const StreamProbe probe = probe_stream(input);
        if (probe.state != StreamProbe::State::Complete) continue;
        ASSERT_LE(probe.length, input.size());
        const ParseResult parsed = parse_message(input, stream);
        EXPECT_FALSE(parsed.incomplete) << "iteration " << i;
        EXPECT_EQ(parsed.message_length, probe.length) << "iteration " << i;
    }
}

TEST(StreamProbe, AnIncompleteVerdictIsTheParsersToo) {
    // Whatever the walk says is still to come, the full parse waits for too,
    // including count chains deeper than the parser decodes.
    ParseOptions stream;
    stream.stream = true;
    Bytes deep = counted(0x000C, 1);
    for (int i = 0; i < 40; ++i) deep = deep + counted(0x0017, 1, u32(1));
    deep = deep + item(0x000D, u16(0));
    for (std::size_t n = 6; n < deep.size(); n += 5) {
        const std::span<const std::uint8_t> prefix(deep.data(), n);
        const StreamProbe probe = probe_stream(prefix);
        if (probe.state == StreamProbe::State::Incomplete) {
            EXPECT_TRUE(parse_message(prefix, stream).incomplete) << "prefix " << n;
        }
    }
    std::mt19937 random(403);
    std::uniform_int_distribution<int> octet(0, 255), size(6, 120);
    for (int i = 0; i < 20000; ++i) {
        Bytes input(static_cast<std::size_t>(size(random)));
        for (auto &b : input) b = static_cast<std::uint8_t>(octet(random) & 0x1F);
        input[0] = 0;
        input[1] = i % 2 ? 0x01 : 0x0C;
        if (probe_stream(input).state == StreamProbe::State::Incomplete) {
            EXPECT_TRUE(parse_message(input, stream).incomplete) << "iteration " << i;
        }
    }
}

TEST(MessageWalker, ResumedWalkAgreesWithAFreshOneOnEveryPrefix) {
    // Fed one octet more at a time (a stream in 1-octet segments), the
    // resumable walk gives what a walk from the start gives.
    for (const Bytes &whole : messages()) {
        MessageWalker walker;
        for (std::size_t n = 0; n <= whole.size(); n += (whole.size() > 2000 ? 331 : 1)) {
            const std::span<const std::uint8_t> prefix(whole.data(), n);
            const StreamProbe resumed = walker.advance(prefix);
            const StreamProbe fresh = probe_stream(prefix);
            ASSERT_EQ(resumed.state, fresh.state) << "prefix " << n;
            if (fresh.state != StreamProbe::State::Undecided) {
                EXPECT_EQ(resumed.length, fresh.length) << n;
            }
            if (resumed.state == StreamProbe::State::Complete) break;
        }
    }
}

TEST(MessageWalker, FragmentedCountAndDeepChainsAreWalkedNotLeftUndecided) {
    ParseOptions stream;
    stream.stream = true;
    // A TTLOfInfo whose 6 octets (TTL + count) come in two fragments, counting one item.
    const Bytes fragmented_count = counted(0x000C, 2) + item(0x000D, u16(0)) + item(0x0017, u32(60), true) +
                                   item(0x0017, u16(1)) + item(0xFF01, {1});
    Bytes deep = counted(0x000C, 1);
    for (int i = 0; i < 40; ++i) deep = deep + counted(0x0017, 1, u32(1));
    deep = deep + item(0x000D, u16(0));
    for (const Bytes &whole : {fragmented_count, deep}) {
        const StreamProbe probe = probe_stream(whole);
        const ParseResult parsed = parse_message(whole, stream);
        EXPECT_FALSE(parsed.incomplete);
        ASSERT_EQ(probe.state, StreamProbe::State::Complete);
        EXPECT_EQ(probe.length, parsed.message_length);
    }
}

TEST(FramedLength, IgnoredItemsAfterTheCountBelongToTheMessage) {
    const Bytes message = counted(0x000C, 1) + item(0x000D, u16(0));
    const Bytes beyond = item(0xFF02, {0, 4}) + item(0xFF03, text("0123456789"));
    const Bytes whole = message + beyond;
    EXPECT_EQ(framed_length(whole), whole.size());
    // Cut inside the last ignored item: the message may go on, wait.
    EXPECT_EQ(framed_length(std::span<const std::uint8_t>(whole.data(), whole.size() - 5)), 0u);
    // The next message's start ends it.
    const Bytes two = whole + message;
    EXPECT_EQ(framed_length(two), whole.size());
}
