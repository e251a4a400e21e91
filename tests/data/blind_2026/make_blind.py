"""Build the blind set tests/data/blind_2026 (raw .eml + labels.jsonl).

Written by hand, label by label, from the definitions of issue 15 and the README sections
`classification` and `linking`; no project code is imported or run. Keys come from the gazetteer
(/work/shared/data/thueringen). Persons, street addresses and phone numbers are invented.

    python tests/data/blind_2026/make_blind.py      # rewrites *.eml, labels.jsonl, categories.json

Deterministic: no randomness, fixed dates.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
TO = ("Kompetenzzentrum Verwaltung 4.0", "kompetenzzentrum@tfm.thueringen.de")
O, E, S = "ozg_duties", "eligibility", "it_security"
BASE = datetime(2026, 2, 2, 7, 41, tzinfo=timezone(timedelta(hours=1)))

MAILS: list[dict] = []


def M(
    frm: str,
    subject: str,
    body: str,
    *,
    topics=(),
    authority: str | None = None,
    urgent: bool = False,
    auto: bool = False,
    cat: str,
    link: str,
    name: str = "",
    style: str = "plain",
    charset: str = "utf-8",
    cte: str | None = None,
    html: str | None = None,
    headers: dict | None = None,
    to=TO,
    legacy_subject: bool = False,
    dsn: dict | None = None,
) -> None:
    """Register one mail. cat: topic/urgency category; link: linking category (for the README)."""
    MAILS.append(
        dict(
            frm=frm, name=name, subject=subject, body=body, topics=sorted(topics), authority=authority,
            urgent=urgent, auto=auto, cat=cat, link=link, style=style, charset=charset, cte=cte,
            html=html, headers=headers or {}, to=to, legacy_subject=legacy_subject, dsn=dsn,
        )
    )


# ---------------------------------------------------------------- text helpers

def sig(*lines: str) -> str:
    return "\n".join(lines)


def outlook_fwd(frm: str, sent: str, to: str, subject: str, text: str, cc: str = "") -> str:
    cc_line = f"Cc: {cc}\n" if cc else ""
    return (
        "-----Ursprüngliche Nachricht-----\n"
        f"Von: {frm}\nGesendet: {sent}\nAn: {to}\n{cc_line}Betreff: {subject}\n\n{text}"
    )


def tb_fwd(frm: str, date: str, to: str, subject: str, text: str) -> str:
    return (
        "-------- Weitergeleitete Nachricht --------\n"
        f"Betreff: \t{subject}\nDatum: \t{date}\nVon: \t{frm}\nAn: \t{to}\n\n\n{text}"
    )


def gmail_fwd(frm: str, date: str, to: str, subject: str, text: str) -> str:
    return (
        "---------- Forwarded message ---------\n"
        f"Von: {frm}\nDate: {date}\nSubject: {subject}\nTo: {to}\n\n\n{text}"
    )


def quoted(header: str, text: str) -> str:
    return header + "\n" + "\n".join(("> " + line) if line else ">" for line in text.splitlines())


def to_html(text: str, outlook: bool = True) -> str:
    import html as _h

    paras = text.split("\n\n")
    if outlook:
        inner = "\n".join(
            "<p class=MsoNormal>" + "<br>\n".join(_h.escape(l) for l in p.splitlines()) + "<o:p></o:p></p>"
            for p in paras
        )
        return (
            "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
            "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:\"Calibri\",sans-serif;} --></style>"
            "</head><body lang=DE link=\"#0563C1\"><div class=WordSection1>\n" + inner + "\n</div></body></html>\n"
        )
    inner = "\n".join("<div>" + "<br>".join(_h.escape(l) for l in p.splitlines()) + "</div><div><br></div>" for p in paras)
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family: Arial\">\n" + inner + "\n</body></html>\n"


# ---------------------------------------------------------------- building

def build(n: int, spec: dict) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr((spec["name"], spec["frm"])) if spec["name"] else spec["frm"]
    msg["To"] = formataddr(spec["to"])
    msg["Subject"] = spec["subject"] if spec["charset"] != "iso-8859-1" else spec["subject"].replace("–", "-")
    msg["Date"] = format_datetime(BASE + timedelta(days=n * 0.26, minutes=n * 53 % 600))
    domain = spec["frm"].split("@")[-1].lower()
    msg["Message-ID"] = f"<blind2026.{n:03d}.{zlib.crc32(spec['subject'].encode()) % 10**8:08d}@{domain}>"
    for key, value in spec["headers"].items():
        msg[key] = value
    cs, cte, style = spec["charset"], spec["cte"], spec["style"]
    if cs == "iso-8859-1":  # what a Latin-1 mail client does with characters it cannot encode
        table = str.maketrans({"–": "-", "„": '"', "“": '"', "’": "'", "…": "..."})
        spec = {**spec, "body": spec["body"].translate(table), "subject": spec["subject"].translate(table)}
    kw = {"charset": cs}
    if cte:
        kw["cte"] = cte
    if style == "plain":
        msg.set_content(spec["body"], **kw)
    elif style == "html":
        html = spec["html"] or to_html(spec["body"])
        if cs != "utf-8":
            html = html.replace("charset=utf-8", f"charset={cs}").replace("charset=\"utf-8\"", f"charset=\"{cs}\"")
        msg.set_content(html, subtype="html", **kw)
    elif style == "alt":
        msg.set_content(spec["body"], **kw)
        msg.add_alternative(spec["html"] or to_html(spec["body"], outlook=False), subtype="html", **kw)
    elif style == "attach":
        msg.set_content(spec["body"], **kw)
        msg.add_attachment(
            b"%PDF-1.4\n% blind set placeholder\n%%EOF\n", maintype="application", subtype="pdf",
            filename="Anlage.pdf",
        )
    elif style == "report":
        dsn = spec["dsn"]
        msg.make_mixed()
        msg.set_type("multipart/report")
        msg.set_param("report-type", "delivery-status")
        text = EmailMessage(policy=policy.SMTP)
        text.set_content(spec["body"], **kw)
        per_message = EmailMessage(policy=policy.SMTP)
        per_message["Reporting-MTA"] = f"dns; {dsn['mta']}"
        per_recipient = EmailMessage(policy=policy.SMTP)
        per_recipient["Final-Recipient"] = f"rfc822; {dsn['rcpt']}"
        per_recipient["Action"] = "failed"
        per_recipient["Status"] = dsn["status"]
        per_recipient["Diagnostic-Code"] = f"smtp; {dsn['diag']}"
        status = EmailMessage(policy=policy.SMTP)
        status["Content-Type"] = "message/delivery-status"
        status.set_payload([per_message, per_recipient])
        original = EmailMessage(policy=policy.SMTP)
        original["From"] = formataddr(TO)
        original["To"] = dsn["rcpt"]
        original["Subject"] = dsn["subject"]
        original.set_content(dsn["original"])
        msg.attach(text)
        msg.attach(status)
        wrapper = EmailMessage(policy=policy.SMTP)
        wrapper.set_content(original)
        msg.attach(wrapper)
    else:
        raise ValueError(style)
    for k, part in enumerate(p for p in msg.walk() if p.get_content_maintype() == "multipart"):
        part.set_boundary(f"=_blind2026_{n:03d}_{k}")  # fixed boundaries: the build is byte-for-byte reproducible
    raw = msg.as_bytes()
    if spec["legacy_subject"]:
        head, sep, rest = raw.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        out, skip = [], False
        for line in lines:
            if line.lower().startswith(b"subject:"):
                out.append(b"Subject: " + Header(spec["subject"], cs).encode().encode("ascii"))
                skip = True
                continue
            if skip and line[:1] in (b" ", b"\t"):
                continue
            skip = False
            out.append(line)
        raw = b"\r\n".join(out) + sep + rest
    return raw


# ================================================================ the mails

# ---------------------------------------------------------------- 1. ongoing incidents (urgent)

M("it@vghr.de", "HILFE server", """hallo

bei uns in der VG werden seit ca 20 min alle dateien auf dem server umbenannt in .akira und lassen sich nicht mehr öffnen auf jedem rechner ist eine textdatei mit lösegeldforderung wir haben das netzwerkkabel vom server gezogen aber die rechner im bauamt laufen noch was müssen wir jetzt machen bitte ruft an 036081 6049-12

Timo Wenzel
IT / VG Hanstein-Rusteberg""", name="Timo Wenzel", topics=[S], urgent=True, authority="160615008",
  cat="urgent", link="vg_self")

M("hauptamt@stadtverwaltung-arnstadt.de", "Verschlüsselung läuft", """Dateien werden gerade verschlüsselt. Bitte sofort Rückruf.

Stadtverwaltung Arnstadt
Hauptamt""", topics=[S], urgent=True, authority="16070004", cat="urgent", link="town_domain_sig")

M("k.roemhild@vg-nesseaue.de", "Postfach Bürgermeister Bienstädt verschickt Spam", """Sehr geehrte Damen und Herren,

das Postfach des ehrenamtlichen Bürgermeisters der Gemeinde Bienstädt verschickt seit heute früh um sechs Uhr Hunderte Mails mit einem Link auf eine angebliche Rechnung an alle Adressen im Adressbuch. Wir haben schon drei Rückmeldungen von Empfängern. Das Kennwort haben wir eben geändert, trotzdem gehen weiter Mails raus. Was ist jetzt zu tun, und wer muss informiert werden?

Mit freundlichen Grüßen
Karin Römhild
Verwaltungsgemeinschaft Nesseaue
– für die Gemeinde Bienstädt –
Hauptstraße 41, 99869 Friemar""", name="Karin Römhild", topics=[S], urgent=True, authority="16067004",
  cat="urgent", link="vg_one_member")

M("datenschutz@kyffhaeuser.de", "Datenabfluss Zulassungsstelle – Kundendaten im Netz", """Sehr geehrte Damen und Herren,

wir wurden heute um 9:40 Uhr von der Polizei informiert, dass ein Datensatz mit Namen, Anschriften und Kennzeichen von Kunden unserer Zulassungsstelle auf einer Leak-Seite veröffentlicht wurde. Der Datensatz stammt nach erster Prüfung aus unserem System, der Zugang ist offenbar noch aktiv. Wir brauchen heute noch Unterstützung bei der Meldung an den TLfDI und bei der Eingrenzung.

Mit freundlichen Grüßen

i. A. Stefanie Kühnert
Behördliche Datenschutzbeauftragte
Landratsamt Kyffhäuserkreis
Markt 8
99706 Sondershausen
Tel.: 03632 741-000""", name="Kühnert, Stefanie", topics=[S], urgent=True, authority="16065", cat="urgent",
  link="lra")

M("it-service@ilmenau-stadt.de", "Bürgerportal nicht erreichbar – Angriff", """Guten Tag,

unser Bürgerportal und die Online-Terminvergabe sind seit 7 Uhr nicht erreichbar. Unser Hoster meldet eine Überlastungsattacke (DDoS) aus mehreren Ländern, die noch andauert. Bürger stehen vor dem Bürgerbüro und rufen an. Können Sie uns sagen, wen wir beim Land für so etwas sofort einschalten?

Gruß
Jens Oberländer
Stadtverwaltung Ilmenau, Sachgebiet IT
Am Markt 7, 98693 Ilmenau""", name="Jens Oberländer", topics=[S], urgent=True, authority="16070029",
  cat="urgent", link="town_domain_sig")

M("webredaktion@jena.de", "DDoS auf jena.de", """Moin, seit 10:15 liegt unsere Website unter DDoS, Antwortzeiten >60 s, Formulare nicht nutzbar. Provider filtert, hilft bisher nicht. Gibt es beim Land ein Notfallteam, das wir jetzt anrufen können?

--
Paula Steinbrück
Stadtverwaltung Jena | Team Digitales
07743 Jena""", name="Paula Steinbrück", topics=[S], urgent=True, authority="16053000", cat="urgent",
  link="city_domain")

M("m.haselbach1971@gmx.de", "Mailserver Stadtverwaltung down – schreibe privat", """Sehr geehrte Damen und Herren,

ich schreibe Ihnen von meiner privaten Adresse, weil unser Mailserver seit dem Angriff heute Nacht komplett down ist. Der Dienstleister sagt, die Angreifer seien möglicherweise noch im Netz, die Systeme sind vom Netz genommen. Wir erreichen niemanden von der Landesebene. Bitte rufen Sie mich unter 0171 4402981 zurück.

Manuela Haselbach
Schloßplatz 1, 98617 Meiningen""", name="Manuela Haselbach", topics=[S], urgent=True, authority="16066042",
  cat="urgent", link="freemail_address")

M("gerd.kittel@t-online.de", "hilfe", """hallo unser rechner im gemeindebüro zeigt so ein rotes bild alle ordner heissen jetzt .locked und da steht wir sollen in bitcoin zahlen das passiert gerade eben der kollege von der vg ist nicht erreichbar was sollen wir tun

gerd kittel
bürgermeister der gemeinde schmeheim""", topics=[S], urgent=True, authority="16069044", cat="urgent",
  link="freemail_mayor")

M("sekretariat@gramme-vippach.de", "Trojaner!!", """Trojaner im Netz der VG, Server alle aus, Bildschirme zeigen Erpressernachricht. Bitte dringend Rückruf 036371 5180

Von meinem iPhone gesendet""", topics=[S], urgent=True, authority="160685012", cat="urgent", link="vg_self")

M("soc@itz-kommunal.de", "Ticket #48213 – laufender Verschlüsselungsangriff Gemeinde Tonna", """Sehr geehrte Damen und Herren,

als IT-Dienstleister der Gemeinde Tonna melden wir einen laufenden Verschlüsselungsangriff auf den Fileserver der Gemeindeverwaltung. Erste Verschlüsselungen wurden um 11:02 Uhr festgestellt, der Angriff ist noch nicht gestoppt; wir trennen gerade die Standorte. Die Gemeinde bittet um Unterstützung durch das Land und um Klärung der Meldepflichten.

Mit freundlichen Grüßen
Security Operations Center
ITZ Kommunal Mitteldeutschland GmbH
Anger 12, 99084 Erfurt""", name="ITZ Kommunal SOC", topics=[S], urgent=True, authority="16067067",
  cat="urgent", link="provider_on_behalf")

M("ordnungsamt@poessneck.de", "Fremde Anmeldungen in unserem Mailkonto", """Hallo,

in unserem Funktionspostfach ordnungsamt@ tauchen seit gestern Abend Anmeldungen aus Nigeria und den Niederlanden auf, und jemand hat eine Weiterleitungsregel an eine fremde Gmail-Adresse eingerichtet. Ich habe die Regel gelöscht, eben war sie wieder da. Die Anmeldungen laufen weiter. Was sollen wir sofort tun?

Viele Grüße
Sandra Vollrath
Stadtverwaltung Pößneck – Ordnungsamt
Markt 1, 07381 Pößneck""", name="Sandra Vollrath", topics=[S], urgent=True, authority="16075085", cat="urgent",
  link="town_domain_sig")

M("it-leitstelle@lra-sok.de", "Gesamtes Netz lahm – Verschlüsselungstrojaner", """Sehr geehrte Damen und Herren,

seit 8:30 Uhr ist das gesamte Netz des Landratsamtes lahmgelegt. Mehrere Server sind verschlüsselt, auf den Clients erscheint eine Lösegeldforderung. Wir haben alle Außenstellen vom Netz getrennt. Wir bitten um sofortige Unterstützung.

