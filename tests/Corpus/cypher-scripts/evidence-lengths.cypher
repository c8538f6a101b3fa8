MERGE (d:Document {id: 'doc:1'}) SET d.title = 'T', d.text = 'Ann met Bob.';
MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MERGE (n:Entity {id: 'person:bob'}) SET n:Person, n.name = 'Bob';
MATCH (a:Entity {id: 'person:ann'}), (b:Entity {id: 'person:bob'}) MERGE (a)-[:MEETS {evidenceDocument: ['doc:1', 'doc:1'], evidenceStart: [0], evidenceLength: [12], evidenceText: ['Ann met Bob.']}]->(b);
