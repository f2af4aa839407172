#!/usr/bin/python3
"""Charts from corridor's CSV tables, as PNG and SVG, for reports.

    tools/plot.py tables DIR [--out OUT] [--charts NAME,...]
                                              charts of `corridor run|compare --csv DIR`
    tools/plot.py sweep FILE [--out OUT]      throughput against the swept value
                                              (`corridor sweep --csv FILE`)
    tools/plot.py appraise DIR [--out OUT]    OUT/appraisal.png and .svg: a panel per
                                              appraised case, its costs and benefits
                                              year by year (`corridor appraise --csv DIR`)

Charts of a tables directory:
    transit       transit-time distribution per origin-destination, a box per scenario
    time_split    where the days go: moving, queueing, dwell, consolidation per pair
    queues        day by day, the busiest nodes (queue, handled against the capacity in
                  force) and the most utilized links that closed (lots waiting, departed
                  tonnes); each panel shaded on its own facility's closed days
    map           the corridor over coastlines and borders: link width is throughput,
                  link and node colour is utilization (first scenario)
    map_difference  the second scenario's link throughput minus the first's (two or more)
    periods       throughput against the capacity in force, period by period

The appraisal chart (appraise.csv, appraise_years.csv): each investment alone, then any
set of them, full width; bars of each year's flows, undiscounted, in prices of the first
year: benefits stacked up by part (a negative part below zero), capital and operating
costs down, the residual value at the horizon credited up in the last year; a line of the
cumulative net flow; the NPV with its 95 % interval and the BCR in each panel's title.
Panels share a y scale unless their magnitudes differ widely.

Time axes are dates when the tables carry them (a scenario with a start_date), days of
the run otherwise. Each chart is written as OUT/NAME.png and OUT/NAME.svg (OUT defaults
to DIR). Needs python3-matplotlib and python3-numpy (Debian); standard library
otherwise. Colours are the Okabe-Ito palette and the cividis and PuOr colour maps,
readable with colour-vision deficiencies. The basemap is Natural Earth (public domain),
tools/basemap/.
"""

import argparse
import csv
import datetime
import functools
import json
import math
import os
import sys
from collections import Counter, defaultdict

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
             "#000000"]
PHASES = [("moving_days", "moving", "#0072B2"), ("queueing_days", "queueing", "#D55E00"),
          ("dwell_days", "dwell", "#E69F00"),
          ("consolidation_days", "consolidation", "#009E73")]
DPI = 150
CLOSED = {"color": "#999999", "alpha": 0.3, "linewidth": 0}  # a facility's closed days

# Coastlines, lake shores and land borders (Natural Earth, tools/basemap/README.md).
BASEMAP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "basemap",
                       "middle-corridor.geojson")
# Quiet beneath the corridor: water outlines a soft grey-blue, borders thin dashed grey.
BASEMAP_STYLE = {
    "coastline": {"colors": "#9DB3C7", "linewidths": 0.7, "linestyles": "solid"},
    "lake": {"colors": "#9DB3C7", "linewidths": 0.7, "linestyles": "solid"},
    "border": {"colors": "#C4C4C4", "linewidths": 0.5, "linestyles": (0, (4, 3))},
}

plt.rcParams.update({
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "none",  # text stays text in SVG
    "svg.hashsalt": "corridor",  # stable ids: the same data give the same file
})


