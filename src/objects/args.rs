//! `Args`: the arguments of a call as the callee sees them, in vectorcall shape: positional
//! values followed by keyword values, with the keyword names in a tuple of str.
//!
//! Invariant: when `kwnames` is present, the last `kwnames.len()` entries of `values` are the
//! keyword arguments, in the order of `kwnames`.

use crate::heap::Obj;
use crate::objects::{str as pystr, tuple};
use crate::vm::{PyResult, Vm};

/// Argument values prepended with the object a method is bound to (`self`), for the common
/// call shapes without a heap allocation.
pub fn with_self(first: &Obj, rest: &[Obj]) -> crate::vm::eval::ArgVec {
    let mut all = crate::vm::eval::ArgVec::with_capacity(rest.len() + 1);
    all.push(first.clone());
    all.extend(rest.iter().cloned());
    all
}

#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Obj],
    pub kwnames: Option<&'a Obj>,
}

impl<'a> Args<'a> {
    pub fn new(values: &'a [Obj]) -> Args<'a> {
        Args {
            values,
            kwnames: None,
        }
    }

    pub fn with_kwnames(values: &'a [Obj], kwnames: Option<&'a Obj>) -> Args<'a> {
        Args { values, kwnames }
    }

    pub fn n_kw(&self) -> usize {
        self.kwnames.map_or(0, tuple::len)
    }

    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Obj] {
        &self.values[..self.values.len() - self.n_kw()]
    }

    /// `(name, value)` for each keyword argument.
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Obj)> + 'a {
        let names: &'a [Obj] = self.kwnames.map_or(&[], tuple::items);
        let vals = &self.values[self.values.len() - names.len()..];
        names.iter().map(pystr::as_str).zip(vals.iter())
    }

    /// Fails with CPython's message if any keyword argument was given.
    pub fn no_kwargs(&self, vm: &mut Vm, fname: &str) -> PyResult<()> {
        if self.n_kw() > 0 {
            return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }

    /// Checks the positional count is within `[min, max]` and that no keywords were given;
    /// returns the positional arguments.
    pub fn exact(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Obj]> {
        self.no_kwargs(vm, fname)?;
        let pos = self.pos();
        check_count(vm, fname, pos.len(), min, max)?;
        Ok(pos)
    }

    /// Binds positional and keyword arguments to `names` (CPython's argument-clinic style):
    /// the first `npos_only` names are positional-only, `min` are required. Returns one slot
    /// per name.
    pub fn bind<const N: usize>(
        &self,
        vm: &mut Vm,
        fname: &str,
        names: [&str; N],
        npos_only: usize,
        min: usize,
    ) -> PyResult<[Option<&'a Obj>; N]> {
        let mut out: [Option<&'a Obj>; N] = [None; N];
        let pos = self.pos();
        if pos.len() > N {
            check_count(vm, fname, pos.len(), min, N)?;
        }
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v);
        }
        for (k, v) in self.kwargs() {
            match names.iter().position(|n| *n == k) {
                Some(i) if i >= npos_only => {
                    if out[i].is_some() {
                        return Err(vm.type_error(format!(
                            "argument for {fname}() given by name ('{k}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v);
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "{fname}() got an unexpected keyword argument '{k}'"
                    )))
                }
            }
        }
        for (i, slot) in out.iter().enumerate().take(min) {
            if slot.is_none() {
                if i < npos_only || self.n_kw() == 0 {
                    check_count(vm, fname, pos.len(), min, N)?;
                }
                return Err(vm.type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )));
            }
        }
        Ok(out)
    }
}

/// CPython's messages for a wrong number of positional arguments to a built-in.
pub fn check_count(vm: &mut Vm, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({n} given)"),
            1 => format!("{fname}() takes exactly one argument ({n} given)"),
            _ => format!("{fname} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{fname} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{fname} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(vm.type_error(msg))
}
