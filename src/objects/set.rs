//! `set` and `frozenset`: a model of CPython 3.11's `setobject.c` hash table, so iteration
//! order, `repr`, `pop()` order and every set operation's result order match CPython for the
//! same sequence of operations on keys with equal hashes (ints, floats, bools and tuples of
//! those; str hashes differ from CPython's on purpose, and CPython 3.11 hashes None by address).
//!
//! The table is one open-addressed array of `{key, hash}` entries — no separate index array
//! and no insertion order, unlike `dict` — whose buffer is a `HeapVec` on the obmalloc heap.
//! Probing: start at `hash & mask`, look at up to `LINEAR_PROBES` following entries too when
//! they fit before the end of the table, then jump with `perturb >>= 5; i = i*5 + 1 + perturb`.
//!
//! Invariants:
//! - `entries.len()` is a power of two >= `MIN_SIZE`; `mask = entries.len() - 1`.
//! - An entry is EMPTY (`key: None, hash: 0`), DUMMY (`key: None, hash: DUMMY_HASH`, left by a
//!   removal) or ACTIVE (`key: Some`). `used` counts active entries, `fill` active + dummy.
//! - At least one entry is EMPTY (`fill < entries.len()`), so every probe terminates: an
//!   insertion into an empty entry resizes once `fill*5 >= mask*3`, and a resize drops all
//!   dummies. A dummy is reused by `add_entry` (the last one met on the probe path, as 3.11
//!   does) without changing `fill`.
//! - Borrow discipline as in `dict.rs`: the table (an `UnsafeCell`) is never borrowed across a
//!   call into Python code (a key's `__eq__`) or across the drop of a key. Keys leave the table
//!   before they are dropped, and a replaced table is detached before its keys are released
//!   (first to last, as CPython's `set_clear_internal` and `set_dealloc` do).
//! - `gen` changes whenever the entry buffer is replaced (resize, clear, swap of bodies). A
//!   probe that ran `__eq__` restarts when `gen` changed or its entry no longer holds the key it
//!   compared — CPython's `table != so->table || entry->key != startkey` test.
//! - `hash` caches a frozenset's hash (-1: not computed); a set's stays -1.
//! - Sets, frozensets and their iterators are GC containers, tracked from creation (as
//!   CPython's are), with `traverse`/`clear` slots installed here.

use std::cell::{Cell, UnsafeCell};
use std::cmp::Ordering;

use crate::heap::{AllocError, HeapVec, Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp, TypeObject};
use crate::objects::{dict, float, int, str as pystr};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

/// `PySet_MINSIZE`: the size of a new table.
const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash field of a dummy entry (CPython's `dummy` key carries hash -1).
const DUMMY_HASH: i64 = -1;

struct Entry {
    key: Option<Obj>,
    hash: i64,
}

// A table entry is 16 bytes, as CPython's `setentry`, so table buffers weigh the same.
const _: () = assert!(std::mem::size_of::<Entry>() == 16);

impl Entry {
    const EMPTY: Entry = Entry { key: None, hash: 0 };

    #[inline(always)]
    fn is_empty(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }
}

struct Table {
    entries: HeapVec<Entry>,
    fill: usize,
    used: usize,
    /// Where `pop()` starts looking (masked on use; survives clear and resize, as in CPython).
    finger: usize,
}

impl Drop for Table {
    fn drop(&mut self) {
        // Keys are released first to last, as `set_dealloc` does (HeapVec's own drop would go
        // last to first). The table belongs to a dead set, so no Python code can reach it.
        release_keys(&mut self.entries);
    }
}

pub struct SetData {
    /// Weak references to this set (cleared first when it dies).
    pub weaklist: crate::objects::weakref::WeakList,
    table: UnsafeCell<Table>,
    gen: Cell<u64>,
    hash: Cell<i64>,
}

/// Outcome of examining one entry on a probe path.
enum Probe {
    Empty,
    Dummy,
    Match,
    Miss,
    /// The table changed while `__eq__` ran: start the probe again.
    Restart,
}

fn new_entries(size: usize) -> Result<HeapVec<Entry>, AllocError> {
    let mut v = HeapVec::with_capacity(size)?;
    for _ in 0..size {
        v.push(Entry::EMPTY)?;
    }
    Ok(v)
}

/// Drops every key of a detached table, first to last.
fn release_keys(entries: &mut HeapVec<Entry>) {
    for e in entries.as_mut_slice() {
        drop(e.key.take());
    }
}

#[inline(always)]
fn next_index(i: usize, perturb: u64, mask: usize) -> usize {
    i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(perturb as usize)
        & mask
}

#[inline(always)]
fn linear_probes(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        LINEAR_PROBES
    } else {
        0
    }
}

/// `set_insert_clean`: puts a key known to be absent into the first empty entry of its probe
/// path (used when the table has no dummies to reuse or keys to compare).
fn insert_clean(entries: &mut [Entry], mask: usize, key: Obj, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        if let Some(e) = entries[i..=i + linear_probes(i, mask)]
            .iter_mut()
            .find(|e| e.is_empty())
        {
            *e = Entry {
                key: Some(key),
                hash,
            };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = next_index(i, perturb, mask);
    }
}

/// The size CPython grows to after an insertion fills the table: `used*4`, or `used*2` for
/// big sets.
fn growth_target(used: usize) -> usize {
    if used > 50000 {
        used * 2
    } else {
        used * 4
    }
}

