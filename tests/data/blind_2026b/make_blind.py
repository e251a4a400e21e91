"""Build the blind set 2026b (issue 15, "Measure honestly"): raw mails + labels.

Standard library only, deterministic (same bytes on every run). Every mail and its label are
written by hand below; labels are what a careful consultant decides from the mail alone.

    python tests/data/blind_2026b/make_blind.py          # write b001.eml …, labels.jsonl, categories.json
    python tests/data/blind_2026b/make_blind.py --check  # also parse every file with `email` and validate

Persons, street addresses (apart from town-hall squares), phone numbers, companies and incidents
are fictional. Municipalities, districts and VG/EG are real; nothing here says anything about a
real authority's security.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import os
import quopri
import sys
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import Header
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEAM = "E-Government-Beratung TFM <egov-beratung@tfm.thueringen.de>"
TOPICS = ("ozg_duties", "eligibility", "it_security")
MAILS: list[dict] = []


def mail(cat, link, frm, subject, body, topics=(), auth=None, *, urgent=False, auto=False,
         style=None, charset=None, cte=None, headers=(), kind="text", to=TEAM, date=None):
    """Register one mail. `topics`/`auth`/`urgent`/`auto` are its gold label; `date` = (month, day, h, min)."""
    MAILS.append(dict(cat=cat, link=link, frm=frm, subject=subject, body=body.strip("\n") + "\n",
                      topics=list(topics), auth=auth, urgent=urgent, auto=auto, style=style,
                      charset=charset, cte=cte, headers=list(headers), kind=kind, to=to, date=date))


# ---------------------------------------------------------------- transport

def vary(index: int, m: dict) -> tuple[str, str, str]:
    """Spread HTML-only bodies and legacy charsets over the mails that do not fix their own."""
    style = m["style"] or (
        "html" if index % 5 == 2 else "html-gmail" if index % 11 == 7 else "alt" if index % 23 == 5 else "plain"
    )
    charset = m["charset"] or ("iso-8859-1" if index % 4 == 1 else "windows-1252" if index % 4 == 3 else "utf-8")
    text = m["subject"] + m["body"] + m["frm"]
    for candidate in (charset, "windows-1252", "utf-8"):
        try:
            text.encode(candidate)
        except UnicodeEncodeError:
            continue
        charset = candidate
        break
    cte = m["cte"] or ("8bit", "quoted-printable", "base64")[index % 3]
    if not any(ord(c) > 127 for c in text) and m["cte"] is None and cte == "8bit":
        cte = "7bit"
    return style, charset, cte


def encode_body(text: str, charset: str, cte: str) -> bytes:
    raw = text.replace("\n", "\r\n").encode(charset)
    if cte == "base64":
        data = base64.b64encode(raw)
        return b"\r\n".join(data[i:i + 76] for i in range(0, len(data), 76)) + b"\r\n"
    if cte == "quoted-printable":
        return quopri.encodestring(raw.replace(b"\r\n", b"\n")).replace(b"\n", b"\r\n")
    return raw


def to_html(text: str, flavour: str) -> str:
    blocks = text.strip("\n").split("\n\n")
    parts = []
    for block in blocks:
        lines = block.split("\n")
        if all(line.startswith(">") for line in lines):
            inner = "<br>\n".join(html.escape(line.lstrip("> ")) for line in lines)
            style = "margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex"
            parts.append(f'<blockquote style="{style}">{inner}</blockquote>')
        elif flavour == "outlook":
            parts.append("<p class=MsoNormal>" + "<br>\n".join(html.escape(line) for line in lines) + "<o:p></o:p></p>")
        else:
            parts.append("<div>" + "<br>\n".join(html.escape(line) for line in lines) + "</div><div><br></div>")
    if flavour == "outlook":
        return (
            '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" '
            'content="text/html"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;'
            'font-family:"Calibri",sans-serif;} --></style>'
            '</head><body lang=DE link="#0563C1"><div class=WordSection1>\n'
            + "\n".join(parts)
            + "\n</div></body></html>\n"
        )
    return '<div dir="ltr">\n' + "\n".join(parts) + "\n</div>\n"


def header(name: str, value: str, charset: str) -> str:
    if all(ord(c) < 128 for c in value):
        return f"{name}: {value}"
    return f"{name}: " + Header(value, charset, header_name=name).encode()


def address(value: str, charset: str) -> str:
    name, addr = parseaddr(value)
    return formataddr((name, addr), charset=charset) if name else addr


def build(index: int, m: dict) -> tuple[bytes, dict]:
    style, charset, cte = vary(index, m)
    number = index + 1
    zone = timezone(timedelta(hours=1))
    if m["date"]:
        date = datetime(2026, *m["date"], tzinfo=zone)
    else:  # twelve mails a day from Monday 2 November 2026, office hours
        offset = timedelta(days=index // 12, minutes=37 * (index % 12) + 3 * (index % 7))
        date = datetime(2026, 11, 2, 7, 4, tzinfo=zone) + offset
    frm_addr = parseaddr(m["frm"])[1]
    domain = frm_addr.split("@")[-1].lower() or "localhost"
    digest = hashlib.sha1(f"{number}{m['subject']}".encode()).hexdigest()[:12]
    head = [
        header("From", address(m["frm"], charset), charset),
        header("To", address(m["to"], charset), charset),
        header("Subject", m["subject"], charset),
        f"Date: {format_datetime(date)}",
        f"Message-ID: <{digest}.{number:03d}@{domain}>",
        "MIME-Version: 1.0",
    ]
    head += [header(k, v, charset) for k, v in m["headers"]]
    boundary = f"----=_Part_{digest}"
    if m["kind"] == "dsn":
        original, reason = m["body"].split("\n=====\n")
        report = (f"Reporting-MTA: dns; {domain}\nArrival-Date: {format_datetime(date - timedelta(minutes=2))}\n\n"
                  f"Final-Recipient: rfc822; {reason.strip()}\nAction: failed\nStatus: 5.1.1\n"
                  f"Diagnostic-Code: smtp; 550 5.1.1 <{reason.strip()}>: Recipient address rejected: User unknown\n")
        orig_subject = header("Subject", m["subject"].split(": ", 1)[-1], "utf-8")
        orig_head = (f"From: {TEAM}\nTo: {reason.strip()}\n{orig_subject}\n"
                     f"Date: {format_datetime(date - timedelta(minutes=3))}\n")
        head.append(f'Content-Type: multipart/report; report-type=delivery-status; boundary="{boundary}"')
        body = (f"This is a MIME-encapsulated message.\n\n--{boundary}\nContent-Type: text/plain; charset=utf-8\n"
                f"Content-Transfer-Encoding: 8bit\n\n{original.strip()}\n\n"
                f"--{boundary}\nContent-Type: message/delivery-status\n\n"
                f"{report}\n--{boundary}\nContent-Type: text/rfc822-headers\n\n{orig_head}\n--{boundary}--\n")
        style, charset, cte = "dsn", "utf-8", "8bit"
        payload = body.replace("\n", "\r\n").encode("utf-8")
    elif style == "alt":
        head.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
        part_head = f'charset="{charset}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n'
        chunks = [f"--{boundary}\r\nContent-Type: text/plain; {part_head}".encode("ascii"),
                  encode_body(m["body"], charset, cte),
                  f"\r\n--{boundary}\r\nContent-Type: text/html; {part_head}".encode("ascii"),
                  encode_body(to_html(m["body"], "outlook"), charset, cte),
                  f"\r\n--{boundary}--\r\n".encode("ascii")]
        payload = b"".join(chunks)
    else:
        subtype = "plain" if style == "plain" else "html"
        text = m["body"] if style == "plain" else to_html(m["body"], "outlook" if style == "html" else "gmail")
        head.append(f'Content-Type: text/{subtype}; charset="{charset}"')
        head.append(f"Content-Transfer-Encoding: {cte}")
        payload = encode_body(text, charset, cte)
    raw = ("\r\n".join(head) + "\r\n\r\n").encode("ascii") + payload
    meta = {"file": f"b{number:03d}.eml", "category": m["cat"], "linking": m["link"], "style": style,
            "charset": charset, "cte": cte}
    return raw, meta


# ---------------------------------------------------------------- validation (email only)

def gazetteer_keys() -> set[str]:
    base = Path(os.environ.get("THUERINGEN_GAZETTEER", "/work/shared/data/thueringen"))
    keys: set[str] = set()
    tables = (("gemeinden.csv", "ags"), ("kreise.csv", "ags"), ("verwaltungsgemeinschaften.csv", "vg_schluessel"))
    for name, column in tables:
        with open(base / name, encoding="utf-8") as handle:
            keys |= {row[column] for row in csv.DictReader(handle)}
    return keys


def check(files: list[tuple[str, bytes]], labels: list[dict]) -> list[str]:
    problems = []
    keys = gazetteer_keys()
    for (name, raw), label in zip(files, labels, strict=True):
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        for part in msg.walk():
            if part.defects:
                problems.append(f"{name}: defects {part.defects}")
            if part.get_content_maintype() == "text":
                part.get_content()
        if not msg["From"] or not msg["Subject"] or not msg["Date"]:
            problems.append(f"{name}: header missing")
        if label["authority"] is not None and label["authority"] not in keys:
            problems.append(f"{name}: unknown key {label['authority']}")
        if label["urgent"] and "it_security" not in label["topics"]:
            problems.append(f"{name}: urgent without it_security")
        if label["auto_reply"] and label["topics"]:
            problems.append(f"{name}: auto_reply with topics")
        if set(label["topics"]) - set(TOPICS):
            problems.append(f"{name}: unknown topic")
    return problems


def main() -> int:
    files, labels, metas = [], [], []
    for index, m in enumerate(MAILS):
        raw, meta = build(index, m)
        files.append((meta["file"], raw))
        metas.append(meta)
        labels.append({"file": meta["file"], "topics": m["topics"], "authority": m["auth"],
                       "auto_reply": m["auto"], "urgent": m["urgent"]})
    for old in HERE.glob("b*.eml"):
        old.unlink()
    for name, raw in files:
        (HERE / name).write_bytes(raw)
    lines = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in labels)
    (HERE / "labels.jsonl").write_text(lines, encoding="utf-8")
    (HERE / "categories.json").write_text(json.dumps(metas, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(files)} mails written")
    if "--check" in sys.argv:
        problems = check(files, labels)
        for problem in problems:
            print(problem)
        print("check:", "ok" if not problems else f"{len(problems)} problems")
        return 1 if problems else 0
    return 0


# ---------------------------------------------------------------- the mails
# ===== ongoing incidents: urgent =====

mail("urgent", "vg_one_member", "Kerstin Hoppe <k.hoppe@vghr.de>",
     "Gemeinde Lindewerra - Rechner verschlüsselt",
     """Guten Morgen,

im Gemeindebüro Lindewerra (Mitgliedsgemeinde unserer VG) ist seit ca. 7:30 Uhr der Rechner der
Gemeindearbeiterin gesperrt, auf dem Bildschirm steht eine Lösegeldforderung, die Dateien auf dem
Netzlaufwerk der Gemeinde Lindewerra heißen alle *.lockbit. Das Gerät hängt noch am Netz, wir
trauen uns nicht, es auszuschalten.

Was sollen wir jetzt tun? Bitte rufen Sie mich an: 036081 5512-23.

K. Hoppe
VG Hanstein-Rusteberg, Hauptamt
""", ["it_security"], "16061066", urgent=True)

mail("urgent", "own_admin_town", "\"Mirko Thiel\" <thiel@stadt-zella-mehlis.de>",
     "unser portal ist seit 2 stunden nicht erreichbar",
     """hallo,

seit heute früh ca 6 uhr ist unser bürgerportal und die homepage nicht erreichbar, der provider sagt
es laufen massenhaft anfragen aus dem ausland auf, also ein ddos. die leute können keine termine
buchen und das telefon klingelt durch. wie gehen wir jetzt vor, müssen wir das irgendwo melden?

mirko thiel
Stadtverwaltung Zella-Mehlis
IT / Organisation
""", ["it_security"], "16066092", urgent=True, style="plain", charset="iso-8859-1", cte="quoted-printable")

mail("urgent", "freemail_bgm_sig", "Bernd Walther <bwalther61@t-online.de>",
     "HILFE",
     """mein gemeinde postfach verschickt seit heute mittag mails an alle kontakte mit einem link zu einer
rechnung die ich nicht geschickt habe schon drei leute haben angerufen ich komm nicht mehr rein das
passwort geht nicht mehr was mach ich jetzt

Bernd Walther
Bürgermeister der Gemeinde Tröchtelborn
""", ["it_security"], "16067068", urgent=True)

mail("urgent", "landratsamt", "Referat IT-Sicherheit <itsicherheit@lra-sok.de>",
     "Aktueller Vorfall: Abfluss von Bürgerdaten im Terminportal",
     """Sehr geehrte Damen und Herren,

wir haben heute um 10:12 Uhr festgestellt, dass über eine Schwachstelle im Terminbuchungsportal der
Kfz-Zulassungsstelle Datensätze (Name, Anschrift, Kennzeichen) abgerufen werden. Der Abruf läuft nach
den Logdateien noch; der Dienstleister ist informiert, hat aber noch nicht abgeschaltet.

Wir bitten um kurzfristige Rückmeldung, ob wir das Portal selbst vom Netz nehmen sollen und welche
Meldepflichten (TLfDI, CERT) wir heute noch erfüllen müssen.

Mit freundlichen Grüßen
Im Auftrag
Dr. Silke Pfeffer
Informationssicherheitsbeauftragte

Landratsamt Saale-Orla-Kreis
Stabsstelle Informationssicherheit und Datenschutz
Oschitzer Straße 4
07907 Schleiz
Tel.: 03663 488-0 | Fax: 03663 488-9999
Besucheranschrift: Haus 2, Zimmer 2.14

_____________________________________________
Diese E-Mail kann vertrauliche oder rechtlich geschützte Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser
Mail sind nicht gestattet. Informationen zur Verarbeitung Ihrer Daten nach Art. 13 DSGVO finden Sie
auf unserer Internetseite unter "Datenschutz".
""", ["it_security"], "16075", urgent=True)

mail("urgent", "kreisfreie_stadt", "Jens Kuhlmann <jens.kuhlmann@gera.de>",
     "AW: OZG-Leistung Anwohnerparken - Stand",
     """Hallo Frau Reinhardt,

kurzer Zwischenruf, das Anwohnerparken muss warten: bei uns ist gerade ein Angreifer im Netz, die
Firewall meldet seit 11 Uhr ausgehende Verbindungen von zwei Servern der Kämmerei zu einer
unbekannten Adresse, und auf einem Fileserver werden Dateien umbenannt. Wir haben die Server
isoliert, aber es geht weiter. Können Sie uns jemanden vom CERT vermitteln? Heute noch, bitte.

Gruß
Jens Kuhlmann
Stadtverwaltung Gera, FD Informationstechnik

