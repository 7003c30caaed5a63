// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table for what devices and exporters send to a
// collector or a constrained server: CoAP, NetFlow v5 / v9, IPFIX, sFlow
// and MPEG transport streams. Each
// walks the whole datagram (or TCP message stream) as its specification
// lays it out, every length agreeing; the rows are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// CoAP (RFC 7252 3): a request (CON/NON, method 0.01-0.07) or a response
// (class 2/4/5) whose options are registered, ascending, of their lengths,
// and whose payload agrees with its Content-Format; empty messages and
// bare acknowledgements say too little and are not named.
bool coap_message(Payload p);
// NetFlow v5 (Cisco): a 24-octet header, count records of 48 octets = the datagram.
bool netflow_v5(Payload p);
// NetFlow v9 (RFC 3954 5): a 20-octet header, FlowSets whose lengths tile the datagram.
bool netflow_v9(Payload p);
// IPFIX (RFC 7011 3): messages whose length field tiles the payload, sets tiling each message.
bool ipfix_messages(Payload p);
// sFlow v5 (sflow_version_5.txt): the datagram header, then exactly its
// number of samples (flow / counter, compact or expanded), each holding its
// number of records, every length tiling what holds it.
bool sflow_datagram(Payload p);
// MPEG transport stream (ISO/IEC 13818-1 2.4.3): 188-octet packets, each
// starting with the sync octet 0x47, no transport error, an adaptation
// field that fits; two or more of them (a TCP segment may end inside one).
bool mpeg_ts_packets(Payload p);

// Graphite's pickle receiver (carbon's "pickle protocol"): a 4-octet
// length = the rest, a pickle of protocol 2-5 (a FRAME in 4 and 5) whose
// first opcode builds a list (EMPTY_LIST or MARK) and whose last is STOP.
bool carbon_pickle(Payload p);

// rtl_tcp's greeting (rtl-sdr's rtl_tcp.c): "RTL0", a tuner type 1-6 and
// a gain count <= 64, then the I/Q samples.
bool rtl_tcp_greeting(Payload p);

// dump1090's feeds of ADS-B messages: SBS-1 BaseStation lines "MSG,<1-8>,"
// of 22 fields (the aircraft's 6 hex digits, dates yyyy/mm/dd, times
// hh:mm:ss.mmm), or AVR lines "*<14 or 28 hex digits>;".
bool adsb_feed(Payload p);

// AUTOSAR DLT (PRS Diagnostic Log and Trace, "Standard Header"; COVESA's
// dlt-daemon over TCP): messages of header version 1, each its length
// (which holds the optional ECU id, session id and timestamp and the
// extended header its flags announce), tiling the payload; an extended
// header's message type and subtype defined, its application and context
// ids printable and NUL-padded. An optional serial header "DLS" 01 before
// each. One message at least proves itself: a verbose message whose
// arguments (bool / integer / float / string / raw) tile its payload, or a
// control message of a defined service id.
bool dlt_messages(Payload p);

// lbcd's load report (Stanford's lbcd, protocol.h): the header (version
// 2 or 3, op 1, status 1 "ok"), boot time <= current time (after 2000),
// the user information's time <= current time, load averages, users
// (unique <= total, on the console <= total), /tmp fullness <= 100 %,
// pad 0, at most 5 services, and (services + 1) weight / increment pairs,
// exactly. Requests (8 octets) and error replies are too little to name.
bool lbcd_reply(Payload p);

}  // namespace ghostports::framed
