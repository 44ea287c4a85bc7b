from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from . import views

app_name = "portal"

urlpatterns = [
    path("cari/", views.search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
