"""Browser tests: the site served by a real server, driven by Debian's Chromium."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site in production settings on its own SQLite file, with all content."""
    folder = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        # Its own static files: the project's staticfiles/ may be read by other tests.
        "DJANGO_STATIC_ROOT": str(folder / "static"),
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "browser-tests-only-" + os.urandom(16).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # runserver speaks plain HTTP; in production a proxy terminates TLS.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    commands = (
        ["migrate"],
        ["load_content"],
        ["collectstatic", "--no-input"],
    )
    for command in commands:
        subprocess.run([*manage, *command, "-v0"], env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the site did not start")
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "e2e: a browser test of the served site; -m 'not e2e' leaves these out"
    )


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def django_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test thread until the
    session ends, which Django takes for an async context; the database tests that
    pytest runs after the browser tests are plain synchronous code all the same."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.access(CHROMIUM, os.X_OK):
        message = (
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(apt-get install chromium)."
        )
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def outside_requests(page, site):
    """Every request the page makes to a host other than the site's own."""
    requests = []

    def record(request):
        if not request.url.startswith((site + "/", "data:", "blob:")):
            requests.append(request.url)

    page.on("request", record)
    return requests


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, headings).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page):
    """axe-core's findings for AXE_TAGS, one readable line per rule broken.

    axe is evaluated through the DevTools protocol rather than added as a <script>
    (page.add_script_tag inlines the file, which the site's CSP, script-src 'self',
    rightly refuses); so the pages are tested under their real CSP, not bypass_csp.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(v => `${v.id} (${v.impact}): ${v.help}; ` +
                v.nodes.map(n => n.target.join(" ") + " — " + n.failureSummary
                    .replace(/\\s+/g, " ")).join(" | "));
        }""",
        AXE_TAGS,
    )


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
