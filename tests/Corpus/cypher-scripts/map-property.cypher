MERGE (n:Entity {id: 'person:ann'})
  SET n:Person, n.name = 'Ann', n.address = {city: 'Brussels'};
