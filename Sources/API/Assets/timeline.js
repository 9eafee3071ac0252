// An entity's mentions per month as an inline SVG bar chart, drawn here so the page needs no
// chart library. Months with no mentions between the first and last are drawn as gaps.
import { h, s, formatMonth, formatNumber, plural } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 40 };

function nextMonth(period) {
  const [year, month] = period.split("-").map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
}

/** The periods from the first to the last, months with nothing filled with zeros. */
export function filledMonths(items) {
  const byPeriod = new Map();
  for (const item of items) {
    if (/^\d{4}-\d{2}$/.test(item.period ?? "")) byPeriod.set(item.period, item);
  }
  const periods = [...byPeriod.keys()].sort();
  if (periods.length === 0) return [];
  const months = [];
  for (let period = periods[0]; period <= periods[periods.length - 1] && months.length < 600; period = nextMonth(period)) {
    const item = byPeriod.get(period);
    months.push({ period, mentions: Number(item?.mentions) || 0, articles: Number(item?.articles) || 0 });
  }
  return months;
}

/** A rounded axis maximum at or above `value`: 1, 2, 5, 10, 20, 50... */
function niceMaximum(value) {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Says what the chart leaves out: mentions in articles that carry no date. */
export function undatedNote(undated) {
  const mentions = undated?.mentions ?? 0;
  if (mentions === 0) return "";
  return ` ${plural(mentions, "more mention")} in ${plural(undated.articles, "undated article")}.`;
}

/** The chart (and its data as a table) for timeline items of interval "month". */
export function timelineChart(items, name, undated) {
  const months = filledMonths(items);
  if (months.length === 0) return h("p", { class: "muted" }, `No dated mentions.${undatedNote(undated)}`);
  const total = months.reduce((sum, month) => sum + month.mentions, 0);
  const peak = months.reduce((best, month) => (month.mentions > best.mentions ? month : best), months[0]);
  const maximum = niceMaximum(peak.mentions);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / months.length;
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  const labelEvery = Math.ceil(months.length / 12);
  const y = (value) => MARGIN.top + plotHeight - (value / maximum) * plotHeight;
  const summary = `${name}: ${plural(total, "mention")} from ${formatMonth(months[0].period)} to ${formatMonth(months[months.length - 1].period)}; most in ${formatMonth(peak.period)} (${formatNumber(peak.mentions)}).${undatedNote(undated)}`;

  const ticks = [0, maximum / 2, maximum].filter((value, index, all) => Number.isInteger(value) && all.indexOf(value) === index);
  const chart = s(
    "svg",
    { class: "timeline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": summary, preserveAspectRatio: "xMidYMid meet" },
    s("title", null, `Mentions of ${name} per month`),
    ticks.map((value) => [
      s("line", { class: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value) }),
      s("text", { class: "axis-label", x: MARGIN.left - 6, y: y(value) + 4, "text-anchor": "end" }, formatNumber(value)),
    ]),
    months.map((month, index) => {
      const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
      const top = y(month.mentions);
      return s(
        "g",
        { class: "bar-group" },
        s(
          "rect",
          { class: "bar", x: x.toFixed(2), y: top.toFixed(2), width: barWidth.toFixed(2), height: (MARGIN.top + plotHeight - top).toFixed(2), dataset: { period: month.period } },
          s("title", null, `${formatMonth(month.period)}: ${plural(month.mentions, "mention")} in ${plural(month.articles, "article")}`),
        ),
        index % labelEvery === 0
          ? s(
              "text",
              { class: "axis-label", x: (MARGIN.left + index * slot + slot / 2).toFixed(2), y: HEIGHT - MARGIN.bottom + 16, "text-anchor": "middle" },
              formatMonth(month.period, "short"),
            )
          : null,
        index % labelEvery === 0 && (index === 0 || months[index - labelEvery].period.slice(0, 4) !== month.period.slice(0, 4))
          ? s("text", { class: "axis-label axis-year", x: (MARGIN.left + index * slot + slot / 2).toFixed(2), y: HEIGHT - MARGIN.bottom + 30, "text-anchor": "middle" }, month.period.slice(0, 4))
          : null,
      );
    }),
    s("line", { class: "axis", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }),
  );
  const table = h(
    "details",
    { class: "timeline-data" },
    h("summary", null, "Show the numbers"),
    h(
      "table",
      null,
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Month"), h("th", { scope: "col" }, "Mentions"), h("th", { scope: "col" }, "Articles"))),
      h(
        "tbody",
        null,
        months.map((month) => h("tr", null, h("th", { scope: "row" }, formatMonth(month.period)), h("td", null, formatNumber(month.mentions)), h("td", null, formatNumber(month.articles)))),
      ),
    ),
  );
  return h("figure", { class: "timeline-figure" }, chart, h("figcaption", null, summary), table);
}
