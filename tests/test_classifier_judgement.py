"""Issue 15: judgement a consultant can rely on. Urgency by time, aspect and negation; thanks and
reports after the fact carry no funding question; out-of-office replies by their text; the linking
categories; confidences and plain-German evidence in the prediction objects. The phrasings here are
not those of the development probe (tests/data/judgement_probe), which is measured as a whole."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from classifiers.evaluation import load_labelled_dir, run_pipeline, summarise
from classifiers.incident_time import read_incident_time
from classifiers.linker import MATCH_THRESHOLD, confidence_of, link
from classifiers.request_cues import acknowledgement_only
from classifiers.topic_model import load_topic_model
from classifiers.topics import classify
from intake.parsing import parse

PROBE = Path(__file__).parent / "data" / "judgement_probe"


def _mail(sender: str, subject: str, body: str, **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def _classify(subject: str, body: str):
    return classify(parse(_mail("it@gemeinde.example", subject, body)), load_topic_model())


NOT_URGENT = [
    (
        "Rückblick",
        "Vor zwei Wochen hatte ein Trojaner unseren Fileserver befallen. Die Daten sind mittlerweile "
        "wiederhergestellt. Wie dokumentieren wir das?",
    ),
    (
        "Phishing",
        "Wir haben eine Mail mit gefälschtem Login bekommen. Keiner hat die Zugangsdaten eingegeben. "
        "Sollen wir die Absenderdomain sperren?",
    ),
    ("Vorsorge", "Was tun wir, falls unsere Server einmal verschlüsselt werden? Bisher ist nichts passiert."),
    ("Windows 10", "Der Support für Windows 10 ist ausgelaufen. Müssen wir die alten Rechner sofort ersetzen?"),
    ("Schulung", "Einladung zum Seminar: Was tun bei Ransomware? Anmeldung bis 15. Januar."),
    (
        "Mail vom BSI",
        "Das BSI warnt vor einer Schwachstelle, Angreifer können Server kompromittieren. Betrifft das unsere Version?",
    ),
    (
        "Förderung Backup",
        "Nach dem Cyberangriff im Sommer, der längst aufgearbeitet ist, wollen wir ein neues "
        "Backup anschaffen. Ist das nach der ThürEGovRL förderfähig?",
    ),
    ("DRINGEND", "Bitte dringend um Rückruf wegen der Firewall-Ausschreibung."),
    ("Angebot", "Nie wieder Lösegeld zahlen: unser Backup-Paket für Kommunen. Jetzt Beratungstermin buchen."),
]
URGENT = [
    (
        "Angriff",
        "Unser Webportal ist seit heute Vormittag wegen eines DDoS-Angriffs nicht erreichbar, der Angriff läuft noch.",
    ),
    ("hilfe", "alles verschluesselt im bauamt keiner kommt an die dateien bitte sofort melden"),
    ("Konto", "Von unserem Postfach gehen gerade hunderte Spam-Mails raus, wir kommen nicht mehr rein."),
    ("Mailserver down", "Nach einem Angriff heute früh ist unser Mailserver ausgefallen, wir sind nicht arbeitsfähig."),
    ("Portal weg", "Unser Antragsportal ist seit dem Angriff heute früh offline. Bitte um Rückruf!"),
    ("Verdacht", "Eine Kollegin hat eben einen Anhang geöffnet, seitdem öffnen sich auf ihrem Rechner fremde Fenster."),
    (
        "Postfach",
        "Aus unserem Rathaus-Postfach werden seit dem Vormittag Mails mit einem Link an alle Kontakte verschickt.",
    ),
]


@pytest.mark.parametrize(("subject", "body"), NOT_URGENT)
def test_past_contained_preventive_and_warned_incidents_are_not_urgent(subject: str, body: str) -> None:
    prediction = _classify(subject, body)
    assert not prediction.urgent, prediction
    if "ThürEGovRL" not in body and subject not in ("DRINGEND", "Angebot"):
        assert "it_security" in prediction.topics


@pytest.mark.parametrize(("subject", "body"), URGENT)
def test_ongoing_incidents_are_urgent_and_it_security_even_in_panic(subject: str, body: str) -> None:
    prediction = _classify(subject, body)
    assert prediction.urgent and "it_security" in prediction.topics, prediction
    assert prediction.urgent_evidence


def test_time_cues_count_only_in_the_sentences_about_the_incident() -> None:
    text = (
        "In unserer letzten Dienstberatung ging es um Schulungen. Die Dateiablage wurde gehackt, "
        "fremde Rechner greifen darauf zu."
    )
    assert not read_incident_time(text).not_current
    assert read_incident_time("Die Dateiablage wurde letzte Woche gehackt. Inzwischen ist alles sauber.").not_current


def test_a_thank_you_with_funding_words_is_no_eligibility_question() -> None:
    thanks = "Herzlichen Dank für den Zuwendungsbescheid nach der ThürEGovRL, die Mittel sind abgerufen."
    assert acknowledgement_only(thanks)
    assert "eligibility" not in _classify("Zuwendungsbescheid", thanks).topics
    question = "Vielen Dank vorab: ist die Anschaffung eines DMS nach der ThürEGovRL förderfähig?"
    assert not acknowledgement_only(question)
    assert "eligibility" in _classify("Förderung", question).topics


def test_a_forwarded_fake_portal_mail_is_it_security() -> None:
    body = (
        "Kam heute an, sieht nach Phishing aus, niemand hat etwas eingegeben.\n\n"
        "---------- Weitergeleitete Nachricht ----------\nVon: Portal <no-reply@servicekonto-login.info>\n"
        "Betreff: Konto deaktiviert\n\nBestätigen Sie Ihr Servicekonto: https://servicekonto-login.info"
    )
    prediction = _classify("WG: Ihr Servicekonto wird deaktiviert", body)
    assert "it_security" in prediction.topics and not prediction.urgent


def test_out_of_office_text_without_headers_is_automatic_but_a_persons_holiday_note_is_not() -> None:
    auto = parse(
        _mail(
            "kasse@pößneck.de",
            "AW: Antrag",
            "Danke für Ihre E-Mail. Ich bin vom 2.1. bis 9.1. "
            "abwesend. Meine Vertretung erreichen Sie unter 03647 500.",
        )
    )
    assert auto.auto_reply and auto.auto_reply_reason == "out of office (text)"
    person = parse(
        _mail(
            "kasse@pößneck.de",
            "Urlaub",
            "Ich bin ab Montag im Urlaub. In dringenden Fällen "
            "wenden Sie sich an Herrn Jahn. Können Sie mir vorher noch den Bescheid schicken?",
        )
    )
    assert not person.auto_reply


def _link(sender: str, body: str, subject: str = "Anfrage", **headers: str) -> str | None:
    match = link(parse(_mail(sender, subject, body, **headers))).match
    return match.key if match else None


def test_linking_categories_of_issue_15() -> None:
    # a VG office writing about one member in lower case -> the member; about several -> the VG
    lower = "hallo,\n\nfrage fuer die gemeinde heuthen: ist das ozg auch fuer so kleine orte pflicht?\n\ngruss kasse"
    assert _link("kasse@vg-leinetal.de", lower) == "16061047"
    several = "Die Gemeinden Geisleden und Wingerode fragen nach der BundID.\n\nVerwaltungsgemeinschaft Leinetal"
    assert _link("kasse@vg-leinetal.de", several) == "160615009"
    # an IT service provider caring for a named town -> the town
    provider = (
        "Guten Tag,\n\nwir betreuen die Stadtverwaltung Greiz als Dienstleister und fragen nach dem Meldeweg für "
        "Sicherheitsvorfälle.\n\nMit freundlichen Grüßen\nZweckverband IT Ostthüringen"
    )
    assert _link("service@zv-it-ost.example", provider) == "16076022"
    # a Kreistag member from a freemail address about the Kreis -> the Kreis
    kreistag = (
        "Guten Tag,\n\nals Kreisrat im Saale-Orla-Kreis frage ich, ob der Saale-Orla-Kreis ein ISMS hat.\n\n"
        "Gruß\nT. Voigt\nMitglied des Kreistages Saale-Orla-Kreis"
    )
    assert _link("t.voigt@gmx.de", kreistag) == "16075"
    # new staff from a freemail address with the town hall's address -> the town; a citizen -> nothing
    staff = "Hallo,\n\nwie melden wir unsere Onlinedienste an?\n\nGruß\nA. Klein\nMarkt 1\n07907 Schleiz"
    assert _link("a.klein@web.de", staff) == "16075098"
    citizen = (
        "Hallo,\n\nich wohne in Schleiz, muss die Stadt das OZG umsetzen?\n\nGruß\nA. Klein\nMarkt 1\n07907 Schleiz"
    )
    assert _link("a.klein@web.de", citizen) is None
    # an auto-reply from a municipal mailbox, upper case -> the authority
    assert (
        _link(
            "RATHAUS@Schmoelln.de",
            "Ich bin nicht im Dienst.",
            "Automatische Antwort: Anfrage",
            Auto_Submitted="auto-replied",
        )
        == "16077043"
    )


def test_predictions_carry_confidence_and_plain_german_evidence() -> None:
    parsed = parse(
        _mail(
            "kaemmerei@ilmenau.de",
            "Förderantrag",
            "Ist ein DMS nach der ThürEGovRL förderfähig?\n\n"
            "Mit freundlichen Grüßen\nStadtverwaltung Ilmenau\nKämmerei",
        )
    )
    prediction = classify(parsed, load_topic_model())
    score = next(s for s in prediction.scores if s.topic == "eligibility")
    if load_topic_model().settings.calibration:
        assert score.confidence is not None and 0.0 <= score.confidence <= 1.0
    assert prediction.explanation()[0].startswith("Förderfähigkeit: ")
    assert "explanation" in prediction.as_dict()
    match = link(parsed)
    assert match.match and match.match.key == "16070029"
    assert match.confidence == confidence_of(match.match.score) and match.confidence >= 0.9
    assert match.explanation().startswith("Ilmenau: ") and "%" in match.explanation()
    assert match.as_dict()["explanation"] == match.explanation()
    nothing = link(parse(_mail("x@gmail.com", "Frage", "Wie geht es Ihnen?")))
    assert nothing.match is None and nothing.explanation().startswith("Keine Behörde erkannt")
    assert confidence_of(MATCH_THRESHOLD) >= 0.9


def test_development_probe_meets_the_targets() -> None:
    model = load_topic_model()
    outcomes = run_pipeline(load_labelled_dir(PROBE), classify=lambda parsed: classify(parsed, model), link=link)
    report = summarise(outcomes)
    assert report["urgent"]["recall"] == 1.0 and report["urgent"]["precision"] >= 0.8
    assert report["authority"]["accuracy"] >= 0.97 and report["authority"]["wrong_rate"] <= 0.01
    assert report["auto_reply"]["recall"] >= 0.95
    assert report["topics"]["macro_f1"] >= 0.85
