"""Inline previews of attachments (issue 14): ``/anhaenge/{id}/vorschau`` serves PNG, JPEG, GIF,
WebP and PDF inline — only when the bytes' signature matches the declared type — with
``Content-Disposition: inline``, ``nosniff`` and a sandboxing CSP, to logged-in staff only.
SVG, HTML and a ".pdf" that is HTML are never rendered; the case page shows images as ``<img>``
and PDFs in an ``<iframe>`` (sandboxed by the preview's CSP) below the download link."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from models import Attachment, session_scope
from tests.test_web_support import add_user, ingest, login, mail, web_runtime
from web.app import create_app

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 30
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
HTML = b"<html><script>alert(document.cookie)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture(params=["sqlite", "postgres"])
def runtime(request, tmp_path):
    url = (
        f"sqlite:///{tmp_path / 'preview.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    )
    runtime = web_runtime(url)
    add_user(runtime, "anna", "berater")
    yield runtime
    runtime.engine.dispose()


def stored(runtime, name: str, data: bytes, content_type: str) -> tuple[str, int]:
    reference = ingest(runtime, mail(subject=f"Anhang {name}", attachment=(name, data, content_type)))
    with session_scope(runtime.engine) as session:
        attachment = session.exec(select(Attachment).where(Attachment.filename == name)).one()
        return reference, attachment.id


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("foto.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("animation.gif", GIF, "image/gif"),
        ("bild.webp", WEBP, "image/webp"),
        ("bescheid.pdf", PDF, "application/pdf"),
    ],
)
def test_previewable_types_are_served_inline_with_safe_headers(runtime, name, data, content_type):
    _reference, attachment_id = stored(runtime, name, data, content_type)
    with TestClient(create_app(runtime)) as client:
        login(client, "anna")
        response = client.get(f"/anhaenge/{attachment_id}/vorschau")
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == content_type
    assert response.headers["content-disposition"].startswith(f'inline; filename="{name}"')
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = response.headers["content-security-policy"]
    assert "sandbox" in csp.split("; ") and "default-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "script-src" not in csp
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert "no-store" in response.headers["cache-control"]


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("bericht.pdf", HTML, "application/pdf"),  # HTML claiming to be a PDF
        ("foto.png", SVG, "image/png"),  # SVG claiming to be a PNG
        ("foto.gif", PNG, "image/gif"),  # a real image of another type than declared
        ("grafik.svg", SVG, "image/svg+xml"),  # SVG is never inline
        ("seite.html", HTML, "text/html"),
        ("daten.bin", PDF, "application/octet-stream"),  # undeclared: download only
    ],
)
def test_mismatch_and_other_types_are_download_only(runtime, name, data, content_type):
    reference, attachment_id = stored(runtime, name, data, content_type)
    with TestClient(create_app(runtime)) as client:
        login(client, "anna")
        response = client.get(f"/anhaenge/{attachment_id}/vorschau")
        assert response.status_code == 415
        assert data not in response.content
        assert response.headers["content-type"].startswith("text/plain")
        assert "keine Vorschau" in response.text
        assert "sandbox" in response.headers["content-security-policy"]
        download = client.get(f"/anhaenge/{attachment_id}")  # the download still works, as before
        assert download.status_code == 200 and download.content == data
        assert download.headers["content-type"] == "application/octet-stream"
        assert download.headers["content-disposition"].startswith("attachment;")
        page = client.get(f"/faelle/{reference}").text
    if content_type in ("image/svg+xml", "text/html", "application/octet-stream"):
        assert f"/anhaenge/{attachment_id}/vorschau" not in page  # no preview element at all


def test_preview_only_for_logged_in_staff(runtime):
    _reference, attachment_id = stored(runtime, "foto.png", PNG, "image/png")
    with TestClient(create_app(runtime)) as client:
        response = client.get(f"/anhaenge/{attachment_id}/vorschau", follow_redirects=False)
        assert response.status_code in (302, 303) and "/anmelden" in response.headers["location"]
        assert PNG not in response.content
        assert client.get("/anhaenge/999999/vorschau", follow_redirects=False).status_code in (302, 303)
        login(client, "anna")
        assert client.get("/anhaenge/999999/vorschau").status_code == 404


def test_case_page_shows_image_and_sandboxed_pdf_below_the_link(runtime):
    reference, image_id = stored(runtime, "foto.png", PNG, "image/png")
    raw = mail(subject="Bescheid", attachment=("bescheid.pdf", PDF, "application/pdf"))
    pdf_reference = ingest(runtime, raw)
    with session_scope(runtime.engine) as session:
        pdf_id = session.exec(select(Attachment).where(Attachment.filename == "bescheid.pdf")).one().id
    with TestClient(create_app(runtime)) as client:
        login(client, "anna")
        image_page = client.get(f"/faelle/{reference}")
        pdf_page = client.get(f"/faelle/{pdf_reference}")
    assert re.search(
        rf'<a href="/anhaenge/{image_id}" download>foto.png</a>.*?<img src="/anhaenge/{image_id}/vorschau"',
        image_page.text,
        re.S,
    )
    # The frame is sandboxed by the preview's CSP (test above): Chromium shows no PDF at all in
    # a frame with the sandbox attribute.
    assert re.search(rf'<iframe src="/anhaenge/{pdf_id}/vorschau" title="Vorschau: bescheid.pdf"', pdf_page.text)
    # The page's own CSP stays strict (frames and images from us only, no plugins).
    csp = pdf_page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
