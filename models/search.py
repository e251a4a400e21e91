"""Full-text search over consultations: one interface, two backends.

What is searched: the consultation's subject, the new text of its messages (quotes and
signatures are not), the sender (consultation and messages: address and name), the
authority's name, the authority key (AGS) and the reference (``KV-2026-00042``).

How words are compared — the same rules on both backends:

* *Folding* (``fold``): lower case, ``ß`` → ``ss`` and the spelled-out umlauts ``ae/oe/ue``
  → ``ä/ö/ü`` (``ue`` not after ``q``, ``a``, ``e``, ``ä``: Quelle, Bauer, Steuer stay). Both the
  document and the query are folded, so "foerderung" and "Förderung" become the same word.
  Folding ``ä`` → ``ae`` instead would break stemming: the German Snowball stemmer maps
  "Förderanträge" and "Förderantrag" to the same stem only because it turns ``ä`` into ``a``
  itself after removing the plural ending.
* *Stemming*: German Snowball (PostgreSQL's ``german`` configuration; PyStemmer on SQLite).
  "Förderantrag" finds "Förderanträge". Snowball drops umlauts, so "Forderung" also finds
  "Förderung" — accepted; the ranking puts exact subjects first.
* *Prefixes*: besides its stem, every word is indexed once more as folded (umlauts kept), for
  prefix matching: ``Förder*`` and a last word typed partially ("Förderantr") match the
  beginnings of whole words, which a stem ("forderantrag") cannot. An exact term matches the
  stem or that word, so the spelling typed ranks first ("Forderung" before "Förderung").
* Several terms: all must match. A reference in the query matches the consultation's
  reference (one compact token, ``kv202600042``); an AGS is a word like any other.

PostgreSQL: the table ``consultation_search`` holds one ``tsvector`` per consultation (GIN
index), computed in SQL by ``eingang_search_document(id)`` and kept current by triggers on
``consultation``, ``consultation_message`` and the gazetteer tables: nothing in the write
path needs to call us. Ranking: ``ts_rank`` with weights subject/keys A, sender B, text C.

SQLite: an FTS5 table ``consultation_fts`` (rowid = consultation id) holding the stems and
folded words computed here in Python (SQLite has no German stemmer). Triggers (pure SQL, so a
write never depends on a Python function being registered) note changed consultations in
``search_pending``; deleting a consultation deletes its index row at once. The pending ones
are indexed by ``index_pending`` — at the start of every search, so results are never stale —
and by ``index_consultation``, which the write path may call to index right away. Ranking:
``bm25`` with column weights.

Highlighting is done here in Python for both backends (FTS5 stores stems, not the text, so
its ``snippet()`` could not show the original; ``ts_headline`` would miss spelled-out umlauts
in the text): the best fragment, HTML-escaped, hits in ``<mark>``.

Hostile input: a query is cut to ``MAX_QUERY_CHARS``, reduced to at most ``MAX_TERMS`` terms
of letters and digits, and only those reach the database — as bound parameters, quoted inside
the FTS5 expression. No query text can produce a syntax error.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Float, Integer, bindparam, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

MAX_QUERY_CHARS = 300
# Tables the search index owns (made by migration 0007 in SQL, not SQLModel tables): the
# PostgreSQL index, SQLite's FTS5 table with its shadow tables, and the pending list.
INDEX_TABLES = frozenset({"consultation_search", "consultation_fts", "search_pending"})


def is_index_table(name: str | None) -> bool:
    """One of the search index's own tables (``consultation_fts_data`` etc. are FTS5's)."""
    return bool(name) and (name in INDEX_TABLES or str(name).startswith("consultation_fts_"))


MAX_TERMS = 10
MIN_IMPLICIT_PREFIX = 3  # a last word shorter than this is taken as it is, not as a prefix
MAX_MESSAGE_CHARS = 20_000  # per message text indexed and scanned for highlights
SNIPPET_WORDS = 28
INDEX_BATCH = 500

# Words are runs of digits, a-z and the Latin-1/Latin Extended letters (not ÷), after folding.
# The same class is used in SQL (eingang_search_fold) so both sides split text alike.
_WORD = re.compile(r"[0-9a-z\u00df-\u00f6\u00f8-\u024f]+")
_UE = re.compile(r"(?<![qaeä])ue")
# A reference as typed: KV-2026-00042 (prefix letters, year, number; partial numbers allowed).
_QUERY_TOKEN = re.compile(r"(?P<ref>\b[A-Za-z]{1,10}-[0-9]{4}-[0-9]{1,8}\b)|(?P<word>[^\W_]+)(?P<star>\*)?")

# Snowball's German stop-word list (the one PostgreSQL's ``german`` configuration uses), folded.
# Dropped from queries (not from the index) so both backends ignore "für", "und", "der".
_STOP_WORDS = frozenset(
    """aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das
    daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine
    deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses
    doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges
    einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat
    hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins
    ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen
    keiner keines können könnte machen man manche manchem manchen mancher manches mein meine meinem
    meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
    seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches
    soll sollte sondern sonst über um und uns unse unsem unsen unser unses unter viel vom von vor
    während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde
    werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen""".split()  # noqa: SIM905
)


# --------------------------------------------------------------------------- words


def fold(value: str) -> str:
    """Lower case, ``ß`` → ``ss``, ``ae/oe/ue`` → ``ä/ö/ü`` (mirrored by SQL eingang_search_fold)."""
    folded = value.lower().replace("ae", "ä").replace("oe", "ö")
    return _UE.sub("ü", folded).replace("ß", "ss")


def words(value: str | None) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(value)) if value else []


_local = threading.local()


def stem(word: str) -> str:
    """German Snowball stem of a folded word (PyStemmer; one stemmer per thread)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("german")
    return stemmer.stemWord(word)


