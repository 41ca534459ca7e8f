from . import core
from .core import VERSION as V


def shout(s):
    return s.upper() + "!" + V
