"""The chat assistant's immediate answer, composed from the team's guidance file
(``eingang/data/chat_guidance.yaml`` or ``EINGANG_CHAT_GUIDANCE_PATH``). Pure text assembly."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PACKAGED_GUIDANCE = Path(__file__).resolve().parents[1] / "eingang" / "data" / "chat_guidance.yaml"


@dataclass(frozen=True)
class GuidanceSection:
    title: str
    text: str


@dataclass(frozen=True)
class Guidance:
    received: str
    received_without_reference: str
    follow_up: str
    urgent: GuidanceSection
    topics: dict[str, GuidanceSection]
    fallback: GuidanceSection

    def first_reply(self, *, name: str, reference: str | None, topics: list[str], urgent: bool) -> str:
        """Urgent steps first (if any), then the reference and what happens next, then the
        guidance of each detected topic (or the fallback)."""
        parts = []
        if urgent:
            parts.append(f"{self.urgent.title}\n{self.urgent.text}")
        template = self.received if reference else self.received_without_reference
        parts.append(template.format(reference=reference or "", name=name))
        sections = [self.topics[topic] for topic in self.topics if topic in topics]
        for section in sections or ([] if urgent else [self.fallback]):
            parts.append(f"{section.title}\n{section.text}")
        return "\n\n".join(part.strip() for part in parts)

    def follow_up_reply(self, *, name: str, reference: str | None) -> str:
        if not reference:
            return self.received_without_reference.format(reference="", name=name).strip()
        return self.follow_up.format(reference=reference, name=name).strip()


def _section(data: dict, where: str) -> GuidanceSection:
    if not isinstance(data, dict) or not data.get("text"):
        raise ValueError(f"Chat-Leitfaden: Abschnitt {where} braucht „title“ und „text“")
    return GuidanceSection(str(data.get("title", "")).strip(), str(data["text"]).strip())


def load_guidance(path: Path | str | None = None) -> Guidance:
    """Read and check a guidance file; raise ValueError naming what is wrong."""
    source = Path(path) if path else PACKAGED_GUIDANCE
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"Chat-Leitfaden {source}: kein YAML-Objekt")
    try:
        return Guidance(
            received=str(data["received"]),
            received_without_reference=str(data["received_without_reference"]),
            follow_up=str(data["follow_up"]),
            urgent=_section(data["urgent"], "urgent"),
            topics={str(key): _section(value, f"topics.{key}") for key, value in (data.get("topics") or {}).items()},
            fallback=_section(data["fallback"], "fallback"),
        )
    except KeyError as missing:
        raise ValueError(f"Chat-Leitfaden {source}: Eintrag {missing} fehlt") from None


@lru_cache(maxsize=8)
def cached_guidance(path: str | None) -> Guidance:
    return load_guidance(path)
