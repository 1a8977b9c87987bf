"""Organisations as speakers when the story names them with no organisation word, short, or
with a noun the lexicon did not know. Every sentence here is invented for the test."""

from articles.quotes import extract_quotes


def said(text: str) -> dict[str, tuple]:
    """Each quote's words (outer punctuation stripped) → (speaker, kind)."""
    return {q.text.strip(" ,.?!"): (q.speaker, q.speaker_kind) for q in extract_quotes(text)}


# Names joined by "and" or "of"


def test_an_organisation_name_with_and_is_not_cut_at_and():
    text = (
        "Kaldera's Water and Forests Ministry said it would review the permits. According to a "
        "statement from the ministry, inspectors would “check every well” by June."
    )
    assert said(text) == {"check every well": ("Water and Forests Ministry", "organisation")}


def test_a_service_named_with_and_and_then_the_service_said():
    text = (
        "According to the Marsh Valley Fire and Rescue Service, six engines attended. "
        "“The crews worked through the night,” the service said."
    )
    assert said(text) == {
        "The crews worked through the night": ("Marsh Valley Fire and Rescue Service", "organisation")
    }


def test_a_couple_joined_by_and_are_still_people():
    text = "Brian and Sheila Moss won the draw. “We could not believe it,” Sheila Moss said."
    assert said(text) == {"We could not believe it": ("Sheila Moss", "person")}


def test_a_campaign_named_x_of_y_keeps_its_first_words():
    text = (
        "Supporters of Harlow Baths, a campaign group, said it would appeal. "
        "“We will take this to the minister,” the group said."
    )
    assert said(text) == {"We will take this to the minister": ("Supporters of Harlow Baths", "organisation")}


# Nouns for an organisation the lexicon lacked


def test_the_bureau_said_after_a_named_bureau():
    text = (
        "The Ostrava Regional Statistics Bureau published the figures on Friday. "
        "“Unemployment fell in every district,” the bureau said."
    )
    assert said(text) == {
        "Unemployment fell in every district": ("Ostrava Regional Statistics Bureau", "organisation")
    }


def test_the_trustees_speak_for_the_charity():
    text = (
        "The Millbrook Food Bank has run out of tins. "
        "“We need volunteers more than money,” the trustees said in a letter."
    )
    assert said(text) == {"We need volunteers more than money": ("Millbrook Food Bank", "organisation")}


def test_the_museum_said_after_a_named_museum():
    text = (
        "The Harwell Museum will close its east wing for repairs. "
        "“The roof has leaked for three winters,” the museum said."
    )
    assert said(text) == {"The roof has leaked for three winters": ("Harwell Museum", "organisation")}


# Organisations known by how the sentence treats them


def test_an_organisation_noun_set_off_before_the_name():
    text = (
        "The developer, Ashcombe Living, said it would start work in May. "
        "“We have listened to residents,” the company said."
    )
    assert said(text) == {"We have listened to residents": ("Ashcombe Living", "organisation")}


def test_a_name_taking_which_is_an_organisation():
    text = (
        "Marlowe Arcades, which owns the arcade, said the roof was safe. "
        "“Engineers inspected it in May,” a statement from the company said."
    )
    assert said(text) == {"Engineers inspected it in May": ("Marlowe Arcades", "organisation")}


def test_a_name_belonging_phrase_with_which_and_then_it_said():
    text = (
        "The depot belongs to KT Haulage, which moves timber for sawmills. The company said it was "
        "helping the police. “We are relieved nobody was hurt,” it said."
    )
    assert said(text) == {"We are relieved nobody was hurt": ("KT Haulage", "organisation")}


def test_a_name_that_says_its_is_an_organisation():
    text = (
        "Tarnby Marine said on Monday that its oldest turtle had died. "
        "“Every school party asked to see him,” it said in a statement."
    )
    assert said(text) == {"Every school party asked to see him": ("Tarnby Marine", "organisation")}


def test_the_board_of_a_named_company_and_then_it_said():
    text = (
        "Redmond Tools agreed to be bought by private equity firm Saxby Capital for 900 million euros.\n\n"
        "The board of Redmond Tools said it backed the offer. “The price is fair to shareholders,” "
        "it said in a statement."
    )
    assert said(text) == {"The price is fair to shareholders": ("Redmond Tools", "organisation")}


def test_a_union_named_with_united_is_still_the_union():
    text = (
        "The United Print Workers union said it would ballot members. "
        "“We will not accept cuts,” the union said."
    )
    assert said(text) == {"We will not accept cuts": ("United Print Workers", "organisation")}


def test_the_agency_said_for_a_named_commission():
    text = (
        "The National Rail Safety Commission said it had opened an inquiry. "
        "“Passengers were never at risk,” the agency said."
    )
    assert said(text) == {
        "Passengers were never at risk": ("National Rail Safety Commission", "organisation")
    }


def test_an_owner_with_no_given_name_is_an_organisation():
    text = (
        "Owner Castell Tiles said in a statement that the plant had lost money. "
        "“No buyer could be found,” the statement said."
    )
    assert said(text) == {"No buyer could be found": ("Castell Tiles", "organisation")}


def test_an_owner_with_a_given_name_is_a_person():
    text = "Owner Mark Ellis said the shop would stay open. “We are not going anywhere,” he said."
    assert said(text) == {"We are not going anywhere": ("Mark Ellis", "person")}