-----Ursprüngliche Nachricht-----
Von: Reinhardt, Anke <egov-beratung@tfm.thueringen.de>
Gesendet: Montag, 9. November 2026 08:15
Betreff: OZG-Leistung Anwohnerparken - Stand

> Sehr geehrter Herr Kuhlmann,
> wie weit ist die Anbindung der EfA-Leistung Anwohnerparken an Ihr Fachverfahren?
""", ["it_security"], "16052000", urgent=True, date=(11, 9, 11, 42))

mail("urgent", "vg_self", "Verwaltungsgemeinschaft Westerwald-Obereichsfeld <info@westerwald-obereichsfeld.de>",
     "Mailserver nach Angriff down",
     """Sehr geehrte Damen und Herren,

seit gestern Abend ist unser Mailserver nach einem Angriff nicht mehr erreichbar, der Dienstleister
hat ihn abgeschaltet, weil er als Spamschleuder missbraucht wurde. Wir schreiben Ihnen über das
Notfallpostfach. Die gesamte VG-Verwaltung in Küllstedt ist per Mail nicht erreichbar, Fristen
laufen. Wir brauchen heute Hilfe bei der Frage, wie wir sicher wieder in Betrieb gehen.

Mit freundlichen Grüßen
Ihre VG Westerwald-Obereichsfeld
Hauptamt
""", ["it_security"], "160615013", urgent=True)

mail("urgent", "eg_own", "Tobias Rein <t.rein@bad-sulza.de>",
     "Phishing geklickt - Konto sendet Spam",
     """Guten Tag,

ein Kollege aus der Kämmerei der Stadt Bad Sulza hat vor einer halben Stunde auf einen Link in einer
angeblichen DHL-Mail geklickt und sein Kennwort eingegeben. Seitdem gehen von seinem Konto im
Minutentakt Mails an externe Adressen raus. Passwort ist geändert, es geht trotzdem weiter.
Was müssen wir jetzt sofort tun?

Tobias Rein
Stadtverwaltung Bad Sulza
Markt 1, 99518 Bad Sulza
""", ["it_security"], "16071004", urgent=True)

mail("urgent", "provider_on_behalf", "Servicedesk ZV KIT Ost <servicedesk@zv-kit-ost.de>",
     "Ticket #44871 - Stadt Schmölln: Verschlüsselung läuft",
     """Sehr geehrte Damen und Herren,

wir betreuen die IT der Stadt Schmölln. Dort werden gerade, seit etwa 45 Minuten, die Dateien auf dem
zentralen Dateiserver verschlüsselt (Endung .akira), eine Erpressernachricht liegt in jedem Ordner.
Wir haben die Stadtverwaltung vom Netz getrennt, die Sicherung wird geprüft. Bürgermeister und
Hauptamtsleiterin sind informiert. Wir bitten im Auftrag der Stadt Schmölln um Unterstützung durch
das CERT und um Hinweise zur Meldung heute.

Mit freundlichen Grüßen
Servicedesk
Kommunaler IT-Zweckverband Ostthüringen
""", ["it_security"], "16077043", urgent=True)

mail("urgent", "kreistag_freemail", "Holger Brandt <holger.brandt@gmx.de>",
     "Landratsamt - Webseite gehackt?",
     """Guten Abend,

ich bin Mitglied des Kreistages Greiz. Auf der Startseite des Landratsamtes Greiz steht seit etwa
einer Stunde ein politischer Text mit Bildern, die da nicht hingehören, sie ist offensichtlich
gerade verunstaltet worden. Beim Landratsamt erreiche ich um diese Zeit niemanden. Können Sie das
bitte jemandem melden, der das heute noch abschalten kann?

Holger Brandt
Kreistagsmitglied
""", ["it_security"], "16076", urgent=True)

mail("urgent", "citizen", "Marlene Fuchs <marlene.fuchs@web.de>",
     "Ihre Stadtseite verteilt Viren?",
     """Hallo,

wenn ich jetzt gerade die Seite der Stadt Ronneburg aufrufe, kommt ein Fenster, ich soll ein
"Sicherheitsupdate" herunterladen, und mein Virenscanner schlägt an. Das passiert seit heute Mittag.
Ich bin nur Bürgerin und weiß nicht, wem ich das sagen soll.

M. Fuchs
""", ["it_security"], None, urgent=True)

mail("urgent", "generic_mailbox", "Poststelle <POSTSTELLE@Stadt-Bad-Koestritz.de>",
     "Angriff auf E-Akte - keine Anmeldung möglich",
     """Sehr geehrte Damen und Herren,

seit 8:40 Uhr kann sich in der Stadtverwaltung niemand mehr an der E-Akte und am Einwohnermeldeverfahren
anmelden, alle Konten sind gesperrt. Im Protokoll stehen tausende Fehlanmeldungen von fremden
Adressen, das läuft immer noch. Wir sind nicht arbeitsfähig. Bitte um Rückruf.

Stadt Bad Köstritz
Poststelle
""", ["it_security"], "16076003", urgent=True)

mail("urgent", "town_vs_kreis", "Ralf Schöne <r.schoene@sonneberg.de>",
     "dringend",
     """hallo,
auf allen pcs im bürgerbüro der stadt sonneberg öffnen sich seit 10 min fenster und die maus bewegt sich
von allein. jemand ist drauf. netzwerkkabel ziehen???

r. schöne
stadtverwaltung sonneberg

Von meinem iPhone gesendet
""", ["it_security"], "16072018", urgent=True)

mail("urgent", "eg_arrangement", "Andrea Kühn <a.kuehn@rathaus-eisenberg.de>",
     "Sicherheitsvorfall in der Verwaltung Eisenberg und den beauftragenden Gemeinden",
     """Sehr geehrte Damen und Herren,

die Stadtverwaltung Eisenberg führt als erfüllende Gemeinde auch die Geschäfte für Gösen, Hainspitz,
Mertendorf, Petersberg und Rauschwitz. Auf dem gemeinsamen Server der Verwaltung wurde heute Morgen
Schadsoftware gefunden, die sich weiter ausbreitet; betroffen sind die Daten der Stadt und aller
fünf Gemeinden. Wir haben den Server heruntergefahren, das Meldewesen steht. Wir bitten für uns
und unsere beauftragenden Gemeinden um sofortige Beratung.

Andrea Kühn
Stadt Eisenberg, Hauptamt
""", ["it_security"], "160745052", urgent=True)

mail("urgent", "landratsamt", "Bernd Scholz <bernd.scholz@kyffhaeuser.de>",
     "Terminvergabe Ausländerbehörde überlastet - Angriff",
     """Guten Tag,

unsere Online-Terminvergabe ist seit 9 Uhr unter einer Flut automatisierter Buchungen zusammengebrochen,
der Anbieter spricht von einem gezielten Angriff, die Seite ist nicht mehr erreichbar. Das läuft noch.

Bernd Scholz
Landratsamt Kyffhäuserkreis
Fachdienst Zentrale Dienste / IT
Markt 8, 99706 Sondershausen
""", ["it_security"], "16065", urgent=True)

mail("urgent", "freemail_street_plz", "Nicole Baum <nicole.baum85@gmail.com>",
     "virus?? alles weg",
     """hallo ich arbeite seit kurzem in der verwaltung und auf meinem dienstrechner sind auf einmal alle
ordner leer bzw die dateien haben so komische endungen und da ist eine textdatei mit bitcoin. das passiert
gerade jetzt bei der kollegin auch. ich schreibe von privat weil outlook nicht mehr geht

nicole baum
Markt 1
98559 Oberhof
""", ["it_security"], "16066047", urgent=True)

mail("urgent", "vg_several", "IT VG Südliches Saaletal <it@vg-suedliches-saaletal.de>",
     "Datenabfluss Gemeinden Bibra, Gumperda, Lindig",
     """Sehr geehrte Damen und Herren,

wir stellen fest, dass aus dem gemeinsamen Cloud-Speicher der Gemeinden Bibra, Gumperda und Lindig
in dieser Stunde große Mengen Dateien (Personalakten, Gebührenbescheide) an eine fremde Adresse
übertragen werden. Ein Zugang eines ehemaligen Mitarbeiters wurde offenbar missbraucht. Die Übertragung
dauert an. Wir brauchen sofort Unterstützung.

Verwaltungsgemeinschaft Südliches Saaletal
Fachbereich IT
Rathausgasse 1, 07768 Kahla
""", ["it_security"], "160745011", urgent=True)

mail("urgent", "kreisfreie_stadt", "Amt für Digitalisierung <digitalisierung@weimar.de>",
     "DDoS auf weimar.de und Serviceportal",
     """Sehr geehrte Kolleginnen und Kollegen,

seit 13:20 Uhr sind www.weimar.de, das Serviceportal und die Online-Ausweisbeantragung wegen eines
DDoS-Angriffs nicht erreichbar. Unser Provider filtert, bisher ohne Erfolg. Wir bitten um Kontakt
zum Landes-CERT und um Rat zur Kommunikation an die Bürger.

Stadtverwaltung Weimar
Amt für Digitalisierung
""", ["it_security"], "16055000", urgent=True)

mail("urgent", "eg_own", "M. Engel <engel@geisa.de>",
     "Konto gehackt??",
     """Hallo, seit heute früh sind bei meinem Verwaltungskonto Weiterleitungsregeln an eine fremde gmail-Adresse
eingerichtet, die ich nicht angelegt habe, und es melden sich Anmeldungen aus Nigeria. Ich habe gerade
gesehen, dass alle Mails der Stadtkasse weitergeleitet werden, auch jetzt noch. Was tun?

Martina Engel
Stadt Geisa, Stadtkasse
""", ["it_security"], "16063032", urgent=True)

mail("urgent", "own_admin_town", "Uwe Bergner <uwe.bergner@stadt-apolda.de>",
     "Sicherheitsvorfall / Bitte um Förderauskunft",
     """Sehr geehrte Damen und Herren,

bei uns werden seit gestern Abend Arbeitsplätze im Rathaus verschlüsselt, die Schadsoftware ist noch
nicht gestoppt, wir haben das Netz in Teilen abgeschaltet. Wir brauchen heute Beratung zum weiteren
Vorgehen.

Außerdem: Der Dienstleister rät zu einer neuen Endpoint-Lösung. Kann die Anschaffung nach der
ThürEGovRL gefördert werden, und müssen wir den Antrag vor der Bestellung stellen?

Uwe Bergner
Stadtverwaltung Apolda, Sachgebiet IT
""", ["it_security", "eligibility"], "16071001", urgent=True)

mail("urgent", "freemail_staff_text", "bauhof ellrich <bauhof.ellrich@web.de>",
     "gerade passiert",
     """habe eine mail vom "bürgermeister" bekommen anhang aufgemacht jetzt ist der bildschirm rot und da steht
alle daten verschlüsselt zahlen sie. bin im bauhof der stadt ellrich, rathaus geht keiner ran. ich hab den pc
noch an

Gruß Bauhof Ellrich
""", ["it_security"], "16062005", urgent=True)

mail("urgent", "generic_mailbox", "Gemeindeverwaltung <Gemeindeverwaltung@Gemeinde-Vogtei.DE>",
     "Webseite Gemeinde Vogtei zeigt fremde Inhalte",
     """Guten Tag,

auf unserer Internetseite erscheinen seit heute Morgen Werbebanner für Online-Casinos, die Startseite
leitet auf eine fremde Seite um. Jemand hat sich offenbar Zugang zum Redaktionssystem verschafft, die
Änderungen kommen immer wieder, obwohl wir sie löschen.

Gemeindeverwaltung Vogtei
Hauptamt
""", ["it_security"], "16064075", urgent=True)

mail("urgent", "own_admin_town", "Steffi Lange <lange@saalfeld.de>",
     "Fw: Datenschutzvorfall - Liste mit Kontodaten im Netz",
     """Zur Info und mit Bitte um Rat: Die Liste unserer Zahlungspflichtigen (Grundsteuer, mit IBAN) steht seit
heute früh frei abrufbar auf einer Paste-Seite, der Link wird gerade in einem Forum geteilt. Wir wissen nicht,
woher sie stammt. Was müssen wir jetzt tun?

S. Lange
Stadtverwaltung Saalfeld/Saale, Stadtkasse

---------- Forwarded message ---------
Von: Kai Neumann <k.neumann@saalfeld.de>
Datum: Di., 10. Nov. 2026 um 07:58
Betreff: Datenschutzvorfall

Steffi, schau mal bitte sofort auf den Link, das sind unsere Daten. Ich rufe den Datenschutzbeauftragten an.
""", ["it_security"], "16073077", urgent=True, date=(11, 10, 8, 21))

mail("urgent", "vg_self", "Schulze Hauptamt <hauptamt@vg-feldstein.de>",
     "schnell bitte",
     """ein fremder hat sich gerade mit dem konto unseres Admins per fernwartung aufgeschaltet und installiert
programme, der admin sitzt neben mir und macht nichts, bitte sofort melden wo ruf ich an

Schulze, VG Feldstein
""", ["it_security"], "160695002", urgent=True)

mail("urgent", "eg_own", "Ralf Günther <r.guenther@nobitz.de>",
     "Hilfe Sicherheitsvorfall Gemeinde Nobitz",
     """Sehr geehrte Damen und Herren,

seit Montagmittag ist unser Rathausnetz infolge eines Angriffs nicht mehr nutzbar, bis heute konnte der
Dienstleister die Schadsoftware nicht entfernen, sie verschlüsselt weiter neue Freigaben. Standesamt und
Bürgerbüro sind geschlossen. Wir benötigen dringend Unterstützung.

Mit freundlichen Grüßen
Ralf Günther
Gemeinde Nobitz
Hauptamtsleiter
""", ["it_security"], "16077036", urgent=True)

# ===== IT security, not urgent although full of incident words =====

mail("itsec_past", "own_admin_town", "Christian Vogt <c.vogt@stadt-schmalkalden.de>",
     "Nachbereitung Verschlüsselungsvorfall",
     """Sehr geehrte Damen und Herren,

letzte Woche Dienstag wurden bei uns zwei Arbeitsplätze im Ordnungsamt verschlüsselt. Die Geräte sind
neu aufgesetzt, die Daten aus der Sicherung wiederhergestellt, seitdem ist Ruhe. Wir möchten den Vorfall
sauber nachbereiten: Gibt es eine Vorlage für einen Abschlussbericht und eine Checkliste, welche
Lehren man aus so etwas zieht?

Mit freundlichen Grüßen
Christian Vogt
Sachgebietsleiter Organisation und IT
Stadtverwaltung Schmalkalden
Altmarkt 1
98574 Schmalkalden
Telefon: 03683 403-117
Telefax: 03683 403-199
E-Mail: c.vogt@stadt-schmalkalden.de
Sprechzeiten: Di 9-12 und 13-18 Uhr, Do 9-12 und 13-16 Uhr

