// SPDX-License-Identifier: GPL-2.0-or-later
// The rescap item registry: one table that drives parsing, field
// registration, names in the tree and the rule checks.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace rescap {

// Who may send an item (spec: req / resp / data).
enum class ItemType : std::uint8_t { Request, Response, Data };

// Which draft generation defines the item.
enum class Draft : std::uint8_t { Both, Only1999 };

// What the item's own content holds; decides the typed field and the
// fixed prefix in front of any children.
enum class ContentKind : std::uint8_t {
    None,             // empty (AuthIP) or children only
    Uri,              // UTF-8 URI string
    TagList,          // sequence of 2-octet tags
    Opaque,           // octets
    KeyId,            // exactly 8 octets
    Nonce,            // at least 8 octets
    Status,           // main code, secondary code, optional UTF-8 text
    Ttl,              // 4-octet seconds
    Timestamp,        // 14 ASCII digits YYYYMMDDHHMMSS
    SignatureControl  // optional KeyID item, then raw signature octets
};

// How children are carried.
enum class Layout : std::uint8_t {
    Leaf,     // no children
    Nested,   // children inside the content, after the prefix (1999)
    DualForm  // prefix + 2-octet count (2000) or prefix + nested children (1999)
};

inline constexpr std::uint16_t kTagFullRequest = 0x0001;
inline constexpr std::uint16_t kTagBaseUri = 0x0002;
inline constexpr std::uint16_t kTagItemsToReturn = 0x0003;
inline constexpr std::uint16_t kTagAuthInTheClear = 0x0005;
inline constexpr std::uint16_t kTagFullResponse = 0x000C;
inline constexpr std::uint16_t kTagStatus = 0x000D;
inline constexpr std::uint16_t kTagReferral = 0x000E;
inline constexpr std::uint16_t kTagSignedResponse = 0x000F;
inline constexpr std::uint16_t kTagDefaultKeyId = 0x0011;
inline constexpr std::uint16_t kTagEncryptedResponse = 0x0013;
// Highest tag below the private-use ranges.
inline constexpr std::uint16_t kLastRegisteredTag = 0x001C;
inline constexpr std::uint16_t kTagKeyId = 0x001A;
inline constexpr std::uint16_t kPrivateRequestFirst = 0xFE00;
inline constexpr std::uint16_t kPrivateResponseFirst = 0xFF00;

// Draft generation of a container (and of a message: its root's form).
enum class Form : std::uint8_t { None, Count, Nested };

// "count form (2000 drafts)", "nested form (1999 draft)"; nullptr for None.
const char *form_name(Form form);

struct ItemSpec {
    std::uint16_t tag_first;
    std::uint16_t tag_last;  // equal to tag_first except for the private-use ranges
    const char *name;        // as the drafts spell it
    const char *field;       // value field's filter suffix: rescap.<field>; nullptr = no value field
    const char *blurb;       // value field's description
    ItemType type;
    ContentKind kind;
    Layout layout;
    Draft draft;
    // Items a 1999 security container may hold; empty = any item of the
    // container's own type (request or response).
    std::span<const std::uint16_t> children = {};
};

// The whole registry, ordered by tag. The last two rows are the
// private-use ranges.
std::span<const ItemSpec> item_registry();

// The row for a tag, or nullptr when the tag is unknown.
const ItemSpec *find_item(std::uint16_t tag);

// The row used for tags that are not in the registry.
const ItemSpec &unknown_item();

// Octets of fixed content in front of the count or the nested children.
std::size_t prefix_length(ContentKind kind);

// Name of a tag for messages and labels ("BaseURI", "PrivUseResponse05",
// "Unknown"); the view stays valid for the process lifetime.
std::string_view tag_name(std::uint16_t tag);

const char *item_type_name(ItemType type);

}  // namespace rescap
