"""The Thuringian gazetteer as plain Python data, read once from the CSV files shipped in
``classifiers/data/thueringen`` (see SOURCE.md there for sources and reference dates).

Pure data: the linker and the database loader both build on it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from models.gazetteer import association_display_name, district_display_name

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
            return district_display_name(district.name, district.kind)
        if key in self.associations:
            association = self.associations[key]
            return association_display_name(association.name, association.kind)
        return None

    def authority_kind(self, key: str) -> str | None:
        if key in self.municipalities:
            return self.municipalities[key].kind
        if key in self.districts:
            return self.districts[key].kind
        if key in self.associations:
            return self.associations[key].kind
        return None


GAZETTEER_FILES = ("gemeinden.csv", "kreise.csv", "verwaltungsgemeinschaften.csv", "ehemalige_gemeinden.csv")
REQUIRED_FILES = GAZETTEER_FILES[:3]
_REQUIRED_COLUMNS = {
    "gemeinden.csv": ("ags", "name", "type", "kreis_ags", "kreis_name", "plz", "name_amtlich", "vg_schluessel"),
    "kreise.csv": ("ags", "name", "type"),
    "verwaltungsgemeinschaften.csv": ("vg_schluessel", "name", "art", "kreis_ags", "mitglieder_ags"),
    "ehemalige_gemeinden.csv": ("ags", "name_amtlich", "kreis_ags", "nachfolger_ags"),
}
_MUNICIPALITY_KINDS = {"Gemeinde", "Stadt", "kreisfreie Stadt"}
_DISTRICT_KINDS = {"Landkreis", "kreisfreie Stadt"}
_ASSOCIATION_KINDS = {"Verwaltungsgemeinschaft", "erfüllende Gemeinde"}


class GazetteerError(ValueError):
    """A gazetteer directory is missing files or holds malformed data (message in German)."""


def _split(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in (cell or "").split(";") if item.strip())


def read_gazetteer_files(directory: Path | str) -> dict[str, str]:
    """The texts of the gazetteer CSV files in ``directory`` (the optional former-municipality file
    only when present); GazetteerError when a required file is missing or not UTF-8."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GazetteerError(f"Das Verzeichnis {directory} gibt es nicht.")
    texts = {}
    for name in GAZETTEER_FILES:
        path = directory / name
        if not path.is_file():
            if name in REQUIRED_FILES:
                raise GazetteerError(f"In {directory} fehlt die Datei {name}.")
            continue
        try:
            texts[name] = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise GazetteerError(f"{name} ist nicht UTF-8-kodiert.") from None
    return texts


def _rows(texts: dict[str, str], name: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(texts[name], newline=""))
    missing = [column for column in _REQUIRED_COLUMNS[name] if column not in (reader.fieldnames or ())]
    if missing:
        raise GazetteerError(f"{name}: es fehlt die Spalte {', '.join(missing)}.")
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise GazetteerError(f"{name}, Zeile {number}: falsche Anzahl von Feldern.")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


def _check_key(name: str, number: int, value: str, digits: int, what: str) -> None:
    if not (len(value) == digits and value.isdigit() and value.startswith("16")):
        raise GazetteerError(
            f"{name}, Zeile {number}: {what} „{value}“ ist kein {digits}-stelliger Thüringer Schlüssel (16…)."
        )


