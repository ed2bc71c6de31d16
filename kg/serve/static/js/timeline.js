// Meetings on a timeline, in date order, as SVG.
import { $, ask, el, setStatus, state, value } from "./util.js";
import { showEvidence } from "./detail.js";

export function statusClass(status) {
  const first = (status || "").split("/")[0];
  return ["Held", "Scheduled", "Cancelled"].includes(first) ? "st-" + first : "st-other";
}

export async function drawTimeline() {
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