Mit freundlichen Grüßen
Dr. Holger Brandner
Fachdienstleiter Informationstechnik
Landratsamt Saale-Orla-Kreis
Oschitzer Straße 4, 07907 Schleiz""", name="Brandner, Holger Dr.", topics=[S], urgent=True, authority="16075",
  cat="urgent", link="lra", style="html", charset="windows-1252", cte="quoted-printable")

M("hauptamt@gemeinde-nessetal.de", "WG: bei mir blinkt alles", """Bitte dringend melden – das passiert gerade bei uns im Rathaus, inzwischen bei drei Rechnern. Wir haben die Geräte ausgeschaltet.

R. Lindner
Hauptamtsleiter, Gemeinde Nessetal

""" + outlook_fwd("Kaiser, Bianca <b.kaiser@gemeinde-nessetal.de>", "Dienstag, 17. März 2026 09:12", "Lindner, Ralf <r.lindner@gemeinde-nessetal.de>", "bei mir blinkt alles", """Ralf, bei mir sind auf einmal alle Dateien im Ordner Kasse weg bzw. heißen komisch (.enc) und es kam ein Fenster mit einer Zahlungsaufforderung. Jetzt fängt es beim Kollegen auch an!!

Bianca"""), name="Lindner, Ralf", topics=[S], urgent=True, authority="16067091", cat="urgent", link="eg_own")

M("personalamt@stadt.weimar.de", "Bewerberdaten öffentlich abrufbar", """Sehr geehrte Damen und Herren,

uns wurde vor einer Stunde gemeldet, dass eine Liste mit Bewerberdaten (Namen, Anschriften, Lebensläufe) der Stadtverwaltung über einen offenen Link im Internet abrufbar ist. Die Datei ist noch online; unser Anbieter reagiert nicht. Wir bitten um dringende Unterstützung.

Mit freundlichen Grüßen
Julia Pöschel
Stadtverwaltung Weimar, Personalamt
Schwanseestraße 17, 99423 Weimar""", name="Julia Pöschel", topics=[S], urgent=True, authority="16055000", cat="urgent",
  link="city_domain")

M("verwaltung@nobitz.de", "Dringnd!!! server verschlüselt", """Dringnd!!! unsre server ist verschlüselt lösegeldforderung auf dem Bildschrim, kein Zugriff auf kasse und meldewesen seit 7 uhr. bitte um rückruf gemeinde nobitz 0 34 47 / 31 17 0

Gemeinde Nobitz, Bachstraße 1, 04603 Nobitz""", topics=[S], urgent=True, authority="16077036", cat="urgent",
  link="eg_own", charset="iso-8859-1", cte="8bit", legacy_subject=True)

M("zulassung@landkreis-gotha.de", "Online-Terminbuchung Zulassung seit Stunden unter Angriff", """Guten Morgen,

die Online-Terminbuchung unserer Zulassungs- und Führerscheinstelle ist seit 6 Uhr wegen eines laufenden DDoS-Angriffs nicht erreichbar. Der Rechenzentrumsbetreiber bestätigt den Angriff; er hält an. Wir bitten um kurzfristige Rückmeldung, ob das Land Abwehrmaßnahmen koordiniert.

Freundliche Grüße
Marco Treuter
Landratsamt Gotha, Fachdienst Straßenverkehr
18.-März-Straße 50, 99867 Gotha""", name="Marco Treuter", topics=[S], urgent=True, authority="16067", cat="urgent",
  link="lra_vs_town_name")

M("presse@schleiz.de", "unsere Homepage wurde gerade verunstaltet", """Hallo, auf der Startseite von schleiz.de steht seit ca. 14 Uhr ein Bekennerschreiben einer Hackergruppe statt unserer Nachrichten. Wir kommen nicht mehr ins Redaktionssystem, das Passwort wurde geändert. Was jetzt?

Stadt Schleiz – Öffentlichkeitsarbeit
Bahnhofstraße 1, 07907 Schleiz""", topics=[S], urgent=True, authority="16075098", cat="urgent", link="town_domain_sig")

M("fachverfahren@soemmerda.de", "Fachverfahren gehackt – Angreifer noch im System", """Sehr geehrte Damen und Herren,

in unserem Fachverfahren für das Einwohnermeldewesen wurden heute Vormittag Änderungen an Datensätzen festgestellt, die niemand von uns vorgenommen hat. Der Hersteller bestätigt einen fremden Zugriff über ein Wartungskonto; die Sitzung ist weiterhin aktiv, wir können sie nicht beenden. Wir bitten um sofortige Hilfe – „Abschalten“ ist laut Hersteller nur mit Datenverlust möglich.

Mit freundlichen Grüßen
Frank Würzberger
Stadtverwaltung Sömmerda – IT
Marktplatz 3–4
99610 Sömmerda""", name="Frank Würzberger", topics=[S], urgent=True, authority="16068051", cat="urgent",
  link="town_vs_kreis_name", charset="windows-1252", cte="quoted-printable")

M("buergermeister@bad-berka.de", "Angriff läuft – und wer zahlt die Wiederherstellung?", """Sehr geehrte Damen und Herren,

seit heute Morgen ist unser Verwaltungsnetz von einem Verschlüsselungsangriff betroffen, der noch nicht eingedämmt ist; unser Dienstleister arbeitet daran. Ich bitte erstens um Unterstützung durch das Land, heute noch.

Zweitens, weil der Stadtrat schon fragt: Kann die Wiederherstellung der Systeme und die Beschaffung neuer Hardware aus dem Landesprogramm nach der ThürEGovRL gefördert werden, und müssen wir dafür vorher einen Antrag stellen?

Mit freundlichen Grüßen
Dr. Ines Helmbrecht
Bürgermeisterin der Stadt Bad Berka""", name="Dr. Ines Helmbrecht", topics=[S, E], urgent=True, authority="16071003",
  cat="urgent_multi", link="town_mayor_sig")

M("c.scheibe@floh-seligenthal.de", "Rathauspostfach verschickt Phishing", """Unser Rathaus-Postfach (rathaus@floh-seligenthal.de) verschickt seit einer Stunde Phishing-Mails an alle Kontakte, Betreff "Dokument freigegeben". Wir kommen selbst nicht mehr rein. Bitte helfen Sie uns!

Christin Scheibe
Gemeindeverwaltung Floh-Seligenthal
Hauptstraße 42
98593 Floh-Seligenthal""", name="Christin Scheibe", topics=[S], urgent=True, authority="16066023", cat="urgent",
  link="town_domain_sig")

M("geschaeftsstelle@zv-kommunale-it-nordthueringen.de", "Kassenserver Gemeinde Sollstedt verschlüsselt", """Sehr geehrte Damen und Herren,

im Auftrag der Gemeinde Sollstedt teilen wir mit: Der Kassenserver der Gemeinde wird seit heute 10:30 Uhr verschlüsselt, Sicherungen sind teilweise betroffen. Der Server ist isoliert, der Angriff auf die übrigen Systeme der Gemeinde ist noch nicht ausgeschlossen. Die Gemeinde bittet um Beratung zu den nächsten Schritten.

Mit freundlichen Grüßen
Andreas Ruppe
Zweckverband Kommunale IT Nordthüringen
Geschäftsstelle
Bahnhofstraße 3, 99734 Nordhausen""", name="Andreas Ruppe", topics=[S], urgent=True, authority="16062049",
  cat="urgent", link="zweckverband_on_behalf", cte="base64")

M("tobi.reinhardt@gmail.com", "Stadt Greiz Webseite gehackt??", """Hallo, ich bin Bürger aus Greiz. Die Webseite der Stadt zeigt gerade statt der Nachrichten nur Werbung für Online-Casinos und bei Klick auf "Formulare" kommt eine Seite die nach Bankdaten fragt. Das ist doch gehackt? Habe es bei der Stadt probiert, da geht keiner ran. Vielleicht können Sie das weitergeben.

Tobias Reinhardt""", name="Tobias Reinhardt", topics=[S], urgent=True, authority=None, cat="urgent",
  link="citizen_null")

M("kreisrat.hofmann@web.de", "Homepage des Landkreises seit heute früh weg – Hackerangriff?", """Sehr geehrte Damen und Herren,

als Mitglied des Kreistages Greiz wende ich mich an Sie: Die Internetseite des Landratsamtes und die Online-Dienste des Landkreises Greiz sind seit heute früh nicht erreichbar, laut Mitarbeitern läuft ein Angriff, der noch nicht abgewehrt ist. Ist das Land informiert und unterstützt es den Landkreis?

Mit freundlichen Grüßen
Ulrich Hofmann
Kreistagsmitglied""", name="Ulrich Hofmann", topics=[S], urgent=True, authority="16076", cat="urgent",
  link="kreistag_freemail")

M("IT@ebeleben.de", "Akut", """Verschlüsselungstrojaner aktiv in der Stadtverwaltung Ebeleben. Bitte sofort zurückrufen: 036020 70 8 11""", topics=[S],
  urgent=True, authority="16065014", cat="urgent", link="eg_own_generic_case")

M("post@vgem-mellingen.de", "AW: OZG-Leistungen Gewerbeanmeldung", """sorry anderes thema, aber bei uns in der VG geht seit heute früh nichts mehr, alle PCs im Haus verschlüsselt, die Angreifer haben sich per Mail gemeldet. wer kann uns heute helfen?

Heike Morgenroth
VG Mellingen

""" + quoted("Am 12.02.2026 um 10:14 schrieb Kompetenzzentrum Verwaltung 4.0:", """Sehr geehrte Frau Morgenroth,

die Gewerbeanmeldung ist eine OZG-Leistung nach dem Einer-für-Alle-Prinzip; Sie können
den Dienst über das Landesportal nachnutzen. Die Anbindung erfolgt über ...

Mit freundlichen Grüßen
Kompetenzzentrum Verwaltung 4.0"""), name="Heike Morgenroth", topics=[S], urgent=True, authority="160715008",
  cat="urgent_reply_other_topic", link="vg_self")

M("info@gemeinde-herbsleben.de", "DRINGEND Notfall", """DRINGEND seit 5 minuten gehen bei uns alle bildschirme aus und wieder an und auf dem server steht READ_ME_NOW.txt kollege sagt das ist ransomware es läuft noch wir haben angst dass die sicherung auch draufgeht

gemeindeverwaltung herbsleben""", topics=[S], urgent=True, authority="16064022", cat="urgent", link="eg_own")


# ---------------------------------------------------------------- 2. IT security, not urgent (incident words)

M("hauptamt@vg.badtennstedt.de", "Vorfall letzte Woche – Meldepflicht?", """Sehr geehrte Damen und Herren,

in der vergangenen Woche wurde in unserer Verwaltungsgemeinschaft ein Rechner im Bauamt von einem Verschlüsselungstrojaner befallen. Der Vorfall ist bereinigt, das Gerät neu aufgesetzt, die Daten sind aus der Sicherung vom Vortag wiederhergestellt, Hinweise auf Datenabfluss gibt es nicht. Müssen wir den Vorfall nachträglich noch irgendwo melden (Land, BSI, Datenschutz)?

Mit freundlichen Grüßen
Gabriele Siebert
Verwaltungsgemeinschaft Bad Tennstedt
Markt 1, 99955 Bad Tennstedt""", name="Gabriele Siebert", topics=[S], authority="160645001", cat="sec_past",
  link="vg_self")

M("edv@bad-langensalza.de", "Emotet-Anhang vom Scanner blockiert", """Hallo zusammen,

unser Mailgateway hat heute früh einen Anhang mit Emotet-Signatur abgefangen, adressiert an die Kämmerei. Die Mail wurde in Quarantäne gestellt, niemand hat etwas geöffnet. Sollen wir solche Funde irgendwo melden oder reicht unser internes Protokoll?

Beste Grüße
Matthias Gerbothe
Stadtverwaltung Bad Langensalza, EDV""", name="Matthias Gerbothe", topics=[S], authority="16064003",
  cat="sec_contained", link="town_domain_sig")

M("poststelle@vg-oppurg.de", "WG: Ihr Servicekonto wird gesperrt", """Zur Info: diese Mail kam heute an mehrere Kolleginnen der VG. Niemand hat auf den Link geklickt. Der Link führt nicht auf das echte Serviceportal. Vielleicht wollen Sie die anderen Kommunen warnen.

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Oppurg, Poststelle

""" + outlook_fwd("Thüringer Serviceportal <noreply@serviceportal-thueringen-login.com>", "Mittwoch, 4. März 2026 07:58",
  "poststelle@vg-oppurg.de", "Ihr Servicekonto wird gesperrt", """Sehr geehrte Nutzerin, sehr geehrter Nutzer,

aufgrund einer Sicherheitsüberprüfung wird Ihr Servicekonto in 24 Stunden gesperrt.
Bitte bestätigen Sie Ihre Zugangsdaten unter folgendem Link:
https://serviceportal-thueringen-login.com/verify

Ihr Team des Thüringer Serviceportals"""), topics=[S], authority="160755005", cat="phishing_fwd",
  link="vg_named_like_seat_self")

M("a.vogelsang.rustenfelde@gmail.com", "Fwd: BundID – Bestätigung erforderlich", """Guten Tag, diese Mail kam an mein Postfach. Sieht für mich nach Betrug aus, ich habe nichts angeklickt. Wollte es nur melden.

A. Vogelsang
Bürgermeister der Gemeinde Rustenfelde

""" + gmail_fwd("BundID Support <support@bundid-verifizierung.net>", "Mo., 9. März 2026 um 18:22",
  "a.vogelsang.rustenfelde@gmail.com", "BundID – Bestätigung erforderlich", """Ihr BundID-Konto muss erneut bestätigt werden. Andernfalls verlieren Sie den Zugang zu allen
Onlinediensten der Verwaltung. Jetzt bestätigen: http://bundid-verifizierung.net/login"""),
  name="Andreas Vogelsang", topics=[S], authority="16061082", cat="phishing_fwd", link="freemail_mayor")

M("informationssicherheit@ilm-kreis.de", "Was tun wenn – Notfallplan Ransomware", """Sehr geehrte Damen und Herren,

wir überarbeiten unser Notfallhandbuch. Was müssten wir tun, wenn bei uns ein Verschlüsselungstrojaner ausbricht – wen rufen wir an, in welcher Reihenfolge, und gibt es eine Vorlage des Landes für die Meldekette? Aktuell ist nichts passiert, wir wollen vorbereitet sein.

Mit freundlichen Grüßen
Kathrin Eschrich
Informationssicherheitsbeauftragte
Landratsamt Ilm-Kreis
Ritterstraße 14, 99310 Arnstadt""", name="Kathrin Eschrich", topics=[S], authority="16070", cat="sec_preventive",
  link="lra_seat_address")

M("verwaltung@barchfeld-immelborn.de", "Windows 10", """Guten Tag,

wir haben in der Gemeindeverwaltung noch 14 Rechner mit Windows 10. Der Support ist ja im Oktober 2025 ausgelaufen. Dürfen die bis zum Austausch weiterlaufen, wenn der Virenscanner aktuell ist, oder ist das ein Sicherheitsrisiko, das wir sofort beheben müssen?

Gruß
J. Ehrhardt
Gemeinde Barchfeld-Immelborn""", topics=[S], authority="16063004", cat="sec_win10", link="town_domain_sig")

M("kaemmerei@gemeinde-vogtei.de", "Win 10 Ablösung förderfähig?", """Hallo,

unsere 9 Arbeitsplätze laufen noch unter Windows 10 ohne Sicherheitsupdates. Wir müssen die Geräte aus Sicherheitsgründen ersetzen. Ist der Austausch nach der ThürEGovRL förderfähig, und wie hoch wäre die Förderquote?

Freundliche Grüße
Silke Jacob, Kämmerei
Gemeinde Vogtei""", name="Silke Jacob", topics=[E, S], authority="16064075", cat="multi_win10_funding", link="eg_own")

