//! Whole programs: each input runs as `__main__` in a fresh interpreter with its output
//! captured, a 64 MiB heap cap and a time budget (a watchdog raises KeyboardInterrupt after
//! 200 ms, again every 10 ms while the run goes on). Any Python error is fine; a panic, an
//! abort or a leak of the fuzzer's memory is a bug.
#![no_main]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use libfuzzer_sys::fuzz_target;

/// Milliseconds since `START` at which the current run must stop (0: no run going on).
static DEADLINE_MS: AtomicU64 = AtomicU64::new(0);
static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();

fn now_ms() -> u64 {
    START.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}

fn start_watchdog() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::thread::spawn(|| loop {
            std::thread::sleep(Duration::from_millis(10));
            let deadline = DEADLINE_MS.load(Ordering::Relaxed);
            if deadline != 0 && now_ms() > deadline {
                pyrena::vm::interrupt::request();
            }
        });
    });
}

fuzz_target!(|data: &[u8]| {
    start_watchdog();
    let source = String::from_utf8_lossy(data);
    let mut interp = pyrena::Interpreter::new();
    interp.capture_output();
    interp.set_memory_limit(Some(64 << 20));
    interp.set_recursion_limit(200);
    DEADLINE_MS.store(now_ms() + 200, Ordering::Relaxed);
    let _ = interp.run_source(&source);
    DEADLINE_MS.store(0, Ordering::Relaxed);
    pyrena::vm::interrupt::clear();
    let _ = interp.take_stdout();
    let _ = interp.take_stderr();
    interp.finish();
});
