PIECE = "from a namespace package"
