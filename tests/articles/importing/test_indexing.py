"""The search and reference indexes after an import (updated once, at the end)."""

import pytest
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import ReferenceIndex

from articles.importing import import_feed
from articles.models import ArticlePage
from tests.articles.importing.helpers import CHECKPOINTS, HARBOUR, RSS, page

pytestmark = pytest.mark.django_db


def test_search_and_reference_indexes_are_updated(section, tmp_path):
    PILImage.new("RGB", (20, 20), "navy").save(tmp_path / "pic.png")
    feed = tmp_path / "feed.xml"
    enclosure = '<enclosure url="pic.png" type="image/png" length="1"/>'
    feed.write_text(RSS.read_text().replace("<title>Talks stall", enclosure + "<title>Talks stall"))
    import_feed(feed, section=section, publish=True)
    harbour, checkpoints = page(HARBOUR), page(CHECKPOINTS)
    found = list(ArticlePage.objects.live().search("Harbour Road crossing"))
    assert harbour in found
    usage = {ref.content_type.model_class() for ref in ReferenceIndex.get_references_to(harbour)}
    assert Redirect in usage
    # The READ MORE on the harbour story is a use of the checkpoints story.
    linking = ReferenceIndex.get_references_to(checkpoints).values_list("object_id", flat=True)
    assert str(harbour.pk) in set(linking)
    assert ReferenceIndex.get_references_to(checkpoints.main_image).exists()
