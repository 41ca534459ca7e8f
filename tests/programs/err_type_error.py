# Uncaught TypeError: unsupported operand type(s) for +: 'int' and 'str' when summing mixed data
def parse_row(line):
    parts = line.split(";")
    return parts[0], int(parts[1]), parts[2]


def running_total(rows):
    total = 0
    for name, amount, note in rows:
        total = total + amount
        print(f"{name:<10}{amount:>6}{total:>8}  {note}")
    return total


lines = ["coffee;4;morning", "lunch;12;with team", "books;30;gift"]
rows = [parse_row(line) for line in lines]
running_total(rows)
rows.append(("refund", "-5", "string amount slipped in"))
print("recomputing with the refund...")
running_total(rows)
print("not reached")
