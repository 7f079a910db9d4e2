"""The acronym pass: an organisation's short form joins its long form.

News spells an organisation out once and abbreviates it after that, either defining the short
form in brackets ("the World Food Programme (WFP)") or relying on the reader to know it ("the
Central Intelligence Agency ... the CIA").  Two general patterns, no list of organisations:

- *definition*: a name directly followed by ``(SHORT)``, ``, or SHORT,`` or `` - SHORT``, SHORT in
  capitals: SHORT is that name, whatever its letters (translated names: "Reporters Without
  Borders (RSF)"; "the Institute for X, or IFX,"; "the Revolutionary Armed Forces - FARC");
- *initials*: a capitalised short form (2-8 letters) equal to the initials of a longer name's
  words, with or without its function words ("of", "for", "and", "the"): "UNHCR" = "United
  Nations High Commissioner for Refugees", "NATO" = "North Atlantic Treaty Organization".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.nlp.discourse.names import Cluster
from newsgraph.nlp.doc_cache import tokens_of
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.names import Mention

_FUNCTION_WORDS = wordlist("acronym_function_words")
_SHORT = re.compile(r"^[A-Z][A-Za-z&]{0,2}[A-Z&]{1,6}(?:-[A-Z]{2,6})?s?$")  # also "JTF-GTMO"
_LINKED = frozenset({"ORG", "GPE", "PERSON", "NORP"})
_DEFINITION_CLOSE = frozenset({")", ",", ".", ";", ":"})


def _short_form(text: str) -> str | None:
    """The letters of a short form ("UNHCR", "the WFP", "U.N." -> "UN"), or None."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0].replace(".", "").removesuffix("'s").removesuffix("’s")
    return word.upper() if _SHORT.match(word) and sum(c.isupper() for c in word) >= 2 else None


def initials(name: str) -> set[str]:
    """The initials a long name can be abbreviated to: all words, and content words only."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS).upper()
    return {every, content}


def _long_name(c: Cluster) -> str:
    names = [m.canonical or m.text for m in c.names()]
    return max(names, key=lambda n: len(n.split()), default="")


def link_acronyms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with every short form merged into its long form (module docstring)."""
    short: dict[int, str] = {}
    for c in clusters:
        forms = {_short_form(m.text) for m in c.names()}
        forms.discard(None)
        if c.label in _LINKED and len(forms) == 1 and all(len(m.text.split()) <= 2 for m in c.names()):
            short[id(c)] = forms.pop()  # type: ignore[assignment]
    if not short:
        return clusters
    merged: set[int] = set()
    sites = _definition_sites(doc)
    for c in clusters:
        form = short.get(id(c))
        if form is None:
            continue
        owner = _defined_by_bracket(sites.get(form, []), form, c, clusters) or _by_initials(form, c, clusters)
        if owner is None:
            _add_untagged_long_form(doc, c, form)
            continue
        if owner is c or id(owner) in merged:
            continue
        for m in c.mentions:  # the long form decides the type: "NRA" tagged as a place is the authority
            m.sieve, m.label = "acronym", owner.label
        owner.mentions.extend(c.mentions)
        merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _definition_sites(doc: Doc) -> dict[str, list[int]]:
    """Short form -> where each long name defining it ends: "NAME (SHORT)", "NAME, or SHORT,",
    "NAME - SHORT" (found once per document, not once per short form)."""
    sites: dict[str, list[int]] = {}
    tokens = tokens_of(doc)
    for tok in tokens:
        i = tok.i
        name_end = _definition_end(tokens, i)
        if name_end is None:
            continue
        close = next(
            (j for j in range(i + 1, min(i + 4, len(doc))) if tokens[j].text in _DEFINITION_CLOSE), None
        )
        form = _short_form("".join(t.text for t in tokens[i:close])) if close is not None else None
        if form is not None:  # "(JTF-GTMO)" is three tokens
            sites.setdefault(form, []).append(name_end)
    return sites


def _defined_by_bracket(
    name_ends: list[int], form: str, c: Cluster, clusters: list[Cluster]
) -> Cluster | None:
    """The cluster whose name stands right before ``(FORM)`` anywhere in the text (the model
    often leaves the bracketed short form itself untagged); ``name_ends``: where the long names
    defining ``form`` end (:func:`_definition_sites`)."""
    for name_end in name_ends:
        for other in clusters:
            if (
                other is not c
                and other.label in ("ORG", "GPE", "NORP")
                and any(o.end == name_end for o in other.names())
                and ("-" not in form or _spells(form, initials(_long_name(other))))
            ):
                return other  # a hyphenated form must spell its name ("Office Jakarta (RSO-JKT)")
    return None


def _definition_end(tokens: list[Token], i: int) -> int | None:
    """Where the long name ends when token ``i`` opens a short form defined right after it:
    "NAME (SHORT)", "NAME, or SHORT," and "NAME - SHORT" (a spaced dash)."""
    if i >= 2 and tokens[i - 1].text == "(":
        return i - 1
    if i >= 3 and tokens[i - 1].lower_ == "or" and tokens[i - 2].text == ",":
        return i - 2
    if (
        i >= 2
        and tokens[i - 1].text in {"-", "–", "—"}
        and tokens[i - 1].whitespace_
        and tokens[i - 2].whitespace_
    ):
        return i - 1
    return None


def _by_initials(form: str, c: Cluster, clusters: list[Cluster]) -> Cluster | None:
    letters = form.removesuffix("S") if form.endswith("S") and len(form) > 3 else form
    found = [
        o
        for o in clusters
        if o is not c and o.label in ("ORG", "GPE", "NORP") and {form, letters} & initials(_long_name(o))
    ]
    return found[0] if len(found) == 1 else None


def _add_untagged_long_form(doc: Doc, c: Cluster, form: str) -> None:
    """ "the World Food Programme (WFP)" where the model tagged only "WFP": the capitalised words
    before the bracket whose initials spell the short form are its long form."""
    for m in c.names():
        if m.start < 2 or doc[m.start - 1].text != "(":
            continue
        start = m.start - 1
        while start > 0 and m.start - 1 - start < 10:
            word = doc[start - 1].text
            if not (word[:1].isupper() or word.lower() in _FUNCTION_WORDS - {"the"}):
                break
            start -= 1
        while start < m.start - 1 and doc[start].text.lower() in _FUNCTION_WORDS:
            start += 1
        text = doc[start : m.start - 1].text
        if start < m.start - 1 and _spells(form, initials(text)):
            long_form = Mention(start, m.start - 1, c.label, text, canonical=text, sieve="acronym")
            long_form.set_chars(doc)
            c.mentions.append(long_form)
            return


def _spells(form: str, spelled: set[str]) -> bool:
    """A short form equal to the initials, or a hyphenated one whose first part starts them
    ("JTF-GTMO" for "Joint Task Force Guantanamo")."""
    first = form.split("-")[0]
    return form in spelled or ("-" in form and len(first) >= 2 and any(s.startswith(first) for s in spelled))
