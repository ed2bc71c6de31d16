"""Score the extractor alone (no graph, no store) against gold annotations.

Reads a folder of articles (.txt + optional .meta.json sidecar), runs ``extract_many``, writes the
four SPARQL-JSON result files the scorer reads (actors, meetings, claims, proposals) into a temporary
folder, fusing actors, meetings and proposals across articles the way the graph does, and runs
``score.py`` on them.

usage: python bench/extract_eval.py [ARTICLES_DIR] [GOLD_DIR] [--keep DIR] [--json]
example: PYTHONPATH=. .venv/bin/python bench/extract_eval.py /work/shared/corpus/seeds /work/shared/gold/seeds
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.extract import extract_many, load_nlp  # noqa: E402
from kg.model import Article, ArticleFacts  # noqa: E402

SHARED = Path("/work/shared")
KG = "https://w3id.org/parley/ontology#"
ID = "https://w3id.org/parley/id/"
WD = "http://www.wikidata.org/entity/"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_articles(folder: Path) -> list[Article]:
    """Articles through the project's ingest when it is there, else a minimal .txt reader."""
    try:
        from kg.ingest import read_folder

        return read_folder(folder).articles
    except ImportError:
        pass
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        side = path.with_name(path.stem + ".meta.json")
        meta = json.loads(side.read_text()) if side.exists() else {}
        pub = meta.get("published")
        out.append(Article(path=str(path), stem=path.stem, text=text,
                           sha256=hashlib.sha256(text.encode()).hexdigest(), title=meta.get("title"),
                           publisher=meta.get("publisher"), author=meta.get("author"),
                           published=date.fromisoformat(pub[:10]) if pub else None))
    return out


def bindings(rows: list[dict]) -> dict:
    def term(v):
        if v.startswith("http"):
            return {"type": "uri", "value": v}
        return {"type": "literal", "value": v}

    return {"head": {"vars": sorted({k for r in rows for k in r})},
            "results": {"bindings": [{k: term(v) for k, v in r.items() if v is not None} for r in rows]}}


def actor_rows(facts: list[ArticleFacts]) -> list[dict]:
    rows, seen = [], set()
    for f in facts:
        for a in f.actors:
            iri = f"{ID}{a.kind.lower()}/{slug(a.name)}"
            if iri in seen:
                continue
            seen.add(iri)
            row = {"actor": iri, "label": a.name, "kind": KG + a.kind}
            if a.wikidata:
                row["wikidata"] = WD + a.wikidata
            rows.append(row)
    return rows


def fuse_meetings(facts: list[ArticleFacts]) -> list[dict]:
    """Fuse per-article meetings by (place, date); undated into the only dated one at the place,
    placeless into a same-date meeting sharing an attendee."""
    ms = [{"place": m.place, "date": m.date, "att": [p.name for p in m.participants]}
          for f in facts for m in f.meetings]
    fused: list[dict] = []
    for m in sorted(ms, key=lambda m: (m["place"] is None, m["date"] is None)):
        target = None
        if m["place"] and m["date"]:
            target = next((x for x in fused if x["place"] == m["place"] and x["date"] == m["date"]), None)
        elif m["place"]:
            same = [x for x in fused if x["place"] == m["place"] and x["date"]]
            target = same[0] if len(same) == 1 else next(
                (x for x in fused if x["place"] == m["place"] and not x["date"]), None)
        elif m["date"]:
            target = next((x for x in fused if x["date"] == m["date"] and set(x["att"]) & set(m["att"])), None) \
                or next((x for x in fused if x["date"] == m["date"] and not x["place"]), None)
        if target is None:
            fused.append({"place": m["place"], "date": m["date"], "att": list(m["att"])})
        else:
            target["att"] += [a for a in m["att"] if a not in target["att"]]
    rows = []
    for x in fused:
        iri = ID + "meeting/" + "-".join(filter(None, [slug(x["place"] or ""), str(x["date"] or "undated")]))
        base = {"meeting": iri}
        if x["date"]:
            base["date"] = x["date"].isoformat()
        if x["place"]:
            base["placeLabel"] = x["place"]
        rows += [{**base, "attendeeLabel": a} for a in x["att"]] or [base]
    return rows


def claim_rows(facts: list[ArticleFacts]) -> list[dict]:
    return [{"claim": f"{ID}claim/{f.article.sha256[:16]}-{c.evidence.start}-{c.evidence.end}-{i}",
             "speakerLabel": c.speaker, "text": c.text, "doc": f.article.stem}
            for f in facts for i, c in enumerate(f.claims)]


def proposal_rows(facts: list[ArticleFacts]) -> list[dict]:
    rows, seen = [], set()
    for f in facts:
        for p in f.proposals:
            iri = f"{ID}proposal/{p.points}-point" if p.points else f"{ID}proposal/{slug(p.name)}"
            if iri in seen:
                continue
            seen.add(iri)
            row = {"proposal": iri, "label": p.name}
            if p.points:
                row["points"] = str(p.points)
            rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", default=str(SHARED / "corpus/seeds"))
    ap.add_argument("gold", nargs="?", default=str(SHARED / "gold/seeds"))
    ap.add_argument("--keep", help="write the result files here instead of a temporary folder")
    ap.add_argument("--json", action="store_true", help="scorer output as JSON")
    a = ap.parse_args()
    facts = list(extract_many(read_articles(Path(a.articles)), load_nlp()))
    out = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="extract_eval."))
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("actors", actor_rows(facts)), ("meetings", fuse_meetings(facts)),
                       ("claims", claim_rows(facts)), ("proposals", proposal_rows(facts))):
        (out / f"{name}.json").write_text(json.dumps(bindings(rows), indent=1))
    cmd = [sys.executable, str(SHARED / "eval/score.py"), a.gold, str(out),
           "--qids", str(SHARED / "gold/wikidata_qids.json")] + (["--json"] if a.json else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
