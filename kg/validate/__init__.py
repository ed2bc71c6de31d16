"""Validation stage: SHACL shapes (pySHACL) and OWL consistency (owlready2 with HermiT)."""
