from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("cari/", views.search, name="search"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
