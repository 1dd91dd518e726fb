"""The extraction pipeline for one article: clean, find speech, ask the model, ground, assemble.

The model is asked one small question per chunk of the article, answered in short JSON: which of the
numbered statements accuse whom (or deny an accusation). Actors are found in the text (with `model_actors`,
the model is first asked which actors are named, one call more per chunk). Statements themselves are found
and attributed in the text deterministically, so every statement is a verbatim span (or verbatim pieces of
one) by construction; the model points at statement numbers and actor names from closed lists (the schema
turns them into enums, which llama.cpp enforces while decoding). Every call starts with the same rules, then
the chunk, then the question, so llama.cpp reuses the evaluated rules from one call to the next.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from extract.errors import ModelError
from extract.language.actors import ActorDraft, build_actors
from extract.language.allegations import Accusation, is_denial, judge, overlooked
from extract.language.attribution import StatementDraft, attribute
from extract.language.authorial import opinion_writer, with_authored
from extract.language.categories import plausible_category
from extract.language.charges import narrated_charges, with_narrated
from extract.language.descriptions import find_references, resolve_role_owners
from extract.language.finishing import finish_actors
from extract.language.frames import sentence_window
from extract.language.grounding import Span, trim_span
from extract.language.institutions import accused_bodies
from extract.language.mention_index import MentionIndex
from extract.language.offering import (
    addressee,
    given_name_mentions,
    member_mentions,
    mentioned_in,
    owned_mentions,
    state_mentions,
    with_spans,
)
from extract.language.participation import taking_part
from extract.language.pronouns import genders, pronoun_mentions
from extract.language.segments import merge_same_sentence
from extract.language.speech import Sentence, find_speech
from extract.language.speech.text import sentences_of
from extract.model.answers import DENIAL, NEITHER, ActorsAnswer, Answer, accusations_answer
from extract.model.prompting import PromptSet, format_statements
from extract.model.verify import check_accusations, checks_for, format_questions, kept, verdicts_answer
from extract.model.verify import max_tokens as verify_tokens
from extract.model.verify import second_look as second_look_by_default
from extract.output.assembly import assemble
from extract.text.cleaning import CleanArticle, clean_html, clean_text
from extract.text.loading import Document
from schemas import (
    Actor,
    Allegation,
    Statement,
)

DEFAULT_CHUNK_CHARS = 6000


@dataclass(frozen=True)
class ModelRequest:
    """One question for the model: the messages, the answer model that validates it, its output budget."""

    label: str  # "actors" or "accusations": the task, in messages and errors
    response_model: type[Answer]
    messages: list[dict[str, str]]
    max_tokens: int
    #: The record can do without this answer: when it fails, the transport sends `Failed` instead of raising.
    optional: bool = False


@dataclass(frozen=True)
class Failed:
    """An optional question that got no valid answer: the record keeps everything else, with a warning."""

    message: str


#: An article's extraction as a conversation with any transport: it yields the requests of one round
#: (one per chunk), is sent their validated answers in the same order (`Failed` for an optional request
#: that got none), and returns the record's lists.
#: `run` answers each round with live calls; `batch` answers it from an OpenAI Batch results file.
Plan = Generator[list[ModelRequest], list[Any], tuple[list[Actor], list[Statement], list[Allegation]]]


@dataclass
class Prepared:
    """An article cleaned and cut, ready to plan: the text every span of its record points into."""

    doc: Document
    article: CleanArticle
    text: str
    warnings: list[str]


def prepare(doc: Document, max_chars: int | None = None) -> Prepared:
    """Clean an input document (HTML or page-scrape text) and apply `--max-chars`."""
    article = clean_html(doc.raw, doc.url) if doc.is_html else clean_text(doc.raw)
    warnings = [*doc.warnings, *article.warnings]
    text = article.text
    if max_chars is not None and len(text) > max_chars:
        cut = text.rfind("\n\n", 0, max_chars)
        text = text[: cut if cut > 0 else max_chars]
        warnings.append(f"article cut to {len(text)} of {len(article.text)} characters (--max-chars)")
    return Prepared(doc, article, text, warnings)


def page_writer(prepared: Prepared) -> str | None:
    """The writer of an opinion page as its byline names them (`authorial.opinion_writer`), for `plan`."""
    article = prepared.article
    return opinion_writer(
        article.byline, article.url or prepared.doc.url, article.title, prepared.text, article.sections
    )


def attributed(
    text: str, proposed: list[tuple[str, str]], warnings: list[str]
) -> tuple[list[StatementDraft], list[ActorDraft]]:
    """The statements found and attributed, and the actors, before any question about them.

    The speech finder's candidates joined within a sentence and trimmed, the actors from the text (and the
    model's `proposed` names), each statement given its speaker; benches that score these stages call it too.
    """
    candidates = merge_same_sentence(text, find_speech(text))
    spans = [trim_span(text, c.span) for c in candidates]
    drafts = build_actors(text, proposed, warnings)
    stmts = attribute(text, candidates, spans, drafts, warnings)
    finish_actors(text, drafts)
    return stmts, drafts


def plan(
    text: str,
    prompts: PromptSet,
    warnings: list[str],
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    model_actors: bool = False,
    second_look: bool | None = None,
    writer: str | None = None,
) -> Plan:
    """The questions for one article: statement labels per chunk, after the model's actors if asked for.

    By default the actors are found in the text alone (`people`, the gazetteer, the speakers), so the one
    question per chunk is the statement labels: one call per chunk, whose prefix (system prompt and
    article) is the same for every chunk's call. `model_actors` asks the model for the actors first, one
    round of calls more; the labels' schemas depend on the actors (each statement's `accused` enum is the
    actors it names), so the two rounds cannot be merged; within a round the requests are independent.
    `second_look` (default: `verify.second_look()`, on unless `EXTRACT_SECOND_LOOK=0`) asks a round more when
    a statement labelled "none" may charge a clause's subject. `writer` is who wrote the piece by its page's
    byline, when the page is opinion (`page_writer`): their charges are their statements.
    """
    looking_again = second_look_by_default() if second_look is None else second_look
    chunks = split_chunks(text, chunk_chars)
    if len(chunks) > 1:
        warnings.append(f"long article: processed in {len(chunks)} chunks")
    proposed: list[tuple[str, str]] = []
    if model_actors:
        actor_answers = yield [
            ModelRequest("actors", ActorsAnswer, _messages(prompts, text[start:end], "actors.md"), 900)
            for start, end in chunks
        ]
        failed = next((a for a in actor_answers if isinstance(a, Failed)), None)
        if failed is not None:  # without the actors nothing is attributed: nothing usable is left
            raise ModelError(failed.message)
        proposed = [(a.name, a.kind) for answer in actor_answers for a in answer.actors]
    stmts, drafts = attributed(text, proposed, warnings)
    sentences = sentences_of(text)  # split once: the speech finder split the same text
    stmts = with_authored(text, stmts, drafts, sentences, writer)  # a signed letter's or op-ed's own charges
    resolve_role_owners(text, drafts)
    # "accused the government of a conspiracy": a body accused by its role is an actor like one that speaks
    accused_bodies(text, [sentence_window(s.span, sentences) for s in stmts if not _anonymous(s.speaker)], drafts)
    # the model and the judge see names and bodies named by their role ("police"), not anonymous sources
    every_actor, drafts = drafts, [d for d in drafts if not _anonymous(d)]
    names = [d for d in drafts if not d.unnamed]  # descriptions, "he"/"she" and members refer to named actors
    accusers = [d for d in drafts if d.kind != "other"]  # the judge's sides: a river or a product accuses no one

    rounds: list[tuple[list[StatementDraft], dict[int, list[str]]]] = []
    requests: list[ModelRequest] = []
    described = find_references(text, names)
    # the model is offered the names a statement's sentence holds, and whom its "he"/"she" and descriptions
    # refer to ('"He refuses to take responsibility," Clinton said' offers Trump, named the sentence before)
    gender = genders(text, names)
    # "police officers" names the police, "Russian hackers" Russia
    given = given_name_mentions(text, names)  # "the plan that Donald has put forth"
    members = with_spans(member_mentions(text, names), state_mentions(text, names), given)
    places = with_spans(described, given)  # where "he" may have been named besides by name
    owned = owned_mentions(text, names)  # "the plan" names Quill where every plan the article names is hers
    referred: dict[int, dict[int, list[Span]]] = {}
    addressed: dict[int, ActorDraft] = {}
    index = MentionIndex(drafts)  # the mentions are final: which a statement's sentence holds, by bisection
    for s in stmts:
        he_she = pronoun_mentions(text, s, names, gender, places)
        referred[s.number] = with_spans(described, members, owned, he_she)
        you = addressee(text, s, names, sentences, referred[s.number])  # "'You lied,' Quill told Daly"
        if you is not None:
            addressed[s.number] = you[0]
            referred[s.number] = with_spans(referred[s.number], {id(you[0]): you[1]})
    for start, end in chunks:
        # an anonymous source ("officials said") is recorded, not asked about: an accuser must be someone
        inside = [s for s in stmts if start <= s.span[0] < end and not _anonymous(s.speaker)]
        if inside and drafts:
            # every statement of the chunk is asked about, also one that names nobody: leaving those out saved
            # ~250 tokens per real article but changed the small model's labels of the others (seeds' allegations
            # F1 0.89 -> 0.75; bench/results/quality-seeds-asked-*.md)
            named = {
                s.number: [
                    d.name
                    for d in mentioned_in(
                        text, s, drafts, sentences, referred[s.number], addressed.get(s.number), index
                    )
                ]
                for s in inside
            }
            # The model reads the words said, not their own attribution (`"Q1," X said. "Q2."`): X inside the
            # quotation would offer the speaker as the one accused (issue 12)
            rows = [(s.number, s.speaker.name, s.said(text), named[s.number]) for s in inside]
            messages = _messages(prompts, text[start:end], "accusations.md", statements=format_statements(rows))
            requests.append(
                ModelRequest("accusations", accusations_answer(named), messages, 60 * len(inside) + 50, optional=True)
            )
            rounds.append((inside, named))
    label_answers = (yield requests) if requests else []
    accusations: list[Accusation] = []
    unlabelled: list[Accusation] = []  # what the model labelled "none" but the words may charge
    denials: list[StatementDraft] = []
    for part, ((inside, named), answer) in enumerate(zip(rounds, label_answers, strict=True), 1):
        if isinstance(answer, Failed):  # a failed question costs only its part: actors and statements stay
            which = f"part {part} of {len(rounds)}" if len(rounds) > 1 else "the article"
            warnings.append(f"{answer.message} (no allegations from {which}; its actors and statements are kept)")
            continue
        found, denied = _read_labels(text, answer, inside, drafts, accusers, named, referred, sentences)
        accusations.extend(found)
        denials.extend(denied)
        unlabelled.extend(_overlooked(text, answer, inside, found, accusers, referred) if looking_again else [])
    if check_accusations():
        accusations = yield from _verified(text, prompts, chunks, accusations, warnings)
    if unlabelled:  # the second look: a yes/no question per statement labelled "none" that names a wrong and a doer
        confirmed = yield from _verified(text, prompts, chunks, unlabelled, warnings, looking_again=True)
        judged = [judge(text, a.statement, a.accused, a.category, accusers, referred[a.statement.number], sentences)
                  for a in confirmed]
        charged = {id(a.statement) for a in judged if a is not None}
        denials = [st for st in denials if id(st) not in charged]
        accusations = sorted([*accusations, *(a for a in judged if a is not None)], key=lambda a: a.statement.number)
    # charges the narration tells ("she was charged with possession" after "police found cocaine"), asked of no model
    charges = narrated_charges(text, sentences, stmts, every_actor, gender)
    stmts, accusations = with_narrated(text, stmts, accusations, charges)
    return assemble(text, _taking_part(text, every_actor, stmts, accusations, warnings), stmts, accusations, denials)


def _anonymous(draft: ActorDraft) -> bool:
    """Whether an actor is a source the article neither names nor identifies as a body ("officials", "critics")."""
    return draft.unnamed and draft.kind == "other"


def _verified(
    text: str,
    prompts: PromptSet,
    chunks: list[Span],
    accusations: list[Accusation],
    warnings: list[str],
    looking_again: bool = False,
) -> Generator[list[ModelRequest], list[Any], list[Accusation]]:
    """One yes/no question per proposed accuser and accused, one request per chunk (see `verify`).

    A chunk whose answer failed keeps its accusations as they were, with a warning; the candidates of a
    second look (`looking_again`: statements labelled "none") are lost instead.
    """
    parts = [[a for a in accusations if start <= a.statement.span[0] < end] for start, end in chunks]
    asked = [(chunk, part, checks_for(part)) for chunk, part in zip(chunks, parts, strict=True) if part]
    if not asked:
        return accusations
    requests = [
        ModelRequest(
            "second look" if looking_again else "verify",
            verdicts_answer(len(checks)),
            _messages(prompts, text[start:end], "verify.md", questions=format_questions(text, checks)),
            verify_tokens(len(checks)),
            optional=True,
        )
        for (start, end), _, checks in asked
    ]
    answers = yield requests
    result: list[Accusation] = []
    for (_, part, checks), answer in zip(asked, answers, strict=True):
        if isinstance(answer, Failed):
            warnings.append(f"{answer.message} ({'no second look' if looking_again else 'accusations kept unchecked'})")
            result.extend([] if looking_again else part)
        else:
            result.extend(kept(checks, answer))
    return result


def _taking_part(
    text: str,
    drafts: list[ActorDraft],
    stmts: list[StatementDraft],
    accusations: list[Accusation],
    warnings: list[str],
) -> list[ActorDraft]:
    """The actors that take part: `participation.taking_part` told who speaks, accuses or is accused."""
    acting = {id(a) for acc in accusations for a in (*acc.accused, *acc.accusers)}
    for st in stmts:
        acting |= {id(st.speaker), id(st.via)}
    return taking_part(text, drafts, acting, [st.span for st in stmts], warnings)


def _messages(prompts: PromptSet, chunk_text: str, task: str, **values: str) -> list[dict[str, str]]:
    system = prompts.system(chunk_text) + "\n" + prompts.render(task, **values)
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": "Do the TASK for the ARTICLE. Answer with JSON only."},
    ]


def _read_labels(
    text: str,
    answer: Any,
    stmts: list[StatementDraft],
    drafts: list[ActorDraft],
    accusers: list[ActorDraft],
    named: dict[int, list[str]],
    referred: dict[int, dict[int, list[Span]]],
    sentences: list[Sentence],
) -> tuple[list[Accusation], list[StatementDraft]]:
    """Accusations and denials from one chunk's statement labels, checked against each sentence's grammar.

    The model's label proposes; `allegations.judge` decides (an accusing verb's subject and object, no
    victim or addressee accused, no accusation in a denial, reassurance or warning to all).
    """
    by_name = {d.name: d for d in drafts}
    found = []
    denied = []
    for st in stmts:
        label = getattr(answer, f"s{st.number}")
        category = label.category.value
        if category == DENIAL or is_denial(text, st):
            denied.append(st)
            continue
        proposed = [by_name[n] for n in dict.fromkeys(label.accused) if by_name[n] is not st.speaker]
        verdict = judge(text, st, proposed, None if category == NEITHER else str(category),
                        accusers, referred[st.number], sentences)
        if verdict is not None:
            found.append(verdict)
    return found, denied


def _overlooked(
    text: str,
    answer: Any,
    stmts: list[StatementDraft],
    found: list[Accusation],
    accusers: list[ActorDraft],
    referred: dict[int, dict[int, list[Span]]],
) -> list[Accusation]:
    """Candidates for a closed yes/no question: statements labelled "none" that may charge whom they name.

    Those the judge left without accusation whose words name a wrong and a doer (`allegations.overlooked`);
    also those labelled "denial" whose words deny nothing (`overlooked` takes none that `is_denial`).
    """
    judged = {id(a.statement) for a in found}
    candidates = []
    for st in stmts:
        if getattr(answer, f"s{st.number}").category.value not in (NEITHER, DENIAL) or id(st) in judged:
            continue  # a "denial" label on words that deny nothing ('Trump "lashed out at our generals"') too
        accused = overlooked(text, st, accusers, referred[st.number])
        if accused:
            category = plausible_category("other", st.said(text))
            candidates.append(Accusation(st, [st.speaker], accused, category, "second look"))
    return candidates


def split_chunks(text: str, max_chars: int) -> list[Span]:
    """Split at paragraph breaks into spans of at most `max_chars` (a longer paragraph stands alone)."""
    spans: list[Span] = []
    start = 0
    para_ends = [m.start() for m in re.finditer(r"\n\s*\n", text)] + [len(text)]
    last = start
    for end in para_ends:
        if end - start > max_chars and last > start:
            spans.append((start, last))
            start = last
            while start < len(text) and text[start].isspace():
                start += 1
        last = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans
