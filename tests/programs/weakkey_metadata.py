# WeakKeyDictionary attaches data to objects without keeping them alive (the entry goes when
# the key dies), and WeakMethod holds a bound method weakly (a plain weakref to a bound
# method dies at once, since nothing else keeps that method object alive).
import weakref


class Widget:
    def __init__(self, name):
        self.name = name

    def click(self):
        return f"{self.name} clicked"


tags = weakref.WeakKeyDictionary()
ok, cancel = Widget("ok"), Widget("cancel")
tags[ok] = "primary"
tags[cancel] = "secondary"
print(len(tags), tags[ok], ok in tags, "ok" in tags, 42 in tags)
print(sorted((w.name, t) for w, t in tags.items()))

print("-- the entry vanishes with its key")
del cancel
print(len(tags), [w.name for w in tags.keys()], list(tags.values()))

print("-- get, setdefault, pop, update")
print(tags.get(ok), tags.get(Widget("temp"), "no tag"))
help_btn = Widget("help")
print(tags.setdefault(help_btn, "info"), tags.setdefault(help_btn, "other"))
print(tags.pop(help_btn), help_btn in tags)
tags.update({help_btn: "again"})
print(sorted(w.name for w in tags))
try:
    tags[1] = "x"
except TypeError as e:
    print("TypeError:", e)
print(repr(tags).startswith("<WeakKeyDictionary at 0x"))

print("-- a weakref to a bound method is dead immediately")
r = weakref.ref(ok.click)
print("plain ref:", r())

print("-- WeakMethod keeps working while the object lives")
wm = weakref.WeakMethod(ok.click, lambda w: print("callback: method target died"))
print(wm()(), wm().__self__ is ok, wm == weakref.WeakMethod(ok.click))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
del ok
print("after del:", wm(), len(tags))
