//! tracemalloc's hook in the allocator: while tracing is on, every block `alloc::alloc_raw` /
//! `realloc_raw` hands out is recorded as (address -> size, traceback) and every block
//! `free_raw` takes back is forgotten, so the traced total is exactly what Python-level
//! allocations hold right now.
//!
//! The heap knows nothing about frames. The VM registers a frame provider (a context pointer
//! and a walker function, see `set_frame_provider`) for as long as it runs bytecode; the
//! walker reports the innermost frames' (filename, line). No provider means the allocation
//! was not made on behalf of Python code: it is attributed to `<unknown>:0`, as CPython does.
//!
//! Invariants:
//! - When tracing is off the hot paths pay one thread-local flag check (`is_tracing`) and the
//!   trace table is empty.
//! - `traced == Σ size of the recorded blocks` and `peak >= traced`. A block allocated before
//!   `start()` has no record, so freeing it while tracing changes nothing (no underflow).
//! - The tables below live in Rust's global allocator, never in obmalloc: tracemalloc's own
//!   memory is not traced (and is what `get_tracemalloc_memory` reports), and recording can
//!   never re-enter the allocator hook.
//! - Tracebacks and filenames are interned: a trace holds a traceback id, a traceback is a
//!   list of (filename id, line). Both tables only grow while tracing and are emptied by
//!   `stop` / `clear_traces`, like CPython's.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::mem::size_of;

/// The largest traceback depth `start(nframe)` accepts (CPython's limit).
pub const MAX_NFRAME: usize = 65535;

/// Reports the current Python frames, innermost first, calling `visit(filename, line)` for at
/// most `limit` of them; returns the total number of frames on the stack.
///
/// # Safety
/// Called only with the `ctx` registered alongside it, while that registration is current.
pub type FrameWalker =
    unsafe fn(ctx: *const (), limit: usize, visit: &mut dyn FnMut(&str, u32)) -> usize;

/// Reports the innermost Python frame as (file id in `heap::source_names`, line), or None
/// when no Python code is running: the fast question of the memory report, asked on every
/// allocation.
///
/// # Safety
/// As for `FrameWalker`.
pub type LineReporter = unsafe fn(ctx: *const ()) -> Option<(u32, u32)>;

/// Reports every Python frame, outermost first, as (filename, line, function qualname): the
/// Python traceback printed when the interpreter itself fails (`vm::internal_error`).
///
/// # Safety
/// As for `FrameWalker`.
pub type StackReporter = unsafe fn(ctx: *const (), visit: &mut dyn FnMut(&str, u32, &str));

/// A registered frame provider (see `set_frame_provider`).
#[derive(Clone, Copy)]
pub struct FrameProvider {
    pub ctx: *const (),
    pub walk: FrameWalker,
    pub line: LineReporter,
    pub stack: StackReporter,
}

struct Trace {
    size: usize,
    traceback: u32,
}

type FastMap<K, V> = HashMap<K, V, ahash::RandomState>;

#[derive(Default)]
struct State {
    nframe: usize,
    /// Block address -> its trace.
    traces: FastMap<usize, Trace>,
    /// Interned tracebacks, by id: `[total_nframe, file, line, file, line, ...]`, innermost
    /// frame first.
    tracebacks: Vec<Box<[u32]>>,
    traceback_ids: FastMap<Box<[u32]>, u32>,
    filenames: Vec<Box<str>>,
    filename_ids: FastMap<Box<str>, u32>,
    /// Reused buffer for the traceback being built.
    scratch: Vec<u32>,
    traced: usize,
    peak: usize,
}

thread_local! {
    static TRACING: Cell<bool> = const { Cell::new(false) };
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static STATE: std::mem::ManuallyDrop<RefCell<State>> =
        std::mem::ManuallyDrop::new(RefCell::new(State::default()));
    static PROVIDER: Cell<Option<FrameProvider>> = const { Cell::new(None) };
}

/// Whether allocations are being traced (the only cost of the hook when they are not).
#[inline(always)]
pub fn is_tracing() -> bool {
    TRACING.with(Cell::get)
}

/// Installs `p` as the frame provider and returns the previous one, which the caller must
/// put back (with `restore_frame_provider`) before `p.ctx` stops being valid.
pub fn set_frame_provider(p: FrameProvider) -> Option<FrameProvider> {
    PROVIDER.with(|c| c.replace(Some(p)))
}

pub fn restore_frame_provider(prev: Option<FrameProvider>) {
    PROVIDER.with(|c| c.set(prev));
}

/// Every running Python frame, outermost first, as (filename, line, qualname); nothing when
/// no Python code runs.
pub fn python_stack(visit: &mut dyn FnMut(&str, u32, &str)) {
    if let Some(p) = PROVIDER.with(Cell::get) {
        // SAFETY: a registered provider's context stays valid until it is restored away
        // (the registrant's contract, see `set_frame_provider`).
        unsafe { (p.stack)(p.ctx, visit) }
    }
}

