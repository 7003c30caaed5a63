// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/registry.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace rescap {
namespace {

using enum ItemType;
using enum ContentKind;
using enum Layout;
using enum Draft;

// What the 1999 security containers may hold, as the registry's content
// column says.
constexpr std::uint16_t kAuthInfoChildren[] = {0x0005, 0x0006, 0x0007, 0x0008};
constexpr std::uint16_t kSigningPrefsChildren[] = {0x0019, 0x001A};
constexpr std::uint16_t kKeyIdOnly[] = {0x001A};
constexpr std::uint16_t kSignedRequestChildren[] = {0x001A, 0x001B};
constexpr std::uint16_t kNonceOnly[] = {0x0019};
constexpr std::uint16_t kEncryptedResponseChildren[] = {0x0014, 0x0015};
constexpr std::uint16_t kEncryptionControlChildren[] = {0x001A, 0x0016};

// The spec's item registry, one row per item.
constexpr std::array kRegistry{
    ItemSpec{0x0001, 0x0001, "FullRequest", nullptr, nullptr, Request, None, DualForm, Both},
    ItemSpec{0x0002, 0x0002, "BaseURI", "base_uri", "The resource asked about", Request, Uri, Leaf, Both},
    ItemSpec{0x0003, 0x0003, "ItemsToReturn", "items_to_return", "A tag the client asks for", Request, TagList, Leaf,
             Both},
    ItemSpec{0x0004, 0x0004, "AuthInfo", nullptr, nullptr, Request, None, Nested, Only1999, kAuthInfoChildren},
    ItemSpec{0x0005, 0x0005, "AuthInTheClear", "auth_in_the_clear", "Credential sent in the clear", Request, Opaque,
             Leaf, Both},
    ItemSpec{0x0006, 0x0006, "AuthDigest", "auth_digest", "Hashed password", Request, Opaque, Leaf, Only1999},
    ItemSpec{0x0007, 0x0007, "AuthPublicKey", "auth_public_key", "Signed password", Request, Opaque, Leaf, Only1999},
    ItemSpec{0x0008, 0x0008, "AuthIP", nullptr, nullptr, Request, None, Leaf, Both},
    ItemSpec{0x0009, 0x0009, "SigningPrefs", nullptr, nullptr, Request, None, Nested, Only1999, kSigningPrefsChildren},
    ItemSpec{0x000A, 0x000A, "EncryptingPrefs", nullptr, nullptr, Request, None, Nested, Only1999, kKeyIdOnly},
    ItemSpec{0x000B, 0x000B, "SignedRequest", nullptr, nullptr, Request, None, Nested, Only1999,
             kSignedRequestChildren},
    ItemSpec{0x000C, 0x000C, "FullResponse", nullptr, nullptr, Response, None, DualForm, Both},
    ItemSpec{0x000D, 0x000D, "Status", nullptr, nullptr, Response, Status, Leaf, Both},
    ItemSpec{0x000E, 0x000E, "Referral", "referral", "URI of the authoritative server", Response, Uri, Leaf, Both},
    ItemSpec{0x000F, 0x000F, "SignedResponse", nullptr, nullptr, Response, None, Nested, Only1999},
    ItemSpec{0x0010, 0x0010, "SignatureControlInfo", "signature", "Raw signature octets", Response, SignatureControl,
             Leaf, Only1999},
    ItemSpec{0x0011, 0x0011, "DefaultKeyID", nullptr, nullptr, Response, None, Nested, Only1999, kKeyIdOnly},
    ItemSpec{0x0012, 0x0012, "NonceReply", nullptr, nullptr, Response, None, Nested, Only1999, kNonceOnly},
    ItemSpec{0x0013, 0x0013, "EncryptedResponse", nullptr, nullptr, Response, None, Nested, Only1999,
             kEncryptedResponseChildren},
    ItemSpec{0x0014, 0x0014, "EncryptionControlInfo", nullptr, nullptr, Response, None, Nested, Only1999,
             kEncryptionControlChildren},
    ItemSpec{0x0015, 0x0015, "EncryptedBlob", "encrypted_blob", "Encrypted response items", Response, Opaque, Leaf,
             Only1999},
    ItemSpec{0x0016, 0x0016, "KeyEncryptionKey", "key_encryption_key", "Encrypted session key", Response, Opaque, Leaf,
             Only1999},
    ItemSpec{0x0017, 0x0017, "TTLOfInfo", "ttl", "Seconds the covered items stay valid", Response, Ttl, DualForm, Both},
    ItemSpec{0x0018, 0x0018, "ExpirationOfInfo", "expiration", "When the covered items expire (UTC)", Response,
             Timestamp, DualForm, Both},
    ItemSpec{0x0019, 0x0019, "Nonce", "nonce", "Nonce octets", Data, Nonce, Leaf, Only1999},
    ItemSpec{0x001A, 0x001A, "KeyID", "key_id", "First 8 octets of SHA-1 over key and algorithm id", Data, KeyId, Leaf,
             Only1999},
    ItemSpec{0x001B, 0x001B, "SignatureValue", "signature_value", "Signature octets", Data, Opaque, Leaf, Only1999},
    ItemSpec{0x001C, 0x001C, "DateOfChange", "date_of_change", "When the covered items last changed (UTC)", Response,
             Timestamp, DualForm, Both},
    ItemSpec{0xFE00, 0xFEFF, "PrivUseRequest", "private_request", "Private-use request item content", Request, Opaque,
             Leaf, Both},
    ItemSpec{0xFF00, 0xFFFF, "PrivUseResponse", "private_response", "Private-use response item content", Response,
             Opaque, Leaf, Both},
};

constexpr ItemSpec kUnknown{0,    0xFFFF, "Unknown", "unknown", "Content of an item with an unknown tag",
                            Data, Opaque, Leaf,      Both};

constexpr bool registry_is_sorted() {
    for (std::size_t i = 1; i < kRegistry.size(); ++i) {
        if (kRegistry[i].tag_first <= kRegistry[i - 1].tag_last) return false;
    }
    return true;
}
static_assert(registry_is_sorted(), "the registry must be ordered by tag, ranges disjoint");

// "PrivUseRequest00".."PrivUseResponse255", made once so that tag_name()
// can hand out stable views.
class PrivateNames {
public:
    PrivateNames() {
        names_.reserve(0x10000 - kPrivateRequestFirst);
        for (std::uint32_t tag = kPrivateRequestFirst; tag <= 0xFFFF; ++tag) {
            const ItemSpec *spec = find_item(static_cast<std::uint16_t>(tag));
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%s%02u", spec->name, static_cast<unsigned>(tag - spec->tag_first));
            names_.emplace_back(buffer);
        }
    }
    std::string_view get(std::uint16_t tag) const { return names_[tag - kPrivateRequestFirst]; }

private:
    std::vector<std::string> names_;
};

}  // namespace

