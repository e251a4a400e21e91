"""Linking a message to the Thuringian authority it concerns:
``link(ParsedMail, known_senders=..., learned_domains=...) -> AuthorityMatch``.

Evidence is weighed together per candidate authority (noisy-OR of the evidence weights):

- the sender registry (addresses a consultant confirmed) decides on its own,
- the sender's domain: domains learned from confirmed consultations, the gazetteer's VG/EG office
  domains, and weak hints in the domain itself ("landkreis-…", "stadt-…"),
- the letterhead and closing: "Stadtverwaltung X", "Gemeinde X", "Landratsamt X", "VG X",
  "Der Bürgermeister der Stadt X", address lines (PLZ + place), datelines, AGS numbers,
- mentions in subject and text, weak on their own; a partner municipality named in the text is
  not the sender; an IT provider writing on behalf of a municipality links to that municipality.
- honorary mayors: a mayor's title with the place ("Bgm. Schmeheim") in the signature or display
  name; "Grüße aus X" plus a second cue (X in a generic provider's local part, or "Bürgermeister").

A VG office writing about exactly one of its members links to that member; an erfüllende
Gemeinde's own office links to the Gemeinde itself. Below ``MATCH_THRESHOLD`` (or when two
unrelated authorities are equally likely) the linker abstains and offers its candidates.
Pure: the gazetteer's indexes are built once per gazetteer; registry and learned domains are
passed in by the caller."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from classifiers import linking_text as lt
from classifiers.gazetteer import Gazetteer, packaged_gazetteer
from classifiers.linking_index import LinkingIndex, fold, linking_index
from classifiers.predictions import AuthorityCandidate, AuthorityMatch
from intake.parsed import ParsedMail

# Chosen by a sweep over the labelled mail sets (tests/data/evaluation, evaluation_probe, linking_eval,
# linking_probe, judgement_probe; 519 mails): from 0.6 on, wrong links stay at 0.2 % of all mails (the
# one left is caught by the ambiguity rule) while no correct link is lost; 0.65 already loses 0.5 %
# of the correct links, 0.55 gains none. README "Linking" shows the sweep.
MATCH_THRESHOLD = 0.6
# Measured share of correct links per score band on those sets, smoothed ((correct + 1) / (n + 2)),
# so a thin band does not claim certainty: (lower bound of the band, confidence). Re-measured for
# issue 15 round 2 on 716 labelled mails including blind_2026 (no longer blind); the 0.7 band
# (31/31 right) is held at the 0.8 band's value so that a higher score never says less.
LINK_RELIABILITY = ((0.95, 0.997), (0.9, 0.983), (0.8, 0.967), (0.7, 0.967), (0.6, 0.926), (0.0, 0.05))


def confidence_of(score: float) -> float:
    """How often a link with this score was right on the labelled sets."""
    return next(confidence for lower, confidence in LINK_RELIABILITY if score >= lower)


_SPACES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2007": " ", "\r": ""})
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
# Where a forwarded or quoted message starts inside the text the parser counted as the sender's own.
_FORWARD_MARK = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:Weitergeleitete Nachricht|Ursprüngliche Nachricht|Original(?:nachricht| Message)|"
    r"Forwarded message)[ \t]*-{3,}|Anfang der weitergeleiteten Nachricht:|Begin forwarded message:|"
    r"Von:[^\n]*\n[ \t]*(?:Gesendet|Datum|Date|An|Betreff):)",
    re.MULTILINE | re.IGNORECASE,
)
AMBIGUITY_MARGIN = 0.1
MAX_CANDIDATES = 5

GENERIC_MAIL_PROVIDERS = frozenset(
    {
        "t-online.de", "gmx.de", "gmx.net", "gmx.at", "web.de", "gmail.com", "googlemail.com", "yahoo.de",
        "yahoo.com", "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.de", "freenet.de", "arcor.de",
        "posteo.de", "mailbox.org", "icloud.com", "me.com", "aol.com", "aol.de", "online.de", "email.de",
        "vodafone.de", "kabelmail.de", "mail.de", "magenta.de", "1und1.de", "ionos.de",
    }
)  # fmt: skip
_DISTRICT_DOMAIN_WORDS = {"landkreis", "lra", "kreis", "landratsamt", "kreisverwaltung", "lk"}
_MUNICIPALITY_DOMAIN_WORDS = {"stadt", "gemeinde", "rathaus", "stadtverwaltung", "gemeindeverwaltung", "vg", "lg"}
# Vehicle registration codes that Landratsämter use in their domains ("lra-gth.de", "lkson.de").
_DISTRICT_PLATE_CODES = {
    "eic": "16061", "ndh": "16062", "wak": "16063", "uh": "16064", "kyf": "16065", "sm": "16066", "gth": "16067",
    "som": "16068", "soem": "16068", "hbn": "16069", "ik": "16070", "ap": "16071", "son": "16072", "slf": "16073",
    "shk": "16074", "sok": "16075", "grz": "16076", "abg": "16077",
}  # fmt: skip
_PROVIDER_DOMAIN_WORDS = {"kiv", "zweckverband", "zv", "rechenzentrum", "kdrs", "ekom21"}
# IT words in the registered domain name ("ettersberg-it.de", "itz-kommunal.de"): an IT company
_IT_DOMAIN_WORDS = {"it", "itz", "itdl", "edv", "itservice", "itdienst", "systemhaus"}

# Evidence weights (probability-like, combined by noisy-OR per candidate).
W_REGISTRY = 0.99
W_LEARNED_DOMAIN = 0.9
W_GAZETTEER_DOMAIN = 0.8
W_DOMAIN_HINT = 0.35
# The whole domain is the authority's name ("erfurt.de", "stadt-sonneberg.de", "landkreis-gotha.de"):
# administrations use such domains; companies named after a town add words ("stadtwerke-erfurt.de").
W_DOMAIN_NAME = 0.65
W_HEADER = 0.8
W_HEADER_KIND_MISMATCH = 0.5
W_DISTRICT_ALONE = 0.75
W_ADDRESS = 0.45
W_ADDRESS_SUPPORT = 0.3
W_OFFICE_CUE = 0.3
W_DATELINE = 0.25
W_AGS = 0.85
W_ON_BEHALF = 0.75
W_SELF_MENTION = 0.4
W_SEVERAL_MEMBERS = 0.5
W_FIRST_PERSON = 0.7  # "ich bin Bürgermeister von X", "wir als Gemeinde X": the writer names its authority
W_MAYOR_TITLE = 0.7  # "Bgm. Schmeheim" under the name or as the display name: an (honorary) mayor signs
W_GREETING_PLACE = 0.45  # "Grüße aus Döbritschen": where the writer is, not yet who they are
W_LOCAL_PART = 0.3  # "koch.doebritschen@t-online.de": supports a place named elsewhere, never enough alone
W_MAYOR_SELF = 0.3  # "ein ehrenamtlicher Bürgermeister", a bare "Bgm." in the signature
W_SUBJECT_MENTION = 0.35
W_PROSE_MENTION = 0.15
CAP_WITHOUT_IDENTITY = 0.55  # text mentions alone never link
CAP_CITIZEN_OR_FOREIGN = 0.4


class _Board:
    """Candidates with their combined score and evidence."""

    def __init__(self) -> None:
        self.scores: dict[str, float] = {}
        self.evidence: dict[str, list[str]] = {}
        self.identity: set[str] = set()  # candidates with evidence about the sender itself

    def add(self, key: str, weight: float, evidence: str, *, identity: bool = False) -> None:
        current = self.scores.get(key, 0.0)
        self.scores[key] = 1 - (1 - current) * (1 - weight)
        self.evidence.setdefault(key, []).append(evidence)
        if identity:
            self.identity.add(key)

    def cap(self, key: str, limit: float, reason: str) -> None:
        if self.scores.get(key, 0.0) > limit:
            self.scores[key] = limit
            self.evidence[key].append(reason)


def _domains_of(domain: str) -> list[str]:
    """``a.b.example.de`` -> [a.b.example.de, b.example.de, example.de]."""
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def _domain_evidence(
    board: _Board, index: LinkingIndex, domain: str, learned: Mapping[str, str] | None, gazetteer: Gazetteer
) -> tuple[str | None, str | None]:
    """Add domain evidence; return (association key of the office domain, kind hint)."""
    if not domain or domain in GENERIC_MAIL_PROVIDERS:
        return None, None
    for candidate in _domains_of(domain):
        if learned and candidate in learned and learned[candidate]:
            board.add(learned[candidate], W_LEARNED_DOMAIN, f"gelernte Domain {candidate}", identity=True)
            break
    office = None
    for candidate in _domains_of(domain):
        if candidate in index.domains:
            office = index.domains[candidate]
            board.add(
                office, W_GAZETTEER_DOMAIN, f"Absender-Domain {candidate} (Verwaltung laut Gazetteer)", identity=True
            )
            break
    labels = domain.split(".")[:-1]
    words = [w for label in labels for w in label.split("-") if w]
    hint = None
    if any(w in _DISTRICT_DOMAIN_WORDS or (w.endswith("kreis") and len(w) > 5) for w in words):
        hint = "district"
    elif any(w in _PROVIDER_DOMAIN_WORDS for w in words) or (
        labels and any(w in _IT_DOMAIN_WORDS for w in labels[-1].split("-"))
    ):
        hint = "provider"
    elif any(w in _MUNICIPALITY_DOMAIN_WORDS for w in words):
        hint = "municipality"
    plate = _district_plate(words)
    if office is None and plate and plate in gazetteer.districts:
        board.add(plate, W_DOMAIN_NAME, f"Domain {domain} nennt das Kfz-Kennzeichen des Landkreises", identity=True)
        return None, "district"
    if office is None and hint != "provider":
        name_words = [
            w for w in words if w not in _DISTRICT_DOMAIN_WORDS | _MUNICIPALITY_DOMAIN_WORDS | {"www", "mail"}
        ]
        for size in range(len(name_words), 0, -1):
            folded = fold(" ".join(name_words[-size:]))
            whole = size == len(name_words)
            if hint == "district" or folded.endswith("kreis") or folded in _compact_district_names(index):
                key = index.district_names.get(folded) or _compact_district_names(index).get(folded)
                if key:
                    weight = W_DOMAIN_NAME if whole else W_DOMAIN_HINT
                    board.add(key, weight, f"Domain {domain} nennt den Landkreis", identity=whole)
                    break
            keys = index.municipality_names.get(folded, ())
            # "gemeinde-hoersel.de": the kind word makes even a river's name the Gemeinde's
            if len(keys) == 1 and (folded not in index.prose_blocked or hint == "municipality") and hint != "district":
                # A Verwaltungsgemeinschaft named like its seat ("oppurg.de"): the town or the VG office.
                # (not when the town is no member of that VG and the VG has a domain of its own:
                # "koelleda.de" is the town Kölleda, "vgem-koelleda.de" the VG Kölleda)
                shared_with_vg = any(
                    gazetteer.associations[key].kind == "Verwaltungsgemeinschaft"
                    and (
                        keys[0] in gazetteer.associations[key].member_keys
                        or (gazetteer.associations[key].email_domain or "").lower() in ("", domain)
                    )
                    for key in index.association_names.get(folded, ())
                )
                identifies = whole and not shared_with_vg
                weight = W_DOMAIN_NAME if identifies else W_DOMAIN_HINT
                board.add(
                    keys[0], weight, f"Domain {domain} nennt {gazetteer.authority_name(keys[0])}", identity=identifies
                )
                break
    return office, hint


_COMPACT_DISTRICTS: dict[int, dict[str, str]] = {}


def _compact_district_names(index: LinkingIndex) -> dict[str, str]:
    """District names written as one word, as in domains: "weimarerland" -> 16071."""
    compact = _COMPACT_DISTRICTS.get(id(index))
    if compact is None:
        compact = {name.replace(" ", ""): key for name, key in index.district_names.items() if " " in name}
        _COMPACT_DISTRICTS[id(index)] = compact
    return compact


def _district_plate(words: list[str]) -> str | None:
    """ "lra-gth", "lkson", "kreis-slf": a district word with its registration code and nothing else."""
    rest = [w for w in words if w not in _DISTRICT_DOMAIN_WORDS | {"www", "mail", "thueringen", "de"}]
    if len(rest) != 1:
        return None
    word = rest[0]
    if word in _DISTRICT_PLATE_CODES and len(rest) < len(words):
        return _DISTRICT_PLATE_CODES[word]
    for prefix in ("landratsamt", "landkreis", "kreis", "lra", "lk"):
        if word.startswith(prefix) and word[len(prefix) :] in _DISTRICT_PLATE_CODES:
            return _DISTRICT_PLATE_CODES[word[len(prefix) :]]
    return None


def _filter_by_context(
    keys: tuple[str, ...], districts: set[str], associations: set[str], index: LinkingIndex
) -> tuple[str, ...]:
    """Pick among same-named municipalities (Eichenberg, Elxleben, Lehesten) by district or VG."""
    if len(keys) <= 1:
        return keys
    by_vg = tuple(k for k in keys if index.association_of.get(k) in associations)
    if len(by_vg) == 1:
        return by_vg
    by_district = tuple(k for k in keys if k[:5] in districts)
    if len(by_district) == 1:
        return by_district
    return keys


def _kind_fits(gazetteer: Gazetteer, key: str, phrase: str) -> bool:
    """ "Stadt X" for a Gemeinde (or "Gemeinde X" for a Stadt) hints at a namesake elsewhere."""
    municipality = gazetteer.municipalities.get(key)
    if municipality is None:
        return True
    word = phrase.split()[0].lower()
    if word.startswith("stadt") or word in ("kreisstadt", "kurstadt"):
        return municipality.kind != "Gemeinde"
    if word.startswith("gemeinde") or word == "landgemeinde":
        return municipality.kind == "Gemeinde"
    return True


@dataclass
class _Reading:
    """What the linker read in one mail: its zones, authority phrases, addresses and sender cues."""

    subject: str
    own_text: str
    prose: str
    header_text: str  # letterhead + closing (of the quoted mail when the own text has none)
    header: list[lt.Mention]
    addresses: list[lt.AddressLine]
    from_quote: bool
    company: bool
    provider: bool
    citizen: bool
    foreign: bool
    state: bool
    other_body: bool  # Finanzamt, Polizei, Schule, Sparkasse, Verband …: its address names no authority
    district_office: bool
    office_cue: bool
    freemail: bool  # the sender writes from a generic provider (gmx, web.de, t-online …)
    municipal_cue: bool  # Bürgermeister, Hauptamt, Kämmerei …: only a municipal administration signs so
    mayor_titles: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)  # keys, phrase, zone
    greeting_places: list[tuple[str, str]] = field(default_factory=list)  # "Grüße aus X": key, phrase
    mayor_self: bool = False  # the writer calls themselves a mayor
    districts: set[str] = field(default_factory=set)  # context for same-named municipalities
    associations: set[str] = field(default_factory=set)


def _read(parsed: ParsedMail, index: LinkingIndex, *, office: str | None, domain_hint: str | None, fallback: bool):
    own_text = "\n\n".join(t for t in (parsed.new_text, parsed.signature) if t) or parsed.body_text
    own_text = lt.unfold_inline_closing(own_text.translate(_SPACES))
    quoted_text = parsed.quoted_text or ""
    forward = _FORWARD_MARK.search(own_text)
    if forward and forward.start() > 0:  # the forwarded mail is history, not the sender's own letterhead
        own_text, quoted_text = own_text[: forward.start()], f"{own_text[forward.start() :]}\n{quoted_text}"
    zones = lt.split_zones(own_text, parsed.signature)
    # The display name ("Stadtverwaltung Gotha <info@…>") is part of the sender's own signature.
    display = (parsed.sender.name or "").translate(_SPACES) if parsed.sender else ""
    header_text = f"{zones.letterhead}\n{zones.closing}\n{display}"
    header = (
        lt.find_mentions(index, zones.letterhead, "letterhead")
        + lt.find_mentions(index, zones.closing, "closing")
        + (lt.find_mentions(index, display, "display") if display else [])
    )
    addresses = lt.find_addresses(index, header_text)
    signature_text = f"{zones.letterhead}\n{zones.closing}"
    mayor_titles = [(keys, phrase, "signature") for keys, phrase in lt.find_mayor_titles(index, signature_text)]
    mayor_titles += [(keys, phrase, "display") for keys, phrase in lt.find_mayor_titles(index, display)]
    from_quote = False
    if fallback and not header and not addresses and not mayor_titles and quoted_text.strip():
        # A short reply or a forward: the sender's letterhead may be in the quoted part.
        quoted = lt.split_zones(_QUOTE_MARKS.sub("", quoted_text.translate(_SPACES)))
        header_text = f"{quoted.letterhead}\n{quoted.closing}"
        header = lt.find_mentions(index, quoted.letterhead, "quoted") + lt.find_mentions(
            index, quoted.closing, "quoted"
        )
        addresses = lt.find_addresses(index, header_text)
        from_quote = True
    subject = parsed.subject or ""
    # only the letterhead and the first closing lines, and no sentences: privacy footers name state offices too
    signature_lines = "\n".join(line for line in header_text.split("\n")[:10] if lt.signature_like(line))
    reading = _Reading(
        subject=subject,
        own_text=own_text,
        prose=zones.prose,
        header_text=header_text,
        header=header,
        addresses=addresses,
        from_quote=from_quote,
        company=lt.is_company(header_text) or domain_hint == "provider",
        provider=lt.is_provider(header_text)
        or domain_hint == "provider"
        or lt.provider_in_text(f"{subject}\n{zones.prose}"),
        citizen=lt.is_citizen(f"{subject}\n{zones.prose}"),
        foreign=lt.other_state(header_text) or any(not a.thuringian for a in addresses),
        state=lt.is_state_sender(signature_lines),
        other_body=lt.is_other_body(signature_lines),
        district_office=lt.has_district_cue(header_text) or domain_hint == "district",
        office_cue=lt.has_office_cue(header_text),
        freemail=(parsed.sender.domain if parsed.sender else "") in GENERIC_MAIL_PROVIDERS,
        municipal_cue=lt.has_municipal_cue(header_text),
        mayor_titles=mayor_titles,
        greeting_places=lt.find_greeting_places(index, zones.closing),
        mayor_self=lt.mayor_self_cue(own_text),
    )
    reading.districts = {m.keys[0] for m in header if m.kind in (lt.DISTRICT, lt.DISTRICT_OFFICE)}
    reading.districts |= {k[:5] for a in addresses for k in a.keys}
    reading.associations = {k for m in header if m.kind == lt.ASSOCIATION for k in m.keys}
    if office:
        reading.associations.add(office)
        reading.districts.add(office[:5])
    return reading


def _header_evidence(board: _Board, reading: _Reading, gazetteer: Gazetteer, index: LinkingIndex) -> None:
    """Letterhead and closing phrases ("Stadtverwaltung X", "Landratsamt X", "VG X")."""
    factor = 0.9 if reading.from_quote else 1.0
    has_local_header = any(m.kind in (lt.MUNICIPALITY, lt.ASSOCIATION) for m in reading.header)
    for mention in reading.header:
        keys = _filter_by_context(mention.keys, reading.districts, reading.associations, index)
        if len(keys) != 1:
            continue
        where = {"letterhead": "Briefkopf", "display": "Absendername"}.get(mention.zone, "Signatur")
        key = keys[0]
        if mention.kind == lt.DISTRICT_OFFICE:
            weight = W_HEADER
        elif mention.kind == lt.DISTRICT:  # "Landkreis X" may just say where a Gemeinde lies
            if not (reading.district_office or (reading.office_cue and not has_local_header)):
                continue
            weight = W_DISTRICT_ALONE
        else:
            weight = W_HEADER if _kind_fits(gazetteer, key, mention.text) else W_HEADER_KIND_MISMATCH
        board.add(key, weight * factor, f"{where}: „{mention.text}“", identity=True)


def _kreistag_evidence(board: _Board, reading: _Reading, index: LinkingIndex, prose_mentions: list[lt.Mention]) -> None:
    """A member of the Kreistag (often from a private address) asking about the district."""
    if reading.company or reading.state or reading.foreign or reading.other_body:
        return
    if not lt.is_kreistag_member(f"{reading.header_text}\n{reading.prose}"):
        return
    districts = {
        m.keys[0] for m in reading.header + prose_mentions if m.kind in (lt.DISTRICT, lt.DISTRICT_OFFICE) and m.keys
    }
    districts |= lt.find_bare_districts(
        index, f"{reading.subject}\n{reading.header_text}\n{reading.prose}", any_case=True
    )
    if len(districts) == 1:
        board.add(districts.pop(), W_FIRST_PERSON, "Kreistagsmitglied schreibt über den Landkreis", identity=True)


def _mayor_and_greeting_evidence(
    board: _Board, reading: _Reading, gazetteer: Gazetteer, index: LinkingIndex, sender_address: str
) -> None:
    """Honorary mayors of small places often write from private or VG addresses: a mayor's title with
    the place ("Bgm. Schmeheim") names the sender; "Grüße aus X" says where the writer is, and names
    the sender only together with a second cue (the place in the address's local part, or the writer
    calling themselves mayor) — never for someone writing as a citizen."""
    for keys, phrase, zone in reading.mayor_titles:
        keys = _filter_by_context(keys, reading.districts, reading.associations, index)
        if len(keys) == 1 and not _office_place(gazetteer, index, reading, keys[0], seat=False):
            where = "Absendername" if zone == "display" else "Signatur"
            board.add(keys[0], W_MAYOR_TITLE, f"{where}: „{phrase}“ (Bürgermeister)", identity=True)
    greeted = set()
    for key, phrase in reading.greeting_places:
        if key not in greeted and not _office_place(gazetteer, index, reading, key, seat=True):
            greeted.add(key)
            board.add(key, W_GREETING_PLACE, f"Gruß: „{phrase}“")
    local, _, domain = sender_address.lower().rpartition("@")
    local_keys = set()
    if domain in GENERIC_MAIL_PROVIDERS:
        for key, word in lt.local_part_places(index, local):
            local_keys.add(key)
            board.add(key, W_LOCAL_PART, f"Adresse enthält „{word}“")
    if reading.citizen or reading.company or reading.state or reading.other_body or reading.foreign:
        return
    for key in greeted:
        if key in local_keys:
            board.identity.add(key)
        elif reading.mayor_self:
            board.add(key, W_MAYOR_SELF, "Absender nennt sich Bürgermeister", identity=True)


def _office_place(gazetteer: Gazetteer, index: LinkingIndex, reading: _Reading, key: str, *, seat: bool) -> bool:
    """Is ``key`` the place a VG the sender writes as is named after (or, with ``seat``, sits in)?
    "Bürgermeister Kindelbrück" signing "VG Kindelbrück", "Grüße aus Gebesee" from the VG Gera-Aue
    office: the office's own place, not a member it writes about."""
    for association_key in reading.associations:
        association = gazetteer.associations.get(association_key)
        if association is None or association.kind != "Verwaltungsgemeinschaft":
            continue
        names = (association.name, association.seat) if seat else (association.name,)
        if any(key in index.municipality_names.get(fold(name), ()) for name in names if name):
            return True
    return False


