// SPDX-License-Identifier: GPL-2.0-or-later
// The rows written by design from the specifications (issue 20): the
// platform's plumbing (platform_signatures.cpp), control channels
// (control_channel_signatures.cpp), plants (industrial_signatures.cpp),
// network control planes (network_control_signatures.cpp), ICAP, Gnutella
// and Amanda. Each real case of signature_cases.hpp with one field made
// wrong is named by no row; what is only a keyword stays unnamed.
#include <gtest/gtest.h>

#include <string>

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

TEST(PlatformSignatures, NreplSpDbgpSpiceAndXrootdNeedTheirLayouts) {
    expect_unnamed("nrepl clone", {{"op clonx", with("nrepl clone", 18, 'x')}, {"cut", cut("nrepl clone", 19)}});
    // a status without the request's id or session
    EXPECT_EQ(name_of(raw("d6:statusl4:doneee"), Transport::Tcp, Sender::Server), "");
    expect_unnamed("sp req header",
                   {{"protocol 0x40", with("sp req header", 5, 0x40)}, {"reserved set", with("sp req header", 6, 1)}});
    expect_unnamed("dbgp init",
                   {{"length not digits", with("dbgp init", 0, 'x')}, {"length - 1", bumped("dbgp init", 2, -1)}});
    expect_unnamed("dbgp feature_set", {{"feature_sex", with("dbgp feature_set", 10, 'x')}});
    EXPECT_EQ(name_of(raw(std::string("feature_set -n max_depth -v 1") + '\0'), Transport::Tcp, Sender::Server), "");
    expect_unnamed("spice link",
                   {{"version 3", with("spice link", 4, 3)}, {"channel type 12", with("spice link", 20, 12)}});
    expect_unnamed("spice link reply", {{"caps offset 179", with("spice link reply", 190, 179)}});
    expect_unnamed("xrootd handshake", {{"2013", with("xrootd handshake", 19, 0xdd)},
                                        {"request 2750", with("xrootd handshake", 22, 0x0a)}});
    expect_unnamed("xrootd answer", {{"server type 2", with("xrootd answer", 15, 2)}});
}

TEST(DesignSignatures, GamesVoipAndLoggingNeedTheirVocabulary) {
    expect_unnamed("quake getstatus",
                   {{"getstatux", with("quake getstatus", 12, 'x')}, {"three FF", with("quake getstatus", 3, 0xfe)}});
    expect_unnamed("quake statusresponse", {{"no info string", with("quake statusresponse", 19, 's')}});
    expect_unnamed("source a2s_info", {{"one letter changed", with("source a2s_info", 10, 'x')}});
    expect_unnamed("minetest hello", {{"protocol id", with("minetest hello", 3, 4)},
                                      {"channel 3", with("minetest hello", 6, 3)},
                                      {"inner type 3", with("minetest hello", 10, 3)}});
    expect_unnamed("rtpengine ping", {{"command pinh", with("rtpengine ping", 22, 'h')},
                                      {"no space after the cookie", with("rtpengine ping", 6, 'x')}});
    expect_unnamed("mgcp auep",
                   {{"an endpoint without @", with("mgcp auep", 16, '.')}, {"MGCP 1.1", with("mgcp auep", 39, '1')}});
    expect_unnamed("gelf message", {{"version 1.2", with("gelf message", 14, '2')}});
    EXPECT_EQ(name_of(raw("{\"version\":\"1.1\",\"short_message\":\"x\"}"), Transport::Udp, Sender::Client), "");
}

TEST(DesignSignatures, QuicNeedsAVersionAndItsLengths) {
    expect_unnamed("quic initial", {{"version 3", with("quic initial", 4, 3)},
                                    {"a connection id of 21", with("quic initial", 5, 21)},
                                    {"fixed bit clear", with("quic initial", 0, 0x83)},
                                    {"under 1200 octets", cut("quic initial", 1199)}});
    expect_unnamed("quic server initial handshake",
                   {{"the second packet's version", with("quic server initial handshake", 139, 2)}});
}

