"""Who speaks for whom: roles set off before a name, representatives, documents, institutions' names.

These follow shapes of news writing that recur across stories (legal reporting, elections), each on an
invented article: the pipeline is driven through `plan()` with the model's answers given here.
"""

from __future__ import annotations

from typing import Any

from extract.language.actors import build_actors, find_role
from extract.language.descriptions import resolve_role_owners
from extract.model.answers import ActorsAnswer
from extract.model.prompting import load_prompts
from extract.pipeline import plan
from schemas import Actor, Allegation, Statement

LAWSUIT = (
    "Chipmaker Sues Former Engineer\n\n"
    "PORTLAND, Ore. (AP) — Cascade Silicon Technologies has sued a former engineer, alleging that he took "
    "design files to a rival.\n\n"
    "The lawsuit, filed Tuesday in federal court, says Omar Reyes copied the files before he resigned. "
    "Cascade's general counsel, Lena Brandt, said the company had clear evidence.\n\n"
    "Reyes's lawyer, Tom Ashby, said his client had done nothing wrong. \"Mr. Reyes took nothing that was not "
    "his,\" Ashby said.\n"
)
LAWSUIT_ACTORS = {"Cascade Silicon Technologies": "organization", "Omar Reyes": "person", "Lena Brandt": "person",
                  "Tom Ashby": "person"}


def _run(text: str, actors: dict[str, str], labels: dict[str, Any] | None = None,
         verdicts: dict[str, str] | None = None,
         second_look: bool | None = None) -> tuple[list[Actor], list[Statement], list[Allegation], str, list[str]]:
    """Plan the article; answer the actors round, the labels round (every statement "none" by default), then
    the checking round (every question "yes" by default) or the second look (every question "no" by default;
    `second_look` is the plan's switch)."""
    warnings: list[str] = []
    steps = plan(text, load_prompts(), warnings, model_actors=True, second_look=second_look)
    next(steps)
    answer = ActorsAnswer.model_validate({"actors": [{"name": n, "kind": k} for n, k in actors.items()]})
    try:
        (request,) = steps.send([answer])
    except StopIteration as done:  # no statement to label
        return (*done.value, "", warnings)
    model = request.response_model
    given = labels or {}
    numbers = [name for name in model.model_fields if name.startswith("s")]
    values = {n: given.get(n, {"accused": [], "category": "none"}) for n in numbers}
    try:
        (check,) = steps.send([model.model_validate(values)])
    except StopIteration as done:  # nothing proposed: no question to check it
        actors_out, statements, allegations = done.value
        return actors_out, statements, allegations, request.messages[0]["content"], warnings
    # the checking round: every proposed accuser and accused confirmed ("yes"), unless `verdicts` says "no";
    # the second look at statements labelled "none": nothing confirmed ("no"), unless `verdicts` says "yes"
    keys = list(check.response_model.model_fields)
    default = "no" if check.label == "second look" else "yes"
    try:
        steps.send([check.response_model.model_validate({k: (verdicts or {}).get(k, default) for k in keys})])
    except StopIteration as done:
        actors_out, statements, allegations = done.value
        return actors_out, statements, allegations, request.messages[0]["content"], warnings
    raise AssertionError("the plan asked a fourth round")


def test_a_title_set_off_before_the_name_is_the_role_and_names_whom_they_speak_for() -> None:
    drafts = {d.name: d for d in build_actors(LAWSUIT, list(LAWSUIT_ACTORS.items()), [])}
    assert find_role(LAWSUIT, "Lena Brandt") == "Cascade's general counsel"
    assert find_role(LAWSUIT, "Tom Ashby") == "Reyes's lawyer"
    company = drafts["Cascade Silicon Technologies"]
    assert "Cascade" in company.aliases  # an industry word dropped after the first mention
    assert drafts["Lena Brandt"].affiliation is company and drafts["Lena Brandt"].represents is company
    assert drafts["Tom Ashby"].represents is drafts["Omar Reyes"]
    assert drafts["Tom Ashby"].affiliation is None  # a client is no organisation
    # a comma before the name is not a title unless the words are one
    assert find_role("In a statement, Jane Roe said no.", "Jane Roe") is None


