"""Attach title phrases to names, and decide what demonyms, capitals and "the government" stand for.

- A title phrase belongs to the name right after it ("Colonel Mohamed Bacar"), to the name before
  a comma and the phrase ("Fuad Basya, spokesman for the Indonesian military,"), or to the name
  after "TITLE," at the start of a clause or after a preposition ("Malaysia's Prime Minister, Najib
  Razak", "His lawyer, Ana Roth,", "according to the defence minister, Ali Kaya,").  Titles joined
  by "and" before one name all belong to it ("Shiite cleric and Mahdi Army leader Muqtada al-Sadr").
  A title that is the predicate of a name ("X is the minister of energy", "X resigned as foreign
  minister", "X kept his post as defence minister") belongs to that name too.
  A non-lexicon ORG/GPE name that receives a person title is a person.
- A demonym inside a person's title, or used as an adjective ("Kenyan officials", "the Italian
  leader"), is a mention of its country, named in the article or not (the annotation convention:
  "Iranian" is an alias of Iran; a story about "Kenyan officials" involves Kenya); used as a noun
  it is a NORP group ("the last Ukrainian", "Americans"), and so is an adjective naming a language
  or a culture ("CNN's Spanish service", "the Chinese New Year").
- A capital is its government when it acts: subject, object or possessor ("Washington's
  willingness", "accused Washington"); elsewhere it is the city ("in Baghdad", "an Ottawa street").
- "the Iraqi government" / "Comoros government" is the ORG "Government of Iraq"; a bare "the
  government" in an article about one country is that government.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc_cache import sentence_bounds, tokens_of
from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.name_spans import surface
from newsgraph.nlp.mentions.names import Mention
from newsgraph.nlp.mentions.titles import TitlePhrase
from newsgraph.nlp.syntax import DOCUMENT_NOUNS

_CLAUSE_END = frozenset({",", ";", ":", ".", "(", ")", '"', "“", "”", "—", "–"})
_RELATIVE = wordlist("relative_pronouns") | wordlist("relative_possessive")
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "agent"})
_GOVERNMENT_WORDS = wordlist("government_nouns")
_FACILITY_WORDS = wordlist("facility_heads")
#: Government nouns that stand for a country's body when used bare ("the government said").
_BARE_BODIES = frozenset({"government", "cabinet"})
_POSSESSIVE = wordlist("possessive")
_PLACE_OBJECT_VERBS = wordlist("place_object_verbs")
_CULTURE_NOUNS = wordlist("culture_nouns")
_CLAUSE_START = frozenset({",", ";", ":", "—", "–", "--", "("})
_THE_NAMES = tuple(sorted(wordlist("country_names_with_the")))


def _appositive_text(doc: Doc, p: TitlePhrase) -> str:
    """An appositive title runs to the end of its clause ("spokesman for the Indonesian military")."""
    return doc[p.start : _appositive_end(doc, p)].text


def _appositive_end(doc: Doc, p: TitlePhrase) -> int:
    """Token end of an appositive title (:func:`_appositive_text`)."""
    sent_end = doc[p.start].sent.end
    end = max(p.end, p.head_end)
    while end < sent_end and end - p.start < 14:
        tok = doc[end]
        if tok.text in _CLAUSE_END or tok.lower_ in _RELATIVE or tok.pos_ in {"VERB", "AUX"}:
            break
        end += 1
    return end


def _left_edge(p: TitlePhrase) -> int:
    return p.possessor[0] if p.possessor else p.start


def _attach(m: Mention, p: TitlePhrase, display: str, doc: Doc | None = None) -> None:
    p.attached = True
    p.display = display
    if doc is not None and display != p.text(doc) and display.startswith(p.text(doc)):
        p.display_end = _appositive_end(doc, p)
    m.titles.append(p)


def attach_titles(doc: Doc, mentions: list[Mention], phrases: list[TitlePhrase]) -> None:
    """Attach title phrases to the names they describe (module docstring, first point)."""
    by_end = {p.end: p for p in phrases}
    starts = frozenset(m.start for m in mentions)
    for m in mentions:
        if m.label not in {"PERSON", "ORG", "GPE", "FAC"} or m.canonical is not None:
            continue
        if m.label == "FAC" and any(_building_word(t.lower_) for t in doc[m.start : m.end]):
            continue  # "at the X Headquarters, the ambassador Y said": the building is no person
        for p in phrases:
            if p.attached:
                continue
            display = _relation(doc, m, p, starts)
            if display is None:
                continue
            _attach(m, p, display, doc)
            if m.label != "PERSON":
                m.label = "PERSON"
            _attach_chain(doc, m, p, by_end)
    _attach_predicates(doc, mentions, phrases)


def _building_word(word: str) -> bool:
    return word in _FACILITY_WORDS or word in gazetteer().org_name_words


def _attach_predicates(doc: Doc, mentions: list[Mention], phrases: list[TitlePhrase]) -> None:
    """Titles said of a named person: "X is the minister", "X resigned as / kept his post as
    minister".  The clause's subject must be the last word of a person's name."""
    people = {m.end - 1: m for m in mentions if m.label == "PERSON" and m.kind == "name"}
    for p in phrases:
        if p.attached:
            continue
        head = doc[p.head_end - 1]
        verb = None
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            verb = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "as":
            verb = head.head.head
            while verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "pobj", "attr"}:
                verb = verb.head  # "kept his post as minister"
        hops = 0
        while verb is not None and hops < 3:
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                m = people.get(subject.i)
                if m is not None:
                    _attach(m, p, p.text(doc))
                break
            if verb.dep_ not in {"xcomp", "conj", "advcl"} or verb.head is verb:
                break
            verb, hops = verb.head, hops + 1  # "X was forced to resign as ..."


