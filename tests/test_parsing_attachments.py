"""Attachments: names (RFC 2231, RFC 2047, raw 8-bit), SHA-256, inline images, embedded messages."""

from __future__ import annotations

import base64
import hashlib

from intake.parsing import parse


def multipart(*parts: str, subtype: str = "mixed") -> bytes:
    body = "".join(f"--XX\n{part}\n" for part in parts)
    return (
        "From: a@gemeinde-x.de\nTo: b@tfm.thueringen.de\nSubject: Anhang\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/{subtype}; boundary="XX"\n\n{body}--XX--\n'
    ).encode()


def test_rfc2047_name_in_quotes_and_rfc2231_continuations():
    data = base64.b64encode(b"%PDF-1.4 x").decode()
    raw = multipart(
        "Content-Type: text/plain\n\nText",
        "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        f'Content-Disposition: attachment; filename="=?utf-8?Q?F=C3=B6rderantrag.pdf?="\n\n{data}',
        "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename*0*=iso-8859-1''Gr%F6%DFe; filename*1=.pdf\n\n"
        f"{data}",
    )
    parsed = parse(raw)
    assert [a.filename for a in parsed.attachments] == ["Förderantrag.pdf", "Größe.pdf"]
    first = parsed.attachments[0]
    assert first.data == b"%PDF-1.4 x"
    assert first.size == 10
    assert first.sha256 == hashlib.sha256(b"%PDF-1.4 x").hexdigest()
    assert first.content_type == "application/pdf"
    assert first.inline is False


def test_raw_8bit_filename_is_decoded_with_the_message_charsets():
    raw = multipart(
        "Content-Type: text/plain; charset=iso-8859-1\n\nText",
        'Content-Type: image/jpeg\nContent-Disposition: attachment; filename="Hofj\xe4gerallee.jpg"\n\nxx',
    ).replace("Hofj\xe4gerallee".encode(), "Hofjägerallee".encode("latin-1"))
    assert parse(raw).attachments[0].filename == "Hofjägerallee.jpg"


def test_inline_image_with_content_id_is_recognised():
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n").decode()
    raw = multipart(
        'Content-Type: text/html; charset=utf-8\n\n<p>Logo: <img src="cid:logo@x"></p>',
        f"Content-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <logo@x>\n\n{png}",
        subtype="related",
    )
    parsed = parse(raw)
    (image,) = parsed.attachments
    assert image.inline is True
    assert image.content_id == "<logo@x>"
    assert parsed.body_text == "Logo:"


def test_attached_message_keeps_its_exact_bytes_and_gives_the_original_sender():
    inner = "From: Erika <erika@lk-gotha.de>\nSubject: Phishing\nX-Empty: \n\nBitte pruefen.\n"
    raw = multipart("Content-Type: text/plain\n\nSiehe Anhang.", f"Content-Type: message/rfc822\n\n{inner}")
    parsed = parse(raw)
    (attached,) = parsed.attachments
    assert attached.is_message is True
    assert attached.filename == "Phishing.eml"
    assert attached.data == inner.encode()
    assert parsed.original_sender.address == "erika@lk-gotha.de"
    assert parsed.original_text == "Bitte pruefen."
    assert parsed.body_text == "Siehe Anhang."  # the attached mail is not mixed into the body


def test_broken_base64_and_uuencode_without_begin_line():
    raw = multipart(
        "Content-Type: text/plain\n\nText",
        "Content-Type: video/quicktime\nContent-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename=v.mov\n\n/9j/4AAQSkZJABC123456",
        "Content-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n"
        "Content-Disposition: attachment; filename=h.txt\n\n,2&5L;&\\@6F%M;6%D\n`",
    )
    video, text = parse(raw).attachments
    assert video.data == base64.b64decode("/9j/4AAQSkZJABC12345")
    assert text.data == b"Hello Zammad"


def test_plain_and_html_alternatives_give_plain_body_and_keep_html():
    raw = multipart(
        "Content-Type: text/plain; charset=utf-8\n\nHallo Welt",
        "Content-Type: text/html; charset=utf-8\n\n<p>Hallo <b>Welt</b></p>",
        subtype="alternative",
    )
    parsed = parse(raw)
    assert parsed.body_text == "Hallo Welt"
    assert parsed.body_source == "plain"
    assert "<b>Welt</b>" in parsed.html
    assert parsed.attachments == ()


def test_text_and_html_parts_one_after_the_other_are_both_body():
    raw = multipart("Content-Type: text/plain\n\nErster Teil", "Content-Type: text/html\n\n<p>Zweiter Teil</p>")
    parsed = parse(raw)
    assert parsed.body_text == "Erster Teil\n\nZweiter Teil"
    assert parsed.body_source == "mixed"


def test_empty_plain_alternative_does_not_hide_the_html_one():
    raw = multipart(
        "Content-Type: text/plain; charset=utf-8\n\n \n",
        "Content-Type: text/html; charset=utf-8\n\n<p>Nur hier steht der Text</p>",
        subtype="alternative",
    )
    parsed = parse(raw)
    assert parsed.body_text == "Nur hier steht der Text"
    assert parsed.body_source == "html"
    assert parsed.attachments == ()


def test_binary_input_without_headers_is_kept_as_one_attachment():
    raw = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + b"Root Entry"
    parsed = parse(raw)
    assert parsed.body_text == ""
    (attachment,) = parsed.attachments
    assert attachment.data == raw
    assert attachment.content_type == "application/vnd.ms-outlook"
    assert parsed.message_id.endswith("@eingang.generated>")
