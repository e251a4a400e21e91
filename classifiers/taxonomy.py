"""The topic taxonomy as data: ids, German labels, descriptions and follow-up task templates.

Shipped as ``classifiers/data/taxonomy.yaml``; an operator may point ``EINGANG_TAXONOMY_PATH``
at their own copy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PACKAGED_TAXONOMY = Path(__file__).parent / "data" / "taxonomy.yaml"


@dataclass(frozen=True)
class TaskTemplate:
    key: str
    title: str
    due_working_days: int


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    description: str
    tasks: tuple[TaskTemplate, ...]


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    urgent_tasks: tuple[TaskTemplate, ...]

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(topic.id for topic in self.topics)

    def label(self, topic_id: str) -> str:
        return self.topic(topic_id).label

    @property
    def labels(self) -> dict[str, str]:
        """Topic id → German label (what the public schemas show beside each topic)."""
        return {topic.id: topic.label for topic in self.topics}


def _templates(items: list[dict] | None, where: str) -> tuple[TaskTemplate, ...]:
    templates = []
    for item in items or []:
        try:
            templates.append(TaskTemplate(str(item["key"]), str(item["title"]), int(item["due_working_days"])))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"task template in {where} is incomplete: {item!r}") from error
    return tuple(templates)


def load_taxonomy(path: Path | str = PACKAGED_TAXONOMY) -> Taxonomy:
    """Read and validate a taxonomy file; raise ValueError with the reason when it is malformed."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    topics = []
    for item in data.get("topics") or []:
        if not isinstance(item, dict) or "id" not in item or "label" not in item:
            raise ValueError(f"topic without id or label in {path}: {item!r}")
        topics.append(
            Topic(
                id=str(item["id"]),
                label=str(item["label"]),
                description=str(item.get("description", "")).strip(),
                tasks=_templates(item.get("tasks"), f"topic {item['id']}"),
            )
        )
    if not topics:
        raise ValueError(f"no topics defined in {path}")
    return Taxonomy(tuple(topics), _templates(data.get("urgent_tasks"), "urgent_tasks"))


@lru_cache(maxsize=4)
def get_taxonomy(path: str | None = None) -> Taxonomy:
    return load_taxonomy(path or PACKAGED_TAXONOMY)
