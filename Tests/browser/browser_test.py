#!/usr/bin/env python3
"""Drives the browser page of a real `newsdesk` binary in headless Chromium.

Starts `.build/debug/newsdesk serve --port 0` on the bundled sample corpus, waits for /ready, then
searches, clicks a facet, opens an article and an entity, and checks what the page shows against
what the JSON API answers. A screenshot of each step goes to ci-artifacts/browser/. Any console
error or uncaught exception fails the run. Prints the time from navigation to the first rendered
results, and ends with the line `N passed, N failed, N skipped`; exits non-zero on a failure.

Needs Debian's chromium (`apt-get install chromium`) and Playwright from PyPI (`pip install
playwright`); Playwright drives the system browser through `executable_path`, since its own browser
download is not available here.

    python3 Tests/browser/browser_test.py [--binary PATH] [--artifacts DIR] [--data CORPUS]... [--no-entities]

With --no-entities the server runs `serve --no-entities` and the steps check that the page works
without entities: searches ask for no entity facet (the server would refuse one), articles say
the server does not identify entities, suggestions are words.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEOUT_MS = 10_000
PAGE_SIZE = 10


class Skip(Exception):
    """A step that cannot run against this server (an endpoint it does not serve yet)."""


class Server:
    """The newsdesk binary on a free port; stopped with SIGTERM (then SIGKILL) on exit."""

    def __init__(self, binary, data=(), extra=()):
        if not os.access(binary, os.X_OK):
            raise SystemExit(f"the newsdesk binary is not at {binary}; run `swift build` first")
        self.process = subprocess.Popen(
            [str(binary), "serve", "--port", "0", "--host", "127.0.0.1"] + [arg for path in data for arg in ("--data", path)]
            + list(extra),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT,
            env={k: v for k, v in os.environ.items() if not k.startswith("NEWSDESK_")})
        self.output = []
        self.port = None
        found = threading.Event()

        def read():
            for line in self.process.stdout:
                self.output.append(line)
                match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
                if match and self.port is None:
                    self.port = int(match.group(1))
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60) or self.port is None:
            self.stop()
            raise SystemExit("newsdesk did not print its listening line:\n" + "".join(self.output))
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/ready", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if self.process.poll() is not None:
                raise SystemExit("newsdesk exited before it was ready:\n" + "".join(self.output))
            time.sleep(0.1)
        self.stop()
        raise SystemExit("newsdesk was not ready within 120 s")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class API:
    """The JSON API, read directly to know what the page should show."""

    def __init__(self, base):
        self.base = base

    def get(self, path, **params):
        query = urllib.parse.urlencode([(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])])
        url = self.base + path + ("?" + query if query else "")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            body = error.read()
            try:
                return error.code, json.loads(body)
            except ValueError:
                return error.code, None

    def missing(self, path, **params):
        """Whether the server routes nothing at `path` (an endpoint still being built)."""
        status, body = self.get(path, **params)
        return status in (404, 501) and (body or {}).get("detail", "").startswith("No resource at")

    def require(self, path, what, **params):
        """The body of a 200, or Skip when the server does not serve `path` (404/501)."""
        status, body = self.get(path, **params)
        if status in (404, 501) and (body or {}).get("detail", "").startswith("No resource at"):
            raise Skip(f"the server has no {what} endpoint yet ({path} answered {status})")
        if status != 200:
            raise AssertionError(f"{path} answered {status}: {body}")
        return body


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def normalise(text):
    return re.sub(r"\s+", " ", text or "").strip()


def utf16_slice(text, start, end):
    """JavaScript's String.slice on UTF-16 code unit offsets, done in Python."""
    units = text.encode("utf-16-le")
    return units[start * 2:end * 2].decode("utf-16-le", errors="replace")


def filled_months(items):
    periods = sorted(item["period"] for item in items if re.fullmatch(r"\d{4}-\d{2}", item.get("period", "")))
    if not periods:
        return 0
    first_year, first_month = map(int, periods[0].split("-"))
    last_year, last_month = map(int, periods[-1].split("-"))
    return (last_year - first_year) * 12 + last_month - first_month + 1