_____________________________________________
Diese E-Mail kann vertrauliche oder rechtlich geschützte Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser
Mail sind nicht gestattet. Informationen zur Verarbeitung Ihrer Daten nach Art. 13 DSGVO finden Sie
auf unserer Internetseite unter "Datenschutz".
""", ["it_security"], "16066063")

mail("itsec_past", "vg_self", "Petra Kunze <kunze@vg-hes.de>",
     "Kontoübernahme im Sommer - Meldung nachholen?",
     """Guten Tag,

im Juli hatte ein Postfach unserer VG-Verwaltung über zwei Tage Spam verschickt, nachdem jemand sein
Passwort auf einer falschen Seite eingegeben hatte. Das ist längst erledigt, das Konto wurde damals
gesperrt und neu eingerichtet. Jetzt fragt der Datenschutzbeauftragte, ob wir das hätten melden
müssen und ob man eine Meldung nachträglich noch abgibt. Wie sehen Sie das?

Petra Kunze
Verwaltungsgemeinschaft Heideland-Elstertal-Schkölen
""", ["it_security"], "160745005")

mail("itsec_past", "kreistag_freemail", "Dieter Hofmann <dieter.hofmann@web.de>",
     "Anfrage eines Kreisrats zum Cyberangriff 2025",
     """Sehr geehrte Damen und Herren,

als Kreisrat im Wartburgkreis möchte ich verstehen, wie der Cyberangriff auf die Kreisverwaltung im
vergangenen Jahr aufgearbeitet wurde. Der Angriff ist abgeschlossen, die Systeme laufen seit Monaten
wieder. Gibt es eine Empfehlung des Landes, was ein Landratsamt danach an Informationssicherheit
nachweisen sollte, damit ich im Kreistag die richtigen Fragen stelle?

Mit freundlichen Grüßen
Dieter Hofmann
Mitglied des Kreistages Wartburgkreis
""", ["it_security"], "16063")

mail("itsec_past", "landratsamt", "Ines Wolf <ines.wolf@lra-ik.de>",
     "Erfahrungsaustausch nach DDoS im Oktober",
     """Hallo,

im Oktober war unser Portal nach einem DDoS-Angriff zwei Tage nicht erreichbar, das ist vorbei und der
Provider hat inzwischen einen Schutzdienst vorgeschaltet. Wir würden unsere Erfahrungen gern mit anderen
Kreisen teilen. Planen Sie so einen Austausch zur Informationssicherheit?

Ines Wolf
Landratsamt Ilm-Kreis, Stabsstelle Digitalisierung
Ritterstraße 14, 99310 Arnstadt
""", ["it_security"], "16070")

mail("itsec_contained", "eg_own", "Heike Schaller <heike.schaller@meiningen.de>",
     "Emotet-Anhang vom Scanner blockiert",
     """Guten Tag,

heute kam an die Poststelle eine Mail mit einem Word-Anhang, den unser Virenscanner als Emotet erkannt
und blockiert hat; es wurde nichts ausgeführt, der Anhang ist in Quarantäne. Müssen wir so etwas
irgendwo melden oder reicht es, wenn wir es intern dokumentieren?

Freundliche Grüße
Heike Schaller
Stadt Meiningen, Hauptamt
""", ["it_security"], "16066042", charset="iso-8859-1", cte="8bit")

mail("itsec_contained", "vg_one_member", "Frank Gerlach <gerlach@vg-seenplatte.de>",
     "Gemeinde Plothen: Konto rechtzeitig gesperrt",
     """Sehr geehrte Damen und Herren,

der Bürgermeister der Gemeinde Plothen hatte am Wochenende Anmeldeversuche aus dem Ausland auf seinem
Gemeinde-Postfach. Die Sperre nach fünf Fehlversuchen hat gegriffen, das Konto ist nicht übernommen
worden, Passwort und zweiter Faktor sind neu. Für Plothen möchten wir wissen: Ist eine Meldung nötig?

Frank Gerlach
VG Seenplatte, IT
""", ["it_security"], "16075083")

mail("itsec_contained", "kreisfreie_stadt", "\"Kathrin Opitz\" <kathrin.opitz@jena.de>",
     "Brute-Force auf VPN abgewehrt",
     """Hallo,

unsere Firewall hat in der Nacht rund 40.000 Anmeldeversuche auf das VPN abgewehrt, kein Versuch war
erfolgreich, die Quelladressen sind gesperrt und seit dem Morgen kommen keine mehr. Wir überlegen,
ob wir das VPN künftig nur noch mit Zertifikat erlauben. Gibt es dazu eine Empfehlung?

Kathrin Opitz
Stadtverwaltung Jena, Fachdienst IT
""", ["it_security"], "16053000")

mail("itsec_contained", "own_admin_town", "IT-Service <it-service@muehlhausen.de>",
     "Verdächtiger USB-Stick - nicht angesteckt",
     """Moin,

im Foyer des Rathauses lag ein USB-Stick mit der Aufschrift "Gehälter 2027". Niemand hat ihn
angesteckt, er liegt im Tresor. Wie geht man damit richtig um, gibt es eine Stelle, die so etwas
untersucht?

IT-Service
Stadtverwaltung Mühlhausen/Thüringen
Ratsstraße 19, 99974 Mühlhausen
""", ["it_security"], "16064046")

mail("itsec_phish_fwd", "vg_one_member", "Sabine Fritsche <fritsche@gramme-vippach.de>",
     "WG: Ihr Servicekonto wird deaktiviert",
     """Hallo,

diese Mail ging heute an das Postfach der Gemeinde Markvippach. Niemand hat geklickt, ich leite sie
nur zur Warnung weiter. Die Seite hinter dem Link sieht aus wie das Serviceportal, ist aber eine
fremde Adresse. Sollen wir die Bürger auf der Webseite warnen?

Gruß
S. Fritsche, VG Gramme-Vippach

-----Ursprüngliche Nachricht-----
Von: Thüringer Serviceportal <noreply@servicekonto-thueringen.info>
Gesendet: Mittwoch, 11. November 2026 06:12
An: gemeinde.markvippach@gramme-vippach.de
Betreff: Ihr Servicekonto wird deaktiviert

Sehr geehrte Nutzerin, sehr geehrter Nutzer,
Ihr Servicekonto wird in 24 Stunden deaktiviert. Bestätigen Sie jetzt Ihre Identität:
https://servicekonto-thueringen.info/login
""", ["it_security"], "16068036", date=(11, 11, 9, 5))

mail("itsec_phish_fwd", "own_admin_town", "Jörg Mertens <mertens@stadt-sondershausen.de>",
     "Fwd: BundID Verifizierung erforderlich",
     """zur info, kam an mehrere kollegen, keiner hat draufgeklickt. gefälschte bundid-seite. wie meldet man das
richtig?

j. mertens
Stadtverwaltung Sondershausen, IuK

-------- Weitergeleitete Nachricht --------
Betreff: BundID Verifizierung erforderlich
Datum: Thu, 12 Nov 2026 05:41:03 +0100
Von: BundID Support <support@bundid-verifizierung.com>

Ihr BundID-Konto muss bis zum 15.11. erneut verifiziert werden, sonst können Sie keine
Verwaltungsleistungen mehr nutzen. Jetzt verifizieren: http://bundid-verifizierung.com/konto
""", ["it_security"], "16065067", date=(11, 12, 8, 33))

mail("itsec_phish_fwd", "landratsamt", "Maik Sauer <maik.sauer@lra-eic.de>",
     "Warnung: gefälschte Rechnung im Umlauf",
     """Sehr geehrte Damen und Herren,

an mehrere Fachdienste kam heute eine angebliche Rechnung eines Büroausstatters mit ZIP-Anhang. Der
Anhang wurde von niemandem geöffnet, wir haben die Mails aus allen Postfächern gelöscht. Wir
informieren Sie, falls andere Kommunen dieselbe Mail bekommen, und fragen, ob Sie einen
Warnverteiler für Kommunen betreiben.

Maik Sauer
Landratsamt Eichsfeld, Informationstechnik
Friedensplatz 8, 37308 Heilbad Heiligenstadt
""", ["it_security"], "16061")

mail("itsec_phish_fwd", "freemail_bgm_sig", "Annett Rösler <annett.roesler@gmx.de>",
     "Fwd: Elster - Erstattung",
     """Guten Tag, ich habe diese Mail auf mein privates Postfach bekommen, sie tut so als käme sie vom
Finanzamt mit einer Erstattung für die Gemeinde. Ich habe natürlich nichts angeklickt. Ist das bekannt?

Annett Rösler
Bürgermeisterin der Gemeinde Heyersdorf

Anfang der weitergeleiteten Nachricht:
Von: "ELSTER Online" <info@elster-erstattung.net>
Betreff: Ihre Erstattung liegt bereit
Sehr geehrte Steuerpflichtige, für Ihre Gemeinde liegt eine Erstattung von 1.284,00 EUR bereit.
Melden Sie sich hier an, um die Zahlung freizugeben.
""", ["it_security"], "16077017", style="plain")

mail("itsec_preventive", "vg_self", "Hauptamt VG Heldburger Unterland <hauptamt@vg-heldburgerunterland.de>",
     "Was tun, wenn Ransomware?",
     """Sehr geehrte Damen und Herren,

wir erarbeiten gerade einen Notfallplan. Was tun wir, wenn eines Tages unsere Server verschlüsselt
werden oder ein Postfach gehackt wird? Wen rufen wir zuerst an, wer entscheidet über das Abschalten,
und gibt es dafür eine Vorlage des Landes für Verwaltungsgemeinschaften?

Mit freundlichen Grüßen
VG Heldburger Unterland
""", ["it_security"], "160695004")

mail("itsec_preventive", "town_vs_kreis", "Landratsamt Gotha - Sachgebiet IT <it@landkreis-gotha.de>",
     "Frage zum Vorgehen bei einem Datenabfluss",
     """Guten Tag,

falls uns ein Datenabfluss aus dem Bürgerportal passiert: Müssen wir dann zuerst den Landesbeauftragten
für den Datenschutz oder das CERT informieren, und innerhalb welcher Frist? Wir möchten das in unserem
Notfallhandbuch richtig beschreiben.

Sachgebiet IT
Landratsamt Gotha
18.-März-Straße 50, 99867 Gotha
""", ["it_security"], "16067")

mail("itsec_preventive", "eg_one_member", "Jana Ritter <ritter@artern.de>",
     "Gemeinde Kalbsrieth - Schutz vor gehackten Konten",
     """Hallo,

für die Gemeinde Kalbsrieth, für die wir als erfüllende Gemeinde die Verwaltung machen, soll der
Bürgermeister ein eigenes Postfach bekommen. Wie schützen wir das am besten vor Kontoübernahmen
(zweiter Faktor, Passwortregeln), bevor etwas passiert?

Jana Ritter
Stadt Artern
""", ["it_security"], "16065042")

mail("itsec_preventive", "own_admin_town", "kai.doering@leinefelde-worbis.de",
     "ddos schutz",
     """hi, was können wir tun, damit unser terminportal bei einem ddos nicht ausfällt? ist noch nichts passiert,
wir wollen vorbereitet sein

kai döring
stadt leinefelde-worbis it
""", ["it_security"], "16061115")

mail("itsec_win10", "vg_one_member", "Lutz Hammer <hammer@vg-ds.de>",
     "Windows 10 Support Ende - Gemeinde Kühndorf",
     """Sehr geehrte Damen und Herren,

in der Gemeinde Kühndorf laufen im Gemeindebüro noch zwei Rechner mit Windows 10, der Support ist
ja abgelaufen. Dürfen die bis zum Austausch im Frühjahr noch ans Netz, wenn wir sie vom Internet
trennen? Für Kühndorf wäre ein Austausch erst mit dem Haushalt 2027 möglich.

Lutz Hammer
VG Dolmar-Salzbrücke, IT
""", ["it_security"], "16066038")

mail("itsec_win10", "generic_mailbox", "INFO <INFO@Gemeinde-Nessetal.de>",
     "Win10 ESU",
     """Lohnt sich für 6 Rechner noch die erweiterte Sicherheitsunterstützung für Windows 10 oder sollen wir sofort
umstellen? Was empfiehlt das Land den Gemeinden?

Gemeinde Nessetal
Hauptamt
""", ["it_security"], "16067091")

mail("itsec_win10", "landratsamt", "Ulf Bartsch <u.bartsch@altenburgerland.de>",
     "Supportende Windows 10 an Schulen des Landkreises",
     """Guten Tag,

an den Schulen des Landkreises laufen noch rund 300 Geräte mit Windows 10. Wie bewerten Sie das
Risiko nach dem Supportende, und gibt es eine Handreichung des Landes zur Migration?

Ulf Bartsch
Landratsamt Altenburger Land, FD Schulverwaltung/IT
Lindenaustraße 9, 04600 Altenburg
""", ["it_security"], "16077")

mail("itsec_training", "vg_self", "Sylvia Franke <franke@huegelland-taeler.de>",
     "Schulung Phishing-Erkennung für unsere Mitarbeiter",
     """Guten Tag,

wir würden gern alle 14 Mitarbeiter der VG Hügelland/Täler zu Phishing und sicherem Umgang mit Mails
schulen lassen. Bieten Sie oder das Land so eine Awareness-Schulung an, auch vor Ort in Tröbnitz?

Sylvia Franke
Verwaltungsgemeinschaft Hügelland/Täler
""", ["it_security"], "160745007")

mail("itsec_training", "freemail_street_plz", "Thomas Beyer <th.beyer@t-online.de>",
     "Einladung Webinar Informationssicherheit - lohnt das?",
     """Hallo,

wir haben eine Einladung zu einem Webinar "Informationssicherheit in kleinen Kommunen" bekommen. Ist
das für eine Gemeinde unserer Größe sinnvoll, oder gibt es etwas Besseres vom Land?
Ich bin neu in der Verwaltung und soll mich um das Thema kümmern.

Gruß
Thomas Beyer
Hauptstraße 27
07366 Rosenthal am Rennsteig
""", ["it_security"], "16075136")

mail("itsec_bsi", "kreisfreie_stadt", "Sebastian Haupt <sebastian.haupt@erfurt.de>",
     "WG: BSI-Warnung kritische Schwachstelle Exchange",
     """Hallo zusammen,

das BSI warnt vor einer kritischen Schwachstelle in Exchange (siehe unten). Unser Dienstleister sagt,
der Patch sei eingespielt. Reicht das aus Ihrer Sicht, oder sollten wir zusätzlich nach Spuren einer
Kompromittierung suchen?

Sebastian Haupt
Landeshauptstadt Erfurt, Amt für Informationsverarbeitung

