# python-igraph computes the same graph measures as the library in the agreement tests
# (tests/KnowledgeGraph.Tests/Algorithms/AgreementTests.cs, tests/consumers/python/analytics_igraph.py)
# and is the baseline of benchmarks/igraph_workloads.py. Install only when missing.
command -v python3 >/dev/null 2>&1 && python3 -c "import igraph" >/dev/null 2>&1 || /usr/bin/python3 -c "import igraph" >/dev/null 2>&1 || ci_need_apt python3-igraph