def query_word(api):
    """A word from the sample corpus that search finds in several articles, so a facet can narrow it."""
    listing = api.require("/v1/articles", "article list", limit=50)
    if listing["total"] == 0:
        raise Skip("the corpus this binary serves is empty")
    counts = {}
    for item in listing["items"]:
        for word in set(re.findall(r"[A-Za-z]{5,}", item["title"] + " " + (item.get("excerpt") or ""))):
            counts[word.lower()] = counts.get(word.lower(), 0) + 1
    expect(counts, "the sample corpus has no titles to take a query from")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # The most common word could be a stop word; take one that search finds and whose results
    # span more than one source, so clicking a facet narrows them.
    for word, _ in ranked[:40]:
        status, body = api.get("/v1/search", q=word, limit=1)
        if status != 200:
            return word
        sources = body.get("facets", {}).get("source", [])
        if body["total"] >= 2 and len(sources) >= 2:
            return word
    return ranked[0][0]


class Run:
    def __init__(self, page, api, artifacts):
        self.page = page
        self.api = api
        self.artifacts = artifacts
        self.passed = self.failed = self.skipped = 0
        self.step = 0
        self.errors = []
        self.allowed = []
        # Endpoints this server does not route yet: the page's own 404s for them are expected (it
        # degrades and says so); any other failed load is an error.
        self.absent = []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught exception: {error}"))

    def console(self, message):
        if message.type != "error":
            return
        text = message.text
        if any(re.search(pattern, text) for pattern in self.allowed):
            return
        source = urllib.parse.urlparse(message.location.get("url", "")).path
        if "status of 404" in text and any(re.fullmatch(pattern, source) for pattern in self.absent):
            return
        self.errors.append(f"console error: {text} ({message.location.get('url', '')})")

    def shot(self, name):
        self.step += 1
        name = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        self.page.screenshot(path=str(self.artifacts / f"{self.step:02d}-{name}.png"), full_page=True)

    def check(self, name, body):
        self.errors.clear()
        try:
            body()
            self.page.wait_for_timeout(50)
            expect(not self.errors, "; ".join(self.errors))
            self.passed += 1
            print(f"PASS {name}")
        except Skip as reason:
            self.skipped += 1
            print(f"SKIP {name}: {reason}")
        except Exception as error:  # any failure of a step is reported, and the next step still runs
            self.failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            try:
                self.shot(f"failed-{name}")
            except Exception:
                pass
        finally:
            self.allowed = []

    def url_params(self):
        return urllib.parse.parse_qs(urllib.parse.urlparse(self.page.url).query)


def type_for_suggestions(page, base, prefix):
    """Opens the home page, types PREFIX into the search box as a person would and waits for the
    suggestion list; returns the box."""
    page.goto(base + "/")
    page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
    box = page.locator("#q")
    box.click()
    box.press_sequentially(prefix, delay=40)
    page.wait_for_selector("#suggestions:not([hidden]) [role=option]", timeout=TIMEOUT_MS)
    return box


def probe(api, r):
    """Finds which endpoints the server lacks, and says so."""
    listing = api.require("/v1/articles", "article list", limit=1)
    first = listing["items"][0]["id"] if listing["items"] else "none"
    r.empty = listing["total"] == 0
    probes = [
        (r"/v1/search", "/v1/search", {"q": "news"}),
        (r"/v1/suggest", "/v1/suggest", {"q": "ne"}),
        (r"/v1/articles/[^/]+/related", f"/v1/articles/{urllib.parse.quote(first, safe='')}/related", {}),
        (r"/v1/entities/.+", "/v1/entities/person/newsdesk-probe", {}),
    ]
    for pattern, path, params in probes:
        if api.missing(path, **params):
            r.absent.append(pattern)
            print(f"NOTE the server does not serve {pattern} yet; steps that need it are skipped")


