from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("news/<slug:slug>/", views.article_detail, name="story"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
]
