"""Short fragments quoted inside reported speech, read off the fourth held-out set's misses
(docs/quotes.md, "The fourth held-out set, tuned on"). Every sentence is invented for the test."""

from articles.quotes import extract_quotes


def quoted(text: str) -> dict[str, str | None]:
    """Each kept quote's words (outer punctuation stripped) → its speaker."""
    return {q.text.strip(" ,.?!"): q.speaker for q in extract_quotes(text)}


def test_a_fragment_followed_by_of_or_on_after_a_verb_is_the_speakers_wording():
    text = (
        'Tove Lindqvist said her inspectors had found "dozens" of faults. '
        'She added that the yard would share "safety logs" on every vessel.'
    )
    assert quoted(text) == {"dozens": "Tove Lindqvist", "safety logs": "Tove Lindqvist"}


def test_a_fragment_after_a_determiner_and_before_of_stays_a_scare_quote():
    text = 'Tove Lindqvist said the "miracle" of the harbour was over.'
    assert quoted(text) == {}


def test_a_fragment_opening_with_a_preposition_is_the_speakers_wording():
    text = (
        "Foreign Minister Arvo Teder said on Tuesday after a long meeting with his neighbours "
        'in the old town hall that the treaty could be ready "within months".'
    )
    assert quoted(text) == {"within months": "Arvo Teder"}


def test_a_fragment_after_a_modal_is_a_verb_of_the_reported_clause():
    text = 'Coach Imre Balogh said his players would "recover" before the final.'
    assert quoted(text) == {"recover": "Imre Balogh"}


def test_the_object_of_a_warning_after_its_preposition_and_article_is_kept():
    text = 'The farmers\' union Terra Viva warned against a "hasty ban".'
    assert quoted(text) == {"hasty ban": "Terra Viva"}