def _address_evidence(board: _Board, reading: _Reading, gazetteer: Gazetteer, index: LinkingIndex) -> None:
    """PLZ + place lines: support the named authority, or name the office's place themselves."""
    named = set(board.identity)
    for address in reading.addresses:
        if len(address.keys) != 1 or not address.thuringian:
            continue
        key = address.keys[0]
        if named:
            for candidate in named:
                if _related(gazetteer, candidate, key) and (len(candidate) != 8 or candidate == key):
                    board.add(candidate, W_ADDRESS_SUPPORT, f"Anschrift {address.text}", identity=True)
        elif reading.district_office and gazetteer.districts[key[:5]].kind == "Landkreis":
            board.add(key[:5], W_ADDRESS, f"Anschrift {address.text} (Landratsamt)", identity=True)
        elif not reading.company and not reading.other_body:
            board.add(key, W_ADDRESS, f"Anschrift {address.text}")
            if reading.municipal_cue:
                board.add(key, W_OFFICE_CUE, "Amtsbezeichnung in der Signatur", identity=True)
            elif reading.freemail and not reading.citizen and not reading.state and not reading.foreign:
                # new staff from a private address: "Markt 1" (a town hall) or "ich bin neu im Hauptamt"
                if lt.has_town_hall_street(reading.header_text):
                    board.add(key, W_OFFICE_CUE, "Anschrift eines Rathauses (Markt/Rathausplatz)", identity=True)
                elif lt.has_staff_cue(f"{reading.subject}\n{reading.prose}"):
                    board.add(key, W_OFFICE_CUE, "Absender schreibt als Mitarbeiter der Verwaltung", identity=True)
    for keys, phrase in lt.find_datelines(index, reading.header_text + "\n" + reading.prose[:200]):
        if len(keys) == 1 and (not named or keys[0] in named):
            board.add(keys[0], W_DATELINE, f"Ortsangabe „{phrase}“")
    for key in lt.find_ags(f"{reading.subject}\n{reading.own_text}"):
        if key in gazetteer.municipalities or key in gazetteer.districts or key in gazetteer.associations:
            board.add(key, W_AGS, f"Schlüsselnummer {key}", identity=True)


