#!/usr/bin/env bash
# The main job on the sample data: set up, build the graph from data/articles, validate it,
# answer a stored question and export the graph as TriG; say how to serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
store=data/store
rm -rf "$store"
mkdir -p data/out
.venv/bin/kg --store "$store" build data/articles --no-progress
.venv/bin/kg --store "$store" validate
.venv/bin/kg --store "$store" query attendees-at-place --param place=Moscow
.venv/bin/kg --store "$store" query claims-by-speaker --param speaker=Rubio
.venv/bin/kg --store "$store" export --format trig --out data/out/graph.trig
echo "Serve it: .venv/bin/kg --store $store serve   (then open http://127.0.0.1:7878/)"
