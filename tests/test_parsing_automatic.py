"""Automatic mail is recognised (no acknowledgement may go to it); mail a person wrote is not."""

from __future__ import annotations

import pytest

from intake.parsing import parse


def mail(
    subject: str = "Frage", sender: str = "hauptamt@gemeinde-x.de", headers: str = "", body: str = "Text"
) -> bytes:
    return f"From: {sender}\nTo: egovernment@tfm.thueringen.de\nSubject: {subject}\n{headers}\n{body}\n".encode()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (mail(headers="Auto-Submitted: auto-replied\n"), "Auto-Submitted: auto-replied"),
        (mail(headers="Auto-Submitted: auto-generated\n"), "Auto-Submitted: auto-generated"),
        (mail(headers="X-Autoreply: yes\n"), "X-Autoreply"),
        (mail(headers="Precedence: bulk\n"), "Precedence: bulk"),
        (mail(headers="Precedence: junk\n"), "Precedence: junk"),
        (mail(headers="Precedence: list\n"), "Precedence: list"),
        (mail(headers="List-Unsubscribe: <mailto:leave@lists.example.org>\n"), "mailing list"),
        (mail(headers="List-Id: OZG-Newsletter <ozg.lists.example.org>\n"), "mailing list"),
        (
            mail(
                headers='MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="x"\n'
            ),
            "delivery status notification",
        ),
        (mail(sender="MAILER-DAEMON@mx.example.org"), "delivery status notification (mailer-daemon sender)"),
        (mail(sender="postmaster@mx.example.org"), "delivery status notification (mailer-daemon sender)"),
        (mail(subject="Unzustellbar: Förderantrag"), "delivery status notification (subject)"),
        (mail(subject="Undeliverable: Antrag"), "delivery status notification (subject)"),
        (mail(subject="Abwesenheitsnotiz: Förderantrag"), "out of office"),
        (mail(subject="Automatische Antwort: AW: Förderantrag"), "out of office"),
        (mail(subject="Out of Office: Your request"), "out of office"),
        (mail(subject="Automatic reply: Antrag"), "out of office"),
        (mail(subject="Ich bin bis 06.04. nicht im Büro"), "out of office"),
        (mail(subject="Ich bin vom 1. bis 5. April nicht im Hause"), "out of office"),
        (mail(subject="[KV-2026-00042] Abwesenheitsnotiz"), "out of office"),
    ],
)
def test_automatic_mail_is_recognised(raw, reason):
    parsed = parse(raw)
    assert parsed.auto_reply is True
    assert parsed.auto_reply_reason == reason


@pytest.mark.parametrize(
    "raw",
    [
        mail(),
        mail(headers="Auto-Submitted: no\n"),
        mail(subject="WG: Unzustellbar: Förderantrag"),  # a person forwarding a bounce asks a question
        mail(subject="Server nicht erreichbar - ist das ein Sicherheitsvorfall?"),
        mail(subject="Frage zur Abwesenheitsvertretung im Bürgerbüro"),
        mail(headers="X-Auto-Response-Suppress: All\n"),  # Outlook sets it on ordinary mail too
    ],
)
def test_mail_a_person_wrote_is_not_automatic(raw):
    parsed = parse(raw)
    assert parsed.auto_reply is False
    assert parsed.auto_reply_reason is None
