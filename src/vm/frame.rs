//! Frame records: one per active Python call. The frame's locals and operand stack live in
//! the VM's shared value stack starting at `base`; the record holds the code, namespaces and
//! instruction pointer.

use crate::heap::frame_ref::FrameRef;
use crate::heap::Obj;

pub struct Frame {
    pub code: Obj,
    /// The function being run, when the frame holds its own reference to it: calls from Rust
    /// code and generator frames. A call from bytecode leaves it None (the callable stays on
    /// the value stack below the frame until it returns); module code has none.
    pub func: Option<Obj>,
    /// The namespaces, borrowed from the function when the frame runs one (the function
    /// outlives the frame, as in CPython 3.11), owned otherwise (module code, `exec`).
    pub globals: FrameRef,
    pub builtins: FrameRef,
    /// The namespace dict for `LOAD_NAME`/`STORE_NAME` (module and class bodies).
    pub locals: Option<Obj>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index in `Vm::stack` of local slot 0.
    pub base: usize,
    /// Stack length to cut back to when the frame returns (drops the callable too).
    pub cleanup_to: usize,
    /// Returning from this frame returns from the `run_frame` call that pushed it (a call
    /// from Rust code), instead of continuing the caller's bytecode.
    pub is_entry: bool,
}
