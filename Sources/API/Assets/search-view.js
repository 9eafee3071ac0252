// Search results with snippets, facets beside them and chips for the active filters. With no
// query (or on a server without /v1/search) the view lists articles through /v1/articles.
import { ApiError, ENTITIES_OFF, getJSON, serverTiming, url } from "./api.js";
import { h, replace, formatDate, formatMonth, formatNumber, plural } from "./dom.js";
import { PAGE_SIZE, href, monthRange, rangeMonth, searchOnly, withChanges } from "./state.js";

const FACETS = [
  { key: "source", label: "Sources", filter: "source" },
  { key: "category", label: "Categories", filter: "category" },
  { key: "month", label: "Months" },
  { key: "entity.person", label: "People", filter: "mention" },
  { key: "entity.organization", label: "Organisations", filter: "mention" },
  { key: "entity.location", label: "Places", filter: "mention" },
  { key: "entity.group", label: "Groups", filter: "mention" },
  { key: "entity.event", label: "Events", filter: "mention" },
];
const FACET_VISIBLE = 6;

/**
 * The /v1/search URL for a state. Without `entities` (a server that does not extract them) the
 * entity facets are not asked for: that server refuses them.
 */
export function searchURL(state, { entities = true } = {}) {
  return url("/v1/search", {
    q: state.q,
    sort: state.sort,
    from: state.from,
    to: state.to,
    source: state.source,
    category: state.category,
    entity: state.mention,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
    facets: FACETS.filter((facet) => entities || !facet.key.startsWith("entity."))
      .map((facet) => facet.key)
      .join(","),
  });
}

/** The /v1/articles URL for a state: the listing has no relevance, so it sorts by date. */
export function listURL(state) {
  return url("/v1/articles", {
    sort: state.sort === "date" ? "date" : "-date",
    from: state.from,
    to: state.to,
    source: state.source,
    category: state.category,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  });
}

