// SPDX-License-Identifier: GPL-2.0-or-later
// The rescap item parser: bytes in, a tree of logical items and a list of
// findings out. No Wireshark types; it never reads outside its input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <vector>

#include "core/rescap/attributes.hpp"
#include "core/rescap/diagnostics.hpp"
#include "core/rescap/registry.hpp"

namespace rescap {

// Where octets live: kInput is the parser's input, k > 0 is reassembled
// buffer k (content of a fragmented item).
using SourceId = std::uint32_t;
inline constexpr SourceId kInput = 0;

inline constexpr std::uint32_t kNoItem = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint32_t kMaxDepth = 32;
inline constexpr std::uint32_t kMaxEmbedding = 2;  // URLs inside URLs inside a message
inline constexpr std::size_t kHeaderLength = 4;
inline constexpr std::uint16_t kContinuationBit = 0x8000;

enum class Role : std::uint8_t { Request, Response };

// One wire item header and its content octets.
struct Fragment {
    std::size_t offset;     // of the header, in the item's header source
    std::uint16_t length;   // as the header says
    std::size_t available;  // content octets actually present
    bool continuation;
};

// A logical item: one or more fragments with the same tag.
struct Item {
    std::uint16_t tag = 0;
    const ItemSpec *spec = nullptr;  // never null after parsing (unknown_item() for unknown tags)
    std::uint32_t parent = kNoItem;
    std::uint32_t first_child = kNoItem;
    std::uint32_t next_sibling = kNoItem;
    std::uint32_t last_child = kNoItem;  // where the parser links the next child
    std::uint32_t depth = 0;
    SourceId header_source = kInput;
    std::uint32_t first_fragment = 0;
    std::uint32_t fragment_count = 0;
    SourceId content_source = kInput;
    std::size_t content_offset = 0;
    std::size_t content_length = 0;  // present octets after reassembly
    std::size_t value_offset = 0;    // the typed value (URI, TTL, timestamp, signature, …) in content_source
    std::size_t value_length = 0;
    bool complete = true;     // every fragment's content is present
    bool ignored = false;     // beyond the message's count: the receiver ignores it
    Form form = Form::None;   // containers only
    std::uint16_t count = 0;  // count form only: as announced
    // Fixed values, decoded once here so that neither the tree nor the
    // statistics read the octets again.
    bool timestamp_valid = false;
    std::int64_t timestamp = 0;                // seconds since the epoch, when valid
    bool status_valid = false;                 // Status with its 2-octet code
    std::uint16_t status = 0;                  // main << 8 | secondary
    bool ttl_valid = false;                    // TTLOfInfo with its 4-octet value
    std::uint32_t ttl = 0;                     // seconds
    const AttributeSpec *attribute = nullptr;  // user-mapped typed attribute
    std::int32_t embedded = -1;                // index in ParseResult::embedded: a rescap URL's request
};

struct ParseResult;

// A request carried in a rescap URL (BaseURI, Referral, URI/string attribute).
struct Embedded {
    std::uint32_t item;  // the item whose value holds the URL
    SourceId source;     // the decoded octets
    std::unique_ptr<ParseResult> message;
};

struct Diagnostic {
    DiagKind kind;
    std::uint32_t item;  // kNoItem when the finding is about the whole message
    SourceId source;
    std::size_t offset;
    std::size_t length;
    std::string message;
};

struct ParseOptions {
    // Byte stream (TCP): running out of data means "wait for more" rather
    // than "malformed"; the result says how much is needed.
    bool stream = false;
    // Not protected by TLS (basic form): AuthInTheClear exposes a credential.
    bool cleartext = true;
    // User-mapped typed attributes (private-use tags); may be null.
    const AttributeTable *attributes = nullptr;
    // How many rescap URLs deep this message sits.
    std::uint32_t embedding_depth = 0;
    // Octets the message's packet had on the wire, when the capture kept
    // fewer (a snap length): running out of the input short of this is the
    // capture's cut, not a finding (ParseResult::snapped). 0: the input is whole.
    std::size_t reported_length = 0;
    // Where the result's item and fragment lists live: the dissector gives
    // its packet's pool (two heap allocations less on every message); the
    // result must not outlive it.
    std::pmr::memory_resource *memory = std::pmr::new_delete_resource();
};

struct ParseResult {
    bool is_rescap = false;
    Role role = Role::Request;
    Form form = Form::None;
    std::size_t message_length = 0;  // octets of the message proper
    std::size_t consumed = 0;        // message plus the ignored items after it
    bool incomplete = false;         // stream mode: the message runs past the input
    std::size_t needed = 0;          // when incomplete: total octets needed at least, 0 = unknown
    bool needed_exact = false;       // `needed` is the whole message (a nested-form root's length)
    bool snapped = false;            // the capture's cut ended the message early (ParseOptions::reported_length)
    std::pmr::vector<Item> items;    // preorder; items[0] is the FullRequest/FullResponse
    std::pmr::vector<Fragment> fragments;
    std::vector<std::vector<std::uint8_t>> buffers;  // reassembled contents, SourceId k = buffers[k-1]
    std::vector<Diagnostic> diagnostics;
    std::vector<Embedded> embedded;

    ParseResult() = default;
    explicit ParseResult(std::pmr::memory_resource *memory) : items(memory), fragments(memory) {}

    std::span<const std::uint8_t> source(SourceId id, std::span<const std::uint8_t> input) const {
        return id == kInput ? input : std::span<const std::uint8_t>(buffers[id - 1]);
    }
    std::span<const Fragment> fragments_of(const Item &item) const {
        return std::span<const Fragment>(fragments).subspan(item.first_fragment, item.fragment_count);
    }
    std::span<const std::uint8_t> value(const Item &item, std::span<const std::uint8_t> input) const {
        return source(item.content_source, input).subspan(item.value_offset, item.value_length);
    }
    // First non-ignored item with this tag, or nullptr.
    const Item *find(std::uint16_t tag) const;
    bool has(DiagKind kind) const;
    bool has_errors() const;
};

// True when the octets start like a rescap message (FullRequest or
// FullResponse tag); the tag acts as the protocol's version number.
bool starts_like_rescap(std::span<const std::uint8_t> input);

ParseResult parse_message(std::span<const std::uint8_t> input, const ParseOptions &options = {});

}  // namespace rescap