def test_a_document_speaks_for_whoever_filed_it_and_a_lawyer_never_accuses_the_client() -> None:
    _, statements, _, prompt, _ = _run(LAWSUIT, LAWSUIT_ACTORS)
    speakers = {s.text: s.speaker for s in statements}
    assert "Omar Reyes copied the files before he resigned" in speakers
    assert "[Cascade Silicon Technologies] (names: Omar Reyes) Omar Reyes copied the files" in prompt
    # the lawyer's reported words name his client: still not someone he could accuse
    assert "[Tom Ashby] (names: nobody) Mr. Reyes took nothing that was not his" in prompt


def test_a_document_with_no_author_in_the_text_is_an_unnamed_source_that_accuses_no_one() -> None:
    text = (
        "Report on Mines\n\nThe report says Granite Hill Mining hid three spills. Officials were not available.\n"
    )
    actors, statements, allegations, prompt, _ = _run(text, {"Granite Hill Mining": "organization"})
    (statement,) = statements
    speaker = next(a for a in actors if a.id == statement.speaker)
    assert (statement.text, speaker.name, speaker.kind, speaker.unnamed) == (
        "Granite Hill Mining hid three spills", "The report", "other", True
    )
    assert allegations == [] and prompt == ""  # not put to the model: an accuser needs a name


def test_the_representative_s_denial_answers_the_allegation_against_the_client() -> None:
    actors, statements, allegations, _, _ = _run(LAWSUIT, LAWSUIT_ACTORS, {
        "s2": {"accused": ["Omar Reyes"], "category": "crime"},
        "s4": {"accused": [], "category": "denial"},
    })
    ids = {a.name: a.id for a in actors}
    (allegation,) = allegations
    assert allegation.accusers == [ids["Cascade Silicon Technologies"]]
    assert allegation.accused == [ids["Omar Reyes"]]
    assert allegation.status == "denied"
    assert [s.text for s in statements if s.id in allegation.responses] == ["his client had done nothing wrong"]


def test_institutions_keep_the_small_words_of_their_names_and_are_not_people() -> None:
    text = (
        "Vote Monitored\n\nThe Organization for Security and Co-operation in Europe, which is monitoring the "
        "vote, said it had received complaints. The European Union urged both sides to respect the rules.\n"
    )
    actors, statements, _, _, _ = _run(text, {})
    by_id = {a.id: a for a in actors}
    assert [(by_id[s.speaker].name, by_id[s.speaker].kind) for s in statements] == [
        ("Organization for Security and Co-operation in Europe", "organization"),
        ("European Union", "international_organization"),  # the packaged list of bodies knows its kind
    ]


SHORT_SELLER = (
    "Short Seller Targets Carrier\n\n"
    "Greyfield Research accused Norlane Freight Group of inflating its revenue. Norlane Freight Group shares "
    "fell 20%. Norlane Freight Group has 4,000 staff.\n\n"
    "The research firm said several customers shared addresses with Norlane Freight Group offices. "
    "The company said the report was misleading. The stock recovered after the Harbour Stock Exchange said "
    "trading was orderly.\n"
)


def test_a_description_speaker_is_the_actor_named_before_that_it_fits() -> None:
    actors, statements, _, _, warnings = _run(SHORT_SELLER, {
        "Greyfield Research": "organization", "Norlane Freight Group": "organization",
        "Harbour Stock Exchange": "organization"})
    by_id = {a.id: a.name for a in actors}
    spoken = {s.text: by_id[s.speaker] for s in statements}
    # a shared word wins ("research firm" and "Greyfield Research"); else the most-named organisation of its kind
    assert spoken["several customers shared addresses with Norlane Freight Group offices"] == "Greyfield Research"
    assert spoken["the report was misleading"] == "Norlane Freight Group"
    assert not any("unknown" in w for w in warnings)


