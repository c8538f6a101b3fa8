MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MERGE (n:Entity {id: 'person:bob'}) SET n:Person, n.name = 'Bob';
MATCH (a:Entity {id: 'person:ann'}), (b:Entity {id: 'person:bob'}) MERGE (a)-[:ADMIRES]->(b);
