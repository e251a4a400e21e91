"""Learning from corrections, proven: a stream of mails replayed in time order. On the early mails a
consultant corrects topics (TopicCorrection rows) and confirms senders (KnownSender, the sender
registry); then `eingang train --include-corrections` trains a candidate that is put in use. The
later mails of the same stream are measured against the same replay without corrections (the same
small corpus without the correction rows, and no registry). The corpus is deliberately tiny, so the
training takes seconds; the comparison, not the absolute level, is what the test shows."""

from __future__ import annotations

import json
import random
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from classifiers.corpus import write_jsonl
from classifiers.linker import link
from classifiers.topic_model import TopicModel
from classifiers.topics import classify
from eingang.cli.main import app
from eingang.runtime import Runtime
from intake.parsing import parse
from models import Consultation, KnownSender, TopicCorrection, session_scope
from tests.conftest import make_settings, migrated_runtime
from tests.test_classifier_training import TINY, _examples

# Senders writing from private addresses without a signature the linker could read.
SENDERS = [
    ("r.kunze@gmx.de", "16074044"),  # Kahla
    ("ortsbuero.h@web.de", "16069049"),  # Straufhain
    ("m.baer@t-online.de", "16075098"),  # Schleiz
    ("kasse.w@gmail.com", "16076079"),  # Weida
    ("h.liebig@web.de", "16070029"),  # Ilmenau
    ("amt.sbg@gmx.net", "16072018"),  # Sonneberg
]
# Phrasings the small corpus does not contain; early and late mails use different ones.
PHRASES = {
    "eligibility": [
        "Bekommen wir einen Zuschuss für die digitale Ratsarbeit?",
        "Wie hoch ist der Zuschuss für die Tablets der Gemeinderäte?",
        "Gibt es einen Zuschuss für die digitale Ratsarbeit mit Tablets?",
        "Wird die digitale Ratsarbeit bezuschusst, und wie hoch ist der Zuschuss?",
    ],
    "it_security": [
        "Unser Virenschutz meldet ständig Fehlalarme auf den Rathausrechnern.",
        "Wie oft sollte der Virenschutz auf den Rathausrechnern aktualisiert werden?",
        "Reicht der kostenlose Virenschutz für die Rathausrechner aus?",
        "Der Virenschutz auf den Rathausrechnern blockiert das Fachverfahren.",
    ],
    "ozg_duties": [
        "Muss die Hundesteuer-Anmeldung als Onlineantrag angeboten werden?",
        "Bis wann brauchen wir den Onlineantrag für die Hundesteuer?",
        "Welche Anträge außer der Hundesteuer müssen wir als Onlineantrag anbieten?",
        "Unser Onlineantrag für die Hundesteuer fehlt noch, ist das ein Problem?",
    ],
}
TOPIC_OF = dict(zip([a for a, _ in SENDERS], ["eligibility", "it_security", "ozg_duties"] * 2, strict=True))


def _stream() -> list[tuple[bytes, str, str]]:
    """(raw mail, gold topic, gold authority) in time order: every sender writes twice early, twice late."""
    rng = random.Random(15)
    stream = []
    for phase in (0, 1):
        batch = []
        for address, authority in SENDERS:
            topic = TOPIC_OF[address]
            for text in PHRASES[topic][2 * phase : 2 * phase + 2]:
                message = EmailMessage()
                message["From"] = address
                message["To"] = "egovernment@tfm.thueringen.de"
                message["Subject"] = "Frage"
                message.set_content(f"Hallo,\n\n{text}\n\nGruß")
                batch.append((bytes(message), topic, authority))
        rng.shuffle(batch)
        stream += batch
    return stream


def _train(corpus: Path, output: Path, *, corrections: bool) -> TopicModel:
    args = ["train", "--output", str(output), "--corpus", str(corpus), "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--include-corrections"] if corrections else args)
    assert result.exit_code == 0, result.output
    learned = json.loads(result.stdout)["corrections"]
    assert learned > 0 if corrections else learned == 0
    return TopicModel.load(output)


def _replay(runtime: Runtime, corpus: Path, work: Path, *, corrections: bool) -> dict[str, float]:
    stream = _stream()
    early, late = stream[:12], stream[12:]
    with session_scope(runtime.engine) as session:
        consultation = Consultation(reference="KV-2026-01500", channel="email", subject="Replay")
        session.add(consultation)
        session.flush()
        for raw, topic, authority in early:  # the consultant works through the early mails
            parsed = parse(raw)
            if corrections:
                session.add(
                    TopicCorrection(
                        consultation_id=consultation.id,
                        text=parsed.classification_text,
                        suggested=[],
                        corrected=[topic],
                        author="berater1",
                    )
                )
                if session.get(KnownSender, parsed.sender.address) is None:
                    session.add(
                        KnownSender(address=parsed.sender.address, authority_key=authority, confirmed_by="berater1")
                    )
    model = _train(corpus, work / ("with" if corrections else "without"), corrections=corrections)
    with Session(runtime.engine) as session:
        registry = {row.address: row.authority_key for row in session.exec(select(KnownSender)).all()}
    topics_right = authority_right = 0
    for raw, topic, authority in late:
        parsed = parse(raw)
        topics_right += classify(parsed, model).topics == (topic,)
        match = link(parsed, known_senders=registry).match
        authority_right += bool(match and match.key == authority)
    return {"topics": topics_right / len(late), "authority": authority_right / len(late)}


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "train.jsonl", _examples(TINY * 2))
    write_jsonl(corpus / "dev.jsonl", _examples(TINY))
    write_jsonl(corpus / "test.jsonl", _examples(TINY[:6]))
    return corpus


@pytest.mark.slow
def test_corrections_raise_accuracy_on_the_later_mails_of_a_stream(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = {}
    for corrections in (False, True):
        url = f"sqlite:///{tmp_path / f'replay-{int(corrections)}.db'}"
        runtime = migrated_runtime(make_settings(database_url=url))
        monkeypatch.setenv("EINGANG_DATABASE_URL", url)
        monkeypatch.delenv("EINGANG_TOPIC_MODEL_PATH", raising=False)
        try:
            results[corrections] = _replay(runtime, small_corpus, tmp_path, corrections=corrections)
        finally:
            runtime.engine.dispose()
    print(f"\nlater mails without corrections: {results[False]}, with corrections: {results[True]}")
    assert results[True]["authority"] == 1.0 and results[False]["authority"] == 0.0
    assert results[True]["topics"] > results[False]["topics"] + 0.3
