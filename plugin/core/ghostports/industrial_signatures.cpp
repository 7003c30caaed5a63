// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/industrial_signatures.hpp"

#include <algorithm>
#include <string_view>

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::string_view;

// A payload holds at most this many messages; more is not read.
constexpr std::size_t kMaxMessages = 64;

// --- OPC UA ---------------------------------------------------------------------------------

// An OPC UA String (Int32 length, -1 = null) at `at`, inside the message ending at `end`.
bool opcua_string(Payload p, std::size_t at, std::size_t end, string_view prefix, std::size_t max) {
    if (at + 4 > end) return false;
    const std::uint32_t size = le32(p, at);
    if (size < prefix.size() || size > max || at + 4 + size > end) return false;
    return has_at(p, at + 4, prefix) && visible(p.subspan(at + 4, size));
}

// One message at `at` of `size` octets; `strong` for the handshake messages that name OPC UA.
bool opcua_message(Payload p, std::size_t at, std::size_t size, bool &strong) {
    const string_view type(reinterpret_cast<const char *>(p.data()) + at, 3);
    const std::uint8_t chunk = p[at + 3];
    const std::size_t end = std::min(at + size, p.size());
    const bool whole = at + size <= p.size();
    strong = false;
    if (type == "HEL" || type == "ACK" || type == "RHE" || type == "ERR") {
        if (chunk != 'F') return false;
        if (type == "ACK")
            return strong = size == 28 && whole && le32(p, at + 8) == 0 && le32(p, at + 12) >= 8192 &&
                            le32(p, at + 16) >= 8192;
        if (type == "HEL")  // version, receive / send buffer sizes, max message size, max chunk count, endpoint URL
            return strong = size >= 32 + 10 && whole && le32(p, at + 8) == 0 && le32(p, at + 12) >= 8192 &&
                            le32(p, at + 16) >= 8192 && opcua_string(p, at + 28, end, "opc.tcp://", 4096) &&
                            le32(p, at + 28) + 32 == size;
        if (type == "ERR") {  // a Bad status code (little-endian: its top octet last), then the reason (-1: none)
            if (size < 16 || !whole) return false;
            const std::uint32_t reason = le32(p, at + 12);
            return strong = (p[at + 11] & 0xC0) == 0x80 &&
                            ((reason == 0xFFFFFFFF && size == 16) || (reason <= 4096 && reason + 16 == size));
        }
        return size >= 8;  // ReverseHello: not evidence alone
    }
    if (type != "OPN" && type != "MSG" && type != "CLO") return false;
    if (chunk != 'F' && chunk != 'C' && chunk != 'A') return false;
    if (size < 24) return false;
    if (type == "OPN")  // secure channel id, then the asymmetric security header's policy URI
        strong = opcua_string(p, at + 12, end, "http://opcfoundation.org/UA/SecurityPolicy#", 256);
    return true;
}

// --- EtherNet/IP ----------------------------------------------------------------------------

enum EnipCommand : unsigned {
    kListServices = 0x0004,
    kListIdentity = 0x0063,
    kListInterfaces = 0x0064,
    kRegisterSession = 0x0065,
    kUnregisterSession = 0x0066,
    kSendRRData = 0x006F,
    kSendUnitData = 0x0070,
};

// Common packet format items (CIP Vol. 2, 2-6) tiling [at, end): a count, then type + length + data.
bool cpf_items(Payload p, std::size_t at, std::size_t end, bool whole) {
    if (at + 2 > end) return !whole;
    const unsigned count = le16(p, at);
    if (count == 0 || count > 8) return false;
    at += 2;
    for (unsigned i = 0; i < count; ++i) {
        if (at + 4 > end) return !whole;
        const unsigned type = le16(p, at), length = le16(p, at + 2);
        // address items 0x0000 (null), 0x00A1, 0x8002; data items 0x00B1, 0x00B2; identity 0x000C; sockaddr 0x8000-1
        if (!one_of(type, {0x0000, 0x000C, 0x0086, 0x00A1, 0x00B1, 0x00B2, 0x0100, 0x8000, 0x8001, 0x8002}))
            return false;
        at += 4 + length;
        if (at > end) return !whole;
    }
    return at == end;
}