-----Ursprüngliche Nachricht-----
Von: CERT-Bund <certbund@bsi.bund.de>
Betreff: [CB-K26/1187] Microsoft Exchange Server: Schwachstelle ermöglicht Codeausführung
Ein entfernter, anonymer Angreifer kann eine Schwachstelle ausnutzen, um beliebigen Programmcode auszuführen.
""", ["it_security"], "16051000")

mail("itsec_bsi", "eg_own", "K. Rudolph <rudolph@koenigsee.de>",
     "BSI Lagebericht - was heißt das für uns?",
     """Sehr geehrte Damen und Herren,

der neue Lagebericht des BSI nennt Kommunen als häufiges Ziel von Ransomware. Was sollte eine Stadt wie
Königsee aus Ihrer Sicht jetzt als Erstes angehen?

K. Rudolph
Stadtverwaltung Königsee
""", ["it_security"], "16073112", charset="windows-1252", cte="quoted-printable")

mail("itsec_bsi", "provider_on_behalf", "Support <support@rennsteig-it.de>",
     "BSI-Warnung Firewall / Gemeinde Floh-Seligenthal",
     """Guten Tag,

wir betreuen die IT der Gemeinde Floh-Seligenthal. Das BSI warnt vor einer Lücke in der dort
eingesetzten Firewall-Serie. Ein Update ist eingespielt, Hinweise auf einen Angriff gibt es nicht.
Die Gemeinde fragt, ob sie zusätzlich etwas dokumentieren muss.

Mit freundlichen Grüßen
Rennsteig-IT GmbH
im Auftrag der Gemeinde Floh-Seligenthal
""", ["it_security"], "16066023")

mail("itsec_dringend", "town_vs_kreis", "Ordnungsamt Greiz <ordnungsamt@greiz.de>",
     "DRINGEND: Informationssicherheitsleitlinie bis Freitag",
     """Sehr geehrte Damen und Herren,

der Stadtrat will am Freitag die Informationssicherheitsleitlinie beschließen. Haben Sie ein Muster,
das wir bis Donnerstag noch einarbeiten können?

Stadtverwaltung Greiz
Ordnungsamt
""", ["it_security"], "16076022")

mail("itsec_dringend", "vg_self", "Norbert Glaser <glaser@vg-nesseaue.de>",
     "Eilt!! Passwortrichtlinie",
     """Eilt: Wir brauchen bis morgen eine Passwortrichtlinie für die VG Nesseaue, der Prüfer kommt. Haben Sie
eine Vorlage?

N. Glaser
VG Nesseaue
""", ["it_security"], "160675007")

mail("itsec_dringend", "generic_mailbox", "Stadtverwaltung Ruhla <Rathaus@Ruhla.de>",
     "dringend - Notfall-Telefonliste IT",
     """Hallo, ganz dringend bitte: Wir sollen eine Notfall-Telefonliste für IT-Sicherheitsvorfälle aufstellen.
Welche Landesstellen gehören da hinein? Es ist nichts passiert, wir brauchen es für das Audit am Montag.

Stadtverwaltung Ruhla
""", ["it_security"], "16063066")

mail("itsec_plain", "own_admin_town", "Katja Heller <katja.heller@stadtverwaltung-poessneck.de>",
     "ISMS einführen - wie anfangen?",
     """Sehr geehrte Damen und Herren,

wir möchten ein ISMS nach BSI-Grundschutz (Weg in die Basis-Absicherung) einführen. Mit welchem Aufwand
muss eine Stadtverwaltung mit 120 Beschäftigten rechnen, und wer berät uns dabei?

Mit freundlichen Grüßen
Katja Heller
Hauptamt | Organisation, IT und Digitalisierung
Stadtverwaltung Pößneck
Markt 1 | 07381 Pößneck
Telefon 03647 500-123
katja.heller@stadtverwaltung-poessneck.de
Gesendet von meinem iPhone
""", ["it_security"], "16075085")

mail("itsec_plain", "kreistag_freemail", "Ute Lindner <ute.lindner@gmx.net>",
     "Informationssicherheitsbeauftragter im Landratsamt",
     """Guten Tag,

ich bin Kreistagsmitglied im Kyffhäuserkreis. Muss das Landratsamt einen eigenen
Informationssicherheitsbeauftragten benennen, und darf das jemand aus der IT-Abteilung selbst sein?

Ute Lindner
Fraktion im Kreistag Kyffhäuserkreis
""", ["it_security"], "16065")

mail("itsec_plain", "other_state_null", "Lars Ebert <l.ebert@steinbach.de>",
     "Backupkonzept für kleine Kommune",
     """Guten Tag,

wir suchen ein Musterkonzept für Datensicherung (3-2-1, Offline-Kopie) für eine kleine Verwaltung.
Gibt es von Ihnen so etwas, auch für Kommunen außerhalb Thüringens?

Lars Ebert
Stadt Steinbach (Taunus)
Gartenstraße 20, 61449 Steinbach (Taunus), Hessen
""", ["it_security"], None)

mail("itsec_plain", "generic_mailbox", "Poststelle VGHR <POSTSTELLE@VGHR.DE>",
     "Verschlüsselung von Mails an das Jugendamt",
     """Sehr geehrte Damen und Herren,

das Jugendamt möchte Unterlagen von uns nur noch verschlüsselt bekommen. Welche Lösung empfehlen Sie
für eine VG-Verwaltung (S/MIME, Portal, Kryptomail)?

Verwaltungsgemeinschaft Hanstein-Rusteberg
Poststelle
""", ["it_security"], "160615008")

# ===== OZG duties (single topic) =====

mail("ozg", "vg_one_member", "Carola Wendt <wendt@vgem-mellingen.de>",
     "Stadt Magdala - welche Leistungen müssen online sein?",
     """Sehr geehrte Damen und Herren,

die Stadt Magdala (Mitglied unserer VG) fragt, welche Verwaltungsleistungen sie nach dem OZG selbst
online anbieten muss und welche über die VG oder den Landkreis laufen. Gibt es eine Liste für
Mitgliedsgemeinden?

Carola Wendt
VG Mellingen, Hauptamt
""", ["ozg_duties"], "16071053")

mail("ozg", "vg_self", "\"VG Schwarzatal\" <verwaltung@vg-schwarzatal.de>",
     "Anbindung Serviceportal für die VG",
     """Guten Tag,

die Verwaltungsgemeinschaft Schwarzatal möchte ihre Leistungen über das Thüringer Serviceportal
anbieten. Müssen wir als VG selbst einen Mandanten beantragen, und welche Leistungen sind nach OZG
Pflicht für die VG-Verwaltung?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Schwarzatal
Hauptamt
""", ["ozg_duties"], "160735012")

mail("ozg", "eg_own", "Mandy Krause <krause@zeulenroda-triebes.de>",
     "EfA-Leistung Gewerbeanmeldung",
     """Hallo,

wir als Stadt Zeulenroda-Triebes wollen die EfA-Leistung Gewerbeanmeldung nachnutzen. Was müssen wir
technisch und organisatorisch tun, damit wir die OZG-Vorgaben erfüllen?

Mandy Krause
Stadtverwaltung Zeulenroda-Triebes, Gewerbeamt
""", ["ozg_duties"], "16076087", style="html")

mail("ozg", "kreisfreie_stadt", "Nadine Kraft <nadine.kraft@suhl.de>",
     "Frist OZG 2.0 - Ende-zu-Ende-Digitalisierung",
     """Sehr geehrte Damen und Herren,

ab wann gilt für uns die Pflicht, Leistungen Ende-zu-Ende digital anzubieten, und welche Fristen
stehen im OZG-Änderungsgesetz für kreisfreie Städte?

Nadine Kraft
Stadtverwaltung Suhl, Digitalisierung
""", ["ozg_duties"], "16054000")

mail("ozg", "freemail_bgm_sig", "Klaus Pohl <pohl.klaus@web.de>",
     "onlinedienste",
     """guten tag, muss eine kleine gemeinde wie wir wirklich alle leistungen online anbieten? wir haben 400
einwohner und keine eigene verwaltung.

klaus pohl
bürgermeister der gemeinde gerstengrund
""", ["ozg_duties"], "16063033")

mail("ozg", "landratsamt", "Torsten Klein <t.klein@kreis-slf.de>",
     "Digitaler Bauantrag - Zuständigkeit Kreis/Gemeinde",
     """Guten Tag,

beim digitalen Bauantrag nach OZG fragen uns die Gemeinden, wer die Online-Einreichung anbieten muss:
die untere Bauaufsicht beim Landkreis oder die Gemeinde. Können Sie das klären?

Torsten Klein
Landratsamt Saalfeld-Rudolstadt, Bauordnungsamt
Schwarzburger Chaussee 12, 07407 Rudolstadt
""", ["ozg_duties"], "16073")

mail("ozg", "own_admin_town", "Lena Hartung <hartung@stadt-bad-langensalza.de>",
     "Frage: Once-Only und Nachweisabruf",
     """Hallo,
welche Nachweise müssen wir nach dem OZG künftig selbst über die Registermodernisierung abrufen, statt
sie vom Bürger zu verlangen? Gibt es einen Zeitplan?
Gruß Lena Hartung, Stadtverwaltung Bad Langensalza, Bürgerbüro
""", ["ozg_duties"], "16064003")

mail("ozg", "generic_mailbox", "buergerbuero <Buergerbuero@Weida.de>",
     "Wohnsitzanmeldung online",
     """Sehr geehrte Damen und Herren,

ist die digitale Wohnsitzanmeldung für uns Pflicht, und bis wann? Wir sind das Bürgerbüro der Stadt Weida.

Bürgerbüro Weida
""", ["ozg_duties"], "16076079")

mail("ozg", "provider_on_behalf", "Frank Weiß <f.weiss@kdn-thueringen.de>",
     "Im Auftrag der Stadt Stadtilm: OZG-Reifegrad",
     """Sehr geehrte Damen und Herren,

im Auftrag der Stadt Stadtilm, für die wir die Verfahren betreuen: Welchen Reifegrad müssen die
Online-Leistungen der Stadt nach dem OZG erreichen, und wo wird das erfasst?

Frank Weiß
Kommunale Datenverarbeitung Nordthüringen GmbH
""", ["ozg_duties"], "16070048")

mail("ozg", "town_vs_kreis", "Peter Ahnert <p.ahnert@stadt-hildburghausen.de>",
     "OZG-Pflichten Friedhofsverwaltung",
     """Guten Tag,

muss die Stadt Hildburghausen auch Leistungen der Friedhofsverwaltung (Grabnutzungsrecht) nach dem OZG
online anbieten? Das steht nicht im Leistungskatalog, den wir haben.

Peter Ahnert
Stadtverwaltung Hildburghausen
Markt 25, 98646 Hildburghausen
""", ["ozg_duties"], "16069024", charset="iso-8859-1", cte="base64")

mail("ozg", "eg_arrangement", "Gabriele Sommer <sommer@bleicherode.de>",
     "OZG-Umsetzung für Bleicherode und die beauftragenden Gemeinden",
     """Sehr geehrte Damen und Herren,

die Stadt Bleicherode erledigt als erfüllende Gemeinde die Verwaltungsgeschäfte von Großlohra,
Kehmstedt, Kleinfurra, Lipprechterode und Niedergebra. Müssen wir die OZG-Leistungen für jede
Gemeinde einzeln im Portal einrichten oder einmal für uns und unsere beauftragenden Gemeinden
gemeinsam?

Gabriele Sommer
Stadt Bleicherode, Hauptamt
""", ["ozg_duties"], "160625054")

mail("ozg", "own_admin_town", "s.keller@rudolstadt.de",
     "xrechnung pflicht?",
     """kurze frage: gehört der empfang von e-rechnungen zu den ozg-pflichten oder ist das was anderes? danke

s. keller, stadt rudolstadt, kämmerei
""", ["ozg_duties"], "16073076")

mail("ozg", "kreistag_freemail", "Jürgen Böhme <j.boehme@web.de>",
     "Online-Zulassung im Saale-Holzland-Kreis",
     """Sehr geehrte Damen und Herren,

als Mitglied des Kreistages des Saale-Holzland-Kreises frage ich: Ist das Landratsamt verpflichtet, die
Kfz-Zulassung vollständig online (i-Kfz) anzubieten? Bürger beschweren sich, dass es nicht geht.

Jürgen Böhme, Kreistagsmitglied
""", ["ozg_duties"], "16074")

mail("ozg", "vg_self", "Sandra Vogel <vogel@vg-kranichfeld.de>",
     "AW: AW: Antrag Hundesteuer online",
     """Danke. Und wenn wir das Formular nur als PDF zum Herunterladen anbieten, ist die OZG-Pflicht dann
erfüllt oder muss es ein echter Online-Antrag sein?

S. Vogel
VG Kranichfeld

> Am 10.11.2026 schrieb egov-beratung@tfm.thueringen.de:
> Die Hundesteuer ist eine kommunale Leistung im Sinne des OZG.
>> Ist die An- und Abmeldung der Hundesteuer eine OZG-Leistung?
""", ["ozg_duties"], "160715007", date=(11, 11, 10, 15))

mail("ozg", "partner_in_text", "Rico Haase <rico.haase@neustadtanderorla.de>",
     "Gemeinsames Bürgerportal mit Pößneck",
     """Guten Tag,

die Stadt Neustadt an der Orla überlegt, gemeinsam mit der Stadt Pößneck ein Bürgerportal zu betreiben.
Erfüllen wir damit unsere eigenen Pflichten nach dem OZG, oder muss jede Kommune selbst anbieten?

Rico Haase
Stadtverwaltung Neustadt an der Orla
Markt 1, 07806 Neustadt an der Orla
""", ["ozg_duties"], "16075073")

mail("ozg", "landratsamt", "\"Fachdienst Ordnung\" <ordnung@lra-hbn.de>",
     "Antrag Waffenschein online - Pflicht?",
     """Sehr geehrte Damen und Herren,

ist die waffenrechtliche Erlaubnis eine Leistung, die wir als Landratsamt nach OZG online stellen müssen,
oder gilt das nur für Leistungen mit hoher Fallzahl?

Fachdienst Ordnung und Sicherheit
Landratsamt Hildburghausen
Wiesenstraße 18, 98646 Hildburghausen
""", ["ozg_duties"], "16069")

mail("ozg", "eg_own", "Hauptamt Georgenthal <hauptamt@georgenthal.de>",
     "DRINGEND Frage OZG",
     """Bis wann müssen wir die Anmeldung der Kindertagesbetreuung online haben? Der Gemeinderat fragt heute Abend.

Gemeinde Georgenthal
""", ["ozg_duties"], "16067092")

mail("ozg", "own_admin_town", "Birgit Neubert <b.neubert@heilbad-heiligenstadt.de>",
     "Barrierefreiheit der Online-Formulare",
     """Sehr geehrte Damen und Herren,

gehört zur OZG-Umsetzung auch, dass unsere Online-Formulare barrierefrei sein müssen, und nach welchem
Standard?

