// SPDX-License-Identifier: GPL-2.0-or-later
// The user's attribute table (Edit → Preferences → Protocols → RESCAP →
// Typed attributes), kept as a UAT file "rescap_attributes" in the profile.
#pragma once

#include "wireshark/compat.hpp"

#include "core/rescap/attributes.hpp"

namespace rescap {

void register_attribute_table(module_t *module);

// The table as last loaded; empty when the user mapped nothing.
const AttributeTable &attribute_table();

// AttrType names for the UAT's choice list and the rescap.attr.type field.
const value_string *attribute_type_names();

}  // namespace rescap
