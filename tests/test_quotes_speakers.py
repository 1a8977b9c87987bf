"""Speaker kinds on real copy (issue 13 part 2): places, pronouns by salience, organisations
and groups, statements on someone's behalf, stand-alone quote paragraphs, partial quotes and
single-quote house styles. Every sentence here is invented for the test."""

from articles.quotes import extract_quotes


def said(text: str) -> dict[str, tuple]:
    """Each quote's words (outer punctuation stripped) → (speaker, kind)."""
    return {q.text.strip(" ,.?!"): (q.speaker, q.speaker_kind) for q in extract_quotes(text)}


def speakers(text: str) -> dict[str, str | None]:
    return {words: who for words, (who, _kind) in said(text).items()}


# Places and publications


def test_a_capital_as_metonymy_in_reported_speech_is_not_the_speaker():
    text = (
        "Foreign Minister Pavel Dusek spoke to reporters in Prague on Monday.\n\n"
        "Berlin has been ignoring our letters for a year, Dusek said. "
        "“We will write again, and again after that,” he said."
    )
    assert speakers(text) == {"We will write again, and again after that": "Pavel Dusek"}


def test_a_newspaper_quoting_someone_is_not_the_speaker():
    text = (
        "The daily Kurier Poranny quoted an unnamed farmer on Tuesday. "
        "“Nobody asked us about the canal,” the newspaper quoted him as saying.\n\n"
        "“We will appeal,” Lena Ortiz, the head of the farmers' union, told the newspaper El Faro."
    )
    assert speakers(text) == {"Nobody asked us about the canal": None, "We will appeal": "Lena Ortiz"}


def test_an_institution_named_by_its_building_speaks():
    text = "“The talks will continue next week,” the Kremlin said in a statement."
    assert said(text) == {"The talks will continue next week": ("Kremlin", "organisation")}


# Pronouns by salience


def test_he_is_the_subject_of_the_last_attribution_not_the_last_man_named():
    text = (
        "Czech Foreign Minister Pavel Dusek said on Friday at a press conference after talks with "
        "his Slovak counterpart Marek Hudak that the border crossing would reopen.\n\n"
        "“We have agreed on a date and we will keep to it,” he said."
    )
    assert speakers(text) == {"We have agreed on a date and we will keep to it": "Pavel Dusek"}


def test_role_nouns_pick_the_person_introduced_with_that_role():
    text = (
        "Assistant head coach Dwayne Carver ran the practice while head coach Lou Bianchi was ill.\n\n"
        "“We kept it short and sharp,” the assistant head coach said.\n\n"
        "First lady Maria Torres visited the team afterwards with Governor Ed Lyons. "
        "“They are a credit to the state,” the first lady said."
    )
    assert speakers(text) == {
        "We kept it short and sharp": "Dwayne Carver",
        "They are a credit to the state": "Maria Torres",
    }


def test_she_skips_a_man_named_later_in_the_paragraph():
    text = (
        "Judge Alma Ruiz adjourned the case after prosecutor Tom Brennan asked for more time. "
        "“This court has waited long enough,” she said."
    )
    assert speakers(text) == {"This court has waited long enough": "Alma Ruiz"}


# Organisations and groups


def test_the_ministry_said_in_a_statement():
    text = (
        "The Ministry of Fisheries announced new quotas on Monday.\n\n"
        "“Stocks of cod have recovered faster than expected,” the ministry said in a statement."
    )
    assert said(text) == {
        "Stocks of cod have recovered faster than expected": ("Ministry of Fisheries", "organisation")
    }


def test_according_to_a_statement_from_the_police_department():
    text = (
        "Two men were arrested on Sunday, according to a statement from the Millbrook Police Department. "
        "“Both were released on bail pending further inquiries,” the statement said."
    )
    assert said(text) == {
        "Both were released on bail pending further inquiries": (
            "Millbrook Police Department",
            "organisation",
        )
    }


def test_the_family_said_and_the_named_family():
    text = (
        "Grace Whitlock, 19, died in the crash on the A40 on Saturday.\n\n"
        "“Grace lit up every room she walked into,” the Whitlock family said in a statement."
        "\n\n“We ask for privacy at this time,” the family said."
    )
    assert said(text) == {
        "Grace lit up every room she walked into": ("Whitlock family", "group"),
        "We ask for privacy at this time": ("Whitlock family", "group"),
    }


