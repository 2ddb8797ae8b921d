"""Turn world-atlas's TopoJSON (Natural Earth) into the site's world map SVG.

The site serves the result, static/map/world.svg, and needs neither npm nor
the TopoJSON at runtime. To rebuild (see README, "Map"):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python manage.py build_world_map /tmp/package

Countries come from countries-110m.json, one <path> each, addressed by their
ISO 3166-1 alpha-2 code. Countries too small to be drawn at that scale (Malta,
Bahrain, Singapore …) are taken from countries-50m.json when it is there and
kept as a dot at the centre of their largest island; the page shows a dot
only when the site has something to say about that country.
"""

import itertools
import json
import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.html import escape
from django_countries import countries

WIDTH = 1000  # SVG user units across; coordinates are kept to 0.1 unit
DOT_RADIUS = 3
LEFT_OUT = {"AQ"}  # Antarctica: a wide band at the bottom that says nothing here


def decode_arcs(topology):
    """The arcs of a TopoJSON topology as lists of (longitude, latitude)."""
    transform = topology.get("transform")
    if not transform:
        return [[tuple(point[:2]) for point in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:  # quantized, delta-encoded
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """One closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def polygons(geometry, arcs):
    """A geometry's polygons, each a list of rings (outer ring first), cut at ±180°."""
    if geometry["type"] == "Polygon":
        shapes = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        shapes = geometry["arcs"]
    else:
        return []
    result = []
    for shape in shapes:
        rings = [ring(arcs, r) for r in shape]
        if not any(crosses(points) for points in rings):
            result.append(rings)
            continue
        # A polygon over the antimeridian (Fiji, Chukotka): make it continuous,
        # then cut it into the pieces that fall within each 360° window.
        rings = [unwrap(points) for points in rings]
        lowest = min(x for points in rings for x, _ in points)
        highest = max(x for points in rings for x, _ in points)
        for turn in range(math.floor((lowest + 180) / 360), math.ceil((highest - 180) / 360) + 1):
            west, east = turn * 360 - 180, turn * 360 + 180
            pieces = [clip(points, west, east) for points in rings]
            if len(pieces[0]) >= 3:
                shift = turn * 360
                result.append(
                    [[(x - shift, y) for x, y in piece] for piece in pieces if len(piece) >= 3]
                )
    return result


def crosses(points):
    """Whether a ring jumps across the antimeridian."""
    return any(abs(x1 - x0) > 180 for (x0, _), (x1, _) in itertools.pairwise(points))


def unwrap(points):
    """The ring with longitudes shifted by 360° where needed to run on without jumps."""
    result = [points[0]]
    shift = 0
    for (x0, _), (x1, y1) in itertools.pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        result.append((x1 + shift, y1))
    return result


def clip(points, west, east):
    """A ring cut to the longitudes from `west` to `east` (Sutherland–Hodgman)."""

    def cut(points, inside, edge):
        output = []
        for previous, current in zip(points[-1:] + points[:-1], points, strict=True):
            if inside(current):
                if not inside(previous):
                    output.append(crossing(previous, current, edge))
                output.append(current)
            elif inside(previous):
                output.append(crossing(previous, current, edge))
        return output

    def crossing(a, b, x):
        (x0, y0), (x1, y1) = a, b
        return x, y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    points = cut(points, lambda p: p[0] >= west, west)
    return cut(points, lambda p: p[0] <= east, east) if points else []


def natural_earth(longitude, latitude):
    """The Natural Earth I projection (Šavrič, Jenny, Patterson, Jenny 2011)."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


SCALE = WIDTH / (2 * natural_earth(180, 0)[0])


def project(longitude, latitude):
    """SVG coordinates in tenths of a unit (integers), y downwards."""
    x, y = natural_earth(longitude, latitude)
    return round((WIDTH / 2 + x * SCALE) * 10), round(-y * SCALE * 10)


def area(points):
    """Twice the signed area of a ring (shoelace), in its own units."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(points))


def centroid(points):
    """The centre of mass of a ring, or its first point when it has no area."""
    doubled = area(points)
    if not doubled:
        return points[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (3 * doubled), cy / (3 * doubled)


def tenths(value):
    """A number of tenths written as the shortest decimal: 12 → 1.2, -5 → -.5."""
    sign = "-" if value < 0 else ""
    whole, tenth = divmod(abs(value), 10)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def pair(x, y):
    second = tenths(y)
    return f"{tenths(x)}{'' if second.startswith('-') else ' '}{second}"


def path_data(shape_polygons):
    """SVG path data: absolute start, then relative steps, rounded to 0.1 unit."""
    parts = []
    for polygon in shape_polygons:
        for points in polygon:
            projected = []
            for longitude, latitude in points:
                point = project(longitude, latitude)
                if not projected or point != projected[-1]:
                    projected.append(point)
            if len(projected) > 1 and projected[0] == projected[-1]:
                projected.pop()
            if len(projected) < 3:
                continue  # too small to see at this scale
            (x, y), *rest = projected
            steps = [f"M{pair(x, y)}"]
            if rest:
                steps.append("l")
            for index, (nx, ny) in enumerate(rest):
                text = pair(nx - x, ny - y)
                steps.append(text if index == 0 or text.startswith("-") else f" {text}")
                x, y = nx, ny
            parts.append("".join(steps) + "z")
    return "".join(parts)


# Where Natural Earth draws a de facto line, the map draws the borders the
# United Nations recognizes: (a point inside the piece, drawn in, belongs to).
TRANSFERS = [
    ((34.1, 45.0), "RU", "UA"),  # Crimea: UN General Assembly resolution 68/262
]


def inside(point, points):
    """Whether a point lies inside a ring (even-odd rule)."""
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def merge_rings(first, second, arcs):
    """One ring of arc indexes around two rings that share arcs, or None."""
    shared = {index for index in first if ~index in second}
    if not shared:
        return None
    left = [i for i in first if i not in shared] + [i for i in second if ~i not in shared]

    def ends(index):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        return arc[0], arc[-1]

    merged = [left.pop(0)]
    while left:
        end = ends(merged[-1])[1]
        following = next((i for i in left if ends(i)[0] == end), None)
        if following is None:
            return None  # more than one ring: keep the pieces apart
        merged.append(following)
        left.remove(following)
    return merged if ends(merged[-1])[1] == ends(merged[0])[0] else None


def transfer(geometries, arcs, point, source, target):
    """Move the piece of `source` around `point` into `target`, merged along their border."""

    def parts(geometry):
        if geometry["type"] == "Polygon":
            return [geometry["arcs"]]
        return list(geometry["arcs"])

    origin, destination = geometries.get(source), geometries.get(target)
    if not origin or not destination:
        return
    pieces = parts(origin)
    piece = next((p for p in pieces if inside(point, ring(arcs, p[0]))), None)
    if piece is None:
        return
    pieces.remove(piece)
    homes = parts(destination)
    for number, home in enumerate(homes):
        merged = merge_rings(home[0], piece[0], arcs)
        if merged:
            homes[number] = [merged, *home[1:], *piece[1:]]
            break
    else:
        homes.append(piece)
    origin.update(type="MultiPolygon", arcs=pieces)
    destination.update(type="MultiPolygon", arcs=homes)


def country_shapes(topology):
    """(code or None, name, polygons) for each country of a TopoJSON topology."""
    arcs = decode_arcs(topology)
    geometries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        number = geometry.get("id")
        code = (countries.alpha2(number) if number else "") or None
        geometries.append((code, dict(geometry)))
    by_code = {code: geometry for code, geometry in geometries if code}
    for point, source, target in TRANSFERS:
        transfer(by_code, arcs, point, source, target)
    for code, geometry in geometries:
        yield code, geometry.get("properties", {}).get("name", ""), polygons(geometry, arcs)


def dot(shape_polygons):
    """The centre of a country's largest island, projected, in tenths."""
    largest = max((polygon[0] for polygon in shape_polygons), key=lambda points: abs(area(points)))
    return project(*centroid(largest))


class Command(BaseCommand):
    help = "Build static/map/world.svg from the world-atlas package (Natural Earth data)."

    def add_arguments(self, parser):
        parser.add_argument(
            "atlas", help="The unpacked world-atlas package folder (holding countries-110m.json)."
        )
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "static" / "map" / "world.svg"),
            help="Where to write the SVG (default: static/map/world.svg).",
        )

    def handle(self, *args, atlas, output, **options):
        folder = Path(atlas)
        try:
            main = json.loads((folder / "countries-110m.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {folder / 'countries-110m.json'}: {error}") from None
        version = "unknown version"
        package = folder / "package.json"
        if package.exists():
            version = json.loads(package.read_text(encoding="utf-8")).get("version", version)

        shapes = [s for s in country_shapes(main) if s[0] not in LEFT_OUT]
        drawn = {code for code, _, _ in shapes if code}
        dots = []
        detailed = folder / "countries-50m.json"
        if detailed.exists():
            topology = json.loads(detailed.read_text(encoding="utf-8"))
            seen = set()
            for code, name, shape_polygons in country_shapes(topology):
                if code and code not in drawn | LEFT_OUT | seen and shape_polygons:
                    seen.add(code)
                    dots.append((code, name, dot(shape_polygons)))

        all_points = [
            project(longitude, latitude)
            for _, _, shape_polygons in shapes
            for polygon in shape_polygons
            for points in polygon
            for longitude, latitude in points
        ]
        left = min(x for x, _ in all_points) - 10
        top = min(y for _, y in all_points) - 10
        right = max(x for x, _ in all_points) + 10
        bottom = max(y for _, y in all_points) + 10

        box = f"{tenths(left)} {tenths(top)} {tenths(right - left)} {tenths(bottom - top)}"
        lines = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}">',
            f"<!-- Made by `manage.py build_world_map` from world-atlas {escape(version)} "
            "(ISC licence, LICENSE-world-atlas.txt), Natural Earth 1:110m and 1:50m "
            "admin-0 countries (public domain, NATURAL-EARTH.txt). Natural Earth I "
            "projection. Do not edit by hand. -->",
        ]
        for code, name, shape_polygons in sorted(shapes, key=lambda s: (s[0] or "~", s[1])):
            data = path_data(shape_polygons)
            if not data:
                continue
            if code:
                lines.append(f'<path id="{code}" data-name="{escape(name)}" d="{data}"/>')
            else:
                lines.append(f'<path data-name="{escape(name)}" d="{data}"/>')
        for code, name, (x, y) in sorted(dots):
            lines.append(
                f'<circle id="{code}" data-name="{escape(name)}" '
                f'cx="{tenths(x)}" cy="{tenths(y)}" r="{DOT_RADIUS}"/>'
            )
        lines.append("</svg>")

        target = Path(output)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.stdout.write(
            f"Wrote {target}: {len(shapes)} countries, {len(dots)} small ones as dots, "
            f"{target.stat().st_size // 1024} KB."
        )
