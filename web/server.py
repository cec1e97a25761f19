"""`kg serve`: the web app under gunicorn, a production WSGI server.

One gunicorn worker with threads is enough for 2 cores: the threads only move bytes, and the work
of answering queries is done by the query worker processes (kg.web.pool), whose number follows the
cores. The gunicorn worker is restarted only if it stops answering its heartbeat.
"""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from kg.web import create_app
from kg.web.config import ServeSettings

__all__ = ["serve"]


class _Server(BaseApplication):
    def __init__(self, settings: ServeSettings, options: dict) -> None:
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app(self.settings)


def serve(
    settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000, threads: int = 16, access_log: bool = False
) -> None:
    """Serve until interrupted."""
    options = {
        "bind": f"{host}:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 120,
        "graceful_timeout": 5,
        "keepalive": 5,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "kg-serve",
    }
    _Server(settings, options).run()
