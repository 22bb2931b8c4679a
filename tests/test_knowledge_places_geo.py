"""Distances, bearings and "N km north-east of X" points."""
from __future__ import annotations

import pytest

from rasd.knowledge.geo import compose_compass, destination, haversine_km


@pytest.mark.parametrize("a, b, km", [
    ((30.06, 31.25), (31.20, 29.92), 178),    # Cairo - Alexandria
    ((32.89, 13.19), (32.12, 20.07), 650),    # Tripoli - Benghazi
    ((33.34, 44.40), (36.34, 43.13), 355),    # Baghdad - Mosul
])
def test_haversine_matches_known_distances(a, b, km):
    assert abs(haversine_km(*a, *b) - km) / km < 0.03


@pytest.mark.parametrize("bearing, dlat_sign, dlon_sign", [
    (0, 1, 0), (90, 0, 1), (180, -1, 0), (270, 0, -1), (45, 1, 1), (225, -1, -1),
])
def test_destination_goes_the_right_way_and_distance(bearing, dlat_sign, dlon_sign):
    lat, lon = destination(33.34, 44.40, 100, bearing)
    assert abs(haversine_km(33.34, 44.40, lat, lon) - 100) < 0.5
    for delta, sign in ((lat - 33.34, dlat_sign), (lon - 44.40, dlon_sign)):
        assert (abs(delta) < 0.01) if sign == 0 else (delta * sign > 0)


@pytest.mark.parametrize("first, second, out", [
    ("N", "E", "NE"), ("E", "N", "NE"), ("S", "W", "SW"), ("N", None, "N"), ("N", "S", "N"), ("C", "E", "C"),
])
def test_compass_words_combine(first, second, out):
    assert compose_compass(first, second) == out
