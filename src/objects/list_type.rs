//! The slots and methods of `list` and `tuple`: repr, comparison, concatenation and
//! repetition, indexing and slicing (with slice assignment for lists), membership, iteration,
//! hashing for tuples, and the list methods including a stable `sort`.

use crate::heap::Obj;
use crate::objects::args::Args;
use crate::objects::list::{self, is_list};
use crate::objects::typeobj::{as_type, BinaryOp, CompareOp};
use crate::objects::{int, seq, tuple};
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let l = as_type(&vm.types.list);
    l.slots.repr.set(Some(list_repr));
    l.slots.richcompare.set(Some(seq_richcompare));
    l.slots.binary.set(Some(seq_binary));
    l.slots.inplace.set(Some(list_inplace));
    l.slots.len.set(Some(|_, l| Ok(list::data(l).len())));
    l.slots.getitem.set(Some(list_getitem));
    l.slots.setitem.set(Some(list_setitem));
    l.slots.contains.set(Some(seq_contains));
    l.slots.iter.set(Some(|vm, l| {
        let ty = vm.types.list_iterator.clone();
        vm.new_seq_iter(&ty, l.clone())
    }));
    l.slots.new.set(Some(list_new));

    let t = as_type(&vm.types.tuple);
    t.slots.repr.set(Some(tuple_repr));
    t.slots.richcompare.set(Some(seq_richcompare));
    t.slots.binary.set(Some(seq_binary));
    t.slots.len.set(Some(|_, t| Ok(tuple::len(t))));
    t.slots.getitem.set(Some(tuple_getitem));
    t.slots.contains.set(Some(seq_contains));
    t.slots.hash.set(Some(tuple_hash));
    t.slots.iter.set(Some(|vm, t| {
        let ty = vm.types.tuple_iterator.clone();
        vm.new_seq_iter(&ty, t.clone())
    }));
    t.slots.new.set(Some(tuple_new));

    let lt = vm.types.list.clone();
    add_method(vm, &lt, "append", list_append);
    add_method(vm, &lt, "extend", list_extend);
    add_method(vm, &lt, "pop", list_pop);
    add_method(vm, &lt, "insert", list_insert);
    add_method(vm, &lt, "remove", list_remove);
    add_method(vm, &lt, "index", seq_index);
    add_method(vm, &lt, "count", seq_count);
    add_method(vm, &lt, "reverse", list_reverse);
    add_method(vm, &lt, "sort", list_sort);
    add_method(vm, &lt, "copy", list_copy);
    add_method(vm, &lt, "clear", list_clear);
    let tt = vm.types.tuple.clone();
    add_method(vm, &tt, "index", seq_index);
    add_method(vm, &tt, "count", seq_count);
}

/// New handles to the items of a list or tuple.
fn items_of(s: &Obj) -> Vec<Obj> {
    if is_list(s) {
        list::data(s).snapshot()
    } else {
        tuple::items(s).to_vec()
    }
}

fn repr_items(
    vm: &mut Vm,
    items: &[Obj],
    open: &str,
    close: &str,
    tuple1: bool,
) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(it)?);
    }
    if tuple1 && items.len() == 1 {
        out.push(',');
    }
    out.push_str(close);
    Ok(out)
}

fn list_repr(vm: &mut Vm, l: &Obj) -> PyResult<Obj> {
    if vm.repr_guard_enter(l) {
        return vm.new_str("[...]");
    }
    let items = list::data(l).snapshot();
    let r = repr_items(vm, &items, "[", "]", false);
    vm.repr_guard_leave(l);
    vm.new_str(&r?)
}

fn tuple_repr(vm: &mut Vm, t: &Obj) -> PyResult<Obj> {
    if tuple::len(t) == 0 {
        return vm.new_str("()");
    }
    if vm.repr_guard_enter(t) {
        return vm.new_str("(...)");
    }
    let items = tuple::items(t).to_vec();
    let r = repr_items(vm, &items, "(", ")", true);
    vm.repr_guard_leave(t);
    vm.new_str(&r?)
}

/// Lexicographic comparison of two lists or two tuples.
fn seq_richcompare(vm: &mut Vm, a: &Obj, b: &Obj, op: CompareOp) -> PyResult<Obj> {
    let same_kind = (is_list(a) && is_list(b)) || (tuple::is_tuple(a) && tuple::is_tuple(b));
    if !same_kind {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (items_of(a), items_of(b));
    if x.len() != y.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.new_bool(op == CompareOp::Ne));
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !vm.eq(p, q)? {
            return match op {
                CompareOp::Eq => Ok(vm.false_obj.clone()),
                CompareOp::Ne => Ok(vm.true_obj.clone()),
                _ => vm.richcompare(p, q, op),
            };
        }
    }
    Ok(vm.new_bool(op.test(x.len().cmp(&y.len()))))
}

