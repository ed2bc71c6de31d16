"""What kind of SPARQL request a text is, and whether a read-only interface may run it.

The endpoint, ``kg sparql`` and the notebook API run queries only. SPARQL 1.1 Update (INSERT, DELETE,
LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD) is refused, and so is ``SERVICE``: Oxigraph would fetch the
remote endpoint named in the query (a server that fetches URLs its clients choose is an open proxy).

The check reads the keywords of the text with its comments, string literals and IRIs removed, so a
label such as ``"DROP ALL"``, an IRI ``<http://ex.org/service>`` or a variable ``?service`` is not
mistaken for a keyword. Grammar: https://www.w3.org/TR/sparql11-query/#grammar
"""
from __future__ import annotations

import re

from ..errors import Errors, ReadOnly, QueryFailed

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

# longest alternatives first: long strings before short ones
_NOISE = re.compile(r'''
    '{3}.*?'{3} | "{3}.*?"{3}              # long strings
  | '(?:[^'\\\n]|\\.)*' | "(?:[^"\\\n]|\\.)*"   # strings
  | <[^<>"{}|^`\\\x00-\x20]*>            # IRIs (a comparison "a < b" has spaces and is kept)
  | \#[^\n]*                              # comments
''', re.X | re.S)
# a keyword: not part of a variable (?x, $x), a prefixed name (ex:drop, drop:x) or a longer word
_WORD = r"(?<![\w?$:-]){}(?![\w:-])"
_FORM = re.compile(_WORD.format("(" + "|".join(QUERY_FORMS + UPDATE_FORMS) + ")"), re.I)
_SERVICE = re.compile(_WORD.format("SERVICE"), re.I)


def strip_noise(text: str) -> str:
    """The query text without comments, strings and IRIs (each replaced by a space)."""
    return _NOISE.sub(" ", text)


def query_form(text: str) -> str:
    """``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``; raises ReadOnly for an update or SERVICE.

    text (str): the SPARQL request text.
    """
    bare = strip_noise(text)
    m = _FORM.search(bare)
    if m is None:
        raise QueryFailed(Errors.E515)
    form = m.group(1).upper()
    if form in UPDATE_FORMS:
        raise ReadOnly(Errors.E506.format(form=form))
    if _SERVICE.search(bare):
        raise ReadOnly(Errors.E507)
    return form
