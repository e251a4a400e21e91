"""Result types of the pure prediction functions ``classify`` and ``link``."""

from __future__ import annotations

from dataclasses import dataclass, field

TOPICS = ("ozg_duties", "eligibility", "it_security")


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicPrediction:
    """Scores for every topic; ``topics`` are the ones above their threshold."""

    scores: tuple[TopicScore, ...]
    topics: tuple[str, ...]
    urgent: bool = False
    urgent_evidence: tuple[str, ...] = ()
    urgent_reason: str = ""  # plain German: why an incident was (not) read as happening now

    def score_of(self, topic: str) -> float:
        return next((s.score for s in self.scores if s.topic == topic), 0.0)

    def as_dict(self) -> dict:
        return {
            "topics": list(self.topics),
            "scores": {s.topic: round(s.score, 4) for s in self.scores},
            "evidence": {s.topic: list(s.evidence) for s in self.scores if s.evidence},
            "urgent": self.urgent,
            "urgent_evidence": list(self.urgent_evidence),
        }


@dataclass(frozen=True)
class AuthorityCandidate:
    key: str  # 8-digit AGS, 5-digit district key or 9-digit VG key
    name: str
    kind: str
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuthorityMatch:
    """The linker's decision: ``match`` is None when it abstains; ``candidates`` are offered
    to the consultant either way."""

    match: AuthorityCandidate | None
    candidates: tuple[AuthorityCandidate, ...] = ()
    evidence: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        def cand(c: AuthorityCandidate) -> dict:
            return {
                "key": c.key,
                "name": c.name,
                "kind": c.kind,
                "score": round(c.score, 4),
                "evidence": list(c.evidence),
            }

        return {
            "match": cand(self.match) if self.match else None,
            "candidates": [cand(c) for c in self.candidates],
        }
