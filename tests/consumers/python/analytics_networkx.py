"""Graph measures by NetworkX, for the agreement tests (tests/KnowledgeGraph.Tests/Algorithms).

    python3 analytics_networkx.py EDGES.txt [--exact] [--sources i,j,...] [--louvain-seeds K]

EDGES.txt: the node count on the first line, then one directed relation per line as
"source target" (0-based node numbers; parallel relations and self-loops allowed).
Prints one JSON object. The graphs follow the library's conventions (see
src/KnowledgeGraph/Algorithms): the simple graphs merge parallel relations and drop
self-loops; the weighted graph gives each pair the number of relations joining it.
--sources gives the sampled sources of a betweenness estimate: the output holds
betweenness_centrality_subset from those sources to every node (unnormalised).
"""
import json
import sys

import networkx as nx


def read(path):
    with open(path, encoding="utf-8") as f:
        n = int(f.readline())
        edges = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
    return n, edges


def main(argv):
    path = argv[1]
    exact = "--exact" in argv
    seeds = int(argv[argv.index("--louvain-seeds") + 1]) if "--louvain-seeds" in argv else 0
    n, edges = read(path)
    multi = nx.MultiDiGraph()
    multi.add_nodes_from(range(n))
    multi.add_edges_from(edges)
    simple = nx.Graph(multi)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    directed = nx.DiGraph(multi)
    directed.remove_edges_from(list(nx.selfloop_edges(directed)))
    weighted = nx.Graph()
    weighted.add_nodes_from(range(n))
    for s, t in edges:
        w = weighted[s][t]["weight"] + 1 if weighted.has_edge(s, t) else 1
        weighted.add_edge(s, t, weight=w)

    def groups(components):
        return sorted(sorted(c) for c in components)

    def vec(d):
        return [d[v] for v in range(n)]

    out = {
        "library": "networkx " + nx.__version__,
        "weak": groups(nx.weakly_connected_components(multi)),
        "strong": groups(nx.strongly_connected_components(multi)),
        "core": vec(nx.core_number(simple)),
        "triangles": vec(nx.triangles(simple)),
        "clustering": vec(nx.clustering(simple)),
        "average_clustering": nx.average_clustering(simple) if n else 0.0,
        "transitivity": nx.transitivity(simple),
    }
    if exact:
        out["betweenness"] = vec(nx.betweenness_centrality(simple, normalized=False))
        out["betweenness_normalized"] = vec(nx.betweenness_centrality(simple, normalized=True))
        out["betweenness_directed"] = vec(nx.betweenness_centrality(directed, normalized=False))
        out["betweenness_directed_normalized"] = vec(nx.betweenness_centrality(directed, normalized=True))
        out["closeness"] = vec(nx.closeness_centrality(simple))
        out["closeness_in"] = vec(nx.closeness_centrality(directed))
        out["closeness_out"] = vec(nx.closeness_centrality(directed.reverse()))
    if "--sources" in argv:
        sources = [int(x) for x in argv[argv.index("--sources") + 1].split(",") if x]
        nodes = list(range(n))
        out["betweenness_sources"] = vec(nx.betweenness_centrality_subset(simple, sources, nodes))
        out["betweenness_directed_sources"] = vec(nx.betweenness_centrality_subset(directed, sources, nodes))
    if seeds:
        louvain = []
        for seed in range(seeds):
            parts = nx.community.louvain_communities(weighted, weight="weight", seed=seed)
            q = nx.community.modularity(weighted, parts, weight="weight") if weighted.size() else 0.0
            louvain.append({"seed": seed, "modularity": q, "communities": groups(parts)})
        out["louvain"] = louvain
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
