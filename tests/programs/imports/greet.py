"""Greeting helpers (imported by import_modules.py)."""
print("greet: loading as", __name__)
_secret = "hidden"
counter = 0


def hello(name):
    global counter
    counter += 1
    return "hello, " + name


if __name__ == "__main__":
    print("greet: never printed when imported")
