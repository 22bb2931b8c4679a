"""Small geodesy for the gazetteer: distances, bearings and points "N km north-east of X"."""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088

# Compass codes and their bearings in degrees (clockwise from north).
BEARINGS = {
    "N": 0.0, "NE": 45.0, "E": 90.0, "SE": 135.0,
    "S": 180.0, "SW": 225.0, "W": 270.0, "NW": 315.0,
}
COMPASS_EN = {
    "N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south",
    "SW": "south-west", "W": "west", "NW": "north-west", "C": "centre",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def destination(lat: float, lon: float, distance_km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``distance_km`` from (lat, lon) along ``bearing_deg`` (rounded to 4 decimals)."""
    d = distance_km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(l2) + 540.0) % 360.0 - 180.0
    return round(math.degrees(p2), 4), round(lon2, 4)


def compose_compass(first: str, second: str | None) -> str:
    """"شمال" + "شرقي" → NE; a second direction on the same axis is ignored."""
    if not second or second == first or "C" in (first, second):
        return first
    ns = first if first in ("N", "S") else second if second in ("N", "S") else None
    ew = first if first in ("E", "W") else second if second in ("E", "W") else None
    if ns and ew:
        return ns + ew
    return first


__all__ = ["haversine_km", "destination", "compose_compass", "BEARINGS", "COMPASS_EN",
           "EARTH_RADIUS_KM"]
