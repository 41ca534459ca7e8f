# A syntax error in an imported module is reported with the module's file, line and caret
# below the importing frame, as CPython does.
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/imports")
try:
    import broken_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.filename.endswith("broken_syntax.py"))
print("broken_syntax" in sys.modules)
import broken_syntax
