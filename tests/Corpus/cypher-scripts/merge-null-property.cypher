MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';

MERGE (n:Entity {id: null}) SET n:Person, n.name = 'Nobody';
