// SPDX-License-Identifier: GPL-2.0-or-later
// Text rows of the signature table for the daemons a Debian host runs
// beside its main services: job queues (beanstalkd), mail filters
// (SpamAssassin's spamd, ClamAV's clamd, ManageSieve), messaging (NATS),
// version control (CVS pserver), devices (gpsd, LCDproc), UUCP,
// Unison and iperf3's control connection. Each checks its protocol's
// grammar over the whole payload, never one keyword; the rows are in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::text_rows {

using Payload = std::span<const std::uint8_t>;

// beanstalkd (protocol.txt): CR LF command lines with their arity, "put"'s
// job body of exactly its length; a put with its body, or two lines or more
// with a command only beanstalkd has (use, reserve, watch, peek, kick,
// bury...): delete / touch / stats are memcached's words too, and one
// keyword alone is no evidence.
bool beanstalkd_commands(Payload p);
// Its replies: INSERTED <id>, RESERVED <id> <bytes> + body, USING <tube>,
// WATCHING <n>... with their arity, as strict as the commands.
bool beanstalkd_replies(Payload p);

// ManageSieve (RFC 5804 1.7): the capability response, quoted capability
// lines with IMPLEMENTATION and SIEVE among them, ended by an OK line.
bool managesieve_capabilities(Payload p);
// Its commands (RFC 5804 2): CR LF lines of a command and quoted strings /
// literals {n+}; one of the script commands (PUTSCRIPT, LISTSCRIPTS...).
bool managesieve_commands(Payload p);

// SpamAssassin's spamc/spamd protocol (spamd/PROTOCOL): a request line
// "<VERB> SPAMC/<n.n>" then header lines to an empty line; the response line
// "SPAMD/<n.n> <code> <EX_ message>" then its headers.
bool spamc_request(Payload p);
bool spamd_response(Payload p);

// ClamAV clamd (clamd(8) COMMANDS): z<COMMAND>\0 or n<COMMAND>\n commands of
// its vocabulary (INSTREAM's chunks may follow); the replies naming ClamAV
// (VERSION's "ClamAV <version>[/<db>/<date>]", "stream: ... FOUND").
bool clamd_commands(Payload p);
bool clamd_reply(Payload p);

// NATS (NATS client protocol): the server's INFO {json} line with server_id
// and version, or MSG lines whose payloads have their stated lengths; the
// client's CONNECT {json} line, or PUB / SUB lines (PUB's payload of its
// length).
bool nats_server(Payload p);
bool nats_client(Payload p);

// CVS pserver (cvsclient "Connection and Authentication"): BEGIN AUTH /
// VERIFICATION REQUEST, repository, user, scrambled password, END ...
// REQUEST; the answer I LOVE YOU / I HATE YOU.
bool cvs_pserver_auth(Payload p);
bool cvs_pserver_answer(Payload p);

// gpsd (gpsd_json(5)): ?COMMAND[=json]; requests; reports, one JSON object
// per CR LF line whose first member is "class" of a known report.
bool gpsd_commands(Payload p);
bool gpsd_reports(Payload p);

// LCDproc (the developer's guide, "Client/server protocol"): the server's
// "connect LCDproc <v> protocol <v> lcd wid <n> hgt <n> cellwid <n>
// cellhgt <n>" line; a client's LF lines of LCDproc commands, one that
// builds a screen.
bool lcdproc_greeting(Payload p);
bool lcdproc_commands(Payload p);

// Taylor UUCP's handshake (uucp.texi "The Initial Handshake"): DLE-framed
// messages \020S... / \020R... / \020P... / \020U... ended by NUL.
bool uucp_handshake(Payload p);

// Unison's greeting "Unison <version> with OCaml >= <version>" LF, or its
// RPC greeting "Unison RPC" LF "VERSIONS <n>" LF.
bool unison_greeting(Payload p);

// iperf3's control connection: the client's cookie, 36 characters of its
// base32 alphabet and a NUL, the whole payload.
bool iperf3_cookie(Payload p);

