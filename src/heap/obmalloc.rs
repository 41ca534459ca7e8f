//! obmalloc: the small-object allocator that every Python object and every piece of variable
//! storage (list item arrays, dict tables, str/bytes data) comes from — a model of CPython's
//! `Objects/obmalloc.c`, written from its design.
//!
//! Owns: the arenas (256 KiB, each its own `mmap`, see `system`), the 4 KiB pools carved from them, the
//! per-class `usedpools` lists, the arena table with its `usable_arenas` list, the list of large
//! allocations (requests over 512 bytes, passed to the system allocator), and the byte accounting
//! (in use, peak, limit). This file holds the size classes, the pools and the public API; the
//! arena table and the ordering of `usable_arenas` are in `arena`, large blocks in `large`,
//! statistics and the `sys._debugmallocstats()` report in `stats`, and the debug-only structure
//! validator in `validate`.
//!
//! # Size classes
//!
//! ```text
//!   request (bytes)   block size   class
//!   ---------------   ----------   -----
//!        0 .. 16          16          0      (a 0-byte request still gets a block)
//!       17 .. 32          32          1
//!       33 .. 48          48          2
//!         ...            ...        ...
//!      497 .. 512        512         31
//!      513 ..         system allocator (std::alloc, align 16, a 32-byte list header in front)
//! ```
//!
//! # Pool state machine
//!
//! A pool is a 4 KiB, 4 KiB-aligned slice of an arena; it starts with a `PoolHeader` and serves
//! blocks of a single class, the first one at `POOL_OVERHEAD` (the header rounded up to 16).
//!
//! ```text
//!                    alloc needs a pool             its last free block is handed out
//!   untouched/empty ──────────────────────► used ──────────────────────────────────► full
//!          ▲                                │  ▲                                      │
//!          └──── its last block is freed ───┘  └───────── one of its blocks is freed ─┘
//! ```
//!
//! - **untouched**: at or above its arena's `pool_address`; the header was never written.
//! - **empty**: `count == 0`; on its arena's `freepools` list (singly linked through `nextpool`).
//!   The header still names its last class, so reusing it for that class skips initialisation.
//! - **used**: `0 < count < capacity`, `freeblock` non-null; on the circular doubly-linked list
//!   `usedpools[class]`. Allocation always pops from the pool `usedpools[class]` points at.
//! - **full**: `count == capacity`, `freeblock` null; on no list (found again by address masking
//!   when one of its blocks is freed, and then linked at the front of `usedpools[class]`).
//!
//! # Invariants
//!
//! 1. A pool's free list holds only blocks of that pool not handed out; the uncarved tail
//!    `nextoffset..=maxnextoffset` holds the rest, so `count + free list + uncarved == capacity`.
//! 2. An arena is on `usable_arenas` iff it holds at least one untouched or empty pool
//!    (`nfreepools > 0`); the list is sorted by `nfreepools` ascending (most used first, so that
//!    allocation drains nearly-empty arenas), and `nfp2lasta[n]` is the last arena on it with
//!    `nfreepools == n` (`NONE` if there is none), which keeps re-sorting O(1).
//! 3. An arena whose pools are all free is returned to the system at once, except that (as in
//!    CPython 3.9+) a wholly free arena that is last on `usable_arenas` is kept, so at most one
//!    empty arena is ever held (`KEEP_ONE_EMPTY_ARENA`). Arena table entries are reused through
//!    `unused_arena_objects`.
//! 4. `bytes_in_use` = Σ class size of live small blocks + Σ requested size of live large blocks,
//!    and `peak_bytes >= bytes_in_use`. An allocation that would take `bytes_in_use` past the limit
//!    fails. Arenas themselves are not charged.
//! 5. Every pool and block pointer is derived from its arena's allocation pointer (strict
//!    provenance: no integer-to-pointer casts), so the code is checkable by Miri.
//!
//! With the `heap-debug` feature, every block on a free list (or in the uncarved tail once
//! carved) is filled with 0xDD after its link word, and is checked to still be so when handed out
//! (catching writes after free); every block handed out is filled with 0xCD.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(clippy::undocumented_unsafe_blocks)]

use std::mem::size_of;
use std::ptr::{self, NonNull};

mod arena;
mod large;
mod map;
mod stats;
mod system;
#[cfg(test)]
mod tests;
#[cfg(any(test, feature = "heap-debug"))]
mod validate;

