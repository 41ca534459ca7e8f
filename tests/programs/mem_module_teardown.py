# At exit, cycles the program dropped are collected first, then the module's
# globals are released; __del__ methods that run then still see the globals.
import sys

PREFIX = "closing"


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(PREFIX, self.name, "- sys still there:", sys is not None)


class Loop:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("collected the loop at exit")


r = Res("global")
Loop()
print("end of program")
