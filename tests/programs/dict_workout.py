# Dict operations: insertion order, get/setdefault/pop/update/del, comprehensions, items() unpacking, nested grouping
capitals = {"France": "Paris", "Japan": "Tokyo", "Kenya": "Nairobi"}
capitals["Peru"] = "Lima"
capitals["France"] = "Paris (updated)"
print(capitals)
print("keys:", [k for k in capitals.keys()], " values:", [v for v in capitals.values()])
print("len:", len(capitals), " 'Japan' in:", "Japan" in capitals, " 'Tokyo' in:", "Tokyo" in capitals)
print("get:", capitals.get("Kenya"), capitals.get("Chile"), capitals.get("Chile", "unknown"))
print("setdefault existing:", capitals.setdefault("Peru", "Cusco"), " new:", capitals.setdefault("Chile", "Santiago"))
print("pop:", capitals.pop("Japan"), " pop default:", capitals.pop("Japan", "gone"))
del capitals["Kenya"]
capitals["Japan"] = "Tokyo"
print("after pop/del/re-add (order changes):", capitals)
try:
    capitals.pop("Atlantis")
except KeyError as err:
    print("KeyError from pop:", err)
try:
    del capitals["Atlantis"]
except KeyError as err:
    print("KeyError from del:", err)

defaults = {"host": "localhost", "port": 8080, "debug": False}
overrides = {"port": 9000, "debug": True, "workers": 4}
config = {}
config.update(defaults)
config.update(overrides)
print()
print("merged config:", config)
for key, value in config.items():
    source = "override" if key in overrides else "default"
    print(f"  {key:<8} = {value!r:<12} ({source})")

squares = {n: n * n for n in range(1, 8)}
odd_squares = {k: v for k, v in squares.items() if k % 2 == 1}
inverted = {v: k for k, v in odd_squares.items()}
print()
print("squares:", squares)
print("odd squares:", odd_squares, " inverted:", inverted)
print("sum of values:", sum(squares.values()), " max key by value:", max(squares, key=lambda k: squares[k]))

sales = [("north", "apples", 12), ("south", "pears", 7), ("north", "pears", 3),
         ("east", "apples", 9), ("south", "apples", 4), ("north", "apples", 5)]
report = {}
for region, fruit, qty in sales:
    region_totals = report.setdefault(region, {})
    region_totals[fruit] = region_totals.get(fruit, 0) + qty
print()
print("nested report:", report)
for region in sorted(report):
    fruits = report[region]
    line = ", ".join([f"{f}={q}" for f, q in sorted(fruits.items())])
    print(f"  {region:<6} total {sum(fruits.values()):>3}: {line}")

counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print()
print("char counts:", counts)
print("most common:", sorted(counts.items(), key=lambda kv: -kv[1])[:2])
tuple_keys = {(0, 0): "origin", (1, 0): "east", (0, 1): "north"}
print("tuple keys:", tuple_keys[(1, 0)], tuple_keys.get((5, 5), "nowhere"), sorted(tuple_keys))
mixed = {1: "int", 1.5: "float", "1": "str", None: "none", True: "bool overwrites int key 1"}
print("mixed keys:", mixed)
print("equal dicts ignore order:", {"a": 1, "b": 2} == {"b": 2, "a": 1}, " copy via comprehension:", {k: v for k, v in mixed.items()} == mixed)
snapshot = [k for k in config]
for key in snapshot:
    if isinstance(config[key], bool):
        del config[key]
print("config without booleans:", config)
