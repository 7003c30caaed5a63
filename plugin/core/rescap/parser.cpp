// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/parser.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/rescap/rules.hpp"
#include "core/rescap/status.hpp"
#include "core/rescap/text.hpp"
#include "core/rescap/timestamp.hpp"
#include "core/rescap/url.hpp"

namespace rescap {
namespace {

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

// A run of octets that a sequence of items is read from.
struct Cursor {
    SourceId source;
    std::size_t pos;
    std::size_t end;
    // The message's own sequence, which only the end of the input bounds (a
    // stream may bring more); a container's content is bounded by its length.
    bool open_ended = false;
};

std::string format(const char *fmt, auto... args) {
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, fmt, args...);
    return buffer;
}

class Parser {
public:
    Parser(std::span<const std::uint8_t> input, const ParseOptions &options, ParseResult &result)
        : input_(input), options_(options), r_(result) {}

    void run() {
        Cursor top{kInput, 0, input_.size(), true};
        if (input_.size() < 2) {
            if (!input_.empty()) need(top, kHeaderLength);
            return;
        }
        if (!starts_like_rescap(input_)) return;
        r_.is_rescap = true;
        // Most messages hold a few dozen items at most (an item has a 4-octet
        // header): room for them at once, not by doubling.
        const std::size_t likely = std::min<std::size_t>(input_.size() / kHeaderLength + 1, 32);
        r_.items.reserve(likely);
        r_.fragments.reserve(likely);
        const auto root = read_item(top, kNoItem, 0);
        if (!root) return;
        Item &item = r_.items[*root];
        r_.role = item.tag == kTagFullRequest ? Role::Request : Role::Response;
        expand(*root, top);
        r_.form = r_.items[*root].form;
        r_.message_length = top.pos;
        read_ignored(top, *root);
        r_.consumed = top.pos;
    }

private:
    std::span<const std::uint8_t> bytes(SourceId id) const { return r_.source(id, input_); }

    void report(DiagKind kind, std::uint32_t item, SourceId source, std::size_t offset, std::size_t length,
                std::string message = {}) {
        if (message.empty()) message = diagnostic_spec(kind).summary;
        if (kind == DiagKind::Truncated || kind == DiagKind::FragmentUnterminated) ++cut_short_;
        r_.diagnostics.push_back(Diagnostic{kind, item, source, offset, length, std::move(message)});
    }

    // Running out of the message's own sequence where the capture cut the
    // packet (snap length), short of what the packet had on the wire: the
    // octets existed and were not kept, so this is no finding of the message.
    // `end` is where the missing octets end (0: not known).
    bool cut_by_capture(const Cursor &at, std::size_t end) {
        if (!at.open_ended || options_.reported_length <= input_.size() || at.end != input_.size()) return false;
        if (end > options_.reported_length) return false;
        r_.snapped = true;
        ++cut_short_;
        return true;
    }

    // Running out of the input in stream mode means the rest is still to come.
    void need(const Cursor &at, std::size_t total) {
        if (!options_.stream || !at.open_ended) return;
        // The first shortfall is the earliest one; it is a lower bound, and
        // parsing again once it arrives finds the next.
        if (r_.incomplete) return;
        r_.incomplete = true;
        r_.needed = total;
    }

    void link(std::uint32_t index, std::uint32_t parent) {
        Item &item = r_.items[index];
        item.parent = parent;
        if (parent == kNoItem) return;
        item.depth = r_.items[parent].depth + 1;
        item.ignored = r_.items[parent].ignored;
        // Children are appended in order; linking after the parent's last
        // child keeps this linear.
        Item &container = r_.items[parent];
        (container.last_child != kNoItem ? r_.items[container.last_child].next_sibling : container.first_child) = index;
        container.last_child = index;
    }

