//! Source file names as small integers: each code object carries the id of its filename, so
//! the allocation hooks can name "the line that allocated this" with two integers (file id,
//! line) instead of a string, and compare or hash them in a few instructions.
//!
//! Invariant: an id, once given, names the same file name for the life of the thread (the
//! table only grows; it holds each distinct file name once).

use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
struct Table {
    names: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32, ahash::RandomState>,
}

thread_local! {
    // ManuallyDrop: never destroyed, so objects freed while the thread's locals are torn down
    // (an interpreter kept in a thread-local, dropped at thread exit) still find it; the OS
    // reclaims it with the thread.
    static TABLE: std::mem::ManuallyDrop<RefCell<Table>> =
        std::mem::ManuallyDrop::new(RefCell::new(Table::default()));
}

/// The id of `filename`, given on first use.
pub fn intern(filename: &str) -> u32 {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(&id) = t.ids.get(filename) {
            return id;
        }
        let id = u32::try_from(t.names.len()).unwrap_or(u32::MAX);
        t.names.push(filename.into());
        t.ids.insert(filename.into(), id);
        id
    })
}

/// The file name an id was given for.
pub fn name(id: u32) -> Option<String> {
    TABLE.with(|t| t.borrow().names.get(id as usize).map(|n| n.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = intern("a.py");
        let b = intern("b.py");
        assert_ne!(a, b);
        assert_eq!(intern("a.py"), a);
        assert_eq!(name(b).as_deref(), Some("b.py"));
    }
}