use arena::ArenaTable;
use large::{large_layout, LargeHeader};
pub use map::{ArenaRow, PoolState, POOLS_PER_ARENA};
pub use stats::{ClassStats, MallocStats};

// ---------------------------------------------------------------------------------------------
// Tunables. Everything else is derived from these and checked below.
// ---------------------------------------------------------------------------------------------

/// Alignment of every block, and the step between size classes.
pub const ALIGNMENT: usize = 16;
const ALIGNMENT_SHIFT: u32 = ALIGNMENT.trailing_zeros();
/// Largest request served from pools; larger ones go to the system allocator.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Size and alignment of a pool.
pub const POOL_SIZE: usize = 4096;
/// Size of an arena. (CPython 3.10+ uses 1 MiB arenas of 16 KiB pools on 64-bit platforms when
/// its radix tree is enabled; the project's design fixes the older 256 KiB / 4 KiB numbers.)
pub const ARENA_SIZE: usize = 256 * 1024;
/// Arenas are requested from the system aligned to a pool, so all of their pools are usable.
/// CPython takes arenas from `mmap` too (or an unaligned `malloc` where there is none) and, when
/// the start is not pool-aligned, loses the partial first pool ("bytes lost to arena alignment",
/// always 0 here).
const ARENA_ALIGN: usize = POOL_SIZE;
const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// Arena table entries allocated the first time an arena is needed (the table then doubles).
const INITIAL_ARENA_OBJECTS: usize = 16;
/// Keep a wholly free arena when it is the last one on `usable_arenas` (it has the most free
/// pools, so no other arena is wholly free), instead of returning it to the system. CPython does
/// this since 3.9 (bpo-37257): without it, a loop that allocates and frees one block while no
/// other block lives in the newest arena takes a fresh arena from the system on every iteration
/// (measured here: ~9.6 µs per alloc/free pair instead of ~9 ns). `false` returns every wholly
/// free arena at once, so that freeing everything leaves no arena held.
const KEEP_ONE_EMPTY_ARENA: bool = true;

/// Bytes of the pool header, rounded up so the first block is aligned.
const POOL_OVERHEAD: usize = round_up(size_of::<PoolHeader>(), ALIGNMENT);
/// The free-list link stored at the start of each free block.
const LINK_SIZE: usize = size_of::<*mut u8>();
/// Bytes in front of each large allocation (its links in the large list and its size).
const LARGE_HEADER: usize = size_of::<LargeHeader>();

const _: () = assert!(ALIGNMENT.is_power_of_two() && 1 << ALIGNMENT_SHIFT == ALIGNMENT);
const _: () = assert!(SMALL_REQUEST_THRESHOLD.is_multiple_of(ALIGNMENT));
const _: () = assert!(NB_SMALL_SIZE_CLASSES == 32);
const _: () = assert!(POOL_SIZE.is_power_of_two() && POOL_SIZE <= u32::MAX as usize);
const _: () =
    assert!(ARENA_SIZE.is_multiple_of(POOL_SIZE) && ARENA_ALIGN.is_multiple_of(POOL_SIZE));
// Every class fits at least two blocks in a pool, so a pool never goes straight full <-> empty.
const _: () = assert!(POOL_OVERHEAD + 2 * SMALL_REQUEST_THRESHOLD <= POOL_SIZE);
// The smallest block can hold the free-list link; the header and blocks stay aligned.
const _: () = assert!(LINK_SIZE <= ALIGNMENT && std::mem::align_of::<PoolHeader>() <= ALIGNMENT);
const _: () = assert!(
    POOL_OVERHEAD == 48,
    "same header size as CPython's pool_header on 64-bit"
);
const _: () = assert!(
    LARGE_HEADER.is_multiple_of(ALIGNMENT) && std::mem::align_of::<LargeHeader>() <= ALIGNMENT
);

/// Pattern of a block just handed out (heap-debug).
#[cfg(feature = "heap-debug")]
const CLEANBYTE: u8 = 0xCD;
/// Pattern of a free block after its link word (heap-debug).
#[cfg(feature = "heap-debug")]
const DEADBYTE: u8 = 0xDD;

/// "No arena" in the `u32` arena links.
const NONE: u32 = u32::MAX;

const fn round_up(n: usize, to: usize) -> usize {
    (n + to - 1) & !(to - 1)
}