Mit freundlichen Grüßen
Birgit Neubert
Stadtverwaltung Heilbad Heiligenstadt
""", ["ozg_duties"], "16061045", charset="windows-1252", cte="8bit")

mail("ozg", "merged_successor", "Uta Schreiber <schreiber.berga@gmx.de>",
     "Ehemals Stadt Berga/Elster - Online-Dienste",
     """Guten Tag,

ich bin Sachbearbeiterin in der Stadtverwaltung, früher Stadt Berga/Elster. Seit der Fusion wissen wir
nicht, welche Online-Dienste nach OZG unter welchem Namen laufen müssen. Bitte um Auskunft.

Uta Schreiber
Stadtverwaltung Berga/Elster
Markt 1, 07980 Berga/Elster
""", ["ozg_duties"], "16076094")

mail("ozg", "vg_self", "Info VG Bad Tennstedt <info@vg.badtennstedt.de>",
     "Welche OZG-Leistungen macht die VG?",
     """Sehr geehrte Damen und Herren,

wir, die Verwaltungsgemeinschaft Bad Tennstedt, möchten klären, welche OZG-Leistungen wir für alle
zwölf Mitgliedsgemeinden gemeinsam anbieten dürfen und welche jede Gemeinde selbst verantwortet.

Verwaltungsgemeinschaft Bad Tennstedt
Markt 1, 99955 Bad Tennstedt
""", ["ozg_duties"], "160645001")

mail("ozg", "kreisfreie_stadt", "Standesamt Erfurt <standesamt@erfurt.de>",
     "Eheschließung anmelden digital",
     """Hallo, wie ist der Stand bei der digitalen Anmeldung der Eheschließung, muss ein Standesamt das 2027
anbieten? Standesamt der Landeshauptstadt Erfurt
""", ["ozg_duties"], "16051000", style="plain")

mail("ozg", "own_admin_town", "Daniel Roth <roth@stadt-eisfeld.de>",
     "Servicekonto und BundID",
     """Sehr geehrte Damen und Herren,

müssen wir als Stadt für unsere Online-Leistungen die BundID anbinden, oder reicht das Thüringer
Servicekonto? Was sagt das OZG dazu?

Daniel Roth
Stadtverwaltung Eisfeld
Markt 2, 98673 Eisfeld
""", ["ozg_duties"], "16069012")

mail("ozg", "freemail_street_plz", "Jana Fiedler <janafiedler@gmx.de>",
     "Frage zu Online-Anträgen",
     """Hallo,

ich habe vor zwei Wochen im Bürgerbüro angefangen und soll herausfinden, welche Anträge wir laut OZG online
anbieten müssen. Gibt es eine Übersicht?

Viele Grüße
Jana Fiedler
Marktplatz 1
07343 Wurzbach
""", ["ozg_duties"], "16075133")

mail("ozg", "town_vs_kreis", "Landratsamt Nordhausen <poststelle@lrandh.thueringen.de>",
     "Nachnutzung EfA Elterngeld - Zuständigkeit",
     """Sehr geehrte Damen und Herren,

das Landratsamt Nordhausen plant die Nachnutzung der EfA-Leistung Elterngeld. Ist das eine OZG-Pflicht
des Kreises oder des Landes?

Mit freundlichen Grüßen
Landratsamt Nordhausen
Behringstraße 3, 99734 Nordhausen
""", ["ozg_duties"], "16062")

# ===== eligibility: ThürEGovRL / ThürFAG (single topic) =====

mail("elig", "vg_one_member", "Monika Seidel <seidel@vg-laendereck.de>",
     "Förderung Digitalisierung Gemeinde Endschütz",
     """Sehr geehrte Damen und Herren,

die Gemeinde Endschütz möchte ihr Gemeindebüro mit einem Dokumentenmanagementsystem ausstatten. Ist das
nach der ThürEGovRL förderfähig, und kann Endschütz als Mitgliedsgemeinde selbst den Antrag stellen?

Monika Seidel
VG Ländereck, Kämmerei
""", ["eligibility"], "16076017")

mail("elig", "vg_several", "Kämmerei VG Straußfurt <kaemmerei@vgstraussfurt.de>",
     "Sammelantrag für Haßleben, Schwerstedt und Wundersleben",
     """Guten Tag,

können wir als VG einen gemeinsamen Förderantrag nach der E-Government-Richtlinie für die Gemeinden
Haßleben, Schwerstedt und Wundersleben stellen (Digitalisierung der Sitzungsdienste), oder braucht jede
Gemeinde einen eigenen?

Kämmerei
VG Straußfurt
""", ["eligibility"], "160685009")

mail("elig", "eg_own", "Kerstin Walter <walter@stadtroda.de>",
     "Eigenanteil bei ThürEGovRL",
     """Hallo,

wie hoch ist der Eigenanteil der Stadt Stadtroda bei einem Vorhaben nach ThürEGovRL, wenn wir uns in
der Haushaltskonsolidierung befinden? Gibt es dann einen höheren Fördersatz?

Kerstin Walter
Stadtverwaltung Stadtroda, Kämmerei
""", ["eligibility"], "16074094")

mail("elig", "freemail_bgm_sig", "Rainer Oswald <rainer.oswald@t-online.de>",
     "Zuschuss für neue Computer",
     """Guten Tag,

gibt es für unsere Gemeinde einen Zuschuss vom Land, wenn wir neue Rechner und eine digitale Akte für das
Gemeindebüro anschaffen? Wir haben nur ein kleines Budget.

Rainer Oswald
Bürgermeister der Gemeinde Lindig
""", ["eligibility"], "16074052")

mail("elig", "landratsamt", "Stefanie Kühne <stefanie.kuehne@lra-uh.de>",
     "Förderfähigkeit Landkreis als Antragsteller",
     """Sehr geehrte Damen und Herren,

sind Landkreise nach der ThürEGovRL überhaupt antragsberechtigt, oder nur Gemeinden? Wir wollen das
digitale Sitzungsmanagement für den Kreistag einführen.

Stefanie Kühne
Landratsamt Unstrut-Hainich-Kreis, Kämmerei
Lindenbühl 28/29, 99974 Mühlhausen
""", ["eligibility"], "16064")

mail("elig", "eg_own", "Heiko Bauer <bauer@stadt-nhh.de>",
     "Mittel aus dem ThürFAG für Digitalisierung",
     """Guten Tag,

dürfen wir die Mittel nach § 29 ThürFAG (Investitionspauschale) für die Digitalisierung der Verwaltung
einsetzen, und lässt sich das mit einer Förderung nach ThürEGovRL kombinieren?

Heiko Bauer
Stadt Nottertal-Heilinger Höhen
""", ["eligibility"], "16064077")

mail("elig", "own_admin_town", "Martin Köhler <koehler@stadt-waltershausen.de>",
     "Antragsfrist E-Government-Förderung 2027",
     """Sehr geehrte Damen und Herren,

bis wann muss der Förderantrag nach der Thüringer E-Government-Richtlinie für 2027 beim
Landesverwaltungsamt vorliegen, und welche Unterlagen brauchen wir?

Martin Köhler
Stadtverwaltung Waltershausen, Kämmerei
Markt 1, 99880 Waltershausen
""", ["eligibility"], "16067072", charset="iso-8859-1", cte="quoted-printable")

mail("elig", "provider_on_behalf", "Andreas Lorenz <lorenz@zv-kdn.de>",
     "Förderung Fachverfahren für die Stadt Ellrich",
     """Guten Tag,

wir betreuen als Zweckverband die IT der Stadt Ellrich. Die Stadt möchte ein neues Fachverfahren für das
Friedhofswesen einführen. Ist das nach der ThürEGovRL förderfähig, wenn wir als Zweckverband die
Beschaffung für die Stadt durchführen?

Andreas Lorenz
Zweckverband Kommunale Datenverarbeitung Nordthüringen
""", ["eligibility"], "16062005")

mail("elig", "kreisfreie_stadt", "Fördermittelmanagement <foerdermittel@jena.de>",
     "Kumulierung Bundes- und Landesmittel",
     """Sehr geehrte Damen und Herren,

kann ein Vorhaben, das bereits aus einem Bundesprogramm (Smart Cities) gefördert wird, zusätzlich nach
der ThürEGovRL gefördert werden?

Stadtverwaltung Jena
Fördermittelmanagement
""", ["eligibility"], "16053000")

mail("elig", "eg_one_member", "Simone Arnold <arnold@stadt-buergel.de>",
     "Gemeinde Poxdorf - Förderung Ratsinformationssystem",
     """Hallo,

für die Gemeinde Poxdorf, deren Geschäfte wir als erfüllende Gemeinde führen: Kann Poxdorf für ein
Ratsinformationssystem eine Förderung nach ThürEGovRL bekommen, auch wenn die Stadt Bürgel schon eins hat?

Simone Arnold
Stadt Bürgel
""", ["eligibility"], "16074068")

mail("elig", "vg_self", "hauptamt@vg-ranis-ziegenrueck.de",
     "wer zahlt das",
     """hallo, wir wollen die e-akte einführen. wer zahlt das eigentlich, gibts da geld vom land? vg ranis-ziegenrück
""", ["eligibility"], "160755013")

mail("elig", "town_vs_kreis", "Kämmerei Stadt Gotha <kaemmerei@gotha.de>",
     "Vorzeitiger Maßnahmebeginn",
     """Sehr geehrte Damen und Herren,

die Stadt Gotha möchte die Bestellung einer Scanstraße für das Bürgerbüro noch 2026 auslösen. Können
wir einen vorzeitigen Maßnahmebeginn beantragen, ohne die Förderfähigkeit nach der ThürEGovRL zu verlieren?

Kämmerei
Stadtverwaltung Gotha
Hauptmarkt 1
99867 Gotha
Telefon 03621 222-0
www.gotha.de
Residenzstadt Gotha - Besuchen Sie auch unser Serviceportal mit allen Online-Diensten!

_____________________________________________
Diese E-Mail kann vertrauliche oder rechtlich geschützte Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser
Mail sind nicht gestattet. Informationen zur Verarbeitung Ihrer Daten nach Art. 13 DSGVO finden Sie
auf unserer Internetseite unter "Datenschutz".
""", ["eligibility"], "16067029")

mail("elig", "kreistag_freemail", "Gisela Martin <gisela.martin@gmx.de>",
     "Förderung Digitalisierung Landkreis Hildburghausen",
     """Sehr geehrte Damen und Herren,

ich bin Kreisrätin im Landkreis Hildburghausen. Hat das Landratsamt für die Digitalisierung der
Zulassungsstelle Fördermittel des Landes beantragt, bzw. wäre das förderfähig gewesen?

Gisela Martin
Kreistagsmitglied, Landkreis Hildburghausen
""", ["eligibility"], "16069")

mail("elig", "own_admin_town", "Finanzverwaltung <finanzen@stadt-meuselwitz.de>",
     "Verwendungsnachweis - welche Kosten sind förderfähig?",
     """Guten Tag,

wir bereiten einen Antrag vor und fragen vorab: Sind Schulungskosten und Lizenzen für die ersten
zwei Jahre nach der E-Government-Richtlinie zuwendungsfähig, oder nur die Anschaffung?

Finanzverwaltung
Stadtverwaltung Meuselwitz
Rathausstraße 1, 04610 Meuselwitz
""", ["eligibility"], "16077032")

mail("elig", "eg_arrangement", "Kämmerei Bad Klosterlausnitz <kaemmerei@bad-klosterlausnitz.de>",
     "Förderantrag für die Gemeinde und alle beauftragenden Gemeinden",
     """Sehr geehrte Damen und Herren,

die Gemeinde Bad Klosterlausnitz möchte als erfüllende Gemeinde für sich und ihre neun beauftragenden
Gemeinden (Albersdorf, Bobeck, Scheiditz, Schlöben, Schöngleina, Serba, Tautenhain, Waldeck, Weißenborn)
einen gemeinsamen Antrag nach ThürEGovRL für eine einheitliche E-Akte stellen. Ist das zulässig, und
wie wird der Höchstbetrag berechnet?

Kämmerei
Gemeinde Bad Klosterlausnitz
""", ["eligibility"], "160745053")

mail("elig", "eg_own", "Carsten Pfeiffer <c.pfeiffer@ohrdruf.de>",
     "Re: Beratungstermin OZG",
     """Danke für den Termin am Freitag. Eine Frage noch, unabhängig davon: Werden die Kosten für das externe
Beratungsbüro, das uns bei der Einführung unseres neuen Dokumentenmanagementsystems unterstützt, nach der
ThürEGovRL mitgefördert?

Carsten Pfeiffer
Stadt Ohrdruf

Am 12.11.2026 um 09:03 schrieb E-Government-Beratung TFM:
> wir bestätigen den Termin zur OZG-Umsetzung am 13.11. um 10 Uhr.
""", ["eligibility"], "16067053", date=(11, 16, 8, 50))

mail("elig", "own_admin_town", "Yvonne Schuster <schuster@bad-frankenhausen.de>",
     "Förderhöchstbetrag",
     """Sehr geehrte Damen und Herren,

wie hoch ist der Förderhöchstbetrag nach der ThürEGovRL für eine Stadt mit 8.000 Einwohnern?

Yvonne Schuster
Stadtverwaltung Bad Frankenhausen/Kyffhäuser
Markt 1, 06567 Bad Frankenhausen
""", ["eligibility"], "16065003", style="html")

mail("elig", "generic_mailbox", "Kaemmerei <KAEMMEREI@AM-ETTERSBERG.DE>",
     "ANTRAG THUEREGOVRL",
     """GUTEN TAG, KOENNEN WIR NOCH IN DIESEM JAHR EINEN ANTRAG NACH DER THUEREGOVRL FUER DIGITALE
SITZUNGSDIENSTE STELLEN? MFG KAEMMEREI STADT AM ETTERSBERG
""", ["eligibility"], "16071102")

mail("elig", "landratsamt", "Ronny Albrecht <albrecht@lra-greiz.de>",
     "Weiterleitung von Fördermitteln an kreisangehörige Gemeinden",
     """Guten Tag,

kann der Landkreis Greiz Mittel nach der E-Government-Richtlinie beantragen und an kreisangehörige
Gemeinden weiterleiten, die sich an einer gemeinsamen Plattform beteiligen?

Ronny Albrecht
Landratsamt Greiz, Kreisentwicklung
Dr.-Rathenau-Platz 11, 07973 Greiz
""", ["eligibility"], "16076", charset="windows-1252", cte="base64")

mail("elig", "own_admin_town", "Anja Richter <richter@stadt-schleiz.de>",
     "Fördersatz finanzschwache Kommune",
     """Hallo,
die Stadt Schleiz ist Bedarfszuweisungsempfänger. Gibt es nach der ThürEGovRL für uns einen erhöhten
Fördersatz oder Sonderregeln beim Eigenanteil?
A. Richter, Stadtkämmerei Schleiz
""", ["eligibility"], "16075098")

mail("elig", "vg_one_member", "Michael Ziegler <ziegler@vg-rositz.de>",
     "Förderantrag Starkenberg",
     """Bitte um Rückruf wegen des Förderantrags der Gemeinde Starkenberg nach ThürEGovRL. M. Ziegler, VG Rositz
