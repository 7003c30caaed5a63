// SPDX-License-Identifier: GPL-2.0-or-later
// The false-positive census of the signature table: how many payloads that
// are not of a row's protocol each row names. Two families:
//  * random payloads per transport, sizes spread over 1..1500 plus the
//    fixed sizes rows care about (NTP 48/68/72, WireGuard 148/92/64...);
//    every row of the transport must name none of them;
//  * mutated real payloads (signature_cases.hpp): each case's payload with
//    1-4 octets flipped, or truncated, or extended; a mutation may keep a
//    valid structure, so only a row of ANOTHER protocol than the case's
//    (nor the one that carries it: carried_in) naming it counts, and only for mutants of 5 octets or more: a
//    shorter one can be another protocol's whole canonical message (a SOCKS4 request flipped and cut to "05 01 00" IS
//    SOCKS5's greeting, a TACACS+ header cut to "05 02 01 00" its greeting with two methods). Random payloads of 1-4
//    octets still count in the random family.
// Shared by false_positive_test.cpp (a smaller run) and the
// false_positive_census executable (10^6 per transport, a per-row table).
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "signature_cases.hpp"

namespace rescap::test {

// splitmix64: fast, and the same sequence everywhere for a seed.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    void fill(std::uint8_t *out, std::size_t n) {
        while (n >= 8) {
            const std::uint64_t v = next();
            std::memcpy(out, &v, 8);
            out += 8;
            n -= 8;
        }
        if (n > 0) {
            const std::uint64_t v = next();
            std::memcpy(out, &v, n);
        }
    }

private:
    std::uint64_t state_;
};

// Sizes some row checks exactly (or near its minimum).
inline constexpr std::size_t kFixedSizes[] = {1,  2,   3,   4,   5,   6,   7,   8,    9,    10,  12, 14,
                                              16, 17,  20,  24,  32,  40,  44,  48,   64,   68,  72, 92,
                                              96, 128, 148, 200, 256, 512, 517, 1024, 1460, 1500};

struct Census {
    std::size_t random_payloads = 0;                  // per transport
    std::size_t mutated_payloads = 0;                 // over all cases
    std::map<std::string, std::size_t> random_hits;   // row id -> random payloads it named
    std::map<std::string, std::size_t> mutated_hits;  // row id -> mutated payloads of another protocol it named
    std::vector<std::string> examples;                // a few hits, hex, for the report

    std::size_t total() const {
        std::size_t n = 0;
        for (const auto &[row, count] : random_hits) n += count;
        for (const auto &[row, count] : mutated_hits) n += count;
        return n;
    }
};

inline bool row_applies(const ghostports::Signature &row, ghostports::Transport transport) {
    return (static_cast<unsigned>(row.transport) & static_cast<unsigned>(transport)) != 0;
}

inline std::string hex_of(const Bytes &p, std::size_t max = 64) {
    static const char *digits = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < p.size() && i < max; ++i) {
        out += digits[p[i] >> 4];
        out += digits[p[i] & 15];
    }
    return out + (p.size() > max ? "..." : "");
}

inline void note(Census &census, std::map<std::string, std::size_t> &hits, const char *row, const Bytes &p,
                 const char *family) {
    if (hits[row]++ < 2 && census.examples.size() < 40)
        census.examples.push_back(std::string(family) + " " + row + " (" + std::to_string(p.size()) +
                                  " octets): " + hex_of(p));
}

inline void random_census(Census &census, std::size_t per_transport, std::uint64_t seed) {
    Random random(seed);
    Bytes p;
    census.random_payloads = per_transport;
    for (auto transport : {ghostports::Transport::Tcp, ghostports::Transport::Udp}) {
        for (std::size_t i = 0; i < per_transport; ++i) {
            const std::size_t size =
                i % 2 == 0 ? 1 + random.below(1500) : kFixedSizes[random.below(std::size(kFixedSizes))];
            p.resize(size);
            random.fill(p.data(), size);
            for (const auto &row : ghostports::signature_table())
                if (row_applies(row, transport) && row.matches(p))
                    note(census, census.random_hits, row.id, p, "random");
        }
    }
}

// Mutants shorter than this are not counted: 3 octets can be SOCKS5's whole
// greeting with one method (a SOCKS4 request flipped and cut), 4 octets its
// greeting with two (a TACACS+ header "c0 02 01 00" flipped to "05 02 01 00").
inline constexpr std::size_t kShortestMutant = 5;

inline Bytes mutate(const Bytes &original, Random &random) {
    Bytes p = original;
    const std::size_t operations = 1 + random.below(4);
    for (std::size_t op = 0; op < operations; ++op) {
        switch (random.below(4)) {
            case 0:
            case 1:  // flip an octet to another value
                if (!p.empty()) p[random.below(p.size())] ^= static_cast<std::uint8_t>(1 + random.below(255));
                break;
            case 2:  // truncate
                if (p.size() > 1) p.resize(1 + random.below(p.size() - 1));
                break;
            default: {  // extend
                const std::size_t more = 1 + random.below(64);
                const std::size_t old = p.size();
                p.resize(old + more);
                random.fill(p.data() + old, more);
            }
        }
    }
    return p;
}

inline void mutated_census(Census &census, std::size_t per_case, std::uint64_t seed) {
    Random random(seed);
    for (const SignatureCase &c : signature_cases()) {
        for (std::size_t i = 0; i < per_case; ++i) {
            const Bytes p = mutate(c.payload, random);
            if (p.size() < kShortestMutant) continue;
            ++census.mutated_payloads;
            for (const auto &row : ghostports::signature_table())
                if (row_applies(row, c.transport) && std::strcmp(row.protocol, c.protocol) != 0 &&
                    !ghostports::carried_in(c.protocol, row.protocol) && row.matches(p))
                    note(census, census.mutated_hits, row.id, p, (std::string("mutated ") + c.what + " ->").c_str());
        }
    }
}

}  // namespace rescap::test
