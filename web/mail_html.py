"""Showing a mail's HTML safely: nh3 (ammonia) removes scripts, event handlers, styles and
dangerous URLs; remote images are dropped unless the consultant asks for them (they can
track that a mail was read). The page's CSP is a second line of defence."""

from __future__ import annotations

from dataclasses import dataclass

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) - {"area", "map"}
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["img"] = {"src", "alt", "width", "height"}
_ATTRIBUTES["a"] = {"href", "title"}


@dataclass(frozen=True)
class SanitisedHtml:
    html: str
    blocked_images: int


def sanitise_mail_html(html: str, *, allow_remote_images: bool = False) -> SanitisedHtml:
    blocked = 0

    def keep_attribute(tag: str, attribute: str, value: str) -> str | None:
        nonlocal blocked
        lowered = value.strip().lower()
        if tag == "img" and attribute == "src":
            if lowered.startswith("data:image/") and not lowered.startswith("data:image/svg"):
                return value
            if lowered.startswith(("http://", "https://", "//")) and allow_remote_images:
                return value
            blocked += 1
            return None
        if tag == "a" and attribute == "href" and not lowered.startswith(("http://", "https://", "mailto:", "#")):
            return None
        return value

    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags={"script", "style", "title", "head", "template", "noscript"},
        attributes=_ATTRIBUTES,
        attribute_filter=keep_attribute,
        url_schemes={"http", "https", "mailto", "data"},
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )
    return SanitisedHtml(cleaned, blocked)
