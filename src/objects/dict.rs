//! `dict`: CPython's compact, insertion-ordered hash table. A sparse index array (open
//! addressing with CPython's perturbed probing) points into a dense entry array that keeps
//! insertion order; both arrays live on the obmalloc heap.
//!
//! Invariants:
//! - `indices.len()` is a power of two >= 8; an index slot is EMPTY, DUMMY (deleted) or
//!   `entry position + 1`.
//! - `entries[i]` is `None` once deleted; `used` counts the `Some` entries.
//! - Borrow discipline as in `list.rs`: the table is never borrowed across a call into Python
//!   code (key `__eq__`) or a drop of a key/value; `version` changes on every mutation so a
//!   lookup that ran Python code can detect that the table changed under it and restart.
//! - A dict is GC-tracked only once it holds a value that may be tracked (CPython's rule).

use std::cell::{Cell, UnsafeCell};

use crate::heap::alloc::gc_header_of;
use crate::heap::gc;
use crate::heap::{AllocError, HeapVec, Obj};
use crate::objects::pybox::{new_box, payload};
use crate::objects::str::{is_str, str_eq, str_hash_value};
use crate::objects::typeobj::{as_type, flags, TypeObject};
use crate::vm::{PyResult, Vm};

const EMPTY: u32 = 0;
const DUMMY: u32 = u32::MAX;
const MIN_SIZE: usize = 8;

pub struct Entry {
    pub hash: i64,
    pub key: Obj,
    pub value: Obj,
}

struct Table {
    indices: HeapVec<u32>,
    entries: HeapVec<Option<Entry>>,
    used: usize,
}

impl Drop for Table {
    /// A dying dict releases its entries first-to-last (key, then value), as CPython's dict
    /// dealloc does; `HeapVec`'s own drop would release them last-to-first, like a list.
    fn drop(&mut self) {
        self.entries.clear_front_to_back();
    }
}

pub struct DictData {
    table: UnsafeCell<Table>,
    version: Cell<u64>,
    /// An instance's `__dict__`: never tracked on its own; the owning instance's traverse
    /// reports its values (CPython 3.11's managed dicts behave the same for the collector).
    pub managed: Cell<bool>,
    /// A type's namespace: every change (and the dict's death) invalidates the type attribute
    /// cache, which borrows the values it remembers from such dicts.
    pub type_dict: Cell<bool>,
}

impl Drop for DictData {
    fn drop(&mut self) {
        if self.type_dict.get() {
            crate::heap::type_attr_cache::invalidate();
        }
    }
}

