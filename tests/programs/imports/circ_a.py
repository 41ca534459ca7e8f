import circ_b

A_VALUE = "a"


def from_b():
    return circ_b.B_VALUE
