// Unit tests of the page's pure logic (URL state, mention offsets, timeline months, suggestion
// words, Server-Timing), run by Node's test runner: node --test Tests/browser/
import assert from "node:assert/strict";
import { test } from "node:test";

import { entityPath, serverTiming, url } from "../../Sources/API/Assets/api.js";
import { mentionRuns } from "../../Sources/API/Assets/article-view.js";
import { emptyState, href, monthRange, rangeMonth, readState, withChanges, writeState } from "../../Sources/API/Assets/state.js";
import { currentWord } from "../../Sources/API/Assets/suggest.js";
import { searchURL } from "../../Sources/API/Assets/search-view.js";
import { filledMonths, undatedNote } from "../../Sources/API/Assets/timeline.js";

test("a state survives the address bar", () => {
  const state = {
    ...emptyState(),
    q: 'port "strike" -delay',
    sort: "-date",
    from: "2026-03-01",
    to: "2026-03-31",
    source: ["Harbour Times", "Tech & Wire"],
    category: ["world"],
    mention: ["person/mara-quint"],
    page: 3,
    article: "a/1 ü",
    apage: 2,
  };
  assert.deepEqual(readState(writeState(state)), state);
});

test("defaults stay out of the address", () => {
  assert.equal(writeState(emptyState()), "");
  assert.equal(href({ ...emptyState(), q: "tide" }), "/?q=tide");
});

test("nonsense in the address falls back to defaults", () => {
  const state = readState("?sort=best&page=-4&apage=x&from=yesterday&to=2026-13&source=&source=A&source=A");
  assert.equal(state.sort, "relevance");
  assert.equal(state.page, 1);
  assert.equal(state.apage, 1);
  assert.equal(state.from, "");
  assert.equal(state.to, "");
  assert.deepEqual(state.source, ["A"]);
});

test("a change returns to page 1 unless it moves the page", () => {
  const state = { ...emptyState(), q: "x", page: 4, apage: 2 };
  assert.equal(withChanges(state, { source: ["A"] }).page, 1);
  assert.equal(withChanges(state, { page: 5 }).page, 5);
  assert.deepEqual(state.source, [], "the original is not changed");
});

test("month ranges cover whole months, leap years included", () => {
  assert.deepEqual(monthRange("2024-02"), { from: "2024-02-01", to: "2024-02-29" });
  assert.deepEqual(monthRange("2026-12"), { from: "2026-12-01", to: "2026-12-31" });
  assert.equal(monthRange("March"), null);
  assert.equal(rangeMonth("2026-04-01", "2026-04-30"), "2026-04");
  assert.equal(rangeMonth("2026-04-01", "2026-04-29"), null);
  assert.equal(rangeMonth("2026-04-01", "2026-05-31"), null);
});

test("mentions are cut at UTF-16 offsets, so text after an emoji lines up", () => {
  const body = "😀 Mara Quint met Tobias in Porto.";
  const entities = [
    { id: "person/mara-quint", mentions: [{ start: 3, end: 13 }] },
    { id: "location/porto", mentions: [{ start: 28, end: 33 }] },
  ];
  const runs = mentionRuns(body, entities);
  assert.deepEqual(
    runs.map((run) => [run.text, run.entity?.id ?? null]),
    [
      ["😀 ", null],
      ["Mara Quint", "person/mara-quint"],
      [" met Tobias in ", null],
      ["Porto", "location/porto"],
      [".", null],
    ],
  );
  assert.equal(runs.map((run) => run.text).join(""), body);
});

test("overlapping and out-of-range mentions are left unmarked", () => {
  const body = "New York City Council";
  const entities = [
    { id: "org/council", mentions: [{ start: 0, end: 21 }] },
    { id: "place/nyc", mentions: [{ start: 0, end: 13 }] },
    { id: "bad", mentions: [{ start: 5, end: 99 }, { start: 4, end: 4 }, { start: "x", end: 3 }] },
  ];
  const runs = mentionRuns(body, entities);
  assert.deepEqual(runs.map((run) => [run.text, run.entity?.id ?? null]), [["New York City Council", "org/council"]]);
});

test("a timeline fills the months it skips, across a year", () => {
  const months = filledMonths([
    { period: "2026-02", mentions: 1, articles: 1 },
    { period: "2025-11", mentions: 4, articles: 2 },
    { period: "week-3", mentions: 9, articles: 9 },
  ]);
  assert.deepEqual(months.map((month) => month.period), ["2025-11", "2025-12", "2026-01", "2026-02"]);
  assert.deepEqual(months.map((month) => month.mentions), [4, 0, 0, 1]);
  assert.deepEqual(filledMonths([]), []);
});

test("suggestions ask only for a plain word being typed", () => {
  assert.equal(currentWord("port strik"), "strik");
  assert.equal(currentWord("Hegs"), "Hegs");
  assert.equal(currentWord("port s"), "");
  assert.equal(currentWord('source:"Harb'), "");
  assert.equal(currentWord("port "), "");
  assert.equal(currentWord("zürich"), "zürich");
});

test("Server-Timing durations are read by metric name", () => {
  assert.equal(serverTiming("search;dur=0.42", "search"), 0.42);
  assert.equal(serverTiming('db;dur=3, search;desc="x";dur=12.5', "search"), 12.5);
  assert.equal(serverTiming("db;dur=3", "search"), null);
  assert.equal(serverTiming(null, "search"), null);
  assert.equal(serverTiming("search;dur=abc", "search"), null);
});

test("API addresses repeat list parameters, drop empty ones and keep entity ids as paths", () => {
  assert.equal(url("/v1/search", { q: "a b", source: ["X", "Y&Z"], from: "", to: null }), "/v1/search?q=a+b&source=X&source=Y%26Z");
  assert.equal(url("/v1/articles", {}), "/v1/articles");
  assert.equal(entityPath("person/o'neil é"), "person/o'neil%20%C3%A9");
});

test("the timeline says what undated articles add", () => {
  assert.equal(undatedNote({ mentions: 2, articles: 2 }), " 2 more mentions in 2 undated articles.");
  assert.equal(undatedNote({ mentions: 1, articles: 1 }), " 1 more mention in 1 undated article.");
  assert.equal(undatedNote({ mentions: 0, articles: 0 }), "");
  assert.equal(undatedNote(undefined), "");
});

test("a search asks for entity facets only from a server that extracts entities", () => {
  const state = { ...emptyState(), q: "strike", mention: [] };
  const facets = (address) => new URLSearchParams(address.split("?")[1]).get("facets").split(",");
  assert.ok(facets(searchURL(state)).includes("entity.person"));
  assert.deepEqual(facets(searchURL(state, { entities: false })), ["source", "category", "month"]);
});