    // Reads one logical item (all its fragments) at the cursor.
    std::optional<std::uint32_t> read_item(Cursor &at, std::uint32_t parent, std::uint32_t depth) {
        const auto data = bytes(at.source);
        if (at.end - at.pos < kHeaderLength) {
            if (at.pos < at.end && !cut_by_capture(at, at.pos + kHeaderLength))
                report(DiagKind::Truncated, parent, at.source, at.pos, at.end - at.pos,
                       format("Item header needs 4 octets, %zu left", at.end - at.pos));
            need(at, at.pos + kHeaderLength);
            at.pos = at.end;
            return std::nullopt;
        }

        const auto index = static_cast<std::uint32_t>(r_.items.size());
        r_.items.push_back(Item{});
        {
            Item &item = r_.items.back();
            item.tag = read_u16(data, at.pos);
            const ItemSpec *spec = find_item(item.tag);
            item.spec = spec != nullptr ? spec : &unknown_item();
            item.header_source = at.source;
            item.first_fragment = static_cast<std::uint32_t>(r_.fragments.size());
            item.depth = depth;
        }
        link(index, parent);
        read_fragments(index, at);
        return index;
    }

    void read_fragments(std::uint32_t index, Cursor &at) {
        const auto data = bytes(at.source);
        const std::uint16_t tag = r_.items[index].tag;
        std::size_t total = 0;
        bool complete = true;
        bool more = true;
        while (more) {
            const std::uint16_t word = read_u16(data, at.pos + 2);
            const std::uint16_t length = word & ~kContinuationBit;
            const std::size_t available = std::min<std::size_t>(length, at.end - at.pos - kHeaderLength);
            more = (word & kContinuationBit) != 0;
            r_.fragments.push_back(Fragment{at.pos, length, available, more});
            total += available;
            if (available < length) {
                if (!cut_by_capture(at, at.pos + kHeaderLength + length))
                    report(DiagKind::Truncated, index, at.source, at.pos, at.end - at.pos,
                           format("%s says %u octets, %zu present", std::string(tag_name(tag)).c_str(), length,
                                  available));
                need(at, at.pos + kHeaderLength + length);
                // Only the root's own length is the message's; anywhere else more may follow.
                if (index == 0 && !more) r_.needed_exact = r_.needed == at.pos + kHeaderLength + length;
                complete = false;
                at.pos = at.end;
                break;
            }
            at.pos += kHeaderLength + length;
            if (!more) break;
            if (at.end - at.pos < kHeaderLength) {
                if (!cut_by_capture(at, at.pos + kHeaderLength))
                    report(DiagKind::FragmentUnterminated, index, at.source, r_.fragments.back().offset,
                           kHeaderLength + length);
                need(at, 0);
                complete = false;
                break;
            }
            if (read_u16(data, at.pos) != tag) {
                // The finding is the fragment that promised more, not the
                // item after it: that one may start the next message (a
                // FullRequest/FullResponse tag), outside this message's octets.
                const Fragment &promise = r_.fragments.back();
                report(DiagKind::FragmentMismatch, index, at.source, promise.offset, kHeaderLength + promise.length,
                       format("Fragment of %s followed by %s", std::string(tag_name(tag)).c_str(),
                              std::string(tag_name(read_u16(data, at.pos))).c_str()));
                complete = false;
                break;
            }
        }
        Item &item = r_.items[index];
        item.fragment_count = static_cast<std::uint32_t>(r_.fragments.size() - item.first_fragment);
        item.complete = complete;
        item.content_length = total;
        if (item.fragment_count == 1) {
            item.content_source = at.source;
            item.content_offset = r_.fragments[item.first_fragment].offset + kHeaderLength;
            return;
        }
        std::vector<std::uint8_t> joined;
        joined.reserve(total);
        for (const Fragment &fragment : r_.fragments_of(item)) {
            const auto piece = data.subspan(fragment.offset + kHeaderLength, fragment.available);
            joined.insert(joined.end(), piece.begin(), piece.end());
        }
        r_.buffers.push_back(std::move(joined));
        item.content_source = static_cast<SourceId>(r_.buffers.size());
        item.content_offset = 0;
    }

