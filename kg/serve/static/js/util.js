// Shared helpers: DOM building, IRI display, requests to this server (with the as-of date).
export const PREFIXES = {
  "https://w3id.org/parley/id/": "kgid:", "https://w3id.org/parley/ontology#": "kg:",
  "http://www.wikidata.org/entity/": "wd:", "https://schema.org/": "schema:",
  "http://www.w3.org/2001/XMLSchema#": "xsd:",
};
export const KGID = "https://w3id.org/parley/id/";
export const ACTOR_PATHS = ["person/", "org/", "country/", "delegation/", "actor/"];
export const JSON_RESULTS = "application/sparql-results+json";

export const $ = (id) => document.getElementById(id);
export const state = { asOf: "", questions: {}, drawn: {} };  // shared by the views

export function el(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "line", "circle", "rect", "text", "title", "path"].includes(tag);
  const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === "onclick") node.addEventListener("click", v);
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

export function short(iri) {
  for (const [ns, p] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  return iri;
}
export const isActor = (iri) => iri.startsWith(KGID) && ACTOR_PATHS.some((p) => iri.slice(KGID.length).startsWith(p));
export const value = (b) => (b ? b.value : "");
// links only to web pages: an article's metadata could name a javascript: URL
export const safeHref = (url) => (/^https?:\/\//i.test(url) ? url : null);

export function setStatus(id, text, error = false) {
  const p = $(id);
  p.textContent = text;
  p.classList.toggle("error", error);
}

// -- talking to the server ----------------------------------------------------------------------
export function withAsOf(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined) out.set(k, v);
  if (state.asOf) out.set("as_of", state.asOf);
  return out.toString();
}

export async function getJSON(path, params, accept = JSON_RESULTS) {
  const qs = withAsOf(params);
  const resp = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: accept } });
  if (!resp.ok) throw new Error((await resp.text()).trim() || resp.statusText);
  return resp.json();
}

export const ask = (name, params) => getJSON("/queries/" + encodeURIComponent(name), params);
export const page = (name, params) => getJSON("/api/" + encodeURIComponent(name), params);
