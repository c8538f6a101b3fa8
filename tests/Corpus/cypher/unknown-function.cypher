MATCH (n) RETURN frobnicate(n)
