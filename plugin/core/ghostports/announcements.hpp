// SPDX-License-Identifier: GPL-2.0-or-later
// Products and versions a protocol announces in a field of its own, where
// nmap's fingerprints cannot see them passively (their match lines include
// the probe's transaction id or an exact record layout): the TXT answer to a
// DNS "version.bind" CHAOS query, STUN's SOFTWARE attribute, the MySQL /
// MariaDB greeting's version string, PostgreSQL's server_version parameter,
// memcached's VERSION / STAT version reply, IRC's 002 "running version",
// git's "agent=" capability, poppassd's greeting, Syncplay's realversion,
// BOINC's server_version; and, after nmap's fingerprints had their say,
// the product an HTTP response names in its Server header (or, through a
// proxy, the comment of its Via header).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace ghostports {

struct Announcement {
    const char *id = nullptr;  // "dns-version-bind"; nullptr: nothing announced
    std::string product;
    std::string version;
};

// The announcement carried by `payload` of `protocol` (a signature row's
// protocol name: "DNS", "STUN"), if any.
Announcement find_announcement(const char *protocol, std::span<const std::uint8_t> payload, bool tcp);

// What an HTTP response says of the server in its own headers: nmap's
// fingerprints name products better (they know "Apache httpd" from
// "Apache"), so this is asked only when they named none.
Announcement find_header_announcement(const char *protocol, std::span<const std::uint8_t> payload);

// "dnsmasq-2.90" / "Coturn-4.6.1 'Gorst'" / "nginx/1.22.1" -> product, version.
void split_product_version(std::string_view text, std::string &product, std::string &version);

}  // namespace ghostports
