# The observer pattern with a WeakSet: a subject notifies its observers without keeping them
# alive. An observer that nobody else references unsubscribes itself just by dying.
import gc
import weakref


class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()

    def subscribe(self, obs):
        self.observers.add(obs)

    def notify(self, event):
        # Sorted so the output does not depend on set order.
        for obs in sorted(self.observers, key=lambda o: o.name):
            obs.update(event)


class Logger:
    def __init__(self, name):
        self.name = name
        self.seen = []

    def update(self, event):
        self.seen.append(event)
        print(f"  {self.name} got {event!r}")


subject = Subject()
a, b, c = Logger("a"), Logger("b"), Logger("c")
for o in (a, b, c):
    subject.subscribe(o)
subject.subscribe(a)  # a set: subscribing twice changes nothing
print("observers:", len(subject.observers), a in subject.observers)

print("-- first event")
subject.notify("start")

print("-- b is dropped: it leaves the set immediately")
del b
print("observers:", len(subject.observers))
subject.notify("tick")

print("-- explicit unsubscribe with discard / remove")
subject.observers.discard(c)
try:
    subject.observers.remove(c)
except KeyError:
    print("  c was already gone")
subject.notify("tock")

print("-- objects that cannot be weakly referenced are refused")
try:
    subject.subscribe(42)
except TypeError as e:
    print("  TypeError:", e)
print("  42 in observers:", 42 in subject.observers)

print("-- an observer kept alive only by a cycle goes when the collector runs")
d = Logger("d")
d.me = d
subject.subscribe(d)
del d
print("observers before collect:", len(subject.observers))
gc.collect()
print("observers after collect:", len(subject.observers))

print("-- set operations give new WeakSets")
e = Logger("e")
others = weakref.WeakSet([a, e])
both = subject.observers | others
print(sorted(o.name for o in both), type(both).__name__)
print(sorted(o.name for o in others - subject.observers))
print("a saw:", a.seen)
