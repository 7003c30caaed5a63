# SPDX-License-Identifier: GPL-2.0-or-later
# Which plugin folder install.sh installs into and uninstall.sh removes from
# (sourced; sets no shell options). Wireshark ignores personal plugins when
# run as root, so: as root the system ("Global Plugins") folder, otherwise
# the personal one, both as the installed tshark names them.

# The folder, without /epan (e.g. /usr/lib/x86_64-linux-gnu/wireshark/plugins/4.0).
rescap_plugin_folder() {
  if [ "$(id -u)" -eq 0 ]; then rescap_tshark_folder "Global Plugins"; else rescap_tshark_folder "Personal Plugins"; fi
}

# Where the "Ghost ports" configuration profile goes: the global profiles
# as root (listed for every user, marked as global in the profile menu),
# else the user's own.
rescap_profiles_folder() {
  local config
  if [ "$(id -u)" -eq 0 ]; then config=$(rescap_tshark_folder "Global configuration"); else config=$(rescap_tshark_folder "Personal configuration"); fi
  echo "$config/profiles"
}

# The folder `tshark -G folders` names LABEL ("Global Plugins", "Personal Plugins").
rescap_tshark_folder() {
  local label=$1 folders folder
  command -v tshark >/dev/null 2>&1 || { echo "tshark is not installed" >&2; return 1; }
  folders=$(tshark -G folders 2>/dev/null) || { echo "tshark -G folders failed" >&2; return 1; }
  folder=$(sed -n "/^$label:/{s/^$label:[[:space:]]*//p;q}" <<<"$folders")
  [ -n "$folder" ] || { echo "tshark -G folders names no \"$label\" folder" >&2; return 1; }
  echo "$folder"
}

# The package that owns FILE, if any (the .deb's copy is dpkg's to remove).
rescap_file_package() {
  local owner
  owner=$(dpkg-query -S "$1" 2>/dev/null) || return 0
  echo "${owner%%:*}"
}

# The path tshark loads rescap.so from, if any (`tshark -G plugins`).
rescap_loaded_plugin() {
  local plugins
  plugins=$(tshark -G plugins 2>/dev/null) || true
  awk -F'\t' '$1 ~ /^rescap\.so/ { print $NF }' <<<"$plugins"
}
