# Consumers of the export formats (tests/KnowledgeGraph.Tests/IO/Consumers): NetworkX reads our
# GraphML, Graphviz renders our DOT, rapper parses our N-Triples/Turtle, the jsonld npm package
# expands our JSON-LD, Mermaid's parser reads our flowcharts (npm packages pinned in
# tests/consumers/node/package-lock.json). Install only what is missing.
command -v python3 >/dev/null 2>&1 && python3 -c "import networkx" >/dev/null 2>&1 || ci_need_apt python3-networkx
command -v dot >/dev/null 2>&1 || ci_need_apt graphviz
command -v rapper >/dev/null 2>&1 || ci_need_apt raptor2-utils
command -v node >/dev/null 2>&1 || ci_need_apt nodejs
command -v npm >/dev/null 2>&1 || ci_need_apt npm

ci_consumers_npm() {
  if [ ! -d tests/consumers/node/node_modules/jsonld ] || [ ! -d tests/consumers/node/node_modules/mermaid ] \
     || [ ! -d tests/consumers/node/node_modules/jsdom ]; then
    (cd tests/consumers/node && npm ci --no-audit --no-fund)
  fi
}
ci_after_apt_hooks+=(ci_consumers_npm)
