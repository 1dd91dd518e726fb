"""Actors across many articles: the same actor in many records becomes one corpus actor, and says why.

Each record names its actors on its own ("A2" is China in one article, "A5" in the next). Here the actors
of all records are merged, in three steps, each leaving an explanation on the merged actor:

1. the same name: persons by their full name, anything else by its name, compared without case, accents,
   dots or a leading "the"; a state, capital or seat of government in the gazetteer is its country
   ("Beijing", "Chinese government" and "China" are China), as `extract.language.actors` does inside one article;
2. a short form joins the one actor the records write it for: a lone surname ("Campbell") joins the only
   full name with that surname ("Kurt Campbell") when some record lists it as that person's alias, and an
   organisation's acronym or short name joins the only actor that carries it as an alias;
3. except when the two disagree: a surname shared with several full names, or with a person whose role or
   affiliation differs ("Campbell, a chef" is not "Kurt Campbell, Deputy Secretary of State"), stays apart,
   and the merged actor says so.

Only what a merge needs is kept from each record (names, kinds, roles, counts), so ten thousand records
fit in little memory; the records themselves are streamed by `read_corpus`.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import RecordError
from extract.language.countries import country_named
from extract.output.records import article_id, read_records
from schemas import ArticleRecord, ErrorRecord

#: How many article ids an explanation lists before it only counts them.
SHOWN_ARTICLES = 10
#: Words that say nothing about which office a role is ("the deputy of the …").
_ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "and", "to", "at", "in", "on", "its", "his", "her",
                             "their", "former", "then", "new", "acting"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor of one record: what the corpus keeps of it."""

    article: str
    actor: str
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    affiliation: str | None  # the affiliation's name, not its record-local id
    statements: int


@dataclass(frozen=True, slots=True)
class AllegationRef:
    """One allegation of one record, with the ids that lead back to its verbatim evidence."""

    article: str
    allegation: str
    accusers: tuple[str, ...]
    accused: tuple[str, ...]
    claim: str
    category: str
    status: str
    evidence: tuple[str, ...]
    responses: tuple[str, ...]
    date: str | None  # the article's publication date, else the first evidence statement's date


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article of the corpus: its id joins the export tables and the review page."""

    id: str
    path: str
    title: str | None
    published: str | None


@dataclass
class Corpus:
    """What the corpus view needs of a set of records."""

    articles: list[ArticleRef] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    allegations: list[AllegationRef] = field(default_factory=list)
    errors: int = 0
    duplicates: int = 0
    _seen: set[str] = field(default_factory=set, repr=False)

    def add(self, record: ArticleRecord | ErrorRecord) -> None:
        """Take one record in; an error record is counted, an article seen before is counted and skipped."""
        if isinstance(record, ErrorRecord):
            self.errors += 1
            return
        aid = article_id(record.source)
        if aid in self._seen:
            self.duplicates += 1
            return
        self._seen.add(aid)
        self.articles.append(ArticleRef(aid, record.source.path, record.source.title, record.source.published))
        names = {a.id: a.name for a in record.actors}
        spoken = Counter(s.speaker for s in record.statements)
        for actor in record.actors:
            self.mentions.append(ActorMention(
                aid, actor.id, actor.name, actor.kind, actor.role, tuple(actor.aliases),
                names.get(actor.affiliation or ""), spoken[actor.id]))
        dates = {s.id: s.date for s in record.statements}
        for al in record.allegations:
            date = record.source.published or next((dates[e] for e in al.evidence if dates.get(e)), None)
            self.allegations.append(AllegationRef(
                aid, al.id, tuple(al.accusers), tuple(al.accused), al.claim, al.category, al.status,
                tuple(al.evidence), tuple(al.responses), date))


def read_corpus(paths: Iterable[Path], corpus: Corpus | None = None) -> Corpus:
    """Stream the records of JSONL files into a Corpus (a bad line raises RecordError naming file and line)."""
    corpus = corpus or Corpus()
    for path in paths:
        if path.is_dir():
            raise RecordError(f"{path}: is a folder; name the JSONL files of records")
        for _, record in read_records(path):
            corpus.add(record)
    return corpus


def corpus_of(records: Iterable[ArticleRecord | ErrorRecord]) -> Corpus:
    """A Corpus of records already in memory (the review page and `export` have them loaded)."""
    corpus = Corpus()
    for record in records:
        corpus.add(record)
    return corpus


# --- merging --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeNote:
    """Why one name was joined into a corpus actor, and in which articles it is written."""

    name: str
    reason: str
    articles: tuple[str, ...]  # the first SHOWN_ARTICLES of them
    article_count: int

    def text(self) -> str:
        """One line for a reader: `'Beijing' (3 articles: a, b, c): the gazetteer's name for China`."""
        shown = ", ".join(self.articles) + (f", +{self.article_count - len(self.articles)} more"
                                            if self.article_count > len(self.articles) else "")
        noun = "article" if self.article_count == 1 else "articles"
        return f"{self.name!r} ({self.article_count} {noun}: {shown}): {self.reason}"


@dataclass
class CorpusActor:
    """One actor across the corpus: every record actor it stands for, and the reasons they are one."""

    id: str
    name: str
    kind: str
    names: list[str]
    roles: list[str]
    articles: int
    statements: int
    members: list[tuple[str, str]]  # (article id, actor id in that record)
    merges: list[MergeNote]
    kept_apart: list[str]


@dataclass
class ActorIndex:
    """The corpus actors and which one each record actor belongs to."""

    actors: dict[str, CorpusActor]
    of: dict[tuple[str, str], str]  # (article id, record actor id) -> corpus actor id

    def node(self, article: str, actor: str) -> str | None:
        """The corpus actor of a record's actor id."""
        return self.of.get((article, actor))


