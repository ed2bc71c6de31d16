// Parley page: stored questions, timeline, network, actor view, evidence and a SPARQL editor.
// Plain JavaScript and SVG, no library and no network access beyond this server.
"use strict";

const PREFIXES = {
  "https://w3id.org/parley/id/": "kgid:", "https://w3id.org/parley/ontology#": "kg:",
  "http://www.wikidata.org/entity/": "wd:", "https://schema.org/": "schema:",
  "http://www.w3.org/2001/XMLSchema#": "xsd:",
};
const KGID = "https://w3id.org/parley/id/";
const ACTOR_PATHS = ["person/", "org/", "country/", "delegation/", "actor/"];
const JSON_RESULTS = "application/sparql-results+json";
const NETWORK_MAX_NODES = 400;

const $ = (id) => document.getElementById(id);
const state = { asOf: "", questions: {}, drawn: {} };

function el(tag, attrs = {}, ...children) {
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

function short(iri) {
  for (const [ns, p] of Object.entries(PREFIXES)) if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  return iri;
}
const isActor = (iri) => iri.startsWith(KGID) && ACTOR_PATHS.some((p) => iri.slice(KGID.length).startsWith(p));
const value = (b) => (b ? b.value : "");
// links only to web pages: an article's metadata could name a javascript: URL
const safeHref = (url) => (/^https?:\/\//i.test(url) ? url : null);

function setStatus(id, text, error = false) {
  const p = $(id);
  p.textContent = text;
  p.classList.toggle("error", error);
}

// -- talking to the server ----------------------------------------------------------------------
function withAsOf(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined) out.set(k, v);
  if (state.asOf) out.set("as_of", state.asOf);
  return out.toString();
}

async function getJSON(path, params, accept = JSON_RESULTS) {
  const qs = withAsOf(params);
  const resp = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: accept } });
  if (!resp.ok) throw new Error((await resp.text()).trim() || resp.statusText);
  return resp.json();
}

const ask = (name, params) => getJSON("/queries/" + encodeURIComponent(name), params);
const page = (name, params) => getJSON("/api/" + encodeURIComponent(name), params);

// -- result tables ------------------------------------------------------------------------------
function cell(binding, row) {
  if (!binding) return el("td");
  if (binding.type === "uri") {
    const iri = binding.value;
    const td = el("td", { title: iri }, short(iri));
    if (iri.startsWith(KGID)) {
      td.append(el("button", { type: "button", class: "link evidence-link", "data-node": iri,
        onclick: () => showEvidence(iri) }, "evidence"));
      if (isActor(iri)) td.append(el("button", { type: "button", class: "link evidence-link",
        onclick: () => showActor(iri) }, "actor"));
    } else if (iri.startsWith("http://www.wikidata.org/entity/")) {
      td.textContent = "";
      td.append(el("a", { href: iri, target: "_blank", rel: "noopener" }, short(iri)));
    }
    return td;
  }
  return el("td", {}, binding.value);
}

function renderResults(container, data) {
  container.textContent = "";
  if ("boolean" in data) {
    container.append(el("p", { class: "boolean" }, "ASK: " + data.boolean));
    return 1;
  }
  const vars = data.head.vars;
  const rows = data.results.bindings;
  const table = el("table", { class: "result-table" });
  table.append(el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, v)))));
  const body = el("tbody");
  for (const row of rows) {
    const tr = el("tr");
    for (const v of vars) tr.append(cell(row[v], row));
    // a row with the article and its words but no node: open the article at those words
    if (row.words && row.doc && !vars.some((v) => row[v] && row[v].type === "uri" && row[v].value.startsWith(KGID))) {
      tr.lastChild.append(el("button", { type: "button", class: "link evidence-link",
        onclick: () => showWords(value(row.doc), value(row.words)) }, "evidence"));
    }
    body.append(tr);
  }
  table.append(body);
  container.append(table);
  return rows.length;
}

