// The page's entry point: stored questions, the SPARQL editor, tabs and the as-of date.
import { $, JSON_RESULTS, ask, el, getJSON, setStatus, state, withAsOf } from "./util.js";
import { renderResults } from "./table.js";
import { closeDetail } from "./detail.js";
import { drawTimeline } from "./timeline.js";
import { drawNetwork } from "./network.js";

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

