//! Unit tests of obmalloc: a model-based random test (every byte of every block checked, stats
//! compared with the model after every step), targeted tests of the pool state machine, arena
//! ordering and release, the limit, realloc, the report, heap-debug poisoning, and a
//! hand-run micro-benchmark.

use std::ptr::NonNull;

use super::*;

/// Tiny deterministic generator (64-bit LCG; the high half is returned).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 32
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The contents of the block with id `id`, as 8-byte words (at least `len` bytes' worth):
/// word `j` mixes `id` and `j`, so no two blocks and no two words of a block look alike.
fn pattern_words(id: u64, len: usize) -> Vec<u64> {
    let h = id.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..len.div_ceil(8) as u64)
        .map(|j| h ^ j.wrapping_mul(0xD6E8_FEB8_6659_FD93))
        .collect()
}

/// The first `len` bytes of `words`.
fn first_bytes(words: &[u64], len: usize) -> &[u8] {
    assert!(len <= words.len() * 8);
    // SAFETY: `len` bytes lie within the initialised words (checked above); every byte is a
    // valid `u8` and `u8` needs no alignment.
    unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), len) }
}

// `fill` and `check` touch each block with one copy or comparison of all its bytes rather
// than a loop over them: the same bytes written and compared, but one access each for
// Miri, whose cost per access into a large allocation (an arena) grows with the number of
// blocks in it.

/// Writes the pattern of `id` into the first `len` bytes.
fn fill(ptr: NonNull<u8>, len: usize, id: u64) {
    // SAFETY: callers pass a live block of at least `len` bytes that nothing else accesses.
    let bytes = unsafe { std::slice::from_raw_parts_mut(ptr.as_ptr(), len) };
    bytes.copy_from_slice(first_bytes(&pattern_words(id, len), len));
}

/// Asserts the first `len` bytes still hold the pattern of `id`.
fn check(ptr: NonNull<u8>, len: usize, id: u64) {
    // SAFETY: as in `fill`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.as_ptr(), len) };
    let words = pattern_words(id, len);
    let want = first_bytes(&words, len);
    if bytes != want {
        let i = bytes.iter().zip(want).position(|(b, w)| b != w).unwrap();
        panic!("block {id} ({ptr:p}) corrupted at byte {i} of {len}");
    }
}

/// What a request is charged: its class size if small, its size if large.
fn charge_of(size: usize) -> usize {
    size_class_of(size).map_or(size, class_size)
}

/// Alignment, and for small blocks: inside a 4 KiB-aligned pool of the right class, on a block
/// boundary after the header.
fn check_geometry(ptr: NonNull<u8>, size: usize) {
    let p = ptr.as_ptr();
    assert_eq!(p.addr() % ALIGNMENT, 0, "{p:p} misaligned");
    if let Some(class) = size_class_of(size) {
        let pool = pool_of(p);
        assert_eq!(pool.addr() % POOL_SIZE, 0);
        let off = p.addr() - pool.addr();
        assert!(off >= POOL_OVERHEAD && (off - POOL_OVERHEAD).is_multiple_of(class_size(class)));
        assert!(off + class_size(class) <= POOL_SIZE);
        // SAFETY: `p` is a live small block, so its pool header is initialised.
        assert_eq!(unsafe { (*pool).szidx } as usize, class);
    }
}

struct Block {
    id: u64,
    ptr: NonNull<u8>,
    size: usize,
}

/// The expected state: live blocks and the accounting they imply.
#[derive(Default)]
struct Model {
    live: Vec<Block>,
    next_id: u64,
    per_class: [usize; NB_SMALL_SIZE_CLASSES],
    large_count: usize,
    large_bytes: usize,
    bytes: usize,
    peak: usize,
}

impl Model {
    fn add(&mut self, size: usize) {
        match size_class_of(size) {
            Some(c) => self.per_class[c] += 1,
            None => {
                self.large_count += 1;
                self.large_bytes += size;
            }
        }
        self.bytes += charge_of(size);
        self.peak = self.peak.max(self.bytes);
    }

