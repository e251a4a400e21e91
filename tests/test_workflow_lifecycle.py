"""The consultation life cycle: allowed transitions in one place, assignment, priority,
confirmed/corrected topics and authority, notes — each change in the audit log."""

from __future__ import annotations

import pytest
from sqlmodel import select

from casework import workflow
from casework.workflow import NotFound, WorkflowError
from models import (
    AuditEntry,
    Consultation,
    ConsultationNote,
    FollowUpTask,
    KnownSender,
    TopicCorrection,
    UserAccount,
    session_scope,
)
from models.audit import record_change


def make_consultation(session, *, reference="KV-2026-00001", topics=("ozg_duties",), sender="hauptamt@leinetal.de"):
    row = Consultation(
        reference=reference,
        subject="Frage",
        channel="smtp",
        topics=list(topics),
        suggested_topics=[{"topic": t, "score": 0.9, "evidence": []} for t in topics],
        suggested_authority={"match": None, "candidates": []},
        sender_address=sender,
    )
    session.add(row)
    session.flush()
    record_change(session, consultation_id=row.id, actor="system", action="created", after={"topics": list(topics)})
    return row


def add_user(session, username, *, team_lead=False, email=None):
    user = UserAccount(username=username, display_name=username.title(), email=email, is_team_lead=team_lead)
    session.add(user)
    session.flush()
    return user


def audit(session, consultation_id):
    return list(
        session.exec(select(AuditEntry).where(AuditEntry.consultation_id == consultation_id).order_by(AuditEntry.id))
    )


def test_status_follows_the_allowed_transitions_and_is_audited(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session)
        workflow.change_status(session, consultation=row.reference, actor="anna", status="in_bearbeitung")
        workflow.change_status(session, consultation=row.id, actor="anna", status="wartet_auf_rueckmeldung")
        workflow.change_status(session, consultation=row, actor="anna", status="beantwortet")
        workflow.close(session, consultation=row, actor="anna", reason="erledigt")
        assert row.status == "abgeschlossen" and row.closed_at is not None
        with pytest.raises(WorkflowError, match="nicht erlaubt"):
            workflow.change_status(session, consultation=row, actor="anna", status="beantwortet")
        with pytest.raises(WorkflowError, match="Unbekannter Status"):
            workflow.change_status(session, consultation=row, actor="anna", status="fertig")
        workflow.reopen(session, consultation=row, actor="bernd")
        assert row.status == "in_bearbeitung" and row.closed_at is None
        with pytest.raises(WorkflowError, match="nicht erlaubt"):
            workflow.change_status(session, consultation=row, actor="anna", status="neu")
        entries = [(e.actor, e.action, e.before, e.after) for e in audit(session, row.id)][1:]
    assert entries == [
        ("anna", "status_changed", "neu", "in_bearbeitung"),
        ("anna", "status_changed", "in_bearbeitung", "wartet_auf_rueckmeldung"),
        ("anna", "status_changed", "wartet_auf_rueckmeldung", "beantwortet"),
        ("anna", "closed", "beantwortet", {"status": "abgeschlossen", "reason": "erledigt"}),
        ("bernd", "reopened", "abgeschlossen", "in_bearbeitung"),
    ]


def test_nothing_goes_back_to_new_and_unknown_reference_is_not_found(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session)
        workflow.change_status(session, consultation=row, actor="anna", status="beantwortet")
        with pytest.raises(WorkflowError, match="nicht erlaubt"):
            workflow.change_status(session, consultation=row, actor="anna", status="neu")
        with pytest.raises(NotFound, match="KV-2026-99999"):
            workflow.load_consultation(session, "KV-2026-99999")
    assert "neu" not in workflow.allowed_transitions("abgeschlossen")


def test_inbound_message_reopens_a_closed_consultation_but_auto_reply_does_not(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session)
        workflow.close(session, consultation=row, actor="anna")
        workflow.on_inbound_message(session, consultation=row, auto_reply=True)
        assert row.status == "abgeschlossen"
        workflow.on_inbound_message(session, consultation=row)
        assert row.status == "in_bearbeitung"
        assert audit(session, row.id)[-1].action == "reopened"


def test_assign_priority_and_note(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        add_user(session, "anna")
        row = make_consultation(session)
        workflow.assign(session, consultation=row, actor="lead", assignee="anna")
        assert row.status == "in_bearbeitung"  # assigning starts the work
        with pytest.raises(NotFound):
            workflow.assign(session, consultation=row, actor="lead", assignee="niemand")
        workflow.set_priority(session, consultation=row, actor="lead", priority="dringend")
        with pytest.raises(WorkflowError, match="Priorität"):
            workflow.set_priority(session, consultation=row, actor="lead", priority="sofort")
        note = workflow.add_note(session, consultation=row, actor="anna", text="Rückruf vereinbart")
        with pytest.raises(WorkflowError):
            workflow.add_note(session, consultation=row, actor="anna", text="  ")
        actions = [(e.action, e.before, e.after) for e in audit(session, row.id)][1:]
        assert session.get(ConsultationNote, note.id).text == "Rückruf vereinbart"
    assert actions == [
        ("assigned", None, "anna"),
        ("status_changed", "neu", {"status": "in_bearbeitung", "reason": "zugewiesen"}),
        ("priority_changed", "normal", "dringend"),
        ("note_added", None, note.id),
    ]


def test_topic_correction_keeps_the_suggestion_and_adds_tasks(sqlite_runtime):
    taxonomy = sqlite_runtime.taxonomy
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session, topics=("ozg_duties",))
        workflow.confirm_topics(session, consultation=row, actor="anna", taxonomy=taxonomy)
        assert row.topics_confirmed and session.exec(select(TopicCorrection)).first() is None
        workflow.confirm_topics(session, consultation=row, actor="anna", taxonomy=taxonomy, topics=["eligibility"])
        with pytest.raises(WorkflowError, match="Unbekannte Themen"):
            workflow.confirm_topics(session, consultation=row, actor="anna", taxonomy=taxonomy, topics=["steuern"])
        correction = session.exec(select(TopicCorrection)).one()
        keys = set(session.exec(select(FollowUpTask.template_key).where(FollowUpTask.consultation_id == row.id)))
        assert row.topics == ["eligibility"]
        assert row.suggested_topics[0]["topic"] == "ozg_duties"  # the machine's suggestion stays
        assert (correction.suggested, correction.corrected, correction.author) == (
            ["ozg_duties"],
            ["eligibility"],
            "anna",
        )
    assert keys == {"eligibility_check_applicant", "eligibility_send_guideline", "eligibility_follow_up"}


def test_authority_confirmation_writes_known_sender(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session)
        with pytest.raises(WorkflowError, match="Keine Behörde"):
            workflow.confirm_authority(session, consultation=row, actor="anna")
        with pytest.raises(NotFound):
            workflow.confirm_authority(session, consultation=row, actor="anna", authority_key="99999999")
        workflow.confirm_authority(session, consultation=row, actor="anna", authority_key="16051000")  # Erfurt
        assert row.authority_confirmed and row.authority_key == "16051000"
        assert row.suggested_authority == {"match": None, "candidates": []}
        known = session.get(KnownSender, "hauptamt@leinetal.de")
        assert (known.authority_key, known.confirmed_by) == ("16051000", "anna")
        workflow.confirm_authority(session, consultation=row, actor="bernd", authority_key="16055000")  # Weimar
        assert session.get(KnownSender, "hauptamt@leinetal.de").authority_key == "16055000"
        assert audit(session, row.id)[-1].action == "authority_corrected"
