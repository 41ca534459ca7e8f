"""Pyrena's own heap, seen from Python.

heap_snapshot() returns plain data about the heap as it is when called:

    bytes_in_use, peak_bytes   bytes the allocator has handed out now / at most
    arenas_allocated           arenas ever taken from the system
    arenas_reclaimed           arenas given back to it
    arenas_highwater           most arenas held at once
    arenas                     one dict per arena held: {'address': int,
                               'pools': 64 tuples (state, block_size, used, capacity)},
                               state being 'used', 'full', 'empty' or 'untouched'
    size_classes               32 dicts {'size', 'pools', 'blocks_in_use',
                               'blocks_available'}, class i serving (i + 1) * 16 bytes
    large                      {'count', 'bytes'}: live requests over 512 bytes, which
                               go to the system allocator
    types                      {type name: (live objects, bytes of their blocks)}
    gc_generations             tracked objects in generations 0, 1 and 2

refgraph(obj, depth=3) answers "why is this still in memory?": it follows the
references that point at obj back to what holds them (module globals, local
variables of running functions, attributes, containers), at most `depth` steps,
and returns a RefGraph whose .text lists the chains and whose .dot is the same
graph as Graphviz DOT source.

This module is embedded in the pyrena binary; _pyrena is its native half.
"""

import gc
from _pyrena import heap_snapshot, _frame_holders

__all__ = ['heap_snapshot', 'refgraph', 'RefGraph']

# Chains listed in the text at most, and counted at most.
_MAX_CHAINS = 50
_MAX_COUNTED_CHAINS = 1000
# Objects kept in the graph at most (a widely shared object has many holders).
_MAX_NODES = 500
# Steps of the chain search at most (a dense cycle has a factorial number of paths).
_MAX_SEARCH_STEPS = 5000

_module_type = type(gc)


class RefGraph:
    """The referrer graph of one object: .chains (list of str, one per path
    from a holder to the object), .text (the report) and .dot (Graphviz)."""

    def __init__(self, target, depth, chains, text, dot):
        self.target = target
        self.depth = depth
        self.chains = chains
        self.text = text
        self.dot = dot

    def __str__(self):
        return self.text

    def __repr__(self):
        return f'<RefGraph of {self.target}: {len(self.chains)} chains>'


# Labels are made without running the program's own code where that can be avoided
# (no repr, len or iteration of user subclasses), so any object can be described.

def _is(o, kind):
    return issubclass(type(o), kind)


def _short_repr(o):
    """repr of small built-in scalars, else None."""
    t = type(o)
    if t is int and -(1 << 64) < o < (1 << 64):
        return repr(o)
    if t is float or t is bool or o is None:
        return repr(o)
    if (t is str or t is bytes) and len(o) <= 40:
        return repr(o)
    return None


def _name_of(o, attr):
    try:
        name = getattr(o, attr)
    except Exception:
        return '?'
    return name if type(name) is str else '?'


def _describe(o):
    """A short label for an object, without its address."""
    t = type(o)
    if t is _module_type:
        name = o.__dict__.get('__name__')
        return f'module {name if type(name) is str else "?"}'
    if _is(o, type):
        return f'class {_name_of(o, "__qualname__")}'
    tname = t.__name__
    if tname in ('function', 'generator'):
        return f'{tname} {_name_of(o, "__qualname__")}'
    if tname == 'cell':
        return 'cell'
    for base in (list, tuple, dict, set, frozenset):
        if t is base:
            return f'{tname} (len {base.__len__(o)})'
    text = _short_repr(o)
    if text is not None:
        return f'{tname} {text}'
    return f'{tname} object'


def _key_label(k):
    text = _short_repr(k)
    return f'[{text}]' if text is not None else f'[<{type(k).__name__} key>]'


def _namespace(o):
    """The instance dict of o, or None (vars() without calling a __dict__ property)."""
    try:
        d = object.__getattribute__(o, '__dict__')
    except Exception:
        return None
    return d if type(d) is dict else None


def _slot_names(o):
    names = []
    for klass in type(o).__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if type(slots) is str:
            slots = (slots,)
        if type(slots) not in (tuple, list):
            continue
        for name in slots:
            if type(name) is str and name not in names and name not in ('__dict__', '__weakref__'):
                names.append(name)
    return names