def _text_evidence(
    board: _Board, reading: _Reading, gazetteer: Gazetteer, index: LinkingIndex, prose_mentions: list[lt.Mention]
) -> bool:
    """Mentions in subject and text (weak), and an IT provider's client; returns "on behalf"."""
    on_behalf = (
        reading.provider
        and (
            lt.acts_on_behalf(f"{reading.subject}\n{reading.prose}\n{reading.header_text}")
            or any(m.zone == "subject" for m in prose_mentions)
        )
        and not lt.customer_reference(reading.prose)
    )
    if on_behalf:  # an IT provider writing for a municipality: the one it names is the one concerned
        concerned = {
            keys[0]
            for m in prose_mentions + reading.header
            if not m.partner and m.kind != lt.DISTRICT
            for keys in [_filter_by_context(m.keys, reading.districts, reading.associations, index)]
            if len(keys) == 1
        }
        if len(concerned) == 1:
            key = concerned.pop()
            name = gazetteer.authority_name(key) or key
            board.add(key, W_ON_BEHALF, f"IT-Dienstleister schreibt im Auftrag von {name}", identity=True)
    for mention in prose_mentions:
        keys = _filter_by_context(mention.keys, reading.districts, reading.associations, index)
        if len(keys) != 1 or mention.partner:  # a partner municipality is not the sender
            continue
        if mention.zone == "subject":
            board.add(keys[0], W_SUBJECT_MENTION, f"Betreff: „{mention.text}“")
        elif mention.first_person and mention.kind != lt.DISTRICT:
            board.add(keys[0], W_FIRST_PERSON, f"Text (Absender nennt sich): „{mention.text}“", identity=True)
        elif mention.self_reference:
            board.add(keys[0], W_SELF_MENTION, f"Text (Selbstbezug): „{mention.text}“")
        else:
            board.add(keys[0], W_PROSE_MENTION, f"Text: „{mention.text}“")
    return on_behalf


