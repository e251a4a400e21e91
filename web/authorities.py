"""The authority page (issue 14): ``/behoerden/{key}`` for consultants and
``GET /api/authorities/{key}`` for scripts — the same ``casework.authorities.authority_profile``.
Only logged-in staff see either (page: session; API: token or session)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from casework.authorities import AuthorityProfile, UnknownAuthority, authority_profile
from models.public import (
    AuthorityDetail,
    CorrespondentPublic,
    KnownSenderPublic,
    QuarterTopicsPublic,
    consultations_public,
)
from web.errors import API_ERROR_RESPONSES
from web.security import ApiUser, DbSession, PageUser
from web.templating import render, time_zone

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"], responses=API_ERROR_RESPONSES)


def _profile(request: Request, db, key: str) -> AuthorityProfile:
    try:
        return authority_profile(db, key, zone=time_zone(request))
    except UnknownAuthority as error:
        raise HTTPException(404, str(error)) from None


@api_router.get("/authorities/{key}", response_model=AuthorityDetail)
def get_authority(request: Request, key: str, db: DbSession, user: ApiUser):
    """One authority (Gemeinde, VG, Landkreis): consultations, who wrote, confirmed senders, topics per quarter."""
    profile = _profile(request, db, key)
    labels = request.app.state.runtime.taxonomy.labels
    return AuthorityDetail(
        key=profile.key,
        name=profile.name,
        kind=profile.kind,
        district=profile.district,
        member_keys=profile.member_keys,
        open_count=len(profile.open),
        closed_count=len(profile.closed),
        last_contact=profile.last_contact,
        consultations=consultations_public(db, profile.consultations, labels),
        correspondents=[
            CorrespondentPublic(address=c.address, name=c.name, messages=c.messages, last_at=c.last_at)
            for c in profile.correspondents
        ],
        confirmed_senders=[
            KnownSenderPublic(
                address=s.address,
                authority_key=s.authority_key,
                confirmed_by=s.confirmed_by,
                confirmed_at=s.confirmed_at,
            )
            for s in profile.confirmed_senders
        ],
        topics_by_quarter=[QuarterTopicsPublic(quarter=q, topics=t) for q, t in profile.topics_by_quarter],
    )


@router.get("/behoerden/{key}")
def authority_page(request: Request, key: str, db: DbSession, user: PageUser):
    profile = _profile(request, db, key)
    taxonomy = request.app.state.runtime.taxonomy
    topic_ids = sorted({topic for _quarter, topics in profile.topics_by_quarter for topic in topics})
    context = {
        "profile": profile,
        "topic_columns": [(topic, taxonomy.label(topic) if topic in taxonomy.ids else topic) for topic in topic_ids],
        "topic_label": lambda topic: taxonomy.label(topic) if topic in taxonomy.ids else topic,
    }
    return render(request, "authority.html", context)