""", ["eligibility"], "16077044")

mail("elig", "freemail_bgm_sig", "Ortrun Pabst <o.pabst@web.de>",
     "Frage Förderung",
     """Sehr geehrte Damen und Herren,

kann unsere Gemeinde die Einrichtung eines WLAN im Gemeindehaus für digitale Gemeinderatssitzungen
nach der E-Government-Richtlinie fördern lassen?

Ortrun Pabst
Bürgermeisterin der Gemeinde Deesbach
""", ["eligibility"], "16073014")

mail("elig", "town_vs_kreis", "Stadt Sömmerda - Kämmerei <kaemmerei@soemmerda.de>",
     "Förderung Bürgerterminal",
     """Sehr geehrte Damen und Herren,

die Stadt Sömmerda möchte im Rathaus ein Bürgerterminal zum Ausfüllen von Online-Anträgen aufstellen.
Ist so ein Terminal förderfähig?

Stadtverwaltung Sömmerda
Kämmerei
Marktplatz 3-4, 99610 Sömmerda
""", ["eligibility"], "16068051")

mail("elig", "kreisfreie_stadt", "Thomas Engelhardt <thomas.engelhardt@gera.de>",
     "Zuwendungsbescheid - Änderung des Vorhabens",
     """Sehr geehrte Damen und Herren,

wir haben einen Zuwendungsbescheid nach ThürEGovRL, wollen aber statt der bewilligten Software ein anderes
Produkt beschaffen. Bleibt die Förderung bestehen, wenn wir das vorher anzeigen?

Thomas Engelhardt
Stadt Gera, Fachdienst Finanzen
""", ["eligibility"], "16052000")

# ===== several topics, not urgent =====

mail("multi_elig_itsec_after_incident", "own_admin_town", "Robert Franz <franz@stadt-friedrichroda.de>",
     "Förderung Sicherheitstechnik nach dem Angriff im Frühjahr",
     """Sehr geehrte Damen und Herren,

nach dem Ransomware-Angriff im Frühjahr, der längst bereinigt ist, wollen wir unsere Informationssicherheit
grundsätzlich verbessern: Netzsegmentierung, Offline-Backup, Zwei-Faktor-Anmeldung. Ist das nach der
ThürEGovRL förderfähig?

Robert Franz
Stadtverwaltung Friedrichroda
Marktstraße 13, 99894 Friedrichroda
""", ["eligibility", "it_security"], "16067019")

mail("multi_elig_itsec_after_incident", "vg_one_member", "Ilona Buschmann <buschmann@vg-feldstein.de>",
     "Kloster Veßra: neuer Server nach Vorfall - Zuschuss?",
     """Hallo,

in der Gemeinde Kloster Veßra war im August der Gemeinderechner von Schadsoftware befallen; alles ist
neu installiert und läuft seither. Jetzt soll für Kloster Veßra ein ordentlich gesicherter Arbeitsplatz
mit Verschlüsselung und Backup her. Gibt es dafür einen Zuschuss nach der E-Government-Richtlinie?

Ilona Buschmann
VG Feldstein, Kämmerei
""", ["eligibility", "it_security"], "16069025")

mail("multi_elig_itsec_after_incident", "landratsamt", "Kreisverwaltung Schmalkalden-Meiningen <it@lra-sm.de>",
     "Nach DDoS: Förderung Schutzdienst",
     """Sehr geehrte Damen und Herren,

nachdem unsere Webseite im September zwei Tage durch einen DDoS-Angriff lahmgelegt war (inzwischen
behoben), wollen wir einen DDoS-Schutzdienst einkaufen. Kann der Landkreis dafür Fördermittel erhalten?

Fachdienst IT
Landratsamt Schmalkalden-Meiningen
Obertshäuser Platz 1, 98617 Meiningen
""", ["eligibility", "it_security"], "16066")

mail("multi_elig_itsec_after_incident", "eg_own", "Jens Wagner <wagner@neuhaus-am-rennweg.de>",
     "Awareness-Schulung nach Phishing-Fall förderfähig?",
     """Guten Tag,

vor drei Monaten hat bei uns eine Kollegin ihr Passwort auf einer Phishing-Seite eingegeben, der Schaden
war gering und ist behoben. Wir möchten nun alle Mitarbeiter der Stadt Neuhaus am Rennweg schulen lassen.
Werden solche Awareness-Schulungen nach der ThürEGovRL gefördert?

Jens Wagner
Stadtverwaltung Neuhaus am Rennweg
""", ["eligibility", "it_security"], "16072013")

mail("multi_elig_itsec_win10", "freemail_bgm_sig", "Erwin Sachse <erwin.sachse@gmx.de>",
     "Windows 10 Ende - neue Rechner bezahlt?",
     """Hallo, unsere alten Windows-10-PCs bekommen keine Sicherheitsupdates mehr. Müssen wir die sofort
austauschen, und bezahlt das Land die neuen Rechner über eine Förderung?

Erwin Sachse
Bürgermeister der Gemeinde Schwobfeld
""", ["eligibility", "it_security"], "16061085")

mail("multi_elig_itsec_win10", "vg_several", "VG Oberes Sprottental <vg@vg-sprottental.de>",
     "Austausch Windows-10-Geräte in der VG und allen Gemeindebüros",
     """Sehr geehrte Damen und Herren,

wir müssen nach dem Supportende von Windows 10 die Geräte der VG-Verwaltung und der Gemeindebüros von
Heukewalde, Jonaswalde und Posterstein ersetzen. Wie gehen wir sicherheitstechnisch mit den Altgeräten um
(Datenträger löschen), und ist der Austausch förderfähig?

VG Oberes Sprottental
Hauptamt
""", ["eligibility", "it_security"], "160775009")

mail("multi_elig_itsec", "kreisfreie_stadt", "Susanne Brückner <susanne.brueckner@suhl.de>",
     "ISMS-Software und Förderung",
     """Sehr geehrte Damen und Herren,

wir wollen ein Tool für unser ISMS nach BSI IT-Grundschutz einführen. Welche Lösungen haben sich bei
Kommunen bewährt, und kann die Lizenz nach ThürEGovRL gefördert werden?

Susanne Brückner
Stadtverwaltung Suhl, Informationssicherheit
""", ["eligibility", "it_security"], "16054000")

mail("multi_elig_itsec", "provider_on_behalf", "Vertrieb <vertrieb@netzwerk-franken.de>",
     "Stadt Schalkau: Firewall und Förderung",
     """Sehr geehrte Damen und Herren,

wir sind der IT-Dienstleister der Stadt Schalkau (Sitz Coburg) und schreiben im Auftrag der Stadt Schalkau.
Die Stadt braucht eine neue Firewall mit Angriffserkennung. Welche Mindestanforderungen sollte sie
erfüllen, und ist die Beschaffung für die Stadt förderfähig?

Netzwerk Franken GmbH
Mohrenstraße 3, 96450 Coburg
""", ["eligibility", "it_security"], "16072015")

mail("multi_ozg_elig", "eg_own", "Doreen Haupt <haupt@dermbach.de>",
     "Online-Leistungen und Förderung",
     """Guten Tag,

welche Leistungen muss die Gemeinde Dermbach nach dem OZG online anbieten, und gibt es Geld vom Land für
die Einrichtung der Online-Formulare?

Doreen Haupt
Gemeinde Dermbach, Hauptamt
""", ["ozg_duties", "eligibility"], "16063015")

mail("multi_ozg_elig", "eg_own", "Marcel Lindner <lindner@stadt-heringen.de>",
     "AW: Anbindung Fachverfahren an das Serviceportal",
     """Vielen Dank für die Erklärung zur Anbindung. Wird diese Anbindung eigentlich gefördert?

Marcel Lindner
Stadt Heringen/Helme

-----Ursprüngliche Nachricht-----
Von: E-Government-Beratung TFM
Betreff: Anbindung Fachverfahren an das Serviceportal
> Die Anbindung Ihres Fachverfahrens an das Serviceportal ist für die OZG-Leistung
> Gewerbeanzeige erforderlich; die Schnittstelle heißt XGewerbeanzeige.
""", ["ozg_duties", "eligibility"], "16062064")

mail("multi_ozg_elig", "kreistag_freemail", "Frank Nitzsche <frank.nitzsche@web.de>",
     "Ilm-Kreis: OZG-Stand und Fördergeld",
     """Guten Tag,

ich bin Kreistagsmitglied im Ilm-Kreis. Welche OZG-Leistungen muss das Landratsamt bis Ende 2027
anbieten, und hat der Kreis dafür Anspruch auf Förderung nach der E-Government-Richtlinie?

Frank Nitzsche
""", ["ozg_duties", "eligibility"], "16070")

mail("multi_ozg_elig", "vg_one_member", "Rathaus Gemeinde Starkenberg c/o VG Rositz <info@vg-rositz.de>",
     "Gemeinde Starkenberg - Online-Hundesteuer und Kosten",
     """Sehr geehrte Damen und Herren,

die Gemeinde Starkenberg möchte die Hundesteuer online anbieten. Ist das eine Pflichtleistung nach OZG,
und wird die Einrichtung gefördert?

VG Rositz für die Gemeinde Starkenberg
""", ["ozg_duties", "eligibility"], "16077044")

mail("multi_ozg_elig", "own_admin_town", "Heiko Sturm <sturm@stadt-kahla.de>",
     "Digitale Bauakte",
     """Sehr geehrte Damen und Herren,

wir müssen wegen des OZG den digitalen Bauantrag annehmen können. Fällt dafür auch eine digitale
Bauakte unter die Pflicht, und kann die Stadt Kahla für die Bauakte eine Förderung nach der ThürEGovRL
beantragen?

Heiko Sturm
Stadtverwaltung Kahla, Bauamt
Markt 10, 07768 Kahla
""", ["ozg_duties", "eligibility"], "16074044")

mail("multi_ozg_elig", "own_admin_town", "H. Pietsch <pietsch@stadt-bad-berka.de>",
     "Kita-Anmeldung online + Zuschuss",
     """hallo, ist die online-anmeldung für kitas eine ozg-pflicht für uns als stadt und bekommen wir einen zuschuss
für die software? gruß h. pietsch, stadtverwaltung bad berka
""", ["ozg_duties", "eligibility"], "16071003")

mail("multi_ozg_itsec", "landratsamt", "Mario Köhn <mario.koehn@lra-wl.de>",
     "Online-Dienste und Sicherheitsanforderungen",
     """Guten Tag,

für die OZG-Leistungen, die wir im Landratsamt Weimarer Land anbieten müssen: Welche
Informationssicherheitsanforderungen (BSI-Grundschutz, Penetrationstest) gelten für die Online-Formulare?

Mario Köhn
Landratsamt Weimarer Land
Bahnhofstraße 28, 99510 Apolda
""", ["ozg_duties", "it_security"], "16071")

mail("multi_ozg_itsec", "eg_own", "IT Stadtverwaltung Weida <it@weida.de>",
     "Schnittstelle Serviceportal - Zertifikate",
     """Hallo,

für die OZG-Anbindung unseres Meldeverfahrens an das Serviceportal verlangt der Hersteller ein
Client-Zertifikat. Wie wird das sicher gespeichert, und ist das Verfahren mit unserem
Informationssicherheitskonzept vereinbar? Stadt Weida, IT
""", ["ozg_duties", "it_security"], "16076079")

mail("multi_ozg_itsec", "vg_self", "Hauptamt <hauptamt@vg-fahner-hoehe.de>",
     "BundID-Anbindung und Passwortsicherheit",
     """Sehr geehrte Damen und Herren,

die VG Fahner Höhe bindet ihre Online-Dienste an die BundID an. Müssen wir dafür als Verwaltung ein
Sicherheitskonzept vorlegen, und welche OZG-Vorgaben gelten für die Authentifizierung?

Hauptamt
Verwaltungsgemeinschaft Fahner Höhe
""", ["ozg_duties", "it_security"], "160675012")

mail("multi_all", "eg_arrangement", "Christine Meier <meier@goessnitz.de>",
     "Beratungsbedarf für Gößnitz, Heyersdorf und Ponitz",
     """Sehr geehrte Damen und Herren,

die Stadt Gößnitz bittet als erfüllende Gemeinde für sich und für die beauftragenden Gemeinden Heyersdorf
und Ponitz um einen Beratungstermin zu drei Fragen:
1. Welche OZG-Leistungen müssen wir bis 2027 bereitstellen?
2. Wie sichern wir die Server der Verwaltung besser gegen Verschlüsselungstrojaner ab?
3. Können die Kosten für beides nach der ThürEGovRL gefördert werden?

Christine Meier
Stadt Gößnitz, Hauptamt
""", ["ozg_duties", "it_security", "eligibility"], "160775050")

# ===== more topical mails with linking traps =====

mail("elig", "other_state_null", "Bernhard Kraus <kraus@lauterbach-hessen.de>",
     "Förderung nach ThürEGovRL auch für uns?",
     """Sehr geehrte Damen und Herren,

wir sind die Stadt Lauterbach (Hessen) im Vogelsbergkreis und haben von der Thüringer E-Government-Richtlinie
gehört. Können auch Kommunen außerhalb Thüringens, die mit Thüringer Gemeinden kooperieren, gefördert werden?

Bernhard Kraus
Magistrat der Stadt Lauterbach
Marktplatz 14, 36341 Lauterbach (Hessen)
""", ["eligibility"], None)

mail("ozg", "merged_no_successor", "Alfons Heinemann <a.heinemann@t-online.de>",
     "Gemeinde Röhrig - Online-Angebote",
     """Guten Tag,

ich war viele Jahre Bürgermeister der Gemeinde Röhrig. Welche Online-Leistungen muss die Gemeinde heute
nach dem OZG anbieten, und wer ist dafür zuständig?

Alfons Heinemann
""", ["ozg_duties"], None)

mail("ozg", "kreis_name_trap", "Detlef Krug <detlef.krug@gmx.de>",
     "frage zum ozg",
     """hallo, ab wann kann man in thüringen den personalausweis komplett online beantragen? steht das im ozg?

grüße aus nordhausen
detlef krug
""", ["ozg_duties"], None)

mail("itsec_plain", "duplicate_name_trap", "Werner Adler <werner.adler@web.de>",
     "Virenschutz fürs Gemeindebüro",
     """Guten Tag,

welchen Virenschutz und welche Firewall empfehlen Sie für ein kleines Gemeindebüro mit zwei Rechnern?

Werner Adler
Bürgermeister, Lehesten
""", ["it_security"], None)

mail("ozg", "merged_successor", "Kerstin Brandt <k.brandt@eisenach.de>",
     "OZG-Pflichten nach dem Kreisbeitritt",
     """Sehr geehrte Damen und Herren,

