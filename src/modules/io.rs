//! The `io` module: creates the file types (`_io.TextIOWrapper`,
//! `_io.BufferedReader/Writer/Random`, `_io.StringIO`, `_io.BytesIO`) and
//! `io.UnsupportedOperation`. `open()` lives in `objects::file_open`, the standard streams,
//! `print` and `input` in `objects::file_stdio`.
//!
//! Invariant: `vm.io` is set once at startup (before any program runs) and holds one
//! reference to each type for the interpreter's lifetime.

use crate::heap::Obj;
use crate::objects::exception::{ExceptionData, EXC_DICT_OFFSET};
use crate::objects::file_methods::{file_dealloc, FileData, FILE_WEAKLIST_OFFSET};
use crate::objects::module::module_dict;
use crate::objects::pybox::{dealloc_box, PyBox};
use crate::objects::stringio::{
    bytes_io_new, mem_dealloc, string_io_new, weaklist_offset, MemFile,
};
use crate::objects::typeobj::{as_type, flags, DeallocFn};
use crate::vm::types::alloc_type_with_weaklist;
use crate::vm::{PyErr, Vm};

pub use crate::objects::file_open::builtin_open;
pub use crate::objects::file_stdio::{flush_std_streams, input, install_stdio, print_to};

pub struct IoTypes {
    pub io_base: Obj,
    pub text_io_base: Obj,
    pub buffered_io_base: Obj,
    pub raw_io_base: Obj,
    pub text_io_wrapper: Obj,
    pub buffered_reader: Obj,
    pub buffered_writer: Obj,
    pub buffered_random: Obj,
    pub string_io: Obj,
    pub bytes_io: Obj,
    pub unsupported_operation: Obj,
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let t = vm
        .io
        .as_ref()
        .expect("io types exist")
        .unsupported_operation
        .clone();
    vm.new_error(&t, msg.to_string())
}

/// How instances of a type made by `make_type` are laid out.
struct Layout {
    size: usize,
    flags: u32,
    dealloc: DeallocFn,
    dictoffset: usize,
    weaklistoffset: usize,
}

/// A built-in (static) type created after bootstrap: namespace, bases and MRO filled in.
fn make_type(vm: &mut Vm, name: &str, layout: Layout, bases: &[&Obj]) -> Obj {
    let qualname = name.rsplit('.').next().unwrap_or(name);
    let base = bases.first().copied().unwrap_or(&vm.types.object).clone();
    let inherited = as_type(&base).flags & flags::INHERITED;
    let meta = vm.types.type_.clone();
    let t = alloc_type_with_weaklist(
        Some(as_type(&meta)),
        name,
        qualname,
        layout.size,
        layout.flags | inherited,
        layout.dealloc,
        layout.dictoffset,
        layout.weaklistoffset,
    )
    .expect("out of memory at startup");
    let ty = as_type(&t);
    ty.base.set(Some(base.clone()));
    let d = vm.new_dict().expect("startup");
    ty.dict.set(Some(d));
    // The MRO by C3 linearisation of the bases' MROs (the bases list itself last).
    let bases_list: Vec<Obj> = if bases.is_empty() {
        vec![base.clone()]
    } else {
        bases.iter().map(|b| (*b).clone()).collect()
    };
    let mut seqs: Vec<Vec<Obj>> = bases_list
        .iter()
        .map(|b| {
            let bm = as_type(b).mro.get().expect("bases have an MRO");
            crate::objects::tuple::items(&bm).to_vec()
        })
        .collect();
    seqs.push(bases_list);
    let mut mro = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        let Some(head) = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(h))))
        else {
            break;
        };
        for s in seqs.iter_mut() {
            if s[0].is(&head) {
                s.remove(0);
            }
        }
        mro.push(head);
    }
    let bases_t = vm
        .new_tuple(if bases.is_empty() {
            vec![base]
        } else {
            bases.iter().map(|b| (*b).clone()).collect()
        })
        .expect("startup");
    ty.bases.set(Some(bases_t));
    let m = vm.new_tuple(mro).expect("startup");
    ty.mro.set(Some(m));
    crate::objects::object_type::set_doc_if_missing(vm, &t);
    t
}

