# An exception raised by an imported module's body propagates to the importer with the
# module frames in the traceback, and the failed modules are not left in sys.modules.
import sys

sys.path.append(__file__.rsplit("/", 1)[0] + "/imports")
try:
    import chain_outer
except KeyError as e:
    print("caught", repr(e), "chain_outer" in sys.modules, "chain_inner" in sys.modules)

import chain_outer
