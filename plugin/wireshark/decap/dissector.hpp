// SPDX-License-Identifier: GPL-2.0-or-later
// decap (TCP/UDP 403): labels traffic on a port with no published
// protocol, decapsulates inner IP packets, names known protocols.
#pragma once

namespace decap {

void register_protocol();
void register_handoff();

}  // namespace decap
