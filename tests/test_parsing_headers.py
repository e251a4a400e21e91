"""Header decoding: RFC 2047 as senders break it, addresses, dates, Message-IDs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from intake.headers import decode_header_text, parse_address_list, parse_date
from intake.parsed import Address
from intake.parsing import parse
from models.store import extract_message_id


def test_adjacent_encoded_words_join_without_the_space_between_them():
    value = "=?Windows-1252?Q?Hans_B=C4KO?= =?iso-8859-15?q?Sch=F6nland?="
    assert decode_header_text(value) == "Hans BÄKOSchönland"


def test_multibyte_character_split_across_two_encoded_words():
    # "ä" = C3 A4 split between two base64 words
    assert decode_header_text("=?utf-8?B?QsOk?= =?utf-8?B?cg==?=") == "Bär"
    assert decode_header_text("=?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe?=") == "Grüße"


def test_missing_base64_padding_and_unknown_charset_alias():
    assert decode_header_text("=?utf-8?B?ZQ?=") == "e"
    assert decode_header_text("=?ks_c_5601-1987?B?x9GxubyuIA==?=").strip() == "한국석"
    assert decode_header_text("=?unicode-1-1-utf-7?Q?+ANw-bermittlung?=") == "Übermittlung"


def test_gb2312_label_is_decoded_as_its_superset():
    # 內 and 產 are not in GB2312 but senders labelled GBK text so
    assert decode_header_text("=?gb2312?B?g8iRqsGmrmHJ+g==?=") == "內應力產生"
    assert decode_header_text("=?GB2312?B?ztI=?=") == "我"


def test_raw_8bit_header_uses_the_charsets_the_message_names():
    raw = "k.g\udcfcnther@example.com"  # surrogate-escaped Latin-1 byte as the email package keeps it
    (address,) = parse_address_list(raw, hints=["iso-8859-1"])
    assert address.address == "k.günther@example.com"


def test_addresses_with_commas_in_names_comments_and_broken_forms():
    assert parse_address_list('"Müller, Hans" <H.Mueller@Example.de>, b@example.de') == (
        Address("h.mueller@example.de", "Müller, Hans"),
        Address("b@example.de", ""),
    )
    assert parse_address_list("=?utf-8?Q?B=C3=BCrling=2C_Andreas?= <a@b.de>") == (
        Address("a@b.de", "Bürling, Andreas"),
    )
    assert parse_address_list("marc.smith@example.com (Marc Smith)") == (
        Address("marc.smith@example.com", "Marc Smith"),
    )
    assert parse_address_list("Max Kohl | [example.com] <kohl@example.com>") == (
        Address("kohl@example.com", "Max Kohl | [example.com]"),
    )
    assert parse_address_list("undisclosed-recipients:;") == ()
    assert parse_address_list("Recipients") == (Address("", "Recipients"),)
    assert parse_address_list("MAILER-DAEMON (Mail Delivery System)", allow_local=True) == (
        Address("mailer-daemon", "Mail Delivery System"),
    )


def test_encoded_word_in_local_part_is_never_decoded_into_another_address():
    (spoof,) = parse_address_list("=?utf-8?Q?attacker@evil.example?=@victim.example")
    assert spoof.address.endswith("@victim.example")
    assert "evil.example" not in spoof.address.split("@")[-1]
    (plain,) = parse_address_list("=?utf-8?q?agent?=@example.com")
    assert plain.address == "agent@example.com"


def test_dates_with_fallbacks():
    assert parse_date("Tue, 17 Mar 2026 08:14:55 +0000") == datetime(2026, 3, 17, 8, 14, 55, tzinfo=UTC)
    assert parse_date("1 Apr 2026 08:00 MESZ") == datetime(2026, 4, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    assert parse_date("Received: junk; Tue, 31 Mar 2026 12:34:56 +0200 (CEST)").hour == 12
    assert parse_date("Mon, 7 May 2012 07:45:48 -0000").tzinfo is not None
    glued = parse_date("Fri, 07 Apr 2023 17:30:44 +0200Received: from m241-41.example.com")
    assert glued == datetime(2023, 4, 7, 17, 30, 44, tzinfo=timezone(timedelta(hours=2)))
    assert parse_date("gestern") is None
    assert parse_date("") is None


def test_generated_message_id_is_stable_and_matches_the_store():
    raw = b"From: a@example.de\nSubject: ohne ID\n\nText\n"
    first, second = parse(raw), parse(raw)
    assert first.message_id == second.message_id
    assert first.message_id.endswith("@eingang.generated>")
    assert first.message_id == extract_message_id(raw, first.content_hash)


def test_sender_falls_back_to_further_from_headers_and_reply_to():
    raw = b"From: [??????]\nFrom: Echt <echt@example.de>\nSubject: x\n\nText\n"
    assert parse(raw).sender == Address("echt@example.de", "Echt")
    raw = b'From: "Wer" <>\nReply-To: <antwort@example.de>\nSubject: x\n\nText\n'
    assert parse(raw).sender.address == "antwort@example.de"


def test_header_block_that_lost_its_folding_is_repaired():
    raw = (
        b"From x@example.de Wed Apr 19 20:56:33 2017\n"
        b"Received: by mx\n"
        b"X-Tracker: H4sIAAAAAAAAA+NgFlrIKsWRWlGSWpSXmKPExsWi75nTrTtrwZM\n"
        b"Ig5drOCwmrVzP5sDoseXbDeYAxijWzLyk/IoE1owFz6ezFkxKrWjafpWpgfFOchcjF4eQwDZG\n"
        b"From: Karoline <k@example.de>\n"
        b"Subject: AW: Angebot\n"
        b"Content-Type: text/plain; charset=utf-8\n\n"
        b"Danke\n"
    )
    parsed = parse(raw)
    assert parsed.subject == "AW: Angebot"
    assert parsed.sender.address == "k@example.de"
    assert parsed.body_text == "Danke"