def _attach_chain(doc: Doc, m: Mention, p: TitlePhrase, by_end: dict[int, TitlePhrase]) -> None:
    """Titles right before an attached one, or joined by "and", describe the same person."""
    while True:
        prev = by_end.get(p.start)
        if prev is None and doc[p.start - 1].lower_ == "and":
            prev = by_end.get(p.start - 1)
        if prev is None or prev.attached:
            return
        _attach(m, prev, prev.text(doc))
        p = prev


def _relation(doc: Doc, m: Mention, p: TitlePhrase, starts: frozenset[int] = frozenset()) -> str | None:
    """How ``p`` relates to name ``m``: the title text to keep, or None when it does not.

    ``starts``: where names begin; a title written right before a name is that name's, never the
    appositive of the name before it ("according to Al Jazeera, former President X").
    """
    if p.end == m.start:
        return p.text(doc)
    if p.end + 1 == m.start and doc[p.end].text in {"[", "("} and not _ends_in_acronym(doc, p):
        return p.text(doc)  # "Colonel [Ali] Musa" (not "Chairman of SADC (Southern African ...)")
    if m.end < len(doc) and doc[m.end].text == "," and p.end not in starts:
        first = m.end + 1
        if first < len(doc) and (doc[first].pos_ == "DET" or _possessive_pronoun(doc[first])):
            first += 1
        while first < _left_edge(p) and first - m.end <= 3 and _participle_or_adjective(doc[first]):
            first += 1  # "X, the proposed Secretary of State,"
        if _left_edge(p) == first:
            return _appositive_text(doc, p)
    if p.end + 1 == m.start and doc[p.end].text == ",":
        edge = _left_edge(p)
        while edge > 0 and p.start - edge < 2 and _participle_or_adjective(doc[edge - 1]):
            edge -= 1  # "Trump's proposed Secretary of Defense, X,"
        before = doc[edge - 1] if edge > 0 else None
        if before is not None and (before.pos_ == "DET" or _possessive_pronoun(before)):
            edge -= 1  # "the TITLE, NAME", "His TITLE, NAME"
        elif before is not None and before.text in _POSSESSIVE:
            edge = before.head.left_edge.i
        punctuated = m.end >= len(doc) or doc[m.end].text in {",", ".", ";"}
        closed = punctuated or doc[m.end].pos_ in {"VERB", "AUX"}
        opens = edge == doc[edge].sent.start or doc[edge - 1].text in _CLAUSE_START or doc[edge - 1].is_quote
        # "according to the TITLE, NAME,", "said the TITLE, NAME." (a quote's inverted cue); but
        # "According to his lawyer, NAME was ...": after a preposition a name that a verb follows
        # is the main clause's subject, not an apposition
        opens = opens or doc[edge - 1].pos_ == "VERB" or (doc[edge - 1].pos_ == "ADP" and punctuated)
        if opens and closed:
            return p.text(doc)  # "(The) TITLE, NAME," and "the government's TITLE, NAME,"
    return None


def _ends_in_acronym(doc: Doc, p: TitlePhrase) -> bool:
    """A title ending in an acronym: a bracket after it spells the acronym out."""
    last = doc[p.end - 1].text
    return len(last) > 1 and last.isupper()


def _possessive_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.dep_ == "poss"


