"""statlib: a small statistics package used by tests/programs/stats_report.py."""
from .descriptive import mean, median, stdev, variance
from .regression import linear_fit

__all__ = ["mean", "median", "stdev", "variance", "linear_fit", "describe"]
__version__ = "0.3"


def describe(data):
    return {
        "n": len(data),
        "mean": mean(data),
        "median": median(data),
        "stdev": stdev(data),
    }
