//! The heap: object headers, owning handles, the obmalloc allocator, heap-backed vectors and
//! the collector's generation lists. All raw reference counting and raw memory handling of the
//! interpreter lives here; the rest of the crate uses `Obj` handles.

pub mod alloc;
pub mod attr_cache;
pub mod census;
pub mod collector;
pub mod frame_ref;
pub mod free_list;
pub mod gc;
pub mod handle;
pub mod header;
pub mod heapvec;
pub mod instance_values;
pub mod memreport;
pub mod obmalloc;
pub mod pending;
pub mod site_sampler;
pub mod slot;
pub mod source_names;
#[cfg(test)]
pub(crate) mod test_objects;
pub mod tracemalloc;
pub mod type_attr_cache;
pub mod value_stack;

pub use alloc::AllocError;
pub use handle::Obj;
pub use header::ObjHeader;
pub use heapvec::HeapVec;
pub use slot::{as_objs, ObjSlot};
