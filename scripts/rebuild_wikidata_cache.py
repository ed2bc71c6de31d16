#!/usr/bin/env python3
"""Regenerate data/wikidata/verified_qids.json and data/wikidata/cache.json from the shared list of
verified QIDs (../shared/gold/wikidata_qids.json; its sources are in wikidata_sources.md).

Run on demand when the shared list changes; CI never needs it (both outputs are in the repo, and
tests/link/test_cache.py checks that they agree with each other).

Every entry is kept with its label, kind, sources and aliases, except aliases that name something
else as often as the item (a wrong link is worse than none):
  "Congo" (two states), "Korea" (two states), "Timor" (an island of two states), "Macedonia" and
  "Micronesia" (also regions), "Palestinian Authority" (an organisation, not the state), "the
  Alliance" / "the Commission" / "Security Council" (any alliance, commission or national security
  council), "EU summit" (a meeting, not the European Council), "EC", "ARC", "DPR" (acronyms of many
  bodies), "Costa" (a common surname).
A former state listed as a place (the Soviet Union) is a country.

usage: .venv/bin/python scripts/rebuild_wikidata_cache.py [SHARED_QIDS_JSON]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.link.cache import DEFAULT_CACHE, VERIFIED, EntityCache  # noqa: E402
from kg.link.text import norm  # noqa: E402

SHARED = ROOT.parent / "shared" / "gold" / "wikidata_qids.json"
AMBIGUOUS = frozenset(norm(a) for a in """Congo; Korea; Timor; Macedonia; Micronesia; Palestinian Authority;
the Alliance; the Commission; Security Council; EU summit; EC; ARC; DPR; Costa""".replace("\n", " ").split(";"))
FORMER_STATES = frozenset({"Q15180"})  # Soviet Union


def verified_rows(shared: list[dict]) -> list[dict]:
    """The shared entries as data/wikidata/verified_qids.json holds them (ambiguous aliases dropped)."""
    rows = []
    for e in shared:
        if not e.get("qid"):
            continue
        aliases = [a for a in dict.fromkeys(e.get("aliases", [])) if norm(a) not in AMBIGUOUS]
        kind = "Country" if e["qid"] in FORMER_STATES else e["kind"]
        rows.append({"label": e["label"], "qid": e["qid"], "kind": kind, "aliases": aliases,
                     "sources": list(e.get("sources", []))})
    return rows


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else SHARED
    rows = verified_rows(json.loads(src.read_text(encoding="utf-8")))
    VERIFIED.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    cache = EntityCache.from_verified(VERIFIED)
    cache.save(DEFAULT_CACHE)
    print(f"{len(rows)} verified entries -> {VERIFIED.relative_to(ROOT)}; {len(cache)} items -> "
          f"{DEFAULT_CACHE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
