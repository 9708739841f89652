"""Long CPU work (rebuilding the engine) in a native thread, so the worker keeps answering.

Under gevent (`crosscheck serve`) a thread made with the patched `threading` is a greenlet, which
would hold the whole worker until the work ends; gevent's own thread pool runs it in a native
thread, and a greenlet waiting for it lets the others run. Elsewhere an ordinary thread does.
"""
import concurrent.futures

from gevent import monkey


class Pending:
    """Work running in the background: `ready(timeout)` waits up to `timeout` seconds for it;
    `result()` is its value, or raises what it raised."""

    def __init__(self, work):
        if monkey.is_module_patched("threading"):
            import gevent
            self.gevent = gevent.get_hub().threadpool.spawn(work)
            self.future = None
        else:
            executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
            self.future, self.gevent = executor.submit(work), None
            executor.shutdown(wait=False)

    def ready(self, timeout):
        if self.future is not None:
            return bool(concurrent.futures.wait([self.future], timeout).done)
        self.gevent.wait(timeout)
        return self.gevent.ready()

    def result(self):
        return self.future.result() if self.future is not None else self.gevent.get()
