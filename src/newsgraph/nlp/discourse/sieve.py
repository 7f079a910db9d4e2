"""The sieve: coreference passes over the mentions, most precise first.

Each pass only adds links that the passes before it left open, and every link records the
pass that made it (:data:`newsgraph.nlp.discourse.model.SIEVES`):

1. ``exact`` -- the same name, or a spelling one edit away (:func:`.names.cluster_names`);
2. ``appositive`` -- a title in apposition to a name is a mention of that person;
3. ``acronym`` -- short forms join their long forms (:mod:`.acronyms`);
4. ``surname`` -- surnames, given names and shorter organisation names join the full name
   (:func:`.names.cluster_names`, :func:`.names.add_name_repeats`); ``author`` -- the byline;
5. ``title`` -- a title used alone joins the holder of that title (:func:`.names.link_title_mentions`);
6. ``description`` -- "the organization", "the report" point back (:mod:`.descriptions`);
7. ``pronoun`` -- with agreement as a hard filter and salience across paragraphs (:mod:`.pronouns`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.nlp.discourse.acronyms import link_acronyms
from newsgraph.nlp.discourse.descriptions import Described, find_descriptions
from newsgraph.nlp.discourse.model import DEFAULT_CONFIG, DiscourseConfig
from newsgraph.nlp.discourse.names import (
    Cluster,
    add_name_repeats,
    cluster_names,
    link_title_mentions,
    name_tokens,
    reclaim_speaking_surnames,
)
from newsgraph.nlp.discourse.pronouns import init_genders, quote_spans, resolve_pronouns
from newsgraph.nlp.doc_cache import text_of
from newsgraph.nlp.mentions.collect import Mentions
from newsgraph.nlp.mentions.names import Mention
from newsgraph.nlp.mentions.roles import appositive_title_mentions


def _add_author(clusters: list[Cluster], author: Mention) -> None:
    """The author's own cluster, or the body's person of the same full name ("By Ana Ruiz" and
    "Ana Ruiz, reporting from ...", "said Ruiz"): one person, not two."""
    key = name_tokens(author.text)
    same = [c for c in clusters if c.label == "PERSON" and len(key) >= 2 and c.longest_tokens() == key]
    if len(same) == 1:
        same[0].mentions.append(author)
    else:
        clusters.append(Cluster("PERSON", [author]))


def run_sieve(
    doc: Doc, found: Mentions, config: DiscourseConfig = DEFAULT_CONFIG
) -> tuple[list[Cluster], list[Described]]:
    """Clusters of coreferent mentions and the resolved descriptions (module docstring)."""
    clusters = cluster_names(list(found.names), quote_spans(text_of(doc)))
    for c in clusters:
        if c.label == "PERSON":
            c.mentions.extend(t for m in list(c.mentions) for t in appositive_title_mentions(doc, m))
    clusters = link_acronyms(doc, clusters)
    reclaim_speaking_surnames(doc, clusters)
    add_name_repeats(doc, clusters)
    for author in found.authors:
        _add_author(clusters, author)
    init_genders(doc, clusters)
    link_title_mentions(doc, clusters, list(found.phrases))
    described = find_descriptions(doc, clusters)
    _add_description_mentions(doc, [d for d in described if d.kind == "ORG"])
    speakers = [c for c in clusters if all(m.kind != "author" for m in c.mentions)]
    # described groups take they/them; unnamed persons ("a local official") he/she
    groups = [d for d in described if d.kind == "GROUP" or (d.kind == "PERSON" and d.cluster is None)]
    # a role noun ("the contractor") joins its person after the pronouns are resolved: a
    # description is no antecedent a pronoun should prefer to the name it stands for
    pronouns = resolve_pronouns(doc, speakers, groups, config)
    _add_description_mentions(doc, [d for d in described if d.kind == "PERSON"])
    return clusters, described + pronouns


def _add_description_mentions(doc: Doc, described: list[Described]) -> None:
    for d in described:
        if d.cluster is not None:
            m = Mention(
                d.start, d.end, d.kind, doc[d.start : d.end].text, kind="description", sieve="description"
            )
            m.set_chars(doc)
            d.cluster.mentions.append(m)