fn repeat_count(vm: &mut Vm, n: &Obj) -> PyResult<Option<usize>> {
    match int::as_int(n) {
        Some(int::IntValue::Small(v)) => Ok(Some((*v).max(0) as usize)),
        Some(_) => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer".into())),
        None => Ok(None),
    }
}

/// `+` between two sequences of the same kind and `*` by an int.
fn seq_binary(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let is_seq = |o: &Obj| is_list(o) || tuple::is_tuple(o);
    match op {
        BinaryOp::Add => {
            let same_kind =
                (is_list(a) && is_list(b)) || (tuple::is_tuple(a) && tuple::is_tuple(b));
            if !same_kind {
                return Ok(vm.not_implemented.clone());
            }
            let mut items = items_of(a);
            items.extend(items_of(b));
            if is_list(a) {
                vm.new_list(items)
            } else {
                vm.new_tuple(items)
            }
        }
        BinaryOp::Multiply => {
            let (s, n) = if is_seq(a) { (a, b) } else { (b, a) };
            if !is_seq(s) {
                return Ok(vm.not_implemented.clone());
            }
            let Some(count) = repeat_count(vm, n)? else {
                return Ok(vm.not_implemented.clone());
            };
            let items = items_of(s);
            if items.is_empty() || count == 0 {
                return if is_list(s) {
                    vm.new_list(Vec::new())
                } else {
                    Ok(vm.empty_tuple.clone())
                };
            }
            let total = items.len().checked_mul(count).filter(|t| *t < (1 << 40));
            let Some(total) = total else {
                return Err(vm.memory_error());
            };
            // The result's storage is taken from the heap first, whole: a repetition too big
            // for the heap (or its -X max-memory cap) fails at once, before any copying.
            let n = items.len();
            if is_list(s) {
                let mut out =
                    crate::heap::HeapVec::with_capacity(total).map_err(|_| vm.memory_error())?;
                for _ in 0..count {
                    for item in &items {
                        // Within the capacity reserved above: cannot fail.
                        out.push(item.clone()).map_err(|_| vm.memory_error())?;
                    }
                }
                vm.new_list_from_heapvec(out)
            } else {
                vm.new_tuple_from((0..total).map(|i| items[i % n].clone()))
            }
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

/// `+=` extends in place; `*=` repeats in place.
fn list_inplace(vm: &mut Vm, op: BinaryOp, a: &Obj, b: &Obj) -> PyResult<Obj> {
    match op {
        BinaryOp::Add => {
            vm.list_extend(a, b)?;
            Ok(a.clone())
        }
        BinaryOp::Multiply => {
            let Some(count) = repeat_count(vm, b)? else {
                return Ok(vm.not_implemented.clone());
            };
            let items = list::data(a).snapshot();
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            let old = list::data(a)
                .replace_all(out)
                .map_err(|_| vm.memory_error())?;
            drop(old);
            Ok(a.clone())
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn seq_contains(vm: &mut Vm, s: &Obj, item: &Obj) -> PyResult<bool> {
    for v in items_of(s) {
        if vm.eq(&v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn list_getitem(vm: &mut Vm, l: &Obj, key: &Obj) -> PyResult<Obj> {
    let d = list::data(l);
    if let Some(i) = int::as_small(key) {
        let n = d.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if (0..n).contains(&j) {
            return Ok(d.get(j as usize).expect("index in range"));
        }
        return Err(vm.index_error("list index out of range".into()));
    }
    if let Some(sl) = seq::resolve_slice(vm, key, d.len())? {
        let items: Vec<Obj> = d.with_items(|it| sl.positions().map(|p| it[p].clone()).collect());
        return vm.new_list(items);
    }
    if int::as_int(key).is_some() {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer".into()));
    }
    if let Some(k) = seq::index_key(vm, key)? {
        return list_getitem(vm, l, &k);
    }
    Err(vm.type_error(format!(
        "list indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

fn tuple_getitem(vm: &mut Vm, t: &Obj, key: &Obj) -> PyResult<Obj> {
    let items = tuple::items(t);
    if let Some(i) = int::as_small(key) {
        let n = items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if (0..n).contains(&j) {
            return Ok(items[j as usize].clone());
        }
        return Err(vm.index_error("tuple index out of range".into()));
    }
    if let Some(sl) = seq::resolve_slice(vm, key, items.len())? {
        let out: Vec<Obj> = sl.positions().map(|p| items[p].clone()).collect();
        return vm.new_tuple(out);
    }
    if let Some(k) = seq::index_key(vm, key)? {
        return tuple_getitem(vm, t, &k);
    }
    Err(vm.type_error(format!(
        "tuple indices must be integers or slices, not {}",
        key.ty().name()
    )))
}

fn list_setitem(vm: &mut Vm, l: &Obj, key: &Obj, value: Option<Obj>) -> PyResult<()> {
    let d = list::data(l);
    if let Some(i) = int::as_small(key) {
        let n = d.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if !(0..n).contains(&j) {
            // CPython 3.11 words deletion the same way as assignment.
            return Err(vm.index_error("list assignment index out of range".into()));
        }
        match value {
            Some(v) => drop(d.set(j as usize, v)),
            None => drop(d.remove(j as usize)),
        }
        return Ok(());
    }
    let Some(sl) = seq::resolve_slice(vm, key, d.len())? else {
        if let Some(k) = seq::index_key(vm, key)? {
            return list_setitem(vm, l, &k, value);
        }
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            key.ty().name()
        )));
    };
    match value {
        None => {
            let mut pos: Vec<usize> = sl.positions().collect();
            pos.sort_unstable();
            let mut removed = Vec::new();
            for p in pos.into_iter().rev() {
                removed.push(d.remove(p));
            }
            drop(removed);
            Ok(())
        }
        Some(v) => {
            if !vm.is_iterable(&v) {
                return Err(vm.type_error(
                    if sl.step == 1 {
                        "can only assign an iterable"
                    } else {
                        "must assign iterable to extended slice"
                    }
                    .into(),
                ));
            }
            let new_items = vm.iterate(&v)?;
            if sl.step == 1 {
                let start = sl.start.max(0) as usize;
                let mut items = d.snapshot();
                let end = start + sl.len;
                let removed: Vec<Obj> = items.splice(start..end, new_items).collect();
                let old = d.replace_all(items).map_err(|_| vm.memory_error())?;
                drop(removed);
                drop(old);
                return Ok(());
            }
            if new_items.len() != sl.len {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    sl.len
                )));
            }
            let mut old = Vec::new();
            for (p, v) in sl.positions().zip(new_items) {
                old.push(d.set(p, v));
            }
            drop(old);
            Ok(())
        }
    }
}

fn tuple_hash(vm: &mut Vm, t: &Obj) -> PyResult<i64> {
    // CPython 3.11's xxHash-based tuple hash.
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let items = tuple::items(t).to_vec();
    let mut acc: u64 = P5;
    for it in &items {
        let h = vm.hash(it)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn list_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "list", 0, 1)?;
    match pos.first() {
        Some(it) => {
            let items = vm.iterate(it)?;
            vm.new_list(items)
        }
        None => vm.new_list(Vec::new()),
    }
}

fn tuple_new(vm: &mut Vm, _cls: &Obj, args: Args) -> PyResult<Obj> {
    let pos = args.exact(vm, "tuple", 0, 1)?;
    match pos.first() {
        Some(it) if tuple::is_tuple(it) && it.ty().name() == "tuple" => Ok(it.clone()),
        Some(it) => {
            let items = vm.iterate(it)?;
            vm.new_tuple(items)
        }
        None => Ok(vm.empty_tuple.clone()),
    }
}

// ---- list methods ----

fn list_append(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "list.append", 1, 1)?;
    list::data(l)
        .push(a[0].clone())
        .map_err(|_| vm.memory_error())?;
    Ok(vm.none.clone())
}

fn list_extend(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "list.extend", 1, 1)?;
    vm.list_extend(l, &a[0])?;
    Ok(vm.none.clone())
}

fn list_pop(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "pop", 0, 1)?;
    let d = list::data(l);
    if d.is_empty() {
        return Err(vm.index_error("pop from empty list".into()));
    }
    let i = match a.first() {
        Some(i) => vm.index_i64(i)?,
        None => -1,
    };
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(vm.index_error("pop index out of range".into()));
    }
    if j == n - 1 {
        return Ok(d.pop().expect("non-empty"));
    }
    Ok(d.remove(j as usize))
}

fn list_insert(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "insert", 2, 2)?;
    let d = list::data(l);
    let n = d.len() as i64;
    let i = vm.index_i64(&a[0])?;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.insert(j as usize, a[1].clone())
        .map_err(|_| vm.memory_error())?;
    Ok(vm.none.clone())
}

fn list_remove(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "list.remove", 1, 1)?;
    let d = list::data(l);
    let mut i = 0;
    while let Some(v) = d.get(i) {
        if vm.eq(&v, &a[0])? {
            if i < d.len() {
                drop(d.remove(i));
            }
            return Ok(vm.none.clone());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list".into()))
}

fn seq_index(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "index", 1, 3)?;
    let items = items_of(s);
    let n = items.len() as i64;
    let norm = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let start = match a.get(1) {
        Some(v) => norm(vm.index_i64(v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => norm(vm.index_i64(v)?),
        None => n,
    };
    for i in start..stop {
        if vm.eq(&items[i as usize], &a[0])? {
            return vm.new_int(i);
        }
    }
    if is_list(s) {
        let r = vm.repr_string(&a[0])?;
        Err(vm.value_error(format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple".into()))
    }
}

fn seq_count(vm: &mut Vm, s: &Obj, args: Args) -> PyResult<Obj> {
    let a = args.exact(vm, "count", 1, 1)?;
    let mut c = 0;
    for v in items_of(s) {
        if vm.eq(&v, &a[0])? {
            c += 1;
        }
    }
    vm.new_int(c)
}

fn list_reverse(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "reverse", 0, 0)?;
    let d = list::data(l);
    let mut items = d.snapshot();
    items.reverse();
    let old = d.replace_all(items).map_err(|_| vm.memory_error())?;
    drop(old);
    Ok(vm.none.clone())
}

fn list_copy(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "copy", 0, 0)?;
    let items = list::data(l).snapshot();
    vm.new_list(items)
}

fn list_clear(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    args.exact(vm, "clear", 0, 0)?;
    let old = list::data(l).take_all();
    drop(old);
    Ok(vm.none.clone())
}

/// `list.sort(*, key=None, reverse=False)`: stable; the list reads as empty while sorting.
fn list_sort(vm: &mut Vm, l: &Obj, args: Args) -> PyResult<Obj> {
    if !args.pos().is_empty() {
        return Err(vm.type_error("sort() takes no positional arguments".into()));
    }
    let [key, reverse] = args.bind(vm, "sort", ["key", "reverse"], 0, 0)?;
    let key = key.filter(|k| !k.is(&vm.none)).cloned();
    let reverse = match reverse {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let d = list::data(l);
    let items = d.take_all();
    let result = sort_items(vm, items, key.as_ref(), reverse);
    let modified = !d.is_empty();
    match result {
        Ok(sorted) => {
            let old = d.replace_all(sorted).map_err(|_| vm.memory_error())?;
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort".into()));
            }
            Ok(vm.none.clone())
        }
        Err((e, original)) => {
            let old = d.replace_all(original).map_err(|_| vm.memory_error())?;
            drop(old);
            Err(e)
        }
    }
}

type SortErr = (crate::vm::PyErr, Vec<Obj>);

/// Sorts values (by key when given) with a stable merge sort that uses only `<`, as CPython.
/// On error the items come back in their original order with the exception.
pub fn sort_items(
    vm: &mut Vm,
    items: Vec<Obj>,
    key: Option<&Obj>,
    reverse: bool,
) -> Result<Vec<Obj>, SortErr> {
    let keys: Vec<Obj> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call(k, std::slice::from_ref(it)) {
                    Ok(v) => ks.push(v),
                    Err(e) => return Err((e, items)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        // Stable descending sort: reverse, sort ascending stably, reverse back.
        idx.reverse();
    }
    let mut err = None;
    merge_sort(&mut idx, &mut |a, b| {
        if err.is_some() {
            return false;
        }
        match vm.lt(&keys[b], &keys[a]) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    if let Some(e) = err {
        return Err((e, items));
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// Stable merge sort; `less(a, b)` is "b sorts strictly before a" inverted: it returns true
/// when the element at `b` must come before `a`. Never panics on inconsistent comparisons.
fn merge_sort(v: &mut [usize], greater: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && greater(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], greater);
    merge_sort(&mut v[mid..], greater);
    let left = v[..mid].to_vec();
    let right = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if greater(left[i], right[j]) {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    for &x in &left[i..] {
        v[k] = x;
        k += 1;
    }
    for &x in &right[j..] {
        v[k] = x;
        k += 1;
    }
}
