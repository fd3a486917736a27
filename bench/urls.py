"""The site's URLs plus the benchmark's floor (ROOT_URLCONF of newsroom.settings.bench).

The floor comes first, ahead of Wagtail's catch-all, as it did inside newsroom.urls; requests
pass through the same MIDDLEWARE either way. The error handlers are the site's own.
"""

from django.urls import path

from newsroom import urls as site

from .views import floor

urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *site.urlpatterns]

handler400 = site.handler400
handler500 = site.handler500
