// Knowledge graph: 2 entities, 0 relations, 0 documents.
MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MERGE (n:Entity {id: 'person:bob'}) SET n:Person, n.name = 'Bob;
