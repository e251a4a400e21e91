"""New text vs quoted history vs signature for German and English mail clients, and inline
forwards. mail-parser-reply does the split; these cases verify it on German mail and cover what
intake.bodies adds (separator lines, closing formulas, contact-block signatures)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from intake.bodies import split_body
from intake.forwarding import find_inline_forward, parse_loose_date

SIGNATURE = """Mit freundlichen Grüßen
Im Auftrag

Hans Müller
Hauptamt
Gemeinde Leinefelde-Worbis
Bahnhofstraße 43
37327 Leinefelde-Worbis
Tel. 03605 200-123"""


def test_outlook_header_block_reply_keeps_all_three_parts():
    text = f"""Sehr geehrte Frau Schmidt,

wir reichen den Antrag bis Freitag ein.

{SIGNATURE}

________________________________
Von: Schmidt, Anna <anna.schmidt@tfm.thueringen.de>
Gesendet: Montag, 16. März 2026 14:02
An: Müller, Hans <h.mueller@leinefelde-worbis.de>
Betreff: AW: Förderantrag

Sehr geehrter Herr Müller,
bitte reichen Sie den Antrag ein.
"""
    new, quoted, signature = split_body(text)
    assert new == "Sehr geehrte Frau Schmidt,\n\nwir reichen den Antrag bis Freitag ein."
    assert signature == SIGNATURE  # the closing block the linker reads
    assert quoted.startswith("Von: Schmidt, Anna")  # Outlook's underscore rule is only a separator
    assert quoted.endswith("bitte reichen Sie den Antrag ein.")


def test_urspruengliche_nachricht_separator_goes_to_the_quote():
    text = """Guten Tag,
ist das förderfähig?

-----Ursprüngliche Nachricht-----
Von: Anna Schmidt [mailto:anna.schmidt@tfm.thueringen.de]
Gesendet: Montag, 16. März 2026 14:02
An: Lange, Petra
Betreff: Frist

Alter Text
"""
    new, quoted, signature = split_body(text)
    assert new == "Guten Tag,\nist das förderfähig?"
    assert quoted.startswith("-----Ursprüngliche Nachricht-----\nVon: Anna Schmidt")
    assert "Alter Text" in quoted
    assert signature == ""


def test_thunderbird_and_gmail_attribution_lines():
    thunderbird = "Danke!\n\nAm 17.03.2026 um 16:00 schrieb Anna Schmidt:\n> Die Frist ist der 30. Juni.\n"
    assert split_body(thunderbird) == (
        "Danke!",
        "Am 17.03.2026 um 16:00 schrieb Anna Schmidt:\n> Die Frist ist der 30. Juni.",
        "",
    )
    gmail = "Danke!\n\nAm Mo., 16. März 2026 um 14:02 Uhr schrieb Anna Schmidt <\nanna@tfm.thueringen.de>:\n\n> Alt\n"
    new, quoted, _ = split_body(gmail)
    assert new == "Danke!"
    assert quoted.startswith("Am Mo., 16. März 2026") and quoted.endswith("> Alt")


def test_english_client():
    text = (
        "Thanks, that helps.\n\nBest regards\nJohn Smith\n\n"
        "On Mon, Mar 16, 2026 at 2:02 PM Anna <a@b.de> wrote:\n> old\n"
    )
    new, quoted, signature = split_body(text)
    assert new == "Thanks, that helps."
    assert signature == "Best regards\nJohn Smith"
    assert quoted.startswith("On Mon, Mar 16, 2026") and quoted.endswith("> old")


def test_closing_formulas_and_mobile_signatures():
    assert split_body("Frage zum OZG.\n\nFreundliche Grüße\nB. Vogt")[2] == "Freundliche Grüße\nB. Vogt"
    assert split_body("Frage.\n\nMit freundlichem Gruß\nB. Vogt")[2] == "Mit freundlichem Gruß\nB. Vogt"
    assert split_body("Frage.\n\n-- \nB. Vogt\nTel. 0361 1234")[2] == "--\nB. Vogt\nTel. 0361 1234"
    assert split_body("Bitte um Rückruf.\n\nVon meinem iPhone gesendet")[2] == "Von meinem iPhone gesendet"


def test_a_greeting_at_the_start_or_inside_a_sentence_is_not_a_signature():
    text = "Viele Grüße aus Erfurt,\nwir haben eine Frage zum Onlinezugangsgesetz.\n\nDanke!"
    assert split_body(text) == (text, "", "")
    text = "Guten Tag,\nmit freundlichen Grüßen möchten wir Ihnen mitteilen, dass der Antrag fertig ist.\nM. Bauer"
    assert split_body(text)[2] == ""


def test_contact_block_without_closing_is_a_signature():
    text = (
        "Ist das förderfähig?\n\nGemeinde Nesse-Apfelstädt\nTel. 036202 123\nTrügleber Str. 5\n99192 Nesse-Apfelstädt"
    )
    new, _, signature = split_body(text)
    assert new == "Ist das förderfähig?"
    assert signature.startswith("Gemeinde Nesse-Apfelstädt") and signature.endswith("99192 Nesse-Apfelstädt")


def test_plain_text_without_quote_or_signature_is_all_new():
    assert split_body("Nur eine Frage zur IT-Sicherheit.") == ("Nur eine Frage zur IT-Sicherheit.", "", "")
    assert split_body("") == ("", "", "")


def test_inline_forward_markers_give_the_original():
    gmail = """FYI