def parse_gazetteer(texts: dict[str, str], origin: str = "Gazetteer") -> Gazetteer:
    """Build and validate a Gazetteer from the CSV texts; GazetteerError names the first problem."""
    for name in REQUIRED_FILES:
        if name not in texts:
            raise GazetteerError(f"{origin}: es fehlt die Datei {name}.")
    districts: dict[str, GazetteerDistrict] = {}
    for number, row in enumerate(_rows(texts, "kreise.csv"), start=2):
        _check_key("kreise.csv", number, row["ags"], 5, "Kreisschlüssel")
        if row["type"] not in _DISTRICT_KINDS:
            raise GazetteerError(f"kreise.csv, Zeile {number}: unbekannte Art „{row['type']}“.")
        if row["ags"] in districts:
            raise GazetteerError(f"kreise.csv, Zeile {number}: Schlüssel {row['ags']} kommt doppelt vor.")
        districts[row["ags"]] = GazetteerDistrict(row["ags"], row["name"], row["type"], row.get("sitz", ""))
    municipalities: dict[str, GazetteerMunicipality] = {}
    for number, row in enumerate(_rows(texts, "gemeinden.csv"), start=2):
        _check_key("gemeinden.csv", number, row["ags"], 8, "AGS")
        if row["type"] not in _MUNICIPALITY_KINDS:
            raise GazetteerError(f"gemeinden.csv, Zeile {number}: unbekannte Art „{row['type']}“.")
        if row["ags"] in municipalities:
            raise GazetteerError(f"gemeinden.csv, Zeile {number}: AGS {row['ags']} kommt doppelt vor.")
        if row["kreis_ags"] not in districts or row["ags"][:5] != row["kreis_ags"]:
            raise GazetteerError(
                f"gemeinden.csv, Zeile {number}: Kreis {row['kreis_ags']} passt nicht zu {row['ags']}."
            )
        if not row["name"]:
            raise GazetteerError(f"gemeinden.csv, Zeile {number}: der Name fehlt.")
        codes = _split(row["plz"])
        if any(not (len(code) == 5 and code.isdigit()) for code in codes):
            raise GazetteerError(f"gemeinden.csv, Zeile {number}: ungültige Postleitzahl in „{row['plz']}“.")
        municipalities[row["ags"]] = GazetteerMunicipality(
            key=row["ags"],
            name=row["name"],
            official_name=row["name_amtlich"] or row["name"],
            kind=row["type"],
            district_key=row["kreis_ags"],
            district_name=row["kreis_name"],
            association_key=(row.get("vg_schluessel") or None),
            postal_codes=codes,
            email_domain=(row.get("verwaltung_email_domain") or "").lower() or None,
        )
    associations: dict[str, GazetteerAssociation] = {}
    for number, row in enumerate(_rows(texts, "verwaltungsgemeinschaften.csv"), start=2):
        name = "verwaltungsgemeinschaften.csv"
        _check_key(name, number, row["vg_schluessel"], 9, "VG-Schlüssel")
        if row["art"] not in _ASSOCIATION_KINDS:
            raise GazetteerError(f"{name}, Zeile {number}: unbekannte Art „{row['art']}“.")
        members = _split(row["mitglieder_ags"])
        unknown = [m for m in members if m not in municipalities]
        if unknown or not members:
            raise GazetteerError(f"{name}, Zeile {number}: unbekannte oder fehlende Mitglieder {', '.join(unknown)}.")
        if row["kreis_ags"] not in districts:
            raise GazetteerError(f"{name}, Zeile {number}: unbekannter Kreis {row['kreis_ags']}.")
        associations[row["vg_schluessel"]] = GazetteerAssociation(
            key=row["vg_schluessel"],
            name=row["name"],
            kind=row["art"],
            district_key=row["kreis_ags"],
            seat=row.get("sitz", ""),
            member_keys=members,
            email_domain=(row.get("verwaltung_email_domain") or "").lower() or None,
            postal_code=(row.get("anschrift_plz") or None),
            place=(row.get("anschrift_ort") or None),
        )
    dangling = sorted(
        m.key for m in municipalities.values() if m.association_key and m.association_key not in associations
    )
    if dangling:
        raise GazetteerError(
            f"gemeinden.csv: Gemeinden mit unbekannter Verwaltungsgemeinschaft: {', '.join(dangling)}."
        )
    former: dict[str, FormerMunicipality] = {}
    if "ehemalige_gemeinden.csv" in texts:
        for number, row in enumerate(_rows(texts, "ehemalige_gemeinden.csv"), start=2):
            _check_key("ehemalige_gemeinden.csv", number, row["ags"], 8, "AGS")
            successor = row.get("nachfolger_ags") or None
            if successor and successor not in municipalities:
                raise GazetteerError(
                    f"ehemalige_gemeinden.csv, Zeile {number}: Nachfolger {successor} ist keine aktuelle Gemeinde."
                )
            former[row["ags"]] = FormerMunicipality(
                key=row["ags"],
                official_name=row["name_amtlich"],
                district_key=row["kreis_ags"],
                successor_key=successor,
                postal_codes=_split(row.get("plz", "")),
            )
    if not municipalities or not districts:
        raise GazetteerError(f"{origin}: keine Gemeinden oder keine Kreise.")
    return Gazetteer(municipalities, districts, associations, former)


def load_gazetteer(directory: Path | str = PACKAGED_DIR) -> Gazetteer:
    """Read and validate the gazetteer CSV files in ``directory``; GazetteerError when malformed."""
    return parse_gazetteer(read_gazetteer_files(directory), str(directory))


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, loaded once per process."""
    return load_gazetteer(PACKAGED_DIR)
