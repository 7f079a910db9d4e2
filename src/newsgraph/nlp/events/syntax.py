"""The arguments and modality of event triggers, read from the dependency parse.

Triggers themselves are found by :mod:`~newsgraph.nlp.events.triggers`.  For each trigger
this module finds the source token (subject; agent of a passive), the target token (the
object or prepositional complement the lexicon names; the subject of a passive; the noun a
passive participle modifies), and the clause's *modality*:

- ``asserted``: coded as it stands;
- ``intent``: the act sits under an intent word ("willing to", "vowed to", "openness to") or a
  future auxiliary ("will meet"): coded as an expressed intent (03x) or a threat (13x);
- ``negated``, ``hypothetical`` (conditional or modal clause), ``question``, ``embedded`` (the
  content of another event: "urged X *to strike*", "accused X *of attacking*"): not coded.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.nlp.events.datelines import is_dateline
from newsgraph.nlp.events.opinion import statement_only
from newsgraph.nlp.events.phrases import holder_of_origin, named_complement, patient_possessor
from newsgraph.nlp.events.triggers import Found
from newsgraph.nlp.knowledge.event_lexicon import EventLexicon, Trigger
from newsgraph.nlp.knowledge.gazetteer import gazetteer, lookup
from newsgraph.nlp.knowledge.wordlists import wordlist
from newsgraph.nlp.syntax import RELATIVE, source_token

#: Modal auxiliaries that make a clause hypothetical ("would strike", "could use").
HYPOTHETICAL_MODALS = wordlist("hypothetical_modals")
FUTURE_AUX = wordlist("future_auxiliaries")
#: Participles whose prefixed name is the act's author ("Hezbollah-led protests").
LEADING_PARTICIPLES = frozenset({"lead", "organize", "organise"})
#: Participles whose passive with "to" is a stance of its subject ("is opposed to").
STATIVE_PASSIVES = frozenset({"oppose"})
#: Subordinators of conditional and open clauses: "if X attacked", "whether to meet".
CONDITIONAL_MARKS = wordlist("conditional_marks")
#: Verbs whose to-clause did not (or will not) happen.
FAILURE_VERBS = wordlist("failure_verbs")
#: Verbs that frame a clause as a possibility or a wish, not a report.
IRREALIS_VERBS = wordlist("irrealis_verbs")
#: Verbs after which a to-infinitive act did happen ("proceeded to lie", "began to shell").
IMPLICATIVE_VERBS = wordlist("implicative_verbs")
#: Dependencies along which an act can be the content of a word above it.
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "acl", "pobj", "dobj", "acomp", "advcl"})
_NOUN_SOURCE_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_SPEECH = wordlist("speech_verbs")
#: Types of verbal acts, which a speaker performs by saying them ("we congratulate", "I urge").
VERBAL_TYPES = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"})
#: Adjectives that make an act noun a possibility, not a report ("a possible Israeli attack").
POSSIBILITY_ADJECTIVES = frozenset(
    {"possible", "potential", "likely", "probable", "hypothetical", "prospective", "imminent", "eventual"}
)


# -- arguments ---------------------------------------------------------------------------


def _child(token: Token, deps: tuple[str, ...], text: str | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and (text is None or child.lower_ == text):
            return child
    return None


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return _child(prep, ("pobj",)) or _child(prep, ("pcomp",))


def is_passive(token: Token) -> bool:
    """A passive clause: a passive subject, or a passive participle modifying a noun."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return True
    return token.dep_ == "acl" and token.tag_ == "VBN"


def antecedent(token: Token) -> Token:
    """A relative pronoun's noun ("the letter, which urged" -> letter); else the token."""
    head = token.head
    if token.lower_ in RELATIVE and head.dep_ == "relcl":
        return head.head
    return token


def verb_source(token: Token) -> Token | None:
    """Source token of a verb trigger: the agent of a passive, else the subject (climbing
    conjoined and participial verbs, as for quote speakers)."""
    if is_passive(token):
        agent = passive_agent(token)
        if agent is None and token.lemma_.lower() in STATIVE_PASSIVES and _child(token, ("prep",), "to"):
            return _child(token, ("nsubjpass",))  # "Israel is opposed to French mediation"
        return agent
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # no relative ("boats which the UN criticised": the object), no dateline
        return next((c for c in subjects if c.lower_ not in RELATIVE and not is_dateline(c)), subjects[0])
    found = _object_controller(token) or source_token(token)
    if found is None and token.dep_ == "pcomp":
        found = _controller(token)
    if found is None and token.dep_ == "acomp":  # "Israel is opposed to ...": the copula's subject
        found = _child(token.head, ("nsubj",))
    return antecedent(found) if found is not None else None


