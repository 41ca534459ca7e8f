# Stack-based RPN calculator: list as stack, token dispatch, error handling for underflow/zero division/bad tokens
def apply(op, a, b):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if b == 0:
            raise ZeroDivisionError("division by zero in RPN expression")
        return a / b
    if op == "//":
        return a // b
    if op == "%":
        return a % b
    if op == "^":
        return a ** b
    raise ValueError(f"unknown operator {op!r}")


BINARY = ["+", "-", "*", "/", "//", "%", "^"]


def parse_number(token):
    if token.lstrip("-").isdigit():
        return int(token)
    return float(token)


def evaluate(expression, trace=False):
    stack = []
    for token in expression.split():
        if token in BINARY:
            if len(stack) < 2:
                raise IndexError(f"stack underflow at {token!r} (stack={stack})")
            b = stack.pop()
            a = stack.pop()
            stack.append(apply(token, a, b))
        elif token == "dup":
            stack.append(stack[-1])
        elif token == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif token == "neg":
            stack.append(-stack.pop())
        elif token == "sum":
            total = sum(stack)
            stack = [total]
        else:
            stack.append(parse_number(token))
        if trace:
            print(f"    {token:>5} | {stack}")
    if len(stack) != 1:
        raise ValueError(f"malformed expression, stack left as {stack}")
    return stack[0]


print("Trace of '3 4 + 2 * 7 swap -':")
print("  result:", evaluate("3 4 + 2 * 7 swap -", trace=True))
print()

expressions = [
    "1 2 +",
    "5 1 2 + 4 * + 3 -",
    "2 10 ^ 1000 -",
    "2 100 ^ 7 %",
    "22 7 /",
    "-17 5 //",
    "-17 5 %",
    "1.5 2.25 * neg",
    "3 dup * 4 dup * + 0.5 ^",
    "1 2 3 4 5 sum",
    "4 0 /",
    "1 +",
    "1 2 3 +",
    "2 three *",
    "9 2 &",
]
for expr in expressions:
    try:
        value = evaluate(expr)
    except ZeroDivisionError as err:
        print(f"{expr:<26} -> math error: {err}")
    except (IndexError, ValueError) as err:
        print(f"{expr:<26} -> bad input: {err}")
    else:
        print(f"{expr:<26} = {value}")
