"""The authority linker on each hard case of issue 5 (pure: parse → link, no database)."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from classifiers.gazetteer import PACKAGED_DIR, parse_gazetteer, read_gazetteer_files
from classifiers.linker import MATCH_THRESHOLD, link
from intake.parsing import parse

QUESTION = "Sehr geehrte Damen und Herren,\n\nist die Einführung eines DMS nach ThürEGovRL förderfähig?\n\n"


def mail(sender: str, body: str, subject: str = "Anfrage"):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message.set_content(body)
    return parse(bytes(message))


def linked(sender: str, body: str, subject: str = "Anfrage", **kwargs) -> str | None:
    result = link(mail(sender, body, subject), **kwargs)
    return result.match.key if result.match else None


@pytest.mark.parametrize(
    ("name", "town", "district", "postal_code"),
    [
        ("Gotha", "16067029", "16067", "99867"),
        ("Sömmerda", "16068051", "16068", "99610"),
        ("Nordhausen", "16062041", "16062", "99734"),
        ("Greiz", "16076022", "16076", "07973"),
        ("Sonneberg", "16072018", "16072", "96515"),
        ("Hildburghausen", "16069024", "16069", "98646"),
    ],
)
def test_town_and_district_of_the_same_name_are_different_authorities(name, town, district, postal_code):
    stadt = QUESTION + f"Mit freundlichen Grüßen\nJ. Hoffmann\nStadtverwaltung {name}\nMarkt 1\n{postal_code} {name}"
    landratsamt = (
        QUESTION + f"Mit freundlichen Grüßen\nJ. Hoffmann\nLandratsamt {name}\nFachdienst IT\n{postal_code} {name}"
    )
    landkreis = QUESTION + f"Mit freundlichen Grüßen\nLandkreis {name}\nDer Landrat\nStabsstelle Digitalisierung"
    assert linked("J. Hoffmann <j.hoffmann@t-online.de>", stadt) == town
    assert linked("J. Hoffmann <j.hoffmann@t-online.de>", landratsamt) == district
    assert linked("Poststelle <post@landkreis-example.de>", landkreis) == district


def test_district_names_without_a_town_of_that_name():
    eichsfeld = (
        QUESTION + "Mit freundlichen Grüßen\nLandratsamt Eichsfeld\nFriedensplatz 8\n37308 Heilbad Heiligenstadt"
    )
    slf = QUESTION + "Mit freundlichen Grüßen\nLandratsamt Saalfeld-Rudolstadt\nSchloßstraße 24\n07318 Saalfeld/Saale"
    saalfeld = QUESTION + "Mit freundlichen Grüßen\nStadtverwaltung Saalfeld/Saale\nMarkt 6\n07318 Saalfeld/Saale"
    ilm = QUESTION + "Mit freundlichen Grüßen\nLandratsamt des Ilm-Kreises\nRitterstraße 14\n99310 Arnstadt"
    assert linked("IT <it@kreis-eic.de>", eichsfeld) == "16061"
    assert linked("IT <it@kreis-slf.de>", slf) == "16073"
    assert linked("Hauptamt <hauptamt@saalfeld.de>", saalfeld) == "16073077"
    assert linked("IT <it@ilm-kreis.de>", ilm) == "16070"


@pytest.mark.parametrize(
    ("signature", "sender", "expected"),
    [
        ("Bürgermeister der Gemeinde Eichenberg\n98553 Eichenberg", "bm@web.de", "16069011"),
        ("Gemeinde Eichenberg\nVG Südliches Saaletal", "info@vg-suedliches-saaletal.de", "16074016"),
        ("Gemeindeverwaltung Elxleben\n99189 Elxleben", "info@gemeinde-elxleben.de", "16068009"),
        ("Gemeinde Elxleben\n99334 Elxleben", "bm.elxleben@t-online.de", "16070013"),
        ("Stadt Lehesten\nDer Bürgermeister\n07349 Lehesten", "stadt.lehesten@gmx.de", "16073046"),
        ("Gemeinde Lehesten\nLandkreis Saale-Holzland-Kreis", "bm@gmx.de", "16074051"),
    ],
)
def test_names_that_exist_twice_are_told_apart(signature, sender, expected):
    assert linked(f"Absender <{sender}>", QUESTION + "Mit freundlichen Grüßen\n" + signature) == expected


def test_names_that_exist_twice_without_context_abstain_with_both_candidates():
    result = link(mail("x <x@gmx.de>", QUESTION + "Mit freundlichen Grüßen\nGemeinde Eichenberg"))
    assert result.match is None


def test_common_word_names_link_from_a_signature_but_never_from_prose():
    prose = (
        "Hallo,\n\nich habe das Rohr im Rathaus getauscht, die Körner liegen im Büchel-Verlag und Rosa hilft.\n\n"
        "Gruß\nHans Roth"
    )
    assert linked("Hans Roth <hans.roth@gmx.de>", prose) is None
    rohr = QUESTION + "Mit freundlichen Grüßen\nGemeinde Rohr\nDer Bürgermeister\nHauptstraße 1\n98530 Rohr"
    assert linked("Gemeinde Rohr <bgm-rohr@t-online.de>", rohr) == "16066058"
    koerner = QUESTION + "Viele Grüße\nJörg Thiel\nGemeinde Körner\n99998 Körner"
    assert linked("Körner <gemeinde.koerner@t-online.de>", koerner) == "16064037"


@pytest.mark.parametrize("provider", ["t-online.de", "gmx.de", "web.de"])
def test_generic_providers_link_only_through_the_signature(provider):
    signed = QUESTION + "Mit freundlichen Grüßen\nUte Meier\nBürgermeisterin der Gemeinde Kraftsdorf"
    unsigned = QUESTION + "Mit freundlichen Grüßen\nUte Meier"
    assert linked(f"Ute Meier <ute.meier@{provider}>", signed) == "16076089"
    assert linked(f"Ute Meier <ute.meier@{provider}>", unsigned) is None


def test_it_provider_writing_on_behalf_links_to_the_municipality_it_names():
    kiv = (
        "Sehr geehrte Damen und Herren,\n\nim Auftrag der Stadt Pößneck fragen wir an, ob die Migration "
        "förderfähig ist.\n\nMit freundlichen Grüßen\nKIV Thüringen GmbH\nGeschäftsführer: A. Beispiel"
    )
    assert linked("Support <support@kiv-thueringen.de>", kiv) == "16075085"
    ticket = "Guten Tag,\n\nwir haben eine Rückfrage.\n\nMit freundlichen Grüßen\nKIV Thüringen GmbH"
    assert linked("KIV <ticket@kiv-thueringen.de>", ticket, "Ticket 4711 - Stadt Schleiz - Servicekonto") == "16075098"
    vendor = (
        "Sehr geehrte Damen und Herren,\n\nunser DMS läuft bei der Stadt Jena. Gerne stellen wir es vor.\n\n"
        "Mit freundlichen Grüßen\nMuster Software GmbH\nGeschäftsführer: M. Muster\nHRB 12345\n99084 Erfurt"
    )
    assert linked("Vertrieb <vertrieb@softwarehaus-muster.de>", vendor) is None


def test_vg_office_links_to_the_vg_or_to_the_one_member_it_writes_about():
    signature = "Mit freundlichen Grüßen\nHauptamt\nVerwaltungsgemeinschaft Kindelbrück\n06578 Kindelbrück"
    sender = "Hauptamt <info@vg-kindelbrueck.de>"
    assert linked(sender, QUESTION + signature) == "160685005"
    one = "Guten Tag,\n\nfür unsere Mitgliedsgemeinde Büchel eine Frage zur Förderung.\n\n" + signature
    assert linked(sender, one) == "16068005"
    two = "Guten Tag,\n\nfür die Gemeinden Büchel und Günstedt eine Frage zur Förderung.\n\n" + signature
    assert linked(sender, two) == "160685005"
    assert linked(sender, QUESTION + "Mit freundlichen Grüßen\nVG Kindelbrück", "Antrag der Gemeinde Riethgen") in (
        "160685005",  # Riethgen was merged away: not a member any more, so the VG stays
    )


def test_erfuellende_gemeinde_office_is_the_gemeinde_itself():
    assert linked("Hauptamt <hauptamt@meiningen.de>", QUESTION + "Mit freundlichen Grüßen\nHauptamt") == "16066042"
    about_member = "Guten Tag,\n\nfür die Gemeinde Rippershausen fragen wir nach Förderung.\n\nGrüße\nStadt Meiningen"
    assert linked("Hauptamt <hauptamt@meiningen.de>", about_member) == "16066056"


def test_partner_municipality_in_the_text_is_not_the_sender():
    body = (
        "Guten Tag,\n\nwir möchten mit der Gemeinde Großbreitenbach und der Stadt Stadtilm ein gemeinsames ISMS "
        "aufbauen.\n\nViele Grüße\nMartin Busch\nStadtverwaltung Ilmenau\nAm Markt 7\n98693 Ilmenau"
    )
    assert linked("Martin Busch <it@ilmenau.de>", body) == "16070029"
    vg = (
        "Sehr geehrte Damen und Herren,\n\ngemeinsam mit der Stadt Schleusingen planen wir eine E-Akte.\n\n"
        "Mit freundlichen Grüßen\nBauamt\nVerwaltungsgemeinschaft Feldstein\n98660 Themar"
    )
    assert linked("Bauamt <bauamt@vg-feldstein.de>", vg) == "160695002"


def test_old_names_of_merged_municipalities_map_to_the_successor():
    berga = QUESTION + "Mit freundlichen Grüßen\nStadtverwaltung Berga/Elster\nMarkt 1\n07980 Berga/Elster"
    wuenschendorf = QUESTION + "Mit freundlichen Grüßen\nGemeinde Wünschendorf/Elster\nBürgerbüro\n07570 Wünschendorf"
    assert linked("Rathaus <rathaus.berga@t-online.de>", berga) == "16076094"
    assert linked("Post <post@wuenschendorf-elster.de>", wuenschendorf) == "16076094"


def test_citizens_companies_other_states_and_state_offices_are_not_linked():
    citizen = (
        "Guten Tag,\n\nich wohne in der Stadt Gotha und finde den Online-Antrag nicht.\n\n"
        "Viele Grüße\nKarl Beck\nAm Wiesengrund 3\n99867 Gotha"
    )
    citizen_district = (
        "Guten Tag,\n\nkann ich einen Bauantrag online stellen?\n\n"
        "Gruß\nHans Weber\nAm Anger 3\n99869 Friemar\nLandkreis Gotha"
    )
    hessen = QUESTION + "Mit freundlichen Grüßen\nStadt Lauterbach (Hessen)\nMarktplatz 14\n36341 Lauterbach"
    taunus = QUESTION + "Mit freundlichen Grüßen\nGemeinde Steinbach (Taunus)\nGartenstraße 20\n61449 Steinbach"
    state = (
        "Guten Tag,\n\ndie Gemeinde Kraftsdorf hat bei uns angefragt.\n\n"
        "Mit freundlichen Grüßen\nThüringer Landesverwaltungsamt\n99423 Weimar"
    )
    company = (
        "Guten Tag,\n\nIhre Bestellung kommt Montag.\n\n"
        "Mit freundlichen Grüßen\nBüromöbel Thüringen GmbH\nIndustriestraße 4\n99091 Erfurt"
    )
    assert linked("Karl Beck <k.beck@gmx.de>", citizen) is None
    assert linked("Hans Weber <hans.weber@gmx.de>", citizen_district) is None
    assert linked("Rathaus <rathaus@lauterbach-hessen.de>", hessen) is None
    assert linked("Info <info@steinbach-taunus.de>", taunus) is None
    assert linked("Post <poststelle@tlvwa.thueringen.de>", state) is None
    assert linked("Info <info@bueromoebel-thueringen.de>", company) is None


def test_ags_number_and_umlauts_written_out():
    ags = "Guten Tag,\n\nanbei der Antrag (Gemeindeschlüssel 16071005).\n\nMit freundlichen Grüßen\nKämmerei"
    assert linked("Kämmerei <kaemmerei@gmx.de>", ags) == "16071005"
    soemmerda = QUESTION + "MfG\nK. Schroeder\nStadtverwaltung Soemmerda\nMarktplatz 3-4\n99610 Soemmerda"
    assert linked("Hauptamt <hauptamt@soemmerda.de>", soemmerda) == "16068051"


def test_every_match_carries_evidence_and_a_score_and_weak_evidence_abstains_with_candidates():
    result = link(mail("Sabine Krause <s.krause@t-online.de>", QUESTION + "Mit freundlichen Grüßen\nStadt Gotha"))
    assert result.match and result.match.key == "16067029"
    assert result.match.score >= MATCH_THRESHOLD and result.match.evidence
    assert result.evidence == result.match.evidence
    weak = link(mail("Sabine Krause <s.krause@t-online.de>", QUESTION + "Gruß\nS. Krause\nLindenweg 4\n99867 Gotha"))
    assert weak.match is None
    assert [c.key for c in weak.candidates] == ["16067029"]
    assert 0 < weak.candidates[0].score < MATCH_THRESHOLD and weak.candidates[0].evidence


def test_sender_registry_and_learned_domains_decide():
    body = "Guten Tag,\n\nkurze Frage zum Servicekonto.\n\nGruß\nA. B."
    assert linked("A <a.b@gmx.de>", body) is None
    assert linked("A <a.b@gmx.de>", body, known_senders={"a.b@gmx.de": "16053000"}) == "16053000"
    assert linked("A <a.b@rathaus.example.de>", body, learned_domains={"example.de": "16055000"}) == "16055000"
    # a registry entry beats what the signature says
    signed = body + "\nStadtverwaltung Gera"
    assert linked("A <a.b@gmx.de>", signed, known_senders={"a.b@gmx.de": "16053000"}) == "16053000"


def test_a_given_gazetteer_is_used_instead_of_the_packaged_one():
    texts = read_gazetteer_files(PACKAGED_DIR)
    texts["verwaltungsgemeinschaften.csv"] = texts["verwaltungsgemeinschaften.csv"].replace(
        "Am Brahmetal,07580,Großenstein,", "Am Brahmetal,07580,Großenstein,vg-am-brahmetal.de"
    )
    gazetteer = parse_gazetteer(texts)
    body = QUESTION + "Mit freundlichen Grüßen\nHauptamt"
    assert linked("H <hauptamt@vg-am-brahmetal.de>", body) is None
    assert linked("H <hauptamt@vg-am-brahmetal.de>", body, gazetteer=gazetteer) == "160765008"


def test_kind_word_on_its_own_line_and_a_letterhead_in_the_quoted_history():
    split = "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung\nErfurt\nFischmarkt 1\n99084 Erfurt"
    assert linked("x <x@t-online.de>", split) == "16051000"
    reply = (
        "Danke, eine Frage noch: bis wann?\n\nGruß\nF. R.\n\nAm 12.01.2026 schrieb Kompetenzzentrum:\n"
        "> Sehr geehrter Herr R.,\n> anbei die Antwort.\n> Thüringer Finanzministerium\n> 99099 Erfurt\n>\n"
        "> Am 10.01.2026 schrieb F. R.:\n>> Guten Tag,\n>> Frage.\n>> Mit freundlichen Grüßen\n>> F. R.\n"
        ">> Bürgermeister der Gemeinde Tonna\n"
    )
    assert linked("F. R. <f.r@t-online.de>", reply) == "16067067"


def test_letterhead_without_salutation_nbsp_and_domain_agreeing_with_a_self_reference():
    letterhead = "Stadtverwaltung Gotha\nHauptamt\n\nWir haben eine Frage zum OZG.\n\nM. Vogt"
    assert linked("M. Vogt <m.vogt@t-online.de>", letterhead) == "16067029"
    nbsp = "Guten Tag,\n\nFrage.\n\nMit\xa0freundlichen Grüßen\nStadtverwaltung\xa0Gotha"
    assert linked("x <x@t-online.de>", nbsp) == "16067029"
    self_reference = "Guten Tag,\n\nwir als Stadt Gotha haben eine Frage zum OZG.\n\nGruß\nM. Vogt"
    assert linked("M. Vogt <m.vogt@gotha.de>", self_reference) == "16067029"
    assert linked("M. Vogt <m.vogt@t-online.de>", self_reference) is None  # text alone never links


def test_phone_signature_without_greeting_and_wir_die_stadt():
    phone = (
        "Hallo Frau Berger,\nkönnen Sie mich wegen des Förderantrags zurückrufen? 0171 1234567\nDanke\nSchulz\n"
        "Bgm. Gemeinde Dachwig\n\nVon meinem iPhone gesendet"
    )
    assert linked("Schulz <bgm.schulz@icloud.com>", phone) == "16067009"
    wir = "Guten Tag,\n\nwir, die Stadt Bad Lobenstein, möchten einen Antrag stellen.\n\nMfG\nHauptamt"
    assert linked("x <x@stadt-bad-lobenstein.de>", wir) == "16075062"


def test_landratsamt_named_after_its_seat_is_the_district():
    closing = "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\n"
    assert linked("x <x@t-online.de>", closing + "Landratsamt Meiningen\nFachdienst IT") == "16066"
    assert linked("x <x@t-online.de>", closing + "Landratsamt Saalfeld\nFachdienst IT") == "16073"
    assert linked("x <x@t-online.de>", closing + "Stadt Meiningen\nHauptamt") == "16066042"
