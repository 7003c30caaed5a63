// Exposures (cleartext credentials, shell sessions) on the ghost ports, in
// the tree and as expert infos of the layer that owns the port: rescap for
// non-rescap payloads on 283, decap for payloads on 403. Each layer
// registers its own copy of the fields (rescap.exposure…, decap.exposure…).
#pragma once

#include <epan/packet.h>

namespace ghostports {

struct ExposureFields;

// Registers <prefix>.exposure.* fields and <prefix>.expert.cleartext_login /
// shell_session / shell_command for `proto`; call once from its registration.
ExposureFields *register_exposure_fields(int proto, const char *prefix);

// Scans the payload of a ghost-port conversation on the first pass (state
// per conversation, findings remembered per frame) and shows this frame's
// findings under `tree`/`root` on every pass. Returns how many it showed.
guint report_exposures(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root, ExposureFields *fields,
                       bool from_client);

// This frame's findings as one line each ("cleartext_login FTP user bob"),
// for the inventory; nullptr-terminated, packet scope; never null.
const char *const *frame_exposure_lines(packet_info *pinfo);

}  // namespace ghostports
