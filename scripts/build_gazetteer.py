"""Write the derived gazetteer files of src/rasd/data/knowledge/places/.

- ``geonames_cities.tsv`` from GeoNames cities15000;
- ``countries.tsv``: every ISO 3166-1 country with pycountry's Arabic name, GeoNames'
  population, and its capital's coordinates as a stand-in point (the curated
  ``country_names.tsv`` overrides it with centroids, short forms and nisbas).

Reads ``data/geonames_cities15000`` of the shared folder (``$RASD_SHARED``, default
``../shared`` next to the repository) and keeps:

- every row of the Arab League states, their neighbours, the Sahel and the Horn that has an
  Arabic-script name;
- elsewhere, capitals and cities of a million people or more that have an Arabic-script name.

Arabic names are cleaned (no "، ليبيا" suffixes, no "مدينة"/"شعبية" prefixes, no digits) and
deduplicated by their matching form. The output is sorted by id, so a rerun on the same input
writes the same bytes.

    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from pathlib import Path

from rasd.normalize import normalize, strip_diacritics

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "src/rasd/data/knowledge/places"
OUT = PLACES / "geonames_cities.tsv"
COUNTRIES = PLACES / "countries.tsv"

# The region rasd is about: Arab League (+ Western Sahara), neighbours, Sahel, Horn, Afghanistan.
REGION = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH "
    "IL IR TR TD SS ER ML NE CY ET BF AF".split())
BIG_CITY = 1_000_000
_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_NOT_A_NAME = re.compile(r"[0-9\u0660-\u0669,،()/\\.\"']")
_OTHER_ORTHOGRAPHY = re.compile(r"ى\S|[ەۆێڵڕۇۈۋې]")
# trigger words GeoNames keeps in front of some names; rasd.knowledge.places reads them as cues
_PREFIXES = ("مدينة ", "مدينه ", "شعبية ", "بلدية ", "قرية ", "محافظة ", "ولاية ", "قضاء ", "مركز ")


def shared_dir() -> Path:
    return Path(os.environ.get("RASD_SHARED", ROOT / ".." / "shared")).resolve()


def arabic_forms(alternates: str) -> tuple[list[str], set[str]]:
    """Arabic-script alternate names, cleaned, in GeoNames order (spelling variants kept),
    and those that GeoNames gives vowelled (the careful, usually Arabic-Wikipedia spelling)."""
    seen: set[str] = set()
    out: list[str] = []
    vowelled: set[str] = set()
    for raw in alternates.split(","):
        name = strip_diacritics(raw)
        careful = name != raw.replace("\u200e", "").replace("\u200f", "").replace("\u200c", " ")
        name = " ".join(name.split())
        name = re.sub(r"^ا+ال", "ال", name)  # "ااالخرطوم": a typing slip in the dump
        if not _ARABIC.search(name) or _NOT_A_NAME.search(name) or re.search(r"[A-Za-z]", name):
            continue
        if _OTHER_ORTHOGRAPHY.search(name):
            continue  # Uyghur, Kazakh, Kurdish spellings ("رىم" for Rome) match Arabic words
        key = normalize(name)
        if len(key.replace(" ", "")) < 2:
            continue
        if careful:
            vowelled.add(name)
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out, vowelled


def display_name(forms: list[str], vowelled: set[str]) -> str:
    """The Arabic display name: Arabic (not Persian or Kurdish) letters, a vowelled form first,
    final ي and ة where a form has them."""
    persian = set("پچژگکیۀەھۆێڵڕ")
    written = set(forms)

    def rank(f: str) -> tuple[int, int, int, int]:
        return (bool(persian & set(f)) or "ى" in f[:-1], f not in vowelled,
                f.endswith("ى") and f[:-1] + "ي" in written,
                f.endswith("ه") and f[:-1] + "ة" in written)
    return min(forms, key=rank)


def country_rows(iso3: dict[str, str], capitals: dict[str, tuple[float, float]],
                 info: dict[str, tuple[str, int]]) -> list[list[str]]:
    """One row per ISO 3166-1 country: Arabic name from pycountry's iso-codes catalogue."""
    import gettext

    import pycountry
    catalogue = gettext.GNUTranslations(
        open(Path(pycountry.LOCALES_DIR) / "ar" / "LC_MESSAGES" / "iso3166-1.mo", "rb"))
    out = []
    for c in pycountry.countries:
        name_ar = strip_diacritics(catalogue.gettext(c.name)).strip()
        if not _ARABIC.search(name_ar):
            continue
        aliases = []
        m = re.match(r"^(.*?)\s*\((.*)\)$", name_ar)
        if m:
            aliases += [m.group(1).strip(), m.group(2).strip()]
        if "،" in name_ar:
            aliases += [p.strip() for p in name_ar.split("،")]
        names = [n for n in dict.fromkeys([name_ar] + aliases) if n and "(" not in n and "،" not in n]
        if not names:
            continue
        alpha2 = c.alpha_2
        lat, lon = capitals.get(alpha2, ("", ""))
        _, population = info.get(alpha2, ("", 0))
        out.append([c.alpha_3, "country", getattr(c, "common_name", None) or c.name, names[0],
                    "|".join(names[1:]), c.alpha_3, "",
                    f"{lat:.4f}" if lat != "" else "", f"{lon:.4f}" if lon != "" else "",
                    str(population)])
    out.sort()
    return out


