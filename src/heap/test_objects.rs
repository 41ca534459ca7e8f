//! Counted objects for unit tests that need a few objects but no interpreter.
//!
//! `Vm::new()` builds every built-in type, method table and module: a few milliseconds
//! natively, but minutes of a `scripts/miri` run. Tests of code that only moves, clones and
//! drops handles (value stacks, frame references, instance values, reference counting, the
//! trashcan) make their objects here instead: real heap objects, allocated and freed by
//! obmalloc through the same `alloc_object`/`dealloc_box` paths as built-in ones, of bare
//! types that have no methods. The collector's tests, which need built-in lists and their
//! traversal (and collect over everything the bootstrap made), still build a `Vm`.

use crate::heap::{Obj, ObjHeader};
use crate::objects::pybox::{dealloc_box, new_box, PyBox};
use crate::objects::typeobj::{as_type, flags, DeallocFn, TypeObject};
use crate::vm::types::alloc_type_with_weaklist;

/// The dealloc slot of the test metatype, whose instances (the test types) are never freed.
///
/// # Safety
/// Never called: see `TestObjects::new`.
unsafe fn never_freed(_: std::ptr::NonNull<ObjHeader>) {
    unreachable!("test types are permanent")
}

/// Two types: boxed `i64`s, and containers (a boxed `Vec<Obj>`, which releases its items
/// when it is freed, as a list does).
pub struct TestObjects {
    int: Obj,
    container: Obj,
}

impl TestObjects {
    /// Makes the types and their metatype. Like the built-in types they are permanent: one
    /// reference to each is leaked, so none is freed while objects point at them.
    pub fn new() -> TestObjects {
        let meta = alloc_type_with_weaklist(
            None,
            "test_type",
            "test_type",
            std::mem::size_of::<TypeObject>(),
            flags::TYPE_SUBCLASS,
            never_freed,
            0,
            0,
        )
        .expect("out of memory");
        let make = |name: &str, basicsize: usize, dealloc: DeallocFn| {
            let t = alloc_type_with_weaklist(
                Some(as_type(&meta)),
                name,
                name,
                basicsize,
                0,
                dealloc,
                0,
                0,
            )
            .expect("out of memory");
            std::mem::forget(t.clone());
            t
        };
        let int = make(
            "test_int",
            std::mem::size_of::<PyBox<i64>>(),
            dealloc_box::<i64>,
        );
        let container = make(
            "test_container",
            std::mem::size_of::<PyBox<Vec<Obj>>>(),
            dealloc_box::<Vec<Obj>>,
        );
        std::mem::forget(meta);
        TestObjects { int, container }
    }

    /// A new object (count 1) holding `v`.
    pub fn new_obj(&self, v: i64) -> Obj {
        new_box(as_type(&self.int), v, false).expect("out of memory")
    }

    /// A new container (count 1) owning `items`.
    pub fn new_container(&self, items: Vec<Obj>) -> Obj {
        new_box(as_type(&self.container), items, false).expect("out of memory")
    }
}
