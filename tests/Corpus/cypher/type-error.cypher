MATCH (n) RETURN n.name + 'x' AS s, n.name * 2 AS boom
