"""One way to write a core package's façade (ARCHITECTURE.md rule 1).

Each core package's `__init__.py` names what the fronts and the other packages may use:

    from common.facade import install
    install(__name__, {"Workspace": "dossier.workspace", "actions": "dossier.actions:"})

A name maps to the module that defines it (`"pkg.module"`: the attribute of that name;
`"pkg.module:attr"`: another attribute; `"pkg.module:"`: the module itself). Names are loaded
on first use, so importing a package stays cheap (PyMuPDF, OpenCV, pyHanko load when needed),
and a submodule that shares an exported name (signing.sign the module, sign the function)
never hides the exported value.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping
from typing import Any


class _Facade(types.ModuleType):
    _exports: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        target = self.__dict__.get("_exports", {}).get(name)
        if target is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        module_name, _, attribute = target.partition(":")
        module = importlib.import_module(module_name)
        if target.endswith(":"):
            return module
        return getattr(module, attribute or name)

    def __setattr__(self, name: str, value: Any) -> None:
        # importing submodule pkg.x binds attribute x on the package: keep an exported x
        exports = self.__dict__.get("_exports", {})
        if (
            name in exports
            and isinstance(value, types.ModuleType)
            and not exports[name].endswith(":")
        ):
            return
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.__dict__.get("_exports", {})))


def install(package: str, exports: Mapping[str, str]) -> None:
    """Make `package` (a core package's `__name__`) a façade exporting `exports`."""
    module = sys.modules[package]
    module.__class__ = _Facade
    module.__dict__["_exports"] = dict(exports)
    module.__dict__["__all__"] = sorted(exports)


def exported(package: str) -> Mapping[str, str]:
    """The names a façade exports (for the architecture test)."""
    return dict(getattr(importlib.import_module(package), "_exports", {}))
