#!/bin/sh
# Regenerates the charts the README shows (docs/img/): the baseline against Caspian
# winter storms, 5 replications each. Run from the checkout after building.
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
build/corridor compare scenarios/middle-corridor-2025.yaml scenarios/caspian-winter.yaml \
  --replications 5 --quiet --csv "$scratch/tables"
/usr/bin/python3 tools/plot.py tables "$scratch/tables" --out "$scratch/charts" > /dev/null
mkdir -p docs/img
cp "$scratch/charts/map.png" "$scratch/charts/transit.png" docs/img/
echo "docs/img/map.png docs/img/transit.png"
