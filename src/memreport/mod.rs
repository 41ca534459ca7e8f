//! `-X memreport=FILE`: the memory report. `heap::memreport` records the run (samples,
//! collections, arena maps, allocation sites); at exit this module adds the allocator's and
//! collector's totals and the per-type census, writes it all as JSON (the shape is in
//! `DATA.md` beside this file) into the page template `report.html`, and saves one
//! self-contained HTML file: inline SVG, CSS and JavaScript, nothing fetched from the network.

mod json;

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::heap::alloc::with_obmalloc;
use crate::heap::census;
use crate::heap::gc::{with_gc, NUM_GENERATIONS};
use crate::heap::memreport::{MapCapture, Recording};
use crate::heap::obmalloc::{class_size, PoolState, NB_SMALL_SIZE_CLASSES};
use crate::heap::site_sampler::Site;
use json::Json;

/// The page; the data replaces `DATA_PLACEHOLDER`, which it contains once.
const TEMPLATE: &str = include_str!("report.html");
const DATA_PLACEHOLDER: &str = "@PYRENA_REPORT_DATA@";
/// Allocation sites kept in the report: the top ones by bytes and by count, this many at most.
const MAX_SITES: usize = 100;

/// What the report says about the run besides the recording.
pub struct RunInfo<'a> {
    pub script: &'a str,
    pub exit_status: i32,
    /// Where the allocation sites' source lines come from.
    pub sources: &'a Sources,
}

/// Builds the report of a finished recording and writes it to `path`.
pub fn write(path: &Path, recording: &Recording, run: &RunInfo) -> std::io::Result<()> {
    std::fs::write(path, render(recording, run))
}

/// The whole HTML page of a recording.
pub fn render(recording: &Recording, run: &RunInfo) -> String {
    page_with_data(&data_json(recording, run))
}

/// The page around a JSON text of the shape in `DATA.md` (`<` must be escaped in it).
pub fn page_with_data(json: &str) -> String {
    TEMPLATE.replacen(DATA_PLACEHOLDER, json, 1)
}

