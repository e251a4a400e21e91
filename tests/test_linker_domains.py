"""A domain that is nothing but the authority's name identifies it; a company named after a
town does not."""

from __future__ import annotations

import pytest

from classifiers.linker import link
from intake.parsing import parse


def _link(sender: str, signature: str = "Viele Grüße\nIT"):
    raw = (
        f"From: {sender}\nTo: egovernment@tfm.thueringen.de\nSubject: Frage zum ISMS\nMessage-ID: <d@x>\n\n"
        f"Guten Tag,\nwie gehen wir beim ISMS vor?\n\n{signature}\n"
    ).encode()
    return link(parse(raw))


@pytest.mark.parametrize(
    ("sender", "key"),
    [
        ("it@erfurt.de", "16051000"),
        ("it@stadt-sonneberg.de", "16072018"),
        ("poststelle@landkreis-gotha.de", "16067"),
        ("it@mail.weimar.de", "16055000"),
    ],
)
def test_domain_that_is_the_name_links(sender: str, key: str):
    match = _link(sender).match
    assert match is not None and match.key == key
    assert any("Domain" in evidence for evidence in match.evidence)


@pytest.mark.parametrize(
    "sender",
    [
        "vertrieb@stadtwerke-erfurt.de",
        "info@erfurt-tourismus.de",
        "a@gmx.de",
        "admin@oppurg.example",  # Gemeinde Oppurg or the office of VG Oppurg: the domain cannot tell
    ],
)
def test_domain_with_more_than_the_name_does_not_link_alone(sender: str):
    assert _link(sender).match is None