def passive_agent(token: Token) -> Token | None:
    """The agent of a passive: the "by" phrase, which the parser marks ``agent`` or, after an
    intervening phrase ("abducted along with his colleague by six armed men"), a plain ``prep``;
    a "by" phrase under the "as" or bare predicate also counts ("hailed as a hero by the
    President", "is considered a terrorist group by Colombia")."""
    agent = _pobj(_child(token, ("agent",)) or _child(token, ("prep",), "by"))
    if agent is None:  # "hailed as a hero by X", "considered a terrorist group by X"
        as_phrase = _child(token, ("prep",), "as")
        predicate = _pobj(as_phrase) if as_phrase is not None else _child(token, ("oprd",))
        by = _child(predicate, ("prep", "agent"), "by") if predicate is not None else None
        agent = _pobj(by) if by is not None else None
    if agent is None or agent.ent_type_ in _NOT_ACTORS:
        return None  # "by Friday", "by 2010"
    return agent


def absolute_subjects(token: Token) -> Token | None:
    """The first subject of a "with X, Y and Z doing" clause, which the parser often splits
    between the preposition's object (X, Y) and the verb's subject (Z)."""
    if token.dep_ != "pcomp" or token.head.lower_ != "with":
        return None
    return _pobj(token.head) if _child(token.head, ("pobj",)) is not None else None


def _object_controller(gerund: Token) -> Token | None:
    """The object of the verb whose reason a gerund gives: "the court tried him for [murdering]
    two men" -> him, "praised Kenya for [hosting] the talks" -> Kenya (object control)."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.lower_ not in ("for", "of") or prep.head.pos_ != "VERB":
        return None
    obj = _child(prep.head, ("dobj",))
    if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "NORP", "ORG")):
        return obj
    return None


def _controller(gerund: Token) -> Token | None:
    """Subject of the clause a gerund depends on through a noun: "Malaysia has maintained a
    policy of [turning away] boats" -> Malaysia; but the object, when the gerund gives the
    reason a verb acts on someone (:func:`_object_controller`)."""
    current = gerund.head
    for _ in range(4):
        if current.tag_.startswith("VB"):
            return source_token(current)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def verb_target(token: Token, trigger: Trigger) -> Token | None:
    """Target token of a verb trigger (see the module docstring)."""
    if is_passive(token):
        subject = _child(token, ("nsubjpass",))
        if subject is not None:
            return antecedent(subject)
        if token.dep_ == "acl":
            return token.head
        return _passive_controller(token)
    found: Token | None
    for where in trigger.targets:
        if where in ("dobj", "dative"):
            found = _child(token, (where,)) if where == "dobj" else _child(token, ("dative", "iobj"))
            if found is not None and found.dep_ == "dative" and found.tag_ == "IN":
                found = _pobj(found)  # "gave (to) X"
        elif where == "pobj":
            found = named_complement(token, ("prep", "prt"), trigger.particle)
        else:
            found = named_complement(token, ("prep",), where)
            if found is None and (obj := _child(token, ("dobj",))) is not None:
                found = _pobj(_child(obj, ("prep",), where))  # "sent his wishes to X"
        if (
            found is not None
            and found.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
            and found.ent_type_ not in _NOT_ACTORS
        ):
            return antecedent(found)
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and token.dep_ == "relcl":
        return token.head  # "boats which the UN has criticised"
    # a demand's or threat's clause is never its target, its subject may be: "requested that Iran free"
    return clause_subject(token) if trigger.plover in ("REQUEST", "THREATEN") else None


def _passive_controller(token: Token) -> Token | None:
    """The subject a passive with no subject of its own depends on: "X spoke after being
    released", "being hailed as a hero, X ..." -> X."""
    if token.dep_ not in ("advcl", "pcomp", "xcomp", "conj"):
        return None
    found = _controller(token) if token.dep_ == "pcomp" else _child(token.head, ("nsubj", "nsubjpass"))
    return antecedent(found) if found is not None and found.i != token.i else None


def clause_subject(token: Token) -> Token | None:
    """The subject, if it names someone, of a that-clause or for-to clause under ``token``."""
    for child in token.children:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if child.i < token.i or not (child.dep_ == "ccomp" or (child.dep_ == "advcl" and "for" in marks)):
            continue
        subject = _child(child, ("nsubj", "nsubjpass"))
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.ent_type_ not in _NOT_ACTORS:
            return antecedent(subject)
    return None


