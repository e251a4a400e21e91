"""Recognising automatic mail — the one decision used by parsing (``ParsedMail.auto_reply``:
no topics, no reopening) and by acknowledgements (never answer automatic mail: mail loops).

Sources, strongest first: RFC 3834 ``Auto-Submitted``; the vendor headers ``X-Autoreply``,
``X-Autorespond``, ``X-Auto-Response-Suppress`` set by Exchange auto-replies; ``Precedence:
bulk/junk/list``; mailing lists (RFC 2369 ``List-Unsubscribe``/``-Post``/``-Help``/``-Owner``,
RFC 2919 ``List-Id``); delivery status notifications (RFC 3464 ``multipart/report``, the null
return path ``<>`` in ``Return-Path`` or, when the channel knows it, in the envelope,
mailer-daemon senders); German and English out-of-office subjects; and the text of out-of-office
replies sent without any such header (an absence statement plus a typical auto-reply phrase, short
and without a question)."""

from __future__ import annotations

import re
from email.message import Message
from email.utils import parseaddr

from intake.parsed import Address

# Matched at the start of the subject (after a ticket tag), so that a person's forward
# "WG: Unzustellbar: …" or a question "Server nicht erreichbar" is not taken for automatic mail.
_SUBJECT_START = r"^\s*(?:\[[^\]]*\]\s*)?"
_OUT_OF_OFFICE_SUBJECT = re.compile(
    _SUBJECT_START + r"(?:abwesend\s*:|abwesenheitsnotiz|abwesenheitsmeldung|abwesenheitsassistent|"
    r"automatische antwort|"
    r"automatische r[üu]ckantwort|autom\. antwort|auto(?:matic)?[- ]?reply|auto[- ]?response|autoresponder|"
    r"out of (?:the )?office|away from (?:the )?office|on vacation|urlaubsabwesenheit|"
    r"ich bin .{0,60}?nicht (?:im b[üu]ro|im hause?|erreichbar|anwesend|im dienst|da)\b|"
    r"ich bin .{0,60}?(?:au(?:ß|ss)er haus|im urlaub|abwesend))",
    re.IGNORECASE,
)
_BOUNCE_SUBJECT = re.compile(
    _SUBJECT_START + r"(?:undeliverable|undelivered mail|unzustellbar|nicht zustellbar|"
    r"delivery status notification|delivery (?:has )?failed|failure notice|mail delivery (?:failed|system)|"
    r"returned mail|benachrichtigung zum (?:ü|\+anw-)bermittlungsstatus|zustellungsbericht|"
    r"warning: could not send message|mail system error)",
    re.IGNORECASE,
)
# Out-of-office replies without an automatic-mail header, recognised by their text: an absence
# statement and a phrase people do not write to the ministry themselves.
_ABSENCE = re.compile(
    r"(?:\bich bin\b|\bich befinde mich\b|\bbin ich\b|\bi am\b|\bi'm\b)(?:[^.?!]|(?<=\d)\.){0,80}?"
    r"(?:nicht im (?:b(?:ü|ue)ro|hause?|dienst)|"
    r"nicht (?:erreichbar|anwesend)|abwesend|au(?:ß|ss)er haus|im urlaub|in (?:elternzeit|urlaub)|auf dienstreise|"
    r"out of (?:the )?office|away|on (?:vacation|leave))|\bwieder (?:im (?:b(?:ü|ue)ro|dienst|hause?)|erreichbar)\b|"
    # terse ("bin im urlaub bis 3.4.") or the office itself ("Die Stadtverwaltung ist vom 23.12. bis 2.1. geschlossen")
    r"(?:^|[.!]\s+)bin (?:bis|vom|ab|im|in|nicht|au(?:ß|ss)er)\b(?:[^.?!]|(?<=\d)\.){0,60}?"
    r"(?:urlaub|abwesend|erreichbar|im (?:b(?:ü|ue)ro|dienst|hause?)|au(?:ß|ss)er haus|elternzeit|dienstreise)|"
    r"\b(?:ist|sind|bleibt|bleiben)\b(?:[^.?!]|(?<=\d)\.){0,60}?\b(?:geschlossen|nicht besetzt)\b",
    re.IGNORECASE,
)
_AUTO_PHRASE = re.compile(
    r"(?:vielen dank f(?:ü|ue)r ihre (?:nachricht|e-?mail|mail|anfrage)|ihre (?:e-?mail|nachricht|mail) wird nicht "
    r"weitergeleitet|in dringenden (?:f(?:ä|ae)llen|angelegenheiten)|"
    r"keinen zugriff auf (?:meine |mein )?(?:e-?mails?|postfach)|"
    r"nach meiner r(?:ü|ue)ckkehr|thank you for your (?:message|e-?mail)|no access to (?:my )?e-?mail|"
    r"wenden sie sich (?:bitte )?(?:in dringenden|an meine vertretung|an meinen vertreter)|meine vertretung|"
    r"wieder f(?:ü|ue)r sie (?:da|erreichbar)|"
    r"ihre (?:e-?mail|nachricht|mail|anfrage) wird (?:ab|nach|erst|nach meiner)\b(?:[^.?!]|(?<=\d)\.){0,40}?"
    r"(?:bearbeitet|beantwortet|gelesen))",
    re.IGNORECASE,
)
_AUTO_GENERATED = re.compile(
    r"diese (?:nachricht|e-?mail|mail|antwort) wurde automatisch (?:erstellt|generiert|versendet|versandt)|"
    r"this (?:is an automatic|message was automatically)",
    re.IGNORECASE,
)
_MAX_AUTO_TEXT = 900


