"""Ship the top-level folders inside the wheel (everything else is in pyproject.toml).

``queries/``, ``ontology/`` and ``data/gazetteer`` + ``data/wikidata`` stay at the top of the repository
(the layout users asked for); the wheel carries copies under ``kg/assets/``, where ``kg/resources.py``
looks first. An editable install keeps reading them from the source tree.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("queries", "ontology", "data/gazetteer", "data/wikidata")  # kept equal to kg.resources.SHIPPED


class build_py_with_assets(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        for name in SHIPPED:
            target = Path(self.build_lib) / "kg" / "assets" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))


setup(cmdclass={"build_py": build_py_with_assets})
