"""The invented bylines of the demo newsroom: four staff writers and one contributor from an
agency, and which stories each signed. Write apostrophes as ' : the loader sets them as ’."""

AUTHORS = [
    {
        "slug": "sara-quist",
        "name": "Sara Quist",
        "role": "Diplomatic correspondent",
        "bio": (
            "Covers the Velna River Commission and the talks between Estrava and Karvonia. Before "
            "joining the desk she reported on shipping for a trade weekly."
        ),
        "email": "sara.quist@newsroom.example",
        "links": ["https://social.example/@saraquist"],
        "portrait": {"by": "Maria Lind"},
    },
    {
        "slug": "tomas-berg",
        "name": "Tomas Berg",
        "role": "Politics reporter",
        "bio": "Follows Estrava's coalition, its budget fights and the opposition benches.",
        "portrait": {"by": "Maria Lind"},
    },
    {
        "slug": "nadia-okafor",
        "name": "Nadia Okafor",
        "role": "Business editor",
        "bio": "Edits the business pages; writes on energy companies and central banks.",
        "links": ["https://social.example/@nadiaokafor", "https://nadiaokafor.example"],
        "portrait": {"by": "Jon Eide"},
    },
    {
        "slug": "jon-ellery",
        "name": "Jon Ellery",
        "role": "Science and culture writer",
        "bio": "Writes about polar research, satellites, museums and the festival circuit.",
        "portrait": None,
    },
    {
        "slug": "ivo-karst",
        "name": "Ivo Karst",
        "role": "Correspondent in Saltmarket",
        "organisation": "Karvonian Press Agency",
        "bio": "Reports from Karvonia's capital for the Karvonian Press Agency; a contributor to our desk.",
        "portrait": None,
    },
]

# Story slug -> author slugs, in byline order. A story not listed has no byline.
BYLINES = {
    "estrava-and-karvonia-agree-to-reopen-velna-dam-talks": ["sara-quist", "ivo-karst"],
    "river-commission-warns-of-record-low-water-on-the-velna": ["sara-quist"],
    "karvonia-rules-out-sanctions-in-fishing-dispute": ["ivo-karst"],
    "estravan-prime-minister-confident-of-budget-vote": ["tomas-berg"],
    "opposition-leader-vahl-calls-for-early-election": ["tomas-berg"],
    "estrava-coalition-partners-near-deal-on-irrigation-grants": ["tomas-berg"],
    "severa-energy-posts-first-annual-loss-in-a-decade": ["nadia-okafor"],
    "central-bank-of-karvonia-holds-rates-signals-cut": ["nadia-okafor", "ivo-karst"],
    "severa-energy-hires-satellite-startup-to-watch-pipelines": ["nadia-okafor"],
    "polar-researchers-find-ancient-lake-beneath-halvard-ice-shelf": ["jon-ellery"],
    "lumen-orbital-puts-first-river-watching-satellite-into-orbit": ["jon-ellery"],
    "lumen-orbital-to-release-first-satellite-map-of-the-velna": ["jon-ellery"],
    "saltmarket-film-festival-opens-with-river-drama": ["jon-ellery"],
    # The Russian desk's own stories (content_ru_stories.py); translations carry their source's.
    "estrava-i-karvoniia-budut-ezhednevno-obmenivatsia-dannymi-o-velne": ["ivo-karst"],
    "severa-enerdzhi-postroit-vetropark-v-uste-velny": ["nadia-okafor"],
}
