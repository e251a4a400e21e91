"""parse() must not raise on broken input: truncated mails, flipped bytes, stray MIME syntax.
Deterministic mutations of the golden mails (the corpus run covers real-world breakage)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from intake.parsing import parse

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.eml"))
INSERTIONS = [
    b"=?utf-8?B?",
    b"?=",
    b"\r\n\r\n",
    b"--",
    b"\x00",
    b'"',
    b"Content-Type: multipart/mixed; boundary=x\n",
    b"begin 644 x\n",
    b"charset=\x00",
    b"filename*0*=",
    b"Content-Transfer-Encoding: x-uuencode\n",
]


def mutations(raw: bytes, seed: int):
    rng = random.Random(seed)
    for cut in range(0, len(raw), max(1, len(raw) // 15)):
        yield raw[:cut]
    for _ in range(20):
        data = bytearray(raw)
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield bytes(data)
    for insertion in INSERTIONS:
        position = rng.randrange(len(raw) + 1)
        yield raw[:position] + insertion + raw[position:]


@pytest.mark.parametrize("mail", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_broken_variants_parse_without_exception(mail: Path):
    raw = mail.read_bytes()
    for index, variant in enumerate(mutations(raw, seed=len(raw))):
        parsed = parse(variant)
        assert parsed.content_hash, index
        assert parsed.message_id.startswith("<"), index


@pytest.mark.parametrize(
    "raw",
    [b"", b"\n", b"\x00\x01\x02", b"From nobody\n", b"Subject: nur ein Header", b"\xff" * 100, b"Subject: x\n\n" * 500],
)
def test_degenerate_input(raw: bytes):
    parsed = parse(raw)
    assert parsed.message_id.endswith("@eingang.generated>")
