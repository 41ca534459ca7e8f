# Argument unpacking at call sites, and CPython 3.11's messages when it goes wrong: the
# callee is named (module-qualified for Python functions) for `*`/`**` errors and repeated
# keywords; a `*` inside a display or after other arguments says "Value after *".

def configure(name, level=1, *extra, **options):
    return f"{name} level={level} extra={extra} options={sorted(options.items())}"


class Service:
    def start(self, *args, **kwargs):
        return ("start", args, kwargs)


defaults = {"level": 3, "color": "blue"}
print(configure(*["db"], **defaults))
print(configure("cache", *range(2, 5), verbose=True, **{"retries": 2}))
print(configure(*(x for x in ["gen", 7])))
print(Service().start(*"ab", **dict(a=1)))

attempts = [
    "configure(*1)",
    "configure(**1)",
    "configure(**{'name': 1}, **{'name': 2})",
    "configure('x', name='y')",
    "configure(**{'level': 1}, level=3)",
    "configure(*[1], **{1: 2})",
    "configure(1, *None)",
    "[*5]",
    "(*5,)",
    "{**[1]}",
    "print(*5)",
    "print(**[1])",
    "len(*1)",
    "dict(**{'x': 1}, x=2)",
    "Service().start(*3)",
    "Service.start(**4)",
    "sorted(*[[3, 1]], **{'key': None, 'reverse': True})",
]
for a in attempts:
    try:
        print("ok:", eval(a))
    except TypeError as e:
        print(f"{a:45} -> {e}")
