// Fetches from the Newsdesk JSON API. Every failure becomes an ApiError carrying the server's
// problem+json detail, so a view can show what went wrong instead of throwing.

/** The problem type of a request that needs entities on a server that does not extract them. */
export const ENTITIES_OFF = "tag:newsdesk,2026:entities-off";

export class ApiError extends Error {
  constructor(status, title, detail, parameter = null, retryAfter = null, type = "about:blank") {
    super(detail || title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.parameter = parameter;
    /** Seconds to wait before asking again (a 503 while the corpus loads says how long). */
    this.retryAfter = retryAfter;
    /** The problem's `type`: `about:blank`, or `ENTITIES_OFF`. */
    this.type = type;
  }

  /** Whether the endpoint is missing on this server (an older build), not a bad request. */
  get isMissingEndpoint() {
    return this.status === 404 || this.status === 501;
  }
}

/** Builds "path?a=1&b=x&b=y" from an object whose array values repeat the parameter. */
export function url(path, parameters = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== "") query.append(name, String(item));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** An entity id ("person/pete-hegseth") as path segments, each encoded. */
export function entityPath(id) {
  return String(id).split("/").map(encodeURIComponent).join("/");
}

/** The duration in milliseconds of the named metric of a Server-Timing header, or null. */
export function serverTiming(header, metric) {
  if (!header) return null;
  for (const entry of header.split(",")) {
    const [name, ...params] = entry.trim().split(";");
    if (name.trim() !== metric) continue;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "dur") {
        const duration = Number.parseFloat(value);
        return Number.isFinite(duration) ? duration : null;
      }
    }
  }
  return null;
}

const cache = new Map();
const CACHE_LIMIT = 64;
/** As long as the server's `max-age` for corpus answers, so a reloaded corpus shows within a minute. */
const CACHE_MILLISECONDS = 60_000;

/**
 * GETs JSON; resolves to { data, headers }. Rejects with ApiError on an HTTP or network failure
 * and with the AbortError when `signal` aborts (callers ignore those). Successful answers are kept
 * for a minute so the back button redraws without a round trip.
 */
export async function getJSON(path, { signal } = {}) {
  const kept = cache.get(path);
  if (kept && performance.now() - kept.at < CACHE_MILLISECONDS) return kept.result;
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(0, "Network error", "The server could not be reached.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (error.name === "AbortError") throw error;
    body = null;
  }
  if (!response.ok) {
    const title = body?.title ?? (response.statusText || `HTTP ${response.status}`);
    const detail = body?.detail ?? `The server answered ${response.status} for ${path}.`;
    const retryAfter = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
    throw new ApiError(
      response.status,
      title,
      detail,
      body?.parameter ?? null,
      Number.isFinite(retryAfter) ? retryAfter : null,
      typeof body?.type === "string" ? body.type : "about:blank",
    );
  }
  if (body === null) throw new ApiError(response.status, "Bad response", `The server's answer for ${path} is not JSON.`);
  const result = { data: body, headers: response.headers };
  cache.delete(path);
  cache.set(path, { result, at: performance.now() });
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
  return result;
}
