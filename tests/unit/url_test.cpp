// SPDX-License-Identifier: GPL-2.0-or-later
// rescap URLs (spec "Transport": rescap://host[:port]?<base64>, rescap-secure://…,
// earlier rescap:host/<base64>) and base64 (doc/decisions.md decision 15: standard and
// URL-safe alphabets, padding optional).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "builder.hpp"
#include "core/rescap/parser.hpp"
#include "core/rescap/url.hpp"

using namespace rescap;
using namespace rescap::test;

namespace {

Bytes b64(std::string_view text) {
    auto decoded = decode_base64(text);
    EXPECT_TRUE(decoded.has_value()) << text;
    return decoded.value_or(Bytes{});
}

}  // namespace

TEST(Base64, StandardAlphabetWithPadding) {
    EXPECT_EQ(b64("TWFu"), text("Man"));
    EXPECT_EQ(b64("TWE="), text("Ma"));
    EXPECT_EQ(b64("TQ=="), text("M"));
    EXPECT_EQ(b64(""), Bytes{});
    EXPECT_EQ(b64("aGVsbG8gd29ybGQ="), text("hello world"));
}

TEST(Base64, PaddingIsOptional) {
    EXPECT_EQ(b64("TWE"), text("Ma"));
    EXPECT_EQ(b64("TQ"), text("M"));
    EXPECT_EQ(b64("aGVsbG8gd29ybGQ"), text("hello world"));
}

TEST(Base64, StandardAndUrlSafeAlphabets) {
    // 0xFB 0xEF 0xFF encodes to "++//" (standard) and "--__" (URL-safe)
    EXPECT_EQ(b64("++//"), (Bytes{0xFB, 0xEF, 0xFF}));
    EXPECT_EQ(b64("--__"), (Bytes{0xFB, 0xEF, 0xFF}));
    EXPECT_EQ(b64("+/8="), (Bytes{0xFB, 0xFF}));
    EXPECT_EQ(b64("-_8"), (Bytes{0xFB, 0xFF}));
    // every octet value round-trips through both alphabets
    Bytes all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::uint8_t>(i));
    static const char kStd[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const char *alphabet : {kStd, kUrl}) {
        std::string enc;
        for (std::size_t i = 0; i < all.size(); i += 3) {
            const unsigned n =
                all[i] << 16 | (i + 1 < all.size() ? all[i + 1] << 8 : 0) | (i + 2 < all.size() ? all[i + 2] : 0);
            enc += alphabet[n >> 18 & 63];
            enc += alphabet[n >> 12 & 63];
            if (i + 1 < all.size()) enc += alphabet[n >> 6 & 63];
            if (i + 2 < all.size()) enc += alphabet[n & 63];
        }
        EXPECT_EQ(b64(enc), all) << alphabet;
    }
}

TEST(Base64, InvalidInputIsRejected) {
    EXPECT_FALSE(decode_base64("!!!notbase64").has_value());
    EXPECT_FALSE(decode_base64("TW=u").has_value());       // padding inside
    EXPECT_FALSE(decode_base64("TWFu TWFu").has_value());  // space
    EXPECT_FALSE(decode_base64("TWFuT").has_value());      // 5 symbols: 1 left over cannot be an octet
    EXPECT_FALSE(decode_base64("T").has_value());
    EXPECT_FALSE(decode_base64("TW\xc3\xa9").has_value());  // non-ASCII
    EXPECT_FALSE(decode_base64("TWFu.").has_value());
}

TEST(RescapUrl, BasicFormWithPort) {
    const auto url = split_rescap_url("rescap://h:283?X");
    ASSERT_TRUE(url.has_value());
    EXPECT_EQ(url->scheme, "rescap");
    EXPECT_EQ(url->host, "h:283");
    EXPECT_EQ(url->encoded, "X");
}

TEST(RescapUrl, BasicFormWithoutPort) {
    const auto url = split_rescap_url("rescap://auth.example.net?AAEAAg");
    ASSERT_TRUE(url.has_value());
    EXPECT_EQ(url->scheme, "rescap");
    EXPECT_EQ(url->host, "auth.example.net");
    EXPECT_EQ(url->encoded, "AAEAAg");
}

TEST(RescapUrl, SecureForm) {
    const auto url = split_rescap_url("rescap-secure://secure.example.net:8283?QUJD");
    ASSERT_TRUE(url.has_value());
    EXPECT_EQ(url->scheme, "rescap-secure");
    EXPECT_EQ(url->host, "secure.example.net:8283");
    EXPECT_EQ(url->encoded, "QUJD");
}

TEST(RescapUrl, Draft1999Form) {
    const auto url = split_rescap_url("rescap:host.example.com/X");
    ASSERT_TRUE(url.has_value());
    EXPECT_EQ(url->scheme, "rescap");
    EXPECT_EQ(url->host, "host.example.com");
    EXPECT_EQ(url->encoded, "X");
}

TEST(RescapUrl, NoRequestPart) {
    for (std::string_view text :
         {"rescap://auth.example.net", "rescap-secure://auth.example.net:99", "rescap:auth.example.net"}) {
        const auto url = split_rescap_url(text);
        ASSERT_TRUE(url.has_value()) << text;
        EXPECT_TRUE(url->encoded.empty()) << text;
        EXPECT_FALSE(url->host.empty()) << text;
    }
    // the -01 Referral scheme names a server, not a request
    const auto basic = split_rescap_url("rescap-basic://auth.example.net");
    if (basic.has_value()) {
        EXPECT_TRUE(basic->encoded.empty());
    }
}

TEST(RescapUrl, NotARescapUrl) {
    for (std::string_view text : {"mailto:alice@example.com", "http://example.com/?x", "", "rescap", "rescapx://h?X",
                                  "rescap-securex://h?X", "urn:rescap://h?X", " rescap://h?X"}) {
        EXPECT_FALSE(split_rescap_url(text).has_value()) << text;
    }
}

TEST(RescapUrl, WholeRequestRoundTrip) {
    // the embedded_url capture's request, count form, standard base64 with padding
    const Bytes request = counted(0x0001, 1) + item(0x0002, text("mailto:bob@example.com"));
    static const char kStd[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string enc;
    for (std::size_t i = 0; i < request.size(); i += 3) {
        const unsigned n = request[i] << 16 | (i + 1 < request.size() ? request[i + 1] << 8 : 0) |
                           (i + 2 < request.size() ? request[i + 2] : 0);
        enc += kStd[n >> 18 & 63];
        enc += kStd[n >> 12 & 63];
        enc += i + 1 < request.size() ? kStd[n >> 6 & 63] : '=';
        enc += i + 2 < request.size() ? kStd[n & 63] : '=';
    }
    const std::string text_url = "rescap://auth.example.net:283?" + enc;
    const auto url = split_rescap_url(text_url);
    ASSERT_TRUE(url.has_value());
    const auto octets_ = decode_base64(url->encoded);
    ASSERT_TRUE(octets_.has_value());
    EXPECT_EQ(*octets_, request);
    const ParseResult r = parse_message(*octets_);
    ASSERT_TRUE(r.is_rescap);
    EXPECT_EQ(r.role, Role::Request);
    EXPECT_TRUE(r.diagnostics.empty());
}
