# A command registry built on function attributes: decorators tag functions,
# count their calls, and copy metadata the way functools.wraps does.

COMMANDS = {}


def command(name, *, admin=False):
    def register(fn):
        fn.command_name = name
        fn.admin_only = admin
        fn.calls = 0
        COMMANDS[name] = fn
        return fn
    return register


def wraps(wrapped):
    def copy_meta(wrapper):
        for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(wrapper, attr, getattr(wrapped, attr))
        wrapper.__dict__.update(wrapped.__dict__)
        wrapper.__wrapped__ = wrapped
        return wrapper
    return copy_meta


def counted(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    return wrapper


@counted
@command("add")
def add(a, b):
    """Add two numbers."""
    return a + b


@counted
@command("shutdown", admin=True)
def shutdown():
    """Stop the service."""
    return "stopping"


def memo(fn):
    fn.cache = {}
    def inner(n):
        if n not in fn.cache:
            fn.cache[n] = fn(n)
        return fn.cache[n]
    inner.uncached = fn
    return inner


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(fib.uncached.cache))
for _ in range(3):
    add(2, 3)
shutdown()
for f in (add, shutdown):
    print(f.__name__, f.__qualname__, repr(f.__doc__), f.command_name, f.admin_only, f.calls)
    print("  wrapped:", f.__wrapped__.__name__, sorted(vars(f)))
print(sorted(COMMANDS), COMMANDS["add"] is add.__wrapped__)

# Attribute bookkeeping on plain functions and lambdas.
def handler(event):
    return event.upper()

handler.priority = 5
square = lambda x: x * x
square.label = "square"
print(handler.priority, square.label, "priority" in dir(handler), handler.__dict__)
delattr(handler, "priority")
print(hasattr(handler, "priority"), getattr(handler, "priority", "gone"))

# Defaults can be replaced after the fact.
def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"

print(greet("Ada"))
greet.__defaults__ = ("Howdy",)
print(greet("Ada"))

for stmt in (
    "del handler.priority",
    "handler.__name__ = 42",
    "handler.__defaults__ = [1]",
    "handler.__dict__ = 'x'",
    "handler.__globals__ = {}",
    "delattr(handler, 3)",
    "print(handler.missing)",
):
    try:
        exec(stmt)
    except (AttributeError, TypeError) as e:
        print(f"{stmt:32} -> {type(e).__name__}: {e}")
