"""Title and role phrases: "U.S. Secretary of State", "Russia's foreign minister", "the spokesman".

News names people through their positions, and the small NER model turns those positions into
organisations ("State", "Defense Lloyd Austin", "Russian Presidential Spokesman").  We find title
phrases with the titles lexicon instead, before any entity is built:

- the *head* is a lexicon entry ("secretary of state", "spokesman", "prime minister");
- *left modifiers* are the capitalised words, country names/demonyms and noun/adjective modifiers
  directly before the head ("U.S.", "Russian Presidential", "Environment Canada", "city");
  a possessive stops the phrase and becomes its *possessor* ("Russia's" foreign minister);
- a *complement* "of/for (the) Capitalised Words" may follow ("Secretary of State", "CEO of the
  Refugee Council").  When a complement runs on into a person's name that the NER missed
  ("Secretary of Defense Lloyd Austin"), the name is split off as ``trailing_name``.

The phrases are attached to names (pre-nominal, appositive) by :mod:`newsgraph.nlp.mentions.roles`;
unattached definite ones ("the spokesman") become title mentions that the discourse layer resolves.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import span_text, tokens_of
from newsgraph.nlp.knowledge.agents import phoenix_agent_sectors
from newsgraph.nlp.knowledge.cities import common_word
from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, given_name_gender, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist

_STOP_POS = frozenset({"DET", "PRON", "VERB", "AUX", "ADP", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT", "SYM"})
_LINKS = wordlist("title_links")
_INNER = wordlist("title_inner_words")
_POSSESSIVE = wordlist("possessive")
_MAX_LEFT = 6
_MAX_RUN = 10
#: Lower-case nouns that complete a place name in a title's complement ("of Kandahar province").
_PLACE_NOUNS = wordlist("region_nouns")


@dataclass(slots=True)
class TitlePhrase:
    """A title phrase ``doc[start:end]`` with its lexicon head and what it says about the holder."""

    start: int
    end: int
    head_start: int
    head_end: int
    key: str
    sector: str
    gender: str | None
    country: str | None
    possessor: tuple[int, int] | None = None
    trailing_name: tuple[int, int] | None = None
    attached: bool = False
    display: str | None = None
    display_end: int | None = None  # token end of ``display`` (an appositive runs past ``end``)

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or (text[0].isdigit() and any(c.isalpha() for c in text)))


def _head_at(doc: Doc, i: int, tokens: list[Token]) -> tuple[int, str] | None:
    """The longest title-lexicon entry starting at token ``i``: (end token, key).

    ``tokens``: the Doc's token list (:func:`~newsgraph.nlp.doc_cache.tokens_of`).
    """
    g = gazetteer()
    if i >= len(tokens) or tokens[i].lower_.rstrip(".") not in g.title_first_words:
        return None  # (a text may end with a title: "... said the deputy minister")
    titles = g.titles
    limit = min(len(tokens), i + 6)
    for end in range(limit, i, -1):
        key = span_text(doc, i, end).lower()
        if key in titles and (end == i + 1 or tokens[end - 1].text not in {"-"}):
            return end, key
    return None


def _joins(prev: Token, nxt: Token) -> bool:
    """True if title head ``nxt`` continues the head ending with ``prev`` ("Deputy director").

    A capitalised or abbreviated head after a lower-case one starts a second title instead
    ("military spokesman Maj. Tom Holloway").
    """
    if nxt.text.endswith("."):
        return False
    return not (_is_cap(nxt) and not _is_cap(prev))


def _line_floor(doc: Doc, sent_start: int) -> int:
    """Where a title may start: its sentence, or before a dotted abbreviation that wrongly ended
    the previous one ("U.S. | Secretary of State")."""
    prev = sent_start - 1
    dotted = prev >= 0 and doc[prev].text.endswith(".") and "\n" not in doc[prev].whitespace_
    if dotted and (country_of_place(doc[prev].text) or doc[prev].text in gazetteer().orgs):
        return prev
    return sent_start


def _modifies_noun(doc: Doc, end: int) -> bool:
    """A title word used as a modifier: "the Justice Ministry", "member states", "the president's office"."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in gazetteer().org_name_words and nxt.text[:1].isupper():
        return True
    if (
        nxt.text in _POSSESSIVE
        and end + 1 < len(doc)
        and doc[end + 1].lower_ in {"office", "department", "ministry"}
    ):
        return True
    return nxt.pos_ == "NOUN" and nxt.text[:1].islower()


