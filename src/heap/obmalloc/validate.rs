//! Debug-only structural check of the allocator (unit tests and the `heap-debug` feature): walks
//! every list, pool and free list and panics at the first broken invariant of the module header.

use super::{
    class_size, pool_capacity, Obmalloc, PoolHeader, ARENA_SIZE, MAX_POOLS_IN_ARENA,
    NB_SMALL_SIZE_CLASSES, NONE, POOL_OVERHEAD, POOL_SIZE,
};

impl Obmalloc {
    /// Checks every invariant; O(arenas × pools + free blocks). Panics with a description of the
    /// first violation.
    pub fn validate(&self) {
        let table = self.arenas.as_slice();
        let mut arenas_held = 0;
        let mut used_pools = 0;
        let mut small_bytes = 0;
        for (ai, arena) in table.iter().enumerate() {
            if arena.address.is_null() {
                continue;
            }
            arenas_held += 1;
            let base = arena.address.addr();
            assert_eq!(base % POOL_SIZE, 0, "arena {ai} not pool-aligned");
            assert_eq!(arena.ntotalpools as usize, MAX_POOLS_IN_ARENA);
            let touched_bytes = arena.pool_address.addr() - base;
            assert!(touched_bytes.is_multiple_of(POOL_SIZE) && touched_bytes <= ARENA_SIZE);
            let touched = touched_bytes / POOL_SIZE;

            let mut empty_listed = 0;
            let mut p = arena.freepools;
            while !p.is_null() {
                assert!(
                    empty_listed < touched,
                    "arena {ai}: freepools too long or cyclic"
                );
                let off = p.addr() - base;
                assert!(
                    off.is_multiple_of(POOL_SIZE) && off < touched_bytes,
                    "arena {ai}: bad free pool"
                );
                // SAFETY: `p` was checked to be a touched pool of this live arena.
                let count = unsafe { (*p).count };
                assert_eq!(count, 0, "arena {ai}: non-empty pool on freepools");
                empty_listed += 1;
                // SAFETY: as above.
                p = unsafe { (*p).nextpool };
            }
            let free = empty_listed + (MAX_POOLS_IN_ARENA - touched);
            assert_eq!(arena.nfreepools as usize, free, "arena {ai}: nfreepools");

            let mut empty_seen = 0;
            for i in 0..touched {
                let pool = arena
                    .address
                    .wrapping_add(i * POOL_SIZE)
                    .cast::<PoolHeader>();
                // SAFETY: touched pools of a live arena have initialised headers.
                let (count, bytes, is_used) = unsafe { check_pool(pool, ai) };
                if count == 0 {
                    empty_seen += 1;
                }
                used_pools += usize::from(is_used);
                small_bytes += bytes;
            }
            assert_eq!(
                empty_seen, empty_listed,
                "arena {ai}: empty pools not all listed"
            );
        }
        assert_eq!(arenas_held, self.narenas_currently_allocated);
        assert!(self.narenas_highwater >= arenas_held);
        assert!(self.ntimes_arena_allocated >= arenas_held);

        // usedpools: circular, doubly linked, one class each, and exactly the used pools.
        let mut listed_used = 0;
        for class in 0..NB_SMALL_SIZE_CLASSES {
            let head = self.usedpools[class];
            if head.is_null() {
                continue;
            }
            let mut p = head;
            loop {
                assert!(
                    listed_used < used_pools,
                    "usedpools[{class}] too long or cyclic"
                );
                assert!(
                    self.is_touched_pool(p),
                    "usedpools[{class}]: {p:p} is not a pool"
                );
                listed_used += 1;
                // SAFETY: `p` was just checked to be a touched pool of a live arena.
                unsafe {
                    assert_eq!(
                        (*p).szidx as usize,
                        class,
                        "pool on the wrong usedpools list"
                    );
                    let count = (*p).count as usize;
                    assert!(count > 0 && count < pool_capacity(class) && !(*p).freeblock.is_null());
                    let next = (*p).nextpool;
                    assert!(
                        self.is_touched_pool(next),
                        "usedpools[{class}]: bad next link"
                    );
                    assert_eq!((*next).prevpool, p, "usedpools[{class}]: bad back link");
                    p = next;
                }
                if p == head {
                    break;
                }
            }
        }
        assert_eq!(listed_used, used_pools, "used pools missing from usedpools");

        // usable_arenas: sorted by nfreepools, every arena with a free pool, nfp2lasta right.
        let mut expected_last = [NONE; MAX_POOLS_IN_ARENA + 1];
        let mut usable = 0;
        let mut prev = NONE;
        let mut a = self.usable_arenas;
        while a != NONE {
            assert!(usable < arenas_held, "usable_arenas too long or cyclic");
            let arena = &self.arenas[a];
            assert!(
                !arena.address.is_null(),
                "unallocated arena {a} on usable_arenas"
            );
            assert_eq!(arena.prevarena, prev, "usable_arenas back link of {a}");
            let nf = arena.nfreepools as usize;
            assert!(nf > 0, "full arena {a} on usable_arenas");
            if prev != NONE {
                assert!(
                    self.arenas[prev].nfreepools as usize <= nf,
                    "usable_arenas unsorted"
                );
            }
            expected_last[nf] = a;
            usable += 1;
            prev = a;
            a = arena.nextarena;
        }
        let with_free = table
            .iter()
            .filter(|x| !x.address.is_null() && x.nfreepools > 0);
        assert_eq!(usable, with_free.count(), "arena with free pools missing");
        assert_eq!(self.nfp2lasta, expected_last, "nfp2lasta");

        let mut unused = 0;
        let mut e = self.unused_arena_objects;
        while e != NONE {
            assert!(unused < table.len(), "unused_arena_objects cyclic");
            assert!(self.arenas[e].address.is_null());
            unused += 1;
            e = self.arenas[e].nextarena;
        }
        assert_eq!(
            unused + arenas_held,
            table.len(),
            "arena table entries lost"
        );

        // Large blocks and the byte accounting.
        let (mut n, mut bytes) = (0, 0);
        let mut prev = std::ptr::null_mut();
        let mut h = self.large_head;
        while !h.is_null() {
            assert!(n < self.large_count, "large list longer than large_count");
            // SAFETY: headers on the large list are live.
            unsafe {
                assert_eq!((*h).prev, prev, "large list back link");
                bytes += (*h).size;
                prev = h;
                h = (*h).next;
            }
            n += 1;
        }
        assert_eq!(
            (n, bytes),
            (self.large_count, self.large_bytes),
            "large accounting"
        );
        assert_eq!(small_bytes + bytes, self.bytes_in_use, "bytes_in_use");
        assert!(self.peak_bytes >= self.bytes_in_use);
    }
}

