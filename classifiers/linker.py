"""Linking a message to the Thuringian authority it comes from:
``link(ParsedMail, known_senders=...) -> AuthorityMatch``.

First version: the sender registry, the sender's domain (the gazetteer's office domains), and
"Stadt/Gemeinde/Landratsamt X" phrases in the signature and text. Pure: the gazetteer is loaded
once per process; the sender registry is passed in by the caller."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from classifiers.gazetteer import Gazetteer, packaged_gazetteer
from classifiers.predictions import AuthorityCandidate, AuthorityMatch
from intake.parsed import ParsedMail

MATCH_THRESHOLD = 0.6


@lru_cache(maxsize=1)
def _domain_index(gazetteer: Gazetteer) -> dict[str, str]:
    """Office e-mail domain -> authority key (the VG/EG, or the Gemeinde when it is alone)."""
    index: dict[str, str] = {}
    for association in gazetteer.associations.values():
        if association.email_domain:
            index[association.email_domain.lower()] = association.key
    return index


@lru_cache(maxsize=1)
def _name_index(gazetteer: Gazetteer) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for municipality in gazetteer.municipalities.values():
        index.setdefault(municipality.name.lower(), []).append(municipality.key)
    return index


_PHRASE = re.compile(
    r"\b(Stadtverwaltung|Gemeindeverwaltung|Stadt|Gemeinde|Landratsamt|Landkreis|Verwaltungsgemeinschaft|VG)\s+"
    r"([A-ZÄÖÜ][\wäöüß.\-/]+(?:\s+(?:an der|am|im|in|ob der|vor der)?\s*[A-ZÄÖÜ][\wäöüß.\-/]+)?)"
)


def _candidate(gazetteer: Gazetteer, key: str, score: float, evidence: str) -> AuthorityCandidate:
    return AuthorityCandidate(
        key=key,
        name=gazetteer.authority_name(key) or key,
        kind=gazetteer.authority_kind(key) or "",
        score=score,
        evidence=(evidence,),
    )


def link(
    parsed: ParsedMail,
    *,
    known_senders: Mapping[str, str] | None = None,
    gazetteer: Gazetteer | None = None,
) -> AuthorityMatch:
    """Decide which authority sent ``parsed``; abstain (match None) without real evidence."""
    gazetteer = gazetteer or packaged_gazetteer()
    candidates: dict[str, AuthorityCandidate] = {}

    def add(key: str, score: float, evidence: str) -> None:
        current = candidates.get(key)
        if current is None:
            candidates[key] = _candidate(gazetteer, key, score, evidence)
        else:
            combined = 1 - (1 - current.score) * (1 - score)
            candidates[key] = AuthorityCandidate(
                key, current.name, current.kind, combined, (*current.evidence, evidence)
            )

    sender = parsed.original_sender or parsed.sender
    if sender and known_senders and sender.address in known_senders:
        add(known_senders[sender.address], 0.99, f"bestätigter Absender {sender.address}")
    if sender and sender.domain:
        key = _domain_index(gazetteer).get(sender.domain)
        if key:
            add(key, 0.7, f"Absender-Domain {sender.domain}")

    names = _name_index(gazetteer)
    for text, weight in ((parsed.signature, 0.7), (parsed.new_text, 0.4)):
        for kind_word, name in _PHRASE.findall(text or ""):
            for candidate_name in (name, name.split()[0]):
                lowered = candidate_name.strip(".,").lower()
                if kind_word in ("Landratsamt", "Landkreis"):
                    for district in gazetteer.districts.values():
                        if district.name.lower() == lowered and district.kind == "Landkreis":
                            add(district.key, weight, f"„{kind_word} {candidate_name}“")
                    continue
                keys = names.get(lowered, [])
                if len(keys) == 1:
                    add(keys[0], weight, f"„{kind_word} {candidate_name}“")
                    break

    ranked = tuple(sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:5])
    best = ranked[0] if ranked and ranked[0].score >= MATCH_THRESHOLD else None
    return AuthorityMatch(match=best, candidates=ranked, evidence=best.evidence if best else ())
