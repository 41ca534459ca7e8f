# Tic-tac-toe: winner detection over line tables, board rendering, replaying move lists, minimax on late positions
LINES = [
    (0, 1, 2), (3, 4, 5), (6, 7, 8),
    (0, 3, 6), (1, 4, 7), (2, 5, 8),
    (0, 4, 8), (2, 4, 6),
]


def winner(board):
    for a, b, c in LINES:
        if board[a] != " " and board[a] == board[b] == board[c]:
            return board[a]
    if " " not in board:
        return "draw"
    return None


def render(board):
    rows = []
    for r in range(3):
        rows.append(" " + " | ".join(board[r * 3:r * 3 + 3]))
    return "\n---+---+---\n".join(rows)


def play(moves):
    board = [" "] * 9
    player = "X"
    for turn, square in enumerate(moves, 1):
        if board[square] != " ":
            raise ValueError(f"square {square} already taken on turn {turn}")
        board[square] = player
        result = winner(board)
        if result is not None:
            return board, result, turn
        player = "O" if player == "X" else "X"
    return board, None, len(moves)


def minimax(board, player):
    result = winner(board)
    if result == "X":
        return 1, None
    if result == "O":
        return -1, None
    if result == "draw":
        return 0, None
    best_score = -2 if player == "X" else 2
    best_move = None
    for square in range(9):
        if board[square] == " ":
            board[square] = player
            score, _ = minimax(board, "O" if player == "X" else "X")
            board[square] = " "
            if (player == "X" and score > best_score) or (player == "O" and score < best_score):
                best_score, best_move = score, square
    return best_score, best_move


games = {
    "diagonal win": [4, 0, 8, 1, 2, 7, 6],
    "column win": [0, 4, 3, 8, 6],
    "cat's game": [4, 0, 2, 6, 3, 5, 1, 7, 8],
    "unfinished": [0, 1, 2],
    "illegal": [4, 4],
}
for name, moves in games.items():
    print(f"== {name} ({len(moves)} moves)")
    try:
        board, result, turns = play(moves)
    except ValueError as err:
        print("   rejected:", err)
        continue
    print(render(board))
    if result is None:
        print(f"   no result after {turns} moves")
    elif result == "draw":
        print(f"   draw after {turns} moves")
    else:
        print(f"   {result} wins on move {turns}")

print()
positions = [
    ("XO X  O  ", "X"),
    ("XOXOO    ", "X"),
    ("X O  O X ", "X"),
    ("XX OO    ", "O"),
]
for text, to_move in positions:
    board = [ch for ch in text]
    score, move = minimax(board, to_move)
    outcome = {1: "X wins", 0: "draw", -1: "O wins"}[score]
    print(f"{text!r} {to_move} to move: best square {move}, perfect play -> {outcome}")
