# ruff: noqa: E501 - the templates are long German sentences
"""Generate the labelled training corpus (train / dev / test JSONL) from templates and slot fillers.

Run from the repository root: ``python classifiers/training/generate_corpus.py``. Deterministic
(fixed seed). Each generated mail is assembled like a real one — subject, greeting, a context
sentence, one or more requests (one per topic for multi-topic mails), a closing, a signature and
sometimes quoted history — then noised (no umlauts, typos, lower case, terse style) and cut the way
production cuts it: ``intake.bodies.split_body`` keeps only the new text, and the classifier text is
subject + blank line + new text. Hand-written mails from ``handwritten.jsonl`` are added to the
train and dev splits. Templates are split into families so that the dev and test splits contain
phrasings the train split never saw (every longer template list is partitioned by index).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from intake.bodies import split_body  # noqa: E402

TOPICS = ("ozg_duties", "eligibility", "it_security")
SEED = 20261121
GAZETTEER = ROOT / "classifiers" / "data" / "thueringen"


def _places() -> tuple[list[str], list[str], list[str]]:
    with (GAZETTEER / "gemeinden.csv").open(encoding="utf-8") as handle:
        towns = [row["name"] for row in csv.DictReader(handle)]
    with (GAZETTEER / "kreise.csv").open(encoding="utf-8") as handle:
        districts = [row["name"] for row in csv.DictReader(handle) if row["type"] == "Landkreis"]
    with (GAZETTEER / "verwaltungsgemeinschaften.csv").open(encoding="utf-8") as handle:
        vgs = [row["name"] for row in csv.DictReader(handle)]
    return towns, districts, vgs


TOWNS, DISTRICTS, VGS = _places()

FIRST = "Andreas Birgit Carsten Doreen Enrico Franziska Gerd Heike Ingo Jana Kerstin Lutz Maik Nadine Olaf Petra Ronny "
FIRST += "Sabine Thomas Ulrike Volker Wiebke Yvonne Steffen Mandy Rene Sandra Jens Katrin Uwe Anja Dirk Silke Marco"
LAST = "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schröder "
LAST += (
    "Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Werner Krause Lehmann Köhler Herrmann König Walter Peter"
)
FIRST_NAMES = FIRST.split()
LAST_NAMES = LAST.split()

# --- who writes -----------------------------------------------------------------------------------

ROLES = [
    ("Bürgermeister", "Gemeinde {town}"),
    ("Bürgermeisterin", "Stadt {town}"),
    ("ehrenamtlicher Bürgermeister", "Gemeinde {town}"),
    ("Hauptamtsleiter", "Stadtverwaltung {town}"),
    ("Hauptamtsleiterin", "Verwaltungsgemeinschaft {vg}"),
    ("Leiterin Hauptamt", "VG {vg}"),
    ("Kämmerer", "Stadt {town}"),
    ("Kämmerin", "Gemeinde {town}"),
    ("Sachbearbeiterin Finanzen", "Verwaltungsgemeinschaft {vg}"),
    ("IT-Administrator", "Stadtverwaltung {town}"),
    ("Systemadministration", "VG {vg}"),
    ("IT-Koordinator", "Landratsamt {district}"),
    ("Sachgebiet Digitalisierung", "Landratsamt {district}"),
    ("Fachdienst Kommunalaufsicht", "Landratsamt {district}"),
    ("Digitalisierungsbeauftragte", "Stadt {town}"),
    ("Informationssicherheitsbeauftragter", "Landkreis {district}"),
    ("Projektleitung Kommunalkunden", "KommunalIT Thüringen GmbH"),
    ("Vertrieb öffentliche Verwaltung", "Rechenzentrum Mitte eG"),
    ("Büroleiterin", "Gemeinde {town}"),
    ("Ordnungsamt", "Stadt {town}"),
    ("Einwohnermeldeamt", "Gemeinde {town}"),
]

GREETINGS = [
    "Sehr geehrte Damen und Herren,",
    "Sehr geehrte Damen und Herren,",
    "Guten Tag,",
    "Hallo,",
    "Hallo zusammen,",
    "Guten Morgen,",
    "Sehr geehrter Herr {last},",
    "Sehr geehrte Frau {last},",
    "Liebe Kolleginnen und Kollegen,",
    "Hallo Frau {last},",
    "Moin,",
    "Werte Damen und Herren,",
    "",
    "",
]

CLOSINGS = [
    "Mit freundlichen Grüßen",
    "Mit freundlichen Grüßen",
    "Freundliche Grüße",
    "Viele Grüße",
    "Beste Grüße",
    "MfG",
    "Gruß",
    "LG",
    "Vielen Dank im Voraus und freundliche Grüße",
    "Danke und Gruß",
    "Mit besten Grüßen",
    "Hochachtungsvoll",
]

THANKS_LINES = [
    "Vielen Dank vorab für Ihre Unterstützung.",
    "Über eine kurze Rückmeldung würde ich mich freuen.",
    "Für Rückfragen stehe ich gern zur Verfügung.",
    "Können Sie mich dazu bitte zurückrufen?",
    "Eine kurze Antwort per Mail genügt.",
    "Danke schon mal.",
    "Bitte um kurze Info.",
    "Wir bräuchten die Antwort bis Ende nächster Woche, da der Gemeinderat tagt.",
    "",
    "",
    "",
]

CONTEXT = [
    "ich wende mich mit einer Frage an Sie.",
    "wir sind eine kleine Gemeinde mit rund {people} Einwohnern und haben eine Frage.",
    "in unserer letzten Dienstberatung kam folgendes Thema auf.",
    "mir wurde Ihre Adresse von der Kommunalaufsicht gegeben.",
    "bezugnehmend auf unser Telefonat von gestern:",
    "unser Bürgermeister hat mich gebeten, mich an Sie zu wenden.",
    "wie auf der Veranstaltung in Erfurt besprochen, melde ich mich.",
    "ich bin neu im Hauptamt und übernehme das Thema von meinem Vorgänger.",
    "kurze Frage:",
    "",
    "",
    "",
    "",
]

# --- topic requests: (template) with slots ---------------------------------------------------------

SLOTS: dict[str, list[str]] = {
    "project": [
        "eines Dokumentenmanagementsystems",
        "der E-Akte",
        "eines Ratsinformationssystems",
        "einer digitalen Posteingangsbearbeitung mit Scanner",
        "eines Online-Terminvereinbarungssystems",
        "von Notebooks für die mobile Arbeit",
        "einer Software für die digitale Rechnungsbearbeitung",
        "eines Bürgerportals",
        "der Digitalisierung unseres Archivs",
        "neuer Server für die Fachverfahren",
        "eines elektronischen Sitzungsdienstes",
        "eines Personalausweis-Lesegeräts für den Bürgerservice",
        "einer Schnittstelle zwischen Fachverfahren und Antragsportal",
        "von Tablets für die Gemeinderatsmitglieder",
        "einer Videokonferenzlösung",
        "eines Geoinformationssystems",
    ],
    "guideline": [
        "der ThürEGovRL",
        "der Thüringer E-Government-Richtlinie",
        "der E-Government-Förderrichtlinie",
        "ThürEGovRL",
        "der Richtlinie zur Förderung von E-Government in Kommunen",
        "dem ThürFAG",
        "der Förderrichtlinie E-Government",
        "Thuer EGovRL",
    ],
    "service": [
        "Wohngeld",
        "die Hundesteuer-Anmeldung",
        "die Gewerbeanmeldung",
        "das Anwohnerparken",
        "die Meldebescheinigung",
        "den Kita-Platz-Antrag",
        "die Sondernutzungserlaubnis",
        "die Baumfällgenehmigung",
        "das Führungszeugnis",
        "die Bauantragstellung",
        "die Anmeldung einer Veranstaltung",
        "die Friedhofsgebühren",
        "das Fischereischein-Verfahren",
        "die Personenstandsurkunde",
    ],
    "ozg_term": [
        "das OZG",
        "das Onlinezugangsgesetz",
        "das OZG 2.0",
        "die OZG-Umsetzung",
        "das Online-Zugangs-Gesetz",
        "die Vorgaben aus dem OZG",
    ],
    "portal": [
        "ThAVEL",
        "das ThAVEL-Portal",
        "das Thüringer Antragssystem für Verwaltungsleistungen",
        "das Landesportal",
        "den Portalverbund",
        "Thavel",
    ],
    "account": ["die BundID", "das Servicekonto", "die BundID-Anbindung", "das Nutzerkonto Bund", "die eID-Funktion"],
    "amount": ["15.000", "8.500", "42.000 Euro", "120.000 €", "rund 30 TEUR", "etwa 60.000 Euro", "3.900 EUR"],
    "security_thing": [
        "ein ISMS",
        "ein Informationssicherheitsmanagement",
        "den IT-Grundschutz nach BSI",
        "BSI IT-Grundschutz",
        "den Baustein-Check nach BSI",
        "die Basis-Absicherung nach BSI 200-2",
        "ein Sicherheitskonzept für unsere IT",
        "eine Notfallvorsorge für die IT",
        "die Informationssicherheitsleitlinie",
        "CISIS12",
    ],
    "attack": [
        "eine Ransomware",
        "ein Verschlüsselungstrojaner",
        "Emotet",
        "eine Schadsoftware",
        "ein Cyberangriff",
        "ein Hackerangriff",
    ],
    "deadline": ["31.12.", "Ende des Jahres", "30. Juni", "zum Quartalsende", "15. Oktober", "bis Monatsende"],
    "month": ["Januar", "März", "Mai", "Juni", "September", "Oktober", "November"],
}

REQUESTS: dict[str, list[str]] = {
    "ozg_duties": [
        "Müssen wir {service} nach dem OZG online anbieten oder reicht das PDF-Formular auf unserer Homepage?",
        "welche Leistungen müssen wir als Gemeinde nach {ozg_term} eigentlich digital anbieten?",
        "Wir wissen nicht, ob {service} über {portal} abgebildet wird oder ob wir selbst etwas bauen müssen.",
        "Wie binden wir {account} an unsere Online-Formulare an?",
        "Gibt es eine Übersicht, welche EfA-Leistungen für Kommunen in Thüringen schon nachnutzbar sind?",
        "Bis wann müssen die Verwaltungsleistungen online verfügbar sein? Gibt es nach {ozg_term} noch eine Frist?",
        "Unser Einwohnermeldeamt fragt, ob Bürger sich für {service} mit {account} anmelden müssen.",
        "Wie kommen wir an einen Zugang zu {portal}? Wir wollen {service} dort freischalten.",
        "Im Antragsportal wird {service} für unsere Gemeinde nicht angezeigt. Wer pflegt die Zuständigkeitsfinder-Daten?",
        "Was bedeutet der Reifegrad 3 für unsere Online-Leistungen konkret?",
        "Ist die Nutzung von {portal} für Kommunen verpflichtend oder dürfen wir ein anderes Antragssystem nehmen?",
        "Der Landkreis sagt, die Gemeinden seien für die Umsetzung von {ozg_term} selbst zuständig. Stimmt das?",
        "Wir haben eine Anfrage eines Bürgers, warum man {service} immer noch nicht online beantragen kann.",
        "Welche Pflichten ergeben sich für uns aus der Änderung des Onlinezugangsgesetzes?",
        "Wie läuft die Anbindung an den Portalverbund technisch ab und was kostet uns das?",
        "Kann ein Bürger den Antrag für {service} mit dem Servicekonto stellen und bekommen wir den Antrag dann ins Postfach?",
        "Wir sollen laut Schreiben des Ministeriums bis {deadline} melden, welche OZG-Leistungen live sind. Wo tragen wir das ein?",
        "Welche Online-Dienste sind denn für eine VG unserer Größe Pflicht?",
        "Muss die Gewerbeanmeldung zwingend digital möglich sein oder ist das Sache des Landes?",
        "Gilt die Onlinepflicht auch für kleine Gemeinden ohne eigenes Hauptamt?",
        "Wir bekommen über {portal} Anträge rein, wissen aber nicht, wie die ins Fachverfahren kommen sollen.",
        "Können Sie uns sagen, welche LeiKa-Leistungen in unserer Zuständigkeit liegen?",
        "Gibt es Musterformulare für das Antragsportal, die wir übernehmen können?",
        "Ab wann dürfen Bürger ihre Anträge nur noch elektronisch einreichen, und was machen wir mit Papieranträgen?",
        "Wie ist der Stand bei der Umsetzung des Einer-für-Alle-Prinzips für {service}?",
        "Wir prüfen gerade, welche unserer Verwaltungsleistungen noch nicht online sind. Gibt es dafür eine Checkliste?",
        "Ist die Ende-zu-Ende-Digitalisierung vorgeschrieben oder reicht ein Online-Formular mit Ausdruck?",
        "brauchen wir für die Online-Bezahlung im Antragsportal einen eigenen ePayment-Vertrag?",
        "Unser IT-Dienstleister soll die Online-Formulare an unser Fachverfahren anbinden. Welche Leistungen müssen wir nach dem OZG online haben?",
        "Welche Leistungen müssen wir noch online bringen, und bis wann?",
        "Der Hersteller unseres Fachverfahrens fragt, ob wir die Schnittstelle zum Antragsportal brauchen. Ist das für die OZG-Leistungen nötig?",
        "Wir bekommen die Anträge aus dem Portal als PDF per Mail, müssen wir das künftig medienbruchfrei verarbeiten?",
        "Bürger fragen, warum man {service} bei uns nicht im Internet beantragen kann. Sind wir dazu verpflichtet?",
    ],
    "eligibility": [
        "Wir planen die Einführung {project}. Ist das nach {guideline} förderfähig?",
        "Kann eine Verwaltungsgemeinschaft einen Antrag nach {guideline} stellen oder nur die Mitgliedsgemeinden?",
        "Wie hoch ist der Eigenanteil bei einer Förderung {project}?",
        "Bis wann muss der Förderantrag für dieses Jahr eingereicht sein?",
        "Wir haben im {month} einen Antrag auf Förderung gestellt und noch keinen Bescheid. Können Sie uns den Stand sagen?",
        "Welche Unterlagen gehören zum Verwendungsnachweis und bis wann ist er vorzulegen?",
        "Sind Personalkosten für die Projektleitung zuwendungsfähig?",
        "Die Kosten liegen bei {amount}. Gibt es eine Bagatellgrenze oder einen Höchstbetrag?",
        "Dürfen wir mit dem Vorhaben schon beginnen, bevor der Zuwendungsbescheid da ist (vorzeitiger Maßnahmebeginn)?",
        "Können auch Lizenzkosten für die ersten Jahre gefördert werden oder nur die Anschaffung?",
        "Ist eine gemeinsame Antragstellung mehrerer Gemeinden möglich, wenn wir {project} zusammen beschaffen?",
        "Wir haben einen Zuwendungsbescheid über {amount} erhalten, möchten aber das Projekt ändern. Geht das?",
        "Welche Förderquote gilt für finanzschwache Kommunen?",
        "Muss für die Förderung ein Vergabeverfahren nachgewiesen werden?",
        "Sind die Mittel aus dem ThürFAG für Digitalisierung zweckgebunden oder können wir sie frei verwenden?",
        "Wo finden wir das Antragsformular und die aktuelle Fassung {guideline}?",
        "Wir haben die Frist für den Verwendungsnachweis versäumt. Was passiert jetzt mit den Fördermitteln?",
        "Ist die Anschaffung {project} als Ersatzbeschaffung überhaupt förderfähig?",
        "Gibt es für {project} noch Fördergeld in diesem Haushaltsjahr oder ist der Topf leer?",
        "Wer ist bei Ihnen für die Bewilligung der E-Government-Zuschüsse zuständig?",
        "Kann der Mittelabruf in Teilbeträgen erfolgen?",
        "Zählt die Umsatzsteuer zu den förderfähigen Ausgaben?",
        "Ich brauche für die Haushaltsplanung eine Aussage, mit welcher Zuwendung wir für {project} rechnen können.",
        "Reicht ein Kostenvoranschlag für den Antrag oder brauchen wir drei Angebote?",
        "Müssen die geförderten Geräte eine Zweckbindungsfrist einhalten?",
        "Unser Antrag auf Zuwendung wurde abgelehnt. Können wir neu beantragen?",
        "ist eine Förderung nach {guideline} auch für Schulungen der Mitarbeiter möglich?",
        "Gibt es vom Land noch Geld für die Digitalisierung der Verwaltung, zum Beispiel für {project}?",
        "Wie viel Fördergeld bekommt man für {project} und was muss man dafür einreichen?",
        "Unser IT-Dienstleister hat ein Angebot für {project} über {amount} gemacht. Können wir das fördern lassen?",
        "Zahlt das Land einen Zuschuss, wenn wir neue Rechner und Software für das Bürgerbüro kaufen?",
        "Die Lizenzkosten für {project} sind hoch. Übernimmt die Digitalisierungsförderung einen Teil davon?",
        "Wir wollen die Server und die Fachverfahren modernisieren und fragen, ob es dafür Landesmittel für E-Government gibt.",
        "Anbei übersenden wir die Unterlagen zu unserem Förderantrag. Fehlt noch etwas?",
        "In der Anlage finden Sie den unterschriebenen Antrag auf Zuwendung für {project_short}.",
        "Wir reichen hiermit die fehlenden Nachweise zum Antrag nach {guideline} nach.",
        "Bitte bestätigen Sie den Eingang unseres Antrags auf E-Government-Förderung.",
        "Im Auftrag der Gemeinde senden wir Ihnen den Förderantrag mit Kostenplan und Angeboten.",
        "Hier der Sachbericht zum Verwendungsnachweis, die Belegliste folgt per Post.",
        "Bekommen wir eine Eingangsbestätigung für unseren Förderantrag vom {month}?",
    ],
    "it_security": [
        "Wir wollen {security_thing} aufbauen und wissen nicht, wo wir anfangen sollen.",
        "Muss jede Gemeinde einen Informationssicherheitsbeauftragten benennen oder kann das die VG übernehmen?",
        "Gibt es Schulungsangebote zur Informationssicherheit für unsere Mitarbeiter?",
        "Wir haben eine verdächtige Mail mit Anhang bekommen, niemand hat sie geöffnet. Sollen wir das irgendwo melden?",
        "Kann uns jemand bei der Umsetzung von {security_thing} beraten?",
        "Unser IT-Dienstleister meint, wir bräuchten eine Firewall-Erneuerung und ein Backup-Konzept. Gibt es dafür Vorgaben?",
        "Wie oft sollten Passwörter gewechselt werden, was empfiehlt das BSI aktuell?",
        "Gibt es eine Musterleitlinie Informationssicherheit für Kommunen?",
        "Wir möchten eine Awareness-Schulung zu Phishing für die Verwaltung anbieten. Haben Sie Referenten?",
        "Wer prüft, ob unsere IT den Mindeststandards entspricht?",
        "Brauchen wir für die Anbindung ans Landesnetz ein Sicherheitskonzept?",
        "Was muss ein Notfallhandbuch für einen IT-Ausfall enthalten?",
        "Wie melden wir einen IT-Sicherheitsvorfall richtig und an wen?",
        "Ist die Zwei-Faktor-Authentifizierung für den Fernzugriff Pflicht?",
        "Wir haben nur einen Administrator. Wie organisieren wir die Vertretung sicherheitstechnisch?",
        "Sind private Geräte der Ratsmitglieder im Verwaltungsnetz ein Sicherheitsrisiko?",
        "Wie schützen wir unsere Server gegen Verschlüsselungstrojaner, die Backups liegen im selben Raum.",
        "Es gab letztes Jahr bei uns einen Vorfall mit Schadsoftware, seitdem wollen wir das Thema Informationssicherheit ernster nehmen.",
        "Gibt es eine Vorlage für die Risikoanalyse nach IT-Grundschutz?",
        "Kann der Datenschutzbeauftragte gleichzeitig Informationssicherheitsbeauftragter sein?",
        "Welche Maßnahmen gegen Phishing empfehlen Sie für eine kleine Verwaltung?",
        "Unsere Antivirensoftware läuft aus. Gibt es eine Landeslizenz oder eine Empfehlung?",
        "Können Sie einen Penetrationstest für unser Rathausnetz vermitteln?",
        "Wie sichern wir das WLAN im Bürgerbüro ab, damit Besucher nicht ins Verwaltungsnetz kommen?",
        "wir brauchen Hilfe bei der Erstellung einer Sicherheitsrichtlinie für Homeoffice.",
        "Ist die Cyberversicherung, die uns angeboten wurde, sinnvoll oder sollten wir erst ins ISMS investieren?",
        "Welche Schwachstellenwarnungen des CERT sollten wir abonnieren?",
    ],
}

# Generic frames shared by every topic and by the negatives: the topic must come from the words in
# the slot, not from the way a question is phrased.
FRAMES = [
    "Wir haben eine Frage zu {x}.",
    "Können Sie uns bei {x} unterstützen?",
    "Gibt es zu {x} eine Handreichung oder ein Muster?",
    "Wer ist bei Ihnen Ansprechpartner bei {x}?",
    "Was müssen wir als Gemeinde bei {x} beachten?",
    "Unser Bürgermeister möchte wissen, wie es mit {x} weitergeht.",
    "Bitte schicken Sie uns Informationen zu {x}.",
    "Im Gemeinderat wurde nach {x} gefragt, das konnten wir nicht beantworten.",
    "Wir sind bei {x} noch ganz am Anfang.",
    "Wie machen das andere Kommunen mit {x}?",
    "Ich brauche bis Freitag eine Aussage zu {x}.",
    "Wie ist der aktuelle Stand bei {x}?",
    "Bei {x} kommen wir nicht weiter.",
    "Hätten Sie nächste Woche Zeit für ein kurzes Telefonat zu {x}?",
    "Der Landkreis hat uns wegen {x} an Sie verwiesen.",
    "Gibt es bei {x} Neuigkeiten?",
    "Können Sie uns erklären, was sich bei {x} geändert hat?",
    "Mir ist bei {x} noch einiges unklar.",
    "Unsere Kämmerei fragt nach {x}.",
    "Zu {x} hätten wir gern einen Beratungstermin.",
    "Wir möchten uns bei {x} beraten lassen.",
    "Wo finde ich aktuelle Informationen zu {x}?",
]

TOPIC_OBJECTS: dict[str, list[str]] = {
    "ozg_duties": [
        "den OZG-Pflichten",
        "der OZG-Umsetzung",
        "den Online-Diensten nach OZG",
        "ThAVEL",
        "der BundID",
        "dem Servicekonto",
        "den EfA-Diensten",
        "dem Portalverbund",
        "den Onlineanträgen für {service}",
        "der Digitalisierung unserer Verwaltungsleistungen",
        "dem Antragsportal",
        "den Fristen aus dem Onlinezugangsgesetz",
        "der Online-Beantragung von {service}",
        "dem digitalen Antrag für {service}",
        "der elektronischen Antragstellung",
        "der Anbindung an ThAVEL",
        "dem Zuständigkeitsfinder",
        "dem Onlinezugangsgesetz",
        "den OZG-Leistungen",
        "dem OZG-Änderungsgesetz",
        "der Nachnutzung von EfA-Leistungen",
        "den Online-Formularen auf der Homepage",
        "der Umsetzung der Onlinepflicht",
        "den digitalen Verwaltungsleistungen",
        "der Anmeldung mit dem Nutzerkonto",
        "dem Leistungskatalog LeiKa",
        "dem Reifegrad unserer Online-Angebote",
        "der Online-Bezahlfunktion im Antragsportal",
    ],
    "eligibility": [
        "der Förderung nach ThürEGovRL",
        "unserem Förderantrag",
        "den Fördermitteln für {project_short}",
        "dem Verwendungsnachweis für das geförderte {project_short}",
        "dem Eigenanteil bei der E-Government-Förderung",
        "der Zuwendung für {project_short}",
        "der E-Government-Förderung",
        "unserem Zuwendungsbescheid",
        "den Förderkonditionen der ThürEGovRL",
        "der Antragsfrist für die Digitalisierungsförderung",
        "den förderfähigen Kosten",
        "dem Mittelabruf",
        "der Förderquote für {project_short}",
        "der Bewilligung unseres Antrags auf E-Government-Förderung",
        "den Landesmitteln für Digitalisierung",
        "den ThürFAG-Mitteln für E-Government",
        "der Förderfähigkeit {project}",
        "dem Förderprogramm E-Government",
        "der Zweckbindung geförderter Hardware",
        "den Zuschüssen für {project_short}",
        "der Richtlinie zur E-Government-Förderung",
        "der Antragsberechtigung nach ThürEGovRL",
        "den Förderhöchstbeträgen",
        "unserem Antrag vom {month}",
    ],
    "it_security": [
        "der Informationssicherheit",
        "dem ISMS",
        "dem IT-Grundschutz",
        "dem Informationssicherheitsbeauftragten",
        "der Sensibilisierung gegen Phishing",
        "der Cybersicherheit",
        "dem Notfallmanagement für die IT",
        "der Absicherung unserer Server",
        "dem Schutz vor Ransomware",
        "den BSI-Standards",
        "den Backups und der Datensicherung",
        "der Zwei-Faktor-Anmeldung",
        "den Sicherheitsupdates",
        "der Netzwerksicherheit",
        "den Awareness-Schulungen",
        "der Meldung von Sicherheitsvorfällen",
        "dem Virenschutz",
        "der Verschlüsselung der Laptops",
        "der IT-Sicherheit",
        "der Sicherheitsleitlinie",
        "dem Sicherheitskonzept für die Verwaltungs-IT",
        "dem Schutz gegen Hackerangriffe",
        "der Passwortrichtlinie",
        "der Schwachstellenanalyse",
        "dem Grundschutz-Check",
        "der Härtung der Arbeitsplatzrechner",
        "den Empfehlungen des BSI",
        "der Cyberabwehr",
        "der Erneuerung unserer Firewall",
        "dem Virenscanner auf den Servern",
        "der Absicherung des Fernwartungszugangs",
        "dem Mailfilter gegen Schadsoftware",
    ],
    "none": [
        "der Straßenreinigungssatzung",
        "der Verkehrssicherheit an der Grundschule",
        "der Planungssicherheit beim Haushalt",
        "der Förderung für den Sportplatz",
        "dem LEADER-Programm",
        "der Dorferneuerung",
        "dem Winterdienst",
        "der Grundsteuer",
        "dem Brandschutz im Rathaus",
        "der Kita-Satzung",
        "der Kommunalwahl",
        "der Friedhofssatzung",
        "der Städtebauförderung",
        "den Zuschüssen für die Feuerwehr",
        "der Arbeitssicherheit im Bauhof",
        "der Versorgungssicherheit beim Trinkwasser",
        "dem Hochwasserschutz",
        "dem Breitbandausbau",
        "den Elternbeiträgen",
        "der Haushaltssatzung",
        "der Straßenausbaubeitragssatzung",
        "der Förderung des Dorfgemeinschaftshauses",
        "dem Eigenanteil beim Radwegebau",
        "dem Verwendungsnachweis für den Spielplatz",
        "der Rechtssicherheit unserer Satzung",
        "der Sicherheit auf dem Weihnachtsmarkt",
        "der Vereinsförderung",
        "der Wärmeplanung",
        "dem Personalausweis",
        "der Stellenbesetzung im Bauamt",
        "der Gebührenkalkulation",
        "der Gemeindefusion",
        "dem Denkmalschutz",
        "der Sanierung der Turnhalle",
        "der Verkehrssicherungspflicht für Straßenbäume",
        "dem Klimaschutzprogramm",
    ],
}

INCIDENT_SYSTEMS = [
    "unser Server",
    "das Netzwerk der VG",
    "der Mailserver",
    "das Kassenverfahren",
    "die Dateiablage",
    "der Rechner im Einwohnermeldeamt",
    "unser Fachverfahren für das Meldewesen",
    "die Homepage",
    "das Postfach des Bürgermeisters",
    "der Domänencontroller",
    "die Telefonanlage mit Voicemail",
    "das Konto der Kämmerin",
    "der Fernwartungszugang",
]
INCIDENT_STATES = [
    "ist seit heute früh verschlüsselt",
    "wurde von Angreifern übernommen",
    "ist kompromittiert",
    "ist mit Schadsoftware befallen",
    "wurde gehackt",
    "wird gerade angegriffen",
    "verschickt seit einer Stunde Phishing-Mails an Bürger",
    "ist nicht mehr erreichbar, es liegt eine Lösegeldforderung vor",
    "wurde offenbar ausgespäht, Daten sind abgeflossen",
    "wird seit heute früh von Unbekannten benutzt, jemand hat die Zugangsdaten",
    "zeigt Anmeldungen aus dem Ausland, die niemand von uns war",
    "versendet Mails mit fremden Links, die wir nicht geschrieben haben",
    "ist seit dem Morgen durch einen Überlastungsangriff lahm",
]
INCIDENT_ACTIONS = [
    "Was sollen wir jetzt tun?",
    "Bitte um sofortigen Rückruf!",
    "Wen müssen wir informieren?",
    "Wir brauchen dringend Hilfe.",
    "Der Dienstleister ist informiert, die Polizei noch nicht.",
    "Sollen wir alles herunterfahren?",
    "",
]
HYPOTHETICAL_INCIDENTS = [
    "Wie schützen wir uns vor {attack}?",
    "Was wäre unser erster Schritt, wenn {attack} uns trifft?",
    "Nach den Berichten über {attack} in einer Nachbarkommune wollen wir vorsorgen.",
    "Gibt es ein Muster für einen Notfallplan, falls unser Server einmal verschlüsselt wird?",
    "Bei uns ist zum Glück noch nichts passiert, aber wir wollen auf einen Angriff vorbereitet sein.",
    # access and login words in preventive questions (not an incident)
    "Unser Fachverfahrensanbieter greift per Fernwartung auf unsere Rechner zu. Wie sichern wir das ab?",
    "Kann man Anmeldungen aus dem Ausland am Webmail grundsätzlich sperren?",
    "Sollen die Mitarbeiter ihre Zugangsdaten regelmäßig ändern, oder ist das überholt?",
    "Wie prüfen wir, ob unsere Datensicherung auch nach einem Verschlüsselungsangriff noch nutzbar wäre?",
    "Wer darf bei uns Administratorrechte haben, und wie protokollieren wir die Zugriffe?",
]

URGENT_REQUESTS = [
    "Heute Morgen waren auf unserem Server alle Dateien verschlüsselt, auf den Bildschirmen steht eine Lösegeldforderung.",
    "Wir haben gerade {attack} im Netz, mehrere Rechner sind betroffen. Was sollen wir tun?",
    "Das E-Mail-Postfach unseres Bürgermeisters wurde gehackt, von dort gehen gerade Spam-Mails an alle Kontakte raus.",
    "Ein Kollege hat auf einen Link in einer Phishing-Mail geklickt und seine Zugangsdaten eingegeben. Jetzt werden Überweisungen aus dem Kassenprogramm angestoßen.",
    "Es sind offenbar Daten aus dem Einwohnermeldeamt im Internet aufgetaucht, wir vermuten ein Datenleck.",
    "Unsere Firewall meldet seit einer Stunde massenhaft Zugriffsversuche, der Webserver ist nicht mehr erreichbar.",
    "Der Zugang unseres Administrators ist kompromittiert, jemand hat sich heute Nacht von außen angemeldet.",
    "Wir sind Opfer eines Cyberangriffs geworden, die komplette Verwaltung steht still.",
    "Bitte dringend um Rückruf: Die Fachverfahren sind verschlüsselt, der Angreifer fordert Bitcoins.",
    "Wir haben festgestellt, dass Unbekannte Zugriff auf unser Ratsinformationssystem hatten und Personaldaten abgeflossen sind.",
    "Gerade läuft ein Angriff auf unser Netz, der IT-Dienstleister hat die Internetverbindung gekappt.",
    "Unser Dienstleister meldet einen Ransomware-Befall in seinem Rechenzentrum, unsere Daten sind mit betroffen.",
    "Seit heute früh verschickt unser Mailserver tausende Mails, das Konto der Poststelle ist übernommen worden.",
    "Auf mehreren Arbeitsplätzen wurde Schadsoftware gefunden, es werden Daten nach außen übertragen.",
    "Die Zugangsdaten zu unserem Bürgerportal wurden abgegriffen, Fremde haben Anträge eingesehen.",
    "Wir haben eine Erpressermail bekommen, die Täter behaupten, sie hätten unsere Bürgerdaten kopiert, und tatsächlich fehlen Dateien.",
    # compromised accounts told in plain words, without "gehackt" or "verschlüsselt"
    "Eine Mitarbeiterin hat ihr Passwort auf einer gefälschten Anmeldeseite eingegeben, seitdem melden sich Unbekannte mit ihrem Konto an.",
    "Im Protokoll sehen wir Anmeldungen aus dem Ausland am Postfach der Kämmerei, niemand von uns war das.",
    "Jemand hat sich mit dem Konto unseres Bauamtsleiters angemeldet und Weiterleitungsregeln eingerichtet, die Mails gehen an eine fremde Adresse.",
    "Von unserem Rathaus-Postfach gehen seit dem Vormittag Mails mit einem Link an alle Adressen im Adressbuch, wir haben das nicht verschickt.",
    "Ein Azubi hat nach einem Klick auf einen Link in einer Mail seine Zugangsdaten preisgegeben, jetzt kommen Sperrmeldungen und fremde Logins.",
    "Unser Dienstleister hat bemerkt, dass über den Fernwartungszugang heute Nacht fremde Rechner auf unsere Daten zugegriffen haben.",
    "Die Bank hat angerufen: Aus unserem Kassenprogramm wurden Überweisungen freigegeben, die niemand von uns ausgelöst hat.",
    "Auf der Homepage der Gemeinde steht seit heute Morgen fremder Text, offenbar hat jemand das Redaktionssystem übernommen.",
    "Ein USB-Stick mit unverschlüsselten Personalakten ist verloren gegangen, und Teile der Daten tauchen jetzt in einem Forum auf.",
    "Das Netz ist seit Stunden durch Anfragen überlastet, Bürgerportal und Homepage sind nicht erreichbar, der Angriff hält an.",
]

URGENT_SUBJECTS = [
    "DRINGEND: Verschlüsselungstrojaner",
    "Notfall IT",
    "Cyberangriff auf Gemeindeverwaltung",
    "dringend - Server verschlüsselt",
    "Sicherheitsvorfall - bitte sofort melden",
    "Account gehackt",
    "Datenabfluss Einwohnermeldeamt",
    "EILT: Angriff auf unser Netz",
    "Ransomware",
    "Hilfe!! alles verschluesselt",
    "Kompromittiertes Postfach",
    "Verdacht auf Datenleck",
    "WG: Ihr Konto wurde gesperrt",
    "Fremde Anmeldungen an unserem Postfach",
    "Zugangsdaten abgefischt",
    "Homepage verändert",
    "Bitte Rückruf - IT-Problem",
    "Wichtig!!",
]

SUBJECTS: dict[str, list[str]] = {
    "ozg_duties": [
        "Frage zum OZG",
        "OZG-Pflichten unserer Gemeinde",
        "Onlinezugangsgesetz",
        "ThAVEL Zugang",
        "BundID",
        "Online-Antrag {service_short}",
        "Anfrage Online-Dienste",
        "Umsetzung OZG",
        "Servicekonto Anbindung",
        "EfA-Leistungen",
        "Frage Antragsportal",
        "Digitalisierung Verwaltungsleistungen",
        "Onlinepflicht?",
        "Anfrage",
        "",
    ],
    "eligibility": [
        "Förderantrag E-Government",
        "Frage zur ThürEGovRL",
        "Förderfähigkeit {project_short}",
        "Zuwendung Digitalisierung",
        "Verwendungsnachweis",
        "Stand unseres Antrags",
        "Eigenanteil Förderung",
        "Fördermittel DMS",
        "Anfrage Förderung",
        "E-Government-Förderung {year}",
        "Frage zum Zuwendungsbescheid",
        "Anfrage",
        "",
    ],
    "it_security": [
        "Informationssicherheit",
        "Frage IT-Sicherheit",
        "ISMS Aufbau",
        "Informationssicherheitsbeauftragter",
        "BSI Grundschutz",
        "Schulung Phishing",
        "Anfrage Sicherheitskonzept",
        "Notfallhandbuch IT",
        "verdächtige Mail",
        "Frage",
        "",
    ],
}

# One-line mails that only name the matter ("Frage zum OZG.", "Anbei unser Antrag"): a consultant
# still routes them by that one term.
SHORT_TOPICAL: dict[str, list[str]] = {
    "ozg_duties": [
        "Frage zum OZG.",
        "Bitte um Rückruf wegen {ozg_term}.",
        "Wir haben eine Frage zur EfA-Nachnutzung.",
        "Kurze Frage zu {portal}.",
        "Es geht um die Anbindung an {account}.",
        "Wer ist bei Ihnen für {ozg_term} zuständig?",
        "Frage zu den Online-Diensten, die wir anbieten müssen.",
        "Bitte um Rückruf, es geht um {service} als Online-Antrag.",
        "Wir klären gerade die Anbindung an {account} und hätten Fragen.",
        "Rückfrage zur OZG-Frist.",
    ],
    "eligibility": [
        "Frage zum Förderantrag.",
        "Bitte um Rückruf wegen unseres Förderantrags.",
        "Anbei unser Antrag nach {guideline}.",
        "Frage zum Verwendungsnachweis.",
        "Wer ist für die E-Government-Förderung zuständig?",
        "Kurze Frage zur Förderung nach {guideline}.",
        "Anbei der Verwendungsnachweis für das Digitalisierungsprojekt.",
        "Frage zum Eigenanteil bei der Digitalisierungsförderung.",
        "Wie ist der Stand unseres Förderantrags?",
        "Wir unterstützen den Förderantrag unserer Mitgliedsgemeinde.",
    ],
    "it_security": [
        "Frage zum ISMS.",
        "Bitte um Rückruf wegen Informationssicherheit.",
        "Frage zu {security_thing}.",
        "Wer ist bei Ihnen Ansprechpartner für IT-Sicherheit?",
        "Kurze Frage zur BSI-Basis-Absicherung.",
        "Frage zur Schulung Informationssicherheit.",
        "Bitte um Rückruf wegen Phishing-Schulung.",
        "Es geht um unseren Informationssicherheitsbeauftragten.",
        "Frage zum Notfallhandbuch IT.",
        "Rückfrage zum IT-Grundschutz-Check.",
    ],
}

SERVICE_SHORT = ["Wohngeld", "Hundesteuer", "Gewerbe", "Anwohnerparken", "Meldebescheinigung", "Kita"]
PROJECT_SHORT = ["DMS", "E-Akte", "Ratsinfo", "Scanner", "Notebooks", "Server", "Bürgerportal", "Archiv"]

# --- negatives ---------------------------------------------------------------------------------------

NEGATIVES: list[tuple[str, str]] = [
    # non-IT "Sicherheit"
    (
        "Verkehrssicherheit Schulweg",
        "Die Eltern beschweren sich über die Verkehrssicherheit am Schulweg in {town}. Wer ist für eine Tempo-30-Zone zuständig?",
    ),
    (
        "Planungssicherheit Haushalt",
        "Für die Haushaltsplanung {year} brauchen wir Planungssicherheit bei den Schlüsselzuweisungen. Wann kommt der Bescheid?",
    ),
    (
        "Versorgungssicherheit Wasser",
        "Wegen der Trockenheit ist die Versorgungssicherheit beim Trinkwasser gefährdet. Gibt es Hilfen des Landes?",
    ),
    (
        "Rechtssicherheit Satzung",
        "Wir möchten Rechtssicherheit bei unserer neuen Friedhofssatzung. Kann das jemand prüfen?",
    ),
    (
        "Verkehrssicherungspflicht",
        "Ein Baum auf dem Gemeindegrundstück ist umgestürzt. Wie weit geht unsere Verkehrssicherungspflicht?",
    ),
    (
        "Sicherheit bei Veranstaltungen",
        "Für das Dorffest brauchen wir ein Sicherheitskonzept mit Ordnern und Rettungswegen. Welche Vorgaben gelten?",
    ),
    (
        "Arbeitssicherheit Bauhof",
        "Die Berufsgenossenschaft verlangt eine Unterweisung zur Arbeitssicherheit für den Bauhof. Haben Sie Unterlagen?",
    ),
    (
        "Brandschutz Rathaus",
        "Beim Brandschutz im Rathaus gibt es Mängel, die Sicherheit der Besucher ist laut Gutachter nicht gewährleistet.",
    ),
    (
        "Sicherheitsleistung Bauvorhaben",
        "Der Investor soll eine Sicherheitsleistung für die Erschließung hinterlegen. In welcher Höhe ist das üblich?",
    ),
    (
        "Öffentliche Sicherheit und Ordnung",
        "Wegen nächtlicher Ruhestörung am Marktplatz wollen wir eine Gefahrenabwehrverordnung zur öffentlichen Sicherheit erlassen.",
    ),
    (
        "Finanzielle Sicherheit der Kommune",
        "Die Rücklagen sind aufgebraucht, wir sehen die finanzielle Sicherheit der Gemeinde gefährdet.",
    ),
    (
        "Sicherheit im Freibad",
        "Die Badeaufsicht im Freibad ist knapp besetzt. Wie sichern wir die Sicherheit der Badegäste?",
    ),
    # funding without e-government
    (
        "Förderung Straßenbau",
        "Wir wollen die Ortsdurchfahrt sanieren. Gibt es dafür Fördermittel aus dem kommunalen Straßenbau?",
    ),
    (
        "Sportstättenförderung",
        "Der Sportverein möchte den Kunstrasenplatz erneuern. Welche Förderung gibt es für Sportstätten und wie hoch ist der Eigenanteil?",
    ),
    ("Dorferneuerung", "Ist die Sanierung des Dorfgemeinschaftshauses über die Dorferneuerung förderfähig?"),
    (
        "LEADER-Antrag",
        "Wir möchten einen LEADER-Antrag für den Radweg stellen. Bis wann muss die Projektskizze bei der LAG sein?",
    ),
    (
        "Feuerwehrfahrzeug",
        "Für das neue Löschfahrzeug suchen wir Fördermittel. Wer bewilligt die Zuwendung für die Feuerwehr?",
    ),
    ("Städtebauförderung", "Ist die Umgestaltung des Marktplatzes über die Städtebauförderung zuwendungsfähig?"),
    (
        "Kita-Neubau Förderung",
        "Für den Neubau der Kita brauchen wir einen Zuschuss. Welche Förderprogramme kommen in Frage?",
    ),
    (
        "Hochwasserschutz",
        "Gibt es Fördergeld für Hochwasserschutzmaßnahmen am Bach? Der Verwendungsnachweis für die letzte Maßnahme ist schon eingereicht.",
    ),
    (
        "Denkmalförderung Kirche",
        "Die Dorfkirche braucht ein neues Dach. Kann die Gemeinde dafür Denkmalfördermittel beantragen?",
    ),
    (
        "Radwegeförderung",
        "Wir planen einen Radweg zwischen zwei Ortsteilen, Kosten {amount}. Welche Förderquote ist realistisch?",
    ),
    ("Breitbandausbau", "Wie ist der Stand beim geförderten Glasfaserausbau in unserem Gewerbegebiet?"),
    ("Vereinsförderung", "Ein Heimatverein fragt nach einem Zuschuss für die 800-Jahr-Feier. Gibt es Landesmittel?"),
    ("Spielplatz", "Wir möchten einen neuen Spielplatz bauen. Ist das über das Regionalbudget förderfähig?"),
    (
        "Energetische Sanierung",
        "Für die energetische Sanierung der Grundschule suchen wir ein Förderprogramm, Eigenanteil maximal 20 Prozent.",
    ),
    # other administration topics
    (
        "Grundsteuerreform",
        "Wie gehen wir mit den neuen Grundsteuermessbescheiden um, wenn der Hebesatz noch nicht beschlossen ist?",
    ),
    (
        "Kommunalwahl Wahlhelfer",
        "Für die Kommunalwahl fehlen uns Wahlhelfer. Dürfen wir Beschäftigte dienstverpflichten?",
    ),
    (
        "Stellenausschreibung",
        "Wir möchten die Stelle der Hauptamtsleitung ausschreiben. Welche Entgeltgruppe ist angemessen?",
    ),
    ("Friedhofsgebühren", "Die Kalkulation der Friedhofsgebühren ist veraltet. Gibt es ein Muster?"),
    ("Haushaltssatzung", "Die Haushaltssatzung wurde von der Kommunalaufsicht beanstandet. Wie gehen wir weiter vor?"),
    (
        "Straßenreinigung",
        "Ein Anlieger weigert sich, den Gehweg zu räumen. Wie setzen wir die Straßenreinigungssatzung durch?",
    ),
    ("Gebietsreform", "Unsere Gemeinde erwägt eine freiwillige Fusion mit der Nachbargemeinde. Wer berät uns dazu?"),
    ("Hundesteuer", "Ein Bürger zahlt seit drei Jahren keine Hundesteuer. Können wir vollstrecken?"),
    ("Winterdienst", "Der Winterdienstvertrag läuft aus. Müssen wir europaweit ausschreiben?"),
    (
        "Datenschutz Homepage",
        "Ein Bürger beschwert sich, dass sein Name im Protokoll auf der Homepage steht. Müssen wir das löschen?",
    ),
    (
        "Telefonanlage defekt",
        "Unsere Telefonanlage ist seit gestern defekt, die Bürger erreichen uns nicht. Der Techniker kommt morgen.",
    ),
    ("Drucker", "Der Drucker im Bürgerbüro druckt nur noch Streifen. Wer ist bei Ihnen für Hardware zuständig?"),
    (
        "Office-Lizenzen",
        "Unser IT-Dienstleister will die Office-Lizenzen auf ein Abo umstellen. Gibt es einen Landesrahmenvertrag für Software?",
    ),
    ("Postfach voll", "Mein Postfach ist voll und ich kann keine Mails mehr empfangen. Können Sie das Limit erhöhen?"),
    (
        "WLAN Sitzungssaal",
        "Im Sitzungssaal ist das WLAN so langsam, dass die Ratsmitglieder die Unterlagen auf den Tablets nicht laden können.",
    ),
    (
        "Homepage Relaunch",
        "Wir planen einen Relaunch unserer Homepage. Können Sie uns eine Agentur oder ein Content-Management-System empfehlen?",
    ),
    (
        "Wechsel IT-Dienstleister",
        "Wir wollen den IT-Dienstleister wechseln, weil die Betreuung unserer Server und Fachverfahren zu teuer geworden ist. Müssen wir ausschreiben?",
    ),
    (
        "Fachverfahren Update",
        "Nach dem Update des Fachverfahrens für das Meldewesen druckt die Meldebescheinigung das Datum falsch. Wer hilft?",
    ),
    (
        "Ratsinformationssystem Schulung",
        "Die neuen Gemeinderäte brauchen eine Einweisung in das Ratsinformationssystem und die Tablets. Bieten Sie so etwas an?",
    ),
    (
        "Telefon und Internet",
        "Der Vertrag für Telefon und Internet im Rathaus läuft aus. Welche Anbieter nutzen andere Gemeinden?",
    ),
    (
        "Sicherheitskonzept Weihnachtsmarkt",
        "Die Polizei verlangt für den Weihnachtsmarkt ein Sicherheitskonzept mit Zufahrtssperren, Rettungswegen und einem Notfallplan. Wer kann das prüfen?",
    ),
    (
        "Notfallplan Stromausfall",
        "Wir erstellen einen Notfallplan für einen Blackout: Notstrom für Rathaus und Feuerwehr, Anlaufstellen für Bürger. Gibt es Vorlagen des Katastrophenschutzes?",
    ),
    (
        "Sicherheit Spielplatz",
        "Der TÜV hat bei der Spielplatzprüfung Mängel an der Sicherheit der Schaukel festgestellt. Müssen wir den Spielplatz sperren?",
    ),
    (
        "Schlüsselzuweisungen",
        "Wann werden die Schlüsselzuweisungen nach dem ThürFAG festgesetzt? Wir brauchen das für die Haushaltsplanung.",
    ),
    (
        "Investitionspauschale",
        "Dürfen wir die Investitionspauschale aus dem ThürFAG für die Sanierung der Ortsstraße einsetzen?",
    ),
    (
        "Geld vom Land für Vereinsheim",
        "Gibt es vom Land noch Geld für das Vereinsheim? Der Sportverein fragt ständig nach einem Zuschuss.",
    ),
    # citizens who wrote to the wrong address
    ("Führerschein", "Ich möchte meinen Führerschein umtauschen. Wo bekomme ich einen Termin?"),
    ("Bafög", "Mein Bafög-Antrag liegt seit zwei Monaten beim Amt. Können Sie da nachhaken?"),
    ("Kindergeld", "Warum wurde mein Kindergeld nicht überwiesen? Ich habe alle Unterlagen abgegeben."),
    ("Steuererklärung", "Ich habe eine Frage zu meiner Einkommensteuererklärung, das Finanzamt ist nicht erreichbar."),
    ("Beschwerde Nachbar", "Mein Nachbar parkt ständig vor meiner Einfahrt. Bitte unternehmen Sie etwas."),
    ("Lärm", "Seit Wochen wird nachts auf der Baustelle gearbeitet. An wen kann ich mich wenden?"),
    ("Grundsteuer Bescheid", "Mein Grundsteuerbescheid ist viel zu hoch. Ich lege hiermit Widerspruch ein."),
    ("Wohnung gesucht", "Hat die Gemeinde noch freie Wohnungen? Ich suche eine 3-Raum-Wohnung."),
    ("Personalausweis verloren", "Ich habe meinen Personalausweis verloren, was muss ich tun?"),
]

NEWSLETTERS = [
    (
        "Newsletter Kommunal-Digital {month}",
        "Die Themen dieser Ausgabe: Neues aus den Landkreisen, Termine, Stellenmarkt, Veranstaltungshinweise. Zum Abbestellen klicken Sie hier.",
    ),
    (
        "Einladung: Fachtag Digitale Verwaltung am {day}. {month}",
        "Wir laden Sie herzlich zu unserem Fachtag ein. Programm: Grußwort, Fachvorträge, Mittagsimbiss, Austausch. Anmeldung bis {day}. {month} über unsere Webseite.",
    ),
    (
        "Einladung Bürgermeisterdienstberatung",
        "hiermit lade ich zur nächsten Dienstberatung der Bürgermeister am {day}. {month} um 14 Uhr im Landratsamt ein. Tagesordnung folgt.",
    ),
    (
        "Pressemitteilung",
        "Zur Information übersenden wir Ihnen unsere aktuelle Pressemitteilung zur Eröffnung des neuen Bürgerbüros.",
    ),
    (
        "Webinar-Reihe Verwaltung",
        "Melden Sie sich jetzt an: Unsere Webinar-Reihe für Kommunalverwaltungen startet im {month}. Teilnahme kostenlos.",
    ),
    (
        "Messeeinladung",
        "Besuchen Sie uns auf der Fachmesse für öffentliche Verwaltung, Stand 12. Wir zeigen unsere neuesten Lösungen.",
    ),
    (
        "Infobrief Gemeinde- und Städtebund",
        "Der aktuelle Infobrief ist erschienen. Themen: Kommunalfinanzen, Personal, Rechtsprechung.",
    ),
    (
        "Einladung Jahresempfang",
        "Der Landrat lädt zum Neujahrsempfang am {day}. Januar ein. Um Rückmeldung wird gebeten.",
    ),
    (
        "Save the date: Digitalgipfel",
        "Bitte merken Sie sich den Termin vor: Thüringer Digitalgipfel im {month}. Weitere Infos folgen.",
    ),
    (
        "Programm Kommunaler Digitaltag",
        "Am {day}. {month} erwartet Sie ein volles Programm: Vorträge, Praxisberichte, Workshops zu Informationssicherheit, Online-Diensten und Fördermöglichkeiten. Die Teilnahme ist kostenfrei.",
    ),
    (
        "Newsletter Digitale Kommune",
        "In dieser Ausgabe: Interview mit einem Bürgermeister, Termine im {month}, Stellenanzeigen. Ihr Team Digitale Kommune - Partner für OZG-Umsetzung und IT-Sicherheit. Abmelden",
    ),
    (
        "Einladung Regionalkonferenz",
        "Wir laden Sie zur Regionalkonferenz am {day}. {month} ein. Themen: Fachkräfte, Kreisumlage, Winterdienst, IT-Sicherheit im Ehrenamt. Anmeldung bis {day}. {month}.",
    ),
    (
        "Veranstaltungshinweis: Cyber-Sicherheitstag",
        "Auch in diesem Jahr findet der Cyber-Sicherheitstag statt. Es erwarten Sie Vorträge und eine Ausstellung. Die Anmeldung öffnet im {month}.",
    ),
    (
        "Save the Date: Fördermittelmesse",
        "Merken Sie sich den {day}. {month} vor: Auf der Fördermittelmesse informieren Landesbehörden über ihre Programme. Das Programm folgt.",
    ),
    (
        "Rückblick Fachtag",
        "Vielen Dank an alle, die beim Fachtag dabei waren! Die Folien zu den Vorträgen über E-Akte, ISMS und BundID finden Sie ab sofort online.",
    ),
    (
        "Infobrief {month}",
        "Themen: Neues Tarifrecht, Kommunalwahlen, Termine. -- Kompetenzzentrum Digitalisierung | Gemeinsam für ein digitales Thüringen | OZG | E-Government | Informationssicherheit",
    ),
]

OUT_OF_OFFICE = [
    (
        "Abwesenheitsnotiz",
        "Vielen Dank für Ihre Nachricht. Ich bin bis zum {day}.{monthnum}. nicht im Büro. In dringenden Fällen wenden Sie sich bitte an die Zentrale.",
    ),
    (
        "Automatische Antwort: {subject}",
        "Ich bin derzeit im Urlaub und habe keinen Zugriff auf meine Mails. Ihre Nachricht wird nicht weitergeleitet.",
    ),
    (
        "Re: {subject} (Abwesend)",
        "Ich bin ab {day}.{monthnum}. wieder erreichbar. Vertretung: Hauptamt, Tel. 03628 123.",
    ),
    ("Out of Office", "I am out of the office until {day}.{monthnum}. Ich bin bis {day}.{monthnum}. nicht erreichbar."),
    ("Abwesend", "Ich bin auf Dienstreise. Ihre Mail wird nach meiner Rückkehr bearbeitet."),
]

VENDOR_ADS = [
    (
        "Seminarangebot Informationssicherheit",
        "Wir bieten Seminare zur Informationssicherheit und zum IT-Grundschutz für Kommunen an. Termine und Preise finden Sie auf unserer Webseite.",
    ),
    (
        "Ihr ISMS in 30 Tagen",
        "Mit unserem Beratungspaket bauen Sie Ihr ISMS schnell auf. Vereinbaren Sie jetzt einen Termin mit unseren Experten.",
    ),
    (
        "Förderfähiges DMS für Ihre Kommune",
        "Unser Dokumentenmanagementsystem ist förderfähig nach der ThürEGovRL. Gerne unterstützen wir Sie beim Förderantrag. Sprechen Sie uns an!",
    ),
    (
        "OZG-Lösung für Gemeinden",
        "Mit unserer Formularplattform erfüllen Sie alle OZG-Anforderungen. Schon 200 Kommunen vertrauen uns. Jetzt Demo buchen.",
    ),
    (
        "Penetrationstests zum Sonderpreis",
        "Schützen Sie Ihre Verwaltung vor Cyberangriffen: Penetrationstest und Phishing-Simulation zum Kommunaltarif.",
    ),
    (
        "Webinar: Fördermittel für Digitalisierung",
        "In unserem kostenlosen Webinar erfahren Sie, wie Sie Fördermittel für Ihre Digitalisierungsprojekte erhalten. Jetzt anmelden.",
    ),
    (
        "Angebot E-Akte",
        "Unsere E-Akte läuft bereits in vielen Städten. Gerne stellen wir sie Ihnen in einer Online-Präsentation vor.",
    ),
    (
        "Awareness-Training für Ihre Mitarbeiter",
        "Unser E-Learning gegen Phishing und Social Engineering ist speziell für Behörden entwickelt. Testen Sie es 30 Tage kostenlos.",
    ),
    (
        "Jetzt Fördermittel sichern!",
        "Nutzen Sie die aktuellen Förderprogramme: Unsere Software ist BSI-konform, OZG-ready und förderfähig. Wir helfen bei der Antragstellung. Jetzt Beratungstermin vereinbaren!",
    ),
    (
        "Ihre Verwaltung digital - mit uns",
        "Ob E-Akte, Online-Formulare oder Firewall: Wir sind Ihr Partner für die Digitalisierung. Sie erhalten diese Mail, weil Sie Kunde sind. Abmelden",
    ),
    (
        "Neu: Sicherheitscheck für Kommunen",
        "Wie sicher ist Ihre IT? Unser Schnellcheck zeigt es in einem Tag. Jetzt zum Einführungspreis buchen.",
    ),
]

SPAM = [
    (
        "Ihr Konto wurde gesperrt",
        "Sehr geehrter Kunde, Ihr Konto wurde aus Sicherheitsgründen gesperrt. Bitte bestätigen Sie Ihre Daten unter folgendem Link.",
    ),
    (
        "Gewinnbenachrichtigung",
        "Herzlichen Glückwunsch, Sie haben 1.000.000 Euro gewonnen! Senden Sie uns Ihre Bankverbindung.",
    ),
    (
        "Günstige Büromöbel",
        "Wir bieten Ihrer Verwaltung hochwertige Büromöbel zu Sonderkonditionen an. Jetzt Katalog anfordern.",
    ),
    ("SEO für Ihre Homepage", "Ihre Webseite wird bei Google nicht gefunden. Wir bringen Sie auf Platz 1, garantiert."),
    (
        "Rechnung 4471",
        "Anbei die offene Rechnung. Bitte öffnen Sie den Anhang und zahlen Sie innerhalb von 24 Stunden.",
    ),
    ("Kredit ohne Schufa", "Schnell und einfach Kredit bis 50.000 Euro ohne Schufa. Jetzt anfragen."),
    (
        "Paket konnte nicht zugestellt werden",
        "Ihr Paket wartet. Bitte bezahlen Sie die Zollgebühr von 1,99 EUR über den Link.",
    ),
]

# Mails with (almost) no content: only an attachment, a forward without comment, a call-back request.
CONTENTLESS = [
    ("Anfrage", "Siehe Anhang."),
    ("WG: {subject}", "Zur Kenntnis und mit der Bitte um Beantwortung."),
    ("Frage", "Bitte um Rückruf unter 036{day} {monthnum}88."),
    ("", "Anbei wie besprochen."),
    ("Unterlagen", "Im Anhang die Unterlagen."),
    ("Rückruf", "Können Sie mich bitte zurückrufen?"),
    ("Scan", "Gescanntes Dokument von Gerät RICOH-{day}."),
    ("Test", "Test"),
    ("Hallo", "Wie geht es Ihnen? Lange nichts gehört."),
    ("Kurze Frage", "Haben Sie kurz Zeit für ein Telefonat?"),
    ("WG:", "FYI"),
    ("Termin", "Wann passt es Ihnen nächste Woche?"),
]

THANKS = [
    ("Re: {subject}", "vielen Dank für die schnelle Antwort, das hilft uns weiter."),
    ("Danke", "herzlichen Dank für die Unterlagen, wir melden uns, falls noch Fragen aufkommen."),
    ("Re: Ihre Anfrage", "Danke für den netten Anruf heute, alles klar soweit."),
    ("AW: {subject}", "Super, danke! Dann machen wir das so."),
    ("Rückmeldung", "Vielen Dank für die Beratung gestern, der Bürgermeister lässt herzlich grüßen."),
    ("Re: Termin", "Der Termin am {day}. {month} passt uns gut, wir kommen zu zweit."),
    ("Eingangsbestätigung", "Ihre Unterlagen sind bei uns eingegangen, vielen Dank."),
]

QUOTE_HEADERS = [
    "Am {day}.{monthnum}.2026 um 09:14 schrieb Kompetenzzentrum Verwaltung 4.0:",
    "-----Ursprüngliche Nachricht-----\nVon: Kompetenzzentrum <kompetenzzentrum@tfm.thueringen.de>\nGesendet: Montag, {day}. {month} 2026 10:02",
    "Von: egovernment@tfm.thueringen.de\nGesendet: Dienstag, {day}. {month} 2026 14:31\nBetreff: {subject}",
]


# Compositional hard cases: the same funding / security / IT words with e-government and with
# unrelated objects, so that the object decides and not the word "Förderung" or "Sicherheit".
FUNDING_WORDS = [
    "Fördermittel",
    "eine Förderung",
    "einen Zuschuss",
    "eine Zuwendung",
    "Landesmittel",
    "Fördergeld",
    "eine Finanzierungshilfe",
    "Geld vom Land",
    "Zuschüsse",
    "Unterstützung vom Land",
]
FUNDING_QUESTIONS = [
    "Gibt es {fw} für {obj}?",
    "Können wir {fw} für {obj} beantragen?",
    "Wie hoch ist der Eigenanteil, wenn wir {fw} für {obj} bekommen?",
    "Bis wann muss der Antrag auf {fw} für {obj} gestellt werden?",
    "Der Verwendungsnachweis für {obj} ist fertig. Wohin schicken wir ihn?",
    "Wir haben den Bewilligungsbescheid für {obj} erhalten. Dürfen wir jetzt ausschreiben?",
    "Welche Förderquote gilt für {obj}?",
    "Wer bearbeitet die Anträge für {obj}?",
    "Ist {obj} nach der Richtlinie förderfähig, das Angebot liegt vor?",
    "Wer bezahlt {obj}, gibt es da {fw}?",
]
SECURITY_FUNDING = [
    "Wir möchten unsere Firewall erneuern. Gibt es dafür Mittel aus {guideline}?",
    "Ist ein neuer Virenschutz für alle Arbeitsplätze nach {guideline} förderfähig?",
    "Können wir die Kosten für den Aufbau des ISMS über {guideline} fördern lassen?",
    "Die Awareness-Schulung gegen Phishing kostet {amount}. Gibt es dafür einen Zuschuss?",
    "Wird ein Penetrationstest unserer Verwaltungs-IT über die E-Government-Förderung bezuschusst?",
    "Fällt eine externe Informationssicherheitsberatung unter die Förderung, und wie hoch ist der Eigenanteil?",
    "Ist ein Offline-Backup gegen Ransomware förderfähig?",
    "Wir wollen die Zwei-Faktor-Anmeldung einführen. Können wir dafür Fördermittel beantragen?",
    "Bekommen wir für einen externen Informationssicherheitsbeauftragten Geld vom Land?",
    "Ist die Erneuerung der Firewall und der Netzwerksicherheit im Rathaus zuwendungsfähig?",
]

# "Wird das gefördert?" after an OZG or IT-security request makes the mail an eligibility question too
FUNDING_TAILS = [
    "Wird das gefördert?",
    "Gibt es dafür Fördermittel?",
    "Ist das förderfähig?",
    "Kann man das über die ThürEGovRL fördern lassen?",
    "Können wir dafür einen Zuschuss beantragen?",
    "Wer bezahlt das, gibt es dafür Geld vom Land?",
    "Ist so etwas nach der E-Government-Richtlinie zuwendungsfähig?",
    "Und gibt es dafür eine Förderung?",
    "Wie hoch wäre da der Eigenanteil, falls das gefördert wird?",
    "Fällt das unter die Digitalisierungsförderung?",
    "Wer zahlt das eigentlich, oder bleibt das an uns hängen?",
    "Gibt's da einen Zuschuss vom Land?",
    "Bekommen wir dafür irgendwo Geld her? Unser Haushalt gibt das nicht her.",
    "Übernimmt das Land einen Teil der Kosten?",
    "Kann man dafür Fördergeld beantragen, und wie viel müssten wir selbst tragen?",
    "Allein können wir die Kosten nicht stemmen, gibt es eine Unterstützung?",
    "Ist das nach der Richtlinie förderfähig?",
]
EGOV_OBJECTS = [
    "die Einführung der E-Akte",
    "ein Dokumentenmanagementsystem",
    "die digitale Rechnungsbearbeitung",
    "das Ratsinformationssystem",
    "die Online-Terminvergabe im Bürgerbüro",
    "die Digitalisierung der Verwaltung",
    "neue Fachverfahren im Bürgeramt",
    "den Scanner für die digitale Poststelle",
    "die Digitalisierung des Bauamts",
    "die Anbindung unserer Fachverfahren an das Antragsportal",
    "die elektronische Aktenführung",
    "ein digitales Sitzungsmanagement",
    "die Digitalisierung des Standesamts",
    "Notebooks für mobiles Arbeiten in der Verwaltung",
    "ein Bürgerportal",
    "die Einführung der elektronischen Vorgangsbearbeitung",
    "neue Laptops und Scanner für die Verwaltung",
    "die Hardware im Rathaus",
    "einen neuen Server für die Fachverfahren",
    "die Online-Dienste, die wir jetzt anbieten müssen",
    "das Angebot für ein DMS, das uns ein Anbieter geschickt hat",
]
OTHER_OBJECTS = [
    "den Straßenbau in der Ortslage",
    "den Sportplatz",
    "das Dorfgemeinschaftshaus",
    "ein neues Feuerwehrauto",
    "den Kita-Neubau",
    "den Radweg nach {town}",
    "den Spielplatz",
    "die Friedhofsmauer",
    "den Hochwasserschutz",
    "die Sanierung der Dorfkirche",
    "das Freibad",
    "die Turnhalle",
    "ein LEADER-Projekt",
    "die Dorferneuerung",
    "die Sanierung des Marktplatzes",
    "den Wanderweg",
    "die Bushaltestellen",
    "LED-Straßenbeleuchtung",
    "eine Wärmepumpe für die Grundschule",
    "das Jugendzentrum",
    "die Ortsumgehung",
    "den Breitbandausbau im Gewerbegebiet",
    "die Photovoltaik auf dem Bauhof",
    "das Heimatmuseum",
    "den Brunnen am Dorfplatz",
    "neue Spielgeräte für die Kita",
    "das Feuerwehrgerätehaus",
    "Notstromaggregate für den Katastrophenschutz",
    "den Schulhof",
    "den Bolzplatz",
    "die Sanierung der Ortsstraße",
    "ein Mehrzweckfahrzeug für den Bauhof",
    "die Städtebauförderung im Ortskern",
]
SAFETY_WORDS = [
    "die Verkehrssicherheit",
    "die Planungssicherheit",
    "die Versorgungssicherheit",
    "die Rechtssicherheit",
    "die Arbeitssicherheit",
    "die Standsicherheit",
    "die Betriebssicherheit",
    "die Brandsicherheit",
    "die Schulwegsicherheit",
    "die öffentliche Sicherheit",
    "die Energiesicherheit",
    "die Finanzierungssicherheit",
    "die Sicherheit der Besucher",
    "die Sicherheit auf dem Spielplatz",
    "die Badesicherheit",
    "einen Sicherheitsdienst",
    "das Sicherheitskonzept",
    "einen Ordnerdienst",
    "eine Security-Firma",
    "die Sicherheitsleute",
    "die Sicherheitsauflagen",
    "die Sicherheitsunterweisung",
]
SAFETY_PLACES = [
    "an der Grundschule",
    "im Haushalt {year}",
    "beim Trinkwasser",
    "bei unserer Satzung",
    "im Bauhof",
    "der alten Brücke",
    "im Freibad",
    "beim Dorffest",
    "auf der Kreisstraße",
    "in der Sporthalle",
    "bei der Fernwärme",
    "am Bahnübergang",
    "für das Stadtfest",
    "für den Weihnachtsmarkt",
    "bei der Kirmes",
    "für das Open-Air-Konzert mit 3.000 Besuchern",
    "beim Kinderfest",
    "für den Umzug zum Karneval",
]
SAFETY_QUESTIONS = [
    "Wie verbessern wir {sw} {place}?",
    "Wer ist für {sw} {place} zuständig?",
    "Der Gemeinderat sorgt sich um {sw} {place}.",
    "Gibt es Vorgaben für {sw} {place}?",
    "Für {sw} {place} brauchen wir ein Gutachten. Wer macht so etwas?",
    "Können Sie uns eine Firma für {sw} {place} empfehlen?",
    "Das Ordnungsamt verlangt {sw} {place}. Was muss da drinstehen?",
    "Wer bezahlt {sw} {place}, die Gemeinde oder der Veranstalter?",
]
# Security of events and buildings: "Sicherheitskonzept", "Notfallplan", "Sicherheitsdienst" without IT.
EVENT_SECURITY = [
    "Für unser {event} verlangt die Polizei ein Sicherheitskonzept mit Rettungswegen und Ordnerdienst. Gibt es ein Muster?",
    "Wir suchen für das {event} einen Sicherheitsdienst für die Einlasskontrolle. Können Sie eine Firma nennen?",
    "Das Ordnungsamt fragt, ob für das {event} ein Sanitätsdienst und Security-Personal vorgeschrieben sind.",
    "Wie viele Ordner brauchen wir beim {event} mit rund {people} Besuchern?",
    "Die Versicherung will vor dem {event} einen Notfallplan für Unwetter und Räumung der Festwiese sehen.",
    "Für die Bühne beim {event} brauchen wir eine Abnahme der Standsicherheit. Wer ist zuständig?",
    "Wer trägt die Kosten für die Sicherheitsleute beim {event}, die Gemeinde oder der Festverein?",
    "Nach dem Vorfall beim letzten {event} will der Gemeinderat das Sicherheitskonzept überarbeiten: mehr Beleuchtung, Absperrgitter, Polizeipräsenz.",
    "Das Sicherheitskonzept für das Rathaus (Schließanlage, Alarmanlage, Videoüberwachung am Eingang) soll erneuert werden. Wer berät uns da?",
    "Für die Schule brauchen wir einen Notfallplan bei Amoklagen und Bränden. Gibt es eine Vorlage vom Land?",
]
EVENTS = [
    "Stadtfest",
    "Weihnachtsmarkt",
    "Dorffest",
    "Kirmeswochenende",
    "Open-Air-Konzert",
    "Feuerwehrfest",
    "Kinderfest",
    "Osterfeuer",
    "Heimatfest",
    "Faschingsumzug",
]
# Footers of newsletters and adverts that name topics without asking anything
NEWSLETTER_FOOTERS = [
    "Gemeinsam für ein digitales Thüringen - Partner der OZG-Umsetzung",
    "Ihr Ansprechpartner für E-Government, OZG und Informationssicherheit",
    "Folgen Sie uns: #Digitalisierung #OZG #ITSicherheit",
    "Zertifiziert nach ISO 27001 | BSI-konform | förderfähig",
    "Kompetenzzentrum Verwaltung 4.0 | Fördermittel | Online-Dienste | Informationssicherheit",
    "Sie erhalten diesen Newsletter, weil Sie sich angemeldet haben. Abmelden",
]

IT_PLAIN = [
    "Unser IT-Dienstleister stellt die Rechner im Rathaus auf Windows 11 um. Müssen wir das ausschreiben?",
    "Welche Software für die Kita-Verwaltung nutzen andere Gemeinden?",
    "Der Server im Keller ist zu laut, kann man den woanders hinstellen?",
    "Wir brauchen neue Monitore für das Bürgerbüro, gibt es einen Rahmenvertrag?",
    "Das Fachverfahren für die Friedhofsverwaltung stürzt ständig ab. Kennen Sie eine Alternative?",
    "Wie bekommen wir die Tablets der Gemeinderäte mit dem WLAN verbunden?",
    "Unser Dienstleister verlangt für die Wartung der Drucker jetzt das Doppelte.",
    "Können wir das E-Mail-Postfach für die Feuerwehr bei Ihnen einrichten lassen?",
    "Unser Drucker im Bürgerbüro druckt nur leere Seiten, ist das ein bekanntes Problem?",
    "Ein Anbieter hat uns ein Angebot für ein Dokumentenmanagementsystem geschickt. Kennen Sie die Firma?",
    "Welche Laptops und Scanner haben andere Verwaltungen angeschafft?",
    "Das Programm für die Hundesteuer lässt sich nach dem Update nicht mehr starten.",
    "Wir ziehen mit dem Bürgerbüro um, wer verlegt die Netzwerkkabel?",
    "Kann man die Dienstrichtlinie für Handys der Mitarbeiter irgendwo als Muster bekommen?",
    "Der Beamer im Sitzungssaal findet den Laptop nicht mehr.",
    "Unsere Homepage soll neu gestaltet werden. Welche Agentur empfehlen Sie?",
]


class Writer:
    """Assembles one mail text from the pools, with noise."""

    def __init__(self, rng: random.Random, family: int, families: int) -> None:
        self.rng = rng
        self.family = family
        self.families = families

    def pick(self, items: list, *, partition: bool = True):
        """Pick from this family's share of ``items`` (dev/test see templates train never saw)."""
        if partition and len(items) >= 2 * self.families:
            share = [item for index, item in enumerate(items) if index % self.families == self.family]
            return self.rng.choice(share)
        return self.rng.choice(items)

    def fill(self, template: str) -> str:
        values = {key: self.pick(options, partition=False) for key, options in SLOTS.items()}
        values.update(
            town=self.rng.choice(TOWNS),
            vg=self.rng.choice(VGS),
            district=self.rng.choice(DISTRICTS),
            last=self.rng.choice(LAST_NAMES),
            people=self.rng.choice(["800", "1.200", "2.500", "4.000", "650", "9.000"]),
            year=self.rng.choice(["2026", "2027"]),
            day=str(self.rng.randint(1, 28)),
            monthnum=f"{self.rng.randint(1, 12):02d}",
            service_short=self.rng.choice(SERVICE_SHORT),
            project_short=self.rng.choice(PROJECT_SHORT),
            subject="Ihre Anfrage",
        )
        return template.format(**values)

    def signature(self) -> str:
        role, office = self.rng.choice(ROLES)
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        office = self.fill(office)
        style = self.rng.random()
        if style < 0.3:
            return f"{name}\n{role}\n{office}"
        if style < 0.6:
            return f"{name}\n{office}\n{role}\nTel.: 036{self.rng.randint(10, 99)} {self.rng.randint(1000, 99999)}"
        if style < 0.8:
            return f"{name}"
        return f"{office}\n{name}\n-- \nDiese E-Mail kann vertrauliche Informationen enthalten."

    def compose(self, subject: str, sentences: list[str], *, quote: str | None = None) -> tuple[str, str]:
        """Return (subject, full body) of a mail."""
        rng = self.rng
        parts = []
        greeting = self.fill(rng.choice(GREETINGS))
        if greeting:
            parts.append(greeting)
            parts.append("")
        context = self.fill(rng.choice(CONTEXT))
        body = " ".join(s for s in [context, *sentences] if s)
        if rng.random() < 0.3:  # one sentence per line, as many people write
            body = "\n".join(s for s in [context, *sentences] if s)
        parts.append(body)
        extra = self.fill(rng.choice(THANKS_LINES))
        if extra:
            parts.append("")
            parts.append(extra)
        if rng.random() < 0.85:
            parts.append("")
            parts.append(rng.choice(CLOSINGS))
            parts.append(self.signature())
        if quote:
            parts.append("")
            parts.append(self.fill(rng.choice(QUOTE_HEADERS)))
            parts.extend("> " + line for line in quote.split("\n"))
        return subject, "\n".join(parts)


