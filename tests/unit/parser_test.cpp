// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "builder.hpp"
#include "core/rescap/parser.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

std::vector<DiagKind> kinds(const ParseResult &r) {
    std::vector<DiagKind> out;
    for (const Diagnostic &d : r.diagnostics) out.push_back(d.kind);
    return out;
}

std::vector<std::uint16_t> tags(const ParseResult &r) {
    std::vector<std::uint16_t> out;
    for (const Item &item : r.items) out.push_back(item.tag);
    return out;
}

std::vector<std::uint32_t> depths(const ParseResult &r) {
    std::vector<std::uint32_t> out;
    for (const Item &item : r.items) out.push_back(item.depth);
    return out;
}

const Bytes kBaseUri = item(0x0002, text("mailto:alice@example.com"));
const Bytes kStatusOk = item(0x000D, u16(0x0000));

}  // namespace

TEST(Parser, CountFormRequest) {
    const Bytes wire = counted(0x0001, 2) + kBaseUri + item(0x0003, u16(0x000D) + u16(0x0017));
    const ParseResult r = parse_message(wire);
    ASSERT_TRUE(r.is_rescap);
    EXPECT_EQ(r.role, Role::Request);
    EXPECT_EQ(r.form, Form::Count);
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{1, 2, 3}));
    EXPECT_EQ(depths(r), (std::vector<std::uint32_t>{0, 1, 1}));
    EXPECT_EQ(r.items[0].count, 2);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(r.message_length, wire.size());
    EXPECT_EQ(r.consumed, wire.size());
    const auto uri = r.value(r.items[1], wire);
    EXPECT_EQ(std::string(uri.begin(), uri.end()), "mailto:alice@example.com");
}

TEST(Parser, CountsFormAPreorderTree) {
    // FullResponse(3): Status, TTLOfInfo(2){Referral-free items}, private item
    const Bytes wire = counted(0x000C, 3) + kStatusOk + counted(0x0017, 2, u32(3600)) + item(0xFF01, {1}) +
                       item(0xFF02, {2}) + item(0xFF03, {3});
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{0x0C, 0x0D, 0x17, 0xFF01, 0xFF02, 0xFF03}));
    EXPECT_EQ(depths(r), (std::vector<std::uint32_t>{0, 1, 1, 2, 2, 1}));
    EXPECT_EQ(r.items[2].value_length, 4u);
    // Status and TTL are decoded once, here, for the tree and the statistics.
    EXPECT_TRUE(r.items[1].status_valid);
    EXPECT_EQ(r.items[1].status, 0x0000);
    EXPECT_TRUE(r.items[2].ttl_valid);
    EXPECT_EQ(r.items[2].ttl, 3600u);
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Parser, NestedFormContainersHoldTheirChildren) {
    const Bytes ttl = item(0x0017, u32(60) + kStatusOk);
    const Bytes wire = item(0x000C, kStatusOk + ttl);
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(r.form, Form::Nested);
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{0x0C, 0x0D, 0x17, 0x0D}));
    EXPECT_EQ(depths(r), (std::vector<std::uint32_t>{0, 1, 1, 2}));
    EXPECT_EQ(r.items[2].form, Form::Nested);
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Parser, TimestampsDecodeInBothForms) {
    const Bytes wire = counted(0x000C, 2) + kStatusOk + counted(0x0018, 0, text("20000815120000"));
    const ParseResult r = parse_message(wire);
    ASSERT_EQ(r.items.size(), 3u);
    EXPECT_TRUE(r.items[2].timestamp_valid);
    EXPECT_EQ(r.items[2].timestamp, 966340800);
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Parser, FragmentsAreReassembledIntoOneItem) {
    const Bytes wire = counted(0x0001, 1) + item(0x0002, text("mailto:"), true) + item(0x0002, text("bob@"), true) +
                       item(0x0002, text("example.com"));
    const ParseResult r = parse_message(wire);
    ASSERT_EQ(r.items.size(), 2u);
    const Item &uri = r.items[1];
    EXPECT_EQ(uri.fragment_count, 3u);
    EXPECT_EQ(uri.content_source, 1u);
    const auto value = r.value(uri, wire);
    EXPECT_EQ(std::string(value.begin(), value.end()), "mailto:bob@example.com");
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Parser, ContentOverThe15BitLimitNeedsFragments) {
    const Bytes big = octets(40000);
    const Bytes wire = counted(0x000C, 2) + kStatusOk + item(0xFF05, Bytes(big.begin(), big.begin() + 0x7FFF), true) +
                       item(0xFF05, Bytes(big.begin() + 0x7FFF, big.end()));
    const ParseResult r = parse_message(wire);
    ASSERT_EQ(r.items.size(), 3u);
    EXPECT_EQ(r.items[2].content_length, 40000u);
    EXPECT_EQ(r.items[2].fragment_count, 2u);
}

