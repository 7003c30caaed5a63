// SPDX-License-Identifier: GPL-2.0-or-later
// Exposures (cleartext credentials, shell sessions) on the ghost ports, in
// the tree and as expert infos of the layer that owns the port: rescap for
// non-rescap payloads on 283, decap for payloads on 403. Each layer
// registers its own copy of the fields (rescap.exposure…, decap.exposure…).
#pragma once

#include <span>

#include <epan/packet.h>

#include "wireshark/ghostports/handoff.hpp"

namespace ghostports {

struct ExposureFields;

// Registers <prefix>.exposure.* fields and <prefix>.expert.cleartext_login /
// shell_session / shell_command for `proto`; call once from its registration.
ExposureFields *register_exposure_fields(int proto, const char *prefix);

// Scans the octets of a ghost-port payload its direction had not seen
// (plan.fresh_from on: TCP hands a growing reassembly over again) on the
// first pass (state per conversation, findings remembered per frame) and
// shows this frame's findings under `tree`/`root` on every pass. Returns
// how many it showed.
guint report_exposures(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root, ExposureFields *fields,
                       const HandOffPlan &plan);

// First pass: scans a TCP segment the port's dissector was not given (TCP
// keeps it for a reassembly), in stream order, for this frame's findings.
void scan_withheld_segment(packet_info *pinfo, std::span<const std::uint8_t> segment, bool from_client);

// This frame's recorded findings, without scanning (a pass in which TCP keeps
// the frame's segment from the port's dissector).
guint show_recorded_exposures(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root,
                              ExposureFields *fields);

// This frame's findings in words, one line each ("cleartext FTP login, user
// bob"), for the inventory; nullptr-terminated, packet scope; never null.
const char *const *frame_exposure_lines(packet_info *pinfo);

}  // namespace ghostports
