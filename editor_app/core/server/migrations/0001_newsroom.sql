-- Byline newsroom server, schema 1 (#15).
--
-- PostgreSQL is the server: there is no program of ours in between. Members are
-- login roles in the group roles byline_reporter, byline_editor and byline_producer.
-- They may READ every table of this schema and may WRITE only through the
-- SECURITY DEFINER functions below (byline.hello, byline.push, byline.put_asset),
-- which check the workflow table and the ownership of articles against the member's
-- real role. No member holds a table-level write grant; row-level security has only
-- SELECT policies, so even a mistaken GRANT gives nobody a way to write; triggers
-- refuse any UPDATE, DELETE or TRUNCATE of history, even by the schema's owner.
--
-- Every refusal names its rule: "byline rule <name>: <what and why>".
-- The runner (editor_app/core/server/admin.py) creates the schema and its
-- version table before it runs this file, in one transaction with it.

-- == group roles ======================================================================
DO $$
DECLARE g text;
BEGIN
    FOREACH g IN ARRAY ARRAY['byline_reporter', 'byline_editor', 'byline_producer'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', g);
        END IF;
    END LOOP;
END $$;

-- == identity ========================================================================
CREATE TABLE byline.server_identity (
    id integer PRIMARY KEY CHECK (id = 1),
    uid uuid NOT NULL
);
INSERT INTO byline.server_identity (id, uid) VALUES (1, gen_random_uuid());

-- One sequence orders everything that arrives, revisions and records alike: the
-- cursor of every laptop's pull, never a clock. Pushes hold one lock while they
-- insert, so the sequence numbers become visible in the order they were given.
CREATE SEQUENCE byline.change_seq;

-- == articles ========================================================================
CREATE TABLE byline.articles (
    uuid uuid PRIMARY KEY,
    slug text NOT NULL DEFAULT '' CHECK (length(slug) <= 80),
    title text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    owner name NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review',
        'changes_requested', 'approved', 'published', 'spiked')),
    created_seq bigint NOT NULL,
    updated_seq bigint NOT NULL
);
COMMENT ON TABLE byline.articles IS
    'One row per article: its owner (the member who first sent it) and its status as the server replayed the moves.';

