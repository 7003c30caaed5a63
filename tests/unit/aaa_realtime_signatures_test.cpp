// SPDX-License-Identifier: GPL-2.0-or-later
// The AAA, real-time and messaging rows (aaa_realtime_signatures.cpp): each
// real case of signature_cases.hpp with one check of its matcher broken (a
// length off, a field outside its assigned range, a reserved bit set) is
// named by no row.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "builder.hpp"
#include "case_mutations.hpp"
#include "signature_cases.hpp"

using rescap::test::Bytes;
using rescap::test::hex;
using rescap::test::operator+;

using namespace rescap::test::mutation;

namespace {

// `p` with the octet at `at` set to `value`.
Bytes with(Bytes p, std::size_t at, std::uint8_t value) {
    p.at(at) = value;
    return p;
}

// The case's payload with the octets from `at` set to `values`.
Bytes with_octets(std::string_view what, std::size_t at, std::initializer_list<std::uint8_t> values) {
    Bytes p = the_case(what).payload;
    for (const std::uint8_t v : values) p.at(at++) = v;
    return p;
}

// An obfuscated authorization request whose length field says `length`, followed by that many octets.
Bytes tacacs_obfuscated(std::uint32_t length) {
    return Bytes{0xc0,
                 0x02,
                 0x01,
                 0x00,
                 0x5e,
                 0xe1,
                 0xb0,
                 0xa7,
                 static_cast<std::uint8_t>(length >> 24),
                 static_cast<std::uint8_t>(length >> 16),
                 static_cast<std::uint8_t>(length >> 8),
                 static_cast<std::uint8_t>(length)} +
           Bytes(length, 0x5a);
}

}  // namespace

TEST(AaaRealtimeSignatures, TacacsPlusNeedsItsHeaderLengthAndClearBody) {
    constexpr auto start = "tacacs pap start";
    expect_unnamed(start, {{"major version 0xB", with(start, 0, 0xb1)},
                           {"minor version 2", with(start, 0, 0xc2)},
                           {"type 4", with(start, 1, 4)},
                           {"seq_no 0", with(start, 2, 0)},
                           {"flag 0x02", with(start, 3, 0x03)},
                           {"length + 1", bumped(start, 11, 1)},
                           {"length - 1", bumped(start, 11, -1)},
                           {"an octet more", longer(start)},
                           {"action 3", with(start, 12, 3)},
                           {"priv_lvl 16", with(start, 13, 16)},
                           {"authen_type 7", with(start, 14, 7)},
                           {"authen_service 10", with(start, 15, 10)},
                           {"user_len + 1", bumped(start, 16, 1)}});
    constexpr auto reply = "tacacs pass reply";
    expect_unnamed(reply, {{"status 8", with(reply, 12, 8)},
                           {"reply flag 0x02", with(reply, 13, 2)},
                           {"server_msg_len 1", with(reply, 15, 1)},
                           {"seq_no 3: a CONTINUE's layout", with(reply, 2, 3)}});
    constexpr auto clear = "tacacs authorization clear";
    expect_unnamed(clear, {{"authen_method 7 (unassigned)", with(clear, 12, 7)},
                           {"authen_type 7", with(clear, 14, 7)},
                           {"arg_cnt 3", with(clear, 19, 3)},
                           {"arg 1 length + 1", bumped(clear, 20, 1)},
                           {"seq_no 3 in an authorization session", with(clear, 2, 3)}});
    // An authorization RESPONSE (PASS_ADD, one argument; built from 6.2, tshark: Auth Status PASS_ADD). Not a
    // census case: every clear one starts "?? 02 02 01", one flip and a cut from SOCKS5's whole greeting.
    const Bytes pass = hex("c00202015ee1b0a7000000120101000000000b707269762d6c766c3d3135");
    EXPECT_EQ(name_of(pass, Transport::Tcp, Sender::Server), "TACACS+");
    EXPECT_EQ(name_of(with(pass, 12, 3), Transport::Tcp, Sender::Server), "") << "status 3";
    EXPECT_EQ(name_of(with(pass, 13, 2), Transport::Tcp, Sender::Server), "") << "arg_cnt 2";
    EXPECT_EQ(name_of(with(pass, 18, 12), Transport::Tcp, Sender::Server), "") << "arg 1 length + 1";
    constexpr auto accounting = "tacacs accounting start";
    expect_unnamed(accounting, {{"flags MORE (deprecated)", with(accounting, 12, 0x01)},
                                {"flags START + STOP", with(accounting, 12, 0x06)},
                                {"authen_method 7", with(accounting, 13, 7)},
                                {"priv_lvl 16", with(accounting, 14, 16)},
                                {"authen_service 10", with(accounting, 16, 10)},
                                {"arg_cnt 2", with(accounting, 20, 2)}});
    constexpr auto success = "tacacs accounting success";
    expect_unnamed(success, {{"status 3", with(success, 16, 3)}, {"server_msg_len 1", with(success, 13, 1)}});
    // An obfuscated body is not read, but the clear flag on one is a lie.
    constexpr auto obfuscated = "tacacs authorization obfuscated";
    expect_unnamed(obfuscated, {{"the clear flag", with(obfuscated, 3, 0x01)}});
    EXPECT_EQ(name_of(tacacs_obfuscated(65536), Transport::Tcp, Sender::Client), "TACACS+");
    EXPECT_EQ(name_of(tacacs_obfuscated(65537), Transport::Tcp, Sender::Client), "") << "length above 65536";
    EXPECT_EQ(name_of(tacacs_obfuscated(0), Transport::Tcp, Sender::Client), "") << "empty body";
    // Packets tile the payload (single-connect).
    const Bytes two = the_case(start).payload + the_case(reply).payload;
    EXPECT_EQ(name_of(two, Transport::Tcp, Sender::Client), "TACACS+");
}

