# Log-file analyser: makes a private temporary directory, writes a log with open('w') and
# print(file=), appends with 'a', reads it back lazily line by line, tallies levels and
# slow requests, writes a report, reads it with readlines/seek/tell, then removes everything.
import os

WORKDIR = "_pyrena_logs_" + str(os.getpid())
os.mkdir(WORKDIR)
log_path = os.path.join(WORKDIR, "server.log")
report_path = os.path.join(WORKDIR, "report.txt")

LEVELS = ["INFO", "WARN", "ERROR", "DEBUG"]
PATHS = ["/", "/login", "/api/items", "/api/users", "/static/app.js"]

with open(log_path, "w") as log:
    print(repr(log).replace(WORKDIR, "<tmp>"))
    for i in range(60):
        level = LEVELS[(i * 7) % 4]
        path = PATHS[(i * 3) % 5]
        ms = (i * 37) % 250
        n = log.write(f"2024-01-{1 + i // 20:02d} 12:{i % 60:02d} {level} {path} {ms}ms\n")
        if i == 0:
            print("first write returned", n)
    print("# end of day one", file=log)

with open(log_path, "a") as log:
    print("append starts at", log.tell() == os.path.getsize(log_path))
    log.writelines([f"2024-01-04 00:0{k} ERROR /api/items 999ms\n" for k in range(3)])

counts = {}
slow = []
per_path = {}
comments = 0
with open(log_path) as log:
    for line in log:
        if line.startswith("#"):
            comments += 1
            continue
        date, time, level, path, ms = line.split()
        counts[level] = counts.get(level, 0) + 1
        ms = int(ms[:-2])
        per_path.setdefault(path, []).append(ms)
        if ms >= 200:
            slow.append((ms, date, time, path))
    print("closed inside with:", log.closed)
print("closed after with:", log.closed)

with open(report_path, "w") as out:
    out.write("level counts\n")
    for level in sorted(counts):
        out.write(f"  {level:<6}{counts[level]:>4}\n")
    out.write("mean latency by path\n")
    for path, values in sorted(per_path.items()):
        out.write(f"  {path:<15}{sum(values) / len(values):8.1f} ms over {len(values)}\n")
    out.write(f"slowest {len(slow)} requests\n")
    for ms, date, time, path in sorted(slow, reverse=True)[:5]:
        out.write(f"  {ms:>4}ms {date} {time} {path}\n")
    out.write(f"comment lines: {comments}\n")

with open(report_path) as rep:
    lines = rep.readlines()
    print("report has", len(lines), "lines; at end:", rep.tell() == os.path.getsize(report_path))
    rep.seek(0)
    print(rep.readline(), end="")
    print(repr(rep.read(14)))
    rest = rep.read()
print("".join(lines), end="")
print("rest starts:", repr(rest[:20]))

print(sorted(os.listdir(WORKDIR)))
print(os.path.isfile(log_path), os.path.isdir(WORKDIR), os.path.exists(report_path))
archive = os.path.join(WORKDIR, "archive", "2024")
os.makedirs(archive)
os.makedirs(archive, exist_ok=True)
archived = os.path.join(archive, os.path.basename(report_path))
os.rename(report_path, archived)
print(os.path.splitext(os.path.basename(archived)), os.path.exists(report_path))
print(os.path.dirname(archived).replace(WORKDIR, "<tmp>"), os.listdir(archive))
os.remove(log_path)
os.unlink(archived)
os.rmdir(archive)
os.rmdir(os.path.dirname(archive))
os.rmdir(WORKDIR)
print("cleaned up:", not os.path.exists(WORKDIR))
