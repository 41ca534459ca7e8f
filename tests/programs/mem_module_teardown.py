# At exit, objects still referenced from module globals are finalized, and
# cycles still alive are collected so their __del__ runs too.
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("closing", self.name)

class Loop:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("collected the loop at exit")

r = Res("global")
Loop()
print("end of program")