def read_csv(path, periods=False):
    """The rows of the whole window (period "all"), or with periods=True those of the
    periods; a table without a period column has only the first."""
    with open(path, newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    if rows and "period" in rows[0]:
        return [r for r in rows if (r["period"] != "all") == periods]
    return [] if periods else rows


def number(text):
    return float(text) if text not in ("", None) else math.nan


def save(figure, out, name):
    os.makedirs(out, exist_ok=True)
    written = []
    for extension in ("png", "svg"):
        path = os.path.join(out, f"{name}.{extension}")
        figure.savefig(path, dpi=DPI, bbox_inches="tight",
                       metadata={"Date": None} if extension == "svg" else None)
        written.append(path)
    plt.close(figure)
    return written


def mean(values):
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def scenarios_in(rows):
    seen = []
    for row in rows:
        if row["scenario"] not in seen:
            seen.append(row["scenario"])
    return seen


def averaged(rows, keys, columns):
    """Mean of each column over replications, per key tuple."""
    groups = defaultdict(list)
    for row in rows:
        groups[tuple(row[k] for k in keys)].append(row)
    return {key: {c: mean([number(r[c]) for r in group]) for c in columns}
            for key, group in groups.items()}


def short_name(name):
    """A node's name without its qualifier ("Alat (Port of Baku)" -> "Alat", "Dostyk /
    Alashankou" -> "Dostyk"): pair labels such as "Dostyk → Poti" stay short enough to
    read side by side. The maps keep the full names."""
    return name.split(" (")[0].split(" / ")[0].strip() or name


def node_names(directory):
    """Short display names by node id from nodes.csv: the id where a node has no name,
    the full name where two nodes' short names would read alike."""
    full = {}
    for row in read_csv(os.path.join(directory, "nodes.csv")):
        full.setdefault(row["node"], row["name"] or row["node"])
    short = {node: short_name(name) for node, name in full.items()}
    alike = Counter(short.values())
    return {node: name if alike[name] == 1 else full[node] for node, name in short.items()}


# ---------------------------------------------------------------------------------------
# Tick labels that overlap can't be read: set them, then turn or thin them until they fit.

def _apart(boxes, gap=2.0):
    """True when no two boxes (window extents, pixels) come within `gap` of each other."""
    boxes = [b.padded(gap / 2) for b in boxes]
    return not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def set_fitting_xticks(figure, axes, positions, labels, fontsize=7):
    """X tick labels at `positions`: level if they fit side by side, else upright (read
    from below), else every second, third... label upright and the rest blank, so each
    shown label reads clearly; the tick marks stay at every position. Call once the
    axes have their final size (after tight_layout)."""
    renderer = figure.canvas.get_renderer()
    for step in range(1, max(2, len(labels) + 1)):
        for rotation in ((0, 90) if step == 1 else (90,)):
            shown = [label if i % step == 0 else "" for i, label in enumerate(labels)]
            axes.set_xticks(positions)
            axes.set_xticklabels(shown, rotation=rotation, fontsize=fontsize)
            texts = [t for t in axes.get_xticklabels() if t.get_visible() and t.get_text()]
            if _apart([t.get_window_extent(renderer) for t in texts]):
                return


# ---------------------------------------------------------------------------------------
# Origin-destination charts.

def od_entries(directory):
    """od.csv's rows of the whole window, each with an `entry` key that tells apart rows
    of one origin-destination pair: the table's `demand` column where it has one, else
    the row's place among its pair's rows in its scenario and replication ("1", "2"...).
    corridor writes one row per pair (demand entries of one pair share their od row,
    docs/results.md), so today every pair is one entry; were it to write a row per
    demand entry, each would get its own box and bar rather than one merged with another."""
    rows = read_csv(os.path.join(directory, "od.csv"))
    count = defaultdict(int)
    for row in rows:
        key = (row["scenario"], row["replication"], row["origin"], row["destination"])
        count[key] += 1
        row["entry"] = row.get("demand") or str(count[key])
    order = []
    for row in rows:
        key = (row["origin"], row["destination"], row["entry"])
        if key not in order:
            order.append(key)
    # A pair with one entry is labelled by the pair alone.
    per_pair = Counter((o, d) for o, d, _ in order)
    names = node_names(directory)

    def label(key):
        origin, destination, entry = key
        text = f"{names.get(origin, origin)} → {names.get(destination, destination)}"
        return text if per_pair[(origin, destination)] == 1 else f"{text} ({entry})"
    return rows, order, label


def demand_entry_means(directory):
    """Each demand entry's mean transit (demand.csv, averaged over replications), per
    scenario and pair, for the pairs several entries share; {} without the table."""
    path = os.path.join(directory, "demand.csv")
    if not os.path.exists(path):
        return {}
    stats = averaged(read_csv(path), ["scenario", "origin", "destination", "demand"],
                     ["mean_transit_days"])
    by_pair = defaultdict(list)
    for (scenario, origin, destination, entry), value in stats.items():
        if not math.isnan(value["mean_transit_days"]):
            by_pair[(scenario, origin, destination)].append((entry, value["mean_transit_days"]))
    return {key: marks for key, marks in by_pair.items() if len(marks) > 1}


def plot_transit(directory, out):
    """Boxes lie along the time axis, one row per origin-destination entry: the pair's
    names read level on the left however many pairs there are."""
    rows, entries, label = od_entries(directory)
    scenarios = scenarios_in(rows)
    columns = ["transit_mean_days", "transit_p05_days", "transit_p25_days", "transit_p50_days",
               "transit_p75_days", "transit_p95_days"]
    stats = averaged(rows, ["scenario", "origin", "destination", "entry"], columns)
    figure, axes = plt.subplots(
        figsize=(9.0, len(entries) * (0.18 + 0.2 * len(scenarios)) + 1.8))
    width = 0.8 / len(scenarios)
    for s, scenario in enumerate(scenarios):
        boxes, positions = [], []
        for p, key in enumerate(entries):
            v = stats.get((scenario, *key))
            if v is None or math.isnan(v["transit_p50_days"]):
                continue
            boxes.append({"whislo": v["transit_p05_days"], "q1": v["transit_p25_days"],
                          "med": v["transit_p50_days"], "q3": v["transit_p75_days"],
                          "whishi": v["transit_p95_days"], "mean": v["transit_mean_days"],
                          "fliers": []})
            positions.append(p + (s - (len(scenarios) - 1) / 2) * width)
        if not boxes:
            continue
        colour = OKABE_ITO[s % len(OKABE_ITO)]
        axes.bxp(boxes, positions=positions, widths=width * 0.8, vert=False, showmeans=True,
                 patch_artist=True, manage_ticks=False,
                 boxprops={"facecolor": colour, "alpha": 0.55, "edgecolor": colour},
                 medianprops={"color": "black"}, whiskerprops={"color": colour},
                 capprops={"color": colour},
                 meanprops={"marker": "D", "markerfacecolor": "white",
                            "markeredgecolor": "black", "markersize": 4})
    # Demand entries that share a pair share its box (their lots pool in its od row);
    # each entry's own mean is marked on it, so two flows of one pair (the Middle and the
    # Northern route from Xi'an to Duisburg) stay apart.
    entry_means = demand_entry_means(directory)
    for s, scenario in enumerate(scenarios):
        for p, (origin, destination, _) in enumerate(entries):
            y = p + (s - (len(scenarios) - 1) / 2) * width
            marks = sorted(entry_means.get((scenario, origin, destination), []),
                           key=lambda mark: mark[1])
            for m, (entry, days) in enumerate(marks):
                axes.plot([days], [y], marker="v", color="black", markersize=5, zorder=4)
                if s > 0:
                    continue  # named once, on the first scenario's box
                # Neighbours by time alternate above and below the box: close means keep
                # their names apart.
                above = m % 2 == 0
                axes.annotate(entry, (days, y), xytext=(0, 5 if above else -6),
                              textcoords="offset points", ha="center",
                              va="bottom" if above else "top", fontsize=6, zorder=4,
                              bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                                    "alpha": 0.8})
    axes.set_yticks(range(len(entries)))
    axes.set_yticklabels([label(key) for key in entries], fontsize=8)
    axes.set_ylim(len(entries) - 0.5, -0.5)  # the first pair on top, as in the tables
    axes.set_xlabel("transit time (days)")
    axes.set_xlim(left=0)
    axes.set_title("Transit time per origin–destination")
    axes.grid(axis="x", alpha=0.3)
    handles = [Patch(facecolor=OKABE_ITO[s % len(OKABE_ITO)], alpha=0.55, label=scenario)
               for s, scenario in enumerate(scenarios)]
    if entry_means:
        handles.append(plt.Line2D([], [], color="black", marker="v", linestyle="none",
                                  markersize=5, label="mean of one demand entry\n"
                                  "(several share the pair)"))
    axes.legend(handles=handles, title="scenario", fontsize=8, loc="upper left",
                bbox_to_anchor=(1.0, 1.0))
    # Below the axis label at a fixed distance, whatever the chart's height.
    axes.annotate("box: 25th–75th percentile, line: median, ◇: mean, "
                  "whiskers: 5th–95th percentile", (1.0, 0.0), xycoords="axes fraction",
                  xytext=(0, -34), textcoords="offset points", ha="right", va="top",
                  fontsize=7, color="#444444")
    return save(figure, out, "transit")


def plot_time_split(directory, out):
    rows, entries, label = od_entries(directory)
    scenarios = scenarios_in(rows)
    stats = averaged(rows, ["scenario", "origin", "destination", "entry"],
                     [p[0] for p in PHASES])
    labels, values = [], []
    for key in entries:
        for scenario in scenarios:
            v = stats.get((scenario, *key))
            if v is None or math.isnan(v["moving_days"]):
                continue
            labels.append(label(key) if len(scenarios) == 1 else f"{label(key)} ({scenario})")
            values.append(v)
    figure, axes = plt.subplots(figsize=(9.0, 0.42 * len(labels) + 1.6))
    left = [0.0] * len(labels)
    for column, name, colour in PHASES:
        widths = [v[column] for v in values]
        axes.barh(range(len(labels)), widths, left=left, color=colour, label=name, height=0.7)
        left = [a + b for a, b in zip(left, widths)]
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("mean days per delivered lot")
    axes.set_title("Where the days go")
    axes.grid(axis="x", alpha=0.3)
    axes.legend(ncol=4, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.06),
                frameon=False)
    return save(figure, out, "time_split")


# ---------------------------------------------------------------------------------------
# Queues, day by day.

