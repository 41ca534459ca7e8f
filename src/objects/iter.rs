//! `range` and the built-in iterator types: sequence iterators (list, tuple, str), range
//! iterators, dict key/value/item iterators, `enumerate`, `zip`, `reversed`, `map`, `filter`,
//! and the two iterators `iter()` makes for objects without `__iter__`: `iterator` (items by
//! `__getitem__` from 0) and `callable_iterator` (`iter(callable, sentinel)`).
//!
//! Invariant: an exhausted iterator drops its reference to the underlying sequence, as
//! CPython's do, so a finished loop does not keep its sequence alive.

use std::cell::Cell;

use crate::heap::{Obj, ObjSlot};
use crate::objects::args::Args;
use crate::objects::pybox::{new_box, payload};
use crate::objects::typeobj::{as_type, try_as_type};
use crate::objects::{dict, list, str as pystr, tuple};
use crate::vm::{PyResult, Vm};

pub struct RangeData {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

pub struct SeqIterData {
    pub seq: ObjSlot,
    pub index: Cell<usize>,
}

pub struct RangeIterData {
    pub next: Cell<i64>,
    pub step: i64,
    pub remaining: Cell<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

pub struct DictIterData {
    pub dict: ObjSlot,
    pub pos: Cell<usize>,
    pub len_at_start: usize,
    /// Entries still to be produced: finding one more means keys were replaced while
    /// iterating (same size, other keys), which CPython reports too.
    pub remaining: Cell<usize>,
    pub kind: DictIterKind,
}

pub struct EnumerateData {
    pub it: Obj,
    pub count: Cell<i64>,
    /// The count once it no longer fits in an `i64`.
    pub big: ObjSlot,
}

pub struct ZipData {
    pub iters: Vec<Obj>,
    /// `zip(..., strict=True)`: iterables of unequal lengths raise ValueError.
    pub strict: bool,
}

/// `iter(callable, sentinel)`; both slots are emptied once the sentinel is seen.
pub struct CallIterData {
    pub callable: ObjSlot,
    pub sentinel: ObjSlot,
}

pub struct MapData {
    pub func: Obj,
    pub iters: Vec<Obj>,
}

pub struct FilterData {
    pub func: Obj,
    pub it: Obj,
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
    } else {
        0
    }
}

pub fn range_data<'a>(vm: &Vm, obj: &'a Obj) -> Option<&'a RangeData> {
    if obj.has_exact_type(&vm.types.range) {
        // SAFETY: checked the type.
        Some(unsafe { payload::<RangeData>(obj) })
    } else {
        None
    }
}

fn alloc<T>(vm: &mut Vm, ty: &Obj, data: T, track: bool) -> PyResult<Obj> {
    new_box(as_type(ty), data, track).map_err(|_| vm.memory_error())
}

impl Vm {
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> PyResult<Obj> {
        let ty = self.types.range.clone();
        let len = range_len(start, stop, step);
        alloc(
            self,
            &ty,
            RangeData {
                start,
                stop,
                step,
                len,
            },
            false,
        )
    }

    pub fn new_seq_iter(&mut self, ty: &Obj, seq: Obj) -> PyResult<Obj> {
        alloc(
            self,
            ty,
            SeqIterData {
                seq: ObjSlot::new(Some(seq)),
                index: Cell::new(0),
            },
            true,
        )
    }
}

/// `range(stop)` / `range(start, stop[, step])`.
pub fn range_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "range", 1, 3)?;
    let vals: Vec<i64> = pos
        .iter()
        .map(|a| vm.index_i64(a))
        .collect::<PyResult<_>>()?;
    let (start, stop, step) = match vals.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!(),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero".into()));
    }
    vm.new_range(start, stop, step)
}

pub fn range_iter(vm: &mut Vm, r: &Obj) -> PyResult<Obj> {
    let d = range_data(vm, r).expect("range slot on a non-range");
    let data = RangeIterData {
        next: Cell::new(d.start),
        step: d.step,
        remaining: Cell::new(d.len),
    };
    let ty = vm.types.range_iterator.clone();
    alloc(vm, &ty, data, false)
}

