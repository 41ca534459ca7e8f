# input() from stdin: a header line, a prompt, records until an END sentinel, then free lines until EOFError
def parse_record(line):
    parts = line.split(",")
    if len(parts) != 3:
        raise ValueError(f"expected 3 fields, got {len(parts)}: {line!r}")
    name = parts[0].strip()
    subject = parts[1].strip().lower()
    score = int(parts[2])
    if score < 0 or score > 100:
        raise ValueError(f"score out of range: {score}")
    return name, subject, score


title = input()
print("Report title:", title.strip().upper())
expected = int(input("How many records? "))
print()
print("(expecting", expected, "records)")

records = []
rejected = 0
line_no = 2
while True:
    line = input()
    line_no += 1
    if line.strip() == "END":
        break
    if line.strip() == "" or line.lstrip().startswith("#"):
        continue
    try:
        records.append(parse_record(line))
    except ValueError as err:
        rejected += 1
        print(f"line {line_no}: skipped ({err})")

print(f"read {len(records)} records, rejected {rejected}, expected {expected}")
if len(records) != expected:
    print("warning: record count mismatch")

by_student = {}
by_subject = {}
for name, subject, score in records:
    by_student.setdefault(name, []).append(score)
    by_subject.setdefault(subject, []).append(score)

print()
print(f"{'student':<10}{'n':>3}{'avg':>8}{'best':>6}")
for name in sorted(by_student):
    scores = by_student[name]
    print(f"{name:<10}{len(scores):>3}{sum(scores) / len(scores):>8.2f}{max(scores):>6}")
print()
for subject, scores in by_subject.items():
    print(f"{subject:<10} mean {round(sum(scores) / len(scores), 1):>5}  range {min(scores)}-{max(scores)}")

notes = []
try:
    while True:
        notes.append(input())
except EOFError as err:
    print()
    print(f"EOFError after {len(notes)} note line(s): {err}")
for i, note in enumerate(notes, 1):
    print(f"note {i}: {note.strip()!r} ({len(note.split())} words)")
