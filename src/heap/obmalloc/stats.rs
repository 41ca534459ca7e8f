//! Allocator statistics and the obmalloc part of `sys._debugmallocstats()`.
//!
//! Statistics are computed on demand by walking the arena table, as CPython does, so the fast
//! paths keep no per-class counters. Report layout (column widths, the 35-column labels with a
//! 21-column comma-grouped value after `=`) follows CPython 3.11's output.

use std::fmt::Write as _;

use super::{
    class_size, pool_capacity, Obmalloc, PoolHeader, ARENA_SIZE, NB_SMALL_SIZE_CLASSES,
    POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD,
};

/// Per size class: pools holding at least one live block (used or full) and their blocks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    pub pools_in_use: usize,
    pub blocks_in_use: usize,
    /// Blocks of those pools not handed out (free-listed or not yet carved).
    pub avail_blocks: usize,
}

/// A snapshot of the allocator's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MallocStats {
    pub classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    /// Arenas ever taken from the system.
    pub arenas_allocated_total: usize,
    /// Arenas given back to the system.
    pub arenas_reclaimed: usize,
    /// Most arenas held at once.
    pub arenas_highwater: usize,
    /// Arenas held now.
    pub arenas_current: usize,
    /// Pools of held arenas that hold no live block (empty or never touched).
    pub free_pools: usize,
    /// Σ class size × blocks in use.
    pub bytes_in_allocated_blocks: usize,
    /// Σ class size × available blocks of pools in use.
    pub bytes_in_available_blocks: usize,
    pub bytes_lost_to_pool_headers: usize,
    /// Tail of each pool in use too small for one more block.
    pub bytes_lost_to_quantization: usize,
    /// Always 0: arenas are allocated pool-aligned (CPython's can lose a pool to alignment).
    pub bytes_lost_to_arena_alignment: usize,
    /// Live allocations over `SMALL_REQUEST_THRESHOLD` and their requested bytes.
    pub large_allocations: usize,
    pub large_bytes: usize,
    /// Bytes handed out now (class sizes for small blocks) and the peak of that.
    pub bytes_in_use: usize,
    pub peak_bytes: usize,
    pub limit: Option<usize>,
}

impl Obmalloc {
    /// Walks every held arena and returns the statistics. O(arenas × pools per arena).
    pub fn stats(&self) -> MallocStats {
        let mut s = MallocStats {
            arenas_allocated_total: self.ntimes_arena_allocated,
            arenas_reclaimed: self.ntimes_arena_allocated - self.narenas_currently_allocated,
            arenas_highwater: self.narenas_highwater,
            large_allocations: self.large_count,
            large_bytes: self.large_bytes,
            bytes_in_use: self.bytes_in_use,
            peak_bytes: self.peak_bytes,
            limit: (self.limit != usize::MAX).then_some(self.limit),
            ..MallocStats::default()
        };
        for arena in self.arenas.as_slice() {
            if arena.address.is_null() {
                continue;
            }
            s.arenas_current += 1;
            s.free_pools += arena.nfreepools as usize;
            if !arena.address.addr().is_multiple_of(POOL_SIZE) {
                s.bytes_lost_to_arena_alignment += POOL_SIZE;
            }
            let touched = (arena.pool_address.addr() - arena.address.addr()) / POOL_SIZE;
            for i in 0..touched {
                let pool = arena
                    .address
                    .wrapping_add(i * POOL_SIZE)
                    .cast::<PoolHeader>();
                // SAFETY: pools below `pool_address` have initialised headers, and `&self`
                // excludes any concurrent change to them.
                let (count, class) = unsafe { ((*pool).count as usize, (*pool).szidx as usize) };
                if count == 0 {
                    continue; // empty: counted in `nfreepools`
                }
                let c = &mut s.classes[class];
                c.pools_in_use += 1;
                c.blocks_in_use += count;
                c.avail_blocks += pool_capacity(class) - count;
            }
        }
        for (class, c) in s.classes.iter().enumerate() {
            let size = class_size(class);
            s.bytes_in_allocated_blocks += c.blocks_in_use * size;
            s.bytes_in_available_blocks += c.avail_blocks * size;
            s.bytes_lost_to_pool_headers += c.pools_in_use * POOL_OVERHEAD;
            s.bytes_lost_to_quantization += c.pools_in_use * ((POOL_SIZE - POOL_OVERHEAD) % size);
        }
        s
    }

    /// Blocks handed out and not yet freed: small blocks of every pool plus live large
    /// allocations, as CPython's `_Py_GetAllocatedBlocks` counts them (`-X showrefcount`).
    pub fn allocated_blocks(&self) -> usize {
        let s = self.stats();
        s.classes.iter().map(|c| c.blocks_in_use).sum::<usize>() + s.large_allocations
    }

    /// The obmalloc part of `sys._debugmallocstats()`, in CPython's layout.
    pub fn debug_malloc_stats(&self) -> String {
        self.stats().report()
    }
}

impl MallocStats {
    /// The obmalloc part of `sys._debugmallocstats()` for this snapshot.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes."
        );
        out.push_str("\nclass   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for (class, c) in self.classes.iter().enumerate() {
            if c.pools_in_use == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{class:5} {:6} {:11} {:15} {:13}",
                class_size(class),
                c.pools_in_use,
                c.blocks_in_use,
                c.avail_blocks
            );
        }
        out.push('\n');
        line(
            &mut out,
            "# arenas allocated total",
            self.arenas_allocated_total,
        );
        line(&mut out, "# arenas reclaimed", self.arenas_reclaimed);
        line(&mut out, "# arenas highwater mark", self.arenas_highwater);
        line(&mut out, "# arenas allocated current", self.arenas_current);
        line(
            &mut out,
            &format!("{} arenas * {ARENA_SIZE} bytes/arena", self.arenas_current),
            self.arenas_current * ARENA_SIZE,
        );
        out.push('\n');
        let mut total = 0;
        total += line(
            &mut out,
            "# bytes in allocated blocks",
            self.bytes_in_allocated_blocks,
        );
        total += line(
            &mut out,
            "# bytes in available blocks",
            self.bytes_in_available_blocks,
        );
        total += line(
            &mut out,
            &format!("{} unused pools * {POOL_SIZE} bytes", self.free_pools),
            self.free_pools * POOL_SIZE,
        );
        total += line(
            &mut out,
            "# bytes lost to pool headers",
            self.bytes_lost_to_pool_headers,
        );
        total += line(
            &mut out,
            "# bytes lost to quantization",
            self.bytes_lost_to_quantization,
        );
        total += line(
            &mut out,
            "# bytes lost to arena alignment",
            self.bytes_lost_to_arena_alignment,
        );
        line(&mut out, "Total", total);
        out
    }
}

/// One `label = value` line: the label padded to 35 columns, the value comma-grouped and
/// right-aligned in 21. Returns `value` so totals can be summed as lines are written.
fn line(out: &mut String, label: &str, value: usize) -> usize {
    let _ = writeln!(out, "{label:<35}={:>21}", with_commas(value));
    value
}

pub(super) fn with_commas(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}
