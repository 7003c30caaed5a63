// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/announcements.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include "core/ghostports/storage_signatures.hpp"

namespace ghostports {
namespace {

using Bytes = std::span<const std::uint8_t>;

unsigned be16(Bytes p, std::size_t at) {
    return static_cast<unsigned>(p[at] << 8 | p[at + 1]);
}

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
    static constexpr std::uint8_t kServer[] = {7, 'v', 'e', 'r', 's', 'i', 'o', 'n',
                                               6, 's', 'e', 'r', 'v', 'e', 'r', 0};
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

// MySQL/MariaDB handshake v10: the server version string. MariaDB prefixes
// "5.5.5-" for old clients and says "-MariaDB" after its own version.
bool mysql_version(Bytes p, std::string &product, std::string &version) {
    if (p.size() < 6 || p[4] != 10) return false;
    std::size_t end = 5;
    while (end < p.size() && p[end] != 0) ++end;
    std::string_view text(reinterpret_cast<const char *>(p.data() + 5), end - 5);
    const auto mariadb = text.find("-MariaDB");
    if (mariadb != std::string_view::npos) {
        text = text.substr(0, mariadb);
        if (text.starts_with("5.5.5-")) text.remove_prefix(6);
        product = "MariaDB";
    } else {
        text = text.substr(0, text.find('-'));
        product = "MySQL";
    }
    version = std::string(text);
    return !version.empty();
}

// PostgreSQL ParameterStatus ('S') "server_version" among the server's messages.
std::string pgsql_server_version(Bytes p) {
    static constexpr std::string_view kName{"server_version\0", 15};
    std::size_t i = 0;
    while (i + 5 <= p.size()) {
        const std::size_t length = static_cast<std::size_t>(p[i + 1]) << 24 | p[i + 2] << 16 | p[i + 3] << 8 | p[i + 4];
        if (length < 4 || i + 1 + length > p.size()) return {};
        const std::string_view body(reinterpret_cast<const char *>(p.data() + i + 5), length - 4);
        if (p[i] == 'S' && body.starts_with(kName)) {
            const auto value = body.substr(kName.size());
            return std::string(value.substr(0, value.find('\0')));
        }
        i += 1 + length;
    }
    return {};
}

// memcached "VERSION x" / "STAT version x" (after the UDP frame header).
std::string memcached_version(Bytes p, bool tcp) {
    if (!tcp && p.size() > 8) p = p.subspan(8);
    const std::string_view text(reinterpret_cast<const char *>(p.data()), p.size());
    for (std::string_view key : {std::string_view("VERSION "), std::string_view("STAT version ")}) {
        const auto at = text.starts_with(key) ? 0 : text.find(std::string("\r\n") + std::string(key));
        if (at == std::string_view::npos) continue;
        const auto start = text.find(key, at) + key.size();
        return std::string(text.substr(start, text.find('\r', start) - start));
    }
    return {};
}

// The token after `key` in the first 2 kB ("running version ngircd-26.1", "agent=git/2.39.5").
std::string token_after(Bytes p, std::string_view key) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), std::min<std::size_t>(p.size(), 2048));
    const auto at = text.find(key);
    if (at == std::string_view::npos) return {};
    const auto rest = text.substr(at + key.size());
    return std::string(rest.substr(0, rest.find_first_of(" \r\n\0")));
}

// The value of the first header line named `name` (case-insensitive), trimmed.
std::string header_value(std::string_view head, std::string_view name) {
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos) {
        const std::size_t start = at + 2;
        const std::size_t end = std::min(head.find("\r\n", start), head.size());
        const std::string_view line = head.substr(start, end - start);
        const auto colon = line.find(':');
        if (colon == name.size() && std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            })) {
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
            return std::string(value);
        }
        at = end < head.size() ? end : std::string_view::npos;
    }
    return {};
}

// The text between `open` and `close` after `from` in the first 2 kB ("<major>7</major>", "\"realversion\":
// \"1.6.9\"").
std::string between(Bytes p, std::string_view open, std::string_view close, std::size_t from = 0) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), std::min<std::size_t>(p.size(), 2048));
    const auto at = text.find(open, from);
    if (at == std::string_view::npos) return {};
    const auto end = text.find(close, at + open.size());
    if (end == std::string_view::npos || end - at - open.size() > 64) return {};
    return std::string(text.substr(at + open.size(), end - at - open.size()));
}

