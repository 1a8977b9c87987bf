"""Demo stories from the Business desk: all invented, filed as NWS wire copy.

Same shape as content_stories.py.
"""

STORIES = [
    {
        "slug": "severa-energy-posts-first-annual-loss-in-a-decade",
        "section": "business",
        "headline": "Severa Energy posts first annual loss in a decade as gas prices slide",
        "standfirst": (
            "The Estravan utility blamed lower wholesale prices and a costly pipeline repair, and said "
            "it would cut its dividend by half."
        ),
        "dateline": "London",
        "hours_ago": 9,
        "topics": ["Energy", "Markets"],
        "people": ["oleg-petrashko"],
        "photo": {
            "scene": "speaker",
            "caption": "Severa Energy chief executive Oleg Petrashko presents annual results in London.",
            "alt": (
                "The silhouette of a man at a lectern with microphones on a stage, an audience in the "
                "foreground."
            ),
            "by": "Jonas Avery",
        },
        "body": """
            Severa Energy, Estrava's largest gas and power company, reported its first annual loss
            in a decade, hit by falling wholesale gas prices and the cost of repairing its main
            export pipeline, and said it would halve its dividend.

            The company posted a net loss of 312 million euros for the year, compared with a profit
            of 1.1 billion a year earlier. Revenue fell 23 percent to 6.8 billion euros.

            “This was the year the pipeline reminded us that it is made of steel, not promises,”
            chief executive Oleg Petrashko told analysts on a call. He said the repair, completed in
            the autumn, had cost nearly 400 million euros.

            Petrashko said the company would spend less on new gas fields and more on wind and grid
            storage over the next five years, and noted that the renewables unit had been the only
            division to increase its profit.

            Asked whether he had considered stepping down after the results, Petrashko laughed. “My
            wife asked me the same question, and she has more shares than you do,” Petrashko
            quipped.

            Severa's shares fell 6 percent in London trading. Analysts said the dividend cut had
            been expected but that the outlook for next year was weaker than forecast.

            Petrashko said: “We will earn less from gas every year from now on. The question is
            whether we earn more from everything else, and we intend to.”
        """,
        "quotes": [
            {
                "by": "oleg-petrashko",
                "text": "This was the year the pipeline reminded us that it is made of steel, not promises",
                "verb": "told analysts",
                "context": "on a results call",
                "pull": True,
            },
            {
                "by": "oleg-petrashko",
                "text": "My wife asked me the same question, and she has more shares than you do",
                "verb": "quipped",
            },
            {
                "by": "oleg-petrashko",
                "text": (
                    "We will earn less from gas every year from now on. The question is whether we earn "
                    "more from everything else, and we intend to."
                ),
                "verb": "said",
            },
        ],
    },
    {
        "slug": "central-bank-of-karvonia-holds-rates-signals-cut",
        "section": "business",
        "headline": "Central Bank of Karvonia holds rates, signals cut later in the year",
        "standfirst": (
            "Governor Mei-Lin Castell said inflation was falling faster than expected but that the bank "
            "wanted to see wages settle first."
        ),
        "dateline": "Frankfurt",
        "hours_ago": 55,
        "topics": ["Economy", "Interest rates"],
        "people": ["mei-lin-castell"],
        "photo": {
            "scene": "speaker",
            "caption": "Central Bank of Karvonia Governor Mei-Lin Castell at a news conference in Frankfurt.",
            "alt": "The silhouette of a speaker at a lectern with microphones before a softly lit backdrop.",
            "by": "Priya Raman",
        },
        "body": """
            The Central Bank of Karvonia left its main interest rate unchanged at 4.25 percent, but
            Governor Mei-Lin Castell said a cut was likely before the end of the year if inflation
            kept falling.

            “We are closer to the end of this journey than to its beginning,” Castell said at a news
            conference after the decision. She was speaking in Frankfurt, where she is attending a
            meeting of central bankers.

            Annual inflation in Karvonia eased to 3.1 percent last month from a peak of 9.4 percent
            two years ago. The bank now expects it to reach its 2 percent target in the second half
            of next year, earlier than it forecast in the spring.

            Castell noted that wage growth remained close to 6 percent and said the bank wanted to
            see the outcome of this autumn's public-sector pay talks before moving. Asked whether
            markets were right to expect two cuts by the spring, she said: “Markets are entitled to
            their opinion. We are entitled to wait.”

            She recalled that the bank had raised rates eleven times in eighteen months and said it
            would cut “in smaller steps than we climbed”. Two of the seven members of the
            rate-setting board voted for an immediate cut of a quarter point.

            The Karvonian marka weakened 0.4 percent against the euro after the decision.
        """,
        "quotes": [
            {
                "by": "mei-lin-castell",
                "text": "We are closer to the end of this journey than to its beginning",
                "verb": "said",
                "context": "at a news conference",
                "pull": True,
            },
            {
                "by": "mei-lin-castell",
                "text": "Markets are entitled to their opinion. We are entitled to wait.",
                "verb": "said",
            },
        ],
    },
    {
        "slug": "severa-energy-hires-satellite-startup-to-watch-pipelines",
        "section": "business",
        "headline": "Severa Energy hires satellite startup to watch its pipelines from orbit",
        "standfirst": (
            "Lumen Orbital will use a fleet of small satellites to spot leaks on 2,400 km of Severa's "
            "pipeline network."
        ),
        "dateline": "Singapore",
        "hours_ago": 120,
        "topics": ["Energy", "Space", "Technology"],
        "people": ["oleg-petrashko", "samuel-okonjo"],
        "photo": {
            "scene": "building",
            "caption": (
                "Lumen Orbital's test facility in Singapore, where the pipeline-watching satellites are "
                "prepared."
            ),
            "alt": "A row of low office blocks with lit windows at dusk.",
            "by": "Priya Raman",
        },
        "body": """
            Severa Energy has signed a five-year contract with Lumen Orbital, a satellite startup,
            to watch its gas pipelines for leaks from space, the two companies said at an industry
            conference.

            Lumen Orbital will use infrared cameras on eight small satellites to scan Severa's
            2,400 km network at least twice a day. The companies did not disclose the value of the
            contract.

            “A leak we find in an hour instead of a month is gas we sell instead of gas we lose,”
            Severa chief executive Oleg Petrashko said. He said the company lost about 1 percent of
            the gas it transported to leaks, most of them small.

            Samuel Okonjo, Lumen Orbital's chief scientist, said the satellites could detect a
            methane plume the size of a tennis court. “From orbit, a pipeline looks like a thin grey
            thread, until it leaks. Then it lights up,” Okonjo told reporters.

            Okonjo recalled that the company's first satellite had been built in a rented garage
            six years ago and said the Severa contract was its largest so far. The company plans to
            launch four more satellites next year.

            Petrashko noted that Estravan regulators would require pipeline operators to report
            methane leaks within two years and said the contract would help Severa meet the rules
            early.
        """,
        "quotes": [
            {
                "by": "oleg-petrashko",
                "text": "A leak we find in an hour instead of a month is gas we sell instead of gas we lose",
                "verb": "said",
                "pull": True,
            },
            {
                "by": "samuel-okonjo",
                "text": (
                    "From orbit, a pipeline looks like a thin grey thread, until it leaks. Then it lights up"
                ),
                "verb": "told reporters",
            },
        ],
    },
    {
        # Under embargo: partners with an API key have it now, readers once the embargo lifts.
        "slug": "karvonia-central-bank-inflation-report-sees-prices-back-on-target",
        "state": "embargoed",
        "section": "business",
        "headline": "Karvonia's central bank sees inflation back on target by the spring",
        "standfirst": (
            "The bank's quarterly report, handed to partners under embargo, forecasts inflation of "
            "2.1 percent in the first quarter and slower growth in wages."
        ),
        "dateline": "Frankfurt",
        "hours_ago": 0.5,
        "embargo_hours_ahead": 4,
        "topics": ["Economy", "Interest rates"],
        "people": ["mei-lin-castell"],
        "photo": None,
        "body": """
            The Central Bank of Karvonia expects inflation to return to its 2 percent target by the
            spring, its quarterly report said, forecasting 2.1 percent for the first quarter after
            3.4 percent in the last.

            The report lowered the bank's forecast for wage growth to 3.8 percent from 4.5 percent,
            which economists said made a cut in interest rates at the next meeting more likely.

            “The road back to target is shorter than we feared, but it is not yet behind us,”
            Governor Mei-Lin Castell wrote in the foreword to the report.

            The bank kept its growth forecast for the year at 1.2 percent and said the main risk to
            the outlook was a renewed rise in energy prices over the winter.

            Castell is due to present the report to parliament's finance committee next week, where
            members of the opposition have pressed the bank to move faster.

            “We would rather be a month late than a year wrong,” Castell said in a statement that
            accompanied the report.
        """,
        "quotes": [
            {
                "by": "mei-lin-castell",
                "text": "The road back to target is shorter than we feared, but it is not yet behind us",
                "verb": "wrote",
                "context": "in the foreword to the report",
                "pull": True,
            },
            {
                "by": "mei-lin-castell",
                "text": "We would rather be a month late than a year wrong",
                "verb": "said",
                "context": "in a statement",
            },
        ],
    },
]