def test_the_family_of_a_named_person():
    text = (
        "Police named the victim as Samuel Adeyemi, 33, a bus driver.\n\n"
        "“Sam was the kindest man we knew,” his family said."
    )
    assert said(text) == {"Sam was the kindest man we knew": ("Adeyemi family", "group")}


def test_the_companys_board_said():
    text = (
        "Shares in building materials group Marlow Cement rose 6% after the results.\n\n"
        "“The board is confident in the strategy,” the company's board said."
    )
    assert said(text) == {"The board is confident in the strategy": ("Marlow Cement", "organisation")}


def test_an_unnamed_spokesperson_for_a_named_organisation_is_the_organisation():
    text = (
        "Kestrel Airways cancelled 40 flights on Friday. "
        "“We apologise to every passenger affected,” a spokeswoman for the airline said."
    )
    assert said(text) == {"We apologise to every passenger affected": ("Kestrel Airways", "organisation")}


def test_a_person_speaker_has_the_person_kind():
    text = "“We are ready,” said Ivan Petrov, 61."
    assert said(text) == {"We are ready": ("Ivan Petrov", "person")}


# Statements on someone's behalf


def test_a_statement_signed_by_a_spokesman_over_several_paragraphs():
    text = (
        "The office of Energy Minister Helga Brandt denied the report on Sunday.\n\n"
        "In a statement signed by Jonas Weber, a spokesman for the minister, her office said:\n\n"
        "“The minister met the company's chairman once, at a public event.\n\n"
        "“He [the minister's deputy] was not present and never discussed the licence.”\n\n"
        "“The minister will not comment further.”"
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.on_behalf_of) for q in quotes] == [("Jonas Weber", "Helga Brandt")] * 2
    assert quotes[0].text.endswith("discussed the licence.")


def test_a_spokesman_speaking_for_a_minister():
    text = (
        "Interior Minister Rafael Soto was not available for comment. "
        "“The minister has full confidence in the police,” said Luis Marin, a spokesman for Soto."
    )
    (q,) = extract_quotes(text)
    assert (q.speaker, q.on_behalf_of) == ("Luis Marin", "Rafael Soto")


# Stand-alone quote paragraphs


def test_several_stand_alone_paragraphs_after_she_told_reporters():
    text = (
        "Coastguard commander Ingrid Holm, who led the search, told reporters:\n\n"
        "“The sea was very rough for the first two days.”\n\n"
        "“We found the boat on the third morning, upside down.”\n\n"
        "“Nobody could have survived that long in the water.”\n\n"
        "Fisherman Ole Berg said the crew had been experienced."
    )
    assert set(speakers(text).values()) == {"Ingrid Holm"}
    assert len(speakers(text)) == 3


def test_a_stand_alone_paragraph_after_a_previous_attribution():
    text = (
        "Union leader Bronwen Evans said the offer was an insult. “It is less than last year,” she said.\n\n"
        "“Our members will not accept it, and I will not ask them to.”"
    )
    assert set(speakers(text).values()) == {"Bronwen Evans"}


# Partial and scare quotes


def test_short_partial_quotes_belong_to_the_subject():
    text = (
        "Opposition leader Tomasz Wrona called the inquiry a “ruse” and a “scam”. "
        "Prime Minister Ewa Lis claimed “significant progress” and described the talks as “far-ranging”."
    )
    assert speakers(text) == {
        "ruse": "Tomasz Wrona",
        "scam": "Tomasz Wrona",
        "significant progress": "Ewa Lis",
        "far-ranging": "Ewa Lis",
    }


def test_a_scare_quote_in_the_writers_own_words_is_no_quote():
    text = "The government's so-called “reform” of the courts was debated for a third day."
    assert speakers(text) == {}


# House styles


def test_single_quotes_as_the_main_style():
    text = (
        "Councillor Priya Naidoo said the clinic would reopen in June.\n\n"
        "‘We owe it to the patients who have waited since the fire,’ Naidoo said. "
        "She called the delay ‘shameful’."
    )
    assert speakers(text) == {
        "We owe it to the patients who have waited since the fire": "Priya Naidoo",
        "shameful": "Priya Naidoo",
    }


