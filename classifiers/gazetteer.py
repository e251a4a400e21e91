"""The Thuringian gazetteer as plain Python data, read once from the CSV files shipped in
``classifiers/data/thueringen`` (see SOURCE.md there for sources and reference dates).

Pure data: the linker and the database loader both build on it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PACKAGED_DIR = Path(__file__).parent / "data" / "thueringen"


@dataclass(frozen=True)
class GazetteerDistrict:
    key: str
    name: str
    kind: str  # "Landkreis" | "kreisfreie Stadt"
    seat: str


@dataclass(frozen=True)
class GazetteerAssociation:
    key: str
    name: str
    kind: str  # "Verwaltungsgemeinschaft" | "erfüllende Gemeinde"
    district_key: str
    seat: str
    member_keys: tuple[str, ...]
    email_domain: str | None
    postal_code: str | None
    place: str | None


@dataclass(frozen=True)
class GazetteerMunicipality:
    key: str
    name: str
    official_name: str
    kind: str  # "Gemeinde" | "Stadt" | "kreisfreie Stadt"
    district_key: str
    district_name: str
    association_key: str | None
    postal_codes: tuple[str, ...]
    email_domain: str | None


@dataclass(frozen=True)
class FormerMunicipality:
    key: str
    official_name: str
    district_key: str
    successor_key: str | None
    postal_codes: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # hashed by identity: per-process caches key on it
class Gazetteer:
    municipalities: dict[str, GazetteerMunicipality] = field(default_factory=dict)
    districts: dict[str, GazetteerDistrict] = field(default_factory=dict)
    associations: dict[str, GazetteerAssociation] = field(default_factory=dict)
    former: dict[str, FormerMunicipality] = field(default_factory=dict)

    def authority_name(self, key: str) -> str | None:
        """Display name of any authority key (8, 5 or 9 digits)."""
        if key in self.municipalities:
            return self.municipalities[key].name
        if key in self.districts:
            district = self.districts[key]
            return district.name if district.kind == "kreisfreie Stadt" else f"Landkreis {district.name}"
        if key in self.associations:
            association = self.associations[key]
            prefix = "VG" if association.kind == "Verwaltungsgemeinschaft" else "erfüllende Gemeinde"
            return f"{prefix} {association.name}"
        return None

    def authority_kind(self, key: str) -> str | None:
        if key in self.municipalities:
            return self.municipalities[key].kind
        if key in self.districts:
            return self.districts[key].kind
        if key in self.associations:
            return self.associations[key].kind
        return None

    def district_of(self, key: str) -> str | None:
        """The 5-digit district key an authority belongs to."""
        if key in self.associations:
            return self.associations[key].district_key
        if key and len(key) >= 5 and key[:5] in self.districts:
            return key[:5]
        return None


def _split(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in (cell or "").split(";") if item.strip())


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_gazetteer(directory: Path | str = PACKAGED_DIR) -> Gazetteer:
    """Read the four gazetteer CSV files from ``directory``; raise ValueError when one is malformed."""
    directory = Path(directory)
    try:
        districts = {
            row["ags"]: GazetteerDistrict(row["ags"], row["name"], row["type"], row.get("sitz", ""))
            for row in _rows(directory / "kreise.csv")
        }
        associations = {
            row["vg_schluessel"]: GazetteerAssociation(
                key=row["vg_schluessel"],
                name=row["name"],
                kind=row["art"],
                district_key=row["kreis_ags"],
                seat=row.get("sitz", ""),
                member_keys=_split(row["mitglieder_ags"]),
                email_domain=(row.get("verwaltung_email_domain") or None),
                postal_code=(row.get("anschrift_plz") or None),
                place=(row.get("anschrift_ort") or None),
            )
            for row in _rows(directory / "verwaltungsgemeinschaften.csv")
        }
        municipalities = {
            row["ags"]: GazetteerMunicipality(
                key=row["ags"],
                name=row["name"],
                official_name=row["name_amtlich"],
                kind=row["type"],
                district_key=row["kreis_ags"],
                district_name=row["kreis_name"],
                association_key=(row.get("vg_schluessel") or None),
                postal_codes=_split(row["plz"]),
                email_domain=(row.get("verwaltung_email_domain") or None),
            )
            for row in _rows(directory / "gemeinden.csv")
        }
        former_path = directory / "ehemalige_gemeinden.csv"
        former = (
            {
                row["ags"]: FormerMunicipality(
                    key=row["ags"],
                    official_name=row["name_amtlich"],
                    district_key=row["kreis_ags"],
                    successor_key=(row.get("nachfolger_ags") or None),
                    postal_codes=_split(row.get("plz", "")),
                )
                for row in _rows(former_path)
            }
            if former_path.exists()
            else {}
        )
    except KeyError as missing:
        raise ValueError(f"gazetteer in {directory} lacks the column {missing}") from None
    if not municipalities or not districts:
        raise ValueError(f"gazetteer in {directory} has no Gemeinden or no Kreise")
    unknown = {m.district_key for m in municipalities.values()} - districts.keys()
    if unknown:
        raise ValueError(f"Gemeinden refer to unknown Kreise: {sorted(unknown)}")
    return Gazetteer(municipalities, districts, associations, former)


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, loaded once per process."""
    return load_gazetteer(PACKAGED_DIR)
