# Arithmetic tokenizer + recursive-descent evaluator: precedence, unary minus, right-assoc **, variables, error reporting
DIGITS = "0123456789"
OPERATORS = "+-*/%()"


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch in DIGITS or ch == ".":
            start = i
            while i < len(text) and (text[i] in DIGITS or text[i] == "."):
                i += 1
            literal = text[start:i]
            tokens.append(("num", float(literal) if "." in literal else int(literal)))
        elif ch.isalpha():
            start = i
            while i < len(text) and (text[i].isalpha() or text[i] in DIGITS):
                i += 1
            tokens.append(("name", text[start:i]))
        elif text[i:i + 2] == "**":
            tokens.append(("op", "**"))
            i += 2
        elif ch in OPERATORS:
            tokens.append(("op", ch))
            i += 1
        else:
            raise ValueError(f"unexpected character {ch!r} at position {i}")
    tokens.append(("end", None))
    return tokens


# Grammar: expr := term (('+'|'-') term)* ; term := unary (('*'|'/'|'%') unary)*
#          unary := '-' unary | power ; power := atom ('**' unary)? ; atom := num | name | '(' expr ')'
def parse_expr(tokens, pos, env):
    value, pos = parse_term(tokens, pos, env)
    while tokens[pos] in [("op", "+"), ("op", "-")]:
        op = tokens[pos][1]
        right, pos = parse_term(tokens, pos + 1, env)
        value = value + right if op == "+" else value - right
    return value, pos


def parse_term(tokens, pos, env):
    value, pos = parse_unary(tokens, pos, env)
    while tokens[pos][0] == "op" and tokens[pos][1] in "*/%":
        op = tokens[pos][1]
        right, pos = parse_unary(tokens, pos + 1, env)
        if op == "*":
            value = value * right
        elif op == "/":
            value = value / right
        else:
            value = value % right
    return value, pos


def parse_unary(tokens, pos, env):
    if tokens[pos] == ("op", "-"):
        value, pos = parse_unary(tokens, pos + 1, env)
        return -value, pos
    return parse_power(tokens, pos, env)


def parse_power(tokens, pos, env):
    base, pos = parse_atom(tokens, pos, env)
    if tokens[pos] == ("op", "**"):
        exponent, pos = parse_unary(tokens, pos + 1, env)
        return base ** exponent, pos
    return base, pos


def parse_atom(tokens, pos, env):
    kind, value = tokens[pos]
    if kind == "num":
        return value, pos + 1
    if kind == "name":
        if value not in env:
            raise NameError(f"unknown variable {value!r}")
        return env[value], pos + 1
    if tokens[pos] == ("op", "("):
        value, pos = parse_expr(tokens, pos + 1, env)
        if tokens[pos] != ("op", ")"):
            raise SyntaxError(f"expected ')' at token {pos}")
        return value, pos + 1
    raise SyntaxError(f"unexpected token {tokens[pos]}")


def evaluate(text, env):
    tokens = tokenize(text)
    value, pos = parse_expr(tokens, 0, env)
    if tokens[pos][0] != "end":
        raise SyntaxError(f"trailing input starting at token {pos}: {tokens[pos]}")
    return value


print("tokens:", tokenize("rate*(x1 + 2.5)**2"))
env = {"x": 3, "y": 4, "rate": 0.5, "x1": 10}
cases = [
    "1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "(-2) ** 2", "10 - 4 - 3",
    "100 / 8 / 5", "17 % 5 * 2", "(x * x + y * y) ** 0.5", "rate * (x1 + 2.5) ** 2",
    "2 ** 100 - 1", "--x", "1 / 0", "3 + z", "(1 + 2", "4 $ 4", "1 2", "*5",
]
for text in cases:
    try:
        result = evaluate(text, env)
    except ZeroDivisionError as err:
        print(f"{text:<24} !! ZeroDivisionError: {err}")
    except (NameError, SyntaxError, ValueError) as err:
        print(f"{text:<24} !! {err}")
    else:
        print(f"{text:<24} => {result}")
