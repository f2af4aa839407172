#!/usr/bin/python3
"""Charts from corridor's CSV tables, as PNG and SVG, for reports.

    tools/plot.py tables DIR [--out OUT]      charts of `corridor run|compare --csv DIR`
    tools/plot.py sweep FILE [--out OUT]      throughput against the swept value
                                              (`corridor sweep --csv FILE`)

Charts of a tables directory:
    transit       transit-time distribution per origin-destination, a box per scenario
    time_split    where the days go: moving, queueing, dwell, consolidation per pair
    queues        end-of-day queue and handled/capacity at the busiest nodes, closures shaded
    map           the corridor from node longitude/latitude: link width is throughput,
                  colour is utilization (first scenario)
    map_difference  the second scenario's link throughput minus the first's (two or more)

Each chart is written as OUT/NAME.png and OUT/NAME.svg (OUT defaults to DIR). Needs
python3-matplotlib and python3-numpy (Debian); standard library otherwise. Colours are
the Okabe-Ito palette and the cividis and PuOr colour maps, readable with colour-vision
deficiencies.
"""

import argparse
import csv
import math
import os
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
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


def pairs_in(rows):
    seen = []
    for row in rows:
        pair = (row["origin"], row["destination"])
        if pair not in seen:
            seen.append(pair)
    return seen


def averaged(rows, keys, columns):
    """Mean of each column over replications, per key tuple."""
    groups = defaultdict(list)
    for row in rows:
        groups[tuple(row[k] for k in keys)].append(row)
    return {key: {c: mean([number(r[c]) for r in group]) for c in columns}
            for key, group in groups.items()}


def plot_transit(directory, out):
    rows = read_csv(os.path.join(directory, "od.csv"))
    scenarios, pairs = scenarios_in(rows), pairs_in(rows)
    columns = ["transit_mean_days", "transit_p05_days", "transit_p25_days", "transit_p50_days",
               "transit_p75_days", "transit_p95_days"]
    stats = averaged(rows, ["scenario", "origin", "destination"], columns)
    figure, axes = plt.subplots(
        figsize=(min(12.0, max(7.0, 0.55 * len(pairs) * len(scenarios) + 3.0)), 4.8))
    width = 0.8 / len(scenarios)
    for s, scenario in enumerate(scenarios):
        boxes, positions = [], []
        for p, (origin, destination) in enumerate(pairs):
            v = stats.get((scenario, origin, destination))
            if v is None or math.isnan(v["transit_p50_days"]):
                continue
            boxes.append({"whislo": v["transit_p05_days"], "q1": v["transit_p25_days"],
                          "med": v["transit_p50_days"], "q3": v["transit_p75_days"],
                          "whishi": v["transit_p95_days"], "mean": v["transit_mean_days"],
                          "fliers": []})
            positions.append(p + (s - (len(scenarios) - 1) / 2) * width)
        colour = OKABE_ITO[s % len(OKABE_ITO)]
        axes.bxp(boxes, positions=positions, widths=width * 0.85, showmeans=True,
                 patch_artist=True, manage_ticks=False,
                 boxprops={"facecolor": colour, "alpha": 0.55, "edgecolor": colour},
                 medianprops={"color": "black"}, whiskerprops={"color": colour},
                 capprops={"color": colour},
                 meanprops={"marker": "D", "markerfacecolor": "white",
                            "markeredgecolor": "black", "markersize": 4})
    axes.set_xticks(range(len(pairs)))
    axes.set_xticklabels([f"{o}\n→ {d}" for o, d in pairs], fontsize=8)
    axes.set_ylabel("transit time (days)")
    axes.set_ylim(bottom=0)
    axes.set_title("Transit time per origin–destination")
    axes.grid(axis="y", alpha=0.3)
    handles = [Patch(facecolor=OKABE_ITO[s % len(OKABE_ITO)], alpha=0.55, label=scenario)
               for s, scenario in enumerate(scenarios)]
    axes.legend(handles=handles, title="scenario", fontsize=8, loc="upper left",
                bbox_to_anchor=(1.0, 1.0))
    axes.text(1.0, -0.22, "box: 25th–75th percentile, line: median, ◇: mean, "
              "whiskers: 5th–95th percentile", transform=axes.transAxes, ha="right",
              fontsize=7, color="#444444")
    return save(figure, out, "transit")


