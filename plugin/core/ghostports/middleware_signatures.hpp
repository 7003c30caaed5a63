// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for middleware's own wire protocols:
// a message broker's (ActiveMQ's OpenWire), databases' (Cassandra's CQL
// native protocol, Firebird's) and an application server's (uWSGI's). Each
// walks the first messages as the protocol lays them out (magic, versions
// and opcodes of a closed set, lengths that agree); the rows are in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// OpenWire's WireFormatInfo (ActiveMQ's openwire.html): a 4-octet size,
// data type 1, the magic "ActiveMQ", a version 1-12; both sides open with it.
bool openwire_wireformat(Payload p);

// CQL native protocol v3-v5 (Cassandra's native_protocol_v4.spec 2):
// 9-octet frame headers of a request / response version, known flags, a
// request / response opcode and the length = the body, tiling the
// payload; the first a STARTUP / SUPPORTED string map naming CQL_VERSION
// or COMPRESSION, an OPTIONS / READY of no body, a QUERY or an ERROR of a
// known code.
bool cql_frames(Payload p);

// Firebird's wire protocol (remote/protocol.h): op_connect with its
// attach / create / service operation, connect version 2-3, the database
// path and user id as XDR strings, 1-10 protocol entries (version,
// architecture, types min <= max <= 5, weight <= 10) to the end; or the
// server's 16-octet op_accept.
bool firebird_connect(Payload p);
bool firebird_accept(Payload p);

// uWSGI's packet (uwsgi-docs "The uwsgi protocol"): modifier1 <= 32, a
// little-endian data size, modifier2 0, then "key size, key, value size,
// value" variables of CGI names tiling exactly that size, REQUEST_METHOD
// among them.
bool uwsgi_request(Payload p);

// Groonga's GQTP (lib/com.h grn_com_header, memcached's binary header but
// for its magic): 24-octet headers, protocol 0xC7, query type 0, no key,
// level 0, flags MORE / TAIL / HEAD set (memcached's data type is 0), the
// size = the body, CAS zero, tiling the payload; text bodies, the first a
// command or a JSON answer.
bool gqtp_messages(Payload p);

// H2's TCP server protocol (org.h2.server.TcpServerThread): the client's
// minimum and maximum protocol versions (6-20, min <= max), then the
// database name and the URL "jdbc:h2:..." as UTF-16 strings (a character
// count, then the characters).
bool h2_client_hello(Payload p);

// OpenLink Virtuoso's client protocol (Dkbox serialization): a future
// request, an array of 5 boxes (tag C1, its count as a short int BC 05),
// DA_FUTURE_REQUEST (1), a request number, an ancestry, the service's name
// as a short string (B5 + length: SCON, EXEC, caller_identification...).
bool virtuoso_request(Payload p);

// CORBA's GIOP (CORBA 3.0 15.4, the message header; IIOP over TCP):
// "GIOP", version 1.0-1.3, flags of the version (byte order; fragments
// from 1.1), a message type of the eight (Fragment from 1.1), the message
// size in the header's byte order; CloseConnection and MessageError
// empty, CancelRequest a request id. Messages tile the payload, the last
// may be cut.
bool giop_messages(Payload p);

}  // namespace ghostports::framed
