"""Conformance of ``parse`` against other mail parsers' test corpora (``../shared/corpora``).

A developer tool, not part of the installed package; run it from a checkout::

    python -m tools.conformance ../shared/corpora [--format json]

Runs the parser over every mail of a corpus directory (read as bytes, never copied) and compares
the result with the machine-readable expectations that come with it: Zammad's ``mailNNN.yml``
files (the format is described in ``zammad/README.md`` of the corpus). Five fields are compared,
each with a stated rule:

- ``from``: address (case-insensitive) and display name (whitespace-normalised);
- ``to``: the list of addresses and display names of the decoded To header;
- ``subject``: the decoded subject, whitespace-normalised;
- ``body``: whitespace-normalised text; when Zammad's body is HTML, both sides are converted to
  text with the same HTML-to-text function and ours is the HTML part we found;
- ``attachments``: every expected attachment must be ours with the same MD5 (text compared with
  LF line ends, as Zammad stores them) and name, and we may have none extra — stricter than
  upstream's subset check. Zammad invents names for unnamed parts (``file``,
  ``delivery-status.txt``, …); where we keep no name only the content counts. Zammad's copy of
  the HTML body (``content-alternative``) is compared with ``ParsedMail.html``.

Known differences that are Zammad's own behaviour, not a parser error, are listed in
``ZAMMAD_QUIRKS`` with the reason; they still count as disagreements in the ratios.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.headers import parse_address_list
from intake.html_text import html_to_text
from intake.parsed import ParsedMail
from intake.parsing import parse

FIELDS = ("from", "to", "subject", "body", "attachments")

# Files in a corpus folder that are not mails even though they may look like them.
_NOT_MAILS = re.compile(r"(README\.md|LICENSE.*|.*\.(yml|yaml|json|md|head\.txt|body\.txt|html))$", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"^(From |[A-Za-z][A-Za-z0-9-]*:)")

# Disagreements whose cause is Zammad's behaviour, not ours: (mail stem, field) -> reason.
# Each one was checked by hand against the raw mail. They stay disagreements in the plain
# ratios; the ratios "with known Zammad quirks" count them as explained.
_NEW_ZAMMAD_HTML = (
    "Zammad (2025) joins text/plain and text/html parts of multipart/mixed into one HTML body; we keep them apart"
)
_LATER_HTML_PARTS = (
    "Zammad keeps later HTML parts of multipart/mixed as attachments (document.html); we read them as body text"
)
ZAMMAD_QUIRKS: dict[tuple[str, str], str] = {
    ("mail018", "subject"): "UTF-7 (unicode-1-1-utf-7): Zammad leaves it undecoded ('+ANw-'), we decode it",
    ("mail018", "body"): "UTF-7 body: Zammad leaves it undecoded ('+APw-'), we decode it",
    ("mail021", "body"): "invalid UTF-8 bytes in UTF-8 spam HTML: Zammad falls back to ISO-8859-2, we to Windows-1252",
    (
        "mail021",
        "attachments",
    ): "HTML copy of the same invalid UTF-8 bytes: ISO-8859-2 (Zammad) against Windows-1252 (ours)",
    (
        "mail035",
        "from",
    ): "From is only a quoted string; Zammad keeps the quotes in the address, we take the address inside",
    (
        "mail046",
        "from",
    ): "raw 8-bit GB2312 name: Zammad decodes it as ISO-8859-2 mojibake, we as GB18030 like its subject",
    (
        "mail054",
        "body",
    ): "Zammad shows 'no visible content' for the text/plain part 'some text' (header block we repair)",
    (
        "mail060",
        "body",
    ): "UTF-8 and Latin-1 bytes mixed under a GB2312 label: Zammad expects mojibake, we decode both pieces",
    ("mail062", "body"): _LATER_HTML_PARTS,
    ("mail062", "attachments"): _LATER_HTML_PARTS,
    (
        "mail064",
        "attachments",
    ): "windows-1258 name with a combining accent: Zammad decodes 0xEC as 'ì' ('eìcran'), we as U+0301",
    ("mail065", "from"): "encoded-word with a raw comma: Zammad's decoder yields '=20Andreas?=', we 'Bürling, Andreas'",
    ("mail072", "body"): "windows-1258 text: Zammad decodes it as another codepage ('aoűt'), we get 'août'",
    ("mail072", "attachments"): "HTML copy: Zammad's mis-decoded windows-1258 HTML ('aoűt') differs from ours",
    ("mail076", "from"): "stray '>' after the address: Zammad keeps it in the address, we drop it",
    ("mail085", "body"): _LATER_HTML_PARTS,
    ("mail085", "attachments"): _LATER_HTML_PARTS,
    (
        "mail087",
        "from",
    ): "'Test test@example.com' without brackets: Zammad takes it whole as address, we test@example.com",
    (
        "mail087",
        "body",
    ): "text/plain after a PDF: Zammad keeps it as attachment 'file' and shows no body; we read it as body",
    ("mail087", "attachments"): "text/plain after a PDF: Zammad keeps it as attachment 'file'; we read it as body",
    (
        "mail102",
        "attachments",
    ): "two attachments with the same name: Zammad renames the second ('at 091.00.38'), we keep names",
    ("mail105", "body"): "multipart/mixed without any boundary line: Zammad shows no body, we keep the text",
    ("mail110", "attachments"): _NEW_ZAMMAD_HTML,
    ("mail111", "attachments"): _NEW_ZAMMAD_HTML,
    ("mail112", "attachments"): _NEW_ZAMMAD_HTML,
}


@dataclass
class Disagreement:
    mail: str
    field: str
    reason: str
    zammad_quirk: bool = False


@dataclass
class ConformanceReport:
    mails: int = 0
    crashes: list[tuple[str, str]] = field(default_factory=list)
    compared: int = 0  # mails with expectations
    agreed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    disagreements: list[Disagreement] = field(default_factory=list)

    def ratio(self, name: str) -> float:
        return self.agreed[name] / self.compared if self.compared else 0.0

    def explained(self, name: str) -> int:
        return sum(1 for d in self.disagreements if d.field == name and d.zammad_quirk)

    def ratio_with_quirks(self, name: str) -> float:
        """Agreement when the documented Zammad quirks count as explained."""
        return (self.agreed[name] + self.explained(name)) / self.compared if self.compared else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "mails": self.mails,
            "crashes": len(self.crashes),
            "fields": {name: round(self.ratio(name), 4) for name in FIELDS},
            "with_expectations": self.compared,
            "fields_with_known_zammad_quirks": {name: round(self.ratio_with_quirks(name), 4) for name in FIELDS},
            "disagreements": [
                {"mail": d.mail, "field": d.field, "reason": d.reason, "zammad_quirk": d.zammad_quirk}
                for d in self.disagreements
            ],
        }


# --- finding mails and expectations ---------------------------------------------------------


def discover_mails(root: Path) -> list[Path]:
    """Every mail below ``root``: the corpus manifest (``analysis.json``) when there is one,
    otherwise every file that starts like a mail (headers or an mbox ``From `` line)."""
    manifest = root / "analysis.json"
    if manifest.is_file():
        entries = json.loads(manifest.read_text(encoding="utf-8")).get("mails", [])
        return [root / entry["path"] for entry in entries]
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or _NOT_MAILS.fullmatch(path.name) or "email_signature_detection" in path.parts:
            continue
        with path.open("rb") as handle:
            head = handle.read(200).lstrip()
        if _HEADER_LINE.match(head):
            found.append(path)
    return found


def _zammad_loader():
    import yaml

    class ZammadLoader(yaml.SafeLoader):
        """Reads Ruby's to_yaml output: ``!binary`` is base64, ``!ruby/hash:…`` a mapping."""

    ZammadLoader.add_constructor("!binary", lambda loader, node: base64.b64decode(loader.construct_scalar(node)))
    ZammadLoader.add_multi_constructor(
        "!ruby/hash:", lambda loader, suffix, node: loader.construct_mapping(node, deep=True)
    )
    return ZammadLoader