seit die Stadt Eisenach zum Wartburgkreis gehört, sind einige Aufgaben zum Landratsamt gewandert. Welche
Online-Leistungen muss die Stadt Eisenach nach dem OZG selbst anbieten, und welche jetzt der Kreis?

Kerstin Brandt
Stadtverwaltung Eisenach, Amt für Digitalisierung
Markt 1, 99817 Eisenach
""", ["ozg_duties"], "16063105")

mail("elig", "duplicate_name_context", "Förderung VG Südliches Saaletal <foerderung@vg-suedliches-saaletal.de>",
     "Gemeinde Eichenberg - Antrag Digitalisierung Gemeindebüro",
     """Guten Tag,

für unsere Mitgliedsgemeinde Eichenberg (bei Kahla) möchten wir einen Antrag nach der ThürEGovRL für die
Ausstattung des Gemeindebüros stellen. Welche Unterlagen braucht die Gemeinde Eichenberg dafür?

Verwaltungsgemeinschaft Südliches Saaletal
Kämmerei
""", ["eligibility"], "16074016")

mail("ozg", "duplicate_name_context", "Heike Otto <otto@vg-riechheimer-berg.de>",
     "Gemeinde Elxleben: Online-Anmeldung Dorfgemeinschaftshaus",
     """Hallo,

die Gemeinde Elxleben (Ilm-Kreis), Mitglied unserer VG, möchte die Vermietung des Dorfgemeinschaftshauses
online anbieten. Ist das eine Leistung, die nach dem OZG ohnehin digital angeboten werden muss?

Heike Otto
VG Riechheimer Berg
""", ["ozg_duties"], "16070013")

mail("elig", "kreis_name_trap", "Familie Hunold <hunold.familie@gmx.de>",
     "Förderprogramm Digitalisierung",
     """Guten Tag, gibt es eine Förderung vom Land, wenn ein Verein seine Mitgliederverwaltung digitalisiert?
Wir haben von der E-Government-Richtlinie gehört. Viele Grüße aus dem Eichsfeld
""", ["eligibility"], None)

mail("ozg", "vg_several", "Ordnungsamt VG Gera-Aue <ordnungsamt@vg-gera-aue.de>",
     "Andisleben und Ringleben: Online-Anträge Sondernutzung",
     """Sehr geehrte Damen und Herren,

die Gemeinden Andisleben und Ringleben wollen Anträge auf Sondernutzung öffentlicher Straßen online
annehmen. Müssen wir das als VG für beide nach dem OZG einrichten, und kann es ein gemeinsamer Dienst sein?

Mit freundlichen Grüßen
Ordnungsamt
Verwaltungsgemeinschaft Gera-Aue
""", ["ozg_duties"], "160685002")

# ===== no topic =====

mail("none_thanks_funding", "eg_arrangement", "Ebeleben Hauptamt <hauptamt@ebeleben.de>",
     "Danke - Förderbescheid ist da",
     """Sehr geehrte Damen und Herren,

der Zuwendungsbescheid nach der ThürEGovRL für die Stadt Ebeleben und ihre beauftragenden Gemeinden
Abtsbessingen, Bellstedt, Freienbessingen, Holzsußra und Rockstedt ist heute eingegangen. Herzlichen Dank
für Ihre Unterstützung bei unserem gemeinsamen Antrag!

Mit freundlichen Grüßen
Stadt Ebeleben, Hauptamt
""", [], "160655052")

mail("none_thanks_funding", "duplicate_name_trap", "Hans-Peter Kästner <hp.kaestner@gmx.de>",
     "Förderung bewilligt - danke",
     """Liebe Frau Reinhardt,

die Förderung für unsere digitale Gemeindeverwaltung wurde bewilligt. Vielen Dank für die gute Beratung
und die Hinweise zum Antrag!

Hans-Peter Kästner
Bürgermeister der Gemeinde Eichenberg
""", [], None)

mail("none_thanks_funding", "own_admin_town", "Elke Brandner <brandner@stadt-tanna.de>",
     "Re: Förderantrag E-Akte",
     """Danke, das hat uns sehr geholfen. Wir melden uns, wenn der Bescheid da ist.

Elke Brandner
Stadtverwaltung Tanna

> Am 03.11.2026 schrieb E-Government-Beratung TFM:
> Ihr Antrag nach ThürEGovRL ist vollständig; bitte reichen Sie ihn bis 30.11. beim TLVwA ein.
""", [], "16075132")

mail("none_report_after", "own_admin_town", "Fachbereich Finanzen <finanzen@altenburg.de>",
     "Zur Kenntnis: Abschluss des geförderten DMS-Projekts",
     """Sehr geehrte Damen und Herren,

zur Kenntnis: Das mit Fördermitteln nach der E-Government-Richtlinie finanzierte Dokumentenmanagement
ist seit 1. Oktober in allen Ämtern im Echtbetrieb. Der Verwendungsnachweis ging fristgerecht an das
Landesverwaltungsamt. Wir bedanken uns für die Begleitung.

Stadtverwaltung Altenburg
Fachbereich Finanzen
Markt 1, 04600 Altenburg
""", [], "16077001")

mail("none_report_after", "vg_self", "VG Münchenbernsdorf <info@rathaus-muenchenbernsdorf.de>",
     "Bericht: Digitale Sitzungen eingeführt",
     """Sehr geehrte Damen und Herren,

wir möchten kurz berichten: Seit September arbeiten alle Gemeinderäte unserer VG mit dem geförderten
Ratsinformationssystem. Die Förderung ist abgerechnet. Ein schönes Beispiel, das wir gern teilen.

Verwaltungsgemeinschaft Münchenbernsdorf
""", [], "160765006")

mail("none_thanks_incident", "town_vs_kreis", "\"Landratsamt Sonneberg, IT\" <it@lkson.de>",
     "Danke für die schnelle Hilfe",
     """Hallo Herr Kramer,

nochmal danke für die Unterstützung letzte Woche nach dem Schadsoftwarefund. Alle Systeme laufen
wieder, der Bericht an das CERT ist raus. Es gibt nichts weiter zu tun.

Viele Grüße
IT-Stelle
Landratsamt Sonneberg
Bahnhofstraße 66, 96515 Sonneberg
""", [], "16072")

mail("none_funding_other", "eg_one_member", "Bauamt Dermbach <bauamt@dermbach.de>",
     "Förderung Feuerwehrgerätehaus Empfertshausen",
     """Guten Tag,

für die Gemeinde Empfertshausen, deren Verwaltung wir als erfüllende Gemeinde führen, suchen wir
Fördermittel für den Neubau des Feuerwehrgerätehauses. Ist dafür Ihr Haus zuständig, oder an wen
wenden wir uns?

Bauamt
Gemeinde Dermbach
""", [], "16063023")

mail("none_funding_other", "own_admin_town", "Gudrun Keil <keil@gemeinde-gerstungen.de>",
     "Förderfähigkeit Radweg",
     """Sehr geehrte Damen und Herren,

ist der Lückenschluss des Werratal-Radwegs förderfähig, und bis wann muss ein Antrag gestellt werden?

Gudrun Keil
Gemeinde Gerstungen, Bauamt
Wilhelmstraße 53, 99834 Gerstungen
""", [], "16063097")

mail("none_funding_other", "own_admin_town", "Uwe Krämer <kraemer@gemeinde-unstruttal.de>",
     "Zuschuss Hochwasserschutz",
     """Hallo, gibt es einen Zuschuss des Landes für den Hochwasserschutz an der Unstrut in unserem Ortsteil
Ammern? Wir brauchen einen Deich. Uwe Krämer, Gemeinde Unstruttal
""", [], "16064071")

mail("none_funding_other", "vg_one_member", "Claudia Rost <rost@vg-kindelbrueck.de>",
     "LEADER-Mittel Dorfgemeinschaftshaus Griefstedt",
     """Sehr geehrte Damen und Herren,

die Gemeinde Griefstedt möchte ihr Dorfgemeinschaftshaus sanieren. Können dafür LEADER-Mittel oder
Mittel der Dorferneuerung beantragt werden, und wie hoch ist der Fördersatz?

Claudia Rost
VG Kindelbrück, Bauverwaltung
""", [], "16068015")

mail("none_security_other", "own_admin_town", "Ordnungsamt Bad Blankenburg <ordnungsamt@bad-blankenburg.de>",
     "Sicherheitskonzept Weihnachtsmarkt",
     """Guten Tag,

brauchen wir für den Weihnachtsmarkt mit 3.000 Besuchern ein eigenes Sicherheitskonzept mit Ordnern und
Zufahrtssperren? Die Polizei verlangt das.

Mit freundlichen Grüßen

Stadtverwaltung Bad Blankenburg
Ordnungsamt
Markt 1
07422 Bad Blankenburg
Tel. 036741 37-0
Viele Leistungen erledigen Sie jetzt online: Bürgerportal der Stadt Bad Blankenburg. Informationssicherheit
und Datenschutz sind uns wichtig - unsere Hinweise finden Sie im Internet.

_____________________________________________
Diese E-Mail kann vertrauliche oder rechtlich geschützte Informationen enthalten. Wenn Sie nicht der
richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den
Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser
Mail sind nicht gestattet. Informationen zur Verarbeitung Ihrer Daten nach Art. 13 DSGVO finden Sie
auf unserer Internetseite unter "Datenschutz".
""", [], "16073005")

mail("none_security_other", "own_admin_town", "Sven Michel <michel@stadt-steinach.de>",
     "Verkehrssicherheit am Schulweg",
     """Sehr geehrte Damen und Herren,

wer ist zuständig, wenn wir am Schulweg in der Sonneberger Straße die Verkehrssicherheit verbessern
wollen (Zebrastreifen, Tempo 30)?

Sven Michel
Stadtverwaltung Steinach
""", [], "16072019")

mail("none_security_other", "own_admin_town", "Bauhof Großbreitenbach <bauhof@grossbreitenbach.de>",
     "Arbeitssicherheit Motorsägen",
     """hallo, welche unterweisung zur arbeitssicherheit brauchen unsere bauhofmitarbeiter für motorsägen? gruß
bauhof stadt großbreitenbach
""", [], "16070058")

mail("none_security_other", "water_zv_null", "Geschäftsleitung <info@zv-wasser-orla.de>",
     "Versorgungssicherheit Trinkwasser",
     """Sehr geehrte Damen und Herren,

wir als Zweckverband Wasser/Abwasser möchten uns über Fördermöglichkeiten zur Versorgungssicherheit
(Notstromaggregat für das Wasserwerk) informieren. Wer ist dafür Ansprechpartner?

Zweckverband Wasser/Abwasser Orla
Geschäftsleitung
""", [], None)

mail("none_admin", "own_admin_town", "Steueramt <steueramt@amt-wachsenburg.de>",
     "Grundsteuer C",
     """Guten Tag,

darf eine Gemeinde in Thüringen die Grundsteuer C auf unbebaute baureife Grundstücke erheben?

Gemeinde Amt Wachsenburg, Steueramt
""", [], "16070028")

mail("none_admin", "own_admin_town", "Wahlamt Tambach-Dietharz <wahlen@tambach-dietharz.de>",
     "Briefwahlunterlagen Bürgermeisterwahl",
     """Hallo, bis wann müssen die Briefwahlunterlagen für die Bürgermeisterwahl verschickt werden? Wahlamt,
Stadt Tambach-Dietharz
""", [], "16067065")

mail("none_admin", "freemail_street_plz", "Lisa Born <lisa.born@gmail.com>",
     "Wahlhelfer Entschädigung",
     """Guten Tag,

ich arbeite seit kurzem im Hauptamt und soll das Erfrischungsgeld für Wahlhelfer festlegen. Gibt es eine
Obergrenze?

Lisa Born
Markt 1
07356 Bad Lobenstein
""", [], "16075062")

mail("none_admin", "duplicate_name_trap", "Gemeindeverwaltung Elxleben <elxleben.gemeinde@gmx.de>",
     "Mustersatzung Straßenreinigung",
     """Sehr geehrte Damen und Herren, haben Sie eine Mustersatzung für die Straßenreinigung? Gemeinde Elxleben
""", [], None)

mail("none_dringend", "own_admin_town", "Kämmerei Hirschberg <kaemmerei@stadt-hirschberg.de>",
     "DRINGEND - Haushaltssperre",
     """Guten Tag, dringend: Darf der Bürgermeister während der vorläufigen Haushaltsführung einen neuen
Streuwagen bestellen? Der Winter kommt. Stadt Hirschberg, Kämmerei
""", [], "16075046")

mail("none_freemail_street", "freemail_street_plz", "Bürgermeister Treffurt <rathaus.treffurt@t-online.de>",
     "Sicherheitsdienst Altstadtfest",
     """Guten Tag,

wir brauchen für das Altstadtfest einen Sicherheitsdienst. Muss das ausgeschrieben werden?

Mit freundlichen Grüßen
Der Bürgermeister
Rathausstraße 12
99830 Treffurt
""", [], "16063076")

mail("none_citizen", "citizen", "Renate Wolf <renate.wolf@t-online.de>",
     "Wohngeldantrag",
     """Sehr geehrte Damen und Herren,

ich habe vor sechs Wochen Wohngeld beantragt und noch nichts gehört. Können Sie nachfragen?

Renate Wolf
Gartenweg 4
07973 Greiz
""", [], None)

mail("none_citizen", "citizen", "kevin.r@gmx.de",
     "Beschwerde",
     """hallo die straßenlaternen bei uns gehen seit einer woche nicht wer ist da zuständig
grüße aus greiz
""", [], None)

mail("none_citizen", "citizen", "Ingrid Zeh <ingrid.zeh@web.de>",
     "Frage zum Personalausweis",
     """Guten Tag, meine Tochter braucht einen Kinderreisepass. Muss sie persönlich mitkommen? Ingrid Zeh, Schleiz
""", [], None)

mail("none_vendor", "company_names_customers", "Lisa Marquardt <l.marquardt@kommunal-digital-solutions.de>",
     "OZG, BSI-Grundschutz und 90 % Förderung - alles aus einer Hand",
     """Sehr geehrte Damen und Herren,

unsere Plattform macht Ihre Kommune OZG-konform, ist nach BSI-Grundschutz geprüft und zu 90 % nach der
ThürEGovRL förderfähig. Die Stadt Lauscha und die Gemeinde Föritztal nutzen sie bereits. Schutz vor
Ransomware inklusive!

Vereinbaren Sie jetzt eine kostenlose Demo.

Lisa Marquardt
Kommunal Digital Solutions GmbH, Leipzig
""", [], None, style="alt")

mail("none_training_invite", "company", "Akademie Verwaltung 4.0 <seminare@akademie-verwaltung.de>",
     "Einladung: Informationssicherheit für Kommunen - Online-Seminar am 3. Dezember",
     """Sehr geehrte Damen und Herren,

