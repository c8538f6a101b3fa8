MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann'
WITH n MATCH (n)-[:MEETS]->(m) SET m.met = true;
