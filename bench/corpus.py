"""Deterministic, realistic-looking newsroom copy for the benchmark archive.

Story `i` (1 is the newest) is the same whichever run makes it, so an archive can
grow from 1,000 to 1,000,000 stories by adding the older ones. Words follow a
Zipf law over a few thousand words (a handful are everywhere, most are rare);
people and topics likewise come from pools, and quotes are sentences of the
body attributed to the story's people, as the desk's publish check requires.
"""

import bisect
import datetime
import itertools
import random
from dataclasses import dataclass, field

from django.utils.text import slugify
from faker.providers.lorem.en_US import Provider as Lorem
from faker.providers.person.en_US import Provider as Names

BODY_WORDS = 600
QUOTES_PER_STORY = 3
TOPICS_PER_STORY = 4
PEOPLE_PER_STORY = 2
TOPIC_POOL = 200
SECTIONS = ["World", "Politics", "Business", "Science", "Technology", "Sport", "Culture", "Opinion"]
# About 200 stories a day: the archive's span grows with its size, as a newsroom's does.
STORY_INTERVAL = datetime.timedelta(seconds=432)
# One story in fifty is a draft: lists must skip them through the index.
DRAFT_EVERY = 50
ROLES = [
    "Foreign Minister",
    "Economy Minister",
    "spokesperson",
    "chief executive",
    "mayor",
    "professor",
    "union leader",
    "central bank governor",
    "opposition leader",
    "coach",
    "analyst",
    "ambassador",
]
ORGANISATIONS = [
    "Ministry of Foreign Affairs",
    "City Council",
    "Northern Energy",
    "State University",
    "Central Bank",
    "Dock Workers' Union",
    "National Museum",
    "Harbour Authority",
]
PLACES = ["Moscow", "Berlin", "Lagos", "Lima", "Oslo", "Hanoi", "Nairobi", "Quebec", "Porto", "Tbilisi"]
AGENCIES = ["", "", "NWS", "WIRE"]
VERBS = ["said", "said", "said", "noted", "added", "told reporters", "warned"]

LAST_NAMES = list(Names.last_names)
_vocabulary = list(Lorem.word_list) + [name.lower() for name in LAST_NAMES]
random.Random(7).shuffle(_vocabulary)
VOCABULARY = _vocabulary
# Zipf–Mandelbrot weights, as English word counts follow: frequency ∝ 1 / (rank + 2.7).
_WORD_WEIGHTS = list(itertools.accumulate(1 / (rank + 2.7) for rank in range(1, len(VOCABULARY) + 1)))
_TOPIC_WEIGHTS = list(itertools.accumulate(1 / rank**0.8 for rank in range(1, TOPIC_POOL + 1)))
# Longest words first, ties in alphabetical order: a set's order changes from one process to
# the next (string hashing is salted), and the seed, the measurements and the peer must agree
# on which topic has which popularity rank.
TOPIC_NAMES = [word.title() for word in sorted(set(Lorem.word_list), key=lambda w: (-len(w), w))[:TOPIC_POOL]]
FIRST_NAMES = list(Names.first_names_female) + list(Names.first_names_male)


