//! Embedding Pyrena in a Rust program: run Python source, hand it Rust data, get plain Rust
//! values back, capture its output, catch its exceptions, and cap its resources.
//!
//!     cargo run --example embed

use pyrena::{Interpreter, Value};

fn main() {
    let mut py = Interpreter::new();
    py.capture_output();
    py.set_recursion_limit(200);
    py.set_memory_limit(Some(64 << 20));

    // Rust data in, as a Python list of dicts.
    let orders = Value::List(
        [("tea", 3, 2.5), ("cake", 1, 4.0), ("tea", 2, 2.5)]
            .iter()
            .map(|(item, qty, price)| {
                Value::Dict(vec![
                    (Value::from("item"), Value::from(*item)),
                    (Value::from("qty"), Value::Int(*qty)),
                    (Value::from("price"), Value::Float(*price)),
                ])
            })
            .collect(),
    );
    py.set_global("orders", orders).expect("set orders");

    // Python does the work; its print() output is captured.
    py.run_source(
        r#"
import sys
totals = {}
for o in orders:
    totals[o["item"]] = totals.get(o["item"], 0) + o["qty"] * o["price"]
print("computed", len(totals), "totals; refcount of the dict:", sys.getrefcount(totals))
"#,
    )
    .expect("run the report");

    // Plain Rust values out.
    match py.eval("sorted(totals.items())").expect("eval") {
        Value::List(rows) => {
            for row in rows {
                if let Value::Tuple(pair) = row {
                    println!("{:?} -> {:?}", pair[0], pair[1]);
                }
            }
        }
        other => println!("unexpected: {other:?}"),
    }
    print!("python printed: {}", py.take_stdout());

    // Exceptions come back as values, with CPython's traceback text.
    let err = py.eval("totals['coffee']").unwrap_err();
    println!("caught {}: {}", err.type_name, err.message);

    // Resource limits turn runaway code into Python errors, not crashes.
    py.run_source("def forever(n):\n    return forever(n + 1)\n")
        .unwrap();
    println!(
        "deep recursion -> {}",
        py.eval("forever(0)").unwrap_err().type_name
    );
    println!(
        "huge allocation -> {}",
        py.eval("bytearray(1 << 30)").unwrap_err().type_name
    );

    // Finalize __main__ (collect cycles, run __del__) before the program ends.
    py.finish();
}
