"""Who a role noun, a pronoun or an organisation noun stands for, read off the fourth held-out
set's wrong speakers (docs/quotes.md, "The fourth held-out set, tuned on"). Every sentence is
invented for the test; none is taken from a quote set."""

from articles.quotes import extract_quotes, find_people


def speakers(text: str) -> dict[str, str | None]:
    """Each quote's words (outer punctuation stripped) → its speaker."""
    return {q.text.strip(" ,.?!"): q.speaker for q in extract_quotes(text)}


def kinds(text: str) -> dict[str, str | None]:
    return {q.text.strip(" ,.?!"): q.speaker_kind for q in extract_quotes(text)}


# Role nouns


def test_a_role_given_before_the_name_in_a_pair_names_its_holder_later():
    text = (
        "Incumbent Mayor Rosa Villanueva and challenger Ingrid Solheim were level on Monday.\n\n"
        "“We knocked on every door,” the challenger told supporters.\n\n"
        "“Every vote counts,” the incumbent said."
    )
    assert speakers(text) == {
        "We knocked on every door": "Ingrid Solheim",
        "Every vote counts": "Rosa Villanueva",
    }


def test_the_coroner_is_the_person_introduced_as_coroner():
    text = (
        "Senior coroner Mirela Hask said the road had been unsafe for months. "
        "“That cannot be right,” the coroner said."
    )
    assert speakers(text) == {"That cannot be right": "Mirela Hask"}


def test_a_party_before_a_role_noun_is_a_modifier_not_a_speaker():
    text = (
        "State Farming Minister Petra Vollmer said she understood the anger. "
        "“The law is the law,” the Green politician said."
    )
    assert speakers(text) == {"The law is the law": "Petra Vollmer"}


def test_a_role_given_in_a_relative_clause_names_its_holder():
    text = (
        "The Otters won 21-3, and the credit went to a scheme drawn up by Dorian Fairweather-Lunn, "
        "who took over as defensive coordinator in June.\n\n"
        "“We kept it simple,” the defensive coordinator said."
    )
    assert speakers(text) == {"We kept it simple": "Dorian Fairweather-Lunn"}


def test_an_office_with_of_the_is_a_role_before_the_name():
    people = find_people("Leader of the Opposition Tarun Mehrotra said the date was unrealistic.")
    assert [(p.name, p.role) for p in people] == [("Tarun Mehrotra", "Leader of the Opposition")]


# Organisations speaking through a board, a statement, a press service, a paper


def test_the_companys_board_is_the_company_whose_board_the_story_named():
    text = (
        "The board of Harwick Group has agreed to a bid from the investment firm Selby Capital.\n\n"
        "“The offer reflects the value of the business,” the company's board said on Monday."
    )
    assert speakers(text) == {"The offer reflects the value of the business": "Harwick Group"}


def test_the_statement_is_issued_by_whom_the_sentence_reports_speaking():
    text = (
        "Orrin Foods, the maker of Puffin crackers, reported a fall in profit on Tuesday.\n\n"
        "Sales fell 4% in the half year, the company said in a statement. "
        "“Wheat prices have doubled,” the statement said."
    )
    assert speakers(text) == {"Wheat prices have doubled": "Orrin Foods"}


def test_a_press_service_speaks_for_the_organisation_last_named():
    text = (
        "State pipeline operator Volgatrans will raise its tariffs from March, "
        "Deputy Minister Oleg Ivanovich Surin said. "
        "Volgatrans's press service said the money would go to repairs. "
        "“The pipe is old and cannot wait,” the press service said."
    )
    assert speakers(text) == {"The pipe is old and cannot wait": "Volgatrans"}


def test_the_paper_is_the_newspaper_the_story_named():
    text = (
        "The Northbay Courier reported that the mayor had met the developer twice.\n\n"
        "The Northbay Courier said it stood by its story. "
        "“Our reporting is accurate,” the paper said in a statement."
    )
    assert speakers(text) == {"Our reporting is accurate": "Northbay Courier"}


def test_whoever_a_paper_quotes_as_saying_is_the_speaker():
    text = (
        "The Northbay Courier quoted Councillor Ilse Brandt as saying: “The pier is not safe.”\n\n"
        "The Northbay Courier also said the pier would close."
    )
    assert speakers(text) == {"The pier is not safe": "Ilse Brandt"}


def test_a_syndicate_and_a_firm_named_metals_or_works_are_organisations():
    text = (
        "The mare is owned by the Dunmore Syndicate. “We are ten friends with a dream,” the "
        "syndicate said.\n\nOstrava Metals said it was “reviewing all options”. "
        "The Lisk State Water Works said releases would stay “at the minimum”."
    )
    assert speakers(text) == {
        "We are ten friends with a dream": "Dunmore Syndicate",
        "reviewing all options": "Ostrava Metals",
        "at the minimum": "Lisk State Water Works",
    }
    assert set(kinds(text).values()) == {"organisation"}


# Pronouns and paragraphs


def test_a_name_running_into_its_verb_after_an_aside_is_the_subject():
    text = (
        "Lumen Apps will cut 200 jobs.\n\n"
        "In a message to staff, which was later posted online, Odile Marchetti wrote:\n\n"
        "“Today is the hardest day of my working life.\n\n"
        "“I take full responsibility.”"
    )
    # One quotation over two paragraphs (the wire convention), the speaker named before it.
    assert [q.speaker for q in extract_quotes(text)] == ["Odile Marchetti"]


def test_an_unnamed_man_takes_the_stage_from_the_named_one_before():
    text = (
        "Fire Chief Bernard Oyelaran told reporters that the fire had jumped the road twice. "
        "“Leave now,” he said.\n\n"
        "A man who would not give his name said he had stayed to save his roof. "
        "“I have seen worse,” he said."
    )
    assert speakers(text) == {"Leave now": "Bernard Oyelaran", "I have seen worse": None}


def test_a_gendered_title_picks_the_bearer_of_the_surname_with_that_gender():
    text = (
        "Dennis Varley, 70, died after his bike hit a pothole. "
        "His widow, Maureen Varley, spoke at the inquest.\n\n"
        "Mrs Varley, speaking outside court, said she was relieved. "
        "“I want the hole filled,” she said."
    )
    assert speakers(text) == {"I want the hole filled": "Maureen Varley"}


def test_a_comma_inside_a_number_parts_no_clauses():
    text = (
        "The Federated Dockers' Union, which represents about 2,500 Harlow Port staff, said it "
        "wanted “written guarantees” on pensions."
    )
    assert speakers(text) == {"written guarantees": "Federated Dockers' Union"}


def test_it_is_the_organisation_the_sentence_is_about_not_the_last_named():
    text = (
        "The Gaming Standards Office fined Harrow Savings Bank £3m for what it called “serious and repeated” "
        "marketing to people in debt."
    )
    assert speakers(text) == {"serious and repeated": "Gaming Standards Office"}


def test_a_name_the_story_uses_alone_is_not_joined_to_the_next_by_and():
    text = (
        "The regulator will examine the merger of Skyvale and Northern Cross Airlines.\n\n"
        "Skyvale said it was “confident”. “We will keep working with the regulator,” a Skyvale "
        "spokeswoman said."
    )
    assert speakers(text) == {"confident": "Skyvale", "We will keep working with the regulator": "Skyvale"}
