r"""Where a name stands in a statement's sentence, as data: doer, harmed, addressed, ally, subject or owner.

The words around a name that make it the one who did a wrong, the one harmed, threatened or addressed, an ally,
the speaker's own side, a clause's subject or an owner: `allegations`, `victims` and `sides` apply them. Patterns
that end in `$` are matched against the text right before a name; those that start with `^`/`\s` right after it.
The accusing verbs and the charge they bring are `accusation_words`. A class of English is added as a row, not as
a branch (see issue 12).
"""

from __future__ import annotations

import re

from extract.language.accusation_words import ACCUSER_LEMMAS, ACCUSING_VERBS, HARM_PARTICIPLES, ROLE_PHRASE
from extract.language.finishing import AGENT_WORDS
from extract.language.name_words import HONORIFICS, ROLE_NOUNS

#: A title between a verb and the name it governs ("GOP presidential nominee", "Secretary of State"): up to four
#: words, none of them a conjunction, "that" or another preposition than "of" (so "echoed Y's claim that Z"
#: does not reach Z).
TITLE_WORDS = (
    r"(?:(?!(?:that|who|which|whom|to|on|in|at|for|with|by|from|about|against|and|or|but|as)\b)"
    r"[\w.'’-]+\s+){0,4}"
)
#: Between a verb of speaking to or asking and whom it addresses: determiners and words of kinship or party
#: ("urged fellow Republicans", "told his own colleagues", "asked all other members"); lower-case only, so
#: "told reporters Quill lied" does not make Quill the one addressed.
ADDRESSEE_WORDS = (
    r"(?:(?:the|his|her|their|its|our|my|your|own|fellow|other|all|both|some|many|several|those|these)\s+){0,3}"
)
#: Titles news abbreviates before a name ("Sen.", "Mr."; the honorifics written with a full stop) and "St."
#: (a saint, a street): their period ends no sentence or clause.
TITLE_ABBREVIATIONS = (*sorted(h.removesuffix(".") for h in HONORIFICS if h.endswith(".")), "St")
_TITLE_ABBREVIATION = r"(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\."
#: A title before a name: capitalised words and role nouns ("Democratic nominee", "former Secretary of State"),
#: within one sentence: a capitalised word ends with a period only as an abbreviation ("Sen.", "Mr.", "U.S."), so
#: "than Wyoming. Hillary Clinton" does not read "Wyoming." as Clinton's title.
TITLE_IN_SENTENCE = (
    r"(?:(?:" + _TITLE_ABBREVIATION + r"|(?-i:[A-Z]\.(?:[A-Z]\.)+)|(?-i:[A-Z])[\w'’-]*|of|"
    r"former|presidential|" + "|".join(sorted(ROLE_NOUNS)) + r")\s+){0,4}"
)
#: Nouns of a wrong whose "of" names the one it is done to: "the invasion of Ukraine", "the killing of Y".
DONE_TO_OF = (
    r"invasion|invasions|occupation|annexation|attacks?|assaults?|war|wars|hacks?|hacking|breach(?:es)?|"
    r"intrusions?|strikes?|bombing|shelling|blockade|abuse|harassment|persecution|repression|discrimination|"
    r"theft|cyberattacks?|bombings|deaths?|killings?|shootings?|murders?|funerals?|mistreatment|treatment|"
    r"smears?|insults?"
)
#: Nouns of a wrong whose "of" names the one who does it: "the lies of Y", "the aggression of Y", "the
#: campaign of Y" (after "on", "against", "to" they name the one it is done to: "lies about Y", "threats to Y").
DONE_BY_OF = (
    r"aggression|threats?|danger|dangers|risks?|interference|meddling|crimes?|violence|pressure|campaign|"
    r"propaganda|lies|fraud|espionage|spying"
)
#: Before a name, a wrong and "of": the one named did it ("defend the corruptions of Y", "the lies of Y").
AGENT_OF = (
    r"\b(?:(?:" + DONE_BY_OF + r")|corruptions?|misdeeds|wrongdoings?|deceptions?|deceit|hypocrisy|misconduct|"
    r"malfeasance|abuses|scandals?|cover-?ups?|failures|incompetence|dishonesty|lawlessness)\s+of\s+(?:the\s+)?$"
)
#: Words right before a name that make it the one harmed, threatened or addressed, not the one who did it.
#: Whom one deals, talks or sides with: "negotiates with Russia", "disagree with Quill on this" (not "something
#: was going on with Reed", "the trouble with Reed": there he is the one spoken of). Not a possessor: in "many
#: disagreed with Obama's policies" the policies are what is disagreed with, and their owner is blamed for them.
PARTNER_BEFORE = (
    r"\b(?:negotiat\w*|talks?|talked|talking|met|meet\w*|deal\w*|agree\w*|disagree\w*|cooperat\w*|work\w*|"
    r"sid(?:e|es|ed|ing)|stand\w*|stood|allied|ally|partner\w*|trade|trades|traded|trading|compete\w*|"
    r"compared?|comparing|relations?|ties)\s+(?:\w+\s+)?with\s+(?:the\s+)?$"
)
#: Whom something is aimed against, a rival or an enemy in a contest: "an ally against Kestria", "her chances
#: against Reed", "ran against Quill", "the fight against the Front" (not a charge brought or spoken against
#: someone, or taken against a wrongdoer: "railed against Y", "the case against Y", "retaliate against Y for …")
AGAINST_BEFORE = (
    r"\b(?!(?:rail|rails|railed|railing|inveigh\w*|protest\w*|testif\w*|out|up|warn\w*|case|cases|lawsuits?|"
    r"suits?|charges?|complaints?|allegations?|accusations?|evidence|claims?|testimony|grievances?|crusade|"
    r"vendetta|retaliat\w*|sanctions?|punish\w*|measures|action|actions)\b)[\w'’-]+\s+against\s+(?:the\s+)?"
    + TITLE_IN_SENTENCE + r"$"
)
#: Whom one would defeat or stop in a contest: "the only way to stop Reed", "can beat Quill", "to defeat the
#: Front" (an opponent, not by that a wrongdoer)
OPPONENT_BEFORE = (
    r"\b(?:defeat|defeats|defeated|defeating|beat|beats|beating|stop|stops|stopped|stopping)\s+(?:the\s+)?"
    + TITLE_IN_SENTENCE + r"$"
)
#: What something is compared with: "fewer votes than Reed", "closer to Daly's views than Quill's" (not a clause's
#: subject: "more complicated than Reed implied" blames Reed, see `allegations.not_accusable`)
COMPARED_BEFORE = r"\bthan\s+(?:the\s+)?" + TITLE_IN_SENTENCE + r"$"
#: The subject of what is only supposed or asked: "if indeed Reed is not legitimate", "even if Quill wins", "unless
#: Daly resigns", "whether Osk knew", "as if Reed were guilty". A condition or a question charges no one; whoever it
#: blames is named again outside it ("if Reed wins, he will ruin us": "he").
HYPOTHETICAL_BEFORE = r"\b(?:if|unless|whether)\s+(?:indeed\s+|only\s+|ever\s+)?(?:the\s+)?" + TITLE_IN_SENTENCE + r"$"
#: Before a name, where one who did a wrong stands besides a clause's subject or an owner (`allegations.doers`): the
#: agent after "by" ("efforts by Reed to smear …"), a source ("intrusions from Kestria"), the one something is wrong
#: with ("something shameful was going on with Reed"; whom one deals with is `PARTNER_BEFORE`), what a subject is
#: said to be ("the one who cannot tell the truth is Reed").
DOER_BEFORE = (
    r"\b(?:by|from|with|(?:is|was|are|were)(?:\s+(?:really|clearly|obviously|just|simply))?)\s+(?:the\s+)?"
    + TITLE_IN_SENTENCE + r"$"
)
#: Before a name, the start of a clause within a sentence (a subject when its verb follows): "detailed how Reed
#: was part of …", "shows how desperate the Republicans are", "worse than Osk admitted", "while Osk lied to them"
#: (`not_accusable` says when such a circumstance charges no one), “Quill has a problem …” after a quotation mark.
CLAUSE_OPENER = (
    r"(?:\b(?:how|why|what|who|whom|than|while|whilst|when)\s+(?:\w+\s+)?|[“\"‘]\s*)(?:the\s+)?" + TITLE_IN_SENTENCE
    + r"$"
)
#: Auxiliaries and past forms that follow a subject ("Christie and Trump have …", "Reed, even as mayor, had …").
_FINITE = (
    r"[‘’“\"']?(?:\w+ly\s+)?(?:have|has|had|are|were|is|was|did|do|does|will|would|could|can|may|might|must|\w+ed|"
    r"\w+s)\b"
)
#: After a name, what makes it the doer: the charge ("Reed for lying", "Kestria over the hack", "Quill of lying"), a
#: relative clause it heads ("Reed, who lied …"; "the Board, which has figured in scandals", not "China, which I
#: think", "the Board, which has been the target of", "rolled out Reed, which she did"), any possessive ("Reed's
#: “judgment”", "Quill's State Department"), a subject joined to another ("Christie and Trump have …", "Reed and
#: her aides had been …") or set off by a phrase between commas ("Reed, even as a candidate, had …"), the one
#: described as something ("expose him as a fraud", 'blasted Reed as a "disgrace"').
DOER_AFTER = (
    r"\s*(?:,\s*)?(?:\([^)]{0,40}\)\s*)?(?:for|over|who|whose|of\s+\w+ing)\b|['’‘]s\s"
    r"|\s*,\s*which\s+(?:(?:has|have|had)\s+(?!been\b)[a-z]|(?!(?:is|was|are|were|has|had|does)\b)[a-z]+(?:ed|s)\b)"
    r"|\s+as\s+an?\s"
    r"|\s+(?:and|or|&)\s+(?:(?:both|the|his|her|its|their)\s+)?(?:[\w.'’-]+\s+){0,4}?" + _FINITE
    + r"|\s*,\s*[^,.;:!?“”\"]{1,40},\s+" + _FINITE
)
#: Between a wrong's preposition and the one it is done to: an adjective ("retired", "unarmed"), then a title.
_HARMED_TITLE = r"(?:(?!(?:by|from|with|whom?|which|that|and|or)\b)[a-z]+\s+)?" + TITLE_IN_SENTENCE
#: Before a name, the positions of one harmed, threatened, addressed or merely named beside the wrong.
VICTIM_BEFORE = (
    # a wrong done to/against someone: "the invasion of Ukraine", "attacks on civilians", "a danger to India"
    # (a closing quotation mark, an adjective and a title may stand between: 'an "insult" to retired Gen. Y',
    # "the attacks on Senator Y")
    r"\b(?:" + DONE_TO_OF + r")[”\"’']?\s+(?:of|on|against|to|into|in|at|toward|towards)\s+(?:the\s+)?"
    + _HARMED_TITLE + r"$",
    # the same with a noun whose "of" names the one who does it ("the lies of Y", "the meddling of Y"): harmed
    # only after "on", "against", "to" …
    r"\b(?:" + DONE_BY_OF + r")[”\"’']?\s+(?:on|against|to|into|in|at|toward|towards)\s+(?:the\s+)?"
    + _HARMED_TITLE + r"$",
    r"\b(?:pose[sd]?|posing|present(?:s|ed)?|represent(?:s|ed)?)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}"
    r"(?:danger|threat|risk|challenge)s?\s+(?:to|for)\s+(?:the\s+)?$",
    # what something is about, or the one passed over: "talks with Kestria over Orland", "a debate about
    # Pellia", "backs Reed over Democratic nominee Ada Quill"
    r"\b(?:over|about|regarding|concerning)\s+(?:the\s+)?" + TITLE_IN_SENTENCE + r"$",
    # the sides of a contest or a conflict, neither blamed by naming it: "the race between Reed and Quill", "the
    # conflict between Orland and Pellia", "neutral between X and Y" (the later member continues the list); not
    # partners in what they do together: "a growing collaboration between Orland and Kestria could pose a danger"
    r"\b(?!(?:collaborat\w*|cooperat\w*|coordinat\w*|collu\w*|relationships?|relations|alliances?|"
    r"partnerships?|deals?|ties|links?|connections?|pacts?|agreements?|axis|schemes?|conspirac\w*|"
    r"arrangements?|exchanges?)\b)[\w'’-]+\s+between\s+(?:the\s+)?" + TITLE_IN_SENTENCE + r"$",
    # the medium one speaks through: "said Sunday on Channel 9's 'Harbour Watch'", "appeared on Radio Orland"
    # (not "commented on Y's plan", "weighed in on Y": a topic, which may be a charge); an interviewer ("in an
    # interview with X") is never offered (`offering`)
    r"\b(?:said|says|say|told|tells|spoke|speaking|appeared|appears|appearing|appearance|recounted|tweeted|"
    r"posted)\s+(?:[\w.'’]+\s+){0,3}?on\s+(?:the\s+)?$",
    AGAINST_BEFORE,
    OPPONENT_BEFORE,
    COMPARED_BEFORE,
    HYPOTHETICAL_BEFORE,
    # what a deed brought into being, not its doer: "the founder of the Grey Falcon group", "created the
    # so-called Islamic State", "gave rise to Y" (the founder did it; PolNeAR train: a firm, a party, a militia)
    r"\b(?:(?:co-?)?found(?:er|ers|ing)\s+of|(?:co-?)?founded|created|creates|creating|creation\s+of|"
    r"gave\s+rise\s+to|give\s+rise\s+to|spawned|spawning)\s+(?:the\s+)?(?:so-called\s+|self-(?:described|"
    r"proclaimed|styled)\s+)?$",
    # a place or a recipient: "born in Orland", "barred from entering Kestria", "sold arms to Moravia"
    r"\b(?:in|inside|across|throughout|to|into|entering|enter|enters|visiting|visit|visits)\s+(?:the\s+)?$",
    # for whose good or gain: "tip the scales for Clinton", "a win for Reed", "campaigned for Quill"
    r"\bfor\s+(?:the\s+)?$",
    r"\b(?:in\s+)?(?:support|favou?r|praise|defen[cs]e)\s+of\s+(?:the\s+)?$",  # "come around in support of Quill"
    # the object of a harm verb: "invaded Ukraine", "hacked the DNC", "targeted Clinton"
    r"\b(?:invaded|invading|invade|attacked|attacking|attack|hacked|hacking|hack|targeted|targeting|target|"
    r"threatened|threatening|threaten|harmed|harming|hurt|hurting|killed|killing|shelled|shelling|bombed|"
    r"bombing|defrauded|defrauding|deceived|deceiving|misled|misleading|victimi[sz]ed|groped|groping|"
    r"assaulted|assaulting|harassed|harassing|abused|abusing|endangered|endangering|endanger|smeared|"
    r"smearing|attacks|threatens|endangers|cheated|cheating|robbed|robbing|spied on|spying on|"
    r"interfered in|interfering in|meddled in|meddling in|victims? of|embarrass(?:ed|es|ing)?|"
    r"insult(?:ed|s|ing)?|disrespect(?:ed|s|ing)?|humiliat(?:ed|es|ing|e)|"
    # bullied or coerced (not "mocked", "ridiculed": "mocked Reed's retweet of a fake photo" criticises Reed)
    r"bull(?:ied|ies|ying|y)|intimidat(?:ed|es|ing|e)|persecut(?:ed|es|ing|e)|terrori[sz](?:ed|es|ing|e)|"
    r"blackmail(?:ed|s|ing)?|extort(?:ed|s|ing)?|coerc(?:ed|es|ing|e))\s+(?:the\s+)?$",
    # bodily harm, as crime news tells it, before a title too: "a taxi struck Ms Franco", "stabbed a guard",
    # "kidnapped the hiker" (not "hit", "beat", "hammered": "Reed hit Quill over her votes" criticises Quill)
    # (lower case: a verb, not a headline's "Church Shooting Survivors Explain Why Clinton …")
    r"\b(?-i:struck|dragged|injur(?:ed|es|ing|e)|wound(?:ed|ing)|stabb(?:ed|ing)|shot|murder(?:ed|ing)|"
    r"rap(?:ed|ing)|kidnapp(?:ed|ing)|abduct(?:ed|ing)|molest(?:ed|ing)|strangl(?:ed|ing)|poison(?:ed|ing)|"
    r"tortur(?:ed|ing)|ran over|run over)\s+(?:the\s+)?" + TITLE_IN_SENTENCE + r"$",
    # the target of one's hate, enmity or criticism: "a hater of Y", "an enemy of Y", "critics of Y"
    r"\b(?:haters?|enem(?:y|ies)|critics?|opponents?|detractors?|foes?)\s+of\s+(?:the\s+)?$",
    r"\b(?:jab(?:s|bed|bing)?|swipes?|swiped|swiping|(?:took|takes|taking|take)\s+aim|shots?|"
    r"lash(?:ed|es|ing)?\s+out)\s+at\s+(?:the\s+)?$",  # "Sanders jabbed at Clinton", "took aim at Y"
    # the one checked or scrutinised, by whoever does it: "asking the moderator to fact-check Y"
    r"\bfact[- ]?check(?:s|ed|ing|ers?)?\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}?$",
    # whom something is said to or asked of: "told reporters", "urged the administration to"
    # (a determiner or a word of kinship may stand between: "urged fellow Republicans to", "told his own party")
    r"\b(?:told|tells|tell|telling|urged|urges|urge|urging|asked|asks|ask|asking|called on|calls on|"
    r"call on|calling on|pressed|presses|pressing|assured|assures|assuring|warned|warns|warning|"
    r"advised|advises|advising|implored|implores|begged|begs|challenged|challenges|"
    r"congratulated|thanked|praised|praises|defended|defends|defending|"
    r"demand(?:s|ed|ing)?(?:\s+(?:for|on|of|from))?|subpoena(?:s|ed|ing)?)\s+" + ADDRESSEE_WORDS + r"$",
    # on whose side or behalf: "helped Ukraine", "support for Israel", "on behalf of"
    r"\b(?:helped|helping|help|helps|aid(?:ed|ing)?|support(?:ed|ing|s)?|support for|aid to|on behalf of|"
    r"protect(?:ed|ing|s)?|defend(?:ed|ing|s)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|"
    r"(?:vote|votes|voted|voting) for)\s+(?:the\s+)?$",
    PARTNER_BEFORE,
    # the speaker's ally: whose words the speaker echoes, seconds or joins ("echoed statements by GOP nominee
    # Y last week that …", "agreed with Y", "joined Y in condemning …"); not "echoed Y's claim that Z …", and not
    # "repeated": "repeated Y's lies" blames Y
    r"\b(?:echo(?:es|ed|ing)?|agree(?:s|d|ing)?\s+with|join(?:s|ed|ing)?|"
    r"second(?:s|ed|ing)?)\s+(?:(?:the\s+)?(?:statements?|remarks?|comments?|words?|views?|calls?|claims?|"
    r"criticism|charges?|concerns?|warnings?)\s+(?:by|of|from)\s+)?(?:the\s+)?" + TITLE_WORDS + r"$",
    # who sponsored, hosted or moderated an event (not "the attack was sponsored by Y", an agent)
    r"(?<!was )(?<!were )(?<!is )(?<!are )(?<!been )(?<!be )\b(?:sponsored|hosted|moderated|organi[sz]ed|"
    r"broadcast|aired|televised|run)\s+by\s+(?:the\s+)?$",
)
#: A clause that only sets the time or circumstance of what the statement says: "may be reluctant to act while
#: Secretary Y negotiates with Z". Its subject is accused only when the clause itself speaks ill or names a wrong
#: ("while Y lied to the voters"): matched right before the name, the clause runs to the next comma, semicolon or
#: dash. Not "when": "When Mexico sends its people, they're not sending their best" blames Mexico ("they").
CIRCUMSTANCE_BEFORE = r"\b(?:while|whilst)\s+(?:the\s+)?" + TITLE_WORDS + r"$"
CLAUSE_END = r"[,;:—–]|\s-+\s"
#: Before a name that only qualifies what follows it: "the Quill administration", "the Daly campaign".
MODIFIER_BEFORE = r"\bthe\s+$"
#: Around a name, the words that make it the one speaking: "Trump says", "what Mr. Obama said", "said Graham".
SPEAKING_AFTER = (
    r"\s+(?:\w+ly\s+)?(?:said|says|say|told|tells|wrote|writes|added|adds|noted|notes|argued|argues|claimed|"
    r"claims|insisted|insists|asked|asks|replied|replies|continued|continues)\b"
)
SPEAKING_BEFORE = r"\b(?:said|says|told|tells|wrote|writes|added|adds|noted|asked|replied)\s+(?:[\w.'’-]+\s+){0,3}$"
#: After a name that only qualifies what follows it: "Quill's case", "Quill University".
QUALIFIES_AFTER = r"['’]s?\b|\s+[A-Z]"
#: Between two names joined as one subject: "Daly and Osk", "Daly, Osk", "Daly and his board".
COORDINATED = r"['’]?s?\s*(?:,\s*|\s+(?:and|or|&|as well as)\s+|,\s*(?:and|or)\s+)(?:(?:the|his|her|its|their)\s+)?$"
#: A list's first member the actors do not hold ("the bombings in New York and New Jersey"): cut off so the
#: position before it is read for the later member.
LIST_HEAD = r"(?:[A-Z][\w.'’-]*\s+){1,4}(?:and|or|as well as)\s+$|(?:[A-Z][\w.'’-]*\s*){1,4},\s+$"
#: A name continuing a list whose first member is in one of those positions: "to India, Australia, and Japan".
LIST_CONTINUES = r"^(?:\s*,\s*|\s*,?\s+(?:and|or|as well as|nor)\s+|\s*,\s*(?:and|or)\s+)(?:the\s+)?$"
#: Words after a name that make it the one asked to act: "Moscow should …", "the U.S. must …" (matched
#: right after the name).
ADDRESSED_AFTER = (
    r"\s+(?:should|must|ought to|needs? to|has to|have to|will have to|had better)\b",
    r"(?:\s+(?:has|have|had)|['’](?:s|ve|d))\s+got\s+to\b|\s+gotta\b",  # "she has got to …", "they've got to …"
    r"['’]s?\s+(?:responsibility|duty|job)\b",
    # the one the speaker agrees with: "X was absolutely right", "McConnell is correct about …"
    r"(?:\s+(?:is|was|are|were|has been|had been)|['’]s)\s+(?:\w+ly\s+|so\s+|quite\s+)?(?:right|correct)\b",
    # the one whose goodwill is offered or refused: "would not accept Reed's endorsement", "Reed's praise"
    r"['’]s?\s+(?:\w+\s+)?(?:endorsements?|praise|blessing|approval|friendship|invitation|offer|thanks|"
    r"congratulations|apology|condolences)\b",
)
#: After a name, the role it gives the person named next: "Harbour News's Ada Quill", "Verra chief strategist Tom
#: Reed", "Quill's campaign manager Ivo Brandt". The name only says whom that person works for: what the person
#: did or suffered is not its doing (`victims.employs_the_next`).
EMPLOYER_AFTER = r"(?:['’]s?\s+" + ROLE_PHRASE + r"?|\s+" + ROLE_PHRASE + r")(?:the\s+)?"
#: Words after a name that make it the one harmed: "Crutcher's death", "the senator's killing".
#: And a place named as where a war was fought: "the Iraq War", "the Vietnam war" name no one who did it.
HARMED_AFTER = (
    r"['’]s?\s+(?:\w+\s+)?(?:death|killing|shooting|murder|funeral|injur(?:y|ies)|ordeal)\b",
    # the one whose kin are named: "Reed's widow", "Quill's family was mocked", "the Quill family's sacrifice"
    # (what the kin did or suffered is not the owner's doing; not "the Reed family foundation", a body)
    r"(?:['’]s?)?\s+(?:\w+\s+)?(?:family|families|widow|widower|parents|relatives|loved\s+ones|children|sons?|"
    r"daughters?|mother|father|wife|husband|brother|sister)\b(?!['’]?s?\s+(?:foundation|business(?:es)?|"
    r"compan(?:y|ies)|firm|charity|empire|fortune|trust|estate|holdings|enterprises?|organi[sz]ation)\b)",
    # the subject of a verb of undergoing: "Orland has experienced attacks", "Pellia suffered a breach", "Reed
    # received death threats", "the party came under attack", "Reed fell victim to a smear", "Quill was the
    # target of threats" (not "suffers from": "Quill suffers from a lack of candour" is a flaw of hers)
    # (also said of the body's people: "Yemeni authorities received threats", "Orland troops suffered losses")
    r"(?:\s+(?:authorities|officials|government|police|troops|forces|soldiers|embassy|citizens))?"
    r"\s+(?:(?:has|have|had|has been|have been|had been|is|are|was|were|also|again|once again|already|just|"
    r"now|often|\w+ly)\s+){0,3}"
    r"(?:experienc(?:e|es|ed|ing)|suffer(?:s|ed|ing)?(?!\s+from\b)|endur(?:e|es|ed|ing)|"
    r"receiv(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?threat\w*|"
    r"weather(?:s|ed|ing)?|came under|comes? under|coming under|f[ae]ll(?:s|en)? victim|"
    r"(?:the\s+)?(?:victims?|targets?)\s+of)\b",
    r"\s+(?:war|wars|conflict)\b",
    # the subject of a passive of harm: "the party was hacked", "Reed has been threatened", "Quill was misled";
    # whoever did it is the one after "by" (`AGENT_PHRASES`); or of the owner of what suffered it: "Reed's
    # supporters were beaten", "Quill's office was bombed" (their owner did not do it)
    r"(?:['’]s?\s+(?:[a-z][\w-]*\s+){1,2}?)?"
    r"\s*(?<=\s)(?:was|were|is|are|has been|have been|had been|being|been|got|gets|get)\s+(?:\w+ly\s+)?"
    r"(?:" + HARM_PARTICIPLES + r")\b",
    # a name that only qualifies the people it is said of: "from the U.S. public", "Orland voters were misled"
    # (not a possessive pronoun: in "her public statements" she is the one who spoke)
    r"(?<!\bher)(?<!\bhis)(?<!\bits)(?<!\btheir)(?<!\bour)(?<!\bmy)(?<!\byour)"
    r"\s+(?:public|people|citizens|voters|taxpayers|electorate|workers|consumers|population|families)\b",
)
#: After the speaker's name, the appositive that says whose side they are on: "said Ada Quill (D-Ore.), head of
#: the Harbour Union", "Tom Reed, a spokesman for Verra": the body named right after it is the speaker's own.
SPEAKER_ROLE_OF = (
    r"^\s*(?:\([^)]{0,40}\)\s*)?,\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,4}?(?:of|at|for)\s+(?:the\s+)?$"
)
#: Before the speaker's name, the role that says whom they work for: "a lawyer for Tom Reed, Mark Dunn", "Tom
#: Reed's attorney, Mark Dunn": matched between the principal's name and the speaker's ("for" … before it).
_AGENT = r"(?:" + "|".join(sorted(AGENT_WORDS)) + r")"
PRINCIPAL_BEFORE = r"\b" + _AGENT + r"\s+(?:for|of|to)\s+(?:the\s+)?$"
PRINCIPAL_BETWEEN = r"(?:\s*,\s*|['’]s?\s+(?:[\w-]+\s+){0,2}?" + _AGENT + r"\s*,\s*)$"
DOER_BEFORE_RE = re.compile(DOER_BEFORE, re.IGNORECASE)
DOER_AFTER_RE = re.compile(DOER_AFTER, re.IGNORECASE)
CLAUSE_OPENER_RE = re.compile(CLAUSE_OPENER, re.IGNORECASE)
AGENT_OF_RE = re.compile(AGENT_OF, re.IGNORECASE)
VICTIM_RES = [re.compile(p, re.IGNORECASE) for p in VICTIM_BEFORE]
#: Of those, the positions an owner escapes: in "disagreed with Obama's policies", "to stop Reed's lies", "against
#: Quill's plan" what is his is the object, and he may be blamed for it.
COMPARED_RE = VICTIM_RES[VICTIM_BEFORE.index(COMPARED_BEFORE)]
OWNED_OBJECT_RES = [VICTIM_RES[VICTIM_BEFORE.index(p)] for p in (PARTNER_BEFORE, AGAINST_BEFORE, OPPONENT_BEFORE,
                                                               COMPARED_BEFORE)]
