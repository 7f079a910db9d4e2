"""extract_html on small news pages written for these tests (no third-party article text).

Each page exercises one promise of the contract: body without title, navigation, related links
or comments; headings as their own paragraphs with spans; the publication time with its offset
(and no invented time); titles without the site name; cleaned bylines; encodings; and clear
InputErrors for what is not an article page.
"""

from __future__ import annotations

import gzip

import pytest

from newsgraph.errors import InputError
from newsgraph.extract.html import extract_html, normalise_datetime
from newsgraph.extract.htmlmeta import clean_authors

URL = "https://www.dailyledger.example/world/2024/05/23/grain-talks"

BODY = """
<p>Foreign ministers from both countries agreed on Thursday to resume talks on grain exports
through the Black Sea, officials said after a four-hour meeting in Istanbul.</p>
<p>"We have found a basis for continuing the negotiations," the Turkish foreign minister told
reporters, adding that technical teams would meet again within two weeks.</p>
<p>The previous arrangement collapsed last July, when shipping insurers withdrew cover for
vessels heading to the northern ports and freight rates more than doubled.</p>
<h2>What comes next</h2>
<p>Diplomats cautioned that any new agreement would need guarantees for merchant ships and for
the crews on board, a point on which the two sides still disagree.</p>
<p>Analysts at a London consultancy said wheat futures fell two percent on the news, the
largest daily drop since the beginning of March.</p>
"""

BODY_TEXT = (
    "Foreign ministers from both countries agreed on Thursday to resume talks on grain exports "
    "through the Black Sea, officials said after a four-hour meeting in Istanbul.\n\n"
    '"We have found a basis for continuing the negotiations," the Turkish foreign minister told '
    "reporters, adding that technical teams would meet again within two weeks.\n\n"
    "The previous arrangement collapsed last July, when shipping insurers withdrew cover for "
    "vessels heading to the northern ports and freight rates more than doubled.\n\n"
    "What comes next\n\n"
    "Diplomats cautioned that any new agreement would need guarantees for merchant ships and for "
    "the crews on board, a point on which the two sides still disagree.\n\n"
    "Analysts at a London consultancy said wheat futures fell two percent on the news, the "
    "largest daily drop since the beginning of March."
)

CHROME_TOP = """<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>"""

CHROME_BOTTOM = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Grain prices rise again after the storm</a></li>
<li><a href="/b">Shipping insurers review their Black Sea cover</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader42: This is the best news I have heard all week, honestly.</p></div>
</section>
<footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p></footer>"""


def page(head: str, article: str, lang: str = "en-GB") -> str:
    """A news page: ``head`` metadata, site chrome around ``article``."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{head}\n</head>\n<body>\n{CHROME_TOP}\n'
        f"<main><article>\n{article}\n</article>\n{CHROME_BOTTOM}</main>\n</body>\n</html>\n"
    )


FULL_HEAD = """<meta charset="utf-8">
<title>Ministers agree to resume grain talks | The Daily Ledger</title>
<meta property="og:title" content="Ministers agree to resume grain talks">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:section" content="World">
<meta property="article:published_time" content="2024-05-23T07:37:00+01:00">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ministers agree to resume grain talks", "datePublished": "2024-05-23T06:37:00Z",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Smith"}],
 "publisher": {"@type": "Organization", "name": "The Daily Ledger"}}
</script>"""

BYLINE = """<h1>Ministers agree to resume grain talks</h1>
<p class="byline">By <a rel="author" href="/authors/jane-doe">Jane Doe</a> and John Smith</p>
<time datetime="2024-05-23T07:37:00+01:00">23 May 2024, 07:37</time>"""


def test_full_news_page() -> None:
    article = extract_html(page(FULL_HEAD, BYLINE + BODY).encode(), URL, "ledger")
    assert article.text == BODY_TEXT
    assert article.title == "Ministers agree to resume grain talks"
    assert article.authors == ("Jane Doe", "John Smith")
    # JSON-LD says 06:37Z, the meta tag the same instant in local time: the local one is kept.
    assert article.published == "2024-05-23T07:37:00+01:00"
    assert article.published_raw == "2024-05-23T07:37:00+01:00"
    assert article.section == "World"
    assert article.outlet == "The Daily Ledger"
    assert article.language == "en"
    assert article.warnings == ()


def test_headings_are_paragraphs_with_spans() -> None:
    article = extract_html(page(FULL_HEAD, BYLINE + BODY).encode(), URL, "ledger")
    assert [article.text[h.start : h.end] for h in article.headings] == ["What comes next"]
    start = article.headings[0].start
    assert article.text[start - 2 : start] == "\n\n"
    assert article.text[article.headings[0].end :].startswith("\n\nDiplomats")


