# A duplicate parameter name is a SyntaxError reported before anything runs.
print("never printed")


def area(width, height, width):
    return width * height
