"""What the case page's reply editor (``templates/_reply_editor.html``, ``static/reply.js``)
needs: the quoted original, the consultant's signature, their saved draft, the text modules
filled for this consultation (suggested ones first), the attachment limit and the statuses one
can send into. Computed here so that ``web.triage`` adds it with one line."""

from __future__ import annotations

from fastapi import Request
from sqlmodel import Session

from casework import replies, text_modules
from casework.answers import last_inbound
from casework.workflow import STATUS_LABELS, load_consultation
from models import Consultation, ConsultationStatus, UserAccount
from web.templating import time_zone

# "Senden und Status setzen": the statuses an answer can leave the consultation in.
SEND_STATUSES = (ConsultationStatus.ANSWERED, ConsultationStatus.WAITING, ConsultationStatus.CLOSED)


def reply_editor_context(
    db: Session, consultation: Consultation, user_id: int | None, *, zone: str, max_attachment_bytes: int
) -> dict:
    user = db.get(UserAccount, user_id) if user_id is not None else None
    draft = replies.get_draft(db, user_id=user_id, consultation_id=consultation.id) if user_id is not None else None
    topics = list(consultation.topics or []) or [t["topic"] for t in consultation.suggested_topics or []][:2]
    values = text_modules.placeholder_values(db, consultation=consultation, consultant=user)
    modules = text_modules.suggested(text_modules.list_modules(db), topics)
    wanted = set(topics)
    return {
        "reply_quote": replies.quote(last_inbound(db, consultation), zone),
        "reply_signature": replies.signature_of(db, user),
        "saved_draft": draft,
        "text_modules": [
            {
                "id": module.id,
                "title": module.title,
                "text": text_modules.fill(module.body, values),
                "suggested": bool(wanted & set(module.topics)),
            }
            for module in modules
        ],
        "send_statuses": [(status.value, STATUS_LABELS[status]) for status in SEND_STATUSES],
        "max_attachment_bytes": max_attachment_bytes,
        "max_attachment_label": f"{max_attachment_bytes / (1024 * 1024):.0f} MB",
    }


def reply_parts(
    request: Request,
    db: Session,
    user: UserAccount,
    reference: str | Consultation,
    include_signature: bool,
    include_quote: bool,
) -> dict[str, str]:
    """``signature`` and ``quoted`` for ``casework.answers.send_answer``, as the consultant ticked them."""
    consultation = reference if isinstance(reference, Consultation) else load_consultation(db, reference)
    return {
        "signature": replies.signature_of(db, user) if include_signature else "",
        "quoted": replies.quote(last_inbound(db, consultation), time_zone(request)) if include_quote else "",
    }