def noise(text: str, rng: random.Random) -> str:
    """Mimic how people type: no umlauts, typos, lower case, missing punctuation."""
    if rng.random() < 0.35:
        for umlaut, plain in (
            ("ä", "ae"),
            ("ö", "oe"),
            ("ü", "ue"),
            ("ß", "ss"),
            ("Ä", "Ae"),
            ("Ö", "Oe"),
            ("Ü", "Ue"),
        ):
            text = text.replace(umlaut, plain)
    elif rng.random() < 0.1:
        for umlaut, plain in (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss")):
            text = text.replace(umlaut, plain)
    if rng.random() < 0.4:
        words = text.split(" ")
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(words))
            word = words[index]
            if len(word) > 4 and "\x00" not in word:
                cut = rng.randrange(1, len(word) - 1)
                choice = rng.random()
                if choice < 0.4:
                    word = word[:cut] + word[cut + 1 :]
                elif choice < 0.8:
                    word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
                else:
                    word = word[:cut] + word[cut] + word[cut:]
            words[index] = word
        text = " ".join(words)
    if rng.random() < 0.08:
        text = text.lower()
    return text


def classification_text(subject: str, body: str) -> str:
    """What production classifies: subject + new text (quote and signature cut by intake)."""
    new_text, _quoted, _signature = split_body(body)
    return f"{subject}\n\n{new_text}".strip()