/// The innermost Python frame as (file id, line), if Python code is running (the memory
/// report charges each allocation to one line).
#[inline]
pub fn innermost_line() -> Option<(u32, u32)> {
    let p = PROVIDER.with(Cell::get)?;
    // SAFETY: a registered provider's context stays valid until it is restored away (the
    // registrant's contract, see `set_frame_provider`).
    unsafe { (p.line)(p.ctx) }
}

/// Starts tracing with tracebacks of at most `nframe` frames (clamped to 1..=MAX_NFRAME).
/// Does nothing if tracing is already on (CPython keeps the running configuration).
pub fn start(nframe: usize) {
    if is_tracing() {
        return;
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.clear();
        s.nframe = nframe.clamp(1, MAX_NFRAME);
    });
    TRACING.with(|t| t.set(true));
}

/// Stops tracing and forgets every trace.
pub fn stop() {
    TRACING.with(|t| t.set(false));
    STATE.with(|s| s.borrow_mut().clear());
}

/// Forgets every trace (and zeroes the counters) but keeps tracing.
pub fn clear_traces() {
    if is_tracing() {
        STATE.with(|s| s.borrow_mut().clear());
    }
}

/// `(traced, peak)` bytes, `(0, 0)` when not tracing.
pub fn traced_memory() -> (usize, usize) {
    if !is_tracing() {
        return (0, 0);
    }
    STATE.with(|s| {
        let s = s.borrow();
        (s.traced, s.peak)
    })
}

/// Sets the peak to the current traced size.
pub fn reset_peak() {
    if is_tracing() {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.peak = s.traced;
        });
    }
}

/// The configured traceback depth (1 until `start` sets another).
pub fn traceback_limit() -> usize {
    STATE.with(|s| s.borrow().nframe.max(1))
}

/// Bytes of Rust memory the trace tables take (an estimate from their capacities).
pub fn tracemalloc_memory() -> usize {
    STATE.with(|s| s.borrow().memory())
}

/// Records a block just handed out.
#[inline]
pub fn on_alloc(addr: usize, size: usize) {
    STATE.with(|s| {
        // A failed borrow would mean recording re-entered itself; skip rather than panic.
        if let Ok(mut s) = s.try_borrow_mut() {
            s.record(addr, size);
        }
    });
}

/// Forgets a block just taken back.
#[inline]
pub fn on_free(addr: usize) {
    STATE.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            if let Some(t) = s.traces.remove(&addr) {
                s.traced -= t.size;
            }
        }
    });
}

/// A traceback as the Python side sees it: (filename, line) innermost first, and the number
/// of frames the stack had.
pub struct TracebackInfo {
    pub frames: Vec<(u32, u32)>,
    pub total_nframe: u32,
}

/// A copy of the trace table taken in one go, so that building Python objects from it (which
/// allocates, and is traced) does not change what it holds.
pub struct TraceCopy {
    pub filenames: Vec<Box<str>>,
    pub tracebacks: Vec<TracebackInfo>,
    /// (size, traceback id) per traced block, in address order.
    pub traces: Vec<(usize, u32)>,
}

/// Copies the current traces (empty when not tracing).
pub fn copy_traces() -> TraceCopy {
    STATE.with(|s| {
        let s = s.borrow();
        let mut traces: Vec<(usize, usize, u32)> = s
            .traces
            .iter()
            .map(|(a, t)| (*a, t.size, t.traceback))
            .collect();
        traces.sort_unstable_by_key(|t| t.0);
        TraceCopy {
            filenames: s.filenames.clone(),
            tracebacks: s.tracebacks.iter().map(|tb| unpack(tb)).collect(),
            traces: traces.into_iter().map(|(_, size, tb)| (size, tb)).collect(),
        }
    })
}

/// The traceback of the block at `addr`, if it is traced: (filename, line) innermost first.
pub fn block_traceback(addr: usize) -> Option<Vec<(Box<str>, u32)>> {
    STATE.with(|s| {
        let s = s.borrow();
        let t = s.traces.get(&addr)?;
        let info = unpack(&s.tracebacks[t.traceback as usize]);
        let frames = info
            .frames
            .iter()
            .map(|(f, l)| (s.filenames[*f as usize].clone(), *l))
            .collect();
        Some(frames)
    })
}

fn unpack(tb: &[u32]) -> TracebackInfo {
    TracebackInfo {
        total_nframe: tb[0],
        frames: tb[1..].chunks_exact(2).map(|c| (c[0], c[1])).collect(),
    }
}

impl State {
    fn clear(&mut self) {
        self.traces = FastMap::default();
        self.tracebacks = Vec::new();
        self.traceback_ids = FastMap::default();
        self.filenames = Vec::new();
        self.filename_ids = FastMap::default();
        self.scratch = Vec::new();
        self.traced = 0;
        self.peak = 0;
    }

    fn record(&mut self, addr: usize, size: usize) {
        let traceback = self.current_traceback();
        if let Some(old) = self.traces.insert(addr, Trace { size, traceback }) {
            // Only possible if a free was missed; keep the counter equal to the table.
            self.traced -= old.size;
        }
        self.traced += size;
        self.peak = self.peak.max(self.traced);
    }

