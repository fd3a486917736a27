"""StreamField blocks for the body of an article."""

import hashlib

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from pagecache import versioned

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "title"
        template = "components/streamfield/blocks/heading_block.html"
        description = "A sub-heading inside the story."


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    person = SnippetChooserBlock(
        "articles.Person",
        required=False,
        help_text="Who said it. Not in People? Open “Speaker not in People” below instead.",
    )
    speaker = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="A one-off speaker's name, when no person is chosen.",
    )
    role = blocks.CharBlock(
        max_length=200, required=False, help_text="e.g. Special Envoy (empty: the person's own)"
    )
    organisation = blocks.CharBlock(
        max_length=200,
        required=False,
        help_text="Organisation or country (empty: the person's own).",
    )
    source_url = blocks.URLBlock(
        label="Source URL",
        required=False,
        help_text="Where the words were said (transcript, statement).",
    )

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/quote_block.html"
        description = "A quotation attributed to a named speaker."
        # The free-text speaker is the exception: folded away (static/js/admin/quote_block.js
        # folds it whenever a person is chosen and opens it when none is). Layout only: the
        # stored value keeps its shape.
        form_layout = blocks.BlockGroup(
            children=[
                "text",
                "person",
                blocks.BlockGroup(
                    ["speaker", "role", "organisation"],
                    heading="Speaker not in People, or another role",
                    help_text="Name a one-off speaker here, or give a role or organisation other "
                    "than the chosen person's.",
                    classname="collapsed quote-speaker",
                    icon="user",
                    label_format="{speaker} {role} {organisation}",
                ),
                "source_url",
            ]
        )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("person") and not (value.get("speaker") or "").strip():
            raise StructBlockValidationError(
                block_errors={"speaker": ValidationError("Choose a person or name the speaker.")}
            )
        return value


class ReadMoreBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        page_type="articles.ArticlePage",
        label="Story",
        required=False,
        help_text="A story on this site; its current headline is shown, in the reader's "
        "language when the story is translated.",
    )
    url = blocks.URLBlock(label="URL", required=False, help_text="Or an external story…")
    title = blocks.CharBlock(
        label="Headline", required=False, max_length=255, help_text="…and its headline."
    )

    class Meta:
        icon = "link"
        template = "components/streamfield/blocks/read_more_block.html"
        description = 'A "READ MORE" link to a related story.'

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        target = value.get("page")
        story = (parent_context or {}).get("page")
        if (
            target is not None
            and hasattr(story, "body")
            and getattr(story, "locale_id", target.locale_id) != target.locale_id
        ):
            # A story in Spanish links to the Spanish version of the target when there is one.
            target = translated_targets(story).get(str(target.translation_key), target)
        context["target"] = target
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not (value.get("url") and value.get("title")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError("Choose a story, or give an external URL and title.")
                }
            )
        return value


def translated_targets(story) -> dict:
    """The live, public translations into the story's language of the stories its READ MORE
    blocks name in another language, by translation key: one query for the whole body (and
    none once cached), remembered on the story for the rest of the render."""
    memo = getattr(story, "_read_more_translations", None)
    if memo is not None:
        return memo
    targets = [
        block.value["page"]
        for block in story.body
        if block.block_type == "read_more"
        and block.value.get("page") is not None
        and block.value["page"].locale_id != story.locale_id
    ]
    keys = sorted({str(target.translation_key) for target in targets})
    memo = {}
    if keys:
        model = type(targets[0])

        def compute():
            found = (
                model.objects.filter(translation_key__in=keys, locale_id=story.locale_id)
                .live()
                .public()
            )
            return {str(page.translation_key): page for page in found}

        digest = hashlib.sha256(" ".join(keys).encode()).hexdigest()[:32]
        memo = versioned.cached(f"read-more:{story.locale_id}:{digest}", compute)
    story._read_more_translations = memo
    return memo


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        label="Alt text",
        max_length=255,
        help_text="Describe the image for readers who can't see it.",
    )
    caption = blocks.CharBlock(max_length=255, required=False)
    credit = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "components/streamfield/blocks/image_block.html"
        description = "An image with alt text, caption and credit."


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        template="components/streamfield/blocks/paragraph_block.html",
        icon="pilcrow",
        description="Text with inline links to sources.",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    read_more = ReadMoreBlock()
    image = CaptionedImageBlock()
    embed = EmbedBlock(
        icon="media",
        template="components/streamfield/blocks/embed_block.html",
        description="A video or social post, from its URL.",
    )
