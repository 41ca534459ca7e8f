"""Weak references: Pyrena's frozen `weakref` module.

The native `_weakref` module supplies the reference and proxy types; this module builds
the containers and `finalize` on top of them. Every container stores weak references
whose callbacks drop the entry, so an entry disappears as soon as its referent dies
(freed by its reference count or by the cycle collector).
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs, ReferenceType,
                      ProxyType, CallableProxyType, _bind)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


def _as_dict(mapping):
    # The live items of a dict or weak dictionary, or None for anything else (comparisons
    # then return NotImplemented, as for collections.abc.Mapping).
    if isinstance(mapping, (dict, WeakValueDictionary, WeakKeyDictionary)):
        return dict(mapping.items())
    return None


class _WeakMapping:
    """What the two weak dictionaries share: comparison and the `|` operators."""

    def __eq__(self, other):
        other = _as_dict(other)
        if other is None:
            return NotImplemented
        return dict(self.items()) == other

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __or__(self, other):
        if _as_dict(other) is None:
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if _as_dict(other) is None:
            return NotImplemented
        new = type(self)()
        new.update(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class WeakMethod(ref):
    """A weak reference to a bound method: alive while both the object and the function
    are (a plain ref to a bound method dies at once, as nothing else holds the method)."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None
        self_wr = None

        # Called when the object or the function dies; the user's callback runs once.
        def on_death(_, callback=callback):
            me = self_wr()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._alive = True
        self_wr = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bind(func, obj)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not self._alive or not other._alive:
            return self is other
        return ref.__call__(self) == ref.__call__(other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = ref.__hash__


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        self_wr = ref(self)

        # The callback of the reference stored under `key`: drops the entry if it still
        # holds that very reference (the key may have been re-bound since).
        def remove(wr, key, self_wr=self_wr):
            me = self_wr()
            if me is not None and me._data.get(key) is wr:
                del me._data[key]

        self._remove = remove
        self._data = {}
        self.update(other, **kw)

    def _store(self, key, value):
        remove = self._remove
        self._data[key] = ref(value, lambda wr: remove(wr, key))

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._store(key, value)

    def __delitem__(self, key):
        del self._data[key]

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            o = self._data[key]()
        except KeyError:
            return False
        return o is not None

    def __iter__(self):
        for k, wr in list(self._data.items()):
            if wr() is not None:
                yield k

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self._data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = self._data[key]
        except KeyError:
            return default
        o = wr()
        if o is None:
            return default
        return o

    def items(self):
        for k, wr in list(self._data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self._data.items()):
            if wr() is not None:
                yield k

    def values(self):
        for wr in list(self._data.values()):
            o = wr()
            if o is not None:
                yield o

    def itervaluerefs(self):
        yield from list(self._data.values())

    def valuerefs(self):
        return list(self._data.values())

    def popitem(self):
        while True:
            key, wr = self._data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self._data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self._data[key]()
        except KeyError:
            o = None
        if o is None:
            self._store(key, default)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for key, o in other:
                self._store(key, o)
        for key, o in kwargs.items():
            self._store(key, o)

    def clear(self):
        self._data.clear()


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self_wr = ref(self)

        def remove(wr, self_wr=self_wr):
            me = self_wr()
            if me is not None:
                # A dead reference compares by identity and kept its hash, so it finds
                # exactly its own entry.
                me._data.pop(wr, None)

        self._remove = remove
        self._data = {}
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __setitem__(self, key, value):
        self._data[ref(key, self._remove)] = value

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self._data

    def __iter__(self):
        for wr in list(self._data):
            o = wr()
            if o is not None:
                yield o

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def items(self):
        for wr, value in list(self._data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def keys(self):
        for wr in list(self._data):
            o = wr()
            if o is not None:
                yield o

    def values(self):
        for wr, value in list(self._data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self._data)

    def popitem(self):
        while True:
            wr, value = self._data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self._data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self._data.clear()


class WeakSet:
    """A set whose members are held weakly: a member goes when it dies."""

    def __init__(self, data=None):
        self_wr = ref(self)

        def remove(wr, self_wr=self_wr):
            me = self_wr()
            if me is not None:
                me.data.discard(wr)

        self._remove = remove
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return WeakSet(self)

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            o = wr()
            if o is not None:
                return o

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        for item in other:
            self.discard(item)

    def intersection(self, other):
        return WeakSet(item for item in other if item in self)

    __and__ = intersection

    def union(self, other):
        new = self.copy()
        new.update(other)
        return new

    __or__ = union

    def symmetric_difference(self, other):
        new = self.copy()
        for item in other:
            if item in new:
                new.discard(item)
            else:
                new.add(item)
        return new

    __xor__ = symmetric_difference

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, WeakSet):
            return NotImplemented
        return self.data == other.data

    def isdisjoint(self, other):
        return not any(item in self for item in other)


class _FinalizerInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """Calls `func(*args, **kwargs)` once `obj` is garbage collected, or at interpreter
    exit if `atexit` is true and it is still alive then. Finalizers that were never
    triggered run at exit newest first."""

    # finalize object -> _FinalizerInfo, for every alive finalizer.
    _registry = {}
    _shutdown = False
    _count = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._count
        finalize._count += 1
        finalize._registry[self] = info

    def __call__(self, _=None):
        """Run the callback unless it already ran or was detached."""
        info = finalize._registry.pop(self, None)
        if info is not None and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Forget the callback: returns (obj, func, args, kwargs) if it was alive."""
        info = finalize._registry.get(self)
        obj = info is not None and info.weakref()
        if obj is not None and obj is not False and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        info = finalize._registry.get(self)
        obj = info is not None and info.weakref()
        if obj is not None and obj is not False:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None or obj is False:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))


def _next_exit_finalizer():
    # The interpreter calls this once the main program has finished, and runs what it
    # returns until None: alive finalizers with atexit set, newest first. After that,
    # finalizers triggered during teardown do nothing.
    pending = [(info.index, f) for f, info in finalize._registry.items() if info.atexit]
    if not pending:
        finalize._shutdown = True
        return None
    return max(pending)[1]
