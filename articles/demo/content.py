"""Everything the demo newsroom contains, as plain data; articles/demo/loader.py puts it in the database.

All of it is invented for this project: the countries Estrava and Karvonia, the Velna river, the
people, organisations, events and photographers. Only the dateline cities are real.
Slugs are the keys the loader looks records up by, so changing one makes a new record.
"""

from .content_people import PEOPLE
from .content_stories import STORIES as NEWS_STORIES
from .content_stories_business import STORIES as BUSINESS_STORIES
from .content_stories_features import STORIES as FEATURE_STORIES

AGENCY = "NWS"
COPYRIGHT = "© NWS"

# A section's `names` are its name in the other editions (Section.local_name).
SECTIONS = [
    {
        "slug": "world",
        "name": "World",
        "names": {"ru": "В мире"},
        "position": 1,
        "description": "International news and diplomacy.",
    },
    {
        "slug": "politics",
        "name": "Politics",
        "names": {"ru": "Политика"},
        "position": 2,
        "description": "Governments, parties, elections.",
    },
    {
        "slug": "business",
        "name": "Business",
        "names": {"ru": "Экономика"},
        "position": 3,
        "description": "Companies, markets, the economy.",
    },
    {
        "slug": "science",
        "name": "Science",
        "names": {"ru": "Наука"},
        "position": 4,
        "description": "Research, space and the climate.",
    },
    {
        "slug": "culture",
        "name": "Culture",
        "names": {"ru": "Культура"},
        "position": 5,
        "description": "Film, art, museums and festivals.",
    },
]

# Topic names as stories and people use them, with the description shown on the topic's page.
TOPICS = {
    "Art": "Artists, collections and exhibitions.",
    "Budget": "Public spending and the fights over it.",
    "Climate": "A changing climate and what it does to rivers, ice and harvests.",
    "Diplomacy": "Talks, treaties and the ministers who make them.",
    "Economy": "Growth, prices and jobs.",
    "Elections": "Campaigns, polls and votes.",
    "Energy": "Gas, power, wind and what households pay for them.",
    "Estravan politics": "The government and opposition of Estrava.",
    "Festivals": "Film, music and arts festivals.",
    "Film": "New films and the people who make them.",
    "Fisheries": "Fishing fleets, quotas and the disputes between them.",
    "Interest rates": "Central banks and the cost of borrowing.",
    "Markets": "Shares, currencies and commodities.",
    "Museums": "Museums, their collections and where they travel.",
    "Polar research": "Science on the ice and beneath it.",
    "Space": "Satellites, launches and what they see.",
    "Technology": "Engineering and the companies behind it.",
    "Velna River": "The river Estrava and Karvonia share, and argue over.",
    "Water": "Who gets water, and how much.",
}

STORIES = NEWS_STORIES + BUSINESS_STORIES + FEATURE_STORIES

# The front page as an editor arranged it: a lead that is not the newest story, and two top
# slots under it (articles/models/front.py). Slugs of published stories above.
FRONT = {
    "lead": "polar-researchers-find-ancient-lake-beneath-halvard-ice-shelf",
    "slots": [
        "severa-energy-posts-first-annual-loss-in-a-decade",
        "saltmarket-film-festival-opens-with-river-drama",
    ],
}

__all__ = ["AGENCY", "COPYRIGHT", "FRONT", "PEOPLE", "SECTIONS", "STORIES", "TOPICS"]
