"""The description pass: unnamed noun phrases that refer -- groups, organisations, documents.

News refers to many actors without a name.  Three kinds matter for "who said it":

- **groups**: a plural noun for people or state agents ("Egyptian troops", "Scientology
  officials", "the Colombian authorities"): a referent of its own, which a later "they" can take;
- **organisation nouns** used definitely ("the organization", "the ministry", "the newspaper",
  "the worldwide press freedom organization"): they point back to an organisation named before.
  The antecedent is chosen by explicit features -- the name contains the noun (+3), the candidate
  was a subject (+1), recency (-0.25 per sentence back) -- among organisations mentioned earlier
  (agreement: an organisation noun never takes a person or a place);
- **documents** ("a CIA report", "The Home Office letter", "a letter from bipartisan members of
  the House", "the statement"): a document speaks for its author, named as a modifier or a
  ``from``/``by``/``of`` phrase; a definite document without one ("the report") is the
  document of the same noun mentioned before.

Each resolved description carries the pass ("description") and a confidence from its score.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse.names import Cluster
from newsgraph.nlp.doc_cache import sentence_index, tokens_of
from newsgraph.nlp.knowledge.agents import phoenix_agent_nouns
from newsgraph.nlp.knowledge.cues import load_lexicon
from newsgraph.nlp.knowledge.gazetteer import gazetteer
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, mention_bounds, without_article

#: Nouns that stand for an organisation named before ("the organization said").
ORG_NOUNS = wordlist("organisation_nouns")
#: Nouns for news media: they point back only to an outlet (CAMEO sector MED) or a name with the noun.
MEDIA_NOUNS = wordlist("outlet_nouns")
_DEFINITE = wordlist("definite_determiners")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos", "attr"})
_NEW_INFO_DEPS = frozenset({"prep", "relcl", "acl"})
_AUTHOR_MODIFIERS = frozenset({"compound", "poss", "nmod", "amod"})
_MAKING_VERBS = wordlist("document_making_verbs")
_AGENTIVE = re.compile(r"(?:er|or|ist|ian|ant|man|woman|person|ee)$")


@dataclass(slots=True)
class Described:
    """A description found in the text; ``cluster`` is the entity it stands for, if any."""

    start: int  # token range
    end: int
    head: Token
    name: str
    kind: str  # GROUP, ORG, DOCUMENT, PERSON (a role noun: "the contractor")
    cluster: Cluster | None = None
    score: float = 0.0


def find_descriptions(doc: Doc, clusters: list[Cluster]) -> list[Described]:
    """The group, organisation-noun and document descriptions of ``doc``, resolved (docstring)."""
    owner: dict[int, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            for i in range(m.start, m.end):
                owner.setdefault(i, c)
    sent_of = sentence_index(doc)
    roles = _introduced_roles(doc, clusters)
    found: list[Described] = []
    for tok in tokens_of(doc):
        if tok.pos_ != "NOUN" or tok.i in owner or tok.dep_ not in _REFERRING_DEPS:
            continue
        lemma = tok.lemma_.lower()
        role = _role_antecedent(tok, roles) if lemma in roles else None
        if role is not None:
            found.append(role)
        elif lemma in DOCUMENT_NOUNS:
            found.append(_document(tok, owner, found, clusters, sent_of))
        elif (lemma in ORG_NOUNS or lemma in MEDIA_NOUNS) and _definite(tok):
            d = _org_noun(tok, clusters, owner, sent_of, found)
            if d is not None:
                found.append(d)
        elif lemma in ORG_NOUNS and any(c.dep_ == "poss" for c in tok.children):
            start, end = mention_bounds(tok)  # "Brazil's foreign ministry": a body of its own
            found.append(Described(start, end, tok, doc[start:end].text, "ORG", None, 1.0))
        elif tok.tag_ == "NNS" and lemma in phoenix_agent_nouns():
            start, end = mention_bounds(tok)
            found.append(Described(start, end, tok, without_article(doc[start:end].text), "GROUP"))
        elif tok.tag_ == "NN" and lemma in _person_nouns() and _definite(tok) and _speaks(tok):
            person = _person_noun(tok, clusters, sent_of)
            if person is not None:
                found.append(person)
        elif tok.tag_ == "NN" and lemma in _person_nouns() and _unnamed_person(tok):
            start, end = mention_bounds(tok)
            found.append(Described(start, end, tok, doc[start:end].text, "PERSON", None, 0.5))
    return found


def _unnamed_person(tok: Token) -> bool:
    """ "a Hamas activist", "a local security official": a person the text introduces without
    a name (an indefinite singular person noun, not in apposition to a name), whom a later
    "he"/"she" can mean."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children):
        return False
    if tok.dep_ == "appos" or any(t.ent_type_ == "PERSON" or t.dep_ == "appos" for t in tok.subtree):
        return False  # "a lawyer, Ana Roe," / "an adviser to the board, Ana Roe,": named after all
    return tok.dep_ in _SUBJECT_DEPS or tok.dep_ in ("dobj", "pobj")


