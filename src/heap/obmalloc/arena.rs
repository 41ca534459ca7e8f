//! The arena side of obmalloc: the arena table, taking pools from arenas, giving emptied pools
//! back, and keeping `usable_arenas` sorted (most used first) with `nfp2lasta`, so that
//! allocation concentrates in the fullest arenas and nearly-empty ones can drain and be returned
//! to the system. See the invariants in the parent module.

use std::alloc::Layout;
use std::ptr;

use super::{
    Obmalloc, PoolHeader, INITIAL_ARENA_OBJECTS, KEEP_ONE_EMPTY_ARENA, MAX_POOLS_IN_ARENA, NONE,
    POOL_SIZE,
};

/// One entry of the arena table (CPython's `arena_object`). Links are table indices, so the
/// table can be reallocated while arenas are linked.
#[derive(Clone, Copy)]
pub(super) struct ArenaObject {
    /// Start of the arena's memory; null when this entry holds no arena.
    pub(super) address: *mut u8,
    /// First untouched pool; `address + ARENA_SIZE` once all pools have been touched.
    pub(super) pool_address: *mut u8,
    /// Untouched pools plus pools on `freepools`.
    pub(super) nfreepools: u32,
    pub(super) ntotalpools: u32,
    /// Empty pools, singly linked through `nextpool`.
    pub(super) freepools: *mut PoolHeader,
    /// Next arena on `usable_arenas`, or next entry on `unused_arena_objects`.
    pub(super) nextarena: u32,
    /// Previous arena on `usable_arenas`.
    pub(super) prevarena: u32,
}

impl ArenaObject {
    pub(super) const UNUSED: ArenaObject = ArenaObject {
        address: ptr::null_mut(),
        pool_address: ptr::null_mut(),
        nfreepools: 0,
        ntotalpools: 0,
        freepools: ptr::null_mut(),
        nextarena: NONE,
        prevarena: NONE,
    };
}

/// The arena table: a raw, growable array, because `Obmalloc::new` must be `const` and must not
/// allocate. Indexing borrows only this field, so other fields stay usable meanwhile.
pub(super) struct ArenaTable {
    pub(super) ptr: *mut ArenaObject,
    pub(super) len: usize,
}

