# Uncaught NameError for a variable that was never assigned (no close match, so no "Did you mean" hint)
def summarize(rows):
    totals = {}
    for name, amount in rows:
        totals[name] = totals.get(name, 0) + amount
    return totals


rows = [("rent", 1200), ("food", 310), ("rent", 1200), ("travel", 95)]
totals = summarize(rows)
for name, amount in totals.items():
    print(f"{name:<8}{amount:>6}")
print("grand total:", sum(totals.values()))


def print_budget_warning():
    if sum(totals.values()) > 2500:
        print("over budget by", sum(totals.values()) - 2500)
        print("monthly limit was", xyzzy_monthly_limit_qq)


print_budget_warning()
print("not reached")
