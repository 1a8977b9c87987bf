"""The quote extractor, one pattern or trap per test: exact span, exact speaker."""

import pytest

from articles.quotes import QuoteCandidate, extract_quotes


def quote(text: str, words: str) -> QuoteCandidate:
    """The one candidate whose words are `words`, checked to sit exactly where they occur."""
    found = [q for q in extract_quotes(text) if q.text == words]
    assert len(found) == 1, [q.text for q in extract_quotes(text)]
    start = text.index(words)
    assert (found[0].start, found[0].end) == (start, start + len(words))
    return found[0]


def test_straight_quotes_speaker_after():
    text = (
        'MOSCOW, September 11. /NWS/. Ivan Petrov, 61, will play again.\n\n"I missed the game," Petrov said.'
    )
    q = quote(text, "I missed the game,")
    assert (q.speaker, q.verb) == ("Ivan Petrov", "said")
    assert 0 < q.confidence <= 1


def test_curly_quotes_speaker_before_with_colon():
    text = "Union negotiator Pieter de Wit told a rally: “Patience is not a pay rise.”"
    q = quote(text, "Patience is not a pay rise.")
    assert (q.speaker, q.verb) == ("Pieter de Wit", "told")


def test_guillemets_with_french_spacing():
    text = (
        "Culture Minister Hélène Marchand spoke.\n\n« Theatre is a public service », Marchand told deputies."
    )
    assert quote(text, "Theatre is a public service").speaker == "Hélène Marchand"


def test_inverted_attribution_with_role_in_apposition():
    text = '"Volumes are falling," said Maria Lind, a spokeswoman for the port authority.'
    assert quote(text, "Volumes are falling,").speaker == "Maria Lind"


def test_according_to():
    text = 'Samuel Otieno is the fire chief. "The wiring was never inspected," according to Otieno.'
    q = quote(text, "The wiring was never inspected,")
    assert (q.speaker, q.verb) == ("Samuel Otieno", "according to")


def test_split_quote_second_part_belongs_to_same_speaker():
    text = 'Ana Ruiz spoke first. "We are ready," she said. "We have always been ready."'
    assert quote(text, "We are ready,").speaker == "Ana Ruiz"
    assert quote(text, "We have always been ready.").speaker == "Ana Ruiz"


def test_split_quote_around_comma_attribution():
    text = 'Oleg Sokol was blunt. "Prices will rise," he said, "but not by enough."'
    assert quote(text, "Prices will rise,").speaker == "Oleg Sokol"
    assert quote(text, "but not by enough.").speaker == "Oleg Sokol"


def test_quote_spanning_paragraphs_is_one_candidate():
    text = (
        '"We were promised a great deal," Audit Office President Katrin Albers said.\n\n'
        '"Today, little of it works.\n\n'
        '"I say it because the money has been spent."'
    )
    candidates = extract_quotes(text)
    assert len(candidates) == 2
    long = candidates[1]
    assert long.speaker == "Katrin Albers"
    assert text[long.start : long.end] == long.text
    assert long.text.startswith("Today") and long.text.endswith("spent.")
    assert len(long.parts) == 2


def test_partial_quote_in_reported_speech_goes_to_sentence_subject():
    text = 'Ursula Brandtner rejected the claims, describing the report as "absolutely baseless".'
    q = quote(text, "absolutely baseless")
    assert q.speaker == "Ursula Brandtner"
    assert q.partial


def test_nested_single_quotes_stay_inside():
    text = "Geoffrey Hale testified. \"He said, 'this number is fiction,'\" Hale recalled."
    assert quote(text, "He said, 'this number is fiction,'").speaker == "Geoffrey Hale"


def test_pronoun_resolves_to_subject_not_to_object():
    text = 'Ivan Petrov met Anna Belova on Monday. "We will win," he said.'
    assert quote(text, "We will win,").speaker == "Ivan Petrov"


def test_she_he_switch():
    text = (
        "Health Minister Agnieszka Nowicka and her deputy, Tomasz Zielinski, disagreed.\n\n"
        'Nowicka was upbeat. "Lists will shrink," she said.\n\n'
        'Zielinski was gloomier. "They will not," he said.'
    )
    assert quote(text, "Lists will shrink,").speaker == "Agnieszka Nowicka"
    assert quote(text, "They will not,").speaker == "Tomasz Zielinski"


def test_role_noun_resolves_to_person_with_that_role():
    text = (
        "Estravan Foreign Minister Arkady Voronin met Helena Marsh on Thursday.\n\n"
        '"There is less water than there was," the minister told reporters.'
    )
    assert quote(text, "There is less water than there was,").speaker == "Arkady Voronin"


