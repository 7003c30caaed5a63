// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/storage_signatures.hpp"

#include <optional>
#include <string_view>

#include "core/ghostports/ber.hpp"
#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

// A payload holds at most this many PDUs or items; more is not read.
constexpr std::size_t kMaxItems = 64;

// --- DICOM ------------------------------------------------------------------------------------

// A-ASSOCIATE-RJ (10 octets) is not read: it is also a valid Modbus/TCP read-coils response.
enum DicomPdu : unsigned { kAssociateRq = 1, kAssociateAc = 2, kPData = 4 };
constexpr std::size_t kDicomPduHeader = 6;   // type, reserved, length (4)
constexpr std::size_t kAssociateFixed = 68;  // version, reserved, two AE titles, 32 reserved
constexpr std::string_view kDicomApplicationContext = "1.2.840.10008.3.1.1.1";

bool ae_title(Payload p, std::size_t at) {
    return printable(p.subspan(at, 16));
}

// Items (type, reserved 0, length (2)) of an association PDU tiling [at, end): the application context first.
bool association_items(Payload p, std::size_t at, std::size_t end, unsigned pdu) {
    const unsigned presentation_item = pdu == kAssociateRq ? 0x20 : 0x21;
    for (std::size_t count = 0; at < end; ++count) {
        if (count == kMaxItems || at + 4 > end || p[at + 1] != 0) return false;
        const unsigned type = p[at];
        const std::size_t size = be16(p, at + 2);
        if (at + 4 + size > end) return false;
        if (count == 0 && (type != 0x10 || text_at(p, at + 4, size) != kDicomApplicationContext)) return false;
        if (count > 0 && type != presentation_item && type != 0x50) return false;
        at += 4 + size;
    }
    return true;
}

bool associate_pdu(Payload p, std::size_t at, std::size_t end, unsigned pdu) {
    const std::size_t body = at + kDicomPduHeader;
    if (end - body < kAssociateFixed || be16(p, body) != 1 || be16(p, body + 2) != 0) return false;
    return ae_title(p, body + 4) && ae_title(p, body + 20) && all_zero(p.subspan(body + 36, 32)) &&
           association_items(p, body + kAssociateFixed, end, pdu);
}

// P-DATA-TF: PDV items (length (4) >= 2, an odd presentation context id, a message control header 0-3).
bool pdata_pdu(Payload p, std::size_t at, std::size_t end) {
    at += kDicomPduHeader;
    if (at == end) return false;
    for (std::size_t count = 0; at < end; ++count) {
        if (count == kMaxItems || at + 6 > end) return false;
        const std::uint32_t length = be32(p, at);
        if (length < 2 || length > end - at - 4 || p[at + 4] % 2 == 0 || p[at + 5] > 3) return false;
        at += 4 + length;
    }
    return true;
}

}  // namespace

bool dicom_pdus(Payload p) {
    std::size_t at = 0;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxItems || p.size() - at < kDicomPduHeader || p[at + 1] != 0) return false;
        const unsigned type = p[at];
        const std::uint32_t length = be32(p, at + 2);
        if (length > p.size() - at - kDicomPduHeader) return false;
        const std::size_t end = at + kDicomPduHeader + length;
        switch (type) {
            case kAssociateRq:
            case kAssociateAc:
                if (!associate_pdu(p, at, end, type)) return false;
                break;
            case kPData:
                if (!pdata_pdu(p, at, end)) return false;
                break;
            default: return false;
        }
        at = end;
    }
    return at > 0;
}

namespace {

constexpr std::size_t kCephLegacyAddress = 136;  // type (4), nonce (4), sockaddr_storage (128)

// A legacy entity_addr_t: type 0, the family (stored big-endian) none, AF_INET or AF_INET6.
bool ceph_legacy_address(Payload p, std::size_t at) {
    return le32(p, at) == 0 && one_of(be16(p, at + 8), {0, 2, 10});
}

}  // namespace

bool ceph_msgr1_banner(Payload p) {
    constexpr std::string_view kBanner = "ceph v027";
    if (!has_at(p, 0, kBanner)) return false;
    const std::size_t rest = p.size() - kBanner.size();
    if (rest != 0 && rest != kCephLegacyAddress && rest != 2 * kCephLegacyAddress) return false;
    for (std::size_t at = kBanner.size(); at < p.size(); at += kCephLegacyAddress)
        if (!ceph_legacy_address(p, at)) return false;
    return true;
}

bool ceph_msgr2_banner(Payload p) {
    constexpr std::string_view kBanner = "ceph v2\n";
    return has_at(p, 0, kBanner) && p.size() >= kBanner.size() + 2 + 16 && le16(p, kBanner.size()) == 16;
}

