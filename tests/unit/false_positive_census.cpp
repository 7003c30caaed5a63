// SPDX-License-Identifier: GPL-2.0-or-later
// false_positive_census [random per transport] [mutations per case] [seed]:
// the census of false_positive_census.hpp at full size (10^6 random
// payloads per transport, 10^5 mutations of each real payload), printed as
// a per-row table; exit status 1 when any row named a payload it must not.
#include <cstdio>
#include <cstdlib>

#include "false_positive_census.hpp"

int main(int argc, char **argv) {
    const std::size_t random = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::size_t mutations = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100000;
    const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 18;
    rescap::test::Census census;
    rescap::test::random_census(census, random, seed);
    rescap::test::mutated_census(census, mutations, seed + 1);
    std::printf("random payloads per transport: %zu; mutated real payloads: %zu (%zu cases x %zu)\n\n",
                census.random_payloads, census.mutated_payloads, rescap::test::signature_cases().size(), mutations);
    std::printf(
        "| row | transport | random named | mutated named as this row (another protocol) |\n|---|---|---|---|\n");
    for (const auto &row : ghostports::signature_table()) {
        const char *transport = row.transport == ghostports::Transport::Tcp   ? "TCP"
                                : row.transport == ghostports::Transport::Udp ? "UDP"
                                                                              : "TCP+UDP";
        std::printf("| %s | %s | %zu | %zu |\n", row.id, transport, census.random_hits[row.id],
                    census.mutated_hits[row.id]);
    }
    for (const auto &example : census.examples) std::printf("%s\n", example.c_str());
    return census.total() == 0 ? 0 : 1;
}
