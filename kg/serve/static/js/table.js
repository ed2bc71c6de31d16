// SPARQL JSON results as a table; nodes link to their evidence, actors to their view.
import { KGID, el, isActor, short, value } from "./util.js";
import { showActor, showEvidence, showWords } from "./detail.js";

export function cell(binding) {
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

export function renderResults(container, data) {
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
    for (const v of vars) tr.append(cell(row[v]));
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
