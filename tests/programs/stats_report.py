# A report built on a helper package (tests/programs/statlib) found through sys.path[0]:
# the package re-exports functions from submodules, uses relative imports, and raises its
# own exception class.
import math
import statlib
from statlib import *
from statlib._checks import StatisticsError
from statlib.regression import linear_fit as fit

temps = {
    "Mon": [12.1, 14.3, 13.8, 15.0],
    "Tue": [11.4, 12.9, 16.2, 14.4, 13.1],
    "Wed": [9.8, 10.4, 10.1],
}
print("statlib", statlib.__version__, "-", statlib.__doc__)
for day, values in temps.items():
    d = describe(values)
    print(f"{day}: n={d['n']} mean={d['mean']:.3f} median={d['median']:.2f} stdev={d['stdev']:.4f}")

xs = [1, 2, 3, 4, 5, 6]
ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
slope, intercept = fit(xs, ys)
print(f"fit: y = {slope:.4f} x + {intercept:.4f}")
residuals = [y - (slope * x + intercept) for x, y in zip(xs, ys)]
print("rms residual", round(math.sqrt(math.fsum(r * r for r in residuals) / len(residuals)), 6))
print("same function objects:", fit is linear_fit is statlib.regression.linear_fit)
print("public names:", sorted(n for n in statlib.__all__))

for bad in ([], [1.0]):
    try:
        print(variance(bad))
    except StatisticsError as e:
        print(type(e).__name__, "(a ValueError:", isinstance(e, ValueError), "):", e)
try:
    fit([1, 1], [2, 3])
except ValueError as e:
    print("fit failed:", e)
print(median([]))
