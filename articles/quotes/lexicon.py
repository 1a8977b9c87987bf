"""Word lists the heuristics lean on: attribution verbs, pronouns, titles, roles, organisations.

Kept as data so that a desk can extend them without touching the logic. Everything is
lower case; callers fold before looking up.
"""

import re


def words(text: str) -> list[str]:
    """Word lists are written as plain text, a few dozen to a line."""
    return text.split()


def _forms(spec: str) -> dict[str, str]:
    """Expand "say:said,says,saying" lines into {form: lemma}."""
    table: dict[str, str] = {}
    for item in spec.split():
        lemma, _, forms = item.partition(":")
        for form in forms.split(","):
            table[form.replace("_", " ")] = lemma.replace("_", " ")
    return table


# The newsroom's attribution verbs, in the forms that appear next to quotes. Bare
# stems ("say", "note") are left out where they double as nouns ("notes", "claims").
SPEECH_VERBS = _forms(
    """
    say:said,says,saying tell:told,tells,telling add:added,adds,adding note:noted,notes,noting
    stress:stressed,stresses,stressing recall:recalled,recalls,recalling quip:quipped,quips
    warn:warned,warns,warning explain:explained,explains,explaining insist:insisted,insists,insisting
    argue:argued,argues,arguing ask:asked,asks reply:replied,replies respond:responded,responds
    answer:answered retort:retorted counter:countered continue:continued,continues
    remark:remarked declare:declared,declares state:stated comment:commented write:wrote,writes,writing
    tweet:tweeted post:posted admit:admitted,admits acknowledge:acknowledged concede:conceded,concedes
    claim:claimed emphasise:emphasised,emphasized,emphasises,emphasizes underline:underlined
    point_out:pointed_out,points_out go_on:went_on,goes_on shoot_back:shot_back hit_back:hit_back
    fire_back:fired_back chime_in:chimed_in conclude:concluded complain:complained
    announce:announced confirm:confirmed deny:denied suggest:suggested observe:observed
    joke:joked laugh:laughed shout:shouted whisper:whispered sigh:sighed muse:mused,muses
    promise:promised vow:vowed,vows pledge:pledged predict:predicted,predicts caution:cautioned
    urge:urged boast:boasted lament:lamented exclaim:exclaimed recount:recounted,recounts
    reiterate:reiterated assert:asserted maintain:maintained protest:protested
    testify:testified report:reported,reports inform:informed reflect:reflected,reflects
    scoff:scoffed snap:snapped smile:smiled agree:agreed object:objected begin:began
    describe:described,describes,describing call:called,calls,calling term:termed,terming
    brand:branded,brands,branding label:labelled,labeled dismiss:dismissed,dismisses
    characterise:characterised,characterized hail:hailed,hailing condemn:condemned,condemning
    slam:slammed,slamming praise:praised,praising quote:quoted accuse:accused,accuses,accusing
    pay_tribute:paid_tribute,pays_tribute,paying_tribute
    allege:alleged,alleges,alleging speak_of:spoke_of,speaks_of,speaking_of talk_of:talked_of,talks_of
    according_to:according_to put_it:put_it,puts_it
    """
)

# Verbs that only ever introduce a fragment inside a sentence, never a free-standing quote.
FRAGMENT_VERBS = {
    "describe",
    "call",
    "term",
    "brand",
    "label",
    "dismiss",
    "characterise",
    "hail",
    "condemn",
    "slam",
    "praise",
    "accuse",
    "speak of",
    "talk of",
}

# Only these read naturally inverted after a quote: `"…," said Smith`.
INVERTIBLE = {
    "say",
    "shoot back",
    "hit back",
    "fire back",
    "add",
    "ask",
    "reply",
    "explain",
    "note",
    "continue",
    "write",
    "recall",
    "insist",
    "warn",
    "argue",
    "quip",
    "retort",
    "counter",
    "observe",
    "remark",
    "declare",
    "answer",
    "respond",
    "conclude",
    "joke",
    "muse",
    "recount",
    "reflect",
    "complain",
    "stress",
    "admit",
    "concede",
    "tell",
    "begin",
}

PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "i": None, "we": None}
POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}

