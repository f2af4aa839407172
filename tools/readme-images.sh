#!/bin/sh
# Regenerates the charts the README shows (docs/img/): the baseline against Caspian
# winter storms, 5 replications each, and the base outlook year by year. Run from the
# checkout after building.
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
build/corridor compare scenarios/middle-corridor-2025.yaml scenarios/caspian-winter.yaml \
  --replications 5 --quiet --csv "$scratch/tables"
/usr/bin/python3 tools/plot.py tables "$scratch/tables" --out "$scratch/charts" > /dev/null
mkdir -p docs/img
cp "$scratch/charts/map.png" "$scratch/charts/transit.png" docs/img/
build/corridor run scenarios/outlook-2025-2040.yaml --quiet --csv "$scratch/outlook" 2> /dev/null
/usr/bin/python3 tools/plot.py tables "$scratch/outlook" --out "$scratch/outlook-charts" > /dev/null
cp "$scratch/outlook-charts/periods.png" docs/img/outlook-periods.png
echo "docs/img/map.png docs/img/transit.png docs/img/outlook-periods.png"
