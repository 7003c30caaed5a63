// SPDX-License-Identifier: GPL-2.0-or-later
// looks_like_rescap: the heuristics on other ports claim only whole,
// plausible messages (doc/decoding.md "Not rescap on 283" / doc/decisions.md decision 1, heuristic.hpp).
#include <gtest/gtest.h>

#include <random>

#include "builder.hpp"
#include "core/rescap/heuristic.hpp"
#include "core/rescap/parser.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

const Bytes kBaseUri = item(0x0002, text("mailto:alice@example.com"));
const Bytes kItemsToReturn = item(0x0003, u16(0x000D) + u16(0xFF01));
const Bytes kStatusOk = item(0x000D, u16(0x0000));

bool heur(const Bytes &wire, bool stream = false) {
    ParseOptions options;
    options.stream = stream;
    if (!starts_like_rescap(wire)) return false;
    return looks_like_rescap(parse_message(wire, options), wire.size());
}

Bytes count_request() {
    return counted(0x0001, 2) + kBaseUri + kItemsToReturn;
}
Bytes count_response() {
    return counted(0x000C, 2) + kStatusOk + item(0xFF01, {1});
}

}  // namespace

TEST(Heuristic, AcceptsValidRequestsAndResponses) {
    EXPECT_TRUE(heur(count_request()));
    EXPECT_TRUE(heur(count_response()));
    EXPECT_TRUE(heur(item(0x0001, kBaseUri + kItemsToReturn)));  // 1999 nested form
    EXPECT_TRUE(heur(item(0x000C, kStatusOk + item(0x0017, u32(600) + item(0xFF01, {1})))));
    // count tree with a TTLOfInfo covering an item
    EXPECT_TRUE(heur(counted(0x000C, 2) + kStatusOk + counted(0x0017, 1, u32(3600)) + item(0xFF04, text("x"))));
    // the same over TCP, complete
    EXPECT_TRUE(heur(count_request(), true));
    EXPECT_TRUE(heur(count_response(), true));
}

TEST(Heuristic, RejectsTrailingBytes) {
    EXPECT_FALSE(heur(count_request() + Bytes{0x00}));
    EXPECT_FALSE(heur(count_response() + Bytes{0xDE, 0xAD, 0xBE, 0xEF}));
    EXPECT_FALSE(heur(item(0x0001, kBaseUri) + Bytes{0x00, 0x00}));
}

TEST(Heuristic, RejectsItemsBeyondTheCount) {
    EXPECT_FALSE(heur(counted(0x0001, 1) + kBaseUri + kItemsToReturn));
    EXPECT_FALSE(heur(counted(0x000C, 1) + kStatusOk + item(0xFF01, {1})));
}

TEST(Heuristic, RejectsPrivateUseOrUnknownFirstChild) {
    EXPECT_FALSE(heur(counted(0x0001, 2) + item(0xFE01, text("x")) + kBaseUri));
    EXPECT_FALSE(heur(counted(0x000C, 2) + item(0xFF01, {1}) + kStatusOk));
    EXPECT_FALSE(heur(counted(0x0001, 2) + item(0x0040, {1, 2, 3}) + kBaseUri));
    EXPECT_FALSE(heur(counted(0x000C, 2) + item(0x7777, {}) + kStatusOk));
    EXPECT_FALSE(heur(item(0x000C, item(0xFF01, {1}) + kStatusOk)));
}

TEST(Heuristic, RejectsFirstChildOfTheWrongType) {
    EXPECT_FALSE(heur(counted(0x0001, 2) + kStatusOk + kBaseUri));           // response item in a request
    EXPECT_FALSE(heur(counted(0x000C, 2) + kBaseUri + kStatusOk));           // request item in a response
    EXPECT_FALSE(heur(counted(0x0001, 1) + counted(0x0001, 1) + kBaseUri));  // FullRequest in a FullRequest
    EXPECT_FALSE(heur(counted(0x0001, 0)));                                  // no child at all
}

TEST(Heuristic, RejectsMissingBaseUriOrStatus) {
    EXPECT_FALSE(heur(counted(0x0001, 1) + kItemsToReturn));
    EXPECT_FALSE(heur(item(0x0001, kItemsToReturn)));
    // a response without Status whose first child is a registered response item
    EXPECT_FALSE(heur(counted(0x000C, 1) + item(0x000E, text("rescap-basic://auth.example.net"))));
}

