// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/status.hpp"

#include <algorithm>
#include <array>

namespace rescap {
namespace {

// The spec's status table; both generations' codes are listed because a
// capture may hold either.
constexpr std::array kStatus{
    StatusSpec{0x0000, "request fully processable"},
    StatusSpec{0x0001, "authorized through AuthInTheClear"},
    StatusSpec{0x0002, "authorized through AuthDigest"},
    StatusSpec{0x0003, "authorized through AuthPublicKey"},
    StatusSpec{0x0004, "authorized through AuthIP"},
    StatusSpec{0x0005, "no valid KeyID in SigningPrefs"},
    StatusSpec{0x0006, "no valid KeyID in SignedRequest"},
    StatusSpec{0x0007, "SignedRequest content did not validate"},
    StatusSpec{0x0100, "too busy, retry whenever"},
    StatusSpec{0x0101, "too busy, retry after 10 s"},
    StatusSpec{0x0102, "too busy, retry after 60 s"},
    StatusSpec{0x0103, "too busy, the Referral leads to another authoritative server"},
    StatusSpec{0x0200, "request body longer than its length said"},
    StatusSpec{0x0201, "request body shorter than its length said"},
    StatusSpec{0x0202, "request held items that are not request-type"},
    StatusSpec{0x0203, "request held more than one BaseURI"},
    StatusSpec{0x0204, "not authoritative, no referral available"},
    StatusSpec{0x0205, "not authoritative, the Referral names the authoritative server"},
    StatusSpec{0x0206, "no valid KeyID in EncryptingPrefs"},
    StatusSpec{0x0300, "authorized through AuthInTheClear"},
    StatusSpec{0x0301, "authorized through AuthIP"},
    StatusSpec{0x0302, "some requested items withheld for lack of authorization"},
};

constexpr std::array kStatusClass{
    StatusClassSpec{0x00, "positive completion"},
    StatusClassSpec{0x01, "transient negative"},
    StatusClassSpec{0x02, "permanent negative"},
    StatusClassSpec{0x03, "informational"},
};

constexpr bool sorted() {
    for (std::size_t i = 1; i < kStatus.size(); ++i)
        if (kStatus[i].code <= kStatus[i - 1].code) return false;
    return true;
}
static_assert(sorted(), "status table must be ordered by code");

}  // namespace

std::span<const StatusSpec> status_registry() {
    return kStatus;
}
std::span<const StatusClassSpec> status_class_registry() {
    return kStatusClass;
}

const char *status_meaning(std::uint16_t code) {
    const auto *it = std::lower_bound(kStatus.begin(), kStatus.end(), code,
                                      [](const StatusSpec &spec, std::uint16_t c) { return spec.code < c; });
    return it != kStatus.end() && it->code == code ? it->meaning : nullptr;
}

const char *status_class_meaning(std::uint8_t main) {
    return main < kStatusClass.size() ? kStatusClass[main].meaning : nullptr;
}

}  // namespace rescap
