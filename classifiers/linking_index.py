"""Lookup tables the linker needs, built once per gazetteer (cached on the gazetteer's identity).

Names are folded (lower case, umlauts spelled out, punctuation unified) so that "Sömmerda",
"Soemmerda" and "SÖMMERDA" meet; every official name also gets the short forms people write
("Mühlhausen" for "Mühlhausen/Thüringen", "Heiligenstadt" for "Heilbad Heiligenstadt").
Pure data, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from classifiers.gazetteer import Gazetteer

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e"})
_PLAIN_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison form of a name: "Saalfeld/Saale" -> "saalfeld saale"."""
    return _NON_WORD.sub(" ", text.lower().translate(_UMLAUTS)).strip()


@lru_cache(maxsize=65536)
def fold_plain(text: str) -> str:
    """Like ``fold`` but for writers without umlauts who drop them ("Sommerda")."""
    return _NON_WORD.sub(" ", text.lower().translate(_PLAIN_UMLAUTS)).strip()


# Municipality names that are ordinary German words or first names: a bare mention in prose
# proves nothing; only an explicit "Gemeinde Rohr" or an address line counts.
COMMON_WORD_NAMES = frozenset(
    fold(name)
    for name in (
        "Rohr",
        "Rosa",
        "Grub",
        "Marth",
        "Birx",
        "Körner",
        "Büchel",
        "Bucha",
        "Milda",
        "Moxa",
        "Paska",
        "Sulza",
        "Serba",
        "Tissa",
        "Tegau",
        "Weira",
        "Zimmern",
        "Werther",
        "Steinach",
        "Steinbach",
        "Lauterbach",
        "Leimbach",
        "Reichenbach",
        "Waldeck",
        "Petersberg",
        "Lederhose",
        "Krombach",
        "Kella",
        "Seebach",
        "Oberstadt",
        "Ehrenberg",
        "Göhren",
        "Gauern",
        "Kauern",
        "Rauda",
        "Neumark",
        "Plaue",
        "Bibra",
        "Hirschberg",
        "Lindig",
        "Tonna",
        "Schleid",
        "Effelder",
        "Rohrberg",
        "Hainichen",
        "Saara",
        "Heideland",
        "Vogtei",
        "Hörsel",
        "Treben",
        "Urbach",
        "Crimla",
        "Trebra",
        "Rohrbach",
        "Weißbach",
        "Weißenborn",
        "Reinsdorf",
        "Allendorf",
        "Lengfeld",
        "Gernrode",
        "Hohenstein",
        "Geratal",
        "Grabfeld",
        "Schwarza",
        "Monstab",
        "Ponitz",
        "Rositz",
        "Wiesenfeld",
        "Bocka",
        "Keila",
        "Moßbach",
        "Gera",
        "Meura",
        "Dornheim",
        "Ballstedt",
        "Frankendorf",
        "Mehna",
        "Linda",
        "Reichstädt",
        "Schöps",
        "Haselbach",
        "Altenberga",
        "Sonneborn",
        "Geroda",
        "Walpernhain",
        "Rausdorf",
        "Ottendorf",
        "Witzleben",
        "Karlsdorf",
        "Waltersdorf",
        "Dittersdorf",
        "Brehme",
        "Buhla",
        "Nazza",
        "Oechsen",
        "Rittersdorf",
        "Wichmar",
        "Zedlitz",
        "Hilbersdorf",
        "Hirschfeld",
        "Bethenhausen",
    )
)

# Words that precede a place name inside official names but are left out in speech.
_PREFIXES = ("heilbad ", "bad ", "amt ")
_KREIS_SUFFIX_ALIASES = {
    "16063": ("wartburgkreis", "wartburgkreises", "wartburg kreis"),
    "16064": ("unstrut hainich kreis", "unstrut hainich kreises", "unstrut hainich"),
    "16065": ("kyffhaeuserkreis", "kyffhaeuserkreises", "kyffhaeuser kreis"),
    "16070": ("ilm kreis", "ilm kreises", "ilmkreis"),
    "16074": ("saale holzland kreis", "saale holzland kreises", "saale holzland", "shk"),
    "16075": ("saale orla kreis", "saale orla kreises", "saale orla", "sok"),
    "16071": ("weimarer land", "weimarer landes"),
    "16077": ("altenburger land", "altenburger landes"),
}


# Vehicle registration codes written after a district word ("LRA SHK", "Landratsamt UH").
_KREIS_PLATE_CODES = {
    "16061": "eic", "16062": "ndh", "16063": "wak", "16064": "uh", "16065": "kyf", "16066": "sm", "16067": "gth",
    "16068": "soem", "16069": "hbn", "16070": "ik", "16071": "ap", "16072": "son", "16073": "slf", "16074": "shk",
    "16075": "sok", "16076": "grz", "16077": "abg",
}  # fmt: skip


