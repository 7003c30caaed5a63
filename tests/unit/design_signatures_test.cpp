// SPDX-License-Identifier: GPL-2.0-or-later
// The rows written by design from the specifications (issue 20): the
// platform's plumbing (platform_signatures.cpp), control channels
// (control_channel_signatures.cpp), plants (industrial_signatures.cpp),
// network control planes (network_control_signatures.cpp), ICAP, Gnutella
// and Amanda. Each real case of signature_cases.hpp with one field made
// wrong is named by no row; what is only a keyword stays unnamed.
#include <gtest/gtest.h>

#include "builder.hpp"
#include "case_mutations.hpp"
#include "signature_cases.hpp"
#include "core/ghostports/signatures.hpp"

using ghostports::Sender;
using ghostports::Transport;
using rescap::test::hex;
using rescap::test::raw;
using rescap::test::operator+;

using namespace rescap::test::mutation;

TEST(PlatformSignatures, DbusNeedsItsMechanismsGuidAndHeader) {
    expect_unnamed("dbus auth client", {{"mechanism EXTERNAX", with("dbus auth client", 13, 'X')},
                                        {"a response not hex", with("dbus auth client", 15, 'g')}});
    // SASL's AUTH EXTERNAL is SMTP's too: without the credentials NUL it is no D-Bus evidence
    EXPECT_EQ(name_of(raw("AUTH EXTERNAL 31303030\r\n"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("dbus auth server", {{"a GUID not hex", with("dbus auth server", 5, 'G')},
                                        {"a GUID of 31 digits", cut("dbus auth server", 34) + raw("\r\n")}});
    expect_unnamed("dbus hello", {{"version 2", with("dbus hello", 3, 2)},
                                  {"type 5", with("dbus hello", 1, 5)},
                                  {"serial 0", with("dbus hello", 8, 0)},
                                  {"field code 10", with("dbus hello", 16, 10)}});
    expect_unnamed("dbus hello reply", {{"no reply serial", with("dbus hello reply", 16, 11)}});
}

TEST(PlatformSignatures, ErlangDistributionNeedsVersionFlagsAndNodeName) {
    expect_unnamed("erlang send_name", {{"version 4", with("erlang send_name", 4, 4)},
                                        {"no extended references", with("erlang send_name", 8, 0xf9)},
                                        {"a name without @", with("erlang send_name", 10, '.')},
                                        {"length + 1", bumped("erlang send_name", 1, 1)}});
    // a challenge reply alone is 21 octets of digest: no evidence
    EXPECT_EQ(name_of(hex("0015 72 12345678 00112233445566778899aabbccddeeff"), Transport::Tcp, Sender::Client), "");
}

TEST(PlatformSignatures, NinePUsbipThriftAndMsgpackRpcNeedTheirLayouts) {
    expect_unnamed("9p tversion", {{"size + 1", bumped("9p tversion", 0, 1)},
                                   {"tag not NOTAG", with("9p tversion", 5, 0xfe)},
                                   {"version 9P2001.L", with("9p tversion", 18, '1')}});
    expect_unnamed("usbip devlist request", {{"version 0x0112", with("usbip devlist request", 1, 0x12)},
                                             {"status 1", with("usbip devlist request", 7, 1)}});
    expect_unnamed("usbip devlist reply", {{"two interfaces announced", with("usbip devlist reply", 323, 2)}});
    expect_unnamed("thrift call", {{"version 0x8002", with("thrift call", 5, 2)},
                                   {"a space in the method", with("thrift call", 12, ' ')},
                                   {"no stop field", cut("thrift call", size_of_case("thrift call") - 1)}});
    expect_unnamed("msgpack-rpc request", {{"type 3", with("msgpack-rpc request", 1, 3)},
                                           {"a space in the method", with("msgpack-rpc request", 4, ' ')}});
    // a response whose error and result are both set
    EXPECT_EQ(name_of(hex("94 01 01 a3 626164 01"), Transport::Tcp, Sender::Server), "");
}

TEST(ControlChannelSignatures, QemuNeedsItsGreetingCommandsAndBanner) {
    expect_unnamed("qmp greeting", {{"QMQ", with("qmp greeting", 4, 'Q')}});
    EXPECT_EQ(name_of(raw("{ \"execute\": \"rm -rf /\" }\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("{\"execute\": \"query-status\", \"x\": 1}"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("{\"execute\": \"query-status\"}"), Transport::Tcp, Sender::Client), "QEMU QMP");
    expect_unnamed("qemu monitor banner", {{"monitox", with("qemu monitor banner", 18, 'x')}});
}

TEST(ControlChannelSignatures, TorDovecotAndSamNeedTheirVocabulary) {
    expect_unnamed("tor protocolinfo", {{"PROTOCOLINFX", with("tor protocolinfo", 11, 'X')}});
    // words other line protocols share: AUTHENTICATE (ManageSieve), GETINFO alone
    EXPECT_EQ(name_of(raw("AUTHENTICATE \"secret\"\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("GETINFO version\r\n"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("tor protocolinfo reply", {{"250-PROTOCOLINFX", with("tor protocolinfo reply", 15, 'X')}});
    expect_unnamed("dovecot client handshake", {{"major version 2", with("dovecot client handshake", 8, '2')},
                                                {"no CPID", cut("dovecot client handshake", 12)}});
    expect_unnamed("dovecot server handshake", {{"MECX", with("dovecot server handshake", 15, 'X')}});
    expect_unnamed("sam hello",
                   {{"VERSIOX", with("sam hello", 12, 'X')}, {"a key in lower case", with("sam hello", 14, 'm')}});
}

TEST(DesignSignatures, IcapGnutellaAndAmandaNeedTheirStartLines) {
    expect_unnamed("icap options",
                   {{"ICAP/1.1", with("icap options", 42, '1')}, {"target icaq://", with("icap options", 11, 'q')}});
    expect_unnamed("gnutella connect", {{"CONNECT/0.5", with("gnutella connect", 19, '5')}});
    expect_unnamed("gnutella ok", {{"GNUTELLA/0.7", with("gnutella ok", 11, '7')}});
    expect_unnamed("amanda request",
                   {{"RAQ", with("amanda request", 12, 'A')}, {"SEX", with("amanda request", 40, 'X')}});
}

TEST(IndustrialSignatures, OpcuaEnipBacnetAndIec104NeedTheirLayouts) {
    expect_unnamed("opcua hello", {{"protocol version 1", with("opcua hello", 8, 1)},
                                   {"opc.tcq://", with("opcua hello", 38, 'q')},
                                   {"size + 1", bumped("opcua hello", 4, 1)}});
    expect_unnamed("opcua acknowledge", {{"size 29", with("opcua acknowledge", 4, 29)}});
    expect_unnamed("enip register session", {{"protocol version 2", with("enip register session", 24, 2)},
                                             {"options set", with("enip register session", 20, 1)}});
    expect_unnamed("bacnet who-is",
                   {{"length + 1", bumped("bacnet who-is", 3, 1)}, {"NPDU version 2", with("bacnet who-is", 4, 2)}});
    expect_unnamed("iec104 startdt act", {{"two function bits", with("iec104 startdt act", 2, 0x0f)}});
    expect_unnamed("iec104 interrogation",
                   {{"cause 0", with("iec104 interrogation", 8, 0)}, {"type 0", with("iec104 interrogation", 6, 0)}});
}

TEST(NetworkControlSignatures, OpenflowBfdGtpAndIcpNeedTheirLayouts) {
    expect_unnamed("openflow hello", {{"bitmap without 1.3", with("openflow hello", 15, 0x0e)},
                                      {"version 7", with("openflow hello", 0, 7)}});
    // a bare 8-octet HELLO: 4 octets of evidence (a PostgreSQL SSLRequest is one octet away)
    EXPECT_EQ(name_of(hex("04000008 04d2162f"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("bfd down", {{"version 2", with("bfd down", 0, 0x40)},
                                {"length 25", with("bfd down", 3, 25)},
                                {"Up with your discriminator 0", with("bfd down", 1, 0xc0)}});
    expect_unnamed("gtpv1 echo request", {{"a TEID on echo", with("gtpv1 echo request", 7, 1)},
                                          {"length + 1", bumped("gtpv1 echo request", 3, 1)}});
    expect_unnamed("gtpv2 echo request", {{"TEID flag on echo", with("gtpv2 echo request", 0, 0x48)},
                                          {"IE spare set", with("gtpv2 echo request", 11, 0x10)}});
    expect_unnamed("icp query", {{"version 4", with("icp query", 1, 4)},
                                 {"URL not ended", with("icp query", size_of_case("icp query") - 1, 'x')}});
}