/// The class serving `size` bytes, for `size <= SMALL_REQUEST_THRESHOLD`, or `None`.
#[inline]
pub fn size_class_of(size: usize) -> Option<usize> {
    if size > SMALL_REQUEST_THRESHOLD {
        None
    } else {
        Some(small_class(size))
    }
}

/// Block size of a size class: class `i` serves `(i + 1) * 16` bytes.
#[inline]
pub const fn class_size(class: usize) -> usize {
    debug_assert!(class < NB_SMALL_SIZE_CLASSES);
    (class + 1) << ALIGNMENT_SHIFT
}

/// The class of a small request (0 bytes map to class 0).
#[inline(always)]
fn small_class(size: usize) -> usize {
    debug_assert!(size <= SMALL_REQUEST_THRESHOLD);
    (size.max(1) - 1) >> ALIGNMENT_SHIFT
}

/// Blocks of class `class` that fit in one pool.
#[inline]
const fn pool_capacity(class: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / class_size(class)
}

/// The header of the pool holding `block`: pools are pool-aligned, so masking the address finds
/// it. The result keeps `block`'s provenance (the arena allocation).
#[inline(always)]
fn pool_of(block: *mut u8) -> *mut PoolHeader {
    block
        .map_addr(|a| a & !(POOL_SIZE - 1))
        .cast::<PoolHeader>()
}

// ---------------------------------------------------------------------------------------------
// Data structures.
// ---------------------------------------------------------------------------------------------

/// Header at the start of every pool that has been used (same fields as CPython's
/// `pool_header`). Only ever accessed through raw pointers: pool memory also holds blocks that
/// callers own.
#[repr(C)]
struct PoolHeader {
    /// Blocks of this pool currently handed out.
    count: u32,
    /// First free block; null iff the pool is full.
    freeblock: *mut u8,
    /// Next pool: on `usedpools[szidx]` (circular) or on the arena's `freepools` (null-ended).
    nextpool: *mut PoolHeader,
    /// Previous pool on `usedpools[szidx]`; unused elsewhere.
    prevpool: *mut PoolHeader,
    /// Index of the owning arena in the arena table.
    arenaindex: u32,
    /// Size class (kept while the pool is empty, so a reuse for the same class is cheap).
    szidx: u32,
    /// Offset of the next never-used block.
    nextoffset: u32,
    /// Largest offset at which a whole block still fits.
    maxnextoffset: u32,
}

/// The allocator. One per interpreter (the heap keeps it in a thread-local); not `Send`.
///
/// There is deliberately no `Drop`: blocks may still be referenced when an owner goes away, and a
/// `const`-initialised thread-local without drop glue needs no destructor. Call
/// [`Obmalloc::release_all`] to give everything back.
pub struct Obmalloc {
    /// Per class: the pool to allocate from next, on a circular list of used pools; null if none.
    usedpools: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
    arenas: ArenaTable,
    /// Head of the table entries that hold no arena (linked through `nextarena`).
    unused_arena_objects: u32,
    /// Head of the arenas with free pools, sorted by `nfreepools` ascending.
    usable_arenas: u32,
    /// `nfp2lasta[n]`: the last arena on `usable_arenas` with exactly `n` free pools.
    nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    narenas_currently_allocated: usize,
    ntimes_arena_allocated: usize,
    narenas_highwater: usize,
    large_head: *mut LargeHeader,
    large_count: usize,
    large_bytes: usize,
    bytes_in_use: usize,
    peak_bytes: usize,
    /// Byte limit; `usize::MAX` means none.
    limit: usize,
}

impl Default for Obmalloc {
    fn default() -> Self {
        Obmalloc::new()
    }
}

