"""Headline attributions (stage 5b of :mod:`newsgraph.nlp.quotes.build`): ``..., says X``,
``Reports: ...`` and ``...: Cuban officials`` on the article's title line."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.nlp.knowledge.cues import CueLexicon
from newsgraph.nlp.quotes.candidate import Candidate
from newsgraph.nlp.quotes.marks import paragraphs


def _title_line(doc: Doc, text: str) -> tuple[int, int] | None:
    """The first paragraph when it is the article's title (plain-text input keeps it)."""
    article = doc._.ng_article
    title = getattr(article, "title", None)
    if not title:
        return None
    paras = paragraphs(text[: len(title) + 200])
    if not paras:
        return None
    start, end = paras[0]
    return (start, end) if text[start:end].strip() == title.strip() else None


_SAYS = re.compile(r"^(?P<content>.+?),\s+(?P<cue>[A-Za-z]+)\s+(?P<src>[^,]{2,60})$")
_SOURCE_FIRST = re.compile(r"^(?P<src>[^:]{2,30}):\s+(?P<content>.+)$")
_SOURCE_LAST = re.compile(r"^(?P<content>.+):\s+(?P<src>[^:]{2,40})$")


def headline_candidate(doc: Doc, full: str, lexicon: CueLexicon) -> Candidate | None:
    """Stage 5b: ``..., says X`` / ``Reports: ...`` / ``...: Cuban officials``."""
    line = _title_line(doc, full)
    if line is None:
        return None
    base, text = line[0], full[line[0] : line[1]]
    m = _SAYS.match(text)
    if m and lexicon.verb_patterns(_lemma(m.group("cue"))) is not None and _agrees(doc, base, m):
        return _headline_cand(base, m, "src", "cue")
    m = _SOURCE_FIRST.match(text)
    if m and (m.group("src").strip().lower() in lexicon.headline_sources or _named_source(doc, base, m)):
        cand = _headline_cand(base, m, "src", None)
        cand.cue = (base + m.start("src"), base + m.end("src") + 1)
        return cand
    m = _SOURCE_LAST.match(text)
    if m and m.group("src").split()[-1].lower() in lexicon.headline_sources:
        return _headline_cand(base, m, "src", None)
    return None


def _agrees(doc: Doc, base: int, m: re.Match[str]) -> bool:
    """A headline's verb is in the simple present and agrees with its source ("..., says X",
    "..., say officials"): a bare form before a singular ("..., state issues alert") is a noun
    or another clause, not a cue."""
    if _lemma(m.group("cue")) != m.group("cue").lower():
        return True
    src = doc.char_span(base + m.start("src"), base + m.end("src"), alignment_mode="expand")
    return src is not None and len(src) > 0 and src[-1].tag_ in ("NNS", "NNPS")


#: Entity types that can be a headline's source ("UN: ..."); a place before the colon is the
#: story's dateline or topic ("Iraq: bomb kills 20").
_SOURCE_TYPES = frozenset({"ORG", "PERSON", "NORP"})


def _named_source(doc: Doc, base: int, m: re.Match[str]) -> bool:
    """ "UN: Military attacks violated international law": a name before the colon and a clause
    with a finite verb after it attribute the headline to the named source."""
    src = doc.char_span(base + m.start("src"), base + m.end("src"), alignment_mode="expand")
    content = doc.char_span(base + m.start("content"), base + m.end("content"), alignment_mode="expand")
    if src is None or content is None or not all(t.ent_type_ in _SOURCE_TYPES for t in src):
        return False
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in content)


def _headline_cand(base: int, m: re.Match[str], src: str, cue: str | None) -> Candidate:
    cand = Candidate(base + m.start("content"), base + m.end("content"), "indirect")
    cand.credit = (base + m.start(src), base + m.end(src))
    if cue is not None:
        cand.cue = (base + m.start(cue), base + m.end(cue))
    return cand


def _lemma(word: str) -> str:
    lower = word.lower()
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return lower[: -len(suffix)] + repl if lower[: -len(suffix)] + repl else lower
    return lower