M("hauptamt@vg-feldstein.de", "Fwd: Einladung Awareness-Schulung Informationssicherheit", """Hallo,

können Mitarbeiter einer VG an der unten stehenden Schulung teilnehmen, oder ist die nur für Landesbedienstete? Wir würden gern vier Kolleginnen anmelden.

Danke und Gruß
Markus Fiedler
VG Feldstein, Hauptamt
Marktplatz 1, 98660 Themar

""" + tb_fwd("Thüringer Fortbildungsakademie <seminare@fortbildung-thueringen.example>", "12.03.2026, 11:03",
  "hauptamt@vg-feldstein.de", "Einladung Awareness-Schulung Informationssicherheit", """Sehr geehrte Damen und Herren,

am 21. April 2026 findet die eintägige Schulung „Phishing erkennen – sicher arbeiten im Büro“ statt.
Anmeldung bis 10. April.
"""), name="Markus Fiedler", topics=[S], authority="160695002", cat="sec_training", link="vg_self")

M("it@zella-mehlis.de", "BSI-Warnung Citrix – betrifft uns das?", """Guten Tag,

das BSI warnt aktuell vor einer kritischen Schwachstelle in Citrix NetScaler (Warnstufe rot). Wir betreiben ein NetScaler-Gateway für Homeoffice, Version 14.1. Müssen wir sofort patchen oder reicht das Wartungsfenster am Wochenende? Auffälligkeiten haben wir keine.

Mit freundlichen Grüßen
Rico Bauersachs
Stadtverwaltung Zella-Mehlis, IT""", name="Rico Bauersachs", topics=[S], authority="16066092", cat="sec_bsi_warning",
  link="town_domain_sig")

M("hauptamt@bad-klosterlausnitz.de", "DRINGEND: Informationssicherheitsbeauftragter", """Sehr geehrte Damen und Herren,

bis wann müssen wir als Gemeinde einen Informationssicherheitsbeauftragten benennen, und darf das jemand aus der eigenen Verwaltung nebenbei machen? Der Gemeinderat tagt am Donnerstag, deshalb die Eile.

Mit freundlichen Grüßen
Ronny Geißler
Gemeinde Bad Klosterlausnitz""", name="Ronny Geißler", topics=[S], authority="16074003", cat="sec_dringend_subject",
  link="eg_own")

M("m.pfannstiel@vg-suedliches-saaletal.de", "Passwort auf falscher Seite eingegeben – erledigt?", """Guten Tag,

gestern hat eine Mitarbeiterin der Stadt Orlamünde ihr Passwort auf einer gefälschten Anmeldeseite eingegeben. Wir haben das Konto sofort gesperrt, das Passwort geändert und die Anmeldeprotokolle geprüft: keine fremden Anmeldungen. Müssen wir für Orlamünde noch etwas veranlassen oder ist das damit erledigt?

Viele Grüße
Marion Pfannstiel
VG Südliches Saaletal""", name="Marion Pfannstiel", topics=[S], authority="16074065", cat="sec_contained",
  link="vg_one_member")

M("petra.lorenz68@web.de", "backup frage", """hallo ich mache seit diesem monat die verwaltung für unsere gemeinde und frage mich wie oft wir eigentlich eine datensicherung machen müssen und ob die externe festplatte im schrank reicht. gibt es da vorgaben?

petra lorenz
dorfstraße 12, 07768 gumperda""", name="Petra Lorenz", topics=[S], authority="16074034", cat="sec_preventive",
  link="freemail_address")

M("digitalisierung@sonneberg.de", "Einstieg IT-Grundschutz", """Sehr geehrte Damen und Herren,

wir möchten als Stadt mit dem IT-Grundschutz-Profil für Kommunen anfangen. Gibt es eine Empfehlung, womit eine Verwaltung unserer Größe beginnen sollte, und unterstützt das Land bei der Strukturanalyse?

Mit freundlichen Grüßen
Carolin Deubel
Stadtverwaltung Sonneberg
Bahnhofsplatz 1, 96515 Sonneberg""", name="Carolin Deubel", topics=[S], authority="16072018", cat="sec_question",
  link="town_vs_kreis_name", style="alt")

M("it@wartburgkreis.de", "Nach dem DDoS im Januar – Schutz künftig", """Hallo,

im Januar war unsere Homepage nach einem DDoS-Angriff zwei Tage nicht erreichbar. Das ist längst vorbei. Wir möchten jetzt wissen, welche Schutzmaßnahmen das Land empfiehlt und ob es einen gemeinsamen DDoS-Schutz für Kommunen gibt.

Gruß
T. Ortlepp
Landratsamt Wartburgkreis, IT""", topics=[S], authority="16063", cat="sec_past", link="lra")

M("personalrat@eisenach.de", "MFA", """Brauchen wir MFA fürs Webmail? Kurze Antwort reicht.
Stadtverwaltung Eisenach""", topics=[S], authority="16063105", cat="sec_terse", link="town_domain_sig")

M("info@am-ohmberg.de", "Datenabfluss – wer muss informiert werden?", """Guten Tag,

was machen wir eigentlich, falls bei uns mal Daten abfließen sollten? Wer muss informiert werden und in welcher Frist? Es ist nichts passiert, wir wollen das nur in unsere Dienstanweisung schreiben.

Gemeinde Am Ohmberg
Hauptamt""", topics=[S], authority="16061116", cat="sec_preventive", link="town_domain_sig")

M("ordnungsamt@geisa.de", "AW: Förderung Scanner Bürgerbüro", """Danke für die Auskunft. Andere Frage: Unser Dienstleister für das Einwohnerfachverfahren möchte dauerhaft per TeamViewer auf unsere Rechner zugreifen. Ist das aus Sicht der Informationssicherheit vertretbar, oder sollten wir auf eine andere Fernwartungslösung bestehen?

Mit freundlichen Grüßen
Dana Hohmann
Stadt Geisa, Ordnungsamt

""" + quoted("-----Ursprüngliche Nachricht-----\nVon: Kompetenzzentrum Verwaltung 4.0\nGesendet: Montag, 2. März 2026 14:20\nBetreff: AW: Förderung Scanner Bürgerbüro\n", """Sehr geehrte Frau Hohmann,

die Beschaffung eines Dokumentenscanners für das Bürgerbüro ist grundsätzlich förderfähig,
wenn sie Teil eines Digitalisierungsvorhabens ist ..."""), name="Dana Hohmann", topics=[S], authority="16063032",
  cat="sec_reply_other_topic", link="eg_own")

M("hauptamt@schmalkalden.de", "Abschlussbericht Cybervorfall Dezember", """Sehr geehrte Damen und Herren,

anbei erhalten Sie unseren Abschlussbericht zum Cybervorfall vom Dezember 2025. Die Systeme laufen seit Januar wieder vollständig. Bietet das Land Workshops an, in denen solche Vorfälle mit anderen Kommunen ausgewertet werden? Wir würden unsere Erfahrungen gern teilen.

Mit freundlichen Grüßen
Lutz Heinemann
Hauptamtsleiter
Stadtverwaltung Schmalkalden
Altmarkt 1
98574 Schmalkalden""", name="Lutz Heinemann", topics=[S], authority="16066063", cat="sec_past",
  link="town_domain_sig", style="attach")

M("poststelle@lra-soemmerda.de", "WG: Zahlungsaufforderung – Achtung Phishing", """Zur Information: Diese Mail ging heute an ca. 40 Postfächer des Landratsamtes Sömmerda. Der Anhang wurde vom Scanner entfernt, niemand hat ihn geöffnet. Wir melden das nur, falls andere Kommunen betroffen sind.

Poststelle
Landratsamt Sömmerda
Bahnhofstraße 9, 99610 Sömmerda

""" + outlook_fwd("Buchhaltung <rechnung@zahlungsservice-de.top>", "Donnerstag, 19. März 2026 08:01", "poststelle@lra-soemmerda.de",
  "Zahlungsaufforderung Nr. 2026-8812", """Sehr geehrte Damen und Herren,
anbei die offene Rechnung. Bitte begleichen Sie den Betrag innerhalb von 3 Tagen.
Rechnung_8812.zip"""), topics=[S], authority="16068", cat="phishing_fwd", link="lra_vs_town_name")

M("verwaltung@triptis.de", "Aufbewahrung Firewall-Logs", """Sehr geehrte Damen und Herren,

wie lange dürfen bzw. müssen wir die Protokolldateien unserer Firewall aufbewahren? Unser Dienstleister sagt 7 Tage, der Datenschutzbeauftragte meint 90 Tage.

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Triptis
Markt 1, 07819 Triptis""", topics=[S], authority="160755011", cat="sec_question", link="vg_named_like_seat_self",
  charset="windows-1252", cte="base64")

M("digitalisierung@suhl.de", "Notfallhandbuch – Vorlage?", """Hallo, hat das Land eine Vorlage für ein IT-Notfallhandbuch, die wir als Stadt anpassen können? Wir wollen nicht bei null anfangen. Danke, Stadt Suhl / Digitalisierung""",
  topics=[S], authority="16054000", cat="sec_terse", link="city_domain")

M("edv@gemeinde-kraftsdorf.de", "Anmeldeversuche abgewehrt", """Guten Tag,

am Wochenende gab es auf unser Webmail rund 3.000 fehlgeschlagene Anmeldeversuche. Die Kontosperre hat gegriffen, keine Anmeldung war erfolgreich, die IP-Bereiche sind inzwischen geblockt. Ist das etwas, das wir melden sollten, oder normales Grundrauschen?

Freundliche Grüße
Sven Mauersberger
Gemeindeverwaltung Kraftsdorf""", name="Sven Mauersberger", topics=[S], authority="16076089", cat="sec_contained",
  link="town_domain_sig")

M("bgm@unterbreizbach.de", "Gemeinsamer ISB mit der Nachbarstadt?", """Sehr geehrte Damen und Herren,

gemeinsam mit der Stadt Vacha überlegen wir, einen Informationssicherheitsbeauftragten zu teilen. Bei uns ist nichts vorgefallen, wir möchten aber vorbeugen. Ist ein gemeinsamer ISB für zwei Verwaltungen zulässig, und was empfehlen Sie einer Gemeindeverwaltung mit 25 Arbeitsplätzen als erste Maßnahmen?

Mit freundlichen Grüßen
Bernd Otto
Bürgermeister
Gemeinde Unterbreizbach""", name="Bernd Otto", topics=[S], authority="16063078", cat="sec_preventive",
  link="partner_in_text_sender_known")

M("h.wiegand.christes@t-online.de", "win 10 support ende", """win 10 support ende – was nun? haben noch 3 alte rechner im gemeindebüro

h. wiegand
bürgermeister der gemeinde christes""", topics=[S], authority="16066015", cat="sec_win10", link="freemail_mayor")

M("hauptamt@ruhla.de", "Phishing-Schulung für Mitarbeiter", """Guten Tag, bietet das Land Schulungen zum Erkennen von Phishing-Mails für Mitarbeiter der Kommunen an? Wir hatten keinen Vorfall, aber die Kollegen sind unsicher.

Mit freundlichen Grüßen
Stadtverwaltung Ruhla, Hauptamt""", topics=[S], authority="16063066", cat="sec_training", link="eg_own")

M("c.amthor@vg-ds.de", "dringend: Stellungnahme Leitlinie Informationssicherheit Gemeinde Rohr", """Sehr geehrte Damen und Herren,

für die Gemeinde Rohr brauchen wir bis Freitag eine Einschätzung, ob der Entwurf ihrer Leitlinie zur Informationssicherheit (Anlage) den Anforderungen genügt. Der Gemeinderat Rohr will sie am Montag beschließen.

Mit freundlichen Grüßen
Corinna Amthor
VG Dolmar-Salzbrücke
Schwarza""", name="Corinna Amthor", topics=[S], authority="16066058", cat="sec_dringend_subject",
  link="vg_one_member", style="attach")

M("jochen.staps@web.de", "isms im landratsamt?", """guten tag, als kreistagsmitglied im ilm-kreis würde ich gern wissen ob das landratsamt eigentlich ein isms nach bsi hat bzw. ob das land so etwas von den landkreisen verlangt. im ausschuss bekam ich keine antwort.

jochen staps""", name="Jochen Staps", topics=[S], authority="16070", cat="sec_question", link="kreistag_freemail")


# ---------------------------------------------------------------- 3. OZG duties

M("hauptamt@vg-gera-aue.de", "OZG 2.0 – was müssen wir bis wann anbieten?", """Sehr geehrte Damen und Herren,

nach dem OZG-Änderungsgesetz sind wir uns in der Verwaltungsgemeinschaft unsicher, welche Leistungen wir bis wann digital anbieten müssen und ob es inzwischen verbindliche Fristen für die Kommunen gibt. Gibt es eine Übersicht für Verwaltungsgemeinschaften?

Mit freundlichen Grüßen
Birgit Hahnemann
Verwaltungsgemeinschaft Gera-Aue
Marktplatz 1, 99189 Gebesee""", name="Birgit Hahnemann", topics=[O], authority="160685002", cat="ozg", link="vg_self")

M("bgm.noeda@gmx.de", "OZG kleine Gemeinden", """Gilt das OZG eigentlich auch für Gemeinden unter 1.000 Einwohnern?

W. Brückner
Bürgermeister der Gemeinde Nöda""", topics=[O], authority="16068037", cat="ozg_terse", link="freemail_mayor")

M("hauptamt@bad-sulza.de", "Anbindung Serviceportal für unsere Gemeinden", """Sehr geehrte Damen und Herren,

als erfüllende Gemeinde nehmen wir die Verwaltungsaufgaben für die Gemeinden Eberstedt, Großheringen, Niedertrebra, Obertrebra und Schmiedehausen wahr. Wir möchten für die Stadt Bad Sulza und diese fünf Gemeinden gemeinsam die Online-Dienste des Landes über das Thüringer Serviceportal anbinden (Meldebescheinigung, Hundesteuer, Gewerbe). Geht das mit einem Mandanten für alle sechs, oder braucht jede Gemeinde einen eigenen?

Mit freundlichen Grüßen
Anja Burkhardt
Stadt Bad Sulza – erfüllende Gemeinde
Markt 1, 99518 Bad Sulza""", name="Anja Burkhardt", topics=[O], authority="160715051", cat="ozg", link="eg_for_all")

M("ordnungsamt@meiningen.de", "Hundesteuer online – Gemeinde Rippershausen", """Guten Tag,

die Gemeinde Rippershausen, für die wir als erfüllende Gemeinde tätig sind, möchte die An- und Abmeldung der Hundesteuer online anbieten. Ist das eine OZG-Leistung, für die es einen EfA-Dienst gibt, oder müssen wir selbst ein Formular bauen?

Freundliche Grüße
Tom Reißig
Stadt Meiningen, Ordnungsamt""", name="Tom Reißig", topics=[O], authority="16066056", cat="ozg", link="eg_one_member")

M("digitalisierung@erfurt.de", "Nachnutzung EfA Wohngeld", """Sehr geehrte Damen und Herren,

die Landeshauptstadt Erfurt möchte den EfA-Onlinedienst Wohngeld nachnutzen. Welche Schritte sind für die Anbindung an unser Fachverfahren nötig, und wer schließt die Nachnutzungsvereinbarung ab – das Land oder wir?

Mit freundlichen Grüßen
Lea Hartung
Landeshauptstadt Erfurt
Amt für Digitalisierung
Fischmarkt 1, 99084 Erfurt""", name="Lea Hartung", topics=[O], authority="16051000", cat="ozg", link="city_domain",
  style="html")