def daily_series(directory, scenario):
    """Replication 0's rows of timeseries.csv for one scenario, by (kind, id), in day
    order. Read as a stream: a multi-year compare has hundreds of thousands of rows."""
    series = defaultdict(list)
    with open(os.path.join(directory, "timeseries.csv"), newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["scenario"] == scenario and row["replication"] == "0":
                series[(row["kind"], row["id"])].append(row)
    for rows in series.values():
        rows.sort(key=lambda r: int(r["day"]))
    return series


def day_axis(series):
    """The x value of a run day: its date when the tables carry dates (the scenario has a
    start_date), so a reader sees "2027" where an expansion opens; else the day itself."""
    for rows in series.values():
        for row in rows:
            if row.get("date"):
                start = datetime.date.fromisoformat(row["date"]) - \
                    datetime.timedelta(days=int(row["day"]))
                return lambda day: start + datetime.timedelta(days=day), True
    return lambda day: day, False


def closed_runs(rows):
    """[first, last + 1) day spans in which the facility itself was closed (any hours of
    a day count it), consecutive days merged: one shaded band per closure."""
    runs = []
    for row in rows:
        if number(row["closed_h"]) > 0:
            day = int(row["day"])
            if runs and runs[-1][1] == day:
                runs[-1][1] = day + 1
            else:
                runs.append([day, day + 1])
    return runs


def capacity_steps(rows, settle_days=7):
    """(day, before, after) in t/day where the capacity in force moves to a new level that
    then holds at least `settle_days`: a dated expansion or cut. A shorter dip (a closure)
    and the part-day at a change are not steps of their own."""
    levels = []  # [first day, days, t/day]
    for row in rows:
        value = number(row["capacity_t"])
        if math.isnan(value):
            continue
        if levels and abs(levels[-1][2] - value) <= 1e-6 * max(1.0, value):
            levels[-1][1] += 1
        else:
            levels.append([int(row["day"]), 1, value])
    held = [level for level in levels if level[1] >= settle_days]
    return [(b[0], a[2], b[2]) for a, b in zip(held, held[1:])
            if abs(a[2] - b[2]) > 1e-3 * a[2]]


def trailing_sums(values, days):
    """The sum of each day's value and the `days` - 1 before it (NaN counting 0). Summed
    afresh each day, not as a running total: a week without capacity then sums to an
    exact 0, never to a rounding residue that a ratio would blow up."""
    values = [0.0 if math.isnan(v) else v for v in values]
    return [sum(values[max(0, i - days + 1):i + 1]) for i in range(len(values))]


def weekly_ratio(handled, capacity):
    """Handled over capacity in %, each over the week ending that day: trains and ships
    come in lumps, and a week's figures show the level that the day-to-day scatter
    hides. Each day's own capacity counts, so a dated expansion shows from its day; a
    day without capacity in force (closed, or not yet open) adds nothing to either."""
    open_days = [not math.isnan(c) for c in capacity]
    handled = [h if o else math.nan for h, o in zip(handled, open_days)]
    return [100.0 * h / c if c > 0 else math.nan
            for h, c in zip(trailing_sums(handled, 7), trailing_sums(capacity, 7))]


def trailing_mean(values, days):
    """Each day's mean over the `days` ending that day (the run's first days, over the
    days so far)."""
    return [s / min(i + 1, days) for i, s in enumerate(trailing_sums(values, days))]


# A ferry or a block train leaves every few days: a week holds two or three sailings,
# and its mean jumps between them; four weeks show the level, and a storm's gap.
LINK_MEAN_DAYS = 28


HEADER_IN = 1.0  # the queues chart's title and legend, above its panels


def mtpa(t_per_day):
    return t_per_day * 365.0 / 1e6


def plot_queues(directory, out, nodes_shown=3, links_shown=2):
    """The `nodes_shown` most utilized nodes of the last scenario (an alternative, where
    there is one), then up to `links_shown` of its most utilized links that were closed
    on some day: storms and closures are what a reader of a corridor looks for. Each
    panel is shaded on its own facility's closed days only."""
    node_rows = read_csv(os.path.join(directory, "nodes.csv"))
    link_rows = read_csv(os.path.join(directory, "links.csv"))
    scenario = scenarios_in(node_rows)[-1]
    first = [r for r in node_rows if r["scenario"] == scenario and r["replication"] == "0"]
    names = {r["node"]: r["name"] or r["node"] for r in first}
    series = daily_series(directory, scenario)
    at, dated = day_axis(series)
    panels = [("node", r["node"], r) for r in sorted(
        (r for r in first if r["utilization"]), key=lambda r: -number(r["utilization"]))
        if series.get(("node", r["node"]))][:nodes_shown]
    closed_links = [r for r in link_rows if r["scenario"] == scenario and
                    r["replication"] == "0" and closed_runs(series.get(("link", r["link"]), []))]
    closed_links.sort(key=lambda r: -(0.0 if math.isnan(number(r["utilization"]))
                                      else number(r["utilization"])))
    panels += [("link", r["link"], r) for r in closed_links[:links_shown]]
    if not panels:
        return []
    height = 2.2 * len(panels) + HEADER_IN
    figure, all_axes = plt.subplots(len(panels), 1, figsize=(9.0, height), sharex=True,
                                    squeeze=False)
    shaded = stepped = has_links = has_capacity = False
    for axes, (kind, facility, table_row) in zip(all_axes[:, 0], panels):
        rows = series[(kind, facility)]
        days = [int(r["day"]) for r in rows]
        x = [at(d) for d in days]
        long_run = len(days) > 400
        for first_day, end_day in closed_runs(rows):
            axes.axvspan(at(first_day), at(end_day), **CLOSED)
            shaded = True
        axes.plot(x, [number(r["queue_lots"]) for r in rows], color=OKABE_ITO[0],
                  linewidth=0.7 if long_run else 1.2)
        axes.set_ylim(bottom=0)
        utilization = number(table_row["utilization"])
        share = axes.twinx()
        share.spines["right"].set_visible(True)
        if kind == "node":
            axes.set_ylabel("lots waiting")
            title = f"{names.get(facility, facility)}"
            if not math.isnan(utilization):
                title += f" — mean utilization {utilization * 100:.0f} %"
            handled = [number(r["throughput_t"]) for r in rows]
            capacity = [number(r["capacity_t"]) for r in rows]
            # A day without capacity in force (closed, or not yet open) has no share.
            capacity = [c if c > 0 else math.nan for c in capacity]
            if any(not math.isnan(c) for c in capacity):
                has_capacity = True
                share.plot(x, weekly_ratio(handled, capacity),
                           color=OKABE_ITO[1], linewidth=0.8, alpha=0.9)
                share.set_ylabel("handled / capacity (%)")
                share.set_ylim(0, max(110, share.get_ylim()[1]))
            for day, before, after in capacity_steps(rows):
                axes.axvline(at(day), color="#222222", linestyle=":", linewidth=1.0)
                stepped = True
                title += (f"; capacity {mtpa(before):.3g} → {mtpa(after):.3g} Mt/yr "
                          f"from {at(day).isoformat() if dated else f'day {day}'}")
        else:
            has_links = True
            ends = f"{names.get(table_row['from'], table_row['from'])} – " \
                   f"{names.get(table_row['to'], table_row['to'])}"
            axes.set_ylabel("lots waiting\nto depart")
            closed_days = sum(1 for r in rows if number(r["closed_h"]) > 0)
            title = f"link {ends}"
            if not math.isnan(utilization):
                title += f" — mean utilization {utilization * 100:.0f} %"
            title += f"; closed on {closed_days} day{'s' if closed_days != 1 else ''}"
            departed = [number(r["throughput_t"]) for r in rows]
            share.plot(x, trailing_mean(departed, LINK_MEAN_DAYS),
                       color=OKABE_ITO[2], linewidth=0.9, alpha=0.9)
            share.set_ylabel("departed (t/day)")
            share.set_ylim(bottom=0)
        axes.set_title(title, fontsize=9, loc="left")
        # The queue's line over the twin's weekly line: the panel's own axes drawn last,
        # its background off so the twin's line shows through.
        axes.set_zorder(share.get_zorder() + 1)
        axes.patch.set_visible(False)
    bottom = all_axes[-1, 0]
    if dated:
        # Years over a multi-year run, months over a shorter one, each label once.
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        bottom.xaxis.set_major_locator(locator)
        bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    else:
        bottom.set_xlabel("day of the run")
    handles = [plt.Line2D([], [], color=OKABE_ITO[0], label="lots waiting at the day's end")]
    if has_capacity:
        handles.append(plt.Line2D([], [], color=OKABE_ITO[1],
                                  label="handled / capacity in force (%), 7-day mean"))
    if has_links:
        handles.append(plt.Line2D([], [], color=OKABE_ITO[2],
                                  label=f"link: tonnes departed a day, {LINK_MEAN_DAYS}-day mean"))
    if shaded:
        handles.append(Patch(**CLOSED, label="closed (this facility)"))
    if stepped:
        handles.append(plt.Line2D([], [], color="#222222", linestyle=":",
                                  label="capacity in force changes"))
    # Title, then the legend, then the panels, at fixed distances in inches. The layout
    # comes first: tight_layout would leave room of its own for a title already there.
    rows_in_legend = (len(handles) + 2) // 3
    figure.tight_layout(rect=(0, 0, 1, 1.0 - (0.55 + 0.18 * rows_in_legend) / height))
    what = "the busiest nodes" + (" and the most utilized links that closed" if has_links
                                  else "")
    figure.suptitle(f"Queues at {what} — {scenario}", y=1.0 - 0.08 / height, va="top",
                    fontsize=12, fontweight="bold")
    figure.legend(handles=handles, loc="upper center", ncol=min(3, len(handles)), fontsize=8,
                  frameon=False, bbox_to_anchor=(0.5, 1.0 - 0.4 / height))
    return save(figure, out, "queues")


# A facility binds in a period as in corridor's ranking: saturated ones first, by the
# cargo waiting there; else the most utilized.
SATURATED = 0.97


def binding_stage(rows):
    def rank(row):
        utilization = number(row["utilization"])
        queue = number(row["mean_queue_lots"])
        saturated = utilization >= SATURATED
        return (saturated, queue if saturated else utilization, utilization)
    candidates = [r for r in rows if not math.isnan(number(r["utilization"]))]
    return max(candidates, key=rank) if candidates else None


def plot_periods(directory, out, count=6):
    """Throughput against the capacity in force, period by period, for the stage that
    binds first in each period and the next most utilized, up to `count`; a bar is
    orange where its stage is saturated then."""
    nodes = read_csv(os.path.join(directory, "nodes.csv"), periods=True)
    links = read_csv(os.path.join(directory, "links.csv"), periods=True)
    if not nodes:
        return []
    scenario = scenarios_in(nodes)[0]
    rows = [dict(r, kind="node", id=r["node"]) for r in nodes if r["scenario"] == scenario]
    rows += [dict(r, kind="link", id=r["link"]) for r in links if r["scenario"] == scenario]
    periods = []
    for row in rows:
        if row["period"] not in periods:
            periods.append(row["period"])
    stats = averaged(rows, ["kind", "id", "period"],
                     ["throughput_mtpa", "capacity_mtpa", "utilization", "mean_queue_lots"])
    by_period = defaultdict(list)
    for (kind, facility, period), value in stats.items():
        by_period[period].append({"kind": kind, "id": facility,
                                  **{k: str(v) for k, v in value.items()}})
    binds = {p: binding_stage(by_period[p]) for p in periods}
    shown = []
    for period in periods:
        if binds[period] and (binds[period]["kind"], binds[period]["id"]) not in shown:
            shown.append((binds[period]["kind"], binds[period]["id"]))
    peak = defaultdict(float)
    for (kind, facility, _), value in stats.items():
        if not math.isnan(value["utilization"]):
            peak[(kind, facility)] = max(peak[(kind, facility)], value["utilization"])
    for key in sorted(peak, key=lambda k: -peak[k]):
        if len(shown) >= count:
            break
        if key not in shown:
            shown.append(key)
    columns = 2 if len(shown) > 1 else 1
    lines = (len(shown) + columns - 1) // columns
    figure, all_axes = plt.subplots(lines, columns, figsize=(5.0 * columns, 2.5 * lines + 0.8),
                                    sharex=True, squeeze=False)
    x = list(range(len(periods)))
    for axes, (kind, facility) in zip(all_axes.flat, shown):
        values = [stats.get((kind, facility, p), {}) for p in periods]
        throughput = [v.get("throughput_mtpa", math.nan) for v in values]
        capacity = [v.get("capacity_mtpa", math.nan) for v in values]
        # Saturated then: every stage at its capacity binds the cargo routed over it.
        bound = [v.get("utilization", 0.0) >= SATURATED for v in values]
        axes.bar(x, throughput, color=[OKABE_ITO[5] if b else OKABE_ITO[2] for b in bound],
                 width=0.7)
        # Each period's capacity as a bar-wide line: a step in it is a dated change.
        axes.hlines(capacity, [i - 0.45 for i in x], [i + 0.45 for i in x], color="#222222",
                    linewidth=1.6)
        axes.set_title(f"{kind} {facility}", fontsize=9, loc="left")
        axes.set_ylabel("Mt/yr")
        axes.set_ylim(bottom=0)
        axes.grid(axis="y", alpha=0.3)
    # An odd panel count leaves the last slot empty: the panel above it then carries the
    # period labels of its column, which sharex would otherwise hide.
    bottoms = list(all_axes[-1, :])
    for column, axes in enumerate(all_axes[-1, :]):
        if len(shown) <= (lines - 1) * columns + column:
            axes.set_visible(False)
            bottoms[column] = all_axes[-2, column]
            bottoms[column].xaxis.set_tick_params(labelbottom=True)
    handles = [Patch(color=OKABE_ITO[5], label="throughput, saturated then (binds)"),
               Patch(color=OKABE_ITO[2], label="throughput"),
               plt.Line2D([], [], color="#222222", label="effective capacity in force")]
    figure.legend(handles=handles, loc="upper center", ncol=3, fontsize=8, frameon=False,
                  bbox_to_anchor=(0.5, 1.0))
    figure.suptitle(f"What binds, period by period — {scenario}", y=1.05, fontsize=12,
                    fontweight="bold")
    # Labels are fitted to the axes' final width, which the layout sets; turned labels
    # then take more room below, so the layout runs again and the fit is checked again.
    for _ in range(2):
        figure.tight_layout()
        for axes in bottoms:
            set_fitting_xticks(figure, axes, x, periods)
    return save(figure, out, "periods")


# ---------------------------------------------------------------------------------------
# Maps.

@functools.lru_cache(maxsize=None)
def basemap_lines(path=BASEMAP):
    """The basemap's polylines by layer ("coastline", "lake", "border"), each a list of
    (lon, lat): LineString and MultiLineString as they are, each ring of a Polygon or
    MultiPolygon as its outline. Empty when the file is missing: a map without it is
    still a map."""
    try:
        with open(path, encoding="utf-8") as stream:
            collection = json.load(stream)
    except OSError:
        return {}
    layers = defaultdict(list)
    for feature in collection.get("features", []):
        geometry = feature.get("geometry") or {}
        kind, coordinates = geometry.get("type"), geometry.get("coordinates", [])
        parts = {"LineString": [coordinates], "MultiLineString": coordinates,
                 "Polygon": coordinates,
                 "MultiPolygon": [ring for polygon in coordinates for ring in polygon]
                 }.get(kind, [])
        layer = (feature.get("properties") or {}).get("layer", "coastline")
        layers[layer] += [[(p[0], p[1]) for p in part] for part in parts if len(part) > 1]
    return dict(layers)


def draw_basemap(axes, panel):
    """Coastlines, lake shores and borders beneath the corridor, inside the axes' limits.
    Added without touching the data limits (autolim=False): the basemap spans far more
    than the corridor, and the map's extent is the nodes'. Lines wholly outside the view
    are left out, so the SVG carries only what shows; each layer is an SVG group with an
    id (basemap-LAYER-PANEL)."""
    x0, x1 = sorted(axes.get_xlim())
    y0, y1 = sorted(axes.get_ylim())
    for order, layer in enumerate(("border", "lake", "coastline")):
        lines = [line for line in basemap_lines().get(layer, [])
                 if max(p[0] for p in line) >= x0 and min(p[0] for p in line) <= x1 and
                 max(p[1] for p in line) >= y0 and min(p[1] for p in line) <= y1]
        if not lines:
            continue
        collection = LineCollection(lines, zorder=0.2 + 0.1 * order, **BASEMAP_STYLE[layer])
        collection.set_gid(f"basemap-{layer}-{panel}")
        axes.add_collection(collection, autolim=False)


def corridor_geometry(directory, scenario):
    nodes = [r for r in read_csv(os.path.join(directory, "nodes.csv"))
             if r["scenario"] == scenario and r["replication"] == "0"]
    where = {r["node"]: (number(r["lon"]), number(r["lat"])) for r in nodes
             if not math.isnan(number(r["lon"])) and not math.isnan(number(r["lat"]))}
    return nodes, where


def node_utilization(directory, scenario):
    """Each node's utilization averaged over replications; NaN for a node without a
    capacity (the table leaves it empty)."""
    rows = [r for r in read_csv(os.path.join(directory, "nodes.csv")) if r["scenario"] == scenario]
    return {key[0]: value["utilization"]
            for key, value in averaged(rows, ["node"], ["utilization"]).items()}


def link_throughput(directory, scenario):
    rows = [r for r in read_csv(os.path.join(directory, "links.csv")) if r["scenario"] == scenario]
    stats = averaged(rows, ["link"], ["throughput_mtpa", "utilization"])
    ends = {r["link"]: (r["from"], r["to"]) for r in rows}
    return ends, stats


# Where a corridor's nodes crowd (the Caspian and the Caucasus here) a second panel
# zooms in: the densest box of ZOOM_SPAN_DEG degrees, when the whole map is much wider.
ZOOM_SPAN_DEG = (18.0, 8.0)


def crowded_box(where):
    points = list(where.values())
    lons = [p[0] for p in points]
    if not points or max(lons) - min(lons) < 2.5 * ZOOM_SPAN_DEG[0]:
        return None
    best, best_count = None, 0
    for lon, lat in points:
        box = (lon - ZOOM_SPAN_DEG[0] / 2, lon + ZOOM_SPAN_DEG[0] / 2,
               lat - ZOOM_SPAN_DEG[1] / 2, lat + ZOOM_SPAN_DEG[1] / 2)
        count = sum(box[0] <= x <= box[1] and box[2] <= y <= box[3] for x, y in points)
        if count > best_count:
            best, best_count = box, count
    inside = [(x, y) for x, y in points if best[0] <= x <= best[1] and best[2] <= y <= best[3]]
    margin = 1.0
    return (min(x for x, _ in inside) - margin, max(x for x, _ in inside) + margin,
            min(y for _, y in inside) - margin, max(y for _, y in inside) + margin)


def inside(box, point):
    return box is not None and box[0] <= point[0] <= box[1] and box[2] <= point[1] <= box[3]


def place_labels(figure, axes, labels):
    """Labels beside their points, each at the first of eight offsets that overlaps no
    label already placed and stays inside the panel (past its edge a label would run
    under the colour bar or the next panel); failing that, the first that overlaps no
    label; failing that, the first place."""
    renderer = figure.canvas.get_renderer()
    frame = axes.get_window_extent(renderer)
    offsets = [(5, 4, "left"), (5, -11, "left"), (-5, 4, "right"), (-5, -11, "right"),
               (0, 8, "center"), (0, -16, "center"), (9, -3, "left"), (-9, -3, "right")]
    placed = []
    for text, (x, y) in labels:
        candidates = []
        for dx, dy, align in offsets:
            note = axes.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points",
                                 fontsize=7, ha=align, zorder=4,
                                 bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                       "alpha": 0.75})
            box = note.get_window_extent(renderer)
            note.remove()
            free = not any(box.overlaps(other) for other in placed)
            within = frame.x0 <= box.x0 and box.x1 <= frame.x1 and \
                frame.y0 <= box.y0 and box.y1 <= frame.y1
            candidates.append((not (free and within), not free, len(candidates), dx, dy, align))
        _, _, _, dx, dy, align = min(candidates)
        note = axes.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points",
                             fontsize=7, ha=align, zorder=4,
                             bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                   "alpha": 0.75})
        placed.append(note.get_window_extent(renderer))