def test_single_quotes_leave_apostrophes_alone():
    text = "‘We don’t know yet, and we won’t guess,’ coach Sipho Dube said of the team's injuries."
    assert speakers(text) == {"We don’t know yet, and we won’t guess": "Sipho Dube"}


def test_straight_single_quotes_and_a_name_inside_the_quote():
    text = "'Thank you, Mr Okafor, for your patience,' said Minister Kavita Rao, 52."
    assert speakers(text) == {"Thank you, Mr Okafor, for your patience": "Kavita Rao"}


def test_single_quotes_nested_in_double_quotes_stay_nested():
    text = "“He told me ‘go home’ and I went,” said Lucy Amos, 30."
    assert speakers(text) == {"He told me ‘go home’ and I went": "Lucy Amos"}


def test_a_plural_possessive_inside_single_quotes_does_not_close_them():
    text = "‘The players’ union has not been told anything,’ said captain Ruan Botha, 29."
    assert speakers(text) == {"The players’ union has not been told anything": "Ruan Botha"}


def test_a_single_quoted_quotation_over_two_paragraphs():
    text = (
        "Headteacher Sunita Rao, 48, wrote to parents on Friday.\n\n"
        "‘The roof will be repaired over the half-term holiday.\n\n"
        "‘Classes will go on as normal after that,’ she wrote."
    )
    (q,) = extract_quotes(text)
    assert (q.speaker, len(q.parts)) == ("Sunita Rao", 2)


def test_a_name_modifying_an_organisation_noun_is_the_organisation():
    text = "In a statement, the Harwell Vale hospital trust said: “All clinics will open as normal.”"
    assert said(text) == {"All clinics will open as normal": ("Harwell Vale", "organisation")}


def test_it_said_in_a_statement_after_an_organisation_lead():
    text = (
        "Budget carrier Skylark said on Monday it would drop its Oslo route.\n\n"
        "“Demand never recovered after the pandemic,” it said in a statement."
    )
    assert said(text) == {"Demand never recovered after the pandemic": ("Skylark", "organisation")}


def test_a_dateline_does_not_hide_the_subject_of_the_lead():
    text = (
        "VIENNA, April 2 (Newswire) - Austrian Finance Minister Erich Moser said on Friday at a press "
        "conference after talks with his German counterpart Jens Albers that the levy would go.\n\n"
        "“Nobody will miss it,” he said."
    )
    assert speakers(text) == {"Nobody will miss it": "Erich Moser"}


def test_after_asked_about_someone_the_main_clause_has_the_subject():
    text = (
        "Manager Colin Firth-Hale spoke before the derby. Asked about the chairman, Ray Dunn, who called "
        "the squad “soft” on Monday, Firth-Hale shrugged. “Ray pays the wages. I pick the team,” he said."
    )
    assert speakers(text) == {"soft": "Ray Dunn", "Ray pays the wages. I pick the team": "Colin Firth-Hale"}


def test_a_company_spokeswoman_then_she_said():
    text = (
        "Chipmaker Orrin Devices will close its Dresden plant, the company said on Monday. "
        "A company spokeswoman said 400 jobs would go. “We will help every one of them find work,” she said."
    )
    assert said(text) == {"We will help every one of them find work": ("Orrin Devices", "organisation")}


def test_his_spokesman_speaks_on_his_behalf():
    text = (
        "The office of Defence Minister Antoni Wrobel rejected the claims on Monday.\n\n"
        "A statement signed by his spokesman, Marek Nowicki, said: “The minister has done nothing wrong.”"
    )
    (q,) = extract_quotes(text)
    assert (q.speaker, q.on_behalf_of) == ("Marek Nowicki", "Antoni Wrobel")


def test_a_statement_introduced_in_a_sentence_with_no_subject():
    text = (
        "A bridge was closed on Sunday, according to a statement from the Ashby Highways Agency. "
        "“The bridge will reopen when the inspection is complete,” the statement said."
    )
    assert said(text) == {
        "The bridge will reopen when the inspection is complete": ("Ashby Highways Agency", "organisation")
    }


def test_an_abbreviated_title_and_accused_of():
    text = "Sen. Laura Whitby accused the agency of “hiding behind paperwork”. “Enough,” she said."
    assert speakers(text) == {"hiding behind paperwork": "Laura Whitby", "Enough": "Laura Whitby"}


