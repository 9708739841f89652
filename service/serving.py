"""How `crosscheck serve` runs the app: gunicorn with gevent workers, the app built once before
they fork, and gunicorn's own error answers in the app's problem+json."""
import gc
import json
from http import HTTPStatus
from urllib.parse import urlsplit

from gunicorn import util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.ggevent import GeventWorker

from .errors import PROBLEM_MEDIA_TYPE

# Connections one worker holds at once: idle and slow ones cost a greenlet each, not a worker.
WORKER_CONNECTIONS = 1000


class _ErrorCapture:
    """Stands in for the client socket while gunicorn writes its HTML error page: keeps the
    status line, sends nothing."""

    def __init__(self):
        self.written = b""

    def gettimeout(self):
        return 0.0

    def sendall(self, data):
        self.written += data

    def status(self):
        return int(self.written.split(b" ", 2)[1])


class ProblemWorker(GeventWorker):
    """A gevent worker: each connection is a greenlet, so clients that open a connection and send
    half a request, or nothing, wait cheaply instead of holding the worker (a sync worker is held
    until its 30 s timeout; a gthread worker holds a thread per half-sent request).

    The requests gunicorn refuses itself, before the app sees them (a malformed request line, 431
    header fields too large), are answered as problem+json like every other error."""

    def handle_error(self, req, client, addr, exc):
        capture = _ErrorCapture()
        super().handle_error(req, capture, addr, exc)  # gunicorn's choice of status, and its log
        status = HTTPStatus(capture.status())
        body = json.dumps({"type": "about:blank", "title": status.phrase, "status": status.value,
                           "detail": status.description}).encode()
        head = (f"HTTP/1.1 {status.value} {status.phrase}\r\nConnection: close\r\n"
                f"Content-Type: {PROBLEM_MEDIA_TYPE}\r\nContent-Length: {len(body)}\r\n\r\n")
        try:
            util.write_nonblock(client, head.encode("latin-1") + body)
        except OSError:
            self.log.debug("Failed to send error message.")


class Server(BaseApplication):
    """gunicorn over an app built before the workers fork (preloaded), each worker then renewing
    the engine's locks once gevent has patched `threading`."""

    def __init__(self, app, bind, workers):
        self.app, self.bind, self.workers = app, bind, workers
        super().__init__()

    def load_config(self):
        self.cfg.set("bind", self.bind)
        self.cfg.set("workers", self.workers)
        self.cfg.set("worker_class", ProblemWorker)
        self.cfg.set("worker_connections", WORKER_CONNECTIONS)
        self.cfg.set("accesslog", None)  # the app logs each request as JSON, with its id
        self.cfg.set("preload_app", True)
        self.cfg.set("post_worker_init", self.renew_locks)

    def renew_locks(self, worker):
        self.app.extensions["crosscheck"].renew_locks()

    def load(self):
        # The index is millions of long-lived objects: frozen, the cyclic GC stops re-scanning
        # them (pauses that set the p99) and forked workers stop copying their pages.
        gc.freeze()
        return self.app


def shown_database(url):
    """The database URL with its password hidden, to name it in a message."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
