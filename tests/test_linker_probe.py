"""The linker on the blind probe set (tests/data/linking_probe) and on the kinds of mail that the
probe and later unseen checks showed it got wrong: abbreviations, a VG named like its seat, a mayor
introducing themselves, bounces, other public bodies, registration codes, forwards, display names."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from classifiers import evaluation
from classifiers.evaluation import load_labelled_dir
from classifiers.linker import link
from classifiers.predictions import TopicPrediction
from intake.parsing import parse

PROBE_DIR = Path(__file__).parent / "data" / "linking_probe"
QUESTION = "Sehr geehrte Damen und Herren,\n\nist ein Antrag auf Förderung des DMS noch möglich?\n\n"


def linked(sender: str, body: str, subject: str = "Anfrage", **headers: str) -> str | None:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    result = link(parse(bytes(message)))
    return result.match.key if result.match else None


def test_probe_set_meets_the_linking_targets():
    mails = load_labelled_dir(PROBE_DIR)
    assert len(mails) == 70
    outcomes = evaluation.run_pipeline(
        mails,
        classify=lambda parsed: TopicPrediction(scores=(), topics=()),
        link=lambda parsed: link(parsed, known_senders=None),
    )
    authority = evaluation.summarise(outcomes)["authority"]
    assert authority["accuracy"] >= 0.97, authority
    assert authority["wrong_rate"] <= 0.01, authority


def test_abbreviated_kind_words():
    assert linked("info@vghoherhoen.de", QUESTION + "Gruß\nVG Hohe Rhön", subject="Gem. Birx - Pacht") == "16066012"
    assert linked("x@web.de", QUESTION + "MfG\nGde. Bienstädt\nHauptstr. 5\n99100 Bienstädt") == "16067004"
    assert linked("x@gmx.de", QUESTION + "MfG\nStadtverw. Ilmenau\nAm Markt 7\n98693 Ilmenau") == "16070029"
    assert linked("x@web.de", QUESTION + "MfG\nKreisverw. Greiz\nFD IT") == "16076"
    assert linked("x@web.de", QUESTION + "MfG\nK. Adler\nLRA SHK\nFD Kommunalaufsicht") == "16074"
    # "gem." in lower case is "gemäß", not a municipality
    assert linked("x@web.de", "Guten Tag,\n\ngem. Bienstädt Satzung ...\n\nGruß K.") is None


def test_vg_named_like_its_seat_writing_about_itself_is_the_vg():
    body = "Sehr geehrte Damen und Herren,\n\ndie Verwaltungsgemeinschaft Oppurg will ihren Stellenplan erweitern.\n\n"
    assert linked("vg@vg-oppurg.de", body + "MfG\nVerwaltungsgemeinschaft Oppurg\n07381 Oppurg") == "160755005"
    # a domain naming the seat is the office's domain, not a mention of the member
    assert linked("admin@oppurg.example", "server offline, wen informieren?\nVG Oppurg, EDV") == "160755005"
    # a member named with its kind word still is the member
    assert linked("kasse@vg-oppurg.de", QUESTION + "Betrifft: Gde. Döbritz\nMfG\nVG Oppurg") == "16075016"


def test_a_mayor_introducing_themselves_identifies_the_town_but_we_als_gemeinde_alone_does_not():
    body = "Sehr geehrte Damen u. Herren\nich bin Bürgermeister von Ebeleben und habe eine Frage.\nmfg\nG. Lehmann"
    assert linked("dorfschulze@web.example", body) == "16065014"
    citizen = "Guten Tag,\n\nder Bürgermeister von Ebeleben antwortet mir nicht.\n\nMfG\nHans Otto"
    assert linked("hans@web.de", citizen) is None
    weak = "Guten Tag,\n\nwir als Gemeinde Bienstädt haben eine Frage.\n\nViele Grüße\nK."
    assert linked("x@t-online.de", weak) is None


def test_a_bounce_from_an_office_domain_links_nobody():
    body = "Die Nachricht konnte nicht zugestellt werden.\nEmpfänger: alt@rathaus-muenchenbernsdorf.de"
    assert linked("postmaster@rathaus-muenchenbernsdorf.de", body, subject="Unzustellbar: Anfrage") is None
    # an out-of-office reply is still the office's
    auto = "Ich bin bis 30.11. nicht im Dienst.\n\nVerwaltungsgemeinschaft Hainich-Werratal"
    assert linked("meyer@vg-hainich-werratal.de", auto, Auto_Submitted="auto-replied") == "160635006"


@pytest.mark.parametrize(
    "signature",
    [
        "Finanzamt Gotha\nSachgebiet 21\nReuterstraße 2a\n99867 Gotha",
        "Landespolizeiinspektion Gotha\nSachgebiet Einsatz\n99867 Gotha",
        "Staatliches Schulamt Westthüringen\nFachbereich IT\n99867 Gotha",
        "Planungsbüro Schmidt\nSachbearbeiterin Fördermittel\nMarkt 3\n99867 Gotha",
    ],
)
def test_other_offices_and_companies_are_not_a_town_by_their_address(signature):
    assert linked("info@example-office.de", QUESTION + "Mit freundlichen Grüßen\n" + signature) is None


def test_landratsamt_domain_with_the_registration_code():
    body = QUESTION + "Mit freundlichen Grüßen\nS. Kurz\nFachdienst Bauordnung\n18.-März-Straße 50\n99867 Gotha"
    assert linked("poststelle@lra-gth.de", body) == "16067"
    assert linked("post@lkson.de", QUESTION + "Gruß\nS. Kurz") == "16072"


def test_forwards_count_the_forwarder_first_and_the_original_author_when_the_forwarder_says_nothing():
    forwarded = (
        "\n\n---------- Weitergeleitete Nachricht ----------\nVon: Kommunalaufsicht <ka@weimarerland.de>\n\n"
        "Sehr geehrte Damen und Herren,\nbitte Stellung nehmen.\nLandratsamt Weimarer Land\nBahnhofstraße 28\n"
        "99510 Apolda"
    )
    town = "zur Info, bitte um Ihre Einschätzung.\n\nMit freundlichen Grüßen\nStadtverwaltung Apolda\nKämmerei"
    assert linked("kaemmerei@apolda.de", town + forwarded) == "16071001"
    staff = (
        "zur Bearbeitung\n\n---------- Weitergeleitete Nachricht ----------\n"
        "Von: Gemeinde Bienstädt <gemeinde@bienstaedt.de>\nDatum: 3.3.2026\n\nSehr geehrte Damen und Herren,\n"
        "wir haben eine Frage.\nMfG\nGemeindeverwaltung Bienstädt\nHauptstraße 5\n99100 Bienstädt"
    )
    assert linked("Anna Meier (TFM) <anna.meier@tfm.thueringen.de>", staff) == "16067004"


def test_display_name_counts_as_signature():
    assert linked("Gemeinde Friemar <gemeinde.friemar@t-online.de>", QUESTION + "Gruß\nK. Adler") == "16067022"
    assert linked("Landratsamt Greiz - Kommunalaufsicht <ka@example-mail.de>", QUESTION + "MfG\nK.") == "16076"


def test_same_name_outside_thuringia_with_a_non_thuringian_postal_code_is_not_linked():
    # Berga (Sachsen-Anhalt, 06536) is not Berga/Elster, now Berga-Wünschendorf (07980)
    other = QUESTION + "MfG\nGemeinde Berga\nBahnhofstraße 3\n06536 Berga"
    assert linked("info@gemeinde-berga.de", other) is None
    own = QUESTION + "MfG\nStadtverwaltung Berga/Elster\nMarkt 1\n07980 Berga/Elster"
    assert linked("stadt@berga-elster.de", own) == "16076094"


def test_large_customer_postal_code_and_a_privacy_footer_naming_a_state_office():
    erfurt = QUESTION + "MfG\nAmt für Informationsverarbeitung\nStadtverwaltung Erfurt\n99111 Erfurt"
    assert linked("aiv@erfurt.de", erfurt) == "16051000"
    footer = (
        "\n\nDiese E-Mail enthält vertrauliche Informationen. Hinweise zum Datenschutz: Der Thüringer "
        "Landesbeauftragte für den Datenschutz, Häßlerstraße 8, 99096 Erfurt."
    )
    lra = QUESTION + "Mit freundlichen Grüßen\nM. Rau\nFachdienst IT\nLandratsamt Gotha\n99867 Gotha" + footer
    assert linked("it@kreis-gth.de", lra) == "16067"


def test_erfuellende_gemeinde_writing_for_several_members_is_the_eg_and_for_itself_the_town():
    several = (
        "Sehr geehrte Damen und Herren,\n\nfür die Gemeinden Kalbsrieth und Borxleben fragen wir an.\n\n"
        "Mit freundlichen Grüßen\nStadtverwaltung Artern\nals erfüllende Gemeinde\n06556 Artern"
    )
    assert linked("info@artern.de", several) == "160655055"
    itself = QUESTION + "Mit freundlichen Grüßen\nStadtverwaltung Artern\nMarkt 14\n06556 Artern"
    assert linked("info@artern.de", itself) == "16065086"