TEST(Parser, NestedContainerInsideAFragmentedItem) {
    // A 1999 SignedResponse whose content is split over two fragments.
    const Bytes content = kStatusOk + item(0x001A, octets(8));
    const Bytes wire = item(0x000C, kStatusOk + item(0x000F, Bytes(content.begin(), content.begin() + 3), true) +
                                        item(0x000F, Bytes(content.begin() + 3, content.end())));
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{0x0C, 0x0D, 0x0F, 0x0D, 0x1A}));
    EXPECT_EQ(r.items[3].header_source, r.items[2].content_source);
}

TEST(Parser, NotRescapWhenTheFirstTagIsNotAMessage) {
    EXPECT_FALSE(parse_message(text("GET / HTTP/1.1\r\n")).is_rescap);
    EXPECT_FALSE(parse_message(item(0x0002, text("x"))).is_rescap);
    EXPECT_FALSE(parse_message(Bytes{}).is_rescap);
}

TEST(Parser, LengthRunningPastTheData) {
    Bytes wire = counted(0x0001, 1) + item(0x0002, text("mailto:alice@example.com"));
    wire.resize(wire.size() - 5);
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(kinds(r), std::vector<DiagKind>{DiagKind::Truncated});
    EXPECT_FALSE(r.items[1].complete);
    EXPECT_FALSE(r.incomplete);  // datagram: nothing more will come
}

// A capture's snap length keeps fewer octets than the packet had: the parser
// decodes what was kept and says the capture cut it, never "malformed"
// (Wireshark: "Packet size limited during capture").
TEST(Parser, SnappedInputIsNotAFinding) {
    const Bytes whole = counted(0x0001, 2) + kBaseUri + item(0x0003, u16(0x000D));
    ParseOptions snapped;
    snapped.reported_length = whole.size();
    for (std::size_t kept = 2; kept < whole.size(); ++kept) {
        const Bytes part(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(kept));
        const ParseResult r = parse_message(part, snapped);
        EXPECT_TRUE(r.is_rescap) << kept;
        EXPECT_TRUE(r.snapped) << kept;
        EXPECT_TRUE(r.diagnostics.empty()) << kept << ": " << r.diagnostics.front().message;
        // A root header cut short has no item to show (consumed 0: the dissector shows what is there).
        if (kept >= kHeaderLength) {
            EXPECT_EQ(r.consumed, kept) << kept;
        }
    }
    // Cut inside the BaseURI: its header and the octets kept are shown.
    const ParseResult r = parse_message(Bytes(whole.begin(), whole.begin() + 18), snapped);
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{1, 2}));
    EXPECT_FALSE(r.items[1].complete);
    const ParseResult stream = parse_message(Bytes(whole.begin(), whole.begin() + 18), [&] {
        ParseOptions o = snapped;
        o.stream = true;
        return o;
    }());
    EXPECT_TRUE(stream.snapped);
    EXPECT_TRUE(stream.diagnostics.empty());
}

TEST(Parser, SnappedNestedRootShowsItsWholeChildren) {
    const Bytes whole = item(0x0001, kBaseUri + item(0x0003, u16(0x000D)));
    ParseOptions snapped;
    snapped.reported_length = whole.size();
    const ParseResult r = parse_message(Bytes(whole.begin(), whole.end() - 1), snapped);
    EXPECT_TRUE(r.snapped);
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{1, 2, 3}));
}

// What runs past the packet's reported end is malformed, snap length or not.
TEST(Parser, LengthPastTheReportedEndIsStillTruncated) {
    const Bytes whole = counted(0x0001, 1) + kBaseUri;
    ParseOptions snapped;
    snapped.reported_length = whole.size() - 1;  // the packet itself ended inside the BaseURI
    const ParseResult r = parse_message(Bytes(whole.begin(), whole.begin() + 18), snapped);
    EXPECT_FALSE(r.snapped);
    EXPECT_EQ(kinds(r), std::vector<DiagKind>{DiagKind::Truncated});
    // A whole input (reported length not more than the input) is judged as before.
    ParseOptions whole_input;
    whole_input.reported_length = 18;
    EXPECT_EQ(kinds(parse_message(Bytes(whole.begin(), whole.begin() + 18), whole_input)),
              std::vector<DiagKind>{DiagKind::Truncated});
    // A count the capture cut short at an item boundary is no finding; one the packet cut short is.
    const Bytes three = counted(0x0001, 3) + kBaseUri;
    snapped.reported_length = three.size() + 10;
    EXPECT_TRUE(parse_message(three, snapped).diagnostics.empty());
    EXPECT_EQ(kinds(parse_message(three)), std::vector<DiagKind>{DiagKind::CountShort});
}

