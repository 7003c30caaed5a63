// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <vector>

#include "builder.hpp"
#include "core/rescap/parser.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

std::vector<DiagKind> kinds(const Bytes &wire, bool cleartext = true) {
    ParseOptions options;
    options.cleartext = cleartext;
    std::vector<DiagKind> out;
    for (const Diagnostic &d : parse_message(wire, options).diagnostics) out.push_back(d.kind);
    return out;
}

const Bytes kBaseUri = item(0x0002, text("mailto:alice@example.com"));
const Bytes kStatusOk = item(0x000D, u16(0x0000));
const Bytes kKeyId = item(0x001A, octets(8));

Bytes request(std::initializer_list<Bytes> children) {
    return counted(0x0001, static_cast<unsigned>(children.size())) + concat(children);
}
Bytes response(std::initializer_list<Bytes> children) {
    return counted(0x000C, static_cast<unsigned>(children.size())) + concat(children);
}

}  // namespace

TEST(Rules, ExactlyOneBaseUri) {
    EXPECT_EQ(kinds(request({item(0x0008, {})})), std::vector<DiagKind>{DiagKind::BaseUriMissing});
    EXPECT_EQ(kinds(request({kBaseUri, kBaseUri})), std::vector<DiagKind>{DiagKind::BaseUriMultiple});
    EXPECT_TRUE(kinds(request({kBaseUri})).empty());
}

TEST(Rules, OtherRequestItemsAtMostOnce) {
    EXPECT_EQ(kinds(request({kBaseUri, item(0x0003, {}), item(0x0003, {})})),
              std::vector<DiagKind>{DiagKind::DuplicateItem});
    // private-use items are undefined by the drafts and may repeat
    EXPECT_TRUE(kinds(request({kBaseUri, item(0xFE01, {}), item(0xFE01, {})})).empty());
}

TEST(Rules, ContainersHoldTheirOwnTypeOnly) {
    EXPECT_EQ(kinds(request({kBaseUri, kStatusOk})), std::vector<DiagKind>{DiagKind::WrongItemType});
    EXPECT_EQ(kinds(request({kBaseUri, counted(0x0001, 0)})), std::vector<DiagKind>{DiagKind::WrongItemType});
    EXPECT_EQ(kinds(response({kStatusOk, kBaseUri})), std::vector<DiagKind>{DiagKind::WrongItemType});
    EXPECT_EQ(kinds(response({kStatusOk, kKeyId})), std::vector<DiagKind>{DiagKind::WrongItemType});
}

TEST(Rules, SecurityContainersHoldWhatTheRegistrySays) {
    const Bytes prefs = item(0x000A, kKeyId + kBaseUri);
    EXPECT_EQ(kinds(item(0x0001, kBaseUri + prefs)), std::vector<DiagKind>{DiagKind::UnexpectedChild});
    const Bytes fine = item(0x000B, kKeyId + item(0x001B, octets(16)));
    EXPECT_TRUE(kinds(item(0x0001, kBaseUri + fine)).empty());
}

TEST(Rules, ResponseNeedsAStatusSomewhere) {
    EXPECT_EQ(kinds(response({item(0xFF01, {1})})), std::vector<DiagKind>{DiagKind::StatusMissing});
    // A Status inside a SignedResponse answers the request too.
    EXPECT_TRUE(kinds(item(0x000C, item(0x000F, item(0x0010, octets(4)) + kStatusOk))).empty());
}

TEST(Rules, ReferralAndEncryptedResponseStandAlone) {
    const Bytes referral = item(0x000E, text("rescap-basic://auth.example.net"));
    EXPECT_TRUE(kinds(response({item(0x000D, u16(0x0205)), referral})).empty());
    EXPECT_EQ(kinds(response({kStatusOk, referral, item(0xFF01, {1})})),
              std::vector<DiagKind>{DiagKind::ReferralNotAlone});
    const Bytes encrypted = item(0x0013, item(0x0014, kKeyId + item(0x0016, octets(16))) + item(0x0015, octets(32)));
    EXPECT_TRUE(kinds(item(0x000C, kStatusOk + encrypted)).empty());
    EXPECT_EQ(kinds(item(0x000C, kStatusOk + encrypted + item(0xFF01, {1}))),
              std::vector<DiagKind>{DiagKind::EncryptedNotAlone});
}

TEST(Rules, DefaultKeyIdOnceAndAtTheTop) {
    const Bytes default_key = item(0x0011, kKeyId);
    EXPECT_TRUE(kinds(item(0x000C, kStatusOk + default_key)).empty());
    EXPECT_EQ(kinds(item(0x000C, kStatusOk + default_key + default_key)),
              std::vector<DiagKind>{DiagKind::DefaultKeyId});
    EXPECT_EQ(kinds(item(0x000C, item(0x000F, item(0x0010, octets(4)) + kStatusOk + default_key))),
              std::vector<DiagKind>{DiagKind::DefaultKeyId});
}

TEST(Rules, CleartextCredentialOnlyOutsideTls) {
    const Bytes wire = request({kBaseUri, item(0x0005, text("hunter2"))});
    EXPECT_EQ(kinds(wire, true), std::vector<DiagKind>{DiagKind::CleartextCredential});
    EXPECT_TRUE(kinds(wire, false).empty());
    // inside a 1999 AuthInfo too
    EXPECT_EQ(kinds(item(0x0001, kBaseUri + item(0x0004, item(0x0005, text("pw"))))),
              std::vector<DiagKind>{DiagKind::CleartextCredential});
}

TEST(Rules, IgnoredItemsBreakNoRules) {
    EXPECT_EQ(kinds(request({kBaseUri}) + kBaseUri + kStatusOk), std::vector<DiagKind>{DiagKind::BeyondCount});
}