bool enip_message(Payload p, std::size_t at, std::size_t &next) {
    if (at + 24 > p.size()) return false;
    const unsigned command = le16(p, at), length = le16(p, at + 2);
    const std::uint32_t status = le32(p, at + 8);
    if (!one_of(command,
                {kListServices, kListIdentity, kListInterfaces, kRegisterSession, kUnregisterSession, kSendRRData,
                 kSendUnitData}) ||  // not NOP, IndicateStatus, Cancel: a header and no layout to check
        le32(p, at + 20) != 0 ||
        status > 0x69)
        return false;
    const std::size_t data = at + 24, end = std::min<std::size_t>(data + length, p.size());
    const bool whole = data + length <= p.size();
    next = data + length;
    switch (command) {
        case kRegisterSession:  // protocol version 1, options 0
            return length == 4 && (!whole || (le16(p, data) == 1 && le16(p, data + 2) == 0));
        case kUnregisterSession: return length == 0;
        case kListIdentity:
        case kListServices:
        case kListInterfaces:  // a request has no data and no status (a status says reply); a reply its items
            return length == 0 ? status == 0 : cpf_items(p, data, end, whole);
        case kSendRRData:
        case kSendUnitData:  // interface handle 0, a timeout, then the items
            return length >= 8 && (data + 6 > end || le32(p, data) == 0) && cpf_items(p, data + 6, end, whole);
    }
    return false;
}

// --- BACnet/IP --------------------------------------------------------------------------------

// An NPDU (135 clause 6.2) then its network message or APDU, filling [at, end).
bool bacnet_npdu(Payload p, std::size_t at, std::size_t end) {
    if (at + 2 > end || p[at] != 0x01) return false;
    const unsigned control = p[at + 1];
    if ((control & 0x50) != 0) return false;  // reserved bits 6 and 4
    at += 2;
    const bool destination = control & 0x20, source = control & 0x08, network_message = control & 0x80;
    if (destination) {  // DNET, DLEN, DADR
        if (at + 3 > end) return false;
        at += 3 + p[at + 2];
    }
    if (source) {  // SNET, SLEN (not 0), SADR
        if (at + 3 > end || p[at + 2] == 0) return false;
        at += 3 + p[at + 2];
    }
    if (destination) ++at;  // hop count
    if (at >= end) return false;
    if (network_message) return p[at] <= 0x13 || p[at] >= 0x80;  // defined messages, or proprietary ones
    const unsigned pdu = p[at] >> 4;
    switch (pdu) {
        case 0:  // confirmed request: flags, max segments / APDU, invoke id, [sequence, window,] service <= 31
            return (p[at] & 0x01) == 0 && at + ((p[at] & 0x08) ? 6 : 4) <= end &&
                   p[at + ((p[at] & 0x08) ? 5 : 3)] <= 31;
        case 1: return at + 2 <= end && p[at + 1] <= 12;  // unconfirmed request: I-Am, Who-Is...
        case 2:
        case 3: return at + 3 <= end && p[at + 2] <= 31;  // simple / complex ACK: invoke id, service
        case 4: return at + 3 == end;                     // segment ACK
        case 5:
        case 6:
        case 7: return at + 3 <= end;  // error, reject, abort
        default: return false;
    }
}

// --- IEC 60870-5-104 ------------------------------------------------------------------------

// The size of one information element of each ASDU type IEC 60870-5-101 / -104 define (its value and
// quality / time tag, without the 3-octet object address), 0 for a type that is not one or whose objects
// have no fixed size (file transfer, 120-127).
unsigned iec104_element_size(unsigned type) {
    struct Size {
        unsigned char type, size;
    };
    static constexpr Size kSizes[] = {{1, 1},   {3, 1},   {5, 2},   {7, 5},   {9, 3},   {11, 3},  {13, 5},  {15, 5},
                                      {20, 5},  {21, 2},  {30, 8},  {31, 8},  {32, 9},  {33, 12}, {34, 10}, {35, 10},
                                      {36, 12}, {37, 12}, {38, 10}, {39, 11}, {40, 11}, {45, 1},  {46, 1},  {47, 1},
                                      {48, 3},  {49, 3},  {50, 5},  {51, 4},  {58, 8},  {59, 8},  {60, 8},  {61, 10},
                                      {62, 10}, {63, 12}, {64, 11}, {70, 1},  {100, 1}, {101, 1}, {103, 7}, {104, 2},
                                      {105, 1}, {106, 2}, {107, 9}, {110, 3}, {111, 3}, {112, 5}, {113, 1}};
    for (const Size &s : kSizes)
        if (s.type == type) return s.size;
    return 0;
}