TEST(AaaRealtimeSignatures, DiameterNeedsItsLengthAvpsAndOrigin) {
    constexpr auto cer = "diameter cer";
    expect_unnamed(cer, {{"version 2", with(cer, 0, 2)},
                         {"length + 4", bumped(cer, 3, 4)},
                         {"length - 4", bumped(cer, 3, -4)},
                         {"length not a multiple of 4", bumped(cer, 3, 1)},
                         {"reserved command flag", with(cer, 4, 0x81)},
                         {"E on a request", with(cer, 4, 0xa0)},
                         {"AVP code 0", with_octets(cer, 20, {0, 0, 0, 0})},
                         {"reserved AVP flag", with(cer, 24, 0x41)},
                         {"AVP length 7", with(cer, 27, 7)},
                         {"AVP length + 1", bumped(cer, 27, 1)},
                         {"no Origin-Host (265)", bumped(cer, 23, 1)},
                         {"no Origin-Realm (297)", bumped(cer, 51, 1)},
                         {"Origin-Host not text", with(cer, 28, 0x01)},
                         {"an octet more", longer(cer)}});
    // Messages tile the payload: a CER and a DWR sent together.
    const Bytes two = the_case(cer).payload + the_case("diameter dwr").payload;
    EXPECT_EQ(name_of(two, Transport::Tcp, Sender::Client), "Diameter");
}

TEST(AaaRealtimeSignatures, RtcpNeedsACompoundOfFittingPacketsWithACname) {
    constexpr auto sr = "rtcp sr sdes";
    expect_unnamed(sr, {{"version 1", with(sr, 0, 0x40)},
                        {"an SDES first", with(sr, 1, 202)},
                        {"SR length - 1", bumped(sr, 3, -1)},
                        {"SR report count 1", with(sr, 0, 0x81)},
                        {"padding bit on the first packet", with(sr, 0, 0xa0)},
                        {"SDES version 1", with(sr, 28, 0x41)},
                        {"SDES chunk count 2", with(sr, 28, 0x82)},
                        {"unknown packet type 195", with(sr, 29, 195)},
                        {"SDES item type 9", with(sr, 36, 9)},
                        {"CNAME length + 1", bumped(sr, 37, 1)},
                        {"no CNAME (a NAME item)", with(sr, 36, 2)},
                        {"CNAME not text", with(sr, 40, 0x07)},
                        {"non-zero chunk padding", with(sr, 55, 1)},
                        {"SDES length + 1", bumped(sr, 31, 1)},
                        {"an octet more", longer(sr)}});
    constexpr auto rr = "rtcp rr sdes bye";
    expect_unnamed(rr, {{"RR report count 0", with(rr, 0, 0x80)},
                        {"BYE source count 2", with(rr, 72, 0x82)},
                        {"BYE reason length 9", with(rr, 80, 9)},
                        {"BYE reason length 4", with(rr, 80, 4)},
                        {"padding bit, count 0", with(rr, 72, 0xa1)}});
}