def _edge_labels(holder, held):
    """How `holder` refers to `held`: '.attr', '[index]', '[key]', ... (empty if the
    reference is internal)."""
    labels = []
    if _is(holder, dict):
        for k, v in dict.items(holder):
            if v is held:
                labels.append(_key_label(k))
            if k is held:
                labels.append('(key)')
    elif _is(holder, list) or _is(holder, tuple):
        base = list if _is(holder, list) else tuple
        for i in range(base.__len__(holder)):
            if base.__getitem__(holder, i) is held:
                labels.append(f'[{i}]')
    elif _is(holder, set) or _is(holder, frozenset):
        labels.append('(member)')
    elif type(holder).__name__ == 'cell':
        labels.append('(contents)')
    elif type(holder).__name__ in ('function', 'method'):
        for name in ('__defaults__', '__kwdefaults__', '__closure__', '__globals__',
                     '__dict__', '__code__', '__self__', '__func__'):
            try:
                if getattr(holder, name, None) is held:
                    labels.append('.' + name)
            except Exception:
                pass
    if labels:
        return labels
    ns = holder.__dict__ if _is(holder, type) or type(holder) is _module_type else _namespace(holder)
    if ns is not None:
        for k, v in ns.items():
            if v is held and type(k) is str:
                labels.append('.' + k)
    for name in _slot_names(holder):
        try:
            if object.__getattribute__(holder, name) is held:
                labels.append('.' + name)
        except Exception:
            pass
    if not labels and type(holder) is held:
        labels.append('(type)')
    return labels


class _Walk:
    """The state of one refgraph search."""

    def __init__(self, obj):
        self.nodes = {id(obj): obj}
        # held id -> list of (holder id, label); every examined node has an entry
        self.holders_of = {}
        # ids whose holders were not all kept (the object budget was spent)
        self.cut = set()
        # id -> description of the chain starts (modules, classes, frame variables)
        self.roots = {}
        self.ignore = {id(self.nodes), id(self.holders_of)}

    def referrers(self, objs):
        """Everything tracked that refers to any of objs: one walk of the heap. (The
        argument tuple of the call holds them all too: it is left out.)"""
        found = []
        self.ignore.add(id(found))
        # A fresh first argument marks the call's own argument tuple.
        marker = object()
        for o in gc.get_referrers(marker, *objs):
            if type(o) is tuple and len(o) > 0 and o[0] is marker:
                continue
            found.append(o)
        return found

    def owners_of_dicts(self, dicts):
        """{id(d): the module, class or instance whose namespace d is} for the dicts
        that are namespaces, found with one walk of the heap."""
        wanted = {id(d) for d in dicts}
        owners = {}
        for o in self.referrers(dicts):
            if id(o) in self.ignore:
                continue
            if type(o) is _module_type or _is(o, type):
                ns = o.__dict__
            else:
                ns = _namespace(o)
            if ns is not None and id(ns) in wanted and id(ns) not in owners:
                owners[id(ns)] = o
        return owners


def refgraph(obj, depth=3):
    """What keeps `obj` alive: the chains of references that lead to it, at most
    `depth` steps long, from module globals, running functions' variables and
    whatever else holds them."""
    if type(depth) is not int:
        raise TypeError(f"depth must be an int, not {type(depth).__name__}")
    if depth < 1:
        raise ValueError('depth must be at least 1')
    w = _Walk(obj)
    frontier = [obj]
    # Each level costs two walks of the heap: the referrers of the whole frontier, then
    # the owners of the dicts among them.
    for step in range(depth):
        if not frontier:
            break
        w.ignore.add(id(frontier))
        front = {}
        for node in frontier:
            front[id(node)] = node
            found = []
            for var in _frame_holders(node):
                qualname, filename, line, name = var
                if name is None:
                    what = f'evaluation stack of {qualname}() at {filename}:{line}'
                else:
                    what = f'local variable {name!r} of {qualname}() at {filename}:{line}'
                rid = ('frame', qualname, filename, line, name)
                w.roots[rid] = what
                found.append((rid, ''))
            w.holders_of[id(node)] = found
        w.ignore.add(id(front))
        # (holder, held) pairs, in two lists the walk ignores (a tuple per pair would be
        # a referrer of its own); holders beyond the object budget are dropped.
        holders, held = [], []
        w.ignore.add(id(holders))
        w.ignore.add(id(held))
        fresh = set()
        for h in w.referrers(frontier):
            if id(h) in w.ignore:
                continue
            for r in gc.get_referents(h):
                if id(r) not in front:
                    continue
                if id(h) not in w.nodes and id(h) not in fresh:
                    if len(w.nodes) + len(fresh) >= _MAX_NODES:
                        w.cut.add(id(r))
                        continue
                    fresh.add(id(h))
                holders.append(h)
                held.append(front[id(r)])
        new_dicts = []
        w.ignore.add(id(new_dicts))
        for h in holders:
            if _is(h, dict) and id(h) in fresh:
                new_dicts.append(h)
        owners = w.owners_of_dicts(new_dicts) if new_dicts else {}
        new_dicts = None
        next_frontier = []
        w.ignore.add(id(next_frontier))
        for i in range(len(holders)):
            h, node = holders[i], held[i]
            labels = _edge_labels(h, node)
            owner = owners.get(id(h)) if _is(h, dict) else None
            if owner is not None:
                h = owner
                labels = ['.' + l[2:-2] if l.startswith("['") and l.endswith("']") else l
                          for l in labels]
            hid = id(h)
            if hid not in w.nodes:
                w.nodes[hid] = h
                # Modules and classes are where chains start: what holds them
                # (sys.modules, their instances) explains nothing.
                if type(h) is _module_type or _is(h, type):
                    w.roots[hid] = _describe(h)
                else:
                    next_frontier.append(h)
            for label in labels or ['']:
                if (hid, label) not in w.holders_of[id(node)]:
                    w.holders_of[id(node)].append((hid, label))
        holders = held = h = node = None
        owners = front = None
        frontier = next_frontier
    return _render(obj, depth, w)