def _apply_caps(board: _Board, reading: _Reading, *, on_behalf: bool, office: str | None, learned: set[str]) -> None:
    """Keep candidates below the threshold when the sender is not a Thuringian local authority
    or when nothing but the text names them."""
    for key in list(board.scores):
        if key in learned:
            continue
        if reading.foreign and not (on_behalf and _on_behalf_of(board, key)):
            # (an IT provider in Leipzig writing for a Thuringian Gemeinde still names that Gemeinde)
            board.cap(key, CAP_CITIZEN_OR_FOREIGN, "Anschrift/Hinweis außerhalb Thüringens")
        elif reading.state:
            board.cap(key, CAP_CITIZEN_OR_FOREIGN, "Absender ist eine Landes- oder andere Behörde")
        elif reading.citizen and key not in board.identity:
            board.cap(key, CAP_CITIZEN_OR_FOREIGN, "Absender schreibt als Bürger")
        elif key not in board.identity and not _domain_and_text_agree(board, key):
            board.cap(key, CAP_WITHOUT_IDENTITY, "nur im Text erwähnt")
        elif reading.company and not on_behalf and office is None:
            board.cap(key, CAP_WITHOUT_IDENTITY, "Absender ist ein Unternehmen")


def link(
    parsed: ParsedMail,
    *,
    known_senders: Mapping[str, str] | None = None,
    gazetteer: Gazetteer | None = None,
    learned_domains: Mapping[str, str] | None = None,
) -> AuthorityMatch:
    """Decide which authority ``parsed`` concerns; abstain (match None) without enough evidence.

    ``known_senders`` maps confirmed addresses to authority keys, ``learned_domains`` maps mail
    domains to the authority that confirmed consultations from them belong to."""
    gazetteer = gazetteer or packaged_gazetteer()
    index = linking_index(gazetteer)
    board = _Board()

    senders = [a for a in (parsed.original_sender, parsed.sender) if a and a.address]
    for address in senders:
        if known_senders and address.address in known_senders:
            key = known_senders[address.address]
            board.add(key, W_REGISTRY, f"bestätigter Absender {address.address}", identity=True)
            return _decide(board, gazetteer, index, forced=key)

    # The forwarder's own domain and signature count first; a forward by someone who says nothing
    # about themselves (a colleague passing a mail on) is read by the original author's domain.
    own = parsed.sender if parsed.sender and parsed.sender.address else parsed.original_sender
    domain = own.domain if own else ""
    office, domain_hint = _domain_evidence(board, index, domain, learned_domains, gazetteer)
    reading = _read(parsed, index, office=office, domain_hint=domain_hint, fallback=not board.identity)
    _header_evidence(board, reading, gazetteer, index)
    _mayor_and_greeting_evidence(board, reading, gazetteer, index, own.address if own else "")
    original = parsed.original_sender
    if not board.identity and original and original.address and original.domain != domain:
        domain = original.domain
        office, domain_hint = _domain_evidence(board, index, domain, learned_domains, gazetteer)
        if office:
            reading.associations.add(office)
            reading.districts.add(office[:5])
        reading.district_office = reading.district_office or domain_hint == "district"
        reading.provider = reading.provider or domain_hint == "provider"
        reading.company = reading.company or domain_hint == "provider"
    learned = {
        learned_domains[d]
        for address in (parsed.sender, parsed.original_sender)
        if address and address.address
        for d in _domains_of(address.domain)
        if learned_domains and learned_domains.get(d)
    }
    _address_evidence(board, reading, gazetteer, index)
    prose_mentions = lt.find_mentions(index, reading.subject, "subject") + lt.find_mentions(
        index, reading.prose, "prose"
    )
    on_behalf = _text_evidence(board, reading, gazetteer, index, prose_mentions)
    _kreistag_evidence(board, reading, index, prose_mentions)
    _apply_caps(board, reading, on_behalf=on_behalf, office=office, learned=learned)

    explicit_eg = any(
        m.kind == lt.ASSOCIATION and m.text.lower().startswith(("erfüllende", "eg ")) for m in reading.header
    )
    named = {k for m in prose_mentions + reading.header if m.kind == lt.MUNICIPALITY for k in m.keys}
    # "Verwaltungsgemeinschaft Oppurg" names the VG, not its member Oppurg
    member_text = "\n".join(
        _blank_associations(text, [m for m in prose_mentions if m.zone == zone])
        for zone, text in (("subject", reading.subject), ("prose", reading.prose))
    )
    prose_named = {k for m in prose_mentions if m.kind == lt.MUNICIPALITY and not m.partner for k in m.keys}
    decision = _decide(
        board,
        gazetteer,
        index,
        named=named,
        prose_named=prose_named,
        member_text=member_text,
        explicit_eg=explicit_eg or lt.for_itself_and_members(f"{reading.subject}\n{reading.prose}"),
    )
    if decision.match is not None and (parsed.auto_reply_reason or "").startswith("delivery status notification"):
        # A bounce comes from a mail server, not from the authority: offer the candidates only.
        return AuthorityMatch(match=None, candidates=decision.candidates, evidence=("Unzustellbarkeitsmeldung",))
    return decision


