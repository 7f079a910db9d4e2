"""The plain-text cleaner: metadata, removed lines, headings and standfirst, on gold and variants."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.base import ExtractedArticle
from newsgraph.extract.text import clean_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD_DEV = SHARED / "gold" / "dev"
SEED = GOLD_DEV / "seed-us-open-to-discussing-deep-strikes.json"

# Subheadings that the Wikinews pages really have (the World Cup report has one per match).
GOLD_HEADING_COUNTS = {"wikinews-world-cup-2018-day-five": 3}

P1 = "The minister said on Tuesday that the talks would resume next week after a pause of several months."
P2 = "Officials in both capitals declined to comment on the timing, citing the sensitivity of the talks."
P3 = '"We are ready to listen," the envoy told reporters outside the building on Wednesday evening.'
SUMMARY = "The government has signalled a new willingness to negotiate over the disputed border region."


def _gold(path: Path) -> dict[str, Any]:
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared gold data in ../shared")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _gold_files() -> list[Path]:
    """The dev gold files; the absent folder itself when missing, so the test skips with a message."""
    return sorted(GOLD_DEV.glob("*.json")) if GOLD_DEV.is_dir() else [GOLD_DEV]


def _texts(article: ExtractedArticle, spans: Any) -> list[str]:
    return [article.text[s.start : s.end] for s in spans]


def _removed(article: ExtractedArticle) -> list[tuple[str, str]]:
    return [(article.text[r.start : r.end], r.reason) for r in article.removed_lines]


# --------------------------------------------------------------------------- gold


@pytest.mark.gold
def test_seed_article_metadata() -> None:
    data = _gold(SEED)
    meta = data["metadata"]
    article = clean_text(data["text"])
    assert article.text is data["text"]
    assert article.title == meta["title"]
    assert list(article.authors) == meta["authors"]
    assert article.published == meta["published"]
    assert article.published_raw is not None
    assert article.published_raw in data["text"]
    assert article.section == meta["section"]
    assert list(article.image_credits) == meta["image_credits"]
    assert _texts(article, article.headings) == meta["headings"]
    assert article.standfirst is not None
    assert data["text"][article.standfirst.start : article.standfirst.end] == meta["standfirst"]
    removed = [text for text, _ in _removed(article)]
    assert list(dict.fromkeys(removed)) == meta["boilerplate_lines"]
    every_line = [ln for ln in data["text"].split("\n") if ln.strip() in meta["boilerplate_lines"]]
    assert removed == every_line  # each repetition of a credit is removed too
    assert {reason for _, reason in _removed(article)} == {"section label", "image credit", "widget"}


@pytest.mark.gold
@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_dates_and_nothing_wrongly_removed(path: Path) -> None:
    data = _gold(path)
    text = data["text"]
    article = clean_text(text)
    assert article.text is text
    assert article.published is not None
    assert article.published[:10] == data["source"]["date"]
    assert article.title == text.split("\n", 1)[0].strip()
    if "metadata" in data:
        assert {t for t, _ in _removed(article)} == set(data["metadata"]["boilerplate_lines"])
    else:
        assert article.published == data["source"]["date"]
        assert article.removed_lines == ()
        assert article.standfirst is None  # a Wikinews lede is not a standfirst
        assert len(article.headings) == GOLD_HEADING_COUNTS.get(path.stem, 0)
        assert article.authors == ()
        assert article.image_credits == ()


@pytest.mark.gold
def test_gold_folder_has_the_seed_and_wikinews_files() -> None:
    _gold(SEED)
    assert len(_gold_files()) >= 2


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("Written by Camille Jensen", ("Camille Jensen",), None),
        ("By Jane Doe", ("Jane Doe",), None),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("By Jane Doe, John Roe and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe"), None),
        ("By Jane Doe, John Roe, and Ann Poe", ("Jane Doe", "John Roe", "Ann Poe"), None),
        ("Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("By Jane Doe, Associated Press", ("Jane Doe",), "Associated Press"),
        ("By JANE DOE", ("Jane Doe",), None),
        ("BY JEAN-PAUL O'NEIL AND MARY MCDONALD", ("Jean-Paul O'Neil", "Mary McDonald"), None),
        ("Jane Doe | Staff writer", ("Jane Doe",), None),
        ("Jane Doe, Middle East Correspondent", ("Jane Doe",), None),
        ("By Jane Doe, Political Editor", ("Jane Doe",), None),
        ("By Jane Doe Political Editor", ("Jane Doe",), None),
        ("By Jane Doe in Kyiv", ("Jane Doe",), None),
        ("Author: Ursula von der Berg", ("Ursula von der Berg",), None),
        ("By Reuters", (), "Reuters"),
        ("By Staff Reporter", (), None),
        ("Reporting by Jane Doe in Kyiv; Editing by John Roe", ("Jane Doe",), None),
        (
            "(Reporting by Jane Doe and Ann Poe; Writing by Tom Lee; Editing by John Roe)",
            ("Jane Doe", "Ann Poe", "Tom Lee"),
            None,
        ),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], outlet: str | None) -> None:
    text = f"Talks to resume next week\n\n{line}\n\n{P1}\n\n{P2}"
    article = clean_text(text)
    assert article.authors == authors
    assert article.outlet == outlet
    assert article.removed_lines == ()  # a byline is metadata, not boilerplate
    assert article.headings == ()


@pytest.mark.parametrize(
    "line",
    [
        "By Thursday, the army had advanced.",
        "By the end of May, prices rose.",
        "By Monday Morning",
        "Jane Doe, John Roe",  # two names without "By" or an outlet: not a byline
        "Angela Merkel, Chancellor",
        "Reporting by the ministry suggested that the numbers were wrong.",
        "By far the largest protest in years took place in the capital on Sunday.",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert clean_text(f"Talks to resume next week\n\n{line}\n\n{P1}\n\n{P2}").authors == ()


def test_reporting_credit_at_the_end() -> None:
    text = f"Talks to resume\n\n{P1}\n\n{P2}\n\n(Reporting by Jane Doe; Editing by John Roe)"
    article = clean_text(text)
    assert article.authors == ("Jane Doe",)
    assert article.headings == ()


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "published", "raw"),
    [
        ("May.23 - 2024 7:37 AM CET", "2024-05-23T07:37:00+01:00", "May.23 - 2024 7:37 AM CET"),
        ("23 May 2024 07:37", "2024-05-23T07:37:00", "23 May 2024 07:37"),
        ("Thursday, May 23, 2024", "2024-05-23", "Thursday, May 23, 2024"),
        ("2024-05-23T07:37:00+01:00", "2024-05-23T07:37:00+01:00", "2024-05-23T07:37:00+01:00"),
        ("23/05/2024 07:37 GMT", "2024-05-23T07:37:00+00:00", "23/05/2024 07:37 GMT"),
        ("Updated: May 23, 2024 10:02 a.m. EDT", "2024-05-23T10:02:00-04:00", "May 23, 2024 10:02 a.m. EDT"),
        (
            "Published 7:37 AM CET, Thu May 23, 2024",
            "2024-05-23T07:37:00+01:00",
            "7:37 AM CET, Thu May 23, 2024",
        ),
        ("LONDON, May 23, 2024", "2024-05-23", "May 23, 2024"),
        ("Posted on May 23, 2024 at 9:15 pm", "2024-05-23T21:15:00", "May 23, 2024 at 9:15 pm"),
        ("May 23", None, None),  # no year: no date
        ("05/06/2024", None, None),  # ambiguous: no date
    ],
)
def test_datelines(line: str, published: str | None, raw: str | None) -> None:
    text = f"Talks to resume next week\n{line}\n{P1}\n{P2}"
    article = clean_text(text)
    assert article.published == published
    assert article.published_raw == raw
    assert article.removed_lines == ()
    assert article.title == "Talks to resume next week"


def test_byline_and_date_on_one_line() -> None:
    article = clean_text(f"Talks resume\n\nBy Jane Doe, Reuters | Published May 23, 2024 07:37 GMT\n\n{P1}")
    assert article.authors == ("Jane Doe",)
    assert article.outlet == "Reuters"
    assert article.published == "2024-05-23T07:37:00+00:00"


def test_published_preferred_over_updated() -> None:
    text = f"Talks resume\nUpdated May 24, 2024 10:02 EDT\nPublished May 23, 2024\n{P1}\n{P2}"
    article = clean_text(text)
    assert (article.published, article.published_raw) == ("2024-05-23", "May 23, 2024")


def test_only_updated_is_used_when_alone() -> None:
    article = clean_text(f"Talks resume\nLast updated May 24, 2024\n{P1}")
    assert article.published == "2024-05-24"


def test_a_date_inside_a_sentence_is_not_a_dateline() -> None:
    article = clean_text(f"Talks resume\n\nThe summit on May 23, 2024 ended without a deal.\n\n{P1}")
    assert article.published is None


# --------------------------------------------------------------------------- removed lines


@pytest.mark.parametrize(
    ("line", "reason", "credit"),
    [
        ("Photo: Wikimedia Commons", "image credit", "Wikimedia Commons"),
        ("Photo by Jane Roe/Reuters", "image credit", "Jane Roe/Reuters"),
        ("Image: NASA", "image credit", "NASA"),
        ("Credit: Jane Roe", "image credit", "Jane Roe"),
        ("Image courtesy of the City Archive", "image credit", "the City Archive"),
        ("(AP Photo/Evan Vance)", "image credit", "AP Photo/Evan Vance"),
        ("The envoy arrives in the capital. (AP Photo/Evan Vance)", "image credit", "AP Photo/Evan Vance"),
        ("Getty Images", "image credit", "Getty Images"),
        ("REUTERS/Kevin Lane", "image credit", "REUTERS/Kevin Lane"),
        ("Mandy Ng/AFP via Getty Images", "image credit", "Mandy Ng/AFP via Getty Images"),
        ("Trending Now", "widget", None),
        ("Read more", "widget", None),
        ("READ MORE »", "widget", None),
        ("Read More: Why the talks stalled", "widget", None),
        ("Advertisement", "widget", None),
        ("Share this article", "widget", None),
        ("Share on Facebook", "widget", None),
        ("Share on Facebook | Share on Twitter | Email", "widget", None),
        ("Sign up for our newsletter", "widget", None),
        ("Related: Border talks collapse", "widget", None),
        ("Most Read", "widget", None),
        ("Follow us on Twitter", "widget", None),
        ("Click here to subscribe to alerts.", "widget", None),
        ("Subscribe", "widget", None),
        ("Recommended", "widget", None),
        ("Skip to content", "widget", None),
        ("• Advertisement •", "widget", None),
    ],
)
def test_removed_lines(line: str, reason: str, credit: str | None) -> None:
    text = f"Talks to resume\n\n{P1}\n\n{line}\n\n{P2}\n\n{line}\n\n{P3}"
    article = clean_text(text)
    assert _removed(article) == [(line, reason), (line, reason)]  # every repetition
    if credit is not None:
        assert article.image_credits == (credit,)
    elif reason == "widget":
        assert article.image_credits == ()
    assert article.headings == ()


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the plan in the report that the ministry released on Friday.",
        "Share prices fell sharply after the announcement on Monday morning, traders said.",
        "Photographs of the meeting were released by the ministry on Friday afternoon.",
        "Subscribers to the service will receive refunds, the company said.",
        "Picture by picture, the exhibition tells the story of the city.",
        '"Read more books," the minister told the students.',
        "Related reports said the talks had stalled over the question of sequencing.",
    ],
)
def test_sentences_are_kept(line: str) -> None:
    text = f"Talks to resume\n\n{P1}\n\n{line}\n\n{P2}"
    article = clean_text(text)
    assert article.removed_lines == ()
    assert article.image_credits == ()


def test_removed_span_covers_the_whole_line_without_newline() -> None:
    text = f"Title\n\n{P1}\n  Advertisement  \n{P2}"
    article = clean_text(text)
    (removed,) = article.removed_lines
    assert text[removed.start : removed.end] == "  Advertisement  "
    assert text[removed.end] == "\n"


# --------------------------------------------------------------------------- sections


@pytest.mark.parametrize(
    ("lines", "section"),
    [
        ("Talks resume\nPolitics", "Politics"),
        ("Talks resume\nWORLD", "WORLD"),
        ("World > Europe\nTalks resume", "World > Europe"),
        ("Home › News › Politics\nTalks resume", "News > Politics"),
        ("News\nTalks resume", "News"),  # a label above the title is not the title
    ],
)
def test_sections(lines: str, section: str) -> None:
    text = f"{lines}\nBy Jane Doe\n\n{P1}\n\n{P2}"
    article = clean_text(text)
    assert article.section == section
    assert article.title == "Talks resume"
    assert [reason for _, reason in _removed(article)] == ["section label"]


def test_a_section_word_in_the_body_is_not_a_label() -> None:
    text = f"Talks resume\n\n{P1}\n\n{P2}\n\nPolitics\n\n{P3}"
    article = clean_text(text)
    assert article.section is None
    assert article.removed_lines == ()
    assert _texts(article, article.headings) == ["Politics"]


# --------------------------------------------------------------------------- headings


def test_headings() -> None:
    text = "\n\n".join(
        [
            "Talks resume",
            "May 23, 2024",
            P1,
            "What Happens Next",
            P2,
            "Why does it matter?",
            P3,
            "The Outlook",
            P1,
        ]
    )
    article = clean_text(text)
    assert _texts(article, article.headings) == ["What Happens Next", "Why does it matter?", "The Outlook"]


@pytest.mark.parametrize(
    "line",
    [
        '"We will not give up"',  # a quotation
        "We will win. — Jane Doe",  # a pull-quote: two sentences
        "He said the talks failed. Then he left",
        "The demands include:",
        "It was a long day for everyone.",
        "http://example.com/story",
        "a lower-case fragment of a line",
        "This line has far too many words to be a heading in any real newspaper article",
    ],
)
def test_not_headings(line: str) -> None:
    text = "\n\n".join(["Talks resume", P1, P2, line, P3])
    assert clean_text(text).headings == ()


def test_list_items_are_not_headings() -> None:
    text = "\n\n".join(["Talks resume", P1, "The demands include:", "A ceasefire", "Prisoner exchanges", P2])
    assert clean_text(text).headings == ()


def test_short_lines_in_a_run_are_not_headings() -> None:
    text = "\n\n".join(["Talks resume", P1, "Sweden", "Belgium", "England", P2])
    assert clean_text(text).headings == ()


def test_heading_in_single_spaced_text() -> None:
    text = "\n".join(["Talks resume", "May 23, 2024", P1, P2, "Russian Reaction", P3])
    assert _texts(clean_text(text), clean_text(text).headings) == ["Russian Reaction"]


def test_heading_in_single_spaced_body_after_a_blank_line() -> None:
    text = f"Talks resume\n\n{P1}\n{P2}\nRussian Reaction\n{P3}\n{P1}"
    article = clean_text(text)
    assert _texts(article, article.headings) == ["Russian Reaction"]


def test_hard_wrapped_paragraphs() -> None:
    wrapped = (
        "The minister said on Tuesday that the talks would\n"
        "resume next week after a pause of several\nmonths, officials said."
    )
    text = f"Talks resume\n\nBy Jane Doe\n\n{wrapped}\n\nAdvertisement\n\nNext Steps\n\n{P2}\n\n{P1}"
    article = clean_text(text)
    assert _span(article) == wrapped
    assert _texts(article, article.headings) == ["Next Steps"]


def test_wrapped_paragraph_fragment_is_not_a_heading() -> None:
    text = f"Talks resume\n\n{P1}\n\nOfficials in both capitals declined\nto comment on the timing\n\n{P2}"
    assert clean_text(text).headings == ()


# --------------------------------------------------------------------------- standfirst


def _span(article: ExtractedArticle) -> str | None:
    sf = article.standfirst
    return None if sf is None else article.text[sf.start : sf.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Talks resume\n\nBy Jane Doe\n\n{SUMMARY}\n\nAdvertisement\n\n{P1}\n\n{P2}", SUMMARY),
        (f"Talks resume\n\n{SUMMARY}\n\nBy Jane Doe\nMay 23, 2024\n\n{P1}\n\n{P2}", SUMMARY),
        (f"Talks resume\nNews\nPhoto: Jo Roe\n{SUMMARY}\n\nRead more\n\n{P1}\n\n{P2}", SUMMARY),
        (f"Talks resume\n\nMay 23, 2024\n\n{P1}\n\n{P2}", None),  # a plain lede
        (f"Talks resume\n\n{P1}", None),  # one paragraph
    ],
)
def test_standfirst(text: str, expected: str | None) -> None:
    article = clean_text(text)
    assert _span(article) == expected


# --------------------------------------------------------------------------- odd inputs


@pytest.mark.parametrize("text", ["", "\n", "   \n\n \t \n"])
def test_empty_input(text: str) -> None:
    article = clean_text(text)
    assert article == ExtractedArticle(text=text)


def test_title_only() -> None:
    article = clean_text("Just a headline\n")
    assert article.title == "Just a headline"
    assert (article.headings, article.standfirst, article.removed_lines) == ((), None, ())


def test_one_long_paragraph_has_no_title() -> None:
    text = f"{P1} {P2} {P1}"
    article = clean_text(text)
    assert article.title is None
    assert (article.headings, article.standfirst, article.published) == ((), None, None)


def test_no_byline_no_dateline() -> None:
    article = clean_text(f"Talks resume\n\n{P1}\n\n{P2}")
    assert (article.title, article.authors, article.published, article.section) == (
        "Talks resume",
        (),
        None,
        None,
    )


def test_normalized_windows_text_and_stray_carriage_returns() -> None:
    windows = f"Talks resume\r\nBy Jane Doe\r\nMay 23, 2024\r\n\r\n{P1}\r\n\r\nAdvertisement\r\n\r\n{P2}"
    for text in (windows.replace("\r\n", "\n"), windows.replace("\r\n", "\n").replace("\n\n", "\r\n\n")):
        article = clean_text(text)
        assert article.text is text
        assert article.title == "Talks resume"
        assert article.authors == ("Jane Doe",)
        assert article.published == "2024-05-23"
        assert [t.strip() for t, _ in _removed(article)] == ["Advertisement"]


def test_byte_order_mark_and_indentation() -> None:
    text = f"\ufeff  Talks resume  \n\n    By Jane Doe\n\n  {P1}\n\n  {P2}"
    article = clean_text(text)
    assert article.title == "Talks resume"
    assert article.authors == ("Jane Doe",)


def test_spans_point_into_the_unchanged_text() -> None:
    text = "\n\n".join(
        ["World", "Talks resume", "By Jane Doe", "May 23, 2024", SUMMARY, "Trending", P1, "Key Facts", P2]
    )
    article = clean_text(text)
    assert article.text is text
    for span in (*article.removed_lines, *article.headings, article.standfirst):
        assert span is not None
        assert 0 <= span.start < span.end <= len(text)
        assert "\n" not in text[span.start : span.end]
        assert span.start == 0 or text[span.start - 1] == "\n"


def test_name_above_its_role_is_a_byline() -> None:
    text = (
        "Storm closes northern ports\n\nWorld\n\nMaria Lindqvist\nShipping correspondent\n"
        "Tue 3 Sep 2024 18.05 BST\n\nPorts along the coast closed on Tuesday as the storm arrived.\n\n"
        "Officials said they would reopen on Thursday.\n"
    )
    article = clean_text(text)
    assert article.authors == ("Maria Lindqvist",)
    assert article.published == "2024-09-03T18:05:00+01:00"
    assert article.section == "World"


def test_two_name_lines_are_not_a_name_over_role() -> None:
    text = "Talks resume\n\nMaria Lindqvist\nJohn Harper\n\nThe talks resumed on Tuesday in Oslo.\n"
    assert clean_text(text).authors == ()
