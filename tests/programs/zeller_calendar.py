# Calendar arithmetic: Zeller's congruence, leap years, month grids, day numbers for date differences and adding days
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year, month):
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def weekday(year, month, day):
    """Zeller's congruence, converted so that Monday == 0."""
    if month < 3:
        month += 12
        year -= 1
    k = year % 100
    j = year // 100
    h = (day + (13 * (month + 1)) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def day_number(year, month, day):
    y = year - 1
    total = y * 365 + y // 4 - y // 100 + y // 400
    for m in range(1, month):
        total += days_in_month(year, m)
    return total + day


def from_day_number(n):
    year = 1
    while day_number(year + 400, 1, 1) <= n:
        year += 400
    while day_number(year + 1, 1, 1) <= n:
        year += 1
    month = 1
    while day_number(year, month, days_in_month(year, month)) < n:
        month += 1
    return year, month, n - day_number(year, month, 1) + 1


def print_month(year, month):
    title = f"{MONTH_NAMES[month - 1]} {year}"
    print(f"{title:^20}".rstrip())
    print("Mo Tu We Th Fr Sa Su")
    cells = ["  "] * weekday(year, month, 1)
    for day in range(1, days_in_month(year, month) + 1):
        cells.append(f"{day:>2}")
    for start in range(0, len(cells), 7):
        print(" ".join(cells[start:start + 7]).rstrip())


for date in [(1969, 7, 20), (2000, 1, 1), (2000, 2, 29), (1900, 3, 1), (2024, 12, 25), (1815, 6, 18)]:
    y, m, d = date
    print(f"{y:04d}-{m:02d}-{d:02d} was a {DAY_NAMES[weekday(y, m, d)]}")
print()
print("Leap years:", [y for y in range(1896, 1912) if is_leap(y)], is_leap(2000), is_leap(2100))
print()
print_month(2024, 2)
print()
print_month(2023, 10)

start = day_number(1970, 1, 1)
print()
print("Days from 1970-01-01 to 2000-01-01:", day_number(2000, 1, 1) - start)
print("Days from 1969-07-20 to 2024-07-20:", day_number(2024, 7, 20) - day_number(1969, 7, 20))
for offset in [0, 30, 365, 10000, 20000]:
    y, m, d = from_day_number(start + offset)
    print(f"1970-01-01 + {offset:>5} days = {y}-{m:02d}-{d:02d} ({DAY_NAMES[weekday(y, m, d)][:3]})")

fridays = []
for year in [2023, 2024, 2025, 2026]:
    for month in range(1, 13):
        if weekday(year, month, 13) == 4:
            fridays.append(f"{MONTH_NAMES[month - 1][:3]} {year}")
print()
print("Friday the 13th:", ", ".join(fridays))
