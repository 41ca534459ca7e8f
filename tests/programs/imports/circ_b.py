import circ_a

B_VALUE = "b"
try:
    print(circ_a.A_VALUE)
except AttributeError as e:
    print("circ_b:", e)
try:
    from circ_a import A_VALUE
except ImportError as e:
    print("circ_b:", e.__class__.__name__, str(e).replace(__file__.rsplit("/", 1)[0], "DIR"))
