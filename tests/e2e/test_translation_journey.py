"""An editor translates a published story into Russian in the desk, is stopped while its quote
still has the English words, publishes it, and a reader on a phone switches language on the
story page (issue 18). Screenshots: test-artifacts/translate-*.png."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from ..factories import ArticleFactory, PersonFactory, QuoteFactory, SectionFactory, UserFactory

PASSWORD = "correct horse battery staple"
RU_HEADLINE = "Волкова: до речного договора остались недели"
RU_QUOTE = "Мы близки к соглашению"


@pytest.mark.django_db(transaction=True)
def test_editor_translates_and_publishes_and_a_reader_switches_language(
    live_server, page_factory, artifacts_dir
):
    UserFactory(username="desk", is_staff=True, is_superuser=True)
    volkova = PersonFactory(name="Irina Volkova", slug="irina-volkova", names={"ru": "Ирина Волкова"})
    story = ArticleFactory(
        published=True,
        headline="Volkova says the river treaty is weeks away",
        slug="volkova-treaty-weeks-away",
        body="<p>“We are close to an agreement,” Foreign Minister Irina Volkova said on Tuesday.</p>",
        section=SectionFactory(name="World", slug="world", names={"ru": "В мире"}),
        people=[volkova],
    )
    QuoteFactory(article=story, speaker=volkova, text="We are close to an agreement")

    editor = page_factory()
    editor.goto(f"{live_server.url}/admin/login/")
    editor.fill("#id_username", "desk")
    editor.fill("#id_password", PASSWORD)
    editor.click("input[type=submit]")
    editor.goto(f"{live_server.url}/admin/articles/article/{story.pk}/change/")
    editor.get_by_role("button", name="Translate into Русский").click()
    expect(editor.locator(".messagelist")).to_contain_text("draft of")
    draft = Article.objects.get(language="ru")
    assert editor.url.endswith(f"/admin/articles/article/{draft.pk}/change/")
    expect(editor.locator(".translations-box")).to_contain_text("the source")
    editor.screenshot(path=str(artifacts_dir / "translate-draft-1280.png"), full_page=True)

    # The headline and body are translated, the quote forgotten: publication says what is left.
    editor.fill("#id_headline", RU_HEADLINE)
    editor.fill("#id_standfirst", "После месячной паузы переговорщики ждут текста до весеннего паводка.")
    body = editor.locator(".prose-editor [contenteditable=true]")
    body.click()
    editor.keyboard.press("Control+A")
    editor.keyboard.type(f"«{RU_QUOTE}», — заявила во вторник министр иностранных дел Ирина Волкова.")
    editor.click("input[name=_publish]")
    expect(editor.locator(".errornote, .errorlist, .messagelist .error").first).to_be_visible()
    expect(editor.locator("body")).to_contain_text("still has the source's words")
    editor.screenshot(path=str(artifacts_dir / "translate-refused-1280.png"), full_page=True)
    assert Article.objects.get(pk=draft.pk).status == Article.Status.DRAFT

    editor.fill("#id_quotes-0-text", RU_QUOTE)
    editor.click("input[name=_publish]")
    expect(editor.locator(".messagelist")).to_contain_text("changed successfully")
    draft.refresh_from_db()
    assert draft.is_published and draft.headline == RU_HEADLINE
    assert draft.slug == "volkova-do-rechnogo-dogovora-ostalis-nedeli"  # from its own headline

    reader = page_factory(viewport={"width": 390, "height": 844})
    reader.goto(f"{live_server.url}{story.get_absolute_url()}")
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    reader.screenshot(path=str(artifacts_dir / "translate-reader-en-390.png"), full_page=True)
    reader.get_by_role("link", name="Русский").first.click()
    expect(reader.locator("h1")).to_have_text(RU_HEADLINE)
    expect(reader.locator("html")).to_have_attribute("lang", "ru")
    assert reader.url == f"{live_server.url}/ru/news/{draft.slug}/"
    reader.screenshot(path=str(artifacts_dir / "translate-reader-ru-390.png"), full_page=True)
    # And back: the Russian page links its English original.
    reader.get_by_role("link", name="English").first.click()
    expect(reader.locator("h1")).to_have_text(story.headline)