    fn remove(&mut self, size: usize) {
        match size_class_of(size) {
            Some(c) => self.per_class[c] -= 1,
            None => {
                self.large_count -= 1;
                self.large_bytes -= size;
            }
        }
        self.bytes -= charge_of(size);
    }

    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

/// Asserts the allocator's statistics agree with the model.
fn check_stats(m: &Obmalloc, model: &Model) {
    let s = m.stats();
    for (class, c) in s.classes.iter().enumerate() {
        assert_eq!(
            c.blocks_in_use, model.per_class[class],
            "blocks in use of class {class}"
        );
        assert_eq!(c.pools_in_use == 0, c.blocks_in_use == 0);
    }
    assert_eq!(s.large_allocations, model.large_count);
    assert_eq!(s.large_bytes, model.large_bytes);
    assert_eq!(s.bytes_in_use, model.bytes);
    assert_eq!(m.bytes_in_use(), model.bytes);
    assert_eq!(s.peak_bytes, model.peak);
    assert_eq!(s.bytes_in_allocated_blocks + s.large_bytes, s.bytes_in_use);
    assert_eq!(
        s.arenas_allocated_total,
        s.arenas_current + s.arenas_reclaimed
    );
    assert!(s.arenas_highwater >= s.arenas_current);
    // CPython's report adds up to the arena bytes held.
    let accounted = s.bytes_in_allocated_blocks
        + s.bytes_in_available_blocks
        + s.free_pools * POOL_SIZE
        + s.bytes_lost_to_pool_headers
        + s.bytes_lost_to_quantization
        + s.bytes_lost_to_arena_alignment;
    assert_eq!(accounted, s.arenas_current * ARENA_SIZE);
}

/// Arenas that may stay held once everything is freed.
const RESIDUAL_ARENAS: usize = KEEP_ONE_EMPTY_ARENA as usize;

fn random_size(rng: &mut Lcg) -> usize {
    match rng.below(10) {
        0..=5 => rng.below(601),    // across the threshold
        6..=8 => rng.below(65),     // the many small objects of a real heap
        _ => 513 + rng.below(3000), // large
    }
}

fn free_checked(m: &mut Obmalloc, model: &mut Model, b: Block) {
    check(b.ptr, b.size, b.id);
    // SAFETY: `b` is live, was allocated with `b.size`, and is dropped from the model here.
    unsafe { m.free(b.ptr, b.size) };
    model.remove(b.size);
}

/// Random alloc/free/realloc in waves (grow to `max_live`, shrink towards empty) so that pools
/// go through every state and arenas are drained and returned.
fn run_model(seed: u64, steps: usize, max_live: usize, validate_every: usize) -> MallocStats {
    let mut m = Obmalloc::new();
    let mut rng = Lcg(seed);
    let mut model = Model::default();
    let wave = (steps / 4).max(1);
    for step in 0..steps {
        let growing = (step / wave).is_multiple_of(2);
        let p_alloc = if growing { 80 } else { 10 };
        let r = rng.below(100);
        if model.live.is_empty() || (r >= 15 && r < 15 + p_alloc && model.live.len() < max_live) {
            let size = random_size(&mut rng);
            let ptr = m.alloc(size).expect("no limit set");
            check_geometry(ptr, size);
            let id = model.new_id();
            fill(ptr, size, id);
            model.add(size);
            model.live.push(Block { id, ptr, size });
        } else if r < 15 {
            let i = rng.below(model.live.len());
            let old = &model.live[i];
            let (old_ptr, old_size, old_id) = (old.ptr, old.size, old.id);
            // Some reallocations stay in the class (must keep the pointer).
            let new_size = match (rng.below(4), size_class_of(old_size)) {
                (0, Some(c)) => c * ALIGNMENT + 1 + rng.below(ALIGNMENT),
                _ => random_size(&mut rng),
            };
            // SAFETY: `old` is live with `old_size`; on success the model forgets the old pointer.
            let new = unsafe { m.realloc(old_ptr, old_size, new_size) }.expect("no limit set");
            check_geometry(new, new_size);
            check(new, old_size.min(new_size), old_id);
            let same_class = size_class_of(old_size).is_some()
                && size_class_of(old_size) == size_class_of(new_size);
            if same_class {
                assert_eq!(new, old_ptr);
            } else if size_class_of(old_size).is_some() || size_class_of(new_size).is_some() {
                // alloc + copy + free: both blocks were live for a moment.
                model.peak = model.peak.max(model.bytes + charge_of(new_size));
            }
            model.remove(old_size);
            model.add(new_size);
            let id = model.new_id();
            fill(new, new_size, id);
            model.live[i] = Block {
                id,
                ptr: new,
                size: new_size,
            };
        } else {
            let i = rng.below(model.live.len());
            let b = model.live.swap_remove(i);
            free_checked(&mut m, &mut model, b);
        }
        check_stats(&m, &model);
        if step % validate_every == 0 {
            m.validate();
        }
    }
    m.validate();
    // Drain in random order: arenas empty one by one while others are still in use.
    let mut n = 0;
    while !model.live.is_empty() {
        let i = rng.below(model.live.len());
        let b = model.live.swap_remove(i);
        free_checked(&mut m, &mut model, b);
        check_stats(&m, &model);
        n += 1;
        if n % validate_every == 0 {
            m.validate();
        }
    }
    m.validate();
    let s = m.stats();
    assert_eq!(
        s.arenas_current, RESIDUAL_ARENAS,
        "empty arenas must be returned"
    );
    assert!(s.arenas_allocated_total >= 1);
    assert_eq!(s.classes, [ClassStats::default(); NB_SMALL_SIZE_CLASSES]);
    assert_eq!((s.bytes_in_use, s.large_allocations), (0, 0));
    // SAFETY: no block is live.
    unsafe { m.release_all() };
    s
}

#[test]
fn model_random_alloc_free_realloc() {
    if cfg!(miri) {
        run_model(1, 1_500, 200, 25);
    } else {
        let s = run_model(1, 20_000, 4_000, 97);
        assert!(
            s.arenas_highwater >= 3,
            "the waves must span several arenas"
        );
        assert!(s.arenas_reclaimed >= 2, "draining must return arenas");
        run_model(0xDEAD_BEEF, 10_000, 400, 31);
    }
}

#[test]
fn size_classes() {
    assert_eq!(size_class_of(0), Some(0));
    assert_eq!(size_class_of(1), Some(0));
    assert_eq!(size_class_of(16), Some(0));
    assert_eq!(size_class_of(17), Some(1));
    assert_eq!(size_class_of(100), Some(6));
    assert_eq!(size_class_of(511), Some(31));
    assert_eq!(size_class_of(512), Some(31));
    assert_eq!(size_class_of(513), None);
    assert_eq!(size_class_of(usize::MAX), None);
    for class in 0..NB_SMALL_SIZE_CLASSES {
        assert_eq!(class_size(class), (class + 1) * 16);
        assert_eq!(size_class_of(class_size(class)), Some(class));
    }
    assert_eq!(POOL_OVERHEAD, 48);
    assert_eq!(
        (pool_capacity(0), pool_capacity(6), pool_capacity(31)),
        (253, 36, 7)
    );
}

#[test]
fn pool_moves_between_used_full_and_empty() {
    let mut m = Obmalloc::new();
    let class = 3;
    let size = class_size(class);
    let cap = pool_capacity(class);
    let mut blocks = Vec::new();
    for _ in 0..cap {
        assert!(m.usedpools[class].is_null() || !blocks.is_empty());
        blocks.push(m.alloc(size).unwrap());
    }
    let pool = pool_of(blocks[0].as_ptr());
    assert!(
        blocks.iter().all(|b| pool_of(b.as_ptr()) == pool),
        "one pool serves them all"
    );
    assert_eq!(blocks[0].as_ptr().addr(), pool.addr() + POOL_OVERHEAD);
    assert!(
        m.usedpools[class].is_null(),
        "used -> full leaves usedpools"
    );
    let full = ClassStats {
        pools_in_use: 1,
        blocks_in_use: cap,
        avail_blocks: 0,
    };
    assert_eq!(m.stats().classes[class], full);
    m.validate();

    // full -> used: linked again, and the freed block is the next one handed out.
    let victim = blocks.swap_remove(10);
    // SAFETY: live block of `size` bytes, not used again.
    unsafe { m.free(victim, size) };
    assert_eq!(m.usedpools[class], pool);
    m.validate();
    let again = m.alloc(size - 5).unwrap();
    assert_eq!(again, victim);
    blocks.push(again);
    assert!(m.usedpools[class].is_null());

    // A second pool; freeing its only block makes it empty, but the arena stays.
    let extra = m.alloc(size).unwrap();
    assert_ne!(pool_of(extra.as_ptr()), pool);
    assert_eq!(m.stats().classes[class].pools_in_use, 2);
    // SAFETY: live block, not used again.
    unsafe { m.free(extra, size) };
    let s = m.stats();
    assert_eq!(
        (s.classes[class].pools_in_use, s.free_pools),
        (1, MAX_POOLS_IN_ARENA - 1)
    );
    m.validate();

    // used -> empty for the last pool: the arena is wholly free and goes back.
    for b in blocks {
        // SAFETY: live blocks of `size` bytes.
        unsafe { m.free(b, size) };
    }
    m.validate();
    let s = m.stats();
    assert_eq!(s.arenas_current, RESIDUAL_ARENAS);
    assert_eq!((s.arenas_allocated_total, s.arenas_highwater), (1, 1));
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn empty_pool_is_reused_for_its_class_or_reinitialised() {
    let mut m = Obmalloc::new();
    let keep = m.alloc(512).unwrap(); // holds the arena
    let a = m.alloc(16).unwrap();
    let pool_b = pool_of(a.as_ptr());
    // SAFETY: each freed block is live with the size it was allocated with and not used again.
    unsafe { m.free(a, 16) };
    m.validate();
    let b = m.alloc(10).unwrap();
    assert_eq!(b, a, "same class: the kept free list is reused");
    // SAFETY: as above.
    unsafe { m.free(b, 10) };
    let c = m.alloc(100).unwrap();
    assert_eq!(
        pool_of(c.as_ptr()),
        pool_b,
        "empty pool taken before an untouched one"
    );
    assert_eq!(c.as_ptr().addr(), pool_b.addr() + POOL_OVERHEAD);
    // SAFETY: pool_b is a touched pool holding `c`.
    assert_eq!(unsafe { (*pool_b).szidx }, 6);
    m.validate();
    // SAFETY: as above.
    unsafe {
        m.free(c, 100);
        m.free(keep, 512);
    }
    assert_eq!(m.stats().arenas_current, RESIDUAL_ARENAS);
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn arenas_sorted_most_used_first_and_returned_when_empty() {
    let mut m = Obmalloc::new();
    let per_arena = MAX_POOLS_IN_ARENA * pool_capacity(31);
    let blocks: Vec<NonNull<u8>> = (0..3 * per_arena).map(|_| m.alloc(512).unwrap()).collect();
    assert_eq!(m.usable_arenas, NONE, "all three arenas full");
    assert_eq!(m.stats().arenas_current, 3);
    // SAFETY: blocks are live small blocks, so their pool headers are initialised.
    let arena_of = |b: &NonNull<u8>| unsafe { (*pool_of(b.as_ptr())).arenaindex };
    let (x, y, z) = (
        arena_of(&blocks[0]),
        arena_of(&blocks[per_arena]),
        arena_of(&blocks[2 * per_arena]),
    );

    // Empty whole pools: 10 in x, 3 in y, 20 in z, interleaved.
    let mut rest = Vec::new();
    let mut emptied = std::collections::HashMap::new();
    let want = |a: u32| {
        if a == x {
            10
        } else if a == y {
            3
        } else {
            20
        }
    };
    for (i, chunk) in blocks.chunks(pool_capacity(31)).enumerate() {
        let a = arena_of(&chunk[0]);
        let n = emptied.entry(a).or_insert(0);
        if *n < want(a) && i % 2 == 0 {
            *n += 1;
            for b in chunk {
                // SAFETY: live 512-byte blocks, not used again.
                unsafe { m.free(*b, 512) };
            }
            m.validate();
        } else {
            rest.extend_from_slice(chunk);
        }
    }
    let mut order = Vec::new();
    let mut a = m.usable_arenas;
    while a != NONE {
        order.push((a, m.arenas[a].nfreepools));
        a = m.arenas[a].nextarena;
    }
    assert_eq!(order, [(y, 3), (x, 10), (z, 20)]);

    // A new pool comes from the most used arena.
    let small = m.alloc(8).unwrap();
    assert_eq!(arena_of(&small), y);
    // SAFETY: live blocks, each freed once with its size.
    unsafe { m.free(small, 8) };

    let mut rng = Lcg(7);
    let mut n = 0;
    while !rest.is_empty() {
        let b = rest.swap_remove(rng.below(rest.len()));
        // SAFETY: as above.
        unsafe { m.free(b, 512) };
        n += 1;
        if n % 64 == 0 {
            m.validate();
        }
    }
    m.validate();
    let s = m.stats();
    assert_eq!(s.arenas_current, RESIDUAL_ARENAS);
    assert_eq!(s.arenas_reclaimed, 3 - RESIDUAL_ARENAS);
    assert_eq!(s.arenas_highwater, 3);
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn lone_block_loop_does_not_thrash_arenas() {
    let mut m = Obmalloc::new();
    for _ in 0..100 {
        let p = m.alloc(32).unwrap();
        // SAFETY: live block, freed once.
        unsafe { m.free(p, 32) };
    }
    let s = m.stats();
    let expected_total = if KEEP_ONE_EMPTY_ARENA { 1 } else { 100 };
    assert_eq!(s.arenas_allocated_total, expected_total);
    assert_eq!(
        (s.arenas_current, s.free_pools),
        (RESIDUAL_ARENAS, RESIDUAL_ARENAS * 64)
    );
    m.validate();
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn limit_is_enforced() {
    let mut m = Obmalloc::new();
    m.set_limit(Some(1000));
    assert_eq!(m.stats().limit, Some(1000));
    let mut blocks = Vec::new();
    while let Some(p) = m.alloc(16) {
        blocks.push(p);
    }
    assert_eq!(blocks.len(), 62);
    assert_eq!(m.bytes_in_use(), 992);
    assert!(m.alloc(0).is_none(), "a 0-byte request is charged 16 bytes");
    assert!(m.alloc(600).is_none());
    // SAFETY: every freed block is live with the size it was allocated with and not used again.
    unsafe { m.free(blocks.pop().unwrap(), 16) };
    blocks.push(m.alloc(16).expect("room again after a free"));
    for b in blocks.drain(..) {
        // SAFETY: as above.
        unsafe { m.free(b, 16) };
    }

    let big = m.alloc(600).unwrap();
    fill(big, 600, 1);
    assert!(m.alloc(401).is_none(), "600 + 416 > 1000");
    let exact = m.alloc(400).expect("600 + 400 reaches the limit exactly");
    // SAFETY: live, freed once.
    unsafe { m.free(exact, 400) };
    let small = m.alloc(384).unwrap();
    assert_eq!(m.bytes_in_use(), 984);
    // SAFETY: `big` is live with 600 bytes; on failure it stays live.
    assert!(unsafe { m.realloc(big, 600, 700) }.is_none());
    check(big, 600, 1);
    // Moving 384 -> 10 needs 16 more bytes for a moment: 1000, still within the limit.
    // SAFETY: `small` is live with 384 bytes.
    let small = unsafe { m.realloc(small, 384, 10) }.unwrap();
    assert_eq!((m.bytes_in_use(), m.peak_bytes()), (616, 1000));

    m.set_limit(Some(0));
    assert!(
        m.alloc(0).is_none(),
        "a limit below the usage blocks new allocations"
    );
    m.set_limit(None);
    assert_eq!(m.stats().limit, None);
    let huge = m.alloc(1 << 16).unwrap();
    m.reset_peak();
    assert_eq!(m.peak_bytes(), m.bytes_in_use());
    // SAFETY: as above.
    unsafe {
        m.free(huge, 1 << 16);
        m.free(small, 10);
        m.free(big, 600);
    }
    assert_eq!(m.bytes_in_use(), 0);
    m.validate();
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn impossible_sizes_return_none() {
    let mut m = Obmalloc::new();
    assert!(m.alloc(usize::MAX).is_none());
    assert!(m.alloc(usize::MAX - LARGE_HEADER + 1).is_none());
    assert!(m.alloc(isize::MAX as usize).is_none());
    if !cfg!(miri) {
        // A valid layout the system cannot satisfy.
        assert!(m.alloc(isize::MAX as usize / 2).is_none());
    }
    let p = m.alloc(600).unwrap();
    fill(p, 600, 9);
    // SAFETY: `p` is live with 600 bytes; on failure it stays live.
    assert!(unsafe { m.realloc(p, 600, usize::MAX) }.is_none());
    check(p, 600, 9);
    // SAFETY: live, freed once.
    unsafe { m.free(p, 600) };
    let s = m.stats();
    assert_eq!(
        (s.bytes_in_use, s.large_allocations, s.large_bytes),
        (0, 0, 0)
    );
    m.validate();
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn realloc_keeps_contents_and_pointer_within_class() {
    let mut m = Obmalloc::new();
    let p = m.alloc(20).unwrap();
    fill(p, 20, 1);
    // SAFETY: each call passes the live pointer with the size it currently has.
    unsafe {
        assert_eq!(m.realloc(p, 20, 30), Some(p));
        assert_eq!(m.realloc(p, 30, 17), Some(p));
        let q = m.realloc(p, 17, 100).unwrap();
        assert_ne!(q, p);
        check(q, 17, 1);
        fill(q, 100, 2);
        let r = m.realloc(q, 100, 2000).unwrap();
        check(r, 100, 2);
        fill(r, 2000, 3);
        let s = m.realloc(r, 2000, 5000).unwrap();
        check(s, 2000, 3);
        fill(s, 5000, 4);
        let t = m.realloc(s, 5000, 700).unwrap();
        check(t, 700, 4);
        assert_eq!(m.stats().large_bytes, 700);
        let u = m.realloc(t, 700, 0).unwrap();
        check_geometry(u, 0);
        assert_eq!(m.bytes_in_use(), 16);
        m.validate();
        m.free(u, 0);
    }
    let s = m.stats();
    assert_eq!((s.bytes_in_use, s.large_allocations), (0, 0));
    assert_eq!(s.peak_bytes, 5000);
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}

#[test]
fn release_all_frees_everything_and_resets() {
    let mut m = Obmalloc::new();
    m.set_limit(Some(usize::MAX / 2));
    let mut rng = Lcg(3);
    let n = if cfg!(miri) { 200 } else { 3_000 };
    for _ in 0..n {
        let size = random_size(&mut rng);
        m.alloc(size).unwrap();
    }
    assert!(m.stats().arenas_current >= 1 && m.stats().large_allocations > 0);
    // SAFETY: the blocks above are never used again.
    unsafe { m.release_all() };
    assert_eq!(m.stats(), MallocStats::default());
    assert_eq!(m.arenas.len, 0);
    m.validate();
    let p = m.alloc(24).unwrap();
    // SAFETY: live, freed once; then nothing is live.
    unsafe {
        m.free(p, 24);
        m.release_all();
    }
}

#[test]
fn debug_malloc_stats_matches_cpython_layout() {
    let mut m = Obmalloc::new();
    let blocks = [
        (16, m.alloc(16)),
        (1, m.alloc(1)),
        (0, m.alloc(0)),
        (100, m.alloc(100)),
        (512, m.alloc(512)),
    ];
    let large = m.alloc(4096).unwrap();
    let expected = "\
Small block threshold = 512, in 32 size classes.

class   size   num pools   blocks in use  avail blocks
-----   ----   ---------   -------------  ------------
    0     16           1               3           250
    6    112           1               1            35
   31    512           1               1             6

# arenas allocated total           =                    1
# arenas reclaimed                 =                    0
# arenas highwater mark            =                    1
# arenas allocated current         =                    1
1 arenas * 262144 bytes/arena      =              262,144

# bytes in allocated blocks        =                  672
# bytes in available blocks        =               10,992
61 unused pools * 4096 bytes       =              249,856
# bytes lost to pool headers       =                  144
# bytes lost to quantization       =                  480
# bytes lost to arena alignment    =                    0
Total                              =              262,144
";
    assert_eq!(m.debug_malloc_stats(), expected);
    assert_eq!(super::stats::with_commas(1_234_567), "1,234,567");
    // SAFETY: each block is live with the size it was allocated with.
    unsafe {
        for (size, p) in blocks {
            m.free(p.unwrap(), size);
        }
        m.free(large, 4096);
        m.release_all();
    }
}

#[cfg(feature = "heap-debug")]
#[test]
fn heap_debug_poisons_blocks_and_catches_writes_after_free() {
    let mut m = Obmalloc::new();
    let keep = m.alloc(48).unwrap(); // keeps the arena (and the pool) alive
    let p = m.alloc(48).unwrap();
    // SAFETY: fresh 48-byte block.
    let fresh = unsafe { std::slice::from_raw_parts(p.as_ptr(), 48) };
    assert!(fresh.iter().all(|&b| b == CLEANBYTE));
    // SAFETY: live, freed once. Reading it afterwards is fine here: the pool (and so the
    // memory) is still held by the allocator and nothing else writes it.
    unsafe { m.free(p, 48) };
    // SAFETY: see above; 48 bytes of held memory.
    let dead = unsafe { std::slice::from_raw_parts(p.as_ptr().add(LINK_SIZE), 48 - LINK_SIZE) };
    assert!(dead.iter().all(|&b| b == DEADBYTE));
    let large = m.alloc(1000).unwrap();
    // SAFETY: fresh 1000-byte block.
    assert!(unsafe { std::slice::from_raw_parts(large.as_ptr(), 1000) }
        .iter()
        .all(|&b| b == CLEANBYTE));

    // A write into a freed block is caught when the block is handed out again.
    // SAFETY: deliberately writes a freed block whose memory the allocator still holds.
    unsafe { p.as_ptr().add(20).write(0x42) };
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| m.alloc(48)));
    assert!(caught.is_err());
    // SAFETY: the allocator is discarded; nothing is used afterwards.
    unsafe {
        m.free(keep, 48);
        m.free(large, 1000);
        m.release_all();
    }
}

/// Hand-run micro-benchmark: `cargo test --release --lib obmalloc::tests::bench -- --ignored
/// --nocapture`. Prints alloc/free pairs per second for 32-byte blocks against `std::alloc`.
#[test]
#[ignore = "micro-benchmark, run by hand"]
fn bench_alloc_free_32() {
    use std::alloc::{alloc, dealloc, Layout};
    use std::hint::black_box;
    use std::time::Instant;

    const PAIRS: usize = 20_000_000;
    const BATCH: usize = 1_000;
    let layout = Layout::from_size_align(32, 16).unwrap();
    let report = |what: &str, start: Instant| {
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{what:<34} {:7.1} M pairs/s  {:5.2} ns/pair",
            PAIRS as f64 / secs / 1e6,
            secs * 1e9 / PAIRS as f64
        );
    };

    let mut m = Obmalloc::new();
    // Another block keeps the pool used, so both calls stay on their fast paths.
    let sentinel = m.alloc(32).unwrap();
    let t = Instant::now();
    for _ in 0..PAIRS {
        let p = m.alloc(black_box(32)).unwrap();
        // SAFETY: live block of 32 bytes, freed once.
        unsafe { m.free(black_box(p), 32) };
    }
    report("obmalloc  alloc+free (LIFO)", t);
    // SAFETY: as above.
    unsafe { m.free(sentinel, 32) };

    // Worst case: a lone block, so its pool goes used -> empty -> used on every pair.
    let t = Instant::now();
    for _ in 0..PAIRS / 10 {
        let p = m.alloc(black_box(32)).unwrap();
        // SAFETY: live block of 32 bytes, freed once.
        unsafe { m.free(black_box(p), 32) };
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "obmalloc  lone block (pool cycles)  {:7.1} M pairs/s  {:5.2} ns/pair",
        (PAIRS / 10) as f64 / secs / 1e6,
        secs * 1e9 / (PAIRS / 10) as f64
    );

    let t = Instant::now();
    for _ in 0..PAIRS {
        // SAFETY: non-zero layout; the block is freed once with the same layout.
        unsafe {
            let p = alloc(black_box(layout));
            dealloc(black_box(p), layout);
        }
    }
    report("std::alloc alloc+free (LIFO)", t);

    let mut ptrs = vec![NonNull::dangling(); BATCH];
    let t = Instant::now();
    for _ in 0..PAIRS / BATCH {
        for p in ptrs.iter_mut() {
            *p = m.alloc(black_box(32)).unwrap();
        }
        for p in ptrs.iter() {
            // SAFETY: live blocks of 32 bytes, each freed once.
            unsafe { m.free(*p, 32) };
        }
    }
    report("obmalloc  batches of 1000", t);

    let mut raw = vec![std::ptr::null_mut(); BATCH];
    let t = Instant::now();
    for _ in 0..PAIRS / BATCH {
        for p in raw.iter_mut() {
            // SAFETY: non-zero layout.
            *p = unsafe { alloc(black_box(layout)) };
        }
        for p in raw.iter() {
            // SAFETY: allocated above with the same layout, freed once.
            unsafe { dealloc(*p, layout) };
        }
    }
    report("std::alloc batches of 1000", t);
    // SAFETY: nothing live.
    unsafe { m.release_all() };
}