def index_terms(value: str | None) -> str:
    """What the FTS5 index stores for a text: every word's stem, and the folded word itself
    when it differs (for prefixes, and to rank the exact spelling first)."""
    out: list[str] = []
    for word in words(value):
        stemmed = stem(word)
        out.append(stemmed)
        if word != stemmed:
            out.append(word)
    return " ".join(out)


def compact_reference(reference: str) -> str:
    """``KV-2026-00042`` → ``kv202600042`` (one token on both backends)."""
    return re.sub(r"[^0-9a-z]", "", reference.lower())


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Term:
    """One sanitised search term. ``word`` is folded (umlauts kept) or, for a reference, the
    compact token; ``alternative`` is a reference's zero-padded form ("KV-2026-42")."""

    word: str
    prefix: bool = False
    reference: bool = False
    alternative: str | None = None


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(query: str | None) -> ParsedQuery:
    """Turn anything a user may type into safe terms: letters and digits only, at most
    ``MAX_TERMS``; ``word*`` and a last word typed without a space after it are prefixes."""
    raw = (query or "")[:MAX_QUERY_CHARS]
    terms: list[Term] = []
    matches = list(_QUERY_TOKEN.finditer(raw))
    for index, match in enumerate(matches):
        is_last = index == len(matches) - 1
        open_end = is_last and match.end() == len(raw)
        if match.group("ref"):
            letters, year, number = match.group("ref").split("-")
            compact = compact_reference(f"{letters}{year}{number}")
            padded = compact_reference(f"{letters}{year}{int(number):05d}") if len(number) < 5 else None
            terms.append(Term(compact, prefix=open_end, reference=True, alternative=padded))
            continue
        parts = words(match.group("word"))
        for position, word in enumerate(parts):
            last_part = position == len(parts) - 1
            explicit = bool(match.group("star")) and last_part and len(word) >= 2
            implicit = open_end and last_part and len(word) >= MIN_IMPLICIT_PREFIX and word not in _STOP_WORDS
            prefix = explicit or implicit
            if not prefix and word in _STOP_WORDS:
                continue
            terms.append(Term(word, prefix=prefix))
    unique: list[Term] = []
    for term in terms:
        if term not in unique:
            unique.append(term)
    return ParsedQuery(tuple(unique[:MAX_TERMS]))


# --------------------------------------------------------------------------- interface


@dataclass(frozen=True)
class SearchHit:
    consultation_id: int
    reference: str
    rank: float
    snippet: str  # HTML: escaped text, hits in <mark>


@dataclass(frozen=True)
class SearchPage:
    items: list[SearchHit] = field(default_factory=list)
    total: int = 0


def _connection(session_or_connection: Session | Connection) -> Connection:
    if isinstance(session_or_connection, Connection):
        return session_or_connection
    return session_or_connection.connection()


def _is_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def search_matches(session: Session, query: str | ParsedQuery | None, *, ranked: bool = True):
    """A subquery ``(consultation_id, rank)`` of the consultations matching ``query`` (higher
    rank = better), to join into any select of consultations; ``None`` when the query has no
    usable term (the caller shows nothing). ``ranked=False`` for counting: PostgreSQL then
    skips ``ts_rank`` (rank 0). On SQLite, pending changes are indexed first."""
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    if not parsed:
        return None
    connection = _connection(session)
    if _is_postgres(connection):
        return _postgres_matches(parsed, ranked=ranked)
    index_pending(connection)
    return _sqlite_matches(parsed)


