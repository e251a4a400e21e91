# ruff: noqa: E501 - mail texts
"""Second development probe for issue 15, written after the fixes and measured once without further
tuning (a check that the fixes generalise beyond tests/data/judgement_probe). Not a blind set.
Run to regenerate the .eml files and labels.jsonl."""

import json
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
MAILS = []
SEC = ("it_security",)


def mail(name, sender, subject, body, *, topics=(), authority=None, urgent=False, auto=False, headers=None,
         html=False, charset="utf-8"):
    MAILS.append(dict(name=name, sender=sender, subject=subject, body=body, topics=list(topics), authority=authority,
                      urgent=urgent, auto=auto, headers=headers or {}, html=html, charset=charset))


mail("v01_html_restored", "edv@kahla.de", "Info Virenvorfall",
"<p>Hallo,</p><p>am Dienstag hatte sich auf zwei PCs im Bauamt ein Virus eingenistet. Der Dienstleister hat beide Geräte "
"bereinigt und neu installiert, alles läuft wieder normal.</p><p>Frage: Müssen wir so etwas an den Datenschutzbeauftragten melden?</p>"
"<p>Viele Grüße<br>EDV<br>Stadtverwaltung Kahla</p>", topics=SEC, authority="16074044", html=True)
mail("v02_latin1_phishing_warned", "hauptamt@greiz.de", "Vorsicht Phishing",
"""Liebe Kolleginnen und Kollegen im Ministerium,

bei uns gehen derzeit gefälschte Mails im Namen der Sparkasse ein. Wir haben alle Mitarbeiter gewarnt,
bislang ist niemand darauf hereingefallen. Gibt es vom Land eine Empfehlung, wie wir solche Mails melden?

Gruß aus Greiz
Hauptamt
Stadtverwaltung Greiz""", topics=SEC, authority="16076022", charset="iso-8859-1")
mail("v03_if_question_short", "b.mueller@gmx.de", "frage",
"""was passiert eigentlich wenn ein hacker unsere einwohnerdaten klaut? wer ist dann verantwortlich? nur mal so gefragt

b. müller
bürgermeister der gemeinde straufhain""", topics=SEC, authority="16069049")
mail("v04_funding_thanks_ozg", "ozg@sonneberg.de", "Re: Ihr Bescheid",
"""Sehr geehrte Frau Krause,

herzlichen Dank, der Bescheid über die Förderung der OZG-Anbindung ist angekommen und wir haben die
Mittel heute abgerufen.

Mit freundlichen Grüßen
Stadtverwaltung Sonneberg""", authority="16072018")
mail("v05_urgent_telephone_style", "it@schmoelln.de", "ANGRIFF LÄUFT",
"""Bei uns werden gerade die Dateien auf dem Server umbenannt und verschlüsselt!!! Wir haben die
Netzwerkkabel gezogen. Rufen Sie bitte sofort zurück: 034491 76-0

Stadt Schmölln IT""", topics=SEC, urgent=True, authority="16077043")
mail("v06_urgent_account_abroad", "kaemmerei@apolda.de", "Fremde Logins",
"""Guten Morgen,

im Postfach der Kämmerei sehen wir seit der Nacht Anmeldungen aus Nigeria und es werden Weiterleitungsregeln
angelegt, die wir nicht kennen. Was müssen wir sofort tun?

Kämmerei
Stadtverwaltung Apolda""", topics=SEC, urgent=True, authority="16071001")
mail("v07_urgent_portal_down", "buergerservice@ilmenau.de", "Online-Terminvergabe ausgefallen - Angriff?",
"""Hallo,

unsere Online-Terminvergabe ist seit 7:30 Uhr lahmgelegt, der Hoster spricht von einer Attacke mit
massenhaften Anfragen. Die Bürger stehen vor der Tür. Bitte melden Sie sich!

Bürgerservice
Stadtverwaltung Ilmenau""", topics=SEC, urgent=True, authority="16070029")
mail("v08_not_urgent_last_month_leak", "datenschutz@pößneck.de", "Abschlussmeldung Datenpanne",
"""Sehr geehrte Damen und Herren,

die Datenpanne vom vergangenen Monat (versehentlich offener Ordner auf dem Webserver) ist behoben, der
Ordner wurde gesperrt und die Betroffenen sind informiert. Wir übersenden hiermit den Abschlussbericht.
Haben Sie dazu noch Anforderungen?

Datenschutzbeauftragte
Stadtverwaltung Pößneck""", topics=SEC, authority="16075085")
mail("v09_training_ad", "seminare@kommunal-akademie.example", "Jetzt anmelden: Cyber-Notfallübung für Kommunen",
"""Ihr Rathaus ist verschlüsselt, die Bürger warten - was nun? Trainieren Sie den Ernstfall in unserer
eintägigen Notfallübung. Termine im Februar, Anmeldung online.

Kommunal-Akademie GmbH""")
mail("v10_eos_server2012", "edv@vghoherhoen.de", "Server 2012",
"""Hallo, unser Fileserver läuft noch mit Windows Server 2012, dafür gibt es keine Sicherheitsupdates mehr.
Ist das ein Problem für die Informationssicherheit und bis wann müssen wir umstellen?
VG Hohe Rhön, EDV""", topics=SEC, authority="160665005")
mail("v11_ooo_plain", "standesamt@schleiz.de", "AW: Termin",
"""Danke für Ihre Mail! Ich bin bis zum 07.01.2027 nicht im Haus. Ihre Nachricht wird nach meiner Rückkehr bearbeitet.""",
auto=True, authority="16075098")
mail("v12_ooo_elternzeit", "i.hahn@koelleda.de", "Ihre Nachricht",
"""Vielen Dank für Ihre Nachricht. Ich befinde mich bis auf Weiteres in Elternzeit. Bitte wenden Sie sich an meine Vertretung, Frau Beck.""",
auto=True, authority="16068034")
mail("v13_vg_member_capital", "hauptamt@vg-schiefergebirge.de", "BundID für Probstzella?",
"""Sehr geehrte Damen und Herren,

die Gemeinde Probstzella möchte ihre Bürger über die BundID Anträge stellen lassen. Was muss die
Gemeinde dafür tun?

Hauptamt
Verwaltungsgemeinschaft Schiefergebirge""", topics=("ozg_duties",), authority="16073067")
mail("v14_vg_all_members", "hauptamt@vg-schiefergebirge.de", "OZG für alle Mitgliedsgemeinden",
"""Guten Tag,

wir möchten für alle unsere Mitgliedsgemeinden gemeinsam die OZG-Leistungen umsetzen. Welche Leistungen
haben Vorrang?

Verwaltungsgemeinschaft Schiefergebirge""", topics=("ozg_duties",), authority="160735005")
mail("v15_eg_own", "bauamt@weida.de", "Förderung digitale Bauakte",
"""Guten Tag,

die Stadt Weida möchte ihre Bauakten digitalisieren. Kann das über die E-Government-Förderung laufen?

Bauamt
Stadtverwaltung Weida""", topics=("eligibility",), authority="16076079")
mail("v16_eg_for_both", "hauptamt@weida.de", "ISMS für Weida und Crimla",
"""Sehr geehrte Damen und Herren,

als erfüllende Gemeinde für Crimla möchten wir ein gemeinsames Informationssicherheitskonzept für die
Stadt Weida und die Gemeinde Crimla erstellen. Gibt es dafür Vorlagen?

Stadt Weida
erfüllende Gemeinde""", topics=SEC, authority="160765053")
mail("v17_provider_named", "kundenservice@kommunale-it-mitte.example", "Anfrage für die Gemeinde Straufhain",
"""Guten Tag,

unser Kunde, die Gemeinde Straufhain, möchte wissen, ob die Anbindung an das Antragsportal gefördert wird.

Mit freundlichen Grüßen
Kommunale IT Mitte GmbH""", topics=("eligibility", "ozg_duties"), authority="16069049")
mail("v18_kreistag_webde", "fraktion.gruene.sok@web.de", "Anfrage Landratsamt Saale-Orla",
"""Sehr geehrte Damen und Herren,

als Kreistagsfraktion im Saale-Orla-Kreis fragen wir, wie weit die Umsetzung des OZG im Landratsamt ist.

Mit freundlichen Grüßen
Fraktion im Kreistag Saale-Orla-Kreis""", topics=("ozg_duties",), authority="16075")
mail("v19_freemail_mayor_street", "ortschef@t-online.de", "Ratsinfo",
"""Hallo,

wir würden gern ein Ratsinformationssystem einführen. Ist das förderfähig?

Gruß
Bürgermeister der Gemeinde Oberweid""", topics=("eligibility",), authority="16066052")
mail("v20_freemail_newstaff", "sachbearbeitung.kahla@gmail.com", "Frage zur Informationssicherheit",
"""Guten Tag,

ich arbeite seit kurzem im Hauptamt und soll eine Informationssicherheitsleitlinie erstellen. Gibt es eine Vorlage?

Mit freundlichen Grüßen
S. Ebert
Markt 10
07768 Kahla""", topics=SEC, authority="16074044")
mail("v21_generic_box", "Info@Greiz.de", "Onlinedienste",
"""Guten Tag, welche Onlinedienste sind nach dem OZG für uns Pflicht? Danke""", topics=("ozg_duties",), authority="16076022")
mail("v22_auto_ack_municipal", "poststelle@ilmenau.de", "Eingangsbestätigung",
"""Ihre Nachricht ist bei der Stadtverwaltung Ilmenau eingegangen. Diese E-Mail wurde automatisch erstellt.""",
auto=True, authority="16070029")
mail("v23_citizen_trap", "klaus.r@web.de", "Frage zu Greiz",
"""Hallo, ich bin Bürger in Greiz. Warum kann ich meinen Personalausweis nicht online beantragen? Das OZG sagt doch was anderes.
Klaus R.""", topics=("ozg_duties",))
mail("v24_company_town_name", "info@stadtwerke-greiz.example", "Fördermittel Ladesäulen",
"""Guten Tag, gibt es Fördermittel für E-Ladesäulen? Stadtwerke Greiz GmbH""")
mail("v25_funding_after_ddos", "kaemmerei@kahla.de", "Zuschuss DDoS-Schutz",
"""Sehr geehrte Damen und Herren,

nach der DDoS-Attacke auf unsere Homepage im Oktober möchten wir einen Schutzdienst beauftragen. Ist das
nach der ThürEGovRL förderfähig?

Kämmerei
Stadtverwaltung Kahla""", topics=("it_security", "eligibility"), authority="16074044")
mail("v26_dringend_subject_question", "hauptamt@schleiz.de", "DRINGEND - Frage Zwei-Faktor",
"""Hallo, brauchen wir für das Servicekonto eine Zwei-Faktor-Anmeldung? Wir müssen das bis morgen wissen.
Stadtverwaltung Schleiz""", topics=("ozg_duties", "it_security"), authority="16075098")


def build() -> None:
    for old in HERE.glob("*.eml"):
        old.unlink()
    start = datetime(2026, 11, 20, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    labels = []
    for number, m in enumerate(MAILS):
        msg = EmailMessage()
        msg["From"] = m["sender"]
        msg["To"] = "egovernment@tfm.thueringen.de"
        msg["Subject"] = m["subject"]
        msg["Date"] = format_datetime(start + timedelta(hours=5 * number))
        msg["Message-ID"] = f"<judgement-probe2-{number}@probe.invalid>"
        for name, value in m["headers"].items():
            msg[name] = value
        if m["html"]:
            msg.set_content(f"<html><body>{m['body']}</body></html>", subtype="html")
        else:
            msg.set_content(m["body"], charset=m["charset"])
        (HERE / f"{m['name']}.eml").write_bytes(bytes(msg))
        labels.append({"file": f"{m['name']}.eml", "topics": m["topics"], "authority": m["authority"],
                       "auto_reply": m["auto"], "urgent": m["urgent"]})
    (HERE / "labels.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in labels) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
