# Uncaught AssertionError with a message from an invariant check after several successful ones
def checked_average(values):
    assert len(values) > 0, "cannot average an empty list"
    result = sum(values) / len(values)
    assert min(values) <= result <= max(values)
    return result


def spread(values):
    low = min(values)
    high = max(values)
    assert low <= high
    return high - low


batches = [[4, 8, 15], [16, 23, 42], [7], []]
print("checking", len(batches), "batches")
for i, batch in enumerate(batches):
    assert isinstance(batch, list), f"batch {i} is not a list"
    print(f"batch {i}: {batch} -> average {checked_average(batch):.3f}, spread {spread(batch)}")
print("not reached")
