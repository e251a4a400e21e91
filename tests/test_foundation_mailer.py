"""The mailer against a real aiosmtpd sink: automatic replies go out with the null envelope
sender (RFC 3834), consultants' mail with Eingang's address; threading headers are set."""

from __future__ import annotations

import pytest

from casework.mailer import MailNotConfigured, new_message, send_message
from tests.conftest import make_settings


def test_automatic_reply_uses_null_envelope_sender_and_threads(smtp_sink):
    sink, port = smtp_sink
    settings = make_settings(relay_host="127.0.0.1", relay_port=port)
    message = new_message(
        settings,
        to="hauptamt@vg-leinetal.de",
        subject="Eingangsbestätigung [KV-2026-00001]",
        body="Vielen Dank für Ihre Nachricht.",
        in_reply_to="<original@vg-leinetal.de>",
        references=["<earlier@vg-leinetal.de>"],
        auto_submitted="auto-replied",
    )
    send_message(settings, message)
    envelope_from, recipients, _raw = sink.messages[0]
    assert envelope_from in ("", "<>")
    assert recipients == ["hauptamt@vg-leinetal.de"]
    sent = sink.parsed()[0]
    assert sent["In-Reply-To"] == "<original@vg-leinetal.de>"
    assert sent["References"] == "<earlier@vg-leinetal.de> <original@vg-leinetal.de>"
    assert sent["Auto-Submitted"] == "auto-replied"
    assert "Vielen Dank für Ihre Nachricht." in sent.get_content()


def test_personal_answer_uses_eingang_address_as_envelope_sender(smtp_sink):
    sink, port = smtp_sink
    settings = make_settings(relay_host="127.0.0.1", relay_port=port)
    send_message(settings, new_message(settings, to="bm@gemeinde.example", subject="Antwort", body="Guten Tag"))
    assert sink.messages[0][0] == "kompetenzzentrum@tfm.thueringen.de"


def test_without_relay_nothing_is_sent():
    settings = make_settings(relay_host=None)
    with pytest.raises(MailNotConfigured):
        send_message(settings, new_message(settings, to="a@b.de", subject="x", body="y"))