std::span<const ItemSpec> item_registry() {
    return kRegistry;
}

// The registered tags are 1..kLastRegisteredTag, one row each and in order:
// their row is found by index, the private-use ranges by search.
constexpr bool registered_tags_are_their_rows() {
    for (std::uint16_t tag = 1; tag <= kLastRegisteredTag; ++tag)
        if (kRegistry[tag - 1].tag_first != tag || kRegistry[tag - 1].tag_last != tag) return false;
    return kRegistry[kLastRegisteredTag].tag_first > kLastRegisteredTag;
}
static_assert(registered_tags_are_their_rows(), "rows 0..27 must be tags 1..0x1C");

const ItemSpec *find_item(std::uint16_t tag) {
    if (tag >= 1 && tag <= kLastRegisteredTag) return &kRegistry[tag - 1];
    const auto *it = std::lower_bound(kRegistry.begin(), kRegistry.end(), tag,
                                      [](const ItemSpec &spec, std::uint16_t t) { return spec.tag_last < t; });
    if (it == kRegistry.end() || tag < it->tag_first) return nullptr;
    return &*it;
}

const ItemSpec &unknown_item() {
    return kUnknown;
}

std::size_t prefix_length(ContentKind kind) {
    switch (kind) {
        case ContentKind::Ttl: return 4;
        case ContentKind::Timestamp: return 14;
        default: return 0;
    }
}

std::string_view tag_name(std::uint16_t tag) {
    if (tag >= kPrivateRequestFirst) {
        static const PrivateNames private_names;
        return private_names.get(tag);
    }
    const ItemSpec *spec = find_item(tag);
    return spec != nullptr ? spec->name : kUnknown.name;
}

const char *form_name(Form form) {
    switch (form) {
        case Form::Count: return "count form (2000 drafts)";
        case Form::Nested: return "nested form (1999 draft)";
        case Form::None: break;
    }
    return nullptr;
}

const char *item_type_name(ItemType type) {
    switch (type) {
        case ItemType::Request: return "request";
        case ItemType::Response: return "response";
        case ItemType::Data: return "data";
    }
    return "?";
}

}  // namespace rescap
