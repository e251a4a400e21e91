# ruff: noqa: E501
"""Writes the labelled linking test mails of this directory (``*.eml`` + ``labels.jsonl``).

Run once by hand (``python tests/data/linking_eval/make_mails.py``); the output is committed and
the tests read the files, not this script. About two thirds of the mails are written one by one
(same-named town and district, duplicate names, common-word names, generic providers, IT
providers, partner municipalities, old names, citizens, companies, other states, and free-style
batches at the end); the rest combine a pool of bodies, writers and signature styles over
authorities drawn at random (fixed seed) from the whole gazetteer, so that the set is not tuned
to a handful of places.
Addresses, people and domains of self-administered towns are invented for the test."""

from __future__ import annotations

import csv
import json
import random
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
DATA = HERE.parents[2] / "classifiers" / "data" / "thueringen"
RNG = random.Random(20260121)

GEMEINDEN = {r["ags"]: r for r in csv.DictReader((DATA / "gemeinden.csv").open(encoding="utf-8"))}
VGS = {r["vg_schluessel"]: r for r in csv.DictReader((DATA / "verwaltungsgemeinschaften.csv").open(encoding="utf-8"))}
KREISE = {r["ags"]: r for r in csv.DictReader((DATA / "kreise.csv").open(encoding="utf-8"))}

BODIES = [
    (
        "Wir möchten wissen, ob die Einführung eines Dokumentenmanagementsystems nach der ThürEGovRL förderfähig ist "
        "und wie hoch der Eigenanteil wäre.",
        ["eligibility"],
    ),
    (
        "Welche Verwaltungsleistungen müssen wir nach dem OZG bis zum Jahresende online anbieten? Reicht dafür der "
        "ThAVEL-Antragsservice aus?",
        ["ozg_duties"],
    ),
    (
        "Unser Informationssicherheitsbeauftragter möchte ein ISMS nach BSI IT-Grundschutz aufbauen. Gibt es dafür "
        "Schulungen oder Musterdokumente?",
        ["it_security"],
    ),
    (
        "Bis wann muss der Verwendungsnachweis für das geförderte Projekt Digitalisierung Bauakten eingereicht werden?",
        ["eligibility"],
    ),
    (
        "Wie binden wir das Servicekonto bzw. die BundID an unsere Online-Formulare an? Die Bürger fragen schon.",
        ["ozg_duties"],
    ),
    (
        "Wir haben Fragen zur Antragstellung nach ThürFAG für neue Hardware in der Verwaltung (Laptops, Scanner).",
        ["eligibility"],
    ),
    (
        "Können Sie uns sagen, welche EfA-Leistungen für Gewerbeanmeldungen schon nachgenutzt werden können?",
        ["ozg_duties"],
    ),
    (
        "Wir planen eine Sensibilisierungsschulung zur Informationssicherheit für alle Mitarbeiter. Wird das gefördert?",
        ["it_security", "eligibility"],
    ),
    ("Anbei die Unterlagen zum Förderantrag. Bitte teilen Sie uns mit, ob noch etwas fehlt.", ["eligibility"]),
    (
        "Gibt es eine Übersicht, welche Leistungen im Portalverbund schon online sind? Wir verlieren den Überblick.",
        ["ozg_duties"],
    ),
    (
        "Wir möchten unsere Firewall erneuern und fragen, ob es dafür Mittel aus der E-Government-Richtlinie gibt.",
        ["it_security", "eligibility"],
    ),
    ("Wer ist bei Ihnen Ansprechpartner für das Thema Notfallmanagement und IT-Grundschutz-Check?", ["it_security"]),
]
PEOPLE = [
    "Sabine Krause", "Thomas Fischer", "Jens Hoffmann", "Katrin Schmidt", "Ute Meier", "Frank Richter",
    "Andrea Wolf", "Michael Lange", "Petra Schulze", "Dirk Zimmermann", "Anja Köhler", "Ronny Walther",
    "Heike Braun", "Steffen Engel", "Manuela Günther", "Mario Schubert", "Yvonne Kühn", "René Seidel",
]  # fmt: skip
STREETS = ["Markt 1", "Hauptstraße 12", "Rathausplatz 1", "Bahnhofstraße 3", "Schloßplatz 2", "Kirchplatz 4",
           "Lindenstraße 7", "Am Anger 5", "Marktstraße 10", "Schulstraße 2"]  # fmt: skip
ROLES = ["Hauptamt", "Sachbearbeiterin Hauptamt", "Kämmerei", "Ordnungsamt", "IT-Koordinator",
         "Amtsleiter Hauptverwaltung", "Bauamt", "Bürgerbüro", "Informationssicherheitsbeauftragter"]  # fmt: skip
GREETINGS = ["Sehr geehrte Damen und Herren,", "Guten Tag,", "Hallo liebes Team,", "Sehr geehrte Frau Dr. Berger,",
             "Guten Morgen,", "Sehr geehrter Herr Vogel,"]  # fmt: skip
CLOSINGS = ["Mit freundlichen Grüßen", "Viele Grüße", "Freundliche Grüße", "MfG", "Beste Grüße",
            "Mit freundlichem Gruß"]  # fmt: skip

MAILS: list[dict] = []


def plz(ags: str) -> str:
    return GEMEINDEN[ags]["plz"].split(";")[0]


def add(sender, subject, body, authority, topics, *, auto_reply=False, urgent=False, html=False, headers=None):
    MAILS.append(
        {"from": sender, "subject": subject, "body": body, "authority": authority, "topics": topics,
         "auto_reply": auto_reply, "urgent": urgent, "html": html, "headers": headers or {}}
    )  # fmt: skip


def letter(greeting: str, text: str, closing: str, signature: str) -> str:
    return f"{greeting}\n\n{text}\n\n{closing}\n{signature}\n"


def person() -> str:
    return RNG.choice(PEOPLE)


def mailbox(name: str, domain: str) -> str:
    first, last = name.lower().replace("ö", "oe").replace("ü", "ue").replace("é", "e").split()[:2]
    return f"{name} <{RNG.choice([f'{first}.{last}', f'{first[0]}.{last}', last])}@{domain}>"


def body() -> tuple[str, list[str]]:
    return RNG.choice(BODIES)


# --- random draws over the gazetteer -----------------------------------------------------------

vg_keys = [k for k, v in VGS.items() if v["art"] == "Verwaltungsgemeinschaft" and v["verwaltung_email_domain"]]
eg_keys = [k for k, v in VGS.items() if v["art"] == "erfüllende Gemeinde" and v["verwaltung_email_domain"]]
self_admin = [k for k, g in GEMEINDEN.items() if not g["vg_schluessel"]]

# 1. VG offices writing for the VG itself (domain + varied signatures)
for key in RNG.sample(vg_keys, 14):
    vg = VGS[key]
    name, who = vg["name"].split("/")[0] if vg["name"] == "Geratal/Plaue" else vg["name"], person()
    text, topics = body()
    style = RNG.randrange(4)
    if style == 0:
        sig = f"{who}\n{RNG.choice(ROLES)}\nVerwaltungsgemeinschaft {name}\n{RNG.choice(STREETS)}\n{vg['anschrift_plz']} {vg['anschrift_ort']}"
    elif style == 1:
        sig = f"i. A. {who}\nVG {name} | {RNG.choice(ROLES)}\nTel. 0361 {RNG.randrange(100000, 999999)}"
    elif style == 2:
        sig = f"{who}\n{RNG.choice(ROLES)}\n\n{vg['anschrift_plz']} {vg['anschrift_ort']}\nwww.{vg['verwaltung_email_domain']}"
    else:
        sig = f"{who}\nGemeinschaftsvorsitzender der VG {name}"
    add(
        mailbox(who, vg["verwaltung_email_domain"]),
        RNG.choice(["Anfrage", "Frage zur Förderung", "OZG", "Rückfrage"]),
        letter(RNG.choice(GREETINGS), text, RNG.choice(CLOSINGS), sig),
        key,
        topics,
    )

# 2. VG office writing about exactly one member
for key in RNG.sample(vg_keys, 12):
    vg = VGS[key]
    members = [m for m in vg["mitglieder_ags"].split(";") if GEMEINDEN[m]["name"] not in (vg["name"], vg["sitz"])]
    member = RNG.choice(members)
    mname, who = GEMEINDEN[member]["name"], person()
    text, topics = body()
    kind = "Stadt" if GEMEINDEN[member]["type"] == "Stadt" else "Gemeinde"
    style = RNG.randrange(4)
    if style == 0:
        subject, lead = (
            f"Förderantrag der {kind} {mname}",
            f"für unsere Mitgliedsgemeinde {mname} haben wir folgende Frage:",
        )
    elif style == 1:
        subject, lead = f"{kind} {mname} - Rückfrage", f"im Auftrag der {kind} {mname} wende ich mich an Sie."
    elif style == 2:
        subject, lead = "Anfrage", f"der Bürgermeister der {kind} {mname} bat uns, folgende Frage zu klären."
    else:
        subject, lead = f"OT {mname}: Frage", f"es geht um die {kind} {mname}, die zu unserer VG gehört."
    sig = (
        f"{who}\n{RNG.choice(ROLES)}\nVerwaltungsgemeinschaft {vg['name']}\n{vg['anschrift_plz']} {vg['anschrift_ort']}"
    )
    add(
        mailbox(who, vg["verwaltung_email_domain"]),
        subject,
        letter(RNG.choice(GREETINGS), f"{lead}\n{text}", RNG.choice(CLOSINGS), sig),
        member,
        topics,
    )

