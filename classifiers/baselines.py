"""Two baselines the trained classifier has to beat, measured on the same test mails.

- ``KeywordBaseline``: keyword rules as a helpdesk trigger would set them up (a topic fires
  when any of its words occurs anywhere in subject or new text).
- ``SvmBaseline``: TF-IDF (word 1-2-grams) + one linear SVM per topic, trained on the train split.
  Needs scikit-learn, which is a development dependency only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from classifiers.corpus import Example
from classifiers.predictions import TOPICS

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

HELPDESK_KEYWORDS: dict[str, tuple[str, ...]] = {
    "ozg_duties": (
        "ozg",
        "onlinezugang",
        "online-zugang",
        "bundid",
        "servicekonto",
        "portalverbund",
        "efa",
        "thavel",
        "onlinedienst",
        "online-dienst",
        "onlineleistung",
        "online-leistung",
    ),
    "eligibility": ("förder", "foerder", "zuschuss", "zuwendung", "thüregovrl", "thuregovrl", "egovrl", "thürfag"),
    "it_security": (
        "sicherheit",
        "bsi",
        "grundschutz",
        "isms",
        "hacker",
        "virus",
        "trojaner",
        "phishing",
        "angriff",
        "passwort",
    ),
}


class KeywordBaseline:
    """Substring rules over the lower-cased text."""

    name = "keyword_rules"

    def __init__(self, keywords: dict[str, tuple[str, ...]] = HELPDESK_KEYWORDS) -> None:
        self.keywords = keywords

    def predict(self, texts: Sequence[str]) -> list[frozenset[str]]:
        predictions = []
        for text in texts:
            lowered = text.lower()
            predictions.append(
                frozenset(topic for topic, words in self.keywords.items() if any(w in lowered for w in words))
            )
        return predictions


class SvmBaseline:
    """TF-IDF + linear SVM, one binary classifier per topic (one-vs-rest)."""

    name = "tfidf_linear_svm"

    def __init__(self, labels: Sequence[str] = TOPICS, seed: int = 0) -> None:
        self.labels = tuple(labels)
        self.seed = seed
        self._model: Pipeline | None = None

    def fit(self, examples: Sequence[Example]) -> SvmBaseline:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import make_pipeline
        from sklearn.svm import LinearSVC

        targets = [[1 if e.cats.get(label, 0.0) >= 0.5 else 0 for label in self.labels] for e in examples]
        self._model = make_pipeline(
            TfidfVectorizer(lowercase=True, ngram_range=(1, 2), sublinear_tf=True, min_df=1),
            OneVsRestClassifier(LinearSVC(C=1.0, random_state=self.seed)),
        )
        self._model.fit([e.text for e in examples], targets)
        return self

    def predict(self, texts: Sequence[str]) -> list[frozenset[str]]:
        if self._model is None:
            raise RuntimeError("SvmBaseline.fit() first")
        rows = self._model.predict(list(texts))
        return [frozenset(label for label, flag in zip(self.labels, row, strict=True) if flag) for row in rows]


def sklearn_available() -> bool:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        return False
    return True
