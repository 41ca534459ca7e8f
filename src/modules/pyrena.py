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

# Chains listed in the text at most; the graph keeps every edge it found.
_MAX_CHAINS = 50
# Objects examined at most, so a widely shared object cannot make refgraph crawl
# the whole heap.
_MAX_NODES = 500


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


def _describe(o):
    """A short label for an object, without its address."""
    if type(o) is type(gc):
        return f'module {o.__name__}'
    if isinstance(o, type):
        return f'class {o.__qualname__}'
    tname = type(o).__name__
    if tname == 'function':
        return f'function {o.__qualname__}'
    if tname == 'generator':
        return f'generator {o.__qualname__}'
    if tname == 'cell':
        return 'cell'
    if isinstance(o, (list, tuple, dict, set, frozenset)):
        return f'{tname} (len {len(o)})'
    if isinstance(o, (int, float, str, bytes)) and len(repr(o)) <= 40:
        return f'{tname} {o!r}'
    return f'{tname} object'


def _owner_of_dict(d, ignore):
    """The module, class or instance whose namespace `d` is, or None."""
    for o in gc.get_referrers(d):
        if id(o) in ignore:
            continue
        if type(o) is type(gc) and o.__dict__ is d:
            return o
        if isinstance(o, type):
            ns = vars(o)
            if all(k in ns and ns[k] is v for k, v in d.items()):
                return o
            continue
        try:
            if vars(o) is d:
                return o
        except TypeError:
            pass
    return None


def _slot_names(o):
    names = []
    for klass in type(o).__mro__:
        slots = vars(klass).get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in names and name not in ('__dict__', '__weakref__'):
                names.append(name)
    return names


def _edge_labels(holder, held):
    """How `holder` refers to `held`: '.attr', '[index]', '[key]', ... ('' if
    the reference is internal)."""
    labels = []
    if isinstance(holder, dict):
        for k, v in holder.items():
            if v is held:
                labels.append(f'[{k!r}]')
            if k is held:
                labels.append('(key)')
    elif isinstance(holder, (list, tuple)):
        for i, v in enumerate(holder):
            if v is held:
                labels.append(f'[{i}]')
    elif isinstance(holder, (set, frozenset)):
        labels.append('(member)')
    elif type(holder).__name__ == 'cell':
        labels.append('(contents)')
    elif type(holder).__name__ == 'function':
        for name in ('__defaults__', '__kwdefaults__', '__closure__',
                     '__globals__', '__dict__', '__code__'):
            if getattr(holder, name, None) is held:
                labels.append('.' + name)
    elif type(holder).__name__ == 'method':
        for name in ('__self__', '__func__'):
            if getattr(holder, name, None) is held:
                labels.append('.' + name)
    else:
        if type(holder) is type(gc) or isinstance(holder, type):
            ns = vars(holder)
        else:
            try:
                ns = vars(holder)
            except TypeError:
                ns = {}
        for k, v in ns.items():
            if v is held:
                labels.append('.' + k)
        for name in _slot_names(holder):
            if getattr(holder, name, None) is held:
                labels.append('.' + name)
        if not labels and type(holder) is held:
            labels.append('(type)')
    return labels