TEST(DesignSignatures, MiddlewareNeedsItsMagicVersionsAndLengths) {
    expect_unnamed("openwire wireformatinfo", {{"ActiveMX", with("openwire wireformatinfo", 12, 'X')},
                                               {"data type 2", with("openwire wireformatinfo", 4, 2)}});
    expect_unnamed("cql startup", {{"version 6", with("cql startup", 0, 6)},
                                   {"a response opcode", with("cql startup", 4, 2)},
                                   {"CQL_VERSIOX", with("cql startup", 23, 'X')}});
    // OPTIONS alone is what drivers send first: its 9 octets are the whole frame
    EXPECT_EQ(name_of(hex("040000000500000000"), Transport::Tcp, Sender::Client), "CQL (Cassandra)");
    EXPECT_EQ(name_of(hex("040000000500000001"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("firebird connect", {{"connect version 4", with("firebird connect", 11, 4)},
                                        {"one protocol entry too few", bumped("firebird connect", 63, -1)}});
    expect_unnamed("firebird accept", {{"type 6", with("firebird accept", 15, 6)}});
    expect_unnamed("uwsgi request",
                   {{"modifier2 set", with("uwsgi request", 3, 1)}, {"size + 1", bumped("uwsgi request", 1, 1)}});
}

TEST(ControlChannelSignatures, LivestatusBobAndOpenvpnManagementNeedTheirShapes) {
    expect_unnamed("livestatus query", {{"table hostz", with("livestatus query", 8, 'z')},
                                        {"header Columnz", with("livestatus query", 16, 'z')}});
    expect_unnamed("livestatus answer", {{"status 201", with("livestatus answer", 2, '1')},
                                         {"length + 1", bumped("livestatus answer", 14, 1)}});
    expect_unnamed("bob greeting", {{"BOX", with("bob greeting", 2, 'X')}, {"OX", with("bob greeting", 14, 'X')}});
    expect_unnamed("openvpn management banner", {{"version x", with("openvpn management banner", 43, 'x')}});
}

TEST(DesignSignatures, DiscoveryZephyrPickleAndSnapcastNeedTheirShapes) {
    ASSERT_EQ(name_of(the_case("ws-discovery probe").payload, Transport::Udp, Sender::Client), "WS-Discovery");
    // a SOAP envelope without WS-Discovery's namespace
    EXPECT_EQ(name_of(raw("<?xml version=\"1.0\"?><soap:Envelope><soap:Body><Probe/></soap:Body></soap:Envelope>"),
                      Transport::Udp, Sender::Client),
              "");
    expect_unnamed("zephyr notice",
                   {{"ZEPH0.3", with("zephyr notice", 6, '3')}, {"a field not hex", with("zephyr notice", 12, 'G')}});
    expect_unnamed("carbon pickle", {{"protocol 1", with("carbon pickle", 5, 1)},
                                     {"no STOP", cut("carbon pickle", size_of_case("carbon pickle") - 1)}});
    expect_unnamed("snapcast hello", {{"type 9", with("snapcast hello", 0, 9)},
                                      {"a million microseconds", with("snapcast hello", 13, 0x0f)}});
}

TEST(DesignSignatures, DapGqtpRtlTcpAndAdsbNeedTheirShapes) {
    expect_unnamed("dap initialize", {{"type requesx", with("dap initialize", 41, 'x')},
                                      {"length + 1", bumped("dap initialize", 18, 1)}});
    // a JSON object that is neither DAP's nor JSON-RPC's
    EXPECT_EQ(name_of(raw("Content-Length: 13\r\n\r\n{\"seq\":\"1\"}  "), Transport::Tcp, Sender::Client), "");
    expect_unnamed("gqtp status",
                   {{"protocol C8", with("gqtp status", 0, 0xc8)}, {"CAS set", with("gqtp status", 23, 1)}});
    expect_unnamed("rtl_tcp greeting",
                   {{"RTL1", with("rtl_tcp greeting", 3, '1')}, {"tuner 7", with("rtl_tcp greeting", 7, 7)}});
    expect_unnamed("sbs feed",
                   {{"MSG type 9", with("sbs feed", 4, '9')}, {"a date of yyyy-mm", with("sbs feed", 23, '-')}});
    expect_unnamed("avr feed", {{"27 hex digits", with("avr feed", 28, ';')}});
}

// Payloads that end where a length or a field was about to be read (found reviewing the rows; ASan would
// report a read past the payload): each is refused, reading nothing past its end.
TEST(DesignSignatures, PayloadsCutAtALengthAreRefused) {
    EXPECT_EQ(name_of(hex("3430 00"), Transport::Tcp, Sender::Client), "");  // DBGp: "40" NUL, then nothing
    EXPECT_EQ(name_of(hex("810a0009 0100 08 0501"), Transport::Udp, Sender::Client),
              "");  // BACnet: a segmented request cut
    EXPECT_EQ(name_of(hex("0400000007 00000005 0000000300"), Transport::Tcp, Sender::Client),
              "");  // CQL: a QUERY of 5 octets
}

// From fresh6's recordings, after its one measurement.
TEST(DesignSignatures, H2PowermanSccacheAndVirtuosoNeedTheirShapes) {
    expect_unnamed("h2 client hello", {{"min version 21", with("h2 client hello", 3, 21)},
                                       {"jdbc:h3:", with("h2 client hello", 41, '3')}});
    expect_unnamed("powerman greeting",
                   {{"no prompt", cut("powerman greeting", 12)}, {"code 0x1", with("powerman greeting", 1, 'x')}});
    expect_unnamed("sccache compile",
                   {{"variant 5", with("sccache compile", 4, 5)}, {"length + 1", bumped("sccache compile", 3, 1)}});
    expect_unnamed("virtuoso caller identification", {{"an answer's tag", with("virtuoso caller identification", 4, 2)},
                                                      {"array of 6", with("virtuoso caller identification", 2, 6)}});
}

// Rows by design before fresh7 was seen: storage, middleware, network control, games, community services.
TEST(DesignSignatures, DicomGiopCephAndIsnsNeedTheirLayouts) {
    expect_unnamed("dicom associate rq", {{"protocol version 2", with("dicom associate rq", 7, 2)},
                                          {"reserved set", with("dicom associate rq", 46, 1)},
                                          {"another application context", with("dicom associate rq", 98, '2')},
                                          {"length + 1", bumped("dicom associate rq", 5, 1)}});
    expect_unnamed("dicom p-data", {{"an even context id", with("dicom p-data", 10, 2)},
                                    {"control header 4", with("dicom p-data", 11, 4)}});
    // A-ASSOCIATE-RJ alone is also a Modbus/TCP read-coils response: not DICOM evidence
    EXPECT_NE(name_of(hex("0300 00000004 00 01 01 07"), Transport::Tcp, Sender::Server), "DICOM");
    expect_unnamed("giop request", {{"GIOP 1.4", with("giop request", 5, 4)},
                                    {"message type 8", with("giop request", 7, 8)},
                                    {"size - 1", bumped("giop request", 8, -1)}});
    expect_unnamed("giop close", {{"a CloseConnection with a body", with("giop close", 11, 1)}});
    expect_unnamed("ceph msgr1 client", {{"ceph v028", with("ceph msgr1 client", 8, '8')},
                                         {"address family 3", with("ceph msgr1 client", 18, 3)},
                                         {"an address cut", cut("ceph msgr1 client", 144)}});
    expect_unnamed("ceph msgr2 banner", {{"length 17", with("ceph msgr2 banner", 8, 17)}});
    expect_unnamed("isns devattrreg", {{"version 2", with("isns devattrreg", 1, 2)},
                                       {"function 14", with("isns devattrreg", 3, 14)},
                                       {"client and server", with("isns devattrreg", 6, 0xcc)},
                                       {"an attribute of 33 octets", with("isns devattrreg", 19, 0x21)}});
}

TEST(DesignSignatures, RpkiRtrIpaMactelnetSapAndDltNeedTheirLayouts) {
    expect_unnamed("rpki-rtr reset query", {{"version 3", with("rpki-rtr reset query", 0, 3)},
                                            {"length 12", with("rpki-rtr reset query", 7, 12)},
                                            {"a session id", with("rpki-rtr reset query", 3, 1)}});
    expect_unnamed("rpki-rtr cache answer", {{"prefix longer than its maximum", with("rpki-rtr cache answer", 17, 25)},
                                             {"flags 2", with("rpki-rtr cache answer", 16, 2)}});
    expect_unnamed("ipa ccm id get", {{"a tag request of length 2", with("ipa ccm id get", 4, 2)},
                                      {"SCCP's stream only", with("ipa ccm id get", 2, 0xfd)}});
    expect_unnamed("ipa osmo ctrl", {{"verb GOT", with("ipa osmo ctrl", 5, 'O')},
                                     {"an id not a number", with("ipa osmo ctrl", 9, 'x')}});
    // a session start is the bare 22-octet header (client type 0015, counter 0): too little to name
    EXPECT_EQ(name_of(hex("0100 020000000001 020000000002 0015 2a2a 00000000"), Transport::Udp, Sender::Client), "");
    // nor is a data packet's header without a control packet
    EXPECT_EQ(name_of(hex("0101 020000000001 020000000002 0015 2a2a 00000000"), Transport::Udp, Sender::Client), "");
    expect_unnamed("mactelnet begin auth", {{"control type 8", with("mactelnet begin auth", 26, 8)},
                                            {"magic 57", with("mactelnet begin auth", 22, 0x57)}});
    expect_unnamed("sap announcement", {{"version 2", with("sap announcement", 0, 0x40)},
                                        {"encrypted", with("sap announcement", 0, 0x22)},
                                        {"SDP v=1", with("sap announcement", 26, '1')}});
    expect_unnamed("dlt messages", {{"header version 2", with("dlt messages", 0, 0x55)},
                                    {"length + 1", bumped("dlt messages", 3, 1)},
                                    {"an application id with a control octet", with("dlt messages", 14, 1)},
                                    {"message type 5", with("dlt messages", 12, 0x4b)}});
}

TEST(DesignSignatures, EnetAndTetrinetNeedTheirShapes) {
    expect_unnamed("enet connect", {{"MTU 120", with("enet connect", 14, 0)},
                                    {"window 32769", with("enet connect", 19, 1)},
                                    {"no channel", with("enet connect", 23, 0)},
                                    {"command 13", with("enet connect", 4, 0x8d)}});
    expect_unnamed("enet verify connect", {{"259 channels", with("enet verify connect", 30, 1)}});
    expect_unnamed("raknet unconnected ping", {{"the magic's last octet 79", with("raknet unconnected ping", 24, 0x79)},
                                               {"one octet more", longer("raknet unconnected ping")}});
    expect_unnamed("raknet unconnected pong", {{"a string length + 1", bumped("raknet unconnected pong", 34, 1)}});
    expect_unnamed("tetrinet login", {{"another octet in the key's span", with("tetrinet login", 4, 'C')},
                                      {"not hex", with("tetrinet login", 5, 'G')},
                                      {"no FF", cut("tetrinet login", size_of_case("tetrinet login") - 1)}});
    // hex digits and FF that are not a TetriNET login: the key they give is not made of digits
    EXPECT_EQ(name_of(raw("00112233445566778899AABBCCDDEEFF\xff"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("tetrinet server",
                   {{"playernumx", with("tetrinet server", 9, 'x')},
                    {"not ended by FF", cut("tetrinet server", size_of_case("tetrinet server") - 1)}});
}

TEST(DesignSignatures, CommunityServicesNeedTheirGrammar) {
    expect_unnamed("lyskom client",
                   {{"a Hollerith count of 6", with("lyskom client", 1, '6')}, {"B", with("lyskom client", 0, 'B')}});
    expect_unnamed("lyskom server", {{"LysKOM!", with("lyskom server", 6, '!')}});
    expect_unnamed("poolcounter acquire", {{"ACQ4MX", with("poolcounter acquire", 5, 'X')},
                                           {"workers not a number", with("poolcounter acquire", 20, 'x')}});
    EXPECT_EQ(name_of(raw("RELEASE\n"), Transport::Tcp, Sender::Client), "");  // one word is no evidence
    expect_unnamed("sysrqd prompt", {{"no space", cut("sysrqd prompt", 16)}});
    expect_unnamed("poppassd greeting", {{"poppassdx", with("poppassd greeting", 12, 'x')},
                                         {"code 201", with("poppassd greeting", 2, '1')}});
    // readings of ASCII letters only, or kana with two letters after, are no SKK evidence
    EXPECT_EQ(name_of(raw("1abc "), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("1\xa4\xab"
                          "ab "),
                      Transport::Tcp, Sender::Client),
              "");
    expect_unnamed("skk request", {{"no space", cut("skk request", size_of_case("skk request") - 1)}});
    EXPECT_EQ(name_of(raw("1//\n"), Transport::Tcp, Sender::Server), "");
    expect_unnamed("skk answer", {{"no last slash", with("skk answer", size_of_case("skk answer") - 2, 'x')}});
    expect_unnamed("syncplay hello", {{"Hellp", with("syncplay hello", 6, 'p')}});
    EXPECT_EQ(name_of(raw("{\"Hello\": {\"room\": {\"name\": \"x\"}}}\r\n"), Transport::Tcp, Sender::Client), "");
    expect_unnamed("indi get properties", {{"version 2.7", with("indi get properties", 24, '2')}});
    expect_unnamed("indi def switch", {{"no device", with("indi def switch", 22, 'f')}});
    expect_unnamed("boinc request", {{"no 03", cut("boinc request", size_of_case("boinc request") - 1)},
                                     {"another root", with("boinc request", 5, 'X')}});
    expect_unnamed("pioneers meta greeting", {{"version x.3", with("pioneers meta greeting", 44, 'x')}});
    expect_unnamed("swank client", {{"a length one less", with("swank client", 5, 'a')},
                                    {":emacs-rox", with("swank client", 15, 'o')},
                                    {"unbalanced", with("swank client", size_of_case("swank client") - 1, ' ')}});
    expect_unnamed("swank server", {{":retorn", with("swank server", 11, 'o')}});
}

// The census named these before the rows were final (seed 7): each shape is now refused.
TEST(DesignSignatures, CensusFindsOfTheFresh7Rows) {
    // a lone RPKI-RTR cache response or serial notify: 8-12 octets of small numbers (mutated DSI, Firebird)
    EXPECT_EQ(name_of(hex("0003000200000008"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("000000010000000c00000003"), Transport::Tcp, Sender::Server), "");
    // DLT headers whose only evidence is printable ids (mutated STUN, NBSS): no verbose arguments, no control
    EXPECT_EQ(name_of(hex("2c01001021386e6427b2716fc933f3d4"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("2300000e 20 46 44454646 43474546"), Transport::Tcp, Sender::Server), "");
    // a MAC-Telnet header with zero MAC addresses (a mutated RIP request)
    EXPECT_EQ(name_of(hex("01020000000000000000000000000015000000000000"), Transport::Udp, Sender::Client), "");
    // TetriNET's field update word with any text (a mutated QMP command)
    EXPECT_EQ(name_of(raw("f \"execute\": \"qmp\xdd"
                          "capabiliti\x9e\xff"),
                      Transport::Tcp, Sender::Server),
              "");
}

// From fresh7's recordings, after its one measurement: sqlgrey's client pipelines its policy requests.
TEST(DesignSignatures, PipelinedPolicyRequestsAndAnswers) {
    const std::string request =
        "request=smtpd_access_policy\nprotocol_state=RCPT\nclient_address=192.0.2.10\nsender=a@example.invalid\n\n";
    EXPECT_EQ(name_of(raw(request + request + request), Transport::Tcp, Sender::Client), "Postfix policy");
    EXPECT_EQ(name_of(raw("action=DUNNO\n\naction=defer_if_permit greylisted\n\n"), Transport::Tcp, Sender::Server),
              "Postfix policy");
    // a block that is not a request, an empty block, a block without its empty line
    EXPECT_EQ(name_of(raw(request + "sender=x\n\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw(request + "\n\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw(request + request.substr(0, request.size() - 1)), Transport::Tcp, Sender::Client), "");
}

// From fresh7's recordings, after its one measurement: Z39.50's Initialize PDUs.
TEST(DesignSignatures, Z3950InitNeedsItsFields) {
    expect_unnamed("z3950 init request", {{"a searchRequest's tag", with("z3950 init request", 0, 0xb6)},
                                          {"length + 1", bumped("z3950 init request", 1, 1)},
                                          {"no protocolVersion (tag 2)", with("z3950 init request", 2, 0x82)}});
    expect_unnamed("z3950 init response", {{"no result (tag 13)", with("z3950 init response", 23, 0x8d)}});
}

// From fresh7's recordings, after its one measurement: lbcd's load report; its 8-octet request is no evidence.
TEST(DesignSignatures, LbcdReplyNeedsItsRanges) {
    expect_unnamed("lbcd reply", {{"status 2", with("lbcd reply", 7, 2)},
                                  {"booted after now", with("lbcd reply", 8, 0x7b)},
                                  {"/tmp 200 % full", with("lbcd reply", 32, 200)},
                                  {"one weight pair too many announced", with("lbcd reply", 35, 1)}});
    EXPECT_EQ(name_of(hex("0003000000010000"), Transport::Udp, Sender::Client), "");
}

// A list request (no data) with a status set: a mutated Dask handshake in a smaller census (seed 7); a request
// carries no status.
TEST(DesignSignatures, EnipListRequestHasNoStatus) {
    EXPECT_EQ(name_of(hex("6400000000000000010000000000a6002a00000000000000"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("6400000000000000000000000000a6002a00000000000000"), Transport::Tcp, Sender::Client),
              "EtherNet/IP");
}