def search_consultations(
    session: Session,
    query: str | None,
    *,
    limit: int = 50,
    offset: int = 0,
    criteria: Sequence[ColumnElement[bool]] = (),
) -> SearchPage:
    """The consultations matching ``query``, best first, with a highlighted snippet each.
    ``criteria`` are further conditions on ``Consultation`` (status, authority, …)."""
    from models.consultations import Consultation

    parsed = parse_query(query)
    matches = search_matches(session, parsed)
    if matches is None:
        return SearchPage()
    if criteria:
        joined = select(matches.c.consultation_id, matches.c.rank).join(
            Consultation, Consultation.id == matches.c.consultation_id
        )
        for criterion in criteria:
            joined = joined.where(criterion)
    else:  # no join over all matches: the references of the page are fetched afterwards
        joined = select(matches.c.consultation_id, matches.c.rank)
    # One pass: the total comes with the page (a window count), not from a second search.
    rows = session.execute(
        joined.add_columns(func.count().over().label("total"))
        .order_by(matches.c.rank.desc(), matches.c.consultation_id.desc())
        .limit(max(1, min(limit, 1000)))
        .offset(max(0, offset))
    ).all()
    if rows:
        total = rows[0][2]
    elif offset > 0:
        total = session.execute(select(func.count()).select_from(joined.subquery())).scalar_one()
    else:
        total = 0
    ids = [row[0] for row in rows]
    references: dict[int, str] = {}
    if ids:
        known = select(col(Consultation.id), col(Consultation.reference)).where(col(Consultation.id).in_(ids))
        references = {int(ident or 0): reference for ident, reference in session.execute(known).all()}
    snippets = highlight_snippets(session, parsed, ids)
    items = [
        SearchHit(row[0], references.get(row[0], ""), float(row[1] or 0.0), snippets.get(row[0], "")) for row in rows
    ]
    return SearchPage(items=items, total=int(total))


def index_consultation(session: Session | Connection, consultation_id: int) -> None:
    """Bring one consultation's index entry up to date now (or remove it if it is gone)."""
    connection = _connection(session)
    if _is_postgres(connection):
        connection.execute(text("SELECT eingang_search_refresh(:id)"), {"id": consultation_id})
        return
    _sqlite_index(connection, [consultation_id])
    connection.execute(text("DELETE FROM search_pending WHERE consultation_id = :id"), {"id": consultation_id})


