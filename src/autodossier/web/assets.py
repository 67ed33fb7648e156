"""Assets served from the package, never a CDN: Swagger UI for ``/docs`` and the favicon.

Swagger UI comes from the pinned ``swagger-ui-bundle-v2`` package (Swagger UI 5, which reads
FastAPI's OpenAPI 3.1), so the API documentation works on a machine with no network.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).parent
# Where the Swagger UI files are mounted (under the app's own URL space).
SWAGGER_ASSETS = "/docs-assets"
FAVICON = HERE / "static" / "favicon.svg"


def install_assets(app: FastAPI) -> None:
    """Add ``/docs`` (Swagger UI from package files), its assets, and ``/favicon.ico``."""
    from swagger_ui_bundle import swagger_ui_path

    app.mount(SWAGGER_ASSETS, StaticFiles(directory=swagger_ui_path), name="swagger_assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} API",
            swagger_js_url=f"{SWAGGER_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER_ASSETS}/swagger-ui.css",
            swagger_favicon_url="/favicon.ico")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(FAVICON, media_type="image/svg+xml")
