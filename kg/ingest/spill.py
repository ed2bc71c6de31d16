"""Article texts kept on disk while a build runs, so that memory does not grow with the corpus.

A build reads every article first (to know the set: which are new, which dates it holds), but
needs an article's text only when that article is extracted, one chunk at a time. So the reader
writes each text to one temporary file and keeps the article without it; :meth:`TextSpill.full`
gives the article back whole, and :meth:`TextSpill.light` one whose ``text`` is read back from
the file when asked for (what a build report keeps of each landed article).
"""
from __future__ import annotations

import dataclasses
import tempfile
import threading

from ..model import Article


class TextSpill:
    """Texts by content hash in one temporary file (deleted when closed or collected)."""

    def __init__(self) -> None:
        self.file = tempfile.TemporaryFile(prefix="kg-texts-")
        self.at: dict[str, tuple[int, int]] = {}
        self.lock = threading.Lock()

    def put(self, article: Article) -> Article:
        """Keep ``article``'s text here; returns the article without it."""
        if article.sha256 not in self.at:
            data = article.text.encode("utf-8", "surrogatepass")
            with self.lock:
                self.file.seek(0, 2)
                self.at[article.sha256] = (self.file.tell(), len(data))
                self.file.write(data)
        return dataclasses.replace(article, text="")

    def text(self, sha256: str) -> str:
        offset, size = self.at[sha256]
        with self.lock:
            self.file.seek(offset)
            data = self.file.read(size)
        return data.decode("utf-8", "surrogatepass")

    def full(self, article: Article) -> Article:
        """The article with its text (as read), if this spill holds it."""
        if article.text or article.sha256 not in self.at:
            return article
        return dataclasses.replace(article, text=self.text(article.sha256))

    def light(self, article: Article) -> Article:
        """The article, its text read back from here whenever it is asked for."""
        if article.sha256 not in self.at:
            return article
        out = SpilledArticle(**{f.name: getattr(article, f.name) for f in dataclasses.fields(article)})
        out.spill = self
        return out


class SpilledArticle(Article):
    """An :class:`Article` whose text stays in a :class:`TextSpill` until it is read."""

    spill: TextSpill | None = None

    @property  # type: ignore[override]
    def text(self) -> str:
        return self.spill.text(self.sha256) if self.spill is not None else ""

    @text.setter
    def text(self, value: str) -> None:  # the dataclass __init__ sets it: the spill holds it already
        pass