function prettyEntity(id, names) {
  if (names.has(id)) return names.get(id);
  const slug = String(id).split("/").pop() ?? id;
  return slug.replace(/-/g, " ").replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

function toggled(values, value) {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}

/** The removable chips of the active filters. */
export function renderChips(container, state, ui) {
  const chips = [];
  const chip = (label, changes) =>
    chips.push(
      h(
        "button",
        { type: "button", class: "chip", "aria-label": `Remove filter ${label}`, onclick: () => ui.navigate(withChanges(state, changes)) },
        h("span", null, label),
        h("span", { class: "chip-x", "aria-hidden": "true" }, "×"),
      ),
    );
  for (const value of state.source) chip(`Source: ${value}`, { source: state.source.filter((item) => item !== value) });
  for (const value of state.category) chip(`Category: ${value}`, { category: state.category.filter((item) => item !== value) });
  for (const id of state.mention) chip(`Mentions: ${prettyEntity(id, ui.names)}`, { mention: state.mention.filter((item) => item !== id) });
  const month = rangeMonth(state.from, state.to);
  if (month) chip(`Month: ${formatMonth(month)}`, { from: "", to: "" });
  else {
    if (state.from) chip(`From ${formatDate(state.from)}`, { from: "" });
    if (state.to) chip(`To ${formatDate(state.to)}`, { to: "" });
  }
  const active = chips.length;
  if (active > 1) {
    chips.push(
      h("button", { type: "button", class: "chip chip-clear", onclick: () => ui.navigate(withChanges(state, { source: [], category: [], mention: [], from: "", to: "" })) }, "Clear all filters"),
    );
  }
  ui.setFilterCount(active);
  container.hidden = chips.length === 0;
  replace(container, chips.length ? h("h2", { class: "visually-hidden" }, "Active filters") : null, chips);
}

function facetGroup(facet, values, state, ui) {
  const selected = (value) => {
    if (facet.key === "month") return rangeMonth(state.from, state.to) === value;
    return state[facet.filter].includes(value);
  };
  const rows = values.map((item) => ({ value: String(item.value), name: item.name, count: item.count }));
  // A chosen value the server no longer counts still shows, so it can be unchosen here too. (A
  // chosen entity's type is unknown here, so its chip is the way to remove it.)
  const month = rangeMonth(state.from, state.to);
  const chosen = facet.key === "month" ? (month ? [month] : []) : facet.key.startsWith("entity.") ? [] : state[facet.filter];
  for (const value of chosen) {
    if (!rows.some((row) => row.value === value)) rows.push({ value, name: null, count: 0 });
  }
  if (rows.length === 0) return null;
  for (const row of rows) if (row.name) ui.names.set(row.value, row.name);
  const headingID = `facet-${facet.key.replace(".", "-")}`;
  const list = h(
    "ul",
    { class: "facet-values", "aria-labelledby": headingID },
    rows.map((row, index) => {
      const label = facet.key === "month" ? formatMonth(row.value) : row.name ?? row.value;
      const pressed = selected(row.value);
      return h(
        "li",
        { class: index >= FACET_VISIBLE && !pressed ? "facet-extra" : null, hidden: index >= FACET_VISIBLE && !pressed },
        h(
          "button",
          {
            type: "button",
            class: "facet-value",
            "aria-pressed": String(pressed),
            dataset: { facet: facet.key, value: row.value },
            onclick: () => {
              if (facet.key === "month") {
                const range = pressed ? { from: "", to: "" } : monthRange(row.value);
                ui.navigate(withChanges(state, range));
              } else {
                ui.navigate(withChanges(state, { [facet.filter]: toggled(state[facet.filter], row.value) }));
              }
            },
          },
          h("span", { class: "facet-label" }, label),
          h("span", { class: "facet-count" }, formatNumber(row.count), h("span", { class: "visually-hidden" }, row.count === 1 ? " result" : " results")),
        ),
      );
    }),
  );
  const extra = rows.length - FACET_VISIBLE;
  const more =
    extra > 0
      ? h("button", {
          type: "button",
          class: "facet-more link-button",
          "aria-expanded": "false",
          text: `Show ${extra} more`,
          onclick: (event) => {
            const button = event.currentTarget;
            const open = button.getAttribute("aria-expanded") !== "true";
            for (const item of list.querySelectorAll(".facet-extra")) item.hidden = !open;
            button.setAttribute("aria-expanded", String(open));
            button.textContent = open ? "Show fewer" : `Show ${extra} more`;
          },
        })
      : null;
  return h("section", { class: "facet", dataset: { facet: facet.key } }, h("h3", { id: headingID }, facet.label), list, more);
}

function renderFacets(container, facets, state, ui) {
  const groups = FACETS.map((facet) => facetGroup(facet, Array.isArray(facets?.[facet.key]) ? facets[facet.key] : [], state, ui)).filter(Boolean);
  replace(container, groups.length ? groups : h("p", { class: "muted" }, "No facets for these results."));
}

function pagination(state, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const link = (page, label, rel) =>
    page >= 1 && page <= pages
      ? h("a", { href: href({ ...state, page }), rel, class: "page-link" }, label)
      : h("span", { class: "page-link", "aria-disabled": "true" }, label);
  return h(
    "nav",
    { class: "pagination", "aria-label": "Result pages" },
    link(state.page - 1, "← Previous", "prev"),
    h("span", { class: "page-current", "aria-current": "page" }, `Page ${formatNumber(state.page)} of ${formatNumber(pages)}`),
    link(state.page + 1, "Next →", "next"),
  );
}

function meta(item) {
  return h(
    "p",
    { class: "meta" },
    h("time", { datetime: item.date ?? null }, formatDate(item.date)),
    item.source ? [" · ", h("span", { class: "meta-source" }, item.source)] : null,
    item.category ? [" · ", h("span", { class: "meta-category" }, item.category)] : null,
  );
}

function snippet(item) {
  const paragraph = h("p", { class: "snippet" });
  // The only server text inserted as markup: the API escapes it and adds nothing but <mark>.
  paragraph.innerHTML = item.html ?? "";
  return paragraph;
}

function resultItem(item, state) {
  const snippets = Array.isArray(item.snippets) ? item.snippets : [];
  const duplicates = item.duplicates?.count ?? 0;
  return h(
    "li",
    { class: "result", dataset: { id: item.id } },
    h("h3", { class: "result-title" }, h("a", { href: href({ ...searchOnly(state), article: item.id }) }, item.title || "(untitled)")),
    meta(item),
    snippets.length ? snippets.map(snippet) : item.excerpt ? h("p", { class: "snippet" }, item.excerpt) : null,
    duplicates > 0 ? h("p", { class: "duplicates" }, `Also published ${plural(duplicates, "more time")}`) : null,
  );
}

function resultList(items, state) {
  return h("ol", { class: "results", start: String((state.page - 1) * PAGE_SIZE + 1) }, items.map((item) => resultItem(item, state)));
}

function range(state, count, total) {
  if (total === 0) return "";
  const first = (state.page - 1) * PAGE_SIZE + 1;
  return `${formatNumber(first)}–${formatNumber(first + count - 1)} of `;
}

let firstResultsMarked = false;

/** Marks the moment results first appear, for the browser test and for anyone profiling. */
function markFirstResults() {
  if (firstResultsMarked) return;
  firstResultsMarked = true;
  performance.mark("newsdesk:first-results");
}

async function showSearch(state, ui, signal) {
  const entities = ui.capabilities.entities !== false;
  const { data, headers } = await getJSON(searchURL(state, { entities }), { signal });
  const items = Array.isArray(data.items) ? data.items : [];
  const total = Number(data.total) || 0;
  const timing = serverTiming(headers.get("Server-Timing"), "search");
  ui.setStatus(
    [
      `${range(state, items.length, total)}${plural(total, "result")} for “${state.q}”`,
      timing === null ? "" : ` · ${timing.toFixed(2)} ms`,
    ].join(""),
  );
  renderFacets(ui.facets, data.facets, state, ui);
  replace(
    ui.view,
    h("h2", { class: "visually-hidden", tabindex: "-1" }, "Results"),
    data.typoTolerance ? h("p", { class: "notice" }, "No exact matches: showing results for similar spellings.") : null,
    items.length ? resultList(items, state) : h("p", { class: "empty" }, "No articles match. Try fewer words or remove a filter."),
    pagination(state, total),
  );
  markFirstResults();
}

async function showList(state, ui, signal, notice) {
  const { data } = await getJSON(listURL(state), { signal });
  const items = Array.isArray(data.items) ? data.items : [];
  const total = Number(data.total) || 0;
  ui.setStatus(`${range(state, items.length, total)}${plural(total, "article")}, ${state.sort === "date" ? "oldest" : "newest"} first`);
  replace(
    ui.facets,
    h("p", { class: "muted" }, "Search to see sources, categories, months and entities with their counts."),
  );
  replace(
    ui.view,
    h("h2", { class: "visually-hidden", tabindex: "-1" }, "Articles"),
    notice ? h("p", { class: "notice" }, notice) : null,
    state.mention.length ? h("p", { class: "notice" }, "Entity filters apply to searches: type a query to use them.") : null,
    items.length ? resultList(items, state) : h("p", { class: "empty" }, "No articles in this range."),
    pagination(state, total),
  );
  markFirstResults();
}

/** Draws the search (or listing) view for `state`; errors are shown, not thrown. */
export async function renderSearch(state, ui, signal) {
  renderChips(ui.chips, state, ui);
  document.title = state.q ? `${state.q} – Newsdesk` : "Newsdesk";
  try {
    if (state.q && ui.capabilities.search !== false) {
      try {
        try {
          await ui.statsRead;
          await showSearch(state, ui, signal);
        } catch (error) {
          // Asked for entity facets before /v1/stats said the server has no entities: ask again without.
          if (!(error instanceof ApiError && error.type === ENTITIES_OFF && error.parameter === "facets")) throw error;
          ui.capabilities.entities = false;
          await showSearch(state, ui, signal);
        }
        ui.capabilities.search = true;
      } catch (error) {
        if (!(error instanceof ApiError && error.isMissingEndpoint)) throw error;
        ui.capabilities.search = false;
        await showList(state, ui, signal, "Full-text search is not available on this server yet; showing the article list instead.");
      }
    } else {
      await showList(state, ui, signal, state.q ? "Full-text search is not available on this server yet; showing the article list instead." : null);
    }
  } catch (error) {
    if (error.name === "AbortError") return;
    if (error instanceof ApiError && error.parameter === "q") {
      ui.setQueryError(error.detail);
      ui.setStatus("");
      replace(ui.view, h("p", { class: "error" }, "Fix the query above to search."));
      return;
    }
    ui.showError(error);
  }
}