def _participle_or_adjective(tok: Token) -> bool:
    """A lower-case modifier before a title ("proposed", "newly appointed")."""
    return tok.text.islower() and (tok.tag_ in {"VBN", "JJ"} or tok.pos_ == "ADV")


def appositive_title_mentions(doc: Doc, m: Mention) -> list[Mention]:
    """Title mentions for the appositive titles of name ``m`` ("the head of X, NAME," / "NAME, the
    spokesman,"), so that a quote or event whose syntactic source is the title's head noun
    resolves to the person (pre-nominal titles are part of the name's noun phrase already)."""
    out = []
    for p in m.titles:
        if p.end == m.start or (p.end + 1 == m.start and doc[p.end].text in {"[", "("}):
            continue
        start = p.start - 1 if p.start > 0 and doc[p.start - 1].pos_ == "DET" else p.start
        text = doc[start : p.end].text
        title = Mention(start, p.end, "PERSON", text, kind="title", titles=[p], sieve="appositive")
        title.set_chars(doc)
        out.append(title)
    return out


def resolve_demonyms_and_capitals(doc: Doc, mentions: list[Mention]) -> None:
    """Demonyms -> country or NORP; capitals -> government or city (module docstring)."""
    g = gazetteer()
    in_person_titles = {i for m in mentions for p in m.titles for i in range(p.start, p.end)}
    for m in sorted(mentions, key=lambda m: m.start not in in_person_titles):
        if m.label == "NORP" and m.country and lookup(g.demonyms, m.text):
            adjectival = doc[m.start].dep_ in {"amod", "compound"} or (
                m.end < len(doc) and doc[m.end].pos_ in {"NOUN", "PROPN"}
            )
            demonym = lookup(g.demonyms, m.text)
            cultural = m.end < len(doc) and doc[m.end].lower_ in _CULTURE_NOUNS  # "the Spanish service"
            if demonym and (m.start in in_person_titles or (adjectival and not cultural)):
                m.label = "GPE"
                m.kind = "demonym"
                m.canonical = demonym.name
        elif m.label == "GPE" and m.kind == "name" and lookup(g.capitals, m.text) is not None:
            country = lookup(g.capitals, m.text)
            head = doc[m.end - 1]
            acting = head.dep_ in _ACTING_DEPS and not _dateline(doc, m)  # "LONDON --" never acts
            acting = acting and not _used_as_place(doc, m, head)
            if country is not None and acting and m.start not in in_person_titles:
                m.canonical = country.name
                m.kind = "seat"
        if m.kind == "seat" and m.country:
            seat = lookup(g.seats, m.text) or lookup(g.capitals, m.text)
            m.canonical = seat.name if seat else m.canonical


def _used_as_place(doc: Doc, m: Mention, head: Token) -> bool:
    """A capital that is the city even in an acting role: the object of a verb of movement or
    force ("fled Kabul", "shelled Kyiv"), or the second part of an address ("Karkh, Baghdad")."""
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _PLACE_OBJECT_VERBS:
        return True
    return m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].ent_type_ in {"GPE", "LOC"}


def dominant_country(doc: Doc, mentions: list[Mention], phrases: Sequence[TitlePhrase] = ()) -> str | None:
    """The article's main country, when one country has at least 40% of the evidence.

    Place names alone mislead: a report on Chad names Sudan and its towns as often as Chad, and a
    ceasefire signed in Geneva names Geneva in every paragraph.  So the evidence is weighted:

    - a GPE mention counts 1, and 1 more in the lead sentence (the headline's and the lead's
      places are where the news happens); an upper-case dateline place ("GENEVA (Agency) --")
      counts 0: it is where the reporter files from;
    - an explicit government ("Chad's government", "the government in N'Djamena") counts 3, and
      each later bare "the government" resolved to it 1 more (the government the story is about);
    - a government title with a country ("Paraguay's foreign minister") counts 2.
    """
    lead_end = _lead_end(doc)
    weights: Counter[str] = Counter()
    for m in mentions:
        if not m.country:
            continue
        if m.label == "GPE" and not _dateline(doc, m):
            weights[m.country] += 2 if m.start < lead_end else 1
        elif m.label == "ORG" and m.kind == "government":
            weights[m.country] += 3
        elif m.label == "ORG" and m.kind == "bare":
            weights[m.country] += 1
    for p in phrases:
        if p.country and p.sector == "GOV":
            weights[p.country] += 2
    if not weights:
        return None
    iso3, n = weights.most_common(1)[0]
    return iso3 if n / sum(weights.values()) >= 0.4 else None


