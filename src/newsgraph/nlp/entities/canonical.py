"""From clusters to :class:`~newsgraph.records.Entity`: canonical name, type, country, titles, actor code.

- The canonical name is the fullest form: the lexicon's name for countries and known organisations
  ("U.S." -> "United States"), the longest name for people (brackets and possessives already gone).
- The type is the one most mentions carry, but a person title makes a person.
- The country comes from the lexicons (GPE, NORP, known ORG), from a country in a person's title
  ("Russian Presidential Spokesman") or in an organisation's name ("Indonesian Navy"), or from
  the home country the Phoenix dictionaries give a company, NGO or armed group ("Boeing", "Mahdi
  Army"); an organisation with none of these takes the article's dominant country when it has one.  A person
  never does: the country a story is set in says nothing about where each person in it is from (a
  Nigerian official in a Malawi story): a person's country comes from what the text says about
  that person (:mod:`.person_country`: a title, an organisation, a nationality word or a place in
  the person's own phrase), and without such evidence stays unknown.  An organisation is evidence
  only with a country of its own (a lexicon entry, a country or place in its name), not with the
  story's country it takes by default, or the default would reach its people.
- The actor code is CAMEO-style: country + sector, the sector from the first title with one
  ("Secretary of Defense" -> GOVMIL) or from an organisation word ("Navy" -> MIL).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.nlp.discourse.descriptions import Described
from newsgraph.nlp.discourse.names import Cluster
from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.entities.person_country import named_country_at, person_country
from newsgraph.nlp.knowledge.gazetteer import country_of_place, gazetteer, lookup
from newsgraph.nlp.knowledge.org_countries import org_home_country
from newsgraph.nlp.mentions.names import Mention
from newsgraph.records import Entity, Span

_LABEL_ORDER = {"ORG": 3, "GPE": 2, "PERSON": 1, "NORP": 0}
#: Mention labels whose country is a place's, not a person's (see :func:`_country`).
_PLACE_READ = frozenset({"PERSON", "GPE", "LOC"})


def _label(c: Cluster) -> str:
    """Lexicon-backed mentions decide; then a person title; then the majority (ties: ORG first)."""
    names = c.names() or c.mentions
    backed = [m.label for m in names if m.canonical]
    if backed:
        return backed[0]
    if any(m.titles for m in c.mentions):
        return "PERSON"
    votes = Counter(m.label for m in names)
    return max(votes, key=lambda label: (votes[label], _LABEL_ORDER.get(label, 0)))


def _name(c: Cluster, label: str) -> str:
    names = c.names() or [m for m in c.mentions if m.kind == "demonym"] or c.mentions
    canon = [m.canonical for m in names if m.canonical]
    if canon:
        return Counter(canon).most_common(1)[0][0]
    if label == "NORP":
        plural = [m.text for m in names if m.text.endswith("s")]
        return plural[0] if plural else names[0].text
    if label == "GPE":
        return Counter(m.text for m in names).most_common(1)[0][0]
    return max(names, key=lambda m: (len(m.text.split()), -m.start)).text


def _org_country(text: str) -> str | None:
    g = gazetteer()
    words = text.replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            piece = " ".join(words[i : i + n])
            hit = lookup(g.demonyms, piece) or lookup(g.country_names, piece)
            if hit is not None:
                return hit.iso3
            place = country_of_place(piece) if piece[:1].isupper() else None
            if place:
                return place
    return None


def _country(c: Cluster, label: str, name: str, home: str | None) -> str | None:
    # A person's name read as a place ("Montalvo" is also a town) keeps that place's country on
    # its mention after it is retyped; a person takes no country from such readings.
    known = [m.country for m in c.mentions if m.country and (label != "PERSON" or m.label not in _PLACE_READ)]
    if known:
        return Counter(known).most_common(1)[0][0]
    if any(m.canonical and m.label == label for m in c.mentions):
        return None  # a lexicon entry without a country: an international body
    for m in c.mentions:
        for p in m.titles:
            if p.country:
                return p.country
    if label in {"ORG", "GPE"}:
        inner = _org_country(name)
        if inner:
            return inner
    if label == "ORG":
        known_org = next((h for m in c.names() if (h := org_home_country(m.text))), None)
        if known_org:
            return known_org
    if label == "ORG" and all(m.kind != "author" for m in c.mentions):
        return home
    return None


def _sector(c: Cluster, label: str, name: str) -> str | None:
    g = gazetteer()
    for m in sorted(c.mentions, key=lambda m: m.start):
        for p in m.titles:
            return p.sector
    if label == "ORG":
        for word in reversed(name.lower().split()):
            if word in g.org_name_words:
                return g.org_name_words[word]
    return None


def _actor(c: Cluster, label: str, name: str, country: str | None) -> str | None:
    lexicon = next((m.actor for m in c.mentions if m.actor), None)
    if lexicon:
        return lexicon
    if label in {"GPE", "NORP"}:
        return country
    sector = _sector(c, label, name)
    if country and sector:
        return country + sector if not sector.startswith(("IGO", "NGO")) else sector
    return sector or country


def _titles(doc: Doc, c: Cluster) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for m in sorted(c.mentions, key=lambda m: m.start):
        if m.kind == "title":
            continue
        for p in m.titles:
            text = p.display or p.text(doc)
            seen.setdefault(text.lower(), text)
    return tuple(seen.values())


def _spans(doc: Doc, c: Cluster) -> list[Mention]:
    """The cluster's mentions in text order, without empty ones.

    An author known only from page metadata (an HTML byline, which is not part of the text)
    has no span in the text: the entity keeps the name, not a zero-length mention.
    """
    return sorted(
        (m for m in c.mentions if m.char_end > m.char_start), key=lambda m: (m.char_start, m.char_end)
    )


def to_entities(
    doc: Doc, clusters: list[Cluster], home: str | None, described: Sequence[Described] = ()
) -> list[Entity]:
    """Records for the clusters, ids "e1", "e2", ... in order of first mention; ``described``:
    the descriptions the discourse layer resolved ("the Kenyan journalist"), read for a person's
    nationality."""
    out: list[Entity] = []
    source = text_of(doc)
    ordered = sorted(clusters, key=lambda c: min(m.char_start for m in c.mentions))
    labels = {id(c): _label(c) for c in ordered}
    names = {id(c): _name(c, labels[id(c)]) for c in ordered}
    countries = {id(c): _country(c, labels[id(c)], names[id(c)], home) for c in ordered}
    # Organisations and places are evidence for a person with a country of their own (a lexicon
    # entry, a country in the name), never with the story's country an organisation takes by
    # default: "a Harmony Institute lawyer" in a Malawi story is not thereby Malawian.
    named = [
        (c, _country(c, labels[id(c)], names[id(c)], None)) for c in ordered if labels[id(c)] != "PERSON"
    ]
    country_at = named_country_at(doc, named)
    roles: dict[int, list[Described]] = {}
    for d in described:
        if d.kind == "PERSON" and d.cluster is not None:
            roles.setdefault(id(d.cluster), []).append(d)
    for c in ordered:
        if labels[id(c)] == "PERSON" and countries[id(c)] is None:
            countries[id(c)] = person_country(doc, c, country_at, roles.get(id(c), ()))
    for n, c in enumerate(ordered, start=1):
        label, name, country = labels[id(c)], names[id(c)], countries[id(c)]
        mentions = _spans(doc, c)
        aliases: dict[str, None] = {}
        for m in mentions:
            text = source[m.char_start : m.char_end]
            if text != name and text.lower() not in {a.lower() for a in aliases}:
                aliases[text] = None
            for p in m.titles:
                if m.kind == "name" and p.end <= m.start:
                    aliases.setdefault(source[doc[p.start].idx : m.char_end], None)
        out.append(
            Entity(
                id=f"e{n}",
                name=name,
                type=label,
                country=country,
                titles=_titles(doc, c),
                aliases=tuple(a for a in aliases if a != name),
                mentions=tuple(Span(m.char_start, m.char_end) for m in mentions),
                actor_code=_actor(c, label, name, country),
            )
        )
    return out
