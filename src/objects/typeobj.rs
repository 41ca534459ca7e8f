//! Type objects: every object's `ob_type` points at one. A type carries its name, basic size,
//! flags, base and MRO, a namespace dict, and the slot functions the VM dispatches through
//! (dealloc, repr, hash, compare, attribute access, call, iteration, number and sequence ops).
//!
//! Invariants:
//! - Built-in types are created once per interpreter and live until it is torn down.
//! - `mro` holds a tuple starting with the type itself and ending with `object`.
//! - Slot cells are `Cell`s so heap types can refill them when their dunders change.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::heap::{Obj, ObjHeader, ObjSlot};
use crate::objects::args::Args;
use crate::vm::{PyResult, Vm};

pub type DeallocFn = unsafe fn(NonNull<ObjHeader>);
pub type ReprFn = fn(&mut Vm, &Obj) -> PyResult<Obj>;
pub type HashFn = fn(&mut Vm, &Obj) -> PyResult<i64>;
/// Returns `NotImplemented` when the comparison is not supported for these operands.
pub type RichCmpFn = fn(&mut Vm, &Obj, &Obj, CompareOp) -> PyResult<Obj>;
pub type GetAttrFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<Obj>;
pub type SetAttrFn = fn(&mut Vm, &Obj, &Obj, Option<Obj>) -> PyResult<()>;
pub type CallFn = fn(&mut Vm, &Obj, Args) -> PyResult<Obj>;
pub type IterFn = fn(&mut Vm, &Obj) -> PyResult<Obj>;
/// `Ok(None)` means exhausted, without allocating a StopIteration.
pub type NextFn = fn(&mut Vm, &Obj) -> PyResult<Option<Obj>>;
pub type LenFn = fn(&mut Vm, &Obj) -> PyResult<usize>;
pub type GetItemFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<Obj>;
/// `None` as the value deletes the item.
pub type SetItemFn = fn(&mut Vm, &Obj, &Obj, Option<Obj>) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Obj, &Obj) -> PyResult<bool>;
pub type BoolFn = fn(&mut Vm, &Obj) -> PyResult<bool>;
/// Returns `NotImplemented` when this type does not handle the operand pair.
pub type BinaryFn = fn(&mut Vm, BinaryOp, &Obj, &Obj) -> PyResult<Obj>;
pub type UnaryFn = fn(&mut Vm, UnaryOp, &Obj) -> PyResult<Obj>;
/// Calling the type object: `int('5')`, `list(x)`.
pub type NewFn = fn(&mut Vm, &Obj, Args) -> PyResult<Obj>;
/// Visits every object reference the container holds (the collector's `tp_traverse`).
pub type TraverseFn = fn(&Obj, &mut dyn FnMut(&Obj));
/// Queues an unreachable object's finalizer for the collector; true if it did.
pub type GcFinalizeFn = fn(&Obj) -> bool;
/// Drops the container's references to break a cycle (`tp_clear`).
pub type ClearFn = fn(&Obj);
/// A method implemented in Rust: receives `self` and the call's arguments.
pub type MethodFn = fn(&mut Vm, &Obj, Args) -> PyResult<Obj>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// The operation with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }
    pub fn from_u32(v: u32) -> CompareOp {
        match v {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            _ => CompareOp::Ge,
        }
    }
    /// Applies the operation to an ordering.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// Binary operators, in the order of CPython 3.11's `BINARY_OP` argument (`NB_*`); the
/// in-place forms are `op as u32 + INPLACE_OFFSET`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

pub const INPLACE_OFFSET: u32 = 13;

impl BinaryOp {
    pub const ALL: [BinaryOp; 13] = [
        BinaryOp::Add,
        BinaryOp::And,
        BinaryOp::FloorDivide,
        BinaryOp::Lshift,
        BinaryOp::MatrixMultiply,
        BinaryOp::Multiply,
        BinaryOp::Remainder,
        BinaryOp::Or,
        BinaryOp::Power,
        BinaryOp::Rshift,
        BinaryOp::Subtract,
        BinaryOp::TrueDivide,
        BinaryOp::Xor,
    ];
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::And => "&",
            BinaryOp::FloorDivide => "//",
            BinaryOp::Lshift => "<<",
            BinaryOp::MatrixMultiply => "@",
            BinaryOp::Multiply => "*",
            BinaryOp::Remainder => "%",
            BinaryOp::Or => "|",
            BinaryOp::Power => "**",
            BinaryOp::Rshift => ">>",
            BinaryOp::Subtract => "-",
            BinaryOp::TrueDivide => "/",
            BinaryOp::Xor => "^",
        }
    }
    /// The dunder names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinaryOp::And => ("__and__", "__rand__", "__iand__"),
            BinaryOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinaryOp::Lshift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinaryOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinaryOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
            BinaryOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
            BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
            BinaryOp::Power => ("__pow__", "__rpow__", "__ipow__"),
            BinaryOp::Rshift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinaryOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
            BinaryOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinaryOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Negative,
    Positive,
    Invert,
}