def _lead_end(doc: Doc) -> int:
    """Token index after the lead: the first sentence of ten words or more (after the headline)."""
    tokens = tokens_of(doc)
    for start, end in sentence_bounds(doc):
        if sum(1 for t in tokens[start:end] if t.is_alpha) >= 10:
            return end
    return len(doc)


def _dateline(doc: Doc, m: Mention) -> bool:
    """An upper-case place opening a paragraph: "GENEVA (Agency) --", "NAIROBI, May 3 --"."""
    first = doc[m.start]
    starts_line = m.start == 0 or "\n" in doc[m.start - 1].whitespace_ or doc[m.start - 1].is_space
    return starts_line and first.text.isupper() and len(first.text) > 3


def government_mentions(
    doc: Doc, mentions: list[Mention], phrases: Sequence[TitlePhrase] = ()
) -> list[Mention]:
    """ORG mentions for "the Iraqi government", "the government in Baghdad" and bare "the government".

    A bare "the government" is the government named explicitly most recently before it (news
    keeps talking about the government it introduced); before any explicit one, the government
    of the article's main country (:func:`dominant_country`).
    """
    g = gazetteer()
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    names = {c.iso3: c.name for c in reversed(list(g.country_names.values()))}
    out: list[Mention] = []
    consumed: list[Mention] = []
    bare: list[int] = []
    for tok in tokens_of(doc):
        if tok.lower_ not in _GOVERNMENT_WORDS or tok.i in by_token:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in DOCUMENT_NOUNS:
            continue  # "government troops", "cabinet ministers"; but "the cabinet statement" is its author's
        prev = by_token.get(tok.i - 1)
        owner = by_token.get(tok.i - 2) if tok.i > 1 and doc[tok.i - 1].text in _POSSESSIVE else None
        after = (
            by_token.get(tok.i + 2)
            if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in {"in", "of"}
            else None
        )
        if prev is not None and prev.country and prev.label in {"GPE", "NORP"}:
            name = _government(names.get(prev.country, prev.country), tok.lower_)
            out.append(_org(doc, prev.start, tok.i + 1, name, prev.country))
            consumed.append(prev)
        elif owner is not None and owner.country and owner.label == "GPE" and owner.end == tok.i - 1:
            name = _government(names.get(owner.country, owner.country), tok.lower_)  # "Chad's government"
            out.append(_org(doc, tok.i, tok.i + 1, name, owner.country, tok.text))
        elif prev is not None and prev.label == "PERSON" and tok.lower_ == "administration":
            out.append(_org(doc, prev.start, tok.i + 1, surface(doc, prev.start, tok.i + 1), None))
            consumed.append(prev)
        elif tok.lower_ in _BARE_BODIES and _bare(doc, tok.i):
            if after is not None and after.country and after.label == "GPE" and after.start == tok.i + 2:
                name = _government(names.get(after.country, after.country), tok.lower_)
                out.append(_org(doc, tok.i, tok.i + 1, name, after.country, tok.text))
            else:
                bare.append(tok.i)
    for m in consumed:
        mentions.remove(m)
    home = dominant_country(doc, [*mentions, *out], phrases)
    explicit = sorted(out, key=lambda m: m.start)
    for i in bare:
        before = [m for m in explicit if m.start < i and m.country and m.actor == f"{m.country}GOV"]
        country = before[-1].country if before else home
        if country:
            name = _government(names.get(country, country), doc[i].lower_)
            m = _org(doc, i, i + 1, name, country, doc[i].text)
            m.kind = "bare"
            out.append(m)
    return out


def _government(country: str, noun: str = "government") -> str:
    """ "Government of Iraq", "Government of the United Kingdom", "Cabinet of Egypt" (the
    encyclopaedic names of a country's government and cabinet); an administration is its
    government."""
    the = "the " if any(part in country for part in _THE_NAMES) else ""
    body = "Cabinet" if noun == "cabinet" else "Government"
    return f"{body} of {the}{country}"


def _bare(doc: Doc, i: int) -> bool:
    """ "the/this government" heading its own noun phrase, with no possessor of its own."""
    tok = doc[i]
    if any(c.dep_ == "poss" for c in tok.children):
        return False
    j = i - 1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    return j >= 0 and doc[j].lower_ in {"the", "this"}


def _org(
    doc: Doc, start: int, end: int, canonical: str, country: str | None, text: str | None = None
) -> Mention:
    m = Mention(start, end, "ORG", text or surface(doc, start, end), canonical=canonical, country=country)
    m.actor = f"{country}GOV" if country else None
    m.kind = "government" if country and canonical.startswith(("Government of", "Cabinet of")) else m.kind
    m.set_chars(doc)
    return m
