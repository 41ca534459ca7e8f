# A closure keeps the objects it captures alive through a cell; the cell is
# shared by every closure made from the same call.
import sys

class Payload:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def make_pair(name):
    p = Payload(name)
    def get():
        return p
    def rename(n):
        p.name = n
    return get, rename

get, rename = make_pair("first")
print("captured:", get().name)
rename("renamed")
print("through the shared cell:", get().name)
print("held by the cell and the call:", sys.getrefcount(get()))
del get
print("one closure gone, payload still alive")
del rename
print("both closures gone")