def test_body_leaves_out_title_byline_chrome_and_comments() -> None:
    text = extract_html(page(FULL_HEAD, BYLINE + BODY).encode(), URL, "ledger").text
    left_out = ("Ministers agree", "Jane Doe", "Related stories", "Grain prices", "Reader42", "Copyright")
    assert [snippet for snippet in left_out if snippet in text] == []


def test_zulu_time_becomes_plus_zero_offset() -> None:
    head = """<title>Port reopens after strike</title>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port reopens after strike",
"datePublished": "2024-05-23T06:37:12.000Z", "author": {"@type": "Person", "name": "Ana Lima"}}</script>"""
    article = extract_html(page(head, "<h1>Port reopens after strike</h1>" + BODY).encode(), None, "port")
    assert article.published == "2024-05-23T06:37:12+00:00"
    assert article.published_raw == "2024-05-23T06:37:12.000Z"
    assert article.authors == ("Ana Lima",)
    assert article.title == "Port reopens after strike"


def test_time_element_gives_time_and_offset() -> None:
    head = "<title>Port reopens after strike - The Harbour Times</title>"
    article_html = (
        '<h1>Port reopens after strike</h1><p class="byline">By Ana Lima, Staff Writer</p>'
        '<time datetime="2024-05-23T07:37-04:00">May 23</time>' + BODY
    )
    article = extract_html(page(head, article_html).encode(), None, "port")
    assert article.published == "2024-05-23T07:37:00-04:00"
    assert article.published_raw == "2024-05-23T07:37-04:00"
    assert article.title == "Port reopens after strike"


def test_date_only_page_keeps_a_bare_date() -> None:
    head = """<title>Port reopens after strike — The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="article:published_time" content="2024-05-23">"""
    article = extract_html(page(head, "<h1>Port reopens after strike</h1>" + BODY).encode(), None, "port")
    assert article.published == "2024-05-23"
    assert article.published_raw == "2024-05-23"
    assert article.title == "Port reopens after strike"
    assert article.outlet == "The Harbour Times"


def test_no_date_anywhere_gives_none() -> None:
    head = "<title>Port reopens after strike</title>"
    article = extract_html(page(head, "<h1>Port reopens after strike</h1>" + BODY).encode(), None, "port")
    assert article.published is None
    assert article.published_raw is None


def test_outlet_falls_back_to_the_host_name() -> None:
    head = "<title>Port reopens after strike</title>"
    article = extract_html(page(head, BODY).encode(), "https://www.harbourtimes.example/a/1", "port")
    assert article.outlet == "harbourtimes.example"


@pytest.mark.parametrize(
    "html_title",
    [
        "Port reopens after strike | The Harbour Times",
        "Port reopens after strike - The Harbour Times",
        "Port reopens after strike — The Harbour Times",
        "The Harbour Times: Port reopens after strike",
        "Port reopens after strike",
    ],
)
def test_site_name_is_cut_from_the_title(html_title: str) -> None:
    head = f"""<title>{html_title}</title>
<meta property="og:site_name" content="The Harbour Times">"""
    article = extract_html(page(head, BODY).encode(), None, "port")
    assert article.title == "Port reopens after strike"


def test_h1_confirmed_by_the_title_wins_over_a_longer_seo_title() -> None:
    head = "<title>Port reopens after strike - What it means for exporters | Harbour Times</title>"
    article = extract_html(page(head, "<h1>Port reopens after strike</h1>" + BODY).encode(), None, "port")
    assert article.title == "Port reopens after strike"


