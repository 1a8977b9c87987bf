"""The story shape of the project, built the way Wagtail's documentation builds a news site:
a Page subclass with a StreamField body (paragraphs and quote blocks), a custom image model
carrying the credit (renditions through Wagtail's own `{% picture %}`), people as snippets
and topics as taggit tags through a ParentalKey."""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.models import register_snippet


class CreditedImage(AbstractImage):
    credit = models.CharField(max_length=255)

    admin_form_fields = (*Image.admin_form_fields, "credit")


class CreditedRendition(AbstractRendition):
    image = models.ForeignKey(CreditedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_snippet
class Person(index.Indexed, models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    role = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role"), FieldPanel("organisation")]
    search_fields = [index.SearchField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class QuoteBlock(blocks.StructBlock):
    person = SnippetChooserBlock("stories.Person")
    text = blocks.TextBlock()
    verb = blocks.CharBlock(default="said")

    class Meta:
        template = "stories/blocks/quote.html"
        icon = "openquote"


class StoryIndexPage(Page):
    """The site's home: every story, newest first, 20 a page; `?tag=` narrows to a topic."""

    subpage_types = ["stories.StoryPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = (
            StoryPage.objects.live()
            .child_of(self)
            .select_related("lead_image")
            .order_by("-first_published_at")
        )
        tag = request.GET.get("tag")
        if tag:
            stories = stories.filter(tags__slug=tag)
        context["stories"] = Paginator(stories, 20).get_page(request.GET.get("page"))
        context["tag"] = tag
        return context


class StoryPage(Page):
    standfirst = models.TextField(blank=True)
    dateline = models.CharField(max_length=100, blank=True)
    lead_image = models.ForeignKey(
        CreditedImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField([("paragraph", blocks.RichTextBlock()), ("quote", QuoteBlock())])
    tags = ClusterTaggableManager(through=StoryTag, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("dateline"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("standfirst"), index.SearchField("body")]
    parent_page_types = ["stories.StoryIndexPage"]
