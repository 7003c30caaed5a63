// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the ghost-port signature table: the input is one
// payload. Every row's matcher runs on it on its own (a row the table
// order hides is still reached), then match_signature for every transport
// and sender, which must return the first row that applies to that
// transport and sender and matches, or nullptr when none does; and the
// refutations (refutations.hpp), which name a row's protocol or nothing.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/ghostports/refutations.hpp"
#include "core/ghostports/signatures.hpp"
#include "harness.hpp"

namespace {

using ghostports::Sender;
using ghostports::Signature;
using ghostports::Transport;

bool applies(const Signature &row, Transport transport, Sender sender) {
    return (static_cast<unsigned>(row.transport) & static_cast<unsigned>(transport)) != 0 &&
           (static_cast<unsigned>(row.sender) & static_cast<unsigned>(sender)) != 0;
}

// The table's rows are well formed (once per process: they do not depend on the input).
void check_table() {
    const auto table = ghostports::signature_table();
    FUZZ_CHECK(!table.empty());
    for (std::size_t i = 0; i < table.size(); ++i) {
        const Signature &row = table[i];
        FUZZ_CHECK(row.id != nullptr && row.protocol != nullptr && row.pattern != nullptr && row.matches != nullptr, i);
        FUZZ_CHECK(
            row.transport == Transport::Tcp || row.transport == Transport::Udp || row.transport == Transport::Both, i);
        FUZZ_CHECK(row.sender == Sender::Client || row.sender == Sender::Server || row.sender == Sender::Either, i);
        for (std::size_t j = 0; j < i; ++j) FUZZ_CHECK(std::strcmp(table[j].id, row.id) != 0, j, i);
        if (row.nmap_service == nullptr) continue;
        for (const Transport t : {Transport::Tcp, Transport::Udp}) {
            const Signature *named = ghostports::signature_for_nmap_service(row.nmap_service, t);
            if ((static_cast<unsigned>(row.transport) & static_cast<unsigned>(t)) != 0) FUZZ_CHECK(named != nullptr, i);
            if (named != nullptr) {
                FUZZ_CHECK(std::strcmp(named->nmap_service, row.nmap_service) == 0, i);
                FUZZ_CHECK((static_cast<unsigned>(named->transport) & static_cast<unsigned>(t)) != 0, i);
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    check_table();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const fuzz::Bytes payload(data, size);
    const auto table = ghostports::signature_table();
    // match_signature never hands a row an empty payload; nor does this.
    std::vector<bool> matched(table.size(), false);
    if (!payload.empty())
        for (std::size_t i = 0; i < table.size(); ++i) matched[i] = table[i].matches(payload);

    for (const Transport transport : {Transport::Tcp, Transport::Udp}) {
        for (const Sender sender : {Sender::Client, Sender::Server}) {
            const Signature *row = ghostports::match_signature(payload, transport, sender);
            std::size_t first = table.size();
            for (std::size_t i = 0; i < table.size() && first == table.size(); ++i)
                if (matched[i] && applies(table[i], transport, sender)) first = i;
            if (first == table.size()) {
                FUZZ_CHECK(row == nullptr, static_cast<unsigned>(transport), static_cast<unsigned>(sender));
                continue;
            }
            FUZZ_CHECK(row == &table[first], first, static_cast<unsigned>(transport), static_cast<unsigned>(sender));
            FUZZ_CHECK(applies(*row, transport, sender), first);
        }
        // A refuted protocol is one a row names.
        if (const char *refuted = ghostports::refuted_protocol(payload, transport)) {
            bool known = false;
            for (const Signature &s : table) known = known || std::strcmp(s.protocol, refuted) == 0;
            FUZZ_CHECK(known, static_cast<unsigned>(transport));
        }
    }
    return 0;
}