impl Obmalloc {
    /// An allocator holding nothing; allocates nothing until first used.
    pub const fn new() -> Obmalloc {
        Obmalloc {
            usedpools: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
            arenas: ArenaTable {
                ptr: ptr::null_mut(),
                len: 0,
            },
            unused_arena_objects: NONE,
            usable_arenas: NONE,
            nfp2lasta: [NONE; MAX_POOLS_IN_ARENA + 1],
            narenas_currently_allocated: 0,
            ntimes_arena_allocated: 0,
            narenas_highwater: 0,
            large_head: ptr::null_mut(),
            large_count: 0,
            large_bytes: 0,
            bytes_in_use: 0,
            peak_bytes: 0,
            limit: usize::MAX,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Public entry points.
    // -----------------------------------------------------------------------------------------

    /// Allocates `size` bytes, 16-byte aligned and uninitialised. `None` when the limit would be
    /// exceeded, the system is out of memory, or the size is unrepresentable.
    #[inline]
    pub fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        if size > SMALL_REQUEST_THRESHOLD {
            return self.alloc_large(size);
        }
        let class = small_class(size);
        let block_size = class_size(class);
        // Live bytes are bounded by the address space, so this sum cannot overflow.
        if self.bytes_in_use + block_size > self.limit {
            return None;
        }
        let pool = self.usedpools[class];
        let block = if pool.is_null() {
            self.alloc_from_new_pool(class)?
        } else {
            // SAFETY: a non-null `usedpools` entry is a used pool of this class (invariant), so
            // its header is initialised and its free list is non-empty.
            unsafe { self.pop_block(pool) }
        };
        self.charge(block_size);
        #[cfg(feature = "heap-debug")]
        {
            // SAFETY: `block` is a fresh block of `block_size` bytes.
            unsafe { ptr::write_bytes(block, CLEANBYTE, block_size) };
        }
        // SAFETY: blocks lie inside arenas, which are never at address 0.
        Some(unsafe { NonNull::new_unchecked(block) })
    }

    /// Frees a block.
    ///
    /// # Safety
    /// `ptr` was returned by `alloc` or `realloc` of this allocator for a request of exactly
    /// `size` bytes (a later `realloc` replaces both), it has not been freed since, and neither it
    /// nor any pointer derived from it is used afterwards.
    #[inline]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>, size: usize) {
        if size > SMALL_REQUEST_THRESHOLD {
            // SAFETY: forwarded contract; large requests came from `alloc_large`.
            unsafe { self.free_large(ptr, size) };
            return;
        }
        let class = small_class(size);
        let block = ptr.as_ptr();
        let pool = pool_of(block);
        // SAFETY: by the contract `block` is a live block of class `class`, so `pool` is the
        // initialised header of a used or full pool of a live arena, and the block has room for
        // the link word. The caller no longer uses the block, so writing into it is exclusive.
        unsafe {
            debug_assert_eq!(
                (*pool).szidx as usize,
                class,
                "obmalloc: freed with a wrong size"
            );
            #[cfg(feature = "heap-debug")]
            {
                assert!(
                    (*pool).count > 0,
                    "obmalloc: free in a pool with no live block"
                );
                ptr::write_bytes(
                    block.add(LINK_SIZE),
                    DEADBYTE,
                    class_size(class) - LINK_SIZE,
                );
            }
            let lastfree = (*pool).freeblock;
            block.cast::<*mut u8>().write(lastfree);
            (*pool).freeblock = block;
            (*pool).count -= 1;
            self.bytes_in_use -= class_size(class);
            if lastfree.is_null() || (*pool).count == 0 {
                self.free_changes_pool_state(pool);
            }
        }
    }

    /// Resizes a block, keeping its first `min(old_size, new_size)` bytes. Within a size class the
    /// pointer stays the same; otherwise the contents move to a new block (large blocks are
    /// resized by the system allocator). On `None` the old block is untouched and still live.
    ///
    /// # Safety
    /// As for [`Obmalloc::free`] with `old_size`; on success the old pointer must not be used
    /// again, and the result must later be freed with `new_size`.
    pub unsafe fn realloc(
        &mut self,
        ptr: NonNull<u8>,
        old_size: usize,
        new_size: usize,
    ) -> Option<NonNull<u8>> {
        match (size_class_of(old_size), size_class_of(new_size)) {
            (Some(a), Some(b)) if a == b => return Some(ptr),
            // SAFETY: forwarded contract; both sizes are large.
            (None, None) => return unsafe { self.realloc_large(ptr, old_size, new_size) },
            _ => {}
        }
        let new = self.alloc(new_size)?;
        // SAFETY: the old block has `old_size` valid bytes, the new one `new_size`; distinct live
        // blocks never overlap. Then the old block is freed under the caller's contract.
        unsafe {
            ptr::copy_nonoverlapping(ptr.as_ptr(), new.as_ptr(), old_size.min(new_size));
            self.free(ptr, old_size);
        }
        Some(new)
    }