def name_key(name: str) -> str:
    """Compare names ignoring case, accents, dots, apostrophes, extra spaces and a leading "the"."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"^the\s+", "", folded.strip())
    folded = re.sub(r"[.’'`]", "", folded)
    folded = re.sub(r"\s*[‐‑–]\s*|\s+-\s+", "-", folded)  # "Delacroix‐Hale" is "Delacroix-Hale", one surname
    return re.sub(r"\s+", " ", folded).strip()


def _is_person(kind: str) -> bool:
    return kind == "person"


@dataclass
class _Group:
    """Record actors that share one name (step 1), before short forms are joined (step 2).

    A lone surname is a group per article: two articles' "Campbell" may be two people.
    """

    key: tuple[str, str]  # ("country" | "person" | "lone" | "name", normalised name [+ article for "lone"])
    name: str  # the normalised name
    mentions: list[ActorMention] = field(default_factory=list)
    country: str | None = None

    @property
    def person(self) -> bool:
        return self.key[0] in ("person", "lone")

    def alias_keys(self) -> set[str]:
        return {name_key(a) for m in self.mentions for a in m.aliases}

    def roles(self) -> set[str]:
        return {m.role for m in self.mentions if m.role}

    def affiliations(self) -> set[str]:
        return {_affiliation_key(m.affiliation) for m in self.mentions if m.affiliation}

    def articles_with_alias(self, alias: str) -> list[str]:
        return sorted({m.article for m in self.mentions if alias in {name_key(a) for a in m.aliases}})


def _affiliation_key(name: str) -> str:
    country = country_named(name)
    return name_key(country.name if country else name)


def _group_key(mention: ActorMention) -> tuple[tuple[str, str], str, str | None]:
    """The step-1 key of a record actor, its normalised name, and its gazetteer country if any."""
    name = name_key(mention.name)
    if not _is_person(mention.kind):
        country = country_named(mention.name)
        if country is not None:
            return ("country", name_key(country.name)), name_key(country.name), country.name
        return ("name", name), name, None
    if " " not in name:
        return ("lone", f"{name}|{mention.article}"), name, None
    return ("person", name), name, None


def _role_words(role: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'.-]+", role.casefold()) if w not in _ROLE_STOPWORDS}


def _disagreement(short: _Group, full: _Group) -> str | None:
    """Why two groups cannot be one actor (roles with no word in common, different affiliations), or None."""
    short_roles, full_roles = short.roles(), full.roles()
    if short_roles and full_roles and not any(_role_words(a) & _role_words(b)
                                              for a in short_roles for b in full_roles):
        return f"roles differ ({' / '.join(sorted(short_roles))} against {' / '.join(sorted(full_roles))})"
    short_aff, full_aff = short.affiliations(), full.affiliations()
    if short_aff and full_aff and not short_aff & full_aff:
        return "affiliations differ"
    return None


def merge_actors(corpus: Corpus) -> ActorIndex:
    """Merge the record actors of a corpus into corpus actors, explaining every merge (see the module doc)."""
    groups: dict[tuple[str, str], _Group] = {}
    for mention in corpus.mentions:
        key, name, country = _group_key(mention)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key, name, country=country)
        group.mentions.append(mention)
    order = list(groups.values())
    merger = _Merger(order)
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    by_alias: dict[str, list[_Group]] = defaultdict(list)
    for group in order:
        if group.key[0] == "person":
            by_surname[group.name.rsplit(" ", 1)[1]].append(group)
        elif not group.person:
            for alias in group.alias_keys():
                by_alias[alias].append(group)
    lone_left: dict[str, list[_Group]] = defaultdict(list)
    for group in order:
        if group.key[0] == "lone":
            if not merger.join_short_form(group, by_surname.get(group.name, []), "surname"):
                lone_left[group.name].append(group)
        elif group.key[0] == "name":
            merger.join_short_form(group, [g for g in by_alias.get(group.name, []) if g is not group], "short name")
    for same in lone_left.values():  # the same lone name in several articles: one actor while roles agree
        anchors: list[_Group] = []
        for group in same:
            anchor = next((a for a in anchors if _disagreement(group, a) is None), None)
            if anchor is None:
                anchors.append(group)
            else:
                merger.join(group, anchor, f"the same lone name as in {anchor.mentions[0].article}, roles agree")
    return merger.index()


class _Merger:
    """Joins of step-1 groups (a union-find), with the reason for each join and the notes on what stayed apart."""

    def __init__(self, order: list[_Group]) -> None:
        self.order = order
        self.position = {id(g): i for i, g in enumerate(order)}
        self.parent = list(range(len(order)))
        self.reasons: dict[int, str] = {}
        self.kept_apart: dict[int, list[str]] = defaultdict(list)

    def _root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, group: _Group, into: _Group, reason: str) -> None:
        """Make `group` part of the actor `into` belongs to."""
        i = self.position[id(group)]
        self.reasons[i] = reason
        self.parent[self._root(i)] = self._root(self.position[id(into)])

    def note(self, group: _Group, text: str) -> None:
        """Say on `group`'s actor why something was not merged into it."""
        self.kept_apart[self.position[id(group)]].append(text)

    def join_short_form(self, group: _Group, candidates: list[_Group], what: str) -> bool:
        """Join a lone surname or short name to the one actor it agrees with and the records write it for."""
        if not candidates:
            return False
        agreeing = [g for g in candidates if _disagreement(group, g) is None]
        shown = _display_name(group)
        if len(agreeing) > 1:
            names = " or ".join(repr(n) for n in sorted(_display_name(g) for g in agreeing))
            self.note(group, f"{shown!r} in {_articles_of(group)} could be {names}: kept apart")
            return False
        if not agreeing:
            for other in candidates:
                text = (f"{shown!r} in {_articles_of(group)} kept apart from {_display_name(other)!r}: "
                        f"{_disagreement(group, other)}")
                self.note(group, text)
                if len(candidates) == 1:  # the one namesake: worth saying on both sides
                    self.note(other, text)
            return False
        target = agreeing[0]
        support = target.articles_with_alias(group.name)
        if not support:
            self.note(group, f"{shown!r} kept apart from {_display_name(target)!r}: no record writes it for that name")
            return False
        listed = ", ".join(support[:SHOWN_ARTICLES]) + (" …" if len(support) > SHOWN_ARTICLES else "")
        self.join(group, target, f"the {what} of {_display_name(target)!r}, the only actor of the corpus it fits; "
                                 f"written for it in {listed}")
        return True

    def index(self) -> ActorIndex:
        """The corpus actors: one per set of joined groups, in order of first appearance."""
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.order)):
            members[self._root(i)].append(i)
        actors: dict[str, CorpusActor] = {}
        of: dict[tuple[str, str], str] = {}
        taken: set[str] = set()
        for root in sorted(members, key=lambda r: min(members[r])):
            parts = [(self.order[i], self.reasons.get(i)) for i in members[root]]
            kept = [n for i in members[root] for n in self.kept_apart.get(i, [])]
            actor = _corpus_actor(parts, kept, taken)
            actors[actor.id] = actor
            for article, actor_id in actor.members:
                of[(article, actor_id)] = actor.id
        return ActorIndex(actors, of)