TEST(Parser, StreamModeAsksForTheMissingOctets) {
    const Bytes whole = counted(0x0001, 1) + item(0x0002, text("mailto:alice@example.com"));
    ParseOptions stream;
    stream.stream = true;
    const Bytes part(whole.begin(), whole.begin() + 10);
    const ParseResult r = parse_message(part, stream);
    EXPECT_TRUE(r.incomplete);
    EXPECT_EQ(r.needed, whole.size());
    EXPECT_FALSE(r.needed_exact);  // count form: more items may follow the BaseURI's end
    const Bytes nested = item(0x0001, item(0x0002, text("mailto:alice@example.com")));
    const ParseResult root_cut = parse_message(Bytes(nested.begin(), nested.begin() + 8), stream);
    EXPECT_TRUE(root_cut.needed_exact);
    EXPECT_EQ(root_cut.needed, nested.size());
    const ParseResult header_only = parse_message(counted(0x0001, 1), stream);
    EXPECT_TRUE(header_only.incomplete);
    EXPECT_EQ(header_only.needed, 0u);  // at least one more item header, size unknown
    const ParseResult complete = parse_message(whole, stream);
    EXPECT_FALSE(complete.incomplete);
    EXPECT_EQ(complete.consumed, whole.size());
}

TEST(Parser, StreamStopsAtTheNextMessage) {
    ParseOptions stream;
    stream.stream = true;
    const Bytes one = counted(0x0001, 1) + kBaseUri;
    const ParseResult r = parse_message(one + one, stream);
    EXPECT_EQ(r.consumed, one.size());
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(Parser, FragmentFollowedByAnotherTag) {
    const Bytes wire = counted(0x0001, 2) + item(0x0002, text("mailto:"), true) + item(0x0003, {});
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(kinds(r), std::vector<DiagKind>{DiagKind::FragmentMismatch});
    EXPECT_EQ(tags(r), (std::vector<std::uint16_t>{1, 2, 3}));  // decoding goes on with the next item
}

// Issue 12, defect 5: the FullRequest after the fragment starts the next
// message; the finding must lie inside this message (the glue shows it on a
// tvb of `consumed` octets; a range past it was an exception).
TEST(Parser, FragmentFollowedByTheNextMessage) {
    for (const bool stream : {false, true}) {
        ParseOptions options;
        options.stream = stream;
        const Bytes first = counted(0x0001, 1) + item(0x0002, text("abc"), true);
        const Bytes next = counted(0x0001, 1) + kBaseUri;
        const ParseResult r = parse_message(first + next, options);
        EXPECT_EQ(kinds(r), std::vector<DiagKind>{DiagKind::FragmentMismatch});
        EXPECT_EQ(r.consumed, first.size());
        for (const Diagnostic &d : r.diagnostics) {
            EXPECT_EQ(d.source, kInput);
            EXPECT_LE(d.offset + d.length, r.consumed);
        }
        EXPECT_TRUE(parse_message(std::span(next), options).diagnostics.empty());
    }
}

TEST(Parser, ContinuationOnTheLastItem) {
    const Bytes wire = counted(0x0001, 1) + item(0x0002, text("mailto:a@b"), true);
    EXPECT_EQ(kinds(parse_message(wire)), std::vector<DiagKind>{DiagKind::FragmentUnterminated});
}

TEST(Parser, FewerItemsThanTheCount) {
    const Bytes wire = counted(0x0001, 3) + kBaseUri;
    EXPECT_EQ(kinds(parse_message(wire)), std::vector<DiagKind>{DiagKind::CountShort});
}

TEST(Parser, ItemsBeyondTheCountAreIgnored) {
    const Bytes wire = counted(0x0001, 1) + kBaseUri + item(0x0003, {}) + item(0x0002, text("x"));
    const ParseResult r = parse_message(wire);
    EXPECT_EQ(kinds(r), std::vector<DiagKind>{DiagKind::BeyondCount});
    ASSERT_EQ(r.items.size(), 4u);
    EXPECT_FALSE(r.items[1].ignored);
    EXPECT_TRUE(r.items[2].ignored);
    EXPECT_TRUE(r.items[3].ignored);
    EXPECT_EQ(r.message_length, counted(0x0001, 1).size() + kBaseUri.size());
    EXPECT_EQ(r.consumed, wire.size());
}

TEST(Parser, ContainerLengthsOutsideBothForms) {
    EXPECT_EQ(kinds(parse_message(item(0x0001, {0, 1, 2}))), std::vector<DiagKind>{DiagKind::BadContainerLength});
    const Bytes ttl7 = counted(0x000C, 2) + kStatusOk + item(0x0017, u32(5) + Bytes{0, 1, 2});
    EXPECT_EQ(kinds(parse_message(ttl7)), std::vector<DiagKind>{DiagKind::BadContainerLength});
    const Bytes ttl3 = counted(0x000C, 2) + kStatusOk + item(0x0017, {0, 0, 1});
    EXPECT_EQ(kinds(parse_message(ttl3)), std::vector<DiagKind>{DiagKind::ContentShort});
}

TEST(Parser, ValueChecks) {
    const auto check = [](const Bytes &child, DiagKind expected) {
        const Bytes wire = counted(0x000C, 2) + kStatusOk + child;
        EXPECT_EQ(kinds(parse_message(wire)), std::vector<DiagKind>{expected});
    };
    check(item(0x000D, {0x02}), DiagKind::ContentShort);
    check(item(0x000D, u16(0x0250)), DiagKind::StatusUnknown);
    check(item(0x000D, u16(0x0000) + Bytes{0xC3, 0x28}), DiagKind::TextNotUtf8);
    check(counted(0x0018, 0, text("20001345250000")), DiagKind::BadTimestamp);
}

TEST(Parser, RequestValueChecks) {
    const auto check = [](const Bytes &child, DiagKind expected) {
        const Bytes wire = counted(0x0001, 2) + kBaseUri + child;
        EXPECT_EQ(kinds(parse_message(wire)), std::vector<DiagKind>{expected});
    };
    check(item(0x0003, {0x00, 0x0D, 0x00}), DiagKind::ItemsToReturnOdd);
    check(item(0x0008, {1}), DiagKind::AuthIpContent);
    check(item(0x0040, {1, 2}), DiagKind::UnknownTag);
    check(item(0x0002, text("mailto:bob@example.com")), DiagKind::BaseUriMultiple);
}

TEST(Parser, KeyIdAndNonceSizes) {
    const Bytes prefs = item(0x0009, item(0x0019, octets(4)) + item(0x001A, octets(5)));
    const ParseResult r = parse_message(item(0x0001, kBaseUri + prefs));
    EXPECT_EQ(kinds(r), (std::vector<DiagKind>{DiagKind::NonceShort, DiagKind::KeyIdLength}));
}

TEST(Parser, SignatureControlInfoWithAndWithoutKeyId) {
    const Bytes with_key = item(0x0010, item(0x001A, octets(8, 1)) + octets(20, 2));
    const Bytes without_key = item(0x0010, octets(20, 2));
    for (const Bytes &sci : {with_key, without_key}) {
        const Bytes wire = item(0x000C, kStatusOk + item(0x000F, sci + kStatusOk));
        const ParseResult r = parse_message(wire);
        EXPECT_TRUE(r.diagnostics.empty());
        const Item *control = r.find(0x0010);
        ASSERT_NE(control, nullptr);
        EXPECT_EQ(control->value_length, 20u);
        EXPECT_EQ(r.value(*control, wire)[0], 2);
    }
}

TEST(Parser, DeepNestingStopsWithADiagnostic) {
    Bytes inner = kStatusOk;
    for (int i = 0; i < 40; ++i) inner = item(0x0017, u32(1) + inner);
    const ParseResult r = parse_message(item(0x000C, kStatusOk + inner));
    EXPECT_TRUE(r.has(DiagKind::TooDeep));
}

TEST(Parser, NeverReadsPastItsInput) {
    // Every prefix of a rich message parses without touching octets past the end
    // (run under AddressSanitizer in the sanitizer build).
    const Bytes wire = counted(0x000C, 4) + kStatusOk + counted(0x0017, 1, u32(9)) + item(0xFF01, octets(40), true) +
                       item(0xFF01, octets(3)) + item(0x000E, text("rescap-basic://h")) +
                       counted(0x001C, 0, text("20000815120000"));
    for (std::size_t n = 0; n <= wire.size(); ++n) {
        const Bytes prefix(wire.begin(), wire.begin() + static_cast<std::ptrdiff_t>(n));
        for (bool stream : {false, true}) {
            ParseOptions options;
            options.stream = stream;
            const ParseResult r = parse_message(prefix, options);
            EXPECT_LE(r.consumed, n);
        }
    }
}