# 3. erfüllende Gemeinden: the office is the Gemeinde itself
for key in RNG.sample(eg_keys, 10):
    eg = VGS[key]
    own = next(m for m in eg["mitglieder_ags"].split(";") if GEMEINDEN[m]["name"] == eg["name"])
    g, who = GEMEINDEN[own], person()
    text, topics = body()
    kind = "Stadtverwaltung" if g["type"] == "Stadt" else "Gemeindeverwaltung"
    sig = RNG.choice([
        f"{who}\n{RNG.choice(ROLES)}\n{kind} {g['name']}\n{RNG.choice(STREETS)}\n{eg['anschrift_plz']} {g['name']}",
        f"{who}\n{RNG.choice(ROLES)}\n{'Stadt' if g['type'] == 'Stadt' else 'Gemeinde'} {g['name']}",
        f"{who}\n{RNG.choice(ROLES)}\n\n{eg['anschrift_plz']} {g['name']}",
    ])  # fmt: skip
    add(
        mailbox(who, eg["verwaltung_email_domain"]),
        RNG.choice(["Anfrage", "Förderung", "Frage OZG"]),
        letter(RNG.choice(GREETINGS), text, RNG.choice(CLOSINGS), sig),
        own,
        topics,
    )

# 4. self-administered towns and Gemeinden: own domains (not in the gazetteer), signature decides
for ags in RNG.sample(self_admin, 18):
    g, who = GEMEINDEN[ags], person()
    text, topics = body()
    slug = g["name"].lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    slug = slug.split("/")[0].replace(" ", "-").replace(".", "")
    domain = RNG.choice([f"{slug}.de", f"stadt-{slug}.de", f"{slug}.de", f"gemeinde-{slug}.de"])
    town = g["type"] != "Gemeinde"
    style = RNG.randrange(5)
    if style == 0:
        sig = f"{who}\n{RNG.choice(ROLES)}\n{'Stadtverwaltung' if town else 'Gemeindeverwaltung'} {g['name']}\n{RNG.choice(STREETS)}\n{plz(ags)} {g['name']}"
    elif style == 1:
        sig = f"{who}\nBürgermeister{'in' if who.split()[0] in ('Sabine', 'Katrin', 'Ute', 'Andrea', 'Petra', 'Anja', 'Heike', 'Manuela', 'Yvonne') else ''} der {'Stadt' if town else 'Gemeinde'} {g['name']}"
    elif style == 2:
        sig = f"{who}\n{RNG.choice(ROLES)}\n\n{'Stadt' if town else 'Gemeinde'} {g['name']} | {RNG.choice(STREETS)} | {plz(ags)} {g['name']}\nTel.: 03{RNG.randrange(100, 999)} {RNG.randrange(10000, 99999)}"
    elif style == 3:
        sig = f"{who}\n{RNG.choice(ROLES)}\nRathaus\n{RNG.choice(STREETS)}\n{plz(ags)} {g['name']}"
    else:
        sig = f"{who}\n{'Stadt' if town else 'Gemeinde'} {g['name']}\n- {RNG.choice(ROLES)} -"
    add(
        mailbox(who, domain),
        RNG.choice(["Frage", "Bitte um Rückruf", "Förderung DMS", "OZG-Umsetzung", "ISMS"]),
        letter(RNG.choice(GREETINGS), text, RNG.choice(CLOSINGS), sig),
        ags,
        topics,
    )

# --- hand-written hard cases -------------------------------------------------------------------

# Town and district of the same name: the Stadt and the Landratsamt are different authorities.
PAIRS = [("16067029", "16067", "Gotha", "99867"), ("16068051", "16068", "Sömmerda", "99610"),
         ("16062041", "16062", "Nordhausen", "99734"), ("16076022", "16076", "Greiz", "07973"),
         ("16072018", "16072", "Sonneberg", "96515"), ("16069024", "16069", "Hildburghausen", "98646")]  # fmt: skip
for i, (town, district, name, code) in enumerate(PAIRS):
    text, topics = body()
    who = person()
    town_sig = [f"{who}\nStadtverwaltung {name}\nHauptamt\nMarkt 1\n{code} {name}",
                f"{who}\nKreisstadt {name}\nFachbereich Zentrale Dienste",
                f"{who}\nDer Bürgermeister der Stadt {name}"][i % 3]  # fmt: skip
    add(
        mailbox(
            who,
            RNG.choice(
                ["t-online.de", f"{name.lower().replace('ö', 'oe')}.de", f"stadt-{name.lower().replace('ö', 'oe')}.de"]
            ),
        ),
        f"Anfrage der Stadt {name}",
        letter("Sehr geehrte Damen und Herren,", text, "Mit freundlichen Grüßen", town_sig),
        town,
        topics,
    )
    who = person()
    district_sig = [f"{who}\nLandratsamt {name}\nFachdienst Informationstechnik\n{RNG.choice(STREETS)}\n{code} {name}",
                    f"{who}\nLandkreis {name}\nDer Landrat\nStabsstelle Digitalisierung",
                    f"{who}\nKreisverwaltung {name} - Sachgebiet IT\n{code} {name}"][i % 3]  # fmt: skip
    add(
        mailbox(
            who,
            RNG.choice(
                [
                    f"lra-{name.lower().replace('ö', 'oe')}.de",
                    f"landkreis-{name.lower().replace('ö', 'oe')}.de",
                    f"kreis-{name.lower().replace('ö', 'oe')}.de",
                ]
            ),
        ),
        RNG.choice(["Frage des Landkreises", "Anfrage Landratsamt", "Rückfrage"]),
        letter("Guten Tag,", text, "Freundliche Grüße", district_sig),
        district,
        topics,
    )

# Districts named differently from any town, and the Eichsfeld / Saalfeld-Rudolstadt pitfalls.
add(
    "IT-Service <it-service@kreis-eic.de>",
    "Frage zur Informationssicherheit",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[2][0],
        "Mit freundlichen Grüßen",
        "Mandy Bauer\nLandratsamt Eichsfeld\nFriedensplatz 8\n37308 Heilbad Heiligenstadt",
    ),
    "16061",
    ["it_security"],
)
add(
    "Bürgermeister <buergermeister@heilbad-heiligenstadt.de>",
    "OZG",
    letter(
        "Guten Tag,",
        BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Thomas Spielmann\nBürgermeister\nStadt Heilbad Heiligenstadt\nAegidienstraße 1\n37308 Heilbad Heiligenstadt",
    ),
    "16061045",
    ["ozg_duties"],
)
add(
    "Digitalisierung <digital@kreis-slf.de>",
    "Förderung",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[0][0],
        "Beste Grüße",
        "Peggy Lorenz\nLandratsamt Saalfeld-Rudolstadt\nSchloßstraße 24\n07318 Saalfeld/Saale",
    ),
    "16073",
    ["eligibility"],
)
add(
    "Stadt Saalfeld <hauptamt@saalfeld.de>",
    "DMS-Förderung",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[0][0],
        "Mit freundlichen Grüßen",
        "Hauptamt\nStadtverwaltung Saalfeld/Saale\nMarkt 6\n07318 Saalfeld/Saale",
    ),
    "16073077",
    ["eligibility"],
)
add(
    "Rudolstadt <it@rudolstadt.de>",
    "ISMS",
    letter("Hallo,", BODIES[2][0], "Viele Grüße", "Kai Vogt\nIT\nStadt Rudolstadt"),
    "16073076",
    ["it_security"],
)
add(
    "Wartburgkreis <k.heller@wartburgkreis.de>",
    "Frage",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[4][0],
        "Mit freundlichen Grüßen",
        "Kerstin Heller\nLandratsamt Wartburgkreis\nErzberger Allee 14\n36433 Bad Salzungen",
    ),
    "16063",
    ["ozg_duties"],
)
add(
    "Ilm-Kreis <digital@ilm-kreis.de>",
    "Förderfähigkeit",
    letter(
        "Guten Tag,",
        BODIES[5][0],
        "Freundliche Grüße",
        "Robert Sander\nLandratsamt des Ilm-Kreises\nRitterstraße 14\n99310 Arnstadt",
    ),
    "16070",
    ["eligibility"],
)
add(
    "Schmalkalden-Meiningen <it@lra-sm.de>",
    "IT-Grundschutz",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[11][0],
        "Mit freundlichen Grüßen",
        "i. A. Nadine Rost\nLandkreis Schmalkalden-Meiningen\nDer Landrat\nObertshäuser Platz 1\n98617 Meiningen",
    ),
    "16066",
    ["it_security"],
)
add(
    "Stadt Schmalkalden <hauptamt@schmalkalden.de>",
    "Frage",
    letter(
        "Guten Tag,",
        BODIES[6][0],
        "Mit freundlichen Grüßen",
        "Stadtverwaltung Schmalkalden\nAltmarkt 1\n98574 Schmalkalden",
    ),
    "16066063",
    ["ozg_duties"],
)
add(
    "Kyffhäuserkreis <poststelle@kyffhaeuser.de>",
    "Förderung Hardware",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[5][0],
        "Mit freundlichen Grüßen",
        "Landratsamt Kyffhäuserkreis\nMarkt 8\n99706 Sondershausen",
    ),
    "16065",
    ["eligibility"],
)
add(
    "Sondershausen <it@sondershausen.de>",
    "Servicekonto",
    letter("Hallo,", BODIES[4][0], "Gruß", "Jan Pohl\nStadtverwaltung Sondershausen\nMarkt 7\n99706 Sondershausen"),
    "16065067",
    ["ozg_duties"],
)
add(
    "Landratsamt Altenburger Land <it@altenburgerland.de>",
    "Notfallmanagement",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[11][0],
        "Mit freundlichen Grüßen",
        "Landratsamt Altenburger Land\nLindenaustraße 9\n04600 Altenburg",
    ),
    "16077",
    ["it_security"],
)

