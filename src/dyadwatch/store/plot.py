"""Charts of `Store.stats()`: an offline HTML page (plotly, its JavaScript embedded) or a PNG
(matplotlib: plotly's own PNG export needs kaleido and a browser, which dyadwatch does not ship)."""
from __future__ import annotations

from pathlib import Path

from ..extras import installed, require

TOP_PAIRS = 8


class PlotError(Exception):
    """A chart that cannot be written (unknown extension)."""


def _mode_label(mode: str | None) -> str:
    return mode or "not stated"


def _year_series(stats: dict) -> tuple[list[int], dict[str, list[int]]]:
    """Years, and per pair (the top pairs, the rest as "other") the count in each year."""
    years = [y["year"] for y in stats["years"]]
    top = [p["pair"] for p in stats["pairs"][:TOP_PAIRS]]
    series: dict[str, list[int]] = {p: [0] * len(years) for p in top}
    idx = {y: i for i, y in enumerate(years)}
    for row in stats["pair_years"]:
        name = row["pair"] if row["pair"] in series else "other"
        series.setdefault(name, [0] * len(years))[idx[row["year"]]] += row["count"]
    return years, series


def _title(stats: dict) -> str:
    what = {"meeting": "Meetings", None: "Events"}.get(stats.get("kind"), f"Events ({stats.get('kind')})")
    return f"{what}: {stats.get('selected', 0)} in a store of {stats.get('events', 0)} events, " \
           f"{stats.get('documents', 0)} documents"


def write_html(stats: dict, path: str | Path) -> None:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    what = "meetings" if stats.get("kind") == "meeting" else "events"
    fig = make_subplots(rows=3, cols=1, vertical_spacing=0.08,
                        subplot_titles=(f"{what.capitalize()} per pair", f"{what.capitalize()} per year",
                                        f"{what.capitalize()} per mode"))
    pairs = list(reversed(stats["pairs"][:30]))
    fig.add_trace(go.Bar(x=[p["count"] for p in pairs], y=[p["pair"] for p in pairs], orientation="h",
                         name="per pair", showlegend=False), row=1, col=1)
    years, series = _year_series(stats)
    for name, counts in series.items():
        fig.add_trace(go.Bar(x=[str(y) for y in years], y=counts, name=name, legendgroup="years"), row=2, col=1)
    fig.add_trace(go.Bar(x=[_mode_label(m["mode"]) for m in stats["modes"]], y=[m["count"] for m in stats["modes"]],
                         name="per mode", showlegend=False), row=3, col=1)
    fig.update_layout(barmode="stack", title=_title(stats), height=max(900, 300 + 22 * len(pairs) + 600),
                      template="plotly_white")
    fig.write_html(str(path), include_plotlyjs=True, full_html=True)


def matplotlib_available() -> bool:
    return installed("plot")


def write_png(stats: dict, path: str | Path) -> None:
    # plotly's own PNG export would need kaleido; an HTML chart (--plot stats.html) needs nothing
    require("plot", "a PNG chart (an HTML one, --plot stats.html, does not)")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    what = "meetings" if stats.get("kind") == "meeting" else "events"
    pairs = list(reversed(stats["pairs"][:30]))
    fig, axes = plt.subplots(3, 1, figsize=(10, max(10, 6 + 0.25 * len(pairs))))
    ax = axes[0]
    ax.barh([p["pair"] for p in pairs], [p["count"] for p in pairs])
    ax.set_title(f"{what.capitalize()} per pair")
    years, series = _year_series(stats)
    ax = axes[1]
    bottom = [0] * len(years)
    for name, counts in series.items():
        ax.bar([str(y) for y in years], counts, bottom=bottom, label=name)
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_title(f"{what.capitalize()} per year")
    if series:
        ax.legend(fontsize="small", ncol=3)
    ax = axes[2]
    ax.bar([_mode_label(m["mode"]) for m in stats["modes"]], [m["count"] for m in stats["modes"]])
    ax.set_title(f"{what.capitalize()} per mode")
    fig.suptitle(_title(stats))
    fig.tight_layout()
    fig.savefig(str(path), dpi=120)
    plt.close(fig)


def write_plot(stats: dict, path: str | Path) -> None:
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        write_html(stats, path)
    elif suffix == ".png":
        write_png(stats, path)
    else:
        raise PlotError(f"unknown chart type {suffix or '(none)'!r}: use FILE.html or FILE.png")
