// The detail panel: a node's evidence (the article's exact words, highlighted) and the actor view.
import { $, ask, el, page, safeHref, short, state, value } from "./util.js";

export function openDetail(...children) {
  const body = $("detail-body");
  body.textContent = "";
  body.append(...children);
  $("detail").hidden = false;
  document.querySelector("main").classList.add("with-detail");
  $("detail").scrollTop = 0;
}

export function closeDetail() {
  $("detail").hidden = true;
  document.querySelector("main").classList.remove("with-detail");
}

export const articleCache = new Map();
export async function article(doc) {
  if (!articleCache.has(doc + "@" + state.asOf)) {
    const data = await page("article", { doc });
    const row = data.results.bindings[0];
    articleCache.set(doc + "@" + state.asOf, row || null);
  }
  return articleCache.get(doc + "@" + state.asOf);
}

// the exact words in their sentence context; offsets count code points, as Python's do
export function excerpt(text, start, end, context = 280) {
  const chars = Array.from(text);
  const from = Math.max(0, start - context), to = Math.min(chars.length, end + context);
  return el("p", { class: "excerpt" }, (from > 0 ? "…" : "") + chars.slice(from, start).join(""),
    el("mark", {}, chars.slice(start, end).join("")), chars.slice(end, to).join("") + (to < chars.length ? "…" : ""));
}

export function sourceBox(art, doc, items) {
  const meta = art ? [value(art.publisher), value(art.published)].filter(Boolean).join(", ") : "";
  const title = art && art.title ? art.title.value : doc;
  const href = art && art.url ? safeHref(art.url.value) : null;
  const head = href ? el("a", { href, target: "_blank", rel: "noopener" }, title) : title;
  return el("div", { class: "source", "data-doc": doc }, el("strong", {}, head),
    el("div", { class: "meta" }, `${doc}${meta ? " · " + meta : ""}`), ...items);
}

export async function showEvidence(iri) {
  openDetail(el("h2", {}, short(iri)), el("p", { class: "status" }, "Loading the evidence…"));
  try {
    const data = await ask("evidence", { node: iri });
    const rows = data.results.bindings;
    const byDoc = new Map();
    for (const r of rows) {
      if (!byDoc.has(r.doc.value)) byDoc.set(r.doc.value, []);
      byDoc.get(r.doc.value).push(r);
    }
    const boxes = [];
    for (const [doc, items] of byDoc) {
      const art = await article(doc);
      const text = art ? art.text.value : "";
      boxes.push(sourceBox(art, doc, items.map((r) =>
        text ? excerpt(text, Number(r.start.value), Number(r.end.value)) : el("p", {}, el("mark", {}, r.words.value)))));
    }
    openDetail(el("h2", {}, short(iri)),
      el("p", { class: "muted" }, `${rows.length} passage${rows.length === 1 ? "" : "s"} in ${byDoc.size} article${byDoc.size === 1 ? "" : "s"}` +
        (state.asOf ? ` published by ${state.asOf}` : "")),
      ...(boxes.length ? boxes : [el("p", {}, "No evidence recorded for this node.")]));
  } catch (e) {
    openDetail(el("h2", {}, short(iri)), el("p", { class: "status error" }, e.message));
  }
}

export async function showWords(doc, words) {
  try {
    const art = await article(doc);
    const text = art ? art.text.value : "";
    const start = Array.from(text.slice(0, Math.max(0, text.indexOf(words)))).length;
    const body = text && text.includes(words) ? excerpt(text, start, start + Array.from(words).length)
      : el("p", {}, el("mark", {}, words));
    openDetail(el("h2", {}, "Evidence"), sourceBox(art, doc, [body]));
  } catch (e) {
    openDetail(el("h2", {}, "Evidence"), el("p", { class: "status error" }, e.message));
  }
}

export async function showActor(iri) {
  openDetail(el("h2", {}, short(iri)), el("p", { class: "status" }, "Loading…"));
  try {
    const facts = (await page("actor", { actor: iri })).results.bindings[0];
    if (!facts) throw new Error("No actor " + iri + (state.asOf ? " as of " + state.asOf : ""));
    const label = facts.label.value;
    const [meetings, claims, evidence] = await Promise.all([
      ask("meetings-of-actor", { actor: label }), ask("claims-by-speaker", { speaker: label }),
      ask("evidence", { node: iri })]);
    const wd = facts.wikidata ? el("a", { href: facts.wikidata.value, target: "_blank", rel: "noopener" },
      short(facts.wikidata.value)) : "no confident Wikidata match";
    const meetingItems = meetings.results.bindings.map((m) => el("li", {},
      el("button", { type: "button", class: "link", onclick: () => showEvidence(m.meeting.value) },
        `${value(m.date) || "undated"} ${value(m.placeLabel) || short(m.meeting.value)}`),
      ` ${value(m.status)}` + (m.others && m.others.value ? ` with ${m.others.value}` : "")));
    const seen = new Set();
    const claimItems = claims.results.bindings.filter((c) => {
      const key = c.text.value + c.doc.value;
      return !seen.has(key) && seen.add(key);
    }).map((c) => el("li", {}, `“${c.text.value}” `,
      el("button", { type: "button", class: "link evidence-link", onclick: () => showWords(c.doc.value, c.words.value) },
        c.doc.value)));
    const docs = [...new Set(evidence.results.bindings.map((r) => r.doc.value))];
    openDetail(el("h2", { class: "actor-name" }, label),
      el("p", { class: "muted" }, `${value(facts.kind) || "Actor"}` + (facts.altLabels && facts.altLabels.value ? ` · also ${facts.altLabels.value}` : "")),
      el("p", {}, "Wikidata: ", wd),
      el("h3", {}, `Meetings (${meetingItems.length})`), el("ul", { class: "plain" }, ...meetingItems),
      el("h3", {}, `Claims (${claimItems.length})`), el("ul", { class: "plain" }, ...claimItems),
      el("h3", {}, `Articles (${docs.length})`), el("ul", { class: "plain" }, ...docs.map((d) => el("li", {}, d))));
  } catch (e) {
    openDetail(el("h2", {}, short(iri)), el("p", { class: "status error" }, e.message));
  }
}
