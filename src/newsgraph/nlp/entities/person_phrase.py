"""More of what a person's own phrase says about the person's country (used by :mod:`.person_country`).

Each rule reads only words that describe the person: the phrase the name stands in apposition to,
a group the name is listed in, a title that belongs to the name, a bracket right after the name.
None reads the story's setting, so a visitor keeps no country of the place he visits:

- a nationality noun in apposition, with an article: "X, a Bulgarian,", "X, a Briton living in
  Spain" (the people's noun "Briton" is the singular of "Britons");
- a place of birth written "<place>-born" on the noun the name stands in apposition to or right
  before the name: "a Somalia-born man, X", "Vienna-born architect X";
- a group with a nationality that the names stand in apposition to, also for the later names of
  a list ("his Moldovan counterparts, President A and Prime Minister B", "two Kenyan runners, A
  and B"); the names must not be the subject of the clause, so a fronted phrase ("After meeting
  Kenyan officials, X said") gives nothing;
- membership of a group with a nationality: "Turkish writers ..., including X", "such as X";
- a nationality word on the name before a title that did not take it in: "Italian Prime Minster X";
- a title whose "its"/"their" refers to a country or an organisation with one: the title is
  coordinated with it ("Iran and its president X") or it is the subject of the clause ("Poland
  said its foreign minister, X, would ...");
- a title of a country held "as": "X as president of the United States", "X, who served as
  Moldova's prime minister" (only "of", a possessive or a nationality on the title count: an
  "ambassador to France" is not French);
- a body with a country that the person works for, heads or speaks for: "X, who works for the
  Baghdad provincial administration", "X, who heads Kenya's electoral commission", "Speaking for
  the Nigerian government, X said";
- a US party-and-state bracket after the name: "Rep. X (D-Ohio)", or a country alone in brackets:
  "Eliud Kipchoge (Kenya)";
- a nationality said with "be": "X, who is British,";
- "from" + places right after the name, on the surface: "X, 37, from Peebles, Borders, Scotland".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, lookup, nationality_country

#: Looks up the country of the entity owning a token, if the token is part of a named mention.
CountryAt = Callable[[int], str | None]

_ARTICLES = frozenset({"a", "an"})
_US_PARTIES = frozenset({"D", "R", "I"})
_REFERRING = frozenset({"its", "their"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = frozenset({"amod", "compound", "nmod"})
#: Verbs of working or speaking for a body, with the prepositions that introduce the body.
_WORK_VERBS = {"work": {"for", "at"}, "serve": {"for", "at", "with"}, "speak": {"for"}}
#: Verbs of heading a body named as their object.
_HEAD_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "command"})


def word_country(text: str, places: bool = True) -> str | None:
    """The country a single word or short phrase names: a country, a demonym, or (with
    ``places``) a known place."""
    g = gazetteer()
    hit = lookup(g.country_names, text) or lookup(g.demonyms, text)
    if hit is not None:
        return hit.iso3
    return country_of_place(text) if places and text[:1].isupper() else None


def phrase_evidence(doc: Doc, start: int, end: int, phrase_start: int, country_at: CountryAt) -> str | None:
    """The country the phrase around the name ``doc[start:end]`` gives (module docstring);
    ``phrase_start`` is where a title written right before the name begins."""
    head = doc[end - 1]
    first = head
    while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i < first.i:
        first = first.head
    nouns = _appositive_nouns(head) + ([n for n in _appositive_nouns(first) if n.pos_ == "NOUN"])
    born = (_born(doc, n.left_edge.i, n.i) for n in nouns)
    return (
        _nationality_noun(head)
        or _nationality_modifier(doc, phrase_start, end)
        or next((c for c in born if c is not None), None)
        or _born(doc, max(0, phrase_start - 4), phrase_start)
        or _listed_after_group(doc, phrase_start, first)
        or _group_member(first)
        or _referring_title(doc, nouns, start, country_at)
        or _as_title(doc, head, end, country_at)
        or _works_for(head, country_at)
        or _party_state(doc, end)
        or _predicate(head)
        or _bracketed_country(doc, end)
        or _from_place_after(doc, end)
    )


def _appositive_nouns(head: Token) -> list[Token]:
    nouns = [head.head] if head.dep_ == "appos" and head.head.i != head.i else []
    return nouns + [c for c in head.children if c.dep_ == "appos"]


def _nationality_noun(head: Token) -> str | None:
    """ "X, a Bulgarian,": an appositive nationality word with an indefinite article; "X, a Kenyan
    national,": a nationality on an appositive the parser tags as an adjective (the noun case is
    :func:`.person_country._phrase_country`'s)."""
    for tok in _appositive_nouns(head):
        if any(d.dep_ == "det" and d.lower_ in _ARTICLES for d in tok.children):
            hit = nationality_country(tok.text)
            if hit is not None:
                return hit.iso3
            if tok.pos_ == "ADJ":
                found = _group_country(tok, {"ADJ"})
                if found:
                    return found
    return None