def main(out_dir: Path = PLACES) -> None:
    """Write both derived files into ``out_dir`` (the package folder by default)."""
    out_path, countries_out = out_dir / OUT.name, out_dir / COUNTRIES.name
    base = shared_dir() / "data" / "geonames_cities15000"
    with zipfile.ZipFile(base / "cities15000.zip") as z:
        rows = z.read("cities15000.txt").decode("utf-8")
    iso3: dict[str, str] = {}
    info: dict[str, tuple[str, int]] = {}
    for line in (base / "countryInfo.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        iso3[cols[0]] = cols[1]
        info[cols[0]] = (cols[5].strip(), int(cols[7] or 0))
    capital_points: dict[str, tuple[float, float]] = {}
    admin1 = {}
    for line in (base / "regionInfo.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, ascii_name, _gid = line.split("\t")
        admin1[code] = ascii_name or name
    rows_out: list[list[str]] = []
    for row in csv.reader(io.StringIO(rows), delimiter="\t", quoting=csv.QUOTE_NONE):
        gid, name, ascii_name, alts, lat, lon, _fclass, fcode, cc = row[:9]
        a1, population = row[10], int(row[14] or 0)
        if cc not in iso3:
            continue
        if fcode == "PPLC" and cc not in capital_points:
            capital_points[cc] = (float(lat), float(lon))
        if cc not in REGION and fcode != "PPLC" and population < BIG_CITY:
            continue
        forms, vowelled = arabic_forms(alts)
        if cc not in REGION:  # far cities: no two-letter forms ("رم" for Rome)
            forms = [f for f in forms if len(normalize(f).replace(" ", "")) >= 3]
        # "شعبية سرت" next to "سرت" is the same name with a trigger word in front: drop it;
        # "مدينة خليفة" alone is a name of its own and stays whole
        forms = [f for f in forms if not any(f.startswith(p) and f[len(p):] in forms for p in _PREFIXES)]
        if not forms:
            continue
        shown = display_name(forms, vowelled)
        keys = {normalize(shown)}
        aliases = []
        for f in forms:  # one alias per matching form
            if normalize(f) not in keys:
                keys.add(normalize(f))
                aliases.append(f)
        rows_out.append([f"gn:{gid}", ascii_name or name, shown, "|".join(aliases),
                         iso3[cc], admin1.get(f"{cc}.{a1}", ""), f"{float(lat):.5f}", f"{float(lon):.5f}",
                         fcode, str(population)])
    rows_out.sort(key=lambda r: int(r[0][3:]))
    header = [
        "# source: GeoNames cities15000 (dump of 2025-11-19, https://www.geonames.org/), "
        "licence: CC BY 4.0, attribution: GeoNames (geonames.org)",
        "# version: 1; derived by scripts/build_gazetteer.py (Arabic-named rows of the MENA, Sahel and "
        "Horn region, plus capitals and cities over 1M elsewhere); do not edit by hand",
        "# aliases are '|'-separated Arabic forms; admin1 is GeoNames' first-level division name",
        "id\tname_en\tname_ar\taliases\tcountry\tadmin1\tlat\tlon\tfeature\tpopulation",
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(header + ["\t".join(r) for r in rows_out]) + "\n", encoding="utf-8")
    print(f"wrote {len(rows_out)} places to {out_path}")
    countries = country_rows(iso3, capital_points, info)
    header = [
        "# source: pycountry (ISO 3166-1, iso-codes' Arabic catalogue; licence: LGPL-2.1) and GeoNames "
        "countryInfo and cities15000 (licence: CC BY 4.0, attribution: GeoNames, geonames.org)",
        "# version: 1; derived by scripts/build_gazetteer.py; lat/lon: the capital (country_names.tsv "
        "gives centroids); do not edit by hand",
        "id\tkind\tname_en\tname_ar\taliases\tcountry\tadmin1\tlat\tlon\tpopulation",
    ]
    countries_out.write_text("\n".join(header + ["\t".join(r) for r in countries]) + "\n", encoding="utf-8")
    print(f"wrote {len(countries)} countries to {countries_out}")


if __name__ == "__main__":
    main()
