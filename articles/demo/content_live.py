"""The demo's live blog: floods on the (invented) Velna river, a dozen entries over a morning.

Plain data like the rest of the demo (articles/demo/content.py); the loader posts the entries
through the same service the live desk uses. Quotes are by people of content_people.py, and
each quote's words are in its entry, as the integrity rule asks.
"""

LIVE_BLOG = {
    "slug": "velna-floods-live",
    "section": "world",
    "headline": "Velna floods: river crests at Dorvik as towns evacuate",
    "standfirst": (
        "Follow the flood on the Velna as it happens: evacuations, closed bridges and the"
        " crest's path downstream."
    ),
    "body": (
        "The Velna river burst its banks overnight after three days of rain. This page "
        "follows the flood as it moves downstream."
    ),
    "dateline": "Dorvik",
    "topics": [
        "Velna river",
        "Climate",
    ],
    "people": [
        "mei-lin-castell",
        "ingrid-solberg-aune",
    ],
    "hours_ago": 5,
    "entries": [
        {
            "at": 0,
            "text": (
                "Good morning. The Velna rose above its banks at Dorvik just after 4 am, and the "
                "water is still climbing."
            ),
            "key": True,
            "headline": "River bursts its banks at Dorvik",
        },
        {
            "at": 12,
            "text": (
                "Police have closed the old stone bridge in the town centre. The new bridge on "
                "the ring road stays open for now."
            ),
        },
        {
            "at": 25,
            "text": (
                "Governor Mei-Lin Castell has ordered the evacuation of the low streets by the "
                'harbour. "Leave now, and take only what you can carry," she said on regional '
                "radio."
            ),
            "quote": {
                "by": "mei-lin-castell",
                "text": "Leave now, and take only what you can carry",
            },
        },
        {
            "at": 41,
            "text": (
                "Buses are taking residents to the sports hall on Linden Hill, which has beds for"
                " about 400 people."
            ),
            "photo": True,
        },
        {
            "at": 58,
            "text": (
                "Rail services between Dorvik and Malen are suspended: water covers the line at "
                "two crossings."
            ),
        },
        {
            "at": 73,
            "text": (
                "The weather service expects the crest at Dorvik around noon, about forty "
                "centimetres above the 2011 record."
            ),
            "key": True,
            "headline": "Crest expected at noon",
        },
        {
            "at": 90,
            "text": (
                "Ingrid Solberg-Aune of the river authority said the dykes upstream were holding."
                ' "The next six hours decide this," she told reporters.'
            ),
            "quote": {
                "by": "ingrid-solberg-aune",
                "text": "The next six hours decide this",
            },
        },
        {
            "at": 104,
            "text": ("Schools in Dorvik and the three villages downstream are closed today and tomorrow."),
        },
        {
            "at": 121,
            "text": (
                "Where to get help: the council's flood line is open all day, and the sports hall"
                " takes pets in the east wing."
            ),
            "pinned": True,
            "headline": "Where to get help",
        },
        {
            "at": 139,
            "text": (
                "Volunteers are filling sandbags at the fire station on Quay Street. Organisers "
                "say they need more hands after 2 pm."
            ),
        },
        {
            "at": 157,
            "text": (
                "The ring-road bridge has now closed as well. Dorvik can be reached only from the north."
            ),
            "key": True,
        },
        {
            "at": 176,
            "text": (
                'Castell said the army would send two engineering units by evening. "We will not '
                'leave anyone behind," she said.'
            ),
            "quote": {
                "by": "mei-lin-castell",
                "text": "We will not leave anyone behind",
            },
        },
        {
            "at": 190,
            "text": (
                "Water has reached the steps of the town hall. The river authority now measures "
                "6.4 metres at the Dorvik gauge."
            ),
        },
    ],
}