/// The state of `it` when it is a range iterator (for the eval loop's `FOR_ITER` fast path).
#[inline(always)]
pub fn as_range_iter<'a>(vm: &Vm, it: &'a Obj) -> Option<&'a RangeIterData> {
    if it.has_exact_type(&vm.types.range_iterator) {
        // SAFETY: range_iterator objects have the `PyBox<RangeIterData>` layout.
        Some(unsafe { payload::<RangeIterData>(it) })
    } else {
        None
    }
}

impl RangeIterData {
    /// The next value without consuming it, None when exhausted.
    #[inline(always)]
    pub fn peek(&self) -> Option<i64> {
        (self.remaining.get() > 0).then(|| self.next.get())
    }

    /// Consumes the value `peek` returned.
    #[inline(always)]
    pub fn advance(&self) {
        self.remaining.set(self.remaining.get() - 1);
        self.next.set(self.next.get().wrapping_add(self.step));
    }
}

pub fn range_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: this slot is only installed on range_iterator, whose layout is RangeIterData.
    let d = unsafe { payload::<RangeIterData>(it) };
    let rem = d.remaining.get();
    if rem == 0 {
        return Ok(None);
    }
    d.remaining.set(rem - 1);
    let v = d.next.get();
    d.next.set(v.wrapping_add(d.step));
    vm.new_int(v).map(Some)
}

pub fn range_len_slot(vm: &mut Vm, r: &Obj) -> PyResult<usize> {
    Ok(range_data(vm, r).expect("range").len)
}

pub fn range_repr(vm: &mut Vm, r: &Obj) -> PyResult<Obj> {
    let d = range_data(vm, r).expect("range");
    let s = if d.step == 1 {
        format!("range({}, {})", d.start, d.stop)
    } else {
        format!("range({}, {}, {})", d.start, d.stop, d.step)
    };
    vm.new_str(&s)
}

/// The item at `index` (already normalised to `0..len`).
pub fn range_item(d: &RangeData, index: usize) -> i64 {
    (d.start as i128 + d.step as i128 * index as i128) as i64
}

pub fn seq_iter_data(it: &Obj) -> &SeqIterData {
    // SAFETY: sequence iterator types use the `PyBox<SeqIterData>` layout; callers are their slots.
    unsafe { payload::<SeqIterData>(it) }
}