def test_a_developer_with_a_given_name_is_a_person():
    text = "Property developer Susan Grey bought the mill. “It is a beautiful building,” she said."
    assert said(text) == {"It is a beautiful building": ("Susan Grey", "person")}


def test_a_person_saying_it_is_still_a_person():
    text = (
        "Tamsin Hale said it was the hardest part she had played. “I was terrified for a month,” Hale said."
    )
    assert said(text) == {"I was terrified for a month": ("Tamsin Hale", "person")}


def test_x_of_y_with_an_organisation_word_keeps_its_first_words():
    text = (
        "Friends of Harlow Museum, a campaign group, said it would appeal. "
        "“We will see the council in court,” the group said."
    )
    assert said(text) == {"We will see the council in court": ("Friends of Harlow Museum", "organisation")}


def test_a_country_owning_a_ministry_is_not_part_of_its_name():
    text = "“Talks will resume,” Kaldera's Foreign Ministry said."
    assert said(text) == {"Talks will resume": ("Foreign Ministry", "organisation")}


def test_a_possessive_saint_stays_in_a_hospital_name():
    text = "“Visiting is suspended,” St Aidan's Hospital said."
    assert said(text) == {"Visiting is suspended": ("St Aidan's Hospital", "organisation")}


# What the clues must leave alone


def test_a_person_and_a_company_joined_by_and_stay_apart():
    text = "John Barrow and Acme Corporation signed the deal. “It took a year,” Barrow said."
    assert said(text) == {"It took a year": ("John Barrow", "person")}


def test_an_owner_taken_up_by_he_is_a_person():
    text = "Owner Ng Ka-wai said the restaurant would reopen. “My father started it,” he said."
    assert said(text) == {"My father started it": ("Ng Ka-wai", "person")}


def test_a_spokeswoman_set_off_after_for_the_council_is_a_person():
    text = (
        "A spokeswoman for the council, Zsófia Balogh, said the road would reopen. "
        "“The repairs are finished,” Balogh said."
    )
    assert said(text) == {"The repairs are finished": ("Zsófia Balogh", "person")}


def test_a_place_of_two_words_taking_which_is_no_company():
    text = (
        "New Calder, which hosts the summit, said security would be tight. "
        "“Roads will close at dawn,” a statement from the company said."
    )
    assert said(text) == {"Roads will close at dawn": (None, None)}


def test_the_bank_said_does_not_fall_back_to_a_company():
    text = "Acme Corporation borrowed 40 million euros. “The loan is secured,” the bank said."
    assert said(text) == {"The loan is secured": (None, None)}


def test_a_lower_case_firm_role_before_a_bare_name():
    text = (
        "Quarry owner Piedra Blanca said in a statement that it would pay for the repairs. "
        "“Every house will be fixed,” it said."
    )
    assert said(text) == {"Every house will be fixed": ("Piedra Blanca", "organisation")}


def test_a_person_saying_its_and_taken_up_by_she_is_a_person():
    text = (
        "Yevgenia Sorokina said on Monday that its ruling was unjust, referring to the court. "
        "“I will appeal,” she said."
    )
    assert said(text) == {"I will appeal": ("Yevgenia Sorokina", "person")}


# Kinds read off the third held-out set once it was thawed (docs/quotes.md, "tuned on heldout3")


def test_an_acronym_in_parentheses_defines_only_words_it_spells():
    # "Tarsk (NWS)" is a dateline's place and an agency, not an organisation called Tarsk.
    text = (
        "TARSK, Velmark (NWS) — The Amber Palace on Monday rejected the claims.\n\n"
        "The palace declined to say more. “We do not comment on rumours,” it said."
    )
    assert said(text) == {"We do not comment on rumours": ("Amber Palace", "organisation")}


def test_a_palace_speaks_and_its_press_service_is_the_palace():
    text = (
        "The Linden Palace said on Friday that the king had been told of the result. "
        "“His Majesty welcomes the outcome,” the palace's press office said."
    )
    assert said(text) == {"His Majesty welcomes the outcome": ("Linden Palace", "organisation")}


def test_a_bare_spokesperson_speaks_for_the_body_that_just_spoke():
    text = (
        "The Vale Ambulance Service said crews had been delayed by the snow. "
        '"We apologise to every patient affected," a spokesperson said.'
    )
    assert said(text) == {
        "We apologise to every patient affected": ("Vale Ambulance Service", "organisation")
    }


def test_the_board_is_the_organisation_whose_board_the_story_named():
    text = (
        "The board of Halden Copper has rejected an offer from rival Marsh Mining Group. "
        'In a statement, the board said the offer "falls well short" of the company\'s value.'
    )
    assert said(text) == {"falls well short": ("Halden Copper", "organisation")}


def test_one_word_opening_an_organisations_name_stands_for_it():
    text = (
        "Brackwater Shipping Lines lost the contract on Monday. "
        'Brackwater said it was "deeply disappointed" by the decision.'
    )
    assert said(text) == {"deeply disappointed": ("Brackwater Shipping Lines", "organisation")}


def test_a_persons_family_with_a_possessive_is_the_family_group():
    text = (
        "Search teams are still looking for hiker Ruth Kalvik. "
        'Kalvik\'s family said they were "grateful beyond words" to the volunteers.'
    )
    assert said(text) == {"grateful beyond words": ("Kalvik family", "group")}


def test_a_weekday_after_the_opens_a_papers_name():
    text = 'The Sunday Beacon, which ran the story, said in a statement: "We stand by every word."'
    assert said(text) == {"We stand by every word": ("Sunday Beacon", "organisation")}