M("bauordnung@landkreis-hildburghausen.de", "bundid anbinden", """hallo, wie binden wir die bundid an unser formular für den digitalen bauantrag an? gibt es eine anleitung vom land? gruß k. leffler, landratsamt hildburghausen, bauordnungsamt""",
  topics=[O], authority="16069", cat="ozg_lower", link="lra_vs_town_name")

M("ilse.wolfram@saalfeld.de", "AW: Passwortrichtlinie", """Vielen Dank für die Hinweise zur Passwortrichtlinie, das setzen wir um.

Jetzt noch eine ganz andere Frage: Müssen wir nach dem OZG auch die Anmeldung zur Eheschließung online anbieten, oder ist das Standesamt davon ausgenommen?

Ilse Wolfram
Stadtverwaltung Saalfeld/Saale
Markt 1, 07318 Saalfeld/Saale

""" + quoted("Am 20.02.2026 schrieb Kompetenzzentrum Verwaltung 4.0:", """Sehr geehrte Frau Wolfram,
zur Passwortrichtlinie empfehlen wir die Orientierung am IT-Grundschutz-Baustein ORP.4.
Eine Mindestlänge von 12 Zeichen ... Informationssicherheit ..."""),
  name="Ilse Wolfram", topics=[O], authority="16073077", cat="ozg_reply_other_topic", link="town_domain_sig")

M("meldeamt@vg.badtennstedt.de", "WG: Frage des Bürgermeisters Ballhausen", """Hallo, ich leite Ihnen die Frage des Bürgermeisters der Gemeinde Ballhausen weiter, wir kümmern uns als VG um die Umsetzung für Ballhausen. Gruß S. Nitzsche, VG Bad Tennstedt

""" + outlook_fwd("Bürgermeister Ballhausen <bgm.ballhausen@t-online.de>", "Freitag, 6. März 2026 19:40", "meldeamt@vg.badtennstedt.de",
  "Online-Anträge", """Hallo Frau Nitzsche,
die Leute im Dorf fragen, warum man bei uns die Anwohnerparkkarte noch nicht online beantragen
kann. Müssen wir das nach dem Onlinezugangsgesetz nicht längst anbieten?
Gruß aus Ballhausen"""), name="Sabine Nitzsche", topics=[O], authority="16064005", cat="ozg_fwd",
  link="vg_one_member")

M("friedhof@nesse-apfelstaedt.de", "Online-Antrag Friedhof Pflicht?", """Guten Tag,

müssen wir als Gemeinde für die Vergabe von Grabstellen einen Online-Antrag nach dem Onlinezugangsgesetz anbieten? Unser Gemeinderat möchte wissen, ob das eine Pflichtaufgabe ist und bis wann.

Mit freundlichen Grüßen
Ute Schäfer
Gemeindeverwaltung Nesse-Apfelstädt
Friedhofsverwaltung""", name="Ute Schäfer", topics=[O], authority="16067087", cat="ozg", link="town_domain_sig",
  charset="iso-8859-1", cte="quoted-printable", legacy_subject=True)

M("servicedesk@kds-saaleland.de", "Im Auftrag der Stadt Kahla: Anbindung Gewerbeanmeldung an BundID", """Sehr geehrte Damen und Herren,

im Auftrag der Stadt Kahla, für die wir das Gewerbefachverfahren betreiben, fragen wir an, welche Schnittstelle für die Übergabe der Gewerbeanmeldung aus dem Landesportal an das Fachverfahren vorgesehen ist (XGewerbe über FIT-Connect?). Die Stadt möchte den Dienst zum 1. Juli anbieten.

Mit freundlichen Grüßen
Denis Krug
KDS Saaleland GmbH – Kommunaler IT-Dienstleister
Servicedesk""", name="KDS Servicedesk", topics=[O], authority="16074044", cat="ozg", link="provider_on_behalf")

M("sabine.grimmer@gmx.de", "Kfz-Zulassung online im Saale-Holzland-Kreis?", """Sehr geehrte Damen und Herren,

als Mitglied des Kreistages des Saale-Holzland-Kreises möchte ich wissen, wie weit der Landkreis mit der Umsetzung des Onlinezugangsgesetzes ist. Ist die Kfz-Zulassung dort schon vollständig online möglich, und welche Leistungen des Landratsamtes fehlen noch?

Freundliche Grüße
Sabine Grimmer""", name="Sabine Grimmer", topics=[O], authority="16074", cat="ozg", link="kreistag_freemail")

M("verwaltung@vg-schwarzatal.de", "Online-Dienste für Cursdorf und Deesbach", """Guten Tag,

für unsere Mitgliedsgemeinden Cursdorf und Deesbach sollen die Anträge auf Sondernutzung und auf Straßenaufbruch online gestellt werden können. Welche Leistungen aus dem OZG-Katalog sind das, und gibt es fertige Dienste?

Viele Grüße
Nicole Straube
VG Schwarzatal""", name="Nicole Straube", topics=[O], authority="160735012", cat="ozg", link="vg_several")

M("bauamt@blankenhain.de", "Bauantrag online", """Ist der digitale Bauantrag jetzt Pflicht für uns als Stadt, oder macht das nur der Landkreis?

Gesendet von Outlook für Android""", topics=[O], authority="16071008", cat="ozg_mobile", link="town_domain_only")

M("rechtsamt@altenburgerland.de", "OZG 2.0 – elektronische Bekanntgabe von Bescheiden", """Sehr geehrte Damen und Herren,

nach dem geänderten Onlinezugangsgesetz sollen Bescheide künftig elektronisch über das Postfach der BundID bekanntgegeben werden können. Müssen wir als Landratsamt das für alle digital beantragten Leistungen ermöglichen, und ab wann gilt das „Once-Only“-Prinzip verbindlich für uns?

Mit freundlichen Grüßen
Dr. Peter Krautwurst
Landratsamt Altenburger Land, Rechtsamt
Lindenaustraße 9, 04600 Altenburg""", name="Dr. Peter Krautwurst", topics=[O], authority="16077", cat="ozg",
  link="lra", charset="windows-1252", cte="8bit")

M("POSTSTELLE@Stadt-Heringen.de", "OZG Leistungen Heringen", """Sehr geehrte Damen und Herren,
welche OZG-Leistungen muss die Stadt Heringen/Helme selbst umsetzen und welche stellt das Land bereit?
Mit freundlichen Grüßen
Poststelle""", topics=[O], authority="16062064", cat="ozg", link="generic_mailbox_case")

M("rathaus@dingelstaedt.de", "Meldebescheinigung online", """Bis wann müssen wir die Meldebescheinigung online anbieten? Unsere Software kann das angeblich schon, aber wir wissen nicht, ob wir es müssen.""",
  topics=[O], authority="16061118", cat="ozg_terse", link="generic_mailbox_only")

M("standesamt@zeulenroda-triebes.de", "Digitales Standesamt für alle drei Gemeinden", """Sehr geehrte Damen und Herren,

die Stadt Zeulenroda-Triebes ist erfüllende Gemeinde für Langenwolschendorf und Weißendorf. Für uns und beide Gemeinden wollen wir die Beantragung von Personenstandsurkunden online anbieten. Ist dafür ein gemeinsamer Onlinedienst zulässig, und wie wird die Zuständigkeit im Portal abgebildet?

Mit freundlichen Grüßen
Heiko Dietel
Standesamt Zeulenroda-Triebes""", name="Heiko Dietel", topics=[O], authority="160765054", cat="ozg", link="eg_for_all")

M("digital@gera.de", "Reifegrad 3", """Frage zur Umsetzung OZG Reifegrad 3 bei der Anwohnerparkberechtigung – wer kann uns beraten?

Stadt Gera, Stabsstelle Digitalisierung""", topics=[O], authority="16052000", cat="ozg_terse", link="city_domain")

M("k.rebhan.frankenblick@gmail.com", "Fwd: Newsletter Digitale Verwaltung Thüringen", """Was heißt das konkret für uns als kleine Gemeinde? Müssen wir da jetzt etwas tun?

Klaus Rebhan
Marktplatz 3, 96528 Frankenblick

""" + gmail_fwd("Digitale Verwaltung Thüringen <newsletter@digitale-verwaltung-th.example>", "Di., 10. März 2026 um 09:00",
  "k.rebhan.frankenblick@gmail.com", "Newsletter März 2026", """Liebe Leserinnen und Leser,
mit dem OZG-Änderungsgesetz gelten neue Pflichten für Länder und Kommunen. Ende 2028 ...
Abmelden: hier klicken"""), name="Klaus Rebhan", topics=[O], authority="16072023", cat="ozg_fwd",
  link="freemail_address")

M("elterngeld@lrandh.de", "Elterngeld digital – Zuständigkeit Landkreis", """Guten Tag,

das Landratsamt Nordhausen möchte wissen, ob beim Elterngeld Digital die Anbindung über das Land erfolgt oder ob wir als Landkreis selbst einen Onlinedienst bereitstellen müssen.

Mit freundlichen Grüßen
Landratsamt Nordhausen
Fachbereich Soziales
Behringstraße 3, 99734 Nordhausen""", topics=[O], authority="16062", cat="ozg", link="lra_vs_town_name")

M("buergerbuero@nordhausen.de", "Terminvereinbarung online als OZG-Leistung?", """Hallo,

zählt die Online-Terminvereinbarung im Bürgerbüro als OZG-Leistung, oder ist das nur ein Zusatzangebot? Wir müssen das in unserem Umsetzungsbericht an den Stadtrat angeben.

Grüße
Stadtverwaltung Nordhausen – Bürgerbüro
Markt 1, 99734 Nordhausen""", topics=[O], authority="16062041", cat="ozg", link="town_vs_kreis_name")

M("info@gemeinde-hoersel.de", "Onlinedienste Kita-Anmeldung", """Guten Tag, müssen wir die Kita-Platz-Anmeldung als Gemeinde online anbieten oder ist das freiwillig? Viele Grüße, Gemeinde Hörsel, Hauptamt""",
  topics=[O], authority="16067088", cat="ozg_terse", link="town_domain_sig", style="alt")


# ---------------------------------------------------------------- 4. eligibility (ThürEGovRL, ThürFAG)

M("kaemmerei@vgem-koelleda.de", "Telefonanlage förderfähig?", """Sehr geehrte Damen und Herren,

die Verwaltungsgemeinschaft Kölleda muss ihre Telefonanlage erneuern und auf eine cloudbasierte Lösung umstellen. Ist das nach der ThürEGovRL förderfähig, oder fällt das unter normale Ersatzbeschaffung?

Mit freundlichen Grüßen
Kerstin Baumbach
VG Kölleda, Kämmerei""", name="Kerstin Baumbach", topics=[E], authority="160685006", cat="elig", link="vg_self")

M("kaemmerei@gemeinde-drei-gleichen.de", "Förderquote", """Förderquote ThürEGovRL für Gemeinden unter 10.000 Einwohner? Danke.
Gemeinde Drei Gleichen, Kämmerei""", topics=[E], authority="16067089", cat="elig_terse", link="eg_own")

M("finanzen@rudolstadt.de", "Investitionspauschale ThürFAG für Digitalisierung", """Guten Tag,

können wir Mittel aus der Investitionspauschale nach dem ThürFAG auch für die Beschaffung eines Dokumentenmanagementsystems einsetzen, und lässt sich das mit einer Förderung nach der E-Government-Richtlinie kombinieren?

Mit freundlichen Grüßen
Steffen Kanis
Stadtverwaltung Rudolstadt, Finanzverwaltung
Markt 7, 07407 Rudolstadt""", name="Steffen Kanis", topics=[E], authority="16073076", cat="elig_fag",
  link="town_domain_sig")

M("info@vg-heldburgerunterland.de", "antragsfrist verpasst?? ummerstadt", """hallo wir haben für die stadt ummerstadt die antragsfrist für die thüregovrl glaube ich verpasst, kann man noch was einreichen oder ist das jahr gelaufen??? der bürgermeister ist ziemlich sauer

anja fröbel
vg heldburger unterland""", name="Anja Fröbel", topics=[E], authority="16069052", cat="elig_lower",
  link="vg_one_member")

M("foerdermittel@rathaus-eisenberg.de", "Sammelantrag für Eisenberg und beauftragende Gemeinden", """Sehr geehrte Damen und Herren,

die Stadt Eisenberg als erfüllende Gemeinde möchte für sich und ihre beauftragenden Gemeinden Gösen, Hainspitz, Mertendorf, Petersberg und Rauschwitz einen gemeinsamen Förderantrag nach der ThürEGovRL für die Einführung der E-Akte stellen. Ist ein Sammelantrag zulässig, und wird der Förderhöchstbetrag dann je Gemeinde berechnet?

Mit freundlichen Grüßen
Mandy Wedekind
Stadtverwaltung Eisenberg – Fördermittelmanagement
Markt 27, 07607 Eisenberg""", name="Mandy Wedekind", topics=[E], authority="160745052", cat="elig", link="eg_for_all")

M("kaemmerei@rathaus-eisenberg.de", "Hainspitz – Förderung Ratsinformationssystem", """Guten Tag,

für die Gemeinde Hainspitz (wir sind ihre erfüllende Gemeinde) stellt sich die Frage, ob die Einführung eines Ratsinformationssystems mit Tablets für den Gemeinderat förderfähig ist. Hainspitz hätte gern bis zum Sommer Bescheid.

Viele Grüße
Jörg Lommatzsch
Stadt Eisenberg, Kämmerei""", name="Jörg Lommatzsch", topics=[E], authority="16074037", cat="elig", link="eg_one_member")

M("foerderservice@kommunal-it-suedthueringen.de", "Förderantrag E-Akte Gemeinde Grabfeld", """Sehr geehrte Damen und Herren,

wir bereiten als IT-Dienstleister für die Gemeinde Grabfeld den Förderantrag für die Einführung der E-Akte vor. Dürfen die Kosten für Schulung und Migration der Altakten mit beantragt werden, oder nur Lizenzen und Hardware?

Mit freundlichen Grüßen
Kommunal-IT Südthüringen GmbH
Förderservice""", topics=[E], authority="16066094", cat="elig", link="provider_on_behalf")

M("r.zimmermann.kreistag@web.de", "Fördermittel für die E-Akte im Landratsamt?", """Guten Tag,

ich bin Kreistagsmitglied im Wartburgkreis. Hat der Landkreis für die Einführung der E-Akte im Landratsamt Fördermittel des Landes beantragt oder bekommen? Im Haushalt taucht dazu nichts auf.

Mit freundlichen Grüßen
Rainer Zimmermann""", name="Rainer Zimmermann", topics=[E], authority="16063", cat="elig", link="kreistag_freemail")

M("foerdermittel@altenburg.de", "Kombination Landes- und Bundesmittel", """Sehr geehrte Damen und Herren,

ist es zulässig, eine Förderung nach der Thüringer E-Government-Richtlinie mit Bundesmitteln aus einem anderen Programm für dasselbe Vorhaben (Digitalisierung des Bürgerservice) zu kombinieren, wenn die Gesamtförderung 90 % nicht übersteigt?

Mit freundlichen Grüßen
Daniela Mehlhorn
Stadtverwaltung Altenburg, Fördermittelmanagement
Markt 1, 04600 Altenburg""", name="Daniela Mehlhorn", topics=[E], authority="16077001", cat="elig",
  link="town_domain_sig", style="html", charset="windows-1252", cte="quoted-printable")

