// SPDX-License-Identifier: GPL-2.0-or-later
// The binary, length-framed rows (framed_signatures.cpp): each real case of
// signature_cases.hpp with one length or field made wrong (off by one, a
// wrong magic, a value out of its range) is named by no row.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "builder.hpp"
#include "case_mutations.hpp"
#include "signature_cases.hpp"
#include "core/ghostports/signatures.hpp"

using ghostports::Sender;
using ghostports::Transport;
using rescap::test::Bytes;
using rescap::test::hex;
using rescap::test::raw;
using rescap::test::operator+;

using namespace rescap::test::mutation;

TEST(FramedSignatures, SmbNeedsItsNbssLengthAndHeader) {
    expect_unnamed("smb1 negotiate", {{"NBSS length + 1", bumped("smb1 negotiate", 3, 1)},
                                      {"NBSS length - 1", bumped("smb1 negotiate", 3, -1)},
                                      {"NBSS reserved flag bit", with("smb1 negotiate", 1, 0x02)},
                                      {"NBSS type 1", with("smb1 negotiate", 0, 0x01)},
                                      {"magic \\xffSMC", with("smb1 negotiate", 7, 'C')},
                                      {"WordCount 1", with("smb1 negotiate", 36, 1)},
                                      {"ByteCount + 1", bumped("smb1 negotiate", 37, 1)},
                                      {"an octet more", longer("smb1 negotiate")}});
    expect_unnamed("smb2 negotiate", {{"NBSS length + 1", bumped("smb2 negotiate", 3, 1)},
                                      {"StructureSize 65", with("smb2 negotiate", 8, 65)},
                                      {"command 0x13", with("smb2 negotiate", 16, 0x13)},
                                      {"body size 35", with("smb2 negotiate", 68, 35)},
                                      {"a response's flag on a request body", with("smb2 negotiate", 20, 0x01)},
                                      {"NextCommand 4", with("smb2 negotiate", 24, 4)},
                                      {"magic \\xfcSMB", with("smb2 negotiate", 4, 0xfc)}});
    expect_unnamed("nbss session request", {{"length + 1", bumped("nbss session request", 3, 1)},
                                            {"name length 33", with("nbss session request", 4, 33)},
                                            {"name octet Q", with("nbss session request", 5, 'Q')},
                                            {"an octet more", longer("nbss session request")}});
    // RFC 1002 4.3.3's positive response alone is four octets: no evidence.
    EXPECT_EQ(name_of(Bytes{0x82, 0, 0, 0}, Transport::Tcp, Sender::Server), "");
}

TEST(FramedSignatures, SmbTransformNeedsItsOriginalSize) {
    Bytes transform = Bytes{0xfd, 'S', 'M', 'B'} + Bytes(32, 0x5a) + Bytes{100, 0, 0, 0, 0, 0, 1, 0} + Bytes(8, 0x11) +
                      Bytes(100, 0x77);
    const Bytes framed = Bytes{0, 0, 0, static_cast<std::uint8_t>(transform.size())} + transform;
    EXPECT_EQ(name_of(framed, Transport::Tcp, Sender::Client), "SMB2");
    Bytes wrong = framed;
    wrong[4 + 36] = 99;  // OriginalMessageSize - 1
    EXPECT_EQ(name_of(wrong, Transport::Tcp, Sender::Client), "");
    wrong = framed;
    wrong[4 + 42] = 2;  // Flags other than "encrypted"
    EXPECT_EQ(name_of(wrong, Transport::Tcp, Sender::Client), "");
}

TEST(FramedSignatures, KerberosNeedsDerLengthsPvnoAndItsType) {
    const Bytes error = the_case("kerberos error").payload;
    expect_unnamed("kerberos as-req udp", {{"pvno 4", with("kerberos as-req udp", 10, 4)},
                                           {"msg-type 11 in an AS-REQ", with("kerberos as-req udp", 15, 11)},
                                           {"AS-REP tag on a KDC-REQ layout", with("kerberos as-req udp", 0, 0x6b)},
                                           {"outer length + 1", bumped("kerberos as-req udp", 2, 1)},
                                           {"an octet more", longer("kerberos as-req udp")}});
    expect_unnamed("kerberos as-req tcp", {{"TCP length + 1", bumped("kerberos as-req tcp", 3, 1)},
                                           {"TCP length - 1", bumped("kerberos as-req tcp", 3, -1)}});
    expect_unnamed("kerberos error",
                   {{"non-minimal DER length", Bytes{0x7e, 0x81} + Bytes(error.begin() + 1, error.end())},
                    {"fields out of order ([5] as [3])", with("kerberos error", 33, 0xa3)},
                    {"only pvno and msg-type", hex("7e0c300aa003020105a10302011e")}});
    // A bare AS-REQ over TCP lacks its length prefix.
    EXPECT_EQ(name_of(the_case("kerberos as-req udp").payload, Transport::Tcp, Sender::Client), "");
}

TEST(FramedSignatures, RadiusNeedsItsLengthAttributesAndWhatTheCodeRequires) {
    const Bytes request = the_case("radius access-request").payload;
    // The RFC 2865 7.1 request without NAS-IP-Address: no NAS identity.
    Bytes no_nas(request.begin(), request.begin() + 44);
    no_nas.insert(no_nas.end(), request.begin() + 50, request.end());
    no_nas[3] = static_cast<std::uint8_t>(no_nas.size());
    expect_unnamed("radius access-request", {{"length + 1", bumped("radius access-request", 3, 1)},
                                             {"length - 1", bumped("radius access-request", 3, -1)},
                                             {"code 6", with("radius access-request", 0, 6)},
                                             {"NAS-Port length 7", with("radius access-request", 51, 7)},
                                             {"attribute type 0", with("radius access-request", 20, 0)},
                                             {"no NAS identity", no_nas},
                                             {"User-Password of 15 octets", bumped("radius access-request", 27, -1)},
                                             {"CHAP-Password of 16 octets", with("radius access-request", 26, 3)},
                                             // RFC 2865 5.44 (PTP Announce / Management mutants, the census)
                                             {"a password in an Access-Accept", with("radius access-request", 0, 2)}});
    expect_unnamed("radius access-accept", {{"Service-Type length 5", with("radius access-accept", 21, 5)},
                                            // RFC 2865 5.44: Service-Type is not an Access-Reject's / -Challenge's
                                            {"an Access-Reject with Service-Type", with("radius access-accept", 0, 3)},
                                            {"an Access-Challenge with it", with("radius access-accept", 0, 11)},
                                            {"Status-Client (13)", with("radius access-accept", 0, 13)},
                                            {"attribute length 2", with("radius access-accept", 21, 2)},
                                            {"an octet more", longer("radius access-accept")}});
}

