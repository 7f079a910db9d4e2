"""The map page in a real browser (Debian's chromium via Playwright) over a real server.

The database holds the invented articles of ``test_actor_identity`` (places in Ohio, California,
Nigeria and Georgia), ingested by the real command; one place is then renamed by the user to a
hostile name, which the map must show as text.  Screenshot: ``artifacts/screenshots/map.png``
(and ``docs/screenshots/map.png`` with ``NEWSGRAPH_UPDATE_SCREENSHOTS=1``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main

from .test_actor_identity import INVENTED
from .test_web_browser import CHROME_ARGS, CHROMIUM, _serve, shot, sync_api

HOSTILE = '<img src=x onerror=alert("map")>Columbus'


@pytest.fixture(scope="module")
def map_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-map")
    for name, text in INVENTED.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "map.db"
    assert main(["ingest", "--db", str(db), "--quiet", *sorted(str(p) for p in folder.glob("*.txt"))]) == 0
    with sqlite3.connect(db) as conn:
        (columbus,) = conn.execute("SELECT actor_id FROM actors WHERE name = 'Columbus'").fetchone()
    assert main(["actor", "rename", str(columbus), HOSTILE, "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_ARGS)
        except Exception as exc:
            pytest.skip(f"chromium at {CHROMIUM} does not start under Playwright: {exc}")
        yield b
        b.close()


def test_map_draws_places_at_their_coordinates_and_names_stay_text(browser: Any, map_db: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(5000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    try:
        for base in _serve(map_db):
            api = page.request.get(f"{base}/api/map").json()["items"]
            names = {p["name"] for p in api}
            assert {"Sacramento", "Abuja", HOSTILE} <= names, names
            page.goto(base + "/map")
            page.wait_for_load_state("networkidle")
            svg = page.locator("svg#map").bounding_box()
            assert svg is not None and svg["width"] > 600
            # the world outline was loaded from the package, and drawn
            assert page.evaluate(
                "() => fetch('/static/world.svg').then(r => r.ok && r.headers.get('content-type'))"
            ).startswith("image/svg")
            circles = page.locator("svg#map circle.place")
            assert circles.count() == len(api)
            for name in ("Sacramento", "Abuja"):
                place = next(p for p in api if p["name"] == name)
                box = page.locator(f'svg#map circle.place[data-name="{name}"]').bounding_box()
                assert box is not None and box["width"] > 0
                cx = (box["x"] + box["width"] / 2 - svg["x"]) / svg["width"]
                cy = (box["y"] + box["height"] / 2 - svg["y"]) / svg["height"]
                assert cx == pytest.approx((place["longitude"] + 180) / 360, abs=0.01), name
                assert cy == pytest.approx((90 - place["latitude"]) / 180, abs=0.01), name
            # the hostile name is text in the table and in the marker's title, never markup
            assert HOSTILE in page.inner_text("#place-table")
            assert page.locator("#place-table img, svg#map img, main img").count() == 0
            title = page.eval_on_selector(
                f"svg#map circle.place[data-name='{HOSTILE}'] title", "el => el.textContent"
            )
            assert title.startswith(HOSTILE)
            page.set_viewport_size({"width": 1280, "height": 1240})  # the map and the place table
            shot(page, "map", readme=True)
            # filters narrow the map like the other pages: a country keeps only its places
            page.goto(base + "/map?country=NGA")
            kept = page.eval_on_selector_all("svg#map circle.place", "els => els.map(e => e.dataset.name)")
            assert set(kept) and set(kept) <= {"Abuja", "Lagos", "Nigeria"}, kept
    finally:
        context.close()
    assert dialogs == [] and failed == []
