"""Honorary mayors of small places writing from private or VG addresses: a mayor's title with the
place ("Bgm. Schmeheim"), "Grüße aus X" in the closing, the place in the address's local part —
and the cases where none of this may link (a person after "Bgm.", ordinary words, citizens)."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from classifiers import evaluation
from classifiers.evaluation import load_labelled_dir
from classifiers.linker import link
from classifiers.predictions import TopicPrediction
from intake.parsing import parse

EVALUATION_PROBE_DIR = Path(__file__).parent / "data" / "evaluation_probe"
QUESTION = "Hallo,\n\nmüssen wir als Gemeinde alle Leistungen selbst online anbieten?\n\n"
SCHMEHEIM, DOEBRITSCHEN, KIRCHGANDERN, NOBITZ, ERFURT = "16069044", "16071013", "16061057", "16077036", "16051000"


def linked(sender: str, body: str, subject: str = "Frage") -> str | None:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message.set_content(body)
    result = link(parse(bytes(message)))
    return result.match.key if result.match else None


# 1. a mayor's title with the place, in the signature or as the display name


def test_mayor_title_in_the_signature_names_the_municipality():
    assert linked("Ewald Kuehn <ewald.kuehn58@gmx.de>", QUESTION + "Gruss\nEwald Kuehn\nBgm. Schmeheim") == SCHMEHEIM
    assert linked("x@web.de", QUESTION + "Danke\nR. Koch, Bgm Döbritschen") == DOEBRITSCHEN
    assert linked("x@t-online.de", QUESTION + "MfG\nK. Adler\nBM Nobitz") == NOBITZ
    assert linked("x@t-online.de", QUESTION + "MfG\nK. Adler\nBürgermeisterin Nobitz") == NOBITZ
    assert linked("x@t-online.de", QUESTION + "MfG\nK. Adler\nBürgermeister(in) Nobitz") == NOBITZ
    assert linked("x@t-online.de", QUESTION + "MfG\nK. Adler\nOrtsbürgermeister Nobitz") == NOBITZ


def test_mayor_title_as_display_name_from_the_vg_office_is_the_member():
    assert linked("Bgm Kirchgandern <kirchgandern@vghr.de>", "hallo, wer bezahlt das eigentlich?\nBernd") == (
        KIRCHGANDERN
    )
    # a place name shared by two municipalities is told apart by the VG office's domain
    assert linked("Bgm Eichenberg <bgm@vg-feldstein.de>", QUESTION + "Gruß B.") == "16069011"
    assert linked("Bgm Eichenberg <bgm@gmx.de>", QUESTION + "Gruß B.") is None


def test_mayor_title_before_a_person_or_an_ordinary_word_links_nothing():
    assert linked("x@gmx.de", QUESTION + "Gruß\nBgm. Müller") is None
    assert linked("x@gmx.de", QUESTION + "Gruß\nBürgermeister Hans Schulze") is None
    assert linked("x@gmx.de", QUESTION + "Gruß\nBgm. Rohr") is None  # Rohr is an ordinary word
    assert linked("Bgm. Müller <mueller@gmx.de>", QUESTION + "Gruß") is None
    # in a sentence the title is no signature
    assert (
        linked("x@gmx.de", QUESTION + "Ich habe mit Bgm. Nobitz, Herrn Krause und anderen gesprochen, danke.") is None
    )


def test_mayor_title_naming_the_vg_itself_stays_the_vg():
    body = "Sehr geehrte Damen und Herren,\n\nunsere PCs sind verschlüsselt.\n\nMfG\nVG Kindelbrück"
    assert linked("Bürgermeister Kindelbrück <bm@vg-kindelbrueck.de>", body) == "160685005"


# 2. "Grüße aus X" in the closing


def test_greeting_from_a_place_with_the_place_in_the_address_links():
    body = "Vielen Dank für die schnelle Antwort!\n\nBeste Grüße aus Döbritschen\nReinhard Koch"
    assert linked("Reinhard Koch <koch.doebritschen@t-online.de>", body) == DOEBRITSCHEN
    assert linked("b.lutz@gmx.de", QUESTION + "Gruß aus Großschwabhausen\nB. Lutz") is None  # no second cue
    assert linked("b.grossschwabhausen@gmx.de", QUESTION + "Gruß aus Großschwabhausen\nB. Lutz") == "16071025"


def test_greeting_from_a_place_with_a_mayor_cue_links():
    body = "Hallo,\n\nich bin ehrenamtlicher Bürgermeister und habe eine Frage.\n\nViele Grüße aus Nobitz\nK."
    assert linked("kurt@gmx.de", body) == NOBITZ
    assert linked("kurt@gmx.de", QUESTION + "Viele Grüße aus Nobitz\nKurt\nBgm.") == NOBITZ


def test_greeting_from_a_place_alone_does_not_link():
    assert linked("kurt@gmx.de", QUESTION + "Viele Grüße aus Nobitz\nKurt") is None
    assert linked("kurt@gmx.de", QUESTION + "Viele Grüße aus dem schönen Erfurt\nKurt") is None


def test_citizen_greeting_from_a_place_never_links():
    body = "Guten Tag,\n\nals Bürger habe ich eine Frage zu meinem Grundsteuerbescheid.\n\nGrüße aus Erfurt\nAnna"
    assert linked("anna.erfurt@gmx.de", body) is None
    assert linked("anna@web.de", body) is None


def test_greeting_from_the_vg_seat_is_the_office_not_a_member():
    body = "Sehr geehrte Damen und Herren,\n\nwir planen ein neues DMS.\n\nGrüße aus Themar\nVG Feldstein"
    assert linked("it@vg-feldstein.de", body) == "160695002"
    # from the VG office a greeting from a member is that member
    assert linked("gruber@vg-feldstein.de", QUESTION + "Grüße aus Schmeheim\nGruber") == SCHMEHEIM


# 3. the place in the local part of a generic provider's address


def test_local_part_alone_is_never_enough():
    assert linked("koch.doebritschen@t-online.de", QUESTION + "Gruß\nR. Koch") is None
    assert linked("nobitz-bgm@gmx.de", QUESTION + "Gruß\nBürgermeister") is None
    result = link(parse(_raw("koch.doebritschen@t-online.de", QUESTION + "Gruß\nR. Koch")))
    assert result.candidates and result.candidates[0].key == DOEBRITSCHEN  # offered, not chosen


def _raw(sender: str, body: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = "Frage"
    message.set_content(body)
    return bytes(message)


def test_evaluation_probe_mayors_link_without_wrong_links():
    mails = load_labelled_dir(EVALUATION_PROBE_DIR)
    outcomes = evaluation.run_pipeline(
        mails,
        classify=lambda parsed: TopicPrediction(scores=(), topics=()),
        link=lambda parsed: link(parsed, known_senders=None),
    )
    authority = evaluation.summarise(outcomes)["authority"]
    assert authority["wrong_rate"] == 0.0, authority
    assert authority["accuracy"] >= 0.98, authority