    // Decodes an item's content: checks its value and reads its children,
    // from its own content (nested form) or from the cursor (count form).
    void expand(std::uint32_t index, Cursor &at) {
        Item &item = r_.items[index];
        const ItemSpec &spec = *item.spec;
        const std::size_t prefix = prefix_length(spec.kind);
        item.value_offset = item.content_offset;
        item.value_length = item.content_length;
        if (!item.complete) return read_cut_root(index);

        if (options_.attributes != nullptr && (item.tag >= kPrivateRequestFirst || &spec == &unknown_item())) {
            item.attribute = options_.attributes->find(item.tag);
            if (item.attribute != nullptr) return check_attribute(index);
        }
        if (&spec == &unknown_item()) {
            report(DiagKind::UnknownTag, index, item.header_source, r_.fragments[item.first_fragment].offset,
                   kHeaderLength + item.content_length, format("Unknown tag 0x%04x, item skipped", item.tag));
            return;
        }
        if (spec.kind == ContentKind::SignatureControl) return read_signature_control(index);
        if (spec.layout == Layout::Leaf) return check_value(index);

        if (item.content_length < prefix) {
            report_content(DiagKind::ContentShort, index,
                           format("%s needs %zu octets of %s, has %zu", spec.name, prefix,
                                  spec.kind == ContentKind::Ttl ? "TTL" : "timestamp", item.content_length));
            return;
        }
        item.value_length = prefix;
        if (prefix > 0) check_value(index);
        if (item.depth + 1 >= kMaxDepth) {
            report_content(DiagKind::TooDeep, index, format("Nesting deeper than %u levels", kMaxDepth));
            return;
        }
        const std::size_t rest = item.content_length - prefix;
        if (spec.layout == Layout::DualForm && rest == 2) {
            item.form = Form::Count;
            item.count = read_u16(bytes(item.content_source), item.content_offset + prefix);
            read_counted(index, at);
        } else if (spec.layout == Layout::Nested || rest >= kHeaderLength) {
            item.form = Form::Nested;
            Cursor inner{item.content_source, item.content_offset + prefix, item.content_offset + item.content_length};
            read_sequence(inner, index, std::nullopt);
        } else {
            report_content(DiagKind::BadContainerLength, index,
                           format("%s length %zu: count form needs %zu, nested form at least %zu", spec.name,
                                  item.content_length, prefix + 2, prefix + kHeaderLength));
        }
    }

    // A message cut short (a datagram truncated, or a stream still arriving)
    // still shows the whole items it starts with when its root is in nested
    // form; other cut items are not guessed into. The cut itself is already
    // reported once, so the children's shortfalls are not reported again.
    void read_cut_root(std::uint32_t index) {
        Item &item = r_.items[index];
        const Fragment &header = r_.fragments[item.first_fragment];
        if (index != 0 || item.fragment_count != 1 || header.length < kHeaderLength) return;
        item.form = Form::Nested;
        const std::size_t reported = r_.diagnostics.size();
        Cursor inner{item.content_source, item.content_offset, item.content_offset + item.content_length};
        read_sequence(inner, index, std::nullopt);
        const auto from = r_.diagnostics.begin() + static_cast<std::ptrdiff_t>(reported);
        r_.diagnostics.erase(std::remove_if(from, r_.diagnostics.end(),
                                            [](const Diagnostic &d) {
                                                return d.kind == DiagKind::Truncated ||
                                                       d.kind == DiagKind::FragmentUnterminated ||
                                                       d.kind == DiagKind::CountShort;
                                            }),
                             r_.diagnostics.end());
    }

    void read_counted(std::uint32_t index, Cursor &at) {
        const std::uint16_t announced = r_.items[index].count;
        const std::size_t cut_before = cut_short_;
        const std::size_t found = read_sequence(at, index, announced);
        // A truncated item already explains the missing ones.
        if (found < announced && cut_short_ == cut_before && !(at.pos == at.end && cut_by_capture(at, 0))) {
            const Item &item = r_.items[index];
            report(DiagKind::CountShort, index, item.header_source, r_.fragments[item.first_fragment].offset,
                   kHeaderLength + item.content_length,
                   format("%s announces %u items, %zu follow", item.spec->name, announced, found));
            need(at, 0);
        }
    }

    // Reads items until the cursor's end or until `limit` items were read.
    std::size_t read_sequence(Cursor &at, std::uint32_t parent, std::optional<std::size_t> limit) {
        std::size_t found = 0;
        while (at.pos < at.end && (!limit || found < *limit)) {
            const auto child = read_item(at, parent, r_.items[parent].depth + 1);
            if (!child) break;
            expand(*child, at);
            ++found;
        }
        return found;
    }