/// Creates the io types and stores them in `vm.io`.
pub fn create_types(vm: &mut Vm) {
    let file_layout = || Layout {
        size: std::mem::size_of::<PyBox<FileData>>(),
        flags: flags::HAVE_GC,
        dealloc: file_dealloc,
        dictoffset: 0,
        weaklistoffset: FILE_WEAKLIST_OFFSET,
    };
    // The abstract bases the concrete classes share (CPython's `io.IOBase` and friends are
    // ABCs registered over these; here they are the classes themselves).
    let abstract_layout = || Layout {
        size: std::mem::size_of::<PyBox<()>>(),
        flags: 0,
        dealloc: dealloc_box::<()>,
        dictoffset: 0,
        weaklistoffset: 0,
    };
    let io_base = make_type(vm, "_io._IOBase", abstract_layout(), &[]);
    let text_base = make_type(vm, "_io._TextIOBase", abstract_layout(), &[&io_base]);
    let buffered_base = make_type(vm, "_io._BufferedIOBase", abstract_layout(), &[&io_base]);
    let raw_base = make_type(vm, "_io._RawIOBase", abstract_layout(), &[&io_base]);
    let file_types: Vec<Obj> = [
        ("_io.TextIOWrapper", &text_base),
        ("_io.BufferedReader", &buffered_base),
        ("_io.BufferedWriter", &buffered_base),
        ("_io.BufferedRandom", &buffered_base),
    ]
    .iter()
    .map(|(n, base)| make_type(vm, n, file_layout(), &[base]))
    .collect();
    let string_io = make_type(
        vm,
        "_io.StringIO",
        Layout {
            size: std::mem::size_of::<PyBox<MemFile<char>>>(),
            flags: flags::HAVE_GC,
            dealloc: mem_dealloc::<char>,
            dictoffset: 0,
            weaklistoffset: weaklist_offset::<char>(),
        },
        &[&text_base],
    );
    let bytes_io = make_type(
        vm,
        "_io.BytesIO",
        Layout {
            size: std::mem::size_of::<PyBox<MemFile<u8>>>(),
            flags: flags::HAVE_GC,
            dealloc: mem_dealloc::<u8>,
            dictoffset: 0,
            weaklistoffset: weaklist_offset::<u8>(),
        },
        &[&buffered_base],
    );
    let (os_error, value_error) = (
        vm.types.exc.os_error.clone(),
        vm.types.exc.value_error.clone(),
    );
    let unsupported_operation = make_type(
        vm,
        "io.UnsupportedOperation",
        Layout {
            size: std::mem::size_of::<PyBox<ExceptionData>>(),
            flags: flags::HAVE_GC,
            dealloc: dealloc_box::<ExceptionData>,
            dictoffset: EXC_DICT_OFFSET,
            weaklistoffset: 0,
        },
        &[&os_error, &value_error],
    );
    // Exceptions share OSError's slots (construction, str, attributes).
    let (src, dst) = (as_type(&os_error), as_type(&unsupported_operation));
    let s = &src.slots;
    let d = &dst.slots;
    d.new.set(s.new.get());
    d.repr.set(s.repr.get());
    d.str.set(s.str.get());
    d.getattro.set(s.getattro.get());
    d.setattro.set(s.setattro.get());
    d.hash.set(s.hash.get());
    d.traverse.set(s.traverse.get());
    d.clear.set(s.clear.get());

    crate::objects::file_methods::install(vm, &file_types);
    as_type(&string_io).slots.new.set(Some(string_io_new));
    as_type(&bytes_io).slots.new.set(Some(bytes_io_new));
    crate::objects::stringio::install::<char>(vm, &string_io);
    crate::objects::stringio::install::<u8>(vm, &bytes_io);
    let mut it = file_types.into_iter();
    let mut next = || it.next().expect("four file types");
    vm.io = Some(IoTypes {
        io_base,
        text_io_base: text_base,
        buffered_io_base: buffered_base,
        raw_io_base: raw_base,
        text_io_wrapper: next(),
        buffered_reader: next(),
        buffered_writer: next(),
        buffered_random: next(),
        string_io,
        bytes_io,
        unsupported_operation,
    });
}

/// The `io` module.
pub fn create(vm: &mut Vm) -> Obj {
    let m = vm.new_module("io").expect("startup");
    let d = module_dict(&m).clone();
    let open = vm.new_builtin("open", builtin_open).expect("startup");
    vm.dict_set_str(&d, "open", open).expect("startup");
    let io = vm.io.as_ref().expect("io types exist");
    let entries = [
        ("TextIOWrapper", io.text_io_wrapper.clone()),
        ("BufferedReader", io.buffered_reader.clone()),
        ("BufferedWriter", io.buffered_writer.clone()),
        ("BufferedRandom", io.buffered_random.clone()),
        ("StringIO", io.string_io.clone()),
        ("BytesIO", io.bytes_io.clone()),
        ("UnsupportedOperation", io.unsupported_operation.clone()),
        ("IOBase", io.io_base.clone()),
        ("TextIOBase", io.text_io_base.clone()),
        ("BufferedIOBase", io.buffered_io_base.clone()),
        ("RawIOBase", io.raw_io_base.clone()),
    ];
    for (name, v) in entries {
        vm.dict_set_str(&d, name, v).expect("startup");
    }
    for (name, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("DEFAULT_BUFFER_SIZE", 8192),
    ] {
        let v = vm.new_int(v).expect("startup");
        vm.dict_set_str(&d, name, v).expect("startup");
    }
    m
}