impl Obmalloc {
    /// Whether `p` is the start of a touched pool of a held arena.
    fn is_touched_pool(&self, p: *mut PoolHeader) -> bool {
        self.arenas.as_slice().iter().any(|a| {
            !a.address.is_null()
                && p.addr() >= a.address.addr()
                && p.addr() < a.pool_address.addr()
                && (p.addr() - a.address.addr()).is_multiple_of(POOL_SIZE)
        })
    }
}

/// Checks one touched pool; returns (live blocks, their bytes, whether it is a used pool).
///
/// # Safety
/// `pool` is a touched pool of live arena `ai`.
unsafe fn check_pool(pool: *mut PoolHeader, ai: usize) -> (usize, usize, bool) {
    // SAFETY: per the contract the header is initialised; free-list entries are checked to lie
    // inside the pool on block boundaries before they are followed.
    unsafe {
        assert_eq!((*pool).arenaindex as usize, ai, "pool {pool:p}: arenaindex");
        let class = (*pool).szidx as usize;
        assert!(class < NB_SMALL_SIZE_CLASSES, "pool {pool:p}: class");
        let size = class_size(class);
        let cap = pool_capacity(class);
        let count = (*pool).count as usize;
        let (next, max) = ((*pool).nextoffset as usize, (*pool).maxnextoffset as usize);
        assert_eq!(max, POOL_SIZE - size, "pool {pool:p}: maxnextoffset");
        assert!(next >= POOL_OVERHEAD && (next - POOL_OVERHEAD).is_multiple_of(size));
        let uncarved = if next > max {
            0
        } else {
            (max - next) / size + 1
        };
        let mut free = 0;
        let mut b = (*pool).freeblock;
        while !b.is_null() {
            assert!(free < cap, "pool {pool:p}: free list too long or cyclic");
            let off = b.addr().wrapping_sub(pool.addr());
            assert!(
                off >= POOL_OVERHEAD && off < next && (off - POOL_OVERHEAD).is_multiple_of(size),
                "pool {pool:p}: bad free block at offset {off}"
            );
            free += 1;
            b = b.cast::<*mut u8>().read();
        }
        assert_eq!(
            count + free + uncarved,
            cap,
            "pool {pool:p}: blocks do not add up"
        );
        let full = (*pool).freeblock.is_null();
        assert!(
            !full || count == cap,
            "pool {pool:p}: null freeblock but not full"
        );
        (count, count * size, count > 0 && !full)
    }
}