TITLES = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "madam": "f",
    "mme": "f",
    "mme.": "f",
    "dr": None,
    "dr.": None,
    "prof": None,
    "prof.": None,
    "professor": None,
    "rev": None,
    "rev.": None,
    "sheikh": "m",
    "monsieur": "m",
    "herr": "m",
    "frau": "f",
    "signor": "m",
    "signora": "f",
    "señor": "m",
    "señora": "f",
    # Abbreviated ranks and offices written before a name in American and British copy.
    "sen": None,
    "sen.": None,
    "rep": None,
    "rep.": None,
    "gov": None,
    "gov.": None,
    "gen": None,
    "gen.": None,
    "lt": None,
    "col": None,
    "capt": None,
    "sgt": None,
    "det": None,
    "insp": None,
    "supt": None,
    "cllr": None,
}

# Words that make up a person's role. Gender is noted where the word carries it.
ROLE_WORDS = dict.fromkeys(
    words(
        """
    minister president premier chancellor mayor governor secretary secretary-general director
    director-general chair chief head leader ambassador envoy senator deputy lawmaker mp
    official analyst economist professor researcher lawyer attorney judge prosecutor commander
    general colonel captain lieutenant sergeant coach manager ceo cfo coo executive founder
    owner editor editor-in-chief author writer novelist poet actor director producer singer
    musician artist pope bishop archbishop patriarch priest imam rabbi doctor surgeon nurse
    teacher councillor councilor commissioner inspector detective superintendent officer sheriff
    negotiator diplomat counterpart spokesperson representative delegate adviser advisor
    consultant strategist scientist engineer architect historian curator organiser organizer
    campaigner activist grandmaster player striker goalkeeper swimmer runner champion
    chairperson vice deputy auditor treasurer ombudsman investor banker trader broker president-
    elect candidate speaker whip rapporteur counsel mediator prefect minister-president
    governor-general admiral marshal emir sultan sovereign monarch cardinal principal dean
    rector vice-chancellor chief-executive registrar headteacher coordinator co-ordinator
    convenor convener caddie runner-up harbourmaster harbormaster midfielder
    defender forward winger veteran neighbour neighbor colleague friend partner rival survivor
    witness victim resident owner farmer fisher pilot driver worker employee volunteer
    quarterback linebacker receiver pitcher catcher batsman batter bowler all-rounder wicketkeeper
    fly-half scrum-half flanker full-back centre-back skipper cyclist rider jockey trainer golfer
    boxer sprinter climber rower sailor keeper zookeeper fishmonger shopkeeper stallholder baker
    butcher chef publican landlord tenant student pupil parent firefighter paramedic constable
    midwife pharmacist vet veterinarian plumber electrician
    passenger commuter motorist shopper pensioner tourist visitor customer patient spectator
    bystander homeowner retiree villager voter seed boss coroner magistrate barrister solicitor
    politician legislator challenger incumbent nominee contender
    """
    )
)
ROLE_WORDS.update(
    dict.fromkeys(
        words(
            """
    spokesman chairman businessman congressman councilman policeman king prince duke emperor
    actor-manager father son husband brother uncle grandfather fisherman headmaster alderman
    sportsman man
    """
        ),
        "m",
    )
)
ROLE_WORDS.update(
    dict.fromkeys(
        words(
            """
    spokeswoman chairwoman businesswoman congresswoman councilwoman policewoman queen princess
    duchess empress actress mother daughter wife sister aunt grandmother widow headmistress
    sportswoman lady woman
    """
        ),
        "f",
    )
)

# What a minister's or a committee's portfolio is named by: "Transport and Infrastructure
# Minister", "Climate Crisis and Civil Protection Minister".
PORTFOLIOS = set(
    words(
        """
    transport infrastructure energy health trade finance defence defense interior justice
    education culture environment climate agriculture fisheries labour labor industry tourism
    sport sports youth water mines mining housing communications economy economic digital
    science technology welfare employment planning treasury commerce development transportation
    """
    )
)

# Heads that make "the X said" a person and not nobody in particular.
DOC_NOUNS = {
    "statement",
    "report",
    "letter",
    "communique",
    "communiqué",
    "notice",
    "post",
    "message",
    "ruling",
    "document",
    "memo",
    "filing",
    "release",
}