def run(page, api, base, artifacts):
    r = Run(page, api, artifacts)
    state = {}
    probe(api, r)

    def home():
        listing = api.require("/v1/articles", "article list", limit=PAGE_SIZE)
        page.goto(base + "/")
        if listing["total"] == 0:
            page.wait_for_selector("#view .empty", timeout=TIMEOUT_MS)
            r.shot("home-empty")
            raise Skip("the corpus this binary serves is empty; checked the page says so")
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        first = page.evaluate("performance.getEntriesByName('newsdesk:first-results')[0]?.startTime ?? null")
        expect(first is not None, "the page did not mark its first results")
        print(f"TIME first results (article list), first navigation of a fresh browser: {first:.1f} ms")
        warm = []
        for _ in range(5):
            page.goto(base + "/")
            page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
            warm.append(page.evaluate("performance.getEntriesByName('newsdesk:first-results')[0].startTime"))
        print(f"TIME first results (article list), later navigations: median {sorted(warm)[2]:.1f} ms of "
              f"{', '.join(f'{t:.0f}' for t in warm)}")
        titles = page.locator("#view .result .result-title").all_inner_texts()
        expect(titles == [item["title"] for item in listing["items"]],
               f"home lists {titles[:3]}..., the API {[i['title'] for i in listing['items']][:3]}...")
        status = page.inner_text("#status")
        expect(f"of {listing['total']:,}" in status or f"{listing['total']:,} article" in status,
               f"status {status!r} does not give the total {listing['total']}")
        page.wait_for_function("document.getElementById('corpus-info').textContent.length > 0", timeout=TIMEOUT_MS)
        r.shot("home")

    def search():
        word = query_word(api)
        state["word"] = word
        body = api.require("/v1/search", "search", q=word, limit=PAGE_SIZE)
        state["search"] = body
        # Fresh navigations to a search address: the time from navigation to rendered results.
        times = []
        for _ in range(5):
            page.goto(base + "/?q=" + urllib.parse.quote(word))
            page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
            first = page.evaluate("performance.getEntriesByName('newsdesk:first-results')[0]?.startTime ?? null")
            expect(first is not None, "the page did not mark its first results")
            times.append(first)
        state["first_results_ms"] = times
        print(f"TIME first search results (q={word!r}, {body['total']} hits) after navigation: "
              f"median {sorted(times)[2]:.1f} ms of {', '.join(f'{t:.0f}' for t in times)}")
        titles = page.locator("#view .result .result-title").all_inner_texts()
        expect(titles == [item["title"] for item in body["items"]], f"results {titles} differ from the API's")
        status = page.inner_text("#status")
        expect(f"{body['total']:,} result" in status, f"status {status!r} lacks the total {body['total']}")
        expect(re.search(r"\d+\.\d\d ms", status), f"status {status!r} shows no server timing")
        marks = page.locator("#view .snippet mark").count()
        expect(marks > 0, "no highlighted term in the snippets")
        expect(page.locator("#view .snippet script, #view .snippet [onerror]").count() == 0, "markup beyond <mark> in snippets")
        groups = page.locator("#facet-groups .facet").count()
        expect(groups >= 1, "no facet groups beside the results")
        expect(r.url_params().get("q") == [word], f"the address {page.url} does not hold the query")
        r.shot("search")

    def suggestions():
        word = state.get("word")
        if not word:
            raise Skip("no search to type into")
        api.require("/v1/suggest", "suggest", q=word[:3], limit=8)
        box = type_for_suggestions(page, base, word[:3])
        expect(box.get_attribute("aria-expanded") == "true", "the combobox does not say it is expanded")
        box.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        expect(active == "suggestion-0", f"ArrowDown made {active!r} active, not the first option")
        expect(page.get_attribute("#suggestion-0", "aria-selected") == "true", "the first option is not selected")
        r.shot("suggestions")
        box.press("Escape")
        expect(page.locator("#suggestions").is_hidden(), "Escape did not close the suggestions")
        expect(box.get_attribute("aria-expanded") == "false", "the combobox still says it is expanded")
        box.fill(word)
        box.press("Enter")
        page.wait_for_url(re.compile(r"[?&]q="), timeout=TIMEOUT_MS)
        expect(r.url_params().get("q") == [word], f"Enter searched {page.url}, not {word!r}")

    def facet():
        body = state.get("search")
        if body is None:
            raise Skip("search is not served")
        page.goto(base + "/?q=" + urllib.parse.quote(state["word"]))
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        sources = body.get("facets", {}).get("source", [])
        expect(sources, "the API gave no source facet to click")
        target = sources[-1]
        button = page.locator(f'#facet-groups button[data-facet="source"][data-value="{target["value"]}"]')
        expect(button.count() == 1, f"no facet button for source {target['value']!r}")
        shown_count = normalise(button.locator(".facet-count").inner_text()).split(" ")[0]
        expect(shown_count == f"{target['count']:,}", f"facet {button.inner_text()!r} lacks its count {target['count']}")
        button.focus()
        page.keyboard.press("Enter")  # by keyboard: focus must stay on the value just chosen
        page.wait_for_url(re.compile(r"[?&]source="), timeout=TIMEOUT_MS)
        filtered = api.require("/v1/search", "search", q=state["word"], source=target["value"], limit=PAGE_SIZE)
        page.wait_for_function(
            "n => document.querySelectorAll('#view .result').length === n && document.getElementById('view').getAttribute('aria-busy') === 'false'",
            arg=len(filtered["items"]), timeout=TIMEOUT_MS)
        status = page.inner_text("#status")
        expect(f"{filtered['total']:,} result" in status, f"after the facet the status {status!r} lacks {filtered['total']}")
        sources_shown = set(page.locator("#view .result .meta-source").all_inner_texts())
        expect(sources_shown == {target["value"]}, f"filtered results come from {sources_shown}")
        focused = page.evaluate("document.activeElement.dataset.value ?? null")
        expect(focused == target["value"], f"focus moved to {focused!r} after choosing the facet")
        chip = page.locator("#chips .chip", has_text=f"Source: {target['value']}")
        expect(chip.count() == 1, "no chip for the active source filter")
        expect(page.locator(f'#facet-groups button[data-value="{target["value"]}"][aria-pressed="true"]').count() == 1,
               "the chosen facet is not shown pressed")
        r.shot("facet")
        page.go_back()
        page.wait_for_function("!location.search.includes('source=')", timeout=TIMEOUT_MS)
        page.wait_for_function("n => document.querySelectorAll('#view .result').length === n", arg=len(body["items"]), timeout=TIMEOUT_MS)
        expect(page.locator("#chips .chip").count() == 0, "the back button left the filter chip")
        page.go_forward()
        page.wait_for_selector("#chips .chip", timeout=TIMEOUT_MS)
        page.locator("#chips .chip").first.click()
        page.wait_for_function("!location.search.includes('source=')", timeout=TIMEOUT_MS)
        expect(page.locator("#chips .chip").count() == 0, "removing the chip left it shown")

    def titles_become(expected_items):
        page.wait_for_function(
            "titles => { const shown = [...document.querySelectorAll('#view .result .result-title')].map(e => e.textContent);"
            " return document.getElementById('view').getAttribute('aria-busy') === 'false'"
            " && JSON.stringify(shown) === JSON.stringify(titles); }",
            arg=[item["title"] for item in expected_items], timeout=TIMEOUT_MS)

    def sort_range_pages():
        body = state.get("search")
        if body is None:
            raise Skip("search is not served")
        word = state["word"]
        page.goto(base + "/?q=" + urllib.parse.quote(word))
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        page.select_option("#sort", "-date")
        page.wait_for_url(re.compile(r"[?&]sort=-date"), timeout=TIMEOUT_MS)
        newest = api.require("/v1/search", "search", q=word, sort="-date", limit=PAGE_SIZE)
        titles_become(newest["items"])
        if newest["total"] > PAGE_SIZE:
            page.locator(".pagination a[rel=next]").click()
            page.wait_for_url(re.compile(r"[?&]page=2"), timeout=TIMEOUT_MS)
            second = api.require("/v1/search", "search", q=word, sort="-date", limit=PAGE_SIZE, offset=PAGE_SIZE)
            titles_become(second["items"])
            expect(page.get_attribute("#view ol.results", "start") == str(PAGE_SIZE + 1), "page 2 is not numbered from 11")
            expect("Page 2 of" in page.inner_text(".pagination"), "the pager does not say page 2")
        months = [item["value"] for item in body.get("facets", {}).get("month", [])]
        expect(months, "the API gave no month facet to take a date from")
        start = min(months) + "-01"
        page.fill("#from", start)
        page.wait_for_url(re.compile(r"[?&]from=" + start), timeout=TIMEOUT_MS)
        expect("page" not in r.url_params(), "a new date range kept the old page number")
        ranged = api.require("/v1/search", "search", q=word, sort="-date", limit=PAGE_SIZE, **{"from": start})
        titles_become(ranged["items"])
        expect(f"{ranged['total']:,} result" in page.inner_text("#status"), "the status lacks the ranged total")
        expect(page.locator("#chips .chip", has_text="From").count() == 1, "no chip for the date range")
        r.shot("sorted-ranged")

    def article():
        page.wait_for_selector("#view :is(.result, .empty)", timeout=TIMEOUT_MS)
        if page.locator("#view .result").count() == 0:
            raise Skip("no article is listed to open")
        link = page.locator("#view .result .result-title a").first
        link.click()
        page.wait_for_url(re.compile(r"[?&]article="), timeout=TIMEOUT_MS)
        article_id = r.url_params()["article"][0]
        record = api.require(f"/v1/articles/{urllib.parse.quote(article_id, safe='')}", "article")
        state["article"] = record
        page.wait_for_selector("#article-title", timeout=TIMEOUT_MS)
        expect(page.inner_text("#article-title") == record["title"], "the article title differs from the API's")
        shown = normalise(page.inner_text(".article-body"))
        expect(shown == normalise(record["body"]), "the article text differs from the API's body")
        paragraphs = page.locator(".article-body p").count()
        expect(paragraphs == len([p for p in record["body"].split("\n\n") if p.strip()]), f"{paragraphs} paragraphs shown")
        expect(page.evaluate("document.activeElement.id") == "article-title", "focus did not move to the article title")
        page.wait_for_selector(".related-body :is(ul, p:not(:has-text('Loading')))", timeout=TIMEOUT_MS)
        r.shot("article")

    def mentions():
        record = state.get("article")
        if record is None:
            raise Skip("no article was opened")
        entities = record.get("entities")
        if entities is None:
            raise Skip("the server's articles carry no entities yet")
        expected = sorted((m["start"], m["end"], e["id"]) for e in entities for m in e["mentions"])
        marked = page.eval_on_selector_all(".article-body a.mention", "links => links.map(a => [a.textContent, a.dataset.entity])")
        want, end = [], -1
        for start, stop, entity_id in expected:
            if start >= end:
                want.append([utf16_slice(record["body"], start, stop), entity_id])
                end = stop
        expect(marked == want, f"marked mentions {marked[:4]}... differ from the API's {want[:4]}...")
        expect(page.locator(".article-entities li").count() == len(entities), "not every entity is listed by type")
        r.shot("article-entities")

    def entity():
        record = state.get("article")
        if not record or not record.get("entities"):
            raise Skip("no article with entities to start from")
        link = page.locator(".article-body a.mention").first
        entity_id = link.get_attribute("data-entity")
        link.click()
        page.wait_for_url(re.compile(r"[?&]entity="), timeout=TIMEOUT_MS)
        expect(r.url_params().get("entity") == [entity_id], f"the address {page.url} does not name {entity_id}")
        state["entity_opened"] = True
        path = "/v1/entities/" + "/".join(urllib.parse.quote(part, safe="") for part in entity_id.split("/"))
        detail = api.require(path, "entity")
        page.wait_for_selector("#entity-name", timeout=TIMEOUT_MS)
        expect(page.inner_text("#entity-name") == detail["name"], "the entity name differs from the API's")
        expect(page.inner_text('[data-stat="articles"]') == f"{detail['articles']:,}", "the article count differs")
        expect(page.inner_text('[data-stat="mentions"]') == f"{detail['mentions']:,}", "the mention count differs")
        timeline = api.require(path + "/timeline", "timeline", interval="month")
        bars = page.locator("svg.timeline rect.bar").count()
        expect(bars == filled_months(timeline["items"]), f"{bars} bars for {filled_months(timeline['items'])} months")
        titled = page.locator("svg.timeline rect.bar > title").count()
        expect(titled == bars, "a timeline bar has no <title>")
        articles = api.require(path + "/articles", "entity articles", sort="-date", limit=PAGE_SIZE)
        shown = page.locator(".entity .result .result-title").all_inner_texts()
        expect(shown == [item["title"] for item in articles["items"]], "the entity's articles differ from the API's")
        co = page.locator(".co-mentions li").count()
        expect(co == len(detail.get("coMentions", [])), f"{co} co-mentions shown")
        r.shot("entity")

    def back_button():
        record = state.get("article")
        if not record:
            raise Skip("no article was opened")
        if state.get("entity_opened"):
            page.go_back()
            page.wait_for_selector("#article-title", timeout=TIMEOUT_MS)
            expect(page.inner_text("#article-title") == record["title"], "back did not return to the article")
        page.go_back()
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        expect("article" not in r.url_params(), "back did not return to the results")
        if state.get("search"):
            expect(page.input_value("#q") == state["word"], "the search box lost the query")
        r.shot("back")

    def degraded_search():
        if "/v1/search" not in r.absent:
            raise Skip("the server serves search; this step checks the page without it")
        if r.empty:
            raise Skip("the corpus this binary serves is empty")
        page.goto(base + "/")
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        page.locator("#q").fill("market")
        page.locator("#q").press("Enter")
        page.wait_for_selector("#view .notice", timeout=TIMEOUT_MS)
        notice = page.inner_text("#view .notice")
        expect("not available" in notice, f"the notice {notice!r} does not say search is unavailable")
        expect(page.locator("#view .result").count() > 0, "the article list is not shown instead")
        expect(r.url_params().get("q") == ["market"], "the address does not hold the query")
        r.shot("search-unavailable")

    def query_error():
        if state.get("search") is None:
            raise Skip("search is not served")
        status, body = api.get("/v1/search", q='"unclosed')
        if status != 400:
            raise Skip(f"an unclosed quote answers {status}, not a 400 problem")
        r.allowed = [r"status of 400"]  # the fetch the page makes on purpose
        page.locator("#q").fill('"unclosed')
        page.locator("#q").press("Enter")
        page.wait_for_selector("#search-error:not([hidden])", timeout=TIMEOUT_MS)
        expect(page.inner_text("#search-error") == body["detail"], f"the error shown is {page.inner_text('#search-error')!r}")
        expect(page.get_attribute("#q", "aria-invalid") == "true", "the box is not marked invalid")
        r.shot("query-error")

    def phone_width():
        page.set_viewport_size({"width": 375, "height": 812})
        target = "/?q=" + urllib.parse.quote(state["word"]) if state.get("search") else "/"
        page.goto(base + target)
        page.wait_for_selector("#view :is(.result, .empty)", timeout=TIMEOUT_MS)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        expect(overflow <= 375, f"the page is {overflow}px wide at a 375px window")
        r.shot("phone-results")
        if state.get("article"):
            page.goto(base + "/?article=" + urllib.parse.quote(state["article"]["id"]))
            page.wait_for_selector("#article-title", timeout=TIMEOUT_MS)
            overflow = page.evaluate("document.documentElement.scrollWidth")
            expect(overflow <= 375, f"the article is {overflow}px wide at a 375px window")
            r.shot("phone-article")
        page.set_viewport_size({"width": 1280, "height": 900})

    for name, step in [("home lists the latest articles", home), ("search shows results, total, timing, snippets", search),
                       ("suggestions are keyboard navigable", suggestions), ("a facet filters, shows a chip, and back undoes it", facet),
                       ("sort, date range and pages follow the API", sort_range_pages),
                       ("an article shows its text", article),
                       ("the article marks and lists its entities", mentions), ("an entity shows counts, timeline and articles", entity),
                       ("the back button retraces article and results", back_button),
                       ("without /v1/search a query falls back to the list, saying so", degraded_search), ("a query error is shown beside the box", query_error),
                       ("the page fits a 375px phone", phone_width)]:
        r.check(name, step)
    return r