def _chains(target_id, w):
    """Paths from the start of each chain down to the target, as lists of (node id,
    label into the next node), shortest first; and whether the search was stopped early
    (a dense cycle has a factorial number of paths)."""
    out = []
    queue = [(target_id, [])]
    at = 0
    while at < len(queue):
        if at >= _MAX_SEARCH_STEPS or len(out) >= _MAX_COUNTED_CHAINS:
            return out, True
        node, path = queue[at]
        queue[at] = None
        at += 1
        held_by = w.holders_of.get(node)
        if not held_by or node in w.roots:
            if path:
                out.append(path)
            continue
        for hid, label in held_by:
            if hid == target_id or any(hid == p for p, _ in path):
                continue  # a cycle: it explains nothing more
            queue.append((hid, [(hid, label)] + path))
    return out, False


def _render(obj, depth, w):
    target = _describe(obj)
    tid = id(obj)

    def name(nid):
        return w.roots[nid] if nid in w.roots else _describe(w.nodes[nid])

    paths, stopped = _chains(tid, w)
    chains = []
    for path in paths:
        first = path[0][0]
        # A chain is complete when it starts at a root, or at an object whose holders
        # were all examined and none was found (held only by what the collector cannot
        # see); otherwise the depth or a budget cut it short.
        complete = first in w.roots or (w.holders_of.get(first) == [] and first not in w.cut)
        parts = [name(nid) + (' ' + label if label else '') for nid, label in path]
        chains.append(('' if complete else '... ') + ' -> '.join(parts) + ' -> ' + target)
    shown = chains[:_MAX_CHAINS]
    lines = [f'{target} is held by:']
    if not shown and w.holders_of.get(tid):
        lines.append('  reference cycles only: garbage the cycle collector will free')
    elif not shown:
        lines.append('  nothing the collector can see')
    for c in shown:
        lines.append('  ' + c)
    more = len(chains) - len(shown)
    if more > 0:
        lines.append(f'  ... and {more} more chains')
    if stopped:
        lines.append('  (the search stopped early: there may be more chains)')
    text = '\n'.join(lines) + '\n'
    return RefGraph(target, depth, shown, text, _dot(tid, target, w))


def _dot_quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def _dot(tid, target, w):
    numbers = {}

    def num(nid):
        if nid not in numbers:
            numbers[nid] = f'n{len(numbers)}'
        return numbers[nid]

    lines = ['digraph refgraph {', '  rankdir=LR;',
             '  node [shape=box, fontname="monospace"];',
             f'  {num(tid)} [label={_dot_quote(target)}, style=filled, fillcolor="#ffd8a8"];']
    edges = []
    seen = {tid}
    queue = [tid]
    while queue:
        nid = queue.pop(0)
        for hid, label in w.holders_of.get(nid, []):
            if hid not in seen:
                seen.add(hid)
                if hid in w.roots:
                    shape = 'folder' if type(hid) is int else 'note'
                    lines.append(f'  {num(hid)} [label={_dot_quote(w.roots[hid])}, shape={shape}];')
                else:
                    lines.append(f'  {num(hid)} [label={_dot_quote(_describe(w.nodes[hid]))}];')
                queue.append(hid)
            attr = f' [label={_dot_quote(label)}]' if label else ''
            edges.append(f'  {num(hid)} -> {num(nid)}{attr};')
    return '\n'.join(lines + edges + ['}']) + '\n'
