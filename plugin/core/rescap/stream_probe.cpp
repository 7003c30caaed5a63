// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/stream_probe.hpp"

#include "core/rescap/registry.hpp"

namespace rescap {
namespace {

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

}  // namespace

StreamProbe MessageWalker::advance(std::span<const std::uint8_t> message) {
    StreamProbe probe;
    if (!started_ && message.size() >= 2 && !starts_like_rescap(message)) return probe;
    for (;;) {
        if (message.size() - pos_ < kHeaderLength) {
            probe.state = StreamProbe::State::Incomplete;
            probe.length = pos_ + kHeaderLength;
            return probe;
        }
        const std::uint16_t tag = read_u16(message, pos_);
        const std::uint16_t word = read_u16(message, pos_ + 2);
        const bool more = (word & kContinuationBit) != 0;
        const std::size_t length = word & ~kContinuationBit;
        if (!started_) {
            // Count form when the root's content is exactly a count; otherwise
            // the root's own chain is the message (nested form or fragmented).
            nested_root_ = more || length != 2;
            if (message.size() - pos_ - kHeaderLength < length) {
                probe.state = StreamProbe::State::Incomplete;
                probe.length = pos_ + kHeaderLength + length;
                probe.exact = nested_root_ && !more;
                return probe;
            }
            started_ = true;
            if (nested_root_) {
                in_chain_ = more;
                chain_tag_ = tag;
            } else {
                owed_[0] = read_u16(message, pos_ + kHeaderLength);
                depth_ = 1;
            }
            pos_ += kHeaderLength + length;
        } else {
            // A different tag after a continuation ends the chain before it
            // (malformed: the full parse says so); the record is the next item.
            if (in_chain_ && tag != chain_tag_) {
                in_chain_ = false;
                if (nested_root_) break;
                close_item();
                if (owes_nothing()) break;
                continue;
            }
            if (message.size() - pos_ - kHeaderLength < length) {
                probe.state = StreamProbe::State::Incomplete;
                probe.length = pos_ + kHeaderLength + length;
                return probe;
            }
            if (!in_chain_) {
                chain_tag_ = tag;
                chain_depth_ = depth_;
                chain_length_ = 0;
            }
            chain_length_ += length;
            if (length >= 2) {
                chain_tail_ = {message[pos_ + kHeaderLength + length - 2], message[pos_ + kHeaderLength + length - 1]};
            } else if (length == 1) {
                chain_tail_ = {chain_tail_[1], message[pos_ + kHeaderLength]};
            }
            in_chain_ = more;
            pos_ += kHeaderLength + length;
            if (!more && !nested_root_) close_item();
        }
        if (nested_root_ ? !in_chain_ : owes_nothing()) break;
    }
    probe.state = StreamProbe::State::Complete;
    probe.length = pos_;
    return probe;
}

// One logical item is whole: it pays one item of its level's count and, if
// it is a counting container, opens a level of its own (as the parser does:
// not beyond kMaxDepth, where the parser stops decoding).
void MessageWalker::close_item() {
    --owed_[depth_ - 1];
    const ItemSpec *spec = find_item(chain_tag_);
    if (spec != nullptr && spec->layout == Layout::DualForm) {
        const std::size_t prefix = prefix_length(spec->kind);
        const std::uint16_t count =
            chain_length_ == prefix + 2 ? static_cast<std::uint16_t>(chain_tail_[0] << 8 | chain_tail_[1]) : 0;
        if (count > 0 && chain_depth_ + 1 < kMaxDepth) owed_[depth_++] = count;
    }
    while (depth_ > 1 && owed_[depth_ - 1] == 0) --depth_;
}

StreamProbe probe_stream(std::span<const std::uint8_t> input) {
    if (input.size() < 2) {
        StreamProbe probe;
        probe.state = StreamProbe::State::Incomplete;
        probe.length = kHeaderLength;
        return probe;
    }
    MessageWalker walker;
    return walker.advance(input);
}

std::size_t ignored_tail_end(std::span<const std::uint8_t> input, std::size_t from, bool &cut) {
    cut = false;
    std::size_t pos = from;
    while (pos < input.size()) {
        const auto rest = input.subspan(pos);
        if (rest.size() >= 2 && starts_like_rescap(rest)) break;
        if (rest.size() < kHeaderLength || rest.size() - kHeaderLength < (read_u16(rest, 2) & ~kContinuationBit)) {
            cut = true;
            break;
        }
        pos += kHeaderLength + (read_u16(rest, 2) & ~kContinuationBit);
    }
    return pos;
}

std::size_t framed_length(std::span<const std::uint8_t> input) {
    const StreamProbe probe = probe_stream(input);
    if (probe.state != StreamProbe::State::Complete) return 0;
    bool cut = false;
    const std::size_t end = ignored_tail_end(input, probe.length, cut);
    return cut ? 0 : end;
}

}  // namespace rescap
