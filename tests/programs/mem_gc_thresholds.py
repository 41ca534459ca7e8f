# Generation 0's count grows as containers are allocated; crossing
# the threshold triggers a collection of generation 0, which resets the count.
import gc

class Obj:
    pass

print("default thresholds:", gc.get_threshold())
gc.disable()
gc.collect()
gc.set_threshold(5, 10, 10)
print("new thresholds:", gc.get_threshold())
gc.collect(0)
print("after a generation-0 collect:", gc.get_count())
gc.collect(1)
print("after a generation-1 collect:", gc.get_count())
gc.collect()
print("after a full collect:", gc.get_count())
gc.enable()
held = []
highest = 0
for i in range(100):
    held.append(Obj())
    highest = max(highest, gc.get_count()[0])
print("with threshold 5 the count never passes 6:", highest <= 6)
gc.set_threshold(700, 10, 10)
