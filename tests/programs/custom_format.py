# Invoice rendering with classes that implement __format__, mixed with the
# built-in format mini-language, and str.format's field-parsing errors.


class Money:
    def __init__(self, cents, currency="EUR"):
        self.cents = cents
        self.currency = currency

    def __format__(self, spec):
        # "" -> default, "c" suffix -> raw cents, anything else -> number spec.
        if not spec:
            return f"{self.cents / 100:,.2f} {self.currency}"
        if spec.endswith("c"):
            return format(self.cents, spec[:-1] + "d") + "c"
        return format(self.cents / 100, spec)

    def __repr__(self):
        return f"Money({self.cents})"


class Percent(float):
    def __format__(self, spec):
        return format(float(self), spec or ".1%")


class Broken:
    def __format__(self, spec):
        return len(spec)


class Plain:
    pass


lines = [("Widget", 3, Money(1999)), ("Gadget", 1, Money(125000)), ("Gizmo", 12, Money(5))]
print(f"{'item':<8}|{'qty':>4}|{'price':>14}|{'total':>12}")
total = 0
for name, qty, price in lines:
    cost = Money(price.cents * qty)
    total += cost.cents
    print(f"{name:<8}|{qty:>4}|{price:>14,.2f}|{cost:>12.2f}")
grand = Money(total)
print(f"{'TOTAL':<8}|{'':>4}|{'':>14}|{grand:>12.2f}")
print("plain: {}  cents: {:>10c}  repr: {!r}".format(grand, grand, grand))
print(format(grand), format(grand, "08.1f"), format(grand, "c"))
tax = Percent(0.196)
print(f"tax {tax} / {tax:.3%} / {tax:>10} / {format(tax)}")

# bool formats as an int once a spec is given.
flags = [True, False]
print([f"{b}|{b:>6}|{b:d}|{b!s:>6}|{b:^5}" for b in flags])

for expr in (
    "format(Broken())",
    "f'{Broken():x}'",
    "f'{Plain():>10}'",
    "'{0!x}'.format(1)",
    "'{0!r'.format(1)",
    "'{0:>'.format(1)",
    "'{'.format(1)",
    "'x}'.format(1)",
    "'{a{b}'.format(1)",
    "'{0[0]x}'.format([1])",
    "'{0!}'.format(1)",
    "'{0!rs}'.format(1)",
):
    try:
        print(f"{expr:26} -> {eval(expr)!r}")
    except (TypeError, ValueError) as e:
        print(f"{expr:26} -> {type(e).__name__}: {e}")


# format_map with a dict subclass filling in missing fields.
class Defaults(dict):
    def __missing__(self, key):
        return f"<{key}?>"


template = "Dear {title} {name}, your balance is {balance:>10} ({status})"
print(template.format_map(Defaults(name="Ada", balance=grand)))
print("{name!r:^12}|{total:,}".format_map({"name": "Bob", "total": 1234567}))
for bad in ("{0}", "{}", "{missing}"):
    try:
        print(bad.format_map({}))
    except (ValueError, KeyError) as e:
        print(f"{bad!r}: {type(e).__name__}: {e}")
