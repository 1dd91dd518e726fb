"""Why gold attributions of PolNeAR are missed by the speech finder: each miss in one class, by where it lies.

    python bench/statement_errors.py [--split train|dev] [--finder combined|rules|learned] [--merge] [--show N]

Runs what bench/statements.py scores as `finder` records (the finder's candidates, spans trimmed; with
`--merge` also `merge_same_sentence`, as the pipeline does), on the article's raw text (the gold offsets index
it; cleaning changes the text of most PolNeAR files, so figures differ slightly from bench/statements.py), and
matches them to the gold contents as the data's score.py does (Dice of content words >= 0.5, one to one).
A missed gold content is put in a class by the candidates that overlap its characters:

- `none`: no candidate touches it (the cue, the construction or the quotation is not read at all);
- `split`: several candidates touch it (what the gold holds as one, the finder cut in pieces);
- `starts early` / `ends late` / `longer both`: one candidate holds it and more words before / after / both
  (narration, a second clause, an attribution taken in);
- `starts late` / `ends early` / `inside`: one candidate holds part of it;
- `taken`: one candidate over the same words, matched to another gold content.

A `none` miss of the combined finder is then put in a second class, by where its gold cue is (`NONE_CLASSES`):
`vetoed` (a rules candidate touched it, the learned finder dropped it), `no cue` (PolNeAR gives none),
`after a colon` (`X's post: "Q"`, a block quotation after `… the following statement:`), `cue elsewhere` (in
another sentence), `verb not in the table` (no form of `vocabulary.REPORTING_VERBS` in the cue: "mouthing",
"ran on the slogan", "pondered") and `verb in the table` (a known verb whose construction is not read).

Counts per group (direct, speech, other, as score.py's groups, each gold content in its narrowest) and the
false positives (candidates matching no gold content). Use train to find what fails (dev is for figures).
`--show N` prints N misses of each class (terminal only: the texts are the articles' words, never written).

`--false-positives` instead takes what the pipeline emits (bench/statements.py's `attributed` records: cleaned
text, combined finder, merging, trimming, attribution) and puts each statement that matches no gold content
(score.py's precision: Dice >= 0.5 with none) in the first class of `FP_CLASSES` it fits (see `why_false`).
Train, 835 articles (the five holdout2 ones skipped; now every held-out set is), 3dbb2ec, 855 of 12,541 statements:

    question 8, nested speech 104, piece of a gold content 288, holds a gold content 180,
    overlaps a gold content 51, title or scare quote 10, no gold content near 214

Session 12 (`segments`: a quotation around an attribution with a date or an object, `"Q1," X wrote last January,
"Q2"`, is one statement in pieces; a candidate continuing a joined one keeps its speaker), train, 835 articles,
911 of 12,929 statements (main: 917 of 12,935):

    question 8, nested speech 97, piece of a gold content 305, holds a gold content 193,
    overlaps a gold content 52, title or scare quote 10, no gold content near 246

Session 13 (`segments2`), train, 835 articles, with gold contents matched one to one (printed first now):
direct 5578 -> 5597 of 6269, speech 9478 -> 9500 of 11437, all 11295 -> 11315 of 19513; 1020 -> 999 of 12756 ->
12748 statements match no gold content:

    question 9, nested speech 109, piece of a gold content 303 (310), holds a gold content 205 (207),
    overlaps a gold content 56 (58), title or scare quote 18, no gold content near 299 (309)

Tried then and left out: joining a bare quotation that continues a quotation in the next paragraph (`"Q1,"
X said.` / `"Q2."`): 59 joins, 22 false positives fewer, 9 matches fewer (gold joins and splits them alike,
whatever the attribution holds); a relative ", which …" kept in the content after an object (`his plan, which
includes …`): -9 matches, +2 false positives; "of", "as", "when", "following" as occasions after a cue
(`said of the meeting`): -17 matches, they open contents of "warned of", "described as", "asked when".

Tried and left out: a partial quotation running on after its attribution as one statement (`Yet "Q1," X said.
"Q2."`: of 48 train pairs 1 match lost, 23 false positives fewer; train 894 of 12,890; dev precision +0.001)
joins two statements the seeds' gold holds apart (`… "are not dual-use capabilities," Campbell said. "These
are …"`), so it waits for the lead. Cutting a trailing occasion off reported words (`his reasoning | in an
appearance on CBS`, `| in a tweet Sunday`, heads such as interview, statement, rally, tweet): of 58 train
statements it changed, 7 came to match and 4 stopped (gold keeps the occasion as often as not: `aired her
concerns during a conference call`); train recall and precision unchanged, dev speech -0.003, precision -0.004.
Joining one speaker's adjacent statements otherwise loses as many matches as it saves false positives or more,
whatever the relation (same cue, a bare quotation continuing, same sentence, next sentence): gold splits them as
often as it joins.

Session 15 (c05e515), train, 835 articles: 976 of 12,317 statements match no gold content (direct 5389, speech 9149,
all 10920 matched one to one); dev without the held-out articles: 104 of 1269. By the finder that made them, train:
rules 849 of 10,363 (0.918), learned 114 of 1,707 (0.933, trained there), merged 13 of 247; dev: rules 79 of 1,087
(0.927), learned 25 of 151 (0.834), merged 0 of 31. By the line of `regions._choose` that picked the rules' region
(train): lead alone with no clause before (`X said CLAUSE`) 488 of 4,888 (0.900), trail alone (`CLAUSE, X said`) 90
of 2,194 (0.959), the ambiguous pair kept both (`A, X said B`, neither an opening nor explicit) 67 of 286 (0.766),
every other line 0.86-1.00. Tried on that ambiguous pair and left out (train, matched all / false positives): the
clause after the cue alone -32 / -42 (dev without the held-out articles -2 / -6, precision 0.918 -> 0.922); the
clause before alone when the one after opens no clause -19 / -17; the clause after alone when the one before holds
no clause -6 / -7; one statement over both -72 / -17. PolNeAR keeps the opening with the clause (`If A, X said B` is
`If A B`) as often as it drops it. A compound medium noun after the cue (`said in a video message to …`: "message to
…" was read as what was said) fires once on train (-1 false positive), too rare to change the requests for. Classes
read in the sample and found too small or two-sided: a cue negated by a curly contraction (`didn’t respond`: the
negation table holds only "didn't"; 4 on train, 2 match), a number or percent as the speaker (poll answers, 187 on
train, 29 match nothing), a lower-case noun before the speaker name (`things Donald Trump said about …`: 302, 34
match nothing), `said` with a complement that holds no finite verb (228, 40).

So 6 in 10 false positives are the scorer's pairing, not invented statements: the words are said, but PolNeAR
cuts them otherwise. `piece` is mostly a quotation that gold runs on past its attribution (`"Q1," X said of Y.
"Q2."`, `CLAUSE, X said, "Q2"`, a partial quote then a bare one) or a clause gold keeps whole; `holds` is a
clause that runs on past the content (`, and has only issued …`, `, as the Fed prepared …`) or takes an
addressee or object that gold leaves out (`told voters who … that Q`, `blasted X for "Q"`). Joining and cutting
those trade matches about one for one (joining two statements that gold holds apart loses a match; joining a
partial quote to the bare quotation after it: train 18 false positives fewer, 21 matches fewer, left out).
Reading 20 of `no gold content near` (seed 5): 4 are gold omissions (said, the annotators left them out: a
ceiling, roughly 1 in 20 of all false positives), 7 take a modifier after the cue for content (`"Q," X said in
Virginia as the crowd roared`, `said in a documentary that showed …`: a relative "that" read as the
complementiser), 8 are a cue that is not speech here (`added Latin hits`, `wrote the letter`, `offered her own
approach`, `claiming some victories`, `the acknowledged leader`), 1 is a headline. `nested speech` is an outer
statement over another's cue, or one inside another's words: PolNeAR annotates nested attributions too, so it
is no filter (of all emitted train statements holding another candidate's cue, 53 match nothing, 711 match).
Short quotations (<= 3 content words) are no filter either: 288 emitted, 47 match nothing, most of those pieces.

Session 19 (`segments._coordinated_predicate`: `X said A and urged B` is two statements, not joined), train, 783
articles: matched direct 5404 -> 5439, speech 9168 -> 9243, all 10989 -> 11083; 1021 of 12,453 -> 1033 of 12,570
match nothing. Tried on train then and left out (fired / came to match / stopped matching): splitting every other
join of one speaker's sentence (118 / 31 / 2, but 68 more statements match nothing); splitting a quotation's pieces
at a sentence end (`"Q1," X said. "Q2."`: +38 matches, +674 match nothing: gold holds the pieces as one); cutting
reported words at ", but", ", which", ", who", ", when", ", as", ", so", ", where" after the cue (each loses more
matches than it gains; ", even though" 14 / 3 / 0, too few); at "and" + a verb of the cue's form with no candidate
of its own (`praised A and embraced B`: 42 / 4 / 5; after an object only, 18 / 2 / 2); at the first comma of a
clause opening with a subordinator not its first word (`Even as X said A, B`: 20 / 7 / 3, all openings 71 / 9 /
14); before a second attribution nested at the statement's end (`A, officials said`: 31 / 16 / 1, but the same
gold is matched by the nested statement: matches -1); starting a `CLAUSE, X said` after a colon or dash in it
(colon 10 / 2 / 0, dash 18 / 0 / 6).

Session 20 (h20-stmtprec; results/stmtprec-session20.md): 40 of `no gold content near` read: 12 gold omissions, 9 a
verb in a sense that is not speech, 8 the words said elsewhere in the sentence, 5 an object that is an act or a
document, 3 titles / corrections / interview answers, 2 no cue, 1 the reporter's narration. Kept: `beside.lone_occasion`
(an occasion phrase before its cue, train 6 / 6 / 0) and more `narration` senses (tallies after "added"/"posted",
"wrote off", admit = let in: train 7 / 5 / 2, L3S 24 / 24 / 0); train 1018 of 12,552 -> 1007 of 12,539.

Session 22 (h22-spans), train, 783 articles, 981 of 12,522 statements match nothing (main f66e199). By where the
nearest gold content lies: ours a piece, gold starting earlier 93 / ending later 88 / both 52; ours holding gold
and running on 80 / starting early 45+28. For 160 of the 298 pieces another statement of ours matches that gold
(the same voice cut in two). Kept: a bare quotation after `"Q1," X said, referring to Y.` goes on from Q1, not
from the -ing participle (`finder._voice_before`): 960 of 12,484, matched -6 each. Measured and left out: a bare
quotation in the same paragraph after reported words that hold a quotation (`The deal "q1," X wrote. "Q2."`) as one
statement: of 47 train pairs the joined words match every time; train -22 false positives, -3/-3/-4 matches, dev
precision +0.002, but the seeds' gold holds `… "are not dual-use capabilities," Campbell said. "These are …"`
apart (as session 13 found). Every other join of one speaker's adjacent statements (by kinds, paragraph, length
ratio, participle cue) loses about as many matches as it saves false positives; every cut of an indirect
statement's tail at a word (during, after, as, with, ", who", ", and", dash, ...: 43 words) or before its
addressee's "that"/"whether", or of a trailing `A and B, X said` to B, or of an opening subordinate clause at its
comma, turns more matches into misses than misses into matches. 22 of `no gold content near` read: 8 gold
omissions (interview answers, a finding, quotations), 11 a cue not in a speech sense (in hopes, hailing distance,
raise money, stress as a noun, discuss after "speaking on condition of anonymity"), 3 a span run past its clause.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchlib import REPO, held_out_articles, one_to_one, print_examples

sys.path.insert(0, str(REPO))

from statements import DATA, FINDERS, score_module
from train_finder import annotations

from extract.language.actors import build_actors
from extract.language.attribution import StatementDraft, attribute
from extract.language.grounding import trim_span
from extract.language.segments import merge_same_sentence
from extract.language.speech import SpeechCandidate, find_rules, find_speech
from extract.language.speech.vocabulary import REPORTING_VERBS
from extract.text.cleaning import clean_text
from extract.text.loading import load_document

CLASSES = ("none", "split", "starts early", "ends late", "longer both", "starts late", "ends early", "inside", "taken")
GROUPS = ("direct", "speech", "other")
NONE_CLASSES = ("vetoed", "no cue", "after a colon", "cue elsewhere", "verb not in the table", "verb in the table")
_KNOWN_CUE = re.compile(
    r"\b(?:" + "|".join(sorted({re.escape(f) for forms in REPORTING_VERBS.values() for f in forms} | {"according"},
                                key=len, reverse=True)) + r")\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]*\s|\n")
#: Why an emitted statement matches no gold content, in the order `why_false` tries them.
FP_CLASSES = (
    "question",  # what was asked: PolNeAR annotates some questions, rarely as the asker's statement
    "nested speech",  # holds another candidate's cue, or lies inside another candidate's words
    "piece of a gold content",  # `_HELD` of its words inside one gold content: gold runs on, or merges two
    "holds a gold content",  # `_HELD` of a gold content's words inside it: it runs on past what was said
    "overlaps a gold content",  # Dice >= `_NEAR` with one: both ends differ
    "title or scare quote",  # a quotation of at most `_SHORT_QUOTE` content words: a title, a nickname, a term
    "no gold content near",  # a gold omission, a modifier after the cue, a cue that is not speech here
)
_SHORT_QUOTE = 3
_HELD = 0.8
_NEAR = 0.3
#: PolNeAR articles of the held-out sets (bench/real/README.md): never read for errors.
HELD_OUT = held_out_articles()


def gold_contents(split_dir: Path, stem: str, text: str, speech: re.Pattern[str]) -> list[dict[str, Any]]:
    """Each attribution's content segments, words and group, from the article's first annotation file."""
    ann = sorted((split_dir / "attributions").glob(f"{stem}_*.ann"))[0]
    out = []
    for rel in annotations(ann):  # relations with content, in file order
        segments = rel["Content"]
        content = " ".join(text[a:b] for a, b in segments)
        cue = " ".join(text[a:b] for a, b in rel["Cue"])
        direct = bool(re.search(r"[\u201c\u201d\"]|''|``", content))
        group = "direct" if direct else "speech" if speech.search(cue) else "other"
        out.append({"segments": segments, "content": content, "group": group, "cue": cue, "cue_spans": rel["Cue"]})
    return out


def why_none(text: str, gold: dict[str, Any], rules: list[tuple[int, int]]) -> str:
    """The class of a gold content no candidate touches, by its cue (see `NONE_CLASSES`)."""
    lo, hi = gold["segments"][0][0], gold["segments"][-1][1]
    if any(a < hi and lo < b for a, b in rules):
        return "vetoed"
    cues = gold["cue_spans"]
    if not cues:
        return "no cue"
    if text[max(0, lo - 4) : lo].strip().endswith(":") or gold["cue"].rstrip().endswith(":"):
        return "after a colon"
    gap = text[hi : cues[0][0]] if cues[0][0] >= hi else text[cues[-1][1] : lo]
    if _SENTENCE_BREAK.search(gap):
        return "cue elsewhere"
    return "verb in the table" if _KNOWN_CUE.search(gold["cue"].lower()) else "verb not in the table"


def classify(gold: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    """The class of a missed gold content (first to last character) by the candidates overlapping it."""
    lo, hi = gold
    over = [s for s in spans if s[0] < hi and lo < s[1]]
    if not over:
        return "none"
    if len(over) > 1:
        return "split"
    before, after = lo - over[0][0], over[0][1] - hi
    if before > 3 and after > 3:
        return "longer both"
    if before > 3:
        return "starts early"
    if after > 3:
        return "ends late"
    if before < -3 and after < -3:
        return "inside"
    if before < -3:
        return "starts late"
    if after < -3:
        return "ends early"
    return "taken"


def held(words: list[str], within: list[str]) -> float:
    """The share of `words` found in `within`, each word of `within` used once."""
    if not words:
        return 0.0
    pool, found = list(within), 0
    for w in words:
        if w in pool:
            pool.remove(w)
            found += 1
    return found / len(words)


def emitted(path: Path) -> tuple[str, list[SpeechCandidate], list[StatementDraft]]:
    """What the pipeline emits for one article, as bench/statements.py's `attributed` records (text cleaned)."""
    text = clean_text(load_document(path).raw).text
    raw = find_speech(text)
    candidates = merge_same_sentence(text, raw)
    spans = [trim_span(text, c.span) for c in candidates]
    return text, raw, attribute(text, candidates, spans, build_actors(text, [], []), [])


