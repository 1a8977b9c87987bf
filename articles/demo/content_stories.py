"""Demo stories from the World and Politics desks: all invented, filed as NWS wire copy.

Bodies are paragraphs separated by blank lines; the loader joins each paragraph's lines and
wraps it in <p>. A quote's `text` must appear word for word in the body, so edit both together.
"""

STORIES = [
    {
        "slug": "estrava-and-karvonia-agree-to-reopen-velna-dam-talks",
        "section": "world",
        "headline": "Estrava and Karvonia agree to reopen talks on Velna river dams",
        "standfirst": (
            "The neighbours will resume negotiations on sharing the river's water after a two-year "
            "freeze, their foreign ministers said after a day of meetings in Geneva."
        ),
        "dateline": "Geneva",
        # The demo's flash: recent enough for the breaking strip (NEWSROOM_BREAKING_HOURS),
        # posted as a headline and written through 25 minutes later.
        "hours_ago": 1,
        "urgency": 1,
        "written_through_minutes": 25,
        "topics": ["Diplomacy", "Velna River", "Water"],
        "people": ["arkady-voronin", "lucia-ferrant", "helena-marsh"],
        "photo": {
            "scene": "lakeside building",
            "caption": (
                "The lakeside hotel in Geneva where the foreign ministers of Estrava and Karvonia met for a "
                "day of closed-door talks."
            ),
            "alt": "A hotel of several storeys with lit windows, mirrored in a lake at dusk.",
            "by": "Maria Lind",
        },
        "body": """
            Estrava and Karvonia will reopen talks on the dams that divide the flow of the Velna
            river, the two countries' foreign ministers said after a day of closed-door meetings,
            ending a freeze that has lasted more than two years.

            “We have agreed to sit down again, and this time we have agreed on what we are sitting
            down to discuss,” Estravan Foreign Minister Arkady Voronin told reporters. He said the
            first round would take place within a month under the auspices of the Velna River
            Commission.

            His Karvonian counterpart, Lucia Ferrant, struck a more cautious note. She recalled that
            the last round of talks collapsed over the release schedule of the Upper Velna reservoir
            and said that question would now be settled first. “Nothing is agreed until the water
            is actually in the river,” Ferrant noted.

            The two countries have quarrelled over the river since the second of three Estravan dams
            was completed upstream, cutting the summer flow into Karvonia's farming provinces by
            almost a third, according to the commission's figures.

            Asked whether the two sides had discussed compensation for last year's failed harvest,
            Voronin said the issue was “on the table, though not at the head of it”. Asked how long
            the talks might take, he smiled. “Rivers are patient. Diplomats, less so,” Voronin
            quipped.

            Helena Marsh, the commission's secretary-general, welcomed the agreement and said its
            engineers would present a joint survey of the river's flow at the opening session.
            Marsh said: “For the first time in two years, both governments will be looking at the
            same numbers.”
        """,
        "quotes": [
            {
                "by": "arkady-voronin",
                "text": (
                    "We have agreed to sit down again, and this time we have agreed on what we are "
                    "sitting down to discuss"
                ),
                "verb": "told reporters",
                "context": "after talks in Geneva",
                "pull": True,
            },
            {
                "by": "lucia-ferrant",
                "text": "Nothing is agreed until the water is actually in the river",
                "verb": "noted",
            },
            {"by": "arkady-voronin", "text": "Rivers are patient. Diplomats, less so", "verb": "quipped"},
            {
                "by": "helena-marsh",
                "text": (
                    "For the first time in two years, both governments will be looking at the same numbers."
                ),
                "verb": "said",
            },
        ],
    },
    {
        "slug": "river-commission-warns-of-record-low-water-on-the-velna",
        "section": "world",
        "headline": "River commission warns of record low water on the Velna",
        "standfirst": (
            "Summer flow on the lower Velna could fall to its lowest level since records began, the "
            "river's cross-border commission said."
        ),
        "dateline": "Vienna",
        "hours_ago": 70,
        "updated_hours_after": 4,
        "topics": ["Velna River", "Climate", "Water"],
        "people": ["helena-marsh", "ingrid-solberg-aune"],
        "photo": {
            "scene": "landscape",
            "caption": (
                "Hills above the lower Velna valley near the Karvonian border, where the river has fallen "
                "to a record low."
            ),
            "alt": "Layered hills under a hazy sky, with a low sun behind thin cloud.",
            "by": "Jonas Avery",
        },
        "body": """
            Water levels on the lower Velna could fall to their lowest since records began in the
            coming weeks, the Velna River Commission warned, urging Estrava and Karvonia to agree on
            emergency releases from upstream reservoirs.

            The commission's hydrologists said flow at the Karvonian border gauge had dropped to 41
            cubic metres per second, less than half the average for the time of year, after a dry
            spring and a winter with little snow in the eastern highlands.

            “We are not yet in a crisis, but we can see one from here,” Secretary-General Helena
            Marsh said at a briefing. She said the commission would ask both governments to release
            an extra 15 percent from the Upper Velna reservoir for six weeks.

            Marsh recalled that a similar request three years ago had been turned down by Estrava,
            which said at the time that it needed the water for its own hydropower plants. She
            declined to say whether she expected a different answer this time.

            Ingrid Solberg-Aune, director of the Halvard Polar Institute, which supplies the
            commission with snowpack data, said the pattern was becoming familiar. “The snow that
            feeds this river is arriving later and leaving earlier,” she warned.

            Solberg-Aune said her institute's models pointed to three more dry summers in the next
            decade. Asked what the two governments should do, she said: “Plan for the low years, not
            the average ones.”

            Farmers' groups on the Karvonian side said irrigation canals in two provinces were
            already running at a third of their capacity.
        """,
        "quotes": [
            {
                "by": "helena-marsh",
                "text": "We are not yet in a crisis, but we can see one from here",
                "verb": "said",
                "context": "at a briefing",
                "pull": True,
            },
            {
                "by": "ingrid-solberg-aune",
                "text": "The snow that feeds this river is arriving later and leaving earlier",
                "verb": "warned",
            },
            {
                "by": "ingrid-solberg-aune",
                "text": "Plan for the low years, not the average ones.",
                "verb": "said",
            },
        ],
    },
    {
        "slug": "karvonia-rules-out-sanctions-in-fishing-dispute",
        "section": "world",
        "headline": "Karvonia rules out sanctions in fishing dispute with Estrava",
        "standfirst": (
            "Foreign Minister Lucia Ferrant said a row over herring quotas in the Velna estuary would "
            "be settled by negotiation, not penalties."
        ),
        "dateline": "Lisbon",
        "hours_ago": 190,
        "topics": ["Diplomacy", "Fisheries"],
        "people": ["lucia-ferrant", "arkady-voronin"],
        "photo": {
            "scene": "landscape",
            "caption": "Dawn over the hills of the Velna estuary, where the disputed fishing grounds begin.",
            "alt": "A low sun rising over rolling hills in soft morning light.",
            "by": "Ines Carvalho",
        },
        "body": """
            Karvonia will not impose sanctions on Estravan fishing fleets despite a dispute over
            herring catches in the Velna estuary, Foreign Minister Lucia Ferrant said on the
            sidelines of an ocean conference.

            “Sanctions would feel good for a week and cost us for a decade,” Ferrant told reporters.
            She said Karvonia would instead ask the Velna River Commission to appoint independent
            observers on boats from both countries.

            Karvonian fishermen accuse Estravan trawlers of exceeding their share of the estuary
            herring quota by as much as 20 percent. Estrava denies the figure and says Karvonian
            boats underreport their own catches.

            Ferrant recalled that the two countries had signed the estuary quota agreement twelve
            years ago and said it had “worked well for most of its life”. She said she had raised
            the matter with her Estravan counterpart, Arkady Voronin, by telephone.

            Voronin, speaking separately at the same conference, said Estrava was ready to accept
            observers “if they count fish on both sides of the line”. Asked about the row, he said:
            “Herring do not carry passports, and neither should the arithmetic.”

            Ferrant said she expected officials from both countries to meet before the autumn
            fishing season opens.
        """,
        "quotes": [
            {
                "by": "lucia-ferrant",
                "text": "Sanctions would feel good for a week and cost us for a decade",
                "verb": "told reporters",
                "context": "at an ocean conference in Lisbon",
                "pull": True,
            },
            {
                "by": "arkady-voronin",
                "text": "Herring do not carry passports, and neither should the arithmetic.",
                "verb": "said",
            },
        ],
    },
    {
        "slug": "estravan-prime-minister-confident-of-budget-vote",
        "section": "politics",
        "headline": "Estravan prime minister confident of surviving budget vote",
        "standfirst": (
            "Pavel Lisitsyn said his coalition had the votes to pass next year's budget, as opposition "
            "leader Greta Vahl called the plan a gamble with energy prices."
        ),
        "dateline": "Brussels",
        "hours_ago": 18,
        "topics": ["Estravan politics", "Budget", "Energy"],
        "people": ["pavel-lisitsyn", "greta-vahl"],
        "photo": {
            "scene": "speaker",
            "caption": "Estravan Prime Minister Pavel Lisitsyn speaks to reporters in Brussels.",
            "alt": (
                "The silhouette of a man at a lectern with microphones, lit from behind, the heads of an "
                "audience in front."
            ),
            "by": "Teodor Balan",
        },
        "body": """
            Estravan Prime Minister Pavel Lisitsyn said his coalition would pass next year's budget
            in a parliamentary vote later this month, brushing aside opposition warnings that its
            energy subsidies could not be paid for.

            “We have counted the votes twice, and both times we won,” Lisitsyn told reporters after
            meeting trade officials. He said the budget kept household energy bills frozen for
            another winter while cutting ministries' running costs by 4 percent.

            The coalition holds 78 of the 150 seats in Estrava's parliament, but two deputies from
            its junior partner, the Farmers' League, have said they may vote against the bill over
            cuts to irrigation grants.

            Lisitsyn said he had spoken to both deputies and was “confident they will find the
            budget better than its reputation”. He noted that the grants would be restored if talks
            with Karvonia on the Velna dams succeeded.

            Opposition leader Greta Vahl called the subsidy plan a gamble. “The government is paying
            this winter's bills with next winter's money,” she said in a statement, adding that her
            Civic Union party would table amendments limiting the subsidy to middle-income homes.

            Vahl recalled that the last budget had passed by two votes and had to be amended twice
            within a year. Asked whether she expected the government to fall, she said: “I expect
            it to stumble. Whether it falls is up to its own deputies.”
        """,
        "quotes": [
            {
                "by": "pavel-lisitsyn",
                "text": "We have counted the votes twice, and both times we won",
                "verb": "told reporters",
                "pull": True,
            },
            {
                "by": "greta-vahl",
                "text": "The government is paying this winter's bills with next winter's money",
                "verb": "said",
                "context": "in a statement",
            },
            {
                "by": "greta-vahl",
                "text": "I expect it to stumble. Whether it falls is up to its own deputies.",
                "verb": "said",
            },
        ],
    },
    {
        "slug": "opposition-leader-vahl-calls-for-early-election",
        "section": "politics",
        "headline": "Opposition leader Vahl calls for early election in Estrava",
        "standfirst": (
            "Greta Vahl said the government had lost its mandate over energy prices and should let "
            "voters decide a year ahead of schedule."
        ),
        "dateline": "Copenhagen",
        "hours_ago": 96,
        "topics": ["Estravan politics", "Elections", "Energy"],
        "people": ["greta-vahl", "pavel-lisitsyn"],
        "photo": {
            "scene": "speaker",
            "caption": (
                "Civic Union leader Greta Vahl addresses a conference of liberal parties in Copenhagen."
            ),
            "alt": (
                "The silhouette of a speaker at a lectern before a lit backdrop, an audience in the "
                "foreground."
            ),
            "by": "Maria Lind",
        },
        "body": """
            Estravan opposition leader Greta Vahl called for an early parliamentary election, saying
            the government of Prime Minister Pavel Lisitsyn had lost the public's trust over rising
            energy prices.

            “A government that governs by subsidy has stopped governing,” Vahl said in a speech to a
            conference of liberal parties. Her Civic Union party would support a vote as early as
            the spring, she said, a year before the scheduled date.

            Recent polls give the Civic Union a narrow lead over Lisitsyn's Social Alliance, though
            neither party would win a majority on its own. Vahl said she would not rule out a
            coalition with the Farmers' League, now the government's junior partner.

            The government rejected the call. A spokesman for Lisitsyn said the prime minister would
            serve out his term and noted that household energy bills in Estrava remained among the
            lowest in the region.

            Lisitsyn, asked about the speech while visiting a power plant, was brief. “Ms Vahl asks
            for an election every autumn. It is almost a national holiday,” Lisitsyn quipped.

            Vahl said her party would present a full energy programme next month, including a plan
            to link subsidies to household income. Vahl said: “People do not need a government that
            pays their bills. They need one that brings the bills down.”
        """,
        "quotes": [
            {
                "by": "greta-vahl",
                "text": "A government that governs by subsidy has stopped governing",
                "verb": "said",
                "context": "in a speech in Copenhagen",
                "pull": True,
            },
            {
                "by": "pavel-lisitsyn",
                "text": "Ms Vahl asks for an election every autumn. It is almost a national holiday",
                "verb": "quipped",
            },
            {
                "by": "greta-vahl",
                "text": (
                    "People do not need a government that pays their bills. They need one that brings "
                    "the bills down."
                ),
                "verb": "said",
            },
        ],
    },
    {
        # Left as a draft so the admin shows a story still on the desk.
        "slug": "estrava-coalition-partners-near-deal-on-irrigation-grants",
        "section": "politics",
        "state": "draft",
        "headline": "Estrava's coalition partners near deal on irrigation grants",
        "standfirst": (
            "The Farmers' League is close to backing the budget after the government offered to restore "
            "part of its irrigation funding, officials said."
        ),
        "dateline": "Riga",
        "topics": ["Estravan politics", "Budget"],
        "people": ["pavel-lisitsyn"],
        "photo": None,
        "body": """
            Estrava's ruling coalition is close to a deal that would win the Farmers' League's
            support for next year's budget, officials from both parties said, after the government
            offered to restore part of the irrigation grants it had planned to cut.

            Under the proposal, grants to farmers in the three driest provinces would stay at this
            year's level, while the cut elsewhere would be halved, according to a draft seen by NWS.

            “We are a few commas away from an agreement,” Prime Minister Pavel Lisitsyn told
            reporters on the sidelines of a regional meeting. He said he expected the deal to be
            signed before the budget vote.

            The League's two rebel deputies have not said whether the offer is enough. One of them
            said in a radio interview that he would “read the commas very carefully”.

            Lisitsyn noted that the cost of the compromise, about 40 million euros, would be covered
            by lower spending on ministry buildings. “Farmers cannot irrigate a field with a new
            office,” he said.
        """,
        "quotes": [
            {
                "by": "pavel-lisitsyn",
                "text": "We are a few commas away from an agreement",
                "verb": "told reporters",
            },
            {
                "by": "pavel-lisitsyn",
                "text": "Farmers cannot irrigate a field with a new office",
                "verb": "said",
            },
        ],
    },
]
