"""Regenerate data/geo/world.json from Natural Earth (npm package world-atlas).

Run `make geometry` after `npm ci`. The output is committed: the build never reads
node_modules. Shapes come from the 1:110m file; countries missing from it (small island
states) come from 1:50m; any UN member missing from both gets a marker at its capital.
Coordinates are projected with the Equal Earth projection and rounded to 0.1 unit on a
1000-unit-wide map.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pycountry

ROOT = Path(__file__).absolute().parents[2]
SOURCE = ROOT / "node_modules" / "world-atlas"
OUTPUT = ROOT / "data" / "geo" / "world.json"
WIDTH = 1000.0
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX, Y_MAX = 2.7066297319215575, 1.3173627591574133
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)
NAMES = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}  # no ISO numeric in the source
SKIP = {"010"}  # Antarctica
SMALL = 7.0  # countries smaller than this (map units) also get a marker
# UN members absent from both files: marker at the capital (longitude, latitude).
CAPITALS = {"TV": (179.19, -8.52)}


def project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2, t6 = theta * theta, theta ** 6
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) would draw a line across the whole
    map; fold the few points on the far side onto the 180° edge instead."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:])):
        return ring
    east = sum(lon > 0 for lon, _ in ring) >= len(ring) / 2
    return [((180.0 if east else -180.0) if (lon < 0) == east else lon, lat) for lon, lat in ring]


def path_data(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in map(unwrap, rings):
        projected = []
        for lon, lat in ring:
            p = project(lon, lat)
            if not projected or p != projected[-1]:
                projected.append(p)
        if len(projected) < 3:
            continue
        cmd = [f"M{projected[0][0]:g} {projected[0][1]:g}"]
        for (x0, y0), (x1, y1) in zip(projected, projected[1:]):
            cmd.append(f"l{round(x1 - x0, 1):g} {round(y1 - y0, 1):g}")
        parts.append("".join(cmd) + "z")
    return "".join(parts)


def code_for(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if name in NAMES:
        return NAMES[name]
    num = geometry.get("id")
    if not num or num in SKIP:
        return None
    country = pycountry.countries.get(numeric=num)
    return country.alpha_2 if country else None


def bbox(rings) -> tuple[float, float, float, float]:
    pts = [project(lon, lat) for ring in map(unwrap, rings) for lon, lat in ring]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def main() -> int:
    shapes: dict[str, list] = {}
    for scale in ("110m", "50m"):
        topo = json.loads((SOURCE / f"countries-{scale}.json").read_text("utf-8"))
        arcs = decode_arcs(topo)
        found: dict[str, list] = {}
        for geometry in topo["objects"]["countries"]["geometries"]:
            code = code_for(geometry)
            if code is None:
                continue
            rings = [ring_points(ring, arcs) for poly in polygons(geometry) for ring in poly]
            found.setdefault(code, []).extend(rings)
        for code, rings in found.items():
            shapes.setdefault(code, rings)
    countries = {}
    for code in sorted(shapes):
        rings = shapes[code]
        x0, y0, x1, y1 = bbox(rings)
        entry = {"d": path_data(rings), "bbox": [x0, y0, x1, y1]}
        if max(x1 - x0, y1 - y0) < SMALL:
            largest = max(rings, key=len)
            bx0, by0, bx1, by1 = bbox([largest])
            entry["marker"] = [round((bx0 + bx1) / 2, 1), round((by0 + by1) / 2, 1)]
        countries[code] = entry
    for code, (lon, lat) in CAPITALS.items():
        if code not in countries:
            x, y = project(lon, lat)
            countries[code] = {"d": "", "bbox": [x, y, x, y], "marker": [x, y]}
    out = {
        "_provenance": (
            "Natural Earth (public domain), via the npm package world-atlas 2.0.2 "
            "(countries-110m.json, small states from countries-50m.json); Equal Earth projection; "
            "regenerate with `make geometry` (scripts/atlas/geometry.py). Markers without a shape: "
            + ", ".join(f"{c} at its capital" for c in CAPITALS)
        ),
        "width": WIDTH,
        "height": HEIGHT,
        "countries": dict(sorted(countries.items())),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}: {len(countries)} countries, {OUTPUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