@cache
def _person_nouns() -> frozenset[str]:
    """Singular nouns for a person: the one-word titles, and the Phoenix agent nouns built with
    an agentive suffix (killer, contractor, activist, civilian, militant, gunman, detainee) --
    the dictionary also lists bodies and vehicles ("cabinet", "family", "defence") -- without
    the nouns for organisations and outlets."""
    titles = frozenset(t for t in gazetteer().titles if " " not in t)
    agents = frozenset(w for w in phoenix_agent_nouns() if " " not in w and _AGENTIVE.search(w))
    return (agents | titles) - ORG_NOUNS - MEDIA_NOUNS


def _speaks(tok: Token) -> bool:
    """The noun is the subject of a cue verb of the quote lexicon ("the killer told the court",
    "the contractor described himself as ...")."""
    lexicon = load_lexicon()
    lemma = tok.head.lemma_.lower()
    return tok.dep_ == "nsubj" and (lexicon.verb_patterns(lemma) is not None or lemma in lexicon.phrase_verbs)


def _person_noun(tok: Token, clusters: list[Cluster], sent_of: list[int]) -> Described | None:
    """ "the killer said", "the contractor told": a definite person noun with no name of its own.

    Introduced before with an indefinite article ("a security official ... the official"), it
    is that unnamed person; otherwise news uses it for a person the story is about, so it links
    to the most salient person so far: most mentions, a subject last time, recently mentioned
    (features +log(1 + mentions), +1 subject, -0.2 per sentence back; within 12 sentences).
    """
    if any(c.dep_ in _NEW_INFO_DEPS or c.pos_ == "PROPN" for c in tok.children):
        return None
    doc = tok.doc
    start, end = mention_bounds(tok)
    lemma = tok.lemma_.lower()
    for earlier in reversed(tokens_of(doc)[: tok.i]):
        if earlier.lemma_.lower() == lemma and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.children
        ):
            e_start, e_end = mention_bounds(earlier)
            return Described(start, end, tok, doc[e_start:e_end].text, "PERSON", None, 0.5)
    best: tuple[float, Cluster] | None = None
    for c in clusters:
        before = [m for m in c.mentions if m.end <= tok.i]
        if c.label != "PERSON" or not before:
            continue
        last = max(before, key=lambda m: m.start)
        distance = sent_of[tok.i] - sent_of[last.start]
        if distance > 12:
            continue
        score = math.log1p(len(before)) - 0.2 * distance
        score += 1.0 if doc[last.end - 1].dep_ in _SUBJECT_DEPS else 0.0
        if best is None or score > best[0]:
            best = (score, c)
    if best is None:
        return None
    return Described(start, end, tok, doc[start:end].text, "PERSON", best[1], 0.6)


_ROLE_DETERMINERS = frozenset({"the", "his", "her", "their"})