pub fn list_iter_next(_vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let i = d.index.get();
    let item = d.seq.with(|s| s.and_then(|l| list::data(l).get(i)));
    match item {
        Some(v) => {
            d.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

pub fn tuple_iter_next(_vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let i = d.index.get();
    let item = d
        .seq
        .with(|s| s.and_then(|t| tuple::items(t).get(i).cloned()));
    match item {
        Some(v) => {
            d.index.set(i + 1);
            Ok(Some(v))
        }
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

/// str iterator: `index` is a byte offset into the UTF-8 data.
pub fn str_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let i = d.index.get();
    let ch = d
        .seq
        .with(|s| s.and_then(|s| pystr::as_str(s)[i..].chars().next()));
    match ch {
        Some(c) => {
            d.index.set(i + c.len_utf8());
            let mut buf = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut buf)).map(Some)
        }
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

/// reversed() over a list or tuple: `index` counts how many items remain.
pub fn reversed_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let i = d.index.get();
    if i == 0 {
        d.seq.set(None);
        return Ok(None);
    }
    let Some(seq) = d.seq.get() else {
        return Ok(None);
    };
    let item = if list::is_list(&seq) {
        list::data(&seq).get(i - 1)
    } else if tuple::is_tuple(&seq) {
        tuple::items(&seq).get(i - 1).cloned()
    } else {
        // A sequence by `__len__` and `__getitem__`.
        let k = vm.new_usize(i - 1)?;
        match vm.getitem(&seq, &k) {
            Ok(v) => Some(v),
            Err(e) if ends_sequence(vm, &e) => None,
            Err(e) => return Err(e),
        }
    };
    d.index.set(i - 1);
    match item {
        Some(v) => Ok(Some(v)),
        None => {
            d.seq.set(None);
            Ok(None)
        }
    }
}

impl Vm {
    pub fn new_dict_iter(&mut self, d: &Obj, kind: DictIterKind) -> PyResult<Obj> {
        let ty = match kind {
            DictIterKind::Keys => self.types.dict_keyiterator.clone(),
            DictIterKind::Values => self.types.dict_valueiterator.clone(),
            DictIterKind::Items => self.types.dict_itemiterator.clone(),
        };
        let data = DictIterData {
            dict: ObjSlot::new(Some(d.clone())),
            pos: Cell::new(0),
            len_at_start: dict::data(d).len(),
            remaining: Cell::new(dict::data(d).len()),
            kind,
        };
        alloc(self, &ty, data, true)
    }
}

pub fn dict_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: dict iterator types use the `PyBox<DictIterData>` layout.
    let d = unsafe { payload::<DictIterData>(it) };
    let Some(dobj) = d.dict.get() else {
        return Ok(None);
    };
    let dd = dict::data(&dobj);
    if dd.len() != d.len_at_start {
        d.dict.set(None);
        return Err(vm.runtime_error("dictionary changed size during iteration".into()));
    }
    let mut pos = d.pos.get();
    while pos < dd.entry_capacity() {
        if let Some((k, v)) = dd.entry_at(pos) {
            if d.remaining.get() == 0 {
                d.dict.set(None);
                return Err(vm.runtime_error("dictionary keys changed during iteration".into()));
            }
            d.remaining.set(d.remaining.get() - 1);
            d.pos.set(pos + 1);
            return match d.kind {
                DictIterKind::Keys => Ok(Some(k)),
                DictIterKind::Values => Ok(Some(v)),
                DictIterKind::Items => vm.new_tuple(vec![k, v]).map(Some),
            };
        }
        pos += 1;
    }
    d.pos.set(pos);
    d.dict.set(None);
    Ok(None)
}

pub fn enumerate_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let [iterable, start] = args.bind(vm, "enumerate", ["iterable", "start"], 0, 1)?;
    let it = vm.get_iter(iterable.expect("required"))?;
    let (count, big) = match start {
        Some(s) => match vm.index_value(s)? {
            crate::objects::int::IntValue::Small(v) => (v, None),
            crate::objects::int::IntValue::Big(_) => (0, Some(s.clone())),
        },
        None => (0, None),
    };
    let ty = vm.types.enumerate.clone();
    alloc(
        vm,
        &ty,
        EnumerateData {
            it,
            count: Cell::new(count),
            big: ObjSlot::new(big),
        },
        true,
    )
}

pub fn enumerate_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: enumerate objects use the `PyBox<EnumerateData>` layout.
    let d = unsafe { payload::<EnumerateData>(it) };
    let inner = d.it.clone();
    match vm.next(&inner)? {
        Some(v) => {
            let n = match d.big.get() {
                // Past i64::MAX the count continues as a big int, as in CPython.
                Some(b) => {
                    let one = vm.new_int(1)?;
                    let next = vm.binary_op(crate::objects::typeobj::BinaryOp::Add, &b, &one)?;
                    d.big.set(Some(next));
                    b
                }
                None => {
                    let i = d.count.get();
                    match i.checked_add(1) {
                        Some(j) => d.count.set(j),
                        None => {
                            let next = vm.new_bigint(num_bigint::BigInt::from(i) + 1)?;
                            d.big.set(Some(next));
                        }
                    }
                    vm.new_int(i)?
                }
            };
            vm.new_tuple(vec![n, v]).map(Some)
        }
        None => Ok(None),
    }
}

pub fn zip_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{k}'")));
        }
    }
    let mut iters = Vec::new();
    for a in args.pos() {
        iters.push(vm.get_iter(a)?);
    }
    let ty = vm.types.zip.clone();
    alloc(vm, &ty, ZipData { iters, strict }, true)
}

pub fn zip_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: zip objects use the `PyBox<ZipData>` layout.
    let d = unsafe { payload::<ZipData>(it) };
    if d.iters.is_empty() {
        return Ok(None);
    }
    let iters = d.iters.clone();
    let mut out = Vec::with_capacity(iters.len());
    for (k, i) in iters.iter().enumerate() {
        match vm.next(i)? {
            Some(v) => out.push(v),
            None if d.strict => return zip_strict_end(vm, &iters, k),
            None => return Ok(None),
        }
    }
    vm.new_tuple(out).map(Some)
}

