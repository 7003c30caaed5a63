// SPDX-License-Identifier: GPL-2.0-or-later
// Payloads that refute a protocol: its own magic or message shape carrying
// a value the protocol never defines (an AMQP protocol header of an
// unknown version, an LDAP bindRequest of a version past 3). A real
// client of that protocol never sends one, so whatever fits the
// protocol's grammar later in the conversation is a look-alike (a
// made-up protocol modelled on it) and must not be named after it.
#pragma once

#include <cstdint>
#include <span>

#include "core/ghostports/signatures.hpp"

namespace ghostports {

// The protocol (a signature row's display name) `payload` refutes, or nullptr.
const char *refuted_protocol(std::span<const std::uint8_t> payload, Transport transport);

}  // namespace ghostports
