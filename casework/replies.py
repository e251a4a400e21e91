"""The reply editor's service side (issue 14): the quoted original, the consultant's
signature, drafts saved on the server, and the complete text of an answer.

- ``quote(message, zone)`` — „Am 03.12.2026 um 09:15 schrieb Hauptamt VG Leinetal:“ and the
  original's lines prefixed with ``> `` (RFC 3676 style quoting).
- ``signature_of(session, user)`` / ``set_signature(session, *, user, signature)`` — kept per
  consultant (``user_profile``), set on the page „Mein Profil“.
- ``compose(text, *, signature, quoted)`` — answer text, ``-- `` signature block, quote.
- ``get_draft`` / ``save_draft`` / ``discard_draft`` — one draft per consultant and
  consultation; it lives beside the consultation, so a colleague's change of the case leaves it
  alone; sending the answer discards it.
- ``attachment_limit_error(total, limit)`` — the German message for too large attachments.
"""

from __future__ import annotations

from sqlmodel import Session, select

from casework.workflow import WorkflowError
from models import ConsultationMessage, ReplyDraft, UserAccount, UserProfile, local_time, utcnow

SIGNATURE_SEPARATOR = "-- "  # RFC 3676 §4.3: "-- " on a line of its own
MAX_SIGNATURE = 2000
MAX_DRAFT = 100_000


def quote(message: ConsultationMessage | None, zone: str) -> str:
    """The original as a German mail client quotes it; empty without an original."""
    if message is None:
        return ""
    when = local_time(message.sent_at, zone).strftime("%d.%m.%Y um %H:%M")
    name = message.sender_name or message.sender or "die Kommune"
    lines = (message.text or "").rstrip().splitlines() or [""]
    quoted = "\n".join(("> " + line) if line else ">" for line in lines)
    return f"Am {when} schrieb {name}:\n{quoted}"


def compose(text: str, *, signature: str = "", quoted: str = "") -> str:
    parts = [(text or "").strip()]
    if signature.strip():
        parts.append(f"{SIGNATURE_SEPARATOR}\n{signature.strip()}")
    if quoted:
        parts.append(quoted)
    return "\n\n".join(part for part in parts if part)


def signature_of(session: Session, user: UserAccount | None) -> str:
    if user is None or user.id is None:
        return ""
    profile = session.get(UserProfile, user.id)
    return profile.signature if profile else ""


def set_signature(session: Session, *, user: UserAccount, signature: str) -> UserProfile:
    if user.id is None:
        raise WorkflowError("Das Konto ist noch nicht gespeichert.")
    signature = (signature or "").replace("\r\n", "\n").strip()
    if len(signature) > MAX_SIGNATURE:
        raise WorkflowError(f"Die Signatur ist zu lang (höchstens {MAX_SIGNATURE} Zeichen).")
    profile = session.get(UserProfile, user.id) or UserProfile(user_id=user.id)
    profile.signature, profile.updated_at = signature, utcnow()
    session.add(profile)
    session.flush()
    return profile


def get_draft(session: Session, *, user_id: int | None, consultation_id: int | None) -> ReplyDraft | None:
    if user_id is None or consultation_id is None:
        return None
    return session.exec(
        select(ReplyDraft).where(ReplyDraft.user_id == user_id, ReplyDraft.consultation_id == consultation_id)
    ).first()


def save_draft(
    session: Session, *, user_id: int | None, consultation_id: int | None, body: str, to: str = "", cc: str = ""
) -> ReplyDraft:
    if user_id is None or consultation_id is None:
        raise WorkflowError("Entwurf ohne Konto oder Fall.")
    if len(body or "") > MAX_DRAFT:
        raise WorkflowError(f"Der Entwurf ist zu lang (höchstens {MAX_DRAFT} Zeichen).")
    if len(to or "") > 4000 or len(cc or "") > 4000:
        raise WorkflowError("Zu viele Empfängeradressen im Entwurf.")
    draft = get_draft(session, user_id=user_id, consultation_id=consultation_id)
    if draft is None:
        draft = ReplyDraft(user_id=user_id, consultation_id=consultation_id)
    draft.body, draft.to, draft.cc, draft.updated_at = body or "", to or "", cc or "", utcnow()
    session.add(draft)
    session.flush()
    return draft


def discard_draft(session: Session, *, user_id: int | None, consultation_id: int | None) -> None:
    draft = get_draft(session, user_id=user_id, consultation_id=consultation_id)
    if draft is not None:
        session.delete(draft)
        session.flush()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def attachment_limit_error(total: int, limit: int) -> str:
    return (
        f"Die Anhänge sind zusammen {_megabytes(total)} groß; erlaubt sind höchstens {_megabytes(limit)} "
        "je Antwort. Bitte weniger oder kleinere Dateien anhängen."
    )
