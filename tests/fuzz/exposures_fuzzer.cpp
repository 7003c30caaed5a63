// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the exposure scanner (cleartext logins, shell
// sessions): the input is one conversation, a sequence of payloads in both
// directions (harness.hpp's conversation()). Checks, per finding: names
// exist, kind and protocol agree, lengths stay within what was sent, each
// finding comes once, shell commands only with (or after) their session.
// And the glue's memory saving: a scanner that is idle() may be dropped and
// made anew (plugin/wireshark/ghostports/exposures.cpp does so), so a
// scanner replaced whenever it is idle must report exactly what one kept
// throughout reports.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/ghostports/exposures.hpp"
#include "harness.hpp"

namespace {

using ghostports::Exposure;
using ghostports::ExposureKind;
using ghostports::ExposureProtocol;

using Key = std::tuple<int, int, std::string, std::size_t, std::string>;

// The most a detail adds to what was sent: rsh's "no password: host trust
// (.rhosts), command " (43 octets) before the command it quotes.
constexpr std::size_t kLongestWording = 43;

Key key_of(const Exposure &e) {
    return {static_cast<int>(e.kind), static_cast<int>(e.protocol), e.user, e.secret_length, e.detail};
}

bool same(const std::vector<Exposure> &a, const std::vector<Exposure> &b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (key_of(a[i]) != key_of(b[i])) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const auto payloads = fuzz::conversation(fuzz::Bytes(data, size));
    ghostports::ExposureScanner kept;
    ghostports::ExposureScanner renewed;
    std::set<Key> reported;
    bool session = false;
    std::size_t sent = 0;
    for (std::size_t p = 0; p < payloads.size(); ++p) {
        const auto &payload = payloads[p];
        sent += payload.bytes.size();
        const std::vector<Exposure> found = kept.scan(payload.bytes, payload.from_client);
        const std::vector<Exposure> found_again = renewed.scan(payload.bytes, payload.from_client);
        FUZZ_CHECK(same(found, found_again), p, found.size(), found_again.size());
        if (renewed.idle()) renewed = ghostports::ExposureScanner{};
        if (payload.bytes.empty()) FUZZ_CHECK(found.empty(), p);

        for (const Exposure &e : found) {
            const char *kind = ghostports::exposure_kind_name(e.kind);
            const char *protocol = ghostports::exposure_protocol_name(e.protocol);
            FUZZ_CHECK(kind != nullptr && protocol != nullptr && *kind != '\0' && *protocol != '\0', p);
            FUZZ_CHECK(reported.insert(key_of(e)).second, p);
            FUZZ_CHECK(e.user.size() <= sent && e.detail.size() <= sent + kLongestWording, e.user.size(),
                       e.detail.size(), sent);
            switch (e.kind) {
                case ExposureKind::CleartextLogin:
                    FUZZ_CHECK(e.protocol != ExposureProtocol::Shell, p);
                    FUZZ_CHECK(e.secret_length <= sent, e.secret_length, sent);
                    break;
                case ExposureKind::ShellSession:
                    FUZZ_CHECK(e.protocol == ExposureProtocol::Shell && e.secret_length == 0, p);
                    FUZZ_CHECK(!session, p);
                    session = true;
                    break;
                case ExposureKind::ShellCommand:
                    FUZZ_CHECK(e.protocol == ExposureProtocol::Shell && e.secret_length == 0, p);
                    FUZZ_CHECK(session, p);
                    fuzz::touch(e.detail);
                    break;
                default: FUZZ_CHECK(false, static_cast<unsigned>(e.kind));
            }
        }
    }
    return 0;
}
