"""Seed the soak database: a few hundred published stories, people, quotes and desk editors.

Run by soak/run.py as `python -m soak.seed N_STORIES N_EDITORS` with the soak's DATABASE_URL;
prints what the load needs (story ids and slugs, editors' logins) as JSON.
"""

import datetime
import json
import secrets
import sys

import django


def seed(n_stories, n_editors):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from articles.derived.search import index_all
    from articles.models import Article, Person, Quote, Section, Topic

    now = timezone.now()
    sections = [
        Section.objects.create(name=name, slug=name.lower(), position=i)
        for i, name in enumerate(["World", "Politics", "Business", "Science", "Culture"])
    ]
    topics = [Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(10)]
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", slug=f"person-{i}", role="Spokesperson") for i in range(30)
    )
    stories = Article.objects.bulk_create(
        Article(
            headline=f"Soak story {i}: talks resume",
            slug=f"soak-story-{i}",
            section=sections[i % len(sections)],
            standfirst="Negotiators meet again.",
            body="".join(
                f"<p>Paragraph {p} of story {i}. “We will talk,” Person {i % 30} said.</p>" for p in range(8)
            ),
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(minutes=i),
            version=1,
        )
        for i in range(n_stories)
    )
    Quote.objects.bulk_create(
        Quote(article=story, speaker=people[i % 30], text="We will talk", order=0)
        for i, story in enumerate(stories)
    )
    for i, story in enumerate(stories):
        story.people.add(people[i % 30])
        story.topics.add(topics[i % 10])
    index_all()
    editors = []
    group = Group.objects.get(name="Editor")
    for i in range(n_editors):
        password = secrets.token_urlsafe(16)
        user = get_user_model().objects.create_user(f"soak-editor-{i}", password=password, is_staff=True)
        user.groups.add(group)
        editors.append([user.username, password])
    return {
        "stories": [[story.pk, story.slug] for story in stories],
        "sections": [section.slug for section in sections],
        "people": [person.slug for person in people],
        "topics": [topic.slug for topic in topics],
        "editors": editors,
    }


if __name__ == "__main__":
    django.setup()
    print(json.dumps(seed(int(sys.argv[1]), int(sys.argv[2]))))
