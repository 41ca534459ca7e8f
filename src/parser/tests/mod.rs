//! Parser tests: AST shapes (compared with `ast.dump` output of CPython 3.11) and the
//! rendered text of syntax errors (compared with what `python3 file.py` prints).