def map_panels(segments, widths, values, cmap, limits, where, nodes, title, bar_label,
               node_values=None):
    """An overview map and, where nodes crowd, a zoomed panel below it, over the
    basemap, with a colour bar for `values`. `values` of None draw grey (no colour
    value, e.g. an uncapped link). `node_values` (node id -> value on the same scale,
    NaN for none) colours the nodes, white with a black edge where NaN; without it the
    nodes are black dots. Returns the figure and its map axes."""
    box = crowded_box(where)
    panels = 2 if box else 1
    heights = [1.0, 2.0] if box else [1.0]
    figure, all_axes = plt.subplots(panels, 1, figsize=(11.0, 3.2 + 5.0 * (panels - 1)),
                                    gridspec_kw={"height_ratios": heights}, squeeze=False)
    coloured = None
    for index, axes in enumerate(all_axes[:, 0]):
        grey = [(s, w) for s, w, v in zip(segments, widths, values) if v is None]
        if grey:
            axes.add_collection(LineCollection([g[0] for g in grey], linewidths=[g[1] for g in grey],
                                               colors="#BBBBBB", zorder=1))
        shown = [(s, w, v) for s, w, v in zip(segments, widths, values) if v is not None]
        lines = LineCollection([c[0] for c in shown], linewidths=[c[1] for c in shown],
                               cmap=cmap, zorder=2)
        lines.set_array([c[2] for c in shown])
        lines.set_clim(*limits)
        axes.add_collection(lines)
        coloured = lines
        placed = [n["node"] for n in nodes if n["node"] in where]
        points = [where[n] for n in placed]
        if node_values is None:
            axes.scatter([p[0] for p in points], [p[1] for p in points], s=16, color="black",
                         zorder=3)
        else:
            # Nodes on the links' scale, a black edge so a pale fill stays visible; a node
            # without a capacity has no utilization and is drawn hollow.
            valued = [n for n in placed if not math.isnan(node_values.get(n, math.nan))]
            hollow = [n for n in placed if n not in valued]
            axes.scatter([where[n][0] for n in hollow], [where[n][1] for n in hollow], s=22,
                         facecolor="white", edgecolor="black", linewidths=0.8, zorder=3)
            axes.scatter([where[n][0] for n in valued], [where[n][1] for n in valued], s=42,
                         c=[node_values[n] for n in valued], cmap=cmap, vmin=limits[0],
                         vmax=limits[1], edgecolor="black", linewidths=0.8, zorder=3)
        axes.set_xlabel("longitude (°E)")
        axes.set_ylabel("latitude (°N)")
        axes.grid(alpha=0.12)  # faint: the basemap already orients
        if index == 0:
            axes.autoscale()
            axes.margins(0.04, 0.12)
            if box:
                axes.add_patch(plt.Rectangle((box[0], box[2]), box[1] - box[0], box[3] - box[2],
                                             fill=False, linestyle=":", edgecolor="#555555"))
        else:
            axes.set_xlim(box[0], box[1])
            axes.set_ylim(box[2], box[3])
            axes.set_title("the crowded part, enlarged (dotted box above)", fontsize=9,
                           loc="left")
        mid_lat = sum(p[1] for p in points) / len(points)
        axes.set_aspect(1.0 / math.cos(math.radians(mid_lat)))
        draw_basemap(axes, index + 1)
    all_axes[0, 0].set_title(title)
    figure.tight_layout()
    bar = figure.colorbar(coloured, ax=list(all_axes[:, 0]), shrink=0.6, pad=0.02)
    bar.set_label(bar_label)
    # Labels are placed where the panels finally sit: after the colour bar takes its
    # room and each panel's aspect is applied, so the overlap tests see the drawn places.
    for index, axes in enumerate(all_axes[:, 0]):
        axes.apply_aspect()
        x0, x1 = sorted(axes.get_xlim())
        y0, y1 = sorted(axes.get_ylim())
        labels = [(n["name"] or n["node"], where[n["node"]]) for n in nodes
                  if n["node"] in where and x0 <= where[n["node"]][0] <= x1 and
                  y0 <= where[n["node"]][1] <= y1 and
                  (index == 1 or not inside(box, where[n["node"]]))]
        place_labels(figure, axes, labels)
    return figure, all_axes


