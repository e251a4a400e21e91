"""Ähnliche Fälle (issue 14): for a consultation, the few most similar earlier consultations
that were answered, each with the answer that was given — so a consultant can start from it.

Similarity is by words and topic, with no downloaded model: a TF-IDF index (scikit-learn) over
the subject and the new text of each answered consultation — word unigrams with German umlaut
folding and a light suffix stemming, plus character 4-grams within words, so that compounds
("Förderantrag" / "Förderanträge" / "Antrag") meet — and the cosine of two such vectors,
mixed with the overlap of their topics (Jaccard). The index is built once per process and
rebuilt when a consultation was answered or changed (a fingerprint query on every call).

``bench/eval_similar.py`` measures on the labelled mails how often the top 3 share the topic."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy
from scipy.sparse import hstack  # type: ignore[import-untyped]  # no stubs shipped
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sqlalchemy import func
from sqlmodel import Session, col, select

from models import Consultation, ConsultationMessage, ConsultationStatus, Direction

DEFAULT_LIMIT = 5
TOPIC_WEIGHT = 0.3  # share of the score that comes from shared topics (the rest: words)
MIN_SCORE = 0.08  # below this a "similar" case is noise and not shown
MAX_TEXT = 4000  # characters of a message that go into the index

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e"})
_WORD = re.compile(r"[a-z0-9]{3,}")
_SUFFIXES = ("ungen", "ern", "en", "er", "es", "e", "n", "s")
# Words every mail has (greetings, closings, function words): no evidence of similarity.
_STOP_WORDS = """
    aber alle als also auch auf aus bei bin bis bitte dank danke dann das dass dem den der des
    die dies diese diesem diesen dieser doch durch ein eine einem einen einer eines fur gibt
    grussen grusse geehrte geehrter hallo hat hatte herr herren damen frau freundlichen gruss
    haben ich ihr ihre ihnen immer ist kann konnen mit mir muss mussen nach nicht noch nur oder
    sehr sein sich sie sind so uber um und uns unser unsere viele vielen vom von vor war waren
    was welche wenn werden wie wir wird wurde wurden zu zum zur mfg liebe lieber guten tag
    re aw wg fwd
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def fold(text: str) -> str:
    """Lower case with umlauts folded: "Förderung" and "Foerderung" both become "forderung"."""
    lowered = text.lower().translate(_FOLD)
    return lowered.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Folded, lightly stemmed words of ``text`` without stop words."""
    return [_stem(word) for word in _WORD.findall(fold(text)) if word not in STOP_WORDS]


@dataclass(frozen=True)
class CaseDocument:
    """What the index knows of one consultation: an id, its text and its topics."""

    key: int
    text: str
    topics: frozenset[str]


class SimilarityIndex:
    """TF-IDF vectors of a set of documents; ``query`` ranks them against a new text."""

    def __init__(self, documents: Sequence[CaseDocument]) -> None:
        self.documents = list(documents)
        self._word = TfidfVectorizer(analyzer=words, sublinear_tf=True, min_df=1)
        self._chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(4, 4), preprocessor=lambda text: " ".join(words(text)), sublinear_tf=True
        )
        self._matrix = None
        self._positions = {doc.key: position for position, doc in enumerate(self.documents)}
        self._by_topics: dict[frozenset[str], list[int]] = {}
        for position, doc in enumerate(self.documents):
            self._by_topics.setdefault(doc.topics, []).append(position)
        if self.documents:
            texts = [doc.text for doc in self.documents]
            try:
                self._matrix = normalize(hstack([self._word.fit_transform(texts), self._chars.fit_transform(texts)]))
            except ValueError:  # no words at all (empty mails only)
                self._matrix = None

    def _vector(self, text: str):
        return normalize(hstack([self._word.transform([text]), self._chars.transform([text])]))

    def query(
        self,
        text: str,
        topics: Iterable[str] = (),
        *,
        exclude: Iterable[int] = (),
        limit: int = DEFAULT_LIMIT,
        topic_weight: float = TOPIC_WEIGHT,
        min_score: float = MIN_SCORE,
    ) -> list[tuple[CaseDocument, float]]:
        """The ``limit`` best documents for ``text`` (and ``topics``), best first, with their score."""
        if self._matrix is None:
            return []
        wanted = frozenset(topics)
        cosines = (self._matrix @ self._vector(text).T).toarray().ravel()
        overlaps = numpy.zeros(len(self.documents))
        for topic_set, rows in self._by_topics.items():  # few distinct topic sets: one Jaccard each
            union = wanted | topic_set
            if union:
                overlaps[rows] = len(wanted & topic_set) / len(union)
        scores = (1 - topic_weight) * cosines + topic_weight * overlaps
        for key in exclude:
            if key in self._positions:
                scores[self._positions[key]] = -1.0
        candidates = numpy.flatnonzero(scores >= min_score)
        best = candidates[numpy.argsort(-scores[candidates], kind="stable")][:limit]
        return [(self.documents[i], float(scores[i])) for i in best]


@dataclass(frozen=True)
class SimilarCase:
    """An earlier consultation like this one, with the answer that was given."""

    reference: str
    subject: str
    status: ConsultationStatus
    topics: list[str]
    shared_topics: list[str]
    authority_key: str | None
    received_at: datetime
    score: float
    answer: str
    answered_at: datetime
    answered_by: int | None


def _case_text(subject: str, text: str) -> str:
    return f"{subject}\n{subject}\n{text[:MAX_TEXT]}"  # the subject counts twice: it names the question


def _first_inbound_texts(session: Session, ids: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        query = (
            select(ConsultationMessage.consultation_id, ConsultationMessage.text)
            .where(col(ConsultationMessage.consultation_id).in_(chunk))
            .where(ConsultationMessage.direction == Direction.INBOUND)
            .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
        )
        for consultation_id, text in session.exec(query):
            found.setdefault(consultation_id, text or "")
    return found


_CACHE: dict[str, tuple[tuple, SimilarityIndex]] = {}
_LOCK = threading.Lock()


def _fingerprint(session: Session) -> tuple:
    answers = session.exec(
        select(func.count(), func.max(ConsultationMessage.id)).where(
            ConsultationMessage.direction == Direction.OUTBOUND
        )
    ).one()
    # Not every change (an assignment, a note) — that would rebuild the index all day long —
    # only new answers and merges; a topic corrected on an answered case waits for the next answer.
    merged = session.exec(select(func.count()).where(col(Consultation.merged_into_id).is_not(None))).one()
    return (*answers, merged)


def answered_index(session: Session) -> SimilarityIndex:
    """The index over every answered consultation (not merged away), cached per database."""
    bind = session.get_bind()
    url = str(getattr(bind, "url", id(bind)))
    fingerprint = _fingerprint(session)
    with _LOCK:
        cached = _CACHE.get(url)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
    answered = select(ConsultationMessage.consultation_id).where(ConsultationMessage.direction == Direction.OUTBOUND)
    rows = session.exec(
        select(Consultation.id, Consultation.subject, Consultation.topics)
        .where(col(Consultation.id).in_(answered))
        .where(col(Consultation.merged_into_id).is_(None))
    ).all()
    texts = _first_inbound_texts(session, [row[0] for row in rows if row[0] is not None])
    documents = [
        CaseDocument(key=cid, text=_case_text(subject, texts.get(cid, "")), topics=frozenset(topics or []))
        for cid, subject, topics in rows
        if cid is not None
    ]
    index = SimilarityIndex(documents)
    with _LOCK:
        _CACHE[url] = (fingerprint, index)
    return index


def similar_consultations(
    session: Session, consultation: Consultation, *, limit: int = DEFAULT_LIMIT
) -> list[SimilarCase]:
    """The ``limit`` answered consultations most like ``consultation`` (never itself), best
    first, each with its last answer."""
    assert consultation.id is not None
    text = _first_inbound_texts(session, [consultation.id]).get(consultation.id, "")
    topics = (
        consultation.topics or [item["topic"] for item in consultation.suggested_topics or [] if item.get("topic")][:1]
    )
    exclude = {consultation.id}
    if consultation.merged_into_id:
        exclude.add(consultation.merged_into_id)
    ranked = answered_index(session).query(_case_text(consultation.subject, text), topics, exclude=exclude, limit=limit)
    if not ranked:
        return []
    ids = [doc.key for doc, _score in ranked]
    consultations = {row.id: row for row in session.exec(select(Consultation).where(col(Consultation.id).in_(ids)))}
    last_answers: dict[int, ConsultationMessage] = {}
    for message in session.exec(
        select(ConsultationMessage)
        .where(col(ConsultationMessage.consultation_id).in_(ids), ConsultationMessage.direction == Direction.OUTBOUND)
        .order_by(col(ConsultationMessage.sent_at), col(ConsultationMessage.id))
    ):
        last_answers[message.consultation_id] = message  # the last one wins
    result = []
    wanted = set(topics)
    for doc, score in ranked:
        row = consultations.get(doc.key)
        answer = last_answers.get(doc.key)
        if row is None or answer is None:
            continue
        result.append(
            SimilarCase(
                reference=row.reference,
                subject=row.subject,
                status=row.status,
                topics=list(row.topics or []),
                shared_topics=[topic for topic in row.topics or [] if topic in wanted],
                authority_key=row.authority_key,
                received_at=row.received_at,
                score=round(score, 3),
                answer=answer.text,
                answered_at=answer.sent_at,
                answered_by=answer.author_id,
            )
        )
    return result