    /// Sets (or with `None` removes) the limit on bytes handed out. Lowering it below the bytes
    /// already in use frees nothing; allocations fail until enough is freed.
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.limit = limit.unwrap_or(usize::MAX);
    }

    /// The byte limit, if one is set.
    pub fn limit(&self) -> Option<usize> {
        (self.limit != usize::MAX).then_some(self.limit)
    }

    /// Bytes currently handed out: class sizes for small blocks, requested sizes for large ones.
    pub fn bytes_in_use(&self) -> usize {
        self.bytes_in_use
    }

    /// Arenas taken from the system and not given back.
    pub fn arenas_held(&self) -> usize {
        self.narenas_currently_allocated
    }

    /// Highest `bytes_in_use` since creation or the last `reset_peak`.
    pub fn peak_bytes(&self) -> usize {
        self.peak_bytes
    }

    pub fn reset_peak(&mut self) {
        self.peak_bytes = self.bytes_in_use;
    }

    /// Frees every arena, every large block and the arena table, and returns to the state of
    /// [`Obmalloc::new`] (no limit, zero counters).
    ///
    /// # Safety
    /// No block handed out by this allocator may be used (or freed) afterwards.
    pub unsafe fn release_all(&mut self) {
        let mut large = self.large_head;
        while !large.is_null() {
            // SAFETY: `large` is a live large allocation on our list; its header is intact, and
            // its layout is rebuilt from the size recorded when it was allocated.
            unsafe {
                let next = (*large).next;
                let layout = large_layout((*large).size).expect("validated when allocated");
                std::alloc::dealloc(large.cast::<u8>(), layout);
                large = next;
            }
        }
        for arena in self.arenas.as_slice() {
            if !arena.address.is_null() {
                // SAFETY: a non-null address is a live arena from `alloc_arena_memory`; no block
                // of it is used afterwards (the contract of this function).
                unsafe { system::free_arena_memory(arena.address) };
            }
        }
        self.arenas.release();
        *self = Obmalloc::new();
    }

    // -----------------------------------------------------------------------------------------
    // Small blocks: fast-path helpers.
    // -----------------------------------------------------------------------------------------

    #[inline(always)]
    fn charge(&mut self, bytes: usize) {
        self.bytes_in_use += bytes;
        if self.bytes_in_use > self.peak_bytes {
            self.peak_bytes = self.bytes_in_use;
        }
    }

    /// Takes the first free block of a used pool.
    ///
    /// # Safety
    /// `pool` is a used pool (initialised header, non-empty free list) on `usedpools`.
    #[inline(always)]
    unsafe fn pop_block(&mut self, pool: *mut PoolHeader) -> *mut u8 {
        // SAFETY: per the contract, `freeblock` is a free block of this pool whose first word is
        // the next link (null or another free block of the pool).
        unsafe {
            let block = (*pool).freeblock;
            #[cfg(feature = "heap-debug")]
            check_still_dead(block, class_size((*pool).szidx as usize));
            let next = block.cast::<*mut u8>().read();
            (*pool).freeblock = next;
            (*pool).count += 1;
            if next.is_null() {
                self.pool_extend(pool);
            }
            block
        }
    }

    // -----------------------------------------------------------------------------------------
    // Small blocks: slow paths (pool state transitions).
    // -----------------------------------------------------------------------------------------

    /// The free list of a used pool ran dry: carve the next untouched block, or, if there is
    /// none, the pool is full and leaves `usedpools` (used → full).
    ///
    /// # Safety
    /// `pool` is on `usedpools[szidx]` with an initialised header and an empty free list.
    #[cold]
    #[inline(never)]
    unsafe fn pool_extend(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the header is initialised; `nextoffset <= maxnextoffset` means a whole block
        // fits at `nextoffset` inside the pool, and that block has never been handed out.
        unsafe {
            let offset = (*pool).nextoffset;
            if offset <= (*pool).maxnextoffset {
                let size = class_size((*pool).szidx as usize);
                let block = pool.cast::<u8>().add(offset as usize);
                (*pool).nextoffset = offset + size as u32;
                init_free_block(block, size);
                (*pool).freeblock = block;
            } else {
                self.unlink_used(pool);
            }
        }
    }

    /// `usedpools[class]` is empty: take a pool from the arenas, make it a used pool of `class`,
    /// and allocate from it. `None` if the system refuses a new arena.
    #[cold]
    #[inline(never)]
    fn alloc_from_new_pool(&mut self, class: usize) -> Option<*mut u8> {
        let (pool, ai, was_empty) = self.take_pool()?;
        // SAFETY: an empty pool's header is initialised.
        let reuse = was_empty && unsafe { (*pool).szidx } as usize == class;
        // SAFETY: `pool` is a pool-aligned, pool-sized region of arena `ai` that is on no list
        // and holds no live block, so its header is ours to (re)write. When it last served
        // `class` (`reuse`), its header and free list are still valid and are kept.
        unsafe {
            if !reuse {
                let size = class_size(class);
                let first = pool.cast::<u8>().add(POOL_OVERHEAD);
                init_free_block(first, size);
                pool.write(PoolHeader {
                    count: 0,
                    freeblock: first,
                    nextpool: ptr::null_mut(),
                    prevpool: ptr::null_mut(),
                    arenaindex: ai,
                    szidx: class as u32,
                    nextoffset: (POOL_OVERHEAD + size) as u32,
                    maxnextoffset: (POOL_SIZE - size) as u32,
                });
            }
            self.link_used_front(class, pool);
            Some(self.pop_block(pool))
        }
    }

    /// A free made `pool` leave its state: full → used (it had no free block) or used → empty
    /// (it has no live block any more).
    ///
    /// # Safety
    /// `pool` has an initialised header and a block was just pushed on its free list.
    #[cold]
    #[inline(never)]
    unsafe fn free_changes_pool_state(&mut self, pool: *mut PoolHeader) {
        // SAFETY: per the contract the header is initialised; a pool with live blocks left was
        // full (on no list), otherwise it was used (on `usedpools`), since the capacity is >= 2.
        unsafe {
            if (*pool).count != 0 {
                self.link_used_front((*pool).szidx as usize, pool);
            } else {
                self.unlink_used(pool);
                self.pool_to_freepools(pool);
            }
        }
    }

    /// Links `pool` at the front of `usedpools[class]`, so it is allocated from next.
    ///
    /// # Safety
    /// `pool` is an initialised pool of `class` on no list.
    unsafe fn link_used_front(&mut self, class: usize, pool: *mut PoolHeader) {
        let head = self.usedpools[class];
        // SAFETY: `head`, if non-null, and its predecessor are pools on the circular list.
        unsafe {
            if head.is_null() {
                (*pool).nextpool = pool;
                (*pool).prevpool = pool;
            } else {
                let tail = (*head).prevpool;
                (*pool).nextpool = head;
                (*pool).prevpool = tail;
                (*tail).nextpool = pool;
                (*head).prevpool = pool;
            }
        }
        self.usedpools[class] = pool;
    }

    /// Takes `pool` off `usedpools[szidx]`.
    ///
    /// # Safety
    /// `pool` is on its class's circular used list.
    unsafe fn unlink_used(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the neighbours of a listed pool are listed pools.
        unsafe {
            let class = (*pool).szidx as usize;
            let next = (*pool).nextpool;
            if next == pool {
                self.usedpools[class] = ptr::null_mut();
            } else {
                let prev = (*pool).prevpool;
                (*prev).nextpool = next;
                (*next).prevpool = prev;
                if self.usedpools[class] == pool {
                    self.usedpools[class] = next;
                }
            }
        }
    }
}

