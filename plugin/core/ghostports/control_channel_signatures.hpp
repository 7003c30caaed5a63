// SPDX-License-Identifier: GPL-2.0-or-later
// Text rows of the signature table for the control channels of a host's
// daemons: the message bus's authentication (D-Bus), a virtual machine's
// monitors (QEMU's QMP and human monitor), Tor's control port, Dovecot's
// authentication server, I2P's SAM and BOB bridges, a media gateway's MGCP,
// a monitoring core's Livestatus and OpenVPN's management interface. Each checks its protocol's
// grammar over the whole payload (a closed vocabulary, its arguments'
// shapes, line ends as specified), never one keyword; the rows are in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::text_rows {

using Payload = std::span<const std::uint8_t>;

// D-Bus authentication (the D-Bus specification, "Authentication
// Protocol"): the client's credentials NUL, then CR LF commands; one AUTH
// with a mechanism of the specification's (EXTERNAL, DBUS_COOKIE_SHA1,
// ANONYMOUS) or NEGOTIATE_UNIX_FD; after BEGIN, D-Bus messages.
bool dbus_auth_client(Payload p);
// The server's: OK <32 hex digits: the server's GUID>, REJECTED <known
// mechanisms>, AGREE_UNIX_FD lines.
bool dbus_auth_server(Payload p);

// QEMU's machine protocol (QMP, qemu docs "QEMU Machine Protocol
// Specification"): CR LF-ended JSON objects; the greeting {"QMP": {"version":
// {...}, "capabilities": [...]}}, a command {"execute": "<command>"[,
// "arguments"] [, "id"]} of QMP's / the guest agent's names, an event
// {"event": "NAME", "data"?, "timestamp": {"seconds", "microseconds"}}.
bool qmp_messages(Payload p);
// QEMU's human monitor over a socket: "QEMU <version> monitor - type 'help'
// for more information" CR LF, then its "(qemu) " prompt or nothing.
bool qemu_monitor_banner(Payload p);

// SLIME's Swank (swank-rpc.lisp): frames of six lower-case hex digits, the
// length, then one balanced s-expression of that length: "(:keyword ..."
// of the client's vocabulary (:emacs-rex, :emacs-return...) or the
// server's (:return, :write-string, :new-features, :indentation-update,
// :debug...). A Swank server evaluates what it is sent: a Lisp REPL.
bool swank_client(Payload p);
bool swank_server(Payload p);

// Tor's control protocol (control-spec.txt): CR LF commands of its
// vocabulary, one of PROTOCOLINFO / AUTHCHALLENGE / TAKEOWNERSHIP /
// SETEVENTS / ADD_ONION / DEL_ONION; replies "250-PROTOCOLINFO 1" ...,
// "514 Authentication required.", "515 Authentication failed: ..." or
// "650 <EVENT>" lines.
bool tor_control_commands(Payload p);
bool tor_control_replies(Payload p);

// Dovecot's authentication protocol (doc "Authentication Protocol"): LF
// lines of TAB-separated fields; the handshake VERSION 1 <minor> with CPID
// (client) or MECH / SPID / CUID / COOKIE / DONE (server); AUTH / CONT /
// OK / FAIL lines with their request ids.
bool dovecot_auth_client(Payload p);
bool dovecot_auth_server(Payload p);

// I2P's SAM bridge (SAMv3 specification): LF lines "<COMMAND> <SUBCOMMAND>
// KEY=VALUE..." of its pairs (HELLO VERSION / REPLY, SESSION CREATE /
// STATUS, STREAM CONNECT / ACCEPT / FORWARD / STATUS, NAMING LOOKUP / REPLY,
// DEST GENERATE / REPLY), the first HELLO or SESSION.
bool i2p_sam_lines(Payload p);

// MGCP (RFC 3435 3.2): a command line "<verb> <transaction id> <endpoint>
// MGCP 1.0[ NCS 1.0 / TGCP 1.0]" of MGCP's verbs (CRCX, MDCX, DLCX, RQNT,
// NTFY, AUEP, AUCX, RSIP, EPCF, MESG), an endpoint local@domain, then
// parameter lines "<code>: <value>" up to an empty line (SDP after it).
bool mgcp_command(Payload p);

// MK Livestatus (the monitoring core's query socket: Naemon, Icinga 2,
// Checkmk): "GET <table>" LF of its tables, then header lines of its
// vocabulary (Columns:, Filter:, Stats:, OutputFormat:, ResponseHeader:...)
// to an empty line or the end; the answer's fixed16 header "ddd <length
// in 11>" LF and the body of that length.
bool livestatus_query(Payload p);
bool livestatus_answer(Payload p);

// I2P's BOB bridge: its greeting "BOB <nn.nn.nn>" LF "OK" LF.
bool bob_greeting(Payload p);

// OpenVPN's management interface: its banner ">INFO:OpenVPN Management
// Interface Version <n> -- type 'help' for more info" CR LF, then its
// real-time ">..." lines.
bool openvpn_management_banner(Payload p);

}  // namespace ghostports::text_rows