#: After a name, what it owns: "Obama's policies", "Quill’s plan".
POSSESSOR_RE = re.compile(r"['’]s?\s+(?:\w+\s+)?[a-z]")
CIRCUMSTANCE_RE = re.compile(CIRCUMSTANCE_BEFORE, re.IGNORECASE)
CLAUSE_END_RE = re.compile(CLAUSE_END)
COORDINATED_RE = re.compile(COORDINATED, re.IGNORECASE)
MODIFIER_RE = re.compile(MODIFIER_BEFORE, re.IGNORECASE)
QUALIFIES_RE = re.compile(QUALIFIES_AFTER)
SPEAKING_AFTER_RE = re.compile(SPEAKING_AFTER, re.IGNORECASE)
SPEAKING_BEFORE_RE = re.compile(SPEAKING_BEFORE, re.IGNORECASE)
LIST_RE = re.compile(LIST_CONTINUES, re.IGNORECASE)
LIST_HEAD_RE = re.compile(LIST_HEAD)
#: Right after a name, an active accusing verb (adverbs and "has" between, no auxiliary of the passive, no comma:
#: "Reed, blamed for the losses, …" is accused): the name accuses.
ACCUSER_AFTER = (
    r"\s+(?:(?:also|has|have|had|again|repeatedly|publicly|openly|previously|recently|later|then|even|directly|"
    r"explicitly|once|first)\s+){0,3}(?:"
    + "|".join(sorted((f for lemma in ACCUSER_LEMMAS for f in ACCUSING_VERBS[lemma]), key=len, reverse=True))
    + r")\b"
)
#: Words after a name that make it the source who reports or fears a wrong, not the one who did it: "hackers who
#: U.S. officials say are tied to Kestria", "Orland's warnings of intrusions". (On PolNeAR train "X officials/sources/
#: authorities say/said/believe" 17 times, each time a source, never the doer.)
SOURCE_AFTER = (
    r"\s+(?:(?:intelligence|government|administration|security|police|party|campaign|senior|top)\s+)?"
    r"(?:officials|sources|authorities|spokes(?:man|woman|person|people))\s+(?:\w+ly\s+)?"
    r"(?:say|says|said|believe[sd]?|claim(?:s|ed)?|told|warn(?:s|ed)?|suspect(?:s|ed)?)\b",
    r"(?:['’]s?)?\s+warnings?\s+(?:of|about|that|against)\b",
    # the one who fears a wrong: "a militia that Reed fears could attack the town", "Quill worried that …"
    r"\s+(?:fears?|feared|worries|worried|frets|fretted)\s+(?:that|will|would|could|might|may)\b",
)
#: Words after a name that make it what a deed let come about, not its doer: "set the policy up that ISIS could
#: rise", "the conditions in which Y could emerge", "created the conditions for Y to rise".
RESULT_AFTER = (
    r"\s+(?:could|would|might|can|was able to|were able to|to)\s+(?:\w+ly\s+)?(?:emerge|rise|grow|flourish|thrive|"
    r"take root|spread)\b",
)
ADDRESSED_RES = [re.compile(p, re.IGNORECASE)
                 for p in (*ADDRESSED_AFTER, *HARMED_AFTER, ACCUSER_AFTER, *SOURCE_AFTER, *RESULT_AFTER)]
