//! The arena map: the state of every pool of every held arena, for pictures of the heap
//! (`pyrena.heap_snapshot()`, `-X memreport`). Computed on demand by walking the arena table,
//! like the statistics, so the allocator's fast paths pay nothing for it.

use super::{pool_capacity, Obmalloc, PoolHeader, MAX_POOLS_IN_ARENA, POOL_SIZE};

/// Pools per arena (256 KiB / 4 KiB).
pub const POOLS_PER_ARENA: usize = MAX_POOLS_IN_ARENA;

/// One pool of an arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolState {
    /// Never carved into blocks since the arena was taken from the system.
    Untouched,
    /// Used before and holding no block now (on the arena's free-pool list).
    Empty,
    /// Holding `used` live blocks of size class `class`, out of `capacity`.
    InUse {
        class: usize,
        used: usize,
        capacity: usize,
    },
}

/// One held arena: its address (index order of the arena table) and its pools in address order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArenaRow {
    pub index: usize,
    pub address: usize,
    pub pools: [PoolState; POOLS_PER_ARENA],
}

impl Obmalloc {
    /// Every held arena with the state of each of its pools. O(arenas × pools per arena).
    pub fn arena_map(&self) -> Vec<ArenaRow> {
        let mut rows = Vec::new();
        for (index, arena) in self.arenas.as_slice().iter().enumerate() {
            if arena.address.is_null() {
                continue;
            }
            let mut pools = [PoolState::Untouched; POOLS_PER_ARENA];
            let touched = (arena.pool_address.addr() - arena.address.addr()) / POOL_SIZE;
            for (i, state) in pools.iter_mut().enumerate().take(touched) {
                let pool = arena
                    .address
                    .wrapping_add(i * POOL_SIZE)
                    .cast::<PoolHeader>();
                // SAFETY: pools below `pool_address` have initialised headers, and `&self`
                // excludes any concurrent change to them.
                let (count, class) = unsafe { ((*pool).count as usize, (*pool).szidx as usize) };
                *state = if count == 0 {
                    PoolState::Empty
                } else {
                    PoolState::InUse {
                        class,
                        used: count,
                        capacity: pool_capacity(class),
                    }
                };
            }
            rows.push(ArenaRow {
                index,
                address: arena.address.addr(),
                pools,
            });
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_shows_each_pool_in_use_by_class() {
        let mut m = Obmalloc::new();
        let a = m.alloc(16).unwrap();
        let b = m.alloc(16).unwrap();
        let c = m.alloc(100).unwrap();
        let map = m.arena_map();
        assert_eq!(map.len(), 1);
        let in_use: Vec<_> = map[0]
            .pools
            .iter()
            .filter(|p| matches!(p, PoolState::InUse { .. }))
            .copied()
            .collect();
        assert_eq!(
            in_use,
            [
                PoolState::InUse {
                    class: 0,
                    used: 2,
                    capacity: pool_capacity(0)
                },
                PoolState::InUse {
                    class: 6,
                    used: 1,
                    capacity: pool_capacity(6)
                },
            ]
        );
        assert!(map[0].pools[2..].iter().all(|p| *p == PoolState::Untouched));
        // SAFETY: each block came from `m` with that size.
        unsafe { m.free(c, 100) };
        let map = m.arena_map();
        assert_eq!(map[0].pools[1], PoolState::Empty);
        // SAFETY: as above.
        unsafe {
            m.free(a, 16);
            m.free(b, 16);
            m.release_all();
        }
    }
}
