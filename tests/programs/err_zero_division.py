# Uncaught ZeroDivisionError raised three calls deep: traceback through nested functions with caret markers
def ratio(part, whole):
    return part / whole


def percentages(counts):
    total = sum(counts.values())
    result = {}
    for key, value in counts.items():
        result[key] = round(ratio(value, total) * 100, 1)
    return result


def report(title, counts):
    print(f"== {title} ==")
    shares = percentages(counts)
    for key, share in shares.items():
        print(f"  {key:<8}{share:>6}%")
    return shares


report("browsers", {"firefox": 31, "chromium": 52, "other": 17})
report("votes", {"yes": 12, "no": 30, "abstain": 3})
report("empty survey", {"yes": 0, "no": 0})
print("not reached")
