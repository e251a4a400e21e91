"""Issue 15, second round (model v8): the error categories found on tests/data/blind_2026 after it
was opened (it is no longer blind). Each test names a category; the phrasings are written here and
are not those of any evaluation set."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from classifiers.evaluation import load_labelled_dir, run_pipeline, summarise
from classifiers.incident_time import read_incident_time
from classifiers.linker import link
from classifiers.request_cues import (
    acknowledgement_only,
    announcement_only,
    funding_question,
    new_subject_matter,
    refers_to_forwarded,
)
from classifiers.topic_model import load_topic_model
from classifiers.topics import classify
from intake.parsing import parse


def _mail(sender: str, subject: str, body: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def _classify(subject: str, body: str, sender: str = "it@gemeinde.example"):
    return classify(parse(_mail(sender, subject, body)), load_topic_model())


def _link(sender: str, body: str, subject: str = "Anfrage") -> str | None:
    match = link(parse(_mail(sender, subject, body))).match
    return match.key if match else None


# -- topics ---------------------------------------------------------------------------------------

FUNDING_FOLLOW_UPS = [
    (
        "Zwei-Faktor",
        "Wir wollen für alle Konten einen zweiten Anmeldefaktor einführen. Bekommen wir dafür Fördergeld?",
        "it_security",
    ),
    (
        "Netztrennung",
        "Unser Dienstleister rät zur Trennung von Verwaltungs- und Gästenetz. Wird das gefördert?",
        "it_security",
    ),
    (
        "Meldeverfahren",
        "Die Anbindung des Onlinedienstes Ummeldung an unser Fachverfahren kostet 4.000 Euro. "
        "Ist das eine OZG-Pflicht, und gibt es dafür einen Zuschuss?",
        "ozg_duties",
    ),
]


@pytest.mark.parametrize(("subject", "body", "other"), FUNDING_FOLLOW_UPS)
def test_a_funding_question_after_a_security_or_ozg_matter_adds_eligibility(subject: str, body: str, other: str):
    assert funding_question(body)
    prediction = _classify(subject, body)
    assert {"eligibility", other} <= set(prediction.topics), prediction
    # a suggested topic never shows a tiny confidence: the model's, or the rule's measured 0.94
    assert next(s for s in prediction.scores if s.topic == "eligibility").probability >= 0.5


def test_funding_words_in_a_report_after_the_fact_ask_nothing() -> None:
    report = (
        "Hiermit teilen wir mit, dass die geförderte Digitalisierung des Bauarchivs beendet ist. "
        "Eine Rückmeldung ist nicht erforderlich."
    )
    assert acknowledgement_only(report) and not funding_question(report)
    assert _classify("Abschlussmitteilung", report).topics == ()


def test_adverts_and_invitations_get_no_topic_and_no_urgent_flag() -> None:
    advert = "Daten weg, Server verschlüsselt – was jetzt? Unser Notfallservice hilft. Jetzt Demo-Termin vereinbaren!"
    invitation = "Wir laden Sie herzlich zu unserem Online-Seminar zur Informationssicherheit im Rathaus ein."
    for text in (advert, invitation):
        assert announcement_only(text)
        prediction = _classify("Angebot", text, sender="info@sicher-vertrieb.example")
        assert prediction.topics == () and not prediction.urgent, prediction
    assert not announcement_only("Wir laden Sie zum Workshop ein – dürfen auch Bürgermeister teilnehmen?")


def test_a_reply_that_turns_to_another_matter_is_read_without_the_old_subject() -> None:
    assert new_subject_matter("AW: Firewall-Regeln", "Danke! Noch eine ganz andere Frage: wie läuft die BundID?")
    assert not new_subject_matter("Firewall-Regeln", "Noch eine ganz andere Frage: wie läuft die BundID?")
    body = (
        "Danke für die Hilfe mit den Firewall-Regeln. Ganz anderes Thema: müssen wir nach dem OZG auch die "
        "Anträge der Friedhofsverwaltung online anbieten?"
    )
    prediction = _classify("AW: Firewall-Regeln", body)
    assert "ozg_duties" in prediction.topics and "it_security" not in prediction.topics, prediction
    kept = load_topic_model().classify_text(f"AW: Firewall-Regeln\n\n{body}")
    assert kept.score_of("it_security") > prediction.score_of("it_security")  # the old subject is left out


def test_a_short_forward_is_read_together_with_the_forwarded_mail() -> None:
    body = (
        "Können Sie mir bei der Antwort helfen?\n\n"
        "---------- Forwarded message ---------\nVon: Ortsteilrat <ortsteilrat@example.org>\n"
        "Betreff: Frage\n\nWarum kann man die Sondernutzungserlaubnis noch nicht online beantragen? "
        "Verlangt das Onlinezugangsgesetz das nicht längst?"
    )
    parsed = parse(_mail("hauptamt@gemeinde.example", "WG: Frage", body))
    assert refers_to_forwarded(parsed.new_text, parsed.original_text)
    assert "ozg_duties" in classify(parsed, load_topic_model()).topics


def test_short_security_questions_are_it_security() -> None:
    for subject, body in (
        ("2FA", "Brauchen wir für den Fernzugang der Kämmerei eine Anmeldung mit zweitem Faktor?"),
        ("Verschlüsselung", "Müssen Bauanträge aus dem Portal Ende-zu-Ende-verschlüsselt ankommen, oder reicht TLS?"),
    ):
        prediction = _classify(subject, body)
        assert "it_security" in prediction.topics and not prediction.urgent, prediction


# -- urgency --------------------------------------------------------------------------------------


def test_encryption_as_a_safeguard_is_no_incident() -> None:
    time = read_incident_time("Müssen Meldedaten verschlüsselt versendet werden, wenn wir sie an den Kreis schicken?")
    assert time.not_current
    assert not _classify("Meldedaten verschlüsselt?", "Sollen Meldedaten verschlüsselt übertragen werden?").urgent


def test_nothing_happened_settles_a_question_about_a_leak() -> None:
    body = "Wen informieren wir, falls Meldedaten abfließen? Es ist bisher nichts passiert, nur vorsorglich."
    prediction = _classify("Datenleck – Meldeweg", body)
    assert not prediction.urgent and "it_security" in prediction.topics


@pytest.mark.parametrize(
    "body",
    [
        "Seit heute früh läuft bei uns ein Verschlüsselungsangriff, er ist noch nicht gestoppt. Wir brauchen Hilfe.",
        "Auf unserer Homepage steht seit etwa 9 Uhr ein Bekennerschreiben, wir kommen nicht ins System. Was jetzt?",
    ],
)
def test_ongoing_incidents_told_with_compound_nouns_are_urgent(body: str) -> None:
    prediction = _classify("Vorfall", body)
    assert prediction.urgent and "it_security" in prediction.topics, prediction


def test_a_past_theft_with_an_encrypted_disk_is_not_urgent() -> None:
    body = (
        "Im Herbst wurde ein Dienstlaptop gestohlen, die Platte war verschlüsselt. "
        "Ist eine Verschlüsselung aller Geräte förderfähig?"
    )
    assert not _classify("Verschlüsselung nach Diebstahl", body).urgent


# -- automatic mail -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Abwesend: Anfrage", "Ich bin bis zum 20. April nicht erreichbar."),
        ("Re: Antrag", "bin im urlaub bis 12.5., in dringenden fällen bitte 036 123 0 anrufen. m. kurz"),
        (
            "Ihre Nachricht",
            "Vielen Dank für Ihre Nachricht. Das Rathaus ist vom 27.12. bis 3.1. geschlossen. "
            "Ihre Nachricht wird ab dem 4.1. bearbeitet.",
        ),
        ("Info", "Ich bin vom 3. bis 7. Juni nicht im Büro. Ab dem 10. Juni bin ich wieder für Sie da."),
    ],
)
def test_out_of_office_replies_recognised_by_their_text(subject: str, body: str) -> None:
    parsed = parse(_mail("amt@gemeinde.example", subject, body))
    assert parsed.auto_reply, parsed.auto_reply_reason


def test_a_person_telling_of_closed_offices_with_a_question_is_no_auto_reply() -> None:
    body = "Das Rathaus ist vom 27.12. bis 3.1. geschlossen. Können wir den Antrag trotzdem bis zum 2.1. einreichen?"
    assert not parse(_mail("amt@gemeinde.example", "Frist", body)).auto_reply


def test_a_bounce_with_auto_submitted_links_nobody() -> None:
    message = EmailMessage()
    message["From"] = "Mail Delivery System <MAILER-DAEMON@vgem-dornburg-camburg.de>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = "Undelivered Mail Returned to Sender"
    message["Auto-Submitted"] = "auto-replied"
    message.set_content("Your message could not be delivered to hauptamt@vgem-dornburg-camburg.de: user unknown")
    parsed = parse(bytes(message))
    assert parsed.auto_reply and parsed.auto_reply_reason.startswith("delivery status notification")
    assert link(parsed).match is None


# -- linking --------------------------------------------------------------------------------------


def test_an_it_provider_named_only_in_the_text_writes_for_its_client() -> None:
    body = (
        "Guten Tag,\n\nals IT-Dienstleister der Gemeinde Friemar fragen wir, welche Meldefrist für einen "
        "Virenbefall gilt.\n\nViele Grüße\nServiceteam"
    )
    assert _link("service@fahner-edv.example", body) == "16067022"
    client = (
        "Hallo,\n\nfür unseren Kunden, die Gemeinde Friemar, richten wir die BundID ein. Welche Version?\n\nSupport"
    )
    assert _link("support@hoerselberg-it.example", client) == "16067022"


def test_a_vendor_naming_a_reference_customer_links_nobody() -> None:
    body = "Als IT-Dienstleister betreuen wir bereits die Gemeinde Friemar. Gerne stellen wir Ihnen unsere Lösung vor."
    assert _link("vertrieb@beispiel-it.example", body) is None


def test_an_it_provider_outside_thuringia_still_writes_for_the_named_gemeinde() -> None:
    body = (
        "Sehr geehrte Damen und Herren,\n\nim Auftrag der Gemeinde Friemar fragen wir nach der Förderung "
        "eines Dokumentenmanagements. Wir betreuen die Gemeinde als IT-Dienstleister."
        "\n\nMit freundlichen Grüßen\nBeispiel Software GmbH\n04109 Leipzig (Sachsen)"
    )
    assert _link("vertrieb@beispielsoft.example", body) == "16067022"


def test_an_erfuellende_gemeinde_for_itself_and_named_gemeinden_is_the_arrangement() -> None:
    body = (
        "Sehr geehrte Damen und Herren,\n\ndie Gemeinde Dermbach möchte als erfüllende Gemeinde für sich und für "
        "die Gemeinden Oechsen und Weilar einen gemeinsamen Förderantrag stellen. Geht das?\n\n"
        "Mit freundlichen Grüßen\nBürgermeister der Gemeinde Dermbach"
    )
    assert _link("rathaus@dermbach.de", body) == "160635059"


def test_a_kreistag_member_writing_in_lower_case_links_to_the_district() -> None:
    body = "guten tag, als kreistagsmitglied im saale-holzland-kreis frage ich, ob das landratsamt ein isms hat."
    assert _link("k.meier1970@gmx.de", body) == "16074"


def test_an_inline_closing_is_read_as_a_signature() -> None:
    body = "Hallo, müssen wir die Hundesteuer online anbieten? Viele Grüße, Gemeinde Friemar, Kämmerei"
    assert _link("kasse@gemeinde-friemar.example", body) == "16067022"


def test_new_staff_on_a_freemail_address_with_a_lower_case_address() -> None:
    body = (
        "hallo ich mache seit kurzem die verwaltung für unsere gemeinde und habe eine frage zur datensicherung.\n\n"
        "k. roth\nhauptstraße 3, 99869 friemar"
    )
    assert _link("k.roth77@web.de", body) == "16067022"


def test_a_district_office_domain_written_as_one_word() -> None:
    body = "Sehr geehrte Damen und Herren,\n\nwir bestätigen den Termin im Landratsamt Weimarer Land am 3. Mai."
    assert _link("sekretariat@weimarerland.de", body) == "16071"


def test_the_opened_blind_2026_set_keeps_the_targets() -> None:
    """blind_2026 is a development set since round 2 (its errors were read): a guard against
    regressions, not an honest figure — that comes from tests/data/blind_2026b."""
    model = load_topic_model()
    mails = load_labelled_dir(Path(__file__).parent / "data" / "blind_2026")
    report = summarise(run_pipeline(mails, classify=lambda parsed: classify(parsed, model), link=link))
    assert report["topics"]["macro_f1"] >= 0.95
    assert all(label["f1"] >= 0.93 for label in report["topics"]["per_label"].values())
    assert report["authority"]["accuracy"] >= 0.97 and report["authority"]["wrong_rate"] <= 0.01
    assert report["urgent"]["recall"] == 1.0 and report["urgent"]["precision"] >= 0.8
    assert report["auto_reply"]["recall"] >= 0.95
