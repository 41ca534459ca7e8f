//! The `mmap` module: the `mmap.mmap` type (made at startup with the buffer family, see
//! `objects::mmap_type`), `mmap.error` (OSError) and the Linux constants for access modes,
//! mapping flags, protections and madvise advice, with the system's values.

use crate::heap::Obj;
use crate::objects::module::module_dict;
use crate::vm::{PyResult, Vm};

pub fn create(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("mmap")?;
    let d = module_dict(&m).clone();
    let ty = vm.types.buf.mmap.clone();
    vm.dict_set_str(&d, "mmap", ty)?;
    let error = vm.types.exc.os_error.clone();
    vm.dict_set_str(&d, "error", error)?;
    let page = crate::objects::mmap_region::page_size() as i64;
    let constants: &[(&str, i64)] = &[
        ("ACCESS_DEFAULT", 0),
        ("ACCESS_READ", 1),
        ("ACCESS_WRITE", 2),
        ("ACCESS_COPY", 3),
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
    ];
    for (name, v) in constants {
        let o = vm.new_int(*v)?;
        vm.dict_set_str(&d, name, o)?;
    }
    Ok(m)
}
