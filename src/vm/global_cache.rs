//! `LOAD_GLOBAL`'s inline cache: per name of a code object, where the name was last found —
//! an entry position in the globals dict or in the builtins dict.
//!
//! A position is only a hint: the entry there must hold the very same (interned) name object,
//! and a builtins hit is taken only after checking that the globals dict does not have the
//! name (it may have gained it since); that check is skipped while the globals dict still has
//! the version tag it had when the name was last missing from it (tags are unique per thread
//! and change with every mutation, `DictData::version`). So every answer is what the two-dict lookup gives, for
//! whichever globals and builtins the running frame has; a stale hint is a miss, never a
//! wrong value. No object is held, so refcounts are unchanged.

use std::cell::Cell;

use crate::heap::Obj;
use crate::objects::dict::DictData;

#[derive(Clone, Copy)]
enum Where {
    Unknown,
    Global(u32),
    /// Entry position in builtins, and the globals version known not to have the name.
    Builtin(u32, u64),
}

pub struct GlobalCache {
    hint: Cell<Where>,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            hint: Cell::new(Where::Unknown),
        }
    }
}

impl GlobalCache {
    /// The value of `name` in `globals`, else in `builtins`; None if neither has it.
    #[inline]
    pub fn load(&self, globals: &DictData, builtins: &DictData, name: &Obj) -> Option<Obj> {
        match self.hint.get() {
            Where::Global(pos) => {
                if let Some(v) = globals.value_at_identical(pos as usize, name) {
                    return Some(v);
                }
            }
            Where::Builtin(pos, globals_version) => {
                if let Some(v) = builtins.value_at_identical(pos as usize, name) {
                    if globals.version() == globals_version {
                        return Some(v);
                    }
                    if globals.get_str(name).is_none() {
                        self.hint.set(Where::Builtin(pos, globals.version()));
                        return Some(v);
                    }
                }
            }
            Where::Unknown => {}
        }
        self.load_and_remember(globals, builtins, name)
    }

    #[cold]
    fn load_and_remember(
        &self,
        globals: &DictData,
        builtins: &DictData,
        name: &Obj,
    ) -> Option<Obj> {
        if let Some((pos, v)) = globals.find_identical_str(name) {
            self.remember(Where::Global, pos);
            return Some(v);
        }
        if let Some(v) = globals.get_str(name) {
            return Some(v);
        }
        if let Some((pos, v)) = builtins.find_identical_str(name) {
            if let Ok(pos) = u32::try_from(pos) {
                self.hint.set(Where::Builtin(pos, globals.version()));
            }
            return Some(v);
        }
        builtins.get_str(name)
    }

    fn remember(&self, at: fn(u32) -> Where, pos: usize) {
        if let Ok(pos) = u32::try_from(pos) {
            self.hint.set(at(pos));
        }
    }
}
