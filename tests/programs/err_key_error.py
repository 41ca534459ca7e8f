# Uncaught KeyError from a dict lookup of a missing key inside a helper function
PRICES = {"alpha": 3.5, "beta": 12.0, "delta": 0.75}


def price_of(item):
    return PRICES[item]


def order_total(order):
    total = 0.0
    for item, qty in order:
        cost = price_of(item) * qty
        print(f"  {item:<6} x{qty:<3} {cost:>7.2f}")
        total += cost
    return total


print("order 1 total:", order_total([("alpha", 2), ("delta", 8)]))
print("order 2 total:", order_total([("beta", 1), ("gamma", 4), ("alpha", 1)]))
print("not reached")