bool iec104_apdu(Payload p, std::size_t at, std::size_t &next) {
    if (at + 6 > p.size() || p[at] != 0x68) return false;
    const unsigned length = p[at + 1], c1 = p[at + 2];
    if (length < 4 || length > 253) return false;
    next = at + 2 + length;
    if ((c1 & 0x03) == 0x03)  // U: exactly one function bit, nothing else
        return length == 4 && one_of(c1, {0x07, 0x0B, 0x13, 0x23, 0x43, 0x83}) && p[at + 3] == 0 && p[at + 4] == 0 &&
               p[at + 5] == 0;
    if ((c1 & 0x03) == 0x01)  // S: receive sequence number only
        return length == 4 && c1 == 0x01 && p[at + 3] == 0 && (p[at + 4] & 0x01) == 0;
    // I: send / receive sequence numbers, then the ASDU's type, variable structure qualifier, cause (1-47), addresses
    if ((p[at + 4] & 0x01) != 0 || length < 4 + 6 || at + 12 > p.size()) return false;
    // the objects fill the ASDU: each with its address (SQ = 0), or one address and the elements (SQ = 1)
    const unsigned type = p[at + 6], objects = p[at + 7] & 0x7F, cause = p[at + 8] & 0x3F,
                   element = iec104_element_size(type);
    const bool sequence = p[at + 7] & 0x80;
    const unsigned objects_size = length - 4 - 6;
    return element > 0 && objects > 0 && cause >= 1 && cause <= 47 &&
           objects_size == (sequence ? 3 + objects * element : objects * (3 + element));
}

}  // namespace

bool opcua_messages(Payload p) {
    std::size_t at = 0;
    bool named = false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxMessages || at + 8 > p.size()) return false;
        const std::uint32_t size = le32(p, at + 4);
        bool strong = false;
        if (size < 8 || size > (1u << 24) || !opcua_message(p, at, size, strong)) return false;
        if (count == 0 && !strong) return false;  // the handshake names; later messages only follow it
        named = named || strong;
        at += size;
    }
    return named;
}

bool enip_encapsulation(Payload p) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t next = 0;
        if (count == kMaxMessages || !enip_message(p, at, next)) return false;
        if (count == 0 && next > p.size()) return false;  // the first whole: a cut one is a header and little else
        at = next;
    }
    return at >= p.size() && !p.empty();
}

bool bacnet_ip(Payload p) {
    if (p.size() < 4 || p[0] != 0x81 || p[1] > 0x0C || be16(p, 2) != p.size()) return false;
    switch (p[1]) {
        case 0x00: return p.size() == 6 && p[5] % 0x10 == 0 && p[4] == 0 && p[5] <= 0x60;  // result codes
        case 0x05: return p.size() == 6;   // register foreign device: TTL
        case 0x08: return p.size() == 10;  // delete FDT entry
        case 0x01:
        case 0x03: return (p.size() - 4) % 10 == 0;                       // BDT entries
        case 0x07: return (p.size() - 4) % 10 == 0;                       // FDT entries
        case 0x04: return p.size() > 10 && bacnet_npdu(p, 10, p.size());  // forwarded: original address first
        case 0x09:
        case 0x0A:
        case 0x0B: return bacnet_npdu(p, 4, p.size());
        default: return false;  // read BDT / FDT (4 octets: too little), secure BVLL: not read
    }
}

bool iec104_apdus(Payload p) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        std::size_t next = 0;
        if (count == kMaxMessages || !iec104_apdu(p, at, next)) return false;
        at = next;
    }
    return at == p.size() && !p.empty();
}

}  // namespace ghostports::framed
