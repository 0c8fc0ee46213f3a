"""Plotly figures for the pages, built in Python and handed to the bundled plotly.js as JSON.

The pages embed each figure with Jinja2's `tojson` filter inside a
`<script type="application/json">` block (HTML-safe escaping), and `static/charts.js` draws
it. Plotly interprets a few HTML-like tags in hover text, so every string that comes from an
article (names, places) is HTML-escaped before it goes into a figure."""
from __future__ import annotations

import html
import json
import math
from collections import Counter
from itertools import combinations
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from .names import country_name

PALETTE = ["#2f5d8a", "#c0504d", "#5b9a52", "#8064a2", "#d08a2a", "#3fa0a8", "#9c6b4e", "#6b6b6b",
           "#b5527e", "#7f9c2f", "#4f6fd0", "#a33f3f"]
MODE_STYLE = {"in_person": ("#2f5d8a", "circle"), "video": ("#5b9a52", "square"),
              "phone": ("#d08a2a", "diamond"), None: ("#6b6b6b", "circle-open")}
BASE_LAYOUT = dict(template="plotly_white", font=dict(family="system-ui, sans-serif", size=13),
                   margin=dict(l=40, r=20, t=30, b=40))


def esc(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def to_spec(fig: go.Figure) -> dict[str, Any]:
    return json.loads(pio.to_json(fig, validate=False))


def _edges_and_nodes(pairs: list[dict[str, Any]]) -> tuple[Counter, Counter]:
    weights: Counter = Counter()
    totals: Counter = Counter()
    for p in pairs:
        codes = sorted(set(str(p["pair"]).split("-")))
        for c in codes:
            totals[c] += p["count"]
        for a, b in combinations(codes, 2):
            weights[(a, b)] += p["count"]
    return weights, totals


def network_figure(stats: dict[str, Any]) -> dict[str, Any] | None:
    """Countries on a circle, one line per pair of countries that met (width ~ meetings)."""
    weights, totals = _edges_and_nodes(stats.get("pairs") or [])
    if not totals:
        return None
    nodes = sorted(totals, key=lambda c: (-totals[c], c))
    n = len(nodes)
    pos = {c: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
           for i, c in enumerate(nodes)}
    if n == 1:
        pos = {nodes[0]: (0.0, 0.0)}
    fig = go.Figure()
    wmax = max(weights.values(), default=1)
    for (a, b), w in sorted(weights.items(), key=lambda kv: kv[1]):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        fig.add_trace(go.Scatter(x=[xa, xb], y=[ya, yb], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=1.5 + 8.5 * w / wmax, color="rgba(47,93,138,0.45)")))
    if weights:
        mids = sorted(weights.items())
        fig.add_trace(go.Scatter(
            x=[(pos[a][0] + pos[b][0]) / 2 for (a, b), _ in mids],
            y=[(pos[a][1] + pos[b][1]) / 2 for (a, b), _ in mids],
            mode="markers", marker=dict(size=14, color="rgba(0,0,0,0)"), showlegend=False, name="pairs",
            hovertext=[f"{esc(a)}–{esc(b)}: {w} meeting{'s' if w != 1 else ''}" for (a, b), w in mids],
            hoverinfo="text", customdata=[f"/?pair={a},{b}" for (a, b), _ in mids]))
    tmax = max(totals.values())
    fig.add_trace(go.Scatter(
        x=[pos[c][0] for c in nodes], y=[pos[c][1] for c in nodes], mode="markers+text", name="countries",
        text=nodes, textposition=[_outward(*pos[c]) for c in nodes], textfont=dict(size=14, color="#1d2733"),
        marker=dict(size=[16 + 26 * math.sqrt(totals[c] / tmax) for c in nodes], color="#c0504d", opacity=1,
                    line=dict(width=1.5, color="#ffffff")),
        hovertext=[f"{esc(country_name(c))} ({esc(c)}): {totals[c]} meeting{'s' if totals[c] != 1 else ''}"
                   for c in nodes],
        hoverinfo="text", customdata=[f"/?country={c}" for c in nodes], showlegend=False))
    axis = dict(visible=False, range=[-1.45, 1.45], fixedrange=True)
    fig.update_layout(**BASE_LAYOUT, height=480, showlegend=False, xaxis=axis,
                      yaxis=dict(axis, scaleanchor="x", scaleratio=1), hovermode="closest")
    return to_spec(fig)


