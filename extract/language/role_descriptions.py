"""Descriptions of a person by a role or an age that only the person's own words resolve: "the Spurs boss".

General news names a person once with a role or an age ("Tottenham boss Juande Ramos", "Carlo Colaiacovo, 24,")
and then describes them: "said the Spurs boss", "the 24-year-old said". Unlike the story's figure ("the
candidate", `descriptions.FIGURE_HEADS`), such a description is no clue to whoever was named last ("the striker"
after a manager's name): it resolves only to a person the text gives that role or that age at their name
(`descriptions.refers_to_person` reads the person's own words). English is data: the role heads, the words that
show each, and the qualifiers that make another role of a head ("defence minister" is no "prime minister").
"""

from __future__ import annotations

import re

#: Heads of a description by role -> the words that, written at a person's name, show the role ("Spurs boss"
#: is the "manager" named before; "the striker" the "forward").
_MANAGER = ("manager", "boss", "coach")
_KEEPER = ("goalkeeper", "keeper", "goalie", "goaltender", "netminder")
ROLE_FORMS: dict[str, tuple[str, ...]] = {
    "coach": _MANAGER, "manager": _MANAGER, "boss": _MANAGER,
    "striker": ("striker", "forward"), "forward": ("forward", "striker"), "midfielder": ("midfielder",),
    "defender": ("defender",), "winger": ("winger",), **{k: _KEEPER for k in _KEEPER},
    "defenseman": ("defenseman", "defenceman"), "defenceman": ("defenseman", "defenceman"),
    "quarterback": ("quarterback",), "captain": ("captain", "skipper"), "skipper": ("skipper", "captain"),
    "batsman": ("batsman",), "bowler": ("bowler",), "spinner": ("spinner",), "driver": ("driver",),
    "rider": ("rider",), "singer": ("singer",), "actor": ("actor",), "actress": ("actress",),
    "comedian": ("comedian",), "rapper": ("rapper",), "prosecutor": ("prosecutor", "district attorney"),
    "minister": ("minister",), "premier": ("premier",), "chancellor": ("chancellor",),
    "chairman": ("chairman",), "director": ("director",),
}  # fmt: skip
#: Lower-case words before a head that make another role of it: "the defence minister" is shown only by
#: "defence minister", never by "Prime Minister"; "the assistant coach" only by "assistant coach".
QUALIFIERS = frozenset({
    "prime", "foreign", "defense", "defence", "finance", "interior", "home", "justice", "health", "education",
    "assistant", "general", "head", "team", "deputy", "vice", "chief", "junior", "state", "executive", "managing",
    "first", "opening", "fast", "leg", "district", "public", "special", "lead",
})  # fmt: skip
#: An age written as a description's word: "the 24-year-old", "the 19-year-old rookie defenseman".
AGE = re.compile(r"(\d{1,3})-year-old")


def role_words(modifiers: list[str], head: str) -> tuple[str, ...]:
    """The phrases that show the role a description names, or () when `head` is no role head.

    "the Spurs boss" -> manager, boss, coach; "the defence minister" -> "defence minister".
    """
    forms = ROLE_FORMS.get(head, ())
    qualifier = modifiers[-1].lower() if modifiers else ""
    if forms and qualifier in QUALIFIERS:
        return (f"{qualifier} {head}",)
    return forms


def age_of(modifiers: list[str], head: str) -> str | None:
    """The age a description gives ("24" of "the 24-year-old" or "the 19-year-old rookie defenseman")."""
    found = [m[1] for w in (*modifiers, head) if (m := AGE.fullmatch(w.strip(",")))]
    return found[0] if found else None


def shows(near: str, forms: tuple[str, ...], age: str | None) -> bool:
    """Whether a person's own words (lower case) show the description's role or age ("Colaiacovo, 24,")."""
    if age is not None and re.search(rf"(?<![\w.-]){age}(?:-year-old)?(?![\w.]|-\d)", near):
        return True
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", near) for form in forms)
