// SPDX-License-Identifier: GPL-2.0-or-later
// The signature table: strong, structural evidence that names a well-known
// protocol from one payload of a conversation (banners, magic numbers,
// handshakes with their exact lengths), seen from either side. A row names
// only when the structure holds as a whole (lengths agree, fields in range):
// a wrong name is worse than none.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace ghostports {

enum class Transport : std::uint8_t { Tcp = 1, Udp = 2, Both = 3 };

// Who sent the payload: the client (the side that is not on the ghost port,
// or else the conversation's first sender) or the server.
enum class Sender : std::uint8_t { Client = 1, Server = 2, Either = 3 };

using Matcher = bool (*)(std::span<const std::uint8_t> payload);

struct Signature {
    const char *id;            // row name, shown as evidence: "ssh-banner"
    const char *protocol;      // display name: "SSH"
    const char *dissector;     // Wireshark dissector handle name, or nullptr
    std::uint16_t port;        // well-known port: the dissector table entry to use when the handle has no name
    Transport transport;       // where the row applies
    Sender sender;             // who sends such a payload
    const char *nmap_service;  // nmap's service name for this protocol ("ssh"), or nullptr
    const char *pattern;       // one-line description of what is checked, for doc/ghost-ports.md and the tree
    Matcher matches;
};

// The first row that matches `payload` sent by `sender` over `transport`,
// or nullptr. Rows are ordered so that a more specific protocol wins over a
// more general one (RTSP and SIP before HTTP).
const Signature *match_signature(std::span<const std::uint8_t> payload, Transport transport, Sender sender);

// Whether one row's protocol is a use of another's ("OVSDB" is carried in
// "JSON-RPC" 1.0, RFC 7047 4) or a variant of it (LMTP of SMTP, and back):
// a message of the first is also one of the second, so the two names agree.
bool carried_in(std::string_view inner, std::string_view outer);

// Every row, in matching order.
std::span<const Signature> signature_table();

// The row for `transport` whose nmap service name is `service` (nmap
// names: "ssh", "http", "smtp"...), or nullptr.
const Signature *signature_for_nmap_service(std::string_view service, Transport transport);

// The shapes of a shell's output and prompt, one definition shared by the
// signature rows and the exposure scanner. Each takes one line without its
// end (CR LF / LF).
namespace shell {
// id: "uid=N(name) gid=N(name)[ groups=...]": the user's name, or "" when not such a line.
std::string_view id_output_user(std::string_view line);
// uname -a: "Linux <host> <release> #<build> ... <machine> GNU/Linux"
bool uname_output(std::string_view line);
// /etc/passwd: "name:x:uid:gid:gecos:/home:/shell"
bool passwd_entry(std::string_view line);
// A prompt, the last (unterminated) line: "user@host:~$ ", "sh-5.2$ ", "$ ", "# "
bool prompt(std::string_view last_line);
}  // namespace shell

// One syslog message (RFC 5424 / RFC 3164): "<PRI>" 0-191 then either
// header, printable to the end; what the UDP row checks, and what the TCP
// rows check in each frame (text_signatures.cpp).
namespace syslog_format {
bool message(std::span<const std::uint8_t> payload);
}  // namespace syslog_format

}  // namespace ghostports