def test_a_description_of_one_kind_never_takes_a_body_whose_name_says_another() -> None:
    text = (
        "Strike Goes On\n\nThe Harbor Dockworkers Union said Tessaline Shipping cut pay. The Harbor Dockworkers "
        "Union struck again. The Harbor Dockworkers Union marched on Monday.\n\nThe company said it had offered "
        "a fair deal.\n"
    )
    actors, statements, _, _, _ = _run(text, {"Harbor Dockworkers Union": "organization",
                                               "Tessaline Shipping": "organization"})
    by_id = {a.id: a.name for a in actors}
    spoken = {s.text: by_id[s.speaker] for s in statements}
    # "the company" fits either by kind; the union, named most, says in its name that it is no company
    assert spoken["it had offered a fair deal"] == "Tessaline Shipping"
    assert spoken["Tessaline Shipping cut pay"] == "Harbor Dockworkers Union"


def test_a_description_that_surely_fits_offers_its_actor_as_accused() -> None:
    text = (
        "Mayor Accused\n\nThe Harbor Ethics Project filed a complaint. Council member Rosa Tell said Mayor Dan Ruiz "
        "had misused campaign money. Tell said the "
        "mayor's staff had hidden the receipts. She said the council would vote on Friday. Critics said the "
        "stock of goodwill was gone.\n"
    )
    _, _, _, prompt, _ = _run(text, {"Rosa Tell": "person", "Dan Ruiz": "person",
                                     "Harbor Ethics Project": "organization"})
    assert "[Rosa Tell] (names: Dan Ruiz) the mayor's staff had hidden the receipts" in prompt
    # "the council" fits an organisation only by kind: not enough to offer one as accused
    assert "[Rosa Tell] (names: nobody) the council would vote on Friday" in prompt


def test_a_company_s_short_forms_and_a_surname_the_model_took_for_an_organisation() -> None:
    text = (
        "Carrier Hit\n\nGreyfield Research said Norlane Freight Group inflated revenue. The founder and chief "
        "executive, Henrik Sollberg, said Norlane Freight was sound. Greyfield said it stood by the report. "
        "Norlane fell 20%. Sollberg declined to comment.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [
        ("Greyfield Research", "organization"), ("Greyfield", "organization"),
        ("Norlane Freight Group", "organization"), ("Sollberg", "organization")], [])}
    assert set(drafts) == {"Greyfield Research", "Norlane Freight Group", "Henrik Sollberg"}
    assert drafts["Greyfield Research"].aliases == ["Greyfield"]
    assert sorted(drafts["Norlane Freight Group"].aliases) == ["Norlane", "Norlane Freight"]
    sollberg = drafts["Henrik Sollberg"]
    assert sollberg.kind == "person" and sollberg.role == "founder and chief executive"


def test_an_actor_of_kind_other_is_never_accused_and_is_dropped_unless_it_speaks() -> None:
    text = (
        "Shelling\n\nKestria said Valdonian guns shelled the Lenna river crossing. Parents First said the "
        "Lenna river was polluted by the Harlow Mill.\n"
    )
    actors, _, _, prompt, warnings = _run(text, {
        "Kestria": "country", "Lenna river": "other", "Parents First": "other", "Harlow Mill": "organization"})
    assert [a.name for a in actors] == ["Kestria", "Parents First", "Harlow Mill"]
    assert "dropped actor 'Lenna river': of kind 'other' and neither speaks nor is accused" in warnings
    assert "[Parents First] (names: Harlow Mill) the Lenna river was polluted by the Harlow Mill" in prompt