/// `tp_flags` bits. The `*_SUBCLASS` bits let fast checks ("is this an int?") avoid walking
/// the MRO, as in CPython.
pub mod flags {
    pub const HEAPTYPE: u32 = 1 << 9;
    pub const BASETYPE: u32 = 1 << 10;
    pub const HAVE_GC: u32 = 1 << 14;
    /// Instances use the `__slots__` cell layout of `objects/slots_layout.rs`.
    pub const SLOTTED: u32 = 1 << 1;
    /// Instances hold no references to other objects (exact int, float, str, bytes):
    /// releasing one releases nothing else, so its dealloc skips the trashcan. Not
    /// inherited (a subclass's instances have a dict).
    pub const LEAF: u32 = 1 << 3;
    pub const LONG_SUBCLASS: u32 = 1 << 24;
    pub const LIST_SUBCLASS: u32 = 1 << 25;
    pub const TUPLE_SUBCLASS: u32 = 1 << 26;
    pub const BYTES_SUBCLASS: u32 = 1 << 27;
    pub const UNICODE_SUBCLASS: u32 = 1 << 28;
    pub const DICT_SUBCLASS: u32 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 30;
    pub const TYPE_SUBCLASS: u32 = 1 << 31;
    /// Bits inherited by subclasses.
    pub const INHERITED: u32 = LONG_SUBCLASS
        | LIST_SUBCLASS
        | TUPLE_SUBCLASS
        | BYTES_SUBCLASS
        | UNICODE_SUBCLASS
        | DICT_SUBCLASS
        | BASE_EXC_SUBCLASS
        | TYPE_SUBCLASS;
}

/// The slot table. Each slot is a `Cell` so heap types can change it at run time.
#[derive(Default)]
pub struct Slots {
    pub repr: Cell<Option<ReprFn>>,
    pub str: Cell<Option<ReprFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub getattro: Cell<Option<GetAttrFn>>,
    pub setattro: Cell<Option<SetAttrFn>>,
    pub call: Cell<Option<CallFn>>,
    pub iter: Cell<Option<IterFn>>,
    pub iternext: Cell<Option<NextFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<GetItemFn>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
    pub bool: Cell<Option<BoolFn>>,
    pub binary: Cell<Option<BinaryFn>>,
    /// In-place form (`+=`); falls back to `binary` when absent or `NotImplemented`.
    pub inplace: Cell<Option<BinaryFn>>,
    pub unary: Cell<Option<UnaryFn>>,
    pub new: Cell<Option<NewFn>>,
    pub traverse: Cell<Option<TraverseFn>>,
    pub clear: Cell<Option<ClearFn>>,
    /// Instances have a Python `__del__` to run before they are freed.
    pub finalizer: Cell<bool>,
    /// For the collector (PEP 442): queues the finalizer of an unreachable instance that has
    /// not run it yet, returning whether it did.
    pub gc_finalize: Cell<Option<GcFinalizeFn>>,
}

#[repr(C)]
pub struct TypeObject {
    pub head: ObjHeader,
    /// Weak references to this type (dropped, hence cleared, before the other fields).
    pub weaklist: crate::objects::weakref::WeakList,
    pub name: String,
    /// `__qualname__` (the name for built-in types).
    pub qualname: String,
    /// Byte offset of the instance-dict `ObjSlot` inside an instance (CPython's
    /// `tp_dictoffset`); 0 when instances have no `__dict__`.
    pub dictoffset: usize,
    /// Byte offset of the `WeakList` inside an instance (`tp_weaklistoffset`); 0 when the
    /// type does not support weak references.
    pub weaklistoffset: usize,
    /// `__bases__`: a tuple of types (None until set).
    pub bases: ObjSlot,
    /// Size in bytes of an instance's fixed part (header included, GC header excluded).
    pub basicsize: usize,
    pub flags: u32,
    /// Live instances and their bytes (kept by the allocator, see `heap::census`); next to
    /// `flags`, which allocation and deallocation read anyway, so it shares their cache line.
    pub instances: crate::heap::census::InstanceCensus,
    pub dealloc: DeallocFn,
    pub slots: Slots,
    pub base: ObjSlot,
    /// Tuple of types, this one first.
    pub mro: ObjSlot,
    /// The namespace (`__dict__`), a dict object.
    pub dict: ObjSlot,
    /// The attribute names its plain instances share (`objects::shared_keys`).
    pub shared_keys: crate::objects::shared_keys::SharedKeys,
}

impl TypeObject {
    #[inline(always)]
    pub fn name(&self) -> &str {
        &self.name
    }

    #[inline(always)]
    pub fn has_gc(&self) -> bool {
        self.flags & flags::HAVE_GC != 0
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// A non-counting handle to this type, valid while `self` is borrowed (for traversal).
    pub fn to_obj_borrowed(&self) -> std::mem::ManuallyDrop<Obj> {
        // SAFETY: `self` is a live type object; the handle is never dropped, so the count is
        // untouched.
        std::mem::ManuallyDrop::new(unsafe { Obj::from_owned(NonNull::from(&self.head)) })
    }

    /// A handle to this type object.
    pub fn to_obj(&self) -> Obj {
        // SAFETY: `self` is a live type object (a type is never freed while objects of it live).
        unsafe { Obj::from_borrowed(NonNull::from(&self.head)) }
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(&self, other: *const TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        match self.mro.get() {
            Some(mro) => crate::objects::tuple::items(&mro)
                .iter()
                .any(|t| std::ptr::eq(t.as_ptr() as *const TypeObject, other)),
            None => false,
        }
    }
}

/// Views a type object handle as its layout.
///
/// Panics if `obj` is not a type.
pub fn as_type(obj: &Obj) -> &TypeObject {
    assert!(obj.ty().has_flag(flags::TYPE_SUBCLASS), "not a type object");
    // SAFETY: objects whose type has TYPE_SUBCLASS use the `TypeObject` layout.
    unsafe { obj.cast::<TypeObject>() }
}

/// Views a type object handle as its layout, if it is one.
pub fn try_as_type(obj: &Obj) -> Option<&TypeObject> {
    if obj.ty().has_flag(flags::TYPE_SUBCLASS) {
        // SAFETY: checked above.
        Some(unsafe { obj.cast::<TypeObject>() })
    } else {
        None
    }
}