    /// Interns the traceback of the allocation being made now.
    fn current_traceback(&mut self) -> u32 {
        let State {
            scratch,
            filenames,
            filename_ids,
            nframe,
            ..
        } = self;
        scratch.clear();
        scratch.push(0);
        let mut visit = |file: &str, line: u32| {
            let id = match filename_ids.get(file) {
                Some(id) => *id,
                None => {
                    let id = filenames.len() as u32;
                    filenames.push(file.into());
                    filename_ids.insert(file.into(), id);
                    id
                }
            };
            scratch.push(id);
            scratch.push(line);
        };
        let total = match PROVIDER.with(Cell::get) {
            // SAFETY: a registered provider's context stays valid until it is restored away
            // (the registrant's contract, see `set_frame_provider`).
            Some(p) => unsafe { (p.walk)(p.ctx, *nframe, &mut visit) },
            None => 0,
        };
        if total == 0 {
            visit("<unknown>", 0);
        }
        scratch[0] = total.min(u32::MAX as usize) as u32;
        if let Some(id) = self.traceback_ids.get(self.scratch.as_slice()) {
            return *id;
        }
        let id = self.tracebacks.len() as u32;
        let key: Box<[u32]> = self.scratch.as_slice().into();
        self.tracebacks.push(key.clone());
        self.traceback_ids.insert(key, id);
        id
    }

    fn memory(&self) -> usize {
        let map_entry = |k: usize, v: usize| k + v + 1;
        let mut n = size_of::<State>();
        n += self.traces.capacity() * map_entry(size_of::<usize>(), size_of::<Trace>());
        n += self.traceback_ids.capacity() * map_entry(size_of::<Box<[u32]>>(), 4);
        n += self.tracebacks.capacity() * size_of::<Box<[u32]>>();
        // Each interned traceback's frames are held once (the id map shares nothing, so twice).
        n += self
            .tracebacks
            .iter()
            .map(|t| 2 * t.len() * 4)
            .sum::<usize>();
        n += self.filename_ids.capacity() * map_entry(size_of::<Box<str>>(), 4);
        n += self.filenames.capacity() * size_of::<Box<str>>();
        n += self.filenames.iter().map(|f| 2 * f.len()).sum::<usize>();
        n += self.scratch.capacity() * 4;
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heap::alloc::{alloc_raw, free_raw, realloc_raw};

    unsafe fn two_frames(_ctx: *const (), limit: usize, visit: &mut dyn FnMut(&str, u32)) -> usize {
        for (i, line) in [7u32, 3].into_iter().enumerate() {
            if i < limit {
                visit("prog.py", line);
            }
        }
        2
    }

    #[test]
    fn records_and_forgets_blocks() {
        start(1);
        let a = alloc_raw(100).unwrap();
        assert_eq!(traced_memory(), (100, 100));
        let copy = copy_traces();
        assert_eq!(copy.traces, vec![(100, 0)]);
        assert_eq!(&*copy.filenames[0], "<unknown>");
        assert_eq!(copy.tracebacks[0].frames, vec![(0, 0)]);
        // SAFETY: `a` came from alloc_raw(100).
        let b = unsafe { realloc_raw(a, 100, 2000).unwrap() };
        assert_eq!(traced_memory(), (2000, 2000));
        // SAFETY: `b` came from realloc_raw(.., 2000).
        unsafe { free_raw(b, 2000) };
        assert_eq!(traced_memory(), (0, 2000));
        reset_peak();
        assert_eq!(traced_memory(), (0, 0));
        stop();
        assert_eq!(traced_memory(), (0, 0));
    }

    #[test]
    fn blocks_from_before_start_do_not_underflow() {
        let early = alloc_raw(64).unwrap();
        start(1);
        let late = alloc_raw(32).unwrap();
        // SAFETY: both came from alloc_raw with these sizes.
        unsafe {
            free_raw(early, 64);
            assert_eq!(traced_memory(), (32, 32));
            free_raw(late, 32);
        }
        assert_eq!(traced_memory(), (0, 32));
        stop();
    }

    #[test]
    fn tracebacks_come_from_the_provider_and_are_interned() {
        let prev = set_frame_provider(FrameProvider {
            ctx: std::ptr::null(),
            walk: two_frames,
            line: |_| Some((0, 7)),
            stack: |_, _| {},
        });
        start(5);
        let a = alloc_raw(16).unwrap();
        let b = alloc_raw(16).unwrap();
        let frames = block_traceback(a.as_ptr() as usize).unwrap();
        assert_eq!(frames, vec![("prog.py".into(), 7), ("prog.py".into(), 3)]);
        let copy = copy_traces();
        assert_eq!(copy.tracebacks.len(), 1);
        assert_eq!(copy.tracebacks[0].total_nframe, 2);
        assert!(tracemalloc_memory() > 0);
        clear_traces();
        assert!(block_traceback(b.as_ptr() as usize).is_none());
        // SAFETY: both came from alloc_raw(16).
        unsafe {
            free_raw(a, 16);
            free_raw(b, 16);
        }
        stop();
        restore_frame_provider(prev);
    }
}
