"""Presence and attachment previews in real headless Chromium (issue 14): Anna and Ben, in two
browser contexts, open the same case and each sees "… bearbeitet diesen Fall gerade" with the
other's display name; when Ben leaves, Anna's line disappears. The PNG attachment shows as an
image below its link, the PDF in a frame sandboxed by the preview's CSP — with the page's CSP intact (no console
errors). Screenshots go to the test's temporary directory only."""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Iterator

import pytest

from tests.conftest import assert_png, free_port
from tests.test_browser_case_extras import watch
from tests.test_browser_triage import VIEWPORT, log_in
from tests.test_web_support import add_user, ingest, mail, web_runtime
from web.server import start_web_server
from web.templating import templates

pytestmark = pytest.mark.browser


def png(width: int = 4, height: int = 3) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xb3\x5c\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 24 Tf 20 100 Td (Bescheid) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Iterator[tuple]:
    monkeypatch.setitem(templates.env.globals, "PRESENCE_HEARTBEAT_SECONDS", 1)  # not 15 s in a test
    runtime = web_runtime(f"sqlite:///{tmp_path / 'presence.db'}")
    add_user(runtime, "anna", "berater")
    add_user(runtime, "ben", "berater")
    web = start_web_server(runtime, host="127.0.0.1", port=free_port())
    try:
        yield runtime, web.url
    finally:
        web.stop()
        runtime.engine.dispose()


def test_two_consultants_see_each_other_and_previews_show(browser, desk, tmp_path):
    runtime, base = desk
    reference = ingest(
        runtime, mail("Foto vom Serverraum", "Anbei ein Foto.", attachment=("serverraum.png", png(), "image/png"))
    )
    pdf_reference = ingest(
        runtime, mail("Bescheid als PDF", "Anbei.", attachment=("antrag.pdf", PDF, "application/pdf"))
    )

    anna_context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    ben_context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    anna, ben = anna_context.new_page(), ben_context.new_page()
    anna_errors, ben_errors = watch(anna), watch(ben)
    log_in(anna, base, "anna")
    log_in(ben, base, "ben")
    anna.goto(f"{base}/faelle/{reference}")
    assert anna.locator("#presence").is_hidden()  # alone on the case
    ben.goto(f"{base}/faelle/{reference}")

    ben.get_by_text("Anna bearbeitet diesen Fall gerade").wait_for()
    anna.get_by_text("Ben bearbeitet diesen Fall gerade").wait_for(timeout=5000)

    image = anna.locator(".attachment-preview img")
    image.wait_for()
    deadline = time.monotonic() + 10
    while not anna.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth === 4)"):
        assert time.monotonic() < deadline, "preview image did not load"
        time.sleep(0.1)
    link = anna.get_by_role("link", name="serverraum.png")
    assert link.bounding_box()["y"] < image.bounding_box()["y"]  # below the link
    anna.screenshot(path=str(tmp_path / "presence.png"), full_page=True)

    ben.goto(f"{base}/faelle/{pdf_reference}")  # Ben leaves Anna's case
    deadline = time.monotonic() + 10
    while anna.locator("#presence").is_visible():
        assert time.monotonic() < deadline, "Ben's presence did not end"
        time.sleep(0.2)
    frame = ben.locator(".attachment-preview iframe")
    frame.wait_for()
    assert frame.get_attribute("src").endswith("/vorschau")
    content = frame.element_handle().content_frame()
    assert content is not None and content.url.endswith("/vorschau")  # not Chromium's "blocked" page
    ben.wait_for_timeout(1500)  # the PDF viewer draws
    ben.screenshot(path=str(tmp_path / "pdf-preview.png"), full_page=True)

    anna_context.close()
    ben_context.close()
    assert not anna_errors and not ben_errors, (anna_errors, ben_errors)
    assert_png(tmp_path / "presence.png")
    assert_png(tmp_path / "pdf-preview.png")
