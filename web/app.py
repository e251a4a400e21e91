"""The web app factory: ``create_app(runtime) -> FastAPI``.

Pages (German, server-rendered, no inline scripts), the REST API under ``/api`` with its
OpenAPI docs at ``/api/docs`` (Swagger UI served from the package, no CDN), signed session
cookies, CSRF checks on every form POST and strict security headers on every response."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import secrets
from pathlib import Path
from urllib.parse import quote

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from casework.runtime import Runtime
from web import (
    api,
    attachment_preview,
    authorities,
    dashboard,
    drafts,
    errors,
    inbox_views,
    live,
    login,
    metrics,
    notifications,
    operations,
    presence,
    profile,
    statistics_api,
    text_modules,
    triage,
    users,
)
from web.limits import body_limits
from web.login_throttle import LoginThrottle
from web.proxies import TrustedProxyMiddleware
from web.security import LoginRequired, SecurityHeadersMiddleware
from web.templating import render

logger = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).parent / "static"
SWAGGER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class InsecureConfiguration(RuntimeError):
    """The web app refuses to start outside development without a real secret key."""


def _secret_key(runtime: Runtime) -> str:
    settings = runtime.settings
    if settings.web_secret_key:
        return settings.web_secret_key.get_secret_value()
    if not settings.is_development:
        raise InsecureConfiguration(
            "EINGANG_WEB_SECRET_KEY fehlt: außerhalb der Entwicklung (EINGANG_ENVIRONMENT="
            f"{settings.environment}) startet die Weboberfläche nur mit einem geheimen Schlüssel (≥ 32 Zeichen)."
        )
    logger.warning("EINGANG_WEB_SECRET_KEY is not set; using a random key (logins end when the process stops)")
    return secrets.token_urlsafe(48)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/chat/api/"))


def _is_chat_api(request: Request) -> bool:
    return request.url.path.startswith("/chat/api/")


def create_app(runtime: Runtime) -> FastAPI:
    settings = runtime.settings
    app = FastAPI(
        title="Eingang API",
        description="Beratungsfälle, Nachrichten, Aufgaben und Statistiken des Kompetenzzentrums Verwaltung 4.0. "
        "Anmeldung mit `Authorization: Bearer <Token>` (Token: `eingang users token NAME`).",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    # The packaged Swagger UI (4.x) reads OpenAPI 3.0; FastAPI's schema is compatible with it.
    app.openapi_version = "3.0.3"
    app.state.runtime = runtime
    app.state.login_throttle = LoginThrottle.from_settings(settings)
    secure_cookie = settings.web_cookie_secure
    if secure_cookie is None:
        secure_cookie = not settings.is_development
    app.add_middleware(body_limits, settings=settings)  # innermost: counts the body as it is read
    app.add_middleware(SecurityHeadersMiddleware, hsts=secure_cookie)
    app.add_middleware(
        SessionMiddleware,
        secret_key=_secret_key(runtime),
        session_cookie="eingang_session",
        max_age=int(settings.web_session_hours * 3600),
        same_site="lax",
        https_only=secure_cookie,
    )
    app.add_middleware(TrustedProxyMiddleware, trusted=settings.web_trusted_proxies)  # outermost
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/api/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs(request: Request):
        return render(request, "api_docs.html", {}, headers={"Content-Security-Policy": SWAGGER_CSP})

    @app.get("/gesundheit", include_in_schema=False)
    def health():
        return {"status": "ok"}

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        location = f"/anmelden?next={quote(target, safe='/')}" if target != "/" else "/anmelden"
        return RedirectResponse(location, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        detail = errors.TOO_LARGE if exc.status_code == 413 else exc.detail  # Starlette's body limit says it in English
        if _is_chat_api(request):  # the chat's error shape: {"error": code, "message": text}
            body = {
                "error": errors.chat_error_code(exc.status_code),
                "message": errors.chat_message(exc.status_code, detail),
            }
            return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
        if _is_api(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
        context = {"status": exc.status_code, "detail": detail}
        return render(request, "error.html", context, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if _is_chat_api(request):
            body = {
                "error": "invalid",
                "message": errors.INVALID_CHAT_REQUEST,
                "detail": jsonable_encoder(exc.errors()),
            }
            return JSONResponse(body, status_code=422)
        if _is_api(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return render(request, "error.html", {"status": 400, "detail": "Ungültige Eingabe."}, status_code=400)

    @app.exception_handler(DataError)
    async def _invalid_data(request: Request, _exc: DataError):
        # The database refused a value from the request (a NUL byte, a number out of range): the
        # request's transaction is rolled back; it is the client's error, not ours.
        logger.info("request refused by the database: %s %s", request.method, request.url.path)
        if _is_chat_api(request):
            return JSONResponse({"error": "invalid", "message": errors.INVALID_DATA}, status_code=422)
        if _is_api(request):
            return JSONResponse({"detail": errors.INVALID_DATA}, status_code=422)
        return render(request, "error.html", {"status": 422, "detail": errors.INVALID_DATA}, status_code=422)

    app.include_router(login.router)
    app.include_router(inbox_views.router)
    app.include_router(live.router)
    app.include_router(triage.router)
    app.include_router(attachment_preview.router)
    app.include_router(presence.router)
    app.include_router(dashboard.router)
    app.include_router(users.router)
    app.include_router(authorities.router)
    app.include_router(notifications.router)
    app.include_router(operations.router)
    app.include_router(metrics.router)
    app.include_router(profile.router)
    app.include_router(text_modules.page_router)
    app.include_router(text_modules.api_router)
    app.include_router(drafts.router)
    app.include_router(statistics_api.router)  # before api.router: /api/statistics/{key} would match
    app.include_router(authorities.api_router)
    app.include_router(api.router)
    app.state.chat_enabled = False
    if importlib.util.find_spec("web.chat") is not None:  # the chat (issue 8), when present
        try:
            chat = importlib.import_module("web.chat")
        except ModuleNotFoundError as error:
            logger.warning("chat module present but incomplete, not mounted: %s", error)
        else:
            app.include_router(chat.router)
            app.state.chat_enabled = True
    return app
