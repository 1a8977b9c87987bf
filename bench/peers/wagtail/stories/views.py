from django.core.paginator import Paginator
from django.shortcuts import render

from .models import StoryPage


def search(request):
    """Wagtail's search, as the project template's search view does it."""
    query = request.GET.get("q", "")
    results = StoryPage.objects.live().search(query) if query else StoryPage.objects.none()
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "stories/search.html", {"query": query, "results": page})