def plot_time_split(directory, out):
    rows = read_csv(os.path.join(directory, "od.csv"))
    scenarios, pairs = scenarios_in(rows), pairs_in(rows)
    stats = averaged(rows, ["scenario", "origin", "destination"], [p[0] for p in PHASES])
    labels, values = [], []
    for origin, destination in pairs:
        for scenario in scenarios:
            v = stats.get((scenario, origin, destination))
            if v is None or math.isnan(v["moving_days"]):
                continue
            label = f"{origin} → {destination}"
            labels.append(label if len(scenarios) == 1 else f"{label} ({scenario})")
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


def plot_queues(directory, out, count=3):
    nodes = read_csv(os.path.join(directory, "nodes.csv"))
    series = read_csv(os.path.join(directory, "timeseries.csv"))
    scenario = scenarios_in(nodes)[-1]  # an alternative, where there is one
    nodes = [r for r in nodes if r["scenario"] == scenario and r["replication"] == "0"]
    busiest = sorted((r for r in nodes if r["utilization"]),
                     key=lambda r: -number(r["utilization"]))[:count]
    closed_days = set()
    queue, handled = defaultdict(dict), defaultdict(dict)
    for row in series:
        if row["scenario"] != scenario or row["replication"] != "0":
            continue
        day = int(row["day"])
        if row["kind"] == "link" and number(row["closed_h"]) > 0:
            closed_days.add(day)
        elif row["kind"] == "node":
            queue[row["id"]][day] = number(row["queue_lots"])
            handled[row["id"]][day] = number(row["throughput_t"])
    figure, all_axes = plt.subplots(len(busiest), 1, figsize=(9.0, 2.4 * len(busiest) + 0.6),
                                    sharex=True, squeeze=False)
    for axes, node in zip(all_axes[:, 0], busiest):
        days = sorted(queue[node["node"]])
        for day in sorted(closed_days):
            axes.axvspan(day, day + 1, color="#999999", alpha=0.25, linewidth=0)
        axes.plot(days, [queue[node["node"]][d] for d in days], color=OKABE_ITO[0],
                  linewidth=1.2, label="queue at day's end (lots)")
        axes.set_ylabel("lots waiting")
        axes.set_ylim(bottom=0)
        capacity_t_per_day = number(node["capacity_mtpa"]) * 1e6 / 365.0
        title = f"{node['name']} — mean utilization {number(node['utilization']) * 100:.0f} %"
        axes.set_title(title, fontsize=10, loc="left")
        if not math.isnan(capacity_t_per_day) and capacity_t_per_day > 0:
            share = axes.twinx()
            share.plot(days, [handled[node["node"]][d] / capacity_t_per_day * 100 for d in days],
                       color=OKABE_ITO[1], linewidth=0.8, alpha=0.9,
                       label="handled / capacity (%)")
            share.set_ylabel("handled / capacity (%)")
            share.set_ylim(0, max(110, share.get_ylim()[1]))
            share.spines["right"].set_visible(True)
    all_axes[-1, 0].set_xlabel("day of the run")
    handles = [plt.Line2D([], [], color=OKABE_ITO[0], label="queue at day's end (lots)"),
               plt.Line2D([], [], color=OKABE_ITO[1], label="handled / capacity (%)")]
    if closed_days:
        handles.append(Patch(color="#999999", alpha=0.25, label="a link closed (storm or event)"))
    figure.legend(handles=handles, loc="upper center", ncol=len(handles), fontsize=8,
                  frameon=False, bbox_to_anchor=(0.5, 1.0))
    figure.suptitle(f"Queues at the busiest nodes — {scenario}", y=1.04, fontsize=12,
                    fontweight="bold")
    figure.tight_layout()
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
    for axes in all_axes.flat[len(shown):]:
        axes.set_visible(False)
    for axes in all_axes[-1, :]:
        axes.set_xticks(x)
        axes.set_xticklabels(periods, rotation=90 if len(periods) > 8 else 0, fontsize=7)
    handles = [Patch(color=OKABE_ITO[5], label="throughput, saturated then (binds)"),
               Patch(color=OKABE_ITO[2], label="throughput"),
               plt.Line2D([], [], color="#222222", label="effective capacity in force")]
    figure.legend(handles=handles, loc="upper center", ncol=3, fontsize=8, frameon=False,
                  bbox_to_anchor=(0.5, 1.0))
    figure.suptitle(f"What binds, period by period — {scenario}", y=1.05, fontsize=12,
                    fontweight="bold")
    figure.tight_layout()
    return save(figure, out, "periods")


def corridor_geometry(directory, scenario):
    nodes = [r for r in read_csv(os.path.join(directory, "nodes.csv"))
             if r["scenario"] == scenario and r["replication"] == "0"]
    where = {r["node"]: (number(r["lon"]), number(r["lat"])) for r in nodes
             if not math.isnan(number(r["lon"]))}
    return nodes, where


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
    """Labels beside their points, each at the first of eight offsets that overlaps
    no label already placed."""
    renderer = figure.canvas.get_renderer()
    offsets = [(5, 4, "left"), (5, -11, "left"), (-5, 4, "right"), (-5, -11, "right"),
               (0, 8, "center"), (0, -16, "center"), (9, -3, "left"), (-9, -3, "right")]
    placed = []
    for text, (x, y) in labels:
        for dx, dy, align in offsets:
            note = axes.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points",
                                 fontsize=7, ha=align, zorder=4,
                                 bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                       "alpha": 0.75})
            box = note.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            note.remove()
        else:  # nowhere free: the first place, overlapping
            note = axes.annotate(text, (x, y), xytext=(5, 4), textcoords="offset points",
                                 fontsize=7, zorder=4)
            placed.append(note.get_window_extent(renderer))


def map_panels(segments, widths, values, cmap, limits, where, nodes, title):
    """An overview map and, where nodes crowd, a zoomed panel below it. `values` of None
    draw grey (no colour value, e.g. an uncapped link). Returns the figure and the line
    collection that carries the colour scale."""
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
        points = [where[n["node"]] for n in nodes if n["node"] in where]
        axes.scatter([p[0] for p in points], [p[1] for p in points], s=16, color="black",
                     zorder=3)
        axes.set_xlabel("longitude (°E)")
        axes.set_ylabel("latitude (°N)")
        axes.grid(alpha=0.2)
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
    all_axes[0, 0].set_title(title)
    figure.tight_layout()
    for index, axes in enumerate(all_axes[:, 0]):
        labels = [(n["name"], where[n["node"]]) for n in nodes if n["node"] in where and
                  (index == 1 or not inside(box, where[n["node"]]))]
        place_labels(figure, axes, labels)
    return figure, all_axes, coloured


def throughput_legend(axes, scale):
    for mtpa in (1, 5):
        # Butt caps keep a thick sample inside the legend frame.
        axes.plot([], [], color="#555555", linewidth=0.6 + scale * mtpa, label=f"{mtpa} Mt/yr",
                  solid_capstyle="butt")
    axes.plot([], [], color="#BBBBBB", linewidth=2, label="no capacity set",
              solid_capstyle="butt")
    axes.legend(loc="lower left", fontsize=7, title="throughput", title_fontsize=7,
                handlelength=3.5, labelspacing=1.0)


def plot_map(directory, out):
    scenario = scenarios_in(read_csv(os.path.join(directory, "nodes.csv")))[0]
    nodes, where = corridor_geometry(directory, scenario)
    ends, stats = link_throughput(directory, scenario)
    segments, widths, values = [], [], []
    for link, (a, b) in ends.items():
        if a in where and b in where:
            segments.append([where[a], where[b]])
            widths.append(0.6 + 1.8 * stats[(link,)]["throughput_mtpa"])
            utilization = stats[(link,)]["utilization"]
            values.append(None if math.isnan(utilization) else utilization)
    figure, all_axes, lines = map_panels(
        segments, widths, values, "cividis", (0.0, 1.0), where, nodes,
        f"Corridor flows — {scenario}: width is throughput, colour is utilization")
    bar = figure.colorbar(lines, ax=list(all_axes[:, 0]), shrink=0.6, pad=0.02)
    bar.set_label("link utilization")
    throughput_legend(all_axes[-1, 0], 1.8)
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
    figure, all_axes, lines = map_panels(
        segments, widths, changes, "PuOr", (-limit, limit), where, nodes,
        f"Change in flows — {alternative} against {base}")
    bar = figure.colorbar(lines, ax=list(all_axes[:, 0]), shrink=0.6, pad=0.02)
    bar.set_label("change in link throughput (Mt/yr)")
    return save(figure, out, "map_difference")


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


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    tables = sub.add_parser("tables", help="charts of a run or compare --csv DIR")
    tables.add_argument("directory")
    tables.add_argument("--out", help="where to write the charts (default: DIR)")
    sweep = sub.add_parser("sweep", help="throughput against the swept value")
    sweep.add_argument("file")
    sweep.add_argument("--out", help="where to write the chart, named after FILE "
                       "(default: beside FILE)")
    args = parser.parse_args(argv)
    written = []
    if args.what == "tables":
        out = args.out or args.directory
        for plot in (plot_transit, plot_time_split, plot_queues, plot_map, plot_map_difference,
                     plot_periods):
            written += plot(args.directory, out)
    else:
        written += plot_sweep(args.file, args.out or os.path.dirname(os.path.abspath(args.file)))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
