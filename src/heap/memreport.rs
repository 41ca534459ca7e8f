//! The memory-report recorder behind `-X memreport=FILE`: while it runs, the heap is sampled
//! over time (bytes in use, arenas held, tracked objects per generation), every cycle
//! collection is logged, the arena map is kept at the highest sampled point, allocations are
//! counted, and allocation sites are sampled (`heap::site_sampler`). `crate::memreport` turns
//! the result into the HTML report.
//!
//! Sampling must not change what the program observes: a sample only reads allocator and
//! collector state, never touches a Python object, and is taken at an instruction boundary
//! (queued on `heap::pending` by the allocation hook when it is due), where no collection is
//! half done. Its cost is bounded: after each sample the next one is not due before
//! `SAMPLE_COST_FACTOR` times the time that sample took, so sampling a huge heap slows the
//! rate instead of the program.
//!
//! Invariants:
//! - When not recording, the allocation hook costs one thread-local flag check; when
//!   recording, the common case is one subtraction (`UNTIL_SITE_SAMPLE`).
//! - The recorder's tables live in Rust's global allocator, never obmalloc, so recording
//!   cannot re-enter the allocator or show up in the numbers it records.
//! - `sample_queued` is true exactly while a `PendingCall::MemSample` is on the queue.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use super::alloc::with_obmalloc;
use super::collector::{generation_sizes, CollectResult};
use super::gc::NUM_GENERATIONS;
use super::obmalloc::ArenaRow;
use super::pending::{self, PendingCall};
use super::site_sampler::{Site, SiteSampler};

/// Samples kept at most: at this many, every other one is dropped and the interval doubles,
/// so a long run gives a report of bounded size with evenly spaced samples.
const MAX_SAMPLES: usize = 4096;
/// Collections logged at most: at this many, every other generation-0 entry is dropped (the
/// rarer older-generation collections are all kept; the summary's totals are exact anyway).
const MAX_COLLECTIONS: usize = 8192;

/// The default minimum time between two samples.
pub const DEFAULT_INTERVAL: Duration = Duration::from_millis(1);
/// A sample that took `d` delays the next one by at least `SAMPLE_COST_FACTOR * d`: at most
/// about 1/SAMPLE_COST_FACTOR of the run goes to sampling.
const SAMPLE_COST_FACTOR: u32 = 50;

/// The heap at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Seconds since recording started.
    pub t: f64,
    pub bytes: usize,
    pub arenas: usize,
    pub generations: [usize; NUM_GENERATIONS],
}

/// One cycle collection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CollectionEvent {
    pub t: f64,
    pub generation: usize,
    pub unreachable: usize,
    pub uncollectable: usize,
    pub duration: f64,
}

/// The arena map at one moment.
#[derive(Debug, Clone)]
pub struct MapCapture {
    pub t: f64,
    pub bytes: usize,
    pub rows: Vec<ArenaRow>,
}

/// Everything recorded, handed over by `finish`.
#[derive(Debug, Clone)]
pub struct Recording {
    pub duration: f64,
    pub interval: Duration,
    pub timeline: Vec<Sample>,
    pub collections: Vec<CollectionEvent>,
    pub peak_map: Option<MapCapture>,
    pub exit_map: MapCapture,
    /// Estimated totals per source line, and the sampler's mean distance in bytes.
    pub sites: Vec<Site>,
    pub site_sample_bytes: f64,
}

struct Recorder {
    start: Instant,
    interval: Duration,
    next_due: Instant,
    sample_queued: bool,
    timeline: Vec<Sample>,
    collections: Vec<CollectionEvent>,
    peak_map: Option<MapCapture>,
    sites: SiteSampler,
}

impl Recorder {
    fn seconds(&self, at: Instant) -> f64 {
        at.duration_since(self.start).as_secs_f64()
    }
}

thread_local! {
    static RECORDING: Cell<bool> = const { Cell::new(false) };
    /// Bytes to allocate before the next allocation-site sample: the one thing the hook
    /// updates on every allocation (a counter with no destructor: no lazy-init check).
    static UNTIL_SITE_SAMPLE: Cell<i64> = const { Cell::new(i64::MAX) };
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static STATE: std::mem::ManuallyDrop<RefCell<Option<Recorder>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(None)) };
}

/// Whether a report is being recorded (the only cost of the hooks when it is not).
#[inline(always)]
pub fn is_recording() -> bool {
    RECORDING.with(Cell::get)
}