    // After the message proper: items the receiver ignores, up to what
    // looks like the start of the next message.
    void read_ignored(Cursor &at, std::uint32_t root) {
        if (at.pos >= at.end || r_.incomplete) return;
        const std::size_t start = at.pos;
        const auto data = bytes(at.source);
        std::uint32_t holder = kNoItem;
        while (at.pos < at.end && !starts_like_rescap(data.subspan(at.pos))) {
            if (holder == kNoItem) {
                // Ignored items hang under the root, flagged so that rules skip them.
                r_.items[root].ignored = true;
                holder = root;
            }
            Cursor probe = at;
            const auto child = read_item(probe, holder, 1);
            if (!child) {
                at = probe;
                break;
            }
            r_.items[*child].ignored = true;
            expand(*child, probe);
            at = probe;
        }
        r_.items[root].ignored = false;
        if (holder == kNoItem) return;
        // Nothing past the message may hold the stream back.
        r_.incomplete = false;
        r_.needed = 0;
        const char *why = r_.form == Form::Count ? "beyond the FullRequest/FullResponse count"
                                                 : "after the end of the nested message";
        report(DiagKind::BeyondCount, kNoItem, kInput, start, at.pos - start,
               format("%zu octets %s are ignored", at.pos - start, why));
    }

    void report_content(DiagKind kind, std::uint32_t index, std::string message) {
        const Item &item = r_.items[index];
        report(kind, index, item.content_source, item.content_offset, item.content_length, std::move(message));
    }

    void report_value(DiagKind kind, std::uint32_t index, std::string message = {}) {
        const Item &item = r_.items[index];
        report(kind, index, item.content_source, item.value_offset, item.value_length, std::move(message));
    }

    void check_value(std::uint32_t index) {
        Item &item = r_.items[index];
        const auto value = r_.value(item, input_);
        switch (item.spec->kind) {
            case ContentKind::Uri:
                if (!is_valid_utf8(value)) report_value(DiagKind::TextNotUtf8, index, "URI is not valid UTF-8");
                check_url(index, value);
                break;
            case ContentKind::TagList:
                if (value.size() % 2 != 0)
                    report_value(DiagKind::ItemsToReturnOdd, index,
                                 format("ItemsToReturn length %zu is odd; the last octet is not a tag", value.size()));
                break;
            case ContentKind::KeyId:
                if (value.size() != 8)
                    report_value(DiagKind::KeyIdLength, index, format("KeyID has %zu octets, must be 8", value.size()));
                break;
            case ContentKind::Nonce:
                if (value.size() < 8)
                    report_value(DiagKind::NonceShort, index,
                                 format("Nonce has %zu octets, needs at least 8", value.size()));
                break;
            case ContentKind::Status: check_status(index, value); break;
            case ContentKind::Ttl:
                item.ttl_valid = value.size() == 4;
                if (item.ttl_valid)
                    item.ttl = static_cast<std::uint32_t>(read_u16(value, 0)) << 16 | read_u16(value, 2);
                break;
            case ContentKind::Timestamp: {
                const auto seconds = parse_timestamp(value);
                item.timestamp_valid = seconds.has_value();
                item.timestamp = seconds.value_or(0);
                if (!seconds) report_value(DiagKind::BadTimestamp, index);
                break;
            }
            case ContentKind::None:
                if (item.spec->layout == Layout::Leaf && !value.empty())
                    report_value(DiagKind::AuthIpContent, index,
                                 format("%s carries %zu octets; it must be empty", item.spec->name, value.size()));
                break;
            default: break;
        }
    }

    void check_status(std::uint32_t index, std::span<const std::uint8_t> value) {
        if (value.size() < 2) {
            report_value(DiagKind::ContentShort, index, format("Status needs 2 octets of code, has %zu", value.size()));
            return;
        }
        const auto code = read_u16(value, 0);
        r_.items[index].status_valid = true;
        r_.items[index].status = code;
        if (status_meaning(code) == nullptr)
            report(DiagKind::StatusUnknown, index, r_.items[index].content_source, r_.items[index].value_offset, 2,
                   format("Status code 0x%04x is not defined by the drafts", code));
        if (!is_valid_utf8(value.subspan(2)))
            report(DiagKind::TextNotUtf8, index, r_.items[index].content_source, r_.items[index].value_offset + 2,
                   value.size() - 2, "Status text is not valid UTF-8");
    }

