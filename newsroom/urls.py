"""URL configuration: admin, feeds, sitemaps, reader views, then Wagtail's page tree."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from articles import admin_views as article_admin_views
from articles import feeds
from articles import views as article_views
from articles.sitemaps import PageSitemap, TopicSitemap, news_sitemap, robots_txt
from core import health
from newsroom import pagepassword
from newsroom.searchlimit import limit_uncached_searches
from newsroom.views import StaticRedirect

urlpatterns = [
    # Load balancer and orchestrator probes: never cached (pagecache excludes /health/, the
    # answers say no-store), DEBUG lines in the log, no session or sign-in involved.
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    # Ahead of Wagtail's own, which names any page (drafts too) to any admin user.
    path("admin/choose-page/chosen-multiple/", article_admin_views.chosen_multiple),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comments/", include("comments.urls")),
    path("captcha/", include("captcha.urls")),
    path("feed/", feeds.LatestStoriesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestStoriesAtomFeed(), name="feed-atom"),
    path("feed/section/<slug:slug>/", feeds.SectionFeed(), name="feed-section"),
    path("feed/section/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="feed-section-atom"),
    path("feed/topic/<slug:slug>/", feeds.TopicFeed(), name="feed-topic"),
    path("feed/topic/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="feed-topic-atom"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap, "topics": TopicSitemap}},
        name="sitemap",
    ),
    path("sitemap-news.xml", news_sitemap, name="sitemap-news"),
    path("robots.txt", robots_txt, name="robots"),
    # Browsers and crawlers ask for these at the root whatever the page's <link rel="icon">.
    path("favicon.ico", StaticRedirect.as_view(path="img/favicon.ico"), name="favicon"),
    path(
        "apple-touch-icon.png",
        StaticRedirect.as_view(path="img/apple-touch-icon.png"),
        name="apple-touch-icon",
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Reader pages answer in English at /, Spanish at /es/ and Arabic at /ar/.
urlpatterns += i18n_patterns(
    path("search/", limit_uncached_searches(article_views.search), name="search"),
    path("topics/<slug:slug>/", article_views.topic, name="topic"),
    path("authors/<slug:slug>/", article_views.author, name="author"),
    path("people/", article_views.people, name="people"),
    path("safety/", include("safety.urls")),
    path("people/<slug:slug>/", article_views.person, name="person"),
    path("archive/<int:year>/", article_views.archive, name="archive-year"),
    path("archive/<int:year>/<int:month>/", article_views.archive, name="archive-month"),
    # Wagtail's private-page password form, with a limit on wrong guesses per address.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        pagepassword.authenticate_with_password,
        name="page-password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database outage answers 503 with Retry-After; any other error keeps the 500 page.
handler500 = "newsroom.views.server_error_or_unavailable"
# Malformed requests get the site's own page; neither handler reads the request body.
handler400 = "newsroom.views.bad_request"