def _articles_of(group: _Group) -> str:
    articles = sorted({m.article for m in group.mentions})
    return ", ".join(articles[:SHOWN_ARTICLES]) + (" …" if len(articles) > SHOWN_ARTICLES else "")


def _display_name(group: _Group) -> str:
    if group.country:
        return group.country
    names = Counter(m.name for m in group.mentions)
    return max(names, key=lambda n: (names[n], len(n), n))


def _corpus_actor(parts: list[tuple[_Group, str | None]], kept: list[str], taken: set[str]) -> CorpusActor:
    mentions = [m for g, _ in parts for m in g.mentions]
    country = next((g.country for g, _ in parts if g.country), None)
    kinds = Counter(m.kind for m in mentions)
    kind = "country" if country else max(kinds, key=lambda k: (kinds[k], k))
    fullest = max((g for g, _ in parts), key=lambda g: (g.key[0] != "lone", len(g.name.split()), len(g.mentions)))
    name = country or _display_name(fullest)
    names = Counter(m.name for m in mentions)
    notes: list[MergeNote] = []
    for group, reason in parts:
        by_name: dict[str, set[str]] = defaultdict(set)
        for m in group.mentions:
            by_name[m.name].add(m.article)
        for written, articles in sorted(by_name.items()):
            if reason is not None:
                why = reason
            elif group.country and name_key(written) != name_key(group.country):
                why = f"the gazetteer's name for {group.country}"
            elif written != name:
                why = f"the same name as {name!r} (case, accents, dots or 'the' aside)"
            else:
                why = "the name itself"
            ordered = sorted(articles)
            notes.append(MergeNote(written, why, tuple(ordered[:SHOWN_ARTICLES]), len(ordered)))
    return CorpusActor(
        id=_unique_id(kind, name, taken),
        name=name,
        kind=kind,
        names=sorted(names, key=lambda n: (-names[n], n)),
        roles=sorted({m.role for m in mentions if m.role}),
        articles=len({m.article for m in mentions}),
        statements=sum(m.statements for m in mentions),
        members=[(m.article, m.actor) for m in mentions],
        merges=notes,
        kept_apart=_capped(sorted(set(kept))),
    )


def _capped(notes: list[str]) -> list[str]:
    if len(notes) <= SHOWN_ARTICLES:
        return notes
    return [*notes[:SHOWN_ARTICLES], f"… and {len(notes) - SHOWN_ARTICLES} more kept apart"]


def _unique_id(kind: str, name: str, taken: set[str]) -> str:
    """A readable, stable id: "country:china", "person:kurt-campbell" (a number added on a clash)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or f"x{zlib.crc32(name.encode()):08x}"
    base = f"{kind}:{slug}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def iter_edges(corpus: Corpus, index: ActorIndex) -> Iterator[tuple[str, str, AllegationRef]]:
    """Every (accuser, accused, allegation) of the corpus, in corpus actor ids."""
    for al in corpus.allegations:
        accusers = dict.fromkeys(n for a in al.accusers if (n := index.node(al.article, a)))
        accused = dict.fromkeys(n for a in al.accused if (n := index.node(al.article, a)))
        for source in accusers:
            for target in accused:
                yield source, target, al