def _outward(x: float, y: float) -> str:
    v = "top" if y > 0.3 else "bottom" if y < -0.3 else "middle"
    h = "right" if x > 0.3 else "left" if x < -0.3 else "center"
    if v == "middle" and h == "center":
        v = "top"
    return f"{v} {h}"


def years_figure(stats: dict[str, Any], top: int = 10) -> dict[str, Any] | None:
    """Meetings per year, one bar series per pair (the `top` largest; the rest as 'other')."""
    rows = stats.get("pair_years") or []
    if not rows:
        return None
    totals: Counter = Counter()
    for r in rows:
        totals[r["pair"]] += r["count"]
    keep = [p for p, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    years = sorted({r["year"] for r in rows if r["year"] is not None})
    series: dict[str, Counter] = {p: Counter() for p in keep}
    other: Counter = Counter()
    for r in rows:
        (series[r["pair"]] if r["pair"] in series else other)[r["year"]] += r["count"]
    fig = go.Figure()
    for i, p in enumerate(keep + (["other"] if other else [])):
        c = series.get(p, other)
        fig.add_trace(go.Bar(name=p.replace("-", "–"), x=[str(y) for y in years], y=[c[y] for y in years],
                             marker_color=PALETTE[i % len(PALETTE)],
                             hovertemplate=f"{esc(p)} %{{x}}: %{{y}}<extra></extra>"))
    per_year: Counter[int] = Counter()
    for r in rows:
        per_year[r["year"]] += r["count"]
    yaxis: dict[str, Any] = dict(title="meetings", rangemode="tozero", tickformat="d")
    if max(per_year.values(), default=0) <= 10:
        yaxis["dtick"] = 1
    fig.update_layout(**BASE_LAYOUT, height=420, barmode="stack",
                      xaxis=dict(title="year", type="category"), yaxis=yaxis,
                      legend=dict(orientation="h", y=-0.2))
    return to_spec(fig)


def _plot_date(date: str) -> str:
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def person_figure(person: dict[str, Any]) -> dict[str, Any] | None:
    """A person's events over time: x = date, y = the other side(s), colour/symbol = mode."""
    events = person.get("events") or []
    if not events:
        return None
    own = person.get("country")
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for ev in events:
        if not ev.get("date"):
            continue  # an undated event has no place on a time axis
        groups.setdefault(ev.get("mode") if ev.get("mode") in MODE_STYLE else None, []).append(ev)
    fig = go.Figure()
    for mode, evs in groups.items():
        color, symbol = MODE_STYLE[mode]
        ys, hover = [], []
        for ev in evs:
            others = [c for c in ev.get("countries") or [] if c != own] or list(ev.get("countries") or [])
            ys.append(", ".join(others) or "?")
            with_whom = [p["name"] for p in ev.get("participants") or [] if p.get("name") != person.get("name")]
            place = (ev.get("location") or {}).get("name")
            bits = [esc(ev.get("date")), esc(ev.get("kind")) + (f" ({esc(mode)})" if mode else "")]
            if place:
                bits.append(esc(place))
            if ev.get("setting"):
                bits.append(esc(ev["setting"]))
            if with_whom:
                bits.append("with " + esc(", ".join(with_whom[:4])))
            hover.append("<br>".join(bits))
        fig.add_trace(go.Scatter(
            x=[_plot_date(ev["date"]) for ev in evs], y=ys, mode="markers", name=(mode or "not stated").replace("_", " "),
            marker=dict(size=14, color=color, symbol=symbol, line=dict(width=1, color="#ffffff")),
            hovertext=hover, hoverinfo="text", customdata=[f"/events/{ev['id']}" for ev in evs]))
    fig.update_layout(**BASE_LAYOUT, height=320, xaxis=dict(title="date", type="date"),
                      yaxis=dict(title="with", type="category"), legend=dict(orientation="h", y=-0.3),
                      hovermode="closest")
    return to_spec(fig)