# Kreisfreie Städte (8-digit AGS) and Eisenach (now in the Wartburgkreis).
for ags, name, code in [
    ("16051000", "Erfurt", "99084"),
    ("16053000", "Jena", "07743"),
    ("16052000", "Gera", "07545"),
    ("16054000", "Suhl", "98527"),
    ("16055000", "Weimar", "99423"),
    ("16063105", "Eisenach", "99817"),
]:
    text, topics = body()
    who = person()
    add(
        mailbox(who, f"{name.lower()}.de"),
        RNG.choice(["Anfrage", "OZG", "Förderung"]),
        letter(
            RNG.choice(GREETINGS),
            text,
            RNG.choice(CLOSINGS),
            f"{who}\n{RNG.choice(ROLES)}\nStadtverwaltung {name}\n{RNG.choice(STREETS)}\n{code} {name}",
        ),
        ags,
        topics,
    )

# Names that exist twice: Eichenberg, Elxleben, Lehesten.
add(
    "Eichenberg <gemeinde.eichenberg@web.de>",
    "Förderung",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[0][0],
        "Mit freundlichen Grüßen",
        "Uwe Kranz\nBürgermeister der Gemeinde Eichenberg\n98553 Eichenberg",
    ),
    "16069011",
    ["eligibility"],
)
add(
    "Kerstin Hahn <k.hahn@vg-suedliches-saaletal.de>",
    "Gemeinde Eichenberg: DMS",
    letter(
        "Guten Tag,",
        "für die Gemeinde Eichenberg haben wir eine Frage.\n" + BODIES[0][0],
        "Mit freundlichen Grüßen",
        "Kerstin Hahn\nVG Südliches Saaletal\nRathausgasse 1\n07768 Kahla",
    ),
    "16074016",
    ["eligibility"],
)
add(
    "Gemeinde Elxleben <info@gemeinde-elxleben.de>",
    "OZG-Frage",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Gemeindeverwaltung Elxleben\nHauptstraße 1\n99189 Elxleben",
    ),
    "16068009",
    ["ozg_duties"],
)
add(
    "Bürgermeister Elxleben <bm.elxleben@t-online.de>",
    "Rückfrage",
    letter(
        "Guten Tag,",
        BODIES[8][0],
        "Freundliche Grüße",
        "Heiko Beyer\nBürgermeister\nGemeinde Elxleben\n99334 Elxleben\n(VG Riechheimer Berg, Ilm-Kreis)",
    ),
    "16070013",
    ["eligibility"],
)
add(
    "Stadt Lehesten <stadt.lehesten@gmx.de>",
    "Frage Informationssicherheit",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[2][0],
        "Mit freundlichen Grüßen",
        "Stadt Lehesten\nDer Bürgermeister\n07349 Lehesten",
    ),
    "16073046",
    ["it_security"],
)
add(
    "VG Dornburg-Camburg <hauptamt@vg-dornburg-camburg.de>",
    "Gemeinde Lehesten",
    letter(
        "Guten Tag,",
        "wir schreiben für die Gemeinde Lehesten.\n" + BODIES[6][0],
        "Mit freundlichen Grüßen",
        "Hauptamt\nVG Dornburg-Camburg",
    ),
    "16074051",
    ["ozg_duties"],
)

# Names that are ordinary words: they link from a signature, never from prose.
add(
    "Gemeinde Rohr <bgm-rohr@t-online.de>",
    "Förderung Laptops",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[5][0],
        "Mit freundlichen Grüßen",
        "Gemeinde Rohr\nDer Bürgermeister\nHauptstraße 1\n98530 Rohr",
    ),
    "16066058",
    ["eligibility"],
)
add(
    "Lederhose <gemeinde-lederhose@web.de>",
    "Frage",
    letter(
        "Guten Tag,",
        BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Bürgermeisterin der Gemeinde Lederhose\nDorfstraße 3\n07589 Lederhose",
    ),
    "16076042",
    ["ozg_duties"],
)
add(
    "Stadt Neumark <buergermeister.neumark@gmx.de>",
    "Rückfrage",
    letter("Sehr geehrte Damen und Herren,", BODIES[3][0], "Mit freundlichem Gruß", "Stadt Neumark\nDer Bürgermeister"),
    "16071061",
    ["eligibility"],
)
add(
    "Gemeinde Körner <gemeinde.koerner@t-online.de>",
    "ISMS",
    letter("Hallo,", BODIES[2][0], "Viele Grüße", "Jörg Thiel\nGemeinde Körner\n99998 Körner"),
    "16064037",
    ["it_security"],
)
# ... and in prose they are just words.
add(
    "Hans Roth <hans.roth@gmx.de>",
    "Frage zur Förderung",
    letter(
        "Hallo,",
        "ich bin Installateur und habe das Rohr im Rathaus getauscht. Gibt es für Heizungen Fördermittel? "
        "Die Körner für die Vögel stehen auch noch draußen.",
        "Gruß",
        "Hans Roth",
    ),
    None,
    [],
)
add(
    "Rosa Zimmermann <rosa.z@web.de>",
    "Bitte um Info",
    letter(
        "Guten Tag,",
        "meine Tochter Rosa möchte im Büchel-Verlag ein Praktikum machen. Können Sie helfen?",
        "Viele Grüße",
        "Rosa Zimmermann",
    ),
    None,
    [],
)
add(
    "Steffen Neumann <s.neumann@gotha.de>",
    "Weiterleitung",
    letter(
        "Sehr geehrte Damen und Herren,",
        "in der Grub hinter dem Bauhof liegt noch das alte Rohr. " + BODIES[4][0],
        "Mit freundlichen Grüßen",
        "Steffen Neumann\nStadtverwaltung Gotha\nHauptmarkt 1\n99867 Gotha",
    ),
    "16067029",
    ["ozg_duties"],
)

# Generic providers: only the signature tells.
for ags in RNG.sample([k for k in GEMEINDEN if GEMEINDEN[k]["name"] not in ("Eichenberg", "Elxleben", "Lehesten")], 8):
    g, who = GEMEINDEN[ags], person()
    text, topics = body()
    provider = RNG.choice(["t-online.de", "gmx.de", "web.de", "gmx.net"])
    kind = "Stadt" if g["type"] != "Gemeinde" else "Gemeinde"
    sig = RNG.choice([f"{who}\nBürgermeister der {kind} {g['name']}\n{plz(ags)} {g['name']}",
                      f"{who}\n{kind} {g['name']}\n{RNG.choice(STREETS)}\n{plz(ags)} {g['name']}",
                      f"{who}, ehrenamtliche(r) Bürgermeister(in)\n{kind} {g['name']}"])  # fmt: skip
    add(
        mailbox(who, provider),
        RNG.choice(["Anfrage", "Frage", "Förderung"]),
        letter(RNG.choice(GREETINGS), text, RNG.choice(CLOSINGS), sig),
        ags,
        topics,
    )

