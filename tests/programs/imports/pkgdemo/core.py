VERSION = "1.0"


def describe():
    return __name__ + " in " + __package__
