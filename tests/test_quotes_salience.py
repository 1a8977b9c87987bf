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