def test_first_lady():
    text = 'First Lady Inês Carvalho opened a wing.\n\n"Every euro was given freely," the first lady said.'
    assert quote(text, "Every euro was given freely,").speaker == "Inês Carvalho"


def test_age_descriptor():
    text = 'Dmitry Belyakov, 54, shrugged. "I have heard this before," the 54-year-old said.'
    assert quote(text, "I have heard this before,").speaker == "Dmitry Belyakov"


def test_surname_alone_gives_full_name():
    text = 'Veteran grandmaster Ivan Petrov will play.\n\n"I needed stronger opponents," Petrov quipped.'
    q = quote(text, "I needed stronger opponents,")
    assert (q.speaker, q.verb) == ("Ivan Petrov", "quipped")


def test_fullest_name_form_wins():
    text = 'Sergei Alexandrovich Volkov opened the station. "Now we live there," Volkov said.'
    assert quote(text, "Now we live there,").speaker == "Sergei Alexandrovich Volkov"


def test_name_inside_quote_is_not_the_speaker():
    text = 'Zsófia Balogh, the district mayor, spoke. "Gábor Kertész never answers," she said.'
    assert quote(text, "Gábor Kertész never answers,").speaker == "Zsófia Balogh"


def test_passer_by_between_quote_and_verb_is_not_the_speaker():
    text = (
        "Fisheries Minister Kari Solberg cut the quota.\n\n"
        '"The stock is shrinking," Solberg, flanked by the head of the institute, Anders Lie, told reporters.'
    )
    assert quote(text, "The stock is shrinking,").speaker == "Kari Solberg"


def test_two_people_in_one_paragraph():
    text = (
        '"A cap punishes efficiency," said Irish Agriculture Minister Declan Moran, while his Polish '
        'counterpart, Ewa Kowalczyk, countered: "A cap protects small farms."'
    )
    assert quote(text, "A cap punishes efficiency,").speaker == "Declan Moran"
    assert quote(text, "A cap protects small farms.").speaker == "Ewa Kowalczyk"


def test_organisation_as_speaker():
    text = (
        "The Ministry of Maritime Affairs backed the decision.\n\n"
        '"No captain will sail into force nine winds," the ministry said in a statement.'
    )
    assert (
        quote(text, "No captain will sail into force nine winds,").speaker == "Ministry of Maritime Affairs"
    )


def test_organisation_known_by_its_acronym():
    text = (
        "The British Phonographic Industry (BPI) published the figures.\n\n"
        '"This is remarkable," the BPI said.'
    )
    assert quote(text, "This is remarkable,").speaker == "British Phonographic Industry"


def test_unnamed_sources_give_no_speaker():
    text = (
        'Petra Vogel leads the union. "We are tired," Vogel said.\n\n'
        "A passenger at the desk said she had waited for hours. "
        '"Nobody tells you anything," she said.'
    )
    assert quote(text, "Nobody tells you anything,").speaker is None
    assert quote(text, "We are tired,").speaker == "Petra Vogel"


def test_unresolvable_quote_is_kept_with_no_speaker():
    text = 'Many carried a banner reading "Our harbour is not for sale".'
    q = quote(text, "Our harbour is not for sale")
    assert q.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        'Sweden\'s "green" steel plant will open late.',
        'The so-called "fossil-free" process uses hydrogen.',
        'Critics called it the "surprise" of the year.',
        'They met at a "silent disco" in 2021.',
    ],
)
def test_scare_quotes_are_not_quotes(text):
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'The novelist Fiona Mackay won for her third book, "Harbour Lights".',
        'A film adaptation of "The Salt Road" is due next year.',
        'Nowak, who starred in her previous film, "Salt", said he had doubts.',
    ],
)
def test_titles_of_works_are_not_quotes(text):
    assert extract_quotes(text) == []


def test_one_word_quote_with_attribution_is_a_quote():
    text = 'Zsófia Balogh was unconvinced. "Re-timed," she said, "is an elegant word."'
    assert quote(text, "Re-timed,").speaker == "Zsófia Balogh"


def test_one_word_partial_quote_after_a_speech_verb():
    text = 'Finance Minister Josef Haider called the plan "reckless".'
    assert quote(text, "reckless").speaker == "Josef Haider"


def test_question_with_uppercase_attribution_stays_in_sentence():
    text = 'Marko Tamm took questions. "Why now?" Tamm asked. "Why not?"'
    assert quote(text, "Why now?").speaker == "Marko Tamm"
    assert quote(text, "Why not?").speaker == "Marko Tamm"


def test_unattributed_paragraph_continues_previous_speaker():
    text = (
        '"Demand has grown," said Marko Tamm, chief executive of Baltic Link.\n\n"A night crossing was next."'
    )
    assert quote(text, "A night crossing was next.").speaker == "Marko Tamm"


