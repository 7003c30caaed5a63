// SPDX-License-Identifier: GPL-2.0-or-later
// Text rows of the signature table for the small services of a Debian
// host's community of programs, each with a protocol of its own: a
// conference system (LysKOM), a lock daemon (poolcounter), a remote SysRq
// (sysrqd), password change (poppassd), Japanese dictionary servers (SKK),
// synchronised video (Syncplay), observatory instruments (INDI), volunteer
// computing (BOINC's GUI RPC) and a game's meta-server (Pioneers). Each
// checks its protocol's grammar over the whole payload; the rows are in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::text_rows {

using Payload = std::span<const std::uint8_t>;

// LysKOM Protocol A ("Connecting"): the client's "A" + a Hollerith string
// ("<n>H" + n octets) + LF, then requests "<ref> <call> ..."; the server's
// "LysKOM" LF, then replies "=<ref>", errors "%<ref>", messages ":<n>".
bool lyskom_client(Payload p);
bool lyskom_server(Payload p);

// poolcounter (MediaWiki's lock daemon, its README): LF lines, one at
// least "ACQ4ME" / "ACQ4ANY" <key> <workers> <maxqueue> <timeout>,
// others RELEASE.
bool poolcounter_commands(Payload p);

// sysrqd's password prompt, the whole payload: "sysrqd password: ".
bool sysrqd_prompt(Payload p);

// poppassd's greeting (poppassd-ceti): one line "200 poppassd" and
// printable text, CR LF or LF.
bool poppassd_greeting(Payload p);

// SKK's dictionary server protocol (skkserv, dbskkd-cdb, yaskkserv): a
// request "1" + a reading (no space, no control; kana in EUC-JP or UTF-8,
// or lower-case letters) + " ", optionally LF; a found answer "1/" +
// candidates each ended by "/" + LF.
bool skk_request(Payload p);
bool skk_answer(Payload p);

// Syncplay (its protocol's JSON lines): CR LF-ended JSON objects whose
// members are all commands of Syncplay's (Hello, Set, State, List, Chat,
// Error, TLS), the first a Hello with a user name and a version, or TLS.
bool syncplay_messages(Payload p);

// INDI (the INDI white paper's XML protocol): the client's
// <getProperties version="1.x" ...> or an element of the property
// vocabulary with its device and name attributes (defTextVector,
// setNumberVector, newSwitchVector, message, delProperty...).
bool indi_elements(Payload p);

// BOINC's GUI RPC (boinc's gui_rpc_client): "<boinc_gui_rpc_request>" or
// "<boinc_gui_rpc_reply>" XML ended by its closing tag, LF and 0x03.
bool boinc_gui_rpc(Payload p);

// The Pioneers meta-server's greeting, a whole line:
// "welcome to the pioneers-meta-server version <n.n>" LF.
bool pioneers_meta_greeting(Payload p);

}  // namespace ghostports::text_rows
