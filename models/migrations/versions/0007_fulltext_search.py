"""Full-text search over consultations (issue 14): PostgreSQL tsvector + GIN kept by triggers;
SQLite FTS5 table indexed from Python, changes noted by triggers. Indexes existing rows.

The folding rules here mirror ``models.search.fold`` — change both together, then run
``eingang db reindex``.

Revision ID: 0007
Revises: 0010 (after 0010_contacts, which was merged first)
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0010"
branch_labels = None
depends_on = None

POSTGRES_UP = [
    # lower case, ß -> ss, ae/oe/ue -> ä/ö/ü (ue not after q, a, e, ä), everything that is not a
    # letter or digit -> space. Python: models.search.fold + models.search._WORD.
    r"""
    CREATE OR REPLACE FUNCTION eingang_search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT regexp_replace(
               replace(
                 regexp_replace(
                   replace(replace(lower(translate(coalesce(value, ''), 'ÄÖÜẞ', 'äöüß')), 'ae', 'ä'), 'oe', 'ö'),
                   '(?<![qaeä])ue', 'ü', 'g'),
                 'ß', 'ss'),
               '[^0-9a-zß-öø-ɏ]+', ' ', 'g')
    $$
    """,
    # German stems plus the folded words themselves (for prefixes, and to rank the spelling).
    r"""
    CREATE OR REPLACE FUNCTION eingang_search_vector(value text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT to_tsvector('german', folded) || to_tsvector('simple', folded)
      FROM (SELECT eingang_search_fold(value) AS folded) AS f
    $$
    """,
    r"""
    CREATE OR REPLACE FUNCTION eingang_search_authority(authority text) RETURNS text
    LANGUAGE sql STABLE AS $$
      SELECT coalesce(
        (SELECT name || ' ' || official_name FROM municipality WHERE key = authority),
        (SELECT name || ' ' || kind FROM district WHERE key = authority),
        (SELECT name || ' ' || kind FROM administrative_association WHERE key = authority),
        '')
    $$
    """,
    r"""
    CREATE OR REPLACE FUNCTION eingang_search_document(cid integer) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
      SELECT setweight(eingang_search_vector(c.subject), 'A')
          || setweight(eingang_search_vector(concat_ws(' ', c.reference,
                 lower(regexp_replace(c.reference, '[^0-9A-Za-z]', '', 'g')), c.authority_key)), 'A')
          || setweight(eingang_search_vector(concat_ws(' ', c.sender_address, c.sender_name,
                 (SELECT string_agg(concat_ws(' ', m.sender, m.sender_name), ' ')
                    FROM consultation_message m WHERE m.consultation_id = c.id))), 'B')
          || setweight(eingang_search_vector(eingang_search_authority(c.authority_key)), 'B')
          || setweight(eingang_search_vector(
                 (SELECT string_agg(left(m.text, 20000), ' ' ORDER BY m.sent_at, m.id)
                    FROM consultation_message m WHERE m.consultation_id = c.id)), 'C')
      FROM consultation c WHERE c.id = cid
    $$
    """,
    """
    CREATE TABLE consultation_search (
      consultation_id integer PRIMARY KEY REFERENCES consultation (id) ON DELETE CASCADE,
      document tsvector NOT NULL
    )
    """,
    "CREATE INDEX ix_consultation_search_document ON consultation_search USING gin (document)",
    # The matches with their rank. GIN is always the better path here, but the planner
    # misjudges prefix queries and scans the table (84 ms instead of 22 ms at 100,000); the SET
    # holds only while this function runs.
    """
    CREATE OR REPLACE FUNCTION eingang_search_match(query tsquery)
    RETURNS TABLE (consultation_id integer, rank real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
      SELECT s.consultation_id, ts_rank(s.document, query) FROM consultation_search AS s WHERE s.document @@ query
    $$
    """,
    # The same without ranking (for counts).
    """
    CREATE OR REPLACE FUNCTION eingang_search_ids(query tsquery)
    RETURNS TABLE (consultation_id integer, rank real)
    LANGUAGE sql STABLE SET enable_seqscan = off AS $$
      SELECT s.consultation_id, 0::real FROM consultation_search AS s WHERE s.document @@ query
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION eingang_search_refresh(cid integer) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM consultation WHERE id = cid) THEN
        INSERT INTO consultation_search (consultation_id, document) VALUES (cid, eingang_search_document(cid))
        ON CONFLICT (consultation_id) DO UPDATE SET document = EXCLUDED.document;
      ELSE
        DELETE FROM consultation_search WHERE consultation_id = cid;
      END IF;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION eingang_search_on_consultation() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM eingang_search_refresh(NEW.id);
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER search_consultation
    AFTER INSERT OR UPDATE OF subject, reference, sender_address, sender_name, authority_key ON consultation
    FOR EACH ROW EXECUTE FUNCTION eingang_search_on_consultation()
    """,
    """
    CREATE OR REPLACE FUNCTION eingang_search_on_message() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM eingang_search_refresh(NEW.consultation_id);
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM eingang_search_refresh(OLD.consultation_id);
      ELSE
        PERFORM eingang_search_refresh(NEW.consultation_id);
        IF NEW.consultation_id IS DISTINCT FROM OLD.consultation_id THEN
          PERFORM eingang_search_refresh(OLD.consultation_id);
        END IF;
      END IF;
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER search_message
    AFTER INSERT OR DELETE OR UPDATE OF text, sender, sender_name, consultation_id ON consultation_message
    FOR EACH ROW EXECUTE FUNCTION eingang_search_on_message()
    """,
    """
    CREATE OR REPLACE FUNCTION eingang_search_on_authority() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      changed text;
    BEGIN
      IF TG_OP = 'DELETE' THEN changed := OLD.key; ELSE changed := NEW.key; END IF;
      UPDATE consultation_search AS s SET document = eingang_search_document(s.consultation_id)
        FROM consultation AS c WHERE c.id = s.consultation_id AND c.authority_key = changed;
      RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER search_municipality AFTER INSERT OR DELETE OR UPDATE OF name, official_name ON municipality
    FOR EACH ROW EXECUTE FUNCTION eingang_search_on_authority()
    """,
    """
    CREATE TRIGGER search_district AFTER INSERT OR DELETE OR UPDATE OF name, kind ON district
    FOR EACH ROW EXECUTE FUNCTION eingang_search_on_authority()
    """,
    """
    CREATE TRIGGER search_association AFTER INSERT OR DELETE OR UPDATE OF name, kind ON administrative_association
    FOR EACH ROW EXECUTE FUNCTION eingang_search_on_authority()
    """,
    # Index what is there.
    "INSERT INTO consultation_search (consultation_id, document) SELECT id, eingang_search_document(id) FROM consultation",
]

POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS search_association ON administrative_association",
    "DROP TRIGGER IF EXISTS search_district ON district",
    "DROP TRIGGER IF EXISTS search_municipality ON municipality",
    "DROP TRIGGER IF EXISTS search_message ON consultation_message",
    "DROP TRIGGER IF EXISTS search_consultation ON consultation",
    "DROP TABLE IF EXISTS consultation_search",
    "DROP FUNCTION IF EXISTS eingang_search_on_authority()",
    "DROP FUNCTION IF EXISTS eingang_search_on_message()",
    "DROP FUNCTION IF EXISTS eingang_search_on_consultation()",
    "DROP FUNCTION IF EXISTS eingang_search_match(tsquery)",
    "DROP FUNCTION IF EXISTS eingang_search_ids(tsquery)",
    "DROP FUNCTION IF EXISTS eingang_search_refresh(integer)",
    "DROP FUNCTION IF EXISTS eingang_search_document(integer)",
    "DROP FUNCTION IF EXISTS eingang_search_authority(text)",
    "DROP FUNCTION IF EXISTS eingang_search_vector(text)",
    "DROP FUNCTION IF EXISTS eingang_search_fold(text)",
]

_MARK = "INSERT OR IGNORE INTO search_pending (consultation_id) VALUES"
_MARK_AUTHORITY = "INSERT OR IGNORE INTO search_pending (consultation_id) SELECT id FROM consultation WHERE authority_key ="

SQLITE_UP = [
    # Stems and folded words, written by models.search (Python: SQLite has no German stemmer).
    """
    CREATE VIRTUAL TABLE consultation_fts USING fts5(
      subject, body, sender, authority, keys,
      tokenize = 'unicode61 remove_diacritics 0', prefix = '3'
    )
    """,
    "CREATE TABLE search_pending (consultation_id INTEGER PRIMARY KEY)",
    f"CREATE TRIGGER search_consultation_insert AFTER INSERT ON consultation BEGIN {_MARK} (new.id); END",
    f"""CREATE TRIGGER search_consultation_update
    AFTER UPDATE OF subject, reference, sender_address, sender_name, authority_key ON consultation
    BEGIN {_MARK} (new.id); END""",
    """CREATE TRIGGER search_consultation_delete AFTER DELETE ON consultation BEGIN
      DELETE FROM consultation_fts WHERE rowid = old.id;
      DELETE FROM search_pending WHERE consultation_id = old.id;
    END""",
    f"CREATE TRIGGER search_message_insert AFTER INSERT ON consultation_message BEGIN {_MARK} (new.consultation_id); END",
    f"""CREATE TRIGGER search_message_update
    AFTER UPDATE OF text, sender, sender_name, consultation_id ON consultation_message
    BEGIN {_MARK} (new.consultation_id); {_MARK} (old.consultation_id); END""",
    f"CREATE TRIGGER search_message_delete AFTER DELETE ON consultation_message BEGIN {_MARK} (old.consultation_id); END",
    f"""CREATE TRIGGER search_municipality_insert AFTER INSERT ON municipality
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    f"""CREATE TRIGGER search_municipality_update AFTER UPDATE OF name, official_name ON municipality
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    f"""CREATE TRIGGER search_district_insert AFTER INSERT ON district
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    f"""CREATE TRIGGER search_district_update AFTER UPDATE OF name, kind ON district
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    f"""CREATE TRIGGER search_association_insert AFTER INSERT ON administrative_association
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    f"""CREATE TRIGGER search_association_update AFTER UPDATE OF name, kind ON administrative_association
    BEGIN {_MARK_AUTHORITY} new.key; END""",
    # Everything there is to index; indexed below (and, should that fail, at the first search).
    "INSERT OR IGNORE INTO search_pending (consultation_id) SELECT id FROM consultation",
]

SQLITE_DOWN = [
    *(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "search_consultation_insert",
            "search_consultation_update",
            "search_consultation_delete",
            "search_message_insert",
            "search_message_update",
            "search_message_delete",
            "search_municipality_insert",
            "search_municipality_update",
            "search_district_insert",
            "search_district_update",
            "search_association_insert",
            "search_association_update",
        )
    ),
    "DROP TABLE IF EXISTS search_pending",
    "DROP TABLE IF EXISTS consultation_fts",
]


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)
        return
    for statement in SQLITE_UP:
        op.execute(statement)
    from models.search import index_pending

    index_pending(connection)


def downgrade() -> None:
    connection = op.get_bind()
    for statement in POSTGRES_DOWN if connection.dialect.name == "postgresql" else SQLITE_DOWN:
        op.execute(statement)
