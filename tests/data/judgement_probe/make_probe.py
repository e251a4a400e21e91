# ruff: noqa: E501 - mail texts
"""Development probe for issue 15 (urgency by time/aspect/negation, the linking categories, topics
of thank-you mails and forwarded phishing, out-of-office replies by text). Written by the
classifier engineer for development; it is NOT a blind set (tests/data/blind_2026 is, and was not
read). Run to regenerate the .eml files and labels.jsonl."""

import json
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
TO = "egovernment@tfm.thueringen.de"
MAILS = []


def mail(name, sender, subject, body, *, topics=(), authority=None, urgent=False, auto=False, headers=None, display=""):
    MAILS.append(dict(name=name, sender=sender, subject=subject, body=body, topics=list(topics), authority=authority,
                      urgent=urgent, auto=auto, headers=headers or {}, display=display))


SEC = ("it_security",)

# --- urgency: NOT urgent although full of incident words --------------------------------------------
mail("u01_past_ransomware_restored", "it@vg-leinetal.de", "Nachbetrachtung Verschlüsselungsvorfall",
"""Guten Tag,

letzte Woche wurde bei uns ein Arbeitsplatzrechner durch eine Ransomware verschlüsselt. Die Daten sind
inzwischen vollständig aus der Sicherung wiederhergestellt, der Rechner ist neu aufgesetzt.
Wir möchten jetzt wissen, ob wir den Vorfall noch nachträglich irgendwo melden müssen.

Gruß
Sven Kalbitz
IT
Verwaltungsgemeinschaft Leinetal
""", topics=SEC, authority="160615009")
mail("u02_phish_forward_nobody_clicked", "poststelle@pößneck.de", "WG: Ihr Postfach ist voll - Bestätigung erforderlich",
"""Hallo,

zur Info: diese Mail kam heute bei mehreren Kollegen an. Niemand hat auf den Link geklickt, wir haben
sie gelöscht. Ist Ihnen diese Welle schon bekannt?

Stadtverwaltung Pößneck

---------- Weitergeleitete Nachricht ----------
Von: Webmail Admin <admin@mailbox-verify.top>
Betreff: Ihr Postfach ist voll

Ihr Postfach hat das Limit erreicht. Bestätigen Sie Ihr Konto innerhalb von 24 Stunden, sonst wird es gesperrt:
http://webmail-login.verify-account.top/tfm
""", topics=SEC, authority="16075085")
mail("u03_what_if_preventive", "hauptamt@kahla.de", "Was tun wenn",
"""Sehr geehrte Damen und Herren,

was müssten wir eigentlich tun, wenn unsere Server verschlüsselt würden oder wir gehackt werden?
Gibt es einen Notfallplan, den wir als kleine Stadt übernehmen können? Passiert ist bisher nichts.

Mit freundlichen Grüßen
Anke Zorn
Hauptamt
Stadtverwaltung Kahla
""", topics=SEC, authority="16074044")
mail("u04_windows10_eos", "edv@schmoelln.de", "DRINGEND: Windows 10 Supportende",
"""Hallo,

im Oktober endete der Support für Windows 10. Bei uns laufen noch 14 Rechner damit. Sind wir jetzt
ungeschützt und müssen die sofort abschalten, oder reicht es die bis zum Frühjahr zu tauschen?

Viele Grüße
Mario Gläser
EDV
Stadtverwaltung Schmölln
""", topics=SEC, authority="16077043")
mail("u05_funding_after_incident", "kaemmerei@ilmenau.de", "Förderung IT-Sicherheit nach Angriff",
"""Sehr geehrte Frau Dr. Leutloff,

nach dem Hackerangriff auf unsere Verwaltung im Frühjahr, der inzwischen vollständig aufgearbeitet ist,
wollen wir in eine neue Firewall und ein ISMS investieren. Ist das nach der ThürEGovRL förderfähig?

Freundliche Grüße
Kathrin Weiß
Kämmerei
Stadtverwaltung Ilmenau
""", topics=("it_security", "eligibility"), authority="16070029")
mail("u06_training_invitation", "info@it-akademie-mitte.de", "Einladung: Workshop Ransomware-Notfall",
"""Sehr geehrte Damen und Herren,

was tun, wenn alles verschlüsselt ist? In unserem Workshop am 14. Januar in Erfurt üben
Verwaltungsmitarbeiter den Ernstfall: Angriff erkannt, Netz getrennt, Lösegeldforderung.
Anmeldung unter www.it-akademie-mitte.de

IT-Akademie Mitte GmbH
""")
mail("u07_bsi_warning", "newsletter@bsi-warnungen.example", "BSI-Warnung: kritische Schwachstelle in Exchange",
"""Das BSI warnt vor einer kritischen Schwachstelle in Microsoft Exchange. Angreifer können Server
kompromittieren. Betreiber sollten die Updates umgehend einspielen.

Diese Information wurde vom CERT weitergegeben.
""", headers={"List-Id": "<warnungen.bsi-warnungen.example>"}, auto=True)
mail("u08_blocked_by_scanner", "it-service@greiz.de", "Trojaner im Anhang abgefangen",
"""Guten Tag,

heute früh kam eine Mail mit einer angeblichen Rechnung, im Anhang ein Trojaner (Emotet). Der
Virenscanner hat den Anhang blockiert, es wurde nichts ausgeführt. Sollen wir solche Fälle an Sie melden?

MfG
Jörg Beyer
IT-Service
Stadtverwaltung Greiz
""", topics=SEC, authority="16076022")
mail("u09_dringend_subject_only", "buergermeister@dingelstaedt.de", "dringend: Rückruf",
"""Hallo Herr Möller,

bitte rufen Sie mich heute noch zurück wegen unseres Förderantrags nach der ThürEGovRL, die Frist
für den Mittelabruf läuft am Freitag ab.

Gruß
Bürgermeister
Stadt Dingelstädt
""", topics=("eligibility",), authority="16061118")
mail("u10_contained_account", "it@sonneberg.de", "Kompromittiertes Konto - erledigt",
"""Hallo,

am Montag wurde das Postfach einer Mitarbeiterin kompromittiert und hat Spam versendet. Das Konto wurde
sofort gesperrt, das Passwort geändert, seitdem ist Ruhe. Wir wollten das nur der Vollständigkeit
halber melden. Handlungsbedarf besteht aus unserer Sicht nicht mehr.

Viele Grüße
Tobias Renner
IT
Stadtverwaltung Sonneberg
""", topics=SEC, authority="16072018")
mail("u11_awareness_report", "isb@landkreis-greiz.de", "Bericht Phishing-Simulation",
"""Sehr geehrte Damen und Herren,

anbei unser Bericht über die Phishing-Simulation im November: 12 % der Mitarbeitenden haben auf den Link
geklickt, 4 % haben ihr Passwort eingegeben. Wir planen nun Schulungen. Gibt es dazu Material vom Land?

Freundliche Grüße
Informationssicherheitsbeauftragter
Landratsamt Greiz
""", topics=SEC, authority="16076")
mail("u12_last_year_ddos", "presse@apolda.de", "Anfrage zu DDoS-Schutz",
"""Guten Tag,

im vergangenen Jahr war unsere Homepage nach einem DDoS-Angriff zwei Tage nicht erreichbar. Damit das
nicht wieder passiert: welche Schutzdienste empfehlen Sie Kommunen?

Mit freundlichen Grüßen
Ina Rothe
Pressestelle
Stadtverwaltung Apolda
""", topics=SEC, authority="16071001")
# --- urgency: ongoing incidents, must be flagged (and it_security) ----------------------------------
mail("u20_ddos_now", "it@koelleda.de", "Bürgerportal nicht erreichbar",
"""Hallo,

seit heute 8 Uhr ist unser Bürgerportal und die Homepage nicht erreichbar, der Provider sagt es läuft
ein DDoS-Angriff auf unsere Server. Was sollen wir jetzt tun? Bitte um schnelle Hilfe.

Jens Pohl
Stadtverwaltung Kölleda
""", topics=SEC, urgent=True, authority="16068034")
mail("u21_panic_no_punct", "r.lindner@gmx.de", "hilfe",
"""hilfe alle rechner im rathaus zeigen eine meldung das die dateien verschluesselt sind und wir sollen
bitcoin zahlen was machen wir jetzt bitte ruft an 036483 2211 lindner""", topics=SEC, urgent=True)
mail("u22_panic_typos", "hauptamt@treffurt.de", "HILFE server",
"""mailserver verschickt seit ner stunde tausende spam mails von unserem konto, wir kommen nciht mehr rein
passwort geht nicht mehr wer kann helfen??????

treffurt hauptamt""", topics=SEC, urgent=True, authority="16063076")
mail("u23_mail_down_after_attack", "edv@vg-schiefergebirge.de", "Angriff - keine Mails",
"""Sehr geehrte Damen und Herren,

seit gestern Abend sind unser Mailsystem und die Fachverfahren nach einem Angriff nicht mehr
erreichbar. Der Dienstleister vermutet einen Einbruch über das VPN. Wir sind derzeit nicht arbeitsfähig
und bitten dringend um Unterstützung durch das CERT.

Verwaltungsgemeinschaft Schiefergebirge
EDV
""", topics=SEC, urgent=True, authority="160735005")
mail("u24_data_leak_now", "datenschutz@zeulenroda-triebes.de", "Datenleck Einwohnermeldedaten",
"""Guten Tag,

wir haben eben festgestellt, dass Meldedaten unserer Einwohner im Internet zum Download angeboten
werden. Offenbar sind sie über den Fileserver abgeflossen. Wie gehen wir jetzt vor?

Datenschutzbeauftragte
Stadtverwaltung Zeulenroda-Triebes
""", topics=SEC, urgent=True, authority="16076087")
mail("u25_clicked_now", "buergerbuero@schleiz.de", "habe auf link geklickt",
"""guten morgen, ich habe gerade auf einen link in einer mail geklickt und mein passwort eingegeben,
jetzt kommen lauter mails zurück die ich nicht geschickt habe. was muss ich machen

M. Hager
Bürgerbüro Stadt Schleiz""", topics=SEC, urgent=True, authority="16075098")
mail("u26_overload_portal", "webmaster@grossbreitenbach.de", "Überlastungsangriff auf Homepage",
"""Guten Tag, unsere Internetseite und das Terminportal sind seit Stunden durch einen Überlastungsangriff lahmgelegt,
Bürger erreichen uns nicht. Der Angriff läuft noch. Wer kann helfen?
Stadt Großbreitenbach""", topics=SEC, urgent=True, authority="16070058")
# --- topics -------------------------------------------------------------------------------------------
mail("t01_thanks_funding", "kaemmerei@hermsdorf.de", "Dank für Zuwendungsbescheid",
"""Sehr geehrte Damen und Herren,

vielen Dank für den Zuwendungsbescheid zur Förderung unseres Dokumentenmanagementsystems nach der
ThürEGovRL, der heute eingegangen ist. Wir haben uns sehr gefreut.

Mit freundlichen Grüßen
Stadt Hermsdorf
Kämmerei
""", authority="16074041")
mail("t02_report_after_fact", "digital@neustadt-orla.de", "Abschluss Projekt E-Akte",
"""Guten Tag,

zur Information: unser gefördertes Projekt E-Akte ist abgeschlossen, der Verwendungsnachweis ging letzte
Woche an die Bewilligungsstelle. Die Fördermittel sind vollständig abgerufen. Fragen haben wir keine.

Viele Grüße
Stadtverwaltung Neustadt an der Orla
""", authority="16075073")
mail("t03_fake_portal_forward", "poststelle@kahla.de", "WG: Ihr BundID-Konto wird deaktiviert",
"""Guten Tag, diese Mail sieht aus wie vom Land, der Link führt aber auf eine fremde Seite. Ist das Phishing?

-------- Original Message --------
Subject: Ihr BundID-Konto wird deaktiviert
From: Servicekonto Thueringen <noreply@servicekonto-th.info>

Sehr geehrte Nutzerin, bitte bestätigen Sie Ihre Zugangsdaten im Antragsportal, sonst wird Ihr
Servicekonto deaktiviert: https://servicekonto-th.info/login
""", topics=SEC, authority="16074044")
mail("t04_thanks_after_ozg", "ozg@apolda.de", "Danke!",
"""Hallo Herr Stein,

danke für die schnelle Hilfe bei der Anbindung unserer Online-Dienste an das Servicekonto, es läuft jetzt.

Gruß
Nico Hampe
Stadtverwaltung Apolda""", authority="16071001")
# --- out-of-office by text, no headers ----------------------------------------------------------------
mail("a01_ooo_text_only", "hauptamt@greiz.de", "AW: Rückfrage Förderantrag",
"""Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 5. Januar nicht im Büro und habe keinen
Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an Frau Krause, Tel. 03661 703-0.

Mit freundlichen Grüßen
Sabine Lorenz
Stadtverwaltung Greiz""", auto=True, authority="16076022")
mail("a02_ooo_vacation", "kaemmerei@schleiz.de", "Rückfrage zur Richtlinie",
"""Guten Tag, ich befinde mich im Urlaub und bin ab dem 12.01. wieder erreichbar. Ihre E-Mail wird nicht
weitergeleitet. Bitte wenden Sie sich in dringenden Angelegenheiten an die Zentrale der Stadtverwaltung Schleiz.""",
auto=True, authority="16075098")
mail("a03_ooo_header_municipal", "poststelle@sonneberg.de", "Automatische Antwort: OZG-Umsetzung",
"""Ihre Nachricht ist bei der Stadtverwaltung Sonneberg eingegangen und wird bearbeitet.""",
auto=True, authority="16072018", headers={"Auto-Submitted": "auto-replied"})
mail("a04_ooo_english", "info@koelleda.de", "Re: Veranstaltung",
"""Thank you for your message. I am out of the office until 6 January with no access to e-mail.
Danke für Ihre Nachricht, ich bin bis 6. Januar nicht im Haus.""", auto=True, authority="16068034")
mail("a05_not_ooo_person", "hauptamt@kahla.de", "Urlaub - Vertretung",
"""Hallo Herr Stein,

ich bin ab Montag zwei Wochen im Urlaub. Bitte schicken Sie die Unterlagen zum OZG-Projekt in der Zeit
an meine Kollegin Frau Zorn. Eine Frage vorab: müssen wir die BundID-Anbindung selbst beauftragen?

Gruß
Peter Lenk
Stadtverwaltung Kahla""", topics=("ozg_duties",), authority="16074044")

