// Suggestions as you type, following the ARIA combobox pattern with a listbox popup: focus stays
// in the input, aria-activedescendant names the highlighted option, arrows move, Enter picks,
// Escape closes.
import { ApiError, getJSON, url } from "./api.js";
import { h, replace, typeLabel, formatNumber } from "./dom.js";

const DEBOUNCE_MILLISECONDS = 120;
const LIMIT = 8;

/** The word being typed: the text after the last space, unless it holds query syntax. */
export function currentWord(value) {
  const word = value.slice(value.lastIndexOf(" ") + 1);
  return /^[\p{L}\p{N}'’.-]{2,}$/u.test(word) ? word : "";
}

export class Suggestions {
  /**
   * @param input the combobox input
   * @param list the listbox
   * @param announcer a polite live region for "N suggestions"
   * @param onPick called with the picked item ({text, kind, id, type}) and the input's new value
   */
  constructor(input, list, announcer, onPick) {
    this.input = input;
    this.list = list;
    this.announcer = announcer;
    this.onPick = onPick;
    this.items = [];
    this.active = -1;
    this.timer = 0;
    this.controller = null;
    this.available = true;
    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.keydown(event));
    input.addEventListener("blur", () => this.close());
    // Keep focus in the input while the pointer picks an option.
    list.addEventListener("mousedown", (event) => event.preventDefault());
    list.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.pick(Number(option.dataset.index));
    });
  }

  get isOpen() {
    return !this.list.hidden;
  }

  schedule() {
    clearTimeout(this.timer);
    this.controller?.abort();
    const word = currentWord(this.input.value);
    if (!word || !this.available) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.fetch(word), DEBOUNCE_MILLISECONDS);
  }

  async fetch(word) {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const { data } = await getJSON(url("/v1/suggest", { q: word.toLowerCase(), limit: LIMIT }), {
        signal: controller.signal,
      });
      if (controller.signal.aborted || currentWord(this.input.value) !== word) return;
      this.show(Array.isArray(data.items) ? data.items : [], word);
    } catch (error) {
      if (error.name === "AbortError") return;
      // A server without the endpoint gets no popup; a transient failure just closes it.
      if (error instanceof ApiError && error.isMissingEndpoint) this.available = false;
      this.close();
    }
  }

  show(items, word) {
    this.items = items;
    this.active = -1;
    if (items.length === 0 || document.activeElement !== this.input) {
      this.close();
      return;
    }
    replace(
      this.list,
      items.map((item, index) => {
        const text = String(item.text ?? "");
        const prefix = text.toLowerCase().startsWith(word.toLowerCase()) ? text.slice(0, word.length) : "";
        const kind = item.kind === "entity" ? typeLabel(item.type) : "Word";
        return h(
          "li",
          { id: `suggestion-${index}`, role: "option", "aria-selected": "false", dataset: { index: String(index) } },
          h("span", { class: "suggestion-text" }, prefix ? [h("strong", null, prefix), text.slice(prefix.length)] : text),
          h("span", { class: "suggestion-kind" }, item.kind === "entity" ? `${kind} · open` : kind),
          typeof item.count === "number" ? h("span", { class: "suggestion-count" }, formatNumber(item.count)) : null,
        );
      }),
    );
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.input.removeAttribute("aria-activedescendant");
    this.announcer.textContent = `${items.length} suggestion${items.length === 1 ? "" : "s"}; use the arrow keys to choose.`;
  }

  close() {
    clearTimeout(this.timer);
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  move(step) {
    if (!this.isOpen || this.items.length === 0) return;
    const count = this.items.length;
    this.active = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    for (const option of this.list.children) {
      const selected = Number(option.dataset.index) === this.active;
      option.setAttribute("aria-selected", String(selected));
      if (selected) option.scrollIntoView({ block: "nearest" });
    }
    this.input.setAttribute("aria-activedescendant", `suggestion-${this.active}`);
  }

  keydown(event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!this.isOpen) {
        if (event.key === "ArrowDown" && currentWord(this.input.value)) this.schedule();
        return;
      }
      event.preventDefault();
      this.move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && this.isOpen && this.active >= 0) {
      event.preventDefault();
      this.pick(this.active);
    } else if (event.key === "Escape" && this.isOpen) {
      event.preventDefault();
      this.close();
    } else if (event.key === "Tab") {
      this.close();
    }
  }

  pick(index) {
    const item = this.items[index];
    if (!item) return;
    const value = this.input.value;
    const head = value.slice(0, value.lastIndexOf(" ") + 1);
    const next = item.kind === "entity" ? value : `${head}${item.text}`;
    this.close();
    this.controller?.abort();
    if (item.kind !== "entity") this.input.value = next;
    this.onPick(item, next);
  }
}