/// Key equality that needs no Python code: identity, and exact str / int / float pairs.
/// `None` means `__eq__` must decide.
fn fast_eq(vm: &Vm, a: &Obj, b: &Obj) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let ta = a.type_ptr();
    if !std::ptr::eq(ta, b.type_ptr()) {
        return None;
    }
    let t = &vm.types;
    if std::ptr::eq(ta, as_type(&t.str)) {
        return Some(pystr::str_eq(a, b));
    }
    if std::ptr::eq(ta, as_type(&t.int)) {
        let (x, y) = (int::as_int(a)?, int::as_int(b)?);
        return Some(x.cmp_value(y) == Ordering::Equal);
    }
    if std::ptr::eq(ta, as_type(&t.float)) {
        return Some(float::as_float(a)? == float::as_float(b)?);
    }
    None
}

impl SetData {
    pub fn new() -> Result<SetData, AllocError> {
        Ok(SetData {
            weaklist: Default::default(),
            table: UnsafeCell::new(Table {
                entries: new_entries(MIN_SIZE)?,
                fill: 0,
                used: 0,
                finger: 0,
            }),
            gen: Cell::new(0),
            hash: Cell::new(-1),
        })
    }

    #[inline(always)]
    fn t(&self) -> &Table {
        // SAFETY: module invariant: borrows never span Python code or a key's drop.
        unsafe { &*self.table.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn t_mut(&self) -> &mut Table {
        // SAFETY: module invariant: exclusive only for the duration of one accessor, with no
        // other borrow of this table alive.
        unsafe { &mut *self.table.get() }
    }

    fn bump_gen(&self) {
        self.gen.set(self.gen.get().wrapping_add(1));
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.t().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline(always)]
    fn mask(&self) -> usize {
        self.t().entries.len() - 1
    }

    /// Bytes of heap the entry table occupies.
    pub fn buffer_bytes(&self) -> usize {
        self.t().entries.buffer_bytes()
    }

    /// `set_next`: the first active entry at or after `*pos` (re-reading the current table),
    /// advancing `*pos` past it.
    fn next_entry(&self, pos: &mut usize) -> Option<(Obj, i64)> {
        let e = self.t().entries.as_slice();
        let mut i = *pos;
        while i < e.len() && e[i].key.is_none() {
            i += 1;
        }
        *pos = i + 1;
        let e = e.get(i)?;
        e.key.clone().map(|k| (k, e.hash))
    }

    /// New handles to the members, in table (iteration) order.
    pub fn keys(&self) -> Vec<Obj> {
        self.t()
            .entries
            .as_slice()
            .iter()
            .filter_map(|e| e.key.clone())
            .collect()
    }

    /// Looks at entry `j` for `key`. `add` selects `set_add_entry`'s order of tests: a key
    /// found equal counts even if the table changed during `__eq__`.
    fn examine(
        &self,
        vm: &mut Vm,
        j: usize,
        key: &Obj,
        hash: i64,
        gen: u64,
        add: bool,
    ) -> PyResult<Probe> {
        let startkey = {
            let e = &self.t().entries.as_slice()[j];
            let Some(k) = &e.key else {
                return Ok(if e.hash == 0 {
                    Probe::Empty
                } else {
                    Probe::Dummy
                });
            };
            if e.hash != hash {
                return Ok(Probe::Miss);
            }
            match fast_eq(vm, k, key) {
                Some(true) => return Ok(Probe::Match),
                Some(false) => return Ok(Probe::Miss),
                None => k.clone(),
            }
        };
        let cmp = vm.eq(&startkey, key);
        let start_addr = startkey.addr();
        drop(startkey);
        if add && matches!(cmp, Ok(true)) {
            return Ok(Probe::Match);
        }
        let eq = cmp?;
        let unchanged = self.gen.get() == gen
            && self.t().entries.as_slice()[j]
                .key
                .as_ref()
                .is_some_and(|k| k.addr() == start_addr);
        if !unchanged {
            return Ok(Probe::Restart);
        }
        Ok(if eq { Probe::Match } else { Probe::Miss })
    }

    /// `set_lookkey`: the index of the active entry equal to `key`, if any.
    fn lookup(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let gen = self.gen.get();
            let mask = self.mask();
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            loop {
                for j in i..=i + linear_probes(i, mask) {
                    match self.examine(vm, j, key, hash, gen, false)? {
                        Probe::Empty => return Ok(None),
                        Probe::Match => return Ok(Some(j)),
                        Probe::Restart => continue 'restart,
                        Probe::Dummy | Probe::Miss => {}
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = next_index(i, perturb, mask);
            }
        }
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<bool> {
        Ok(self.lookup(vm, key, hash)?.is_some())
    }

    /// `set_add_entry`: adds `key` unless an equal key is present; true if it was added.
    fn add_entry(&self, vm: &mut Vm, key: Obj, hash: i64) -> PyResult<bool> {
        'restart: loop {
            let gen = self.gen.get();
            let mask = self.mask();
            let mut freeslot = None;
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            let empty = 'search: loop {
                for j in i..=i + linear_probes(i, mask) {
                    match self.examine(vm, j, &key, hash, gen, true)? {
                        Probe::Empty => break 'search j,
                        Probe::Dummy => freeslot = Some(j),
                        Probe::Match => return Ok(false),
                        Probe::Restart => continue 'restart,
                        Probe::Miss => {}
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = next_index(i, perturb, mask);
            };
            let t = self.t_mut();
            if let Some(f) = freeslot {
                if t.entries.as_slice()[f].key.is_some() {
                    // Filled by code that a later `__eq__` on the path ran.
                    continue 'restart;
                }
                t.entries.as_mut_slice()[f] = Entry {
                    key: Some(key),
                    hash,
                };
                t.used += 1;
                return Ok(true);
            }
            if t.fill + 1 >= t.entries.len() {
                // Only after an earlier resize failed: never take the last empty entry.
                let target = growth_target(t.used);
                self.resize(target).map_err(|_| vm.memory_error())?;
                continue 'restart;
            }
            t.entries.as_mut_slice()[empty] = Entry {
                key: Some(key),
                hash,
            };
            t.fill += 1;
            t.used += 1;
            if t.fill * 5 < mask * 3 {
                return Ok(true);
            }
            let target = growth_target(t.used);
            self.resize(target).map_err(|_| vm.memory_error())?;
            return Ok(true);
        }
    }

    /// `set_discard_entry`: removes `key` (leaving a dummy); true if it was present.
    fn discard_entry(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<bool> {
        let Some(j) = self.lookup(vm, key, hash)? else {
            return Ok(false);
        };
        let t = self.t_mut();
        let e = &mut t.entries.as_mut_slice()[j];
        let old = e.key.take();
        e.hash = DUMMY_HASH;
        t.used -= 1;
        drop(old);
        Ok(true)
    }

    /// `set_table_resize`: rebuilds the table with the smallest power-of-two size above
    /// `minused` (at least `MIN_SIZE`), reinserting active keys in old table order.
    fn resize(&self, minused: usize) -> Result<(), AllocError> {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize = newsize.checked_mul(2).ok_or(AllocError)?;
        }
        {
            let t = self.t();
            if newsize == MIN_SIZE && t.entries.len() == MIN_SIZE && t.fill == t.used {
                // Small, with no dummies: nothing to do.
                return Ok(());
            }
        }
        let mut fresh = new_entries(newsize)?;
        let t = self.t_mut();
        let mask = newsize - 1;
        for e in t.entries.as_mut_slice() {
            if let Some(k) = e.key.take() {
                insert_clean(fresh.as_mut_slice(), mask, k, e.hash);
            }
        }
        let old = std::mem::replace(&mut t.entries, fresh);
        t.fill = t.used;
        self.bump_gen();
        // Every key moved out, so dropping the old buffer runs no Python code.
        drop(old);
        Ok(())
    }

    /// `set.pop()`: removes the first active entry at or after the finger (wrapping).
    fn pop(&self) -> Option<Obj> {
        let t = self.t_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.entries.len() - 1;
        let entries = t.entries.as_mut_slice();
        let mut i = t.finger & mask;
        while entries[i].key.is_none() {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let key = entries[i].key.take();
        entries[i].hash = DUMMY_HASH;
        t.used -= 1;
        t.finger = i + 1;
        key
    }

    /// `set_clear_internal`: back to an empty small table; the old keys are released first to
    /// last once the set is consistent. If no small table can be allocated, the current table
    /// is emptied in place instead.
    fn clear(&self) {
        {
            let t = self.t();
            if t.fill == 0 && t.entries.len() == MIN_SIZE {
                return;
            }
        }
        let fresh = new_entries(MIN_SIZE);
        let t = self.t_mut();
        t.fill = 0;
        t.used = 0;
        self.hash.set(-1);
        self.bump_gen();
        let (mut old, keys) = match fresh {
            Ok(fresh) => (Some(std::mem::replace(&mut t.entries, fresh)), Vec::new()),
            Err(_) => {
                let keys: Vec<Obj> = t
                    .entries
                    .as_mut_slice()
                    .iter_mut()
                    .filter_map(|e| {
                        e.hash = 0;
                        e.key.take()
                    })
                    .collect();
                (None, keys)
            }
        };
        // The set is consistent (and no borrow of it is alive) before any key is released.
        if let Some(old) = old.as_mut() {
            release_keys(old);
        }
        drop(keys);
    }

    /// `set_merge`: adds every member of `other`, copying its layout outright or reinserting
    /// without comparisons when this table is empty, as CPython does.
    fn merge(&self, vm: &mut Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        let (fill, used, mask) = (self.t().fill, self.t().used, self.mask());
        let o_used = other.len();
        if (fill + o_used) * 5 >= mask * 3 {
            self.resize((used + o_used) * 2)
                .map_err(|_| vm.memory_error())?;
        }
        // Distinct sets, so the two tables are distinct cells; nothing below runs Python code
        // until the general case, which re-borrows per key.
        let (t, o) = (self.t_mut(), other.t());
        if t.fill == 0 && t.entries.len() == o.entries.len() && o.fill == o.used {
            for (d, s) in t
                .entries
                .as_mut_slice()
                .iter_mut()
                .zip(o.entries.as_slice())
            {
                if let Some(k) = &s.key {
                    *d = Entry {
                        key: Some(k.clone()),
                        hash: s.hash,
                    };
                }
            }
            t.fill = o.used;
            t.used = o.used;
            return Ok(());
        }
        if t.fill == 0 {
            let mask = t.entries.len() - 1;
            for s in o.entries.as_slice() {
                if let Some(k) = &s.key {
                    insert_clean(t.entries.as_mut_slice(), mask, k.clone(), s.hash);
                }
            }
            t.fill = o.used;
            t.used = o.used;
            return Ok(());
        }
        let mut pos = 0;
        while let Some((k, h)) = other.next_entry(&mut pos) {
            self.add_entry(vm, k, h)?;
        }
        Ok(())
    }

    /// `set_swap_bodies`: exchanges the tables (not the fingers); hashes are swapped only
    /// between two frozensets.
    fn swap_bodies(&self, other: &SetData, both_frozen: bool) {
        if std::ptr::eq(self, other) {
            return;
        }
        let (a, b) = (self.t_mut(), other.t_mut());
        std::mem::swap(&mut a.entries, &mut b.entries);
        std::mem::swap(&mut a.fill, &mut b.fill);
        std::mem::swap(&mut a.used, &mut b.used);
        self.bump_gen();
        other.bump_gen();
        if both_frozen {
            let h = self.hash.get();
            self.hash.set(other.hash.get());
            other.hash.set(h);
        } else {
            self.hash.set(-1);
            other.hash.set(-1);
        }
    }

    /// The frozenset hash: order-independent, from the active entries' hashes.
    fn frozen_hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.t();
        // CPython xors in every entry (empty and dummy ones too) and then cancels the empty
        // and dummy contributions, which leaves the active entries' terms.
        let mut h = t
            .entries
            .as_slice()
            .iter()
            .filter(|e| e.key.is_some())
            .fold(0u64, |acc, e| acc ^ shuffle(e.hash as u64));
        h ^= (t.used as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        if h == u64::MAX {
            h = 590923713;
        }
        self.hash.set(h as i64);
        h as i64
    }
}

pub struct SetIterData {
    set: ObjSlot,
    /// The set's size when iteration started; -1 once a size change was seen (sticky).
    used: Cell<isize>,
    pos: Cell<usize>,
    len: Cell<usize>,
}

// ---- type checks and access ----

/// Whether `o` is a set or frozenset (or a subclass of one).
pub fn is_anyset(vm: &Vm, o: &Obj) -> bool {
    let t = o.type_ptr();
    std::ptr::eq(t, as_type(&vm.types.set))
        || std::ptr::eq(t, as_type(&vm.types.frozenset))
        || o.ty().is_subtype(as_type(&vm.types.set))
        || o.ty().is_subtype(as_type(&vm.types.frozenset))
}

/// Whether `o` is a set (not a frozenset).
pub fn is_set(vm: &Vm, o: &Obj) -> bool {
    o.ty().is_subtype(as_type(&vm.types.set))
}

pub fn is_frozenset(vm: &Vm, o: &Obj) -> bool {
    o.ty().is_subtype(as_type(&vm.types.frozenset))
}

fn is_anyset_exact(vm: &Vm, o: &Obj) -> bool {
    let t = o.type_ptr();
    std::ptr::eq(t, as_type(&vm.types.set)) || std::ptr::eq(t, as_type(&vm.types.frozenset))
}

fn is_dict_exact(vm: &Vm, o: &Obj) -> bool {
    o.has_exact_type(&vm.types.dict)
}

/// The payload of a set or frozenset. Panics on anything else.
pub fn data<'a>(vm: &Vm, o: &'a Obj) -> &'a SetData {
    assert!(is_anyset(vm, o), "not a set");
    // SAFETY: set and frozenset use the `PyBox<SetData>` layout (subclassing them is refused
    // by the class builder, so every instance passing the check has it).
    unsafe { payload::<SetData>(o) }
}

/// New handles to the members of a set or frozenset, in iteration order.
pub fn keys(vm: &Vm, o: &Obj) -> Vec<Obj> {
    data(vm, o).keys()
}

fn kind(vm: &Vm, o: &Obj) -> &'static str {
    if is_frozenset(vm, o) {
        "frozenset"
    } else {
        "set"
    }
}

fn new_empty(vm: &mut Vm, frozen: bool) -> PyResult<Obj> {
    let ty = if frozen {
        as_type(&vm.types.frozenset) as *const TypeObject
    } else {
        as_type(&vm.types.set) as *const TypeObject
    };
    let d = SetData::new().map_err(|_| vm.memory_error())?;
    // SAFETY: built-in type objects live as long as the interpreter.
    new_box(unsafe { &*ty }, d, true).map_err(|_| vm.memory_error())
}

/// `make_new_set_basetype(Py_TYPE(so), NULL)`: an empty set of `so`'s base kind.
fn new_like(vm: &mut Vm, so: &Obj) -> PyResult<Obj> {
    let frozen = is_frozenset(vm, so);
    new_empty(vm, frozen)
}

/// `set_copy`: a new set (or frozenset) of `so`'s kind with its members.
fn copy_of(vm: &mut Vm, so: &Obj) -> PyResult<Obj> {
    let r = new_like(vm, so)?;
    update_internal(vm, &r, so)?;
    Ok(r)
}

fn memory<T>(vm: &mut Vm, r: Result<T, AllocError>) -> PyResult<T> {
    r.map_err(|_| vm.memory_error())
}

impl Vm {
    /// `BUILD_SET`: a set of `items`, added one by one.
    pub fn new_set(&mut self, items: Vec<Obj>) -> PyResult<Obj> {
        let s = new_empty(self, false)?;
        for it in items {
            self.set_add(&s, it)?;
        }
        Ok(s)
    }

    pub fn new_frozenset(&mut self, items: Vec<Obj>) -> PyResult<Obj> {
        let s = new_empty(self, true)?;
        for it in items {
            self.set_add(&s, it)?;
        }
        Ok(s)
    }

    /// `SET_ADD` / `PySet_Add`.
    pub fn set_add(&mut self, s: &Obj, v: Obj) -> PyResult<()> {
        let h = self.hash(&v)?;
        data(self, s).add_entry(self, v, h)?;
        Ok(())
    }

    /// `SET_UPDATE` / `set.update(x)`: merges a set, pre-sizes for an exact dict, else adds
    /// the items of any iterable one by one.
    pub fn set_update(&mut self, s: &Obj, iterable: &Obj) -> PyResult<()> {
        update_internal(self, s, iterable)
    }

    /// A set display whose items are all constants and more than two (`{1, 2, 3}`), built as
    /// CPython 3.11 builds it: the compiler folds the items into a frozenset constant —
    /// `PyFrozenSet_New(tuple)`, then rebuilt from that frozenset's iteration order when
    /// constants are merged — and the code runs `BUILD_SET 0; SET_UPDATE`, which merges that
    /// frozenset into the new set. The layout (so the iteration order) can differ from adding
    /// the items one by one.
    pub fn new_set_const_display(&mut self, items: Vec<Obj>) -> PyResult<Obj> {
        let folded = self.new_frozenset(items)?;
        let merged = self.new_frozenset(data(self, &folded).keys())?;
        let s = new_empty(self, false)?;
        update_internal(self, &s, &merged)?;
        Ok(s)
    }
}

/// `set_update_internal`.
fn update_internal(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<()> {
    let sd = data(vm, so);
    if is_anyset(vm, other) {
        let od = data(vm, other);
        return sd.merge(vm, od);
    }
    if is_dict_exact(vm, other) {
        let dd = dict::data(other);
        let n = dd.len();
        let (fill, used, mask) = (sd.t().fill, sd.t().used, sd.mask());
        if (fill + n) * 5 >= mask * 3 {
            let r = sd.resize((used + n) * 2);
            memory(vm, r)?;
        }
        let pairs: Vec<(Obj, i64)> =
            dd.with_entries(|it| it.map(|e| (e.key.clone(), e.hash)).collect());
        for (k, h) in pairs {
            sd.add_entry(vm, k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        sd.add_entry(vm, k, h)?;
    }
    Ok(())
}

/// The key to look up for `key` with its hash; an unhashable set stands in as a frozenset
/// (`set_contains`, `set_remove`, `set_discard`).
fn lookup_key(vm: &mut Vm, key: &Obj) -> PyResult<(Obj, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            let type_error = as_type(&vm.types.exc.type_error) as *const TypeObject;
            if !is_set(vm, key) || !e.exc.ty().is_subtype(type_error) {
                return Err(e);
            }
            drop(e);
            let f = new_empty(vm, true)?;
            update_internal(vm, &f, key)?;
            let h = vm.hash(&f)?;
            Ok((f, h))
        }
    }
}

fn contains_key(vm: &mut Vm, so: &Obj, key: &Obj) -> PyResult<bool> {
    let h = vm.hash(key)?;
    data(vm, so).contains_hashed(vm, key, h)
}

/// `set_intersection`.
fn intersection(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    if so.is(other) {
        return copy_of(vm, so);
    }
    let result = new_like(vm, so)?;
    let rd = data(vm, &result);
    if is_anyset(vm, other) {
        let (mut big, mut small) = (data(vm, so), data(vm, other));
        if small.len() > big.len() {
            std::mem::swap(&mut big, &mut small);
        }
        let mut pos = 0;
        while let Some((k, h)) = small.next_entry(&mut pos) {
            if big.contains_hashed(vm, &k, h)? {
                rd.add_entry(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let sd = data(vm, so);
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if sd.contains_hashed(vm, &k, h)? {
            rd.add_entry(vm, k, h)?;
            if rd.len() >= sd.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, so: &Obj, others: &[Obj]) -> PyResult<Obj> {
    if others.is_empty() {
        return copy_of(vm, so);
    }
    let mut result = so.clone();
    for o in others {
        result = intersection(vm, &result, o)?;
    }
    Ok(result)
}

/// `set_intersection_update(_multi)`: the intersection's table replaces this set's.
fn intersection_update(vm: &mut Vm, so: &Obj, others: &[Obj]) -> PyResult<()> {
    let tmp = intersection_multi(vm, so, others)?;
    let frozen = is_frozenset(vm, so) && is_frozenset(vm, &tmp);
    data(vm, so).swap_bodies(data(vm, &tmp), frozen);
    drop(tmp);
    Ok(())
}

/// `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<()> {
    let sd = data(vm, so);
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    if is_anyset(vm, other) {
        // When the other set is more than 8 times larger, walk the intersection instead.
        let other = if (data(vm, other).len() >> 3) > sd.len() {
            intersection(vm, so, other)?
        } else {
            other.clone()
        };
        let od = data(vm, &other);
        let mut pos = 0;
        while let Some((k, h)) = od.next_entry(&mut pos) {
            sd.discard_entry(vm, &k, h)?;
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            sd.discard_entry(vm, &k, h)?;
        }
    }
    // More than a quarter dummies: resize them away.
    let t = sd.t();
    if t.fill - t.used <= sd.mask() / 4 {
        return Ok(());
    }
    let r = sd.resize(growth_target(t.used));
    memory(vm, r)
}

/// `set_difference`.
fn difference(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let other_size = if is_anyset(vm, other) {
        data(vm, other).len()
    } else if is_dict_exact(vm, other) {
        dict::data(other).len()
    } else {
        return copy_and_difference(vm, so, other);
    };
    let sd = data(vm, so);
    if (sd.len() >> 2) > other_size {
        return copy_and_difference(vm, so, other);
    }
    let result = new_like(vm, so)?;
    let rd = data(vm, &result);
    let mut pos = 0;
    if is_dict_exact(vm, other) {
        let dd = dict::data(other);
        while let Some((k, h)) = sd.next_entry(&mut pos) {
            if dd.get_with_hash(vm, &k, h)?.is_none() {
                rd.add_entry(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let od = data(vm, other);
    while let Some((k, h)) = sd.next_entry(&mut pos) {
        if !od.contains_hashed(vm, &k, h)? {
            rd.add_entry(vm, k, h)?;
        }
    }
    Ok(result)
}

fn copy_and_difference(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let r = copy_of(vm, so)?;
    difference_update(vm, &r, other)?;
    Ok(r)
}

/// `set_difference_multi`.
fn difference_multi(vm: &mut Vm, so: &Obj, others: &[Obj]) -> PyResult<Obj> {
    let Some((first, rest)) = others.split_first() else {
        return copy_of(vm, so);
    };
    let result = difference(vm, so, first)?;
    for o in rest {
        difference_update(vm, &result, o)?;
    }
    Ok(result)
}

/// `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<()> {
    let sd = data(vm, so);
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    let toggle = |vm: &mut Vm, k: Obj, h: i64| -> PyResult<()> {
        if !sd.discard_entry(vm, &k, h)? {
            sd.add_entry(vm, k, h)?;
        }
        Ok(())
    };
    if is_dict_exact(vm, other) {
        let pairs: Vec<(Obj, i64)> =
            dict::data(other).with_entries(|it| it.map(|e| (e.key.clone(), e.hash)).collect());
        for (k, h) in pairs {
            toggle(vm, k, h)?;
        }
        return Ok(());
    }
    let otherset = if is_anyset(vm, other) {
        other.clone()
    } else {
        let r = new_like(vm, so)?;
        update_internal(vm, &r, other)?;
        r
    };
    let od = data(vm, &otherset);
    let mut pos = 0;
    while let Some((k, h)) = od.next_entry(&mut pos) {
        toggle(vm, k, h)?;
    }
    Ok(())
}

/// `set_symmetric_difference`: a copy of `other` (of `so`'s kind) toggled by `so`'s members.
fn symmetric_difference(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<Obj> {
    let r = new_like(vm, so)?;
    update_internal(vm, &r, other)?;
    symmetric_difference_update(vm, &r, so)?;
    Ok(r)
}

/// `set_union`.
fn union(vm: &mut Vm, so: &Obj, others: &[Obj]) -> PyResult<Obj> {
    let r = copy_of(vm, so)?;
    for o in others {
        if o.is(so) {
            continue;
        }
        update_internal(vm, &r, o)?;
    }
    Ok(r)
}

/// `set_issubset`.
fn issubset(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<bool> {
    if !is_anyset(vm, other) {
        let tmp = intersection(vm, so, other)?;
        return Ok(data(vm, &tmp).len() == data(vm, so).len());
    }
    let (sd, od) = (data(vm, so), data(vm, other));
    if sd.len() > od.len() {
        return Ok(false);
    }
    let mut pos = 0;
    while let Some((k, h)) = sd.next_entry(&mut pos) {
        if !od.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_issuperset`.
fn issuperset(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<bool> {
    if is_anyset(vm, other) {
        return issubset(vm, other, so);
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if !contains_key(vm, so, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_isdisjoint`.
fn isdisjoint(vm: &mut Vm, so: &Obj, other: &Obj) -> PyResult<bool> {
    if so.is(other) {
        return Ok(data(vm, so).is_empty());
    }
    if is_anyset_exact(vm, other) {
        let (mut big, mut small) = (data(vm, so), data(vm, other));
        if small.len() > big.len() {
            std::mem::swap(&mut big, &mut small);
        }
        let mut pos = 0;
        while let Some((k, h)) = small.next_entry(&mut pos) {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.get_iter(other)?;
    while let Some(k) = vm.next(&it)? {
        if contains_key(vm, so, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---- slots ----

pub fn install(vm: &mut Vm) {
    for ty in [vm.types.set.clone(), vm.types.frozenset.clone()] {
        let t = as_type(&ty);
        t.slots.repr.set(Some(set_repr));
        t.slots.len.set(Some(|vm, s| Ok(data(vm, s).len())));
        t.slots.contains.set(Some(set_contains));
        t.slots.iter.set(Some(set_iter));
        t.slots.richcompare.set(Some(set_richcompare));
        t.slots.binary.set(Some(set_binary));
    }
    let st = as_type(&vm.types.set);
    st.slots.new.set(Some(set_new));
    st.slots.inplace.set(Some(set_inplace));
    let ft = as_type(&vm.types.frozenset);
    ft.slots.new.set(Some(frozenset_new));
    ft.slots
        .hash
        .set(Some(|vm, s| Ok(data(vm, s).frozen_hash())));
    let it = as_type(&vm.types.set_iterator);
    it.slots.iternext.set(Some(set_iter_next));
    it.slots.iter.set(Some(|_, o| Ok(o.clone())));
    for ty in [&vm.types.set, &vm.types.frozenset] {
        as_type(ty).slots.traverse.set(Some(traverse));
        as_type(ty).slots.clear.set(Some(clear));
    }
    it.slots.traverse.set(Some(iter_traverse));
    it.slots.clear.set(Some(iter_clear));

    let set_only: [(&'static str, crate::objects::typeobj::MethodFn); 9] = [
        ("add", m_add),
        ("remove", m_remove),
        ("discard", m_discard),
        ("pop", m_pop),
        ("clear", m_clear),
        ("update", m_update),
        ("intersection_update", m_intersection_update),
        ("difference_update", m_difference_update),
        ("symmetric_difference_update", m_symmetric_difference_update),
    ];
    let shared: [(&'static str, crate::objects::typeobj::MethodFn); 8] = [
        ("copy", m_copy),
        ("union", m_union),
        ("intersection", m_intersection),
        ("difference", m_difference),
        ("symmetric_difference", m_symmetric_difference),
        ("issubset", m_issubset),
        ("issuperset", m_issuperset),
        ("isdisjoint", m_isdisjoint),
    ];
    let (st, ft) = (vm.types.set.clone(), vm.types.frozenset.clone());
    for (name, f) in set_only {
        add_method(vm, &st, name, f);
    }
    for (name, f) in shared {
        add_method(vm, &st, name, f);
        add_method(vm, &ft, name, f);
    }
}

fn set_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "set", 0, 1)?;
    let s = new_empty(vm, false)?;
    if let Some(it) = p.first() {
        update_internal(vm, &s, it)?;
    }
    Ok(s)
}

fn frozenset_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let p = args.exact(vm, "frozenset", 0, 1)?;
    if let Some(it) = p.first() {
        if it.has_exact_type(&vm.types.frozenset) {
            return Ok(it.clone());
        }
    }
    let s = new_empty(vm, true)?;
    if let Some(it) = p.first() {
        update_internal(vm, &s, it)?;
    }
    Ok(s)
}

fn set_repr(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let name = s.ty().name().to_string();
    if vm.repr_guard_enter(s) {
        return vm.new_str(&format!("{name}(...)"));
    }
    let r = (|| -> PyResult<String> {
        let members = iterate_members(vm, s)?;
        if members.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mut out = String::new();
        for (i, v) in members.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(v)?);
        }
        Ok(if s.has_exact_type(&vm.types.set) {
            format!("{{{out}}}")
        } else {
            format!("{name}({{{out}}})")
        })
    })();
    vm.repr_guard_leave(s);
    vm.new_str(&r?)
}

/// `PySequence_List(so)`: the members, read through a set iterator.
fn iterate_members(vm: &mut Vm, s: &Obj) -> PyResult<Vec<Obj>> {
    let it = set_iter(vm, s)?;
    let mut out = Vec::with_capacity(data(vm, s).len());
    while let Some(v) = set_iter_next(vm, &it)? {
        out.push(v);
    }
    Ok(out)
}

fn set_contains(vm: &mut Vm, s: &Obj, key: &Obj) -> PyResult<bool> {
    let (k, h) = lookup_key(vm, key)?;
    data(vm, s).contains_hashed(vm, &k, h)
}

fn set_richcompare(vm: &mut Vm, v: &Obj, w: &Obj, op: CompareOp) -> PyResult<Obj> {
    if !is_anyset(vm, w) {
        return Ok(vm.not_implemented.clone());
    }
    let (lv, lw) = (data(vm, v).len(), data(vm, w).len());
    let r = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let (hv, hw) = (data(vm, v).hash.get(), data(vm, w).hash.get());
            let eq = if lv != lw || (hv != -1 && hw != -1 && hv != hw) {
                false
            } else {
                issubset(vm, v, w)?
            };
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Le => issubset(vm, v, w)?,
        CompareOp::Ge => issuperset(vm, v, w)?,
        CompareOp::Lt => lv < lw && issubset(vm, v, w)?,
        CompareOp::Gt => lv > lw && issuperset(vm, v, w)?,
    };
    Ok(vm.new_bool(r))
}

fn set_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(vm, a) || !is_anyset(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    match op {
        BinaryOp::Or => union(vm, a, std::slice::from_ref(b)),
        BinaryOp::And => intersection(vm, a, b),
        BinaryOp::Subtract => difference(vm, a, b),
        BinaryOp::Xor => symmetric_difference(vm, a, b),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn set_inplace(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_set(vm, a) || !is_anyset(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    match op {
        BinaryOp::Or => update_internal(vm, a, b)?,
        BinaryOp::And => intersection_update(vm, a, std::slice::from_ref(b))?,
        BinaryOp::Subtract => difference_update(vm, a, b)?,
        BinaryOp::Xor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(vm.not_implemented.clone()),
    }
    Ok(a.clone())
}

// ---- iterator ----

fn set_iter(vm: &mut Vm, s: &Obj) -> PyResult<Obj> {
    let n = data(vm, s).len();
    let it = SetIterData {
        set: ObjSlot::new(Some(s.clone())),
        used: Cell::new(n as isize),
        pos: Cell::new(0),
        len: Cell::new(n),
    };
    let ty = as_type(&vm.types.set_iterator) as *const TypeObject;
    // SAFETY: built-in type objects live as long as the interpreter.
    new_box(unsafe { &*ty }, it, true).map_err(|_| vm.memory_error())
}

fn set_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: this slot is installed only on `set_iterator`, whose layout is
    // `PyBox<SetIterData>`.
    let d = unsafe { payload::<SetIterData>(it) };
    let Some(so) = d.set.get() else {
        return Ok(None);
    };
    let sd = data(vm, &so);
    if d.used.get() != sd.len() as isize {
        d.used.set(-1);
        return Err(vm.runtime_error("Set changed size during iteration".into()));
    }
    let mut pos = d.pos.get();
    match sd.next_entry(&mut pos) {
        Some((k, _)) => {
            d.pos.set(pos);
            d.len.set(d.len.get().saturating_sub(1));
            Ok(Some(k))
        }
        None => {
            d.pos.set(pos);
            d.set.set(None);
            Ok(None)
        }
    }
}

// ---- collector support ----

/// `tp_traverse` of set and frozenset: visits each key once. The collector's `visit` runs no
/// Python code and does not touch the set, so the table may stay borrowed meanwhile.
pub fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    // SAFETY: installed only on set and frozenset, whose layout is `PyBox<SetData>`.
    let d = unsafe { payload::<SetData>(o) };
    for e in d.t().entries.as_slice() {
        if let Some(k) = &e.key {
            visit(k);
        }
    }
}

/// `tp_clear` of set and frozenset: empties the table (`set_clear_internal`).
pub fn clear(o: &Obj) {
    // SAFETY: installed only on set and frozenset, whose layout is `PyBox<SetData>`.
    unsafe { payload::<SetData>(o) }.clear();
}

pub fn iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    // SAFETY: installed only on `set_iterator`, whose layout is `PyBox<SetIterData>`.
    let d = unsafe { payload::<SetIterData>(o) };
    d.set.with(|s| {
        if let Some(s) = s {
            visit(s);
        }
    });
}

pub fn iter_clear(o: &Obj) {
    // SAFETY: installed only on `set_iterator`, whose layout is `PyBox<SetIterData>`.
    unsafe { payload::<SetIterData>(o) }.set.set(None);
}

// ---- methods ----

fn one_arg<'a>(vm: &mut Vm, s: &Obj, name: &str, args: Args<'a>) -> PyResult<&'a Obj> {
    let fname = format!("{}.{name}", kind(vm, s));
    Ok(&args.exact(vm, &fname, 1, 1)?[0])
}

fn no_args(vm: &mut Vm, s: &Obj, name: &str, args: Args) -> PyResult<()> {
    let fname = format!("{}.{name}", kind(vm, s));
    args.exact(vm, &fname, 0, 0)?;
    Ok(())
}

fn var_args<'a>(vm: &mut Vm, s: &Obj, name: &str, args: Args<'a>) -> PyResult<&'a [Obj]> {
    let fname = format!("{}.{name}", kind(vm, s));
    args.no_kwargs(vm, &fname)?;
    Ok(args.pos())
}

fn m_add(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let v = one_arg(vm, s, "add", args)?;
    vm.set_add(s, v.clone())?;
    Ok(vm.none.clone())
}

fn m_remove(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let key = one_arg(vm, s, "remove", args)?;
    let (k, h) = lookup_key(vm, key)?;
    if !data(vm, s).discard_entry(vm, &k, h)? {
        return Err(vm.key_error(key.clone()));
    }
    Ok(vm.none.clone())
}

fn m_discard(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let key = one_arg(vm, s, "discard", args)?;
    let (k, h) = lookup_key(vm, key)?;
    data(vm, s).discard_entry(vm, &k, h)?;
    Ok(vm.none.clone())
}

fn m_pop(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    no_args(vm, s, "pop", args)?;
    match data(vm, s).pop() {
        Some(k) => Ok(k),
        None => {
            let m = vm.new_str("pop from an empty set")?;
            Err(vm.key_error(m))
        }
    }
}

fn m_clear(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    no_args(vm, s, "clear", args)?;
    data(vm, s).clear();
    Ok(vm.none.clone())
}

fn m_copy(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    no_args(vm, s, "copy", args)?;
    if s.has_exact_type(&vm.types.frozenset) {
        return Ok(s.clone());
    }
    copy_of(vm, s)
}

fn m_update(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    for o in var_args(vm, s, "update", args)? {
        update_internal(vm, s, o)?;
    }
    Ok(vm.none.clone())
}

fn m_union(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let others = var_args(vm, s, "union", args)?;
    union(vm, s, others)
}

fn m_intersection(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let others = var_args(vm, s, "intersection", args)?;
    intersection_multi(vm, s, others)
}

fn m_intersection_update(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let others = var_args(vm, s, "intersection_update", args)?;
    intersection_update(vm, s, others)?;
    Ok(vm.none.clone())
}

fn m_difference(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let others = var_args(vm, s, "difference", args)?;
    difference_multi(vm, s, others)
}

fn m_difference_update(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    for o in var_args(vm, s, "difference_update", args)? {
        difference_update(vm, s, o)?;
    }
    Ok(vm.none.clone())
}

fn m_symmetric_difference(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let o = one_arg(vm, s, "symmetric_difference", args)?;
    symmetric_difference(vm, s, o)
}

fn m_symmetric_difference_update(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let o = one_arg(vm, s, "symmetric_difference_update", args)?;
    symmetric_difference_update(vm, s, o)?;
    Ok(vm.none.clone())
}

fn m_issubset(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let o = one_arg(vm, s, "issubset", args)?;
    let r = issubset(vm, s, o)?;
    Ok(vm.new_bool(r))
}

fn m_issuperset(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let o = one_arg(vm, s, "issuperset", args)?;
    let r = issuperset(vm, s, o)?;
    Ok(vm.new_bool(r))
}

fn m_isdisjoint(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let o = one_arg(vm, s, "isdisjoint", args)?;
    let r = isdisjoint(vm, s, o)?;
    Ok(vm.new_bool(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(vm: &mut Vm, xs: &[i64]) -> Vec<Obj> {
        xs.iter().map(|&x| vm.new_int(x).unwrap()).collect()
    }

    fn values(vm: &Vm, s: &Obj) -> Vec<i64> {
        keys(vm, s)
            .iter()
            .map(|k| int::as_small(k).unwrap())
            .collect()
    }

    #[test]
    fn one_by_one_and_constant_displays_follow_cpython() {
        let mut vm = Vm::new();
        // CPython 3.11: `a, b, c, d, e = 45, 3, 59, 31, 6; print(list({a, b, c, d, e}))`
        // prints [3, 6, 45, 59, 31]; `print(list({45, 3, 59, 31, 6}))` prints
        // [3, 6, 59, 45, 31].
        let items = ints(&mut vm, &[45, 3, 59, 31, 6]);
        let s = vm.new_set(items).unwrap();
        assert_eq!(values(&vm, &s), vec![3, 6, 45, 59, 31]);
        let items = ints(&mut vm, &[45, 3, 59, 31, 6]);
        let s = vm.new_set_const_display(items).unwrap();
        assert_eq!(values(&vm, &s), vec![3, 6, 59, 45, 31]);
    }

    #[test]
    fn dummies_are_reused_and_tables_come_from_the_heap() {
        let mut vm = Vm::new();
        let items = ints(&mut vm, &[1, 2]);
        let s = vm.new_set(items).unwrap();
        let sd = data(&vm, &s);
        assert_eq!(sd.buffer_bytes(), 8 * 16);
        let one = vm.new_int(1).unwrap();
        assert!(sd.discard_entry(&mut vm, &one, 1).unwrap());
        let nine = vm.new_int(9).unwrap();
        vm.set_add(&s, nine).unwrap();
        // CPython: {9, 2} — 9 takes the dummy left by 1.
        assert_eq!(values(&vm, &s), vec![9, 2]);
        let more = ints(&mut vm, &[3, 4, 5, 6]);
        for v in more {
            vm.set_add(&s, v).unwrap();
        }
        assert_eq!(data(&vm, &s).buffer_bytes(), 32 * 16);
    }
}