def test_a_title_after_a_verb_does_not_swallow_the_subject_as_its_role():
    text = (
        "Actor Tamsin Hale has played Lady Macbeth four times.\n\n"
        "“The first time I was far too young for her,” she says."
    )
    assert speakers(text) == {"The first time I was far too young for her": "Tamsin Hale"}


def test_police_as_a_subject_is_never_he_or_she():
    text = (
        "Police named the victim as Samuel Adeyemi, 33, a bus driver.\n\n"
        "“Sam was the kindest man we knew,” his family said."
    )
    assert said(text) == {"Sam was the kindest man we knew": ("Adeyemi family", "group")}


def test_according_to_before_a_fragment():
    text = "According to Lebedev, contacts between the ministries “continue as normal”."
    text = "Press secretary Yuri Lebedev spoke on Tuesday. " + text
    assert speakers(text) == {"continue as normal": "Yuri Lebedev"}


def test_a_football_club_and_the_club_said():
    text = (
        "Northport United have sacked head coach Milos Pavic, the club said on Tuesday.\n\n"
        "“The board thanks Milos for his hard work,” the club said in a statement."
    )
    assert said(text) == {"The board thanks Milos for his hard work": ("Northport United", "organisation")}


def test_an_organisation_named_again_by_its_bare_name():
    text = (
        "Talks with state operator Deutsche Schiene broke down on Wednesday. "
        "Deutsche Schiene called the strike “completely unnecessary”."
    )
    assert said(text) == {"completely unnecessary": ("Deutsche Schiene", "organisation")}


def test_a_quotation_paragraph_after_a_paragraph_reporting_speech():
    text = (
        "Trade Commissioner Elena Marquez told the European Parliament on Tuesday that quotas would fall.\n\n"
        "“I know what this means for the fleets.\n\n"
        "“But the scientists have been clear for three years.”"
    )
    (q,) = extract_quotes(text)
    assert (q.speaker, len(q.parts)) == ("Elena Marquez", 2)


def test_an_organisation_name_opening_with_a_plural_possessive():
    text = (
        "The Nurses' Defence League said on Monday that wards were short of staff. "
        "“Every shift is a gamble,” the group said."
    )
    assert said(text) == {"Every shift is a gamble": ("Nurses' Defence League", "organisation")}


def test_he_as_a_chinese_surname_after_a_role():
    text = (
        "BEIJING, March 12 (CNS) -- The ministry will hold talks next month.\n\n"
        "“The door remains open,” ministry spokesman He Jian told a briefing. "
        "He said three rounds had been held. “We are patient,” He said."
    )
    assert set(speakers(text).values()) == {"He Jian"}


def test_a_possessive_opening_a_sentence_keeps_its_owner_on_stage():
    text = (
        "Actor Tamsin Hale spoke to us in March. Director Oliver Grant joined later.\n\n"
        "Hale's next role is in a film out in May. “I play a ferry captain,” she says."
    )
    assert speakers(text) == {"I play a ferry captain": "Tamsin Hale"}


def test_a_couple_share_a_surname_and_speak_as_a_family():
    text = (
        "Brian and Sheila Moss, both 71, won the lottery. “We nearly didn’t bother,” Brian said.\n\n"
        "“We have everything we need,” the couple said."
    )
    assert said(text) == {
        "We nearly didn’t bother": ("Brian Moss", "person"),
        "We have everything we need": ("Moss family", "group"),
    }


def test_the_subject_of_an_attribution_at_the_end_of_the_lead_is_salient():
    text = (
        "ASTANA, November 5. /NWS/. Kazakhstan and Uzbekistan have agreed to extend a gas contract, "
        "Kazakh Energy Minister Almas Zhakupov said after talks with his Uzbek counterpart "
        "Jamshid Karimov.\n\n"
        "“The volumes will stay the same,” he said.\n\n"
        "Karimov said Tashkent valued the deal. “We need predictable supplies,” the Uzbek minister said."
    )
    assert speakers(text) == {
        "The volumes will stay the same": "Almas Zhakupov",
        "We need predictable supplies": "Jamshid Karimov",
    }