TEST(FramedSignatures, Http2NeedsThePrefaceAndASettingsFrame) {
    expect_unnamed("http2 preface", {{"preface typo", with("http2 preface", 4, 'X')},
                                     {"SETTINGS length 17", with("http2 preface", 26, 17)},
                                     {"ENABLE_PUSH 2", with("http2 preface", 50, 2)},
                                     {"setting id 0", with("http2 preface", 34, 0)},
                                     {"SETTINGS on stream 1", with("http2 preface", 32, 1)},
                                     {"a PING first", with("http2 preface", 27, 6)},
                                     {"SETTINGS length + 1 (runs over)", bumped("http2 preface", 26, 6)}});
    expect_unnamed("http2 server settings",
                   {{"a PING first", with("http2 server settings", 3, 6)},
                    {"a SETTINGS ACK first", with("http2 server settings", 4, 1)},
                    {"MAX_FRAME_SIZE 100", hex("000006040000000000000500000064")},
                    {"only an unassigned setting", hex("00000604000000000000fe0300000001")},
                    {"an empty SETTINGS", hex("000000040000000000")},
                    {"a cut second frame header", the_case("http2 server settings").payload + Bytes{0x00, 0x00}}});
}

TEST(FramedSignatures, Http2IgnoresUnassignedSettingsAsTheRfcSays) {
    // gRPC C-core's GRPC_ALLOW_TRUE_BINARY_METADATA (0xFE03) next to MAX_CONCURRENT_STREAMS; an empty SETTINGS
    // after the client's preface.
    EXPECT_EQ(name_of(hex("00000c040000000000000300000064fe0300000001"), Transport::Tcp, Sender::Server), "HTTP/2");
    EXPECT_EQ(
        name_of(raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") + hex("000000040000000000"), Transport::Tcp, Sender::Client),
        "HTTP/2");
}

TEST(FramedSignatures, ModbusNeedsMbapAndTheFunctionsLayout) {
    expect_unnamed("modbus read", {{"protocol id 1", with("modbus read", 3, 1)},
                                   {"length + 1", bumped("modbus read", 5, 1)},
                                   {"length - 1", bumped("modbus read", 5, -1)},
                                   {"quantity 0", with("modbus read", 11, 0)},
                                   {"quantity 126", with("modbus read", 11, 126)},
                                   {"function 0x41", with("modbus read", 7, 0x41)}});
    expect_unnamed("modbus read response", {{"byte count 15", with("modbus read response", 8, 15)},
                                            {"byte count 17", with("modbus read response", 8, 17)}});
    EXPECT_EQ(name_of(hex("000100000003018302"), Transport::Tcp, Sender::Server), "Modbus/TCP");
    EXPECT_EQ(name_of(hex("000100000003018307"), Transport::Tcp, Sender::Server), "");  // exception code 7
}

TEST(FramedSignatures, BgpNeedsMarkerLengthTypeAndAnOpenThatFits) {
    expect_unnamed("bgp open", {{"marker octet 0xFE", with("bgp open", 5, 0xfe)},
                                {"OPEN length + 1", bumped("bgp open", 17, 1)},
                                {"type 6", with("bgp open", 18, 6)},
                                {"version 3", with("bgp open", 19, 3)},
                                {"hold time 2", with("bgp open", 23, 2)},
                                {"optional parameters length + 1", bumped("bgp open", 28, 1)},
                                {"a cut KEEPALIVE",
                                 Bytes(the_case("bgp open").payload.begin(), the_case("bgp open").payload.end() - 1)}});
    EXPECT_EQ(name_of(Bytes(16, 0xff) + Bytes{0x00, 0x13, 0x04}, Transport::Tcp, Sender::Server), "BGP");
    EXPECT_EQ(name_of(Bytes(16, 0xff) + Bytes{0x00, 0x14, 0x04, 0x00}, Transport::Tcp, Sender::Server), "");
}

TEST(FramedSignatures, RdpNeedsTpktX224AndRdpsOwnData) {
    expect_unnamed("rdp connection request", {{"TPKT version 2", with("rdp connection request", 0, 2)},
                                              {"TPKT length + 1", bumped("rdp connection request", 3, 1)},
                                              {"LI + 1", bumped("rdp connection request", 4, 1)},
                                              {"TPDU code 0xE1", with("rdp connection request", 5, 0xe1)},
                                              {"cookie without CR LF", with("rdp connection request", 37, 'x')},
                                              {"RDP_NEG_REQ length 9", with("rdp connection request", 40, 9)},
                                              {"requested protocol 0x20", with("rdp connection request", 42, 0x20)}});
    // A bare X.224 CR / CC is any ISO transport's (S7comm, MMS...): not RDP.
    EXPECT_EQ(name_of(hex("0300000b06e00000000000"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("0300000b06d00000123400"), Transport::Tcp, Sender::Server), "");
    expect_unnamed("rdp connection confirm", {{"two selected protocols", with("rdp connection confirm", 15, 3)},
                                              {"RDP_NEG_RSP length 9", with("rdp connection confirm", 13, 9)}});
    EXPECT_EQ(name_of(hex("030000130ed00000123400030008000500000000"), Transport::Tcp, Sender::Server),
              "");  // an octet more
    EXPECT_EQ(name_of(hex("030000130ed000001234000300080005000000"), Transport::Tcp, Sender::Server), "RDP");
    EXPECT_EQ(name_of(hex("030000130ed000001234000300080007000000"), Transport::Tcp, Sender::Server), "");
}

TEST(FramedSignatures, S7commNeedsTpktDtAndItsLengths) {
    expect_unnamed("s7comm setup", {{"TPKT length + 1", bumped("s7comm setup", 3, 1)},
                                    {"COTP code 0xE0", with("s7comm setup", 5, 0xe0)},
                                    {"protocol id 0x72", with("s7comm setup", 7, 0x72)},
                                    {"ROSCTR 4", with("s7comm setup", 8, 4)},
                                    {"parameter length 9", with("s7comm setup", 14, 9)},
                                    {"function 0xF1", with("s7comm setup", 17, 0xf1)}});
    expect_unnamed("s7comm read", {{"two items in one item's length", with("s7comm read", 18, 2)}});
    // A bare X.224 DT of another ISO application is not S7comm.
    EXPECT_EQ(name_of(hex("0300000a02f080a10000"), Transport::Tcp, Sender::Client), "");
}

TEST(FramedSignatures, AmqpNeedsTheWholeHeaderOrAStartFrameThatFits) {
    const Bytes start = the_case("amqp connection.start").payload;
    expect_unnamed("amqp header",
                   {{"version 0-9-2", with("amqp header", 7, 2)}, {"an octet more", longer("amqp header")}});
    expect_unnamed("amqp connection.start", {{"frame-end 0xCF", with("amqp connection.start", start.size() - 1, 0xcf)},
                                             {"size + 1", bumped("amqp connection.start", 6, 1)},
                                             {"class 20", with("amqp connection.start", 8, 20)},
                                             {"table length + 1", bumped("amqp connection.start", 16, 1)}});
}

TEST(FramedSignatures, CollectdNeedsPartsThatTileWithHostAndTime) {
    const Bytes datagram = the_case("collectd").payload;
    expect_unnamed("collectd", {{"host part length + 1", bumped("collectd", 3, 1)},
                                {"part type 0x000a", with("collectd", 1, 0x0a)},
                                {"no host part", Bytes(datagram.begin() + 13, datagram.end())},
                                {"time part length 11", with("collectd", 16, 11)},
                                {"an octet more", longer("collectd")}});
}

TEST(FramedSignatures, SaneGearmanNbdNeedTheirFields) {
    expect_unnamed("sane init", {{"opcode 1", with("sane init", 3, 1)},
                                 {"major version 2", with("sane init", 4, 2)},
                                 {"network protocol 2", with("sane init", 7, 2)},
                                 {"user name length 1, no octet", with("sane init", 11, 1)}});
    EXPECT_EQ(name_of(hex("00000000010100030000000462"
                          "6f6200"),
                      Transport::Tcp, Sender::Client),
              "SANE");
    EXPECT_EQ(name_of(hex("00000000010100030000000462"
                          "6f6278"),
                      Transport::Tcp, Sender::Client),
              "");  // no NUL
    expect_unnamed("gearman can_do", {{"magic \\0REX", with("gearman can_do", 3, 'X')},
                                      {"type 0", with("gearman can_do", 7, 0)},
                                      {"type 43", with("gearman can_do", 7, 43)},
                                      {"size + 1", bumped("gearman can_do", 11, 1)},
                                      {"size - 1", bumped("gearman can_do", 11, -1)}});
    expect_unnamed("gearman no_job", {{"NO_JOB with data", with("gearman no_job", 11, 1) + Bytes{'x'}}});
    expect_unnamed("nbd greeting", {{"NBDMAGIX", with("nbd greeting", 7, 'X')},
                                    {"handshake flag 4", with("nbd greeting", 17, 4)},
                                    {"an octet more", longer("nbd greeting")}});
    expect_unnamed("nbd opt_go", {{"option 11", with("nbd opt_go", 15, 11)},
                                  {"data length + 1", bumped("nbd opt_go", 19, 1)},
                                  {"data length - 1", bumped("nbd opt_go", 19, -1)},
                                  {"client flag 4", with("nbd opt_go", 3, 4)}});
}

TEST(FramedSignatures, DtlsDhcpIkeNeedTheirLengthsAndMagic) {
    expect_unnamed("dtls client hello", {{"version 0xFEFE", with("dtls client hello", 2, 0xfe)},
                                         {"fragment offset 1", with("dtls client hello", 21, 1)},
                                         {"record length + 1", bumped("dtls client hello", 12, 1)},
                                         {"session id 33", with("dtls client hello", 59, 33)},
                                         {"epoch 1", with("dtls client hello", 4, 1)}});
    const Bytes discover = the_case("dhcp discover").payload;
    expect_unnamed("dhcp discover", {{"magic cookie", with("dhcp discover", 236, 0x64)},
                                     {"op 3", with("dhcp discover", 0, 3)},
                                     {"message type 0", with("dhcp discover", 242, 0)},
                                     {"no END", Bytes(discover.begin(), discover.end() - 9)}});
    expect_unnamed("ike sa_init", {{"length + 1", bumped("ike sa_init", 27, 1)},
                                   {"version 3.0", with("ike sa_init", 17, 0x30)},
                                   {"exchange 33", with("ike sa_init", 18, 33)},
                                   {"SA payload length + 1", bumped("ike sa_init", 31, 1)},
                                   {"first payload type 99", with("ike sa_init", 16, 99)}});
}

TEST(FramedSignatures, PptpTdsMongoDnp3NeedTheirLengthsAndChecks) {
    expect_unnamed("pptp sccrq", {{"magic cookie", with("pptp sccrq", 4, 0x1b)},
                                  {"length 155", with("pptp sccrq", 1, 155)},
                                  {"control type 16", with("pptp sccrq", 9, 16)},
                                  {"control type 3 at SCCRQ's length", with("pptp sccrq", 9, 3)}});
    expect_unnamed("tds prelogin", {{"length + 1", bumped("tds prelogin", 3, 1)},
                                    {"packet type 0x11", with("tds prelogin", 0, 0x11)},
                                    {"VERSION length 5", with("tds prelogin", 12, 5)},
                                    {"ENCRYPTION offset past the end", with("tds prelogin", 15, 0x40)},
                                    {"tokens out of order", with("tds prelogin", 13, 0x03)}});
    expect_unnamed("mongodb hello", {{"messageLength + 1", bumped("mongodb hello", 0, 1)},
                                     {"opCode 2012", bumped("mongodb hello", 12, -1)},
                                     {"document length + 1", bumped("mongodb hello", 21, 1)},
                                     {"flag bit 2", with("mongodb hello", 16, 4)}});
    const Bytes read = the_case("dnp3 read").payload;
    expect_unnamed("dnp3 link status", {{"header CRC", bumped("dnp3 link status", 8, 1)},
                                        {"start 05 65", with("dnp3 link status", 1, 0x65)},
                                        {"length 6", with("dnp3 link status", 2, 6)}});
    expect_unnamed("dnp3 read", {{"data block CRC", bumped("dnp3 read", read.size() - 1, 1)},
                                 {"a cut block", Bytes(read.begin(), read.end() - 3)}});
}

// --- services of nmap's most frequent ports (doc/coverage.md) ---

TEST(FramedSignatures, DceRpcNeedsVersionDrepAndLengthsThatFit) {
    expect_unnamed("dce bind", {{"frag_length + 1", bumped("dce bind", 8, 1)},
                                {"version 4", with("dce bind", 0, 4)},
                                {"minor version 2", with("dce bind", 1, 2)},
                                {"integer representation 2", with("dce bind", 4, 0x20)},
                                {"two contexts announced, one sent", with("dce bind", 24, 2)},
                                {"max_xmit_frag 952", with("dce bind", 17, 0x03)},
                                {"not the first fragment", with("dce bind", 3, 0x02)},
                                {"an octet more", longer("dce bind")},
                                {"cut", cut("dce bind", 60)}});
    expect_unnamed("dce bind_ack", {{"result 4", with("dce bind_ack", 36, 4)},
                                    {"secondary address length 5", with("dce bind_ack", 24, 5)},
                                    {"frag_length - 1", bumped("dce bind_ack", 8, -1)}});
    expect_unnamed("dce cl request", {{"version 5", with("dce cl request", 0, 5)},
                                      {"type 11", with("dce cl request", 1, 11)},
                                      {"fragment length + 1", bumped("dce cl request", 74, 1)},
                                      {"activity UUID of the NCS variant", with("dce cl request", 48, 0x01)},
                                      {"floating point 4", with("dce cl request", 5, 4)}});
}

TEST(FramedSignatures, H225NeedsTpktQ931AndItsUserUserElement) {
    expect_unnamed("h225 release complete", {{"TPKT length + 1", bumped("h225 release complete", 3, 1)},
                                             {"discriminator 9", with("h225 release complete", 4, 0x09)},
                                             {"1-octet call reference", with("h225 release complete", 5, 1)},
                                             {"message type 0x04", with("h225 release complete", 8, 0x04)},
                                             {"User-user length + 1", bumped("h225 release complete", 11, 1)},
                                             {"User-user discriminator 4", with("h225 release complete", 12, 0x04)},
                                             {"no User-user (a Display IE)", with("h225 release complete", 9, 0x28)},
                                             {"an octet more", longer("h225 release complete")}});
}

TEST(FramedSignatures, DsiNeedsItsHeaderAndEachCommandsData) {
    expect_unnamed("dsi open session", {{"flags 2", with("dsi open session", 0, 2)},
                                        {"command 7", with("dsi open session", 1, 7)},
                                        {"reserved not zero", with("dsi open session", 15, 1)},
                                        {"data length + 1", bumped("dsi open session", 11, 1)},
                                        {"option length 5", with("dsi open session", 17, 5)},
                                        {"error field in a request", with("dsi open session", 7, 1)}});
    expect_unnamed("dsi get status",
                   {{"not FPGetSrvrInfo", with("dsi get status", 16, 0x10)}, {"cut", cut("dsi get status", 17)}});
    // A header alone (GetStatus without FPGetSrvrInfo; Tickle): 16 octets, mostly zero, not named
    EXPECT_EQ(name_of(hex("0003002d000000000000000000000000"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("00050001000000000000000000000000"), Transport::Tcp, Sender::Client), "");
}

TEST(FramedSignatures, X11NeedsByteOrderVersionAndLengths) {
    expect_unnamed("x11 setup", {{"byte order 'L'", with("x11 setup", 0, 'L')},
                                 {"unused octet 1", with("x11 setup", 1, 1)},
                                 {"protocol 12", with("x11 setup", 2, 12)},
                                 {"protocol 11.1", with("x11 setup", 4, 1)},
                                 {"an octet more", longer("x11 setup")}});
    expect_unnamed("x11 setup cookie", {{"name length + 1", bumped("x11 setup cookie", 6, 1)},
                                        {"data length + 4", bumped("x11 setup cookie", 8, 4)},
                                        {"cut", cut("x11 setup cookie", 40)}});
    // The same request from a big-endian client.
    EXPECT_EQ(name_of(hex("42 00 000b 0000 0000 0000 0000"), Transport::Tcp, Sender::Client), "X11");
    EXPECT_EQ(name_of(hex("42 00 0b00 0000 0000 0000 0000"), Transport::Tcp, Sender::Client), "");
}

TEST(FramedSignatures, SmuxNeedsAWholeOpenPdu) {
    const Bytes open = the_case("smux open").payload;
    expect_unnamed("smux open", {{"version 1", with("smux open", 4, 1)},
                                 {"OpenPDU length + 1", bumped("smux open", 1, 1)},
                                 {"description length + 1", bumped("smux open", 16, 1)},
                                 {"operation 3", with("smux open", open.size() - 1, 3)},
                                 {"an octet more", longer("smux open")}});
    // net-snmp writes its lengths in the long form: still the same PDU.
    const Bytes long_form = Bytes{0x60, 0x82, 0x00, 0x1f} + Bytes(open.begin() + 2, open.begin() + 33);
    EXPECT_EQ(name_of(long_form, Transport::Tcp, Sender::Client), "SMUX");
}

TEST(FramedSignatures, Ajp13NeedsMagicLengthAndAWholeRequest) {
    const Bytes request = the_case("ajp13 forward request").payload;
    expect_unnamed("ajp13 forward request",
                   {{"magic 0x1235", with("ajp13 forward request", 1, 0x35)},
                    {"length + 1", bumped("ajp13 forward request", 3, 1)},
                    {"method 0", with("ajp13 forward request", 5, 0)},
                    {"no request terminator", with("ajp13 forward request", request.size() - 1, 0xfe)},
                    {"protocol string length + 1", bumped("ajp13 forward request", 7, 1)}});
    expect_unnamed("ajp13 cping",
                   {{"prefix 11", with("ajp13 cping", 4, 11)}, {"an octet more", longer("ajp13 cping")}});
    expect_unnamed("ajp13 headers", {{"\"AC\"", with("ajp13 headers", 1, 'C')},
                                     {"status 712", with("ajp13 headers", 5, 0x02)},
                                     {"end response reuse 2", with("ajp13 headers", 33, 2)}});
}

TEST(FramedSignatures, NetbiosNeedsCountsNamesAndTypes) {
    expect_unnamed("nbns query", {{"opcode 3", with("nbns query", 2, 0x19)},
                                  {"name length 31", with("nbns query", 12, 31)},
                                  {"type 0x2920 (no DNS type either)", with("nbns query", 46, 0x29)},
                                  {"class 2", with("nbns query", 49, 2)},
                                  {"two questions", with("nbns query", 5, 2)},
                                  {"an octet more", longer("nbns query")}});
    expect_unnamed("nbns answer", {{"RDLENGTH 7", with("nbns answer", 55, 7)}});
    // Nor is it DNS: one 32-octet label is a NetBIOS name, whatever is wrong with it.
    EXPECT_EQ(name_of(with("nbns query", 13, 'Q'), Transport::Udp, Sender::Client), "");
    EXPECT_EQ(name_of(with("nbns query", 47, 0x22), Transport::Udp, Sender::Client), "");
    expect_unnamed("nbdgm direct group", {{"type 0x17", with("nbdgm direct group", 0, 0x17)},
                                          {"reserved flag", with("nbdgm direct group", 1, 0x12)},
                                          {"length + 1", bumped("nbdgm direct group", 11, 1)},
                                          {"a later fragment", with("nbdgm direct group", 13, 1)},
                                          {"not SMB", with("nbdgm direct group", 82, 0xfe)}});
}

TEST(FramedSignatures, NatTIkeL2tpNeedMarkerAndLengths) {
    expect_unnamed("ike nat-t auth", {{"marker 00000001", with("ike nat-t auth", 3, 1)},
                                      {"IKE length + 1", bumped("ike nat-t auth", 4 + 27, 1)},
                                      {"Encrypted payload length - 1", bumped("ike nat-t auth", 4 + 31, -1)}});
    // Without the marker it is plain IKE, named by the ike row.
    const Bytes natt = the_case("ike nat-t auth").payload;
    const auto *row = ghostports::match_signature(Bytes(natt.begin() + 4, natt.end()), Transport::Udp, Sender::Client);
    ASSERT_NE(row, nullptr);
    EXPECT_STREQ(row->id, "ike");
    expect_unnamed("l2tp sccrq", {{"length + 1", bumped("l2tp sccrq", 3, 1)},
                                  {"a data message (T clear)", with("l2tp sccrq", 0, 0x48)},
                                  {"Message Type without M", with("l2tp sccrq", 12, 0x00)},
                                  {"message type 17", with("l2tp sccrq", 19, 17)},
                                  {"an AVP of length 5", with("l2tp sccrq", 80, 5)},
                                  {"an octet more", longer("l2tp sccrq")}});
}

TEST(FramedSignatures, SlpLdpNeedTheirHeadersAndFields) {
    expect_unnamed("slp srvrqst", {{"version 1", with("slp srvrqst", 0, 1)},
                                   {"function 12", with("slp srvrqst", 1, 12)},
                                   {"length + 1", bumped("slp srvrqst", 4, 1)},
                                   {"reserved flag", with("slp srvrqst", 6, 1)},
                                   {"an extension", with("slp srvrqst", 9, 1)},
                                   {"no language tag", with("slp srvrqst", 13, 0)},
                                   {"service type length + 1", bumped("slp srvrqst", 19, 1)}});
    expect_unnamed("slp srvrply", {{"two URL entries announced", with("slp srvrply", 19, 2)}});
    expect_unnamed("ldp hello", {{"version 2", with("ldp hello", 1, 2)},
                                 {"PDU length + 1", bumped("ldp hello", 3, 1)},
                                 {"message type 0x0102", with("ldp hello", 11, 0x02)},
                                 {"message length + 1", bumped("ldp hello", 13, 1)},
                                 {"TLV length + 1", bumped("ldp hello", 21, 1)},
                                 {"an octet more", longer("ldp hello")}});
}

TEST(FramedSignatures, NrpeNeedsItsCrc) {
    expect_unnamed("nrpe v4 query", {{"CRC bit", with("nrpe v4 query", 7, 0x35)},
                                     {"version 5", with("nrpe v4 query", 1, 5)},
                                     {"type 3", with("nrpe v4 query", 3, 3)},
                                     {"cut", cut("nrpe v4 query", 1035)}});
    expect_unnamed("nrpe v4 answer", {{"a changed answer octet", with("nrpe v4 answer", 16, 'u')},
                                      {"an octet more", longer("nrpe v4 answer")}});
    expect_unnamed("nrpe v2 query", {{"CRC bit", with("nrpe v2 query", 4, 0xd4)}, {"cut", cut("nrpe v2 query", 1032)}});
}

TEST(FramedSignatures, XdmcpAndRmcpNeedTheirFieldsAndChecksums) {
    expect_unnamed("xdmcp query", {{"version 2", with("xdmcp query", 1, 2)},
                                   {"opcode 15", with("xdmcp query", 3, 15)},
                                   {"a BroadcastQuery", with("xdmcp query", 3, 1)},
                                   {"length 2", with("xdmcp query", 5, 2)},
                                   {"an octet more", longer("xdmcp query")},
                                   {"name length + 1", bumped("xdmcp query", 8, 1)}});
    // Xvfb -query's own Query: no authentication names, 7 octets (recorded on loopback)
    EXPECT_EQ(name_of(hex("00010002000100"), Transport::Udp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("00010003000100"), Transport::Udp, Sender::Client), "");
    expect_unnamed("xdmcp willing",
                   {{"host name length + 1", bumped("xdmcp willing", 9, 1)}, {"cut", cut("xdmcp willing", 30)}});
    expect_unnamed("asf ping", {{"IANA 4543", with("asf ping", 7, 0xbf)},
                                {"RMCP version 7", with("asf ping", 0, 7)},
                                {"a ping with data", with("asf ping", 11, 1)}});
    expect_unnamed("ipmi channel auth", {{"first checksum", bumped("ipmi channel auth", 16, 1)},
                                         {"second checksum", bumped("ipmi channel auth", 22, 1)},
                                         {"message length + 1", bumped("ipmi channel auth", 13, 1)},
                                         {"authentication type 3", with("ipmi channel auth", 4, 3)}});
    expect_unnamed("rmcp+ open session", {{"privilege 6", with("rmcp+ open session", 17, 6)},
                                          {"algorithm payload length 9", with("rmcp+ open session", 27, 9)},
                                          {"payload length + 1", bumped("rmcp+ open session", 14, 1)},
                                          {"encrypted", with("rmcp+ open session", 5, 0x90)}});
}

TEST(FramedSignatures, IscsiNeedsALoginWithItsStagesAndText) {
    const Bytes login = the_case("iscsi login").payload;
    expect_unnamed("iscsi login", {{"not immediate", with("iscsi login", 0, 0x03)},
                                   {"T and C both set", with("iscsi login", 1, 0xc1)},
                                   {"NSG below CSG", with("iscsi login", 1, 0x84)},
                                   {"version 2", with("iscsi login", 2, 2)},
                                   {"an AHS", with("iscsi login", 4, 1)},
                                   {"data length + 4", bumped("iscsi login", 7, 4)},
                                   {"reserved octet", with("iscsi login", 40, 1)},
                                   {"a key without '='", with("iscsi login", 48 + 13, ':')},
                                   {"padding not zero", with("iscsi login", login.size() - 1, 'x')}});
    expect_unnamed("iscsi login response",
                   {{"status class 4", with("iscsi login response", 36, 4)}, {"cut", cut("iscsi login response", 60)}});
}

TEST(FramedSignatures, TnsNeedsItsLengthVersionAndConnectData) {
    const Bytes connect = the_case("tns connect").payload;
    expect_unnamed("tns connect", {{"length + 1", bumped("tns connect", 1, 1)},
                                   {"packet checksum", with("tns connect", 3, 1)},
                                   {"type 3", with("tns connect", 4, 3)},
                                   {"version 512", with("tns connect", 8, 0x02)},
                                   {"compatible above the version", with("tns connect", 11, 0x3a)},
                                   {"data offset + 1", bumped("tns connect", 27, 1)},
                                   {"a parenthesis left open", with("tns connect", connect.size() - 1, 'x')}});
    expect_unnamed("tns refuse", {{"data length - 1", bumped("tns refuse", 11, -1)}, {"cut", cut("tns refuse", 40)}});
}

TEST(FramedSignatures, KpasswdNeedsItsLengthsAndKerberosMessages) {
    expect_unnamed("kpasswd request", {{"message length + 1", bumped("kpasswd request", 1, 1)},
                                       {"version 2", with("kpasswd request", 3, 2)},
                                       {"AP length + 1", bumped("kpasswd request", 5, 1)},
                                       {"KRB-PRIV as KRB-SAFE", with("kpasswd request", 6 + 206, 0x74)},
                                       {"an octet more", longer("kpasswd request")}});
    expect_unnamed("kpasswd reply tcp", {{"TCP length + 1", bumped("kpasswd reply tcp", 3, 1)}});
    // The bare AP-REQ is Kerberos, named by the Kerberos rows, not kpasswd.
    const Bytes request = the_case("kpasswd request").payload;
    EXPECT_EQ(name_of(Bytes(request.begin() + 6, request.begin() + 6 + 206), Transport::Udp, Sender::Client),
              "Kerberos");
}

TEST(FramedSignatures, DrdaZookeeperZabbixNeedTheirLengthsAndFields) {
    Bytes no_timeout = the_case("zookeeper connect").payload;
    no_timeout[18] = no_timeout[19] = 0;
    expect_unnamed("drda excsat", {{"magic 0xD1", with("drda excsat", 2, 0xd1)},
                                   {"DSS length + 1", bumped("drda excsat", 1, 1)},
                                   {"DDM length + 1", bumped("drda excsat", 7, 1)},
                                   {"parameter length + 1", bumped("drda excsat", 11, 1)},
                                   {"chain bit on the last DSS", with("drda excsat", 96 + 3, 0x41)},
                                   {"an object first", with("drda excsat", 3, 0x43)},
                                   {"cut", cut("drda excsat", 96)}});
    expect_unnamed("zookeeper connect", {{"length + 1", bumped("zookeeper connect", 3, 1)},
                                         {"protocol version 1", with("zookeeper connect", 7, 1)},
                                         {"timeout 0", no_timeout},
                                         {"password length 15", with("zookeeper connect", 31, 15)},
                                         {"readOnly 2", with("zookeeper connect", 48, 2)}});
    expect_unnamed("zookeeper connected", {{"password length 17", with("zookeeper connected", 23, 17)}});
    expect_unnamed("zabbix active checks", {{"magic ZBXE", with("zabbix active checks", 3, 'E')},
                                            {"flags 2", with("zabbix active checks", 4, 2)},
                                            {"length + 1", bumped("zabbix active checks", 5, 1)},
                                            {"reserved length", with("zabbix active checks", 9, 1)},
                                            {"a control octet", with("zabbix active checks", 13, 0x01)}});
}

TEST(TelemetrySignatures, CoapNeedsRegisteredOptionsAndATextOrLocation) {
    // 41 01 aaac | token 01 | Uri-Port 15683 (72 3d43) | Uri-Path ".well-known" (4b ...) | Uri-Path "core"
    expect_unnamed("coap get well-known core", {{"version 2", with("coap get well-known core", 0, 0x81)},
                                                {"token length 9", with("coap get well-known core", 0, 0x49)},
                                                {"an ACK request", with("coap get well-known core", 0, 0x61)},
                                                {"code 0.08", with("coap get well-known core", 1, 0x08)},
                                                {"option 10 (unassigned)", with("coap get well-known core", 5, 0x33)},
                                                {"a space in the path", with("coap get well-known core", 9, ' ')},
                                                {"a path cut", cut("coap get well-known core", 22)},
                                                {"GET with a payload", longer("coap get well-known core") + Bytes{1}}});
    // 61 45 aaac | token 01 | Content-Format 40 (c1 28) | ff | link-format text
    expect_unnamed("coap link-format answer", {{"code 2.06", with("coap link-format answer", 1, 0x46)},
                                               {"a control octet in the text", with("coap link-format answer", 9, 1)},
                                               {"Content-Format 60 (CBOR)", with("coap link-format answer", 6, 60)},
                                               {"a Reset", with("coap link-format answer", 0, 0x71)},
                                               {"a marker without payload", cut("coap link-format answer", 8)}});
    // A GET of a one-character Uri-Host (a TFTP request, changed, in the census): too little
    EXPECT_EQ(name_of(hex("5001a4693165"), Transport::Udp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("5001a46933656667"), Transport::Udp, Sender::Client), "CoAP");
    // An empty acknowledgement and a 2.01 without anything: too little
    EXPECT_EQ(name_of(hex("6141341401"), Transport::Udp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("60000001"), Transport::Udp, Sender::Server), "");
    // 2.01 Created with Location-Path "a": named; an empty Location-Path, or on a 2.05: not
    EXPECT_EQ(name_of(hex("6141341401 8161"), Transport::Udp, Sender::Server), "CoAP");
    EXPECT_EQ(name_of(hex("6141341401 80"), Transport::Udp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("6145341401 8161"), Transport::Udp, Sender::Server), "");
}

TEST(TelemetrySignatures, NetflowAndIpfixNeedLengthsThatTile) {
    expect_unnamed("netflow v5", {{"version 6", with("netflow v5", 1, 6)},
                                  {"count 3", with("netflow v5", 3, 3)},
                                  {"pad1 set", with("netflow v5", 24 + 36, 1)},
                                  {"mask 33", with("netflow v5", 24 + 44, 33)},
                                  {"no packets", with("netflow v5", 24 + 19, 0)},
                                  {"an octet more", longer("netflow v5")}});
    expect_unnamed("netflow v9", {{"version 8", with("netflow v9", 1, 8)},
                                  {"set id 2 (reserved)", with("netflow v9", 21, 2)},
                                  {"set length + 1", bumped("netflow v9", 23, 1)},
                                  {"template id 255", with("netflow v9", 24, 0)},
                                  {"an octet more", longer("netflow v9")}});
    expect_unnamed("ipfix", {{"version 9", with("ipfix", 1, 9)},
                             {"message length + 1", bumped("ipfix", 3, 1)},
                             {"set id 4 (reserved)", with("ipfix", 17, 4)},
                             {"an octet more", longer("ipfix")}});
}

TEST(FramedSignatures, MemcachedBinaryNeedsItsOpcodeExtrasAndBody) {
    expect_unnamed("memcached binary getk", {{"magic 0x82", with("memcached binary getk", 0, 0x82)},
                                             {"opcode 0x25", with("memcached binary getk", 1, 0x25)},
                                             {"data type 1", with("memcached binary getk", 5, 1)},
                                             {"extras 8 on a get", with("memcached binary getk", 4, 8)},
                                             {"body + 1", bumped("memcached binary getk", 11, 1)},
                                             {"a space in the key", with("memcached binary getk", 24, ' ')}});
    expect_unnamed("memcached binary version",
                   {{"status 0x30", with("memcached binary version", 7, 0x30)},
                    {"a request's magic after a response",
                     the_case("memcached binary version").payload + the_case("memcached binary getk").payload}});
}

TEST(MessagingTextSignatures, StompNeedsCommandHeadersAndNul) {
    expect_unnamed("stomp connect", {{"lower-case command", with("stomp connect", 0, 'c')},
                                     {"no NUL", cut("stomp connect", 50)},
                                     {"a header without colon", with("stomp connect", 22, '=')},
                                     {"a control octet in a header", with("stomp connect", 10, 1)}});
    expect_unnamed("stomp send", {{"no destination", with("stomp send", 5, 'D')}});
    // content-length counts the body: the NUL must follow it
    EXPECT_EQ(name_of(raw(std::string_view("SEND\ndestination:/q\ncontent-length:3\n\na\0b\0", 42)), Transport::Tcp,
                      Sender::Client),
              "STOMP");
    EXPECT_EQ(name_of(raw(std::string_view("SEND\ndestination:/q\ncontent-length:2\n\na\0b\0", 42)), Transport::Tcp,
                      Sender::Client),
              "");
    // heart-beats between frames; a payload of heart-beats alone is no evidence
    EXPECT_EQ(name_of(the_case("stomp connected").payload + raw("\n\r\n"), Transport::Tcp, Sender::Server), "STOMP");
    EXPECT_EQ(name_of(raw("\n\n\n"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw(std::string_view("DISCONNECT\n\n\0", 13)), Transport::Tcp, Sender::Client), "");
}

TEST(MessagingTextSignatures, JsonRpcNeedsOnlyItsMembers) {
    expect_unnamed("jsonrpc 2.0 call", {{"version 2.1", with("jsonrpc 2.0 call", 15, '1')},
                                        {"a cut object", cut("jsonrpc 2.0 call", 60)},
                                        {"params a string", with("jsonrpc 2.0 call", 51, '"')}});
    EXPECT_EQ(
        name_of(raw(R"({"jsonrpc": "2.0", "method": "a", "id": 1, "extra": true})"), Transport::Tcp, Sender::Client),
        "");
    EXPECT_EQ(name_of(raw(R"({"jsonrpc": "2.0", "result": 1, "error": {"code": 1}, "id": 1})"), Transport::Tcp,
                      Sender::Server),
              "");
    // 1.0: params must be an array, a response carries both result and error
    EXPECT_EQ(name_of(raw(R"({"method": "echo", "params": {}, "id": 0})"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw(R"({"result": [], "id": 0})"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw(R"({"method": "echo", "params": [], "id": 0})"), Transport::Tcp, Sender::Client), "JSON-RPC");
    // Invalid JSON: a leading zero, a control octet in a string, a bad escape
    EXPECT_EQ(name_of(raw(R"({"method": "a", "params": [01], "id": 0})"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("{\"method\": \"a\x01\", \"params\": [], \"id\": 0}"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw(R"({"method": "a\q", "params": [], "id": 0})"), Transport::Tcp, Sender::Client), "");
    // Nesting beyond the bound is not read
    EXPECT_EQ(
        name_of(raw(R"({"method": "a", "id": 0, "params": )" + std::string(100, '[') + std::string(100, ']') + "}"),
                Transport::Tcp, Sender::Client),
        "");
    // LSP framing: the length must be the body's
    EXPECT_EQ(name_of(raw("Content-Length: 40\r\n\r\n"
                          R"({"jsonrpc": "2.0", "result": 19, "id": 1})"),
                      Transport::Tcp, Sender::Server),
              "");
}

TEST(MessagingTextSignatures, OvsdbNeedsOvsdbsMethods) {
    // Another method: still JSON-RPC, no longer OVSDB
    EXPECT_EQ(name_of(with("ovsdb list_dbs", 20, 'X'), Transport::Tcp, Sender::Client), "JSON-RPC");
    // echo alone is any JSON-RPC peer's keep-alive
    EXPECT_EQ(name_of(raw(R"({"id":"echo","method":"echo","params":[]})"), Transport::Tcp, Sender::Client), "JSON-RPC");
}

TEST(MessagingTextSignatures, GraphiteNeedsWholeLinesOfThreeFields) {
    expect_unnamed("graphite lines", {{"a value with a letter", with("graphite lines", 27, 'x')},
                                      {"an eight-digit time", with("graphite lines", 35, ' ')},
                                      {"a cut line", cut("graphite lines", 100)}});
    EXPECT_EQ(name_of(raw("a.b 1 1733500000\n"), Transport::Tcp, Sender::Client), "");  // one line
    EXPECT_EQ(name_of(raw("ghost 1 1733500000\nghost 2 1733500000\n"), Transport::Tcp, Sender::Client), "");
}

TEST(RoutingSignatures, RipNeedsItsZerosMetricsAndEntrySize) {
    expect_unnamed("rip v2 response", {{"command 3", with("rip v2 response", 0, 3)},
                                       {"version 3", with("rip v2 response", 1, 3)},
                                       {"must-be-zero set", with("rip v2 response", 3, 1)},
                                       {"AFI 3", with("rip v2 response", 5, 3)},
                                       {"metric 17", with("rip v2 response", 23, 17)},
                                       {"metric 0", with("rip v2 response", 23, 0)},
                                       {"a mask with a hole", with("rip v2 response", 13, 0x0f)},
                                       {"an octet more", longer("rip v2 response")}});
    expect_unnamed("rip v1 response", {{"a v1 route tag", with("rip v1 response", 7, 1)},
                                       {"a v1 mask", with("rip v1 response", 12, 0xff)}});
    // A whole-table request has metric 16 (RFC 2453 3.9.1)
    expect_unnamed("rip v2 request", {{"metric 15", with("rip v2 request", 23, 15)}});
}

TEST(RoutingSignatures, BabelNeedsItsMagicAndTlvsThatTile) {
    expect_unnamed("babel hello ihu", {{"magic 43", with("babel hello ihu", 0, 43)},
                                       {"version 1", with("babel hello ihu", 1, 1)},
                                       {"body length + 1", bumped("babel hello ihu", 3, 1)},
                                       {"a short Hello", with("babel hello ihu", 5, 5)},
                                       {"TLV type 11", with("babel hello ihu", 4, 11)},
                                       {"address encoding 5", with("babel hello ihu", 14, 5)}});
    // Padding alone is not a Babel exchange
    EXPECT_EQ(name_of(hex("2a020004 0102 0000"), Transport::Udp, Sender::Client), "");
}

TEST(RoutingSignatures, Dhcpv6NeedsOptionsThatTileAndItsIdentifiers) {
    expect_unnamed("dhcpv6 solicit", {{"type 12 (relay)", with("dhcpv6 solicit", 0, 12)},
                                      {"option length + 1", bumped("dhcpv6 solicit", 7, 1)},
                                      {"DUID type 5", with("dhcpv6 solicit", 9, 5)},
                                      {"elapsed time of 3 octets", with("dhcpv6 solicit", 33, 3)},
                                      {"an octet more", longer("dhcpv6 solicit")}});
    // An ADVERTISE needs the server's identifier: drop option 2 (the second DUID)
    Bytes without_server = the_case("dhcpv6 advertise").payload;
    without_server.erase(without_server.begin() + 22, without_server.begin() + 40);
    EXPECT_EQ(name_of(without_server, Transport::Udp, Sender::Server), "");
}

TEST(TextSignatures, GdbRemoteNeedsItsChecksums) {
    expect_unnamed("gdb qsupported", {{"a checksum digit", bumped("gdb qsupported", 174, 1)},
                                      {"a data octet", bumped("gdb qsupported", 5, 1)},
                                      {"no '#'", cut("gdb qsupported", 172)}});
    expect_unnamed("gdb stop reply", {{"a '$' inside", with("gdb stop reply", 10, '$')}});
    // Acknowledgements alone, or an empty packet, say too little
    EXPECT_EQ(name_of(raw("+"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw("+$#00"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw("$OK#9a"), Transport::Tcp, Sender::Server), "GDB remote");
}

// A Babel datagram cut to 24 octets made a RADIUS Disconnect-NAK whose
// Framed-IPv6-Route was not text: text attributes are valid UTF-8 now.
TEST(FramedSignatures, RadiusTextAttributesAreUtf8) {
    EXPECT_EQ(name_of(hex("2a02001804060000a1b20190050e0300006033196304b92a"), Transport::Udp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("2a02001804060000a1b20190050e0300006033196304612a"), Transport::Udp, Sender::Server),
              "RADIUS");
}

// Census finds: a RIP request's zeros, extended, taken for an NTPv1/v2
// client at stratum 2 (a client with a clock says when it was set); a Babel
// datagram taken for a RADIUS NAK with a Digest-CNonce that is not text.
TEST(FramedSignatures, CensusFindsOfTheRoutingRows) {
    EXPECT_EQ(
        name_of(hex("4b0200000000000000000000000a0000000000000000001058c82269928a3145ec182397431c01fadd43a113080584e0"),
                Transport::Udp, Sender::Client),
        "");
    EXPECT_EQ(name_of(hex("2a020018040626ed41c3d65d714dc5d3f6af6d1c71046f0d"), Transport::Udp, Sender::Server), "");
}

TEST(TelemetrySignatures, MpegTsNeedsSyncOctetsAndSaneHeaders) {
    expect_unnamed("mpeg-ts udp", {{"second sync octet", with("mpeg-ts udp", 188, 0x48)},
                                   {"transport error", with("mpeg-ts udp", 1, 0xc0)},
                                   {"adaptation control 00", with("mpeg-ts udp", 191, 0x00)},
                                   {"one packet", cut("mpeg-ts udp", 188)},
                                   {"an octet more (not a sync)", longer("mpeg-ts udp")}});
    expect_unnamed("mpeg-ts tcp cut", {{"the cut packet's sync", with("mpeg-ts tcp cut", 376, 0x00)}});
}

TEST(TelemetrySignatures, SflowNeedsItsSampleAndRecordCounts) {
    expect_unnamed("sflow v5", {{"version 4", with("sflow v5", 3, 4)},
                                {"address type 3", with("sflow v5", 7, 3)},
                                {"one sample more", bumped("sflow v5", 27, 1)},
                                {"sample format 5", with("sflow v5", 31, 5)},
                                {"an octet more", longer("sflow v5")}});
}

TEST(MessagingTextSignatures, StatsdNeedsWholeMetricLines) {
    expect_unnamed("statsd lines", {{"type x", with("statsd lines", 9, 'x')},
                                    {"no colon", with("statsd lines", 6, '=')},
                                    {"a letter in a value", with("statsd lines", 7, 'a')}});
    expect_unnamed("dogstatsd line", {{"rate 5", with("dogstatsd line", 15, '5')}});
    EXPECT_EQ(name_of(raw("ab:1|c"), Transport::Udp, Sender::Client), "");              // a two-letter bucket
    EXPECT_EQ(name_of(raw("abc:1|c\n\ndef:2|c"), Transport::Udp, Sender::Client), "");  // an empty line
}

// The census (seed 7) found an SLP reply cut to 92 octets taken for a
// WireGuard handshake response: its mac2 was not zero.
TEST(FramedSignatures, WireguardHandshakesEndWithAZeroMac2) {
    Bytes response = Bytes{2, 0, 0, 0} + Bytes(72, 0x5a) + Bytes(16, 0);
    EXPECT_EQ(name_of(response, Transport::Udp, Sender::Server), "WireGuard");
    response[91] = 1;
    EXPECT_EQ(name_of(response, Transport::Udp, Sender::Server), "");
    Bytes data = Bytes{4, 0, 0, 0} + Bytes{1, 2, 3, 4} + Bytes{7, 0, 0, 0, 0, 0, 0, 0} + Bytes(32, 0x5a);
    EXPECT_EQ(name_of(data, Transport::Udp, Sender::Client), "WireGuard");
    data[15] = 1;  // a counter of 2^56
    EXPECT_EQ(name_of(data, Transport::Udp, Sender::Client), "");
}

// Census finds (seed 99): random octets after a CoAP payload marker that
// were not UTF-8; a Babel header cut to 20 octets taken for a bare RADIUS
// Disconnect-NAK.
TEST(FramedSignatures, CensusFindsOfSeed99) {
    EXPECT_EQ(name_of(hex("4244fef90aaaff7abc2f386e4ab35897"), Transport::Udp, Sender::Server), "");
    EXPECT_EQ(name_of(hex("2a0200140406000086b20190050e030000600190"), Transport::Udp, Sender::Server), "");
    // a bare Accounting-Response stays RADIUS
    EXPECT_EQ(name_of(hex("05020014") + Bytes(16, 0x11), Transport::Udp, Sender::Server), "RADIUS");
}

// Census finds (seeds 7 and 18): TACACS+ headers flipped to 04 and cut to
// 9 octets were SOCKS4 requests without a user id, now too little to name.
TEST(FramedSignatures, Socks4NeedsAUserIdOrAHostName) {
    EXPECT_EQ(name_of(hex("04010201c0c0b0a700"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("040201015ee1b0a700"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(hex("040100500a000001626f6200"), Transport::Tcp, Sender::Client), "SOCKS4");  // user "bob"
    EXPECT_EQ(name_of(hex("040100500000000100") + raw("ghost.test") + Bytes{0}, Transport::Tcp, Sender::Client),
              "SOCKS4");  // SOCKS4a, no user id, a host name
}

TEST(MessagingTextSignatures, AdcNeedsItsMessageSyntax) {
    expect_unnamed("adc hsup", {{"type X", with("adc hsup", 0, 'X')},
                                {"command SUQ", with("adc hsup", 3, 'Q')},
                                {"no line end", cut("adc hsup", 18)}});
    expect_unnamed("adc hub greeting", {{"a SID of 3 characters", with("adc hub greeting", 41, '\n')}});
    // BINF needs the sender's 4-character base32 session id
    EXPECT_EQ(name_of(raw("BINF AAAB NIghost\n"), Transport::Tcp, Sender::Client), "ADC (Direct Connect)");
    EXPECT_EQ(name_of(raw("BINF AA1B NIghost\n"), Transport::Tcp, Sender::Client), "");
    // only commands that are not the handshake's: not named
    EXPECT_EQ(name_of(raw("HMSG hello\n"), Transport::Tcp, Sender::Client), "");
}

TEST(MessagingTextSignatures, TincNeedsItsIdLine) {
    expect_unnamed("tinc id", {{"request 1", with("tinc id", 0, '1')},
                               {"protocol 18", with("tinc id", 12, '8')},
                               {"a dash in the name", with("tinc id", 4, '-')}});
    expect_unnamed("tinc id metakey", {{"a lower-case key", with("tinc id metakey", 30, 'c')},
                                       {"a word for a number", with("tinc id metakey", 15, 'x')}});
    EXPECT_EQ(name_of(raw("0 node 17.7\n") + Bytes{0x00, 0x41, 0x00}, Transport::Tcp, Sender::Client),
              "tinc");  // SPTPS
    EXPECT_EQ(name_of(raw("0 node 17.x\n"), Transport::Tcp, Sender::Client), "");
}