def run_without_entities(page, api, base, artifacts):
    """The page on a server started with --no-entities."""
    r = Run(page, api, artifacts)
    state = {}
    searches = []
    page.on("request", lambda request: searches.append(request.url) if "/v1/search?" in request.url else None)

    def stats_say_off():
        stats = api.require("/v1/stats", "stats")
        expect(stats.get("entityExtraction") is False, f"the server says entityExtraction {stats.get('entityExtraction')!r}")

    def search():
        word = query_word(api)
        state["word"] = word
        body = api.require("/v1/search", "search", q=word, limit=PAGE_SIZE, facets="source,category,month")
        searches.clear()
        page.goto(base + "/?q=" + urllib.parse.quote(word))
        page.wait_for_selector("#view .result", timeout=TIMEOUT_MS)
        titles = page.locator("#view .result .result-title").all_inner_texts()
        expect(titles == [item["title"] for item in body["items"]], f"results {titles} differ from the API's")
        expect(page.locator('#facet-groups .facet[data-facet="source"]').count() == 1, "no source facet beside the results")
        expect(page.locator('#facet-groups .facet[data-facet^="entity."]').count() == 0, "an entity facet is shown")
        expect(searches, "the page sent no search")
        asked = [urllib.parse.parse_qs(urllib.parse.urlparse(url).query).get("facets", [""])[0] for url in searches]
        expect(all("entity." not in facets for facets in asked), f"the page asked for entity facets: {asked}")
        r.shot("search-without-entities")

    def article():
        listing = api.require("/v1/articles", "article list", limit=1)
        article_id = listing["items"][0]["id"]
        record = api.require(f"/v1/articles/{urllib.parse.quote(article_id, safe='')}", "article")
        expect(record.get("entities") == [], f"the record has entities {record.get('entities')!r}")
        page.goto(base + "/?article=" + urllib.parse.quote(article_id))
        page.wait_for_selector("#article-title", timeout=TIMEOUT_MS)
        expect(normalise(page.inner_text(".article-body")) == normalise(record["body"]), "the article text differs")
        expect(page.locator(".article-body a.mention").count() == 0, "a mention is marked")
        side = page.inner_text(".article-entities")
        expect("does not identify entities" in side, f"the entity list says {side!r}")
        r.shot("article-without-entities")

    def suggestions():
        word = state.get("word")
        if not word:
            raise Skip("no search to type into")
        box = type_for_suggestions(page, base, word[:3])
        kinds = page.locator("#suggestions .suggestion-kind").all_inner_texts()
        expect(kinds and all(kind == "Word" for kind in kinds), f"suggestion kinds {kinds}")

    for name, step in [("the server says entity extraction is off", stats_say_off),
                       ("a search asks for no entity facet and shows the others", search),
                       ("an article says the server does not identify entities", article),
                       ("suggestions are words only", suggestions)]:
        r.check(name, step)
    return r


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "newsdesk"))
    parser.add_argument("--artifacts", default=str(ROOT / "ci-artifacts" / "browser"))
    parser.add_argument("--data", action="append", default=[], help="a corpus to serve instead of the bundled sample")
    parser.add_argument("--no-entities", action="store_true", help="serve --no-entities and check the page without entities")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Playwright is not installed: pip install playwright")
        print("0 passed, 1 failed")
        return 1
    if not os.access(CHROMIUM, os.X_OK):
        print(f"Chromium is not at {CHROMIUM}: apt-get install chromium")
        print("0 passed, 1 failed")
        return 1
    artifacts = Path(args.artifacts)
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):
        old.unlink()
    server = Server(args.binary, args.data, ["--no-entities"] if args.no_entities else [])
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            steps = run_without_entities if args.no_entities else run
            result = steps(page, API(server.base), server.base, artifacts)
            browser.close()
    finally:
        server.stop()
    summary = f"{result.passed} passed, {result.failed} failed"
    print(summary + (f", {result.skipped} skipped" if result.skipped else ""))
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
