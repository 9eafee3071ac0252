// The page's entry point: reads the state from the address bar, draws the view it names, and
// turns every control into a change of address (pushState), so links and the back button work.
import { getJSON } from "./api.js";
import { formatDate, plural, replace, h } from "./dom.js";
import { renderArticle } from "./article-view.js";
import { renderEntity } from "./entity-view.js";
import { renderSearch } from "./search-view.js";
import { href, readState, withChanges, writeState } from "./state.js";
import { Suggestions } from "./suggest.js";

const $ = (id) => document.getElementById(id);
const input = $("q");
const form = $("search-form");
const sort = $("sort");
const from = $("from");
const to = $("to");
const queryError = $("search-error");
const view = $("view");
const status = $("status");
const facetsDetails = $("facets-details");

let state = readState(location.search);
let controller = null;
let retryTimer = 0;

const ui = {
  view,
  chips: $("chips"),
  facets: $("facet-groups"),
  /** Entity names by id, learnt from every answer, for chips that name a filter. */
  names: new Map(),
  /**
   * What this server turned out to offer: `search` is false once /v1/search answered 404,
   * `entities` false once /v1/stats (or a refused entity facet) said it does not extract them.
   */
  capabilities: {},
  /** Settles once /v1/stats first answered or failed (set below, before the first render). */
  statsRead: Promise.resolve(),
  navigate,
  setStatus(text) {
    status.textContent = text;
    status.classList.remove("error");
  },
  /** Shown in the folded filters' summary, so a phone user sees filters are on. */
  setFilterCount(count) {
    $("facets-heading").textContent = count ? `Filters (${count} active)` : "Filters";
  },
  setQueryError(text) {
    queryError.textContent = text;
    queryError.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "search-error search-hint");
  },
  showError(error) {
    status.textContent = "";
    if (error.status === 503) {
      // The server is up but still loading its corpus: say so and try again when it asks.
      const seconds = Math.min(Math.max(error.retryAfter ?? 1, 1), 30);
      replace(view, h("p", { class: "notice" }, `${error.message} This page will update when it is ready.`));
      retryTimer = setTimeout(() => render(), seconds * 1000);
      return;
    }
    const title = error.status ? `${error.title} (${error.status})` : error.title ?? "Error";
    replace(view, h("div", { class: "error", role: "alert" }, h("h2", null, title), h("p", null, error.message)));
  },
};

function clearQueryError() {
  queryError.hidden = true;
  queryError.textContent = "";
  input.removeAttribute("aria-invalid");
  input.setAttribute("aria-describedby", "search-hint");
}

/** Puts the state's values into the controls, so they always agree with the address bar. */
function syncControls() {
  if (document.activeElement !== input) input.value = state.q;
  sort.value = state.sort;
  from.value = state.from;
  to.value = state.to;
  const browsing = !state.article && !state.entity;
  document.body.dataset.view = state.article ? "article" : state.entity ? "entity" : "search";
  $("refine").hidden = !browsing;
  $("facets").hidden = !browsing;
}

/**
 * Where keyboard focus was among the controls a redraw replaces (a facet value or a chip), so it
 * can be put back on the same control, or on the results, instead of falling to the page's start.
 */
function focusedControl() {
  const active = document.activeElement;
  if (active?.matches?.("#facet-groups button[data-facet]")) {
    return `#facet-groups button[data-facet="${CSS.escape(active.dataset.facet)}"][data-value="${CSS.escape(active.dataset.value)}"]`;
  }
  if (active?.closest?.("#chips, #facet-groups, .pagination")) return "#content";
  return null;
}

async function render({ focus = false } = {}) {
  clearTimeout(retryTimer);
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const refocus = focusedControl();
  clearQueryError();
  syncControls();
  view.setAttribute("aria-busy", "true");
  if (state.article) await renderArticle(state, ui, signal);
  else if (state.entity) await renderEntity(state, ui, signal);
  else await renderSearch(state, ui, signal);
  if (signal.aborted) return;
  view.setAttribute("aria-busy", "false");
  // After a navigation, move focus to the new view's heading so a screen reader announces it.
  if (focus) (view.querySelector("h2[tabindex='-1']") ?? $("content")).focus({ preventScroll: true });
  else if (refocus) (document.querySelector(refocus) ?? $("content")).focus({ preventScroll: true });
}

/** Moves to `next`: a new history entry (or a replaced one) and a redraw. */
function navigate(next, { replaceEntry = false, focus = true } = {}) {
  const changedView = next.article !== state.article || next.entity !== state.entity;
  state = next;
  const address = `/${writeState(state)}`;
  if (replaceEntry) history.replaceState(null, "", address);
  else history.pushState(null, "", address);
  if (changedView) window.scrollTo(0, 0);
  render({ focus: focus && changedView });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  suggestions.close();
  const q = input.value.trim();
  navigate(withChanges({ ...state, article: "", entity: "" }, { q }), { focus: false });
});

const suggestions = new Suggestions(input, $("suggestions"), $("announcer"), (item, value) => {
  if (item.kind === "entity" && item.id) {
    ui.names.set(item.id, item.text);
    navigate({ ...state, entity: item.id, article: "", apage: 1 });
  } else {
    navigate(withChanges({ ...state, article: "", entity: "" }, { q: value.trim() }), { focus: false });
  }
});

sort.addEventListener("change", () => navigate(withChanges(state, { sort: sort.value })));
for (const field of [from, to]) {
  field.addEventListener("change", () => {
    if (field.value && !field.checkValidity()) return;
    navigate(withChanges(state, { from: from.value, to: to.value }));
  });
}

// Links within the page change the state instead of reloading; modified clicks open new tabs.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target) return;
  const target = new URL(link.href, location.href);
  if (target.origin !== location.origin || target.pathname !== "/") return;
  event.preventDefault();
  if (link.hasAttribute("data-home")) input.value = "";
  navigate(readState(target.search));
});

window.addEventListener("popstate", () => {
  state = readState(location.search);
  input.value = state.q;
  render({ focus: true });
});

// Filters start folded on a narrow screen, where they would push results out of sight.
const wide = window.matchMedia("(min-width: 48rem)");
facetsDetails.open = wide.matches;
wide.addEventListener("change", () => {
  facetsDetails.open = wide.matches;
});

async function showCorpus() {
  try {
    const { data } = await getJSON("/v1/stats");
    if (data.entityExtraction === false) ui.capabilities.entities = false;
    $("corpus-info").textContent = `${plural(Number(data.articles) || 0, "article")} · corpus ${data.version} loaded ${formatDate(data.loadedAt)}`;
  } catch (error) {
    if (error.status === 503) setTimeout(showCorpus, Math.max(error.retryAfter ?? 1, 1) * 1000);
    else $("corpus-info").textContent = "Corpus statistics are unavailable.";
  }
}

// Normalise the address (drop unknown or default values) without adding a history entry.
history.replaceState(null, "", href(state));
// A search waits for /v1/stats, which says whether the server has entities to facet by.
ui.statsRead = showCorpus();
render();