def short_topic_mail(writer: Writer, topic: str) -> tuple[str, str]:
    rng = writer.rng
    subject = writer.pick(
        ["Frage", "Anfrage", "", "Rückruf", writer.fill(writer.pick(SUBJECTS[topic], partition=False))]
    )
    greeting = writer.fill(rng.choice(GREETINGS))
    lines = [greeting, ""] if greeting else []
    lines.append(writer.fill(writer.pick(SHORT_TOPICAL[topic])))
    if rng.random() < 0.7:
        lines += ["", rng.choice(CLOSINGS), writer.signature()]
    return subject, "\n".join(lines)


def topic_mail(writer: Writer, topics: list[str], urgent: bool) -> tuple[str, str]:
    rng = writer.rng
    if len(topics) == 1 and not urgent and rng.random() < 0.07:
        return short_topic_mail(writer, topics[0])
    if sorted(topics) == ["eligibility", "it_security"] and not urgent and rng.random() < 0.3:
        subject = writer.fill(writer.pick(SUBJECTS[rng.choice(topics)], partition=False))
        return writer.compose(subject, [writer.fill(writer.pick(SECURITY_FUNDING))])
    sentences = []
    funding_tail = "eligibility" in topics and len(topics) > 1 and not urgent and rng.random() < 0.5
    for topic in topics:
        if funding_tail and topic == "eligibility":
            continue
        count = 1 if rng.random() < 0.6 else 2
        for _ in range(count):
            if topic == "eligibility" and rng.random() < 0.25:
                question = writer.pick(FUNDING_QUESTIONS)
                sentence = writer.fill(
                    question.replace("{fw}", writer.pick(FUNDING_WORDS)).replace("{obj}", writer.pick(EGOV_OBJECTS))
                )
            elif rng.random() < 0.45:
                sentence = writer.fill(writer.pick(FRAMES).replace("{x}", writer.pick(TOPIC_OBJECTS[topic])))
            elif topic == "it_security" and rng.random() < 0.12:
                sentence = writer.fill(writer.pick(HYPOTHETICAL_INCIDENTS))
            else:
                sentence = writer.fill(writer.pick(REQUESTS[topic]))
            if sentence not in sentences:
                sentences.append(sentence)
    if urgent:
        if rng.random() < 0.5:
            incident = writer.fill(writer.pick(URGENT_REQUESTS))
        else:
            system = writer.pick(INCIDENT_SYSTEMS)
            incident = (
                f"{system[0].upper()}{system[1:]} {writer.pick(INCIDENT_STATES)}. {writer.pick(INCIDENT_ACTIONS)}"
            )
        if rng.random() < 0.5:
            sentences = sentences[:1]
        sentences.insert(0, incident.strip())
        subject = writer.fill(writer.pick(URGENT_SUBJECTS))
    else:
        subject = writer.fill(writer.pick(SUBJECTS[topics[0]]))
    if len(topics) > 1 and rng.random() < 0.5:
        subject = f"{subject} / {writer.fill(writer.pick(SUBJECTS[topics[1]]))}".strip(" /")
    if rng.random() < 0.25:
        subject = ("AW: " if rng.random() < 0.5 else "Re: ") + subject
    rng.shuffle(sentences) if not urgent else None
    if funding_tail:
        sentences.append(writer.pick(FUNDING_TAILS))
    if rng.random() < 0.12:
        # a subject from an older thread about another topic: the body decides
        others = [t for t in TOPICS if t not in topics]
        if others:
            subject = writer.fill(writer.pick(SUBJECTS[rng.choice(others)], partition=False)) or subject
    quote = None
    if rng.random() < 0.3:
        # quoted history from another topic: must not leak into the label
        other = rng.choice([t for t in TOPICS if t not in topics] or list(TOPICS))
        quote = writer.fill(writer.pick(REQUESTS[other], partition=False))
    return writer.compose(subject, sentences, quote=quote)


