// SPDX-License-Identifier: GPL-2.0-or-later
// The rows for the daemons beside the main services
// (service_text_signatures.cpp, service_binary_signatures.cpp): each real
// case of signature_cases.hpp with one word, length or field made wrong is
// named by no row, and what is only one keyword of a protocol stays unnamed.
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
using rescap::test::raw;
using rescap::test::operator+;

using namespace rescap::test::mutation;

namespace {
std::size_t size_of(std::string_view what) {
    return the_case(what).payload.size();
}
}  // namespace

TEST(ServiceTextSignatures, BeanstalkdNeedsItsOwnVerbsAndLengths) {
    expect_unnamed("beanstalkd put", {{"body of 14 announced", with("beanstalkd put", 12, '4')},
                                      {"verb pet", with("beanstalkd put", 1, 'e')},
                                      {"a tube-less number", with("beanstalkd put", 4, 'x')}});
    expect_unnamed("beanstalkd reserved", {{"body of 14 announced", with("beanstalkd reserved", 12, '4')}});
    // words beanstalkd shares with memcached: neither name
    EXPECT_EQ(name_of(raw("delete 1\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("DELETED\r\n"), Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw("use -bad\r\n"), Transport::Tcp, Sender::Client), "");    // a tube cannot begin with '-'
    EXPECT_EQ(name_of(raw("watch jobs\r\n"), Transport::Tcp, Sender::Client), "");  // one keyword
    EXPECT_EQ(name_of(raw("watch jobs\r\nreserve\r\n"), Transport::Tcp, Sender::Client), "beanstalkd");
    EXPECT_EQ(name_of(raw("get jobs\r\n"), Transport::Tcp, Sender::Client), "memcached");
}

TEST(ServiceTextSignatures, ManageSieveNeedsItsCapabilitiesAndScriptCommands) {
    const std::string_view caps = "managesieve capabilities";
    expect_unnamed(caps, {{"no OK line", cut(caps, size_of(caps) - 30)},
                          {"no SIEVE capability", with(caps, 49, 'X')},
                          {"an unquoted capability", with(caps, 0, 'I')}});
    expect_unnamed("managesieve listscripts", {{"command MISTSCRIPTS", with("managesieve listscripts", 0, 'M')}});
    // AUTHENTICATE is not ManageSieve's alone
    EXPECT_EQ(name_of(raw("AUTHENTICATE \"PLAIN\" {32+}\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("PUTSCRIPT \"s\" {5+}\r\nkeep;\r\n"), Transport::Tcp, Sender::Client), "ManageSieve");
    EXPECT_EQ(name_of(raw("PUTSCRIPT \"s\" {6+}\r\nkeep;\r\n"), Transport::Tcp, Sender::Client), "");
}

TEST(ServiceTextSignatures, SpamcNeedsItsVersionAndHeaderEnd) {
    expect_unnamed("spamc check", {{"SPAMX/1.5", with("spamc check", 10, 'X')},
                                   {"no empty line", cut("spamc check", size_of("spamc check") - 2)},
                                   {"verb CHEKC", with("spamc check", 3, 'K')}});
    expect_unnamed("spamd ex ok", {{"EX_ in lower case", with("spamd ex ok", 13, 'e')},
                                   {"code a letter", with("spamd ex ok", 10, 'x')}});
}

TEST(ServiceTextSignatures, ClamdNeedsItsVocabularyAndTerminator) {
    expect_unnamed("clamd zversion", {{"prefix x", with("clamd zversion", 0, 'x')},
                                      {"no NUL", cut("clamd zversion", size_of("clamd zversion") - 1)},
                                      {"VERSIOM", with("clamd zversion", 7, 'M')}});
    expect_unnamed("clamd version", {{"ClamAV x.y", with("clamd version", 7, 'x')}});
    EXPECT_EQ(name_of(raw("zSCAN relative/path") + Bytes{0}, Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("zSCAN /srv/file") + Bytes{0}, Transport::Tcp, Sender::Client), "clamd");
    EXPECT_EQ(name_of(raw("PONG") + Bytes{0}, Transport::Tcp, Sender::Server), "");
    EXPECT_EQ(name_of(raw("nEND\n"), Transport::Tcp, Sender::Client), "");  // END alone ends any session
}

TEST(ServiceTextSignatures, NatsNeedsJsonAndPayloadLengths) {
    expect_unnamed("nats info", {{"INFO [", with("nats info", 5, '[')}});
    expect_unnamed("nats pub", {{"payload of 10 announced", with("nats pub", 18, '0')}});
    expect_unnamed("nats msg", {{"payload of 10 announced", with("nats msg", 20, '0')}});
    EXPECT_EQ(name_of(raw("PING\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("INFO {\"name\":\"x\"}\r\n"), Transport::Tcp, Sender::Server), "");  // no server_id
}

TEST(ServiceTextSignatures, CvsPserverNeedsTheWholeRequest) {
    expect_unnamed("cvs auth request", {{"BEGIN XUTH", with("cvs auth request", 6, 'X')},
                                        {"a relative repository", with("cvs auth request", 19, 'x')},
                                        {"no END line", cut("cvs auth request", 70)}});
    expect_unnamed("cvs answer", {{"I LOVE YOU!", with("cvs answer", 10, '!')}});
}

TEST(ServiceTextSignatures, GpsdNeedsItsCommandsAndReportClasses) {
    expect_unnamed("gpsd watch", {{"?XATCH", with("gpsd watch", 1, 'X')},
                                  {"no semicolon", with("gpsd watch", size_of("gpsd watch") - 2, ' ')}});
    expect_unnamed("gpsd version",
                   {{"klass", with("gpsd version", 2, 'k')}, {"class VERSIOX", with("gpsd version", 17, 'X')}});
}

TEST(ServiceTextSignatures, LcdprocNeedsItsGreetingAndCommands) {
    expect_unnamed("lcdproc greeting", {{"LCDprox", with("lcdproc greeting", 14, 'x')},
                                        {"wid a letter", with("lcdproc greeting", 44, 'x')}});
    expect_unnamed("lcdproc client set", {{"client_sex", with("lcdproc client set", 9, 'x')}});
    EXPECT_EQ(name_of(raw("hello\n"), Transport::Tcp, Sender::Client), "");  // hello alone is any protocol's
}

TEST(ServiceTextSignatures, UucpNeedsDleFramedHandshakeMessages) {
    expect_unnamed("uucp shere", {{"message type X", with("uucp shere", 1, 'X')},
                                  {"no NUL", cut("uucp shere", size_of("uucp shere") - 1)},
                                  {"no DLE", with("uucp shere", 0, 0x11)}});
    EXPECT_EQ(name_of(Bytes{0x10} + raw("REQ") + Bytes{0}, Transport::Tcp, Sender::Server), "");  // no such answer
    EXPECT_EQ(name_of(Bytes{0x10} + raw("RLCK") + Bytes{0}, Transport::Tcp, Sender::Server), "UUCP");
}

TEST(ServiceTextSignatures, UnisonAndIperf3NeedTheirWholeShapes) {
    expect_unnamed("unison greeting",
                   {{"unison", with("unison greeting", 0, 'u')}, {"OCaml >", with("unison greeting", 27, ' ')}});
    expect_unnamed("iperf3 cookie", {{"a 1 in the cookie", with("iperf3 cookie", 0, '1')},
                                     {"no NUL", cut("iperf3 cookie", 36)},
                                     {"one more octet", longer("iperf3 cookie")}});
}

TEST(ServiceBinarySignatures, FastcgiNeedsItsRecordLayout) {
    expect_unnamed("fastcgi begin request", {{"version 2", with("fastcgi begin request", 0, 2)},
                                             {"role 4", with("fastcgi begin request", 9, 4)},
                                             {"reserved 1", with("fastcgi begin request", 7, 1)},
                                             {"request id 0", with("fastcgi begin request", 3, 0)}});
    expect_unnamed("fastcgi stdout end",
                   {{"padding 3", with("fastcgi stdout end", 6, 3)}, {"type 12", with("fastcgi stdout end", 1, 12)}});
}

TEST(ServiceBinarySignatures, DistccNeedsItsTokens) {
    expect_unnamed("distcc dist", {{"upper-case hex", with("distcc dist", 4, 'A')},
                                   {"version 5", with("distcc dist", 11, '5')},
                                   {"DISX", with("distcc dist", 3, 'X')},
                                   {"cut token", cut("distcc dist", 11)}});
}

TEST(ServiceBinarySignatures, EpmdNeedsItsLengthsAndLayout) {
    expect_unnamed("epmd names request",
                   {{"length 2", with("epmd names request", 1, 2)}, {"tag m", with("epmd names request", 2, 'm')}});
    expect_unnamed("epmd alive2", {{"node type A", with("epmd alive2", 5, 'A')},
                                   {"protocol 1", with("epmd alive2", 6, 1)},
                                   {"name length 9", with("epmd alive2", 12, 9)},
                                   {"length + 1", bumped("epmd alive2", 1, 1)}});
    expect_unnamed("epmd names lines", {{"port a letter", with("epmd names lines", 22, 'x')}});
}

TEST(ServiceBinarySignatures, NtalkNeedsItsMessageLayout) {
    expect_unnamed("ntalk lookup", {{"version 2", with("ntalk lookup", 0, 2)},
                                    {"type 4", with("ntalk lookup", 1, 4)},
                                    {"family 3", with("ntalk lookup", 9, 3)},
                                    {"ctl_addr padding", with("ntalk lookup", 33, 1)},
                                    {"a control character in the name", with("ntalk lookup", 45, 0x01)}});
}

TEST(ServiceBinarySignatures, BaculaNeedsItsFrameAndHandshake) {
    expect_unnamed("bacula hello",
                   {{"length + 1", bumped("bacula hello", 3, 1)}, {"Hallo", with("bacula hello", 5, 'a')}});
    expect_unnamed("bacula auth", {{"ssl=7", with("bacula auth", size_of("bacula auth") - 2, '7')}});
}

TEST(ServiceBinarySignatures, ChronyNeedsItsReplyHeader) {
    expect_unnamed("chrony reply", {{"version 4", with("chrony reply", 0, 4)},
                                    {"type 3", with("chrony reply", 1, 3)},
                                    {"pad1", with("chrony reply", 11, 1)},
                                    {"pad4", with("chrony reply", 21, 1)},
                                    {"one octet less", cut("chrony reply", size_of("chrony reply") - 1)}});
}

TEST(ServiceBinarySignatures, BazaarNeedsItsHeaderAndFrame) {
    expect_unnamed("bzr request", {{"bzr message 4", with("bzr request", 12, '4')},
                                   {"headers not a dictionary", with("bzr request", 28, 'l')}});
}

TEST(ServiceTextSignatures, AmiNeedsItsBannerOrBlocks) {
    expect_unnamed("ami banner", {{"version a letter", with("ami banner", 22, 'x')}});
    expect_unnamed("ami response", {{"Response: Succes5", with("ami response", 16, '5')},
                                    {"no empty line", cut("ami response", size_of("ami response") - 2)}});
    expect_unnamed("ami login", {{"Acti0n", with("ami login", 4, '0')}, {"no colon", with("ami login", 6, ' ')}});
}

TEST(ServiceTextSignatures, MuninNeedsItsBannerAndCommands) {
    expect_unnamed("munin banner", {{"# munin nodes", with("munin banner", 12, 's')},
                                    {"a space in the host", with("munin banner", 21, ' ')}});
    expect_unnamed("munin commands", {{"lost", with("munin commands", 16, 'o')}});
    expect_unnamed("munin fetch values",
                   {{"no final dot", cut("munin fetch values", size_of("munin fetch values") - 2)},
                    {"a letter for a number", with("munin fetch values", 11, 'x')}});
    EXPECT_EQ(name_of(raw("quit\n"), Transport::Tcp, Sender::Client), "");
    // fetch <word> alone is any protocol's (nm_valuecolor_tcp_283's client), with CR LF or not
    EXPECT_EQ(name_of(raw("fetch color\r\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("fetch color\n"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("cap multigraph\r\n"), Transport::Tcp, Sender::Client), "");
}

TEST(ServiceTextSignatures, PostfixPolicyNeedsTheRequestAndTheEmptyLine) {
    expect_unnamed("postfix policy request",
                   {{"request=smtpd_access_polic", with("postfix policy request", 26, '\n')},
                    {"no empty line", cut("postfix policy request", size_of("postfix policy request") - 1)},
                    {"a capital in a name", with("postfix policy request", 28, 'P')}});
    expect_unnamed("postfix policy action", {{"no empty line", cut("postfix policy action", 13)},
                                             {"acti0n", with("postfix policy action", 4, '0')}});
}

TEST(ServiceTextSignatures, ScgiNeedsItsNetstring) {
    expect_unnamed("scgi request", {{"length 71", with("scgi request", 1, '1')},
                                    {"no comma", with("scgi request", 73, ';')},
                                    {"SCGI 2", with("scgi request", 26, '2')}});
}

TEST(ServiceTextSignatures, LmtpNeedsLhloOrAGreetingNamingIt) {
    expect_unnamed("lmtp hello", {{"LHLA", with("lmtp hello", 3, 'A')}});
    expect_unnamed("lmtp greeting", {{"LMTX", with("lmtp greeting", 24, 'X')}, {"221", with("lmtp greeting", 2, '1')}});
}

TEST(ServiceBinarySignatures, MilterNeedsItsOptionNegotiation) {
    expect_unnamed("milter optneg", {{"length 14", with("milter optneg", 3, 14)},
                                     {"command P", with("milter optneg", 4, 'P')},
                                     {"version 7", with("milter optneg", 8, 7)},
                                     {"actions 0x2ff", with("milter optneg", 11, 0x02)}});
    EXPECT_EQ(name_of(the_case("milter optneg").payload + rescap::test::hex("00000001") + raw("Z"), Transport::Tcp,
                      Sender::Client),
              "");  // no such command
}

TEST(ServiceBinarySignatures, BoltJavaRmiTarantoolApcupsdNeedTheirLayouts) {
    expect_unnamed("bolt handshake", {{"magic", with("bolt handshake", 3, 0x18)},
                                      {"major 0", with("bolt handshake", 7, 0)},
                                      {"one octet more", longer("bolt handshake")}});
    expect_unnamed("java rmi header",
                   {{"version 1", with("java rmi header", 5, 1)}, {"protocol 0x4e", with("java rmi header", 6, 0x4e)}});
    expect_unnamed("java rmi ack", {{"host length 10", with("java rmi ack", 2, 10)}});
    expect_unnamed("tarantool greeting", {{"no LF", with("tarantool greeting", 63, ' ')},
                                          {"salt not base64", with("tarantool greeting", 70, '!')}});
    expect_unnamed("apcupsd request",
                   {{"statu5", with("apcupsd request", 7, '5')}, {"length 7", with("apcupsd request", 1, 7)}});
    expect_unnamed("apcupsd records", {{"lower-case key", with("apcupsd records", 2, 'a')},
                                       {"no line end", with("apcupsd records", 25, ' ')}});
}

TEST(ServiceBinarySignatures, PulseAudioAmuleGmondNeedTheirLayouts) {
    expect_unnamed("pulseaudio descriptor", {{"channel 0", with("pulseaudio descriptor", 4, 0)},
                                             {"flags", with("pulseaudio descriptor", 19, 1)}});
    expect_unnamed("pulseaudio reply", {{"no L tag", with("pulseaudio reply", 20, 'M')}});
    expect_unnamed("amule ec auth request", {{"flags without 0x20", with("amule ec auth request", 3, 0x02)},
                                             {"length + 1", bumped("amule ec auth request", 7, 1)},
                                             {"tag type 11", with("amule ec auth request", 12, 11)}});
    expect_unnamed("amule ec salt", {{"uint64 of 7", with("amule ec salt", 12, 7)}});
    expect_unnamed("gmond metadata", {{"id 127", with("gmond metadata", 3, 127)},
                                      {"slope 5", with("gmond metadata", 51, 5)},
                                      {"one octet more", longer("gmond metadata")}});
    expect_unnamed("gmond value", {{"no format %", with("gmond value", 28, 'x')},
                                   {"one octet less", cut("gmond value", size_of("gmond value") - 1)}});
}

TEST(ServiceTextSignatures, GuacamoleRelpInfluxLircNeedTheirGrammars) {
    expect_unnamed("guacamole select", {{"length 5", with("guacamole select", 0, '5')},
                                        {"no semicolon", cut("guacamole select", 14)},
                                        {"opcode selecx", with("guacamole select", 7, 'x')}});
    expect_unnamed("relp open",
                   {{"length 87", with("relp open", 8, '7')}, {"command opem", with("relp open", 5, 'm')}});
    expect_unnamed("influx lines", {{"no timestamp digit", with("influx lines", 57, 'x')},
                                    {"a field without =", with("influx lines", 36, ' ')}});
    EXPECT_EQ(name_of(raw("x y=1\n"), Transport::Udp, Sender::Client), "");  // no timestamp: any text
    expect_unnamed("lirc version reply",
                   {{"no END", cut("lirc version reply", 33)}, {"SUCCES", with("lirc version reply", 20, 'X')}});
    EXPECT_EQ(name_of(raw("VERSION\n"), Transport::Tcp, Sender::Client), "");
}

TEST(ServiceBinarySignatures, BittorrentOscKnxNeedTheirLayouts) {
    expect_unnamed("bittorrent udp connect", {{"magic", with("bittorrent udp connect", 7, 0x81)},
                                              {"action 1", with("bittorrent udp connect", 11, 1)}});
    expect_unnamed("bittorrent dht ping", {{"an id of 19", with("bittorrent dht ping", 10, '9')},
                                           {"y x", with("bittorrent dht ping", 46, 'x')},
                                           {"no end", cut("bittorrent dht ping", size_of("bittorrent dht ping") - 1)}});
    expect_unnamed("osc message", {{"no slash", with("osc message", 0, 'f')},
                                   {"type tag z", with("osc message", 10, 'z')},
                                   {"one argument short", cut("osc message", 16)}});
    expect_unnamed("knxnet search request", {{"version 0x11", with("knxnet search request", 1, 0x11)},
                                             {"length 15", with("knxnet search request", 5, 15)},
                                             {"service 0x0299", with("knxnet search request", 3, 0x99)}});
}

// RELP carries syslog messages with spaces in them; the frame length, not the words, ends them.
TEST(ServiceTextSignatures, RelpSyslogFramesOfSpacedMessages) {
    const char *frame = "2 syslog 46 <13>Dec  7 11:30:00 ghost eval: a message here\n";
    EXPECT_EQ(name_of(raw(frame), Transport::Tcp, Sender::Client), "RELP");
    EXPECT_EQ(
        name_of(raw("2 syslog 47 <13>Dec  7 11:30:00 ghost eval: a message here\n"), Transport::Tcp, Sender::Client),
        "");  // one octet short of its length: not cut, wrong
}

TEST(ServiceBinarySignatures, PyroLibvirtBinkpDaskNebulaNeedTheirLayouts) {
    expect_unnamed("pyro connect", {{"checksum + 1", bumped("pyro connect", 23, 1)},
                                    {"type 7", with("pyro connect", 7, 7)},
                                    {"PYRX", with("pyro connect", 3, 'X')}});
    expect_unnamed("libvirt call", {{"length + 1", bumped("libvirt call", 3, 1)},
                                    {"program 0x20008089", with("libvirt call", 7, 0x89)},
                                    {"version 2", with("libvirt call", 11, 2)}});
    expect_unnamed("binkp m_nul", {{"a data frame first", with("binkp m_nul", 0, 0x00)},
                                   {"command 11", with("binkp m_nul", 2, 11)},
                                   {"SYX", with("binkp m_nul", 5, 'X')}});
    expect_unnamed("dask handshake", {{"total + 1", bumped("dask handshake", 0, 1)},
                                      {"two frames", with("dask handshake", 8, 2)},
                                      {"not a map", with("dask handshake", 24, 0x93)}});
    expect_unnamed("nebula handshake", {{"version 2", with("nebula handshake", 0, 0x20)},
                                        {"type 1", with("nebula handshake", 0, 0x11)},
                                        {"reserved", with("nebula handshake", 2, 1)},
                                        {"counter 3", with("nebula handshake", 15, 3)},
                                        {"stage 1 with an index", with("nebula handshake", 7, 1)}});
}

TEST(ServiceTextSignatures, ConmanAndGuileNeedTheirShapes) {
    expect_unnamed("conman hello", {{"HELLO user=", with("conman hello", 6, 'u')},
                                    {"no closing quote", with("conman hello", 16, ' ')}});
    expect_unnamed("conman console", {{"OK console=", with("conman console", 3, 'c')}});
    EXPECT_EQ(name_of(raw("OK\n"), Transport::Tcp, Sender::Server), "");
    expect_unnamed("guile banner",
                   {{"GNU Guilx", with("guile banner", 8, 'x')}, {"no copyright line", with("guile banner", 16, 'c')}});
}

// The fuzzer's "0:": a netstring of no headers and no ',' read past the payload's end.
TEST(ServiceTextSignatures, ScgiNetstringShorterThanItsLength) {
    EXPECT_EQ(name_of(raw("0:"), Transport::Tcp, Sender::Client), "");
    EXPECT_EQ(name_of(raw("5:ab"), Transport::Tcp, Sender::Client), "");
}
