#!/usr/bin/python3
"""Every chart of tools/plot.py, made from small runs: each PNG is a PNG of a sensible
size, each SVG parses as SVG (the appraisal's from the fixed tables of
tests/plots/appraisal-sample/); the maps draw the basemap and colour the nodes; the queues
chart shades a closed link's own panel, and reads in dates when the tables carry them;
and `corridor report` writes a Markdown report and an HTML page with every chart
embedded. Overlapping labels are tests/plots/check_labels.py's. Usage: check_charts.py
CORRIDOR SOURCE_DIR SCRATCH_DIR"""

import base64
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

corridor, source, scratch = sys.argv[1:4]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
plot = [sys.executable, os.path.join(source, "tools", "plot.py")]


def run(*arguments):
    subprocess.run(arguments, cwd=source, check=True, stdout=subprocess.DEVNULL)


tables = os.path.join(scratch, "tables")
run(corridor, "compare", "scenarios/middle-corridor-2025.yaml", "scenarios/caspian-winter.yaml",
    "--replications", "2", "--set", "scenario.horizon_days=150", "--quiet", "--csv", tables)
sweep = os.path.join(scratch, "sweep.csv")
run(corridor, "sweep", "--range", "nodes.alat.capacity_mtpa=3:7:2",
    "--set", "scenario.horizon_days=120", "--replications", "2", "--quiet", "--csv", sweep)
charts = os.path.join(scratch, "charts")
run(*plot, "tables", tables, "--out", charts)
run(*plot, "sweep", sweep, "--out", charts)
# A run cut into quarters: what binds, period by period.
periods = os.path.join(scratch, "periods")
run(corridor, "run", "scenarios/middle-corridor-2025.yaml", "--set", "scenario.horizon_days=400",
    "--period", "quarter", "--quiet", "--csv", periods)
run(*plot, "tables", periods, "--out", charts)
without = os.path.join(scratch, "charts-none")
run(*plot, "tables", tables, "--out", without)
# A dated scenario (start_date 2025-01-01) over five years: its time axes are dates.
dated = os.path.join(scratch, "dated")
run(corridor, "run", "scenarios/outlook-2025-2040.yaml", "--set", "scenario.horizon_days=1826",
    "--quiet", "--csv", dated)
dated_charts = os.path.join(scratch, "charts-dated")
run(*plot, "tables", dated, "--out", dated_charts, "--charts", "queues")
# An appraisal's tables, fixed: `corridor appraise` simulates sixteen years per case.
run(*plot, "appraise", os.path.join(source, "tests", "plots", "appraisal-sample"),
    "--out", charts)

expected = ["transit", "time_split", "queues", "map", "map_difference", "sweep", "periods",
            "appraisal"]
failures = []
for name in expected:
    png = os.path.join(charts, name + ".png")
    with open(png, "rb") as stream:
        head = stream.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        failures.append(f"{png}: not a PNG")
        continue
    width, height = struct.unpack(">II", head[16:24])
    # At 150 dpi every chart is several inches each way; a tiny one means an empty plot.
    if not (900 <= width <= 2400 and 500 <= height <= 2400):
        failures.append(f"{png}: {width} x {height} pixels, outside 900-2400 x 500-2400")
    svg = os.path.join(charts, name + ".svg")
    root = ElementTree.parse(svg).getroot()
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        failures.append(f"{svg}: root element {root.tag}, not svg")
    texts = "".join(root.itertext())
    if name == "map" and "Alat" not in texts:
        failures.append(f"{svg}: no node label 'Alat' in the map")
    if name in ("map", "map_difference"):
        # The basemap's layers are SVG groups with ids basemap-LAYER-PANEL.
        ids = {e.get("id", "") for e in root.iter()}
        for layer in ("coastline", "border"):
            if not any(i.startswith(f"basemap-{layer}-") for i in ids):
                failures.append(f"{svg}: no basemap {layer}s (group basemap-{layer}-N)")
    if name == "map" and not all(t in texts for t in ("node: fill is utilization",
                                                      "utilization (links and nodes)")):
        failures.append(f"{svg}: the nodes' utilization colours are not in the legend")
    if name == "periods" and not all(q in texts for q in ("Y1-Q2", "Y2-Q1", "kuryk-alat")):
        failures.append(f"{svg}: not the quarters Y1-Q2 and Y2-Q1, or not kuryk-alat")
    if name == "appraisal" and not all(t in texts for t in (
            "residual value (credited)", "million USD a year (2025 prices)",
            "NPV 6187 ± 106 MUSD, BCR 22.4", "2040")):
        failures.append(f"{svg}: no residual value in the legend, 2025 price base, the "
                        "six ships' NPV and BCR in a title, or year 2040")


def svg_text(path):
    return "".join(ElementTree.parse(path).getroot().itertext())


# The compare's last scenario has Caspian storms: its closed links get panels of their
# own, shaded on their own closed days, and the legend says whose closure it is.
storms_svg = os.path.join(without, "queues.svg")
storms_texts = svg_text(storms_svg)
if "closed (this facility)" not in storms_texts or "; closed on " not in storms_texts:
    failures.append(f"{storms_svg}: no storm-closed link panel, or no 'closed (this "
                    "facility)' in the legend")
dated_svg = os.path.join(dated_charts, "queues.svg")
dated_texts = svg_text(dated_svg)
if not all(year in dated_texts for year in ("2026", "2029")) or "day of the run" in dated_texts:
    failures.append(f"{dated_svg}: a dated run's queues chart without years 2026 and 2029 "
                    "on its time axis")
# Runs without periods draw no periods chart.
if os.path.exists(os.path.join(without, "periods.png")):
    failures.append(f"{without}: a periods chart from tables without periods")


class Images(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sources, self.headings, self.tag = [], [], None

    def handle_starttag(self, tag, attributes):
        self.tag = tag
        if tag == "img":
            self.sources.append(dict(attributes)["src"])

    def handle_data(self, data):
        if self.tag == "h2":
            self.headings.append(data)

    def handle_endtag(self, tag):
        self.tag = None


report = os.path.join(scratch, "report")
run(corridor, "report", "scenarios/middle-corridor-2025.yaml", "scenarios/caspian-winter.yaml",
    "--replications", "2", "--set", "scenario.horizon_days=120", "--quiet", "--out", report)
with open(os.path.join(report, "report.md"), encoding="utf-8") as stream:
    markdown = stream.read()
for heading in ("## Transit and deliveries", "## What the alternatives change",
                "## Differences from the base", "## Bottlenecks", "## Capacity bound",
                "## Charts", "![", "tables/od.csv", "| + | storms |"):
    if heading not in markdown:
        failures.append(f"report.md: no '{heading}'")
page = Images()
with open(os.path.join(report, "report.html"), encoding="utf-8") as stream:
    page.feed(stream.read())
if len(page.sources) != 5:
    failures.append(f"report.html: {len(page.sources)} images, not 5")
for source in page.sources:
    prefix = "data:image/png;base64,"
    if not source.startswith(prefix) or \
            not base64.b64decode(source[len(prefix):]).startswith(b"\x89PNG"):
        failures.append("report.html: an image is not an embedded PNG")
if "Capacity bound" not in page.headings:
    failures.append("report.html: no 'Capacity bound' heading")

for failure in failures:
    print(failure, file=sys.stderr)
print(f"{len(expected) - len(failures)} of {len(expected)} charts good; report checked")
sys.exit(1 if failures else 0)
