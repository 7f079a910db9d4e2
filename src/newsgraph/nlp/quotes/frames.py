"""Stages 3 and 4 of quote building: quoted spans no parse attribution claimed look for a cue in
their *frames* -- the rest of the sentence before the opening mark (``He said: "``) and after the
closing one (``," said X.``) -- and, failing that, continue the quote before them (floating
quotes).  Split from :mod:`.build`, which runs the stages in order.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.knowledge.cues import CueLexicon
from newsgraph.nlp.quotes.attribution import can_speak, inside_quote
from newsgraph.nlp.quotes.candidate import Candidate
from newsgraph.nlp.quotes.marks import Quoted
from newsgraph.nlp.syntax import source_token

_WORD = re.compile(r"\w+")
FRAME_GAP = 8  # tokens allowed between a closing mark and its cue ("," said the government spokesman)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _cue_tokens(doc: Doc, start: int, end: int, lexicon: CueLexicon, quoted: list[Quoted]) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [
        t
        for t in span
        if t.tag_.startswith("VB")
        and lexicon.verb_patterns(t.lemma_) is not None
        and not any(c.dep_ == "neg" for c in t.children)
        and not _agentless_passive(t)
        and not (t.dep_ in ("acl", "amod") and t.tag_ == "VBN")
        and not inside_quote(t.idx, quoted)
    ]


def _agentless_passive(token: Token) -> bool:
    """``"War and Peace" was read aloud``: a passive cue with no ``by`` names no source."""
    deps = {c.dep_ for c in token.children}
    return "auxpass" in deps and "agent" not in deps


def _frame_cue(
    doc: Doc,
    text: str,
    q: Quoted,
    bounds: tuple[int, int],
    lexicon: CueLexicon,
    quoted: list[Quoted],
    frame_gap: int = FRAME_GAP,
) -> Token | None:
    """Stage 3: the cue of a quote from the text around it in its sentence(s).

    After the closing mark, the cue must come within a few tokens, with nothing but
    punctuation and the source between (``," said X`` / ``," X said``): a preposition or a
    verb there means the quoted words are a term inside a longer sentence.  Before the
    opening mark, the cue may be followed by its object (``told CNN "``), a comma, a colon or
    "that"; a colon also allows a longer framing clause (``cited examples ..., including:``).
    Short quotes (under four words) need the comma or colon before, or punctuation at their
    end after: ``adding the words "X"`` or ``a group calling itself "X" posted`` name a
    term, they do not quote a source.
    """
    short = count_words(text[q.start : q.end]) < 4
    closed_by_punct = text[q.start : q.end].rstrip()[-1:] in (",", ".", "!", "?", "…") or (
        text[q.outer_end : q.outer_end + 1] == ","
    )
    after = _cue_tokens(doc, q.outer_end, bounds[1], lexicon, quoted)
    if after and (closed_by_punct or not short):
        cue = after[0]
        gap = [
            t for t in doc.char_span(q.outer_end, cue.idx, alignment_mode="expand") or [] if not t.is_space
        ]
        if len(gap) <= frame_gap and not any(t.pos_ in ("VERB", "ADP") for t in gap):
            return cue
    before = _cue_tokens(doc, bounds[0], q.open_at, lexicon, quoted)
    if not before:
        return (_colon_frame(doc, text, bounds[0], q) or _that_frame(doc, text, q)) if not short else None
    cue = before[-1]
    gap_span = doc.char_span(cue.idx + len(cue.text), q.open_at, alignment_mode="contract")
    gap = [t for t in gap_span or [] if not t.is_space]
    last = gap[-1].text if gap else ""
    if last == ":":
        return cue
    if short and last not in (",", ""):
        return None
    # "chanted slogans like "..."", "shouted words such as "...": examples of what was said
    example = len(gap) >= 2 and (
        last in ("like", "including") or [t.lower_ for t in gap[-2:]] == ["such", "as"]
    )
    ok_end = last in (",", "that", "") or gap[-1].pos_ in ("NOUN", "PROPN", "PRON") or example
    if ok_end and not any(t.pos_ == "VERB" or t.text in ".;" for t in (gap[:-1] if example else gap)):
        return cue
    return None


def _colon_frame(doc: Doc, text: str, start: int, q: Quoted) -> Token | None:
    """A framing clause that ends in a colon or a dash right before the quote introduces it
    whatever its verb ("X sighed: "...", "X welcomed the vote: "...", "X was blunt -- "..."): the
    clause's verb is the cue when its subject is a nominal or a personal pronoun."""
    head = text[start : q.open_at].rstrip()
    if not head.endswith((":", "—", "–", " -")):
        return None
    end = start + len(head)  # ``head`` starts at the sentence, not at the text
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None or len(colon) == 0 or colon[0].i == 0:
        return None
    # the clause's verb: up from the word before the colon to the first verb with a subject
    # ("A statement addressed reports that one man had been wounded:" -- not "wounded")
    verb: Token | None = doc[colon[0].i - 1]
    for _ in range(8):
        if verb is None or verb.idx < start or verb.i >= colon[0].i:
            return None  # the frame's verb stands between the sentence start and the colon
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.pos_ in ("VERB", "AUX") and subject is not None:
            speaks = subject.pos_ in ("PROPN", "NOUN", "PRON") and subject.lower_ not in ("it", "this")
            return verb if speaks else None
        verb = verb.head if verb.head.i != verb.i else None
    return None


def _that_frame(doc: Doc, text: str, q: Quoted) -> Token | None:
    """ "X reacted that "..."": a quotation that is a whole that-clause reports someone's words
    whatever the verb, when the verb's subject can speak (a name, a pronoun, a noun for people
    or bodies)."""
    if not text[: q.open_at].rstrip().endswith(" that"):
        return None
    mark = doc.char_span(q.open_at - 5, q.open_at - 1, alignment_mode="expand")
    if mark is None or not len(mark) or mark[-1].lower_ != "that":
        return None
    verb = mark[-1].head.head if mark[-1].dep_ == "mark" else mark[-1].head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.pos_ not in ("VERB", "AUX") or subject is None or not can_speak(subject):
        return None
    return verb


def _frame_source(cue: Token, q: Quoted) -> Token | None:
    """The source of a cue found in a quote's frame.

    After the quote, the source often follows the cue (``," said the post by ...``,
    ``," read the statement``): the parser makes it the subject or the object, so either
    is taken when it stands after the cue.
    """
    if cue.idx >= q.outer_end:
        for child in cue.rights:
            if child.dep_ in ("nsubj", "dobj"):
                return child
    return source_token(cue)


def _sentence_bounds(doc: Doc, pos: int) -> tuple[int, int]:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return pos, pos
    sent = span[0].sent
    return sent.start_char, sent.end_char


def _frames(doc: Doc, text: str, q: Quoted, quoted: list[Quoted]) -> tuple[int, int]:
    """Where a quote's cue may stand: from its sentence start (or the previous quote's end,
    or the end of the previous paragraph when it ends in ``,``/``:``) to its sentence end (or
    the next quote's opening mark)."""
    start = _sentence_bounds(doc, q.open_at)[0]
    end = _sentence_bounds(doc, max(q.outer_end - 1, q.open_at))[1]
    for other in quoted:
        if other.outer_end <= q.open_at and other.outer_end > start:
            start = other.outer_end
        if other.open_at >= q.outer_end and other.open_at < end:
            end = other.open_at
    if start == q.open_at and q.starts_paragraph:
        prev = text[:start].rstrip()
        if prev.endswith((",", ":")):
            start = _sentence_bounds(doc, len(prev) - 1)[0]
    return min(start, q.open_at), max(end, q.outer_end)


def framed_and_floating(
    doc: Doc,
    quoted: list[Quoted],
    lexicon: CueLexicon,
    claimed: dict[int, Candidate],
    found: list[Candidate],
    frame_gap: int = FRAME_GAP,
) -> list[Candidate]:
    """Stages 3 and 4 for the quoted spans no attribution claimed."""
    by_cue: dict[int, Candidate] = {
        c.cue_token: c for c in found if c.cue_token is not None and c.type == "direct"
    }
    extra: list[Candidate] = []
    full = text_of(doc)
    for q in quoted:
        if id(q) in claimed or _inside_candidate(q, found + extra):
            continue
        words = count_words(full[q.start : q.end])
        if words < (4 if q.single else 2):
            continue
        bounds = _frames(doc, full, q, quoted)
        cue = _frame_cue(doc, full, q, bounds, lexicon, quoted, frame_gap)
        cand: Candidate | None = None
        if cue is not None:
            first = by_cue.get(cue.i)
            cand = Candidate(
                q.start,
                q.end,
                "direct",
                cue=(cue.idx, cue.idx + len(cue.text)),
                cue_token=cue.i,
                source=_frame_source(cue, q),
                follows=first,
            )
            by_cue.setdefault(cue.i, cand)
        elif full[bounds[0] : q.open_at].strip() == "" and words >= 3:
            previous = _previous(q, found + extra, full)
            if previous is not None:
                cand = Candidate(q.start, q.end, "direct", follows=previous)
        if cand is not None:
            claimed[id(q)] = cand
            extra.append(cand)
    return extra


def _inside_candidate(q: Quoted, cands: list[Candidate]) -> bool:
    return any(c.start <= q.open_at and q.outer_end <= c.end + 1 and c.type != "direct" for c in cands)


def _previous(q: Quoted, cands: list[Candidate], text: str) -> Candidate | None:
    """The quote a floating quote continues: the last one before it, in its paragraph or the
    one before."""
    earlier = [c for c in cands if c.end <= q.open_at]
    if not earlier:
        return None
    last = max(earlier, key=lambda c: c.end)
    middle = text[last.end : q.open_at].split("\n")[1:-1]
    return last if not any(line.strip() for line in middle) else None
