// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table for AAA, real-time and messaging
// protocols (TACACS+, Diameter, RTCP, ZMTP, PTPv2). They are binary and
// length-framed like framed_signatures.hpp's, and kept in a file of their
// own so that one stays one family: each walks the whole payload as its
// specification lays it out (every length agreeing with the payload and
// with the structure inside it, fields in their assigned ranges). The rows
// that use them are in signatures.cpp.
#pragma once

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {

bool tacacs_plus_packets(Payload p);  // TACACS+ packets tiling the payload, clear bodies laid out
bool diameter_messages(Payload p);    // Diameter messages tiling the payload, AVPs tiling each
bool rtcp_compound(Payload p);        // an RTCP compound packet, SR / RR first, with a CNAME
bool zmtp_greeting(Payload p);        // a ZMTP 3.x greeting, whole or from its version (+ frames)
bool ptp_message(Payload p);          // a PTPv2 message of its type's length (+ TLVs)

}  // namespace ghostports::framed