// -- stored questions ---------------------------------------------------------------------------
function example(description) {
  const m = /e\.g\.\s*([^()]+?)\s*(?:\(|$)/.exec(description || "");
  return m ? "e.g. " + m[1] : "";
}

function showParams() {
  const q = state.questions[$("question").value];
  $("question-text").textContent = q ? q.question : "";
  const box = $("params");
  box.textContent = "";
  for (const p of (q ? q.params : [])) {
    const id = "param-" + p.name;
    box.append(el("div", {}, el("label", { for: id }, `${p.name} (${p.kind})`),
      el("input", { id, name: p.name, placeholder: example(p.description) || p.kind, title: p.description })));
  }
}

async function runQuestion(event) {
  if (event) event.preventDefault();
  const name = $("question").value;
  const params = {};
  for (const input of $("params").querySelectorAll("input")) params[input.name] = input.value.trim();
  setStatus("question-status", "Running " + name + "…");
  try {
    const data = await ask(name, params);
    const n = renderResults($("question-results"), data);
    setStatus("question-status", `${n} row${n === 1 ? "" : "s"}` + (state.asOf ? ` as of ${state.asOf}` : ""));
  } catch (e) {
    $("question-results").textContent = "";
    setStatus("question-status", e.message, true);
  }
}

async function loadQuestions() {
  const list = await getJSON("/queries", {}, "application/json");
  const select = $("question");
  for (const q of list) {
    state.questions[q.name] = q;
    select.append(el("option", { value: q.name }, `${q.name}: ${q.question}`));
  }
  select.value = state.questions["attendees-at-place"] ? "attendees-at-place" : list[0].name;
  showParams();
}

// -- detail panel: evidence and actors ----------------------------------------------------------
function openDetail(...children) {
  const body = $("detail-body");
  body.textContent = "";
  body.append(...children);
  $("detail").hidden = false;
  document.querySelector("main").classList.add("with-detail");
  $("detail").scrollTop = 0;
}

function closeDetail() {
  $("detail").hidden = true;
  document.querySelector("main").classList.remove("with-detail");
}

const articleCache = new Map();
async function article(doc) {
  if (!articleCache.has(doc + "@" + state.asOf)) {
    const data = await page("article", { doc });
    const row = data.results.bindings[0];
    articleCache.set(doc + "@" + state.asOf, row || null);
  }
  return articleCache.get(doc + "@" + state.asOf);
}

// the exact words in their sentence context; offsets count code points, as Python's do
function excerpt(text, start, end, context = 280) {
  const chars = Array.from(text);
  const from = Math.max(0, start - context), to = Math.min(chars.length, end + context);
  return el("p", { class: "excerpt" }, (from > 0 ? "…" : "") + chars.slice(from, start).join(""),
    el("mark", {}, chars.slice(start, end).join("")), chars.slice(end, to).join("") + (to < chars.length ? "…" : ""));
}

function sourceBox(art, doc, items) {
  const meta = art ? [value(art.publisher), value(art.published)].filter(Boolean).join(", ") : "";
  const title = art && art.title ? art.title.value : doc;
  const href = art && art.url ? safeHref(art.url.value) : null;
  const head = href ? el("a", { href, target: "_blank", rel: "noopener" }, title) : title;
  return el("div", { class: "source", "data-doc": doc }, el("strong", {}, head),
    el("div", { class: "meta" }, `${doc}${meta ? " · " + meta : ""}`), ...items);
}

async function showEvidence(iri) {
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

async function showWords(doc, words) {
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

async function showActor(iri) {
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

// -- timeline -----------------------------------------------------------------------------------
function statusClass(status) {
  const first = (status || "").split("/")[0];
  return ["Held", "Scheduled", "Cancelled"].includes(first) ? "st-" + first : "st-other";
}

async function drawTimeline() {
  const svg = $("timeline");
  svg.textContent = "";
  setStatus("timeline-status", "Loading…");
  try {
    const rows = (await ask("timeline", {})).results.bindings;
    const width = Math.max(320, svg.parentNode.clientWidth || 640);
    const x = 92, rowH = 52;
    svg.setAttribute("viewBox", `0 0 ${width} ${rows.length * rowH + 30}`);
    svg.append(el("line", { x1: x, y1: 10, x2: x, y2: rows.length * rowH + 20, class: "edge" }));
    const maxChars = Math.max(20, Math.floor((width - x - 24) / 6.6));
    let year = null;
    rows.forEach((r, i) => {
      const y = 28 + i * rowH;
      const date = value(r.date), place = value(r.placeLabel) || "(place not stated)";
      const attendees = value(r.attendees) || "attendees not named";
      const g = el("g", { class: "tl-item", "data-meeting": r.meeting.value, "data-place": place, "data-date": date,
        onclick: () => showEvidence(r.meeting.value) });
      if (date.slice(0, 4) !== year) {
        year = date.slice(0, 4);
        svg.append(el("text", { x: 4, y: y - 14, "font-weight": "bold", text: year }));
      }
      g.append(el("rect", { x: 0, y: y - 18, width, height: rowH - 6, class: "tl-hit" }),  // the whole row is clickable
        el("title", {}, `${date} ${place}: ${value(r.status)}\n${attendees}\nArticles: ${value(r.articles)}`),
        el("text", { x: x - 12, y: y + 4, "text-anchor": "end", text: date.slice(5) }),
        el("circle", { cx: x, cy: y, r: 7, class: statusClass(value(r.status)) }),
        el("text", { x: x + 16, y: y + 4, class: "tl-place", "font-weight": "600",
          text: `${place} · ${value(r.status) || "status not stated"}` }),
        el("text", { x: x + 16, y: y + 20, class: "tl-attendees",
          text: attendees.length > maxChars ? attendees.slice(0, maxChars - 1) + "…" : attendees }));
      svg.append(g);
    });
    setStatus("timeline-status", `${rows.length} dated meeting${rows.length === 1 ? "" : "s"}` +
      (state.asOf ? ` as of ${state.asOf}` : ""));
  } catch (e) {
    setStatus("timeline-status", e.message, true);
  }
}

// -- network: each connected group laid out by a small force simulation, the groups packed in rows ----
function components(nodes, edges) {
  const adj = new Map(nodes.map((d) => [d, []]));
  for (const e of edges) { adj.get(e.a).push(e.b); adj.get(e.b).push(e.a); }
  const seen = new Set(), groups = [];
  for (const start of nodes) {
    if (seen.has(start)) continue;
    const group = [start];
    seen.add(start);
    for (let i = 0; i < group.length; i++) {
      for (const o of adj.get(group[i])) if (!seen.has(o)) { seen.add(o); group.push(o); }
    }
    groups.push(group);
  }
  return groups.sort((p, q) => q.length - p.length);
}

// Fruchterman-Reingold inside a w x h box; deterministic (positions start on a circle)
function layoutGroup(nodes, edges, maxWidth) {
  const n = nodes.length, w = 100 * Math.sqrt(n), h = w;
  if (n === 1) { nodes[0].x = 0; nodes[0].y = 0; return { w: 0, h: 0 }; }
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / n;
    d.x = w / 2 + (w / 3) * Math.cos(a);
    d.y = h / 2 + (h / 3) * Math.sin(a);
  });
  const k = Math.sqrt((w * h) / n) * 0.7;
  let t = w / 6;
  for (let it = 0; it < 250; it++) {
    for (const d of nodes) { d.dx = 0; d.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 0.01), f = (k * k) / d2;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const dx = e.a.x - e.b.x, dy = e.a.y - e.b.y, f = Math.sqrt(dx * dx + dy * dy) / k;
      e.a.dx -= dx * f; e.a.dy -= dy * f; e.b.dx += dx * f; e.b.dy += dy * f;
    }
    for (const d of nodes) {
      d.dx += (w / 2 - d.x) * 0.015; d.dy += (h / 2 - d.y) * 0.015;  // gravity: leaves do not fly off
      const len = Math.sqrt(d.dx * d.dx + d.dy * d.dy) || 1, step = Math.min(len, t);
      d.x += (d.dx / len) * step;
      d.y += (d.dy / len) * step;
    }
    t = Math.max(0.5, t * 0.98);
  }
  // scale so that edges are about 60 px long, at most as wide as the drawing; place at the origin
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const x0 = Math.min(...xs), y0 = Math.min(...ys), spanX = Math.max(1, Math.max(...xs) - x0);
  const lengths = edges.map((e) => Math.hypot(e.a.x - e.b.x, e.a.y - e.b.y)).sort((p, q) => p - q);
  const s = Math.min(60 / Math.max(1, lengths[Math.floor(lengths.length / 2)] || 1), maxWidth / spanX);
  for (const d of nodes) { d.x = (d.x - x0) * s; d.y = (d.y - y0) * s; }
  return { w: spanX * s, h: (Math.max(...ys) - y0) * s };
}

// returns the drawing's height
function layout(nodes, edges, width) {
  const inGroup = new Map();
  const groups = components(nodes, edges);
  groups.forEach((g, i) => g.forEach((d) => inGroup.set(d, i)));
  let x = 0, y = 0, rowH = 0;
  const LABEL = 110;  // room on the right of a box for the labels
  for (const [i, group] of groups.entries()) {
    const box = layoutGroup(group, edges.filter((e) => inGroup.get(e.a) === i), width - LABEL - 24);
    const w = box.w + 24, h = box.h + 24;
    if (x > 0 && x + w + LABEL > width) { x = 0; y += rowH; rowH = 0; }
    for (const d of group) { d.x += x + 12; d.y += y + 12; }
    x += w + LABEL;
    rowH = Math.max(rowH, h + 8);
  }
  return y + rowH;
}

async function drawNetwork() {
  const svg = $("network");
  svg.textContent = "";
  setStatus("network-status", "Loading…");
  try {
    const rows = (await page("network", {})).results.bindings;
    const nodes = new Map(), edges = [];
    for (const r of rows) {
      const m = r.meeting.value, a = r.actor.value;
      if (!nodes.has(m)) nodes.set(m, { id: m, type: "meeting", label: `${value(r.placeLabel) || "?"} ${value(r.date) || "undated"}`,
        place: value(r.placeLabel), date: value(r.date), status: value(r.status), actors: [] });
      if (!nodes.has(a)) nodes.set(a, { id: a, type: "actor", label: value(r.actorLabel), kind: value(r.kind) || "unknown", meetings: [] });
      nodes.get(m).actors.push(nodes.get(a));
      nodes.get(a).meetings.push(nodes.get(m));
      edges.push({ a: nodes.get(m), b: nodes.get(a) });
    }
    let all = [...nodes.values()];
    let shown = all;
    if (all.length > NETWORK_MAX_NODES) {  // keep the best-connected; say so
      shown = [...all].sort((p, q) => (q.meetings || q.actors).length - (p.meetings || p.actors).length).slice(0, NETWORK_MAX_NODES);
    }
    const keep = new Set(shown);
    const shownEdges = edges.filter((e) => keep.has(e.a) && keep.has(e.b));
    const width = Math.max(300, svg.parentNode.clientWidth || 640);
    const height = layout(shown, shownEdges, width);
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    for (const e of shownEdges) svg.append(el("line", { class: "edge", x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y }));
    for (const d of shown) {
      if (d.type === "meeting") {
        const g = el("g", { class: "node meeting", "data-iri": d.id, "data-label": d.label, "data-place": d.place,
          transform: `translate(${d.x},${d.y})`, onclick: () => showEvidence(d.id) },
          el("title", {}, `Meeting: ${d.label} (${d.status || "status not stated"})\n` + d.actors.map((a) => a.label).join(", ")),
          el("rect", { x: -6, y: -6, width: 12, height: 12 }),
          el("text", { x: 9, y: 4, "font-size": "11" , text: d.label }));
        svg.append(g);
      } else {
        const met = new Map();
        for (const m of d.meetings) for (const o of m.actors) if (o !== d) met.set(o.label, (met.get(o.label) || 0) + 1);
        const r = 5 + 2.2 * Math.sqrt(d.meetings.length);
        const g = el("g", { class: "node actor", "data-iri": d.id, "data-label": d.label, transform: `translate(${d.x},${d.y})`,
          onclick: () => showActor(d.id) },
          el("title", {}, `${d.label} (${d.kind}): ${d.meetings.length} meeting${d.meetings.length === 1 ? "" : "s"}\nmet ` +
            [...met].sort((p, q) => q[1] - p[1]).map(([l, c]) => `${l} (${c})`).join(", ")),
          el("circle", { r, class: "kind-" + d.kind }),
          el("text", { x: r + 3, y: 4, "font-weight": "600", text: d.label }));
        svg.append(g);
      }
    }
    const actors = shown.filter((d) => d.type === "actor").length;
    setStatus("network-status", `${actors} actors, ${shown.length - actors} meetings, ${shownEdges.length} attendances` +
      (shown.length < all.length ? ` (the ${shown.length} best-connected of ${all.length} nodes)` : "") +
      (state.asOf ? ` as of ${state.asOf}` : ""));
  } catch (e) {
    setStatus("network-status", e.message, true);
  }
}

// -- free SPARQL --------------------------------------------------------------------------------
async function runSparql(event) {
  event.preventDefault();
  const qs = withAsOf({});
  setStatus("sparql-status", "Running…");
  const out = $("sparql-results");
  try {
    const resp = await fetch("/sparql" + (qs ? "?" + qs : ""), { method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: `${JSON_RESULTS}, text/turtle;q=0.9` },
      body: $("sparql-text").value });
    const text = await resp.text();
    if (!resp.ok) throw new Error(text.trim());
    const count = resp.headers.get("X-Parley-Result-Count");
    if ((resp.headers.get("Content-Type") || "").startsWith(JSON_RESULTS)) renderResults(out, JSON.parse(text));
    else { out.textContent = ""; out.append(el("pre", {}, text)); }
    setStatus("sparql-status", `${count} result${count === "1" ? "" : "s"}` + (state.asOf ? ` as of ${state.asOf}` : ""));
  } catch (e) {
    out.textContent = "";
    setStatus("sparql-status", e.message, true);
  }
}