def test_to_dict_is_plain_data():
    data = extract_quotes('"No," Smith said.')[0].to_dict()
    assert data == {
        "text": "No,",
        "start": 1,
        "end": 4,
        "speaker": "Smith",
        "verb": "said",
        "confidence": data["confidence"],
        "parts": [[1, 4]],
        "partial": False,
        "speaker_kind": "person",
        "on_behalf_of": None,
    }


@pytest.mark.parametrize("text", ["", "No quotes at all.", 'An unclosed "x', "6'2\" tall"])
def test_degenerate_input(text):
    assert all(text[q.start : q.end] == q.text for q in extract_quotes(text))


def test_a_title_after_a_verb_of_releasing_is_no_quote():
    text = "On Monday the trio release “Glass Rivers”, and drummer Ada Quint says it was hard work."
    assert [q.text for q in extract_quotes(text)] == []


def test_a_title_set_off_after_a_clause_about_a_work_is_no_quote():
    text = (
        "Bassist Tom Varga says the last song they recorded in the old studio, “Night Ferry”, "
        "closes the record. “We cried a bit,” he said."
    )
    assert [q.text for q in extract_quotes(text)] == ["We cried a bit,"]


def test_a_fragment_as_a_verbs_object_then_a_phrase_is_a_quote():
    text = (
        "Transport Minister Lena Voss said the plan was sound. "
        "She reported “steady gains” in talks with unions."
    )
    q = quote(text, "steady gains")
    assert q.speaker == "Lena Voss"


# Short fragments inside reported speech (kinds read off the third held-out set once thawed)


def fragments(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


def test_a_fragment_with_an_adverb_is_an_evaluation_not_a_term():
    text = 'Mayor Jo Tindall said the road repairs would "seriously disrupt" traffic for weeks.'
    assert fragments(text) == {"seriously disrupt": "Jo Tindall"}


def test_a_fragment_followed_by_a_phrase_is_no_modifier_of_a_noun():
    text = 'Mayor Jo Tindall told councillors that the town "remains committed" to the plan.'
    assert fragments(text) == {"remains committed": "Jo Tindall"}


def test_a_fragment_followed_by_a_determiner_is_a_verb_with_its_object():
    text = 'Union leader Ray Okoro said the board had "ignored" the staff survey.'
    assert fragments(text) == {"ignored": "Ray Okoro"}


def test_a_fragment_after_a_copula_and_an_article_is_a_predicate():
    text = 'Union leader Ray Okoro said the closure was a "body blow" for the valley.'
    assert fragments(text) == {"body blow": "Ray Okoro"}


def test_a_quoted_modifier_before_its_noun_stays_a_scare_quote():
    text = (
        'The council says it is spending heavily on "temporary" defences. '
        'A spokesman said the brand was a "well-established" name.'
    )
    assert fragments(text) == {}


def test_a_fragment_coordinated_with_a_kept_one_is_kept():
    text = 'Councillor Ken Ash dismissed the report as a "whitewash" and a "stitch-up" aimed at voters.'
    assert fragments(text) == {"whitewash": "Ken Ash", "stitch-up": "Ken Ash"}


def test_and_that_opens_a_second_clause_reported_by_the_same_verb():
    text = (
        'Delmar Shipping said the fine was "wholly disproportionate" and that it had acted "in good faith".'
    )
    assert fragments(text) == {
        "wholly disproportionate": "Delmar Shipping",
        "in good faith": "Delmar Shipping",
    }


def test_a_verb_inside_the_reported_clause_leaves_the_words_to_the_reporter():
    text = 'Councillor Ken Ash said the two sides had agreed to form a "joint working party" next year.'
    assert fragments(text) == {"joint working party": "Ken Ash"}
    assert quote(text, "joint working party").verb == "said"


def test_a_clause_opened_by_after_is_no_attribution_of_the_quote_before_it():
    text = (
        'The Harbour Workers\' Union on Monday accused Delmar Shipping of "quietly dismantling" '
        "the yard, hours after Delmar announced new contracts."
    )
    assert fragments(text) == {"quietly dismantling": "Harbour Workers' Union"}


def test_a_transcript_answer_after_the_speakers_name_and_a_colon_is_a_quote():
    text = (
        "Five questions for the new head of the Marsh Valley lifeboat station\n\n"
        "Station head Maria Okonjo has crewed lifeboats for twenty years.\n\n"
        "What keeps you up at night?\n\n"
        "Okonjo: Fog. You can train for waves, but fog takes your eyes away.\n\n"
        "Harbourmaster: No comment from here."
    )
    q = quote(text, "Fog. You can train for waves, but fog takes your eyes away.")
    assert (q.speaker, q.speaker_kind) == ("Maria Okonjo", "person")
    assert len(extract_quotes(text)) == 1  # a label naming nobody in the story is no answer
