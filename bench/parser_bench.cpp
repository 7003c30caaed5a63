// SPDX-License-Identifier: GPL-2.0-or-later
// Google Benchmark of rescap::parse_message on synthesized messages (the same
// shapes as bench/synth.py). Build: -DRESCAP_BENCH=ON, target parser_bench.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "core/rescap/parser.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

void put16(Bytes &b, unsigned v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

Bytes item(unsigned tag, const Bytes &content, bool more = false) {
    Bytes b;
    put16(b, tag);
    put16(b, static_cast<unsigned>(content.size()) | (more ? 0x8000u : 0u));
    b.insert(b.end(), content.begin(), content.end());
    return b;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes b;
    for (const auto &p : parts) b.insert(b.end(), p.begin(), p.end());
    return b;
}

Bytes text(const char *s) {
    return Bytes(s, s + __builtin_strlen(s));
}

Bytes count_request() {
    return cat({item(0x0001, {0, 2}), item(0x0002, text("mailto:alice@example.com")),
                item(0x0003, {0x00, 0x0D, 0x00, 0x17, 0xFF, 0x01, 0xFF, 0x04})});
}

Bytes count_response() {
    return cat({item(0x000C, {0, 3}), item(0x000D, {0, 0}), item(0x0017, {0, 0, 0x0E, 0x10, 0, 1}),
                item(0xFF04, text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice\r\nEND:VCARD\r\n")), item(0xFF01, {1})});
}

Bytes nested_response() {
    Bytes ttl = cat({Bytes{0, 0, 2, 0x58}, item(0xFF01, {0}), item(0xFF03, {0, 0x48})});
    return item(0x000C, cat({item(0x000D, {0, 0}), item(0x0017, ttl)}));
}

Bytes large_response() {  // 40000 octets in a fragmented 0xFF05, like captures/tcp_large
    Bytes content(40000);
    for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<std::uint8_t>(i * 31);
    Bytes first(content.begin(), content.begin() + 0x7FFF), second(content.begin() + 0x7FFF, content.end());
    return cat({item(0x000C, {0, 2}), item(0x000D, {0, 0}), item(0xFF05, first, true), item(0xFF05, second)});
}

void run(benchmark::State &state, const Bytes &message, bool stream) {
    rescap::ParseOptions options;
    options.stream = stream;
    for (auto _ : state) {
        auto result = rescap::parse_message(message, options);
        benchmark::DoNotOptimize(result);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * message.size()));
}

void BM_CountRequest(benchmark::State &s) {
    run(s, count_request(), false);
}
void BM_CountResponse(benchmark::State &s) {
    run(s, count_response(), false);
}
void BM_NestedResponse(benchmark::State &s) {
    run(s, nested_response(), false);
}
void BM_LargeFragmentedResponse(benchmark::State &s) {
    run(s, large_response(), true);
}
void BM_LargeResponseFirstSegment(benchmark::State &s) {  // TCP: 1000 octets of it, "need more"
    Bytes m = large_response();
    m.resize(1000);
    run(s, m, true);
}

}  // namespace

BENCHMARK(BM_CountRequest);
BENCHMARK(BM_CountResponse);
BENCHMARK(BM_NestedResponse);
BENCHMARK(BM_LargeFragmentedResponse);
BENCHMARK(BM_LargeResponseFirstSegment);
BENCHMARK_MAIN();