// -- tabs and start -----------------------------------------------------------------------------
const drawers = { timeline: drawTimeline, network: drawNetwork };

function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "tab-" + name;
  const section = $("tab-" + name);
  const key = `${state.asOf}|${Math.round((section.clientWidth || 0) / 40)}`;  // redraw for a new date or width
  if (drawers[name] && state.drawn[name] !== key) {
    state.drawn[name] = key;
    drawers[name]();
  }
}

function current() {
  const b = document.querySelector("#tabs button.active");
  return b ? b.dataset.tab : "questions";
}

function setAsOf(day) {
  state.asOf = day;
  $("as-of").value = day;
  const tab = current();
  if (drawers[tab]) showTab(tab);
  else if (tab === "questions" && $("question-results").childElementCount) runQuestion();
}

document.addEventListener("DOMContentLoaded", () => {
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("question").addEventListener("change", showParams);
  $("question-form").addEventListener("submit", runQuestion);
  $("sparql-form").addEventListener("submit", runSparql);
  $("detail-close").addEventListener("click", closeDetail);
  $("as-of").addEventListener("change", () => setAsOf($("as-of").value));
  $("as-of-clear").addEventListener("click", () => setAsOf(""));
  let resized = null;  // the detail panel opening or the window turning: draw again at the new width
  new ResizeObserver(() => { clearTimeout(resized); resized = setTimeout(() => showTab(current()), 200); })
    .observe($("views"));
  loadQuestions().catch((e) => setStatus("question-status", e.message, true));
});