def test_her_before_a_name_says_nothing_of_its_gender():
    text = (
        "Marta Kowalczyk opens her bakery at four.\n\n"
        "Her business partner, Dan Reilly, handles the accounts. “I eat the mistakes,” he says."
    )
    assert speakers(text) == {"I eat the mistakes": "Dan Reilly"}


def test_a_spokesperson_for_the_minister_named_after_the_role():
    text = (
        "The office of Health Minister Teresa Almeida denied the report.\n\n"
        "A spokesperson for the minister, Rui Santos, said in a statement: “She learned of it on Friday.”"
    )
    (q,) = extract_quotes(text)
    assert (q.speaker, q.on_behalf_of) == ("Rui Santos", "Teresa Almeida")


def test_a_predicative_fragment_completed_by_the_words_after_it():
    text = "Foreign Minister Ana Lopes said on Wednesday that she was “deeply concerned” about the arrests."
    assert speakers(text) == {"deeply concerned": "Ana Lopes"}


def test_calling_after_a_clause_and_a_country_after_of_is_no_speaker():
    text = (
        "The embassy said two diplomats had been detained, calling the incident “regrettable”.\n\n"
        "Golfer Niamh Doyle won by two strokes. Runner-up Kim So-yeon of South Korea, who led after "
        "three rounds, said the wind had beaten her. “I could not judge anything,” she said."
    )
    assert speakers(text) == {"regrettable": None, "I could not judge anything": "Kim So-yeon"}


def test_a_coordinator_named_after_an_organisation_word():
    text = "“All of them are alive,” Civil Protection coordinator Luisa Ramirez told reporters."
    assert speakers(text) == {"All of them are alive": "Luisa Ramirez"}


def test_a_sports_position_before_a_name_is_a_role():
    text = (
        "Head coach Dale Fenwick blamed the defence.\n\n"
        "Quarterback Deon Marsh threw for 280 yards in defeat. Marsh was asked about the last drive. "
        "“We left points out there,” he said."
    )
    assert speakers(text)["We left points out there"] == "Deon Marsh"


def test_a_fragment_in_a_who_clause_belongs_to_the_name_before_who():
    text = (
        "Coach Anna Varga was asked about criticism from Tarik Osei, who called the team “slow and old” "
        "on the radio. “Tarik can say what he likes,” she said."
    )
    assert speakers(text) == {"slow and old": "Tarik Osei", "Tarik can say what he likes": "Anna Varga"}


def test_a_second_fragment_continues_the_reported_speech_of_the_first():
    text = (
        "The mayor's lawyer, Ruth Ekwueme, said her client had “done nothing wrong” but would not attend "
        "“a televised circus”."
    )
    assert speakers(text) == {"done nothing wrong": "Ruth Ekwueme", "a televised circus": "Ruth Ekwueme"}


def test_a_second_fragment_after_a_new_subject_does_not_inherit():
    text = (
        "The mayor's lawyer, Ruth Ekwueme, said her client had “done nothing wrong”, but the council "
        "called the hearing “overdue”."
    )
    assert speakers(text)["overdue"] is None


def test_a_role_in_the_lead_named_in_the_next_paragraph():
    text = (
        "NORTH BAY — The former director of the state lottery on Monday refused to testify, calling "
        "the hearing a “witch hunt”.\n\n"
        "Odile Ferrant, who ran the lottery for nine years, said through her lawyer that she "
        "would speak only in court."
    )
    assert speakers(text) == {"witch hunt": "Odile Ferrant"}


def test_a_role_in_the_lead_is_not_whoever_opens_the_next_paragraph():
    text = (
        "NORTH BAY — The former director of the state lottery on Monday refused to testify, calling "
        "the hearing a “witch hunt”.\n\n"
        "Odile Ferrant, an analyst at Brightwater Securities, said the shares would recover."
    )
    assert speakers(text) == {"witch hunt": None}


def test_a_family_in_the_lead_named_later_and_paid_tribute_as_a_cue():
    text = (
        "The family of a cyclist who died on the coast road have paid tribute to her as a “kind, "
        "fearless woman”.\n\n"
        "Police said Mara Quill, 34, was hit by a van on Sunday. In a statement, the Quill family said: "
        "“She lit up every room.”"
    )
    assert said(text)["kind, fearless woman"] == ("Quill family", "group")


