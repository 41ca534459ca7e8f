"""A demo package."""
print("pkgdemo: init, __package__ =", __package__)
from .core import VERSION
from . import util
