MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MATCH (n:Entity {id: 'person:ann'}) FOREACH (x IN [1] | SET n.x = x);