wir laden Sie herzlich zu unserem Online-Seminar "Was tun, wenn die Verwaltung verschlüsselt wird?" ein.
Themen: Notfallmanagement, Phishing, Ransomware, Meldepflichten. Teilnahmegebühr 149 EUR.

Anmeldung unter www.akademie-verwaltung.de/seminare
""", [], None)

mail("none_newsletter", "newsletter", "Kommunal-Newsletter Thüringen <newsletter@kommunalpraxis-thueringen.de>",
     "Newsletter 11/2026: OZG-Bilanz, neue Förderaufrufe, IT-Sicherheitstag",
     """Kommunal-Newsletter Thüringen - Ausgabe November 2026

* OZG-Bilanz: Wo stehen die Thüringer Kommunen?
* Neuer Förderaufruf nach der ThürEGovRL
* Rückblick auf den IT-Sicherheitstag in Erfurt

Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben. Abmelden: www.kommunalpraxis-thueringen.de/abmelden
""", [], None, headers=[("List-Unsubscribe", "<https://www.kommunalpraxis-thueringen.de/abmelden>")])

mail("none_spam", "spam", "Dr. James Okafor <j.okafor@mail-winner.biz>",
     "Ihre Beteiligung an einem Geschäft",
     """Lieber Freund, ich habe 4.500.000 USD für Ihre Gemeinde. Antworten Sie mit Ihren Bankdaten.
""", [], None)

mail("none_fibre", "company_names_customers", "Glasfaser Mitteldeutschland <info@glasfaser-md.de>",
     "Glasfaserausbau in Ihrer Region",
     """Sehr geehrte Damen und Herren,

gemeinsam mit der Stadt Sömmerda und der Gemeinde Buttstädt bauen wir 2027 Glasfaser aus. Interessierte
Kommunen melden sich gern für ein Gespräch.

Glasfaser Mitteldeutschland GmbH
""", [], None)

mail("none_state_office", "state_office_partner", "Referat 23 <referat23@statistik.thueringen.de>",
     "Abfrage Digitalisierungsgrad - gemeinsam mit der Stadt Erfurt",
     """Sehr geehrte Damen und Herren,

das Thüringer Landesamt für Statistik führt gemeinsam mit der Stadt Erfurt eine Erhebung zum
Digitalisierungsgrad der Kommunen durch. Wir bitten, den Fragebogen an Ihre Ansprechpartner
weiterzugeben. Vielen Dank.

Thüringer Landesamt für Statistik
Referat 23
""", [], None)

mail("none_printer", "provider_on_behalf", "Hotline <hotline@wartburg-it.de>",
     "Gemeinde Unterbreizbach: Drucker im Bürgerbüro",
     """Guten Tag,

wir betreuen die IT der Gemeinde Unterbreizbach. Der neue Multifunktionsdrucker im Bürgerbüro druckt keine
A3-Formulare. Wissen Sie, ob das Meldeverfahren ein eigenes Formularlayout verlangt?

Wartburg-IT Service GmbH
""", [], "16063078")

mail("none_admin", "provider_on_behalf", "Kommunalservice Grabfeld-IT <info@grabfeld-it.de>",
     "im Auftrag der Gemeinde Grabfeld: Termin",
     """Sehr geehrte Damen und Herren,

im Auftrag der Gemeinde Grabfeld möchten wir den vereinbarten Termin am 24.11. auf den 1.12. verschieben.
Passt Ihnen 10 Uhr?

Grabfeld-IT Kommunalservice
""", [], "16066094")

# ===== automatic mail: out-of-office without any automatic-mail header =====

mail("auto_ooo_text", "auto_municipal", "Sandra Lehmann <lehmann@vg-oppurg.de>",
     "AW: Ihre Anfrage zur Förderung",
     """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 20.11.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden
Fällen wenden Sie sich bitte an das Hauptamt der VG Oppurg, Tel. 03647 4190-0.

Mit freundlichen Grüßen
Sandra Lehmann
Verwaltungsgemeinschaft Oppurg
""", [], "160755005", auto=True)

mail("auto_ooo_text", "auto_municipal", "Peter Reuter <reuter@lg-uder.de>",
     "Re: OZG-Leistungen der Landgemeinde",
     """Guten Tag,

ich befinde mich bis zum 4. Dezember im Urlaub. Meine Vertretung übernimmt Frau Kirchner
(kirchner@lg-uder.de).

Peter Reuter
Landgemeinde Uder, Hauptamt

> Welche OZG-Leistungen muss die Landgemeinde Uder bis Ende 2027 online anbieten?
> Mit freundlichen Grüßen, E-Government-Beratung TFM
""", [], "16061119", auto=True)

mail("auto_ooo_text", "auto_municipal", "Kati Stöckel <stoeckel@anderschmuecke.de>",
     "AW: Einladung Beratungstag",
     """Ich bin vom 16.11. bis 27.11.2026 außer Haus und kann Ihre E-Mail erst danach lesen. In dringenden Fällen,
etwa bei IT-Sicherheitsvorfällen oder Verschlüsselung von Daten, wenden Sie sich bitte an die Zentrale
der Stadtverwaltung An der Schmücke, Tel. 034673 7880.

Kati Stöckel
Stadt An der Schmücke
""", [], "16065088", auto=True, date=(11, 17, 10, 2))

mail("auto_ooo_text", "auto_municipal", "Jörg Zimmer <j.zimmer@kaulsdorf-saale.de>",
     "AW: Rückfrage Verwendungsnachweis",
     """Diese E-Mail wurde automatisch erstellt.
Ich bin bis Montag, 23.11., nicht erreichbar. Ihre Nachricht wird nach meiner Rückkehr bearbeitet.

Gemeinde Kaulsdorf
""", [], "16073038", auto=True)

mail("auto_ooo_text", "auto_municipal", "m.rausch@langenwetzendorf.de",
     "AW: Termin",
     """bin bis 30.11. in elternzeit-vertretung nicht im büro. in dringenden fällen bitte an die zentrale:
info@langenwetzendorf.de
m. rausch, gemeinde langenwetzendorf
""", [], "16076039", auto=True)

mail("auto_ooo_text", "auto_municipal", "Ilka Drechsler <drechsler@gemeinde-drei-gleichen.de>",
     "Abwesend: Förderaufruf 2027",
     """Sehr geehrte Damen und Herren,

vielen Dank für Ihre E-Mail. Ich bin bis zum 7. Dezember 2026 nicht im Dienst. Ihre E-Mail wird nicht
weitergeleitet. Bitte wenden Sie sich an meine Vertretung, Herrn Pfeil, Tel. 036202 903-12.

Ilka Drechsler
Gemeinde Drei Gleichen, Kämmerei
""", [], "16067089", auto=True, style="html")

mail("auto_ooo_text", "auto_municipal", "Hartmut Leibe <leibe@lindenberg-eichsfeld.de>",
     "RE: Informationssicherheitsleitlinie",
     """I am out of the office until 25 November 2026 with no access to e-mail.
Ich bin bis zum 25. November nicht im Büro und habe keinen Zugriff auf E-Mails. In dringenden Fällen
wenden Sie sich an die Zentrale der VG Lindenberg/Eichsfeld.

H. Leibe
""", [], "160615001", auto=True)

mail("auto_ooo_text", "freemail_bgm_sig", "Gerlinde Hahn <gerlinde.hahn@t-online.de>",
     "AW: Ihre Frage zur Förderung",
     """Ich bin bis 22. November verreist und lese keine E-Mails. In dringenden Fällen wenden Sie sich bitte an
meinen Stellvertreter, Herrn Kurt Simon.

Gerlinde Hahn
Bürgermeisterin der Gemeinde Wahlhausen
""", [], "16061102", auto=True)

mail("auto_ooo_text", "auto_municipal", "Hauptamt Breitungen <hauptamt@breitungen.de>",
     "Antwort: Förderung Sitzungsdienst",
     """Das Hauptamt der Gemeinde Breitungen/Werra ist vom 21.12.2026 bis 01.01.2027 nicht besetzt. Ihre
E-Mail wird nicht weitergeleitet und ab dem 4. Januar bearbeitet. Wir wünschen frohe Festtage.

Gemeinde Breitungen/Werra
""", [], "16066013", auto=True, charset="iso-8859-1", cte="quoted-printable", date=(12, 21, 7, 30))

mail("auto_ooo_text", "auto_municipal", "Anja Bock <bock@leutenberg.de>",
     "AW: ISMS Beratung",
     """Guten Tag, ich bin derzeit nicht im Büro und ab dem 18.11. wieder erreichbar. Ihre E-Mail wird nicht
weitergeleitet. Meine Vertretung: Frau Zorn, zorn@leutenberg.de

Anja Bock
Stadtverwaltung Leutenberg
Markt 1, 07338 Leutenberg
""", [], "16073106", auto=True, style="html-gmail")

# ===== automatic mail: out-of-office with headers =====

mail("auto_ooo_header", "auto_municipal", "Ralf Hoyer <hoyer@vg-leinetal.de>",
     "Automatische Antwort: Ihre OZG-Anfrage",
     """Ich bin bis 19.11.2026 nicht im Büro. Ihre Nachricht wird nicht weitergeleitet.
Ralf Hoyer, VG Leinetal
""", [], "160615009", auto=True,
     headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])

mail("auto_ooo_header", "auto_municipal", "Britta Sander <sander@eichsfeld-wipperaue.de>",
     "Abwesenheitsnotiz: Förderantrag",
     """Vielen Dank für Ihre Nachricht. Ich bin bis zum 30.11.2026 nicht erreichbar.
VG Eichsfeld-Wipperaue, Kämmerei
""", [], "160615006", auto=True, headers=[("X-Autoreply", "yes")])

mail("auto_ooo_header", "auto_municipal", "Landratsamt Eichsfeld <poststelle@lra-eic.de>",
     "Eingangsbestätigung / Abwesenheit",
     """Die Mitarbeiterin ist bis 24.11. abwesend. Ihre Nachricht wurde an die Poststelle des Landratsamtes
Eichsfeld weitergeleitet.
""", [], "16061", auto=True, headers=[("Precedence", "auto_reply"), ("Auto-Submitted", "auto-replied")])

mail("auto_ooo_header", "auto_municipal", "Amt für Informationsverarbeitung <aiv@erfurt.de>",
     "Automatische Antwort: WG: BSI-Warnung kritische Schwachstelle Exchange",
     """Vielen Dank für Ihre E-Mail. Herr Haupt ist bis 26.11. nicht im Hause. In dringenden Fällen bei
Sicherheitsvorfällen wenden Sie sich an die IT-Hotline der Landeshauptstadt Erfurt.
""", [], "16051000", auto=True,
     headers=[("Auto-Submitted", "auto-generated"), ("X-MS-Exchange-Inbox-Rules-Loop", "aiv@erfurt.de")])

mail("auto_ooo_header", "auto_municipal", "Dana Scholl <scholl@vg-ranis-ziegenrueck.de>",
     "Abwesenheit: e-akte",
     """Ich bin bis 27.11. im Urlaub.
Dana Scholl, VG Ranis-Ziegenrück
""", [], "160755013", auto=True, headers=[("X-Autorespond", "vacation")])

mail("auto_ooo_header", "auto_municipal", "Michaela Franz <franz@triptis.de>",
     "Out of Office: Passwortrichtlinie",
     """Ich bin bis 20.11.2026 nicht im Büro.
Verwaltungsgemeinschaft Triptis
""", [], "160755011", auto=True,
     headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "DR, OOF, AutoReply")])

# ===== automatic mail: ticket acknowledgement and bounces =====

mail("auto_ticket", "company", "Ticketsystem <noreply@support-kommunalsoftware.de>",
     "[Ticket#2026111804] Ihre Anfrage ist eingegangen",
     """Dies ist eine automatisch erzeugte Nachricht. Ihre Anfrage wurde unter der Nummer 2026111804 erfasst.
Bitte antworten Sie nicht auf diese E-Mail.
""", [], None, auto=True, headers=[("Auto-Submitted", "auto-generated")])

mail("auto_bounce", "bounce", "Mail Delivery System <MAILER-DAEMON@mx.vg-hermsdorf.de>",
     "Undelivered Mail Returned to Sender: Förderung Ratsinformationssystem",
     """This is the mail system at host mx.vg-hermsdorf.de.

I'm sorry to have to inform you that your message could not be delivered to one or more recipients.

<kaemmerei-alt@vg-hermsdorf.de>: host mx.vg-hermsdorf.de said: 550 5.1.1 User unknown
=====
kaemmerei-alt@vg-hermsdorf.de
""", [], None, auto=True, kind="dsn", headers=[("Auto-Submitted", "auto-replied")])

mail("auto_bounce", "bounce", "Mail Delivery Subsystem <mailer-daemon@stadt-zella-mehlis.de>",
     "Delivery Status Notification (Failure): Ihre Anfrage zum DDoS-Schutz",
     """Die Nachricht konnte nicht zugestellt werden. Der Empfänger ist unbekannt.
=====
m.thiel-alt@stadt-zella-mehlis.de
""", [], None, auto=True, kind="dsn")

mail("auto_bounce", "bounce", "Microsoft Outlook <postmaster@saalfeld.de>",
     "Unzustellbar: Datenschutzvorfall - Rückfrage",
     """Ihre Nachricht hat einige oder alle Empfänger nicht erreicht.

Betreff: Datenschutzvorfall - Rückfrage
Gesendet: 12.11.2026 09:14

Die folgenden Empfänger können nicht erreicht werden:

k.neumann@saalfeld.de am 12.11.2026 09:14
Das E-Mail-Konto existiert nicht in der Organisation, an die die Nachricht gesendet wurde.
<mail.saalfeld.de #5.1.10 smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup>
""", [], None, auto=True, style="plain", date=(11, 12, 9, 15))

# ===== appended late (after the counts above were first taken; file order carries no meaning) =====

mail("itsec_phish_fwd", "own_admin_town", "Sören Wiegand <wiegand@stadt-bad-lobenstein.de>",
     "WG: ThAVEL - Ihr Zugang läuft heute ab",
     """zur Info, nicht geklickt.

S. Wiegand
Stadtverwaltung Bad Lobenstein, Bürgerbüro

________________________________
Von: ThAVEL Antragsportal <service@thavel-portal-login.eu>
Gesendet: Montag, 16. November 2026 07:02
An: buergerbuero@stadt-bad-lobenstein.de
Betreff: ThAVEL - Ihr Zugang läuft heute ab

Sehr geehrte Sachbearbeiterin, sehr geehrter Sachbearbeiter,
Ihr Zugang zum Thüringer Antragssystem für Verwaltungsleistungen läuft heute um 18:00 Uhr ab. Damit
eingehende Anträge nicht verloren gehen, bestätigen Sie bitte Ihre Zugangsdaten:
https://thavel-portal-login.eu/verlaengern
""", ["it_security"], "16075062", date=(11, 16, 8, 12))


if __name__ == "__main__":
    sys.exit(main())
