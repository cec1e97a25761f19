"""kg's web app: the SPARQL endpoint, RDF export, the graph browser, Linked Data pages and the query page.

`create_app` is Flask's app factory; each part is a blueprint (kg.web.sparql, kg.web.graphstore for the
Graph Store Protocol, kg.web.export, kg.web.ui for the browser and query pages, kg.web.api for the
browser's JSON, kg.web.pages for entity and document pages). Queries run in a pool of worker processes
(kg.web.pool) so a query past its time limit can be stopped. `kg serve` runs the app under gunicorn
(kg.web.server).
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from kg.store import LatestStore
from kg.web import api, export, graphstore, pages, sparql, ui
from kg.web.config import ServeSettings
from kg.web.graphdata import BrowserGraphs
from kg.web.pool import QueryPool, Updater
from kg.web.protocol import error_response

__all__ = ["create_app", "ServeSettings", "PAGE_POLICY"]

# What kg's pages may load and run: only the app's own scripts (the front-end libraries are served from here
# too), its own styles (the libraries set some inline), its own data; and no page may frame them
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def create_app(settings: ServeSettings | None = None) -> Flask:
    """The Flask app serving the store named in `settings` (default: from the environment)."""
    settings = settings or ServeSettings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.extensions["kg.settings"] = settings
    app.extensions["kg.pool"] = QueryPool(settings.store, settings.query_workers, settings.query_timeout)
    app.extensions["kg.updater"] = Updater(settings.store, settings.query_timeout)
    app.extensions["kg.store"] = store = LatestStore(settings.store)
    app.extensions["kg.graphs"] = BrowserGraphs(store, settings.base_iri)
    for part in (sparql, graphstore, export, ui, api, pages):
        app.register_blueprint(part.blueprint)
    CORS(app, expose_headers=["Content-Disposition", "Content-Type"])

    @app.errorhandler(HTTPException)
    def plain_error(error: HTTPException) -> Response:
        message = f"{error.name}: {error.description}"
        if request.path.startswith("/api/"):
            response = api.json_error(error.code or 500, message)
        else:
            response = error_response(error.code or 500, message)
        allowed = getattr(error, "valid_methods", None)  # a MethodNotAllowed's
        if error.code == 405 and allowed:
            response.headers["Allow"] = ", ".join(allowed)
        return response

    @app.after_request
    def protect(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = PAGE_POLICY
        return response

    return app
