"""Scoring against gold: every expected number below was worked out by hand (see the comments)."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from rich.console import Console

from extract.errors import InputError, RecordError
from extract.output.evaluation import (
    EvalReport,
    Leak,
    Score,
    content_words,
    evaluate,
    normalize_name,
    render_report,
)
from extract.output.gold import Gold, load_golds
from extract.output.records import Record
from schemas import Actor, Allegation, ArticleRecord, ErrorInfo, ErrorRecord, Provenance, Source, Statement

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(__file__).resolve().parent / "data" / "eval"
SEED_GOLD_DIR = Path(__file__).resolve().parent / "gold"
HARBOR_TEXT = (EVAL_DIR / "harbor.txt").read_text(encoding="utf-8")
SEED_TEXT = (ROOT / "seeds" / "000_d384c5b91ffa7ef4.txt").read_text(encoding="utf-8")
SEED_PATH = "seeds/000_d384c5b91ffa7ef4.txt"

# The harbor gold's statements, for reuse.
OKAFOR_PAID = "Brightwater Holdings paid the mayor's office $2 million to win the harbor contract"
OKAFOR_HIDDEN = "the payments to the mayor's office were hidden in consulting fees"
ORTIZ_DENIAL = "We have never accepted a single cent from Brightwater"

ActorSpec = str | tuple[str, list[str]]
AllegationSpec = tuple[list[str], list[str], str]


def make_record(
    text: str,
    actors: Sequence[ActorSpec],
    statements: Sequence[tuple[str, str]] = (),
    allegations: Sequence[AllegationSpec] = (),
    path: str = "in/harbor.txt",
) -> ArticleRecord:
    """Actors get ids A1.., statements S1.. (span = first occurrence), allegations L1.. citing S1."""
    built_actors = []
    for i, spec in enumerate(actors, start=1):
        name, aliases = (spec, []) if isinstance(spec, str) else spec
        built_actors.append(Actor(id=f"A{i}", name=name, kind="other", aliases=aliases))
    built_statements = []
    for i, (speaker, quote) in enumerate(statements, start=1):
        start = text.index(quote)
        built_statements.append(Statement(id=f"S{i}", speaker=speaker, kind="indirect", text=quote,
                                          span=(start, start + len(quote))))
    built_allegations = [
        Allegation(id=f"L{i}", accusers=accusers, accused=accused, claim=claim, category="other",
                   evidence=["S1"])
        for i, (accusers, accused, claim) in enumerate(allegations, start=1)
    ]
    return ArticleRecord(
        source=Source(path=path, sha256="0" * 64),
        text=text,
        actors=built_actors,
        statements=built_statements,
        allegations=built_allegations,
        provenance=Provenance(tool_version="test", backend="test", model="test", prompt_sha256="0"),
    )


def counts(score: Score) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


def figures(score: Score) -> tuple[float, float, float]:
    return score.precision, score.recall, score.f1


@pytest.fixture(scope="module")
def harbor() -> list[Gold]:
    return load_golds(EVAL_DIR)


@pytest.fixture(scope="module")
def seed() -> list[Gold]:
    return load_golds(SEED_GOLD_DIR)


def one(records: Sequence[Record], golds: list[Gold]) -> dict[str, Score]:
    report = evaluate(records, golds)
    assert len(report.articles) == 1
    return report.articles[0].scores


# --- loading gold ---------------------------------------------------------------------------------------


def test_load_seed_gold_tolerates_extra_keys(seed: list[Gold]) -> None:
    (gold,) = seed
    assert gold.file == "china-russia-war-machine.gold.json"
    assert gold.applies_to == ["000_d384c5b91ffa7ef4.txt", "001_f8d0df8f8433548f.txt"]
    assert (len(gold.actors), len(gold.statements), len(gold.allegations)) == (20, 11, 7)
    assert sum(a.required for a in gold.actors) == 11
    assert [s.required for s in gold.statements].count(False) == 1
    assert gold.allegations[0].denied_by == "China"
    assert "Chen Boyuan" in gold.must_not_contain


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"actors": []}', "applies_to"),
        ('{"applies_to": ["a.txt"], "statements": [{"speaker": "Nobody", "text": "x"}]}',
         "statements[0].speaker: 'Nobody' is not the name of a gold actor"),
        ('{"applies_to": ["a.txt"], "actors": [{"name": "X"}], '
         '"allegations": [{"accuser": ["X"], "accused": ["Y"], "claim": "c"}]}',
         "allegations[0].accused: 'Y'"),
    ],
)
def test_bad_gold_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.gold.json").write_text(content, encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad\.gold\.json") as info:
        load_golds(tmp_path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_two_golds_claiming_one_article(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.gold.json").write_text('{"applies_to": ["same.txt"]}', encoding="utf-8")
    with pytest.raises(RecordError, match=r"b\.gold\.json: same\.txt is also claimed by a\.gold\.json"):
        load_golds(tmp_path)


def test_missing_or_empty_gold_dir(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \*\.gold\.json files"):
        load_golds(tmp_path)
    with pytest.raises(InputError, match="not a directory"):
        load_golds(tmp_path / "nope")


# --- text helpers -----------------------------------------------------------------------------------


def test_normalize_name_and_content_words() -> None:
    assert normalize_name("The U.S.") == "us"
    assert normalize_name("People's Republic of China") == "peoples republic of china"
    assert normalize_name("U.S.-led  coalition") == "us led coalition"
    assert normalize_name("The") == "the"
    # "Russia's" splits into "russia" + "s"; "is", "s", "are", "not", "very" are stopwords
    assert content_words("China is supplying Russia's war machine") == {"china", "supplying", "russia",
                                                                        "war", "machine"}
    assert content_words("are not dual-use capabilities") == {"dual", "use", "capabilities"}
    assert content_words("a very substantial effort") == {"substantial", "effort"}


# --- the invented harbor story -------------------------------------------------------------------------


def test_perfect_record(harbor: list[Gold]) -> None:
    record = make_record(
        HARBOR_TEXT,
        ["Samuel Okafor", "Brightwater Holdings", ("Lena Ortiz", ["Ortiz"])],
        [("A1", OKAFOR_PAID), ("A1", OKAFOR_HIDDEN), ("A3", ORTIZ_DENIAL)],
        [(["A1"], ["A2", "A3"], "Brightwater Holdings bribed the mayor's office")],
    )
    report = evaluate([record], harbor)
    scores = report.articles[0].scores
    assert [counts(scores[c]) for c in ("actors", "statements", "allegations")] == [(3, 0, 0), (3, 0, 0),
                                                                                  (1, 0, 0)]
    assert all(figures(s) == (1.0, 1.0, 1.0) for s in scores.values())
    assert report.lowest_f1() == 1.0
    assert report.verbatim_share == 1.0
    assert report.leaks == []
    assert report.unscored == [] and report.unused_golds == []
    assert report.articles[0].gold == "harbor-bribes.gold.json"


@pytest.mark.parametrize(
    ("fragment", "matches"),
    [
        ("accepted a single cent", True),  # {accepted, single, cent}: 3 of 3 in the gold
        ('cent from Brightwater," Mayor Lena', True),  # {cent, brightwater, mayor, lena}: 2 of 4, half
        ('cent from Brightwater," Mayor Lena Ortiz', False),  # 2 of 5, below half
        ("Brightwater", True),  # 1 of 1
        ("told reporters on Monday", False),  # {told, reporters, monday}: none
    ],
)
def test_statement_fragment_needs_half_of_the_shorter(
    harbor: list[Gold], fragment: str, matches: bool
) -> None:
    record = make_record(HARBOR_TEXT, ["Lena Ortiz"], [("A1", fragment)])
    statements = one([record], harbor)["statements"]
    # required gold statements: 3 (Okafor x2, Ortiz); only Ortiz's can be matched by an Ortiz statement
    assert counts(statements) == ((1, 0, 2) if matches else (0, 1, 3))
    assert figures(statements) == ((1.0, 1 / 3, 0.5) if matches else (0.0, 0.0, 0.0))


def test_wrong_speaker_does_not_match(harbor: list[Gold]) -> None:
    wrong = make_record(HARBOR_TEXT, ["Lena Ortiz", "Samuel Okafor"], [("A1", OKAFOR_PAID)])
    right = make_record(HARBOR_TEXT, ["Lena Ortiz", "Samuel Okafor"], [("A2", OKAFOR_PAID)])
    assert counts(one([wrong], harbor)["statements"]) == (0, 1, 3)
    assert counts(one([right], harbor)["statements"]) == (1, 0, 2)
    assert counts(one([right], harbor)["actors"]) == (2, 0, 1)  # Brightwater missing


def test_optional_items_count_neither_way(harbor: list[Gold]) -> None:
    base_actors: list[ActorSpec] = ["Samuel Okafor", "Brightwater", "Lena Ortiz"]  # alias "Brightwater"
    without = make_record(HARBOR_TEXT, base_actors, [("A1", OKAFOR_PAID)])
    with_optionals = make_record(
        HARBOR_TEXT,
        [*base_actors, "The Port Callow Gazette"],  # optional actor, equal once "the" is dropped
        [("A1", OKAFOR_PAID), ("A2", "declined to comment")],  # optional statement of Brightwater
        [(["A4"], ["A3"], "The Gazette reported payments to the mayor's office")],  # optional allegation
    )
    for record in (without, with_optionals):
        scores = one([record], harbor)
        assert counts(scores["actors"]) == (3, 0, 0)
        assert counts(scores["statements"]) == (1, 0, 2)
        assert counts(scores["allegations"]) == (0, 0, 1)
        # nothing counted was predicted: precision 1.0 by definition; the required allegation is missed
        assert figures(scores["allegations"]) == (1.0, 0.0, 0.0)


def test_required_item_wins_over_optional(harbor: list[Gold]) -> None:
    # L1 matches the required allegation (Okafor, "bribed") and the optional one (Gazette, "payments"):
    # given to the required one it is a TP; given to the optional one it would leave an FN.
    record = make_record(
        HARBOR_TEXT, ["Okafor", "Port Callow Gazette", "Lena Ortiz"], [("A1", OKAFOR_PAID)],
        [(["A1", "A2"], ["A3"], "The mayor's office was bribed with payments")],
    )
    assert counts(one([record], harbor)["allegations"]) == (1, 0, 0)


def test_two_predictions_compete_for_one_gold_item(harbor: list[Gold]) -> None:
    # both match only OKAFOR_PAID ({paid, mayor, office, 2, million} shares 2 of 5 with OKAFOR_HIDDEN)
    record = make_record(
        HARBOR_TEXT,
        ["Samuel Okafor", "Lena Ortiz", "Mayor Ortiz"],  # two actors resolving to Lena Ortiz
        [("A1", OKAFOR_PAID), ("A1", "paid the mayor's office $2 million")],
    )
    scores = one([record], harbor)
    assert counts(scores["statements"]) == (1, 1, 2)
    assert scores["statements"].spurious == ("S2",)
    assert counts(scores["actors"]) == (2, 1, 1)
    assert figures(scores["actors"]) == (2 / 3, 2 / 3, 2 / 3)


def test_matching_is_maximum_not_first_come(harbor: list[Gold]) -> None:
    # S1 {mayor, office} matches both Okafor statements; S2 matches only OKAFOR_PAID. Giving S1 to the
    # first gold item (as a greedy pass would) leaves S2 unmatched; the maximum matching finds two.
    record = make_record(
        HARBOR_TEXT,
        ["Samuel Okafor"],
        [("A1", "the mayor's office"), ("A1", "paid the mayor's office $2 million")],
    )
    scores = one([record], harbor)
    assert counts(scores["statements"]) == (2, 0, 1)
    assert scores["statements"].missed == (f"Lena Ortiz: {ORTIZ_DENIAL}",)


@pytest.mark.parametrize(
    ("accusers", "accused", "claim", "matches"),
    [
        (["A1"], ["A3"], "Brightwater bribed the mayor", True),  # keyword "bribed"
        (["A1"], ["A3"], "The mayor's office took $2 million", True),  # keyword phrase "$2 million"
        (["A1"], ["A3"], "The mayor took bribes", False),  # "bribes" is not "bribed"; 1 of 10 gold words
        (["A1"], ["A3"], "Kickbacks were paid to the mayor", False),  # keyword "kickback": whole words only
        (["A1"], ["A2"], "Brightwater won the harbor contract", True),  # 3 of 10 gold content words: 30%
        (["A1"], ["A2"], "the harbor contract", False),  # 2 of 10: 20%
        (["A1"], ["A2"], "A harbor contract went to Brightwater after a long unusual tender", True),  # 3/10
        (["A3"], ["A2"], "Brightwater bribed the mayor", False),  # Ortiz is not among the accusers
        (["A1"], ["A1"], "Brightwater bribed the mayor", False),  # Okafor is not among the accused
    ],
)
def test_allegation_matching(
    harbor: list[Gold], accusers: list[str], accused: list[str], claim: str, matches: bool
) -> None:
    record = make_record(
        HARBOR_TEXT, ["Okafor", "Brightwater Holdings", "Lena Ortiz"], [("A1", OKAFOR_PAID)],
        [(accusers, accused, claim)],
    )
    assert counts(one([record], harbor)["allegations"]) == ((1, 0, 0) if matches else (0, 1, 1))


def test_leaks_of_must_not_contain(harbor: list[Gold]) -> None:
    record = make_record(HARBOR_TEXT, ["Lena Ortiz", "storm agatha"],
                         [("A1", "Storm Agatha floods the coast road")])
    report = evaluate([record], harbor)
    assert report.articles[0].leaks == [Leak("Storm Agatha", "actor A2 name"),
                                        Leak("Storm Agatha", "statement S1 text")]
    assert report.leaks == [("in/harbor.txt", Leak("Storm Agatha", "actor A2 name")),
                            ("in/harbor.txt", Leak("Storm Agatha", "statement S1 text"))]
    clean = make_record(HARBOR_TEXT, ["Lena Ortiz"], [("A1", ORTIZ_DENIAL)])
    assert evaluate([clean], harbor).leaks == []


def test_error_record_misses_everything(harbor: list[Gold]) -> None:
    error = ErrorRecord(source=Source(path="in/harbor.txt", sha256="0" * 64),
                        error=ErrorInfo(type="ModelError", message="gave up after 3 attempts"))
    report = evaluate([error], harbor)
    (article,) = report.articles
    assert article.error == "ModelError: gave up after 3 attempts"
    assert [counts(article.scores[c]) for c in ("actors", "statements", "allegations")] == [
        (0, 0, 3), (0, 0, 3), (0, 0, 1)]
    assert all(figures(s) == (1.0, 0.0, 0.0) for s in article.scores.values())
    assert report.lowest_f1() == 0.0
    assert report.verbatim_share is None


def test_overall_is_micro_averaged(harbor: list[Gold]) -> None:
    error = ErrorRecord(source=Source(path="in/harbor.txt", sha256="0" * 64),
                        error=ErrorInfo(type="ModelError", message="x"))
    partial = make_record(HARBOR_TEXT, ["Samuel Okafor", "Brightwater Holdings", "Lena Ortiz"],
                          [("A1", OKAFOR_PAID)], path="scrapes/harbor-scrape.html")
    report = evaluate([error, partial], harbor)
    overall = report.overall
    assert counts(overall["actors"]) == (3, 0, 3)  # 0+3 TP, 3+0 FN
    assert figures(overall["actors"]) == (1.0, 0.5, 2 / 3)
    assert counts(overall["statements"]) == (1, 0, 5)
    assert report.lowest_f1() == 0.0  # allegations: 0 TP, 2 FN
    # a macro average of the actor F1s would be (0 + 1) / 2 = 0.5, not 2/3


def test_verbatim_share(harbor: list[Gold]) -> None:
    record = make_record(HARBOR_TEXT, ["Lena Ortiz"],
                         [("A1", ORTIZ_DENIAL), ("A1", "told reporters"), ("A1", "on Monday")])
    record.statements[1].span = (0, 14)  # text no longer equals text[span]
    record.statements[2].text = "on Tuesday"  # not in the article at all
    record.statements[2].span = (0, 10)
    report = evaluate([record], harbor)
    assert report.articles[0].verbatim == 1
    assert report.verbatim_share == 1 / 3


def test_records_without_gold_are_unscored(harbor: list[Gold]) -> None:
    record = make_record(HARBOR_TEXT, ["Lena Ortiz"], path="in/other.txt")
    report = evaluate([record], harbor)
    assert report.articles == []
    assert report.unscored == ["in/other.txt"]
    assert report.unused_golds == ["harbor-bribes.gold.json"]
    assert report.lowest_f1() == 0.0  # nothing scored: a --min-f1 gate must not pass on nothing


# --- the seed article ----------------------------------------------------------------------------------


def test_seed_actor_aliases_and_whole_words(seed: list[Gold]) -> None:
    record = make_record(
        SEED_TEXT,
        ["the Kremlin", "PEOPLE'S REPUBLIC OF CHINA", "Iranian drone makers", "NATO allies", "Campbell",
         "U.S. Deputy Secretary of State Kurt Campbell"],
        path=SEED_PATH,
    )
    actors = one([record], seed)["actors"]
    # Russia (alias, "the" dropped), China (case and apostrophe), NATO (contained), Kurt Campbell (alias).
    # "Iranian" is not the word "Iran"; the long Campbell resolves to Kurt Campbell, not to "U.S.", so it
    # competes with "Campbell": 2 FP. 11 required gold actors - 4 = 7 FN.
    assert counts(actors) == (4, 2, 7)
    assert figures(actors) == (2 / 3, 4 / 11, 8 / 17)
    assert actors.spurious == ("A3", "A6")


def test_seed_actor_matching_two_gold_actors_equally(seed: list[Gold]) -> None:
    # "China and Russia" contains "china" and "russia", one word each: it resolves to both and, one-to-one,
    # counts for one of them; "Beijing" then takes China.
    record = make_record(SEED_TEXT, ["China and Russia", "Beijing"], path=SEED_PATH)
    assert counts(one([record], seed)["actors"]) == (2, 0, 9)


def seed_record(path: str = SEED_PATH) -> ArticleRecord:
    campbell_said = ("China is supplying Russia with materials that directly boost Russia's war machine, "
                     "and in return is receiving military technology support from Russia")
    blinken = ("Anyone who is providing assistance to Russia, whether it is direct assistance like Iran or "
               "North Korea, whether it is assistance to their defense industrial base, like China, is "
               "perpetuating the war")
    return make_record(
        SEED_TEXT,
        [
            "U.S. Deputy Secretary of State Kurt Campbell",  # A1 -> Kurt Campbell
            "Beijing",  # A2 -> China
            "Moscow",  # A3 -> Russia
            "U.S.",  # A4 -> United States
            "NATO Secretary General Jens Stoltenberg",  # A5 -> Jens Stoltenberg (longer than "NATO")
            "Ukraine",  # A6: optional
            "Xi Jinping",  # A7: not in the gold
        ],
        [
            ("A1", campbell_said),  # S1: TP
            ("A1", "very substantial effort"),  # S2: TP
            # S3: a fragment of Stoltenberg's statement, TP
            ("A5", 'China is a "decisive enabler" of Russia\'s full-scale invasion of Ukraine'),
            ("A4", blinken),  # S4: Blinken's words given to the U.S.: FP
            ("A2", 'Beijing described the statement as "provocative" and claimed to have never provided '
                   "lethal weapons."),  # S5: TP
            ("A1", 'making a "very substantial effort"'),  # S6: competes with S2: FP
        ],
        [
            (["A1"], ["A2"], "China supplies Russia with materials for its war machine"),  # keyword: TP
            (["A4"], ["A2", "A3"], "China and Russia hide their military collaboration"),  # "hide": TP
            (["A2"], ["A4"], "Chinese banks fund the U.S."),  # China accuses no one in the gold: FP, leak
            (["A5"], ["A2"], "China is a decisive enabler of the invasion"),  # TP
        ],
        path=path,
    )


def test_seed_record(seed: list[Gold]) -> None:
    report = evaluate([seed_record()], seed)
    (article,) = report.articles
    scores = article.scores
    # actors: Campbell, China, Russia, U.S., Stoltenberg; Xi FP; Ukraine optional; 11 - 5 = 6 FN
    assert counts(scores["actors"]) == (5, 1, 6)
    assert figures(scores["actors"]) == (5 / 6, 5 / 11, 10 / 17)
    # statements: 10 required; S1, S2 (or S6), S3, S5 match; S4 and one of S2/S6 are FP
    assert counts(scores["statements"]) == (4, 2, 6)
    assert figures(scores["statements"]) == (2 / 3, 0.4, 0.5)
    # allegations: 5 required; L1, L2, L4 match; L3 is FP; Russia's tech support and Blinken's are missed
    assert counts(scores["allegations"]) == (3, 1, 2)
    assert figures(scores["allegations"]) == (0.75, 0.6, 2 / 3)
    assert scores["allegations"].spurious == ("L3",)
    assert article.leaks == [Leak("Chinese banks", "allegation L3 claim")]
    assert article.verbatim == 6 and article.verbatim_share == 1.0
    assert report.lowest_f1() == 0.5


def test_seed_gold_applies_to_both_seed_files(seed: list[Gold]) -> None:
    report = evaluate([seed_record(), seed_record("seeds/001_f8d0df8f8433548f.txt")], seed)
    assert [a.gold for a in report.articles] == ["china-russia-war-machine.gold.json"] * 2
    assert counts(report.overall["statements"]) == (8, 4, 12)


# --- output ----------------------------------------------------------------------------------------------


def seed_report(seed: list[Gold]) -> EvalReport:
    other = make_record(HARBOR_TEXT, ["Lena Ortiz"], path="in/[other].txt")
    return evaluate([seed_record(), other], seed)


def test_to_dict_is_json_ready(seed: list[Gold]) -> None:
    data = json.loads(json.dumps(seed_report(seed).to_dict()))
    assert data["overall"]["statements"] == {"precision": 2 / 3, "recall": 0.4, "f1": 0.5,
                                             "tp": 4, "fp": 2, "fn": 6}
    assert data["overall"]["lowest_f1"] == 0.5
    assert data["overall"]["leaks"] == 1
    assert data["unscored"] == ["in/[other].txt"]
    (article,) = data["articles"]
    assert article["path"] == SEED_PATH
    assert article["leaks"] == [{"text": "Chinese banks", "where": "allegation L3 claim"}]
    assert article["allegations"]["spurious"] == ["L3"]
    assert article["actors"]["missed"] == ["Antony Blinken", "David Lammy", "NATO", "Iran", "North Korea",
                                           "Politico"]
    assert len(article["statements"]["missed"]) == 6
    assert article["verbatim_share"] == 1.0


def test_render_report(seed: list[Gold]) -> None:
    buffer = io.StringIO()
    render_report(seed_report(seed), Console(file=buffer, width=160, color_system=None))
    out = buffer.getvalue()
    assert f"{SEED_PATH}  (gold china-russia-war-machine.gold.json)" in out
    assert "overall (1 article, micro-averaged)" in out
    assert "statements  │ 0.667 │ 0.400 │ 0.500 │  4 │  2 │  6" in out
    assert "leak: 'Chinese banks' in allegation L3 claim" in out
    assert "verbatim statements: 6/6 (100%)" in out
    assert "no gold for: in/[other].txt" in out


def test_an_unnamed_source_is_no_actor_to_score_but_its_statement_is(harbor: list[Gold]) -> None:
    # "officials" matches no gold actor: a false actor unless flagged unnamed (it claims no name, so it is left
    # out of the actor score); its statement, in no gold, stays a false statement either way (FP 1).
    record = make_record(HARBOR_TEXT, ["Samuel Okafor", "officials"], [("A2", OKAFOR_PAID)])
    plain = one([record], harbor)
    record.actors[1].unnamed = True
    flagged = one([record], harbor)
    assert counts(flagged["actors"]) == (plain["actors"].tp, plain["actors"].fp - 1, plain["actors"].fn)
    assert counts(flagged["statements"]) == counts(plain["statements"])
    assert flagged["statements"].fp == 1


def test_a_body_named_by_its_role_is_scored_as_an_actor_an_anonymous_source_is_not(harbor: list[Gold]) -> None:
    # Both are `unnamed`; a body has a body's kind and the gold lists bodies as actors, so it is found (or false)
    # like a named actor, while the same phrase as an anonymous source (kind other) is left out of the score.
    record = make_record(HARBOR_TEXT, ["Samuel Okafor", "Brightwater", "the board's critics"])
    record.actors[1].unnamed = record.actors[2].unnamed = True
    anonymous = one([record], harbor)["actors"]
    record.actors[1].kind = record.actors[2].kind = "organization"
    bodies = one([record], harbor)["actors"]
    assert counts(bodies) == (anonymous.tp + 1, anonymous.fp + 1, anonymous.fn - 1)


def test_a_narrated_statement_is_not_scored_as_speech(harbor: list[Gold]) -> None:
    spoken = make_record(HARBOR_TEXT, ["Lena Ortiz"], [("A1", "told reporters on Monday")])
    told = spoken.model_copy(update={"statements": [spoken.statements[0].model_copy(update={"narrated": True})]})
    assert counts(one([spoken], harbor)["statements"]) == (0, 1, 3)  # a false statement
    assert counts(one([told], harbor)["statements"]) == (0, 0, 3)  # the narration's: neither way
