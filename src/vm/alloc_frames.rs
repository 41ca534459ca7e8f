//! The VM's frame provider for `heap::tracemalloc`: while bytecode runs, the allocator can ask
//! which Python lines are executing, so each traced block is attributed to the line (and
//! callers) that allocated it.
//!
//! Invariant: the provider is registered only for the extent of a `run_frame` call (a
//! `ProviderGuard` on its Rust stack frame), during which the `Vm` is mutably borrowed by that
//! call and so can neither move nor be dropped. Outside bytecode no provider is registered and
//! allocations are attributed to `<unknown>:0`.

use crate::bytecode::CodeObject;
use crate::heap::tracemalloc::{self, FrameProvider};
use crate::vm::{Frame, Vm};

/// Restores the previously registered provider (an outer `run_frame`, or none) on drop.
pub(crate) struct ProviderGuard(Option<FrameProvider>);

impl Drop for ProviderGuard {
    fn drop(&mut self) {
        tracemalloc::restore_frame_provider(self.0);
    }
}

impl Vm {
    /// Registers this VM's frame stack as the allocator's frame provider until the guard drops.
    /// The guard must live on the stack of a function that holds `&mut self` for its whole
    /// life (`run_frame`).
    #[inline]
    pub(crate) fn register_frame_provider(&self) -> ProviderGuard {
        let ctx = &self.frames as *const Vec<Frame> as *const ();
        ProviderGuard(tracemalloc::set_frame_provider(FrameProvider {
            ctx,
            walk: walk_frames,
            line: innermost_line,
            stack: whole_stack,
        }))
    }
}

/// Reports the innermost `limit` frames as (filename, line); returns the stack's depth.
///
/// # Safety
/// `ctx` is the `frames` vector of a `Vm` registered by `register_frame_provider` whose guard
/// is still alive.
unsafe fn walk_frames(ctx: *const (), limit: usize, visit: &mut dyn FnMut(&str, u32)) -> usize {
    // SAFETY: by the registration contract the Vm is alive and pinned by the `run_frame` call
    // holding the guard. The walker runs synchronously inside an allocation made by this
    // thread, and it only reads: no frame record is being modified at that moment, because
    // pushing and popping `frames` allocates from Rust's allocator (never obmalloc) and the
    // records' fields are written only by plain stores outside allocation calls. Nothing here
    // allocates from obmalloc either, so the allocator is not re-entered.
    let frames = unsafe { &*(ctx as *const Vec<Frame>) };
    for f in frames.iter().rev().take(limit) {
        // SAFETY: a frame's `code` is always a code object, whose layout is
        // `PyBox<CodeObject>` (the same fact `Vm::code_of` checks).
        let code = unsafe { crate::objects::pybox::payload::<CodeObject>(&f.code) };
        visit(&code.filename, line_of(code, f.ip));
    }
    frames.len()
}

/// Every frame, outermost first, as (filename, line, qualname).
///
/// # Safety
/// As for `walk_frames`.
unsafe fn whole_stack(ctx: *const (), visit: &mut dyn FnMut(&str, u32, &str)) {
    // SAFETY: as in `walk_frames`: the registered Vm is alive, and this only reads.
    let frames = unsafe { &*(ctx as *const Vec<Frame>) };
    for f in frames {
        // SAFETY: a frame's `code` is always a code object (`PyBox<CodeObject>` layout).
        let code = unsafe { crate::objects::pybox::payload::<CodeObject>(&f.code) };
        visit(&code.filename, line_of(code, f.ip), &code.name);
    }
}

/// The innermost frame as (file id, line).
///
/// # Safety
/// As for `walk_frames`.
unsafe fn innermost_line(ctx: *const ()) -> Option<(u32, u32)> {
    // SAFETY: as in `walk_frames`: the registered Vm is alive, and this only reads.
    let frames = unsafe { &*(ctx as *const Vec<Frame>) };
    let f = frames.last()?;
    // SAFETY: a frame's `code` is always a code object (`PyBox<CodeObject>` layout).
    let code = unsafe { crate::objects::pybox::payload::<CodeObject>(&f.code) };
    Some((code.filename_id, line_of(code, f.ip)))
}

/// The line of the instruction a frame is executing: `ip` is the index of the next one (the
/// eval loop stores it before each instruction that can allocate; a caller's record holds the
/// return point, just after its call).
pub(crate) fn line_of(code: &CodeObject, ip: usize) -> u32 {
    ip.checked_sub(1)
        .and_then(|i| code.locations.get(i))
        .map(|l| l.line)
        .filter(|l| *l > 0)
        .unwrap_or(code.firstlineno)
}
