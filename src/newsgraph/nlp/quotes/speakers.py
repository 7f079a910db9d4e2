"""Speakers of quotes: the source phrase of a cue, and what it refers to.

Which phrase is the source is syntax (:func:`newsgraph.nlp.syntax.source_token`); what that
phrase *refers to* is the discourse layer's answer (:meth:`Discourse.referent`): a named entity
(through a name, a surname, a title, a pronoun or a description such as "the organization"), a
document's author, or a description that stands for itself ("Crown lawyers").  There is no
second coreference here: a pronoun the discourse layer left unresolved has no speaker.

Two syntactic cases stay here, because they decide *which phrase* speaks, not what it means:

- a joint statement ("X and Y said"): the coordinated phrase speaks, as written;
- an apposition to a common noun ("the Polish deputy minister, Tomasz Szatkowski, said"): the
  name in apposition is the better phrase to resolve.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse import Discourse, Referent, discourse_of
from newsgraph.nlp.quotes.ranking import RuleAnswer
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, mention_bounds


class Speakers:
    """Resolves source phrases of one Doc to ``(speaker name, entity id)``."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.discourse: Discourse = discourse_of(doc)

    def referent(self, start: int, end: int) -> Referent | None:
        """What the characters ``[start, end)`` refer to."""
        return self.discourse.referent(start, end)

    def resolve(self, head: Token, mention: tuple[int, int]) -> RuleAnswer:
        """The rules' answer for the source headed by ``head`` (``mention``: its token range):
        name, entity id, the discourse link's confidence, and whether the source is a pronoun."""
        doc = self.doc
        pronoun = head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$")
        joint = None if pronoun else self._joint(head)
        if joint is not None:  # "X and Y said": both speak; the first named one holds the quote
            return RuleAnswer(joint[0], joint[1], 1.0, False)
        found = self.referent(head.idx, head.idx + len(head))
        if (found is None or found.entity is None) and head.lemma_.lower() in DOCUMENT_NOUNS:
            author = self._possessor(head)  # "his remarks", "the mayor's response"
            if author is not None:
                return author
        if found is None or (found.entity is None and head.pos_ == "NOUN"):
            for child in [*head.children, *_named_as(head)]:  # "the deputy minister, Tomasz Szatkowski,"
                if _appositive(head, child):
                    named = self.referent(child.idx, child.idx + len(child))
                    if named is not None and named.entity is not None:
                        return RuleAnswer(named.name, named.entity.id, named.confidence, False)
        if found is not None:
            entity = found.entity.id if found.entity is not None else None
            document = head.lemma_.lower() in DOCUMENT_NOUNS
            return RuleAnswer(found.name, entity, found.confidence, pronoun, document)
        if pronoun:
            return RuleAnswer(None, None, 0.0, True)  # unresolved pronoun: no guess
        inner = self._named_inside(mention)
        if inner is not None:
            return RuleAnswer(inner[0], inner[1], 0.5, False)
        document = head.lemma_.lower() in DOCUMENT_NOUNS
        return RuleAnswer(doc[mention[0] : mention[1]].text or None, None, 0.5, False, document)

    def _possessor(self, head: Token) -> RuleAnswer | None:
        """The possessor of a document or utterance noun, when the discourse layer knows who
        it is: the words are that person's or body's."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        owner = self.referent(poss.idx, poss.idx + len(poss))
        if owner is not None and owner.entity is not None:
            return RuleAnswer(owner.name, owner.entity.id, owner.confidence, poss.pos_ == "PRON")
        if poss.pos_ in ("NOUN", "PROPN"):  # "the mayor's response": the description speaks
            start, end = mention_bounds(poss)
            words = self.doc[start:end].text.removesuffix("'s").removesuffix("’s").strip()
            return RuleAnswer(words or None, None, 0.5, False)
        return None

    def _joint(self, head: Token) -> tuple[str, str | None] | None:
        """A joint statement's speakers, each by the name the discourse layer knows it by and
        joined as written ("Carlos Lage and José Balaguer" for "Vice presidents Carlos Lage and
        José Balaguer said"; "the ministry and its minister, Ali Hassan" names Ali Hassan)."""
        root = head if _joint(head) else None
        for child in head.children:  # "lawyers [Tom Baker and Anne Cole]appos"
            if root is None and child.dep_ == "appos" and _joint(child):
                root = child
        if root is None:
            return None
        conjuncts = [root]
        for tok in conjuncts:
            conjuncts += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        named = [self._conjunct_name(c) for c in conjuncts]
        if len(named) < 2:
            return None
        names = [name for name, _ in named]
        first = next((entity for _, entity in named if entity is not None), None)
        return ", ".join(names[:-1]) + " and " + names[-1], first

    def _conjunct_name(self, tok: Token) -> tuple[str, str | None]:
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), tok)
        found = self.referent(named.idx, named.idx + len(named))
        if found is not None and found.entity is not None:
            return found.name, found.entity.id
        words = [t for t in named.subtree if t.i <= named.i and t.dep_ not in ("det", "cc", "punct")]
        return " ".join(t.text for t in words), None

    def _named_inside(self, mention: tuple[int, int]) -> tuple[str, str] | None:
        """A source phrase nothing resolved as a whole that contains a named person ("UN
        spokesperson for human rights, Jane Roe", "Deputy Secretary-General Jane Roe's remarks"):
        the last person named in it speaks.  An organisation inside a description does not
        ("a BBC reporter", "African Union election observers" are not the organisation)."""
        person: tuple[str, str] | None = None
        for tok in self.doc[mention[0] : mention[1]]:
            if tok.pos_ != "PROPN":
                continue
            ref = self.referent(tok.idx, tok.idx + len(tok))
            if ref is not None and ref.entity is not None and ref.entity.type == "PERSON":
                person = (ref.name, ref.entity.id)
        return person


def _joint(head: Token) -> bool:
    coordinated = any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in head.children)
    return coordinated and any(c.dep_ == "conj" and _named(c) for c in head.children)


def _named(tok: Token) -> bool:
    """A name, or a noun with a name in apposition ("its minister, Ali Hassan")."""
    return bool(tok.pos_ == "PROPN" or tok.ent_type_) or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children
    )


def _appositive(head: Token, child: Token) -> bool:
    """An apposition, or a "conjunct" without "and"/"or" (a comma apposition the parser misread),
    or the name of a naming participle (:func:`_named_as`)."""
    coordinated = any(c.dep_ == "cc" for c in head.children)
    naming = child.head.i != head.i
    return child.pos_ == "PROPN" and (
        naming or child.dep_ == "appos" or (child.dep_ == "conj" and not coordinated)
    )


_NAMING_VERBS = frozenset({"know", "call", "name", "dub"})


def _named_as(head: Token) -> list[Token]:
    """The name a participle gives a description: "a group known as X", "a militia called X",
    "an organisation named X" -- the description is X."""
    found = []
    for acl in head.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in _NAMING_VERBS:
            continue
        for c in acl.children:
            if c.dep_ in ("oprd", "attr", "dobj"):
                found.append(c)
            elif c.dep_ == "prep" and c.lower_ == "as":
                found += [g for g in c.children if g.dep_ == "pobj"]
    return found
