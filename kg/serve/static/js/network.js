// Actors and meetings as a network, as SVG: each connected group laid out by a small force simulation,
// the groups packed in rows.
import { $, el, page, setStatus, state, value } from "./util.js";
import { showActor, showEvidence } from "./detail.js";

const NETWORK_MAX_NODES = 400;

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

export async function drawNetwork() {
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
