# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian/Ubuntu packages the project builds, tests and runs
# with. Sourced by install.sh, run-tests.sh and the other scripts; uses sudo
# when not root. A library: it sets no shell options, so sourcing it never
# changes the caller's.
#
#   install_plugin_packages [more...]  what building and using the plugin needs
#                                      (install.sh), plus the optional ones
#   install_packages [more...]         all of it, with what the tests need

# Building the plugin and running it.
RESCAP_PLUGIN_PACKAGES=(
  cmake g++ make pkg-config
  libwireshark-dev wireshark-dev libglib2.0-dev tshark
)
# Optional at run time (the .deb's Recommends): nmap-service-probes, from
# which the plugin names the product and version of a ghost-port service.
RESCAP_OPTIONAL_PACKAGES=(nmap-common)
# The tests only.
RESCAP_TEST_PACKAGES=(
  libgtest-dev python3 python3-pytest util-linux
  python3-scapy  # the ghost-port tests write and read crafted conversations with it
  python3-pytest-xdist  # the pytest suite on every core (scripts/lib/pytest.sh)
)
# The tests check product/version naming against nmap-service-probes too.
RESCAP_PACKAGES=("${RESCAP_PLUGIN_PACKAGES[@]}" "${RESCAP_OPTIONAL_PACKAGES[@]}" "${RESCAP_TEST_PACKAGES[@]}")

install_plugin_packages() {
  _rescap_apt_install "${RESCAP_PLUGIN_PACKAGES[@]}" "${RESCAP_OPTIONAL_PACKAGES[@]}" "$@"
}

install_packages() {
  _rescap_apt_install "${RESCAP_PACKAGES[@]}" "$@"
}

# Packages not installed yet, one a line.
rescap_missing_packages() {
  local p
  for p in "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || echo "$p"
  done
}

_rescap_apt_install() {
  local missing=() sudo=()
  mapfile -t missing < <(rescap_missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      # A container or minimal system without sudo: say what to run instead.
      {
        echo "Missing packages: ${missing[*]}"
        echo "sudo is not installed, so they cannot be installed from here. As root, run:"
        echo "  apt-get update && apt-get install --no-install-recommends ${missing[*]}"
        echo "then run this script again."
      } >&2
      return 1
    fi
    sudo=(sudo)
  fi
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq || return
  # tshark asks whether non-root users may capture; the answer does not matter here.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
