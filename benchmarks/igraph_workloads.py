#!/usr/bin/env python3
"""python-igraph as a baseline for the library, in the same run (see ../../shared/bench/WORKLOADS.md).

    python3 benchmarks/igraph_workloads.py KG_DLL DATA_DIR [S M ...]

For each size, loads DATA_DIR/<SIZE>/nodes.tsv and edges.tsv (from ../shared/bench/gen.py) into
an igraph.Graph (untimed), times W2, W4, W5 and the analytics rows, then runs
`dotnet KG_DLL bench` on the same files, and prints one Markdown table per size with the
medians and the ratio library / igraph (below 1: the library is faster).

What each row runs in igraph:
  W2   bfs(start, mode="out") from the Person with the largest out-degree
  W4   distances(a, b, mode="all") for the 1,000 SplitMix64 pairs
  W5   pagerank(damping=0.85) -- PRPACK solves to convergence, it does not run exactly
       20 Jacobi iterations, so its checksum differs; the row compares cost, not result
  CC   connected_components(mode="weak")
  LV   community_multilevel(weights) on the undirected graph, each relation adding 1 to
       its pair's weight (the library's Louvain graph)
  BC64 python-igraph 0.10 has no betweenness from a subset of sources: the row times
       exact betweenness on the simplified undirected graph and scales it by 64/n (each
       source costs one BFS and one accumulation, as in the library). Exact betweenness
       runs only where it finishes in minutes (S); elsewhere the row is left out.
Medians of at least 3 runs after one warm-up, wall clock, single thread.
"""
import gc
import re
import statistics
import subprocess
import sys
import time

import igraph as ig

MASK = (1 << 64) - 1


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def load(folder):
    with open(folder + "/nodes.tsv", encoding="utf-8") as f:
        next(f)
        ids = [line.split("\t", 1)[0] for line in f]
    index = {v: i for i, v in enumerate(ids)}
    edges = []
    with open(folder + "/edges.tsv", encoding="utf-8") as f:
        next(f)
        for line in f:
            s, _, t = line.rstrip("\n").split("\t")
            edges.append((index[s], index[t]))
    return ids, edges


def timed(run, repeats=3):
    run()
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def igraph_rows(folder):
    ids, edges = load(folder)
    n = len(ids)
    g = ig.Graph(n=n, edges=edges, directed=True)
    outdeg = g.outdegree()
    person = [i for i, v in enumerate(ids) if v.startswith("p")]
    start = max(person, key=lambda i: (outdeg[i], -i))
    state, pairs = 42, []
    for _ in range(1000):
        state, a = splitmix(state)
        state, b = splitmix(state)
        pairs.append((a % n, b % n))
    undirected = g.as_undirected(mode="collapse")
    undirected.simplify()
    weighted = g.as_undirected(mode="each")
    weighted.es["weight"] = 1
    weighted.simplify(combine_edges="sum", loops=False)

    def w4():
        total = 0
        for a, b in pairs:
            d = g.distances(a, b, mode="all")[0][0]
            total += -1 if d == float("inf") else int(d)
        return total

    rows = {}
    rows["W2"] = timed(lambda: len(g.bfs(start, mode="out")[0]))
    rows["W4"] = timed(w4)
    rows["W5"] = timed(lambda: max(g.pagerank(damping=0.85)))
    rows["CC"] = timed(lambda: len(g.connected_components(mode="weak")))
    rows["LV"] = timed(lambda: len(weighted.community_multilevel(weights="weight")))
    if n <= 20_000:
        ms, result = timed(lambda: max(undirected.betweenness(directed=False)), repeats=1)
        rows["BC64"] = (ms * 64 / n, result)
    return rows


def library_rows(dll, folder):
    out = subprocess.run(
        ["dotnet", dll, "bench", "--nodes", folder + "/nodes.tsv", "--edges", folder + "/edges.tsv",
         "--workloads", "W2,W4,W5,CC,LV,BC64"],
        check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        m = re.match(r"^(\S+) ([0-9.]+) ms (.*)$", line)
        if m:
            rows[m.group(1)] = (float(m.group(2)), m.group(3))
    return rows


def main(argv):
    dll, data = argv[1], argv[2]
    sizes = argv[3:] or ["S", "M"]
    for size in sizes:
        folder = f"{data}/{size}"
        theirs = igraph_rows(folder)
        ours = library_rows(dll, folder)
        print(f"\n{size}: igraph {ig.__version__}, library via kg bench (same run)\n")
        print("| row | library ms | igraph ms | ratio |")
        print("| --- | ---: | ---: | ---: |")
        for row in ["W2", "W4", "W5", "CC", "LV", "BC64"]:
            if row in theirs and row in ours:
                a, b = ours[row][0], theirs[row][0]
                print(f"| {row} | {a:.2f} | {b:.2f} | {a / b:.2f} |")
            elif row in ours:
                print(f"| {row} | {ours[row][0]:.2f} | — | — |")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv)
