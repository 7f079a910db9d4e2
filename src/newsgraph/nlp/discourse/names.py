"""In-document coreference: name variants, titles without names, and pronouns.

No coreference model can be downloaded here, so this is a rule system in three passes, each a
small, measurable idea:

1. **Names** (:func:`cluster_names`): full names first; then partial names ("Blinken", "Binyam",
   "bin Laden") join the cluster whose full name ends (surname) or starts (given name) with them,
   preferring the most-mentioned cluster so far.  Organisations merge when one name is a contiguous
   part of the other ("Foreign Office" / "UK Foreign Office"); near-identical spellings merge
   ("Abdourahim Said Bacar" / "Bakar", "Untied Nations").
2. **Titles without names** (:func:`link_title_mentions`): "the spokesman", "US Secretary of State"
   join the person holding a title with the same head word, nearest before, else first after.
3. **Pronouns** (:func:`resolve_pronouns`): he/she/his/her/him and they/their/them pick the most
   salient compatible cluster among recent mentions (sentence distance, subject role, gender from
   titles, honorifics, given names and earlier confident links), ignoring names inside quotations
   when the pronoun stands outside them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Doc

from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.gazetteer import gazetteer, given_name_gender
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention
from newsgraph.nlp.mentions.titles import TitlePhrase

MALE = wordlist("male_pronouns")
FEMALE = wordlist("female_pronouns")
PLURAL = wordlist("plural_pronouns")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Mention kinds that name their entity (titles and pronouns only refer to it).
_NAME_KINDS = frozenset({"name", "seat", "author", "demonym", "government", "bare"})
_WEAK_TITLES = wordlist("weak_titles")
_RANK_WORDS = wordlist("title_rank_words")
_SPEECH = wordlist("speech_verbs")
_PARTICLES = wordlist("name_particles")
_PLACE_KINDS = wordlist("place_kind_words")


@dataclass(slots=True, eq=False)  # identity semantics: `in`, `remove` must not compare mention lists
class Cluster:
    """Mentions of one real-world entity, with the facts gathered about it."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind in _NAME_KINDS]

    def longest_tokens(self) -> tuple[str, ...]:
        best: tuple[str, ...] = ()
        for m in self.names():
            toks = name_tokens(m.canonical or m.text)
            if len(toks) > len(best):
                best = toks
        return best


def fold(text: str) -> str:
    """Lower case without accents, for matching name variants ("Chávez" = "Chavez")."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(fold(h) for h in gazetteer().honorifics)


@lru_cache(maxsize=65536)
def name_tokens(text: str) -> tuple[str, ...]:
    """Folded name words without honorifics or a leading "the".

    Cached because names repeat; bounded, because a long ingest sees millions of names.
    """
    honorifics = _honorifics()
    words = [w.strip(".,'’\"") for w in re.sub(r"['’]s\b", "", fold(text)).split()]
    words = [w for w in words if w and w not in honorifics]
    if words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def _near(a: str, b: str) -> bool:
    """Equal, or one edit apart (substitution, insertion, deletion or transposition) for long words."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same number of words, all equal but at most one, which is one edit away."""
    if len(a) != len(b) or not a:
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 0 or (len(diffs) == 1 and _near(*diffs[0]))


