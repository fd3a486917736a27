"""StreamField blocks for the body of an article."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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
        "articles.Person", required=False, help_text="Who said it: choose a person…"
    )
    speaker = blocks.CharBlock(
        max_length=200, required=False, help_text="…or type a one-off speaker's name."
    )
    role = blocks.CharBlock(
        max_length=200, required=False, help_text="e.g. Special Envoy (defaults to the person's)"
    )
    organisation = blocks.CharBlock(
        max_length=200, required=False, help_text="Organisation or country."
    )
    source_url = blocks.URLBlock(
        required=False, help_text="Where the words were said (transcript, statement)."
    )

    class Meta:
        icon = "openquote"
        template = "components/streamfield/blocks/quote_block.html"
        description = "A quotation attributed to a named speaker."

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
        required=False,
        help_text="A story on this site; its current headline is shown.",
    )
    url = blocks.URLBlock(required=False, help_text="Or an external story…")
    title = blocks.CharBlock(required=False, max_length=255, help_text="…and its headline.")

    class Meta:
        icon = "link"
        template = "components/streamfield/blocks/read_more_block.html"
        description = 'A "READ MORE" link to a related story.'

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not (value.get("url") and value.get("title")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError("Choose a story, or give an external URL and title.")
                }
            )
        return value


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt = blocks.CharBlock(
        max_length=255, help_text="Describe the image for readers who can't see it."
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
