#include "core/rescap/stream_probe.hpp"

#include <vector>

#include "core/rescap/parser.hpp"
#include "core/rescap/registry.hpp"

namespace rescap {
namespace {

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

// One logical item's header chain: its tag, the end of its last fragment,
// and its content length when it was a single fragment.
struct Chain {
    bool whole = false;  // every fragment's header and content is present
    std::size_t end = 0;
    std::size_t single_length = 0;
    bool fragmented = false;
    std::size_t needed = 0;  // when not whole: octets needed at least
};

Chain walk_chain(std::span<const std::uint8_t> input, std::size_t pos) {
    Chain chain;
    if (input.size() - pos < kHeaderLength) {
        chain.needed = pos + kHeaderLength;
        return chain;
    }
    const std::uint16_t tag = read_u16(input, pos);
    for (bool first = true;; first = false) {
        if (input.size() - pos < kHeaderLength) {
            chain.needed = pos + kHeaderLength;
            return chain;
        }
        // A different tag after a continuation is malformed; the full parse says so.
        if (!first && read_u16(input, pos) != tag) {
            chain.whole = true;
            chain.end = pos;
            return chain;
        }
        const std::uint16_t word = read_u16(input, pos + 2);
        const std::size_t length = word & ~kContinuationBit;
        if (input.size() - pos - kHeaderLength < length) {
            chain.needed = pos + kHeaderLength + length;
            return chain;
        }
        if (first) chain.single_length = length;
        chain.fragmented |= !first;
        pos += kHeaderLength + length;
        if ((word & kContinuationBit) == 0) {
            chain.whole = true;
            chain.end = pos;
            return chain;
        }
    }
}

}  // namespace

StreamProbe probe_stream(std::span<const std::uint8_t> input) {
    StreamProbe probe;
    if (input.size() < kHeaderLength) {
        if (input.size() < 2 || starts_like_rescap(input)) {
            probe.state = StreamProbe::State::Incomplete;
            probe.length = kHeaderLength;
        }
        return probe;
    }
    if (!starts_like_rescap(input)) return probe;
    const std::uint16_t root_word = read_u16(input, 2);
    const std::size_t root_length = root_word & ~kContinuationBit;
    if ((root_word & kContinuationBit) != 0 || root_length != 2) {
        // Nested form (or a fragmented root): the root's own chain is the message.
        const Chain root = walk_chain(input, 0);
        probe.state = root.whole ? StreamProbe::State::Complete : StreamProbe::State::Incomplete;
        probe.length = root.whole ? root.end : root.needed;
        probe.exact = !root.whole && (root_word & kContinuationBit) == 0 && root.needed == kHeaderLength + root_length;
        return probe;
    }
    // Count form: the counts add up to how many logical items follow.
    if (input.size() < kHeaderLength + 2) {
        probe.state = StreamProbe::State::Incomplete;
        probe.length = kHeaderLength + 2;
        return probe;
    }
    // Items still owed at each open count level, root first (a preorder tree).
    std::vector<std::size_t> owed{read_u16(input, kHeaderLength)};
    std::size_t pos = kHeaderLength + 2;
    while (!owed.empty() && owed.back() > 0) {
        const Chain chain = walk_chain(input, pos);
        if (!chain.whole) {
            probe.state = StreamProbe::State::Incomplete;
            probe.length = chain.needed;
            return probe;
        }
        const std::size_t depth = owed.size();  // the root's children are at depth 1
        --owed.back();
        const ItemSpec *spec = find_item(read_u16(input, pos));
        if (spec != nullptr && spec->layout == Layout::DualForm) {
            if (chain.fragmented) return probe;  // a fragmented count: leave it to the full parse
            const std::size_t prefix = prefix_length(spec->kind);
            const std::size_t count =
                chain.single_length == prefix + 2 ? read_u16(input, pos + kHeaderLength + prefix) : 0;
            // Deeper than the parser decodes: its verdict, not the walk's.
            if (count > 0 && depth + 1 >= kMaxDepth) return probe;
            if (count > 0) owed.push_back(count);
        }
        while (owed.size() > 1 && owed.back() == 0) owed.pop_back();
        pos = chain.end;
    }
    probe.state = StreamProbe::State::Complete;
    probe.length = pos;
    return probe;
}

}  // namespace rescap
