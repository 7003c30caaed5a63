// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table's text rows: protocols whose first
// payload is lines of text or NUL-separated strings (rsh, rlogin, Gopher,
// syslog over TCP, NUT, ident, finger, LPD, NNTP, DICT, VNC, chargen, GDB's remote protocol). Each checks the
// protocol's grammar over the whole payload, every line, from its
// specification; the rows that use them are in signatures.cpp (the block
// marked "text grammars").
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::text_rows {

using Payload = std::span<const std::uint8_t>;

// rlogin (RFC 1282 "Connection Establishment"): "\0<local user>\0<remote user>\0<terminal>/<speed>\0",
// or the same without its first NUL (sent apart by glibc's rcmd).
bool rlogin_request(Payload p);
// rsh (rshd(8), rcmd(3)): "<stderr port or empty>\0<local user>\0<remote user>\0<command>\0".
bool rsh_request(Payload p);
// Gopher (RFC 1436 3.8): a menu, every line "<type><display>\t<selector>\t<host>\t<port>" CR LF, then ".".
bool gopher_menu(Payload p);
// Gopher (RFC 1436 2): one selector line "/..." CR LF, the whole payload (weak: the table's last row).
bool gopher_selector(Payload p);
// Syslog over TCP (RFC 6587 3.4.1): "<MSG-LEN> SP <syslog message>" frames tiled to the end.
bool syslog_octet_counted(Payload p);
// Syslog over TCP (RFC 6587 3.4.2): non-transparent framing, every LF-ended line a syslog message.
bool syslog_lines(Payload p);
// NUT (docs/net-protocol.txt): every line a client command with its arguments, one of them LIST/GET/SET.
bool nut_command(Payload p);
// NUT: every line a server answer, one of them BEGIN/END LIST, a list item or ERR <known code>.
bool nut_reply(Payload p);
// ident (RFC 1413): "<port> , <port>" EOL.
bool ident_request(Payload p);
// ident (RFC 1413): "<port> , <port> : USERID : <opsys> : <user>" or ": ERROR : <error>" EOL.
bool ident_reply(Payload p);
// finger (RFC 1288, BSD finger's output): "Login: ... Name: ..." / "Directory: ... Shell: ..." lines,
// or the short listing's "Login Name Tty Idle Login Time ..." header and a session line.
bool finger_reply(Payload p);
// LPD (RFC 1179 7): a receive-job subcommand "02|03 <count> SP cfA|dfA<nnn><host>" LF.
bool lpd_command(Payload p);
// NNTP (RFC 3977 5.1): "200|201 <text naming news/NNTP>" CR LF, the whole payload.
bool nntp_greeting(Payload p);
// DICT (RFC 2229 3.1): "220 <text> <capabilities> <msg-id>" CR LF, the whole payload.
bool dict_banner(Payload p);
// VNC (RFC 6143 7.1.1): the ProtocolVersion "RFB xxx.yyy" LF, exactly 12 octets, either side.
bool rfb_version(Payload p);
// Character Generator (RFC 864): lines of the 95 printing characters, each
// one shifted by one from the line before.
bool chargen_lines(Payload p);

// GDB remote serial protocol ("Overview" of the GDB manual): '+' / '-'
// acknowledgements and $data#cs packets (or %notifications) whose two hex
// digits are the data's sum modulo 256, to the end, one with data.
bool gdb_remote_packets(Payload p);

}  // namespace ghostports::text_rows
