#include "core/ghostports/announcements.hpp"

#include <cctype>
#include <cstring>
#include <string_view>

namespace ghostports {
namespace {

using Bytes = std::span<const std::uint8_t>;

unsigned be16(Bytes p, std::size_t at) { return static_cast<unsigned>(p[at] << 8 | p[at + 1]); }

// Skips a (possibly compressed) DNS name at `i`; false when it runs out.
bool skip_name(Bytes p, std::size_t &i) {
    while (i < p.size()) {
        const std::uint8_t length = p[i];
        if (length == 0) {
            ++i;
            return true;
        }
        if ((length & 0xc0) == 0xc0) {
            i += 2;
            return i <= p.size();
        }
        i += 1 + length;
    }
    return false;
}

// A response whose question is version.bind (or version.server) TXT CH:
// the first TXT string of the first answer.
std::string dns_version_bind(Bytes p) {
    if (p.size() < 12 || (p[2] & 0x80) == 0 || be16(p, 4) != 1 || be16(p, 6) == 0) return {};
    static constexpr std::uint8_t kBind[] = {7, 'v', 'e', 'r', 's', 'i', 'o', 'n', 4, 'b', 'i', 'n', 'd', 0};
    static constexpr std::uint8_t kServer[] = {7, 'v', 'e', 'r', 's', 'i', 'o', 'n', 6, 's', 'e', 'r', 'v', 'e', 'r', 0};
    std::size_t i = 12;
    const auto question = p.subspan(i);
    const bool bind = question.size() >= sizeof kBind && std::memcmp(question.data(), kBind, sizeof kBind) == 0;
    const bool server = question.size() >= sizeof kServer && std::memcmp(question.data(), kServer, sizeof kServer) == 0;
    if (!bind && !server) return {};
    i += bind ? sizeof kBind : sizeof kServer;
    if (i + 4 > p.size() || be16(p, i) != 16 || be16(p, i + 2) != 3) return {};
    i += 4;
    if (!skip_name(p, i) || i + 10 > p.size() || be16(p, i) != 16) return {};
    const unsigned rdlength = be16(p, i + 8);
    i += 10;
    if (i + rdlength > p.size() || rdlength == 0 || p[i] + 1u > rdlength) return {};
    return std::string(reinterpret_cast<const char *>(p.data() + i + 1), p[i]);
}

// STUN SOFTWARE attribute (0x8022) in a message with the magic cookie.
std::string stun_software(Bytes p) {
    if (p.size() < 20 || p[4] != 0x21 || p[5] != 0x12 || p[6] != 0xa4 || p[7] != 0x42) return {};
    std::size_t i = 20;
    while (i + 4 <= p.size()) {
        const unsigned type = be16(p, i), length = be16(p, i + 2);
        if (i + 4 + length > p.size()) return {};
        if (type == 0x8022) return std::string(reinterpret_cast<const char *>(p.data() + i + 4), length);
        i += 4 + (length + 3) / 4 * 4;
    }
    return {};
}

bool printable(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
    return !text.empty();
}

}  // namespace

void split_product_version(std::string_view text, std::string &product, std::string &version) {
    product.clear();
    version.clear();
    // The version starts at the first digit that follows '-', '/' or ' '.
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if ((text[i] == '-' || text[i] == '/' || text[i] == ' ') && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            product = std::string(text.substr(0, i));
            const auto rest = text.substr(i + 1);
            version = std::string(rest.substr(0, rest.find(' ')));
            return;
        }
    }
    product = std::string(text);
}

Announcement find_announcement(const char *protocol, std::span<const std::uint8_t> payload, bool tcp) {
    Announcement found;
    std::string text;
    if (std::strcmp(protocol, "DNS") == 0) {
        const auto message = tcp && payload.size() > 2 ? payload.subspan(2) : payload;
        text = dns_version_bind(message);
        found.id = "dns-version-bind";
    } else if (std::strcmp(protocol, "STUN") == 0) {
        text = stun_software(payload);
        found.id = "stun-software";
    }
    if (!printable(text)) return {};
    split_product_version(text, found.product, found.version);
    return found;
}

}  // namespace ghostports
