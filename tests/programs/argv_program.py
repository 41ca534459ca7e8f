# sys.argv handling: option parsing (--flag, --key=value), positional numbers and words, usage errors reported
import sys


def parse_args(argv):
    options = {"width": 40, "upper": False, "sep": ", "}
    positional = []
    for arg in argv:
        if arg.startswith("--"):
            body = arg[2:]
            if "=" in body:
                cut = body.find("=")
                key, value = body[:cut], body[cut + 1:]
            else:
                key, value = body, ""
            if key not in options:
                raise ValueError(f"unknown option --{key}")
            if isinstance(options[key], bool):
                options[key] = True
            elif isinstance(options[key], int):
                options[key] = int(value)
            else:
                options[key] = value
        else:
            positional.append(arg)
    return options, positional


print("program:", sys.argv[0])
print("argument count:", len(sys.argv) - 1)
for i, arg in enumerate(sys.argv[1:], 1):
    print(f"  argv[{i}] = {arg!r}")

options, positional = parse_args(sys.argv[1:])
print()
print("options:", options)
numbers = []
words = []
for item in positional:
    if item.lstrip("-").isdigit():
        numbers.append(int(item))
    else:
        words.append(item.upper() if options["upper"] else item)

print("numbers:", numbers)
if numbers:
    print(f"  sum={sum(numbers)} min={min(numbers)} max={max(numbers)} product=", end="")
    product = 1
    for n in numbers:
        product *= n
    print(product)
print("words:", options["sep"].join(words))
banner = " ".join(words)
width = options["width"]
print("+" + "-" * (width - 2) + "+")
text = banner[:width - 4]
left = (width - 2 - len(text)) // 2
right = width - 2 - len(text) - left
print("|" + " " * left + text + " " * right + "|")
print("+" + "-" * (width - 2) + "+")

try:
    parse_args(["--colour=red"])
except ValueError as err:
    print("usage error:", err)
