# Loaded by Python at start-up when this folder is on PYTHONPATH (the Azure CLI test puts it there
# for its own `az` runs only).
#
# Why: Debian's azure-cli 2.45 asks the network SDK for API version 2022-01-01, but Debian's
# python3-azure (20230112) ships no azure.mgmt.network.v2022_01_01. Every `az network …` command
# outside private-dns then dies while loading its arguments, before it parses anything:
#   AttributeError: 'NoneType' object has no attribute 'standard_medium'
# (https://github.com/Azure/azure-cli/issues/26830). Debian's azure-mgmt-network 23.0.0b1 is a
# one-API-version build: operations at the top (azure.mgmt.network.operations), models for a few
# versions, 2022-07-01 the nearest. So when - and only when - the 2022-01-01 package is missing,
# it is served from those: models from v2022_07_01, anything else (operations) from the top.
# Most commands the fixes use (private-endpoint, vnet) are AAZ commands whose arguments do not
# come from this SDK at all; the rest (nic show, private-endpoint-connection) take only --ids/--id
# and the like.
import importlib
import importlib.abc
import importlib.util
import os
import sys

_MISSING = 'azure.mgmt.network.v2022_01_01'
_STAND_IN = 'azure.mgmt.network.v2022_07_01'
_TOP = 'azure.mgmt.network'


class _StandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if name != _MISSING and not name.startswith(_MISSING + '.'):
            return None
        if name == _MISSING and any(
            os.path.isdir(os.path.join(entry, 'v2022_01_01')) for entry in (path or [])
        ):
            return None
        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        rest = spec.name[len(_MISSING):]
        try:
            return importlib.import_module(_STAND_IN + rest)
        except ModuleNotFoundError:
            return importlib.import_module(_TOP + rest)

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _StandIn())
