"""Readers' comments and run-together link lists of a page scrape never reach the story (invented pages)."""

from __future__ import annotations

from extract.text.cleaning import clean_text
from extract.text.cleaning.classify import classify
from extract.text.cleaning.kinds import Kind

STORY = [
    "Harbour Town council voted on Tuesday to close the old ferry pier for repairs until the end of the summer.",
    "The mayor, Ada Quill, said the timber had rotted faster than engineers expected after two wet winters.",
    "\u201cWe cannot ask people to walk on planks we would not trust ourselves,\u201d Quill told reporters after"
    " the vote, adding that a temporary landing would open next month.",
    "Fishermen who use the pier every morning said they had not been told where to moor in the meantime.",
]

COMMENTS = [
    "Posted by: ferrywatcher, Harbour Town on 8:21pm Tue 1 Jan 08",
    "The council has known about the rot for years and did nothing until now, which is typical of them.",
    "Quote | Report this post",
    "Posted by: old salt, Eastbay on 9:06pm Tue 1 Jan 08",
    "The mayor said in 2005 that the pier would last another fifty years, so who believes her now?",
    "Quote | Report this post",
]


def page(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part)


def test_signed_comments_after_the_story_are_cut() -> None:
    article = clean_text(page(STORY, COMMENTS))
    assert article.text.split("\n\n") == STORY
    assert any("readers' comments" in warning for warning in article.warnings)


def test_one_signature_is_a_blog_byline_not_a_thread() -> None:
    """A blog post signs off with "Posted by … at …" once: furniture, and the post before it stays."""
    signature = "Posted by Ada Quill at 10:31 AM"
    assert classify(signature) is Kind.THREAD  # on its own; `classify_all` relabels a lone one
    article = clean_text(page(STORY, [signature]))
    assert article.text.split("\n\n") == STORY
    assert article.warnings == ["cut 1 line after the story (page furniture): 'Posted by Ada Quill …'"]


def test_comments_closed_heading_ends_a_long_thread() -> None:
    """Many long comments signed with bare names would outscore the story even at half weight."""
    thread = ["Comments are now closed for this story"]
    for n in range(12):
        thread += [
            f"Reader {n}",
            "I have lived beside that pier for thirty years and the council has never once"
            " listened to the people who actually use it, and now they expect us to be grateful for a"
            " temporary landing that nobody asked for and nobody will use in the winter storms.",
        ]
    article = clean_text(page(STORY, thread))
    assert article.text.split("\n\n") == STORY


def test_comments_with_their_signature_inside_the_block_are_cut() -> None:
    comments = [
        "The pier was fine when I was a boy. Posted by Ben on January 6, 2008 2:09 PM Report this comment",
        "Another waste of our rates on consultants. Posted by Cleo on January 6, 2008 3:15 PM Report this comment",
    ]
    assert clean_text(page(STORY, comments)).text.split("\n\n") == STORY


def test_a_comments_link_above_the_story_does_not_end_it() -> None:
    """Before any story, a thread heading is only a barrier: the story below it is still found."""
    article = clean_text(page(["Harbour pier to close", "View all comments"], STORY))
    assert article.text.split("\n\n") == STORY


def test_a_menu_run_together_with_pipes_is_furniture() -> None:
    menu = "News: ePaper | Front Page | Harbour | Eastbay | Business | Sport | Weather | Letters | Obituaries"
    assert classify(menu) is Kind.FURNITURE
    assert classify("Quill said the pier | the landing | the moorings were all on the agenda.") is not Kind.FURNITURE
    assert clean_text(page(STORY, [menu])).text.split("\n\n") == STORY


def test_a_feed_heading_run_together_with_its_titles_ends_the_story() -> None:
    teasers = (
        "Stories in this Section Ferry fares to rise in spring Eastbay school wins rowing cup"
        " Mayor Quill opens new library Council delays vote on parking charges Lifeboat crew rescues two"
    )
    assert classify(teasers) is Kind.FEED
    article = clean_text(page(STORY, [teasers]))
    assert article.text.split("\n\n") == STORY
    assert "Lifeboat" not in article.text


def test_reader_views_heading_and_comment_rules_are_cut() -> None:
    views = [
        "Reader views (3)",
        "I have sailed from that pier every summer since I was six, and losing it for a whole season will hurt"
        " every family on the water and every shop along the front that depends on the boats coming in.",
        "We welcome your comments on this story. Comments are moderated and may be edited before they appear.",
    ]
    article = clean_text(page(STORY, views))
    assert article.text.split("\n\n") == STORY
    assert classify(views[2]) is Kind.FURNITURE
