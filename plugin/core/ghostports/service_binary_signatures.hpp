// SPDX-License-Identifier: GPL-2.0-or-later
// Binary rows of the signature table for the daemons a Debian host runs
// beside its main services: FastCGI application servers, distcc, Erlang's
// port mapper, talk, Bacula, chrony's command port and Bazaar. Each walks
// the whole payload as its protocol lays it out (lengths that agree,
// fields in their ranges, reserved octets zero); the rows are in
// signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

// FastCGI 1.0 records (version 1, a known type, reserved 0) tiling the
// payload, the last maybe cut; the client's first a BEGIN_REQUEST (role 1-3)
// or GET_VALUES, the server's an output, END_REQUEST or management answer;
// each type's request id and fixed body length as the specification says.
bool fastcgi_client(Payload p);
bool fastcgi_server(Payload p);

// distcc (doc/protocol-1.txt, -3): 12-octet tokens, four capitals of its
// vocabulary and eight hex digits, the string tokens' data after them.
bool distcc_tokens(Payload p);

// Erlang's EPMD (erts "Distribution Protocol"): a request whose 2-octet
// length is the rest: NAMES / DUMP / KILL, or ALIVE2_REQ with its node
// type, protocol, versions and name (not PORT_PLEASE2: a length and a name
// is too little); the NAMES answer "name <n> at port
// <p>" lines, after EPMD's own port or in a segment of their own.
bool epmd_request(Payload p);
bool epmd_names(Payload p);

// talk (BSD protocols/talkd.h, version 1): the 84-octet CTL_MSG with its
// two osockaddrs (AF_INET, zero padding) and NUL-padded names; the 24-octet
// CTL_RESPONSE when it answers SUCCESS with an address.
bool ntalk_message(Payload p);

// Bacula's network messages (bsock: 4-octet length + text), the first one
// of its handshake: "Hello <name> calling", "auth cram-md5 <id> ssl=<n>",
// "1000 OK auth".
bool bacula_handshake(Payload p);

// chrony's command protocol (candm.h, versions 5 and 6): a reply header
// with its reserved and padding octets zero, a known command and status.
bool chrony_reply(Payload p);

// Bazaar's smart protocol (bzrlib/smart/protocol.py): the "bzr message 3
// (bzr 1.6)" LF header then a 4-octet length and a bencoded dictionary, or
// the version 2 "bzr request 2" / "bzr response 2" LF header alone.
bool bzr_message(Payload p);

// The sendmail milter protocol (libmilter's mfdef.h, version 2-6): the
// option negotiation SMFIC_OPTNEG, 4-octet length 13, 'O', version,
// action and protocol flags in their ranges; packets of known commands
// tiling the rest.
bool milter_packets(Payload p);

// Neo4j's Bolt handshake: the magic 60 60 B0 17 and four version
// proposals (00 <range> <minor> <major>), exactly 20 octets.
bool bolt_handshake(Payload p);

// Java RMI's transport (the RMI specification, 10.2): "JRMI", version 2,
// Stream / SingleOp / Multiplex protocol; the ProtocolAck 0x4E with the
// client's host (2-octet length + UTF) and port, the whole payload.
bool java_rmi_header(Payload p);
bool java_rmi_ack(Payload p);

// Tarantool's greeting: 128 octets, "Tarantool <version> ..." padded to
// 63 octets + LF, a base64 salt padded to 63 octets + LF.
bool tarantool_greeting(Payload p);

// apcupsd's Network Information Server: the client's 2-octet length +
// "status" / "events"; the server's 2-octet length + "KEY : value" LF
// records, a zero length at the end.
bool apcupsd_request(Payload p);
bool apcupsd_records(Payload p);

// PulseAudio's native protocol: the 20-octet frame descriptor of the
// control channel (length, channel 0xFFFFFFFF, offset and flags zero), then
// nothing or a tagstruct beginning with its command and tag ('L' u32 'L'
// u32).
bool pulseaudio_native(Payload p);

// Ganglia's gmond over UDP (XDR, gm_protocol.x): message id 128-136, host
// and metric names, spoof 0/1, then the metadata (type, name, units, slope
// 0-4, tmax, dmax, extra pairs) or the value of its type, to the end.
bool gmond_xdr(Payload p);

// aMule's External Connections: 4-octet flags (0x20 set, the low byte
// only, not compressed), a 4-octet length equal to the rest, an opcode, a
// tag count and a first tag of a known type with its size.
bool amule_ec(Payload p);

// BitTorrent: the UDP tracker's connect request (BEP 15: protocol id
// 0x41727101980, action 0, a transaction id; 16 octets); a DHT KRPC
// message (BEP 5: one bencoded dictionary with y q/r/e and t, a query's
// q and a with a 20-octet id, a response's r with one).
bool bittorrent_udp_tracker(Payload p);
bool bittorrent_dht(Payload p);

// Open Sound Control 1.0: a message (an address "/...", a type tag
// string ",...", arguments of those types, each padded to 4 octets, tiling
// the datagram) or a "#bundle" of such elements.
bool osc_packet(Payload p);

// KNXnet/IP: header length 6, version 0x10, a known service type, total
// length = the datagram; a discovery / connection request's HPAI (8 octets,
// UDP or TCP).
bool knxnet_ip(Payload p);

// Pyro4 / Pyro5's wire protocol: the 24-octet header "PYRO", protocol
// version, message type 1-6, flags, sequence, data size, serializer,
// annotations size, reserved zero and its checksum (the sum of the fields
// + 0x34E9), then its data.
bool pyro_message(Payload p);

// libvirt's RPC (remote_protocol.x): a 4-octet length = the packet, a
// program of libvirt's (remote, QEMU, LXC, keep-alive), version 1, a type
// 0-5 and a status 0-2.
bool libvirt_rpc(Payload p);

// binkp (FTS-1026): frames of a 2-octet header (command bit + 15-bit
// length) tiling the payload; the first a command frame M_NUL with one of
// its keywords (SYS, ZYZ, LOC, VER, OPT...) or M_ADR with FTN addresses.
bool binkp_frames(Payload p);

// Dask's comm protocol (distributed/comm/utils.py): an 8-octet
// little-endian total, a frame count, the frames' lengths summing to the
// rest, the first frame a msgpack map.
bool dask_frames(Payload p);

// Nebula (slackhq/nebula header.go): its handshake, a 16-octet header of
// version 1, type 0, subtype 0, reserved zero, stage 1 (remote index 0,
// counter 1) or 2 (an index, counter 2), and a Noise IX message of 80+
// octets. Its other messages are WireGuard's header but for one octet.
bool nebula_packet(Payload p);

// XRootD (XRootD protocol specification, "Initial Handshake"): the
// client's 20-octet handshake (0, 0, 0, 4, 2012), then requests of a
// 24-octet header (stream id, a request id 3000-3031, a data length
// tiling the rest); the server's answer to it: stream id 0, status 0,
// length 8, a protocol version and the server type (0 / 1).
bool xrootd_handshake(Payload p);
bool xrootd_handshake_answer(Payload p);

// Snapcast (snapcast's common/message/message.hpp): 26-octet
// little-endian headers (type 0-8, ids, two timestamps with microseconds
// under a million, the size = the message) tiling the payload; the first
// a Hello / ClientInfo / ServerSettings carrying its JSON with a key of
// Snapcast's, or a CodecHeader naming flac, ogg, opus or pcm.
bool snapcast_messages(Payload p);

}  // namespace ghostports::framed