// BOINC's GUI RPC reply to exchange_versions: <server_version> <major>, <minor>, <release>.
std::string boinc_version(Bytes p) {
    const std::string_view text(reinterpret_cast<const char *>(p.data()), std::min<std::size_t>(p.size(), 2048));
    const auto server = text.find("<server_version>");
    if (server == std::string_view::npos) return {};
    const std::string major = between(p, "<major>", "</major>", server),
                      minor = between(p, "<minor>", "</minor>", server),
                      release = between(p, "<release>", "</release>", server);
    const auto number = [](const std::string &s) {
        return !s.empty() && s.size() <= 4 &&
               std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    return number(major) && number(minor) && number(release) ? major + "." + minor + "." + release : std::string();
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
    // "kore (4.1.0)": the version alone in parentheses after the name.
    if (const auto open = text.find(" ("); open != std::string_view::npos && open > 0 && text.ends_with(')') &&
                                           open + 2 < text.size() &&
                                           std::isdigit(static_cast<unsigned char>(text[open + 2]))) {
        const auto inside = text.substr(open + 2, text.size() - open - 3);
        if (inside.find(' ') == std::string_view::npos) {
            product = std::string(text.substr(0, open));
            version = std::string(inside);
            return;
        }
    }
    // The version starts at the first digit that follows '-', '/' or ' '.
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if ((text[i] == '-' || text[i] == '/' || text[i] == ' ') &&
            std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
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
    } else if (std::strcmp(protocol, "IRC") == 0) {
        text = token_after(payload, "running version ");
        found.id = "irc-002-version";
    } else if (std::strcmp(protocol, "Git") == 0) {
        text = token_after(payload, "agent=");
        found.id = "git-agent";
    } else if (std::strcmp(protocol, "MySQL") == 0) {
        found.id = "mysql-greeting-version";
        return mysql_version(payload, found.product, found.version) ? found : Announcement{};
    } else if (std::strcmp(protocol, "PostgreSQL") == 0) {
        found.id = "pgsql-server_version";
        found.product = "PostgreSQL";
        found.version = pgsql_server_version(payload);
        return printable(found.version) ? found : Announcement{};
    } else if (std::strcmp(protocol, "poppassd") == 0) {
        // "200 poppassd v1.8.5 hello, who are you?"
        found.id = "poppassd-greeting";
        found.product = "poppassd";
        found.version = token_after(payload, "200 poppassd v");
        return !found.version.empty() && std::isdigit(static_cast<unsigned char>(found.version[0])) &&
                       printable(found.version)
                   ? found
                   : Announcement{};
    } else if (std::strcmp(protocol, "Syncplay") == 0) {
        // The server's Hello: "version" is the protocol's, "realversion" the program's.
        found.id = "syncplay-realversion";
        found.product = "Syncplay";
        found.version = between(payload, "\"realversion\": \"", "\"");
        return printable(found.version) && std::isdigit(static_cast<unsigned char>(found.version[0])) ? found
                                                                                                      : Announcement{};
    } else if (std::strcmp(protocol, "BOINC GUI RPC") == 0) {
        found.id = "boinc-server-version";
        found.product = "BOINC client";
        found.version = boinc_version(payload);
        return found.version.empty() ? Announcement{} : found;
    } else if (std::strcmp(protocol, "Z39.50") == 0) {
        // The InitializeResponse's implementationName ("GFS/YAZ") and implementationVersion ("5.34.0 <commit>").
        const auto init = framed::z3950_init_fields(payload);
        if (!init || init->implementation_name.empty() || init->implementation_version.empty()) return {};
        found.id = "z3950-implementation";
        found.product = std::string(init->implementation_name);
        const auto version = init->implementation_version;
        found.version = std::string(version.substr(0, version.find(' ')));
        return printable(found.product) && printable(found.version) ? found : Announcement{};
    } else if (std::strcmp(protocol, "memcached") == 0) {
        found.id = "memcached-version";
        found.product = "memcached";
        found.version = memcached_version(payload, tcp);
        return printable(found.version) ? found : Announcement{};
    }
    if (!printable(text)) return {};
    if (found.id == std::string_view("dns-version-bind") && std::isdigit(static_cast<unsigned char>(text[0]))) {
        // A bare version is BIND's own answer (its "version" option left at
        // the default): "9.18.49-1~deb12u3-Debian".
        found.product = "BIND";
        found.version = text.substr(0, text.find(' '));
        return found;
    }
    split_product_version(text, found.product, found.version);
    return found;
}

Announcement find_header_announcement(const char *protocol, std::span<const std::uint8_t> payload) {
    Announcement found;
    if (std::strcmp(protocol, "HTTP") != 0) return found;
    const std::string_view text(reinterpret_cast<const char *>(payload.data()), payload.size());
    if (!text.starts_with("HTTP/1.")) return found;
    const std::string_view head = text.substr(0, text.find("\r\n\r\n"));
    // Through a proxy (RFC 9110 7.6.3: it adds Via), the Server header names
    // the origin server, not the service on this port: the comment of Via,
    // "1.1 host (squid/5.7)", names the proxy's product.
    std::string value;
    const std::string via = header_value(head, "via");
    const auto open = via.find('('), close = via.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
        value = via.substr(open + 1, close - open - 1);
        found.id = "http-via-header";
    } else if (via.empty()) {
        value = header_value(head, "server");
        found.id = "http-server-header";
    }
    if (!printable(value)) return {};
    split_product_version(value, found.product, found.version);
    // "Apache (Debian)" without a version: the product without its comment.
    if (const auto comment = found.product.find(" ("); comment != std::string::npos) found.product.resize(comment);
    return found.product.empty() ? Announcement{} : found;
}

}  // namespace ghostports
