"""Name keys, spelling variants and the words of titles, as the linker compares them."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from ..resources import resource

DATA = resource("data/gazetteer").parent
# words that say nothing about which office or item is meant
STOP = frozenset("""a an the of to in on at for and or by with from s its his her their former then current
acting new ex""".split())
COUNTRY_WEIGHT = 0.5  # "US" in "US envoy" tells less than "envoy"


def norm(text: str) -> str:
    """Lower-case, accent-free, punctuation-light key: "the U.S." -> "us", "Erdoğan" -> "erdogan".
    Letters of other scripts stay ("Москва" -> "москва")."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace(".", "")
    text = re.sub(r"[^\w' -]|_", " ", text).replace("'s ", " ").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def clean(name: str) -> str:
    """One line, single spaces: the form sent to the endpoint (a label never holds a newline)."""
    return re.sub(r"\s+", " ", name).strip()


def variants(name: str) -> list[str]:
    """Spellings to look a name up by as exact ``@en`` labels: as written, accent-free, without a
    leading "the", and in title case when written in capitals (a dateline's "WASHINGTON")."""
    name = clean(name)
    out = [name]
    if name.isupper() and len(name) > 4:
        out.append(name.title())
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out.append(folded)
    out += [v[4:] for v in list(out) if v.lower().startswith("the ")]
    return list(dict.fromkeys(v for v in out if v))


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Single-word country aliases and demonyms -> the country's key ("american" -> "united states"),
    read from ``data/gazetteer/countries.tsv``."""
    out: dict[str, str] = {}
    path = DATA / "gazetteer" / "countries.tsv"
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + ["", "", ""])[:3]
        name = norm(cells[0])
        for word in [cells[0], *cells[1].split(";"), *cells[2].split(";")]:
            key = norm(word)
            if key and " " not in key and key != name:
                out[key] = name
    return out


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Keys of the country names in ``data/gazetteer/countries.tsv`` (used to refine kind Place)."""
    path = DATA / "gazetteer" / "countries.tsv"
    if not path.exists():
        return frozenset()
    return frozenset(norm(line.split("\t")[0]) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def country_name_words() -> frozenset[str]:
    """Every word of every country name ("united", "states", "ukraine", ...)."""
    return frozenset(w for name in country_names() for w in name.split())


def weighted_words(text: str) -> dict[str, float]:
    """Content words of a title or description with their weight; a country word becomes the
    words of the country's name ("Ukrainian president" -> ukraine 0.5, president 1.0)."""
    out: dict[str, float] = {}
    words = country_words()
    for word in norm(text).split():
        if word in STOP:
            continue
        if word in words:
            for w in words[word].split():
                out[w] = max(out.get(w, 0.0), COUNTRY_WEIGHT)
        elif word in country_name_words():
            out[word] = max(out.get(word, 0.0), COUNTRY_WEIGHT)
        else:
            out[word] = 1.0
    return out


def same_word(a: str, b: str) -> bool:
    """Equal, or sharing a stem of six letters or more ("presidential" ~ "president")."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 6


def overlap(title: str, text_words: set[str]) -> float:
    """Weighted share of the title's content words found among ``text_words`` (0..1)."""
    words = weighted_words(title)
    total = sum(words.values())
    if not total:
        return 0.0
    found = sum(w for word, w in words.items() if any(same_word(word, t) for t in text_words))
    return found / total