/// Starts recording with heap samples at most every `interval` and allocation sites sampled
/// every `site_sample_bytes` on average; takes the first heap sample at once.
pub fn start(interval: Duration, site_sample_bytes: u64) {
    let now = Instant::now();
    let mut sites = SiteSampler::new(site_sample_bytes);
    UNTIL_SITE_SAMPLE.with(|c| c.set(sites.next_countdown()));
    let r = Recorder {
        start: now,
        interval,
        next_due: now,
        sample_queued: false,
        timeline: Vec::new(),
        collections: Vec::new(),
        peak_map: None,
        sites,
    };
    STATE.with(|s| *s.borrow_mut() = Some(r));
    RECORDING.with(|r| r.set(true));
    take_sample();
}

/// The allocation hook: counts `size` down to the next allocation-site sample. The sample
/// (every few KiB allocated) also looks at the clock and queues a heap sample when one is due.
#[inline]
pub fn on_alloc(size: usize) {
    let due = UNTIL_SITE_SAMPLE.with(|c| {
        let left = c.get() - size as i64;
        c.set(left);
        left <= 0
    });
    if due {
        on_site_sample(size);
    }
}

#[cold]
fn on_site_sample(size: usize) {
    STATE.with(|s| {
        let mut guard = s.borrow_mut();
        let Some(r) = guard.as_mut() else { return };
        r.sites.charge(super::tracemalloc::innermost_line(), size);
        let next = r.sites.next_countdown();
        UNTIL_SITE_SAMPLE.with(|c| c.set(next));
        if !r.sample_queued && Instant::now() >= r.next_due {
            r.sample_queued = true;
            pending::push(PendingCall::MemSample);
        }
    })
}

/// The collector's hook: logs a finished collection.
pub fn on_collection(result: &CollectResult) {
    STATE.with(|s| {
        if let Some(r) = s.borrow_mut().as_mut() {
            let t = r.seconds(Instant::now());
            if r.collections.len() >= MAX_COLLECTIONS {
                let mut young = 0usize;
                r.collections.retain(|c| {
                    young += usize::from(c.generation == 0);
                    c.generation != 0 || young % 2 == 1
                });
            }
            r.collections.push(CollectionEvent {
                t,
                generation: result.generation,
                unreachable: result.unreachable,
                uncollectable: result.uncollectable,
                duration: result.elapsed,
            });
        }
    })
}

/// Takes one sample now (the VM calls this for a queued `MemSample`, at an instruction
/// boundary). Keeps the arena map if the heap is bigger than at any earlier sample.
pub fn take_sample() {
    let began = Instant::now();
    let (bytes, arenas) = with_obmalloc(|m| (m.bytes_in_use(), m.arenas_held()));
    let generations = generation_sizes();
    STATE.with(|s| {
        let mut guard = s.borrow_mut();
        let Some(r) = guard.as_mut() else { return };
        r.sample_queued = false;
        let t = r.seconds(began);
        if r.timeline.len() >= MAX_SAMPLES {
            let mut i = 0usize;
            r.timeline.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            r.interval *= 2;
        }
        r.timeline.push(Sample {
            t,
            bytes,
            arenas,
            generations,
        });
        if r.peak_map.as_ref().is_none_or(|m| bytes > m.bytes) {
            let rows = with_obmalloc(|m| m.arena_map());
            r.peak_map = Some(MapCapture { t, bytes, rows });
        }
        let cost = began.elapsed();
        r.next_due = Instant::now() + r.interval.max(cost * SAMPLE_COST_FACTOR);
    })
}

/// Stops recording: takes a last sample and the arena map at exit, and returns the data.
/// `None` if nothing was being recorded.
pub fn finish() -> Option<Recording> {
    if !is_recording() {
        return None;
    }
    take_sample();
    RECORDING.with(|r| r.set(false));
    let r = STATE.with(|s| s.borrow_mut().take())?;
    UNTIL_SITE_SAMPLE.with(|c| c.set(i64::MAX));
    let site_sample_bytes = r.sites.mean_bytes();
    let duration = r.seconds(Instant::now());
    let sites = r.sites.into_sites();
    let (bytes, rows) = with_obmalloc(|m| (m.bytes_in_use(), m.arena_map()));
    Some(Recording {
        duration,
        interval: r.interval,
        timeline: r.timeline,
        collections: r.collections,
        peak_map: r.peak_map,
        exit_map: MapCapture {
            t: duration,
            bytes,
            rows,
        },
        sites,
        site_sample_bytes,
    })
}