M("foerdermittel@lra-sm.de", "Verwendungsnachweis – Fristverlängerung", """Guten Tag,

für unsere Förderung nach der ThürEGovRL (E-Rechnung im Landratsamt) läuft die Frist für den Verwendungsnachweis Ende April ab. Wegen Lieferverzug des Anbieters schaffen wir das nicht. Kann die Frist verlängert werden, und was müssen wir dafür einreichen?

Mit freundlichen Grüßen
Ramona Kessler
Landratsamt Schmalkalden-Meiningen
Obertshäuser Platz 1, 98617 Meiningen""", name="Ramona Kessler", topics=[E], authority="16066", cat="elig",
  link="lra_seat_address", cte="base64")

M("juergen.heym@t-online.de", "zuschuss laptop", """gibt's da eigentlich einen zuschuss vom land wenn wir für das gemeindebüro einen laptop und einen scanner kaufen? oder müssen wir das selber zahlen

j. heym
bürgermeister der gemeinde ahlstädt""", topics=[E], authority="16069001", cat="elig_lower", link="freemail_mayor")

M("kaemmerei@leutenberg.de", "Eigenanteil", """Wie hoch ist bei der Digitalisierungsförderung des Landes der Eigenanteil für eine Stadt wie unsere? 

Stadtverwaltung Leutenberg, Kämmerei

Von meinem Samsung Galaxy gesendet""", topics=[E], authority="16073106", cat="elig_mobile", link="town_domain_sig")

M("Gemeinde@Kyffhaeuserland.de", "ThürFAG Mehrbelastungsausgleich", """Sehr geehrte Damen und Herren,

erhalten Gemeinden nach dem ThürFAG einen Ausgleich für die Mehrbelastungen durch die Digitalisierung der Verwaltung, oder gibt es dafür nur die Förderrichtlinie? Uns fehlen im Haushalt rund 40.000 Euro für die Umsetzung.

Mit freundlichen Grüßen
Gemeinde Kyffhäuserland""", topics=[E], authority="16065085", cat="elig_fag", link="generic_mailbox_case")

M("hauptamt@stadtroda.de", "Förderung Dokumentenmanagementsystem", """Sehr geehrte Damen und Herren,

die Stadt Stadtroda plant die Einführung eines Dokumentenmanagementsystems für die eigene Verwaltung. Welche Ausgaben sind nach der ThürEGovRL förderfähig, und dürfen wir vor Erhalt des Bescheides schon Angebote einholen bzw. beauftragen (vorzeitiger Maßnahmebeginn)?

Mit freundlichen Grüßen
Günter Sauerbrey
Hauptamt Stadtroda""", name="Günter Sauerbrey", topics=[E], authority="16074094", cat="elig", link="eg_own",
  charset="iso-8859-1", cte="8bit", legacy_subject=True)

M("kaemmerei@vg-fahner-hoehe.de", "Gemeinsame Beschaffung Dachwig/Döllstädt", """Guten Tag,

die Gemeinden Dachwig und Döllstädt wollen über die VG gemeinsam eine Software für die Sitzungsverwaltung beschaffen. Kann die VG den Förderantrag für beide Gemeinden stellen, oder muss jede Gemeinde einzeln beantragen?

Gruß
Enrico Fleischhauer
VG Fahner Höhe""", name="Enrico Fleischhauer", topics=[E], authority="160675012", cat="elig", link="vg_several")

M("kaemmerei@hirschberg-saale.de", "Fwd: Zuwendungsbescheid – Auszahlung", """Hallo, wir haben den angehängten Bescheid bekommen. Wie rufen wir die Mittel jetzt ab – reicht ein formloses Schreiben, oder gibt es ein Formular für den Mittelabruf?

Tino Scheffel
Stadt Hirschberg, Kämmerei

""" + tb_fwd("Landesverwaltungsamt <foerderung@tlvwa.example>", "05.03.2026, 10:12", "kaemmerei@hirschberg-saale.de",
  "Zuwendungsbescheid E-Government", """Sehr geehrte Damen und Herren,
anbei erhalten Sie den Zuwendungsbescheid für Ihr Vorhaben ..."""), name="Tino Scheffel", topics=[E],
  authority="16075046", cat="elig_fwd", link="town_domain_sig")

M("it@harztor.de", "m365 lizenzen förderfähig?", """kann man cloud-lizenzen (microsoft 365) über die e-government-richtlinie fördern lassen oder nur einmalige anschaffungen? gemeinde harztor, it""",
  topics=[E], authority="16062065", cat="elig_lower", link="town_domain_sig")

M("digitalisierung@kreis-eic.de", "Förderfähigkeit Personalkosten Digitalisierungslotse", """Sehr geehrte Damen und Herren,

sind Personalkosten für eine befristete Stelle „Digitalisierungslotse“ im Landratsamt nach der ThürEGovRL förderfähig? Falls ja, bis zu welcher Entgeltgruppe?

Mit freundlichen Grüßen
Dominik Sander
Landratsamt Eichsfeld, Stabsstelle Digitalisierung
Friedensplatz 8, 37308 Heilbad Heiligenstadt""", name="Dominik Sander", topics=[E], authority="16061", cat="elig",
  link="lra_seat_address")

M("kaemmerei@greiz.de", "E-Rechnung förderfähig?", """Guten Tag, ist die Einführung der E-Rechnung (Eingangsrechnungsworkflow) für die Stadt förderfähig? Danke!

Stadtverwaltung Greiz, Kämmerei
Markt 12, 07973 Greiz""", topics=[E], authority="16076022", cat="elig_terse", link="town_vs_kreis_name")

M("bgm@kaulsdorf-saale.de", "Förderantrag für Kaulsdorf, Altenbeuthen, Drognitz und Hohenwarte", """Sehr geehrte Damen und Herren,

die Gemeinde Kaulsdorf möchte als erfüllende Gemeinde für sich und für die Gemeinden Altenbeuthen, Drognitz und Hohenwarte einen Antrag auf Förderung eines gemeinsamen Bürgerterminals stellen. Wer ist antragsberechtigt, die erfüllende Gemeinde oder jede Gemeinde für sich?

Mit freundlichen Grüßen
Sieglinde Ostermann
Bürgermeisterin der Gemeinde Kaulsdorf""", name="Sieglinde Ostermann", topics=[E], authority="160735051", cat="elig",
  link="eg_for_all")

M("verwaltung@suedeichsfeld.de", "Förderantrag", """Bitte um Rückruf wegen unseres Förderantrags nach der ThürEGovRL. Tel. 036026 90 15.""",
  topics=[E], authority="16064074", cat="elig_terse", link="town_domain_only")

M("f.wendt@stadt-ronneburg.de", "Frage zur Förderung Digitalisierung Bauhof", """Sehr geehrte Damen und Herren,

wir möchten unseren Bauhof mit Tablets und einer App für Auftragsverwaltung und Meldungen aus der Bürger-App ausstatten. Ist so etwas nach der E-Government-Richtlinie förderfähig, oder gehört das nicht zur Verwaltungsdigitalisierung?

Mit freundlichen Grüßen
Franziska Wendt
Stadtverwaltung Ronneburg""", name="Franziska Wendt", topics=[E], authority="16076061", cat="elig", link="town_domain_sig")


# ---------------------------------------------------------------- 5. two (or three) topics

M("hauptamt@vg-ranis-ziegenrueck.de", "Firewall und Backup nach Vorfall – förderfähig?", """Sehr geehrte Damen und Herren,

nach dem Verschlüsselungsvorfall im vergangenen Herbst, der seit November vollständig abgeschlossen ist, möchte die Verwaltungsgemeinschaft eine neue Firewall und ein getrenntes Backup-System (offline, unveränderbar) beschaffen. Ist das nach der ThürEGovRL förderfähig, und welche Sicherheitsanforderungen muss die Lösung erfüllen?

Mit freundlichen Grüßen
Uwe Pohlers
VG Ranis-Ziegenrück
Pößnecker Straße 37, 07389 Ranis""", name="Uwe Pohlers", topics=[E, S], authority="160755013",
  cat="multi_funding_after_incident", link="vg_self")

M("isb@muehlhausen.de", "ISMS-Einführung nach dem Vorfall", """Guten Tag,

der Phishing-Vorfall vom Januar ist ausgewertet und abgeschlossen. Der Stadtrat hat beschlossen, ein ISMS nach BSI-Grundschutz einzuführen. Können externe Beratungskosten dafür gefördert werden? Und gibt es vom Land ein empfohlenes Vorgehensmodell?

Beste Grüße
Oliver Schwanitz
Informationssicherheitsbeauftragter
Stadtverwaltung Mühlhausen/Thüringen""", name="Oliver Schwanitz", topics=[E, S], authority="16064046",
  cat="multi_funding_after_incident", link="town_domain_sig")

M("personal@georgenthal.de", "Awareness-Training – Zuschuss?", """Hallo,

nachdem letzten Monat zwei Kolleginnen auf eine Phishing-Mail hereingefallen sind (Konten sofort gesperrt, kein Schaden), möchten wir für alle 30 Beschäftigten ein Awareness-Training buchen. Gibt es dafür einen Zuschuss vom Land?

Gruß
Anke Reinhold
Gemeinde Georgenthal, Personalamt""", name="Anke Reinhold", topics=[E, S], authority="16067092",
  cat="multi_funding_after_incident", link="eg_own")

M("it-sicherheit@landkreis-greiz.de", "Förderung Ausweichrechenzentrum", """Sehr geehrte Damen und Herren,

der Cyberangriff auf das Landratsamt 2025 hat gezeigt, dass wir ein Ausweichrechenzentrum brauchen. Die Wiederherstellung ist abgeschlossen. Ist der Aufbau eines georedundanten Backups nach der ThürEGovRL förderfähig, und welche BSI-Anforderungen wären nachzuweisen?

Mit freundlichen Grüßen
Landratsamt Greiz
Fachdienst IT und Informationssicherheit
Dr.-Rathenau-Platz 11, 07973 Greiz""", topics=[E, S], authority="16076", cat="multi_funding_after_incident",
  link="lra_vs_town_name")

M("ordnungsamt@vg-laendereck.de", "Gewerbeanmeldung online – Förderung der Anbindung?", """Sehr geehrte Damen und Herren,

die Verwaltungsgemeinschaft muss die Gewerbeanmeldung nach dem OZG online anbieten. Wird die Anbindung des Landesdienstes an unser Gewerbefachverfahren gefördert, und bis wann muss der Dienst laufen?

Freundliche Grüße
Katja Zeuner
VG Ländereck, Ordnungsamt
Seelingstädt""", name="Katja Zeuner", topics=[O, E], authority="160765004", cat="multi", link="vg_self")

M("gewerbe@bad-frankenhausen.de", "AW: Gewerbeanmeldung über das Landesportal", """Danke für die schnelle Antwort. Und wird die Anbindung des Onlinedienstes Gewerbeanmeldung an unser Fachverfahren vom Land gefördert? Die Schnittstelle kostet laut Angebot 6.800 Euro.

Steffi Krauß
Stadt Bad Frankenhausen/Kyffhäuser

""" + quoted("Am 24.02.2026 um 15:02 schrieb Kompetenzzentrum Verwaltung 4.0 <kompetenzzentrum@tfm.thueringen.de>:", """Sehr geehrte Frau Krauß,
die Gewerbeanmeldung steht als EfA-Dienst über das Landesportal zur Verfügung. Für die Anbindung
benötigen Sie ..."""), name="Steffi Krauß", topics=[O, E], authority="16065003", cat="multi_followup", link="town_domain_sig")

M("digitalisierung@heiligenstadt.de", "Sicherheitskonzept für Onlinedienste", """Sehr geehrte Damen und Herren,

wir stellen nach dem OZG fünf eigene Onlinedienste bereit (Formularserver im eigenen Rechenzentrum). Brauchen wir dafür ein eigenes Sicherheitskonzept nach BSI, und welche Schutzbedarfe gelten für Anträge mit Meldedaten?

Mit freundlichen Grüßen
Tobias Hunold
Stadtverwaltung Heilbad Heiligenstadt
Stabsstelle Digitalisierung
Aegidienstraße 7, 37308 Heilbad Heiligenstadt""", name="Tobias Hunold", topics=[O, S], authority="16061045", cat="multi", link="town_domain_sig")

M("it@unstrut-hainich-kreis.de", "FIT-Connect: Zertifikate und Verschlüsselung", """Hallo,

für die Anbindung unserer OZG-Onlinedienste über FIT-Connect müssen wir Verschlüsselungszertifikate erzeugen. Wer im Landratsamt darf die privaten Schlüssel verwalten, und wie sollen sie nach Informationssicherheitsvorgaben gesichert werden?

Gruß
Nico Wagenknecht
Landratsamt Unstrut-Hainich-Kreis, IT
Lindenbühl 28/29, 99974 Mühlhausen""", name="Nico Wagenknecht", topics=[O, S], authority="16064", cat="multi",
  link="lra_seat_address")

M("hauptamt@koenigsee.de", "OZG-Umsetzung und Förderung", """Sehr geehrte Damen und Herren,

die Stadt Königsee möchte in diesem Jahr die Leistungen Meldebescheinigung, Hundesteuer und Sondernutzung online anbieten. Erstens: Welche davon sind Pflicht nach dem OZG? Zweitens: Können wir für die Einführung Fördermittel nach der ThürEGovRL beantragen?

Mit freundlichen Grüßen
Marlies Seyfarth
Stadt Königsee, Hauptamt""", name="Marlies Seyfarth", topics=[O, E], authority="16073112", cat="multi", link="eg_own")

M("bgm.witterda@web.de", "virenschutz förderung", """hallo, gibt es förderung für virenschutz und eine firewall im gemeindebüro? der alte router ist von 2012 und ich mache mir sorgen wegen hackern

gruß
k. seifert
bürgermeister der gemeinde witterda""", topics=[E, S], authority="16068061", cat="multi_lower", link="freemail_mayor")

M("helga.tauscher@gmx.net", "OZG im Landkreis und Fördermittel", """Sehr geehrte Damen und Herren,

als Kreistagsmitglied des Weimarer Landes frage ich: Welche Leistungen muss das Landratsamt nach dem OZG online anbieten, und hat der Landkreis dafür Fördermittel nach der ThürEGovRL beantragt?

Helga Tauscher
Mitglied des Kreistages Weimarer Land""", name="Helga Tauscher", topics=[O, E], authority="16071", cat="multi",
  link="kreistag_freemail")

M("webmaster@apolda.de", "Hosting der Online-Formulare", """Sehr geehrte Damen und Herren,

wir wollen unsere OZG-Formulare nicht mehr beim bisherigen Webhoster betreiben, weil dort keine Angaben zur Informationssicherheit gemacht werden. Welche Sicherheitsanforderungen muss ein Hoster für kommunale Onlinedienste erfüllen (C5, ISO 27001)?

Mit freundlichen Grüßen
Stadtverwaltung Apolda
Webredaktion""", topics=[O, S], authority="16071001", cat="multi", link="town_domain_sig", style="html")

M("hauptamt@lindenberg-eichsfeld.de", "Teistungen: Verschlüsselung nach Diebstahl – Förderung", """Guten Tag,

für die Gemeinde Teistungen: Nach dem Einbruch ins Gemeindebüro im Januar (Laptop gestohlen, Festplatte war verschlüsselt, kein Datenverlust, Anzeige erstattet) soll für alle Geräte der Gemeinde eine Festplattenverschlüsselung und eine zentrale Sicherung eingeführt werden. Ist das förderfähig?

Mit freundlichen Grüßen
Sebastian Kellner
VG Lindenberg/Eichsfeld""", name="Sebastian Kellner", topics=[E, S], authority="16061114",
  cat="multi_funding_after_incident", link="vg_one_member", charset="iso-8859-1", cte="base64", legacy_subject=True)