# Determiners and plural nouns that mark an unnamed source: never resolved to a person.
INDEFINITE = {
    "a",
    "an",
    "one",
    "some",
    "several",
    "many",
    "two",
    "three",
    "four",
    "other",
    "another",
    "most",
    "few",
    "numerous",
    "various",
    "unnamed",
    "senior",
    # "both parties claimed…": many speakers, none of them named
    "both",
    "all",
    "neither",
}
COLLECTIVE = set(
    words(
        """
    officials residents sources witnesses analysts critics experts observers diplomats
    protesters protestors activists traders economists lawmakers people villagers locals
    passengers workers employees fans supporters opponents doctors scientists investors
    neighbours neighbors parents teachers students farmers fishermen police prosecutors
    investigators rescuers volunteers organisers organizers some others many parties sides
    countries nations companies
    """
    )
)

# "one protester", "a passenger": the singular of each of these is an unnamed source too.
COLLECTIVE |= {word[:-1] for word in COLLECTIVE if word.endswith("s") and len(word) > 4}

# Nouns that introduce the title of a work: `the film "Night Train"` is no quotation.
WORK_NOUNS = set(
    words(
        """
    book novel film movie documentary series show song album play opera poem memoir painting
    exhibition programme program podcast debut single headline anthem musical ballet sculpture
    collection novella biography thriller sequel prequel episode titled entitled named dubbed
    codenamed code-named nicknamed slogan motto
    """
    )
)
# Verbs whose object is a work, not words: `they release "Paper Moons"`.
WORK_VERBS = set(
    words(
        """
    release released releases releasing record recorded records recording publish published
    publishes perform performed performs premiere premiered premieres stage staged stages
    """
    )
)

CAPITALISED_STOPWORDS = set(
    words(
        """
    the a an and but or so yet if when while after before as at in on of for from to by with
    without into onto under over about against between since until during this that these those
    there here it its he she they we i you his her their our my your who whom what which why how
    where then also however meanwhile still even only just not no yes mr mrs ms dr monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december today yesterday tomorrow last next earlier later
    asked speaking according both each every all some many most several such other another new
    north south east west northern southern eastern western central upper lower old great nws
    reuters afp ap update editing reporting writing additional breaking nobody everybody
    everyone someone somebody anyone anybody nothing everything something anything none
    second third fourth fifth sixth seventh eighth ninth tenth one two three four five six seven
    eight nine ten
    """
    )
)

MONTHS = set(
    words(
        """
    january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec
    """
    )
)

# Words that end a sentence with a full stop without ending the sentence.
ABBREVIATIONS = set(
    words(
        """
    mr mrs ms dr prof st gen lt col sgt capt cpl maj adm gov sen rep rev jr sr messrs mme no vs
    etc inc ltd co corp dept jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e
    approx est fig
    """
    )
)

# Letters after a name that are no part of it: `Simon Achterberg KC`, `Jo Reed MP`.
POSTNOMINALS = set(words("KC QC SC MP MEP MSP MS MLA TD OBE MBE CBE KBE DBE PhD"))

SCARE_MARKERS = {"so-called", "so called", "self-styled", "self-proclaimed", "quote-unquote"}

# Adjectives of nationality that open a capitalised run but are never a person's name.
NATIONALITIES = set(
    words(
        """
    american british english scottish welsh irish french german italian spanish portuguese dutch
    belgian swiss austrian polish czech slovak hungarian romanian bulgarian greek turkish
    russian ukrainian belarusian lithuanian latvian estonian finnish swedish norwegian danish
    icelandic serbian croatian bosnian slovenian albanian georgian armenian azerbaijani kazakh
    uzbek kyrgyz tajik turkmen chinese japanese korean vietnamese thai indonesian malaysian
    filipino indian pakistani bangladeshi afghan iranian iraqi syrian lebanese israeli
    palestinian jordanian saudi emirati qatari kuwaiti omani yemeni egyptian libyan tunisian
    algerian moroccan nigerian ghanaian kenyan ethiopian somali sudanese south african canadian
    mexican brazilian argentine argentinian chilean colombian peruvian venezuelan cuban
    australian european western eastern asian arab nordic baltic balkan catalan basque flemish
    """
    )
)
WORD_RE = re.compile(r"[^\W\d_][\w'’.\-]*|\d+", re.UNICODE)