# IT service providers writing on behalf of a municipality.
add(
    "Support <support@kiv-thueringen.de>",
    "Im Auftrag der Stadt Pößneck: Förderung",
    letter(
        "Sehr geehrte Damen und Herren,",
        "im Auftrag der Stadt Pößneck fragen wir an, ob die Migration des "
        "Einwohnermeldewesens nach ThürEGovRL förderfähig ist.",
        "Mit freundlichen Grüßen",
        "Sven Möller\nKIV Thüringen GmbH\nKommunale Informationsverarbeitung\nGeschäftsführer: A. Beispiel",
    ),
    "16075085",
    ["eligibility"],
)
add(
    "Service <service@kiv-thueringen.de>",
    "Sicherheitsvorfall Gemeinde Nesse-Apfelstädt",
    letter(
        "Guten Tag,",
        "wir betreuen die Gemeinde Nesse-Apfelstädt. Dort wurde heute ein Trojaner auf einem Server "
        "gefunden, die Daten sind verschlüsselt. Wir bitten um Unterstützung.",
        "Mit freundlichen Grüßen",
        "KIV Thüringen GmbH\nService Desk",
    ),
    "16067087",
    ["it_security"],
    urgent=True,
)
add(
    "Zweckverband <info@zv-kdv.de>",
    "Anfrage für Verbandsmitglied",
    letter(
        "Sehr geehrte Damen und Herren,",
        "für unser Verbandsmitglied, die Stadt Zella-Mehlis, klären wir die Anbindung an das Servicekonto.",
        "Mit freundlichen Grüßen",
        "Zweckverband Kommunale Datenverarbeitung\nIT-Dienstleister der Kommunen",
    ),
    "16066092",
    ["ozg_duties"],
)
add(
    "Projektleitung <pl@it-dienstleister-sued.de>",
    "Förderantrag Gemeinde Schleusegrund",
    letter(
        "Guten Tag,",
        "im Auftrag der Gemeinde Schleusegrund übersenden wir die Unterlagen zum Förderantrag.",
        "Beste Grüße",
        "Kommunales Rechenzentrum Süd GmbH\nProjektleitung",
    ),
    "16069042",
    ["eligibility"],
)
add(
    "Vertrieb <vertrieb@softwarehaus-muster.de>",
    "Angebot DMS für Kommunen",
    letter(
        "Sehr geehrte Damen und Herren,",
        "unser DMS läuft bereits bei der Stadt Jena und der Gemeinde Grabfeld. Gerne stellen wir es Ihnen vor.",
        "Mit freundlichen Grüßen",
        "Muster Software GmbH\nVertrieb\nGeschäftsführer: M. Muster\nHRB 12345\n99084 Erfurt",
    ),
    None,
    [],
)

# Partner municipality mentioned in the text is not the sender.
add(
    "Bauamt <bauamt@vg-feldstein.de>",
    "Gemeinsames Projekt",
    letter(
        "Sehr geehrte Damen und Herren,",
        "gemeinsam mit der Stadt Schleusingen planen wir eine gemeinsame E-Akte. " + BODIES[0][0],
        "Mit freundlichen Grüßen",
        "Bauamt\nVerwaltungsgemeinschaft Feldstein\n98660 Themar",
    ),
    "160695002",
    ["eligibility"],
)
add(
    "Stadt Ilmenau <it@ilmenau.de>",
    "Interkommunale Zusammenarbeit",
    letter(
        "Guten Tag,",
        "wir möchten mit der Gemeinde Großbreitenbach und der Stadt Stadtilm ein gemeinsames ISMS "
        "aufbauen. " + BODIES[7][0],
        "Viele Grüße",
        "Martin Busch\nIT-Koordinator\nStadtverwaltung Ilmenau\nAm Markt 7\n98693 Ilmenau",
    ),
    "16070029",
    ["it_security", "eligibility"],
)
add(
    "Bürgermeisterin <bgm@unstrut-hainich.de>",
    "Nachfrage",
    letter(
        "Sehr geehrte Frau Dr. Berger,",
        "wie die Stadt Mühlhausen möchten auch wir die BundID anbinden. " + BODIES[4][0],
        "Mit freundlichen Grüßen",
        "Anke Fuchs\nBürgermeisterin der Gemeinde Unstrut-Hainich",
    ),
    "16064076",
    ["ozg_duties"],
)
add(
    "Hauptamt Apolda <hauptamt@apolda.de>",
    "Förderung",
    letter(
        "Guten Tag,",
        "die Stadt Bad Berka hat uns empfohlen, uns an Sie zu wenden. " + BODIES[5][0],
        "Mit freundlichen Grüßen",
        "Hauptamt\nStadtverwaltung Apolda\nMarkt 1\n99510 Apolda",
    ),
    "16071001",
    ["eligibility"],
)
add(
    "Thomas Brandt <brandt@gera.de>",
    "Frage",
    letter(
        "Sehr geehrte Damen und Herren,",
        "auch die Stadt Jena und der Landkreis Greiz interessieren sich dafür. " + BODIES[6][0],
        "Mit freundlichen Grüßen",
        "Thomas Brandt\nStadtverwaltung Gera\nFachdienst Digitalisierung",
    ),
    "16052000",
    ["ozg_duties"],
)

# Old names of merged municipalities map to the successor.
add(
    "Rathaus Berga <rathaus.berga@t-online.de>",
    "Förderung",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[0][0],
        "Mit freundlichen Grüßen",
        "Stadtverwaltung Berga/Elster\nMarkt 1\n07980 Berga/Elster",
    ),
    "16076094",
    ["eligibility"],
)
add(
    "Wünschendorf <post@wuenschendorf-elster.de>",
    "OZG",
    letter(
        "Guten Tag,",
        BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Gemeinde Wünschendorf/Elster\nBürgerbüro\n07570 Wünschendorf",
    ),
    "16076094",
    ["ozg_duties"],
)

# AGS numbers.
add(
    "Kämmerei <kaemmerei.gemeinde@gmx.de>",
    "Förderantrag AGS 16071005",
    letter(
        "Sehr geehrte Damen und Herren,",
        "anbei der Antrag (Gemeindeschlüssel 16071005). " + BODIES[8][0],
        "Mit freundlichen Grüßen",
        "Kämmerei",
    ),
    "16071005",
    ["eligibility"],
)

# Umlauts written out, and short closings.
add(
    "Stadt Soemmerda <hauptamt@soemmerda.de>",
    "Frage",
    letter("Hallo,", BODIES[1][0], "MfG", "K. Schroeder\nStadtverwaltung Soemmerda\nMarktplatz 3-4\n99610 Soemmerda"),
    "16068051",
    ["ozg_duties"],
)
add(
    "Muehlhausen <it@muehlhausen.de>",
    "ISMS",
    letter(
        "Guten Tag,", BODIES[2][0], "Gruss", "IT-Abteilung\nStadtverwaltung Muehlhausen/Thueringen\n99974 Muehlhausen"
    ),
    "16064046",
    ["it_security"],
)

# Letterhead on top instead of a signature.
add(
    "Verwaltung <verwaltung@leinefelde-worbis.de>",
    "Förderantrag",
    "Stadt Leinefelde-Worbis\nDer Bürgermeister\nBahnhofstraße 43\n37327 Leinefelde-Worbis\n\nSehr geehrte Damen und Herren,\n\n"
    + BODIES[3][0]
    + "\n\nGez. Marko Grosa\n",
    "16061115",
    ["eligibility"],
)
add(
    "Landratsamt <post@lrasoemmerda.de>",
    "ISMS",
    "Landratsamt Sömmerda\nFachbereich Zentrale Dienste\nBahnhofstraße 9\n99610 Sömmerda\n\nSehr geehrte Damen und Herren,\n\n"
    + BODIES[11][0]
    + "\n\nIm Auftrag\nD. Krüger\n",
    "16068",
    ["it_security"],
)

# HTML-only mails.
add(
    "Stadt Arnstadt <hauptamt@arnstadt.de>",
    "Förderung",
    "<html><body><p>Sehr geehrte Damen und Herren,</p><p>" + BODIES[0][0] + "</p><p>Mit freundlichen Grüßen<br>"
    "Lisa Adler<br>Stadtverwaltung Arnstadt<br>Markt 1<br>99310 Arnstadt</p></body></html>",
    "16070004",
    ["eligibility"],
    html=True,
)
add(
    "VG Kranichfeld <info@vg-kranichfeld.de>",
    "OZG",
    "<html><body><div>Guten Tag,</div><div>" + BODIES[1][0] + "</div><div>Viele Grüße</div>"
    "<div><b>Verwaltungsgemeinschaft Kranichfeld</b><br>Hauptamt</div></body></html>",
    "160715007",
    ["ozg_duties"],
    html=True,
)