impl ArenaTable {
    pub(super) fn as_slice(&self) -> &[ArenaObject] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `ptr` is a live allocation of `len` initialised entries owned by this table.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub(super) fn as_mut_slice(&mut self) -> &mut [ArenaObject] {
        if self.len == 0 {
            return &mut [];
        }
        // SAFETY: as in `as_slice`, and `&mut self` makes this the only access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }

    /// Doubles the table; the new entries are unused and returned as a linked list head
    /// (in index order, ending at `NONE`). `None` if the system is out of memory.
    pub(super) fn grow(&mut self) -> Option<u32> {
        let new_len = if self.len == 0 {
            INITIAL_ARENA_OBJECTS
        } else {
            self.len.checked_mul(2)?
        };
        if new_len >= NONE as usize {
            return None;
        }
        let new_layout = Layout::array::<ArenaObject>(new_len).ok()?;
        let new_ptr = if self.len == 0 {
            // SAFETY: the layout has a non-zero size.
            unsafe { std::alloc::alloc(new_layout) }
        } else {
            let old_layout = Layout::array::<ArenaObject>(self.len).ok()?;
            // SAFETY: `ptr` was allocated with `old_layout`; the new size is non-zero and was
            // validated by `Layout::array`.
            unsafe { std::alloc::realloc(self.ptr.cast::<u8>(), old_layout, new_layout.size()) }
        }
        .cast::<ArenaObject>();
        if new_ptr.is_null() {
            return None;
        }
        for i in self.len..new_len {
            let next = if i + 1 < new_len {
                (i + 1) as u32
            } else {
                NONE
            };
            // SAFETY: `i < new_len`, inside the new allocation; entries past the old length are
            // uninitialised, so they are written, not assigned.
            unsafe {
                new_ptr.add(i).write(ArenaObject {
                    nextarena: next,
                    ..ArenaObject::UNUSED
                })
            };
        }
        let first_new = self.len as u32;
        self.ptr = new_ptr;
        self.len = new_len;
        Some(first_new)
    }

    /// Frees the table itself (not the arenas).
    pub(super) fn release(&mut self) {
        if self.len != 0 {
            let layout = Layout::array::<ArenaObject>(self.len).expect("validated when grown");
            // SAFETY: `ptr` was allocated with exactly this layout.
            unsafe { std::alloc::dealloc(self.ptr.cast::<u8>(), layout) };
        }
        self.ptr = ptr::null_mut();
        self.len = 0;
    }
}

impl std::ops::Index<u32> for ArenaTable {
    type Output = ArenaObject;
    fn index(&self, i: u32) -> &ArenaObject {
        &self.as_slice()[i as usize]
    }
}

impl std::ops::IndexMut<u32> for ArenaTable {
    fn index_mut(&mut self, i: u32) -> &mut ArenaObject {
        &mut self.as_mut_slice()[i as usize]
    }
}

impl Obmalloc {
    /// Takes an empty or untouched pool from the most used arena that has one, getting a new
    /// arena if none has. Returns the pool (on no list, header initialised only if it was
    /// empty), its arena index, and whether it was empty (rather than untouched).
    pub(super) fn take_pool(&mut self) -> Option<(*mut PoolHeader, u32, bool)> {
        if self.usable_arenas == NONE {
            self.new_arena()?;
        }
        let ai = self.usable_arenas;
        let nf = self.arenas[ai].nfreepools as usize;
        debug_assert!(nf > 0);
        // The head has the fewest free pools of all usable arenas, so after losing one it is
        // still first: only `nfp2lasta` needs fixing.
        if self.nfp2lasta[nf] == ai {
            self.nfp2lasta[nf] = NONE;
        }
        if nf > 1 {
            debug_assert_eq!(self.nfp2lasta[nf - 1], NONE);
            self.nfp2lasta[nf - 1] = ai;
        }
        let arena = &mut self.arenas[ai];
        arena.nfreepools -= 1;
        let (pool, was_empty) = if arena.freepools.is_null() {
            let pool = arena.pool_address.cast::<PoolHeader>();
            arena.pool_address = arena.pool_address.wrapping_add(POOL_SIZE);
            (pool, false)
        } else {
            let pool = arena.freepools;
            // SAFETY: pools on `freepools` are empty pools with initialised headers.
            arena.freepools = unsafe { (*pool).nextpool };
            (pool, true)
        };
        if arena.nfreepools == 0 {
            // Wholly allocated: it leaves `usable_arenas` (it was the head).
            let next = arena.nextarena;
            self.usable_arenas = next;
            if next != NONE {
                self.arenas[next].prevarena = NONE;
            }
        }
        Some((pool, ai, was_empty))
    }