// Asterisk's Manager Interface (AMI): the banner "Asterisk Call Manager/<v>"
// CR LF; blocks of "Key: value" CR LF lines ended by an empty line, the
// client's led by "Action: <name>", the server's by "Response:
// Success|Error|Follows|Goodbye" or "Event: <name>".
bool ami_banner_or_response(Payload p);
bool ami_actions(Payload p);

// Munin's node protocol: the banner "# munin node at <host>" LF, or a
// fetch's "<field>.value <number>" lines ended by "."; the master's LF
// commands (list, nodes, config, fetch, cap, version, quit), one of them
// "cap" with capabilities munin knows (fetch <word> alone is any protocol's).
bool munin_node(Payload p);
bool munin_commands(Payload p);

// Postfix's policy delegation protocol (SMTPD_POLICY_README): LF lines
// "name=value" with request=smtpd_access_policy, ended by an empty line;
// the answer "action=<text>" LF LF. A segment may hold several requests
// or answers (a client that pipelines them: sqlgrey's tests, fresh7): up
// to 16 blocks, each whole.
bool postfix_policy_request(Payload p);
bool postfix_policy_action(Payload p);

// SCGI (scgi.txt): a netstring of NUL-separated header pairs, the first
// CONTENT_LENGTH with digits, one SCGI = 1, then ",".
bool scgi_request(Payload p);

// Guacamole's protocol (guacd): instructions of LENGTH.VALUE elements,
// comma-separated, ended by ";", each length counting the value's
// characters; the first opcode one of the protocol's.
bool guacamole_instructions(Payload p);

// RELP (rsyslog's reliable event logging): frames "<txnr> <command>
// <datalen>[ <data>]" LF tiling the payload, commands open / syslog / rsp /
// close / serverclose, open's data with relp_version=.
bool relp_frames(Payload p);

// InfluxDB's line protocol: LF lines "<measurement>[,<tag>=<v>...]
// <field>=<value>[,...] <timestamp>", field values typed (float, 123i,
// 123u, "string", t/f), every line with its 9-19 digit timestamp.
bool influx_lines(Payload p);

// LIRC's lircd socket: reply blocks BEGIN LF <command> LF SUCCESS|ERROR LF
// [DATA LF <n> LF <n lines>] END LF; the client's LF commands, one that
// sends or simulates (SEND_ONCE, SEND_START...).
bool lirc_replies(Payload p);
bool lirc_commands(Payload p);

// ConMan (conman's protocol): LF lines "<COMMAND>[ KEY='value'...]", the
// first HELLO with USER='<name>'; answers OK / ERROR with their KEY='value'
// pairs, one of them a CONSOLE or CODE and MESSAGE.
bool conman_hello(Payload p);
bool conman_answer(Payload p);

// Guile's REPL server: its banner "GNU Guile <version>" LF and the
// Free Software Foundation's copyright line.
bool guile_repl_banner(Payload p);

// Amanda's datagrams (common-src/packet.c): the first line "Amanda
// <major>.<minor>[.<patch>] REQ|REP|PREP|ACK|NAK HANDLE <handle> SEQ
// <number>" LF, then LF text lines (SECURITY, SERVICE, OPTIONS...).
bool amanda_packet(Payload p);

// WS-Discovery (OASIS WS-Discovery 1.1, wsdd): a SOAP envelope in one
// datagram naming the discovery namespace (2005/04 or 2009/01) and one of
// its actions (Hello, Bye, Probe, ProbeMatches, Resolve, ResolveMatches).
bool ws_discovery(Payload p);

// Zephyr (zephyr's lib/ZFmtRawLst.c): the version field "ZEPH0.2" NUL,
// then the field count and the kind as "0x%08X" NUL-ended fields.
bool zephyr_packet(Payload p);

// PowerMan (powerman(1)'s client protocol): reply lines "<3 digits> <text>"
// CR LF ended by its prompt "powerman> "; the greeting is "001 <version>".
bool powerman_replies(Payload p);

}  // namespace ghostports::text_rows
