#!/usr/bin/python3
"""No chart of tools/plot.py has labels printed over each other. Runs corridor on the
bundled scenarios whose tables stress the labels (a two-year baseline against an
alternative, a dated five-year outlook by year, quarters, a sweep, the three routes from
China to Europe with their long names) and takes an appraisal's tables from
tests/plots/appraisal-sample/, draws every chart with tools/plot.py's `save`
replaced by one that first checks the drawn figure: in every axes, its x and y tick
labels, and on the maps the node labels, pairwise, for overlapping boxes. Exits 1
listing each overlap with its chart and texts.

Usage: check_labels.py CORRIDOR SOURCE_DIR SCRATCH_DIR"""

import importlib.util
import itertools
import os
import shutil
import subprocess
import sys
import time

# Boxes may touch or share a pixel or two of their padding (antialiasing, rounding of
# the text extents): an overlap is one more than this in both directions.
TOLERANCE_PX = 1.5

started = time.monotonic()
corridor, source, scratch = sys.argv[1:4]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)


def run(*arguments):
    subprocess.run(arguments, cwd=source, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


# tools/plot.py as a module, so its `save` can be replaced.
specification = importlib.util.spec_from_file_location(
    "corridor_plot", os.path.join(source, "tools", "plot.py"))
plot = importlib.util.module_from_spec(specification)
specification.loader.exec_module(plot)
failures = []
checked = {"charts": 0, "labels": 0}
current = {"tables": ""}


def shown(texts, axis_range=None):
    """Texts a reader sees: visible, not blank and, for tick labels, at a tick inside
    the axis' view (matplotlib keeps labels for ticks just outside it, never drawn)."""
    result = []
    for text in texts:
        if not text.get_visible() or not text.get_text().strip():
            continue
        if axis_range is not None:
            position = axis_range[2](text)
            if not axis_range[0] - 1e-9 <= position <= axis_range[1] + 1e-9:
                continue
        result.append(text)
    return result


def tick_labels(axes):
    """The axes' visible x and y tick labels."""
    labels = []
    for axis, coordinate in ((axes.xaxis, lambda t: t.get_position()[0]),
                             (axes.yaxis, lambda t: t.get_position()[1])):
        low, high = sorted(axis.get_view_interval())
        labels += shown(axis.get_ticklabels(), (low, high, coordinate))
    return labels


def node_labels(axes, renderer):
    """Annotations whose anchor lies inside the axes (the maps' node labels; matplotlib
    draws no annotation whose point is outside)."""
    frame = axes.get_window_extent(renderer)
    notes = []
    for text in shown(axes.texts):
        if not hasattr(text, "xy"):
            continue
        x, y = axes.transData.transform(text.xy)
        if frame.x0 <= x <= frame.x1 and frame.y0 <= y <= frame.y1:
            notes.append(text)
    return notes


def overlap(a, b):
    """Pixels the two boxes share each way, if more than the tolerance both ways."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return (width, height) if width > TOLERANCE_PX and height > TOLERANCE_PX else None


def check_figure(figure, name):
    figure.canvas.draw()  # the final layout: ticks, tight_layout, aspect, all applied
    renderer = figure.canvas.get_renderer()
    checked["charts"] += 1
    for index, axes in enumerate(figure.axes):
        if not axes.get_visible():
            continue
        where = f"{current['tables']}: {name}, axes {index}" + \
            (f" ('{axes.get_title(loc='left') or axes.get_title()}')"
             if axes.get_title(loc="left") or axes.get_title() else "")
        for kind, texts in (("tick labels", tick_labels(axes)),
                            ("node labels", node_labels(axes, renderer))):
            checked["labels"] += len(texts)
            boxes = [(t.get_text().replace("\n", " "), t.get_window_extent(renderer))
                     for t in texts]
            for (text_a, box_a), (text_b, box_b) in itertools.combinations(boxes, 2):
                shared = overlap(box_a, box_b)
                if shared:
                    failures.append(f"{where}: {kind} '{text_a}' and '{text_b}' overlap "
                                    f"by {shared[0]:.0f} x {shared[1]:.0f} px")


def checking_save(figure, out, name):
    """plot.py's save, checking first; the PNG only, to look at when a check fails (the
    SVG, a second full drawing, is check_charts.py's to test, and would double the time
    this test takes)."""
    check_figure(figure, name)
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, f"{name}.png")
    figure.savefig(path, dpi=plot.DPI, bbox_inches="tight")
    plot.plt.close(figure)
    return [path]


plot.save = checking_save

# The check itself first: a figure with two tick labels on one spot and two node labels
# on one spot must give two overlaps, or the check would pass whatever it is shown.
canary, axes = plot.plt.subplots()
axes.set_xticks([0.0, 0.001])
axes.set_xticklabels(["Alat", "Baku"])
axes.annotate("Tbilisi", (0.5, 0.5))
axes.annotate("Marabda", (0.5, 0.5))
check_figure(canary, "canary")
plot.plt.close(canary)
if len(failures) != 2:
    sys.exit(f"check_labels.py: the check found {len(failures)} overlaps in a figure with 2: "
             + "; ".join(failures))
failures.clear()
checked.update(charts=0, labels=0)


def tables(name, *arguments):
    directory = os.path.join(scratch, name)
    run(corridor, *arguments, "--quiet", "--csv", directory)
    return directory


def draw(directory, *charts):
    current["tables"] = os.path.basename(directory)
    out = os.path.join(scratch, "charts", os.path.basename(directory))
    for chart in charts:
        getattr(plot, "plot_" + chart)(directory, out)


ALL = ("transit", "time_split", "queues", "map", "map_difference", "periods")
# Two years of the baseline against the storms: every chart of a compare, storm panels.
draw(tables("baseline-storms", "compare", "scenarios/middle-corridor-2025.yaml",
            "scenarios/caspian-winter.yaml", "--replications", "2",
            "--set", "scenario.horizon_days=730"), *ALL)
# A dated outlook over five years (2030-01-01, its last project, is the last day it
# allows), by year: date axes, a capacity that changes, the most pairs.
draw(tables("outlook-years", "run", "scenarios/outlook-2025-2040.yaml", "--period", "year",
            "--set", "scenario.horizon_days=1826"), "transit", "time_split", "queues", "periods")
# The same five years in quarters: twenty period labels side by side.
draw(tables("outlook-quarters", "run", "scenarios/outlook-2025-2040.yaml", "--period",
            "quarter", "--set", "scenario.horizon_days=1826"), "periods")
# The routes from China to Europe: the longest names, the widest map.
draw(tables("china-europe", "run", "scenarios/china-europe-routes.yaml",
            "--set", "scenario.horizon_days=200"), "transit", "time_split", "map")
sweep = os.path.join(scratch, "sweep.csv")
run(corridor, "sweep", "--range", "nodes.alat.capacity_mtpa=3:7:2",
    "--set", "scenario.horizon_days=120", "--replications", "2", "--quiet", "--csv", sweep)
current["tables"] = "sweep"
plot.plot_sweep(sweep, os.path.join(scratch, "charts", "sweep"))
# An appraisal of the outlook's seven projects and their set, sixteen years each: fixed
# tables (tests/plots/appraisal-sample/), as an appraisal run is many simulated years.
# Narrow and wide panels, per-panel scales, the set's long title.
draw(os.path.join(source, "tests", "plots", "appraisal-sample"), "appraise")

for failure in failures:
    print(failure, file=sys.stderr)
print(f"{checked['charts']} charts, {checked['labels']} labels checked: "
      f"{len(failures)} overlaps ({time.monotonic() - started:.0f} s)")
sys.exit(1 if failures or checked["charts"] == 0 else 0)