thread_local! {
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

/// A version tag no dict of this thread had before.
#[inline(always)]
fn next_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

#[inline(always)]
pub fn is_dict(obj: &Obj) -> bool {
    obj.ty().has_flag(flags::DICT_SUBCLASS)
}

/// The dict payload. Panics if `obj` is not a dict.
#[inline(always)]
pub fn data(obj: &Obj) -> &DictData {
    assert!(is_dict(obj), "not a dict");
    // SAFETY: dicts and their subclasses use the `PyBox<DictData>` layout.
    unsafe { payload::<DictData>(obj) }
}

#[inline(always)]
pub fn try_data(obj: &Obj) -> Option<&DictData> {
    if is_dict(obj) {
        Some(data(obj))
    } else {
        None
    }
}

/// Where a probe ended: the index slot, and the entry position when the key was found.
struct Probe {
    slot: usize,
    found: Option<usize>,
}

enum FastEq {
    Equal,
    NotEqual,
    /// Needs Python-level `__eq__`.
    Unknown,
}

#[inline]
fn fast_eq(a: &Obj, b: &Obj) -> FastEq {
    if a.is(b) {
        return FastEq::Equal;
    }
    let (ta, tb) = (a.type_ptr(), b.type_ptr());
    if ta == tb && is_str(a) && a.ty().name() == "str" {
        return if str_eq(a, b) {
            FastEq::Equal
        } else {
            FastEq::NotEqual
        };
    }
    if let (Some(x), Some(y)) = (
        crate::objects::int::as_small(a),
        crate::objects::int::as_small(b),
    ) {
        return if x == y {
            FastEq::Equal
        } else {
            FastEq::NotEqual
        };
    }
    FastEq::Unknown
}

impl DictData {
    pub fn new() -> DictData {
        DictData {
            table: UnsafeCell::new(Table {
                indices: HeapVec::new(),
                entries: HeapVec::new(),
                used: 0,
            }),
            version: Cell::new(next_version()),
            managed: Cell::new(false),
            type_dict: Cell::new(false),
        }
    }

    #[inline(always)]
    fn t(&self) -> &Table {
        // SAFETY: module invariant: borrows never span a call into Python code.
        unsafe { &*self.table.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn t_mut(&self) -> &mut Table {
        // SAFETY: module invariant: exclusive only for the duration of one accessor.
        unsafe { &mut *self.table.get() }
    }

    #[inline(always)]
    fn bump(&self) {
        self.version.set(next_version());
        if self.type_dict.get() {
            crate::heap::type_attr_cache::invalidate();
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.t().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The dict's version tag: unique among all dicts of the thread and replaced on every
    /// change (CPython's `ma_version_tag`), so an unchanged tag proves an unchanged dict.
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Bytes of heap the index and entry arrays occupy.
    pub fn buffer_bytes(&self) -> usize {
        self.t().indices.buffer_bytes() + self.t().entries.buffer_bytes()
    }

    /// Probes for `key` without running Python code; `None` if a key needs `__eq__`.
    fn probe_fast(&self, key: &Obj, hash: i64) -> Option<Probe> {
        let t = self.t();
        let n = t.indices.len();
        if n == 0 {
            return Some(Probe {
                slot: 0,
                found: None,
            });
        }
        let mask = n - 1;
        let idx = t.indices.as_slice();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first_free: Option<usize> = None;
        loop {
            let ix = idx[i];
            if ix == EMPTY {
                return Some(Probe {
                    slot: first_free.unwrap_or(i),
                    found: None,
                });
            }
            if ix == DUMMY {
                first_free.get_or_insert(i);
            } else {
                let pos = (ix - 1) as usize;
                if let Some(e) = &t.entries.as_slice()[pos] {
                    if e.hash == hash {
                        match fast_eq(&e.key, key) {
                            FastEq::Equal => {
                                return Some(Probe {
                                    slot: i,
                                    found: Some(pos),
                                })
                            }
                            FastEq::NotEqual => {}
                            FastEq::Unknown => return None,
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// Full probe, calling `__eq__` where needed and restarting if the table changes meanwhile.
    fn probe(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Probe> {
        if let Some(p) = self.probe_fast(key, hash) {
            return Ok(p);
        }
        'restart: loop {
            let version = self.version.get();
            let n = self.t().indices.len();
            let mask = n - 1;
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut first_free: Option<usize> = None;
            loop {
                let ix = self.t().indices.as_slice()[i];
                if ix == EMPTY {
                    return Ok(Probe {
                        slot: first_free.unwrap_or(i),
                        found: None,
                    });
                }
                if ix == DUMMY {
                    first_free.get_or_insert(i);
                } else {
                    let pos = (ix - 1) as usize;
                    let candidate = match &self.t().entries.as_slice()[pos] {
                        Some(e) if e.hash == hash => Some(e.key.clone()),
                        _ => None,
                    };
                    if let Some(k) = candidate {
                        let eq = match fast_eq(&k, key) {
                            FastEq::Equal => true,
                            FastEq::NotEqual => false,
                            FastEq::Unknown => vm.eq(&k, key)?,
                        };
                        if self.version.get() != version {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Probe {
                                slot: i,
                                found: Some(pos),
                            });
                        }
                    }
                }
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
        }
    }

    pub fn get_with_hash(&self, vm: &mut Vm, key: &Obj, hash: i64) -> PyResult<Option<Obj>> {
        let p = self.probe(vm, key, hash)?;
        Ok(p.found.and_then(|pos| {
            self.t().entries.as_slice()[pos]
                .as_ref()
                .map(|e| e.value.clone())
        }))
    }

    pub fn get(&self, vm: &mut Vm, key: &Obj) -> PyResult<Option<Obj>> {
        let hash = vm.hash(key)?;
        self.get_with_hash(vm, key, hash)
    }

    /// Lookup by an interned or plain str key without running Python code (globals, attributes).
    #[inline]
    pub fn get_str(&self, key: &Obj) -> Option<Obj> {
        let hash = str_hash_value(key);
        let p = self.probe_fast(key, hash)?;
        p.found.and_then(|pos| {
            self.t().entries.as_slice()[pos]
                .as_ref()
                .map(|e| e.value.clone())
        })
    }

    /// The position and value of str key `key` when the dict holds that very key object (an
    /// interned attribute name), for the attribute inline caches (`heap::attr_cache`).
    pub fn find_identical_str(&self, key: &Obj) -> Option<(usize, Obj)> {
        let pos = self.probe_fast(key, str_hash_value(key))?.found?;
        match &self.t().entries.as_slice()[pos] {
            Some(e) if e.key.is(key) => Some((pos, e.value.clone())),
            _ => None,
        }
    }

    /// The value at entry position `pos` if that entry's key is the very object `key`: an
    /// inline cache's remembered position, re-checked (a moved or deleted entry is a miss).
    #[inline(always)]
    pub fn value_at_identical(&self, pos: usize, key: &Obj) -> Option<Obj> {
        match self.t().entries.as_slice().get(pos) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// Replaces the value at entry position `pos` if that entry's key is the very object
    /// `key`, returning the old value for the caller to drop; gives `value` back otherwise.
    /// The dict's size and keys are unchanged, so no GC tracking decision changes either
    /// when the dict is a managed instance dict (never tracked on its own).
    #[inline]
    pub fn replace_at_identical(&self, pos: usize, key: &Obj, value: Obj) -> Result<Obj, Obj> {
        if self.type_dict.get() || !self.managed.get() {
            return Err(value);
        }
        match self.t_mut().entries.as_mut_slice().get_mut(pos) {
            Some(Some(e)) if e.key.is(key) => {
                let old = std::mem::replace(&mut e.value, value);
                self.bump();
                Ok(old)
            }
            _ => Err(value),
        }
    }

    pub fn contains(&self, vm: &mut Vm, key: &Obj) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.probe(vm, key, hash)?.found.is_some())
    }

    /// Inserts or replaces; returns the previous value for the caller to drop.
    pub fn insert_with_hash(
        &self,
        vm: &mut Vm,
        key: Obj,
        hash: i64,
        value: Obj,
    ) -> PyResult<Option<Obj>> {
        let p = self.probe(vm, &key, hash)?;
        if let Some(pos) = p.found {
            let e = self.t_mut().entries.as_mut_slice()[pos]
                .as_mut()
                .expect("probe found a live entry");
            let old = std::mem::replace(&mut e.value, value);
            self.bump();
            return Ok(Some(old));
        }
        self.insert_new(vm, key, hash, value, p.slot)?;
        Ok(None)
    }

    pub fn insert(&self, vm: &mut Vm, key: Obj, value: Obj) -> PyResult<Option<Obj>> {
        let hash = vm.hash(&key)?;
        self.insert_with_hash(vm, key, hash, value)
    }

    /// Inserts a str key (its hash cannot fail and needs no VM for the fast path).
    pub fn insert_str(&self, vm: &mut Vm, key: Obj, value: Obj) -> PyResult<Option<Obj>> {
        let hash = str_hash_value(&key);
        self.insert_with_hash(vm, key, hash, value)
    }

    fn insert_new(
        &self,
        vm: &mut Vm,
        key: Obj,
        hash: i64,
        value: Obj,
        slot: usize,
    ) -> PyResult<()> {
        let t = self.t();
        let n = t.indices.len();
        let usable = n * 2 / 3;
        let slot = if n == 0 || t.entries.len() >= usable {
            self.resize(t.used * 3).map_err(|_| vm.memory_error())?;
            self.free_slot(hash)
        } else {
            slot
        };
        let t = self.t_mut();
        let pos = t.entries.len();
        t.entries
            .push(Some(Entry { hash, key, value }))
            .map_err(|_| vm.memory_error())?;
        t.indices.as_mut_slice()[slot] = (pos + 1) as u32;
        t.used += 1;
        self.bump();
        Ok(())
    }

    /// The first empty slot on `hash`'s probe sequence (the table has no dummies after resize).
    fn free_slot(&self, hash: i64) -> usize {
        let idx = self.t().indices.as_slice();
        let mask = idx.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while idx[i] != EMPTY {
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    /// Rebuilds the index for at least `min_used` entries and compacts deleted entries away.
    fn resize(&self, min_used: usize) -> Result<(), AllocError> {
        let mut size = MIN_SIZE;
        while size * 2 / 3 <= min_used.max(self.t().used) {
            size = size.checked_mul(2).ok_or(AllocError)?;
        }
        let mut indices = HeapVec::with_capacity(size)?;
        for _ in 0..size {
            indices.push(EMPTY)?;
        }
        let t = self.t_mut();
        let mut entries = HeapVec::with_capacity(size * 2 / 3)?;
        for e in t.entries.take_all().into_iter().flatten() {
            entries.push(Some(e))?;
        }
        t.entries.free_buffer();
        t.indices = indices;
        t.entries = entries;
        let mask = size - 1;
        for pos in 0..t.entries.len() {
            let hash = t.entries.as_slice()[pos].as_ref().map_or(0, |e| e.hash);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while t.indices.as_slice()[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            t.indices.as_mut_slice()[i] = (pos + 1) as u32;
        }
        Ok(())
    }

    /// Removes `key`; returns the removed entry for the caller to drop.
    pub fn remove(&self, vm: &mut Vm, key: &Obj) -> PyResult<Option<Entry>> {
        let hash = vm.hash(key)?;
        let p = self.probe(vm, key, hash)?;
        let Some(pos) = p.found else {
            return Ok(None);
        };
        let t = self.t_mut();
        let e = t.entries.as_mut_slice()[pos].take();
        t.indices.as_mut_slice()[p.slot] = DUMMY;
        t.used -= 1;
        self.bump();
        Ok(e)
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<Entry> {
        let t = self.t_mut();
        while let Some(last) = t.entries.pop() {
            if let Some(e) = last {
                // Find and clear its index slot.
                let pos = t.entries.len();
                let mask = t.indices.len() - 1;
                let mut perturb = e.hash as u64;
                let mut i = (e.hash as u64 as usize) & mask;
                while t.indices.as_slice()[i] != (pos + 1) as u32 {
                    perturb >>= 5;
                    i = (i
                        .wrapping_mul(5)
                        .wrapping_add(perturb as usize)
                        .wrapping_add(1))
                        & mask;
                }
                t.indices.as_mut_slice()[i] = DUMMY;
                t.used -= 1;
                self.bump();
                return Some(e);
            }
        }
        None
    }

    /// Number of entry positions (live or deleted), for iteration by position.
    pub fn entry_capacity(&self) -> usize {
        self.t().entries.len()
    }

    /// The live entry at position `pos`, if any: `(key, value)` handles.
    pub fn entry_at(&self, pos: usize) -> Option<(Obj, Obj)> {
        self.t()
            .entries
            .as_slice()
            .get(pos)?
            .as_ref()
            .map(|e| (e.key.clone(), e.value.clone()))
    }

    /// New handles to every `(key, value)` pair, in order.
    pub fn items(&self) -> Vec<(Obj, Obj)> {
        self.t()
            .entries
            .as_slice()
            .iter()
            .flatten()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Obj> {
        self.t()
            .entries
            .as_slice()
            .iter()
            .flatten()
            .map(|e| e.key.clone())
            .collect()
    }

    /// Runs `f` over the live entries. `f` must not run Python code or touch this dict.
    pub fn with_entries<R>(&self, f: impl FnOnce(&mut dyn Iterator<Item = &Entry>) -> R) -> R {
        let mut it = self.t().entries.as_slice().iter().flatten();
        f(&mut it)
    }

    /// Removes everything; returns the entries for the caller to drop.
    pub fn clear(&self) -> Vec<Entry> {
        let t = self.t_mut();
        let out: Vec<Entry> = t.entries.take_all().into_iter().flatten().collect();
        t.entries.free_buffer();
        t.indices = HeapVec::new();
        t.used = 0;
        self.bump();
        out
    }
}

impl Default for DictData {
    fn default() -> Self {
        DictData::new()
    }
}

impl Vm {
    pub fn new_dict(&mut self) -> PyResult<Obj> {
        let ty = as_type(&self.types.dict) as *const TypeObject;
        // SAFETY: the dict type lives as long as the interpreter.
        new_box(unsafe { &*ty }, DictData::new(), false).map_err(|_| self.memory_error())
    }

    /// `d[key] = value`, keeping CPython's tracking rule (track once a value may be tracked).
    pub fn dict_set(&mut self, d: &Obj, key: Obj, value: Obj) -> PyResult<()> {
        maybe_track(d, &key, &value);
        let old = data(d).insert(self, key, value)?;
        drop(old);
        Ok(())
    }

    pub fn dict_set_str(&mut self, d: &Obj, key: &str, value: Obj) -> PyResult<()> {
        let k = self.intern(key);
        maybe_track(d, &k, &value);
        let old = data(d).insert_str(self, k, value)?;
        drop(old);
        Ok(())
    }
}

/// Turns an instance's managed dict into an ordinary one (it is being detached from its
/// instance, or shared by assignment to another instance's `__dict__`): from now on the dict
/// is an object of its own for the collector, tracked when it holds a GC object, as any dict.
pub fn unmanage(d: &Obj) {
    let dd = data(d);
    if !dd.managed.replace(false) {
        return;
    }
    let holds_gc = dd.with_entries(|it| {
        for e in it {
            if e.key.ty().has_gc() || e.value.ty().has_gc() {
                return true;
            }
        }
        false
    });
    if holds_gc {
        // SAFETY: dict types have the GC flag, so the header exists.
        unsafe {
            let g = gc_header_of(d.as_nonnull());
            if !gc::is_tracked(g) {
                gc::track(g);
            }
        }
    }
}

/// CPython's `MAINTAIN_TRACKING`: an untracked dict becomes tracked when it gets a key or value
/// that is a GC object.
fn maybe_track(d: &Obj, key: &Obj, value: &Obj) {
    if (key.ty().has_gc() || value.ty().has_gc()) && !data(d).managed.get() {
        // SAFETY: dict types have the GC flag, so the header exists.
        unsafe {
            let g = gc_header_of(d.as_nonnull());
            if !gc::is_tracked(g) {
                gc::track(g);
            }
        }
    }
}