def map_legend(figure, axes, scale, nodes_coloured):
    """Below the last panel, outside it (inside, it would hide nodes and their labels),
    under its tick labels and axis label wherever the layout put them."""
    handles = []
    for mtpa_sample in (1, 5):
        # Butt caps keep a thick sample inside the legend frame.
        handles.append(plt.Line2D([], [], color="#555555", linewidth=0.6 + scale * mtpa_sample,
                                  label=f"link, {mtpa_sample} Mt/yr", solid_capstyle="butt"))
    handles.append(plt.Line2D([], [], color="#BBBBBB", linewidth=2,
                              label="link without a capacity", solid_capstyle="butt"))
    if nodes_coloured:
        handles.append(plt.Line2D([], [], linestyle="", marker="o", markersize=7,
                                  markerfacecolor=plt.get_cmap("cividis")(0.75),
                                  markeredgecolor="black", label="node: fill is utilization"))
        handles.append(plt.Line2D([], [], linestyle="", marker="o", markersize=5,
                                  markerfacecolor="white", markeredgecolor="black",
                                  label="node without a capacity"))
    handles.append(plt.Line2D([], [], label="coast, lake shore",
                              color=BASEMAP_STYLE["coastline"]["colors"], linewidth=1.0))
    handles.append(plt.Line2D([], [], label="land border", linestyle=(0, (4, 3)),
                              color=BASEMAP_STYLE["border"]["colors"], linewidth=1.0))
    below = axes.xaxis.get_tightbbox(figure.canvas.get_renderer())  # ticks and label
    frame = axes.get_position()
    figure.legend(handles=handles, loc="upper center",
                  bbox_to_anchor=((frame.x0 + frame.x1) / 2, below.y0 / figure.bbox.height),
                  ncol=4, fontsize=7, handlelength=3.5, frameon=False, columnspacing=2.0)