M("vertrieb@kommunalsoft-sachsen.de", "Im Auftrag der Stadt Lucka: Förderantrag OZG-Anbindung", """Sehr geehrte Damen und Herren,

im Auftrag der Stadt Lucka fragen wir, ob die Anbindung der Fachverfahren an die OZG-Onlinedienste über die ThürEGovRL gefördert werden kann. Wir betreuen die Stadt als Dienstleister; die Stadt hat uns beauftragt, diese Frage für sie zu klären. Welche OZG-Leistungen muss die Stadt dafür zuerst umsetzen?

Mit freundlichen Grüßen
Kommunalsoft Sachsen GmbH
Dr. Wieland Otto
Leipziger Straße 90, 04109 Leipzig""", name="Dr. Wieland Otto", topics=[O, E], authority="16077028", cat="multi",
  link="provider_on_behalf")

M("kontakt@westerwald-obereichsfeld.de", "Servicekonto und Schutzbedarf", """Guten Tag,

für unsere fünf Mitgliedsgemeinden sollen Bürger künftig Anträge über das Servicekonto stellen. Müssen wir dafür als VG eine Schutzbedarfsfeststellung machen, und ist das Servicekonto für Anträge mit Gesundheitsdaten zugelassen?

Freundliche Grüße
VG Westerwald-Obereichsfeld""", topics=[O, S], authority="160615013", cat="multi", link="vg_several")

M("isms@itdl-thueringen-nord.de", "Förderung ISMS-Tool für die Gemeinde Unstruttal", """Sehr geehrte Damen und Herren,

im Auftrag der Gemeinde Unstruttal möchten wir wissen, ob die Lizenz für ein ISMS-Werkzeug (Grundschutz-Modellierung) und unsere Beratung beim Aufbau des Sicherheitsmanagements gefördert werden können.

Mit freundlichen Grüßen
ITDL Thüringen Nord eG
Team Informationssicherheit""", topics=[E, S], authority="16064071", cat="multi", link="provider_on_behalf")

M("buergermeister@sondershausen.de", "Bitte um Beratungstermin", """Sehr geehrte Damen und Herren,

ich bitte um einen Beratungstermin für die Stadtverwaltung Sondershausen zu drei Themen: den noch fehlenden OZG-Leistungen im Bürgerservice, den Fördermöglichkeiten nach der ThürEGovRL für dieses Jahr und dem Aufbau unseres Informationssicherheitsmanagements (ISB, Leitlinie).

Mit freundlichen Grüßen
Steffen Grünewald
Bürgermeister der Stadt Sondershausen""", name="Steffen Grünewald", topics=[O, E, S], authority="16065067",
  cat="multi_three", link="town_mayor_sig")

M("bgm@schleusingen.de", "WG: Anfrage aus dem Stadtrat", """Können Sie mir bei der Beantwortung helfen? Ich brauche das bis zur nächsten Sitzung.

Mit freundlichen Grüßen
Bürgermeister der Stadt Schleusingen

""" + tb_fwd("Fraktion Bürger für Schleusingen <fraktion.bfs@example.org>", "09.03.2026, 21:15", "bgm@schleusingen.de",
  "Anfrage Digitalisierung", """Sehr geehrter Herr Bürgermeister,
1. Welche Verwaltungsleistungen der Stadt sind nach dem Onlinezugangsgesetz bereits online?
2. Welche Fördermittel des Landes für die Digitalisierung wurden beantragt, welche wären möglich?
Mit freundlichen Grüßen
Fraktion BfS"""), topics=[O, E], authority="16069043", cat="multi_fwd", link="town_mayor_sig")

M("kaemmerei@artern.de", "Kosten Wiederherstellung nachträglich förderfähig?", """Sehr geehrte Damen und Herren,

der Angriff auf unsere Verwaltung im Februar ist überstanden, alle Systeme laufen wieder. Die Wiederherstellung hat rund 80.000 Euro gekostet (Dienstleister, neue Server). Kann das nachträglich gefördert werden, oder nur künftige Schutzmaßnahmen wie eine Firewall?

Mit freundlichen Grüßen
Stadt Artern, Kämmerei
Markt 14, 06556 Artern""", topics=[E, S], authority="16065086", cat="multi_funding_after_incident", link="eg_own")

M("rathaus@lauscha.de", "formular verschlüsselt?", """muss das online formular eigentlich verschlüsselt übertragen werden? das ozg sagt ja wir müssen es online anbieten aber unser webdesigner meint http reicht

Gesendet von meinem iPhone""", topics=[O, S], authority="16072011", cat="multi_mobile", link="generic_mailbox_only")

M("buergerservice@gotha.de", "EfA-Dienste und Förderung", """Guten Tag,

die Stadt Gotha möchte drei EfA-Dienste des Landes nachnutzen (Anwohnerparken, Fundsachen, Sondernutzung). Müssen wir die nach dem OZG übernehmen, und fördert das Land die Einführungskosten?

Mit freundlichen Grüßen
Stadtverwaltung Gotha, Bürgerservice
Hauptmarkt 1, 99867 Gotha""", topics=[O, E], authority="16067029", cat="multi", link="town_vs_kreis_name")

M("kreisentwicklung@lkson.de", "Förderung Awareness-Kampagne für die Kommunen im Landkreis", """Sehr geehrte Damen und Herren,

das Landratsamt Sonneberg möchte für die Gemeinden des Landkreises eine gemeinsame Awareness-Kampagne zur Informationssicherheit organisieren (Schulungen, Phishing-Simulation). Kann der Landkreis dafür Fördermittel erhalten?

Mit freundlichen Grüßen
Landratsamt Sonneberg
Kreisentwicklung
Bahnhofstraße 66, 96515 Sonneberg""", topics=[E, S], authority="16072", cat="multi", link="lra_vs_town_name",
  charset="windows-1252", cte="quoted-printable")

M("hauptamt@goessnitz.de", "Onlinedienste für Gößnitz, Heyersdorf und Ponitz", """Sehr geehrte Damen und Herren,

die Stadt Gößnitz möchte als erfüllende Gemeinde für sich und ihre beauftragenden Gemeinden Heyersdorf und Ponitz die OZG-Leistungen des Einwohnerwesens online anbieten. Können wir dafür einen gemeinsamen Förderantrag stellen?

Mit freundlichen Grüßen
Ronald Teichmann
Hauptamtsleiter, Stadt Gößnitz""", name="Ronald Teichmann", topics=[O, E], authority="160775050", cat="multi",
  link="eg_for_all")

M("kaemmerei@bleicherode.de", "Kleinfurra – Firewall förderfähig?", """Hallo,

für die Gemeinde Kleinfurra, deren Verwaltungsgeschäfte wir als erfüllende Gemeinde führen, soll das Gemeindebüro eine eigene Firewall bekommen, weil der Internetanschluss bisher ungeschützt ist. Ist das förderfähig?

Viele Grüße
Heike Rödiger
Stadt Bleicherode, Kämmerei""", name="Heike Rödiger", topics=[E, S], authority="16062026", cat="multi",
  link="eg_one_member")

M("it@rhoenblick.de", "FIT-Connect Pflicht und Transportverschlüsselung", """Guten Tag,

müssen wir für die OZG-Dienste zwingend FIT-Connect verwenden, und genügt dabei die Transportverschlüsselung, oder verlangt das Land eine Ende-zu-Ende-Verschlüsselung der Anträge?

Gruß
Gemeinde Rhönblick, IT""", topics=[O, S], authority="16066093", cat="multi", link="town_domain_sig")

M("Rathaus@Gemeinde-Elxleben.de", "OZG und Förderung", """Sehr geehrte Damen und Herren,

welche OZG-Leistungen müssen wir als Gemeinde umsetzen, und gibt es dafür Fördermittel?

Mit freundlichen Grüßen
Gemeindeverwaltung Elxleben""", topics=[O, E], authority="16068009", cat="multi", link="generic_mailbox_case_duplicate_name")

M("bauamt@treffurt.de", "Austausch Windows-10-Rechner und Firewall – Förderung?", """Hallo,

wir müssen 22 Rechner ersetzen, die noch mit Windows 10 laufen und keine Sicherheitsupdates mehr bekommen, und gleichzeitig die Firewall erneuern. Fördert das Land so etwas?

Gruß
Stadtverwaltung Treffurt""", topics=[E, S], authority="16063076", cat="multi_win10_funding", link="town_domain_sig")


# ---------------------------------------------------------------- 6. no topic (negatives) and traps

M("hauptamt@vg-seenplatte.de", "Danke – Förderbescheid ist da", """Sehr geehrte Damen und Herren,

vielen Dank für Ihre Unterstützung bei unserem Förderantrag. Der Bescheid ist heute eingegangen, wir können loslegen. Das hat uns sehr geholfen!

Herzliche Grüße aus Oettersdorf
Verwaltungsgemeinschaft Seenplatte""", topics=[], authority="160755004", cat="neg_thanks_funding", link="vg_self")

M("kaemmerei@bad-lobenstein.de", "Abschluss Vorhaben E-Akte – Mitteilung", """Sehr geehrte Damen und Herren,

hiermit teilen wir mit, dass das mit Mitteln nach der ThürEGovRL geförderte Vorhaben „Einführung E-Akte“ planmäßig zum 28.02.2026 abgeschlossen wurde. Der Verwendungsnachweis wurde fristgerecht beim Landesverwaltungsamt eingereicht. Eine Rückmeldung Ihrerseits ist nicht erforderlich.

Mit freundlichen Grüßen
Stadt Bad Lobenstein, Kämmerei
Graben 18, 07356 Bad Lobenstein""", topics=[], authority="16075062", cat="neg_report_funding", link="town_domain_sig")

M("buergermeister@weida.de", "Danke für den Workshop", """Liebe Kolleginnen und Kollegen,

herzlichen Dank für den gestrigen Workshop zu den Förderprogrammen. Die Unterlagen haben wir erhalten, Fragen haben wir im Moment keine.

Beste Grüße
Heiko Stöckel
Bürgermeister der Stadt Weida""", name="Heiko Stöckel", topics=[], authority="16076079", cat="neg_thanks_funding",
  link="eg_own", style="html")

M("bauamt@gramme-vippach.de", "Förderung Ortsdurchfahrt Großrudestedt", """Guten Tag,

für die Gemeinde Großrudestedt fragen wir an, ob die Sanierung der Ortsdurchfahrt (Gehwege und Straßenentwässerung) gefördert werden kann und ob der Antrag über Ihr Haus oder das Landesamt für Bau und Verkehr läuft.

Mit freundlichen Grüßen
René Apel
VG Gramme-Vippach, Bauamt""", name="René Apel", topics=[], authority="16068021", cat="neg_unrelated_funding",
  link="vg_one_member")

M("ordnungsamt@tanna.de", "Zuschuss Löschfahrzeug", """Sehr geehrte Damen und Herren, gibt es für die Beschaffung eines neuen Löschgruppenfahrzeugs für unsere Ortsteilfeuerwehr einen Zuschuss vom Land, und wo stellen wir den Antrag? Mit freundlichen Grüßen, Stadt Tanna, Ordnungsamt""",
  topics=[], authority="16075132", cat="neg_unrelated_funding", link="town_domain_sig")

M("lindewerra.bgm@t-online.de", "dorferneuerung", """hallo, wir wollen das alte backhaus sanieren, gibts dafür geld aus der dorferneuerung oder leader? wer ist da zuständig

e. hartung
bürgermeister der gemeinde lindewerra""", topics=[], authority="16061066", cat="neg_unrelated_funding",
  link="freemail_mayor")

M("bauamt@dermbach.de", "Förderung Sportplatz", """Guten Tag,

die Gemeinde Dermbach möchte den Sportplatz mit einer neuen Flutlichtanlage ausstatten. Welche Förderprogramme für Sportstätten kommen infrage?

Mit freundlichen Grüßen
Gemeinde Dermbach, Bauamt""", topics=[], authority="16063015", cat="neg_unrelated_funding", link="eg_own")

M("ordnungsamt@wutha-farnroda.de", "Verkehrssicherheit Schulweg", """Sehr geehrte Damen und Herren,

Eltern beklagen die Verkehrssicherheit auf dem Schulweg an der Eisenacher Straße. Wer ist für eine Geschwindigkeitsbegrenzung zuständig, der Landkreis oder wir?

Mit freundlichen Grüßen
Gemeinde Wutha-Farnroda, Ordnungsamt""", topics=[], authority="16063092", cat="neg_other_sicherheit", link="town_domain_sig")

M("veranstaltungen@bad-blankenburg.de", "Sicherheitskonzept Weihnachtsmarkt", """Hallo, brauchen wir für unseren Weihnachtsmarkt mit ca. 3.000 Besuchern ein eigenes Sicherheitskonzept mit Ordnerdienst, oder reicht die Absprache mit der Polizei? Gruß, Stadt Bad Blankenburg, Veranstaltungsmanagement""",
  topics=[], authority="16073005", cat="neg_other_sicherheit", link="town_domain_sig")

M("INFO@VG-KRANICHFELD.DE", "Arbeitssicherheit Bauhof", """Sehr geehrte Damen und Herren,

wer führt bei uns als Verwaltungsgemeinschaft die Gefährdungsbeurteilung für die Arbeitssicherheit im Bauhof durch, und brauchen wir eine eigene Fachkraft für Arbeitssicherheit?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Kranichfeld""", topics=[], authority="160715007", cat="neg_other_sicherheit",
  link="generic_mailbox_case")

M("steuern@schleusegrund.de", "Grundsteuer Hebesatz", """Guten Tag,

dürfen wir nach der Grundsteuerreform unterschiedliche Hebesätze für Wohn- und Nichtwohngrundstücke festsetzen? Der Gemeinderat möchte das im Haushalt 2026 berücksichtigen.

Mit freundlichen Grüßen
Gemeinde Schleusegrund, Steueramt""", topics=[], authority="16069042", cat="neg_admin", link="town_domain_sig")

M("wahlen@kreis-slf.de", "Briefwahlunterlagen – Versandfristen", """Sehr geehrte Damen und Herren,

für die anstehende Wahl möchten wir wissen, bis wann die Gemeinden die Briefwahlunterlagen spätestens versenden müssen.

Mit freundlichen Grüßen
Landratsamt Saalfeld-Rudolstadt, Kreiswahlleitung
Schloßstraße 24, 07318 Saalfeld/Saale""", topics=[], authority="16073", cat="neg_admin", link="lra_vs_town_name")

M("hauptamt@neustadtanderorla.de", "Hundesteuersatzung", """Guten Tag, dürfen wir in der neuen Hundesteuersatzung eine Ermäßigung für Hunde aus dem Tierheim vorsehen? Mit freundlichen Grüßen, Stadt Neustadt an der Orla, Hauptamt""",
  topics=[], authority="16075073", cat="neg_admin", link="eg_own", charset="iso-8859-1", cte="quoted-printable")

M("susanne.pietsch@gmx.de", "Müllabfuhr", """Hallo, bei uns in der Straße wurde die gelbe Tonne schon zweimal nicht abgeholt. An wen muss ich mich wenden? Danke, S. Pietsch""",
  name="Susanne Pietsch", topics=[], authority=None, cat="neg_citizen", link="citizen_null")

M("heinz.gruenler@web.de", "Straßenbeleuchtung", """Sehr geehrte Damen und Herren,

ich als Anwohner beschwere mich darüber, dass die Straßenlaternen in unserer Straße seit drei Wochen nicht brennen. Die Gemeinde reagiert nicht.

Heinz Grünler
Hauptstraße 3, 99869 Friemar""", name="Heinz Grünler", topics=[], authority=None, cat="neg_citizen",
  link="citizen_with_address")

