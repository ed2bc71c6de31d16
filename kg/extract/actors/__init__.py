"""Who the actors are: the entity index, name forms, organisations, outlets to leave out, coreference."""