TEST(Heuristic, RejectsMalformedStructure) {
    Bytes truncated = count_request();
    truncated.pop_back();
    EXPECT_FALSE(heur(truncated));                                                         // UDP: truncated is final
    EXPECT_FALSE(heur(counted(0x0001, 3) + kBaseUri + kItemsToReturn));                    // count_short
    EXPECT_FALSE(heur(item(0x0001, text("abc"))));                                         // container length 3
    EXPECT_FALSE(heur(counted(0x0001, 2) + kBaseUri + item(0x0003, {0xFF, 0x01, 0xFF})));  // odd ItemsToReturn
    EXPECT_FALSE(heur(Bytes{0x00, 0x01}));
    EXPECT_FALSE(heur(Bytes{0x00, 0x0C, 0x00}));
    EXPECT_FALSE(heur(Bytes{}));
    EXPECT_FALSE(heur(Bytes{0x16, 0x03, 0x01, 0x00, 0x05}));  // not rescap at all
}

TEST(Heuristic, StreamIncompleteButPlausible) {
    // the first item whole and the rest not yet arrived: wait for more
    const Bytes full = counted(0x000C, 2) + kStatusOk + item(0xFF05, octets(3000));
    const Bytes head(full.begin(), full.begin() + 100);
    EXPECT_TRUE(heur(head, true));
    const Bytes req = count_request();
    EXPECT_TRUE(heur(Bytes(req.begin(), req.begin() + 6 + 4 + 24), true));  // count + whole BaseURI
    // nested-form root announced longer than what has arrived
    const Bytes nested = item(0x0001, kBaseUri + item(0xFE01, octets(500)));
    EXPECT_TRUE(heur(Bytes(nested.begin(), nested.begin() + 60), true));
    // and the same octets over UDP are not a whole message
    EXPECT_FALSE(heur(head, false));
}

TEST(Heuristic, StreamIncompleteImplausible) {
    // first child is private-use / unknown / of the wrong type
    const Bytes priv = counted(0x000C, 2) + item(0xFF05, octets(3000)) + kStatusOk;
    EXPECT_FALSE(heur(Bytes(priv.begin(), priv.begin() + 100), true));
    const Bytes wrong = counted(0x0001, 2) + kStatusOk + item(0xFE05, octets(3000));
    EXPECT_FALSE(heur(Bytes(wrong.begin(), wrong.begin() + 100), true));
    // first item itself not whole yet
    const Bytes big_first = counted(0x0001, 1) + item(0x0002, text(std::string(2000, 'a')));
    EXPECT_FALSE(heur(Bytes(big_first.begin(), big_first.begin() + 50), true));
    // a structural error that more data cannot cure
    const Bytes bad = counted(0x0001, 2) + kBaseUri + item(0x0003, {0xFF, 0x01, 0xFF}) + item(0x0002, octets(900));
    EXPECT_FALSE(heur(Bytes(bad.begin(), bad.begin() + 60), true));
    // only the root header so far: no first child to judge
    EXPECT_FALSE(heur(counted(0x0001, 2), true));
}

TEST(Heuristic, RandomPayloadsAreNotClaimed) {
    std::mt19937 rng(283);
    int claimed = 0;
    for (int i = 0; i < 20000; ++i) {
        Bytes wire{0x00, static_cast<std::uint8_t>(i % 2 ? 0x01 : 0x0C)};
        const std::size_t n = rng() % 200;
        for (std::size_t k = 0; k < n; ++k) wire.push_back(static_cast<std::uint8_t>(rng()));
        claimed += heur(wire) ? 1 : 0;
    }
    EXPECT_EQ(claimed, 0);
}

TEST(PlausibleMessageStart, HeadersOfARootAndItsFirstChild) {
    // A first payload cut inside its first child (13-octet segments).
    const Bytes request = count_request();
    EXPECT_TRUE(plausible_message_start(Bytes(request.begin(), request.begin() + 13)));
    EXPECT_TRUE(plausible_message_start(item(0x0001, kBaseUri)));
    EXPECT_TRUE(plausible_message_start(count_response()));
    // Too short to judge, a count of zero, a child of the other role, a private-use or unknown child.
    EXPECT_FALSE(plausible_message_start(Bytes(request.begin(), request.begin() + 9)));
    EXPECT_FALSE(plausible_message_start(counted(0x0001, 0) + kBaseUri));
    EXPECT_FALSE(plausible_message_start(counted(0x0001, 1) + kStatusOk));
    EXPECT_FALSE(plausible_message_start(counted(0x000C, 1) + item(0xFF01, {1})));
    EXPECT_FALSE(plausible_message_start(counted(0x000C, 1) + item(0x0777, {1})));
    EXPECT_FALSE(plausible_message_start(counted(0x0001, 1) + counted(0x0001, 1)));
}