TEST(AaaRealtimeSignatures, ZmtpNeedsTheWholeGreeting) {
    constexpr auto ready = "zmtp greeting ready";
    expect_unnamed(ready, {{"signature 0xFE", with(ready, 0, 0xfe)},
                           {"signature end 0x7E", with(ready, 9, 0x7e)},
                           {"major version 2", with(ready, 10, 2)},
                           {"minor version 2", with(ready, 11, 2)},
                           {"mechanism NULl", with(ready, 15, 'l')},
                           {"octets after the mechanism's NUL", with(ready, 20, 'X')},
                           {"as-server 2", with(ready, 32, 2)},
                           {"filler not zero", with(ready, 40, 1)},
                           {"reserved frame flag", with(ready, 64, 0x0c)},
                           {"a command with MORE", with(ready, 64, 0x05)},
                           {"frame size + 1", bumped(ready, 65, 1)},
                           {"frame size - 1", bumped(ready, 65, -1)},
                           {"command name length 0", with(ready, 66, 0)},
                           {"the signature alone", cut(ready, 10)},
                           {"a greeting cut short", cut(ready, 63)}});
    // libzmq's greeting from its minor version on, and from its major version on.
    constexpr auto rest = "zmtp greeting rest libzmq";
    expect_unnamed(rest, {{"minor version 2", with(rest, 0, 2)},
                          {"mechanism NULX", with(rest, 4, 'X')},
                          {"as-server 2", with(rest, 21, 2)},
                          {"filler not zero", with(rest, 52, 1)},
                          {"an octet short", cut(rest, 52)},
                          {"an octet more (no frame)", longer(rest)}});
    EXPECT_EQ(name_of(Bytes{3} + the_case(rest).payload, Transport::Tcp, Sender::Client), "ZMTP (ZeroMQ)");
    EXPECT_EQ(name_of(Bytes{2} + the_case(rest).payload, Transport::Tcp, Sender::Client), "") << "major version 2";
    EXPECT_EQ(name_of(Bytes{3}, Transport::Tcp, Sender::Client), "") << "the major version alone";
}

TEST(AaaRealtimeSignatures, PtpNeedsItsTypesLengthAndHeader) {
    constexpr auto follow_up = "ptp follow up";
    expect_unnamed(follow_up, {{"messageType 4 (reserved)", with(follow_up, 0, 0x04)},
                               {"transportSpecific 2", with(follow_up, 0, 0x28)},
                               {"versionPTP 1", with(follow_up, 1, 0x01)},
                               {"minorVersionPTP 2", with(follow_up, 1, 0x22)},
                               {"messageLength + 1", bumped(follow_up, 3, 1)},
                               {"an octet more", longer(follow_up)},
                               {"reserved octet 5", with(follow_up, 5, 1)},
                               {"reserved flag 0x0800", with(follow_up, 6, 0x08)},
                               {"reserved flag 0x0080", with(follow_up, 7, 0x80)},
                               {"reserved octets 16-19", with(follow_up, 18, 1)},
                               {"controlField 0 (Sync's)", with(follow_up, 32, 0)},
                               {"logMessageInterval 8", with(follow_up, 33, 8)},
                               {"logMessageInterval -8", with(follow_up, 33, 0xf8)},
                               {"nanoseconds 10^9", with_octets(follow_up, 40, {0x3b, 0x9a, 0xca, 0x00})}});
    constexpr auto delay_resp = "ptp delay resp";
    expect_unnamed(delay_resp,
                   {{"a Sync's type and control at Delay_Resp's length", with(with(delay_resp, 0, 0), 32, 0)}});
    constexpr auto announce = "ptp announce";
    expect_unnamed(announce,
                   {{"timeSource 0x11", with(announce, 63, 0x11)}, {"reserved octet 46", with(announce, 46, 1)}});
    // IEEE 1588-2008 16.2: an Announce may carry a PATH_TRACE TLV; TLV lengths are even and tile the rest.
    const Bytes path = Bytes{0x02, 0x42, 0xac, 0xff, 0xfe, 0x11, 0x00, 0x02};
    Bytes traced = the_case(announce).payload + Bytes{0x00, 0x08, 0x00, 0x08} + path;
    traced[3] = static_cast<std::uint8_t>(traced.size());
    EXPECT_EQ(name_of(traced, Transport::Udp, Sender::Server), "PTP");
    Bytes odd = the_case(announce).payload + Bytes{0x00, 0x08, 0x00, 0x07} + Bytes(path.begin(), path.end() - 1);
    odd[3] = static_cast<std::uint8_t>(odd.size());
    EXPECT_EQ(name_of(odd, Transport::Udp, Sender::Server), "") << "odd TLV length";
    constexpr auto management = "ptp management get";
    expect_unnamed(management, {{"action 5", with(management, 46, 5)},
                                {"reserved action bits", with(management, 46, 0x10)},
                                {"reserved octet 47", with(management, 47, 1)},
                                {"no management TLV", with(cut(management, 48), 3, 48)},
                                {"TLV type 0", with(management, 49, 0)}});
}
