"""The SHACL Core vocabulary the compiler (kg.validate.core_sparql) knows: which parameters are
constraints, which component reports each, and the SPARQL each node kind and range becomes."""
from __future__ import annotations

from rdflib.namespace import RDF, RDFS, SH, XSD

# Shape-describing predicates that are not constraints.
_META = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.name, SH.description, SH.order,
         SH.group, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target,
         SH.property, SH.sparql, SH.path, SH.prefixes, SH.declare}
# Constraints on one value node (https://www.w3.org/TR/shacl/#core-components-value-type and
# -string, -range, -other), checked by an expression over that node.
_VALUE_PARAMS = {SH.datatype, SH.nodeKind, SH["class"], SH.pattern, SH.flags, SH.minLength, SH.maxLength,
                 SH["in"], SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
                 SH["or"], SH["and"], SH["not"], SH.xone, SH.node}
_COUNT_PARAMS = {SH.minCount, SH.maxCount}
_QUALIFIED = {SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount}
# The XSD datatypes whose literals pySHACL also checks for being well formed.
_WELL_FORMED = {XSD.integer, XSD.float, XSD.decimal, XSD.boolean, XSD.date, XSD.time, XSD.dateTime}
_COMPONENT = {
    SH.datatype: SH.DatatypeConstraintComponent, SH.nodeKind: SH.NodeKindConstraintComponent,
    SH["class"]: SH.ClassConstraintComponent, SH.pattern: SH.PatternConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent, SH.maxLength: SH.MaxLengthConstraintComponent,
    SH["in"]: SH.InConstraintComponent, SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent, SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent, SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent, SH["not"]: SH.NotConstraintComponent,
    SH.xone: SH.XoneConstraintComponent, SH.node: SH.NodeConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
}
_RANGE_OP = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_KIND = {
    SH.IRI: "isIRI({v})", SH.Literal: "isLiteral({v})", SH.BlankNode: "isBlank({v})",
    SH.BlankNodeOrIRI: "!isLiteral({v})", SH.BlankNodeOrLiteral: "!isIRI({v})", SH.IRIOrLiteral: "!isBlank({v})",
}