def people_pool(stories):
    """People the archive knows: more as it grows (a person per 25 stories, at least 100)."""
    return max(100, stories // 25)


def topic_share(rank):
    """The share of stories tagged with the topic of this popularity rank (1 is the commonest)."""
    weight = 1 / rank**0.8
    return min(1.0, TOPICS_PER_STORY * weight / _TOPIC_WEIGHTS[-1])


@dataclass
class PersonCopy:
    index: int
    name: str
    slug: str
    role: str
    organisation: str
    bio: str


@dataclass
class StoryCopy:
    index: int
    headline: str
    slug: str
    standfirst: str
    paragraphs: list = field(default_factory=list)
    quotes: list = field(default_factory=list)  # (person index, text, verb)
    people: list = field(default_factory=list)  # person indexes
    topics: list = field(default_factory=list)  # topic indexes, 1-based
    section: int = 1
    place: str = ""
    agency: str = ""
    draft: bool = False

    @property
    def body(self):
        return "".join(f"<p>{paragraph}</p>" for paragraph in self.paragraphs)

    @property
    def body_text(self):
        """What articles.search.body_text() makes of the body: one line per paragraph."""
        return "\n".join(self.paragraphs)


class _Stream:
    """A long Zipf-distributed run of words, drawn once: a story reads a slice of it at a
    random offset, which is as random as drawing each word and fifty times faster."""

    words = None
    lengths = None

    @classmethod
    def load(cls):
        if cls.words is None:
            rng = random.Random(11)
            cls.words = rng.choices(VOCABULARY, cum_weights=_WORD_WEIGHTS, k=1 << 21)
            cls.lengths = [rng.randint(8, 20) for _ in range(1 << 12)]
        return cls


class _Reader:
    """Sentences for one story, read from the stream."""

    def __init__(self, rng):
        stream = _Stream.load()
        self.rng = rng
        self.words = stream.words
        self.at = rng.randrange(len(stream.words) - 4 * BODY_WORDS)
        self.lengths = stream.lengths
        self.length_at = rng.randrange(len(stream.lengths))

    def sentence(self, low=8, high=20):
        self.length_at = (self.length_at + 1) % len(self.lengths)
        count = low + (self.lengths[self.length_at] - 8) * (high - low) // 12
        start, self.at = self.at, self.at + count
        return " ".join(self.words[start : self.at]).capitalize()


def person_copy(index):
    rng = random.Random(f"person-{index}")
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return PersonCopy(
        index=index,
        name=name,
        slug=f"{slugify(name)}-{index}",
        role=rng.choice(ROLES),
        organisation=rng.choice(ORGANISATIONS),
        bio=f"{name} is {rng.choice(ROLES)} at {rng.choice(ORGANISATIONS)}. {_Reader(rng).sentence()}.",
    )


def story_copy(index, person_names):
    """Story `index`; `person_names(i)` gives the name of person i (1-based)."""
    rng = random.Random(index)
    text = _Reader(rng)
    headline = text.sentence(6, 10)
    people = rng.sample(range(1, people_pool(index) + 1), PEOPLE_PER_STORY)
    topics = set()
    while len(topics) < TOPICS_PER_STORY:
        topics.add(bisect.bisect_left(_TOPIC_WEIGHTS, rng.random() * _TOPIC_WEIGHTS[-1]) + 1)
    story = StoryCopy(
        index=index,
        headline=headline,
        slug=f"{slugify(headline)[:200]}-{index}",
        standfirst=f"{text.sentence(15, 25)}.",
        people=people,
        topics=sorted(topics),
        section=rng.randint(1, len(SECTIONS)),
        place=rng.choice(PLACES),
        agency=rng.choice(AGENCIES),
        draft=index % DRAFT_EVERY == 0,
    )
    quoted = {2: 0, 4: 1, 6: 0}  # paragraph number -> which of the story's people speaks
    words = 0
    paragraph = 0
    while words < BODY_WORDS:
        paragraph += 1
        sentences = [text.sentence() for _ in range(3 + paragraph % 4)]
        if paragraph in quoted:
            speaker = people[quoted[paragraph]]
            said, verb = text.sentence(10, 18), VERBS[index % len(VERBS)]
            story.quotes.append((speaker, said, verb))
            sentences.insert(1, f"“{said},” {person_names(speaker)} {verb}")
        elif paragraph == 1:
            sentences.insert(0, f"{person_names(people[1])} arrived in {story.place} on Tuesday")
        paragraph_text = ". ".join(sentences) + "."
        words += paragraph_text.count(" ") + 1
        story.paragraphs.append(paragraph_text)
    return story


def picture_jpeg(number):
    """Photo `number` of the pool as JPEG bytes (1600 × 1067): the same picture on both sides
    of bench.peer, so that both pay for the same renditions."""
    import io

    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((1600, 1067)).convert("RGB")
    draw = ImageDraw.Draw(image)
    hue = (number * 47) % 255
    for step in range(12):
        box = (step * 120, 200 + (step * number) % 400, step * 120 + 240, 700 + (step * 31) % 300)
        draw.ellipse(box, fill=((hue + step * 20) % 255, (80 + step * 13) % 255, (200 - step * 9) % 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