def noun_source(token: Token) -> Token | None:
    """Source of a noun trigger: its possessor or a name/nationality modifier ("U.S.
    airstrikes", "the Iraqi offensive"), or a "by" phrase."""
    for child in token.children:
        if child.dep_ == "compound" and child.ent_type_ == "GPE" and not _is_country(child):
            continue  # "the Silea attack", "the Baghdad bombings": where, not who
        if (
            child.dep_ in _NOUN_SOURCE_DEPS
            and (child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or child.dep_ == "poss")
            and child != patient_possessor(token)  # "her arrest": she was arrested
        ):
            return child
    for child in token.children:  # "Hezbollah-led protests": who led it did it
        if child.dep_ == "amod" and child.lemma_.lower() in LEADING_PARTICIPLES:
            leader = _child(child, ("npadvmod", "compound", "nmod"))
            if leader is not None and leader.pos_ == "PROPN":
                return leader
    controller = holder_of_origin(token)
    if controller is not None:
        return controller  # "rocket attacks from the Hamas-controlled Gaza Strip"
    by = _child(token, ("prep",), "by")
    if by is None:  # "threats of military action by the U.S. and Israel"
        by = _child(_pobj(_child(token, ("prep",), "of")) or token, ("prep",), "by")
    return _pobj(by)


def _is_country(token: Token) -> bool:
    """Whether a place name names a country ("U.S." in "U.S. airstrikes"), not a town."""
    return lookup(gazetteer().country_names, token.text) is not None


def noun_target(token: Token, trigger: Trigger) -> Token | None:
    """Target of a noun trigger: the complement of a preposition the lexicon names."""
    for where in trigger.targets:
        found = _pobj(_child(token, ("prep",), where))
        if found is not None:
            return found
    return patient_possessor(token)


# -- modality ----------------------------------------------------------------------------


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _modals(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD"}


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children)


def _going_to(token: Token) -> bool:
    """ "is going to meet": the future with "going to"."""
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def _scheduled(token: Token) -> bool:
    """ "is to meet", "are to hold talks": "be" with a to-infinitive and the subject on "be" is
    an arranged future act, an intent like "will meet" ("the aim is to meet demand" has no
    actor for a subject and codes nothing)."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        and any(c.dep_ == "nsubj" for c in head.children)
    )


def _reported(token: Token) -> bool:
    """A clause reported by a speech verb ("said it would withdraw"): future in the past."""
    return token.dep_ == "ccomp" and token.head.lemma_ in _SPEECH


def _clause_mood(token: Token) -> str | None:
    """Mood read off one clause head: its negation, modals and subordinator."""
    if _negated(token):
        return "negated"
    if _conditional(token):
        return "hypothetical"
    modals = _modals(token)
    if modals & FUTURE_AUX or _going_to(token) or _scheduled(token):
        return "intent"
    if modals & HYPOTHETICAL_MODALS:
        return "intent" if "would" in modals and _reported(token) else "hypothetical"
    return None


def _content_link(token: Token) -> bool:
    """Whether ``token`` is (part of) the content of its head: a complement, a preposition's
    object, or a purpose clause ("to topple"); not a coordinated or circumstantial clause."""
    if token.head.i == token.i or token.dep_ not in _CONTENT_DEPS:
        return False
    if token.dep_ == "advcl":
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    return True


def _embeds(found: Found, link: Token) -> bool:
    """A noun trigger is the content of a verb trigger only as its object ("launched
    airstrikes"); "complying with X's requests" codes both the request and the compliance."""
    if found.token.pos_ != "NOUN":
        return True
    return link.i == found.token.i and link.dep_ in ("dobj", "nsubjpass")


def _to_infinitive(token: Token) -> bool:
    """A to-infinitive complement or purpose clause ("to free", "in an effort to topple")."""
    return token.dep_ in ("xcomp", "advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children
    )


def _intent_word(link: Token, lexicon: EventLexicon) -> Token | None:
    """The intent word whose content ``link`` is: its head ("willing [to go]", "vowed [to
    strike]"), or the head verb's object when the parser hangs the to-phrase on the verb
    ("expressed openness [to discussing]")."""
    head = link.head
    if head.lemma_.lower() in lexicon.intents and link.dep_ in ("xcomp", "pcomp", "acl", "prep", "advcl"):
        return head
    if link.dep_ == "prep" and link.lower_ == "to":
        for child in head.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.intents and child.i < link.i:
                return child
    return None


def _performative(found: Found, current: Token, head: Token) -> bool:
    """A verbal act under "would like to" / "wish to" in the speaker's first person is performed
    by saying it: "We would like to congratulate the Zimbabwean people", "I wish to thank X"."""
    return (
        found.trigger.plover in VERBAL_TYPES
        and current.dep_ == "xcomp"
        and head.lemma_.lower() in ("like", "wish")
        and (head.lemma_.lower() == "wish" or "would" in _modals(head))
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children)
    )


