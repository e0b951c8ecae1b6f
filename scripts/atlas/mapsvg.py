"""Static SVG maps: the world map by status (or by expression laws), and a small locator.

No JavaScript is needed to read them. Every country with a page is a link with an
accessible name; small states also get a round marker so they can be seen and clicked.
Categories never rely on colour alone: patterns and the legend's words carry them too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from .enrich import Dataset, EnrichedCountry
from .vocab import N_

# The real checkout (resolve symlinks): test roots share the committed geometry.
GEOMETRY = Path(__file__).resolve().parents[2] / "data" / "geo" / "world.json"

STATUS_LAYER = {  # English msgids, translated where shown
    "death": N_("Criminalized; death penalty possible or prescribed"),
    "criminalized": N_("Criminalized"),
    "de_facto": N_("Criminalized in practice (de facto)"),
    "not_criminalized": N_("Not criminalized"),
    "no_data": N_("No data yet"),
}
EXPRESSION_LAYER = {
    "both": N_("“Propaganda” law and gender-expression law"),
    "propaganda": N_("“Propaganda” or “promotion” law"),
    "gender": N_("Law against gender expression"),
    "none_recorded": N_("None recorded"),
    "no_data": N_("No data yet"),
}
# Fill, pattern stroke. Okabe–Ito based, safe for common colour-vision deficiencies.
STYLE = {
    "death": ("#8f1d14", "#ffffff"),
    "criminalized": ("#e69f00", None),
    "de_facto": ("#f0e442", "#6b5d00"),
    "not_criminalized": ("#56b4e9", None),
    "no_data": ("#f4f4f4", "#9aa0a6"),
    "both": ("#8f1d14", "#ffffff"),
    "propaganda": ("#cc79a7", None),
    "gender": ("#0072b2", "#ffffff"),
    "none_recorded": ("#d9e6ee", None),
}


@lru_cache(maxsize=1)
def geometry() -> dict:
    return json.loads(GEOMETRY.read_text("utf-8"))


def status_category(e: EnrichedCountry | None) -> str:
    if e is None:
        return "no_data"
    if e.criminalizes and e.country.death_penalty.status != "none":
        return "death"
    return {"criminalized": "criminalized", "de_facto_criminalized": "de_facto"}.get(e.status, "not_criminalized")


def expression_category(e: EnrichedCountry | None) -> str:
    if e is None:
        return "no_data"
    prop = bool(e.propaganda_laws_in_force)
    gender = bool(e.gender_expression_laws_in_force)
    return "both" if prop and gender else "propaganda" if prop else "gender" if gender else "none_recorded"


def _defs(prefix: str) -> str:
    """Patterns: the categories differ by texture as well as colour."""
    out = []
    for key, (fill, ink) in STYLE.items():
        if ink is None:
            continue
        mark = {
            "death": f'<path d="M0 0L6 6M6 0L0 6" stroke="{ink}" stroke-width="1.1"/>',
            "both": f'<path d="M0 0L6 6M6 0L0 6" stroke="{ink}" stroke-width="1.1"/>',
            "de_facto": f'<circle cx="3" cy="3" r="1.1" fill="{ink}"/>',
            "no_data": f'<path d="M0 6L6 0" stroke="{ink}" stroke-width=".8"/>',
            "gender": f'<path d="M0 3H6" stroke="{ink}" stroke-width="1.1"/>',
        }[key]
        out.append(
            f'<pattern id="{prefix}-{key}" width="6" height="6" patternUnits="userSpaceOnUse">'
            f'<rect width="6" height="6" fill="{fill}"/>{mark}</pattern>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _fill(prefix: str, key: str) -> str:
    fill, ink = STYLE[key]
    return f"url(#{prefix}-{key})" if ink else fill


def _style(prefix: str, keys) -> str:
    rules = [f".{prefix}-{k}{{fill:{_fill(prefix, k)}}}" for k in keys]
    return "<style>" + "".join(rules) + f".{prefix} path,.{prefix} circle{{stroke:#3c3c3c;stroke-width:.35}}.{prefix} circle{{stroke-width:.8}}.{prefix} a:focus path,.{prefix} a:focus circle,.{prefix} a:hover path,.{prefix} a:hover circle{{stroke:#000;stroke-width:1.5}}</style>"


def _identity(text: str) -> str:
    return text


def _english_name(country) -> str:
    return country.name


def world_map(data: Dataset, root: str, layer: str = "status", *, name=_english_name, gettext=_identity) -> Markup:
    labels = {k: gettext(v) for k, v in (STATUS_LAYER if layer == "status" else EXPRESSION_LAYER).items()}
    categorize = status_category if layer == "status" else expression_category
    prefix = f"ra-map-{layer}"
    geo = geometry()
    by_code = {e.iso2: e for e in data.countries}
    shapes, markers = [], []
    for code, shape in geo["countries"].items():
        e = by_code.get(code)
        key = categorize(e)
        body = f'<path class="{prefix}-{key}" d="{shape["d"]}"/>' if shape["d"] else ""
        marker = (
            f'<circle class="{prefix}-{key}" cx="{shape["marker"][0]}" cy="{shape["marker"][1]}" r="3.2"/>'
            if "marker" in shape and e is not None else ""
        )
        if e is None:
            shapes.append(body)
            continue
        label = gettext("%(country)s: %(status)s") % {"country": name(e.country), "status": labels[key]}
        link = f'<a href="{escape(root + e.url[1:])}" aria-label="{escape(label)}"><title>{escape(label)}</title>'
        shapes.append(link + body + "</a>")
        if marker:
            markers.append(link + marker + "</a>")
    title = gettext("World map: legal status of same-sex acts") if layer == "status" else gettext("World map: laws on “propaganda” and gender expression")
    svg = (
        f'<svg class="ra-map {prefix}" viewBox="0 0 {geo["width"]:g} {geo["height"]:g}" role="group" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        + _style(prefix, labels) + _defs(prefix)
        + f'<rect width="{geo["width"]:g}" height="{geo["height"]:g}" fill="#fff"/>'
        + "".join(shapes) + "".join(markers) + "</svg>"
    )
    return Markup(svg)


def legend(layer: str = "status", *, gettext=_identity) -> Markup:
    labels = {k: gettext(v) for k, v in (STATUS_LAYER if layer == "status" else EXPRESSION_LAYER).items()}
    prefix = f"ra-map-{layer}"
    items = []
    for key, label in labels.items():
        swatch = (
            f'<svg width="28" height="16" aria-hidden="true" focusable="false"><defs>'
            f'{_defs(prefix + "-lg").replace("<defs>", "").replace("</defs>", "")}</defs>'
            f'<rect width="28" height="16" fill="{_fill(prefix + "-lg", key)}" stroke="#3c3c3c"/></svg>'
        )
        items.append(f'<li>{swatch} {escape(label)}</li>')
    return Markup('<ul class="ra-legend">' + "".join(items) + "</ul>")


_TOKEN = re.compile(r"([Mlz])([^Mlz]*)")


@lru_cache(maxsize=512)
def _rings(d: str) -> list[list[tuple[float, float]]]:
    """Parse our own path data (M x y, then l dx dy ..., z) into absolute rings."""
    rings, ring, x, y = [], [], 0.0, 0.0
    for cmd, args in _TOKEN.findall(d):
        nums = [float(n) for n in args.split()]
        if cmd == "M":
            x, y = nums[0], nums[1]
            ring = [(x, y)]
        elif cmd == "l":
            for i in range(0, len(nums), 2):
                x, y = x + nums[i], y + nums[i + 1]
                ring.append((x, y))
        else:
            rings.append(ring)
    return rings


def compact_path(d: str, box: tuple[float, float, float, float], tol: float) -> str:
    """Path data for a small map: points far outside ``box`` are clamped to its edge, points
    closer than ``tol`` to the last kept one dropped, coordinates rounded to ``tol``."""
    x0, y0, x1, y1 = box
    digits = 0 if tol >= 1 else 1
    out = []
    for ring in _rings(d):
        kept: list[tuple[float, float]] = []
        for px, py in ring:
            p = (round(min(max(px, x0), x1), digits), round(min(max(py, y0), y1), digits))
            if not kept or abs(p[0] - kept[-1][0]) + abs(p[1] - kept[-1][1]) >= tol:
                kept.append(p)
        if len(kept) < 3:
            continue
        xs, ys = [p[0] for p in kept], [p[1] for p in kept]
        if max(xs) - min(xs) < tol and max(ys) - min(ys) < tol:
            continue
        parts = [f"M{kept[0][0]:g} {kept[0][1]:g}"]
        parts += [f"l{round(b[0] - a[0], digits):g} {round(b[1] - a[1], digits):g}" for a, b in zip(kept, kept[1:])]
        out.append("".join(parts) + "z")
    return "".join(out)


def locator(data: Dataset, e: EnrichedCountry, *, gettext=_identity, name=_english_name) -> Markup:
    """A small map of the country and its surroundings, the country highlighted."""
    drawing = _locator_drawing(e.iso2)
    if drawing is None:
        return Markup("")
    view, inner = drawing
    label = gettext("Map showing where %(country)s is") % {"country": name(e.country)}
    return Markup(
        f'<svg class="ra-locator" viewBox="{view}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">{inner}</svg>'
    )


@lru_cache(maxsize=None)
def _locator_drawing(code: str) -> tuple[str, str] | None:
    """The locator's geometry, the same in every language: computed once per code."""
    geo = geometry()
    shape = geo["countries"].get(code)
    if shape is None:
        return None
    x0, y0, x1, y1 = shape["bbox"]
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max(x1 - x0, 2 * (y1 - y0), 40) * 1.8
    h = w / 2
    vx0, vy0 = cx - w / 2, cy - h / 2
    box = (vx0 - w / 4, vy0 - h / 4, vx0 + w * 1.25, vy0 + h * 1.25)
    tol = max(w / 180, 0.2)
    paths = []
    for other_code, other in geo["countries"].items():
        if not other["d"] or other_code == code:
            continue
        bx0, by0, bx1, by1 = other["bbox"]
        if bx1 < vx0 or bx0 > vx0 + w or by1 < vy0 or by0 > vy0 + h:
            continue
        paths.append(f'<path d="{compact_path(other["d"], box, tol)}"/>')
    own = f'<path class="ra-loc-self" d="{compact_path(shape["d"], box, tol / 2)}"/>' if shape["d"] else ""
    ring = ""
    if "marker" in shape:
        ring = f'<circle class="ra-loc-self" cx="{shape["marker"][0]}" cy="{shape["marker"][1]}" r="{w / 40:.1f}"/>'
    inner = (
        f'<rect x="{vx0:.1f}" y="{vy0:.1f}" width="{w:.1f}" height="{h:.1f}" fill="#eef3f7"/>'
        f'<g fill="#d5d9de" stroke="#fff" stroke-width=".3">{"".join(paths)}</g>'
        f'<g fill="#1d3a5f" stroke="#1d3a5f" stroke-width=".3">{own}{ring}</g>'
    )
    return f"{vx0:.1f} {vy0:.1f} {w:.1f} {h:.1f}", inner