def negative_mail(writer: Writer) -> tuple[str, str, bool]:
    """(subject, body, is_plain_mail) for mails that belong to no topic."""
    rng = writer.rng
    kind = rng.random()
    if kind < 0.12:
        question = writer.pick(FUNDING_QUESTIONS)
        sentence = question.replace("{fw}", writer.pick(FUNDING_WORDS)).replace("{obj}", writer.pick(OTHER_OBJECTS))
        subject = writer.pick(["Förderung", "Fördermittel", "Anfrage Zuschuss", "Frage", "", "Förderantrag"])
        return (*writer.compose(subject, [writer.fill(sentence)]), True)
    if kind < 0.21:
        question = writer.pick(SAFETY_QUESTIONS)
        sentence = question.replace("{sw}", writer.pick(SAFETY_WORDS)).replace("{place}", writer.pick(SAFETY_PLACES))
        sentence = sentence[0].upper() + sentence[1:]
        subject = writer.pick(["Sicherheit", "Anfrage", "Frage", "", "Sicherheitsfrage", "Bitte um Rat"])
        return (*writer.compose(subject, [writer.fill(sentence)]), True)
    if kind < 0.26:
        subject = writer.pick(["IT", "Frage EDV", "Anfrage", "Software", "Hardware", ""])
        return (*writer.compose(subject, [writer.pick(IT_PLAIN)]), True)
    if kind < 0.34:
        objects = [
            writer.pick(FRAMES).replace("{x}", writer.pick(TOPIC_OBJECTS["none"])) for _ in range(rng.randint(1, 2))
        ]
        subject = writer.pick(["Anfrage", "Frage", "Bitte um Rückruf", "Kurze Frage", "Beratung", "", "Info"])
        return (*writer.compose(subject, [writer.fill(o) for o in objects]), True)
    if kind < 0.39:
        event = rng.choice(EVENTS)
        sentence = writer.fill(writer.pick(EVENT_SECURITY).replace("{event}", event))
        subject = writer.pick([f"Sicherheitskonzept {event}", f"{event}", "Sicherheitsdienst", "Anfrage", "", "Frage"])
        return (*writer.compose(subject, [sentence]), True)
    if kind < 0.5:
        subject, sentence = writer.pick(NEGATIVES)
        extra = writer.pick(NEGATIVES)[1] if rng.random() < 0.15 else ""
        quote = writer.fill(writer.pick(REQUESTS[rng.choice(TOPICS)], partition=False)) if rng.random() < 0.1 else None
        return (*writer.compose(writer.fill(subject), [writer.fill(sentence), writer.fill(extra)], quote=quote), True)
    if kind < 0.65:
        subject, text = writer.pick(NEWSLETTERS)
        if rng.random() < 0.4:
            text = f"{text}\n\n{rng.choice(NEWSLETTER_FOOTERS)}"
        return writer.fill(subject), writer.fill(text), True
    if kind < 0.66:
        subject, text = writer.pick(CONTENTLESS)
        return writer.fill(subject), writer.fill(text), True
    if kind < 0.71:
        subject, text = writer.pick(VENDOR_ADS)
        if rng.random() < 0.4:
            text = f"{text}\n\n{rng.choice(NEWSLETTER_FOOTERS)}"
        return writer.fill(subject), writer.fill(text), True
    if kind < 0.77:
        subject, text = writer.pick(OUT_OF_OFFICE)
        return writer.fill(subject), writer.fill(text), True
    if kind < 0.85:
        subject, text = writer.pick(SPAM)
        return writer.fill(subject), writer.fill(text), True
    subject, text = writer.pick(THANKS)
    if rng.random() < 0.6:
        subject = ("Re: " if rng.random() < 0.5 else "AW: ") + writer.pick(
            SUBJECTS[rng.choice(TOPICS)], partition=False
        )
    quote = writer.fill(writer.pick(REQUESTS[rng.choice(TOPICS)], partition=False)) if rng.random() < 0.6 else None
    return (*writer.compose(writer.fill(subject), [writer.fill(text)], quote=quote), True)


