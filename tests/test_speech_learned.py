"""The learned finder (a CRF shipped in the package) and its union with the rules, on invented news sentences."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_combined, find_learned, find_rules
from extract.language.speech.combined import union
from extract.language.speech.learned import Tagged, available, known_cue, paragraphs, tag
from extract.language.speech.text import _Text
from extract.language.speech.vocabulary import LATER_VERBS
from extract.text.cleaning import clean_text

ROOT = Path(__file__).resolve().parents[1]


def said(text: str, c: SpeechCandidate) -> str:
    return text[c.span[0] : c.span[1]]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def test_the_model_ships_with_the_package() -> None:
    assert available()
    assert (ROOT / "extract" / "data" / "finder.crfsuite").stat().st_size > 100_000


def test_the_model_finds_a_quotation_with_its_speaker() -> None:
    text = '"We will appeal the ruling," Mayor Ines Holt said on Monday.'
    found = find_learned(text)
    assert [(said(text, c), c.kind, c.speaker, c.cue) for c in found] == [
        ("We will appeal the ruling", "direct", "Mayor Ines Holt", "said")
    ]


def test_the_model_finds_reported_speech_with_its_speaker() -> None:
    text = "The harbour board said the new cranes were unsafe and would be replaced by spring."
    found = find_learned(text)
    assert len(found) == 1
    c = found[0]
    assert said(text, c) == "the new cranes were unsafe and would be replaced by spring"
    assert (c.kind, c.speaker, c.cue) == ("indirect", "The harbour board", "said")


@pytest.mark.parametrize(
    ("text", "words", "speaker", "cue"),
    [
        (
            "The report found the agency ignored three warnings.",
            "the agency ignored three warnings",
            "The report",
            "found",
        ),
        (
            "Most economists believe the currency fell too far.",
            "the currency fell too far",
            "Most economists",
            "believe",
        ),
    ],
)
def test_the_model_reads_findings_and_beliefs_that_no_rule_knows(text: str, words: str, speaker: str, cue: str) -> None:
    """PolNeAR counts findings and beliefs as attributions; the rules read them only before "that", a pronoun or an
    auxiliary ("believe the currency will fall"), the model learnt the rest."""
    assert find_rules(text) == []
    assert [(said(text, c), c.speaker, c.cue) for c in find_learned(text)] == [(words, speaker, cue)]


def test_a_source_tagged_on_a_lone_comma_names_no_one_and_the_pipeline_goes_on() -> None:
    # a film review's line quoted after a spaced colon: the model tagged the comma after it as the source,
    # and attribution then failed on a speaker phrase without a word (IndexError, on a real news page)
    text = ('The critics had heard these old lines before : " you will never leave this house again", says '
            "his angry father to the young man. The film runs for three hours.")
    assert all(any(ch.isalnum() for ch in c.speaker or "x") for c in find_learned(text))
    from extract import pipeline
    from extract.model.prompting import load_prompts

    steps = pipeline.plan(text, load_prompts(), [], second_look=False)
    with pytest.raises(StopIteration):
        next(steps)  # one statement by an unnamed speaker: nothing to ask the model, no crash


def test_the_model_reads_words_said_as_content_and_narration_as_not() -> None:
    text = '"The port is safe," the engineer said.\n\nThe ship left the harbour at noon with forty crew on board.'
    tagged = tag(text)
    quoted = tagged.content_probability(((1, 17),))
    narration = tagged.content_probability(((text.index("The ship"), len(text)),))
    assert quoted > 0.9 and narration < 0.1


def hand_tagged(text: str, labels: dict[str, str]) -> Tagged:
    """A model's reading written by hand: each listed word gets its tag and probability 1 of being content."""
    out = []
    for tokens in paragraphs(text):
        tags = [labels.get(t.word, "O") for t in tokens]
        out.append((tokens, tags, [1.0 if t.endswith("Content") else 0.0 for t in tags]))
    return Tagged(out)


def test_the_union_keeps_the_rules_and_adds_only_what_they_missed() -> None:
    text = "Mayor Holt said the port was safe. Analysts believe prices fell."
    labels = {
        "Analysts": "B-Source",
        "believe": "B-Cue",
        "prices": "B-Content",
        "fell": "I-Content",
        "the": "B-Content",
        "port": "I-Content",
        "was": "I-Content",
        "safe": "I-Content",
        "Mayor": "B-Source",
        "Holt": "I-Source",
        "said": "B-Cue",
    }
    rules = find_rules(text)
    assert [said(text, c) for c in rules] == ["the port was safe"]
    combined = union(text, rules, hand_tagged(text, labels))
    assert [(said(text, c), c.speaker, c.id) for c in combined] == [
        ("the port was safe", "Mayor Holt", 1),
        ("prices fell", "Analysts", 2),
    ]


def test_the_union_drops_a_rules_candidate_the_model_reads_as_narration() -> None:
    text = '"We will appeal," Ms. Varga said.\n\n"The ruling ignores the evidence."'
    rules = find_rules(text)
    assert [c.continues for c in rules] == [None, 1]
    combined = union(text, rules, hand_tagged(text, {}))  # nothing is content: the quotation and its continuation go
    assert combined == []
    kept = union(text, rules, hand_tagged(text, {w: "I-Content" for w in ["We", "will", "appeal", "The", "ruling"]}))
    assert [c.continues for c in kept] == [None, 1]


