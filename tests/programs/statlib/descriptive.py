import math

from ._checks import require_data


def mean(data):
    require_data(data, 1, "mean")
    return math.fsum(data) / len(data)


def median(data):
    require_data(data, 1, "median")
    s = sorted(data)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def variance(data):
    require_data(data, 2, "variance")
    m = mean(data)
    return math.fsum((x - m) ** 2 for x in data) / (len(data) - 1)


def stdev(data):
    return math.sqrt(variance(data))
