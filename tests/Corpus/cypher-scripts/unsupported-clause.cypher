MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MATCH (n:Entity {id: 'person:ann'}) DETACH DELETE n;
