"""Organisation labels of the gazetteer follow the linker's cache: an organisation the cache does not
hold is labelled by its full name, its acronym an alias ("March 23 Movement", alias M23), as the
cache labels the ones it holds ("Association of Southeast Asian Nations", alias ASEAN)."""
from __future__ import annotations

from kg.extract.text.gazetteer import DATA, load_gazetteer, norm
from kg.link import DEFAULT_CACHE, EntityCache


def _org_rows():
    for line in (DATA / "gazetteer" / "organizations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, aliases, kind = (line.split("\t") + ["", ""])[:3]
            if kind.strip() == "Organization":
                yield name, [a.strip() for a in aliases.split(";") if a.strip()]


def _acronym(name: str) -> bool:
    return " " not in name and name.isalnum() and name == name.upper()


def test_an_uncached_organisation_is_labelled_by_its_full_name():
    cached = {norm(n) for e in EntityCache.load(DEFAULT_CACHE) for n in [e.label, *e.aliases]}
    for name, aliases in _org_rows():
        if norm(name) in cached or any(norm(a) in cached for a in aliases):
            continue
        full = [a for a in aliases if len(a.split()) >= 2 and not a.lower().startswith("the ")]
        assert not (_acronym(name) and full), f"{name}: label it {full[0]!r}, the acronym an alias"


def test_acronym_and_full_name_are_one_organisation():
    g = load_gazetteer()
    assert g.orgs[norm("M23")] == g.orgs[norm("March 23 Movement")] == "March 23 Movement"
    assert g.orgs[norm("ECOWAS")] == "Economic Community of West African States"
