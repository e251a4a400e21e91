"""Inline previews of attachments on the case page (issue 14): ``GET /anhaenge/{id}/vorschau``.

Only five types are ever rendered in the browser — PNG, JPEG, GIF, WebP and PDF — and only when
the stored bytes start with that type's signature (a ``.pdf`` that is really HTML, or an "image"
that is SVG, is never served inline). Everything else is download only (``/anhaenge/{id}``,
``application/octet-stream``). A preview answers with ``Content-Disposition: inline``,
``X-Content-Type-Options: nosniff`` and a CSP that sandboxes the document and lets only our own
pages frame it; the case page shows images as ``<img>`` and PDFs in an ``<iframe>``. The frame
is sandboxed by that CSP, not by the iframe's ``sandbox`` attribute: Chromium refuses to show a
PDF in a frame with that attribute (measured: blocked with any attribute value, shown with the
CSP ``sandbox``)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from models import Attachment, AttachmentBlob
from web.downloads import attachment_disposition
from web.params import DbId
from web.security import DOWNLOAD_CSP, DbSession, PageUser

router = APIRouter(include_in_schema=False)

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
PDF_TYPE = "application/pdf"
# The preview document itself: nothing may load or run in it, and only our own pages may frame it.
PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'"


def claimed_type(content_type: str | None) -> str:
    """``image/PNG; name=x`` → ``image/png``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def sniffed_type(data: bytes) -> str | None:
    """The previewable type the bytes' signature shows, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return PDF_TYPE
    return None


def preview_kind(content_type: str | None) -> str | None:
    """For the case page: "image", "pdf" or None (download only) by the declared type. The route
    checks the bytes as well, so a mismatch shows no preview, never the content."""
    kind = claimed_type(content_type)
    if kind in IMAGE_TYPES:
        return "image"
    if kind == PDF_TYPE:
        return "pdf"
    return None


def inline_type(content_type: str | None, data: bytes) -> str | None:
    """The type to serve ``data`` inline with, or None: declared and signature must agree."""
    declared = claimed_type(content_type)
    if declared not in (*IMAGE_TYPES, PDF_TYPE):
        return None
    return declared if sniffed_type(data) == declared else None


@router.get("/anhaenge/{attachment_id}/vorschau")
def preview_attachment(attachment_id: DbId, db: DbSession, user: PageUser):
    attachment = db.get(Attachment, attachment_id)
    if attachment is None:
        raise HTTPException(404, "Anhang nicht gefunden.")
    blob = db.get(AttachmentBlob, attachment.sha256)
    data = blob.data if blob else b""
    media_type = inline_type(attachment.content_type, data)
    if media_type is None:
        return Response(
            "Für diesen Anhang gibt es keine Vorschau. Bitte laden Sie ihn herunter.",
            status_code=415,
            media_type="text/plain; charset=utf-8",
            headers={"Content-Security-Policy": DOWNLOAD_CSP, "X-Content-Type-Options": "nosniff"},
        )
    headers = {
        "Content-Disposition": attachment_disposition(attachment.filename, f"anhang-{attachment.id}", inline=True),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": PREVIEW_CSP,
        "X-Frame-Options": "SAMEORIGIN",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "private, no-store",
    }
    return Response(data, media_type=media_type, headers=headers)
