#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the project builds, tests and runs
# with. Sourced by install.sh and run-tests.sh; uses sudo when not root.
# A library: it sets no shell options, so sourcing it never changes the caller's.

RESCAP_PACKAGES=(
  cmake g++ make pkg-config
  libwireshark-dev wireshark-dev libglib2.0-dev tshark
  libgtest-dev python3 python3-pytest util-linux
  nmap-common    # nmap-service-probes: the tests check product/version naming with it
  python3-scapy  # the ghost-port tests write and read crafted conversations with it
)

install_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local missing=()
  for p in "${RESCAP_PACKAGES[@]}" "$@"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -qq
  # tshark asks whether non-root users may capture; the answer does not matter here.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
