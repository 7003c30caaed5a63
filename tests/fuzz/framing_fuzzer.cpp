// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for rescap's stream framing and heuristics
// (stream_probe.hpp, heuristic.hpp). The first input octet sets the segment
// size (1-64) in which the stream "arrives"; the rest is the stream. Checks:
// - probe_stream: a complete message ends inside the input, an incomplete
//   one asks for more than the input holds, "undecided" only for octets
//   that do not start like rescap;
// - MessageWalker fed the stream one segment at a time (as the glue feeds
//   it, stopping at Complete) ends with what probe_stream says of the same
//   octets at once, and never asks for less than it asked before;
// - framed_length and ignored_tail_end stay inside the input, after the
//   message proper, and stop only at a new message or the input's end;
// - plausible_message_start and looks_like_rescap claim only octets that
//   start like rescap, and plausible_message_start (10 octets or more) all
//   that looks_like_rescap accepts.
#include <cstddef>
#include <cstdint>

#include "core/rescap/heuristic.hpp"
#include "core/rescap/parser.hpp"
#include "core/rescap/registry.hpp"
#include "core/rescap/stream_probe.hpp"
#include "harness.hpp"

namespace {

using rescap::StreamProbe;
using State = rescap::StreamProbe::State;

void check_probe(const StreamProbe &probe, fuzz::Bytes input) {
    switch (probe.state) {
        case State::Complete:
            FUZZ_CHECK(probe.length >= rescap::kHeaderLength && probe.length <= input.size(), probe.length,
                       input.size());
            FUZZ_CHECK(!probe.exact);
            break;
        case State::Incomplete: FUZZ_CHECK(probe.length > input.size(), probe.length, input.size()); break;
        case State::Undecided:
            FUZZ_CHECK(input.size() >= 2 && !rescap::starts_like_rescap(input), input.size());
            FUZZ_CHECK(probe.length == 0 && !probe.exact, probe.length);
            break;
    }
}

bool same(const StreamProbe &a, const StreamProbe &b) {
    return a.state == b.state && a.length == b.length && a.exact == b.exact;
}

// The glue's use: one walker per message, fed everything so far after each
// segment, until it says Complete.
void check_walker(fuzz::Bytes stream, std::size_t segment) {
    rescap::MessageWalker walker;
    StreamProbe last;
    std::size_t asked = 0;
    std::size_t size = 0;
    do {
        size = std::min(stream.size(), size + segment);
        const auto prefix = stream.first(size);
        last = walker.advance(prefix);
        check_probe(last, prefix);
        if (last.state == State::Incomplete) {
            FUZZ_CHECK(last.length >= asked, last.length, asked, size);
            asked = last.length;
        }
    } while (last.state != State::Complete && size < stream.size());
    const StreamProbe whole = rescap::probe_stream(stream.first(size));
    FUZZ_CHECK(same(last, whole), static_cast<unsigned>(last.state), static_cast<unsigned>(whole.state), last.length,
               whole.length, size);
    if (last.state == State::Complete) {
        const StreamProbe all = rescap::probe_stream(stream);
        FUZZ_CHECK(same(last, all), static_cast<unsigned>(all.state), last.length, all.length);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t segment = (data[0] & 0x3F) + 1u;
    const fuzz::Bytes stream(data + 1, size - 1);

    const StreamProbe probe = rescap::probe_stream(stream);
    check_probe(probe, stream);
    check_walker(stream, segment);

    const std::size_t framed = rescap::framed_length(stream);
    if (framed != 0) {
        FUZZ_CHECK(probe.state == State::Complete);
        FUZZ_CHECK(framed >= probe.length && framed <= stream.size(), framed, probe.length, stream.size());
    }
    if (probe.state == State::Complete) {
        bool cut = true;
        const std::size_t end = rescap::ignored_tail_end(stream, probe.length, cut);
        FUZZ_CHECK(end >= probe.length && end <= stream.size(), end, probe.length, stream.size());
        if (!cut) FUZZ_CHECK(end == stream.size() || rescap::starts_like_rescap(stream.subspan(end)), end);
        FUZZ_CHECK(framed == (cut ? 0 : end), framed, end);
    }

    const bool plausible = rescap::plausible_message_start(stream);
    if (plausible) FUZZ_CHECK(stream.size() >= 2 * rescap::kHeaderLength + 2 && rescap::starts_like_rescap(stream));
    for (const bool is_stream : {false, true}) {
        const rescap::ParseOptions options{.stream = is_stream};
        const rescap::ParseResult result = rescap::parse_message(stream, options);
        if (rescap::looks_like_rescap(result, stream.size())) {
            FUZZ_CHECK(result.is_rescap && rescap::starts_like_rescap(stream), is_stream);
            // What the whole parse accepts, the header check accepts (it
            // needs the count and the first child's header: 10 octets), for
            // a top-level header that is not itself a fragment: the check
            // reads one header, while a fragmented top-level item (found by
            // the fuzzer: a zero-length first fragment) only makes sense
            // reassembled, which looks_like_rescap does; the heuristic
            // claims those through it (heuristic.hpp).
            const bool fragmented_top = stream.size() > 2 && (stream[2] & 0x80) != 0;
            if (stream.size() >= 2 * rescap::kHeaderLength + 2 && !fragmented_top) FUZZ_CHECK(plausible, is_stream);
        }
    }
    return 0;
}
