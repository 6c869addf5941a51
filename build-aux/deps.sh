#!/bin/bash
# Installs what Luoshi needs to build and test on Debian 12 (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  gcc libc6-dev meson ninja-build pkg-config gettext itstool python3 \
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev \
  libsqlite3-dev libopencc-dev opencc libuchardet-dev \
  libpango1.0-dev libcairo2-dev \
  desktop-file-utils appstream \
  xvfb xauth dbus poppler-utils fonts-noto-cjk
