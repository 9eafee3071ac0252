// One entity: its name, type, aliases and counts, a monthly timeline, the entities it appears
// with, and the articles that mention it.
import { entityPath, getJSON, url } from "./api.js";
import { h, replace, formatDate, formatNumber, plural, typeLabel } from "./dom.js";
import { PAGE_SIZE, hasCriteria, href, searchOnly, withChanges } from "./state.js";
import { timelineChart } from "./timeline.js";

function coMentions(entity, state) {
  const items = Array.isArray(entity.coMentions) ? entity.coMentions : [];
  if (items.length === 0) return h("p", { class: "muted" }, "Not mentioned alongside other entities.");
  return h(
    "ul",
    { class: "co-mentions" },
    items.map((item) =>
      h(
        "li",
        null,
        h("a", { href: href({ ...searchOnly(state), entity: item.id }), class: `type-${item.type}` }, item.name),
        " ",
        h("span", { class: "count" }, `${typeLabel(item.type)} · ${plural(item.count, "article")} together`),
      ),
    ),
  );
}

function articlePages(state, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const link = (page, label, rel) =>
    page >= 1 && page <= pages
      ? h("a", { href: href({ ...state, apage: page }), rel, class: "page-link" }, label)
      : h("span", { class: "page-link", "aria-disabled": "true" }, label);
  return h(
    "nav",
    { class: "pagination", "aria-label": "Article pages" },
    link(state.apage - 1, "← Previous", "prev"),
    h("span", { class: "page-current", "aria-current": "page" }, `Page ${formatNumber(state.apage)} of ${formatNumber(pages)}`),
    link(state.apage + 1, "Next →", "next"),
  );
}

function articleList(data, state) {
  const items = Array.isArray(data.items) ? data.items : [];
  if (items.length === 0) return h("p", { class: "muted" }, "No articles.");
  return [
    h(
      "ol",
      { class: "results", start: String((state.apage - 1) * PAGE_SIZE + 1) },
      items.map((item) =>
        h(
          "li",
          { class: "result", dataset: { id: item.id } },
          h("h3", { class: "result-title" }, h("a", { href: href({ ...searchOnly(state), entity: "", article: item.id }) }, item.title || "(untitled)")),
          h(
            "p",
            { class: "meta" },
            h("time", { datetime: item.date ?? null }, formatDate(item.date)),
            item.source ? ` · ${item.source}` : null,
            item.category ? ` · ${item.category}` : null,
          ),
          item.firstMention?.sentence ? h("blockquote", { class: "first-mention" }, item.firstMention.sentence) : item.excerpt ? h("p", { class: "snippet" }, item.excerpt) : null,
        ),
      ),
    ),
    articlePages(state, Number(data.total) || 0),
  ];
}

function section(title, content) {
  return h("section", { class: "entity-section" }, h("h3", null, title), content);
}

function failure(error) {
  return h("p", { class: "error" }, `Unavailable: ${error.message}`);
}

/** Draws the entity view for `state.entity`; errors are shown, not thrown. */
export async function renderEntity(state, ui, signal) {
  const path = `/v1/entities/${entityPath(state.entity)}`;
  const [entityResult, timelineResult, articlesResult] = await Promise.allSettled([
    getJSON(path, { signal }),
    getJSON(url(`${path}/timeline`, { interval: "month" }), { signal }),
    getJSON(url(`${path}/articles`, { sort: "-date", limit: PAGE_SIZE, offset: (state.apage - 1) * PAGE_SIZE }), { signal }),
  ]);
  if (signal.aborted) return;
  if (entityResult.status === "rejected") {
    if (entityResult.reason?.name !== "AbortError") ui.showError(entityResult.reason);
    return;
  }
  const entity = entityResult.value.data;
  ui.names.set(entity.id, entity.name);
  document.title = `${entity.name} – Newsdesk`;
  const aliases = (Array.isArray(entity.aliases) ? entity.aliases : []).filter((alias) => alias.name !== entity.name);
  const back = hasCriteria(state) ? h("a", { href: href(searchOnly(state)), class: "back" }, "← Back to results") : null;
  ui.setStatus("");
  replace(
    ui.view,
    h(
      "article",
      { class: "entity", "aria-labelledby": "entity-name" },
      back,
      h("p", { class: `entity-type type-${entity.type}` }, typeLabel(entity.type)),
      h("h2", { id: "entity-name", class: "entity-name", tabindex: "-1" }, entity.name),
      h(
        "dl",
        { class: "entity-stats" },
        h("div", null, h("dt", null, "Articles"), h("dd", { dataset: { stat: "articles" } }, formatNumber(entity.articles))),
        h("div", null, h("dt", null, "Mentions"), h("dd", { dataset: { stat: "mentions" } }, formatNumber(entity.mentions))),
        h("div", null, h("dt", null, "First seen"), h("dd", null, formatDate(entity.firstSeen))),
        h("div", null, h("dt", null, "Last seen"), h("dd", null, formatDate(entity.lastSeen))),
      ),
      aliases.length
        ? h("p", { class: "aliases" }, "Also written as: ", aliases.map((alias, index) => [index ? ", " : "", h("span", { class: "alias" }, alias.name), ` (${formatNumber(alias.count)})`]))
        : null,
      // Entity filters narrow a search; with no query, the list below is already the answer.
      state.q && !state.mention.includes(entity.id)
        ? h(
            "p",
            null,
            h(
              "button",
              { type: "button", class: "link-button", onclick: () => ui.navigate(withChanges(searchOnly(state), { mention: [...state.mention, entity.id] })) },
              `Narrow “${state.q}” to articles mentioning ${entity.name}`,
            ),
          )
        : null,
      section("Mentions per month", timelineResult.status === "fulfilled" ? timelineChart(timelineResult.value.data.items ?? [], entity.name, timelineResult.value.data.undated) : failure(timelineResult.reason)),
      section("Mentioned with", coMentions(entity, state)),
      section("Articles", articlesResult.status === "fulfilled" ? articleList(articlesResult.value.data, state) : failure(articlesResult.reason)),
    ),
  );
}