def refgraph(obj, depth=3):
    """What keeps `obj` alive: the chains of references that lead to it, at most
    `depth` steps long, from module globals, running functions' variables and
    whatever else holds them."""
    if not isinstance(depth, int) or isinstance(depth, bool):
        raise TypeError(f"depth must be an int, not {type(depth).__name__}")
    if depth < 1:
        raise ValueError('depth must be at least 1')
    # The containers refgraph makes hold the objects it looks at; they must not
    # show up as referrers themselves.
    nodes = {id(obj): obj}
    frontier = [obj]
    ignore = {id(nodes), id(frontier)}
    level = {id(obj): 0}
    # held id -> list of (holder id, label); roots: id -> description
    holders_of = {}
    roots = {}
    for step in range(depth):
        next_frontier = []
        ignore.add(id(next_frontier))
        for node in frontier:
            key = id(node)
            found = []
            for var in _frame_holders(node):
                qualname, filename, line, name = var
                if name is None:
                    what = f'evaluation stack of {qualname}() at {filename}:{line}'
                else:
                    what = f'local variable {name!r} of {qualname}() at {filename}:{line}'
                rid = ('frame', qualname, filename, line, name)
                roots[rid] = what
                found.append((rid, ''))
            referrers = gc.get_referrers(node)
            ignore.add(id(referrers))
            for h in referrers:
                if id(h) in ignore or h is referrers:
                    continue
                labels = _edge_labels(h, node)
                if isinstance(h, dict):
                    owner = _owner_of_dict(h, ignore)
                    if owner is not None:
                        h = owner
                        labels = [('.' + l[2:-2]) if l.startswith("['") else l
                                  for l in labels]
                hid = id(h)
                if hid not in nodes:
                    if len(nodes) >= _MAX_NODES:
                        continue
                    nodes[hid] = h
                    level[hid] = step + 1
                    # Modules and classes are where chains start: what holds
                    # them (sys.modules, their instances) explains nothing.
                    if type(h) is type(gc) or isinstance(h, type):
                        roots[hid] = _describe(h)
                    else:
                        next_frontier.append(h)
                for label in labels or ['']:
                    found.append((hid, label))
            holders_of[key] = found
            referrers = None
        frontier = next_frontier
    return _render(obj, depth, nodes, holders_of, roots, level)


def _chains(target_id, holders_of, roots):
    """Every path from a holder that is not held itself (within the depth)
    down to the target, as lists of (node id, label into the next node)."""
    out = []
    stack = [(target_id, [])]
    while stack and len(out) < _MAX_CHAINS + 1:
        node, path = stack.pop()
        held_by = holders_of.get(node)
        if not held_by or node in roots:
            out.append(path)
            continue
        for hid, label in reversed(held_by):
            if any(hid == p for p, _ in path) or hid == target_id:
                continue  # a cycle: it explains nothing more
            stack.append((hid, [(hid, label)] + path))
    return out


def _render(obj, depth, nodes, holders_of, roots, level):
    target = _describe(obj)
    tid = id(obj)

    def name(nid):
        if nid in roots:
            return roots[nid]
        return _describe(nodes[nid])

    chains = []
    for path in _chains(tid, holders_of, roots):
        if not path:
            continue
        parts = []
        for nid, label in path:
            parts.append(name(nid) + (' ' + label if label else ''))
        first = path[0][0]
        prefix = '' if first in roots or holders_of.get(first) == [] else '... '
        chains.append(prefix + ' -> '.join(parts) + ' -> ' + target)
    more = len(chains) - _MAX_CHAINS
    shown = chains[:_MAX_CHAINS]
    lines = [f'{target} is held by:']
    if not shown:
        lines.append('  nothing the collector can see')
    for c in shown:
        lines.append('  ' + c)
    if more > 0:
        lines.append(f'  ... and {more} more chains')
    text = '\n'.join(lines) + '\n'
    return RefGraph(target, depth, shown, text, _dot(tid, target, nodes, holders_of, roots))


def _dot_quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def _dot(tid, target, nodes, holders_of, roots):
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
        for hid, label in holders_of.get(nid, []):
            if hid not in seen:
                seen.add(hid)
                if hid in roots:
                    shape = 'folder' if isinstance(hid, int) else 'note'
                    lines.append(f'  {num(hid)} [label={_dot_quote(roots[hid])}, shape={shape}];')
                else:
                    lines.append(f'  {num(hid)} [label={_dot_quote(_describe(nodes[hid]))}];')
                queue.append(hid)
            attr = f' [label={_dot_quote(label)}]' if label else ''
            edges.append(f'  {num(hid)} -> {num(nid)}{attr};')
    return '\n'.join(lines + edges + ['}']) + '\n'
