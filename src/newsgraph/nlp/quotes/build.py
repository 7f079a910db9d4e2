"""Assemble an article's quotes: marks + parse attributions + layout, then speakers and links.

Stages, in order (each a function below):

1. ``find_quoted`` pairs quotation marks; ``find_attributions`` reads cues from the parse.
2. Each attribution is confronted with the quoted spans inside its content:
   content entirely inside marks -> a *direct* quote per quoted span (``said that "..."``,
   and the common parse of ``"...," he said`` where the quote is the cue's clause);
   marks around part of the content -> *partial* (span = content, fragments = the marks);
   no marks -> *indirect*.
3. Quoted spans still unattributed look for a cue in their *frames*: the rest of the sentence
   before the opening mark (``He said: "``) and after the closing one (``," said X.``).
   Two quotes sharing one cue are a split quote (the second continues the first).
4. Still unattributed, a quoted sentence that starts its sentence right after another quote
   (same or previous paragraph) is a *floating* continuation of that quote; anything else in
   marks (scare quotes, titles, names) is dropped.
5. Pull-quotes (``words — Credit``) and headline attributions (:mod:`.headlines`: ``..., says X``,
   ``X: ...``, ``Reports: ...``) come from the layout.
6. Quotes are sorted, speakers resolved in text order (pronouns look back), ``continues`` set.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.knowledge.cues import CueLexicon, load_lexicon
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.quotes.attribution import Attribution, find_attributions, trim
from newsgraph.nlp.quotes.blocks import block_quotations
from newsgraph.nlp.quotes.candidate import Candidate
from newsgraph.nlp.quotes.frames import FRAME_GAP, count_words, framed_and_floating
from newsgraph.nlp.quotes.headlines import headline_candidate
from newsgraph.nlp.quotes.marks import PullQuote, Quoted, find_pull_quotes, find_quoted
from newsgraph.nlp.quotes.ranking import RuleAnswer, SpeakerRanker
from newsgraph.nlp.quotes.speakers import Speakers
from newsgraph.nlp.syntax import DOCUMENT_NOUNS, mention_bounds
from newsgraph.records import Quote, TextSpan

_WORD = re.compile(r"\w+")
#: Words that link quoted spans without saying anything ("said that "A" and "B"").
_LINKING_WORDS = frozenset({"that", "and", "or"})
_RELAYING = wordlist("relaying_cues")
_COORDINATION = re.compile(r"\s*,?\s*(?:and|or)\s*")


def _outsidecount_words(text: str, att: Attribution, inside: list[Quoted]) -> int:
    """Words of the content outside the given quoted spans (not counting "that")."""
    chars = list(text[att.start : att.end])
    for q in inside:
        for i in range(max(q.open_at, att.start), min(q.outer_end, att.end)):
            chars[i - att.start] = " "
    rest = _WORD.findall("".join(chars))
    return len([w for w in rest if w.lower() not in _LINKING_WORDS])


def _cut_nested(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Cut an attribution's content before a trailing clause that is an attribution of its
    own, with its own subject ("to defy the government, which has ordered ...", "that the UK
    was complicit, although his responses described ..."); drop it when nothing is left
    ("According to ABC News, Basya believes ...": the inner source is the one annotated).
    """
    kept = []
    text = text_of(doc)
    nested = {id(i) for o in atts for i in atts if _restates(doc, o, i)}
    atts = [a for a in atts if id(a) in nested or not _reported_within(doc, a, atts)]
    for outer in atts:
        end = outer.end
        for inner in atts:
            cue = doc[inner.cue_token]
            if inner is outer or not outer.start < inner.cue_start < end or inner.end < end - 2:
                continue
            # "According to X, Y led the study and told Z that ...": Y's own words are Y's
            conjoined = cue.dep_ == "conj" and doc[outer.cue_token].lower_ == "according"
            if _complement_clause(cue):
                continue  # "said that A and that many groups regard X as Y": still the outer's words
            has_subject = any(c.dep_ == "nsubj" for c in cue.children)
            if not (has_subject or cue.lower_ == "according" or conjoined):
                continue
            end = min(end, _before_conjunction(doc, cue.left_edge.i))
        if end == outer.end:
            kept.append(outer)
            continue
        span = doc.char_span(outer.start, end, alignment_mode="contract")
        chars = trim(doc, span.start, span.end - 1) if span is not None and len(span) else None
        if chars is not None and count_words(text[chars[0] : chars[1]]) >= 2:
            kept.append(replace(outer, start=chars[0], end=chars[1]))
    return _innermost_sources(doc, kept)