def _blank_associations(text: str, mentions: list[lt.Mention]) -> str:
    """``text`` with the "VG X" / "Verwaltungsgemeinschaft X" phrases blanked out."""
    for mention in mentions:
        if mention.kind == lt.ASSOCIATION:
            text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    return text


def _domain_and_text_agree(board: _Board, key: str) -> bool:
    """The sender's domain names the authority and the subject or a self-reference does too."""
    evidence = board.evidence.get(key, [])
    return any(e.startswith("Domain ") for e in evidence) and any(
        e.startswith(("Betreff:", "Text (Selbstbezug):")) for e in evidence
    )


def _on_behalf_of(board: _Board, key: str) -> bool:
    return any(e.startswith("IT-Dienstleister schreibt im Auftrag") for e in board.evidence.get(key, []))


def _domain_only(board: _Board, key: str) -> bool:
    return all(e.startswith("Domain ") for e in board.evidence.get(key, []))


def _related(gazetteer: Gazetteer, a: str, b: str) -> bool:
    """Same authority family: a VG and its member, or a district and something inside it."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x in gazetteer.associations and y in gazetteer.associations[x].member_keys:
            return True
        if len(x) == 5 and y.startswith(x):
            return True
    association_of = linking_index(gazetteer).association_of
    return a in association_of and association_of.get(a) == association_of.get(b)


def _decide(
    board: _Board,
    gazetteer: Gazetteer,
    index: LinkingIndex,
    *,
    forced: str | None = None,
    named: set[str] | None = None,
    prose_named: set[str] | None = None,
    member_text: str = "",
    explicit_eg: bool = False,
) -> AuthorityMatch:
    def candidate(key: str) -> AuthorityCandidate:
        return AuthorityCandidate(
            key=key,
            name=gazetteer.authority_name(key) or key,
            kind=gazetteer.authority_kind(key) or "",
            score=round(board.scores[key], 4),
            evidence=tuple(board.evidence[key]),
        )

    ranked = sorted(board.scores, key=lambda k: (-board.scores[k], k))
    if forced:
        chosen = candidate(forced)
        return AuthorityMatch(match=chosen, candidates=(chosen,), evidence=chosen.evidence, confidence=W_REGISTRY)
    if not ranked:
        return AuthorityMatch(match=None, candidates=())

    for key in [k for k in ranked if k in gazetteer.associations]:
        # A VG office writing about exactly one member links to that member; the office of an
        # erfüllende Gemeinde is the Gemeinde itself.
        association = gazetteer.associations[key]
        members = set(association.member_keys)
        # members the text names (a domain naming the VG's seat is about the office, not a member)
        mentioned = {k for k in board.scores if k in members and not _domain_only(board, k)}
        mentioned |= (named or set()) & members
        mentioned |= set(lt.find_bare_names(index, member_text, members))
        seat = index.seat_municipality.get(key)
        in_text = ((prose_named or set()) & members) | set(lt.find_bare_names(index, member_text, members))
        if seat and (
            (seat in in_text and len(in_text) > 1) or (explicit_eg and lt.for_itself_and_members(member_text))
        ):
            # "für die Stadt Weida und die Gemeinde Crimla": the erfüllende Gemeinde for itself and a member;
            # the town's own letterhead then speaks for the arrangement
            board.add(key, W_SEVERAL_MEMBERS, "erfüllende Gemeinde schreibt für sich und ihre Mitglieder")
            if seat in board.scores:
                board.add(key, board.scores[seat], f"{gazetteer.authority_name(seat)} führt die Geschäfte")
            continue
        if len(mentioned) > 1 and seat in mentioned:
            mentioned.discard(seat)
        score = board.scores[key]
        if len(mentioned) == 1:
            member = mentioned.pop()
            board.add(member, score, f"{gazetteer.authority_name(key)} schreibt über dieses Mitglied")
            if seat and seat != member and seat in board.scores:
                board.add(member, board.scores[seat], f"{gazetteer.authority_name(seat)} führt die Geschäfte")
        elif seat and not mentioned and not explicit_eg:
            board.add(seat, score, "Verwaltung der erfüllenden Gemeinde ist die Gemeinde selbst")
        elif seat and len(mentioned) > 1 and seat in board.scores:
            # the erfüllende Gemeinde writing for several of its members acts as the EG, not as the town
            board.add(key, W_SEVERAL_MEMBERS, "erfüllende Gemeinde schreibt für mehrere Mitglieder")
    ranked = sorted(board.scores, key=lambda k: (-board.scores[k], k))
    best = ranked[0]

    candidates = tuple(candidate(k) for k in ranked[:MAX_CANDIDATES])
    top = board.scores[best]
    if top < MATCH_THRESHOLD:
        return AuthorityMatch(match=None, candidates=candidates)
    for other in ranked[1:]:
        if board.scores[other] >= top - AMBIGUITY_MARGIN and not _related(gazetteer, best, other):
            return AuthorityMatch(match=None, candidates=candidates, evidence=("mehrdeutig",))
    chosen = candidates[0]
    return AuthorityMatch(
        match=chosen, candidates=candidates, evidence=chosen.evidence, confidence=confidence_of(chosen.score)
    )
