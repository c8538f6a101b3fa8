MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MERGE (n:Entity {id: 'person:bob'}) SET m:Person, n.name = 'Bob';