def _out_of_office_text(text: str) -> bool:
    head = text.strip()[:_MAX_AUTO_TEXT]
    if not head or len(text.strip()) > _MAX_AUTO_TEXT * 2:
        return False
    if _AUTO_GENERATED.search(head):
        return True
    return "?" not in head and bool(_ABSENCE.search(head)) and bool(_AUTO_PHRASE.search(head))


_DAEMON_LOCAL_PARTS = ("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon")
_REPORT_TYPES = ("delivery-status", "disposition-notification")
_LIST_HEADERS = ("List-Id", "List-Unsubscribe", "List-Post", "List-Help", "List-Owner")


def _value(msg: Message, name: str) -> str:
    value = msg.get(name)
    return " ".join(str(value).split()).lower() if value is not None else ""


def detect_automatic(
    msg: Message,
    *,
    subject: str = "",
    sender: Address | None = None,
    envelope_from: str | None = None,
    text: str = "",
) -> str | None:
    """Why a message is automatic mail, or None for a message a person wrote. ``envelope_from``
    is the SMTP envelope sender when the channel knows it (``""``/``"<>"``: a bounce); ``text`` is
    the new text, for out-of-office replies without any header."""
    if msg.get_content_type() == "multipart/report":
        report_type = str(msg.get_param("report-type") or "delivery-status").lower()
        return "delivery status notification" if report_type in _REPORT_TYPES else f"report ({report_type})"
    local_part = sender.address.partition("@")[0] if sender else ""
    if local_part in _DAEMON_LOCAL_PARTS:
        return "delivery status notification (mailer-daemon sender)"
    auto_submitted = _value(msg, "Auto-Submitted")
    if auto_submitted and not auto_submitted.startswith("no"):
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Autogenerated", "X-AutoReply-From", "X-Mail-Autoreply"):
        if _value(msg, name):
            return name
    precedence = _value(msg, "Precedence")
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    if any(_value(msg, name) for name in _LIST_HEADERS):
        return "mailing list"
    if envelope_from is not None and envelope_from.strip() in ("", "<>"):
        return "delivery status notification (null envelope sender)"
    return_path = msg.get("Return-Path")
    if return_path is not None and parseaddr(str(return_path))[1].strip() == "":
        return "delivery status notification (Return-Path: <>)"
    if _BOUNCE_SUBJECT.match(subject):
        return "delivery status notification (subject)"
    if _OUT_OF_OFFICE_SUBJECT.match(subject):
        return "out of office"
    if text and _out_of_office_text(text):
        return "out of office (text)"
    return None


def detect_automatic_raw(
    raw: bytes, *, subject: str = "", sender: Address | None = None, envelope_from: str | None = None
) -> str | None:
    """``detect_automatic`` on the header fields of raw message bytes (read as ``parse`` reads
    them, past junk lines before the fields)."""
    from intake.parsing import read_headers  # intake.parsing imports this module

    headers = read_headers(raw)
    return detect_automatic(headers, subject=subject, sender=sender, envelope_from=envelope_from)
