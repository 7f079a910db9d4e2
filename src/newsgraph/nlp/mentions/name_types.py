"""What a name span is: dropped (not one of our entity types) or retyped by evidence.

Split from :mod:`newsgraph.nlp.mentions.names` (which repairs the spans and builds the mentions):
the model's label is overridden where the lexicons, GeoNames or the local context say otherwise.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.knowledge.cities import city_country, common_word
from newsgraph.nlp.knowledge.gazetteer import gazetteer, given_name_gender, lookup, org_entry, place_key
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.mentions.name_spans import country_span, surface

EVENT_WORDS = wordlist("event_name_heads")
_STREET_WORDS = wordlist("facility_heads")
_NOT_PEOPLE = wordlist("place_heads_not_people")
_NON_ENTITIES = wordlist("non_entities")
PLACE_DESCRIPTORS = wordlist("place_descriptors")
_WORLD_REGIONS = wordlist("world_regions")
_PLACE_PREPOSITIONS = wordlist("place_prepositions")
_ARTIFACTS = wordlist("artifact_nouns")
_PLACE_EVENTS = wordlist("place_event_nouns")
_SHIP_PREFIXES = wordlist("ship_prefixes")
_PLACE_OPENERS = wordlist("place_name_openers")
_NATURAL_FEATURES = wordlist("natural_feature_nouns")
_CENTRE_KINDS = wordlist("centre_facility_kinds")


def has_org_word(doc: Doc, start: int, end: int) -> bool:
    words = gazetteer().org_name_words
    return any(t.lower_ in words for t in doc[start:end])


def drop_span(doc: Doc, start: int, end: int, label: str) -> bool:
    """Spans that are not entities of our types (events, streets, time zones, product codes)."""
    text = surface(doc, start, end)
    last = doc[end - 1].lower_
    if text in _NON_ENTITIES or text in _WORLD_REGIONS or not any(c.isalpha() for c in text):
        return True  # a continent or world region is no geopolitical entity: no government, no country
    if not any(c.isupper() for c in text) and not text[:1].isdigit():
        return True  # "where", "solidarity": a name has a capital letter ("4chan" a digit)
    if label == "PERSON" and end - start == 1 and _common_word_person(doc, start):
        return True
    if label in {"PERSON", "ORG"} and end - start == 1 and _written_lower_elsewhere(doc, start):
        return True
    if last in EVENT_WORDS and (label != "PERSON" or last not in {"day", "week", "year", "season"}):
        return True
    if label in {"FAC", "LOC", "GPE", "ORG"} and last in _STREET_WORDS:
        return True
    if _names_a_thing(doc, start, end, label):
        return True
    if label == "PERSON" and end - start >= 2 and last in _NOT_PEOPLE:  # "Hall Station", "Sinai Desert"
        return True
    return label == "GPE" and any(c.isdigit() for c in text)


def _names_a_thing(doc: Doc, start: int, end: int, label: str) -> bool:
    """A name that is part of a product's, a ship's or an event's name, not an entity's.

    - a facility: a name ending in "Detention Centre", "Convention Center" and the like; the
      plural of a country ("the two Koreas") names no one entity either;
    - a ship: after a ship prefix ("the ROKS Cheonan", "HMS X"), or a class ("a Pohang-class
      corvette");
    - a product: a person-, place- or word-shaped name modifying a noun of made things ("Abrams
      tanks", "Bastion equipment"; a company is rarely an English word), or an organisation name
      ending in one ("Bradley Fighting Vehicles");
    - a natural feature: a GPE ending in a feature noun ("the Sinai Peninsula") or a name modifying
      one ("the Juba and Shabelle rivers");
    - an event: a place (no country) modifying an event noun ("the Katyn massacre", "the X air
      disaster", "the X process").
    """
    first = doc[start].text
    if (
        end - start >= 2
        and doc[end - 1].lower_ in {"centre", "center"}
        and doc[end - 2].lower_ in _CENTRE_KINDS
    ):
        return True  # "Toronto West Detention Centre": a facility
    if end - start == 1 and first.endswith("s") and _plural_of_country(first):
        return True  # "the two Koreas": two states, no one entity
    if first in _SHIP_PREFIXES or (start > 0 and doc[start - 1].text in _SHIP_PREFIXES):
        return True
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "class":
        return True
    if (
        label == "ORG"
        and end - start >= 2
        and doc[end - 1].lower_ in _ARTIFACTS
        and org_entry(surface(doc, start, end)) is None
    ):
        return True
    if label in {"GPE", "LOC"} and end - start >= 2 and doc[end - 1].lower_ in _NATURAL_FEATURES:
        return True  # "the Sinai Peninsula": a feature of the land
    last = doc[end - 1]
    head = last.head.head if last.dep_ == "conj" else last.head  # "the Juba and Shabelle rivers"
    if (
        head.i >= end
        and head.lower_ in _NATURAL_FEATURES
        and head.text.islower()
        and label in {"GPE", "LOC", "PERSON"}
    ):
        return lookup(gazetteer().country_names, surface(doc, start, end)) is None
    if last.dep_ != "compound" or head.i < end or not head.text.islower():
        return False
    word = surface(doc, start, end)
    if (
        head.lower_ in _ARTIFACTS
        and org_entry(word) is None
        and lookup(gazetteer().country_names, word) is None
    ):
        return label in {"PERSON", "GPE"} or (label == "ORG" and end - start == 1 and common_word(word))
    return (
        label in {"PERSON", "GPE"}
        and head.lower_ in _PLACE_EVENTS
        and lookup(gazetteer().country_names, word) is None
    )


def _plural_of_country(word: str) -> bool:
    countries = gazetteer().country_names
    return lookup(countries, word) is None and lookup(countries, word[:-1]) is not None


def retype_span(doc: Doc, start: int, end: int, label: str) -> str:
    """Type from lexicons and local context, overriding the model where evidence is strong."""
    g = gazetteer()
    text = surface(doc, start, end)
    if org_entry(text) is not None:
        return "ORG"
    if country_span(doc, start, end) is not None:
        return "GPE"
    if lookup(g.demonyms, text) or lookup(g.peoples, text):
        return "NORP"
    prev = doc[start - 1] if start > 0 else None
    if (
        prev is not None
        and (prev.lower_ == "of" or (prev.text == "," and label != "PERSON"))
        and start > 1
        and doc[start - 2].lower_ in PLACE_DESCRIPTORS
    ):
        return "GPE"  # "the province of X", "the capital, X" (but "governor of X province, NAME")
    if prev is not None and prev.lower_ in g.org_descriptors and label != "GPE":
        return "ORG"
    if (
        prev is not None
        and prev.lower_ == "called"
        and start > 1
        and doc[start - 2].lower_ in g.org_descriptors
    ):
        return "ORG"
    if label == "GPE" and end - start >= 2 and g.places.get(place_key(text)):
        return "GPE"  # a place-list name with an org word in it ("the West Bank") stays a place
    if label in {"LOC", "FAC", "GPE"} and has_org_word(doc, start, end):
        return "ORG"
    placeable = label in {"LOC", "FAC", "NORP"} or (label == "ORG" and end - start == 1)
    if placeable and g.places.get(place_key(text)):
        return "GPE"
    if placeable and city_country(text) and (label != "ORG" or _place_context(doc, start, end)):
        return "GPE"  # a one-word "organisation" may be a company named like a town ("Toyota")
    if label == "LOC":
        return "GPE"
    if (
        label == "PERSON"
        and end - start == 1
        and _city_not_person(doc, text)
        and _place_context(doc, start, end)
    ):
        return "GPE"
    if label in {"PERSON", "ORG", "FAC"} and end - start >= 2 and doc[start].text in _PLACE_OPENERS:
        return "GPE"  # "Jebel Moon", "Wadi Halfa", "Deir Yassin": an Arabic place word opens the name
    if label == "PERSON" and _kind_after(doc, start, end):
        return "ORG"  # "Etemad-e Melli newspaper", "the Wagner group"
    if label == "PERSON" and _acronym(doc, start, end):
        return "ORG"  # "ZANU-PF", "MDC": people are not named in capitals (a headline in capitals aside)
    if label == "PERSON" and has_org_word(doc, start, end) and end - start >= 2:
        return "ORG"
    if label in {"ORG", "GPE"} and not has_org_word(doc, start, end) and _person_shaped(doc, start, end):
        return "PERSON"
    return label


def _kind_after(doc: Doc, start: int, end: int) -> bool:
    """A "person" followed by a lower-case organisation kind ("X newspaper", "X, an older militia,")
    and not opened by a known given name: the kind names what the name is."""
    kinds = gazetteer().org_descriptors
    i = end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in {"a", "an", "the"}:
        i += 2  # "X, an older militia,"
        while i < len(doc) - 1 and doc[i].pos_ == "ADJ" and doc[i].text.islower():
            i += 1
    if i >= len(doc) or not doc[i].text.islower() or doc[i].lower_ not in kinds:
        return False
    return given_name_gender(doc[start].text) is None


def _acronym(doc: Doc, start: int, end: int) -> bool:
    """A span of short all-capital words (with hyphens) in a sentence that is not itself in capitals."""
    words = [t.text for t in doc[start:end] if t.text != "-"]
    if not words or not all(w.isalpha() and w.isupper() and 2 <= len(w) <= 6 for w in words):
        return False
    sent = doc[start].sent
    lower = sum(1 for t in sent if t.is_alpha and t.text.islower())
    return lower >= 3


def _place_context(doc: Doc, start: int, end: int) -> bool:
    """A place's context: a place preposition before the name ("officials in X", "moved to X"),
    or a list whose neighbour is a place ("Kisumu, X, Nakuru"), or its population right after it
    ("X, population 20,000"); a company named like a town ("Toyota met ...") has none of these."""
    if start > 0 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
        return True
    if any(t.lower_ == "population" for t in doc[end : end + 4]):
        return True  # "X, population 20,000", "X with a population of"
    before = doc[start - 2] if start > 1 and doc[start - 1].lower_ in {",", "and", "or"} else None
    after = doc[end + 1] if end + 1 < len(doc) and doc[end].lower_ in {",", "and", "or"} else None
    return any(t is not None and t.ent_type_ in {"GPE", "LOC"} for t in (before, after))


def _common_word_person(doc: Doc, i: int) -> bool:
    """A one-word "person" that is an ordinary English word ("Gunfire", "Safari", "Bang"), no
    given name, no title's holder ("President Bush") and no surname of a person in the article."""
    word = doc[i].text
    if not common_word(word) or given_name_gender(word) is not None:
        return False
    if i > 0 and doc[i - 1].lower_.rstrip(".") in gazetteer().titles:
        return False
    return not any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == word for e in doc.ents)


def _written_lower_elsewhere(doc: Doc, i: int) -> bool:
    """A one-word "person" or "organisation" that is an ordinary English word the same article
    also writes in lower case ("Cholera is ..." after "an outbreak of cholera"): its capital comes
    from a headline or a sentence start, not from a name.  Known organisations and given names
    are kept ("Labour" / "labour", "Bill" / "the bill")."""
    word = doc[i].text
    lower = word.lower()
    if word == lower or not common_word(word) or org_entry(word) is not None:
        return False
    if given_name_gender(word) is not None or lookup(gazetteer().country_names, word) is not None:
        return False
    return any(t.text == lower for t in doc)


def _city_not_person(doc: Doc, word: str) -> bool:
    """A one-word "person" that is a GeoNames city, no given name and no surname of a person the
    model found in the article ("in Annapolis" is the city; "Austin said" after "Lloyd Austin" is
    the man)."""
    if city_country(word) is None or given_name_gender(word) is not None:
        return False
    return not any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == word for e in doc.ents)


def _person_shaped(doc: Doc, start: int, end: int) -> bool:
    """A name the model typed ORG/GPE that has a person's shape or a person's relative pronoun.

    - given name(s) + a hyphenated double surname ("Ana Ruiz-Tagle"): organisations hyphenate
      their first word ("Coca-Cola", "Rolls-Royce"), people their surname;
    - a name followed by ", who" ("X, who heads the mission"): organisations take "which".
    """
    words = [t for t in doc[start:end] if t.text != "-"]
    if not 2 <= len(words) <= 5 or not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return False
    hyphen = end - start >= 4 and doc[end - 2].text == "-" and not doc[end - 2].whitespace_
    hyphen = hyphen and not doc[end - 3].whitespace_ and "-" not in doc[start : end - 3].text
    who = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
    return hyphen or who