def _restates(doc: Doc, outer: Attribution, inner: Attribution) -> bool:
    """The outer attribution relays the inner source's statement: an intermediary's cue
    (according to, report, write, quote: the gold guideline's nested attribution) whose whole
    content is the inner cue's clause, with its own subject before the cue ("According to AFP,
    officials have reported X", "reported that witnesses said X")."""
    cue = doc[inner.cue_token]
    if inner is outer or inner.direct_only or not outer.start <= inner.cue_start < outer.end:
        return False
    relay = doc[outer.cue_token]
    if relay.lemma_.lower() not in _RELAYING and relay.lower_ not in _RELAYING:
        return False  # "He said Russia had claimed Crimea": a speaker's own account of an act
    if inner.source is None or inner.source.idx > inner.cue_start or inner.source.pos_ == "PRON":
        return False  # "said that he believes ...": mostly the same source, one statement
    if not any(c.dep_ == "nsubj" for c in cue.children):
        return False
    left = doc[cue.left_edge.i].idx
    right = doc[cue.right_edge.i].idx + len(doc[cue.right_edge.i])
    return left <= outer.start + 1 and right >= outer.end - 2


def _innermost_sources(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """Nested attribution is annotated once, for the innermost source (the gold guideline):
    an attribution whose content another source's statement restates goes, and the inner one
    keeps the words to the end of the outer content (the parse may have cut its own content
    short) unless another cue comes first ("..., and X reported ...")."""
    ends: dict[int, int] = {}
    dropped: set[int] = set()
    for outer in atts:
        for inner in atts:
            if _restates(doc, outer, inner):
                dropped.add(id(outer))
                between = any(inner.end <= a.cue_start < outer.end for a in atts if a is not outer)
                ends[id(inner)] = max(ends.get(id(inner), inner.end), inner.end if between else outer.end)
    return [replace(a, end=ends[id(a)]) if id(a) in ends else a for a in atts if id(a) not in dropped]


def _complement_clause(cue: Token) -> bool:
    """A cue verb heading a "that" clause: a subordinate part of someone else's content."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in cue.children)


def _reported_within(doc: Doc, inner: Attribution, atts: list[Attribution]) -> bool:
    """An attribution inside another's content whose cue heads a "that" clause ("said that A
    and that rights groups regard the country as dangerous") or is the speaker's own attitude
    ("said she feared ..."): the outer source reports it, so it is not a statement of its own."""
    if not (_complement_clause(doc[inner.cue_token]) or _own_attitude(doc[inner.cue_token])):
        return False
    return any(o is not inner and o.start <= inner.cue_start and inner.end <= o.end for o in atts)


#: Verbs of attitude that report a position ("believed", "feared"): under a speech verb with a
#: pronoun subject they are the speaker's own words, not a second statement.
_ATTITUDES = frozenset({"believe", "think", "feel", "hope", "fear"})


def _own_attitude(cue: Token) -> bool:
    """ "said she feared X", "added that he believed X": one statement, the outer speaker's."""
    return cue.lemma_.lower() in _ATTITUDES and any(
        c.dep_ == "nsubj" and c.tag_ == "PRP" for c in cue.children
    )


def _before_conjunction(doc: Doc, i: int) -> int:
    """Character offset where a content cut before token ``i`` ends: without the "and"/"but"
    and punctuation that join it to what follows."""
    j = i
    while j > 0 and (doc[j - 1].dep_ == "cc" or doc[j - 1].is_punct):
        j -= 1
    return doc[j].idx if j < i else doc[i].idx


def _from_attributions(
    doc: Doc, atts: list[Attribution], quoted: list[Quoted], claimed: dict[int, Candidate]
) -> list[Candidate]:
    """Stage 2: direct / partial / indirect from each parse attribution.

    Inner attributions go first, so a quote nested in a reported statement ("reported that
    ... a message stating, "..."") is the inner source's direct quote.
    """
    found: list[Candidate] = []
    text = text_of(doc)
    for att in sorted(_cut_nested(doc, atts), key=lambda a: a.end - a.start):
        if att.direct_only:
            continue
        inside = [q for q in quoted if q.open_at < att.end and q.outer_end > att.start]
        base = {"cue": (att.cue_start, att.cue_end), "cue_token": att.cue_token, "source": att.source}
        if inside and _outsidecount_words(text, att, inside) == 0:
            first: Candidate | None = None
            for q in inside:
                if id(q) in claimed or q.single:
                    continue
                cand = Candidate(q.start, q.end, "direct", follows=first, **base)  # type: ignore[arg-type]
                claimed[id(q)] = cand
                found.append(cand)
                first = first or cand
            continue
        start, end = att.start, att.end
        words = [q for q in inside if _closingcount_words(text, att, q)]
        if words:  # the parser put the source's own sentence inside the summary's clause
            inside = [q for q in inside if q not in words]
            end = max(text.rfind(mark, att.start, words[0].open_at) for mark in ",:")
        inside += [q for q in quoted if q not in inside and _adjoins(text, end, q)]
        fragments = []
        for q in inside:
            if id(q) in claimed:
                continue
            start, end = min(start, q.open_at), max(end, q.outer_end)
            fragments.append((q.start, q.end))
        cand = Candidate(start, end, "partial" if fragments else "indirect", fragments=fragments, **base)  # type: ignore[arg-type]
        for q in inside:
            claimed.setdefault(id(q), cand)
        found.append(cand)
        for q in quoted:  # "said X needs support, "We need training. ..."": the words themselves
            if id(q) not in claimed and _adjoins(text, att.end, q, fragment=False):
                claimed[id(q)] = Candidate(q.start, q.end, "direct", **base)  # type: ignore[arg-type]
                found.append(claimed[id(q)])
    return found


def _coordinated(text: str, quoted: list[Quoted], claimed: dict[int, Candidate]) -> list[Candidate]:
    """Stage 3b: a quotation joined to a direct quote by "and"/"or" ("responded, "A" and "B"";
    "chanted "A" and "B""): the same source's words, a direct quote continuing the first."""
    found: list[Candidate] = []
    previous: tuple[Quoted, Candidate] | None = None
    for q in sorted(quoted, key=lambda q: q.open_at):
        cand = claimed.get(id(q))
        if cand is None and previous is not None and not q.single:
            first_q, first = previous
            gap = text[first_q.outer_end : q.open_at]
            if first.type == "direct" and q.close_at is not None and _COORDINATION.fullmatch(gap):
                cand = Candidate(q.start, q.end, "direct", follows=first)
                claimed[id(q)] = cand
                found.append(cand)
        previous = (q, cand) if cand is not None and (cand.start, cand.end) == (q.start, q.end) else None
    return found


def _adjoins(text: str, end: int, q: Quoted, fragment: bool = True) -> bool:
    """A quote that follows the content with only a comma between ("described X as an
    individual, "facing ..."") continues it: the content is partial, the quote a fragment.
    A quote that opens a sentence of its own ("said X needs support, "We need training. ..."")
    does not: it is the source's direct words after the summary, a quote of its own
    (``fragment=False`` asks for those)."""
    between = text[end : q.open_at].strip()
    joined = between in ("", ",") or (between == ":" and not fragment)  # "welcomed the vote: "...""
    # a quotation that runs over paragraphs has no closing mark in its first one: its own words
    near = 0 <= q.open_at - end <= 3 and joined and (q.close_at is not None or not fragment)
    return near and _own_sentence(text[q.start : q.end]) != fragment


def _closingcount_words(text: str, att: Attribution, q: Quoted) -> bool:
    """A quoted sentence of its own that closes the content after a comma or a colon ("said the
    team was tired, "Three games in six days is too many."", "argued that X: "...")."""
    before = text[att.start : q.open_at].rstrip()
    return (
        q.open_at > att.start
        and before.endswith((",", ":"))
        and q.outer_end >= att.end - 1
        and _own_sentence(text[q.start : q.end])
        and count_words(before) >= 2
    )


def _own_sentence(words: str) -> bool:
    """Quoted words that are a sentence of their own: a capital first letter and either an
    inner sentence end or six words or more."""
    inner = words.strip()
    if not inner[:1].isupper():
        return False
    return count_words(inner) >= 6 or any(mark in inner[:-1] for mark in (". ", "! ", "? "))


def _pull_quotes(pulls: list[PullQuote], text: str) -> list[Candidate]:
    """Stage 5a: ``words — Credit``; the credit up to its first comma names the source."""
    found = []
    for p in pulls:
        credit = text[p.credit_start : p.credit_end].split(",")[0].rstrip()
        found.append(
            Candidate(p.start, p.end, "direct", credit=(p.credit_start, p.credit_start + len(credit)))
        )
    return found


def _dedupe(cands: list[Candidate], pulls: list[PullQuote]) -> list[Candidate]:
    """Drop candidates that repeat another: overlapping one kept by half or more (the first
    kept wins, unless the newcomer's cue lies inside it: the inner attribution of a nested
    one wins), or whose cue lies inside a pull-quote (the quoted speaker's own words)."""
    kept: list[Candidate] = []
    for cand in cands:
        if cand.cue is not None and any(p.start <= cand.cue[0] < p.end for p in pulls):
            continue
        clash = None
        for other in kept:
            inter = min(cand.end, other.end) - max(cand.start, other.start)
            union = max(cand.end, other.end) - min(cand.start, other.start)
            if union > 0 and inter / union >= 0.5:
                clash = other
                break
        if clash is None:
            kept.append(cand)
        elif cand.cue is not None and clash.start <= cand.cue[0] < clash.end and clash.credit is None:
            kept[kept.index(clash)] = cand
    return kept


def _resolve(doc: Doc, cands: list[Candidate], speakers: Speakers) -> None:
    """Stage 6a: speakers.  The rules resolve the cue's source through the discourse layer; the
    ranker (:mod:`.ranking`) weighs that answer against the other entities in reach and sets
    the speaker with its confidence.  Continuations inherit; credits name their speaker."""
    ranker = SpeakerRanker(doc, speakers.discourse)
    for cand in cands:
        if cand.follows is not None and cand.source is None:
            cand.speaker, cand.entity = cand.follows.speaker, cand.follows.entity
            cand.confidence = cand.follows.confidence
        elif cand.credit is not None:
            _credit_speaker(doc, cand, speakers)
        else:
            rule: RuleAnswer | None = None
            if cand.source is not None:
                bounds = mention_bounds(cand.source)
                span = doc[bounds[0] : bounds[1]]
                cand.mention = (span.start_char, span.end_char)
                rule = speakers.resolve(cand.source, bounds)
            anchor = cand.cue[0] if cand.cue is not None else cand.start
            cand.speaker, cand.entity, cand.confidence = ranker.choose((cand.start, cand.end), anchor, rule)
            if rule is not None and (cand.speaker, cand.entity) != (rule.name, rule.entity):
                cand.mention = None  # the source phrase is not the chosen speaker's mention
        if cand.entity is not None:
            ranker.previous = cand.entity


def _credit_speaker(doc: Doc, cand: Candidate, speakers: Speakers) -> None:
    """A pull-quote's or headline's credit ("-- Jane Roe, UN envoy"): the referent of its words."""
    assert cand.credit is not None
    start, end = cand.credit
    words = text_of(doc)[start:end].split()
    while len(words) > 1 and words[-1].lower() in DOCUMENT_NOUNS:
        words.pop()
    cand.mention = (start, end)
    span = doc.char_span(start, start + len(" ".join(words)), alignment_mode="expand")
    root = span.root if span is not None else None  # "Witness to the Silea attack" is no place
    found = speakers.referent(root.idx, root.idx + len(root)) if root is not None else None
    if found is not None and found.entity is not None:
        cand.speaker, cand.entity, cand.confidence = found.name, found.entity.id, found.confidence
        return
    cand.speaker, cand.confidence = " ".join(words), 1.0


def _to_records(doc: Doc, cands: list[Candidate]) -> list[Quote]:
    """Stage 6b: records, with ``continues`` as indexes into the final list."""
    index = {id(c): i for i, c in enumerate(cands)}
    text = text_of(doc)
    quotes = []
    for cand in cands:
        follows = index.get(id(cand.follows)) if cand.follows is not None else None
        quotes.append(
            Quote(
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                type=cand.type,
                speaker=cand.speaker,
                speaker_entity=cand.entity,
                speaker_confidence=None if cand.confidence is None else round(cand.confidence, 3),
                speaker_mention=_text_span(text, cand.mention),
                cue=_text_span(text, cand.cue),
                continues=follows,
                fragments=tuple(TextSpan(text[s:e], s, e) for s, e in cand.fragments),
            )
        )
    return quotes


def _text_span(text: str, bounds: tuple[int, int] | None) -> TextSpan | None:
    return None if bounds is None else TextSpan(text[bounds[0] : bounds[1]], bounds[0], bounds[1])


def extract_quotes(doc: Doc, lexicon: CueLexicon | None = None, frame_gap: int = FRAME_GAP) -> list[Quote]:
    """All attributed statements of an analysed Doc, as Quote records in text order."""
    lexicon = lexicon or load_lexicon()
    text = text_of(doc)
    quoted = find_quoted(text)
    claimed: dict[int, Candidate] = {}
    cands = _from_attributions(doc, find_attributions(doc, lexicon, quoted), quoted, claimed)
    cands += framed_and_floating(doc, quoted, lexicon, claimed, cands, frame_gap)
    cands += _coordinated(text, quoted, claimed)
    cands += block_quotations(doc, lexicon, cands)
    headline = headline_candidate(doc, text, lexicon)
    pulls = find_pull_quotes(text)
    layout = _pull_quotes(pulls, text) + ([headline] if headline else [])
    cands = _dedupe(sorted(layout, key=lambda c: c.start) + sorted(cands, key=lambda c: c.start), pulls)
    cands.sort(key=lambda c: (c.start, c.end))
    _resolve(doc, cands, Speakers(doc))
    return _to_records(doc, cands)
