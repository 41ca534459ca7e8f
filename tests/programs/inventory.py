# Inventory management with a dict of dicts: add/remove/restock, KeyError handling, setdefault grouping, pop, update
inventory = {
    "widget": {"qty": 120, "price": 2.5, "category": "hardware", "reorder": 50},
    "gadget": {"qty": 15, "price": 12.0, "category": "electronics", "reorder": 20},
    "gizmo": {"qty": 0, "price": 7.25, "category": "electronics", "reorder": 10},
    "sprocket": {"qty": 300, "price": 0.4, "category": "hardware", "reorder": 100},
    "manual": {"qty": 42, "price": 5.0, "category": "books", "reorder": 5},
}


def add_stock(name, amount):
    item = inventory[name]
    item["qty"] += amount
    return item["qty"]


def remove_stock(name, amount):
    if name not in inventory:
        raise KeyError(name)
    item = inventory[name]
    if amount > item["qty"]:
        raise ValueError(f"only {item['qty']} {name}(s) left, cannot remove {amount}")
    item["qty"] -= amount
    return item["qty"]


def needs_reorder():
    return [name for name, item in inventory.items() if item["qty"] < item["reorder"]]


def report(title):
    print(f"--- {title} ---")
    print(f"{'item':<10}{'qty':>6}{'price':>8}{'value':>10}  category")
    total = 0.0
    for name in sorted(inventory, key=lambda n: -inventory[n]["qty"] * inventory[n]["price"]):
        item = inventory[name]
        value = item["qty"] * item["price"]
        total += value
        print(f"{name:<10}{item['qty']:>6}{item['price']:>8.2f}{value:>10.2f}  {item['category']}")
    print(f"{'total':<24}{total:>10.2f}")


report("opening stock")
orders = [("widget", 30), ("gadget", 20), ("doohickey", 1), ("sprocket", 250), ("manual", 2)]
for name, amount in orders:
    try:
        left = remove_stock(name, amount)
    except KeyError as err:
        print(f"order {name} x{amount}: unknown item {err}")
    except ValueError as err:
        print(f"order {name} x{amount}: {err}")
    else:
        print(f"order {name} x{amount}: ok, {left} left")

print()
print("Below reorder level:", needs_reorder())
for name in needs_reorder():
    item = inventory[name]
    amount = item["reorder"] * 2 - item["qty"]
    print(f"  restocking {name} with {amount} -> {add_stock(name, amount)}")

removed = inventory.pop("manual")
print()
print("Discontinued manual, had", removed["qty"], "in stock")
print("pop with default:", inventory.pop("manual", "already gone"))
inventory.update({"doohickey": {"qty": 8, "price": 3.75, "category": "hardware", "reorder": 4}})
inventory["gizmo"].update({"price": 6.99})
del inventory["sprocket"]["reorder"]
print("sprocket reorder level:", inventory["sprocket"].get("reorder", "not tracked"))
inventory["sprocket"]["reorder"] = 25

by_category = {}
for name, item in inventory.items():
    by_category.setdefault(item["category"], []).append(name)
print()
for category, names in by_category.items():
    units = sum([inventory[n]["qty"] for n in names])
    print(f"{category:<12} {len(names)} item(s), {units:>4} units: {', '.join(names)}")
report("closing stock")
print("item names:", [k for k in inventory.keys()])
print("cheapest:", min(inventory, key=lambda n: inventory[n]["price"]))