/// Makes `block` (of `size` bytes) a free block ending a free list.
///
/// # Safety
/// `block` is writable for `size >= LINK_SIZE` bytes, aligned, and not handed out.
#[inline(always)]
unsafe fn init_free_block(block: *mut u8, size: usize) {
    // SAFETY: per the contract.
    unsafe {
        block.cast::<*mut u8>().write(ptr::null_mut());
        #[cfg(feature = "heap-debug")]
        ptr::write_bytes(block.add(LINK_SIZE), DEADBYTE, size - LINK_SIZE);
    }
    let _ = size;
}

/// heap-debug: a free block about to be handed out must still hold the dead pattern.
///
/// # Safety
/// `block` is a free block of `size` bytes.
#[cfg(feature = "heap-debug")]
unsafe fn check_still_dead(block: *mut u8, size: usize) {
    // SAFETY: per the contract the block is readable for `size` bytes and nobody else writes it.
    let bytes = unsafe { std::slice::from_raw_parts(block.add(LINK_SIZE), size - LINK_SIZE) };
    if let Some(i) = bytes.iter().position(|&b| b != DEADBYTE) {
        panic!(
            "obmalloc: free block {block:p} ({size} bytes) was written after being freed \
             (byte {} is {:#04x})",
            i + LINK_SIZE,
            bytes[i]
        );
    }
}
