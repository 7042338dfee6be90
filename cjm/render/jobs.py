"""A few threads that run jobs in the order they were given: the waiting on Graphviz processes.

What `concurrent.futures.ThreadPoolExecutor` does for `cjm render`, without
importing it (it brings `logging`, a few milliseconds of every render's
start-up): `submit` returns a job whose `result()` waits for it and returns
its value or raises its error; `shutdown` drops the jobs not started and
waits for the running ones.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Job(Generic[T]):
    def __init__(self) -> None:
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None

    def result(self) -> T:
        """The job's value once it is done; its error is raised here."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    def finish(self, value: T | None, error: BaseException | None) -> None:
        self._value, self._error = value, error
        self._done.set()


class Jobs:
    """`workers` threads taking jobs in order."""

    def __init__(self, workers: int) -> None:
        self._waiting: queue.SimpleQueue[tuple[Job[Any], Callable[..., Any], tuple[Any, ...]] | None] = \
            queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, daemon=True) for _ in range(max(1, workers))]
        for thread in self._threads:
            thread.start()

    def submit(self, function: Callable[..., T], *args: Any) -> Job[T]:
        job: Job[T] = Job()
        self._waiting.put((job, function, args))
        return job

    def shutdown(self) -> None:
        """Drop the jobs not started (their result() raises), wait for the running ones."""
        while True:
            try:
                waiting = self._waiting.get_nowait()
            except queue.Empty:
                break
            if waiting is not None:
                waiting[0].finish(None, RuntimeError("cancelled"))
        for _ in self._threads:
            self._waiting.put(None)
        for thread in self._threads:
            thread.join()

    def __enter__(self) -> Jobs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def _work(self) -> None:
        while (task := self._waiting.get()) is not None:
            job, function, args = task
            try:
                job.finish(function(*args), None)
            except BaseException as error:  # handed to whoever waits on the job
                job.finish(None, error)
