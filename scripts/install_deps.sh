#!/usr/bin/env bash
# Installs the Debian 12 packages ConvStep builds on, if any is missing, and
# the data set its tests read (Fashion-MNIST, dataset-fashion-mnist).
# Runs as root, or through sudo when it is available.
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libimgui-dev libglfw3-dev python3-glad libstb-dev fonts-dejavu-core libgif-dev
  libsndfile1-dev libsamplerate0-dev libsdl2-dev libeigen3-dev zlib1g-dev
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libcli11-dev
  sound-theme-freedesktop dataset-fashion-mnist
  xvfb xauth
  desktop-file-utils appstream dpkg-dev libxml2-utils
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: missing packages (${missing[*]}) and neither root nor sudo to install them" >&2
  exit 1
fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