M("sales@govsecure-solutions.de", "OZG-konform, förderfähig, BSI-zertifiziert: die Komplettlösung für Ihre Kommune", """Sehr geehrte Damen und Herren,

mit GovSecure 5 erfüllen Kommunen alle Pflichten aus dem OZG, sichern ihre Systeme nach BSI-Grundschutz ab und nutzen dafür bis zu 90 % Förderung nach der ThürEGovRL. Über 120 Städte und Gemeinden, darunter die Stadt Arnstadt und die Gemeinde Hörsel, setzen bereits auf unsere Lösung.

Jetzt Demo-Termin vereinbaren!

GovSecure Solutions GmbH · Friedrichstraße 120 · 10117 Berlin
Abmelden: https://govsecure-solutions.de/abmelden""", name="GovSecure Solutions", topics=[], authority=None,
  cat="neg_vendor", link="company_names_customers", style="alt")

M("events@cyberakademie-mitte.de", "Einladung: Webinar Informationssicherheit für Kommunen am 15. April", """Sehr geehrte Damen und Herren,

wir laden Sie herzlich zu unserem kostenfreien Webinar „Ransomware – was tun, wenn es passiert?“ ein. Themen: aktuelle Angriffe, Notfallplanung, Meldepflichten. Anmeldung unter cyberakademie-mitte.de/webinar.

Ihr Team der Cyberakademie Mitte""", topics=[], authority=None, cat="neg_training_invitation", link="company_null",
  style="html")

M("vertrieb@glasfaser-mitte.de", "Angebot Glasfaseranbindung Rathaus", """Sehr geehrte Damen und Herren,

gemeinsam mit der Stadt Ilmenau und der Gemeinde Geratal haben wir 2025 die Glasfaseranbindung der Verwaltungsstandorte umgesetzt. Gern unterbreiten wir auch Ihnen ein Angebot.

Mit freundlichen Grüßen
Glasfaser Mitte GmbH, Vertrieb
Am Stollen 4, 98693 Ilmenau""", topics=[], authority=None, cat="neg_vendor", link="company_partners_in_text")

M("verwaltung@gemeinde-berga-kyffhaeuser.de", "OZG-Umsetzung Frage", """Sehr geehrte Damen und Herren,

welche OZG-Leistungen müssen Gemeinden selbst umsetzen? Wir sind eine kleine Gemeinde und finden dazu nichts.

Mit freundlichen Grüßen
Gemeinde Berga
Lange Straße 8, 06536 Berga (Sachsen-Anhalt)""", topics=[O], authority=None, cat="ozg", link="other_state")

M("wirtschaftsfoerderung@coburg-stadt.de", "Förderung nach ThürEGovRL für bayerische Kommunen?", """Guten Tag,

kann die Stadt Coburg als Nachbarkommune an einem gemeinsamen Digitalisierungsprojekt mit Thüringer Gemeinden teilnehmen und dafür Fördermittel nach der ThürEGovRL erhalten?

Mit freundlichen Grüßen
Stadt Coburg, Wirtschaftsförderung
Markt 1, 96450 Coburg (Bayern)""", topics=[E], authority=None, cat="elig", link="other_state")

M("it@herleshausen-gemeinde.de", "Zusammenarbeit IT-Sicherheit über die Landesgrenze", """Hallo,

wir sind die Gemeinde Herleshausen (Werra-Meißner-Kreis, Hessen) und würden gern mit Thüringer Nachbargemeinden einen gemeinsamen Informationssicherheitsbeauftragten bestellen. Geht das rechtlich?

Gruß
Gemeinde Herleshausen, IT""", topics=[S], authority=None, cat="sec_question", link="other_state")

M("m.koch.verwaltung@gmx.de", "Frage zu Onlinediensten", """Guten Tag,

ich bin neu in der Verwaltung und soll klären, welche Leistungen wir nach dem OZG online anbieten müssen.

Grüße aus Sömmerda
M. Koch""", topics=[O], authority=None, cat="ozg", link="trap_kreis_name")

M("foerderung.hbn@web.de", "Fördermöglichkeiten Digitalisierung", """Sehr geehrte Damen und Herren,

im Namen der Verwaltung in Hildburghausen frage ich, welche Fördermöglichkeiten es für die Digitalisierung der Verwaltung 2026 gibt.

Mit freundlichen Grüßen
Doreen Fuchs
Hildburghausen""", name="Doreen Fuchs", topics=[E], authority=None, cat="elig", link="trap_kreis_name")

M("lehesten.gemeinde@t-online.de", "Virenschutz", """Hallo, welches Virenschutzprogramm empfiehlt das Land für eine kleine Gemeindeverwaltung? Reicht der Windows Defender?

Grüße aus Lehesten
R. Munkelt, Verwaltung""", topics=[S], authority=None, cat="sec_question", link="trap_duplicate_name")

M("bgm.eichenberg@gmx.de", "OZG für unsere Gemeinde", """Sehr geehrte Damen und Herren,

müssen wir als kleine Gemeinde selbst Onlinedienste nach dem OZG bereitstellen, oder macht das die VG?

Mit freundlichen Grüßen
Bürgermeister der Gemeinde Eichenberg""", topics=[O], authority=None, cat="ozg", link="trap_duplicate_name")

M("gemeinde.menteroda@t-online.de", "Förderantrag Digitalisierung", """Guten Tag, kann die Gemeinde Menteroda einen Förderantrag nach der ThürEGovRL für neue Arbeitsplatzrechner stellen? Mit freundlichen Grüßen, Gemeinde Menteroda""",
  topics=[E], authority=None, cat="elig", link="trap_merged_unknown_successor")

M("post.hallungen@web.de", "Online-Anträge", """Sehr geehrte Damen und Herren, welche Anträge muss die Gemeinde Hallungen online anbieten? Freundliche Grüße aus Hallungen""",
  topics=[O], authority=None, cat="ozg", link="trap_merged_unknown_successor")

M("stadtverwaltung.berga@t-online.de", "Sicherheitsupdates Fachverfahren", """Guten Tag,

wer ist dafür zuständig, dass die Sicherheitsupdates für unser Einwohnermeldeverfahren eingespielt werden – wir oder der Hersteller?

Mit freundlichen Grüßen
Stadtverwaltung Berga/Elster
Markt 1, 07980 Berga/Elster""", topics=[S], authority="16076094", cat="sec_question", link="merged_known_successor")

M("bauamt.wuenschendorf@gmx.de", "OZG Bauanträge", """Hallo, müssen wir als Gemeinde Wünschendorf/Elster Bauanträge digital annehmen oder läuft das nur über den Landkreis? Gruß, Gemeinde Wünschendorf/Elster, Bauamt, 07570 Wünschendorf/Elster""",
  topics=[O], authority="16076094", cat="ozg", link="merged_known_successor")

M("referat14@tlvwa-thueringen.example", "Abstimmung Förderaufruf – gemeinsam mit der Stadt Jena", """Sehr geehrte Kolleginnen und Kollegen,

gemeinsam mit der Stadt Jena bereiten wir einen Förderaufruf für Pilotkommunen vor. Könnten wir uns nächste Woche zu den Förderkriterien abstimmen?

Mit freundlichen Grüßen
Landesverwaltungsamt, Referat 14""", topics=[E], authority=None, cat="elig", link="state_office_partner_in_text")

M("technik@zv-elstertal-wasser.de", "Absicherung Fernwirktechnik Kläranlage", """Guten Tag,

unser Zweckverband betreibt Fernwirktechnik für Pumpwerke und Kläranlagen. Welche Anforderungen an die IT-Sicherheit gelten für uns als kommunaler Versorger (KRITIS?), und wer berät uns dazu?

Mit freundlichen Grüßen
Zweckverband Wasser und Abwasser Elstertal
Technische Leitung""", topics=[S], authority=None, cat="sec_question", link="zweckverband_own_null")

M("buergerbuero@veilsdorf.de", "Drucker", """Drucker im Bürgerbüro druckt seit gestern nicht, Treiber neu installiert, hilft nicht. Können Sie helfen? Gemeinde Veilsdorf""",
  topics=[], authority="16069053", cat="neg_plain_it", link="town_domain_sig")

M("newsletter@gstb-thueringen.example", "Mitgliederrundschreiben 03/2026", """Gemeinde- und Städtebund Thüringen
Rundschreiben 03/2026

1. Neues zum Kommunalen Finanzausgleich
2. Termine: Bürgermeisterforum am 24. April
3. Personalien

Sie erhalten dieses Rundschreiben als Mitglied. Themen des nächsten Rundschreibens: OZG, Informationssicherheit, Fördermittel.
Abbestellen: Antwort mit „Abmelden“""", topics=[], authority=None, cat="neg_newsletter", link="state_body_null", style="alt")

M("michael.dorn@posteo.de", "Termin Personalausweis", """Hallo, kann ich bei Ihnen einen Termin für einen neuen Personalausweis machen? Wohne in Erfurt. Gruß Michael Dorn""",
  name="Michael Dorn", topics=[], authority=None, cat="neg_citizen", link="citizen_null")

M("sonnenstein-verwaltung@sonnenstein.de", "Danke!", """Danke für die schnelle Hilfe letzte Woche nach dem Virenfund – alles läuft wieder, wir haben keine weiteren Fragen.

Gemeinde Sonnenstein""", topics=[], authority="16061117", cat="neg_thanks_security", link="town_domain_sig")

M("j.kowalski.bewerbung@gmail.com", "Initiativbewerbung", """Sehr geehrte Damen und Herren, anbei sende ich Ihnen meine Initiativbewerbung als Verwaltungsfachangestellte. Mit freundlichen Grüßen, Joanna Kowalski""",
  name="Joanna Kowalski", topics=[], authority=None, cat="neg_citizen", link="citizen_null", style="attach")

M("prize.office@lotto-win-europe.top", "Herzlichen Glückwunsch! Sie haben gewonnen", """Sehr geehrter Gewinner, Ihre E-Mail-Adresse wurde bei unserer Verlosung gezogen. Um Ihre 850.000 EUR zu erhalten, senden Sie uns Ihre Bankdaten.""",
  topics=[], authority=None, cat="neg_spam", link="company_null", charset="windows-1252", cte="8bit")

M("kaemmerei@anderschmuecke.de", "DRINGEND Rückruf Haushaltssatzung", """DRINGEND: Bitte um Rückruf wegen der Genehmigung unserer Haushaltssatzung, die Kommunalaufsicht will bis Freitag eine Stellungnahme. Tel. 034673 7 89 10

Stadt An der Schmücke, Kämmerei""", topics=[], authority="16065088", cat="neg_dringend_admin", link="eg_own")

M("sekretariat.landrat@weimarerland.de", "Terminbestätigung Dienstberatung", """Sehr geehrte Damen und Herren,

hiermit bestätigen wir den Termin der Dienstberatung am 12. März 2026, 10:00 Uhr, im Landratsamt Weimarer Land, Bahnhofstraße 28, 99510 Apolda.

Mit freundlichen Grüßen
Sekretariat des Landrates""", topics=[], authority="16071", cat="neg_admin", link="lra_seat_address")

M("werkleitung@waltershausen.de", "Versorgungssicherheit Trinkwasser bei Stromausfall", """Guten Tag,

wie stellen andere Städte die Versorgungssicherheit beim Trinkwasser während eines längeren Stromausfalls sicher? Gibt es dazu Empfehlungen des Landes für Notstromaggregate?

Mit freundlichen Grüßen
Stadtverwaltung Waltershausen, Eigenbetrieb Wasser""", topics=[], authority="16067072", cat="neg_other_sicherheit", link="town_domain_sig")

M("hauptamt@amt-wachsenburg.de", "Rechtssicherheit Satzung", """Sehr geehrte Damen und Herren, ist unsere Satzung über Sondernutzungen rechtssicher, wenn wir die Gebühren pauschal nach Quadratmetern festsetzen? Mit freundlichen Grüßen, Gemeinde Amt Wachsenburg""",
  topics=[], authority="16070028", cat="neg_other_sicherheit", link="town_domain_sig")

M("it@bad-tabarz.de", "WG: BSI Warnung Exchange", """Zur Kenntnis – betrifft das auch die Exchange-Server, die das Land für Kommunen hostet? Wir selbst haben keinen eigenen Exchange.

Gemeinde Bad Tabarz, IT

""" + outlook_fwd("CERT-Bund <certbund@bsi.example>", "Montag, 16. März 2026 06:30", "it@bad-tabarz.de",
  "[CERT-Bund] Kritische Schwachstelle in Microsoft Exchange Server", """Das BSI warnt vor einer kritischen Schwachstelle in Microsoft Exchange Server, die aktiv ausgenutzt wird.
Betroffene Versionen: ... Empfehlung: Sicherheitsupdate umgehend einspielen."""),
  topics=[S], authority="16067064", cat="sec_bsi_warning", link="town_domain_sig")


# ---------------------------------------------------------------- 7. more linking cases (with topics)

M("digitalisierung@lrashk.de", "OZG-Leistungen der Kreisverwaltung", """Guten Tag,

welche OZG-Leistungen muss die Kreisverwaltung des Saale-Holzland-Kreises bis Ende 2026 selbst bereitstellen, und welche übernimmt das Land? Wir brauchen das für die Kreistagsvorlage.

Mit freundlichen Grüßen
Landratsamt Saale-Holzland-Kreis
Im Schloss, 07607 Eisenberg""", topics=[O], authority="16074", cat="ozg", link="lra_seat_address")

M("neu.im.rathaus@gmx.de", "Förderung Scanner und Software", """Guten Tag,

ich bin seit dem 1. März im Hauptamt und noch ohne dienstliches Postfach. Wir möchten einen Großformatscanner und eine Software zur Digitalisierung der Bauakten anschaffen. Ist das nach der E-Government-Richtlinie förderfähig?

Viele Grüße
Lisa Hentschel
Rudolf-Breitscheid-Straße 1, 04610 Meuselwitz""", name="Lisa Hentschel", topics=[E], authority="16077032", cat="elig",
  link="freemail_address")

M("masserberg.bgmin@web.de", "Passwort für alle gleich?", """Hallo,

in unserer Gemeindeverwaltung nutzen alle dasselbe Passwort für den Verwaltungsrechner. Ist das ein Sicherheitsproblem, und wie machen wir es besser, ohne eigene IT-Abteilung?

Mit freundlichen Grüßen
Bürgermeisterin der Gemeinde Masserberg""", topics=[S], authority="16069061", cat="sec_question", link="freemail_mayor")

M("frank.mosebach@gmx.de", "Hat der Kyffhäuserkreis Fördermittel beantragt?", """Sehr geehrte Damen und Herren, als Kreistagsmitglied im Kyffhäuserkreis bitte ich um Auskunft, ob das Landratsamt 2025 Fördermittel nach der ThürEGovRL beantragt hat und in welcher Höhe. Mit freundlichen Grüßen, Frank Mosebach""",
  name="Frank Mosebach", topics=[E], authority="16065", cat="elig", link="kreistag_freemail")

M("support@ettersberg-it.de", "Ticket 2026-0311: Gemeinde Ballstedt – Onlineantrag Hundesteuer", """Hallo,

für unseren Kunden, die Gemeinde Ballstedt, richten wir den Onlineantrag für die Hundesteuer ein. Das Formular soll aus dem Landesportal kommen. Welchen Leistungsschlüssel aus dem OZG-Katalog müssen wir hinterlegen?

Viele Grüße
Ettersberg IT-Service UG, Support""", topics=[O], authority="16071005", cat="ozg", link="provider_on_behalf")