def why_false(
    score: Any, text: str, st: StatementDraft, raw: list[SpeechCandidate], golds: list[dict[str, Any]]
) -> str:
    """The class of a statement that matches no gold content (see `FP_CLASSES`)."""
    said = text[st.span[0] : st.span[1]]
    words = score.words(said)
    if said.rstrip(" \"'”’").endswith("?"):
        return "question"
    a, b = st.span
    own = (st.candidate.cue_span, st.candidate.speaker_span)
    for c in raw:
        if (c.cue_span, c.speaker_span) == own:
            continue
        if (c.cue_span is not None and a <= c.cue_span[0] and c.cue_span[1] <= b) or (
            c.span[0] <= a and b <= c.span[1] and c.span != (a, b)
        ):
            return "nested speech"
    contents = [score.words(g["content"]) for g in golds]
    if any(held(words, g) >= _HELD for g in contents):
        return "piece of a gold content"
    if any(held(g, words) >= _HELD for g in contents if g):
        return "holds a gold content"
    if any(score.dice(said, g["content"]) >= _NEAR for g in golds):
        return "overlaps a gold content"
    if st.candidate.kind == "direct" and len(words) <= _SHORT_QUOTE:
        return "title or scare quote"
    return "no gold content near"


def matched(score: Any, said: list[str], golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The gold contents matched one to one by the statements' words, paired as score.py pairs them."""
    pairs = [(score.dice(s, g["content"]), i, j) for i, s in enumerate(said) for j, g in enumerate(golds)]
    return [golds[j] for j in sorted(one_to_one(sorted(pairs, reverse=True)).values())]  # ties: later first, as before


def classify_false_positives(data: Path, split: str, show: int) -> int:
    """Count the pipeline's statements that match no gold content by `FP_CLASSES`; print `show` of each."""
    score = score_module(data)
    counts: dict[str, Counter[str]] = {c: Counter() for c in FP_CLASSES}
    examples: dict[str, list[str]] = {c: [] for c in FP_CLASSES}
    statements = 0
    found: Counter[str] = Counter()  # gold contents matched one to one, as score.py pairs them, and the totals
    for path in sorted((data / split / "text").glob("*.txt")):
        if path.stem in HELD_OUT:
            continue
        text, raw, stmts = emitted(path)
        golds = score.gold(data / split, path.stem)
        statements += len(stmts)
        for g in matched(score, [text[a:b] for a, b in (st.span for st in stmts)], golds):
            found["all"] += 1
            found["speech"] += g["speech"]
            found["direct"] += g["direct"]
        for g in golds:
            found["all gold"] += 1
            found["speech gold"] += g["speech"]
            found["direct gold"] += g["direct"]
        for st in stmts:
            said = text[st.span[0] : st.span[1]]
            if any(score.dice(said, g["content"]) >= 0.5 for g in golds):
                continue
            kind = why_false(score, text, st, raw, golds)
            counts[kind][st.candidate.kind] += 1
            examples[kind].append(f"[{st.candidate.kind}] cue {st.candidate.cue!r}, speaker "
                                  f"{st.candidate.speaker!r}: {said[:200]!r}")
    total = sum(c["direct"] + c["indirect"] for c in counts.values())
    print(f"{split}: matched " + ", ".join(
        f"{g} {found[g]}/{found[g + ' gold']} ({found[g] / max(1, found[g + ' gold']):.3f})"
        for g in ("direct", "speech", "all")))
    print(f"{split}: {total} of {statements} statements match no gold content, by class")
    print("| class | false positives | direct | indirect |\n| :-- | --: | --: | --: |")
    for kind in FP_CLASSES:
        c = counts[kind]
        print(f"| {kind} | {c['direct'] + c['indirect']} | {c['direct']} | {c['indirect']} |")
    print_examples(examples, FP_CLASSES, show)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--finder", default="combined", choices=list(FINDERS))
    parser.add_argument("--merge", action="store_true", help="merge one speaker's sentence as the pipeline does")
    parser.add_argument("--show", type=int, default=0, help="print N misses of each class (terminal only)")
    parser.add_argument("--false-positives", action="store_true",
                        help="classify the pipeline's statements that match no gold content instead")
    args = parser.parse_args(argv)
    if not (args.data / "score.py").exists():
        print(f"no PolNeAR data at {args.data} (--data DIR)", file=sys.stderr)
        return 2
    if args.false_positives:
        return classify_false_positives(args.data, args.split, args.show)
    score = score_module(args.data)
    split_dir = args.data / args.split
    counts: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    totals: Counter[str] = Counter()
    examples: dict[str, list[str]] = {c: [] for c in CLASSES}
    nones: dict[str, Counter[str]] = {g: Counter() for g in GROUPS}
    false_positives = statements = 0
    for path in sorted((split_dir / "text").glob("*.txt")):
        if path.stem in HELD_OUT:
            continue
        text = path.read_text(encoding="utf-8")
        candidates = FINDERS[args.finder](text)
        if args.merge:
            candidates = merge_same_sentence(text, candidates)
        spans = [trim_span(text, c.span) for c in candidates]
        rules = [trim_span(text, c.span) for c in find_rules(text)] if args.finder == "combined" else spans
        said = [text[a:b] for a, b in spans]
        golds = gold_contents(split_dir, path.stem, text, score.SPEECH)
        dice = [[score.dice(s, g["content"]) for g in golds] for s in said]
        pairs = sorted(((d, i, j) for i, row in enumerate(dice) for j, d in enumerate(row) if d >= 0.5), reverse=True)
        used_s: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i not in used_s and j not in used_g:
                used_s.add(i)
                used_g.add(j)
        statements += len(said)
        false_positives += sum(1 for row in dice if not any(d >= 0.5 for d in row))
        for j, g in enumerate(golds):
            totals[g["group"]] += 1
            if j in used_g:
                continue
            kind = classify((g["segments"][0][0], g["segments"][-1][1]), spans)
            counts[g["group"]][kind] += 1
            if kind == "none":
                nones[g["group"]][why_none(text, g, rules)] += 1
            examples[kind].append(f"[{g['group']}] cue {g['cue']!r}, gold: {g['content'][:160]!r}\n    ours: "
                                  + " | ".join(repr(s[:160]) for s, sp in zip(said, spans, strict=True)
                                               if sp[0] < g["segments"][-1][1] and g["segments"][0][0] < sp[1]))
    print(f"{args.split}, {args.finder} finder{' + merge' if args.merge else ''}: misses by class")
    print("| group | gold | missed | " + " | ".join(CLASSES) + " |")
    print("| :-- |" + " --: |" * (len(CLASSES) + 2))
    for group in GROUPS:
        c = counts[group]
        print(f"| {group} | {totals[group]} | {sum(c.values())} | " + " | ".join(str(c[k]) for k in CLASSES) + " |")
    print("\n`none` misses by where the gold cue is")
    print("| group | none | " + " | ".join(NONE_CLASSES) + " |")
    print("| :-- |" + " --: |" * (len(NONE_CLASSES) + 1))
    for group in GROUPS:
        c = nones[group]
        print(f"| {group} | {sum(c.values())} | " + " | ".join(str(c[k]) for k in NONE_CLASSES) + " |")
    print(f"\nfalse positives: {false_positives} of {statements} candidates")
    print_examples(examples, CLASSES, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