POLITICS = (
    "Mayor Accused\n\nMayor Dan Ruiz faces questions over campaign spending. Council member Ada Fenn said Dan Ruiz "
    "had spent donations on holidays. The Harbor Ethics Project said Dan Ruiz had spent donations on holidays. "
    "\"Dan Ruiz broke the rules,\" said the project's executive director, Leo Barr. Ruiz was away. His "
    "spokeswoman, Tess Lind, "
    "said the claims were false. Margaret Okafor, chair of Open Harbor, said the city needed answers.\n"
)


def test_roles_owned_by_a_pronoun_or_a_description_and_titles_the_model_put_in_names() -> None:
    drafts = {d.name: d for d in build_actors(POLITICS, [
        ("Mayor Dan Ruiz", "government"), ("Ada Fenn", "person"), ("Harbor Ethics Project", "organization"),
        ("Leo Barr", "person"), ("Tess Lind", "person"), ("Open Harbor", "person"), ("Margaret Okafor", "person")],
        [])}
    assert drafts["Dan Ruiz"].kind == "person" and drafts["Dan Ruiz"].role == "Mayor"
    assert drafts["Open Harbor"].kind == "organization"  # "chair of Open Harbor" is whose chair she is
    assert drafts["Margaret Okafor"].affiliation is drafts["Open Harbor"]
    resolve_role_owners(POLITICS, list(drafts.values()))
    assert drafts["Leo Barr"].affiliation is drafts["Harbor Ethics Project"]
    assert drafts["Tess Lind"].represents is drafts["Dan Ruiz"]


def test_a_person_and_their_organisation_accusing_the_same_actor_make_one_allegation() -> None:
    actors, statements, allegations, _, _ = _run(POLITICS, {
        "Mayor Dan Ruiz": "person", "Ada Fenn": "person", "Harbor Ethics Project": "organization",
        "Leo Barr": "person", "Tess Lind": "person"}, {
        "s1": {"accused": ["Dan Ruiz"], "category": "corruption"},
        "s2": {"accused": ["Dan Ruiz"], "category": "corruption"},
        "s3": {"accused": ["Dan Ruiz"], "category": "corruption"},
        "s4": {"accused": [], "category": "denial"}})
    names = {a.id: a.name for a in actors}
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused], a.status) for a in allegations] == [
        (["Ada Fenn"], ["Dan Ruiz"], "denied"),
        (["Harbor Ethics Project", "Leo Barr"], ["Dan Ruiz"], "denied"),
    ]
    denial = next(s for s in statements if s.text == "the claims were false")
    assert all(a.responses == [denial.id] for a in allegations)  # the spokeswoman answers for the mayor


def test_whom_an_accusing_verb_takes_as_object_is_accused_even_when_the_model_says_none() -> None:
    text = (
        "Vote Row\n\nTIRANA, Oct 12 (Reuters) - Albania's main opposition party accused the governing Socialist "
        "Party on Thursday of buying votes. The Socialist Party said the vote was clean.\n"
    )
    actors, _, allegations, _, _ = _run(text, {"Socialist Party": "organization"})  # every label "none"
    names = {a.id: a.name for a in actors}
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused], a.category) for a in allegations] == [
        (["Albania's main opposition party"], ["Socialist Party"], "election_interference")]


def test_a_country_s_adjective_listed_as_an_actor_is_the_country() -> None:
    text = "Border\n\nKestria said Valdonian artillery fired on Brusk. Valdonia denied it.\n"
    drafts = {d.name: d for d in build_actors(text, [
        ("Kestria", "country"), ("Valdonia", "country"), ("Valdonian", "organization")], [])}
    assert set(drafts) == {"Kestria", "Valdonia"} and drafts["Valdonia"].aliases == ["Valdonian"]
    _, _, _, prompt, _ = _run(text, {"Kestria": "country", "Valdonia": "country", "Valdonian": "organization"})
    assert "[Kestria] (names: Valdonia) Valdonian artillery fired on Brusk" in prompt