def load_expectation(mail: Path) -> dict[str, Any] | None:
    """Zammad's expected parse result beside ``mail`` (``mailNNN.box`` → ``mailNNN.yml``)."""
    expected = mail.with_suffix(".yml")
    if mail.suffix != ".box" or not expected.is_file():
        return None
    import yaml

    return yaml.load(expected.read_text(encoding="utf-8"), Loader=_zammad_loader())


# --- comparison rules -----------------------------------------------------------------------


def normalise_space(text: str | None) -> str:
    return " ".join((text or "").split())


# HTML 4 and HTML 5 map &lang;/&rang; to different code points; Zammad's sanitiser uses the old.
_ANGLE_BRACKETS = str.maketrans({"\u2329": "\u27e8", "\u232a": "\u27e9", "\u3008": "\u27e8", "\u3009": "\u27e9"})


def _clip(text: str, limit: int = 60) -> str:
    text = normalise_space(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(name: str) -> str:
    return normalise_space(name.strip().strip('"').strip("'"))


def _first_difference(expected: str, actual: str) -> str:
    index = next((i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b), None)
    if index is None:
        longer, which = (expected, "expected") if len(expected) > len(actual) else (actual, "ours")
        index = min(len(expected), len(actual))
        return f"{which} continues at {index}: {_clip(longer[index:], 50)!r}"
    return f"at {index}: expected {_clip(expected[index:], 40)!r}, got {_clip(actual[index:], 40)!r}"


def compare_from(parsed: ParsedMail, expected: dict[str, Any]) -> str | None:
    want_address = (expected.get("from_email") or "").strip().lower()
    want_name = _name(expected.get("from_display_name") or "")
    got_address = parsed.sender.address if parsed.sender else ""
    got_name = _name(parsed.sender.name) if parsed.sender else ""
    if want_address != got_address:
        return f"address: expected {want_address!r}, got {got_address!r}"
    if want_name != got_name:
        return f"name: expected {want_name!r}, got {got_name!r}"
    return None


def compare_to(parsed: ParsedMail, expected: dict[str, Any]) -> str | None:
    # Zammad's ``to`` is the decoded header string; split it with the same address-list reader.
    want = [(a.address, _name(a.name)) for a in parse_address_list(str(expected.get("to") or "")) if a.address]
    got = [(a.address, _name(a.name)) for a in parsed.to if a.address]
    if [a for a, _ in want] != [a for a, _ in got]:
        return f"addresses: expected {[a for a, _ in want]}, got {[a for a, _ in got]}"
    if want != got:
        return f"names: expected {[n for _, n in want]}, got {[n for _, n in got]}"
    return None


def compare_subject(parsed: ParsedMail, expected: dict[str, Any]) -> str | None:
    want, got = normalise_space(expected.get("subject")), normalise_space(parsed.subject)
    return None if want == got else f"expected {_clip(want)!r}, got {_clip(got)!r}"


_ZAMMAD_EMPTY_BODY = "no visible content"  # Zammad's placeholder for a mail without a body
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def compare_body(parsed: ParsedMail, expected: dict[str, Any]) -> str | None:
    """Text equal after whitespace normalisation. Where Zammad's body is HTML it is compared as
    text with our HTML part (or, for mixed plain/HTML bodies, our body text); the text of the
    HTML ``<title>``, which Zammad's sanitiser leaves at the start of the body, is not counted.
    Whitespace between elements differs between HTML renderers, so a match with all whitespace
    removed also agrees."""
    want = expected.get("body") or ""
    want = "" if want.strip() == _ZAMMAD_EMPTY_BODY else want
    if expected.get("content_type") == "text/html":
        want = normalise_space(html_to_text(want)).translate(_ANGLE_BRACKETS)
        title = _TITLE.search(parsed.html or "")
        title_text = normalise_space(html_to_text(title.group(1))) if title else ""
        if title_text and want.startswith(title_text):
            want = want[len(title_text) :].strip()
        candidates = [html_to_text(parsed.html) if parsed.html else "", parsed.body_text]
    else:
        want = normalise_space(want)
        candidates = [parsed.body_text]
    for candidate in candidates:
        got = normalise_space(candidate).translate(_ANGLE_BRACKETS)
        if got == want or "".join(got.split()) == "".join(want.split()):
            return None
    return _first_difference(want, normalise_space(candidates[0] or candidates[-1]))


def _md5(data: str | bytes) -> str:
    return hashlib.md5(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def compare_attachments(parsed: ParsedMail, expected: dict[str, Any]) -> str | None:
    # Zammad stores text attachments with LF line ends; ours keep the bytes as sent.
    ours = [(a.filename, {_md5(a.data), _md5(a.data.replace(b"\r\n", b"\n"))}) for a in parsed.attachments]
    problems = []
    for entry in expected.get("attachments") or []:
        prefs = entry.get("preferences") or {}
        digest = _md5(entry.get("data") or b"")
        name = entry.get("filename")
        if prefs.get("content-alternative"):
            html = (parsed.html or "").replace("\r\n", "\n")
            if parsed.html is None or digest not in (_md5(html), _md5(html.strip())):
                problems.append(f"HTML body copy {name!r} differs")
            continue
        match = next((o for o in ours if digest in o[1]), None)
        if match is None:
            problems.append(f"missing {name!r} (md5 {digest[:8]})")
            continue
        ours.remove(match)
        if match[0] is not None and match[0] != name:
            problems.append(f"name: expected {name!r}, got {match[0]!r}")
    if ours:
        problems.append("extra " + ", ".join(repr(name) for name, _ in ours))
    return "; ".join(problems) or None


COMPARATORS = {
    "from": compare_from,
    "to": compare_to,
    "subject": compare_subject,
    "body": compare_body,
    "attachments": compare_attachments,
}


# --- running --------------------------------------------------------------------------------


def check_mails(root: Path, mails: Iterable[Path]) -> ConformanceReport:
    report = ConformanceReport()
    for path in mails:
        report.mails += 1
        label = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        try:
            parsed = parse(path.read_bytes())
        except Exception as error:  # a crash is a finding, not the end of the run
            report.crashes.append((label, "".join(traceback.format_exception_only(error)).strip()))
            continue
        expected = load_expectation(path)
        if expected is None:
            continue
        report.compared += 1
        for name, comparator in COMPARATORS.items():
            reason = comparator(parsed, expected)
            if reason is None:
                report.agreed[name] += 1
                continue
            quirk = ZAMMAD_QUIRKS.get((path.stem.split("-", 1)[0], name))
            text = f"Zammad: {quirk} [{reason}]" if quirk else f"ours: {reason}"
            report.disagreements.append(Disagreement(label, name, text, zammad_quirk=quirk is not None))
    return report


def check_corpus(root: Path) -> ConformanceReport:
    """Parse every mail below ``root`` and compare with the expectations found there."""
    return check_mails(root, discover_mails(root))


def format_table(report: ConformanceReport) -> str:
    lines = [
        f"Mails: {report.mails}, davon mit Erwartung: {report.compared}, Abstürze: {len(report.crashes)}",
        "",
        "| Feld | übereinstimmend | Anteil | mit bekannten Zammad-Eigenheiten |",
        "|---|---|---|---|",
    ]
    for name in FIELDS:
        lines.append(
            f"| {name} | {report.agreed[name]}/{report.compared} | {report.ratio(name):.1%} "
            f"| {report.ratio_with_quirks(name):.1%} |"
        )
    if report.crashes:
        lines += ["", "Abstürze:"]
        lines += [f"- {mail}: {error}" for mail, error in report.crashes]
    if report.disagreements:
        lines += ["", "Abweichungen:"]
        lines += [f"- {d.mail} [{d.field}] {d.reason}" for d in report.disagreements]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse every mail of a corpus directory and print the agreement table (or JSON)."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.conformance",
        description="Alle Mails eines Korpus parsen und mit den mitgelieferten Erwartungen (Zammad) "
        "vergleichen: Abstürze, Übereinstimmung je Feld (from, to, subject, body, attachments) und "
        "jede Abweichung mit Begründung.",
    )
    parser.add_argument("directory", type=Path, help="Korpus-Verzeichnis, z. B. ../shared/corpora (wird nur gelesen).")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="Ausgabeformat.")
    arguments = parser.parse_args(argv)
    directory: Path = arguments.directory
    if not directory.is_dir():
        print(f"Fehler: Verzeichnis {directory} nicht gefunden.", file=sys.stderr)
        return 1
    report = check_corpus(directory.resolve())
    if report.mails == 0:
        print(f"Fehler: In {directory} wurden keine Mails gefunden.", file=sys.stderr)
        return 1
    if arguments.format == "json":
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2, default=str))
    else:
        print(format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
