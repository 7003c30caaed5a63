// SPDX-License-Identifier: GPL-2.0-or-later
// Text rows of the signature table for message brokers, RPC and metrics
// feeds: STOMP frames, JSON-RPC (and OVSDB's use of it), Graphite's
// plaintext lines and StatsD's, Direct Connect's ADC and tinc's meta protocol. Each checks its grammar over the whole
// payload; the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::text_rows {

using Payload = std::span<const std::uint8_t>;

// STOMP 1.0-1.2 ("Augmented BNF"): frames COMMAND EOL, header lines, EOL,
// a body (of content-length octets when given), NUL, heart-beat EOLs; the
// command's required headers present.
bool stomp_frames(Payload p);
// JSON-RPC 1.0 / 2.0: JSON objects (whitespace between, or each after an
// LSP-style Content-Length header), each a request, notification or
// response with only the members the version defines.
bool jsonrpc_messages(Payload p);
// OVSDB (RFC 7047 4.1): JSON-RPC 1.0 requests whose methods are OVSDB's.
bool ovsdb_requests(Payload p);
// Graphite plaintext (carbon's line receiver): 2+ LF-ended lines
// "<dotted.metric.path> <number> <unix time>".
bool graphite_lines(Payload p);

// StatsD (etsy/statsd docs/metric_types.md, DogStatsD's tags): LF-separated
// lines "<bucket>:<number>|c|ms|g|s|h|m[|@<rate>][|#<tags>]".
bool statsd_lines(Payload p);

// ADC (Direct Connect hubs, ADC 1.0.3 "Message syntax"): LF-ended lines
// "<type><command>[ <params>]", type one of BCDEFHIU with its header fields
// (session ids in base32), commands of the base protocol, one of them
// SUP, SID, INF or STA.
bool adc_messages(Payload p);
// tinc's meta protocol (tinc 1.0/1.1 "The meta-protocol"): the ID request
// "0 <name> 17[.<minor>]" LF, then nothing, a METAKEY line
// "1 <cipher> <digest> <maclength> <compression> <hex key>" or SPTPS records.
bool tinc_meta(Payload p);

// GELF (Graylog Extended Log Format 1.1, uncompressed): JSON objects, one
// per datagram or NUL-ended over TCP, with "version" 1.0 / 1.1, "host" and
// "short_message" strings, the other members GELF's own or "_"-prefixed.
bool gelf_messages(Payload p);

// The Debug Adapter Protocol (debugpy, lldb-dap...): "Content-Length:"
// framed JSON objects with a numeric seq and a type request (with a
// command), response (command and success) or event (an event name).
bool dap_messages(Payload p);

}  // namespace ghostports::text_rows