def _introduced_roles(doc: Doc, clusters: list[Cluster]) -> dict[str, list[tuple[int, Cluster]]]:
    """Role nouns the text attaches to a named person, with where: a compound or an apposition
    of the name ("security contractor Jane Roe", "Roe's lawyer, John Doe", "John Doe, a
    farmer").  The text itself is the lexicon: "the contractor" later means that person."""
    roles: dict[str, list[tuple[int, Cluster]]] = {}
    for c in clusters:
        if c.label != "PERSON":
            continue
        for m in c.names():
            head = doc[m.end - 1]
            nouns = [t for t in head.children if t.dep_ in ("compound", "appos") and t.pos_ == "NOUN"]
            nouns += [
                t for t in doc[max(0, m.start - 3) : m.start] if t.pos_ == "NOUN" and t.head.i == head.i
            ]
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                nouns.append(head.head)
            for noun in nouns:
                if noun.tag_ == "NN":
                    roles.setdefault(noun.lemma_.lower(), []).append((m.start, c))
    return roles


def _role_antecedent(tok: Token, roles: dict[str, list[tuple[int, Cluster]]]) -> Described | None:
    """ "the contractor", "his lawyer": the person last introduced with that role noun, when the
    phrase is a singular definite or possessed noun that adds nothing new (no relative clause,
    no "of" phrase) and no name of its own."""
    if tok.tag_ != "NN" or any(c.dep_ in _NEW_INFO_DEPS or c.pos_ == "PROPN" for c in tok.children):
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ROLE_DETERMINERS for c in tok.children):
        return None
    before = [(i, c) for i, c in roles[tok.lemma_.lower()] if i < tok.i]
    if not before:
        return None
    _, cluster = max(before, key=lambda pair: pair[0])
    start, end = mention_bounds(tok)
    return Described(start, end, tok, tok.doc[start:end].text, "PERSON", cluster, 0.8)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)


def _modifiers(tok: Token) -> list[Token]:
    """The words before a noun that can name its author, also inside a compound chain ("the
    JTF-GTMO press release": JTF-GTMO modifies "press", which modifies "release")."""
    found: list[Token] = []
    todo = [c for c in tok.lefts if c.dep_ in _AUTHOR_MODIFIERS]
    while todo:
        child = todo.pop(0)
        found.append(child)
        todo += [c for c in child.lefts if c.dep_ in _AUTHOR_MODIFIERS]
    return found


def _maker(tok: Token) -> Token | None:
    """The subject of the verb that made a document ("X issued / released / published / sent /
    wrote / signed a statement"): its author."""
    head = tok.head
    if tok.dep_ != "dobj" or head.lemma_.lower() not in _MAKING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj"), None)