def name_aliases(name: str) -> set[str]:
    """Folded spellings under which people write an official name."""
    aliases = {fold(name), fold_plain(name)}
    base = name
    for separator in ("/", " (", " b. ", " a. d. ", " v. d. "):
        if separator in base:
            head = base.split(separator)[0].strip()
            if len(head) >= 4:
                aliases.add(fold(head))
                aliases.add(fold_plain(head))
    if name.startswith("St."):
        rest = name[3:].strip()
        aliases.update({fold("Sankt " + rest), fold("St " + rest)})
    if " an der " in name:
        aliases.add(fold(name.replace(" an der ", " ")))
    if " v. d. " in name:
        aliases.add(fold(name.replace(" v. d. ", " vor dem ")))
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix) and prefix != "bad ":
            aliases.add(fold(name[len(prefix) :]))
    return {a for a in aliases if a}


@dataclass
class LinkingIndex:
    """Everything the linker looks up, precomputed from one gazetteer."""

    # folded name -> municipality keys (current names, and former names mapped to successors)
    municipality_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    district_names: dict[str, str] = field(default_factory=dict)  # Landkreis names only
    city_district_names: dict[str, str] = field(default_factory=dict)  # kreisfreie Städte -> municipality key
    association_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    domains: dict[str, str] = field(default_factory=dict)  # office domain -> association key
    postal_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # PLZ -> municipality keys
    postal_prefixes: frozenset[str] = frozenset()  # first three digits of every Thuringian PLZ
    # municipality key -> the PLZ regions (first two digits) of its codes
    postal_areas: dict[str, frozenset[str]] = field(default_factory=dict)
    former_names: dict[str, str] = field(default_factory=dict)  # folded former name -> successor key
    association_of: dict[str, str] = field(default_factory=dict)  # municipality key -> association key
    seat_municipality: dict[str, str] = field(default_factory=dict)  # EG key -> its own municipality key
    aliases_of: dict[str, tuple[str, ...]] = field(default_factory=dict)  # municipality key -> folded names
    max_name_tokens: int = 1
    # names that must not be taken from prose (common words, duplicates, district names)
    prose_blocked: frozenset[str] = frozenset()


def _add(index: dict[str, tuple[str, ...]], alias: str, key: str) -> None:
    current = index.get(alias, ())
    if key not in current:
        index[alias] = (*current, key)


@lru_cache(maxsize=8)
def linking_index(gazetteer: Gazetteer) -> LinkingIndex:
    """Build (once per gazetteer object) the lookup tables of the linker."""
    index = LinkingIndex()
    for municipality in gazetteer.municipalities.values():
        for alias in name_aliases(municipality.name) | name_aliases(municipality.official_name.split(",")[0]):
            _add(index.municipality_names, alias, municipality.key)
        for code in municipality.postal_codes:
            _add(index.postal_codes, code, municipality.key)
        index.postal_areas[municipality.key] = frozenset(code[:2] for code in municipality.postal_codes)
        if municipality.association_key:
            index.association_of[municipality.key] = municipality.association_key
    for former in gazetteer.former.values():
        if not former.successor_key or former.successor_key not in gazetteer.municipalities:
            continue
        name = former.official_name.split(",")[0]
        for alias in name_aliases(name):
            index.former_names.setdefault(alias, former.successor_key)
            if alias not in index.municipality_names:
                _add(index.municipality_names, alias, former.successor_key)
    for district in gazetteer.districts.values():
        if district.kind == "kreisfreie Stadt":
            city_key = next((m.key for m in gazetteer.municipalities.values() if m.key[:5] == district.key), None)
            if city_key:
                index.city_district_names[fold(district.name)] = city_key
            continue
        for alias in name_aliases(district.name) | set(_KREIS_SUFFIX_ALIASES.get(district.key, ())):
            index.district_names[alias] = district.key
        if district.key in _KREIS_PLATE_CODES:
            index.district_names.setdefault(_KREIS_PLATE_CODES[district.key], district.key)
        # "Landratsamt Meiningen": the seat stands for the district (only after a district word)
        for alias in name_aliases(district.seat.replace("/Thür.", "")) if district.seat else ():
            index.district_names.setdefault(alias, district.key)
    for association in gazetteer.associations.values():
        aliases = name_aliases(association.name)
        for alias in aliases:
            _add(index.association_names, alias, association.key)
        if association.email_domain:
            index.domains[association.email_domain.lower()] = association.key
        if association.kind == "erfüllende Gemeinde":
            own = [k for k in association.member_keys if fold(gazetteer.municipalities[k].name) in aliases]
            if len(own) == 1:
                index.seat_municipality[association.key] = own[0]
    aliases_of: dict[str, set[str]] = {}
    for alias, keys in index.municipality_names.items():
        for key in keys:
            aliases_of.setdefault(key, set()).add(alias)
    index.aliases_of = {key: tuple(sorted(names)) for key, names in aliases_of.items()}
    index.postal_prefixes = frozenset(code[:3] for code in index.postal_codes)
    all_names = [*index.municipality_names, *index.district_names, *index.association_names]
    index.max_name_tokens = max(len(name.split()) for name in all_names)
    duplicates = {alias for alias, keys in index.municipality_names.items() if len(keys) > 1}
    index.prose_blocked = frozenset(
        COMMON_WORD_NAMES | duplicates | {a for a in index.municipality_names if len(a) < 4}
    )
    return index
