// Small helpers that build DOM nodes. Server text only ever reaches the page as text nodes or
// attribute values set through these, never as markup.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
}

function assign(element, attributes) {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "text") {
      element.textContent = String(value);
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  return element;
}

/** An HTML element: h("a", {href: "/", class: "x"}, "text", child, [more]). */
export function h(tag, attributes, ...children) {
  const element = assign(document.createElement(tag), attributes);
  append(element, children);
  return element;
}

/** An SVG element, same shape as h. */
export function s(tag, attributes, ...children) {
  const element = assign(document.createElementNS(SVG_NS, tag), attributes);
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const shortMonthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("en-GB");

/** "10 Mar 2026" for an ISO timestamp; "Undated" when there is none. */
export function formatDate(iso) {
  if (!iso) return "Undated";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateFormat.format(date);
}

/** "March 2026" for "2026-03"; the value itself when it is not a month. */
export function formatMonth(period, style = "long") {
  const match = /^(\d{4})-(\d{2})$/.exec(period ?? "");
  if (!match) return String(period);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return style === "short" ? shortMonthFormat.format(date) : monthFormat.format(date);
}

export function formatNumber(value) {
  return typeof value === "number" ? numberFormat.format(value) : "–";
}

/** "1 article", "3 articles". */
export function plural(count, singular, pluralForm = singular + "s") {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** A link to another site, only for http(s) addresses so a stored URL can never run script. */
export function externalLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return h("a", { href: parsed.href, rel: "noopener noreferrer external", target: "_blank" }, text);
  } catch {
    return null;
  }
}

const TYPE_LABELS = {
  person: ["Person", "People"],
  organization: ["Organisation", "Organisations"],
  location: ["Place", "Places"],
  group: ["Group", "Groups"],
  event: ["Event", "Events"],
  other: ["Other", "Other"],
};

/** The entity types in display order. */
export const ENTITY_TYPES = Object.keys(TYPE_LABELS);

export function typeLabel(type, many = false) {
  const labels = TYPE_LABELS[type];
  if (!labels) return String(type ?? "Other");
  return many ? labels[1] : labels[0];
}
