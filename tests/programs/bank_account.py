# Bank simulation: dict of dicts, functions raising ValueError/KeyError, try/except/else, transaction log, statements
accounts = {}
log = []
next_number = 1001


def open_account(owner, initial=0):
    global next_number
    if initial < 0:
        raise ValueError("initial deposit must be non-negative")
    number = next_number
    next_number += 1
    accounts[number] = {"owner": owner, "balance": initial, "history": [("open", initial)]}
    log.append(f"opened {number} for {owner} with {initial}")
    return number


def get_account(number):
    if number not in accounts:
        raise KeyError(number)
    return accounts[number]


def deposit(number, amount):
    if amount <= 0:
        raise ValueError(f"deposit amount must be positive, got {amount}")
    account = get_account(number)
    account["balance"] += amount
    account["history"].append(("deposit", amount))


def withdraw(number, amount):
    account = get_account(number)
    if amount > account["balance"]:
        raise ValueError(f"insufficient funds in {number}: balance {account['balance']}, requested {amount}")
    account["balance"] -= amount
    account["history"].append(("withdraw", -amount))


def transfer(source, target, amount):
    get_account(target)
    withdraw(source, amount)
    deposit(target, amount)
    log.append(f"transfer {amount} from {source} to {target}")


alice = open_account("Alice", 500)
bob = open_account("Bob")
carol = open_account("Carol", 1200)

operations = [
    ("deposit", bob, 250),
    ("withdraw", alice, 120),
    ("transfer", carol, alice, 300),
    ("withdraw", bob, 1000),
    ("deposit", alice, -5),
    ("transfer", alice, 9999, 10),
    ("withdraw", 4242, 1),
    ("transfer", bob, carol, 250),
]
for op in operations:
    kind, *args = op
    try:
        if kind == "deposit":
            deposit(args[0], args[1])
        elif kind == "withdraw":
            withdraw(args[0], args[1])
        else:
            transfer(args[0], args[1], args[2])
    except ValueError as err:
        print(f"FAILED {kind:<8} {args}: {err}")
        log.append("failed " + kind)
    except KeyError as err:
        print(f"FAILED {kind:<8} {args}: no such account {err}")
        log.append("failed " + kind)
    else:
        print(f"ok     {kind:<8} {args}")

try:
    open_account("Mallory", -100)
except ValueError as err:
    print("Could not open account:", err)

print()
for number, account in accounts.items():
    print(f"Statement for {account['owner']} (#{number})")
    running = 0
    for kind, amount in account["history"]:
        running += amount
        print(f"  {kind:<10}{amount:>+8}{running:>10}")
    print(f"  {'balance':<10}{account['balance']:>18}")

total = sum([a["balance"] for a in accounts.values()])
richest = max(accounts, key=lambda n: accounts[n]["balance"])
print()
print("Total deposits held:", total)
print("Richest customer:", accounts[richest]["owner"])
print("Log entries:", len(log))
for entry in log:
    print(" -", entry)