def test_the_union_takes_the_model_s_named_speaker_over_a_rules_phrase_that_names_no_one() -> None:
    text = "The Harlow Institute found local grain growers said the subsidy was too small."
    rules = find_rules(text)
    assert [(c.speaker, said(text, c)) for c in rules] == [("local grain growers", "the subsidy was too small")]
    content = ["local", "grain", "growers", "said", "the", "subsidy", "was", "too", "small"]
    institute = {"The": "B-Source", "Harlow": "I-Source", "Institute": "I-Source", "found": "B-Cue"}
    combined = union(text, rules, hand_tagged(text, {**institute, **{w: "I-Content" for w in content}}))
    assert [(c.speaker, c.cue, said(text, c)) for c in combined] == [
        ("The Harlow Institute", "found", "local grain growers said the subsidy was too small")
    ]
    # the model reading no name keeps the rules' statement
    unnamed = {"growers": "B-Source", "said": "B-Cue", **{w: "I-Content" for w in content[4:]}}
    kept = union(text, rules, hand_tagged(text, unnamed))
    assert [(c.speaker, said(text, c)) for c in kept] == [("local grain growers", "the subsidy was too small")]


def test_the_union_keeps_a_pronoun_speaker_of_the_rules() -> None:
    text = "Lena Voss agrees, and she said the subsidy was too small."
    rules = find_rules(text)
    words = ["and", "she", "said", "the", "subsidy", "was", "too", "small"]
    labels = {"Lena": "B-Source", "Voss": "I-Source", "agrees": "B-Cue", **{w: "I-Content" for w in words}}
    combined = union(text, rules, hand_tagged(text, labels))  # "she" is resolved later, as the rules read it
    assert [(c.speaker, said(text, c)) for c in combined] == [("she", "the subsidy was too small")]


def read_as(text: str, labels: dict[str, str], doubt: dict[str, float]) -> Tagged:
    """`hand_tagged`, with the words of `doubt` held to be content with the given probability."""
    out = []
    for tokens in paragraphs(text):
        tags = [labels.get(t.word, "O") for t in tokens]
        probs = [
            doubt.get(t.word, 1.0 if tag.endswith("Content") else 0.0) for t, tag in zip(tokens, tags, strict=True)
        ]
        out.append((tokens, tags, probs))
    return Tagged(out)


def test_an_inverted_statement_the_model_doubts_but_reads_no_rival_for_survives_a_mild_doubt() -> None:
    text = "The ferry fares will rise in the spring, said Tomas Berg, the harbour master."
    rules = find_rules(text)
    assert [said(text, c) for c in rules] == ["The ferry fares will rise in the spring"]
    fares = ["The", "ferry", "fares", "will", "rise", "in", "the", "spring"]
    mild = {w: 0.07 for w in fares}  # below the veto (0.1), above the veto for an unrivalled cue (0.04)
    kept = union(text, rules, read_as(text, {}, mild))
    assert [(said(text, c), c.speaker) for c in kept] == [("The ferry fares will rise in the spring", "Tomas Berg")]
    assert union(text, rules, read_as(text, {}, {w: 0.02 for w in fares})) == []  # a strong doubt still vetoes
    # the model giving "said" words of its own is a rival reading: the mild doubt vetoes again
    rival = {"said": "B-Cue", "Tomas": "B-Source", "Berg": "I-Source", "harbour": "B-Content", "master": "I-Content"}
    assert [said(text, c) for c in union(text, rules, read_as(text, rival, mild))] == ["harbour master"]


def test_the_model_s_statement_in_a_relative_clause_describing_an_inverted_speaker_is_not_added() -> None:
    text = (
        "The ferry fares will rise in the spring, said one harbour official who asked for privacy to protect his kin."
    )
    rules = find_rules(text)
    assert [(c.speaker, said(text, c)) for c in rules] == [
        ("one harbour official", "The ferry fares will rise in the spring")
    ]
    privacy = ["privacy", "to", "protect", "his", "kin"]
    labels = {"official": "B-Source", "who": "I-Source", "asked": "B-Cue", **{w: "I-Content" for w in privacy}}
    fares = {w: 0.9 for w in ["The", "ferry", "fares", "will", "rise", "in", "the", "spring"]}
    combined = union(text, rules, read_as(text, labels, fares))
    assert [said(text, c) for c in combined] == ["The ferry fares will rise in the spring"]
    # the same reading after a speaker who comes before the cue is what the model found: it is added
    text = "One harbour official who asked for privacy to protect his kin said the fares will rise."
    rules = find_rules(text)
    assert [said(text, c) for c in rules] == ["the fares will rise"]
    combined = union(text, rules, read_as(text, labels, {w: 0.9 for w in ["the", "fares", "will", "rise"]}))
    assert [said(text, c) for c in combined] == ["privacy to protect his kin", "the fares will rise"]


