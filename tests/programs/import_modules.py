# Importing .py modules and packages: sys.path, sys.modules caching, the import forms,
# __all__ and private names, packages with relative imports, namespace packages, module
# __getattr__, circular imports, and CPython's import errors.
import sys

HERE = __file__.rsplit("/", 1)[0]
print("sys.path[0] is the script's directory:", sys.path[0] == HERE)
sys.path.insert(0, HERE + "/imports")
print("__name__ of the script:", __name__)

import greet
import greet as g2
from greet import hello, counter as c0

print(greet is g2, greet is sys.modules["greet"])
print(hello("world"), greet.counter, c0)
print(greet.__name__, greet.__doc__)
print(greet.__file__ == HERE + "/imports/greet.py")
print(repr(greet).startswith("<module 'greet' from '"), repr(sys)[:22])
print(sorted(k for k in vars(greet) if k.startswith("__")))

# A module runs once; deleting its sys.modules entry makes the next import run it again.
import greet
del sys.modules["greet"]
import greet as fresh
print(fresh is g2, fresh.counter)

# from m import * honours __all__ (even for underscore names) or skips _private names.
from shapes import *
names = dir()
print(sorted(n for n in ("Circle", "area", "PI", "not_listed", "_exported_private") if n in names))
print(area(Circle(2)))
from greet import *
names = dir()
print("hello" in names, "_secret" in names, "counter" in names)

# Packages: __init__ runs first, submodules become attributes, relative imports resolve.
import pkgdemo.sub.leaf
print(pkgdemo.__name__, pkgdemo.__package__, pkgdemo.__doc__)
print(pkgdemo.__path__[0] == HERE + "/imports/pkgdemo")
print(pkgdemo.sub.leaf.LEAF)
print(pkgdemo.VERSION, pkgdemo.util.shout("hi"), pkgdemo.core.describe())
from pkgdemo import core, util as u
print(core is pkgdemo.core, u.V)
import pkgdemo.core as pc
print(pc is core, sorted(k for k in sys.modules if k.startswith("pkgdemo")))

# A directory without __init__.py is a namespace package.
import nsdir.piece
print(nsdir.piece.PIECE, nsdir.__file__, list(nsdir.__path__) == [HERE + "/imports/nsdir"])

# Module-level __getattr__ (PEP 562).
import lazyattr
print(lazyattr.lazy_value)
from lazyattr import lazy_thing
print(lazy_thing)

# A circular import sees the partially initialised module.
import circ_a
print(circ_a.from_b(), circ_a.circ_b.circ_a is circ_a)


def attempt(stmt):
    try:
        exec_stmt(stmt)
    except Exception as e:
        msg = str(e).replace(HERE, "HERE")
        print(f"{stmt!r}: {type(e).__name__}: {msg}")


def exec_stmt(stmt):
    if stmt == "import nope":
        import nope
    elif stmt == "import greet.sub":
        import greet.sub
    elif stmt == "from greet import missing":
        from greet import missing
    elif stmt == "from sys import missing":
        from sys import missing
    elif stmt == "import pkgdemo.missing":
        import pkgdemo.missing
    elif stmt == "from pkgdemo import missing":
        from pkgdemo import missing
    elif stmt == "greet.missing":
        sys.modules["greet"].missing
    elif stmt == "lazyattr.other":
        lazyattr.other
    elif stmt == "import pkgdemo.beyond":
        import pkgdemo.beyond
    elif stmt == "from . import greet":
        from . import greet
    elif stmt == "import boom":
        import boom
    elif stmt == "import broken_syntax":
        import broken_syntax
    elif stmt == "from badall import *":
        exec_star("badall")
    elif stmt == "from missingall import *":
        exec_star("missingall")
    elif stmt == "from pkgdemo import faulty":
        from pkgdemo import faulty
    elif stmt == "sys.modules None":
        sys.modules["blocked"] = None
        import blocked


def exec_star(name):
    m = __import_star_target(name)
    for k in m.__all__:
        if not isinstance(k, str):
            raise TypeError(f"Item in {name}.__all__ must be str, not {type(k).__name__}")
        getattr(m, k)


def __import_star_target(name):
    if name == "badall":
        import badall as m
    else:
        import missingall as m
    return m


for s in ["import nope", "import greet.sub", "from greet import missing",
          "from sys import missing", "import pkgdemo.missing", "from pkgdemo import missing",
          "greet.missing", "lazyattr.other", "import pkgdemo.beyond", "from . import greet",
          "import boom", "import broken_syntax", "from badall import *",
          "from missingall import *", "from pkgdemo import faulty", "sys.modules None"]:
    attempt(s)

# A module whose body raised is not left in sys.modules; importing it again reruns it.
print("boom" in sys.modules, "broken_syntax" in sys.modules)
attempt("import boom")
try:
    import nope
except ModuleNotFoundError as e:
    print(e.name, isinstance(e, ImportError))
try:
    from greet import missing
except ImportError as e:
    print(e.name, e.path == HERE + "/imports/greet.py")

# __import__ returns the top-level package unless a fromlist is given.
print(__import__("pkgdemo.sub.leaf").__name__, __import__("pkgdemo.core", fromlist=["x"]).__name__)
print(__import__("core", globals={"__name__": "pkgdemo.util"}, level=1).__name__)
# sys.modules is a real dict: anything placed there is what import binds.
sys.modules["fake"] = 42
import fake
print(fake, "fake" in sys.modules)
try:
    from fake import nothing_here
except ImportError as e:
    print(e, e.name, e.path)
del sys.modules["fake"]
attempt("import nope")
# Relative sys.path entries are taken against the working directory; __file__ is absolute.
del sys.modules["shapes"]
sys.path.insert(0, "tests/programs/imports")
import shapes as s2
print(s2.__file__ == HERE + "/imports/shapes.py", s2 is not sys.modules.get("greet"))
