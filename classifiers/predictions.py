"""Result types of the pure prediction functions ``classify`` and ``link``."""

from __future__ import annotations

from dataclasses import dataclass, field

TOPICS = ("ozg_duties", "eligibility", "it_security")
# German names for the explanations (the taxonomy's labels; kept here so the result types stay pure)
TOPIC_NAMES = {"ozg_duties": "OZG-Pflichten", "eligibility": "Förderfähigkeit", "it_security": "IT-Sicherheit"}


def percent(value: float) -> str:
    """0.934 -> "93 %" (German typography: a narrow no-break space before the sign)."""
    shown = round(100 * value)
    return f"{min(shown, 99) if value < 1 else 100}\u202f%"


def confidence_words(value: float) -> str:
    """Plain German for a calibrated confidence."""
    if value >= 0.9:
        return "sehr sicher"
    if value >= 0.75:
        return "ziemlich sicher"
    if value >= 0.5:
        return "eher ja"
    if value >= 0.25:
        return "eher nein"
    return "unwahrscheinlich"


@dataclass(frozen=True)
class TopicScore:
    topic: str
    score: float  # the model's combined score, compared with the topic's threshold
    evidence: tuple[str, ...] = ()
    # calibrated probability that the topic applies (measured on held-out mail: of the suggestions
    # with confidence 0.9, nine in ten are right); None for a model trained before calibration
    confidence: float | None = None

    @property
    def probability(self) -> float:
        return self.score if self.confidence is None else self.confidence


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

    def explanation(self) -> list[str]:
        """One plain-German line per suggested topic (and the urgent flag) for the case page."""
        lines = []
        for score in self.scores:
            if score.topic not in self.topics:
                continue
            name = TOPIC_NAMES.get(score.topic, score.topic)
            line = f"{name}: {confidence_words(score.probability)} ({percent(score.probability)})"
            if score.evidence:
                line += " – Hinweise: " + ", ".join(f"„{w}“" for w in score.evidence[:4])
            lines.append(line)
        if self.urgent:
            line = "Dringend: laufender Sicherheitsvorfall"
            if self.urgent_evidence:
                line += " – Hinweise: " + ", ".join(f"„{w}“" for w in self.urgent_evidence[:4])
            lines.append(line)
        elif self.urgent_reason.startswith("kein laufender"):
            lines.append(f"Nicht dringend: {self.urgent_reason}")
        if not lines:
            lines.append("Kein Thema erkannt.")
        return lines

    def as_dict(self) -> dict:
        return {
            "topics": list(self.topics),
            "scores": {s.topic: round(s.score, 4) for s in self.scores},
            "confidence": {s.topic: round(s.probability, 4) for s in self.scores},
            "evidence": {s.topic: list(s.evidence) for s in self.scores if s.evidence},
            "urgent": self.urgent,
            "urgent_evidence": list(self.urgent_evidence),
            "urgent_reason": self.urgent_reason,
            "explanation": self.explanation(),
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
    # measured share of correct links at the match's score (see classifiers.linker.confidence_of)
    confidence: float | None = None

    def explanation(self) -> str:
        """Plain German for the case page: the suggestion, how sure, and why (or why none)."""
        if self.match is None:
            if not self.candidates:
                return "Keine Behörde erkannt: weder Absender noch Text nennen eine Thüringer Verwaltung."
            names = ", ".join(c.name for c in self.candidates[:3])
            why = "mehrere Behörden gleich wahrscheinlich" if "mehrdeutig" in self.evidence else "Hinweise zu schwach"
            return f"Kein Vorschlag ({why}); in Frage kommen: {names}."
        sure = self.confidence if self.confidence is not None else self.match.score
        reasons = "; ".join(self.match.evidence[:4])
        return f"{self.match.name}: {confidence_words(sure)} ({percent(sure)}) – {reasons}"

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
            "confidence": round(self.confidence, 4) if self.confidence is not None else None,
            "explanation": self.explanation(),
        }