def generate(count: int, *, family: int, families: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    writer = Writer(rng, family, families)
    examples = []
    for _ in range(count):
        roll = rng.random()
        urgent = False
        if roll < 0.42:
            subject, body, _ = negative_mail(writer)
            topics: list[str] = []
        else:
            urgent = rng.random() < 0.1
            if urgent:
                topics = ["it_security"] + (["eligibility"] if rng.random() < 0.05 else [])
            elif rng.random() < 0.25:
                topics = rng.sample(list(TOPICS), 2 if rng.random() < 0.85 else 3)
            else:
                topics = [rng.choice(TOPICS)]
            subject, body = topic_mail(writer, topics, urgent)
        noisy_subject, _, noisy_body = noise(f"{subject}\n\x00\n{body}", rng).partition("\n\x00\n")
        text = classification_text(noisy_subject, noisy_body)
        cats = {topic: 1.0 if topic in topics else 0.0 for topic in TOPICS}
        cats["urgent"] = 1.0 if urgent else 0.0
        examples.append({"text": text, "cats": cats})
    return examples


def dedupe(examples: list[dict], seen: set[str]) -> list[dict]:
    unique = []
    for example in examples:
        key = hashlib.sha1(" ".join(example["text"].lower().split()).encode()).hexdigest()
        if key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


def handwritten() -> list[dict]:
    path = HERE / "handwritten.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    families = 5  # train uses template families 0-3, dev and test family 4 (phrasings train never saw)
    seen: set[str] = set()
    train: list[dict] = []
    for family in range(4):
        train += generate(1000, family=family, families=families, seed=SEED + family)
    manual = handwritten()
    random.Random(SEED).shuffle(manual)
    cut = len(manual) * 4 // 5
    train = dedupe(train + manual[:cut], seen)
    dev = dedupe(generate(700, family=4, families=families, seed=SEED + 4) + manual[cut:], seen)
    test = dedupe(generate(400, family=4, families=families, seed=SEED + 5), seen)
    for name, examples in (("train", train), ("dev", dev), ("test", test)):
        random.Random(SEED).shuffle(examples)
        lines = [json.dumps(e, ensure_ascii=False) for e in examples]
        (HERE / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        counts = {t: sum(1 for e in examples if e["cats"][t]) for t in (*TOPICS, "urgent")}
        none = sum(1 for e in examples if not any(e["cats"][t] for t in TOPICS))
        print(f"{name}: {len(examples)} examples, {counts}, no topic: {none}")


if __name__ == "__main__":
    main()