def plot_map(directory, out):
    scenario = scenarios_in(read_csv(os.path.join(directory, "nodes.csv")))[0]
    nodes, where = corridor_geometry(directory, scenario)
    if not where:  # a scenario without coordinates has no map
        return []
    ends, stats = link_throughput(directory, scenario)
    segments, widths, values = [], [], []
    for link, (a, b) in ends.items():
        if a in where and b in where:
            segments.append([where[a], where[b]])
            widths.append(0.6 + 1.8 * stats[(link,)]["throughput_mtpa"])
            utilization = stats[(link,)]["utilization"]
            values.append(None if math.isnan(utilization) else utilization)
    figure, all_axes = map_panels(
        segments, widths, values, "cividis", (0.0, 1.0), where, nodes,
        f"Corridor flows — {scenario}\nlink width is throughput; "
        "link and node colour is utilization", "utilization (links and nodes)",
        node_values=node_utilization(directory, scenario))
    map_legend(figure, all_axes[-1, 0], 1.8, True)
    return save(figure, out, "map")


def plot_map_difference(directory, out):
    scenarios = scenarios_in(read_csv(os.path.join(directory, "nodes.csv")))
    if len(scenarios) < 2:
        return []
    base, alternative = scenarios[0], scenarios[1]
    nodes, where = corridor_geometry(directory, base)
    ends, before = link_throughput(directory, base)
    ends_after, after = link_throughput(directory, alternative)
    for link, pair in ends_after.items():  # links only the alternative has
        ends.setdefault(link, pair)
    nodes_after, where_after = corridor_geometry(directory, alternative)
    for node in nodes_after:
        if node["node"] not in where and node["node"] in where_after:
            nodes.append(node)
            where[node["node"]] = where_after[node["node"]]
    if not where:
        return []
    segments, widths, changes = [], [], []
    for link, (a, b) in ends.items():
        if a not in where or b not in where:
            continue
        b_mtpa = before.get((link,), {}).get("throughput_mtpa", 0.0)
        a_mtpa = after.get((link,), {}).get("throughput_mtpa", 0.0)
        change = (0.0 if math.isnan(a_mtpa) else a_mtpa) - (0.0 if math.isnan(b_mtpa) else b_mtpa)
        segments.append([where[a], where[b]])
        widths.append(1.0 + 3.0 * abs(change))
        changes.append(change)
    limit = max([abs(c) for c in changes] + [0.01])
    figure, _ = map_panels(
        segments, widths, changes, "PuOr", (-limit, limit), where, nodes,
        f"Change in flows — {alternative} against {base}", "change in link throughput (Mt/yr)")
    return save(figure, out, "map_difference")


# ---------------------------------------------------------------------------------------
# Sweeps.

def plot_sweep(path, out):
    rows = read_csv(path)
    header = list(rows[0].keys())
    parameters = header[1:header.index("replications")]
    x_name = parameters[-1]
    groups = defaultdict(list)
    for row in rows:
        groups[tuple(row[p] for p in parameters[:-1])].append(row)
    figure, axes = plt.subplots(figsize=(8.0, 4.8))
    labelled = set()
    for g, (key, group) in enumerate(groups.items()):
        group.sort(key=lambda r: number(r[x_name]))
        xs = [number(r[x_name]) for r in group]
        ys = [number(r["delivered_mtpa"]) for r in group]
        half = [number(r["delivered_mtpa_ci95"]) if r["delivered_mtpa_ci95"] else 0.0
                for r in group]
        colour = OKABE_ITO[g % len(OKABE_ITO)]
        label = ", ".join(f"{p.split('.')[-2]}.{p.split('.')[-1]} = {v}"
                          for p, v in zip(parameters[:-1], key)) or "delivered"
        axes.plot(xs, ys, marker="o", markersize=3, color=colour, label=label)
        axes.fill_between(xs, [y - h for y, h in zip(ys, half)],
                          [y + h for y, h in zip(ys, half)], color=colour, alpha=0.2,
                          linewidth=0)
        if "bound_mtpa" in group[0] and group[0]["bound_mtpa"]:
            axes.plot(xs, [number(r["bound_mtpa"]) for r in group], linestyle="--",
                      color=colour, linewidth=1, label=f"capacity bound, {label}"
                      if len(groups) > 1 else "capacity bound")
        if "binding" in group[0]:
            previous = None
            for x, y, row in zip(xs, ys, group):
                # A label another group already put at this x would print on top of itself;
                # a different one steps down a line so the two stay readable.
                if row["binding"] != previous and (x, row["binding"]) not in labelled:
                    depth = sum(1 for (lx, _) in labelled if lx == x)
                    axes.annotate(row["binding"].replace(":", " "), (x, y),
                                  xytext=(0, -16 - 10 * depth), textcoords="offset points",
                                  fontsize=7, ha="center", color=colour if len(groups) > 1
                                  else "black", arrowprops={"arrowstyle": "-",
                                                            "color": "#777777",
                                                            "linewidth": 0.6})
                    labelled.add((x, row["binding"]))
                previous = row["binding"]
    axes.set_xlabel(x_name)
    axes.set_ylabel("delivered (Mt/yr)")
    axes.set_ylim(bottom=0)
    axes.set_title("Throughput across the sweep (band: 95 % confidence)")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.text(1.0, -0.16, "labels: the most utilized facility, where it changes",
              transform=axes.transAxes, ha="right", fontsize=7, color="#444444")
    return save(figure, out, os.path.splitext(os.path.basename(path))[0])