def _predicate(head: Token) -> str | None:
    """ "X, who is British,", "X is Kenyan by birth", "X is a Bulgarian": a nationality said of the
    person with "be" (a nationality on a predicate noun is a title's: "X is a Chilean journalist")."""
    for verb in _subject_verbs(head):
        if verb.lemma_ != "be":
            continue
        for c in verb.children:
            if c.dep_ in {"acomp", "attr"}:
                hit = nationality_country(c.text)
                if hit is not None:
                    return hit.iso3
    return None


def _from_place_after(doc: Doc, end: int) -> str | None:
    """ "X, 37, from Peebles, Borders, Scotland": "from" + a run of places right after the name (and
    its age), read on the surface where the parser hangs the phrase on another name of a list.  A
    country word in the run wins over a place in it."""
    i = end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 3
    elif i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "from":
        return None
    run = []
    for tok in doc[i + 1 : i + 12]:
        if not (tok.text == "," or tok.lower_ == "the" or tok.pos_ == "PROPN"):
            break
        run.append(tok)
    for places in (False, True):
        for tok in run:
            found = word_country(tok.text, places) if tok.pos_ == "PROPN" else None
            if found:
                return found
    return None


def _bracketed_country(doc: Doc, end: int) -> str | None:
    """ "Eliud Kipchoge (Kenya)": a country or nationality word alone in brackets after the name."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return word_country(doc[end + 1].text, places=False)
    return None


def _born(doc: Doc, start: int, end: int) -> str | None:
    """A "<place>-born" modifier within ``doc[start:end]``."""
    for i in range(max(start, 2), end):
        if doc[i].lower_ == "born" and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            found = word_country(doc[i - 2].text)
            if found:
                return found
    return None


def _group_country(noun: Token, pos: frozenset[str] | set[str] = frozenset({"NOUN"})) -> str | None:
    """A nationality or country word modifying a common noun ("Kenyan runners", "Taiwan's
    president")."""
    if noun.pos_ not in pos:
        return None
    for mod in noun.children:
        if mod.dep_ in _MODIFIERS | {"poss"} and mod.i < noun.i:
            found = word_country(mod.text, places=False)
            if found:
                return found
    return None


def _listed_after_group(doc: Doc, start: int, first: Token) -> str | None:
    """ "his Moldovan counterparts, President A and Prime Minister B": walk left from the name's
    phrase over titles, names and list separators to a comma after a group noun."""
    if first.dep_ in _SUBJECTS:
        return None
    k = start
    sent_start = doc[start].sent.start
    for _ in range(16):
        if k - 2 < sent_start:
            return None
        prev = doc[k - 1]
        if prev.text == ",":
            before = doc[k - 2]
            if before.pos_ == "NOUN":
                return _group_country(before)
            if before.pos_ != "PROPN":
                return None
        elif not (
            prev.lower_ == "and"
            or prev.pos_ == "DET"
            or (prev.pos_ == "ADJ" and prev.text.islower())
            or (prev.text[:1].isupper() and prev.pos_ in {"PROPN", "NOUN"})
        ):
            return None
        k -= 1
    return None


def _group_member(first: Token) -> str | None:
    """ "Turkish writers ..., including X" / "Kenyan runners such as X"."""
    link = first.head
    if first.dep_ != "pobj" or not (
        link.lower_ == "including" or (link.lower_ == "as" and link.i > 0 and link.nbor(-1).lower_ == "such")
    ):
        return None
    group = link.head
    while group.dep_ in {"relcl", "acl"} and group.pos_ == "VERB":  # "writers who discuss X, including"
        group = group.head
    return _group_country(group)


def _nationality_modifier(doc: Doc, phrase_start: int, end: int) -> str | None:
    """ "Italian Prime Minster X": a nationality word right before a title that did not take it
    in (a misspelt or unknown title word), which the parser hangs on the title or the name."""
    for mod in doc[max(0, phrase_start - 2) : phrase_start]:
        if mod.dep_ in _MODIFIERS and phrase_start <= mod.head.i < end:
            hit = nationality_country(mod.text)
            if hit is not None:
                return hit.iso3
    return None


def _referring_title(doc: Doc, nouns: list[Token], start: int, country_at: CountryAt) -> str | None:
    """ "Iran and its president X", "Poland said its foreign minister, X, would attend"."""
    roles = [n for n in nouns if n.pos_ == "NOUN"]
    if start > 0 and doc[start - 1].pos_ == "NOUN":
        roles.append(doc[start - 1])
    for role in roles:
        if not any(c.dep_ == "poss" and c.lower_ in _REFERRING for c in role.children):
            continue
        if role.dep_ == "conj":
            return country_at(role.head.i)
        for verb in role.ancestors:
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i != role.i), None)
            if subject is not None and not subject.is_ancestor(role):
                return country_at(subject.i) if subject.i < role.i else None
    return None


