// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the rescap core: every input is parsed as a datagram
// (UDP) and as a byte stream (TCP), and the results are checked against the
// invariants the Wireshark glue relies on (spans inside their sources, tree
// links, progress). A broken invariant aborts, so libFuzzer keeps the input.
// The first input octet picks the options (bit 0: TLS instead of cleartext,
// bit 1: a typed-attribute table for private-use tags); the rest is the payload.
// Build and run: scripts/fuzz-core.sh (doc/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/rescap/attributes.hpp"
#include "core/rescap/diagnostics.hpp"
#include "core/rescap/parser.hpp"
#include "core/rescap/registry.hpp"
#include "harness.hpp"

namespace {

using rescap::Item;
using rescap::ParseResult;

using fuzz::touch;
#define CHECK FUZZ_CHECK

// Size of a source, or SIZE_MAX when the id names no source.
std::size_t source_size(const ParseResult &r, rescap::SourceId id, std::span<const std::uint8_t> input) {
    if (id == rescap::kInput) return input.size();
    if (id - 1 >= r.buffers.size()) return SIZE_MAX;
    return r.buffers[id - 1].size();
}

bool range_inside(std::size_t offset, std::size_t length, std::size_t size) {
    return size != SIZE_MAX && offset <= size && length <= size - offset;
}

void check_result(const ParseResult &r, std::span<const std::uint8_t> input, const rescap::ParseOptions &options,
                  unsigned level = 0) {
    CHECK(level <= rescap::kMaxEmbedding + 1, level);
    CHECK(r.consumed <= input.size(), r.consumed, input.size());
    CHECK(r.message_length <= r.consumed || r.consumed == 0, r.message_length, r.consumed);
    if (r.incomplete) {
        CHECK(options.stream);
        // The dissector asks TCP for needed - size more octets.
        CHECK(r.needed == 0 || r.needed > input.size(), r.needed, input.size());
    }
    if (r.needed_exact) CHECK(r.incomplete && r.needed > input.size(), r.needed, input.size());
    if (!r.is_rescap) {
        CHECK(r.items.empty(), r.items.size());
        CHECK(r.consumed == 0, r.consumed);
    }
    if (r.is_rescap) CHECK(rescap::starts_like_rescap(input));

    // Fragments.
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const Item &item = r.items[i];
        CHECK(item.spec != nullptr, i);
        CHECK(item.fragment_count >= 1, i);
        CHECK(item.first_fragment <= r.fragments.size() &&
                  item.fragment_count <= r.fragments.size() - item.first_fragment,
              i, item.first_fragment);
        const std::size_t header_size = source_size(r, item.header_source, input);
        CHECK(header_size != SIZE_MAX, i, item.header_source);
        std::size_t total = 0;
        const auto fragments = r.fragments_of(item);
        for (std::size_t k = 0; k < fragments.size(); ++k) {
            const rescap::Fragment &f = fragments[k];
            CHECK(f.available <= f.length, f.available, f.length);
            CHECK(range_inside(f.offset, rescap::kHeaderLength + f.available, header_size), f.offset, header_size);
            if (k + 1 < fragments.size()) CHECK(f.continuation, i, k);
            total += f.available;
        }
        CHECK(total == item.content_length, total, item.content_length);
        if (item.fragment_count == 1) CHECK(item.content_source == item.header_source, i);

        // Content and value spans lie inside their source.
        const std::size_t content_size = source_size(r, item.content_source, input);
        CHECK(range_inside(item.content_offset, item.content_length, content_size), item.content_offset, content_size);
        CHECK(item.value_offset >= item.content_offset, item.value_offset, item.content_offset);
        CHECK(range_inside(item.value_offset, item.value_length, content_size), item.value_offset, content_size);
        CHECK(item.value_offset + item.value_length <= item.content_offset + item.content_length, i);
        touch(r.value(item, input));
        touch(r.source(item.content_source, input).subspan(item.content_offset, item.content_length));

        // Tree links: preorder, parents before children, depths consistent.
        if (i == 0) {
            CHECK(item.parent == rescap::kNoItem);
            CHECK(item.depth == 0, item.depth);
        } else {
            CHECK(item.parent < i, item.parent, i);
            CHECK(item.depth == r.items[item.parent].depth + 1, item.depth, r.items[item.parent].depth);
        }
        CHECK(item.depth <= rescap::kMaxDepth, item.depth);
        if (item.form == rescap::Form::Count) CHECK(item.spec->layout == rescap::Layout::DualForm, i);
    }
    if (!r.items.empty()) {
        CHECK(r.items[0].tag == rescap::kTagFullRequest || r.items[0].tag == rescap::kTagFullResponse, r.items[0].tag);
        CHECK(r.role == (r.items[0].tag == rescap::kTagFullRequest ? rescap::Role::Request : rescap::Role::Response));
    }
    // Every non-root item is on its parent's child list exactly once, in order.
    std::vector<std::uint32_t> seen(r.items.size(), 0);
    for (std::size_t p = 0; p < r.items.size(); ++p) {
        std::uint32_t previous = static_cast<std::uint32_t>(p);
        std::size_t steps = 0;
        for (std::uint32_t c = r.items[p].first_child; c != rescap::kNoItem; c = r.items[c].next_sibling) {
            CHECK(c < r.items.size(), c, r.items.size());
            CHECK(c > previous, c, previous);
            CHECK(r.items[c].parent == p, c, p);
            ++seen[c];
            previous = c;
            CHECK(++steps <= r.items.size(), p, steps);
        }
    }
    for (std::size_t i = 1; i < r.items.size(); ++i) CHECK(seen[i] == 1, i, seen[i]);
    if (!r.items.empty()) CHECK(seen[0] == 0);

