"""Sender registry and learned domains through the real pipeline on SQLite and PostgreSQL: once a consultant
confirms who an address (or an administration's domain) belongs to, later mail links without
guessing."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from sqlmodel import Session

from casework.gazetteers import learned_domains
from casework.pipeline import process_stored_message
from intake.channel import store_raw
from models import Consultation, KnownSender


@pytest.fixture(params=["sqlite_runtime", "postgres_runtime"])
def runtime(request):
    return request.getfixturevalue(request.param)


UNSIGNED = "Guten Tag,\n\nkurze Frage: wie binden wir das Servicekonto an?\n\nGruß\nA. Becker"


def _process(runtime, sender: str, body: str = UNSIGNED, message_id: str | None = None) -> Consultation:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = "Servicekonto"
    if message_id:
        message["Message-ID"] = message_id
    message.set_content(body)
    inbound_id, _ = store_raw(runtime.engine, bytes(message), channel="smtp")
    with Session(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
        session.commit()
        return session.get(Consultation, result.consultation_id)


def test_confirmed_sender_address_links_later_mail(runtime):
    first = _process(runtime, "A. Becker <a.becker@gmx.de>", message_id="<one@gmx.de>")
    assert first.authority_key is None
    assert first.suggested_authority["match"] is None and first.suggested_authority["candidates"] == []
    assert first.suggested_authority["explanation"].startswith("Keine Behörde erkannt")

    with Session(runtime.engine) as session:
        session.add(KnownSender(address="a.becker@gmx.de", authority_key="16071001", confirmed_by="berater"))
        session.commit()

    second = _process(runtime, "A. Becker <a.becker@gmx.de>", message_id="<two@gmx.de>")
    assert second.authority_key == "16071001"
    evidence = second.suggested_authority["match"]["evidence"]
    assert evidence == ["bestätigter Absender a.becker@gmx.de"]


def test_domains_of_confirmed_consultations_are_learned(runtime):
    first = _process(runtime, "A. Becker <a.becker@rathaus-nord.example>", message_id="<l1@x>")
    assert first.authority_key is None
    with Session(runtime.engine) as session:
        consultation = session.get(Consultation, first.id)
        consultation.authority_key = "16071001"
        consultation.authority_confirmed = True
        session.add(consultation)
        # a generic provider is never learned, even when confirmed
        provider = _confirmed(session, "someone@gmx.de", "16053000")
        session.add(provider)
        session.commit()
        assert learned_domains(session, ["rathaus-nord.example", "gmx.de"]) == {"rathaus-nord.example": "16071001"}

    colleague = _process(runtime, "K. Lenz <k.lenz@rathaus-nord.example>", message_id="<l2@x>")
    assert colleague.authority_key == "16071001"
    assert any("gelernte Domain" in e for e in colleague.suggested_authority["match"]["evidence"])
    stranger = _process(runtime, "P. Roth <p.roth@gmx.de>", message_id="<l3@x>")
    assert stranger.authority_key is None


def test_a_domain_confirmed_for_two_authorities_teaches_nothing(runtime):
    with Session(runtime.engine) as session:
        session.add(_confirmed(session, "a@kreis-und-stadt.example", "16067"))
        session.add(_confirmed(session, "b@kreis-und-stadt.example", "16067029"))
        session.commit()
        assert learned_domains(session, ["kreis-und-stadt.example"]) == {}
    assert _process(runtime, "C <c@kreis-und-stadt.example>").authority_key is None


def _confirmed(session: Session, address: str, key: str) -> Consultation:
    from models.references import next_reference

    return Consultation(
        reference=next_reference(session, prefix="KV", year=2026),
        subject="x",
        channel="smtp",
        sender_address=address,
        authority_key=key,
        authority_confirmed=True,
    )
