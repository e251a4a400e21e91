"""Bounds of what a request may ask for, so that no id or date can reach the database or the
calendar arithmetic out of range (that would be a 500): ids within PostgreSQL's ``integer``,
dates and years within 2000–2100, postponements within a year. Out of bounds is a 422."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Path, Query
from pydantic import AfterValidator

DB_INT_MAX = 2_147_483_647  # PostgreSQL integer (the id columns)
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
MAX_WORKING_DAYS = 260  # about a year


def form_date(text: str) -> date | None:
    """A date typed into a form (JJJJ-MM-TT), or None when empty; ValueError when unreadable or
    out of range."""
    return sane_date(date.fromisoformat(text)) if text else None


def sane_date(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"Datum außerhalb von {EARLIEST:%d.%m.%Y}–{LATEST:%d.%m.%Y}")
    return value


SaneDate = Annotated[date, AfterValidator(sane_date)]
DbId = Annotated[int, Path(ge=1, le=DB_INT_MAX, description="Id (1 … 2147483647)")]
LineId = Annotated[int, Query(ge=0, le=DB_INT_MAX, description="Only lines after this id")]
Year = Annotated[int, Path(ge=EARLIEST.year, le=LATEST.year, description="Year (2000 … 2100)")]
