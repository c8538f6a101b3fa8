MERGE (d:Document {id: 'doc:1'}) SET d.title = 'T', d.text = 'Ann met Bob.';
MERGE (n:Entity {id: 'person:ann'}) SET n:Person, n.name = 'Ann';
MATCH (a:Entity {id: 'person:ann'}), (d:Document {id: 'doc:1'}) MERGE (a)-[:MENTIONED_IN]->(d);
