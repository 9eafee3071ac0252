// One article: its clean text with entity mentions marked and linked, its entities by type, and
// related articles.
import { getJSON, url } from "./api.js";
import { h, replace, ENTITY_TYPES, externalLink, formatDate, plural, typeLabel } from "./dom.js";
import { hasCriteria, href, searchOnly } from "./state.js";

/**
 * Splits `body` into runs of plain text and mentions. Mentions carry UTF-16 offsets, which is how
 * JavaScript indexes strings; ones out of range or overlapping an earlier one are left unmarked.
 */
export function mentionRuns(body, entities) {
  const mentions = [];
  for (const entity of entities) {
    for (const mention of Array.isArray(entity.mentions) ? entity.mentions : []) {
      const start = Number(mention.start);
      const end = Number(mention.end);
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= body.length) {
        mentions.push({ start, end, entity });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const runs = [];
  let position = 0;
  for (const mention of mentions) {
    if (mention.start < position) continue;
    if (mention.start > position) runs.push({ text: body.slice(position, mention.start) });
    runs.push({ text: body.slice(mention.start, mention.end), entity: mention.entity });
    position = mention.end;
  }
  if (position < body.length) runs.push({ text: body.slice(position) });
  return runs;
}

/** Paragraph elements for the runs: a blank line in plain text starts a new paragraph. */
function paragraphs(runs, state) {
  const result = [];
  let current = h("p");
  const flush = () => {
    if (current.childNodes.length) result.push(current);
    current = h("p");
  };
  for (const run of runs) {
    if (run.entity) {
      current.append(
        h(
          "a",
          {
            class: `mention type-${run.entity.type}`,
            href: href({ ...searchOnly(state), entity: run.entity.id }),
            title: `${typeLabel(run.entity.type)}: ${run.entity.name}`,
            dataset: { entity: run.entity.id },
          },
          run.text,
        ),
      );
      continue;
    }
    const parts = run.text.split(/\n\s*\n/);
    parts.forEach((part, index) => {
      if (index > 0) flush();
      const text = index === 0 ? part : part.replace(/^\s+/, "");
      if (text) current.append(text);
    });
  }
  flush();
  return result;
}

function entityList(entities, state) {
  if (entities === null) return h("p", { class: "muted" }, "This server does not identify entities.");
  if (entities.length === 0) return h("p", { class: "muted" }, "No people, organisations or places were found in this article.");
  const byType = new Map();
  for (const entity of entities) {
    const type = ENTITY_TYPES.includes(entity.type) ? entity.type : "other";
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(entity);
  }
  return ENTITY_TYPES.filter((type) => byType.has(type)).map((type) =>
    h(
      "section",
      { class: "entity-group" },
      h("h3", null, typeLabel(type, true)),
      h(
        "ul",
        { class: "entity-list" },
        byType
          .get(type)
          .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0) || String(a.name).localeCompare(String(b.name)))
          .map((entity) =>
            h(
              "li",
              null,
              h("a", { href: href({ ...searchOnly(state), entity: entity.id }), class: `type-${type}` }, entity.name),
              " ",
              h("span", { class: "count" }, plural(Array.isArray(entity.mentions) ? entity.mentions.length : 0, "mention")),
            ),
          ),
      ),
    ),
  );
}

async function renderRelated(container, article, state, signal) {
  try {
    const { data } = await getJSON(url(`/v1/articles/${encodeURIComponent(article.id)}/related`, { limit: 5 }), { signal });
    const items = Array.isArray(data.items) ? data.items : [];
    replace(
      container,
      items.length
        ? h(
            "ul",
            { class: "related-list" },
            items.map((item) =>
              h(
                "li",
                null,
                h("a", { href: href({ ...searchOnly(state), article: item.id }) }, item.title || "(untitled)"),
                h("span", { class: "meta" }, ` ${formatDate(item.date)}${item.source ? ` · ${item.source}` : ""}`),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No related articles."),
    );
  } catch (error) {
    if (error.name === "AbortError") return;
    replace(container, h("p", { class: "muted" }, `Related articles are unavailable: ${error.message}`));
  }
}

/** Draws the article view for `state.article`; errors are shown, not thrown. */
export async function renderArticle(state, ui, signal) {
  let article;
  try {
    ({ data: article } = await getJSON(`/v1/articles/${encodeURIComponent(state.article)}`, { signal }));
  } catch (error) {
    if (error.name !== "AbortError") ui.showError(error);
    return;
  }
  await ui.statsRead; // a record opened directly must know whether the server extracts entities
  const detected = Array.isArray(article.entities) && ui.capabilities.entities !== false;
  const entities = detected ? article.entities : [];
  for (const entity of entities) ui.names.set(entity.id, entity.name);
  const body = typeof article.body === "string" ? article.body : (article.paragraphs ?? []).join("\n\n");
  const related = h("div", { class: "related-body" }, h("p", { class: "muted" }, "Loading related articles…"));
  const back = hasCriteria(state) ? h("a", { href: href(searchOnly(state)), class: "back" }, "← Back to results") : null;
  document.title = `${article.title} – Newsdesk`;
  replace(
    ui.view,
    h(
      "article",
      { class: "article", "aria-labelledby": "article-title" },
      back,
      h("h2", { id: "article-title", class: "article-title", tabindex: "-1" }, article.title || "(untitled)"),
      h(
        "p",
        { class: "meta" },
        h("time", { datetime: article.date ?? null }, formatDate(article.date)),
        article.source ? [" · ", article.source] : null,
        article.category ? [" · ", article.category] : null,
        article.author ? [" · By ", article.author] : null,
        typeof article.wordCount === "number" ? [" · ", plural(article.wordCount, "word")] : null,
      ),
      article.url ? h("p", { class: "original" }, externalLink(article.url, "Read the original")) : null,
      h("div", { class: "article-body" }, paragraphs(mentionRuns(body, entities), state)),
    ),
    h(
      "aside",
      { class: "article-side", "aria-label": "About this article" },
      h("section", { class: "article-entities" }, h("h2", null, "In this article"), entityList(detected ? entities : null, state)),
      h("section", { class: "related" }, h("h2", null, "Related articles"), related),
    ),
  );
  ui.setStatus("");
  await renderRelated(related, article, state, signal);
}