    // Diagnostics point inside their source; in the input, inside the octets
    // the glue shows as this message (all of them when nothing was consumed).
    const std::size_t shown = r.consumed != 0 ? r.consumed : input.size();
    for (const rescap::Diagnostic &d : r.diagnostics) {
        if (d.source == rescap::kInput) CHECK(range_inside(d.offset, d.length, shown), d.offset, d.length, shown);
        CHECK(static_cast<unsigned>(d.kind) < static_cast<unsigned>(rescap::DiagKind::Count_),
              static_cast<unsigned>(d.kind));
        CHECK(d.item == rescap::kNoItem || d.item < r.items.size(), d.item, r.items.size());
        CHECK(range_inside(d.offset, d.length, source_size(r, d.source, input)), d.offset, d.length);
        CHECK(!d.message.empty());
        touch(r.source(d.source, input).subspan(d.offset, d.length));
    }

    // Requests embedded in rescap URLs: linked both ways, parsed from a
    // source of this result, and sound themselves.
    for (std::size_t e = 0; e < r.embedded.size(); ++e) {
        const rescap::Embedded &embedded = r.embedded[e];
        CHECK(embedded.item < r.items.size(), embedded.item, r.items.size());
        CHECK(r.items[embedded.item].embedded == static_cast<std::int32_t>(e), e);
        CHECK(source_size(r, embedded.source, input) != SIZE_MAX, embedded.source);
        CHECK(embedded.message != nullptr, e);
        rescap::ParseOptions inner = options;
        inner.stream = false;
        check_result(*embedded.message, r.source(embedded.source, input), inner, level + 1);
    }
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const auto e = r.items[i].embedded;
        if (e >= 0) CHECK(static_cast<std::size_t>(e) < r.embedded.size() && r.embedded[e].item == i, i);
    }
}

// The datagram loop of the dissector: it must always make progress.
void walk_datagram(std::span<const std::uint8_t> input, const rescap::ParseOptions &options) {
    std::size_t offset = 0;
    std::size_t messages = 0;
    while (offset < input.size()) {
        const auto rest = input.subspan(offset);
        ParseResult r = rescap::parse_message(rest, options);
        check_result(r, rest, options);
        if (!r.is_rescap) break;
        offset += r.consumed == 0 ? rest.size() : r.consumed;
        CHECK(++messages <= input.size(), messages);
    }
}

// Private-use tags mapped to every value type, so that the typed-attribute
// checks run too.
const rescap::AttributeTable &attribute_table() {
    static const rescap::AttributeTable table = [] {
        std::vector<rescap::AttributeSpec> specs;
        std::uint16_t tag = 0xFE10;
        for (const rescap::AttrType type : rescap::kAttrTypes) {
            specs.push_back({tag, "request attribute", type});
            specs.push_back({static_cast<std::uint16_t>(tag | 0x0100), "response attribute", type});
            ++tag;
        }
        rescap::AttributeTable t;
        t.assign(std::move(specs));
        return t;
    }();
    return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::span<const std::uint8_t> input(data, size);
    const std::uint8_t flags = size > 0 ? data[0] : 0;
    const auto payload = size > 0 ? input.subspan(1) : input;
    const bool cleartext = (flags & 1) == 0;
    const rescap::AttributeTable *attributes = (flags & 2) != 0 ? &attribute_table() : nullptr;

    rescap::ParseOptions datagram{.stream = false, .cleartext = cleartext, .attributes = attributes};
    rescap::ParseOptions stream{.stream = true, .cleartext = cleartext, .attributes = attributes};
    const ParseResult d = rescap::parse_message(payload, datagram);
    check_result(d, payload, datagram);
    const ParseResult s = rescap::parse_message(payload, stream);
    check_result(s, payload, stream);

    // Stream mode differs only in waiting for more data: when it does not
    // wait, it must see exactly what datagram mode sees.
    if (!s.incomplete) {
        CHECK(s.is_rescap == d.is_rescap);
        CHECK(s.consumed == d.consumed, s.consumed, d.consumed);
        CHECK(s.items.size() == d.items.size(), s.items.size(), d.items.size());
        CHECK(s.diagnostics.size() == d.diagnostics.size(), s.diagnostics.size(), d.diagnostics.size());
        for (std::size_t i = 0; i < s.diagnostics.size(); ++i) {
            CHECK(s.diagnostics[i].kind == d.diagnostics[i].kind, i);
            CHECK(s.diagnostics[i].offset == d.diagnostics[i].offset, i);
        }
    }
    walk_datagram(payload, datagram);
    return 0;
}