fn data_json(rec: &Recording, run: &RunInfo) -> String {
    let stats = with_obmalloc(|m| m.stats());
    let (collections, collected, uncollectable) = with_gc(|s| {
        let per_gen: [usize; NUM_GENERATIONS] =
            std::array::from_fn(|g| s.stats_collections[g].get());
        let collected: usize = (0..NUM_GENERATIONS)
            .map(|g| s.stats_collected[g].get())
            .sum();
        let uncollectable: usize = (0..NUM_GENERATIONS)
            .map(|g| s.stats_uncollectable[g].get())
            .sum();
        (per_gen, collected, uncollectable)
    });
    let peak_sample = rec.timeline.iter().max_by_key(|s| s.bytes).map(|s| s.t);

    let mut j = Json::new();
    j.begin_object();
    j.key("script").string(run.script);
    j.key("pyrena_version").string(env!("CARGO_PKG_VERSION"));
    j.key("exit_status").int(run.exit_status.into());
    j.key("duration").float(rec.duration);
    j.key("sample_interval_ms")
        .float(rec.interval.as_secs_f64() * 1000.0);
    j.key("site_sample_bytes").float(rec.site_sample_bytes);

    j.key("summary").begin_object();
    j.key("peak_bytes").uint(stats.peak_bytes as u64);
    j.key("peak_time");
    match peak_sample {
        Some(t) => j.float(t),
        None => j.null(),
    };
    j.key("collections").begin_array();
    for n in collections {
        j.uint(n as u64);
    }
    j.end_array();
    j.key("collected").uint(collected as u64);
    j.key("uncollectable").uint(uncollectable as u64);
    j.key("arenas_allocated")
        .uint(stats.arenas_allocated_total as u64);
    j.key("arenas_reclaimed")
        .uint(stats.arenas_reclaimed as u64);
    j.key("arenas_highwater")
        .uint(stats.arenas_highwater as u64);
    // Estimates, as the sites are: the sum of the sampled sites' estimates.
    let allocations: f64 = rec.sites.iter().map(|s| s.count).sum();
    let allocated: f64 = rec.sites.iter().map(|s| s.bytes).sum();
    j.key("allocations").uint(allocations.round() as u64);
    j.key("allocated_bytes").uint(allocated.round() as u64);
    j.end_object();

    j.key("timeline").begin_array();
    for s in &rec.timeline {
        j.begin_object();
        j.key("t").float(s.t);
        j.key("bytes").uint(s.bytes as u64);
        j.key("arenas").uint(s.arenas as u64);
        j.key("gen").begin_array();
        for n in s.generations {
            j.uint(n as u64);
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();

    j.key("collections").begin_array();
    for c in &rec.collections {
        j.begin_object();
        j.key("t").float(c.t);
        j.key("generation").uint(c.generation as u64);
        j.key("unreachable").uint(c.unreachable as u64);
        j.key("collected")
            .uint((c.unreachable - c.uncollectable) as u64);
        j.key("uncollectable").uint(c.uncollectable as u64);
        j.key("duration_ms").float(c.duration * 1000.0);
        j.end_object();
    }
    j.end_array();

    j.key("arena_maps").begin_object();
    j.key("peak");
    match &rec.peak_map {
        Some(m) => write_map(&mut j, m),
        None => {
            j.null();
        }
    }
    j.key("exit");
    write_map(&mut j, &rec.exit_map);
    j.end_object();

    j.key("size_classes").begin_array();
    for c in 0..NB_SMALL_SIZE_CLASSES {
        j.uint(class_size(c) as u64);
    }
    j.end_array();

    j.key("sites").begin_array();
    let mut sources = SourceLines::new(run.sources);
    for site in top_sites(&rec.sites) {
        j.begin_object();
        j.key("file").string(&site.file);
        j.key("line").uint(site.line.into());
        j.key("source")
            .string(sources.line(&site.file, site.line).unwrap_or(""));
        j.key("bytes").uint(site.bytes.round() as u64);
        j.key("count").uint(site.count.round() as u64);
        j.end_object();
    }
    j.end_array();

    j.key("types").begin_array();
    for t in census::live_types() {
        j.begin_object();
        j.key("name").string(&t.name);
        j.key("count").uint(t.count as u64);
        j.key("bytes").uint(t.bytes as u64);
        j.end_object();
    }
    j.end_array();

    j.key("large").begin_object();
    j.key("count").uint(stats.large_allocations as u64);
    j.key("bytes").uint(stats.large_bytes as u64);
    j.end_object();

    j.end_object();
    j.finish()
}

/// `{"t", "bytes", "arenas": [{"address", "pools": [[class, used, capacity] x 64]}]}`, with
/// class -1 for an empty pool and -2 for one never touched.
fn write_map(j: &mut Json, m: &MapCapture) {
    j.begin_object();
    j.key("t").float(m.t);
    j.key("bytes").uint(m.bytes as u64);
    j.key("arenas").begin_array();
    for row in &m.rows {
        j.begin_object();
        j.key("address").string(&format!("{:#x}", row.address));
        j.key("pools").begin_array();
        for pool in &row.pools {
            let (class, used, capacity) = match *pool {
                PoolState::Untouched => (-2, 0, 0),
                PoolState::Empty => (-1, 0, 0),
                PoolState::InUse {
                    class,
                    used,
                    capacity,
                } => (class as i64, used, capacity),
            };
            j.begin_array()
                .int(class)
                .uint(used as u64)
                .uint(capacity as u64)
                .end_array();
        }
        j.end_array();
        j.end_object();
    }
    j.end_array();
    j.end_object();
}

/// The sites worth showing: the top by bytes, then the top by count not already in, up to
/// `MAX_SITES` in all.
fn top_sites(sites: &[Site]) -> Vec<&Site> {
    let mut by_bytes: Vec<&Site> = sites.iter().collect();
    let order = |a: &&Site, b: &&Site, key: fn(&Site) -> f64| {
        key(b)
            .total_cmp(&key(a))
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.line.cmp(&b.line))
    };
    by_bytes.sort_by(|a, b| order(a, b, |s| s.bytes));
    let mut by_count = by_bytes.clone();
    by_count.sort_by(|a, b| order(a, b, |s| s.count));
    let mut out: Vec<&Site> = by_bytes.iter().take(MAX_SITES / 2).copied().collect();
    for s in by_count {
        if out.len() >= MAX_SITES {
            break;
        }
        if !out.iter().any(|o| std::ptr::eq(*o, s)) {
            out.push(s);
        }
    }
    out
}

/// Source text by file name: the VM's table (`Vm::sources`), which holds what tracebacks
/// show — the script and the modules it imported, never files opened behind their back.
pub type Sources = HashMap<String, Rc<str>>;

/// The lines of each file met so far, split once.
struct SourceLines<'a> {
    sources: &'a Sources,
    split: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> SourceLines<'a> {
    fn new(sources: &'a Sources) -> SourceLines<'a> {
        SourceLines {
            sources,
            split: HashMap::new(),
        }
    }

    fn line(&mut self, file: &str, line: u32) -> Option<&'a str> {
        let (name, text) = self.sources.get_key_value(file)?;
        let lines = self
            .split
            .entry(name.as_str())
            .or_insert_with(|| text.lines().collect());
        lines.get((line as usize).checked_sub(1)?).copied()
    }
}