def _contiguous(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n < len(long_) and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _is_part_of_person(part: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Blinken" / "bin Laden" / "al-Sadr" (surname) or "Binyam" (given name) of a longer name."""
    if not part or len(part) >= len(full):
        return False
    if full[-len(part) :] == part:
        return True
    stripped = tuple(w for w in full if w not in _PARTICLES)
    if stripped[-len(part) :] == part:
        return True
    if len(part) == 1 and len(stripped) >= 3 and stripped[-2] == part[0]:
        return True  # the first of two surnames: "Restrepo" of "Camila Restrepo Ortiz"
    return len(part) == 1 and full[0] == part[0] and full[0] not in _PARTICLES


def cluster_names(mentions: Iterable[Mention], quoted: Sequence[tuple[int, int]] = ()) -> list[Cluster]:
    """Group name mentions into entities (pass 1 of the module docstring); ``quoted``: the
    character spans of quotations (a name inside one introduces no one to the narrative)."""
    clusters: list[Cluster] = []
    persons_full: list[tuple[tuple[str, ...], Cluster]] = []
    pending: list[Mention] = []
    keys: dict[int, dict[tuple[str, ...], None]] = {}  # id(cluster) -> its distinct name keys, in order
    for m in mentions:
        if m.label == "PERSON" and len(name_tokens(m.text)) < 2:
            pending.append(m)
            continue
        key = name_tokens(m.canonical or m.text)
        target, m.sieve = _find_cluster(clusters, keys, m, key)
        if target is None:
            target = Cluster(m.label)
            clusters.append(target)
            keys[id(target)] = {}
            if m.label == "PERSON":
                persons_full.append((key, target))
        target.mentions.append(m)
        if m.kind in _NAME_KINDS:
            keys[id(target)].setdefault(key, None)
    for m in pending:
        _attach_partial(clusters, persons_full, m, quoted)
    _merge_partial_persons(clusters, quoted)
    return sorted(clusters, key=lambda c: c.first)


def _singular(key: tuple[str, ...]) -> tuple[str, ...]:
    return (*key[:-1], key[-1].removesuffix("s")) if key else key


def _find_cluster(
    clusters: list[Cluster], keys: dict[int, dict[tuple[str, ...], None]], m: Mention, key: tuple[str, ...]
) -> tuple[Cluster | None, str]:
    """The first cluster with a name ``m`` may refer to, and the pass that links it; ``keys`` holds
    each cluster's distinct name keys (a cluster repeats the same name many times: "Blinken" x 10)."""
    for c in clusters:
        for okey in keys[id(c)]:
            if okey == key:
                return c, "exact"
            if c.label == m.label == "NORP" and _singular(okey) == _singular(key):
                return c, "exact"
            both = {c.label, m.label}
            if both <= {"PERSON", "ORG"} and len(key) >= 2 and _same_name(okey, key):
                return c, "exact"
            if c.label == m.label == "PERSON" and (
                _is_part_of_person(key, okey) or _is_part_of_person(okey, key)
            ):
                return c, "surname"
    return None, "exact"


#: Tokens after a full name within which a bare surname shared with another person means it
#: (about two sentences of news).
_NAMESAKE_WINDOW = 60


def _attach_partial(
    clusters: list[Cluster],
    persons: list[tuple[tuple[str, ...], Cluster]],
    m: Mention,
    quoted: Sequence[tuple[int, int]] = (),
) -> None:
    """Join a one-word person name to a full name containing it: of two people who share a
    surname, the one mentioned last before it ("Defence Minister Jorge Uribe ... President
    Alvaro Uribe ... Uribe proposed": the president; a name inside a quotation does not count
    for a surname outside one), else the most-mentioned one."""
    key = name_tokens(m.text)
    candidates = [c for full, c in persons if _is_part_of_person(key, full)]
    if not candidates:
        candidates = [c for c in clusters if c.label == "PERSON" and name_tokens(c.names()[0].text) == key]
    if candidates:
        best = _latest(candidates, m, quoted)
        m.sieve = "surname"
        best.mentions.append(m)
        return
    clusters.append(Cluster("PERSON", [m]))


def _latest(candidates: list[Cluster], m: Mention, quoted: Sequence[tuple[int, int]]) -> Cluster:
    """Of the people a partial name may stand for: for a shared surname, one whose full name the
    text gave within the last :data:`_NAMESAKE_WINDOW` tokens (outside quotations: "President
    Alvaro Uribe ... Uribe proposed"), the latest such; otherwise -- and for a given name -- the
    most mentioned, then the first introduced (a biography's "L'Enfant" is its subject, not the
    father introduced a paragraph before)."""
    key = name_tokens(m.text)
    surname = all(c.longest_tokens()[-len(key) :] == key for c in candidates)

    def introduced(c: Cluster) -> int:
        full = [
            x.start
            for x in c.mentions
            if x.start < m.start and len(name_tokens(x.text)) >= 2 and _narrated(x, m, quoted)
        ]
        last = max(full, default=-1)
        return last if surname and last >= 0 and m.start - last <= _NAMESAKE_WINDOW else -1

    def order(c: Cluster) -> tuple[int, int, int]:
        return introduced(c), sum(1 for x in c.mentions if x.start < m.start), -c.first

    return max(candidates, key=order)


def _narrated(x: Mention, m: Mention, quoted: Sequence[tuple[int, int]]) -> bool:
    """``x`` counts for ``m``'s recency: outside quotations, or both inside one."""

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in quoted)

    return not inside(x.char_start) or inside(m.char_start)


def _merge_partial_persons(clusters: list[Cluster], quoted: Sequence[tuple[int, int]] = ()) -> None:
    """Non-person clusters whose name is a known person's name or surname become that person
    (each mention the person mentioned last before it, when two share the name)."""
    # keys computed once: merging a shorter name into a person never changes its longest name
    persons = [(c, c.longest_tokens()) for c in clusters if c.label == "PERSON"]
    persons = [(c, full) for c, full in persons if len(full) >= 2]
    for c in list(clusters):
        if c.label == "PERSON" or any(m.canonical for m in c.mentions):
            continue
        key = c.longest_tokens()
        owners = [p for p, full in persons if key == full or _is_part_of_person(key, full)]
        if owners:
            for m in sorted(c.mentions, key=lambda x: x.start):
                m.label, m.sieve = "PERSON", "surname"
                _latest(owners, m, quoted).mentions.append(m)
            clusters.remove(c)
    places = {c.longest_tokens(): c for c in clusters if c.label == "GPE"}
    for c in list(clusters):
        key = c.longest_tokens()
        if c.label == "GPE" and key and key[-1] in {"island", "islands"} and key[:-1] in places:
            places[key[:-1]].mentions.extend(c.mentions)
            clusters.remove(c)
        elif (
            c.label == "PERSON" and len(key) == 1 and key in places and not any(m.titles for m in c.mentions)
        ):
            places[key].mentions.extend(c.mentions)
            clusters.remove(c)
        elif c.label == "PERSON" and len(key) == 1 and not any(m.titles for m in c.mentions):
            # a one-word "person" spelled like an organisation named in the article ("According
            # to Ofgem"): the model's label flips between mentions, the entity does not
            org = next((o for o in clusters if o.label == "ORG" and o.longest_tokens() == key), None)
            if org is not None:
                org.mentions.extend(c.mentions)
                clusters.remove(c)
    _merge_bare_place_names(clusters)
    orgs = [c for c in clusters if c.label == "ORG"]
    for c in sorted(orgs, key=lambda c: len(c.longest_tokens())):
        key = c.longest_tokens()
        bigger = next(
            (o for o in orgs if o is not c and o in clusters and _contiguous(key, o.longest_tokens())), None
        )
        if bigger is not None and _distinct_known_orgs(c, bigger):
            continue  # "United Nations" / "United Nations Security Council": two lexicon bodies
        if bigger is not None and c in clusters:
            bigger.mentions.extend(c.mentions)
            clusters.remove(c)


def _distinct_known_orgs(a: Cluster, b: Cluster) -> bool:
    """Both clusters carry a lexicon name, and not the same one: two bodies, one inside the other."""
    names_a = {m.canonical for m in a.mentions if m.canonical and m.actor}
    names_b = {m.canonical for m in b.mentions if m.canonical and m.actor}
    return bool(names_a) and bool(names_b) and not names_a & names_b


def _merge_bare_place_names(clusters: list[Cluster]) -> None:
    """ "Nyanza" / "Gaza" join the one place of the article named "Nyanza Province" / "Gaza
    Strip": a place's name without its kind word ("the provinces of Nyanza and Rift Valley") is
    the same place, whatever type the model gave the bare name.  A lexicon organisation and a
    country keep their own entity ("Kuwait" is no part of "Kuwait City": "city" is no kind word)."""
    longer: dict[tuple[str, ...], list[Cluster]] = {}
    for c in clusters:
        key = c.longest_tokens()
        if c.label == "GPE" and len(key) >= 2 and key[-1] in _PLACE_KINDS:
            longer.setdefault(key[:-1], []).append(c)
    for c in list(clusters):
        owners = longer.get(c.longest_tokens(), [])
        if len(owners) != 1 or c.label not in {"GPE", "ORG", "NORP"} or c in owners:
            continue
        if any(m.canonical for m in c.mentions):
            continue
        for m in c.mentions:
            m.label = "GPE"
        owners[0].mentions.extend(c.mentions)
        clusters.remove(c)


def reclaim_speaking_surnames(doc: Doc, clusters: list[Cluster]) -> None:
    """A one-word place or organisation mention that is the surname of exactly one person named
    earlier, used as the subject of a speech verb ("Senator Ruth Jordan ... Jordan said"), is
    that person: places and organisations do not say things in their own bare name as often as
    a person whose surname is a place does once that person is on stage."""
    persons = [(c, c.longest_tokens()) for c in clusters if c.label == "PERSON"]
    persons = [(c, full) for c, full in persons if len(full) >= 2]
    for c in [c for c in clusters if c.label in ("GPE", "ORG")]:
        for m in list(c.mentions):
            tok = doc[m.start]
            if m.end - m.start != 1 or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in _SPEECH:
                continue
            key = name_tokens(m.text)
            owners = [p for p, full in persons if full[-1:] == key and p.first < m.start]
            if len(owners) == 1:
                c.mentions.remove(m)
                m.label, m.sieve, m.canonical, m.country, m.actor = "PERSON", "surname", None, None, None
                owners[0].mentions.append(m)
        if not c.mentions:
            clusters.remove(c)


def add_name_repeats(doc: Doc, clusters: list[Cluster]) -> None:
    """Occurrences of a known person's surname or full name that the model did not tag.

    "Lage, who is in Bolivia, ..." after "Carlos Lage": a capitalised token equal to the last word
    of exactly one person's full name is a mention of that person; so is a proper noun equal to the
    first word of exactly one person's full name when that word is a known given name ("Isabel").
    """
    taken = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    surnames: dict[str, list[Cluster]] = {}
    for c in clusters:
        toks = tuple(w for w in c.longest_tokens() if w not in _PARTICLES)
        if c.label == "PERSON" and len(toks) >= 2:
            surnames.setdefault(toks[-1], []).append(c)
            if len(toks) >= 3 and toks[-2] != toks[-1]:
                surnames.setdefault(toks[-2], []).append(c)  # Spanish/Portuguese double surnames
    given: dict[str, list[Cluster]] = {}  # "me and Isabel" after "Isabel Ruiz": a known given name
    for c in clusters:
        toks = c.longest_tokens()
        if c.label == "PERSON" and len(toks) >= 2 and given_name_gender(toks[0].capitalize()) is not None:
            given.setdefault(toks[0], []).append(c)
    for tok in tokens_of(doc):
        if tok.i in taken or not tok.text[:1].isupper() or tok.pos_ not in {"PROPN", "NOUN", "ADJ", "VERB"}:
            continue
        owners = surnames.get(fold(tok.text)) or (given.get(fold(tok.text)) if tok.pos_ == "PROPN" else None)
        if owners and len(owners) == 1 and (tok.i + 1 >= len(doc) or not doc[tok.i + 1].text[:1].isupper()):
            m = Mention(tok.i, tok.i + 1, "PERSON", tok.text, sieve="surname")
            m.set_chars(doc)
            owners[0].mentions.append(m)


def title_head(phrase: TitlePhrase) -> str:
    """The last word of a title's lexicon head ("secretary of state" -> "state" is not it: "secretary")."""
    words = phrase.key.split()
    if "of" in words:
        return " ".join(words)
    return words[-1]


def _office(doc: Doc, phrase: TitlePhrase) -> str:
    """The office a title names: its head with the words that make it a different office ("vice
    president", "deputy minister", "assistant secretary" are not the president, the minister, the
    secretary)."""
    words = re.split(r"[\s-]+", f"{phrase.key} {doc[phrase.start : phrase.head_end].text.lower()}")
    rank = sorted({w for w in words if w in _RANK_WORDS})
    return " ".join([*rank, title_head(phrase)])


def link_title_mentions(doc: Doc, clusters: list[Cluster], phrases: list[TitlePhrase]) -> None:
    """Attach unattached definite or capitalised title phrases to the person holding that title."""
    holders: list[tuple[str, str | None, int, Cluster]] = []
    for c in clusters:
        if c.label != "PERSON":
            continue
        for m in c.mentions:
            for p in m.titles:
                holders.append((_office(doc, p), p.country, m.start, c))
    for p in phrases:
        if p.attached or not _title_only(doc, p):
            continue
        head = _office(doc, p)
        options = [
            (pos, c) for h, country, pos, c in holders if h == head and _compatible(country, p.country)
        ]
        if not options:
            continue
        before = [o for o in options if o[0] < p.start]
        pos_c = max(before, key=lambda o: o[0]) if before else min(options, key=lambda o: o[0])
        text = doc[p.start : p.end].text
        mention = Mention(p.start, p.end, "PERSON", text, kind="title", titles=[p], sieve="title")
        mention.set_chars(doc)
        pos_c[1].mentions.append(mention)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _title_only(doc: Doc, p: TitlePhrase) -> bool:
    """A title used as a name: "the spokesman", "the Cuban leader", "US Secretary of State has"."""
    head_words = p.key.split()
    if head_words[-1] in _WEAK_TITLES and len(head_words) == 1 and p.start == p.head_start:
        return False
    if p.end < len(doc) and doc[p.end].pos_ in {"NOUN", "PROPN"} and doc[p.end].text[:1].islower():
        return False
    if doc[p.head_end - 1].tag_ in {"NNS", "NNPS"}:
        return False
    before = doc[p.start - 1] if p.start > 0 else None
    definite = before is not None and before.lower_ in {"the", "this", "that"}
    capitalised = doc[p.head_start].text[:1].isupper() and not doc[p.head_start].is_sent_start
    return definite or p.possessor is not None or capitalised or bool(doc[p.start].is_sent_start)
