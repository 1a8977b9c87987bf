"""Demo stories from the Science and Culture desks: all invented, filed as NWS wire copy.

Same shape as content_stories.py.
"""

STORIES = [
    {
        "slug": "polar-researchers-find-ancient-lake-beneath-halvard-ice-shelf",
        "section": "science",
        "headline": "Polar researchers find ancient lake beneath the Halvard ice shelf",
        "standfirst": (
            "Radar surveys revealed a body of liquid water the size of a small city, sealed under "
            "1,200 metres of ice for perhaps 100,000 years."
        ),
        "dateline": "Tromsø",
        "hours_ago": 41,
        "updated_hours_after": 6,
        "topics": ["Polar research", "Climate"],
        "people": ["ingrid-solberg-aune"],
        "photo": {
            "scene": "landscape",
            "caption": (
                "Evening light over the ridges of the Halvard ice shelf, where the team towed radar for six "
                "weeks."
            ),
            "alt": "Layered ridges under a glowing evening sky, with a low sun.",
            "by": "Teodor Balan",
        },
        "body": """
            Scientists from the Halvard Polar Institute have found a large lake of liquid water
            beneath the ice shelf that gives the institute its name, a discovery they say could hold
            microbes cut off from the rest of the world for tens of thousands of years.

            Radar surveys carried out over two seasons showed a body of water roughly 14 km long and
            up to 30 metres deep under 1,200 metres of ice, the institute said in a paper published
            in a journal of glaciology.

            “We went looking for the bottom of the ice and found the top of a lake,” institute
            director Ingrid Solberg-Aune told a news conference. She said the team had first noticed
            an unusually flat, bright reflection in the radar data and assumed it was an error.

            Solberg-Aune said the water was probably kept liquid by heat from the rock below and the
            pressure of the ice above. She noted that the lake appeared to be linked to two smaller
            ones by channels, which could mean water moves slowly between them.

            The institute hopes to drill into the lake within three years using a heated, sterilised
            probe designed not to contaminate the water. Solberg-Aune said: “If anything lives down
            there, we want to be the first to meet it, not the first to infect it.”

            The director recalled that her first expedition to the shelf, 22 years ago, had been
            “three people, one tent and a radar that worked on good days”.
        """,
        "quotes": [
            {
                "by": "ingrid-solberg-aune",
                "text": "We went looking for the bottom of the ice and found the top of a lake",
                "verb": "told a news conference",
                "pull": True,
            },
            {
                "by": "ingrid-solberg-aune",
                "text": (
                    "If anything lives down there, we want to be the first to meet it, not the first to "
                    "infect it."
                ),
                "verb": "said",
            },
        ],
    },
    {
        "slug": "lumen-orbital-puts-first-river-watching-satellite-into-orbit",
        "section": "science",
        "headline": "Lumen Orbital puts first river-watching satellite into orbit",
        "standfirst": (
            "The startup's satellite will measure the height of rivers from space, starting with the "
            "contested Velna."
        ),
        "dateline": "Montreal",
        "hours_ago": 228,
        "topics": ["Space", "Velna River", "Technology"],
        "people": ["samuel-okonjo", "helena-marsh"],
        "photo": {
            "scene": "building",
            "caption": "Lumen Orbital's control centre in Montreal, from which the launch was followed.",
            "alt": "Office blocks with rows of lit windows against an evening sky.",
            "by": "Jonas Avery",
        },
        "body": """
            Lumen Orbital said its first river-monitoring satellite had reached orbit and sent back
            its first signals, a step towards measuring the height of the world's rivers from space
            every day.

            The 90 kg satellite carries a radar altimeter that can measure the surface of a river to
            within a few centimetres. It was launched on a commercial rocket with 30 other small
            satellites and separated about an hour after lift-off.

            “Everybody in this room has been holding their breath for six years, and now we can
            finally exhale,” chief scientist Samuel Okonjo told staff in the company's control room.
            He said the satellite would begin sending scientific data within a month, once its
            instruments had been calibrated.

            The first river the satellite will study is the Velna, where Estrava and Karvonia have
            argued for years over how much water flows across their border. Okonjo noted that the
            two countries' own gauges had given figures that differed by as much as 15 percent.

            Helena Marsh, secretary-general of the Velna River Commission, which has agreed to use
            the data, welcomed the launch. “A satellite has no upstream and no downstream. That
            makes it the most neutral member of our commission,” Marsh quipped.

            Okonjo recalled that the company had nearly run out of money two years ago and said it
            had been saved by a research grant from a group of river commissions. It plans to have
            12 satellites in orbit within four years.
        """,
        "quotes": [
            {
                "by": "samuel-okonjo",
                "text": (
                    "Everybody in this room has been holding their breath for six years, and now we can "
                    "finally exhale"
                ),
                "verb": "told staff",
                "context": "in the company's control room",
            },
            {
                "by": "helena-marsh",
                "text": (
                    "A satellite has no upstream and no downstream. That makes it the most neutral "
                    "member of our commission"
                ),
                "verb": "quipped",
                "pull": True,
            },
        ],
    },
    {
        # Scheduled two days ahead so the admin shows a story waiting for its time.
        "slug": "lumen-orbital-to-release-first-satellite-map-of-the-velna",
        "section": "science",
        "state": "scheduled",
        "hours_ahead": 48,
        "headline": "Lumen Orbital to release first satellite map of the Velna's flow",
        "standfirst": (
            "The startup will publish a month of daily river-height measurements, the first independent "
            "figures on the disputed river."
        ),
        "dateline": "Montreal",
        "topics": ["Space", "Velna River", "Water"],
        "people": ["samuel-okonjo", "helena-marsh"],
        "photo": {
            "scene": "landscape",
            "caption": (
                "The hills above the Velna delta; the satellite map will show the river's height along its "
                "length."
            ),
            "alt": "Rolling hills under an evening sky, the sun low behind thin cloud.",
            "credit": "Lumen Orbital/Handout via NWS",
        },
        "body": """
            Lumen Orbital will publish its first month of satellite measurements of the Velna river,
            giving Estrava and Karvonia independent figures on the river's flow for the first time
            as the two countries prepare to resume talks on its dams.

            The data, gathered by the company's first satellite, show the river's height at 40
            points from its source in the eastern highlands to the delta, measured every day.

            “The river has been arguing its own case for a month. Now everybody can read the
            transcript,” chief scientist Samuel Okonjo said in a statement.

            Okonjo said the measurements broadly agreed with the Velna River Commission's own gauges
            but showed sharper daily swings below the Upper Velna reservoir than either government
            had reported.

            Helena Marsh, the commission's secretary-general, said the figures would be presented to
            both delegations at the opening session of the talks. She noted that neither government
            had seen the data in advance. “Nobody gets a head start on the truth,” Marsh said.

            The company said it would publish the data under an open licence and update it daily.
        """,
        "quotes": [
            {
                "by": "samuel-okonjo",
                "text": (
                    "The river has been arguing its own case for a month. Now everybody can read the "
                    "transcript"
                ),
                "verb": "said",
                "context": "in a statement",
                "pull": True,
            },
            {"by": "helena-marsh", "text": "Nobody gets a head start on the truth", "verb": "said"},
        ],
    },
    {
        "slug": "saltmarket-film-festival-opens-with-river-drama",
        "section": "culture",
        "headline": "Saltmarket Film Festival opens with first-time director's river drama",
        "standfirst": (
            "A film about two ferry pilots on opposite banks of the Velna opened the festival, which "
            "this year shows more debut features than ever."
        ),
        "dateline": "Rotterdam",
        "hours_ago": 27,
        "topics": ["Film", "Festivals", "Velna River"],
        "people": ["farid-haddadin"],
        "photo": {
            "scene": "building",
            "caption": "The Saltmarket cinema in Rotterdam, lit up for the festival's opening night.",
            "alt": "A building with rows of brightly lit windows in the evening.",
            "by": "Ines Carvalho",
        },
        "body": """
            The Saltmarket Film Festival opened with “The Far Bank”, the first feature of a
            26-year-old Karvonian director, about two ferry pilots who work opposite banks of the
            Velna river and never meet.

            The festival's artistic director, Farid Haddadin, said this year's programme of 94 films
            included 31 debut features, the most in its history. “Every year the first films get
            braver, and every year I get more nervous about choosing them,” Haddadin said.

            Haddadin recalled that he had seen the film as a rough cut with no music and decided on
            the spot to open the festival with it. He said the director, Anneli Koskivaara, had paid
            for part of the shoot by working night shifts on a river ferry.

            The film, shot on both sides of the border with a crew from Estrava and Karvonia, drew a
            long standing ovation at the opening screening.

            Asked whether the film's subject was political, Haddadin said: “It is a film about two
            people and a river. If that is political, then so is the weather.”

            The festival runs for eleven days and closes with a restored print of a Karvonian silent
            film found last year in a private collection. Haddadin noted that ticket sales were up
            12 percent on last year.
        """,
        "quotes": [
            {
                "by": "farid-haddadin",
                "text": (
                    "Every year the first films get braver, and every year I get more nervous about "
                    "choosing them"
                ),
                "verb": "said",
                "pull": True,
            },
            {
                "by": "farid-haddadin",
                "text": (
                    "It is a film about two people and a river. If that is political, then so is the weather."
                ),
                "verb": "said",
            },
        ],
    },
    {
        "slug": "karvonian-museum-sends-carved-river-boats-on-european-tour",
        "section": "culture",
        "headline": "Karvonian museum sends its carved river boats on first European tour",
        "standfirst": (
            "Seven painted boats from the National Museum of Karvonia will travel to four cities, the "
            "first time the collection has left the country."
        ),
        "dateline": "Prague",
        "hours_ago": 150,
        "topics": ["Museums", "Art", "Velna River"],
        "people": ["rosa-imbert"],
        "photo": {
            "scene": "building",
            "caption": "The gallery in Prague where the carved river boats go on show first.",
            "alt": "Museum buildings with tall lit windows at dusk.",
            "by": "Maria Lind",
        },
        "body": """
            Seven carved and painted river boats from the National Museum of Karvonia have arrived
            in Prague for the first stop of a European tour, the first time the collection has left
            the country since it was assembled more than a century ago.

            The boats, the oldest of which dates from the 1820s, were used by families who traded
            salt and timber along the Velna. Their hulls are carved with patterns that identified a
            boat's home village, much as a flag would.

            “These boats were made to travel, and for a hundred years we kept them standing still,”
            museum director Rosa Imbert said at the opening of the exhibition. She said the tour had
            taken four years to prepare, most of it spent building cradles that let the boats travel
            without flexing.

            Imbert recalled that one of the boats had been found in a barn in the 1970s, where it
            was being used as a chicken coop, and had taken conservators nine years to restore.

            The exhibition will travel to three more cities over the next 18 months. Imbert noted
            that two of the boats had come from the Estravan side of the river and said Estravan
            conservators had joined the team. “The river never asked which side a boat came from,”
            Imbert said.

            The museum said the tour was paid for by private foundations and that ticket revenue
            would fund a climate-controlled gallery for the boats when they return.
        """,
        "quotes": [
            {
                "by": "rosa-imbert",
                "text": (
                    "These boats were made to travel, and for a hundred years we kept them standing still"
                ),
                "verb": "said",
                "context": "at the opening of the exhibition",
                "pull": True,
            },
            {
                "by": "rosa-imbert",
                "text": "The river never asked which side a boat came from",
                "verb": "said",
            },
        ],
    },
]