# --- linking ------------------------------------------------------------------------------------------
mail("l01_vg_one_member", "info@vg-leinetal.de", "Onlinedienste Gemeinde Geisleden",
"""Sehr geehrte Damen und Herren,

die Gemeinde Geisleden möchte ihre Hundesteueranmeldung als Onlinedienst anbieten. Welche OZG-Leistung
ist das und gibt es dafür einen EfA-Dienst?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Leinetal
Hauptamt""", topics=("ozg_duties",), authority="16061034")
mail("l02_vg_several", "info@vg-leinetal.de", "Onlinedienste unserer Gemeinden",
"""Guten Tag,

die Gemeinden Heuthen, Wingerode und Reinholterode wollen gemeinsam die OZG-Leistungen für das
Gewerbe über das Servicekonto anbieten. Geht das über die VG?

Verwaltungsgemeinschaft Leinetal""", topics=("ozg_duties",), authority="160615009")
mail("l03_vg_itself", "kasse@vghoherhoen.de", "Umlage",
"""Hallo,

wir als Verwaltungsgemeinschaft Hohe Rhön wollen unsere eigene Finanzsoftware ersetzen. Ist das ein Fall
für die E-Government-Förderung?

Grüße
VG Hohe Rhön
Kasse""", topics=("eligibility",), authority="160665005")
mail("l04_vg_one_member_lower", "hauptamt@vghoherhoen.de", "frage oberweid",
"""hallo, für die gemeinde oberweid: darf die gemeinde den eigenanteil beim förderantrag nach thüregovrl
aus der rücklage bezahlen? danke vg hohe rhön""", topics=("eligibility",), authority="16066052")
mail("l05_eg_own", "hauptamt@dermbach.de", "Breitband im Rathaus",
"""Guten Tag,

die Gemeinde Dermbach möchte ihr Rathaus an Glasfaser anschließen. Gibt es dafür Fördergeld aus der
E-Government-Richtlinie?

Mit freundlichen Grüßen
Gemeinde Dermbach
Hauptamt""", topics=("eligibility",), authority="16063015")
mail("l06_eg_for_all", "hauptamt@dermbach.de", "ISMS für uns und die beauftragenden Gemeinden",
"""Sehr geehrte Damen und Herren,

als erfüllende Gemeinde wollen wir ein gemeinsames ISMS für uns und unsere beauftragenden Gemeinden
Empfertshausen, Oechsen, Weilar und Wiesenthal aufbauen. Wie gehen wir nach BSI-Grundschutz vor?

Freundliche Grüße
Gemeinde Dermbach
erfüllende Gemeinde""", topics=SEC, authority="160635059")
mail("l07_eg_member", "kaemmerei@meiningen.de", "Förderantrag Rippershausen",
"""Guten Tag,

für die Gemeinde Rippershausen, für die wir als erfüllende Gemeinde die Verwaltung führen, stellen wir
einen Förderantrag für eine Ratsinformationssoftware. Welche Unterlagen brauchen Sie?

Stadt Meiningen
Kämmerei""", topics=("eligibility",), authority="16066056")
mail("l08_provider_on_behalf", "support@kiv-thueringen.de", "OZG-Anbindung Stadt Kahla",
"""Sehr geehrte Damen und Herren,

im Auftrag der Stadt Kahla fragen wir an, wie die Anbindung ihrer Fachverfahren an das Antragsportal
beantragt wird.

Mit freundlichen Grüßen
Kommunale Informationsverarbeitung Thüringen GmbH
Kundenservice""", topics=("ozg_duties",), authority="16074044")
mail("l09_zweckverband_for_town", "info@zv-kommunale-it.de", "Sicherheitsvorfall-Meldeweg für Schmölln",
"""Hallo,

wir betreuen als Zweckverband die IT der Stadt Schmölln. Über welchen Meldeweg sollen Sicherheitsvorfälle
der Stadt künftig an das Land gehen?

Zweckverband Kommunale IT Ostthüringen""", topics=SEC, authority="16077043")
mail("l10_kreistag_freemail", "k.baum@web.de", "Anfrage zur Informationssicherheit im Landkreis",
"""Sehr geehrte Damen und Herren,

als Mitglied des Kreistages des Landkreises Greiz möchte ich wissen, ob der Landkreis Greiz ein ISMS nach
BSI-Grundschutz eingeführt hat und wer im Landratsamt dafür zuständig ist.

Mit freundlichen Grüßen
Karin Baum
Kreistagsmitglied Landkreis Greiz""", topics=SEC, authority="16076")
mail("l11_freemail_address_only", "neu.im.amt@gmx.de", "Frage OZG",
"""Guten Tag,

ich bin neu in der Verwaltung und soll die OZG-Umsetzung übernehmen. Wo finde ich eine Übersicht der
Leistungen, die wir online anbieten müssen?

Viele Grüße
Jana Pfeiffer
Markt 1, 07381 Pößneck""", topics=("ozg_duties",), authority="16075085")
mail("l12_freemail_mayor_of", "bernd.voigt@t-online.de", "Förderung Ratsinfo",
"""Hallo,

wir möchten ein Ratsinformationssystem anschaffen. Ist das nach der ThürEGovRL förderfähig?

Gruß
Bernd Voigt
Bürgermeister der Gemeinde Straufhain""", topics=("eligibility",), authority="16069049")
mail("l13_generic_upper", "POSTSTELLE@Schleiz.de", "Anfrage Onlinedienste",
"""Sehr geehrte Damen und Herren,

welche Onlinedienste müssen wir nach dem OZG bis Ende 2026 anbieten?

Mit freundlichen Grüßen
Ihre Poststelle""", topics=("ozg_duties",), authority="16075098")
mail("l14_generic_rathaus", "Rathaus@ilmenau.de", "Frage BSI",
"""Guten Tag, wir suchen eine Vorlage für eine Informationssicherheitsleitlinie nach BSI. Haben Sie eine?
Danke""", topics=SEC, authority="16070029")
mail("l15_autoreply_municipal", "stadtverwaltung@apolda.de", "Abwesenheitsnotiz: Ihre Anfrage",
"""Ich bin bis 10.01. nicht im Dienst. Ihre Mail wird nicht weitergeleitet.""",
auto=True, authority="16071001", headers={"X-Autoreply": "yes"})
mail("l16_trap_name_is_kreis", "info@greiz-tourismus.de", "Veranstaltungskalender",
"""Hallo, wir möchten unseren Veranstaltungskalender mit dem Landesportal verknüpfen. Geht das?
Tourismusverein Greiz e.V.""", topics=("ozg_duties",), authority=None)
mail("l17_citizen_freemail", "m.seidel@gmail.com", "Frage zu meiner Gemeinde",
"""Guten Tag, ich wohne in Pößneck und möchte wissen, ob die Stadt Pößneck den Wohngeldantrag online
anbieten muss. Als Bürgerin finde ich das nicht. Grüße M. Seidel""", topics=("ozg_duties",), authority=None)
mail("l18_company_partner", "vertrieb@softmedia-gmbh.de", "Referenz Stadt Greiz",
"""Sehr geehrte Damen und Herren, wie bereits bei der Stadt Greiz umgesetzt, bieten wir Ihnen unser
DMS an, förderfähig nach ThürEGovRL.

SoftMedia GmbH, Geschäftsführer A. Kunz, HRB 1234""", authority=None)
mail("l19_other_state", "rathaus@stadt-coburg.example", "OZG-Erfahrungsaustausch",
"""Guten Tag, wir aus Coburg (Bayern) würden uns gern zur OZG-Umsetzung austauschen.

Stadt Coburg, Freistaat Bayern""", topics=("ozg_duties",), authority=None)
mail("l20_vg_seat_member_only", "hauptamt@vg-schiefergebirge.de", "Förderantrag Stadt Gräfenthal",
"""Guten Tag,

für die Stadt Gräfenthal beantragen wir Fördermittel nach der ThürEGovRL für digitale Sitzungstechnik.
Bis wann müssen die Unterlagen vorliegen?

Verwaltungsgemeinschaft Schiefergebirge
Hauptamt""", topics=("eligibility",), authority="16073028")


def build() -> None:
    for old in HERE.glob("*.eml"):
        old.unlink()
    start = datetime(2026, 11, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    labels = []
    for number, m in enumerate(MAILS):
        msg = EmailMessage()
        msg["From"] = f"{m['display']} <{m['sender']}>" if m["display"] else m["sender"]
        msg["To"] = TO
        msg["Subject"] = m["subject"]
        msg["Date"] = format_datetime(start + timedelta(hours=3 * number))
        msg["Message-ID"] = f"<judgement-probe-{number}@probe.invalid>"
        for name, value in m["headers"].items():
            msg[name] = value
        msg.set_content(m["body"])
        (HERE / f"{m['name']}.eml").write_bytes(bytes(msg))
        labels.append({"file": f"{m['name']}.eml", "topics": m["topics"], "authority": m["authority"],
                       "auto_reply": m["auto"], "urgent": m["urgent"]})
    (HERE / "labels.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in labels) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