# Forwarded by a colleague of the municipality, and a short reply.
add(
    "Sekretariat <sekretariat@zella-mehlis.de>",
    "WG: Frage zum OZG",
    "Zur Kenntnis und Beantwortung.\n\n---------- Weitergeleitete Nachricht ----------\nVon: Bürgermeister\n"
    "Betreff: Frage zum OZG\n\n"
    + BODIES[1][0]
    + "\n\nMit freundlichen Grüßen\nStadtverwaltung Zella-Mehlis\nLouis-Anschütz-Straße 28\n98544 Zella-Mehlis\n",
    "16066092",
    ["ozg_duties"],
)
add(
    "Frank Richter <frank.richter@t-online.de>",
    "AW: Ihre Anfrage KV-2026-0012",
    "Vielen Dank, das hilft uns weiter. Eine Frage noch: " + BODIES[3][0] + "\n\nF. Richter\n\n"
    "Am 12.01.2026 schrieb Kompetenzzentrum Verwaltung 4.0:\n> Sehr geehrter Herr Richter,\n> anbei die Antwort.\n"
    "> Thüringer Finanzministerium\n> Ludwig-Erhard-Ring 7\n> 99099 Erfurt\n",
    None,
    ["eligibility"],
)

# Nobody to link: citizens, companies, other states, newsletters, out-of-office.
for i, (who, provider, place) in enumerate(
    [
        ("Karl Heinz Beck", "gmx.de", "99867 Gotha"),
        ("Monika Sauer", "web.de", "07743 Jena"),
        ("Lutz Wagner", "t-online.de", "98527 Suhl"),
        ("Ines Koch", "gmail.com", "99610 Sömmerda"),
    ]
):
    add(mailbox(who, provider), RNG.choice(["Frage zum Personalausweis", "Beschwerde", "Online-Antrag klappt nicht"]),
        letter("Guten Tag,", RNG.choice([
            "ich bin Bürgerin der Stadt und finde den Online-Antrag für den Anwohnerparkausweis nicht. Wo ist der?",
            "als Privatperson möchte ich wissen, warum meine Gemeinde die Hundesteuer nicht online anbietet.",
            "ich wohne in der Stadt Gotha und wollte fragen, wann das Bürgerportal wieder geht.",
            "mein Wohnort bietet kein Online-Formular für das Gewerbe an. Was kann ich tun?"]), "Viele Grüße",
            f"{who}\nAm Wiesengrund {i + 3}\n{place}"), None, ["ozg_duties"])  # fmt: skip
add(
    "Newsletter <newsletter@egov-news.de>",
    "E-Government-Newsletter März",
    "Liebe Leserinnen und Leser,\n\ndie Stadt Weimar und der Landkreis Gotha berichten über ihre OZG-Erfahrungen.\n\n"
    "Abmelden: https://egov-news.de/abmelden\n",
    None,
    [],
    headers={"List-Unsubscribe": "<https://egov-news.de/abmelden>"},
    auto_reply=True,
)
add(
    "Stadt Lauterbach <rathaus@lauterbach-hessen.de>",
    "Anfrage aus Hessen",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Stadt Lauterbach (Hessen)\nMarktplatz 14\n36341 Lauterbach",
    ),
    None,
    ["ozg_duties"],
)
add(
    "Gemeinde Steinbach <info@steinbach-taunus.de>",
    "Frage",
    letter(
        "Guten Tag,",
        BODIES[2][0],
        "Mit freundlichen Grüßen",
        "Gemeinde Steinbach (Taunus)\nGartenstraße 20\n61449 Steinbach",
    ),
    None,
    ["it_security"],
)
add(
    "Stadt Coburg <digital@coburg.de>",
    "Erfahrungsaustausch",
    letter(
        "Sehr geehrte Damen und Herren,",
        "wir sind eine bayerische Nachbarstadt von Sonneberg und möchten uns austauschen. " + BODIES[1][0],
        "Mit freundlichen Grüßen",
        "Stadt Coburg\nMarkt 1\n96450 Coburg",
    ),
    None,
    ["ozg_duties"],
)
add(
    "Landratsamt Hof <it@landkreis-hof.de>",
    "Anfrage",
    letter(
        "Guten Tag,",
        BODIES[11][0],
        "Freundliche Grüße",
        "Landratsamt Hof\nSchaumbergstraße 14\n95032 Hof\nFreistaat Bayern",
    ),
    None,
    ["it_security"],
)
add(
    "Gemeinde Seebach <rathaus@seebach.de>",
    "Frage",
    letter(
        "Sehr geehrte Damen und Herren,",
        BODIES[6][0],
        "Mit freundlichen Grüßen",
        "Bürgermeisteramt Seebach\nRuhesteinstraße 21\n77889 Seebach",
    ),
    None,
    ["ozg_duties"],
)
add(
    "Beratung <info@kommunalberatung-mitte.de>",
    "Seminarangebot",
    letter(
        "Sehr geehrte Damen und Herren,",
        "wir bieten Seminare zur Informationssicherheit an, zum Beispiel für die Stadt Erfurt und den Ilm-Kreis.",
        "Mit freundlichen Grüßen",
        "Kommunalberatung Mitte GmbH\nGeschäftsführer: P. Klein\nJuri-Gagarin-Ring 10\n99084 Erfurt",
    ),
    None,
    [],
)
add(
    "Abwesenheit <hauptamt@vg-oppurg.de>",
    "Automatische Antwort: Ihre Nachricht",
    "Ich bin bis zum 20.03. nicht im Büro. In dringenden Fällen wenden Sie sich an das Hauptamt.\n",
    "160755005",
    [],
    auto_reply=True,
    headers={"Auto-Submitted": "auto-replied"},
)
add(
    "Lieferant <info@bueromoebel-thueringen.de>",
    "Ihre Bestellung",
    letter(
        "Guten Tag,",
        "Ihre Bestellung Nr. 4711 wird am Montag geliefert.",
        "Mit freundlichen Grüßen",
        "Büromöbel Thüringen GmbH\nIndustriestraße 4\n99091 Erfurt",
    ),
    None,
    [],
)
add(
    "Student <lena.m@uni-jena.de>",
    "Umfrage Masterarbeit",
    letter(
        "Sehr geehrte Damen und Herren,",
        "für meine Masterarbeit befrage ich Thüringer Kommunen zur Digitalisierung. "
        "Könnten Sie den Fragebogen weiterleiten?",
        "Viele Grüße",
        "Lena Maurer\nFriedrich-Schiller-Universität Jena",
    ),
    None,
    [],
)


