#!/bin/sh
# Installs the Debian packages corridor builds with, those the README's commands use
# (Graphviz for `neato`), those the Python module builds and works with (pybind11,
# pandas) and those the tests need (pytest; Chromium, its driver and Selenium for the
# report's browser test). Idempotent: packages already present are left alone, so a
# second run costs one dpkg query.
set -eu

packages="g++ cmake ninja-build ccache pkg-config
libboost-graph-dev libeigen3-dev libyaml-cpp-dev doctest-dev libbenchmark-dev
libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
libopenmpi-dev openmpi-bin python3-matplotlib python3-numpy
pybind11-dev python3-dev python3-pandas python3-pytest
clang libclang-rt-14-dev python3-simpy graphviz
chromium chromium-driver python3-selenium"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "setup.sh: need root or sudo to install:$missing" >&2
  exit 1
fi

echo "setup.sh: installing$missing"
$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
