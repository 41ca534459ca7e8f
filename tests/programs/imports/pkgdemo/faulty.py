raise RuntimeError("faulty submodule")