def modality(found: Found, lexicon: EventLexicon, triggers: set[int]) -> tuple[str, Token | None]:
    """The modality of a trigger (module docstring) and, for an intent, the intent word.

    Walks from the trigger up through the words whose content it is: the first intent word
    makes it an intent, the first other trigger makes it embedded content, a negation,
    condition or modal on the way decides as :func:`_clause_mood` says.
    """
    token = found.token
    if token.sent[-1].text == "?" or any(t.text == "?" for t in token.sent[-2:]):
        return "question", None
    if statement_only(token):
        return "statement", None
    if token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lemma_.lower() in POSSIBILITY_ADJECTIVES for c in token.children
    ):
        return "hypothetical", None  # "warned of a possible attack", "a potential blockade"
    mood = _clause_mood(token)
    if mood is not None and mood != "intent":
        return mood, None
    current = token
    for _ in range(6):
        if not _content_link(current):
            break
        head = current.head
        lemma = head.lemma_.lower()
        if head.i in triggers and lemma not in lexicon.intents and _embeds(found, current):
            return "embedded", None
        intent = _intent_word(current, lexicon)
        if intent is not None:
            if _negated(intent) or _negated(head) or (head.dep_ == "xcomp" and _negated(head.head)):
                return "negated", None
            return "intent", intent
        if _performative(found, current, head):
            return "asserted", None  # "we would like to congratulate X": saying it does it
        if lemma in FAILURE_VERBS and current.dep_ == "xcomp":
            # "failed to reach agreement": an agreement that did not happen, as if negated
            return ("negated" if lemma == "fail" and head.i not in triggers else "embedded"), None
        if _to_infinitive(current) and lemma not in IMPLICATIVE_VERBS and not _scheduled(current):
            return "hypothetical", None  # "ordered the army to free ...", "an effort to topple"
        if lemma in IRREALIS_VERBS or _conditional(head):
            return "hypothetical", None
        head_mood = _clause_mood(head)
        if head_mood is not None and current.dep_ in ("xcomp", "pcomp", "prep", "dobj", "pobj"):
            if head_mood == "intent":  # "will continue fighting": the future of the act
                mood = "intent"
            else:
                return head_mood, None
        current = head
    return (mood or "asserted"), None


def presupposed(token: Token) -> bool:
    """Whether an act noun is a definite description of an act that took place: "the Israeli
    air strikes", "Hamas's rocket attacks" (a possessor or a name or nationality modifier, and
    no indefinite article).  A definite description presupposes what it names, so the act is
    reported even inside a judgement of it ("condemned the Israeli strikes") or a purpose
    clause ("met to discuss the Israeli air strikes"); "a possible attack", "an attack" do not."""
    if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS"):
        return False
    children = list(token.children)
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no", "another") for c in children):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in POSSIBILITY_ADJECTIVES for c in children):
        return False
    return noun_source(token) is not None


def intent_source(intent: Token) -> Token | None:
    """Source of an expressed intent: the subject of the intent word's clause ("Blinken has
    expressed Washington's openness to ..." -> Blinken; "Syria is willing to ..." -> Syria)."""
    current = intent
    for _ in range(4):
        if current.tag_.startswith("VB"):
            found = verb_source(current)
            if found is not None:
                return found
        if current.dep_ in ("acomp", "dobj", "xcomp", "attr", "oprd", "amod") and current.head.i != current.i:
            current = current.head
            continue
        break
    if intent.pos_ == "NOUN":
        return _child(intent, ("poss",))
    return None


def obligation(token: Token) -> Token | None:
    """The reporting verb of "X said Y must do Z": a demand by X on Y (CAMEO 10).

    Returns the reporting verb when ``token`` heads a clause with "must" or "should" that a
    verb with a subject reports, and the clause subject is someone else than the reporter.
    """
    if token.dep_ != "ccomp" or not (_modals(token) & {"must", "should"}):
        return None
    subject = _child(token, ("nsubj", "nsubjpass"))
    if subject is None or subject.lower_ in ("we", "i", "it", "there", "this", "that"):
        return None
    reporter = token.head
    return reporter if _child(reporter, ("nsubj",)) is not None else None
