"""Body decoding: declared charset, then detection when the declaration lies; never replacement
characters while a real decoding exists."""

from __future__ import annotations

from intake.charsets import decode_bytes, iso2022jp_as_cp932, normalise_charset
from intake.parsing import parse

GERMAN = "Sehr geehrte Damen und Herren, wir möchten die Förderung für unsere Gemeinde beantragen. Grüße"


def test_declared_charset_is_used():
    assert decode_bytes(GERMAN.encode("iso-8859-1"), "iso-8859-1") == GERMAN
    assert decode_bytes("Kosten 100 €".encode("cp1252"), "iso-8859-1") == "Kosten 100 €"


def test_single_byte_declaration_over_utf8_bytes_is_a_lie():
    assert decode_bytes(GERMAN.encode("utf-8"), "iso-8859-1") == GERMAN


def test_utf8_declaration_over_latin1_bytes_falls_back_without_replacement():
    decoded = decode_bytes((GERMAN * 3).encode("iso-8859-1"), "utf-8")
    assert decoded == GERMAN * 3
    assert "\ufffd" not in decode_bytes(b"Gr\xfc\xdfe", "utf-8")


def test_unknown_and_missing_labels():
    assert normalise_charset("x-unknown") is None
    assert normalise_charset("utf8") == "utf-8"
    assert decode_bytes("Grüße".encode(), None) == "Grüße"
    assert decode_bytes("Grüße".encode("latin-1"), "no-such-charset") == "Grüße"


def test_mixed_utf8_and_windows_1252_is_decoded_piecewise():
    data = "äöü - 差出人".encode() + b" und " + "äöü".encode("cp1252")
    assert decode_bytes(data, "iso-gb2312") == "äöü - 差出人 und äöü"


def test_iso_2022_jp_with_windows_extensions():
    assert iso2022jp_as_cp932("テスト日本語".encode("iso2022_jp")) == "テスト日本語"
    # circled digit one (NEC row 13), which Python's iso2022_jp codecs refuse
    assert decode_bytes(b"\x1b$B-!\x1b(B", "iso-2022-jp") == "①"
    assert decode_bytes(b"\x83c\x81[\x83\x8b", "iso-2022-jp") == "ツール"  # Shift_JIS under the wrong label


def test_parse_keeps_the_raw_bytes_undecoded_until_parts_are_known():
    raw = (
        b"From: a@example.de\nSubject: x\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n'
        b"--b\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
        + "Grüße aus Köln".encode("latin-1")
        + b"\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Disposition: attachment; filename=notiz.txt\n\n"
        + "Änderung".encode()
        + b"\n--b--\n"
    )
    parsed = parse(raw)
    assert parsed.body_text == "Grüße aus Köln"
    assert parsed.attachments[0].data == "Änderung".encode()