def _left_modifier(token: Token, person: set[int]) -> bool:
    """True if ``token`` can be a left modifier of a title head (see module docstring)."""
    if token.i in person or token.is_space or "\n" in token.whitespace_:
        return False
    lower = token.lower_
    if lower in gazetteer().titles or lower in gazetteer().title_modifiers:
        return True
    if token.pos_ in _STOP_POS:
        return token.text in {"-"} and not token.whitespace_
    if _is_cap(token):
        return token.pos_ in {"PROPN", "ADJ", "NOUN", "X", "INTJ"}
    return token.pos_ in {"NOUN", "ADJ"} and token.dep_ in {"compound", "amod", "nmod"}


def _possessor(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised run ending before the possessive token ``doc[i]``, if any."""
    j = i
    while j > 0 and _is_cap(doc[j - 1]) and i - j < 5:
        j -= 1
    return (j, i) if j < i else None


def _cap_run(doc: Doc, k: int, sent_end: int) -> int:
    """End of the run of capitalised words (with inner "and/of/for/the") starting at ``k``."""
    j = k
    while j < sent_end and j - k < _MAX_RUN:
        tok = doc[j]
        if _is_cap(tok) or (tok.lower_ in _INNER and j + 1 < sent_end and _is_cap(doc[j + 1]) and j > k):
            j += 1
        else:
            break
    while j > k and not _is_cap(doc[j - 1]):
        j -= 1
    return j


def _plain_cap(token: Token) -> bool:
    """A capitalised word that is no org word, country or title (so it may start a name)."""
    g = gazetteer()
    lower = token.lower_
    return (
        _is_cap(token)
        and lower not in g.org_name_words
        and lower.rstrip(".") not in g.titles
        and country_of_place(token.text) is None
    )


def _one_name(doc: Doc, k: int, j: int) -> bool:
    """True if the model tagged ``doc[k:j]`` as (part of) one organisation or place name.

    "head of the Sahel Health Alliance": the run is the organisation, and its last words are no
    trailing person name even when the lexicon lacks the organisation word.
    """
    label = doc[j - 1].ent_type_
    return label in {"ORG", "GPE", "LOC", "FAC"} and all(
        t.ent_type_ == label and (t.i == k or t.ent_iob_ == "I") for t in doc[k:j]
    )


def complement_word(word: str) -> bool:
    """An ordinary English word (or its plural) that is no given name ("Affairs", "Development",
    "Security"): the last word of a title's complement, where a trailing three-word name would
    have its given name ("Minister for Foreign Affairs | Kwame Asante")."""
    ordinary = common_word(word) or (word.endswith("s") and common_word(word[:-1]))
    return ordinary and given_name_gender(word) is None


def _split_run(doc: Doc, k: int, j: int, person_starts: set[int]) -> tuple[int, tuple[int, int] | None]:
    """Split a complement run ``doc[k:j]`` into (complement end, trailing person name or None)."""
    for p in range(k + 1, j):
        if p in person_starts:
            if doc[p - 1].text in gazetteer().honorifics:
                return p - 1, None  # "Director of Medical Service | Dr. Ann Were"
            while p - 1 > k and _plain_cap(doc[p - 1]):
                p -= 1
            return p, None
    if (
        j - k < 3
        or (j < len(doc) and (_is_cap(doc[j]) or doc[j].text in _POSSESSIVE))
        or _one_name(doc, k, j)
    ):
        return j, None
    cut = j
    while (
        cut - 1 > k and j - (cut - 1) <= 3 and _plain_cap(doc[cut - 1]) and doc[cut - 2].lower_ not in _INNER
    ):
        if j - (cut - 1) == 3 and complement_word(doc[cut - 1].text):
            break  # "for African Affairs | Jendayi Frazer": a three-word name starts with a name
        cut -= 1
    if j - cut >= 2 and all(_plain_cap(t) for t in doc[cut:j]):
        return cut, (cut, j)
    return j, None


def _complement(
    doc: Doc, end: int, sent_end: int, person_starts: set[int]
) -> tuple[int, tuple[int, int] | None]:
    """Extend a title phrase over "of/for (the) Capitalised Words"; returns (end, trailing name)."""
    if end >= sent_end or doc[end].lower_ not in _LINKS:
        return end, None
    k = end + 1
    if k < sent_end and doc[k].lower_ == "the":
        k += 1
    if k >= sent_end or not _is_cap(doc[k]) or k in person_starts:
        return end, None
    j = _cap_run(doc, k, sent_end)
    end, trailing = _split_run(doc, k, j, person_starts)
    if trailing is None and end < sent_end and doc[end].lower_ in _PLACE_NOUNS and doc[end].pos_ == "NOUN":
        end += 1  # "governor of Ouaddai province": the place noun belongs to the place
    return end, trailing


def _phrase_country(doc: Doc, start: int, end: int, possessor: tuple[int, int] | None) -> str | None:
    """The country a title phrase names: a demonym or country name inside it, else its possessor."""
    g = gazetteer()
    spans = [(start, end)] + ([possessor] if possessor else [])
    for s, e in spans:
        for i in range(s, e):
            for n in (3, 2, 1):
                if i + n > e:
                    continue
                text = doc[i : i + n].text
                hit = lookup(g.demonyms, text) or lookup(g.country_names, text)
                if hit is not None:
                    return hit.iso3
                org = g.orgs.get(text)
                if org is not None and org.country:
                    return org.country
    if possessor:
        return country_of_place(doc[possessor[0] : possessor[1]].text)
    return None


def find_title_phrases(doc: Doc, person_tokens: set[int], person_starts: set[int]) -> list[TitlePhrase]:
    """All title phrases of ``doc`` in text order, non-overlapping (leftmost-longest heads)."""
    g = gazetteer()
    phrases: list[TitlePhrase] = []
    tokens = tokens_of(doc)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in person_tokens or (not token.is_alpha and token.text.lower() not in g.titles):
            i += 1
            continue
        head = _head_at(doc, i, tokens)
        if head is None:
            i += 1
            continue
        head_end, key = head
        if _modifies_noun(doc, head_end):
            i = head_end
            continue
        while (more := _head_at(doc, head_end, tokens)) is not None and _joins(
            tokens[head_end - 1], tokens[head_end]
        ):
            head_end, key = more
        sent = token.sent
        start = i
        possessor = None
        floor = max(phrases[-1].end if phrases else 0, _line_floor(doc, sent.start))
        while start - 1 >= floor and start > i - _MAX_LEFT and _left_modifier(doc[start - 1], person_tokens):
            start -= 1
        if start > sent.start and doc[start - 1].text in _POSSESSIVE:
            possessor = _possessor(doc, start - 1)
        end, trailing = _complement(doc, head_end, sent.end, person_starts)
        info = g.titles[key]
        sector = info.sector
        for t in doc[start:end]:
            sector = g.title_modifiers.get(t.lower_, sector) if t.lower_ in g.title_modifiers else sector
        for t in doc[head_end:end]:  # "head of the X Alliance" works for the alliance: NGO
            sector = g.org_name_words.get(t.lower_, sector) if t.text[:1].isupper() else sector
        phrases.append(
            TitlePhrase(
                start=start,
                end=end,
                head_start=i,
                head_end=head_end,
                key=key,
                sector=sector,
                gender=info.gender,
                country=_phrase_country(doc, start, end, possessor),
                possessor=possessor,
                trailing_name=trailing,
            )
        )
        i = max(end, head_end)
    return phrases


def descriptor_phrases(doc: Doc, starts: set[int], phrases: list[TitlePhrase]) -> list[TitlePhrase]:
    """Role nouns the title lexicon lacks, written right before a person's full name (``starts``:
    where the model's names of two words or more begin): "feminist Gloria
    Roe", "fashion designer Bob Lee", "attendee Amy Poe".

    News English puts a person's occupation or role, lower-case and without an article, directly
    before the name.  The noun must name a person: a Phoenix agent noun ("rival", "mercenary") or
    an agent-noun shape ("-er", "-ist", "-ee", "-ian", ...), and no organisation word ("the
    newspaper X", "the group X" introduce organisations).  Only a singular noun (a plural one
    introduces a list: "lawyers A and B"), or an adjective the parser takes as a compound or an
    "-ist" adjective ("feminist"), counts; lower-case noun modifiers before it belong to it.
    """
    taken = {i for p in phrases for i in range(p.start, p.end)}
    by_end = {p.end: p for p in phrases}
    sectors = phoenix_agent_sectors()
    out = []
    for s in sorted(starts):
        i = s - 1
        if i < 0 or i in taken or not _role_noun(doc[i]):
            continue
        before = by_end.get(i - 2)
        if before is not None and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ in _LINKS:
            before.end = i + 1  # "the deputy for the opposition X": the noun completes a title
            continue
        start = _descriptor_start(doc, i, taken)
        key = doc[i].lower_
        country = _phrase_country(doc, start, i + 1, None)
        out.append(TitlePhrase(start, i + 1, i, i + 1, key, sectors.get(key, ""), None, country))
    return out


def role_phrase(doc: Doc, start: int, end: int) -> TitlePhrase:
    """A title phrase over a role written inside a person's name span ("Senador" of "Senador Ana
    Ruiz", "Prime Minster" of a misspelt "Prime Minster Ana Ruiz"), widened left over a
    nationality ("Colombian Senador")."""
    head = end - 1
    start = min(start, _descriptor_start(doc, head, set()))
    key = doc[head].lower_
    sector = phoenix_agent_sectors().get(key, "")
    return TitlePhrase(start, end, head, end, key, sector, None, _phrase_country(doc, start, end, None))


def _descriptor_start(doc: Doc, i: int, taken: set[int]) -> int:
    """Lower-case modifiers of role noun ``doc[i]``, glued hyphen parts ("drug-dealer"), and a
    nationality word in front ("the Brazilian drug-dealer X")."""
    start = i
    while start - 1 >= 0 and i - start < 4 and start - 1 not in taken:
        prev = doc[start - 1]
        if "\n" in prev.whitespace_:
            break
        glued = prev.text == "-" and not prev.whitespace_ and start >= 2 and not doc[start - 2].whitespace_
        if glued or (prev.pos_ in {"NOUN", "ADJ"} and prev.text.islower() and prev.is_alpha):
            start -= 1
            continue
        if lookup(gazetteer().demonyms, prev.text) is not None:
            start -= 1
        break
    if doc[start].text == "-":
        start += 1
    return start


#: Endings of English agent nouns ("designer", "feminist", "attendee", "historian", "chairman").
_AGENT_ENDINGS = ("er", "or", "ist", "ee", "ant", "ent", "ian", "man", "woman", "ess", "eer", "yst")


def _role_noun(tok: Token) -> bool:
    """A lower-case singular person noun (or compound adjective) that can describe the name after it."""
    g = gazetteer()
    lower = tok.lower_
    if not (tok.is_alpha and tok.text.islower() and len(tok.text) > 2) or tok.is_stop:
        return False
    if "\n" in tok.whitespace_ or tok.tag_ in {"NNS", "NNPS"}:
        return False
    if lower in g.org_descriptors or lower in g.org_name_words:
        return False
    if not (lower in phoenix_agent_sectors() or lower.endswith(_AGENT_ENDINGS)):
        return False
    if tok.pos_ == "ADJ":  # "feminist" (but not "former", "senior", "recent")
        return tok.dep_ == "compound" or lower.endswith("ist")
    return tok.pos_ in {"NOUN", "PROPN"}
