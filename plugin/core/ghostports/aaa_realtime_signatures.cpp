// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/aaa_realtime_signatures.hpp"

#include <algorithm>
#include <cstddef>

namespace ghostports::framed {
namespace {

using std::size_t;

// --- TACACS+ (RFC 8907) ------------------------------------------------------

// The lengths of `count` arguments listed one octet each from `at`, summed.
size_t tacacs_argument_lengths(Payload b, size_t at, size_t count) {
    size_t sum = 0;
    for (size_t i = 0; i < count; ++i) sum += b[at + i];
    return sum;
}
// RFC 8907 5.1: authentication START: action LOGIN / CHPASS / SENDAUTH, priv_lvl 0-15,
// authen_type 1-6, authen_service 0-9, then user, port, rem_addr and data of their lengths.
bool tacacs_authen_start(Payload b) {
    return b.size() >= 8 && one_of(b[0], {1, 2, 4}) && b[1] <= 15 && in_range(b[2], 1, 6) && b[3] <= 9 &&
           8u + b[4] + b[5] + b[6] + b[7] == b.size();
}
// RFC 8907 5.2: authentication REPLY: status 1-7 / FOLLOW, flags NOECHO only, server_msg and data.
bool tacacs_authen_reply(Payload b) {
    return b.size() >= 6 && (in_range(b[0], 1, 7) || b[0] == 0x21) && b[1] <= 1 &&
           6u + be16(b, 2) + be16(b, 4) == b.size();
}
// RFC 8907 5.3: authentication CONTINUE: user_msg and data lengths, flags ABORT only.
bool tacacs_authen_continue(Payload b) {
    return b.size() >= 5 && b[4] <= 1 && 5u + be16(b, 0) + be16(b, 2) == b.size();
}
// RFC 8907 6.1 / 7.1: the fields an authorization or accounting request shares from `at`:
// authen_method (assigned), priv_lvl 0-15, authen_type 0-6, authen_service 0-9, user,
// port, rem_addr and argument lengths, then those strings ending the body.
bool tacacs_request_fields(Payload b, size_t at) {
    if (b.size() < at + 8 || !one_of(b[at], {0, 1, 2, 3, 4, 5, 6, 8, 0x10, 0x11, 0x20}) || b[at + 1] > 15 ||
        b[at + 2] > 6 || b[at + 3] > 9)
        return false;
    const size_t count = b[at + 7], lists = at + 8 + count;
    return lists <= b.size() &&
           lists + b[at + 4] + b[at + 5] + b[at + 6] + tacacs_argument_lengths(b, at + 8, count) == b.size();
}
// RFC 8907 6.2: authorization RESPONSE: status PASS_ADD / PASS_REPL / FAIL / ERROR / FOLLOW,
// arg_cnt, server_msg and data lengths, the argument lengths, then the strings.
bool tacacs_author_response(Payload b) {
    if (b.size() < 6 || !one_of(b[0], {0x01, 0x02, 0x10, 0x11, 0x21})) return false;
    const size_t lists = 6u + b[1];
    return lists <= b.size() && lists + be16(b, 2) + be16(b, 4) + tacacs_argument_lengths(b, 6, b[1]) == b.size();
}
// RFC 8907 7.2: accounting REPLY: server_msg and data lengths, status SUCCESS / ERROR / FOLLOW.
bool tacacs_acct_reply(Payload b) {
    return b.size() >= 5 && one_of(b[4], {0x01, 0x02, 0x21}) && 5u + be16(b, 0) + be16(b, 2) == b.size();
}
// The body a clear (unobfuscated) packet of `type` carries at sequence number `seq`:
// the client sends the odd ones (1 the START / REQUEST), the server the even ones.
bool tacacs_body(unsigned type, unsigned seq, Payload b) {
    if (type == 1)
        return seq == 1 ? tacacs_authen_start(b) : seq % 2 == 0 ? tacacs_authen_reply(b) : tacacs_authen_continue(b);
    if (seq == 2) return type == 2 ? tacacs_author_response(b) : tacacs_acct_reply(b);
    // RFC 8907 7.1: accounting flags START / STOP / WATCHDOG (WATCHDOG + START: an update).
    if (type == 3) return b.size() >= 1 && one_of(b[0], {0x02, 0x04, 0x08, 0x0a}) && tacacs_request_fields(b, 1);
    return tacacs_request_fields(b, 0);
}

// --- Diameter (RFC 6733) -----------------------------------------------------

// RFC 6733 6.3, 6.4: Origin-Host (264) and Origin-Realm (296) MUST be in
// every message; their values are DiameterIdentity text.
constexpr std::uint32_t kOriginHost = 264, kOriginRealm = 296;

// RFC 6733 3, 4.1: version 1, length = the message, command flags R P E T
// (E never on a request), then AVPs (code, flags V M P, length >= 8 or 12
// with a Vendor-ID, padded to 4) tiling it, Origin-Host and -Realm among them.
bool diameter_message(Payload m) {
    const std::uint8_t flags = m[4];
    if (m[0] != 1 || (flags & 0x0f) != 0 || (flags & 0xa0) == 0xa0) return false;
    bool host = false, realm = false;
    for (size_t at = 20; at < m.size();) {
        if (at + 8 > m.size()) return false;
        const std::uint32_t code = be32(m, at);
        const std::uint8_t avp_flags = m[at + 4];
        const size_t length = be24(m, at + 5), header = (avp_flags & 0x80) != 0 ? 12 : 8;
        if (code == 0 || (avp_flags & 0x1f) != 0 || length < header || at + ((length + 3) & ~size_t{3}) > m.size())
            return false;
        if (header == 8 && (code == kOriginHost || code == kOriginRealm)) {
            if (length == header || !no_controls(m.subspan(at + header, length - header))) return false;
            (code == kOriginHost ? host : realm) = true;
        }
        at += (length + 3) & ~size_t{3};
    }
    return host && realm;
}

// --- RTCP (RFC 3550 6, RFC 3611, RFC 4585) -------------------------------------

// RFC 3550 6.5: `chunks` SDES chunks (an SSRC, items type 1-8 of their
// length, text but PRIV, a null octet and nulls to the next 32-bit
// boundary) filling [at, end); `cname` set when a non-empty CNAME is among them.
bool rtcp_sdes(Payload p, size_t at, size_t end, unsigned chunks, bool &cname) {
    for (unsigned chunk = 0; chunk < chunks; ++chunk) {
        if (at + 4 > end) return false;
        at += 4;
        while (at < end && p[at] != 0) {
            const unsigned type = p[at];
            if (type > 8 || at + 2 > end || at + 2 + p[at + 1] > end) return false;
            const Payload value = p.subspan(at + 2, p[at + 1]);
            if (type != 8 && !no_controls(value)) return false;
            cname = cname || (type == 1 && !value.empty());
            at += 2 + value.size();
        }
        const size_t next = (at + 4) & ~size_t{3};  // packets start on a 32-bit boundary of the datagram
        if (next > end || !all_zero(p.subspan(at, next - at))) return false;
        at = next;
    }
    return at == end;
}
// RFC 3550 6.6: BYE: the SSRCs, then maybe a reason (length, text) and nulls to the boundary.
bool rtcp_bye(Payload p, size_t at, size_t end, unsigned sources) {
    at += 4 + 4 * size_t{sources};
    if (at >= end) return at == end;
    const size_t reason_end = at + 1 + p[at];
    return reason_end <= end && end - reason_end < 4 && no_controls(p.subspan(at + 1, p[at])) &&
           all_zero(p.subspan(reason_end, end - reason_end));
}
// RFC 3611 3: XR: reserved bits zero, an SSRC, report blocks (type, length in words) tiling the rest.
bool rtcp_xr(Payload p, size_t at, size_t end) {
    if ((p[at] & 0x1f) != 0 || at + 8 > end) return false;
    for (at += 8; at < end; at += 4 + 4 * size_t{be16(p, at + 2)})
        if (at + 4 > end || p[at] == 0 || at + 4 + 4 * size_t{be16(p, at + 2)} > end) return false;
    return at == end;
}
// One packet of the compound in [at, end) (its padding taken off), as its type lays it out.
bool rtcp_packet(Payload p, size_t at, size_t end, bool &cname) {
    const unsigned count = p[at] & 0x1f;
    const size_t size = end - at;
    switch (p[at + 1]) {
        case 200: return size >= 28 + 24 * size_t{count};  // SR: sender info, reports (+ profile extensions)
        case 201: return size == 8 + 24 * size_t{count};   // RR
        case 202: return rtcp_sdes(p, at + 4, end, count, cname);
        case 203: return rtcp_bye(p, at, end, count);
        case 204: return size >= 12 && printable(p.subspan(at + 8, 4));  // APP: SSRC, a 4-character name, data
        case 205:                                                        // RFC 4585 6.1: RTPFB / PSFB, an assigned
        case 206: return count != 0 && size >= 12;                       // FMT, sender and media SSRC, FCI
        case 207: return rtcp_xr(p, at, end);
        default: return false;
    }
}

// --- ZMTP 3.x (RFC 23/ZMTP, 37/ZMTP) -----------------------------------------

// 23/ZMTP 3.1, 3.3: frames (flags MORE / LONG / COMMAND, the rest zero; a
// 1- or 8-octet size) tiling [at, end); a command is never MORE and starts
// with its name (length, printable).
bool zmtp_frames(Payload p, size_t at) {
    while (at < p.size()) {
        const std::uint8_t flags = p[at];
        const size_t size_octets = (flags & 0x02) != 0 ? 8 : 1;
        if ((flags & 0xf8) != 0 || at + 1 + size_octets > p.size()) return false;
        const std::uint64_t size =
            size_octets == 1 ? p[at + 1] : std::uint64_t{be32(p, at + 1)} << 32 | be32(p, at + 5);
        at += 1 + size_octets;
        if (size > p.size() - at) return false;
        if ((flags & 0x04) != 0 && ((flags & 0x01) != 0 || size == 0 || p[at] == 0 || p[at] + 1u > size ||
                                    !printable(p.subspan(at + 1, p[at]))))
            return false;
        at += static_cast<size_t>(size);
    }
    return true;
}

// --- PTPv2 (IEEE 1588-2008 13) -------------------------------------------------

enum class PtpTlvs : std::uint8_t { None, Optional, Required };
struct PtpType {
    unsigned length;   // the message without TLVs; 0: no such type
    unsigned control;  // 13.3.2.10, Table 23: the controlField the type carries
    bool timestamp;    // 10 octets at 34: seconds (48 bits), nanoseconds (< 10^9)
    PtpTlvs tlvs;
};
// 13.3.2.2 Table 19, 13.5-13.12: by messageType.
constexpr PtpType kPtpTypes[16] = {
    {44, 0, true, PtpTlvs::None},  // Sync
    {44, 1, true, PtpTlvs::None},  // Delay_Req
    {54, 5, true, PtpTlvs::None},  // Pdelay_Req
    {54, 5, true, PtpTlvs::None},  // Pdelay_Resp
    {},
    {},
    {},
    {},
    {44, 2, true, PtpTlvs::None},       // Follow_Up
    {54, 3, true, PtpTlvs::None},       // Delay_Resp
    {54, 5, true, PtpTlvs::None},       // Pdelay_Resp_Follow_Up
    {64, 5, true, PtpTlvs::Optional},   // Announce
    {44, 5, false, PtpTlvs::Required},  // Signaling
    {48, 4, false, PtpTlvs::Required},  // Management
    {},
    {},
};
// 14.1: TLVs (type not 0, an even length) tiling [at, end).
bool ptp_tlvs(Payload p, size_t at) {
    for (; at < p.size(); at += 4 + be16(p, at + 2))
        if (at + 4 > p.size() || be16(p, at) == 0 || be16(p, at + 2) % 2 != 0 || at + 4 + be16(p, at + 2) > p.size())
            return false;
    return true;
}
// 13.5 (Announce): reserved octet 0, timeSource (Table 7) assigned.
bool ptp_announce(Payload p) {
    return p[46] == 0 &&
           (one_of(p[63], {0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x90, 0xa0}) || in_range(p[63], 0xf0, 0xfe));
}

}  // namespace

// RFC 8907 4.1: packets of a 12-octet header (version 0xC.0 / 0xC.1, type
// authentication / authorization / accounting, seq_no >= 1 (<= 2 but in
// authentication), flags UNENCRYPTED 0x01 / SINGLE_CONNECT 0x04 only, session id,
// length 1-65536) and its body tiling the payload; a clear body laid out as its type says.
bool tacacs_plus_packets(Payload p) {
    for (size_t at = 0; at < p.size();) {
        if (at + 12 > p.size() || (p[at] != 0xc0 && p[at] != 0xc1)) return false;
        const unsigned type = p[at + 1], seq = p[at + 2], flags = p[at + 3];
        const std::uint32_t length = be32(p, at + 8);
        if (!in_range(type, 1, 3) || seq == 0 || (type != 1 && seq > 2) || (flags & ~0x05u) != 0 || length == 0 ||
            length > 65536 || length > p.size() - at - 12)
            return false;
        if ((flags & 0x01) != 0 && !tacacs_body(type, seq, p.subspan(at + 12, length))) return false;
        at += 12 + length;
    }
    return true;
}

// RFC 6733 3: messages (header of 20 octets, 3-octet length = the message,
// a multiple of 4) tiling the payload, each laid out as diameter_message says.
bool diameter_messages(Payload p) {
    if (p.empty()) return false;
    for (size_t at = 0; at < p.size();) {
        if (at + 20 > p.size()) return false;
        const size_t length = be24(p, at + 1);
        if (length < 20 || length % 4 != 0 || length > p.size() - at || !diameter_message(p.subspan(at, length)))
            return false;
        at += length;
    }
    return true;
}

// RFC 3550 6.1, 6.4-6.7: a compound packet: packets of version 2 whose
// length (32-bit words - 1) tiles the datagram, the first an SR or RR, the
// padding bit (a count in the last octet) only on the last, each laid out
// as its type says; 6.1: an SDES with a CNAME among them.
bool rtcp_compound(Payload p) {
    if (p.size() < 8 || (p[1] != 200 && p[1] != 201)) return false;
    bool cname = false;
    for (size_t at = 0; at < p.size();) {
        if (at + 4 > p.size() || (p[at] & 0xc0) != 0x80) return false;
        const size_t size = 4 * (size_t{be16(p, at + 2)} + 1);
        if (size > p.size() - at) return false;
        size_t end = at + size;
        if ((p[at] & 0x20) != 0) {
            const unsigned padding = p[end - 1];
            if (end != p.size() || padding == 0 || padding > size - 4) return false;
            end -= padding;
        }
        if (!rtcp_packet(p, at, end, cname)) return false;
        at += size;
    }
    return cname;
}

// 23/ZMTP 3.2, 37/ZMTP 3.2: the 64-octet greeting: signature (0xFF, 8
// octets of padding, 0x7F), version 3.0 / 3.1, mechanism NULL / PLAIN /
// CURVE padded with NULs to 20, as-server 0 / 1, 31 zero octets; then
// frames. libzmq sends the signature, the major version and the rest
// apart (10, 1 and 53 octets): the payload may start at octet 10 or 11
// too, never later (the signature alone is no evidence).
bool zmtp_greeting(Payload p) {
    const size_t first = p.empty() ? 0 : p[0] == 0xff ? 0 : p[0] == 3 ? 10 : 11;
    const auto octet = [&p, first](size_t at) { return p[at - first]; };
    if (p.size() < 64 - first || (first == 0 && octet(9) != 0x7f) || (first <= 10 && octet(10) != 3) || octet(11) > 1 ||
        octet(32) > 1 || !all_zero(p.subspan(33 - first, 31)))
        return false;
    const Payload mechanism = p.subspan(12 - first, 20);
    const size_t name = static_cast<size_t>(std::find(mechanism.begin(), mechanism.end(), 0) - mechanism.begin());
    if (!all_zero(mechanism.subspan(name))) return false;
    const bool known = (name == 4 && (has_at(mechanism, 0, "NULL"))) || (name == 5 && has_at(mechanism, 0, "PLAIN")) ||
                       (name == 5 && has_at(mechanism, 0, "CURVE"));
    return known && zmtp_frames(p, 64 - first);
}

// IEEE 1588-2008 13.3: the 34-octet header (transportSpecific 0 / 1,
// messageType with its length, versionPTP 2 (minor 0 / 1), messageLength =
// the datagram, reserved octets 0, flagField's reserved bits 0, the type's
// controlField, logMessageInterval -7..7 or 0x7F), the body's timestamp
// (nanoseconds < 10^9), then TLVs tiling the rest where the type has them.
bool ptp_message(Payload p) {
    if (p.size() < 44) return false;
    const unsigned message = p[0] & 0x0f;
    const PtpType &type = kPtpTypes[message];
    if (type.length == 0 || (p[0] >> 4) > 1 || (p[1] & 0x0f) != 2 || (p[1] >> 4) > 1 || be16(p, 2) != p.size() ||
        p[5] != 0 || (p[6] & 0x18) != 0 || (p[7] & 0x80) != 0 || be32(p, 16) != 0 || p[32] != type.control)
        return false;
    const auto interval = static_cast<std::int8_t>(p[33]);
    if ((interval < -7 || interval > 7) && p[33] != 0x7f) return false;
    if (p.size() < type.length || (type.tlvs == PtpTlvs::None && p.size() != type.length) ||
        (type.tlvs == PtpTlvs::Required && p.size() == type.length) || !ptp_tlvs(p, type.length))
        return false;
    if (type.timestamp && be32(p, 40) >= 1000000000u) return false;
    if (message == 0xb) return ptp_announce(p);
    // 15.4.1: a management message's action (GET ... ACKNOWLEDGE) and reserved octet.
    return message != 0xd || ((p[46] & 0xf0) == 0 && (p[46] & 0x0f) <= 4 && p[47] == 0);
}

}  // namespace ghostports::framed