    void check_attribute(std::uint32_t index) {
        const Item &item = r_.items[index];
        const auto value = r_.value(item, input_);
        const AttrType type = item.attribute->type;
        if (!attribute_value_fits(type, value)) {
            report_value(DiagKind::AttributeValue, index,
                         format("%s is declared %s; its %zu octets do not fit", item.attribute->name.c_str(),
                                attr_type_name(type), value.size()));
            return;
        }
        if (type == AttrType::String || type == AttrType::Uri) check_url(index, value);
    }

    // A rescap URL carries a whole request: decode it once, here.
    void check_url(std::uint32_t index, std::span<const std::uint8_t> value) {
        const std::string_view text(reinterpret_cast<const char *>(value.data()), value.size());
        const auto url = split_rescap_url(text);
        if (!url || url->encoded.empty() || options_.embedding_depth >= kMaxEmbedding) return;
        auto octets = decode_base64(url->encoded);
        if (!octets) {
            report_value(DiagKind::BadUrl, index, "rescap URL: the request part is not base64");
            return;
        }
        ParseOptions inner = options_;
        inner.stream = false;
        ++inner.embedding_depth;
        auto message = std::make_unique<ParseResult>(parse_message(*octets, inner));
        if (!message->is_rescap) {
            report_value(DiagKind::BadUrl, index, "rescap URL: the decoded octets are not a rescap message");
            return;
        }
        if (message->has_errors())
            report_value(DiagKind::BadUrl, index, "rescap URL: the embedded message is malformed");
        r_.buffers.push_back(std::move(*octets));
        r_.items[index].embedded = static_cast<std::int32_t>(r_.embedded.size());
        r_.embedded.push_back(Embedded{index, static_cast<SourceId>(r_.buffers.size()), std::move(message)});
    }

    // SignatureControlInfo: an optional KeyID item, then the raw signature.
    void read_signature_control(std::uint32_t index) {
        Item &item = r_.items[index];
        Cursor inner{item.content_source, item.content_offset, item.content_offset + item.content_length};
        const auto data = bytes(inner.source);
        if (item.content_length >= kHeaderLength && read_u16(data, inner.pos) == kTagKeyId) {
            const auto key = read_item(inner, index, item.depth + 1);
            if (key) expand(*key, inner);
        }
        Item &again = r_.items[index];
        again.value_offset = inner.pos;
        again.value_length = inner.end - inner.pos;
    }

    std::span<const std::uint8_t> input_;
    const ParseOptions &options_;
    ParseResult &r_;
    std::size_t cut_short_ = 0;  // truncations and unterminated fragments seen so far
};

}  // namespace

bool starts_like_rescap(std::span<const std::uint8_t> input) {
    if (input.size() < 2) return false;
    const auto tag = read_u16(input, 0);
    return tag == kTagFullRequest || tag == kTagFullResponse;
}

const Item *ParseResult::find(std::uint16_t tag) const {
    for (const Item &item : items)
        if (item.tag == tag && !item.ignored) return &item;
    return nullptr;
}

bool ParseResult::has(DiagKind kind) const {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [kind](const Diagnostic &d) { return d.kind == kind; });
}

bool ParseResult::has_errors() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return diagnostic_spec(d.kind).severity == Severity::Error; });
}

ParseResult parse_message(std::span<const std::uint8_t> input, const ParseOptions &options) {
    ParseResult result(options.memory);
    Parser(input, options, result).run();
    // Rules speak of a message's items; a root that could not be decoded has
    // none, and a message cut by the capture may have the rest in what was not kept.
    if (result.is_rescap && !result.incomplete && !result.snapped && result.form != Form::None &&
        result.items[0].complete)
        check_rules(result, options);
    return result;
}

}  // namespace rescap
