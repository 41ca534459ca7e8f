# Hand-written JSON-like serialiser: recursion over nested dicts/lists, isinstance dispatch, string escaping, indentation
def escape(text):
    out = ""
    for ch in text:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        else:
            out += ch
    return '"' + out + '"'


def scalar(value):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int) or isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    raise TypeError(f"cannot serialise {value!r} of {type(value)}")


def dumps(value, indent=2, level=0):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"keys must be strings, got {key!r}")
            items.append(pad + escape(key) + ": " + dumps(item, indent, level + 1))
        return "{\n" + ",\n".join(items) + "\n" + end_pad + "}"
    if isinstance(value, list) or isinstance(value, tuple):
        if not value:
            return "[]"
        if len(value) <= 4 and len([v for v in value if isinstance(v, list) or isinstance(v, dict)]) == 0:
            return "[" + ", ".join([scalar(v) for v in value]) + "]"
        return "[\n" + ",\n".join([pad + dumps(v, indent, level + 1) for v in value]) + "\n" + end_pad + "]"
    return scalar(value)


def compact(value):
    if isinstance(value, dict):
        return "{" + ",".join([escape(k) + ":" + compact(v) for k, v in value.items()]) + "}"
    if isinstance(value, list) or isinstance(value, tuple):
        return "[" + ",".join([compact(v) for v in value]) + "]"
    return scalar(value)


document = {
    "name": "pyrena",
    "version": [0, 1, 0],
    "stable": False,
    "maintainer": None,
    "description": "A \"small\" interpreter\nwith\ttabs and a back\\slash",
    "stats": {"files": 42, "lines": 12345, "coverage": 0.875, "big": 2 ** 70},
    "targets": [
        {"os": "linux", "arch": ["x86_64", "aarch64"], "tier": 1},
        {"os": "macos", "arch": ["aarch64"], "tier": 2},
    ],
    "matrix": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    "empty": {"list": [], "dict": {}, "tuple": ()},
    "long": [1, 2, 3, 4, 5, 6],
}

print(dumps(document))
print()
text = compact(document)
print(text)
print("compact length:", len(text), "pretty length:", len(dumps(document)), "indent 4 length:", len(dumps(document, 4)))

print()
for bad in [{"ok": [1, 2, {3: "three"}]}, {"range": {"r": range(3)}}]:
    try:
        dumps(bad)
    except TypeError as err:
        print("TypeError:", err)
print(dumps([]), dumps({}), dumps("tab\there"), dumps(1.5e-10), dumps(True), dumps([None, -0.0, 10 ** 20]))