-- == revisions =======================================================================
CREATE TABLE byline.revisions (
    uid uuid PRIMARY KEY,
    article uuid NOT NULL REFERENCES byline.articles(uuid),
    parents uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(parents) <= 2),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300
        AND title !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    body text NOT NULL CHECK (length(body) <= 10485760
        AND body !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    metadata jsonb NOT NULL CHECK (jsonb_typeof(metadata) = 'object'),
    author text NOT NULL DEFAULT '' CHECK (length(author) <= 200
        AND author !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 100000
        AND reason !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    created_at text NOT NULL DEFAULT '' CHECK (length(created_at) <= 40
        AND created_at !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    origin text NOT NULL DEFAULT '' CHECK (origin = ''
        OR origin ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    seq bigint NOT NULL UNIQUE,
    member name NOT NULL,
    laptop uuid
);
CREATE INDEX revisions_article ON byline.revisions (article, seq);
COMMENT ON TABLE byline.revisions IS
    'Every version of every article, with its parents (two for a merge): never rewritten, never deleted.';

-- Parent links with the child's sequence, so that the heads of a graph as it stood at
-- any sequence number are one index lookup.
CREATE TABLE byline.revision_parents (
    child uuid NOT NULL REFERENCES byline.revisions(uid),
    parent uuid NOT NULL REFERENCES byline.revisions(uid),
    child_seq bigint NOT NULL,
    PRIMARY KEY (child, parent)
);
CREATE INDEX revision_parents_parent ON byline.revision_parents (parent, child_seq);

-- == records =========================================================================
CREATE TABLE byline.records (
    uid uuid PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('status', 'comment', 'comment.state', 'tags', 'related',
        'related.order', 'word', 'vocabulary')),
    article uuid REFERENCES byline.articles(uuid),  -- NULL: the newsroom's (vocabulary, words)
    key text NOT NULL DEFAULT '' CHECK (length(key) <= 200
        AND key !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    after uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(after) <= 1000),
    data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND octet_length(data::text) <= 1048576),
    author text NOT NULL DEFAULT '' CHECK (length(author) <= 200
        AND author !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    origin text NOT NULL DEFAULT '' CHECK (origin = ''
        OR origin ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
    created_at text NOT NULL DEFAULT '' CHECK (length(created_at) <= 40
        AND created_at !~ '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'),
    seq bigint NOT NULL UNIQUE,
    member name NOT NULL,
    laptop uuid,
    -- The server's verdict on a move of the workflow, given when it arrived.
    refused boolean NOT NULL DEFAULT false,
    refusal text NOT NULL DEFAULT ''
);
CREATE INDEX records_article ON byline.records (article, seq);
COMMENT ON TABLE byline.records IS
    'Comments, resolutions, moves of the workflow (with the server''s verdict), tag changes, pins, vocabulary changes, dictionary words: never rewritten, never deleted.';

-- == assets ==========================================================================
CREATE TABLE byline.assets (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    name text NOT NULL DEFAULT '' CHECK (length(name) <= 200),
    mime text NOT NULL DEFAULT 'application/octet-stream' CHECK (length(mime) <= 100),
    data bytea NOT NULL CHECK (octet_length(data) <= 26214400),
    member name NOT NULL,
    CHECK (encode(sha256(data), 'hex') = sha256)
);

-- == laptops =========================================================================
CREATE TABLE byline.laptops (
    library uuid PRIMARY KEY,
    name text NOT NULL DEFAULT '' CHECK (length(name) <= 100),
    member name NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE byline.laptops IS 'Each library that syncs: its name (the laptop''s) and who synced it last.';

-- == history is never rewritten ======================================================
CREATE FUNCTION byline.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'byline rule history-is-permanent: % of the newsroom are never changed or deleted (% refused)',
        TG_TABLE_NAME, lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END $$;

-- Statement triggers: they fire even when no row matches (a DELETE of an empty table).
CREATE TRIGGER revisions_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON byline.revisions
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();
CREATE TRIGGER revision_parents_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON byline.revision_parents
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();
CREATE TRIGGER records_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON byline.records
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();
CREATE TRIGGER assets_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON byline.assets
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();

-- An article is never deleted either (its history hangs on it); only its status,
-- title and slug follow what arrives, and only byline.push changes them.
CREATE FUNCTION byline.refuse_article_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.uuid = OLD.uuid AND NEW.owner = OLD.owner
            AND NEW.created_seq = OLD.created_seq THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'byline rule history-is-permanent: articles keep their id and owner and are never deleted (% refused)',
        lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER articles_permanent BEFORE UPDATE OR DELETE ON byline.articles
    FOR EACH ROW EXECUTE FUNCTION byline.refuse_article_rewrite();
CREATE TRIGGER articles_no_delete BEFORE DELETE OR TRUNCATE ON byline.articles
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();

-- == who is asking ===================================================================
-- The member's role comes from the group roles, never from what a laptop claims.
CREATE FUNCTION byline.member_role(who name DEFAULT session_user) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE
        WHEN pg_has_role(who, 'byline_editor', 'MEMBER') THEN 'editor'
        WHEN pg_has_role(who, 'byline_producer', 'MEMBER') THEN 'producer'
        WHEN pg_has_role(who, 'byline_reporter', 'MEMBER') THEN 'reporter'
    END
$$;

CREATE FUNCTION byline.require_member() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE role text := byline.member_role(session_user);
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'byline rule members-only: % is not a member of the newsroom (byline_reporter, byline_editor or byline_producer)',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN role;
END $$;

-- == the workflow table (DESIGN.md) ==================================================
CREATE TABLE byline.workflow (
    from_status text NOT NULL,
    to_status text NOT NULL,
    roles text[] NOT NULL,
    PRIMARY KEY (from_status, to_status)
);
INSERT INTO byline.workflow VALUES
    ('draft', 'submitted', '{reporter,editor}'),
    ('submitted', 'in_review', '{editor}'),
    ('in_review', 'changes_requested', '{editor}'),
    ('in_review', 'approved', '{editor}'),
    ('changes_requested', 'submitted', '{reporter,editor}'),
    ('approved', 'published', '{producer,editor}'),
    ('approved', 'in_review', '{editor}'),
    ('published', 'in_review', '{editor}'),
    ('spiked', 'draft', '{editor}'),
    ('draft', 'spiked', '{editor}'),
    ('submitted', 'spiked', '{editor}'),
    ('in_review', 'spiked', '{editor}'),
    ('changes_requested', 'spiked', '{editor}'),
    ('approved', 'spiked', '{editor}');
CREATE TRIGGER workflow_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON byline.workflow
    FOR EACH STATEMENT EXECUTE FUNCTION byline.refuse_rewrite();

-- Why the workflow table refuses a move to a role (NULL: it allows it).
CREATE FUNCTION byline.workflow_problem(frm text, too text, role text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE allowed text[]; mine text;
BEGIN
    SELECT roles INTO allowed FROM byline.workflow WHERE from_status = frm AND to_status = too;
    IF allowed IS NOT NULL AND role = ANY (allowed) THEN
        RETURN NULL;
    END IF;
    SELECT coalesce(string_agg(to_status, ', ' ORDER BY to_status), 'none') INTO mine
        FROM byline.workflow WHERE from_status = frm AND role = ANY (roles);
    IF allowed IS NULL THEN
        RETURN format('cannot move from %s to %s; a %s may move it to: %s', frm, too, role, mine);
    END IF;
    RETURN format('a %s cannot move an article from %s to %s (only: %s); allowed for a %s: %s',
        role, frm, too, array_to_string(allowed, ', '), role, mine);
END $$;

-- == checks of what arrives (the same as a laptop's checks of a hand-off file) =======
CREATE FUNCTION byline.is_uid(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
$$;

CREATE FUNCTION byline.bad_text(value jsonb, limit_chars integer, multiline boolean DEFAULT false)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_typeof(value) IS DISTINCT FROM 'string'
        OR length(value #>> '{}') > limit_chars
        OR (value #>> '{}') ~ CASE WHEN multiline
            THEN '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]'
            ELSE '[\x01-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]' END
$$;

-- What is wrong with a revision's metadata (NULL: nothing).
CREATE FUNCTION byline.metadata_problem(meta jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE name text; tag jsonb;
BEGIN
    IF jsonb_typeof(meta) <> 'object' THEN RETURN 'metadata is not an object'; END IF;
    FOREACH name IN ARRAY ARRAY['interviewee', 'author', 'language', 'slug'] LOOP
        IF meta ? name AND byline.bad_text(meta -> name, 200) THEN
            RETURN format('metadata.%s is not clean text of at most 200 characters', name);
        END IF;
    END LOOP;
    IF meta ? 'summary' AND byline.bad_text(meta -> 'summary', 100000, true) THEN
        RETURN 'metadata.summary is not clean text';
    END IF;
    IF meta ? 'date' AND byline.bad_text(meta -> 'date', 40) THEN
        RETURN 'metadata.date is not clean text';
    END IF;
    IF meta ? 'kind' AND (meta ->> 'kind') NOT IN ('news', 'interview', 'feature', 'opinion') THEN
        RETURN 'metadata.kind is not a kind of article';
    END IF;
    IF meta ? 'status' AND (meta ->> 'status') NOT IN ('draft', 'submitted', 'in_review',
            'changes_requested', 'approved', 'published', 'spiked') THEN
        RETURN 'metadata.status is not a status';
    END IF;
    IF meta ? 'tags' THEN
        IF jsonb_typeof(meta -> 'tags') <> 'array' OR jsonb_array_length(meta -> 'tags') > 500 THEN
            RETURN 'metadata.tags is not a list of at most 500 tags';
        END IF;
        FOR tag IN SELECT jsonb_array_elements(meta -> 'tags') LOOP
            IF byline.bad_text(tag, 64) OR btrim(tag #>> '{}') = '' THEN
                RETURN 'metadata.tags holds a tag that is not clean text';
            END IF;
        END LOOP;
    END IF;
    IF meta ? 'extra' AND jsonb_typeof(meta -> 'extra') <> 'object' THEN
        RETURN 'metadata.extra is not an object';
    END IF;
    RETURN NULL;
END $$;

-- What is wrong with a record's key and data for its kind (NULL: nothing).
CREATE FUNCTION byline.record_problem(kind text, key text, data jsonb, article uuid) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE item jsonb; field text;
BEGIN
    IF kind IN ('comment', 'comment.state', 'status', 'tags', 'related', 'related.order')
            AND article IS NULL THEN
        RETURN format('a %s record must belong to an article', kind);
    END IF;
    IF kind = 'vocabulary' AND article IS NOT NULL THEN
        RETURN 'a vocabulary change cannot belong to an article';
    END IF;
    CASE kind
    WHEN 'comment' THEN
        IF NOT byline.is_uid(key) THEN RETURN 'comment key is not an id'; END IF;
        IF data ? 'parent' AND jsonb_typeof(data -> 'parent') <> 'null'
                AND NOT byline.is_uid(data ->> 'parent') THEN
            RETURN 'comment parent is not an id';
        END IF;
        IF byline.bad_text(data -> 'text', 100000, true) OR btrim(data ->> 'text') = '' THEN
            RETURN 'comment text is missing or not clean text';
        END IF;
        IF data ? 'quote' AND byline.bad_text(data -> 'quote', 100000, true) THEN
            RETURN 'comment quote is not clean text';
        END IF;
        FOREACH field IN ARRAY ARRAY['start', 'end'] LOOP
            IF data ? field AND (jsonb_typeof(data -> field) <> 'number'
                    OR (data ->> field) !~ '^[0-9]{1,9}$') THEN
                RETURN format('comment %s is not a number', field);
            END IF;
        END LOOP;
        IF coalesce((data ->> 'end')::bigint, 0) < coalesce((data ->> 'start')::bigint, 0) THEN
            RETURN 'the comment''s passage ends before it starts';
        END IF;
    WHEN 'comment.state' THEN
        IF NOT byline.is_uid(key) THEN RETURN 'comment.state key is not an id'; END IF;
        IF jsonb_typeof(data -> 'resolved') IS DISTINCT FROM 'boolean' THEN
            RETURN 'comment.state resolved is not true or false';
        END IF;
    WHEN 'status' THEN
        IF key <> '' THEN RETURN 'status key must be empty'; END IF;
        IF (data ->> 'to') IS NULL OR (data ->> 'to') NOT IN ('draft', 'submitted', 'in_review',
                'changes_requested', 'approved', 'published', 'spiked') THEN
            RETURN 'status to is not a status';
        END IF;
        IF coalesce((data ->> 'genesis')::text, 'false') = 'true' THEN
            IF coalesce(data ->> 'from', '') <> '' THEN RETURN 'a genesis record has no from'; END IF;
            RETURN NULL;
        END IF;
        IF (data ->> 'from') IS NULL OR (data ->> 'from') NOT IN ('draft', 'submitted', 'in_review',
                'changes_requested', 'approved', 'published', 'spiked') THEN
            RETURN 'status from is not a status';
        END IF;
        IF coalesce(data ->> 'role', '') NOT IN ('', 'reporter', 'editor', 'producer') THEN
            RETURN 'status role is not a role';
        END IF;
        IF data ? 'note' AND byline.bad_text(data -> 'note', 100000, true) THEN
            RETURN 'status note is not clean text';
        END IF;
        FOREACH field IN ARRAY ARRAY['override', 'outside', 'legacy', 'genesis'] LOOP
            IF data ? field AND jsonb_typeof(data -> field) <> 'boolean' THEN
                RETURN format('status %s is not true or false', field);
            END IF;
        END LOOP;
    WHEN 'tags' THEN
        FOREACH field IN ARRAY ARRAY['added', 'removed'] LOOP
            IF data ? field THEN
                IF jsonb_typeof(data -> field) <> 'array' OR jsonb_array_length(data -> field) > 500 THEN
                    RETURN format('tags %s is not a list', field);
                END IF;
                FOR item IN SELECT jsonb_array_elements(data -> field) LOOP
                    IF byline.bad_text(item, 64) OR btrim(item #>> '{}') = '' THEN
                        RETURN format('tags %s holds a tag that is not clean text', field);
                    END IF;
                END LOOP;
            END IF;
        END LOOP;
    WHEN 'related' THEN
        IF NOT byline.is_uid(key) THEN RETURN 'related key is not an id'; END IF;
        IF key = article::text THEN RETURN 'an article cannot be related to itself'; END IF;
        IF coalesce(data ->> 'state', '') NOT IN ('pinned', 'none', 'banned') THEN
            RETURN 'related state is not pinned, none or banned';
        END IF;
    WHEN 'related.order' THEN
        IF data ? 'order' THEN
            IF jsonb_typeof(data -> 'order') <> 'array' OR jsonb_array_length(data -> 'order') > 10000 THEN
                RETURN 'related.order order is not a list';
            END IF;
            FOR item IN SELECT jsonb_array_elements(data -> 'order') LOOP
                IF jsonb_typeof(item) <> 'string' OR NOT byline.is_uid(item #>> '{}') THEN
                    RETURN 'related.order holds something that is not an id';
                END IF;
            END LOOP;
        END IF;
    WHEN 'word' THEN
        IF key = '' OR length(key) > 100 OR key ~ '\s' THEN RETURN 'word key is not a single word'; END IF;
        IF jsonb_typeof(data -> 'present') IS DISTINCT FROM 'boolean' THEN
            RETURN 'word present is not true or false';
        END IF;
    WHEN 'vocabulary' THEN
        IF coalesce(data ->> 'op', '') NOT IN ('rename', 'merge', 'alias', 'unalias', 'aliases', 'describe') THEN
            RETURN 'vocabulary op is not known';
        END IF;
        FOREACH field IN ARRAY CASE data ->> 'op'
                WHEN 'rename' THEN ARRAY['old', 'new'] WHEN 'merge' THEN ARRAY['source', 'target']
                WHEN 'alias' THEN ARRAY['tag', 'alias'] WHEN 'unalias' THEN ARRAY['tag', 'alias']
                ELSE ARRAY['tag'] END LOOP
            IF byline.bad_text(data -> field, 64) OR btrim(data ->> field) = '' THEN
                RETURN format('vocabulary %s is missing or not clean text', field);
            END IF;
        END LOOP;
        IF data ->> 'op' = 'aliases' AND data ? 'aliases' THEN
            IF jsonb_typeof(data -> 'aliases') <> 'array' OR jsonb_array_length(data -> 'aliases') > 500 THEN
                RETURN 'vocabulary aliases is not a list';
            END IF;
            FOR item IN SELECT jsonb_array_elements(data -> 'aliases') LOOP
                IF byline.bad_text(item, 64) OR btrim(item #>> '{}') = '' THEN
                    RETURN 'vocabulary aliases holds an alias that is not clean text';
                END IF;
            END LOOP;
        END IF;
        IF data ? 'keep_alias' AND jsonb_typeof(data -> 'keep_alias') <> 'boolean' THEN
            RETURN 'vocabulary keep_alias is not true or false';
        END IF;
        IF data ->> 'op' = 'describe' AND data ? 'description'
                AND byline.bad_text(data -> 'description', 1000, true) THEN
            RETURN 'vocabulary description is not clean text';
        END IF;
    ELSE
        RETURN format('%s is not a kind of record', kind);
    END CASE;
    RETURN NULL;
END $$;

-- == reading =========================================================================
-- Members read everything: the newsroom is one shared library.
GRANT USAGE ON SCHEMA byline TO byline_reporter, byline_editor, byline_producer;
REVOKE ALL ON ALL TABLES IN SCHEMA byline FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA byline FROM PUBLIC;
GRANT SELECT ON byline.server_identity, byline.articles, byline.revisions, byline.revision_parents,
    byline.records, byline.assets, byline.laptops, byline.workflow, byline.schema_version
    TO byline_reporter, byline_editor, byline_producer;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['server_identity', 'articles', 'revisions', 'revision_parents',
            'records', 'assets', 'laptops', 'workflow', 'schema_version'] LOOP
        EXECUTE format('ALTER TABLE byline.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY members_read ON byline.%I FOR SELECT '
                       'TO byline_reporter, byline_editor, byline_producer USING (true)', t);
    END LOOP;
END $$;

-- == writing: the only way in ========================================================
-- What byline.push answers for each revision and record it was sent: the server's
-- sequence number (NULL when refused and not kept) and, for a refusal, its rule.
CREATE TYPE byline.verdict AS (item text, uid text, seq bigint, refused boolean, refusal text);

CREATE FUNCTION byline.verdict_of(item text, uid text, seq bigint, refused boolean, refusal text)
RETURNS byline.verdict LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(item, uid, seq, refused, refusal)::byline.verdict
$$;

CREATE FUNCTION byline.heads_count(art uuid) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT count(*) FROM byline.revisions r WHERE r.article = art
        AND NOT EXISTS (SELECT 1 FROM byline.revision_parents p WHERE p.parent = r.uid)
$$;

-- Whether a revision only recombines its two parents, as a three-way merge does: its
-- title is one of theirs, every line of its body is a line of one of them, every field
-- is one of theirs and its tags come from theirs. Every laptop merges two versions the
-- same way (same id, same text), so a merge made on the laptop of someone who may not
-- change the article is taken: it brings no text of their own into it.
CREATE FUNCTION byline.recombines(title text, body text, meta jsonb, one uuid, two uuid)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    WITH p AS (SELECT r.title, r.body, r.metadata FROM byline.revisions r WHERE r.uid IN (one, two))
    SELECT (SELECT count(*) FROM p) = 2
       AND title IN (SELECT p.title FROM p)
       AND NOT EXISTS (
           SELECT line FROM regexp_split_to_table(body, E'\n') AS line
           EXCEPT SELECT regexp_split_to_table(p.body, E'\n') FROM p)
       AND NOT EXISTS (
           SELECT 1 FROM jsonb_each(meta - 'status' - 'tags') AS e
           WHERE NOT EXISTS (SELECT 1 FROM p WHERE p.metadata -> e.key IS NOT DISTINCT FROM e.value))
       AND NOT EXISTS (
           SELECT t FROM jsonb_array_elements(coalesce(meta -> 'tags', '[]')) AS t
           EXCEPT SELECT jsonb_array_elements(coalesce(p.metadata -> 'tags', '[]')) FROM p)
$$;

-- One revision: kept (a sequence number) or refused (a rule). ``a``: the article row.
CREATE FUNCTION byline.push_revision(a byline.articles, rev jsonb, me name, my_role text,
                                     may_edit boolean, laptop uuid)
RETURNS byline.verdict
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    uid_text text := rev ->> 'uid';
    rid uuid; owner_article uuid; known_seq bigint;
    parents uuid[] := '{}'; p jsonb; parent_row record; snapshot boolean := false;
    problem text; new_seq bigint;
BEGIN
    IF NOT coalesce(byline.is_uid(uid_text), false) THEN
        RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true,
                   'byline rule well-formed: a revision without a valid id');
    END IF;
    rid := uid_text::uuid;
    SELECT article, seq INTO owner_article, known_seq FROM byline.revisions WHERE uid = rid;
    IF FOUND THEN
        IF owner_article <> a.uuid THEN
            RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, format(
                'byline rule ids-are-global: revision %s belongs to another article', uid_text));
        END IF;
        RETURN byline.verdict_of('revision', uid_text, known_seq, false, '');
    END IF;
    IF jsonb_typeof(rev -> 'parents') IS DISTINCT FROM 'array' OR jsonb_array_length(rev -> 'parents') > 2 THEN
        RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, 'byline rule well-formed: parents is not a list of at most two ids');
    END IF;
    FOR p IN SELECT jsonb_array_elements(rev -> 'parents') LOOP
        IF jsonb_typeof(p) <> 'string' OR NOT byline.is_uid(p #>> '{}') THEN
            RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, 'byline rule well-formed: a parent is not an id');
        END IF;
        IF (p #>> '{}')::uuid = rid OR (p #>> '{}')::uuid = ANY (parents) THEN
            RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, 'byline rule well-formed: the same parent twice, or itself');
        END IF;
        SELECT article, title, body, metadata INTO parent_row FROM byline.revisions WHERE uid = (p #>> '{}')::uuid;
        IF NOT FOUND THEN
            RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, format(
                'byline rule parents-first: its parent %s is not on the server (it was refused, or never sent)',
                p #>> '{}'));
        END IF;
        IF parent_row.article <> a.uuid THEN
            RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, format(
                'byline rule ids-are-global: its parent %s belongs to another article', p #>> '{}'));
        END IF;
        parents := parents || (p #>> '{}')::uuid;
        -- A revision that changes nothing but the status (the snapshot every move takes)
        -- changes no content: anyone whose move it accompanies may send it.
        snapshot := cardinality(parents) = 1 AND rev ->> 'title' = parent_row.title
            AND rev ->> 'body' = parent_row.body
            AND (rev -> 'metadata') - 'status' = parent_row.metadata - 'status';
    END LOOP;
    problem := CASE
        WHEN byline.bad_text(rev -> 'title', 300) OR btrim(rev ->> 'title') = '' THEN 'its title is missing or not clean text'
        WHEN jsonb_typeof(rev -> 'body') IS DISTINCT FROM 'string' THEN 'its body is not text'
        WHEN length(rev ->> 'body') > 10485760 THEN 'its body is larger than 10 MB'
        WHEN (rev ->> 'body') ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]' THEN 'its body contains a forbidden character'
        WHEN byline.bad_text(coalesce(rev -> 'author', '""'), 200) THEN 'its author is not clean text'
        WHEN byline.bad_text(coalesce(rev -> 'reason', '""'), 100000) THEN 'its reason is not clean text'
        WHEN byline.bad_text(coalesce(rev -> 'created_at', '""'), 40) THEN 'its time is not clean text'
        WHEN coalesce(rev ->> 'origin', '') <> '' AND NOT byline.is_uid(rev ->> 'origin') THEN 'its origin is not an id'
        ELSE byline.metadata_problem(coalesce(rev -> 'metadata', '{}'))
    END;
    IF problem IS NOT NULL THEN
        RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, 'byline rule well-formed: ' || problem);
    END IF;
    IF NOT may_edit AND NOT snapshot AND NOT (
            cardinality(parents) = 2 AND coalesce(rev ->> 'reason', '') = 'merge'
            AND coalesce(rev ->> 'author', '') = ''
            AND byline.recombines(rev ->> 'title', rev ->> 'body', coalesce(rev -> 'metadata', '{}'),
                                  parents[1], parents[2])) THEN
        RETURN byline.verdict_of('revision', uid_text, NULL::bigint, true, format(
            'byline rule own-articles-only: %s is a %s on the server; only the article''s owner (%s) or an editor may change its text',
            me, my_role, a.owner));
    END IF;
    new_seq := nextval('byline.change_seq');
    INSERT INTO byline.revisions (uid, article, parents, title, body, metadata, author, reason,
                                  created_at, origin, seq, member, laptop)
    VALUES (rid, a.uuid, parents, rev ->> 'title', rev ->> 'body', coalesce(rev -> 'metadata', '{}'),
            coalesce(rev ->> 'author', ''), coalesce(rev ->> 'reason', ''),
            coalesce(rev ->> 'created_at', ''), coalesce(rev ->> 'origin', ''), new_seq, me, laptop);
    INSERT INTO byline.revision_parents (child, parent, child_seq)
        SELECT rid, unnest(parents), new_seq;
    RETURN byline.verdict_of('revision', uid_text, new_seq, false, '');
END $$;

-- One record: kept (with the server's verdict for a move) or refused (a rule).
-- ``a``: the article row (its status follows the moves), NULL for the newsroom's records.
CREATE FUNCTION byline.push_record(a byline.articles, rec jsonb, me name, my_role text,
                                   may_edit boolean, laptop uuid)
RETURNS byline.verdict
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    uid_text text := rec ->> 'uid';
    rid uuid; rkind text := rec ->> 'kind'; rkey text := coalesce(rec ->> 'key', '');
    rdata jsonb := rec -> 'data'; art uuid := a.uuid;
    known record; cause jsonb; causes uuid[] := '{}';
    problem text; refused boolean := false; refusal text := '';
    frm text; too text; new_seq bigint; exempt boolean;
BEGIN
    IF NOT coalesce(byline.is_uid(uid_text), false) THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, 'byline rule well-formed: a record without a valid id');
    END IF;
    rid := uid_text::uuid;
    SELECT r.article, r.seq, r.refused, r.refusal INTO known FROM byline.records r WHERE r.uid = rid;
    IF FOUND THEN
        IF known.article IS DISTINCT FROM art THEN
            RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, format(
                'byline rule ids-are-global: record %s belongs to another article', uid_text));
        END IF;
        RETURN byline.verdict_of('record', uid_text, known.seq, known.refused, known.refusal);
    END IF;
    IF jsonb_typeof(rdata) IS DISTINCT FROM 'object' THEN
        problem := 'its data is not an object';
    ELSIF jsonb_typeof(rec -> 'after') IS DISTINCT FROM 'array' OR jsonb_array_length(rec -> 'after') > 1000 THEN
        problem := 'after is not a list of at most 1,000 ids';
    ELSIF byline.bad_text(coalesce(rec -> 'author', '""'), 200)
            OR byline.bad_text(coalesce(rec -> 'created_at', '""'), 40)
            OR byline.bad_text(to_jsonb(rkey), 200) THEN
        problem := 'its author, time or key is not clean text';
    ELSIF coalesce(rec ->> 'origin', '') <> '' AND NOT byline.is_uid(rec ->> 'origin') THEN
        problem := 'its origin is not an id';
    ELSE
        problem := byline.record_problem(rkind, rkey, rdata, art);
    END IF;
    IF problem IS NOT NULL THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, 'byline rule well-formed: ' || problem);
    END IF;
    -- What a record follows, answers or resolves must be here already, on its subject.
    FOR cause IN SELECT jsonb_array_elements(rec -> 'after') LOOP
        IF jsonb_typeof(cause) <> 'string' OR NOT byline.is_uid(cause #>> '{}') THEN
            RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, 'byline rule well-formed: after holds something that is not an id');
        END IF;
        causes := causes || (cause #>> '{}')::uuid;
    END LOOP;
    IF (SELECT count(*) FROM byline.records r WHERE r.uid = ANY (causes) AND r.article IS NOT DISTINCT FROM art)
            <> (SELECT count(DISTINCT c) FROM unnest(causes) c) THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true,
                 'byline rule causes-first: it follows a record that is not on the server (refused, or never sent)');
    END IF;
    IF rkind = 'comment' AND coalesce(rdata ->> 'parent', '') <> '' AND NOT EXISTS (
            SELECT 1 FROM byline.records r WHERE r.uid = (rdata ->> 'parent')::uuid
            AND r.kind = 'comment' AND r.article = art) THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true,
                 'byline rule causes-first: it answers a comment that is not on the server');
    END IF;
    IF rkind = 'comment.state' AND NOT EXISTS (
            SELECT 1 FROM byline.records r WHERE r.uid = rkey::uuid AND r.kind = 'comment' AND r.article = art) THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true,
                 'byline rule causes-first: it resolves a comment that is not on the server');
    END IF;
    -- Who may do what.
    IF rkind = 'vocabulary' AND my_role <> 'editor' THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, format(
            'byline rule vocabulary-editors-only: %s is a %s on the server; only editors manage the tag vocabulary',
            me, my_role));
    END IF;
    IF rkind IN ('tags', 'related', 'related.order') AND NOT may_edit THEN
        RETURN byline.verdict_of('record', uid_text, NULL::bigint, true, format(
            'byline rule own-articles-only: %s is a %s on the server; only the article''s owner (%s) or an editor may change its %s',
            me, my_role, a.owner, CASE rkind WHEN 'tags' THEN 'tags' ELSE 'related news' END));
    END IF;
    IF rkind = 'status' THEN
        frm := rdata ->> 'from';
        too := rdata ->> 'to';
        IF coalesce((rdata ->> 'genesis')::boolean, false) THEN
            IF a.created_seq IS NULL OR a.status <> too OR EXISTS (
                    SELECT 1 FROM byline.records r WHERE r.article = art AND r.kind = 'status'
                    AND coalesce((r.data ->> 'genesis')::boolean, false)) THEN
                RETURN byline.verdict_of('record', uid_text, NULL::bigint, true,
                         'byline rule genesis-once: an article starts only once, with the status it was sent with');
            END IF;
        ELSIF coalesce((rdata ->> 'outside')::boolean, false) OR frm = too THEN
            NULL;  -- a trail entry that moves nothing (an import, an override note)
        ELSE
            exempt := my_role = 'editor' AND (coalesce((rdata ->> 'override')::boolean, false)
                                              OR coalesce((rdata ->> 'legacy')::boolean, false));
            IF frm <> a.status THEN
                refused := true;
                refusal := format('byline rule one-move-at-a-time: %s moved it %s → %s, but when that reached the server the article was %s',
                                  me, frm, too, a.status);
            ELSIF NOT exempt AND byline.workflow_problem(frm, too, my_role) IS NOT NULL THEN
                refused := true;
                refusal := format('byline rule workflow-table: %s is a %s on the server; %s',
                                  me, my_role, byline.workflow_problem(frm, too, my_role));
            ELSIF too IN ('in_review', 'changes_requested', 'approved', 'published')
                    AND byline.heads_count(art) > 1 THEN
                refused := true;
                refusal := format('byline rule resolve-conflicts-first: the article has versions that are not merged yet; it cannot move to %s until the conflict is resolved',
                                  too);
            ELSE
                new_seq := nextval('byline.change_seq');
                UPDATE byline.articles SET status = too, updated_seq = new_seq WHERE uuid = art;
            END IF;
        END IF;
    END IF;
    new_seq := coalesce(new_seq, nextval('byline.change_seq'));
    INSERT INTO byline.records (uid, kind, article, key, after, data, author, origin, created_at,
                                seq, member, laptop, refused, refusal)
    VALUES (rid, rkind, art, rkey, causes, rdata, coalesce(rec ->> 'author', ''),
            coalesce(rec ->> 'origin', ''), coalesce(rec ->> 'created_at', ''), new_seq, me, laptop,
            refused, refusal);
    RETURN byline.verdict_of('record', uid_text, new_seq, refused, refusal);
END $$;

-- Everything a laptop sends, in one transaction; a verdict for every revision and record.
--
--   {"articles": [{"uuid", "slug", "title", "revisions": [...], "records": [...]}],
--    "records": [the newsroom's records: vocabulary changes, dictionary words]}
--
-- Revisions come parents first and records causes first (as a laptop stores them).
-- A revision or record already here answers with its sequence number and verdict:
-- sending the same thing twice changes nothing.
CREATE FUNCTION byline.push(laptop uuid, changes jsonb) RETURNS SETOF byline.verdict
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me name := session_user;
    my_role text := byline.require_member();
    art jsonb; item jsonb; genesis jsonb;
    a byline.articles; none byline.articles;
    aid text; start_status text; may_edit boolean; refusal text; new_seq bigint;
    v byline.verdict; changed boolean;
BEGIN
    -- One push at a time: sequence numbers become visible in the order they were
    -- given, so a laptop that pulled up to N never misses a change numbered below N.
    PERFORM pg_advisory_xact_lock(7261524, 1);
    IF jsonb_typeof(changes) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'byline rule well-formed: the changes are not an object';
    END IF;
    IF laptop IS NOT NULL THEN
        UPDATE byline.laptops SET last_seen = now(), member = me WHERE library = laptop;
    END IF;
    FOR art IN SELECT jsonb_array_elements(coalesce(changes -> 'articles', '[]')) LOOP
        aid := art ->> 'uuid';
        IF NOT coalesce(byline.is_uid(aid), false) THEN
            RAISE EXCEPTION 'byline rule well-formed: an article without a valid id';
        END IF;
        SELECT * INTO a FROM byline.articles WHERE uuid = aid::uuid FOR UPDATE;
        IF NOT FOUND THEN
            -- A new article: it starts as its genesis record says (a draft when none does);
            -- only an editor may bring one that is past draft.
            SELECT r INTO genesis FROM jsonb_array_elements(coalesce(art -> 'records', '[]')) r
                WHERE r ->> 'kind' = 'status' AND coalesce(r -> 'data' ->> 'genesis', '') = 'true' LIMIT 1;
            start_status := coalesce(genesis -> 'data' ->> 'to', 'draft');
            refusal := CASE
                WHEN jsonb_array_length(coalesce(art -> 'revisions', '[]')) = 0 THEN
                    'byline rule well-formed: a new article arrives with its first revision'
                WHEN start_status NOT IN ('draft', 'submitted', 'in_review', 'changes_requested',
                                          'approved', 'published', 'spiked') THEN
                    'byline rule well-formed: the article starts with an unknown status'
                WHEN start_status <> 'draft' AND my_role <> 'editor' THEN format(
                    'byline rule new-articles-are-drafts: %s is a %s on the server; only an editor may bring an article that is already %s',
                    me, my_role, start_status)
            END;
            IF refusal IS NOT NULL THEN
                FOR item IN SELECT jsonb_array_elements(coalesce(art -> 'revisions', '[]')) LOOP
                    RETURN NEXT byline.verdict_of('revision', item ->> 'uid', NULL::bigint, true, refusal);
                END LOOP;
                FOR item IN SELECT jsonb_array_elements(coalesce(art -> 'records', '[]')) LOOP
                    RETURN NEXT byline.verdict_of('record', item ->> 'uid', NULL::bigint, true, refusal);
                END LOOP;
                CONTINUE;
            END IF;
            new_seq := nextval('byline.change_seq');
            INSERT INTO byline.articles (uuid, slug, title, owner, status, created_seq, updated_seq)
            VALUES (aid::uuid, left(coalesce(art ->> 'slug', ''), 80), left(coalesce(art ->> 'title', ''), 300),
                    me, start_status, new_seq, new_seq)
            RETURNING * INTO a;
        END IF;
        may_edit := my_role = 'editor' OR a.owner = me;
        changed := false;
        FOR item IN SELECT jsonb_array_elements(coalesce(art -> 'revisions', '[]')) LOOP
            v := byline.push_revision(a, item, me, my_role, may_edit, laptop);
            changed := changed OR (NOT v.refused AND v.seq > a.updated_seq);
            RETURN NEXT v;
        END LOOP;
        IF changed AND may_edit THEN
            UPDATE byline.articles SET slug = left(coalesce(art ->> 'slug', slug), 80),
                title = left(coalesce(art ->> 'title', title), 300)
            WHERE uuid = a.uuid;
        END IF;
        FOR item IN SELECT jsonb_array_elements(coalesce(art -> 'records', '[]')) LOOP
            v := byline.push_record(a, item, me, my_role, may_edit, laptop);
            IF item ->> 'kind' = 'status' THEN
                SELECT * INTO a FROM byline.articles WHERE uuid = a.uuid;
            END IF;
            RETURN NEXT v;
        END LOOP;
    END LOOP;
    FOR item IN SELECT jsonb_array_elements(coalesce(changes -> 'records', '[]')) LOOP
        RETURN NEXT byline.push_record(none, item, me, my_role, false, laptop);
    END LOOP;
END $$;

-- An image, by the sha256 of its bytes (checked here too), stored once.
CREATE FUNCTION byline.put_asset(sha text, name text, mime text, data bytea) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE inserted boolean;
BEGIN
    PERFORM byline.require_member();
    IF sha !~ '^[0-9a-f]{64}$' OR encode(sha256(data), 'hex') <> sha THEN
        RAISE EXCEPTION 'byline rule well-formed: the image is not what its sha256 says';
    END IF;
    IF octet_length(data) > 26214400 THEN
        RAISE EXCEPTION 'byline rule well-formed: an image is larger than 25 MB';
    END IF;
    INSERT INTO byline.assets (sha256, name, mime, data, member)
    VALUES (sha, left(coalesce(name, ''), 200), left(coalesce(nullif(mime, ''), 'application/octet-stream'), 100),
            data, session_user)
    ON CONFLICT (sha256) DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    RETURN inserted;
END $$;

-- A laptop says hello: who it is, and learns who the server takes its member for.
CREATE FUNCTION byline.hello(laptop uuid, laptop_name text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE role text := byline.require_member();
BEGIN
    INSERT INTO byline.laptops (library, name, member)
    VALUES (laptop, left(coalesce(laptop_name, ''), 100), session_user)
    ON CONFLICT (library) DO UPDATE SET name = excluded.name, member = excluded.member,
        last_seen = now();
    RETURN jsonb_build_object(
        'server', (SELECT uid FROM byline.server_identity WHERE id = 1),
        'schema', (SELECT max(version) FROM byline.schema_version),
        'member', session_user::text,
        'role', role);
END $$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON FUNCTION byline.hello(uuid, text), byline.push(uuid, jsonb),
    byline.put_asset(text, text, text, bytea), byline.member_role(name)
    TO byline_reporter, byline_editor, byline_producer;
