"""Third-party modules an example may import come only from scripts/python/standins/.

A recording must not depend on what happens to be installed: `import aiohttp`
finds the stand-in (backed by simulated services on the virtual clock) or fails
with ModuleNotFoundError, never the real package from site-packages.
"""

import importlib.abc
import importlib.machinery
import os
import sys

from .standin_names import NAMES  # generated from src/shared/reader-modules.ts, the one list

STANDINS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "standins")



class StandinFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname not in NAMES:
            return None  # other modules, and submodules (found in the stand-in's __path__)
        spec = importlib.machinery.PathFinder.find_spec(fullname, [STANDINS_DIR])
        if spec is None:
            raise ModuleNotFoundError(f"No module named '{fullname}'", name=fullname)
        return spec


def install():
    sys.path.insert(0, STANDINS_DIR)
    sys.meta_path.insert(0, StandinFinder())
    for name in list(sys.modules):
        if name.partition(".")[0] in NAMES:
            del sys.modules[name]