def _as_title(doc: Doc, head: Token, end: int, country_at: CountryAt) -> str | None:
    """ "X as president of the United States", "X, who served as Moldova's prime minister"."""
    links = [doc[end]] if end < len(doc) and doc[end].lower_ == "as" else []
    links += [c for v in _subject_verbs(head) for c in v.children if c.dep_ == "prep" and c.lower_ == "as"]
    titles = gazetteer().titles
    for link in links:
        role = next((c for c in link.children if c.dep_ == "pobj"), None)
        if role is None or role.pos_ != "NOUN":
            continue
        before = doc[role.i - 1].lower_ if role.i > 0 else ""
        if role.lower_ not in titles and f"{before} {role.lower_}" not in titles:
            continue
        for c in role.children:
            if c.dep_ == "poss" or (c.dep_ in _MODIFIERS and c.i < role.i):
                found = word_country(c.text, places=c.dep_ == "poss") or country_at(c.i)
            elif c.dep_ == "prep" and c.lower_ == "of":
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                found = (word_country(obj.text) or country_at(obj.i)) if obj is not None else None
            else:
                continue
            if found:
                return found
    return None


def _subject_verbs(head: Token) -> list[Token]:
    """Verbs the name is the subject of: its relative clause ("X, who served as ...") or its clause."""
    return [c for c in head.children if c.dep_ == "relcl"] + ([head.head] if head.dep_ in _SUBJECTS else [])


def _works_for(head: Token, country_at: CountryAt) -> str | None:
    """ "X, who works for the Baghdad provincial administration", "X, who heads Kenya's electoral
    commission", "Speaking for the Nigerian government, X said": the country of the body the person
    works for, heads or speaks for, from a place, nationality or named organisation on that body's
    own noun (not from a place elsewhere in the clause: "works for peace in Sudan" says nothing)."""
    verbs = _subject_verbs(head)
    verbs += [c for v in verbs for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    for verb in verbs:
        bodies = []
        if verb.lemma_ in _WORK_VERBS:
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _WORK_VERBS[verb.lemma_]]
            bodies = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        elif verb.lemma_ in _HEAD_VERBS:
            bodies = [c for c in verb.children if c.dep_ == "dobj"]
        for body in bodies:
            mods = [c for c in body.children if c.dep_ in _MODIFIERS | {"poss"} and c.i < body.i]
            for tok in [body, *mods]:
                found = country_at(tok.i) or (word_country(tok.text) if tok is not body else None)
                if found:
                    return found
    return None


def _party_state(doc: Doc, end: int) -> str | None:
    """ "Rep. X (D-Ohio)": a one-letter party code and a place in brackets right after the name."""
    if end + 4 >= len(doc) or doc[end].text != "(":
        return None
    party, dash = doc[end + 1], doc[end + 2]
    if not (len(party.text) == 1 and party.text.isupper() and dash.text in {"-", "–"}):
        return None
    close = next((i for i in range(end + 3, min(end + 7, len(doc))) if doc[i].text == ")"), None)
    if close is None:
        return None
    state = doc[end + 3 : close].text
    if party.text in _US_PARTIES and len(state) == 2 and state.isalpha() and state.isupper():
        return "USA"  # "(R-TX)": the US convention names a member of Congress by party and state code
    return country_of_place(state)