bool isns_pdu(Payload p) {
    constexpr std::size_t kHeader = 12;
    if (p.size() < kHeader + 4 || be16(p, 0) != 1) return false;
    const unsigned function = be16(p, 2), length = be16(p, 4), flags = be16(p, 6);
    const bool response = function & 0x8000;
    const unsigned code = function & 0x7fff;
    if (code < 1 || code > 13 || length != p.size() - kHeader || length % 4 != 0) return false;
    const bool client = flags & 0x8000, server = flags & 0x4000;
    if ((flags & 0x03ff) != 0 || client == server) return false;
    std::size_t at = kHeader;
    if (response) {
        if (be32(p, at) > 29) return false;  // the status codes RFC 4171 6.4 defines
        at += 4;
    }
    std::size_t count = 0;
    for (; at < p.size(); ++count) {
        if (count == kMaxItems || at + 8 > p.size()) return false;
        const std::uint32_t size = be32(p, at + 4);
        if (size % 4 != 0 || size > p.size() - at - 8) return false;
        at += 8 + size;
    }
    return response || count > 0;  // a request names its source at least
}

namespace {

// --- Z39.50 -----------------------------------------------------------------------------------

// One BER TLV at `at` within [at, end): its class and constructed bits, tag number (1-2 octets after 1F),
// and content (ber.hpp's definite length).
struct BerItem {
    unsigned tag_class;  // 0x00 universal, 0x80 context...
    bool constructed;
    unsigned number;
    std::size_t content, length;
};
std::optional<BerItem> ber_item(Payload p, std::size_t at, std::size_t end) {
    if (at >= end) return std::nullopt;
    BerItem item{p[at] & 0xc0u, (p[at] & 0x20) != 0, p[at] & 0x1fu, 0, 0};
    ++at;
    if (item.number == 0x1f) {  // high tag number: base-128 octets, at most two
        item.number = 0;
        for (int octets = 0;; ++octets) {
            if (at >= end || octets == 2) return std::nullopt;
            item.number = item.number << 7 | (p[at] & 0x7fu);
            if ((p[at++] & 0x80) == 0) break;
        }
    }
    std::size_t length = 0;
    if (!ber::length(p.first(end), at, length) || length > end - at) return std::nullopt;
    item.content = at;
    item.length = length;
    return item;
}

enum Z3950Field : unsigned {
    kProtocolVersion = 3,
    kOptions = 4,
    kPreferredMessageSize = 5,
    kExceptionalRecordSize = 6,
    kIdAuthentication = 7,
    kResult = 12,
    kImplementationName = 111,
    kImplementationVersion = 112,
};

// Walks an Initialize PDU's fields; `found` gets each. False unless the PDU is one, whole.
template <class Found>
bool z3950_walk(Payload p, Found found) {
    const auto pdu = ber_item(p, 0, p.size());
    if (!pdu || pdu->tag_class != 0x80 || !pdu->constructed || (pdu->number != 20 && pdu->number != 21) ||
        pdu->content + pdu->length != p.size())
        return false;
    unsigned seen = 0;  // bits of the required fields
    std::size_t at = pdu->content;
    for (std::size_t count = 0; at < p.size(); ++count) {
        const auto field = ber_item(p, at, p.size());
        if (count == kMaxItems || !field || field->tag_class != 0x80) return false;
        if (field->number < 32) seen |= 1u << field->number;
        found(*field);
        at = field->content + field->length;
    }
    constexpr unsigned kRequired =
        1u << kProtocolVersion | 1u << kOptions | 1u << kPreferredMessageSize | 1u << kExceptionalRecordSize;
    return (seen & kRequired) == kRequired && (pdu->number == 20 || (seen & 1u << kResult) != 0);
}

std::string_view content_of(Payload p, const BerItem &item) {
    return text_at(p, item.content, item.length);
}

}  // namespace

bool z3950_init(Payload p) {
    return z3950_walk(p, [](const BerItem &) {});
}

std::optional<Z3950Init> z3950_init_fields(Payload p) {
    Z3950Init out;
    const bool init = z3950_walk(p, [&](const BerItem &field) {
        if (field.number == kImplementationName) out.implementation_name = content_of(p, field);
        if (field.number == kImplementationVersion) out.implementation_version = content_of(p, field);
        if (field.number != kIdAuthentication || !field.constructed) return;
        const auto choice = ber_item(p, field.content, field.content + field.length);
        if (!choice) return;
        if (choice->tag_class == 0 && choice->number == 26) {  // open: VisibleString "user/password"
            out.open = content_of(p, *choice);
            return;
        }
        if (choice->tag_class != 0 || choice->number != 16) return;  // idPass: SEQUENCE
        for (std::size_t at = choice->content, count = 0; at < choice->content + choice->length && count < 3; ++count) {
            const auto part = ber_item(p, at, choice->content + choice->length);
            if (!part) return;
            if (part->number == 1) out.user = content_of(p, *part);
            if (part->number == 2) out.password = content_of(p, *part);
            at = part->content + part->length;
        }
    });
    return init ? std::optional<Z3950Init>(out) : std::nullopt;
}

}  // namespace ghostports::framed
