import reversion
from django.db import models
from django.db.models import Q

from .status import published_q


class QuoteQuerySet(models.QuerySet):
    def published(self):
        """Quotes whose story is published: what a reader may see. A live entry's quote goes
        with its entry, which readers see only while the story is a live blog."""
        return self.filter(published_q("article__")).filter(Q(entry__isnull=True) | Q(article__is_live=True))


@reversion.register()
class Quote(models.Model):
    """Words a person said, as attributed in one story."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="quotes")
    # A person with quotes on record cannot vanish from under them.
    speaker = models.ForeignKey("articles.Person", on_delete=models.PROTECT, related_name="quotes")
    text = models.TextField(help_text="The exact words, without quotation marks.")
    verb = models.CharField(
        "attribution verb", max_length=40, default="said", help_text="said, noted, quipped …"
    )
    context = models.CharField(
        max_length=300, blank=True, default="", help_text="Where or when, e.g. “at a briefing”."
    )
    order = models.PositiveSmallIntegerField(default=0)
    # Set for a quote said in a live blog's entry: it is checked against the entry's words and
    # shown there; it goes with the entry when the entry is deleted.
    entry = models.OneToOneField(
        "articles.LiveEntry", on_delete=models.CASCADE, null=True, blank=True, related_name="quote"
    )
    # In a translated story, the quote in the source story these words translate: carried by
    # "Translate" with the original words as a placeholder, which publication refuses until
    # they are translated (articles/models/translation.py).
    translation_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="translations", editable=False
    )
    is_pull_quote = models.BooleanField(
        "pull quote", default=False, help_text="Shown large at the top of the story."
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["article", "order", "id"]
        verbose_name = "quote"
        verbose_name_plural = "quotes"
        indexes = [models.Index(fields=["speaker", "article"], name="quote_speaker_idx")]

    def __str__(self):
        words = self.text if len(self.text) <= 60 else f"{self.text[:57]}…"
        return f"“{words}” — {self.speaker.name}" if self.speaker_id else f"“{words}”"

    @property
    def original(self):
        """The quote these words translate, when its story is public (use with
        select_related("translation_of__article")); None otherwise."""
        original = self.translation_of if self.translation_of_id else None
        return original if original is not None and original.article.is_published else None
