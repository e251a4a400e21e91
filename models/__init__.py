"""Database tables, engine/session handling, the queries the rest of Eingang uses, and the
Alembic migrations (``models/migrations``). Importing this package registers every table."""

from models.chat import ChatDelivery, ChatMessage, ChatRole, ChatSession
from models.consultations import (
    AuditEntry,
    Consultation,
    ConsultationMessage,
    ConsultationNote,
    ConsultationStatus,
    Direction,
    FollowUpTask,
    OutboundMail,
    Priority,
    ReferenceCounter,
    SlaBreach,
    TaskStatus,
    TopicCorrection,
)
from models.contacts import ConsultationContact, ContactRole
from models.db import UtcDateTime, as_utc, local_time, make_engine, session_scope, stored_id, utcnow
from models.gazetteer import AdministrativeAssociation, District, Municipality
from models.jobs import PeriodicRun
from models.linking import GazetteerVersion
from models.messages import Attachment, AttachmentBlob, Channel, InboundMessage, ProcessingStatus
from models.notifications import Notification
from models.people import KnownSender, Role, UserAccount
from models.replies import ReplyDraft, TextModule, UserProfile
from models.tags import ConsultationTag, SavedFilter, Tag
from models.web_sessions import WebSession

__all__ = [
    "AdministrativeAssociation",
    "Attachment",
    "AttachmentBlob",
    "AuditEntry",
    "Channel",
    "ChatDelivery",
    "ChatMessage",
    "ChatRole",
    "ChatSession",
    "Consultation",
    "ConsultationContact",
    "ConsultationMessage",
    "ConsultationNote",
    "ConsultationStatus",
    "ConsultationTag",
    "ContactRole",
    "Direction",
    "District",
    "FollowUpTask",
    "GazetteerVersion",
    "InboundMessage",
    "KnownSender",
    "Municipality",
    "Notification",
    "OutboundMail",
    "PeriodicRun",
    "Priority",
    "ProcessingStatus",
    "ReferenceCounter",
    "ReplyDraft",
    "Role",
    "SavedFilter",
    "SlaBreach",
    "Tag",
    "TaskStatus",
    "TextModule",
    "TopicCorrection",
    "UserAccount",
    "UserProfile",
    "UtcDateTime",
    "WebSession",
    "as_utc",
    "local_time",
    "make_engine",
    "session_scope",
    "stored_id",
    "utcnow",
]
