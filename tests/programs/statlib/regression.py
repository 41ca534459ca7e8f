from . import descriptive
from ._checks import StatisticsError


def linear_fit(xs, ys):
    if len(xs) != len(ys):
        raise StatisticsError("linear_fit requires xs and ys of equal length")
    mx, my = descriptive.mean(xs), descriptive.mean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    if sxx == 0:
        raise StatisticsError("x values are all equal")
    slope = sxy / sxx
    return slope, my - slope * mx