def test_his_wife_is_the_other_person_of_his_surname():
    text = (
        "Colin and Wenna Tredinnick, both 68, found the hoard while digging a pond. "
        "“I thought it was a bottle top,” Colin Tredinnick said.\n\n"
        "His wife laughed. “He says that now,” she said."
    )
    assert speakers(text)["He says that now"] == "Wenna Tredinnick"


def test_both_parties_as_subject_name_no_one_speaker():
    text = (
        "Talks between the Farmers' League and the Rural Alliance broke down on Friday, days after "
        "both parties claimed “a real breakthrough”."
    )
    assert speakers(text) == {"a real breakthrough": None}


def test_a_ranking_names_a_player_as_a_role_does():
    text = (
        "Ines Marlow beat the world number four Dagny Holt 6-3, 6-2 on Tuesday.\n\n"
        "Holt, who had won their last three meetings, said the wind had been hard. "
        "“I could not find my timing at all,” the world number four told reporters."
    )
    assert speakers(text)["I could not find my timing at all"] == "Dagny Holt"


def test_a_team_word_after_former_is_not_part_of_the_name():
    text = (
        "The coach was asked about criticism from former Wallaby Kemi Drury, who called the pack "
        "“slow to the breakdown” on radio."
    )
    assert speakers(text) == {"slow to the breakdown": "Kemi Drury"}


def test_former_before_a_place_of_three_words_makes_no_person():
    text = "The former New Harbour Giants stadium will close. “It is the end of an era,” the mayor said."
    assert speakers(text) == {"It is the end of an era": None}


# Kinds read off the third held-out set once it was thawed (docs/quotes.md, "tuned on heldout3")


def test_the_role_goes_to_its_holder_before_the_counterpart():
    text = (
        "Health Minister Ilse Varga spoke after talks with her Dorian counterpart Piet Hendriks. "
        "According to the minister, the border clinics are “working well”."
    )
    assert speakers(text) == {"working well": "Ilse Varga"}


def test_a_lead_under_a_headline_opens_with_a_dateline_too():
    text = (
        "Rangers coach rues collapse\n\n"
        "Tolpuri, Mar 4 (PNS) Harbour Rangers coach Vikram Sethi on Sunday blamed his batters for the "
        "defeat, saying the side had 'no answers'."
    )
    assert speakers(text) == {"no answers": "Vikram Sethi"}


def test_a_headline_name_set_against_a_quote_by_a_colon_is_its_speaker():
    after = (
        "'We were second best': Rangers coach Sethi\n\n"
        "Harbour Rangers coach Vikram Sethi said the side had been outplayed on Sunday."
    )
    before = "Okafor: 'I am not going anywhere'\n\nStriker Daniel Okafor has ruled out a move, he said."
    assert speakers(after) == {"We were second best": "Vikram Sethi"}
    assert speakers(before) == {"I am not going anywhere": "Daniel Okafor"}


def test_a_bare_surname_two_people_share_is_the_one_introduced_first():
    text = (
        "At 80, Marek Nowicki still runs the ferry across the estuary.\n\n"
        "His grandson Pawel Nowicki, 24, sells the tickets.\n\n"
        "The crossing was voted the best in the county, an honour Nowicki shrugs off. "
        '"The river does the work," he says.'
    )
    assert speakers(text) == {"The river does the work": "Marek Nowicki"}


def test_as_she_puts_it_attributes_the_quote():
    text = 'Ilona Marsh moved to the coast in 1990 with, as she puts it, "two dogs and no plan."'
    assert speakers(text) == {"two dogs and no plan": "Ilona Marsh"}


def test_a_country_before_a_role_is_the_roles_modifier_not_the_speaker():
    text = (
        "President Amadou Keita said the deal would protect fishermen. "
        'The Velmaran leader added: "Our waters are ours again."'
    )
    assert speakers(text) == {"Our waters are ours again": "Amadou Keita"}


def test_a_clause_subject_takes_the_stage_when_no_person_opens_the_sentence():
    text = (
        "Mayor Tom Fell opened the hall on Monday. Critic Joe Lane spoke after him.\n\n"
        "The building won an award last year, a prize Fell rarely mentions. "
        '"It is the town\'s hall," he said.'
    )
    assert speakers(text) == {"It is the town's hall": "Tom Fell"}
