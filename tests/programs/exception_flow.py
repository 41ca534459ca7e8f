# Exception flow: try/except/else/finally ordering, nested handlers, re-raise, propagation through calls, assert, loops
events = []


def log(message):
    events.append(message)
    print("  " + message)


def risky(kind):
    log(f"risky({kind!r}) called")
    if kind == "value":
        raise ValueError("bad value")
    if kind == "key":
        return {"a": 1}["missing"]
    if kind == "index":
        return [1, 2, 3][10]
    if kind == "zero":
        return 10 // (len(kind) - 4)
    if kind == "assert":
        assert kind == "something else", "assertion message here"
    return "fine"


def handle(kind):
    try:
        result = risky(kind)
    except (KeyError, IndexError) as err:
        log(f"lookup problem: {err}")
    except ValueError as err:
        log(f"value problem: {err}")
    except AssertionError as err:
        log(f"assertion failed: {err}")
    else:
        log(f"no exception, result={result}")
    finally:
        log(f"finally for {kind!r}")


for kind in ["ok", "value", "key", "index", "assert"]:
    print(f"handle({kind!r}):")
    handle(kind)

print("zero division propagates out of handle():")
try:
    handle("zero")
except ZeroDivisionError as err:
    print("  caught at top level:", err)


def level3(n):
    if n < 0:
        raise ValueError(f"negative input {n}")
    return n * 2


def level2(n):
    try:
        return level3(n) + 1
    finally:
        print(f"  level2 cleanup for {n}")


def level1(n):
    try:
        return level2(n)
    except ValueError:
        print("  level1 logs the error and re-raises")
        raise


print("propagation through three functions:")
print("  result:", level1(5))
try:
    level1(-3)
except ValueError as err:
    print("  top level got:", err)

print("finally inside loops with break and continue:")
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("  body", i)
    finally:
        print("  finally", i)


def first_negative(values):
    for v in values:
        try:
            if v < 0:
                return v
        finally:
            print(f"  checked {v}")
    return None


print("return from inside try:", first_negative([3, 1, -4, 1, -5]))

try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise IndexError("raised while handling KeyError")
except IndexError as err:
    print("outer handler saw:", err)

count = 0
while True:
    try:
        count += 1
        if count == 3:
            raise RuntimeError("stop at three")
    except RuntimeError as err:
        print("loop ended:", err, "after", count, "iterations")
        break
print("events recorded:", len(events))