/// The end of a strict zip: iterator `k` ran out; all must end together (CPython's messages).
fn zip_strict_end(vm: &mut Vm, iters: &[Obj], k: usize) -> PyResult<Option<Obj>> {
    let plural = |n: usize| if n == 1 { " " } else { "s 1-" };
    if k > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than argument{}{}",
            k + 1,
            plural(k),
            k
        )));
    }
    for (j, i) in iters.iter().enumerate().skip(1) {
        if vm.next(i)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than argument{}{}",
                j + 1,
                plural(j),
                j
            )));
        }
    }
    Ok(None)
}

pub fn map_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    args.no_kwargs(vm, "map")?;
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments.".into()));
    }
    let mut iters = Vec::new();
    for a in &pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    let ty = vm.types.map.clone();
    alloc(
        vm,
        &ty,
        MapData {
            func: pos[0].clone(),
            iters,
        },
        true,
    )
}

pub fn map_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: map objects use the `PyBox<MapData>` layout.
    let d = unsafe { payload::<MapData>(it) };
    let (func, iters) = (d.func.clone(), d.iters.clone());
    let mut vals = Vec::with_capacity(iters.len());
    for i in &iters {
        match vm.next(i)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    vm.call(&func, &vals).map(Some)
}

pub fn filter_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "filter", 2, 2)?;
    let it = vm.get_iter(&pos[1])?;
    let ty = vm.types.filter.clone();
    alloc(
        vm,
        &ty,
        FilterData {
            func: pos[0].clone(),
            it,
        },
        true,
    )
}