# ---------------------------------------------------------------------------------------
# Appraisals.

# Yearly flows of appraise_years.csv as drawn: benefits stack upward by part (a negative
# part goes below zero), costs downward, the residual value upward in the last year.
BENEFIT_PARTS = [("time_musd", "time saved", "#0072B2"),
                 ("tonnes_musd", "tonnes won back", "#009E73"),
                 ("co2_musd", "CO2", "#56B4E9"),
                 ("carriage_musd", "carriage", "#CC79A7")]
COST_PARTS = [("capex_musd", "capital", "#D55E00"), ("opex_musd", "operation", "#E69F00")]
RESIDUAL = {"facecolor": "white", "edgecolor": "#D55E00", "hatch": "////", "linewidth": 0.6}
CUMULATIVE = {"color": "#000000", "linewidth": 1.4, "marker": "o", "markersize": 2.5}
# Panels share one y scale unless their largest values differ more than this many times:
# then the small ones would be flat lines, and each panel gets its own.
SHARED_SCALE_RATIO = 4.0


def musd_text(value):
    """Million USD as a report reads them: no decimals from 100, one from 1, two below."""
    decimals = 0 if abs(value) >= 100 else 1 if abs(value) >= 1 else 2
    return decimals, f"{value:.{decimals}f}".replace("-", "−")


def appraisal_title(case):
    """'NAME — NPV 6187 ± 107 MUSD, BCR 22.4', each figure where the table has it, as
    the pieces a line may break between: each investment of a set ("A + B") and the
    figures stay whole where they fit on a line."""
    figures = []
    npv = number(case.get("npv_musd"))
    if not math.isnan(npv):
        decimals, text = musd_text(npv)
        half = number(case.get("npv_musd_ci95"))
        if not math.isnan(half) and half > 0:
            # The interval to its first significant digit, at least the NPV's decimals
            # (common random numbers make it small): "−134 ± 0.04", not "± 0".
            digits = max(decimals, min(3, 1 - math.floor(math.log10(half))))
            shown = f"{half:.{digits}f}"
            text += f" ± {shown}" if float(shown) > 0 else " ± <0.001"
        figures.append(f"NPV {text} MUSD")
    bcr = number(case.get("bcr"))
    if not math.isnan(bcr):
        decimals = 1 if abs(bcr) >= 10 else 2 if abs(bcr) >= 0.1 else 3
        figures.append(f"BCR {bcr:.{decimals}f}")
    name = case.get("name") or case["id"]
    parts = name.split(" + ")
    if len(parts) > 1:
        # A set names its investments without their qualifiers (their own panels give
        # them), unless two would then read alike.
        short = [short_name(part) for part in parts]
        parts = short if len(set(short)) == len(short) else parts
    pieces = [part + " +" for part in parts]
    pieces[-1] = pieces[-1][:-2]
    if figures:
        pieces[-1] += " —"
        pieces.append(", ".join(figures))
    return pieces


def wrapped_title(figure, axes, pieces, fontsize):
    """The title left-aligned over the axes in lines no wider than the axes: broken
    between `pieces`, and inside a piece, between words, only where it is wider than a
    line on its own."""
    renderer = figure.canvas.get_renderer()
    width = axes.get_window_extent(renderer).width

    def fits(text):
        probe = figure.text(0, 0, text, fontsize=fontsize, fontweight="bold")
        wide = probe.get_window_extent(renderer).width
        probe.remove()
        return wide <= width

    lines = [""]
    for piece in pieces:
        trial = f"{lines[-1]} {piece}" if lines[-1] else piece
        if fits(trial):
            lines[-1] = trial
        elif fits(piece):
            lines.append(piece)
        else:
            for word in piece.split(" "):
                trial = f"{lines[-1]} {word}" if lines[-1] else word
                if fits(trial) or not lines[-1]:
                    lines[-1] = trial
                else:
                    lines.append(word)
    axes.set_title("\n".join(lines), fontsize=fontsize, loc="left")


def set_year_ticks(figure, axes, years, fontsize=8):
    """Every year a tick; labels level, every year if they stand clearly apart (a gap
    of about two digits), else the even years, then every fifth, tenth... (round years:
    the last one is often among them), so that each reads clearly."""
    renderer = figure.canvas.get_renderer()
    axes.set_xticks(years)
    for step in (1, 2, 5, 10, 20, 50, 100):
        axes.set_xticklabels([str(y) if y % step == 0 else "" for y in years],
                             fontsize=fontsize)
        texts = [t for t in axes.get_xticklabels() if t.get_visible() and t.get_text()]
        if _apart([t.get_window_extent(renderer) for t in texts], gap=14.0):
            return