# --- hand-written mails in free style (each writer's own letterhead/signature habits) -------------
# (sender, subject, body, authority). Topic labels for these follow the words they contain.
FOOTER = "\n\n____________________\nHinweis zum Datenschutz: Informationen nach Art. 13 DSGVO finden Sie auf unserer Website. Beschwerden richten Sie an den Thüringer Landesbeauftragten für den Datenschutz und die Informationsfreiheit."
HANDWRITTEN = [
    (
        "Hauptamt <hauptamt@nesse-apfelstaedt.de>",
        "Frage ThAVEL",
        "Guten Tag Frau Berger,\n\nwie besprochen meine Frage zu ThAVEL: können wir Formulare selbst bauen?\n\nViele Grüße aus Neudietendorf\nRonny Kaiser\nGemeinde Nesse-Apfelstädt | Hauptamt | Ortsstraße 4 | 99192 Nesse-Apfelstädt OT Neudietendorf",
        "16067087",
    ),
    (
        "Stadt Bad Frankenhausen <info@bad-frankenhausen.de>",
        "Förderung",
        "Sehr geehrte Damen und Herren,\n\nist ein neuer Server förderfähig?\n\nMit freundlichen Grüßen\n\ni.A. Schröter\nStadt Bad Frankenhausen/Kyffhäuser\nMarkt 1\n06567 Bad Frankenhausen",
        "16065003",
    ),
    (
        "Bürgermeisterin <bm@kraftsdorf.de>",
        "Servicekonto",
        "Hallo,\n\nkurze Frage zum Servicekonto.\n\nBeste Grüße\nMaria Lenz\nBürgermeisterin\nGemeinde Kraftsdorf",
        "16076089",
    ),
    (
        "Landratsamt Greiz <poststelle@landkreis-greiz.de>",
        "ISMS",
        "Sehr geehrte Damen und Herren,\n\nwir bauen ein ISMS auf.\n\nMit freundlichen Grüßen\nIm Auftrag\n\nS. Wendt\nSachgebietsleiterin IT\n\nLandratsamt Greiz\nDr.-Rathenau-Platz 11\n07973 Greiz",
        "16076",
    ),
    (
        "Sonneberg LRA <it@lkson.de>",
        "Frage",
        "Guten Tag,\n\nbitte um Rückruf.\n\nFreundliche Grüße\nLandkreis Sonneberg – Landratsamt –\nBernhardstraße 5\n96515 Sonneberg",
        "16072",
    ),
    (
        "Stadt Sonneberg <rathaus@sonneberg.de>",
        "Frage",
        "Guten Tag,\n\nbitte um Rückruf wegen OZG.\n\nFreundliche Grüße\nStadtverwaltung Sonneberg\nBahnhofsplatz 1\n96515 Sonneberg",
        "16072018",
    ),
    (
        "VG Ländereck <info@vg-laendereck.de>",
        "Förderung",
        "Sehr geehrte Damen und Herren,\n\nAnbei unser Antrag.\n\nMit freundlichen Grüßen\nVG „Ländereck“\nHauptamt",
        "160765004",
    ),
    (
        "Stadt Jena <dezernat@jena.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nwir haben eine Frage zur EfA-Nachnutzung. Auch der Landkreis Saale-Holzland ist interessiert.\n\nMit freundlichen Grüßen\nDr. K. Vogel\nDezernat Finanzen, Sicherheit und Bürgerservice\nStadt Jena\nAm Anger 15\n07743 Jena",
        "16053000",
    ),
    (
        "TLVwA <poststelle@tlvwa.thueringen.de>",
        "Kommunalaufsicht",
        "Sehr geehrte Damen und Herren,\n\ndie Gemeinde Kraftsdorf hat bei uns angefragt.\n\nMit freundlichen Grüßen\nThüringer Landesverwaltungsamt\nJorge-Semprún-Platz 4\n99423 Weimar",
        None,
    ),
    (
        "Stadt Markneukirchen <info@markneukirchen.de>",
        "Austausch",
        "Guten Tag,\n\nwir sind aus Sachsen und möchten uns austauschen.\n\nMit freundlichen Grüßen\nStadtverwaltung Markneukirchen\nAm Rathaus 2\n08258 Markneukirchen",
        None,
    ),
    (
        "Gemeinde Am Ohmberg <gemeinde@am-ohmberg.de>",
        "ISMS",
        "Guten Tag,\n\nFrage zu BSI-Grundschutz.\n\nMfG\nGemeinde Am Ohmberg\nBischofferode",
        "16061116",
    ),
    (
        "EG An der Schmücke <hauptamt@anderschmuecke.de>",
        "OZG",
        "Hallo,\n\nOZG-Frage.\n\nGruß\nStadt An der Schmücke\nHauptamt",
        "16065088",
    ),
    (
        "Neustadt <it@neustadt-orla.de>",
        "IT",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Neustadt/Orla\nMarkt 1\n07806 Neustadt an der Orla",
        "16075073",
    ),
    (
        "Mühlhausen <ordnungsamt@muehlhausen.de>",
        "OZG",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nOrdnungsamt\nStadtverwaltung Mühlhausen/Thür.\nRatsstraße 19\n99974 Mühlhausen/Thüringen",
        "16064046",
    ),
    (
        "VG Mellingen <kaemmerei@vgem-mellingen.de>",
        "Antrag Gemeinde Schmiedehausen",
        "Sehr geehrte Damen und Herren,\n\nanbei der Antrag für die Gemeinde Schmiedehausen.\n\nMit freundlichen Grüßen\nKämmerei\nVerwaltungsgemeinschaft Mellingen",
        "160715008",
    ),
    (
        "Rathaus <rathaus@bad-lobenstein.de>",
        "OZG",
        "Guten Tag,\n\nFrage zum OZG.\n\nMit freundlichen Grüßen\nRathaus Bad Lobenstein\nGraben 18\n07356 Bad Lobenstein",
        "16075062",
    ),
    (
        "LRA Nordhausen <fb-it@lrandh.thueringen.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandkreis Nordhausen\nFachbereich Zentrale Dienste\nBehringstraße 3\n99734 Nordhausen",
        "16062",
    ),
    (
        "Stadt Nordhausen <it@nordhausen.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Nordhausen\nMarkt 1\n99734 Nordhausen",
        "16062041",
    ),
    (
        "Hildburghausen <landrat@lrahbn.de>",
        "Förderung",
        "Sehr geehrte Damen und Herren,\n\nFrage.\n\nHochachtungsvoll\nDer Landrat des Landkreises Hildburghausen",
        "16069",
    ),
    (
        "OB Erfurt <ob@erfurt.de>",
        "Digitalisierung",
        "Sehr geehrte Damen und Herren,\n\nFrage.\n\nMit freundlichen Grüßen\nOberbürgermeister der Landeshauptstadt Erfurt",
        "16051000",
    ),
    (
        "Stadt Eisenberg <hauptamt@rathaus-eisenberg.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Eisenberg\nHauptamt",
        "16074018",
    ),
    (
        "Gemeinde Ilmtal-Weinstraße <post@ilmtal-weinstrasse.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nwie andere Gemeinden im Weimarer Land fragen wir nach Förderung.\n\nMit freundlichen Grüßen\nGemeinde Ilmtal-Weinstraße\nBürgermeister",
        "16071101",
    ),
    (
        "AG Digitalisierung <ag.digital@apolda.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nViele Grüße\nAG Digitalisierung\nStadtverwaltung Apolda",
        "16071001",
    ),
    (
        "Hans Weber <hans.weber@gmx.de>",
        "Frage Bauantrag",
        "Guten Tag,\n\nich möchte einen Bauantrag online stellen. Geht das?\n\nMit freundlichen Grüßen\nHans Weber\nAm Anger 3\n99869 Friemar\nLandkreis Gotha",
        None,
    ),
    (
        "KIV <ticket@kiv-thueringen.de>",
        "Ticket 4711 - Stadt Schleiz - Anbindung Servicekonto",
        "Guten Tag,\n\nzur Anbindung des Servicekontos haben wir eine Rückfrage.\n\nMit freundlichen Grüßen\nKIV Thüringen GmbH",
        "16075098",
    ),
    (
        "Vertrieb <info@it-loesungen-erfurt.de>",
        "DMS",
        "Sehr geehrte Damen und Herren,\n\nals IT-Dienstleister betreuen wir bereits die Stadt Arnstadt. Gerne stellen wir Ihnen unser DMS vor.\n\nMit freundlichen Grüßen\nIT-Lösungen Erfurt GmbH\nGeschäftsführer: K. Klein",
        None,
    ),
    (
        "Sömmerda <it@lra-soemmerda.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandratsamt Sömmerda\nBahnhofstraße 9\n99610 Sömmerda",
        "16068",
    ),
    (
        "VG Kindelbrück <info@vg-kindelbrueck.de>",
        "Frage",
        "Guten Tag,\n\nFrage für die Stadt Kindelbrück.\n\nMit freundlichen Grüßen\nVG Kindelbrück",
        "16068064",
    ),
    (
        "VG Kindelbrück <info@vg-kindelbrueck.de>",
        "Frage",
        "Guten Tag,\n\nFrage für alle Mitgliedsgemeinden.\n\nMit freundlichen Grüßen\nVerwaltungsgemeinschaft Kindelbrück\nPuschkinplatz 1\n06578 Kindelbrück",
        "160685005",
    ),
    (
        "Bürgermeister <buergermeister.lehesten@t-online.de>",
        "Antrag",
        "Guten Tag,\n\nAntrag.\n\nMit freundlichen Grüßen\nGemeinde Lehesten\n07778 Lehesten",
        "16074051",
    ),
    (
        "Stadt Zeulenroda-Triebes <it@zeulenroda-triebes.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nGruß\nIT-Service der Stadt Zeulenroda-Triebes",
        "16076087",
    ),
    (
        "Weimar <digital@stadtweimar.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Weimar\nSchwanseestraße 17\n99423 Weimar",
        "16055000",
    ),
    (
        "Gemeinde Grabfeld <info@gemeinde-grabfeld.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Grabfeld\nBibra",
        "16066094",
    ),
    (
        "x <x@vg-hes.de>",
        "Frage",
        "Guten Tag,\n\nFrage zum Antrag der Gemeinde Heideland und der Stadt Schkölen.\n\nMit freundlichen Grüßen\nVG Heideland-Elstertal-Schkölen",
        "160745005",
    ),
    (
        "Kollege <m.berger@tfm.thueringen.de>",
        "WG: Anfrage Förderung",
        "Zur Bearbeitung.\n\n-----Ursprüngliche Nachricht-----\nVon: Hauptamt Stadt Schleusingen <hauptamt@schleusingen.de>\nGesendet: Montag, 2. März 2026 09:12\nAn: Berger, Maria\nBetreff: Anfrage Förderung\n\nSehr geehrte Frau Berger,\nist ein DMS förderfähig?\n\nMit freundlichen Grüßen\nStadtverwaltung Schleusingen\nMarkt 9\n98553 Schleusingen",
        "16069043",
    ),
    (
        "GEMEINDE <gemeinde@schlossvippach.de>",
        "FRAGE",
        "GUTEN TAG,\n\nWIR HABEN EINE FRAGE ZUM OZG.\n\nMFG\nGEMEINDE SCHLOSSVIPPACH",
        "16068048",
    ),
    (
        "Bad Köstritz <stadt@stadt-bad-koestritz.de>",
        "Frage",
        "Hallo,\n\nFrage zum Servicekonto.\n\nGruss\nStadt Bad Koestritz\nHauptamt",
        "16076003",
    ),
    (
        "Sprötau <bgm.sproetau@gramme-vippach.de>",
        "Antrag",
        "Guten Tag,\n\nanbei unser Antrag.\n\nMit freundlichen Grüßen\nBürgermeister der Gemeinde Sprötau\nVG Gramme-Vippach\nMarktplatz 1\n99195 Schloßvippach",
        "16068052",
    ),
    (
        "x <x@t-online.de>",
        "Rückfrage",
        "Sehr geehrte Damen und Herren,\n\nwir hatten im Januar angefragt und noch keine Antwort erhalten.\n\nMit freundlichen Grüßen\nW. Böhm\nTel. 036252 12345\nFax 036252 12346",
        None,
    ),
    (
        "Tabarz <info@bad-tabarz.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nFrage.\n\nMit freundlichen Grüßen\n\nGemeindeverwaltung Bad Tabarz\nZimmerbergstraße 4 · 99891 Bad Tabarz\nTel. 036259 5600 · www.bad-tabarz.de",
        "16067064",
    ),
    (
        "Hörselberg-Hainich <verwaltung@hoerselberg-hainich.de>",
        "OZG",
        "Guten Tag,\n\nFrage.\n\nViele Grüße\nGemeinde Hörselberg-Hainich\nBürgermeister\nIm Ortsteil Behringen",
        "16063098",
    ),
    (
        "Gotha LRA <fd-it@landkreisgotha.de>",
        "Notfall",
        "Guten Tag,\n\nheute Nacht wurden Server verschlüsselt.\n\nMit freundlichen Grüßen\nFachdienst IT\nLandkreis Gotha\n18.-März-Straße 50\n99867 Gotha",
        "16067",
    ),
    (
        "Schmalkalden <rathaus@schmalkalden.de>",
        "Bitte um Rückruf",
        "Guten Tag,\n\nbitte rufen Sie uns an, es geht um die Stadt Steinbach-Hallenberg und unser gemeinsames Projekt.\n\nMit freundlichen Grüßen\nStadt Schmalkalden\nDer Bürgermeister",
        "16066063",
    ),
    (
        "Leserbrief <redaktion@thueringer-zeitung.de>",
        "Presseanfrage",
        "Sehr geehrte Damen und Herren,\n\nwir recherchieren zur Digitalisierung in der Stadt Gera und im Landkreis Greiz.\n\nMit freundlichen Grüßen\nRedaktion Thüringer Zeitung\nJohannisstraße 5\n99084 Erfurt",
        None,
    ),
    (
        "Verein <vorstand@heimatverein-rohr.de>",
        "Förderung",
        "Hallo,\n\nunser Heimatverein in Rohr möchte eine Webseite. Gibt es Fördermittel?\n\nGruß\nHeimatverein Rohr e.V.\nDer Vorstand",
        None,
    ),
    (
        "Ilmenau <it@ilmenau.de>",
        "AW: Ihre Anfrage",
        "Danke für die schnelle Antwort!\n\n-- \nKai Wolf\nIT-Sachgebiet\nUniversitätsstadt Ilmenau\nAm Markt 7, 98693 Ilmenau\n\nAm 02.03.2026 um 10:00 schrieb Kompetenzzentrum:\n> Sehr geehrter Herr Wolf,\n> anbei die Antwort.",
        "16070029",
    ),
    (
        "Suhl <buergerservice@suhl.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nIhr Bürgerservice\nStadt Suhl",
        "16054000",
    ),
    (
        "Gera <it@gera.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Gera | Fachdienst IT | Gagarinstraße 99/101 | 07545 Gera",
        "16052000",
    ),
    (
        "Mayor <bgm@gemeinde-tonna.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nFrage zum Antrag.\n\nMit freundlichen Grüßen\nGemeinde Tonna\nDer Bürgermeister",
        "16067067",
    ),
    (
        "Amt Wachsenburg <info@amt-wachsenburg.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Amt Wachsenburg\nHauptamt\nSchulstraße 1\n99334 Amt Wachsenburg",
        "16070028",
    ),
    (
        "Unterwellenborn <post@unterwellenborn.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nFreundliche Grüße\nGemeinde Unterwellenborn\nAugust-Bebel-Straße 32\n07333 Unterwellenborn",
        "16073111",
    ),
    (
        "Saale-Orla <it@lrasok.thueringen.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandratsamt Saale-Orla-Kreis\nOschitzer Straße 4\n07907 Schleiz",
        "16075",
    ),
    (
        "Schleiz <hauptamt@schleiz.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Schleiz\nBahnhofstraße 1\n07907 Schleiz",
        "16075098",
    ),
    (
        "Eisfeld <stadt@eisfeld.de>",
        "Frage",
        "Guten Tag,\n\nFrage. Zum Vergleich: die Stadt Hildburghausen hat das schon.\n\nMit freundlichen Grüßen\nStadt Eisfeld\nMarkt 2\n98673 Eisfeld",
        "16069012",
    ),
    (
        "Zeulenroda <x@web.de>",
        "Frage",
        "Hallo,\n\nich bin Einwohner der Stadt Zeulenroda-Triebes und möchte wissen, ob das Rathaus Online-Termine anbietet.\n\nGruß\nPeter",
        None,
    ),
    (
        "VG Oppurg <info@vg-oppurg.de>",
        "Gemeinde Nimritz und Gemeinde Oppurg",
        "Guten Tag,\n\nFrage für zwei Gemeinden.\n\nMit freundlichen Grüßen\nVG Oppurg",
        "160755005",
    ),
    (
        "Dingelstädt <stadt@dingelstaedt.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Dingelstädt\nDer Bürgermeister\nKirchplatz 2\n37351 Dingelstädt",
        "16061118",
    ),
    (
        "Altenburg <it@stadt-altenburg.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Altenburg\nMarkt 1\n04600 Altenburg",
        "16077001",
    ),
    (
        "Hauptamt <hauptamt@stadt-bad-salzungen.de>",
        "Frage",
        "Guten Tag,\n\nFrage zum OZG.\n\nMit freundlichen Grüßen\nStadt Bad Salzungen\nHauptamt\nRatsstraße 2\n36433 Bad Salzungen"
        + FOOTER,
        "16063003",
    ),
    (
        "LRA Greiz <kommunalaufsicht@landkreis-greiz.de>",
        "Antrag Gemeinde Langenwetzendorf",
        "Sehr geehrte Damen und Herren,\n\ndie Gemeinde Langenwetzendorf hat einen Antrag gestellt, wir bitten um Ihre Stellungnahme.\n\nMit freundlichen Grüßen\nLandratsamt Greiz\nKommunalaufsicht",
        "16076",
    ),
    (
        "Stadt Gotha <it@gotha.de>",
        "AW: Stadt Gotha - Förderantrag",
        "Guten Tag,\n\ndanke.\n\nViele Grüße\nIT-Abteilung\nStadtverwaltung Gotha" + FOOTER,
        "16067029",
    ),
    (
        "LRA Gotha <it@landkreisgotha.de>",
        "AW: Stadt Gotha - Förderantrag",
        "Guten Tag,\n\nwir als Landkreis unterstützen den Antrag der Stadt Gotha.\n\nViele Grüße\nLandratsamt Gotha\nFachdienst IT",
        "16067",
    ),
    (
        "Bürgermeister <buergermeister@straussfurt.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Straußfurt\nDer Bürgermeister",
        "16068053",
    ),
    (
        "VG Straußfurt <info@vgstraussfurt.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Straußfurt\nDer Bürgermeister\nc/o VG Straußfurt",
        "16068053",
    ),
    (
        "x <x@vg-huegelland.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nVG Hügelland-Täler\nTröbnitz",
        "160745007",
    ),
    (
        "GStB <info@gstb-thueringen.de>",
        "Rundschreiben",
        "Sehr geehrte Damen und Herren,\n\nanbei unser Rundschreiben zur Digitalisierung für alle Städte und Gemeinden, z.B. die Stadt Sömmerda.\n\nMit freundlichen Grüßen\nGemeinde- und Städtebund Thüringen e.V.\nRichard-Breslau-Straße 14\n99094 Erfurt",
        None,
    ),
    (
        "x <x@wartburgkreis.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nFachdienst Digitalisierung\nWartburgkreis\nErzberger Allee 14\n36433 Bad Salzungen",
        "16063",
    ),
    (
        "Bürgerin <anna.k@posteo.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nich habe eine Frage zur Hundesteuer in der Gemeinde Rohr. Können Sie mir helfen?\n\nMit freundlichen Grüßen\nAnna Krüger\nHauptstraße 12\n98530 Rohr",
        None,
    ),
    (
        "x <x@vg-seenplatte.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nVerwaltungsgemeinschaft Seenplatte\nBürgermeister der Gemeinde Dittersdorf",
        "16075014",
    ),
    (
        "x <bgm@gemeinde-buechel.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nGruß\nGemeinde Büchel\nBürgermeister",
        "16068005",
    ),
    (
        "x <x@leinefelde-worbis.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Leinefelde-Worbis\nBürgerbüro\nBahnhofstraße 43\n37327 Leinefelde-Worbis"
        + FOOTER,
        "16061115",
    ),
    (
        "x <x@t-online.de>",
        "Frage",
        "Guten Tag,\n\nwir als Gemeinde Bienstädt haben eine Frage.\n\nViele Grüße\nK. Ernst",
        None,
    ),
    (
        "x <x@t-online.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nViele Grüße\nK. Ernst\nBürgermeister Gemeinde Bienstädt\nLandkreis Gotha",
        "16067004",
    ),
    (
        "x <x@apolda.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Apolda - Fachdienst Informationstechnik\nMarkt 1, 99510 Apolda",
        "16071001",
    ),
    (
        "x <x@lra-weimarerland.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandratsamt Weimarer Land\nBahnhofstraße 28\n99510 Apolda",
        "16071",
    ),
    (
        "x <x@unstrut-hainich-kreis.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandratsamt Unstrut-Hainich-Kreis\nLindenbühl 28/29\n99974 Mühlhausen",
        "16064",
    ),
    (
        "x <x@muehlhausen.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Mühlhausen\nRatsstraße 19\n99974 Mühlhausen",
        "16064046",
    ),
    (
        "x <x@gemeinde-unstrut-hainich.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Unstrut-Hainich\nBürgermeister",
        "16064076",
    ),
    (
        "x <x@kiv-thueringen.de>",
        "Störung",
        "Guten Tag,\n\nbei mehreren Kunden, u.a. Stadt Gera und Stadt Jena, gibt es eine Störung.\n\nMit freundlichen Grüßen\nKIV Thüringen GmbH",
        None,
    ),
    (
        "x <x@rathaus-muenchenbernsdorf.de>",
        "Frage",
        "Guten Tag,\n\nFrage der Gemeinde Lederhose zum Förderantrag.\n\nMit freundlichen Grüßen\nVG Münchenbernsdorf\nHauptamt",
        "16076042",
    ),
    (
        "Bürgermeister Schulz <bgm.schulz@icloud.com>",
        "Kurze Frage",
        "Hallo Frau Berger,\nkönnen Sie mich wegen des Förderantrags zurückrufen? 0171 1234567\nDanke\nSchulz\nBgm. Gemeinde Dachwig\n\nVon meinem iPhone gesendet",
        "16067009",
    ),
    (
        "Stadt Ronneburg <info@ronneburg.de>",
        "Antrag",
        "Sehr geehrte Damen und Herren,\n\nbeigefügt erhalten Sie unseren Antrag.\n\nMit freundlichen Grüßen\n\ni. A.\n\nSandra Wirth\nSachbearbeiterin\n\nStadtverwaltung Ronneburg\nMarkt 1 – 2\n07580 Ronneburg\nTelefon: 036602 / 5240\nE-Mail: info@ronneburg.de\nInternet: www.ronneburg.de\n\nDiese E-Mail kann vertrauliche Informationen enthalten. Wenn Sie nicht der richtige Adressat sind, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail.",
        "16076061",
    ),
    (
        "Stadt Ronneburg <info@ronneburg.de>",
        "Antrag",
        "Sehr geehrte Damen und Herren,\n\nunser Nachbar, der Landkreis Greiz, hat uns an Sie verwiesen.\n\nMit freundlichen Grüßen\nStadtverwaltung Ronneburg",
        "16076061",
    ),
    (
        "IT <it@kreis-sm.de>",
        "WG: Phishing",
        "Hallo,\n\nzur Info: diese Phishing-Mail ging heute an alle Mitarbeiter.\n\nGruß\nIT-Sicherheit\nLandratsamt Schmalkalden-Meiningen\n\n-----Ursprüngliche Nachricht-----\nVon: Microsoft <noreply@micros0ft.com>\nBetreff: Ihr Konto wird gesperrt\n\nBitte bestätigen Sie Ihr Passwort.",
        "16066",
    ),
    (
        "Amt <amt@vg-fahner-hoehe.de>",
        "Frage",
        "Sehr geehrte Damen und Herren,\n\nwir fragen im Namen aller fünf Mitgliedsgemeinden der VG Fahner Höhe.\n\nMit freundlichen Grüßen\nHauptamt",
        "160675012",
    ),
    (
        "Amt <amt@vg-fahner-hoehe.de>",
        "Frage Gemeinde Döllstädt",
        "Sehr geehrte Damen und Herren,\n\ndie Gemeinde Döllstädt möchte wissen, ob ein neuer Server förderfähig ist.\n\nMit freundlichen Grüßen\nHauptamt\nVG Fahner Höhe",
        "16067011",
    ),
    (
        "Ingo <ingo.m@web.de>",
        "Frage",
        "Hi,\n\nals Gemeinderat in Tonna interessiert mich, ob wir Förderung bekommen können.\n\nIngo",
        None,
    ),
    (
        "x <x@kdgotha.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nKreisverwaltung Gotha\nKommunale Datenverarbeitung",
        "16067",
    ),
    (
        "x <x@weimar.de>",
        "Anfrage Klassikerstadt",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Weimar\nAmt für Informationstechnik\nSchwanseestraße 17\n99423 Weimar",
        "16055000",
    ),
    (
        "x <x@lra-wak.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nLandratsamt Wartburgkreis\nFachdienst IT",
        "16063",
    ),
    (
        "x <x@eisenach.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadtverwaltung Eisenach\nMarkt 22\n99817 Eisenach",
        "16063105",
    ),
    (
        "x <x@gemeinde-grammetal.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nGemeinde Grammetal\nOT Bechstedtstraß",
        "16071103",
    ),
    (
        "Newsletter Landkreistag <news@thueringischer-landkreistag.de>",
        "Newsletter",
        "Liebe Mitglieder,\n\nder Landkreis Gotha und der Wartburgkreis berichten.\n\nThüringischer Landkreistag\nRichard-Breslau-Straße 14\n99094 Erfurt",
        None,
    ),
    (
        "x <x@kaltennordheim.de>",
        "Frage",
        "Guten Tag,\n\nFrage.\n\nMit freundlichen Grüßen\nStadt Kaltennordheim\nc/o VG Hohe Rhön",
        "16066095",
    ),
    (
        "x <x@stadt-bad-lobenstein.de>",
        "Förderung",
        "Guten Tag,\n\nwir, die Stadt Bad Lobenstein, möchten einen Antrag stellen.\n\nMfG\nHauptamt",
        "16075062",
    ),
]