def _author_phrases(tok: Token) -> list[Token]:
    """``from``/``by`` phrases of a document, also under a participle that made it ("a
    statement released by X", "a report issued by X", "a letter signed by X")."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    for acl in tok.children:  # not "a letter seen by X" / "obtained by X": X only read it
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _MAKING_VERBS:
            preps += [c for c in acl.children if c.dep_ in ("agent", "prep")]
    return preps


def _document(
    tok: Token,
    owner: dict[int, Cluster],
    earlier: list[Described],
    clusters: list[Cluster],
    sent_of: list[int],
) -> Described:
    """A document and its author: a modifier naming an entity, a from/by/of phrase, or -- for
    a definite document without one -- the earlier document of the same noun."""
    doc = tok.doc
    start, end = mention_bounds(tok)
    text = without_article(doc[start:end].text)
    for child in _modifiers(tok):
        if child.i in owner:
            return Described(start, end, tok, text, "DOCUMENT", owner[child.i], 1.0)
    for child in _modifiers(tok):
        if child.lemma_.lower() in ORG_NOUNS and child.pos_ == "NOUN":  # "the cabinet statement"
            body = _org_noun(child, clusters, owner, sent_of, earlier, definite=_definite(tok))
            if body is not None and body.cluster is not None:
                return Described(start, end, tok, text, "DOCUMENT", body.cluster, min(1.0, body.score))
    maker = _maker(tok)
    if maker is not None and maker.i in owner:  # "the ministry issued a statement"
        return Described(start, end, tok, text, "DOCUMENT", owner[maker.i], 0.9)
    for prep in _author_phrases(tok):
        if prep.lower_ in ("from", "by"):  # "analysis of X": X is the topic
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if author is None:
                continue
            if author.i in owner:
                return Described(start, end, tok, text, "DOCUMENT", owner[author.i], 1.0)
            named_body = author.tag_ == "NN" and (
                any(c.pos_ == "PROPN" for c in author.children)
                or author.lemma_.lower() in phoenix_agent_nouns()
            )
            if author.pos_ in ("NOUN", "PROPN") and (author.tag_ in ("NNS", "NNPS", "NNP") or named_body):
                # ("a statement released by the UN country office", "... by a local official")
                a_start, a_end = mention_bounds(author)
                return Described(
                    start, end, tok, without_article(doc[a_start:a_end].text), "DOCUMENT", None, 0.8
                )
    if _definite(tok):
        lemma = tok.lemma_.lower()
        for d in reversed(earlier):
            if d.kind == "DOCUMENT" and d.head.lemma_.lower() == lemma and d.score > 0:
                return Described(start, end, tok, d.name, "DOCUMENT", d.cluster, d.score * 0.9)
    return Described(start, end, tok, text, "DOCUMENT", None, 0.0)


def _introduced_as_outlet(doc: Doc, cluster: Cluster) -> bool:
    """An organisation the text itself presents as a news outlet: an outlet noun right before
    or after one of its names ("the British newspaper Sunday Telegraph", "the Clarion weekly",
    "the broadcaster NHK"), so a later "the newspaper" / "the paper" can point back to it."""
    for m in cluster.names():
        near = [doc[i] for i in (m.start - 1, m.start - 2, m.end) if 0 <= i < len(doc)]
        if any(t.pos_ in ("NOUN", "ADJ") and t.lower_ in MEDIA_NOUNS for t in near):
            return True
    return False


def _org_noun(
    tok: Token,
    clusters: list[Cluster],
    owner: dict[int, Cluster],
    sent_of: list[int],
    earlier: list[Described],
    definite: bool = True,
) -> Described | None:
    """A definite organisation noun linked to the best-scoring organisation before it
    (``definite``: the noun, or the document it modifies, is definite)."""
    if not definite or any(c.dep_ in _NEW_INFO_DEPS for c in tok.children):
        return None  # "the group of experts who ...": introduces, does not point back
    doc = tok.doc
    start, end = mention_bounds(tok)
    lemma = tok.lemma_.lower()
    if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in tok.children):
        return Described(start, end, tok, doc[start:end].text, "ORG", None, 1.0)  # "the UN refugee agency"
    introduced = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if introduced is not None:  # "the security firm Secunia.com said": introduces the name after it
        return Described(start, end, tok, doc[start:end].text, "ORG", owner.get(introduced.i), 1.0)
    best: tuple[float, Cluster] | None = None
    for c in clusters:
        if c.label != "ORG":
            continue
        named = any(lemma in (m.canonical or m.text).lower().split() for m in c.names())
        named = named or (lemma in MEDIA_NOUNS and _introduced_as_outlet(doc, c))
        if lemma in MEDIA_NOUNS and not named and not any("MED" in (m.actor or "") for m in c.mentions):
            continue  # agreement: "the newspaper" is an outlet
        before = [m for m in c.mentions if m.end <= tok.i]
        if not before:
            continue
        last = max(before, key=lambda m: m.start)
        distance = sent_of[tok.i] - sent_of[last.start]
        score = -0.25 * distance
        if named:
            score += 3.0
        if any(doc[m.end - 1].dep_ in _SUBJECT_DEPS for m in before):
            score += 1.0
        if best is None or score > best[0]:
            best = (score, c)
    for d in reversed(earlier):  # "Argentina's foreign ministry ... the ministry"
        if d.kind == "ORG" and d.head.lemma_.lower() == lemma and (best is None or best[0] < 3.0):
            return Described(start, end, tok, d.name, "ORG", d.cluster, d.score)
    if best is None or best[0] < -2.0:
        return None
    return Described(start, end, tok, without_article(doc[start:end].text), "ORG", best[1], best[0])