def test_a_title_the_model_wrote_into_a_person_s_name_becomes_the_role() -> None:
    text = "Talks\n\nKestrian Foreign Minister Daria Voskel said talks had failed. Prime Minister Kola agreed.\n"
    drafts = {d.name: d for d in build_actors(text, [
        ("Kestrian Foreign Minister Daria Voskel", "person"), ("Prime Minister Kola", "person")], [])}
    assert drafts["Daria Voskel"].role == "Kestrian Foreign Minister"
    assert "Prime Minister Kola" in drafts  # no first name to keep: the title stays part of the name


def test_a_speaker_named_by_a_country_s_adjective_is_the_country() -> None:
    text = (
        "Border\n\nValdonia denied it. A senior Kestrian official who spoke on condition of anonymity told "
        "reporters that Valdonia had fired first. Kestria said the talks were over.\n"
    )
    actors, statements, _, _, _ = _run(text, {"Valdonia": "country", "Kestria": "country"})
    names = {a.id: a.name for a in actors}
    assert [names[s.speaker] for s in statements] == ["Kestria", "Kestria"]
    assert [a.name for a in actors] == ["Valdonia", "Kestria"]


def test_a_role_may_name_the_organisation_by_its_last_word() -> None:
    text = (
        "Formula Suit\n\nThe Federal Consumer Safety Commission sued Meridian Foods. \"They knew,\" Commission chair "
        "Rosa Delgado said.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [
        ("Federal Consumer Safety Commission", "government"), ("Meridian Foods", "organization"),
        ("Rosa Delgado", "person")], [])}
    assert drafts["Rosa Delgado"].affiliation is drafts["Federal Consumer Safety Commission"]


def test_an_indefinite_accuser_in_the_lead_is_the_actor_named_later_not_the_accused() -> None:
    text = (
        "Infections Row\n\nA patients' group has accused the Northfield Hospitals Trust of hiding infection data.\n\n"
        "Patients Voice Northfield said 41 cases were missing from the trust's reports.\n"
    )
    actors, statements, allegations, _, _ = _run(
        text, {"Northfield Hospitals Trust": "organization", "Patients Voice Northfield": "organization"})
    names = {a.id: a.name for a in actors}
    assert [names[s.speaker] for s in statements] == ["Patients Voice Northfield", "Patients Voice Northfield"]
    # the grammar of "accused X of" makes the trust the accused
    assert [([names[i] for i in a.accusers], [names[i] for i in a.accused]) for a in allegations] == [
        (["Patients Voice Northfield"], ["Northfield Hospitals Trust"])]


def test_a_pronoun_is_whom_the_text_named_since_the_last_statement() -> None:
    text = (
        "Doping Case\n\nTeam manager Piet Dravo said the rider was clean. \"We will prove it,\" Dravo told "
        "reporters.\n\nSofia Kall herself broke her silence on Tuesday.\n\n\"I have never cheated,\" she said. "
        "\"It's a bad day,\" she added.\n"
    )
    actors, statements, _, _, _ = _run(text, {"Piet Dravo": "person", "Sofia Kall": "person"})
    names = {a.id: a.name for a in actors}
    assert [(names[s.speaker], s.text) for s in statements][-2:] == [
        ("Sofia Kall", "I have never cheated"), ("Sofia Kall", "It's a bad day")]


def test_an_acronym_the_model_listed_is_named_in_full_as_the_article_introduces_it() -> None:
    text = (
        "Doping\n\nThe Continental Anti-Doping Authority (CADA) has charged Sofia Kall. CADA said the test was "
        "clear. Doctors Without Borders (MSF) said nothing.\n"
    )
    drafts = {d.name: d for d in build_actors(text, [("CADA", "organization"), ("MSF", "organization")], [])}
    assert drafts["Continental Anti-Doping Authority"].aliases == ["CADA"]
    assert "MSF" in drafts  # the initials do not spell it: the article's short name stays
