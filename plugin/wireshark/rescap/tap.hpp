// SPDX-License-Identifier: GPL-2.0-or-later
// What rescap hands to taps (tap name "rescap"): one record per message
// and per non-rescap payload on a rescap port. Statistics and other tools
// read these; everything points into packet-scoped memory.
#pragma once

#include <cstdint>

#include <span>

#include <epan/packet.h>

#include "core/rescap/parser.hpp"

namespace rescap {

struct TapRecord {
    bool rescap;  // false: a payload on a rescap port that is not rescap
    bool tcp;
    bool response;
    std::uint8_t form;       // Form: 1 count (2000), 2 nested (1999), 0 undecodable
    bool malformed;          // at least one error-severity finding
    const char *uri_scheme;  // request: the BaseURI's scheme ("mailto"), or nullptr
    bool has_status;
    std::uint16_t status;  // the first Status code
    const char *referral;  // the first Referral URI, or nullptr
    bool asked_present;    // the request holds ItemsToReturn
    std::uint32_t asked_count;
    const std::uint16_t *asked;  // ItemsToReturn's tags
    std::uint32_t returned_count;
    const std::uint16_t *returned;  // tags of every item a response holds (all depths)
    bool has_time;
    nstime_t time;  // response: time since its request
};

// The record for a parsed message, in packet scope; `time` may be null.
const TapRecord *make_tap_record(packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input,
                                 bool tcp, const nstime_t *time);
// The record for a payload that is not rescap.
const TapRecord *make_not_rescap_record(packet_info *pinfo, bool tcp);

void register_tap();
// Registers the stats tree ("tshark -z rescap,tree", Statistics › RESCAP).
void register_stats();
void queue_tap(packet_info *pinfo, const TapRecord *record);
// Whether anyone listens: a record is built only then.
bool tap_has_listeners();

}  // namespace rescap
