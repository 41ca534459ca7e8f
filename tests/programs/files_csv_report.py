# CSV-like report: writes a sales table with a header, parses it back with split(','),
# aggregates per region and product, renders a fixed-width report into io.StringIO and a
# file (newline='' and '\r\n' endings, latin-1 text), compares sizes, and cleans up.
import io
import os

DATA = "_pyrena_sales_" + str(os.getpid()) + ".csv"
REPORT = "_pyrena_sales_" + str(os.getpid()) + ".txt"

regions = ["north", "south", "east", "west"]
products = ["widget", "gadget", "gizmo"]
with open(DATA, "w", encoding="utf-8") as f:
    f.write("region,product,units,price\n")
    for i in range(24):
        f.write(f"{regions[i % 4]},{products[i % 3]},{(i * 13) % 17 + 1},{(i % 5) * 2.5 + 1.25}\n")

rows = []
with open(DATA) as f:
    header = f.readline().rstrip("\n").split(",")
    for line in f:
        rec = dict(zip(header, line.rstrip("\n").split(",")))
        rec["units"] = int(rec["units"])
        rec["price"] = float(rec["price"])
        rows.append(rec)
print("columns:", header, "rows:", len(rows))

by_region = {}
by_product = {}
for r in rows:
    total = r["units"] * r["price"]
    by_region[r["region"]] = by_region.get(r["region"], 0) + total
    by_product[r["product"]] = by_product.get(r["product"], 0) + r["units"]

buf = io.StringIO()
print(f"{'region':<8}|{'revenue':>10}", file=buf)
print("-" * 19, file=buf)
for region in sorted(by_region, key=by_region.get, reverse=True):
    print(f"{region:<8}|{by_region[region]:>10.2f}", file=buf)
print("=" * 19, file=buf)
for product, units in sorted(by_product.items()):
    print(product, units, sep=": ", end=" units\n", file=buf)
text = buf.getvalue()
print(text, end="")
print("stringio position:", buf.tell(), "length:", len(text))
buf.seek(0)
print("first line again:", repr(buf.readline()))
print("lines via iteration:", sum(1 for _ in buf))

with open(REPORT, "w", newline="\r\n", encoding="latin-1") as f:
    f.write("Umsatz – £ report\n".replace("–", "-"))
    f.write(text)
size = os.path.getsize(REPORT)
print("report bytes:", size, "chars:", len(text) + 18, "line count:", text.count("\n") + 1)
with open(REPORT, "rb") as f:
    head = f.read(20)
    rest = f.read()
print(head, len(head) + len(rest), f.closed)
with open(REPORT, newline="", encoding="latin-1") as f:
    first = f.readline()
print(repr(first))
with open(REPORT, encoding="latin-1") as f:
    print(repr(f.readline()), f.encoding)

os.remove(DATA)
os.remove(REPORT)
print("left behind:", [n for n in os.listdir(".") if n.startswith("_pyrena_sales_")])
