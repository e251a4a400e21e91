"""The labelled training corpus: JSONL lines ``{"text": ..., "cats": {"ozg_duties": 1.0, ...}}``.

``text`` is what the classifier reads in production: the subject, a blank line and the new
text of the mail (no quoted history). Besides the topics, ``cats`` may carry ``urgent``
(an urgent security incident)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "training"
URGENT = "urgent"


@dataclass(frozen=True)
class Example:
    text: str
    cats: dict[str, float]

    def labels(self, names: Iterable[str]) -> frozenset[str]:
        return frozenset(name for name in names if self.cats.get(name, 0.0) >= 0.5)


def read_jsonl(path: Path | str) -> list[Example]:
    """Read one split; raise ValueError naming the line when it is malformed."""
    examples = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            examples.append(Example(str(item["text"]), {str(k): float(v) for k, v in item["cats"].items()}))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise ValueError(f"{path}:{number}: kein gültiges Beispiel ({error})") from error
    return examples


def write_jsonl(path: Path | str, examples: Iterable[Example]) -> int:
    lines = [json.dumps({"text": e.text, "cats": e.cats}, ensure_ascii=False) for e in examples]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def split_path(name: str, corpus_dir: Path | str = CORPUS_DIR) -> Path:
    return Path(corpus_dir) / f"{name}.jsonl"
