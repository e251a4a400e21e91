"""How good are the "Ähnliche Fälle"? Leave-one-out over labelled mails.

Every labelled mail with at least one topic is treated as an answered consultation of the past
(its labelled topics as the consultant confirmed them). Each one in turn is then the new
consultation: it is left out of the index, queried with the topics the classifier predicts for
it (what the case page has before a consultant confirms anything), and the top 3 are checked:

- topic precision@3: the share of the top-3 cases that share a labelled topic with it;
- topic hit@3: the share of queries with at least one such case among the top 3;
- kind precision@3: the share of the top-3 cases of the same kind of question — the category
  the mail was written for, which the file name carries (``elig_``, ``ozg_``, ``sec_``,
  ``urg_``, ``multi_``; ``p_…`` in the probe set).

Mails without a topic (newsletters, out-of-office replies) are nobody's question and are left
out of both the index and the queries. ``--query-topics none`` measures words alone, ``gold``
the page after a consultant confirmed the topics.

    .venv/bin/python bench/eval_similar.py [--set evaluation --set evaluation_probe] [--query-topics predicted]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from casework.similar import CaseDocument, SimilarityIndex, _case_text
from classifiers.evaluation import load_labelled_dir
from intake.parsing import parse

DATA_DIR = Path(__file__).parents[1] / "tests" / "data"
DEFAULT_SETS = ("evaluation", "evaluation_probe")
TOP = 3


def kind_of(file: str) -> str:
    """The category a labelled mail was written for, from its name (``p_elig_03.eml`` → elig)."""
    name = re.sub(r"^p_", "", Path(file).stem)
    return re.sub(r"_?\d+$", "", name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", dest="sets", help="labelled set under tests/data (repeatable)")
    parser.add_argument("--query-topics", choices=("predicted", "gold", "none"), default="predicted")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    sets = args.sets or list(DEFAULT_SETS)

    classify = None
    if args.query_topics == "predicted":
        from classifiers.topic_model import load_topic_model
        from classifiers.topics import classify as classify_mail

        model = load_topic_model()

        def classify(parsed):
            return classify_mail(parsed, model).topics

    cases = []
    for name in sets:
        for mail in load_labelled_dir(DATA_DIR / name):
            if not mail.topics:
                continue
            parsed = parse(mail.raw)
            cases.append((f"{name}/{mail.file}", mail, parsed))
    documents = [
        CaseDocument(key=i, text=_case_text(parsed.subject, parsed.new_text), topics=frozenset(mail.topics))
        for i, (_file, mail, parsed) in enumerate(cases)
    ]
    index = SimilarityIndex(documents)
    shared = same_kind = hits = returned = 0
    for i, (file, mail, parsed) in enumerate(cases):
        if args.query_topics == "gold":
            topics = list(mail.topics)
        elif classify is not None:
            topics = list(classify(parsed))
        else:
            topics = []
        ranked = index.query(documents[i].text, topics, exclude={i}, limit=TOP, min_score=0.0)
        found = [doc for doc, _score in ranked]
        returned += len(found)
        matches = sum(1 for doc in found if doc.topics & mail.topics)
        shared += matches
        hits += 1 if matches else 0
        same_kind += sum(1 for doc in found if kind_of(cases[doc.key][1].file) == kind_of(file))
    queries = len(cases)
    figures = {
        "sets": sets,
        "query_topics": args.query_topics,
        "queries": queries,
        "topic_precision_at_3": round(shared / returned, 3) if returned else 0.0,
        "topic_hit_at_3": round(hits / queries, 3) if queries else 0.0,
        "kind_precision_at_3": round(same_kind / returned, 3) if returned else 0.0,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"Ähnliche Fälle, {queries} Anfragen aus {', '.join(sets)} (Themen der Anfrage: {args.query_topics})")
    print(f"  Top 3 mit gemeinsamem Thema:      {figures['topic_precision_at_3']:.1%}")
    print(f"  mindestens einer der Top 3 passt: {figures['topic_hit_at_3']:.1%}")
    print(f"  Top 3 mit gleicher Frageart:      {figures['kind_precision_at_3']:.1%}")


if __name__ == "__main__":
    main()
