"""Graph measures by python-igraph, for the agreement tests (tests/KnowledgeGraph.Tests/Algorithms).

    python3 analytics_igraph.py EDGES.txt [--exact]

EDGES.txt as for analytics_networkx.py. The simple graphs are igraph's simplify() of the
relations (undirected: as_undirected() first); closeness is scaled to NetworkX's
Wasserman-Faust form, which the library uses, and igraph's NaN for an entity that reaches
nothing becomes 0.
"""
import json
import math
import sys

import igraph as ig


def read(path):
    with open(path, encoding="utf-8") as f:
        n = int(f.readline())
        edges = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
    return n, edges


def closeness(g, mode):
    n = g.vcount()
    raw = g.closeness(mode=mode)
    result = []
    for v in range(n):
        reached = len(g.subcomponent(v, mode=mode)) - 1
        c = raw[v]
        result.append(0.0 if reached == 0 or c is None or math.isnan(c) else c * reached / (n - 1))
    return result


def main(argv):
    n, edges = read(argv[1])
    exact = "--exact" in argv
    g = ig.Graph(n=n, edges=edges, directed=True)
    simple = g.as_undirected(mode="collapse")
    simple.simplify()
    directed = g.copy()
    directed.simplify()

    def groups(clustering):
        return sorted(sorted(c) for c in clustering)

    triangles = [0] * n
    for tri in simple.list_triangles():
        for v in tri:
            triangles[v] += 1
    out = {
        "library": "igraph " + ig.__version__,
        "weak": groups(g.connected_components(mode="weak")),
        "strong": groups(g.connected_components(mode="strong")),
        "core": simple.coreness(),
        "triangles": triangles,
        "clustering": simple.transitivity_local_undirected(mode="zero"),
        "average_clustering": simple.transitivity_avglocal_undirected(mode="zero") if n else 0.0,
        "transitivity": 0.0 if n == 0 or math.isnan(simple.transitivity_undirected()) else simple.transitivity_undirected(),
    }
    if exact:
        out["betweenness"] = simple.betweenness(directed=False)
        out["betweenness_directed"] = directed.betweenness(directed=True)
        out["closeness"] = closeness(simple, "all")
        out["closeness_in"] = closeness(directed, "in")
        out["closeness_out"] = closeness(directed, "out")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