    /// An emptied pool goes back to its arena; the arena then either returns to the system (all
    /// pools free), rejoins `usable_arenas` (it was full), or moves right to keep the list sorted.
    ///
    /// # Safety
    /// `pool` is an initialised pool with no live block, on no list.
    pub(super) unsafe fn pool_to_freepools(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the header is initialised (contract).
        let ai = unsafe { (*pool).arenaindex };
        let arena = &mut self.arenas[ai];
        // SAFETY: as above; `nextpool` is unused while the pool is on no list.
        unsafe { (*pool).nextpool = arena.freepools };
        arena.freepools = pool;
        let old = arena.nfreepools as usize;
        let nf = old + 1;
        arena.nfreepools = nf as u32;
        let (prev, next, total) = (arena.prevarena, arena.nextarena, arena.ntotalpools as usize);

        // If this arena was the last one with `old` free pools, its predecessor (if it has
        // `old` too) is the last one now.
        let was_last_of_old = old > 0 && self.nfp2lasta[old] == ai;
        if was_last_of_old {
            let prev_has_old = prev != NONE && self.arenas[prev].nfreepools as usize == old;
            self.nfp2lasta[old] = if prev_has_old { prev } else { NONE };
        }

        if nf == total && (!KEEP_ONE_EMPTY_ARENA || next != NONE) {
            // Wholly free: off the list and back to the system. (When `next` is `NONE` this
            // arena is the last usable one, the one `KEEP_ONE_EMPTY_ARENA` keeps: it stays
            // listed, and the code below keeps the list sorted.)
            self.unlink_usable(ai);
            self.free_arena(ai);
            return;
        }
        if old == 0 {
            // It was full, hence not listed; with one free pool no arena is more used, so it
            // goes first.
            let head = self.usable_arenas;
            let arena = &mut self.arenas[ai];
            arena.prevarena = NONE;
            arena.nextarena = head;
            if head != NONE {
                self.arenas[head].prevarena = ai;
            }
            self.usable_arenas = ai;
            if self.nfp2lasta[1] == NONE {
                self.nfp2lasta[1] = ai;
            }
            return;
        }
        // Every arena before `nfp2lasta[nf]` (if any) has at most `old` free pools, so this arena
        // can only become the last with `nf` when there was none.
        if self.nfp2lasta[nf] == NONE {
            self.nfp2lasta[nf] = ai;
        }
        if was_last_of_old {
            // Its successor already had more than `old` free pools: still sorted.
            return;
        }
        // Other arenas with `old` free pools follow it: move it right after the last of them.
        let dest = self.nfp2lasta[old];
        debug_assert!(dest != NONE && dest != ai);
        self.unlink_usable(ai);
        let after = self.arenas[dest].nextarena;
        let arena = &mut self.arenas[ai];
        arena.prevarena = dest;
        arena.nextarena = after;
        self.arenas[dest].nextarena = ai;
        if after != NONE {
            self.arenas[after].prevarena = ai;
        }
    }

    /// Takes arena `ai` off `usable_arenas`.
    fn unlink_usable(&mut self, ai: u32) {
        let ArenaObject {
            prevarena: prev,
            nextarena: next,
            ..
        } = self.arenas[ai];
        if prev == NONE {
            debug_assert_eq!(self.usable_arenas, ai);
            self.usable_arenas = next;
        } else {
            self.arenas[prev].nextarena = next;
        }
        if next != NONE {
            self.arenas[next].prevarena = prev;
        }
    }

    /// Gets an arena from the system and makes it the only usable arena.
    /// Precondition: `usable_arenas` is empty.
    fn new_arena(&mut self) -> Option<()> {
        debug_assert_eq!(self.usable_arenas, NONE);
        if self.unused_arena_objects == NONE {
            self.unused_arena_objects = self.arenas.grow()?;
        }
        let base = super::system::alloc_arena_memory()?.as_ptr();
        let ai = self.unused_arena_objects;
        self.unused_arena_objects = self.arenas[ai].nextarena;
        self.arenas[ai] = ArenaObject {
            address: base,
            pool_address: base,
            nfreepools: MAX_POOLS_IN_ARENA as u32,
            ntotalpools: MAX_POOLS_IN_ARENA as u32,
            freepools: ptr::null_mut(),
            nextarena: NONE,
            prevarena: NONE,
        };
        self.usable_arenas = ai;
        debug_assert_eq!(self.nfp2lasta[MAX_POOLS_IN_ARENA], NONE);
        self.nfp2lasta[MAX_POOLS_IN_ARENA] = ai;
        self.narenas_currently_allocated += 1;
        self.ntimes_arena_allocated += 1;
        self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);
        Some(())
    }

    /// Returns arena `ai` (unlinked, all pools free) to the system and its entry to the unused list.
    fn free_arena(&mut self, ai: u32) {
        let address = self.arenas[ai].address;
        // SAFETY: the arena is live, came from `alloc_arena_memory`, and holds no live block.
        unsafe { super::system::free_arena_memory(address) };
        self.arenas[ai] = ArenaObject {
            nextarena: self.unused_arena_objects,
            ..ArenaObject::UNUSED
        };
        self.unused_arena_objects = ai;
        self.narenas_currently_allocated -= 1;
    }
}