def index_pending(session: Session | Connection) -> int:
    """SQLite: index the consultations the triggers marked as changed; PostgreSQL: nothing
    to do (its triggers index directly). Returns how many were indexed."""
    connection = _connection(session)
    if _is_postgres(connection):
        return 0
    done = 0
    while True:
        ids = list(
            connection.execute(
                text("SELECT consultation_id FROM search_pending ORDER BY consultation_id LIMIT :n"),
                {"n": INDEX_BATCH},
            ).scalars()
        )
        if not ids:
            return done
        _sqlite_index(connection, ids)
        connection.execute(
            text("DELETE FROM search_pending WHERE consultation_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids},
        )
        done += len(ids)


def rebuild_search_index(session: Session | Connection) -> int:
    """Index every consultation anew (after a bulk load, a gazetteer reload or a change of
    these rules). Returns the number of consultations indexed."""
    connection = _connection(session)
    if _is_postgres(connection):
        connection.execute(text("DELETE FROM consultation_search"))
        return connection.execute(
            text(
                "INSERT INTO consultation_search (consultation_id, document) "
                "SELECT id, eingang_search_document(id) FROM consultation"
            )
        ).rowcount
    connection.execute(text("DELETE FROM consultation_fts"))
    connection.execute(text("DELETE FROM search_pending"))
    connection.execute(text("INSERT INTO search_pending (consultation_id) SELECT id FROM consultation"))
    return index_pending(connection)


# --------------------------------------------------------------------------- PostgreSQL


def _simple_tsquery(value_sql: str, *, prefix: bool) -> str:
    """A one-lexeme tsquery of the ``simple`` configuration, the value quoted for to_tsquery
    (it holds letters and digits only, so it cannot contain a quote)."""
    suffix = ":*" if prefix else ""
    return f"to_tsquery('simple', '''' || {value_sql} || '''{suffix}')"


def _postgres_matches(parsed: ParsedQuery, *, ranked: bool = True):
    params: dict[str, str] = {}
    parts: list[str] = []
    for number, term in enumerate(parsed.terms):
        name = f"search_t{number}"
        params[name] = term.word
        if term.reference:
            piece = _simple_tsquery(f":{name}", prefix=term.prefix)
            if term.alternative:
                params[f"{name}a"] = term.alternative
                piece = f"({piece} || {_simple_tsquery(f':{name}a', prefix=False)})"
        else:
            # the stem, or the folded word itself (as a prefix; exactly, it ranks the spelling first)
            stemmed = f"plainto_tsquery('german', eingang_search_fold(:{name}))"
            word = _simple_tsquery(f"trim(eingang_search_fold(:{name}))", prefix=term.prefix)
            piece = f"({stemmed} || {word})"
        parts.append(piece)
    tsquery = " && ".join(parts)
    # only bound values inside; eingang_search_match is in migration 0007
    function = "eingang_search_match" if ranked else "eingang_search_ids"
    statement = text(f"SELECT consultation_id, rank FROM {function}({tsquery})").bindparams(**params)
    return statement.columns(consultation_id=Integer(), rank=Float()).subquery("search_matches")


# --------------------------------------------------------------------------- SQLite

# bm25 column weights: subject, body, sender, authority, keys (reference, AGS).
_BM25 = "bm25(consultation_fts, 8.0, 1.0, 3.0, 4.0, 10.0)"


def _fts_string(token: str) -> str:
    # Tokens are letters and digits only (see _WORD); quoting makes them plain FTS5 strings.
    return '"' + token.replace('"', "") + '"'


def fts_expression(parsed: ParsedQuery) -> str:
    """The FTS5 MATCH expression for a parsed query (only quoted letter/digit tokens)."""
    parts: list[str] = []
    for term in parsed.terms:
        if term.reference:
            piece = _fts_string(term.word) + ("*" if term.prefix else "")
            if term.alternative:
                piece = f"({piece} OR {_fts_string(term.alternative)})"
        else:
            stemmed, word = _fts_string(stem(term.word)), _fts_string(term.word)
            piece = f"({stemmed} OR {word}{'*' if term.prefix else ''})"
        parts.append(piece)
    return " AND ".join(parts)


def _sqlite_matches(parsed: ParsedQuery):
    statement = text(
        f"SELECT rowid AS consultation_id, -{_BM25} AS rank "
        "FROM consultation_fts WHERE consultation_fts MATCH :search_match"
    ).bindparams(search_match=fts_expression(parsed))
    return statement.columns(consultation_id=Integer(), rank=Float()).subquery("search_matches")


def _authority_texts(connection: Connection, keys: Iterable[str]) -> dict[str, str]:
    keys = sorted({key for key in keys if key})
    if not keys:
        return {}
    names: dict[str, str] = {}
    for statement in (
        "SELECT key, name || ' ' || official_name FROM municipality WHERE key IN :keys",
        "SELECT key, name || ' ' || kind FROM district WHERE key IN :keys",
        "SELECT key, name || ' ' || kind FROM administrative_association WHERE key IN :keys",
    ):
        for key, name in connection.execute(
            text(statement).bindparams(bindparam("keys", expanding=True)), {"keys": keys}
        ):
            names.setdefault(key, name)
    return names


def _documents(connection: Connection, ids: Sequence[int]) -> dict[int, dict]:
    """Raw searchable fields of the given consultations (shared by the indexer and the
    highlighter)."""
    documents: dict[int, dict] = {}
    for row in connection.execute(
        text(
            "SELECT id, reference, subject, sender_address, sender_name, authority_key "
            "FROM consultation WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": list(ids)},
    ):
        documents[row[0]] = {
            "reference": row[1],
            "subject": row[2] or "",
            "senders": [row[3] or "", row[4] or ""],
            "authority_key": row[5],
            "texts": [],
        }
    if not documents:
        return documents
    for consultation_id, body, sender, sender_name in connection.execute(
        text(
            "SELECT consultation_id, text, sender, sender_name FROM consultation_message "
            "WHERE consultation_id IN :ids ORDER BY sent_at, id"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": list(documents)},
    ):
        document = documents[consultation_id]
        document["texts"].append((body or "")[:MAX_MESSAGE_CHARS])
        for value in (sender, sender_name):
            if value and value not in document["senders"]:
                document["senders"].append(value)
    authorities = _authority_texts(connection, (d["authority_key"] for d in documents.values()))
    for document in documents.values():
        document["authority"] = authorities.get(document["authority_key"] or "", "")
    return documents


def _sqlite_index(connection: Connection, ids: Sequence[int]) -> None:
    documents = _documents(connection, ids)
    delete = text("DELETE FROM consultation_fts WHERE rowid IN :ids").bindparams(bindparam("ids", expanding=True))
    connection.execute(delete, {"ids": list(ids)})
    rows = []
    for consultation_id, document in documents.items():
        reference = document["reference"] or ""
        keys = f"{reference} {compact_reference(reference)} {document['authority_key'] or ''}"
        rows.append(
            {
                "id": consultation_id,
                "subject": index_terms(document["subject"]),
                "body": index_terms(" \n".join(document["texts"])),
                "sender": index_terms(" ".join(document["senders"])),
                "authority": index_terms(document["authority"]),
                "keys": index_terms(keys),
            }
        )
    if rows:
        connection.execute(
            text(
                "INSERT INTO consultation_fts (rowid, subject, body, sender, authority, keys) "
                "VALUES (:id, :subject, :body, :sender, :authority, :keys)"
            ),
            rows,
        )


# --------------------------------------------------------------------------- highlighting

_RAW_WORD = re.compile(r"[^\W_]+")


class _Matcher:
    def __init__(self, parsed: ParsedQuery) -> None:
        self.stems = {stem(t.word) for t in parsed.terms if not t.reference}
        self.prefixes = tuple(t.word for t in parsed.terms if t.prefix and not t.reference)
        self.references = tuple(t for t in parsed.terms if t.reference)

        self.seen: dict[str, bool] = {}

    def __call__(self, raw_word: str) -> bool:
        known = self.seen.get(raw_word)
        if known is None:
            known = self.seen[raw_word] = any(
                stem(word) in self.stems or (self.prefixes and word.startswith(self.prefixes))
                for word in words(raw_word)
            )
        return known


def _marked(value: str, matcher: _Matcher) -> tuple[int, list[tuple[int, int, bool]]]:
    """Word spans of ``value`` with whether each is a hit; and the number of hits."""
    spans = [(m.start(), m.end(), matcher(m.group())) for m in _RAW_WORD.finditer(value)]
    return sum(1 for s in spans if s[2]), spans


def _render(value: str, spans: list[tuple[int, int, bool]], first: int, last: int) -> str:
    start = spans[first][0] if first > 0 else 0
    end = spans[last][1] if last < len(spans) - 1 else len(value)
    out = ["…"] if first > 0 else []
    position = start
    for begin, finish, hit in spans[first : last + 1]:
        if hit:
            out.append(html.escape(value[position:begin]))
            out.append(f"<mark>{html.escape(value[begin:finish])}</mark>")
            position = finish
    out.append(html.escape(value[position:end]))
    if last < len(spans) - 1:
        out.append("…")
    return " ".join("".join(out).split())


def highlight(value: str, parsed: ParsedQuery, *, words_around: int = SNIPPET_WORDS) -> str | None:
    """The best fragment of ``value`` (most hits in ``words_around`` words), HTML-escaped with
    the hits in ``<mark>``; None when nothing in it matches."""
    hits, spans = _marked(value, _Matcher(parsed))
    return _window(value, spans, words_around) if hits else None


def _window(value: str, spans: list[tuple[int, int, bool]], size: int) -> str:
    positions = [index for index, span in enumerate(spans) if span[2]]
    best_start, best_count, right = positions[0], 0, 0
    for left, start in enumerate(positions):
        while right < len(positions) and positions[right] < start + size:
            right += 1
        if right - left > best_count:
            best_start, best_count = start, right - left
    first = max(0, best_start - 4)
    last = min(len(spans) - 1, first + size - 1)
    return _render(value, spans, first, last)


def highlight_snippets(session: Session | Connection, query: str | ParsedQuery, ids: Sequence[int]) -> dict[int, str]:
    """A highlighted snippet per consultation: the message text fragment with the most hits,
    else the subject, sender or authority (highlighted where they match)."""
    parsed = query if isinstance(query, ParsedQuery) else parse_query(query)
    if not ids or not parsed:
        return {}
    matcher = _Matcher(parsed)
    snippets: dict[int, str] = {}
    for consultation_id, document in _documents(_connection(session), ids).items():
        best: tuple[int, str, list] | None = None
        for body in document["texts"]:
            hits, spans = _marked(body, matcher)
            if hits and (best is None or hits > best[0]):
                best = (hits, body, spans)
        if best is not None:
            snippets[consultation_id] = _window(best[1], best[2], SNIPPET_WORDS)
            continue
        for candidate in (document["subject"], " ".join(filter(None, document["senders"])), document["authority"]):
            hits, spans = _marked(candidate, matcher)
            if hits:
                snippets[consultation_id] = _window(candidate, spans, SNIPPET_WORDS)
                break
        else:
            snippets[consultation_id] = html.escape(document["subject"])
    return snippets
