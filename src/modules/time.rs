//! The `time` module: wall-clock time (`time`, `time_ns`), monotonic clocks (`monotonic`,
//! `perf_counter` and their `_ns` forms, measured from an anchor taken when the process
//! first asks), CPU time of the process (`process_time`), and `sleep` (interruptible by Ctrl-C).

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::function::BuiltinFn;
use crate::objects::module::module_dict;
use crate::objects::{float, int};
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("time")?;
    let d = module_dict(&m).clone();
    let doc = vm.new_str("Clocks (wall, monotonic, performance, process CPU) and sleep.")?;
    vm.dict_set_str(&d, "__doc__", doc)?;
    let funcs: &[(&'static str, BuiltinFn)] = &[
        ("time", |vm, a| {
            a.exact(vm, "time.time", 0, 0)?;
            vm.new_float(wall_ns() as f64 * 1e-9)
        }),
        ("time_ns", |vm, a| {
            a.exact(vm, "time.time_ns", 0, 0)?;
            vm.new_bigint(wall_ns().into())
        }),
        ("monotonic", |vm, a| {
            a.exact(vm, "time.monotonic", 0, 0)?;
            vm.new_float(monotonic_ns() as f64 * 1e-9)
        }),
        ("monotonic_ns", |vm, a| {
            a.exact(vm, "time.monotonic_ns", 0, 0)?;
            vm.new_bigint(monotonic_ns().into())
        }),
        ("perf_counter", |vm, a| {
            a.exact(vm, "time.perf_counter", 0, 0)?;
            vm.new_float(monotonic_ns() as f64 * 1e-9)
        }),
        ("perf_counter_ns", |vm, a| {
            a.exact(vm, "time.perf_counter_ns", 0, 0)?;
            vm.new_bigint(monotonic_ns().into())
        }),
        ("process_time", |vm, a| {
            a.exact(vm, "time.process_time", 0, 0)?;
            vm.new_float(process_ns() as f64 * 1e-9)
        }),
        ("process_time_ns", |vm, a| {
            a.exact(vm, "time.process_time_ns", 0, 0)?;
            vm.new_bigint(process_ns().into())
        }),
        ("sleep", time_sleep),
    ];
    for (name, f) in funcs {
        let o = vm.new_builtin(name, *f)?;
        vm.dict_set_str(&d, name, o)?;
    }
    Ok(m)
}

/// Nanoseconds since the Unix epoch (negative before it).
fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Nanoseconds on the monotonic clock since the first call in this process.
fn monotonic_ns() -> u128 {
    static ANCHOR: OnceLock<Instant> = OnceLock::new();
    ANCHOR.get_or_init(Instant::now).elapsed().as_nanos()
}

/// CPU time (user + system) of this process in nanoseconds: Linux reports it in
/// `/proc/self/schedstat` (nanoseconds) and `/proc/self/stat` (clock ticks); elsewhere the
/// monotonic clock is the closest available measure.
fn process_ns() -> u128 {
    if let Ok(s) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(ns) = s.split_whitespace().next().and_then(|f| f.parse().ok()) {
            return ns;
        }
    }
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        // Fields after the parenthesised command name; utime and stime are the 12th and
        // 13th of them, in ticks of (almost always) 1/100 s.
        if let Some(rest) = s.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(u), Some(s)) = (f.get(11), f.get(12)) {
                if let (Ok(u), Ok(s)) = (u.parse::<u128>(), s.parse::<u128>()) {
                    return (u + s) * 10_000_000;
                }
            }
        }
    }
    monotonic_ns()
}

fn time_sleep(vm: &mut Vm, a: Args) -> PyResult<Obj> {
    let p = a.exact(vm, "time.sleep", 1, 1)?;
    let secs = if let Some(f) = float::as_float(&p[0]) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)".into()));
        }
        f
    } else if let Some(i) = int::as_int(&p[0]) {
        i.to_f64().unwrap_or(f64::INFINITY)
    } else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            p[0].ty().name()
        )));
    };
    // CPython keeps times as signed 64-bit nanosecond counts.
    if secs.abs() * 1e9 >= i64::MAX as f64 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t".into()));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative".into()));
    }
    vm.flush();
    // Slept in short slices so Ctrl-C interrupts it, as SIGINT interrupts CPython's sleep.
    const SLICE: Duration = Duration::from_millis(20);
    let deadline = Instant::now() + Duration::from_nanos((secs * 1e9) as u64);
    loop {
        if crate::vm::interrupt::take() {
            return Err(vm.keyboard_interrupt());
        }
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep(SLICE.min(deadline - now));
    }
    Ok(vm.none.clone())
}
