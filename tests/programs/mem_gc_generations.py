# Surviving objects move to older generations; gc.freeze() moves everything to
# the permanent generation, which collections ignore.
import gc

class Obj:
    pass

def where(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None

gc.disable()
gc.collect()
o = Obj()
print("new object in generation", where(o))
gc.collect(0)
print("after surviving gen 0:", where(o))
gc.collect(1)
print("after surviving gen 1:", where(o))
gc.freeze()
print("frozen objects exist:", gc.get_freeze_count() > 0)
print("frozen object in a generation:", where(o))
gc.unfreeze()
print("after unfreeze:", where(o), gc.get_freeze_count())
gc.enable()
