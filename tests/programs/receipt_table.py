# Receipt report: aligned columns with f-string specs (<, >, ^, .2f, ","), % formatting, round(), totals
ITEMS = [
    ("Espresso beans 1kg", 2, 18.5, "grocery"),
    ("Oat milk", 6, 2.15, "grocery"),
    ("Ceramic mug", 4, 7.99, "household"),
    ("Paper filters x100", 1, 3.49, "household"),
    ("Hand grinder", 1, 64.0, "equipment"),
    ("Descaler", 3, 5.25, "household"),
    ("Gooseneck kettle", 1, 1249.0, "equipment"),
]
TAX_RATES = {"grocery": 0.07, "household": 0.19, "equipment": 0.19}
WIDTH = 58


def money(x):
    return f"{x:,.2f}"


def line_total(qty, price):
    return round(qty * price, 2)


title = "THE DAILY GRIND"
print("=" * WIDTH)
print(f"{title:^58}")
print(f"{'Receipt #00417':^58}")
print("=" * WIDTH)
print(f"{'Item':<22}{'Qty':>5}{'Price':>11}{'Total':>12}{'Tax':>8}")
print("-" * WIDTH)

subtotal = 0.0
tax_by_category = {}
for name, qty, price, category in ITEMS:
    total = line_total(qty, price)
    subtotal += total
    rate = TAX_RATES[category]
    tax_by_category[category] = tax_by_category.get(category, 0.0) + total * rate
    print(f"{name:<22}{qty:>5}{money(price):>11}{money(total):>12}{rate * 100:>7.0f}%")

print("-" * WIDTH)
discount = 0.0
if subtotal > 1000:
    discount = round(subtotal * 0.05, 2)
tax = 0.0
for category in tax_by_category:
    tax += round(tax_by_category[category], 2)
grand = subtotal - discount + tax

print(f"{'Subtotal':<38}{money(subtotal):>20}")
if discount:
    print(f"{'Loyalty discount (5%)':<38}{'-' + money(discount):>20}")
for category, amount in tax_by_category.items():
    label = "Tax " + category
    print(f"{label:<38}{money(amount):>20}")
print(f"{'TOTAL':<38}{money(grand):>20}")
print("=" * WIDTH)

# The same summary again using old-style % formatting
print("%-20s|%8s|%10s" % ("category", "items", "amount"))
for category in ["grocery", "household", "equipment"]:
    n = 0
    amount = 0.0
    for name, qty, price, cat in ITEMS:
        if cat == category:
            n += qty
            amount += qty * price
    print("%-20s|%8d|%10.2f" % (category, n, amount))
print("%s items, average price %.3f, %d%% of the total is equipment" % (
    len(ITEMS),
    subtotal / sum([qty for _, qty, _, _ in ITEMS]),
    int(100 * (64.0 + 1249.0) / subtotal),
))
paid = 2000
change = round(paid - grand, 2)
print(f"Paid {paid:,} -> change {change:>10.2f}")
print(f"{subtotal=:.2f} {discount=}")
