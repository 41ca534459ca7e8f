# Normalising messy text with str.maketrans/str.translate, and reporting
# failures through sys.exc_info() / sys.exception() the way logging code does.
import sys

ACCENTS = str.maketrans({"é": "e", "è": "e", "ê": "e", "à": "a", "ç": "c", "ï": "i", "ô": "o", "û": "u", "î": "i",
                         "œ": "oe", "’": "'"})
PUNCT = str.maketrans("", "", ",.;:!?\"()")
LEET = str.maketrans("aeio", "4310")


class Censor:
    """A translate table computed on demand: vowels of banned words become '*'."""

    def __init__(self):
        self.looked_up = 0

    def __getitem__(self, code):
        self.looked_up += 1
        if chr(code) in "aeiou":
            return "*"
        raise LookupError(code)


def clean(text):
    return " ".join(text.translate(ACCENTS).translate(PUNCT).lower().split())


samples = [
    "Crème brûlée, s’il vous plaît!",
    "  Le cœur a ses raisons (que la raison ne connaît point).  ",
    "Façade; naïve? hôtel: à bientôt.",
]
for s in samples:
    print(repr(clean(s)))
print("leet:", "elite hacker".translate(LEET))
censor = Censor()
print("censored:", "darn it".translate(censor), censor.looked_up)
print(sorted(str.maketrans("ab", "xy", "z").items()))
print("".maketrans({"q": None}) == {ord("q"): None})
print(sys.exc_info(), sys.exception())


def risky(value):
    table = {ord("x"): value}
    return "xyz".translate(table)


log = []
for value in ("X", None, 88, 3.5, 0x110000, ["x"]):
    try:
        log.append(risky(value))
    except (TypeError, ValueError):
        etype, exc, tb = sys.exc_info()
        log.append(f"{etype.__name__}: {exc} (tb: {type(tb).__name__})")
        assert sys.exception() is exc
print(*log, sep="\n")
print(sys.exc_info() == (None, None, None))

for bad in (lambda: str.maketrans("abc", "xy"), lambda: str.maketrans({"ab": "c"}),
            lambda: str.maketrans({2.5: "c"}), lambda: str.maketrans(["a"]),
            lambda: str.maketrans("a", 1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")


def handler():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            inner = sys.exc_info()[1]
        outer = sys.exc_info()[1]
        return repr(inner), repr(outer), repr(inner.__context__)


print(handler())
