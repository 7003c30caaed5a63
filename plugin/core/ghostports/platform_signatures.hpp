// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for the plumbing of a host's
// platform: its message bus (D-Bus), the runtimes' own RPC (Erlang's node
// distribution, Apache Thrift, MessagePack-RPC, nanomsg's SP), file and
// device sharing with virtual machines (9P, USB/IP, SPICE), developers'
// REPLs and debuggers (nREPL, DBGp). Each walks the whole message as its
// specification lays it out (lengths that agree, fields in their ranges,
// the types of a closed set); the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// D-Bus messages (the D-Bus specification, "Message Format"): endianness
// 'l' / 'B', type 1-4, flags of the three defined, major version 1, a
// serial, the header field array of known codes each with its own
// signature and a value of it, the fields the type requires, the body
// length; messages tile the payload (the last may be cut after its
// header). What a client sends after its authentication's BEGIN.
bool dbus_messages(Payload p);

// Erlang's distribution handshake (erts "Distribution Protocol", 2-octet
// lengths): send_name 'n' (version 5) / 'N' (flags, creation, name),
// recv_status 's' of its closed set, a challenge with a node name
// "name@host"; the challenge reply 'r' and ack 'a' only after one of those.
bool erlang_dist_handshake(Payload p);

// 9P (Plan 9 intro(5), 9P2000.L): the whole Tversion / Rversion, size =
// the message, tag NOTAG, an msize and a version string "9P2000[.x]" or
// "unknown".
bool ninep_version(Payload p);

// USB/IP (the kernel's usbip_protocol.rst): the 8-octet OP_REQ_DEVLIST,
// OP_REQ_IMPORT with its bus id, OP_REP_DEVLIST with its devices and
// interfaces to the end, OP_REP_IMPORT; version 0x0111.
bool usbip_operation(Payload p);

// Apache Thrift's strict binary protocol (TBinaryProtocol), framed or
// not: 0x8001, a message type 1-4, a method name, a sequence id and a
// struct of typed fields read to its stop field, the payload's end.
bool thrift_message(Payload p);

// MessagePack-RPC (the msgpack-rpc specification, what Neovim speaks):
// arrays [0, id, "method", [params]], [1, id, error, result] and
// [2, "method", [params]] tiling the payload, every value valid msgpack.
bool msgpack_rpc(Payload p);

// Clojure's nREPL over its bencode transport: dictionaries tiling the
// payload; a request's "op" one of nREPL's operations (clone, describe,
// eval, load-file...), a response with its "id" / "session" and a status
// list, a value, output or a new session.
bool nrepl_messages(Payload p);

// The scalability protocols of nanomsg / NNG over TCP (SP TCP mapping):
// the 8-octet header 00 'S' 'P' 00, a protocol id of the SP family (pair,
// pub / sub, req / rep, push / pull, surveyor / respondent, bus), two zero
// octets; then messages of an 8-octet length.
bool sp_header(Payload p);

// DBGp (the debugger protocol of Xdebug): the engine's packets
// "<length>" NUL <XML of that length> NUL, the XML an init / response /
// stream / notify element of urn:debugger_protocol_v1; the IDE's
// NUL-ended commands "<command> -i <transaction id> [options]".
bool dbgp_engine(Payload p);
bool dbgp_commands(Payload p);

// SPICE's link handshake (spice-protocol's protocol.h): "REDQ", version
// 2.1 / 2.2, the size = the rest; a link message (channel type 1-11, caps
// at offset 18) or a link reply (an error code, the 162-octet public key,
// caps at offset 178).
bool spice_link(Payload p);

// sccache's client requests (src/server.rs, bincode): a 4-octet big-endian
// length = the rest, the Compile variant (4, little-endian), then the
// compiler's and the working directory's absolute paths (each an
// OsString: variant 0, an 8-octet length, the octets).
bool sccache_compile(Payload p);

}  // namespace ghostports::framed