INVENTED = (
    "Harbour Strike Ends\n\n"
    '"We got what we came for," said Ilse Brandt, the union\'s negotiator. "Nobody will lose a job."\n\n'
    "The port authority on Monday accused the union of delaying ships, and Director Karl Moen said the losses "
    "ran into millions. A survey of shippers suggests most of them expect delays to last until May.\n\n"
    "''It was a long week,'' Mr. Moen said, ''but the cranes are moving.''\n\n"
    'Mayor Sara Quist, who mediated, said, "Both sides gave ground." The agreement, officials said, runs for '
    "three years.\n"
)


@pytest.mark.parametrize(
    "text",
    [INVENTED, *(clean_text(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt")))],
    ids=["invented", *(p.name for p in sorted((ROOT / "seeds").glob("*.txt")))],
)
def test_no_combined_statement_holds_its_own_cue_or_speaker(text: str) -> None:
    """A statement's words are only what was said, from the rules or from the model (pieces of an
    interrupted quotation each; a merged statement of one piece as a whole), and none starts inside a
    quotation it then leaves."""
    cands = find_combined(text)
    assert len(cands) >= 5
    reader = _Text(text)
    for c in cands:
        quote = reader.quote_at(c.span[0])  # never from the middle of a quotation out of it: `provocative" and …`
        assert quote is None or quote.end >= c.span[1] or not text[quote.inner : c.span[0]].strip(), said(text, c)
        assert c.pieces and c.pieces[0][0] == c.span[0] and c.pieces[-1][1] == c.span[1]
        for piece in c.pieces:
            for part in (c.cue_span, c.speaker_span):
                assert part is None or not overlaps(piece, part), (said(text, c), part)
    for c in merge_same_sentence(text, cands):
        if len(c.pieces) == 1:
            for part in (c.cue_span, c.speaker_span):
                assert part is None or not overlaps(c.span, part), (said(text, c), part)


def test_threads_each_read_with_their_own_tagger() -> None:
    """`--jobs N` runs articles in threads: a shared crfsuite tagger would mix their sequences up."""
    seeds = [clean_text(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts = [INVENTED, *seeds, "Mayor Ines Holt said the port would reopen in May."] * 6
    alone = [find_combined(t) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        assert list(pool.map(find_combined, texts)) == alone


MANIFEST = ROOT / "bench" / "results" / "finder-training.txt"
POLNEAR = ROOT.parent.parent / "shared" / "data" / "polnear"


def trained_on() -> tuple[str, set[str]]:
    """The SHA-256 bench/train_finder.py recorded for the shipped model, and the articles it learnt from."""
    head, *stems = MANIFEST.read_text(encoding="utf-8").split("\n")
    return head.split("sha256 ")[1].split(";")[0], {s for s in stems if s}


def test_the_shipped_model_learnt_from_no_dev_or_held_out_article() -> None:
    """The manifest belongs to the shipped model (same hash), and none of its articles is one we measure on:
    the real set (PolNeAR dev) and the held-out sets; with the data present, none is in dev at all."""
    import hashlib

    digest, stems = trained_on()
    assert hashlib.sha256((ROOT / "extract" / "data" / "finder.crfsuite").read_bytes()).hexdigest() == digest
    assert len(stems) > 400
    measured = {
        p.name.removesuffix(".gold.json")
        for p in (ROOT / "bench" / "real").glob("*/*.gold.json")  # every allegation set, a new one included
    }
    assert len(measured) >= 80
    assert not stems & measured
    if (POLNEAR / "dev" / "text").is_dir():
        assert not stems & {p.stem for p in (POLNEAR / "dev" / "text").glob("*.txt")}
        assert stems <= {p.stem for p in (POLNEAR / "train" / "text").glob("*.txt")}


def test_training_reads_neither_dev_nor_held_out_articles(tmp_path: Path) -> None:
    """bench/train_finder.py's choice of articles, on a made-up data folder: train only, held-out ones left out."""
    import importlib
    import sys

    held = sorted((ROOT / "bench" / "real" / "holdout3").glob("*.gold.json"))[0].name.removesuffix(".gold.json")
    for split, stem in [("train", "a"), ("train", "b"), ("train", held), ("train", "c"), ("dev", "d"), ("dev", "c")]:
        (tmp_path / split / "text").mkdir(parents=True, exist_ok=True)
        (tmp_path / split / "text" / f"{stem}.txt").write_text("Ann said so.\n", encoding="utf-8")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        train_finder = importlib.import_module("train_finder")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    names = [[p.stem for p in train_finder.training_articles(tmp_path, *h)] for h in [(), (True,), (True, True)]]
    assert names == [["a", "b"], ["a"], ["b"]]


def test_the_tagger_is_not_told_of_the_verbs_added_after_its_training() -> None:
    """The rules read `LATER_VERBS`; the model's cue features keep the table it was trained with."""
    assert "groused" in LATER_VERBS["grouse"] and "hoping" in LATER_VERBS["hope"]
    assert not known_cue("groused") and not known_cue("hoping") and known_cue("hoped") and known_cue("said")
    text = '"The bridge will open in May," groused Ines Vadim.'
    assert [c.cue for c in find_rules(text)] == ["groused"]