def _topics_of(text: str) -> tuple[list[str], bool]:
    lowered = text.lower()
    topics = []
    if any(w in lowered for w in ("ozg", "servicekonto", "thavel", "efa-", "online-termine", "bauantrag online")):
        topics.append("ozg_duties")
    if any(w in lowered for w in ("förder", "antrag.", "anbei der antrag", "anbei unser antrag")):
        topics.append("eligibility")
    if any(w in lowered for w in ("isms", "bsi", "grundschutz", "verschlüsselt", "server förderfähig")):
        topics.append("it_security")
    return topics, "verschlüsselt" in lowered


for sender, subject, text, authority in HANDWRITTEN:
    topics, urgent = _topics_of(f"{subject} {text}")
    add(sender, subject, text + "\n", authority, topics, urgent=urgent)


def write() -> None:
    for old in HERE.glob("*.eml"):
        old.unlink()
    lines = []
    base = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    for number, mail in enumerate(MAILS, start=1):
        message = EmailMessage()
        message["From"] = mail["from"]
        message["To"] = "egovernment@tfm.thueringen.de"
        message["Subject"] = mail["subject"]
        message["Date"] = format_datetime(base.replace(hour=8 + number % 9, minute=number % 60))
        message["Message-ID"] = f"<linking-{number:03d}@eval.eingang.test>"
        for name, value in mail["headers"].items():
            message[name] = value
        if mail["html"]:
            message.set_content(mail["body"], subtype="html")
        else:
            message.set_content(mail["body"])
        name = f"link_{number:03d}.eml"
        (HERE / name).write_bytes(bytes(message))
        lines.append(
            json.dumps(
                {
                    "file": name,
                    "topics": mail["topics"],
                    "authority": mail["authority"],
                    "auto_reply": mail["auto_reply"],
                    "urgent": mail["urgent"],
                },
                ensure_ascii=False,
            )
        )
    (HERE / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(MAILS)} mails written to {HERE}")


if __name__ == "__main__":
    write()