---------- Forwarded message ---------
From: Klaus Becker <k.becker@stadt-apolda.de>
Date: Mon, 23 Mar 2026 at 17:05
Subject: Breitband
To: <sekretariat@stadt-apolda.de>

Welche Leistungen?
"""
    original = find_inline_forward(gmail)
    assert original.sender.address == "k.becker@stadt-apolda.de"
    assert original.subject == "Breitband"
    assert original.text == "Welche Leistungen?"
    gmx = """-------- Original-Nachricht --------
Betreff: Antrag
Datum: 2026-03-23T17:05:12+0100
Von: "Becker, Klaus" <k.becker@stadt-apolda.de>
An: info@stadt-apolda.de

Text des Originals
"""
    assert find_inline_forward(gmx).sender.address == "k.becker@stadt-apolda.de"


def test_bare_outlook_block_counts_as_forward_only_with_a_forward_subject():
    body = """Bitte um Prüfung.

Von: Bürgermeister <bm@gemeinde-x.de>
Gesendet: Mittwoch, 1. April 2026 15:47
An: Hauptamt <hauptamt@gemeinde-x.de>
Betreff: Digitalisierung

Original
"""
    assert find_inline_forward(body, "WG: Digitalisierung").sender.address == "bm@gemeinde-x.de"
    assert find_inline_forward(body, "AW: Digitalisierung") is None  # a reply quote, not a forward


def test_german_quote_header_dates():
    berlin = ZoneInfo("Europe/Berlin")
    assert parse_loose_date("Mittwoch, 1. April 2026 15:47") == datetime(2026, 4, 1, 15, 47, tzinfo=berlin)
    assert parse_loose_date("17.03.2026 um 10:15") == datetime(2026, 3, 17, 10, 15, tzinfo=berlin)
    assert parse_loose_date("Tuesday, 6 April 2021 9:09 PM") == datetime(2021, 4, 6, 21, 9, tzinfo=berlin)
    assert parse_loose_date("Mon, 23 Mar 2026 at 17:05") == datetime(2026, 3, 23, 17, 5, tzinfo=berlin)
    assert parse_loose_date("Mon, 23 Mar 2026 17:05:12 +0100").utcoffset().total_seconds() == 3600
    assert parse_loose_date("irgendwann") is None


def test_format_flowed_is_unwrapped():
    from intake.parsing import unflow

    text = "danke, das hilft \nuns sehr.\n\n-- \nPetra\n> Sehr geehrte \n> Frau Lange,\n"
    assert unflow(text) == "danke, das hilft uns sehr.\n\n-- \nPetra\n> Sehr geehrte Frau Lange,\n"
    assert unflow("ab \ncd", delete_space=True) == "abcd"