ROLE_OF_RE = re.compile(SPEAKER_ROLE_OF, re.IGNORECASE)
EMPLOYER_RE = re.compile(EMPLOYER_AFTER)
PRINCIPAL_BEFORE_RE = re.compile(PRINCIPAL_BEFORE, re.IGNORECASE)
PRINCIPAL_BETWEEN_RE = re.compile(PRINCIPAL_BETWEEN, re.IGNORECASE)
#: Right after a clause's subject, its verb: a lower-case word that is no function word ("Daly lied", 'Daly
#: "lashed out', "he may lie", "Daly's been lying"); not "Daly, but …", "Daly to become mayor", nor a
#: possessive ("Daly's plan", "Daly's family": `OWNER_SUBJECT_RE` says when the owner is the subject).
_PREDICATE = (
    r"[\s\"“”']+(?!(?:to|and|or|but|of|in|on|at|for|with|from|by|as|about|than|who|whom|which|that|the|a|an)\b)"
    r"[a-z]"
)
#: After "'s", the words that make it "is" or "has", not a possessive: "Daly's a liar", "Daly's been lying".
_CONTRACTED = (
    r"(?:a|an|the|been|got|gotten|gone|going|not|never|just|always|also|still|so|too|done|\w+ing|really|clearly|"
    r"obviously|probably|actually|certainly|totally|completely|already)\b"
)
#: Right after a name, an apposition between commas (a clause's subject may stand before it, its verb after it):
#: "Daly, a former mayor, lied", "Jager, under fire for the failures, would do better".
APPOSITION_RE = re.compile(r",\s+[^,;:.!?\"“”]{3,80},")
PREDICATE_AFTER = re.compile(r"(?!['’]s?\s+(?!" + _CONTRACTED + r"))" + _PREDICATE)
#: Things one does or says: the owner of one of them that is a clause's subject is its doer ("Reed's lies are
#: …", "Daly's plan would devastate …", "Obama and Quill's gut reaction is …"); not the owner of people or
#: of what befalls them ("Reed's victims", "Reed's family", "Reed's death").
DEEDS = (
    "plans?", "polic(?:y|ies)", "lies", "lying", "remarks?", "comments?", "statements?", "words", "claims?",
    "campaign", "administration", "government", "regime", "record", "reactions?", "responses?", "handling",
    "mishandling", "decisions?", "actions?", "conduct", "behaviou?r", "rhetoric", "proposals?", "agenda",
    "approach", "strategy", "tactics", "attacks?", "tweets?", "speech(?:es)?", "votes?", "leadership",
    "judgme?nt", "failures?", "mistakes?", "refusal", "attempts?", "efforts?", "scheme", "deceptions?",
    "stance", "positions?", "use", "misuse", "abuse", "orders?", "ban", "budget", "bill", "promises?",
    "tenure", "presidency", "emails?", "server", "silence",
    "ads?", "advertisements?", "answers?", "views?", "columns?", "excuses?", "treatment", "negligence", "incompetence",
    # an author's works: "Morton's book is loaded with false statements" charges Morton
    "books?", "memoirs?", "biograph(?:y|ies)", "articles?", "films?", "movies?", "documentar(?:y|ies)",
)
_DEED = (
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(DEEDS) + r")\b"
    r"(?:" + _PREDICATE + r"|\s+(?:of|on|over|in|about|toward|towards|against|with)\b)"
)
#: After a clause's subject's owner: "'s lies are", "' plan would", "'s actions on Iran have …" (the deed, then its
#: verb or a preposition that starts what it is about).
OWNER_SUBJECT_RE = re.compile(r"['’]s?" + _DEED)
#: Deeds whose "of" names the one who did them: "the policies of Y", "the remarks of Y" are Y's, as "Y's policies"
#: are (`POSSESSOR_RE`). Not those whose "of" may name what is acted on or looked at ("the handling of Y", "the
#: use of Y", "a view of Y", "the failure of Y" (a firm that failed)).
OWNED_OF = (
    "polic(?:y|ies)", "plans?", "remarks?", "comments?", "statements?", "rhetoric", "conduct", "behaviou?r",
    "actions?", "decisions?", "administration", "regime", "government", "leadership", "tenure", "presidency",
    "tactics", "strategy", "agenda", "proposals?",
)
OWNER_OF_RE = re.compile(r"\b(?:" + "|".join(OWNED_OF) + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: Between two names joined in one part of a clause, as one doer ("Daly and Osk continue to …", "it was Daly and
#: Osk who …", "the policies of Daly or Osk"): "and", "or", "&", "as well as", not a comma alone (an appositive
#: or another clause's subject).
JOINED_RE = re.compile(r"\s*,?\s+(?:and|or|&|as well as)\s+(?:(?:the|his|her|its|their)\s+)?$", re.IGNORECASE)
#: After a possessive pronoun that opens a clause: "his lies are …" (not "his family was …").
OWNED_DEED_RE = re.compile(_DEED)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
#: A title's abbreviation right before a name: its period ends no clause ("In contrast to Mr. Daly's plan").
TITLE_BEFORE_RE = re.compile(r"\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.\s+$")
#: Before a clause's subject: the start of the words said or of a clause, a few words that are no preposition
#: ("I think", "but the", "and now"), then the name.
SUBJECT_START = re.compile(
    r"(?:^|[,;:.!?—–]\s*|\s-+\s+|\b(?:that|because|and|but)\s+)(?:(?!(?:of|to|from|for|in|on|at|by|with|about|"
    r"over|against|into|than|like|as|after|before|during|since|until|under|without)\b)[\w'’]+\s+){0,3}"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
