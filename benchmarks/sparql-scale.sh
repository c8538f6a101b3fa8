#!/usr/bin/env bash
# The SPARQL scale run (not part of the test run): the benchmark graph M (200,000 nodes, 1,000,000
# edges, from ../shared/bench/gen.py) pushed into a SPARQL store through SparqlEndpoint (kg push) twice,
# as INSERT DATA updates and as Graph Store Protocol POSTs (kg push --graph-store), and separately
# bulk-loaded by Virtuoso's own loader (ld_dir + rdf_loader_run through isql) from our N-Triples
# export; the triple counts of the three named graphs must equal the export's line count.
# Prints the times; the figures go into benchmarks/RESULTS.md by hand.
#
#   eval "$(tests/consumers/virtuoso/start.sh)"   # or .ci/run's instance: KG_SPARQL_URL, KG_GRAPH_STORE_URL, KG_VIRTUOSO_ISQL, KG_VIRTUOSO_LOAD_DIR
#   benchmarks/sparql-scale.sh [SIZE]            # SIZE S, M (default) or L
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size="${1:-M}"
if [ -z "${KG_SPARQL_URL:-}" ] || [ -z "${KG_VIRTUOSO_ISQL:-}" ] || [ -z "${KG_VIRTUOSO_LOAD_DIR:-}" ]; then
  echo 'KG_SPARQL_URL, KG_VIRTUOSO_ISQL and KG_VIRTUOSO_LOAD_DIR are unset; start the store first: eval "$(tests/consumers/virtuoso/start.sh)"' >&2
  exit 2
fi
data="${KG_BENCH_DATA:-${TMPDIR:-/tmp}/kg-bench-data}"
if [ ! -f "$data/$size/nodes.tsv" ]; then
  python3 "${KG_BENCH_GEN:-../shared/bench/gen.py}" "$size" --out "$data"
fi
dotnet build -c Release src/KnowledgeGraph.Cli -v q -nologo >/dev/null
kg() { dotnet src/KnowledgeGraph.Cli/bin/Release/net10.0/kg.dll --graph "$data/$size/nodes.tsv" "$@"; }
isql() { isql-vt "$KG_VIRTUOSO_ISQL" dba dba "$@"; }
count() {
  curl -s -m 600 -H 'Accept: text/csv' --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" "$KG_SPARQL_URL" | tail -n 1
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
push_graph="https://knowledge-graph.dev/bench/$size/push"
gsp_graph="https://knowledge-graph.dev/bench/$size/gsp"
gsp_url="${KG_GRAPH_STORE_URL:-${KG_SPARQL_URL%/sparql}/sparql-graph-crud}"
bulk_graph="https://knowledge-graph.dev/bench/$size/bulk"
nt="$KG_VIRTUOSO_LOAD_DIR/bench-$size.nt"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "store: $(curl -s -m 10 -I "$KG_SPARQL_URL" | sed -n 's/^Server: *//p' | tr -d '\r')"

t0=$(now); kg stats >/dev/null; t1=$(now)
echo "load $size from TSV (kg stats): $(secs "$t0" "$t1") s"

isql exec="SPARQL CLEAR GRAPH <$push_graph>;" >/dev/null
t0=$(now); kg push --sparql "$KG_SPARQL_URL" --graph-iri "$push_graph" 2>/dev/null; t1=$(now)
echo "kg push (load + push through SparqlEndpoint, INSERT DATA batches of 1,000): $(secs "$t0" "$t1") s"

isql exec="SPARQL CLEAR GRAPH <$gsp_graph>;" >/dev/null
t0=$(now); kg push --sparql "$KG_SPARQL_URL" --graph-iri "$gsp_graph" --graph-store "$gsp_url" 2>/dev/null; t1=$(now)
echo "kg push --graph-store (load + push through SparqlEndpoint, Graph Store Protocol POSTs of 50,000): $(secs "$t0" "$t1") s"

t0=$(now); kg export -o "$nt"; t1=$(now)
triples=$(wc -l < "$nt")
echo "kg export to N-Triples: $(secs "$t0" "$t1") s, $triples triples, $(du -m "$nt" | cut -f1) MB"

isql exec="SPARQL CLEAR GRAPH <$bulk_graph>; DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '%bench-$size.nt';" >/dev/null
t0=$(now)
isql exec="ld_dir('$KG_VIRTUOSO_LOAD_DIR', 'bench-$size.nt', '$bulk_graph'); rdf_loader_run(); checkpoint;" >/dev/null
t1=$(now)
echo "Virtuoso bulk loader (ld_dir + rdf_loader_run + checkpoint): $(secs "$t0" "$t1") s"
errors=$(isql exec="SELECT COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;" | grep -E '^ *[0-9]+ *$' | head -n 1 | tr -d ' ')
echo "loader errors: ${errors:-?}"

pushed=$(count "$push_graph"); posted=$(count "$gsp_graph"); loaded=$(count "$bulk_graph")
echo "triples: export $triples, pushed $pushed, posted $posted, bulk-loaded $loaded"
rm -f "$nt"
if [ "$pushed" != "$triples" ] || [ "$posted" != "$triples" ] || [ "$loaded" != "$triples" ]; then
  echo "triple counts differ" >&2
  exit 1
fi
echo "triple counts equal"
if [ "${KG_KEEP_BENCH_GRAPHS:-}" != "1" ]; then
  isql exec="SPARQL CLEAR GRAPH <$push_graph>; SPARQL CLEAR GRAPH <$gsp_graph>; SPARQL CLEAR GRAPH <$bulk_graph>; checkpoint;" >/dev/null
fi