def plot_appraise(directory, out):
    """A panel per appraised case (each investment, then any set): its yearly flows as
    bars, benefits up by part, costs down, the residual value credited in the last year,
    and the cumulative net flow as a line, undiscounted, in real prices of the first
    year (the price base); the title carries the NPV with its 95 % interval and the BCR."""
    cases = read_csv(os.path.join(directory, "appraise.csv"))
    flows = defaultdict(dict)
    for row in read_csv(os.path.join(directory, "appraise_years.csv")):
        flows[row["id"]][int(row["year"])] = {k: number(v) for k, v in row.items()
                                               if k not in ("id", "year")}
    cases = [c for c in cases if flows.get(c["id"])]
    if not cases:
        return []
    years = sorted({y for by_year in flows.values() for y in by_year})
    zero = {}  # a year a case has no row for

    def value(flow, column):
        v = flow.get(column, math.nan)
        return 0.0 if math.isnan(v) else v

    def credit(flow):
        """The residual value, a credit whichever sign the table gives it (a value
        left, or a negative cost)."""
        return abs(value(flow, "residual_musd"))

    drawn = []  # per case: its row, flows by year, cumulative net, highest and lowest drawn
    used = set()
    for case in cases:
        by_year = flows[case["id"]]
        tops, bottoms, cumulative, total = [], [], [], 0.0
        for year in years:
            flow = by_year.get(year, zero)
            up = sum(max(0.0, value(flow, c)) for c, _, _ in BENEFIT_PARTS) + \
                credit(flow)
            down = sum(min(0.0, value(flow, c)) for c, _, _ in BENEFIT_PARTS) - \
                sum(max(0.0, value(flow, c)) for c, _, _ in COST_PARTS)
            tops.append(up)
            bottoms.append(down)
            net = flow.get("net_musd", math.nan)
            total += up + down if math.isnan(net) else net
            cumulative.append(total)
        drawn.append((case, by_year, cumulative, max([0.0] + tops + cumulative),
                      min([0.0] + bottoms + cumulative)))
        extent = max(max(tops), -min(bottoms), 1e-9)
        for column, _, _ in BENEFIT_PARTS + COST_PARTS + [("residual_musd", None, None)]:
            # A part counts where it shows: a rounding residue of 1e-15 is not a CO2 gain.
            if any(abs(value(by_year.get(y, zero), column)) > 1e-3 * extent for y in years):
                used.add(column)
    spans = [high - low for _, _, _, high, low in drawn]
    shared = max(spans) <= SHARED_SCALE_RATIO * max(min(spans), 1e-9)
    # Each investment alone in two columns; a set of them ("a+b") below, the figure's
    # full width: its title names them all.
    singles = [d for d in drawn if "+" not in d[0]["id"]]
    sets = [d for d in drawn if "+" in d[0]["id"]]
    columns = 2 if len(singles) > 1 else 1
    lines = (len(singles) + columns - 1) // columns + len(sets)
    height = 2.7 * lines + 1.3
    figure = plt.figure(figsize=(12.0 if columns == 2 or sets else 7.0, height))
    grid = figure.add_gridspec(lines, columns)
    all_axes = []
    for index, _ in enumerate(singles + sets):
        if index < len(singles):
            place = grid[index // columns, index % columns]
        else:
            place = grid[(len(singles) + columns - 1) // columns + index - len(singles), :]
        # One span of years in every panel (set below), not a shared x axis: the narrow
        # panels may label fewer years than the wide one, and a shared axis would
        # carry one panel's labels to all.
        first = all_axes[0] if all_axes and shared else None
        all_axes.append(figure.add_subplot(place, sharey=first))
    drawn = singles + sets
    for axes, (case, by_year, cumulative, high, low) in zip(all_axes, drawn):
        up = [0.0] * len(years)
        down = [0.0] * len(years)
        for column, label, colour in BENEFIT_PARTS:
            values = [value(by_year.get(y, zero), column) for y in years]
            positive = [max(0.0, v) for v in values]
            negative = [min(0.0, v) for v in values]
            axes.bar(years, positive, bottom=up, width=0.75, color=colour, linewidth=0)
            axes.bar(years, negative, bottom=down, width=0.75, color=colour, linewidth=0)
            up = [a + b for a, b in zip(up, positive)]
            down = [a + b for a, b in zip(down, negative)]
        residual = [credit(by_year.get(y, zero)) for y in years]
        axes.bar(years, residual, bottom=up, width=0.75, **RESIDUAL)
        for column, label, colour in COST_PARTS:
            costs = [-max(0.0, value(by_year.get(y, zero), column)) for y in years]
            axes.bar(years, costs, bottom=down, width=0.75, color=colour, linewidth=0)
            down = [a + b for a, b in zip(down, costs)]
        axes.plot(years, cumulative, zorder=4, **CUMULATIVE)
        axes.axhline(0.0, color="#000000", linewidth=0.9, zorder=3)
        axes.grid(axis="y", alpha=0.3)
        axes.set_axisbelow(True)
        axes.set_xlim(years[0] - 0.6, years[-1] + 0.6)
        if not shared:
            span = high - low
            axes.set_ylim(low - 0.06 * span, high + 0.06 * span)
    if shared:
        high = max(d[3] for d in drawn)
        low = min(d[4] for d in drawn)
        all_axes[0].set_ylim(low - 0.06 * (high - low), high + 0.06 * (high - low))
    handles = [Patch(color=colour, label=f"benefit: {label}")
               for column, label, colour in BENEFIT_PARTS if column in used]
    if "residual_musd" in used:
        handles.append(Patch(**RESIDUAL, label="residual value (credited)"))
    handles += [Patch(color=colour, label=f"cost: {label}")
                for column, label, colour in COST_PARTS if column in used]
    handles.append(plt.Line2D([], [], **CUMULATIVE,
                              label=f"net flow, cumulative since {years[0]}"))
    base = years[0]
    figure.supylabel(f"million USD a year ({base} prices)", fontsize=10)
    # One line of the legend where it fits the figure's width, else two or three.
    most = 6 if figure.get_figwidth() >= 10 else 3
    legend_columns = math.ceil(len(handles) / math.ceil(len(handles) / most))
    legend_rows = (len(handles) + legend_columns - 1) // legend_columns
    header_in = 0.55 + 0.22 * legend_rows
    figure.tight_layout(rect=(0, 0, 1, 1.0 - header_in / height), h_pad=1.2, w_pad=1.5)
    # Titles are wrapped to the panels' final width, then the layout runs again for
    # their height; the year labels are fitted last, to the final axes.
    for axes, (case, _, _, _, _) in zip(all_axes, drawn):
        wrapped_title(figure, axes, appraisal_title(case), 9)
    figure.tight_layout(rect=(0, 0, 1, 1.0 - header_in / height), h_pad=1.2, w_pad=1.5)
    # Years under every panel: each reads on its own, however far from the bottom.
    for axes in all_axes:
        set_year_ticks(figure, axes, years)
    scale = "" if len(drawn) == 1 else " (one scale for all panels)" if shared else \
        " (each panel on its own scale)"
    figure.suptitle(f"Appraisal: costs and benefits by year, undiscounted, {base} prices"
                    f"{scale}", y=1.0 - 0.08 / height, va="top", fontsize=12,
                    fontweight="bold")
    figure.legend(handles=handles, loc="upper center", ncol=legend_columns, fontsize=8,
                  frameon=False, bbox_to_anchor=(0.5, 1.0 - 0.4 / height))
    return save(figure, out, "appraisal")


TABLE_CHARTS = {"transit": plot_transit, "time_split": plot_time_split, "queues": plot_queues,
                "map": plot_map, "map_difference": plot_map_difference,
                "periods": plot_periods}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    tables = sub.add_parser("tables", help="charts of a run or compare --csv DIR")
    tables.add_argument("directory")
    tables.add_argument("--out", help="where to write the charts (default: DIR)")
    tables.add_argument("--charts", help="only these charts, comma-separated "
                        f"(default: all of {', '.join(TABLE_CHARTS)})")
    sweep = sub.add_parser("sweep", help="throughput against the swept value")
    sweep.add_argument("file")
    sweep.add_argument("--out", help="where to write the chart, named after FILE "
                       "(default: beside FILE)")
    appraise = sub.add_parser("appraise", help="yearly costs and benefits of each case, "
                              "from appraise --csv DIR")
    appraise.add_argument("directory")
    appraise.add_argument("--out", help="where to write appraisal.png and .svg "
                          "(default: DIR)")
    args = parser.parse_args(argv)
    written = []
    if args.what == "tables":
        out = args.out or args.directory
        names = args.charts.split(",") if args.charts else list(TABLE_CHARTS)
        unknown = [n for n in names if n not in TABLE_CHARTS]
        if unknown:
            parser.error(f"no chart {', '.join(unknown)}; the charts: {', '.join(TABLE_CHARTS)}")
        for name in names:
            written += TABLE_CHARTS[name](args.directory, out)
    elif args.what == "appraise":
        written += plot_appraise(args.directory, args.out or args.directory)
    else:
        written += plot_sweep(args.file, args.out or os.path.dirname(os.path.abspath(args.file)))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
