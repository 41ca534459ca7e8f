# Uncaught IndexError: list index out of range while walking a schedule one step too far
def build_schedule(shifts, people):
    schedule = []
    for i in range(shifts):
        schedule.append(people[i % len(people)])
    return schedule


def handover(schedule, day):
    today = schedule[day]
    tomorrow = schedule[day + 1]
    return f"day {day}: {today} hands over to {tomorrow}"


people = ["ana", "ben", "cho"]
schedule = build_schedule(5, people)
print("schedule:", schedule)
print("shifts per person:", [schedule.count(p) for p in people])
for day in range(len(schedule)):
    print(handover(schedule, day))
print("not reached")