M("foerdermittel@vghr.de", "Arenshausen: Förderung Bürgerterminal", """Sehr geehrte Damen und Herren,

die Gemeinde Arenshausen möchte im Gemeindehaus ein Bürgerterminal für Online-Anträge aufstellen. Wir als VG bereiten den Antrag vor: Ist das Terminal nach der ThürEGovRL förderfähig?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Hanstein-Rusteberg
Fördermittel""", topics=[E], authority="16061001", cat="elig", link="vg_one_member", style="html",
  charset="iso-8859-1", cte="quoted-printable")

M("einwohnermeldeamt@badsalzungen.de", "Leimbach: Meldebescheinigung online", """Guten Tag, die Gemeinde Leimbach fragt über uns als erfüllende Gemeinde, ob sie die Meldebescheinigung online anbieten muss, obwohl das Einwohnermeldeamt bei der Stadt Bad Salzungen sitzt. Gruß, Einwohnermeldeamt Bad Salzungen""",
  topics=[O], authority="16063051", cat="ozg", link="eg_one_member")

M("Info@Weimar.de", "Once-Only Nachweisabruf", """Sehr geehrte Damen und Herren,
wann wird der Nachweisabruf nach dem Once-Only-Prinzip für die Onlinedienste der Städte verpflichtend?
Mit freundlichen Grüßen
Stadtverwaltung Weimar""", topics=[O], authority="16055000", cat="ozg", link="generic_mailbox_case")

M("anke.bretschneider@freenet.de", "Förderung Solaranlage", """Guten Tag, ich bin Bürgerin der Gemeinde Wiesenthal und möchte wissen, ob es vom Land eine Förderung für eine Solaranlage auf meinem Hausdach gibt. Mit freundlichen Grüßen, Anke Bretschneider""",
  name="Anke Bretschneider", topics=[], authority=None, cat="neg_citizen", link="citizen_names_municipality")

M("hauptamt@vg-hermsdorf.de", "Leitlinie Informationssicherheit für alle Mitgliedsgemeinden", """Guten Tag,

wir möchten als VG eine gemeinsame Leitlinie zur Informationssicherheit für die VG und alle Mitgliedsgemeinden beschließen lassen. Reicht ein Beschluss der Gemeinschaftsversammlung, oder muss jeder Gemeinderat zustimmen?

Mit freundlichen Grüßen
VG Hermsdorf, Hauptamt""", topics=[S], authority="160745014", cat="sec_question", link="vg_several")


# ---------------------------------------------------------------- 8. automatic mail

OOO_HDR = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}

M("b.kuehn@vg-hermsdorf.de", "AW: Förderantrag E-Akte", """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 20.03.2026 nicht im Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an Frau Lenk, Tel. 036601 573-20.

Mit freundlichen Grüßen
Birgit Kühn
VG Hermsdorf""", name="Kühn, Birgit", topics=[], auto=True, authority="160745014", cat="ooo_no_header", link="ooo_vg")

M("t.gerlach@erfurt.de", "Abwesend: OZG-Umsetzung Fachverfahren", """Sehr geehrte Damen und Herren,

ich bin vom 9. bis 13. März nicht erreichbar. Ab dem 16. März bin ich wieder für Sie da.

Thomas Gerlach
Landeshauptstadt Erfurt""", name="Gerlach, Thomas", topics=[], auto=True, authority="16051000", cat="ooo_no_header",
  link="ooo_city")

M("c.koenig@kyffhaeuser.de", "AW: Rückfrage zur OZG-Leistung Elterngeld", """Guten Tag,

vielen Dank für Ihre E-Mail. Ich befinde mich bis zum 27.03. im Urlaub und habe nur eingeschränkten Zugriff auf meine E-Mails. Ihre Nachricht wird nach meiner Rückkehr bearbeitet.

Freundliche Grüße
Christin König
Landratsamt Kyffhäuserkreis

""" + quoted("Von: Kompetenzzentrum Verwaltung 4.0\nGesendet: Dienstag, 17. März 2026 10:02\nBetreff: Rückfrage zur OZG-Leistung Elterngeld", """Sehr geehrte Frau König,
zu Ihrer Frage nach der OZG-Leistung Elterngeld: Der Onlinedienst wird vom Land bereitgestellt.
Müssen Sie dafür einen Förderantrag stellen? Nein ..."""), name="König, Christin", topics=[], auto=True,
  authority="16065", cat="ooo_no_header_quoted", link="ooo_lra")

M("rathaus@badsalzungen.de", "Ihre Nachricht an die Stadtverwaltung", """Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Die Stadtverwaltung Bad Salzungen ist vom 23.12. bis 02.01. geschlossen. Ihre Nachricht wird ab dem 05.01. bearbeitet.

Stadtverwaltung Bad Salzungen""", topics=[], auto=True, authority="16063003", cat="ooo_no_header", link="ooo_eg_own",
  style="html")

M("k.zoellner@eisenach.de", "Re: Fördermittel", """bin im urlaub bis 3.4., in dringenden fällen 03691 670-0. k. zöllner, stadt eisenach""",
  topics=[], auto=True, authority="16063105", cat="ooo_no_header", link="ooo_town")

M("buergerbuero@vg-ds.de", "Abwesenheitsnotiz", """Sehr geehrte Damen und Herren,

das Bürgerbüro der Verwaltungsgemeinschaft Dolmar-Salzbrücke ist wegen einer Schulung am 18.03.2026 geschlossen. Ihre E-Mail wird ab dem 19.03.2026 beantwortet.

Ihre VG Dolmar-Salzbrücke""", topics=[], auto=True, authority="160665014", cat="ooo_no_header", link="ooo_vg",
  charset="windows-1252", cte="quoted-printable", legacy_subject=True)

M("r.dittmar@ilmenau-stadt.de", "AW: Sicherheitsvorfall Meldung", """Ich bin bis 24.03. nicht im Haus.

Meldungen zu IT-Sicherheitsvorfällen (Verschlüsselung, gehackte Konten, Datenabfluss) richten Sie bitte sofort an it-notfall@ilmenau-stadt.de oder Tel. 03677 600-112. Alle anderen Anfragen bearbeite ich nach meiner Rückkehr.

René Dittmar
Stadtverwaltung Ilmenau, IT-Sicherheit""", name="Dittmar, René", topics=[], auto=True, authority="16070029",
  cat="ooo_incident_words", link="ooo_town")

M("j.petzold@jena.de", "Out of Office / Abwesenheit", """I am out of the office until 30 March with limited access to e-mail.
Ich bin bis zum 30. März nicht im Büro und habe nur eingeschränkt Zugriff auf meine E-Mails.

Jana Petzold
Stadt Jena, Fachdienst Digitalisierung""", name="Jana Petzold", topics=[], auto=True, authority="16053000",
  cat="ooo_no_header", link="ooo_city")

M("bgm.marisfeld@t-online.de", "AW: Ihre Anfrage", """Guten Tag, ich bin bis 15. April im Urlaub und lese keine E-Mails. In dringenden Angelegenheiten wenden Sie sich bitte an meinen Stellvertreter Herrn Oertel.

Bürgermeister der Gemeinde Marisfeld""", topics=[], auto=True, authority="16069028", cat="ooo_no_header",
  link="ooo_freemail_mayor")

M("kasse@sollstedt.de", "Automatische Antwort", """Ich bin ab dem 7. April wieder erreichbar. Ihre Mail wird nicht weitergeleitet.

Gemeinde Sollstedt, Gemeindekasse""", topics=[], auto=True, authority="16062049", cat="ooo_no_header", link="ooo_town")

M("s.wolf@landkreis-gotha.de", "Automatische Antwort: Förderung Digitalisierung Schulverwaltung", """Vielen Dank für Ihre Nachricht. Ich bin bis 31.03.2026 abwesend. Ihre Nachricht wird an meine Vertretung weitergeleitet.

Sabine Wolf
Landratsamt Gotha""", name="Wolf, Sabine", topics=[], auto=True, authority="16067", cat="ooo_header", link="ooo_lra",
  headers=OOO_HDR)

M("a.brandt@stadt.weimar.de", "Automatische Antwort: BSI-Warnung", """Ich bin zurzeit nicht im Büro. Ab dem 20.04. bin ich wieder erreichbar.

Andreas Brandt
Stadtverwaltung Weimar""", name="Brandt, Andreas", topics=[], auto=True, authority="16055000", cat="ooo_header",
  link="ooo_city", headers={"Auto-Submitted": "auto-generated", "X-MS-Exchange-Inbox-Rules-Loop": "a.brandt@stadt.weimar.de"})

M("kaemmerei@vg-seenplatte.de", "Abwesenheit", """Die Kämmerei der VG Seenplatte ist bis 10.04. nicht besetzt. Ihre Nachricht wird danach bearbeitet.""",
  topics=[], auto=True, authority="160755004", cat="ooo_header", link="ooo_vg", headers={"Auto-Submitted": "auto-replied (vacation)"})

M("bauamt@dermbach.de", "Re: Sportplatz", """Diese Adresse ist vom 1. bis 14. August nicht besetzt. Bitte wenden Sie sich an gemeinde@dermbach.de.

Gemeinde Dermbach""", topics=[], auto=True, authority="16063015", cat="ooo_header", link="ooo_eg_own",
  headers={"X-Autoreply": "yes", "Precedence": "auto_reply"})

M("ordnungsamt@suhl.de", "Abwesenheitsnotiz: Notfallhandbuch", """Ich bin bis Ostern im Urlaub. Vertretung: Herr Scholz, Tel. 03681 74-2222.

Ordnungsamt der Stadt Suhl""", topics=[], auto=True, authority="16054000", cat="ooo_header", link="ooo_city",
  headers={"X-Autorespond": "yes", "Auto-Submitted": "auto-replied"})

M("tickets@itz-kommunal.de", "[#48302] Ihre Anfrage ist eingegangen", """Dies ist eine automatisch erzeugte Nachricht. Ihre Anfrage wurde unter der Ticketnummer #48302 erfasst. Bitte antworten Sie nicht auf diese E-Mail.

ITZ Kommunal Mitteldeutschland GmbH – Servicedesk""", topics=[], auto=True, authority=None, cat="auto_ticket_ack",
  link="company_null", headers={"Auto-Submitted": "auto-generated", "Precedence": "bulk"})

M("i.gruendler@ilm-kreis.de", "Automatische Antwort: Verschlüsselung auf dem Server", """Ich bin bis einschließlich 2. April nicht im Dienst. Ihre E-Mail wird nicht weitergeleitet. In dringenden IT-Fällen wenden Sie sich bitte an den Servicedesk (Durchwahl -555).

Ines Gründler
Landratsamt Ilm-Kreis

""" + quoted("-----Ursprüngliche Nachricht-----\nVon: Kompetenzzentrum Verwaltung 4.0\nBetreff: Verschlüsselung auf dem Server", """Sehr geehrte Frau Gründler,
Sie hatten nach der Verschlüsselung von Datenträgern auf dem Server gefragt (BitLocker) ..."""),
  name="Gründler, Ines", topics=[], auto=True, authority="16070", cat="ooo_header_quoted", link="ooo_lra",
  headers=OOO_HDR)

M("MAILER-DAEMON@vg-oppurg.de", "Undelivered Mail Returned to Sender", """This is the mail system at host mail.vg-oppurg.de.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<kaemmerei-alt@vg-oppurg.de>: host mail.vg-oppurg.de said: 550 5.1.1 User unknown""",
  name="Mail Delivery System", topics=[], auto=True, authority=None, cat="bounce", link="bounce_null", style="report",
  headers={"Auto-Submitted": "auto-replied"},
  dsn=dict(mta="mail.vg-oppurg.de", rcpt="kaemmerei-alt@vg-oppurg.de", status="5.1.1", diag="550 5.1.1 User unknown",
           subject="Ihre Anfrage zur Förderung", original="Sehr geehrte Damen und Herren,\nzu Ihrer Anfrage ..."))

M("postmaster@gera.de", "Unzustellbar: AW: Reifegrad 3", """Die Nachricht konnte nicht zugestellt werden: Das Postfach des Empfängers ist voll.

Empfänger: digital@gera.de
Diagnose: 552 5.2.2 Mailbox full""", name="Microsoft Outlook", topics=[], auto=True, authority=None, cat="bounce",
  link="bounce_null", style="report",
  dsn=dict(mta="mail.gera.de", rcpt="digital@gera.de", status="5.2.2", diag="552 5.2.2 Mailbox full",
           subject="AW: Reifegrad 3", original="Sehr geehrte Damen und Herren,\nzur OZG-Umsetzung Reifegrad 3 ..."))

M("postmaster@lra-sok.de", "Unzustellbar: Rückfrage Sicherheitsvorfall", """Ihre Nachricht hat einige oder alle Empfänger nicht erreicht.

Betreff: Rückfrage Sicherheitsvorfall
Gesendet: 18.03.2026 09:14

Folgende(r) Empfänger konnte(n) nicht erreicht werden:

it-leitung@lra-sok.de am 18.03.2026 09:14
   Die E-Mail-Adresse existiert nicht. Überprüfen Sie die Adresse.
   <mail.lra-sok.de #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>""",
  name="Systemadministrator", topics=[], auto=True, authority=None, cat="bounce_text_only", link="bounce_null")

M("mailer-daemon@googlemail.com", "Delivery Status Notification (Failure)", """** Die Adresse wurde nicht gefunden **

Ihre Nachricht wurde nicht an a.vogelsang.rustenfelde@gmail.com zugestellt, weil die Adresse nicht gefunden wurde oder keine E-Mails empfangen kann.""",
  name="Mail Delivery Subsystem", topics=[], auto=True, authority=None, cat="bounce", link="bounce_null", style="report",
  dsn=dict(mta="mx.google.com", rcpt="a.vogelsang.rustenfelde@gmail.com", status="5.1.1",
           diag="550 5.1.1 The email account that you tried to reach does not exist",
           subject="AW: BundID – Bestätigung erforderlich", original="Sehr geehrter Herr Vogelsang,\nvielen Dank für Ihre Meldung ..."))


def vary() -> None:
    """Spread transport styles over plain UTF-8 mails deterministically (labels are unaffected)."""
    legacy = [("windows-1252", "quoted-printable"), ("windows-1252", "8bit"), ("iso-8859-1", "quoted-printable"),
              ("windows-1252", "base64"), ("iso-8859-1", "8bit"), ("iso-8859-1", "base64")]
    k = 0
    for i, spec in enumerate(MAILS):
        if spec["style"] != "plain" or spec["charset"] != "utf-8" or spec["cte"]:
            continue
        k += 1
        if k % 7 == 3:
            spec["style"] = "html"
            if k % 2:
                spec["html"] = to_html(spec["body"], outlook=False)
        if k % 4 == 1:
            spec["charset"], spec["cte"] = legacy[(k // 4) % len(legacy)]
            spec["legacy_subject"] = k % 8 == 1
        elif k % 9 == 2:
            spec["cte"] = "8bit"


def main() -> None:
    vary()
    for old in HERE.glob("*.eml"):
        old.unlink()
    labels, cats = [], []
    for n, spec in enumerate(MAILS, start=1):
        name = f"b{n:03d}.eml"
        (HERE / name).write_bytes(build(n, spec))
        labels.append(
            {"file": name, "topics": spec["topics"], "authority": spec["authority"],
             "auto_reply": spec["auto"], "urgent": spec["urgent"]}
        )
        cats.append({"file": name, "category": spec["cat"], "linking": spec["link"], "style": spec["style"],
                     "charset": spec["charset"], "cte": spec["cte"]})
    (HERE / "labels.jsonl").write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in labels), encoding="utf-8")
    (HERE / "categories.json").write_text(json.dumps(cats, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(len(MAILS), "mails")


if __name__ == "__main__":
    main()
