"""Follow-up tasks: due dates in Thuringian working days, and assigning, completing,
postponing and adding tasks through the same functions the CLI and the web app use."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from casework import tasks
from casework.followups import add_working_days, create_tasks, is_working_day, templates_for
from casework.workflow import WorkflowError
from classifiers.taxonomy import get_taxonomy
from models import AuditEntry, FollowUpTask, session_scope
from tests.test_workflow_lifecycle import add_user, make_consultation


@pytest.mark.parametrize(
    ("start", "days", "expected", "why"),
    [
        (date(2025, 10, 30), 1, date(2025, 11, 3), "Reformationstag (Fr 31.10.) and the weekend"),
        (date(2027, 9, 17), 1, date(2027, 9, 21), "the weekend and Weltkindertag (Mo 20.09., Thüringen only)"),
        (date(2026, 12, 23), 2, date(2026, 12, 28), "24.12. counts, 25.12. and the weekend do not"),
        (date(2026, 11, 21), 0, date(2026, 11, 23), "0 days on a Saturday means the next working day"),
        (date(2026, 11, 18), 5, date(2026, 11, 25), "an ordinary week"),
    ],
)
def test_due_dates_count_thuringian_working_days(start, days, expected, why):
    assert add_working_days(start, days) == expected, why


def test_weltkindertag_is_a_holiday_in_thuringia_only():
    import holidays

    assert not is_working_day(date(2027, 9, 20))
    assert date(2027, 9, 20) not in holidays.Germany(subdiv="SN", years=[2027])


def test_taxonomy_templates_per_topic_and_for_urgent_incidents(sqlite_runtime):
    taxonomy = get_taxonomy()
    keys = [t.key for t in templates_for(taxonomy, ["eligibility"], urgent=False)]
    assert keys == ["eligibility_check_applicant", "eligibility_send_guideline", "eligibility_follow_up"]
    urgent = [t.key for t in templates_for(taxonomy, ["it_security"], urgent=True)]
    assert urgent[:2] == ["incident_call_back", "incident_inform_cert"]
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session, topics=("eligibility",))
        templates = templates_for(taxonomy, ["eligibility"], urgent=False)
        created = create_tasks(session, consultation_id=row.id, templates=templates, received=date(2025, 10, 30))
        again = create_tasks(session, consultation_id=row.id, templates=templates, received=date(2025, 10, 30))
        due = {t.template_key: t.due for t in created}
    assert again == []  # idempotent per template
    assert due["eligibility_check_applicant"] == date(2025, 11, 5)  # 3 working days after Thu 30.10.2025


def test_assign_complete_postpone_add_and_list(sqlite_runtime):
    today = date(2026, 11, 23)  # Monday
    with session_scope(sqlite_runtime.engine) as session:
        add_user(session, "anna")
        add_user(session, "bernd")
        row = make_consultation(session)
        first = tasks.add_task(session, consultation=row, actor="anna", title="Rückruf", due=today)
        late = tasks.add_task(session, consultation=row, actor="anna", title="Unterlagen", due=date(2026, 11, 19))
        later = tasks.add_task(session, consultation=row, actor="anna", title="Nachfassen", today=today)
        assert later.due == date(2026, 11, 30)  # default: 5 working days
        with pytest.raises(WorkflowError, match="Titel"):
            tasks.add_task(session, consultation=row, actor="anna", title=" ")

        from casework.workflow import assign

        assign(session, consultation=row, actor="lead", assignee="anna")
        tasks.assign_task(session, task_id=late.id, actor="lead", assignee="bernd")
        assert [t.title for t, _ in tasks.list_tasks(session, due_on=today, assignee="anna")] == ["Rückruf"]
        assert [t.title for t, _ in tasks.list_tasks(session, overdue_before=today, assignee="bernd")] == ["Unterlagen"]
        assert tasks.list_tasks(session, overdue_before=today, assignee="anna") == []

        with pytest.raises(WorkflowError, match="Grund"):
            tasks.postpone_task(session, task_id=late.id, actor="bernd", reason="", working_days=2, today=today)
        tasks.postpone_task(
            session, task_id=late.id, actor="bernd", reason="Kommune im Urlaub", working_days=2, today=today
        )
        assert late.due == date(2026, 11, 25) and late.postponed_reason == "Kommune im Urlaub"
        with pytest.raises(WorkflowError, match="Vergangenheit"):
            tasks.postpone_task(session, task_id=late.id, actor="bernd", reason="x", due=date(2026, 1, 1), today=today)

        tasks.complete_task(session, task_id=first.id, actor="anna")
        with pytest.raises(WorkflowError, match="nicht offen"):
            tasks.postpone_task(session, task_id=first.id, actor="anna", reason="x", working_days=1, today=today)
        assert first.status == "erledigt" and first.completed_at is not None
        open_titles = [t.title for t, _ in tasks.list_tasks(session, consultation=row)]
        actions = [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.field.like("task:%")))]
    assert open_titles == ["Unterlagen", "Nachfassen"]
    assert actions == ["task_added", "task_added", "task_added", "task_assigned", "task_postponed", "task_completed"]


def test_cli_tasks_list_due_today_and_overdue_as_json(sqlite_runtime, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from eingang.cli.main import app

    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    with session_scope(sqlite_runtime.engine) as session:
        row = make_consultation(session)
        session.add(FollowUpTask(consultation_id=row.id, title="heute", due=today))
        session.add(FollowUpTask(consultation_id=row.id, title="alt", due=date(2020, 1, 6)))
        session.add(FollowUpTask(consultation_id=row.id, title="später", due=date(2999, 1, 1)))
    monkeypatch.chdir(tmp_path)  # no developer .env
    env = {"EINGANG_DATABASE_URL": sqlite_runtime.settings.database_url}

    def run(*args):
        result = CliRunner().invoke(app, ["tasks", "list", *args, "--format", "json"], env=env)
        assert result.exit_code == 0, result.output
        return [item["title"] for item in json.loads(result.stdout)]

    assert run("--due", "today") == ["heute"]
    assert run("--overdue") == ["alt"]
    assert run() == ["alt", "heute", "später"]
