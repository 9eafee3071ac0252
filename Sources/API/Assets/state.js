// The page's whole state lives in the address bar, so any view can be shared as a link and the
// back button retraces it. This module converts between the URL and a plain state object.

export const SORTS = ["relevance", "-date", "date"];
export const PAGE_SIZE = 10;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The empty state: the home page. */
export function emptyState() {
  return {
    q: "",
    sort: "relevance",
    from: "",
    to: "",
    source: [],
    category: [],
    mention: [],
    page: 1,
    article: "",
    entity: "",
    apage: 1,
  };
}

function positive(text) {
  const value = Number.parseInt(text ?? "", 10);
  return Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
}

function unique(values) {
  return [...new Set(values.filter((value) => value !== ""))];
}

/** Reads a state from a query string; values that make no sense fall back to their defaults. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = (params.get("q") ?? "").trim();
  const sort = params.get("sort");
  state.sort = SORTS.includes(sort) ? sort : "relevance";
  state.from = DATE.test(params.get("from") ?? "") ? params.get("from") : "";
  state.to = DATE.test(params.get("to") ?? "") ? params.get("to") : "";
  state.source = unique(params.getAll("source"));
  state.category = unique(params.getAll("category"));
  state.mention = unique(params.getAll("mention"));
  state.page = positive(params.get("page"));
  state.article = params.get("article") ?? "";
  state.entity = params.get("entity") ?? "";
  state.apage = positive(params.get("apage"));
  return state;
}

/** The query string of a state ("?q=..." or ""), keys in a fixed order, defaults left out. */
export function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const key of ["source", "category", "mention"]) {
    for (const value of state[key] ?? []) params.append(key, value);
  }
  if (state.page > 1) params.set("page", String(state.page));
  if (state.article) params.set("article", state.article);
  if (state.entity) params.set("entity", state.entity);
  if (state.apage > 1) params.set("apage", String(state.apage));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The page link for a state. */
export function href(state) {
  return `/${writeState(state)}`;
}

/** A copy of `state` with `changes` applied; any change but a page move returns to page 1. */
export function withChanges(state, changes) {
  const next = { ...state, source: [...state.source], category: [...state.category], mention: [...state.mention] };
  Object.assign(next, changes);
  if (!("page" in changes)) next.page = 1;
  if (!("apage" in changes)) next.apage = 1;
  return next;
}

/** The search part of a state: what closing an article or entity view returns to. */
export function searchOnly(state) {
  return { ...state, article: "", entity: "", apage: 1 };
}

/** Whether a state has anything to search or filter by. */
export function hasCriteria(state) {
  return Boolean(
    state.q || state.from || state.to || state.source.length || state.category.length || state.mention.length,
  );
}

/** The first and last day of a "YYYY-MM" month, as YYYY-MM-DD. */
export function monthRange(month) {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]);
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${match[1]}-${match[2]}-01`, to: `${match[1]}-${match[2]}-${String(last).padStart(2, "0")}` };
}

/** The month a from/to pair covers exactly, or null. */
export function rangeMonth(from, to) {
  if (!from || !to || from.slice(0, 7) !== to.slice(0, 7)) return null;
  const range = monthRange(from.slice(0, 7));
  return range && range.from === from && range.to === to ? from.slice(0, 7) : null;
}