pub fn filter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: filter objects use the `PyBox<FilterData>` layout.
    let d = unsafe { payload::<FilterData>(it) };
    let (func, inner) = (d.func.clone(), d.it.clone());
    loop {
        let Some(v) = vm.next(&inner)? else {
            return Ok(None);
        };
        let keep = if func.is(&vm.none) {
            vm.is_true(&v)?
        } else {
            let r = vm.call(&func, std::slice::from_ref(&v))?;
            vm.is_true(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
}

/// IndexError or StopIteration from `__getitem__`: the end of an old-style sequence.
fn ends_sequence(vm: &Vm, e: &crate::vm::PyErr) -> bool {
    vm.err_matches(e, &vm.types.exc.index_error) || vm.err_matches(e, &vm.types.exc.stop_iteration)
}

/// The `iterator` over an object with `__getitem__` but no `__iter__`.
pub fn seq_getitem_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    let d = seq_iter_data(it);
    let Some(seq) = d.seq.get() else {
        return Ok(None);
    };
    let i = d.index.get();
    let k = vm.new_usize(i)?;
    match vm.getitem(&seq, &k) {
        Ok(v) => {
            d.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if ends_sequence(vm, &e) => {
            d.seq.set(None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `iter(callable, sentinel)`.
pub fn new_callable_iter(vm: &mut Vm, callable: &Obj, sentinel: &Obj) -> PyResult<Obj> {
    if callable.ty().slots.call.get().is_none() {
        return Err(vm.type_error("iter(v, w): v must be callable".into()));
    }
    let ty = vm.types.callable_iterator.clone();
    let data = CallIterData {
        callable: ObjSlot::new(Some(callable.clone())),
        sentinel: ObjSlot::new(Some(sentinel.clone())),
    };
    alloc(vm, &ty, data, true)
}

pub fn callable_iter_next(vm: &mut Vm, it: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: callable_iterator objects use the `PyBox<CallIterData>` layout.
    let d = unsafe { payload::<CallIterData>(it) };
    let (Some(f), Some(sentinel)) = (d.callable.get(), d.sentinel.get()) else {
        return Ok(None);
    };
    let v = match vm.call(&f, &[]) {
        Ok(v) => v,
        Err(e) if vm.err_matches(&e, &vm.types.exc.stop_iteration) => {
            d.callable.set(None);
            d.sentinel.set(None);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if vm.eq(&v, &sentinel)? {
        d.callable.set(None);
        d.sentinel.set(None);
        return Ok(None);
    }
    Ok(Some(v))
}

/// `reversed(seq)`.
pub fn reversed_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "reversed", 1, 1)?;
    let seq = &pos[0];
    if crate::objects::class::is_heap_type(seq.ty()) {
        let n = vm.intern("__reversed__");
        if let Some(f) = crate::objects::class_slots::lookup_python_attr(vm, seq.ty(), &n) {
            if f.is(&vm.none) {
                return Err(
                    vm.type_error(format!("'{}' object is not reversible", seq.ty().name()))
                );
            }
            let bound = crate::objects::descr::descr_get(vm, &f, Some(seq), &seq.ty().to_obj())?;
            return vm.call(&bound, &[]);
        }
    }
    let view = [
        (&vm.types.dict_keys, DictIterKind::Keys),
        (&vm.types.dict_values, DictIterKind::Values),
        (&vm.types.dict_items, DictIterKind::Items),
    ]
    .into_iter()
    .find(|(t, _)| std::ptr::eq(seq.type_ptr(), as_type(t)))
    .map(|(_, k)| k);
    if let Some(kind) = view {
        let d = crate::objects::dict_type::view_dict(seq).clone();
        let mut items = match kind {
            DictIterKind::Keys => dict::data(&d).keys(),
            DictIterKind::Values => dict::data(&d).items().into_iter().map(|(_, v)| v).collect(),
            DictIterKind::Items => {
                let mut out = Vec::new();
                for (k, v) in dict::data(&d).items() {
                    out.push(vm.new_tuple(vec![k, v])?);
                }
                out
            }
        };
        items.reverse();
        let l = vm.new_list(items)?;
        let ty = vm.types.list_iterator.clone();
        return vm.new_seq_iter(&ty, l);
    }
    let n = if let Some(l) = list::try_data(seq) {
        l.len()
    } else if let Some(t) = tuple::try_items(seq) {
        t.len()
    } else if let Some(r) = range_data(vm, seq) {
        let (start, step, len) = (r.start, r.step, r.len);
        let last = (start as i128 + step as i128 * (len as i128 - 1)) as i64;
        let ty = vm.types.range_iterator.clone();
        let data = RangeIterData {
            next: Cell::new(if len == 0 { start } else { last }),
            step: step.checked_neg().unwrap_or(i64::MAX),
            remaining: Cell::new(len),
        };
        return alloc(vm, &ty, data, false);
    } else if dict::is_dict(seq) {
        let mut keys = dict::data(seq).keys();
        keys.reverse();
        let l = vm.new_list(keys)?;
        let ty = vm.types.list_iterator.clone();
        return vm.new_seq_iter(&ty, l);
    } else if pystr::is_str(seq) {
        let chars: Vec<Obj> = pystr::as_str(seq)
            .chars()
            .rev()
            .map(|c| {
                let mut b = [0u8; 4];
                vm.new_str(c.encode_utf8(&mut b))
            })
            .collect::<PyResult<_>>()?;
        let l = vm.new_list(chars)?;
        let ty = vm.types.list_iterator.clone();
        return vm.new_seq_iter(&ty, l);
    } else if crate::objects::mmap::is_mmap(seq) {
        let items = crate::objects::mmap_type::reversed_items(vm, seq)?;
        let l = vm.new_list(items)?;
        let ty = vm.types.list_iterator.clone();
        return vm.new_seq_iter(&ty, l);
    } else if let Some(b) = crate::objects::buffer::bytes_like(seq) {
        let b = b.to_vec();
        let items: Vec<Obj> = b
            .iter()
            .rev()
            .map(|&x| vm.new_int(x as i64))
            .collect::<PyResult<_>>()?;
        let l = vm.new_list(items)?;
        let ty = vm.types.list_iterator.clone();
        return vm.new_seq_iter(&ty, l);
    } else if seq.ty().slots.getitem.get().is_some() && try_as_type(seq).is_none() {
        vm.len(seq)?
    } else {
        return Err(vm.type_error(format!("'{}' object is not reversible", seq.ty().name())));
    };
    let ty = vm.types.reversed.clone();
    alloc(
        vm,
        &ty,
        SeqIterData {
            seq: ObjSlot::new(Some(seq.clone())),
            index: Cell::new(n),
        },
        true,
    )
}
