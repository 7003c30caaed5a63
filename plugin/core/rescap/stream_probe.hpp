// SPDX-License-Identifier: GPL-2.0-or-later
// Where a rescap message ends in a TCP byte stream, found by walking item
// headers only: no content is copied or checked. The walk is resumable: a
// MessageWalker remembers where it stopped and what it still owes, so
// feeding a message that grows one segment at a time costs O(size) in all
// (the full parse runs once, when the message is complete).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/rescap/parser.hpp"

namespace rescap {

struct StreamProbe {
    enum class State : std::uint8_t {
        Complete,    // the message proper ends at `length`
        Incomplete,  // more octets are needed: at least `length` in all
        Undecided    // the walk cannot tell (not rescap)
    };
    State state = State::Undecided;
    std::size_t length = 0;
    bool exact = false;  // Incomplete: `length` is the whole message (a nested-form root's own length)
};

// Walks one message's item records as its octets arrive. Trivially
// destructible on purpose: it lives in Wireshark's file-scope memory.
class MessageWalker {
public:
    // `message` is everything of the message so far: the span passed last
    // time plus what arrived since (the same octets, only longer).
    StreamProbe advance(std::span<const std::uint8_t> message);

private:
    void close_item();
    bool owes_nothing() const { return depth_ == 1 && owed_[0] == 0; }

    std::size_t pos_ = 0;  // start of the first record not walked yet
    bool started_ = false;
    bool nested_root_ = false;
    // Items still owed at each open count level, root first (a preorder tree).
    std::array<std::uint16_t, kMaxDepth + 1> owed_{};
    std::uint32_t depth_ = 0;
    // The logical item being walked (its fragments so far).
    bool in_chain_ = false;
    std::uint16_t chain_tag_ = 0;
    std::uint32_t chain_depth_ = 0;
    std::size_t chain_length_ = 0;
    std::array<std::uint8_t, 2> chain_tail_{};  // its last two content octets (a count)
};

StreamProbe probe_stream(std::span<const std::uint8_t> input);

// After a message proper that ends at `from`: the end of the whole item
// records that follow and do not start another message (the receiver
// ignores them; they belong to the message). `cut` tells that the next
// record runs past the input, so the message may go on.
std::size_t ignored_tail_end(std::span<const std::uint8_t> input, std::size_t from, bool &cut);

// Where the message at input[0] ends when it is whole in `input`, the
// ignored items after it included; 0 when it runs past the input (a stream
// must wait for more) or the walk cannot tell (not rescap).
std::size_t framed_length(std::span<const std::uint8_t> input);

}  // namespace rescap
