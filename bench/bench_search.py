"""Benchmark of the full-text search (models.search) at 100,000 consultations, on PostgreSQL
and on SQLite.

Run: ``.venv/bin/python bench/bench_search.py [--consultations 100000] [--queries 200]
[--backends postgres,sqlite]``. PostgreSQL: creates a fresh database on
``EINGANG_BENCH_POSTGRES_URL`` (default the local server) and drops it afterwards; SQLite: a file
in a temp folder. Both are migrated and given the gazetteer, then filled by bulk insert with
generated German consultations over twelve topics (one or two messages each), indexed
(PostgreSQL: one ``rebuild_search_index`` with the triggers off during the load; SQLite: the
indexer the triggers feed), and asked a mix of queries — common and rare words, umlauts typed
as ae/oe/ue, several words, prefixes, words typed partially, references, AGS, sender names —
through ``search_consultations`` (50 results with total and highlighted snippets, as the inbox
asks). Prints p50/p95/max latency per backend and per kind of query; then, outside the mix, the
inbox's own path (``web.inbox``: open consultations, 100 rows, count, highlights) and words that
every consultation contains."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

POSTGRES_ADMIN_URL = os.environ.get(
    "EINGANG_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

# Per topic: subjects and sentences with {placeholders}; inflected forms vary on purpose.
TOPICS = {
    "foerderung": (
        [
            "Förderantrag nach ThürEGovRL",
            "Frage zur Förderfähigkeit",
            "Förderung eines DMS",
            "Fördermittel für {thing}",
        ],
        [
            "Wir möchten einen Förderantrag für {thing} stellen.",
            "Ist die Einführung von {thing} nach der ThürEGovRL förderfähig?",
            "Unsere Förderanträge vom {date} sind noch nicht beschieden.",
            "Welche Unterlagen braucht die Bewilligungsstelle für die Förderung?",
            "Können wir die Fördermittel auch für Schulungen der Mitarbeiter verwenden?",
            "Der Zuwendungsbescheid nennt eine Frist bis zum {date}.",
        ],
    ),
    "ozg": (
        ["OZG-Leistung {service} anbinden", "Onlinedienst {service}", "Frage zum Onlinezugangsgesetz"],
        [
            "Wie binden wir den Onlinedienst {service} an das Serviceportal an?",
            "Die OZG-Umsetzung für {service} verzögert sich bei uns.",
            "Gibt es eine Nachnutzung nach dem Einer-für-Alle-Prinzip für {service}?",
            "Unsere Bürgerinnen und Bürger fragen nach dem digitalen Antrag für {service}.",
        ],
    ),
    "it_sicherheit": (
        ["Verdacht auf Phishing im Rathaus", "IT-Sicherheitsvorfall", "Schadsoftware auf einem Arbeitsplatz"],
        [
            "Ein Mitarbeiter hat eine Phishing-Mail geöffnet und einen Anhang ausgeführt.",
            "Der Virenscanner meldet auf {count} Rechnern eine Schadsoftware.",
            "Wir haben den Rechner vom Netz genommen und die Passwörter geändert.",
            "Brauchen wir für die Informationssicherheit einen eigenen Beauftragten?",
        ],
    ),
    "breitband": (
        ["Breitbandausbau im Ortsteil", "Glasfaser für {place}", "Mobilfunklücke"],
        [
            "Der Breitbandausbau in {place} stockt seit dem {date}.",
            "Die Glasfaseranschlüsse der Schulen sind noch nicht fertig.",
            "Wer ist für die Mobilfunkversorgung im Gewerbegebiet zuständig?",
        ],
    ),
    "haushalt": (
        ["Haushaltssatzung {year}", "Kassenkredite", "Frage zur Haushaltskonsolidierung"],
        [
            "Unsere Haushaltssatzung für {year} wurde noch nicht genehmigt.",
            "Der Höchstbetrag der Kassenkredite reicht nicht aus.",
            "Das Haushaltssicherungskonzept muss bis zum {date} vorliegen.",
            "Wie verbuchen wir die Zuweisungen nach dem Finanzausgleichsgesetz?",
        ],
    ),
    "grundsteuer": (
        ["Grundsteuerreform", "Hebesätze der Grundsteuer", "Grundsteuer B {year}"],
        [
            "Wie legen wir die Hebesätze nach der Grundsteuerreform fest?",
            "Die Grundsteuermessbescheide des Finanzamts fehlen noch für {count} Grundstücke.",
            "Ist ein aufkommensneutraler Hebesatz für {year} verpflichtend?",
        ],
    ),
    "e_akte": (
        ["Einführung der E-Akte", "Elektronische Aktenführung", "Scannen und Vernichten"],
        [
            "Wir planen die Einführung der E-Akte in der Kämmerei.",
            "Dürfen Papierakten nach dem ersetzenden Scannen vernichtet werden?",
            "Welches Dokumentenmanagementsystem nutzen andere Verwaltungsgemeinschaften?",
        ],
    ),
    "datenschutz": (
        ["Datenschutzfrage", "Auftragsverarbeitung", "Auskunftsersuchen nach DSGVO"],
        [
            "Brauchen wir mit dem Rechenzentrum einen Vertrag zur Auftragsverarbeitung?",
            "Ein Bürger verlangt Auskunft nach Artikel 15 DSGVO.",
            "Wie lange dürfen Bewerbungsunterlagen gespeichert werden?",
        ],
    ),
    "waermeplanung": (
        ["Kommunale Wärmeplanung", "Wärmeplan für {place}", "Förderung der Wärmeplanung"],
        [
            "Bis wann müssen kleine Gemeinden einen Wärmeplan vorlegen?",
            "Wir möchten die kommunale Wärmeplanung gemeinsam mit {place} beauftragen.",
            "Gibt es Zuschüsse für die Wärmeplanung von Gemeinden unter 10.000 Einwohnern?",
        ],
    ),
    "personal": (
        ["Stellenbesetzung", "Tarifliche Eingruppierung", "Fortbildung der Mitarbeiter"],
        [
            "Wie gruppieren wir einen Sachbearbeiter für Digitalisierung nach TVöD ein?",
            "Die Stelle im Hauptamt ist seit {count} Monaten unbesetzt.",
            "Gibt es Fortbildungen zur Digitalisierung der Verwaltung?",
        ],
    ),
    "vergabe": (
        ["Vergabe einer IT-Leistung", "Ausschreibung {thing}", "Vergaberecht"],
        [
            "Ab welchem Auftragswert müssen wir {thing} europaweit ausschreiben?",
            "Dürfen wir den Rahmenvertrag des Landes für {thing} mitnutzen?",
            "Die Angebote für {thing} liegen deutlich über der Kostenschätzung.",
        ],
    ),
    "gebuehren": (
        ["Gebührensatzung", "Verwaltungsgebühren", "Gebühren für Onlineanträge"],
        [
            "Dürfen wir für Onlineanträge die gleichen Gebühren erheben?",
            "Unsere Gebührensatzung stammt aus dem Jahr {year}.",
            "Wie werden Gebühren bei der Online-Zahlung verbucht?",
        ],
    ),
}
THINGS = ["ein DMS", "die E-Akte", "Tablets für den Gemeinderat", "ein Ratsinformationssystem", "Server", "Laptops"]
SERVICES = ["Wohngeld", "Hundesteuer", "Gewerbeanmeldung", "Meldebescheinigung", "Baugenehmigung", "Elterngeld"]
FIRST = ["Anna", "Jürgen", "Sören", "Maria", "Thomas", "Jörg", "Katrin", "Uwe", "Bärbel", "Matthias"]
LAST = ["Müller", "Schröder", "Köhler", "Schmidt", "Weiß", "Krüger", "Hoffmann", "Günther", "Fischer", "Böhm"]
OPENERS = ["Sehr geehrte Damen und Herren,", "Guten Tag,", "Hallo Frau Berger,", "Liebe Kolleginnen und Kollegen,"]
CLOSERS = ["Vielen Dank für Ihre Unterstützung.", "Über eine kurze Rückmeldung würden wir uns freuen.", "Danke!"]


def generate(count: int, municipalities: list[tuple[str, str]], rng: random.Random):
    """Rows for consultation and consultation_message (ids assigned here)."""
    start = datetime(2026, 1, 2, 8, 0, tzinfo=UTC)
    consultations, messages = [], []
    message_id = 0
    for number in range(1, count + 1):
        topic = rng.choice(list(TOPICS))
        subjects, sentences = TOPICS[topic]
        key, place = rng.choice(municipalities)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        values = {
            "thing": rng.choice(THINGS),
            "service": rng.choice(SERVICES),
            "place": place,
            "date": f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2026",
            "count": rng.randint(2, 40),
            "year": rng.choice([2025, 2026, 2027]),
        }
        received = start + timedelta(minutes=3 * number)
        sender = f"{first.lower()}.{last.lower()}@{place.lower().replace(' ', '-')}.de"
        consultations.append(
            {
                "id": number,
                "reference": f"KV-2026-{number:05d}",
                "subject": rng.choice(subjects).format(**values),
                "status": rng.choice(["neu", "in_bearbeitung", "beantwortet", "abgeschlossen", "abgeschlossen"]),
                "channel": "smtp",
                "priority": "normal",
                "urgent_incident": False,
                "authority_key": key,
                "authority_confirmed": True,
                "topics": [topic],
                "topic_scores": {topic: 0.9},
                "suggested_topics": [],
                "topics_confirmed": False,
                "sender_address": sender,
                "sender_name": f"{first} {last}",
                "needs_review": False,
                "received_at": received,
                "created_at": received,
                "updated_at": received,
            }
        )
        for reply in range(1 if rng.random() < 0.8 else 2):
            message_id += 1
            body = "\n".join(
                [rng.choice(OPENERS)]
                + [s.format(**values) for s in rng.sample(sentences, k=min(len(sentences), rng.randint(2, 4)))]
                + [rng.choice(CLOSERS), "Mit freundlichen Grüßen", f"{first} {last}", f"Gemeindeverwaltung {place}"]
            )
            messages.append(
                {
                    "id": message_id,
                    "consultation_id": number,
                    "direction": "inbound" if reply == 0 else "outbound",
                    "channel": "smtp",
                    "sender": sender,
                    "sender_name": f"{first} {last}",
                    "recipients": [],
                    "sent_at": received + timedelta(hours=reply),
                    "subject": "",
                    "text": body,
                    "quoted_text": "",
                    "signature": "",
                    "references": [],
                }
            )
    return consultations, messages


def query_mix(count: int, consultations: list[dict], rng: random.Random) -> list[tuple[str, str]]:
    kinds = {
        "common word": ["Förderung", "Grundsteuer", "Phishing", "Wärmeplanung", "Haushaltssatzung", "Gebühren"],
        "folded umlauts": ["foerderung", "waermeplanung", "gebuehren", "Foerderantraege", "Passwoerter"],
        "several words": [
            "Förderung DMS",
            "Grundsteuer Hebesätze Reform",
            "Phishing Anhang Mitarbeiter",
            "Breitbandausbau Schulen",
            "Onlinedienst Wohngeld Serviceportal",
        ],
        "prefix": ["Förder*", "Digitalis*", "Kassenkr*", "Glasf*", "Auftragsverarb*"],
        "typed partially": ["Förderantr", "Haushaltss", "Dokumentenmana", "Gebührens", "Schadsoft"],
        "rare or none": ["Ratsinformationssystem Tablets", "Elterngeld", "Quantencomputer", "Hundesteuer Onlineantrag"],
    }
    queries = []
    for number in range(count):
        pick = number % 9
        if pick == 6:
            queries.append(("reference", rng.choice(consultations)["reference"]))
        elif pick == 7:
            queries.append(("AGS", rng.choice(consultations)["authority_key"]))
        elif pick == 8:
            person = rng.choice(consultations)["sender_name"]
            queries.append(("sender name", person if number % 2 else person.split()[1]))
        else:
            kind = list(kinds)[pick]
            queries.append((kind, rng.choice(kinds[kind])))
    return queries


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_backend(name: str, url: str, args, municipalities_cache: dict) -> None:
    from sqlalchemy import text
    from sqlmodel import Session

    from casework.gazetteers import sync_gazetteer
    from classifiers.gazetteer import packaged_gazetteer
    from models import Consultation, ConsultationMessage, make_engine, session_scope
    from models.migrate import upgrade_database
    from models.search import index_pending, rebuild_search_index, search_consultations

    engine = make_engine(url)  # the search needs only the database (no runtime)
    upgrade_database(engine)
    gazetteer = packaged_gazetteer()
    with session_scope(engine) as session:
        sync_gazetteer(session, gazetteer)
    municipalities = [(key, m.name) for key, m in sorted(gazetteer.municipalities.items())]
    rng = random.Random(14)
    consultations, messages = generate(args.consultations, municipalities, rng)
    postgres = engine.dialect.name == "postgresql"
    started = time.perf_counter()
    with engine.begin() as connection:
        if postgres:
            connection.execute(text("ALTER TABLE consultation DISABLE TRIGGER search_consultation"))
            connection.execute(text("ALTER TABLE consultation_message DISABLE TRIGGER search_message"))
        for table, rows in ((Consultation.__table__, consultations), (ConsultationMessage.__table__, messages)):
            for offset in range(0, len(rows), 5000):
                connection.execute(table.insert(), rows[offset : offset + 5000])
        if postgres:
            connection.execute(text("ALTER TABLE consultation ENABLE TRIGGER search_consultation"))
            connection.execute(text("ALTER TABLE consultation_message ENABLE TRIGGER search_message"))
            for table in ("consultation", "consultation_message"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    loaded = time.perf_counter()
    with session_scope(engine) as session:
        indexed = rebuild_search_index(session) if postgres else index_pending(session)
    finished = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    print(
        f"\n{name}: {len(consultations):,} consultations, {len(messages):,} messages inserted in "
        f"{loaded - started:.1f} s; {indexed:,} indexed in {finished - loaded:.1f} s"
    )
    queries = query_mix(args.queries, consultations, random.Random(2026))
    timings: dict[str, list[float]] = {}
    everything: list[float] = []
    totals: dict[str, list[int]] = {}
    with Session(engine) as session:
        for _kind, query in queries[:10]:  # warm-up (caches, stemmer)
            search_consultations(session, query, limit=50)
        for kind, query in queries:
            begin = time.perf_counter()
            page = search_consultations(session, query, limit=50)
            elapsed = (time.perf_counter() - begin) * 1000
            timings.setdefault(kind, []).append(elapsed)
            totals.setdefault(kind, []).append(page.total)
            everything.append(elapsed)
        session.commit()
    print(f"{'kind of query':<18} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'median hits':>12}")
    for kind, values in timings.items():
        print(
            f"{kind:<18} {len(values):>4} {percentile(values, 0.5):>8.1f} {percentile(values, 0.95):>8.1f} "
            f"{max(values):>8.1f} {statistics.median(totals[kind]):>12,.0f}"
        )
    print(
        f"{'all':<18} {len(everything):>4} {percentile(everything, 0.5):>8.1f} "
        f"{percentile(everything, 0.95):>8.1f} {max(everything):>8.1f}"
    )
    # Beyond the mix: the inbox's own path (open consultations, 100 rows, count, highlights) and
    # a word that every consultation contains (the signature's "Gemeindeverwaltung").
    from web.inbox import InboxFilter, inbox_count, inbox_query, search_highlights

    extra: dict[str, list[float]] = {}
    with Session(engine) as session:
        for _kind, query in queries[:60]:
            begin = time.perf_counter()
            filters = InboxFilter(search=query)
            rows = inbox_query(session, filters)
            inbox_count(session, filters)
            search_highlights(session, filters, rows)
            extra.setdefault("inbox page (web)", []).append((time.perf_counter() - begin) * 1000)
        for query in ["Gemeindeverwaltung", "Gemeinde", "freundlichen Grüßen", "Grüß"] * 3:
            begin = time.perf_counter()
            search_consultations(session, query, limit=50)
            extra.setdefault("in every document", []).append((time.perf_counter() - begin) * 1000)
        session.commit()
    for kind, values in extra.items():
        print(
            f"{kind:<18} {len(values):>4} {percentile(values, 0.5):>8.1f} {percentile(values, 0.95):>8.1f} "
            f"{max(values):>8.1f}"
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", default="postgres,sqlite")
    args = parser.parse_args()
    from sqlalchemy import create_engine, text

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if "postgres" in backends:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        name = f"eingang_bench_search_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run_backend("PostgreSQL", POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", args, {})
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory(prefix="eingang-bench-search-") as folder:
            run_backend("SQLite", f"sqlite:///{folder}/bench.db", args, {})


if __name__ == "__main__":
    main()