def test_byline_meta_is_split_and_cleaned() -> None:
    head = """<title>Port reopens after strike</title>
<meta name="author" content="By Ana Lima and Tom Berg, Reuters Staff">"""
    article = extract_html(page(head, BODY).encode(), None, "port")
    assert article.authors == ("Ana Lima", "Tom Berg")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Doe and John Smith", ("Jane Doe", "John Smith")),
        ("Jane Doe, John Smith & Ana Lima", ("Jane Doe", "John Smith", "Ana Lima")),
        ("By JANE DOE", ("JANE DOE",)),
        ("Maria Ortiz Senior Politics Reporter", ("Maria Ortiz",)),
        ("Staff", ()),
        ("Reuters Staff", ()),
        ("jane.doe@example.com", ()),
        ("https://www.facebook.com/janedoe", ()),
        ("Ursula von der Leyen", ("Ursula von der Leyen",)),
        (["Jane Doe", "jane doe"], ("Jane Doe",)),
    ],
)
def test_clean_authors(raw: str | list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-05-23T07:37:00+01:00", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T07:37:00.123+0100", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23T06:37:00Z", "2024-05-23T06:37:00+00:00"),
        ("2024-05-23 07:37:00", "2024-05-23T07:37:00"),
        ("2024-05-23T07:37-05", "2024-05-23T07:37:00-05:00"),
        ("2024-05-23 07:37 CET", "2024-05-23T07:37:00+01:00"),
        ("2024-05-23", "2024-05-23"),
        ("2024/5/3", "2024-05-03"),
        ("Thu, 23 May 2024 07:37:00 GMT", "2024-05-23T07:37:00+00:00"),
        ("Thu, 23 May 2024 07:37:00 +0200", "2024-05-23T07:37:00+02:00"),
        ("2024-13-45", None),
        ("0001-01-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_normalise_datetime(raw: str, expected: str | None) -> None:
    assert normalise_datetime(raw) == expected


CURLY_BODY = BODY.replace('"We have', "\u201cWe have").replace('tions,"', "tions,\u201d")


def test_windows_1252_page_with_meta_charset() -> None:
    head = """<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Caf\xe9 owners</title>"""
    data = page(head, "<h1>Caf\xe9 owners</h1>" + CURLY_BODY).encode("cp1252")
    article = extract_html(data, None, "cafe")
    assert article.title == "Caf\xe9 owners"
    assert "\u201cWe have found a basis for continuing the negotiations,\u201d" in article.text
    assert article.warnings == ()


def test_latin1_label_is_read_as_windows_1252() -> None:
    head = '<meta charset="iso-8859-1">\n<title>Port reopens</title>'
    data = page(head, CURLY_BODY).encode("cp1252")
    assert "\u201cWe have" in extract_html(data, None, "port").text


def test_undeclared_legacy_bytes_decode_as_cp1252_with_a_warning() -> None:
    data = page("<title>Port reopens</title>", CURLY_BODY).encode("cp1252")
    article = extract_html(data, None, "port")
    assert "\u201cWe have found" in article.text
    assert article.warnings == ("no charset declared and not UTF-8; decoded as cp1252",)


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    data = page('<meta charset="windows-1252"><title>Port reopens</title>', CURLY_BODY).encode("utf-8")
    article = extract_html(data, None, "port")
    assert "\u201cWe have found" in article.text
    assert article.warnings == ()


def test_utf16_page_with_bom() -> None:
    data = page("<title>Port reopens</title>", CURLY_BODY).encode("utf-16")
    assert "\u201cWe have found" in extract_html(data, None, "port").text


def test_utf8_bom_page() -> None:
    data = b"\xef\xbb\xbf" + page("<title>Port reopens</title>", BODY).encode("utf-8")
    assert extract_html(data, None, "port").text == BODY_TEXT


def test_page_without_article_body_is_an_input_error() -> None:
    data = page("<title>Index</title>", "").encode()
    with pytest.raises(InputError) as info:
        extract_html(data, None, "index.html")
    assert str(info.value) == "index.html: no article body found in the HTML page"


def test_binary_garbage_is_an_input_error() -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(InputError) as info:
        extract_html(data, None, "blob.bin")
    assert info.value.reason == "binary data, not an HTML page (compressed or not text?)"


def test_gzip_is_not_unpacked_here() -> None:
    with pytest.raises(InputError) as info:
        extract_html(gzip.compress(page("<title>x</title>", BODY).encode()), None, "page.html.gz")
    assert info.value.reason == "binary data, not an HTML page (compressed or not text?)"


def test_plain_text_is_not_html() -> None:
    with pytest.raises(InputError) as info:
        extract_html(BODY_TEXT.encode(), None, "notes.txt")
    assert info.value.reason == "not an HTML page (no HTML tags found)"


def test_a_few_megabyte_page_stays_fast() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: officials said the talks on grain exports would continue next week, "
        f"with technical teams meeting on day {i % 28 + 1} of the month.</p>\n"
        for i in range(12_000)
    )
    links = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12_000))
    data = page("<title>Long page</title>", paragraphs).replace("</ul></nav>", links + "</ul></nav>").encode()
    assert len(data) > 2_000_000
    article = extract_html(data, None, "long")  # speed: benchmarks/extraction.py, not a timed test
    assert article.text.count("\n\n") == 11_999


def test_htmldate_last_resort_reads_english_dates_only() -> None:
    # htmldate's last-resort parser is dateparser; newsgraph gives it an English-only one
    # (every locale costs 1-3 s of CPU per process to load; see extract/html.py).
    from htmldate import extractors

    parser = extractors.get_external_parser()
    assert parser.get_date_data("June 4, 2019 10:30 am")["date_obj"].isoformat() == "2019-06-04T10:30:00"
    assert parser.get_date_data("4 June 2019, 10:30")["date_obj"].isoformat() == "2019-06-04T10:30:00"
    assert parser.get_date_data("le 12 mars 2023")["date_obj"] is None
