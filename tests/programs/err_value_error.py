# Uncaught ValueError: invalid literal for int() with base 10: 'abc' while parsing configuration values
CONFIG = """
width = 80
height = 24
depth = abc
colour = blue
"""


def parse_line(line):
    key, value = line.split("=")
    return key.strip(), value.strip()


settings = {}
for line in CONFIG.strip().split("\n"):
    key, value = parse_line(line)
    settings[key] = value
print("raw settings:", settings)

for key in ["width", "height", "depth"]:
    number = int(settings[key])
    print(f"{key} -> {number} ({number * 2} when doubled)")
print("not reached")
