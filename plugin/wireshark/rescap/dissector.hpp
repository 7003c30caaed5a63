// SPDX-License-Identifier: GPL-2.0-or-later
// rescap's registration with Wireshark and its TCP/UDP entry points.
#pragma once

namespace rescap {

void register_protocol();
void register_handoff();

}  // namespace rescap
