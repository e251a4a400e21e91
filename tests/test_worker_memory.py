"""Issue 16: a worker child's memory (target RSS < 300 MB). A worker loads neither the web stack
nor spaCy's lemma table as 355,000 Python objects, the group's parent loads nothing of
Eingang, and the compact lemma table answers exactly as spaCy's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.lookups import load_lookups
from spacy.util import load_language_data, registry

from classifiers.lemma_table import LEMMA_LOOKUP, CompactLemmaTable, compact_lemma_lookups, lookup_pairs
from classifiers.topic_model import load_topic_model

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "tests" / "data" / "evaluation").glob("*.eml"))


def imported_after(statement: str) -> set[str]:
    """The top-level packages a fresh interpreter has loaded after ``statement``."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_a_worker_process_does_not_load_the_web_stack():
    loaded = imported_after("import eingang.runtime")
    assert {"casework", "classifiers", "spacy"} <= loaded  # the worker's own stack is there
    assert not loaded & {"web", "fastapi", "uvicorn", "starlette", "openpyxl", "sklearn", "scipy", "pygal"}


def test_the_worker_groups_parent_loads_nothing_of_eingang():
    loaded = imported_after("import queue_workers.dramatiq_main")
    assert not loaded & {"casework", "classifiers", "models", "spacy", "sqlalchemy", "web"}


def test_the_compact_lemma_table_answers_every_form_as_spacys_table():
    path = registry.lookups.get("de")[LEMMA_LOOKUP]
    data = load_language_data(path)
    assert isinstance(data, dict)
    assert list(lookup_pairs(path)) == list(data.items())  # the pair reader agrees with the JSON parser
    reference = load_lookups("de", [LEMMA_LOOKUP]).get_table(LEMMA_LOOKUP)
    compact = compact_lemma_lookups("de").get_table(LEMMA_LOOKUP)
    assert isinstance(compact, CompactLemmaTable)
    assert len(compact) == len(reference) > 300_000
    assert all(compact.get(form, form) == reference.get(form, form) for form in data)
    assert all(compact[form] == reference[form] and form in compact for form in data)
    for unknown in ("Eingangsbestätigung-XYZ", "", "förderfähigkeitsprüfungs"):
        assert compact.get(unknown, unknown) == reference.get(unknown, unknown) == unknown
        assert unknown not in compact
        with pytest.raises(KeyError):
            compact[unknown]
    with pytest.raises(TypeError):
        compact["Haus"] = "Haus"


def test_a_table_of_escaped_json_is_read_by_the_json_parser(tmp_path):
    path = tmp_path / "xx_lemma_lookup.json"
    path.write_text('{"Caf\\u00e9s": "Caf\\u00e9", "a": "b", "a": "c"}', encoding="utf-8")
    table = CompactLemmaTable(LEMMA_LOOKUP, lookup_pairs(path))
    assert table.get("Cafés") == "Café"
    assert table.get("a") == "c"  # the last of equal keys, as in JSON and spaCy's Table


def test_the_topic_model_lemmatizes_as_spacys_lookup_lemmatizer():
    model = load_topic_model()
    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    assert SAMPLES
    for sample in SAMPLES[:30]:
        text = sample.read_text(encoding="utf-8", errors="replace")
        ours = [token.lemma_ for token in model.nlp(text)]
        theirs = [token.lemma_ for token in reference(text)]
        assert ours == theirs, sample.name


def test_a_worker_child_stays_under_300_mb_after_processing_mail(postgres_url):
    """The benchmark on the real PostgreSQL and Redis (its own database; the fixture fails the
    test in CI when PostgreSQL is missing): compose a worker child, process 20 sample mails."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_worker_memory.py"), "--mails", "20", "--json"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["mails"] == result["processed"] == 20
    assert result["heavy_packages"] == []
    assert result["rss_after_mails_mb"] < 300
    assert result["peak_rss_mb"] < 300
