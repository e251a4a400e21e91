"""Reading a mail's text for authority evidence: where the letterhead and the closing are, which
"Stadt X" / "Landratsamt X" / "VG X" phrases, address lines (PLZ + place), AGS numbers and
sender cues (citizen, company, IT provider, another state) they contain.

Pure text functions; names are resolved against a ``LinkingIndex``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifiers.linking_index import COMMON_WORD_NAMES, LinkingIndex, fold

# What kind of authority a phrase names.
MUNICIPALITY = "municipality"
DISTRICT_OFFICE = "district_office"  # Landratsamt, Landrat, Kreisverwaltung: the district administration
DISTRICT = "district"  # "Landkreis X": the administration, or merely where a Gemeinde lies
ASSOCIATION = "association"  # VG or erfüllende Gemeinde
CITY = "city"  # "Stadt X" where X may be a kreisfreie Stadt

_KIND_WORDS = [
    (
        r"Stadtverwaltung|Gemeindeverwaltung|Stadt-\s*und\s*Kurverwaltung|Bürgermeisteramt|Rathaus|"
        r"Stadtverw(?=\.)|Gemeindeverw(?=\.)|Gem\.-Verw(?=\.)",
        MUNICIPALITY,
    ),
    (
        r"Landgemeinde|Einheitsgemeinde|Mitgliedsgemeinde|Ortsgemeinde|Gemeinden|Städte|Gemeinde|Kreisstadt|Große\s+Kreisstadt|Stadt|Kurstadt|Hansestadt|"
        r"Landeshauptstadt|Universitätsstadt|Klassikerstadt|Wartburgstadt|Residenzstadt|Lutherstadt|Rosenstadt|"
        r"Hochschulstadt|Bachstadt|Skatstadt|Barockstadt|Kulturstadt|Thomas-Müntzer-Stadt|Kurort|"
        r"(?-i:Gem|Gde|Gmde)(?=\.)",  # abbreviations: "Gem. Birx", "Gde. Rohr"
        CITY,
    ),
    (r"Bürgermeister(?:in)?\s+(?:von|in)|Oberbürgermeister(?:in)?\s+(?:von|in)", MUNICIPALITY),
    (
        r"Landratsamt|Landratsamtes|(?-i:LRA)|Kreisverwaltung|Kreisverw(?=\.)|"
        r"Landrat(?:in)?\s+des\s+(?:Landkreises|Kreises)",
        DISTRICT_OFFICE,
    ),
    (r"Landkreis|Landkreises|Lkr\.|(?-i:LK)", DISTRICT),
    (r"Verwaltungsgemeinschaft|Verwaltungsgem\.|Verw\.-Gem\.|(?-i:VGem)|(?-i:VG)", ASSOCIATION),
    (r"erfüllende\s+Gemeinde|(?-i:EG)", ASSOCIATION),
]
_KIND_PATTERN = re.compile(
    r"(?<![\w-])(?P<kind>"
    + "|".join(f"(?P<k{i}>{words})" for i, (words, _) in enumerate(_KIND_WORDS))
    + r")(?![\w-])\.?[ \t]*(?:(?:der|des|von|in)[ \t]+)?(?=(?P<rest>[^\n]{1,70}|[ \t]*\n[^\n]{1,70}))",
    re.IGNORECASE,
)
_TOKEN_SPLIT = re.compile(r"[ \t]+")
_TRAILING_REGION = ("thuer", "thueringen", "thur", "thuringen", "th", "i th", "in thueringen")

_POSTAL_LINE = re.compile(r"(?<![\d\w-])(?:D-?\s?)?(\d{5})[ \t]+([A-ZÄÖÜa-zäöü][^\n,;|]{1,50})")
_DATELINE = re.compile(r"^\s*([A-ZÄÖÜ][\wäöüß.\-/ ]{2,40}?),?\s+(?:den\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*$")
_AGS = re.compile(
    r"(?:AGS|Gemeindeschlüssel|Gemeindekennziffer|Gemeindekennzahl|Regionalschlüssel|ARS)\s*[:.]?\s*(?:Nr\.?\s*)?"
    r"(1\s?6\s?0\s?\d\s?\d(?:\s?\d){3,7})"
)
_SALUTATION = re.compile(
    r"^\s*(sehr geehrte|liebe |lieber |hallo|guten (tag|morgen|abend)|moin|servus|werte )", re.IGNORECASE
)
_CLOSING = re.compile(
    r"^\s*(-- ?$|mit (freundlichen|besten|herzlichen|kollegialen|freundlichem) gr(ü|ue)(ß|ss)|"
    r"(freundliche|beste|herzliche|viele|sonnige|liebe) gr(ü|ue)(ß|ss)e|gr(ü|ue)(ß|ss)e? aus|"
    r"(mfg|vg|lg|gruß|gruss|grüße|gruesse)[,.!]?\s*$|hochachtungsvoll|kind regards|best regards|"
    r"im auftrag\s*$|i\.\s?a\.\s|(vielen )?dank(e)?( schön| im voraus)?[!,.]?\s*$)",
    re.IGNORECASE,
)
# Paragraphs that describe the recipient (the ministry), not the sender.
_RECIPIENT_BLOCK = re.compile(
    r"finanzministerium|ministerium f(ü|ue)r|kompetenzzentrum|tfm\.thueringen|ludwig-erhard-ring|"
    r"egovernment@",
    re.IGNORECASE,
)
_OFFICE_CUES = re.compile(
    r"\b(Hauptamt|Ordnungsamt|Bauamt|Kämmerei|Kaemmerei|Bürgerbüro|Einwohnermeldeamt|Standesamt|Amtsleiter(in)?|"
    r"Bürgermeister(in)?|Oberbürgermeister(in)?|Sachgebiet|Fachbereich|Fachdienst|Hauptverwaltung|Rathaus|"
    r"Finanzverwaltung|Sachbearbeiter(in)?|Amtsleitung|Kasse|IT-Koordinat\w*|Digitalisierungsbeauftragte\w*|"
    r"Informationssicherheitsbeauftragte\w*|ISB\b|Verwaltung|Amt für|Stadtverwaltung|Gemeindeverwaltung)",
)
# Office words only a municipal administration uses: with an address line they name the town.
# (Sachgebiet, Fachbereich, Sachbearbeiter … are used by every office and company as well.)
_MUNICIPAL_CUES = re.compile(
    r"\b(Hauptamt|Ordnungsamt|Bauamt|Kämmerei|Kaemmerei|Bürgerbüro|Buergerbuero|Einwohnermeldeamt|Standesamt|"
    r"Bürgermeister(in)?|Buergermeister(in)?|Oberbürgermeister(in)?|Ortsteilbürgermeister(in)?|Hauptverwaltung|"
    r"Rathaus|Stadtverwaltung|Gemeindeverwaltung|Stadtkasse|Gemeindekasse|Stadtkämmerer(in)?|Kämmerer(in)?|"
    r"Amtsleiter(in)?|Amtsleitung|Stadtrat|Gemeinderat|Bauhof|Meldebehörde|Friedhofsverwaltung)\b",
    re.IGNORECASE,
)
_DISTRICT_CUES = re.compile(r"\b(Landrat|Landrätin|Landratsamt|Kreisverwaltung|Kreistag\w*|Kreisrat|Kreisrätin)\b")
# A member of the Kreistag writes about the district ("Kreistagsmitglied", "Mitglied des Kreistages").
_KREISTAG_MEMBER = re.compile(
    r"\b(?:Kreistagsmitglied|Kreistagsabgeordnete[rn]?|Kreisrat|Kreisrätin|Kreistagsfraktion|"
    r"Mitglied (?:des|im) Kreistag(?:es|s)?|Fraktion im Kreistag|Vorsitzende[rn]? (?:des|im) Kreistag(?:es|s)?)\b",
    re.IGNORECASE,
)
# A town hall's address ("Markt 1", "Rathausplatz 3"): with a PLZ line it names the administration.
_TOWN_HALL_STREET = re.compile(
    r"^[ \t]*(?:Markt|Marktplatz|Am Markt|Rathausplatz|Am Rathaus|Rathausstra(?:ß|ss)e|Rathausstr\.|Rathausgasse|"
    r"Kirchplatz|Schlo(?:ss|ß)platz|Platz der Einheit)[ \t]+\d+",
    re.IGNORECASE | re.MULTILINE,
)
# The writer works in a municipal administration, said in the text ("ich bin neu im Hauptamt",
# "unsere Verwaltung", "wir als Gemeinde"): with an address line it names the administration.
_STAFF_CUES = re.compile(
    r"(\bich (?:bin|arbeite) (?:neu |seit [\w. ]{1,25}? |jetzt )?(?:in der|im|bei der) (?:Stadt- |Gemeinde)?"
    r"(?:verwaltung|Verwaltung|"
    r"Hauptamt|Rathaus|Bürgerbüro|Kämmerei|Bauamt|Ordnungsamt|Stadtverwaltung|Gemeindeverwaltung)\b|"
    r"\bunsere[rm]? (?:Verwaltung|Gemeindeverwaltung|Stadtverwaltung|Kommune)\b|"
    r"\bich (?:mache|führe|fuehre|leite|übernehme|uebernehme) (?:seit [\w. ]{1,25}? )?(?:die|das) "
    r"(?:Verwaltung|Hauptamt|Kämmerei|Kaemmerei|Bürgerbüro|Buergerbuero)\b[^.?!\n]{0,30}\bunsere[rnm]? "
    r"(?:Gemeinde|Stadt)\b|"
    r"\bwir als (?:Kommune|Gemeinde|Stadt|Verwaltung)\b|"
    r"\bunser(?:em|es)? (?:Rathaus|Bürgermeister|Gemeinderat|Stadtrat|Hauptamt|Bürgerbüro)\b|"
    r"\bsoll (?:die|das) [\w-]+(?:-Umsetzung| Umsetzung)? (?:übernehmen|betreuen)\b|"
    r"\b(?:als|ich bin (?:die|der)|bin (?:die|der)) (?:neue[rn]? |neu eingestellte[rn]? )?(?:Mitarbeiter(?:in)?|"
    r"Kolleg(?:e|in)|Sachbearbeiter(?:in)?|Leiter(?:in)?|Amtsleiter(?:in)?|Kämmerer(?:in)?|Hauptamtsleiter(?:in)?) "
    r"(?:im|in der|der|des|vom) (?:Bürgerbüro|Hauptamt|Kämmerei|Verwaltung|Stadtverwaltung|Gemeindeverwaltung|"
    r"Bauamt|Ordnungsamt|Rathaus|Einwohnermeldeamt|Standesamt)\b)",
    re.IGNORECASE,
)
_COMPANY_CUES = re.compile(
    r"(\bGmbH\b|\bmbH\b|(?<=\w )(AG|UG|KG|OHG|GbR)\b[ \t]*$|\be\.\s?K\.|Geschäftsführer|Handelsregister|"
    r"\bHRB\b|USt-?Id|Amtsgericht\s+\w+\s+HR|\bInc\.|\bLtd\.)",
    re.MULTILINE,
)
# State authorities and other public bodies that are not a municipality, VG or district.
_STATE_SENDER = re.compile(
    r"\b(Landesverwaltungsamt|Ministerium|Landesamt|Landesrechenzentrum|Landtag|Staatskanzlei|Rechnungshof|"
    r"Bundesamt|Landesbeauftragte|Landespolizei|Gemeinde- und Städtebund|Landkreistag|Universität|Hochschule)\b"
)
# Public bodies that are not a municipality, VG or district administration but sign with an
# address and office words (Sachgebiet, Fachbereich …) just like one.
_OTHER_BODY = re.compile(
    r"\b(?:Finanzamt|Polizei|Landespolizei|Staatliche[sr]?|Amtsgericht|Landgericht|Verwaltungsgericht|Sozialgericht|"
    r"Arbeitsgericht|Staatsanwaltschaft|Agentur für Arbeit|Jobcenter|Forstamt|Volksbank|Raiffeisenbank|Stiftung|"
    r"Pfarramt|Klinikum|Krankenhaus|Gymnasium|Verein|Genossenschaft|Deutsche Rentenversicherung|AOK|eG)\b"
    r"|\bBundes(?!stra)\w|\bThüringer\s+Landes|\be\.\s?V\."
    r"|(?:polizeiinspektion|[Kk]ammer|[Ss]parkasse|[Kk]irchengemeinde|[Ss]chule|[Vv]erband|[Kk]rankenkasse)\b"
)
_PROVIDER_CUES = re.compile(
    r"(\bKIV\b|Kommunale Informationsverarbeitung|Zweckverband|Rechenzentrum|IT-Dienstleister|"
    r"kommunale(n|r)? IT|Kommunaler? Datenverarbeitung|Kommunales? Rechenzentrum|Dienstleister der Kommunen)",
    re.IGNORECASE,
)
_ON_BEHALF = re.compile(
    r"(im Auftrag (der|des|unserer|unseres)|namens (der|des)|in Vertretung (der|des)|"
    r"als (?:IT-|EDV-)?Dienstleister (?:der|des|für die)|für (unsere(n)? )?"
    r"(Kunden|Kundin|Mitgliedsgemeinde|Mitgliedskommune|Verbandsmitglied)|für die (Stadt|Gemeinde|Stadtverwaltung|"
    r"Gemeindeverwaltung|VG|Verwaltungsgemeinschaft)|unser(e|en)? (Kunde|Kundin|Mitglied)|betreuen (die|wir die)|"
    r"\b(?:betreuen|betreut|unterstützen|vertreten)\b[^.\n]{0,60}\b(?:Stadt|Gemeinde|Stadtverwaltung|Gemeindeverwaltung)\b|"
    r"\b(?:IT|EDV|Technik|Server|Fachverfahren) (?:der|des) (?:Stadt|Gemeinde)\b)",
    re.IGNORECASE,
)
_CITIZEN_CUES = re.compile(
    r"(\bals Bürger(in)?\b|\bals Privatperson\b|\bich wohne\b|\bals Einwohner(in)?\b|"
    r"\bmeine(r|n)? Wohn(ort|gemeinde)\b|"
    r"\bBürgeranfrage\b|\bich bin Bürger(in)?\b|\bprivat(e)? Anfrage\b)",
    re.IGNORECASE,
)
_OTHER_STATE = re.compile(
    r"(Freistaat (Bayern|Sachsen)\b|\bLand (Hessen|Niedersachsen|Brandenburg)\b|\(Hessen\)|\(Bayern\)|\(Sachsen\)|"
    r"\bSachsen-Anhalt\b|\bNiedersachsen\b|Landkreis (Coburg|Kronach|Hof|Fulda|Göttingen|Harz|Mansfeld-Südharz|"
    r"Burgenlandkreis|Zwickau|Leipzig|Vogtlandkreis|Hersfeld-Rotenburg|Werra-Meißner-Kreis|Rhön-Grabfeld|"
    r"Kyffhäuser-Süd)|\bVogtlandkreis\b|\bOberfranken\b|\bUnterfranken\b|\.bayern\.de|\.sachsen\.de|\.hessen\.de)",
)
_SELF_REFERENCE = re.compile(
    r"(\bwir als\b|\bwir,?\s+(die|der)\b|\bunsere(r|s|n|m)?\b|\bals\b|\bhier in der\b|\bbei uns in der\b|"
    r"\bvon der\b|\bseitens der\b|"
    r"\bim Namen der\b)\s*$",
    re.IGNORECASE,
)
# The writer declares their office ("ich bin Bürgermeister von X", "als Bürgermeisterin der Gemeinde X
# wende ich mich …"): the sender itself. "wir als Gemeinde X" alone stays a weak self-reference.
_OFFICE_HOLDER = re.compile(
    r"(\bich bin|\bich als|\bals|\bhier schreibt)\s+(?:der\s+|die\s+|(?:ehren|haupt)amtliche[rn]?\s+)?"
    r"(?:Ober)?bürgermeister(?:in)?(?:\s+(?:der|von|in|des))?(?:\s+(?:Stadt|Gemeinde|Landgemeinde))?\s*$",
    re.IGNORECASE,
)
_PARTNER_CONTEXT = re.compile(
    r"(\bmit der\b|\bmit dem\b|\bsowie\b|\bund der\b|\bNachbar\w*\b|\bPartner\w*\b|\bgemeinsam mit\b|\bwie die\b|"
    r"\bwie in\b|\bzusammen mit\b|\bauch\b|\bbeispielsweise\b|\bz\.\s?B\.|\bnach\b|\baus\b)\s*$",
    re.IGNORECASE,
)

# A mayor's title before a municipality's name, as honorary mayors sign ("Bgm. Schmeheim",
# "R. Koch, Bgm Döbritschen", "Ortsbürgermeister X", display name "Bgm Kirchgandern").
_MAYOR_TITLE = re.compile(
    r"(?<![\w-])(?:(?:Ober|Orts(?:teil)?)?B(?:ü|ue)rgermeister(?:in|\(in\))?|Bgm|Bürgerm(?=\.)|(?-i:BM))"
    r"(?![\w-])\.?:?[ \t]+(?:(?:der|von|in|des)[ \t]+)?(?:(?:Stadt|Gemeinde|Landgemeinde)[ \t]+)?"
    r"(?P<rest>[^\n,;|]{2,60})",
    re.IGNORECASE,
)
_MAYOR_WORDS = ("bgm", "bm", "rgermeister", "rgerm.")
# The writer calls themselves a mayor without naming the place ("ein ehrenamtlicher Bürgermeister",
# a bare "Bgm." under the name): supports a place named elsewhere, never names one.
_MAYOR_SELF = re.compile(
    r"(?:\b(?:ich bin|ich als|als|von einem|einer?|hier schreibt)\s+(?:der\s+|die\s+)?"
    r"(?:(?:ehren|haupt|neben)amtliche[rnm]?\s+)?(?:Orts(?:teil)?)?B(?:ü|ue)rgermeister(?:in)?\b"
    r"|^[ \t]*(?:(?:Orts(?:teil)?)?B(?:ü|ue)rgermeister(?:in)?|Bgm\.?)[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# "Grüße aus Döbritschen", "gruss aus kirchgandern, Bernd", "Viele Grüße aus dem schönen X".
_GREETING_FROM = re.compile(
    r"(?<![\w-])gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?[ \t]+aus[ \t]+(?:(?:dem|der|den|vom)[ \t]+)?"
    r"(?:(?-i:[a-zäöüß]+en)[ \t]+)?(?P<rest>[^\n,;!.|]{2,60})",
    re.IGNORECASE,
)
_LOCAL_PART_SPLIT = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class Mention:
    """An authority phrase: its kind, the keys its name resolves to, and where it stood."""

    kind: str
    keys: tuple[str, ...]
    text: str
    zone: str  # letterhead | closing | prose | subject | quoted
    self_reference: bool = False
    first_person: bool = False  # "ich bin Bürgermeister von X": the writer declares their office
    partner: bool = False
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class AddressLine:
    postal_code: str
    place: str
    keys: tuple[str, ...]  # municipalities the place/PLZ resolve to
    thuringian: bool
    text: str


@dataclass(frozen=True)
class Zones:
    letterhead: str
    closing: str
    prose: str


def _mentions_any(text: str, words: tuple[str, ...]) -> bool:
    """Cheap prefilter before a long regular expression: does ``text`` contain any of ``words``?"""
    lowered = text.lower()
    return any(word in lowered for word in words)


_RECIPIENT_WORDS = ("ministerium", "kompetenzzentrum", "tfm.", "ludwig-erhard", "egovernment@")
_COMPANY_WORDS = ("gmbh", "mbh", " ag", " ug", " kg", "ohg", "gbr", "e.k", "e. k", "geschäftsführ", "handelsreg",
                  "hrb", "ust", "inc.", "ltd.")  # fmt: skip
_PROVIDER_WORDS = ("kiv", "zweckverband", "rechenzentrum", "dienstleister", "kommunale", "datenverarbeitung")
_CITIZEN_WORDS = ("bürger", "privat", "wohne", "einwohner")
_OTHER_STATE_WORDS = ("bayern", "sachsen", "hessen", "brandenburg", "landkreis", "vogtland", "franken")
_ON_BEHALF_WORDS = (
    "auftrag",
    "namens",
    "vertretung",
    "für",
    "unser",
    "betreu",
    "unterstütz",
    "vertreten",
    " der stadt",
    " der gemeinde",
    " des ",
)


def _drop_recipient_blocks(text: str) -> str:
    if not _mentions_any(text, _RECIPIENT_WORDS) or not _RECIPIENT_BLOCK.search(text):
        return text
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(p for p in paragraphs if not _RECIPIENT_BLOCK.search(p))


def signature_like(line: str) -> bool:
    """Short, and not a sentence: what signature lines look like."""
    stripped = line.strip()
    return (len(stripped) < 70 and not stripped.endswith((".", "?", "!", ":"))) or not stripped


_INLINE_CLOSING = re.compile(
    r"(?P<greeting>(?:(?:mit )?(?:freundlichen|viele|beste|liebe|herzliche|schöne|schoene)n? )?"
    r"Gr(?:ü|ue)(?:ß|ss)(?:e|en)?(?: aus [\wäöüß-]+)?|MfG|Gru(?:ß|ss)),[ \t]+(?P<rest>[^\n]{3,160})$",
    re.IGNORECASE,
)


def unfold_inline_closing(text: str) -> str:
    """ "… Viele Grüße, Gemeinde Hörsel, Hauptamt" at the end of a one-paragraph mail: the closing
    and signature written inline, put on lines of their own as a signature would be."""
    stripped = text.rstrip()
    last_break = stripped.rfind("\n")
    last = stripped[last_break + 1 :]
    match = _INLINE_CLOSING.search(last)
    if not match or "?" in match.group("rest"):
        return text
    parts = [p.strip() for p in re.split(r",[ \t]+", match.group("rest")) if p.strip()]
    head = stripped[: last_break + 1] + last[: match.start()].rstrip()
    return f"{head}\n\n{match.group('greeting')}\n" + "\n".join(parts) + "\n"


def split_zones(text: str, signature_hint: str = "") -> Zones:
    """Letterhead (lines before the salutation), closing (from the last greeting), and prose."""
    text = _drop_recipient_blocks(text)
    lines = text.split("\n")
    letterhead_end = 0
    for number, line in enumerate(lines[:14]):
        if _SALUTATION.match(line):
            letterhead_end = number
            break
    else:  # no salutation: a block of short signature-like lines on top is a letterhead
        top = 0
        while top < min(len(lines), 7) and lines[top].strip() and signature_like(lines[top]):
            top += 1
        if 0 < top < len(lines) and not lines[top].strip():
            letterhead_end = top
    closing_start = None
    for number in range(len(lines) - 1, letterhead_end - 1, -1):
        if _CLOSING.match(lines[number]):
            closing_start = number
            break
    if closing_start is None:
        # No greeting: the closing is the block of short lines at the end, or where the parser
        # saw the signature start, whichever is earlier.
        closing_start = len(lines)
        while closing_start > max(letterhead_end, len(lines) - 10) and signature_like(lines[closing_start - 1]):
            closing_start -= 1
        hint = signature_hint.strip().split("\n")[0].strip() if signature_hint.strip() else ""
        if hint:
            for number in range(letterhead_end, closing_start):
                if lines[number].strip() == hint:
                    closing_start = number
                    break
    return Zones(
        "\n".join(lines[:letterhead_end]),
        "\n".join(lines[closing_start:]),
        "\n".join(lines[letterhead_end:closing_start]),
    )


def resolve_name(index: LinkingIndex, raw: str, kind: str, *, any_case: bool = False) -> tuple[tuple[str, ...], str]:
    """Longest prefix of ``raw`` that names an authority of ``kind``: (keys, matched text).
    ``any_case``: also a lower-case name (for lines written all in lower case)."""
    tokens = [t.strip("„“”\"'»«‚‘") for t in _TOKEN_SPLIT.split(raw.strip())]
    tokens = [t for t in tokens if t]
    while tokens and not any(ch.isalnum() for ch in tokens[-1]):
        tokens.pop()
    if not tokens or not (tokens[0][:1].isupper() or (any_case and tokens[0][:1].isalpha())):
        return (), ""
    for length in range(min(len(tokens), index.max_name_tokens + 1), 0, -1):
        phrase = " ".join(tokens[:length]).rstrip(".,;:)-–")
        folded = fold(phrase)
        variants = [folded]
        for suffix in _TRAILING_REGION:
            if folded.endswith(" " + suffix):
                variants.append(folded[: -len(suffix) - 1])
        for variant in variants:
            keys = _lookup(index, variant, kind)
            if keys:
                return keys, phrase
    return (), ""


def _lookup(index: LinkingIndex, folded: str, kind: str) -> tuple[str, ...]:
    if kind in (DISTRICT_OFFICE, DISTRICT):
        if folded in index.district_names:
            return (index.district_names[folded],)
        return ()
    if kind == ASSOCIATION:
        return index.association_names.get(folded, ())
    if kind == CITY and folded in index.city_district_names:
        return (index.city_district_names[folded],)
    keys = index.municipality_names.get(folded, ())
    if not keys and folded in index.city_district_names:
        return (index.city_district_names[folded],)
    return keys


def find_mentions(index: LinkingIndex, text: str, zone: str) -> list[Mention]:
    """Every "<kind word> <name>" phrase in ``text`` that resolves to a gazetteer authority."""
    mentions = []
    for match in _KIND_PATTERN.finditer(text):
        group = next(i for i in range(len(_KIND_WORDS)) if match.group(f"k{i}"))
        kind = _KIND_WORDS[group][1]
        keys, phrase = resolve_name(index, match.group("rest"), kind)
        if not keys and kind == CITY:  # "Gemeinde Kindelbrück" may mean the EG of that name
            continue
        if not keys:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        mentions.append(
            Mention(
                kind=MUNICIPALITY if kind == CITY else kind,
                keys=keys,
                text=f"{match.group('kind')} {phrase}".strip(),
                zone=zone,
                self_reference=bool(_SELF_REFERENCE.search(before)),
                first_person=bool(_OFFICE_HOLDER.search(text[max(0, match.start() - 60) : match.end("kind")])),
                partner=bool(_PARTNER_CONTEXT.search(before)),
                start=match.start(),
                end=match.start("rest") + len(phrase),
            )
        )
    return mentions


# The erfüllende Gemeinde writes for itself and its beauftragende Gemeinden together.
_FOR_ALL = re.compile(
    r"(?:für (?:uns|sich) und (?:für )?(?:unsere|ihre|die) (?:beauftragenden |erfüllten )?"
    r"(?:Gemeinden|Mitgliedsgemeinden)|"
    r"für (?:alle|beide|unsere) (?:beauftragenden |erfüllten )?Gemeinden|"
    r"gemeinsam(?:es|en|e)? [\w-]+ für (?:die )?(?:Stadt|Gemeinde))",
    re.IGNORECASE,
)


def for_itself_and_members(text: str) -> bool:
    return bool(_FOR_ALL.search(text))


def find_bare_names(index: LinkingIndex, text: str, allowed: frozenset[str] | set[str]) -> dict[str, str]:
    """Municipalities among ``allowed`` named without a kind word (for a VG's members): key -> name."""
    found: dict[str, str] = {}
    words = re.findall(
        r"[A-ZÄÖÜ][\wäöüßÄÖÜ.\-/]*(?:\s+(?:an der|am|a\.\s?d\.|v\.\s?d\.|b\.|bei)?\s*[A-ZÄÖÜ][\wäöüß.\-/]*)?", text
    )
    for phrase in words:
        for candidate in (phrase, *phrase.split()):
            folded = fold(candidate)
            if folded in index.prose_blocked and folded not in index.former_names:
                continue
            keys = [k for k in index.municipality_names.get(folded, ()) if k in allowed]
            if len(keys) == 1:
                found[keys[0]] = candidate.strip(".,")
                break
    # Lower-case writing ("für die gemeinde oberweid"): a member's name as a whole word, any case.
    folded_text = f" {fold(text)} "
    for key in allowed:
        if key in found:
            continue
        for alias in index.aliases_of.get(key, ()):
            if len(alias) >= 5 and alias not in COMMON_WORD_NAMES and f" {alias} " in folded_text:
                found[key] = alias
                break
    return found


_BARE_DISTRICT = re.compile(
    r"\b(?:[A-ZÄÖÜ][\wäöüß]*-)*[A-ZÄÖÜ]?[\wäöüß]*[Kk]reis(?:es)?\b|\b(?:Weimarer|Altenburger) Land(?:es)?\b"
)
_BARE_DISTRICT_ANY_CASE = re.compile(_BARE_DISTRICT.pattern, re.IGNORECASE)


def find_bare_districts(index: LinkingIndex, text: str, *, any_case: bool = False) -> set[str]:
    """Districts named without "Landkreis" ("Saale-Orla-Kreis", "Ilm-Kreis", "Weimarer Land"): keys
    (``any_case``: also written in lower case, "im ilm-kreis")."""
    keys = set()
    for match in (_BARE_DISTRICT_ANY_CASE if any_case else _BARE_DISTRICT).finditer(text):
        key = index.district_names.get(fold(match.group(0)))
        if key:
            keys.add(key)
    return keys


def find_addresses(index: LinkingIndex, text: str) -> list[AddressLine]:
    """ "99867 Gotha" lines: the municipalities they point at, and whether the PLZ is Thuringian."""
    addresses = []
    for match in _POSTAL_LINE.finditer(text):
        code, place = match.group(1), match.group(2).strip()
        place = re.split(r"\s+(?:OT|Ortsteil|/\s*OT)\s+|\s{2,}|\t|\s+Tel\b|\s+Telefon\b", place)[0]
        by_code = index.postal_codes.get(code, ())
        keys: tuple[str, ...] = ()
        # a lower-case place ("07768 gumperda") counts only where its PLZ fits (below)
        place_keys, _ = resolve_name(index, place, MUNICIPALITY, any_case=place[:1].islower())
        # A PLZ missing from the list (a PO box or large-customer code like 99111 Erfurt) still fits
        # a place in the same PLZ region; Berga in Sachsen-Anhalt (06536) is not Berga/Elster (07980).
        nearby = tuple(k for k in place_keys if code[:2] in index.postal_areas.get(k, ()))
        if place_keys:
            both = tuple(k for k in place_keys if k in by_code)
            keys = both or (nearby if len(nearby) == 1 and not place[:1].islower() else ())
        elif len(by_code) == 1:
            keys = by_code
        thuringian = bool(by_code) or bool(nearby)
        addresses.append(AddressLine(code, place, keys, thuringian, f"{code} {place}"))
    return addresses


def find_datelines(index: LinkingIndex, text: str) -> list[tuple[tuple[str, ...], str]]:
    results = []
    for line in text.split("\n"):
        match = _DATELINE.match(line)
        if match:
            keys, phrase = resolve_name(index, match.group(1), MUNICIPALITY)
            if keys:
                results.append((keys, phrase))
    return results


def find_ags(text: str) -> list[str]:
    """AGS (8 digits) or ARS (12 digits, reduced to the AGS) written with a label."""
    keys = []
    for match in _AGS.finditer(text):
        digits = re.sub(r"\s", "", match.group(1))
        if len(digits) == 8:
            keys.append(digits)
        elif len(digits) == 12:
            keys.append(digits[:5] + digits[9:])
        elif len(digits) == 5:
            keys.append(digits)
    return keys


def has_office_cue(text: str) -> bool:
    return bool(_OFFICE_CUES.search(text))


def has_municipal_cue(text: str) -> bool:
    return bool(_MUNICIPAL_CUES.search(text))


def is_kreistag_member(text: str) -> bool:
    return bool(_KREISTAG_MEMBER.search(text))


def has_town_hall_street(text: str) -> bool:
    return bool(_TOWN_HALL_STREET.search(text))


def has_staff_cue(text: str) -> bool:
    return bool(_STAFF_CUES.search(text))


def has_district_cue(text: str) -> bool:
    return bool(_DISTRICT_CUES.search(text))


def is_company(text: str) -> bool:
    return _mentions_any(text, _COMPANY_WORDS) and bool(_COMPANY_CUES.search(text))


def is_other_body(text: str) -> bool:
    return bool(_OTHER_BODY.search(text))


def is_provider(text: str) -> bool:
    return _mentions_any(text, _PROVIDER_WORDS) and bool(_PROVIDER_CUES.search(text))


_PROVIDER_SELF = re.compile(
    r"\b(?:wir (?:sind|als)|als|wir betreuen [^.?!\n]{0,40}? als) (?:(?:kommunale[rn]?|externe[rn]?|regionale[rn]?) )?"
    r"(?:IT-|EDV-)?(?:Dienstleister|Systemhaus|Rechenzentrum)\b|\bfür unsere[nm]? Kunden\b",
    re.IGNORECASE,
)


def provider_in_text(text: str) -> bool:
    """The writer says they are an IT service provider ("als IT-Dienstleister der Gemeinde X")."""
    return bool(_PROVIDER_SELF.search(text))


# A vendor naming its customers as a reference ("betreuen bereits die Stadt X", "darunter …",
# "gerne stellen wir Ihnen … vor") writes for nobody.
_CUSTOMER_REFERENCE = re.compile(
    r"\b(?:betreuen|betreut|beliefern|unterstützen|unterstuetzen|arbeiten) (?:wir )?(?:bereits|schon|u\.\s?a\.|"
    r"unter anderem|seit jahren|erfolgreich)\b|\bdarunter\b|\breferenz\w*|\bstellen (?:wir )?ihnen\b[^.?!\n]{0,50}"
    r"\bvor\b|\bgerne? (?:stellen|präsentieren|praesentieren|zeigen)\b",
    re.IGNORECASE,
)


def customer_reference(text: str) -> bool:
    return bool(_CUSTOMER_REFERENCE.search(text))


def acts_on_behalf(text: str) -> bool:
    return _mentions_any(text, _ON_BEHALF_WORDS) and bool(_ON_BEHALF.search(text))


def is_citizen(text: str) -> bool:
    return _mentions_any(text, _CITIZEN_WORDS) and bool(_CITIZEN_CUES.search(text))


def is_state_sender(text: str) -> bool:
    return bool(_STATE_SENDER.search(text))


def other_state(text: str) -> bool:
    return _mentions_any(text, _OTHER_STATE_WORDS) and bool(_OTHER_STATE.search(text))


def _unique_place(index: LinkingIndex, raw: str) -> tuple[str, str] | None:
    """The single municipality whose name starts ``raw`` (any case), unless the name is an ordinary word,
    a duplicate or very short: (key, name)."""
    tokens = [t.strip("„“”\"'»«‚‘()") for t in _TOKEN_SPLIT.split(raw.strip())]
    tokens = [t for t in tokens if t]
    for length in range(min(len(tokens), index.max_name_tokens), 0, -1):
        phrase = " ".join(tokens[:length]).rstrip(".,;:)-–")
        folded = fold(phrase)
        if folded in index.prose_blocked:
            continue
        keys = index.municipality_names.get(folded, ())
        if not keys and folded in index.city_district_names:
            keys = (index.city_district_names[folded],)
        if len(keys) == 1:
            return keys[0], phrase
    return None


def find_mayor_titles(index: LinkingIndex, text: str) -> list[tuple[tuple[str, ...], str]]:
    """ "Bgm. Schmeheim", "Bürgermeisterin Döbritschen" in signature lines: (municipality keys, phrase).

    Only a capitalised municipality name right after the title counts ("Bgm. Müller" is a person);
    names that are ordinary words or very short are skipped; same-named places keep all their keys
    (the caller picks by VG or district)."""
    if not _mentions_any(text, _MAYOR_WORDS):
        return []
    found = []
    for line in text.split("\n"):
        if not signature_like(line):
            continue
        for match in _MAYOR_TITLE.finditer(line):
            # a signature typed all in lower case ("bürgermeister der gemeinde straufhain") counts too
            keys, phrase = resolve_name(index, match.group("rest"), MUNICIPALITY, any_case=line == line.lower())
            folded = fold(phrase)
            if keys and folded not in COMMON_WORD_NAMES and len(folded) >= 4:
                found.append((keys, f"{match.group(0)[: match.start('rest') - match.start()]}{phrase}".strip()))
    return found


def mayor_self_cue(text: str) -> bool:
    """Does the writer call themselves a mayor (without naming the place)?"""
    return _mentions_any(text, _MAYOR_WORDS) and bool(_MAYOR_SELF.search(text))


def find_greeting_places(index: LinkingIndex, text: str) -> list[tuple[str, str]]:
    """ "Grüße aus X" with X a unique municipality that is not an ordinary word: (key, phrase)."""
    lowered = text.lower()
    if " aus" not in lowered or "gr" not in lowered:
        return []
    found = []
    for match in _GREETING_FROM.finditer(text):
        place = _unique_place(index, match.group("rest"))
        if place:
            found.append((place[0], f"{match.group(0)[: match.start('rest') - match.start()]}{place[1]}".strip()))
    return found


def local_part_places(index: LinkingIndex, local_part: str) -> list[tuple[str, str]]:
    """Unique municipality names (at least 5 letters, not ordinary words) among the words of an
    address's local part ("koch.doebritschen" -> Döbritschen): (key, word)."""
    words = [w for w in _LOCAL_PART_SPLIT.split(local_part.lower()) if w]
    found: list[tuple[str, str]] = []
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            folded = " ".join(words[start : start + size])
            if len(folded) < 5 or folded in index.prose_blocked:
                continue
            keys = index.municipality_names.get(folded, ())
            if len(keys) == 1 and keys[0] not in {k for k, _ in found}:
                found.append((keys[0], folded))
    return found
