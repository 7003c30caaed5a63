// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the product/version announcements (DNS version.bind,
// STUN SOFTWARE, MySQL greeting, PostgreSQL server_version, memcached
// VERSION, IRC 002, git agent=, HTTP Server/Via): the input is one payload, looked at as
// every protocol the glue can name (each signature row's protocol, over TCP
// and UDP) and as a protocol no row names. Checks: nothing announced means
// no product and no version; an announcement has a product; the version is
// text of the payload; split_product_version cuts its text, no more.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/ghostports/announcements.hpp"
#include "core/ghostports/signatures.hpp"
#include "harness.hpp"

namespace {

// The protocol names the glue may pass (it passes a row's protocol), once each.
const std::vector<const char *> &protocols() {
    static const std::vector<const char *> names = [] {
        std::vector<const char *> list;
        for (const auto &row : ghostports::signature_table()) {
            bool seen = false;
            for (const char *name : list) seen |= std::strcmp(name, row.protocol) == 0;
            if (!seen) list.push_back(row.protocol);
        }
        return list;
    }();
    return names;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const fuzz::Bytes payload(data, size);
    const std::string_view text = fuzz::as_text(payload);
    auto check = [&](const ghostports::Announcement &found) {
        if (found.id == nullptr) {
            FUZZ_CHECK(found.product.empty() && found.version.empty(), found.product.size(), found.version.size());
            return;
        }
        FUZZ_CHECK(*found.id != '\0');
        FUZZ_CHECK(!found.product.empty());
        FUZZ_CHECK(found.version.size() <= size, found.version.size(), size);
        FUZZ_CHECK(text.find(found.version) != std::string_view::npos, found.version.size());
    };
    for (const char *protocol : protocols()) check(ghostports::find_header_announcement(protocol, payload));
    for (const bool tcp : {true, false}) {
        for (const char *protocol : protocols()) check(ghostports::find_announcement(protocol, payload, tcp));
        const auto none = ghostports::find_announcement("no such protocol", payload, tcp);
        FUZZ_CHECK(none.id == nullptr && none.product.empty() && none.version.empty());
    }

    std::string product = "stale", version = "stale";
    ghostports::split_product_version(text, product, version);
    FUZZ_CHECK(text.starts_with(product), product.size(), size);
    FUZZ_CHECK(product.size() + version.size() <= size, product.size(), version.size(), size);
    FUZZ_CHECK(text.substr(product.size()).find(version) != std::string_view::npos, version.size());
    return 0;
}
