from ..core import VERSION
from .. import util
from ..util import shout

LEAF = shout("leaf") + " " + VERSION + " " + util.__name__
