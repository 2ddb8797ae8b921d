"""Two writers at once (PostgreSQL): another connection holds a record while
the test's own request tries to write it."""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection, transaction

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks: SQLite takes the whole database for each write",
)


@contextmanager
def another_writer(write):
    """Runs `write()` in a transaction on another connection, which commits only
    once a request of the `with` body waits for a row lock (or after 5 s)."""
    saved = threading.Event()

    def run():
        with transaction.atomic():
            write()
            saved.set()
            with connection.cursor() as cursor:
                for _ in range(100):
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                    )
                    if cursor.fetchone()[0]:
                        break
                    time.sleep(0.05)
        connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert saved.wait(5)
        yield
    finally:
        thread.join()
